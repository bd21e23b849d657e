//! The comparison on fact frames, end to end through the library: each test
//! writes a few short articles of one story, runs the real extraction and
//! comparison on them, and checks what a reader of the report would see.
//! (These replace the tests of the key-based engine, which fed hand-built
//! quantities to the comparison.)

use analyze::model::{Comparison, Topic, TopicKind};
use analyze::pipeline::{self, Extracted, GivenMeta, Options};

/// A shared lead, so that every article is grouped into the same story.
const LEAD: &str = "Fire crews from Brennack worked through the night near Lake Osterly, said Mara Quell of the Osterly County fire service.";

/// Articles as (outlet, body): each gets the lead and its own outlet.
fn compare(articles: &[(&str, &str)]) -> Comparison {
    let mut records = Vec::new();
    for (i, (outlet, body)) in articles.iter().enumerate() {
        let meta =
            GivenMeta { published: Some("2025-08-14".into()), headline: None, outlet: Some((*outlet).to_string()) };
        let text = format!("{LEAD}\n\n{body}\n");
        match pipeline::extract_given(&format!("{:02}-{outlet}.txt", i + 1), text, &meta, None) {
            Extracted::Article(r) => records.push(*r),
            Extracted::Skipped(w) => panic!("skipped: {w:?}"),
        }
    }
    pipeline::analyze(records, Vec::new(), &Options::default()).comparison
}

fn numeric(topics: &[Topic]) -> Vec<&Topic> {
    topics.iter().filter(|t| t.kind == TopicKind::Quantity).collect()
}

fn values(t: &Topic) -> Vec<&str> {
    t.values.iter().map(|v| v.value.as_str()).collect()
}

#[test]
fn different_evacuation_figures_conflict_with_their_sentences_as_evidence() {
    let c = compare(&[
        ("Valley Herald", "About 2,000 residents were evacuated from the lakeside villages on Wednesday."),
        ("Osterly Courier", "Officials said 3,500 residents were evacuated from the lakeside villages."),
    ]);
    let q = numeric(&c.conflicts);
    assert_eq!(q.len(), 1, "{:#?}", c.conflicts);
    assert_eq!(q[0].topic, "people evacuated");
    assert_eq!(q[0].values.len(), 2);
    for v in &q[0].values {
        assert_eq!(v.evidence.len(), 1);
        assert!(v.evidence[0].text.contains("were evacuated"), "{:?}", v.evidence[0].text);
    }
}

#[test]
fn figures_of_different_things_never_conflict() {
    let c = compare(&[
        ("Valley Herald", "Police arrested 12 people near the fire line on Wednesday."),
        ("Osterly Courier", "Five people were injured when a water tanker overturned."),
        ("Lakeside Times", "The blaze has burned 40 homes and forced the closure of two roads."),
    ]);
    assert!(numeric(&c.conflicts).is_empty(), "{:#?}", c.conflicts);
}

#[test]
fn about_a_figure_agrees_with_the_figure_and_an_open_one_only_with_close_figures() {
    let c = compare(&[
        ("Valley Herald", "About 300 firefighters were deployed to the northern flank."),
        ("Osterly Courier", "Some 300 firefighters were deployed, the county said."),
        ("Lakeside Times", "More than 290 firefighters were deployed on Thursday."),
    ]);
    assert!(numeric(&c.conflicts).is_empty(), "{:#?}", c.conflicts);
    let a = numeric(&c.agreements);
    assert!(a.iter().any(|t| t.values[0].articles.len() == 3), "{a:#?}");
}

#[test]
fn a_count_in_one_village_is_a_part_not_a_conflict_with_the_county_total() {
    let c = compare(&[
        ("Valley Herald", "The fire destroyed 25 homes in one hamlet west of the lake."),
        ("Osterly Courier", "The fire destroyed 300 homes across the county, officials said."),
    ]);
    assert!(numeric(&c.conflicts).is_empty(), "{:#?}", c.conflicts);
}

#[test]
fn one_article_giving_two_tolls_is_flagged_as_contradicting_itself() {
    let c = compare(&[
        (
            "Valley Herald",
            "Three people were killed in the fire, the sheriff said.\n\nLater the paper reported that seven people were killed in the fire.",
        ),
        ("Osterly Courier", "The county has not yet published a list of the damaged farms."),
    ]);
    let q = numeric(&c.conflicts);
    assert_eq!(q.len(), 1, "{:#?}", c.conflicts);
    assert!(q[0].self_contradiction);
    assert!(q[0].note.is_some());
}

#[test]
fn one_article_giving_figures_for_two_named_subjects_does_not_contradict_itself() {
    let c = compare(&[
        (
            "Valley Herald",
            "The pitcher Tom Coppinger allowed 10 hits in the loss at the stadium on Sunday.\n\nThe pitcher Ray Belcher allowed nine hits in the loss at the stadium on Saturday.",
        ),
        ("Osterly Courier", "The county has not yet published a list of the damaged farms."),
    ]);
    assert!(numeric(&c.conflicts).is_empty(), "{:#?}", c.conflicts);
}

#[test]
fn two_companies_priced_in_one_currency_are_still_two_subjects() {
    // the "C" of "C$" is an entity of kind other: no subject two figures share
    let c = compare(&[
        (
            "Valley Herald",
            "Acme Mining Inc rose C$ 0.30 to C$ 11.55 in trading of 780,000 shares on the exchange.\n\nBolt Minerals Inc rose C$ 0.50 to C$ 6 in trading of about 120,000 shares on the exchange.",
        ),
        ("Osterly Courier", "The county has not yet published a list of the damaged farms."),
    ]);
    assert!(numeric(&c.conflicts).is_empty(), "{:#?}", c.conflicts);
}

#[test]
fn headings_of_a_results_list_are_no_self_contradiction() {
    // the two distances share words ("hurdles") but no predicate or place
    let c = compare(&[
        (
            "Valley Herald",
            "Results from the county games.\n\nWomen's 100 metres hurdles\n\nAna Ruiz won in a fine time.\n\nMen's 400 metres hurdles\n\nTom Greer won in a fine time.",
        ),
        ("Osterly Courier", "The county has not yet published a list of the damaged farms."),
    ]);
    assert!(numeric(&c.conflicts).is_empty(), "{:#?}", c.conflicts);
}

#[test]
fn one_article_giving_three_values_is_listing_not_contradicting_itself() {
    let c = compare(&[
        (
            "Valley Herald",
            "Three people were killed in the fire, the sheriff said.\n\nLater the paper reported that seven people were killed in the fire.\n\nBy evening officials said that ten people were killed in the fire.",
        ),
        ("Osterly Courier", "The county has not yet published a list of the damaged farms."),
    ]);
    assert!(numeric(&c.conflicts).is_empty(), "{:#?}", c.conflicts);
}

#[test]
fn ages_beside_a_name_agree_or_conflict_per_person() {
    let c = compare(&[
        (
            "Valley Herald",
            "The pilot, Tomas Greer, 56, landed the tanker plane safely. His co-pilot Ana Ruiz, 31, was unhurt.",
        ),
        ("Osterly Courier", "Tomas Greer, 57, has flown tanker planes for twenty years."),
        ("Lakeside Times", "Tomas Greer, 56, said the smoke was the worst he had seen."),
    ]);
    let ages: Vec<&Topic> = c.conflicts.iter().filter(|t| t.topic.starts_with("age of")).collect();
    assert_eq!(ages.len(), 1, "{:#?}", c.conflicts);
    assert_eq!(ages[0].topic, "age of Greer");
    assert_eq!(values(ages[0]), ["56", "57"]);
    // Ruiz's 31 is never set against Greer's age
    assert!(c.conflicts.iter().all(|t| !values(t).contains(&"31")), "{:#?}", c.conflicts);
}

#[test]
fn the_time_of_the_blast_conflicts_however_it_is_worded_and_a_rounded_hour_agrees() {
    let c = compare(&[
        ("Valley Herald", "Witnesses heard a loud explosion at 3 p.m. near the fuel depot."),
        ("Osterly Courier", "The fuel depot exploded at 2:55 p.m., the fire service said."),
        ("Lakeside Times", "A blast hit the fuel depot at 3:40 p.m., according to a worker."),
    ]);
    let times: Vec<&Topic> = c.conflicts.iter().filter(|t| t.topic == "time of the incident").collect();
    assert_eq!(times.len(), 1, "{:#?}", c.conflicts);
    assert_eq!(times[0].values.len(), 2, "3 p.m. and 2:55 p.m. are one value: {:#?}", times[0].values);
    assert_eq!(times[0].values[0].articles.len(), 2);
}

#[test]
fn two_times_in_one_article_are_a_sequence_not_a_conflict() {
    let c = compare(&[
        ("Valley Herald", "A first explosion hit the depot at 2:10 p.m. A second blast hit the depot at 2:40 p.m."),
        ("Osterly Courier", "Witnesses heard an explosion at 2:40 p.m. near the depot."),
    ]);
    assert!(c.conflicts.iter().all(|t| !t.topic.starts_with("time")), "{:#?}", c.conflicts);
}

#[test]
fn a_statement_in_other_words_is_corroborated_and_an_opposite_outcome_is_not() {
    let c = compare(&[
        ("Valley Herald", "The regional council vote on the evacuation budget went ahead on Thursday evening."),
        ("Osterly Courier", "On Thursday the vote on the evacuation budget went ahead despite the smoke."),
        ("Lakeside Times", "The council vote on the evacuation budget was postponed until next week."),
    ]);
    let agreed: Vec<&Topic> = c.agreements.iter().filter(|t| t.kind == TopicKind::Statement).collect();
    let with_vote: Vec<&&Topic> = agreed.iter().filter(|t| t.values[0].value.contains("vote")).collect();
    assert!(!with_vote.is_empty(), "{agreed:#?}");
    for t in with_vote {
        assert!(
            t.values[0].articles.iter().all(|a| !a.as_ref().contains("Lakeside")),
            "the postponed vote joined the agreement: {t:#?}"
        );
    }
}

#[test]
fn a_sentence_every_outlet_tells_in_the_same_common_words_is_an_agreement() {
    // every word of the shared sentence is in every article, so no rarer
    // word can make the pair a candidate: the identical terms must
    let shared = "The crews then cut a firebreak along the ridge and saved the chapel.";
    let c = compare(&[
        ("Valley Herald", &format!("{shared} Hikers were told to avoid the northern trails until the weekend.")),
        ("Osterly Courier", &format!("{shared} A local bakery handed out bread and coffee to volunteers.")),
        ("Lakeside Times", &format!("{shared} Schools in two districts stayed shut because of the smoke.")),
        ("Brennack Post", &format!("{shared} The regional train line ran a reduced timetable all day.")),
        ("Ridge Weekly", &format!("{shared} Insurers opened a hotline for owners of damaged cabins.")),
    ]);
    let firebreak: Vec<&Topic> = c
        .agreements
        .iter()
        .filter(|t| t.kind == TopicKind::Statement && t.values[0].value.contains("firebreak"))
        .collect();
    assert!(!firebreak.is_empty(), "{:#?}", c.agreements);
    assert!(firebreak.iter().any(|t| t.values[0].articles.len() == 5), "{firebreak:#?}");
}

#[test]
fn the_day_of_an_arrest_agrees_however_it_is_worded_and_two_days_never_conflict() {
    let c = compare(&[
        ("Valley Herald", "Deputies arrested the arson suspect on Friday near the lake."),
        ("Osterly Courier", "The suspect was taken into custody Friday morning, deputies said."),
        (
            "Lakeside Times",
            "A second man was arrested on Saturday, and the sheriff said Friday that more arrests could follow.",
        ),
    ]);
    let days: Vec<&Topic> = c.agreements.iter().filter(|t| t.topic == "day (arrested)").collect();
    assert_eq!(days.len(), 1, "{:#?}", c.agreements);
    let arts: Vec<&str> = days[0].values[0].articles.iter().map(|a| a.as_ref()).collect();
    assert_eq!(arts, ["01-Valley Herald.txt", "02-Osterly Courier.txt"], "'said Friday' dates the telling");
    assert!(c.conflicts.iter().all(|t| !t.topic.starts_with("day")), "{:#?}", c.conflicts);
}

#[test]
fn the_month_a_war_began_conflicts_across_wordings_but_not_across_years_or_other_events() {
    let c = compare(&[
        ("Valley Herald", "Rebels in the hills have been fighting the army since June, and the camp keeps growing."),
        (
            "Osterly Courier",
            "Since fighting between the army and the northern rebels began in July, thousands have fled.",
        ),
    ]);
    let starts: Vec<&Topic> = c.conflicts.iter().filter(|t| t.topic == "start of the fighting").collect();
    assert_eq!(starts.len(), 1, "{:#?}", c.conflicts);
    let mut months = values(starts[0]);
    months.sort_unstable();
    assert_eq!(months, ["July", "June"]);
    // another year, another kind of event, or a month with a modifier: no conflict
    for other in [
        "Since fighting between the army and the northern rebels began in July 2019, thousands have fled.",
        "Since the strike by the camp's cooks began in July, meals have been late.",
        "Rebels in the hills have been fighting the army since late July.",
    ] {
        let c = compare(&[
            (
                "Valley Herald",
                "Rebels in the hills have been fighting the army since June 2025, and the camp keeps growing.",
            ),
            ("Osterly Courier", other),
        ]);
        assert!(c.conflicts.iter().all(|t| !t.topic.starts_with("start")), "{other}: {:#?}", c.conflicts);
    }
}

#[test]
fn the_same_precise_rate_agrees_though_only_one_side_names_the_year() {
    let c = compare(&[
        (
            "Valley Herald",
            "The county's 2024 budget showed a levy rate of 12.5, and, with the water charge, a combined rate of 38.6 percent.",
        ),
        (
            "Osterly Courier",
            "Its levy rate was 12.5, while the effective rate for county and water services was 38.6 percent.",
        ),
    ]);
    let rates: Vec<&Topic> = numeric(&c.agreements).into_iter().filter(|t| values(t) == ["38.6 percent"]).collect();
    assert_eq!(rates.len(), 1, "{:#?}", c.agreements);
    assert_eq!(rates[0].topic, "rate");
    assert_eq!(rates[0].values[0].articles.len(), 2);
    assert!(numeric(&c.conflicts).is_empty(), "{:#?}", c.conflicts);
}

#[test]
fn party_and_state_agree_per_person_and_namesakes_are_never_compared() {
    let c = compare(&[
        (
            "Valley Herald",
            "Sen. Rand Cole, R-Ky., toured the burned hills. Rep. Tim Ward, Democrat of Ohio, asked for aid.",
        ),
        (
            "Osterly Courier",
            "Rand Cole (R-Ky.) said the state would help. Rep. Paul Ward, Republican of Wisconsin, did not comment.",
        ),
    ]);
    let cole: Vec<&Topic> = c.agreements.iter().filter(|t| t.topic == "party and state of Cole").collect();
    assert_eq!(cole.len(), 1, "{:#?}", c.agreements);
    assert_eq!(cole[0].values[0].articles.len(), 2);
    assert!(c.conflicts.iter().all(|t| !t.topic.starts_with("party")), "two Wards: {:#?}", c.conflicts);
}

#[test]
fn funding_figures_conflict_with_the_total_not_with_an_addition_or_a_founding_year() {
    let c = compare(&[
        (
            "Valley Herald",
            "The fire-mapping start-up Emberline was founded in 2016 and is backed with $40 million in funding by two venture firms.",
        ),
        (
            "Osterly Courier",
            "Emberline, which raised $25 million in three rounds of funding and also got $4 million in funding from the state, makes the maps.",
        ),
    ]);
    let q = numeric(&c.conflicts);
    assert_eq!(q.len(), 1, "{:#?}", c.conflicts);
    let mut v = values(q[0]);
    v.sort_unstable();
    assert_eq!(v, ["$25 million", "$40 million"], "the state's $4 million is an addition, not the total");
}

#[test]
fn two_kinds_of_weapon_conflict_but_a_weapon_in_doubt_or_only_bought_takes_no_side() {
    let c = compare(&[
        ("Valley Herald", "Staff said the attacker walked into the ranger station with a rifle."),
        ("Osterly Courier", "The attacker was armed with a pump-action shotgun, police said."),
        ("Lakeside Times", "Witnesses said the attacker used a shotgun or a rifle. He had bought a handgun in May."),
    ]);
    let w: Vec<&Topic> = c.conflicts.iter().filter(|t| t.topic == "weapon used").collect();
    assert_eq!(w.len(), 1, "{:#?}", c.conflicts);
    let mut v = values(w[0]);
    v.sort_unstable();
    assert_eq!(v, ["a rifle", "a shotgun"]);
    assert!(w[0].values.iter().all(|v| v.articles.len() == 1), "the third article takes no side: {w:#?}");
}

#[test]
fn the_same_weapon_in_two_sources_is_an_agreement() {
    let c = compare(&[
        ("Valley Herald", "The attacker walked into the ranger station with a rifle."),
        ("Osterly Courier", "He was killed in a rifle attack at the station."),
    ]);
    assert!(c.conflicts.iter().all(|t| t.topic != "weapon used"), "{:#?}", c.conflicts);
    assert!(c.agreements.iter().any(|t| t.topic == "weapon used" && values(t) == ["a rifle"]), "{:#?}", c.agreements);
}

#[test]
fn each_company_results_named_in_its_sentence_do_not_conflict() {
    // three companies' quarters, one of them told by the company itself
    let c = compare(&[
        (
            "Valley Herald",
            "Harrow Mills Inc. said its net income fell to $4.2 million, or 38 cents a share, from $5.1 million, or 45 cents a share.",
        ),
        (
            "Osterly Courier",
            "Quarterly profit at Penwick Foods Corp. fell to $9.6 million, or 71 cents a share, from $10.8 million, or 80 cents a share, as the grocer lost ground to discount chains.",
        ),
        (
            "Lakeside Times",
            "Earnings at Dunmore Steel Co. fell to $1.9 million, or 12 cents a share, from $4.4 million, or 31 cents a share, after the mill closed two of its furnaces for repairs.",
        ),
    ]);
    assert!(numeric(&c.conflicts).is_empty(), "{:#?}", c.conflicts);
    // one company's figure told two ways still conflicts
    let c = compare(&[
        ("Valley Herald", "Harrow Mills Inc. said its net income fell to $4.2 million, or 38 cents a share."),
        (
            "Osterly Courier",
            "Net income at Harrow Mills Inc. fell to $4.2 million, or 41 cents a share, the company reported on Thursday, blaming weak demand.",
        ),
    ]);
    let q = numeric(&c.conflicts);
    assert_eq!(q.len(), 1, "{:#?}", c.conflicts);
    assert_eq!(values(q[0]), ["38 cents", "41 cents"]);
}

#[test]
fn figures_of_two_organizations_each_sentence_names_do_not_conflict() {
    let poll = |by: &str, lead: &str| format!("A poll by {by} released on Tuesday gave Ilse Varga a {lead} lead.");
    let c = compare(&[
        ("Valley Herald", &poll("the Crestline Institute", "16-point")),
        ("Osterly Courier", &poll("Meridian Research Group", "4-point")),
    ]);
    assert!(numeric(&c.conflicts).is_empty(), "{:#?}", c.conflicts);
    // the same pollster's lead told two ways conflicts
    let c = compare(&[
        ("Valley Herald", &poll("the Crestline Institute", "16-point")),
        ("Osterly Courier", "Ilse Varga holds a 4-point lead, according to figures from the Crestline Institute."),
    ]);
    assert_eq!(numeric(&c.conflicts).len(), 1, "{:#?}", c.conflicts);
}

#[test]
fn two_figures_one_report_gives_in_two_voices_stay_a_dispute() {
    // police and organisers each give their crowd figure in two reports, a
    // third report a figure of its own: one crowd counted three ways
    let c = compare(&[
        (
            "Valley Herald",
            "Police said 15,000 people protested in Brennack on Saturday. Organisers said more than 60,000 people protested.",
        ),
        (
            "Osterly Courier",
            "About 15,000 people protested outside the town hall, a police spokesman told reporters. The organisers put the crowd at 60,000 people.",
        ),
        ("Lakeside Times", "Some 20,000 people protested against the closure of the clinic, the mayor said."),
    ]);
    let q = numeric(&c.conflicts);
    assert_eq!(q.len(), 1, "{:#?}", c.conflicts);
    assert_eq!(values(q[0]), ["15,000", "Some 20,000", "more than 60,000"]);
}

#[test]
fn figures_of_two_reporting_periods_never_conflict() {
    let c = compare(&[
        (
            "Valley Herald",
            "Harrow Mills Inc. said it earned 38 cents a share in the third quarter, helped by lower costs.",
        ),
        (
            "Osterly Courier",
            "For the first nine months, Harrow Mills Inc. earned 95 cents a share, the miller told investors on Thursday.",
        ),
    ]);
    assert!(numeric(&c.conflicts).is_empty(), "{:#?}", c.conflicts);
    // "the quarter" is the quarter another report names
    let c = compare(&[
        (
            "Valley Herald",
            "Harrow Mills Inc. said it earned 38 cents a share in the third quarter, helped by lower costs.",
        ),
        (
            "Osterly Courier",
            "Harrow Mills Inc. earned 41 cents a share in the quarter, the miller told investors on Thursday.",
        ),
    ]);
    assert_eq!(numeric(&c.conflicts).len(), 1, "{:#?}", c.conflicts);
}
