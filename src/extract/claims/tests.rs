use super::*;

#[test]
fn overlaps_by_sentence_equal_a_full_scan() {
    let sents: Vec<SentenceSpan> = [(0, 10), (11, 20), (20, 35), (40, 41)]
        .iter()
        .map(|&(start, end)| SentenceSpan { start, end, block: 0 })
        .collect();
    let spans = [(0, 1), (5, 25), (10, 11), (35, 40), (19, 41), (0, 100), (50, 60), (20, 20)];
    let by = overlaps_by_sentence(&sents, spans.iter().copied()).expect("sorted");
    for (si, s) in sents.iter().enumerate() {
        let scan: Vec<usize> = (0..spans.len()).filter(|&i| spans[i].0 < s.end && spans[i].1 > s.start).collect();
        assert_eq!(by[si], scan, "sentence {si}");
    }
    let unsorted = [sents[1], sents[0]];
    assert!(overlaps_by_sentence(&unsorted, spans.iter().copied()).is_none());
}
use crate::extract::quantities::tests::{doc_parts, mk_doc};
use crate::model::{Anchor, Span};

/// Entities given as (surface form, kind, outlet); each form found in the text is a mention.
fn run_with(text: &str, ents: &[(&str, EntityKind, bool)], dates: &[DateMention]) -> (Vec<Claim>, Vec<Citation>) {
    let (b, s) = doc_parts(text);
    let d = mk_doc(text, &b, &s);
    let local: Vec<LocalEntity> = ents
        .iter()
        .map(|(n, k, o)| LocalEntity { name: n.to_string(), kind: *k, outlet: *o, roles: vec![], gazetteer: None })
        .collect();
    let mut mentions = Vec::new();
    for (i, (n, k, _)) in ents.iter().enumerate() {
        for (at, _) in text.match_indices(n) {
            mentions.push(Mention {
                start: at,
                end: at + n.len(),
                text: n.to_string(),
                kind: *k,
                local: i,
                rule: "test".into(),
            });
        }
    }
    let out = extract(&d, &local, &mentions, dates, &[]);
    for c in &out.0 {
        assert_eq!(c.text, &text[c.start..c.end]);
        if let Assertion::Attributed { span, .. } = &c.asserted_by {
            assert_eq!(span.text, &text[span.start..span.end]);
        }
    }
    out
}

fn run(text: &str) -> (Vec<Claim>, Vec<Citation>) {
    run_with(text, &[], &[])
}

fn source(c: &Claim) -> Option<(&str, bool, &str)> {
    match &c.asserted_by {
        Assertion::Article => None,
        Assertion::Attributed { name, outlet, cue, .. } => Some((name.as_str(), *outlet, cue.as_str())),
    }
}

#[test]
fn quantity_sentences_are_claims_in_the_article_voice() {
    let (c, cit) = run("The flood destroyed 40 bridges.\nThe valley is green and quiet.");
    // every content sentence is a claim; only the first carries a number
    assert_eq!(c.len(), 2);
    assert!(c[1].quantities.is_empty() && c[1].facts.is_empty());
    assert_eq!(c[0].id, "a.txt#c1");
    assert_eq!(c[0].quantities.len(), 1);
    assert_eq!(c[0].asserted_by, Assertion::Article);
    assert!(cit.is_empty());
}

#[test]
fn dated_events_are_claims() {
    let t = "The summit opened on March 3.\nThe summit was long.";
    let d = DateMention {
        article: "a.txt".into(),
        start: 21,
        end: 28,
        text: "March 3".into(),
        kind: DateKind::Date,
        value: Some("2025-03-03".into()),
        anchor: Anchor::Absolute,
        expr: None,
        rule: "test".into(),
    };
    let (c, _) = run_with(t, &[], std::slice::from_ref(&d));
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].dates, vec![0]);
    assert!(c[1].dates.is_empty(), "the date stays with its own sentence");
}

#[test]
fn subject_of_said_with_a_mention() {
    let (c, _) =
        run_with("Maria Lopez said the repairs would take months.", &[("Maria Lopez", EntityKind::Person, false)], &[]);
    assert_eq!(c.len(), 1);
    assert_eq!(source(&c[0]), Some(("Maria Lopez", false, "said")));
    assert_eq!(c[0].local_entities, vec![0]);
}

#[test]
fn appositive_and_inverted_attribution() {
    let ents = [("Maria Lopez", EntityKind::Person, false)];
    let (c, _) = run_with("Maria Lopez, the city's mayor, said the bridge would reopen.", &ents, &[]);
    assert_eq!(source(&c[0]).map(|s| s.0), Some("Maria Lopez"));
    let (c, _) = run_with("The bridge will reopen soon, said Maria Lopez.", &ents, &[]);
    assert_eq!(source(&c[0]).map(|s| s.0), Some("Maria Lopez"));
}

#[test]
fn appositive_shapes() {
    let (c, _) = run("His chief adviser, Tomas Reyes, said the count was wrong.");
    assert_eq!(source(&c[0]).map(|s| s.0), Some("Tomas Reyes"));
    let (c, _) = run("Ana Ruiz, the author of \"Deep Water,\" about the floods, said the dam was old.");
    assert_eq!(source(&c[0]).map(|s| s.0), Some("Ana Ruiz"));
    // "said X verb…" is not an inverted attribution
    let (c, _) = run("The aide, whom we met, said Reyes wants 40 more staff.");
    assert_ne!(source(&c[0]).map(|s| s.0), Some("Reyes"));
}

#[test]
fn appositive_shapes_from_news() {
    let (c, _) = run("\"We are open,\" Dana Holt, Vistra's head of sales, said of the plan.");
    assert_eq!(source(&c[0]).map(|s| s.0), Some("Dana Holt"));
    let (c, _) = run("\"We are friends,\" Jim Bell, 57, told a passer-by.");
    assert_eq!(source(&c[0]).map(|s| s.0), Some("Jim Bell"));
    let (c, _) = run("\"Go,\" Senator Ann Price, Democrat of Ohio, told the crowd.");
    assert_eq!(source(&c[0]).map(|s| s.0), Some("Senator Ann Price"));
    let (c, _) = run("One pastor backing Mr. Stone, Dan Reed of Hope Church in Salem, said he made 150 calls.");
    assert_eq!(source(&c[0]).map(|s| s.0), Some("Dan Reed"));
    let (c, _) = run("\"It failed,\" said the former aide to the governor.");
    assert_eq!(source(&c[0]).map(|s| s.0), Some("the former aide"));
}

#[test]
fn capitalised_fallback_without_mentions() {
    let (c, _) = run("Petra Novak said the plant would close.");
    assert_eq!(source(&c[0]).map(|s| s.0), Some("Petra Novak"));
    // a sentence opener alone is not a source
    assert_eq!(run("But said nothing more.").0[0].asserted_by, Assertion::Article);
}

#[test]
fn generic_sources() {
    let (c, _) = run("Officials said 300 homes had been damaged.");
    assert_eq!(source(&c[0]), Some(("Officials", false, "said")));
    let (c, _) = run("The repairs will cost €5m, according to the ministry.");
    assert_eq!(source(&c[0]), Some(("the ministry", false, "according to")));
    let (c, _) = run("Senior health officials have said the clinic will stay open.");
    assert_eq!(source(&c[0]).map(|s| s.0), Some("Senior health officials"));
}

#[test]
fn modified_and_time_shifted_subjects() {
    let (c, _) = run("The vote passed on Friday, two officials who attended the meeting said.");
    assert_eq!(source(&c[0]).map(|s| s.0), Some("two officials"));
    assert!(c[0].quantities.is_empty(), "{:?}", c[0].quantities);
    let (c, _) = run("Activist groups protesting near St. Mary's Church on Friday said the plan was flawed.");
    assert_eq!(source(&c[0]).map(|s| s.0), Some("Activist groups"));
    let (c, _) = run("The levee held, according to Polish officials.");
    assert_eq!(source(&c[0]).map(|s| s.0), Some("Polish officials"));
    // a capitalised "States" is part of a name, not a speech verb
    let (c, _) = run("The United States pledged 300 generators.");
    assert_eq!(c[0].asserted_by, Assertion::Article);
}

#[test]
fn speech_verb_without_a_source_attributes_nothing() {
    let (c, _) = run("The 300 reported cases were in the north.");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].asserted_by, Assertion::Article);
    assert_eq!(run("It was widely reported at the time.").0[0].asserted_by, Assertion::Article);
}

fn quote(t: &str, words: &str, speaker: Option<(&str, usize)>) -> Quote {
    let start = t.find(words).unwrap();
    Quote {
        id: "a.txt#q1".into(),
        article: "a.txt".into(),
        start,
        end: start + words.len(),
        text: words.into(),
        kind: QuoteKind::Full,
        speaker: None,
        speaker_local: speaker.map(|s| s.1),
        speaker_mention: Some(Span { start: 0, end: 3, text: t[..3].into() }),
        speaker_name: speaker.map(|s| s.0.to_string()),
        cue: Some("quote".into()),
        cue_span: None,
        continued: false,
        sentence_start: 0,
        sentence_end: t.len(),
    }
}

#[test]
fn quote_speakers_attribute_their_sentences() {
    let t = "Ana Ruiz took the stage.\n\"We will rebuild every bridge.\"";
    let (b, s) = doc_parts(t);
    let d = mk_doc(t, &b, &s);
    let ents = [LocalEntity {
        name: "Ana Ruiz".into(),
        kind: EntityKind::Person,
        outlet: false,
        roles: vec![],
        gazetteer: None,
    }];
    let q = quote(t, "We will rebuild every bridge.", Some(("Ana Ruiz", 0)));
    let (c, _) = extract(&d, &ents, &[], &[], std::slice::from_ref(&q));
    assert_eq!(c.len(), 2);
    assert_eq!(source(&c[1]).map(|s| s.0), Some("Ana Ruiz"));
    // an unresolved speaker is not used
    let q = quote(t, "We will rebuild every bridge.", None);
    assert_eq!(extract(&d, &ents, &[], &[], &[q]).0[1].asserted_by, Assertion::Article);
}

#[test]
fn a_place_after_a_preposition_is_not_the_speaker() {
    let (c, _) = run_with(
        "Farm groups protesting near St. Mary's Church on Friday said the plan was flawed.",
        &[("St. Mary's Church", EntityKind::Place, false)],
        &[],
    );
    assert_eq!(source(&c[0]).map(|s| s.0), Some("Farm groups"));
}

#[test]
fn pronoun_resolves_to_the_last_person() {
    let t = "Maria Lopez visited the site.\nShe said the dam was safe.";
    let (c, _) = run_with(t, &[("Maria Lopez", EntityKind::Person, false)], &[]);
    let last = c.last().unwrap();
    assert_eq!(source(last).map(|s| s.0), Some("Maria Lopez"));
    assert!(matches!(&last.asserted_by, Assertion::Attributed { local: Some(0), span, .. } if span.text == "She"));
}

#[test]
fn outlet_reported_is_a_citation() {
    let (c, cit) =
        run_with("Eastwire reported that 12 people were hurt.", &[("Eastwire", EntityKind::Organization, true)], &[]);
    assert_eq!(source(&c[0]), Some(("Eastwire", true, "reported")));
    assert_eq!(cit.len(), 1);
    assert_eq!((cit[0].outlet.as_str(), cit[0].cue.as_str()), ("Eastwire", "reported"));
    assert_eq!(cit[0].evidence.text, "Eastwire reported that 12 people were hurt.");
    // without the entity extractor: a bare one-word name reporting
    let (_, cit) = run("The talks began late. Eastwire reported that 12 people were hurt.");
    assert_eq!(cit.len(), 1);
}

#[test]
fn according_to_an_outlet() {
    let (c, cit) = run("The deal is worth $2bn, according to The Meridian Post.");
    assert_eq!(source(&c[0]), Some(("The Meridian Post", true, "according to")));
    assert_eq!(cit.len(), 1);
    assert_eq!(cit[0].outlet, "The Meridian Post");
    let (_, cit) = run("The deal is worth $2bn, according to the Financial Times.");
    assert_eq!(cit[0].outlet, "Financial Times");
}

#[test]
fn told_an_outlet() {
    let (c, cit) = run("Officials told Harbor Daily that the port would reopen.");
    assert_eq!(source(&c[0]), Some(("Officials", false, "told")));
    assert_eq!(cit.len(), 1);
    assert_eq!((cit[0].outlet.as_str(), cit[0].cue.as_str()), ("Harbor Daily", "told"));
    // told a person: no citation
    let (_, cit) = run("Officials told Maria Lopez that the port would reopen.");
    assert!(cit.is_empty());
}

#[test]
fn reported_by_and_interview_with() {
    let (_, cit) = run("The plan was first reported by Reuters on Monday.");
    assert_eq!(cit.len(), 1);
    assert_eq!(cit[0].outlet, "Reuters");
    let (c, cit) = run_with(
        "Maria Lopez said in an interview with The Coastal Herald that 30 homes were lost.",
        &[("Maria Lopez", EntityKind::Person, false)],
        &[],
    );
    assert_eq!(source(&c[0]).map(|s| s.0), Some("Maria Lopez"));
    assert_eq!(cit.len(), 1);
    assert_eq!(cit[0].outlet, "The Coastal Herald");
}

#[test]
fn people_who_write_are_not_outlets() {
    let (c, cit) = run("Jane Wolf covered the hearing.\nThe trouble began in 1970, Wolf writes.");
    assert!(cit.is_empty(), "{cit:?}");
    assert_eq!(source(&c[1]).map(|s| s.0), Some("Wolf"));
    // a surname reporting is still not an outlet
    let (_, cit) = run("Jane Wolf covered the hearing.\nWolf reported that 12 people were hurt.");
    assert!(cit.is_empty(), "{cit:?}");
    // a byline
    let (_, cit) = run("Moreau reported from Lyon.");
    assert!(cit.is_empty(), "{cit:?}");
    // a noun, not a verb
    let (c, _) = run("Company reports show 40 stores closed.");
    assert_eq!(c[0].asserted_by, Assertion::Article);
    // a weekday is never a source
    let (_, cit) = run("The memoir, published Tuesday by a small house, sold well.");
    assert!(cit.is_empty(), "{cit:?}");
    // "X magazine" is an outlet
    let (_, cit) = run("The race is over, wrote Vista magazine.");
    assert_eq!(cit.len(), 1);
}

#[test]
fn companies_reporting_results_are_not_outlets() {
    let (_, cit) = run_with(
        "Kellogg reported lower third-quarter earnings.\nSavin Corp. reported a loss of $5 million.",
        &[("Kellogg", EntityKind::Organization, true), ("Savin Corp.", EntityKind::Organization, false)],
        &[],
    );
    assert!(cit.is_empty(), "{cit:?}");
    let (_, cit) = run_with(
        "Eastwire reported on Monday that 12 people were hurt.",
        &[("Eastwire", EntityKind::Organization, false)],
        &[],
    );
    assert_eq!(cit.len(), 1);
}

#[test]
fn institutions_are_not_outlets() {
    let (c, cit) = run_with(
        "The Health Ministry reported 300 new cases.",
        &[("Health Ministry", EntityKind::Organization, false)],
        &[],
    );
    assert_eq!(source(&c[0]).map(|s| s.1), Some(false));
    assert!(cit.is_empty());
    let (_, cit) = run("The International Energy Agency reported higher demand.");
    assert!(cit.is_empty());
    let (_, cit) = run("Anadolu Agency reported higher demand.");
    assert_eq!(cit.len(), 1);
}

#[test]
fn outlet_shapes() {
    for n in ["The Meridian Post", "Harbor Daily", "Reuters", "Valley News", "Xinhua News Agency", "the Guardian"] {
        assert!(outlet_shaped(n), "{n}");
    }
    for n in ["Maria Lopez", "Health Ministry", "European Space Agency", "Post", "The Council"] {
        assert!(!outlet_shaped(n), "{n}");
    }
}

#[test]
fn polarity_words() {
    let (c, _) = run("The vote on the 12-point plan was postponed and did not go ahead.");
    assert_eq!(c[0].polarity.to_vec(), vec!["postponed".to_string(), "not".to_string(), "go ahead".to_string()]);
    let (c, _) = run("The council didn't approve the 12-point plan.");
    assert_eq!(c[0].polarity.to_vec(), vec!["not".to_string()]);
}

#[test]
fn claim_ids_follow_text_order() {
    let (c, _) = run("Two bridges fell.\nNothing else.\nFive roads closed.");
    assert_eq!(c.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), vec!["a.txt#c1", "a.txt#c2", "a.txt#c3"]);
    assert_eq!(c[2].quantities[0].value, 5.0);
}
