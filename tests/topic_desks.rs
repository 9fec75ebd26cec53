//! Desk subjects: the lexicon lists which top-level subjects lead a story they share with a
//! narrower interest, and a user lexicon can set that list.

use newswire::{Parser, Topic};

/// Health and politics, with a little more evidence for health.
const HEALTH_BILL: &str = "Parliament Debates Hospital Bill\n\n\
    LONDON (AP) -- Lawmakers in parliament debated a bill on hospital funding on Tuesday as \
    doctors and nurses warned that patients wait too long for treatment.\n\n\
    The health minister said the vaccine programme and the hospitals would get more money.";

const POLITICS: &str = "medtop:11000000";
const HEALTH: &str = "medtop:07000000";

fn first_top_level(topics: &[Topic]) -> &str {
    topics.iter().find(|t| t.code == t.top_level).map(|t| t.code.as_str()).expect("a top-level topic")
}

fn score(topics: &[Topic], code: &str) -> f64 {
    topics.iter().find(|t| t.code == code).map(|t| t.score).expect("topic is reported")
}

#[test]
fn the_embedded_lexicon_lists_the_seven_desks() {
    let lexicon = newswire::registry::TopicLexicon::embedded();
    let desks = lexicon.desk_codes();
    assert_eq!(desks.len(), 7);
    assert!(desks.iter().any(|d| d == POLITICS));
    assert!(!desks.iter().any(|d| d == HEALTH));
}

#[test]
fn a_user_lexicon_can_set_the_desks() {
    let default = Parser::new().parse(HEALTH_BILL).expect("parses");
    assert_eq!(first_top_level(&default.topics), POLITICS, "{:?}", default.topics);

    let health_desk = Parser::builder()
        .topic_lexicon_toml(&format!("desks = [\"{HEALTH}\"]"))
        .expect("valid lexicon")
        .build();
    assert_eq!(health_desk.registry().topics.desk_codes(), [HEALTH]);
    let article = health_desk.parse(HEALTH_BILL).expect("parses");
    assert_eq!(first_top_level(&article.topics), HEALTH, "{:?}", article.topics);
    assert!(score(&article.topics, HEALTH) > score(&default.topics, HEALTH));
    assert!(score(&article.topics, POLITICS) < score(&default.topics, POLITICS));

    // A lexicon without `desks` keeps the ones before it.
    let terms_only = Parser::builder()
        .topic_lexicon_toml("[[terms]]\ncode = \"medtop:20001065\"\nterms = [\"striker\"]")
        .expect("valid lexicon")
        .build();
    assert_eq!(terms_only.registry().topics.desk_codes().len(), 7);
}

#[test]
fn a_desk_must_be_a_known_top_level_topic() {
    for desks in ["desks = [\"medtop:99999999\"]", "desks = [\"medtop:20001065\"]"] {
        let Err(err) = Parser::builder().topic_lexicon_toml(desks) else { panic!("{desks} is rejected") };
        assert!(err.to_string().contains("desk"), "{err}");
    }
}
