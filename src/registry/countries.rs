//! Country names, adjectives and peoples (`Iran`, `Iranian`, `Iranians`), compiled into one
//! matcher that maps each mention to an ISO 3166-1 alpha-2 code.
//!
//! Names come from `data/countries.tsv` (shared with the gazetteer), adjectives and everyday
//! short names (`Britain`, `U.S.`) from `data/demonyms.tsv`.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use super::FastMap;
use super::word_matcher::WordMatcher;
use crate::article::Span;

const COUNTRIES: &str = include_str!("../../data/countries.tsv");
const DEMONYMS: &str = include_str!("../../data/demonyms.tsv");

/// Finds countries in text by name, adjective or people.
#[derive(Clone, Debug)]
pub struct CountryNames {
    automaton: WordMatcher,
    /// For each pattern: the form as written in the data, in capitals, and the country's index.
    forms: Vec<(String, String, usize)>,
    /// ISO code and English name of each country.
    countries: Vec<(String, String)>,
    /// Each ISO code to its country's index in `countries`.
    by_code: FastMap<String, usize>,
}

static EMBEDDED: LazyLock<Arc<CountryNames>> = LazyLock::new(|| Arc::new(CountryNames::embedded_data()));

impl CountryNames {
    /// The matcher built from the shipped data, once per process.
    pub fn embedded() -> Arc<CountryNames> {
        Arc::clone(&EMBEDDED)
    }

    fn embedded_data() -> CountryNames {
        let mut countries: Vec<(String, String)> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut forms: Vec<(String, usize)> = Vec::new();
        let mut seen: HashMap<String, ()> = HashMap::new();
        let mut add_form = |form: &str, country: usize, forms: &mut Vec<(String, usize)>| {
            let form = form.trim();
            // ISO alpha-3 codes (`AND`, `IRN`) are not how copy names a country.
            let code_like = form.len() <= 3 && form.chars().all(|c| c.is_ascii_uppercase());
            if form.chars().count() < 2 || (code_like && !matches!(form, "UK" | "US" | "USA" | "UAE")) {
                return;
            }
            if seen.insert(form.to_string(), ()).is_none() {
                forms.push((form.to_string(), country));
            }
        };
        let rows = |text: &'static str| {
            text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split('\t'))
        };
        for mut cols in rows(COUNTRIES) {
            let (Some(code), Some(name)) = (cols.next(), cols.next()) else { continue };
            let i = *index.entry(code.to_string()).or_insert_with(|| {
                countries.push((code.to_string(), name.to_string()));
                countries.len() - 1
            });
            add_form(name, i, &mut forms);
            for other in cols.next().unwrap_or("").split('|') {
                add_form(other, i, &mut forms);
            }
        }
        for mut cols in rows(DEMONYMS) {
            let (Some(code), Some(names)) = (cols.next(), cols.next()) else { continue };
            let i = *index.entry(code.to_string()).or_insert_with(|| {
                countries.push((code.to_string(), code.to_string()));
                countries.len() - 1
            });
            for name in names.split('|') {
                add_form(name, i, &mut forms);
            }
        }
        // The capitalised forms are made once here, not for every match in every article.
        let forms: Vec<(String, String, usize)> = forms
            .into_iter()
            .map(|(form, country)| {
                let upper = form.to_uppercase();
                (form, upper, country)
            })
            .collect();
        // A mention is written as in the data or in capitals, so it starts with one of their first bytes.
        let first_bytes = forms
            .iter()
            .flat_map(|(form, upper, _)| form.bytes().next().into_iter().chain(upper.bytes().next()));
        let automaton = WordMatcher::new(forms.iter().map(|(f, _, _)| f.as_str()), first_bytes);
        let by_code = countries.iter().enumerate().map(|(i, (code, _))| (code.clone(), i)).collect();
        CountryNames { automaton, forms, countries, by_code }
    }

    /// Every country mention in `text`: the ISO code and where. A name matches as written in the
    /// data or in capitals (`IRAN` in a dateline), on whole words.
    pub(crate) fn find<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (&'a str, Span)> + 'a {
        // The matcher only tries word starts.
        self.automaton.find_iter(text).filter_map(move |m| {
            let (form, upper, country) = &self.forms[m.pattern().as_usize()];
            let written = text.get(m.start()..m.end())?;
            let after = text.get(m.end()..).and_then(|s| s.chars().next());
            let as_written = written == form || written == upper;
            (as_written && after.is_none_or(|c| !c.is_alphanumeric()))
                .then(|| (self.countries[*country].0.as_str(), Span::new(m.start(), m.end())))
        })
    }

    /// The English name of the country with this ISO code (the code itself when unknown).
    pub fn name<'a>(&'a self, code: &'a str) -> &'a str {
        self.by_code.get(code).map_or(code, |&i| self.countries[i].1.as_str())
    }
}
