//! Throughput of the full pipeline (`cargo bench --bench pipeline`), in bytes of input per second.
//!
//! Groups:
//! - `reference`: the bundled reference article (examples/fna-webinar.txt).
//! - `batch`: a mixed batch of synthetic wire copy in the styles of several agencies, of
//!   realistic size (1-6 KB an article), parsed one article after the other on one core.
//! - `stage`: inputs that load one part of the pipeline each (the stages are private, so each is
//!   reached through `Parser::parse`): header-only front matter, dateline-heavy leads, quote-heavy
//!   prose (speakers), a long body (body, dates, topics), and unstructured prose.
//! - `scaling`: the same mix at 1 KB ... 10 MB; equal throughput across sizes shows linear cost.
//!
//! Every article here is generated from the templates below; no corpus text is used.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use newswire::Parser;

const CITIES: [&str; 12] = [
    "TEHRAN",
    "BEIJING",
    "MOSCOW",
    "WASHINGTON",
    "LONDON",
    "PARIS",
    "NEW DELHI",
    "ANKARA",
    "CAIRO",
    "NAIROBI",
    "BRASILIA",
    "CANBERRA",
];
const MONTHS: [&str; 12] =
    ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const FIRST: [&str; 10] =
    ["Maria", "Ahmad", "Olga", "James", "Li", "Fatima", "Pierre", "Aiko", "Samuel", "Ingrid"];
const LAST: [&str; 10] =
    ["Novak", "Rahimi", "Petrova", "Walker", "Wei", "Haddad", "Moreau", "Tanaka", "Okafor", "Larsen"];
const TITLES: [&str; 8] = [
    "Foreign Minister",
    "spokeswoman for the Health Ministry",
    "Chairman of the National Grain Board",
    "central bank governor",
    "Deputy Prime Minister",
    "head of the port authority",
    "chief economist at the Institute for Trade Studies",
    "Energy Minister",
];
const SUBJECTS: [&str; 8] = [
    "grain exports",
    "the new rail link",
    "interest rates",
    "the vaccination campaign",
    "oil output",
    "the border talks",
    "the port strike",
    "flood relief",
];
const VERBS: [&str; 6] = ["said", "told reporters", "added", "noted", "stressed", "said in a statement"];
const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// A small deterministic index source, so every run benchmarks the same text.
struct Pick(u64);

impl Pick {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
    fn of<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next(items.len())]
    }
}

fn name(p: &mut Pick) -> String {
    format!("{} {}", p.of(&FIRST), p.of(&LAST))
}

/// One prose paragraph, with a direct quote every other time.
fn paragraph(p: &mut Pick) -> String {
    let subject = p.of(&SUBJECTS);
    match p.next(4) {
        0 => format!(
            "\"We expect {subject} to recover by the end of the year,\" {} {}, {}, {} on {}.",
            p.of(&VERBS),
            name(p),
            p.of(&TITLES),
            "speaking at a news conference",
            p.of(&DAYS)
        ),
        1 => format!(
            "According to {}, the {}, talks on {subject} will resume next week after officials from \
             both countries met in {} and agreed to set up a joint committee.",
            name(p),
            p.of(&TITLES),
            p.of(&CITIES)
        ),
        2 => format!(
            "{} {} that {subject} had risen by {} percent compared with last year, while analysts \
             warned that higher costs could weigh on the economy in the coming months.",
            name(p),
            p.of(&VERBS),
            p.next(40) + 2
        ),
        _ => format!(
            "The {} told the parliament on {} that “the government will not accept delays” on \
             {subject}, and that a report would be published before the summit in {}.",
            p.of(&TITLES),
            p.of(&DAYS),
            p.of(&CITIES)
        ),
    }
}

fn body(p: &mut Pick, paragraphs: usize) -> String {
    (0..paragraphs).map(|_| paragraph(p)).collect::<Vec<_>>().join("\n\n")
}

fn headline(p: &mut Pick) -> String {
    format!("Officials Discuss {} In {}", p.of(&SUBJECTS), p.of(&CITIES))
}

/// One synthetic article in the style of one agency.
fn article(p: &mut Pick) -> String {
    let city = p.of(&CITIES);
    let day = p.next(28) + 1;
    let month = p.of(&MONTHS);
    let paragraphs = 3 + p.next(12);
    match p.next(6) {
        0 => format!(
            "2021-January-{day} 15:05\n2020-November-{day}  14:25\n\n{}\n\n{city} (FNA)- {}\n\n{}",
            headline(p),
            paragraph(p),
            body(p, paragraphs)
        ),
        1 => format!(
            "BC-Talks-Resume,{}\n{}\n\nBy {} and {}\nAssociated Press Writer\n\n{city}, {month} {day} (AP) - {}\n\n{}\n\n-30-",
            p.next(9000) + 100,
            headline(p),
            name(p),
            name(p),
            paragraph(p),
            body(p, paragraphs)
        ),
        2 => format!(
            "-- {}\n-- By  {}\n-- Mon Oct {day}, 2006 11:20am EDT\n-- http://example.com/news/{day}\n\n{city}, {month} {day} (Reuters) - {}\n\n{}\n\n(Reporting by {}; Editing by {})",
            headline(p),
            name(p),
            paragraph(p),
            body(p, paragraphs),
            name(p),
            name(p)
        ),
        3 => format!(
            "{}\n\n{city}, {month} {day} (Xinhua) -- {}\n\n{}\n\n(END)",
            headline(p),
            paragraph(p),
            body(p, paragraphs)
        ),
        4 => format!("{city}, {month} {day}. /TASS/. {}\n\n{}", paragraph(p), body(p, paragraphs)),
        _ => {
            // Reuters-21578 style: one hard-wrapped block with indented paragraph starts.
            let wrapped: String = body(p, paragraphs)
                .split("\n\n")
                .map(|para| {
                    let words: Vec<&str> = para.split(' ').collect();
                    let lines: Vec<String> = words.chunks(11).map(|c| c.join(" ")).collect();
                    format!("    {}", lines.join("\n"))
                })
                .collect::<Vec<_>>()
                .join("\n");
            format!(
                "26-FEB-1987 15:01:01.79\n\n{}\n\n    {city}, Feb {day} -\n{wrapped}\n Reuter",
                headline(p).to_uppercase()
            )
        }
    }
}

/// Articles from `seed` until they add up to at least `bytes`.
fn batch(seed: u64, bytes: usize) -> Vec<String> {
    let mut p = Pick(seed);
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let a = article(&mut p);
        total += a.len();
        out.push(a);
    }
    out
}

/// One input of exactly-about `bytes`: articles joined by blank lines (a scraped page of copy).
fn sized(bytes: usize) -> String {
    let mut text = batch(7, bytes).join("\n\n");
    let mut cut = bytes.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    text
}

fn header_only(p: &mut Pick) -> String {
    let mut s = String::new();
    for i in 0..40 {
        s.push_str(&format!("-- Mon Oct {}, 2006 {}:20am EDT\n", i % 28 + 1, i % 12 + 1));
        s.push_str(&format!("2021-January-{} 15:{:02}\n", i % 28 + 1, i % 60));
        s.push_str(&format!("BC-Talks-{i},0412\n-- http://example.com/a/{i}\n"));
    }
    s.push_str(&format!("\n{}\n\nA short body line.", headline(p)));
    s
}

fn dateline_heavy(p: &mut Pick) -> String {
    (0..60)
        .map(|i| {
            let agency = ["(AP)", "(Xinhua)", "(Reuters)", "/TASS/.", "(FNA)"][i % 5];
            format!("{}, {} {} {agency} - {}", p.of(&CITIES), p.of(&MONTHS), i % 28 + 1, paragraph(p))
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn quote_heavy(p: &mut Pick) -> String {
    let mut s = format!("{}\n\nLONDON (Reuters) - ", headline(p));
    for _ in 0..60 {
        s.push_str(&format!(
            "\"{} is on track,\" {} {}, the {}. “We will not wait,” {} told reporters.\n\n",
            p.of(&SUBJECTS),
            p.of(&VERBS),
            name(p),
            p.of(&TITLES),
            name(p)
        ));
    }
    s
}

fn long_body(p: &mut Pick) -> String {
    format!("{}\n\nCAIRO, {} 3 (AP) - {}\n\nAP", headline(p), p.of(&MONTHS), body(p, 400))
}

fn unstructured(p: &mut Pick) -> String {
    body(p, 60).replace('"', "").replace("\n\n", " ")
}

fn bench_reference(c: &mut Criterion) {
    let parser = Parser::new();
    let text = include_str!("../examples/fna-webinar.txt");
    let mut group = c.benchmark_group("reference");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("fna-webinar", |b| b.iter(|| parser.parse(black_box(text))));
    group.finish();
}

fn bench_batch(c: &mut Criterion) {
    let parser = Parser::new();
    let articles = batch(42, 1 << 20);
    let bytes: usize = articles.iter().map(String::len).sum();
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function(format!("{}-articles", articles.len()), |b| {
        b.iter(|| {
            for a in &articles {
                black_box(parser.parse(black_box(a)).ok());
            }
        })
    });
    group.finish();
}

fn bench_stages(c: &mut Criterion) {
    let parser = Parser::new();
    let mut p = Pick(3);
    let inputs = [
        ("header_only", header_only(&mut p)),
        ("dateline_heavy", dateline_heavy(&mut p)),
        ("quote_heavy", quote_heavy(&mut p)),
        ("long_body", long_body(&mut p)),
        ("unstructured", unstructured(&mut p)),
    ];
    let mut group = c.benchmark_group("stage");
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| parser.parse(black_box(t)))
        });
    }
    group.finish();
}

fn bench_scaling(c: &mut Criterion) {
    let parser = Parser::new();
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(4));
    for (label, bytes) in
        [("1KB", 1 << 10), ("10KB", 10 << 10), ("100KB", 100 << 10), ("1MB", 1 << 20), ("10MB", 10 << 20)]
    {
        let text = sized(bytes);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, t| {
            b.iter(|| parser.parse(black_box(t)))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = bench_reference, bench_batch, bench_stages, bench_scaling
}
criterion_main!(benches);
