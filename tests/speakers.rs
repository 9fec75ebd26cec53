//! People, titles, organisations and quotes as data: tests/fixtures/speakers.toml.

use serde::Deserialize;

#[path = "common/cases.rs"]
mod cases;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    input: String,
    #[serde(default)]
    only: bool,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    person: Vec<Person>,
    #[serde(default)]
    quote: Vec<QuoteCase>,
    #[serde(default)]
    org: Vec<OrgCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Person {
    name: String,
    honorifics: Option<Vec<String>>,
    title: Option<String>,
    organization: Option<String>,
    country: Option<String>,
    mentions: Option<usize>,
    /// How many quotes the person has.
    quotes: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteCase {
    speaker: String,
    text: String,
    cue: Option<String>,
    kind: String,
}

#[derive(Deserialize)]
struct OrgCase {
    name: String,
    acronym: Option<String>,
    mentions: Option<usize>,
}

#[test]
fn speakers() {
    run_cases("fixtures/speakers.toml", include_str!("fixtures/speakers.toml"));
}

/// Teams, clubs and things named where people would stand: tests/fixtures/people_sports.toml.
#[test]
fn people_sports() {
    run_cases("fixtures/people_sports.toml", include_str!("fixtures/people_sports.toml"));
}

/// Newspapers, firms and things named where people would stand: tests/fixtures/people_things.toml.
#[test]
fn people_things() {
    run_cases("fixtures/people_things.toml", include_str!("fixtures/people_things.toml"));
}

/// Contexts that make a name a person's or keep it from being one: tests/fixtures/people_context.toml.
#[test]
fn people_context() {
    run_cases("fixtures/people_context.toml", include_str!("fixtures/people_context.toml"));
}

/// Where names start and end: tests/fixtures/speakers_names.toml.
#[test]
fn speakers_names() {
    run_cases("fixtures/speakers_names.toml", include_str!("fixtures/speakers_names.toml"));
}

fn run_cases(file: &str, fixture: &str) {
    let cases: Vec<Case> = cases::load(file, fixture);
    let parser = newswire::Parser::new();
    let mut failures = Vec::new();
    for case in cases {
        let name = case.name.clone();
        let run = std::panic::AssertUnwindSafe(|| check(&parser, case));
        if let Err(e) = std::panic::catch_unwind(run) {
            let message = e.downcast_ref::<String>().cloned().unwrap_or_default();
            failures.push(format!("{name}: {message}"));
        }
    }
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}

fn check(parser: &newswire::Parser, case: Case) {
    {
        let name = &case.name;
        let article = parser.parse(case.input.trim_start()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let found: Vec<&str> = article.speakers.iter().map(|s| s.name.as_str()).collect();
        for want in &case.person {
            let Some(s) = article.speakers.iter().find(|s| s.name == want.name) else {
                panic!("{name}: no person {:?} in {found:?}", want.name);
            };
            let who = &want.name;
            if let Some(h) = &want.honorifics {
                assert_eq!(&s.honorifics, h, "{name}: {who} honorifics");
            }
            if want.title.is_some() {
                assert_eq!(s.title, want.title, "{name}: {who} title");
            }
            if want.organization.is_some() {
                assert_eq!(s.organization, want.organization, "{name}: {who} organization");
            }
            if want.country.is_some() {
                assert_eq!(s.country, want.country, "{name}: {who} country");
            }
            if let Some(n) = want.mentions {
                assert_eq!(s.mentions.len(), n, "{name}: {who} mentions {:?}", s.mentions);
            }
            if let Some(n) = want.quotes {
                let said: Vec<&str> = s.quotes.iter().map(|q| q.text.as_str()).collect();
                assert_eq!(s.quotes.len(), n, "{name}: {who} quotes {said:?}");
            }
            for m in &s.mentions {
                assert!(m.slice(case.input.trim_start()).len() == m.len(), "{name}: mention span in text");
            }
        }
        if case.only {
            let wanted: Vec<&str> = case.person.iter().map(|p| p.name.as_str()).collect();
            assert_eq!(found, wanted, "{name}: exactly these people");
        }
        for gone in &case.absent {
            assert!(
                !found.iter().any(|f| f.contains(gone.as_str()) || gone.contains(f)),
                "{name}: {gone:?} must not be a person: {found:?}"
            );
        }
        let text = case.input.trim_start();
        for want in &case.quote {
            let Some(s) = article.speakers.iter().find(|s| s.name == want.speaker) else {
                panic!("{name}: no speaker {:?} in {found:?}", want.speaker);
            };
            let said: Vec<&str> = s.quotes.iter().map(|q| q.text.as_str()).collect();
            let Some(q) = s.quotes.iter().find(|q| q.text == want.text) else {
                panic!("{name}: {} did not say {:?}; said {said:?}", want.speaker, want.text);
            };
            assert_eq!(format!("{:?}", q.kind).to_lowercase(), want.kind, "{name}: kind of {:?}", want.text);
            if want.cue.is_some() {
                assert_eq!(q.cue, want.cue, "{name}: cue of {:?}", want.text);
            }
            let spanned = q.span.slice(text);
            assert!(!spanned.is_empty(), "{name}: quote span");
            assert!(
                spanned.starts_with(want.text.split_whitespace().next().unwrap_or("")),
                "{name}: quote span {spanned:?}"
            );
        }
        for want in &case.org {
            let Some(o) = article.organizations.iter().find(|o| o.name == want.name) else {
                let orgs: Vec<&str> = article.organizations.iter().map(|o| o.name.as_str()).collect();
                panic!("{name}: no organisation {:?} in {orgs:?}", want.name);
            };
            assert_eq!(o.acronym, want.acronym, "{name}: acronym of {}", want.name);
            if let Some(n) = want.mentions {
                assert_eq!(o.mentions.len(), n, "{name}: mentions of {}", want.name);
            }
        }
    }
}

/// The reference article: exactly five people, each with the title and organisation written.
#[test]
fn reference_article_people() {
    let text = include_str!("../examples/fna-webinar.txt");
    let article = newswire::parse(text).expect("parses");
    let got: Vec<(&str, Option<&str>, Option<&str>)> = article
        .speakers
        .iter()
        .map(|s| (s.name.as_str(), s.title.as_deref(), s.organization.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "Mohammad Kazzem Sajjadpour",
                Some("Chairman"),
                Some("Institute for Political and International Studies")
            ),
            (
                "Yerjan Saltibayev",
                Some("Head"),
                Some("Institute of World Economy and Politics of Republic of Kazakhstan")
            ),
            ("Majid Samadzadeh Saber", Some("ambassador"), None),
            ("Marat Shoranov", Some("first deputy minister of healthcare"), None),
            (
                "Mohsen Asadi Lari",
                Some("Director General"),
                Some("International Cooperation Department of the Iranian Health Ministry")
            ),
        ]
    );
    let first = &article.speakers[0];
    assert_eq!(first.honorifics, vec!["Seyed".to_string()]);
    let saber = &article.speakers[2];
    assert_eq!(saber.mentions.len(), 2, "Majid Saber and Majid Samadzadeh Saber are one person");
    let countries: Vec<Option<&str>> = article.speakers.iter().map(|s| s.country.as_deref()).collect();
    assert_eq!(countries, vec![Some("IR"), Some("KZ"), Some("IR"), Some("KZ"), Some("IR")]);
    let ipis = article
        .organizations
        .iter()
        .find(|o| o.acronym.as_deref() == Some("IPIS"))
        .expect("IPIS is linked to its expansion");
    assert_eq!(ipis.name, "Institute for Political and International Studies");
}
