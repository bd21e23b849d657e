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

/// Measure units after a number, by lowercase surface form → canonical unit
/// (`data/lexicon/en/unit-forms.tsv`).
pub(super) static UNITS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| lang::lexicon::entries(UNIT_FORMS).filter_map(|l| l.split_once('\t')).collect());

const UNIT_FORMS: &str = include_str!("../../../data/lexicon/en/unit-forms.tsv");
const CURRENCIES: &str = include_str!("../../../data/lexicon/en/currencies.tsv");
const APPROXIMATIONS: &str = include_str!("../../../data/lexicon/en/approximations.tsv");

/// (form, kind) of a `currencies.tsv` row.
type CurrencyKey = (&'static str, &'static str);

/// `currencies.tsv` by (form, kind) → (code, factor).
static CURRENCY: LazyLock<HashMap<CurrencyKey, (&'static str, f64)>> = LazyLock::new(|| {
    lang::lexicon::entries(CURRENCIES)
        .filter_map(|l| {
            let mut f = l.split('\t');
            let (form, kind, code, factor) = (f.next()?, f.next()?, f.next()?, f.next()?.parse().ok()?);
            Some(((form, kind), (code, factor)))
        })
        .collect()
});

fn currency(form: &str, kind: &str) -> Option<(&'static str, f64)> {
    CURRENCY.get(&(form, kind)).copied()
}

/// Currency words after a number ("euros", "cents": code and factor).
pub(super) fn currency_word(w: &str) -> Option<(&'static str, f64)> {
    currency(w, "word")
}

/// An ISO code written as a currency ("USD").
pub(super) fn currency_code(w: &str) -> Option<&'static str> {
    currency(w, "code").map(|c| c.0)
}

/// A currency sign ("$", "€").
pub(super) fn currency_symbol(s: &str) -> Option<&'static str> {
    currency(s, "symbol").map(|c| c.0)
}

/// `US$`, `A$`: a letter prefix glued to the dollar sign.
pub(super) fn dollar_prefix(s: &str) -> Option<&'static str> {
    currency(s, "prefix").map(|c| c.0)
}

pub(super) fn period_word(w: &str) -> Option<&'static str> {
    rate_period(w, "after-lead")
}

/// The period of a rate adverb ("annually" → "year").
pub(super) fn period_adverb(w: &str) -> Option<&'static str> {
    rate_period(w, "alone")
}

fn rate_period(w: &str, written: &str) -> Option<&'static str> {
    static PERIODS: LazyLock<HashMap<&'static str, (&'static str, &'static str)>> = LazyLock::new(|| {
        lang::lexicon::entries(RATE_PERIODS)
            .filter_map(|l| {
                let mut cols = l.split('\t');
                Some((cols.next()?, (cols.next()?, cols.next()?)))
            })
            .collect()
    });
    PERIODS.get(w).filter(|(_, how)| *how == written).map(|(p, _)| *p)
}

const RATE_PERIODS: &str = include_str!("../../../data/lexicon/en/rate-periods.tsv");

/// The area unit of "square" and a length unit's form ("miles" → "mi2").
pub(super) fn area_unit(w: &str) -> Option<&'static str> {
    static AREAS: LazyLock<HashMap<&'static str, &'static str>> =
        LazyLock::new(|| lang::lexicon::entries(AREA_UNITS).filter_map(|l| l.split_once('\t')).collect());
    AREAS.get(w).copied()
}

const AREA_UNITS: &str = include_str!("../../../data/lexicon/en/area-units.tsv");

/// A month name or abbreviation as a name is written ("March", "Sept").
pub(super) fn month_word(t: &str) -> bool {
    lang::tables::is_titlecase(t) && lang::month(&t.to_lowercase()).is_some()
}

/// A full weekday name as a name is written ("Monday").
pub(super) fn weekday_word(t: &str) -> bool {
    lang::tables::is_titlecase(t) && lang::weekday(&t.to_lowercase()).is_some_and(|(_, full)| full)
}

/// Approximation phrases before a number (`approximations.tsv`), as words.
pub(super) static APPROX_BEFORE: LazyLock<Vec<(Vec<&'static str>, Approx)>> = LazyLock::new(|| {
    lang::lexicon::entries(APPROXIMATIONS)
        .filter_map(|l| {
            let (phrase, kind) = l.split_once('\t')?;
            let kind = match kind {
                "about" => Approx::About,
                "nearly" => Approx::Nearly,
                "at_least" => Approx::AtLeast,
                "more_than" => Approx::MoreThan,
                "less_than" => Approx::LessThan,
                "at_most" => Approx::AtMost,
                _ => return None,
            };
            Some((phrase.split(' ').collect(), kind))
        })
        .collect()
});

/// Words that change what a number means → the qualifier recorded.
pub(super) fn qualifier_word(w: &str) -> Option<&'static str> {
    crate::lang::lexicon().qualifier(w)
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
    crate::lang::lexicon().unit(u).is_some_and(|i| i.dimension == "duration")
}
