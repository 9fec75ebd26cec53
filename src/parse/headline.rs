//! Headline: the short line that opens the copy, before the byline and the dateline lead.

use super::Lines;
use super::layout::collapse_whitespace;
use crate::article::Text;
use crate::registry::Registry;

/// Longest line taken as a headline, in bytes; longer lines are body prose.
const MAX_HEADLINE_BYTES: usize = 320;

/// Takes the headline from the front of `lines`, when the next line reads as one.
pub fn take(lines: &mut Lines<'_>, registry: &Registry) -> Option<Text> {
    let line = lines.line()?;
    let raw = line.span.slice(lines.text);
    if raw.len() > MAX_HEADLINE_BYTES || lines.remaining().len() < 2 {
        return None;
    }
    if super::dateline::parse_lead(raw, line.span.start, registry).is_some() {
        return None;
    }
    // A headline stands alone, or is followed in its block by a byline; the first line of a
    // hard-wrapped paragraph is not one.
    let alone = lines.next_is_whole_block();
    let then_byline =
        lines.block_at(1) == lines.block_at(0) && lines.peek_at(1).is_some_and(super::byline::is_byline);
    if !(alone || then_byline) {
        return None;
    }
    lines.take();
    Some(Text { text: collapse_whitespace(raw), span: line.span })
}
