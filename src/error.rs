//! The error type: returned only for input that cannot be parsed at all.
//!
//! Text without recognisable wire structure is not an error: [`crate::parse`] returns what it
//! could find plus [`crate::Warning`]s. Errors are for unusable input.

use std::fmt;

/// Why a text could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// The class of an [`Error`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is empty or only whitespace.
    Empty,
    /// The input is larger than the parser's configured limit.
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// The input is not text (mostly control characters or NUL bytes).
    NotText,
    /// The input is not valid UTF-8 (from byte-oriented entry points).
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        valid_up_to: usize,
    },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        Error { kind }
    }

    pub(crate) fn data(message: impl Into<String>) -> DataError {
        DataError { message: message.into() }
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ErrorKind::Empty => f.write_str("empty input: no text to parse"),
            ErrorKind::TooLarge { size, limit } => {
                write!(f, "input too large: {size} bytes exceeds the limit of {limit} bytes")
            }
            ErrorKind::NotText => f.write_str("input is not text: mostly control or binary bytes"),
            ErrorKind::InvalidUtf8 { valid_up_to } => {
                write!(f, "input is not valid utf-8: invalid byte sequence at offset {valid_up_to}")
            }
        }
    }
}

impl std::error::Error for Error {}

/// A user-supplied data file (agency registry, topic lexicon) could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    message: String,
}

impl DataError {
    /// The lower-case explanation, naming the file or entry at fault.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid data: {}", self.message)
    }
}

impl std::error::Error for DataError {}
