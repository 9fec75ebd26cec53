//! Checks shared by the property and hostile-input tests: they look only at the public `Article`.

use newswire::{Article, Span};

/// Every span the article reports, with what it is, for error messages.
pub fn spans(a: &Article) -> Vec<(&'static str, Span)> {
    let mut out = Vec::new();
    let texts = |out: &mut Vec<(&'static str, Span)>, what, items: &[newswire::Text]| {
        out.extend(items.iter().map(|t| (what, t.span)));
    };
    if let Some(h) = &a.headline {
        out.push(("headline", h.span));
    }
    for agency in a.agency.iter().chain(&a.cited_agencies) {
        out.push(("agency", agency.span));
    }
    if let Some(d) = &a.dateline {
        out.push(("dateline", d.span));
    }
    for t in a.published.iter().chain(&a.updated) {
        out.push(("timestamp", t.span));
    }
    out.extend(a.authors.iter().map(|x| ("author", x.span)));
    texts(&mut out, "header", &a.header);
    texts(&mut out, "paragraph", &a.paragraphs);
    texts(&mut out, "sign_off", &a.sign_off);
    for s in &a.speakers {
        out.extend(s.mentions.iter().map(|m| ("speaker mention", *m)));
        out.extend(s.quotes.iter().map(|q| ("quote", q.span)));
    }
    for o in &a.organizations {
        out.extend(o.mentions.iter().map(|m| ("organization mention", *m)));
    }
    for t in &a.topics {
        out.extend(t.evidence.iter().map(|e| ("topic evidence", e.span)));
    }
    for k in &a.keyphrases {
        out.extend(k.spans.iter().map(|s| ("keyphrase", *s)));
    }
    out.extend(a.dates.iter().map(|d| ("date", d.span)));
    out.extend(a.warnings.iter().filter_map(|w| w.span.map(|s| ("warning", s))));
    out
}

/// Panics unless every span is a non-inverted range on char boundaries inside `text`.
pub fn assert_spans_valid(text: &str, a: &Article) {
    for (what, span) in spans(a) {
        assert!(span.start <= span.end, "{what} span {span:?} is inverted");
        assert!(span.end <= text.len(), "{what} span {span:?} ends past the input ({} bytes)", text.len());
        assert!(text.is_char_boundary(span.start), "{what} span {span:?} starts inside a char");
        assert!(text.is_char_boundary(span.end), "{what} span {span:?} ends inside a char");
    }
}

/// Whitespace as the parser's layout sees it (including no-break, zero-width spaces and BOMs).
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'
}

/// The trimmed span of every non-blank line (lines end at `\n`, `\r\n` or `\r`).
pub fn non_blank_lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i <= bytes.len() {
        if i == bytes.len() || bytes[i] == b'\n' || bytes[i] == b'\r' {
            let raw = &text[start..i];
            let body = raw.trim_start_matches(is_blank);
            let lead = raw.len() - body.len();
            let body = body.trim_end_matches(is_blank);
            if !body.is_empty() {
                out.push(Span::new(start + lead, start + lead + body.len()));
            }
            start = i + 1;
        }
        i += 1;
    }
    out
}

/// Panics unless every non-blank line of `text` overlaps a paragraph or one of the front-matter
/// and closing spans (header, headline, byline authors, timestamps, dateline, sign-off): the
/// parser never drops a line of the input.
pub fn assert_lines_accounted(text: &str, a: &Article) {
    let mut covering: Vec<Span> = Vec::new();
    covering.extend(a.paragraphs.iter().chain(&a.sign_off).chain(&a.header).map(|t| t.span));
    covering.extend(a.headline.iter().map(|h| h.span));
    covering.extend(a.dateline.iter().map(|d| d.span));
    covering.extend(a.published.iter().chain(&a.updated).map(|t| t.span));
    covering.extend(a.authors.iter().map(|x| x.span));
    covering.sort();
    // Merge into disjoint ranges so each line is checked with one binary search.
    let mut merged: Vec<Span> = Vec::new();
    for s in covering {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    for line in non_blank_lines(text) {
        let i = merged.partition_point(|m| m.end <= line.start);
        let hit = merged.get(i).is_some_and(|m| m.start < line.end);
        assert!(hit, "line {line:?} {:?} is in no paragraph, header or front-matter span", line.slice(text));
    }
}

/// All the checks that hold for every successful parse.
pub fn assert_well_formed(text: &str, a: &Article) {
    assert_spans_valid(text, a);
    assert_lines_accounted(text, a);
    for p in &a.paragraphs {
        assert!(!p.text.is_empty(), "empty paragraph at {:?}", p.span);
    }
}
