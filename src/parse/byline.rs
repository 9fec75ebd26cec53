//! Byline: who wrote the story — `By A and B`, `A, Associated Press Writer`, and the Reuters credit
//! `(Reporting by A; Editing by B)`.

use std::sync::LazyLock;

use regex::Regex;

use super::Lines;
use crate::article::{Author, AuthorRole, Span, Text};

static BY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:By|BY|by)\s+(\S.*)$").expect("valid regex"));

/// `Jane Doe, Associated Press Writer`
static WRITER_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<name>[^,]{3,60}),\s+)?(?:Associated Press|AP|Reuters|AFP|Xinhua)\s+(?:Staff\s+)?(?:Writer|Correspondent|Reporter|Editor)s?$")
        .expect("valid regex")
});

/// `Reporting by A and B; Editing by C`
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(additional reporting|reporting|writing|editing)\s+by\s+([^;)]+)")
        .expect("valid regex")
});

/// True when `line` is a byline.
pub fn is_byline(line: &str) -> bool {
    line.len() < 200 && (BY.is_match(line) || WRITER_TITLE.is_match(line))
}

/// Takes byline lines from the front of `lines` and returns their authors, after those of the
/// header's byline fields.
pub fn take(lines: &mut Lines<'_>, header_bylines: &[Text]) -> Vec<Author> {
    let mut authors = Vec::new();
    for field in header_bylines {
        authors.extend(names_in_byline(lines.text, field.span));
    }
    while let Some(line) = lines.line() {
        let raw = line.span.slice(lines.text);
        if !is_byline(raw) {
            break;
        }
        authors.extend(names_in_byline(lines.text, line.span));
        lines.take();
    }
    authors
}

/// Authors named in the byline at `span`.
fn names_in_byline(text: &str, span: Span) -> Vec<Author> {
    let line = span.slice(text);
    let (list, at) = if let Some(c) = BY.captures(line) {
        let m = c.get(1).expect("group 1 always takes part");
        (m.as_str(), span.start + m.start())
    } else if let Some(m) = WRITER_TITLE.captures(line).and_then(|c| c.name("name")) {
        (m.as_str(), span.start + m.start())
    } else {
        return Vec::new();
    };
    split_names(list, at, AuthorRole::Writer)
}

/// Authors credited in a `Reporting by ...; Editing by ...` line.
pub fn credits(text: &str, span: Span) -> Vec<Author> {
    let line = span.slice(text);
    CREDIT
        .captures_iter(line)
        .flat_map(|c| {
            let role = match c[1].to_ascii_lowercase().as_str() {
                "editing" => AuthorRole::Editor,
                "writing" => AuthorRole::Writer,
                _ => AuthorRole::Reporter,
            };
            let m = c.get(2).expect("group 2 always takes part");
            split_names(m.as_str(), span.start + m.start(), role)
        })
        .collect()
}

/// Splits `A, B and C` (at byte `at`) into names, dropping trailing agency and job titles.
fn split_names(list: &str, at: usize, role: AuthorRole) -> Vec<Author> {
    let mut authors = Vec::new();
    let mut start = 0;
    let bytes = list.as_bytes();
    let mut pieces = Vec::new();
    let mut i = 0;
    while i <= list.len() {
        let sep = if i == list.len() {
            Some(0)
        } else if bytes[i] == b',' || bytes[i] == b'&' || bytes[i] == b';' {
            Some(1)
        } else if bytes[i..].starts_with(b" and ") {
            Some(5)
        } else {
            None
        };
        if let Some(len) = sep {
            pieces.push((start, i));
            start = i + len;
            i += len.max(1);
        } else {
            i += 1;
        }
    }
    for (s, e) in pieces {
        let Some(piece) = list.get(s..e) else { continue };
        let name = piece.trim();
        if !looks_like_name(name) {
            continue;
        }
        let lead = piece.len() - piece.trim_start().len();
        let start = at + s + lead;
        authors.push(Author { name: name.to_string(), role, span: Span::new(start, start + name.len()) });
    }
    authors
}

/// Two to five capitalised words, no digits, not a job title or agency.
fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) || s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    const NOT_NAMES: [&str; 8] =
        ["Writer", "Correspondent", "Reporter", "Editor", "Staff", "Press", "News", "Service"];
    words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !words.iter().any(|w| NOT_NAMES.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_lines_and_writer_titles() {
        let text = "By Ann Lee and Bo Chan\nCarl Diaz, Associated Press Writer\n\nBody";
        let mut lines = Lines::new(text);
        let names: Vec<String> = take(&mut lines, &[]).into_iter().map(|a| a.name).collect();
        assert_eq!(names, ["Ann Lee", "Bo Chan", "Carl Diaz"]);
        assert_eq!(lines.peek(), Some("Body"));
    }

    #[test]
    fn reuters_credits_give_roles() {
        let line = "(Reporting by Ann Lee and Bo Chan; Editing by Carl Diaz)";
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
