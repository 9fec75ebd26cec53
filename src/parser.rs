//! The parser: configuration, input checks, and the pipeline that runs the stages in order.

use std::sync::{Arc, LazyLock};

use crate::article::{Article, Span, Text, Timestamp, Warning};
use crate::error::{DataError, Error, ErrorKind};
use crate::parse::{self, Lines};
use crate::registry::{AgencyEntry, LexiconTerm, Registry};

/// Default input size limit: 64 MiB.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// A reusable article parser holding compiled lookup data. Cheap to clone; `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Parser {
    registry: Arc<Registry>,
    max_input_bytes: usize,
}

static SHARED: LazyLock<Parser> = LazyLock::new(Parser::new);

impl Default for Parser {
    fn default() -> Self {
        Parser::new()
    }
}

impl Parser {
    /// A parser with the embedded data and default limits.
    pub fn new() -> Self {
        Parser { registry: Registry::embedded(), max_input_bytes: DEFAULT_MAX_INPUT_BYTES }
    }

    pub(crate) fn shared() -> &'static Parser {
        &SHARED
    }

    /// A builder to extend the data or change limits.
    pub fn builder() -> ParserBuilder {
        ParserBuilder { registry: (*Registry::embedded()).clone(), max_input_bytes: DEFAULT_MAX_INPUT_BYTES }
    }

    /// The lookup data this parser uses.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The largest input accepted, in bytes.
    pub fn max_input_bytes(&self) -> usize {
        self.max_input_bytes
    }

    /// Parses UTF-8 bytes; invalid UTF-8 is an [`ErrorKind::InvalidUtf8`] error.
    pub fn parse_bytes(&self, bytes: &[u8]) -> Result<Article, Error> {
        if bytes.len() > self.max_input_bytes {
            return Err(Error::new(ErrorKind::TooLarge { size: bytes.len(), limit: self.max_input_bytes }));
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => self.parse(text),
            Err(e) => Err(Error::new(ErrorKind::InvalidUtf8 { valid_up_to: e.valid_up_to() })),
        }
    }

    /// Parses many texts in parallel (rayon), in order; one bad text does not stop the others.
    #[cfg(feature = "parallel")]
    pub fn parse_many<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Result<Article, Error>> {
        use rayon::prelude::*;
        texts.par_iter().map(|t| self.parse(t.as_ref())).collect()
    }

    /// Parses one article.
    pub fn parse(&self, text: &str) -> Result<Article, Error> {
        check_input(text, self.max_input_bytes)?;
        let registry = &*self.registry;
        let mut article = Article::default();
        let mut lines = Lines::new(text);

        let header = parse::header::take(&mut lines);
        article.header = header.other;
        article.headline = header.headline.or_else(|| parse::headline::take(&mut lines, registry));
        article.authors = parse::byline::take(&mut lines, &header.bylines);
        // Notes and bylines come in either order before the body.
        loop {
            let notes = parse::header::take_notes(&mut lines);
            let authors = parse::byline::take(&mut lines, &[]);
            if notes.is_empty() && authors.is_empty() {
                break;
            }
            article.header.extend(notes);
            article.authors.extend(authors);
        }
        let dateline = parse::dateline::take(&mut lines, registry);
        let front_matter: Vec<Span> = lines.lines[..lines.pos].iter().map(|(l, _)| l.span).collect();
        let body = parse::body::take(&mut lines, registry);
        article.paragraphs = body.paragraphs;
        article.sign_off = body.sign_off;
        for credit in article.paragraphs.iter().rev().take(3).chain(article.sign_off.iter()) {
            article.authors.extend(parse::byline::credits(text, credit.span));
        }

        let credits = parse::agency::detect(
            text,
            &lines,
            dateline.as_ref().and_then(|d| d.agency_marker.as_ref()),
            &article.paragraphs,
            registry,
        );
        article.agency = credits.agency;
        article.cited_agencies = credits.cited;

        let home_zone = article
            .agency
            .as_ref()
            .and_then(|a| registry.agencies.by_code(&a.code))
            .and_then(|entry| entry.timezone.clone());
        let mut timestamps = header.timestamps;
        if let Some(zone) = &home_zone {
            for ts in &mut timestamps {
                parse::timestamp::infer_zone(ts, zone);
            }
        }
        (article.published, article.updated) = published_and_updated(timestamps);
        let published_date = article.published.as_ref().map(|t| t.local.date());

        if let Some(found) = dateline {
            let mut dateline = found.dateline;
            dateline.date = dateline.date_text.as_deref().and_then(|d| {
                let reference = published_date.or_else(|| parse::dates::document_date(text));
                parse::dates::resolve_dateline_date(d, reference)
            });
            if let (Some(date), Some(published)) = (dateline.date, published_date) {
                article.warnings.extend(parse::dates::check_dateline_date(date, published, dateline.span));
            }
            article.dateline = Some(dateline);
        }
        keep_unclaimed_lines(text, &front_matter, &mut article);
        let story_date = article.dateline.as_ref().and_then(|d| d.date).or(published_date);
        article.dates = parse::dates::relative_dates(text, &article.paragraphs, story_date);

        (article.speakers, article.organizations, article.sources) =
            parse::speakers::extract(text, &article.paragraphs, article.headline.as_ref(), registry);
        (article.topics, article.keyphrases) =
            parse::topics::classify(text, article.headline.as_ref(), &article.paragraphs, registry);
        article.about = parse::about::rank(
            text,
            &parse::topics::regions(article.headline.as_ref(), &article.paragraphs),
            article.dateline.as_ref(),
            &article.organizations,
        );

        if article.headline.is_none() && article.dateline.is_none() && article.published.is_none() {
            article.warnings.push(Warning::new(
                "no_structure",
                "no headline, dateline or timestamp found: returning paragraphs only",
                None,
            ));
        }
        Ok(article)
    }
}

/// Front-matter lines that no field kept (a byline naming nobody, timestamps between the first
/// and the last) go to `header`, so no line of the input is dropped.
fn keep_unclaimed_lines(text: &str, front_matter: &[Span], article: &mut Article) {
    let mut claimed: Vec<Span> = article.header.iter().chain(&article.headline).map(|t| t.span).collect();
    claimed.extend(article.published.iter().chain(&article.updated).map(|t| t.span));
    claimed.extend(article.authors.iter().map(|a| a.span));
    claimed.extend(article.dateline.iter().map(|d| d.span));
    claimed.sort_unstable();
    let before = article.header.len();
    for line in front_matter {
        let i = claimed.partition_point(|c| c.start < line.start);
        let overlaps = |c: &Span| c.start < line.end && line.start < c.end;
        // Claimed spans lie inside one line each, so a hit starts in the line or just before it.
        if !(claimed.get(i).is_some_and(overlaps) || i.checked_sub(1).is_some_and(|j| overlaps(&claimed[j])))
        {
            let collapsed = parse::layout::collapse_whitespace(line.slice(text));
            article.header.push(Text { text: collapsed, span: *line });
        }
    }
    if article.header.len() > before {
        article.header.sort_by_key(|t| t.span);
    }
}

/// The earliest timestamp is the publication, the latest the update.
fn published_and_updated(mut timestamps: Vec<Timestamp>) -> (Option<Timestamp>, Option<Timestamp>) {
    timestamps.sort_by_key(|t| t.instant().map_or(t.local, |i| i.naive_utc()));
    let mut iter = timestamps.into_iter();
    let published = iter.next();
    let updated = iter.next_back();
    (published, updated)
}

/// Rejects input that cannot be an article: empty, over the limit, or mostly binary.
fn check_input(text: &str, limit: usize) -> Result<(), Error> {
    if text.len() > limit {
        return Err(Error::new(ErrorKind::TooLarge { size: text.len(), limit }));
    }
    if text.chars().all(crate::parse::layout::is_blank) {
        return Err(Error::new(ErrorKind::Empty));
    }
    // Counted over bytes, which vectorises: characters by their first bytes; control characters
    // are the ASCII ones but blanks, the C1 ones but NEL (U+0085), and U+FFFD.
    let bytes = text.as_bytes();
    let chars = count_bytes(bytes, |b| !(0x80..=0xBF).contains(&b));
    let ascii_controls = count_bytes(bytes, |b| (b < 0x20) & !(b'\t'..=b'\r').contains(&b) | (b == 0x7F));
    let other_controls = memchr::memchr2_iter(0xC2, 0xEF, bytes)
        .filter(|&i| match bytes[i..] {
            [0xC2, second, ..] => matches!(second, 0x80..=0x9F) && second != 0x85,
            [0xEF, 0xBF, 0xBD, ..] => true,
            _ => false,
        })
        .count();
    let binary = ascii_controls + other_controls;
    // Scraped copy carries stray control bytes; text that is mostly control bytes is not copy.
    if binary * 4 > chars {
        return Err(Error::new(ErrorKind::NotText));
    }
    Ok(())
}

/// How many of `bytes` pass `test`, counted in runs of at most 255 bytes: a byte-wide counter per
/// run lets the loop work on a whole vector register of bytes at once (`test` should avoid
/// branches: `&` and `|`, not `&&` and `||`).
fn count_bytes(bytes: &[u8], test: impl Fn(u8) -> bool) -> usize {
    bytes.chunks(255).map(|run| usize::from(run.iter().fold(0u8, |n, &b| n + u8::from(test(b))))).sum()
}

/// Builds a [`Parser`] with extra agencies or a different input size limit.
#[derive(Clone, Debug)]
pub struct ParserBuilder {
    registry: Registry,
    max_input_bytes: usize,
}

impl ParserBuilder {
    /// Sets the largest input accepted, in bytes.
    pub fn max_input_bytes(mut self, limit: usize) -> Self {
        self.max_input_bytes = limit;
        self
    }

    /// Adds or overrides agencies from TOML text with `[[agency]]` tables (as `data/agencies.toml`).
    pub fn agencies_toml(mut self, toml_text: &str) -> Result<Self, DataError> {
        self.registry.agencies.extend_from_toml(toml_text)?;
        Ok(self)
    }

    /// Adds or overrides one agency.
    pub fn agency(mut self, entry: AgencyEntry) -> Result<Self, DataError> {
        self.registry.agencies.insert(entry)?;
        Ok(self)
    }

    /// Adds topic lexicon terms from TOML text with `[[terms]]` tables (as
    /// `data/topic_lexicon.toml`); the lexicon is compiled anew.
    pub fn topic_lexicon_toml(mut self, toml_text: &str) -> Result<Self, DataError> {
        self.registry.topics = Arc::new(self.registry.topics.with_toml(toml_text)?);
        Ok(self)
    }

    /// Adds topic lexicon terms; the lexicon is compiled anew.
    pub fn topic_terms(mut self, terms: &[LexiconTerm]) -> Result<Self, DataError> {
        self.registry.topics = Arc::new(self.registry.topics.with_terms(terms)?);
        Ok(self)
    }

    /// The parser.
    pub fn build(self) -> Parser {
        Parser { registry: Arc::new(self.registry), max_input_bytes: self.max_input_bytes }
    }
}

#[cfg(test)]
mod tests {
    use super::count_bytes;

    #[test]
    fn count_bytes_counts_across_runs_of_any_length() {
        let bytes: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 256) as u8).collect();
        for len in [0, 1, 254, 255, 256, 511, 1000] {
            let bytes = &bytes[..len];
            let expected = bytes.iter().filter(|&&b| b < 0x20).count();
            assert_eq!(count_bytes(bytes, |b| b < 0x20), expected, "{len} bytes");
        }
        assert_eq!(count_bytes(&[0u8; 600], |b| b == 0), 600);
    }
}
