//! Headline: the short line that opens the copy, before the byline and the dateline lead.

use super::Lines;
use super::byline::is_byline;
use super::header::is_note;
use super::layout::collapse_whitespace;
use crate::article::{Span, Text};
use crate::registry::Registry;

/// Longest line taken as a headline, in bytes; longer lines are body prose.
const MAX_HEADLINE_BYTES: usize = 320;

/// Most lines a headline is written on (a main line and a deck).
const MAX_HEADLINE_LINES: usize = 3;

/// Takes the headline from the front of `lines`, when the next lines read as one: a block of at
/// most three short lines, or such lines followed in their block by a byline or an editor's note.
pub fn take(lines: &mut Lines<'_>, registry: &Registry) -> Option<Text> {
    let first = lines.line()?;
    // A first line too long for a headline ends it either way (as one of its lines, or as a
    // byline or note with no line before it); checking here spares a paragraph the byline scan.
    if first.span.end - first.span.start > MAX_HEADLINE_BYTES {
        return None;
    }
    let block = lines.block_at(0)?;
    let mut count = 0;
    while lines.block_at(count) == Some(block)
        && lines.peek_at(count).is_some_and(|l| !is_byline(l) && !is_note(l))
    {
        count += 1;
        // Too many lines for a headline; a block can be the whole story, so stop counting.
        if count > MAX_HEADLINE_LINES {
            return None;
        }
    }
    // The rest of the block must be front matter, and a body must follow.
    let mut after = count;
    while lines.block_at(after) == Some(block) {
        if !lines.peek_at(after).is_some_and(|l| is_byline(l) || is_note(l)) {
            return None;
        }
        after += 1;
    }
    if count == 0 || count > MAX_HEADLINE_LINES || lines.remaining().len() <= after {
        return None;
    }
    let last = lines.remaining()[count - 1].0;
    let span = Span::new(first.span.start, last.span.end);
    let raw = span.slice(lines.text);
    if raw.len() > MAX_HEADLINE_BYTES {
        return None;
    }
    // When the body opens with a dateline, these lines are the headline whatever they start with
    // (`UPDATE: ...`, `ATTENTION - ...`).
    // A byline between these lines and the dateline (`Jane Roe` / `LONDON 1996-08-22`) counts too.
    let body_has_dateline = super::byline::starts_at(lines, after)
        || lines.remaining().get(after).is_some_and(|(line, _)| lines.lead(line.span, registry).is_some());
    if !body_has_dateline && opens_with_dateline_lead(lines, span, registry) {
        return None;
    }
    for _ in 0..count {
        lines.take();
    }
    Some(Text { text: collapse_whitespace(raw), span })
}

/// True when `span` of the text is a whole dateline (`LONDON 1996-08-22`) or a dateline lead followed by a
/// sentence. All-caps headlines often contain ` - ` (`PRESS DIGEST - Iraq`), so a lead followed
/// by a few words only is still a headline.
fn opens_with_dateline_lead(lines: &Lines<'_>, span: Span, registry: &Registry) -> bool {
    let Some(found) = lines.lead(span, registry) else { return false };
    if found.whole_line || found.agency_marker.is_some() {
        return true;
    }
    let line = span.slice(lines.text);
    let rest = line.get(found.dateline.span.end - span.start..).unwrap_or("");
    rest.split_whitespace().count() >= 8 && rest.chars().any(char::is_lowercase)
}
