//! Authors from bylines and credit lines, driven by `tests/fixtures/bylines.toml`.

use newswire::AuthorRole;
use serde::Deserialize;

#[path = "common/cases.rs"]
mod cases;

#[derive(Deserialize)]
struct Case {
    name: String,
    input: String,
    writers: Vec<String>,
    #[serde(default)]
    reporters: Vec<String>,
    #[serde(default)]
    editors: Vec<String>,
}

#[test]
fn fixture_cases() {
    let fixture: Vec<Case> = cases::load("fixtures/bylines.toml", include_str!("fixtures/bylines.toml"));
    let mut failures = Vec::new();
    for case in &fixture {
        let article = newswire::parse(&case.input).expect("synthetic copy parses");
        for author in &article.authors {
            assert_eq!(author.span.slice(&case.input), author.name, "{}: name and span agree", case.name);
        }
        let with_role = |role: AuthorRole| -> Vec<String> {
            article.authors.iter().filter(|a| a.role == role).map(|a| a.name.clone()).collect()
        };
        for (role, want) in [
            (AuthorRole::Writer, &case.writers),
            (AuthorRole::Reporter, &case.reporters),
            (AuthorRole::Editor, &case.editors),
        ] {
            let got = with_role(role);
            if got != *want {
                failures.push(format!("{}: {role:?} {got:?}, want {want:?}", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}
