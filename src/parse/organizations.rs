//! Organisations: capitalised names that contain an organisation word (`Ministry`, `Institute`,
//! `Bank`, `Party`), and acronyms in parentheses linked to the name before them
//! (`Institute for Political and International Studies (IPIS)`), with every later use of the
//! acronym counted as a mention.

use super::speakers::{Doc, Kind, publication};
use super::timestamp::is_weekday;
use crate::article::{Organization, Span};
use crate::registry::FastMap;

const CONNECTORS: &[&str] = &["of", "for", "and", "the", "on", "de", "du", "des", "la", "&"];

/// Organisations named in the paragraphs, in order of first mention.
pub(crate) fn find(doc: &Doc<'_>, person: &[bool]) -> Vec<Organization> {
    let mut orgs = Orgs::default();
    let n = doc.toks.len();
    // Acronyms in parentheses after a name; the tokens of such a name are not looked at again.
    let mut expansion = vec![false; n];
    for (p, window) in doc.toks.windows(3).enumerate() {
        // `(`, an upper-case word, `)`: the bracket is tested first, as most tokens fail there.
        let [open, word, close] = window else { continue };
        if !(open.kind == Kind::Punct('(')
            && word.kind == Kind::Word
            && word.upper
            && close.kind == Kind::Punct(')'))
        {
            continue;
        }
        let acronym = doc.w(p + 1);
        let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 2 || letters.len() > 10 {
            continue;
        }
        let Some(start) = expansion_start(doc, p, &letters) else { continue };
        let name = doc.span_text(start, p);
        let mentions = vec![doc.span(start, p), doc.span(p + 1, p + 2)];
        for flag in expansion.iter_mut().take(p + 3).skip(start) {
            *flag = true;
        }
        orgs.add(name, Some(acronym.to_string()), mentions);
    }
    // Later uses of a linked acronym (most stories link none).
    let acronyms = if orgs.by_acronym.is_empty() { &[][..] } else { &expansion[..] };
    for (i, &inside_expansion) in acronyms.iter().enumerate() {
        if inside_expansion || !doc.is_word(i) || !doc.toks[i].upper {
            continue;
        }
        if let Some(&oi) = orgs.by_acronym.get(doc.w(i)) {
            orgs.list[oi].mentions.push(doc.span(i, i + 1));
        }
    }
    // Names with an organisation word.
    let mut i = 0;
    while i < n {
        if !doc.is_cap_word(i) || person[i] || expansion[i] {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut end = j;
        while j < n && doc.same_sentence(i, j) && !person[j] {
            if doc.is_cap_word(j) || (doc.is_word(j) && doc.toks[j].upper) {
                j += 1;
                end = j;
            } else if doc.is_word(j) && CONNECTORS.contains(&doc.lw(j))
                // `General Motors Corp and Chrysler LLC`: `and` after a company's legal form
                // joins two names.
                && !(doc.lw(j) == "and" && doc.is_legal_form(j - 1))
            {
                let mut k = j;
                while k < n && doc.is_word(k) && CONNECTORS.contains(&doc.lw(k)) && k < j + 3 {
                    k += 1;
                }
                // `the Premier League on Saturday`: a weekday after `on` is the writer's time.
                if !doc.is_cap_word(k) || person[k] || is_weekday(doc.lw(k)) {
                    break;
                }
                j = k;
            } else {
                break;
            }
        }
        let Some(cue) = (i..end).rev().find(|&k| doc.is_org_cue(k)) else {
            // `the Israeli daily Kol Hair`, `Gazeta Nowa newspaper`: a newspaper's name.
            let s = if doc.lw(i) == "the" { i + 1 } else { i };
            if end > s && publication(doc, s, end) {
                orgs.add(doc.span_text(s, end), None, vec![doc.span(s, end)]);
            }
            i = end.max(i + 1);
            continue;
        };
        // The name ends at its last cue word or the capitalised words right after it.
        // A title before it is a person's (`Governor of the Central Bank`), unless it names
        // the body's field right before a cue word (`Justice Department`, `Student Union`).
        let mut s = i;
        while s < cue
            && (matches!(
                doc.lw(s),
                "the" | "a" | "an" | "this" | "that" | "in" | "on" | "at" | "by" | "for" | "from"
            ) || doc.is_title_head(s) && !doc.is_org_cue(s + 1)
                || doc.honorific(s).is_some()
                || CONNECTORS.contains(&doc.lw(s)))
        {
            s += 1;
        }
        if end > s
            && !(end - s == 1 && CONNECTORS.contains(&doc.lw(s)))
            && !titles_person(doc, person, cue, end)
        {
            let name = doc.span_text(s, end);
            orgs.add(name, None, vec![doc.span(s, end)]);
        }
        i = end.max(i + 1);
    }
    let mut list = orgs.list;
    for org in &mut list {
        org.mentions.sort();
        org.mentions.dedup();
    }
    list.sort_by_key(|o| o.mentions.first().copied().unwrap_or_default());
    list
}

/// `Army Capt. Jane Doe`, `Air Force 1st Lt. Jane Doe`: a body named before a rank and a person
/// is part of that person's title, not a name that stands on its own.
fn titles_person(doc: &Doc<'_>, person: &[bool], cue: usize, end: usize) -> bool {
    let rank = |k: usize| doc.is_rank_abbreviation(k) || doc.is_title_head(k);
    let mut ranked = (cue + 1..end).any(rank);
    let mut k = end;
    while k < doc.toks.len() && k < end + 5 && !person[k] {
        let w = doc.w(k);
        let ordinal = doc.is_word(k) && w.starts_with(|c: char| c.is_ascii_digit()) && w.len() <= 4;
        if !(doc.is_punct(k, '.') || ordinal || rank(k) || doc.is_title_modifier(k)) {
            return false;
        }
        ranked |= rank(k);
        k += 1;
    }
    ranked && person.get(k) == Some(&true)
}

/// The first token of the name an acronym at `p + 1` abbreviates, when the initials of the
/// capitalised words before `p` spell it (connectors skipped, trailing extra words allowed).
fn expansion_start(doc: &Doc<'_>, p: usize, letters: &[char]) -> Option<usize> {
    // The capitalised stretch before the parenthesis.
    let mut l = p;
    let mut steps = 0;
    while l > 0 && steps < 16 && doc.same_sentence(l - 1, p) {
        let k = l - 1;
        let ok = doc.is_cap_word(k)
            || (doc.is_word(k) && (doc.toks[k].upper || CONNECTORS.contains(&doc.lw(k))))
            || doc.toks[k].kind == Kind::Punct('-');
        if !ok {
            break;
        }
        l = k;
        steps += 1;
    }
    let words: Vec<usize> = (l..p).filter(|&k| doc.is_word(k) && !CONNECTORS.contains(&doc.lw(k))).collect();
    let first = letters[0].to_ascii_uppercase();
    // The leftmost word with the acronym's first letter from which the letters follow in order.
    for (wi, &k) in words.iter().enumerate() {
        let initial = doc.w(k).chars().next().map(|c| c.to_ascii_uppercase());
        if initial != Some(first) {
            continue;
        }
        let mut li = 1;
        for &k2 in &words[wi + 1..] {
            if li < letters.len()
                && doc.w(k2).chars().next().map(|c| c.to_ascii_uppercase())
                    == Some(letters[li].to_ascii_uppercase())
            {
                li += 1;
            }
        }
        if li == letters.len() && words.len() - wi >= letters.len().min(2) {
            return Some(k);
        }
    }
    None
}

/// Organisations found so far, by name and by acronym.
#[derive(Default)]
struct Orgs {
    list: Vec<Organization>,
    by_name: FastMap<String, usize>,
    by_acronym: FastMap<String, usize>,
}

impl Orgs {
    fn add(&mut self, name: String, acronym: Option<String>, mentions: Vec<Span>) {
        let index = match self.by_name.get(&name) {
            Some(&i) => {
                self.list[i].mentions.extend(mentions);
                i
            }
            None => {
                self.by_name.insert(name.clone(), self.list.len());
                self.list.push(Organization { name, acronym: None, mentions });
                self.list.len() - 1
            }
        };
        if let Some(acronym) = acronym
            && self.list[index].acronym.is_none()
        {
            self.by_acronym.entry(acronym.clone()).or_insert(index);
            self.list[index].acronym = Some(acronym);
        }
    }
}
