//! Quotes and who said them, as data: tests/fixtures/quotes.toml.

use serde::Deserialize;

#[path = "common/cases.rs"]
mod cases;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    input: String,
    /// Quotes that must come out, each with its speaker and exact text.
    #[serde(default)]
    quote: Vec<Expected>,
    /// Texts no speaker (person, organisation or group) may be reported as saying.
    #[serde(default)]
    absent: Vec<String>,
    /// Quotes that must come out attributed to an organisation or group.
    #[serde(default)]
    source_quote: Vec<Expected>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    speaker: String,
    text: String,
}

#[test]
fn quotes() {
    let cases: Vec<Case> = cases::load("fixtures/quotes.toml", include_str!("fixtures/quotes.toml"));
    let parser = newswire::Parser::new();
    let mut failures = Vec::new();
    for case in &cases {
        let article = parser.parse(&case.input).expect("case input parses");
        let found: Vec<(String, String)> =
            article.quotes().iter().map(|(s, q)| (s.name.clone(), q.text.clone())).collect();
        for want in &case.quote {
            if !found.iter().any(|(s, t)| s == &want.speaker && t == &want.text) {
                failures.push(format!(
                    "{}: {} should say {:?}; got {found:?}",
                    case.name, want.speaker, want.text
                ));
            }
        }
        for want in &case.source_quote {
            let said = article
                .sources
                .iter()
                .any(|s| s.name == want.speaker && s.quotes.iter().any(|q| q.text == want.text));
            if !said {
                let got: Vec<(&str, Vec<&str>)> = article
                    .sources
                    .iter()
                    .map(|s| (s.name.as_str(), s.quotes.iter().map(|q| q.text.as_str()).collect()))
                    .collect();
                failures.push(format!(
                    "{}: source {} should say {:?}; got {got:?}",
                    case.name, want.speaker, want.text
                ));
            }
        }
        for text in &case.absent {
            if let Some((s, _)) = found.iter().find(|(_, t)| t == text) {
                failures.push(format!("{}: {s} should not say {text:?}", case.name));
            }
            if let Some(s) = article.sources.iter().find(|s| s.quotes.iter().any(|q| &q.text == text)) {
                failures.push(format!("{}: source {} should not say {text:?}", case.name, s.name));
            }
        }
        // Every span points at its text's first word.
        for (_, q) in article.quotes() {
            let at = q.span.slice(&case.input);
            let first = q.text.split_whitespace().next().unwrap_or("");
            if !at.starts_with(first) {
                failures.push(format!("{}: span {at:?} does not start with {first:?}", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
