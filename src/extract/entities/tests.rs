use super::*;
use crate::gazetteer::Sources;
use crate::model::{Anchor, Block, SentenceSpan};
use std::sync::LazyLock;

/// A small gazetteer in the real formats, so that tests do not depend on the data files.
pub(crate) static TEST_GAZ: LazyLock<Gazetteer> = LazyLock::new(|| {
    Gazetteer::parse(&Sources {
        countries: "US\tUnited States\tU.S.|US|USA|the States\tAmerican|Americans\n\
                    UA\tUkraine\t\tUkrainian|Ukrainians\n\
                    MD\tMoldova\tRepublic of Moldova\tMoldovan\n\
                    FR\tFrance\t\tFrench\n\
                    GB\tUnited Kingdom\tBritain|UK\tBritish\n\
                    KP\tNorth Korea\t\tNorth Korean\n\
                    JO\tJordan\t\tJordanian\n",
        regions: "Texas\tUS\t\n",
        cities: "Kharkiv\tUA\t1400000\t0\tKharkov\n\
                 Kyiv\tUA\t2900000\t1\tKiev\n\
                 Vienna\tAT\t1900000\t1\t\n\
                 Chisinau\tMD\t600000\t1\tKishinev\n\
                 Odesa\tUA\t1000000\t0\tOdessa\n\
                 Washington\tUS\t700000\t1\t\n",
        organizations: "Reuters\tagency\t\n\
                        Financial Times\toutlet\tFT\n\
                        European Union\tintl\tEU\n\
                        Bank of England\tgov\tBoE\n\
                        United Nations\tintl\tUN|U.N.\n",
        given_names: "Sergei\nSergey\nOlena\nDavid\nDaniel\nGrace\nEmmanuel\nHillary\nMaria\nAleksandr\nAlexander\nDenzel\n",
        ambiguous_given_names: "Bill\nMay\n",
        org_words: "Ministry\nBank\nCouncil\nCommission\nParty\nTimes\nNews\nDepartment\nCourt\nUniversity\nPolice\n",
        titles: "President\tpolitical\nMr.\thonorific\nMr\thonorific\nForeign Secretary\tpolitical\n\
                 Foreign Minister\tpolitical\nMinister\tpolitical\nspokeswoman\trole\nSpokeswoman\trole\n\
                 envoy\trole\nminister\tpolitical\nGen.\tmilitary\nSecretary\tpolitical\nCommissioner\tpolitical\n",
        non_names: "However\nNotably\nOfficials\nMonday\nThursday\nThe\nNorth\nState\nPolice\nMinistry\nIn\n",
        name_variants: "Sergei|Sergey|Serhiy\nAleksandr|Alexander\nMohammed|Muhammad\n",
        exonyms: "Kharkiv\tKharkov\nKyiv\tKiev\n",
    })
});

/// A `Doc` of paragraphs separated by blank lines; the first block is a
/// headline when `headline` is set; sentences end at ". ", "? ", "! ".
pub(crate) struct TestDoc {
    pub text: String,
    pub blocks: Vec<Block>,
    pub sentences: Vec<SentenceSpan>,
}

impl TestDoc {
    pub fn new(text: &str, headline: bool) -> TestDoc {
        TestDoc::with_kinds(text, |i| if headline && i == 0 { BlockKind::Headline } else { BlockKind::Paragraph })
    }

    pub fn with_kinds(text: &str, kind: impl Fn(usize) -> BlockKind) -> TestDoc {
        let mut blocks = Vec::new();
        let mut sentences = Vec::new();
        let mut pos = 0;
        for (bi, para) in text.split("\n\n").enumerate() {
            let start = pos;
            let end = pos + para.len();
            blocks.push(Block { kind: kind(bi), start, end, text: None, reason: None });
            let mut s = start;
            let bytes = text.as_bytes();
            let mut k = start;
            while k < end {
                let c = bytes[k];
                if matches!(c, b'.' | b'?' | b'!') && k + 1 < end && bytes[k + 1] == b' ' {
                    let word_start = text[s..k].rfind(' ').map(|x| s + x + 1).unwrap_or(s);
                    let word = &text[word_start..k];
                    if !matches!(word, "Mr" | "Gen" | "U.S" | "Dr") && word.len() > 1 {
                        sentences.push(SentenceSpan { start: s, end: k + 1, block: bi });
                        s = k + 2;
                    }
                }
                k += 1;
            }
            if s < end {
                sentences.push(SentenceSpan { start: s, end, block: bi });
            }
            pos = end + 2;
        }
        TestDoc { text: text.to_string(), blocks, sentences }
    }

    pub fn doc(&self) -> Doc<'_> {
        static ID: std::sync::LazyLock<crate::model::ArticleId> = std::sync::LazyLock::new(|| "a1".into());
        Doc {
            id: &ID,
            text: &self.text,
            blocks: &self.blocks,
            sentences: &self.sentences,
            published: None,
            anchor: Anchor::None,
        }
    }

    pub fn run(&self) -> (Vec<LocalEntity>, Vec<Mention>) {
        extract_with(&self.doc(), &TEST_GAZ, None)
    }
}

pub(super) fn run(text: &str) -> (Vec<LocalEntity>, Vec<Mention>) {
    TestDoc::new(text, false).run()
}

fn mention<'a>(ms: &'a [Mention], text: &str) -> Option<&'a Mention> {
    ms.iter().find(|m| m.text == text)
}

fn entity<'a>(es: &'a [LocalEntity], name: &str) -> Option<&'a LocalEntity> {
    es.iter().find(|e| e.name == name)
}

#[test]
fn offsets_are_exact() {
    let t =
        TestDoc::new("Émile Zola’s friend Sergei Volkov visited Kharkiv. “Olena Marchuk said it,” he wrote.", false);
    let (_, ms) = t.run();
    assert!(!ms.is_empty());
    for m in &ms {
        assert_eq!(&t.text[m.start..m.end], m.text);
    }
}

#[test]
fn title_before_name_gives_person_and_role() {
    let (es, ms) = run("Foreign Secretary David Lammy met the delegation in Vienna.");
    let m = mention(&ms, "David Lammy").expect("person mention");
    assert_eq!(m.kind, EntityKind::Person);
    let e = entity(&es, "David Lammy").unwrap();
    assert_eq!(e.roles, vec!["Foreign Secretary".to_string()]);
    assert!(mention(&ms, "Foreign Secretary David Lammy").is_none());
    assert_eq!(mention(&ms, "Vienna").map(|m| m.kind), Some(EntityKind::Place));
}

#[test]
fn a_party_whip_is_a_title_before_the_name() {
    let (es, ms) = run_real("House Majority Whip Ellen Marsh was in stable condition on Friday.");
    assert_eq!(mention(&ms, "Ellen Marsh").map(|m| m.kind), Some(EntityKind::Person));
    assert!(mention(&ms, "House Majority Whip Ellen Marsh").is_none());
    assert_eq!(entity(&es, "Ellen Marsh").unwrap().roles, vec!["House Majority Whip".to_string()]);
}

#[test]
fn organization_before_title_is_its_own_mention() {
    let (es, ms) = run("The talks were led by EU Commissioner Franz Fischler on Thursday.");
    assert_eq!(mention(&ms, "EU").map(|m| m.kind), Some(EntityKind::Organization));
    assert_eq!(mention(&ms, "Franz Fischler").map(|m| m.kind), Some(EntityKind::Person));
    assert_eq!(entity(&es, "Franz Fischler").unwrap().roles, vec!["Commissioner".to_string()]);
}

#[test]
fn lower_case_role_and_apposition_give_roles() {
    let (es, ms) = run(
        "The plan was backed by spokeswoman Olena Marchuk. \"It works,\" said Sergei Volkov, Moldova's deputy foreign minister.",
    );
    assert_eq!(entity(&es, "Olena Marchuk").unwrap().roles, vec!["spokeswoman".to_string()]);
    let v = entity(&es, "Sergei Volkov").unwrap();
    assert_eq!(v.kind, EntityKind::Person);
    assert_eq!(v.roles, vec!["deputy foreign minister".to_string()]);
    assert_eq!(mention(&ms, "Moldova").map(|m| m.kind), Some(EntityKind::Place));
}

#[test]
fn connectors_join_organization_names() {
    let (es, ms) = run("Officials at the Bank of England and Ukraine's Ministry of Emergency Situations disagreed.");
    assert_eq!(mention(&ms, "Bank of England").map(|m| m.kind), Some(EntityKind::Organization));
    assert_eq!(mention(&ms, "Ministry of Emergency Situations").map(|m| m.kind), Some(EntityKind::Organization));
    assert_eq!(mention(&ms, "Ukraine").map(|m| m.kind), Some(EntityKind::Place));
    assert!(entity(&es, "Officials").is_none());
    // "and" does not join two names.
    assert!(ms.iter().all(|m| !m.text.contains(" and ")));
}

#[test]
fn possessive_is_not_part_of_the_name() {
    let (_, ms) = run("Later, Emmanuel Macron's aides said Macron’s plan would stand.");
    assert!(mention(&ms, "Emmanuel Macron").is_some());
    let short = ms.iter().find(|m| m.text == "Macron").expect("bare surname");
    assert_eq!(short.kind, EntityKind::Person);
    assert_eq!(short.rule, "surname");
    assert!(ms.iter().all(|m| !m.text.contains('\'') && !m.text.contains('’')));
}

#[test]
fn sentence_initial_words_are_not_entities() {
    let (es, ms) = run(
        "However, the floods spread. Notably Sergei Volkov stayed. Officials said rescue teams left. Rescue crews returned on Monday.",
    );
    for w in ["However", "Notably", "Officials", "Rescue", "Monday", "Notably Sergei Volkov"] {
        assert!(mention(&ms, w).is_none(), "{w} is no entity");
    }
    assert!(entity(&es, "Sergei Volkov").is_some());
}

#[test]
fn unknown_initial_word_needs_support_elsewhere() {
    // "Zorvath" opens a sentence; kept only because it also appears mid-sentence.
    let (_, ms) = run("Zorvath rose sharply. Traders watched Zorvath closely.");
    assert_eq!(ms.iter().filter(|m| m.text == "Zorvath").count(), 2);
    let (_, ms) = run("Sweeping changes followed.");
    assert!(ms.is_empty(), "{ms:?}");
}

#[test]
fn demonyms_are_not_places() {
    let (_, ms) = run("Ukrainian officials met American envoys in Ukraine.");
    assert!(mention(&ms, "Ukrainian").is_none());
    assert!(mention(&ms, "American").is_none());
    assert_eq!(mention(&ms, "Ukraine").map(|m| m.kind), Some(EntityKind::Place));
}

#[test]
fn surname_links_to_full_name_and_namesakes_stay_apart() {
    let (es, ms) = run(
        "Daniel Okafor, the UN envoy, spoke first. His sister Grace Okafor spoke next. Okafor then left. Mr. Volkov arrived, and Sergei Volkov spoke.",
    );
    let daniel = es.iter().position(|e| e.name == "Daniel Okafor").unwrap();
    let grace = es.iter().position(|e| e.name == "Grace Okafor").unwrap();
    assert_ne!(daniel, grace);
    // The bare surname follows the person named last.
    assert_eq!(mention(&ms, "Okafor").map(|m| m.local), Some(grace));
    // "Mr. Volkov" comes before the full name but links to the only Volkov.
    let volkov = es.iter().position(|e| e.name == "Sergei Volkov").unwrap();
    assert_eq!(ms.iter().find(|m| m.text == "Volkov").map(|m| m.local), Some(volkov));
}

#[test]
fn surname_beats_a_city_of_the_same_name() {
    let (es, ms) = run("Denzel Washington spoke. Washington said he was moved.");
    let p = es.iter().position(|e| e.name == "Denzel Washington").unwrap();
    assert!(ms.iter().filter(|m| m.text.ends_with("Washington")).all(|m| m.local == p));
    assert!(es.iter().all(|e| e.kind != EntityKind::Place));
}

#[test]
fn role_noun_links_to_the_one_person_with_that_role() {
    let (es, ms) = run("Aleksandr Hrytsenko, the emergency minister, spoke. The minister said more aid was coming.");
    let p = es.iter().position(|e| e.name == "Aleksandr Hrytsenko").unwrap();
    let m = ms.iter().find(|m| m.rule == "nominal/role").expect("nominal mention");
    assert_eq!(m.local, p);
    assert_eq!(m.text, "The minister");
    // Two ministers: "the minister" is ambiguous and yields nothing.
    let (_, ms) = run(
        "Aleksandr Hrytsenko, the emergency minister, spoke. Maria Costa, the finance minister, agreed. The minister left.",
    );
    assert!(ms.iter().all(|m| m.rule != "nominal/role"));
}

#[test]
fn outlets_are_marked() {
    let (es, ms) = run("The Financial Times reported the deal, and Eastwire reported that Reuters confirmed it.");
    for name in ["Financial Times", "Eastwire", "Reuters"] {
        let e = entity(&es, name).unwrap_or_else(|| panic!("{name} missing: {es:?}"));
        assert!(e.outlet, "{name} is an outlet");
        assert_eq!(e.kind, EntityKind::Organization);
    }
    assert!(mention(&ms, "The Financial Times").is_none());
    // An organization that is no medium is not an outlet.
    let (es, _) = run("The Bank of England raised rates.");
    assert!(!entity(&es, "Bank of England").unwrap().outlet);
}

#[test]
fn country_forms_and_the_forms() {
    let (es, ms) = run("Observers from the U.S. and the States watched; US envoys left for North Korea.");
    let us: Vec<&Mention> = ms.iter().filter(|m| es[m.local].gazetteer.as_deref() == Some("country:US")).collect();
    assert_eq!(us.len(), 3, "{ms:?}");
    assert_eq!(mention(&ms, "North Korea").map(|m| m.kind), Some(EntityKind::Place));
}

#[test]
fn acronym_links_to_organization() {
    let (es, ms) = run("The Kyiv Energy Council (KEC) met. KEC members voted.");
    let c = es.iter().position(|e| e.name == "Kyiv Energy Council").unwrap();
    assert!(ms.iter().filter(|m| m.text == "KEC").all(|m| m.local == c));
    assert_eq!(ms.iter().filter(|m| m.text == "KEC").count(), 2);
}

#[test]
fn handles_are_mentions() {
    let (_, ms) = run("The post by @olena_m drew replies.");
    let m = mention(&ms, "@olena_m").expect("handle");
    assert_eq!(m.rule, "handle");
}

#[test]
fn capitals_headline_only_repeats_known_names() {
    let t = TestDoc::new("FLOODS HIT KHARKIV AS VOLKOV WARNS OF DELAYS\n\nSergei Volkov visited the city.", true);
    let (_, ms) = t.run();
    assert_eq!(mention(&ms, "KHARKIV").map(|m| m.kind), Some(EntityKind::Place));
    assert_eq!(mention(&ms, "VOLKOV").map(|m| m.kind), Some(EntityKind::Person));
    for w in ["FLOODS", "HIT", "WARNS", "DELAYS"] {
        assert!(mention(&ms, w).is_none());
    }
}

#[test]
fn boilerplate_and_captions_are_never_mined() {
    let t = TestDoc::with_kinds(
        "Sergei Volkov spoke.\n\nSubscribe to the Financial Times today.\n\nPhoto: Olena Marchuk",
        |i| match i {
            0 => BlockKind::Paragraph,
            1 => BlockKind::Boilerplate,
            _ => BlockKind::Caption,
        },
    );
    let (es, _) = t.run();
    assert_eq!(es.len(), 1, "{es:?}");
    assert_eq!(es[0].name, "Sergei Volkov");
}

#[test]
fn reporting_verb_marks_unknown_names_as_people() {
    let (_, ms) = run("Tarik Zendejas said the levees held.");
    assert_eq!(mention(&ms, "Tarik Zendejas").map(|m| m.kind), Some(EntityKind::Person));
    let (_, ms) = run("The levees held, said Tarik Zendejas.");
    assert_eq!(mention(&ms, "Tarik Zendejas").map(|m| m.kind), Some(EntityKind::Person));
    // Without evidence an unknown pair is `other`.
    let (_, ms) = run("They visited Tarik Zendejas in spring.");
    assert_eq!(mention(&ms, "Tarik Zendejas").map(|m| m.kind), Some(EntityKind::Other));
}

#[test]
fn lone_org_word_links_to_the_full_name() {
    let (es, ms) = run("The European Commission agreed. Later the Commission published a plan.");
    let c = es.iter().position(|e| e.name == "European Commission").unwrap();
    assert_eq!(mention(&ms, "Commission").map(|m| m.local), Some(c));
}

#[test]
fn user_entities_are_found() {
    let cfg =
        crate::aliases::parse("[[entity]]\nname = \"Zorvath\"\nkind = \"organization\"\noutlet = true\n").unwrap();
    let t = TestDoc::new("Zorvath said prices rose.", false);
    let (es, _) = extract_with(&t.doc(), &TEST_GAZ, Some(&cfg));
    assert_eq!(es[0].kind, EntityKind::Organization);
    assert!(es[0].outlet);
}

#[test]
fn embedded_gazetteer_smoke_test() {
    let t = TestDoc::new("Ukraine and the United States signed the deal in Kyiv, Reuters reported.", false);
    let (es, ms) = extract(&t.doc());
    assert!(ms.iter().any(|m| m.text == "Ukraine" && m.kind == EntityKind::Place));
    assert!(es.iter().any(|e| e.name == "Reuters" && e.outlet));
}

#[test]
fn results_lines_name_teams() {
    // Town names followed by scores are teams; a country stays a place.
    let (_, ms) = run("Kharkiv 2 Vienna 1\n\nUkraine 3 France 0");
    assert_eq!(mention(&ms, "Kharkiv").map(|m| m.kind), Some(EntityKind::Organization));
    assert_eq!(mention(&ms, "Vienna").map(|m| m.rule.as_str()), Some("table/team"));
    assert_eq!(mention(&ms, "Ukraine").map(|m| m.kind), Some(EntityKind::Place));
    // In prose the same words are places.
    let (_, ms) = run("In Kharkiv 2 people were hurt and 3 fled to Vienna.");
    assert_eq!(mention(&ms, "Kharkiv").map(|m| m.kind), Some(EntityKind::Place));
}

#[test]
fn place_plus_nickname_is_a_team_and_geo_words_are_places() {
    let (_, ms) = run("The Texas Mustangs lost. Ships crossed the Zorvath Strait.");
    assert_eq!(mention(&ms, "Texas Mustangs").map(|m| m.kind), Some(EntityKind::Organization));
    assert_eq!(mention(&ms, "Zorvath Strait").map(|m| m.kind), Some(EntityKind::Place));
}

#[test]
fn title_case_lines_keep_people_and_places_only() {
    let t = TestDoc::new("Floods Hit Kharkiv As D. Volkov Warns Olena Marchuk\n\nThe story follows.", true);
    let (_, ms) = t.run();
    assert_eq!(mention(&ms, "Kharkiv").map(|m| m.kind), Some(EntityKind::Place));
    assert_eq!(mention(&ms, "D. Volkov").map(|m| m.kind), Some(EntityKind::Person));
    assert_eq!(mention(&ms, "Olena Marchuk").map(|m| m.kind), Some(EntityKind::Person));
    assert!(ms.iter().all(|m| !m.text.contains("Floods") && !m.text.contains("Warns")), "{ms:?}");
}

#[test]
fn capitals_dateline_place_is_found() {
    let (_, ms) = run("KHARKIV 2025-03-14\n\nRescuers worked.");
    assert_eq!(mention(&ms, "KHARKIV").map(|m| m.kind), Some(EntityKind::Place));
}

#[test]
fn clubs_with_their_country_and_a_score_are_teams() {
    let (_, ms) = run("Sloboda Tarn (Ukraine) 0 Belmora Kest (France) 1");
    assert_eq!(mention(&ms, "Sloboda Tarn").map(|m| m.kind), Some(EntityKind::Organization));
    assert_eq!(mention(&ms, "Belmora Kest").map(|m| m.kind), Some(EntityKind::Organization));
    // Without a score the same shape is an entrant: a person.
    let (_, ms) = run("Tarik Zendejas (France) won the sprint.");
    assert_eq!(mention(&ms, "Tarik Zendejas").map(|m| m.kind), Some(EntityKind::Person));
}

#[test]
fn lone_acronyms_mid_sentence_are_organizations() {
    let (_, ms) = run("Fighters of the KZP attacked, and talks with VDR resumed at 9 AM.");
    assert_eq!(mention(&ms, "KZP").map(|m| m.kind), Some(EntityKind::Organization));
    assert_eq!(mention(&ms, "VDR").map(|m| m.kind), Some(EntityKind::Organization));
    assert_ne!(mention(&ms, "AM").map(|m| m.kind), Some(EntityKind::Organization));
    // Units after a number, and capitals for emphasis, are no organizations.
    let (_, ms) = run("The plant makes 500 MWE a day and it was NOT over, though not for long.");
    assert_ne!(mention(&ms, "MWE").map(|m| m.kind), Some(EntityKind::Organization));
    assert_ne!(mention(&ms, "NOT").map(|m| m.kind), Some(EntityKind::Organization));
}

#[test]
fn spelled_out_abbreviations_are_terms() {
    let (_, ms) = run("Banks must keep a cash reserve ratio (CRR) and officials said the CRR may rise.");
    assert!(ms.iter().all(|m| m.kind != EntityKind::Organization), "{ms:?}");
    // A capitalised name before the brackets is an organization's.
    let (_, ms) = run("The Kyiv Energy Council (KEC) met, and KEC members voted.");
    assert!(ms.iter().filter(|m| m.text == "KEC").all(|m| m.kind == EntityKind::Organization));
}

#[test]
fn results_with_scorers_and_cricket_scores_name_teams() {
    let (_, ms) = run("Odesa 1 (Volkov 70th) Vienna 2 (Marchuk 12th, 89th)");
    assert_eq!(mention(&ms, "Odesa").map(|m| m.kind), Some(EntityKind::Organization));
    assert_eq!(mention(&ms, "Vienna").map(|m| m.kind), Some(EntityKind::Organization));
    let (_, ms) = run("In Kyiv: Kharkiv 128-1 (Volkov 59 not out, Marchuk 12)");
    assert_eq!(mention(&ms, "Kharkiv").map(|m| m.kind), Some(EntityKind::Organization), "{ms:?}");
    assert_eq!(mention(&ms, "Kyiv").map(|m| m.kind), Some(EntityKind::Place));
}

#[test]
fn bracketed_notes_do_not_make_a_results_line_prose() {
    // "(half time 2-0)", "(11 innings)": notes in brackets leave a results line a table.
    let (_, ms) = run("Kharkiv 3 Vienna 3 (halftime 2-0)\n\nOdesa 6 KYIV 5 (11 innings)");
    for w in ["Kharkiv", "Vienna", "Odesa", "KYIV"] {
        assert_eq!(mention(&ms, w).map(|m| m.kind), Some(EntityKind::Organization), "{w}: {ms:?}");
    }
    // Words outside the brackets still make the line prose.
    let (_, ms) = run("Rain fell in Kharkiv 3 times while Vienna had 2 storms (or more).");
    assert_eq!(mention(&ms, "Kharkiv").map(|m| m.kind), Some(EntityKind::Place));
    assert_eq!(mention(&ms, "Vienna").map(|m| m.kind), Some(EntityKind::Place));
}

#[test]
fn fixture_lines_name_teams() {
    let (_, ms) = run("KHARKIV AT VIENNA\n\nOdesa at Kyiv");
    for w in ["KHARKIV", "Odesa"] {
        assert_eq!(mention(&ms, w).map(|m| m.kind), Some(EntityKind::Organization), "{w}");
    }
    // The home side's name is also the venue: it stays a place.
    assert_eq!(mention(&ms, "Kyiv").map(|m| m.kind), Some(EntityKind::Place));
    // A sentence with more in it is no fixture; nor are two countries.
    let (_, ms) = run("Olena Marchuk stayed in Odesa at night.\n\nFRANCE AT UKRAINE");
    assert_eq!(mention(&ms, "Odesa").map(|m| m.kind), Some(EntityKind::Place));
    assert_eq!(mention(&ms, "FRANCE").map(|m| m.kind), Some(EntityKind::Place));
}

#[test]
fn results_lines_are_not_headlines() {
    // Set as subheadings, the lines of a results table still yield their teams.
    let t = TestDoc::with_kinds("Dunmore 2 Greyhaven Rovs 1\n\nOdesa 0 KHARKIV 3", |_| BlockKind::Subheading);
    let (_, ms) = t.run();
    for w in ["Dunmore", "Greyhaven Rovs", "Odesa", "KHARKIV"] {
        assert_eq!(mention(&ms, w).map(|m| m.kind), Some(EntityKind::Organization), "{w}: {ms:?}");
    }
    // A title-case headline with one number stays a headline.
    let t = TestDoc::new("Storm Hits Kharkiv, 12 Hurt In Floods\n\nRescuers worked.", true);
    let (_, ms) = t.run();
    assert!(ms.iter().all(|m| !m.text.contains("Storm") && !m.text.contains("Floods")), "{ms:?}");
}

#[test]
fn dates_in_tables_are_no_teams_and_datelines_stay_places() {
    let (_, ms) = run("Filed August 21 1996 and Jan 31 1997");
    assert!(ms.iter().all(|m| m.kind != EntityKind::Organization), "{ms:?}");
    // A town made a team by a results line is still a place in a capitals headline.
    let t = TestDoc::new("RAIN STOPS PLAY IN KHARKIV\n\nVienna 2 Kharkiv 1\n\nOdesa 0 Kyiv 0", true);
    let (_, ms) = t.run();
    assert_eq!(mention(&ms, "KHARKIV").map(|m| m.kind), Some(EntityKind::Place), "{ms:?}");
    assert_eq!(mention(&ms, "Kharkiv").map(|m| m.kind), Some(EntityKind::Organization));
}

/// Entities with the embedded gazetteers (titles, given names, towns), as the pipeline runs them.
fn run_real(text: &str) -> (Vec<LocalEntity>, Vec<Mention>) {
    extract(&TestDoc::new(text, false).doc())
}

#[test]
fn relative_named_by_given_name_after_a_possessive_surname() {
    let (es, ms) = run_real("Marta Olenko was hurt in the fire. Olenko's son, Peter, spoke to reporters.");
    let e = entity(&es, "Peter Olenko").unwrap_or_else(|| panic!("{es:#?}"));
    assert_eq!(e.kind, EntityKind::Person);
    assert_eq!(mention(&ms, "Peter").map(|m| m.local), es.iter().position(|e| e.name == "Peter Olenko"));
    assert!(entity(&es, "Marta Olenko").is_some());
}

#[test]
fn bare_surname_among_relatives_goes_to_the_one_just_named_or_the_first() {
    let t =
        "Marta Olenko was hurt in the fire.\n\nHer son, Peter Olenko, spoke first.\n\nOlenko was taken to hospital.";
    let (es, ms) = run_real(t);
    let marta = es.iter().position(|e| e.name == "Marta Olenko");
    let bare: Vec<&Mention> = ms.iter().filter(|m| m.text == "Olenko").collect();
    assert_eq!(bare.len(), 1, "{ms:#?}");
    assert_eq!(Some(bare[0].local), marta, "the story's own bearer of the name, not the son named later");
    let t = "Marta Olenko was hurt in the fire.\n\nHer son Peter Olenko spoke first, and Olenko said he was grateful.";
    let (es, ms) = run_real(t);
    let peter = es.iter().position(|e| e.name == "Peter Olenko");
    let bare = ms.iter().find(|m| m.text == "Olenko").unwrap_or_else(|| panic!("{ms:#?}"));
    assert_eq!(Some(bare.local), peter, "named in full in the same paragraph");
}

#[test]
fn a_town_that_is_a_given_name_yields_to_a_person_role() {
    // "George" is also a town; a role before or after makes the span a person, not a team.
    let (es, _) = run_real("The package was sent to billionaire George Lemmons at his home.");
    assert_eq!(entity(&es, "George Lemmons").map(|e| e.kind), Some(EntityKind::Person), "{es:#?}");
    let (es, _) = run_real("The package was sent to George Lemmons, the billionaire donor.");
    assert_eq!(entity(&es, "George Lemmons").map(|e| e.kind), Some(EntityKind::Person), "{es:#?}");
}

#[test]
fn police_titles_split_a_place_and_a_person() {
    let (es, ms) = run_real("The car stopped after a chase, Lake County Sheriff Dana R. Holm said.");
    assert_eq!(mention(&ms, "Dana R. Holm").map(|m| m.kind), Some(EntityKind::Person), "{ms:#?}");
    let e = entity(&es, "Dana R. Holm").unwrap_or_else(|| panic!("{es:#?}"));
    assert!(e.roles.iter().any(|r| r.contains("Sheriff")), "{e:?}");
    let (_, ms) = run_real("Two officers, Special Agents Lia Brandt and Omar Pell, were hurt.");
    assert_eq!(mention(&ms, "Lia Brandt").map(|m| m.kind), Some(EntityKind::Person), "{ms:#?}");
}

#[test]
fn list_rows_set_as_subheadings_are_read_like_running_text() {
    let kinds = |i: usize| if i == 1 { BlockKind::Subheading } else { BlockKind::Paragraph };
    let t =
        TestDoc::with_kinds("The seeds were named.\n\nPavo Renn (France), Lumo Tarr (Ukraine)\n\nPlay starts.", kinds);
    let (_, ms) = t.run();
    for w in ["Pavo Renn", "Lumo Tarr"] {
        assert_eq!(mention(&ms, w).map(|m| m.kind), Some(EntityKind::Person), "{w}: {ms:?}");
    }
    // A subheading with no row marks stays a title-case line: no name of its own.
    let t = TestDoc::with_kinds("The seeds were named.\n\nPavo Renn Returns Home\n\nPlay starts.", kinds);
    let (_, ms) = t.run();
    assert!(mention(&ms, "Pavo Renn").is_none(), "{ms:?}");
}

#[test]
fn figures_in_tables_are_no_scores() {
    // "1,453" and "12.5" are figures, "3 up" a change: the names before them are no teams.
    for line in ["Greyhaven 1,453 Dunmore 2,210", "Greyhaven 12.5 Dunmore 7.25", "Greyhaven 3 up 12"] {
        let (_, ms) = run(line);
        assert!(ms.iter().all(|m| m.kind != EntityKind::Organization), "{line}: {ms:?}");
    }
    let (_, ms) = run("Greyhaven 1 Dunmore 2");
    for w in ["Greyhaven", "Dunmore"] {
        assert_eq!(mention(&ms, w).map(|m| m.kind), Some(EntityKind::Organization), "{w}: {ms:?}");
    }
}

#[test]
fn entrants_in_a_draw_are_people_and_town_names_are_clubs() {
    // "Name (Country) vs Name (Country)": entrants, not the sides of a match.
    let (_, ms) = run("Pavo Renn (France) vs Lumo Tarr (Ukraine)");
    for w in ["Pavo Renn", "Lumo Tarr"] {
        assert_eq!(mention(&ms, w).map(|m| m.kind), Some(EntityKind::Person), "{w}: {ms:?}");
    }
    // A name ending in a town with no given name first is a club ...
    let (_, ms) = run("Brennvik Odesa (Ukraine) v Tarrow Kyiv (France)");
    assert_eq!(mention(&ms, "Tarrow Kyiv").map(|m| m.kind), Some(EntityKind::Organization), "{ms:?}");
    // ... unless the line lists people.
    let (_, ms) = run("Olena Marchuk (Ukraine) vs Lumo Washington (France)");
    assert_eq!(mention(&ms, "Lumo Washington").map(|m| m.kind), Some(EntityKind::Person), "{ms:?}");
}

#[test]
fn dateline_words_before_the_date_are_places() {
    let kinds = |i: usize| if i == 1 { BlockKind::Dateline } else { BlockKind::Paragraph };
    let t = TestDoc::with_kinds("Mill closes.\n\nBRENNVILLE, Ala. 2024-05-01\n\nThe mill shut on Monday.", kinds);
    let (_, ms) = extract(&t.doc());
    for w in ["BRENNVILLE", "Ala."] {
        assert_eq!(mention(&ms, w).map(|m| m.kind), Some(EntityKind::Place), "{w}: {ms:?}");
    }
    // The body of a gazetteer organization keeps its kind in a dateline.
    let t = TestDoc::with_kinds("Talks go on.\n\nUNITED NATIONS 2024-05-01\n\nTalks went on.", kinds);
    let (_, ms) = t.run();
    assert_eq!(mention(&ms, "UNITED NATIONS").map(|m| m.kind), Some(EntityKind::Organization), "{ms:?}");
    // The same words in a paragraph are no dateline.
    let t = TestDoc::new("Mill closes.\n\nBRENNVILLE 2024-05-01", false);
    let (_, ms) = t.run();
    assert!(mention(&ms, "BRENNVILLE").is_none_or(|m| m.kind != EntityKind::Place), "{ms:?}");
}

#[test]
fn home_nations_and_countries_stay_places_in_results() {
    // A region that is a nation fields a national team under its name, like a country ...
    let (_, ms) = run_real("Wales 2 Dunmore 1");
    assert_eq!(mention(&ms, "Wales").map(|m| m.kind), Some(EntityKind::Place), "{ms:?}");
    assert_eq!(mention(&ms, "Dunmore").map(|m| m.kind), Some(EntityKind::Organization), "{ms:?}");
    // ... a region that is no nation is a team's name there.
    let (_, ms) = run("Texas 2 Dunmore 1");
    assert_eq!(mention(&ms, "Texas").map(|m| m.kind), Some(EntityKind::Organization), "{ms:?}");
    // A headline repeating a country the body named keeps it a place beside "v".
    let t = TestDoc::new("FRANCE V DUNMORE ROVERS\n\nFrance played Dunmore Rovers on Sunday.", true);
    let (_, ms) = t.run();
    assert_eq!(mention(&ms, "FRANCE").map(|m| m.kind), Some(EntityKind::Place), "{ms:?}");
}

#[test]
fn a_lone_organization_word_opening_a_line_needs_a_name_to_link_to() {
    // Capitalised only by its place: no organization of its own.
    let (_, ms) = run("Council staff were told on Monday.");
    assert!(mention(&ms, "Council").is_none(), "{ms:?}");
    // Linked to the full name the article gave, it is a mention of that body.
    let (es, ms) = run("The Dunmore Council met on Monday. Council members then left.");
    let c = mention(&ms, "Council").unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(Some(c.local), es.iter().position(|e| e.name == "Dunmore Council"), "{es:?}");
}

#[test]
fn codes_with_digits_are_no_name_words() {
    // A quarter or an index code after a name is not part of it.
    let (_, ms) = run("Dunmore Bank Q2 profit fell while the Kyiv KX-40 index rose.");
    assert!(mention(&ms, "Dunmore Bank").is_some(), "{ms:?}");
    assert!(ms.iter().all(|m| !m.text.contains("Q2") && !m.text.contains("KX-40")), "{ms:?}");
    // A club's word with its founding number is still a name.
    let (_, ms) = run("Rovna-08 beat Dunmore 2-1 on Sunday.");
    assert_eq!(mention(&ms, "Rovna-08").map(|m| m.kind), Some(EntityKind::Organization), "{ms:?}");
}

#[test]
fn scorers_are_named_with_the_minute_of_the_goal() {
    let (_, ms) = run("Scorers: Pavo Renn (32nd), Lumo Tarr (67th)\n\nDunmore 2 (Vosk 11th, Brell 90th) Greyhaven 1");
    for w in ["Pavo Renn", "Lumo Tarr", "Vosk", "Brell"] {
        assert_eq!(mention(&ms, w).map(|m| m.kind), Some(EntityKind::Person), "{w}: {ms:?}");
    }
    // A bare number, or a word that is no ordinal, names no minute.
    let (_, ms) = run("Pavo Renn (32) and Lumo Tarr (67st) stayed.");
    assert!(ms.iter().all(|m| m.kind != EntityKind::Person), "{ms:?}");
}

#[test]
fn untyped_names_in_a_list_of_people_are_people() {
    let (_, ms) = run("Squad: Olena Marchuk (Kyiv), Pavo Renn (Odesa), Sergei Volkov and Lumo Tarr.");
    for w in ["Pavo Renn", "Lumo Tarr"] {
        assert_eq!(mention(&ms, w).map(|m| m.kind), Some(EntityKind::Person), "{w}: {ms:?}");
    }
    // The notes of such a list are clubs when one of them is a name no rule typed: the towns too.
    let (_, ms) = run("Squad: Olena Marchuk (Dunmore), Pavo Renn (Kharkiv), Sergei Volkov (France).");
    assert_eq!(mention(&ms, "Dunmore").map(|m| m.kind), Some(EntityKind::Organization), "{ms:?}");
    assert_eq!(mention(&ms, "Kharkiv").map(|m| m.kind), Some(EntityKind::Organization), "{ms:?}");
    assert_eq!(mention(&ms, "France").map(|m| m.kind), Some(EntityKind::Place), "{ms:?}");
    // Towns alone in the notes are home towns: places.
    let (_, ms) = run("Winners: Olena Marchuk (Kyiv), Pavo Renn (Odesa) and Sergei Volkov.");
    assert_eq!(mention(&ms, "Kyiv").map(|m| m.kind), Some(EntityKind::Place), "{ms:?}");
    assert_eq!(mention(&ms, "Odesa").map(|m| m.kind), Some(EntityKind::Place), "{ms:?}");
    // One person among other names makes no list of people.
    let (_, ms) = run("Olena Marchuk visited Pavo Renn, Lumo Tarr and Greyhaven Mills.");
    assert!(mention(&ms, "Lumo Tarr").is_none_or(|m| m.kind != EntityKind::Person), "{ms:?}");
}

#[test]
fn and_goes_on_inside_the_of_part_of_an_organization() {
    let (_, ms) = run("The Ministry of Trade and Industry and the Department of Health and Social Care met.");
    assert_eq!(mention(&ms, "Ministry of Trade and Industry").map(|m| m.kind), Some(EntityKind::Organization));
    assert!(mention(&ms, "Department of Health and Social Care").is_some(), "{ms:?}");
    // A name of its own after "and": a given name, a gazetteer name, or one the article names alone.
    let (_, ms) =
        run("The Ministry of Justice and Sergei Volkov spoke, as did the Bank of Zorvia and Tarnell. Tarnell said so.");
    assert!(mention(&ms, "Ministry of Justice").is_some(), "{ms:?}");
    assert!(mention(&ms, "Bank of Zorvia").is_some(), "{ms:?}");
    let (_, ms) = run("The Council of Europe and Ukraine spoke.");
    assert_eq!(mention(&ms, "Ukraine").map(|m| m.kind), Some(EntityKind::Place), "{ms:?}");
}

#[test]
fn a_common_noun_after_an_organization_and_of_goes_on_with_the_name() {
    // "State" is no name by itself, but after "Department of" it is part of one.
    let (_, ms) = run("Officials at the Department of State said it was calm.");
    assert!(mention(&ms, "Department of State").is_some(), "{ms:?}");
    // A day after "on" is no part of the name.
    let (_, ms) = run("The Council on Thursday said it was calm.");
    assert!(mention(&ms, "Council").is_some_and(|m| m.kind == EntityKind::Organization), "{ms:?}");
}

#[test]
fn cricket_scorecards_name_players() {
    let (_, ms) = run("Pavo Renn c Lumo Tarr b Kharkiv 46\n\nBowling: Vienna 22-6-56-2, Greyhaven 14.3-4-45-1");
    for w in ["Pavo Renn", "Lumo Tarr", "Kharkiv", "Vienna", "Greyhaven"] {
        assert_eq!(mention(&ms, w).map(|m| m.kind), Some(EntityKind::Person), "{w}: {ms:?}");
    }
    // A team's score has two figures, not four; a country is never a player; prose has no marks.
    let (_, ms) = run("Kharkiv 128-4 against Ukraine 22-6-56-2\n\nRain in Vienna delayed play by 46 minutes.");
    assert_ne!(mention(&ms, "Kharkiv").map(|m| m.kind), Some(EntityKind::Person), "{ms:?}");
    assert_eq!(mention(&ms, "Ukraine").map(|m| m.kind), Some(EntityKind::Place), "{ms:?}");
    assert_eq!(mention(&ms, "Vienna").map(|m| m.kind), Some(EntityKind::Place), "{ms:?}");
}

#[test]
fn a_person_noun_nationality_or_rank_before_a_name_makes_a_person() {
    let (_, ms) =
        run("The world champion Pavo Renn and forecaster Lumo Tarr met French Ivo Kast and top-ranked Brell.");
    for w in ["Pavo Renn", "Lumo Tarr", "Ivo Kast", "Brell"] {
        assert_eq!(mention(&ms, w).map(|m| m.kind), Some(EntityKind::Person), "{w}: {ms:?}");
    }
    // Not a single word after a noun, not a name with an organization word, not an event before
    // a person noun ("fifth-seeded Dunmore champion Ana Ruiz"), not a place.
    let (_, ms) =
        run("The champion Greyhaven and supporter Dunmore Council met fifth-seeded Tarnell champion Ivo Kast in Kyiv.");
    for w in ["Greyhaven", "Dunmore Council", "Tarnell"] {
        assert_ne!(mention(&ms, w).map(|m| m.kind), Some(EntityKind::Person), "{w}: {ms:?}");
    }
}

#[test]
fn an_age_or_a_countrys_possessive_makes_a_person() {
    let (_, ms) = run("Pavo Renn, 40, was held. Ukraine's Lumo Tarr won the race.");
    for w in ["Pavo Renn", "Lumo Tarr"] {
        assert_eq!(mention(&ms, w).map(|m| m.kind), Some(EntityKind::Person), "{w}: {ms:?}");
    }
    // A figure that is no age, a town's possessive, and an organization's kind after the name.
    let (_, ms) = run(
        "Greyhaven Mills, 1996, closed. Kyiv's Dunmore Hall opened. Ukraine's Tarnell Verd newspaper ran it in Ukraine's Osk Province.",
    );
    for w in ["Greyhaven Mills", "Dunmore Hall", "Tarnell Verd", "Osk Province"] {
        assert_ne!(mention(&ms, w).map(|m| m.kind), Some(EntityKind::Person), "{w}: {ms:?}");
    }
}

#[test]
fn a_headline_repeating_a_town_named_as_a_team_names_the_team() {
    let t = TestDoc::new("KHARKIV LOSE AGAIN\n\nVienna beat Kharkiv 2-1 on Sunday.", true);
    let (_, ms) = t.run();
    assert_eq!(mention(&ms, "KHARKIV").map(|m| m.kind), Some(EntityKind::Organization), "{ms:?}");
    // "IN KHARKIV" in the headline is the place.
    let t = TestDoc::new("RAIN FALLS IN KHARKIV\n\nVienna beat Kharkiv 2-1 on Sunday.", true);
    let (_, ms) = t.run();
    assert_eq!(mention(&ms, "KHARKIV").map(|m| m.kind), Some(EntityKind::Place), "{ms:?}");
}

#[test]
fn the_letters_of_a_dollar_currency_are_no_name() {
    let (_, ms) = run("Shares of Norden Gold rose to C$11.55, and the firm paid US$ 2 million for a mine in the US.");
    assert!(mention(&ms, "C").is_none(), "{ms:#?}");
    assert_eq!(ms.iter().filter(|m| m.text == "US").count(), 1, "only the country: {ms:#?}");
    assert!(mention(&ms, "Norden Gold").is_some());
}
