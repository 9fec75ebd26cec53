//! Whole-article layouts as data: tests/fixtures/layouts.toml.

use serde::Deserialize;

#[path = "common/cases.rs"]
mod cases;

#[derive(Deserialize)]
struct Case {
    name: String,
    input: String,
    headline: Option<String>,
    paragraphs: usize,
    first: Option<String>,
    last: Option<String>,
    published: Option<String>,
    updated: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
    #[serde(default)]
    sign_off: Vec<String>,
    #[serde(default)]
    header: usize,
}

#[test]
fn layouts() {
    let cases: Vec<Case> = cases::load("fixtures/layouts.toml", include_str!("fixtures/layouts.toml"));
    let parser = newswire::Parser::new();
    for case in cases {
        let name = &case.name;
        let a = parser.parse(&case.input).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            a.headline.as_ref().map(|h| h.text.as_str()),
            case.headline.as_deref(),
            "{name}: headline"
        );
        let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts.len(), case.paragraphs, "{name}: paragraphs {texts:#?}");
        if let Some(first) = &case.first {
            assert!(texts[0].starts_with(first.as_str()), "{name}: first paragraph {:?}", texts[0]);
        }
        if let Some(last) = &case.last {
            assert!(texts[texts.len() - 1].starts_with(last.as_str()), "{name}: last paragraph");
        }
        let local = |t: &Option<newswire::Timestamp>| t.as_ref().map(|t| t.local.to_string());
        assert_eq!(local(&a.published), case.published, "{name}: published");
        assert_eq!(local(&a.updated), case.updated, "{name}: updated");
        let authors: Vec<&str> = a.authors.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(authors, case.authors, "{name}: authors");
        let sign_off: Vec<&str> = a.sign_off.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(sign_off, case.sign_off, "{name}: sign-off");
        assert_eq!(a.header.len(), case.header, "{name}: header lines {:?}", a.header);
    }
}
