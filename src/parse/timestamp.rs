//! Header timestamps: a line that is a date and time, in the formats agencies stamp copy with —
//! `2021-January-26 15:05`, `26-FEB-1987 15:01:01.79`, `Fri Oct 20, 2006 4:25pm EDT`,
//! `Jan 26, 2021 15:05 GMT`, `26 January 2021 15:05 IRST`, ISO 8601, RFC 2822.
//!
//! The line is split into tokens and every token must be a date or time part (weekday, month,
//! day, year, clock time, am/pm, zone) or a separator, so prose never passes as a timestamp.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};

use crate::article::{Span, Timestamp};
use crate::registry::zones;

/// The longest line considered a timestamp.
const MAX_LEN: usize = 96;

/// Labels a header line may put before its timestamp.
const LABELS: [&str; 12] = [
    "published",
    "first published",
    "updated",
    "last updated",
    "posted",
    "modified",
    "last modified",
    "date",
    "time",
    "dated",
    "filed",
    "released",
];

/// English month names, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// True when the lower-case word is a weekday written out (`tuesday`; abbreviations are not, as
/// `Sun` and `Sat` are names too).
pub(crate) fn is_weekday(lower: &str) -> bool {
    WEEKDAYS.contains(&lower)
}

/// The month number of an English month name or its abbreviation of three or more letters
/// (`Jan`, `Sept.`, `JANUARY`, `Febr`).
pub fn month_number(name: &str) -> Option<u32> {
    let word = abbreviation(name)?;
    MONTHS.iter().position(|m| abbreviates(word, m)).map(|i| i as u32 + 1)
}

/// The weekday (0 = Monday) of an English weekday name or abbreviation (`Tue`, `Tues.`, `THURSDAY`).
pub fn weekday_number(name: &str) -> Option<u32> {
    let word = abbreviation(name)?;
    WEEKDAYS.iter().position(|w| abbreviates(word, w)).map(|i| i as u32)
}

/// `name` without trailing dots when that is three or more ASCII letters: the only shape a month
/// or weekday abbreviation takes. Checked once per word, not once per name it is compared with
/// (every word of every dateline and date phrase comes here).
fn abbreviation(name: &str) -> Option<&[u8]> {
    let word = name.trim_end_matches('.').as_bytes();
    (word.len() >= 3 && word.iter().all(u8::is_ascii_alphabetic)).then_some(word)
}

/// True when `word` starts the lower-case `full` in any case. The first letters are compared
/// before the rest: most words tried are no month or weekday.
fn abbreviates(word: &[u8], full: &str) -> bool {
    let full = full.as_bytes();
    full.first().zip(word.first()).is_some_and(|(f, w)| *f == w.to_ascii_lowercase())
        && full.get(..word.len()).is_some_and(|start| start.eq_ignore_ascii_case(word))
}

/// Parses `line` (found at `span`) when the whole line is a timestamp, possibly after a label
/// (`Updated: ...`) or inside brackets.
pub fn parse(line: &str, span: Span) -> Option<Timestamp> {
    let trimmed = line.trim();
    if trimmed.len() > MAX_LEN || !trimmed.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let lead = line.len() - line.trim_start().len();
    let span = Span::new(span.start + lead, span.start + lead + trimmed.len());
    let body = strip_label(trimmed);
    if let Ok(dt) = DateTime::parse_from_rfc3339(body) {
        return Some(written(trimmed, span, dt.naive_local(), Some(dt.offset().fix()), None, true));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(body) {
        let zone = body.rsplit(' ').next().filter(|z| z.chars().all(|c| c.is_ascii_alphabetic()));
        return Some(written(
            trimmed,
            span,
            dt.naive_local(),
            Some(dt.offset().fix()),
            zone.map(str::to_string),
            true,
        ));
    }
    let parts = Parts::scan(body)?;
    let local = parts.date()?.and_time(parts.time()?);
    let (offset, zone) = match parts.zone {
        None => (None, None),
        Some(Zone::Offset(offset, text)) => (Some(offset), Some(text.to_string())),
        Some(Zone::Named(name)) => (Some(zones::abbreviation(name, local)?.0), Some(name.to_string())),
        Some(Zone::NamedWithOffset(name, offset)) => {
            let base = if name.eq_ignore_ascii_case("GMT") || name.eq_ignore_ascii_case("UTC") {
                0
            } else {
                zones::abbreviation(name, local)?.0.local_minus_utc()
            };
            (FixedOffset::east_opt(base + offset.local_minus_utc()), Some(format!("{name}{offset}")))
        }
    };
    Some(written(trimmed, span, local, offset, zone, parts.seconds.is_some()))
}

/// The line without a leading `Updated:`-style label or surrounding brackets.
fn strip_label(line: &str) -> &str {
    let mut rest = line.trim_matches(|c: char| matches!(c, '[' | ']' | '(' | ')') || c.is_whitespace());
    let lower = rest.to_ascii_lowercase();
    for label in LABELS {
        if let Some(after) = lower.strip_prefix(label)
            && let Some(stripped) = after.trim_start().strip_prefix([':', '-']).or_else(|| {
                after
                    .starts_with(' ')
                    .then_some(after.trim_start())
                    .filter(|a| a.starts_with(|c: char| c.is_ascii_digit()) || label.len() > 4)
            })
        {
            // Same byte length in lower case for ASCII labels; `stripped` is a suffix of `lower`.
            let start = lower.len() - stripped.len();
            rest = rest.get(start..).unwrap_or(rest).trim_start();
            break;
        }
    }
    rest.trim()
}

#[derive(Clone, Copy, Debug)]
enum Zone<'a> {
    Offset(FixedOffset, &'a str),
    Named(&'a str),
    NamedWithOffset(&'a str, FixedOffset),
}

/// The parts of a timestamp line, each found once.
#[derive(Debug, Default)]
struct Parts<'a> {
    year: Option<i32>,
    month: Option<u32>,
    /// Numbers of one or two digits not yet known to be day or month, in order.
    numbers: Vec<u32>,
    /// The separator between numeric date parts (`/`, `.`, `-`), which says their order.
    numeric_separator: Option<char>,
    /// True when a four-digit year came before the other numbers (`2021-01-26`).
    year_first: bool,
    hour: Option<u32>,
    minute: Option<u32>,
    seconds: Option<u32>,
    meridiem: Option<bool>,
    zone: Option<Zone<'a>>,
}

impl<'a> Parts<'a> {
    fn scan(text: &'a str) -> Option<Self> {
        let mut parts = Parts::default();
        let mut rest = text;
        let mut previous_separator = None;
        while !rest.is_empty() {
            let c = rest.chars().next()?;
            if c.is_whitespace() || matches!(c, ',' | '|' | '[' | ']' | '(' | ')') {
                rest = &rest[c.len_utf8()..];
                continue;
            }
            if matches!(c, '-' | '/' | '.' | '–') {
                // A sign before an offset after the time (`15:05 -0500`), otherwise a separator.
                if c == '-' && parts.hour.is_some() && parts.zone.is_none() {
                    let digits = rest[1..].bytes().take_while(u8::is_ascii_digit).count();
                    if digits == 4 || digits == 2 {
                        let end = 1 + digits + offset_minutes_len(&rest[1 + digits..]);
                        parts.zone = Some(Zone::Offset(zones::parse_offset(&rest[..end])?, &rest[..end]));
                        rest = &rest[end..];
                        continue;
                    }
                }
                previous_separator = Some(c);
                rest = &rest[c.len_utf8()..];
                continue;
            }
            if c == '+' {
                let digits = rest[1..].bytes().take_while(u8::is_ascii_digit).count();
                let end = 1 + digits + offset_minutes_len(&rest[1 + digits..]);
                let offset = zones::parse_offset(&rest[..end])?;
                if parts.zone.is_some() {
                    return None;
                }
                parts.zone = Some(Zone::Offset(offset, &rest[..end]));
                rest = &rest[end..];
                continue;
            }
            if c.is_ascii_digit() {
                let len = rest.bytes().take_while(u8::is_ascii_digit).count();
                let digits = &rest[..len];
                let after = &rest[len..];
                if after.starts_with(':') {
                    let used = parts.clock(rest)?;
                    rest = &rest[used..];
                    previous_separator = None;
                    continue;
                }
                let value: u32 = digits.parse().ok()?;
                match len {
                    4 => {
                        if parts.year.is_some() {
                            return None;
                        }
                        parts.year = Some(value as i32);
                        parts.year_first = parts.numbers.is_empty() && parts.month.is_none();
                    }
                    1 | 2 => {
                        if let Some(sep) =
                            previous_separator.filter(|_| !parts.numbers.is_empty() || parts.year_first)
                        {
                            parts.numeric_separator.get_or_insert(sep);
                        }
                        parts.numbers.push(value);
                    }
                    _ => return None,
                }
                rest = after;
                // Ordinal suffixes: `26th`.
                let suffix = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
                if suffix > 0 {
                    let word = rest[..suffix].to_ascii_lowercase();
                    if matches!(word.as_str(), "st" | "nd" | "rd" | "th") {
                        rest = &rest[suffix..];
                    } else if len <= 2 && parts.hour.is_none() && matches!(word.as_str(), "am" | "pm") {
                        // `4pm`
                        let hour = parts.numbers.pop()?;
                        parts.hour = Some(hour);
                        parts.minute = Some(0);
                        parts.meridiem = Some(word == "pm");
                        rest = &rest[suffix..];
                    }
                }
                previous_separator = None;
                continue;
            }
            if c.is_alphabetic() {
                let len = rest.find(|c: char| !(c.is_alphabetic() || c == '.')).unwrap_or(rest.len());
                let word = &rest[..len];
                parts
                    .word(word.trim_end_matches('.'), rest.get(len..).unwrap_or(""))
                    .map(|extra| rest = &rest[len + extra..])?;
                previous_separator = None;
                continue;
            }
            return None;
        }
        Some(parts)
    }

    /// Reads `H:MM[:SS[.ff]][am|pm]` at the start of `text`; returns the bytes used.
    fn clock(&mut self, text: &str) -> Option<usize> {
        if self.hour.is_some() {
            return None;
        }
        let mut fields = Vec::with_capacity(3);
        let mut used = 0;
        loop {
            let len = text[used..].bytes().take_while(u8::is_ascii_digit).count();
            if len == 0 || len > 2 || fields.len() == 3 {
                return None;
            }
            fields.push(text[used..used + len].parse::<u32>().ok()?);
            used += len;
            if text[used..].starts_with(':') && fields.len() < 3 {
                used += 1;
            } else {
                break;
            }
        }
        if fields.len() < 2 {
            return None;
        }
        // Fractions of a second: `15:01:01.79`.
        if fields.len() == 3 && text[used..].starts_with(['.', ',']) {
            let frac = text[used + 1..].bytes().take_while(u8::is_ascii_digit).count();
            if frac > 0 {
                used += 1 + frac;
            }
        }
        self.hour = Some(fields[0]);
        self.minute = Some(fields[1]);
        self.seconds = fields.get(2).copied();
        let tail = text[used..].trim_start();
        let lower: String = tail.chars().take(4).collect::<String>().to_ascii_lowercase();
        for (marker, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
            if lower.starts_with(marker)
                && !tail[marker.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
            {
                self.meridiem = Some(pm);
                used = text.len() - tail.len() + marker.len();
                break;
            }
        }
        Some(used)
    }

    /// Classifies a word; returns extra bytes consumed after it (a zone's `+3` suffix).
    fn word(&mut self, word: &'a str, after: &'a str) -> Option<usize> {
        if let Some(month) = month_number(word) {
            if self.month.is_some() {
                return None;
            }
            self.month = Some(month);
            return Some(0);
        }
        if weekday_number(word).is_some()
            || word.eq_ignore_ascii_case("at")
            || word.eq_ignore_ascii_case("on")
        {
            return Some(0);
        }
        if self.zone.is_some() {
            return None;
        }
        let upper = word.to_ascii_uppercase();
        let is_zone = word.len() >= 2
            && (word.bytes().all(|b| b.is_ascii_uppercase()) || upper == "GMT" || upper == "UTC")
            && (zones::is_abbreviation(&upper) || upper == "GMT" || upper == "UTC");
        if !is_zone {
            return None;
        }
        // `GMT+3`, `UTC+03:30`
        if after.starts_with(['+', '-']) {
            let digits = after[1..].bytes().take_while(u8::is_ascii_digit).count();
            let end = 1 + digits + offset_minutes_len(&after[1 + digits..]);
            if let Some(offset) = zones::parse_offset(&after[..end]) {
                let name = if word.eq_ignore_ascii_case("gmt") { "GMT" } else { word };
                self.zone = Some(Zone::NamedWithOffset(name, offset));
                return Some(end);
            }
        }
        self.zone =
            Some(Zone::Named(if upper == "GMT" || upper == "UTC" { upper_static(&upper) } else { word }));
        Some(0)
    }

    fn date(&self) -> Option<NaiveDate> {
        let year = self.year?;
        let (month, day) = match (self.month, self.numbers.as_slice()) {
            (Some(month), [day]) => (month, *day),
            (None, [a, b]) => {
                if self.year_first {
                    (*a, *b)
                } else if *a > 12 || self.numeric_separator == Some('.') {
                    // `26/01/2021`, `26.01.2021`
                    (*b, *a)
                } else {
                    // `01/26/2021`, the US order, when the first number could be a month.
                    (*a, *b)
                }
            }
            _ => return None,
        };
        if !(1000..=2999).contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, month, day)
    }

    fn time(&self) -> Option<NaiveTime> {
        let mut hour = self.hour?;
        if let Some(pm) = self.meridiem {
            if hour == 0 || hour > 12 {
                return None;
            }
            hour = match (pm, hour) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
        }
        NaiveTime::from_hms_opt(hour, self.minute?, self.seconds.unwrap_or(0))
    }
}

/// `GMT`/`UTC` as static names (the written case may differ).
fn upper_static(upper: &str) -> &'static str {
    if upper == "GMT" { "GMT" } else { "UTC" }
}

/// The length of `:MM` after an offset's hours, if present.
fn offset_minutes_len(after: &str) -> usize {
    let bytes = after.as_bytes();
    if bytes.len() >= 3 && bytes[0] == b':' && bytes[1].is_ascii_digit() && bytes[2].is_ascii_digit() {
        3
    } else {
        0
    }
}

fn written(
    line: &str,
    span: Span,
    local: NaiveDateTime,
    offset: Option<FixedOffset>,
    zone: Option<String>,
    has_seconds: bool,
) -> Timestamp {
    Timestamp { text: line.to_string(), span, local, offset, zone, zone_inferred: false, has_seconds }
}

/// Gives a timestamp written without a zone the agency's home zone `tz` (an IANA name), flagged as
/// inferred. Leaves timestamps that carry a zone, or an unknown `tz`, as they are.
pub fn infer_zone(timestamp: &mut Timestamp, tz: &str) {
    if timestamp.offset.is_some() {
        return;
    }
    let Ok(zone) = tz.parse::<chrono_tz::Tz>() else { return };
    // A wall-clock time skipped by a DST change has no offset; an ambiguous one takes the earlier.
    if let Some(dt) = zone.from_local_datetime(&timestamp.local).earliest() {
        timestamp.offset = Some(dt.offset().fix());
        timestamp.zone = Some(tz.to_string());
        timestamp.zone_inferred = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(line: &str) -> Timestamp {
        parse(line, Span::new(0, line.len())).unwrap_or_else(|| panic!("{line:?} is a timestamp"))
    }

    #[test]
    fn formats_seen_in_wire_headers() {
        let cases = [
            ("2021-January-26 15:05", "2021-01-26T15:05:00", None),
            ("2020-November-25  14:25", "2020-11-25T14:25:00", None),
            ("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01", None),
            ("Fri Oct 20, 2006 4:25pm EDT", "2006-10-20T16:25:00", Some(-4 * 3600)),
            ("2006-10-20T16:25:00+03:30", "2006-10-20T16:25:00", Some(3 * 3600 + 1800)),
            ("Tue, 26 Jan 2021 15:05:00 +0000", "2021-01-26T15:05:00", Some(0)),
            ("Jan 26, 2021 15:05 GMT", "2021-01-26T15:05:00", Some(0)),
            ("26 January 2021 15:05 IRST", "2021-01-26T15:05:00", Some(3 * 3600 + 1800)),
            ("Updated: Oct 20, 2006 at 4:25 p.m. ET", "2006-10-20T16:25:00", Some(-4 * 3600)),
            ("2021-01-26 15:05 +0330", "2021-01-26T15:05:00", Some(3 * 3600 + 1800)),
            ("TUESDAY, MARCH 12, 2002 8:36:13 PM", "2002-03-12T20:36:13", None),
            ("26/01/2021 15:05 GMT+3", "2021-01-26T15:05:00", Some(3 * 3600)),
        ];
        for (line, local, offset) in cases {
            let t = ts(line);
            assert_eq!(t.local.format("%Y-%m-%dT%H:%M:%S").to_string(), local, "{line}");
            assert_eq!(t.offset.map(|o| o.local_minus_utc()), offset, "{line}");
        }
    }

    #[test]
    fn rejects_prose_and_impossible_dates() {
        for line in [
            "The talks ended on Tuesday",
            "2021-February-30 10:00",
            "Talks resume Jan 26, 2021 at 15:05 in Vienna",
            "26-FEB-1987",
            "3:05",
            "1,234 people at 12:30",
        ] {
            assert!(parse(line, Span::new(0, line.len())).is_none(), "{line}");
        }
    }

    #[test]
    fn infers_home_zone_with_flag() {
        let mut t = ts("2020-November-25 14:25");
        infer_zone(&mut t, "Asia/Tehran");
        assert!(t.zone_inferred);
        assert_eq!(t.offset.unwrap().local_minus_utc(), 3 * 3600 + 1800);
    }
}
