//! Time-zone abbreviations written in timestamps (`EDT`, `IRST`), from `data/zones.tsv`.

use super::FastMap;
use std::sync::LazyLock;

use chrono::{FixedOffset, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;

const ZONES: &str = include_str!("../../data/zones.tsv");

/// A zone abbreviation: a fixed offset, or an IANA zone whose offset depends on the date
/// (`ET` is EST or EDT).
#[derive(Clone, Copy, Debug)]
struct Zone {
    offset: Option<FixedOffset>,
    tz: Option<Tz>,
}

static TABLE: LazyLock<FastMap<&'static str, Zone>> = LazyLock::new(|| {
    ZONES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let abbreviation = cols.next()?.trim();
            let offset = cols.next().and_then(parse_offset);
            let tz = cols.next().and_then(|name| name.trim().parse::<Tz>().ok());
            Some((abbreviation, Zone { offset, tz }))
        })
        .collect()
});

/// The UTC offset of the zone abbreviation `name` at local time `local`, and the IANA zone it
/// stands for.
pub fn abbreviation(name: &str, local: NaiveDateTime) -> Option<(FixedOffset, Option<Tz>)> {
    let zone = TABLE.get(name)?;
    match zone.offset {
        Some(offset) => Some((offset, zone.tz)),
        None => {
            let tz = zone.tz?;
            let offset = tz.from_local_datetime(&local).earliest()?.offset().fix();
            Some((offset, Some(tz)))
        }
    }
}

/// True when `name` is a zone abbreviation in the table.
pub fn is_abbreviation(name: &str) -> bool {
    TABLE.contains_key(name)
}

/// `+03:30`, `+0330`, `-05`, `+3` → offset.
pub fn parse_offset(text: &str) -> Option<FixedOffset> {
    let text = text.trim();
    let (sign, rest) = match text.chars().next()? {
        '+' => (1, &text[1..]),
        '-' | '−' => (-1, text.get(text.chars().next()?.len_utf8()..)?),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 => (digits[..1].parse::<i32>().ok()?, digits[1..].parse::<i32>().ok()?),
        4 => (digits[..2].parse::<i32>().ok()?, digits[2..].parse::<i32>().ok()?),
        _ => return None,
    };
    if h > 14 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        s.parse().unwrap()
    }

    #[test]
    fn fixed_and_seasonal_zones() {
        let (irst, _) = abbreviation("IRST", at("2021-01-26T15:05:00")).unwrap();
        assert_eq!(irst.local_minus_utc(), 3 * 3600 + 1800);
        let (summer, _) = abbreviation("ET", at("2006-10-20T16:25:00")).unwrap();
        assert_eq!(summer.local_minus_utc(), -4 * 3600);
        let (winter, _) = abbreviation("ET", at("2006-12-20T16:25:00")).unwrap();
        assert_eq!(winter.local_minus_utc(), -5 * 3600);
        assert!(abbreviation("XYZ", at("2006-12-20T16:25:00")).is_none());
    }

    #[test]
    fn offsets() {
        assert_eq!(parse_offset("+0330").unwrap().local_minus_utc(), 12600);
        assert_eq!(parse_offset("-05:00").unwrap().local_minus_utc(), -18000);
        assert_eq!(parse_offset("+3").unwrap().local_minus_utc(), 10800);
        assert!(parse_offset("+99").is_none());
        assert!(parse_offset("0330").is_none());
    }
}
