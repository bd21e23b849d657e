//! Unit tests of the frame rules: one test per rule family, each with the
//! wording that must fire and the one that must not.

use super::*;

fn q(text: &str, word: &str, value: f64, unit: Option<&str>, approx: Approx) -> Quantity {
    let start = text.find(word).expect("word in text");
    Quantity {
        value,
        high: None,
        approx,
        unit: unit.map(str::to_string),
        counts: None,
        qualifiers: Vec::new(),
        ordinal: false,
        start,
        end: start + word.len(),
        text: word.to_string(),
    }
}

fn one(text: &str, word: &str, value: f64, unit: Option<&str>, approx: Approx) -> Fact {
    let (_, facts) = frame(text, 0, &[q(text, word, value, unit, approx)], &[], &[], Some(2025));
    facts.into_iter().next().expect("a fact")
}

#[test]
fn magnitude_in_every_wording() {
    for (text, word) in [
        ("A magnitude-6.3 quake struck the island.", "6.3"),
        ("The quake had a magnitude of 5.8, the agency said.", "5.8"),
        ("An earthquake measuring 4.9 rattled the coast.", "4.9"),
    ] {
        let f = one(text, word, word.parse().unwrap_or(0.0), None, Approx::Exact);
        assert_eq!((f.dimension.as_str(), f.head.as_deref()), ("magnitude", Some("quake")), "{text}");
    }
    let f = one("A magnitude 2.9 aftershock followed.", "2.9", 2.9, None, Approx::Exact);
    assert_eq!(f.head.as_deref(), Some("aftershock"));
}

#[test]
fn miles_and_kilometres_share_a_dimension_in_base_units() {
    let km = one(
        "The epicentre lay 900 kilometres south of the capital.",
        "900 kilometres",
        900.0,
        Some("km"),
        Approx::Exact,
    );
    let mi =
        one("It was about 450 miles southeast of the capital.", "about 450 miles", 450.0, Some("mile"), Approx::About);
    assert_eq!(km.dimension, mi.dimension);
    assert!((mi.value - 724.2).abs() < 0.1);
    assert_eq!((km.head.as_deref(), km.bearing, km.reference.as_deref()), (Some("distance"), Some(180.0), None));
    assert_eq!(mi.bearing, Some(135.0));
}

#[test]
fn a_distance_keeps_its_bearing_and_reference_place() {
    let f = one(
        "The quake hit about 14 miles north-northeast of Healdsburg.",
        "about 14 miles",
        14.0,
        Some("mile"),
        Approx::About,
    );
    assert_eq!(f.bearing, Some(22.5));
    assert_eq!(f.reference.as_deref(), Some("healdsburg"));
    let d = one("It had a depth of 1.2 miles.", "1.2 miles", 1.2, Some("mile"), Approx::Exact);
    assert_eq!(d.head.as_deref(), Some("depth"));
}

#[test]
fn a_bracketed_conversion_does_not_hide_what_the_figure_measures() {
    let text = "The depot sits about 40 km (25 miles) from the coast.";
    let f = one(text, "about 40 km", 40.0, Some("km"), Approx::About);
    assert_eq!(f.head.as_deref(), Some("distance"));
    let f = one(
        "The depot sits 12 miles northwest (about 19 km) of the port.",
        "12 miles",
        12.0,
        Some("mile"),
        Approx::Exact,
    );
    assert_eq!(f.head.as_deref(), Some("distance"), "bearing before the bracket");
    // a bracket that is no conversion ends the phrase as before
    let f = one("The depot sits 40 km (the old one) from the coast.", "40 km", 40.0, Some("km"), Approx::Exact);
    assert_eq!(f.head, None);
}

#[test]
fn head_and_predicate_from_either_side() {
    let f = one("Police said four bombs were dropped on the camp.", "four", 4.0, None, Approx::Exact);
    assert_eq!((f.head.as_deref(), f.predicate.as_deref()), (Some("bomb"), Some("dropped")));
    let f = one("The attack left more than 300 people injured.", "more than 300", 300.0, None, Approx::MoreThan);
    assert_eq!(
        (f.head.as_deref(), f.predicate.as_deref(), f.open, f.hi),
        (Some("people"), Some("injured"), true, None)
    );
    let f = one("The death toll reached 12 and was revised on Friday.", "12", 12.0, None, Approx::Exact);
    assert_eq!((f.head.as_deref(), f.predicate.as_deref(), f.revised), (Some("fatality"), Some("killed"), true));
}

#[test]
fn scope_and_background_markers() {
    let f = one("Another two people were killed in the north.", "two", 2.0, None, Approx::Exact);
    assert_eq!(f.scope, ["another"]);
    let f = one("Nine others were trapped under the rubble.", "Nine", 9.0, None, Approx::Exact);
    assert_eq!(f.scope, ["others"]);
    let f = one("The largest quake there measured 4.5.", "4.5", 4.5, None, Approx::Exact);
    assert!(f.background);
    let f = one("Four people died.", "Four", 4.0, None, Approx::Exact);
    assert!(f.scope.is_empty() && !f.background);
    let text = "Omar Reyes, a former teacher who now runs a relief group in the valley, said that aid workers had told him four bombs were dropped.";
    let f = one(text, "four", 4.0, None, Approx::Exact);
    assert!(!f.background, "'former' is about the man, far from the figure");
    let f = one("The mayor said earlier that 12 people were killed.", "12", 12.0, None, Approx::Exact);
    assert!(!f.background, "'said earlier' dates the telling, not the deaths");
    let f = one("The previous record of 7.1 stood for a century.", "7.1", 7.1, None, Approx::Exact);
    assert!(f.background);
}

#[test]
fn a_decimal_before_a_quake_noun_is_a_magnitude() {
    let f = one("A 4.4 quake is large for the area.", "4.4", 4.4, None, Approx::Exact);
    assert_eq!(f.dimension, "magnitude");
    let f = one("Four quakes followed.", "Four", 4.0, None, Approx::Exact);
    assert_eq!(f.dimension, "count");
}

#[test]
fn a_figure_limited_to_an_area_is_scoped() {
    let f = one("Twenty-five houses were damaged in the hamlet of Osk.", "Twenty-five", 25.0, None, Approx::Exact);
    assert_eq!(f.scope, ["in hamlet"]);
    let f =
        one("More than 300 houses across the province were damaged.", "More than 300", 300.0, None, Approx::MoreThan);
    assert_eq!(f.scope, ["across province"]);
    let f = one("Four people died in the attack.", "Four", 4.0, None, Approx::Exact);
    assert!(f.scope.is_empty());
    // a bare area noun before another noun is a modifier, not an area
    let f = one("The couple paid $13.6 million in state taxes.", "$13.6 million", 13.6e6, Some("USD"), Approx::Exact);
    assert!(f.scope.is_empty(), "{:?}", f.scope);
    let f = one("Nine inmates were held in county jail overnight.", "Nine", 9.0, None, Approx::Exact);
    assert!(f.scope.is_empty(), "{:?}", f.scope);
}

#[test]
fn a_percentage_measures_the_rate_it_is_given_for() {
    let f = one("The town had a jobless rate of 7.4 percent.", "7.4 percent", 7.4, Some("percent"), Approx::Exact);
    assert_eq!(f.head.as_deref(), Some("rate"));
    let f = one("Shares fell 3.2 percent on Monday.", "3.2 percent", 3.2, Some("percent"), Approx::Exact);
    assert_ne!(f.head.as_deref(), Some("rate"));
}

#[test]
fn partitives_years_and_other_dates_mark_the_fact() {
    let f = one("Two of the bombs fell within the camp.", "Two", 2.0, None, Approx::Exact);
    assert_eq!(f.scope, ["of the"]);
    let f = one("Some 2 million people died in the war waged since 1955.", "Some 2 million", 2e6, None, Approx::About);
    assert!(f.background, "a year other than the article's");
    let text = "In February, a gunman killed five people.";
    let five = q(text, "five", 5.0, None, Approx::Exact);
    let (_, facts) = frame(text, 0, &[five], &[(3, true)], &[], Some(2025));
    assert!(facts[0].background, "a date months before the article");
}

#[test]
fn a_year_dates_only_the_figure_of_its_own_verb() {
    let text = "The start-up was set up in 2014 and is backed with $40 million in funding.";
    let f = one(text, "$40 million", 4e7, Some("USD"), Approx::Exact);
    assert!(!f.background, "2014 dates the founding, not the funding");
    assert_eq!(f.head.as_deref(), Some("fund"));
    let text = "It won $2m in grants under the Clean Water Act of 2015.";
    let f = one(text, "$2m", 2e6, Some("USD"), Approx::Exact);
    assert!(!f.background, "a year that ends a law's name dates nothing");
    let text = "The firm raised $40 million in 2014.";
    assert!(one(text, "$40 million", 4e7, Some("USD"), Approx::Exact).background);
    let text = "Exports fell by $3 million in March of 2014.";
    assert!(one(text, "$3 million", 3e6, Some("USD"), Approx::Exact).background, "a month is no name");
}

#[test]
fn also_before_the_verb_marks_an_addition_but_not_after_a_reporting_verb() {
    let f = one("The firm also received $3m from the city.", "$3m", 3e6, Some("USD"), Approx::Exact);
    assert_eq!(f.scope, [ALSO]);
    let f = one("Police also said 12 people died.", "12", 12.0, None, Approx::Exact);
    assert!(f.scope.is_empty(), "{:?}", f.scope);
}

#[test]
fn a_sentence_told_as_a_condition_has_no_facts() {
    let text = "If a depot needs two pumps, the system sends two pumps.";
    let (_, facts) = frame(text, 0, &[q(text, "two", 2.0, None, Approx::Exact)], &[], &[], Some(2025));
    assert!(facts.is_empty(), "{facts:?}");
    let text = "Two pumps failed if the logs are right.";
    let (_, facts) = frame(text, 0, &[q(text, "Two", 2.0, None, Approx::Exact)], &[], &[], Some(2025));
    assert_eq!(facts.len(), 1, "only a sentence opening on the condition");
}

#[test]
fn money_in_rounds_of_something_is_that_something() {
    let text = "The company raised $12m in three rounds of funding.";
    let f = one(text, "$12m", 1.2e7, Some("USD"), Approx::Exact);
    assert_eq!(f.head.as_deref(), Some("fund"));
}

#[test]
fn a_unit_conversion_in_parentheses_is_one_figure() {
    let text = "The camp lies 10 miles (16 kilometres) south of the border.";
    let a = q(text, "10 miles", 10.0, Some("mile"), Approx::Exact);
    let b = q(text, "16 kilometres", 16.0, Some("km"), Approx::Exact);
    let (_, facts) = frame(text, 0, &[a, b], &[], &[], None);
    assert_eq!(facts.len(), 1);
    assert!(facts[0].lo < 16.0 && facts[0].hi.unwrap_or(0.0) > 16.0, "10 miles and 16 km agree");
}

#[test]
fn times_of_day_with_their_zone_and_approximation() {
    assert_eq!(clock("2:53 p.m. local time"), Some((893.0, "local")));
    assert_eq!(clock("1200 GMT"), Some((720.0, "utc")));
    assert_eq!(clock("10am"), Some((600.0, "")));
    assert_eq!(clock("12:15 a.m."), Some((15.0, "")));
    assert_eq!(clock("10"), None);
    let text = "The gunman opened fire around 10:30 a.m. on Monday.";
    let s = text.find("10:30").unwrap_or(0);
    let (_, facts) = frame(text, 0, &[], &[], &[(s, s + 10)], None);
    let f = &facts[0];
    assert_eq!(
        (f.dimension.as_str(), f.lo, f.hi, f.written.as_deref()),
        ("time", 618.0, Some(642.0), Some("10:30 a.m."))
    );
    assert_eq!(f.predicate.as_deref(), Some(INCIDENT));
}

fn time_fact(text: &str, written: &str) -> Fact {
    let s = text.find(written).unwrap_or(0);
    let (_, facts) = frame(text, 0, &[], &[], &[(s, s + written.len())], None);
    facts.into_iter().next().unwrap_or_else(|| panic!("no time fact in {text:?}"))
}

#[test]
fn the_incident_time_is_one_fact_however_it_is_worded() {
    let a = time_fact("Witnesses heard three explosions at 3 p.m. near the market.", "3 p.m.");
    let b = time_fact("Planes dropped four bombs at 3:20 p.m., the charity said.", "3:20 p.m.");
    let c = time_fact("The village was attacked at 2:53 p.m. local time.", "2:53 p.m. local time");
    for f in [&a, &b, &c] {
        assert_eq!((f.dimension.as_str(), f.predicate.as_deref()), ("time", Some(INCIDENT)), "{f:?}");
    }
    // a whole hour is often rounded: 3 p.m. takes in 2:53 but not 3:20
    assert!(a.lo <= c.value && c.value <= a.hi.unwrap_or(0.0));
    assert!(a.hi.unwrap_or(0.0) < b.lo);
    // a time of something else keeps what happened then
    let d = time_fact("About 400 residents were evacuated at 9:40 a.m. on Sunday.", "9:40 a.m.");
    assert_eq!(d.predicate.as_deref(), Some("evacuated"));
}

#[test]
fn a_duration_after_lasted_belongs_to_what_lasted() {
    let text = "The closing session, held at the old town hall, lasted close to three hours.";
    let f = one(text, "close to three hours", 3.0, Some("hour"), Approx::About);
    assert_eq!((f.dimension.as_str(), f.head.as_deref()), ("duration", Some("meeting")));
    let f = one(
        "A closed-door meeting that ran for some three hours ended the day.",
        "some three hours",
        3.0,
        Some("hour"),
        Approx::About,
    );
    assert_eq!(f.head.as_deref(), Some("meeting"));
    let f = one("The session was held up for three hours.", "three hours", 3.0, Some("hour"), Approx::Exact);
    assert_ne!(f.head.as_deref(), Some("meeting"), "no verb of lasting: a delay, not the length");
}

#[test]
fn an_age_beside_a_name_is_that_persons_age() {
    let text = "Tomas Greer Jr., 56, of Linden, and Ana Ruiz, aged 47, were charged; Greer, 3 percent richer, left.";
    let (clauses, _) = frame(text, 0, &[], &[], &[], None);
    let at = |n: &'static str, from: usize| {
        let s = text[from..].find(n).map_or(0, |i| i + from);
        (s, s + n.len(), n)
    };
    let persons = [at("Tomas Greer Jr.", 0), at("Ana Ruiz", 0), at("Greer", 40)];
    let ages: Vec<(String, f64)> = person_facts(text, 0, &clauses, &persons, 0)
        .into_iter()
        .map(|f| (f.reference.unwrap_or_default(), f.value))
        .collect();
    assert_eq!(ages, [("greer".to_string(), 56.0), ("ruiz".to_string(), 47.0)], "no age from '3 percent'");
}

#[test]
fn party_and_state_after_a_name() {
    let text = "Sen. Tomas Greer, R-Ky., met Rep. Ana Ruiz (D-N.Y.) and Lena Holt, Democrat of New Mexico; Ola Berg, R-Texas, and Jan Vik, the R-and-D chief, left.";
    let names = ["Tomas Greer", "Ana Ruiz", "Lena Holt", "Ola Berg", "Jan Vik"];
    let persons: Vec<(usize, usize, &str)> =
        names.iter().map(|n| (text.find(n).unwrap_or(0), text.find(n).unwrap_or(0) + n.len(), *n)).collect();
    let (clauses, _) = frame(text, 0, &[], &[], &[], None);
    let got: Vec<(String, String)> = person_facts(text, 0, &clauses, &persons, 0)
        .into_iter()
        .filter(|f| f.dimension == "affiliation")
        .map(|f| (f.reference.unwrap_or_default(), f.written.unwrap_or_default()))
        .collect();
    let want = [("greer", "R-Ky."), ("ruiz", "D-N.Y."), ("holt", "Democrat of New Mexico"), ("berg", "R-Texas")];
    let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(got, want, "'the R-and-D chief' is no party");
    let greer = person_facts(text, 0, &clauses, &persons[..1], 0);
    let ky = lexicon().us_state("Ky.").map(|s| s.1).unwrap_or(0);
    assert_eq!(greer[0].value, 100.0 + ky as f64);
}

#[test]
fn none_killed_is_a_zero_count() {
    let (_, facts) = frame("Officials said no one was killed or injured in the attack.", 0, &[], &[], &[], None);
    let preds: Vec<(&str, f64)> = facts.iter().map(|f| (f.predicate.as_deref().unwrap_or(""), f.value)).collect();
    assert_eq!(preds, [("injured", 0.0), ("killed", 0.0)]);
    assert_eq!(facts[0].written.as_deref(), Some("no one was killed or injured"));
    let (_, facts) = frame("There were no casualties in the camp.", 0, &[], &[], &[], None);
    assert_eq!(facts.len(), 2);
    let (_, facts) = frame("There was no reason to stay.", 0, &[], &[], &[], None);
    assert!(facts.is_empty());
}

#[test]
fn no_charges_filed_is_a_zero_count_of_charges() {
    let (_, facts) = frame("No formal charges have been filed against the driver.", 0, &[], &[], &[], None);
    let got: Vec<(&str, &str, f64)> = facts
        .iter()
        .map(|f| (f.head.as_deref().unwrap_or(""), f.predicate.as_deref().unwrap_or(""), f.value))
        .collect();
    assert_eq!(got, [("charge", "charged", 0.0)]);
    let (_, facts) = frame("So far no one has been charged.", 0, &[], &[], &[], None);
    assert_eq!(facts.iter().map(|f| f.head.as_deref()).collect::<Vec<_>>(), [Some("people")]);
}

#[test]
fn a_compound_counts_its_own_noun() {
    let f = one("A grand jury returned a seven-count indictment.", "seven-count", 7.0, Some("count"), Approx::Exact);
    assert_eq!(f.head.as_deref(), Some("charge"));
    let f = one("The agency released a 31-page report.", "31-page", 31.0, Some("page"), Approx::Exact);
    assert_eq!(f.head.as_deref(), Some("page"));
    let f = one("Seven counts were read out in court.", "Seven", 7.0, None, Approx::Exact);
    assert_eq!(f.head.as_deref(), Some("charge"), "the noun after the number, as before");
}

#[test]
fn elapsed_time_since_an_event() {
    let f =
        one("The country became independent only four months ago.", "four months", 4.0, Some("month"), Approx::Exact);
    assert_eq!(f.head.as_deref(), Some("elapsed"));
}

#[test]
fn intervals_by_approximation_and_rounding() {
    let f = one("Only one mile below the surface.", "one mile", 1.0, Some("mile"), Approx::Exact);
    assert!(f.lo < 1.2 * 1.609344 && f.hi.unwrap_or(0.0) > 1.2 * 1.609344, "one mile may be 1.2 rounded");
    let f = one("Four bombs fell.", "Four", 4.0, None, Approx::Exact);
    assert_eq!((f.lo, f.hi), (4.0, Some(4.0)), "counts are not rounded");
    let f = one("Nearly 23,000 refugees live there.", "Nearly 23,000", 23000.0, None, Approx::Nearly);
    assert_eq!((f.lo, f.hi), (19550.0, Some(23000.0)));
}

#[test]
fn clauses_split_at_semicolons_dashes_and_new_subjects() {
    let text =
        "The mayor said the bridge would reopen in May; the engineers on the site disagreed, but they offered no date.";
    let (clauses, _) = frame(text, 0, &[], &[], &[], None);
    let pieces: Vec<&str> = clauses.iter().map(|c| &text[c.start..c.end]).collect();
    assert_eq!(pieces.len(), 3, "{pieces:?}");
    assert!(clauses[2].negated && !clauses[0].negated);
    assert!(clauses[0].terms.iter().any(|t| t.starts_with("bridg")), "stemmed content word");
    // short pieces stay with their neighbour
    let (clauses, _) = frame("Yes; the plan passed without a single objection.", 0, &[], &[], &[], None);
    assert_eq!(clauses.len(), 1);
}

#[test]
fn a_figure_after_a_linking_verb_measures_the_subject() {
    let text = "The effective tax rate for federal, state and local taxes was 45.8 percent.";
    let f = one(text, "45.8 percent", 45.8, Some("percent"), Approx::Exact);
    assert_eq!(f.head.as_deref(), Some("rate"));
    // a year inside the subject is no figure to stop at
    let text = "The effective federal tax rate for 2014 was 35.7 percent.";
    assert_eq!(one(text, "35.7 percent", 35.7, Some("percent"), Approx::Exact).head.as_deref(), Some("rate"));
    // another figure or a predicate between them ends the subject
    let text = "The rate rose to 30 percent as 2,000 workers were laid off and the figure was 12 percent.";
    assert_eq!(one(text, "12 percent", 12.0, Some("percent"), Approx::Exact).head, None);
}

#[test]
fn an_amount_in_brackets_belongs_to_the_noun_phrase_before_it() {
    let text = "The lab also won grants from the U.S. Department of Energy ($4.1 million) and a state fund.";
    let f = one(text, "$4.1 million", 4.1e6, Some("USD"), Approx::Exact);
    assert_eq!(f.head.as_deref(), Some("fund"));
    assert_eq!(f.scope, ["also"], "the verb of the phrase carries the addition");
    // a figure not in brackets keeps its own short window
    let text = "The lab also won grants from the U.S. Department of Energy worth $4.1 million.";
    let f = one(text, "$4.1 million", 4.1e6, Some("USD"), Approx::Exact);
    assert!(f.scope.is_empty(), "{:?}", f.scope);
}

#[test]
fn a_figure_takes_the_reporting_period_nearest_it() {
    let period = |text: &str, word: &str| one(text, word, 0.38, Some("USD"), Approx::Exact).period;
    let text = "The firm earned 38 cents a share in the third quarter and 95 cents a share for the nine months.";
    assert_eq!(period(text, "38 cents").as_deref(), Some("third quarter"));
    assert_eq!(period(text, "95 cents").as_deref(), Some("nine months"));
    let text = "Third-quarter profit came to 38 cents a share.";
    assert_eq!(period(text, "38 cents").as_deref(), Some("third quarter"));
    assert_eq!(
        period("Profit for the first half came to 38 cents a share.", "38 cents").as_deref(),
        Some("six months")
    );
    // no period word, or one that names no period ("a quarter of the staff")
    assert_eq!(period("Profit came to 38 cents a share.", "38 cents"), None);
    assert_eq!(period("A quarter of the staff got 38 cents a share.", "38 cents"), None);
}
