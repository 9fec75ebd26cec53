//! Topics, keyphrases and subjects: hierarchy, evidence, ordering, user lexicons, reference article.

use newswire::registry::{LexiconTerm, TopicLexicon};
use newswire::{Article, Parser, SubjectKind, Topic};

const FOOTBALL: &str = "United Beat City in Cup Derby\n\n\
    MANCHESTER, England (AP) -- The striker scored twice and the goalkeeper saved a penalty as \
    United beat City 2-1 in the Premier League on Sunday.\n\n\
    The midfielder was sent off in stoppage time after a second yellow card.";

const CENTRAL_BANK: &str = "Central Bank Raises Interest Rates\n\n\
    FRANKFURT (Reuters) - The European Central Bank raised interest rates by a quarter point \
    on Thursday to fight inflation, and said oil prices would keep consumer prices high.\n\n\
    Economists had expected the rate rise after the economy grew faster than forecast.";

fn parse(text: &str) -> Article {
    newswire::parse(text).expect("parses")
}

fn reference() -> (String, Article) {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/fna-webinar.txt"))
        .expect("reference article is bundled");
    let article = parse(&text);
    (text, article)
}

fn top_levels(topics: &[Topic]) -> Vec<&str> {
    topics.iter().filter(|t| t.code == t.top_level).map(|t| t.code.as_str()).collect()
}

#[test]
fn vocabulary_has_the_seventeen_top_levels_and_their_hierarchy() {
    let lexicon = TopicLexicon::embedded();
    let vocabulary = lexicon.vocabulary();
    let tops: Vec<_> = vocabulary.iter().filter(|t| t.level == 1).map(|t| t.code.as_str()).collect();
    assert_eq!(tops.len(), 17);
    assert!(tops.contains(&"medtop:11000000") && tops.contains(&"medtop:15000000"));

    let diplomacy = vocabulary.get("medtop:20000639").expect("diplomacy");
    assert_eq!(diplomacy.label, "diplomacy");
    assert_eq!(diplomacy.parent.as_deref(), Some("medtop:20000638"));
    assert_eq!(diplomacy.top_level, "medtop:11000000");
    assert_eq!(diplomacy.level, 3);
    assert!(!diplomacy.definition.is_empty());
    assert_eq!(vocabulary.top_level("20001065"), Some("medtop:15000000"));
    for topic in vocabulary.iter() {
        let parent = topic.parent.as_deref().map(|p| vocabulary.get(p).expect("parent exists"));
        match parent {
            Some(p) => {
                assert_eq!((p.top_level.as_str(), p.level + 1), (topic.top_level.as_str(), topic.level))
            }
            None => assert_eq!(topic.top_level, topic.code),
        }
    }
}

#[test]
fn a_narrower_topic_carries_its_top_level() {
    let a = parse(FOOTBALL);
    assert_eq!(a.topics[0].top_level, "medtop:15000000");
    let football = a.topics.iter().find(|t| t.code == "medtop:20001065").expect("football topic");
    assert_eq!(football.label, "football");
    assert_eq!(football.top_level, "medtop:15000000");

    let vocabulary = TopicLexicon::embedded();
    for t in &a.topics {
        assert_eq!(vocabulary.vocabulary().top_level(&t.code), Some(t.top_level.as_str()));
        let sport = a.topics.iter().find(|s| s.code == t.top_level).expect("top level is reported");
        assert!(sport.score >= t.score, "a narrower topic never outscores its top level");
    }

    let b = parse(CENTRAL_BANK);
    assert_eq!(b.topics[0].code, "medtop:04000000");
    let bank = b.topics.iter().find(|t| t.code == "medtop:20000350").expect("central bank topic");
    assert_eq!(bank.top_level, "medtop:04000000");
}

#[test]
fn scores_are_in_range_and_evidence_spans_point_at_the_terms() {
    for text in [FOOTBALL, CENTRAL_BANK, &reference().0] {
        let a = parse(text);
        assert!(!a.topics.is_empty());
        for t in &a.topics {
            assert!((0.0..=1.0).contains(&t.score), "{} score {}", t.code, t.score);
            assert!(!t.evidence.is_empty(), "{} has evidence", t.code);
            for e in &t.evidence {
                let written = e.span.slice(text);
                assert!(!written.is_empty());
                let term = e.term.trim_start_matches('=');
                let (stem, prefix) = match term.strip_suffix('*') {
                    Some(stem) => (stem, true),
                    None => (term, false),
                };
                let lower = written.to_lowercase();
                assert!(
                    if prefix {
                        lower.starts_with(&stem.to_lowercase())
                    } else {
                        lower == stem.to_lowercase()
                    },
                    "evidence {:?} at {:?} reads {written:?}",
                    e.term,
                    e.span
                );
                let before = text[..e.span.start].chars().next_back();
                assert!(before.is_none_or(|c| !c.is_alphanumeric()), "{written:?} starts a word");
            }
        }
    }
}

#[test]
fn ordering_is_by_score_and_stable() {
    let (text, a) = reference();
    assert!(a.topics.windows(2).all(|w| w[0].score >= w[1].score));
    for w in a.topics.windows(2) {
        if w[0].score == w[1].score {
            let depth = |t: &Topic| if t.code == t.top_level { 0 } else { 1 };
            assert!((depth(&w[0]), &w[0].code) <= (depth(&w[1]), &w[1].code));
        }
    }
    for _ in 0..3 {
        let again = parse(&text);
        assert_eq!(again.topics, a.topics);
        assert_eq!(again.keyphrases, a.keyphrases);
        assert_eq!(again.about, a.about);
    }
}

#[test]
fn reference_article_is_diplomacy_with_health_and_science() {
    let (text, a) = reference();
    let primary = &a.topics[0];
    assert_eq!(primary.top_level, "medtop:11000000", "primary topic is politics");
    assert!(a.topics.iter().any(|t| t.code == "medtop:20000639"), "diplomacy");

    let tops = top_levels(&a.topics);
    assert!(tops.contains(&"medtop:07000000"), "health present: {tops:?}");
    assert!(tops.contains(&"medtop:13000000") || tops.contains(&"medtop:05000000"), "science/education");

    let health = a.topics.iter().find(|t| t.code == "medtop:07000000").unwrap();
    let health_words: Vec<&str> = health.evidence.iter().map(|e| e.span.slice(&text)).collect();
    assert!(health_words.contains(&"COVID-19"), "{health_words:?}");
    assert!(health_words.contains(&"vaccines"), "{health_words:?}");
}

#[test]
fn reference_keyphrases_are_multiword_distinct_and_located() {
    let (text, a) = reference();
    let phrases: Vec<&str> = a.keyphrases.iter().map(|k| k.text.as_str()).collect();
    assert!(phrases.contains(&"joint webinar"), "{phrases:?}");
    assert!(phrases.contains(&"Eurasian Economic Union"), "{phrases:?}");
    let mut lower: Vec<String> = phrases.iter().map(|p| p.to_lowercase()).collect();
    lower.sort();
    lower.dedup();
    assert_eq!(lower.len(), phrases.len(), "no duplicates");
    assert!(a.keyphrases.windows(2).all(|w| w[0].score >= w[1].score));
    for k in &a.keyphrases {
        assert!(k.text.split_whitespace().count() >= 2, "{:?} is multi-word", k.text);
        assert!(k.score > 0.0 && k.score <= 1.0);
        assert!(!k.spans.is_empty());
        for span in &k.spans {
            let written = span.slice(&text).to_lowercase();
            let first = k.text.split_whitespace().next().unwrap().to_lowercase();
            assert!(written.starts_with(&first), "{written:?} vs {:?}", k.text);
        }
    }
}

#[test]
fn reference_is_about_iran_and_kazakhstan() {
    let (text, a) = reference();
    let countries: Vec<&str> =
        a.about.iter().filter(|s| s.kind == SubjectKind::Country).filter_map(|s| s.code.as_deref()).collect();
    assert_eq!(&countries[..2], &["IR", "KZ"]);
    assert_eq!(a.about[0].score, 1.0);
    let kazakhstan = a.about.iter().find(|s| s.code.as_deref() == Some("KZ")).unwrap();
    assert!(kazakhstan.mentions.iter().any(|m| m.slice(&text) == "Kazakh"));
}

#[test]
fn users_add_topic_terms_from_toml_and_from_code() {
    let text = "Quidditch Final Ends in Upset\n\nThe snitch was caught early in the quidditch final.";
    let before = parse(text);
    assert!(before.topics.iter().all(|t| t.code != "medtop:20001154"));

    let lexicon = r#"
        [[terms]]
        code = "medtop:20001154"   # chess, standing in for a sport the lexicon lacks
        weight = 5.0
        terms = ["quidditch", "snitch"]
    "#;
    let parser = Parser::builder().topic_lexicon_toml(lexicon).expect("valid lexicon").build();
    let after = parser.parse(text).unwrap();
    let added = after.topics.iter().find(|t| t.code == "medtop:20001154").expect("user topic");
    assert_eq!(added.top_level, "medtop:15000000");
    assert_eq!(after.topics[0].top_level, "medtop:15000000");
    assert!(added.evidence.iter().any(|e| e.term == "quidditch"));

    let from_code = Parser::builder()
        .topic_terms(&[LexiconTerm::new("medtop:20001154", "snitch", 5.0)])
        .expect("valid term")
        .build();
    let topics = from_code.parse(text).unwrap().topics;
    assert!(topics.iter().any(|t| t.code == "medtop:20001154"));
    // The shared parser is not affected.
    assert!(parse(text).topics.iter().all(|t| t.code != "medtop:20001154"));
}

#[test]
fn cased_terms_match_only_their_case() {
    let lexicon = "[[terms]]\ncode = \"medtop:20000763\"\nweight = 9.0\nterms = [\"=Widget OS\"]\n";
    let parser = Parser::builder().topic_lexicon_toml(lexicon).unwrap().build();
    let cased = parser.parse("Widget OS Update Ships\n\nThe new Widget OS update ships today.").unwrap();
    assert!(cased.topics.iter().any(|t| t.code == "medtop:20000763"));
    let lower = parser.parse("Widget os update ships\n\nThe new widget os update ships today.").unwrap();
    assert!(lower.topics.iter().all(|t| t.code != "medtop:20000763"));
}

#[test]
fn bad_user_lexicons_are_errors() {
    for bad in [
        "[[terms]]\ncode = \"medtop:99999999\"\nterms = [\"x-ray\"]",
        "[[terms]]\ncode = \"medtop:20001154\"\nweight = -1.0\nterms = [\"chessboard\"]",
        "[[terms]]\ncode = \"medtop:20001154\"\nterms = [\"*\"]",
        "[[terms]]\ncode = \"medtop:20001154\"\nterms = [\"ch*ss\"]",
        "[[terms]]\ncode = \"medtop:20001154\"\nterm = [\"chess\"]",
        "not toml at all [",
    ] {
        let err = Parser::builder().topic_lexicon_toml(bad).expect_err(bad);
        assert!(err.message().starts_with("topic lexicon:"), "{}", err.message());
    }
}

#[test]
fn odd_input_never_panics_and_matches_only_whole_words() {
    let texts = [
        "war\u{301}s and rumours",
        "éwar warfare éwar",
        "vaccin",
        "Ünïcödé 🚀 football⚽ soccer",
        "a\u{0}b football",
        "strikers strike",
        "===***",
    ];
    for text in texts {
        let a = parse(text);
        for t in &a.topics {
            for e in &t.evidence {
                assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            }
        }
        for k in &a.keyphrases {
            assert!(k.spans.iter().all(|s| text.is_char_boundary(s.start) && text.is_char_boundary(s.end)));
        }
    }
    // `war` inside `éwar` is no match; `warfare` is.
    let a = parse("éwar warfare éwar");
    let terms: Vec<&str> = a.topics.iter().flat_map(|t| t.evidence.iter().map(|e| e.term.as_str())).collect();
    assert!(terms.contains(&"warfare") && !terms.contains(&"war"), "{terms:?}");
}

fn evidence_terms(a: &Article) -> Vec<(&str, &str)> {
    a.topics.iter().flat_map(|t| t.evidence.iter().map(move |e| (t.code.as_str(), e.term.as_str()))).collect()
}

/// The story leads with top level `lead` and `absent` is not among its top levels.
fn assert_leads_without(a: &Article, lead: &str, absent: &str) {
    let terms = evidence_terms(a);
    assert_eq!(a.topics[0].top_level, lead, "{terms:?}");
    assert!(!top_levels(&a.topics).contains(&absent), "{terms:?}");
}

#[test]
fn a_result_near_the_top_is_evidence_for_sport() {
    let text = "Hawks Edge Owls 3-1\n\nThe visitors held on for a 112-106 win on Sunday night.";
    let a = parse(text);
    assert_eq!(a.topics[0].top_level, "medtop:15000000", "{:?}", a.topics);
    let sport = a.topics.iter().find(|t| t.code == "medtop:15000000").expect("sport");
    let scores: Vec<&str> = sport
        .evidence
        .iter()
        .filter(|e| e.term == "score n-n")
        .map(|e| &text[e.span.start..e.span.end])
        .collect();
    assert_eq!(scores.len(), 2, "{:?}", sport.evidence);
    assert!(scores.contains(&"3-1") && scores.contains(&"112-106"));
}

#[test]
fn years_phone_numbers_money_and_vote_tallies_are_not_results() {
    for text in [
        "Budget For 2004-05 Agreed\n\nThe plan runs to 2006-07, officials said.",
        "Help Line Opens\n\nCall 1-800-555-0199 or 020-7946-0000 for advice.",
        "Fares Rise\n\nTickets will cost $3-4 more and fees 5-6% more.",
        "Court Rules On Appeal\n\nJustices ruled in a 5-4 decision after a 6-3 vote last year.",
    ] {
        let a = parse(text);
        assert!(evidence_terms(&a).iter().all(|(_, t)| *t != "score n-n"), "{text}: {:?}", a.topics);
    }
}

#[test]
fn neutral_idioms_hide_the_topic_words_inside_them() {
    let a = parse("Minister Under Fire\n\nThe minister came under fire as his job was at stake.");
    let terms = evidence_terms(&a);
    assert!(terms.iter().all(|(_, t)| !matches!(*t, "fire" | "stake")), "{terms:?}");
    assert_eq!(a.topics[0].top_level, "medtop:11000000");

    // A user's neutral phrase does the same; the shared parser still reads the word.
    let text = "Quiet Harvest Moon\n\nThe harvest moon rose over the hills.";
    assert!(evidence_terms(&parse(text)).iter().any(|(_, t)| t.starts_with("harvest")));
    let parser = Parser::builder().topic_lexicon_toml("neutral = [\"harvest moon\"]").unwrap().build();
    let quiet = parser.parse(text).unwrap();
    assert!(evidence_terms(&quiet).iter().all(|(_, t)| !t.starts_with("harvest")), "{:?}", quiet.topics);
}

#[test]
fn equal_evidence_goes_to_the_topic_mentioned_first() {
    let lexicon = r#"
        [[terms]]
        code = "medtop:20001154"   # chess (sport)
        weight = 4.0
        terms = ["zorbl"]

        [[terms]]
        code = "medtop:20000763"   # information technology (science and technology)
        weight = 4.0
        terms = ["quix"]
    "#;
    let parser = Parser::builder().topic_lexicon_toml(lexicon).unwrap().build();
    let first = |text: &str| parser.parse(text).unwrap().topics[0].top_level.clone();
    assert_eq!(first("Notes\n\nThe zorbl met the quix."), "medtop:15000000");
    assert_eq!(first("Notes\n\nThe quix met the zorbl."), "medtop:13000000");
}

#[test]
fn word_stems_do_not_swallow_unrelated_words() {
    // `diploma`, `exam`, `surge`, `royal` and `broker` must not catch these.
    let a = parse(
        "Diplomats Examine Surgery Royalties\n\n\
         The diplomatic envoys examined an example; the ceasefire was brokered by diplomats.",
    );
    let terms = evidence_terms(&a);
    assert!(a.topics.iter().all(|t| t.top_level != "medtop:05000000"), "{terms:?}");
    for (_, term) in &terms {
        assert!(!matches!(*term, "diploma" | "exam" | "surge" | "royal" | "broker"), "{terms:?}");
    }
    assert_eq!(a.topics[0].top_level, "medtop:11000000", "{terms:?}");
}

#[test]
fn stems_stop_before_names_and_unrelated_endings() {
    // `bomb*`, `cost*`, `brand*`, `church*`, `inventor*` and `drama*` used to catch these.
    let a = parse(
        "Bombay Costume Show Draws Crowds\n\n\
         Brandon and Churchill fans queued as the retailer's inventories rose dramatically.",
    );
    let terms = evidence_terms(&a);
    for (_, term) in &terms {
        assert!(
            !matches!(*term, "bomb*" | "cost*" | "brand*" | "church*" | "inventor*" | "drama*"),
            "{terms:?}"
        );
    }
    assert!(a.topics.iter().all(|t| t.top_level != "medtop:16000000"), "{terms:?}");
}

#[test]
fn where_the_news_came_from_is_not_what_it_is_about() {
    let a = parse(
        "Rebels Free Aid Worker\n\n\
         Rebels released an aid worker on Sunday, state television said, and the minister told \
         reporters at a news conference that talks would go on.",
    );
    let terms = evidence_terms(&a);
    assert!(a.topics.iter().all(|t| t.top_level != "medtop:01000000"), "{terms:?}");
    assert!(terms.iter().all(|(_, t)| !matches!(*t, "television" | "news conference")), "{terms:?}");
}

#[test]
fn space_and_rockets_are_science_only_in_their_science_senses() {
    let attack =
        parse("Rocket Attack Hits Town\n\nMilitants fired rockets at the town overnight, wounding four.");
    assert_eq!(attack.topics[0].top_level, "medtop:16000000", "{:?}", evidence_terms(&attack));
    assert!(attack.topics.iter().all(|t| t.top_level != "medtop:13000000"), "{:?}", attack.topics);

    let office = parse("Retailer Leases Space\n\nThe retailer leased more office space downtown.");
    assert!(office.topics.iter().all(|t| t.top_level != "medtop:13000000"), "{:?}", office.topics);

    let mission = parse("Probe Heads Into Space\n\nThe space agency said the craft would reach orbit.");
    assert_eq!(mission.topics[0].top_level, "medtop:13000000", "{:?}", evidence_terms(&mission));
}

#[test]
fn video_game_reviews_are_technology_not_sport() {
    let a = parse(
        "Sequel Scores With Fans\n\n\
         The sequel's gameplay and multiplayer modes will please every player on the new game \
         console, and fans of the first game will love it.",
    );
    assert_eq!(a.topics[0].top_level, "medtop:13000000", "{:?}", evidence_terms(&a));
}

#[test]
fn jobs_figures_are_economic_indicators() {
    let a = parse(
        "Jobless Claims Fall\n\n\
         Fewer workers filed jobless claims last week and the unemployment rate held steady, \
         the government said.",
    );
    assert_eq!(a.topics[0].top_level, "medtop:04000000", "{:?}", evidence_terms(&a));
    assert!(a.topics.iter().any(|t| t.code == "medtop:20000365"), "{:?}", a.topics);
}

#[test]
fn a_desk_subject_leads_a_story_it_shares_with_a_narrower_interest() {
    // Health and politics evidence close together: the politics desk leads, health is reported.
    let bill = parse(
        "Parliament Backs Smoking Ban\n\n\
         Parliament voted to ban smoking in hospitals and clinics, the health minister said.",
    );
    assert_eq!(bill.topics[0].top_level, "medtop:11000000", "{:?}", evidence_terms(&bill));
    assert!(top_levels(&bill.topics).contains(&"medtop:07000000"), "{:?}", bill.topics);

    // Twice as many school words as senate words: still the politics desk's story.
    let school_bill = parse(
        "Senate Passes School Bill\n\n\
         The Senate passed a bill on Tuesday to give schools and teachers more money, and students \
         in classrooms across the state would benefit.",
    );
    assert_eq!(school_bill.topics[0].top_level, "medtop:11000000", "{:?}", evidence_terms(&school_bill));
    assert!(top_levels(&school_bill.topics).contains(&"medtop:05000000"), "{:?}", school_bill.topics);
    // Without the senate it is an education story.
    let term = parse(
        "Pupils Return to School\n\n\
         Students and teachers returned to classrooms on Tuesday as schools reopened after the summer.",
    );
    assert_eq!(term.topics[0].top_level, "medtop:05000000", "{:?}", evidence_terms(&term));

    // A story that is clearly about health stays health.
    let outbreak = parse(
        "Flu Outbreak Fills Hospitals\n\n\
         Doctors said the flu virus had infected hundreds of patients, and hospitals ran short of \
         vaccines as the outbreak spread.",
    );
    assert_eq!(outbreak.topics[0].top_level, "medtop:07000000", "{:?}", evidence_terms(&outbreak));
}

#[test]
fn words_with_an_everyday_sense_are_only_weak_hints() {
    // Court, disaster and arts words in their everyday senses do not outweigh the subject.
    let market = parse(
        "Shares Plunge as Merger Talks Collapse\n\n\
         Shares of the carmaker plunged after merger talks collapsed, and analysts cast doubt on \
         its business model; the ruling party called for tax relief.",
    );
    assert_eq!(market.topics[0].top_level, "medtop:04000000", "{:?}", evidence_terms(&market));
    let tops = top_levels(&market.topics);
    for other in ["medtop:01000000", "medtop:02000000", "medtop:03000000"] {
        assert!(!tops.contains(&other), "{other}: {:?}", evidence_terms(&market));
    }

    // In their own senses they still count.
    let fire = parse(
        "Fire Destroys Warehouse\n\nA fire destroyed a warehouse and firefighters rescued two workers.",
    );
    assert_eq!(fire.topics[0].top_level, "medtop:03000000", "{:?}", evidence_terms(&fire));
}

#[test]
fn a_computer_virus_is_technology_and_a_pay_deal_is_business() {
    let virus = parse(
        "New Virus Infects Computers\n\n\
         A virus that spreads by e-mail infected thousands of computers, the software maker said.",
    );
    assert_leads_without(&virus, "medtop:13000000", "medtop:07000000");

    let deal = parse(
        "Carmaker to Pay $2 Billion for Supplier\n\n\
         The carmaker, which employs 40,000 people, will pay $2 billion for the parts supplier.",
    );
    assert_eq!(deal.topics[0].top_level, "medtop:04000000", "{:?}", evidence_terms(&deal));
    let labour = deal.topics.iter().find(|t| t.code == "medtop:09000000").map_or(0.0, |t| t.score);
    assert!(labour < deal.topics[0].score / 3.0, "{:?}", deal.topics);
}

#[test]
fn regulators_and_courts_in_a_business_story_leave_it_business() {
    // An investigation, fraud, a judge and a trial date: words a company story shares with a
    // crime story; the insurer, its policies and its shares say which it is.
    let a = parse(
        "Insurer Faces Fraud Probe\n\n\
         NEW YORK (Reuters) - State regulators are investigating possible fraud in the way the \
         insurer sold its policies, and a judge has set a trial date, the company said on Monday.\n\n\
         Its shares fell 4 percent.",
    );
    assert_eq!(a.topics[0].top_level, "medtop:04000000", "{:?}", evidence_terms(&a));

    // A crime story keeps its subject.
    let theft = parse(
        "Two Held Over Jewellery Theft\n\n\
         Police arrested two men suspected of stealing jewellery worth $2 million from a shop; \
         they will appear in court on Monday.",
    );
    assert_eq!(theft.topics[0].top_level, "medtop:02000000", "{:?}", evidence_terms(&theft));
}

#[test]
fn trade_and_lending_bodies_are_economy_not_diplomacy() {
    let a = parse(
        "Trade Body Rules Against Cotton Subsidies\n\n\
         GENEVA (AP) -- The World Trade Organization ruled on Friday that cotton subsidies broke \
         global trade rules, and the International Monetary Fund said exporters in poor countries \
         would gain.",
    );
    assert_leads_without(&a, "medtop:04000000", "medtop:11000000");
}

#[test]
fn a_new_gadget_on_sale_is_technology_and_a_space_plane_is_science() {
    let recorder = parse(
        "Electronics Maker Unveils DVD Recorder\n\n\
         The electronics maker said on Tuesday it would start selling a DVD recorder with a hard \
         drive and Ethernet port next month, at a price of $499, to customers in Europe.",
    );
    assert_eq!(recorder.topics[0].top_level, "medtop:13000000", "{:?}", evidence_terms(&recorder));
    let plane = parse(
        "Rocket Plane Reaches Space\n\n\
         A privately built space plane made a suborbital flight on Monday, climbing to 100 km \
         before gliding back to the runway; its backers hope to sell tickets to space tourists.",
    );
    assert_eq!(plane.topics[0].code, "medtop:13000000", "{:?}", evidence_terms(&plane));
    assert!(plane.topics.iter().any(|t| t.code == "medtop:20000738"), "{:?}", plane.topics);
}

#[test]
fn a_nuclear_programme_is_policy_and_a_cricket_test_is_sport() {
    let programme = parse(
        "Envoy Says Nuclear Tests Must Stop\n\n\
         The country will not give up its nuclear programme or allow inspectors to visit its \
         uranium enrichment plant, its envoy said, after reports of secret nuclear experiments.",
    );
    assert_eq!(programme.topics[0].top_level, "medtop:11000000", "{:?}", evidence_terms(&programme));
    assert!(programme.topics.iter().any(|t| t.code == "medtop:20000635"), "{:?}", programme.topics);
    assert!(programme.topics.iter().all(|t| t.top_level != "medtop:13000000"), "{:?}", programme.topics);

    let cricket = parse(
        "Opener Ruled Out of Second Test\n\n\
         The opener is almost certain to miss the second Test against the hosts after injuring his \
         hand in practice, the team said.",
    );
    assert_eq!(cricket.topics[0].top_level, "medtop:15000000", "{:?}", evidence_terms(&cricket));
    assert!(cricket.topics.iter().all(|t| t.top_level != "medtop:13000000"), "{:?}", cricket.topics);
    // A test that is not a match is still research.
    let trial = parse(
        "New Drug Passes Test\n\n\
         The drug passed its first test in patients, researchers said, and a larger study will follow.",
    );
    assert_eq!(trial.topics[0].top_level, "medtop:13000000", "{:?}", evidence_terms(&trial));
}

#[test]
fn a_match_report_is_sport_without_naming_the_sport() {
    let a = parse(
        "Double in Ninth Sinks Visitors\n\n\
         A two-run double with the bases loaded in the ninth sent the left-hander back to the \
         dugout, and the designated hitter crossed home plate.",
    );
    assert_eq!(a.topics[0].top_level, "medtop:15000000", "{:?}", evidence_terms(&a));
    assert!(a.topics.iter().any(|t| t.code == "medtop:20000849"), "{:?}", a.topics);
}

#[test]
fn a_hotel_business_is_business_and_a_beach_holiday_is_leisure() {
    let group = parse(
        "Hotel Group to Open Casino\n\n\
         The hotel group will open two hotels and a casino in the city next year, its owner said.",
    );
    assert_eq!(group.topics[0].top_level, "medtop:04000000", "{:?}", evidence_terms(&group));
    assert!(group.topics.iter().any(|t| t.code == "medtop:20000333"), "{:?}", group.topics);
    let beach = parse(
        "Holiday Makers Flock to Beach\n\n\
         Tourists filled the hotels and resorts along the coast for the holiday weekend.",
    );
    assert_eq!(beach.topics[0].top_level, "medtop:10000000", "{:?}", evidence_terms(&beach));
}

#[test]
fn mobile_and_cellular_networks_are_technology() {
    let a = parse(
        "Operators Race to Sell Faster Mobile Service\n\n\
         Mobile operators in Europe are upgrading their cellular networks so that subscribers can \
         browse the web on the move, and sales of new handsets rose.",
    );
    assert_eq!(a.topics[0].top_level, "medtop:13000000", "{:?}", evidence_terms(&a));
    let terms = evidence_terms(&a);
    assert!(terms.contains(&("medtop:13000000", "mobile")), "{terms:?}");
    assert!(terms.contains(&("medtop:13000000", "cellular")), "{terms:?}");
}

#[test]
fn an_antitrust_case_is_business() {
    let a = parse(
        "EU Opens Antitrust Case Against Chipmaker\n\n\
         BRUSSELS (Reuters) - The European Commission opened an antitrust case against a chipmaker \
         on Wednesday over the rebates it gives computer makers.",
    );
    assert_eq!(a.topics[0].top_level, "medtop:04000000", "{:?}", evidence_terms(&a));
}

#[test]
fn names_and_atomic_weapons_are_not_markets_or_science() {
    // Bonds and Brent are names as well as markets; `atomic` is weapons and energy, not physics.
    let homers = parse(
        "Bonds Hits Two Homers as Giants Win\n\n\
         SAN FRANCISCO (AP) -- Bonds hit two home runs and drove in five as the Giants beat the \
         Dodgers on Sunday.",
    );
    assert!(!top_levels(&homers.topics).contains(&"medtop:04000000"), "{:?}", evidence_terms(&homers));
    let golf =
        parse("Brent Takes Lead at Open\n\nBrent Miller shot a 65 on Thursday to take a two-shot lead.");
    assert!(!top_levels(&golf.topics).contains(&"medtop:04000000"), "{:?}", evidence_terms(&golf));
    let watchdog = parse(
        "Atomic Agency Meets Over Nuclear Programme\n\n\
         VIENNA (AP) -- The board of the UN atomic watchdog met on Monday over the nuclear \
         programme, diplomats said.",
    );
    assert!(!top_levels(&watchdog.topics).contains(&"medtop:13000000"), "{:?}", evidence_terms(&watchdog));

    // In their market senses they count.
    let market = parse(
        "Bond Prices Rise\n\n\
         Government bonds rallied and Brent crude fell 2 percent as traders bet on lower interest rates.",
    );
    let terms = evidence_terms(&market);
    assert_eq!(market.topics[0].top_level, "medtop:04000000", "{terms:?}");
    assert!(
        terms.iter().any(|(_, t)| *t == "bonds") && terms.iter().any(|(_, t)| *t == "Brent crude"),
        "{terms:?}"
    );
}

#[test]
fn a_first_name_is_not_the_politician_of_that_surname() {
    // `Howard` alone is as often a radio host's first name as a party leader's surname.
    let host = parse(
        "Radio Host Howard Signs Satellite Deal\n\n\
         NEW YORK (AP) -- Talk show host Howard Fenwick will take his morning show to satellite \
         radio next year, the broadcaster said on Monday.",
    );
    assert_leads_without(&host, "medtop:04000000", "medtop:11000000");

    let leader = parse(
        "Howard Attacks Tax Plans\n\n\
         LONDON (Reuters) - Opposition leader Michael Howard attacked the chancellor's plans on \
         Tuesday.\n\nMr Howard said families would pay more.",
    );
    let terms = evidence_terms(&leader);
    assert_eq!(leader.topics[0].top_level, "medtop:11000000", "{terms:?}");
    assert!(terms.iter().any(|(_, t)| *t == "Michael Howard"), "{terms:?}");
    assert!(terms.iter().any(|(_, t)| *t == "Mr Howard"), "{terms:?}");
}

#[test]
fn an_office_of_state_is_not_a_sitcom() {
    let jobs = parse(
        "Unemployment Falls Again\n\n\
         LONDON (Reuters) - The number of people out of work fell in the three months to March, \
         the Office for National Statistics said on Wednesday.",
    );
    assert_leads_without(&jobs, "medtop:04000000", "medtop:01000000");
}

#[test]
fn idioms_of_jockeying_and_beefing_up_are_no_sport_or_farming() {
    let race = parse(
        "Rivals Jockey for Position\n\n\
         BRUSSELS (Reuters) - Candidates jockeying for the top job at the commission met \
         ministers on Monday.",
    );
    assert_leads_without(&race, "medtop:11000000", "medtop:15000000");

    let checks = parse(
        "Government to Beef Up Border Checks\n\n\
         LONDON (AP) -- The government will beef up checks at ports, the home secretary said on \
         Friday.",
    );
    assert!(!top_levels(&checks.topics).contains(&"medtop:04000000"), "{:?}", evidence_terms(&checks));
}

#[test]
fn voting_machines_are_technology() {
    let a = parse(
        "States Rush to Buy Electronic Voting Machines\n\n\
         WASHINGTON (AP) -- Counties are buying touch-screen voting machines, and computer \
         scientists warn that their software can be tampered with.",
    );
    assert_leads_without(&a, "medtop:13000000", "medtop:11000000");
}

#[test]
fn a_buyback_and_a_dividend_are_business_whatever_the_firm_makes() {
    let a = parse(
        "Handset Maker Plans Buyback\n\n\
         HELSINKI (Reuters) - The mobile phone maker said on Thursday it would buy back up to 5 \
         percent of its shares and raise its dividend.",
    );
    let terms = evidence_terms(&a);
    assert_eq!(a.topics[0].top_level, "medtop:04000000", "{terms:?}");
    assert!(terms.iter().any(|(_, t)| *t == "buyback*"), "{terms:?}");
    let business = a.topics.iter().find(|t| t.code == "medtop:04000000").expect("business").score;
    assert!(business > 0.75, "{business} {terms:?}");
}

#[test]
fn piracy_over_the_internet_is_technology() {
    let a = parse(
        "Studios Sue Online Pirates\n\n\
         LOS ANGELES (Reuters) - Movie studios sued hundreds of file swappers on Tuesday, saying \
         online piracy of films costs them billions.",
    );
    let terms = evidence_terms(&a);
    assert_eq!(a.topics[0].top_level, "medtop:13000000", "{terms:?}");
    assert!(terms.iter().any(|(_, t)| *t == "online piracy"), "{terms:?}");
}

#[test]
fn a_strong_dollar_policy_is_currency_news() {
    let a = parse(
        "Treasury Reaffirms Strong-Dollar Stance\n\n\
         WASHINGTON (Reuters) - The administration will keep its strong-dollar policy, the \
         Treasury secretary said on Monday.",
    );
    let terms = evidence_terms(&a);
    assert_eq!(a.topics[0].top_level, "medtop:04000000", "{terms:?}");
    assert!(a.topics.iter().any(|t| t.code == "medtop:20000355"), "{:?}", a.topics);
}

#[test]
fn on_board_and_gaining_popularity_are_idioms_not_business() {
    let landing = parse(
        "Plane Lands Safely After Scare\n\n\
         ATHENS (AP) -- All 200 people on board a jet were safe after it landed in Crete on \
         Sunday, officials said.",
    );
    assert!(!top_levels(&landing.topics).contains(&"medtop:04000000"), "{:?}", evidence_terms(&landing));
    let yoga = parse(
        "Yoga Gains Popularity in Villages\n\n\
         DELHI (AP) -- The practice is gaining popularity among farmers, a survey found.",
    );
    let terms = evidence_terms(&yoga);
    assert!(!terms.iter().any(|(_, t)| *t == "gain*"), "{terms:?}");
}

#[test]
fn a_science_society_is_science_not_the_forest_it_studies() {
    let a = parse(
        "Rare Frog Found in Forest\n\n\
         A team backed by National Geographic found a frog in the forest, researchers said.",
    );
    assert_eq!(a.topics[0].top_level, "medtop:13000000", "{:?}", evidence_terms(&a));
}

#[test]
fn a_college_named_tech_is_a_team_and_a_staff_writer_is_a_byline() {
    let game = parse(
        "Hokies Roll Past Virginia Tech Rivals\n\n\
         BLACKSBURG, Va. (AP) -- Virginia Tech beat its rivals 35-10 on Saturday.",
    );
    assert_leads_without(&game, "medtop:15000000", "medtop:13000000");

    let bout = parse(
        "Boxers Meet Again\n\n\
         By Jane Doe and John Roe, Staff Writers\n\n\
         The two boxers meet again on Saturday in Las Vegas, the staff writer of the ring \
         magazine said.",
    );
    assert!(!top_levels(&bout.topics).contains(&"medtop:09000000"), "{:?}", evidence_terms(&bout));
}

#[test]
fn a_crown_changing_hands_is_politics_not_royal_gossip() {
    let a = parse(
        "King to Abdicate in Favour of Son\n\n\
         PHNOM PENH (AP) -- The ailing king said on Thursday he would abdicate, and the crown \
         prince would take the throne next month.",
    );
    let terms = evidence_terms(&a);
    assert_eq!(a.topics[0].top_level, "medtop:11000000", "{terms:?}");
    assert!(a.topics.iter().any(|t| t.code == "medtop:20000610"), "{:?}", a.topics);
}

#[test]
fn the_jets_are_a_team_and_jets_still_strike_in_a_war() {
    let game = parse(
        "Jets Top Dolphins\n\n\
         EAST RUTHERFORD, N.J. (AP) -- Mark Dalton threw for 250 yards as the Jets won on \
         Sunday.",
    );
    let terms = evidence_terms(&game);
    assert_eq!(game.topics[0].top_level, "medtop:15000000", "{terms:?}");
    assert!(terms.iter().any(|(code, t)| *code == "medtop:15000000" && *t == "Jets"), "{terms:?}");

    let raid = parse(
        "Israeli Jets Strike Gaza Camp\n\n\
         GAZA (Reuters) - Israeli jets fired missiles at a militant camp on Monday, killing two \
         gunmen, witnesses said.",
    );
    assert_eq!(raid.topics[0].top_level, "medtop:16000000", "{:?}", evidence_terms(&raid));
}

#[test]
fn a_video_game_series_is_technology_even_when_its_fans_queue() {
    let a = parse(
        "Halo 2 Has Fans Lining Up\n\n\
         NEW YORK (AP) -- Fans lined up at midnight on Tuesday to buy Halo 2, the most awaited \
         game of the year.",
    );
    assert_eq!(a.topics[0].top_level, "medtop:13000000", "{:?}", evidence_terms(&a));
}

#[test]
fn a_company_named_with_its_legal_form_is_business_evidence() {
    let a = parse(
        "Acme Corp. Picks Chief\n\n\
         SAN JOSE (Reuters) - Acme Corp., the chip maker, named a new chief on Monday.",
    );
    let terms = evidence_terms(&a);
    assert_eq!(a.topics[0].top_level, "medtop:04000000", "{terms:?}");
    let business = a.topics[0].score;
    assert!(business > 0.62, "{business} {terms:?}");
}

#[test]
fn a_finance_minister_on_growth_is_economy() {
    let a = parse(
        "Finance Minister Sees Slower Growth\n\n\
         BERLIN (Reuters) - The finance minister said on Friday that growth would slow next year.",
    );
    let terms = evidence_terms(&a);
    assert_eq!(a.topics[0].top_level, "medtop:04000000", "{terms:?}");
    // The office is still a cabinet post: politics is reported beside it.
    assert!(top_levels(&a.topics).contains(&"medtop:11000000"), "{terms:?}");
}
