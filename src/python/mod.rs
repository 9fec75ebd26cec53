//! The PyO3 layer behind the `newswire` Python package (`newswire._newswire`).
//!
//! Only translation lives here: Python inputs are borrowed without copying, parsed by the Rust
//! [`crate::Parser`] with the interpreter released (in parallel for batches), and converted once to
//! the Python model in [`model`], whose spans are code-point offsets. Nothing here is public Rust API.

mod batch;
mod model;
mod offsets;
mod table;

use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use rayon::prelude::*;

use batch::{Decode, Errors, Input};
use model::PyArticle;

create_exception!(
    newswire,
    ParseError,
    PyValueError,
    "The input cannot be parsed at all (empty, too large, not text, invalid UTF-8)."
);

/// Parses a single `str` or `bytes` with the GIL released.
fn parse_one(
    py: Python<'_>,
    parser: &crate::Parser,
    decode: Decode,
    text: &Bound<'_, PyAny>,
) -> PyResult<PyArticle> {
    let input = Input::borrow(text, false, decode)?;
    let outcome = py.detach(|| batch::run(parser, decode, &input));
    outcome.map(|a| a.into_owned()).map_err(|e| e.to_py(None))
}

/// Parses a batch; order kept; failures handled per `errors`.
fn parse_batch(
    py: Python<'_>,
    parser: &crate::Parser,
    decode: Decode,
    texts: &Bound<'_, PyAny>,
    errors: &str,
    threads: Option<usize>,
) -> PyResult<Py<PyList>> {
    let errors = Errors::from_name(errors)?;
    let objects = batch::collect(texts)?;
    let inputs = objects.iter().map(|o| Input::borrow(o, false, decode)).collect::<PyResult<Vec<_>>>()?;
    let outcomes = batch::run_all(py, parser, decode, &inputs, threads)?;
    let list = PyList::empty(py);
    for (index, outcome) in outcomes.into_iter().enumerate() {
        match (outcome, errors) {
            (Ok(article), _) => list.append(Py::new(py, article.into_owned())?)?,
            (Err(e), Errors::Raise) => return Err(e.to_py(Some(index))),
            (Err(_), Errors::Coerce) => list.append(py.None())?,
            (Err(_), Errors::Ignore) => {}
        }
    }
    Ok(list.unbind())
}

/// Builds a columnar table from texts and/or already parsed articles.
#[allow(clippy::too_many_arguments)]
fn batch_table<'py>(
    py: Python<'py>,
    parser: &crate::Parser,
    decode: Decode,
    items: &Bound<'py, PyAny>,
    which: &str,
    columns: Option<Vec<String>>,
    errors: &str,
    threads: Option<usize>,
    arrow: bool,
) -> PyResult<table::Table<'py>> {
    let errors = Errors::from_name(errors)?;
    let objects = batch::collect(items)?;
    let inputs = objects.iter().map(|o| Input::borrow(o, true, decode)).collect::<PyResult<Vec<_>>>()?;
    let outcomes = batch::run_all(py, parser, decode, &inputs, threads)?;
    if errors == Errors::Raise
        && let Some((index, Err(e))) = outcomes.iter().enumerate().find(|(_, o)| o.is_err())
    {
        return Err(e.to_py(Some(index)));
    }
    let table = table::build(py, which, &outcomes, columns, errors == Errors::Coerce, arrow);
    // Freeing thousands of parsed articles is real work: do it off the GIL, in parallel.
    py.detach(move || outcomes.into_par_iter().for_each(drop));
    table
}

/// A data source given as TOML text, a path (`os.PathLike`), or plain dicts / lists.
fn data_text(py: Python<'_>, value: &Bound<'_, PyAny>, list_key: &str) -> PyResult<String> {
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(s.to_str()?.to_string());
    }
    let os = py.import("os")?;
    if value.is_instance(&os.getattr("PathLike")?)? {
        let path: std::path::PathBuf = value.extract()?;
        return std::fs::read_to_string(&path)
            .map_err(|e| PyValueError::new_err(format!("cannot read {}: {e}", path.display())));
    }
    // Dicts go through JSON into the same TOML loader the Rust API uses, so both accept one schema.
    let value = if value.cast::<PyList>().is_ok() || value.cast::<pyo3::types::PyTuple>().is_ok() {
        let d = PyDict::new(py);
        d.set_item(list_key, value)?;
        d.into_any()
    } else if value.cast::<PyDict>().is_ok() {
        value.clone()
    } else {
        return Err(PyTypeError::new_err(format!(
            "expected TOML text, a path, a dict or a list of dicts, got {}",
            value.get_type().name()?
        )));
    };
    let json: String = py.import("json")?.call_method1("dumps", (value,))?.extract()?;
    let json: serde_json::Value =
        serde_json::from_str(&json).map_err(|e| PyValueError::new_err(format!("invalid data: {e}")))?;
    toml::to_string(&json).map_err(|e| PyValueError::new_err(format!("invalid data: {e}")))
}

/// A configured parser: extra agencies and topic terms, an input size limit, a bytes policy.
///
/// Cheap to share across threads; picklable (it re-builds from its options).
#[pyclass(name = "Parser", module = "newswire", frozen)]
struct PyParser {
    parser: crate::Parser,
    decode: Decode,
    /// The options as given, with paths replaced by their content, for pickling.
    options: Py<PyDict>,
}

#[pymethods]
impl PyParser {
    #[new]
    #[pyo3(signature = (*, max_input_bytes = None, agencies = None, topics = None, encoding_errors = "strict"))]
    fn py_new(
        py: Python<'_>,
        max_input_bytes: Option<usize>,
        agencies: Option<&Bound<'_, PyAny>>,
        topics: Option<&Bound<'_, PyAny>>,
        encoding_errors: &str,
    ) -> PyResult<Self> {
        let decode = Decode::from_name(encoding_errors)?;
        let options = PyDict::new(py);
        options.set_item("encoding_errors", decode.name())?;
        let mut builder = crate::Parser::builder();
        if let Some(limit) = max_input_bytes {
            if limit == 0 {
                return Err(PyValueError::new_err("max_input_bytes must be at least 1"));
            }
            builder = builder.max_input_bytes(limit);
            options.set_item("max_input_bytes", limit)?;
        }
        if let Some(agencies) = agencies {
            let text = data_text(py, agencies, "agency")?;
            builder = builder.agencies_toml(&text).map_err(|e| PyValueError::new_err(e.to_string()))?;
            options.set_item("agencies", text)?;
        }
        if let Some(topics) = topics {
            let text = data_text(py, topics, "terms")?;
            builder = builder.topic_lexicon_toml(&text).map_err(|e| PyValueError::new_err(e.to_string()))?;
            options.set_item("topics", text)?;
        }
        Ok(PyParser { parser: builder.build(), decode, options: options.unbind() })
    }

    /// Parses one text (`str`, or `bytes` decoded as UTF-8).
    fn parse(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<PyArticle> {
        parse_one(py, &self.parser, self.decode, text)
    }

    /// Parses many texts in parallel with the GIL released; see `newswire.parse_many`.
    #[pyo3(signature = (texts, *, errors = "raise", threads = None))]
    fn parse_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        errors: &str,
        threads: Option<usize>,
    ) -> PyResult<Py<PyList>> {
        parse_batch(py, &self.parser, self.decode, texts, errors, threads)
    }

    /// Columnar table for the pandas / Arrow helpers (private; use `newswire.to_frame`).
    #[pyo3(signature = (items, which, *, columns = None, errors = "raise", threads = None, arrow = false))]
    #[allow(clippy::too_many_arguments)]
    fn _table<'py>(
        &self,
        py: Python<'py>,
        items: &Bound<'py, PyAny>,
        which: &str,
        columns: Option<Vec<String>>,
        errors: &str,
        threads: Option<usize>,
        arrow: bool,
    ) -> PyResult<table::Table<'py>> {
        batch_table(py, &self.parser, self.decode, items, which, columns, errors, threads, arrow)
    }

    fn __getnewargs_ex__<'py>(
        &self,
        py: Python<'py>,
    ) -> (Bound<'py, pyo3::types::PyTuple>, Bound<'py, PyDict>) {
        (pyo3::types::PyTuple::empty(py), self.options.bind(py).clone())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let options = self.options.bind(py);
        let mut parts = Vec::new();
        for key in ["max_input_bytes", "encoding_errors"] {
            if let Ok(Some(value)) = options.get_item(key) {
                parts.push(format!("{key}={}", value.repr().map(|r| r.to_string()).unwrap_or_default()));
            }
        }
        for key in ["agencies", "topics"] {
            if let Ok(Some(_)) = options.get_item(key) {
                parts.push(format!("{key}=<custom>"));
            }
        }
        format!("Parser({})", parts.join(", "))
    }
}

/// Parses one wire article (`str`, or `bytes` decoded as UTF-8) with the default parser.
#[pyfunction]
#[pyo3(signature = (text, *, encoding_errors = "strict"))]
fn parse(py: Python<'_>, text: &Bound<'_, PyAny>, encoding_errors: &str) -> PyResult<PyArticle> {
    parse_one(py, crate::Parser::shared(), Decode::from_name(encoding_errors)?, text)
}

/// Parses many texts in parallel with the GIL released; results keep the input order.
#[pyfunction]
#[pyo3(signature = (texts, *, errors = "raise", threads = None, encoding_errors = "strict"))]
fn parse_many(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    errors: &str,
    threads: Option<usize>,
    encoding_errors: &str,
) -> PyResult<Py<PyList>> {
    parse_batch(py, crate::Parser::shared(), Decode::from_name(encoding_errors)?, texts, errors, threads)
}

/// Columnar table with the default parser (private; use `newswire.to_frame`).
#[pyfunction]
#[pyo3(signature = (items, which, *, columns = None, errors = "raise", threads = None, encoding_errors = "strict", arrow = false))]
#[allow(clippy::too_many_arguments)]
fn _table<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    which: &str,
    columns: Option<Vec<String>>,
    errors: &str,
    threads: Option<usize>,
    encoding_errors: &str,
    arrow: bool,
) -> PyResult<table::Table<'py>> {
    let decode = Decode::from_name(encoding_errors)?;
    batch_table(py, crate::Parser::shared(), decode, items, which, columns, errors, threads, arrow)
}

#[pymodule]
#[pyo3(name = "_newswire")]
fn newswire_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DEFAULT_MAX_INPUT_BYTES", crate::DEFAULT_MAX_INPUT_BYTES)?;
    m.add("ARTICLE_COLUMNS", table::ARTICLE_COLUMNS.to_vec())?;
    m.add("SPEAKER_COLUMNS", table::SPEAKER_COLUMNS.to_vec())?;
    m.add("QUOTE_COLUMNS", table::QUOTE_COLUMNS.to_vec())?;
    m.add("TOPIC_COLUMNS", table::TOPIC_COLUMNS.to_vec())?;
    m.add("ParseError", py.get_type::<ParseError>())?;
    m.add_class::<PyParser>()?;
    m.add_class::<model::PyArticle>()?;
    m.add_class::<model::PySpan>()?;
    m.add_class::<model::PyText>()?;
    m.add_class::<model::PyAgency>()?;
    m.add_class::<model::PyDateline>()?;
    m.add_class::<model::PyTimestamp>()?;
    m.add_class::<model::PyAuthor>()?;
    m.add_class::<model::PyQuote>()?;
    m.add_class::<model::PySpeaker>()?;
    m.add_class::<model::PyOrganization>()?;
    m.add_class::<model::PySource>()?;
    m.add_class::<model::PyEvidence>()?;
    m.add_class::<model::PyTopic>()?;
    m.add_class::<model::PyKeyphrase>()?;
    m.add_class::<model::PyDateMention>()?;
    m.add_class::<model::PyWarning>()?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(_table, m)?)?;
    m.add_function(wrap_pyfunction!(model::_unpickle, m)?)?;
    Ok(())
}
