//! The reference article (examples/fna-webinar.txt) parsed end to end.

use chrono::NaiveDate;
use newswire::{AgencyEvidence, Article};

fn reference() -> (String, Article) {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/fna-webinar.txt"))
        .expect("reference article is bundled");
    let article = newswire::parse(&text).expect("reference article parses");
    (text, article)
}

#[test]
fn headline_agency_and_dateline() {
    let (text, a) = reference();
    let headline = a.headline.expect("headline");
    assert_eq!(headline.text, "Iranian, Kazakh Scholars Discuss Further Cooperation");
    assert_eq!(headline.span.slice(&text), headline.text);

    let agency = a.agency.expect("agency");
    assert_eq!((agency.code.as_str(), agency.name.as_str()), ("FNA", "Fars News Agency"));
    assert_eq!(agency.country.as_deref(), Some("IR"));
    assert_eq!(agency.evidence, AgencyEvidence::Dateline);
    assert_eq!(agency.span.slice(&text), "FNA");

    let dateline = a.dateline.expect("dateline");
    assert_eq!((dateline.city.as_str(), dateline.country.as_deref()), ("Tehran", Some("IR")));
    assert_eq!(dateline.span.slice(&text), "TEHRAN (FNA)-");
}

#[test]
fn published_is_the_earlier_timestamp_with_inferred_home_zone() {
    let (_, a) = reference();
    let published = a.published.expect("published");
    assert_eq!(published.local.to_string(), "2020-11-25 14:25:00");
    assert!(published.zone_inferred);
    assert_eq!(published.zone.as_deref(), Some("Asia/Tehran"));
    assert_eq!(published.offset.map(|o| o.local_minus_utc()), Some(3 * 3600 + 1800));
    let updated = a.updated.expect("updated");
    assert_eq!(updated.local.to_string(), "2021-01-26 15:05:00");
}

#[test]
fn ten_body_paragraphs_in_order() {
    let (text, a) = reference();
    assert_eq!(a.paragraphs.len(), 10);
    assert!(a.paragraphs[0].text.starts_with("TEHRAN (FNA)- Iranian and Kazakh thinkers"));
    assert!(a.paragraphs[9].text.starts_with("The two parties also exchanged views"));
    assert!(a.paragraphs.windows(2).all(|w| w[0].span.end < w[1].span.start));
    for p in &a.paragraphs {
        assert_eq!(p.span.slice(&text).trim(), p.text);
    }
}

#[test]
fn on_tuesday_resolves_against_publication() {
    let (_, a) = reference();
    let tuesday = NaiveDate::from_ymd_opt(2020, 11, 24);
    let on_tuesday: Vec<_> = a.dates.iter().filter(|d| d.text.eq_ignore_ascii_case("on Tuesday")).collect();
    assert_eq!(on_tuesday.len(), 2);
    assert!(on_tuesday.iter().all(|d| d.date == tuesday));
}

#[test]
fn parser_is_send_sync_and_reusable() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<newswire::Parser>();
    let (text, a) = reference();
    let parser = newswire::Parser::new();
    let results: Vec<Article> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2).map(|_| s.spawn(|| parser.parse(&text).unwrap())).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(results.iter().all(|r| *r == a));
}

#[test]
fn serializes_to_json_and_back() {
    let (_, a) = reference();
    let json = serde_json::to_string(&a).unwrap();
    let back: Article = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a);
}
