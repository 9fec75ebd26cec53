//! The pipeline's stages, one per file, each a small function over the text.
//!
//! Order (see [`crate::Parser::parse`]): layout → header → headline → byline → dateline → body →
//! agency → timestamps' zones → dates → speakers → topics.

pub mod about;
pub mod agency;
pub mod body;
pub mod byline;
pub mod dateline;
pub mod dates;
pub mod header;
pub mod headline;
pub mod keyphrases;
pub mod layout;
pub mod organizations;
pub mod quotes;
pub mod speakers;
pub mod timestamp;
pub mod topics;

use std::cell::RefCell;
use std::rc::Rc;

pub use layout::Line;

use crate::article::Span;
use crate::registry::Registry;

/// How many parsed dateline leads [`Lines`] keeps: the stages ask about a few opening lines each,
/// and a bound keeps the look-up in the list cheap whatever a caller asks.
const KEPT_LEADS: usize = 16;

/// The input's non-blank lines in order, with the block each belongs to, and a cursor: each
/// front-matter stage takes the lines it recognises, the body takes the rest.
#[derive(Debug)]
pub struct Lines<'t> {
    /// The whole input.
    pub text: &'t str,
    /// Every non-blank line with its block number.
    pub lines: Vec<(Line, usize)>,
    /// Index of the first line not yet taken.
    pub pos: usize,
    /// Dateline leads parsed so far, by the span parsed (see [`Lines::lead`]).
    leads: RefCell<Vec<(Span, Option<Rc<dateline::Found>>)>>,
}

impl<'t> Lines<'t> {
    /// The lines of `text`.
    pub fn new(text: &'t str) -> Self {
        Lines { text, lines: layout::numbered_lines(text), pos: 0, leads: RefCell::default() }
    }

    /// The dateline lead opening `span` of the text ([`dateline::parse_lead`]), parsed once: the
    /// headline, dateline and agency stages all ask about the same few opening lines.
    pub fn lead(&self, span: Span, registry: &Registry) -> Option<Rc<dateline::Found>> {
        if let Some((_, found)) = self.leads.borrow().iter().find(|(s, _)| *s == span) {
            return found.clone();
        }
        let found = dateline::parse_lead(span.slice(self.text), span.start, registry).map(Rc::new);
        let mut leads = self.leads.borrow_mut();
        if leads.len() < KEPT_LEADS {
            leads.push((span, found.clone()));
        }
        found
    }

    /// The next untaken line's text.
    #[cfg(test)]
    pub fn peek(&self) -> Option<&'t str> {
        self.peek_at(0)
    }

    /// The untaken line `ahead` positions after the next one.
    pub fn peek_at(&self, ahead: usize) -> Option<&'t str> {
        self.lines.get(self.pos + ahead).map(|(l, _)| l.span.slice(self.text))
    }

    /// The next untaken line.
    pub fn line(&self) -> Option<Line> {
        self.lines.get(self.pos).map(|(l, _)| *l)
    }

    /// The block number of the untaken line `ahead` positions on.
    pub fn block_at(&self, ahead: usize) -> Option<usize> {
        self.lines.get(self.pos + ahead).map(|(_, b)| *b)
    }

    /// Takes the next line.
    pub fn take(&mut self) -> Option<Line> {
        let line = self.line()?;
        self.pos += 1;
        Some(line)
    }

    /// Lines not yet taken.
    pub fn remaining(&self) -> &[(Line, usize)] {
        &self.lines[self.pos.min(self.lines.len())..]
    }
}
