//! Agency detection and the agency registry, driven by `tests/fixtures/agencies.toml`.

use std::collections::HashSet;

use newswire::registry::{AgencyEntry, Registry};
use newswire::{AgencyEvidence, Parser};
use serde::Deserialize;

#[path = "common/cases.rs"]
mod cases;

#[derive(Deserialize)]
struct Case {
    name: String,
    input: String,
    agency: Option<String>,
    evidence: Option<String>,
    cited: Option<Vec<String>>,
}

fn evidence_name(evidence: AgencyEvidence) -> &'static str {
    match evidence {
        AgencyEvidence::Dateline => "dateline",
        AgencyEvidence::SignOff => "sign_off",
        AgencyEvidence::Credit => "credit",
        AgencyEvidence::Header => "header",
        AgencyEvidence::Cited => "cited",
        _ => "other",
    }
}

#[test]
fn fixture_cases() {
    let fixture: Vec<Case> = cases::load("fixtures/agencies.toml", include_str!("fixtures/agencies.toml"));
    let mut failures = Vec::new();
    for case in &fixture {
        let article = newswire::parse(&case.input).expect("synthetic copy parses");
        let got = article.agency.as_ref().map(|a| a.code.as_str());
        if got != case.agency.as_deref() {
            failures.push(format!("{}: agency {got:?}, want {:?}", case.name, case.agency));
            continue;
        }
        if let (Some(want), Some(agency)) = (&case.evidence, &article.agency)
            && evidence_name(agency.evidence) != want
        {
            failures.push(format!("{}: evidence {:?}, want {want}", case.name, agency.evidence));
        }
        if let Some(agency) = &article.agency {
            assert_eq!(agency.span.slice(&case.input), agency.marker, "{}: marker and span agree", case.name);
        }
        if let Some(want) = &case.cited {
            let got: Vec<&str> = article.cited_agencies.iter().map(|a| a.code.as_str()).collect();
            if got != *want {
                failures.push(format!("{}: cited {got:?}, want {want:?}", case.name));
            }
            assert!(article.cited_agencies.iter().all(|a| a.evidence == AgencyEvidence::Cited));
        }
    }
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn fixture_covers_at_least_forty_agencies() {
    let fixture: Vec<Case> = cases::load("fixtures/agencies.toml", include_str!("fixtures/agencies.toml"));
    let codes: HashSet<&str> = fixture
        .iter()
        .flat_map(|c| c.agency.iter().map(String::as_str).chain(c.cited.iter().flatten().map(String::as_str)))
        .collect();
    assert!(codes.len() >= 40, "only {} agencies covered", codes.len());
}

#[test]
fn registry_is_worldwide_and_consistent() {
    let registry = Registry::embedded();
    let agencies = &registry.agencies;
    assert!(agencies.len() >= 150, "{} agencies", agencies.len());
    let countries: HashSet<&str> = agencies.iter().filter_map(|a| a.country.as_deref()).collect();
    assert!(countries.len() >= 90, "{} countries", countries.len());
    let mut codes = HashSet::new();
    for entry in agencies.iter() {
        assert!(codes.insert(entry.code.as_str()), "duplicate code {}", entry.code);
        assert_eq!(entry.code, entry.code.to_uppercase(), "code {} is upper case", entry.code);
        assert!(entry.timezone.is_some(), "{} has a home time zone", entry.code);
        assert_eq!(agencies.lookup(&entry.code).map(|e| &e.code), Some(&entry.code));
    }
    for (marker, code) in [
        ("Reuter", "REUTERS"),
        ("Itar-Tass", "TASS"),
        ("Xinhau", "XINHUA"),
        ("Interfax-AVN", "INTERFAX"),
        ("ACAN-EFE", "EFE"),
        ("Sapa-AFP", "AFP"),
        ("Sapa", "SAPA"),
        ("N.Y. Times News Service", "NYT"),
        ("Agencia Brasil - ABr", "ABR"),
        ("Interfax-Kazakhstan", "INTERFAX"),
    ] {
        assert_eq!(agencies.resolve_marker(marker).map(|e| e.code.as_str()), Some(code), "{marker}");
    }
}

const USER_AGENCY: &str = r#"
[[agency]]
code = "ZNA"
name = "Zembla News Agency"
country = "NZ"
city = "Wellington"
timezone = "Pacific/Auckland"
aliases = ["Zembla News"]
"#;

#[test]
fn user_added_agency_from_toml_is_detected() {
    let text = "WELLINGTON, May 3 (ZNA) -- The harbour bridge reopened after repairs.";
    assert!(newswire::parse(text).unwrap().agency.is_none(), "unknown before it is added");
    let parser = Parser::builder().agencies_toml(USER_AGENCY).expect("valid toml").build();
    let agency = parser.parse(text).unwrap().agency.expect("credited");
    assert_eq!((agency.code.as_str(), agency.name.as_str()), ("ZNA", "Zembla News Agency"));
    assert_eq!(agency.evidence, AgencyEvidence::Dateline);
    let cited = parser.parse("WELLINGTON - Ferries resumed, Zembla News reported.").unwrap();
    assert!(cited.agency.is_none());
    assert_eq!(cited.cited_agencies[0].code, "ZNA");
}

#[test]
fn user_added_agency_from_code_is_detected_and_can_override() {
    let mut entry = AgencyEntry::new("QWIRE", "Quill Wire");
    entry.aliases.push("Quill".to_string());
    let parser = Parser::builder().agency(entry).expect("valid entry").build();
    let article = parser.parse("OSLO, May 3 (Quill) - The fjord ferry added a night crossing.").unwrap();
    assert_eq!(article.agency.map(|a| a.code).as_deref(), Some("QWIRE"));
    let sign_off = parser.parse("OSLO - The fjord ferry added a night crossing.\n\n-- Quill").unwrap();
    assert_eq!(sign_off.agency.map(|a| a.code).as_deref(), Some("QWIRE"));

    let renamed =
        Parser::builder().agency(AgencyEntry::new("AP", "Associated Press (test)")).unwrap().build();
    let article = renamed.parse("DENVER (AP) _ Snow closed the mountain passes.").unwrap();
    assert_eq!(article.agency.map(|a| a.name).as_deref(), Some("Associated Press (test)"));
}

#[test]
fn rejects_bad_user_data() {
    assert!(Parser::builder().agencies_toml("[[agency]]\ncode = \"X\"\n").is_err());
    assert!(Parser::builder().agency(AgencyEntry::new(" ", "Nameless")).is_err());
}
