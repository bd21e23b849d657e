//! Word tables of the quantity scanner: number words, units, currencies,
//! approximations, qualifiers and the word classes that end a noun phrase.

use super::*;
use crate::lang::{self, NumberKind};

// ------------------------------------------------------------------ lexicons

pub(super) fn small_number(w: &str) -> Option<f64> {
    lang::number_of(w, NumberKind::Cardinal)
}

pub(super) fn tens_number(w: &str) -> Option<f64> {
    lang::number_of(w, NumberKind::Tens)
}

pub(super) fn scale_word(w: &str) -> Option<f64> {
    lang::number_of(w, NumberKind::Scale)
}

/// An ordinal in one word ("third"; "twenty-first" is read from its parts).
pub(super) fn ordinal_word(w: &str) -> Option<f64> {
    lang::number_of(w, NumberKind::Ordinal).filter(|_| !w.contains('-'))
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

/// A month name or abbreviation as a name is written ("March", "Sept").
pub(super) fn month_word(t: &str) -> bool {
    lang::tables::is_titlecase(t) && lang::month(&t.to_lowercase()).is_some()
}

/// A full weekday name as a name is written ("Monday").
pub(super) fn weekday_word(t: &str) -> bool {
    lang::tables::is_titlecase(t) && lang::weekday(&t.to_lowercase()).is_some_and(|(_, full)| full)
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
    crate::lang::is(crate::lang::Class::CountStop, w)
}

/// Words before a number that make it an identifier, not an amount
/// ("Article 5", "flight 370", "No. 10").
pub(super) fn identifier_word(w: &str) -> bool {
    crate::lang::is(crate::lang::Class::IdentifierWord, w)
}

/// Capitalised words that may stand before a number without making it part of a name.
pub(super) fn cap_function_word(w: &str) -> bool {
    crate::lang::is(crate::lang::Class::CapFunctionWord, w)
}

/// Units after which a following noun is not "what is counted" ("three days later").
pub(super) fn is_time_unit(u: &str) -> bool {
    matches!(u, "hour" | "minute" | "second" | "day" | "week" | "month" | "year" | "decade" | "century")
}
