//! Agency: which agency produced the copy, and which agencies the story only cites.
//!
//! Evidence, strongest first:
//! 1. the dateline marker (`TEHRAN (FNA)-`, `MOSCOW, Jan 26. /TASS/.`), from the dateline stage or
//!    found here in the lead (`Tehran, April 16, IRNA --`, `KIMBERLEY June 18 Sapa`, `AP - `);
//! 2. header lines (`Author: AFP`, `Associated Press Writer`, a headline ending in `(AP)`);
//! 3. sign-offs (`Reuter`, `-- Sapa-AFP`, `Source: Sapa`, `dpa abc xyz`, `... rally. -AFP`), with
//!    one-letter typos of an agency name forgiven on a line of its own (`REUTE`, `RUTER`);
//! 4. credit lines (`c.1998 N.Y. Times News Service`, `Copyright 2021 The Associated Press`,
//!    `(Reporting by ...; Editing by ...)` for Reuters);
//! 5. the agency interviewing someone (`he told Reuters`, `in an interview with AFP`), which only
//!    the producing agency writes about itself.
//!
//! Agencies named as sources in the body (`the Interfax agency reported`, `Xinhua said`,
//! `according to IRNA`) are cited, never the producer. Without evidence there is no agency.

use std::sync::LazyLock;

use regex::Regex;

use super::layout::count_words;
use super::{Line, Lines};
use crate::article::{Agency, AgencyEvidence, Span, Text};
use crate::registry::agencies::{AgencyKind, Mention};
use crate::registry::{AgencyEntry, Registry};

/// The input's lines grouped by block, as the layout stage cut them.
type Block<'l> = &'l [(Line, usize)];

/// The producing agency and the agencies cited.
#[derive(Debug, Default)]
pub struct Credits {
    /// The agency credited for the copy.
    pub agency: Option<Agency>,
    /// Agencies named only as sources, in order of first mention, without the producer.
    pub cited: Vec<Agency>,
}

/// How many lines from the top may hold the header and the dateline lead.
const LEAD_LINES: usize = 12;
/// How many blocks from the top may hold the dateline lead.
const LEAD_BLOCKS: usize = 6;
/// How far into a line a dateline marker may start, in bytes.
const LEAD_REACH: usize = 140;
/// How many lines from the bottom may hold sign-offs and credit lines.
const TAIL_LINES: usize = 6;

/// A parenthesised marker ending the dateline: `(AP) _`, `(Xinhua) --`, `(Angop)-`, `(AP ) --`,
/// or right after the date with no dash at all: `New Delhi, Jan 26 (PTI) The ...`.
static PAREN_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(\s*([^()\n]{2,40}?)\s*\)\s*(?:--|-|—|–|_|:|$)|\d\s*\(\s*([^()\n]{2,30}?)\s*\)\s+\p{Lu}")
        .expect("valid regex")
});

/// A slashed marker: `/TASS/.`, `/RIA Novosti/.`
static SLASH_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[\s.,])/([^/\n]{2,30})/(?:\.|\s|$)").expect("valid regex"));

/// A bare marker after the dateline's comma or date: `Tehran, April 16, IRNA --`,
/// `KIMBERLEY June 18 Sapa ALLEGED ...` (after a date, an all-capitals headline may follow).
static BARE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:,\s+(\p{Lu}[\p{L}-]{1,24})(?:\s*(?:--|-|—|–|_|:)\s|\s*$)|\d\s+(\p{Lu}[\p{L}-]{1,24})(?:\s*(?:--|-|—|–|_|:)\s|\s*$|\s+\p{Lu}{2,}\b))")
        .expect("valid regex")
});

/// An agency opening the first paragraph: `AP - `, `Reuters -- `.
static LEAD_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\p{Lu}[\p{L}.&' -]{0,40}?)\s+(?:--|-|—|–|_)\s").expect("valid regex"));

/// A headline closed by its source tag: `Storm hits coast (AP)`.
static HEADLINE_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\S\s+\(([^()]{2,30})\)$").expect("valid regex"));

/// A header credit line: `Author: AFP`, `Source: Sapa`, `Agency: ...`.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:author|source|agency|credit|by|from)\s*:\s*(\S[^\[\]|]{0,60})").expect("valid regex")
});

/// False when `line` cannot match [`LABELLED`]: its label's first letter (or `ſ`, which
/// case-insensitive matching takes for `s`, first byte C5) must open the line.
fn may_be_labelled(line: &str) -> bool {
    line.as_bytes()
        .first()
        .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'a' | b's' | b'c' | b'b' | b'f' | 0xC5))
}

/// False when `line` cannot match [`COPYRIGHT`]: it must open with `c`, `(`, `©` (first byte C2)
/// or `@`.
fn may_be_copyright(line: &str) -> bool {
    line.as_bytes().first().is_some_and(|b| matches!(b.to_ascii_lowercase(), b'c' | b'(' | 0xC2 | b'@'))
}

/// AP's byline titles: `Associated Press Writer`, `AP Business Writer`, `AP Sports Writer`.
static AP_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Associated Press|AP)(?:\s+[A-Z][a-z]+){0,3}\s+(?:Writers?|Correspondents?|Reporters?|Editors?|Columnist)\b")
        .expect("valid regex")
});

/// A copyright credit: `c.1998 N.Y. Times News Service`, `Copyright 2021 The Associated Press`,
/// `(c) 2003 Cox News Service`, `© Xinhua`, `@ 2001 RIA Novosti`.
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:copyright|\(c\)|©|c\.|@)(?:\s*(?:©|\(c\)|@))?\s*(?:\d{4}(?:\s*[-–]\s*\d{2,4})?)?\s*,?\s*(?:by\s+)?(\S.{1,80})$")
        .expect("valid regex")
});

/// A paragraph closed by a credit: `... in Harare. -AFP`, `... on Monday. – AFP`, `... (AFP)`.
static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:[.!?\x22'”’)]\s*|\s)(?:(?:--|-|—|–)\s?(\p{Lu}[\p{L}-]{1,20})|\((\p{Lu}[\p{L}-]{1,20})\))\.?\s*$",
    )
    .expect("valid regex")
});

/// Reuters' credit line: `(Reporting by A; Editing by B)`, `Reporting by A; Writing by B`.
static REUTERS_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?\s*(?:(?:Additional\s+)?[Rr]eporting|Writing|Compiled|Editing)\s+by\s[^:]")
        .expect("valid regex")
});

/// Context before an agency name that makes it the interviewer: `told`, `in an interview with`.
static INTERVIEW_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\btold|\binterview with|\bspeaking to|\btalking to|\bsaid to)\s+(?:the\s+)?$")
        .expect("valid regex")
});

/// Context before an agency name that makes it a source: `according to`, `quoted by`, `citing`.
static SOURCE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:according to|quoted by|cited by|reported by|carried by|citing|quoting|via|told|to|from|by|news agency|agency|agencies|wire service)\s+(?:the\s+)?(?:(?:official|state|state-run|state-owned|semi-official|semiofficial|independent|private|government|Iranian|Russian|Chinese|Japanese|Iraqi|Syrian|Saudi|Turkish|Egyptian|Kuwaiti|news|press)\s+){0,3}$")
        .expect("valid regex")
});

/// Context after an agency name that makes it a source: `reported`, `news agency said`.
static SOURCE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:'s?|’s?)?\s*(?:(?:news\s+|press\s+)?(?:agency|service|wire|network|television|TV|radio|website)\s*)?(?:,\s*[^,]{1,60},\s*)?(?:reported|reports|said|says|quoted|quotes|quoting|cited|cites|citing|added|carried|announced|stated|wrote|noted|claimed|correspondent|reporter|report|dispatch|news agency|agency|\)|,?\s+which)")
        .expect("valid regex")
});

/// An agency named in a paragraph: the paragraph's span, and the mention's offsets within it.
type BodyMention<'r> = (Span, Mention<'r>);

/// Finds the producing agency from the strongest evidence available, and the agencies cited.
/// `all_lines` are the input's lines; whether some were taken by earlier stages does not matter.
pub fn detect(
    text: &str,
    all_lines: &Lines<'_>,
    dateline_marker: Option<&(String, Span)>,
    paragraphs: &[Text],
    registry: &Registry,
) -> Credits {
    let lines = &all_lines.lines[..];
    let blocks: Vec<Block<'_>> = lines.chunk_by(|a, b| a.1 == b.1).collect();
    let lead_block = lead_block(all_lines, &blocks, registry);
    let header: Vec<Span> =
        blocks.iter().take(lead_block).flat_map(|b| b.iter().map(|(l, _)| l.span)).take(LEAD_LINES).collect();
    // One scan of the body serves both the interviewer and the cited agencies.
    let mentions: Vec<BodyMention<'_>> = paragraphs
        .iter()
        .flat_map(|p| registry.agencies.mentions(p.span.slice(text)).into_iter().map(move |m| (p.span, m)))
        .collect();
    let agency = dateline_marker
        .and_then(|(marker, span)| credit(registry, marker, *span, AgencyEvidence::Dateline))
        .or_else(|| lead_marker(text, &blocks, registry))
        .or_else(|| header_credit(text, &header, registry))
        .or_else(|| sign_off_credit(text, lines, paragraphs, registry))
        .or_else(|| credit_line(text, lines, registry))
        .or_else(|| {
            dated_lead(all_lines, &blocks, lead_block, registry).then(|| interviewer(text, &mentions))?
        });
    let cited = cited(text, &mentions, agency.as_ref());
    Credits { agency, cited }
}

/// The agency a marker written at `span` stands for.
fn credit(registry: &Registry, marker: &str, span: Span, evidence: AgencyEvidence) -> Option<Agency> {
    let entry = registry.agencies.resolve_marker(marker)?;
    Some(agency(entry, marker.trim(), span, evidence))
}

fn agency(entry: &AgencyEntry, marker: &str, span: Span, evidence: AgencyEvidence) -> Agency {
    Agency {
        code: entry.code.clone(),
        name: entry.name.clone(),
        country: entry.country.clone(),
        marker: marker.to_string(),
        span,
        evidence,
    }
}

/// The first `max` bytes of `s` or fewer, cut on a char boundary.
fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The last `max` bytes of `s` or fewer, cut on a char boundary.
fn suffix(s: &str, max: usize) -> &str {
    let mut start = s.len().saturating_sub(max);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// The index of the block that opens the story: the first that reads as prose, or whose first line
/// is a dateline with a date or an agency marker (`WARSAW 1996-08-23`, `TEHRAN (FNA)-`). Blocks
/// before it are the header.
fn lead_block(lines: &Lines<'_>, blocks: &[Block<'_>], registry: &Registry) -> usize {
    let text = lines.text;
    blocks
        .iter()
        .take(LEAD_BLOCKS)
        .position(|b| {
            let first = b[0].0.span;
            // Counting stops past the limit: a block can be the whole story.
            let mut words = 0;
            for (l, _) in b.iter() {
                words += count_words(l.span.slice(text), 41 - words);
                if words > 40 {
                    break;
                }
            }
            words > 40
                || b.iter().any(|(l, _)| is_prose(l.span.slice(text)))
                || lines
                    .lead(first, registry)
                    .is_some_and(|f| f.agency_marker.is_some() || f.dateline.date_text.is_some())
        })
        .unwrap_or(LEAD_BLOCKS.min(blocks.len()))
}

/// A dateline marker opening one of the first blocks, for leads the dateline stage did not take
/// apart. Only the first line of a block can hold one (later lines are hard-wrapped prose), and
/// only after a short dateline-like prefix (`KIPUSHI, Zaire-Zambia border, April 14, 1997`).
fn lead_marker(text: &str, blocks: &[Block<'_>], registry: &Registry) -> Option<Agency> {
    for block in blocks.iter().take(LEAD_BLOCKS) {
        let line = block[0].0.span;
        let raw = line.slice(text);
        let head = prefix(raw, LEAD_REACH);
        // Each marker is written after a character the line may not have (`(`, `/`, a comma or a
        // digit), and within the reach of a dateline; without it the marker's regex is skipped.
        // Prose passes its third lower-case word within a few bytes, so most lines skip them all.
        let before_marker = prefix(head, dateline_reach(head));
        let may_match = [
            before_marker.contains('(') && head.contains(')'),
            before_marker.contains('/'),
            before_marker.contains(',') || before_marker.chars().any(char::is_numeric),
        ];
        // A regex's matches come in order, and text that cannot stand before a dateline marker
        // cannot be the start of longer such text: the first match too far in ends the search.
        let mut candidates: Vec<regex::Match<'_>> = [&*PAREN_MARKER, &*SLASH_MARKER, &*BARE_MARKER]
            .iter()
            .zip(may_match)
            .filter(|&(_, may)| may)
            .flat_map(|(re, _)| {
                re.captures_iter(head)
                    .filter_map(|c| c.get(1).or_else(|| c.get(2)))
                    .take_while(|m| looks_like_dateline(&head[..m.start()]))
            })
            .collect();
        candidates.sort_by_key(|m| m.start());
        let at = |m: &regex::Match<'_>| Span::new(line.start + m.start(), line.start + m.end());
        let bracketed = |m: &regex::Match<'_>| {
            let before = head[..m.start()].trim_end();
            before.ends_with('(') || before.ends_with('/')
        };
        // A bare word must be an agency's name itself; only a bracketed marker may be a compound
        // with a regional suffix (`(Interfax-Kazakhstan)`).
        let found = candidates.iter().find_map(|m| {
            if !bracketed(m) && registry.agencies.lookup(m.as_str()).is_none() {
                return None;
            }
            credit(registry, m.as_str(), at(m), AgencyEvidence::Dateline)
        });
        if found.is_some() {
            return found;
        }
        // The name must open the line, and a dash follow it (`—` and `–` start with byte E2).
        if head.chars().next().is_some_and(char::is_uppercase)
            && memchr::memchr3(b'-', b'_', 0xE2, head.as_bytes()).is_some()
            && head.contains(['-', '—', '–', '_'])
            && let Some(m) = LEAD_NAME.captures(head).and_then(|c| c.get(1))
            && let Some(found) = registry.agencies.lookup(m.as_str())
        {
            return Some(agency(found, m.as_str(), at(&m), AgencyEvidence::Dateline));
        }
    }
    None
}

/// True when `before` (the text ahead of a marker) can be a dateline: short, and at most two words
/// in lower case (`border`, `de`), so a parenthesis inside a sentence is not taken for a marker.
fn looks_like_dateline(before: &str) -> bool {
    before.len() <= MAX_BEFORE_MARKER
        && before.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_lowercase)).count() <= 2
}

/// The longest text before a marker that [`looks_like_dateline`] accepts, in bytes.
const MAX_BEFORE_MARKER: usize = 90;

/// How far into `line` a marker can start and pass [`looks_like_dateline`]: the text before it
/// grows with the marker's start, so the limit is the start of the third word in lower case, or
/// [`MAX_BEFORE_MARKER`].
fn dateline_reach(line: &str) -> usize {
    let mut lower_words = 0;
    let mut after_blank = true;
    for (i, c) in line.char_indices() {
        if i >= MAX_BEFORE_MARKER {
            break;
        }
        if after_blank && c.is_lowercase() {
            lower_words += 1;
            if lower_words > 2 {
                return i;
            }
        }
        after_blank = c.is_whitespace();
    }
    line.len().min(MAX_BEFORE_MARKER)
}

/// True for a line that reads as story prose rather than a header or credit line.
fn is_prose(line: &str) -> bool {
    line.len() > 200 || count_words(line, 26) > 25
}

/// Header credits above the lead: `Author: AFP`, `Associated Press Writer`, a copyright line, a
/// headline closed by a marker (`... talks (AP)`), or a line that is only an agency's name.
fn header_credit(text: &str, lines: &[Span], registry: &Registry) -> Option<Agency> {
    for &line in lines {
        let raw = line.slice(text);
        let at = |m: regex::Match<'_>| Span::new(line.start + m.start(), line.start + m.end());
        if may_be_labelled(raw)
            && let Some(m) = LABELLED.captures(raw).and_then(|c| c.get(1))
            && let Some(found) = leading_name(registry, m.as_str(), at(m).start, AgencyEvidence::Header)
        {
            return Some(found);
        }
        if let Some(m) = AP_TITLE.find(raw)
            && let Some(entry) = registry.agencies.lookup("Associated Press")
        {
            return Some(agency(entry, m.as_str(), at(m), AgencyEvidence::Header));
        }
        if may_be_copyright(raw)
            && let Some(m) = COPYRIGHT.captures(raw).and_then(|c| c.get(1))
            && let Some(found) = leading_name(registry, m.as_str(), at(m).start, AgencyEvidence::Credit)
        {
            return Some(found);
        }
        if raw.ends_with(')')
            && let Some(m) = HEADLINE_TAG.captures(raw).and_then(|c| c.get(1))
            && let Some(found) = credit(registry, m.as_str(), at(m), AgencyEvidence::Header)
        {
            return Some(found);
        }
        if let Some(found) = lone_name(registry, raw, line, AgencyEvidence::Header) {
            return Some(found);
        }
    }
    None
}

/// The agency named by the first one to six words of `s` (which starts at byte `at`), longest
/// first: `N.Y. Times News Service`, `AFP [ TUESDAY ...`, `Sapa /nn/wj Date: ...`.
fn leading_name(registry: &Registry, s: &str, at: usize, evidence: AgencyEvidence) -> Option<Agency> {
    let mut ends: Vec<usize> = s
        .char_indices()
        .filter(|&(i, c)| c.is_whitespace() && i > 0)
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .take(6)
        .collect();
    ends.dedup();
    ends.iter().rev().find_map(|&end| {
        let name =
            s[..end].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'));
        let name = name.strip_suffix(" All rights reserved").unwrap_or(name);
        let entry = registry.agencies.lookup(name)?;
        Some(agency(entry, name, Span::new(at, at + name.len()), evidence))
    })
}

/// A line that is only an agency credit: `Reuter`, `-- Sapa-AFP`, `(AFP)`, `REUTER N`, `REUTER...`.
/// A compound must be made of agencies only (`Sapa-AFP`, not `SPA-FRANCORCHAMPS`).
fn lone_name(registry: &Registry, raw: &str, span: Span, evidence: AgencyEvidence) -> Option<Agency> {
    if raw.len() > 40 || raw.contains(|c: char| c.is_ascii_digit() || c == ',') {
        return None;
    }
    let raw = strip_line_marks(raw);
    let trim =
        |c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '(' | ')' | '.' | '*' | '_' | '=');
    let core = raw.trim_matches(trim);
    let lead = raw.len() - raw.trim_start_matches(trim).len();
    let mut words: Vec<&str> = core.split_whitespace().collect();
    // A trailing operator mark (`REUTER N`, `REUTER E`) is not part of the credit.
    if words.len() == 2 && words[1].len() == 1 {
        words.pop();
    }
    if words.is_empty() || words.len() > 3 {
        return None;
    }
    let name = prefix(core, words.iter().map(|w| w.len()).sum::<usize>() + words.len() - 1);
    let agencies = &registry.agencies;
    let known = agencies.lookup(name).is_some()
        || name.split(['-', '/']).all(|part| agencies.lookup(part.trim()).is_some());
    if !known {
        return None;
    }
    let entry = agencies.resolve_marker(name)?;
    let start = span.start + lead;
    Some(agency(entry, name, Span::new(start, start + name.len()), evidence))
}

/// Sign-offs at the end: a line that is only a credit (also with a one-letter typo), `Source:`
/// lines, `dpa abc xyz` desk lines, and a closing paragraph ended by `-AFP` or `(AFP)`. A line
/// that continues a hard-wrapped sentence (`... after the recent firm` / `trend.`) is not one.
fn sign_off_credit(
    text: &str,
    lines: &[(Line, usize)],
    paragraphs: &[Text],
    registry: &Registry,
) -> Option<Agency> {
    let from = lines.len().saturating_sub(TAIL_LINES);
    let standalone: Vec<Span> = (from..lines.len())
        .rev()
        .filter(|&i| {
            let (line, block) = lines[i];
            let raw = line.span.slice(text);
            let block_start = i == 0 || lines[i - 1].1 != block;
            let capitalised = raw.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase);
            // A sign-off carries no full stop; a lower-case line ending in one ends a wrapped sentence.
            let last_unstopped = i + 1 == lines.len() && !raw.ends_with('.');
            capitalised
                || last_unstopped
                || block_start
                || i == 0
                || ends_sentence(lines[i - 1].0.span.slice(text))
        })
        .map(|i| lines[i].0.span)
        .collect();
    for &line in &standalone {
        let raw = line.slice(text);
        if let Some(found) = lone_name(registry, raw, line, AgencyEvidence::SignOff) {
            return Some(found);
        }
        if may_be_labelled(raw)
            && let Some(m) = LABELLED.captures(raw).and_then(|c| c.get(1))
        {
            let at = line.start + m.start();
            if let Some(found) = leading_name(registry, m.as_str(), at, AgencyEvidence::SignOff) {
                return Some(found);
            }
        }
        if let Some(found) = desk_line(registry, raw, line) {
            return Some(found);
        }
    }
    if let Some(&last) = standalone.first().filter(|l| Some(l.end) == lines.last().map(|(s, _)| s.span.end))
        && let Some(found) = misspelt_credit(registry, last.slice(text), last)
    {
        return Some(found);
    }
    if let Some(&(Line { span: last, .. }, _)) = lines.last()
        && let Some(found) = closing_word(registry, last.slice(text), last)
    {
        return Some(found);
    }
    paragraphs.iter().rev().take(2).find_map(|p| {
        let raw = p.span.slice(text);
        let m = TRAILING
            .captures_at(raw, trailing_search_start(raw))
            .and_then(|c| c.get(1).or_else(|| c.get(2)))?;
        let span = Span::new(p.span.start + m.start(), p.span.start + m.end());
        credit(registry, m.as_str(), span, AgencyEvidence::SignOff)
    })
}

/// Where a search for [`TRAILING`] in `paragraph` may start: its credit and the dash or
/// brackets before it take under [`TRAILING_BYTES`], and before them come only a run of blanks
/// and one stop or blank, so the rest of the paragraph is not scanned.
fn trailing_search_start(paragraph: &str) -> usize {
    let end = paragraph.trim_end().len();
    let mut start = end.saturating_sub(TRAILING_BYTES);
    while !paragraph.is_char_boundary(start) {
        start -= 1;
    }
    let before = paragraph[..start].trim_end_matches(char::is_whitespace);
    before.char_indices().next_back().map_or(0, |(i, _)| i)
}

/// More than a [`TRAILING`] credit takes with its dash (`-- `) or brackets: 21 characters of up
/// to four bytes.
const TRAILING_BYTES: usize = 120;

/// A credit closing the last line after the story's last sentence or figure:
/// `... record May 23. REUTER`, `... 22 .... 0 REUTER`.
fn closing_word(registry: &Registry, raw: &str, span: Span) -> Option<Agency> {
    let trimmed = strip_line_marks(raw);
    let start =
        trimmed.char_indices().rev().find(|(_, c)| c.is_whitespace()).map(|(i, c)| i + c.len_utf8())?;
    let word = trimmed[start..].trim_end_matches('.');
    let before = trimmed[..start].trim_end();
    let upper = word.chars().next().is_some_and(char::is_uppercase);
    if word.chars().count() < 3 || !upper || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    if before.chars().next_back().is_none_or(char::is_alphabetic) {
        return None;
    }
    let entry = registry.agencies.lookup(word)?;
    Some(agency(
        entry,
        word,
        Span::new(span.start + start, span.start + start + word.len()),
        AgencyEvidence::SignOff,
    ))
}

/// `line` without trailing transmission marks: a literal `^M` carriage-return mark, blanks.
fn strip_line_marks(line: &str) -> &str {
    let mut s = line.trim_end();
    while let Some(rest) = s.strip_suffix("^M") {
        s = rest.trim_end();
    }
    s
}

/// True when `line` ends a sentence, so the next line starts afresh.
fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?', '"', '\'', '”', '’', ')', ':'])
}

/// `dpa wsz jln npr`: the agency's code followed by its editors' lower-case initials.
fn desk_line(registry: &Registry, raw: &str, span: Span) -> Option<Agency> {
    let mut words = raw.split_whitespace();
    let first = words.next()?;
    let initials = |w: &str| (2..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_lowercase());
    // One to six initials; a line of prose fails within its first words.
    let mut count = 0;
    for word in words {
        count += 1;
        if count > 6 || !initials(word) {
            return None;
        }
    }
    if count == 0 {
        return None;
    }
    let entry = registry.agencies.lookup(first)?;
    Some(agency(entry, first, Span::new(span.start, span.start + first.len()), AgencyEvidence::SignOff))
}

/// A lone word one edit away from an agency's name or code of six letters or more
/// (`REUTE`, `RUTER`, `REUITER` for `REUTER`): keyboard slips in a sign-off.
fn misspelt_credit(registry: &Registry, raw: &str, span: Span) -> Option<Agency> {
    let word = raw.trim_matches(|c: char| !c.is_alphabetic());
    if !(5..=10).contains(&word.len()) || word != raw.trim() && !raw.trim().starts_with(word) {
        return None;
    }
    if !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let entry = registry.agencies.iter().find(|entry| {
        std::iter::once(&entry.code).chain(std::iter::once(&entry.name)).chain(entry.aliases.iter()).any(
            |form| {
                form.len() >= 6
                    && form.chars().all(|c| c.is_ascii_alphabetic())
                    && strsim::damerau_levenshtein(&lower, &form.to_ascii_lowercase()) == 1
            },
        )
    })?;
    let start = span.start + (raw.len() - raw.trim_start_matches(|c: char| !c.is_alphabetic()).len());
    Some(agency(entry, word, Span::new(start, start + word.len()), AgencyEvidence::SignOff))
}

/// Credit lines near the end: copyright lines and Reuters' `(Reporting by ...; Editing by ...)`.
fn credit_line(text: &str, lines: &[(Line, usize)], registry: &Registry) -> Option<Agency> {
    let tail: Vec<Span> =
        lines[lines.len().saturating_sub(TAIL_LINES)..].iter().map(|(l, _)| l.span).collect();
    for line in tail.iter().rev() {
        let raw = line.slice(text);
        if may_be_copyright(raw)
            && let Some(m) = COPYRIGHT.captures(raw).and_then(|c| c.get(1))
        {
            let at = line.start + m.start();
            if let Some(found) = leading_name(registry, m.as_str(), at, AgencyEvidence::Credit) {
                return Some(found);
            }
        }
    }
    for line in tail.iter().rev() {
        let raw = line.slice(text);
        // The credit closes the story, on its own line or as the last sentence of a paragraph.
        let start = last_opening(raw, "(Reporting by")
            .or_else(|| last_opening(raw, "(Additional reporting by"))
            .unwrap_or(0);
        let credit_text = &raw[start..];
        if REUTERS_CREDIT.is_match(credit_text)
            && credit_text.contains(" by ")
            && credit_text.contains(['y', ';'])
        {
            let is_reuters_style = credit_text.contains(';') || credit_text.starts_with('(');
            if !is_reuters_style {
                continue;
            }
            let entry = registry.agencies.lookup("Reuters")?;
            let marker_end = credit_text.find(" by").map_or(credit_text.len(), |i| i + 3);
            let span = Span::new(line.start + start, line.start + start + marker_end);
            return Some(agency(entry, span.slice(text), span, AgencyEvidence::Credit));
        }
    }
    None
}

/// Where `bracketed` (which opens with `(`) is last written in `line`: only the brackets are
/// searched for, which is much faster than a substring search over long paragraph lines.
fn last_opening(line: &str, bracketed: &str) -> Option<usize> {
    memchr::memrchr_iter(b'(', line.as_bytes()).find(|&i| line[i..].starts_with(bracketed))
}

/// True when the story opens with a dated dateline (`NAIROBI, March 15 -`): wire copy whose credit
/// was left off. Only there does an interview name the producer; a newspaper item (`TEHRAN -`)
/// reporting what someone told an agency does not.
fn dated_lead(lines: &Lines<'_>, blocks: &[Block<'_>], lead_block: usize, registry: &Registry) -> bool {
    blocks
        .get(lead_block)
        .is_some_and(|b| lines.lead(b[0].0.span, registry).is_some_and(|f| f.dateline.date_text.is_some()))
}

/// The agency the story's subjects spoke to (`told Reuters`, `in an interview with AFP`): an
/// agency names itself that way only in its own copy. Used when all such mentions agree.
fn interviewer(text: &str, mentions: &[BodyMention<'_>]) -> Option<Agency> {
    let mut found: Option<Agency> = None;
    for (paragraph, m) in mentions {
        let raw = paragraph.slice(text);
        let before = suffix(&raw[..m.start], 40);
        let after = &raw[m.end..];
        let written = &raw[m.start..m.end];
        let after = after.trim_start();
        let names_third_party = ["news", "agency", "correspondent", "service"]
            .iter()
            .any(|w| after.starts_with(w) || written.to_ascii_lowercase().ends_with(w));
        // A newspaper service writes its own masthead with the capitalised article (`told The New
        // York Times`); copy reporting what someone told that paper writes `told the Times`.
        let own_masthead = m.entry.kind != Some(AgencyKind::Syndicate) || written.starts_with("The ");
        if !m.entry.interviews_directly()
            || !INTERVIEW_BEFORE.is_match(before)
            || names_third_party
            || !own_masthead
        {
            continue;
        }
        let span = Span::new(paragraph.start + m.start, paragraph.start + m.end);
        match &found {
            Some(a) if a.code != m.entry.code => return None,
            Some(_) => {}
            None => found = Some(agency(m.entry, span.slice(text), span, AgencyEvidence::Credit)),
        }
    }
    found
}

/// Agencies named as sources in the body, first mention of each, without the producer.
fn cited(text: &str, mentions: &[BodyMention<'_>], producer: Option<&Agency>) -> Vec<Agency> {
    let mut cited: Vec<Agency> = Vec::new();
    for (paragraph, m) in mentions {
        let raw = paragraph.slice(text);
        let span = Span::new(paragraph.start + m.start, paragraph.start + m.end);
        if producer.is_some_and(|p| p.code == m.entry.code || p.span == span)
            || cited.iter().any(|c| c.code == m.entry.code)
        {
            continue;
        }
        let before = suffix(&raw[..m.start], 60);
        let after = prefix(&raw[m.end..], 90);
        // `Iraqi News Agency (INA)` names an agency; `the airline (ANA)` does not.
        if let Some(outside) = before.trim_end().strip_suffix('(') {
            let words = outside.trim_end().to_ascii_lowercase();
            if !["agency", "news", "press", "service", "wire"].iter().any(|w| words.ends_with(w)) {
                continue;
            }
        }
        if SOURCE_BEFORE.is_match(before) || SOURCE_AFTER.is_match(after.trim_start()) {
            cited.push(agency(m.entry, span.slice(text), span, AgencyEvidence::Cited));
        }
    }
    cited
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect_in(text: &str) -> Credits {
        use crate::parse::layout;
        let registry = Registry::embedded();
        let paragraphs: Vec<Text> = layout::blocks(text)
            .into_iter()
            .map(|b| Text { text: layout::collapse_whitespace(b.span().slice(text)), span: b.span() })
            .collect();
        detect(text, &Lines::new(text), None, &paragraphs, &registry)
    }

    fn code(text: &str) -> Option<String> {
        detect_in(text).agency.map(|a| a.code)
    }

    #[test]
    fn dateline_reach_is_where_text_before_a_marker_stops_looking_like_a_dateline() {
        let lines = [
            "KIPUSHI, Zaire-Zambia border, April 14, 1997 (AFP) - Rebels took the town.",
            "the minister said on a visit to the north (AFP) that talks would go on",
            "Dar es Salaam, May 3 /PANA/ - The port reopened.",
            "ÉLISABETHVILLE  \u{a0} du nord, São Tomé e Príncipe, MAY 3 (Lusa) -- Voters queued for hours in the heat of the day.",
            "",
        ];
        for line in lines {
            let reach = dateline_reach(line);
            for at in (0..=line.len()).filter(|&at| line.is_char_boundary(at)) {
                assert_eq!(looks_like_dateline(&line[..at]), at <= reach, "{line:?} at {at}");
            }
        }
    }

    #[test]
    fn last_opening_finds_the_last_bracketed_phrase() {
        let line = "(Reporting by A) text (Reporting by B; Editing by C) (Reporting";
        assert_eq!(last_opening(line, "(Reporting by"), line.rfind("(Reporting by"));
        assert_eq!(last_opening(line, "(Editing by"), None);
        assert_eq!(last_opening("", "(Reporting by"), None);
    }

    #[test]
    fn lead_markers() {
        assert_eq!(code("Tehran, May 3, IRNA -- The council met.").as_deref(), Some("IRNA"));
        assert_eq!(code("DURBAN May 3 Sapa MINERS RETURN\n\nThe strike ended.").as_deref(), Some("SAPA"));
        assert_eq!(code("MOSCOW, May 3. /TASS/. The Duma voted.").as_deref(), Some("TASS"));
        assert_eq!(code("AP - Shares rose on Monday.").as_deref(), Some("AP"));
        assert_eq!(code("QUITO, May 3 (ACAN-EFE) -- Voters went.").as_deref(), Some("EFE"));
    }

    #[test]
    fn unknown_or_generic_markers_give_nothing() {
        assert_eq!(code("JAKARTA (Agency): The minister said, as quoted by AFP, that debt is paid."), None);
        assert_eq!(code("TEHRAN - The exhibition opens, state television reported."), None);
    }

    #[test]
    fn sign_offs_and_typos() {
        assert_eq!(code("LONDON, May 3 - Bank rates fell.\n REUTER").as_deref(), Some("REUTERS"));
        assert_eq!(code("LONDON, May 3 - Bank rates fell.\n REUTE").as_deref(), Some("REUTERS"));
        assert_eq!(code("HARARE- Voters queued for hours in the heat. -AFP").as_deref(), Some("AFP"));
        assert_eq!(code("Berlin - The talks ended.\n\ndpa abc xyz").as_deref(), Some("DPA"));
        assert_eq!(
            code("The court ruled.\n\nSource : Sapa /ab/cd Date : 3 May 2002").as_deref(),
            Some("SAPA")
        );
    }

    #[test]
    fn credits_and_headers() {
        assert_eq!(
            code("HEADLINE\nc.1999 N.Y. Times News Service\n\nThe mayor said.").as_deref(),
            Some("NYT")
        );
        assert_eq!(code("Title\n\nAuthor: AFP [ MONDAY ]\n\nLONDON: It rained.").as_deref(), Some("AFP"));
        assert_eq!(
            code("Storm hits coast\nBy JOHN ROE\nAssociated Press Writer\n\nIt rained.").as_deref(),
            Some("AP")
        );
        assert_eq!(
            code("Markets fell on Monday.\n\n(Reporting by Ann Lee; Editing by Bo Chan)").as_deref(),
            Some("REUTERS")
        );
        assert_eq!(code("Title\nc.1999 The Boston Globe\n\nThe mayor said."), None);
    }

    #[test]
    fn interview_credits_the_interviewer_but_sources_are_cited() {
        assert_eq!(
            code("PARIS, May 3 - Rates are high, the minister told Reuters on Monday.").as_deref(),
            Some("REUTERS")
        );
        let credits = detect_in("BEIJING, May 3 (Xinhua) -- Talks began, the Interfax news agency reported.");
        assert_eq!(credits.agency.map(|a| a.code).as_deref(), Some("XINHUA"));
        assert_eq!(credits.cited.iter().map(|a| a.code.as_str()).collect::<Vec<_>>(), ["INTERFAX"]);
        assert_eq!(credits.cited[0].evidence, AgencyEvidence::Cited);
        let credits = detect_in("TEHRAN - Prices rose, IRNA reported, citing Mehr News Agency.");
        assert!(credits.agency.is_none());
        assert_eq!(credits.cited.iter().map(|a| a.code.as_str()).collect::<Vec<_>>(), ["IRNA", "MNA"]);
    }

    #[test]
    fn a_newspaper_interviews_under_its_own_masthead_only() {
        let own = detect_in("WASHINGTON, May 3 - The plan is dead, the senator told The Washington Post.");
        assert_eq!(own.agency.map(|a| a.code).as_deref(), Some("WP"));
        let others = detect_in("WASHINGTON, May 3 - The plan is dead, the senator told the Washington Post.");
        assert!(others.agency.is_none());
        assert_eq!(others.cited.iter().map(|a| a.code.as_str()).collect::<Vec<_>>(), ["WP"]);
    }
}
