//! Columnar tables for pandas / Arrow, built in Rust in one pass over the parsed batch.
//!
//! Each column goes to Python as `(name, kind, payload)`: text as Arrow `large_string` buffers
//! (`utf8`: `(offsets, data, validity | None, null_count)`; `utf8_list`: `(list_offsets, utf8)`) or,
//! for callers without pyarrow, Python lists (`str`, `list`); `int64` / `float64`
//! (native-endian bytes), `datetime_utc` / `datetime` (int64 nanoseconds as bytes, `i64::MIN` for
//! missing) or `category` (`(int32 codes as bytes, categories)`, `-1` for missing). The facade
//! wraps the buffers with numpy without copying them again.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

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

/// Arrow `large_string` buffers: offsets, UTF-8 data, validity bitmap (bit set = present).
#[derive(Default)]
struct Utf8 {
    offsets: Vec<i64>,
    data: Vec<u8>,
    validity: Vec<u8>,
    len: usize,
    nulls: usize,
}

impl Utf8 {
    fn new() -> Self {
        Utf8 { offsets: vec![0], ..Utf8::default() }
    }

    fn push(&mut self, value: Option<&str>) {
        if self.len.is_multiple_of(8) {
            self.validity.push(0);
        }
        match value {
            Some(v) => {
                self.data.extend_from_slice(v.as_bytes());
                if let Some(byte) = self.validity.last_mut() {
                    *byte |= 1 << (self.len % 8);
                }
            }
            None => self.nulls += 1,
        }
        self.offsets.push(i64::try_from(self.data.len()).unwrap_or(i64::MAX));
        self.len += 1;
    }

    /// `(offsets, data, validity or None, null count)`.
    fn finish<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let validity = (self.nulls > 0).then(|| PyBytes::new(py, &self.validity).into_any());
        let payload = (ne_bytes(py, &self.offsets), PyBytes::new(py, &self.data), validity, self.nulls);
        Ok(payload.into_pyobject(py)?.into_any())
    }
}

fn ne_bytes<'py>(py: Python<'py>, values: &[i64]) -> Bound<'py, PyBytes> {
    let mut buf = Vec::with_capacity(values.len() * 8);
    for v in values {
        buf.extend_from_slice(&v.to_ne_bytes());
    }
    PyBytes::new(py, &buf)
}

/// A column being filled.
enum Column<'py> {
    /// `str | None` cells as Python objects (when the caller has no pyarrow).
    Strs(Bound<'py, PyList>),
    /// `list[str]` cells as Python objects.
    Lists(Bound<'py, PyList>),
    /// `str | None` cells as Arrow buffers.
    Utf8(Utf8),
    /// `list[str]` cells as Arrow buffers: list offsets into the child strings.
    Utf8List(Vec<i64>, Utf8),
    Int(Vec<i64>),
    Float(Vec<f64>),
    DateTimeUtc(Vec<i64>),
    DateTime(Vec<i64>),
    Category(Vec<i32>, HashMap<String, i32>, Vec<String>),
}

impl<'py> Column<'py> {
    fn new(py: Python<'py>, kind: &str, arrow: bool) -> Self {
        match (kind, arrow) {
            ("int64", _) => Column::Int(Vec::new()),
            ("float64", _) => Column::Float(Vec::new()),
            ("datetime_utc", _) => Column::DateTimeUtc(Vec::new()),
            ("datetime", _) => Column::DateTime(Vec::new()),
            ("category", _) => Column::Category(Vec::new(), HashMap::new(), Vec::new()),
            ("list", false) => Column::Lists(PyList::empty(py)),
            ("list", true) => Column::Utf8List(vec![0], Utf8::new()),
            (_, false) => Column::Strs(PyList::empty(py)),
            (_, true) => Column::Utf8(Utf8::new()),
        }
    }

    fn push_str(&mut self, value: Option<&str>) -> PyResult<()> {
        match self {
            Column::Strs(list) => list.append(value)?,
            Column::Utf8(buf) => buf.push(value),
            _ => {}
        }
        Ok(())
    }

    fn push_list<'a>(&mut self, items: impl Iterator<Item = &'a str>) -> PyResult<()> {
        match self {
            Column::Lists(list) => list.append(PyList::new(list.py(), items)?)?,
            Column::Utf8List(offsets, child) => {
                for item in items {
                    child.push(Some(item));
                }
                offsets.push(i64::try_from(child.len).unwrap_or(i64::MAX));
            }
            _ => {}
        }
        Ok(())
    }

    fn push_int(&mut self, value: usize) {
        if let Column::Int(values) = self {
            values.push(i64::try_from(value).unwrap_or(i64::MAX));
        }
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

    /// The cell of a row whose item failed (only with `errors="coerce"`).
    fn push_empty(&mut self) -> PyResult<()> {
        match self {
            Column::Strs(_) | Column::Utf8(_) => self.push_str(None)?,
            Column::Lists(_) | Column::Utf8List(..) => self.push_list(std::iter::empty())?,
            Column::Int(v) => v.push(0),
            Column::Float(v) => v.push(f64::NAN),
            Column::DateTimeUtc(v) | Column::DateTime(v) => v.push(NAT),
            Column::Category(..) => self.push_category(None),
        }
        Ok(())
    }

    fn finish(self, py: Python<'py>) -> PyResult<(&'static str, Bound<'py, PyAny>)> {
        fn floats<'py>(py: Python<'py>, values: &[f64]) -> Bound<'py, PyAny> {
            let mut buf = Vec::with_capacity(values.len() * 8);
            for v in values {
                buf.extend_from_slice(&v.to_ne_bytes());
            }
            PyBytes::new(py, &buf).into_any()
        }
        Ok(match self {
            Column::Strs(list) => ("str", list.into_any()),
            Column::Lists(list) => ("list", list.into_any()),
            Column::Utf8(buf) => ("utf8", buf.finish(py)?),
            Column::Utf8List(offsets, child) => {
                let payload = (ne_bytes(py, &offsets), child.finish(py)?);
                ("utf8_list", payload.into_pyobject(py)?.into_any())
            }
            Column::Int(v) => ("int64", ne_bytes(py, &v).into_any()),
            Column::Float(v) => ("float64", floats(py, &v)),
            Column::DateTimeUtc(v) => ("datetime_utc", ne_bytes(py, &v).into_any()),
            Column::DateTime(v) => ("datetime", ne_bytes(py, &v).into_any()),
            Column::Category(codes, _, categories) => {
                let mut buf = Vec::with_capacity(codes.len() * 4);
                for c in codes {
                    buf.extend_from_slice(&c.to_ne_bytes());
                }
                let payload = (PyBytes::new(py, &buf), categories);
                ("category", payload.into_pyobject(py)?.into_any())
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
        "authors" | "speakers" | "topics" | "warnings" => "list",
        "agency" | "topic" => "category",
        "published" | "updated" => "datetime_utc",
        "published_local" | "updated_local" | "dateline_date" => "datetime",
        "paragraphs" => "int64",
        _ => "str",
    }
}

fn tidy_kind(name: &str) -> &'static str {
    match name {
        "mentions" | "quotes" | "start" | "end" | "rank" => "int64",
        "score" => "float64",
        "honorifics" => "list",
        _ => "str",
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

/// Builds table `which` (`articles`, `speakers`, `quotes`, `topics`) from parsed outcomes; text
/// columns as Arrow buffers when `arrow`, else as Python lists.
pub(crate) fn build<'py>(
    py: Python<'py>,
    which: &str,
    outcomes: &[Outcome<'_>],
    columns: Option<Vec<String>>,
    with_errors: bool,
    arrow: bool,
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
    let mut cols: Vec<Column<'py>> = names.iter().map(|n| Column::new(py, kind(n), arrow)).collect();
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
                        col.push_str(Some(&error.message()))?;
                    } else {
                        col.push_empty()?;
                    }
                }
            }
            ("speakers", Ok(article)) => {
                for speaker in &article.speakers {
                    positions.push(pos);
                    for (name, col) in names.iter().zip(cols.iter_mut()) {
                        match *name {
                            "name" => col.push_str(Some(&speaker.name))?,
                            "title" => col.push_str(speaker.title.as_deref())?,
                            "organization" => col.push_str(speaker.organization.as_deref())?,
                            "country" => col.push_str(speaker.country.as_deref())?,
                            "honorifics" => col.push_list(speaker.honorifics.iter().map(String::as_str))?,
                            "mentions" => col.push_int(speaker.mentions.len()),
                            "quotes" => col.push_int(speaker.quotes.len()),
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
                        match *name {
                            "speaker" => col.push_str(Some(&speaker.name))?,
                            "text" => col.push_str(Some(&quote.text))?,
                            "start" => col.push_int(quote.span.start),
                            "end" => col.push_int(quote.span.end),
                            "kind" => col.push_str(Some(&quote.kind))?,
                            "cue" => col.push_str(quote.cue.as_deref())?,
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
                            ("rank", c) => c.push_int(rank),
                            ("code", c) => c.push_str(Some(&topic.code))?,
                            ("label", c) => c.push_str(Some(&topic.label))?,
                            ("score", Column::Float(v)) => v.push(topic.score),
                            ("top_level", c) => c.push_str(Some(&topic.top_level))?,
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
    Ok((ne_bytes(py, &positions), out))
}

fn article_cell(name: &str, a: &PyArticle, col: &mut Column<'_>) -> PyResult<()> {
    let dateline = a.dateline.as_ref();
    let first_topic = a.topics.first();
    match name {
        "headline" => col.push_str(a.headline.as_ref().map(|h| h.text.as_str()))?,
        "agency" => col.push_category(a.agency.as_ref().map(|x| x.code.as_str())),
        "agency_name" => col.push_str(a.agency.as_ref().map(|x| x.name.as_str()))?,
        "dateline" => col.push_str(dateline.map(|d| d.text.as_str()))?,
        "dateline_city" => col.push_str(dateline.map(|d| d.city.as_str()))?,
        "dateline_region" => col.push_str(dateline.and_then(|d| d.region.as_deref()))?,
        "dateline_country" => col.push_str(dateline.and_then(|d| d.country.as_deref()))?,
        "dateline_date" => {
            if let Column::DateTime(v) = col {
                v.push(date_nanos(dateline.and_then(|d| d.date)));
            }
        }
        "published" | "published_local" => col.push_time(a.published.as_ref()),
        "updated" | "updated_local" => col.push_time(a.updated.as_ref()),
        "authors" => col.push_list(a.authors.iter().map(|x| x.name.as_str()))?,
        "speakers" => col.push_list(a.speakers.iter().map(|x| x.name.as_str()))?,
        "topics" => col.push_list(a.topics.iter().map(|x| x.code.as_str()))?,
        "topic" => col.push_category(first_topic.map(|t| t.code.as_str())),
        "topic_label" => col.push_str(first_topic.map(|t| t.label.as_str()))?,
        "paragraphs" => col.push_int(a.paragraphs.len()),
        "body" => col.push_str(Some(&a.body_text()))?,
        "warnings" => col.push_list(a.warnings.iter().map(|w| w.kind.as_str()))?,
        "error" => col.push_str(None)?,
        _ => {}
    }
    Ok(())
}
