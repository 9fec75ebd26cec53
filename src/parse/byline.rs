//! Byline: who wrote the story — `By A and B`, `-- By A, B`, `A, Associated Press Writer`,
//! `A and B, Reuters`, a bare name line between headline and dateline (`Jane Roe` above
//! `LONDON 1996-08-22`) — and the credit lines `(Reporting by A; Editing by B)`.
//!
//! Job titles, desks and story labels are not names: `By Ann Lee, European Investment
//! Correspondent`, `By Ann Lee - Analysis`, `By Ann Lee in Paris` all give `Ann Lee`.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::Lines;
use crate::article::{Author, AuthorRole, Span, Text};
use crate::registry::Registry;

/// `By A and B`, `BY A`, `by A`.
static BY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:By|BY|by)[:\s]\s*(\S.*)$").expect("valid regex"));

/// `Jane Doe, Associated Press Writer`, `A and B, Reuters`, `AP Business Writer`.
static WRITER_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<name>[^,]{3,80}),\s+)?(?:(?:The\s+)?Associated\s+Press|AP|Reuters|AFP|Agence\s+France-Presse|Xinhua|UPI|Bloomberg(?:\s+News)?|Dow\s+Jones)(?:\s+(?:Staff|Business|Sports|Science|Medical|Political|Diplomatic|National|Special|Legal|Economics|Entertainment|Religion|Technology|Education|Health|Energy|Military|Aerospace|Auto|Labor|Farm|Food|Travel|Fashion|Music|Movie|Television|Film|Art|Drama|Chief|Senior|Regional|White\s+House|Pentagon|Congressional|Supreme\s+Court|Writer|Writers|Correspondent|Correspondents|Reporter|Reporters|Editor|Editors|Columnist|Critic|Analyst))*$",
    )
    .expect("valid regex")
});

/// The agency words one of which every [`WRITER_TITLE`] holds: lines without any (most) skip
/// that regex, whose optional name part makes it slow to rule out.
static WRITER_TITLE_AGENCIES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(["Associated", "AP", "Reuters", "AFP", "Agence", "Xinhua", "UPI", "Bloomberg", "Dow"])
        .expect("valid patterns")
});

/// `Reporting by A and B; Editing by C`, `Additional reporting by A`, `Writing by A`.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(additional\s+reporting|reporting|writing|editing|compiled|edited|written)\s+(?:by:?\s+)?([^;)]+)")
        .expect("valid regex")
});

/// A story label after the names: `- Analysis`, `-Analysis`, `— Special Report`.
static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+(?:-|–|—)\s*\p{Lu}[\p{L} &]{1,30}$").expect("valid regex"));

/// A short place line ending in an ISO date: `AL-RAM, West Bank 1996-08-30`.
static ISO_DATE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Lu}[^\n]{1,60}\s\d{4}-\d{2}-\d{2}$").expect("valid regex"));

/// Where a name ends and its location or employer begins: `Ann Lee in Paris`, `Bo Chan of Reuters`.
static AFFILIATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+(?:in|of|at|for|from|with)\s+\S.*$").expect("valid regex"));

/// Words that make a byline piece a job title, a desk or an organisation rather than a name.
const NOT_NAMES: [&str; 31] = [
    "Writer",
    "Writers",
    "Correspondent",
    "Correspondents",
    "Reporter",
    "Reporters",
    "Editor",
    "Editors",
    "Editorial",
    "Columnist",
    "Critic",
    "Analyst",
    "Analysis",
    "Staff",
    "Press",
    "News",
    "Service",
    "Services",
    "Newswire",
    "Newswires",
    "Agency",
    "Bureau",
    "Special",
    "Contributor",
    "Contributors",
    "America",
    "Europe",
    "Asia",
    "The",
    "Associated",
    "Reuters",
];

/// Lower-case particles inside names: `Pedro da Costa`, `Geert de Clercq`, `Ludwig van Beethoven`.
const PARTICLES: [&str; 24] = [
    "da", "de", "del", "della", "der", "den", "di", "do", "dos", "das", "du", "van", "von", "ten", "ter",
    "op", "zu", "bin", "ibn", "al", "el", "la", "le", "y",
];

/// Generational suffixes kept with the name: `Alberto Alerigi Jr`.
const SUFFIXES: [&str; 4] = ["Jr", "Sr", "II", "III"];

/// True when `line` is a byline.
pub fn is_byline(line: &str) -> bool {
    if line.len() >= 200 {
        return false;
    }
    // A bare agency name (`Reuters`) is a credit, not a byline; a desk title (`AP Sports Writer`) is.
    BY.is_match(line)
        || WRITER_TITLE_AGENCIES.is_match(line)
            && WRITER_TITLE.captures(line.trim()).is_some_and(|c| {
                c.name("name").is_some() || line.split_whitespace().any(|w| NOT_NAMES.contains(&w))
            })
}

/// Takes byline lines from the front of `lines` and returns their authors, after those of the
/// header's byline fields. A bare name line (`Jane Roe`) counts only when a dateline follows it.
pub fn take(lines: &mut Lines<'_>, header_bylines: &[Text]) -> Vec<Author> {
    let mut authors = Vec::new();
    for field in header_bylines {
        push_new(&mut authors, names_in_byline(lines.text, field.span));
    }
    while let Some(line) = lines.line() {
        let raw = line.span.slice(lines.text);
        if is_byline(raw) {
            push_new(&mut authors, names_in_byline(lines.text, line.span));
        } else if is_bare_name_line(raw) && lines.peek_at(1).is_some_and(is_dateline_line) {
            let names = split_names(raw, line.span.start, AuthorRole::Writer);
            if names.is_empty() {
                break;
            }
            push_new(&mut authors, names);
        } else {
            break;
        }
        lines.take();
    }
    authors
}

/// True when a byline starts at the untaken line `ahead` positions on: a byline, or a bare name
/// line with a dateline after it (`Jane Roe` above `LONDON 1996-08-22`).
pub fn starts_at(lines: &Lines<'_>, ahead: usize) -> bool {
    lines.peek_at(ahead).is_some_and(|line| {
        is_byline(line) || (is_bare_name_line(line) && lines.peek_at(ahead + 1).is_some_and(is_dateline_line))
    })
}

/// Adds the authors in `new` whose name and role are not there yet.
fn push_new(authors: &mut Vec<Author>, new: Vec<Author>) {
    for author in new {
        if !authors.iter().any(|a| a.role == author.role && a.name.eq_ignore_ascii_case(&author.name)) {
            authors.push(author);
        }
    }
}

/// Authors named in the byline at `span`.
fn names_in_byline(text: &str, span: Span) -> Vec<Author> {
    let line = span.slice(text);
    let line_trimmed = line.trim_end();
    let (list, at) = if let Some(c) = BY.captures(line_trimmed) {
        let m = c.get(1).expect("group 1 always takes part");
        (m.as_str(), span.start + m.start())
    } else if let Some(m) = WRITER_TITLE.captures(line_trimmed.trim_start()).and_then(|c| c.name("name")) {
        let lead = line_trimmed.len() - line_trimmed.trim_start().len();
        (m.as_str(), span.start + lead + m.start())
    } else {
        return Vec::new();
    };
    split_names(list, at, AuthorRole::Writer)
}

/// A short line of two to four capitalised words that can only be a name: no digits, no
/// punctuation but `.`, `'`, `-`, no job title or organisation word.
fn is_bare_name_line(line: &str) -> bool {
    // The length first: most lines are long, and splitting them into words costs.
    if line.len() > 50 {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && line.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) || PARTICLES.contains(w))
        && !words.iter().any(|w| NOT_NAMES.contains(w))
        && !words.iter().all(|w| w.chars().all(|c| !c.is_lowercase()))
}

/// True when `line` opens with a dateline that carries a date or an agency marker
/// (`LONDON 1996-08-22`, `TAIBE, Israel 1996-08-23`, `PARIS (Reuters) -`).
fn is_dateline_line(line: &str) -> bool {
    ISO_DATE_LINE.is_match(line)
        || super::dateline::parse_lead(line, 0, &Registry::embedded())
            .is_some_and(|f| f.agency_marker.is_some() || f.dateline.date_text.is_some())
}

/// Authors credited in a `Reporting by ...; Editing by ...` line: reporters (`Reporting by`,
/// `Additional reporting by`, and `Writing by`, the desk that wrote the story from their files)
/// and editors. Byline writers come from [`take`] only.
pub fn credits(text: &str, span: Span) -> Vec<Author> {
    let line = span.slice(text);
    let mut authors = Vec::new();
    for c in CREDIT.captures_iter(line) {
        let role = match c[1].to_ascii_lowercase().as_str() {
            "editing" | "edited" => AuthorRole::Editor,
            _ => AuthorRole::Reporter,
        };
        let m = c.get(2).expect("group 2 always takes part");
        push_new(&mut authors, split_names(m.as_str(), span.start + m.start(), role));
    }
    authors
}

/// Splits `A, B and C` (at byte `at`) into names, dropping job titles, desks and labels.
fn split_names(list: &str, at: usize, role: AuthorRole) -> Vec<Author> {
    let list = match LABEL.find(list) {
        Some(m) => &list[..m.start()],
        None => list,
    };
    let mut authors = Vec::new();
    let mut start = 0;
    for (i, sep_len) in separators(list).into_iter().chain(std::iter::once((list.len(), 0))) {
        let Some(piece) = list.get(start..i) else { break };
        let piece_at = start;
        start = i + sep_len;
        let lead = piece.len() - piece.trim_start().len();
        let mut name = piece.trim();
        if let Some(m) = AFFILIATION.find(name) {
            name = &name[..m.start()];
        }
        let name = name.trim_end_matches([',', ';', ':', '.']).trim();
        if !looks_like_name(name) {
            continue;
        }
        let begin = at + piece_at + lead;
        authors.push(Author { name: name.to_string(), role, span: Span::new(begin, begin + name.len()) });
    }
    authors
}

/// Byte offsets and lengths of the separators between names: `,`, `;`, `&`, ` and `, ` AND `.
fn separators(list: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (i, c) in list.char_indices() {
        if matches!(c, ',' | ';' | '&') {
            found.push((i, 1));
        } else if c == ' ' && (list[i..].starts_with(" and ") || list[i..].starts_with(" AND ")) {
            found.push((i, 5));
        }
    }
    // ` and ` found at a space overlaps nothing else; keep them in order.
    found
}

/// Two to five words, each capitalised (or a name particle, or an initial), no digits, not a job
/// title, desk or organisation.
fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) || s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let capitalised = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase) || PARTICLES.contains(w) || SUFFIXES.contains(w)
    };
    words.iter().all(capitalised)
        && words.first().is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !words.iter().any(|w| NOT_NAMES.contains(&w.trim_end_matches([',', '.'])))
        && s.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(authors: &[Author]) -> Vec<&str> {
        authors.iter().map(|a| a.name.as_str()).collect()
    }

    #[test]
    fn by_lines_and_writer_titles() {
        let text = "By Ann Lee and Bo Chan\nCarl Diaz, Associated Press Writer\n\nBody";
        let mut lines = Lines::new(text);
        let got = take(&mut lines, &[]);
        assert_eq!(names(&got), ["Ann Lee", "Bo Chan", "Carl Diaz"]);
        assert_eq!(lines.peek(), Some("Body"));
    }

    #[test]
    fn titles_and_labels_are_dropped() {
        for (line, want) in [
            ("By Ann Lee, European Investment Correspondent", vec!["Ann Lee"]),
            ("By Ann Lee - Analysis", vec!["Ann Lee"]),
            ("By Ann Lee and Pedro da Costa -Analysis", vec!["Ann Lee", "Pedro da Costa"]),
            ("By Bo Chan , Asia autos correspondent", vec!["Bo Chan"]),
            ("By Ann Lee in Paris", vec!["Ann Lee"]),
            ("By ANN LEE", vec!["ANN LEE"]),
            ("by Ann Lee", vec!["Ann Lee"]),
            ("Ann Lee and Bo Chan, Reuters", vec!["Ann Lee", "Bo Chan"]),
            ("By Carl Diaz Jr. and Ann Lee", vec!["Carl Diaz Jr", "Ann Lee"]),
            ("By Jan ten Berg and Matt Daily", vec!["Jan ten Berg", "Matt Daily"]),
        ] {
            let got = names_in_byline(line, Span::new(0, line.len()));
            assert_eq!(names(&got), want, "{line}");
            for a in &got {
                assert_eq!(a.span.slice(line), a.name, "{line}");
            }
        }
    }

    #[test]
    fn bare_name_line_needs_a_dateline_after_it() {
        let text = "Ann Lee\nLONDON 1996-08-22\nShares fell.";
        let mut lines = Lines::new(text);
        assert_eq!(names(&take(&mut lines, &[])), ["Ann Lee"]);
        let text = "Ann Lee\nAL-HAWI, West Bank 1996-08-22\nShares fell.";
        let mut lines = Lines::new(text);
        assert_eq!(names(&take(&mut lines, &[])), ["Ann Lee"]);
        let text = "Ann Lee\nShares fell on Monday.";
        let mut lines = Lines::new(text);
        assert!(take(&mut lines, &[]).is_empty());
    }

    #[test]
    fn reuters_credits_give_roles() {
        let line = "(Reporting by Ann Lee in Paris and Bo Chan; Editing by Carl Diaz)";
        let got = credits(line, Span::new(0, line.len()));
        let roles: Vec<(&str, AuthorRole)> = got.iter().map(|a| (a.name.as_str(), a.role)).collect();
        assert_eq!(
            roles,
            [
                ("Ann Lee", AuthorRole::Reporter),
                ("Bo Chan", AuthorRole::Reporter),
                ("Carl Diaz", AuthorRole::Editor)
            ]
        );
        assert_eq!(got[2].span.slice(line), "Carl Diaz");
    }
}
