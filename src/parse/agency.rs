//! Agency: which agency produced the copy — from the dateline marker, a lead credit (`AP - `), the
//! sign-off, or credit lines — and which agencies the story only cites.

use crate::article::{Agency, AgencyEvidence, Span, Text};
use crate::registry::{AgencyEntry, Registry};

/// The producing agency and the agencies cited.
#[derive(Debug, Default)]
pub struct Credits {
    /// The agency credited for the copy.
    pub agency: Option<Agency>,
    /// Agencies named only as sources.
    pub cited: Vec<Agency>,
}

/// Finds the producing agency from the strongest evidence available.
pub fn detect(
    text: &str,
    dateline_marker: Option<&(String, Span)>,
    paragraphs: &[Text],
    sign_off: &[Text],
    registry: &Registry,
) -> Credits {
    let mut credits = Credits::default();
    if let Some((marker, span)) = dateline_marker {
        credits.agency = resolve(marker, *span, AgencyEvidence::Dateline, registry);
    }
    if credits.agency.is_none() {
        credits.agency = paragraphs.first().and_then(|p| lead_credit(text, p, registry));
    }
    if credits.agency.is_none() {
        credits.agency = sign_off.iter().rev().find_map(|line| {
            let core =
                line.text.trim_matches(|c: char| c == '-' || c == '(' || c == ')' || c.is_whitespace());
            resolve(core, line.span, AgencyEvidence::SignOff, registry)
        });
    }
    credits
}

/// `AP - A company said ...`: an agency name followed by a dash opening the first paragraph.
fn lead_credit(text: &str, first: &Text, registry: &Registry) -> Option<Agency> {
    let raw = first.span.slice(text);
    let (name, _) = raw.split_once(" - ")?;
    if name.len() > 30 {
        return None;
    }
    let span = Span::new(first.span.start, first.span.start + name.len());
    resolve(name, span, AgencyEvidence::Dateline, registry)
}

/// The agency a marker names; `Sapa-AFP` is credited to the last agency that is known.
fn resolve(marker: &str, span: Span, evidence: AgencyEvidence, registry: &Registry) -> Option<Agency> {
    let entry = registry
        .agencies
        .lookup(marker)
        .or_else(|| marker.rsplit(['-', '/']).find_map(|part| registry.agencies.lookup(part.trim())))?;
    Some(agency(entry, marker, span, evidence))
}

fn agency(entry: &AgencyEntry, marker: &str, span: Span, evidence: AgencyEvidence) -> Agency {
    Agency {
        code: entry.code.clone(),
        name: entry.name.clone(),
        country: entry.country.clone(),
        marker: marker.to_string(),
        span,
        evidence,
    }
}
