//! Topics: IPTC Media Topics with scores and evidence, and keyphrases.
//!
//! One pass of the lexicon automaton over the headline and each paragraph. Every match adds its
//! term weight times a position weight (the headline and the lead count more) to its topic and,
//! through the hierarchy, to every broader topic. A topic's score is its share of the evidence for
//! all top-level topics, damped when there is little evidence at all; the evidence for subjects
//! without a news desk of their own (health, labour, disaster ...; the lexicon lists the desks)
//! counts less in that share, so a desk subject with close evidence comes first.

use super::keyphrases::Words;
use crate::article::{Evidence, Keyphrase, Span, Text, Topic};
use crate::registry::{FastMap, Registry, TopicLexicon, Vocabulary};

/// How much a match counts by where it is.
const HEADLINE_WEIGHT: f64 = 3.0;
const LEAD_WEIGHT: f64 = 2.0;
const SECOND_PARAGRAPH_WEIGHT: f64 = 1.5;
const BODY_WEIGHT: f64 = 1.0;

/// Evidence total at which confidence reaches 1 - 1/e.
const CONFIDENCE_SCALE: f64 = 6.0;
/// A top-level topic is reported when its share of the evidence is at least this.
const MIN_TOP_SHARE: f64 = 0.12;
/// A narrower topic is reported when it holds at least this share of its top level's evidence.
const MIN_SUB_SHARE_OF_TOP: f64 = 0.15;
const MAX_TOP_LEVEL: usize = 5;
const MAX_TOPICS: usize = 12;
const MAX_EVIDENCE: usize = 8;

/// How much the evidence for any other subject counts against a desk subject: a school bill in
/// the senate is a politics story with twice as many school words as senate words.
const SPECIAL_INTEREST_WEIGHT: f64 = 0.4;

/// A result written as `3-1` or `112-106` near the top of a story is evidence for sport.
const SCORE_TOPIC: &str = "medtop:15000000";
const SCORE_WEIGHT: f32 = 2.0;
/// How it is shown as evidence.
const SCORE_TERM: &str = "score n-n";
/// Results sit in the headline and the first paragraphs; looking further finds only tallies.
const SCORE_REGIONS: usize = 3;
/// Words after `5-4` that make it a tally, not a result.
const TALLY_WORDS: &[&str] = &["vote", "votes", "ruling", "decision", "majority", "verdict"];

/// A stretch of the text to classify and how much its matches count.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Region {
    /// Where it is.
    pub span: Span,
    /// Position weight.
    pub weight: f64,
}

/// Topics and keyphrases of the article.
pub fn classify(
    text: &str,
    headline: Option<&Text>,
    paragraphs: &[Text],
    registry: &Registry,
) -> (Vec<Topic>, Vec<Keyphrase>) {
    let regions = regions(headline, paragraphs);
    // The words are read once: the keyphrases are made of them, and the lexicon scan starts
    // only where they do.
    let words = super::keyphrases::read(text, &regions, Some(&registry.topics));
    let topics = topics(text, &regions, &registry.topics, Some(&words));
    let keyphrases = super::keyphrases::extract_read(text, &regions, words);
    (topics, keyphrases)
}

/// The headline and paragraphs with their position weights.
pub fn regions(headline: Option<&Text>, paragraphs: &[Text]) -> Vec<Region> {
    let mut regions = Vec::with_capacity(paragraphs.len() + 1);
    if let Some(h) = headline {
        regions.push(Region { span: h.span, weight: HEADLINE_WEIGHT });
    }
    for (i, p) in paragraphs.iter().enumerate() {
        let weight = match i {
            0 => LEAD_WEIGHT,
            1 => SECOND_PARAGRAPH_WEIGHT,
            _ => BODY_WEIGHT,
        };
        regions.push(Region { span: p.span, weight });
    }
    regions
}

/// The evidence for one topic, its own and its narrower topics'.
struct Tally {
    total: f64,
    /// Where the topic is first mentioned: of two topics with equal evidence, the one the story
    /// opens with (headline first) is what it is about.
    first: usize,
    /// A hit is for the topic itself, not only for a narrower one.
    direct: bool,
}

struct Hit<'l> {
    topic: usize,
    term: &'l str,
    span: Span,
    weight: f64,
}

/// Media Topics for the text in `regions`, highest score first; with the words of the regions
/// when they were read, the lexicon scan starts only where they do.
pub(crate) fn topics(
    text: &str,
    regions: &[Region],
    lexicon: &TopicLexicon,
    words: Option<&Words>,
) -> Vec<Topic> {
    let vocabulary = lexicon.vocabulary();
    // Sized for a typical story (a few dozen matches) so the lists rarely grow.
    let mut hits: Vec<Hit<'_>> = Vec::with_capacity(64);
    // Repeats of one term count less each time: 1, 1/2, 1/3 ...
    let mut repeats: FastMap<(usize, usize), u32> = FastMap::with_capacity_and_hasher(64, Default::default());
    let mut add = |topic: usize, pattern: usize, term, span, weight: f32, region: &Region| {
        let seen = repeats.entry((topic, pattern)).or_insert(0);
        *seen += 1;
        let weight = f64::from(weight) * region.weight / f64::from(*seen);
        hits.push(Hit { topic, term, span, weight });
    };
    let score_topic = vocabulary.index(SCORE_TOPIC);
    // One list of matches for every region and one of entries for every span.
    // Sized for a paragraph's matches, so they rarely grow.
    let (mut found, mut entries) = (Vec::with_capacity(32), Vec::with_capacity(8));
    for (r, region) in regions.iter().enumerate() {
        let Some(slice) = text.get(region.span.start..region.span.end) else { continue };
        // Patterns over one span count for each of their topics, each topic once.
        match words.filter(|_| lexicon.starts_in_words()).and_then(|w| w.starts_resuming(r)) {
            Some((starts, resume_of, resumes)) => {
                lexicon.find_resuming_into(slice, starts, resume_of, resumes, &mut found)
            }
            None => lexicon.find_into(slice, &mut found),
        }
        for same_span in found.chunk_by(|a, b| a.span == b.span) {
            let span = same_span[0].span.shifted(region.span.start);
            lexicon.span_entries_into(same_span, slice, &mut entries);
            for e in &entries {
                add(e.topic, e.pattern, e.term, span, e.weight, region);
            }
        }
        if let Some(topic) = score_topic.filter(|_| r < SCORE_REGIONS) {
            for span in scores(slice) {
                add(topic, usize::MAX, SCORE_TERM, span.shifted(region.span.start), SCORE_WEIGHT, region);
            }
        }
    }
    if hits.is_empty() {
        return Vec::new();
    }

    // Evidence for each topic and, through the hierarchy, for every broader one. A story
    // touches a few dozen of the thousand topics: a map of those costs less than clearing a
    // slot for every topic.
    let mut tallies: FastMap<usize, Tally> = FastMap::with_capacity_and_hasher(64, Default::default());
    let mut direct: Vec<usize> = Vec::new();
    for hit in &hits {
        let mut node = Some(hit.topic);
        while let Some(n) = node {
            let tally = tallies.entry(n).or_insert(Tally { total: 0.0, first: usize::MAX, direct: false });
            tally.total += hit.weight;
            tally.first = tally.first.min(hit.span.start);
            if n == hit.topic && !tally.direct {
                tally.direct = true;
                direct.push(n);
            }
            node = vocabulary.parent_index(n);
        }
    }
    let total = |t: usize| tallies.get(&t).map_or(0.0, |tally| tally.total);
    let top_of = |topic: usize| -> usize {
        let mut node = topic;
        while let Some(parent) = vocabulary.parent_index(node) {
            node = parent;
        }
        node
    };
    // The subjects with a desk of their own lead a story they share with a narrower interest:
    // the order and scores weigh the other subjects down, which subjects are reported does not.
    let ranked = |topic: usize, weight: f64| {
        if lexicon.is_desk(top_of(topic)) { weight } else { weight * SPECIAL_INTEREST_WEIGHT }
    };

    // Weights are positive, so a topic with evidence has a positive total.
    let mut tops: Vec<(usize, f64)> = tallies
        .iter()
        .filter(|(t, tally)| tally.total > 0.0 && vocabulary.topic(**t).level == 1)
        .map(|(t, tally)| (*t, tally.total))
        .collect();
    let first_at = |t: usize| tallies.get(&t).map_or(usize::MAX, |tally| tally.first);
    // Ranked weight, then first mention, then code; the keys are computed once per topic, not
    // at every comparison (each walks the hierarchy and looks the topic up).
    let sort_by_rank = |items: &mut Vec<(usize, f64)>| {
        let mut keyed: Vec<(f64, usize, usize, f64)> =
            items.iter().map(|&(t, w)| (ranked(t, w), first_at(t), t, w)).collect();
        keyed.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        items.clear();
        items.extend(keyed.iter().map(|&(_, _, t, w)| (t, w)));
    };
    sort_by_rank(&mut tops);
    let sum: f64 = tops.iter().map(|(_, w)| w).sum();
    let ranked_sum: f64 = tops.iter().map(|(t, w)| ranked(*t, *w)).sum();
    let confidence = 1.0 - (-sum / CONFIDENCE_SCALE).exp();
    let score = |t: usize, w: f64| round4((ranked(t, w) / ranked_sum * confidence).clamp(0.0, 1.0));

    let chosen_tops: Vec<(usize, f64)> = tops
        .iter()
        .enumerate()
        .filter(|(i, (_, w))| *i == 0 || w / sum >= MIN_TOP_SHARE)
        .map(|(_, t)| *t)
        .take(MAX_TOP_LEVEL)
        .collect();

    let mut chosen: Vec<(usize, f64)> = chosen_tops.clone();
    let mut subs: Vec<(usize, f64)> = direct
        .iter()
        .filter(|t| vocabulary.topic(**t).level > 1)
        .filter_map(|t| {
            let top = top_of(*t);
            let top_weight = chosen_tops.iter().find(|(c, _)| *c == top)?.1;
            let weight = total(*t);
            (weight >= MIN_SUB_SHARE_OF_TOP * top_weight).then_some((*t, weight))
        })
        .collect();
    sort_by_rank(&mut subs);
    chosen.extend(subs);

    // Scored and ordered first, so only the reported topics gather evidence. Equal (rounded)
    // scores keep the order of the evidence: weight, then first mention.
    let mut scored: Vec<(f64, u8, usize)> = chosen
        .iter()
        .map(|&(topic, weight)| (score(topic, weight), vocabulary.topic(topic).level, topic))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.truncate(MAX_TOPICS);

    // Strongest first, once for all topics: a stable sort, so each topic's share of it is in the
    // order its own sort would give.
    let mut strongest: Vec<&Hit<'_>> = hits.iter().collect();
    strongest.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.span.cmp(&b.span)));
    scored
        .into_iter()
        .map(|(score, _, topic)| {
            let concept = vocabulary.topic(topic);
            Topic {
                code: concept.code.clone(),
                label: concept.label.clone(),
                score,
                top_level: concept.top_level.clone(),
                evidence: evidence(&strongest, topic, vocabulary),
            }
        })
        .collect()
}

/// The strongest matches for `topic` or any narrower topic, one per place; `strongest` is every
/// hit, strongest first.
fn evidence(strongest: &[&Hit<'_>], topic: usize, vocabulary: &Vocabulary) -> Vec<Evidence> {
    let under = |mut node: usize| loop {
        if node == topic {
            return true;
        }
        match vocabulary.parent_index(node) {
            Some(parent) => node = parent,
            None => return false,
        }
    };
    let mut evidence: Vec<Evidence> = Vec::with_capacity(MAX_EVIDENCE);
    for hit in strongest.iter().filter(|h| under(h.topic)) {
        if evidence.iter().any(|e| e.span == hit.span) {
            continue;
        }
        evidence.push(Evidence { term: hit.term.to_string(), span: hit.span });
        if evidence.len() == MAX_EVIDENCE {
            break;
        }
    }
    evidence
}

/// Results such as `3-1`, `7-6` or `112-106`: one to three digits on each side of a hyphen,
/// standing alone (not `2004-05`, `1-800-555`, `$3-4`, `5-4 vote`).
fn scores(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let digits_before =
        |end: usize| bytes[..end].iter().rev().take(4).take_while(|b| b.is_ascii_digit()).count();
    let digits_after =
        |start: usize| bytes[start..].iter().take(4).take_while(|b| b.is_ascii_digit()).count();
    let free_before = |i: usize| {
        text.get(..i).and_then(|s| s.chars().next_back()).is_none_or(|c| {
            !(c.is_alphanumeric() || matches!(c, '$' | '£' | '€' | '.' | ',' | '-' | '/' | ':'))
        })
    };
    let free_after = |i: usize| {
        let rest = text.get(i..).unwrap_or("");
        let mut chars = rest.chars();
        match chars.next() {
            None => true,
            Some(c) if c.is_alphanumeric() || matches!(c, '%' | '-' | '/' | ':') => false,
            Some('.' | ',') => !chars.next().is_some_and(|n| n.is_ascii_digit()),
            Some(_) => {
                let next_word = rest.trim_start().split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                !TALLY_WORDS.iter().any(|w| w.eq_ignore_ascii_case(next_word))
            }
        }
    };
    // Hyphens are few: memchr finds them without a test of every byte.
    memchr::memchr_iter(b'-', bytes).filter_map(move |i| {
        let (before, after) = (digits_before(i), digits_after(i + 1));
        let (start, end) = (i - before, i + 1 + after);
        ((1..=3).contains(&before) && (1..=3).contains(&after) && free_before(start) && free_after(end))
            .then(|| Span::new(start, end))
    })
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
