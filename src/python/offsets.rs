//! Byte offsets (Rust) to code-point offsets (Python `str` indices), computed once per article.

use crate::Span;

use super::model::PySpan;

/// Maps byte offsets of one text to code-point offsets.
pub(crate) struct Offsets {
    /// `table[b]` is the code-point index of byte `b` (the index of the char containing it);
    /// `None` for ASCII text, where both coincide.
    table: Option<Vec<u32>>,
    len_bytes: usize,
    len_chars: usize,
}

impl Offsets {
    pub(crate) fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Offsets { table: None, len_bytes: text.len(), len_chars: text.len() };
        }
        // One linear pass; u32 is enough because input size is capped far below 4 GiB by the
        // parser's limit, and `u32::try_from` guards the rest.
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut chars = 0usize;
        for (index, ch) in text.char_indices() {
            debug_assert_eq!(table.len(), index);
            let cp = u32::try_from(chars).unwrap_or(u32::MAX);
            table.extend(std::iter::repeat_n(cp, ch.len_utf8()));
            chars += 1;
        }
        table.push(u32::try_from(chars).unwrap_or(u32::MAX));
        Offsets { table: Some(table), len_bytes: text.len(), len_chars: chars }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text).
    pub(crate) fn at(&self, byte: usize) -> usize {
        match &self.table {
            None => byte.min(self.len_bytes),
            Some(table) => table.get(byte).map_or(self.len_chars, |&cp| cp as usize),
        }
    }

    pub(crate) fn span(&self, span: Span) -> PySpan {
        PySpan { start: self.at(span.start), end: self.at(span.end) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let offsets = Offsets::new("abc def");
        assert_eq!(offsets.at(4), 4);
        assert_eq!(offsets.at(99), 7);
    }

    #[test]
    fn multibyte_chars_count_once() {
        let text = "Iran’s envoy — Zürich";
        let offsets = Offsets::new(text);
        let byte = text.find("envoy").unwrap();
        assert_eq!(offsets.at(byte), "Iran’s ".chars().count());
        let z = text.find("Zürich").unwrap();
        assert_eq!(offsets.at(z), text[..z].chars().count());
        assert_eq!(offsets.at(text.len()), text.chars().count());
        assert_eq!(offsets.span(Span::new(z, text.len())).end - offsets.at(z), 6);
    }
}
