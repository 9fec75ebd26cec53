//! The gazetteer: canonical city names with country and region, and the regions (US states,
//! Canadian provinces, Australian states) datelines write after a city.

use std::collections::HashMap;

/// A city the gazetteer knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// Canonical English name (`Tehran`, `Mumbai`).
    pub name: String,
    /// ISO 3166-1 alpha-2 country.
    pub country: String,
    /// First-level region (state, province), when recorded.
    pub region: Option<String>,
    /// Population, used to prefer the best-known of several cities with one name.
    pub population: u64,
}

/// A first-level region written in datelines (`Ohio`, `N.Y.`, `Fla.`, `Ont.`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    /// Canonical name (`New York`).
    pub name: String,
    /// ISO 3166-1 alpha-2 country.
    pub country: String,
}

/// City, region and country lookup, ignoring case, accents and punctuation.
#[derive(Clone, Debug, Default)]
pub struct Places {
    cities: Vec<Place>,
    city_by_key: HashMap<String, usize>,
    region_by_key: HashMap<String, Region>,
    country_by_key: HashMap<String, String>,
}

const CITIES: &str = include_str!("../../data/places.tsv");
const REGIONS: &str = include_str!("../../data/regions.tsv");
const COUNTRIES: &str = include_str!("../../data/countries.tsv");

impl Places {
    /// The gazetteer shipped in `data/`.
    pub fn embedded() -> Self {
        let mut places = Places::default();
        for row in rows(CITIES) {
            // name, country, region, population, alternate names (`|`-separated)
            let [name, country, region, population, alternates] = row;
            let place = Place {
                name: name.to_string(),
                country: country.to_string(),
                region: (!region.is_empty()).then(|| region.to_string()),
                population: population.parse().unwrap_or(0),
            };
            let index = places.cities.len();
            places.cities.push(place);
            for key in std::iter::once(name).chain(alternates.split('|')) {
                places.add_city_key(key, index);
            }
        }
        for row in rows(REGIONS) {
            // name, country, abbreviations (`|`-separated)
            let [name, country, abbreviations] = row;
            let region = Region { name: name.to_string(), country: country.to_string() };
            for key in std::iter::once(name).chain(abbreviations.split('|')) {
                let key = normalize(key);
                if !key.is_empty() {
                    places.region_by_key.entry(key).or_insert_with(|| region.clone());
                }
            }
        }
        for row in rows(COUNTRIES) {
            // code, name, other names (`|`-separated)
            let [code, name, others] = row;
            for key in std::iter::once(name).chain(others.split('|')) {
                let key = normalize(key);
                if !key.is_empty() {
                    places.country_by_key.entry(key).or_insert_with(|| code.to_string());
                }
            }
        }
        places
    }

    fn add_city_key(&mut self, key: &str, index: usize) {
        let key = normalize(key);
        if key.is_empty() {
            return;
        }
        let population = self.cities[index].population;
        match self.city_by_key.get(&key) {
            Some(&existing) if self.cities[existing].population >= population => {}
            _ => {
                self.city_by_key.insert(key, index);
            }
        }
    }

    /// The best-known city called `name` (any recorded spelling).
    pub fn city(&self, name: &str) -> Option<&Place> {
        self.city_by_key.get(&normalize(name)).map(|&i| &self.cities[i])
    }

    /// The region written as `name` (`Ohio`, `N.Y.`, `Calif.`).
    pub fn region(&self, name: &str) -> Option<&Region> {
        self.region_by_key.get(&normalize(name))
    }

    /// The ISO code of the country named `name` (`Iran`, `Republic of Korea`, `U.S.`).
    pub fn country(&self, name: &str) -> Option<&str> {
        self.country_by_key.get(&normalize(name)).map(String::as_str)
    }
}

fn rows<const N: usize>(tsv: &str) -> impl Iterator<Item = [&str; N]> + '_ {
    tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|line| {
        let mut cols = line.split('\t');
        std::array::from_fn(|_| cols.next().unwrap_or("").trim())
    })
}

/// The lookup key: lower case, accents folded for Latin letters, punctuation dropped, hyphens as
/// spaces.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '.' | '\'' | '’' | ',' => {}
            '-' | '_' | '/' | '‐' | '–' => out.push(' '),
            c if c.is_whitespace() => out.push(' '),
            c => out.push_str(&fold(c)),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower case without diacritics for the Latin letters common in place names.
fn fold(c: char) -> String {
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => {
            'a'
        }
        'ç' | 'Ç' | 'ć' | 'č' | 'Ć' | 'Č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'İ' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'ı' => 'i',
        'ñ' | 'Ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => {
            'o'
        }
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ş' | 'ś' | 'š' | 'Ş' | 'Ś' | 'Š' => 's',
        'ž' | 'ź' | 'ż' | 'Ž' | 'Ź' | 'Ż' => 'z',
        'ł' | 'Ł' => 'l',
        'ğ' | 'Ğ' => 'g',
        'ř' | 'Ř' => 'r',
        'ß' => return "ss".to_string(),
        c => return c.to_lowercase().collect(),
    };
    base.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cities_regions_and_countries_in_any_case() {
        let places = Places::embedded();
        let tehran = places.city("TEHRAN").unwrap();
        assert_eq!((tehran.name.as_str(), tehran.country.as_str()), ("Tehran", "IR"));
        assert_eq!(places.region("N.Y.").unwrap().name, "New York");
        assert_eq!(places.country("Iran"), Some("IR"));
    }

    #[test]
    fn folds_accents() {
        assert_eq!(normalize("ZÜRICH"), "zurich");
        assert_eq!(normalize("Winston-Salem"), "winston salem");
    }
}
