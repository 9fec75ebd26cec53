//! The agency registry: codes, names, aliases, the markers agencies put in copy, home zones.

use std::collections::HashMap;

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
    /// Other names and spellings seen in copy (`Reuter`, `Xinhau`, `Itar-Tass`).
    #[serde(default)]
    pub aliases: Vec<String>,
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
    by_key: HashMap<String, usize>,
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
        self.by_key.get(&normalize(name)).map(|&i| &self.entries[i])
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

/// The lookup key: lower case, dots and apostrophes dropped, hyphens and runs of blanks as one space,
/// a leading "the" dropped.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '.' | '\'' | '’' => {}
            '-' | '_' | '/' | '‐' | '–' => out.push(' '),
            c if c.is_whitespace() => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    let collapsed = out.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.strip_prefix("the ").map(str::to_string).unwrap_or(collapsed)
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
    fn rejects_unknown_time_zone() {
        let mut agencies = Agencies::default();
        let err = agencies
            .extend_from_toml("[[agency]]\ncode = \"X\"\nname = \"X News\"\ntimezone = \"Mars/Olympus\"\n")
            .unwrap_err();
        assert!(err.message().contains("Mars/Olympus"));
    }
}
