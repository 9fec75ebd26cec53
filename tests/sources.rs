//! Organisations and groups as sources of reported speech, as data: tests/fixtures/sources.toml.

use serde::Deserialize;

#[path = "common/cases.rs"]
mod cases;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    input: String,
    sources: Option<usize>,
    #[serde(default)]
    source: Vec<SourceCase>,
    #[serde(default)]
    person_quote: Vec<PersonQuote>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceCase {
    name: String,
    kind: String,
    quotes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonQuote {
    speaker: String,
    text: String,
}

#[test]
fn sources() {
    let cases: Vec<Case> = cases::load("fixtures/sources.toml", include_str!("fixtures/sources.toml"));
    let parser = newswire::Parser::new();
    let mut failures = Vec::new();
    for case in &cases {
        let article = parser.parse(&case.input).expect("case input parses");
        let found: Vec<(String, String, Vec<String>)> = article
            .sources
            .iter()
            .map(|s| {
                let kind = serde_json::to_value(s.kind).ok().and_then(|v| v.as_str().map(str::to_string));
                (s.name.clone(), kind.unwrap_or_default(), s.quotes.iter().map(|q| q.text.clone()).collect())
            })
            .collect();
        if let Some(n) = case.sources
            && found.len() != n
        {
            failures.push(format!("{}: {} sources, expected {n}: {found:?}", case.name, found.len()));
        }
        for want in &case.source {
            let ok = found.iter().any(|(name, kind, quotes)| {
                name == &want.name && kind == &want.kind && quotes == &want.quotes
            });
            if !ok {
                failures.push(format!(
                    "{}: missing source {:?} {:?}; got {found:?}",
                    case.name, want.name, want.quotes
                ));
            }
        }
        for want in &case.person_quote {
            let ok = article.quotes().iter().any(|(s, q)| s.name == want.speaker && q.text == want.text);
            if !ok {
                failures.push(format!("{}: {} should say {:?}", case.name, want.speaker, want.text));
            }
        }
        // Spans point at what they say.
        for s in &article.sources {
            for q in &s.quotes {
                if q.span.slice(&case.input).is_empty() {
                    failures.push(format!("{}: empty span for {:?}", case.name, q.text));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
