//! Speakers: the people named in the story, in what capacity, and what they said.
//!
//! The paragraphs are cut into word tokens once. Capitalised runs of words become name
//! candidates after honorifics, title words, countries and organisation names are peeled off
//! their left edge; a candidate is a person when a given name, a surname, an honorific, a title
//! or a reporting verb vouches for it. Mentions are merged (`Sajjadpour` → `Mohammad Kazzem
//! Sajjadpour`, `Majid Saber` → `Majid Samadzadeh Saber`), titles and organisations are read from
//! the phrase before the name (`Chairman of Iran's Institute ... (IPIS) Seyed X`) or the
//! appositive after it (`X, first deputy minister of healthcare,`), and [`super::quotes`] attaches
//! direct and indirect speech. The headline is never scanned: its title-case words are not names.

use super::layout::{self, char_at};
use super::organizations;
use super::quotes;
use super::timestamp::{MONTHS, is_weekday};
use crate::article::{Organization, Quote, Source, Span, Speaker, Text};
use std::cell::Cell;

use crate::registry::names::{Gender, Names, Part, Phrases, WordClass};
use crate::registry::{FastMap, FastSet, Registry};

/// People, organisations, and the organisations and groups reported as speaking.
pub fn extract(
    text: &str,
    paragraphs: &[Text],
    headline: Option<&Text>,
    registry: &Registry,
) -> (Vec<Speaker>, Vec<Organization>, Vec<Source>) {
    let names = Names::embedded();
    let doc = Doc::new(text, paragraphs, headline);
    let mentions = find_mentions(&doc, names, registry);
    let mut person = vec![false; doc.toks.len()];
    for m in &mentions {
        for flag in person.iter_mut().take(m.end).skip(m.start) {
            *flag = true;
        }
    }
    let mut organizations = organizations::find(&doc, &person);
    let mut people = merge(&doc, mentions);
    drop_organisation_names(&doc, &mut people, &mut organizations, names);
    let mut said: Vec<Vec<Quote>> = vec![Vec::new(); people.len()];
    let (quotes, sources) = quotes::find(&doc, names, &mut people, &organizations);
    for (person, quote) in quotes {
        if let Some(list) = said.get_mut(person) {
            list.push(quote);
        }
    }
    let speakers = people
        .into_iter()
        .zip(said)
        .filter(|(p, _)| p.confirmed)
        .map(|(p, mut quotes)| {
            let mut speaker = p.into_speaker(&doc);
            quotes.sort_by_key(|q| q.span);
            speaker.quotes = quotes;
            speaker
        })
        .collect();
    (speakers, organizations, sources)
}

// ---------------------------------------------------------------------------------------------
// Tokens

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits, with inner hyphens, apostrophes and initialism dots.
    Word,
    /// A possessive `'s` / `’s` glued to the word before.
    Poss,
    /// An opening quotation mark.
    Open,
    /// A closing quotation mark.
    Close,
    /// Any other character.
    Punct(char),
}

/// One token with its byte span in the input.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// First character is upper case.
    pub cap: bool,
    /// Two or more letters, all upper case (an acronym or shouted text).
    pub upper: bool,
    /// Paragraph number.
    pub para: u32,
    /// Sentence number, across the whole document.
    pub sent: u32,
    /// The paragraph is mostly upper case, so capitals say nothing.
    pub shouted: bool,
}

/// The paragraphs as tokens, with an ASCII-lower-cased copy of the text for lookups.
pub(crate) struct Doc<'t> {
    pub text: &'t str,
    lower: String,
    pub toks: Vec<Tok>,
    names: &'static Names,
    /// Each token's lexicon class, each part looked up on first use: a word is asked about many
    /// times. Whether the token alone names a place, once asked (see `is_place`), rides along.
    classes: Vec<(Cell<WordClass>, Cell<Option<bool>>)>,
    /// The class of the empty word, which `lw` gives past the last token.
    no_word: WordClass,
}

impl<'t> Doc<'t> {
    fn new(text: &'t str, paragraphs: &[Text], headline: Option<&Text>) -> Doc<'t> {
        // About one token per five bytes of prose, often more: reserving a token per four bytes
        // once spares the regrowth copies.
        let prose: usize = paragraphs.iter().map(|p| p.span.end.saturating_sub(p.span.start)).sum();
        let prose = prose.min(text.len());
        let toks = Vec::with_capacity(prose / 4);
        let names = Names::embedded();
        let mut doc = Doc {
            text,
            lower: text.to_ascii_lowercase(),
            toks,
            names,
            classes: Vec::new(),
            no_word: [Part::Roles, Part::Given, Part::Vocabulary]
                .into_iter()
                .fold(WordClass::default(), |c, part| c.with(names.class("", part))),
        };
        for (p, para) in paragraphs.iter().enumerate() {
            if headline.is_some_and(|h| h.span.start < para.span.end && para.span.start < h.span.end) {
                continue;
            }
            let Some(slice) = text.get(para.span.start..para.span.end) else { continue };
            let first = doc.toks.len();
            tokenize(slice, para.span.start, p as u32, &mut doc.toks);
            let words = doc.toks[first..].iter().filter(|t| matches!(t.kind, Kind::Word) && t.cap);
            let (mut capital, mut shouted) = (0usize, 0usize);
            for t in words {
                capital += 1;
                if t.upper {
                    shouted += 1;
                }
            }
            let is_shouted = capital >= 3 && shouted * 3 >= capital * 2;
            for t in &mut doc.toks[first..] {
                t.shouted = is_shouted;
            }
        }
        doc.classes = vec![(Cell::new(WordClass::default()), Cell::new(None)); doc.toks.len()];
        doc.split_sentences();
        doc
    }

    /// What the tables of `part` say about token `i` (lower-cased), looked up once per token.
    pub fn class(&self, i: usize, part: Part) -> WordClass {
        let Some((cell, _)) = self.classes.get(i) else { return self.no_word };
        let class = cell.get();
        if class.knows(part) {
            return class;
        }
        let class = class.with(self.names.class(self.lw(i), part));
        cell.set(class);
        class
    }

    /// The gender a given name suggests, when token `i` is one ([`Names::given`]).
    pub fn given(&self, i: usize) -> Option<Gender> {
        self.class(i, Part::Given).given()
    }

    /// True when token `i` is a known surname.
    pub fn is_surname(&self, i: usize) -> bool {
        self.class(i, Part::Vocabulary).is_surname()
    }

    /// True when token `i` is a common English word.
    pub fn is_common_word(&self, i: usize) -> bool {
        self.class(i, Part::Vocabulary).is_common_word()
    }

    /// The gender an honorific implies, when token `i` is one.
    pub fn honorific(&self, i: usize) -> Option<Gender> {
        self.class(i, Part::Roles).honorific()
    }

    /// True when token `i` is an abbreviated rank or office (`gen`, `gov`).
    pub fn is_rank_abbreviation(&self, i: usize) -> bool {
        self.class(i, Part::Roles).is_rank_abbreviation()
    }

    /// True when token `i` alone is the head of a title (`minister`).
    pub fn is_title_head(&self, i: usize) -> bool {
        self.class(i, Part::Roles).is_title_head()
    }

    /// True when token `i` may stand before a title head (`deputy`).
    pub fn is_title_modifier(&self, i: usize) -> bool {
        self.class(i, Part::Roles).is_title_modifier()
    }

    /// True when token `i` is a form of a reporting verb.
    pub fn is_say_verb(&self, i: usize) -> bool {
        self.class(i, Part::Roles).is_say_verb()
    }

    /// True when token `i` marks an organisation name.
    pub fn is_org_cue(&self, i: usize) -> bool {
        self.class(i, Part::Roles).is_org_cue()
    }

    /// True when token `i` is a company's legal form (`Corp`, `Ltd`, `AG`).
    pub fn is_legal_form(&self, i: usize) -> bool {
        self.names.is_legal_form(self.lw(i))
    }

    /// True when token `i` is a capitalised word that is never part of a name.
    pub fn is_stopword(&self, i: usize) -> bool {
        self.class(i, Part::Roles).is_stopword()
    }

    /// True when token `i` alone is a country name or nationality adjective.
    pub fn is_country(&self, i: usize) -> bool {
        self.class(i, Part::Roles).is_country()
    }

    /// The token as written.
    pub fn w(&self, i: usize) -> &str {
        self.toks.get(i).and_then(|t| self.text.get(t.start..t.end)).unwrap_or("")
    }

    /// The token in ASCII lower case.
    pub fn lw(&self, i: usize) -> &str {
        self.toks.get(i).and_then(|t| self.lower.get(t.start..t.end)).unwrap_or("")
    }

    /// The lower-cased text of tokens `a..b` when they are adjacent words separated by single
    /// spaces in the source, for multi-word lexicon look-ups.
    pub fn phrase(&self, a: usize, b: usize) -> Option<&str> {
        if a >= b || b > self.toks.len() {
            return None;
        }
        for i in a + 1..b {
            let gap = self.toks[i].start.checked_sub(self.toks[i - 1].end)?;
            if gap != 1 || self.text.as_bytes().get(self.toks[i - 1].end) != Some(&b' ') {
                return None;
            }
        }
        self.lower.get(self.toks[a].start..self.toks[b - 1].end)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| matches!(t.kind, Kind::Word))
    }

    pub fn is_cap_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| matches!(t.kind, Kind::Word) && t.cap && !t.shouted)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| matches!(t.kind, Kind::Punct(p) if p == c))
    }

    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => x.sent == y.sent,
            _ => false,
        }
    }

    /// Source text from the start of token `a` to the end of token `b - 1`, whitespace collapsed.
    pub fn span_text(&self, a: usize, b: usize) -> String {
        if a >= b || b > self.toks.len() {
            return String::new();
        }
        let raw = self.text.get(self.toks[a].start..self.toks[b - 1].end).unwrap_or("");
        layout::join_words(raw).into_owned()
    }

    pub fn span(&self, a: usize, b: usize) -> Span {
        match (self.toks.get(a), b.checked_sub(1).and_then(|e| self.toks.get(e))) {
            (Some(x), Some(y)) if a < b => Span::new(x.start, y.end),
            _ => Span::default(),
        }
    }

    fn split_sentences(&mut self) {
        let mut sent = 0u32;
        let mut para = u32::MAX;
        let mut break_before = false;
        for i in 0..self.toks.len() {
            if self.toks[i].para != para {
                if para != u32::MAX {
                    sent += 1;
                }
                para = self.toks[i].para;
            } else if break_before {
                sent += 1;
            }
            break_before = false;
            self.toks[i].sent = sent;
            let end_mark = matches!(self.toks[i].kind, Kind::Punct('.' | '!' | '?'));
            if !end_mark {
                // A closing quote right after the end mark belongs to the sentence it closes.
                if matches!(self.toks[i].kind, Kind::Close)
                    && i > 0
                    && matches!(self.toks[i - 1].kind, Kind::Punct('.' | '!' | '?'))
                    && self.next_starts_sentence(i + 1)
                {
                    break_before = true;
                }
                continue;
            }
            if matches!(self.toks[i].kind, Kind::Punct('.'))
                && i > 0
                && (self.is_abbreviation(i - 1) || self.inside_number(i) || self.glued_hyphen_word(i))
            {
                continue;
            }
            if self.toks.get(i + 1).is_some_and(|t| matches!(t.kind, Kind::Close)) {
                continue;
            }
            if self.next_starts_sentence(i + 1) {
                break_before = true;
            }
        }
    }

    fn next_starts_sentence(&self, i: usize) -> bool {
        match self.toks.get(i) {
            None => true,
            Some(t) if t.para != self.toks[i - 1].para => true,
            Some(t) => match t.kind {
                Kind::Word => t.cap || self.w(i).starts_with(|c: char| c.is_ascii_digit()),
                Kind::Open | Kind::Punct('(' | '[' | '-' | '—' | '–' | '_') => true,
                _ => false,
            },
        }
    }

    /// `$7.25`, `3.5 percent`, `1,100`: a mark between digits, with no space on either side, is
    /// part of a number (not the end of a sentence, nor a clause's comma).
    pub fn inside_number(&self, i: usize) -> bool {
        let digits = |k: usize| {
            matches!(self.toks[k].kind, Kind::Word) && self.w(k).starts_with(|c: char| c.is_ascii_digit())
        };
        i > 0
            && i + 1 < self.toks.len()
            && digits(i - 1)
            && digits(i + 1)
            && self.toks[i - 1].end == self.toks[i].start
            && self.toks[i].end == self.toks[i + 1].start
    }

    /// `D.C.-based`: a point with a hyphen and a word glued on after it is inside a compound,
    /// not the end of a sentence.
    fn glued_hyphen_word(&self, i: usize) -> bool {
        matches!(self.toks.get(i + 1).map(|t| t.kind), Some(Kind::Punct('-')))
            && self.toks[i].end == self.toks[i + 1].start
            && self
                .toks
                .get(i + 2)
                .is_some_and(|t| matches!(t.kind, Kind::Word) && t.start == self.toks[i + 1].end)
    }

    fn is_abbreviation(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if !matches!(t.kind, Kind::Word) || t.end != self.toks[i + 1].start {
            return false;
        }
        let w = self.w(i);
        let lw = self.lw(i);
        (w.chars().count() == 1 && t.cap)
            || (t.upper && is_initials(w))
            || self.honorific(i).is_some()
            || self.is_rank_abbreviation(i)
            || matches!(
                lw,
                "jan"
                    | "feb"
                    | "mar"
                    | "apr"
                    | "jun"
                    | "jul"
                    | "aug"
                    | "sep"
                    | "sept"
                    | "oct"
                    | "nov"
                    | "dec"
                    | "no"
                    | "st"
                    | "mt"
                    | "vs"
                    | "inc"
                    | "corp"
                    | "co"
                    | "ltd"
                    | "jr"
                    | "sr"
                    | "u.s"
                    | "u.n"
                    | "u.k"
                    | "e.g"
                    | "i.e"
                    | "messrs"
                    | "ft"
                    | "approx"
                    | "est"
            )
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '&')
}

/// Whether `c` after `prev` is the second half of a UTF-8 letter that was decoded as Latin-1
/// (`FranÃ§ois` for `François`, `PeÃ±a`, `SarukhÃ\u{83}Â¡n`): scraped copy often carries such
/// mojibake, and a name cut at its `§` or `±` would be lost. A lead byte (U+00C2..U+00DF) read
/// as a letter, then a continuation byte (U+0080..U+00BF): legitimate text puts no sign or C1
/// control right after such a letter.
fn is_mojibake_continuation(prev: Option<char>, c: char) -> bool {
    matches!(c, '\u{80}'..='\u{BF}') && prev.is_some_and(|p| matches!(p, '\u{C2}'..='\u{DF}'))
}

/// [`ASCII_CLASS`] bits: a letter or digit, a letter, a lower-case letter.
const ASCII_ALNUM: u8 = 1;
const ASCII_LETTER: u8 = 2;
const ASCII_LOWER: u8 = 4;

/// The class of each byte that is an ASCII letter or digit, 0 for every other byte: one load
/// per byte in the tokenizer's inner loop.
const ASCII_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_digit() {
            table[b] = ASCII_ALNUM;
        } else if c.is_ascii_uppercase() {
            table[b] = ASCII_ALNUM | ASCII_LETTER;
        } else if c.is_ascii_lowercase() {
            table[b] = ASCII_ALNUM | ASCII_LETTER | ASCII_LOWER;
        }
        b += 1;
    }
    table
};

/// Cuts `slice` (which starts at byte `base` of the input) into tokens.
///
/// Walks byte positions and decodes characters where it stands, so a paragraph costs no copy.
fn tokenize(slice: &str, base: usize, para: u32, out: &mut Vec<Tok>) {
    let at = |p: usize| char_at(slice, p);
    let mut inside_plain = false;
    let mut start = 0;
    while let Some(c) = at(start) {
        let next_pos = start + c.len_utf8();
        if c.is_whitespace() {
            start = next_pos;
            continue;
        }
        let mut tok = Tok {
            start: base + start,
            end: 0,
            kind: Kind::Punct(c),
            cap: false,
            upper: false,
            para,
            sent: 0,
            shouted: false,
        };
        if c.is_alphanumeric() {
            let mut j = next_pos;
            let mut segment_len = 1; // letters since the last inner dot
            // Lower-case letters and hyphens, gathered on the way for the flags below.
            let mut lower = c.is_lowercase();
            let mut hyphen = false;
            let bytes = slice.as_bytes();
            loop {
                // ASCII letters and digits, most of any word, read as bytes without decoding; only
                // their classes are gathered here (the letter count is taken from the word later).
                let ascii_start = j;
                let mut classes = 0u8;
                while let Some(&b) = bytes.get(j) {
                    let class = ASCII_CLASS[usize::from(b)];
                    if class == 0 {
                        break;
                    }
                    classes |= class;
                    j += 1;
                }
                segment_len += j - ascii_start;
                lower |= classes & ASCII_LOWER != 0;
                // Any other ASCII byte but a joiner or a dot ends the word: nothing to decode.
                if bytes.get(j).is_some_and(|&b| b.is_ascii() && !matches!(b, b'\'' | b'-' | b'&' | b'.')) {
                    break;
                }
                let Some(d) = at(j) else { break };
                let j1 = j + d.len_utf8();
                if d.is_alphanumeric() || is_mojibake_continuation(slice[..j].chars().next_back(), d) {
                    segment_len += 1;
                    lower |= d.is_lowercase();
                    j = j1;
                } else if is_apostrophe(d)
                    && matches!(at(j1), Some('s' | 'S'))
                    && !at(j1 + 1).is_some_and(char::is_alphanumeric)
                {
                    break; // possessive
                } else if is_joiner(d) && at(j1).is_some_and(char::is_alphanumeric) {
                    segment_len = 0;
                    hyphen |= d == '-';
                    j = j1;
                } else if d == '.' && segment_len == 1 && at(j1).is_some_and(char::is_alphabetic) {
                    // U.S, U.N, e.g
                    segment_len = 0;
                    j = j1;
                } else {
                    break;
                }
            }
            let word = &slice[start..j];
            tok.kind = Kind::Word;
            // `al-Qidra`, `el-Sayed`: an Arabic article before a capitalised name.
            let article_prefix = hyphen
                && word.split_once('-').is_some_and(|(head, rest)| {
                    matches!(
                        head,
                        "al" | "el" | "ad" | "as" | "ash" | "at" | "az" | "ul" | "ud" | "bin" | "ibn" | "abu"
                    ) && rest.starts_with(char::is_uppercase)
                });
            tok.cap = c.is_uppercase() || article_prefix;
            // Two or more letters: counted only for a word without a lower-case one (every
            // character of the word but its joiners and dots is a letter or digit).
            tok.upper = !lower && word.chars().filter(|ch| ch.is_alphabetic()).nth(1).is_some();
            tok.end = base + j;
            out.push(tok);
            start = j;
            continue;
        }
        let next = at(next_pos);
        let prev_is_word = out.last().is_some_and(|t| matches!(t.kind, Kind::Word) && t.end == base + start);
        // Bytes of the token: `c` and, for two-character tokens, the ASCII character after it.
        let mut len = c.len_utf8();
        tok.kind = match c {
            '\'' | '’'
                if prev_is_word
                    && matches!(next, Some('s' | 'S'))
                    && !at(next_pos + 1).is_some_and(char::is_alphanumeric) =>
            {
                len += 1;
                Kind::Poss
            }
            '“' | '«' | '„' => Kind::Open,
            '”' | '»' => Kind::Close,
            '`' if next == Some('`') => {
                len = 2;
                Kind::Open
            }
            // `"` and the typewriter `''` (some copy opens quotes with it too) open or close by
            // the spacing around them.
            '"' | '\'' if c == '"' || next == Some('\'') => {
                if c == '\'' {
                    len = 2;
                }
                let prev_space = start == 0
                    || slice[..start]
                        .chars()
                        .next_back()
                        .is_some_and(|p| p.is_whitespace() || "([{—–-".contains(p));
                let next_space = at(start + len).is_none_or(|n| n.is_whitespace() || ",.;:!?)".contains(n));
                let open = if prev_space && !next_space {
                    true
                } else if next_space && !prev_space {
                    false
                } else {
                    !inside_plain
                };
                inside_plain = open;
                if open { Kind::Open } else { Kind::Close }
            }
            _ => Kind::Punct(c),
        };
        tok.end = base + start + len;
        out.push(tok);
        start += len;
    }
}

// ---------------------------------------------------------------------------------------------
// Mentions

/// What a title phrase said about a person.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Role {
    pub title: Option<String>,
    pub organization: Option<String>,
    pub country: Option<String>,
}

/// One place a name is written.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    /// Tokens of the name, `start..end`.
    pub start: usize,
    pub end: usize,
    /// Tokens of the name words without particles and initials (at most [`MAX_NAME_WORDS`]),
    /// matched by their lower-case text: no copy of a word is made per mention.
    word_toks: [u32; MAX_NAME_WORDS],
    word_count: u8,
    pub honorifics: Vec<String>,
    pub gender: Gender,
    pub role: Role,
    /// A given name, honorific, title or context vouches for this being a person.
    pub strong: bool,
}

/// The most name words a mention has; a longer run is no name.
const MAX_NAME_WORDS: usize = 5;

impl Mention {
    /// A person named by the words `start..end` alone, vouched for by where they stand (a
    /// transcript's label, a surname named in full before), with no honorific or role.
    fn plain(start: usize, end: usize) -> Mention {
        let mut word_toks = [0u32; MAX_NAME_WORDS];
        for (slot, t) in word_toks.iter_mut().zip(start..end) {
            *slot = u32::try_from(t).unwrap_or(u32::MAX);
        }
        Mention {
            start,
            end,
            word_toks,
            word_count: u8::try_from((end - start).min(MAX_NAME_WORDS)).unwrap_or(0),
            honorifics: Vec::new(),
            gender: Gender::Unknown,
            role: Role::default(),
            strong: true,
        }
    }

    /// The tokens of the name words.
    fn word_tokens(&self) -> &[u32] {
        self.word_toks.get(..usize::from(self.word_count)).unwrap_or(&[])
    }

    /// How many name words the mention has.
    fn word_len(&self) -> usize {
        usize::from(self.word_count)
    }
}

fn find_mentions(doc: &Doc<'_>, names: &Names, registry: &Registry) -> Vec<Mention> {
    // A name every fifty tokens or so; a run of names grows it once or twice.
    let mut mentions = Vec::with_capacity(doc.toks.len() / 32 + 4);
    let mut i = 0;
    let mut prev_end = 0usize;
    // The end of the last mention that a given name, title or context vouched for.
    let mut prev_strong_end = 0usize;
    // The last words of the full names vouched for so far.
    let mut surnames: FastSet<&str> = FastSet::default();
    let labels = transcript_labels(doc, names, registry);
    let mut next_label = labels.iter().peekable();
    while i < doc.toks.len() {
        if !labels.is_empty()
            && let Some(&&(start, end)) = next_label.peek()
            && start <= i
        {
            next_label.next();
            if start == i {
                if end - start > 1 {
                    surnames.insert(doc.lw(end - 1));
                }
                mentions.push(Mention::plain(start, end));
                prev_end = end;
                prev_strong_end = end;
                i = end;
                continue;
            }
        }
        if !doc.is_cap_word(i) || (doc.toks[i].upper && !initials_before_name(doc, names, i)) {
            i += 1;
            continue;
        }
        let end = run_end(doc, i);
        if let Some(m) = analyse_run(doc, names, registry, i, end, prev_end, prev_strong_end) {
            prev_end = m.end;
            if m.strong {
                prev_strong_end = m.end;
                if m.word_len() > 1
                    && let Some(&last) = m.word_tokens().last()
                {
                    surnames.insert(doc.lw(last as usize));
                }
            }
            mentions.push(m);
        } else if end == i + 1
            && !surnames.is_empty()
            && surnames.contains(doc.lw(i))
            && (says_after(doc, end) || said_before_name(doc, i, end))
        {
            // `Mark Cuban ... Cuban said`: a lone word that is also a place's or a people's
            // name is the surname of the person named in full before, when it speaks.
            mentions.push(Mention::plain(i, end));
            prev_end = end;
            prev_strong_end = end;
        }
        i = end.max(i + 1);
    }
    list_members(doc, &mut mentions);
    mentions
}

/// The speaker labels of a transcript, as token ranges: a paragraph opening (after a quotation
/// mark, if any) with one to three words in capitals before a colon, each a given name or a
/// surname, none a title (`HOST:`), together no place (`WALLACE: ...`, `"JAKE TAPPER: ...`).
/// Capitals alone are no name, so only a text with two such labels or more is a transcript.
fn transcript_labels(doc: &Doc<'_>, names: &Names, registry: &Registry) -> Vec<(usize, usize)> {
    let mut labels = Vec::new();
    let mut next_para = 0;
    for para in doc.toks.chunk_by(|x, y| x.para == y.para) {
        let i = next_para;
        next_para += para.len();
        let a = if doc.toks[i].kind == Kind::Open { i + 1 } else { i };
        let mut b = a;
        while b < (i + para.len()).min(a + 3) && doc.is_word(b) && doc.toks[b].upper {
            b += 1;
        }
        // `HOST:`, `MODERATOR:` name a role, not a person.
        let named = (a..b).all(|t| (doc.given(t).is_some() || doc.is_surname(t)) && !doc.is_title_head(t));
        if b > a && doc.is_punct(b, ':') && named && !is_place(doc, names, registry, a, b) {
            labels.push((a, b));
        }
    }
    // A label that is also a word (`CALL:`, `DUE:` in a table; `BIRCH:` in a transcript) must
    // come back as a label: a speaker takes several turns.
    let mut turns: FastMap<&str, usize> = FastMap::default();
    for &(a, b) in &labels {
        *turns.entry(doc.phrase(a, b).unwrap_or_default()).or_default() += 1;
    }
    let recurs = |a: usize, b: usize| turns.get(doc.phrase(a, b).unwrap_or_default()).is_some_and(|&n| n > 1);
    let kept: Vec<(usize, usize)> =
        labels.into_iter().filter(|&(a, b)| (a..b).all(|t| !doc.is_common_word(t)) || recurs(a, b)).collect();
    if kept.len() < 2 {
        return Vec::new();
    }
    kept
}

/// `Steve Jones, Phil` / `Mickelson, Greg Norman (Australia)`: an unconfirmed name of one or two
/// words standing as an item of a comma list next to a confirmed person is a person too.
fn list_members(doc: &Doc<'_>, mentions: &mut [Mention]) {
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if m.strong || m.word_len() > 2 {
            continue;
        }
        let (start, end) = (m.start, m.end);
        let left = i > 0 && {
            let p = &mentions[i - 1];
            p.strong
                && start >= 1
                && doc.is_punct(start - 1, ',')
                && past_scores(doc, skip_tag(doc, p.end)) == start - 1
        };
        let right = mentions.get(i + 1).is_some_and(|n| {
            n.strong && doc.is_punct(end, ',') && n.start == end + 1 && {
                let after = skip_tag(doc, n.end);
                doc.is_punct(after, ',')
                    || after >= doc.toks.len()
                    || doc.toks[after].para != doc.toks[n.start].para
            }
        });
        let closes_item = |e: usize| {
            let e = past_scores(doc, skip_tag(doc, e));
            e >= doc.toks.len() || doc.is_punct(e, ',') || doc.toks[e].para != doc.toks[start].para
        };
        if (left && closes_item(end)) || right {
            mentions[i].strong = true;
        }
    }
}

/// Particles written between hyphens inside one name (`Zia-ul-Karim`, `Aziz-ur-Rahman`); the
/// French `le`, `la`, `sur` of `Chester-le-Street` name places.
const HYPHENED_PARTICLES: &[&str] = &["ul", "ur", "ud", "al", "el", "bin", "ibn", "bint"];

/// Abbreviated courtesy titles, written before nothing but a person's name: `Mr. Minor`, `Ms.
/// Long` are people although `minor` and `long` are words (`Miss Universe` is not).
const COURTESY_TITLES: &[&str] = &["mr", "mrs", "ms", "messrs", "mme", "dr"];

fn is_courtesy_title(honorific: &str) -> bool {
    let h = honorific.trim_end_matches('.');
    COURTESY_TITLES.iter().any(|c| h.eq_ignore_ascii_case(c))
}

/// The token after the scores that follow a player in a results list (`72 69 74 68`).
fn past_scores(doc: &Doc<'_>, i: usize) -> usize {
    let mut j = i;
    while j < i + 8 && small_number(doc, j).is_some() && same_line(doc, i, j) {
        j += 1;
    }
    j
}

fn is_particle(doc: &Doc<'_>, i: usize) -> bool {
    // Particles are short: longer words skip the list. The list is lower case, so a word written
    // as listed is already in lower case.
    doc.toks.get(i).is_some_and(|t| !t.cap && t.end - t.start <= 5) && is_particle_word(doc.w(i))
}

/// Whether a lower-case word is a name particle (`bin`, `al`, `van`, `de`, `abu`): one `match`
/// on the word, asked of many tokens.
pub(crate) fn is_particle_word(w: &str) -> bool {
    matches!(
        w,
        "bin"
            | "bint"
            | "ibn"
            | "al"
            | "el"
            | "ul"
            | "ud"
            | "da"
            | "de"
            | "del"
            | "della"
            | "di"
            | "dos"
            | "das"
            | "du"
            | "van"
            | "von"
            | "der"
            | "den"
            | "la"
            | "le"
            | "ter"
            | "ten"
            | "ould"
            | "abu"
            | "y"
            | "zu"
    )
}

/// End (exclusive) of the capitalised run starting at `i`: capitalised words, name particles
/// between them, and the dot after an initial or abbreviated honorific.
fn run_end(doc: &Doc<'_>, i: usize) -> usize {
    let mut j = i + 1;
    while j < doc.toks.len() && doc.same_sentence(i, j) {
        // `George H.W. Bush`: initials inside the name.
        let capital = doc.is_cap_word(j) && (!doc.toks[j].upper || initials_before_name(doc, doc.names, j));
        // `van der Berg`: particles, then a capitalised word.
        let particles_then_name = |j: usize| {
            doc.is_word(j) && is_particle(doc, j) && {
                let mut k = j + 1;
                while k < j + 3 && doc.is_word(k) && is_particle(doc, k) {
                    k += 1;
                }
                doc.is_cap_word(k)
            }
        };
        let particle = particles_then_name(j);
        // `F.W. de Klerk`: initials before a particle of the surname.
        let initial_dot = doc.is_punct(j, '.')
            && doc.toks[j].start == doc.toks[j - 1].end
            && (doc.is_cap_word(j + 1) || (doc.toks[j - 1].upper && particles_then_name(j + 1)))
            && (doc.w(j - 1).chars().count() == 1
                || (doc.w(j - 1).contains('.') && doc.w(j - 1).split('.').all(|p| p.chars().count() == 1))
                || doc.honorific(j - 1).is_some()
                || doc.is_rank_abbreviation(j - 1));
        // `Henry VIII`, `Louis XIV`: a regnal number closing a one-word name is part of it, also
        // after a title (`Emperor Charles VI`); after a longer name (`Joseph Doe III`) stories
        // drop it when they name him again.
        let one_word_name =
            j == i + 1 || (j >= i + 2 && doc.is_title_head(j - 2) && doc.given(j - 1).is_some());
        let regnal = one_word_name && is_regnal(doc, j) && !doc.is_cap_word(j + 1);
        if !(capital || particle || initial_dot || regnal) {
            break;
        }
        j += 1;
    }
    j
}

/// True when token `i` is a regnal number written in capital Roman numerals (`I`, `VIII`).
fn is_regnal(doc: &Doc<'_>, i: usize) -> bool {
    doc.is_word(i)
        && doc.toks[i].upper
        && doc.w(i).len() <= 5
        && doc.w(i).bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// Longest phrase starting at `i` (within `..end`) accepted by `test`, in tokens. `words` is the
/// longest entry of the table `test` reads: a phrase of more words is not looked up.
fn longest(doc: &Doc<'_>, names: &Names, i: usize, end: usize, table: Phrases) -> usize {
    let max = names.max_phrase_words().min(names.max_words().of(table)).min(end.saturating_sub(i));
    if max == 0 || i >= doc.toks.len() {
        return 0;
    }
    let class = doc.class(i, Part::Roles);
    // Phrases of two or more words are looked up only after a word that opens one.
    if max >= 2 && class.opens(table) {
        let found = (2..=max).rev().find(|&n| doc.phrase(i, i + n).is_some_and(|p| names.in_table(table, p)));
        if let Some(n) = found {
            return n;
        }
    }
    usize::from(class.is(table))
}

fn is_place(doc: &Doc<'_>, names: &Names, registry: &Registry, a: usize, b: usize) -> bool {
    // A single word is asked about again and again: its answer is kept on the token.
    let known = doc.classes.get(a).filter(|_| b == a + 1).map(|(_, place)| place);
    if let Some(place) = known.and_then(Cell::get) {
        return place;
    }
    let place = doc.phrase(a, b).is_some_and(|phrase| looks_up_place(names, registry, phrase, b == a + 1));
    if let Some(known) = known {
        known.set(Some(place));
    }
    place
}

/// True when `phrase` (lower case, single spaces; `single` when it is one token) names a place.
fn looks_up_place(names: &Names, registry: &Registry, phrase: &str, single: bool) -> bool {
    if names.country(phrase).is_some() {
        return true;
    }
    // The gazetteer folds the phrase once for its country, region and city.
    let known = registry.places.known(phrase);
    known.country.is_some()
        // Without a hyphen the only part is the phrase itself, already asked about above.
        || (phrase.contains('-') && phrase.split('-').all(|part| names.country(part).is_some()))
        || registry.agencies.lookup(phrase).is_some()
        // `Iowa`, `New South Wales` written out (an abbreviation like `Ind.` or `AL` is too often
        // something else); a lone given name (`Georgia`, `Virginia`) is left to the name rules.
        || known.region.is_some_and(|r| {
            r.name.eq_ignore_ascii_case(phrase) && !(single && names.given(phrase).is_some())
        })
        // A lone word that is also a given name is a person more often than a town.
        || known.city.is_some_and(|p| {
            let big = if single { 100_000 } else { 20_000 };
            // `Karl Marx`, once a small town's name: a given name and a surname are a person's
            // name before another name of a small town (a city's, `Alma Ata`, stays the city's).
            let other_name_of_town = !single
                && p.population < 100_000
                && phrase.split(' ').next().is_some_and(|w| {
                    names.given(w).is_some()
                        && !is_particle_word(w)
                        && !PLACE_PREFIXES.contains(&w)
                        && !names.class(w, Part::Roles).is_stopword()
                })
                && !p.name.eq_ignore_ascii_case(phrase);
            p.population >= big && !(single && names.given(phrase).is_some()) && !other_name_of_town
        })
}

/// True when `word` (lower case) is no country or region and no town's own name, only another
/// name of a town (`Berri` for `Barrie`).
fn only_other_name_of_town(registry: &Registry, word: &str) -> bool {
    let known = registry.places.known(word);
    known.country.is_none()
        && known.region.is_none()
        && known.city.is_some_and(|p| !p.name.eq_ignore_ascii_case(word))
}

/// True when token `i` opens its sentence.
fn starts_sentence(doc: &Doc<'_>, i: usize) -> bool {
    i == 0 || !doc.same_sentence(i - 1, i) || matches!(doc.toks[i - 1].kind, Kind::Open)
}

/// Words that begin place names (`New Zealand`, `San Diego`, `St Louis`).
const PLACE_PREFIXES: &[&str] = &[
    "new", "san", "santa", "sao", "los", "las", "st", "saint", "port", "fort", "porto", "puerto", "rio",
    "lake", "mount",
];

/// A US party tag written as one word after a name: `R-Ohio`, `D-Texas`, `I-Vt.` (the party's
/// letter, a hyphen, the state).
fn is_party_tag(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() > 3 && matches!(b[0], b'R' | b'D' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

fn analyse_run(
    doc: &Doc<'_>,
    names: &Names,
    registry: &Registry,
    run_start: usize,
    run_end: usize,
    prev_end: usize,
    prev_strong_end: usize,
) -> Option<Mention> {
    // A lone capitalised stopword (`The`, `But` opening a sentence) is no name: the peeling
    // below would drop it too, after more look-ups.
    if run_end == run_start + 1 && (doc.is_stopword(run_start) || is_party_tag(doc.w(run_start))) {
        return None;
    }
    // `Ho Chi Minh City`, `Abu Dhabi`: a run that is a place's name whole names no one, though a
    // word peeled off its left edge would leave a name.
    if run_end >= run_start + 2 && is_place(doc, names, registry, run_start, run_end) {
        return None;
    }
    // Everything up to the last organisation cue word is an organisation's name.
    let mut k = run_start;
    for j in (run_start..run_end.saturating_sub(1)).rev() {
        let title_end = j > run_start
            && (doc.is_title_head(j) || doc.honorific(j).is_some())
            && !doc.is_title_head(j + 1)
            && !doc.is_title_modifier(j + 1);
        if doc.is_org_cue(j) || title_end {
            k = if doc.is_org_cue(j) { j + 1 } else { j };
            break;
        }
    }
    let mut honorifics = Vec::new();
    let mut gender = Gender::Unknown;
    let mut titled = false;
    while k < run_end {
        if doc.is_punct(k, '.') {
            k += 1;
            continue;
        }
        let n = longest(doc, names, k, run_end, Phrases::Honorific);
        // `Mr. King`, `Dr. Prince`: an honorific word that is also a surname, last in the run after
        // another honorific or a title, is the name itself.
        let surname_last = n > 0
            && k + n == run_end
            && (!honorifics.is_empty() || titled)
            && doc.phrase(k, k + n).is_some_and(|p| names.is_surname(p));
        if surname_last {
            break;
        }
        if n > 0 {
            let phrase = doc.phrase(k, k + n).unwrap_or("");
            if let Some(g) = names.honorific(phrase)
                && g != Gender::Unknown
            {
                gender = g;
            }
            let with_dot = if doc.is_punct(k + n, '.') { k + n + 1 } else { k + n };
            honorifics.push(doc.span_text(k, with_dot));
            k = with_dot;
            continue;
        }
        let lw = doc.lw(k);
        if doc.is_rank_abbreviation(k) && k + 1 < run_end {
            titled = true;
            k += if doc.is_punct(k + 1, '.') { 2 } else { 1 };
            continue;
        }
        // `Mr. Long`, `Ms. White`: the one word after a courtesy title is the name, whatever
        // else it is, even a title's modifier (a head stays a title: `Mr. President`).
        let after_courtesy =
            k + 1 == run_end && honorifics.last().is_some_and(|h: &String| is_courtesy_title(h));
        let n = if after_courtesy && !doc.is_title_head(k) {
            0
        } else {
            longest(doc, names, k, run_end, Phrases::Title)
        };
        if n > 0 {
            titled |= (k..k + n).any(|j| doc.is_title_head(j))
                || doc.phrase(k, k + n).is_some_and(|p| names.is_title_head(p));
            k += n;
            continue;
        }
        let next_is_name = doc.is_cap_word(k + 1) && !doc.is_stopword(k + 1) && k + 1 < run_end;
        // `Al Gore`, `Van Jones`, `Le Pen`: a particle that is also a given name, before a
        // surname, opens a name (`Al Qaeda`, `El Paso` do not).
        let particle = is_particle_word(lw);
        let given_particle = particle && doc.given(k).is_some() && k + 1 < run_end && doc.is_surname(k + 1);
        let name_like = given_particle
            || ((titled && doc.is_surname(k)) || doc.given(k).is_some())
                && !(doc.is_common_word(k) && lw.len() <= 3)
                && !particle
                && !FUNCTION_WORDS.contains(&lw);
        // `Bill de Blasio`: a lowercase particle after a given name leads on to its surname (the
        // run only holds particles that a capitalised word follows).
        let particle_next = k + 2 < run_end && doc.is_word(k + 1) && is_particle(doc, k + 1);
        // `Ben Jealous, the former president of the NAACP,`: a given name that is also a
        // stopword, before a word that is also a common word, names a person who holds the
        // title in the appositive after them.
        let titled_after = || k + 2 == run_end && appositive(doc, names, registry, run_end).title.is_some();
        if doc.is_stopword(k)
            && !is_initial(doc, k)
            && !after_courtesy
            && !(name_like
                && ((next_is_name
                    && (!doc.is_common_word(k + 1)
                        || (titled && doc.is_surname(k + 1))
                        || titled_after()
                        || given_particle))
                    || particle_next))
            && !scorer_with_particle(doc, k, run_end)
        {
            k += 1;
            continue;
        }
        let n = longest(doc, names, k, run_end, Phrases::Country);
        // `Jordan Whitfield`: a country that is also a given name, before a surname closing the run.
        let given_then_surname = n == 1
            && k + 2 == run_end
            && doc.given(k).is_some()
            && doc.is_surname(k + 1)
            && !doc.is_common_word(k + 1);
        if n > 0 && k + n < run_end && !given_then_surname {
            k += n;
            continue;
        }
        // `Second-ranked Jane Doe`, `Top-seeded Austrian Jane Doe`: a hyphened epithet ending in
        // a lower-case word, before a given name further on in the run, is no name.
        if k + 1 < run_end
            && doc.w(k).rsplit_once('-').is_some_and(|(_, tail)| tail.starts_with(|c: char| c.is_lowercase()))
            && (k + 1..run_end).any(|j| doc.given(j).is_some())
        {
            k += 1;
            continue;
        }
        // `Crooked Jane Doe`, `Critic Jane Doe`, `Neither Doe`: an epithet, a role noun or a
        // sentence word before a given name (or before a surname opening the sentence) is no name.
        if k + 1 < run_end
            && doc.is_common_word(k)
            && doc.given(k).is_none()
            && !doc.is_surname(k)
            && doc.is_cap_word(k + 1)
            && (doc.given(k + 1).is_some()
                || (k == run_start && starts_sentence(doc, k) && doc.is_surname(k + 1)))
        {
            k += 1;
            continue;
        }
        // `Teenager Jiro Tanaka won`, `Striker Oleg Petrenko scored`: a common noun opening the
        // sentence before two or three capitalised words that are no English words is a role.
        if k == run_start
            && starts_sentence(doc, k)
            && doc.is_common_word(k)
            && doc.given(k).is_none()
            && !doc.is_surname(k)
            && (3..=4).contains(&(run_end - k))
            && (k + 1..run_end).all(|j| {
                doc.is_cap_word(j) && !doc.is_common_word(j) && !doc.is_stopword(j) && !doc.is_org_cue(j)
            })
        {
            k += 1;
            continue;
        }
        // `Ohio Gov. Jane Doe`, `Utah Lt. Gov. Jane Doe`: a state or body before an abbreviated
        // title belongs to the title; so does a word that is also a given name when a given name
        // follows the title (`Carolina Sen. Jane Doe`, the end of a state's name).
        let abbreviated_title = (k + 1..(k + 4).min(run_end))
            .find(|&j| doc.is_rank_abbreviation(j) && doc.is_punct(j + 1, '.') && j + 2 < run_end);
        if let Some(r) = abbreviated_title
            && ((k..r).all(|j| doc.given(j).is_none())
                || doc.given(r + 2).is_some()
                || is_place(doc, names, registry, k, r)
                || [k, run_start]
                    .iter()
                    .any(|&a| doc.phrase(a, r).is_some_and(|p| registry.places.region(p).is_some())))
        {
            k = r;
            continue;
        }
        if k + 1 < run_end
            && doc.given(k).is_none()
            && registry.places.city(lw).is_some()
            && doc.given(k + 1).is_some()
        {
            k += 1;
            continue;
        }
        break;
    }
    if k >= run_end {
        return None;
    }
    // `Al Qaeda`, `Al Jazeera`: after the Arabic article, one word that names no one known is the
    // rest of a group's or a medium's name.
    if k == run_start + 1
        && run_end == k + 1
        && matches!(doc.lw(run_start), "al" | "el")
        && doc.given(k).is_none()
        && !doc.is_surname(k)
    {
        return None;
    }
    // `New York Mayor Jane Doe`: a title or honorific after the place leaves the name that follows.
    if PLACE_PREFIXES.contains(&doc.lw(run_start))
        && doc.given(run_start).is_none()
        && !titled
        && honorifics.is_empty()
    {
        return None;
    }
    // `Institute for Maritime ...`: a run joined to a capitalised name before it by a connector
    // is part of that name, unless a given name starts a person there.
    let joined = run_start >= 2
        && matches!(doc.lw(run_start - 1), "of" | "for" | "and" | "on")
        && (doc.is_cap_word(run_start - 2) || doc.toks[run_start - 2].upper)
        && !doc.is_title_head(run_start - 2);
    let starts_with_place =
        run_end > run_start + 2 && is_place(doc, names, registry, run_start, run_start + 1);
    // `Jan Novak and House Speaker Jane Doe`, `the Front of General Jane Doe`: a title or
    // honorific in the run, or a name just before the `and`, starts a person.
    let addressed = titled || !honorifics.is_empty();
    let after_name =
        joined && doc.lw(run_start - 1) == "and" && prev_strong_end > 0 && prev_strong_end + 1 == run_start;
    if joined
        && !starts_with_place
        && !addressed
        && !after_name
        && !(run_start..run_end).any(|j| doc.given(j).is_some())
    {
        return None;
    }
    // A place or organisation written before a name: start at the given name.
    if doc.given(k).is_none()
        && let Some(g) = (k + 1..run_end).find(|&j| doc.given(j).is_some())
        && (is_place(doc, names, registry, k, g)
            || (k == run_start
                && run_start > 0
                && matches!(doc.lw(run_start - 1), "to" | "in" | "from" | "at")
                && (k..g).all(|j| !doc.is_surname(j))))
    {
        k = g;
    }
    let start = k;
    let mut end = start;
    while end < run_end {
        let lw = doc.lw(end);
        // The first word was already judged by the stripping loop above.
        // `Brian De Palma`, `Larbi El Khattabi`: a capitalised particle inside a name.
        // `Zine al-Abidine Ben Ali`: `Ben`, son of, between the given name and the family name.
        let inner_particle = end > start
            && (is_particle_word(lw) || lw == "ben")
            && doc.is_cap_word(end + 1)
            && end + 1 < run_end;
        // `Mr. King`: kept by the stripping loop as the name itself.
        let honorific_surname = end == start && end + 1 == run_end && !honorifics.is_empty();
        // `King Edwin I`: the run only holds a regnal number closing a one-word name.
        let regnal = end > start && end + 1 == run_end && is_regnal(doc, end);
        let blocked = !is_particle(doc, end)
            && !inner_particle
            && !honorific_surname
            && !regnal
            && (doc.is_org_cue(end)
                || doc.honorific(end).is_some()
                || (end > start
                    && ((doc.is_stopword(end) && !is_initial(doc, end)) || doc.is_title_head(end))));
        if blocked && end > start {
            // `Jane King`, `Peter T. King`: a surname that is also an honorific or title word,
            // closing the run after a given name or an initial.
            let after_initial = doc.is_punct(end - 1, '.')
                && end >= 2
                && doc.w(end - 2).chars().count() == 1
                && doc.toks[end - 2].cap;
            let keeps = doc.is_surname(end)
                && !doc.is_org_cue(end)
                && (doc.given(end - 1).is_some() || after_initial)
                && end + 1 == run_end;
            // `Mayor Tom Herald`: after a title and a lone given name, a plain capitalised word
            // closing the run is the surname, not a newspaper or a heading.
            let titled_surname = (titled || !honorifics.is_empty())
                && end == start + 1
                && end + 1 == run_end
                && doc.given(start).is_some()
                && doc.is_stopword(end)
                && !doc.is_org_cue(end)
                && !doc.is_title_head(end)
                && doc.honorific(end).is_none()
                && !names_month(doc.lw(end))
                && !is_weekday(doc.lw(end));
            let keeps = keeps || titled_surname;
            if !keeps {
                break;
            }
        } else if blocked {
            return None;
        }
        end += 1;
    }
    // `Jane Doe Described Her ...`: a title-case line goes on past the name with a capitalised
    // function word; the plain words before it are the line's, not the name's.
    if end < run_end
        && doc.is_cap_word(end)
        && doc.is_stopword(end)
        && !doc.is_org_cue(end)
        && !is_initial(doc, end)
    {
        while end > start + 1
            && doc.is_common_word(end - 1)
            && !doc.is_surname(end - 1)
            && doc.given(end - 1).is_none()
        {
            end -= 1;
        }
    }
    // `Gov. Jane Doe Friday`, `South Carolina Friday`: a day after a name is when, not who.
    while end > start + 1 && is_weekday(doc.lw(end - 1)) {
        end -= 1;
    }
    while end > start && doc.is_punct(end - 1, '.') {
        end -= 1;
    }
    if end <= start {
        return None;
    }
    // `Harbour New Zealand said`: the rest of a place whose first word was peeled off.
    if start > run_start
        && PLACE_PREFIXES.contains(&doc.lw(start - 1))
        && is_place(doc, names, registry, start - 1, end)
    {
        return None;
    }
    let honorific_surname = end == start + 1 && start + 1 == run_end && !honorifics.is_empty();
    // `Ms. Jordan`, `Mr. Washington`: an honorific right before a lone place word names a person.
    let bowler = bowler_in_scorecard(doc, start, end);
    // `President Berri`: a title head right before a lone word that is only another name of a
    // town is stronger evidence of a person than the gazetteer.
    let titled_lone = titled
        && end == start + 1
        && start + 1 == run_end
        && k_title_adjacent(doc, start)
        && !doc.is_title_head(start)
        && !doc.is_country(start)
        && only_other_name_of_town(registry, doc.lw(start));
    if !honorific_surname
        && !bowler
        && !titled_lone
        && (doc.is_title_head(start) || is_place(doc, names, registry, start, end))
    {
        return None;
    }
    // A name word has two characters or more.
    let is_name_word = |j: usize| doc.is_word(j) && !is_particle(doc, j) && doc.w(j).chars().nth(1).is_some();
    // Only the number of name words decides below; their copies are made for a mention kept.
    let word_count = (start..end).filter(|&j| is_name_word(j)).count();
    if word_count == 0 || word_count > MAX_NAME_WORDS {
        return None;
    }
    // The tokens of the first and last name words.
    let first = (start..end).find(|&j| is_name_word(j)).unwrap_or(start);
    let last = (start..end).rev().find(|&j| is_name_word(j)).unwrap_or(start);
    // `Miss Universe`, `Lady Luck`: an honorific before a plain word names a title or a thing.
    let plain = doc.is_common_word(first) && doc.given(first).is_none() && !doc.is_surname(first);
    let courtesy = honorifics.iter().any(|h| is_courtesy_title(h));
    if word_count == 1 && !honorifics.is_empty() && plain && !courtesy {
        return None;
    }
    // `Hill City 3 (Varga 59th)`: a team with its score and scorers.
    let scored = doc.is_word(end)
        && doc.w(end).bytes().all(|b| b.is_ascii_digit())
        && doc.is_punct(end + 1, '(')
        && !(start..end).any(|j| doc.w(j).chars().count() == 1);
    if scored {
        return None;
    }
    // `an analyst at Harlow Brothers`, `economists with Jane Doe & Sons`: a name after a job and
    // `at` or `with` is the employer's.
    let employer = start >= 2
        && start == run_start
        && doc.same_sentence(start - 2, start)
        && matches!(doc.lw(start - 1), "at" | "with")
        && doc.is_word(start - 2)
        && !doc.toks[start - 2].cap
        && (doc.is_title_head(start - 2)
            || doc.lw(start - 2).strip_suffix('s').is_some_and(|w| names.is_title_head(w)));
    if employer && honorifics.is_empty() && !titled {
        return None;
    }
    // `the Jane Doe case`, `the Harlow administration`: after `the`, a name before a noun
    // for what a person did or led is that person's (teams and prizes are written `the Name`
    // before a verb or alone).
    let eponym = start > 0
        && doc.lw(start - 1) == "the"
        && doc.is_word(end)
        && !doc.toks[end].cap
        && names.is_eponym_noun(doc.lw(end))
        && doc.same_sentence(start, end)
        && (doc.is_surname(last) || (word_count > 1 && doc.given(first).is_some()))
        && doc.phrase(start, end).is_none_or(|p| registry.places.region(p).is_none());
    if honorifics.is_empty() && !titled && !eponym && team_or_thing(doc, names, registry, start, end) {
        return None;
    }
    // Organisations named after a person ("Kevin Sullivan Foundation") end in a cue word, also
    // after other words (`Harlow Democratic Party`).
    if run_end > end && (doc.is_org_cue(end) || doc.is_org_cue(run_end - 1)) {
        return None;
    }
    // `Bank of Georgia`, `University of Virginia`: a lone word after an organisation's cue word
    // and `of` ends the organisation's name.
    if run_end == run_start + 1
        && run_start >= 2
        && doc.lw(run_start - 1) == "of"
        && doc.is_cap_word(run_start - 2)
        && doc.is_org_cue(run_start - 2)
        && honorifics.is_empty()
    {
        return None;
    }
    if gender == Gender::Unknown {
        gender = doc.given(first).unwrap_or(Gender::Unknown);
    }
    let mut pre = prenominal(doc, names, registry, start, prev_end);
    // `Head of the Commission, Alaeddin Borujerdi`: a title phrase closed by a comma.
    if pre.title.is_none() && start > 0 && doc.is_punct(start - 1, ',') && start - 1 > prev_end {
        pre = prenominal(doc, names, registry, start - 1, prev_end);
    }
    let mut post = appositive(doc, names, registry, end);
    // `Umberto Bossi of the Northern League`
    if post.organization.is_none() && doc.lw(end) == "of" && doc.same_sentence(end.saturating_sub(1), end + 1)
    {
        let mut f = end + 1;
        while doc.lw(f) == "the" {
            f += 1;
        }
        let e = capitalised_name(doc, f, doc.toks.len());
        if e > f && (f..e).any(|j| doc.is_org_cue(j)) {
            org_or_country(doc, names, registry, f, e, &mut post);
        }
    }
    // A bare military rank gives way to a role written after the name.
    if pre.title.as_deref().is_some_and(|t| names.is_rank(&t.to_ascii_lowercase())) && post.title.is_some() {
        pre.title = None;
        pre.organization = None;
    }
    titled |= pre.title.is_some() || post.title.is_some();
    // `Shippers say`: one word in -s before the plural verb is a group, not a person.
    let plural_subject =
        word_count == 1 && doc.lw(last).ends_with('s') && doc.is_word(end) && doc.lw(end) == "say";
    let speaks = says_after(doc, end) && !plural_subject;
    let given = doc.given(first).is_some()
        && word_count > 1
        && (!doc.is_common_word(last)
            || doc.is_surname(last)
            || (!doc.is_common_word(first)
                && word_count == 2
                && !doc.is_org_cue(last)
                && !doc.is_title_head(last)
                // `Dallas Cowboys`, `Zoe Questioned`: a plural or a past tense is no surname.
                && !doc.lw(last).ends_with('s')
                && !doc.lw(last).ends_with("ed")
                // `Iraq's Saddam Regime`, `St. Christopher Children's Hospital`.
                && !(start > 0 && matches!(doc.toks[start - 1].kind, Kind::Poss))
                && doc.toks.get(end).is_none_or(|t| !matches!(t.kind, Kind::Poss))));
    let surname = doc.is_surname(last);
    // `G. Thorpe`, `Pietro T.`: an initial next to a capitalised word.
    let initial = (start..end).any(|j| {
        doc.toks[j].cap
            && doc.is_punct(j + 1, '.')
            && (doc.w(j).chars().count() == 1 || (j == start && initials_before_name(doc, names, j)))
    });
    // `Khalid Boulami (Morocco)`: a name followed by a country in parentheses.
    // The tests below that look up places run only when the cheaper ones leave it open.
    let country_after = || {
        doc.is_punct(end, '(') && {
            let close = (end + 1..(end + 5).min(doc.toks.len())).find(|&j| doc.is_punct(j, ')'));
            // `(U.S.)`: the abbreviation's last dot is a token of its own.
            let close = close.map(|c| if c > end + 2 && doc.is_punct(c - 1, '.') { c - 1 } else { c });
            close.is_some_and(|c| c > end + 1 && is_place(doc, names, registry, end + 1, c))
        }
    };
    // Two or more plain capitalised words that are no place: most often a person.
    let plain_person = || {
        let plain = word_count > 1
            && !is_place(doc, names, registry, end - 1, end)
            && !is_place(doc, names, registry, start, start + 1);
        plain && {
            let no_common = !(start..end).any(|j| is_name_word(j) && doc.is_common_word(j));
            no_common || (!doc.is_common_word(first) && surname)
        }
    };
    // A lone word needs its title or honorific right before it (`President Putin`).
    let titled = titled && (word_count > 1 || k_title_adjacent(doc, start));
    // `(Varga 59th, Lind 71st)`, `Scorers: Jane Doe (12th minute)`: a scorer with the minute.
    let minute_after = {
        let m = if doc.is_punct(end, '(') { end + 1 } else { end };
        start > 0
            && (doc.is_punct(start - 1, '(') || doc.is_punct(start - 1, ',') || doc.is_punct(start - 1, ':'))
            && minute(doc, m)
    } || scorer_in_brackets(doc, start, end);
    // `Saeed Anwar c Croft b Cork 176`: fielder and bowler in a cricket scorecard.
    let dismissal = start > 0 && matches!(doc.w(start - 1), "c" | "b" | "st" | "lbw") && {
        let after = doc.w(end);
        after == "b" || (doc.is_word(end) && !after.is_empty() && after.bytes().all(|b| b.is_ascii_digit()))
    };
    // `Zia-ul-Karim c Doyle b Marsh 35`, `Omar Latif not out 100`: a batsman's line.
    let batsman = same_line(doc, end.saturating_sub(1), end + 1)
        && match doc.w(end) {
            "c" | "b" | "lbw" | "st" => {
                doc.is_cap_word(end + 1) || doc.w(end + 1) == "b" || doc.w(end + 1) == "and"
            }
            "not" | "run" => doc.w(end + 1) == "out",
            _ => false,
        };
    // `Zia-ul-Karim`, `Aziz-ur-Rahman`: a particle hyphenated between two capitalised parts.
    let hyphenated_particle = word_count == 1
        && doc.w(first).split_once('-').is_some_and(|(head, rest)| {
            rest.rsplit_once('-').is_some_and(|(inner, tail)| {
                head.starts_with(char::is_uppercase)
                    && tail.starts_with(char::is_uppercase)
                    && inner.split('-').all(|p| HYPHENED_PARTICLES.contains(&p))
            })
        });
    // `-- Jane Doe, Oslo Newsroom +47 ...`: the reporter's sign-off under a story.
    let sign_off = start > 0
        && doc.is_punct(start - 1, '-')
        && doc.is_punct(end, ',')
        && (end + 1..end + 6).any(|j| doc.same_sentence(end, j) && names.is_newsroom_noun(doc.lw(j)));
    let strong = !honorifics.is_empty()
        || eponym
        || sign_off
        || wrapped_name_half(doc, start, end)
        || bowler
        || (word_count == 1 && doc.given(first).is_some() && named_relative(doc, start))
        || minute_after
        || dismissal
        || batsman
        || hyphenated_particle
        || titled
        || given
        || initial
        || country_after()
        || plain_person()
        || (word_count > 1 && speaks)
        || (word_count > 1 && said_before_name(doc, start, end));
    // `Sullivan says`, `..., said Skelly.`: a lone surname that speaks.
    let said_before = said_before_name(doc, start, end);
    let weak_single = word_count == 1
        && (speaks || said_before)
        && (surname || doc.given(first).is_some() || !doc.is_common_word(first));
    let role = if pre.title.is_some() { merge_roles(pre, post) } else { merge_roles(post, pre) };
    let mut word_toks = [0u32; MAX_NAME_WORDS];
    for (slot, j) in word_toks.iter_mut().zip((start..end).filter(|&j| is_name_word(j))) {
        *slot = u32::try_from(j).unwrap_or(u32::MAX);
    }
    Some(Mention {
        start,
        end,
        word_toks,
        word_count: u8::try_from(word_count).unwrap_or(0),
        honorifics,
        gender,
        role,
        strong: strong || weak_single,
    })
}

/// `..., said Skelly.`, `said Jan Novak, the deputy governor`: a reporting verb right before
/// a name that closes the clause.
fn said_before_name(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    start > 0
        && doc.is_word(start - 1)
        && doc.is_say_verb(start - 1)
        && (doc.is_punct(end, '.') || doc.is_punct(end, ',') || !doc.same_sentence(start, end))
}

/// `Craig Wendt, Mark` / `O'Dowd, Fred Tamblyn`: a results list wrapped at a fixed width
/// breaks a name after its given name. A list item ends on the given name, with no sentence
/// mark, and a capitalised word opens the next line.
fn given_before_wrap(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    let list_before = start > 0
        && doc.toks[start - 1].para == doc.toks[start].para
        && (matches!(doc.toks[start - 1].kind, Kind::Punct(',' | ';' | '/' | ')'))
            || small_number(doc, start - 1).is_some()
            || matches!(doc.w(start - 1), "beat" | "and"));
    end == start + 1
        && list_before
        && doc.is_cap_word(start)
        && doc.given(start).is_some()
        && doc.toks.get(end).is_some_and(|t| t.para != doc.toks[start].para)
        && doc.is_cap_word(end)
        && !doc.is_stopword(end)
}

/// `his sister Lisa`, `her husband, David,`, `two daughters, Yelena and Tatyana`: a name right
/// after a lower-case noun for a relative is a person's, though news gives relatives their
/// given name only.
fn named_relative(doc: &Doc<'_>, start: usize) -> bool {
    let kin = |i: usize| doc.is_word(i) && !doc.toks[i].cap && doc.names.is_kin_noun(doc.lw(i));
    // The first name after the noun, skipping the comma of an apposition.
    let first_after_kin = |s: usize| {
        s > 0
            && doc.same_sentence(s - 1, s)
            && (kin(s - 1) || (s > 1 && doc.is_punct(s - 1, ',') && kin(s - 2)))
    };
    // `Yelena and Tatyana`: the second of two given names after the noun.
    let second = start > 2
        && doc.lw(start - 1) == "and"
        && doc.is_cap_word(start - 2)
        && doc.given(start - 2).is_some()
        && first_after_kin(start - 2);
    first_after_kin(start) || second
}

/// Either half of a name wrapped onto two lines of a list: each is a person's name.
fn wrapped_name_half(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    given_before_wrap(doc, start, end)
        || (start > 0 && end == start + 1 && given_before_wrap(doc, start - 1, start))
}

/// `A. Smith`, `I. Jones`: a one-letter word with its dot glued on, before a capitalised word,
/// is an initial even when the letter is also a word; after a lower-case word (`plan A.
/// Critics`) only before a word that is no plain English word.
fn is_initial(doc: &Doc<'_>, i: usize) -> bool {
    let after_lower = i > 0 && doc.is_word(i - 1) && !doc.toks[i - 1].cap && doc.same_sentence(i - 1, i);
    doc.is_cap_word(i)
        && doc.w(i).len() == 1
        && doc.is_punct(i + 1, '.')
        && doc.toks[i + 1].start == doc.toks[i].end
        && doc.is_cap_word(i + 2)
        && !doc.is_stopword(i + 2)
        && !(after_lower && doc.is_common_word(i + 2))
}

/// `P.W`, `J.R.R`: two or three capital letters joined by dots (the last dot is a token of its own).
fn is_initials(w: &str) -> bool {
    (2..=3).contains(&w.split('.').count())
        && w.split('.').all(|p| p.len() == 1 && p.bytes().all(|b| b.is_ascii_uppercase()))
}

/// `P.W. Botha`, `F.W. de Klerk`: two or three initials, their dots glued on, before a
/// capitalised word or a particle open a name. `U.S.`, `U.N.` and other initialisms of places
/// and bodies do not.
fn initials_before_name(doc: &Doc<'_>, names: &Names, i: usize) -> bool {
    is_initials(doc.w(i))
        && doc.is_punct(i + 1, '.')
        && doc.toks.get(i + 1).is_some_and(|t| t.start == doc.toks[i].end)
        && (doc.is_cap_word(i + 2) || (doc.is_word(i + 2) && is_particle(doc, i + 2)))
        && doc.same_sentence(i, i + 2)
        && !names.is_initialism(doc.lw(i))
        && names.country(doc.lw(i)).is_none()
}

/// `(Van Dorsel 58th, Dos Ramos 73rd)`: a scorer's surname opened by a capitalised particle,
/// before the minute, keeps the particle.
fn scorer_with_particle(doc: &Doc<'_>, k: usize, run_end: usize) -> bool {
    k + 2 == run_end
        && doc.toks[k].cap
        && is_particle_word(doc.lw(k))
        && k > 0
        && matches!(doc.toks[k - 1].kind, Kind::Punct('(' | ','))
        && minute(doc, run_end)
}

/// `Kolmar 2 (Pelic 7, Dahl 33)`: a scorer with the minute, in brackets after the team's score.
fn scorer_in_brackets(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    // The opening bracket, after the scorers already read.
    let mut o = start;
    let mut steps = 0;
    while o > 0 && steps < 24 && !doc.is_punct(o - 1, '(') {
        if doc.is_punct(o - 1, ')') || !doc.same_sentence(o - 1, start) {
            return false;
        }
        o -= 1;
        steps += 1;
    }
    o >= 2
        && doc.is_punct(o - 1, '(')
        && small_number(doc, o - 2).is_some()
        && (o == start || doc.is_punct(start - 1, ','))
        && (small_number(doc, end).is_some() || minute(doc, end))
}

/// `Bowling: Lewis 12-1-76-0, Cork 14.3-4-45-1`, `Sohail c Cork b Croft 46`: a bowler in a
/// cricket scorecard, before his overs, maidens, runs and wickets or between the `c` of the
/// catch and the `b` of the bowler; a town's name there is a player's.
fn bowler_in_scorecard(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    // Four parts of one to three digits, counted without collecting them.
    let figures = |w: &str| {
        let mut parts = 0;
        for p in w.split('-') {
            parts += 1;
            if parts > 4 || !(1..=3).contains(&p.len()) || !p.bytes().all(|b| b.is_ascii_digit()) {
                return false;
            }
        }
        parts == 4
    };
    let overs = doc.is_word(end) && doc.w(end).bytes().all(|b| b.is_ascii_digit());
    let after_overs = if overs && doc.is_punct(end + 1, '.') { end + 2 } else { end };
    let caught_and_bowled = start > 0 && doc.w(start - 1) == "c" && doc.w(end) == "b";
    (doc.is_word(after_overs) && figures(doc.w(after_overs))) || caught_and_bowled
}

/// `59th`: an ordinal that can be a match minute.
fn minute(doc: &Doc<'_>, i: usize) -> bool {
    let w = doc.w(i);
    let digits = w.bytes().take_while(|b| b.is_ascii_digit()).count();
    doc.is_word(i)
        && (1..=3).contains(&digits)
        && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
        && w[..digits].parse::<u32>().is_ok_and(|n| (1..=130).contains(&n))
}

// ---------------------------------------------------------------------------------------------
// Teams, clubs and things named like people

/// True when the name `start..end` is, by its context, a team, a club, a company or a thing
/// rather than a person: sports results and tables name teams exactly where people would stand.
fn team_or_thing(doc: &Doc<'_>, names: &Names, registry: &Registry, start: usize, end: usize) -> bool {
    // `the Houston Astros`, `the Nobel Peace Prize`: news writes no article before a bare name.
    let the_before = start > 0 && doc.lw(start - 1) == "the";
    // `Toronto-based Barrick`, `Second-placed Kent`, `Serb-held Doboj`.
    let described = doc.lw(start).rsplit_once('-').is_some_and(|(_, tail)| PLACE_PARTICIPLES.contains(&tail));
    // `Lenzing AG`, `Kestrel & Co`, `PT Sinar Jaya`: a company's legal form next to the name.
    let legal_form = |i: usize| doc.is_word(i) && doc.toks[i].upper && doc.is_org_cue(i);
    let company = (legal_form(end) && doc.same_sentence(start, end))
        || (doc.is_punct(end, '&') && doc.lw(end + 1) == "co")
        || (start > 0 && legal_form(start - 1) && doc.same_sentence(start - 1, start));
    // `At Riverside Park: Hilltown 280`: a venue heading a results line.
    let venue = start > 0
        && matches!(doc.lw(start - 1), "at" | "in")
        && doc.is_punct(end, ':')
        && doc.same_sentence(start - 1, start);
    // `Jan Brenner airport`, `Marta Kovac hospital`: a lower-case word for a building or a street
    // right after a name makes it a place named after a person.
    let facility = doc.is_word(end)
        && !doc.toks[end].cap
        && doc.class(end, Part::Roles).is_facility_noun()
        && doc.same_sentence(start, end);
    // `Harlow Rovers (Norway) v Kestrel Town`: a fixture joins two teams by a bare `v`; players
    // meet with `vs.` instead.
    let versus = |v: usize| doc.w(v) == "v" && !doc.is_punct(v + 1, '.');
    let fixture = (start > 0 && versus(start - 1) && same_line(doc, start - 1, start)) || {
        let after = skip_tag(doc, end);
        versus(after) && same_line(doc, end.saturating_sub(1), after)
    };
    // `Kleiner Perkins Caufield & Byers`: partners' names joined by `&` name a firm.
    let firm = doc.is_punct(end, '&') || (start > 0 && doc.is_punct(start - 1, '&'));
    the_before
        || venue
        || facility
        || fixture
        || firm
        || publication(doc, start, end)
        || place_of(doc, start)
        || described
        || company
        || score_line(doc, start, end)
        || team_before_wrapped_tag(doc, start, end)
        || standings_row(doc, end)
        || after_country_tag(doc, names, registry, start)
        || car_after_country_tag(doc, names, registry, start, end)
        || affiliation_in_brackets(doc, start, end)
}

/// `the small village of Velki Dol`, `the port of Harlowe`: a name after a place noun and `of`
/// is the place's.
fn place_of(doc: &Doc<'_>, start: usize) -> bool {
    start >= 2
        && doc.lw(start - 1) == "of"
        && doc.is_word(start - 2)
        && !doc.toks[start - 2].cap
        && doc.class(start - 2, Part::Roles).is_settlement_noun()
        && doc.same_sentence(start - 2, start)
}

/// `the evening newspaper Kurier Poranny`, `the weekly Le Matin`, `Gazeta Nowa daily said`: a
/// name right after or before a lower-case word for a newspaper is the newspaper's.
pub(crate) fn publication(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    let is_publication_word =
        |i: usize| doc.is_word(i) && !doc.toks[i].cap && doc.class(i, Part::Roles).is_publication_word();
    // `the weekly Le Matin`: a capitalised article of the title stays outside the name.
    let mut before = start;
    if before > 0 && matches!(doc.lw(before - 1), "le" | "la" | "el" | "al" | "il" | "o" | "die" | "der") {
        before -= 1;
    }
    (before > 0 && is_publication_word(before - 1) && doc.same_sentence(before - 1, start))
        || (is_publication_word(end) && doc.same_sentence(start, end))
}

/// Participles that turn a place or group into an attribute of the name after it.
const PLACE_PARTICIPLES: &[&str] = &[
    "based",
    "listed",
    "placed",
    "held",
    "ruled",
    "dominated",
    "owned",
    "controlled",
    "led",
    "backed",
    "run",
    "registered",
    "quoted",
];

/// A whole number of at most three digits standing alone (a score, a count).
fn small_number(doc: &Doc<'_>, i: usize) -> Option<u32> {
    let w = doc.w(i);
    if !doc.is_word(i) || w.is_empty() || w.len() > 3 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // `12.5`, `4:16`: a decimal or a time, not a score.
    let glued = doc.toks.get(i + 1).is_some_and(|t| t.start == doc.toks[i].end && !doc.is_word(i + 1))
        && doc.toks.get(i + 2).is_some_and(|t| t.start == doc.toks[i + 1].end)
        && doc.w(i + 2).starts_with(|c: char| c.is_ascii_digit());
    if glued {
        return None;
    }
    w.parse().ok()
}

/// Tokens `a` and `b` on one line of the same paragraph.
fn same_line(doc: &Doc<'_>, a: usize, b: usize) -> bool {
    let (Some(x), Some(y)) = (doc.toks.get(a), doc.toks.get(b)) else { return false };
    x.para == y.para
        && doc.text.get(x.end.min(y.start)..y.start.max(x.end)).is_some_and(|gap| !gap.contains('\n'))
}

/// The token after an optional short parenthesis (`(Romania)`) that starts at `i`.
fn skip_tag(doc: &Doc<'_>, i: usize) -> usize {
    if doc.is_punct(i, '(')
        && let Some(close) = (i + 1..(i + 7).min(doc.toks.len())).find(|&j| doc.is_punct(j, ')'))
    {
        return close + 1;
    }
    i
}

/// `Aston Villa 2 Derby 0`, `Brann (Norway) 2 Shelbourne (Ireland) 1`: a results line, a name
/// with a score and another name, or a name between two scores.
fn score_line(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    let after = skip_tag(doc, end);
    if small_number(doc, after).is_none() || !same_line(doc, end.saturating_sub(1), after) {
        return false;
    }
    let next = after + 1;
    let other_follows = same_line(doc, after, next)
        && (doc.is_cap_word(next) || (doc.is_word(next) && doc.toks[next].upper))
        && !names_month(doc.lw(next));
    let other_before = start >= 2
        && small_number(doc, start - 1).is_some()
        && same_line(doc, start - 2, start)
        && (doc.is_word(start - 2) && doc.toks[start - 2].cap || doc.is_punct(start - 2, ')'));
    other_follows || other_before
}

/// `Holmen Viks (Norway) 0 Dravec Sonta` / `(Croatia) 2`: in a results line wrapped before the
/// second team's country tag or score, the team still stands between the first team's score and
/// its own tag and score.
fn team_before_wrapped_tag(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    let after_score = start >= 2
        && small_number(doc, start - 1).is_some()
        && same_line(doc, start - 2, start)
        && doc.is_punct(start - 2, ')');
    let tagged = skip_tag(doc, end);
    // `Harold Penner (Spain) 70 Craig Wendt (Wales) 71`: a player's line reads the same, but
    // clubs are seldom named by a given name.
    after_score
        && tagged > end
        && small_number(doc, tagged).is_some()
        && (start..end).all(|j| doc.given(j).is_none())
}

/// A month written out or abbreviated (`Jan`, `Sept`; not `Mar` or `Jun`, which name people too).
fn names_month(lw: &str) -> bool {
    MONTHS.contains(&lw) || matches!(lw, "jan" | "feb" | "aug" | "sept" | "oct" | "nov" | "dec")
}

/// `Chelsea 3 2 1 0 3 0 7`: a league table row, played = won + drawn + lost, then goals and points.
fn standings_row(doc: &Doc<'_>, end: usize) -> bool {
    let first = skip_tag(doc, end);
    // At most eight numbers are read: kept on the stack.
    let mut numbers = [0u32; 8];
    let mut count = 0;
    let mut i = first;
    while count < numbers.len()
        && let Some(n) = small_number(doc, i)
        && same_line(doc, first, i)
    {
        numbers[count] = n;
        count += 1;
        i += 1;
    }
    count >= 6 && numbers[1] + numbers[2] + numbers[3] == numbers[0]
}

/// `Tommi Lahti (Finland) Subaru Impreza 3:22`: what follows a competitor and his country on
/// the same line is his car, his horse or his team.
fn after_country_tag(doc: &Doc<'_>, names: &Names, registry: &Registry, start: usize) -> bool {
    if start < 3 || !doc.is_punct(start - 1, ')') || !same_line(doc, start - 1, start) {
        return false;
    }
    let Some(open) = (start.saturating_sub(7)..start - 1).rev().find(|&j| doc.is_punct(j, '(')) else {
        return false;
    };
    // `(U.S.)`: the abbreviation's last dot is a token of its own.
    let close = if doc.is_punct(start - 2, '.') { start - 2 } else { start - 1 };
    open > 0
        && open + 1 < close
        && doc.is_cap_word(open - 1)
        && is_place(doc, names, registry, open + 1, close)
}

/// `2. Jan Doe (Canada), Harlan Ford, 54.483`: in a results line, the name between a driver's
/// country and his time, set off by commas, is his car.
fn car_after_country_tag(
    doc: &Doc<'_>,
    names: &Names,
    registry: &Registry,
    start: usize,
    end: usize,
) -> bool {
    let timed = doc.is_punct(end, ',')
        && doc.w(end + 1).starts_with(|c: char| c.is_ascii_digit())
        && same_line(doc, end, end + 1);
    start >= 2
        && timed
        && doc.is_punct(start - 1, ',')
        && same_line(doc, start - 2, start)
        && after_country_tag(doc, names, registry, start - 1)
}

/// `Adam Nowak (Odra Opole)`: a name in brackets right after a name is where he plays or works.
fn affiliation_in_brackets(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    start >= 2 && doc.is_punct(start - 1, '(') && doc.is_punct(end, ')') && doc.is_cap_word(start - 2)
}

/// True when a title word or rank (or its abbreviation's dot) stands right before token `start`.
fn k_title_adjacent(doc: &Doc<'_>, start: usize) -> bool {
    let mut i = start;
    if i > 0 && doc.is_punct(i - 1, '.') {
        i -= 1;
    }
    i > 0 && doc.is_word(i - 1) && {
        let j = i - 1;
        doc.is_title_head(j) || doc.is_rank_abbreviation(j) || doc.honorific(j).is_some()
    }
}

fn merge_roles(first: Role, second: Role) -> Role {
    Role {
        organization: if first.title.is_some() {
            first.organization
        } else {
            first.organization.or(second.organization.clone())
        },
        title: first.title.or(second.title),
        country: first.country.or(second.country),
    }
}

/// True when a reporting verb follows the name (`X said`, `X, 45, told`).
fn says_after(doc: &Doc<'_>, end: usize) -> bool {
    let mut j = end;
    while doc.is_word(j)
        && matches!(
            doc.lw(j),
            "also"
                | "has"
                | "had"
                | "have"
                | "later"
                | "then"
                | "previously"
                | "earlier"
                | "again"
                | "on"
                | "once"
        )
    {
        j += 1;
    }
    doc.same_sentence(end.saturating_sub(1), j) && doc.is_word(j) && doc.is_say_verb(j)
}

// ---------------------------------------------------------------------------------------------
// Titles and organisations around a name

/// Tokens of a title group: modifiers and heads, `first deputy minister`, `Director General`.
fn title_group(doc: &Doc<'_>, names: &Names, a: usize, b: usize) -> Option<(usize, usize)> {
    // Find the last head in a..b, then widen over modifiers to the left and heads to the right.
    let mut head: Option<(usize, usize)> = None;
    let mut i = a;
    while i < b {
        if !doc.is_word(i) {
            i += 1;
            continue;
        }
        let n = longest(doc, names, i, b, Phrases::TitleHead);
        // An abbreviated rank or office (`Gen.`, `Sen.`, `Gov.`) heads a title on its own.
        let n = if n == 0 && doc.is_rank_abbreviation(i) { 1 } else { n };
        if n > 0 {
            head = Some((i, i + n));
            i += n;
        } else {
            i += 1;
        }
    }
    let (mut s, mut e) = head?;
    while s > a
        && doc.is_word(s - 1)
        && (doc.is_title_modifier(s - 1) || doc.is_title_head(s - 1))
        && !doc.is_org_cue(s - 1)
    {
        s -= 1;
    }
    // `minister of healthcare`: lower-case portfolio words after `of`.
    if e + 1 < b && doc.lw(e) == "of" && doc.is_word(e + 1) && !doc.toks[e + 1].cap {
        let mut f = e + 1;
        while f < b && doc.is_word(f) && !doc.toks[f].cap && doc.is_title_modifier(f) {
            f += 1;
        }
        if f > e + 1 {
            e = f;
        }
    }
    Some((s, e))
}

/// A capitalised name from `i` on (`the International Cooperation Department of the Iranian
/// Health Ministry`), stopping before `(`, the limit, or anything else; returns its end.
fn capitalised_name(doc: &Doc<'_>, i: usize, limit: usize) -> usize {
    let mut j = i;
    let mut end = i;
    while j < limit {
        if doc.is_cap_word(j) || (doc.is_word(j) && doc.toks[j].upper) {
            if doc.honorific(j).is_some() {
                break;
            }
            j += 1;
            end = j;
        } else if (matches!(doc.toks[j].kind, Kind::Poss) && doc.is_cap_word(j + 1))
            || (doc.is_word(j) && matches!(doc.lw(j), "of" | "for" | "and" | "the" | "on" | "de"))
        {
            j += 1;
        } else {
            break;
        }
    }
    end
}

/// Reads a capitalised phrase as an organisation or a country.
fn org_or_country(doc: &Doc<'_>, names: &Names, registry: &Registry, a: usize, b: usize, role: &mut Role) {
    let (mut a, mut b) = (a, b);
    while a < b && (FUNCTION_WORDS.contains(&doc.lw(a)) || doc.is_punct(a, ')')) {
        a += 1;
    }
    // A trailing `(ACRONYM)` is not part of the name.
    if b >= a + 3 && doc.is_punct(b - 1, ')') && doc.is_punct(b - 3, '(') {
        b -= 3;
    }
    if a >= b {
        return;
    }
    // `Iran's Institute ...`: the possessor is a country, else an organisation.
    if let Some(p) = (a..b).find(|&j| matches!(doc.toks[j].kind, Kind::Poss)) {
        match country_of(doc, names, registry, a, p) {
            Some(code) => {
                role.country.get_or_insert(code);
            }
            None if p + 1 >= b => role.organization = Some(doc.span_text(a, p)),
            None => {}
        }
        a = p + 1;
    }
    if a >= b {
        return;
    }
    if let Some(code) = country_of(doc, names, registry, a, b) {
        role.country.get_or_insert(code);
        return;
    }
    role.organization = Some(doc.span_text(a, b));
    if role.country.is_none() {
        role.country = country_within(doc, names, a, b);
    }
}

/// Words that start a phrase without being part of a name.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "for",
    "and",
    "with",
    "since",
    "by",
    "from",
    "in",
    "on",
    "at",
    "after",
    "before",
    "as",
    "while",
    "when",
    "to",
    "under",
    "among",
    "including",
    "said",
    "says",
];

/// The country tokens `a..b` name (`Iran`, `Iranian`, `U. S.`).
fn country_of(doc: &Doc<'_>, names: &Names, registry: &Registry, a: usize, b: usize) -> Option<String> {
    if let Some(code) = doc.phrase(a, b).and_then(|p| names.country(p).or_else(|| registry.places.country(p)))
    {
        return Some(code.to_string());
    }
    // Spaced initials: `U. S.`.
    let initials = (a..b).all(|j| doc.is_punct(j, '.') || (doc.is_word(j) && doc.w(j).chars().count() == 1));
    if !initials {
        return None;
    }
    let letters: String = (a..b).filter(|&j| doc.is_word(j)).map(|j| doc.lw(j)).collect();
    (letters.len() >= 2).then(|| names.country(&letters).map(str::to_string)).flatten()
}

/// The first country or nationality named inside tokens `a..b`.
fn country_within(doc: &Doc<'_>, names: &Names, a: usize, b: usize) -> Option<String> {
    (a..b).find_map(|j| {
        let n = longest(doc, names, j, b, Phrases::Country);
        (n > 0).then(|| doc.phrase(j, j + n).and_then(|p| names.country(p)).map(str::to_string)).flatten()
    })
}

/// The title phrase written before the name that starts at token `start`.
fn prenominal(doc: &Doc<'_>, names: &Names, registry: &Registry, start: usize, floor: usize) -> Role {
    let mut role = Role::default();
    // Walk left over what a pre-nominal title phrase may contain.
    let mut l = start;
    let mut steps = 0;
    while l > floor && steps < 40 && doc.same_sentence(l - 1, start) {
        let i = l - 1;
        let t = &doc.toks[i];
        let ok = match t.kind {
            Kind::Word => {
                let lw = doc.lw(i);
                t.cap
                    || t.upper
                    || doc.is_title_head(i)
                    || doc.is_title_modifier(i)
                    || doc.is_country(i)
                    || LOWERCASE_BODIES.contains(&lw)
                    || matches!(lw, "of" | "for" | "and" | "to" | "at")
                    || (lw == "the" && i > 0 && matches!(doc.lw(i - 1), "of" | "for" | "to" | "at"))
            }
            Kind::Poss | Kind::Punct('(' | ')' | '.') => true,
            _ => false,
        };
        if !ok {
            break;
        }
        l = i;
        steps += 1;
    }
    while l < start && matches!(doc.lw(l), "and" | "of" | "for" | "to" | "at" | "the") {
        l += 1;
    }
    // Honorifics right before the name are not part of the title.
    let mut r = start;
    while r > l && (doc.honorific(r - 1).is_some() || doc.is_punct(r - 1, '.')) {
        r -= 1;
    }
    if l >= r {
        return role;
    }
    let Some((mut ts, mut te)) = title_group(doc, names, l, r) else {
        role.country = country_within(doc, names, l, r);
        return role;
    };
    // `will host President X`, `to head Y`: a head right after a modal or `to` is a verb.
    if ts == l && ts > 0 && VERB_LEADS.contains(&doc.lw(ts - 1)) && doc.is_word(ts - 1) {
        ts += 1;
        if ts >= te {
            role.country = country_within(doc, names, ts, r);
            return role;
        }
    }
    // `Commander of the IRGC Major General X`: the office, not the rank.
    if doc.phrase(ts, te).is_some_and(|p| names.is_rank(p))
        && let Some(office) = title_group(doc, names, l, ts)
    {
        r = ts;
        (ts, te) = office;
    }
    let title = doc.span_text(ts, te);
    role.title = Some(expand_rank(names, &title));
    // After the title: `of/for/at [the] ORG`, `to PLACE`.
    if te < r && matches!(doc.lw(te), "of" | "for" | "at" | "with" | "in") {
        let e = capitalised_name(doc, te + 1, r);
        let e = trim_acronym_and_connectors(doc, te + 1, e);
        if e > te + 1 {
            org_or_country(doc, names, registry, te + 1, e, &mut role);
        }
    }
    // Before the title: `White House spokesman`, `Iran's envoy`, `Iranian ambassador`.
    // Only the capitalised words (and possessives) right before the title count.
    let mut bl = ts;
    while bl > l
        && (doc.is_cap_word(bl - 1)
            || doc.toks[bl - 1].upper
            || matches!(doc.toks[bl - 1].kind, Kind::Poss | Kind::Punct('(' | ')'))
            || (doc.is_punct(bl - 1, '.') && bl > l + 1 && doc.is_org_cue(bl - 2))
            || (matches!(doc.lw(bl - 1), "of" | "and" | "for") && bl - 1 > l && doc.is_cap_word(bl - 2))
            || LOWERCASE_BODIES.contains(&doc.lw(bl - 1))
            || (bl < ts && doc.is_title_modifier(bl - 1) && LOWERCASE_BODIES.contains(&doc.lw(bl))))
    {
        bl -= 1;
    }
    if ts > bl {
        let before_org = role.organization.is_none();
        let mut tmp = Role::default();
        org_or_country(doc, names, registry, bl, ts, &mut tmp);
        if role.country.is_none() {
            role.country = tmp.country;
        }
        if before_org && let Some(org) = tmp.organization {
            role.organization = Some(org);
        }
    }
    if role.country.is_none() {
        role.country = country_within(doc, names, l, r);
    }
    role
}

/// Words after which a title head reads as a verb: `will host X`, `to head Y`.
const VERB_LEADS: &[&str] =
    &["will", "would", "to", "can", "could", "may", "might", "shall", "should", "must"];

/// Bodies written in lower case before a title (`police Inspector X`, `Afghan interim
/// administration chairman X`): the institution of that title.
const LOWERCASE_BODIES: &[&str] =
    &["police", "army", "navy", "government", "administration", "ministry", "embassy", "party"];

fn trim_acronym_and_connectors(doc: &Doc<'_>, a: usize, mut e: usize) -> usize {
    while e > a && matches!(doc.lw(e - 1), "of" | "for" | "and" | "the" | "on" | "de") {
        e -= 1;
    }
    e
}

/// `Gen.` -> `General`; `Republican Sen.` -> `Republican Senator` (the head is the last word).
fn expand_rank(names: &Names, title: &str) -> String {
    let bare = title.trim_end_matches('.');
    if let Some(rank) = names.rank(&bare.to_ascii_lowercase()) {
        return rank.to_string();
    }
    match bare.rsplit_once(' ') {
        Some((head, last)) => names
            .rank(&last.to_ascii_lowercase())
            .map_or_else(|| title.to_string(), |rank| format!("{head} {rank}")),
        None => title.to_string(),
    }
}

/// The appositive after a name: `X, first deputy minister of healthcare,`, `X, the spokesman for
/// the Foreign Ministry,`, `X, who heads Y,`.
fn appositive(doc: &Doc<'_>, names: &Names, registry: &Registry, end: usize) -> Role {
    let mut role = Role::default();
    if !doc.is_punct(end, ',') || !doc.same_sentence(end.saturating_sub(1), end + 1) {
        return role;
    }
    let mut a = end + 1;
    // Age: `X, 45, ...`.
    if doc.is_word(a) && doc.w(a).bytes().all(|b| b.is_ascii_digit()) && doc.is_punct(a + 1, ',') {
        a += 2;
    }
    // Limit: the next comma, sentence end, or 14 tokens.
    let mut b = a;
    while b < doc.toks.len()
        && b < a + 14
        && doc.same_sentence(a, b)
        && !matches!(
            doc.toks[b].kind,
            Kind::Punct(',' | ';' | ':' | '.' | ')' | '—' | '–') | Kind::Open | Kind::Close
        )
    {
        b += 1;
    }
    if a >= b {
        return role;
    }
    if doc.lw(a) == "who" {
        if matches!(
            doc.lw(a + 1),
            "heads" | "headed" | "leads" | "led" | "chairs" | "chaired" | "runs" | "ran"
        ) {
            let verb = doc.lw(a + 1);
            role.title = Some(
                match verb {
                    "heads" | "headed" => "head",
                    "leads" | "led" => "leader",
                    "chairs" | "chaired" => "chairman",
                    _ => "head",
                }
                .to_string(),
            );
            org_or_country(doc, names, registry, a + 2, capitalised_name(doc, a + 2, b), &mut role);
            return role;
        }
        if matches!(doc.lw(a + 1), "is" | "was" | "serves" | "served") {
            a += 2;
            if matches!(doc.lw(a), "as") {
                a += 1;
            }
        } else {
            return role;
        }
    }
    let mut s = a;
    while s < b && matches!(doc.lw(s), "the" | "a" | "an" | "his" | "her" | "its" | "their") {
        s += 1;
    }
    // Every word before the head must be a modifier, a capitalised word or a possessive.
    let Some((ts, te)) = title_group(doc, names, s, b) else { return role };
    // Only the first head group counts: `X, president of Y and owner of Z`.
    let (ts, te) = first_group(doc, names, ts, te, s);
    // `X, the town's deputy mayor,`: a lower-case owner before a possessive is no
    // organisation's name, but the title stands.
    let mut owner = false;
    for j in s..ts {
        let t = &doc.toks[j];
        let lower_owner = matches!(t.kind, Kind::Word)
            && !t.cap
            && doc.toks.get(j + 1).is_some_and(|n| matches!(n.kind, Kind::Poss));
        owner |= lower_owner;
        let ok = matches!(t.kind, Kind::Poss)
            || (matches!(t.kind, Kind::Word) && (t.cap || t.upper || doc.is_title_modifier(j)))
            || matches!(doc.lw(j), "of" | "and")
            || lower_owner;
        if !ok {
            return role;
        }
    }
    // `X, Uzbek Deputy Prime Minister Y`: a title written before the next name.
    if te < b && doc.is_cap_word(te) {
        return role;
    }
    role.title = Some(expand_rank(names, &doc.span_text(ts, te)));
    if te < b && matches!(doc.lw(te), "of" | "for" | "at" | "with" | "in") {
        let mut f = te + 1;
        while f < b && doc.lw(f) == "the" {
            f += 1;
        }
        let e = trim_acronym_and_connectors(doc, f, capitalised_name(doc, f, b));
        if e > f {
            org_or_country(doc, names, registry, f, e, &mut role);
        }
    }
    if ts > s && !owner {
        let mut tmp = Role::default();
        org_or_country(doc, names, registry, s, ts, &mut tmp);
        role.country = role.country.or(tmp.country);
        if role.organization.is_none() {
            role.organization = tmp.organization;
        }
    }
    role
}

/// When `title_group` found the last head, use the first head group from `from` on instead.
fn first_group(doc: &Doc<'_>, names: &Names, ts: usize, te: usize, from: usize) -> (usize, usize) {
    let mut i = from;
    while i < ts {
        let n = longest(doc, names, i, te, Phrases::TitleHead);
        if n > 0
            && doc.is_word(i)
            && let Some(group) = title_group(doc, names, from, i + n)
        {
            return group;
        }
        i += 1;
    }
    (ts, te)
}

// ---------------------------------------------------------------------------------------------
// People: merged mentions

/// A person: merged mentions, the fullest name, the best role.
#[derive(Clone, Debug)]
pub(crate) struct Person {
    pub mentions: Vec<Mention>,
    /// Index into `mentions` of the fullest name.
    pub fullest: usize,
    pub gender: Gender,
    pub confirmed: bool,
    name: String,
    /// The fullest name's words (see [`Person::words`]), written once the mentions are merged.
    words: Vec<String>,
    /// Extra mention spans (role nouns, pronoun-free back-references) added by quotes.
    pub extra: Vec<Span>,
    /// First token of the earliest mention.
    first: usize,
}

impl Person {
    /// The lower-case words of the fullest name, without particles and initials.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// The tokens of the fullest name's words.
    fn word_tokens(&self) -> &[u32] {
        self.mentions.get(self.fullest).map_or(&[], Mention::word_tokens)
    }

    /// First token of the first mention: orders people by appearance.
    pub fn first_token(&self) -> usize {
        self.first
    }

    pub fn role(&self) -> Role {
        // The role written with the fullest name, then any other.
        let full = &self.mentions[self.fullest].role;
        let mut role = full.clone();
        for m in &self.mentions {
            if role.title.is_none() && m.role.title.is_some() {
                role.title = m.role.title.clone();
                role.organization = m.role.organization.clone();
            }
            if role.country.is_none() {
                role.country = m.role.country.clone();
            }
        }
        role
    }

    fn into_speaker(self, doc: &Doc<'_>) -> Speaker {
        let role = self.role();
        let mut honorifics: Vec<String> = Vec::new();
        for m in &self.mentions {
            for h in &m.honorifics {
                if !honorifics.contains(h) {
                    honorifics.push(h.clone());
                }
            }
        }
        let mut mentions: Vec<Span> = self.mentions.iter().map(|m| doc.span(m.start, m.end)).collect();
        mentions.extend(self.extra);
        mentions.sort();
        mentions.dedup();
        Speaker {
            name: self.name,
            honorifics,
            title: role.title,
            organization: role.organization,
            country: role.country,
            mentions,
            quotes: Vec::new(),
        }
    }
}

/// How many people sharing a word a mention is compared with.
const CANDIDATES: usize = 64;

/// The lower-case text of a name word's token.
fn word_text<'d>(doc: &'d Doc<'_>, tok: u32) -> &'d str {
    doc.lw(tok as usize)
}

/// True when every word of `short` is in `long` and both end in the same word.
fn subsumes(doc: &Doc<'_>, long: &[u32], short: &[u32]) -> bool {
    let same = |a: u32, b: u32| word_text(doc, a) == word_text(doc, b);
    match (long.last(), short.last()) {
        (Some(&l), Some(&s)) => same(l, s) && short.iter().all(|&w| long.iter().any(|&x| same(x, w))),
        _ => false,
    }
}

/// `To Rosengren, a voting member ...`: a sentence-opening `To` (a surname too) before the
/// surname of someone the text names with other words is the preposition, so the mention is
/// the surname alone; `To Lam, ...`, named so throughout, stays a name.
fn drop_opening_to(doc: &Doc<'_>, mentions: &mut [Mention]) {
    let opening_to = |m: &Mention| {
        m.word_len() == 2
            && m.word_toks[0] as usize == m.start
            && doc.w(m.start) == "To"
            && starts_sentence(doc, m.start)
            && doc.is_punct(m.end, ',')
    };
    if !mentions.iter().any(opening_to) {
        return;
    }
    let named_otherwise: FastSet<&str> = mentions
        .iter()
        .filter(|m| m.word_len() >= 2 && !opening_to(m))
        .filter_map(|m| m.word_tokens().last().map(|&t| word_text(doc, t)))
        .collect();
    for m in mentions.iter_mut() {
        if opening_to(m) && named_otherwise.contains(word_text(doc, m.word_toks[1])) {
            m.start += 1;
            m.word_toks[0] = m.word_toks[1];
            m.word_count = 1;
        }
    }
}

fn merge<'d>(doc: &'d Doc<'_>, mut mentions: Vec<Mention>) -> Vec<Person> {
    drop_opening_to(doc, &mut mentions);
    // People by every word of their names, so matching looks at a few candidates, not everyone.
    // The words are the document's lower-case text: the index copies none.
    let mut by_word = WordIndex::with_capacity(2 * mentions.len());
    let mut people: Vec<Person> = Vec::with_capacity(mentions.len());
    let mut singles: Vec<Mention> = Vec::with_capacity(mentions.len());
    let new_person = |m: Mention| Person {
        gender: m.gender,
        confirmed: m.strong,
        name: String::new(),
        words: Vec::new(),
        fullest: 0,
        first: m.start,
        mentions: vec![m],
        extra: Vec::new(),
    };
    let index = |by_word: &mut WordIndex<'d>, words: &[u32], pi: usize| {
        for &w in words {
            by_word.add(word_text(doc, w), pi);
        }
    };
    for m in mentions {
        if m.word_len() == 1 {
            singles.push(m);
            continue;
        }
        let found = m.word_tokens().last().and_then(|&last| {
            by_word.newest(word_text(doc, last)).take(CANDIDATES).find(|&pi| {
                let known = people[pi].word_tokens();
                subsumes(doc, known, m.word_tokens()) || subsumes(doc, m.word_tokens(), known)
            })
        });
        let pi = match found {
            Some(pi) => {
                add_mention(&mut people[pi], m);
                pi
            }
            None => {
                people.push(new_person(m));
                people.len() - 1
            }
        };
        // The mention just added is the person's last.
        if let Some(added) = people[pi].mentions.last() {
            index(&mut by_word, added.word_tokens(), pi);
        }
    }
    // Surname-only mentions join the person of that surname named nearest before them (or the
    // first one after, for a surname used before the full name); else a given name used alone.
    // An honorific's gender must fit (`Mrs. Clinton` is not `Bill Clinton`).
    for m in singles {
        let Some(&word_tok) = m.word_tokens().first() else { continue };
        let word = word_text(doc, word_tok);
        let is_word = |t: &u32| word_text(doc, *t) == word;
        // The given name of a name wrapped onto two lines is someone else's than the names
        // written whole around it.
        let wrapped = given_before_wrap(doc, m.start, m.end);
        let list = if wrapped { None } else { by_word.head(word) };
        // Only an honorific tells a lone surname's gender (`Warren` alone is no given name).
        let gender = if m.honorifics.is_empty() { Gender::Unknown } else { m.gender };
        let candidates =
            || by_word.from(list).take(CANDIDATES).filter(|&pi| people[pi].gender.compatible(gender));
        let owner = candidates()
            .filter(|&pi| {
                let w = people[pi].word_tokens();
                w.last().is_some_and(is_word)
                    || (w.len() > 2 && w[1..].iter().any(is_word))
                    || (w.len() > 1 && is_word(&w[0]))
            })
            .min_by_key(|&pi| {
                let p = &people[pi];
                let s = p.first_token();
                let by_last = usize::from(!p.word_tokens().last().is_some_and(is_word));
                if s <= m.start { (by_last, 0, m.start - s) } else { (by_last, 1, s - m.start) }
            })
            .or_else(|| candidates().find(|&pi| matches!(people[pi].word_tokens(), [only] if is_word(only))));
        match owner {
            Some(pi) => add_mention(&mut people[pi], m),
            None => {
                people.push(new_person(m));
                let pi = people.len() - 1;
                index(&mut by_word, people[pi].word_tokens(), pi);
            }
        }
    }
    for p in &mut people {
        p.mentions.sort_by_key(|m| m.start);
        p.fullest = p
            .mentions
            .iter()
            .enumerate()
            .max_by_key(|(i, m)| (m.word_len(), std::cmp::Reverse(*i)))
            .map_or(0, |(i, _)| i);
        let m = &p.mentions[p.fullest];
        p.name = doc.span_text(m.start, m.end);
        p.words = m.word_tokens().iter().map(|&t| word_text(doc, t).to_string()).collect();
    }
    people.sort_by_key(Person::first_token);
    people
}

/// The people named by each word, newest first: one chain per word through a single list, so a
/// word costs no list of its own.
struct WordIndex<'d> {
    /// Each word's newest link.
    heads: FastMap<&'d str, usize>,
    /// A person and the link to the one indexed before them under the same word.
    links: Vec<(usize, Option<usize>)>,
}

impl<'d> WordIndex<'d> {
    fn with_capacity(n: usize) -> WordIndex<'d> {
        let mut heads = FastMap::default();
        heads.reserve(n);
        WordIndex { heads, links: Vec::with_capacity(n) }
    }

    /// Lists person `pi` under `word`, unless they are its newest already.
    fn add(&mut self, word: &'d str, pi: usize) {
        let head = self.heads.get(word).copied();
        if head.and_then(|h| self.links.get(h)).is_some_and(|&(p, _)| p == pi) {
            return;
        }
        self.links.push((pi, head));
        self.heads.insert(word, self.links.len() - 1);
    }

    /// The newest link of `word`.
    fn head(&self, word: &str) -> Option<usize> {
        self.heads.get(word).copied()
    }

    /// The people of the chain from `link` on, newest first.
    fn from(&self, link: Option<usize>) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(link.and_then(|l| self.links.get(l)), |&&(_, next)| {
            next.and_then(|l| self.links.get(l))
        })
        .map(|&(pi, _)| pi)
    }

    /// The people listed under `word`, newest first.
    fn newest(&self, word: &str) -> impl Iterator<Item = usize> + '_ {
        self.from(self.head(word))
    }
}

/// `Halvard Marine NV ... Halvard said`, `Norhavn Fisk ASA ... Norhavn Fisk said`: a name written,
/// in the same story, inside a company's name with its legal form is the company's short name.
/// `the evening newspaper Kurier ... Kurier said`: a name that is the whole of an organisation's
/// name elsewhere in the story is that organisation. Either way its mentions become the
/// organisation's, so what it said is the organisation's. Someone with an honorific or a title
/// stays a person (`Mr. Vale`, `chairman Orrin Vale`).
fn drop_organisation_names(
    doc: &Doc<'_>,
    people: &mut Vec<Person>,
    organizations: &mut [Organization],
    names: &Names,
) {
    if organizations.is_empty() {
        return;
    }
    // The organisations indexed by lower-case word, a few candidates per word: a company by its
    // every word, since its name may hold the person's words anywhere, with those words kept;
    // any other by its first word (`None`), since its name must be just the person's words.
    let mut candidates: Vec<(usize, Option<Vec<String>>)> = Vec::with_capacity(organizations.len());
    let mut by_word: FastMap<String, Vec<usize>> = FastMap::default();
    let mut lower = String::new();
    let mut index = |word: String, candidate: usize| {
        let list = by_word.entry(word).or_default();
        if list.len() < CANDIDATES && list.last() != Some(&candidate) {
            list.push(candidate);
        }
    };
    for (o, org) in organizations.iter().enumerate() {
        let legal = org_words(&org.name).any(|w| {
            lower.clear();
            lower.push_str(w);
            lower.make_ascii_lowercase();
            names.is_legal_form(&lower)
        });
        if legal {
            let words: Vec<String> = org_words(&org.name).map(str::to_ascii_lowercase).collect();
            for w in &words {
                index(w.clone(), candidates.len());
            }
            candidates.push((o, Some(words)));
        } else if let Some(first) = org_words(&org.name).next() {
            index(first.to_ascii_lowercase(), candidates.len());
            candidates.push((o, None));
        }
    }
    let whole_name = |org: &Organization, words: &[String]| {
        let mut written = org_words(&org.name);
        words.iter().all(|w| written.next().is_some_and(|x| x.eq_ignore_ascii_case(w)))
            && written.next().is_none()
    };
    let organisation_of = |p: &Person| {
        let words = p.words();
        let first = words.first()?;
        if p.mentions.iter().any(|m| !m.honorifics.is_empty() || m.role.title.is_some()) {
            return None;
        }
        let list = by_word.get(first)?;
        list.iter().map(|&c| &candidates[c]).find_map(|(o, company)| {
            let holds = match company {
                Some(name) => name.windows(words.len()).any(|w| w == words),
                None => whole_name(&organizations[*o], words),
            };
            holds.then_some(*o)
        })
    };
    let mut moved: Vec<(usize, Span)> = Vec::new();
    people.retain(|p| {
        let Some(o) = organisation_of(p) else { return true };
        moved.extend(p.mentions.iter().map(|m| (o, doc.span(m.start, m.end))));
        false
    });
    for &(o, span) in &moved {
        organizations[o].mentions.push(span);
    }
    let mut touched: Vec<usize> = moved.iter().map(|&(o, _)| o).collect();
    touched.sort_unstable();
    touched.dedup();
    for o in touched {
        organizations[o].mentions.sort();
        organizations[o].mentions.dedup();
    }
}

/// The words of an organisation's name, as in a person's words: initials left out (`Orrin J.
/// Vale & Co`).
fn org_words(name: &str) -> impl Iterator<Item = &str> {
    name.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().nth(1).is_some())
}

fn add_mention(p: &mut Person, m: Mention) {
    if p.gender == Gender::Unknown {
        p.gender = m.gender;
    }
    p.confirmed |= m.strong;
    p.first = p.first.min(m.start);
    if m.word_len() > p.word_tokens().len() {
        p.fullest = p.mentions.len();
    }
    p.mentions.push(m);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particle_words_are_the_lower_case_particles_only() {
        for w in [
            "bin", "bint", "ibn", "al", "el", "ul", "ud", "da", "de", "del", "della", "di", "dos", "das",
            "du", "van", "von", "der", "den", "la", "le", "ter", "ten", "ould", "abu", "y", "zu",
        ] {
            assert!(is_particle_word(w), "{w}");
        }
        for w in ["", "Van", "DE", "vanx", "bi", "dell", "o", "y'"] {
            assert!(!is_particle_word(w), "{w}");
        }
    }
}
