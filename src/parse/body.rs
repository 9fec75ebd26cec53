//! Body: the remaining lines as paragraphs — blank-line separated blocks, split again where a
//! hard-wrapped block indents a new paragraph — and the sign-off lines at the end.

use super::Lines;
use super::layout::{Line, collapse_whitespace};
use crate::article::{Span, Text};
use crate::registry::Registry;

/// The body's paragraphs and its closing sign-off lines.
#[derive(Debug, Default)]
pub struct Body {
    /// Paragraphs in order; every remaining line is in exactly one paragraph or sign-off.
    pub paragraphs: Vec<Text>,
    /// Closing credit lines (`Reuter`, `-- Sapa-AFP`, `(END)`).
    pub sign_off: Vec<Text>,
}

/// Takes all remaining lines of `lines` as the body.
pub fn take(lines: &mut Lines<'_>, registry: &Registry) -> Body {
    let text = lines.text;
    let rest = lines.remaining();
    let mut end = rest.len();
    let mut sign_off = Vec::new();
    while end > 0 && sign_off.len() < 3 && is_sign_off(rest[end - 1].0.span.slice(text), registry) {
        end -= 1;
        sign_off.push(paragraph(text, &[rest[end].0]));
    }
    sign_off.reverse();

    // One paragraph per block, more where an indent splits one.
    let mut paragraphs = Vec::with_capacity(rest[..end].chunk_by(|a, b| a.1 == b.1).count());
    let mut current: Vec<Line> = Vec::new();
    let mut current_block = usize::MAX;
    let mut min_indent = 0;
    for (i, &(line, block)) in rest[..end].iter().enumerate() {
        if block != current_block {
            // A block's lines are consecutive: scan only this block, so the body stays linear.
            min_indent = rest[i..end]
                .iter()
                .take_while(|(_, b)| *b == block)
                .map(|(l, _)| l.indent)
                .min()
                .unwrap_or(0);
        }
        let indented_start = line.indent >= 2 && line.indent > min_indent;
        if (block != current_block || indented_start) && !current.is_empty() {
            paragraphs.push(paragraph(text, &current));
            current.clear();
        }
        current_block = block;
        current.push(line);
    }
    if !current.is_empty() {
        paragraphs.push(paragraph(text, &current));
    }
    lines.pos = lines.lines.len();
    Body { paragraphs, sign_off }
}

fn paragraph(text: &str, lines: &[Line]) -> Text {
    let span = Span::new(lines[0].span.start, lines[lines.len() - 1].span.end);
    Text { text: collapse_whitespace(span.slice(text)), span }
}

/// A closing credit: an agency name or code alone (`Reuter`, `-- Sapa-AFP`, `AP`), `(END)`, `-30-`.
pub fn is_sign_off(line: &str, registry: &Registry) -> bool {
    if line.len() > 40 {
        return false;
    }
    let core = line.trim_matches(|c: char| c == '-' || c == '(' || c == ')' || c == '.' || c.is_whitespace());
    if matches!(core.to_ascii_uppercase().as_str(), "END" | "30" | "###" | "MORE" | "ENDS") {
        return true;
    }
    let core = core.strip_prefix("Source:").or_else(|| core.strip_prefix("SOURCE:")).unwrap_or(core).trim();
    if core.is_empty() || core.split_whitespace().count() > 3 {
        return false;
    }
    registry.agencies.lookup(core).is_some()
        || core.split(['-', '/']).all(|part| registry.agencies.lookup(part.trim()).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indented_starts_split_a_hard_wrapped_block_and_sign_off_is_apart() {
        let text = "LONDON - First line\nwrapped here.\n    Second paragraph\nwrapped too.\n Reuter";
        let mut lines = Lines::new(text);
        let body = take(&mut lines, &Registry::embedded());
        let got: Vec<&str> = body.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(got, ["LONDON - First line wrapped here.", "Second paragraph wrapped too."]);
        assert_eq!(body.sign_off[0].text, "Reuter");
    }
}
