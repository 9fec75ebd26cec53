//! The Python-facing model: one frozen class per Rust value type, spans in code points.
//!
//! Values are converted from [`crate::Article`] once, in Rust and without the interpreter (so batch
//! parsing converts in parallel too); getters then hand out Python objects on demand. Every class
//! compares by value, has a short `__repr__`, a `to_dict()` of plain JSON-safe types, and pickles
//! through serde (`__reduce__` -> `_unpickle(name, state)`).

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, TimeDelta};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use serde::{Deserialize, Serialize};

use super::offsets::Offsets;

/// Longest string shown by `__repr__` before it is cut with an ellipsis.
const REPR_WIDTH: usize = 48;

/// Python's `repr()` of `s`, cut to [`REPR_WIDTH`] characters.
fn short_repr(py: Python<'_>, s: &str) -> String {
    let cut: String = if s.chars().count() > REPR_WIDTH {
        s.chars().take(REPR_WIDTH - 1).chain(std::iter::once('…')).collect()
    } else {
        s.to_string()
    };
    PyString::new(py, &cut).repr().map(|r| r.to_string()).unwrap_or(cut)
}

fn opt_repr(py: Python<'_>, s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_string(), |s| short_repr(py, s))
}

/// The serde name of a unit enum variant (`snake_case`), so new variants need no change here.
fn variant_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

fn iso_date(date: &NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// `__reduce__` payload shared by every class: `(_unpickle, (name, json_state))`.
fn reduce<'py, T: Serialize>(
    py: Python<'py>,
    name: &'static str,
    value: &T,
) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
    let state = serde_json::to_string(value)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("cannot pickle {name}: {e}")))?;
    let restore = py.import("newswire._newswire")?.getattr("_unpickle")?;
    Ok((restore, (name, state)))
}

fn spans_list<'py>(py: Python<'py>, spans: &[PySpan]) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, spans.iter().map(|s| (s.start, s.end)))
}

fn set_span(dict: &Bound<'_, PyDict>, span: &PySpan) -> PyResult<()> {
    dict.set_item("start", span.start)?;
    dict.set_item("end", span.end)
}

fn dicts<'py, T>(
    py: Python<'py>,
    items: &[T],
    f: impl Fn(&T, Python<'py>) -> PyResult<Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for item in items {
        list.append(f(item, py)?)?;
    }
    Ok(list)
}

/// A half-open range `start..end` of code points in the parsed `str` (`text[start:end]`).
#[pyclass(name = "Span", module = "newswire", frozen, eq, hash, ord, get_all)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PySpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

#[pymethods]
impl PySpan {
    #[new]
    fn py_new(start: usize, end: usize) -> Self {
        PySpan { start, end }
    }

    fn __repr__(&self) -> String {
        format!("Span({}, {})", self.start, self.end)
    }

    fn __len__(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        PyTuple::new(py, [self.start, self.end])?.try_iter().map(Bound::into_any)
    }

    /// `slice(start, end)`, to cut the value out of the text: `text[span.slice()]`.
    fn slice<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("builtins")?.getattr("slice")?.call1((self.start, self.end))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
        reduce(py, "Span", self)
    }
}

/// A piece of the text (headline, paragraph, header or sign-off line) and where it is.
#[pyclass(name = "Text", module = "newswire", frozen, eq, hash, get_all)]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PyText {
    /// The value, hard line wraps joined.
    pub text: String,
    /// Where it is.
    pub span: PySpan,
}

impl PyText {
    fn from_rust(t: &crate::Text, o: &Offsets) -> Self {
        PyText { text: t.text.clone(), span: o.span(t.span) }
    }

    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", &self.text)?;
        set_span(&d, &self.span)?;
        Ok(d)
    }
}

#[pymethods]
impl PyText {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!("Text({}, {})", short_repr(py, &self.text), self.span.__repr__())
    }

    fn __str__(&self) -> &str {
        &self.text
    }

    /// `{"text", "start", "end"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
        reduce(py, "Text", self)
    }
}

/// A news agency: the one credited for the copy, or one the copy cites.
#[pyclass(name = "Agency", module = "newswire", frozen, eq, hash, get_all)]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PyAgency {
    /// Canonical upper-case code (`FNA`).
    pub code: String,
    /// Full name (`Fars News Agency`).
    pub name: String,
    /// ISO 3166-1 alpha-2 home country.
    pub country: Option<String>,
    /// The marker as written (`(FNA)`).
    pub marker: String,
    /// Where the marker is.
    pub span: PySpan,
    /// How the credit was found: `dateline`, `sign_off`, `credit`, `header` or `cited`.
    pub evidence: String,
}

impl PyAgency {
    fn from_rust(a: &crate::Agency, o: &Offsets) -> Self {
        PyAgency {
            code: a.code.clone(),
            name: a.name.clone(),
            country: a.country.clone(),
            marker: a.marker.clone(),
            span: o.span(a.span),
            evidence: variant_name(&a.evidence),
        }
    }

    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", &self.code)?;
        d.set_item("name", &self.name)?;
        d.set_item("country", &self.country)?;
        d.set_item("marker", &self.marker)?;
        set_span(&d, &self.span)?;
        d.set_item("evidence", &self.evidence)?;
        Ok(d)
    }
}

#[pymethods]
impl PyAgency {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Agency({}, {}, country={})",
            short_repr(py, &self.code),
            short_repr(py, &self.name),
            opt_repr(py, self.country.as_deref())
        )
    }

    /// `{"code", "name", "country", "marker", "start", "end", "evidence"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
        reduce(py, "Agency", self)
    }
}

/// The dateline lead: where (and sometimes when) the story was filed.
#[pyclass(name = "Dateline", module = "newswire", frozen, eq, hash, get_all)]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PyDateline {
    /// The lead as written (`TEHRAN (FNA)-`).
    pub text: String,
    /// Where the lead is.
    pub span: PySpan,
    /// The place as written (`TEHRAN`).
    pub place: String,
    /// Canonical city name (`Tehran`).
    pub city: String,
    /// Every city named, canonical, in order.
    pub cities: Vec<String>,
    /// State, province or region.
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// The dateline's date, when a year is known.
    pub date: Option<NaiveDate>,
    /// The date as written.
    pub date_text: Option<String>,
}

impl PyDateline {
    fn from_rust(d: &crate::Dateline, o: &Offsets) -> Self {
        PyDateline {
            text: d.text.clone(),
            span: o.span(d.span),
            place: d.place.clone(),
            city: d.city.clone(),
            cities: d.cities.clone(),
            region: d.region.clone(),
            country: d.country.clone(),
            date: d.date,
            date_text: d.date_text.clone(),
        }
    }

    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("city", &self.city)?;
        d.set_item("region", &self.region)?;
        d.set_item("country", &self.country)?;
        d.set_item("date", self.date.as_ref().map(iso_date))?;
        d.set_item("text", &self.text)?;
        set_span(&d, &self.span)?;
        d.set_item("place", &self.place)?;
        d.set_item("cities", &self.cities)?;
        d.set_item("date_text", &self.date_text)?;
        Ok(d)
    }
}

#[pymethods]
impl PyDateline {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Dateline({}, country={}, date={})",
            short_repr(py, &self.city),
            opt_repr(py, self.country.as_deref()),
            self.date.as_ref().map_or_else(|| "None".to_string(), |d| format!("'{}'", iso_date(d)))
        )
    }

    /// `{"city", "region", "country", "date", "text", "start", "end", "place", "cities", "date_text"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
        reduce(py, "Dateline", self)
    }
}

/// A header timestamp as the text wrote it.
#[pyclass(name = "Timestamp", module = "newswire", frozen, eq, hash)]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PyTimestamp {
    text: String,
    span: PySpan,
    local: NaiveDateTime,
    /// UTC offset in seconds east, when written or inferred.
    offset_seconds: Option<i32>,
    zone: Option<String>,
    zone_inferred: bool,
    has_seconds: bool,
}

impl PyTimestamp {
    fn from_rust(t: &crate::Timestamp, o: &Offsets) -> Self {
        PyTimestamp {
            text: t.text.clone(),
            span: o.span(t.span),
            local: t.local,
            offset_seconds: t.offset.map(|off| off.local_minus_utc()),
            zone: t.zone.clone(),
            zone_inferred: t.zone_inferred,
            has_seconds: t.has_seconds,
        }
    }

    fn fixed_offset(&self) -> Option<FixedOffset> {
        self.offset_seconds.and_then(FixedOffset::east_opt)
    }

    pub(crate) fn aware(&self) -> Option<chrono::DateTime<FixedOffset>> {
        self.local.and_local_timezone(self.fixed_offset()?).single()
    }

    pub(crate) fn local(&self) -> NaiveDateTime {
        self.local
    }

    pub(crate) fn iso(&self) -> String {
        match self.aware() {
            Some(dt) => dt.format("%Y-%m-%dT%H:%M:%S%.f%:z").to_string(),
            None => self.local.format("%Y-%m-%dT%H:%M:%S%.f").to_string(),
        }
    }

    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("datetime", self.iso())?;
        d.set_item("local", self.local.format("%Y-%m-%dT%H:%M:%S%.f").to_string())?;
        d.set_item("utc_offset", self.fixed_offset().map(|o| o.to_string()))?;
        d.set_item("zone", &self.zone)?;
        d.set_item("zone_inferred", self.zone_inferred)?;
        d.set_item("has_seconds", self.has_seconds)?;
        d.set_item("text", &self.text)?;
        set_span(&d, &self.span)?;
        Ok(d)
    }
}

#[pymethods]
impl PyTimestamp {
    /// The timestamp as written.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    /// Where it is.
    #[getter]
    fn span(&self) -> PySpan {
        self.span
    }

    /// Aware `datetime` when the offset is known (written or inferred), else naive.
    #[getter]
    fn datetime<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.aware() {
            Some(dt) => dt.into_pyobject(py).map(Bound::into_any),
            None => self.local.into_pyobject(py).map(Bound::into_any),
        }
    }

    /// Naive local wall-clock time as written.
    #[getter(local)]
    fn py_local(&self) -> NaiveDateTime {
        self.local
    }

    /// The UTC offset as a `timedelta`, when known.
    #[getter]
    fn utcoffset(&self) -> Option<TimeDelta> {
        self.offset_seconds.map(|s| TimeDelta::seconds(i64::from(s)))
    }

    /// The zone: as written (`EDT`) or the IANA name inferred (`Asia/Tehran`).
    #[getter]
    fn zone(&self) -> Option<&str> {
        self.zone.as_deref()
    }

    /// True when the zone was inferred from the agency's home zone rather than written.
    #[getter]
    fn zone_inferred(&self) -> bool {
        self.zone_inferred
    }

    /// True when the text gave seconds.
    #[getter]
    fn has_seconds(&self) -> bool {
        self.has_seconds
    }

    /// ISO 8601, with the UTC offset when known: `2020-11-25T14:25:00+03:30`.
    fn isoformat(&self) -> String {
        self.iso()
    }

    fn __repr__(&self) -> String {
        let inferred = if self.zone_inferred { ", inferred" } else { "" };
        format!("Timestamp('{}'{inferred})", self.iso())
    }

    fn __str__(&self) -> String {
        self.iso()
    }

    /// `{"datetime", "local", "utc_offset", "zone", "zone_inferred", "has_seconds", "text", "start", "end"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
        reduce(py, "Timestamp", self)
    }
}

/// A person credited for the copy.
#[pyclass(name = "Author", module = "newswire", frozen, eq, hash, get_all)]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PyAuthor {
    /// The name.
    pub name: String,
    /// `writer`, `reporter` or `editor`.
    pub role: String,
    /// Where the name is.
    pub span: PySpan,
}

impl PyAuthor {
    fn from_rust(a: &crate::Author, o: &Offsets) -> Self {
        PyAuthor { name: a.name.clone(), role: variant_name(&a.role), span: o.span(a.span) }
    }

    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("name", &self.name)?;
        d.set_item("role", &self.role)?;
        set_span(&d, &self.span)?;
        Ok(d)
    }
}

#[pymethods]
impl PyAuthor {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!("Author({}, role={})", short_repr(py, &self.name), short_repr(py, &self.role))
    }

    /// `{"name", "role", "start", "end"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
        reduce(py, "Author", self)
    }
}

/// Something a speaker said.
#[pyclass(name = "Quote", module = "newswire", frozen, eq, hash, get_all)]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PyQuote {
    /// The words (without quotation marks for direct quotes).
    pub text: String,
    /// Where they are.
    pub span: PySpan,
    /// The reporting verb or phrase (`said`, `according to`).
    pub cue: Option<String>,
    /// `direct` or `indirect`.
    pub kind: String,
}

impl PyQuote {
    fn from_rust(q: &crate::Quote, o: &Offsets) -> Self {
        PyQuote {
            text: q.text.clone(),
            span: o.span(q.span),
            cue: q.cue.clone(),
            kind: variant_name(&q.kind),
        }
    }

    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", &self.text)?;
        set_span(&d, &self.span)?;
        d.set_item("cue", &self.cue)?;
        d.set_item("kind", &self.kind)?;
        Ok(d)
    }
}

#[pymethods]
impl PyQuote {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Quote({}, {}, kind={})",
            short_repr(py, &self.text),
            self.span.__repr__(),
            short_repr(py, &self.kind)
        )
    }

    fn __str__(&self) -> &str {
        &self.text
    }

    /// `{"text", "start", "end", "cue", "kind"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
        reduce(py, "Quote", self)
    }
}

/// A person named in the article, with their role and what they said.
#[pyclass(name = "Speaker", module = "newswire", frozen, eq, hash, get_all)]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PySpeaker {
    /// The fullest form of the name, honorifics removed.
    pub name: String,
    /// Honorifics written before the name (`Seyed`, `Dr.`).
    pub honorifics: Vec<String>,
    /// The title or role.
    pub title: Option<String>,
    /// The organisation the title belongs to.
    pub organization: Option<String>,
    /// ISO 3166-1 alpha-2 country the person represents.
    pub country: Option<String>,
    /// Every mention.
    pub mentions: Vec<PySpan>,
    /// What the person said, in text order.
    pub quotes: Vec<PyQuote>,
}

impl PySpeaker {
    fn from_rust(s: &crate::Speaker, o: &Offsets) -> Self {
        PySpeaker {
            name: s.name.clone(),
            honorifics: s.honorifics.clone(),
            title: s.title.clone(),
            organization: s.organization.clone(),
            country: s.country.clone(),
            mentions: s.mentions.iter().map(|&m| o.span(m)).collect(),
            quotes: s.quotes.iter().map(|q| PyQuote::from_rust(q, o)).collect(),
        }
    }

    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("name", &self.name)?;
        d.set_item("title", &self.title)?;
        d.set_item("organization", &self.organization)?;
        d.set_item("quotes", dicts(py, &self.quotes, PyQuote::dict)?)?;
        d.set_item("honorifics", &self.honorifics)?;
        d.set_item("country", &self.country)?;
        d.set_item("mentions", spans_list(py, &self.mentions)?)?;
        Ok(d)
    }
}

#[pymethods]
impl PySpeaker {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Speaker({}, title={}, organization={}, quotes={})",
            short_repr(py, &self.name),
            opt_repr(py, self.title.as_deref()),
            opt_repr(py, self.organization.as_deref()),
            self.quotes.len()
        )
    }

    /// `{"name", "title", "organization", "quotes": [...], "honorifics", "country", "mentions"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
        reduce(py, "Speaker", self)
    }
}

/// An organisation named in the text.
#[pyclass(name = "Organization", module = "newswire", frozen, eq, hash, get_all)]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PyOrganization {
    /// The fullest written name.
    pub name: String,
    /// The acronym linked to it.
    pub acronym: Option<String>,
    /// Every mention.
    pub mentions: Vec<PySpan>,
}

impl PyOrganization {
    fn from_rust(org: &crate::Organization, o: &Offsets) -> Self {
        PyOrganization {
            name: org.name.clone(),
            acronym: org.acronym.clone(),
            mentions: org.mentions.iter().map(|&m| o.span(m)).collect(),
        }
    }

    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("name", &self.name)?;
        d.set_item("acronym", &self.acronym)?;
        d.set_item("mentions", spans_list(py, &self.mentions)?)?;
        Ok(d)
    }
}

#[pymethods]
impl PyOrganization {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Organization({}, acronym={})",
            short_repr(py, &self.name),
            opt_repr(py, self.acronym.as_deref())
        )
    }

    /// `{"name", "acronym", "mentions"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
        reduce(py, "Organization", self)
    }
}

/// An organisation, group or unnamed source reported as saying something (`the State Department said`).
#[pyclass(name = "Source", module = "newswire", frozen, eq, hash, get_all)]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PySource {
    /// The source as written, without a leading article (`State Department`, `police`).
    pub name: String,
    /// `organization` or `group`.
    pub kind: String,
    /// Every standalone mention.
    pub mentions: Vec<PySpan>,
    /// What it said, in text order.
    pub quotes: Vec<PyQuote>,
}

impl PySource {
    fn from_rust(s: &crate::Source, o: &Offsets) -> Self {
        PySource {
            name: s.name.clone(),
            kind: variant_name(&s.kind),
            mentions: s.mentions.iter().map(|&m| o.span(m)).collect(),
            quotes: s.quotes.iter().map(|q| PyQuote::from_rust(q, o)).collect(),
        }
    }

    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("name", &self.name)?;
        d.set_item("kind", &self.kind)?;
        d.set_item("quotes", dicts(py, &self.quotes, PyQuote::dict)?)?;
        d.set_item("mentions", spans_list(py, &self.mentions)?)?;
        Ok(d)
    }

    /// The flat evaluation-contract form of each quote: the quote's fields plus `speaker` (the
    /// source's name) and `source_kind`.
    fn quote_dicts<'py>(&self, py: Python<'py>, list: &Bound<'py, PyList>) -> PyResult<()> {
        for q in &self.quotes {
            let d = q.dict(py)?;
            d.set_item("speaker", &self.name)?;
            d.set_item("source_kind", &self.kind)?;
            list.append(d)?;
        }
        Ok(())
    }
}

#[pymethods]
impl PySource {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Source({}, kind={}, quotes={})",
            short_repr(py, &self.name),
            short_repr(py, &self.kind),
            self.quotes.len()
        )
    }

    /// `{"name", "kind", "quotes": [...], "mentions"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
        reduce(py, "Source", self)
    }
}

/// A lexicon match that supports a topic.
#[pyclass(name = "Evidence", module = "newswire", frozen, eq, hash, get_all)]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PyEvidence {
    /// The lexicon term.
    pub term: String,
    /// Where it matched.
    pub span: PySpan,
}

impl PyEvidence {
    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("term", &self.term)?;
        set_span(&d, &self.span)?;
        Ok(d)
    }
}

#[pymethods]
impl PyEvidence {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!("Evidence({}, {})", short_repr(py, &self.term), self.span.__repr__())
    }

    /// `{"term", "start", "end"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
        reduce(py, "Evidence", self)
    }
}

/// An IPTC Media Topic assigned to the article.
#[pyclass(name = "Topic", module = "newswire", frozen, eq, get_all)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PyTopic {
    /// `medtop:11000000`.
    pub code: String,
    /// `politics`.
    pub label: String,
    /// Confidence in `[0, 1]`.
    pub score: f64,
    /// The top-level code this topic sits under.
    pub top_level: String,
    /// The matches that produced the score.
    pub evidence: Vec<PyEvidence>,
}

impl PyTopic {
    fn from_rust(t: &crate::Topic, o: &Offsets) -> Self {
        PyTopic {
            code: t.code.clone(),
            label: t.label.clone(),
            score: t.score,
            top_level: t.top_level.clone(),
            evidence: t
                .evidence
                .iter()
                .map(|e| PyEvidence { term: e.term.clone(), span: o.span(e.span) })
                .collect(),
        }
    }

    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", &self.code)?;
        d.set_item("label", &self.label)?;
        d.set_item("score", self.score)?;
        d.set_item("top_level", &self.top_level)?;
        d.set_item("evidence", dicts(py, &self.evidence, PyEvidence::dict)?)?;
        Ok(d)
    }
}

#[pymethods]
impl PyTopic {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Topic({}, {}, score={:.3})",
            short_repr(py, &self.code),
            short_repr(py, &self.label),
            self.score
        )
    }

    /// `{"code", "label", "score", "top_level", "evidence"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
        reduce(py, "Topic", self)
    }
}

/// A phrase that characterises the story.
#[pyclass(name = "Keyphrase", module = "newswire", frozen, eq, get_all)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PyKeyphrase {
    /// The phrase in its most frequent written form.
    pub text: String,
    /// Relevance; higher is more characteristic.
    pub score: f64,
    /// Every occurrence.
    pub spans: Vec<PySpan>,
}

impl PyKeyphrase {
    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", &self.text)?;
        d.set_item("score", self.score)?;
        d.set_item("spans", spans_list(py, &self.spans)?)?;
        Ok(d)
    }
}

#[pymethods]
impl PyKeyphrase {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!("Keyphrase({}, score={:.3})", short_repr(py, &self.text), self.score)
    }

    /// `{"text", "score", "spans"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
        reduce(py, "Keyphrase", self)
    }
}

/// A date expression in the body, resolved where safe.
#[pyclass(name = "DateMention", module = "newswire", frozen, eq, hash, get_all)]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PyDateMention {
    /// The expression as written.
    pub text: String,
    /// Where it is.
    pub span: PySpan,
    /// The calendar date it refers to.
    pub date: Option<NaiveDate>,
}

impl PyDateMention {
    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", &self.text)?;
        set_span(&d, &self.span)?;
        d.set_item("date", self.date.as_ref().map(iso_date))?;
        Ok(d)
    }
}

#[pymethods]
impl PyDateMention {
    fn __repr__(&self, py: Python<'_>) -> String {
        let date = self.date.as_ref().map_or_else(|| "None".to_string(), |d| format!("'{}'", iso_date(d)));
        format!("DateMention({}, date={date})", short_repr(py, &self.text))
    }

    /// `{"text", "start", "end", "date"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
        reduce(py, "DateMention", self)
    }
}

/// A recoverable oddity found while parsing.
#[pyclass(name = "Warning", module = "newswire", frozen, eq, hash, get_all)]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PyWarning {
    /// Stable machine-readable kind.
    pub kind: String,
    /// Lower-case human-readable message.
    pub message: String,
    /// The text it concerns.
    pub span: Option<PySpan>,
}

impl PyWarning {
    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("kind", &self.kind)?;
        d.set_item("message", &self.message)?;
        d.set_item("start", self.span.map(|s| s.start))?;
        d.set_item("end", self.span.map(|s| s.end))?;
        Ok(d)
    }
}

#[pymethods]
impl PyWarning {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!("Warning({}, {})", short_repr(py, &self.kind), short_repr(py, &self.message))
    }

    /// `{"kind", "message", "start", "end"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
        reduce(py, "Warning", self)
    }
}

/// A parsed wire article. Frozen; compares by value; pickles.
#[pyclass(name = "Article", module = "newswire", frozen, eq, get_all)]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PyArticle {
    /// The headline.
    pub headline: Option<PyText>,
    /// The agency credited for the copy.
    pub agency: Option<PyAgency>,
    /// Other agencies the copy names as sources.
    pub cited_agencies: Vec<PyAgency>,
    /// The dateline lead.
    pub dateline: Option<PyDateline>,
    /// Earliest header timestamp.
    pub published: Option<PyTimestamp>,
    /// Latest header timestamp, when there are two or more.
    pub updated: Option<PyTimestamp>,
    /// Writers, reporters, editors.
    pub authors: Vec<PyAuthor>,
    /// Header lines that are neither headline nor timestamp.
    pub header: Vec<PyText>,
    /// The body, one entry per paragraph.
    pub paragraphs: Vec<PyText>,
    /// Closing credit lines.
    pub sign_off: Vec<PyText>,
    /// People named in the story.
    pub speakers: Vec<PySpeaker>,
    /// Organisations named in the story.
    pub organizations: Vec<PyOrganization>,
    /// Organisations, groups and unnamed sources reported as saying something.
    pub sources: Vec<PySource>,
    /// IPTC Media Topics, highest score first.
    pub topics: Vec<PyTopic>,
    /// Characteristic phrases.
    pub keyphrases: Vec<PyKeyphrase>,
    /// Date expressions in the body.
    pub dates: Vec<PyDateMention>,
    /// Recoverable oddities.
    pub warnings: Vec<PyWarning>,
}

impl PyArticle {
    /// Converts a parsed article: every byte span of `text` becomes a code-point span, once.
    pub(crate) fn from_rust(a: &crate::Article, text: &str) -> Self {
        let o = Offsets::new(text);
        let texts = |v: &[crate::Text]| v.iter().map(|t| PyText::from_rust(t, &o)).collect::<Vec<_>>();
        PyArticle {
            headline: a.headline.as_ref().map(|t| PyText::from_rust(t, &o)),
            agency: a.agency.as_ref().map(|x| PyAgency::from_rust(x, &o)),
            cited_agencies: a.cited_agencies.iter().map(|x| PyAgency::from_rust(x, &o)).collect(),
            dateline: a.dateline.as_ref().map(|d| PyDateline::from_rust(d, &o)),
            published: a.published.as_ref().map(|t| PyTimestamp::from_rust(t, &o)),
            updated: a.updated.as_ref().map(|t| PyTimestamp::from_rust(t, &o)),
            authors: a.authors.iter().map(|x| PyAuthor::from_rust(x, &o)).collect(),
            header: texts(&a.header),
            paragraphs: texts(&a.paragraphs),
            sign_off: texts(&a.sign_off),
            speakers: a.speakers.iter().map(|s| PySpeaker::from_rust(s, &o)).collect(),
            organizations: a.organizations.iter().map(|x| PyOrganization::from_rust(x, &o)).collect(),
            sources: a.sources.iter().map(|x| PySource::from_rust(x, &o)).collect(),
            topics: a.topics.iter().map(|t| PyTopic::from_rust(t, &o)).collect(),
            keyphrases: a
                .keyphrases
                .iter()
                .map(|k| PyKeyphrase {
                    text: k.text.clone(),
                    score: k.score,
                    spans: k.spans.iter().map(|&s| o.span(s)).collect(),
                })
                .collect(),
            dates: a
                .dates
                .iter()
                .map(|d| PyDateMention { text: d.text.clone(), span: o.span(d.span), date: d.date })
                .collect(),
            warnings: a
                .warnings
                .iter()
                .map(|w| PyWarning {
                    kind: w.kind.clone(),
                    message: w.message.clone(),
                    span: w.span.map(|s| o.span(s)),
                })
                .collect(),
        }
    }

    /// The body: paragraphs joined by blank lines.
    pub(crate) fn body_text(&self) -> String {
        let parts: Vec<&str> = self.paragraphs.iter().map(|p| p.text.as_str()).collect();
        parts.join("\n\n")
    }
}

#[pymethods]
impl PyArticle {
    /// The body text: paragraphs joined by blank lines.
    #[getter]
    fn body(&self) -> String {
        self.body_text()
    }

    /// Every quote of a person with its speaker, in text order: `[(Speaker, Quote), ...]`.
    /// Quotes of organisations, groups and unnamed sources are under `sources`.
    fn quotes(&self) -> Vec<(PySpeaker, PyQuote)> {
        let mut all: Vec<(PySpeaker, PyQuote)> =
            self.speakers.iter().flat_map(|s| s.quotes.iter().map(move |q| (s.clone(), q.clone()))).collect();
        all.sort_by_key(|(_, q)| q.span);
        all
    }

    /// Plain, JSON-safe Python types; keys as in the evaluation contract plus everything else.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("headline", self.headline.as_ref().map(|h| h.text.as_str()))?;
        d.set_item("headline_span", self.headline.as_ref().map(|h| (h.span.start, h.span.end)))?;
        d.set_item("agency", self.agency.as_ref().map(|a| a.dict(py)).transpose()?)?;
        d.set_item("dateline", self.dateline.as_ref().map(|x| x.dict(py)).transpose()?)?;
        d.set_item("published", self.published.as_ref().map(PyTimestamp::iso))?;
        d.set_item("updated", self.updated.as_ref().map(PyTimestamp::iso))?;
        d.set_item("published_detail", self.published.as_ref().map(|t| t.dict(py)).transpose()?)?;
        d.set_item("updated_detail", self.updated.as_ref().map(|t| t.dict(py)).transpose()?)?;
        // The contract's `authors` are the byline; reporters and editors of credit lines are `credits`.
        let (byline, credits): (Vec<PyAuthor>, Vec<PyAuthor>) =
            self.authors.iter().cloned().partition(|a| a.role == "writer");
        d.set_item("authors", dicts(py, &byline, PyAuthor::dict)?)?;
        d.set_item("credits", dicts(py, &credits, PyAuthor::dict)?)?;
        d.set_item("speakers", dicts(py, &self.speakers, PySpeaker::dict)?)?;
        // Quotes of organisations, groups and unnamed sources; people's quotes are only under `speakers`.
        let quotes = PyList::empty(py);
        for source in &self.sources {
            source.quote_dicts(py, &quotes)?;
        }
        d.set_item("quotes", quotes)?;
        d.set_item("topics", dicts(py, &self.topics, PyTopic::dict)?)?;
        d.set_item("cited_agencies", dicts(py, &self.cited_agencies, PyAgency::dict)?)?;
        d.set_item("header", dicts(py, &self.header, PyText::dict)?)?;
        d.set_item("paragraphs", dicts(py, &self.paragraphs, PyText::dict)?)?;
        d.set_item("sign_off", dicts(py, &self.sign_off, PyText::dict)?)?;
        d.set_item("organizations", dicts(py, &self.organizations, PyOrganization::dict)?)?;
        d.set_item("sources", dicts(py, &self.sources, PySource::dict)?)?;
        d.set_item("keyphrases", dicts(py, &self.keyphrases, PyKeyphrase::dict)?)?;
        d.set_item("dates", dicts(py, &self.dates, PyDateMention::dict)?)?;
        d.set_item("warnings", dicts(py, &self.warnings, PyWarning::dict)?)?;
        Ok(d)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Article(headline={}, agency={}, dateline={}, published={}, paragraphs={}, speakers={}, topics={})",
            opt_repr(py, self.headline.as_ref().map(|h| h.text.as_str())),
            opt_repr(py, self.agency.as_ref().map(|a| a.code.as_str())),
            opt_repr(py, self.dateline.as_ref().map(|d| d.city.as_str())),
            self.published.as_ref().map_or_else(|| "None".to_string(), |t| format!("'{}'", t.iso())),
            self.paragraphs.len(),
            self.speakers.len(),
            self.topics.len()
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (&'static str, String))> {
        reduce(py, "Article", self)
    }
}

/// Rebuilds a pickled object from `(name, state)` as written by `__reduce__`.
#[pyfunction]
pub(crate) fn _unpickle(py: Python<'_>, name: &str, state: &str) -> PyResult<Py<PyAny>> {
    fn load<'a, T: Deserialize<'a>>(name: &str, state: &'a str) -> PyResult<T> {
        serde_json::from_str(state)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("cannot unpickle {name}: {e}")))
    }
    let object = match name {
        "Span" => Py::new(py, load::<PySpan>(name, state)?)?.into_any(),
        "Text" => Py::new(py, load::<PyText>(name, state)?)?.into_any(),
        "Agency" => Py::new(py, load::<PyAgency>(name, state)?)?.into_any(),
        "Dateline" => Py::new(py, load::<PyDateline>(name, state)?)?.into_any(),
        "Timestamp" => Py::new(py, load::<PyTimestamp>(name, state)?)?.into_any(),
        "Author" => Py::new(py, load::<PyAuthor>(name, state)?)?.into_any(),
        "Quote" => Py::new(py, load::<PyQuote>(name, state)?)?.into_any(),
        "Speaker" => Py::new(py, load::<PySpeaker>(name, state)?)?.into_any(),
        "Organization" => Py::new(py, load::<PyOrganization>(name, state)?)?.into_any(),
        "Source" => Py::new(py, load::<PySource>(name, state)?)?.into_any(),
        "Evidence" => Py::new(py, load::<PyEvidence>(name, state)?)?.into_any(),
        "Topic" => Py::new(py, load::<PyTopic>(name, state)?)?.into_any(),
        "Keyphrase" => Py::new(py, load::<PyKeyphrase>(name, state)?)?.into_any(),
        "DateMention" => Py::new(py, load::<PyDateMention>(name, state)?)?.into_any(),
        "Warning" => Py::new(py, load::<PyWarning>(name, state)?)?.into_any(),
        "Article" => Py::new(py, load::<PyArticle>(name, state)?)?.into_any(),
        other => {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "cannot unpickle unknown type {other:?}"
            )));
        }
    };
    Ok(object)
}
