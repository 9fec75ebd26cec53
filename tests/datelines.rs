//! Dateline cases from `tests/fixtures/datelines.toml`: every wire style, parsed end to end.

use std::collections::BTreeSet;

use serde::Deserialize;

#[path = "common/cases.rs"]
mod cases;

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    agency: String,
    input: String,
    #[serde(default = "yes")]
    dateline: bool,
    text: Option<String>,
    city: Option<String>,
    cities: Option<Vec<String>>,
    region: Option<String>,
    country: Option<String>,
    date: Option<String>,
    date_text: Option<String>,
    warning: Option<String>,
}

fn yes() -> bool {
    true
}

fn cases() -> Vec<Case> {
    cases::load("fixtures/datelines.toml", include_str!("fixtures/datelines.toml"))
}

/// Bare credits without a dash (`KIMBERLEY June 18 Sapa`) are read only for agencies the registry
/// knows; the parser here knows Sapa whatever the embedded registry holds.
fn parser() -> newswire::Parser {
    newswire::Parser::builder()
        .agencies_toml(
            "[[agency]]\ncode = \"SAPA\"\nname = \"South African Press Association\"\ncountry = \"ZA\"\ntimezone = \"Africa/Johannesburg\"\naliases = [\"Sapa\"]\n",
        )
        .expect("valid agency")
        .build()
}

#[test]
fn every_case() {
    let parser = parser();
    let mut failures = Vec::new();
    for case in cases() {
        let article = parser.parse(&case.input).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let Some(dateline) = &article.dateline else {
            if case.dateline {
                failures.push(format!("{}: no dateline found", case.name));
            }
            continue;
        };
        if !case.dateline {
            failures.push(format!("{}: unexpected dateline {:?}", case.name, dateline.text));
            continue;
        }
        let mut check = |what: &str, got: Option<String>, want: &Option<String>| {
            if want.is_some() && &got != want {
                failures.push(format!("{}: {what} is {got:?}, expected {want:?}", case.name));
            }
        };
        check("text", Some(dateline.text.clone()), &case.text);
        check("city", Some(dateline.city.clone()), &case.city);
        check("region", dateline.region.clone(), &case.region);
        check("country", dateline.country.clone(), &case.country);
        check("date", dateline.date.map(|d| d.to_string()), &case.date);
        check("date_text", dateline.date_text.clone(), &case.date_text);
        if let Some(cities) = &case.cities
            && &dateline.cities != cities
        {
            failures.push(format!("{}: cities are {:?}, expected {cities:?}", case.name, dateline.cities));
        }
        if dateline.span.slice(&case.input) != dateline.text {
            failures.push(format!("{}: span does not cover the text", case.name));
        }
        if let Some(kind) = &case.warning
            && !article.warnings.iter().any(|w| &w.kind == kind)
        {
            failures.push(format!("{}: no {kind} warning in {:?}", case.name, article.warnings));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn fixtures_cover_the_wire_styles() {
    let cases = cases();
    let agencies: BTreeSet<&str> = cases.iter().map(|c| c.agency.as_str()).collect();
    assert!(cases.len() >= 25, "{} cases", cases.len());
    assert!(agencies.len() >= 12, "{} agencies: {agencies:?}", agencies.len());
}

#[test]
fn relative_dates_resolve_against_the_story_date() {
    let text = "2020-November-25  14:25\n\nScholars meet online\n\nTEHRAN (FNA)- Scholars met in a webinar on Tuesday and will meet again next Monday.";
    let article = newswire::parse(text).unwrap();
    let dates: Vec<(&str, Option<String>)> =
        article.dates.iter().map(|d| (d.text.as_str(), d.date.map(|x| x.to_string()))).collect();
    assert_eq!(
        dates,
        vec![("on Tuesday", Some("2020-11-24".to_string())), ("next Monday", Some("2020-11-30".to_string()))]
    );
    for mention in &article.dates {
        assert_eq!(mention.span.slice(text), mention.text);
    }
}
