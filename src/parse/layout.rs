//! Layout: the text cut into lines and blank-line separated blocks, with byte spans.
//!
//! Every later stage works on these pieces, so a paragraph can never be lost: each non-blank line
//! belongs to exactly one block.

use std::borrow::Cow;

use crate::article::Span;

/// One line without its terminator, trimmed of surrounding whitespace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// The trimmed content.
    pub span: Span,
    /// Leading whitespace width in bytes (Reuters-21578 marks paragraph starts by indenting).
    pub indent: usize,
}

/// Consecutive non-blank lines (the pipeline keeps them flat, see [`numbered_lines`]).
#[cfg(test)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The lines, in order; never empty.
    pub lines: Vec<Line>,
}

#[cfg(test)]
impl Block {
    /// From the first line's start to the last line's end.
    pub fn span(&self) -> Span {
        Span::new(self.lines[0].span.start, self.lines[self.lines.len() - 1].span.end)
    }
}

/// Splits `text` into lines (on `\n`, `\r\n`, `\r`), trimming each, and groups non-blank lines into
/// blocks separated by blank lines.
#[cfg(test)]
pub fn blocks(text: &str) -> Vec<Block> {
    numbered_lines(text)
        .chunk_by(|a, b| a.1 == b.1)
        .map(|block| Block { lines: block.iter().map(|(l, _)| *l).collect() })
        .collect()
}

/// The non-blank lines of `text`, each with the number of its block (blank-line separated runs):
/// one flat list, so the pipeline splits the text once and allocates once.
pub fn numbered_lines(text: &str) -> Vec<(Line, usize)> {
    // One slot per line break (blank lines included) up front: the list never grows.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    let mut block = 0;
    let mut after_blank = false;
    for line in lines(text) {
        match line {
            Some(line) => {
                if after_blank && !out.is_empty() {
                    block += 1;
                }
                after_blank = false;
                out.push((line, block));
            }
            None => after_blank = true,
        }
    }
    out
}

/// Every line of `text`: `Some` with its trimmed span, or `None` for a blank line.
fn lines(text: &str) -> impl Iterator<Item = Option<Line>> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let end = memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        pos = end;
        if pos < bytes.len() && bytes[pos] == b'\r' {
            pos += 1;
        }
        if pos < bytes.len() && bytes[pos] == b'\n' {
            pos += 1;
        }
        Some(trimmed(text, start, end))
    })
}

fn trimmed(text: &str, start: usize, end: usize) -> Option<Line> {
    let raw = &text[start..end];
    // Most lines start and end with a printable ASCII character: nothing to trim.
    let printable = |byte: Option<&u8>| byte.is_some_and(|&b| b > b' ' && b.is_ascii());
    let body = if printable(raw.as_bytes().first()) { raw } else { raw.trim_start_matches(is_blank) };
    let indent = raw.len() - body.len();
    let body = if printable(body.as_bytes().last()) { body } else { body.trim_end_matches(is_blank) };
    if body.is_empty() {
        return None;
    }
    let s = start + indent;
    Some(Line { span: Span::new(s, s + body.len()), indent })
}

/// The words of `text` (split as by `str::split_whitespace`) joined by single spaces, borrowed
/// when `text` is written so already. Unlike [`collapse_whitespace`], zero-width spaces and byte
/// order marks are kept as characters of a word.
pub fn join_words(text: &str) -> Cow<'_, str> {
    if is_single_spaced(text) { Cow::Borrowed(text) } else { Cow::Owned(join_words_copied(text)) }
}

/// True when `raw` has no whitespace but single spaces between words: [`join_words`]
/// would leave it as it is. Eight bytes are looked at together (see [`next_may_start_blank`]);
/// only the first byte of a non-ASCII character that may be a blank is decoded.
fn is_single_spaced(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut at = 0;
    while let Some(i) = next_may_start_blank(bytes, at) {
        match bytes[i] {
            b' ' if bytes.get(i + 1) == Some(&b' ') => return false,
            b'\t'..=b'\r' => return false,
            0xC0.. if raw.get(i..).and_then(|rest| rest.chars().next()).is_some_and(char::is_whitespace) => {
                return false;
            }
            _ => {}
        }
        at = i + 1;
    }
    true
}

/// [`join_words`] when the text needs copying. A lone space between words, by far the most common gap,
/// is kept where it stands, so the text between irregular gaps is copied in one piece instead of
/// word by word.
fn join_words_copied(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fn flush(segment: &str, out: &mut String) {
        if !segment.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(segment);
        }
    }
    let whitespace_at = |p: usize| char_at(text, p).filter(|c| c.is_whitespace());
    let mut copied = 0; // start of the text not yet flushed
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if !c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let mut j = i;
        while let Some(w) = whitespace_at(j) {
            j += w.len_utf8();
        }
        let lone_inner_space = c == ' ' && j == i + 1 && i > 0 && j < text.len();
        if !lone_inner_space {
            flush(&text[copied..i], &mut out);
            copied = j;
        }
        i = j;
    }
    flush(&text[copied..], &mut out);
    out
}

/// The character starting at byte `p` of `s`, if any.
pub(crate) fn char_at(s: &str, p: usize) -> Option<char> {
    match s.as_bytes().get(p) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s.get(p..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// How many words `text` has as `str::split_whitespace` splits it, counting no further than
/// `max`: lead and prose tests only ask whether a line or block passes a few dozen words. ASCII
/// text is counted eight bytes at a time; other characters one at a time.
pub fn count_words(text: &str, max: usize) -> usize {
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut after_blank = true;
    let mut at = 0;
    while words < max {
        if let Some(chunk) = bytes.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
            let chunk = u64::from_le_bytes(*chunk);
            if chunk & HIGH_BITS == 0 {
                let blank = ascii_blank_bits(chunk);
                // A word starts at a non-blank byte after a blank one (or after the start).
                let before = blank << 8 | if after_blank { 0x80 } else { 0 };
                words += (!blank & HIGH_BITS & before).count_ones() as usize;
                after_blank = blank >> 63 != 0;
                at += 8;
                continue;
            }
        }
        let Some(&byte) = bytes.get(at) else { break };
        let (blank, width) = if !may_start_blank(byte) {
            (false, 1)
        } else if byte.is_ascii() {
            (matches!(byte, b'\t'..=b'\r' | b' '), 1)
        } else {
            match text[at..].chars().next() {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => break,
            }
        };
        if !blank && after_blank {
            words += 1;
        }
        after_blank = blank;
        at += width;
    }
    words.min(max)
}

/// One in the lowest bit of each of eight bytes.
const LOW_BITS: u64 = 0x0101_0101_0101_0101;
/// The high bit of each of eight bytes.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `chunk` (eight ASCII bytes) that `char::is_whitespace` accepts:
/// tab to carriage return, and space. Each byte is tested without carries into its neighbours.
fn ascii_blank_bits(chunk: u64) -> u64 {
    let flipped = chunk ^ (LOW_BITS * u64::from(b' '));
    let space = !(flipped + LOW_BITS * 0x7F) & HIGH_BITS;
    let from_tab = (chunk | HIGH_BITS) - LOW_BITS * u64::from(b'\t');
    let past_return = (chunk | HIGH_BITS) - LOW_BITS * u64::from(b'\r' + 1);
    (space | (from_tab & !past_return)) & HIGH_BITS
}

/// The first byte at or after `at` that [`may_start_blank`] accepts. Eight bytes are looked at
/// together: those below `!` or not ASCII are the only ones checked one by one.
fn next_may_start_blank(bytes: &[u8], mut at: usize) -> Option<usize> {
    while let Some(chunk) = bytes.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
        let chunk = u64::from_le_bytes(*chunk);
        let below_bang = !((chunk | HIGH_BITS) - LOW_BITS * u64::from(b'!'));
        let mut candidates = (below_bang | chunk) & HIGH_BITS;
        while candidates != 0 {
            let i = at + (candidates.trailing_zeros() / 8) as usize;
            if may_start_blank(bytes[i]) {
                return Some(i);
            }
            candidates &= candidates - 1;
        }
        at += 8;
    }
    bytes.get(at..)?.iter().position(|&b| may_start_blank(b)).map(|offset| at + offset)
}

/// Whitespace, including the no-break and zero-width spaces common in scraped copy.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'
}

/// `text` with every run of whitespace (line breaks included) collapsed to one space.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    // Text is copied in stretches: a lone space between words is already right, so only other
    // blank runs end a stretch. Only non-ASCII characters are decoded (every paragraph of every
    // article passes through here).
    let mut copied_to = 0;
    let mut at = 0;
    while at < bytes.len() {
        // Words are passed over by a table look-up per byte.
        match next_may_start_blank(bytes, at) {
            Some(next) => at = next,
            None => break,
        }
        let byte = bytes[at];
        // A lone space between words stays as it is.
        if byte == b' ' && at > 0 && bytes.get(at + 1).is_some_and(|&next| !may_start_blank(next)) {
            at += 2;
            continue;
        }
        let run_start = at;
        at = blank_run_end(text, at);
        if at == run_start {
            at += char_width(bytes[at]);
            continue;
        }
        let lone_space = at == run_start + 1 && bytes[run_start] == b' ';
        if lone_space && run_start > 0 && at < bytes.len() {
            continue;
        }
        out.push_str(&text[copied_to..run_start]);
        if run_start > 0 && at < bytes.len() {
            out.push(' ');
        }
        copied_to = at;
    }
    out.push_str(&text[copied_to..]);
    out
}

/// True for the bytes a blank character can start with: ASCII blanks and controls, and the first
/// bytes of the non-ASCII blanks (U+0085, U+00A0, U+1680, U+2000 to U+205F, U+3000, U+FEFF).
fn may_start_blank(byte: u8) -> bool {
    MAY_START_BLANK[usize::from(byte)]
}

/// [`may_start_blank`] for every byte.
static MAY_START_BLANK: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = byte <= b' ' as usize || matches!(byte, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF);
        byte += 1;
    }
    table
};

/// The end of the run of blank characters starting at byte `at` of `text` (`at` when none).
fn blank_run_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&byte) = bytes.get(at) {
        if byte.is_ascii() {
            // The ASCII characters `char::is_whitespace` accepts: tab to carriage return, space.
            if !matches!(byte, b'\t'..=b'\r' | b' ') {
                break;
            }
            at += 1;
        } else {
            match text[at..].chars().next() {
                Some(c) if is_blank(c) => at += c.len_utf8(),
                _ => break,
            }
        }
    }
    at
}

/// The length of the UTF-8 character whose first byte is `first`.
fn char_width(first: u8) -> usize {
    match first {
        0x00..0x80 => 1,
        0x80..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_split_on_blank_lines_and_keep_spans() {
        let text = "a\r\n  b  \n \t\nc\n\n\nd";
        let got = blocks(text);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].lines.len(), 2);
        assert_eq!(got[0].lines[1].span.slice(text), "b");
        assert_eq!(got[0].lines[1].indent, 2);
        assert_eq!(got[2].span().slice(text), "d");
    }

    #[test]
    fn numbered_lines_count_blocks_from_zero_past_leading_blanks() {
        let text = "\n \nhead\nline\n\n\n  body\r\n\r\nend";
        let got: Vec<(&str, usize)> =
            numbered_lines(text).iter().map(|(l, b)| (l.span.slice(text), *b)).collect();
        assert_eq!(got, [("head", 0), ("line", 0), ("body", 1), ("end", 2)]);
    }

    #[test]
    fn collapsing_whitespace_joins_the_words_with_single_spaces() {
        let cases = [
            "",
            " ",
            "one",
            "one two",
            " one two ",
            "one  two\tthree\n\nfour",
            "one\u{a0}two\u{2009} three\u{3000}",
            "“Quoted,” she said \r\n of it\u{b}now",
            "\u{85}x\u{2028}",
        ];
        for text in cases {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(join_words(text), expected, "{text:?}");
        }
    }

    #[test]
    fn only_single_spaced_ascii_counts_as_collapsed() {
        assert!(is_single_spaced("Grain Exports"));
        assert!(is_single_spaced("exports"));
        assert!(!is_single_spaced("Grain  Exports"));
        assert!(!is_single_spaced("Grain\nExports"));
        assert!(!is_single_spaced("Grain\u{a0}Exports"));
        assert!(!is_single_spaced(" Grain"));
        assert!(is_single_spaced("Iran’s Café"));
        assert!(!is_single_spaced("Grain\u{2009}Exports"));
    }

    #[test]
    fn counted_words_are_split_whitespace_words_up_to_the_limit() {
        let cases = [
            "",
            "  ",
            "one",
            " one two  three ",
            "a\u{a0}b\u{2009}c\u{3000}d\u{85}e",
            "zero\u{200b}width\u{feff}stays é ü",
            "tab\tand\x0bvertical\x1fcontrol",
            "eight by eight bytes\r\n\x0cthen é then  more  words\u{2003}at the end !",
            "        spaces_before_eight_byte_word_________ x",
        ];
        for text in cases {
            let all = text.split_whitespace().count();
            for max in 0..=all + 1 {
                assert_eq!(count_words(text, max), all.min(max), "{text:?} up to {max}");
            }
        }
    }

    #[test]
    fn collapse_joins_hard_wraps() {
        assert_eq!(collapse_whitespace(" a\n  b\u{a0}c "), "a b c");
        assert_eq!(collapse_whitespace("\u{200b}é\u{2003}ü\x0b\x1fz\u{feff}"), "é ü \x1fz");
        assert_eq!(collapse_whitespace(" \t\r\n"), "");
        assert_eq!(collapse_whitespace("word"), "word");
        assert_eq!(collapse_whitespace("a b  c\td \u{a0}e é"), "a b c d e é");
        assert_eq!(collapse_whitespace(" a "), "a");
        // Long runs of words, so the eight-byte scan meets every kind of blank at every offset.
        let words = ["a", "bb", "ccc", "dddd", "éé", "!~", "x\x1fy"];
        let blanks = [" ", "  ", "\t", "\r\n", "\u{a0}", "\u{3000}", "\u{200b}", " \u{feff} "];
        let mut text = String::new();
        for i in 0..200 {
            text.push_str(words[i % words.len()]);
            text.push_str(blanks[i * 5 % blanks.len()]);
        }
        let expected: Vec<&str> = text.split(|c: char| is_blank(c)).filter(|w| !w.is_empty()).collect();
        assert_eq!(collapse_whitespace(&text), expected.join(" "));
    }
}
