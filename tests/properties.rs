//! Properties of the public API on generated input, wire-like and arbitrary: parsing never
//! panics, every span is a char-boundary range inside the input, every non-blank line ends up in
//! a paragraph or a front-matter field, and results are deterministic, also across threads.

mod common;

use common::assert_well_formed;
use newswire::{ErrorKind, Parser};
use proptest::prelude::*;
use proptest::sample::select;

/// Parses `text` and checks everything that must hold for any input.
fn check(text: &str) -> Result<(), TestCaseError> {
    match newswire::parse(text) {
        Ok(article) => {
            assert_well_formed(text, &article);
            let again = newswire::parse(text).expect("second parse of the same text");
            prop_assert_eq!(&article, &again, "parsing twice differs");
        }
        Err(e) => {
            prop_assert!(matches!(e.kind(), ErrorKind::Empty | ErrorKind::NotText), "unexpected error {e}");
            prop_assert_eq!(newswire::parse(text).unwrap_err(), e);
        }
    }
    Ok(())
}

fn num(max: u32) -> impl Strategy<Value = u32> {
    0..=max
}

/// Header timestamps in the formats agencies stamp copy with, some of them impossible dates.
fn timestamp() -> impl Strategy<Value = String> {
    let month = select(vec!["January", "Feb", "MAR", "Sept", "December", "Foo", "13"]);
    (num(2100), month, num(33), num(25), num(61), 0..6usize).prop_map(
        |(y, m, d, h, min, style)| match style {
            0 => format!("{y}-{m}-{d} {h}:{min:02}"),
            1 => format!("{d:02}-{}-{y} {h:02}:{min:02}:01.79", m.to_uppercase()),
            2 => format!("Fri {m} {d}, {y} {h}:{min:02}pm EDT"),
            3 => format!("{y}-{:02}-{d:02}T{h:02}:{min:02}:00+03:30", d % 13),
            4 => format!("-- Mon {m} {d}, {y} 11:{min:02}am GMT"),
            _ => format!("Tue, {d} {m} {y} {h:02}:{min:02}:00 +0000"),
        },
    )
}

/// Words in several scripts, with the punctuation wire copy is made of.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(vec![
            "the", "minister", "said", "on", "Tuesday", "talks", "Iran", "Kazakhstan", "grain", "rose",
            "percent", "according", "to", "officials", "told", "reporters", "yesterday", "By", "and",
        ])
        .prop_map(str::to_string),
        2 => select(vec![
            "Müller", "São", "Łódź", "Ελλάδα", "Москва", "طهران", "ירושלים", "北京", "東京", "서울",
            "मुंबई", "กรุงเทพ", "e\u{301}", "👩🏽‍⚕️", "\u{200f}", "\u{a0}", "\u{200b}", "\u{feff}",
        ])
        .prop_map(str::to_string),
        2 => select(vec![
            "\"", "“", "”", "‘", "’", "«", "»", "(", ")", "(AP)", "(FNA)", "/TASS/", "-", "--", "—", "–",
            ",", ".", ":", ";", "...", "'s", "Reuter", "(END)", "-30-", "\0", "\u{7}", "\u{fffd}",
        ])
        .prop_map(str::to_string),
        1 => "[A-Z][a-z]{1,10}",
        1 => "[0-9]{1,4}",
        1 => "\\PC{1,6}",
    ]
}

fn sentence(max_words: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..max_words).prop_map(|w| w.join(" "))
}

fn headline() -> impl Strategy<Value = String> {
    prop::collection::vec("[A-Z][a-z]{2,9}|[A-Z]{2,6}|Iran’s|U\\.S\\.", 2..9).prop_map(|w| w.join(" "))
}

fn dateline() -> impl Strategy<Value = String> {
    let place = select(vec![
        "TEHRAN",
        "NEW YORK",
        "AKRON, Ohio",
        "SAN FRANCISCO/NEW YORK",
        "BEIJING",
        "MOSCOW",
        "Paris",
        "SÃO PAULO",
        "KYIV [Ukraine]",
        "ALMATY",
        "ORTAKÖY",
        "UNITED NATIONS",
    ]);
    let date = select(vec!["", ", Jan. 26", " 1996-08-22", ", March 3", ", 26th January, 2021", ", Sept 31"]);
    let agency = select(vec![
        "",
        " (FNA)",
        " (AP)",
        " (Reuters)",
        " (Xinhua)",
        ". /TASS/.",
        " (Sapa-AFP)",
        " (UNKNOWN)",
    ]);
    let dash = select(vec!["-", " -", " --", " —", " –", ":", "_", ""]);
    (place, date, agency, dash).prop_map(|(p, d, a, s)| format!("{p}{d}{a}{s} "))
}

/// A direct or indirect quote, sometimes unbalanced.
fn quoted() -> impl Strategy<Value = String> {
    (sentence(12), headline(), 0..5usize).prop_map(|(s, name, style)| match style {
        0 => format!("\"{s},\" {name} said."),
        1 => format!("“{s}” said {name}, the minister."),
        2 => format!("According to {name}, {s}."),
        3 => format!("«{s}», {name} told reporters."),
        _ => format!("\"{s} {name} said"),
    })
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![2 => sentence(20), 1 => quoted()], 1..4).prop_map(|s| s.join(" "))
}

/// A line separator, a blank-line separator, or a hard wrap with an indented paragraph start.
fn separator() -> impl Strategy<Value = String> {
    select(vec!["\n\n", "\n", "\r\n\r\n", "\r\r", "\n \t\n", "\n    ", "\n\u{a0}\n", "\n\n\n"])
        .prop_map(str::to_string)
}

/// Wire-like copy: optional header lines, headline, byline, dateline lead, body, sign-off.
fn wire_copy() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(
            prop_oneof![
                timestamp(),
                Just("BC-Talks-Resume,0412".to_string()),
                Just("-- http://example.com/x".to_string())
            ],
            0..4,
        ),
        prop::option::of(headline()),
        prop::option::of(prop_oneof![
            headline().prop_map(|h| format!("By {h}")),
            Just("By Ann Lee and Bo Chan\nAssociated Press Writer".to_string()),
            Just("-- By  Ann Lee".to_string()),
        ]),
        prop::option::of(dateline()),
        prop::collection::vec((paragraph(), separator()), 1..8),
        prop::option::of(select(vec![
            "Reuter",
            "-- Sapa-AFP",
            "(END)",
            "-30-",
            "(Reporting by Ann Lee; Editing by Bo Chan)",
            "AP",
        ])),
    )
        .prop_map(|(header, headline, byline, dateline, body, sign_off)| {
            let mut text = String::new();
            for line in header {
                text.push_str(&line);
                text.push('\n');
            }
            if let Some(h) = headline {
                text.push('\n');
                text.push_str(&h);
                text.push_str("\n\n");
            }
            if let Some(b) = byline {
                text.push_str(&b);
                text.push_str("\n\n");
            }
            if let Some(d) = dateline {
                text.push_str(&d);
            }
            for (p, sep) in body {
                text.push_str(&p);
                text.push_str(&sep);
            }
            if let Some(s) = sign_off {
                text.push_str(s);
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn wire_copy_is_well_formed(text in wire_copy()) {
        check(&text)?;
    }

    #[test]
    fn arbitrary_strings_are_well_formed(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn wire_alphabet_soup_is_well_formed(text in "[A-Za-z0-9 \\n\\r\\t\"“”«»()/.,:;'’—–_\\-\u{a0}\u{200b}\u{feff}é北]{0,300}") {
        check(&text)?;
    }

    #[test]
    fn spliced_wire_copy_is_well_formed(a in wire_copy(), b in wire_copy(), cut in any::<prop::sample::Index>()) {
        // Scraped copy is often cut mid-article and glued to the next one.
        let mut at = cut.index(a.len() + 1);
        while !a.is_char_boundary(at) {
            at -= 1;
        }
        check(&format!("{}{}", &a[..at], b))?;
    }

    #[test]
    fn parse_bytes_agrees_with_parse(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let parser = Parser::new();
        match std::str::from_utf8(&bytes) {
            Ok(text) => prop_assert_eq!(parser.parse_bytes(&bytes), newswire::parse(text)),
            Err(e) => prop_assert_eq!(
                parser.parse_bytes(&bytes).unwrap_err().kind(),
                ErrorKind::InvalidUtf8 { valid_up_to: e.valid_up_to() }
            ),
        }
    }

    #[test]
    fn utf8_of_wire_copy_through_bytes(text in wire_copy()) {
        prop_assert_eq!(Parser::new().parse_bytes(text.as_bytes()), newswire::parse(&text));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn parallel_parses_are_equal(texts in prop::collection::vec(wire_copy(), 1..6)) {
        let parser = Parser::new();
        let expected: Vec<_> = texts.iter().map(|t| parser.parse(t)).collect();
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..4)
                .map(|_| scope.spawn(|| texts.iter().map(|t| parser.parse(t)).collect::<Vec<_>>()))
                .collect();
            for h in handles {
                assert_eq!(h.join().expect("no thread panics"), expected);
            }
        });
        // A fresh parser and the shared default agree too.
        let fresh = Parser::new();
        for (t, e) in texts.iter().zip(&expected) {
            prop_assert_eq!(&fresh.parse(t), e);
            prop_assert_eq!(&newswire::parse(t), e);
        }
    }
}
