//! The parsed article and its value types.
//!
//! Every value that was read from the text carries the [`Span`] it came from, as byte offsets into
//! the input string, so callers can highlight, cut or re-check it.

use chrono::{FixedOffset, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the parsed text, always on `char` boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the value.
    pub start: usize,
    /// One past the last byte of the value.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The text this span covers in `source`; empty if the span does not fit `source`.
    pub fn slice<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies inside this span.
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// This span moved right by `offset` bytes (for values found inside a sub-slice).
    pub const fn shifted(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

/// A piece of text as the article wrote it, with where it was.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// The value, with hard line wraps joined and surrounding blanks trimmed.
    pub text: String,
    /// Where it was in the input.
    pub span: Span,
}

/// The news agency credited for the copy, or one cited by it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    /// Canonical upper-case code, e.g. `AP`, `REUTERS`, `XINHUA`, `FNA`.
    pub code: String,
    /// Full name, e.g. `Fars News Agency`.
    pub name: String,
    /// ISO 3166-1 alpha-2 code of the agency's home country (`None` for international bodies).
    pub country: Option<String>,
    /// The marker as written (`(FNA)`, `Reuter`, `/TASS/`).
    pub marker: String,
    /// Where the marker was found.
    pub span: Span,
    /// How the credit was found.
    pub evidence: AgencyEvidence,
}

/// Where in the copy an agency credit was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AgencyEvidence {
    /// In the dateline lead: `TEHRAN (FNA)-`.
    Dateline,
    /// A sign-off at the end: `Reuter`, `-- Sapa-AFP`.
    SignOff,
    /// A credit or copyright line: `Copyright ... The Associated Press`, `(Reporting by ...)`.
    Credit,
    /// A header line before the headline.
    Header,
    /// Named in the body as a source (`the Interfax agency reported`); never the producing agency.
    Cited,
}

/// The dateline lead: where (and sometimes when) the story was filed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The lead exactly as written, including the agency marker and the dash (`TEHRAN (FNA)-`).
    pub text: String,
    /// Where the lead is.
    pub span: Span,
    /// The place as written (`TEHRAN`, `AKRON`).
    pub place: String,
    /// Canonical English city name (`Tehran`); the written form, title-cased, when unknown.
    pub city: String,
    /// Every city named when the lead has several (`SAN FRANCISCO/NEW YORK`), canonical, in order.
    pub cities: Vec<String>,
    /// State, province or region when written (`Ohio`, `New York` for `N.Y.`).
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 country code, when written or known from the place.
    pub country: Option<String>,
    /// The dateline's date, resolved to a full date when a year is known.
    pub date: Option<NaiveDate>,
    /// The date as written (`Jan. 26`, `1996-08-22`).
    pub date_text: Option<String>,
}

/// A timestamp from the header, as the text wrote it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timestamp {
    /// The timestamp as written.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// Local wall-clock time as written.
    pub local: NaiveDateTime,
    /// The UTC offset: written in the text, or inferred from the agency's home zone
    /// (serialised as seconds east of UTC).
    #[serde(with = "offset_seconds")]
    pub offset: Option<FixedOffset>,
    /// The zone name: as written (`EDT`, `GMT`) or the IANA name inferred (`Asia/Tehran`).
    pub zone: Option<String>,
    /// True when the zone was not written but inferred from the agency's home zone.
    pub zone_inferred: bool,
    /// True when the text gave seconds.
    pub has_seconds: bool,
}

impl Timestamp {
    /// The time as an instant, when the offset is known (written or inferred).
    pub fn instant(&self) -> Option<chrono::DateTime<FixedOffset>> {
        let offset = self.offset?;
        self.local.and_local_timezone(offset).single()
    }
}

/// Serde for `Option<FixedOffset>` as seconds east of UTC, since chrono has no serde for offsets.
mod offset_seconds {
    use chrono::FixedOffset;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(offset: &Option<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
        offset.map(|o| o.local_minus_utc()).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<FixedOffset>, D::Error> {
        match Option::<i32>::deserialize(d)? {
            None => Ok(None),
            Some(secs) => FixedOffset::east_opt(secs)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("utc offset out of range: {secs}"))),
        }
    }
}

/// The role of a name credited in the byline or credit lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AuthorRole {
    /// Wrote the story (`By ...`).
    Writer,
    /// Reported for it (`Reporting by ...`, `Additional reporting by ...`).
    Reporter,
    /// Edited it (`Editing by ...`).
    Editor,
}

/// A person credited for the copy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// The name, with titles (`Associated Press Writer`) stripped.
    pub name: String,
    /// What they did.
    pub role: AuthorRole,
    /// Where the name is.
    pub span: Span,
}

/// Whether a quote is the speaker's own words or a paraphrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteKind {
    /// Inside quotation marks.
    Direct,
    /// Reported speech: `X said (that) ...`, `according to X, ...`.
    Indirect,
}

/// Something a speaker said.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The words (without surrounding quotation marks for direct quotes).
    pub text: String,
    /// Where they are.
    pub span: Span,
    /// The reporting verb or phrase (`said`, `told`, `according to`), when there is one.
    pub cue: Option<String>,
    /// Direct or indirect speech.
    pub kind: QuoteKind,
}

/// A person named in the article, with the capacity they appear in and what they said.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The fullest form of the name the text uses, honorifics removed.
    pub name: String,
    /// Honorifics written before the name (`Seyed`, `Dr.`), in order.
    pub honorifics: Vec<String>,
    /// The title or role (`Chairman`, `first deputy minister of healthcare`).
    pub title: Option<String>,
    /// The organisation the title belongs to.
    pub organization: Option<String>,
    /// ISO 3166-1 alpha-2 country the person represents, when the text states it.
    pub country: Option<String>,
    /// Every place the person is mentioned (full name, surname, role noun referring back).
    pub mentions: Vec<Span>,
    /// What the person said, in text order.
    pub quotes: Vec<Quote>,
}

/// What kind of non-person source reported speech is attributed to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SourceKind {
    /// A named institution or body: `the State Department`, `the White House`, `the Clinton campaign`.
    Organization,
    /// A group of unnamed people: `Republicans`, `Senate Democrats`, `police`, `officials`.
    Group,
    /// A person, group or document the copy describes without naming: `a senior administration
    /// official`, `people familiar with the matter`, `a spokeswoman for YouTube`.
    Unnamed,
}

/// An organisation, group or unnamed source that the article reports as saying something.
/// People's quotes stay under [`Speaker::quotes`]; a quote is attributed to a source only when
/// no person is named as its speaker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The source as written, without a leading article or quantifier (`State Department`,
    /// `Republicans`, `police`).
    pub name: String,
    /// Organisation, group or unnamed source.
    pub kind: SourceKind,
    /// Every place the source is named as the subject of a report, in text order.
    pub mentions: Vec<Span>,
    /// What it said, in text order.
    pub quotes: Vec<Quote>,
}

/// An organisation named in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    /// The name as written in its fullest form.
    pub name: String,
    /// The acronym linked to it (`IPIS`), when the text gives one.
    pub acronym: Option<String>,
    /// Every mention (full form or acronym).
    pub mentions: Vec<Span>,
}

/// Why a topic was assigned: a lexicon term and where it matched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The lexicon term that matched.
    pub term: String,
    /// Where it matched.
    pub span: Span,
}

/// An IPTC Media Topic assigned to the article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    /// The Media Topic code, `medtop:11000000`.
    pub code: String,
    /// Its English label, `politics`.
    pub label: String,
    /// Confidence in `[0, 1]`.
    pub score: f64,
    /// The top-level code this topic sits under (itself for a top-level topic).
    pub top_level: String,
    /// The matches that produced the score, strongest first.
    pub evidence: Vec<Evidence>,
}

/// A phrase that characterises the story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Keyphrase {
    /// The phrase in its most frequent written form.
    pub text: String,
    /// Relevance; higher is more characteristic.
    pub score: f64,
    /// Every occurrence.
    pub spans: Vec<Span>,
}

/// What kind of thing a story is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SubjectKind {
    /// A country (by name, adjective or people: `Iran`, `Iranian`, `Iranians`).
    Country,
    /// An organisation named in the story.
    Organization,
}

/// A country or organisation the story is about, ranked by how prominently it is named.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Subject {
    /// Country or organisation.
    pub kind: SubjectKind,
    /// The country's English name, or the organisation's name as written in its fullest form.
    pub name: String,
    /// ISO 3166-1 alpha-2 code, for a country.
    pub code: Option<String>,
    /// Prominence in `(0, 1]`: 1 for the most prominent subject.
    pub score: f64,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

/// A date expression in the body (`on Tuesday`, `yesterday`, `Jan. 26`) resolved where safe.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// The expression as written.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// The calendar date it refers to, when it can be resolved safely.
    pub date: Option<NaiveDate>,
}

/// A recoverable oddity found while parsing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// A stable machine-readable kind, e.g. `dateline_date_mismatch`.
    pub kind: String,
    /// A lower-case human-readable message.
    pub message: String,
    /// The text it concerns, when there is one.
    pub span: Option<Span>,
}

impl Warning {
    pub(crate) fn new(kind: &str, message: impl Into<String>, span: Option<Span>) -> Self {
        Warning { kind: kind.to_string(), message: message.into(), span }
    }
}

/// A wire article, parsed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The headline.
    pub headline: Option<Text>,
    /// The agency that produced the copy.
    pub agency: Option<Agency>,
    /// Other agencies the copy names as sources.
    pub cited_agencies: Vec<Agency>,
    /// The dateline lead.
    pub dateline: Option<Dateline>,
    /// First publication: the earliest header timestamp.
    pub published: Option<Timestamp>,
    /// Last update: the latest header timestamp, when there are two or more.
    pub updated: Option<Timestamp>,
    /// Writers, reporters and editors credited.
    pub authors: Vec<Author>,
    /// Header lines that are neither headline nor timestamp (slugs, URLs, keywords).
    pub header: Vec<Text>,
    /// The body, one entry per paragraph of the input, in order.
    pub paragraphs: Vec<Text>,
    /// Closing lines that are credits rather than story (`Reuter`, `-- Sapa-AFP`).
    pub sign_off: Vec<Text>,
    /// People named in the story.
    pub speakers: Vec<Speaker>,
    /// Organisations named in the story.
    pub organizations: Vec<Organization>,
    /// Organisations, groups and unnamed sources reported as saying something (`the State
    /// Department said`, `a senior official said`).
    pub sources: Vec<Source>,
    /// IPTC Media Topics, highest score first.
    pub topics: Vec<Topic>,
    /// Characteristic phrases, highest score first.
    pub keyphrases: Vec<Keyphrase>,
    /// Countries and organisations the story is about, most prominent first.
    pub about: Vec<Subject>,
    /// Date expressions in the body, resolved against the publication date where safe.
    pub dates: Vec<DateMention>,
    /// Recoverable oddities.
    pub warnings: Vec<Warning>,
}

impl Article {
    /// All quotes of people with their speaker, in text order. Quotes of organisations and
    /// groups are under [`Article::sources`].
    pub fn quotes(&self) -> Vec<(&Speaker, &Quote)> {
        let mut all: Vec<(&Speaker, &Quote)> =
            self.speakers.iter().flat_map(|s| s.quotes.iter().map(move |q| (s, q))).collect();
        all.sort_by_key(|(_, q)| q.span);
        all
    }

    /// The body text: paragraphs joined by blank lines.
    pub fn body(&self) -> String {
        let parts: Vec<&str> = self.paragraphs.iter().map(|p| p.text.as_str()).collect();
        parts.join("\n\n")
    }
}
