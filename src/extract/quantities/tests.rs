//! Quantity tests on sentences written for them.

use super::*;
use crate::model::{Anchor, Block, BlockKind};

/// One paragraph block holding one sentence per line of `text`.
pub(crate) fn doc_parts(text: &str) -> (Vec<Block>, Vec<SentenceSpan>) {
    let blocks = vec![Block { kind: BlockKind::Paragraph, start: 0, end: text.len(), text: None, reason: None }];
    let mut sents = Vec::new();
    let mut off = 0;
    for line in text.split('\n') {
        if !line.is_empty() {
            sents.push(SentenceSpan { start: off, end: off + line.len(), block: 0 });
        }
        off += line.len() + 1;
    }
    (blocks, sents)
}

pub(crate) fn mk_doc<'a>(text: &'a str, blocks: &'a [Block], sents: &'a [SentenceSpan]) -> Doc<'a> {
    static ID: std::sync::LazyLock<crate::model::ArticleId> = std::sync::LazyLock::new(|| "a.txt".into());
    Doc { id: &ID, text, blocks, sentences: sents, published: None, anchor: Anchor::None }
}

fn q_with(text: &str, dates: &[DateMention]) -> Vec<Quantity> {
    let (b, s) = doc_parts(text);
    let d = mk_doc(text, &b, &s);
    let out = extract(&d, &s[0], dates);
    for q in &out {
        assert_eq!(q.text, &text[q.start..q.end]);
    }
    out
}

fn q(text: &str) -> Vec<Quantity> {
    q_with(text, &[])
}

fn one(text: &str) -> Quantity {
    let v = q(text);
    assert_eq!(v.len(), 1, "{text}: {v:#?}");
    v.into_iter().next().unwrap()
}

#[test]
fn digits_and_counts() {
    let x = one("Officials evacuated 2,000 residents from the valley.");
    assert_eq!((x.value, x.counts.as_deref(), x.text.as_str()), (2000.0, Some("resident"), "2,000"));
    let x = one("The agency counted 14,000 displaced people in the camps.");
    assert_eq!((x.value, x.counts.as_deref()), (14000.0, Some("people")));
    let x = one("Rescuers found 3 casualties near the bridge.");
    assert_eq!(x.counts.as_deref(), Some("casualty"));
}

#[test]
fn word_numbers() {
    assert_eq!(one("Seven bridges were closed.").value, 7.0);
    assert_eq!(one("The town has thirty-two shelters.").value, 32.0);
    let x = one("Two hundred and fifty volunteers joined.");
    assert_eq!((x.value, x.counts.as_deref()), (250.0, Some("volunteer")));
    assert_eq!(one("They sent a dozen trucks.").value, 12.0);
    assert_eq!(one("The fund reached three million donors.").value, 3e6);
    // vague plurals are not numbers
    assert!(q("Hundreds of people gathered and dozens were hurt.").is_empty());
    // "one" without a unit is a pronoun or an idiom
    assert!(q("One of the guards said one thing.").is_empty());
}

#[test]
fn scales() {
    assert_eq!(one("The region lost 1.2 million jobs.").value, 1.2e6);
    let x = one("Investors pledged $5bn for the port.");
    assert_eq!((x.value, x.unit.as_deref()), (5e9, Some("USD")));
}

#[test]
fn ranges() {
    let x = one("Between 1,500 to 2,000 homes were flooded.");
    assert_eq!((x.value, x.high), (1500.0, Some(2000.0)));
    let x = one("The blast damaged 1,500-2,000 homes.");
    assert_eq!((x.value, x.high, x.counts.as_deref()), (1500.0, Some(2000.0), Some("home")));
    let x = one("The talks involved between 10 and 12 delegations.");
    assert_eq!((x.value, x.high, x.text.as_str()), (10.0, Some(12.0), "between 10 and 12"));
    let x = one("The repairs will cost 1.5 to 2 million euros.");
    assert_eq!((x.value, x.high, x.unit.as_deref()), (1.5e6, Some(2e6), Some("EUR")));
    // "from X to Y" is a change: two quantities
    let v = q("Membership rose from 5,000 to 7,000 people.");
    assert_eq!(v.iter().map(|q| q.value).collect::<Vec<_>>(), vec![5000.0, 7000.0]);
}

#[test]
fn approximations() {
    let cases = [
        ("About 300 workers joined.", Approx::About),
        ("Around 300 workers joined.", Approx::About),
        ("Roughly 300 workers joined.", Approx::About),
        ("Some 300 workers joined.", Approx::About),
        ("Close to 300 workers joined.", Approx::About),
        ("Nearly 300 workers joined.", Approx::Nearly),
        ("Almost 300 workers joined.", Approx::Nearly),
        ("Just under 300 workers joined.", Approx::Nearly),
        ("At least 300 workers joined.", Approx::AtLeast),
        ("More than 300 workers joined.", Approx::MoreThan),
        ("Over 300 workers joined.", Approx::MoreThan),
        ("Fewer than 300 workers joined.", Approx::LessThan),
        ("Up to 300 workers joined.", Approx::AtMost),
        ("It said 300 workers joined.", Approx::Exact),
    ];
    for (t, a) in cases {
        let x = one(t);
        assert_eq!((x.approx, x.value), (a, 300.0), "{t}");
    }
    let x = one("The strike drew more than 300 workers.");
    assert_eq!(x.text, "more than 300");
    let x = one("An estimated 4,000 fans attended.");
    assert_eq!(x.approx, Approx::About);
    assert!(x.qualifiers.contains(&"estimated".to_string()));
}

#[test]
fn hyphen_compounds() {
    let x = one("Leaders met for a three-day summit in the capital.");
    assert_eq!((x.value, x.unit.as_deref(), x.counts.as_deref()), (3.0, Some("day"), Some("summit")));
    let x = one("The minister unveiled a 12-point recovery plan.");
    assert_eq!((x.value, x.unit.as_deref(), x.counts.as_deref()), (12.0, Some("point"), Some("plan")));
    let x = one("A 1,500-strong force was deployed.");
    assert_eq!((x.value, x.unit, x.counts.as_deref()), (1500.0, None, Some("force")));
    // a scale inside the compound, with the currency before it or inside it
    let x = one("The city won a two-million-euro grant for the harbour.");
    assert_eq!((x.value, x.unit.as_deref(), x.counts.as_deref()), (2e6, Some("EUR"), Some("grant")));
    let x = one("The board approved a $2.6-million repair budget.");
    assert_eq!((x.value, x.unit.as_deref(), x.text.as_str()), (2.6e6, Some("USD"), "$2.6-million"));
    let x = one("It is a 10-billion-dollar plan.");
    assert_eq!((x.value, x.unit.as_deref()), (1e10, Some("USD")));
    let x = one("A 1.5-million-strong crowd filled the square.");
    assert_eq!((x.value, x.unit.as_deref()), (1.5e6, None));
    // idioms with "one" are not quantities
    assert!(q("It was a one-off payment in a one-sided deal.").is_empty());
    assert!(q("It was a zero-sum game.").is_empty());
}

#[test]
fn ordinals() {
    let x = one("It was the president's third visit to the region.");
    assert_eq!((x.value, x.ordinal, x.counts.as_deref()), (3.0, true, Some("visit")));
    let x = one("Crews began the 14th inspection of the dam.");
    assert_eq!((x.value, x.ordinal), (14.0, true));
    // "first", fractions, dates, names: not ordinals
    assert!(q("It was the first visit since the war.").is_empty());
    assert!(q("A third of the budget went unspent.").is_empty());
    assert!(q("The Second World War ended.").is_empty());
    assert!(q("The vote is on the 13th of March.").is_empty());
}

#[test]
fn money() {
    let x = one("The EU approved €450 million for repairs.");
    assert_eq!((x.value, x.unit.as_deref(), x.text.as_str()), (450e6, Some("EUR"), "€450 million"));
    let x = one("The bank set aside 450 million euros.");
    assert_eq!((x.value, x.unit.as_deref()), (450e6, Some("EUR")));
    let x = one("Tickets cost £40 each.");
    assert_eq!((x.value, x.unit.as_deref()), (40.0, Some("GBP")));
    let x = one("The firm paid US$2.5bn in fines.");
    assert_eq!((x.value, x.unit.as_deref(), x.text.as_str()), (2.5e9, Some("USD"), "US$2.5bn"));
    let x = one("Tenants pay €450 per month.");
    assert_eq!(x.unit.as_deref(), Some("EUR/month"));
    let x = one("The company won a $5bn contract.");
    assert_eq!(x.counts.as_deref(), Some("contract"));
}

#[test]
fn percent_and_units() {
    let x = one("Turnout fell 12% in the north.");
    assert_eq!((x.value, x.unit.as_deref(), x.text.as_str()), (12.0, Some("percent"), "12%"));
    assert_eq!(one("Prices rose 12 percent.").unit.as_deref(), Some("percent"));
    assert_eq!(one("Prices rose 12 per cent.").unit.as_deref(), Some("percent"));
    assert_eq!(one("Support fell by three percentage points.").unit.as_deref(), Some("percentage point"));
    let x = one("The fire burned 1,200 square kilometres of farmland.");
    assert_eq!((x.unit.as_deref(), x.counts.as_deref()), (Some("km2"), Some("farmland")));
    let x = one("The meeting lasted five hours.");
    assert_eq!((x.value, x.unit.as_deref(), x.counts), (5.0, Some("hour"), None));
    assert_eq!(one("The convoy drove 40km to the border.").unit.as_deref(), Some("km"));
    let x = one("The plant ships 300 tonnes of grain a month.");
    assert_eq!((x.unit.as_deref(), x.counts.as_deref()), (Some("tonne"), Some("grain")));
    let x = one("Some 12% of voters stayed home.");
    assert_eq!(x.counts.as_deref(), Some("voter"));
}

#[test]
fn years_are_not_counts() {
    assert!(q("The law was passed in 2019 after a long debate.").is_empty());
    assert!(q("The 1990s were hard for the town.").is_empty());
}

#[test]
fn dates_are_not_counts() {
    assert!(q("The vote is on March 13 in the city.").is_empty());
    assert!(q("The vote was held on 13 March.").is_empty());
    let t = "The ceasefire began on the 5 of the month.";
    let d = DateMention {
        article: "a.txt".into(),
        start: 22,
        end: 40,
        text: t[22..40].into(),
        kind: DateKind::Date,
        value: None,
        anchor: Anchor::None,
        expr: None,
        rule: "test".into(),
    };
    assert!(q_with(t, &[d]).is_empty());
}

#[test]
fn durations_from_the_tagger_stay_quantities() {
    let t = "The talks lasted three days.";
    let d = DateMention {
        article: "a.txt".into(),
        start: 17,
        end: 27,
        text: t[17..27].into(),
        kind: DateKind::Duration,
        value: Some("P3D".into()),
        anchor: Anchor::Absolute,
        expr: None,
        rule: "test".into(),
    };
    let v = q_with(t, &[d]);
    assert_eq!(v.len(), 1);
    assert_eq!((v[0].value, v[0].unit.as_deref()), (3.0, Some("day")));
}

#[test]
fn clock_times_are_not_counts() {
    assert!(q("The session opened at 9:30 sharp.").is_empty());
    assert!(q("Polls close at 10pm tonight.").is_empty());
    assert!(q("Polls close at 10 p.m. tonight.").is_empty());
    assert!(q("The train left at 7.45 from the station.").is_empty());
}

#[test]
fn ages_are_not_counts() {
    assert!(q("Marek Volkov, 54, was arrested.").is_empty());
    assert!(q("A 54-year-old man was arrested.").is_empty());
    assert!(q("The suspect, aged 54, was arrested.").is_empty());
    assert!(q("The driver was 54 years old.").is_empty());
}

#[test]
fn phone_numbers_are_not_counts() {
    assert!(q("Call 555-123-4567 for help.").is_empty());
    assert!(q("Call +44 20 7946 0958 for help.").is_empty());
    assert!(q("Call 0800 555 for help.").is_empty());
}

#[test]
fn names_are_not_counts() {
    assert!(q("The G7 leaders discussed Covid-19 vaccines.").is_empty());
    assert!(q("The airline grounded its Boeing 737 fleet.").is_empty());
    assert!(q("Members invoked Article 5 of the treaty.").is_empty());
    assert!(q("The Big Three met in private.").is_empty());
}

#[test]
fn list_markers_scores_ratios_are_not_counts() {
    assert!(q("1. The council must publish its accounts.").is_empty());
    assert!(q("The home side won 3-1 on Saturday.").is_empty());
    assert!(q("One in five adults smokes.").is_empty());
    assert!(q("Two thirds of members agreed.").is_empty());
}

#[test]
fn counts_skip_adjectives() {
    let x = one("Inspectors filed two further reports.");
    assert_eq!(x.counts.as_deref(), Some("report"));
    assert!(x.qualifiers.contains(&"additional".to_string()));
    let x = one("The storm destroyed 40 wooden bridges overnight.");
    assert_eq!(x.counts.as_deref(), Some("bridge"));
    let x = one("Three people were killed.");
    assert_eq!(x.counts.as_deref(), Some("people"));
    let x = one("The army sent 200 more troops.");
    assert_eq!(x.counts.as_deref(), Some("troop"));
    assert!(x.qualifiers.contains(&"additional".to_string()));
}

#[test]
fn qualifiers() {
    let x = one("The initial estimate of 2,000 victims was too low.");
    assert_eq!(x.qualifiers, vec!["initial".to_string()]);
    let x = one("Officials gave a revised figure of 3,100 homes.");
    assert!(x.qualifiers.contains(&"revised".to_string()));
    let x = one("The company hired 500 workers last year.");
    assert!(x.qualifiers.contains(&"last year".to_string()), "{:?}", x.qualifiers);
    let x = one("In 2024, the company hired 500 workers.");
    assert!(x.qualifiers.contains(&"2024".to_string()), "{:?}", x.qualifiers);
    // a qualifier of another noun is not taken
    let x = one("The new minister said 500 homes were lost.");
    assert!(!x.qualifiers.contains(&"new".to_string()), "{:?}", x.qualifiers);
    // each time word goes to its own quantity
    let v = q("Output grew from 5,000 tonnes in 2023 to 7,000 tonnes in 2024.");
    assert_eq!(v.len(), 2);
    assert_eq!(v[0].qualifiers, vec!["2023".to_string()]);
    assert_eq!(v[1].qualifiers, vec!["2024".to_string()]);
}

#[test]
fn unicode_text_is_safe() {
    let v = q("“Nearly 40 people”—the mayor’s count—fled Zürich’s old town…");
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].value, 40.0);
    assert!(q("…").is_empty());
}

#[test]
fn noun_phrase_ends_at_a_verb() {
    let x = one("The three-day summit broke up late.");
    assert_eq!(x.counts.as_deref(), Some("summit"));
    let x = one("The nine-point plan drops several proposals.");
    assert_eq!(x.counts.as_deref(), Some("plan"));
    let x = one("Families were moved three times since the flood.");
    assert_eq!((x.unit.as_deref(), x.counts), (Some("times"), None));
}

#[test]
fn amounts_before_a_year_are_not_ratios() {
    let v = q("The budget rose to €30 million for 2025, up from €22 million in 2024.");
    assert_eq!(v.len(), 2);
    assert_eq!(v[0].qualifiers, vec!["2025".to_string()]);
    assert_eq!(v[1].qualifiers, vec!["2024".to_string()]);
    assert!(q("At two in the morning the water rose.").is_empty());
}

#[test]
fn real_text_shapes() {
    assert!(q("The attacks of Sept. 11 changed the agency.").is_empty());
    assert!(q("The post had id 672153025243426816 in the feed.").is_empty());
    let x = one("Only 45 percent chose the mayor.");
    assert_eq!(x.counts, None);
    let x = one("Officials from 14 national anti-doping agencies met.");
    assert_eq!(x.counts.as_deref(), Some("agency"));
    let x = one("Each line lasts two and a half hours.");
    assert_eq!((x.value, x.unit.as_deref()), (2.5, Some("hour")));
    let x = one("Staff signed at least two non-disclosure agreements her first week.");
    assert_eq!(x.counts.as_deref(), Some("agreement"));
}

#[test]
fn fractions_and_spoken_numbers() {
    let x = one("The flight took 5 1/2 hours.");
    assert_eq!((x.value, x.unit.as_deref()), (5.5, Some("hour")));
    let x = one("The notes pay 12 3/4% a year.");
    assert_eq!((x.value, x.unit.as_deref()), (12.75, Some("percent/year")));
    assert!(q("It happened in nineteen seventy-nine near the river.").is_empty());
    let x = one("Her land was worth a hundred thirty million dollars.");
    assert_eq!((x.value, x.unit.as_deref()), (130e6, Some("USD")));
    assert_eq!(one("They sold a million copies.").value, 1e6);
    assert!(q("She is a 20th century writer.").is_empty());
}

#[test]
fn digit_grouping() {
    assert_eq!(parse_digits("14,000"), Some((14000.0, true, false, "")));
    assert_eq!(parse_digits("1,234,567.5"), Some((1234567.5, true, true, "")));
    assert_eq!(parse_digits("2.5bn"), Some((2.5, false, true, "bn")));
    assert_eq!(parse_digits("1,5"), None);
    assert_eq!(parse_digits("1234,567"), None);
    assert_eq!(parse_digits("020"), None);
    assert_eq!(parse_digits("3D"), Some((3.0, false, false, "D")));
    assert_eq!(parse_digits("5é"), None);
}

#[test]
fn tokens() {
    let t = "Le “Zürich” fund, US$2.5bn—thirty-two km/h; 9:30, 1,500–2,000 Volkov’s.";
    let toks: Vec<&str> = tokenize(t, 0).iter().map(|t| t.text).collect();
    assert_eq!(
        toks,
        vec![
            "Le",
            "“",
            "Zürich",
            "”",
            "fund",
            ",",
            "US",
            "$",
            "2.5bn",
            "—",
            "thirty-two",
            "km/h",
            ";",
            "9:30",
            ",",
            "1,500–2,000",
            "Volkov’s",
            "."
        ]
    );
    for tk in tokenize(t, 3) {
        assert_eq!(tk.text, &t[tk.start - 3..tk.end - 3]);
    }
}

#[test]
fn a_participle_after_the_noun_ends_it() {
    assert_eq!(one("It revived the original 12-point outline drafted in May.").counts.as_deref(), Some("outline"));
}

#[test]
fn a_verb_after_the_number_is_not_counted() {
    assert_eq!(one("About $60 million flowed into the fund.").counts, None);
    assert_eq!(one("Officials said 2,000 displaced people need shelter.").counts.as_deref(), Some("people"));
}

#[test]
fn lemmas() {
    assert_eq!(lemma("casualties"), "casualty");
    assert_eq!(lemma("buses"), "buse");
    assert_eq!(lemma("churches"), "church");
    assert_eq!(lemma("persons"), "people");
    assert_eq!(lemma("children"), "child");
}

#[test]
fn rates_read_their_period_from_the_lexicon() {
    // a period noun after a rate lead, an adverb alone (rate-periods.tsv, rate-leads.txt)
    assert_eq!(one("The fund pays 4% per annum.").unit.as_deref(), Some("percent/year"));
    assert_eq!(one("Tolls rise 3% every month.").unit.as_deref(), Some("percent/month"));
    assert_eq!(one("Fares rose 2% annually.").unit.as_deref(), Some("percent/year"));
    assert_eq!(one("Wages rose 1.5% weekly.").unit.as_deref(), Some("percent/week"));
    // an adverb needs no lead, and a noun is no rate without one
    assert_eq!(one("Wages rose 1.5% per weekly.").unit.as_deref(), Some("percent"));
    // the wire plurals of abbreviated units
    assert_eq!(one("The church stood 145 kms from the city.").unit.as_deref(), Some("km"));
    assert_eq!(one("Police found 600 kgs of explosives.").unit.as_deref(), Some("kg"));
    // fractions: the number before a plural fraction noun is no count
    assert!(q("Two fifths of the voters stayed home.").iter().all(|x| x.value != 2.0));
    assert!(q("Three eighths of the budget went to roads.").iter().all(|x| x.value != 3.0));
}

#[test]
fn a_name_after_a_number_is_not_what_it_counts() {
    // a leaderboard's rank and score
    let rank = q("- 1 Tim Herron through 4");
    let rank = rank.iter().find(|x| x.value == 1.0).expect("the rank is a quantity");
    assert_eq!(rank.counts, None);
    assert_eq!(one("70 Paul Goydos, Billy Mayfair").counts, None);
    // a name before a noun is the noun's modifier
    assert_eq!(one("Crane holds 504,200 Milton Roy shares.").counts.as_deref(), Some("share"));
}
