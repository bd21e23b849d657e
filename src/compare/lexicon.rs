//! Word lists for the alignment rules: what a number counts, what happened
//! to it, and what makes two numbers about different things. General English
//! news vocabulary, grouped into classes so that wording differences between
//! outlets ("residents were evacuated" / "people had to leave their homes")
//! meet while different facts ("evacuated" / "affected") stay apart.

/// Nouns that name the same kind of counted thing. Returns the class.
pub fn noun_class(lemma: &str) -> Option<&'static str> {
    Some(match lemma {
        "people" | "resident" | "civilian" | "inhabitant" | "citizen" | "villager" | "individual" => "people",
        "evacuee" => "people",
        "summit" | "meeting" | "talk" | "session" | "conference" | "negotiation" | "gathering" => "meeting",
        "plan" | "outline" | "proposal" | "blueprint" | "roadmap" => "plan",
        "fund" | "pledge" | "package" | "funding" => "fund",
        "home" | "house" | "dwelling" => "home",
        // "seven participating governments" are the seven countries.
        "country" | "nation" | "government" => "country",
        "delegation" => "delegation",
        "budget" => "budget",
        "aid" => "aid",
        _ => return None,
    })
}

/// Counted nouns that say nothing on their own: "2,000 people" needs a verb
/// ("evacuated", "affected") before it can be compared with another count.
pub fn is_generic_noun(class: &str) -> bool {
    matches!(class, "people" | "family" | "household" | "child" | "adult" | "man" | "woman")
}

/// Head nouns worth looking back for when the extractor left `counts` empty
/// ("the amended plan, cut to about 9 points"; "a summit lasting three days").
pub fn is_backfill_noun(class: &str) -> bool {
    matches!(class, "meeting" | "plan" | "fund" | "budget")
}

/// Counted words that are really units ("9 points", "three hours").
pub fn unit_of_word(lemma: &str) -> Option<&'static str> {
    Some(match lemma {
        "point" => "point",
        "second" => "second",
        "minute" | "min" => "minute",
        "hour" | "hr" => "hour",
        "day" => "day",
        "week" => "week",
        "month" => "month",
        "year" => "year",
        "percent" | "per cent" | "%" | "pct" | "percentage point" => "percent",
        "km" | "kilometre" | "kilometer" => "km",
        "km2" | "km²" | "sq km" | "square kilometre" | "square kilometer" => "km2",
        "mile" => "mile",
        "metre" | "meter" | "m" => "metre",
        "tonne" | "ton" | "metric ton" | "t" => "tonne",
        "kg" | "kilogram" => "kg",
        "litre" | "liter" => "litre",
        "hectare" | "ha" => "hectare",
        "acre" => "acre",
        "eur" | "€" | "euro" => "EUR",
        "usd" | "$" | "dollar" | "us$" => "USD",
        "gbp" | "£" | "pound" => "GBP",
        _ => return None,
    })
}

pub fn is_time_unit(unit: &str) -> bool {
    matches!(unit, "second" | "minute" | "hour" | "day" | "week" | "month" | "year")
}

pub fn is_money_unit(unit: &str) -> bool {
    unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase())
}

/// What happened to the counted thing. Only verbs that change which fact a
/// number is about are listed; "agreed", "said", "pledged" do not.
pub fn predicate_class(word: &str) -> Option<&'static str> {
    Some(match word {
        "evacuate" | "evacuated" | "evacuating" | "displaced" | "displace" | "fled" | "flee" | "fleeing"
        | "relocated" | "rehoused" | "evacuees" => "evacuated",
        "killed" | "kill" | "dead" | "died" | "die" | "deaths" | "death" | "fatalities" | "killing" => "killed",
        "injured" | "injuring" | "injuries" | "wounded" | "hurt" => "injured",
        "missing" => "missing",
        "affected" | "affecting" | "affect" | "affects" => "affected",
        "rescued" | "rescue" | "rescuing" => "rescued",
        "arrested" | "arrests" | "detained" | "arrest" => "arrested",
        "damaged" | "damaging" => "damaged",
        "destroyed" | "destroying" => "destroyed",
        "attended" | "attending" | "attend" | "participating" | "took part" => "attending",
        "closed" | "closing" => "closed",
        "delayed" | "delay" => "delayed",
        "inspected" | "inspecting" | "examined" | "checked" | "surveyed" => "inspected",
        "hospitalized" | "hospitalised" => "hospitalized",
        "depend" | "depends" | "rely" | "relies" => "depend",
        "protesting" | "protested" | "marched" => "protesting",
        "sheltering" | "shelters" | "sheltered" => "sheltering",
        "stranded" => "stranded",
        "employed" | "employs" | "employ" => "employed",
        "lasted" | "lasting" | "ran" => "lasted",
        _ => return None,
    })
}

/// Words in the sentence that mark a revised or later figure.
pub fn is_revision_word(word: &str) -> bool {
    matches!(
        word,
        "revised"
            | "amended"
            | "updated"
            | "cut"
            | "reduced"
            | "slashed"
            | "trimmed"
            | "lowered"
            | "raised"
            | "increased"
            | "scaled"
            | "shortened"
            | "downsized"
    )
}

/// Verbs of an event's start or end ("the summit ended on Thursday").
pub fn event_verb_class(word: &str) -> Option<&'static str> {
    Some(match word {
        // Past forms only: "when the summit ends" is a plan, not a report.
        "ended" | "closed" | "concluded" | "finished" | "wrapped" => "ended",
        "began" | "opened" | "started" | "begun" | "kicked" => "began",
        "collapsed" => "collapsed",
        "signed" => "signed",
        "died" => "died",
        _ => return None,
    })
}

/// Nouns of events that have dates and outcomes.
pub fn event_noun_class(lemma: &str) -> Option<&'static str> {
    Some(match lemma {
        "summit" | "meeting" | "talk" | "conference" | "negotiation" | "session" | "gathering" => "meeting",
        "vote" | "ballot" | "referendum" | "election" => "vote",
        "hearing" | "trial" => "trial",
        "ceremony" | "launch" | "match" | "game" | "race" | "concert" | "festival" | "parade" | "strike" => {
            lemma_static(lemma)
        }
        _ => return None,
    })
}

fn lemma_static(lemma: &str) -> &'static str {
    match lemma {
        "ceremony" => "ceremony",
        "launch" => "launch",
        "match" => "match",
        "game" => "game",
        "race" => "race",
        "concert" => "concert",
        "festival" => "festival",
        "parade" => "parade",
        _ => "strike",
    }
}

/// Words that make a sentence about the future or a plan, not a fact.
pub fn is_modal_word(word: &str) -> bool {
    matches!(
        word,
        "expect"
            | "expects"
            | "expected"
            | "will"
            | "would"
            | "scheduled"
            | "due"
            | "plan"
            | "plans"
            | "planned"
            | "could"
            | "may"
            | "might"
            | "should"
            | "hope"
            | "hopes"
            | "hoped"
            | "set"
            | "likely"
            | "until"
            | "next"
            | "if"
    )
}

/// Counted nouns that describe rather than report ("two regions", "both sides").
pub fn is_vague_noun(class: &str) -> bool {
    matches!(
        class,
        "region"
            | "place"
            | "area"
            | "part"
            | "side"
            | "way"
            | "time"
            | "thing"
            | "kind"
            | "type"
            | "step"
            | "stage"
            | "round"
            | "piece"
            | "level"
            | "group"
            | "term"
            | "word"
            | "question"
            | "issue"
            | "reason"
    )
}
