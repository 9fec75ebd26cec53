//! The lexicons for people, titles, quotes and organisations: given names and surnames,
//! honorifics, title words, reporting verbs, organisation cue words, country names and
//! nationality adjectives.
//!
//! Every key is stored in ASCII lower case, so lookups take a slice of an ASCII-lower-cased copy
//! of the text (same byte offsets as the original) and never allocate.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::{FastMap, FastSet};

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
    stopwords: FastSet<String>,
    countries: FastMap<String, String>,
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
    stopwords: Stopwords,
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
        names
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
}
