//! The gazetteer: canonical city names with country and region, and the regions (US states,
//! Canadian provinces, Australian states) datelines write after a city.
//!
//! Built from GeoNames by `scripts/build_places.py` (see `data/README.md`). A city is known by
//! its main name, by other names (former names such as `Bombay`, other languages' names such as
//! `Basle`) and by spelling variants (`Terhan`). A dateline that writes a main or other name is
//! reported as written; a spelling variant resolves to the main name.

use super::FastMap;

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

/// How a written name relates to the city it was found under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NameKind {
    /// The city's main name.
    Main,
    /// Another name of the city: a former name (`Bombay`), an exonym (`Basle`).
    Other,
    /// A misspelling or non-standard transliteration (`Terhan`); resolves to the main name.
    Variant,
}

/// A city found under a written name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CityMatch<'a> {
    /// The city.
    pub place: &'a Place,
    /// How the written name relates to it.
    pub kind: NameKind,
}

/// What the gazetteer knows under one written name ([`Places::known`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Known<'a> {
    /// The ISO code of the country so named ([`Places::country`]).
    pub country: Option<&'a str>,
    /// The region so written ([`Places::region`]).
    pub region: Option<&'a Region>,
    /// The best-known city so called ([`Places::city`]).
    pub city: Option<&'a Place>,
}

/// City, region and country lookup, ignoring case, accents and punctuation.
#[derive(Clone, Debug, Default)]
pub struct Places {
    cities: Vec<Place>,
    /// Candidates per key, best first (main names before other names, then by population).
    city_by_key: FastMap<String, Vec<(u32, NameKind)>>,
    region_by_key: FastMap<String, Vec<Region>>,
    country_by_key: FastMap<String, String>,
    country_names: FastMap<String, String>,
}

const CITIES: &str = include_str!("../../data/places.tsv");
const REGIONS: &str = include_str!("../../data/regions.tsv");
const COUNTRIES: &str = include_str!("../../data/countries.tsv");

impl Places {
    /// The gazetteer shipped in `data/`.
    pub fn embedded() -> Self {
        let mut places = Places::default();
        for row in rows::<6>(CITIES) {
            // name, country, region, population, spelling variants, other names (`|`-separated)
            let [name, country, region, population, variants, others] = row;
            if name.is_empty() {
                continue;
            }
            let index = places.cities.len() as u32;
            places.cities.push(Place {
                name: name.to_string(),
                country: country.to_string(),
                region: (!region.is_empty()).then(|| region.to_string()),
                population: population.parse().unwrap_or(0),
            });
            places.add_city_key(name, index, NameKind::Main);
            for other in others.split('|') {
                places.add_city_key(other, index, NameKind::Other);
            }
            for variant in variants.split('|') {
                places.add_city_key(variant, index, NameKind::Variant);
            }
        }
        let cities = &places.cities;
        for candidates in places.city_by_key.values_mut() {
            candidates.sort_by(|a, b| {
                let tier = |k: NameKind| if k == NameKind::Main { 0 } else { 1 };
                tier(a.1)
                    .cmp(&tier(b.1))
                    .then(cities[b.0 as usize].population.cmp(&cities[a.0 as usize].population))
            });
            candidates.dedup_by_key(|c| c.0);
        }
        for row in rows::<3>(REGIONS) {
            // name, country, abbreviations (`|`-separated)
            let [name, country, abbreviations] = row;
            let region = Region { name: name.to_string(), country: country.to_string() };
            for key in std::iter::once(name).chain(abbreviations.split('|')) {
                let key = normalize(key);
                if !key.is_empty() {
                    places.region_by_key.entry(key).or_default().push(region.clone());
                }
            }
        }
        for row in rows::<3>(COUNTRIES) {
            // code, name, other names (`|`-separated)
            let [code, name, others] = row;
            places.country_names.insert(code.to_string(), name.to_string());
            for key in std::iter::once(name).chain(others.split('|')) {
                let key = normalize(key);
                if !key.is_empty() {
                    places.country_by_key.entry(key).or_insert_with(|| code.to_string());
                }
            }
        }
        places
    }

    fn add_city_key(&mut self, name: &str, index: u32, kind: NameKind) {
        let key = normalize(name);
        if !key.is_empty() {
            self.city_by_key.entry(key).or_default().push((index, kind));
        }
    }

    /// The best-known city called `name` (any recorded spelling).
    pub fn city(&self, name: &str) -> Option<&Place> {
        self.find_city(name, None, None).map(|m| m.place)
    }

    /// The best-known city called `name` in `country` and `region` when given (ISO code and
    /// canonical region name), with how the name relates to it.
    pub fn find_city(
        &self,
        name: &str,
        country: Option<&str>,
        region: Option<&str>,
    ) -> Option<CityMatch<'_>> {
        let candidates = with_key(name, |key| self.city_by_key.get(key))?;
        candidates.iter().find_map(|&(index, kind)| {
            let place = self.cities.get(index as usize)?;
            let country_ok = country.is_none_or(|c| place.country == c);
            let region_ok = region.is_none_or(|r| place.region.as_deref() == Some(r));
            (country_ok && region_ok).then_some(CityMatch { place, kind })
        })
    }

    /// The region written as `name` (`Ohio`, `N.Y.`, `Calif.`); US states win where an
    /// abbreviation is shared (`WA`).
    pub fn region(&self, name: &str) -> Option<&Region> {
        self.regions(name).first()
    }

    /// Every region written as `name`.
    pub fn regions(&self, name: &str) -> &[Region] {
        with_key(name, |key| self.region_by_key.get(key)).map_or(&[], Vec::as_slice)
    }

    /// The ISO code of the country named `name` (`Iran`, `Republic of Korea`, `U.S.`).
    pub fn country(&self, name: &str) -> Option<&str> {
        with_key(name, |key| self.country_by_key.get(key)).map(String::as_str)
    }

    /// The country, region and city written as `name`, from one fold of the name: a phrase
    /// asked about as all three folds it once instead of three times.
    pub fn known(&self, name: &str) -> Known<'_> {
        with_key(name, |key| Known {
            country: self.country_by_key.get(key).map(String::as_str),
            region: self.region_by_key.get(key).and_then(|regions| regions.first()),
            city: self.city_by_key.get(key).and_then(|candidates| {
                candidates.iter().find_map(|&(index, _)| self.cities.get(index as usize))
            }),
        })
    }

    /// The English name of the country with ISO code `code`.
    pub fn country_name(&self, code: &str) -> Option<&str> {
        self.country_names.get(code).map(String::as_str)
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
    normalize_into(name, &mut out);
    out
}

/// Calls `f` with the lookup key of `name`, built in a reused buffer: lookups run for many words
/// of every article, and a fresh `String` each time was a large part of their cost. The last name
/// and its key are kept, because a phrase is usually looked up as a country, a region and a city
/// in turn: comparing it with the last one is cheaper than folding it again.
fn with_key<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    // A plain lower-case name is its own key: no fold, no buffer.
    if super::is_plain_key(name) {
        return f(name);
    }
    thread_local! {
        static LAST: std::cell::RefCell<(String, String)> =
            const { std::cell::RefCell::new((String::new(), String::new())) };
    }
    LAST.with_borrow_mut(|(written, key)| {
        if written != name {
            written.clear();
            written.push_str(name);
            key.clear();
            normalize_into(name, key);
        }
        f(key)
    })
}

/// [`normalize`] into `out` (which starts empty).
fn normalize_into(name: &str, out: &mut String) {
    let mut space = true;
    for c in name.chars() {
        match c {
            '.' | '\'' | '’' | '‘' | ',' | 'ʻ' | 'ʼ' | '`' => {}
            '-' | '_' | '/' | '‐' | '–' | '—' => space_once(out, &mut space),
            c if c.is_whitespace() => space_once(out, &mut space),
            c => {
                fold_into(c, out);
                space = false;
            }
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
}

fn space_once(out: &mut String, space: &mut bool) {
    if !*space {
        out.push(' ');
        *space = true;
    }
}

/// Pushes `c` lower-cased, without diacritics for the Latin letters common in place names.
fn fold_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā'
        | 'Ă' | 'Ą' => 'a',
        'ç' | 'Ç' | 'ć' | 'č' | 'Ć' | 'Č' => 'c',
        'ď' | 'đ' | 'Ď' | 'Đ' | 'ð' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' | 'ę' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' | 'Ę' => {
            'e'
        }
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'İ' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'ı' => 'i',
        'ñ' | 'Ñ' | 'ń' | 'ň' | 'Ń' | 'Ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => {
            'o'
        }
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => {
            'u'
        }
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ş' | 'ś' | 'š' | 'ș' | 'Ş' | 'Ś' | 'Š' | 'Ș' => 's',
        'ţ' | 'ť' | 'ț' | 'Ţ' | 'Ť' | 'Ț' => 't',
        'ž' | 'ź' | 'ż' | 'Ž' | 'Ź' | 'Ż' => 'z',
        'ł' | 'Ł' => 'l',
        'ğ' | 'Ğ' => 'g',
        'ř' | 'Ř' => 'r',
        'ß' => {
            out.push_str("ss");
            return;
        }
        'æ' | 'Æ' => {
            out.push_str("ae");
            return;
        }
        c => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push(base);
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
        assert_eq!(places.region("Calif.").unwrap().name, "California");
        assert_eq!(places.region("Ont.").unwrap().country, "CA");
        assert_eq!(places.country("Iran"), Some("IR"));
        assert_eq!(places.country("the Netherlands"), Some("NL"));
        assert_eq!(places.country_name("KZ"), Some("Kazakhstan"));
    }

    #[test]
    fn tells_spelling_variants_from_other_names() {
        let places = Places::embedded();
        let terhan = places.find_city("TERHAN", None, None).unwrap();
        assert_eq!((terhan.place.name.as_str(), terhan.kind), ("Tehran", NameKind::Variant));
        let bombay = places.find_city("Bombay", None, None).unwrap();
        assert_eq!((bombay.place.name.as_str(), bombay.kind), ("Mumbai", NameKind::Other));
        for (old, new) in [("Kiev", "Kyiv"), ("Peking", "Beijing"), ("Rangoon", "Yangon")] {
            assert_eq!(places.city(old).unwrap().name, new, "{old}");
        }
        assert_eq!(places.city("Nur-Sultan").unwrap().country, "KZ");
        assert_eq!(places.city("KOTA BAHARU").unwrap().name, "Kota Bharu");
    }

    #[test]
    fn region_narrows_the_city() {
        let places = Places::embedded();
        let canton = places.find_city("Canton", Some("US"), Some("Ohio")).unwrap();
        assert_eq!(canton.place.region.as_deref(), Some("Ohio"));
        let portland = places.find_city("Portland", Some("US"), Some("Maine")).unwrap();
        assert_eq!(portland.place.country, "US");
    }

    #[test]
    fn ap_stand_alone_cities_are_american() {
        let places = Places::embedded();
        for city in ["ATLANTA", "BOSTON", "WASHINGTON", "ST. LOUIS", "NEW YORK", "SAN DIEGO"] {
            assert_eq!(places.city(city).map(|p| p.country.as_str()), Some("US"), "{city}");
        }
    }

    #[test]
    fn a_plain_name_is_its_own_key() {
        for name in ["tehran", "new york", "kota bharu", "area 51", "the gambia", "the"] {
            assert!(super::super::is_plain_key(name), "{name}");
            assert_eq!(normalize(name), name);
        }
        for name in ["New York", "st. louis", "winston-salem", " lagos", "lagos ", "new  york", "zürich", ""]
        {
            assert!(!super::super::is_plain_key(name), "{name}");
        }
        let places = Places::embedded();
        assert_eq!(places.country("the netherlands"), places.country("The Netherlands"));
        assert_eq!(places.city("new york"), places.city("NEW YORK"));
        for name in
            ["iran", "the netherlands", "ohio", "n.y.", "tehran", "bombay", "Georgia", "nowhere at all"]
        {
            let known = places.known(name);
            assert_eq!(known.country, places.country(name), "{name}");
            assert_eq!(known.region, places.region(name), "{name}");
            assert_eq!(known.city, places.city(name), "{name}");
        }
    }

    #[test]
    fn folds_accents() {
        assert_eq!(normalize("ZÜRICH"), "zurich");
        assert_eq!(normalize("Winston-Salem"), "winston salem");
        assert_eq!(normalize(" St.  Louis "), "st louis");
        assert_eq!(normalize("Diyarbakır"), "diyarbakir");
    }
}
