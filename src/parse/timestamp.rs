//! Header timestamps: a line that is a date and time, in the formats agencies stamp copy with.

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};
use regex::Regex;

use crate::article::{Span, Timestamp};

/// `2021-January-26 15:05`, `2006-10-20 16:25:00`, `2006-10-20T16:25:00Z`, `2006-10-20T16:25+03:30`
static YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{4})[-/.]([A-Za-z]{3,9}|\d{1,2})[-/.](\d{1,2})(?:T|\s+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5})?$",
    )
    .expect("valid regex")
});

/// `26-FEB-1987 15:01:01.79`, `26 Feb 1987 15:01`
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})[-\s]([A-Za-z]{3,9})\.?[-\s,]+(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([ap]\.?m\.?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5})?$",
    )
    .expect("valid regex")
});

/// `Fri Oct 20, 2006 4:25pm EDT`, `January 26, 2021 15:05 GMT`
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5})?$",
    )
    .expect("valid regex")
});

/// The month number of an English month name or its abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
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
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    if lower == "sept" {
        return Some(9);
    }
    if lower.len() < 3 {
        return None;
    }
    MONTHS.iter().position(|m| m.starts_with(&lower)).map(|i| i as u32 + 1)
}

/// The UTC offset of a zone written in a timestamp (`EDT`, `GMT`, `+0330`, `Z`).
pub fn zone_offset(zone: &str) -> Option<FixedOffset> {
    let hours = |h: i32, m: i32| FixedOffset::east_opt(h * 3600 + h.signum() * m * 60);
    match zone {
        "Z" | "GMT" | "UTC" | "UT" | "WET" => hours(0, 0),
        "BST" | "CET" | "WAT" | "WEST" => hours(1, 0),
        "CEST" | "EET" | "SAST" | "CAT" => hours(2, 0),
        "EEST" | "MSK" | "EAT" | "AST" | "TRT" => hours(3, 0),
        "IRST" => FixedOffset::east_opt(3 * 3600 + 1800),
        "IRDT" => FixedOffset::east_opt(4 * 3600 + 1800),
        "GST" => hours(4, 0),
        "PKT" => hours(5, 0),
        "IST" => FixedOffset::east_opt(5 * 3600 + 1800),
        "ICT" | "WIB" => hours(7, 0),
        "HKT" | "SGT" | "PHT" | "AWST" => hours(8, 0),
        "JST" | "KST" => hours(9, 0),
        "AEST" => hours(10, 0),
        "AEDT" => hours(11, 0),
        "NZST" => hours(12, 0),
        "NZDT" => hours(13, 0),
        "ADT" => hours(-3, 0),
        "EDT" => hours(-4, 0),
        "EST" | "CDT" => hours(-5, 0),
        "CST" | "MDT" => hours(-6, 0),
        "MST" | "PDT" => hours(-7, 0),
        "PST" | "AKDT" => hours(-8, 0),
        _ => {
            let digits: String = zone.chars().filter(|c| c.is_ascii_digit()).collect();
            let sign = match zone.chars().next()? {
                '+' => 1,
                '-' => -1,
                _ => return None,
            };
            if digits.len() != 4 {
                return None;
            }
            let h: i32 = digits[..2].parse().ok()?;
            let m: i32 = digits[2..].parse().ok()?;
            FixedOffset::east_opt(sign * (h * 3600 + m * 60))
        }
    }
}

/// Parses `line` (found at `span`) when the whole line is a timestamp.
pub fn parse(line: &str, span: Span) -> Option<Timestamp> {
    let line = line.trim();
    if line.len() > 64 || !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(line) {
        return Some(written(line, span, dt.naive_local(), Some(dt.offset().fix()), zone_name(line), true));
    }
    let (date, caps_time, meridiem, zone) = if let Some(c) = YEAR_FIRST.captures(line) {
        let month = month_field(&c[2])?;
        let date = NaiveDate::from_ymd_opt(c[1].parse().ok()?, month, c[3].parse().ok()?)?;
        (date, [c.get(4), c.get(5), c.get(6)], None, c.get(7))
    } else if let Some(c) = DAY_FIRST.captures(line) {
        let date = NaiveDate::from_ymd_opt(c[3].parse().ok()?, month_number(&c[2])?, c[1].parse().ok()?)?;
        (date, [c.get(4), c.get(5), c.get(6)], c.get(7), c.get(8))
    } else if let Some(c) = MONTH_FIRST.captures(line) {
        let date = NaiveDate::from_ymd_opt(c[3].parse().ok()?, month_number(&c[1])?, c[2].parse().ok()?)?;
        (date, [c.get(4), c.get(5), c.get(6)], c.get(7), c.get(8))
    } else {
        return None;
    };
    let mut hour: u32 = caps_time[0]?.as_str().parse().ok()?;
    let minute: u32 = caps_time[1]?.as_str().parse().ok()?;
    let second: u32 = caps_time[2].map_or(Some(0), |s| s.as_str().parse().ok())?;
    if let Some(m) = meridiem {
        let pm = m.as_str().starts_with(['p', 'P']);
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
    let time = NaiveTime::from_hms_opt(hour, minute, second)?;
    let zone = zone.map(|z| z.as_str());
    let offset = match zone {
        Some(z) => Some(zone_offset(z)?),
        None => None,
    };
    Some(written(line, span, date.and_time(time), offset, zone.map(str::to_string), caps_time[2].is_some()))
}

fn month_field(field: &str) -> Option<u32> {
    match field.parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => month_number(field),
    }
}

fn zone_name(line: &str) -> Option<String> {
    line.rsplit(' ').next().map(str::to_string)
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
        ];
        for (line, local, offset) in cases {
            let t = ts(line);
            assert_eq!(t.local.format("%Y-%m-%dT%H:%M:%S").to_string(), local, "{line}");
            assert_eq!(t.offset.map(|o| o.local_minus_utc()), offset, "{line}");
        }
    }

    #[test]
    fn rejects_prose_and_impossible_dates() {
        assert!(parse("The talks ended on Tuesday", Span::new(0, 1)).is_none());
        assert!(parse("2021-February-30 10:00", Span::new(0, 1)).is_none());
    }

    #[test]
    fn infers_home_zone_with_flag() {
        let mut t = ts("2020-November-25 14:25");
        infer_zone(&mut t, "Asia/Tehran");
        assert!(t.zone_inferred);
        assert_eq!(t.offset.unwrap().local_minus_utc(), 3 * 3600 + 1800);
    }
}
