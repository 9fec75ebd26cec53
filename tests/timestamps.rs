//! Header timestamps from `tests/fixtures/timestamps.toml`, parsed end to end, and the agency's
//! home zone given to times written without one.

use chrono::{FixedOffset, NaiveDateTime};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Fixtures {
    case: Vec<Case>,
    reject: Vec<Reject>,
}

#[derive(Debug, Deserialize)]
struct Case {
    line: String,
    local: String,
    offset: Option<String>,
    zone: Option<String>,
    #[serde(default)]
    seconds: bool,
}

#[derive(Debug, Deserialize)]
struct Reject {
    line: String,
}

fn fixtures() -> Fixtures {
    toml::from_str(include_str!("fixtures/timestamps.toml")).expect("fixtures/timestamps.toml is valid")
}

/// A short article under the header line, with no agency credit (so no zone is inferred).
fn article(line: &str) -> String {
    format!("{line}\n\nCouncil approves budget\n\nThe city council approved the budget after a long debate.")
}

#[test]
fn every_case() {
    let mut failures = Vec::new();
    for case in fixtures().case {
        let text = article(&case.line);
        let parsed = newswire::parse(&text).expect("parses");
        let Some(ts) = parsed.published else {
            failures.push(format!("{:?}: no timestamp", case.line));
            continue;
        };
        let local: NaiveDateTime = case.local.parse().expect("fixture local time");
        let offset: Option<FixedOffset> = case.offset.as_deref().map(|o| o.parse().expect("fixture offset"));
        if ts.local != local || ts.offset != offset || ts.has_seconds != case.seconds || ts.zone_inferred {
            failures.push(format!(
                "{:?}: got {} {:?} seconds={} inferred={}",
                case.line, ts.local, ts.offset, ts.has_seconds, ts.zone_inferred
            ));
        }
        if case.zone.is_some() && ts.zone != case.zone {
            failures.push(format!("{:?}: zone {:?}, expected {:?}", case.line, ts.zone, case.zone));
        }
        if !case.line.contains(&ts.text) || ts.span.slice(&text) != ts.text {
            failures.push(format!("{:?}: text {:?} does not match its span", case.line, ts.text));
        }
    }
    for reject in fixtures().reject {
        let parsed = newswire::parse(&article(&reject.line)).expect("parses");
        if let Some(ts) = parsed.published {
            failures.push(format!("{:?}: read as timestamp {}", reject.line, ts.local));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn naive_times_take_the_agency_home_zone() {
    let text = "2021-January-26 15:05\n2020-November-25  14:25\n\nScholars meet online\n\nTEHRAN (FNA)- Scholars from two countries met in a webinar on Tuesday.";
    let article = newswire::parse(text).unwrap();
    let published = article.published.expect("published");
    assert_eq!(published.local.to_string(), "2020-11-25 14:25:00");
    assert!(published.zone_inferred);
    assert_eq!(published.zone.as_deref(), Some("Asia/Tehran"));
    assert_eq!(published.offset, "+03:30".parse().ok());
    let updated = article.updated.expect("updated");
    assert_eq!(updated.local.to_string(), "2021-01-26 15:05:00");
}

#[test]
fn a_written_zone_is_never_replaced() {
    let text =
        "26 January 2021 15:05 GMT\n\nScholars meet online\n\nTEHRAN (FNA)- Scholars met in a webinar.";
    let published = newswire::parse(text).unwrap().published.expect("published");
    assert!(!published.zone_inferred);
    assert_eq!(published.offset, "+00:00".parse().ok());
}
