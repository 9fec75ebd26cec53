//! # newswire
//!
//! Parse wire-service news copy (AP, Reuters, AFP, Xinhua, TASS, IRNA, Fars, PTI, Yonhap and some
//! hundred more) into typed data: headline, agency, dateline (place, country, date), header
//! timestamps, authors, body paragraphs, speakers with their titles, organisations and quotes, and
//! IPTC Media Topics — every value with the byte [`Span`] it came from.
//!
//! ## Usage
//!
//! ```
//! let text = "2021-January-26 15:05\n\nIran and Kazakhstan Hold Talks\n\n\
//!             TEHRAN (FNA)- Iranian and Kazakh officials met on Tuesday.";
//! let article = newswire::parse(text)?;
//! assert_eq!(article.headline.unwrap().text, "Iran and Kazakhstan Hold Talks");
//! assert_eq!(article.agency.unwrap().code, "FNA");
//! let dateline = article.dateline.unwrap();
//! assert_eq!((dateline.city.as_str(), dateline.country.as_deref()), ("Tehran", Some("IR")));
//! # Ok::<(), newswire::Error>(())
//! ```
//!
//! A [`Parser`] is cheap to clone, `Send + Sync`, and holds the compiled data (agency registry,
//! gazetteer, name lists, topic lexicon); [`parse`] uses a shared default one. Build your own with
//! [`Parser::builder`] to add agencies or topic terms, or to change the input size limit.
//!
//! ## Untrusted input
//!
//! Parsing never panics and runs in time linear in the input. Empty input, input over the size
//! limit (default 64 MiB) and binary junk give an [`Error`]; text without wire structure gives a
//! partial [`Article`] (at least its paragraphs) with [`Warning`]s.
//!
//! ## Crate features
//!
//! - `parallel`: [`Parser::parse_many`] across threads with rayon.
//! - `python`: the PyO3 bindings used by the `newswire` Python package (never needed from Rust).
#![deny(missing_docs)]

mod article;
mod error;
mod parse;
mod parser;
pub mod registry;

pub use article::{
    Agency, AgencyEvidence, Article, Author, AuthorRole, DateMention, Dateline, Evidence, Keyphrase,
    Organization, Quote, QuoteKind, Source, SourceKind, Span, Speaker, Subject, SubjectKind, Text, Timestamp,
    Topic, Warning,
};
pub use error::{DataError, Error, ErrorKind};
pub use parser::{DEFAULT_MAX_INPUT_BYTES, Parser, ParserBuilder};

/// Parses `text` with the default [`Parser`] (embedded data, default limits).
pub fn parse(text: &str) -> Result<Article, Error> {
    Parser::shared().parse(text)
}

/// The README's examples, compiled and run as doc-tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

#[cfg(feature = "python")]
mod python;
