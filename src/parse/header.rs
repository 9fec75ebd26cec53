//! Header: the lines before the headline — timestamps, `-- `-prefixed header fields, slugs, URLs.

use std::sync::LazyLock;

use regex::Regex;

use super::Lines;
use super::layout::collapse_whitespace;
use super::timestamp;
use crate::article::{Span, Text, Timestamp};

/// What the header lines held.
#[derive(Debug, Default)]
pub struct Header {
    /// Timestamps in the order written.
    pub timestamps: Vec<Timestamp>,
    /// A headline written as a header field (`-- Headline`).
    pub headline: Option<Text>,
    /// Byline fields (`-- By A and B`), left for the byline stage.
    pub bylines: Vec<Text>,
    /// Other header lines: slugs, URLs, empty `--` fields.
    pub other: Vec<Text>,
}

/// Wire slugs and keyword lines: `BC-Iran-Talks`, `AM-Iran-Talks,0412`, `urgent`.
static SLUG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:BC|AM|PM|[A-Z]{1,3})-[A-Za-z0-9][A-Za-z0-9&'.,/-]*(?:\s+\S+){0,3}|urgent|URGENT|FLASH|BULLETIN)$")
        .expect("valid regex")
});

static URL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:https?://|www\.)\S+$").expect("valid regex"));

/// Takes the header lines at the front of `lines`.
pub fn take(lines: &mut Lines<'_>) -> Header {
    let mut header = Header::default();
    while let Some(line) = lines.line() {
        let raw = line.span.slice(lines.text);
        if let Some(field) = dashed_field(raw) {
            let offset = line.span.start + (raw.len() - field.len());
            let span = Span::new(offset, offset + field.len());
            if field.is_empty() {
                header.other.push(text(lines.text, line.span));
            } else if let Some(ts) = timestamp::parse(field, span) {
                header.timestamps.push(ts);
            } else if URL.is_match(field) {
                header.other.push(text(lines.text, span));
            } else if field.starts_with("By ") || field.starts_with("BY ") {
                header.bylines.push(text(lines.text, span));
            } else if header.headline.is_none() {
                header.headline = Some(text(lines.text, span));
            } else {
                header.other.push(text(lines.text, span));
            }
        } else if let Some(ts) = timestamp::parse(raw, line.span) {
            header.timestamps.push(ts);
        } else if URL.is_match(raw) || (SLUG.is_match(raw) && !raw.contains(' ')) {
            header.other.push(text(lines.text, line.span));
        } else {
            break;
        }
        lines.take();
    }
    header
}

/// The content of a `-- field` header line (Reuters web copy), trimmed; `None` for other lines.
fn dashed_field(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("--")?;
    if rest.is_empty() || rest.starts_with(' ') { Some(rest.trim()) } else { None }
}

fn text(source: &str, span: Span) -> Text {
    Text { text: collapse_whitespace(span.slice(source)), span }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashed_header_fields() {
        let text = "-- Bank raises rates\n-- By  Ann Lee\n-- Mon Oct 23, 2006 11:20am EDT\n-- http://example.com/a\n\nBody.";
        let mut lines = Lines::new(text);
        let header = take(&mut lines);
        assert_eq!(header.headline.unwrap().text, "Bank raises rates");
        assert_eq!(header.bylines[0].text, "By Ann Lee");
        assert_eq!(header.timestamps.len(), 1);
        assert_eq!(header.other.len(), 1);
        assert_eq!(lines.peek(), Some("Body."));
    }

    #[test]
    fn timestamp_lines_then_stop_at_prose() {
        let text = "2021-January-26 15:05\n2020-November-25  14:25\n\nHeadline here";
        let mut lines = Lines::new(text);
        let header = take(&mut lines);
        assert_eq!(header.timestamps.len(), 2);
        assert_eq!(lines.peek(), Some("Headline here"));
    }
}
