//! Word tables of the quantity scanner: number words, units, currencies,
//! approximations, qualifiers and the word classes that end a noun phrase.

use super::*;

// ------------------------------------------------------------------ lexicons

pub(super) fn small_number(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

pub(super) fn tens_number(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

pub(super) fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mn" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

pub(super) fn ordinal_word(w: &str) -> Option<f64> {
    Some(match w {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "hundredth" => 100.0,
        _ => return None,
    })
}

/// Measure units after a number, by lowercase surface form → canonical unit.
pub(super) static UNITS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let pairs: &[(&[&str], &str)] = &[
        (&["hour", "hours", "hr", "hrs"], "hour"),
        (&["minute", "minutes", "min", "mins"], "minute"),
        (&["second", "seconds", "sec", "secs"], "second"),
        (&["day", "days"], "day"),
        (&["week", "weeks"], "week"),
        (&["month", "months"], "month"),
        (&["year", "years"], "year"),
        (&["decade", "decades"], "decade"),
        (&["century", "centuries"], "century"),
        (&["km", "kilometre", "kilometres", "kilometer", "kilometers"], "km"),
        (&["mile", "miles"], "mile"),
        (&["metre", "metres", "meter", "meters"], "m"),
        (&["cm", "centimetre", "centimetres", "centimeter", "centimeters"], "cm"),
        (&["mm", "millimetre", "millimetres", "millimeter", "millimeters"], "mm"),
        (&["ft", "foot", "feet"], "ft"),
        (&["inch", "inches"], "inch"),
        (&["km2", "km²", "sqkm"], "km2"),
        (&["m2", "m²"], "m2"),
        (&["hectare", "hectares", "ha"], "ha"),
        (&["acre", "acres"], "acre"),
        (&["tonne", "tonnes", "ton", "tons"], "tonne"),
        (&["kg", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos"], "kg"),
        (&["gram", "grams", "gramme", "grammes"], "g"),
        (&["lb", "lbs"], "lb"),
        (&["litre", "litres", "liter", "liters"], "l"),
        (&["gallon", "gallons"], "gallon"),
        (&["barrel", "barrels"], "barrel"),
        (&["mw", "megawatt", "megawatts"], "MW"),
        (&["gw", "gigawatt", "gigawatts"], "GW"),
        (&["kw", "kilowatt", "kilowatts"], "kW"),
        (&["kwh"], "kWh"),
        (&["mwh"], "MWh"),
        (&["mph"], "mph"),
        (&["km/h", "kph", "kmh"], "km/h"),
        (&["knot", "knots"], "knot"),
        (&["degree", "degrees"], "degree"),
        (&["point", "points"], "point"),
        (&["percent", "pct"], "percent"),
        (&["times"], "times"),
    ];
    pairs.iter().flat_map(|(ws, u)| ws.iter().map(move |w| (*w, *u))).collect()
});

/// Currency words after a number.
pub(super) fn currency_word(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "euro" | "euros" => ("EUR", 1.0),
        "dollar" | "dollars" => ("USD", 1.0),
        "pound" | "pounds" | "sterling" => ("GBP", 1.0),
        "yen" => ("JPY", 1.0),
        "yuan" | "renminbi" => ("CNY", 1.0),
        "rupee" | "rupees" => ("INR", 1.0),
        "rouble" | "roubles" | "ruble" | "rubles" => ("RUB", 1.0),
        "franc" | "francs" => ("CHF", 1.0),
        "hryvnia" | "hryvnias" => ("UAH", 1.0),
        "cent" | "cents" => ("USD", 0.01),
        "pence" => ("GBP", 0.01),
        _ => return None,
    })
}

pub(super) fn currency_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "JPY" => "JPY",
        "CNY" => "CNY",
        "CHF" => "CHF",
        "INR" => "INR",
        "RUB" => "RUB",
        "UAH" => "UAH",
        "AUD" => "AUD",
        "CAD" => "CAD",
        _ => return None,
    })
}

pub(super) fn currency_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₹" => "INR",
        "₽" => "RUB",
        "₴" => "UAH",
        _ => return None,
    })
}

/// `US$`, `A$`: a letter prefix glued to the dollar sign.
pub(super) fn dollar_prefix(s: &str) -> Option<&'static str> {
    Some(match s {
        "US" => "USD",
        "A" | "AU" => "AUD",
        "C" | "CA" => "CAD",
        "HK" => "HKD",
        "NZ" => "NZD",
        "S" => "SGD",
        _ => return None,
    })
}

pub(super) fn period_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "hour" => "hour",
        "day" => "day",
        "week" => "week",
        "month" => "month",
        "year" | "annum" => "year",
        _ => return None,
    })
}

pub(super) fn month_word(t: &str) -> bool {
    matches!(
        t,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

pub(super) fn weekday_word(t: &str) -> bool {
    matches!(t, "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday")
}

/// Approximation phrases before a number, longest first within each.
pub(super) const APPROX_BEFORE: &[(&[&str], Approx)] = &[
    (&["more", "than"], Approx::MoreThan),
    (&["greater", "than"], Approx::MoreThan),
    (&["upwards", "of"], Approx::MoreThan),
    (&["in", "excess", "of"], Approx::MoreThan),
    (&["just", "over"], Approx::MoreThan),
    (&["well", "over"], Approx::MoreThan),
    (&["over"], Approx::MoreThan),
    (&["above"], Approx::MoreThan),
    (&["at", "least"], Approx::AtLeast),
    (&["no", "fewer", "than"], Approx::AtLeast),
    (&["no", "less", "than"], Approx::AtLeast),
    (&["a", "minimum", "of"], Approx::AtLeast),
    (&["fewer", "than"], Approx::LessThan),
    (&["less", "than"], Approx::LessThan),
    (&["under"], Approx::LessThan),
    (&["below"], Approx::LessThan),
    (&["up", "to"], Approx::AtMost),
    (&["at", "most"], Approx::AtMost),
    (&["no", "more", "than"], Approx::AtMost),
    (&["a", "maximum", "of"], Approx::AtMost),
    (&["just", "under"], Approx::Nearly),
    (&["just", "shy", "of"], Approx::Nearly),
    (&["nearly"], Approx::Nearly),
    (&["almost"], Approx::Nearly),
    (&["close", "to"], Approx::About),
    (&["about"], Approx::About),
    (&["around"], Approx::About),
    (&["roughly"], Approx::About),
    (&["some"], Approx::About),
    (&["approximately"], Approx::About),
    (&["an", "estimated"], Approx::About),
    (&["estimated"], Approx::About),
    (&["circa"], Approx::About),
    (&["approx"], Approx::About),
];

/// Words that change what a number means → the qualifier recorded.
pub(super) fn qualifier_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "initial" | "initially" => "initial",
        "original" | "originally" => "original",
        "revised" => "revised",
        "amended" => "amended",
        "updated" => "updated",
        "earlier" => "earlier",
        "new" => "new",
        "final" => "final",
        "preliminary" => "preliminary",
        "previous" | "prior" => "previous",
        "proposed" => "proposed",
        "planned" => "planned",
        "estimated" => "estimated",
        "official" | "officially" => "official",
        "unofficial" => "unofficial",
        "additional" | "further" | "extra" | "another" | "more" => "additional",
        "total" => "total",
        "confirmed" => "confirmed",
        "latest" => "latest",
        "expected" => "expected",
        "projected" => "projected",
        "provisional" => "provisional",
        _ => return None,
    })
}

/// Function words: they end a noun phrase and are never what is counted.
pub(super) fn stop_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "by"
            | "with"
            | "and"
            | "or"
            | "but"
            | "as"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "this"
            | "these"
            | "those"
            | "it"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "they"
            | "he"
            | "she"
            | "we"
            | "you"
            | "i"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "can"
            | "shall"
            | "do"
            | "does"
            | "did"
            | "not"
            | "no"
            | "than"
            | "then"
            | "so"
            | "if"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "about"
            | "after"
            | "before"
            | "since"
            | "until"
            | "while"
            | "per"
            | "each"
            | "every"
            | "less"
            | "ago"
            | "later"
            | "also"
            | "only"
            | "just"
            | "still"
            | "yet"
            | "already"
            | "last"
            | "next"
            | "out"
            | "up"
            | "down"
            | "off"
            | "here"
            | "there"
            | "when"
            | "where"
            | "why"
            | "how"
            | "what"
            | "all"
            | "both"
            | "either"
            | "neither"
            | "between"
            | "among"
            | "across"
            | "through"
            | "during"
            | "against"
            | "without"
            | "within"
            | "along"
            | "around"
            | "near"
            | "said"
            | "says"
            | "say"
            | "told"
            | "tell"
            | "according"
            | "including"
            | "compared"
            | "behind"
            | "ahead"
            | "away"
            | "long"
            | "old"
            | "apiece"
            | "each."
            | "respectively"
            | "too"
            | "very"
            | "once"
            | "twice"
            | "again"
            | "now"
            | "today"
            | "tonight"
            | "yesterday"
            | "tomorrow"
            | "other"
            | "others"
            | "such"
            | "own"
            | "some"
            | "any"
            | "many"
            | "much"
            | "few"
            | "several"
            | "via"
            | "toward"
            | "towards"
            | "because"
            | "though"
            | "although"
            | "unless"
            | "whether"
            | "upon"
    )
}

/// Words before a number that make it an identifier, not an amount
/// ("Article 5", "flight 370", "No. 10").
pub(super) fn identifier_word(w: &str) -> bool {
    matches!(
        w,
        "article"
            | "section"
            | "clause"
            | "chapter"
            | "page"
            | "paragraph"
            | "resolution"
            | "flight"
            | "route"
            | "room"
            | "platform"
            | "gate"
            | "highway"
            | "interstate"
            | "version"
            | "model"
            | "category"
            | "level"
            | "stage"
            | "phase"
            | "grade"
            | "tier"
            | "number"
            | "no"
            | "season"
            | "episode"
            | "series"
            | "item"
            | "rule"
            | "amendment"
            | "unit"
            | "block"
            | "lot"
            | "row"
            | "seat"
            | "runway"
            | "terminal"
            | "bay"
            | "pier"
            | "exit"
            | "junction"
            | "road"
            | "street"
            | "ward"
            | "district"
            | "zone"
            | "sector"
            | "part"
            | "bill"
            | "act"
            | "law"
            | "decree"
            | "order"
            | "case"
            | "file"
            | "code"
            | "channel"
            | "track"
            | "volume"
            | "issue"
            | "edition"
            | "squad"
            | "reactor"
            | "building"
            | "apartment"
            | "flat"
            | "house"
            | "hall"
            | "floor"
            | "line"
            | "week"
            | "day"
            | "round"
            | "game"
            | "match"
            | "stadium"
            | "mark"
            | "size"
            | "covid"
    )
}

/// Capitalised words that may stand before a number without making it part of a name.
pub(super) fn cap_function_word(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "In"
            | "On"
            | "At"
            | "About"
            | "Around"
            | "Some"
            | "Nearly"
            | "More"
            | "Over"
            | "Only"
            | "Just"
            | "By"
            | "Of"
            | "For"
            | "With"
            | "Since"
            | "After"
            | "Before"
            | "Almost"
            | "Roughly"
            | "Until"
            | "To"
            | "From"
            | "Between"
            | "Up"
            | "And"
            | "But"
            | "All"
            | "Another"
            | "Its"
            | "Their"
            | "His"
            | "Her"
            | "Our"
            | "These"
            | "Those"
            | "This"
            | "That"
            | "When"
            | "While"
            | "Under"
            | "Fewer"
            | "Less"
            | "An"
            | "A"
            | "Approximately"
            | "Exactly"
            | "Estimated"
            | "Most"
            | "Least"
            | "Even"
            | "If"
            | "As"
            | "Total"
            | "Below"
            | "Above"
            | "Within"
            | "Among"
            | "During"
            | "Across"
            | "Than"
    )
}

/// Units after which a following noun is not "what is counted" ("three days later").
pub(super) fn is_time_unit(u: &str) -> bool {
    matches!(u, "hour" | "minute" | "second" | "day" | "week" | "month" | "year" | "decade" | "century")
}
