//! A multi-pattern matcher for names in running text that only a whole word can be (agencies,
//! countries): it tries the automaton only where a word starts with a byte some name may start
//! with, instead of running it over every byte.
//!
//! Agency codes (`AP`, `PA`) and country names (`Oman`) hide inside many words under case
//! folding; a scan of every byte stopped at each of them and cost a tenth of a parse.

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, Match, MatchKind, StartKind,
};

/// Names matched ASCII-case-insensitively, longest first at each word start.
#[derive(Clone, Debug)]
pub(crate) struct WordMatcher {
    automaton: AhoCorasick,
    /// The bytes a reported match may begin with.
    can_start: [bool; 256],
    /// Every byte in `can_start` is an ASCII capital or a non-ASCII byte, so eight bytes at a
    /// time can be passed over when they hold neither (see [`next_start`]).
    capitals_only: bool,
    /// The first bytes of every pattern (up to [`PREFIX_BYTES`]), ASCII lower-cased, hashed into
    /// a bit set: most capitalised words start no name, and this rules them out before the
    /// automaton runs. `None` when some pattern is empty.
    prefixes: Option<Box<[u64; PREFIX_SET_WORDS]>>,
    /// The first two bytes of every pattern, ASCII lower-cased, as a bit set over all 65536
    /// pairs: one exact test rules out most words before the prefix set's longer ones. `None`
    /// when some pattern is shorter than two bytes.
    pairs: Option<Box<[u64; PAIR_SET_WORDS]>>,
}

impl WordMatcher {
    /// A matcher for `patterns`; only words whose first byte is in `first_bytes` are tried (the
    /// callers know which written forms they accept, e.g. only capitalised ones).
    pub(crate) fn new<'p>(
        patterns: impl IntoIterator<Item = &'p str>,
        first_bytes: impl IntoIterator<Item = u8>,
    ) -> WordMatcher {
        let patterns: Vec<&str> = patterns.into_iter().collect();
        let mut pairs = Some(Box::new([0u64; PAIR_SET_WORDS]));
        for pattern in &patterns {
            match (pattern.as_bytes(), pairs.as_deref_mut()) {
                ([first, second, ..], Some(bits)) => {
                    let pair = pair_index(*first, *second);
                    bits[pair / 64] |= 1 << (pair % 64);
                }
                _ => pairs = None,
            }
        }
        let mut prefixes = Some(Box::new([0u64; PREFIX_SET_WORDS]));
        for pattern in &patterns {
            let prefix = &pattern.as_bytes()[..pattern.len().min(PREFIX_BYTES)];
            match (prefix.last(), prefixes.as_deref_mut()) {
                (Some(_), Some(bits)) => {
                    let bit = prefix_bit(prefix);
                    bits[bit / 64] |= 1 << (bit % 64);
                }
                _ => prefixes = None,
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns)
            .unwrap_or_else(|_| {
                AhoCorasick::builder()
                    .start_kind(StartKind::Anchored)
                    .build(std::iter::empty::<&str>())
                    .expect("an empty matcher always builds")
            });
        let mut can_start = [false; 256];
        for b in first_bytes {
            can_start[usize::from(b)] = true;
        }
        let capitals_only =
            (0..=u8::MAX).all(|b| !can_start[usize::from(b)] || b.is_ascii_uppercase() || !b.is_ascii());
        WordMatcher { automaton, can_start, capitals_only, prefixes, pairs }
    }

    /// False when no pattern can match at `start` judging by its first bytes: no pattern of
    /// length one to [`PREFIX_BYTES`] - 1 is the text there, and none longer starts like it.
    fn may_match_at(&self, bytes: &[u8], start: usize) -> bool {
        let rest = &bytes[start.min(bytes.len())..];
        if let Some(pairs) = &self.pairs {
            let [first, second, ..] = *rest else { return false };
            let pair = pair_index(first, second);
            if pairs[pair / 64] & (1 << (pair % 64)) == 0 {
                return false;
            }
        }
        let Some(bits) = &self.prefixes else { return true };
        // Each longer prefix extends the bytes of the one before, instead of packing them anew.
        let mut packed = 0;
        rest.iter().take(PREFIX_BYTES).zip(1u64..).any(|(&byte, len)| {
            packed = packed << 8 | u64::from(byte.to_ascii_lowercase());
            let bit = packed_bit(len << (8 * len) | packed);
            bits[bit / 64] & (1 << (bit % 64)) != 0
        })
    }

    /// The first byte at or after `at` that a match may begin with.
    fn next_start(&self, bytes: &[u8], mut at: usize) -> Option<usize> {
        if self.capitals_only {
            // Most of a text is lower case: eight bytes at a time go by, and only their capitals
            // and non-ASCII bytes are looked up in the table.
            while let Some(chunk) = bytes.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
                let mut capitals = capital_bits(u64::from_le_bytes(*chunk));
                while capitals != 0 {
                    let i = at + (capitals.trailing_zeros() / 8) as usize;
                    if self.can_start[usize::from(bytes[i])] {
                        return Some(i);
                    }
                    capitals &= capitals - 1;
                }
                at += 8;
            }
        }
        let offset = bytes.get(at..)?.iter().position(|&b| self.can_start[usize::from(b)])?;
        Some(at + offset)
    }

    /// The longest match at each word start (after a character that is not a letter or digit)
    /// whose first byte may start one, left to right, none overlapping the one before: after a
    /// match the search goes on at its end, whether or not the caller keeps it.
    pub(crate) fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Match> + 'a {
        let bytes = text.as_bytes();
        let mut at = 0;
        std::iter::from_fn(move || {
            while let Some(start) = self.next_start(bytes, at) {
                at = start + 1;
                if !self.may_match_at(bytes, start) || !word_start(text, start) {
                    continue;
                }
                let input = Input::new(text).range(start..).anchored(Anchored::Yes);
                if let Some(m) = self.automaton.find(input) {
                    at = m.end();
                    return Some(m);
                }
            }
            None
        })
    }
}

/// The high bit of each of the eight bytes of `chunk` that is an ASCII capital or not ASCII
/// (the bytes are tested without carries between them).
fn capital_bits(chunk: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let ascii = chunk & !HIGH;
    // The high bit of each byte: at least `A`, at least one past `Z`.
    let from_a = ascii + ONES * (0x80 - u64::from(b'A'));
    let past_z = ascii + ONES * (0x80 - u64::from(b'Z') - 1);
    (chunk | (from_a & !past_z)) & HIGH
}

/// How many first bytes of a pattern the prefix set keeps.
const PREFIX_BYTES: usize = 6;
/// The prefix set's size in 64-bit words (2^17 bits, so few prefixes share a bit).
const PREFIX_SET_WORDS: usize = 2048;

/// The pair set's size in 64-bit words (one bit for each pair of bytes).
const PAIR_SET_WORDS: usize = 1024;

/// The bit of two first bytes, compared ASCII-case-insensitively like the automaton does.
fn pair_index(first: u8, second: u8) -> usize {
    usize::from(first.to_ascii_lowercase()) << 8 | usize::from(second.to_ascii_lowercase())
}

/// The bit of a pattern prefix (one to [`PREFIX_BYTES`] bytes), compared ASCII-case-insensitively
/// like the automaton does.
fn prefix_bit(prefix: &[u8]) -> usize {
    let packed =
        prefix.iter().fold(prefix.len() as u64, |key, b| key << 8 | u64::from(b.to_ascii_lowercase()));
    packed_bit(packed)
}

/// The bit of a prefix packed as its length and then its lower-cased bytes, one per 8 bits.
fn packed_bit(packed: u64) -> usize {
    (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - 17)) as usize
}

/// True when byte `at` starts a character and no letter or digit comes right before it.
fn word_start(text: &str, at: usize) -> bool {
    text.get(..at).is_some_and(|before| before.chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::WordMatcher;

    fn found<'t>(matcher: &WordMatcher, text: &'t str) -> Vec<&'t str> {
        matcher.find_iter(text).map(|m| &text[m.start()..m.end()]).collect()
    }

    #[test]
    fn only_word_starts_with_an_allowed_first_byte_are_tried() {
        let matcher = WordMatcher::new(["oman", "the netherlands", "netherlands"], *b"ONT");
        // `woman` hides `oman`; lower-case `the` may not start a mention, so `Netherlands` is found
        // on its own instead of being swallowed by a rejected `the Netherlands`.
        assert_eq!(found(&matcher, "A woman from Oman flew to the Netherlands."), ["Oman", "Netherlands"]);
        assert_eq!(found(&matcher, "The Netherlands and ÉOman"), ["The Netherlands"]);
        assert!(found(&matcher, "").is_empty());
    }

    #[test]
    fn eight_byte_chunks_with_a_capital_or_non_ascii_byte_are_found() {
        let chunk = |bytes: &[u8; 8]| super::capital_bits(u64::from_le_bytes(*bytes));
        assert_eq!(chunk(b"abc xyz@"), 0);
        assert_eq!(chunk(b"[`{~09 ."), 0);
        assert_eq!(chunk(b"abcdefgA"), 0x80 << 56);
        assert_eq!(chunk(b"Zabcdefg"), 0x80);
        assert_eq!(chunk(b"abc\xc3\xa9deZ"), 0x80 << 24 | 0x80 << 32 | 0x80 << 56);
        // A matcher that skips chunks finds what a byte-by-byte scan does.
        let matcher = WordMatcher::new(["oman", "qatar", "xy"], *b"OQX");
        let text = "lower case text goes on and on until Oman, then more words and Qatar";
        assert_eq!(found(&matcher, text), ["Oman", "Qatar"]);
        // The two-byte filter: a word must open like some pattern, at least two bytes in.
        assert_eq!(found(&matcher, "Omen, OMAN, Oxygen, X, Xy"), ["OMAN", "Xy"]);
        // Several capitals in one eight-byte chunk, the first of which starts no name.
        assert_eq!(found(&matcher, "ABCD EFG Qatar, XyOman Oman"), ["Qatar", "Xy", "Oman"]);
    }

    #[test]
    fn the_longest_form_wins_and_the_search_goes_on_after_it() {
        let matcher = WordMatcher::new(["new york", "new york times", "york"], *b"NY");
        assert_eq!(found(&matcher, "New York Times, York, New York"), ["New York Times", "York", "New York"]);
    }
}
