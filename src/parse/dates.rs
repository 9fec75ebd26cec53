//! Dates: the dateline's date made whole with the article's own timestamps, and date expressions
//! in the body (`on Tuesday`, `yesterday`) resolved against the publication date where safe.

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use regex::Regex;

use super::timestamp::month_number;
use crate::article::{DateMention, Span, Text, Warning};

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})$").expect("valid regex"));
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$").expect("valid regex")
});
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?(?:\s+(\d{4}))?$").expect("valid regex")
});

/// The full date of a dateline date as written (`Jan. 26`, `26th January, 2021`, `1996-08-22`).
/// A year-less date takes the year that puts it nearest to `reference` (the publication date);
/// without a reference only dates that write their year resolve.
pub fn resolve_dateline_date(written: &str, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    let written = written.trim();
    if let Some(c) = ISO.captures(written) {
        return NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    let (month, day, year) = if let Some(c) = MONTH_DAY.captures(written) {
        (month_number(&c[1])?, c[2].parse().ok()?, c.get(3).and_then(|y| y.as_str().parse().ok()))
    } else if let Some(c) = DAY_MONTH.captures(written) {
        (month_number(&c[2])?, c[1].parse().ok()?, c.get(3).and_then(|y| y.as_str().parse().ok()))
    } else {
        return None;
    };
    if let Some(year) = year {
        return NaiveDate::from_ymd_opt(year, month, day);
    }
    let reference = reference?;
    // Copy is dated the day it is filed or shortly before; across New Year the year differs.
    [reference.year(), reference.year() - 1, reference.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - reference).num_days().abs())
}

/// A warning when the dateline's date is far from the publication date.
pub fn check_dateline_date(date: NaiveDate, published: NaiveDate, span: Span) -> Option<Warning> {
    let gap = (published - date).num_days();
    (!(-1..=7).contains(&gap)).then(|| {
        Warning::new(
            "dateline_date_mismatch",
            format!("dateline date {date} is {gap} days from the publication date {published}"),
            Some(span),
        )
    })
}

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(?:[Oo]n|[Ll]ast|[Tt]his)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b([Yy]esterday|[Tt]oday|[Tt]omorrow)\b")
        .expect("valid regex")
});

/// Weekday and day-word expressions in the paragraphs, resolved against `published` when given:
/// a bare or `on`/`last` weekday is the latest such day on or before publication (news reports the
/// past), `yesterday`/`today`/`tomorrow` are relative to publication.
pub fn relative_dates(text: &str, paragraphs: &[Text], published: Option<NaiveDate>) -> Vec<DateMention> {
    let mut found = Vec::new();
    for paragraph in paragraphs {
        let raw = paragraph.span.slice(text);
        for c in RELATIVE.captures_iter(raw) {
            let whole = c.get(0).expect("group 0 always takes part");
            let date = published.and_then(|p| {
                if let Some(day) = c.get(1) {
                    let weekday: Weekday = day.as_str().parse().ok()?;
                    let lower = whole.as_str().to_ascii_lowercase();
                    if lower.starts_with("this ") {
                        return None;
                    }
                    let back = (7 + p.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
                    let back = if back == 0 && lower.starts_with("last ") { 7 } else { back };
                    p.checked_sub_days(Days::new(u64::from(back)))
                } else {
                    match c.get(2)?.as_str().to_ascii_lowercase().as_str() {
                        "yesterday" => p.checked_sub_days(Days::new(1)),
                        "today" => Some(p),
                        _ => p.checked_add_days(Days::new(1)),
                    }
                }
            });
            let span = Span::new(paragraph.span.start + whole.start(), paragraph.span.start + whole.end());
            found.push(DateMention { text: whole.as_str().to_string(), span, date });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn dateline_dates_take_the_nearest_year() {
        assert_eq!(resolve_dateline_date("Jan. 26", Some(d("2021-01-26"))), Some(d("2021-01-26")));
        assert_eq!(resolve_dateline_date("Dec 31", Some(d("2021-01-02"))), Some(d("2020-12-31")));
        assert_eq!(resolve_dateline_date("26th January, 2021", None), Some(d("2021-01-26")));
        assert_eq!(resolve_dateline_date("1996-08-22", None), Some(d("1996-08-22")));
        assert_eq!(resolve_dateline_date("March 3", None), None);
    }

    #[test]
    fn on_tuesday_is_the_previous_tuesday() {
        let text = "A webinar on Tuesday discussed it.";
        let para = Text { text: text.to_string(), span: Span::new(0, text.len()) };
        let got = relative_dates(text, &[para], Some(d("2020-11-25")));
        assert_eq!(got[0].text, "on Tuesday");
        assert_eq!(got[0].date, Some(d("2020-11-24")));
    }
}
