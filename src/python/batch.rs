//! Batch input: Python objects borrowed as `&str` / `&[u8]`, parsed in parallel without the GIL.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use rayon::prelude::*;

use super::model::PyArticle;
use crate::{Error, ErrorKind};

/// How undecodable bytes are handled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Decode {
    /// Invalid UTF-8 is a per-item error.
    Strict,
    /// Invalid sequences become U+FFFD.
    Replace,
}

impl Decode {
    pub(crate) fn from_name(name: &str) -> PyResult<Self> {
        match name {
            "strict" => Ok(Decode::Strict),
            "replace" => Ok(Decode::Replace),
            other => Err(PyValueError::new_err(format!(
                "encoding_errors must be \"strict\" or \"replace\", not {other:?}"
            ))),
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Decode::Strict => "strict",
            Decode::Replace => "replace",
        }
    }
}

/// What to do with an item that cannot be parsed (pandas' `to_datetime` vocabulary).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Errors {
    /// Raise on the first bad item (by position).
    Raise,
    /// Keep the row: `None` in lists, an `error` column in frames.
    Coerce,
    /// Drop the row.
    Ignore,
}

impl Errors {
    pub(crate) fn from_name(name: &str) -> PyResult<Self> {
        match name {
            "raise" => Ok(Errors::Raise),
            "coerce" => Ok(Errors::Coerce),
            "ignore" => Ok(Errors::Ignore),
            other => Err(PyValueError::new_err(format!(
                "errors must be \"raise\", \"coerce\" or \"ignore\", not {other:?}"
            ))),
        }
    }
}

/// One batch item, borrowed from the Python object that the caller keeps alive.
pub(crate) enum Input<'a> {
    Str(&'a str),
    /// A `str` with lone surrogates, made valid by replacement (`encoding_errors="replace"`).
    Replaced(String),
    /// A `str` with lone surrogates under `encoding_errors="strict"`: the message.
    Unencodable(String),
    Bytes(&'a [u8]),
    Article(&'a PyArticle),
    /// Not text: the Python type name.
    Invalid(String),
}

impl<'a> Input<'a> {
    /// Borrows `obj` without copying; `articles` also accepts already parsed `Article`s.
    pub(crate) fn borrow(obj: &'a Bound<'_, PyAny>, articles: bool, decode: Decode) -> PyResult<Self> {
        if let Ok(s) = obj.cast::<PyString>() {
            return Ok(match s.to_str() {
                Ok(text) => Input::Str(text),
                Err(_) if decode == Decode::Replace => Input::Replaced(s.to_string_lossy().into_owned()),
                Err(e) => Input::Unencodable(format!("input is not valid unicode: {e}")),
            });
        }
        if let Ok(b) = obj.cast::<PyBytes>() {
            return Ok(Input::Bytes(b.as_bytes()));
        }
        if articles && let Ok(a) = obj.cast::<PyArticle>() {
            return Ok(Input::Article(a.get()));
        }
        let name = obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".to_string());
        Ok(Input::Invalid(name))
    }
}

/// Why one item produced no article.
#[derive(Clone, Debug)]
pub(crate) enum ItemError {
    Parse(Error),
    /// A `str` that cannot be encoded as UTF-8 (lone surrogates).
    Unencodable(String),
    Type(String),
}

impl ItemError {
    pub(crate) fn message(&self) -> String {
        match self {
            ItemError::Parse(e) => e.to_string(),
            ItemError::Unencodable(message) => message.clone(),
            ItemError::Type(name) => format!("expected str or bytes, got {name}"),
        }
    }

    /// The Python exception for `errors="raise"`; `index` is the item's position in a batch.
    pub(crate) fn to_py(&self, index: Option<usize>) -> PyErr {
        let message = match index {
            Some(i) => format!("item {i}: {}", self.message()),
            None => self.message(),
        };
        match self {
            ItemError::Parse(_) | ItemError::Unencodable(_) => super::ParseError::new_err(message),
            ItemError::Type(_) => PyTypeError::new_err(message),
        }
    }
}

pub(crate) type Outcome<'a> = Result<Cow<'a, PyArticle>, ItemError>;

/// Parses one item with `parser`, converting spans to code points.
pub(crate) fn run<'a>(parser: &crate::Parser, decode: Decode, input: &Input<'a>) -> Outcome<'a> {
    let parse = |text: &str| {
        parser.parse(text).map(|a| Cow::Owned(PyArticle::from_rust(&a, text))).map_err(ItemError::Parse)
    };
    match input {
        Input::Str(text) => parse(text),
        Input::Replaced(text) => parse(text),
        Input::Unencodable(message) => Err(ItemError::Unencodable(message.clone())),
        Input::Bytes(bytes) => match std::str::from_utf8(bytes) {
            Ok(text) => parse(text),
            Err(e) if decode == Decode::Strict => {
                Err(ItemError::Parse(Error::new(ErrorKind::InvalidUtf8 { valid_up_to: e.valid_up_to() })))
            }
            Err(_) => parse(&String::from_utf8_lossy(bytes)),
        },
        Input::Article(article) => Ok(Cow::Borrowed(*article)),
        Input::Invalid(name) => Err(ItemError::Type(name.clone())),
    }
}

/// Parses every item in parallel with the GIL released; results keep the input order.
pub(crate) fn run_all<'a>(
    py: Python<'_>,
    parser: &crate::Parser,
    decode: Decode,
    inputs: &[Input<'a>],
    threads: Option<usize>,
) -> PyResult<Vec<Outcome<'a>>> {
    let pool = pool(threads)?;
    Ok(py.detach(|| {
        let work = || inputs.par_iter().map(|input| run(parser, decode, input)).collect::<Vec<_>>();
        match &pool {
            Some(pool) => pool.install(work),
            None => work(),
        }
    }))
}

/// Items from any iterable, kept alive while their text is borrowed.
pub(crate) fn collect<'py>(texts: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    texts.try_iter()?.collect()
}

/// `None` means rayon's global pool (all cores); pools for explicit sizes are built once.
fn pool(threads: Option<usize>) -> PyResult<Option<Arc<rayon::ThreadPool>>> {
    static POOLS: Mutex<Option<HashMap<usize, Arc<rayon::ThreadPool>>>> = Mutex::new(None);
    let Some(n) = threads else { return Ok(None) };
    if n == 0 {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    let mut pools = POOLS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let pools = pools.get_or_insert_with(HashMap::new);
    if let Some(pool) = pools.get(&n) {
        return Ok(Some(Arc::clone(pool)));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("newswire-{i}"))
        .build()
        .map_err(|e| PyValueError::new_err(format!("cannot start {n} threads: {e}")))?;
    let pool = Arc::new(pool);
    pools.insert(n, Arc::clone(&pool));
    Ok(Some(pool))
}
