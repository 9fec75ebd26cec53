//! Dateline: the lead that says where (and often when, and for whom) a story was filed —
//! `TEHRAN (FNA)-`, `BEIJING, Jan. 26 (Xinhua) --`, `AKRON, Ohio, March 26 -`, `LONDON 1996-08-22`,
//! `MOSCOW, January 26. /TASS/.`, `(ANSA) - ROME, JAN 26 -`, `KIMBERLEY June 18 Sapa`.
//!
//! The lead is cut into tokens (words, numbers, punctuation, dash runs) and read by a small
//! grammar: optional agency prefix, place (one or more cities, `/`-separated), then in any order
//! a region or country, a `[country]`, a date, an agency marker, and a terminator (dash, colon,
//! `.` after `/TASS/`, or the end of a line holding only place and date). A lead is accepted only
//! with evidence that it is one: a date, an agency marker, or a place the gazetteer knows.

use std::cell::Cell;

use super::Lines;
use super::layout::char_at;
use super::timestamp::{month_number, weekday_number};
use crate::article::{Dateline, Span};
use crate::registry::Registry;
use crate::registry::places::NameKind;

/// A dateline and the agency marker written inside it.
#[derive(Clone, Debug)]
pub struct Found {
    /// The dateline.
    pub dateline: Dateline,
    /// The agency marker as written (`FNA`, `Reuters`, `TASS`) and where it is.
    pub agency_marker: Option<(String, Span)>,
    /// True when the dateline filled its whole line (`LONDON 1996-08-22`), so the line is taken.
    pub whole_line: bool,
}

/// How far into a line a dateline may reach, in characters.
const MAX_LEAD_CHARS: usize = 200;
/// The most words a place name may have.
const MAX_PLACE_WORDS: usize = 6;
/// How many untaken lines may precede the dateline (slugs, a headline the headline stage did not
/// take, bylines, editors' notes).
const LOOK_AHEAD_LINES: usize = 6;
/// How many tokens of a line are cut before the grammar first reads it.
const FIRST_TOKENS: usize = 24;
/// A line this long is a paragraph: the dateline opens it or there is none.
const PARAGRAPH_BYTES: usize = 150;

/// Finds a dateline at the start of the next line of `lines` (or of one of the few lines after
/// it, past editors' notes); takes the line when the dateline is all of it.
pub fn take(lines: &mut Lines<'_>, registry: &Registry) -> Option<Found> {
    for ahead in 0..LOOK_AHEAD_LINES {
        let Some((line, _)) = lines.remaining().get(ahead).copied() else { break };
        let raw = line.span.slice(lines.text);
        if let Some(found) = lines.lead(line.span, registry) {
            if found.whole_line && ahead == 0 {
                lines.take();
            }
            return Some(std::rc::Rc::unwrap_or_clone(found));
        }
        // Only short lines may stand before the dateline; a paragraph of prose ends the search.
        if raw.len() > PARAGRAPH_BYTES {
            break;
        }
    }
    None
}

/// Parses a dateline lead at the start of `line`, which begins at byte `offset` of the input.
pub fn parse_lead(line: &str, offset: usize, registry: &Registry) -> Option<Found> {
    let head = lead_head(line);
    // Most lines are ruled out within their first words: only the first tokens are cut, and all
    // of them only when the grammar reads up to the end of those.
    let first = tokenize(head, FIRST_TOKENS);
    let reader = Reader::new(&first, head, registry);
    let mut lead = reader.lead();
    if reader.saw_end.get() && first.len() == FIRST_TOKENS {
        let all = tokenize(head, usize::MAX);
        lead = Reader::new(&all, head, registry).lead();
    }
    Some(build(line, head, offset, &lead?, registry))
}

/// The first `MAX_LEAD_CHARS` characters of `line`. A line of at most that many bytes, or whose
/// first characters are ASCII, is cut without walking its characters.
fn lead_head(line: &str) -> &str {
    if line.len() <= MAX_LEAD_CHARS {
        line
    } else if line.as_bytes().get(..=MAX_LEAD_CHARS).is_some_and(<[u8]>::is_ascii) {
        line.get(..MAX_LEAD_CHARS).unwrap_or(line)
    } else {
        match line.char_indices().nth(MAX_LEAD_CHARS) {
            Some((i, _)) => &line[..i],
            None => line,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Letters with inner `.'’-` (`N.Y`, `N'DJAMENA`, `WINSTON-SALEM`, `Interfax-AVN`).
    Word,
    /// Digits, with an ordinal suffix if written (`26th`).
    Number,
    /// `1996-08-22`
    IsoDate,
    /// A run of dashes or underscores (`-`, `--`, `—`, `-–`, `_`).
    Dash,
    /// Any other single character.
    Punct(char),
}

#[derive(Clone, Copy, Debug)]
struct Token {
    kind: Kind,
    start: usize,
    end: usize,
    /// Whitespace precedes the token.
    space_before: bool,
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '―' | '_')
}

/// `Zimbabwean ...`: a capital followed by lower-case letters.
fn starts_capitalised_word(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
}

/// The first `limit` tokens of `s`. Runs of ASCII letters and digits are passed over byte by
/// byte; other characters are decoded where they stand.
fn tokenize(s: &str, limit: usize) -> Vec<Token> {
    // Room for a dateline's worth of tokens up front, so the list rarely grows.
    let mut tokens = Vec::with_capacity(limit.min(2 * FIRST_TOKENS));
    let bytes = s.as_bytes();
    let mut pos = 0;
    let mut space_before = false;
    while tokens.len() < limit
        && let Some(c) = char_at(s, pos)
    {
        let start = pos;
        if c.is_whitespace() {
            pos += c.len_utf8();
            space_before = true;
            continue;
        }
        let kind;
        let mut end = start + c.len_utf8();
        if c.is_alphabetic() {
            // Letters, with `.'’-` kept inside when a letter follows (`N.Y`, `D'ALENE`).
            loop {
                while bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
                    end += 1;
                }
                let Some(d) = char_at(s, end) else { break };
                if d.is_alphabetic() {
                    end += d.len_utf8();
                } else if matches!(d, '.' | '\'' | '’' | '-') {
                    let i = end;
                    let after = &s[i + d.len_utf8()..];
                    let next = after.chars().next();
                    // `HARARE-Zimbabwean`: a capitals place glued to a sentence's first word.
                    let glued_sentence = d == '-'
                        && s[start..i].chars().all(|c| !c.is_lowercase())
                        && s[start..i].chars().count() >= 2
                        && starts_capitalised_word(after);
                    if next.is_some_and(char::is_alphabetic) && !glued_sentence {
                        end = i + d.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            kind = Kind::Word;
        } else if c.is_ascii_digit() {
            while bytes.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
            let rest = &s[end..];
            let iso = end - start == 4
                && rest.len() >= 6
                && rest.as_bytes()[0] == b'-'
                && rest.as_bytes()[1..3].iter().all(u8::is_ascii_digit)
                && rest.as_bytes()[3] == b'-'
                && rest.as_bytes()[4..6].iter().all(u8::is_ascii_digit)
                && !rest.as_bytes().get(6).is_some_and(u8::is_ascii_digit);
            if iso {
                end += 6;
                kind = Kind::IsoDate;
            } else {
                let suffix_len = s[end..].bytes().take_while(u8::is_ascii_alphabetic).count();
                let suffix = &s[end..end + suffix_len];
                if ["st", "nd", "rd", "th"].iter().any(|o| suffix.eq_ignore_ascii_case(o)) {
                    end += suffix.len();
                }
                kind = Kind::Number;
            }
        } else if is_dash(c) {
            while let Some(d) = char_at(s, end)
                && is_dash(d)
            {
                end += d.len_utf8();
            }
            kind = Kind::Dash;
        } else {
            kind = Kind::Punct(c);
        }
        pos = end;
        tokens.push(Token { kind, start, end, space_before });
        space_before = false;
    }
    tokens
}

// ---------------------------------------------------------------------------------------------
// Grammar

/// What a lead holds, as byte ranges into the line.
#[derive(Debug, Default)]
struct Lead {
    start: usize,
    end: usize,
    /// Each written city (`SAN FRANCISCO`, `NEW YORK`).
    cities: Vec<(usize, usize)>,
    /// Comma-separated parts after the city that are not dates or agencies (`Ohio`, `Kenya`).
    qualifiers: Vec<(usize, usize)>,
    /// `[India]`
    bracket: Option<(usize, usize)>,
    date: Option<(usize, usize)>,
    /// True when the date has a day or a weekday (not a bare month or a misspelling).
    date_full: bool,
    agency: Option<(usize, usize)>,
    /// True when the place is written in capitals.
    caps: bool,
    /// True when the line holds only the lead.
    whole_line: bool,
    /// True when a comma follows the place (`Mexico city, april 1 -`).
    comma_after_place: bool,
}

struct Reader<'a> {
    /// The line's first tokens, or all of them.
    tokens: &'a [Token],
    src: &'a str,
    registry: &'a Registry,
    /// Set when the grammar looked past the last token: had there been more, it might have read
    /// them.
    saw_end: Cell<bool>,
}

/// Lower-case words inside place names (`Dar es Salaam`, `Rio de Janeiro`).
const CONNECTORS: [&str; 24] = [
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les", "el", "al", "es",
    "en", "sur", "am", "im", "an", "der", "upon", "of",
];

impl<'a> Reader<'a> {
    fn new(tokens: &'a [Token], src: &'a str, registry: &'a Registry) -> Self {
        Reader { tokens, src, registry, saw_end: Cell::new(false) }
    }

    /// Token `i`; every look at the tokens goes through here or [`Reader::upto`].
    fn token(&self, i: usize) -> Option<&'a Token> {
        let token = self.tokens.get(i);
        if token.is_none() {
            self.saw_end.set(true);
        }
        token
    }

    /// `end`, or the number of tokens when there are fewer.
    fn upto(&self, end: usize) -> usize {
        if self.tokens.len() < end {
            self.saw_end.set(true);
        }
        self.tokens.len().min(end)
    }

    fn text(&self, i: usize) -> &'a str {
        self.token(i).map_or("", |t| &self.src[t.start..t.end])
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.token(i).map(|t| t.kind)
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Kind::Punct(c))
    }

    fn is_month(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word) && month_number(self.text(i)).is_some()
    }

    fn lead(&self) -> Option<Lead> {
        let mut lead = Lead::default();
        let mut i = 0;
        // `(ANSA) - ROME, ...`
        if self.is_punct(0, '(')
            && let Some((agency, after)) = self.paren_agency(0)
            && self.kind(after) == Some(Kind::Dash)
        {
            lead.agency = Some(agency);
            i = after + 1;
        }
        // Stars that flag a repeated item: `****MOSCOW`.
        while self.is_punct(i, '*') {
            i += 1;
        }
        lead.start = self.tokens.first()?.start;
        i = self.place(i, &mut lead)?;
        lead.comma_after_place = self.is_punct(i, ',');

        // Qualifiers, date and agency, in the order written.
        let mut terminated = false;
        while let Some(kind) = self.kind(i) {
            match kind {
                Kind::Punct(',') | Kind::Punct(';') => {
                    i += 1;
                    // `N.Y,. March 13`
                    if self.is_punct(i, '.') {
                        i += 1;
                    }
                    // A stray comma before the credit or the dash: `Nov. 9, 2006, (Xinhua) --`.
                    if matches!(self.kind(i), Some(Kind::Dash) | Some(Kind::Punct('('))) {
                        continue;
                    }
                    if let Some(next) = self.date(i, &mut lead) {
                        i = next;
                    } else if let Some(next) = self.bare_agency(i, &mut lead) {
                        i = next;
                    } else if let Some(next) = self.qualifier(i, &mut lead) {
                        i = next;
                    } else {
                        return None;
                    }
                }
                Kind::Punct('[') => {
                    let close = (i + 1..self.upto(i + 6)).find(|&j| self.is_punct(j, ']'))?;
                    if close == i + 1 {
                        return None;
                    }
                    lead.bracket = Some((self.tokens[i + 1].start, self.tokens[close - 1].end));
                    i = close + 1;
                }
                Kind::Punct('(') if lead.agency.is_none() => {
                    let (agency, after) = self.paren_agency(i)?;
                    lead.agency = Some(agency);
                    i = after;
                }
                Kind::Punct('/') if lead.agency.is_none() => {
                    // `/TASS/`
                    let close = (i + 1..self.upto(i + 5)).find(|&j| self.is_punct(j, '/'))?;
                    if close == i + 1 || !(i + 1..close).all(|j| self.kind(j) == Some(Kind::Word)) {
                        return None;
                    }
                    lead.agency = Some((self.tokens[i + 1].start, self.tokens[close - 1].end));
                    i = close + 1;
                    if self.is_punct(i, '.') {
                        lead.end = self.tokens[i].end;
                        i += 1;
                        terminated = true;
                        break;
                    }
                }
                Kind::Punct('.') if self.kind(i + 1) == Some(Kind::Dash) => {
                    // `(EFE).-`
                    lead.end = self.tokens[i + 1].end;
                    i += 2;
                    terminated = true;
                    break;
                }
                Kind::Punct('.') if self.is_punct(i + 1, ',') => {
                    // `FARMINGTON Conn., March 9 -`
                    i += 1;
                }
                Kind::Punct('.') if lead.date.is_none() || lead.agency.is_none() => {
                    // `STAVROPOL. Jan 8`, `January 26. /TASS/.`, `(EFE).-`
                    if self.kind(i + 1) == Some(Kind::Dash) {
                        lead.end = self.tokens[i + 1].end;
                        i += 2;
                        terminated = true;
                        break;
                    }
                    i += 1;
                    if lead.date.is_none()
                        && let Some(next) = self.date(i, &mut lead)
                    {
                        i = next;
                    } else if !self.is_punct(i, '/') {
                        return None;
                    }
                }
                Kind::Word | Kind::Number | Kind::IsoDate if lead.date.is_none() => {
                    if let Some(next) = self.date(i, &mut lead) {
                        i = next;
                    } else if let Some(next) = self.bare_agency(i, &mut lead) {
                        i = next;
                    } else {
                        return None;
                    }
                }
                Kind::Word if lead.agency.is_none() => {
                    i = self.bare_agency(i, &mut lead)?;
                }
                Kind::Dash => {
                    lead.end = self.tokens[i].end;
                    i += 1;
                    terminated = true;
                    // `CAPE CANAVERAL -- (AP) --`
                    if lead.agency.is_none()
                        && self.is_punct(i, '(')
                        && let Some((agency, after)) = self.paren_agency(i)
                        && self.kind(after) == Some(Kind::Dash)
                    {
                        lead.agency = Some(agency);
                        lead.end = self.tokens[after].end;
                        i = after + 1;
                    }
                    break;
                }
                Kind::Punct(':') => {
                    lead.end = self.tokens[i].end;
                    i += 1;
                    terminated = true;
                    break;
                }
                _ => break,
            }
        }
        if !terminated {
            lead.end = self.tokens[i.checked_sub(1)?].end;
            if self.token(i).is_none() {
                lead.whole_line = true;
            }
        }
        self.accept(&lead, terminated, i).then_some(lead)
    }

    /// Reads the place; returns the index after it.
    fn place(&self, mut i: usize, lead: &mut Lead) -> Option<usize> {
        let mut words = 0;
        let mut city_start = None;
        let mut city_end = 0;
        let mut caps = true;
        loop {
            match self.kind(i) {
                Some(Kind::Word) => {
                    let word = self.text(i);
                    // A month followed by a day ends the place: `SARAJEVO April 13`.
                    if words > 0
                        && (self.is_month(i)
                            && matches!(self.kind(i + 1), Some(Kind::Number) | Some(Kind::Dash) | None)
                            || weekday_number(word).is_some() && self.is_punct(i + 1, ','))
                    {
                        break;
                    }
                    // Lower-case words (`Mexico city`, `des moines`) make the place mixed or lower
                    // case, which is accepted only with a date or a credit.
                    if word.chars().any(char::is_lowercase) {
                        caps = false;
                    }
                    city_start.get_or_insert(self.tokens[i].start);
                    city_end = self.tokens[i].end;
                    words += 1;
                    if words > MAX_PLACE_WORDS {
                        return None;
                    }
                    i += 1;
                }
                Some(Kind::Punct('.')) if words > 0 => {
                    // `ST. LOUIS`, `FT. LAUDERDALE`: an abbreviation inside the place.
                    let previous = self.text(i - 1);
                    let next_is_place_word = self.kind(i + 1) == Some(Kind::Word)
                        && !self.is_month(i + 1)
                        && self.text(i + 1).starts_with(char::is_uppercase);
                    if previous.chars().count() <= 3 && next_is_place_word && self.tokens[i + 1].space_before
                    {
                        city_end = self.tokens[i].end;
                        i += 1;
                    } else {
                        break;
                    }
                }
                Some(Kind::Punct('/')) if words > 0 && self.kind(i + 1) == Some(Kind::Word) => {
                    // `SAN FRANCISCO/NEW YORK`; `/TASS/` after a place is an agency, not a city.
                    if (i + 2..i + 5).any(|j| self.is_punct(j, '/')) {
                        break;
                    }
                    lead.cities.push((city_start?, city_end));
                    city_start = None;
                    words = 0;
                    i += 1;
                }
                _ => break,
            }
        }
        lead.cities.push((city_start?, city_end));
        lead.caps = caps;
        Some(i)
    }

    /// `(AP)`, `(Interfax-AVN)`, `(Agencia Brasil - ABr)`: returns the inner range and the index
    /// after the `)`.
    fn paren_agency(&self, open: usize) -> Option<((usize, usize), usize)> {
        let close = (open + 1..self.upto(open + 8)).find(|&j| self.is_punct(j, ')'))?;
        if close == open + 1 {
            return None;
        }
        let inner = open + 1..close;
        // An agency name has letters and no digits (a `(2)` or `(1996)` is not a credit).
        if !inner
            .clone()
            .all(|j| matches!(self.kind(j), Some(Kind::Word) | Some(Kind::Dash) | Some(Kind::Punct('.'))))
            || self.kind(open + 1) != Some(Kind::Word)
        {
            return None;
        }
        Some(((self.tokens[open + 1].start, self.tokens[close - 1].end), close + 1))
    }

    /// A known agency written without brackets: `Tehran, IRNA --`, `KIMBERLEY June 18 Sapa`.
    fn bare_agency(&self, i: usize, lead: &mut Lead) -> Option<usize> {
        if lead.agency.is_some() || self.kind(i) != Some(Kind::Word) {
            return None;
        }
        let word = self.text(i);
        let known = self.registry.agencies.lookup(word).is_some()
            || word.rsplit('-').next().is_some_and(|w| self.registry.agencies.lookup(w).is_some());
        // Right before the dash a single capitalised word after the date is a credit even when
        // the registry does not know it (`TOKYO, Jan. 26 Kyodo -`).
        let before_dash = self.kind(i + 1) == Some(Kind::Dash)
            && word.starts_with(char::is_uppercase)
            && lead.date.is_some();
        if !(known || before_dash)
            || self.registry.places.region(word).is_some()
            || self.registry.places.country(word).is_some()
        {
            return None;
        }
        lead.agency = Some((self.tokens[i].start, self.tokens[i].end));
        Some(i + 1)
    }

    /// A region or country after a comma (`Ohio`, `N.Y.`, `W. Va.`, `the Netherlands`,
    /// `Zaire-Zambia border`), or a misspelt date (`Macrh 31`).
    fn qualifier(&self, mut i: usize, lead: &mut Lead) -> Option<usize> {
        let start = i;
        let mut words = 0;
        while self.kind(i) == Some(Kind::Word) && words < 5 {
            if words > 0 && self.is_month(i) {
                break;
            }
            let word = self.text(i);
            if !(word.starts_with(char::is_uppercase)
                || CONNECTORS.contains(&word)
                || word == "the"
                || words > 0)
            {
                return None;
            }
            words += 1;
            i += 1;
            // `N.Y.`, `Calif.`, `W. Va.`
            if self.is_punct(i, '.') {
                i += 1;
            }
        }
        if words == 0 {
            return None;
        }
        let end = self.tokens[i - 1].end;
        // `Macrh 31`: a word and a day where a date belongs, not a region.
        if words == 1
            && self.kind(i) == Some(Kind::Number)
            && lead.date.is_none()
            && self.registry.places.region(self.text(start)).is_none()
        {
            lead.date = Some((self.tokens[start].start, self.tokens[i].end));
            return Some(i + 1);
        }
        lead.qualifiers.push((self.tokens[start].start, end));
        Some(i)
    }

    /// A date: `Jan. 26`, `January 26, 2021`, `26th January, 2021`, `17 Apr`, `1996-08-22`,
    /// `Tuesday`, `April` alone. Returns the index after it.
    fn date(&self, i: usize, lead: &mut Lead) -> Option<usize> {
        if lead.date.is_some() {
            return None;
        }
        let start = self.token(i)?.start;
        let mut j = i;
        let mut full = false;
        match self.kind(j)? {
            Kind::IsoDate => {
                j += 1;
                full = true;
            }
            Kind::Word if weekday_number(self.text(j)).is_some() && self.text(j).len() >= 3 => {
                j += 1;
                full = true;
                // `Tuesday, Jan. 26`
                if self.is_punct(j, ',') && self.is_month(j + 1) {
                    j = self.month_day(j + 1).unwrap_or(j);
                }
            }
            Kind::Word if self.is_month(j) => {
                match self.month_day(j) {
                    Some(next) => {
                        j = next;
                        full = true;
                    }
                    None => {
                        j += 1;
                        if self.is_punct(j, '.') && self.kind(j + 1) != Some(Kind::Dash) {
                            j += 1;
                        }
                        // `April l`, `March 187`: a broken day, kept in the written date.
                        for _ in 0..2 {
                            let broken = self.kind(j) == Some(Kind::Word) && self.text(j).len() <= 2
                                || self.kind(j) == Some(Kind::Number) && self.text(j).len() <= 3;
                            if !broken {
                                break;
                            }
                            j += 1;
                        }
                    }
                }
            }
            Kind::Number => {
                let day: u32 = digits(self.text(j)).parse().ok()?;
                if !(1..=31).contains(&day) {
                    return None;
                }
                j += 1;
                if self.is_month(j) {
                    // `26th January, 2021`, `17 Apr`
                    j += 1;
                    if self.is_punct(j, '.') && self.kind(j + 1) != Some(Kind::Dash) {
                        j += 1;
                    }
                    j = self.year(j).unwrap_or(j);
                    full = true;
                } else if !(self.is_punct(j, '(') && i > 0 && self.is_punct(i - 1, ',')) {
                    // A bare day (`Brasilia, 13 (ABr)`) only after a comma and right before the credit.
                    return None;
                }
            }
            _ => return None,
        }
        let end = self.tokens[j - 1].end;
        let end = if self.src[start..end].ends_with('.') && !full { end - 1 } else { end };
        lead.date = Some((start, end));
        lead.date_full = full;
        Some(j)
    }

    /// `Jan. 26`, `January 26, 2021`, `JAN 26`: month at `i`, then a day; returns the index after
    /// the day (and year, when written).
    fn month_day(&self, i: usize) -> Option<usize> {
        let mut j = i + 1;
        if self.is_punct(j, '.') {
            j += 1;
        }
        if self.kind(j) != Some(Kind::Number) {
            return None;
        }
        let day: u32 = digits(self.text(j)).parse().ok()?;
        if !(1..=31).contains(&day) || digits(self.text(j)).len() > 2 {
            return None;
        }
        j += 1;
        Some(self.year(j).unwrap_or(j))
    }

    /// `, 2021` or ` 2021` at `i`; returns the index after the year.
    fn year(&self, i: usize) -> Option<usize> {
        let j = if self.is_punct(i, ',') { i + 1 } else { i };
        let text = self.text(j);
        (self.kind(j) == Some(Kind::Number) && text.len() == 4 && text.starts_with(['1', '2']))
            .then_some(j + 1)
    }

    /// Is there enough evidence that this is a dateline, not a headline or a sentence?
    fn accept(&self, lead: &Lead, terminated: bool, next: usize) -> bool {
        let places = &self.registry.places;
        let first_city = lead.cities.first().map_or("", |&(s, e)| &self.src[s..e]);
        let all_lower = !first_city.chars().any(char::is_uppercase);
        let title = first_city
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase) || CONNECTORS.contains(&w));
        let known_city = lead.cities.iter().all(|&(s, e)| places.city(&self.src[s..e]).is_some());
        let known_qualifier =
            lead.qualifiers.iter().any(|&(s, e)| {
                let q = &self.src[s..e];
                places.region(q).is_some() || places.country(q).is_some()
            }) || lead.bracket.is_some_and(|(s, e)| places.country(&self.src[s..e]).is_some());
        let date = lead.date.is_some() && (lead.date_full || terminated);
        let agency = lead.agency.is_some();
        if all_lower && !(date && terminated) {
            return false;
        }
        if !(lead.caps || title) {
            // Mixed case (`BALDWIN Park`, `Mexico city`) only with a date or a credit, and a
            // comma after the place (a sentence-case headline may end in a date).
            if !(agency || date && lead.comma_after_place) {
                return false;
            }
        }
        let known_place = known_city || known_qualifier;
        let words =
            lead.cities.iter().map(|&(s, e)| self.src[s..e].split_whitespace().count()).sum::<usize>();
        if !terminated {
            // `LONDON 1996-08-22` on a line of its own (a headline that ends in a date is not
            // one: the place must be known or short); `New Delhi, Jan 26 (PTI) The ...` and
            // `KIMBERLEY June 18 Sapa` with a credit after the date.
            let credit_then_text = agency
                && date
                && lead.date_full
                && self
                    .token(next)
                    .is_some_and(|t| t.space_before && self.text(next).starts_with(char::is_uppercase));
            let iso =
                lead.date.is_some_and(|(s, e)| e - s == 10 && self.src.as_bytes().get(s + 4) == Some(&b'-'));
            let whole = lead.whole_line && date && lead.date_full && (known_place || iso && words <= 4);
            return whole || credit_then_text;
        }
        if agency {
            return true;
        }
        if date {
            // A headline ending in a date (`TALKS TO RESUME ON MARCH 27 -`) has a long place.
            return known_place || words <= 4 || !lead.qualifiers.is_empty();
        }
        // Place and dash or colon alone: a known city in capitals (`TEHRAN -`, `HARARE-`,
        // `WASHINGTON:`), not a country (`TURKEY, GREECE ... -`), with nothing unknown after it
        // (`WHEAT -`, `PRESS DIGEST -` and sports headings are not places).
        let first_city = lead.cities.first().map_or("", |&(s, e)| &self.src[s..e]);
        let qualifiers_known = lead.qualifiers.iter().all(|&(s, e)| {
            let q = &self.src[s..e];
            places.region(q).is_some() || places.country(q).is_some()
        });
        lead.caps && known_city && qualifiers_known && places.country(first_city).is_none()
    }
}

fn digits(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    &s[..end]
}

// ---------------------------------------------------------------------------------------------
// Resolution

fn build(line: &str, head: &str, offset: usize, lead: &Lead, registry: &Registry) -> Found {
    let places = &registry.places;
    let slice = |(s, e): (usize, usize)| head.get(s..e).unwrap_or("");
    let place_text = match (lead.cities.first(), lead.cities.last()) {
        (Some(&(s, _)), Some(&(_, e))) => slice((s, e)),
        _ => "",
    };

    // Region and country from the qualifiers and the bracket.
    let mut region = None;
    let mut country = lead.bracket.and_then(|b| places.country(slice(b)).map(str::to_string));
    for &q in &lead.qualifiers {
        let written = slice(q);
        if let Some(r) = places.region(written) {
            // `WA` is Washington state, unless the city is in Western Australia.
            let first_city = lead.cities.first().map(|&c| slice(c)).unwrap_or("");
            let r = places
                .regions(written)
                .iter()
                .find(|r| places.find_city(first_city, Some(&r.country), Some(&r.name)).is_some())
                .unwrap_or(r);
            region.get_or_insert_with(|| r.name.clone());
            country.get_or_insert_with(|| r.country.clone());
        } else if let Some(code) = places.country(written) {
            country.get_or_insert_with(|| code.to_string());
        } else {
            region.get_or_insert_with(|| written.to_string());
        }
    }

    let cities: Vec<(String, Option<String>)> = lead
        .cities
        .iter()
        .map(|&c| {
            let written = slice(c);
            let found = places
                .find_city(written, country.as_deref(), region.as_deref())
                .or_else(|| places.find_city(written, country.as_deref(), None))
                .or_else(|| country.is_none().then(|| places.find_city(written, None, None)).flatten());
            match found {
                Some(m) if m.kind != NameKind::Other => (m.place.name.clone(), Some(m.place.country.clone())),
                Some(m) => (title_case(written), Some(m.place.country.clone())),
                None => (title_case(written), None),
            }
        })
        .collect();
    if country.is_none() {
        country = cities.first().and_then(|(_, c)| c.clone());
    }
    let text_end = lead.end.min(head.len());
    let text_start = lead.start.min(text_end);
    let dateline = Dateline {
        text: head[text_start..text_end].to_string(),
        span: Span::new(offset + text_start, offset + text_end),
        place: place_text.to_string(),
        // Several cities (`SAN FRANCISCO/NEW YORK`, `DALLAS/FORT WORTH`) are the place together.
        city: cities.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>().join("/"),
        cities: cities.into_iter().map(|(c, _)| c).collect(),
        region,
        country,
        date: None,
        date_text: lead.date.map(|d| slice(d).to_string()),
    };
    let agency_marker =
        lead.agency.map(|(s, e)| (slice((s, e)).trim().to_string(), Span::new(offset + s, offset + e)));
    let whole_line = lead.whole_line && text_end == line.trim_end().len();
    Found { dateline, agency_marker, whole_line }
}

/// `NEW YORK` → `New York`, `N'DJAMENA` → `N'Djamena`, `WINSTON-SALEM` → `Winston-Salem`; a name
/// already in mixed case is kept as written.
fn title_case(s: &str) -> String {
    let has_upper = s.chars().any(char::is_uppercase);
    let has_lower = s.chars().any(char::is_lowercase);
    if has_upper && has_lower {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut word_start = true;
    let mut letters_in_word = 0;
    for c in s.chars() {
        if word_start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        if c.is_alphabetic() {
            letters_in_word += 1;
        }
        // A new word after a blank, a hyphen, a slash, or an elided `N'`/`D'`.
        word_start = matches!(c, ' ' | '-' | '/') || (matches!(c, '\'' | '’') && letters_in_word == 1);
        if matches!(c, ' ' | '-' | '/') {
            letters_in_word = 0;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lead_head_is_the_first_characters() {
        let by_chars = |line: &str| match line.char_indices().nth(MAX_LEAD_CHARS) {
            Some((i, _)) => line[..i].to_string(),
            None => line.to_string(),
        };
        let ascii = "WASHINGTON (Reuters) - ".repeat(12);
        let accented = "SÃO PAULO, Brazil — ".repeat(12);
        let lines = [
            "",
            "LONDON",
            &ascii[..MAX_LEAD_CHARS],
            &ascii[..MAX_LEAD_CHARS + 1],
            &ascii,
            &accented[..190],
            &accented,
        ];
        for line in lines {
            assert_eq!(lead_head(line), by_chars(line), "{line:?}");
        }
        let mixed = format!("{}é{}", &ascii[..MAX_LEAD_CHARS], ascii);
        assert_eq!(lead_head(&mixed), by_chars(&mixed));
        let late = format!("{}é", &ascii[..MAX_LEAD_CHARS - 1]);
        assert_eq!(lead_head(&late), by_chars(&late));
    }

    fn lead(line: &str) -> Found {
        parse_lead(line, 0, &Registry::embedded()).unwrap_or_else(|| panic!("{line:?} has a dateline"))
    }

    #[test]
    fn common_styles() {
        let f = lead("TEHRAN (FNA)- Iranian officials met.");
        assert_eq!((f.dateline.city.as_str(), f.dateline.country.as_deref()), ("Tehran", Some("IR")));
        assert_eq!(f.dateline.text, "TEHRAN (FNA)-");
        assert_eq!(f.agency_marker.unwrap().0, "FNA");
        let f = lead("BEIJING, Jan. 26 (Xinhua) -- China said.");
        assert_eq!(f.dateline.date_text.as_deref(), Some("Jan. 26"));
        let f = lead("AKRON, Ohio, March 26 - Goodyear said.");
        assert_eq!(f.dateline.region.as_deref(), Some("Ohio"));
        assert!(lead("LONDON 1996-08-22").whole_line);
    }

    /// The lead read from every token of the line at once.
    fn lead_from_all_tokens(line: &str) -> Option<String> {
        let registry = Registry::embedded();
        let tokens = tokenize(line, usize::MAX);
        let lead = Reader::new(&tokens, line, &registry).lead()?;
        Some(format!("{:?}", build(line, line, 0, &lead, &registry)))
    }

    #[test]
    fn reading_the_first_tokens_first_changes_nothing() {
        let qualifiers = |n: usize| ", Ohio".repeat(n);
        let mut lines: Vec<String> = (0..16)
            .flat_map(|n| {
                [
                    format!("AKRON{} - Goodyear said.", qualifiers(n)),
                    format!("AKRON{}, March 26 (Reuters) - Goodyear said.", qualifiers(n)),
                    format!("AKRON{}, March 26", qualifiers(n)),
                    format!("AKRON{} March 26 Sapa SHARES FELL", qualifiers(n)),
                ]
            })
            .collect();
        lines.push("The minister said on Tuesday, in Paris, France, Europe, that all was well.".to_string());
        assert!(lines.iter().any(|l| tokenize(l, usize::MAX).len() > FIRST_TOKENS + 4));
        let mut found = 0;
        for line in &lines {
            let got = parse_lead(line, 0, &Registry::embedded()).map(|f| format!("{f:?}"));
            assert_eq!(got, lead_from_all_tokens(line), "{line}");
            found += usize::from(got.is_some());
        }
        assert!(found > 16, "only {found} leads");
    }

    #[test]
    fn prose_is_not_a_dateline() {
        for line in [
            "The minister said on Tuesday - again",
            "WASHINGTON state officials said on Monday they would act.",
            "PRESS DIGEST - Iraq - Aug 22.",
            "WHEAT - prices were steady",
            "U.S. GROWING IMPATIENT WITH JAPAN - MINISTER",
        ] {
            assert!(parse_lead(line, 0, &Registry::embedded()).is_none(), "{line}");
        }
    }

    #[test]
    fn title_cases_written_names() {
        assert_eq!(title_case("N'DJAMENA"), "N'Djamena");
        assert_eq!(title_case("WINSTON-SALEM"), "Winston-Salem");
        assert_eq!(title_case("des moines"), "Des Moines");
        assert_eq!(title_case("BALDWIN Park"), "BALDWIN Park");
    }
}
