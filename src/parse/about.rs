//! What the story is about: the countries and organisations it names, ranked by prominence.
//!
//! A mention counts with the position weight of where it is (headline and lead count more),
//! repeats of one subject count less each time, and the dateline's country gets a bonus: a story
//! filed from Tehran is about Iran unless the text says otherwise.

use super::topics::Region;
use crate::article::{Dateline, Organization, Span, Subject, SubjectKind};
use crate::registry::FastMap;
use crate::registry::countries::CountryNames;

const DATELINE_BONUS: f64 = 2.0;
const MAX_SUBJECTS: usize = 10;

/// Countries and organisations in `regions`, most prominent first.
pub fn rank(
    text: &str,
    regions: &[Region],
    dateline: Option<&Dateline>,
    organizations: &[Organization],
) -> Vec<Subject> {
    let names = CountryNames::embedded();
    // The region holding a span, by binary search over the regions in text order.
    let mut ordered: Vec<&Region> = regions.iter().collect();
    ordered.sort_by_key(|r| r.span.start);
    let weight_at = |span: Span| -> f64 {
        let i = ordered.partition_point(|r| r.span.start <= span.start);
        i.checked_sub(1).map(|i| ordered[i]).filter(|r| r.span.contains(&span)).map_or(0.0, |r| r.weight)
    };

    // Keyed by borrowed names and codes: a mention costs no allocation.
    // Sized for a typical story's countries and organisations, so the table rarely grows.
    let mut found: FastMap<(SubjectKind, &str), Subject> =
        FastMap::with_capacity_and_hasher(16 + organizations.len(), Default::default());
    let country = |code: &str| Subject {
        kind: SubjectKind::Country,
        name: names.name(code).to_string(),
        code: Some(code.to_string()),
        score: 0.0,
        mentions: Vec::new(),
    };
    let dateline_span = dateline.map(|d| d.span);
    for region in regions {
        let Some(slice) = text.get(region.span.start..region.span.end) else { continue };
        for (code, span) in names.find(slice) {
            let span = span.shifted(region.span.start);
            // The dateline's place is counted once, through the bonus below.
            if dateline_span.is_some_and(|d| d.contains(&span)) {
                continue;
            }
            let entry = found.entry((SubjectKind::Country, code)).or_insert_with(|| country(code));
            entry.mentions.push(span);
            entry.score += region.weight / entry.mentions.len() as f64;
        }
    }
    if let Some(code) = dateline.and_then(|d| d.country.as_deref()) {
        let entry = found.entry((SubjectKind::Country, code)).or_insert_with(|| country(code));
        entry.score += DATELINE_BONUS;
    }
    for org in organizations {
        let mut mentions = org.mentions.clone();
        mentions.sort();
        let score: f64 = mentions.iter().enumerate().map(|(i, m)| weight_at(*m) / (i + 1) as f64).sum();
        if score > 0.0 {
            let subject = Subject {
                kind: SubjectKind::Organization,
                name: org.name.clone(),
                code: None,
                score,
                mentions,
            };
            found.insert((SubjectKind::Organization, org.name.as_str()), subject);
        }
    }

    let mut subjects: Vec<Subject> = found.into_values().collect();
    for s in &mut subjects {
        s.mentions.sort();
    }
    subjects.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.name.cmp(&b.name)).then(a.code.cmp(&b.code)));
    subjects.truncate(MAX_SUBJECTS);
    let best = subjects.first().map_or(1.0, |s| s.score);
    for s in &mut subjects {
        s.score = (s.score / best * 10_000.0).round() / 10_000.0;
    }
    subjects
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisations_rank_by_where_and_how_often_they_are_named() {
        let text = "Union Talks Resume\n\nThe Widget Workers Union met the Acme Group on Monday.\n\n\
                    Acme Group said the Widget Workers Union wanted more. Acme Group declined.";
        let headline = Region { span: Span::new(0, 18), weight: 3.0 };
        let lead = Region { span: Span::new(20, 74), weight: 2.0 };
        let body = Region { span: Span::new(76, text.len()), weight: 1.0 };
        let find = |name: &str| -> Vec<Span> {
            text.match_indices(name).map(|(i, m)| Span::new(i, i + m.len())).collect()
        };
        let org = |name: &str| Organization { name: name.to_string(), acronym: None, mentions: find(name) };
        let orgs = [org("Acme Group"), org("Widget Workers Union")];
        let about = rank(text, &[body, headline, lead], None, &orgs);
        let names: Vec<&str> = about.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Acme Group", "Widget Workers Union"]);
        assert!(about.iter().all(|s| s.kind == SubjectKind::Organization && s.code.is_none()));
        assert_eq!(about[0].score, 1.0);
        assert_eq!(about[0].mentions.len(), 3);
    }
}
