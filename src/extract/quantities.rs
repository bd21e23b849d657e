//! Quantity extraction: the numbers a sentence asserts, each tied to what it
//! counts, so that the comparison stage can line up "2,000 residents" in one
//! report against "about 1,800 residents" in another.
//!
//! Rules, in the order a candidate meets them:
//! * A number is digits (`14,000`, `1.2`, `2.5bn`, `5km`), English number
//!   words (`seven`, `thirty-two`, `two hundred and fifty`, `a dozen`), digits
//!   or words followed by a scale word (`1.2 million`), or an ordinal
//!   (`third`, `13th`). Vague plurals (`hundreds of`, `dozens`) are not numbers.
//! * Ranges: `1,500 to 2,000`, `1,500-2,000`, `between 10 and 12`; a scale or
//!   unit stated once applies to both ends (`1.5 to 2 million`). `from X to Y`
//!   is a change, not a range: two quantities. A "range" whose ends go down
//!   (`3-1`, `52 to 48`) is a score or a tally and is dropped.
//! * Approximation words before (`about`, `nearly`, `at least`, `more than`,
//!   `up to`, …) or after (`or so`, `or more`, `-odd`) set [`Approx`].
//! * Units: currency symbols, codes and words (→ `EUR`, `USD`, …, scaled to
//!   the full amount), `%`/`percent`/`per cent`, `percentage points`, measures
//!   (`hour`, `day`, `km`, `km2`, `tonne`, …) and a rate period after them
//!   (`per month`, `a year` → `EUR/month`).
//! * Hyphenated compounds put the unit inside the token: `three-day summit` is
//!   3 `day` counting `summit`; `a 1,500-strong force` is 1500 counting `force`.
//! * `counts` is the head of the noun phrase after the number (adjectives and
//!   qualifiers skipped, a plural noun ends the phrase), or the noun after
//!   `of` once a unit is stated (`12 percent of voters`), lemmatised simply.
//! * `qualifiers` are words that change what the number means (`initial`,
//!   `revised`, `further` → `additional`, …) next to the number or in the short
//!   noun phrase before it (`the initial estimate of 2,000`), and the time of the
//!   clause (`last year`, a year `2024`).
//! * Not quantities, for precision: anything inside a date, time or set
//!   mention from the date tagger (a duration *is* a quantity); bare years;
//!   month-adjacent days; clock times; ages (`Volkov, 54,`, `54-year-old`,
//!   `aged 54`); phone-like digit runs and numbers with a leading zero; numbers
//!   that belong to a name (`Boeing 737`, `Article 5`, `Covid-19`, `G7`); list
//!   markers; scores; ratios (`one in five`); fractions; word-form "one" and
//!   "first" without a unit (they are almost never the checkable fact).

use crate::extract::Doc;
use crate::model::{Approx, DateKind, DateMention, Quantity, SentenceSpan};
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// Quantities in one sentence (offsets in doc.text). `dates` = the article's date mentions, so that
/// numbers inside dates (years, days, clock times) are not read as counts.
pub fn extract(doc: &Doc, sentence: &SentenceSpan, dates: &[DateMention]) -> Vec<Quantity> {
    let (s, e) = (sentence.start, sentence.end);
    if s >= e || e > doc.text.len() || !doc.text.is_char_boundary(s) || !doc.text.is_char_boundary(e) {
        return Vec::new();
    }
    let toks = tokenize(&doc.text[s..e], s);
    let local_dates: Vec<&DateMention> = dates.iter().filter(|d| d.start < e && d.end > s).collect();
    extract_tokens(doc, sentence, &local_dates, &toks)
}

/// [`extract`] on a sentence already tokenized with [`tokenize`] (the claims stage shares its tokens).
/// `dates` are the date mentions that overlap the sentence.
pub(crate) fn extract_tokens(
    doc: &Doc,
    sentence: &SentenceSpan,
    dates: &[&DateMention],
    toks: &[Tok],
) -> Vec<Quantity> {
    let (s, e) = (sentence.start, sentence.end);
    if s >= e || e > doc.text.len() || !doc.text.is_char_boundary(s) || !doc.text.is_char_boundary(e) {
        return Vec::new();
    }
    let mut out = Scanner { doc, toks, dates }.run();
    add_time_qualifiers(toks, dates, &mut out);
    out
}

// ------------------------------------------------------------------ tokens

/// A token of a sentence, with byte offsets into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl Tok<'_> {
    pub(crate) fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_alphanumeric())
    }
    pub(crate) fn is_cap(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
    /// Capitalised and not a possessive ("Reuters", not "Ukraine's").
    pub(crate) fn is_cap_word(&self) -> bool {
        self.is_cap() && !self.text.ends_with("'s") && !self.text.ends_with("’s")
    }
}

/// Words are runs of letters and digits joined by inner hyphens, dashes,
/// slashes, apostrophes and dots (`thirty-two`, `1,500–2,000`, `U.S`, `km/h`,
/// `Volkov's`); commas and colons join only digits (`14,000`, `9:30`). Every
/// other non-space character is a token of its own. `base` is the offset of
/// `text` in the document.
pub(crate) fn tokenize(text: &str, base: usize) -> Vec<Tok<'_>> {
    let n = text.len();
    let bytes = text.as_bytes();
    let ch_at = |i: usize| -> Option<(char, usize)> {
        match bytes.get(i) {
            Some(&b) if b.is_ascii() => Some((char::from(b), 1)),
            Some(_) => text.get(i..)?.chars().next().map(|c| (c, c.len_utf8())),
            None => None,
        }
    };
    let mut toks = Vec::with_capacity(n / 5 + 1);
    let mut i = 0;
    while let Some((c, len)) = ch_at(i) {
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if !c.is_alphanumeric() {
            toks.push(Tok { start: base + i, end: base + i + len, text: &text[i..i + len] });
            i += len;
            continue;
        }
        let mut j = i + len;
        let mut prev = c;
        while let Some((cj, lj)) = ch_at(j) {
            if cj.is_alphanumeric() {
                prev = cj;
                j += lj;
                continue;
            }
            if matches!(cj, '-' | '–' | '/' | '\'' | '’' | '.' | ',' | ':')
                && let Some((next, ln)) = ch_at(j + lj)
                && next.is_alphanumeric()
                && (!matches!(cj, ',' | ':') || (prev.is_ascii_digit() && next.is_ascii_digit()))
            {
                prev = next;
                j += lj + ln;
                continue;
            }
            break;
        }
        toks.push(Tok { start: base + i, end: base + j, text: &text[i..j] });
        i = j;
    }
    toks
}

// ------------------------------------------------------------------ lexicons

fn small_number(w: &str) -> Option<f64> {
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

fn tens_number(w: &str) -> Option<f64> {
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

fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mn" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

fn ordinal_word(w: &str) -> Option<f64> {
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
static UNITS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
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
fn currency_word(w: &str) -> Option<(&'static str, f64)> {
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

fn currency_code(w: &str) -> Option<&'static str> {
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

fn currency_symbol(s: &str) -> Option<&'static str> {
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
fn dollar_prefix(s: &str) -> Option<&'static str> {
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

fn period_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "hour" => "hour",
        "day" => "day",
        "week" => "week",
        "month" => "month",
        "year" | "annum" => "year",
        _ => return None,
    })
}

fn month_word(t: &str) -> bool {
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

fn weekday_word(t: &str) -> bool {
    matches!(t, "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday")
}

/// Approximation phrases before a number, longest first within each.
const APPROX_BEFORE: &[(&[&str], Approx)] = &[
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
fn qualifier_word(w: &str) -> Option<&'static str> {
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
fn stop_word(w: &str) -> bool {
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
fn identifier_word(w: &str) -> bool {
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
fn cap_function_word(w: &str) -> bool {
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
fn is_time_unit(u: &str) -> bool {
    matches!(u, "hour" | "minute" | "second" | "day" | "week" | "month" | "year" | "decade" | "century")
}

// ------------------------------------------------------------------ numbers

/// A number read from one or more tokens.
#[derive(Debug, Clone, Copy)]
struct Num {
    value: f64,
    /// First token after the number.
    next: usize,
    ordinal: bool,
    /// Written in words ("seven").
    words: bool,
    /// A scale word or suffix was applied ("million", "bn").
    scaled: bool,
    /// The factor a scale word or suffix applied (1 when none).
    factor: f64,
    /// Plain digits with no grouping, decimal or suffix (a year or an id could look like this).
    plain_int: bool,
}

/// A digits token: value, whether it has a thousands comma, whether it has a
/// decimal part, and the letters glued after it.
fn parse_digits(t: &str) -> Option<(f64, bool, bool, &str)> {
    // Hand-written: this runs on every digit token, and a capturing regex is slow here.
    let b = t.as_bytes();
    let mut i = 0;
    let mut group = 0; // digits in the current group
    let mut groups = 0;
    let mut comma = false;
    while i < b.len() {
        match b[i] {
            b'0'..=b'9' => group += 1,
            b',' => {
                // groups after a comma have exactly three digits; the first has one to three
                if group == 0 || (groups == 0 && group > 3) || (groups > 0 && group != 3) {
                    return None;
                }
                comma = true;
                groups += 1;
                group = 0;
            }
            _ => break,
        }
        i += 1;
    }
    if group == 0 || (comma && group != 3) {
        return None;
    }
    let int_end = i;
    let mut frac_end = i;
    if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        frac_end = i + 1;
        while frac_end < b.len() && b[frac_end].is_ascii_digit() {
            frac_end += 1;
        }
    }
    let suffix = t.get(frac_end..)?;
    if !suffix.chars().all(|c| c.is_ascii_alphabetic() || c == '²' || c == '³' || c == '/') {
        return None;
    }
    let int = &t[..int_end];
    if int.len() > 1 && int.starts_with('0') {
        return None; // 020, 007: ids and phone numbers
    }
    let digits: String = t[..frac_end].chars().filter(|c| *c != ',').collect();
    let v: f64 = digits.parse().ok()?;
    Some((v, comma, frac_end > int_end, suffix))
}

/// A cheap test, without allocating, that a token may open a number: digits,
/// a compound or rate token, or a word that starts a number in words.
fn may_start_number(t: &str) -> bool {
    let b = t.as_bytes();
    let Some(&f) = b.first() else { return false };
    if f.is_ascii_digit() {
        return true;
    }
    // initials of the number words: most tokens stop here
    if !matches!(
        f.to_ascii_lowercase(),
        b'a' | b'b' | b'd' | b'e' | b'f' | b'h' | b'm' | b'n' | b'o' | b's' | b't' | b'z'
    ) {
        return false;
    }
    // the part before a hyphen: "thirty-two", "three-day"
    let head = b.iter().position(|c| !c.is_ascii_alphabetic()).map_or(b, |p| &b[..p]);
    if head.len() > 12 || head.is_empty() {
        return false;
    }
    let mut buf = [0u8; 12];
    for (d, s) in buf.iter_mut().zip(head) {
        *d = s.to_ascii_lowercase();
    }
    let w = std::str::from_utf8(&buf[..head.len()]).unwrap_or("");
    matches!(w, "a" | "an" | "half" | "dozen")
        || small_number(w).is_some()
        || tens_number(w).is_some()
        || ordinal_word(w).is_some()
        || scale_word(w).is_some()
}

/// One word of a number in words ("thirty-two" counts as one word).
fn word_value(w: &str) -> Option<f64> {
    if let Some(v) = small_number(w).or_else(|| tens_number(w)) {
        return Some(v);
    }
    let (a, b) = w.split_once('-')?;
    Some(tens_number(a)? + small_number(b).filter(|v| *v >= 1.0 && *v <= 9.0)?)
}

fn ordinal_value(w: &str) -> Option<f64> {
    if let Some(v) = ordinal_word(w) {
        return Some(v);
    }
    let (a, b) = w.split_once('-')?;
    Some(tens_number(a)? + ordinal_word(b).filter(|v| *v <= 9.0)?)
}

/// A lowercased token kept on the stack: the scanner compares many tokens
/// against its lexicons and should not allocate for each. Tokens longer than
/// the buffer read as empty (no lexicon word is that long).
#[derive(Clone, Copy)]
struct Low {
    buf: [u8; 24],
    len: usize,
}

impl Low {
    const EMPTY: Low = Low { buf: [0; 24], len: 0 };

    fn new(t: &str) -> Low {
        let mut out = Low::EMPTY;
        if t.is_ascii() {
            if t.len() <= out.buf.len() {
                for (d, s) in out.buf.iter_mut().zip(t.bytes()) {
                    *d = s.to_ascii_lowercase();
                }
                out.len = t.len();
            }
        } else {
            let l = t.to_lowercase();
            if l.len() <= out.buf.len() {
                out.buf[..l.len()].copy_from_slice(l.as_bytes());
                out.len = l.len();
            }
        }
        out
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl std::ops::Deref for Low {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Low {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

fn lower(t: &str) -> String {
    t.to_lowercase()
}

/// Reads the number starting at token `i` (not hyphen compounds with a unit,
/// which the scanner handles). Money context allows a bare `m` suffix to mean million.
fn parse_number(toks: &[Tok], i: usize, money: bool) -> Option<Num> {
    let t = toks.get(i)?;
    let lw = lower(t.text);
    // "a dozen", "a million"
    if lw == "a" || lw == "an" {
        let n = toks.get(i + 1)?;
        let nl = lower(n.text);
        if nl == "dozen" {
            return Some(Num {
                value: 12.0,
                next: i + 2,
                ordinal: false,
                words: true,
                scaled: false,
                factor: 1.0,
                plain_int: false,
            });
        }
        scale_word(&nl).filter(|_| nl != "mn" && nl != "bn" && nl != "tn" && nl != "trn")?;
        // "a hundred thirty million": read on as words, with "a" as one
        return parse_words(toks, i + 1, 1.0);
    }
    if lw == "half" {
        let (a, s) = (toks.get(i + 1)?, toks.get(i + 2)?);
        let s = scale_word(&lower(s.text)).filter(|v| *v >= 1e6)?;
        if lower(a.text) != "a" {
            return None;
        }
        return Some(Num {
            value: 0.5 * s,
            next: i + 3,
            ordinal: false,
            words: true,
            scaled: true,
            factor: s,
            plain_int: false,
        });
    }
    if t.text.starts_with(|c: char| c.is_ascii_digit()) {
        let (mut v, comma, dec, suffix) = parse_digits(t.text)?;
        let mut scaled = false;
        let mut factor = 1.0;
        let mut ordinal = false;
        match suffix {
            "" => {}
            "st" | "nd" | "rd" | "th" if !comma && !dec => ordinal = true,
            "k" | "K" => {
                v *= 1e3;
                factor = 1e3;
                scaled = true;
            }
            "m" | "M" if money => {
                v *= 1e6;
                factor = 1e6;
                scaled = true;
            }
            s => {
                if let Some(m) = scale_word(&lower(s)) {
                    v *= m;
                    factor = m;
                    scaled = true;
                } else if !UNITS.contains_key(lower(s).as_str()) && lower(s) != "bn" {
                    return None; // 1990s, 3D, 5G, 10am
                }
            }
        }
        let mut next = i + 1;
        if !scaled
            && !ordinal
            && let Some(n) = toks.get(i + 1)
        {
            let nl = lower(n.text);
            if let Some(m) = scale_word(&nl).filter(|_| nl != "hundred" || v < 100.0) {
                v *= m;
                factor = m;
                scaled = true;
                next = i + 2;
            }
        }
        // "5 1/2 hours", "12 3/4%"
        let mut frac = false;
        if !scaled
            && !ordinal
            && !dec
            && suffix.is_empty()
            && let Some(f) = toks.get(next)
            && let Some((a, b)) = f.text.split_once('/')
            && let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>())
            && a < b
            && b <= 64
        {
            v += f64::from(a) / f64::from(b);
            next += 1;
            frac = true;
        }
        let plain_int = suffix.is_empty() && !comma && !dec && !scaled && !frac;
        return Some(Num { value: v, next, ordinal, words: false, scaled, factor, plain_int });
    }
    // words: "two hundred and fifty thousand"
    if let Some(v) = ordinal_value(&lw) {
        return Some(Num {
            value: v,
            next: i + 1,
            ordinal: true,
            words: true,
            scaled: false,
            factor: 1.0,
            plain_int: false,
        });
    }
    parse_words(toks, i + 1, word_value(&lw)?)
}

/// Number words after a first value (`first` already read, `i` the next token).
fn parse_words(toks: &[Tok], i: usize, first: f64) -> Option<Num> {
    let (mut total, mut current) = (0.0f64, first);
    let mut last_small = first < 20.0; // a small number may not follow another
    let mut last_tens = (20.0..100.0).contains(&first) && first % 10.0 == 0.0;
    let mut scaled = false;
    let mut factor = 1.0f64;
    let mut j = i;
    while let Some(n) = toks.get(j) {
        let nl = lower(n.text);
        if let Some(s) = scale_word(&nl).filter(|_| !matches!(nl.as_str(), "mn" | "bn" | "tn" | "trn")) {
            if s == 100.0 {
                if current >= 100.0 || current == 0.0 {
                    break;
                }
                current *= 100.0;
            } else {
                total += current.max(1.0) * s;
                current = 0.0;
            }
            factor = factor.max(s);
            scaled = true;
            last_small = false;
            last_tens = false;
            j += 1;
            continue;
        }
        // "and" inside "two hundred and fifty"
        let (k, nl2) = if nl == "and" && scaled {
            match toks.get(j + 1) {
                Some(m) => (j + 1, lower(m.text)),
                None => break,
            }
        } else {
            (j, nl)
        };
        if let Some(v) = word_value(&nl2) {
            let ok = if v < 10.0 { last_tens || !last_small } else { !last_small && !last_tens };
            if !ok || (!scaled && !last_tens) {
                break;
            }
            current += v;
            last_small = v < 20.0 || v % 10.0 != 0.0;
            last_tens = !last_small && v < 100.0;
            j = k + 1;
            continue;
        }
        break;
    }
    Some(Num { value: total + current, next: j, ordinal: false, words: true, scaled, factor, plain_int: false })
}

// ------------------------------------------------------------------ scanner

struct Scanner<'d, 't> {
    doc: &'d Doc<'d>,
    toks: &'t [Tok<'t>],
    dates: &'t [&'t DateMention],
}

/// What was found around one number before it becomes a [`Quantity`].
struct Cand {
    value: f64,
    high: Option<f64>,
    approx: Approx,
    unit: Option<String>,
    counts: Option<String>,
    qualifiers: Vec<String>,
    ordinal: bool,
    start: usize,
    end: usize,
    /// Token range of the quantity (for clause and qualifier lookups).
    tok_start: usize,
    tok_end: usize,
}

impl Scanner<'_, '_> {
    fn low(&self, i: usize) -> Low {
        self.toks.get(i).map_or(Low::EMPTY, |t| Low::new(t.text))
    }

    fn text(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text)
    }

    fn adjacent(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => x.end == y.start,
            _ => false,
        }
    }

    fn run(&self) -> Vec<Quantity> {
        let mut out: Vec<Cand> = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            match self.candidate(i) {
                Some((c, next)) => {
                    i = next.max(i + 1);
                    if let Some(c) = c {
                        out.push(c);
                    }
                }
                None => i += 1,
            }
        }
        out.into_iter()
            .filter(|c| c.start < c.end)
            .map(|c| Quantity {
                value: c.value,
                high: c.high,
                approx: c.approx,
                unit: c.unit,
                counts: c.counts,
                qualifiers: c.qualifiers,
                ordinal: c.ordinal,
                start: c.start,
                end: c.end,
                text: self.doc.text[c.start..c.end].to_string(),
            })
            .collect()
    }

    /// Where a currency marker sits right before token `i`: (first token, code).
    fn currency_before(&self, i: usize) -> Option<(usize, &'static str)> {
        if i == 0 {
            return None;
        }
        let p = i - 1;
        if let Some(code) = currency_symbol(self.text(p)).filter(|_| self.adjacent(p, i)) {
            if code == "USD"
                && p > 0
                && self.adjacent(p - 1, p)
                && let Some(c) = dollar_prefix(self.text(p - 1))
            {
                return Some((p - 1, c));
            }
            return Some((p, code));
        }
        currency_code(self.text(p)).map(|c| (p, c))
    }

    /// Approximation phrase ending right before token `i`: (first token, kind).
    fn approx_before(&self, i: usize) -> Option<(usize, Approx)> {
        let mut best: Option<(usize, Approx)> = None;
        for (words, kind) in APPROX_BEFORE {
            let n = words.len();
            if i < n {
                continue;
            }
            if words.iter().enumerate().all(|(k, w)| self.text(i - n + k).eq_ignore_ascii_case(w))
                && best.is_none_or(|(b, _)| i - n < b)
            {
                best = Some((i - n, *kind));
            }
        }
        best
    }

    /// Tries a quantity starting at token `i`. `None`: no number here.
    /// `Some((None, next))`: a number that is not a quantity, skip to `next`.
    fn candidate(&self, i: usize) -> Option<(Option<Cand>, usize)> {
        let t = self.toks.get(i)?;
        if !t.is_word() || !may_start_number(t.text) {
            return None;
        }
        let lw = lower(t.text);
        if t.text.contains(['-', '–']) && word_value(&lw).is_none() && ordinal_value(&lw).is_none() {
            return self.compound(i);
        }
        if t.text.contains('/') && t.text.starts_with(|c: char| c.is_ascii_digit()) {
            return self.slash_rate(i);
        }
        let cur = self.currency_before(i);
        let num = parse_number(self.toks, i, cur.is_some())?;
        let next = num.next;
        // Capitalised number words inside a sentence belong to names ("Big Three").
        if num.words && t.is_cap() && i > 0 && !self.is_sentence_start(i) {
            return Some((None, next));
        }
        if num.ordinal {
            return Some((self.ordinal(i, num), next));
        }
        // "nineteen seventy-nine", "one five thousand": spoken years and digit-by-digit readings
        if num.words && self.toks.get(next).is_some_and(|t| word_value(&lower(t.text)).is_some()) {
            let mut j = next;
            while self
                .toks
                .get(j)
                .is_some_and(|t| word_value(&lower(t.text)).is_some() || scale_word(&lower(t.text)).is_some())
            {
                j += 1;
            }
            return Some((None, j));
        }
        let mut num = num;
        let mut next = next;
        if self.low(next) == "and" && self.low(next + 1) == "a" && self.low(next + 2) == "half" && !num.scaled {
            num.value += 0.5;
            num.plain_int = false;
            next += 3;
            num.next = next;
        }
        let mut c = self.base_cand(i, num, cur);
        c.value = num.value;
        // range: "X to Y", "X - Y", "between X and Y"
        let before = c.tok_start;
        let between = before > 0 && self.low(before - 1) == "between";
        let from = before > 0 && self.low(before - 1) == "from";
        let mut end_tok = next;
        let mut high_num: Option<Num> = None;
        let conj = self.low(next);
        let year_like = num.plain_int && (1900.0..=2099.0).contains(&num.value);
        if year_like {
            // "in 2023 to 7,000": a year never opens a range
        } else if (conj == "to" && !from) || conj == "-" || conj == "–" || (conj == "and" && between) {
            let mut k = next + 1;
            if self.toks.get(k).is_some_and(|t| currency_symbol(t.text).is_some()) {
                k += 1;
            }
            if let Some(h) = parse_number(self.toks, k, cur.is_some()).filter(|h| !h.ordinal && h.words == num.words) {
                high_num = Some(h);
                end_tok = h.next;
            }
        }
        if let Some(h) = high_num {
            let mut lo = num.value;
            if !num.scaled && h.scaled && lo * h.factor <= h.value {
                lo *= h.factor;
            }
            if lo >= h.value {
                return Some((None, end_tok)); // a score or a tally: 3-1, 52 to 48
            }
            c.value = lo;
            c.high = Some(h.value);
            if between {
                c.start = self.toks[before - 1].start;
                c.tok_start = before - 1;
            }
        } else if num.words && num.value == 1.0 && !num.scaled {
            // "one" without a unit is nearly always a pronoun or an idiom.
            if !self.unit_follows(next) {
                return Some((None, next));
            }
        }
        if self.not_a_count(i, num, &c, end_tok) {
            return Some((None, end_tok));
        }
        let end_tok = self.finish(&mut c, end_tok, num);
        if c.unit.is_none()
            && num.plain_int
            && c.high.is_none()
            && (1900.0..=2099.0).contains(&num.value)
            && c.approx == Approx::Exact
        {
            return Some((None, end_tok)); // a year
        }
        Some((Some(c), end_tok))
    }

    fn is_sentence_start(&self, i: usize) -> bool {
        // Only quote marks or brackets may come before the first word.
        self.toks[..i].iter().all(|t| !t.is_word())
    }

    fn unit_follows(&self, k: usize) -> bool {
        let l = self.low(k);
        UNITS.contains_key(l.as_str()) || currency_word(&l).is_some() || l == "%" || l == "per"
    }

    fn base_cand(&self, i: usize, num: Num, cur: Option<(usize, &'static str)>) -> Cand {
        let mut start_tok = i;
        let mut unit = None;
        let mut value = num.value;
        if let Some((k, code)) = cur {
            start_tok = k;
            unit = Some(code.to_string());
        }
        let mut approx = Approx::Exact;
        let mut qualifiers = Vec::new();
        if let Some((k, a)) = self.approx_before(start_tok) {
            approx = a;
            if self.low(start_tok.saturating_sub(1)) == "estimated" {
                qualifiers.push("estimated".to_string());
            }
            start_tok = k;
        }
        // Attached measure suffix: "5km", "40mph".
        if let Some(t) = self.toks.get(i)
            && let Some((_, _, _, suf)) = parse_digits(t.text)
            && !suf.is_empty()
            && unit.is_none()
            && let Some(u) = UNITS.get(lower(suf).as_str())
        {
            unit = Some((*u).to_string());
        }
        if unit.is_none() && num.scaled && value == 0.0 {
            value = 0.0;
        }
        Cand {
            value,
            high: None,
            approx,
            unit,
            counts: None,
            qualifiers,
            ordinal: false,
            start: self.toks[start_tok].start,
            end: self.toks[i].end,
            tok_start: start_tok,
            tok_end: i + 1,
        }
    }

    /// Rules for numbers that are not counts (dates, clock times, ages, ids…).
    fn not_a_count(&self, i: usize, num: Num, c: &Cand, end_tok: usize) -> bool {
        let first = &self.toks[i];
        let last_end = self.toks.get(end_tok.saturating_sub(1)).map_or(first.end, |t| t.end);
        // inside a date/time/set mention (durations are quantities)
        if self.dates.iter().any(|d| d.kind != DateKind::Duration && d.start < last_end && d.end > first.start) {
            return true;
        }
        let prev = if c.tok_start > 0 { self.toks.get(c.tok_start - 1) } else { None };
        let prev_l = prev.map(|t| lower(t.text)).unwrap_or_default();
        let next = self.toks.get(end_tok);
        let next_l = next.map(|t| lower(t.text)).unwrap_or_default();
        // dates written out: "March 13", "13 March", "13th of March", "Monday 13"
        if prev.is_some_and(|p| month_word(p.text) || weekday_word(p.text)) {
            return true;
        }
        // "Sept. 11", "Oct. 23"
        if prev_l == "." && c.tok_start >= 2 && month_word(self.text(c.tok_start - 2)) {
            return true;
        }
        // long digit strings are ids (tweet ids, account numbers), not amounts
        if num.plain_int && first.text.len() > 9 {
            return true;
        }
        if next.is_some_and(|n| month_word(n.text))
            || (next_l == "of" && self.toks.get(end_tok + 1).is_some_and(|n| month_word(n.text)))
        {
            return true;
        }
        // clock times
        if first.text.contains(':')
            || matches!(
                next_l.as_str(),
                "am" | "pm"
                    | "a.m"
                    | "p.m"
                    | "gmt"
                    | "utc"
                    | "bst"
                    | "cet"
                    | "est"
                    | "edt"
                    | "et"
                    | "pt"
                    | "pst"
                    | "o'clock"
                    | "o’clock"
                    | "hrs"
                    | "hrs."
            )
            || (matches!(next_l.as_str(), "hours" | "hour") && self.low(end_tok + 1) == "gmt")
        {
            return true;
        }
        if c.unit.is_none()
            && matches!(prev_l.as_str(), "at" | "by" | "until" | "till" | "from" | "before" | "after")
            && let Some((v, false, true, "")) = parse_digits(first.text)
            && v < 24.0
            && first.text.split_once('.').is_some_and(|(_, f)| f.len() == 2 && f < "60")
        {
            return true;
        }
        // ages: "Volkov, 54,", "(54)", "aged 54", "age of 54", "54 years old"
        if matches!(prev_l.as_str(), "aged" | "age")
            || (prev_l == "of" && self.low(c.tok_start.saturating_sub(2)) == "age")
        {
            return true;
        }
        if prev_l == ","
            && c.unit.is_none()
            && num.value < 130.0
            && !num.words
            && c.tok_start >= 2
            && self.toks[c.tok_start - 2].is_cap()
            && matches!(next_l.as_str(), "," | ")" | "." | "")
        {
            return true;
        }
        if prev_l == "(" && next_l == ")" && c.unit.is_none() {
            return true; // "(54)" after a name, "(3)" as a list marker
        }
        if matches!(next_l.as_str(), "years" | "year") && self.low(end_tok + 1) == "old" {
            return true;
        }
        if next_l == "-" && self.low(end_tok + 1).starts_with("year") {
            return true;
        }
        // phone numbers and ids: digit groups in a row, a leading "+"
        if !num.words {
            if prev.is_some_and(|p| p.text == "+") {
                return true;
            }
            let digitish = |t: Option<&Tok>| t.is_some_and(|t| t.text.bytes().all(|b| b.is_ascii_digit()));
            if digitish(prev) || digitish(next) {
                return true;
            }
        }
        // numbers that belong to a name: "Boeing 737", "Article 5", "No. 10", "#3"
        if c.unit.is_none()
            && c.approx == Approx::Exact
            && let Some(p) = prev
        {
            {
                let possessive = p.text.ends_with("'s") || p.text.ends_with("’s");
                if p.is_cap() && !possessive && !cap_function_word(p.text) && !month_word(p.text) {
                    return true;
                }
                if identifier_word(&prev_l) || p.text == "#" {
                    return true;
                }
                if p.text == "." && c.tok_start >= 2 && matches!(self.low(c.tok_start - 2).as_str(), "no" | "nos") {
                    return true;
                }
            }
        }
        // list markers: "1." or "2)" opening the sentence
        if self.is_sentence_start(c.tok_start) && matches!(next_l.as_str(), "." | ")") && !num.words {
            return true;
        }
        // ratios: "one in five", "three out of four"
        let ratio_part = |n: Num| !n.ordinal && n.value <= 1000.0 && !n.scaled && (!n.plain_int || n.value < 1900.0);
        if c.unit.is_none()
            && ratio_part(num)
            && next_l == "in"
            && parse_number(self.toks, end_tok + 1, false).is_some_and(ratio_part)
        {
            return true;
        }
        if prev_l == "in"
            && c.unit.is_none()
            && c.tok_start >= 2
            && parse_number(self.toks, c.tok_start - 2, false)
                .is_some_and(|n| n.next == c.tok_start - 1 && ratio_part(n))
        {
            return true;
        }
        // "at two in the morning"
        if next_l == "in"
            && self.low(end_tok + 1) == "the"
            && matches!(self.low(end_tok + 2).as_str(), "morning" | "afternoon" | "evening")
        {
            return true;
        }
        if (next_l == "out" && self.low(end_tok + 1) == "of")
            || (prev_l == "of" && self.low(c.tok_start.saturating_sub(2)) == "out")
        {
            return true;
        }
        // fractions: "two thirds", "three quarters"
        if matches!(next_l.as_str(), "thirds" | "quarters" | "fifths" | "tenths" | "halves") {
            return true;
        }
        false
    }

    /// Units, rate period, approximation after, counts and qualifiers; returns the next token.
    fn finish(&self, c: &mut Cand, mut k: usize, num: Num) -> usize {
        let mut unit_of = false; // a unit was read, so "of NOUN" says what it measures
        if c.unit.is_none() {
            let l = self.low(k);
            if l == "%" && self.adjacent(k - 1, k) || l == "percent" || l == "pct" {
                c.unit = Some("percent".into());
                k += 1;
            } else if l == "per" && self.low(k + 1) == "cent" {
                c.unit = Some("percent".into());
                k += 2;
            } else if l == "percentage" && self.low(k + 1).starts_with("point") {
                c.unit = Some("percentage point".into());
                k += 2;
            } else if let Some((code, mult)) = currency_word(&l) {
                c.value *= mult;
                c.high = c.high.map(|h| h * mult);
                c.unit = Some(code.into());
                k += 1;
            } else if let Some(code) = currency_code(self.text(k)) {
                c.unit = Some(code.into());
                k += 1;
            } else if matches!(l.as_str(), "square" | "sq") {
                let u = match self.low(k + 1).as_str() {
                    "km" | "kilometres" | "kilometers" | "kilometre" | "kilometer" => Some("km2"),
                    "miles" | "mile" | "mi" => Some("mi2"),
                    "metres" | "meters" | "metre" | "meter" | "m" => Some("m2"),
                    "feet" | "ft" | "foot" => Some("ft2"),
                    _ => None,
                };
                if let Some(u) = u {
                    c.unit = Some(u.into());
                    k += 2;
                }
            } else if l == "cubic" && self.low(k + 1).starts_with("met") {
                c.unit = Some("m3".into());
                k += 2;
            } else if let Some(u) = UNITS.get(l.as_str()) {
                // "second" after a number is a unit only in the plural or with "1".
                if !(l == "second" && c.value != 1.0) {
                    c.unit = Some((*u).to_string());
                    k += 1;
                }
            }
            if c.unit.is_some() {
                unit_of = true;
            }
        } else {
            unit_of = true;
        }
        // rate: "per month", "a year", "annually"
        if c.unit.is_some() {
            let l = self.low(k);
            let period = if matches!(l.as_str(), "per" | "a" | "an" | "each" | "every") {
                period_word(&self.low(k + 1)).map(|p| (p, 2))
            } else {
                match l.as_str() {
                    "annually" | "yearly" => Some(("year", 1)),
                    "monthly" => Some(("month", 1)),
                    "weekly" => Some(("week", 1)),
                    "daily" => Some(("day", 1)),
                    "hourly" => Some(("hour", 1)),
                    _ => None,
                }
            };
            if let Some((p, n)) = period
                && c.unit.as_deref() != Some(p)
            {
                if let Some(u) = c.unit.as_mut() {
                    u.push('/');
                    u.push_str(p);
                }
                k += n;
            }
        }
        // approximation after: "or so", "or more", "or fewer"
        if self.low(k) == "or" {
            match self.low(k + 1).as_str() {
                "so" => {
                    if c.approx == Approx::Exact {
                        c.approx = Approx::About;
                    }
                    k += 2;
                }
                "more" => {
                    c.approx = Approx::AtLeast;
                    k += 2;
                }
                "fewer" | "less" => {
                    c.approx = Approx::AtMost;
                    k += 2;
                }
                _ => {}
            }
        }
        c.end = self.toks.get(k.saturating_sub(1)).map_or(c.end, |t| t.end).max(c.end);
        c.tok_end = k;
        // what is counted
        let time = c.unit.as_deref().is_some_and(|u| is_time_unit(u.split('/').next().unwrap_or(u)));
        // a percentage counts only what follows "of": "45 percent chose X" counts nothing
        let share = c.unit.as_deref().is_some_and(|u| u.starts_with("percent") || u == "times" || u == "point");
        if unit_of && self.low(k) == "of" {
            c.counts = self.noun_after(k + 1, true, &mut c.qualifiers);
        } else if !time && !share {
            c.counts = self.noun_after(k, false, &mut c.qualifiers);
            if c.counts.is_none() && c.unit.is_none() && self.low(k) == "of" {
                c.counts = self.noun_after(k + 1, true, &mut c.qualifiers);
            }
        }
        self.qualifiers_before(c);
        let _ = num;
        k
    }

    /// Head of the noun phrase starting at `k`: the plural noun that ends it, or
    /// its last word. Qualifier words met on the way are recorded.
    fn noun_after(&self, mut k: usize, skip_det: bool, quals: &mut Vec<String>) -> Option<String> {
        if skip_det {
            while matches!(
                self.low(k).as_str(),
                "the" | "their" | "its" | "his" | "her" | "our" | "all" | "those" | "these"
            ) {
                k += 1;
            }
        }
        let mut head: Option<&str> = None;
        let mut n = 0;
        while let Some(t) = self.toks.get(k) {
            if !t.is_word() || n >= 4 || t.text.contains(['/']) {
                break;
            }
            let l = lower(t.text);
            if stop_word(&l) || month_word(t.text) || weekday_word(t.text) || l.ends_with("ly") {
                break;
            }
            if t.text.starts_with(|c: char| c.is_ascii_digit()) || word_value(&l).is_some() {
                break;
            }
            if let Some(q) = qualifier_word(&l) {
                push_unique(quals, q);
                head = None;
                k += 1;
                n += 1;
                continue;
            }
            // "$60 million flowed into…": a participle with no noun after it is the verb
            if head.is_none()
                && l.ends_with("ed")
                && self.toks.get(k + 1).is_none_or(|n| !n.is_word() || stop_word(&Low::new(n.text)))
            {
                break;
            }
            let head_plural = head.is_some_and(|h| looks_plural(&lower(h)));
            if n > 0
                && head.is_some()
                && (l.ends_with("ed") || (head_plural && l.ends_with("ing")) || irregular_past(&l))
            {
                break; // "three people killed", "two men carrying", "the summit broke up"
            }
            // "the nine-point plan drops several proposals": a plural after a noun,
            // itself followed by a determiner, is a verb
            if n > 0
                && head.is_some()
                && looks_plural(&l)
                && matches!(
                    self.low(k + 1).as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "several"
                        | "some"
                        | "many"
                        | "more"
                        | "any"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                )
            {
                break;
            }
            head = Some(t.text);
            n += 1;
            k += 1;
            if looks_plural(&l) {
                break;
            }
        }
        let h = head?;
        let l = lower(h);
        if l.len() < 2 || l.contains(['\'', '’', '.']) {
            return None;
        }
        Some(lemma(&l))
    }

    /// "the initial estimate of 2,000", "an updated 3,000": qualifier words in
    /// the short phrase right before the number (at most one other noun).
    fn qualifiers_before(&self, c: &mut Cand) {
        let mut k = c.tok_start;
        let mut others = 0;
        let mut steps = 0;
        while k > 0 && steps < 5 {
            k -= 1;
            steps += 1;
            let t = &self.toks[k];
            if !t.is_word() {
                break;
            }
            let l = lower(t.text);
            if let Some(q) = qualifier_word(&l) {
                if l != "more" {
                    push_unique(&mut c.qualifiers, q);
                }
                continue;
            }
            if matches!(
                l.as_str(),
                "of" | "at"
                    | "to"
                    | "was"
                    | "is"
                    | "were"
                    | "be"
                    | "been"
                    | "stood"
                    | "put"
                    | "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "by"
            ) {
                continue;
            }
            others += 1;
            if others > 1 || t.is_cap() {
                break;
            }
        }
    }

    /// Ordinals: "third visit" (ordinal=true, counts visit). Only with a noun,
    /// never "first", never in names, dates or fractions.
    fn ordinal(&self, i: usize, num: Num) -> Option<Cand> {
        let t = &self.toks[i];
        if num.value == 1.0 || num.value == 2.0 && lower(t.text) == "second" && self.unit_follows(i + 1) {
            return None;
        }
        if t.is_cap() && !self.is_sentence_start(i) {
            return None;
        }
        let prev_l = if i > 0 { self.low(i - 1) } else { Low::EMPTY };
        if i > 0 && (month_word(self.text(i - 1)) || parse_number(self.toks, i - 1, false).is_some_and(|n| n.next == i))
        {
            return None;
        }
        if self.dates.iter().any(|d| d.kind != DateKind::Duration && d.start < t.end && d.end > t.start) {
            return None;
        }
        let nl = self.low(i + 1);
        if nl == "of" || nl.ends_with("s") && ordinal_value(&nl).is_some() || month_word(self.text(i + 1)) {
            return None;
        }
        if prev_l == "a" && nl == "of" {
            return None;
        }
        if matches!(
            nl.as_str(),
            "century"
                | "centuries"
                | "day"
                | "week"
                | "month"
                | "year"
                | "quarter"
                | "time"
                | "half"
                | "hour"
                | "minute"
                | "round"
                | "floor"
        ) {
            return None; // "20th century", "second quarter"
        }
        let mut quals = Vec::new();
        let counts = self.noun_after(i + 1, false, &mut quals)?;
        if matches!(
            counts.as_str(),
            "time"
                | "half"
                | "quarter"
                | "day"
                | "week"
                | "month"
                | "year"
                | "century"
                | "place"
                | "hand"
                | "minute"
                | "hour"
                | "round"
                | "floor"
                | "person"
                | "thought"
                | "glance"
                | "sight"
                | "largest"
                | "biggest"
                | "highest"
                | "lowest"
                | "party"
                | "world"
        ) || ordinal_value(&counts).is_some()
        {
            return None;
        }
        let mut c = Cand {
            value: num.value,
            high: None,
            approx: Approx::Exact,
            unit: None,
            counts: Some(counts),
            qualifiers: quals,
            ordinal: true,
            start: t.start,
            end: t.end,
            tok_start: i,
            tok_end: i + 1,
        };
        self.qualifiers_before(&mut c);
        Some(c)
    }

    /// Hyphen compounds: "three-day", "12-point", "1,500-2,000", "$5-6bn",
    /// "1,500-strong", "54-year-old", "Covid-19".
    fn compound(&self, i: usize) -> Option<(Option<Cand>, usize)> {
        let t = &self.toks[i];
        let parts: Vec<&str> = t.text.split(['-', '–']).collect();
        if parts.len() < 2 {
            return None;
        }
        let cur = self.currency_before(i);
        let money = cur.is_some();
        let p0 = lower(parts[0]);
        // leading number: digits, a word, or "thirty-two"
        let (lead, used): (f64, usize) = if p0.starts_with(|c: char| c.is_ascii_digit()) {
            let (v, _, _, suf) = parse_digits(parts[0])?;
            if !suf.is_empty() {
                return Some((None, i + 1));
            }
            (v, 1)
        } else if let Some(v) = tens_number(&p0).and_then(|t| {
            parts.get(1).and_then(|p| small_number(&lower(p))).filter(|v| *v >= 1.0 && *v <= 9.0).map(|v| t + v)
        }) {
            (v, 2)
        } else if let Some(v) = small_number(&p0).or_else(|| tens_number(&p0)) {
            (v, 1)
        } else if p0 == "a" || p0 == "an" || ordinal_value(&p0).is_some() {
            return None; // "a-day", "third-party", "second-largest"
        } else {
            // a word then digits: "Covid-19", "F-16", "mid-2024": part of a name or a date
            let digits_inside = parts.iter().skip(1).any(|p| p.starts_with(|c: char| c.is_ascii_digit()));
            return if digits_inside { Some((None, i + 1)) } else { None };
        };
        let words = !p0.starts_with(|c: char| c.is_ascii_digit());
        if words && t.is_cap() && !self.is_sentence_start(i) {
            return Some((None, i + 1));
        }
        let rest: Vec<String> = parts[used..].iter().map(|p| lower(p)).collect();
        if rest.is_empty() {
            return None; // "thirty-two" alone is a word number, handled elsewhere
        }
        // digit range "1,500-2,000", "5-6bn"
        if !words && rest.len() == 1 && rest[0].starts_with(|c: char| c.is_ascii_digit()) {
            let (mut hi, _, _, suf) = parse_digits(parts[used])?;
            let mut lo = lead;
            let mut unit: Option<String> = cur.map(|(_, c)| c.to_string());
            if !suf.is_empty() {
                let sl = lower(suf);
                let m = match sl.as_str() {
                    "k" => Some(1e3),
                    "m" if money => Some(1e6),
                    s => scale_word(s),
                };
                match m {
                    Some(m) => {
                        hi *= m;
                        lo *= m;
                    }
                    None => match UNITS.get(sl.as_str()) {
                        Some(u) if unit.is_none() => unit = Some((*u).to_string()),
                        _ => return Some((None, i + 1)),
                    },
                }
            } else if let Some(s) = scale_word(&self.low(i + 1)) {
                hi *= s;
                lo *= s;
            }
            if lo >= hi || (1900.0..=2099.0).contains(&lead) && parse_digits(parts[used]).is_some_and(|x| !x.1) {
                return Some((None, i + 1)); // score, tally, or a span of years "2023-24"
            }
            let score_ctx = ["won", "beat", "defeated", "lost", "drew", "trailed", "led", "trailing", "leading"];
            if i > 0 && score_ctx.contains(&self.low(i - 1).as_str()) {
                return Some((None, i + 1));
            }
            let num = Num {
                value: lo,
                next: i + 1,
                ordinal: false,
                words: false,
                scaled: false,
                factor: 1.0,
                plain_int: false,
            };
            let mut c = self.base_cand(i, num, cur);
            c.value = lo;
            c.high = Some(hi);
            c.unit = unit;
            let mut k = i + 1;
            if scale_word(&self.low(k)).is_some() && suf.is_empty() {
                k += 1;
            }
            if self.not_a_count(i, num, &c, k) {
                return Some((None, k));
            }
            let k = self.finish(&mut c, k, num);
            return Some((Some(c), k));
        }
        if rest.iter().any(|r| r.starts_with(|c: char| c.is_ascii_digit())) {
            return Some((None, i + 1)); // phone numbers, dates: 555-123-4567, 2025-03-14
        }
        // ages: "54-year-old", "five-month-old"
        if rest.last().is_some_and(|r| r == "old") {
            return Some((None, i + 1));
        }
        let joined = rest.join("-");
        let num = Num { value: lead, next: i + 1, ordinal: false, words, scaled: false, factor: 1.0, plain_int: false };
        let mut c = self.base_cand(i, num, cur);
        c.value = lead;
        match joined.as_str() {
            "strong" => {}
            "odd" => c.approx = Approx::About,
            "plus" => c.approx = Approx::MoreThan,
            "way" | "state" | "time" | "off" | "sided" | "party" | "fold" | "thirds" | "quarters" | "halves"
            | "fifths" | "tenths" | "member-state" => return Some((None, i + 1)),
            _ => {
                let unit = match UNITS.get(joined.as_str()) {
                    Some(u) => (*u).to_string(),
                    None if rest.len() == 1 && rest[0].chars().all(|c| c.is_alphabetic()) => lemma(&rest[0]),
                    None => return Some((None, i + 1)),
                };
                if c.unit.is_some() {
                    return Some((None, i + 1)); // "$5-a-day" and other rate shapes
                }
                // "one-off", "one-man", "zero-sum": only measure units make these quantities
                if (lead == 1.0 || lead == 0.0) && words && !UNITS.contains_key(joined.as_str()) {
                    return Some((None, i + 1));
                }
                c.unit = Some(unit);
            }
        }
        if self.not_a_count(i, num, &c, i + 1) {
            return Some((None, i + 1));
        }
        c.tok_end = i + 1;
        let mut quals = std::mem::take(&mut c.qualifiers);
        c.counts = self.noun_after(i + 1, false, &mut quals);
        c.qualifiers = quals;
        self.qualifiers_before(&mut c);
        Some((Some(c), i + 1))
    }

    /// "€450/month": a number glued to a rate period.
    fn slash_rate(&self, i: usize) -> Option<(Option<Cand>, usize)> {
        let t = &self.toks[i];
        let (a, b) = t.text.split_once('/')?;
        let period = period_word(&lower(b));
        let cur = self.currency_before(i);
        let (Some(p), Some((code_tok, code))) = (period, cur) else {
            return Some((None, i + 1)); // 24/7, 9/11, 3/4
        };
        let (v, _, _, suf) = parse_digits(a)?;
        let v = match suf {
            "" => v,
            "k" => v * 1e3,
            "m" => v * 1e6,
            s => v * scale_word(&lower(s))?,
        };
        let num =
            Num { value: v, next: i + 1, ordinal: false, words: false, scaled: false, factor: 1.0, plain_int: false };
        let mut c = self.base_cand(i, num, Some((code_tok, code)));
        c.value = v;
        c.unit = Some(format!("{code}/{p}"));
        c.tok_end = i + 1;
        self.qualifiers_before(&mut c);
        Some((Some(c), i + 1))
    }
}

fn push_unique(v: &mut Vec<String>, q: &str) {
    if !v.iter().any(|x| x == q) {
        v.push(q.to_string());
    }
}

/// Common irregular past tenses: they end a noun phrase ("the talks broke down").
fn irregular_past(l: &str) -> bool {
    matches!(
        l,
        "broke"
            | "came"
            | "went"
            | "took"
            | "made"
            | "began"
            | "fell"
            | "rose"
            | "met"
            | "left"
            | "held"
            | "saw"
            | "got"
            | "gave"
            | "ran"
            | "won"
            | "lost"
            | "sent"
            | "spent"
            | "brought"
            | "built"
            | "drew"
            | "grew"
            | "kept"
            | "led"
            | "paid"
            | "put"
            | "set"
            | "sold"
            | "stood"
            | "struck"
            | "hit"
            | "cut"
            | "shut"
            | "fled"
            | "fought"
            | "found"
            | "laid"
            | "meant"
            | "spoke"
            | "wrote"
            | "became"
            | "felt"
            | "knew"
            | "thought"
            | "bought"
            | "caught"
            | "taught"
            | "sought"
            | "flew"
            | "froze"
            | "hid"
            | "rang"
            | "sank"
            | "shook"
            | "slid"
            | "swept"
            | "threw"
            | "tore"
            | "wore"
            | "woke"
            | "will"
            | "would"
            | "can"
            | "could"
    )
}

fn looks_plural(l: &str) -> bool {
    matches!(
        l,
        "people" | "children" | "men" | "women" | "police" | "staff" | "personnel" | "cattle" | "feet" | "troops"
    ) || (l.len() > 3 && l.ends_with('s') && !l.ends_with("ss") && !l.ends_with("us") && !l.ends_with("is"))
}

/// A simple lemma of an English noun ("residents" → "resident", "casualties" → "casualty").
pub(crate) fn lemma(l: &str) -> String {
    let irregular = match l {
        "people" | "person" | "persons" => Some("people"),
        "children" => Some("child"),
        "men" => Some("man"),
        "women" => Some("woman"),
        "lives" => Some("life"),
        "feet" => Some("foot"),
        "teeth" => Some("tooth"),
        "mice" => Some("mouse"),
        "data" | "news" | "police" | "staff" | "series" | "species" | "aircraft" | "personnel" => Some(l),
        _ => None,
    };
    if let Some(w) = irregular {
        return w.to_string();
    }
    if l.len() > 4 && l.ends_with("ies") {
        return format!("{}y", &l[..l.len() - 3]);
    }
    for suf in ["sses", "ches", "shes", "xes", "zes"] {
        if l.len() > suf.len() + 1 && l.ends_with(suf) {
            return l[..l.len() - 2].to_string();
        }
    }
    if l.len() > 3 && l.ends_with('s') && !l.ends_with("ss") && !l.ends_with("us") && !l.ends_with("is") {
        return l[..l.len() - 1].to_string();
    }
    l.to_string()
}

// ------------------------------------------------------------------ time qualifiers

static REL_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:last|this|next|previous|past)\s+(?:year|month|week|quarter)|a\s+year\s+(?:earlier|ago|before))$",
    )
    .expect("static regex")
});

/// Clause breaks: quantities only take the time words of their own clause.
fn clause_break(t: &Tok) -> bool {
    matches!(t.text, ";" | ":" | "—" | "(" | ")")
        || matches!(lower(t.text).as_str(), "but" | "while" | "whereas" | "compared" | "although" | "though")
}

/// Adds the time of the clause ("last year", "2024") to the quantities in it.
/// With several time words in a clause, each goes to the nearest quantity.
fn add_time_qualifiers(toks: &[Tok], dates: &[&DateMention], out: &mut [Quantity]) {
    if out.is_empty() {
        return;
    }
    // time words: (start offset, qualifier)
    let mut times: Vec<(usize, String)> = Vec::new();
    for d in dates {
        if d.kind != DateKind::Date {
            continue;
        }
        let tl = lower(d.text.trim());
        let tl = tl.strip_prefix("in ").unwrap_or(&tl).to_string();
        if REL_TIME.is_match(&tl) {
            times.push((d.start, tl));
            if let Some(v) = d.value.as_deref().filter(|v| v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit())) {
                times.push((d.start, v.to_string()));
            }
        } else if let Some(v) = d.value.as_deref().filter(|v| v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit())) {
            times.push((d.start, v.to_string()));
        }
    }
    // Whether a token lies inside a quantity, by binary search: a sentence
    // can hold thousands of numbers. `reach[i]` is the furthest end among the
    // quantities that start at or before the i-th start.
    let mut spans: Vec<(usize, usize)> = out.iter().map(|q| (q.start, q.end)).collect();
    spans.sort_unstable();
    let reach: Vec<usize> = spans
        .iter()
        .scan(0, |m, &(_, e)| {
            *m = (*m).max(e);
            Some(*m)
        })
        .collect();
    let inside_quantity = |t: &Tok| {
        let n = spans.partition_point(|&(s, _)| s <= t.start);
        n.checked_sub(1).and_then(|i| reach.get(i)).is_some_and(|&e| t.end <= e)
    };
    // without the date tagger: bare years and "last year"-type phrases
    for (k, t) in toks.iter().enumerate() {
        if t.text.len() == 4
            && t.text.bytes().all(|b| b.is_ascii_digit())
            && t.text.parse::<u32>().is_ok_and(|y| (1900..=2099).contains(&y))
            && !inside_quantity(t)
        {
            times.push((t.start, t.text.to_string()));
        }
        if let Some(n) = toks.get(k + 1)
            && ["last", "this", "next", "previous", "past", "a"].iter().any(|w| t.text.eq_ignore_ascii_case(w))
        {
            let phrase = format!("{} {}", lower(t.text), lower(n.text));
            if REL_TIME.is_match(&phrase) {
                times.push((t.start, phrase));
            }
        }
    }
    times.sort();
    times.dedup_by(|a, b| a.1 == b.1 && a.0.abs_diff(b.0) < 16);
    if times.is_empty() {
        return;
    }
    // Clause breaks before each token, counted once: the clause of an offset
    // is then a binary search instead of a pass over the sentence.
    let mut breaks_before = Vec::with_capacity(toks.len() + 1);
    breaks_before.push(0usize);
    for t in toks {
        let last = breaks_before.last().copied().unwrap_or(0);
        breaks_before.push(last + usize::from(clause_break(t)));
    }
    let clause_of = |off: usize| breaks_before.get(toks.partition_point(|t| t.start < off)).copied().unwrap_or(0);
    let mut by_clause: HashMap<usize, Vec<usize>> = HashMap::default();
    for (k, q) in out.iter().enumerate() {
        by_clause.entry(clause_of(q.start)).or_default().push(k);
    }
    for (off, q_text) in times {
        let in_clause: Vec<usize> = by_clause.get(&clause_of(off)).cloned().unwrap_or_default();
        let targets: Vec<usize> = if in_clause.len() <= 1 {
            in_clause
        } else {
            let dist = |k: usize| {
                let qn = &out[k];
                if off >= qn.end { off - qn.end } else { qn.start.saturating_sub(off) }
            };
            in_clause.iter().copied().min_by_key(|&k| dist(k)).into_iter().collect()
        };
        for k in targets {
            if let Some(q) = out.get_mut(k)
                && !(q.start <= off && off < q.end)
            {
                push_unique(&mut q.qualifiers, &q_text);
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
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
}
