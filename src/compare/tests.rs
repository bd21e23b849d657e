//! End-to-end tests of `compare` on hand-built records (see `testutil`).

use super::testutil::{RecordBuilder, article, corpus};
use super::*;
use crate::model::{Approx, Comparison, EntityKind, TopicKind};

const LEADS: &[&str] = &[
    "Ministers met at the Vienna flood summit, where Olena Marchuk of Ukraine spoke for the emergency ministry.",
    "At the flood summit in Vienna, Olena Marchuk, the Ukraine emergency ministry spokeswoman, briefed delegates.",
    "Olena Marchuk told the Vienna summit on flood recovery that Ukraine needed help quickly.",
    "Delegates at the Vienna flood talks heard Olena Marchuk describe the damage in Ukraine.",
    "In Vienna, the regional flood summit closed as Olena Marchuk urged Ukraine's partners to act.",
];

/// An article of the summit story: a lead naming the shared people and places, then `body`.
fn summit(n: usize, body: &str) -> RecordBuilder {
    let text = format!("{} {body}", LEADS[n % LEADS.len()]);
    article(&format!("{:02}-summit.txt", n + 1), &text)
        .published("2025-03-13")
        .outlet(&format!("Outlet {n}"))
        .entity("Vienna", EntityKind::Place)
        .entity("Olena Marchuk", EntityKind::Person)
        .entity("Ukraine", EntityKind::Place)
}

fn ids(articles: &[crate::model::ArticleId]) -> Vec<&str> {
    articles.iter().map(AsRef::as_ref).collect()
}

fn run(builders: Vec<RecordBuilder>) -> Comparison {
    let (records, entities, maps) = corpus(builders);
    compare(&records, &entities, &maps)
}

fn quantity_topics(topics: &[crate::model::Topic]) -> Vec<&crate::model::Topic> {
    topics.iter().filter(|t| t.kind == TopicKind::Quantity).collect()
}

#[test]
fn nearly_does_not_reach_above_its_value() {
    // "nearly 3 hours" allows up to 3, "about 4 hours" starts well above: a conflict.
    let c = run(vec![
        summit(0, "The final session lasted nearly three hours.").q(
            "nearly three hours",
            3.0,
            Some("hour"),
            Some("session"),
            Approx::Nearly,
        ),
        summit(1, "The final session lasted about four hours.").q(
            "about four hours",
            4.0,
            Some("hour"),
            Some("session"),
            Approx::About,
        ),
    ]);
    assert_eq!(quantity_topics(&c.conflicts).len(), 1, "{:#?}", c.conflicts);
}

#[test]
fn no_charges_yet_against_five_counts_is_a_conflict_only_for_the_same_person() {
    let charged = |n: usize, body: &str| summit(n, body).entity("Piet Varga", EntityKind::Person);
    let five_counts = || {
        charged(1, "Piet Varga has been charged with five federal crimes.").q(
            "five federal crimes",
            5.0,
            None,
            Some("crime"),
            Approx::Exact,
        )
    };
    let c = run(vec![
        charged(0, "No formal charges have been filed yet against Piet Varga, officials said."),
        five_counts(),
    ]);
    let q = quantity_topics(&c.conflicts);
    assert_eq!(q.len(), 1, "{:#?}", c.conflicts);
    assert_eq!(q[0].values.len(), 2);
    // the charges no one filed are the driver's, the five counts the gunman's
    let c = run(vec![
        summit(0, "No formal charges have been filed against Ana Ruiz, the driver of the van.")
            .entity("Ana Ruiz", EntityKind::Person),
        five_counts(),
    ]);
    assert!(quantity_topics(&c.conflicts).is_empty(), "{:#?}", c.conflicts);
}

#[test]
fn different_places_are_not_compared() {
    let c = run(vec![
        summit(0, "About 2,000 people were evacuated in Kharkiv.").entity("Kharkiv", EntityKind::Place).q(
            "About 2,000 people",
            2000.0,
            None,
            Some("people"),
            Approx::About,
        ),
        summit(1, "In Odesa, 500 people were evacuated.").entity("Odesa", EntityKind::Place).q(
            "500 people",
            500.0,
            None,
            Some("people"),
            Approx::Exact,
        ),
    ]);
    assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
}

#[test]
fn change_within_one_sentence_is_not_a_contradiction() {
    let c = run(vec![
        summit(0, "The number of evacuated people rose from 1,800 people to 2,000 people.")
            .q("1,800 people", 1800.0, None, Some("people"), Approx::Exact)
            .q("2,000 people", 2000.0, None, Some("people"), Approx::Exact),
    ]);
    assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
}

const WIRE: &str = "VIENNA - Ministers from seven countries agreed a reconstruction fund for flood-hit towns on Thursday, \
    ending a summit that lasted three days with a pledge to share river data and rebuild damaged defences along the \
    Danube. Olena Marchuk, spokeswoman for the emergency ministry, said crews were still pumping water out of homes \
    and that the money would take months to arrive. About 2,000 people were evacuated from flooded districts.";

#[test]
fn syndicated_copies_count_once() {
    let copy = WIRE.replace("agreed", "approved");
    let wire = |id: &str, text: &str, outlet: &str| {
        article(id, text)
            .published("2025-03-13")
            .outlet(outlet)
            .entity("Olena Marchuk", EntityKind::Person)
            .entity("Danube", EntityKind::Place)
            .q("About 2,000 people", 2000.0, None, Some("people"), Approx::About)
    };
    // Original and reprint only: one source, shown as such (never as
    // confirmation, and below any independent agreement)
    let c = run(vec![wire("a.txt", WIRE, "Wire"), wire("b.txt", &copy, "Reprint Times")]);
    assert_eq!(c.syndication.len(), 1, "{:?}", c.syndication);
    assert_eq!(c.syndication[0].original, "a.txt");
    assert_eq!(c.syndication[0].copies, ["b.txt"]);
    let q = quantity_topics(&c.agreements);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!((q[0].independent_sources, q[0].values[0].articles.len()), (1, 2));
    assert!(q[0].confidence < 0.5 && q[0].note.as_deref().is_some_and(|n| n.contains("copies")), "{q:#?}");

    // An independent report agreeing makes two sources, not three.
    let own = "Flood-hit districts along the Danube counted the cost on Thursday. Olena Marchuk said about 2,000 \
        people were evacuated, and many families are sleeping in school halls while ministers promise money.";
    let c = run(vec![
        wire("a.txt", WIRE, "Wire"),
        wire("b.txt", &copy, "Reprint Times"),
        article("c.txt", own)
            .published("2025-03-13")
            .outlet("Lakeside")
            .entity("Olena Marchuk", EntityKind::Person)
            .entity("Danube", EntityKind::Place)
            .q("about 2,000 people", 2000.0, None, Some("people"), Approx::About),
    ]);
    assert_eq!(c.stories.len(), 1);
    let q = quantity_topics(&c.agreements);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].values[0].articles.len(), 3);
    assert_eq!(q[0].independent_sources, 2);
    assert!(q[0].note.is_none(), "{q:#?}");
}

#[test]
fn a_shared_background_paragraph_does_not_join_two_events() {
    const STOCK: &[&str] = &[
        "The wind changed direction in minutes and crews were pulled back twice.",
        "Critics said the warning signs had been visible for months before the blaze.",
        "Business groups said shops and restaurants had lost a large part of their trade.",
        "Journalists were allowed into the burned area under police escort on the second day.",
        "A survey last month found that few residents trusted the authorities in an emergency.",
        "Damage to homes and farms was estimated by the regional government at a large sum.",
        "The fire service said the next two days would be decisive if the wind stayed strong.",
        "Residents described smoke so thick that drivers could not see the road ahead.",
        "Schools in the district were closed and exams were postponed until further notice.",
        "Volunteers handed out water and masks at the evacuation centres through the night.",
    ];
    const FIRES: &[(&str, &str, &str)] = &[
        ("Quillmarsh", "Adaeze Brennholt", "Quillmarsh Forestry Board"),
        ("Tarrowgate", "Ilmari Fenwickson", "Tarrowgate Rescue League"),
        ("Oskvale", "Perpetua Nakamori", "Oskvale Water Trust"),
        ("Lindquarry", "Benedikt Osei-Varga", "Lindquarry Farmers Union"),
        ("Whistmere", "Yolanda Castroviejo", "Whistmere Rail Company"),
        ("Brackenfold", "Tadeusz Ngarimu", "Brackenfold Power Cooperative"),
    ];
    let mut builders = Vec::new();
    for (f, &(place, person, org)) in FIRES.iter().enumerate() {
        for k in 0..5 {
            let mut text = format!(
                "A wildfire near {place} forced hundreds to flee, {person} of the {org} said. \
                 {person} said the {org} had warned {place} officials about dry forests in report number {k}. "
            );
            for s in 0..4 {
                text.push_str(STOCK[(3 * f + 2 * k + s) % STOCK.len()]);
                text.push(' ');
            }
            text.push_str(&format!("The {org} will meet again in {place} after the fire, {person} said."));
            // One report of each of the first two fires also carries the same
            // background paragraph on the regional fire season: rare words and
            // two rare names shared across events, the shape of a bridge.
            let bridge = k == 0 && f < 2;
            if bridge {
                text.push_str(
                    " Governor Halvard Mostyn of the Ostery Fire Authority said the season had been the driest \
                     since records began. Halvard Mostyn asked the Ostery Fire Authority for more aircraft and \
                     more seasonal crews. Mostyn said that heatwaves, drought and abandoned farmland had turned \
                     scrubland into tinder across the whole Ostery region.",
                );
            }
            let mut b = article(&format!("fire{f}-{k}.txt"), text.trim_end())
                .published(&format!("2025-0{}-1{k}", f + 1))
                .outlet(&format!("Outlet {f}{k}"))
                .entity(place, EntityKind::Place)
                .entity(person, EntityKind::Person)
                .entity(org, EntityKind::Organization);
            if bridge {
                b = b
                    .entity("Halvard Mostyn", EntityKind::Person)
                    .entity("Ostery Fire Authority", EntityKind::Organization);
            }
            builders.push(b);
        }
    }
    let c = run(builders);
    assert!(c.syndication.is_empty(), "{:#?}", c.syndication);
    for s in &c.stories {
        let fires: std::collections::BTreeSet<&str> = s.articles.iter().filter_map(|a| a.split('-').next()).collect();
        assert_eq!(fires.len(), 1, "one story mixes fires: {:?}", s.articles);
    }
    assert_eq!(c.stories.len(), FIRES.len(), "{:#?}", c.stories);
}

#[test]
fn opposite_outcomes_are_a_possible_conflict() {
    let c = run(vec![
        summit(0, "The vote on the joint declaration went ahead on Thursday."),
        summit(1, "The vote on the joint declaration went ahead on Thursday afternoon, officials said."),
        summit(2, "The vote on the joint declaration was postponed after two delegations asked for more time."),
        summit(3, "The parade through the old town was postponed because of the rain."),
    ]);
    let s: Vec<_> = c.conflicts.iter().filter(|t| t.kind == TopicKind::Statement).collect();
    assert_eq!(s.len(), 1, "{s:#?}");
    assert_eq!(s[0].topic, "vote outcome");
    assert!(s[0].confidence <= 0.6 && s[0].confidence >= 0.4);
    assert_eq!(s[0].values[0].value, "went ahead");
    assert_eq!(ids(&s[0].values[0].articles), ["01-summit.txt", "02-summit.txt"]);
    assert_eq!(s[0].values[1].value, "postponed");
    assert_eq!(ids(&s[0].values[1].articles), ["03-summit.txt"]);
    // The two that agree are a corroborated statement.
    let corroborated: Vec<_> = c.agreements.iter().filter(|t| t.kind == TopicKind::Statement).collect();
    assert!(
        corroborated.iter().any(|t| ids(&t.values[0].articles) == ["01-summit.txt", "02-summit.txt"]),
        "{corroborated:#?}"
    );
}

#[test]
fn negated_outcome_conflicts_and_different_events_do_not() {
    let c = run(vec![
        summit(0, "The vote on the budget went ahead as planned."),
        summit(1, "The vote on the budget did not go ahead."),
    ]);
    assert_eq!(c.conflicts.iter().filter(|t| t.kind == TopicKind::Statement).count(), 1, "{:#?}", c.conflicts);

    let c = run(vec![
        summit(0, "The vote on the declaration went ahead on Thursday."),
        summit(1, "A separate vote on fishing quotas was postponed."),
    ]);
    assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
}

#[test]
fn event_dates_agree_and_conflict() {
    let c = run(vec![
        summit(0, "Ministers closed the summit yesterday.").date("yesterday", "2025-03-13"),
        summit(1, "The summit closed on Thursday.").date("Thursday", "2025-03-13"),
        summit(2, "Delegates expect the summit to end by Friday.").date("Friday", "2025-03-14"),
    ]);
    let d: Vec<_> = c.agreements.iter().filter(|t| t.kind == TopicKind::EventDate).collect();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].values[0].value, "2025-03-13");
    assert_eq!(ids(&d[0].values[0].articles), ["01-summit.txt", "02-summit.txt"]);
    assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);

    let c = run(vec![
        summit(0, "The summit ended on Thursday.").date("Thursday", "2025-03-13"),
        summit(1, "The summit ended on Wednesday.").date("Wednesday", "2025-03-12"),
    ]);
    let d: Vec<_> = c.conflicts.iter().filter(|t| t.kind == TopicKind::EventDate).collect();
    assert_eq!(d.len(), 1, "{:#?}", c.conflicts);
    assert_eq!(d[0].confidence, 0.5);
}

#[test]
fn coverage_lists_who_leaves_out_a_main_person() {
    let c = run(vec![
        summit(0, "Sergei Volkov spoke for Moldova.").entity_as("Sergei Volkov", EntityKind::Person, "E:volkov"),
        summit(1, "Sergei Volkov urged action.").entity_as("Sergei Volkov", EntityKind::Person, "E:volkov"),
        summit(2, "Ministers promised money."),
    ]);
    let v = c.coverage.iter().find(|x| x.entity == "E:volkov").expect("coverage row");
    assert_eq!(v.missing, ["03-summit.txt"]);
    assert_eq!(v.present, ["01-summit.txt", "02-summit.txt"]);
}

#[test]
fn output_is_deterministic() {
    let build = || {
        vec![
            summit(0, "About 2,000 people were evacuated. The vote went ahead on Thursday.").q(
                "About 2,000 people",
                2000.0,
                None,
                Some("people"),
                Approx::About,
            ),
            summit(1, "Some 1,800 people were evacuated. The vote was postponed on Thursday.").q(
                "Some 1,800 people",
                1800.0,
                None,
                Some("people"),
                Approx::About,
            ),
            summit(2, "The three-day summit closed.").q("three-day", 3.0, Some("day"), Some("summit"), Approx::Exact),
        ]
    };
    assert_eq!(run(build()), run(build()));
}

#[test]
fn deadlines_and_present_tense_are_not_event_dates() {
    let c = run(vec![
        summit(0, "Delegates hope to finish the declaration by Thursday, when the summit ends.")
            .date("Thursday", "2025-03-13"),
        summit(1, "Officials said the summit ends on Friday.").date("Friday", "2025-03-14"),
        summit(2, "The summit closed on Wednesday.").date("Wednesday", "2025-03-12"),
    ]);
    assert!(c.conflicts.iter().all(|t| t.kind != TopicKind::EventDate), "{:#?}", c.conflicts);
}

/// Scale check: `cargo test --release --lib compare::tests::scale -- --ignored --nocapture`.
/// Synthetic stories of five articles each; doubling the corpus should
/// roughly double the time (no all-pairs step).
#[test]
#[ignore]
fn scale() {
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut rnd = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let vocab: Vec<String> = (0..5000).map(|i| format!("word{i}x")).collect();
    for &n in &[2_000usize, 4_000, 8_000] {
        let mut builders = Vec::with_capacity(n);
        for i in 0..n {
            let story = i / 5;
            let mut text = format!("Delegates met Person{story} Zed in Place{story}ville. ");
            for s in 0..12 {
                let mut sentence: Vec<String> = (0..14).map(|_| vocab[rnd(5000) as usize].clone()).collect();
                if s == 3 {
                    sentence.push(format!("{} people were evacuated", 1000 + story % 7 * 100));
                }
                text.push_str(&format!("The {}.  ", sentence.join(" ")));
            }
            let q = format!("{} people", 1000 + story % 7 * 100);
            builders.push(
                article(&format!("a{i:06}.txt"), text.trim_end())
                    .published("2025-03-13")
                    .outlet(&format!("Outlet {}", i % 50))
                    .entity(&format!("Person{story} Zed"), EntityKind::Person)
                    .entity(&format!("Place{story}ville"), EntityKind::Place)
                    .q(&q, (1000 + story % 7 * 100) as f64, None, Some("people"), Approx::Exact),
            );
        }
        let (records, entities, maps) = corpus(builders);
        let t = std::time::Instant::now();
        let c = compare(&records, &entities, &maps);
        let el = t.elapsed();
        eprintln!("{n} articles: {:?}, {} stories, {} agreements", el, c.stories.len(), c.agreements.len());
        assert_eq!(c.stories.len(), n / 5);
    }
}
