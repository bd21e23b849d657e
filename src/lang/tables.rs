//! The month, weekday and number-word tables of `data/lexicon/en/`: one of
//! each, read by every extractor that needs them.

use super::lexicon::entries;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

pub(crate) const MONTHS: &str = include_str!("../../data/lexicon/en/months.tsv");
pub(crate) const WEEKDAYS: &str = include_str!("../../data/lexicon/en/weekdays.tsv");
pub(crate) const NUMBERS: &str = include_str!("../../data/lexicon/en/numbers.tsv");

/// A month spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthWord {
    /// 1 = January.
    pub month: u32,
    /// An abbreviation ("Sept"), which may take a period.
    pub abbr: bool,
    /// Also an ordinary word or a name ("may", "march").
    pub common: bool,
}

/// The kind of a number word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// zero to nineteen
    Cardinal,
    /// twenty to ninety
    Tens,
    /// hundred, thousand, million, mn, bn…
    Scale,
    /// first, second, twenty-first…
    Ordinal,
    /// twenties to nineties
    Decade,
}

struct Tables {
    months: FxHashMap<&'static str, MonthWord>,
    full_months: [&'static str; 12],
    weekdays: FxHashMap<&'static str, (u32, bool)>,
    numbers: FxHashMap<&'static str, (f64, NumberKind)>,
}

fn columns(line: &'static str) -> Vec<&'static str> {
    line.split('\t').collect()
}

fn load() -> Tables {
    let mut months = FxHashMap::default();
    let mut full_months = [""; 12];
    for c in entries(MONTHS).map(columns) {
        let (Some(w), Some(Ok(month)), Some(form), Some(common)) =
            (c.first(), c.get(1).map(|m| m.parse::<u32>()), c.get(2), c.get(3))
        else {
            continue;
        };
        let abbr = *form == "abbr";
        if !abbr && let Some(slot) = full_months.get_mut(month.wrapping_sub(1) as usize) {
            *slot = w;
        }
        months.insert(*w, MonthWord { month, abbr, common: *common == "yes" });
    }
    let mut weekdays = FxHashMap::default();
    for c in entries(WEEKDAYS).map(columns) {
        if let (Some(w), Some(Ok(d)), Some(form)) = (c.first(), c.get(1).map(|d| d.parse::<u32>()), c.get(2)) {
            weekdays.insert(*w, (d, *form == "full"));
        }
    }
    let mut numbers = FxHashMap::default();
    for c in entries(NUMBERS).map(columns) {
        let kind = match c.get(2).copied() {
            Some("cardinal") => NumberKind::Cardinal,
            Some("tens") => NumberKind::Tens,
            Some("scale") => NumberKind::Scale,
            Some("ordinal") => NumberKind::Ordinal,
            Some("decade") => NumberKind::Decade,
            _ => continue,
        };
        if let (Some(w), Some(Ok(v))) = (c.first(), c.get(1).map(|v| v.parse::<f64>())) {
            numbers.insert(*w, (v, kind));
        }
    }
    Tables { months, full_months, weekdays, numbers }
}

static TABLES: LazyLock<Tables> = LazyLock::new(load);

/// The shortest spelling of each month ("jan", …, "may", …, "sep"), in month
/// order: every other spelling starts with it, so a pattern of these
/// followed by `[a-z]*` takes every month word.
pub fn month_prefixes() -> Vec<&'static str> {
    let mut best: [&'static str; 12] = [""; 12];
    for (w, m) in &TABLES.months {
        if let Some(slot) = best.get_mut(m.month.wrapping_sub(1) as usize)
            && (slot.is_empty() || (w.len(), *w) < (slot.len(), *slot))
        {
            *slot = w;
        }
    }
    best.into_iter().filter(|w| !w.is_empty()).collect()
}

/// A lowercase month name or abbreviation ("sept" → 9).
pub fn month(lower: &str) -> Option<MonthWord> {
    TABLES.months.get(lower).copied()
}

/// The full lowercase name of month `m` (1 = "january").
pub fn month_name(m: u32) -> Option<&'static str> {
    TABLES.full_months.get(m.checked_sub(1)? as usize).copied().filter(|n| !n.is_empty())
}

/// A lowercase weekday name or abbreviation: (day, 1 = Monday; a full name).
pub fn weekday(lower: &str) -> Option<(u32, bool)> {
    TABLES.weekdays.get(lower).copied()
}

/// A lowercase number word: its value and kind.
pub fn number_word(lower: &str) -> Option<(f64, NumberKind)> {
    TABLES.numbers.get(lower).copied()
}

/// A number word of one kind.
pub fn number_of(lower: &str, kind: NumberKind) -> Option<f64> {
    number_word(lower).filter(|&(_, k)| k == kind).map(|(v, _)| v)
}

/// Capitalised as a name is: an uppercase first letter, the rest lowercase ("May", not "MAY").
pub fn is_titlecase(t: &str) -> bool {
    let mut cs = t.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse_every_row() {
        for (name, file, cols) in
            [("months.tsv", MONTHS, 4), ("weekdays.tsv", WEEKDAYS, 3), ("numbers.tsv", NUMBERS, 3)]
        {
            assert!(file.starts_with('#'), "{name}: no header");
            for l in entries(file) {
                assert_eq!(l.split('\t').count(), cols, "{name}: '{l}'");
            }
        }
        assert_eq!(TABLES.months.len(), entries(MONTHS).count());
        assert_eq!(TABLES.weekdays.len(), entries(WEEKDAYS).count());
        assert_eq!(TABLES.numbers.len(), entries(NUMBERS).count());
        assert!(TABLES.full_months.iter().all(|m| !m.is_empty()));
        assert_eq!(month("sept"), Some(MonthWord { month: 9, abbr: true, common: false }));
        assert_eq!(month_name(5), Some("may"));
        assert_eq!(weekday("thurs"), Some((4, false)));
        assert_eq!(number_word("twenty-first"), Some((21.0, NumberKind::Ordinal)));
        assert!(is_titlecase("March") && !is_titlecase("MARCH"));
    }
}
