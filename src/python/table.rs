//! Columnar tables for pandas / Arrow, built in Rust in one pass over the parsed batch.
//!
//! Each column goes to Python as `(name, kind, payload)`: `object` (a list), `int64` / `float64`
//! (native-endian bytes), `datetime_utc` / `datetime` (int64 nanoseconds as bytes, `i64::MIN` for
//! missing) or `category` (`(int32 codes as bytes, categories)`, `-1` for missing). The facade
//! wraps the buffers with numpy without copying them again.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyTuple};

use super::batch::Outcome;
use super::model::{PyArticle, PyTimestamp};

/// Columns of the article table, in order.
pub(crate) const ARTICLE_COLUMNS: &[&str] = &[
    "headline",
    "agency",
    "agency_name",
    "dateline",
    "dateline_city",
    "dateline_region",
    "dateline_country",
    "dateline_date",
    "published",
    "published_local",
    "updated",
    "updated_local",
    "authors",
    "speakers",
    "topics",
    "topic",
    "topic_label",
    "paragraphs",
    "body",
    "warnings",
];

/// The tidy tables for one-to-many values.
pub(crate) const SPEAKER_COLUMNS: &[&str] =
    &["name", "title", "organization", "country", "honorifics", "mentions", "quotes"];
pub(crate) const QUOTE_COLUMNS: &[&str] = &["speaker", "text", "start", "end", "kind", "cue"];
pub(crate) const TOPIC_COLUMNS: &[&str] = &["rank", "code", "label", "score", "top_level"];

const NAT: i64 = i64::MIN;

/// A column being filled.
enum Column<'py> {
    Object(Bound<'py, PyList>),
    Int(Vec<i64>),
    Float(Vec<f64>),
    DateTimeUtc(Vec<i64>),
    DateTime(Vec<i64>),
    Category(Vec<i32>, HashMap<String, i32>, Vec<String>),
}

impl<'py> Column<'py> {
    fn new(py: Python<'py>, kind: &str) -> Self {
        match kind {
            "int64" => Column::Int(Vec::new()),
            "float64" => Column::Float(Vec::new()),
            "datetime_utc" => Column::DateTimeUtc(Vec::new()),
            "datetime" => Column::DateTime(Vec::new()),
            "category" => Column::Category(Vec::new(), HashMap::new(), Vec::new()),
            _ => Column::Object(PyList::empty(py)),
        }
    }

    fn push_obj<T: IntoPyObject<'py>>(&mut self, value: T) -> PyResult<()> {
        if let Column::Object(list) = self {
            list.append(value)?;
        }
        Ok(())
    }

    fn push_category(&mut self, value: Option<&str>) {
        if let Column::Category(codes, index, categories) = self {
            let code = match value {
                None => -1,
                Some(v) => match index.get(v) {
                    Some(&code) => code,
                    None => {
                        let code = i32::try_from(categories.len()).unwrap_or(-1);
                        index.insert(v.to_string(), code);
                        categories.push(v.to_string());
                        code
                    }
                },
            };
            codes.push(code);
        }
    }

    fn push_time(&mut self, ts: Option<&PyTimestamp>) {
        match self {
            Column::DateTimeUtc(values) => {
                values.push(
                    ts.and_then(PyTimestamp::aware).and_then(|dt| dt.timestamp_nanos_opt()).unwrap_or(NAT),
                );
            }
            Column::DateTime(values) => values.push(ts.map_or(NAT, |t| naive_nanos(t.local()))),
            _ => {}
        }
    }

    fn finish(self, py: Python<'py>) -> PyResult<(&'static str, Bound<'py, PyAny>)> {
        fn bytes<'py, T: Copy>(py: Python<'py>, values: &[T], to: fn(T) -> [u8; 8]) -> Bound<'py, PyAny> {
            let mut buf = Vec::with_capacity(values.len() * 8);
            for &v in values {
                buf.extend_from_slice(&to(v));
            }
            PyBytes::new(py, &buf).into_any()
        }
        Ok(match self {
            Column::Object(list) => ("object", list.into_any()),
            Column::Int(v) => ("int64", bytes(py, &v, i64::to_ne_bytes)),
            Column::Float(v) => ("float64", bytes(py, &v, f64::to_ne_bytes)),
            Column::DateTimeUtc(v) => ("datetime_utc", bytes(py, &v, i64::to_ne_bytes)),
            Column::DateTime(v) => ("datetime", bytes(py, &v, i64::to_ne_bytes)),
            Column::Category(codes, _, categories) => {
                let mut buf = Vec::with_capacity(codes.len() * 4);
                for c in codes {
                    buf.extend_from_slice(&c.to_ne_bytes());
                }
                let payload = PyTuple::new(
                    py,
                    [PyBytes::new(py, &buf).into_any(), categories.into_pyobject(py)?.into_any()],
                )?;
                ("category", payload.into_any())
            }
        })
    }
}

fn naive_nanos(dt: NaiveDateTime) -> i64 {
    dt.and_utc().timestamp_nanos_opt().unwrap_or(NAT)
}

fn date_nanos(date: Option<NaiveDate>) -> i64 {
    date.and_then(|d| d.and_hms_opt(0, 0, 0)).map_or(NAT, naive_nanos)
}

fn article_kind(name: &str) -> &'static str {
    match name {
        "agency" | "topic" => "category",
        "published" | "updated" => "datetime_utc",
        "published_local" | "updated_local" | "dateline_date" => "datetime",
        "paragraphs" => "int64",
        _ => "object",
    }
}

fn tidy_kind(name: &str) -> &'static str {
    match name {
        "mentions" | "quotes" | "start" | "end" | "rank" => "int64",
        "score" => "float64",
        _ => "object",
    }
}

/// Which columns to build: all of `available` by default, else the requested ones in their order.
fn select(available: &[&'static str], requested: Option<Vec<String>>) -> PyResult<Vec<&'static str>> {
    let Some(requested) = requested else { return Ok(available.to_vec()) };
    requested
        .iter()
        .map(|name| {
            available.iter().copied().find(|c| c == name).ok_or_else(|| {
                PyValueError::new_err(format!("unknown column {name:?}; available: {}", available.join(", ")))
            })
        })
        .collect()
}

/// The table as `(positions, [(name, kind, payload), ...])`: `positions[i]` is the batch position
/// of row `i`, so the facade can key rows by the caller's index.
pub(crate) type Table<'py> = (Bound<'py, PyBytes>, Vec<(&'static str, &'static str, Bound<'py, PyAny>)>);

/// Builds table `which` (`articles`, `speakers`, `quotes`, `topics`) from parsed outcomes.
pub(crate) fn build<'py>(
    py: Python<'py>,
    which: &str,
    outcomes: &[Outcome<'_>],
    columns: Option<Vec<String>>,
    with_errors: bool,
) -> PyResult<Table<'py>> {
    let (available, kind): (&[&'static str], fn(&str) -> &'static str) = match which {
        "articles" => (ARTICLE_COLUMNS, article_kind),
        "speakers" => (SPEAKER_COLUMNS, tidy_kind),
        "quotes" => (QUOTE_COLUMNS, tidy_kind),
        "topics" => (TOPIC_COLUMNS, tidy_kind),
        other => return Err(PyValueError::new_err(format!("unknown table {other:?}"))),
    };
    let mut names = select(available, columns)?;
    if with_errors && which == "articles" {
        names.push("error");
    }
    let mut cols: Vec<Column<'py>> = names.iter().map(|n| Column::new(py, kind(n))).collect();
    let mut positions: Vec<i64> = Vec::with_capacity(outcomes.len());
    for (position, outcome) in outcomes.iter().enumerate() {
        let pos = i64::try_from(position).unwrap_or(i64::MAX);
        match (which, outcome) {
            ("articles", Ok(article)) => {
                positions.push(pos);
                for (name, col) in names.iter().zip(cols.iter_mut()) {
                    article_cell(name, article, col)?;
                }
            }
            ("articles", Err(error)) if with_errors => {
                positions.push(pos);
                for (name, col) in names.iter().zip(cols.iter_mut()) {
                    if *name == "error" {
                        col.push_obj(error.message())?;
                    } else {
                        empty_cell(py, name, col)?;
                    }
                }
            }
            ("speakers", Ok(article)) => {
                for speaker in &article.speakers {
                    positions.push(pos);
                    for (name, col) in names.iter().zip(cols.iter_mut()) {
                        match (*name, &mut *col) {
                            ("name", c) => c.push_obj(&speaker.name)?,
                            ("title", c) => c.push_obj(&speaker.title)?,
                            ("organization", c) => c.push_obj(&speaker.organization)?,
                            ("country", c) => c.push_obj(&speaker.country)?,
                            ("honorifics", c) => c.push_obj(&speaker.honorifics)?,
                            ("mentions", Column::Int(v)) => v.push(speaker.mentions.len() as i64),
                            ("quotes", Column::Int(v)) => v.push(speaker.quotes.len() as i64),
                            _ => {}
                        }
                    }
                }
            }
            ("quotes", Ok(article)) => {
                let mut quotes: Vec<_> =
                    article.speakers.iter().flat_map(|s| s.quotes.iter().map(move |q| (s, q))).collect();
                quotes.sort_by_key(|(_, q)| q.span);
                for (speaker, quote) in quotes {
                    positions.push(pos);
                    for (name, col) in names.iter().zip(cols.iter_mut()) {
                        match (*name, &mut *col) {
                            ("speaker", c) => c.push_obj(&speaker.name)?,
                            ("text", c) => c.push_obj(&quote.text)?,
                            ("start", Column::Int(v)) => v.push(quote.span.start as i64),
                            ("end", Column::Int(v)) => v.push(quote.span.end as i64),
                            ("kind", c) => c.push_obj(&quote.kind)?,
                            ("cue", c) => c.push_obj(&quote.cue)?,
                            _ => {}
                        }
                    }
                }
            }
            ("topics", Ok(article)) => {
                for (rank, topic) in article.topics.iter().enumerate() {
                    positions.push(pos);
                    for (name, col) in names.iter().zip(cols.iter_mut()) {
                        match (*name, &mut *col) {
                            ("rank", Column::Int(v)) => v.push(rank as i64),
                            ("code", c) => c.push_obj(&topic.code)?,
                            ("label", c) => c.push_obj(&topic.label)?,
                            ("score", Column::Float(v)) => v.push(topic.score),
                            ("top_level", c) => c.push_obj(&topic.top_level)?,
                            _ => {}
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::with_capacity(names.len());
    for (name, col) in names.into_iter().zip(cols) {
        let (kind, payload) = col.finish(py)?;
        out.push((name, kind, payload));
    }
    let mut buf = Vec::with_capacity(positions.len() * 8);
    for p in positions {
        buf.extend_from_slice(&p.to_ne_bytes());
    }
    Ok((PyBytes::new(py, &buf), out))
}

fn article_cell(name: &str, a: &PyArticle, col: &mut Column<'_>) -> PyResult<()> {
    let dateline = a.dateline.as_ref();
    let first_topic = a.topics.first();
    match name {
        "headline" => col.push_obj(a.headline.as_ref().map(|h| h.text.as_str()))?,
        "agency" => col.push_category(a.agency.as_ref().map(|x| x.code.as_str())),
        "agency_name" => col.push_obj(a.agency.as_ref().map(|x| x.name.as_str()))?,
        "dateline" => col.push_obj(dateline.map(|d| d.text.as_str()))?,
        "dateline_city" => col.push_obj(dateline.map(|d| d.city.as_str()))?,
        "dateline_region" => col.push_obj(dateline.and_then(|d| d.region.as_deref()))?,
        "dateline_country" => col.push_obj(dateline.and_then(|d| d.country.as_deref()))?,
        "dateline_date" => {
            if let Column::DateTime(v) = col {
                v.push(date_nanos(dateline.and_then(|d| d.date)));
            }
        }
        "published" | "published_local" => col.push_time(a.published.as_ref()),
        "updated" | "updated_local" => col.push_time(a.updated.as_ref()),
        "authors" => col.push_obj(a.authors.iter().map(|x| x.name.as_str()).collect::<Vec<_>>())?,
        "speakers" => col.push_obj(a.speakers.iter().map(|x| x.name.as_str()).collect::<Vec<_>>())?,
        "topics" => col.push_obj(a.topics.iter().map(|x| x.code.as_str()).collect::<Vec<_>>())?,
        "topic" => col.push_category(first_topic.map(|t| t.code.as_str())),
        "topic_label" => col.push_obj(first_topic.map(|t| t.label.as_str()))?,
        "paragraphs" => {
            if let Column::Int(v) = col {
                v.push(a.paragraphs.len() as i64);
            }
        }
        "body" => col.push_obj(a.body_text())?,
        "warnings" => col.push_obj(a.warnings.iter().map(|w| w.kind.as_str()).collect::<Vec<_>>())?,
        "error" => col.push_obj(None::<&str>)?,
        _ => {}
    }
    Ok(())
}

/// The cell of a row whose item failed (only with `errors="coerce"`).
fn empty_cell<'py>(py: Python<'py>, name: &str, col: &mut Column<'py>) -> PyResult<()> {
    match col {
        Column::Object(list) => {
            if matches!(name, "authors" | "speakers" | "topics" | "warnings") {
                list.append(PyList::empty(py))?;
            } else {
                list.append(py.None())?;
            }
        }
        Column::Int(v) => v.push(0),
        Column::Float(v) => v.push(f64::NAN),
        Column::DateTimeUtc(v) | Column::DateTime(v) => v.push(NAT),
        Column::Category(..) => col.push_category(None),
    }
    Ok(())
}
