//! Hostile input: each gets a typed error or a partial article with its paragraphs, never a panic.
//! (No timing assertions: linear cost is shown by the `scaling` group of `benches/pipeline.rs`.)

mod common;

use common::assert_well_formed;
use newswire::{Article, ErrorKind, Parser};

fn parse_ok(text: &str) -> Article {
    let article = newswire::parse(text).unwrap_or_else(|e| panic!("expected an article, got {e}"));
    assert_well_formed(text, &article);
    article
}

fn kind(text: &str) -> ErrorKind {
    newswire::parse(text).expect_err("expected an error").kind()
}

#[test]
fn empty_and_whitespace_only_are_empty_errors() {
    for text in ["", " ", "\n\n\n", "\r\n\t \r", "\u{a0}\u{2003}\u{3000}", "\u{200b}\u{feff}\n\u{2028}"] {
        assert_eq!(kind(text), ErrorKind::Empty, "{text:?}");
    }
    let err = newswire::parse("  \n ").unwrap_err();
    assert_eq!(err.to_string(), "empty input: no text to parse");
    assert_eq!(Parser::new().parse_bytes(b" \t\n").unwrap_err().kind(), ErrorKind::Empty);
}

#[test]
fn nul_bytes_and_control_characters_in_copy_keep_the_text() {
    let text =
        "LONDON (Reuters) - Markets\0 rose\u{7} on Monday.\u{1b}[0m\n\nTraders\u{0} said\u{8} so.\u{7f}";
    let a = parse_ok(text);
    assert_eq!(a.paragraphs.len(), 2);
    assert!(a.paragraphs[1].text.starts_with("Traders"));
    assert_eq!(a.agency.map(|x| x.code).as_deref(), Some("REUTERS"));
}

#[test]
fn mostly_control_bytes_are_not_text() {
    let junk: String =
        (0u8..32).filter(|b| !b" \t\n\r\x0b\x0c".contains(b)).map(char::from).cycle().take(4096).collect();
    assert_eq!(kind(&junk), ErrorKind::NotText);
    assert_eq!(kind(&"\0".repeat(100_000)), ErrorKind::NotText);
    assert_eq!(kind(&"\u{fffd}".repeat(1000)), ErrorKind::NotText);
    // Bytes read as Latin-1 garbage are still text: a partial result, never an error.
    let latin: String = (0x80u32..0x100).filter_map(char::from_u32).filter(|c| !c.is_control()).collect();
    parse_ok(&latin);
}

/// A long synthetic story of at least `min_bytes`, and its number of paragraphs.
fn long_story(min_bytes: usize) -> (String, usize) {
    let mut s = String::from("2021-January-26 15:05\n\nOfficials Meet On Trade\n\nTEHRAN (FNA)- ");
    let mut paragraphs = 0;
    while s.len() < min_bytes {
        s.push_str(&format!(
            "Paragraph {paragraphs}: the minister said on Tuesday that \"trade will grow\" and officials \
             from both countries agreed, according to a statement, to meet again in Ankara. Analysts in \
             London, Moscow and Beijing said the talks on grain, energy and transport had gone well, and \
             the central bank governor told reporters that rates would stay unchanged. “We expect \
             growth,” she added (Reuters).\n\n"
        ));
        paragraphs += 1;
    }
    (s, paragraphs)
}

#[test]
fn fifty_megabyte_article() {
    let (text, paragraphs) = long_story(50 * 1024 * 1024);
    let a = parse_ok(&text);
    assert_eq!(a.paragraphs.len(), paragraphs);
    assert_eq!(a.headline.map(|h| h.text).as_deref(), Some("Officials Meet On Trade"));
    assert_eq!(a.agency.map(|x| x.code).as_deref(), Some("FNA"));
    let last = a.paragraphs.last().expect("paragraphs");
    assert!(last.text.starts_with(&format!("Paragraph {}:", paragraphs - 1)));
    assert_eq!(last.span.end, text.trim_end().len());
}

#[test]
fn single_ten_megabyte_line() {
    let word = "wire copy without a single line break, ";
    let text = word.repeat(10 * 1024 * 1024 / word.len() + 1);
    let a = parse_ok(&text);
    assert_eq!(a.paragraphs.len(), 1);
    assert_eq!(a.paragraphs[0].span.start, 0);
    assert_eq!(a.paragraphs[0].span.end, text.trim_end().len());
    assert!(a.warnings.iter().any(|w| w.kind == "no_structure"));
}

#[test]
fn a_million_quote_marks() {
    for mark in ["\"", "“", "”", "«", "'", "„"] {
        let text = mark.repeat(1_000_000);
        let a = parse_ok(&text);
        assert_eq!(a.paragraphs.len(), 1, "{mark}");
        assert_eq!(a.paragraphs[0].span.end, text.len());
    }
    // Alternating open and close quotes with words between, as a giant quote-heavy paragraph.
    let text = format!("LONDON (AP) - {}", "“Yes,” he said. ".repeat(200_000));
    let a = parse_ok(&text);
    assert_eq!(a.paragraphs.len(), 1);
    // Unbalanced: a quote opened and never closed.
    let text = format!("PARIS (AFP) - \"{}", "never closed and going on ".repeat(100_000));
    assert_eq!(parse_ok(&text).paragraphs.len(), 1);
}

#[test]
fn a_million_parentheses() {
    for text in [
        "(".repeat(1_000_000),
        ")".repeat(1_000_000),
        "()".repeat(500_000),
        "(".repeat(500_000) + &")".repeat(500_000),
    ] {
        let a = parse_ok(&text);
        assert_eq!(a.paragraphs.len(), 1);
        assert_eq!(a.paragraphs[0].span, newswire::Span::new(0, text.len()));
    }
    // As a dateline lead: the agency marker group never matches, the text stays a paragraph.
    let text = format!("LONDON {} - Markets rose.", "(".repeat(1_000_000));
    assert_eq!(parse_ok(&text).paragraphs.len(), 1);
}

#[test]
fn deeply_repeated_agency_markers() {
    let repeated = "(AP) ".repeat(200_000);
    let a = parse_ok(&repeated);
    assert_eq!(a.paragraphs.len(), 1);

    let text = format!("NEW YORK {repeated}- Stocks fell.");
    let a = parse_ok(&text);
    assert_eq!(a.paragraphs.len(), 1);

    // One marker per line, as a long list of sign-offs.
    let lines = "(AP)\n".repeat(100_000);
    let a = parse_ok(&lines);
    assert!(!a.paragraphs.is_empty());
    // Blocks of markers separated by blank lines: every block is a paragraph or sign-off.
    let blocks = "(AP) (AP) (AP)\n\n".repeat(100_000);
    let a = parse_ok(&blocks);
    assert_eq!(a.paragraphs.len() + a.sign_off.len() + usize::from(a.headline.is_some()), 100_000);
}

/// A line of text in many scripts, each with a sentence-like run.
const SCRIPTS: [&str; 30] = [
    "Les négociations reprendront à Genève, a déclaré la ministre.",
    "Οι συνομιλίες θα συνεχιστούν την Τρίτη, δήλωσε ο υπουργός.",
    "Переговоры возобновятся во вторник, заявил министр.",
    "Բանակցությունները կվերսկսվեն երեքշաբթի։",
    "השיחות יתחדשו ביום שלישי, אמר השר.",
    "وقال الوزير إن المحادثات ستستأنف يوم الثلاثاء.",
    "وزیر گفت مذاکرات روز سه‌شنبه از سر گرفته می‌شود.",
    "ܫܠܡܐ ܥܠܡܐ",
    "ދިވެހި ބަސް",
    "मंत्री ने कहा कि वार्ता मंगलवार को फिर से शुरू होगी।",
    "মন্ত্রী বলেছেন মঙ্গলবার আলোচনা আবার শুরু হবে।",
    "ਮੰਤਰੀ ਨੇ ਕਿਹਾ",
    "મંત્રીએ કહ્યું",
    "அமைச்சர் கூறினார்",
    "మంత్రి చెప్పారు",
    "ಸಚಿವರು ಹೇಳಿದರು",
    "മന്ത്രി പറഞ്ഞു",
    "ඇමතිවරයා පැවසීය",
    "รัฐมนตรีกล่าวว่าการเจรจาจะเริ่มขึ้นอีกครั้งในวันอังคาร",
    "ລັດຖະມົນຕີກ່າວ",
    "ཚོགས་འདུ་",
    "ဝန်ကြီးက ပြောသည်",
    "រដ្ឋមន្ត្រីបាននិយាយ",
    "მინისტრმა განაცხადა",
    "ሚኒስትሩ ተናግረዋል",
    "장관은 화요일에 회담이 재개될 것이라고 말했다.",
    "大臣は火曜日に協議を再開すると述べた。カタカナ",
    "部长说，会谈将于星期二恢复。",
    "ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ ᏣᎳᎩ ᐃᓄᒃᑎᑐᑦ ᚠᚢᚦᚨᚱᚲ",
    "👩🏽‍⚕️ said 🇮🇷🇰🇿 e\u{301}\u{302}\u{303} Z\u{336}a\u{337}l\u{338}g\u{334}o\u{335} 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𒀀𓀀",
];

#[test]
fn unicode_script_samples_as_an_article() {
    let mut text = String::from("Переговоры в Женеве\n\n");
    for (i, line) in SCRIPTS.iter().enumerate() {
        text.push_str(&format!("{}{line}\n\n", ["", "ANKARA (AA) - ", "“", "By "][i % 4]));
    }
    let a = parse_ok(&text);
    assert!(a.paragraphs.len() >= SCRIPTS.len() - 2);
    for script in SCRIPTS {
        let in_output =
            a.paragraphs.iter().chain(&a.header).chain(&a.headline).any(|p| p.text.contains(script))
                || a.authors.iter().any(|x| script.contains(&x.name));
        assert!(
            in_output || a.dateline.as_ref().is_some_and(|d| d.text.contains(script)),
            "{script} was dropped"
        );
    }
}

#[test]
fn every_unicode_scalar_value() {
    // All 1,112,064 scalar values in order, 64 to a line: every script, every combining mark,
    // every control and format character, the private use areas and noncharacters.
    let chars: Vec<char> = (0..=0x10ffffu32).filter_map(char::from_u32).collect();
    let mut text = String::new();
    for chunk in chars.chunks(64) {
        text.extend(chunk.iter().filter(|c| !matches!(c, '\n' | '\r')));
        text.push('\n');
    }
    parse_ok(&text);
    // Each script block on its own also parses.
    for chunk in chars.chunks(4096) {
        let block: String = chunk.iter().collect();
        match newswire::parse(&block) {
            Ok(a) => assert_well_formed(&block, &a),
            Err(e) => assert!(matches!(e.kind(), ErrorKind::Empty | ErrorKind::NotText), "{e}"),
        }
    }
}

#[test]
fn right_to_left_text_with_bidi_controls() {
    let text = "\u{202b}طهران (فارس) - قال الوزير إن المحادثات ستستأنف.\u{202c}\n\n\
                \u{200f}«المحادثات مثمرة»، قال المتحدث.\u{200e} (AP)\n\n\
                \u{202e}LONDON (Reuters) - reversed\u{202c} \u{2067}שלום\u{2069}\n\n\
                ירושלים (AP) - השר אמר.";
    let a = parse_ok(text);
    assert_eq!(a.paragraphs.len() + a.sign_off.len() + usize::from(a.headline.is_some()), 4);
    assert!(a.paragraphs.iter().any(|p| p.text.contains("قال المتحدث")));
}

#[test]
fn invalid_utf8_is_a_typed_error() {
    let parser = Parser::new();
    let cases: [(&[u8], usize); 7] = [
        (b"abc\xff", 3),
        (b"\x80", 0),
        (b"TEHRAN (FNA)- \xc3", 14),
        (b"ok \xe2\x80", 3),
        (b"\xed\xa0\x80 surrogate", 0),
        (b"\xc0\xaf overlong", 0),
        (b"\xf4\x90\x80\x80 beyond U+10FFFF", 0),
    ];
    for (bytes, valid_up_to) in cases {
        let err = parser.parse_bytes(bytes).expect_err("invalid utf-8");
        assert_eq!(err.kind(), ErrorKind::InvalidUtf8 { valid_up_to }, "{bytes:?}");
        assert!(err.to_string().contains(&format!("offset {valid_up_to}")));
    }
    let mut big = long_story(100_000).0.into_bytes();
    big.push(0xfe);
    let at = big.len() - 1;
    assert_eq!(parser.parse_bytes(&big).unwrap_err().kind(), ErrorKind::InvalidUtf8 { valid_up_to: at });
    // Valid bytes parse as the same text.
    let text = "ROME (ANSA) - Il ministro ha parlato.";
    assert_eq!(parser.parse_bytes(text.as_bytes()).unwrap(), newswire::parse(text).unwrap());
}

#[test]
fn configurable_size_limit() {
    let parser = Parser::builder().max_input_bytes(1000).build();
    assert_eq!(parser.max_input_bytes(), 1000);
    let text = "a".repeat(1000);
    assert!(parser.parse(&text).is_ok());
    let over = "a".repeat(1001);
    let err = parser.parse(&over).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TooLarge { size: 1001, limit: 1000 });
    assert_eq!(err.to_string(), "input too large: 1001 bytes exceeds the limit of 1000 bytes");
    assert_eq!(
        parser.parse_bytes(over.as_bytes()).unwrap_err().kind(),
        ErrorKind::TooLarge { size: 1001, limit: 1000 }
    );
    // The limit is checked before anything else: an oversized blank or invalid input is TooLarge.
    assert!(matches!(parser.parse(&" ".repeat(2000)).unwrap_err().kind(), ErrorKind::TooLarge { .. }));
    let mut bad = vec![b'a'; 2000];
    bad[0] = 0xff;
    assert!(matches!(parser.parse_bytes(&bad).unwrap_err().kind(), ErrorKind::TooLarge { .. }));
    // The default allows 64 MiB.
    assert_eq!(Parser::new().max_input_bytes(), newswire::DEFAULT_MAX_INPUT_BYTES);
    assert_eq!(newswire::DEFAULT_MAX_INPUT_BYTES, 64 * 1024 * 1024);
    // A zero limit rejects everything.
    let zero = Parser::builder().max_input_bytes(0).build();
    assert_eq!(zero.parse("x").unwrap_err().kind(), ErrorKind::TooLarge { size: 1, limit: 0 });
}

#[test]
fn many_tiny_blocks_and_lines() {
    // A million short lines, and half a million blank-separated blocks: linear layout and body.
    let lines = "x\n".repeat(1_000_000);
    let a = parse_ok(&lines);
    assert_eq!(a.paragraphs.len(), 1);
    let blocks = "word\n\n".repeat(500_000);
    let a = parse_ok(&blocks);
    assert_eq!(a.paragraphs.len() + a.sign_off.len() + usize::from(a.headline.is_some()), 500_000);
    let crlf = "line\r\n\r\n\r".repeat(300_000);
    parse_ok(&crlf);
}

#[test]
fn long_header_and_byline_runs() {
    let mut text = "2021-January-26 15:05\n".repeat(50_000);
    text.push_str(&"By Ann Lee and Bo Chan\n".repeat(50_000));
    text.push_str("\nBody text here.");
    let a = parse_ok(&text);
    assert!(a.published.is_some());
    assert!(a.paragraphs.iter().any(|p| p.text == "Body text here."));
}

/// Inputs that once crashed the parser or lost a line (found by fuzzing and the property tests),
/// one file each in tests/fixtures/regressions/, read as raw bytes.
#[test]
fn regressions() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("regressions folder") {
        let path = entry.expect("directory entry").path();
        let bytes = std::fs::read(&path).expect("readable fixture");
        match Parser::new().parse_bytes(&bytes) {
            Ok(a) => assert_well_formed(std::str::from_utf8(&bytes).expect("parsed, so utf-8"), &a),
            Err(e) => assert!(
                matches!(e.kind(), ErrorKind::Empty | ErrorKind::NotText | ErrorKind::InvalidUtf8 { .. }),
                "{}: {e}",
                path.display()
            ),
        }
        seen += 1;
    }
    assert!(seen >= 3, "the regression fixtures are missing");
}

#[test]
fn repetitive_names_quotes_and_dates_in_one_paragraph() {
    // Every later stage (speakers, quotes, dates, topics, keyphrases) sees thousands of hits in
    // one paragraph: the result must still come back whole.
    let sentence =
        "“We will act,” said Foreign Minister Ann Lee of the Trade Ministry (TM) on Tuesday in Paris. ";
    let text = format!("LONDON (Reuters) - {}", sentence.repeat(20_000));
    let a = parse_ok(&text);
    assert_eq!(a.paragraphs.len(), 1);
    assert_eq!(a.paragraphs[0].span.end, text.trim_end().len());
    let names: String = (0..20_000).map(|i| format!("Person{i} Surname{i} said. ")).collect();
    let a = parse_ok(&names);
    assert_eq!(a.paragraphs.len(), 1);
}
