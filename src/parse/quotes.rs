//! Quotes: direct speech in quotation marks and indirect speech after a reporting verb, each
//! attributed to a person found by [`super::speakers`].
//!
//! Direct quotes are attributed by the cue next to them (`"...," X said`, `"...," said X`,
//! `X said: "..."`), else by the speaker of the same paragraph, else by the quote they continue
//! (a paragraph that opens a quote without closing it runs on into the next). Indirect speech is
//! `X said (that) ...`, `X told Reuters ...`, `..., X said.`, `according to X, ...` and `...,
//! according to X.` A subject `he`/`she` goes to the last person named before it whose gender
//! fits; `the minister` goes to the last person with that title.
//!
//! The same cues attribute speech to a non-person source when no person is named as the subject:
//! an organisation (`the State Department said`, `the Clinton campaign said`) or a group
//! (`Republicans say`, `police said`). Such a source counts only where it stands on its own, not
//! as a modifier (`State Department spokesman X said` is X's quote).

use std::sync::OnceLock;

use super::speakers::{Doc, Kind, Person, is_particle_word};
use super::timestamp::is_weekday;
use crate::article::{Organization, Quote, QuoteKind, Source, SourceKind, Span};
use crate::registry::names::{Gender, Names};
use crate::registry::{FastMap, FastSet};

/// Quotes with the index of the person (in `people`) each is attributed to, and the
/// organisations, groups and unnamed sources reported as speaking, with their quotes.
pub(crate) fn find(
    doc: &Doc<'_>,
    names: &Names,
    people: &mut [Person],
    organizations: &[Organization],
) -> (Vec<(usize, Quote)>, Vec<Source>) {
    let mut index = MentionIndex::new(doc, people);
    let lists = TokenLists::new(doc);
    // Speaker numbers from `people.len()` on are sources.
    let mut sources = source_mentions(doc, &lists, people, organizations);
    index.add_sources(people.len(), &sources.mentions);
    let mut paras: Vec<(usize, usize)> = Vec::new();
    let mut sent_first: Vec<usize> = Vec::new();
    for (i, t) in doc.toks.iter().enumerate() {
        let p = t.para as usize;
        if paras.len() <= p {
            paras.resize(p + 1, (t.start, t.end));
        }
        paras[p].1 = t.end;
        if sent_first.len() <= t.sent as usize {
            sent_first.resize(t.sent as usize + 1, i);
        }
    }
    let roles = people.iter().map(Person::role).collect();
    let ctx = Ctx { doc, names, people, index, paras, sent_first, roles, lists };
    let directs = ctx.direct_spans();
    let mut inside = vec![false; doc.toks.len()];
    for d in &directs {
        for flag in inside.iter_mut().take(d.content_end).skip(d.open) {
            *flag = true;
        }
    }
    let mut out: Vec<(usize, Quote)> = Vec::new();
    let mut indirect = ctx.indirect(&inside);
    indirect.sort_by_key(|(_, q, _)| q.span.start);
    let direct = ctx.attribute_directs(&directs, &indirect);
    let n_people = ctx.people.len();
    let headline = ctx.headline_quote(organizations).map(|(speaker, q)| match speaker {
        HeadlineSpeaker::Person(pi) => (pi, q, None),
        HeadlineSpeaker::Source(name, kind, span) => {
            (n_people + sources.add_unindexed(name, kind, span), q, None)
        }
    });
    for (person, q, extra) in direct.into_iter().chain(indirect).chain(headline) {
        if let Some(span) = extra
            && let Some(p) = ctx.people.get_mut(person)
        {
            p.extra.push(span);
        }
        out.push((person, q));
    }
    // A direct quote inside a paraphrase is part of that paraphrase.
    let mut paraphrases: Vec<Span> =
        out.iter().filter(|(_, q)| q.kind == QuoteKind::Indirect).map(|(_, q)| q.span).collect();
    paraphrases.sort();
    // The furthest end among paraphrases starting at or before each one.
    let reach: Vec<usize> = paraphrases
        .iter()
        .scan(0, |max, s| {
            *max = s.end.max(*max);
            Some(*max)
        })
        .collect();
    out.retain(|(_, q)| {
        if q.kind == QuoteKind::Indirect {
            return true;
        }
        let before = paraphrases.partition_point(|s| s.start <= q.span.start);
        before == 0 || reach[before - 1] < q.span.end || paraphrases[before - 1] == q.span
    });
    out.sort_by_key(|(_, q)| q.span);
    out.dedup_by(|a, b| a.1.span == b.1.span);
    let (said, by_sources): (Vec<_>, Vec<_>) = out.into_iter().partition(|(pi, _)| *pi < n_people);
    for (si, q) in by_sources {
        if let Some(source) = sources.list.get_mut(si - n_people) {
            source.quotes.push(q);
        }
    }
    sources.list.retain(|s| !s.quotes.is_empty());
    (said, sources.list)
}

/// Who a headline reports: a person of the story, or a source with its name, kind and span.
enum HeadlineSpeaker {
    Person(usize),
    Source(String, SourceKind, Span),
}

/// Organisations, groups and unnamed sources that stand on their own as a noun phrase, any of
/// which may be the subject of a report.
#[derive(Default)]
struct Sources {
    list: Vec<Source>,
    /// (first token, end token, index in `list`) of every mention.
    mentions: Vec<(usize, usize, usize)>,
    by_key: FastMap<String, usize>,
}

impl Sources {
    fn add(&mut self, doc: &Doc<'_>, name: String, kind: SourceKind, start: usize, end: usize) {
        let si = self.add_unindexed(name, kind, doc.span(start, end));
        self.mentions.push((start, end, si));
    }

    /// A mention outside the tokens (the headline's): listed, but no subject for the body.
    fn add_unindexed(&mut self, name: String, kind: SourceKind, span: Span) -> usize {
        let key = name.to_lowercase();
        let si = *self.by_key.entry(key).or_insert_with(|| {
            self.list.push(Source { name, kind, mentions: Vec::new(), quotes: Vec::new() });
            self.list.len() - 1
        });
        self.list[si].mentions.push(span);
        si
    }
}

/// Every standalone mention of an organisation (from [`super::organizations`]) or of a group
/// (`Senate Democrats`, `senior officials`, `the Obama administration`) outside people's names.
fn source_mentions(doc: &Doc<'_>, lists: &TokenLists, people: &[Person], orgs: &[Organization]) -> Sources {
    let n = doc.toks.len();
    let mut taken = vec![false; n];
    for p in people.iter().filter(|p| p.confirmed) {
        for m in &p.mentions {
            for flag in taken.iter_mut().take(m.end).skip(m.start) {
                *flag = true;
            }
        }
    }
    let person = taken.clone();
    // A modifier (`State Department spokesman`, `the Pentagon's`) is not a subject.
    let standalone = |e: usize| {
        !(doc.toks.get(e).is_some_and(|t| t.kind == Kind::Poss)
            || doc.is_cap_word(e)
            || doc.is_word(e) && (doc.is_title_head(e) || lists.is_group(e) || lists.has(e, CueList::Bodies)))
    };
    let mut sources = Sources::default();
    let mut found: Vec<(usize, usize, String, SourceKind)> = Vec::new();
    for org in orgs {
        for m in &org.mentions {
            let s = doc.toks.partition_point(|t| t.start < m.start);
            let e = doc.toks.partition_point(|t| t.end <= m.end);
            if s >= e || doc.toks[s].start != m.start || doc.toks[e - 1].end != m.end || !standalone(e) {
                continue;
            }
            let last = doc.lw(e - 1);
            let (name, kind) = if e == s + 1 && lists.has(e - 1, CueList::Groups) {
                // `Police said`: capitalised only because it opens the sentence.
                (last.to_string(), SourceKind::Group)
            } else if lists.is_group(e - 1) && !doc.is_org_cue(e - 1) {
                (org.name.clone(), SourceKind::Group)
            } else {
                (org.name.clone(), SourceKind::Organization)
            };
            found.push((s, e, name, kind));
        }
    }
    for &(s, e, ..) in &found {
        for flag in taken.iter_mut().take(e).skip(s) {
            *flag = true;
        }
    }
    // One pass over the tokens finds where each kind of mention below may stand; the passes
    // after it visit only those tokens.
    let mut heads: Vec<(usize, bool, bool)> = Vec::new();
    let mut acronyms: Vec<usize> = Vec::new();
    let mut according: Vec<usize> = Vec::new();
    let mut articles: Vec<usize> = Vec::new();
    let mut research: Vec<usize> = Vec::new();
    let mut verbs: Vec<usize> = Vec::new();
    for (h, t) in doc.toks.iter().enumerate() {
        let lw = doc.lw(h);
        match lw {
            "according" => according.push(h),
            "the" => articles.push(h),
            _ => {}
        }
        if t.kind != Kind::Word {
            continue;
        }
        if t.upper && !t.shouted && (2..=6).contains(&(t.end - t.start)) {
            acronyms.push(h);
        }
        let group = lists.is_group(h);
        let body = lists.has(h, CueList::Bodies);
        if group || body {
            heads.push((h, group, body));
        }
        if lists.has(h, CueList::Research) {
            research.push(h);
        }
        if !t.cap && (lists.has(h, CueList::Verbs) || doc.is_say_verb(h)) && !lists.has(h, CueList::NounVerbs)
        {
            verbs.push(h);
        }
    }
    // Groups and bodies: the head with the capitalised words and modifiers before it.
    for (h, group, body) in heads {
        if taken[h] || !standalone(h + 1) {
            continue;
        }
        let mut s = h;
        // A person's name may stand before a body: `the Clinton campaign`.
        while s > 0
            && h - s < 6
            && doc.is_word(s - 1)
            && doc.same_sentence(s - 1, h)
            && (!taken[s - 1] || body && person[s - 1])
        {
            let modifier =
                doc.is_cap_word(s - 1) && !doc.is_stopword(s - 1) && !lists.has(s - 1, CueList::Quantifiers)
                    || doc.toks[s - 1].upper
                    || group && lists.has(s - 1, CueList::GroupModifiers);
            if !modifier {
                break;
            }
            s -= 1;
        }
        // A body needs a name before it (`the campaign said` names nobody).
        if body && (s == h || (s..h).all(|k| !doc.toks[k].cap)) {
            continue;
        }
        let words: Vec<String> = (s..=h)
            .map(|k| {
                let opens = k == 0 || !doc.same_sentence(k - 1, k);
                let lower = lists.has(k, CueList::Groups) || lists.has(k, CueList::GroupModifiers);
                if opens && lower { doc.lw(k).to_string() } else { doc.w(k).to_string() }
            })
            .collect();
        let kind = if group { SourceKind::Group } else { SourceKind::Organization };
        found.push((s, h + 1, words.join(" "), kind));
    }
    // A lone acronym never spelled out, right before a cue verb: `the FBI said`, `CNN reported`.
    // Standing alone and directly before the verb keeps shouted text and labels (`PENCE:`) out.
    let mut covered = taken;
    for &(s, e, ..) in &found {
        for flag in covered.iter_mut().take(e).skip(s) {
            *flag = true;
        }
    }
    for h in acronyms {
        let lone = !covered[h]
            && !(h > 0
                && doc.same_sentence(h - 1, h)
                && (doc.is_cap_word(h - 1) && !doc.is_stopword(h - 1) || doc.toks[h - 1].upper));
        // `The S.E.C. said`: a dotted acronym's last dot stands between it and the verb.
        let dotted = doc.w(h).contains('.')
            && doc.is_punct(h + 1, '.')
            && doc.toks.get(h + 1).is_some_and(|dot| dot.start == doc.toks[h].end);
        let end = h + 1 + usize::from(dotted);
        let v = end;
        let verb = lone
            && v < n
            && doc.is_word(v)
            && doc.same_sentence(h, v)
            && (lists.has(v, CueList::Verbs) || doc.is_say_verb(v));
        if lone && verb {
            found.push((h, end, doc.span_text(h, end), SourceKind::Organization));
        }
    }
    // The body named after `according to` (`according to the FBI`, `according to a count by
    // The Associated Press`): its capitalised words, standing on their own.
    for &a in according.iter().filter(|&&a| a + 3 < n) {
        if doc.lw(a + 1) != "to" || !doc.same_sentence(a, a + 2) {
            continue;
        }
        let mut h = a + 2;
        if let Some(by) = (h..(h + 5).min(n))
            .take_while(|&k| doc.is_word(k) && !doc.toks[k].cap)
            .find(|&k| matches!(doc.lw(k), "by" | "from" | "in"))
        {
            h = by + 1;
        }
        if doc.lw(h) == "the" {
            h += 1;
            // `according to the conservative-leaning Tax Foundation`, `the state Division of
            // Gaming Enforcement`: a lower-case modifier or two before the name.
            let modifiers = lower_case_modifiers(doc, h);
            if modifiers > 0 && doc.is_cap_word(h + modifiers) {
                h += modifiers;
            }
        }
        let mut e = h;
        while e < n && e < h + 6 && doc.is_cap_word(e) && !covered[e] && doc.same_sentence(h, e) {
            e += 1;
        }
        // `according to the AP`: an acronym on the never-a-name list names a body all the same.
        let listed = doc.is_stopword(h) && !(doc.toks[h].upper && e == h + 1);
        if e > h && standalone(e) && !listed && !lists.has(h, CueList::Calendar) {
            let name = (h..e).map(|k| doc.w(k)).collect::<Vec<_>>().join(" ");
            found.push((h, e, name, SourceKind::Organization));
            for flag in covered.iter_mut().take(e).skip(h) {
                *flag = true;
            }
        }
    }
    // A news outlet by its short name, with the verbs only a newsroom uses of itself:
    // `The Times reported`, `The Post has learned`.
    for h in articles.into_iter().filter(|&h| h + 2 < n && doc.is_word(h)) {
        let mut e = h + 1;
        while e < n
            && e - h <= 4
            && doc.is_cap_word(e)
            && !covered[e]
            && doc.same_sentence(h, e)
            && !doc.is_stopword(e)
        {
            e += 1;
        }
        let mut v = e;
        if matches!(doc.lw(v), "has" | "had") && doc.is_word(v) {
            v += 1;
        }
        let newsroom = lists.has(v, CueList::Newsroom) && doc.same_sentence(h, v);
        if e > h + 1 && doc.is_word(v) && newsroom {
            let name = (h + 1..e).map(|k| doc.w(k)).collect::<Vec<_>>().join(" ");
            found.push((h + 1, e, name, SourceKind::Organization));
        }
    }
    // A poll, study or record as the source of a finding (`a new Harlow poll shows`, `Polls
    // show`): the head with the capitalised words before it. The verbs of finding read it as a
    // subject only before them (see `Ctx::finding`).
    for h in research {
        // `a report by X`, `data from X`: the body named after it is the source.
        let named_after = matches!(doc.lw(h + 1), "by" | "from" | "of" | "in" | "for" | "at");
        if covered[h] || !standalone(h + 1) || named_after {
            continue;
        }
        let mut s = h;
        while s > 0
            && h - s < 4
            && doc.same_sentence(s - 1, h)
            && !covered[s - 1]
            && (doc.is_cap_word(s - 1) && !doc.is_stopword(s - 1) || doc.toks[s - 1].upper)
        {
            s -= 1;
        }
        let opens = h == s && (h == 0 || !doc.same_sentence(h - 1, h));
        let words: Vec<&str> = (s..=h).map(|k| if k == h && opens { doc.lw(k) } else { doc.w(k) }).collect();
        found.push((s, h + 1, words.join(" "), SourceKind::Organization));
    }
    // A capitalised name that nothing above recognised, opening a sentence or clause right
    // before a cue verb: `Judicial Watch said ...`, `Kasich told ...`. Not a common word that a
    // sentence capitalises (`Several said`), nor a plural noun read as a verb (`Paris attacks`).
    let mut covered = vec![false; n];
    fn cover(covered: &mut [bool], s: usize, e: usize) {
        let e = e.min(covered.len());
        if let Some(flags) = covered.get_mut(s..e) {
            flags.fill(true);
        }
    }
    for p in people.iter().filter(|p| p.confirmed) {
        for m in &p.mentions {
            cover(&mut covered, m.start, m.end);
        }
    }
    for &(s, e, ..) in &found {
        cover(&mut covered, s, e);
    }
    let mut written_as_name = NameScans { doc, known: FastMap::default() };
    for &v in &verbs {
        let j = before_auxiliaries(doc, lists, v);
        if j == 0 || !doc.same_sentence(j - 1, v) || !doc.is_cap_word(j - 1)
            // `To reassure investors, ...`: a function word opening the sentence.
            || lists.has(j - 1, CueList::NotContent)
            // `I’d want answers`, `We’re told`: a contraction is no name.
            || is_contraction(doc.w(j - 1))
        {
            continue;
        }
        let k = j - 1;
        let mut r = k;
        while r > 0
            && k - r < 5
            && doc.same_sentence(r - 1, k)
            && doc.toks[r - 1].para == doc.toks[k].para
            && (doc.is_cap_word(r - 1)
                || matches!(doc.lw(r - 1), "of" | "for" | "and" | "&") && r > 1 && doc.is_cap_word(r - 2))
        {
            r -= 1;
        }
        // What may stand before the name: a sentence's or clause's start (after a dateline's
        // dash too), `the` there, or a conjunction opening a clause (`when X said`, `but X
        // argued`).
        let boundary = |b: usize| {
            b == 0
                || !doc.same_sentence(b - 1, b)
                || doc.toks[b - 1].para != doc.toks[b].para
                || matches!(doc.toks[b - 1].kind, Kind::Punct(',' | ';' | ':') | Kind::Close)
                || is_dash(doc, b - 1)
        };
        let opens = boundary(r)
            || doc.is_word(r - 1)
                && !doc.toks[r - 1].cap
                && (doc.lw(r - 1) == "the" && boundary(r - 1)
                    || matches!(doc.lw(r - 1), "and" | "but")
                    || lists.has(r - 1, CueList::Subordinators));
        // A word never part of a person's name may still name the source, when the text writes
        // it as a name: `Twitter said`, `The Islamic State said`; not `I`, nor a month.
        let mut named = |x: usize| {
            doc.is_stopword(x)
                && doc.lw(x).len() > 1
                && !lists.has(x, CueList::Calendar)
                && written_as_name.ask(doc.lw(x))
        };
        // `Al Qaeda said`: a name particle before the name's last word is part of it.
        let particle = |x: usize| x < k && is_particle_word(doc.lw(x));
        let mut s = r;
        while s < k && (doc.is_stopword(s) && !named(s) && !particle(s) || !doc.is_cap_word(s)) {
            s += 1;
        }
        let named_run = (s..=k).any(&mut named);
        if doc.is_stopword(k) && !named_run {
            continue;
        }
        let initial = s == r && (r == 0 || !doc.same_sentence(r - 1, r));
        let common = initial
            && s == k
            && !named_run
            && (doc.is_common_word(s) && !doc.is_surname(s) || lists.has(s, CueList::Calendar));
        // A run cut short by the length limit is not a whole name.
        let truncated = r > 0 && doc.toks[r - 1].para == doc.toks[r].para && doc.is_cap_word(r - 1);
        if !opens || common || truncated || (s..=k).any(|x| covered[x]) {
            continue;
        }
        let name = (s..=k).map(|x| doc.w(x)).collect::<Vec<_>>().join(" ");
        // `A Republican said`, `the Ohio Democrat argued`: a party's member is a person the
        // text does not name, no organisation.
        let kind =
            if lists.has(k, CueList::PartyMembers) { SourceKind::Unnamed } else { SourceKind::Organization };
        found.push((s, k + 1, name, kind));
        cover(&mut covered, s, k + 1);
    }
    // Unnamed sources: before a plain verb of saying (`A senior official said`), after it in an
    // inverted attribution (`"...," said a senior official.`), and after `according to`.
    let mut source_starts = vec![false; n];
    for &(s, ..) in &found {
        source_starts[s] = true;
    }
    let unnamed = Unnamed { doc, lists, person: &person, source_starts: &source_starts };
    let mut described = Vec::new();
    for &v in &verbs {
        let plain = lists.has(v, CueList::UnnamedVerbs);
        if plain {
            described.extend(unnamed.before(v));
        }
        // `A senior official dismissed the report, saying ...`: a participle's subject opens
        // the sentence, whatever its main verb.
        if v > 0 && doc.is_punct(v - 1, ',') && doc.lw(v).ends_with("ing") {
            described.extend(unnamed.opening(v));
        }
        // Right after a quotation any verb of saying inverts (`"...," added a senior aide.`);
        // elsewhere only the plain ones, as before the subject.
        let after_quote = v > 0 && doc.toks[v - 1].kind == Kind::Close;
        let inverted =
            plain && (after_quote || v > 0 && doc.is_punct(v - 1, ',')) || after_quote && doc.is_say_verb(v);
        if inverted {
            described.extend(unnamed.after(v + 1));
        }
    }
    for &a in according.iter().filter(|&&a| is_lw(doc, a + 1, "to")) {
        described.extend(unnamed.after(a + 2));
    }
    // A source found above that ends where the description does (`some Democrats`) or starts
    // with it stays; one look-up each, so many sources and verbs stay linear.
    let mut first_start_by_end: FastMap<usize, usize> = FastMap::default();
    for &(fs, fe, ..) in &found {
        let first = first_start_by_end.entry(fe).or_insert(fs);
        *first = (*first).min(fs);
    }
    for (s, e, name) in described {
        let ends_there = first_start_by_end.get(&e).is_some_and(|&fs| fs <= s + 1);
        if !ends_there && !source_starts[s] {
            source_starts[s] = true;
            let first = first_start_by_end.entry(e).or_insert(s);
            *first = (*first).min(s);
            found.push((s, e, name, SourceKind::Unnamed));
        }
    }
    found.sort_by_key(|&(s, ..)| s);
    for (s, e, name, kind) in found {
        sources.add(doc, name, kind, s, e);
    }
    sources
}

/// The first of up to two lower-case auxiliaries or adverbs right before the verb `v` (`has
/// long said`), or `v` itself.
fn before_auxiliaries(doc: &Doc<'_>, lists: &TokenLists, v: usize) -> usize {
    let mut j = v;
    while j > 0
        && v - j < 2
        && doc.is_word(j - 1)
        && !doc.toks[j - 1].cap
        && lists.has(j - 1, CueList::Auxiliaries)
    {
        j -= 1;
    }
    j
}

/// The first token of the sentence `s..e` after a dateline lead (`NEW YORK (Reuters) -`),
/// which is not part of the sentence.
fn after_dateline(doc: &Doc<'_>, s: usize, e: usize) -> usize {
    (s..(s + 12).min(e))
        .find(|&k| {
            matches!(doc.toks[k].kind, Kind::Punct('-' | '—' | '–' | '_'))
                && k > s
                && (s..k).all(|j| {
                    doc.toks[j].upper
                        || matches!(doc.toks[j].kind, Kind::Punct(',' | '(' | ')' | '.'))
                        || (doc.is_word(j)
                            && (doc.toks[j].cap || doc.w(j).starts_with(|c: char| c.is_ascii_digit())))
                })
        })
        .map_or(s, |k| k + 1)
}

/// Whether a word is a contraction (`I’d`, `We’re`, `Don't`): an apostrophe and a lower-case
/// ending of a verb; names keep a capital after theirs (`O’Neill`, `D'Amato`).
fn is_contraction(word: &str) -> bool {
    word.rsplit_once(['\'', '’'])
        .is_some_and(|(head, tail)| !head.is_empty() && matches!(tail, "d" | "ll" | "m" | "re" | "ve" | "t"))
}

/// Whether token `k` is a dash set between words (`—`, `–`, `―`, or a hyphen standing alone).
fn is_dash(doc: &Doc<'_>, k: usize) -> bool {
    doc.toks.get(k).is_some_and(|t| matches!(t.kind, Kind::Punct('—' | '–' | '―' | '-')))
}

/// Prepositions that open the occasion of a speaker's act after its object (`at a rally`), up
/// to four words before a noun of `occasions` in data/reporting.toml.
const OCCASION_PREPOSITIONS: [&str; 4] = ["in", "on", "at", "during"];

/// Words that open a reported clause right after the one addressed: `told the AP his firm ...`.
const CLAUSE_OPENERS: [&str; 11] =
    ["that", "he", "she", "they", "we", "i", "it", "his", "her", "their", "its"];

/// Prepositions that open a sentence's leading phrase, whose object is never the subject:
/// `Like Corker, Menendez said`. Not the words that may also open a clause (`As X spoke, ...`).
const LEADING_PREPOSITIONS: [&str; 10] =
    ["like", "unlike", "with", "despite", "besides", "following", "against", "among", "than", "behind"];

/// Words that lead an adjunct of time: `on Tuesday`, `last week`, `late Friday`.
const TIME_LEADS: [&str; 5] = ["on", "last", "this", "late", "early"];

/// Generational suffixes that close a name with an abbreviation's period (`Comey Jr.`).
const NAME_SUFFIXES: [&str; 2] = ["jr", "sr"];

/// Where an adjunct of time (`on Tuesday`, `Tuesday`) starts among tokens `from..e`: at its
/// leading word or its calendar word; `e` when there is none.
fn time_adjunct_start(doc: &Doc<'_>, lists: &TokenLists, from: usize, e: usize) -> usize {
    match (from..e).find(|&k| lists.has(k, CueList::Calendar)) {
        Some(k) if k > from && TIME_LEADS.contains(&doc.lw(k - 1)) => k - 1,
        Some(k) => k,
        None => e,
    }
}

/// The longest subject, in tokens, that describes a source without naming it.
const MAX_UNNAMED: usize = 12;

/// Prepositions that make a name the object inside a described subject (`a spokeswoman for X`).
const NAME_PREPOSITIONS: [&str; 12] =
    ["for", "of", "to", "with", "from", "at", "by", "in", "on", "behind", "about", "near"];

/// Finds subjects that describe their source without naming it: `a senior administration
/// official`, `people familiar with the matter`, `some delegates at the convention`, `a
/// spokeswoman for X`.
struct Unnamed<'a, 't> {
    doc: &'a Doc<'t>,
    lists: &'a TokenLists,
    /// Tokens inside a confirmed person's mention.
    person: &'a [bool],
    /// Tokens that start the mention of a named source.
    source_starts: &'a [bool],
}

impl Unnamed<'_, '_> {
    /// Whether token `k` may stand inside such a subject: a word that is no pronoun, relative,
    /// finite or cue verb, a possessive, or a joining mark.
    fn inside(&self, k: usize) -> bool {
        let (doc, lists) = (self.doc, self.lists);
        doc.is_word(k)
            && !lists.has(k, CueList::UnnamedBreaks)
            && !lists.has(k, CueList::Verbs)
            && !doc.is_say_verb(k)
            || doc.toks[k].kind == Kind::Poss
            || matches!(doc.toks[k].kind, Kind::Punct('&' | '.'))
            // A hyphen inside a word (`well-known`), not a dash between words.
            || doc.is_punct(k, '-')
                && k > 0
                && doc.toks.get(k + 1).is_some_and(|t| t.start == doc.toks[k].end)
                && doc.toks[k - 1].end == doc.toks[k].start
    }

    /// The subject ending before the reporting verb `v` (and its auxiliaries), opening its
    /// sentence (after a dateline lead) or a clause after a comma or a closing quotation mark:
    /// `A senior official said`, `"...," a senior official said`.
    fn before(&self, v: usize) -> Option<(usize, usize, String)> {
        let (doc, lists) = (self.doc, self.lists);
        let mut e = before_auxiliaries(doc, lists, v);
        // `A senior official, who spoke on condition of anonymity, said`: the subject ends
        // before its relative clause.
        if e > 0
            && doc.is_punct(e - 1, ',')
            && let Some(c) = (e.saturating_sub(30)..e - 1)
                .rev()
                .take_while(|&k| doc.same_sentence(k, e))
                .find(|&k| doc.is_punct(k, ','))
            && matches!(doc.lw(c + 1), "who" | "which")
        {
            e = c;
        }
        let mut s = e;
        while s > 0 && e - s <= MAX_UNNAMED && doc.same_sentence(s - 1, e) && self.inside(s - 1) {
            s -= 1;
        }
        if s == e || e - s > MAX_UNNAMED {
            return None;
        }
        let opens_sentence = s == 0 || !doc.same_sentence(s - 1, s);
        let after_dateline = !opens_sentence && {
            let mut first = s;
            while first > 0 && s - first < 12 && doc.same_sentence(first - 1, s) {
                first -= 1;
            }
            after_dateline(doc, first, e) == s
        };
        let opens_clause = !opens_sentence
            && (matches!(doc.toks[s - 1].kind, Kind::Punct(',') | Kind::Close) || after_dateline);
        if !opens_sentence && !opens_clause {
            return None;
        }
        // `But a senior official said`: a conjunction may open the sentence.
        let s = if matches!(doc.lw(s), "but" | "and" | "yet" | "still") { s + 1 } else { s };
        // `Mourners say`, `Companies say`: a plural common noun alone, capitalised only because
        // it opens the sentence.
        if e == s + 1
            && opens_sentence
            && doc.is_common_word(s)
            && !doc.is_stopword(s)
            && doc.lw(s).len() > 3
            && doc.lw(s).ends_with('s')
            && !doc.lw(s).ends_with("ss")
            && !self.person[s]
        {
            return Some((s, e, doc.lw(s).to_string()));
        }
        // `A senior official on Tuesday said`: the subject ends before its adjunct of time, as
        // the attribution reads it.
        let e = time_adjunct_start(doc, lists, s + 1, e);
        self.describes(s, e).map(|name| (s, e, name))
    }

    /// The subject opening the sentence of the participle at `v` (after a dateline lead), before
    /// its main verb, a cue or an auxiliary: `A senior official dismissed the report, saying`,
    /// `The Ohio Republican did give him credit, saying`.
    fn opening(&self, v: usize) -> Option<(usize, usize, String)> {
        let (doc, lists) = (self.doc, self.lists);
        // Bounded: a sentence longer than this before the participle is left alone.
        let floor = v.saturating_sub(40);
        let mut first = v;
        while first > floor && doc.same_sentence(first - 1, v) {
            first -= 1;
        }
        if first > 0 && doc.same_sentence(first - 1, v) {
            return None;
        }
        let first = after_dateline(doc, first, v);
        let mut e = first;
        while e < v && e - first <= MAX_UNNAMED && self.inside(e) {
            e += 1;
        }
        // A cue word after a determiner is a noun (`walked back the comments`): the words
        // before it hold a verb of their own.
        let verb = e < v
            && doc.is_word(e)
            && (lists.has(e, CueList::Verbs) || doc.is_say_verb(e) || lists.has(e, CueList::Auxiliaries))
            && !lists.has(e, CueList::NounVerbs)
            && !matches!(
                doc.lw(e - 1),
                "the" | "a" | "an" | "no" | "his" | "her" | "its" | "their" | "any" | "some"
            );
        if !verb {
            return None;
        }
        let e = before_auxiliaries(doc, lists, e);
        // Only people report: a title, a group or a party's member heads the words (`The
        // first look the audience gets of X is ...` is no source).
        let person_noun = (first..e)
            .any(|k| doc.is_title_head(k) || lists.is_group(k) || lists.has(k, CueList::PartyMembers));
        if !person_noun {
            return None;
        }
        self.describes(first, e).map(|name| (first, e, name))
    }

    /// The subject starting at token `s`, after an inverted verb of saying or `according to`,
    /// that ends its sentence or a clause: `said a senior official.`, `according to people
    /// familiar with the talks, who ...`. Not one that a name follows (`said one of his aides,
    /// John Smith`): the name is the source.
    fn after(&self, s: usize) -> Option<(usize, usize, String)> {
        let doc = self.doc;
        let n = doc.toks.len();
        let mut e = s;
        while e < n && e - s <= MAX_UNNAMED && doc.same_sentence(s, e) && self.inside(e) {
            e += 1;
        }
        // A trailing dot belongs to the sentence.
        while e > s && doc.is_punct(e - 1, '.') {
            e -= 1;
        }
        if e == s || e - s > MAX_UNNAMED {
            return None;
        }
        let ends = e >= n
            || !doc.same_sentence(s, e)
            || doc.is_punct(e, '.')
            || doc.is_punct(e, ';')
            || doc.is_punct(e, ',') && (e + 1 >= n || doc.is_word(e + 1) && !doc.toks[e + 1].cap)
            // `said a committee member who backs the plan`: a restrictive relative clause.
            || is_lw(doc, e, "who");
        if !ends {
            return None;
        }
        self.describes(s, e).map(|name| (s, e, name))
    }

    /// The source's name when tokens `s..e` describe one: an opener (an article, quantifier,
    /// number or group noun), some lower-case words, and no clause; without a leading article
    /// or vague quantifier.
    fn describes(&self, s: usize, e: usize) -> Option<String> {
        let (doc, lists) = (self.doc, self.lists);
        if e < s + 2 || !(s..e).all(|k| self.inside(k)) {
            return None;
        }
        let opener = doc.lw(s);
        let number = opener.bytes().next().is_some_and(|b| b.is_ascii_digit());
        let opens = number
            || lists.has(s, CueList::UnnamedOpeners)
            || lists.has(s, CueList::Quantifiers)
            || lists.is_group(s)
            // `Senior officials in the administration said`, `Local residents told`.
            || lists.is_group(s + 1) && (doc.is_common_word(s) || lists.has(s, CueList::GroupModifiers));
        // All capitalised after the article, it is a name (`The Associated Press`), found above;
        // but a party's member is a person described, not named (`a Nevada Democrat`, `the
        // Ohio Republican`).
        let party_member = matches!(opener, "a" | "an" | "another" | "one" | "the")
            && doc.toks[e - 1].cap
            && lists.has(e - 1, CueList::PartyMembers);
        let described = party_member || (s + 1..e).any(|k| doc.is_word(k) && !doc.toks[k].cap);
        // `the spokesman said`, `the company said`: a definite role noun or body refers back to
        // a named person or organisation, which the attribution resolves.
        let anaphoric = opener == "the"
            && !party_member
            && (e - s == 2 || doc.is_title_head(e - 1) || lists.has(e - 1, CueList::Bodies));
        // `A teary-eyed Bush said` names its speaker; `A spokeswoman for Hillary Clinton said`
        // does not.
        let mut name_start = e;
        while name_start > s && self.person[name_start - 1] {
            name_start -= 1;
        }
        let named =
            name_start < e && (name_start == s || !NAME_PREPOSITIONS.contains(&doc.lw(name_start - 1)));
        // `The email goes on to say`.
        let infinitive = doc.lw(e - 1) == "to";
        // A named source closing the words is the source unless a preposition makes it an
        // object (`a spokeswoman for YouTube`): `the conservative-leaning Tax Foundation` is a
        // body with modifiers, and `a new analysis by the Tax Policy Center` is the Center's.
        let starts_source =
            |k: usize| self.source_starts.get(k).copied().unwrap_or(false) && doc.is_cap_word(k);
        // `a prominent Republican National Committee member`: a name before the head noun of a
        // person is that head's modifier.
        let modified_name = !doc.is_title_head(e - 1)
            && (s + 2..e).any(|k| {
                let before = if doc.lw(k - 1) == "the" { k - 2 } else { k - 1 };
                starts_source(k) && !NAME_PREPOSITIONS.contains(&doc.lw(before))
            });
        let authored = (s..e).any(|k| {
            matches!(doc.lw(k), "by" | "from")
                && (starts_source(k + 1) || doc.lw(k + 1) == "the" && starts_source(k + 2))
        });
        if !opens || !described || anaphoric || named || infinitive || modified_name || authored {
            return None;
        }
        // `some of the senators`, `some in the crowd` keep their quantifier.
        let vague = matches!(
            opener,
            "a" | "an" | "another" | "the" | "some" | "many" | "most" | "several" | "few" | "both" | "all"
        ) && !matches!(doc.lw(s + 1), "of" | "in" | "on" | "at" | "from" | "among" | "with");
        let first = if vague { s + 1 } else { s };
        // `said a senior official on Tuesday`: the day is no part of the name.
        let last = time_adjunct_start(doc, lists, first, e);
        if last <= first {
            return None;
        }
        let mut name = doc.span_text(first, last);
        // `People familiar with the matter`: capitalised only because it opens the sentence.
        let listed = lists.has(s, CueList::UnnamedOpeners)
            || lists.has(s, CueList::Groups)
            || lists.has(s, CueList::Quantifiers)
            || lists.has(s, CueList::GroupModifiers);
        if first == s && listed && !doc.toks[s].upper {
            name = format!("{}{}", doc.lw(s), &name[doc.w(s).len()..]);
        }
        Some(name)
    }
}

/// How many words of the never-a-name list one text may be scanned for (see [`NameScans`]).
const MAX_NAME_SCANS: usize = 32;

/// Whether the text writes a word capitalised inside a sentence and never in lower case: a name
/// after all, whatever a word list says of it (`on Twitter`, `the Islamic State`). Asked of few
/// words per text; each answer is one scan of the text, kept. A bounded number of scans keeps
/// hostile text (every listed word in turn) linear: past it the answer is no.
struct NameScans<'d> {
    doc: &'d Doc<'d>,
    known: FastMap<&'d str, bool>,
}

impl<'d> NameScans<'d> {
    /// `word` in lower case, borrowed from the text.
    fn ask(&mut self, word: &'d str) -> bool {
        if let Some(&known) = self.known.get(word) {
            return known;
        }
        if self.known.len() >= MAX_NAME_SCANS {
            return false;
        }
        let known = self.scan(word);
        self.known.insert(word, known);
        known
    }

    fn scan(&self, word: &str) -> bool {
        let doc = self.doc;
        let mut capitalised_inside = false;
        for (i, t) in doc.toks.iter().enumerate() {
            if t.kind != Kind::Word || t.shouted || t.end - t.start != word.len() || doc.lw(i) != word {
                continue;
            }
            if !t.cap {
                return false;
            }
            capitalised_inside |= i > 0 && doc.same_sentence(i - 1, i) && doc.toks[i - 1].kind == Kind::Word;
        }
        capitalised_inside
    }
}

/// How many lower-case words (and the hyphens between them), at most four, stand from token
/// `from` on: the modifiers before a name (`the conservative-leaning Tax Foundation`).
fn lower_case_modifiers(doc: &Doc<'_>, from: usize) -> usize {
    (from..(from + 4).min(doc.toks.len()))
        .take_while(|&k| doc.is_word(k) && !doc.toks[k].cap || doc.is_punct(k, '-'))
        .count()
}

/// Which person a token starts or ends a mention of.
struct MentionIndex {
    by_end: FastMap<usize, (usize, usize)>,
    by_start: FastMap<usize, (usize, usize)>,
    /// (first token, person) of every mention, in text order.
    order: Vec<(usize, usize)>,
}

impl MentionIndex {
    fn new(doc: &Doc<'_>, people: &[Person]) -> Self {
        let mut by_end = FastMap::default();
        let mut by_start = FastMap::default();
        let mut order = Vec::new();
        for (pi, p) in people.iter().enumerate() {
            if !p.confirmed {
                continue;
            }
            for m in &p.mentions {
                // `James B. Comey Jr., the director, said`: the suffix's period ends the mention.
                let suffixed =
                    m.end > m.start && NAME_SUFFIXES.contains(&doc.lw(m.end - 1)) && doc.is_punct(m.end, '.');
                let end = if suffixed { m.end + 1 } else { m.end };
                by_end.insert(end, (pi, m.start));
                by_start.insert(m.start, (pi, end));
                order.push((m.start, pi));
            }
        }
        order.sort_unstable();
        MentionIndex { by_end, by_start, order }
    }

    /// Source mentions as speakers `offset + source`. A person's mention wins unless the
    /// source's is longer (`the Clinton campaign` over `Clinton`). Sources stay out of `order`:
    /// pronouns and role nouns refer to people only.
    fn add_sources(&mut self, offset: usize, mentions: &[(usize, usize, usize)]) {
        for &(start, end, si) in mentions {
            let speaker = offset + si;
            let longer_end = self.by_start.get(&start).is_none_or(|&(_, e)| e < end);
            if longer_end {
                self.by_start.insert(start, (speaker, end));
            }
            let longer_start = self.by_end.get(&end).is_none_or(|&(_, s)| s > start);
            if longer_start {
                self.by_end.insert(end, (speaker, start));
            }
        }
    }
}

struct Ctx<'a, 't> {
    doc: &'a Doc<'t>,
    names: &'a Names,
    people: &'a mut [Person],
    index: MentionIndex,
    /// Byte range of each paragraph, by paragraph number.
    paras: Vec<(usize, usize)>,
    /// First token of each sentence, by sentence number.
    sent_first: Vec<usize>,
    /// Each person's role, worked out once.
    roles: Vec<super::speakers::Role>,
    /// Which cue lists each token is in.
    lists: TokenLists,
}

/// How many neighbouring quotes the paragraph fallbacks look at.
const WINDOW: usize = 8;

/// How many tokens before a quotation its cue may stand: room for an adjunct and a clause
/// between them (`X said in the spring, when the story broke, "..."`).
const CUE_REACH: usize = 18;

/// The most words of a title in quotation marks inside an appositive (`the author of "Going
/// Viral,"`).
const QUOTED_TITLE: usize = 6;

/// The longest attribution (in tokens) between two quotes that still make one quote:
/// `"...," said X, a former adviser to the governor of the state. "..."`; and the farthest the
/// verb of `"...," X, a fellow at Y and a former ambassador to Z, said` may stand from the quote.
const MAX_GAP: usize = 40;

/// A span in quotation marks: tokens `open`, content `open + 1 .. content_end`, and the closing
/// mark at `content_end` when the quote closes in its paragraph.
struct Direct {
    open: usize,
    content_end: usize,
    closed: bool,
}

type Found = (usize, Quote, Option<Span>);

impl Ctx<'_, '_> {
    fn direct_spans(&self) -> Vec<Direct> {
        let doc = self.doc;
        let mut out = Vec::new();
        let mut i = 0;
        while i < doc.toks.len() {
            if doc.toks[i].kind != Kind::Open {
                i += 1;
                continue;
            }
            let para = doc.toks[i].para;
            let mut j = i + 1;
            while j < doc.toks.len()
                && doc.toks[j].para == para
                && !matches!(doc.toks[j].kind, Kind::Close | Kind::Open)
            {
                j += 1;
            }
            let closed = j < doc.toks.len() && doc.toks[j].para == para && doc.toks[j].kind == Kind::Close;
            if j > i + 1 {
                out.push(Direct { open: i, content_end: j, closed });
            }
            i = if closed { j + 1 } else { j };
        }
        out
    }

    /// The person a subject ending just before token `v` names: a name, a pronoun or a role
    /// noun. Returns the person and, for a role noun, its span as an extra mention.
    fn subject_before(&self, v: usize) -> Option<(usize, Option<Span>)> {
        let doc = self.doc;
        let e = self.skip_auxiliaries_back(v);
        let e = self.skip_parenthetical_back(e);
        if e == 0 || !doc.same_sentence(e - 1, v) {
            return None;
        }
        if let Some(&(pi, _)) = self.index.by_end.get(&e) {
            return Some((pi, None));
        }
        if let Some(c) = self.affiliation_back(e, v) {
            return self.index.by_end.get(&c).map(|&(pi, _)| (pi, None));
        }
        // `X, a spokesman for Y, said`: skip the appositive back to the name.
        if doc.is_punct(e - 1, ',') {
            // `Another pollster, X of Clemson University, said`.
            if let Some(c) = self.affiliation_back(e - 1, v) {
                return self.index.by_end.get(&c).map(|&(pi, _)| (pi, None));
            }
            // The appositive may hold commas itself (`a salesman from Sumter, South Carolina,`).
            let floor = e.saturating_sub(36);
            let mut c = e;
            // `X, contradicting Smith, said`: Smith only when no head is found further back.
            let mut participle_object = None;
            while c > floor && doc.same_sentence(c - 1, v) {
                // `X, the co-author of "Going Viral," said`: a short title in quotation marks
                // stands inside the appositive; any other quotation ends the search.
                if doc.toks[c - 1].kind == Kind::Close {
                    let title = (c.saturating_sub(QUOTED_TITLE + 2).max(floor)..c - 1)
                        .rev()
                        .find(|&k| doc.toks[k].kind == Kind::Open)
                        .filter(|&o| {
                            (o + 1..c - 1).all(|k| doc.is_word(k) && doc.toks[k].cap || doc.is_punct(k, ','))
                        });
                    let Some(o) = title else { break };
                    c = o;
                    continue;
                }
                c -= 1;
                // `X, a spokesman for the State Department, said` is X's report; `X (R-Ga.), one
                // of the authors, said` too; and `The State Department, which oversees the
                // talks, said` for a source that opens the sentence before a relative clause.
                let relative = matches!(doc.lw(c + 1), "who" | "which");
                if doc.is_punct(c, ',')
                    && let Some(&(pi, _)) = self
                        .index
                        .by_end
                        .get(&c)
                        .or_else(|| self.index.by_end.get(&self.skip_parenthetical_back(c)))
                    && (pi < self.people.len() || relative && self.subject_opens_sentence(c))
                {
                    // `X praised Smith, saying ...`: a name right before a participle's comma
                    // is the object of the clause before, not an appositive's subject.
                    if c + 1 == e && doc.lw(v).ends_with("ing") {
                        break;
                    }
                    // `X, an adviser to Mr. Obama, said`: a name closing the appositive is not
                    // its head; the head is further back. Nor is a preposition's object with an
                    // appositive of its own (`her distaste for Y, the front-runner, saying`).
                    if self.object_of_preposition(c) {
                        continue;
                    }
                    if c + 1 == e && (self.object_of_participle(c) || self.object_of_verb(c)) {
                        participle_object = Some(pi);
                        continue;
                    }
                    // `Like Corker, Menendez rejected it, arguing ...`: a leading phrase's object.
                    if self.object_of_leading_phrase(c) {
                        continue;
                    }
                    return Some((pi, None));
                }
                // `X of Texas, the No. 2 Republican in the Senate, said`: the name with the
                // place or body it is of, before the appositive.
                if c + 1 < e
                    && doc.is_punct(c, ',')
                    && let Some(of) = self.affiliation_back(c, v)
                    && let Some(&(pi, _)) = self.index.by_end.get(&of)
                    && pi < self.people.len()
                {
                    return Some((pi, None));
                }
            }
            if let Some(pi) = participle_object {
                return Some((pi, None));
            }
        }
        let lw = doc.lw(e - 1);
        if let Some(g) = pronoun(lw) {
            return self.resolve_pronoun(e - 1, g).map(|p| (p, None));
        }
        // `X declined to say`, `X went on to discuss`: the subject of the verb before `to`.
        if lw == "to" && e >= 2 && doc.is_word(v) && !doc.lw(v).ends_with("ing") {
            let mut c = e - 1;
            // `went on to`: the particle belongs to the verb.
            if c >= 2
                && doc.lw(c - 1) == "on"
                && doc.is_word(c - 2)
                && matches!(doc.lw(c - 2), "went" | "goes")
            {
                c -= 1;
            }
            // `X was quick to point out`, `X was prompted to say`: an adjective or passive
            // after the copula has the subject report too.
            if c >= 1
                && doc.is_word(c - 1)
                && ((self.lists.has(c - 1, CueList::Infinitive)
                    || self.lists.has(c - 1, CueList::Catenatives))
                    && !self.passive(c - 1)
                    || self.lists.has(c - 1, CueList::Predicatives))
                // One step back only: `to try to say` chains stay bounded.
                && self.skip_parenthetical_back(self.skip_auxiliaries_back(c - 1)).checked_sub(1).is_none_or(|b| doc.lw(b) != "to")
            {
                return self.subject_before(c - 1);
            }
        }
        // `X criticized the plan, saying ...`, `X met them and said ...`: the clause's subject
        // opens the sentence.
        // `, falsely suggesting`, `"...," noting`: adverbs and a closing mark may stand between.
        let mut c = e;
        while c > 1 && doc.is_word(c - 1) && doc.lw(c - 1).ends_with("ly") && c + 3 > e {
            c -= 1;
        }
        if c > 1 && doc.toks[c - 1].kind == Kind::Close {
            c -= 1;
        }
        // `..., X said, while arguing ...`: a subordinator may open the participle clause.
        if c > 2
            && doc.lw(v).ends_with("ing")
            && matches!(doc.lw(c - 1), "while" | "before" | "after" | "when")
            && doc.is_punct(c - 2, ',')
        {
            c -= 1;
        }
        // `X distanced himself by saying ...`, `... before saying`: a preposition may open it.
        // `X flipped his choice — saying ...`: a dash may open it as a comma does.
        let participle = doc.lw(v).ends_with("ing")
            && (doc.is_punct(c - 1, ',')
                || is_dash(doc, c - 1)
                || c == e && self.preposition_of_manner(c - 1));
        if participle && c > 2 {
            // `..., said X, adding ...`: the name after the report's verb.
            if let Some(&(pi, start)) = self.index.by_end.get(&(c - 1))
                && pi < self.people.len()
                && (start.saturating_sub(3)..start).any(|k| {
                    k > 0
                        && doc.same_sentence(k, v)
                        && doc.is_say_verb(k)
                        && (doc.is_punct(k - 1, ',') || doc.toks[k - 1].kind == Kind::Close)
                })
            {
                return Some((pi, None));
            }
            // `..., X said [on Tuesday in Paris], adding ...`, `X praised Smith, saying ...`:
            // the subject of the report just before.
            let report = (c.saturating_sub(9)..c - 1)
                .rev()
                .take_while(|&k| doc.same_sentence(k, v) && !doc.is_punct(k, ','))
                .find(|&k| self.is_say(k) && !doc.lw(k).ends_with("ing"));
            if let Some(k) = report
                && let Some(found) = self.subject_before(k)
            {
                return Some(found);
            }
            // `"...," said X at the time, adding ...`: an inverted report with an adjunct.
            if let Some(k) = report
                && k > 0
                && (doc.is_punct(k - 1, ',') || doc.toks[k - 1].kind == Kind::Close)
                && let Some(found) = self.subject_after(k + 1)
            {
                return Some(found);
            }
        }
        if participle && let Some(found) = self.coordinate_subject(c, v) {
            return Some(found);
        }
        if participle || matches!(doc.lw(e - 1), "and" | "but") {
            return self.sentence_subject(v);
        }
        self.role_noun_before(e)
    }

    /// `X pivoted to trade, but Wallace brought him back, asking ...`: the subject of the last
    /// clause that `, but` or `, and` opens before the participle's comma `c` (in the sentence
    /// of token `v`), a name or pronoun before its verb. The nearest such clause decides.
    fn coordinate_subject(&self, c: usize, v: usize) -> Option<(usize, Option<Span>)> {
        let doc = self.doc;
        let floor = c.saturating_sub(30);
        let mut k = c;
        while k > floor + 1 && doc.same_sentence(k - 1, v) {
            k -= 1;
            if !(doc.is_word(k) && matches!(doc.lw(k), "but" | "and") && doc.is_punct(k - 1, ',')) {
                continue;
            }
            let s = self.skip_honorifics(k + 1);
            let verb_at = |end: usize| end < c && doc.is_word(end) && !doc.toks[end].cap;
            if let Some(g) = pronoun(doc.lw(s)) {
                return if verb_at(s + 1) { self.resolve_pronoun(s, g).map(|p| (p, None)) } else { None };
            }
            return self
                .mention_after_titles(s, c)
                .filter(|&(pi, end)| pi < self.people.len() && verb_at(end))
                .map(|(pi, _)| (pi, None));
        }
        None
    }

    /// Whether token `k` is a preposition that opens a gerund clause of the subject's own doing:
    /// `by saying`, `before adding`, `upon hearing`.
    fn preposition_of_manner(&self, k: usize) -> bool {
        self.doc.is_word(k) && matches!(self.doc.lw(k), "by" | "before" | "after" | "upon")
    }

    /// Whether the mention ending before token `e` is the object of a preposition (`for Mr.
    /// Obama`, `to Senator X`), past its titles and honorifics.
    fn object_of_preposition(&self, e: usize) -> bool {
        self.word_before_mention(e)
            .is_some_and(|(w, _)| matches!(self.doc.lw(w), "for" | "to" | "under" | "with" | "by"))
    }

    /// Whether the mention ending before token `e` is the object of a participle right before
    /// it (`X, contradicting Smith, said`).
    fn object_of_participle(&self, e: usize) -> bool {
        let doc = self.doc;
        self.word_before_mention(e)
            .is_some_and(|(w, _)| !doc.toks[w].cap && doc.lw(w).len() > 4 && doc.lw(w).ends_with("ing"))
    }

    /// Whether the mention ending before token `e` is the object of a verb in a relative clause
    /// (`X, who has criticized Smith, said`): a lower-case word right before it, past its titles,
    /// that is no title, determiner or possessive (`the senator's rival, Smith, said`).
    fn object_of_verb(&self, e: usize) -> bool {
        let doc = self.doc;
        self.word_before_mention(e).is_some_and(|(w, start)| {
            !doc.toks[w].cap
                && !doc.is_title_head(w)
                && !doc.is_title_modifier(w)
                && !matches!(
                    doc.lw(w),
                    "the" | "a" | "an" | "and" | "or" | "his" | "her" | "their" | "its" | "our"
                )
                && (w + 1..start).all(|t| doc.toks[t].kind != Kind::Poss)
        })
    }

    /// Whether the mention ending before token `e` is the object of the preposition that opens
    /// its sentence (`Like Sen. Corker, ...`), with no comma between them.
    fn object_of_leading_phrase(&self, e: usize) -> bool {
        let doc = self.doc;
        let Some(&(_, start)) = self.index.by_end.get(&e) else {
            return false;
        };
        let first = self.sent_first.get(doc.toks[start].sent as usize).copied().unwrap_or(start);
        first < start
            && start - first <= 6
            && doc.is_word(first)
            && LEADING_PREPOSITIONS.contains(&doc.lw(first))
            && (first + 1..start).all(|k| !doc.is_punct(k, ','))
    }

    /// The word right before the mention that ends before token `e`, past the mention's titles,
    /// with the mention's first token.
    fn word_before_mention(&self, e: usize) -> Option<(usize, usize)> {
        let &(_, start) = self.index.by_end.get(&e)?;
        // `then_some` evaluates its argument first: the subtraction must not come before the test.
        let w = self.skip_titles_back(start).checked_sub(1)?;
        self.doc.is_word(w).then_some((w, start))
    }

    /// The first of the capitalised title words and abbreviation periods (at most five) that
    /// stand right before token `start`, in its sentence.
    fn skip_titles_back(&self, start: usize) -> usize {
        let doc = self.doc;
        let mut k = start;
        while k > 0
            && start - k < 5
            && doc.same_sentence(k - 1, start)
            && (doc.is_cap_word(k - 1) || doc.is_punct(k - 1, '.'))
        {
            k -= 1;
        }
        k
    }

    /// `X of the Brookings Institution said`: where the person's name ends before the
    /// affiliation that ends before token `e` (in the sentence of token `v`).
    fn affiliation_back(&self, e: usize, v: usize) -> Option<usize> {
        let doc = self.doc;
        if e == 0 || !doc.is_cap_word(e - 1) {
            return None;
        }
        let mut c = e;
        while c > 1
            && c + 10 > e
            && doc.is_word(c - 1)
            && doc.same_sentence(c - 1, v)
            && (doc.toks[c - 1].cap || matches!(doc.lw(c - 1), "the" | "for" | "and" | "of" | "on" | "in"))
        {
            c -= 1;
            if matches!(doc.lw(c), "of" | "at" | "from")
                && self.index.by_end.get(&c).is_some_and(|&(pi, _)| pi < self.people.len())
            {
                return Some(c);
            }
        }
        None
    }

    /// The person (or pronoun) that opens the sentence of token `v`, after a leading phrase
    /// closed by a comma (`At the forum, X ...`) and the titles before the name.
    fn sentence_subject(&self, v: usize) -> Option<(usize, Option<Span>)> {
        let doc = self.doc;
        for s in self.subject_starts(v).into_iter().flatten() {
            let s = self.skip_honorifics(s);
            if let Some(g) = pronoun(doc.lw(s)) {
                return self.resolve_pronoun(s, g).map(|p| (p, None));
            }
            if let Some((pi, _)) = self.mention_after_titles(s, v) {
                return Some((pi, None));
            }
        }
        None
    }

    /// The person named from token `s` on, after title words (`Former Florida Gov. X`,
    /// `Mayor X`), before token `limit`; with the mention's end. None when `s` is a leading
    /// preposition (`Like X, Y said`).
    fn mention_after_titles(&self, s: usize, limit: usize) -> Option<(usize, usize)> {
        let doc = self.doc;
        if doc.is_word(s) && LEADING_PREPOSITIONS.contains(&doc.lw(s)) {
            return None;
        }
        let mut k = s;
        while k < limit && k < s + 6 {
            if let Some(&(pi, end)) = self.index.by_start.get(&k) {
                return Some((pi, end));
            }
            let titled = doc.is_cap_word(k)
                // `added his campaign manager X`, `said the party's chairman X`.
                || k == s && doc.is_word(k) && matches!(doc.lw(k), "his" | "her" | "their" | "its" | "the")
                || doc.is_punct(k, '.')
                // `9/11 widow X`
                || doc.is_punct(k, '/')
                || doc.w(k).starts_with(|c: char| c.is_ascii_digit())
                || doc.is_word(k)
                    && (doc.is_title_modifier(k) || doc.is_title_head(k));
            if !titled {
                break;
            }
            k += 1;
        }
        None
    }

    /// The person a subject starting at token `s` (after a verb: `said X`) names.
    fn subject_after(&self, s: usize) -> Option<(usize, Option<Span>)> {
        let doc = self.doc;
        let s = self.skip_honorifics(s);
        // `said his best friend at Lehigh, X`, `said one of his aides, X`: the person named after
        // a description that the comma closes.
        let n = doc.toks.len();
        if matches!(doc.lw(s), "his" | "her" | "their" | "its" | "a" | "an" | "the" | "one")
            && let Some(c) = (s + 1..(s + 10).min(n))
                .take_while(|&k| doc.same_sentence(s, k) && doc.toks[k].kind != Kind::Open)
                .find(|&k| doc.is_punct(k, ','))
            && (pronoun(doc.lw(s)).is_some() || !self.index.by_start.contains_key(&s))
            && let Some(&(pi, end)) = self.index.by_start.get(&self.skip_honorifics(c + 1))
            && pi < self.people.len()
            && (end >= n
                || !doc.same_sentence(c, end)
                || matches!(doc.toks[end].kind, Kind::Punct(',' | '.')))
        {
            return Some((pi, None));
        }
        if let Some(&(pi, _)) = self.index.by_start.get(&s) {
            return Some((pi, None));
        }
        if let Some(g) = pronoun(doc.lw(s)) {
            return self.resolve_pronoun(s, g).map(|p| (p, None));
        }
        // `said the State Department`
        if doc.lw(s) == "the"
            && let Some(&(si, _)) = self.index.by_start.get(&(s + 1))
            && si >= self.people.len()
        {
            return Some((si, None));
        }
        // `said former Obama adviser X`, `said Sen. X`: the name after its titles.
        let limit = (s + 6).min(doc.toks.len());
        if let Some((pi, end)) = self.mention_after_titles(s, limit)
            && doc.same_sentence(s, end.saturating_sub(1))
        {
            return Some((pi, None));
        }
        // `said the minister`
        let mut e = s;
        while e < doc.toks.len() && e < s + 5 && doc.is_word(e) && doc.same_sentence(s, e) {
            e += 1;
            if doc.is_title_head(e - 1) {
                return self.role_noun_before(e);
            }
        }
        None
    }

    /// `the minister`, `the Democratic presidential nominee` ending before token `e`: the last
    /// person named before it whose title has that head word.
    fn role_noun_before(&self, e: usize) -> Option<(usize, Option<Span>)> {
        let doc = self.doc;
        if e == 0 || !doc.is_word(e - 1) || !doc.is_title_head(e - 1) {
            return None;
        }
        let head = doc.lw(e - 1);
        let mut s = e - 1;
        while s > 0 && doc.is_word(s - 1) && doc.same_sentence(s - 1, e - 1) {
            let lw = doc.lw(s - 1);
            if lw == "the" {
                s -= 1;
                break;
            }
            if doc.is_title_modifier(s - 1) || doc.is_country(s - 1) || doc.toks[s - 1].cap {
                s -= 1;
                continue;
            }
            return None;
        }
        if !doc.lw(s).eq_ignore_ascii_case("the") {
            return None;
        }
        let pos = self.index.order.partition_point(|&(t, _)| t < s);
        self.index.order[..pos].iter().rev().take(32).find_map(|&(_, pi)| {
            let role = &self.roles[pi];
            let title = role.title.as_ref()?.to_ascii_lowercase();
            title
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == head)
                .then_some((pi, Some(doc.span(s, e))))
        })
    }

    /// Where a short parenthetical ending just before token `e` opens (`X (D-Mass.) said`,
    /// `X (pictured) said`), else `e`.
    /// The first of the auxiliaries, adverbs and short time adjuncts standing before the verb at
    /// `v`: `X has also said`, `X on Tuesday said`, `X at the time said`.
    fn skip_auxiliaries_back(&self, v: usize) -> usize {
        let doc = self.doc;
        let mut e = v;
        loop {
            // `X eventually dismissed`: an adverb in -ly may stand there too.
            while e > 0
                && doc.is_word(e - 1)
                && (self.lists.has(e - 1, CueList::Auxiliaries) || self.adverb(e - 1))
            {
                e -= 1;
            }
            // `on Tuesday`, `on Monday night`, `last week`.
            let opens = |k: usize| TIME_LEADS.contains(&doc.lw(k)) || doc.lw(k) == "earlier";
            let mut b = e;
            if b > 0 && self.lists.has(b - 1, CueList::PartsOfDay) {
                b -= 1;
            }
            if b > 1 && b < e && opens(b - 1) {
                e = b - 1;
                continue;
            }
            if b > 1 && self.lists.has(b - 1, CueList::Calendar) && opens(b - 2) {
                e = b - 2;
                continue;
            }
            // `X Thursday told`, `X later Monday said`: a weekday alone (adverbs are skipped
            // above).
            if b > 1 && is_weekday(doc.lw(b - 1)) {
                e = b - 1;
                continue;
            }
            if e > 2 && doc.phrase(e - 3, e).is_some_and(|p| cues().subject_adjuncts.contains(p)) {
                e -= 3;
                continue;
            }
            return e;
        }
    }

    /// A lower-case adverb in -ly (`eventually`, `sharply`), not a noun (`family`, `rally`).
    fn adverb(&self, k: usize) -> bool {
        let doc = self.doc;
        let lw = doc.lw(k);
        !doc.toks[k].cap && lw.len() > 4 && lw.ends_with("ly") && !self.lists.has(k, CueList::NotAdverbs)
    }

    fn skip_parenthetical_back(&self, e: usize) -> usize {
        let doc = self.doc;
        if e == 0 || !doc.is_punct(e - 1, ')') {
            return e;
        }
        (e.saturating_sub(10)..e - 1)
            .rev()
            .take_while(|&k| !doc.is_punct(k, ')'))
            .find(|&k| doc.is_punct(k, '('))
            .unwrap_or(e)
    }

    /// The first token after honorifics and ranks (`Mr.`, `Dr`, `Gen.`) from `i` on.
    fn skip_honorifics(&self, mut i: usize) -> usize {
        let doc = self.doc;
        while doc.is_word(i) && (doc.honorific(i).is_some() || doc.is_rank_abbreviation(i)) {
            i += 1;
            if doc.is_punct(i, '.') {
                i += 1;
            }
        }
        i
    }

    /// The person `he`/`she` at token `at` refers to: among the last few compatible people named,
    /// the nearest one named as a subject (opening a sentence or followed by a reporting verb)
    /// within the last three sentences, else the nearest one.
    fn resolve_pronoun(&self, at: usize, gender: Gender) -> Option<usize> {
        let doc = self.doc;
        let pos = self.index.order.partition_point(|&(t, _)| t < at);
        let recent: Vec<(usize, usize)> = self.index.order[..pos]
            .iter()
            .rev()
            .take(12)
            .copied()
            .filter(|&(_, pi)| self.people[pi].gender.compatible(gender))
            .collect();
        let sent = doc.toks.get(at).map_or(0, |t| t.sent);
        let subject = recent.iter().find(|&&(t, pi)| {
            let near = doc.toks[t].sent + 3 >= sent;
            let opens = t == 0 || doc.toks[t - 1].sent != doc.toks[t].sent || doc.is_punct(t - 1, '-');
            let end = self.index.by_start.get(&t).map_or(t + 1, |&(_, e)| e);
            // `At a rally on Monday, Smith included ...`: the subject after a fronted phrase.
            let lead = self.skip_titles_back(t);
            let fronted = lead > 0
                && doc.is_punct(lead - 1, ',')
                && doc.same_sentence(lead - 1, t)
                && doc.is_word(end)
                && !doc.toks[end].cap
                && !self.lists.has(end, CueList::NotContent)
                && !matches!(doc.lw(end), "who" | "which" | "whose" | "whom");
            let opens = opens || fronted;
            let speaks = self.is_say(end)
                || (doc.is_word(end) && self.lists.has(end, CueList::Auxiliaries) && self.is_say(end + 1));
            near && (opens || speaks) && self.people[pi].confirmed
        });
        subject.or(recent.first()).map(|&(_, pi)| pi)
    }

    /// A reporting verb, a verb and particle that report (`spoke about`), or a stance after a
    /// copula (`critical of`).
    fn is_cue(&self, i: usize) -> bool {
        self.is_say(i) || self.is_stance(i) || self.phrase_at(i).is_some()
    }

    /// The cue phrase of two or three words opening at token `i` (`called for`, `took aim at`).
    #[inline]
    fn phrase_at(&self, i: usize) -> Option<&str> {
        let doc = self.doc;
        // Most words open no phrase: one probe rules them out.
        if !doc.is_word(i) || !self.lists.has(i, CueList::PhraseHeads) {
            return None;
        }
        [3, 2].into_iter().find_map(|n| doc.phrase(i, i + n).filter(|p| cues().phrases.contains(*p)))
    }

    fn is_stance(&self, i: usize) -> bool {
        // The two words' length and first and last bytes rule most pairs out before `phrase`
        // slices them.
        let doc = self.doc;
        let bytes = doc.text.as_bytes();
        let pair = doc.toks.get(i).zip(doc.toks.get(i + 1));
        let shape = pair.and_then(|(a, b)| {
            Some((b.end.checked_sub(a.start)?, *bytes.get(a.start)?, *bytes.get(b.end.checked_sub(1)?)?))
        });
        shape.is_some_and(|(len, first, last)| {
            cues().stances.shapes.may_contain(len, first.to_ascii_lowercase(), last.to_ascii_lowercase())
        }) && doc.phrase(i, i + 2).is_some_and(|p| cues().stances.contains(p))
    }

    /// A verb of finding (`shows`, `found`) after a subject headed by a poll, study or record
    /// that opens the sentence at `s`: `A new poll shows ...`, `Data from the census show ...`,
    /// `A study by X found ...`. After a person it reports a discovery (`police found the car`).
    fn finding(&self, s: usize, v: usize) -> bool {
        let doc = self.doc;
        if v > s + 14 || !doc.is_word(v) || !self.lists.has(v, CueList::FindingVerbs) {
            return false;
        }
        let head = (s..(s + 6).min(v)).find(|&k| doc.is_word(k) && self.lists.has(k, CueList::Research));
        head.is_some_and(|h| (s..v).all(|k| !matches!(doc.toks[k].kind, Kind::Open | Kind::Close)) && h < v)
    }

    /// For a reporting participle at `v` after a statement put out (`issued a statement
    /// saying`, `released a joint letter calling`), the verb that put it out.
    fn statement_verb(&self, s: usize, v: usize) -> Option<usize> {
        let doc = self.doc;
        if v < s + 3 {
            return None;
        }
        // `a statement saying ...`, `a video that said ...`.
        let relative = matches!(doc.lw(v - 1), "that" | "which") && self.is_say(v);
        if !doc.lw(v).ends_with("ing") && !relative {
            return None;
        }
        let noun = if relative { v - 2 } else { v - 1 - usize::from(doc.is_punct(v - 1, ',')) };
        if !doc.is_word(noun) || !self.lists.has(noun, CueList::Statements) {
            return None;
        }
        // The determiner, with at most one word between it and the noun (`a joint statement`).
        let det = (noun.saturating_sub(2).max(s)..noun).rev().find(|&k| matches!(doc.lw(k), "a" | "an"))?;
        let u = det.checked_sub(1)?;
        (u >= s && doc.is_word(u) && self.lists.has(u, CueList::Publishing)).then_some(u)
    }

    fn is_say(&self, i: usize) -> bool {
        self.doc.is_word(i)
            && { self.doc.is_say_verb(i) || self.lists.has(i, CueList::Verbs) || self.verb_base(i) }
            && !self.inside_proper_name(i)
    }

    /// `to blame`, `will support`, `did not praise`, `they attack`, `Democrats blame`: the bare
    /// form of a cue verb that is as often a noun (`the blame`, `his support`) is the verb after
    /// an infinitive's `to`, a modal, a negation, a subject pronoun or a plural group or party.
    fn verb_base(&self, i: usize) -> bool {
        let doc = self.doc;
        self.lists.has(i, CueList::VerbBases)
            && i > 0
            && !doc.toks[i].cap
            && doc.is_word(i - 1)
            && (self.lists.has(i - 1, CueList::VerbBaseContexts) || self.lists.is_group(i - 1))
    }

    /// `the United States ambassador`: a capitalised word after another inside a sentence, with
    /// no capitalised word after it, closes a proper name (`States` is no verb there); in prose it
    /// may stand inside one (`the United States Court of Appeals`). Title-case lines (`Rubio Says
    /// Cuts Will Stay`) and capitals throughout keep their verbs.
    fn inside_proper_name(&self, i: usize) -> bool {
        let doc = self.doc;
        let t = &doc.toks[i];
        t.cap
            && !t.upper
            && !self.opens_sentence(i)
            && doc.is_cap_word(i - 1)
            && (!doc.is_cap_word(i + 1) || self.in_prose(i))
    }

    /// Whether a lower-case word of four letters or more stands within 16 tokens of token `i` in
    /// its sentence: prose, not a line in title case (whose short words may be lower-case).
    fn in_prose(&self, i: usize) -> bool {
        let doc = self.doc;
        (i.saturating_sub(16)..(i + 16).min(doc.toks.len())).any(|k| {
            let t = &doc.toks[k];
            t.sent == doc.toks[i].sent && matches!(t.kind, Kind::Word) && !t.cap && doc.w(k).len() >= 4
        })
    }

    fn attribute_directs(&self, directs: &[Direct], indirect: &[Found]) -> Vec<Found> {
        let doc = self.doc;
        let mut found: Vec<Option<(usize, Option<Span>, String)>> = Vec::with_capacity(directs.len());
        for d in directs {
            found.push(self.direct_cue(d));
        }
        // Unattributed: the speaker of the quote this one continues, else of the paragraph.
        for k in 0..directs.len() {
            if found[k].is_some() {
                continue;
            }
            let d = &directs[k];
            let para = doc.toks[d.open].para;
            // Without a cue of its own, a short quoted phrase is a title or a scare quote.
            if (d.open + 1..d.content_end).filter(|&t| doc.is_word(t)).count() < 4 {
                continue;
            }
            if k > 0 && !directs[k - 1].closed && doc.toks[directs[k - 1].open].para + 1 == para {
                found[k] = found[k - 1].clone();
                continue;
            }
            // A bounded window keeps this linear however many quotes a paragraph has.
            let same_para = (k.saturating_sub(WINDOW)..(k + WINDOW).min(directs.len()))
                .filter(|&o| o != k && doc.toks[directs[o].open].para == para)
                .filter_map(|o| found[o].clone().map(|f| (directs[o].open.abs_diff(d.open), f)))
                .min_by_key(|(dist, _)| *dist)
                .map(|(_, f)| f);
            let (ps, pe) = self.para_bounds(para);
            let first = indirect.partition_point(|(_, q, _)| q.span.start < ps);
            // Not the one who asked (`Asked by X if ...`): the paragraph is the answer's.
            let from_indirect = indirect[first..]
                .iter()
                .take_while(|(_, q, _)| q.span.end <= pe)
                .take(WINDOW)
                .find(|(_, q, _)| !is_question(q))
                .map(|(pi, q, _)| (*pi, q.cue.clone().unwrap_or_default()));
            found[k] = same_para.or_else(|| from_indirect.map(|(pi, cue)| (pi, None, cue)));
            // A paragraph that is all quote, after a paragraph whose speaker is known.
            if found[k].is_none()
                && d.open > 0
                && doc.toks[d.open - 1].para + 1 == para
                && self.opens_paragraph(d.open)
            {
                found[k] = self.last_speaker_before(k, directs, &found, indirect);
            }
        }
        let mut out = Vec::new();
        let mut k = 0;
        while k < directs.len() {
            let Some((pi, extra, cue)) = found[k].clone() else {
                k += 1;
                continue;
            };
            let d = &directs[k];
            let mixed = self.mixed_start(d);
            // A short quotation set in the writer's clause after a word that does not report it
            // (`a plan she thinks is "a bit rushed"`) is a fragment of a paraphrase, not a quote
            // of its own, nor the start of one running on; after a reporting verb, `that`,
            // `called` or `as` it still is one.
            if mixed.is_none() && self.embedded(d) {
                k += 1;
                continue;
            }
            let (mut text, mut span) = match mixed {
                Some(ms) => (doc.span_text(ms, d.content_end + 1), doc.span(ms, d.content_end + 1)),
                None => (doc.span_text(d.open + 1, d.content_end), doc.span(d.open + 1, d.content_end)),
            };
            // `"A," X said. "B." "C."`: one quote around the attribution, while the same
            // speaker's quotes follow each other in the paragraph or run on into the next.
            while k + 1 < directs.len()
                && found[k + 1].as_ref().is_some_and(|f| f.0 == pi)
                && self.continues(&directs[k], &directs[k + 1])
            {
                let n = &directs[k + 1];
                while text.ends_with(' ') {
                    text.pop();
                }
                // The comma before an attribution stands for the full stop of a sentence that
                // the next fragment begins anew.
                if text.ends_with(',') {
                    text.pop();
                    if doc.toks[n.open + 1].cap {
                        text.push('.');
                    }
                }
                text.push(' ');
                text.push_str(&doc.span_text(n.open + 1, n.content_end));
                span = Span::new(span.start, doc.span(n.open + 1, n.content_end).end);
                k += 1;
            }
            let text = text.trim_end_matches([',', ' ']).to_string();
            let kind = if mixed.is_some() { QuoteKind::Indirect } else { QuoteKind::Direct };
            out.push((pi, Quote { text, span, cue: (!cue.is_empty()).then_some(cue), kind }, extra));
            k += 1;
        }
        out
    }

    /// Whether direct quote `d` is a short quoted fragment inside the writer's clause: at most
    /// eight words, after a word of the same sentence that neither reports it nor introduces it.
    fn embedded(&self, d: &Direct) -> bool {
        let doc = self.doc;
        if d.open == 0 || !doc.is_word(d.open - 1) || !doc.same_sentence(d.open - 1, d.open) {
            return false;
        }
        // A quotation opening a line of its own stands apart from the words before it.
        if doc.text[doc.toks[d.open - 1].end..doc.toks[d.open].start].contains('\n') {
            return false;
        }
        if (d.open + 1..d.content_end).filter(|&t| doc.is_word(t)).count() > 8 {
            return false;
        }
        let lw = doc.lw(d.open - 1);
        !(cues().introducers.contains(lw) || self.names.is_say_verb(lw) || self.is_cue(d.open - 1))
    }

    /// Whether quote `n` goes on with quote `d` of the same speaker: next in the paragraph with
    /// no more than one attribution between them, or opening the paragraph after an unclosed `d`.
    fn continues(&self, d: &Direct, n: &Direct) -> bool {
        let doc = self.doc;
        let para = doc.toks[d.open].para;
        if !d.closed {
            return doc.toks[n.open].para == para + 1 && self.opens_paragraph(n.open);
        }
        if doc.toks[n.open].para != para || n.open > d.content_end + MAX_GAP {
            return false;
        }
        // Between them only `d`'s attribution, ending the sentence or clause: `X said.`,
        // `said X, a lawyer,`. A short quote after it is a title or a scare quote.
        let gap = d.content_end + 1..n.open;
        if gap.is_empty() {
            return true;
        }
        let words = (n.open + 1..n.content_end).filter(|&t| doc.is_word(t)).count();
        let says = gap.clone().filter(|&t| self.is_say(t)).count();
        let cue_near = gap.clone().take(8).any(|t| self.is_say(t));
        words >= 4
            && says == 1
            && doc.same_sentence(gap.start, gap.end - 1)
            && cue_near
            && matches!(doc.toks[n.open - 1].kind, Kind::Punct('.' | ',' | ':' | ';'))
    }

    /// Where the subject of the sentence holding token `v` may start, before `v`: the
    /// sentence's first token, the first after a dateline lead (`LIMA (AP) -`), and the first
    /// after each of the first three commas (`On Thursday, however, X spoke ...`).
    fn subject_starts(&self, v: usize) -> [Option<usize>; 5] {
        let doc = self.doc;
        let first = self.sent_first.get(doc.toks[v].sent as usize).copied().unwrap_or(v);
        let lead = (first..(first + 12).min(v))
            .find(|&k| matches!(doc.toks[k].kind, Kind::Punct('-' | '—' | '–')))
            .map_or(first, |d| d + 1);
        let mut commas = (lead..(lead + 16).min(v)).filter(|&k| doc.is_punct(k, ',')).map(|c| c + 1);
        [Some(first), Some(lead), commas.next(), commas.next(), commas.next()]
    }

    /// The person who is the subject of the clause that ends at token `e` (a colon): a name or
    /// pronoun at one of the [`Self::subject_starts`], the nearest to `e` first (`When Wallace
    /// died, President Clinton released a statement:`). Not a possessive (`Clinton's campaign
    /// released a statement:`).
    fn clause_subject(&self, e: usize) -> Option<usize> {
        let doc = self.doc;
        for s in self.subject_starts(e).into_iter().rev().flatten() {
            let s = self.skip_honorifics(s);
            if let Some(g) = pronoun(doc.lw(s)) {
                return self.resolve_pronoun(s, g);
            }
            if let Some((pi, end)) = self.mention_after_titles(s, e) {
                let possessive = doc.toks.get(end).is_some_and(|t| t.kind == Kind::Poss);
                return (pi < self.people.len() && !possessive).then_some(pi);
            }
        }
        None
    }

    /// Whether the mention ending before token `e` (with its article) opens its sentence, after
    /// any dateline lead: it is the sentence's subject, not an object inside it.
    fn subject_opens_sentence(&self, e: usize) -> bool {
        let doc = self.doc;
        let Some(&(_, start)) = self.index.by_end.get(&e) else {
            return false;
        };
        let start = if start > 0 && doc.lw(start - 1) == "the" { start - 1 } else { start };
        let first = self.sent_first.get(doc.toks[start].sent as usize).copied().unwrap_or(start);
        start == first || after_dateline(doc, first, e) == start
    }

    fn opens_sentence(&self, i: usize) -> bool {
        i == 0 || self.doc.toks[i - 1].sent != self.doc.toks[i].sent
    }

    fn opens_paragraph(&self, i: usize) -> bool {
        i == 0 || self.doc.toks[i - 1].para != self.doc.toks[i].para
    }

    /// Byte range of paragraph `para`.
    fn para_bounds(&self, para: u32) -> (usize, usize) {
        self.paras.get(para as usize).copied().unwrap_or((0, 0))
    }

    fn last_speaker_before(
        &self,
        k: usize,
        directs: &[Direct],
        found: &[Option<(usize, Option<Span>, String)>],
        indirect: &[Found],
    ) -> Option<(usize, Option<Span>, String)> {
        let at = directs[k].open;
        let prev_para = self.doc.toks[at - 1].para;
        let (start, _) = self.para_bounds(prev_para);
        let end = self.doc.toks[at - 1].end;
        let d = (k.saturating_sub(WINDOW)..k)
            .rev()
            .find(|&o| found[o].is_some() && self.doc.toks[directs[o].open].para == prev_para)
            .map(|o| (self.doc.toks[directs[o].open].start, found[o].clone()));
        let upto = indirect.partition_point(|(_, q, _)| q.span.start < end);
        let i = indirect[..upto]
            .iter()
            .rev()
            .take(WINDOW)
            .find(|(_, q, _)| !is_question(q))
            .filter(|(_, q, _)| q.span.start >= start && q.span.end <= end)
            .map(|(pi, q, _)| (q.span.start, Some((*pi, None, q.cue.clone().unwrap_or_default()))));
        match (d, i) {
            (Some(a), Some(b)) => {
                if a.0 > b.0 {
                    a.1
                } else {
                    b.1
                }
            }
            (Some(a), None) => a.1,
            (None, Some(b)) => b.1,
            (None, None) => None,
        }
    }

    /// Whether direct quote `d`, a few capitalised words, is a reply a verb of saying reports
    /// right next to it: `X said, "Probably."`, `"No," replied X.`, `"Never," X said.` Its
    /// closing punctuation inside the marks makes it an utterance, not a title.
    fn short_reply(&self, d: &Direct) -> bool {
        let doc = self.doc;
        if !d.closed
            || d.content_end < d.open + 2
            || !matches!(doc.toks[d.content_end - 1].kind, Kind::Punct('.' | '!' | '?' | ','))
        {
            return false;
        }
        // Before it, when it ends the sentence (`shouted, "Cruz," Beck joked` goes on to
        // another's report).
        let said_before = d.open >= 2
            && !doc.is_punct(d.content_end - 1, ',')
            && matches!(doc.toks[d.open - 1].kind, Kind::Punct(',' | ':'))
            && self.is_say(d.open - 2);
        // After it, only when it opens its sentence: `shouted, "Cruz," Beck joked` is another's.
        let after = d.content_end + 1;
        let opens = d.open == 0 || !doc.same_sentence(d.open - 1, d.open);
        let said_after = opens
            && doc.toks.get(after).is_some_and(|t| t.para == doc.toks[d.open].para)
            && (self.is_say(after)
                || self.index.by_start.get(&after).is_some_and(|&(_, end)| self.is_say(end)));
        said_before || said_after
    }

    /// The cue written next to a direct quote.
    fn direct_cue(&self, d: &Direct) -> Option<(usize, Option<Span>, String)> {
        let doc = self.doc;
        // `on "Meet the Nation"`, `the "Green Deal"`: a short quoted name is a title, not speech.
        let words = (d.open + 1..d.content_end).filter(|&t| doc.is_word(t)).count();
        if words <= 5 {
            let after_preposition = d.open > 0
                && matches!(doc.lw(d.open - 1), "on" | "of" | "in" | "at" | "from" | "with" | "the");
            let title_case = (d.open + 1..d.content_end).all(|t| {
                !doc.is_word(t) || doc.toks[t].cap || self.lists.has(t, CueList::TitleFunctionWords)
            });
            if after_preposition || title_case && !self.short_reply(d) {
                return None;
            }
        }
        let mut guess = None;
        // `"..." ― Sonya Herridge`: a quotation signed with a dash and a name closing its line
        // (readers' voices, epigraphs, posts).
        let dash = d.content_end + 1;
        // A quotation standing as its own paragraph may be signed on the next line (`- Bernie
        // Sanders.`, `-Michelle Marks, Philadelphia.`), as fact checks and quotable boxes print them.
        let own_paragraph = self.opens_paragraph(d.open)
            && doc.toks.get(dash).is_some_and(|t| t.para == doc.toks[d.open].para + 1);
        if d.closed
            && is_dash(doc, dash)
            && (doc.toks[dash].para == doc.toks[d.open].para || own_paragraph)
            && let Some((pi, end)) = self.mention_after_titles(self.skip_honorifics(dash + 1), doc.toks.len())
            && pi < self.people.len()
        {
            // `― Carla Sanchez.`: a full stop may close the signature.
            let end = if doc.is_punct(end, '.') { end + 1 } else { end };
            let closes_line = doc.toks.get(end).is_none_or(|t| {
                t.para != doc.toks[dash].para || doc.text[doc.toks[end - 1].end..t.start].contains('\n')
            });
            // On a line of its own the signature may go on after a comma with where or when the
            // words were said (`, Philadelphia.`, `, tweeting after the speech.`).
            let glossed = own_paragraph
                && doc.is_punct(end, ',')
                && (end..(end + 12).min(doc.toks.len() + 1))
                    .any(|k| doc.toks.get(k).is_none_or(|t| t.para != doc.toks[dash].para));
            if closes_line || glossed {
                return Some((pi, None, String::new()));
            }
        }
        // After: `"...," X said` / `"...," said X` / `"...," he added`.
        if d.closed {
            let mut j = d.content_end + 1;
            if doc.is_punct(j, ',') {
                j += 1;
            }
            if j < doc.toks.len() && doc.same_sentence(d.content_end, j)
                || doc.toks.get(j).is_some_and(|t| t.para == doc.toks[d.open].para)
            {
                if self.is_say(j) {
                    if let Some((pi, extra)) = self.subject_after(j + 1) {
                        return Some((pi, extra, doc.lw(j).to_string()));
                    }
                } else {
                    // subject then verb, within a few tokens
                    // `"...," Sen. X (R-S.C.), a close adviser to Y, told AFP`: past an appositive.
                    // `"...," when Smith attacked him`: a clause of the writer's, whose subject is
                    // the speaker only when no cue before the quote names another.
                    let subordinate = doc.is_word(j) && self.lists.has(j, CueList::Subordinators);
                    // `"... for a long time." Analyst X agreed.`: after a quotation that ends
                    // its sentence, the next sentence's verb is only a guess; a cue before the
                    // quotation (`..., adding that "..."`) comes first.
                    let closed_sentence = d.content_end > d.open + 1 && doc.is_punct(d.content_end - 1, '.');
                    for v in j + 1..(j + MAX_GAP).min(doc.toks.len()) {
                        // `"...," Smith pointed out`: a cue of verb and particle.
                        if self.is_say(v) || self.phrase_at(v).is_some() {
                            // `"..." Kasich said he would ...`: a verb with a clause of its own
                            // reports that clause, not the quotation before its sentence.
                            let own_clause = closed_sentence
                                && doc.is_word(v + 1)
                                && CLAUSE_OPENERS.contains(&doc.lw(v + 1));
                            if !own_clause
                                && let Some((pi, extra)) = self.subject_before(v)
                                && self.subject_starts_at_or_after(pi, extra, j, v)
                            {
                                let found = Some((pi, extra, doc.lw(v).to_string()));
                                if !subordinate && !closed_sentence {
                                    return found;
                                }
                                guess = found;
                            }
                            break;
                        }
                        let inner = doc.is_word(v)
                            || doc.toks[v].kind == Kind::Poss
                            // `X, an analyst at Smith & Co., wrote`.
                            || matches!(doc.toks[v].kind, Kind::Punct(',' | '.' | '(' | ')' | '-' | '&'));
                        if !inner || !doc.same_sentence(j, v) {
                            break;
                        }
                    }
                }
            }
        }
        // Before: `X said: "..."`, `X told reporters, "..."`, and a paragraph ending `X said:`
        // before a paragraph that opens with the quote.
        let open = d.open;
        let colon = open > 0 && doc.is_punct(open - 1, ':');
        // `Smith: "..."`: a name alone before the colon, opening its sentence or an item after a
        // dash (`... in the Northeast - Philip Bump: "..."`).
        if colon
            && let Some(&(pi, start)) = self.index.by_end.get(&(open - 1))
            && (self.opens_sentence(start)
                || start > 0 && matches!(doc.toks[start - 1].kind, Kind::Punct('-' | '—' | '–')))
        {
            return Some((pi, None, String::new()));
        }
        let floor = open.saturating_sub(CUE_REACH);
        let mut v = open;
        while v > floor {
            v -= 1;
            let near = doc.same_sentence(v, open)
                || (doc.toks[v].para == doc.toks[open].para && v + 2 >= open)
                || (colon && doc.same_sentence(v, open - 1));
            if !near {
                break;
            }
            if doc.toks[v].kind == Kind::Close {
                break;
            }
            // `X continued: "..."`: a verb that only introduces a quote before its colon.
            let introduces = colon && v + 2 == open && self.lists.has(v, CueList::ColonVerbs);
            if self.is_cue(v) || introduces {
                if let Some((pi, extra)) = self.subject_before(v) {
                    return Some((pi, extra, doc.lw(v).to_string()));
                }
                // `X released a video that said: "..."`: the statement's author says it.
                let first = self.sent_first.get(doc.toks[v].sent as usize).copied().unwrap_or(v);
                if let Some(u) = self.statement_verb(first, v)
                    && let Some((pi, extra)) = self.subject_before(u)
                {
                    return Some((pi, extra, doc.lw(v).to_string()));
                }
                // `said X: "..."`: the name must end right at the punctuation before the quote.
                let colon = open > 0 && matches!(doc.toks[open - 1].kind, Kind::Punct(':' | ','));
                if colon
                    && let Some((pi, extra)) = self.subject_after(v + 1)
                    && self.index.by_end.get(&(open - 1)).is_some_and(|&(p, _)| p == pi)
                {
                    return Some((pi, extra, doc.lw(v).to_string()));
                }
                break;
            }
        }
        // `X delivered a blunt message to Trump: "..."`, `He had a simple answer: "..."`: with no
        // cue before it, a closed quotation after a colon that ends its sentence is what the
        // sentence's subject said.
        let ends_sentence = d.closed
            && doc.toks.get(d.content_end + 1).is_none_or(|t| {
                t.para != doc.toks[open].para
                    || matches!(t.kind, Kind::Punct('.'))
                    || t.sent != doc.toks[d.content_end].sent
            });
        if guess.is_none() && colon && ends_sentence && !(floor..open).any(|k| self.is_cue(k)) {
            return self.clause_subject(open - 1).map(|pi| (pi, None, String::new()));
        }
        guess
    }

    fn subject_starts_at_or_after(&self, pi: usize, extra: Option<Span>, j: usize, v: usize) -> bool {
        if let Some(span) = extra {
            return span.start >= self.doc.toks[j].start;
        }
        // The name or pronoun lies between j and v.
        (j..v).any(|t| {
            self.index.by_start.get(&t).is_some_and(|&(p, _)| p == pi) || pronoun(self.doc.lw(t)).is_some()
        })
    }

    /// `X's criticism of Y`, `X's claim that Z`: a noun of speech or stance after a person's
    /// possessive, and its object or clause as what X said.
    fn possessive_cues(&self, s: usize, ce: usize, inside: &[bool], out: &mut Vec<Found>) {
        let doc = self.doc;
        for k in s + 1..ce {
            if doc.toks[k].kind != Kind::Poss || inside[k] {
                continue;
            }
            let Some(&(pi, _)) = self.index.by_end.get(&k) else { continue };
            // One modifier may stand before the noun: `X's repeated attacks on`.
            let mut nn = k + 1;
            if !self.lists.has(nn, CueList::PossessiveNouns) && doc.is_word(nn) && !doc.toks[nn].cap {
                nn += 1;
            }
            if nn >= ce || !doc.is_word(nn) || !self.lists.has(nn, CueList::PossessiveNouns) {
                continue;
            }
            let p = nn + 1;
            if p >= ce || !doc.is_word(p) {
                continue;
            }
            let link = doc.lw(p);
            let (a, clause) = match link {
                "that" => (p, true),
                "of" | "on" | "about" | "for" | "against" | "toward" | "towards" | "over" | "to" => {
                    (p + 1, false)
                }
                _ => continue,
            };
            if a >= ce || inside[a] && doc.toks[a].kind != Kind::Open {
                continue;
            }
            // The object ends where the sentence's own verb or a new clause begins: `X's attacks
            // on Y have hurt him`, `X's call for Y, which ...`. Bounded like any content.
            let ends_object = |j: usize| {
                !inside[j]
                    && (matches!(doc.toks[j].kind, Kind::Punct(',' | ';' | ':' | '(' | '—' | '–'))
                        || doc.is_word(j)
                            && (self.lists.has(j, CueList::ObjectEnds) || !doc.toks[j].cap && self.is_say(j)))
            };
            let b =
                if clause { ce } else { (a + 1..ce.min(a + 201)).find(|&j| ends_object(j)).unwrap_or(ce) };
            let _ = self.push(out, pi, None, a, b, doc.lw(nn), inside);
        }
    }

    /// `Asked by X if ...`, `Pressed by X on ...`: token `s` opens a question put by the one
    /// named after `by`.
    fn opens_question(&self, s: usize) -> bool {
        let doc = self.doc;
        doc.is_cap_word(s) && cues().questioned.contains(doc.lw(s)) && is_lw(doc, s + 1, "by")
    }

    /// `Citing the deficit, X voted against the bill.`, `Responding to the charge, X wrote ...`:
    /// a sentence that opens with a reporting participle reports what follows it, up to the
    /// comma, for the subject named right after that comma.
    fn fronted_participle(&self, s: usize, ce: usize, inside: &[bool], out: &mut Vec<Found>) {
        let doc = self.doc;
        // `Asked by X if ..., Y said ...`: the question is X's.
        if !inside[s]
            && self.opens_question(s)
            && let Some((pi, end)) = self.mention_after_titles(self.skip_honorifics(s + 2), ce)
            && end < ce
            && doc.is_word(end)
            && cues().question_openers.contains(doc.lw(end))
            && let Some(c) = (end + 2..ce.min(end + 60)).find(|&k| !inside[k] && doc.is_punct(k, ','))
        {
            let cue = format!("{} by", doc.lw(s));
            let _ = self.push(out, pi, None, end, c, &cue, inside);
            return;
        }
        // `Speaking on Fox News, X said`: what follows `speaking` is mostly the venue.
        if inside[s]
            || !doc.toks[s].cap
            || !doc.lw(s).ends_with("ing")
            || doc.lw(s) == "speaking"
            || !self.is_cue(s)
        {
            return;
        }
        // The first comma closes the participle clause; a bounded look keeps this linear.
        let Some(c) = (s + 2..ce.min(s + 60)).find(|&k| !inside[k] && doc.is_punct(k, ',')) else {
            return;
        };
        // The subject: a name (after its titles) or a pronoun, followed by its verb.
        let (pi, end) = if let Some(g) = pronoun(doc.lw(c + 1)) {
            let Some(pi) = self.resolve_pronoun(c + 1, g) else { return };
            (pi, c + 2)
        } else {
            let Some(found) = self.mention_after_titles(self.skip_honorifics(c + 1), ce) else { return };
            found
        };
        if end >= ce || !doc.is_word(end) || doc.toks[end].cap || !doc.same_sentence(c, end) {
            return;
        }
        if let Some(a) = self.content_start(s, c)
            && !inside[a]
        {
            let _ = self.push(out, pi, None, a, c, doc.lw(s), inside);
        }
    }

    /// Indirect speech, skipping tokens inside quotation marks.
    fn indirect(&self, inside: &[bool]) -> Vec<Found> {
        let doc = self.doc;
        let n = doc.toks.len();
        let mut out = Vec::new();
        let mut s = 0;
        while s < n {
            let mut e = s + 1;
            while e < n && doc.toks[e].sent == doc.toks[e - 1].sent {
                e += 1;
            }
            self.sentence(s, e, inside, &mut out);
            s = e;
        }
        self.transcript_turns(&mut out);
        out
    }

    /// Turns of a transcript: a paragraph opening with a speaker's surname in capitals and a
    /// colon (`SMITH: We will win.`, `"SMITH: ...`) is that person's, to the paragraph's end.
    fn transcript_turns(&self, out: &mut Vec<Found>) {
        let doc = self.doc;
        let n = doc.toks.len();
        let mut surnames: FastMap<String, usize> = FastMap::default();
        for (pi, p) in self.people.iter().enumerate().filter(|(_, p)| p.confirmed) {
            if let Some(last) = p.words().last() {
                surnames.entry(last.to_lowercase()).or_insert(pi);
            }
        }
        let mut k = 0;
        while k < n {
            let para = doc.toks[k].para;
            let mut end = k;
            while end < n && doc.toks[end].para == para {
                end += 1;
            }
            let mut a = k;
            if doc.toks[a].kind == Kind::Open {
                a += 1;
            }
            // `X writes:` closing a paragraph introduces the next one, quoted in full.
            if end > k + 2
                && end < n
                && doc.is_punct(end - 1, ':')
                && doc.toks[end].kind != Kind::Open
                && let Some(v) = (end.saturating_sub(12)..end - 1).rev().find(|&v| {
                    doc.same_sentence(v, end - 1)
                        && (self.is_cue(v) || self.lists.has(v, CueList::ColonVerbs))
                })
                && let Some((pi, extra)) = self.subject_before(v)
            {
                let next = doc.toks[end].para;
                let mut b = end;
                while b < n && doc.toks[b].para == next {
                    b += 1;
                }
                if b > end + 3 {
                    let quote = Quote {
                        text: doc.span_text(end, b),
                        span: doc.span(end, b),
                        cue: Some(doc.lw(v).to_string()),
                        kind: QuoteKind::Indirect,
                    };
                    out.push((pi, quote, extra));
                }
            }
            let label = a < end && doc.toks[a].upper && doc.is_word(a) && doc.is_punct(a + 1, ':');
            // A label the speaker stage made a person of (`JAKE TAPPER:`), or the surname of
            // someone named in the text (`PENCE:`).
            let labelled = self
                .index
                .by_start
                .get(&a)
                .filter(|&&(pi, e)| {
                    pi < self.people.len()
                        && e > a
                        && e < end
                        && doc.is_punct(e, ':')
                        && (a..e).all(|t| doc.toks[t].upper)
                })
                .copied()
                .or_else(|| surnames.get(doc.lw(a)).filter(|_| label).map(|&pi| (pi, a + 1)));
            if let Some((pi, colon)) = labelled {
                let a = colon - 1;
                let mut b = end;
                while b > a + 2 && matches!(doc.toks[b - 1].kind, Kind::Close | Kind::Punct('.' | '!' | '?'))
                {
                    b -= 1;
                }
                if b > a + 3 {
                    let quote = Quote {
                        text: doc.span_text(a + 2, b),
                        span: doc.span(a + 2, b),
                        cue: None,
                        kind: QuoteKind::Direct,
                    };
                    out.push((pi, quote, None));
                }
            }
            k = end;
        }
    }

    fn sentence(&self, s: usize, e: usize, inside: &[bool], out: &mut Vec<Found>) {
        let doc = self.doc;
        let s = after_dateline(self.doc, s, e);
        if s >= e {
            return;
        }
        // Content end: before the final punctuation.
        let mut ce = e;
        while ce > s && matches!(doc.toks[ce - 1].kind, Kind::Punct('.' | '!' | '?' | ';' | ':')) {
            ce -= 1;
        }
        // `Smith: the plan is dead.`: a name alone before a colon opening the sentence.
        if let Some((pi, m)) = self.mention_after_titles(s, ce)
            && doc.is_punct(m, ':')
            && m + 1 < ce
            && doc.toks[m + 1].kind != Kind::Open
        {
            let _ = self.push(out, pi, None, m + 1, ce, "", inside);
        }
        // `according to X, ...` / `..., according to X.`
        for a in s..e.saturating_sub(2) {
            if !is_lw(doc, a, "according") || doc.lw(a + 1) != "to" || inside[a] {
                continue;
            }
            let Some(j) = self.according_to_source(a + 2) else { continue };
            let Some(&(pi, mend)) = self.index.by_start.get(&j) else { continue };
            if a == s {
                // Content after the comma that closes the attribution.
                let Some(c) = (mend..ce).find(|&k| doc.is_punct(k, ',')) else { continue };
                let _ = self.push(out, pi, None, c + 1, ce, "according to", inside);
            } else if a > s && doc.is_punct(a - 1, ',') {
                let _ = self.push(out, pi, None, s, a - 1, "according to", inside);
            }
        }
        let first_found = out.len();
        self.possessive_cues(s, ce, inside, out);
        self.fronted_participle(s, ce, inside, out);
        // `Asked by X if ..., Y demurred`: the question is X's, never Y's words before the verb.
        let question = self.opens_question(s);
        // Cues inside reported content are the speaker's words (`X said he plans to ...`).
        let mut covered = s;
        let mut covered_by = usize::MAX;
        for v in s..e {
            if inside[v] || !(self.is_cue(v) || self.finding(s, v)) || self.passive(v) {
                continue;
            }
            // Inside reported content a cue is the speaker's words, unless another person is
            // named as its subject: `X said Y told him ...` reports Y too.
            // Only a verb of saying reports inside a report: `X said Y requested a delay` is X's
            // claim about Y, not a quote of Y's.
            if v < covered
                && !self.coordinated(v)
                && (self.named_subject(v).is_none_or(|pi| pi == covered_by) || !doc.is_say_verb(v))
            {
                continue;
            }
            // A phrase of three words is the cue as a whole (`took aim at`).
            let cue =
                self.phrase_at(v).filter(|p| p.split(' ').count() == 3).unwrap_or(doc.lw(v)).to_string();
            // `..., X said.` / `..., said X.`: the content comes first.
            // `..., X said [on Tuesday | in a statement].`: nothing but an adjunct after the verb.
            let tail_short = |mut from: usize| {
                // `X told The Huffington Post on Thursday`: past the one told.
                if matches!(doc.lw(v), "told" | "tells" | "tell") {
                    while from < ce
                        && (doc.is_cap_word(from)
                            || doc.toks[from].kind == Kind::Poss
                            || doc.is_word(from)
                                && (doc.lw(from) == "the" || self.lists.has(from, CueList::Audience)))
                    {
                        from += 1;
                    }
                }
                // `A, X said that he did not`, `Later that day, X said she would resign`: a
                // clause after the verb, opening with `that` or a subject pronoun, is its content.
                // `In a speech, X said:` introduces what follows.
                from + 4 >= ce
                    && !doc.is_punct(from, ':')
                    && (from..ce).all(|k| !self.is_say(k))
                    && !is_lw(doc, from, "that")
                    && !(from + 1 < ce
                        && doc.is_word(from)
                        && matches!(doc.lw(from), "he" | "she" | "it" | "they" | "we" | "i" | "you"))
            };
            if let Some((pi, extra)) = self.subject_before(v) {
                let subj_start =
                    extra.map_or_else(|| self.mention_start_before(v), |sp| self.token_at(sp.start));
                // `..., analyst Dana Whitaker said.`: titles may stand between comma and name.
                // `..., Mr. Smith said.`: and honorifics, with their period.
                let honorific =
                    |k: usize| doc.is_word(k) && (doc.honorific(k).is_some() || doc.is_rank_abbreviation(k));
                // `..., DFA spokesman X said.`: and the organisation that a title head is of.
                let subj_start = subj_start.map(|mut ss| {
                    let mut titled = false;
                    let mut owners = 0;
                    while ss > s + 1 {
                        if doc.is_word(ss - 1)
                            && (doc.is_title_head(ss - 1)
                                || doc.is_title_modifier(ss - 1)
                                || honorific(ss - 1)
                                || matches!(doc.lw(ss - 1), "the" | "a" | "an"))
                        {
                            titled |= doc.is_title_head(ss - 1);
                            ss -= 1;
                        } else if titled && owners < 4 && doc.is_cap_word(ss - 1) {
                            owners += 1;
                            ss -= 1;
                        } else if ss > s + 2 && doc.is_punct(ss - 1, '.') && honorific(ss - 2) {
                            ss -= 2;
                        } else {
                            break;
                        }
                    }
                    ss
                });
                // `A of "B," X said.`: the comma may close a quotation that ends the content.
                // Not `In her speech, "...," X said`: a quotation after a comma or colon is
                // quoted whole, its lead-in the writer's.
                let quotation_closes = |ss: usize| {
                    ss > s + 2
                        && doc.toks[ss - 1].kind == Kind::Close
                        && doc.is_punct(ss - 2, ',')
                        && doc.toks[s].kind != Kind::Open
                        && !inside[s]
                        && (s..ss - 1).rev().find(|&k| doc.toks[k].kind == Kind::Open).is_some_and(|o| {
                            o > s && !matches!(doc.toks[o - 1].kind, Kind::Punct(',' | ':'))
                                // Not `X called it "...," X said`: the writer's account of the
                                // speaker's own words keeps the quotation alone.
                                && !(s..o).any(|k| {
                                    self.is_cue(k) && self.subject_before(k).is_some_and(|(p, _)| p == pi)
                                })
                        })
                };
                if let Some(ss) = subj_start
                    && quotation_closes(ss)
                    && (s..ss).filter(|&k| doc.is_word(k)).count() >= 3
                    && tail_short(v + 1)
                    && !question
                {
                    let _ = self.push(out, pi, extra, s, ss, &cue, inside);
                    continue;
                }
                if let Some(ss) = subj_start
                    && ss > s
                    && doc.is_punct(ss - 1, ',')
                    && (s..ss).filter(|&k| doc.is_word(k)).count() >= 3
                    && tail_short(v + 1)
                    && !question
                {
                    // `"Boots on the ground" would be wise, X said.`: a quotation that opens
                    // the content and closes before its end is part of it.
                    let mixed = doc.toks[s].kind == Kind::Open
                        && (s + 1..ss - 1)
                            .find(|&k| doc.toks[k].kind == Kind::Close && !inside[k])
                            .is_some_and(|c| {
                                (c + 1..ss - 1).filter(|&k| doc.is_word(k) && !inside[k]).count() >= 2
                            });
                    if !inside[s] || mixed {
                        let _ = self.push(out, pi, extra, s, ss - 1, &cue, inside);
                    }
                    continue;
                }
                // `A, X says, is B.`: the attribution stands inside the content.
                if let Some(ss) = subj_start
                    && ss > s + 1
                    && doc.is_punct(ss - 1, ',')
                    && doc.is_punct(v + 1, ',')
                    && !inside[s]
                    && !doc.toks.get(v + 2).is_some_and(|t| t.kind == Kind::Open)
                {
                    // `A, X said, adding B`: A is X's, however long, and B a report of its own.
                    if self.resumes_narration(v + 2) {
                        let _ = self.push(out, pi, extra, s, ss - 1, &cue, inside);
                        continue;
                    }
                    if (s..ss).filter(|&k| doc.is_word(k)).count() <= 12 {
                        let _ = self.push(out, pi, extra, s, ce, &cue, inside);
                        covered = ce;
                        continue;
                    }
                }
                // `"...," X said Sunday on television.` / `"...," X told the Herald.`: once a
                // quotation has come first, the words after the verb are the writer's adjunct
                // or the one addressed, unless a clause of its own follows.
                let quote_first = subj_start.is_some_and(|ss| {
                    ss >= s + 2
                        && doc.toks[ss - 1].kind == Kind::Close
                        && matches!(doc.toks[ss - 2].kind, Kind::Punct(',' | '?' | '!'))
                });
                let start =
                    self.content_start(v, ce).filter(|&k| !quote_first || self.clause_after_quote(v, k));
                // `While X railed against the plan, Y ...`: in a clause that a subordinator
                // opens, the content ends with that clause, at its comma.
                let subordinate = subj_start.is_some_and(|ss| {
                    ss > s && doc.is_word(ss - 1) && self.lists.has(ss - 1, CueList::Subordinators)
                });
                let clause_end = |start: usize| {
                    let comma = || (start + 1..ce).find(|&k| !inside[k] && doc.is_punct(k, ','));
                    if subordinate { comma().unwrap_or(ce) } else { ce }
                };
                if let Some(start) = start
                    && !inside[start]
                    && doc.toks[start].kind != Kind::Open
                    && let Some(end) = self.push(out, pi, extra, start, clause_end(start), &cue, inside)
                    && end > covered
                {
                    covered = end;
                    covered_by = pi;
                }
                // `X said that "a few words" carry the clause on`: the quotation is part of
                // the reported clause, which runs on after it.
                if let Some(start) = start
                    && doc.toks[start].kind == Kind::Open
                    && let Some((from, to)) = self.quote_opening_clause(start, ce)
                    // After a stance the quotation is its object (`praised "the plan" as ...`).
                    && (from < start || self.names.is_say_verb(&cue))
                    && let Some(end) = self.push(out, pi, extra, from, to, &cue, inside)
                    && end > covered
                {
                    covered = end;
                    covered_by = pi;
                }
                continue;
            }
            // `X issued a statement saying ...`: the statement's author says it.
            if let Some(u) = self.statement_verb(s, v)
                && let Some((pi, extra)) = self.subject_before(u)
                && let Some(start) = self.content_start(v, ce)
                && !inside[start]
                && doc.toks[start].kind != Kind::Open
            {
                if let Some(end) = self.push(out, pi, extra, start, ce, &cue, inside)
                    && end > covered
                {
                    covered = end;
                    covered_by = pi;
                }
                continue;
            }
            if v > s
                && doc.is_punct(v - 1, ',')
                && (tail_short(v + 1) || self.appositive_tail(v + 1, ce))
                && !inside[s]
                && let Some((pi, extra)) = self.subject_after(v + 1)
            {
                let _ = self.push(out, pi, extra, s, v - 1, &cue, inside);
            }
        }
        self.drop_nested_stances(out, first_found);
    }

    /// `Mr. Trump intends to run, Mr. Manafort said.`: a stance found in this sentence (from
    /// `out[from..]`) that lies inside what another person said or asked (`Asked by X if he
    /// believed ...`) is part of their words, not a quote of its own. The inner stance is found
    /// first, so this runs once the sentence is done.
    fn drop_nested_stances(&self, out: &mut Vec<Found>, from: usize) {
        let found = &out[from..];
        if found.len() < 2 {
            return;
        }
        let stance = |q: &Quote| {
            q.cue.as_deref().is_some_and(|cue| cue != "according to" && !self.names.is_say_verb(cue))
        };
        // Neighbours only: a sentence may hold any number of reports, and this stays linear.
        let nested: Vec<bool> = (0..found.len())
            .map(|i| {
                let (pi, q, _) = &found[i];
                (i.saturating_sub(WINDOW)..(i + WINDOW).min(found.len())).any(|j| {
                    let (other, o, _) = &found[j];
                    let question = is_question(o);
                    let says = o.cue.as_deref().is_some_and(|cue| self.names.is_say_verb(cue));
                    j != i
                        && (question || says && stance(q) && other != pi)
                        && o.span.start <= q.span.start
                        && q.span.end <= o.span.end
                })
            })
            .collect();
        let mut i = 0;
        out.retain(|_| {
            i += 1;
            i <= from || !nested[i - 1 - from]
        });
    }

    /// After `according to`, from token `s`: where the source's mention starts, past its titles
    /// (`NYPD Commissioner X`) or the document that carries it (`a count by X`, `a new report
    /// from X`).
    fn according_to_source(&self, s: usize) -> Option<usize> {
        let doc = self.doc;
        let past_titles = |start: usize| {
            let mut j = start;
            while j < start + 8
                && doc.is_word(j)
                && !self.index.by_start.contains_key(&j)
                && (doc.is_title_head(j)
                    || doc.is_title_modifier(j)
                    || doc.honorific(j).is_some()
                    || doc.is_cap_word(j)
                    || matches!(doc.lw(j), "the" | "a" | "an"))
            {
                j += 1;
                if doc.is_punct(j, '.') {
                    j += 1;
                }
            }
            j
        };
        let j = past_titles(s);
        if self.index.by_start.contains_key(&j) {
            return Some(j);
        }
        // `the conservative-leaning Tax Foundation`: lower-case modifiers before the name.
        let m = lower_case_modifiers(doc, j);
        if m > 0 && self.index.by_start.contains_key(&(j + m)) {
            return Some(j + m);
        }
        // `a count by`, `an analysis from`, `a new article in`: lower-case words, then the source.
        let by = (s..(s + 5).min(doc.toks.len()))
            .take_while(|&k| doc.is_word(k) && !doc.toks[k].cap)
            .find(|&k| matches!(doc.lw(k), "by" | "from" | "in"));
        if let Some(by) = by {
            let j = past_titles(by + 1);
            if self.index.by_start.contains_key(&j) {
                return Some(j);
            }
        }
        // `a report Tuesday from X`, `the average of recent polls compiled by X`, `early results
        // of the exit poll conducted by X`: a longer description of the document, then its
        // author. Words only (a comma ends the attribution), in a bounded window.
        let by = (s..(s + 12).min(doc.toks.len()))
            .take_while(|&k| doc.is_word(k) || doc.is_punct(k, '/'))
            .find(|&k| matches!(doc.lw(k), "by" | "from"))?;
        let j = past_titles(by + 1);
        self.index.by_start.contains_key(&j).then_some(j)
    }

    /// `said X, a professor at Y`, `said X of the Y Institute`: from token `s` on, a name and
    /// nothing but its appositive up to the content end `ce`.
    fn appositive_tail(&self, s: usize, ce: usize) -> bool {
        let doc = self.doc;
        let s = self.skip_honorifics(s);
        let Some((_, end)) = self.mention_after_titles(s, (s + 6).min(ce)) else {
            return false;
        };
        let opens = doc.is_punct(end, ',') || doc.is_word(end) && matches!(doc.lw(end), "of" | "at" | "from");
        opens && end + 30 >= ce && (end..ce).all(|k| !self.is_say(k) && !doc.is_punct(k, ';'))
    }

    /// Where a quote that closes a sentence begun in the writer's words starts, when the
    /// attribution follows it: in `The plan, critics say, "will not work," Smith said.` the
    /// whole sentence is what Smith said. None when the quote opens its sentence or the words
    /// before it carry a cue of their own (`Smith called it "a disaster"`).
    fn mixed_start(&self, d: &Direct) -> Option<usize> {
        let doc = self.doc;
        if !d.closed || d.open == 0 || !doc.same_sentence(d.open - 1, d.open) {
            return None;
        }
        let first = self.sent_first.get(doc.toks[d.open].sent as usize).copied()?;
        let start = after_dateline(self.doc, first, d.open);
        if start >= d.open
            || d.open - start > 60
            || (start..d.open).filter(|&k| doc.is_word(k)).count() < 3
            || (start..d.open).any(|k| {
                // A cue's present form in -s reads as often as a plural noun (`the contests`).
                let cue = doc.is_say_verb(k) || self.is_cue(k) && !doc.lw(k).ends_with('s');
                matches!(doc.toks[k].kind, Kind::Open | Kind::Close | Kind::Punct(':'))
                    || cue
                    || doc.lw(k) == "according"
            })
        {
            return None;
        }
        // The attribution right after the closing mark: `," X said`, `," said X`.
        let mut j = d.content_end + 1;
        if doc.is_punct(j, ',') {
            j += 1;
        }
        let cue_after = (j..(j + 6).min(doc.toks.len()))
            .take_while(|&k| doc.same_sentence(d.content_end, k) && (doc.is_word(k) || doc.is_punct(k, '.')))
            .any(|k| self.is_say(k));
        cue_after.then_some(start)
    }

    /// A headline that reports a person named in the story: `Smith: Plan Is Dead`, `Smith Says
    /// Plan Is Dead`, `Plan Is Dead, Smith Says`, `The Latest: Smith urges calm`. The stories
    /// tokens leave the headline out (its title-case words are not names), so it is read here
    /// as the first line before the first token, and the speaker is a person of the story whose
    /// surname it names.
    fn headline_quote(&self, orgs: &[Organization]) -> Option<(HeadlineSpeaker, Quote)> {
        let doc = self.doc;
        let before = doc.text.get(..doc.toks.first()?.start)?;
        let offset = before.len() - before.trim_start().len();
        let line = before.trim_start().lines().next()?;
        if line.len() > 300 {
            return None;
        }
        // Words with their byte ranges in the line.
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut start = None;
        for (i, c) in line.char_indices().chain(std::iter::once((line.len(), ' '))) {
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    words.push((s, i));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        let bare = |k: usize| -> String {
            let (a, b) = words[k];
            let w = line[a..b].trim_matches(|c: char| !c.is_alphanumeric());
            w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w).to_lowercase()
        };
        let surname = |k: usize| -> Option<usize> {
            let w = bare(k);
            self.people.iter().position(|p| {
                p.confirmed
                    && p.words().last().is_some_and(|l| l.to_lowercase() == w)
                    && w.chars().count() > 1
            })
        };
        let titled = |a: usize, b: usize| (a..b).all(|k| line[words[k].0..].starts_with(char::is_uppercase));
        let quote =
            |who: HeadlineSpeaker, a: usize, b: usize, cue: String| -> Option<(HeadlineSpeaker, Quote)> {
                let text = line.get(a..b)?.trim().trim_end_matches(['.', ';', ',', ' ']);
                if text.split_whitespace().count() < 2 {
                    return None;
                }
                let a = a + line[a..].len() - line[a..].trim_start().len();
                let span = Span::new(offset + a, offset + a + text.len());
                let quote = Quote {
                    text: text.to_string(),
                    span,
                    cue: (!cue.is_empty()).then_some(cue),
                    kind: QuoteKind::Indirect,
                };
                Some((who, quote))
            };
        // The words `a..b` as the headline's speaker: a person of the story by surname, else a
        // source of a few title-case words headed by a source or group noun (`New Poll`,
        // `Senate Republicans`) or named as an organisation of the story (`Daily Clarion`).
        let speaker = |a: usize, b: usize| -> Option<HeadlineSpeaker> {
            if let Some(pi) = surname(b - 1) {
                return Some(HeadlineSpeaker::Person(pi));
            }
            let a = a + usize::from(b - a > 1 && matches!(bare(a).as_str(), "a" | "the"));
            if b - a > 4 || !titled(a, b) {
                return None;
            }
            let name = line[words[a].0..words[b - 1].1].trim_end_matches(|c: char| !c.is_alphanumeric());
            let head = bare(b - 1);
            let kind = if cues().headline_sources.contains(&head) {
                SourceKind::Organization
            } else if cues().is_group(&head) {
                SourceKind::Group
            } else if orgs
                .iter()
                .any(|o| o.name.eq_ignore_ascii_case(name) || o.acronym.as_deref().is_some_and(|x| x == name))
            {
                SourceKind::Organization
            } else {
                return None;
            };
            let span = Span::new(offset + words[a].0, offset + words[a].0 + name.len());
            Some(HeadlineSpeaker::Source(name.to_string(), kind, span))
        };
        let is_cue = |k: usize| {
            let w = bare(k);
            self.names.is_say_verb(&w) || cues().verbs.contains(&w)
        };
        let finding = |k: usize| cues().findings.contains(&bare(k));
        // `Smith Heckles Supporters: 'You're Being Ridiculous.'`: a quotation closing the line
        // after a colon is the words of the first person of the story named before it.
        let opens_quote = |k: usize| line[words[k].0..].starts_with(['\'', '"', '‘', '“']);
        let closes_line = line.trim_end_matches(['.', ' ']).ends_with(['\'', '"', '’', '”']);
        if closes_line
            && let Some(colon) = (1..words.len().saturating_sub(1))
                .find(|&k| line[..words[k].1].ends_with(':') && opens_quote(k + 1))
            && let Some(pi) = (0..colon + 1).find_map(surname)
        {
            return quote(HeadlineSpeaker::Person(pi), words[colon].1, line.len(), String::new());
        }
        // Where the report starts: after `The Latest:` and the like.
        let mut from = 0;
        if let Some(colon) = (0..words.len().min(6)).find(|&k| line[..words[k].1].ends_with(':')) {
            if titled(0, colon + 1)
                && let Some(who) = speaker(0, colon + 1)
            {
                return quote(who, words[colon].1, line.len(), String::new());
            }
            // `Smith on Taxes: ...`, `Smith to Voters: ...`
            if let Some(p) = (1..colon.min(4)).find(|&p| matches!(bare(p).as_str(), "on" | "to"))
                && titled(0, p)
                && let Some(pi) = surname(p - 1)
            {
                return quote(HeadlineSpeaker::Person(pi), words[colon].1, line.len(), String::new());
            }
            from = colon + 1;
        }
        // `Smith Says ...`, `Senator Jane Smith urges ...`
        if let Some(v) = (from + 1..words.len().min(from + 5)).find(|&v| is_cue(v) || finding(v))
            && titled(from, v)
            && let Some(who) = speaker(from, v)
            && (is_cue(v) || matches!(who, HeadlineSpeaker::Source(..)))
        {
            return quote(who, words[v].1, line.len(), bare(v));
        }
        // `..., Smith Says.`
        let n = words.len();
        if n >= 4 && is_cue(n - 1) {
            let comma = (n.saturating_sub(6)..n - 1).rev().find(|&k| line[..words[k].1].ends_with(','))?;
            if comma + 2 < n && titled(comma + 1, n - 1) {
                let who = speaker(comma + 1, n - 1)?;
                return quote(who, words[0].0, words[comma].1 - 1, bare(n - 1));
            }
        }
        None
    }

    /// The person named right before the verb at `v` (`Y told`, `Y (D-Ohio) has said`).
    fn named_subject(&self, v: usize) -> Option<usize> {
        let e = self.skip_auxiliaries_back(v);
        let e = self.skip_parenthetical_back(e);
        self.index.by_end.get(&e).map(|&(pi, _)| pi).filter(|&pi| pi < self.people.len())
    }

    /// `X praised A and criticized B`: a second report of the same subject, not one inside the
    /// first report's content.
    fn coordinated(&self, v: usize) -> bool {
        let doc = self.doc;
        let mut b = v;
        while b > 0 && doc.is_word(b - 1) && self.lists.has(b - 1, CueList::Auxiliaries) {
            b -= 1;
        }
        b > 0 && matches!(doc.lw(b - 1), "and" | "but")
    }

    /// `X was told`, `X is expected to`: the subject is not the one speaking.
    fn passive(&self, v: usize) -> bool {
        let doc = self.doc;
        let lw = doc.lw(v);
        if lw.ends_with("ing") || self.is_stance(v) {
            return false;
        }
        let mut b = v;
        while b > 0 && doc.is_word(b - 1) && self.lists.has(b - 1, CueList::Adverbs) {
            b -= 1;
        }
        b > 0
            && matches!(
                doc.lw(b - 1),
                "was"
                    | "were"
                    | "is"
                    | "are"
                    | "be"
                    | "been"
                    | "being"
                    | "wasn't"
                    | "wasn’t"
                    | "weren't"
                    | "weren’t"
                    | "isn't"
                    | "isn’t"
                    | "aren't"
                    | "aren’t"
            )
    }

    /// Whether the comma at `k` closes an attribution set inside a sentence: `A, X said, B`,
    /// `A, he said, B`, `A, said X, B`.
    fn closes_attribution(&self, k: usize) -> bool {
        let doc = self.doc;
        if k < 2 {
            return false;
        }
        // Names are indexed by the token after them; a plain verb of saying (a stance's object
        // may have its own appositive: `endorsed X, the nominee`).
        let said = |v: usize| doc.is_word(v) && doc.is_say_verb(v);
        let subject_said =
            said(k - 1) && (self.index.by_end.contains_key(&(k - 1)) || pronoun(doc.lw(k - 2)).is_some());
        let said_subject = self.index.by_end.get(&k).is_some_and(|&(_, start)| start > 0 && said(start - 1));
        subject_said || said_subject
    }

    /// `1,100`: a comma between digits, glued to both, groups a number's thousands.
    fn thousands_comma(&self, k: usize) -> bool {
        self.doc.is_punct(k, ',') && self.doc.inside_number(k)
    }

    fn token_at(&self, byte: usize) -> Option<usize> {
        let k = self.doc.toks.partition_point(|t| t.start < byte);
        (k < self.doc.toks.len()).then_some(k)
    }

    fn mention_start_before(&self, v: usize) -> Option<usize> {
        let doc = self.doc;
        let e = self.skip_auxiliaries_back(v);
        let e = self.skip_parenthetical_back(e);
        if let Some(&(_, start)) = self.index.by_end.get(&e) {
            return Some(start);
        }
        if let Some(&(_, start)) = self.affiliation_back(e, v).and_then(|c| self.index.by_end.get(&c)) {
            return Some(start);
        }
        (e > 0 && pronoun(doc.lw(e - 1)).is_some()).then(|| e - 1)
    }

    /// Where the reported content starts after the verb at `v`.
    fn content_start(&self, v: usize, ce: usize) -> Option<usize> {
        let doc = self.doc;
        let mut k = v + 1;
        // A cue that ends in `that` (`found that`) has already passed its complementiser.
        let mut complementiser = false;
        // `called for ...`, `spoke about ...`: the particle belongs to the cue.
        if let Some(p) = self.phrase_at(v) {
            k = v + p.split(" ").count();
            complementiser = p.ends_with(" that");
            // `found that ...`: the content starts at the complementiser.
            if complementiser && doc.toks.get(k).is_some_and(|t| t.kind != Kind::Open) {
                k -= 1;
            }
        } else if self.is_stance(v) {
            k = v + 2;
        }
        // `vowed to ...`: the infinitive is the content.
        if doc.lw(k) == "to" && self.lists.has(v, CueList::Infinitive) {
            // `refused to endorse X`: a cue in the infinitive reports its own object.
            let object = k + 2;
            if self.is_say(k + 1)
                && object < ce
                && doc.is_word(object)
                && !self.lists.has(object, CueList::NotContent)
            {
                return Some(object);
            }
            return (k + 1 < ce).then_some(k);
        }
        // `told reporters`, `told Reuters`, `told the conference`
        if matches!(doc.lw(v), "told" | "tell" | "tells" | "telling" | "asked" | "urged" | "warned") {
            // `told the Ledger: "..."`, `told the AP his firm ...`: a named outlet or body with
            // its article, when the content opens right after the name (not `warned the
            // Chinese leader`, whose head noun follows).
            if is_lw(doc, k, "the") && doc.is_cap_word(k + 1) {
                let mut e = k + 1;
                while e < ce && doc.is_cap_word(e) {
                    e += 1;
                }
                let opens_content = e < ce
                    && (matches!(doc.toks[e].kind, Kind::Punct(':' | ',') | Kind::Open)
                        || doc.is_word(e) && CLAUSE_OPENERS.contains(&doc.lw(e)));
                if opens_content {
                    k += 1;
                }
            }
            if doc.is_cap_word(k) {
                while k < ce && doc.is_cap_word(k) {
                    k += 1;
                }
                if doc.toks.get(k).is_some_and(|t| t.kind == Kind::Poss) {
                    k += 1;
                    while k < ce && doc.is_word(k) && k < v + 6 && !self.lists.has(k, CueList::Audience) {
                        k += 1;
                    }
                    if self.lists.has(k, CueList::Audience) {
                        k += 1;
                    }
                }
            } else if let Some(n) = (k..(k + 4).min(ce)).find(|&n| self.lists.has(n, CueList::Audience)) {
                let determiners = (k..n).all(|x| {
                    doc.is_word(x) && !self.lists.has(x, CueList::NotContent) && doc.lw(x) != "that"
                });
                if determiners {
                    k = n + 1;
                }
            }
        }
        // `that` within a few tokens (`said on Tuesday that`).
        // `said on CBS's "Face the Nation" that`: a programme's title may stand in the adjunct.
        if !complementiser
            && let Some(t) = (k..(k + 14).min(ce)).find(|&t| doc.lw(t) == "that" && doc.is_word(t))
        {
            // Only adjuncts before it (`on Tuesday`, `at a rally`); after an object it is a
            // relative pronoun (`attacked loopholes that benefit others`).
            // After a verb that takes the one addressed as its object (`told voters at a
            // diner that ...`), the words before `that` are that object.
            let adjunct = k == t
                || self.lists.has(k, CueList::NotContent)
                || doc.is_punct(k, ',')
                || doc.is_cap_word(k)
                || self.lists.has(v, CueList::Addressing);
            // A finite verb before it makes the words a clause (`said Freddy had complained
            // that`): the content starts at its subject, and this `that` is inside it.
            let clean = adjunct
                && (k..t).all(|x| {
                    doc.is_word(x) && !self.lists.has(x, CueList::FiniteAuxiliaries)
                        || doc.is_punct(x, ',')
                        || matches!(doc.toks[x].kind, Kind::Open | Kind::Close | Kind::Poss)
                })
                && (k..t).filter(|&x| doc.is_word(x)).count() <= 9;
            if clean {
                // The complementiser opens the content (`said that the vote was close`), as
                // news annotation marks it; a quotation after it opens a direct quote instead.
                if t + 1 >= ce {
                    return None;
                }
                return Some(if doc.toks[t + 1].kind == Kind::Open { t + 1 } else { t });
            }
        }
        // `said on Tuesday the deal ...`, `said Tuesday night the deal ...`: an adjunct of time
        // before a clause without `that`.
        if !complementiser {
            k = self.past_report_adjunct(k, ce);
        }
        // `telling donors how ...`, `assured voters he would ...`: past the one addressed, a
        // question word opens the content.
        if self.lists.has(v, CueList::Addressing)
            && k < ce
            && !doc.toks[k].cap
            && let Some(w) = (k + 1..(k + 6).min(ce))
                .take_while(|&w| doc.is_word(w) || doc.toks[w].kind == Kind::Poss)
                .find(|&w| self.lists.has(w, CueList::QuestionWords))
            && w + 1 < ce
        {
            return Some(w);
        }
        let before_punct = k;
        while k < ce && matches!(doc.toks[k].kind, Kind::Punct(',' | ':')) {
            k += 1;
        }
        if k >= ce {
            return None;
        }
        // `X said, reflecting on ...`: a participle clause of the writer's (or a cue of its own).
        if k > before_punct && doc.lw(k).ends_with("ing") {
            return None;
        }
        // The content must read as a clause: not a preposition or an object.
        // `X said about 20 people ...`: a number's approximation opens a clause.
        let approximate = matches!(doc.lw(k), "about" | "over" | "under")
            && doc.lw(k + 1).starts_with(|c: char| c.is_ascii_digit());
        if self.lists.has(k, CueList::NotContent) && !approximate || doc.toks[k].kind == Kind::Punct('(') {
            return None;
        }
        Some(k)
    }

    /// The token after an adjunct of time (`on Tuesday`, `Tuesday night`, `last week`)
    /// starting at `k`, right after a verb of saying, when a clause follows it; `k` itself
    /// otherwise. Not one of medium (`in a statement`): what follows it is as often the
    /// writer's (`in a statement obtained by X`).
    fn past_report_adjunct(&self, k: usize, ce: usize) -> usize {
        let doc = self.doc;
        let mut j = k;
        if TIME_LEADS.contains(&doc.lw(j)) && doc.is_word(j) {
            j += 1;
        }
        let timed = is_weekday(doc.lw(j)) || j > k && self.lists.has(j, CueList::PartsOfDay);
        if timed {
            j += 1;
            if self.lists.has(j, CueList::PartsOfDay) {
                j += 1;
            }
        } else {
            return k;
        }
        // The clause must follow: a word that may open one, in the same sentence.
        let clause = j < ce
            && doc.is_word(j)
            && doc.same_sentence(k, j)
            && !self.lists.has(j, CueList::NotContent)
            && !doc.lw(j).ends_with("ing");
        if clause { j } else { k }
    }

    /// After a quotation and its attribution (`"...," X said`), whether the words from token `k`
    /// after the verb at `v` open a reported clause of their own rather than the writer's
    /// adjunct (`Sunday on television`, `carefully`) or the one addressed (`told the Herald`).
    fn clause_after_quote(&self, v: usize, k: usize) -> bool {
        let doc = self.doc;
        let lw = doc.lw(k);
        if lw == "that" || self.lists.has(k, CueList::QuestionWords) {
            return true;
        }
        if self.lists.has(v, CueList::Addressing) {
            return matches!(lw, "he" | "she" | "they" | "we" | "i" | "it");
        }
        let adverb =
            !doc.toks[k].cap && lw.len() > 4 && lw.ends_with("ly") && !self.lists.has(k, CueList::NotAdverbs);
        let participle = lw.len() > 5 && lw.ends_with("ing") && !self.lists.has(k, CueList::NotParticiples);
        !(adverb
            || participle
            || lw.starts_with(|c: char| c.is_ascii_digit())
            || self.lists.has(k, CueList::Calendar)
            || self.lists.has(k, CueList::QuoteTailAdjuncts))
    }

    /// Where reported content that opens with a quotation at token `open` starts and ends, when
    /// the quotation closes before the clause does and the words after it are not an
    /// attribution: from the complementiser before the mark (or the mark) to the clause's end
    /// (`said that "a few words" carry it on`).
    fn quote_opening_clause(&self, open: usize, ce: usize) -> Option<(usize, usize)> {
        let doc = self.doc;
        let close = (open + 1..ce).find(|&k| matches!(doc.toks[k].kind, Kind::Close | Kind::Open))?;
        // `told NBC's "Today" on Monday`: a programme's title, not the report.
        let title = open > 0 && doc.toks[open - 1].kind == Kind::Poss;
        // `said "the vote is close," and ...`: a comma or stop closing the quotation ends it.
        let ended = matches!(doc.toks[close - 1].kind, Kind::Punct(',' | '.' | '!' | '?'));
        let runs_on = !title
            && doc.toks[close].kind == Kind::Close
            && close + 1 < ce
            && doc.is_word(close + 1)
            && !doc.toks[close + 1].cap
            && !self.is_say(close + 1);
        if !runs_on {
            return None;
        }
        // `said "the vote is close," and the count went on`: the writer's clause follows.
        if ended && matches!(doc.lw(close + 1), "and" | "but" | "or") {
            return None;
        }
        Some((if open > 0 && is_lw(doc, open - 1, "that") { open - 1 } else { open }, ce))
    }

    /// `... and has called for ...`: token `k` joins a second report of the same subject.
    fn second_report(&self, k: usize) -> bool {
        let doc = self.doc;
        if !matches!(doc.lw(k), "and" | "but") || !doc.is_word(k) {
            return false;
        }
        let mut v = k + 1;
        // `... and Democrats accused ...`: a report of another named subject.
        if let Some(&(_, end)) = self.index.by_start.get(&self.skip_honorifics(v)) {
            v = end;
        }
        let from = v;
        while v < from + 3 && doc.is_word(v) && self.lists.has(v, CueList::Auxiliaries) {
            v += 1;
        }
        doc.same_sentence(k, v) && self.is_cue(v) && !self.passive(v)
    }

    /// Whether the words from token `j` on, after a comma, are the writer's again: a participle
    /// clause (`saying`, `arguing`), `according to`, or `and he said` / `but Smith added`.
    fn resumes_narration(&self, j: usize) -> bool {
        let doc = self.doc;
        // `, Smith argued that ...`, `, Smith said, "..."`: a report of its own begins. Not
        // `A, Smith said, B`, an attribution set inside the content.
        if let Some(&(_, end)) = self.index.by_start.get(&self.skip_honorifics(j)) {
            let mut v = end;
            while v < end + 3 && doc.is_word(v) && self.lists.has(v, CueList::Auxiliaries) {
                v += 1;
            }
            // `A, Smith said, adding B` is not set inside: the writer's clause goes on after it.
            let inset = doc.is_punct(v + 1, ',')
                && doc.toks.get(v + 2).is_none_or(|t| t.kind != Kind::Open)
                && !self.reporting_participle(v + 2);
            return doc.same_sentence(j, v) && self.is_say(v) && !self.passive(v) && !inset;
        }
        if !doc.is_word(j) || doc.toks[j].cap {
            return false;
        }
        let lw = doc.lw(j);
        if lw == "according" || self.reporting_participle(j) {
            return true;
        }
        // `, while turnout fell`, `, even though the vote was close`: a concessive or contrasting
        // clause is the writer's setting the report against something else.
        if matches!(lw, "while" | "although" | "though" | "whereas")
            || lw == "even" && matches!(doc.lw(j + 1), "as" | "though")
        {
            return true;
        }
        if matches!(lw, "and" | "but") {
            let subject = pronoun(doc.lw(j + 1)).is_some() || self.index.by_start.contains_key(&(j + 1));
            return subject && (j + 2..j + 6).any(|t| doc.same_sentence(j, t) && self.is_say(t));
        }
        // `, his campaign has argued ...`, `, which critics say ...`: a new report in a clause;
        // `, said ...` itself: the verb of a subject further back.
        (j..j + 6)
            .take_while(|&t| doc.same_sentence(j, t) && !doc.is_punct(t, ','))
            .any(|t| doc.is_word(t) && doc.is_say_verb(t) && !self.passive(t))
    }

    /// `, saying ...`, `, citing ...`: a participle of reporting at token `j` opens the writer's
    /// clause; another (`, allowing ...`, `, leaving ...`) goes on with what was said.
    fn reporting_participle(&self, j: usize) -> bool {
        let doc = self.doc;
        doc.is_word(j)
            && !doc.toks[j].cap
            && doc.lw(j).len() > 5
            && doc.lw(j).ends_with("ing")
            && !self.lists.has(j, CueList::NotParticiples)
            && self.is_cue(j)
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &self,
        out: &mut Vec<Found>,
        pi: usize,
        extra: Option<Span>,
        a: usize,
        b: usize,
        cue: &str,
        inside: &[bool],
    ) -> Option<usize> {
        let doc = self.doc;
        let mut b = b.min(doc.toks.len());
        if a >= b {
            return None;
        }
        // Longer than any reported clause: a run-on list, not speech (and keeps the work linear).
        if b > a + 200 {
            return None;
        }
        // The next clause after a semicolon is the writer's (`X said the vote was close; turnout
        // fell in the cities`). A dash alone does not end the report (`the deal was dead — killed
        // by the election`); it ends where a comma would, below.
        if doc.toks[a].kind != Kind::Open
            && let Some(d) = (a + 3..b).find(|&k| doc.is_punct(k, ';') && !inside[k])
        {
            b = d;
        }
        // The writer's own clause resumes after a comma: `, saying ...`, `, according to ...`,
        // `, and he added ...`.
        if let Some(c) = (a + 1..b).find(|&k| {
            // After one or two words only a participle resumes the writer's clause (`X
            // criticized the plan, saying ...`); `A, X says, B` sets the attribution inside.
            if k < a + 3 && !doc.lw(k + 1).ends_with("ing") {
                return false;
            }
            // `..." referring to`: the comma may stand inside the closing quotation mark.
            let comma = !inside[k] && doc.is_punct(k, ',') && !self.thousands_comma(k)
                || doc.toks[k].kind == Kind::Close && doc.is_punct(k - 1, ',');
            comma && self.resumes_narration(k + 1) || !inside[k] && self.second_report(k)
        }) {
            // A closing mark after the comma closes the speaker's words: keep it.
            b = if doc.toks[c].kind == Kind::Close { c + 1 } else { c };
        }
        // Content after its cue runs to the sentence's end; where the writer's words take over
        // again, it stops: `, but ...`, `, which ...`, an appositive closing the sentence
        // (`..., the 12-nation pact`), or `as he ...`. Content before its cue ends at a
        // comma, which these leave alone.
        // `speaking on condition of anonymity`: the newsroom's formula for an unnamed source
        // reports nothing the source said.
        if doc.toks[a].kind != Kind::Open {
            let head = (a..(a + 4).min(b)).find(|&k| !self.lists.has(k, CueList::FormulaModifiers));
            if head.is_some_and(|k| self.lists.has(k, CueList::FormulaObjects)) {
                return None;
            }
        }
        let forward = b >= doc.toks.len() || !doc.is_punct(b, ',');
        if forward && doc.toks[a].kind != Kind::Open {
            // A dash sets these off as a comma does: `... — and he noted that ...`.
            let sets_off = |k: usize| {
                !inside[k] && (doc.is_punct(k, ',') && !self.thousands_comma(k) || is_dash(doc, k))
            };
            let last_mark = (a + 1..b).rev().find(|&k| sets_off(k));
            let cut = (a + 1..b.saturating_sub(1)).find(|&k| {
                let next = doc.lw(k + 1);
                if sets_off(k) {
                    // After another word the appositive is the writer's gloss on the content (`X
                    // announced it would cut 3,000 jobs, a third of its staff`) unless it holds
                    // a finite auxiliary: then it is the main clause after a fronted one (`that,
                    // if ..., a recount could not be done`).
                    // Not after the verb of a mid-sentence attribution: `A, X said, the deal
                    // fell apart` goes on with the report.
                    let appositive = Some(k) == last_mark
                        && matches!(next, "a" | "an" | "the")
                        && !self.closes_attribution(k)
                        && (doc.is_cap_word(k - 1)
                            || (k + 2..b).all(|j| !self.lists.has(j, CueList::FiniteAuxiliaries)));
                    // `X said A, but that B`, `X said A, but would B`: the report goes on (a
                    // finite verb without a subject of its own shares the content's).
                    let report_goes_on = next == "but"
                        && (doc.lw(k + 2) == "that" || self.lists.has(k + 2, CueList::FiniteAuxiliaries));
                    // `..., and Republican X has been ...`: a named subject with its finite verb.
                    let named_clause = || {
                        self.mention_after_titles(k + 2, b).is_some_and(|(_, end)| {
                            end < b
                                && doc.is_word(end)
                                && !doc.toks[end].cap
                                && self.lists.has(end, CueList::FiniteAuxiliaries)
                        })
                    };
                    // `X said A, and the vote ...`: a clause with a subject of its own is the
                    // writer's.
                    let new_clause = next == "and"
                        && (matches!(doc.lw(k + 2), "the" | "he" | "she" | "they" | "his" | "her" | "their")
                            || named_clause());
                    self.lists.has(k + 1, CueList::ClauseBreaks) && !report_goes_on
                        || appositive
                        || new_clause
                } else {
                    // `X distanced himself from A by saying B`: a report of its own. `X is
                    // promising A but he has also B`, `as he ...`: a clause of the writer's.
                    let by_saying =
                        self.preposition_of_manner(k) && next.ends_with("ing") && self.is_cue(k + 1);
                    !inside[k]
                        && ((is_lw(doc, k, "as") || is_lw(doc, k, "but"))
                            && matches!(next, "he" | "she" | "they" | "we" | "i")
                            || by_saying)
                }
            });
            if let Some(k) = cut {
                b = k;
            }
        }
        let stance = !cue.is_empty() && cue != "according to" && !self.names.is_say_verb(cue);
        // `X endorsed Smith last week`, `critical of Smith since 2015`: after a name as the
        // object, a time or place adjunct is the writer's.
        if stance
            && doc.toks[a].kind != Kind::Open
            && let Some(k) = (a..b).find(|&k| !doc.is_word(k) || !doc.toks[k].cap)
            && k > a
            && doc.is_word(k)
            && self.lists.has(k, CueList::ObjectAdjuncts)
        {
            b = k;
        }
        // `X claimed victory in a tweet`, `X defended the plan at a rally on Friday`: a stance's
        // object ends where a preposition opens the occasion of the act.
        if stance
            && doc.toks[a].kind != Kind::Open
            && let Some(k) = (a + 1..b).find(|&k| {
                !inside[k]
                    && OCCASION_PREPOSITIONS.contains(&doc.lw(k))
                    && (k + 1..(k + 5).min(b))
                        .any(|j| doc.is_word(j) && self.lists.has(j, CueList::Occasions))
            })
        {
            b = k;
        }
        // `X endorsed Smith Wednesday`: a weekday after the named object is the writer's.
        if stance
            && doc.toks[a].kind != Kind::Open
            && let Some(k) =
                (a + 1..b).find(|&k| !doc.is_word(k) || !doc.toks[k].cap || is_weekday(doc.lw(k)))
            && is_weekday(doc.lw(k))
            && (a..k).all(|x| doc.is_word(x))
        {
            b = k;
        }
        while b > a && matches!(doc.toks[b - 1].kind, Kind::Punct(',' | '.' | ';' | ':')) {
            b -= 1;
        }
        let words = (a..b).filter(|&k| doc.is_word(k)).count();
        // A name alone is a stance's object (`X endorsed Clinton`, `critical of Obama`); other
        // short objects (`the plan`) read as often as the writer's narration.
        let named_object = words > 0
            && stance
            && doc.toks[a].kind != Kind::Open
            && !self.lists.has(a, CueList::Calendar)
            && (a..b).all(|k| !doc.is_word(k) || doc.toks[k].cap);
        // Two words may be a stance's object (`X criticized the deal`).
        // After a verb of saying, a pronoun and its verb are a whole clause (`X said he would`).
        let elliptical = words == 2
            && !stance
            && !cue.is_empty()
            && matches!(doc.lw(a), "he" | "she" | "it" | "they" | "we" | "i");
        let short_ok = named_object || stance && words == 2 || elliptical;
        if words < 3 && !short_ok || inside[a] && inside[b - 1] && doc.toks[a].kind != Kind::Open {
            return None;
        }
        let kind = if doc.toks[a].kind == Kind::Open && b > a && doc.toks[b - 1].kind == Kind::Close {
            QuoteKind::Direct
        } else {
            QuoteKind::Indirect
        };
        let quote = Quote {
            text: doc.span_text(a, b),
            span: doc.span(a, b),
            cue: (!cue.is_empty()).then(|| cue.to_string()),
            kind,
        };
        out.push((pi, quote, extra));
        Some(b)
    }
}

/// The cue words of `data/reporting.toml`.
#[derive(Default, serde::Deserialize)]
struct Cues {
    verbs: Lexicon,
    phrases: FastSet<String>,
    stances: Lexicon,
    infinitive: FastSet<String>,
    groups: Lexicon,
    parties: Lexicon,
    party_members: FastSet<String>,
    bodies: Lexicon,
    quantifiers: FastSet<String>,
    group_modifiers: FastSet<String>,
    auxiliaries: FastSet<String>,
    adverbs: FastSet<String>,
    audience: FastSet<String>,
    not_content: FastSet<String>,
    not_participles: FastSet<String>,
    title_function_words: FastSet<String>,
    newsroom: FastSet<String>,
    colon_verbs: FastSet<String>,
    object_adjuncts: FastSet<String>,
    occasions: FastSet<String>,
    calendar: FastSet<String>,
    parts_of_day: FastSet<String>,
    subject_adjuncts: FastSet<String>,
    possessive_nouns: FastSet<String>,
    object_ends: FastSet<String>,
    catenatives: FastSet<String>,
    predicatives: FastSet<String>,
    subordinators: FastSet<String>,
    headline_sources: FastSet<String>,
    findings: FastSet<String>,
    research: Lexicon,
    finding_verbs: Lexicon,
    statements: FastSet<String>,
    publishing: FastSet<String>,
    addressing: FastSet<String>,
    question_words: FastSet<String>,
    questioned: FastSet<String>,
    question_openers: FastSet<String>,
    clause_breaks: FastSet<String>,
    finite_auxiliaries: FastSet<String>,
    introducers: FastSet<String>,
    not_adverbs: FastSet<String>,
    noun_verbs: FastSet<String>,
    quote_tail_adjuncts: FastSet<String>,
    unnamed_openers: FastSet<String>,
    unnamed_breaks: FastSet<String>,
    unnamed_verbs: FastSet<String>,
    verb_bases: FastSet<String>,
    verb_base_contexts: FastSet<String>,
    formula_objects: FastSet<String>,
    formula_modifiers: FastSet<String>,
    /// The first words of `phrases`.
    #[serde(skip)]
    phrase_heads: Lexicon,
    /// Every word of the one-word lists that tokens are checked against, with a bit for each
    /// [`CueList`] it is in.
    #[serde(skip)]
    word_lists: FastMap<String, u64>,
    /// The lengths and first and last bytes of the words of `word_lists`, as in [`Lexicon`].
    #[serde(skip)]
    word_list_shapes: Shapes,
}

impl Cues {
    /// A plural noun for a group of people: `officials`, `Republicans`.
    fn is_group(&self, lw: &str) -> bool {
        self.groups.contains(lw) || self.parties.contains(lw)
    }

    /// The one-word lists a token is checked against, by [`CueList`].
    fn word_list(&self, list: CueList) -> &FastSet<String> {
        match list {
            CueList::Verbs => &self.verbs.words,
            CueList::Groups => &self.groups.words,
            CueList::Parties => &self.parties.words,
            CueList::PartyMembers => &self.party_members,
            CueList::Bodies => &self.bodies.words,
            CueList::Research => &self.research.words,
            CueList::FindingVerbs => &self.finding_verbs.words,
            CueList::PhraseHeads => &self.phrase_heads.words,
            CueList::GroupModifiers => &self.group_modifiers,
            CueList::Quantifiers => &self.quantifiers,
            CueList::Newsroom => &self.newsroom,
            CueList::Auxiliaries => &self.auxiliaries,
            CueList::Adverbs => &self.adverbs,
            CueList::NotAdverbs => &self.not_adverbs,
            CueList::NotContent => &self.not_content,
            CueList::NotParticiples => &self.not_participles,
            CueList::Subordinators => &self.subordinators,
            CueList::Calendar => &self.calendar,
            CueList::PartsOfDay => &self.parts_of_day,
            CueList::Infinitive => &self.infinitive,
            CueList::Catenatives => &self.catenatives,
            CueList::Predicatives => &self.predicatives,
            CueList::Statements => &self.statements,
            CueList::Publishing => &self.publishing,
            CueList::TitleFunctionWords => &self.title_function_words,
            CueList::ColonVerbs => &self.colon_verbs,
            CueList::PossessiveNouns => &self.possessive_nouns,
            CueList::ObjectEnds => &self.object_ends,
            CueList::ObjectAdjuncts => &self.object_adjuncts,
            CueList::Occasions => &self.occasions,
            CueList::Audience => &self.audience,
            CueList::Addressing => &self.addressing,
            CueList::QuestionWords => &self.question_words,
            CueList::NounVerbs => &self.noun_verbs,
            CueList::QuoteTailAdjuncts => &self.quote_tail_adjuncts,
            CueList::ClauseBreaks => &self.clause_breaks,
            CueList::FiniteAuxiliaries => &self.finite_auxiliaries,
            CueList::UnnamedOpeners => &self.unnamed_openers,
            CueList::UnnamedBreaks => &self.unnamed_breaks,
            CueList::UnnamedVerbs => &self.unnamed_verbs,
            CueList::VerbBases => &self.verb_bases,
            CueList::VerbBaseContexts => &self.verb_base_contexts,
            CueList::FormulaObjects => &self.formula_objects,
            CueList::FormulaModifiers => &self.formula_modifiers,
        }
    }

    fn index_word_lists(&mut self) {
        let mut index: FastMap<String, u64> = FastMap::default();
        for list in CueList::ALL {
            for w in self.word_list(list) {
                *index.entry(w.clone()).or_default() |= list.bit();
            }
        }
        self.word_list_shapes = Shapes::of(index.keys());
        self.word_lists = index;
    }
}

/// The one-word cue lists that the stage asks about tokens, many times over for the same token:
/// [`TokenLists`] answers from one look-up per token.
#[derive(Clone, Copy)]
enum CueList {
    Verbs,
    Groups,
    Parties,
    PartyMembers,
    Bodies,
    Research,
    FindingVerbs,
    PhraseHeads,
    GroupModifiers,
    Quantifiers,
    Newsroom,
    Auxiliaries,
    Adverbs,
    NotAdverbs,
    NotContent,
    NotParticiples,
    Subordinators,
    Calendar,
    PartsOfDay,
    Infinitive,
    Catenatives,
    Predicatives,
    Statements,
    Publishing,
    TitleFunctionWords,
    ColonVerbs,
    PossessiveNouns,
    ObjectEnds,
    ObjectAdjuncts,
    Occasions,
    Audience,
    Addressing,
    QuestionWords,
    NounVerbs,
    QuoteTailAdjuncts,
    ClauseBreaks,
    FiniteAuxiliaries,
    UnnamedOpeners,
    UnnamedBreaks,
    UnnamedVerbs,
    VerbBases,
    VerbBaseContexts,
    FormulaObjects,
    FormulaModifiers,
}

impl CueList {
    const ALL: [CueList; 44] = [
        CueList::Verbs,
        CueList::Groups,
        CueList::Parties,
        CueList::PartyMembers,
        CueList::Bodies,
        CueList::Research,
        CueList::FindingVerbs,
        CueList::PhraseHeads,
        CueList::GroupModifiers,
        CueList::Quantifiers,
        CueList::Newsroom,
        CueList::Auxiliaries,
        CueList::Adverbs,
        CueList::NotAdverbs,
        CueList::NotContent,
        CueList::NotParticiples,
        CueList::Subordinators,
        CueList::Calendar,
        CueList::PartsOfDay,
        CueList::Infinitive,
        CueList::Catenatives,
        CueList::Predicatives,
        CueList::Statements,
        CueList::Publishing,
        CueList::TitleFunctionWords,
        CueList::ColonVerbs,
        CueList::PossessiveNouns,
        CueList::ObjectEnds,
        CueList::ObjectAdjuncts,
        CueList::Occasions,
        CueList::Audience,
        CueList::Addressing,
        CueList::QuestionWords,
        CueList::NounVerbs,
        CueList::QuoteTailAdjuncts,
        CueList::ClauseBreaks,
        CueList::FiniteAuxiliaries,
        CueList::UnnamedOpeners,
        CueList::UnnamedBreaks,
        CueList::UnnamedVerbs,
        CueList::VerbBases,
        CueList::VerbBaseContexts,
        CueList::FormulaObjects,
        CueList::FormulaModifiers,
    ];

    fn bit(self) -> u64 {
        1 << self as u32
    }
}

/// For each token of a text, the [`CueList`]s its lower-case form is in.
struct TokenLists {
    bits: Vec<u64>,
}

impl TokenLists {
    fn new(doc: &Doc<'_>) -> TokenLists {
        let cues = cues();
        let bytes = doc.text.as_bytes();
        let bits = doc
            .toks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let (Some(&first), Some(&last)) =
                    (bytes.get(t.start), t.end.checked_sub(1).and_then(|e| bytes.get(e)))
                else {
                    return 0;
                };
                let shape_fits = cues.word_list_shapes.may_contain(
                    t.end - t.start,
                    first.to_ascii_lowercase(),
                    last.to_ascii_lowercase(),
                );
                if shape_fits { cues.word_lists.get(doc.lw(i)).copied().unwrap_or(0) } else { 0 }
            })
            .collect();
        TokenLists { bits }
    }

    /// Whether token `i` is a word of `list` (false past the last token).
    fn has(&self, i: usize, list: CueList) -> bool {
        self.bits.get(i).is_some_and(|b| b & list.bit() != 0)
    }

    /// A plural noun for a group of people (see [`Cues::is_group`]).
    fn is_group(&self, i: usize) -> bool {
        self.has(i, CueList::Groups) || self.has(i, CueList::Parties)
    }
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    // The lexicon is part of the crate: a parse failure is a build defect caught by the tests.
    CUES.get_or_init(|| {
        let mut cues: Cues = toml::from_str(include_str!("../../data/reporting.toml")).unwrap_or_default();
        cues.phrase_heads =
            cues.phrases.iter().filter_map(|p| p.split(' ').next()).map(str::to_string).collect();
        cues.index_word_lists();
        cues
    })
}

/// A question put by the one named after its cue (`Asked by X if ...`): its asker is not the
/// one who speaks in the paragraph.
fn is_question(q: &Quote) -> bool {
    q.cue
        .as_deref()
        .and_then(|cue| cue.strip_suffix(" by"))
        .is_some_and(|verb| cues().questioned.contains(verb))
}

/// Whether token `i` is `word` (in lower case): the length rules most tokens out before slicing.
fn is_lw(doc: &Doc<'_>, i: usize, word: &str) -> bool {
    doc.toks.get(i).is_some_and(|t| t.end.checked_sub(t.start) == Some(word.len())) && doc.lw(i) == word
}

fn pronoun(lw: &str) -> Option<Gender> {
    match lw {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    }
}

/// A word list that most words of a text are not in. A table of the lengths and first and last
/// bytes of its entries rules those out before any hashing, and the lists are asked about every
/// token.
#[derive(Default, serde::Deserialize)]
#[serde(from = "FastSet<String>")]
struct Lexicon {
    words: FastSet<String>,
    shapes: Shapes,
}

impl Lexicon {
    fn contains(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return self.words.contains(word);
        };
        self.shapes.may_contain(word.len(), first, last) && self.words.contains(word)
    }
}

impl From<FastSet<String>> for Lexicon {
    fn from(words: FastSet<String>) -> Self {
        Lexicon { shapes: Shapes::of(words.iter()), words }
    }
}

/// By the low five bits of the first and of the last byte, bit `len` (at most 31) set when some
/// word has that length and those bytes.
struct Shapes([u32; 1024]);

impl Shapes {
    fn of<'w>(words: impl Iterator<Item = &'w String>) -> Shapes {
        let mut shapes = [0u32; 1024];
        for w in words {
            if let (Some(&first), Some(&last)) = (w.as_bytes().first(), w.as_bytes().last()) {
                shapes[shape_index(first, last)] |= 1 << w.len().min(31);
            }
        }
        Shapes(shapes)
    }

    /// False when no word has length `len` and first and last bytes like `first` and `last`.
    fn may_contain(&self, len: usize, first: u8, last: u8) -> bool {
        self.0[shape_index(first, last)] & (1 << len.min(31)) != 0
    }
}

impl Default for Shapes {
    fn default() -> Self {
        Shapes([0; 1024])
    }
}

/// Where the lengths of the words with these first and last bytes are kept in [`Shapes`].
fn shape_index(first: u8, last: u8) -> usize {
    (first as usize & 31) << 5 | last as usize & 31
}

impl FromIterator<String> for Lexicon {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> Self {
        words.into_iter().collect::<FastSet<String>>().into()
    }
}

#[cfg(test)]
mod tests {
    use super::{CueList, Lexicon, cues};

    #[test]
    fn cue_lexicon_loads() {
        let c = cues();
        assert!(c.verbs.contains("criticized") && c.verbs.contains("blames"));
        assert!(!c.verbs.contains("attack"), "noun-like base forms are left out");
        assert!(c.phrases.contains("called for") && c.phrases.contains("spoke about"));
        assert!(c.stances.contains("critical of"));
        assert!(c.infinitive.contains("vowed"));
        assert!(c.is_group("republicans") && c.is_group("officials") && c.bodies.contains("campaign"));
        assert!(c.quantifiers.contains("some") && c.group_modifiers.contains("senior"));
        assert!(c.auxiliaries.contains("has") && c.adverbs.contains("repeatedly"));
        assert!(c.audience.contains("reporters") && c.not_content.contains("about"));
        assert!(c.not_participles.contains("including") && c.title_function_words.contains("the"));
        assert!(c.newsroom.contains("reported") && c.colon_verbs.contains("continued"));
        assert!(c.object_adjuncts.contains("since") && c.calendar.contains("sunday"));
        assert!(c.parts_of_day.contains("night") && c.subject_adjuncts.contains("at the time"));
        assert!(c.possessive_nouns.contains("criticism") && c.object_ends.contains("has"));
        assert!(c.catenatives.contains("declined") || c.infinitive.contains("declined"));
        assert!(c.catenatives.contains("went") && c.subordinators.contains("when"));
        assert!(c.questioned.contains("asked") && c.question_openers.contains("whether"));
    }

    #[test]
    fn word_list_index_has_every_word_of_every_list_and_nothing_else() {
        let c = cues();
        for list in CueList::ALL {
            let words = c.word_list(list);
            assert!(!words.is_empty());
            for w in words {
                assert!(c.word_lists.get(w).is_some_and(|bits| bits & list.bit() != 0), "{w:?}");
                let b = w.as_bytes();
                assert!(c.word_list_shapes.may_contain(w.len(), b[0], b[b.len() - 1]), "{w:?}");
            }
        }
        for (w, bits) in &c.word_lists {
            let lists = CueList::ALL.iter().filter(|l| bits & l.bit() != 0);
            assert!(lists.clone().count() > 0 && lists.into_iter().all(|&l| c.word_list(l).contains(w)));
        }
        assert!(!c.word_lists.contains_key("zebra"));
        assert_eq!(c.word_lists["said"] & CueList::Verbs.bit(), CueList::Verbs.bit());
        assert_ne!(c.word_lists["officials"] & CueList::Groups.bit(), 0);
    }

    #[test]
    fn lexicon_finds_exactly_its_words() {
        let words = ["said", "a", "", "a-rather-long-hyphenated-word-of-over-31-bytes"];
        let lexicon: Lexicon = words.iter().map(|w| w.to_string()).collect();
        for w in words {
            assert!(lexicon.contains(w), "{w:?} is an entry");
        }
        for w in ["says", "sad", "aid", "b", "a-rather-long-hyphenated-word-of-over-31-byte"] {
            assert!(!lexicon.contains(w), "{w:?} is no entry");
        }
        let c = cues();
        for list in [&c.verbs, &c.stances, &c.groups, &c.parties, &c.bodies, &c.phrase_heads] {
            assert!(!list.words.is_empty() && list.words.iter().all(|w| list.contains(w)));
        }
    }
}
