//! The IPTC Media Topics vocabulary and the topic lexicon, compiled into one matcher.
//!
//! The vocabulary (codes, English labels, definitions, hierarchy) is IPTC's published Media Topics
//! file, shipped as `data/mediatopics.tsv`. The lexicon (`data/topic_lexicon.toml`) maps the words
//! of news copy to those codes with weights; the labels of the vocabulary are added as terms too.
//! Everything is compiled into a single Aho-Corasick automaton, once per process for the embedded
//! data and once per [`crate::ParserBuilder::build`] when a user adds terms.

use std::collections::{HashMap, HashSet};

use super::FastMap;
use std::sync::{Arc, LazyLock};

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};
use serde::Deserialize;

use crate::article::Span;
use crate::error::{DataError, Error};

const VOCABULARY: &str = include_str!("../../data/mediatopics.tsv");
const LEXICON: &str = include_str!("../../data/topic_lexicon.toml");

/// Weight of a vocabulary label used as a lexicon term (curated terms default to 1).
const LABEL_WEIGHT: f32 = 1.0;

/// One concept of the IPTC Media Topics vocabulary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MediaTopic {
    /// The qualified code, `medtop:20000639`.
    pub code: String,
    /// English (en-GB) label, `diplomacy`.
    pub label: String,
    /// English definition.
    pub definition: String,
    /// The broader concept, `None` for the 17 top-level topics.
    pub parent: Option<String>,
    /// The top-level code above this one (the code itself for a top-level topic).
    pub top_level: String,
    /// Depth in the tree: 1 for top-level topics.
    pub level: u8,
}

/// The Media Topics tree: every non-retired concept with its parent and top level.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    topics: Vec<MediaTopic>,
    by_code: FastMap<String, usize>,
    /// Index of each topic's parent.
    parents: Vec<Option<usize>>,
}

static VOCAB: LazyLock<Arc<Vocabulary>> =
    LazyLock::new(|| Arc::new(Vocabulary::from_tsv(VOCABULARY).expect("data/mediatopics.tsv is valid")));

impl Vocabulary {
    /// The vocabulary shipped in `data/mediatopics.tsv`, parsed once per process.
    pub fn embedded() -> Arc<Vocabulary> {
        Arc::clone(&VOCAB)
    }

    /// Reads `code \t parent \t label \t definition` rows (parents listed before children).
    fn from_tsv(text: &str) -> Result<Vocabulary, DataError> {
        let mut vocab = Vocabulary::default();
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut cols = line.split('\t');
            let (Some(code), Some(parent), Some(label)) = (cols.next(), cols.next(), cols.next()) else {
                return Err(Error::data(format!("media topics: bad row {line:?}")));
            };
            let definition = cols.next().unwrap_or("");
            let parent_index =
                if parent.is_empty() {
                    None
                } else {
                    Some(*vocab.by_code.get(parent).ok_or_else(|| {
                        Error::data(format!("media topics: {code}: unknown parent {parent}"))
                    })?)
                };
            let (top_level, level) = match parent_index {
                Some(p) => (vocab.topics[p].top_level.clone(), vocab.topics[p].level + 1),
                None => (code.to_string(), 1),
            };
            vocab.by_code.insert(code.to_string(), vocab.topics.len());
            vocab.parents.push(parent_index);
            vocab.topics.push(MediaTopic {
                code: code.to_string(),
                label: label.to_string(),
                definition: definition.to_string(),
                parent: (!parent.is_empty()).then(|| parent.to_string()),
                top_level,
                level,
            });
        }
        Ok(vocab)
    }

    /// The concept with this code (`medtop:20000639`; the bare number `20000639` works too).
    pub fn get(&self, code: &str) -> Option<&MediaTopic> {
        self.index(code).map(|i| &self.topics[i])
    }

    /// The top-level code above `code`.
    pub fn top_level(&self, code: &str) -> Option<&str> {
        self.get(code).map(|t| t.top_level.as_str())
    }

    /// Every concept, parents before children.
    pub fn iter(&self) -> impl Iterator<Item = &MediaTopic> {
        self.topics.iter()
    }

    /// Number of concepts.
    pub fn len(&self) -> usize {
        self.topics.len()
    }

    /// True when the vocabulary is empty.
    pub fn is_empty(&self) -> bool {
        self.topics.is_empty()
    }

    pub(crate) fn index(&self, code: &str) -> Option<usize> {
        match self.by_code.get(code) {
            Some(&i) => Some(i),
            None if !code.starts_with("medtop:") => self.by_code.get(&format!("medtop:{code}")).copied(),
            None => None,
        }
    }

    pub(crate) fn topic(&self, index: usize) -> &MediaTopic {
        &self.topics[index]
    }

    /// True when `ancestor` is strictly broader than `topic`.
    pub(crate) fn is_ancestor(&self, ancestor: usize, topic: usize) -> bool {
        let mut node = self.parent_index(topic);
        while let Some(n) = node {
            if n == ancestor {
                return true;
            }
            node = self.parent_index(n);
        }
        false
    }

    pub(crate) fn parent_index(&self, index: usize) -> Option<usize> {
        self.parents.get(index).copied().flatten()
    }
}

/// One lexicon term: a word or phrase that is evidence for a Media Topic.
#[derive(Clone, Debug, PartialEq)]
pub struct LexiconTerm {
    /// The Media Topic code the term points to.
    pub code: String,
    /// The term, matched on whole words, ignoring ASCII case unless `cased` (or written with a
    /// leading `=`, as in `=AIDS`); a trailing `*` matches any word ending (`vaccin*`: vaccine,
    /// vaccines, vaccination).
    pub term: String,
    /// How much one occurrence counts (curated terms are mostly 0.5 to 3).
    pub weight: f32,
    /// Match the exact case only (`AIDS`, `Labour`).
    pub cased: bool,
}

impl LexiconTerm {
    /// A case-insensitive term.
    pub fn new(code: &str, term: &str, weight: f32) -> Self {
        LexiconTerm { code: code.to_string(), term: term.to_string(), weight, cased: false }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    #[serde(default)]
    exclude_labels: Vec<String>,
    #[serde(default)]
    neutral: Vec<String>,
    #[serde(default)]
    desks: Option<Vec<String>>,
    #[serde(default)]
    terms: Vec<TermGroup>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TermGroup {
    code: String,
    #[serde(default = "default_weight")]
    weight: f32,
    #[serde(default)]
    cased: bool,
    terms: Vec<String>,
}

fn default_weight() -> f32 {
    1.0
}

/// Reads lexicon TOML: `[[terms]]` tables with `code`, optional `weight` (default 1) and `cased`
/// (default false), and a `terms` list.
///
/// ```toml
/// [[terms]]
/// code = "medtop:20001065"   # football
/// weight = 2.0
/// terms = ["striker", "goalkeeper*", "penalty shoot-out"]
/// ```
///
/// A top-level `exclude_labels = [...]` list (used by the embedded lexicon to keep generic
/// vocabulary labels such as `game` out of the matcher) is accepted and applies to the whole
/// lexicon, and so is a `neutral = [...]` list of idioms that count for no topic and hide the
/// terms inside them (`at stake` is not a stake in a company). A `desks = [...]` list of top-level
/// codes names the subjects news desks are organised by (politics, sport ...), which lead a story
/// they share with a narrower interest; a lexicon that lists desks replaces the current ones.
pub fn parse_lexicon_toml(toml_text: &str) -> Result<Vec<LexiconTerm>, DataError> {
    parse_file(toml_text).map(|file| file.terms)
}

/// The parts of a lexicon file, resolved.
struct Parsed {
    terms: Vec<LexiconTerm>,
    excluded: Vec<String>,
    neutral: Vec<String>,
    /// Top-level codes of the desk subjects, when the file lists them.
    desks: Option<Vec<String>>,
}

fn parse_file(toml_text: &str) -> Result<Parsed, DataError> {
    let file: LexiconFile =
        toml::from_str(toml_text).map_err(|e| Error::data(format!("topic lexicon: {e}")))?;
    let excluded = file.exclude_labels.iter().map(|l| l.to_lowercase()).collect();
    let (neutral, desks) = (file.neutral, file.desks);
    let terms = file
        .terms
        .into_iter()
        .flat_map(|g| {
            let (code, weight, cased) = (g.code, g.weight, g.cased);
            g.terms.into_iter().map(move |term| LexiconTerm { code: code.clone(), term, weight, cased })
        })
        .collect();
    Ok(Parsed { terms, excluded, neutral, desks })
}

/// What one pattern of the automaton stands for.
#[derive(Clone, Debug)]
struct Pattern {
    /// A trailing `*`: the match may end inside a word.
    prefix: bool,
    /// Bytes the automaton matches (the term without its `*`).
    len: usize,
    /// The topics it points to.
    entries: Vec<Entry>,
}

#[derive(Clone, Debug)]
struct Entry {
    topic: usize,
    weight: f32,
    /// For cased terms: the exact form the text must have.
    exact: Option<Box<str>>,
    /// The term as written in the lexicon, for evidence.
    term: Arc<str>,
}

/// A lexicon match in a text: which pattern and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TermMatch {
    pub pattern: usize,
    pub span: Span,
}

/// One topic a span of text counts for, through the pattern that gives it the largest weight.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct SpanEntry<'a> {
    pub pattern: usize,
    pub topic: usize,
    pub weight: f32,
    /// The term as the lexicon wrote it.
    pub term: &'a str,
}

/// What the walk from the start of a word, read with the space after it, finds there
/// ([`TopicLexicon::walk_word`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WordWalk {
    /// It ends within them having found nothing.
    Fruitless,
    /// It found these terms and may go on.
    Resume(Resume),
    /// It must be walked in the text.
    Needed,
}

/// The most terms a [`Resume`] holds (a word and its space rarely end more than one).
const RESUME_TERMS: usize = 2;

/// Where the walk from the start of a word stands after the word and the space after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Resume {
    /// Its state there (dead when no term goes on).
    state: StateID,
    /// Bytes read: the word and the space.
    len: u32,
    /// The terms found, as pattern and end (from the word's start), in the order found.
    found: [(u32, u32); RESUME_TERMS],
    count: u8,
}

/// The vocabulary plus every lexicon term, compiled into one automaton.
#[derive(Clone, Debug)]
pub struct TopicLexicon {
    vocabulary: Arc<Vocabulary>,
    terms: Vec<LexiconTerm>,
    excluded_labels: Vec<String>,
    neutral: Vec<String>,
    desk_codes: Vec<String>,
    /// The desk subjects, by topic index.
    desks: Vec<usize>,
    automaton: NFA,
    patterns: Vec<Pattern>,
    /// The first two bytes (ASCII lower case) of every term, one bit per pair: a walk from a
    /// place whose two bytes begin no term is skipped (most words, and every space).
    openings: Box<[u64]>,
    /// Some term starts with a byte other than an ASCII letter or digit (none of the embedded
    /// lexicon's does): only then are walks tried from punctuation and other characters.
    odd_openings: bool,
    /// Tells this lexicon's automaton from any other's where what walks find is remembered
    /// ([`TopicLexicon::id`]); a clone shares the automaton, and the number.
    id: u64,
}

/// Numbers the compiled lexicons (see [`TopicLexicon::id`]).
static LEXICON_IDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The bit of a byte pair in [`TopicLexicon::openings`].
fn opening(first: u8, second: u8) -> usize {
    usize::from(first.to_ascii_lowercase()) << 8 | usize::from(second.to_ascii_lowercase())
}

static LEXICON_DEFAULT: LazyLock<Arc<TopicLexicon>> = LazyLock::new(|| {
    let file = parse_file(LEXICON).expect("data/topic_lexicon.toml is valid");
    Arc::new(TopicLexicon::compile(Vocabulary::embedded(), file).expect("data/topic_lexicon.toml compiles"))
});

impl TopicLexicon {
    /// The lexicon shipped in `data/topic_lexicon.toml` plus the vocabulary labels, compiled once
    /// per process.
    pub fn embedded() -> Arc<TopicLexicon> {
        Arc::clone(&LEXICON_DEFAULT)
    }

    /// This lexicon with `extra` terms added, compiled anew.
    pub fn with_terms(&self, extra: &[LexiconTerm]) -> Result<TopicLexicon, DataError> {
        let mut terms = self.terms.clone();
        terms.extend_from_slice(extra);
        let file = Parsed {
            terms,
            excluded: self.excluded_labels.clone(),
            neutral: self.neutral.clone(),
            desks: Some(self.desk_codes.clone()),
        };
        TopicLexicon::compile(Arc::clone(&self.vocabulary), file)
    }

    /// This lexicon with the terms of lexicon TOML text added (see [`parse_lexicon_toml`]).
    pub fn with_toml(&self, toml_text: &str) -> Result<TopicLexicon, DataError> {
        let extra = parse_file(toml_text)?;
        let mut terms = self.terms.clone();
        terms.extend(extra.terms);
        let mut excluded = self.excluded_labels.clone();
        excluded.extend(extra.excluded);
        let mut neutral = self.neutral.clone();
        neutral.extend(extra.neutral);
        let desks = Some(extra.desks.unwrap_or_else(|| self.desk_codes.clone()));
        TopicLexicon::compile(Arc::clone(&self.vocabulary), Parsed { terms, excluded, neutral, desks })
    }

    /// The Media Topics vocabulary the lexicon points into.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// The top-level codes of the subjects news desks are organised by (`desks` in the lexicon).
    pub fn desk_codes(&self) -> &[String] {
        &self.desk_codes
    }

    /// True when the top-level topic `top` is a desk subject.
    pub(crate) fn is_desk(&self, top: usize) -> bool {
        self.desks.contains(&top)
    }

    /// The curated and user terms (without the vocabulary labels), in the order they were added.
    pub fn terms(&self) -> &[LexiconTerm] {
        &self.terms
    }

    fn compile(vocabulary: Arc<Vocabulary>, file: Parsed) -> Result<Self, DataError> {
        let Parsed { terms, excluded: excluded_labels, neutral, desks: desk_codes } = file;
        let desk_codes = desk_codes.unwrap_or_default();
        let desks = desk_codes
            .iter()
            .map(|code| match vocabulary.index(code) {
                Some(topic) if vocabulary.topic(topic).level == 1 => Ok(topic),
                _ => Err(Error::data(format!("topic lexicon: desk {code:?} is not a top-level media topic"))),
            })
            .collect::<Result<Vec<usize>, DataError>>()?;
        // The stems (`vaccin*`) of the curated terms, lower case: a label they already match is
        // theirs (see below).
        let stems: HashSet<String> = terms
            .iter()
            .filter_map(|t| {
                let raw = t.term.trim();
                let raw = raw.strip_prefix('=').unwrap_or(raw);
                raw.strip_suffix('*').map(|body| body.trim_end().to_ascii_lowercase())
            })
            .collect();
        let mut keys: HashMap<(String, bool), usize> = HashMap::new();
        let mut needles: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut add = |topic: usize,
                       raw: &str,
                       weight: f32,
                       cased: bool,
                       only_if_new: bool|
         -> Result<(), DataError> {
            let raw = raw.trim();
            // `=AIDS`: match this exact case only.
            let (raw, cased) = match raw.strip_prefix('=') {
                Some(rest) => (rest, true),
                None => (raw, cased),
            };
            let (body, prefix) = match raw.strip_suffix('*') {
                Some(body) => (body.trim_end(), true),
                None => (raw, false),
            };
            if body.chars().count() < if prefix { 3 } else { 2 } || body.contains('*') {
                return Err(Error::data(format!(
                    "topic lexicon: {raw:?}: a term needs 2 characters (3 before a `*`) and at most one trailing `*`"
                )));
            }
            if !weight.is_finite() || weight <= 0.0 || weight > 100.0 {
                return Err(Error::data(format!(
                    "topic lexicon: {raw:?}: weight {weight} is not in (0, 100]"
                )));
            }
            let key = (body.to_ascii_lowercase(), prefix);
            if only_if_new && keys.contains_key(&key) {
                return Ok(());
            }
            let index = *keys.entry(key.clone()).or_insert_with(|| {
                needles.push(key.0.clone());
                patterns.push(Pattern { prefix, len: body.len(), entries: Vec::new() });
                patterns.len() - 1
            });
            let entries = &mut patterns[index].entries;
            let exact = cased.then(|| Box::<str>::from(body));
            // The same term listed twice for one topic counts once, with the larger weight.
            if let Some(e) = entries.iter_mut().find(|e| e.topic == topic && e.exact == exact) {
                e.weight = e.weight.max(weight);
            } else {
                entries.push(Entry { topic, weight, exact, term: Arc::from(raw) });
            }
            Ok(())
        };
        for term in &terms {
            let topic = vocabulary.index(&term.code).ok_or_else(|| {
                Error::data(format!(
                    "topic lexicon: {:?}: unknown media topic code {:?}",
                    term.term, term.code
                ))
            })?;
            add(topic, &term.term, term.weight, term.cased, false)?;
        }
        for (index, topic) in vocabulary.topics.iter().enumerate() {
            if topic.level < 2 || topic.level > 4 {
                continue;
            }
            // `trial (court)` -> `trial`; labels listed as curated terms keep their weight, and a
            // label a curated stem already matches (`election` beside `elect*`) is left to the
            // stem: the lexicon chose the subject of that word.
            let label = topic.label.split(" (").next().unwrap_or("").trim();
            let lower = label.to_lowercase();
            let stemmed = (1..=lower.len()).any(|end| {
                lower.get(..end).is_some_and(|head| stems.contains(head))
                    && lower[end..].chars().all(char::is_alphanumeric)
            });
            if label.len() >= 4 && !excluded_labels.contains(&lower) && !stemmed {
                add(index, label, LABEL_WEIGHT, false, true)?;
            }
        }
        for phrase in &neutral {
            let phrase = phrase.trim();
            if phrase.len() < 2 || phrase.contains('*') {
                return Err(Error::data(format!(
                    "topic lexicon: neutral {phrase:?}: a phrase needs 2 characters and no `*`"
                )));
            }
            // A phrase that is also a term keeps its topics; otherwise it matches for nothing.
            keys.entry((phrase.to_ascii_lowercase(), false)).or_insert_with(|| {
                needles.push(phrase.to_ascii_lowercase());
                patterns.push(Pattern { prefix: false, len: phrase.len(), entries: Vec::new() });
                patterns.len() - 1
            });
        }
        // A term listed for a topic and for a narrower one counts once, for the narrower one
        // (which passes it up the hierarchy anyway), with the larger weight.
        for pattern in &mut patterns {
            let entries = &mut pattern.entries;
            let mut i = 0;
            while i < entries.len() {
                let broader = entries[i].topic;
                let narrower = (0..entries.len()).find(|&j| {
                    j != i
                        && entries[j].exact == entries[i].exact
                        && vocabulary.is_ancestor(broader, entries[j].topic)
                });
                match narrower {
                    Some(j) => {
                        entries[j].weight = entries[j].weight.max(entries[i].weight);
                        entries.remove(i);
                    }
                    None => i += 1,
                }
            }
        }
        // The contiguous NFA is compact (well under a megabyte), so the walks stay in cache. A
        // DFA (anchored start only) runs ~4 % fewer instructions but takes ~17 MB, doubles the
        // compile, and measured slower in wall time on the 2-core machine (cache misses).
        let automaton = NFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&needles)
            .map_err(|e| Error::data(format!("topic lexicon: cannot compile: {e}")))?;
        let mut openings = vec![0u64; (1 << 16) / 64].into_boxed_slice();
        let odd_openings =
            needles.iter().any(|n| !n.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric));
        for needle in &needles {
            // Every term has two bytes at least (checked above).
            if let [first, second, ..] = *needle.as_bytes() {
                let bit = opening(first, second);
                openings[bit / 64] |= 1 << (bit % 64);
            }
        }
        Ok(TopicLexicon {
            vocabulary,
            terms,
            excluded_labels,
            neutral,
            desk_codes,
            desks,
            automaton,
            patterns,
            openings,
            odd_openings,
            id: LEXICON_IDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        })
    }

    /// Every whole-word match in `text`, left to right, longest first where matches overlap.
    #[cfg(test)]
    pub(crate) fn find(&self, text: &str) -> Vec<TermMatch> {
        let mut found = Vec::new();
        self.find_into(text, &mut found);
        found
    }

    /// [`TopicLexicon::find`] into `found` (emptied first), so one list serves every region.
    pub(crate) fn find_into(&self, text: &str, found: &mut Vec<TermMatch>) {
        found.clear();
        let Ok(root) = self.automaton.start_state(Anchored::Yes) else { return };
        // An anchored walk of the automaton from each place a word may start, rather than one
        // unanchored scan that also finds every term inside words (`art` in `start`) only to
        // drop it. A walk ends where no term goes on, mostly after a letter or two and always
        // within the longest term, so the whole stays linear in the text.
        let bytes = text.as_bytes();
        let mut in_word = false;
        let mut start = 0;
        while let Some(&byte) = bytes.get(start) {
            if byte.is_ascii_alphanumeric() {
                if !in_word && bytes.get(start + 1).is_some_and(|&next| self.opens_term(byte, next)) {
                    self.walk(bytes, start, root, found);
                }
                // No term starts inside a word: the rest of its ASCII letters and digits (most
                // of the text) are passed over in one go.
                start += 1 + ascii_alphanumeric_run(&bytes[start + 1..]);
                in_word = true;
                continue;
            }
            // Bytes inside a character are no place to start and change nothing.
            if (0x80..0xC0).contains(&byte) {
                start += 1;
                continue;
            }
            if self.odd_openings
                && !in_word
                && bytes.get(start + 1).is_some_and(|&next| self.opens_term(byte, next))
            {
                self.walk(bytes, start, root, found);
            }
            in_word = !byte.is_ascii()
                && text.get(start..).and_then(|rest| rest.chars().next()).is_some_and(char::is_alphanumeric);
            start += 1;
        }
        settle(found);
    }

    /// [`TopicLexicon::find_into`] with the places a walk may start given: `starts` are the
    /// offsets in `text`, in order, of every ASCII letter or digit that follows a character that
    /// is no letter or digit (or starts the text), as the keyphrase words are read. Only right
    /// when no term starts with another byte ([`TopicLexicon::starts_in_words`]).
    #[cfg(test)]
    pub(crate) fn find_at_into(&self, text: &str, starts: &[usize], found: &mut Vec<TermMatch>) {
        self.find_resuming_into(text, starts, &[], &[], found);
    }

    /// [`TopicLexicon::find_at_into`] with what the walks over some words are known to find:
    /// `resume_of[i]`, when below `resumes.len()`, is the [`Resume`] of the word at `starts[i]`
    /// (read with the space after it), so its walk goes on after the space; a shorter
    /// `resume_of` leaves the rest of the starts to walk from the beginning.
    pub(crate) fn find_resuming_into(
        &self,
        text: &str,
        starts: &[usize],
        resume_of: &[u32],
        resumes: &[Resume],
        found: &mut Vec<TermMatch>,
    ) {
        found.clear();
        let Ok(root) = self.automaton.start_state(Anchored::Yes) else { return };
        let bytes = text.as_bytes();
        for (i, &start) in starts.iter().enumerate() {
            if let Some(resume) = resume_of.get(i).and_then(|&r| resumes.get(r as usize)) {
                for &(pattern, end) in resume.found.get(..usize::from(resume.count)).unwrap_or_default() {
                    found.push(TermMatch {
                        pattern: pattern as usize,
                        span: Span::new(start, start + end as usize),
                    });
                }
                if !self.automaton.is_dead(resume.state) {
                    self.walk_from(bytes, start, start + resume.len as usize, resume.state, found);
                }
                continue;
            }
            if let (Some(&byte), Some(&next)) = (bytes.get(start), bytes.get(start + 1))
                && self.opens_term(byte, next)
            {
                self.walk(bytes, start, root, found);
            }
        }
        settle(found);
    }

    /// A number no other compiled lexicon of the process has (a clone has its original's): what
    /// its walks find may be remembered under it.
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// What the walk from the start of `bytes` (a word and the space after it) finds within them.
    /// The walk reads nothing else there, so wherever the text has these bytes it finds the same:
    /// nothing when it ends within them ([`WordWalk::Fruitless`], and the word's start may be left
    /// out of the starts of [`TopicLexicon::find_at_into`]); otherwise the terms it found and
    /// the state it goes on from ([`WordWalk::Resume`]), unless they do not fit one.
    pub(crate) fn walk_word(&self, bytes: &[u8]) -> WordWalk {
        let automaton = &self.automaton;
        let Ok(root) = automaton.start_state(Anchored::Yes) else { return WordWalk::Needed };
        let (Ok(len), Some(&b' ')) = (u32::try_from(bytes.len()), bytes.last()) else {
            return WordWalk::Needed;
        };
        // Nothing is pushed unless a term is found, so the list stays unallocated then.
        let mut found = Vec::new();
        let mut state = root;
        for (end, &byte) in bytes.iter().enumerate() {
            state = automaton.next_state(Anchored::Yes, state, byte);
            if automaton.is_dead(state) {
                break;
            }
            if automaton.is_match(state) {
                // A term ending with the space would need the byte after it to tell.
                if end + 1 == bytes.len() {
                    return WordWalk::Needed;
                }
                self.matches_at(bytes, 0, end + 1, state, &mut found);
            }
        }
        if automaton.is_dead(state) && found.is_empty() {
            return WordWalk::Fruitless;
        }
        let mut resume = Resume { state, len, found: [(0, 0); RESUME_TERMS], count: 0 };
        if found.len() > RESUME_TERMS {
            return WordWalk::Needed;
        }
        for (slot, m) in resume.found.iter_mut().zip(&found) {
            let (Ok(pattern), Ok(end)) = (u32::try_from(m.pattern), u32::try_from(m.span.end)) else {
                return WordWalk::Needed;
            };
            *slot = (pattern, end);
            resume.count += 1;
        }
        WordWalk::Resume(resume)
    }

    /// True when every term starts with an ASCII letter or digit, so that the word starts of
    /// [`TopicLexicon::find_at_into`] are every place a match may start.
    pub(crate) fn starts_in_words(&self) -> bool {
        !self.odd_openings
    }

    /// The topics the matches over one span count for (as [`TopicLexicon::find`] gives them,
    /// side by side), with the pattern and the term as the lexicon wrote it. A topic two patterns
    /// give counts once, with the larger weight; so does a topic and a narrower one, for the
    /// narrower one (as within one pattern).
    #[cfg(test)]
    pub(crate) fn span_entries<'a>(&'a self, same_span: &[TermMatch], text: &str) -> Vec<SpanEntry<'a>> {
        let mut entries = Vec::new();
        self.span_entries_into(same_span, text, &mut entries);
        entries
    }

    /// [`TopicLexicon::span_entries`] into `entries` (emptied first), so one list serves every span.
    pub(crate) fn span_entries_into<'a>(
        &'a self,
        same_span: &[TermMatch],
        text: &str,
        entries: &mut Vec<SpanEntry<'a>>,
    ) {
        entries.clear();
        for m in same_span {
            for (topic, weight, term) in self.entries(m, text) {
                let entry = SpanEntry { pattern: m.pattern, topic, weight, term };
                // Entries of one pattern were settled when it was compiled (`Internet` and a
                // cased `=Internet` count apart); across patterns a topic counts once.
                match entries.iter_mut().find(|e| e.topic == topic && e.pattern != m.pattern) {
                    Some(e) if e.weight < weight => *e = entry,
                    Some(_) => {}
                    None => entries.push(entry),
                }
            }
        }
        // A handful of entries at most: the pairwise look is cheap. Within one pattern the
        // compiled entries already settled this (a cased `=Yankees` beside `Yankees` counts apart).
        let mut i = 0;
        while i < entries.len() {
            let (broader, pattern) = (entries[i].topic, entries[i].pattern);
            let narrower = (0..entries.len()).find(|&j| {
                entries[j].pattern != pattern && self.vocabulary.is_ancestor(broader, entries[j].topic)
            });
            match narrower {
                Some(j) => {
                    if entries[j].weight < entries[i].weight {
                        entries[j].weight = entries[i].weight;
                    }
                    entries.remove(i);
                }
                None => i += 1,
            }
        }
    }

    /// True when some term starts with these two bytes (ignoring ASCII case).
    fn opens_term(&self, first: u8, second: u8) -> bool {
        let bit = opening(first, second);
        self.openings.get(bit / 64).is_some_and(|word| word & (1 << (bit % 64)) != 0)
    }

    /// Adds the terms that match at `start` and end a word (or, with a `*`, start one), shortest
    /// first. Kept apart and small, so the step loop holds its few values in registers.
    /// True when the walk died (no term goes on), false when the text ran out first.
    #[inline(never)]
    fn walk(&self, bytes: &[u8], start: usize, root: StateID, found: &mut Vec<TermMatch>) -> bool {
        self.walk_from(bytes, start, start, root, found)
    }

    /// [`TopicLexicon::walk`] gone as far as `end`, in `state`.
    #[inline(always)]
    fn walk_from(
        &self,
        bytes: &[u8],
        start: usize,
        mut end: usize,
        mut state: StateID,
        found: &mut Vec<TermMatch>,
    ) -> bool {
        let automaton = &self.automaton;
        while let Some(&byte) = bytes.get(end) {
            end += 1;
            state = automaton.next_state(Anchored::Yes, state, byte);
            // Dead, match and start states are the special ones: one compare passes over the others.
            if automaton.is_special(state) {
                if automaton.is_dead(state) {
                    return true;
                }
                if automaton.is_match(state) {
                    self.matches_at(bytes, start, end, state, found);
                }
            }
        }
        false
    }

    /// The terms of match state `state` that span `start..end` and end a word (or, with a `*`,
    /// start one).
    #[cold]
    fn matches_at(&self, bytes: &[u8], start: usize, end: usize, state: StateID, found: &mut Vec<TermMatch>) {
        let automaton = &self.automaton;
        let len = end - start;
        for i in 0..automaton.match_len(state) {
            let id = automaton.match_pattern(state, i);
            // A state also holds the terms that end its path as a suffix: they start later.
            if automaton.pattern_len(id) != len {
                continue;
            }
            let pattern = id.as_usize();
            let prefix = self.patterns.get(pattern).is_some_and(|p| p.prefix);
            if prefix || ends_word(bytes, end) {
                let end = if prefix { extend_word(bytes, end) } else { end };
                found.push(TermMatch { pattern, span: Span::new(start, end) });
            }
        }
    }

    /// The topics a match counts for, with weights and the term as the lexicon wrote it.
    pub(crate) fn entries<'a>(
        &'a self,
        m: &TermMatch,
        text: &str,
    ) -> impl Iterator<Item = (usize, f32, &'a str)> {
        let written = m.span.slice(text);
        let pattern = &self.patterns[m.pattern];
        let matched_len = pattern.len;
        pattern.entries.iter().filter_map(move |e| {
            if e.exact.as_deref().is_some_and(|exact| written.get(..matched_len) != Some(exact)) {
                return None;
            }
            Some((e.topic, e.weight, &*e.term))
        })
    }
}

/// Matches sorted by start, longest first, and kept in place: each match that starts after the
/// end of the last one kept, and every other pattern over that same span (`trial*` and `trial`, a
/// label beside a stem), which counts for its topics too.
fn settle(found: &mut Vec<TermMatch>) {
    found.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    let mut last: Option<Span> = None;
    found.retain(|m| {
        let keep = last.is_none_or(|kept| m.span.start >= kept.end || m.span == kept);
        if keep {
            last = Some(m.span);
        }
        keep
    });
}

/// How many bytes at the start of `bytes` are ASCII letters and digits, read eight at a time:
/// words are most of a text, and both the lexicon scan and the keyphrase words pass over them.
pub(crate) fn ascii_alphanumeric_run(bytes: &[u8]) -> usize {
    let mut run = 0;
    while let Some(chunk) = bytes.get(run..).and_then(|rest| rest.first_chunk::<8>()) {
        let other = !ascii_alphanumeric_bytes(u64::from_le_bytes(*chunk)) & HIGH_BITS;
        if other != 0 {
            return run + (other.trailing_zeros() / 8) as usize;
        }
        run += 8;
    }
    run + bytes[run..].iter().take_while(|b| b.is_ascii_alphanumeric()).count()
}

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `chunk` that is an ASCII letter or digit. Each byte's low seven
/// bits plus a constant below 0x81 stay within the byte, so no carry crosses into the next one.
fn ascii_alphanumeric_bytes(chunk: u64) -> u64 {
    let low = chunk & !HIGH_BITS;
    // The high bit: at least `first`; past `last`.
    let from = |value: u64, first: u8| value + LOW_BITS * (0x80 - u64::from(first));
    let past = |value: u64, last: u8| value + LOW_BITS * (0x7F - u64::from(last));
    let digit = from(low, b'0') & !past(low, b'9');
    // Setting 0x20 makes capitals lower case and moves nothing else into `a..=z`.
    let folded = low | (LOW_BITS * 0x20);
    let letter = from(folded, b'a') & !past(folded, b'z');
    (digit | letter) & !chunk & HIGH_BITS
}

/// True when `end` ends a word: the next character is not a letter or digit.
fn ends_word(bytes: &[u8], end: usize) -> bool {
    match bytes.get(end) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => next_char(bytes, end).is_none_or(|c| !c.is_alphanumeric()),
    }
}

/// The character at byte `at` of UTF-8 `bytes` (`None` at the end or inside a character).
fn next_char(bytes: &[u8], at: usize) -> Option<char> {
    let rest = bytes.get(at..)?;
    let len = match rest.first()? {
        b if *b < 0x80 => 1,
        b if *b < 0xC0 => return None,
        b if *b < 0xE0 => 2,
        b if *b < 0xF0 => 3,
        _ => 4,
    };
    std::str::from_utf8(rest.get(..len)?).ok()?.chars().next()
}

/// For a prefix pattern, the end of the word it started (`vaccin*` spans `vaccines`).
fn extend_word(bytes: &[u8], mut end: usize) -> usize {
    while let Some(c) = next_char(bytes, end).filter(|c| c.is_alphanumeric()) {
        end += c.len_utf8();
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The topic codes and weights each span of `text` counts for, in text order.
    fn counted(lexicon_toml: &str, text: &str) -> Vec<(Span, Vec<(String, f32)>)> {
        let lexicon =
            TopicLexicon::compile(Vocabulary::embedded(), parse_file(lexicon_toml).unwrap()).unwrap();
        lexicon
            .find(text)
            .chunk_by(|a, b| a.span == b.span)
            .map(|same_span| {
                let mut topics: Vec<(String, f32)> = lexicon
                    .span_entries(same_span, text)
                    .iter()
                    .map(|e| (lexicon.vocabulary().topic(e.topic).code.clone(), e.weight))
                    .collect();
                topics.sort_by(|a, b| a.0.cmp(&b.0));
                (same_span[0].span, topics)
            })
            .collect()
    }

    #[test]
    fn alphanumeric_runs_are_read_eight_bytes_at_a_time_as_one_by_one() {
        let text = "Quorvin9 vaccines, 2024-05 Zz@[`{ é-bound words_and\u{7f}more0123456789abcdefXYZ!";
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            let rest = &bytes[start..];
            let expected = rest.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            assert_eq!(ascii_alphanumeric_run(rest), expected, "at {start}");
        }
        // Every byte value, alone and inside a run.
        for b in 0..=255u8 {
            let mut chunk = *b"abcdefghij";
            chunk[3] = b;
            let expected = if b.is_ascii_alphanumeric() { 10 } else { 3 };
            assert_eq!(ascii_alphanumeric_run(&chunk), expected, "byte {b:#x}");
        }
    }

    const JUDICIARY: &str = "medtop:20000106";
    const RESEARCH: &str = "medtop:20000735";
    const CRIME: &str = "medtop:02000000";

    #[test]
    fn same_span_terms_of_two_topics_both_count_in_either_order() {
        let stem_first = format!(
            "[[terms]]\ncode = \"{JUDICIARY}\"\nterms = [\"quorvin*\"]\n\
             [[terms]]\ncode = \"{RESEARCH}\"\nweight = 2.5\nterms = [\"quorvin\"]\n"
        );
        let word_first = format!(
            "[[terms]]\ncode = \"{RESEARCH}\"\nweight = 2.5\nterms = [\"quorvin\"]\n\
             [[terms]]\ncode = \"{JUDICIARY}\"\nterms = [\"quorvin*\"]\n"
        );
        let expected =
            vec![(Span::new(4, 11), vec![(JUDICIARY.to_string(), 1.0), (RESEARCH.to_string(), 2.5)])];
        assert_eq!(counted(&stem_first, "The quorvin began."), expected);
        assert_eq!(counted(&word_first, "The quorvin began."), expected);
        // Only the stem reaches a longer word.
        assert_eq!(
            counted(&stem_first, "The quorvins began."),
            vec![(Span::new(4, 12), vec![(JUDICIARY.to_string(), 1.0)])]
        );
    }

    #[test]
    fn one_topic_counts_once_per_span_with_the_larger_weight() {
        let lexicon = format!(
            "[[terms]]\ncode = \"{RESEARCH}\"\nterms = [\"quorvin*\"]\n\
             [[terms]]\ncode = \"{RESEARCH}\"\nweight = 2.0\nterms = [\"quorvin\"]\n"
        );
        assert_eq!(
            counted(&lexicon, "A quorvin, then quorvins."),
            vec![
                (Span::new(2, 9), vec![(RESEARCH.to_string(), 2.0)]),
                (Span::new(16, 24), vec![(RESEARCH.to_string(), 1.0)]),
            ]
        );
        // A topic and a narrower one over one span: once, for the narrower, with the larger weight.
        let nested = format!(
            "[[terms]]\ncode = \"{CRIME}\"\nweight = 3.0\nterms = [\"quorvin*\"]\n\
             [[terms]]\ncode = \"{JUDICIARY}\"\nterms = [\"quorvin\"]\n"
        );
        assert_eq!(
            counted(&nested, "A quorvin."),
            vec![(Span::new(2, 9), vec![(JUDICIARY.to_string(), 3.0)])]
        );
    }
}
