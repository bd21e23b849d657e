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
#[ignore = "written for the key-based engine replaced by compare::facts; its hand-built quantities carry no sentence context for the frames (issue 12: re-express on frames)"]
fn approximations_of_three_hours_agree() {
    let c = run(vec![
        summit(0, "The final session lasted close to three hours.").q(
            "close to three hours",
            3.0,
            Some("hour"),
            None,
            Approx::About,
        ),
        summit(1, "It ended after a final closed-door meeting that ran for some three hours.").q(
            "some three hours",
            3.0,
            Some("hours"),
            None,
            Approx::About,
        ),
        summit(2, "Delegates left after a nearly three-hour meeting.").q(
            "nearly three-hour",
            3.0,
            Some("hour"),
            Some("meeting"),
            Approx::Nearly,
        ),
        summit(3, "The fund was settled during three-hour talks.").q(
            "three-hour",
            3.0,
            Some("hour"),
            Some("talks"),
            Approx::Exact,
        ),
    ]);
    assert_eq!(c.stories.len(), 1, "{:?}", c.stories);
    assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
    let q = quantity_topics(&c.agreements);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].independent_sources, 4);
    assert_eq!(q[0].values.len(), 1);
    assert_eq!(q[0].values[0].articles.len(), 4);
    assert!(q[0].topic.contains("duration (hours)"), "{}", q[0].topic);
    assert_eq!(q[0].values[0].value, "about 3 hours");
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
#[ignore = "written for the key-based engine replaced by compare::facts; its hand-built quantities carry no sentence context for the frames (issue 12: re-express on frames)"]
fn original_and_revised_plans_are_separate_facts() {
    let c = run(vec![
        summit(0, "Talks were built around the original 12-point outline.")
            .q("12-point", 12.0, Some("point"), Some("outline"), Approx::Exact)
            .quals(&["original"]),
        summit(1, "The talks followed a 12-point recovery plan.").q(
            "12-point",
            12.0,
            Some("point"),
            Some("plan"),
            Approx::Exact,
        ),
        summit(2, "Delegates worked from the amended plan, cut to about 9 points.").q(
            "about 9 points",
            9.0,
            None,
            Some("points"),
            Approx::About,
        ),
        summit(3, "The revised nine-point plan drops several proposals.").q(
            "nine-point",
            9.0,
            Some("point"),
            Some("plan"),
            Approx::Exact,
        ),
    ]);
    assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
    let q = quantity_topics(&c.agreements);
    assert_eq!(q.len(), 2, "{q:#?}");
    let revised = q.iter().find(|t| t.topic.starts_with("revised")).expect("revised plan topic");
    assert_eq!(ids(&revised.values[0].articles), ["03-summit.txt", "04-summit.txt"]);
    let original = q.iter().find(|t| !t.topic.starts_with("revised")).expect("original plan topic");
    assert_eq!(ids(&original.values[0].articles), ["01-summit.txt", "02-summit.txt"]);
    assert_eq!(original.values[0].value, "12 points");
}

#[test]
#[ignore = "written for the key-based engine replaced by compare::facts; its hand-built quantities carry no sentence context for the frames (issue 12: re-express on frames)"]
fn original_12_and_14_points_conflict() {
    let c = run(vec![
        summit(0, "Talks were built around the original 12-point outline.")
            .q("12-point", 12.0, Some("point"), Some("outline"), Approx::Exact)
            .quals(&["original"]),
        summit(1, "The talks followed a 14-point recovery plan.").q(
            "14-point",
            14.0,
            Some("point"),
            Some("plan"),
            Approx::Exact,
        ),
    ]);
    assert_eq!(quantity_topics(&c.conflicts).len(), 1, "{:#?}", c.conflicts);
}

#[test]
#[ignore = "written for the key-based engine replaced by compare::facts; its hand-built quantities carry no sentence context for the frames (issue 12: re-express on frames)"]
fn unrelated_numbers_never_conflict() {
    let c = run(vec![
        summit(0, "The final meeting lasted three hours. Floods covered some 1,200 square kilometres.")
            .q("three hours", 3.0, Some("hour"), Some("meeting"), Approx::Exact)
            .q("some 1,200 square kilometres", 1200.0, Some("km2"), None, Approx::About),
        summit(1, "The opening session was delayed by two hours. The floods affected about 40,000 people.")
            .q("two hours", 2.0, Some("hour"), None, Approx::Exact)
            .q("about 40,000 people", 40000.0, None, Some("people"), Approx::About),
        summit(2, "The budget for 2025 is €30 million. About 2,000 people were evacuated from their homes.")
            .q("€30 million", 30e6, Some("EUR"), Some("budget"), Approx::Exact)
            .q("About 2,000 people", 2000.0, None, Some("people"), Approx::About),
        summit(3, "Last year the budget was €22 million. The delay lasted two hours, delegates said.")
            .q("€22 million", 22e6, Some("EUR"), Some("budget"), Approx::Exact)
            .q("two hours", 2.0, Some("hour"), Some("delay"), Approx::Exact),
        summit(4, "The budget is €30 million for 2025, up from €22 million in 2024.")
            .q("€30 million", 30e6, Some("EUR"), Some("budget"), Approx::Exact)
            .q("€22 million", 22e6, Some("EUR"), Some("budget"), Approx::Exact),
    ]);
    assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
    // The 2025 budget is confirmed by two outlets; 2024's too.
    let budgets: Vec<&str> =
        c.agreements.iter().filter(|t| t.topic.starts_with("budget")).map(|t| t.topic.as_str()).collect();
    assert_eq!(budgets, ["budget (EUR), 2024", "budget (EUR), 2025"], "{:#?}", c.agreements);
}

#[test]
#[ignore = "written for the key-based engine replaced by compare::facts; its hand-built quantities carry no sentence context for the frames (issue 12: re-express on frames)"]
fn evacuated_figures_conflict_with_evidence() {
    let c = run(vec![
        summit(0, "About 2,000 people were evacuated from flooded districts in Kharkiv, officials said.")
            .entity("Kharkiv", EntityKind::Place)
            .q("About 2,000 people", 2000.0, None, Some("people"), Approx::About),
        summit(1, "Some 2,000 residents were evacuated from flooded districts around Kharkiv.")
            .entity("Kharkiv", EntityKind::Place)
            .q("Some 2,000 residents", 2000.0, None, Some("residents"), Approx::About),
        summit(2, "Emergency services said 1,800 people had been evacuated from districts in Kharkov.")
            .entity_as("Kharkov", EntityKind::Place, "E:kharkiv")
            .q("1,800 people", 1800.0, None, Some("people"), Approx::Exact),
    ]);
    let q = quantity_topics(&c.conflicts);
    assert_eq!(q.len(), 1, "{:#?}", c.conflicts);
    let t = q[0];
    assert_eq!(t.topic, "people evacuated");
    assert!(t.confidence >= 0.7);
    assert!(!t.self_contradiction);
    assert_eq!(t.independent_sources, 3);
    let values: Vec<(&str, Vec<&str>)> =
        t.values.iter().map(|v| (v.value.as_str(), v.articles.iter().map(AsRef::as_ref).collect())).collect();
    assert_eq!(values, [("1,800", vec!["03-summit.txt"]), ("about 2,000", vec!["01-summit.txt", "02-summit.txt"])]);
    let ev = &t.values[0].evidence[0];
    assert_eq!(ev.text, "1,800 people");
    assert_eq!(&*ev.article, "03-summit.txt");
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
#[ignore = "written for the key-based engine replaced by compare::facts; its hand-built quantities carry no sentence context for the frames (issue 12: re-express on frames)"]
fn one_article_contradicting_itself() {
    let c = run(vec![
        summit(
            0,
            "In the Kharkiv region alone, some 3,100 homes were damaged. Officials now say the 3,400 homes damaged in the Kharkiv region come first.",
        )
        .entity("Kharkiv", EntityKind::Place)
        .q("some 3,100 homes", 3100.0, None, Some("homes"), Approx::About)
        .q("3,400 homes", 3400.0, None, Some("homes"), Approx::Exact),
        summit(1, "Ministers promised money for rebuilding."),
    ]);
    let q = quantity_topics(&c.conflicts);
    assert_eq!(q.len(), 1, "{:#?}", c.conflicts);
    assert!(q[0].self_contradiction);
    assert_eq!(q[0].independent_sources, 1);
    assert_eq!(q[0].topic, "home damaged");
    assert!(q[0].confidence < 0.7);
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
    // Original and reprint only: one source, no agreement.
    let c = run(vec![wire("a.txt", WIRE, "Wire"), wire("b.txt", &copy, "Reprint Times")]);
    assert_eq!(c.syndication.len(), 1, "{:?}", c.syndication);
    assert_eq!(c.syndication[0].original, "a.txt");
    assert_eq!(c.syndication[0].copies, ["b.txt"]);
    assert!(quantity_topics(&c.agreements).is_empty(), "{:#?}", c.agreements);

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
}

#[test]
#[ignore = "written for the key-based engine replaced by compare::facts; its hand-built quantities carry no sentence context for the frames (issue 12: re-express on frames)"]
fn two_stories_are_not_compared() {
    let porto = |id: &str, body: &str| {
        article(
            id,
            &format!(
                "PORTO - A span of the Vale Escuro viaduct collapsed on Sunday night, Linhas do Norte said, and Inês Carvalhal of civil protection closed the suburban line. {body}"
            ),
        )
        .published("2025-06-02")
        .outlet(id)
        .entity("Vale Escuro", EntityKind::Place)
        .entity("Linhas do Norte", EntityKind::Organization)
        .entity("Inês Carvalhal", EntityKind::Person)
    };
    let c = run(vec![
        summit(0, "About 2,000 people were evacuated from flooded districts.").q(
            "About 2,000 people",
            2000.0,
            None,
            Some("people"),
            Approx::About,
        ),
        summit(1, "Some 2,000 people were evacuated from their homes.").q(
            "Some 2,000 people",
            2000.0,
            None,
            Some("people"),
            Approx::About,
        ),
        porto("p1.txt", "Some 1,800 people were evacuated from nearby buildings.").q(
            "Some 1,800 people",
            1800.0,
            None,
            Some("people"),
            Approx::About,
        ),
        porto("p2.txt", "Police said 1,800 people were evacuated from the blocks under the viaduct.").q(
            "1,800 people",
            1800.0,
            None,
            Some("people"),
            Approx::Exact,
        ),
    ]);
    assert_eq!(c.stories.len(), 2, "{:#?}", c.stories);
    assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
    let q = quantity_topics(&c.agreements);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_ne!(q[0].story, q[1].story);
    let porto_story = c.stories.iter().find(|s| s.articles.contains(&"p1.txt".to_string())).expect("porto");
    assert_eq!(porto_story.articles, ["p1.txt", "p2.txt"]);
    assert!(porto_story.label.contains("Inês Carvalhal") || porto_story.label.contains("Vale Escuro"));
}

/// Reports of several wildfires written with the same stock sentences (as
/// wire copy and templated local news are), two of them bridged by one shared
/// background paragraph: each fire is still a story of its own.
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
#[ignore = "written for the key-based engine replaced by compare::facts; its hand-built quantities carry no sentence context for the frames (issue 12: re-express on frames)"]
fn single_source_facts_and_name_variants() {
    let c = run(vec![
        summit(0, "The United States pledged 300 generators for hospitals.").q(
            "300 generators",
            300.0,
            None,
            Some("generators"),
            Approx::Exact,
        ),
        summit(1, "Sergey Volkov spoke for Moldova.").entity_as("Sergey Volkov", EntityKind::Person, "E:volkov"),
        summit(2, "Sergei Volkov spoke for Moldova.").entity_as("Sergei Volkov", EntityKind::Person, "E:volkov"),
    ]);
    let s: Vec<_> = c.single_source.iter().filter(|f| f.kind == TopicKind::Quantity).collect();
    assert_eq!(s.len(), 1, "{s:#?}");
    assert_eq!(&*s[0].article, "01-summit.txt");
    assert_eq!(s[0].topic, "generator: 300");
    assert_eq!(c.name_variants.len(), 1);
    assert_eq!(c.name_variants[0].spellings.len(), 2);
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
#[ignore = "written for the key-based engine replaced by compare::facts; its hand-built quantities carry no sentence context for the frames (issue 12: re-express on frames)"]
fn a_sum_without_a_noun_joins_the_one_agreeing_fund() {
    let c = run(vec![
        summit(0, "Ministers agreed a €450 million reconstruction fund.").q(
            "€450 million",
            450e6,
            Some("EUR"),
            Some("fund"),
            Approx::Exact,
        ),
        summit(1, "Governments agreed to pool €450 million for reconstruction.").q(
            "€450 million",
            450e6,
            Some("EUR"),
            None,
            Approx::Exact,
        ),
    ]);
    let q = quantity_topics(&c.agreements);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].values[0].articles.len(), 2);
    assert!(c.conflicts.is_empty());
}

#[test]
#[ignore = "written for the key-based engine replaced by compare::facts; its hand-built quantities carry no sentence context for the frames (issue 12: re-express on frames)"]
fn a_bare_count_of_a_part_is_not_a_conflict() {
    let c = run(vec![
        summit(0, "Hrytsenko briefed the thirty-two delegations at the summit.").q(
            "thirty-two",
            32.0,
            None,
            Some("delegations"),
            Approx::Exact,
        ),
        summit(1, "Security for the thirty-two delegations cost money.").q(
            "thirty-two",
            32.0,
            None,
            Some("delegations"),
            Approx::Exact,
        ),
        summit(2, "The vote slipped after two delegations requested more time.").q(
            "two",
            2.0,
            None,
            Some("delegations"),
            Approx::Exact,
        ),
    ]);
    assert!(c.conflicts.is_empty(), "{:#?}", c.conflicts);
    let q = quantity_topics(&c.agreements);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].values[0].value, "32");
    // Two of anything is description, not a single-source fact.
    assert!(c.single_source.iter().all(|f| !f.topic.contains("delegation")), "{:#?}", c.single_source);
}

#[test]
#[ignore = "written for the key-based engine replaced by compare::facts; its hand-built quantities carry no sentence context for the frames (issue 12: re-express on frames)"]
fn same_outcome_from_two_sources_is_corroborated_and_quotes_are_left_out() {
    let c = run(vec![
        summit(0, "The vote on the declaration went ahead on Thursday, two officials said."),
        summit(1, "Diplomats said the vote on the text went ahead despite objections."),
        summit(2, "\"We did not come for sympathy,\" the minister said about the vote and the declaration."),
        summit(3, "\"We did not come for sympathy,\" the minister said about the vote and the declaration."),
    ]);
    let outcome: Vec<_> = c.agreements.iter().filter(|t| t.topic == "vote outcome").collect();
    assert_eq!(outcome.len(), 1, "{:#?}", c.agreements);
    assert_eq!(outcome[0].values[0].value, "went ahead");
    assert!(
        c.agreements.iter().all(|t| !t.values[0].value.contains("sympathy")),
        "a sentence carrying a quotation is the quote matcher's business: {:#?}",
        c.agreements
    );
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
