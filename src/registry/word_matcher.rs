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
    /// The first two bytes of every pattern, ASCII lower-cased, as a bit set over byte pairs:
    /// most capitalised words start no name, and this rules them out before the automaton runs.
    /// `None` when some pattern is shorter than two bytes.
    first_pairs: Option<Box<[u64; 1024]>>,
}

impl WordMatcher {
    /// A matcher for `patterns`; only words whose first byte is in `first_bytes` are tried (the
    /// callers know which written forms they accept, e.g. only capitalised ones).
    pub(crate) fn new<'p>(
        patterns: impl IntoIterator<Item = &'p str>,
        first_bytes: impl IntoIterator<Item = u8>,
    ) -> WordMatcher {
        let patterns: Vec<&str> = patterns.into_iter().collect();
        let mut first_pairs = Some(Box::new([0u64; 1024]));
        for pattern in &patterns {
            match (pattern.as_bytes(), first_pairs.as_deref_mut()) {
                ([a, b, ..], Some(bits)) => {
                    let pair = pair_index(*a, *b);
                    bits[pair / 64] |= 1 << (pair % 64);
                }
                _ => first_pairs = None,
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
        WordMatcher { automaton, can_start, first_pairs }
    }

    /// False when no pattern can match at `start` judging by its first two bytes.
    fn may_match_at(&self, bytes: &[u8], start: usize) -> bool {
        let Some(bits) = &self.first_pairs else { return true };
        match bytes.get(start..start + 2) {
            Some(&[a, b]) => {
                let pair = pair_index(a, b);
                bits[pair / 64] & (1 << (pair % 64)) != 0
            }
            _ => false,
        }
    }

    /// The longest match at each word start (after a character that is not a letter or digit)
    /// whose first byte may start one, left to right, none overlapping the one before: after a
    /// match the search goes on at its end, whether or not the caller keeps it.
    pub(crate) fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Match> + 'a {
        let bytes = text.as_bytes();
        let mut at = 0;
        std::iter::from_fn(move || {
            while let Some(offset) = bytes.get(at..)?.iter().position(|&b| self.can_start[usize::from(b)]) {
                let start = at + offset;
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

/// The bit of a pair of bytes, compared ASCII-case-insensitively like the automaton does.
fn pair_index(a: u8, b: u8) -> usize {
    usize::from(a.to_ascii_lowercase()) << 8 | usize::from(b.to_ascii_lowercase())
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
    fn the_longest_form_wins_and_the_search_goes_on_after_it() {
        let matcher = WordMatcher::new(["new york", "new york times", "york"], *b"NY");
        assert_eq!(found(&matcher, "New York Times, York, New York"), ["New York Times", "York", "New York"]);
    }
}
