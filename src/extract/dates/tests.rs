//! Tagger tests on sentences written for them; the anchor is Friday 2025-03-14.

use super::*;
use crate::model::{Block, BlockKind, SentenceSpan};
use jiff::civil::Date;

const FRI: Date = Date::constant(2025, 3, 14);

fn run(text: &str, published: Option<Date>) -> Vec<DateMention> {
    let blocks = [Block { kind: BlockKind::Paragraph, start: 0, end: text.len(), text: None, reason: None }];
    let sentences = [SentenceSpan { start: 0, end: text.len(), block: 0 }];
    let doc = Doc {
        id: &"t".into(),
        text,
        blocks: &blocks,
        sentences: &sentences,
        published,
        anchor: if published.is_some() { Anchor::Published } else { Anchor::None },
    };
    let out = extract(&doc);
    for m in &out {
        assert_eq!(&text[m.start..m.end], m.text, "offsets must give the text");
    }
    out
}

/// (span text, value) pairs, anchored on Friday 2025-03-14.
fn tag(text: &str) -> Vec<(String, String)> {
    run(text, Some(FRI)).into_iter().map(|m| (m.text, m.value.unwrap_or_else(|| "null".into()))).collect()
}

fn one(text: &str, span: &str, value: &str) {
    let got = tag(text);
    assert!(got.iter().any(|(t, v)| t == span && v == value), "{text:?}: wanted {span:?} = {value}, got {got:?}");
}

fn none(text: &str) {
    let got = tag(text);
    assert!(got.is_empty(), "{text:?}: wanted no dates, got {got:?}");
}

fn kind(text: &str, span: &str) -> DateKind {
    run(text, Some(FRI))
        .into_iter()
        .find(|m| m.text == span)
        .map(|m| m.kind)
        .unwrap_or_else(|| panic!("{span} not found in {text}"))
}

#[test]
fn absolute_dates() {
    one("The ceasefire began on March 9, 2025, officials said.", "March 9, 2025", "2025-03-09");
    one("It was signed on 9 March 2025 in Doha.", "9 March 2025", "2025-03-09");
    one("The filing is dated 2025-03-11.", "2025-03-11", "2025-03-11");
    one("The plant closed in June 2019.", "June 2019", "2019-06");
    one("The plant closed in 2019 after a fire.", "2019", "2019");
    one("Prices soared in the 1990s.", "the 1990s", "199");
    one("Talks resumed in the spring of 2019.", "the spring of 2019", "2019-SP");
    one("Revenue fell in fiscal 1999.", "fiscal 1999", "1999");
    one("The town was founded in the 11th century.", "the 11th century", "10");
    one("Growth slowed in the mid-1990s.", "the mid-1990s", "199");
    one("Sales rose in the third quarter of 2024.", "the third quarter of 2024", "2024-Q3");
    one("The order was issued on 3/11/2025.", "3/11/2025", "2025-03-11");
    one("2019's floods were the worst on record.", "2019", "2019");
    one("The tower opened in nineteen ninety-six.", "nineteen ninety-six", "1996");
    one("Music changed in the nineties.", "the nineties", "199");
    one("Its 2019 budget was cut.", "2019", "2019");
    one("The company's 2019 results were weak.", "2019", "2019");
    one("He lived there from 1968, when the war began, until 1989, he said.", "1989", "1989");
    one("Crowds gather daily outside the court.", "daily", "P1D");
    assert_eq!(run("It closed in June 2019.", Some(FRI))[0].anchor, Anchor::Absolute);
}

#[test]
fn month_without_year() {
    // Past-biased nearest year.
    one("The vote took place on Mar 10.", "Mar 10", "2025-03-10");
    one("The deal was struck in October.", "October", "2024-10");
    // A near future date wins when it is much closer.
    one("Talks are set for March 20 in Geneva.", "March 20", "2025-03-20");
    // The future tense turns a month forward.
    one("The plant will reopen in October.", "October", "2025-10");
    one("Hearings resumed last November.", "last November", "2024-11");
    one("Hearings resume this September.", "this September", "2025-09");
    one("It was built in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01");
}

#[test]
fn comparison_points_take_the_period_before_them() {
    one("Profit in the third quarter of 2024 rose from a year earlier.", "a year earlier", "2023-Q3");
    one("Third-quarter profit rose from a year ago.", "a year ago", "2023-Q3");
    one("Profit rose from a year earlier.", "a year earlier", "2024");
}

#[test]
fn relative_days() {
    one("The minister resigned yesterday.", "yesterday", "2025-03-13");
    one("The court rules today.", "today", "2025-03-14");
    one("The result is expected tomorrow.", "tomorrow", "2025-03-15");
    one("He speaks tonight.", "tonight", "2025-03-14TNI");
    one("Shots were heard last night.", "last night", "2025-03-13TNI");
    one("Markets opened lower this morning.", "this morning", "2025-03-14TMO");
    one("Police were called yesterday afternoon.", "yesterday afternoon", "2025-03-13TAF");
}

#[test]
fn weekday_rule_defaults_to_the_past() {
    one("The council met on Tuesday.", "Tuesday", "2025-03-11");
    one("The council met on Friday.", "Friday", "2025-03-14");
    one("The council met Friday morning.", "Friday morning", "2025-03-14TMO");
    one("The council met last Friday.", "last Friday", "2025-03-07");
    assert_eq!(kind("Shots rang out Tuesday night.", "Tuesday night"), DateKind::Time);
}

#[test]
fn weekday_rule_turns_forward() {
    one("The council meets next Tuesday.", "next Tuesday", "2025-03-18");
    one("The council will meet on Tuesday.", "Tuesday", "2025-03-18");
    one("The vote is on the coming Monday.", "coming Monday", "2025-03-17");
}

#[test]
fn relative_periods() {
    one("Prices rose last month.", "last month", "2025-02");
    one("Growth will slow this year.", "this year", "2025");
    one("Growth slowed last year.", "last year", "2024");
    one("Talks resume next week.", "next week", "2025-W12");
    one("Fighting resumed at the weekend.", "the weekend", "2025-W10-WE");
    one("Talks will resume at the weekend.", "the weekend", "2025-W11-WE");
    one("He resigned earlier this month.", "earlier this month", "2025-03");
    one("Output should recover early next year.", "early next year", "2026");
    one("The firm was sold two weeks ago.", "two weeks ago", "2025-W09");
    one("Profit doubled from a year earlier.", "a year earlier", "2024");
    one("Sales fell in the third quarter.", "the third quarter", "2024-Q3");
    one("Third-quarter profit fell.", "Third-quarter", "2024-Q3");
}

#[test]
fn seasons_quarters_and_periods() {
    one("Sales slumped last fall.", "last fall", "2024-FA");
    one("The plant opens this summer.", "this summer", "2025-SU");
    one("Revenue rose in Q3 2024.", "Q3 2024", "2024-Q3");
    one("Revenue rose in the first half of 2024.", "the first half of 2024", "2024-H1");
    one("The deal should close by year-end.", "year-end", "2025");
    one("Output fell in the latest quarter.", "the latest quarter", "2024-Q4");
    one("The firm changed hands in the 20th century.", "the 20th century", "19");
}

#[test]
fn rates_are_sets() {
    one("The post pays $40,000 a year.", "a year", "P1Y");
    assert_eq!(kind("The post pays $40,000 a year.", "a year"), DateKind::Set);
    assert_eq!(kind("The post lasted a year.", "a year"), DateKind::Duration);
}

#[test]
fn references() {
    one("Prices will rise in the coming months.", "the coming months", "PXM");
    one("The region is now calm.", "now", "PRESENT_REF");
    one("Such raids were rare in the past.", "the past", "PAST_REF");
    one("More cuts may follow in the future.", "the future", "FUTURE_REF");
    one("Crime has fallen in recent years.", "recent years", "PXY");
    one("She currently chairs the panel.", "currently", "PRESENT_REF");
}

#[test]
fn holidays() {
    one("The shops closed on Christmas Eve.", "Christmas Eve", "2024-12-24");
    one("Traffic peaked on Labor Day.", "Labor Day", "2024-09-02");
    one("Travel peaked at Thanksgiving.", "Thanksgiving", "2024-11-28");
    one("The church was packed at Easter 2024.", "Easter 2024", "2024-03-31");
    one("The store will reopen after Easter.", "Easter", "2025-04-20");
    one("Fireworks were banned on New Year's Day.", "New Year's Day", "2025-01-01");
}

#[test]
fn times() {
    one("The blast came at 9:30 a.m. local time.", "9:30 a.m. local time", "2025-03-14T09:30");
    one("Polls close at 8 p.m. Sunday.", "8 p.m. Sunday", "2025-03-09T20:00");
    one("The session ends at noon.", "noon", "2025-03-14T12:00");
    one("The curfew began at midnight.", "midnight", "2025-03-14T24:00");
    assert_eq!(kind("The blast came at 9:30 a.m.", "9:30 a.m."), DateKind::Time);
}

#[test]
fn durations() {
    one("The siege lasted three days.", "three days", "P3D");
    one("He was held for nearly two years.", "nearly two years", "P2Y");
    one("The project took 18 months.", "18 months", "P18M");
    one("Prices rose over the past three months.", "the past three months", "P3M");
    one("The standoff lasted a minute and a half.", "a minute and a half", "PT1M30S");
    one("Leaders met for a three-day summit.", "three-day", "P3D");
    one("The 24-hour strike ended.", "24-hour", "PT24H");
    one("Rescuers worked for hours.", "hours", "PTXH");
    one("The row lasted a couple of years.", "a couple of years", "P2Y");
    one("The row lasted the last twenty four hours.", "the last twenty four hours", "PT24H");
    one("It has been a decade since the war.", "a decade", "P10Y");
    assert_eq!(kind("The siege lasted three days.", "three days"), DateKind::Duration);
}

#[test]
fn sets() {
    one("The board meets every week.", "every week", "P1W");
    one("The paper is printed daily.", "daily", "P1D");
    one("Inspectors visit twice a week.", "twice a week", "P1W");
    one("Rates are reviewed each year.", "each year", "P1Y");
    one("The club meets every Monday.", "every Monday", "XXXX-WXX-1");
    one("The club meets on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI");
    one("The market opens on Sundays.", "Sundays", "XXXX-WXX-7");
    one("The fair returns each July.", "each July", "XXXX-07");
    assert_eq!(kind("The board meets every week.", "every week"), DateKind::Set);
}

#[test]
fn no_anchor_leaves_relative_values_null() {
    let got = run("The minister resigned yesterday, a week after the June 2019 vote.", None);
    let y = got.iter().find(|m| m.text == "yesterday").expect("yesterday");
    assert_eq!(y.value, None);
    assert_eq!(y.anchor, Anchor::None);
    assert_eq!(y.expr.as_deref(), Some("day:-1"));
    let abs = got.iter().find(|m| m.text == "June 2019").expect("June 2019");
    assert_eq!(abs.value.as_deref(), Some("2019-06"));
    assert_eq!(abs.anchor, Anchor::Absolute);
}

#[test]
fn expr_can_be_resolved_again() {
    let got = run("The council met on Tuesday.", Some(FRI));
    let e = got[0].expr.clone().expect("expr");
    assert_eq!(resolve_expr(&e, Date::constant(2025, 3, 20)).as_deref(), Some("2025-03-18"));
}

#[test]
fn words_that_are_not_dates() {
    none("Officials said the talks may collapse.");
    none("Thousands joined a march on the capital.");
    none("March organisers said the route was blocked.");
    none("April Smith said the plan was sound.");
    none("The story ran in the Sun and the Sunday Times.");
    none("Will Jones scored twice.");
    none("More than 2,000 people were evacuated.");
    none("They evacuated 2000 people from the area.");
    none("The home side won 3-2 after extra time.");
    none("See page 12 for details.");
    none("The fall of the regime was swift.");
    none("Spring water is sold here.");
    none("The 30-year-old suspect was arrested.");
    none("She reads USA Today every morning at her desk.".replace(" every morning at her desk", "").as_str());
    none("An august body of scholars met.");
    none("The past president of the club spoke.");
    none("Flights to Christmas Island were cancelled.");
    none("The Good Friday Agreement ended the conflict.");
    none("The firm cut its quarterly dividend.");
    none("The man, 52 years old, was charged.");
    none("Shares rose to 5.93 from 5.80.");
    // Absurd counts must not overflow.
    let _ = tag("It took 999,999,999,999,999,999,999 decades, 9,999,999,999,999,999,999 decades ago.");
}

#[test]
fn spans_leave_out_prepositions() {
    let got = tag("The strike began on Tuesday and ended in October.");
    assert_eq!(got.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(), vec!["Tuesday", "October"]);
}

#[test]
fn unicode_text_keeps_offsets() {
    let got = run("Le président — who spoke “yesterday” — left on Tuesday’s flight.", Some(FRI));
    assert!(got.iter().any(|m| m.text == "yesterday"));
    assert!(got.iter().any(|m| m.text == "Tuesday"));
}

proptest::proptest! {
    /// Any text, including broken UTF-8 boundaries around punctuation and
    /// digits, yields spans that are the text at their offsets, without panics.
    #[test]
    fn never_panics_and_offsets_hold(text in "[ a-zA-Z0-9.,:/'’—-]{0,80}") {
        let _ = run(&text, Some(FRI));
        let _ = run(&text, None);
    }

    #[test]
    fn never_panics_on_date_words(words in proptest::collection::vec(proptest::sample::select(vec![
        "the", "last", "next", "a", "year", "years", "ago", "March", "May", "9", "2019", ",", ".", "-", "Tuesday",
        "night", "quarter", "third", "fiscal", "every", "twice", "week", "p.m.", "10", ":", "30", "early", "of",
        "end", "nineteen", "ninety", "two", "thousand", "and", "half", "'", "s", "1990s", "Christmas", "Eve",
    ]), 0..14)) {
        let text = words.join(" ");
        let _ = run(&text, Some(FRI));
    }
}

#[test]
fn weekday_before_a_date_takes_the_date() {
    one("The paper said in an editorial on Monday, Oct. 27: the plan failed.", "Monday, Oct. 27", "2024-10-27");
}

#[test]
fn past_verb_beats_a_later_future_marker() {
    one("Since the ruling was announced Wednesday, they have said they will appeal.", "Wednesday", "2025-03-12");
    one("The shares issued July 1, which will pay less, rose.", "July 1", "2024-07-01");
    one("The boy may leave as soon as Tuesday, officials said.", "Tuesday", "2025-03-18");
    one("The relatives have until 9 a.m. Tuesday to answer.", "9 a.m. Tuesday", "2025-03-18T09:00");
}

#[test]
fn scheduled_in_a_past_sentence_stays_in_the_past() {
    one(
        "The hearing, scheduled for 10 a.m. on Tuesday, was postponed by an hour.",
        "10 a.m. on Tuesday",
        "2025-03-11T10:00",
    );
    one("The hearing is scheduled for Tuesday.", "Tuesday", "2025-03-18");
}

/// (span text, value) pairs for an article published on `published`.
fn tag_on(text: &str, published: Date) -> Vec<(String, String)> {
    run(text, Some(published)).into_iter().map(|m| (m.text, m.value.unwrap_or_else(|| "null".into()))).collect()
}

#[test]
fn clock_time_keeps_the_day_after_its_zone() {
    one("The shop was robbed at 10 p.m. Wednesday.", "10 p.m. Wednesday", "2025-03-12T22:00");
    // a deadline lies ahead: next January, not the one just gone
    one("The bank extended the offer until 5 p.m. EST Jan. 9.", "5 p.m. EST Jan. 9", "2026-01-09T17:00");
    one(
        "The hearing was scheduled for 9:30 a.m. on Tuesday but was put off.",
        "9:30 a.m. on Tuesday",
        "2025-03-11T09:30",
    );
    one("The ferry will sail at 6 a.m. GMT Monday.", "6 a.m. GMT Monday", "2025-03-17T06:00");
}

#[test]
fn plans_and_reported_futures_turn_a_weekday_forward() {
    one("The team planned to fly home on Thursday.", "Thursday", "2025-03-20");
    one("The dockers' union plans to strike Monday.", "Monday", "2025-03-17");
    one("The court is to rule Tuesday on the appeal.", "Tuesday", "2025-03-18");
    one("The minister said she would travel Wednesday to Oslo.", "Wednesday", "2025-03-19");
    one("On Tuesday, the union of dock workers and porters plans to hold a vote.", "Tuesday", "2025-03-18");
    // the past wins when the verb says so
    one("The mayor on Tuesday said the city may raise fares.", "Tuesday", "2025-03-11");
    one("On Monday, the firm announced plans to hire staff.", "Monday", "2025-03-10");
    one("Two guards could not be reached Wednesday.", "Wednesday", "2025-03-12");
    one("Until Monday, the police had not named a suspect.", "Monday", "2025-03-10");
    one("Voters criticised the ruling, saying they would fight Wednesday's decision.", "Wednesday", "2025-03-12");
}

#[test]
fn future_markers_turn_a_dated_day_forward() {
    one("The merger becomes effective Jan. 1.", "Jan. 1", "2026-01-01");
    one("The referendum is set for Oct. 2.", "Oct. 2", "2025-10-02");
    // a fronted month told in the past is the one before publication
    let late = Date::constant(2025, 10, 25);
    let got = tag_on("In January, the board brought in a new chief.", late);
    assert!(got.iter().any(|(t, v)| t == "January" && v == "2025-01"), "{got:?}");
}

#[test]
fn quarters_a_year_back() {
    one("Profit rose from the year-ago third quarter.", "the year-ago third quarter", "2023-Q3");
    one("Sales for the corresponding period last year were flat.", "the corresponding period last year", "2023-Q4");
    one("Results beat the quarter a year earlier.", "the quarter a year earlier", "2023-Q4");
    one("Exports for last year's quarter were weak.", "last year's quarter", "2023-Q4");
    one("The firm earned $2 million in the 2023 quarter.", "the 2023 quarter", "2023-Q4");
    one("Losses narrowed in the last quarter.", "the last quarter", "2024-Q4");
    assert_eq!(kind("Losses narrowed in the last quarter.", "the last quarter"), DateKind::Date);
    // "a year-earlier loss": the comparison point, not "a year"
    one("The loss compared with a year-earlier loss of $3 million.", "year-earlier", "2024");
}

#[test]
fn following_period_counts_from_the_date_named_before() {
    one("The firm was founded in 2011, and the following year it listed.", "the following year", "2012");
    one("Talks failed in May 2019; the following month they resumed.", "the following month", "2019-06");
    // nothing named before: counted from publication
    one("The following year will be hard for farmers.", "The following year", "2026");
}

#[test]
fn days_around_a_named_day() {
    one("The trial opens the week of April 7.", "the week of April 7", "2025-W15");
    one("The day before last Tuesday's vote, he resigned.", "The day before last Tuesday", "2025-03-10");
    one("Engineers say the probe will one day reach Mars.", "one day", "FUTURE_REF");
}

#[test]
fn names_and_fractions_in_date_words() {
    one("The build took two and a half years.", "two and a half years", "P2Y6M");
    none("The October Group bought the site.");
    none("Campers slept near the spring outside town.");
    assert_eq!(kind("The board declared a quarterly dividend of 10 cents.", "quarterly"), DateKind::Set);
}

#[test]
fn a_weekday_that_follows_a_planned_one_lies_ahead_too() {
    // published on a Wednesday
    let wed = Date::constant(2025, 3, 12);
    let got =
        tag_on("The vote is expected to begin in the Senate on Wednesday, followed by the House on Thursday.", wed);
    assert!(got.iter().any(|(t, v)| t == "Thursday" && v == "2025-03-13"), "{got:?}");
    // a weekday with its own past verb stays in the past
    let got = tag_on("The vote is expected on Wednesday; the House met on Thursday.", wed);
    assert!(got.iter().any(|(t, v)| t == "Thursday" && v == "2025-03-06"), "{got:?}");
}

#[test]
fn a_clock_time_takes_the_day_of_a_bracket_after_it() {
    // The day after the bracket; the time keeps its span and the day is its own mention.
    let got = tag("The dam gave way at about 6:40 a.m. (0440 GMT) Tuesday, the agency said.");
    assert!(got.contains(&("6:40 a.m.".into(), "2025-03-11T06:40".into())), "{got:?}");
    assert!(got.contains(&("Tuesday".into(), "2025-03-11".into())), "{got:?}");
    // The day at the end of the bracket.
    one(
        "The convoy will leave at 5 in the morning (5 a.m. local time Thursday).",
        "5 in the morning",
        "2025-03-20T05:00",
    );
    // A bracket with no day leaves the time on the anchor's day.
    one("The dam gave way at 6:40 a.m. (0440 GMT), the agency said.", "6:40 a.m.", "2025-03-14T06:40");
}

#[test]
fn a_future_marker_far_back_in_the_clause_puts_a_month_ahead() {
    one(
        "Captain Ilse Varga will be named pilot of the survey ship Ardent for a voyage in February.",
        "February",
        "2026-02",
    );
    // A past-tense verb of its own between them keeps the nearest year.
    one(
        "Varga will say the board approved the survey of the northern coastal waters in February.",
        "February",
        "2025-02",
    );
}

#[test]
fn scheduled_present_verbs_put_a_weekday_ahead() {
    one("The committee meets Wednesday to pick a chair.", "Wednesday", "2025-03-19");
    one("The two envoys travel jointly on Monday to the border.", "Monday", "2025-03-17");
    // A past verb in the clause, or a noun before the weekday, keeps it behind.
    one("Officials said the committee meets Wednesday.", "Wednesday", "2025-03-12");
    one("The swim meet Saturday drew a crowd.", "Saturday", "2025-03-08");
}

#[test]
fn a_purpose_deadline_lies_ahead() {
    one("The board has a scheme to cut the debt by February.", "February", "2026-02");
    one("The board cut the debt to a third by February.", "February", "2025-02");
}

#[test]
fn a_bare_month_repeats_the_one_the_story_placed() {
    one("Talks are due to resume in October. Delegates expect progress in October.", "October", "2025-10");
    // Its own past verb keeps the nearest year.
    let got = tag("Talks are due to resume in October. Since the envoy left in October, little moved.");
    assert!(got.iter().any(|(t, v)| t == "October" && v == "2024-10"), "{got:?}");
}

#[test]
fn a_later_date_of_a_list_ahead_lies_ahead() {
    one("Ferries would sail from March 30, with a night service from August 6.", "August 6", "2025-08-06");
    one("The last ferry sails on May 2. The pier reopened on August 6.", "August 6", "2024-08-06");
}

#[test]
fn last_month_just_gone_is_a_year_back() {
    one("The dam burst last March after heavy rain.", "last March", "2024-03");
    one("The dam burst last February after heavy rain.", "last February", "2024-02");
    one("The dam burst last October after heavy rain.", "last October", "2024-10");
}
