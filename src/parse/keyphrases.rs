//! Keyphrases: the multi-word phrases that characterise the story.
//!
//! Candidates are the 2- to 4-word runs between stopwords and punctuation, plus whole capitalised
//! names that contain `of`/`for` (`Institute for Political and International Studies`). A
//! candidate scores the position weights of its occurrences (headline and lead count more), times
//! a bonus for length; a phrase inside a better one (or around a better one) is dropped.

use std::borrow::Cow;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

use super::layout;
use super::timestamp::MONTHS;
use super::topics::Region;
use crate::article::{Keyphrase, Span};
use crate::registry::topics::{Resume, WordWalk, ascii_alphanumeric_run};
use crate::registry::{FastMap, PACKED_WORD_MAX, TopicLexicon, packed_word};

const MAX_KEYPHRASES: usize = 10;
const MAX_WORDS: usize = 4;
const MAX_NAME_WORDS: usize = 12;
/// Position counts half as much as for topics: headline words are often all capitalised, which
/// makes any stretch of a headline look like a name.
const POSITION_DAMPING: f64 = 0.5;

/// Words that never start, end or sit inside a keyphrase (lower case), besides the month names.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "back",
    "be",
    "became",
    "because",
    "become",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "eight",
    "eighth",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "fifth",
    "first",
    "five",
    "for",
    "four",
    "fourth",
    "friday",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "late",
    "later",
    "latest",
    "least",
    "less",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "monday",
    "more",
    "most",
    "much",
    "must",
    "my",
    "near",
    "nearly",
    "need",
    "never",
    "new",
    "next",
    "nine",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "part",
    "per",
    "quickly",
    "rather",
    "said",
    "same",
    "saturday",
    "say",
    "says",
    "second",
    "seven",
    "several",
    "she",
    "should",
    "since",
    "six",
    "so",
    "some",
    "still",
    "such",
    "sunday",
    "ten",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "third",
    "this",
    "those",
    "three",
    "through",
    "thursday",
    "thus",
    "to",
    "today",
    "told",
    "tomorrow",
    "too",
    "toward",
    "towards",
    "tuesday",
    "two",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "wednesday",
    "week",
    "weeks",
    "well",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "year",
    "years",
    "yesterday",
    "yet",
    "you",
    "your",
    "mr",
    "mrs",
    "ms",
    "dr",
    // The month names and their three-letter abbreviations come from `timestamp::MONTHS`.
    "sept",
    "number",
    "added",
    "adding",
    "asked",
    "took",
    "take",
    "takes",
    "get",
    "got",
    "go",
    "going",
    "went",
    "come",
    "came",
    "see",
    "seen",
    "put",
    "set",
    "way",
    "time",
    "times",
    "day",
    "days",
    "month",
    "months",
    "lot",
    "lots",
    "thing",
    "things",
    "people",
    "expressed",
    "described",
    "underlined",
    "held",
    "discussed",
    "reviewed",
    "exchanged",
    "shared",
    "hope",
    "main",
    "need",
    "able",
    "given",
    "give",
    "since",
];

/// Roles written before an organisation's name (`Head of ...`), lower case.
const ROLE_WORDS: &[&str] = &[
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "president",
    "minister",
    "secretary",
    "chief",
    "member",
    "deputy",
    "leader",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "envoy",
    "governor",
    "mayor",
    "professor",
    "commander",
    "founder",
    "vice",
    "general",
    "first",
    "executive",
    "managing",
    "senior",
];

/// Words that may join capitalised words inside a name (one `match`: a length test and a compare,
/// not a compare against every joiner in turn).
fn is_name_joiner(word: &str) -> bool {
    matches!(word, "of" | "for" | "and" | "the" | "de" | "du" | "la" | "al" | "bin" | "von" | "van")
}

#[derive(Clone, Copy, Debug)]
struct Word {
    span: Span,
    /// The word follows the previous one with only spaces between.
    joined: bool,
    region: usize,
    /// Index of its lower-case form in the vocabulary of the text.
    id: u32,
    /// It starts with an upper-case letter (read once here, not at every pass over the words).
    capitalised: bool,
}

/// A phrase as the lower-case word ids it is made of (unused slots are `u32::MAX`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Key([u32; MAX_NAME_WORDS]);

impl Hash for Key {
    /// Only the used slots: most phrases have two to four words, and hashing the empty slots
    /// would triple the work.
    fn hash<H: Hasher>(&self, state: &mut H) {
        for pair in self.0.chunks(2).take_while(|p| p[0] != u32::MAX) {
            state.write_u64(u64::from(pair[0]) | u64::from(pair[1]) << 32);
        }
    }
}

/// Two ids (or a phrase index and an id) as one integer, the first high.
fn ids(high: u32, low: u32) -> u64 {
    u64::from(high) << 32 | u64::from(low)
}

#[derive(Clone, Copy)]
struct Candidate {
    score: f64,
    words: usize,
}

struct Lexicon {
    /// The word is a role written before a name (`head`, `chairman`), by id.
    role: Vec<bool>,
    stop: Vec<bool>,
}

/// What a listed word is: a stopword ([`STOP`]), a role word ([`ROLE`]) or both.
type WordKind = u8;
const STOP: WordKind = 1;
const ROLE: WordKind = 2;

/// The stopwords and role words packed into integers (all have at most 15 bytes), with what
/// they are: a look-up hashes one integer, with no string compares (and, unlike a binary search,
/// no hard-to-predict branches), and one look-up answers both questions for a new word.
static KINDS: LazyLock<FastMap<u128, WordKind>> = LazyLock::new(|| {
    let months = MONTHS.iter().flat_map(|m| [*m, &m[..3]]);
    let mut kinds: FastMap<u128, WordKind> = FastMap::default();
    for word in STOPWORDS.iter().copied().chain(months) {
        *kinds.entry(packed(word).unwrap_or_default()).or_default() |= STOP;
    }
    for word in ROLE_WORDS {
        *kinds.entry(packed(word).unwrap_or_default()).or_default() |= ROLE;
    }
    kinds
});

/// What the word packed as `key` is (0 for an unlisted word).
fn kind(key: Option<u128>) -> WordKind {
    key.and_then(|key| KINDS.get(&key)).copied().unwrap_or(0)
}

/// A word as one integer ([`packed_word`]; `None` when longer than 15 bytes: no listed word is).
fn packed(word: &str) -> Option<u128> {
    packed_word(word.as_bytes())
}

/// The `len` bytes at `start` of `bytes` packed like [`packed_word`]: one 16-byte load, cut to
/// the word, where the text goes on that far (as it does after most words), instead of a copy.
fn packed_at(bytes: &[u8], start: usize, len: usize) -> Option<u128> {
    if len == 0 || len > PACKED_WORD_MAX {
        return None;
    }
    match bytes.get(start..).and_then(|rest| rest.first_chunk::<16>()) {
        // The word is the high end (at most 15 bytes, so the lowest byte is free for its length).
        Some(window) => Some(u128::from_be_bytes(*window) & !(u128::MAX >> (8 * len)) | len as u128),
        None => bytes.get(start..start + len).and_then(packed_word),
    }
}

fn is_listed_stopword(word: &str) -> bool {
    kind(packed(word)) & STOP != 0
}

/// The words of the regions as [`read`] gives them: the keyphrase words, and where the lexicon
/// scan of each region may start.
pub(crate) struct Words {
    words: Vec<Word>,
    lexicon: Lexicon,
    /// The offsets, within its region, of every ASCII letter or digit that follows a character
    /// that is no letter or digit (or starts the region), region after region; less the starts
    /// of words from which the lexicon's walk is known to find nothing ([`KnownWords`]).
    starts: Vec<usize>,
    /// Where each region's starts end in `starts`.
    region_ends: Vec<usize>,
    /// Beside each start, the index in `resumes` of what the lexicon's walk from it is known to
    /// find over its word and the space after ([`Resume`]); `u32::MAX` when not known.
    resume_of: Vec<u32>,
    resumes: Vec<Resume>,
}

impl Words {
    /// The word starts of region `region` (see [`crate::registry::TopicLexicon::find_at_into`]).
    #[cfg(test)]
    pub(crate) fn starts(&self, region: usize) -> Option<&[usize]> {
        let end = *self.region_ends.get(region)?;
        let start = region.checked_sub(1).map_or(Some(0), |r| self.region_ends.get(r).copied())?;
        self.starts.get(start..end)
    }

    /// [`Words::starts`] with what the walks from them are known to find: the arguments of
    /// [`TopicLexicon::find_resuming_into`] after the text.
    pub(crate) fn starts_resuming(&self, region: usize) -> Option<(&[usize], &[u32], &[Resume])> {
        let end = *self.region_ends.get(region)?;
        let start = region.checked_sub(1).map_or(Some(0), |r| self.region_ends.get(r).copied())?;
        Some((self.starts.get(start..end)?, self.resume_of.get(start..end)?, &self.resumes))
    }
}

/// The words of the text in `regions`, read once for the keyphrases and the topic lexicon (when
/// given, the starts leave out the words it is known to find nothing from).
pub(crate) fn read(text: &str, regions: &[Region], lexicon: Option<&TopicLexicon>) -> Words {
    words(text, regions, lexicon.filter(|l| l.starts_in_words()))
}

/// The keyphrases of the text in `regions`, best first.
#[cfg(test)]
pub fn extract(text: &str, regions: &[Region]) -> Vec<Keyphrase> {
    extract_read(text, regions, read(text, regions, None))
}

/// [`extract`] from the words [`read`] gave.
pub(crate) fn extract_read(text: &str, regions: &[Region], read: Words) -> Vec<Keyphrase> {
    let mut spare = take_spare();
    let Words { words, lexicon, starts, region_ends, resume_of, resumes } = read;
    let stop = |w: &Word| lexicon.stop[w.id as usize];
    // Each distinct phrase once, by key; every occurrence as (phrase index, span).
    // Sized for a typical story (about one phrase per three words) so the index and lists rarely
    // grow; the tables of the text before on this thread are used again, emptied.
    let expected = (words.len() / 3).min(1 << 14);
    // A phrase of two words is keyed by its two ids, a longer one of up to four words by the index
    // of the phrase one word shorter and its last id: each key is one 64-bit integer, and the
    // 2..4-word stretches from one word build on one another. Longer names have their own map.
    let mut pairs = std::mem::take(&mut spare.pairs);
    pairs.reserve(expected);
    let mut extensions = std::mem::take(&mut spare.extensions);
    extensions.reserve(expected);
    let mut long_index: FastMap<Key, u32> = FastMap::default();
    let mut candidates = std::mem::take(&mut spare.candidates);
    candidates.reserve(expected);
    // Every content word starts up to three stretches.
    let mut occurrences = std::mem::take(&mut spare.occurrences);
    occurrences.reserve((words.len() * 2).min(1 << 16));
    // Counts the phrase `from..to`, whose first `to - from - 1` words are phrase `prefix` when
    // known (every phrase of three or four words has it), and gives its index.
    let mut add = |from: usize, to: usize, prefix: Option<u32>| -> u32 {
        let (first, last) = (words[from], words[to - 1]);
        let phrase = &words[from..to];
        // The key array is written only for a new phrase; a repeat costs one look-up.
        let key = || {
            let mut key = Key([u32::MAX; MAX_NAME_WORDS]);
            for (slot, w) in key.0.iter_mut().zip(phrase) {
                *slot = w.id;
            }
            key
        };
        let mut new_candidate = |key: Key| {
            candidates.push((key, Candidate { score: 0.0, words: to - from }));
            u32::try_from(candidates.len() - 1).unwrap_or(u32::MAX)
        };
        let i = match (to - from, prefix) {
            (2, _) => *pairs.entry(ids(first.id, last.id)).or_insert_with(|| new_candidate(key())),
            (_, Some(prefix)) => {
                *extensions.entry(ids(prefix, last.id)).or_insert_with(|| new_candidate(key()))
            }
            _ => {
                let key = key();
                *long_index.entry(key).or_insert_with(|| new_candidate(key))
            }
        };
        if let Some((_, c)) = candidates.get_mut(i as usize) {
            c.score += 1.0 + (regions[first.region].weight - 1.0) * POSITION_DAMPING;
            occurrences.push((i, Span::new(first.span.start, last.span.end)));
        }
        i
    };

    // Runs of content words between stopwords and punctuation: every 2..4-word stretch.
    let mut i = 0;
    while i < words.len() {
        if stop(&words[i]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < words.len()
            && words[end].joined
            && words[end].region == words[i].region
            && !stop(&words[end])
        {
            end += 1;
        }
        for from in i..end {
            let mut prefix = None;
            for to in from + 2..=(from + MAX_WORDS).min(end) {
                prefix = Some(add(from, to, prefix));
            }
        }
        i = end;
    }

    // Capitalised names joined by `of`/`for` (and `and` after them).
    let mut i = 0;
    while i < words.len() {
        if !words[i].capitalised {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        let mut last_cap = i + 1;
        let mut has_of = false;
        while end < words.len() && words[end].joined && words[end].region == words[i].region {
            let w = words[end].span.slice(text);
            if words[end].capitalised {
                last_cap = end + 1;
            } else if w == "of" || w == "for" {
                has_of = true;
            } else if !(is_name_joiner(w) && (has_of || w != "and")) {
                break;
            }
            end += 1;
            if end - i >= MAX_NAME_WORDS {
                break;
            }
        }
        // `Chairman of Iran's Institute for ...`: the name starts after the role and the possessive.
        let mut start = i;
        while start + 1 < last_cap && lexicon.role[words[start].id as usize] {
            start += 1;
        }
        while start < last_cap && is_name_joiner(words[start].span.slice(text)) {
            start += 1;
        }
        if let Some(p) = (start..last_cap).rev().find(|&k| {
            let w = words[k].span.slice(text);
            w.ends_with("'s") || w.ends_with("’s")
        }) {
            start = p + 1;
        }
        let has_of = (start..last_cap).any(|k| matches!(words[k].span.slice(text), "of" | "for"));
        // Longer than any stretch above, so it is keyed as a whole.
        if has_of && last_cap.saturating_sub(start) > MAX_WORDS {
            add(start, last_cap, None);
        }
        i = last_cap.max(i + 1);
    }

    drop(long_index);
    (spare.pairs, spare.extensions) = (pairs, extensions);
    for (_, c) in &mut candidates {
        c.score *= 1.0 + 0.3 * (c.words.min(MAX_WORDS) as f64 - 1.0);
    }
    // Ranked as (score, index) pairs, which move cheaply while the ranking sorts them.
    let mut ranked: Vec<(f64, u32)> = (0u32..).zip(&candidates).map(|(i, (_, c))| (c.score, i)).collect();
    let key_of = |i: u32| &candidates[i as usize].0;
    // Best first; keys are distinct, so the order is total.
    let order =
        |a: &(f64, u32), b: &(f64, u32)| b.0.total_cmp(&a.0).then_with(|| key_of(a.1).cmp(key_of(b.1)));
    let mut chosen: Vec<(u32, Key, Candidate)> = Vec::new();
    for_best_first(&mut ranked, order, |&(_, i)| {
        let (key, c) = candidates[i as usize];
        let this = &key.0[..c.words];
        if !chosen.iter().any(|(_, k, o)| contains(&k.0[..o.words], this) || contains(this, &k.0[..o.words]))
        {
            chosen.push((i, key, c));
        }
        chosen.len() < MAX_KEYPHRASES
    });
    let best = chosen.first().map_or(1.0, |(_, _, c)| c.score);
    // The occurrences of the chosen phrases in one pass: each candidate's place among the chosen.
    let mut slot_of = vec![u8::MAX; candidates.len()];
    for (slot, (i, _, _)) in chosen.iter().enumerate() {
        slot_of[*i as usize] = slot as u8;
    }
    let mut chosen_spans: Vec<Vec<Span>> = vec![Vec::new(); chosen.len()];
    for (o, span) in &occurrences {
        if let Some(spans) = chosen_spans.get_mut(usize::from(slot_of[*o as usize])) {
            spans.push(*span);
        }
    }
    let Lexicon { role, stop } = lexicon;
    (spare.candidates, spare.occurrences) = (candidates, occurrences);
    (spare.words, spare.role, spare.stop, spare.starts, spare.region_ends) =
        (words, role, stop, starts, region_ends);
    (spare.resume_of, spare.resumes) = (resume_of, resumes);
    put_spare(spare);
    chosen
        .into_iter()
        .zip(chosen_spans)
        .map(|((_, _, c), mut spans)| {
            // The most frequent way of writing it (whitespace collapsed), the first in order on ties.
            // Most occurrences are written with single spaces already: those borrow the text.
            let mut forms: Vec<(Cow<'_, str>, usize)> = Vec::new();
            for span in &spans {
                let raw = span.slice(text);
                let form = layout::join_words(raw);
                match forms.iter_mut().find(|(f, _)| *f == form) {
                    Some((_, n)) => *n += 1,
                    None => forms.push((form, 1)),
                }
            }
            forms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            spans.sort();
            spans.dedup();
            Keyphrase {
                text: forms.into_iter().next().map(|(f, _)| f.into_owned()).unwrap_or_default(),
                score: ((c.score / best) * 10_000.0).round() / 10_000.0,
                spans,
            }
        })
        .collect()
}

/// Calls `visit` on `items` in `order` until it returns false. Only as much is sorted as is
/// visited: a story has hundreds of candidates, and the keyphrases are mostly among the first
/// few dozen. Each batch is twice the one before, so even a full visit costs O(n log n).
fn for_best_first<T>(items: &mut [T], order: impl Fn(&T, &T) -> Ordering, mut visit: impl FnMut(&T) -> bool) {
    let (mut sorted, mut batch) = (0, FIRST_BATCH);
    while sorted < items.len() {
        let rest = &mut items[sorted..];
        let end = batch.min(rest.len());
        if end < rest.len() {
            rest.select_nth_unstable_by(end - 1, &order);
        }
        let best = &mut rest[..end];
        best.sort_unstable_by(&order);
        if !best.iter().all(&mut visit) {
            return;
        }
        sorted += end;
        batch *= 2;
    }
}

/// Candidates ranked in the first batch of [`for_best_first`].
const FIRST_BATCH: usize = 32;

/// True when `inner` is a contiguous part of `outer`.
fn contains(outer: &[u32], inner: &[u32]) -> bool {
    inner.len() <= outer.len() && outer.windows(inner.len()).any(|w| w == inner)
}

/// The words of every region: letters and digits, with inner hyphens, apostrophes and dots.
fn words(text: &str, regions: &[Region], lexicon: Option<&TopicLexicon>) -> Words {
    thread_local! {
        static KNOWN: RefCell<KnownWords> = RefCell::new(KnownWords::default());
    }
    KNOWN.with(|known| match known.try_borrow_mut() {
        Ok(mut known) => words_with(text, regions, lexicon, &mut known),
        // Not reached (nothing here parses while words are read); a fresh table gives the same ids.
        Err(_) => words_with(text, regions, lexicon, &mut KnownWords::default()),
    })
}

/// [`words`], with the ways of writing words seen in earlier texts at hand.
fn words_with(text: &str, regions: &[Region], terms: Option<&TopicLexicon>, known: &mut KnownWords) -> Words {
    known.start_text(terms.map(TopicLexicon::id));
    // The lists of the text before on this thread are used again, emptied.
    let mut spare = take_spare();
    // About one word per six bytes; capped so a huge input grows the list as usual.
    let bytes: usize = regions.iter().map(|r| r.span.end.saturating_sub(r.span.start)).sum();
    let mut out = std::mem::take(&mut spare.words);
    out.reserve((bytes / 6).min(1 << 16));
    // About one distinct word per dozen bytes; capped like the words.
    let forms = (bytes / 12).min(1 << 15);
    let mut lexicon =
        Lexicon { role: std::mem::take(&mut spare.role), stop: std::mem::take(&mut spare.stop) };
    lexicon.role.reserve(forms);
    lexicon.stop.reserve(forms);
    // About one start per word.
    let mut starts = std::mem::take(&mut spare.starts);
    starts.reserve((bytes / 6).min(1 << 16));
    let mut region_ends = std::mem::take(&mut spare.region_ends);
    region_ends.reserve(regions.len());
    let mut resume_of = std::mem::take(&mut spare.resume_of);
    resume_of.reserve((bytes / 6).min(1 << 16));
    let mut resumes = std::mem::take(&mut spare.resumes);
    put_spare(spare);
    for (r, region) in regions.iter().enumerate() {
        let Some(slice) = text.get(region.span.start..region.span.end) else {
            region_ends.push(starts.len());
            continue;
        };
        let bytes = slice.as_bytes();
        let mut start: Option<usize> = None;
        let mut gap_only_spaces = false;
        // The word read is ASCII letters and digits only (one run, passed over in one go).
        let mut plain = false;
        let mut push = |s: usize,
                        end: usize,
                        joined: bool,
                        plain: bool,
                        starts: &mut Vec<usize>,
                        resume_of: &mut Vec<u32>| {
            let word = &slice[s..end];
            let key = packed_at(bytes, s, end - s);
            let (form, walk) = known.form(word, key);
            // A word of ASCII letters and digits before a space has one start, the last one
            // pushed: it goes when the lexicon's walk from there is known to find nothing.
            // Otherwise the walk from there may go on after the space from where it is known to
            // stand.
            if let (true, Some(terms), Some(key), Some(b' ')) = (plain, terms, key, bytes.get(end))
                && starts.last() == Some(&s)
            {
                let walk = match walk {
                    Walk::Unknown => {
                        let walk = known.walk(terms.walk_word(&bytes[s..=end]));
                        known.set_walk(key, walk);
                        walk
                    }
                    walk => walk,
                };
                match walk {
                    Walk::Fruitless => {
                        starts.pop();
                        resume_of.pop();
                    }
                    Walk::Resume(index) => {
                        if let (Some(resume), Some(last), Ok(at)) = (
                            known.resumes.get(index as usize),
                            resume_of.last_mut(),
                            u32::try_from(resumes.len()),
                        ) {
                            *last = at;
                            resumes.push(*resume);
                        }
                    }
                    Walk::Unknown | Walk::Needed => {}
                }
            }
            out.push(Word {
                span: Span::new(region.span.start + s, region.span.start + end),
                joined,
                region: r,
                id: known.text_id(form, &mut lexicon),
                capitalised: is_capitalised(word),
            });
        };
        let mut i = 0;
        while let Some(c) = char_at(slice, bytes, i) {
            // A space (most gaps) ends a word and keeps a gap of spaces only.
            if c == ' ' {
                if let Some(s) = start.take() {
                    push(s, i, gap_only_spaces, plain, &mut starts, &mut resume_of);
                    gap_only_spaces = true;
                }
                i += 1;
                continue;
            }
            let next = i + c.len_utf8();
            let in_word = is_alphanumeric(c)
                || (matches!(c, '-' | '\'' | '’' | '.' | '&')
                    && start.is_some()
                    && char_at(slice, bytes, next).is_some_and(char::is_alphanumeric));
            if in_word {
                // An ASCII letter or digit read here follows no letter or digit (the rest of a
                // run is passed over below); after an inner hyphen, apostrophe or dot the next
                // run starts anew for the lexicon.
                if c.is_ascii_alphanumeric() {
                    starts.push(i);
                    resume_of.push(u32::MAX);
                } else if !is_alphanumeric(c) && bytes.get(next).is_some_and(u8::is_ascii_alphanumeric) {
                    starts.push(next);
                    resume_of.push(u32::MAX);
                }
                if start.is_none() {
                    start = Some(i);
                    plain = c.is_ascii_alphanumeric();
                } else {
                    plain = false;
                }
                // The rest of a run of ASCII letters and digits (most of a word) needs no
                // decoding.
                i = next + ascii_alphanumeric_run(&bytes[next..]);
                continue;
            }
            if let Some(s) = start.take() {
                push(s, i, gap_only_spaces, plain, &mut starts, &mut resume_of);
                gap_only_spaces = true;
            }
            if !(c == ' ' || c == '\u{a0}') {
                gap_only_spaces = false;
            }
            i = next;
        }
        if let Some(s) = start {
            push(s, slice.len(), gap_only_spaces, plain, &mut starts, &mut resume_of);
        }
        region_ends.push(starts.len());
    }
    Words { words: out, lexicon, starts, region_ends, resume_of, resumes }
}

/// The lists and tables that reading the words and ranking the phrases of a text fill, kept
/// between texts on a thread so each text does not allocate (and grow) them anew: a story's
/// words take tens of kilobytes.
#[derive(Default)]
struct Spare {
    words: Vec<Word>,
    role: Vec<bool>,
    stop: Vec<bool>,
    starts: Vec<usize>,
    region_ends: Vec<usize>,
    resume_of: Vec<u32>,
    resumes: Vec<Resume>,
    pairs: FastMap<u64, u32>,
    extensions: FastMap<u64, u32>,
    candidates: Vec<(Key, Candidate)>,
    occurrences: Vec<(u32, Span)>,
}

/// Lists longer than this (a very long input's) are not kept for the next text.
const MAX_SPARE: usize = 1 << 16;

thread_local! {
    static SPARE: RefCell<Spare> = RefCell::new(Spare::default());
}

/// The lists kept from the text before (empty; fresh ones when none are kept).
fn take_spare() -> Spare {
    SPARE.with(|spare| spare.try_borrow_mut().map(|mut s| std::mem::take(&mut *s)).unwrap_or_default())
}

/// Keeps `spare`'s lists, emptied, for the next text.
fn put_spare(mut spare: Spare) {
    fn keep<T>(list: &mut Vec<T>) {
        list.clear();
        if list.capacity() > MAX_SPARE {
            *list = Vec::new();
        }
    }
    fn keep_map(map: &mut FastMap<u64, u32>) {
        if map.capacity() > MAX_SPARE {
            *map = FastMap::default();
        }
        map.clear();
    }
    keep(&mut spare.words);
    keep(&mut spare.role);
    keep(&mut spare.stop);
    keep(&mut spare.starts);
    keep(&mut spare.region_ends);
    keep(&mut spare.resume_of);
    keep(&mut spare.resumes);
    keep(&mut spare.candidates);
    keep(&mut spare.occurrences);
    keep_map(&mut spare.pairs);
    keep_map(&mut spare.extensions);
    SPARE.with(|kept| {
        if let Ok(mut kept) = kept.try_borrow_mut() {
            *kept = spare;
        }
    });
}

/// Past this many ways of writing, the table of known words starts afresh (before a text, never
/// while one is read), so a long run of varied texts does not grow it without end.
const MAX_KNOWN_SPELLINGS: usize = 1 << 16;

/// The normal forms of the words of the texts read so far on this thread, with what kind of word
/// each is: most words of a story were seen in earlier ones, and a known way of writing costs one
/// look-up, with no lower-casing, plural test or stopword look-up. A form's id in a text is still
/// given in the order the text first uses it, so the table changes no result.
#[derive(Default)]
struct KnownWords {
    /// Each way of writing (packed, [`packed`]) to its normal form's index in `kinds`, and what
    /// the topic lexicon's walk from its start finds when a space follows it.
    spellings: FastMap<u128, (u32, Walk)>,
    /// Ways of writing too long to pack.
    spellings_long: FastMap<String, u32>,
    /// Each normal form to its index, packed and too long to pack.
    forms: FastMap<u128, u32>,
    forms_long: FastMap<String, u32>,
    /// Per form: is it a stopword, is it a role word.
    kinds: Vec<(bool, bool)>,
    /// Per form: the text it was last given an id in (`text`) and that id.
    in_text: Vec<(u32, u32)>,
    /// Counts the texts read.
    text: u32,
    /// The normal form of a word, built here.
    lower: String,
    /// The topic lexicon the walks were known for ([`TopicLexicon::id`]).
    lexicon: Option<u64>,
    /// Where the walks of [`Walk::Resume`] stand after their word.
    resumes: Vec<Resume>,
}

/// What the topic lexicon's walk from the start of a way of writing a word, with a space after
/// it, finds: it reads no further than the space when it finds nothing, so this holds wherever
/// the word is written so.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Walk {
    #[default]
    Unknown,
    Fruitless,
    /// It found what `KnownWords::resumes` holds at this index.
    Resume(u32),
    Needed,
}

impl KnownWords {
    /// Ready for the next text: ids start again from 0.
    fn start_text(&mut self, lexicon: Option<u64>) {
        if self.spellings.len() + self.spellings_long.len() > MAX_KNOWN_SPELLINGS
            || self.text == u32::MAX
            || (lexicon.is_some() && self.lexicon != lexicon)
        {
            *self = KnownWords { lexicon, ..KnownWords::default() };
        }
        self.text += 1;
    }

    /// The index of the normal form of `word` (packed as `key` when short enough), and what
    /// the lexicon's walk from it finds (unknown for a long word).
    fn form(&mut self, word: &str, key: Option<u128>) -> (u32, Walk) {
        match key {
            Some(key) => match self.spellings.get(&key) {
                Some(&known) => known,
                None => {
                    let form = self.new_spelling(word);
                    self.spellings.insert(key, (form, Walk::Unknown));
                    (form, Walk::Unknown)
                }
            },
            None => match self.spellings_long.get(word) {
                Some(&form) => (form, Walk::Unknown),
                None => {
                    let form = self.new_spelling(word);
                    self.spellings_long.insert(word.to_string(), form);
                    (form, Walk::Unknown)
                }
            },
        }
    }

    /// What the lexicon's walk finds, to record: a resume is kept in [`KnownWords::resumes`].
    fn walk(&mut self, walk: WordWalk) -> Walk {
        match walk {
            WordWalk::Fruitless => Walk::Fruitless,
            WordWalk::Needed => Walk::Needed,
            WordWalk::Resume(resume) => match u32::try_from(self.resumes.len()) {
                Ok(index) => {
                    self.resumes.push(resume);
                    Walk::Resume(index)
                }
                Err(_) => Walk::Needed,
            },
        }
    }

    /// Records what the lexicon's walk from the way of writing packed as `key` finds.
    fn set_walk(&mut self, key: u128, walk: Walk) {
        if let Some(known) = self.spellings.get_mut(&key) {
            known.1 = walk;
        }
    }

    /// The index of the normal form of a way of writing not seen before.
    fn new_spelling(&mut self, word: &str) -> u32 {
        let mut lower = std::mem::take(&mut self.lower);
        let form = normal(word, &mut lower).unwrap_or(&lower);
        let key = packed(form);
        let kinds = &mut self.kinds;
        let mut new_form = || {
            let kind = kind(key);
            kinds.push((is_stopword(form, kind & STOP != 0), kind & ROLE != 0));
            u32::try_from(kinds.len() - 1).unwrap_or(u32::MAX)
        };
        let index = match key {
            Some(key) => *self.forms.entry(key).or_insert_with(new_form),
            None => match self.forms_long.get(form) {
                Some(&index) => index,
                None => {
                    let index = new_form();
                    self.forms_long.insert(form.to_string(), index);
                    index
                }
            },
        };
        self.lower = lower;
        index
    }

    /// The id of form `form` in this text: the next id when the text has not used it before (its
    /// kind then added to `lexicon`).
    fn text_id(&mut self, form: u32, lexicon: &mut Lexicon) -> u32 {
        let index = form as usize;
        if self.in_text.len() <= index {
            self.in_text.resize(index + 1, (0, 0));
        }
        let Some(slot) = self.in_text.get_mut(index) else { return u32::MAX - 1 };
        if slot.0 == self.text {
            return slot.1;
        }
        let id = u32::try_from(lexicon.stop.len()).unwrap_or(u32::MAX - 1);
        *slot = (self.text, id);
        let (stop, role) = self.kinds.get(index).copied().unwrap_or_default();
        lexicon.stop.push(stop);
        lexicon.role.push(role);
        id
    }
}

/// The character at byte `i` of `text` (`bytes` is `text` as bytes): ASCII without decoding.
fn char_at(text: &str, bytes: &[u8], i: usize) -> Option<char> {
    match bytes.get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// `char::is_alphanumeric` without the Unicode tables for ASCII.
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() }
}

/// Lower case, with a plural `s` dropped so `webinars` and `webinar` are one word. The form is
/// part of `word` when the word is lower-case ASCII (returned); otherwise it is written into
/// `lower` (and `None` returned).
fn normal<'t>(word: &'t str, lower: &mut String) -> Option<&'t str> {
    let form: &str = if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        word
    } else {
        lower.clear();
        if word.is_ascii() {
            lower.push_str(word);
            lower.make_ascii_lowercase();
        } else {
            // `str::to_lowercase` knows the final sigma, which `char::to_lowercase` does not.
            lower.push_str(&word.to_lowercase());
        }
        lower
    };
    let plural = form.len() > 3
        && form.ends_with('s')
        && !form.ends_with("ss")
        && !form.ends_with("us")
        && !form.ends_with("is")
        && !is_listed_stopword(form)
        && !is_listed_stopword(&form[..form.len() - 1]);
    if std::ptr::eq(form, word) {
        return Some(if plural { &word[..word.len() - 1] } else { word });
    }
    if plural {
        lower.pop();
    }
    None
}

/// True when the lower-case word is a stopword or a number; `listed_as_is` tells whether the word
/// as it stands is a listed stopword.
fn is_stopword(lower: &str, listed_as_is: bool) -> bool {
    // `strip_suffix` in a loop is `trim_end_matches` without building a substring searcher.
    let mut bare = lower;
    while let Some(rest) = bare.strip_suffix("'s") {
        bare = rest;
    }
    while let Some(rest) = bare.strip_suffix("’s") {
        bare = rest;
    }
    // Most words have no possessive to strip: their packed form is at hand.
    let listed = || {
        if bare.len() == lower.len() { listed_as_is } else { is_listed_stopword(bare) }
    };
    bare.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',' || c == '-') || listed()
}

fn is_capitalised(word: &str) -> bool {
    // An ASCII first byte needs no decoding.
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_packs_the_same_read_from_the_text_or_on_its_own() {
        let text = b"Ministry of Foreign Affairs spokesperson";
        for (start, len) in [(0, 8), (12, 7), (28, 12), (9, 2)] {
            let word = std::str::from_utf8(&text[start..start + len]).unwrap();
            assert_eq!(packed_at(text, start, len), packed(word), "{word}");
        }
        assert_eq!(packed_at(text, 0, 16), None);
        assert_eq!(packed_at(text, 40, 0), None);
    }

    #[test]
    fn a_phrase_and_its_longer_stretches_are_counted_apart() {
        let text =
            "grain export quota rose. grain export quota fell. grain export quota held. quota export grain";
        let region = Region { span: Span::new(0, text.len()), weight: 1.0 };
        let phrases = extract(text, &[region]);
        let spans = |phrase: &str| phrases.iter().find(|k| k.text == phrase).map(|k| k.spans.len());
        // The three-word phrase outranks the pairs inside it; the same words reversed are another.
        assert_eq!(spans("grain export quota"), Some(3));
        assert_eq!(spans("grain export"), None);
        assert_eq!(spans("quota export grain"), Some(1));
    }

    #[test]
    fn best_first_visits_in_order_and_stops_when_told() {
        // More than the first batch, so that later batches are ranked too.
        let mut items: Vec<u32> = (0..200).map(|i| (i * 7919) % 211).collect();
        let mut expected = items.clone();
        expected.sort_by(|a, b| b.cmp(a));
        let mut seen = Vec::new();
        for_best_first(
            &mut items,
            |a, b| b.cmp(a),
            |&x| {
                seen.push(x);
                true
            },
        );
        assert_eq!(seen, expected);
        seen.clear();
        for_best_first(
            &mut items,
            |a, b| b.cmp(a),
            |&x| {
                seen.push(x);
                seen.len() < 40
            },
        );
        assert_eq!(seen, expected[..40]);
    }

    #[test]
    fn words_known_from_earlier_texts_change_nothing() {
        let region = |text: &str| Region { span: Span::new(0, text.len()), weight: 1.0 };
        // Ties between equal scores fall to the ids of the words, which each text numbers anew.
        let text = "The Wheat Quota, the Barley Levy and the Grain Exports.";
        let alone = extract(text, &[region(text)]);
        let other = "grain exports and barley levy then wheat quota";
        let after_other = {
            extract(other, &[region(other)]);
            extract(text, &[region(text)])
        };
        let texts = |k: &[Keyphrase]| k.iter().map(|k| k.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts(&after_other), texts(&alone));
        assert_eq!(texts(&alone)[..3], ["Wheat Quota", "Barley Levy", "Grain Exports"]);
    }

    #[test]
    fn lists_kept_from_a_longer_text_change_nothing() {
        let region = |text: &str| Region { span: Span::new(0, text.len()), weight: 1.0 };
        let text = "Oil prices rose. Oil prices fell after the Grain Board met the Oil Board.";
        let first = extract(text, &[region(text)]);
        let long = "Central bank officials said interest rates and oil prices would shape the \
                    budget talks, and the budget talks would shape interest rates again. "
            .repeat(40);
        assert!(!extract(&long, &[region(&long)]).is_empty());
        let again = extract(text, &[region(text)]);
        let all = |k: &[Keyphrase]| {
            k.iter().map(|k| (k.text.clone(), k.score, k.spans.clone())).collect::<Vec<_>>()
        };
        assert_eq!(all(&again), all(&first));
        assert_eq!(first[0].text, "Oil prices");
    }

    #[test]
    fn the_lexicon_scan_from_the_word_starts_finds_what_the_full_scan_finds() {
        let lexicon = crate::registry::TopicLexicon::embedded();
        assert!(lexicon.starts_in_words());
        let texts = [
            "The e-mail vaccine trial in the U.S. opened; the court's ruling on the election tax bill.",
            "Café-bar football: the striker's 3-1 win, a penalty shoot-out and an O'Neill goal.",
            "Élection présidentielle — the parliament's vote; flood-hit farmers and the climate summit.",
            "covid-19 vaccination drive, inflation and interest rates 'rose' (central bank) ... oil",
        ];
        let (mut left_out, mut resumed) = (0, 0);
        for text in texts {
            let region = Region { span: Span::new(0, text.len()), weight: 1.0 };
            let words = read(text, &[region], None);
            let (mut full, mut from_starts) = (Vec::new(), Vec::new());
            lexicon.find_into(text, &mut full);
            lexicon.find_at_into(text, words.starts(0).unwrap_or_default(), &mut from_starts);
            assert!(!full.is_empty(), "{text}");
            assert_eq!(from_starts, full, "{text}");
            // Read with the lexicon (twice: the second time what the walks find is known), the
            // words it finds nothing from are left out, and the scan finds the same.
            for _ in 0..2 {
                let fewer = read(text, &[region], Some(&lexicon));
                let starts = fewer.starts(0).unwrap_or_default();
                left_out += words.starts(0).unwrap_or_default().len() - starts.len();
                lexicon.find_at_into(text, starts, &mut from_starts);
                assert_eq!(from_starts, full, "{text}");
                // And with the walks over known words going on after the space.
                let (starts, resume_of, resumes) = fewer.starts_resuming(0).unwrap_or_default();
                resumed += resumes.len();
                lexicon.find_resuming_into(text, starts, resume_of, resumes, &mut from_starts);
                assert_eq!(from_starts, full, "{text}");
            }
        }
        assert!(left_out > 0);
        assert!(resumed > 0);
    }

    #[test]
    fn written_forms_of_one_phrase_count_together() {
        let text = "Grain Exports rose. grain exports fell. Grain exports held. The Institute for Political \
                    and International Studies said so.";
        let region = Region { span: Span::new(0, text.len()), weight: 1.0 };
        let phrases = extract(text, &[region]);
        // Three ways of writing one phrase, equally often: the first in byte order names it.
        assert_eq!(phrases[0].text, "Grain Exports");
        assert_eq!(phrases[0].spans.len(), 3);
        let texts: Vec<&str> = phrases.iter().map(|k| k.text.as_str()).collect();
        assert!(texts.contains(&"The Institute for Political and International Studies"), "{texts:?}");
    }
}
