//! The lexicons for people, titles, quotes and organisations: given names and surnames,
//! honorifics, title words, reporting verbs, organisation cue words, country names and
//! nationality adjectives.
//!
//! Every key is stored in ASCII lower case, so lookups take a slice of an ASCII-lower-cased copy
//! of the text (same byte offsets as the original) and never allocate.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::{FastMap, FastSet, packed_word};

/// A person's grammatical gender as far as a name or honorific tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Referred to as "he".
    Male,
    /// Referred to as "she".
    Female,
    /// Not known from the name.
    Unknown,
}

impl Gender {
    /// True when a pronoun of gender `pronoun` may refer to a person of this gender.
    pub fn compatible(self, pronoun: Gender) -> bool {
        self == Gender::Unknown || pronoun == Gender::Unknown || self == pronoun
    }
}

/// The people lexicons, compiled once per process.
#[derive(Debug, Default)]
pub struct Names {
    given: FastMap<String, Gender>,
    surnames: FastSet<String>,
    words: FastSet<String>,
    honorifics: FastMap<String, Gender>,
    ranks: FastMap<String, String>,
    title_heads: FastSet<String>,
    title_modifiers: FastSet<String>,
    ranks_only: FastSet<String>,
    say_verbs: FastSet<String>,
    org_cues: FastSet<String>,
    legal_forms: FastSet<String>,
    facility_nouns: FastSet<String>,
    settlement_nouns: FastSet<String>,
    publication_words: FastSet<String>,
    kin_nouns: FastSet<String>,
    eponym_nouns: FastSet<String>,
    newsroom_nouns: FastSet<String>,
    initialisms: FastSet<String>,
    stopwords: FastSet<String>,
    countries: FastMap<String, String>,
    /// The single words of the role tables (all but names and the vocabulary) with what they
    /// say about each, and the first words of their multi-word entries: one look-up, in cache.
    role_classes: ClassTable,
    /// Surnames and common words, with what they say about each word: one look-up.
    vocabulary_classes: ClassTable,
    /// Given names with their gender bits, for [`Names::class`].
    given_classes: ClassTable,
    /// Longest phrase (in words) of the multi-word tables, to bound look-ahead.
    max_phrase_words: usize,
    /// Longest entry (in words) of each multi-word table: a longer phrase cannot match.
    max_words: MaxWords,
}

/// Longest entry in words of each multi-word table.
#[derive(Debug, Default, Clone, Copy)]
pub struct MaxWords {
    /// Honorifics (`his excellency`).
    pub honorific: usize,
    /// Title heads (`prime minister`).
    pub title_head: usize,
    /// Title heads and modifiers together.
    pub title: usize,
    /// Country names and nationality adjectives (`republic of kazakhstan`).
    pub country: usize,
}

impl MaxWords {
    /// Longest entry in words of `table`.
    pub fn of(self, table: Phrases) -> usize {
        match table {
            Phrases::Honorific => self.honorific,
            Phrases::TitleHead => self.title_head,
            Phrases::Title => self.title,
            Phrases::Country => self.country,
        }
    }
}

/// The tables that hold multi-word entries, for phrase look-ups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrases {
    /// Honorifics (`his excellency`).
    Honorific,
    /// Title heads (`prime minister`).
    TitleHead,
    /// Title heads and modifiers (`deputy`, `prime minister`).
    Title,
    /// Country names and nationality adjectives (`republic of kazakhstan`).
    Country,
}

/// A group of tables read with one look-up. The role tables are small and stay in cache; the
/// name and word lists are large, so a caller looks them up only when it asks about them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Honorifics, ranks, titles, reporting verbs, organisation cues, stopwords, countries.
    Roles,
    /// Given names.
    Given,
    /// Surnames and common English words.
    Vocabulary,
}

/// What the tables say about one lower-case word, read per [`Part`] ([`Names::class`]): name
/// stages ask about the same token many times and in many tables.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WordClass(u32);

impl WordClass {
    const GIVEN: u32 = 1;
    const GIVEN_MALE: u32 = 1 << 1;
    const GIVEN_FEMALE: u32 = 1 << 2;
    const SURNAME: u32 = 1 << 3;
    const COMMON: u32 = 1 << 4;
    const HONORIFIC: u32 = 1 << 5;
    const HONORIFIC_MALE: u32 = 1 << 6;
    const HONORIFIC_FEMALE: u32 = 1 << 7;
    const RANK_ABBREVIATION: u32 = 1 << 8;
    const TITLE_HEAD: u32 = 1 << 9;
    const TITLE_MODIFIER: u32 = 1 << 10;
    const RANK: u32 = 1 << 11;
    const SAY_VERB: u32 = 1 << 12;
    const ORG_CUE: u32 = 1 << 13;
    const STOPWORD: u32 = 1 << 14;
    const COUNTRY: u32 = 1 << 15;
    // First word of a multi-word entry: only then is a longer phrase worth looking up.
    const OPENS_HONORIFIC: u32 = 1 << 16;
    const OPENS_TITLE_HEAD: u32 = 1 << 17;
    const OPENS_TITLE_MODIFIER: u32 = 1 << 18;
    const OPENS_COUNTRY: u32 = 1 << 19;
    // Which parts were looked up.
    const KNOWS_ROLES: u32 = 1 << 20;
    const KNOWS_GIVEN: u32 = 1 << 21;
    const KNOWS_VOCABULARY: u32 = 1 << 22;
    // Nouns for the things a name may belong to.
    const FACILITY: u32 = 1 << 23;
    const SETTLEMENT: u32 = 1 << 24;
    const PUBLICATION: u32 = 1 << 25;

    fn has(self, bits: u32) -> bool {
        self.0 & bits != 0
    }

    fn known(part: Part) -> u32 {
        match part {
            Part::Roles => Self::KNOWS_ROLES,
            Part::Given => Self::KNOWS_GIVEN,
            Part::Vocabulary => Self::KNOWS_VOCABULARY,
        }
    }

    /// True when `part` was looked up for this class.
    pub fn knows(self, part: Part) -> bool {
        self.has(Self::known(part))
    }

    /// Both classes' facts together (of the same word, from different parts).
    pub fn with(self, other: WordClass) -> WordClass {
        WordClass(self.0 | other.0)
    }

    fn gender(self, male: u32, female: u32) -> Gender {
        match (self.has(male), self.has(female)) {
            (true, false) => Gender::Male,
            (false, true) => Gender::Female,
            _ => Gender::Unknown,
        }
    }

    /// See [`Names::given`].
    pub fn given(self) -> Option<Gender> {
        self.has(Self::GIVEN).then(|| self.gender(Self::GIVEN_MALE, Self::GIVEN_FEMALE))
    }

    /// See [`Names::is_surname`].
    pub fn is_surname(self) -> bool {
        self.has(Self::SURNAME)
    }

    /// See [`Names::is_common_word`].
    pub fn is_common_word(self) -> bool {
        self.has(Self::COMMON)
    }

    /// See [`Names::honorific`].
    pub fn honorific(self) -> Option<Gender> {
        self.has(Self::HONORIFIC).then(|| self.gender(Self::HONORIFIC_MALE, Self::HONORIFIC_FEMALE))
    }

    /// True when the word is an abbreviated rank ([`Names::rank`]).
    pub fn is_rank_abbreviation(self) -> bool {
        self.has(Self::RANK_ABBREVIATION)
    }

    /// See [`Names::is_title_head`].
    pub fn is_title_head(self) -> bool {
        self.has(Self::TITLE_HEAD)
    }

    /// See [`Names::is_title_modifier`].
    pub fn is_title_modifier(self) -> bool {
        self.has(Self::TITLE_MODIFIER)
    }

    /// See [`Names::is_rank`].
    pub fn is_rank(self) -> bool {
        self.has(Self::RANK)
    }

    /// See [`Names::is_say_verb`].
    pub fn is_say_verb(self) -> bool {
        self.has(Self::SAY_VERB)
    }

    /// See [`Names::is_org_cue`].
    pub fn is_org_cue(self) -> bool {
        self.has(Self::ORG_CUE)
    }

    /// See [`Names::is_stopword`].
    pub fn is_stopword(self) -> bool {
        self.has(Self::STOPWORD)
    }

    /// True when the word is a country name or nationality adjective ([`Names::country`]).
    pub fn is_country(self) -> bool {
        self.has(Self::COUNTRY)
    }

    /// See [`Names::is_facility_noun`].
    pub fn is_facility_noun(self) -> bool {
        self.has(Self::FACILITY)
    }

    /// See [`Names::is_settlement_noun`].
    pub fn is_settlement_noun(self) -> bool {
        self.has(Self::SETTLEMENT)
    }

    /// See [`Names::is_publication_word`].
    pub fn is_publication_word(self) -> bool {
        self.has(Self::PUBLICATION)
    }

    /// True when the word alone is an entry of `table`.
    pub fn is(self, table: Phrases) -> bool {
        match table {
            Phrases::Honorific => self.has(Self::HONORIFIC),
            Phrases::TitleHead => self.has(Self::TITLE_HEAD),
            Phrases::Title => self.has(Self::TITLE_HEAD | Self::TITLE_MODIFIER),
            Phrases::Country => self.has(Self::COUNTRY),
        }
    }

    /// True when the word starts an entry of two or more words of `table`.
    pub fn opens(self, table: Phrases) -> bool {
        match table {
            Phrases::Honorific => self.has(Self::OPENS_HONORIFIC),
            Phrases::TitleHead => self.has(Self::OPENS_TITLE_HEAD),
            Phrases::Title => self.has(Self::OPENS_TITLE_HEAD | Self::OPENS_TITLE_MODIFIER),
            Phrases::Country => self.has(Self::OPENS_COUNTRY),
        }
    }
}

/// Words with their classes. A word of up to [`PACKED_WORD_MAX`](super::PACKED_WORD_MAX) bytes (nearly every word) is
/// keyed by [`packed_word`]: a look-up hashes and compares one integer in the bucket, where a map
/// of `String` keys follows a pointer to each key's heap copy, a cache miss in the large tables.
#[derive(Debug, Default)]
struct ClassTable {
    packed: FastMap<u128, WordClass>,
    /// The empty word and words longer than [`PACKED_WORD_MAX`](super::PACKED_WORD_MAX) bytes.
    other: FastMap<String, WordClass>,
}

impl ClassTable {
    fn new(words: FastMap<&str, WordClass>) -> ClassTable {
        let mut table = ClassTable::default();
        table.packed.reserve(words.len());
        for (word, class) in words {
            match Self::pack(word) {
                Some(key) => table.packed.insert(key, class),
                None => table.other.insert(word.to_string(), class),
            };
        }
        table
    }

    fn pack(word: &str) -> Option<u128> {
        packed_word(word.as_bytes())
    }

    fn get(&self, word: &str) -> WordClass {
        match Self::pack(word) {
            Some(key) => self.packed.get(&key),
            None => self.other.get(word),
        }
        .copied()
        .unwrap_or_default()
    }
}

/// Words in a key (keys hold single spaces).
fn words_in(key: &str) -> usize {
    key.split(' ').count()
}

const GIVEN_CENSUS: &str = include_str!("../../data/names/given_census.tsv");
const GIVEN_WORLD: &str = include_str!("../../data/names/given_world.tsv");
const SURNAMES: &str = include_str!("../../data/names/surnames_census.txt");
const WORDS: &str = include_str!("../../data/names/english_words.txt");
const COUNTRIES: &str = include_str!("../../data/names/countries.tsv");
const LEXICON: &str = include_str!("../../data/titles.toml");

#[derive(Deserialize)]
struct Lexicon {
    honorifics: Honorifics,
    ranks: Ranks,
    titles: Titles,
    reporting: Reporting,
    organizations: Organizations,
    things: Things,
    stopwords: Stopwords,
}

#[derive(Deserialize)]
struct Things {
    facilities: Vec<String>,
    settlements: Vec<String>,
    publications: Vec<String>,
    relatives: Vec<String>,
    eponyms: Vec<String>,
    newsrooms: Vec<String>,
    initialisms: Vec<String>,
}

#[derive(Deserialize)]
struct Honorifics {
    male: Vec<String>,
    female: Vec<String>,
    neutral: Vec<String>,
}

#[derive(Deserialize)]
struct Ranks {
    abbreviations: HashMap<String, String>,
}

#[derive(Deserialize)]
struct Titles {
    heads: Vec<String>,
    ranks: Vec<String>,
    modifiers: Vec<String>,
}

#[derive(Deserialize)]
struct Reporting {
    say: Vec<String>,
}

#[derive(Deserialize)]
struct Organizations {
    cues: Vec<String>,
    legal_forms: Vec<String>,
}

#[derive(Deserialize)]
struct Stopwords {
    words: Vec<String>,
}

static EMBEDDED: LazyLock<Names> = LazyLock::new(Names::build);

/// Lower case and single spaces: the key form of every table.
fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

impl Names {
    /// The lexicons shipped in `data/`, parsed on first use.
    pub fn embedded() -> &'static Names {
        &EMBEDDED
    }

    fn build() -> Names {
        let mut names = Names::default();
        for line in GIVEN_CENSUS.lines().chain(GIVEN_WORLD.lines()) {
            if line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(name), Some(sex)) = (cols.next(), cols.next()) else { continue };
            let gender = match sex.trim() {
                "M" => Gender::Male,
                "F" => Gender::Female,
                _ => Gender::Unknown,
            };
            names
                .given
                .entry(key(name))
                .and_modify(|g| {
                    if *g != gender {
                        *g = Gender::Unknown;
                    }
                })
                .or_insert(gender);
        }
        names.surnames = SURNAMES.lines().filter(|l| !l.starts_with('#')).map(key).collect();
        names.words = WORDS.lines().filter(|l| !l.starts_with('#')).map(str::to_string).collect();
        for line in COUNTRIES.lines().filter(|l| !l.starts_with('#')) {
            let Some((code, forms)) = line.split_once('\t') else { continue };
            for form in forms.split('|') {
                let k = key(form);
                names.max_phrase_words = names.max_phrase_words.max(k.split(' ').count());
                names.countries.entry(k).or_insert_with(|| code.to_string());
            }
        }
        // The lexicon is part of the crate: a parse failure is a build defect caught by the tests,
        // and leaves the tables empty rather than aborting a parse.
        if let Ok(lexicon) = toml::from_str::<Lexicon>(LEXICON) {
            for (list, gender) in [
                (&lexicon.honorifics.male, Gender::Male),
                (&lexicon.honorifics.female, Gender::Female),
                (&lexicon.honorifics.neutral, Gender::Unknown),
            ] {
                for h in list {
                    names.honorifics.insert(key(h), gender);
                }
            }
            for (abbr, full) in lexicon.ranks.abbreviations {
                names.ranks.insert(key(&abbr), full);
            }
            names.title_heads = lexicon.titles.heads.iter().map(|s| key(s)).collect();
            names.title_modifiers = lexicon.titles.modifiers.iter().map(|s| key(s)).collect();
            names.ranks_only = lexicon.titles.ranks.iter().map(|s| key(s)).collect();
            names.say_verbs = lexicon.reporting.say.iter().map(|s| key(s)).collect();
            names.org_cues = lexicon.organizations.cues.iter().map(|s| key(s)).collect();
            names.legal_forms = lexicon.organizations.legal_forms.iter().map(|s| key(s)).collect();
            names.facility_nouns = lexicon.things.facilities.iter().map(|s| key(s)).collect();
            names.settlement_nouns = lexicon.things.settlements.iter().map(|s| key(s)).collect();
            names.publication_words = lexicon.things.publications.iter().map(|s| key(s)).collect();
            names.kin_nouns = lexicon.things.relatives.iter().map(|s| key(s)).collect();
            names.eponym_nouns = lexicon.things.eponyms.iter().map(|s| key(s)).collect();
            names.newsroom_nouns = lexicon.things.newsrooms.iter().map(|s| key(s)).collect();
            names.initialisms = lexicon.things.initialisms.iter().map(|s| key(s)).collect();
            names.stopwords = lexicon.stopwords.words.iter().map(|s| key(s)).collect();
            for phrase in names.title_heads.iter().chain(names.honorifics.keys()) {
                names.max_phrase_words = names.max_phrase_words.max(phrase.split(' ').count());
            }
        }
        let longest = |keys: &mut dyn Iterator<Item = &String>| keys.map(|k| words_in(k)).max().unwrap_or(0);
        names.max_words = MaxWords {
            honorific: longest(&mut names.honorifics.keys()),
            title_head: longest(&mut names.title_heads.iter()),
            title: longest(&mut names.title_heads.iter().chain(names.title_modifiers.iter())),
            country: longest(&mut names.countries.keys()),
        };
        // The class maps borrow the tables' words; only the packed tables are kept.
        let (roles, vocabulary, given) = {
            let (roles, vocabulary) = names.word_classes();
            let given = names.given.iter().map(|(k, &g)| {
                let gender = match g {
                    Gender::Male => WordClass::GIVEN_MALE,
                    Gender::Female => WordClass::GIVEN_FEMALE,
                    Gender::Unknown => 0,
                };
                (k.as_str(), WordClass(WordClass::GIVEN | gender))
            });
            (ClassTable::new(roles), ClassTable::new(vocabulary), ClassTable::new(given.collect()))
        };
        names.role_classes = roles;
        names.vocabulary_classes = vocabulary;
        names.given_classes = given;
        names
    }

    /// The role and vocabulary class maps: every single word gets its table bits, the first
    /// words of multi-word entries the matching `OPENS_` bit.
    fn word_classes(&self) -> (FastMap<&str, WordClass>, FastMap<&str, WordClass>) {
        fn mark<'a>(classes: &mut FastMap<&'a str, WordClass>, key: &'a str, single: u32, opens: u32) {
            let (first, bits) = match key.split_once(' ') {
                None => (key, single),
                Some((first, _)) => (first, opens),
            };
            if bits != 0 {
                classes.entry(first).or_default().0 |= bits;
            }
        }
        let mut roles: FastMap<&str, WordClass> = FastMap::default();
        for (k, &g) in &self.honorifics {
            let gender = match g {
                Gender::Male => WordClass::HONORIFIC_MALE,
                Gender::Female => WordClass::HONORIFIC_FEMALE,
                Gender::Unknown => 0,
            };
            mark(&mut roles, k, WordClass::HONORIFIC | gender, WordClass::OPENS_HONORIFIC);
        }
        for k in self.ranks.keys() {
            mark(&mut roles, k, WordClass::RANK_ABBREVIATION, 0);
        }
        for k in self.countries.keys() {
            mark(&mut roles, k, WordClass::COUNTRY, WordClass::OPENS_COUNTRY);
        }
        for (set, single, opens) in [
            (&self.title_heads, WordClass::TITLE_HEAD, WordClass::OPENS_TITLE_HEAD),
            (&self.title_modifiers, WordClass::TITLE_MODIFIER, WordClass::OPENS_TITLE_MODIFIER),
            (&self.ranks_only, WordClass::RANK, 0),
            (&self.say_verbs, WordClass::SAY_VERB, 0),
            (&self.org_cues, WordClass::ORG_CUE, 0),
            (&self.stopwords, WordClass::STOPWORD, 0),
            (&self.facility_nouns, WordClass::FACILITY, 0),
            (&self.settlement_nouns, WordClass::SETTLEMENT, 0),
            (&self.publication_words, WordClass::PUBLICATION, 0),
        ] {
            for k in set {
                mark(&mut roles, k, single, opens);
            }
        }
        let mut vocabulary: FastMap<&str, WordClass> = FastMap::default();
        for (set, single) in [(&self.surnames, WordClass::SURNAME), (&self.words, WordClass::COMMON)] {
            for k in set {
                mark(&mut vocabulary, k, single, 0);
            }
        }
        (roles, vocabulary)
    }

    /// What the tables of `part` say about `word` (lower case, one word), from one look-up.
    pub fn class(&self, word: &str, part: Part) -> WordClass {
        let facts = match part {
            Part::Roles => self.role_classes.get(word),
            Part::Vocabulary => self.vocabulary_classes.get(word),
            Part::Given => self.given_classes.get(word),
        };
        WordClass(facts.0 | WordClass::known(part))
    }

    /// True when `phrase` (lower case, single spaces) is an entry of `table`.
    pub fn in_table(&self, table: Phrases, phrase: &str) -> bool {
        match table {
            Phrases::Honorific => self.honorific(phrase).is_some(),
            Phrases::TitleHead => self.is_title_head(phrase),
            Phrases::Title => self.is_title_head(phrase) || self.is_title_modifier(phrase),
            Phrases::Country => self.country(phrase).is_some(),
        }
    }

    /// The gender a given name suggests, when `word` (lower case) is a known given name.
    pub fn given(&self, word: &str) -> Option<Gender> {
        self.given.get(word).copied()
    }

    /// True when `word` (lower case) is a known surname.
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// True when `word` (lower case) is a common English word (`bridge`, `united`, `sale`).
    pub fn is_common_word(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// The gender an honorific implies, when `phrase` (lower case) is one.
    pub fn honorific(&self, phrase: &str) -> Option<Gender> {
        self.honorifics.get(phrase).copied()
    }

    /// The full form of an abbreviated rank (`gen` → `General`).
    pub fn rank(&self, abbreviation: &str) -> Option<&str> {
        self.ranks.get(abbreviation).map(String::as_str)
    }

    /// True when `phrase` (lower case) is the head of a title (`minister`, `prime minister`).
    pub fn is_title_head(&self, phrase: &str) -> bool {
        self.title_heads.contains(phrase)
    }

    /// True when `phrase` (lower case) is a military or police rank only (`major general`),
    /// which gives way to an office written next to it.
    pub fn is_rank(&self, phrase: &str) -> bool {
        self.ranks_only.contains(phrase)
    }

    /// True when `word` (lower case) may stand before a title head (`deputy`, `foreign`).
    pub fn is_title_modifier(&self, word: &str) -> bool {
        self.title_modifiers.contains(word)
    }

    /// True when `word` (lower case) is a form of a reporting verb (`said`, `told`).
    pub fn is_say_verb(&self, word: &str) -> bool {
        self.say_verbs.contains(word)
    }

    /// True when `word` (lower case) marks an organisation name (`ministry`, `institute`).
    pub fn is_org_cue(&self, word: &str) -> bool {
        self.org_cues.contains(word)
    }

    /// True when `word` (lower case) is a company's legal form (`inc`, `ltd`, `ag`).
    pub fn is_legal_form(&self, word: &str) -> bool {
        self.legal_forms.contains(word)
    }

    /// True when `word` (lower case) is a building, ground or street (`airport`, `stadium`).
    pub fn is_facility_noun(&self, word: &str) -> bool {
        self.facility_nouns.contains(word)
    }

    /// True when `word` (lower case) is a settlement or an area (`village`, `port`).
    pub fn is_settlement_noun(&self, word: &str) -> bool {
        self.settlement_nouns.contains(word)
    }

    /// True when `word` (lower case) is a newspaper or magazine (`daily`, `weekly`).
    pub fn is_publication_word(&self, word: &str) -> bool {
        self.publication_words.contains(word)
    }

    /// True when `word` (lower case) names a relative (`sister`, `husband`), whose given name
    /// alone may follow (`his sister Lisa`).
    pub fn is_kin_noun(&self, word: &str) -> bool {
        self.kin_nouns.contains(word)
    }

    /// True when `word` (lower case) is a noun a person's name may qualify after `the` (`the
    /// Harlow administration`, `the Jane Doe case`).
    pub fn is_eponym_noun(&self, word: &str) -> bool {
        self.eponym_nouns.contains(word)
    }

    /// True when `word` (lower case, without its last dot) is an initialism of a place, a body or
    /// a phrase (`u.s`, `u.n`, `e.g`), not a person's initials.
    pub fn is_initialism(&self, word: &str) -> bool {
        self.initialisms.contains(word)
    }

    /// True when `word` (lower case) names a newsroom in a reporter's sign-off (`Oslo Newsroom`).
    pub fn is_newsroom_noun(&self, word: &str) -> bool {
        self.newsroom_nouns.contains(word)
    }

    /// True when `word` (lower case) is a capitalised word that is never part of a name.
    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords.contains(word)
    }

    /// The ISO code of a country name or nationality adjective (lower case, single spaces).
    pub fn country(&self, phrase: &str) -> Option<&str> {
        self.countries.get(phrase).map(String::as_str)
    }

    /// The most words any multi-word entry has.
    pub fn max_phrase_words(&self) -> usize {
        self.max_phrase_words.max(1)
    }

    /// The most words an entry of each multi-word table has.
    pub fn max_words(&self) -> MaxWords {
        self.max_words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_parses_and_has_every_table() {
        let names = Names::embedded();
        assert_eq!(names.given("mohammad"), Some(Gender::Male));
        assert_eq!(names.given("mary"), Some(Gender::Female));
        assert!(names.is_surname("smith"));
        assert!(names.is_common_word("bridge"));
        assert_eq!(names.honorific("seyed"), Some(Gender::Unknown));
        assert_eq!(names.honorific("mrs"), Some(Gender::Female));
        assert_eq!(names.rank("gen"), Some("General"));
        assert!(names.is_title_head("prime minister"));
        assert!(names.is_title_modifier("deputy"));
        assert!(names.is_say_verb("told"));
        assert!(names.is_org_cue("ministry"));
        assert!(names.is_stopword("tuesday"));
        assert_eq!(names.country("iranian"), Some("IR"));
        assert_eq!(names.country("republic of kazakhstan"), Some("KZ"));
        let max = names.max_words();
        assert!(max.country >= 3 && max.title_head >= 2 && max.honorific >= 1);
        assert!(max.title >= max.title_head);
    }

    #[test]
    fn class_table_holds_exactly_its_words() {
        let names = Names::embedded();
        let (roles, vocabulary) = names.word_classes();
        for map in [roles, vocabulary] {
            let table = ClassTable::new(map.clone());
            for (word, &class) in &map {
                assert_eq!(table.get(word), class, "{word}");
                // Same head bytes, one byte longer or shorter: another word.
                for other in [format!("{word}q"), word[..word.len().saturating_sub(1)].to_string()] {
                    let expected = map.get(other.as_str()).copied().unwrap_or_default();
                    assert_eq!(table.get(&other), expected, "{other}");
                }
            }
            assert_eq!(table.get("qqqqzzzzqqqqzzzz"), WordClass::default());
        }
    }

    /// The class of a word says what each table says about it.
    #[test]
    fn word_class_agrees_with_the_tables() {
        let names = Names::embedded();
        let class = |w: &str| {
            [Part::Roles, Part::Given, Part::Vocabulary]
                .iter()
                .fold(WordClass::default(), |c, &p| c.with(names.class(w, p)))
        };
        for word in [
            "mary", "smith", "bridge", "mrs", "seyed", "gen", "minister", "deputy", "told", "ministry",
            "tuesday", "iranian", "king", "prime", "republic", "airport", "village", "daily", "zzzz", "",
        ] {
            let c = class(word);
            assert_eq!(c.given(), names.given(word), "{word}");
            assert_eq!(c.is_surname(), names.is_surname(word), "{word}");
            assert_eq!(c.is_common_word(), names.is_common_word(word), "{word}");
            assert_eq!(c.honorific(), names.honorific(word), "{word}");
            assert_eq!(c.is_rank_abbreviation(), names.rank(word).is_some(), "{word}");
            assert_eq!(c.is_title_head(), names.is_title_head(word), "{word}");
            assert_eq!(c.is_title_modifier(), names.is_title_modifier(word), "{word}");
            assert_eq!(c.is_rank(), names.is_rank(word), "{word}");
            assert_eq!(c.is_say_verb(), names.is_say_verb(word), "{word}");
            assert_eq!(c.is_org_cue(), names.is_org_cue(word), "{word}");
            assert_eq!(c.is_stopword(), names.is_stopword(word), "{word}");
            assert_eq!(c.is_country(), names.country(word).is_some(), "{word}");
            assert_eq!(c.is_facility_noun(), names.is_facility_noun(word), "{word}");
            assert_eq!(c.is_settlement_noun(), names.is_settlement_noun(word), "{word}");
            assert_eq!(c.is_publication_word(), names.is_publication_word(word), "{word}");
        }
        assert_eq!(names.class("mary", Part::Given).given(), Some(Gender::Female));
        assert!(names.class("mary", Part::Given).knows(Part::Given));
        assert!(!names.class("mary", Part::Given).knows(Part::Roles));
        // `prime minister`, `republic of kazakhstan`: first words of longer entries.
        assert!(names.class("prime", Part::Roles).opens(Phrases::TitleHead));
        assert!(names.class("republic", Part::Roles).opens(Phrases::Country));
        assert!(!names.class("smith", Part::Roles).opens(Phrases::Country));
    }
}
