//! The share of control characters that makes input `NotText`: more than a quarter of its
//! characters, counting ASCII and C1 controls (but blanks and NEL) and U+FFFD.

use newswire::ErrorKind;

fn is_text(text: &str) -> bool {
    match newswire::parse(text) {
        Ok(_) => true,
        Err(e) if e.kind() == ErrorKind::NotText => false,
        Err(e) => panic!("unexpected error {e} for {text:?}"),
    }
}

#[test]
fn a_quarter_of_control_characters_is_still_text() {
    assert!(is_text("\u{1}bcd"));
    assert!(is_text("\u{80}bcd"));
    assert!(is_text("\u{fffd}bcd"));
    assert!(is_text("\u{7f}éüd"));
}

#[test]
fn more_than_a_quarter_is_not_text() {
    assert!(!is_text("\u{1}\u{1f}cd"));
    assert!(!is_text("\u{80}\u{9f}cd"));
    assert!(!is_text("\u{fffd}bc"));
    assert!(!is_text("\u{7f}\u{1c}éü"));
}

#[test]
fn blanks_and_next_line_are_not_control_characters() {
    assert!(is_text("\t\n\u{b}\u{c}\r\u{85}\u{85}\u{85}ab"));
    assert!(is_text("\u{85}\u{85}\u{a0}\u{a0}a"));
}
