//! Dates: the dateline's date made whole with the article's own timestamps, and date expressions
//! in the body (`on Tuesday`, `yesterday`, `Jan. 26`, `last week`) resolved against the story's
//! date where the text makes it safe.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Input, MatchKind};
use chrono::{Datelike, Days, NaiveDate};
use regex::Regex;

use super::timestamp::{self, month_number, weekday_number};
use crate::article::{DateMention, Span, Text, Warning};

/// How far a year-less date may be from the reference and still take its year (days).
const NEAREST_YEAR_WINDOW: i64 = 183;

/// The month of a written month name, tolerating a stray trailing letter (`Marchg`).
fn lenient_month(word: &str) -> Option<u32> {
    month_number(word).or_else(|| {
        let lower = word.trim_end_matches('.').to_ascii_lowercase();
        timestamp::MONTHS
            .iter()
            .position(|m| lower.starts_with(m) && lower.len() == m.len() + 1)
            .map(|i| i as u32 + 1)
    })
}

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})$").expect("valid regex"));
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:([A-Za-z]{3,9})\.?,?\s+)?([A-Za-z]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$",
    )
    .expect("valid regex")
});
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:([A-Za-z]{3,9})\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,10})\.?,?(?:\s+(\d{4}))?$",
    )
    .expect("valid regex")
});

/// The full date of a dateline date as written (`Jan. 26`, `26th January, 2021`, `1996-08-22`,
/// `Tuesday`). A year-less date takes the year that puts it nearest to `reference` (the
/// publication date); a weekday is the latest such day on or before it. Without a reference only
/// dates that write their year resolve.
pub fn resolve_dateline_date(written: &str, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    let written = written.trim().trim_end_matches([',', '.']);
    // `1996-08-22` is ten bytes; any other length is not worth a regex search.
    if written.len() == 10
        && let Some(c) = ISO.captures(written)
    {
        return NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    if let Some(weekday) = weekday_number(written) {
        return reference.and_then(|r| weekday_on_or_before(r, weekday));
    }
    let (month, day, year) = if let Some(c) = MONTH_DAY.captures(written) {
        if c.get(1).is_some_and(|w| weekday_number(w.as_str()).is_none()) {
            return None;
        }
        (lenient_month(&c[2])?, c[3].parse().ok()?, c.get(4).and_then(|y| y.as_str().parse().ok()))
    } else if let Some(c) = DAY_MONTH.captures(written) {
        if c.get(1).is_some_and(|w| weekday_number(w.as_str()).is_none()) {
            return None;
        }
        (lenient_month(&c[3])?, c[2].parse().ok()?, c.get(4).and_then(|y| y.as_str().parse().ok()))
    } else {
        return None;
    };
    match year {
        Some(year) => NaiveDate::from_ymd_opt(year, month, day),
        None => nearest_year(month, day, reference?),
    }
}

/// `month`/`day` in the year that puts it nearest to `reference` (copy is filed the day it is
/// dated or shortly before; across New Year the year differs).
fn nearest_year(month: u32, day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    [reference.year(), reference.year() - 1, reference.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - reference).num_days().abs())
        .filter(|d| (*d - reference).num_days().abs() <= NEAREST_YEAR_WINDOW)
}

fn weekday_on_or_before(reference: NaiveDate, weekday: u32) -> Option<NaiveDate> {
    let back = (7 + reference.weekday().num_days_from_monday() - weekday) % 7;
    reference.checked_sub_days(Days::new(u64::from(back)))
}

fn weekday_on_or_after(reference: NaiveDate, weekday: u32) -> Option<NaiveDate> {
    let ahead = (7 + weekday - reference.weekday().num_days_from_monday()) % 7;
    reference.checked_add_days(Days::new(u64::from(ahead)))
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

static FOOTER_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bDate\s*:\s*(\d{1,2})\s+([A-Z][a-z]{2,8})\.?\s+((?:19|20)\d{2})\b").expect("valid regex")
});
static COPYRIGHT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:©|\([cC]\)|@|\bCopyright|\bc\.)\s*((?:19|20)\d{2})\b").expect("valid regex")
});

/// The date of a story that carries no header timestamp, from its own text: a footer
/// `Date : 12 Feb 2002` line, else a copyright year (`© 2002`, `@ 2002 Interfax`, `c.1998`). A
/// year stands for its middle day, so a year-less dateline date resolves into that year.
pub fn document_date(text: &str) -> Option<NaiveDate> {
    if let Some(c) = FOOTER_DATE.captures(text) {
        let date = NaiveDate::from_ymd_opt(c[3].parse().ok()?, month_number(&c[2])?, c[1].parse().ok()?);
        if date.is_some() {
            return date;
        }
    }
    let year: i32 = COPYRIGHT_YEAR.captures(text)?[1].parse().ok()?;
    NaiveDate::from_ymd_opt(year, 7, 2)
}

const DAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const MONTH_PATTERN: &str = "Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|March|Mar\\.|April|Apr\\.|May|June|July|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?";

static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:(?P<prep>[Oo]n|[Ll]ast|[Tt]his|[Nn]ext|[Ss]ince|[Bb]y|[Uu]ntil|[Ee]arly|[Ll]ate)\s+)?(?P<weekday>{DAYS})(?-u:\b)(?:\s+(?:morning|afternoon|evening|night))?|(?-u:\b)(?P<word>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)(?-u:\b)|(?-u:\b)(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier this|[Ll]ater this)\s+(?P<unit>week|month|year|weekend)(?-u:\b)|(?-u:\b)(?:(?:[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil)\s+)?(?P<month>{MONTH_PATTERN})\s?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<year>(?:19|20)\d{{2}})(?-u:\b))?|(?-u:\b)(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{MONTH_PATTERN})(?-u:\b)(?:,?\s+(?P<year2>(?:19|20)\d{{2}})(?-u:\b))?"
    ))
    .expect("valid regex")
});

/// What every [`MENTION`] contains: a weekday ([`DAYS`]), the end of a day word (`[Yy]esterday`),
/// a period, or a month's first three letters; in this order, which [`may_anchor_mention`] uses.
static MENTION_ANCHORS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let anchors = DAYS.split('|').chain(DAY_WORD_ENDS).chain(PERIODS).chain(MONTH_STARTS);
    AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(anchors).expect("valid anchors")
});
const DAY_WORD_ENDS: [&str; 4] = ["esterday", "oday", "omorrow", "onight"];
const PERIODS: [&str; 3] = ["week", "month", "year"];
const MONTH_STARTS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/// How many anchors are weekdays and day words, which are taken as they come.
const DAY_ANCHORS: usize = 7 + DAY_WORD_ENDS.len();

/// False when the anchor at `start..end` (pattern `pattern`) cannot be the word of a mention: a
/// period needs `last`, `next` or `this` before it, a month a day number after or before it. So
/// the regex is not run from `years`, `monthly`, `Market` or `Decision`.
fn may_anchor_mention(raw: &str, start: usize, end: usize, pattern: usize) -> bool {
    let before = raw[..start].trim_end_matches(char::is_whitespace);
    if pattern < DAY_ANCHORS {
        return true;
    }
    if pattern < DAY_ANCHORS + PERIODS.len() {
        return ["ast", "ext", "his"].iter().any(|rel| before.ends_with(rel));
    }
    // `Jan. 26`, `March5`: the rest of the month's name, at most one blank, a digit.
    let after = raw[end..].trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    let mut chars = after.chars();
    let day_after = match chars.next() {
        Some(c) if c.is_whitespace() => chars.next().is_some_and(char::is_numeric),
        first => first.is_some_and(char::is_numeric),
    };
    // `26 March`, `3rd  Jan`
    let day_before =
        before.ends_with(char::is_numeric) || ["st", "nd", "rd", "th"].iter().any(|o| before.ends_with(o));
    day_after || day_before
}

/// Where a search for a mention around the anchor word at `anchor` may start: a mention begins
/// at most a short word (`Earlier this`, `Since`, `26th`) and a run of blanks before its anchor.
fn mention_search_start(raw: &str, anchor: usize) -> usize {
    let before = raw[..anchor].trim_end_matches(char::is_whitespace);
    let mut start = before.len().saturating_sub(MENTION_LEAD_BYTES);
    while !raw.is_char_boundary(start) {
        start -= 1;
    }
    start
}

/// The longest lead before a mention's anchor, blanks aside: `Earlier this`.
const MENTION_LEAD_BYTES: usize = 12;

/// Words that put a clause in the future: a weekday in it is the next one, not the last.
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:will|shall|would|'ll|is due|are due|is expected to|are expected to|is scheduled|are scheduled|is set to|are set to|plans? to|planned for|to be held|to begin|to start|to meet|next)\b")
        .expect("valid regex")
});

/// How far around a mention the clause that decides its tense may reach, in bytes.
const CLAUSE_WINDOW: usize = 240;

/// Date expressions in the paragraphs, resolved against `reference` (the dateline date or the
/// publication date) when given. A weekday is the latest such day on or before the reference
/// (news reports the past) unless its clause speaks of the future or it is `next`; `this
/// Tuesday` is left unresolved. `yesterday`/`today`/`tomorrow` are relative to the reference, a
/// month and day take the nearest year. Periods (`last week`) are kept, without a single date.
pub fn relative_dates(text: &str, paragraphs: &[Text], reference: Option<NaiveDate>) -> Vec<DateMention> {
    let mut found = Vec::new();
    // One set of group locations for every search, instead of a fresh allocation per mention.
    let mut locations = MENTION.capture_locations();
    let groups = &*MENTION_GROUPS;
    for paragraph in paragraphs {
        let raw = paragraph.span.slice(text);
        let mut at = 0;
        let mut look_from = 0;
        // The regex runs only from just before the next word a mention must contain, so most of
        // the body is passed over by the anchor search alone.
        while let Some(anchor) = MENTION_ANCHORS.find(Input::new(raw).range(look_from..)) {
            if !may_anchor_mention(raw, anchor.start(), anchor.end(), anchor.pattern().as_usize()) {
                look_from = anchor.start() + 1;
                continue;
            }
            let from = mention_search_start(raw, anchor.start()).max(at);
            let Some(whole) = MENTION.captures_read_at(&mut locations, raw, from) else { break };
            at = whole.end();
            look_from = at;
            let group = |index: usize| locations.get(index).map(|(start, end)| &raw[start..end]);
            let date = reference.and_then(|r| {
                if let Some(day) = group(groups.weekday) {
                    let weekday = weekday_number(day)?;
                    let prep = group(groups.prep).map(str::to_ascii_lowercase);
                    match prep.as_deref() {
                        Some("this") => None,
                        Some("last") => weekday_on_or_before(r.pred_opt()?, weekday),
                        Some("next") => weekday_on_or_after(r.succ_opt()?, weekday),
                        Some("by") | Some("until") => weekday_on_or_after(r, weekday),
                        _ if future_clause(raw, whole.start(), whole.end()) => {
                            weekday_on_or_after(r, weekday)
                        }
                        _ => weekday_on_or_before(r, weekday),
                    }
                } else if let Some(word) = group(groups.word) {
                    match word.to_ascii_lowercase().as_str() {
                        "yesterday" => r.pred_opt(),
                        "tomorrow" => r.succ_opt(),
                        _ => Some(r),
                    }
                } else if group(groups.unit).is_some() {
                    None
                } else {
                    let (month, day, year) = match (group(groups.month), group(groups.month2)) {
                        (Some(m), _) => (m, group(groups.day)?, group(groups.year)),
                        (None, Some(m)) => (m, group(groups.day2)?, group(groups.year2)),
                        _ => return None,
                    };
                    let month = month_number(month)?;
                    let day: u32 = day.parse().ok()?;
                    match year {
                        Some(y) => NaiveDate::from_ymd_opt(y.parse().ok()?, month, day),
                        None => nearest_year(month, day, r),
                    }
                }
            });
            let span = Span::new(paragraph.span.start + whole.start(), paragraph.span.start + whole.end());
            found.push(DateMention { text: whole.as_str().to_string(), span, date });
        }
    }
    found
}

/// The indices of [`MENTION`]'s named groups, looked up once.
struct MentionGroups {
    prep: usize,
    weekday: usize,
    word: usize,
    unit: usize,
    month: usize,
    day: usize,
    year: usize,
    month2: usize,
    day2: usize,
    year2: usize,
}

static MENTION_GROUPS: LazyLock<MentionGroups> = LazyLock::new(|| {
    // An index past the last group reads as an unmatched group.
    let index = |name: &str| MENTION.capture_names().position(|n| n == Some(name)).unwrap_or(usize::MAX);
    MentionGroups {
        prep: index("prep"),
        weekday: index("weekday"),
        word: index("word"),
        unit: index("unit"),
        month: index("month"),
        day: index("day"),
        year: index("year"),
        month2: index("month2"),
        day2: index("day2"),
        year2: index("year2"),
    }
});

/// True when the clause of the mention at `start..end` of `paragraph` speaks of the future.
/// The verb that governs a time phrase usually comes before it (`will meet on Friday`, `met on
/// Tuesday and will ...`); a phrase that opens its clause (`On Friday, ministers will ...`) is
/// governed by what follows.
fn future_clause(paragraph: &str, start: usize, end: usize) -> bool {
    let mut from = start.saturating_sub(CLAUSE_WINDOW);
    while !paragraph.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + CLAUSE_WINDOW).min(paragraph.len());
    while !paragraph.is_char_boundary(to) {
        to -= 1;
    }
    let before = &paragraph[from..start];
    let before = CLAUSE_BREAK.find_iter(before).last().map_or(before, |m| &before[m.end()..]);
    if before.split_whitespace().count() >= 2 {
        return FUTURE.is_match(before);
    }
    let after = paragraph[end..to].trim_start_matches([',', ' ']);
    let after = CLAUSE_BREAK.find(after).map_or(after, |m| &after[..m.start()]);
    FUTURE.is_match(after)
}

/// Where a clause ends: punctuation or a coordinating conjunction.
static CLAUSE_BREAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[.;,:]\s|\s(?:and|but|while|whereas|although)\s").expect("valid regex"));

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn mentions(text: &str, reference: &str) -> Vec<(String, Option<NaiveDate>)> {
        let para = Text { text: text.to_string(), span: Span::new(0, text.len()) };
        relative_dates(text, &[para], Some(d(reference))).into_iter().map(|m| (m.text, m.date)).collect()
    }

    #[test]
    fn dateline_dates_take_the_nearest_year() {
        assert_eq!(resolve_dateline_date("Jan. 26", Some(d("2021-01-26"))), Some(d("2021-01-26")));
        assert_eq!(resolve_dateline_date("Dec 31", Some(d("2021-01-02"))), Some(d("2020-12-31")));
        assert_eq!(resolve_dateline_date("26th January, 2021", None), Some(d("2021-01-26")));
        assert_eq!(resolve_dateline_date("17 Apr", Some(d("2002-04-19"))), Some(d("2002-04-17")));
        assert_eq!(resolve_dateline_date("1996-08-22", None), Some(d("1996-08-22")));
        assert_eq!(resolve_dateline_date("March 3", None), None);
        assert_eq!(resolve_dateline_date("Marchg 12", Some(d("1987-03-12"))), Some(d("1987-03-12")));
        assert_eq!(resolve_dateline_date("Macrh 31", Some(d("1987-03-31"))), None);
        assert_eq!(resolve_dateline_date("Tuesday", Some(d("2020-11-25"))), Some(d("2020-11-24")));
        assert_eq!(resolve_dateline_date("Tuesday, Jan. 26", Some(d("2021-01-27"))), Some(d("2021-01-26")));
    }

    #[test]
    fn document_dates_from_footers_and_copyright() {
        assert_eq!(document_date("Body.\n\nSource : Agency Date : 12 Feb 2002 14:15"), Some(d("2002-02-12")));
        let year_only = document_date("Body.\n\n(c) 1999 Some Agency").unwrap();
        assert_eq!(resolve_dateline_date("Dec 30", Some(year_only)), Some(d("1999-12-30")));
        assert_eq!(resolve_dateline_date("Jan 2", Some(year_only)), Some(d("1999-01-02")));
        assert_eq!(document_date("No year here at all."), None);
    }

    #[test]
    fn on_tuesday_is_the_previous_tuesday() {
        let got = mentions("A webinar on Tuesday discussed it.", "2020-11-25");
        assert_eq!(got, vec![("on Tuesday".to_string(), Some(d("2020-11-24")))]);
    }

    #[test]
    fn future_clauses_look_ahead() {
        let got = mentions("The ministers will meet on Friday in Vienna.", "2020-11-25");
        assert_eq!(got[0].1, Some(d("2020-11-27")));
        let got = mentions("Talks resume next Monday.", "2020-11-25");
        assert_eq!(got[0].1, Some(d("2020-11-30")));
        let got = mentions("It happened last Wednesday.", "2020-11-25");
        assert_eq!(got[0].1, Some(d("2020-11-18")));
        assert_eq!(mentions("They meet this Thursday.", "2020-11-25")[0].1, None);
    }

    #[test]
    fn look_alike_words_do_not_hide_later_mentions() {
        let got = mentions(
            "For years the Market fell; on Jan. 26, 3rd  March and last\n week it rose.",
            "2021-03-27",
        );
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["on Jan. 26", "3rd  March", "last\n week"]);
        assert_eq!(got[1].1, Some(d("2021-03-03")));
    }

    #[test]
    fn day_words_periods_and_calendar_dates() {
        let got = mentions(
            "Yesterday the bank said rates rose last week; on Jan. 26 it met, and on 3 March 2019 too.",
            "2021-01-27",
        );
        let expected = [
            ("Yesterday", Some(d("2021-01-26"))),
            ("last week", None),
            ("on Jan. 26", Some(d("2021-01-26"))),
            ("3 March 2019", Some(d("2019-03-03"))),
        ];
        assert_eq!(got.len(), expected.len(), "{got:?}");
        for ((text, date), (want_text, want_date)) in got.iter().zip(expected) {
            assert_eq!((text.as_str(), *date), (want_text, want_date));
        }
    }
}
