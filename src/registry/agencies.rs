//! The agency registry: codes, names, aliases, the markers agencies put in copy, home zones.

use std::collections::HashMap;

use super::FastMap;
use super::word_matcher::WordMatcher;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::error::{DataError, Error};

/// One news agency as the registry knows it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyEntry {
    /// Canonical upper-case code (`AP`, `REUTERS`, `FNA`).
    pub code: String,
    /// Full name.
    pub name: String,
    /// ISO 3166-1 alpha-2 home country; absent for international agencies.
    #[serde(default)]
    pub country: Option<String>,
    /// Home city.
    #[serde(default)]
    pub city: Option<String>,
    /// IANA time zone of the home newsroom, used for timestamps written without a zone.
    #[serde(default)]
    pub timezone: Option<String>,
    /// What sort of news organisation it is; absent means a national news agency.
    #[serde(default)]
    pub kind: Option<AgencyKind>,
    /// Other names and spellings seen in copy (`Reuter`, `Xinhau`, `Itar-Tass`).
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// The sort of news organisation an [`AgencyEntry`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AgencyKind {
    /// A national news agency (the default): Xinhua, IRNA, Yonhap, TASS.
    National,
    /// A worldwide wire service whose own reporters interview newsmakers: AP, Reuters, AFP.
    International,
    /// A newspaper group's news service: New York Times News Service, Cox News Service.
    Syndicate,
    /// A press-release wire: PR Newswire, Business Wire.
    Release,
    /// A newspaper credited like an agency: Jordan Times `(JT)`.
    Newspaper,
    /// A broadcaster's news service: IRIB News.
    Broadcaster,
    /// A photo agency: EPA.
    Photo,
}

impl AgencyEntry {
    /// True for organisations that report through their own correspondents worldwide, so that
    /// `told <agency>` in a story marks the agency's own copy.
    pub fn interviews_directly(&self) -> bool {
        matches!(self.kind, Some(AgencyKind::International | AgencyKind::Syndicate))
    }
}

impl AgencyEntry {
    /// A minimal entry, for adding agencies from code.
    pub fn new(code: &str, name: &str) -> Self {
        AgencyEntry {
            code: code.to_string(),
            name: name.to_string(),
            country: None,
            city: None,
            timezone: None,
            kind: None,
            aliases: Vec::new(),
        }
    }
}

#[derive(Deserialize)]
struct AgencyFile {
    #[serde(default)]
    agency: Vec<AgencyEntry>,
}

/// The set of known agencies, looked up by code, name or alias, ignoring case and punctuation.
#[derive(Clone, Debug, Default)]
pub struct Agencies {
    entries: Vec<AgencyEntry>,
    by_key: FastMap<String, usize>,
    /// Every code, name and alias as written, for finding agencies named in running text; built
    /// on first use and dropped whenever an entry changes.
    mentions: OnceLock<Mentions>,
}

/// A matcher over every written form of every agency.
#[derive(Clone, Debug)]
pub struct Mentions {
    matcher: WordMatcher,
    /// One per pattern.
    forms: Vec<MentionForm>,
}

/// One written form, case folded, and the cases the text may write it in.
#[derive(Clone, Debug)]
struct MentionForm {
    /// The entry it names.
    index: usize,
    /// The form in ASCII lower case (the pattern).
    folded: String,
    /// True when some registered spelling has lower-case letters (`Xinhua`): any case after an
    /// upper-case first letter is accepted.
    mixed_case: bool,
    /// Registered spellings without lower-case letters (`AP`, `ITAR-TASS`): matched exactly.
    exact: Vec<String>,
}

/// An agency name found in running text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention<'a> {
    /// The agency.
    pub entry: &'a AgencyEntry,
    /// Byte offset of the first byte of the name.
    pub start: usize,
    /// Byte offset one past the name.
    pub end: usize,
}

const EMBEDDED: &str = include_str!("../../data/agencies.toml");

impl Agencies {
    /// The registry shipped in `data/agencies.toml`.
    pub fn embedded() -> Self {
        let mut agencies = Agencies::default();
        agencies.extend_from_toml(EMBEDDED).expect("data/agencies.toml is valid");
        agencies
    }

    /// Adds or overrides agencies from TOML text with `[[agency]]` tables.
    pub fn extend_from_toml(&mut self, toml_text: &str) -> Result<(), DataError> {
        let file: AgencyFile =
            toml::from_str(toml_text).map_err(|e| Error::data(format!("agency registry: {e}")))?;
        for entry in file.agency {
            self.insert(entry)?;
        }
        Ok(())
    }

    /// Adds an agency, replacing any with the same code.
    pub fn insert(&mut self, entry: AgencyEntry) -> Result<(), DataError> {
        if entry.code.trim().is_empty() || entry.name.trim().is_empty() {
            return Err(Error::data("agency registry: an agency needs a code and a name"));
        }
        if let Some(tz) = &entry.timezone
            && tz.parse::<chrono_tz::Tz>().is_err()
        {
            return Err(Error::data(format!("agency registry: {}: unknown time zone {tz:?}", entry.code)));
        }
        self.mentions = OnceLock::new();
        let index = match self.entries.iter().position(|e| e.code == entry.code) {
            Some(i) => {
                self.by_key.retain(|_, v| *v != i);
                self.entries[i] = entry;
                i
            }
            None => {
                self.entries.push(entry);
                self.entries.len() - 1
            }
        };
        let entry = &self.entries[index];
        let keys: Vec<String> = std::iter::once(&entry.code)
            .chain(std::iter::once(&entry.name))
            .chain(entry.aliases.iter())
            .map(|k| normalize(k))
            .collect();
        for key in keys {
            if !key.is_empty() {
                self.by_key.insert(key, index);
            }
        }
        Ok(())
    }

    /// The agency whose code, name or alias is `name` (case, dots and hyphens ignored).
    pub fn lookup(&self, name: &str) -> Option<&AgencyEntry> {
        thread_local! {
            static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        // A plain lower-case name is its own key (unless `the ` opens it, which the key drops).
        if super::is_plain_key(name) && !name.starts_with("the ") {
            return self.by_key.get(name).map(|&i| &self.entries[i]);
        }
        // The key is built in a reused buffer: lookups run for many words of every article.
        KEY.with_borrow_mut(|key| {
            normalize_into(name, key);
            self.by_key.get(key.as_str()).map(|&i| &self.entries[i])
        })
    }

    /// The agency a marker as written in copy stands for: `(Reuters)`, `/TASS/`, `Interfax-AVN`,
    /// `Sapa-AFP`, `Agencia Brasil - ABr`, `AP )`.
    ///
    /// The whole marker is tried first (registered compounds such as `Sapa-AFP` win); then, for a
    /// compound of two credits joined by a hyphen or slash, the last part that is a known agency
    /// (the distributor writes its own name first: `Sapa-AFP` is AFP copy), else the first
    /// (`Interfax-Kazakhstan` is Interfax's regional service).
    pub fn resolve_marker(&self, marker: &str) -> Option<&AgencyEntry> {
        let trimmed = marker.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '/' | '-' | '.' | ',' | ':')
        });
        if trimmed.is_empty() || trimmed.len() > 80 {
            return None;
        }
        if let Some(entry) = self.lookup(trimmed) {
            return Some(entry);
        }
        let parts: Vec<&str> =
            trimmed.split(['-', '/', '–', '—']).map(str::trim).filter(|p| !p.is_empty()).collect();
        if parts.len() < 2 {
            return None;
        }
        parts.iter().rev().find_map(|p| self.lookup(p))
    }

    /// Every place in `text` where a code, name or alias of a registered agency is written with
    /// word boundaries on both sides, longest form first, not overlapping.
    ///
    /// Forms without lower-case letters (`AP`, `FNA`, `ITAR-TASS`) must match the case of the text
    /// exactly; other forms (`Xinhua`, `Associated Press`) match with any case of the later letters
    /// but must start with an upper-case letter in the text, so `mehr` or `fars` inside ordinary
    /// words and sentences are not taken for agencies.
    pub fn mentions<'a>(&'a self, text: &str) -> Vec<Mention<'a>> {
        let mentions = self.mentions.get_or_init(|| self.build_mentions());
        let mut found = Vec::new();
        for m in mentions.matcher.find_iter(text) {
            let form = &mentions.forms[m.pattern().as_usize()];
            let written = &text[m.start()..m.end()];
            // The matcher only tries word starts.
            if !word_boundary_after(text, m.end()) {
                continue;
            }
            let case_ok = (form.mixed_case && written.chars().next().is_some_and(char::is_uppercase))
                || form.exact.iter().any(|e| e == written);
            if case_ok {
                found.push(Mention { entry: &self.entries[form.index], start: m.start(), end: m.end() });
            }
        }
        found
    }

    fn build_mentions(&self) -> Mentions {
        let mut forms: Vec<MentionForm> = Vec::new();
        let mut by_folded: HashMap<String, usize> = HashMap::new();
        for (index, entry) in self.entries.iter().enumerate() {
            let all =
                std::iter::once(&entry.code).chain(std::iter::once(&entry.name)).chain(entry.aliases.iter());
            for form in all {
                let form = form.trim();
                // Forms shorter than two letters are too ambiguous to find in running text.
                if form.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                    continue;
                }
                // `REUTERS` and `Reuters` are one pattern; what case the text may use is the union.
                let folded = form.to_ascii_lowercase();
                let slot = *by_folded.entry(folded.clone()).or_insert_with(|| {
                    forms.push(MentionForm { index, folded, mixed_case: false, exact: Vec::new() });
                    forms.len() - 1
                });
                if forms[slot].index != index {
                    continue;
                }
                if form.chars().any(char::is_lowercase) {
                    forms[slot].mixed_case = true;
                } else {
                    forms[slot].exact.push(form.to_string());
                }
            }
        }
        // What a kept mention can start with: an upper-case letter for a mixed-case form (any
        // non-ASCII first byte too, checked after the match), the first byte of an exact form.
        let first_bytes = forms.iter().flat_map(|f| {
            let mixed = f.folded.bytes().next().filter(|_| f.mixed_case).map(|b| b.to_ascii_uppercase());
            mixed.into_iter().chain(f.exact.iter().filter_map(|e| e.bytes().next()))
        });
        let matcher = WordMatcher::new(forms.iter().map(|f| f.folded.as_str()), first_bytes);
        Mentions { matcher, forms }
    }

    /// The agency with exactly this canonical code.
    pub fn by_code(&self, code: &str) -> Option<&AgencyEntry> {
        self.entries.iter().find(|e| e.code == code)
    }

    /// Every agency, in registry order.
    pub fn iter(&self) -> impl Iterator<Item = &AgencyEntry> {
        self.entries.iter()
    }

    /// Number of agencies.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the registry has no agency.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn word_boundary_after(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// The lookup key: lower case, dots and apostrophes dropped, hyphens and runs of blanks as one space,
/// a leading "the" dropped.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    normalize_into(name, &mut out);
    out
}

/// [`normalize`] into `out`, which is cleared first.
fn normalize_into(name: &str, out: &mut String) {
    out.clear();
    // A blank is written only between words, so runs collapse and the ends stay clean.
    let mut pending_blank = false;
    for c in name.chars() {
        match c {
            '.' | '\'' | '’' => {}
            '-' | '_' | '/' | '‐' | '–' => pending_blank = true,
            c if c.is_whitespace() => pending_blank = true,
            c => {
                if pending_blank && !out.is_empty() {
                    out.push(' ');
                }
                pending_blank = false;
                if c.is_ascii() {
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.extend(c.to_lowercase());
                }
            }
        }
    }
    if out.starts_with("the ") {
        out.drain(..4);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_ignores_case_dots_and_hyphens() {
        let agencies = Agencies::embedded();
        assert_eq!(agencies.lookup("fna").unwrap().code, "FNA");
        assert_eq!(agencies.lookup("Reuter").unwrap().code, "REUTERS");
        assert_eq!(agencies.lookup("ITAR TASS").unwrap().code, "TASS");
    }

    #[test]
    fn a_plain_name_finds_what_its_folded_form_finds() {
        let agencies = Agencies::embedded();
        for (plain, written) in [
            ("reuters", "Reuters"),
            ("itar tass", "ITAR-TASS"),
            ("the associated press", "The Associated Press"),
        ] {
            assert_eq!(
                agencies.lookup(plain).map(|e| &e.code),
                agencies.lookup(written).map(|e| &e.code),
                "{plain}"
            );
            assert!(agencies.lookup(plain).is_some(), "{plain}");
        }
        assert!(agencies.lookup("the").is_none());
    }

    #[test]
    fn normalize_collapses_blanks_and_drops_a_leading_the() {
        assert_eq!(normalize("  The  Associated--Press. "), "associated press");
        assert_eq!(normalize("N.Y. Times/ News\tService"), "ny times news service");
        assert_eq!(normalize("the"), "the");
        assert_eq!(normalize("ÉFE – Agencia"), "éfe agencia");
        assert_eq!(normalize(" - . - "), "");
    }

    #[test]
    fn rejects_unknown_time_zone() {
        let mut agencies = Agencies::default();
        let err = agencies
            .extend_from_toml("[[agency]]\ncode = \"X\"\nname = \"X News\"\ntimezone = \"Mars/Olympus\"\n")
            .unwrap_err();
        assert!(err.message().contains("Mars/Olympus"));
    }
}
