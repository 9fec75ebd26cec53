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

/// Wire slugs, keyword lines and priority flags: `BC-Iran-Talks, 1st Ld-Writethru,127`,
/// `AM-Iran-Talks`, `Iran-politics/`, `URGENT`.
static SLUG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:BC|AM|PM)-\S.{0,80}|[\p{L}\p{N}&.-]+(?:/[\p{L}\p{N}&.-]+)*/|(?i:urgent|flash|bulletin|extra|advisory|newsalert|alert))$")
        .expect("valid regex")
});

/// Notes and credits that sit between headline and body: `Eds: ...`, `c.2000 N.Y. Times News
/// Service`, `Copyright 2021 The Associated Press`.
static NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:eds?|editors?|editor's note)\s*:|\(?(?:c\.|\(c\)|©|Copyright)\s*\d{4}\b.{0,80}$)")
        .expect("valid regex")
});

/// True when `line` is an editor's note or a copyright credit rather than story text.
pub fn is_note(line: &str) -> bool {
    line.len() < 300 && NOTE.is_match(line)
}

/// Takes the notes, credits and slugs standing before the body (after the headline), as header lines.
pub fn take_notes(lines: &mut Lines<'_>) -> Vec<Text> {
    let mut notes = Vec::new();
    while let Some(line) = lines.line() {
        let raw = line.span.slice(lines.text);
        if !(is_note(raw) || SLUG.is_match(raw)) {
            break;
        }
        notes.push(text(lines.text, line.span));
        lines.take();
    }
    notes
}

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
        } else if URL.is_match(raw) || SLUG.is_match(raw) || is_note(raw) {
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
