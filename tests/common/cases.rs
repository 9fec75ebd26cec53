//! The `[[case]]` tables of a data-driven test fixture (`tests/fixtures/*.toml`), for the test
//! files that include this module with `#[path = "common/cases.rs"] mod cases;`.

use serde::de::DeserializeOwned;

#[derive(serde::Deserialize)]
struct Fixture<T> {
    case: Vec<T>,
}

/// Every case of the fixture `file` (its text in `toml_text`); panics naming the file when the
/// fixture is not valid.
pub fn load<T: DeserializeOwned>(file: &str, toml_text: &str) -> Vec<T> {
    match toml::from_str::<Fixture<T>>(toml_text) {
        Ok(fixture) => fixture.case,
        Err(e) => panic!("{file} is not a valid fixture: {e}"),
    }
}
