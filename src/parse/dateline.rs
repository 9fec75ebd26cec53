//! Dateline: the lead that says where (and often when, and for whom) a story was filed —
//! `TEHRAN (FNA)-`, `BEIJING, Jan. 26 (Xinhua) --`, `AKRON, Ohio, March 26 -`, `LONDON 1996-08-22`.

use std::sync::LazyLock;

use regex::Regex;

use super::Lines;
use crate::article::{Dateline, Span};
use crate::registry::Registry;

/// A dateline and the agency marker written inside it.
#[derive(Debug)]
pub struct Found {
    /// The dateline.
    pub dateline: Dateline,
    /// The agency marker as written (`FNA`, `Reuters`, `TASS`) and where it is.
    pub agency_marker: Option<(String, Span)>,
    /// True when the dateline filled its whole line (`LONDON 1996-08-22`), so the line is taken.
    pub whole_line: bool,
}

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)\.?";

static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    let date = format!(
        r"(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?(?:\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})"
    );
    Regex::new(&format!(
        r"^(?P<place>\p{{Lu}}[\p{{L}}.'’\- ]{{0,40}}?(?:\s*/\s*\p{{Lu}}[\p{{L}}.'’\- ]{{0,40}}?)*)(?:\s*\[(?P<country>[^\]]{{1,30}})\])?(?:,\s*(?P<region>\p{{Lu}}[\p{{L}}. ]{{0,25}}?))?(?:[,.]?\s+(?P<date>{date}))?[.,]?\s*(?:\(\s*(?P<agency>[^()]{{1,40}}?)\s*\)|/(?P<slash>[^/]{{1,20}})/\.?)?\s*(?P<dash>--|-|—|–|_|:|$)\s*"
    ))
    .expect("valid regex")
});

/// Finds a dateline at the start of the next line of `lines`; takes the line when the dateline
/// is all of it.
pub fn take(lines: &mut Lines<'_>, registry: &Registry) -> Option<Found> {
    let line = lines.line()?;
    let raw = line.span.slice(lines.text);
    let found = parse_lead(raw, line.span.start, registry)?;
    if found.whole_line {
        lines.take();
    }
    Some(found)
}

/// Parses a dateline lead at the start of `line`, which begins at byte `offset` of the input.
pub fn parse_lead(line: &str, offset: usize, registry: &Registry) -> Option<Found> {
    let head = match line.char_indices().nth(160) {
        Some((i, _)) => &line[..i],
        None => line,
    };
    let caps = LEAD.captures(head)?;
    let place = caps.name("place")?.as_str().trim();
    let agency = caps.name("agency").or_else(|| caps.name("slash"));
    let date = caps.name("date");
    let dash = caps.name("dash")?;
    let whole_line = dash.as_str().is_empty();
    if whole_line && (date.is_none() || caps.get(0)?.end() != line.len()) {
        return None;
    }
    let all_caps = place.chars().any(char::is_alphabetic) && !place.chars().any(char::is_lowercase);
    let known = registry.places.city(place).is_some();
    if !(all_caps || agency.is_some() || (known && date.is_some())) {
        return None;
    }
    if place.split_whitespace().count() > 5 {
        return None;
    }
    let cities: Vec<String> = place.split('/').map(|p| canonical_city(p.trim(), registry)).collect();
    let city = cities.first()?.clone();
    let region_text = caps.name("region").map(|m| m.as_str().trim());
    let region =
        region_text.map(|r| registry.places.region(r).map_or_else(|| r.to_string(), |g| g.name.clone()));
    let country = caps
        .name("country")
        .and_then(|c| registry.places.country(c.as_str()).map(str::to_string))
        .or_else(|| region_text.and_then(|r| registry.places.region(r).map(|g| g.country.clone())))
        .or_else(|| region_text.and_then(|r| registry.places.country(r).map(str::to_string)))
        .or_else(|| registry.places.city(place.split('/').next()?.trim()).map(|p| p.country.clone()));
    let text_end = caps.get(0)?.as_str().trim_end().len();
    let dateline = Dateline {
        text: head[..text_end].to_string(),
        span: Span::new(offset, offset + text_end),
        place: place.to_string(),
        city,
        cities,
        region,
        country,
        date: None,
        date_text: date.map(|d| d.as_str().to_string()),
    };
    let agency_marker =
        agency.map(|m| (m.as_str().trim().to_string(), Span::new(offset + m.start(), offset + m.end())));
    Some(Found { dateline, agency_marker, whole_line })
}

/// The gazetteer's canonical name for a written place, or the written form title-cased.
fn canonical_city(written: &str, registry: &Registry) -> String {
    match registry.places.city(written) {
        Some(place) => place.name.clone(),
        None => title_case(written),
    }
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = c == ' ' || c == '-';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(line: &str) -> Found {
        parse_lead(line, 0, &Registry::embedded()).unwrap_or_else(|| panic!("{line:?} has a dateline"))
    }

    #[test]
    fn common_styles() {
        let f = lead("TEHRAN (FNA)- Iranian officials met.");
        assert_eq!((f.dateline.city.as_str(), f.dateline.country.as_deref()), ("Tehran", Some("IR")));
        assert_eq!(f.dateline.text, "TEHRAN (FNA)-");
        assert_eq!(f.agency_marker.unwrap().0, "FNA");
        let f = lead("BEIJING, Jan. 26 (Xinhua) -- China said.");
        assert_eq!(f.dateline.date_text.as_deref(), Some("Jan. 26"));
        let f = lead("AKRON, Ohio, March 26 - Goodyear said.");
        assert_eq!(f.dateline.region.as_deref(), Some("Ohio"));
        assert!(lead("LONDON 1996-08-22").whole_line);
    }

    #[test]
    fn prose_is_not_a_dateline() {
        assert!(parse_lead("The minister said on Tuesday - again", 0, &Registry::embedded()).is_none());
    }
}
