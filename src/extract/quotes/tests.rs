use super::*;
use crate::model::{Anchor, Block};

fn blocks_of(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut pos = 0;
    for part in text.split("\n\n") {
        let s = pos;
        let e = s + part.len();
        if !part.trim().is_empty() {
            let kind = if SOCIAL_SIG.is_match(part) { BlockKind::SocialPost } else { BlockKind::Paragraph };
            out.push(Block { kind, start: s, end: e, text: None, reason: None });
        }
        pos = e + 2;
    }
    out
}

fn run(text: &str) -> (Vec<Quote>, Vec<Warning>) {
    let blocks = blocks_of(text);
    let doc = Doc { id: &"a.txt".into(), text, blocks: &blocks, sentences: &[], published: None, anchor: Anchor::None };
    extract(&doc, &[], &[])
}

/// `run` with the real sentence boundaries.
fn run_segmented(text: &str) -> Vec<Quote> {
    let blocks = blocks_of(text);
    let sentences = crate::segment::sentences(text, &blocks);
    let doc = Doc {
        id: &"a.txt".into(),
        text,
        blocks: &blocks,
        sentences: &sentences,
        published: None,
        anchor: Anchor::None,
    };
    extract(&doc, &[], &[]).0
}

fn q<'a>(qs: &'a [Quote], needle: &str) -> &'a Quote {
    qs.iter().find(|q| q.text.contains(needle)).unwrap_or_else(|| panic!("no quote with {needle:?} in {qs:#?}"))
}

fn spk(q: &Quote) -> Option<&str> {
    q.speaker_mention.as_ref().map(|s| s.text.as_str())
}

#[test]
fn offsets_match_text_and_exclude_marks() {
    let t = "“We will rebuild the bridge,” Mayor Ana Ruiz said.";
    let (qs, w) = run(t);
    assert!(w.is_empty());
    assert_eq!(qs.len(), 1);
    assert_eq!(&t[qs[0].start..qs[0].end], qs[0].text);
    assert_eq!(qs[0].text, "We will rebuild the bridge,");
    assert_eq!(spk(&qs[0]), Some("Mayor Ana Ruiz"));
    assert_eq!(qs[0].cue.as_deref(), Some("said"));
    assert_eq!(qs[0].kind, QuoteKind::Full);
    assert_eq!(qs[0].id, "a.txt#q1");
}

#[test]
fn mixed_marks_and_two_apostrophes() {
    let (qs, _) = run("The envoy wants \"a fair and lasting deal” for both sides, she said.");
    assert_eq!(qs[0].text, "a fair and lasting deal");
    let (qs, _) = run("''The pumps failed twice,'' said Tom Berg, the engineer.");
    assert_eq!(qs[0].text, "The pumps failed twice,");
    assert_eq!(spk(&qs[0]), Some("Tom Berg"));
}

#[test]
fn apostrophes_are_not_quotes() {
    let (qs, w) = run("We’re told it’s the council’s fault, and the 1990s’ levees were rock ’n’ roll in the ’90s.");
    assert!(qs.is_empty(), "{qs:?}");
    assert!(w.is_empty());
}

#[test]
fn unbalanced_mark_is_bounded_and_warned() {
    let t =
        "Ruiz said “the water keeps rising and nobody listens.\n\nThe council met on Monday. “We agreed,” Berg said.";
    let (qs, w) = run(t);
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].kind, WarningKind::UnbalancedQuote);
    let first = q(&qs, "water keeps");
    assert!(first.end <= t.find("\n\n").unwrap(), "stays inside its paragraph");
    assert_eq!(spk(q(&qs, "We agreed")), Some("Berg"));
}

#[test]
fn unclosed_quote_inside_the_writers_sentence_ends_with_it() {
    let t = "A reporter at the scene saw “a crater three metres wide and a burnt truck. Officials believe the blast was planned. Nobody was hurt.\n\n“We heard it from the school,” a teacher said.";
    let qs = run_segmented(t);
    assert_eq!(q(&qs, "crater").text, "a crater three metres wide and a burnt truck.");
    assert!(!q(&qs, "from the school").continued, "the next paragraph's quote is its own");
    // a quote that opens its sentence may be several sentences of one speaker
    let t = "Ruiz spoke briefly. “We will rebuild. Every house will stand again.\n\nThe council met on Monday.";
    let qs = run_segmented(t);
    assert_eq!(q(&qs, "rebuild").text, "We will rebuild. Every house will stand again.");
}

#[test]
fn continued_paragraph_keeps_speaker() {
    let t = "“The first stage is done and the pumps are running,” said Tom Berg, the engineer. “The second stage will take longer.\n\n“We need another month before the pipes can be tested.”\n\nThe council did not comment.";
    let (qs, w) = run(t);
    assert!(w.is_empty(), "{w:?}");
    let c = q(&qs, "another month");
    assert!(c.continued);
    assert_eq!(spk(c), Some("Tom Berg"));
    assert_eq!(spk(q(&qs, "second stage")), Some("Tom Berg"));
}

#[test]
fn scare_quote_and_title_have_no_speaker() {
    let (qs, _) = run("Thousands remain in so-called 'temporary' shelters, the report said.");
    assert_eq!(q(&qs, "temporary").kind, QuoteKind::Scare);
    assert_eq!(spk(q(&qs, "temporary")), None);
    let (qs, _) = run("She starred in the film “Long Night in Vienna” last year.");
    assert_eq!(q(&qs, "Long Night").kind, QuoteKind::Title);
    let (qs, _) = run("The boxer Rocky “The Hammer” Kowalski retired.");
    assert_eq!(q(&qs, "Hammer").kind, QuoteKind::Title);
    let (qs, _) = run("Protesters carried “peace” banners down the avenue.");
    assert_eq!(q(&qs, "peace").kind, QuoteKind::Scare);
    let (qs, _) = run("“We will win,” Ruiz said on Channel 4's “Morning Hour.”");
    assert_eq!(q(&qs, "Morning Hour").kind, QuoteKind::Title);
    assert_eq!(q(&qs, "We will win").kind, QuoteKind::Full);
    let (qs, _) = run("She once starred in “Harbor Lights,” a soap opera.");
    assert_eq!(q(&qs, "Harbor Lights").kind, QuoteKind::Title);
}

#[test]
fn partial_quotes_inside_a_sentence() {
    let (qs, _) = run("Berg called the proposal “workable” and “overdue.”");
    assert_eq!(qs.len(), 2);
    for x in &qs {
        assert_eq!(x.kind, QuoteKind::Partial, "{x:?}");
        assert_eq!(spk(x), Some("Berg"));
    }
}

#[test]
fn a_cue_with_its_addressee_is_one_cue() {
    // The speaker shapes themselves are rows of data/rules/en/quotes.toml (after.tag,
    // before.colon, according-to, continuation.split-quote).
    let (qs, _) = run("Petrov told reporters: “We are ready.”");
    assert_eq!(spk(&qs[0]), Some("Petrov"));
    assert_eq!(qs[0].cue.as_deref(), Some("told reporters"));
}

#[test]
fn colon_after_subject_sentence() {
    let (qs, _) = run("Petrov arrived late. He repeated the point at a cabinet meeting: “No money, no deal.”");
    assert_eq!(spk(&qs[0]), Some("He"));
    assert_eq!(qs[0].speaker_name.as_deref(), None, "no entity mentions and no named speaker before");
}

#[test]
fn pronoun_resolves_to_last_person_mention() {
    let t = "Ana Ruiz visited the dam. “It will hold,” she said.";
    let blocks = blocks_of(t);
    let doc =
        Doc { id: &"a.txt".into(), text: t, blocks: &blocks, sentences: &[], published: None, anchor: Anchor::None };
    let ents = vec![LocalEntity {
        name: "Ana Ruiz".into(),
        kind: EntityKind::Person,
        outlet: false,
        roles: vec![],
        gazetteer: None,
    }];
    let ms = vec![Mention {
        start: 0,
        end: 8,
        text: "Ana Ruiz".into(),
        kind: EntityKind::Person,
        local: 0,
        rule: "t".into(),
    }];
    let (qs, _) = extract(&doc, &ents, &ms);
    assert_eq!(spk(&qs[0]), Some("she"));
    assert_eq!(qs[0].speaker_local, Some(0));
    assert_eq!(qs[0].speaker_name.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn pronoun_falls_back_to_named_speaker() {
    let (qs, _) = run("“The dam will hold,” Ana Ruiz said. Later she changed her mind. “It might not,” she said.");
    assert_eq!(q(&qs, "might not").speaker_name.as_deref(), Some("Ana Ruiz"));
}

#[test]
fn no_cue_no_speaker() {
    let (qs, _) = run("Ana Ruiz walked past the sign. “Closed until further notice, by order of the council.”");
    assert_eq!(spk(&qs[0]), None);
}

#[test]
fn previous_sentence_introduces_the_quote() {
    // The plain case is the row handover.previous-sentence of data/rules/en/quotes.toml.
    let (qs, _) = run("The water board answered the critics on Monday:\n\n“The dam is safe for now.”");
    assert_eq!(spk(&qs[0]), Some("The water board"));
    let (qs, _) = run("Ana Ruiz visited the dam.\n\n“The dam is safe for now.”");
    assert_eq!(spk(&qs[0]), None);
    let (qs, _) = run("Ruiz agreed—\n\n“Yes.” And “the dam is safe for now,” everyone said.");
    assert!(!qs.is_empty());
    let (qs, _) = run("Ruiz said “é”\n\n“The dam is safe for now.”");
    assert_eq!(spk(q(&qs, "dam is safe")), None);
}

#[test]
fn headline_quotes_are_not_mined() {
    let t = "Ruiz: ‘The Dam Will Hold’\n\n“It will hold,” Ruiz said.";
    let mut blocks = blocks_of(t);
    blocks[0].kind = BlockKind::Headline;
    let doc =
        Doc { id: &"a.txt".into(), text: t, blocks: &blocks, sentences: &[], published: None, anchor: Anchor::None };
    let (qs, _) = extract(&doc, &[], &[]);
    assert_eq!(qs.len(), 1);
}

#[test]
fn social_post_is_a_quote_of_its_author() {
    let t = "Intro paragraph.\n\nLanded in Vienna. Our message is simple: roofs before summer. #Floods\n— Ana Ruiz (@AnaRuizMP) March 11, 2025\nhttps://t.co/x";
    let (qs, _) = run(t);
    let s = q(&qs, "Landed in Vienna");
    assert_eq!(s.kind, QuoteKind::Social);
    assert_eq!(spk(s), Some("Ana Ruiz"));
    assert!(s.text.ends_with("#Floods"));
}

mod robustness {
    use super::super::*;
    use crate::model::{Anchor, Block};

    /// Every mix of marks, multi-byte spaces and letters must extract without panicking and with
    /// offsets that slice the text exactly.
    #[test]
    fn no_panic_on_mark_soup() {
        let atoms = [
            "“", "”", "\"", "'", "’", "‘", "''", "``", ".", " ", "\u{a0}", "é", "Mr.", "said", "he", ",", ":", "\n",
            "—", "Ana", "(@x)", "\u{2009}",
        ];
        let mut seed: u64 = 42;
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..24 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                t.push_str(atoms[(seed >> 33) as usize % atoms.len()]);
            }
            let mut blocks = Vec::new();
            let mut pos = 0;
            for part in t.split("\n") {
                if !part.is_empty() {
                    blocks.push(Block {
                        kind: BlockKind::Paragraph,
                        start: pos,
                        end: pos + part.len(),
                        text: None,
                        reason: None,
                    });
                }
                pos += part.len() + 1;
            }
            let doc = Doc {
                id: &"x".into(),
                text: &t,
                blocks: &blocks,
                sentences: &[],
                published: None,
                anchor: Anchor::None,
            };
            let (qs, _) = extract(&doc, &[], &[]);
            for q in qs {
                assert_eq!(&t[q.start..q.end], q.text);
                if let Some(m) = q.speaker_mention {
                    assert_eq!(&t[m.start..m.end], m.text);
                }
            }
        }
    }
}

mod speaker_tests {
    use super::super::*;
    use crate::extract::entities::tests::TestDoc;

    /// Quotes with the real entity extractor and gazetteers, as the pipeline runs them.
    fn with_entities(text: &str) -> Vec<Quote> {
        let t = TestDoc::new(text, false);
        let doc = t.doc();
        let (ents, ms) = crate::extract::entities::extract(&doc);
        extract(&doc, &ents, &ms).0
    }

    fn find<'a>(qs: &'a [Quote], needle: &str) -> &'a Quote {
        qs.iter().find(|q| q.text.contains(needle)).unwrap_or_else(|| panic!("no quote with {needle:?} in {qs:#?}"))
    }

    fn mention(q: &Quote) -> Option<&str> {
        q.speaker_mention.as_ref().map(|s| s.text.as_str())
    }

    #[test]
    fn role_then_appositive_name_is_the_speaker() {
        let qs = with_entities("“We will rebuild,” said the mayor, Ana Ruiz.");
        assert_eq!(mention(find(&qs, "rebuild")), Some("Ana Ruiz"));
        let qs = with_entities("The head of the drivers' union, Tomas Greer, said: “We strike on Monday.”");
        assert_eq!(mention(find(&qs, "strike")), Some("Tomas Greer"));
        let qs = with_entities("“Not yet,” the minister's aide, Ola Berg, said.");
        assert_eq!(mention(find(&qs, "Not yet")), Some("Ola Berg"));
        // A name followed by its role keeps the name.
        let qs = with_entities("Ola Berg, the minister's aide, said: “Not yet.”");
        assert_eq!(mention(find(&qs, "Not yet")), Some("Ola Berg"));
    }

    #[test]
    fn the_person_inside_the_subject_phrase_speaks() {
        let qs = with_entities("“There is no deal yet,” said Harbor police Lt. Carla Menz.");
        assert_eq!(find(&qs, "no deal").speaker_name.as_deref(), Some("Carla Menz"));
        let qs = with_entities("U.S. Secretary of State Lena Ostrova said the talks “will go on.”");
        assert_eq!(find(&qs, "go on").speaker_name.as_deref(), Some("Lena Ostrova"));
        let qs = with_entities("Premier Jan Holt in Corvella said the plan “is dead.”");
        assert_eq!(find(&qs, "is dead").speaker_name.as_deref(), Some("Jan Holt"));
    }

    #[test]
    fn a_role_nominal_is_its_holder_not_the_organization_in_it() {
        let qs = with_entities(
            "Ola Berg, an aide at the Interior Ministry, arrived first.\n\nLater the ministry aide said the plan “is over.”",
        );
        assert_eq!(find(&qs, "is over").speaker_name.as_deref(), Some("Ola Berg"));
        // Nobody holds the role: no speaker entity, never the ministry.
        let qs = with_entities("The Interior Ministry met on Monday. The ministry official said the plan “is over.”");
        assert_eq!(find(&qs, "is over").speaker_local, None);
    }

    #[test]
    fn a_quote_paragraph_continues_the_previous_speaker() {
        let qs = with_entities("“We will rebuild,” said Ana Ruiz.\n\n“Every house. Every road.”");
        assert_eq!(find(&qs, "Every house").speaker_name.as_deref(), Some("Ana Ruiz"));
        // A writer's sentence after the tag breaks the thread.
        let qs =
            with_entities("“We will rebuild,” said Ana Ruiz. The council met later.\n\n“Every house. Every road.”");
        assert_eq!(find(&qs, "Every house").speaker_mention, None);
        // A title that the writer's sentence runs on from is nobody's words.
        let qs = with_entities("“We will rebuild,” said Ana Ruiz.\n\n“Night Shift” actor Ema Lo arrived late.");
        assert_eq!(find(&qs, "Night Shift").speaker_mention, None);
    }

    #[test]
    fn a_later_tag_names_the_whole_paragraph() {
        let qs = with_entities("“Every house.” The crowd cheered. “We will rebuild,” Ana Ruiz said.");
        assert_eq!(mention(find(&qs, "Every house")), Some("Ana Ruiz"));
    }

    #[test]
    fn quoted_as_saying_and_other_cue_shapes() {
        let qs = with_entities("The agency quoted Ana Ruiz as saying “the dam will hold.”");
        assert_eq!(mention(find(&qs, "dam will")), Some("Ana Ruiz"));
        let qs = with_entities("Ana Ruiz was quoted by the agency as saying “the dam will hold.”");
        assert_eq!(mention(find(&qs, "dam will")), Some("Ana Ruiz"));
        let qs = with_entities("“It is over,” said 47-year-old Tomas Greer.");
        assert_eq!(mention(find(&qs, "It is over")), Some("Tomas Greer"));
        let qs = with_entities("Nothing was found, Dana Holm said, describing the site as “clean and quiet.”");
        assert_eq!(mention(find(&qs, "clean")), Some("Dana Holm"));
        let qs = with_entities(
            "The vote passed, with Ana Ruiz criticising the plan, accusing the council of “rushing it through.”",
        );
        assert_eq!(mention(find(&qs, "rushing")), Some("Ana Ruiz"));
    }

    #[test]
    fn a_sentence_adverb_is_never_the_speaker() {
        let qs = with_entities("Notably, the mayor had one reply: “No more delays.”");
        assert_eq!(mention(find(&qs, "No more")), Some("the mayor"));
    }

    #[test]
    fn a_generic_official_is_the_one_office_holder_named_before() {
        let qs = with_entities(
            "Zora Lind, an aide to the minister, arrived early. “We expect a deal,” the ministry official said.",
        );
        assert_eq!(find(&qs, "expect a deal").speaker_name.as_deref(), Some("Zora Lind"));
        // Two office holders: nobody can tell which one.
        let qs = with_entities(
            "Zora Lind, an aide to the minister, and Ian Roe, a spokesman for the ministry, arrived early. “We expect a deal,” the ministry official said.",
        );
        assert_eq!(find(&qs, "expect a deal").speaker_local, None);
        // A statement is a source of its own kind, not a person.
        let qs = with_entities("Zora Lind, an aide to the minister, arrived early. “Talks go on,” the statement said.");
        assert_eq!(find(&qs, "Talks go on").speaker_local, None);
    }

    #[test]
    fn a_pronoun_is_the_subject_not_the_nearest_name() {
        let qs = with_entities("Ola Berg met Sara Mullen on Monday. He called the meeting “useful and long overdue.”");
        assert_eq!(find(&qs, "useful").speaker_name.as_deref(), Some("Ola Berg"));
        let qs = with_entities("Ola Berg spoke to Sara Mullen.\n\n“We will meet again,” he said.");
        assert_eq!(find(&qs, "meet again").speaker_name.as_deref(), Some("Ola Berg"));
        // A possessor is not the subject: "Berg's aide Sara Mullen" is Mullen's sentence.
        let qs = with_entities("Ola Berg's aide Sara Mullen spoke first. She said it was “a fair result.”");
        assert_eq!(find(&qs, "fair result").speaker_name.as_deref(), Some("Sara Mullen"));
    }

    #[test]
    fn a_phrase_in_the_subjects_sentence_is_the_subjects_words() {
        // Fire: no cue, but the sentence's subject speaks the quoted phrase.
        let qs = with_entities("During the flood, Mara Lind worried that the dam was becoming “a ticking clock.”");
        let q = find(&qs, "ticking clock");
        assert_eq!(q.kind, QuoteKind::Partial);
        assert_eq!(q.speaker_name.as_deref(), Some("Mara Lind"));
        // A short phrase in the subject's words is a partial quote, not a scare quote.
        let qs = with_entities("Mara Lind blamed the delay on “red tape.”");
        assert_eq!(find(&qs, "red tape").kind, QuoteKind::Partial);
        // A quote inside a who-clause: the mention is "who", standing for the name before it.
        let qs = with_entities("Tomas Greer, who has styled himself the “voice of the docks,” left early.");
        assert_eq!(mention(find(&qs, "voice of the docks")), Some("who"));
        assert_eq!(find(&qs, "voice of the docks").speaker_name.as_deref(), Some("Tomas Greer"));
        // No fire: a capitalised common noun opening the sentence is not found as a person.
        let qs = with_entities("Tourists can expect the show to be “louder than ever.”");
        assert_eq!(find(&qs, "louder").speaker_name, None);
        // No fire: a thing as the subject does not speak, and a title stays a title.
        let qs = with_entities("The bridge was called “the Old Lady” by sailors.");
        assert_eq!(find(&qs, "Old Lady").speaker_name, None);
    }

    #[test]
    fn a_quote_paragraph_after_reported_speech_continues_the_reporter() {
        // Fire: the paragraph before reports what Ivo Marsh said; the untagged quote paragraph is his.
        let t = "Ivo Marsh argued in a letter that the plan cost too much.\n\n“We cannot pay for this twice.”";
        assert_eq!(find(&with_entities(t), "twice").speaker_name.as_deref(), Some("Ivo Marsh"));
        // No fire: a quote inside the writer's sentence is not a paragraph of its own.
        let t = "Ivo Marsh argued in a letter that the plan cost too much.\n\nThe “twice” rule applies.";
        assert_eq!(find(&with_entities(t), "twice").speaker_name, None);
    }

    #[test]
    fn an_excerpt_of_another_article_yields_its_inner_quotes() {
        let t = "\"A fire destroyed two warehouses at the port on Sunday, officials said. Crews fought the blaze for six hours, Fire Chief Dana Holm said. 'We were lucky the wind dropped, ' Captain Eli Marsh said. The cause was not known, Holm said, describing the damage as 'severe. Very severe. '\" (Harbor Post article)";
        let qs = with_entities(t);
        assert_eq!(find(&qs, "wind dropped").speaker_name.as_deref(), Some("Eli Marsh"), "{qs:#?}");
        assert_eq!(find(&qs, "Very severe").speaker_name.as_deref(), Some("Dana Holm"));
        assert!(!qs.iter().any(|q| q.text.contains("warehouses")), "the excerpt itself is no quote of anybody");
        // A passage that only quotes a phrase inside its own sentences stays one quote.
        let t = "NEW RULES FOR PORTS \u{201c}The port authority has faced so many complaints that its chair recently called them \u{2018}a flood of grievances.\u{2019} Now, inspectors have found fresh problems. Two cranes failed this month and were left unrepaired for weeks.\u{201d} [Harbor Post.]";
        let qs = with_entities(t);
        assert!(qs.iter().any(|q| q.text.contains("port authority has faced")), "{qs:#?}");
    }

    #[test]
    fn a_quote_closed_in_the_next_paragraph_is_continued() {
        let qs = with_entities("He was “calm.\n\nVery, very calm,” the sheriff said.");
        let first = find(&qs, "calm.");
        let second = find(&qs, "Very, very");
        assert!(second.continued, "{qs:#?}");
        assert_eq!(mention(second), Some("the sheriff"));
        assert_eq!(mention(first), Some("the sheriff"));
    }
}

mod bench {
    use super::super::*;
    use crate::model::{Anchor, Block};

    /// `cargo test --release --lib extract::quotes::tests::bench -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn throughput() {
        let para = "“We have made real progress today, but the water does not wait for diplomats,” Ana Ruiz, the spokeswoman, said on Tuesday. She added that the so-called 'temporary' shelters were full. “Some of those families have been moved three times,” she said. Officials called the plan “workable” and “overdue.”\n\n";
        let text = para.repeat(40_000);
        let mut blocks = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                start: pos,
                end: pos + para.len() - 2,
                text: None,
                reason: None,
            });
            pos += para.len();
        }
        let doc = Doc {
            id: &"big.txt".into(),
            text: &text,
            blocks: &blocks,
            sentences: &[],
            published: None,
            anchor: Anchor::None,
        };
        let t = std::time::Instant::now();
        let (qs, _) = extract(&doc, &[], &[]);
        let s = t.elapsed().as_secs_f64();
        eprintln!(
            "{} quotes, {:.1} MB in {:.3} s: {:.1} MB/s",
            qs.len(),
            text.len() as f64 / 1e6,
            s,
            text.len() as f64 / 1e6 / s
        );
        assert!(qs.len() >= 160_000);
    }
}
