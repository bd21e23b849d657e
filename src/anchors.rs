//! Resolve, part 1: publication dates and date anchors across the corpus.
//!
//! An article whose dateline gives only a month and day (`KYIV, March 12 —`)
//! and whose own text states no year takes the year from the rest of the
//! corpus: the year of the dated articles whose dates lie closest to that
//! month and day (ties: the later year). The result is marked `inferred`.
//! Relative date values of such articles are resolved again against the
//! inferred date and marked as resting on an inferred anchor.
//!
//! Once stories are known, such a year is taken again from the stated dates
//! of the article's own story ([`infer_years_within_stories`]): a folder of
//! several years' news holds a "June 13" dateline of every year, and the
//! nearest one in the corpus is often another event's.

use crate::extract::dates;
use crate::model::{Anchor, ArticleRecord, DateSource};
use jiff::civil::Date;
use std::collections::BTreeMap;

/// Fill in missing years of dateline dates from the corpus, then re-resolve
/// the relative dates of articles whose anchor changed.
pub fn infer_publication_years(records: &mut [ArticleRecord]) {
    let known: Vec<Date> = records
        .iter()
        .filter(|r| r.article.published_source.is_some_and(|s| s != DateSource::Inferred))
        .filter_map(|r| r.article.published.as_deref()?.parse().ok())
        .collect();
    let mut known = known;
    known.sort_unstable();
    known.dedup();
    if known.is_empty() {
        return;
    }
    for r in records.iter_mut() {
        if r.article.published.is_some() {
            continue;
        }
        let Some(md) = r.article.dateline.as_ref().and_then(|d| d.month_day.clone()) else {
            continue;
        };
        let Some(date) = nearest_year(&md, &known) else {
            continue;
        };
        r.article.published = Some(date.to_string());
        r.article.published_source = Some(DateSource::Inferred);
        reanchor(r, date);
    }
}

/// Take the year of each dateline whose year came from the corpus
/// (`from_corpus[i]`, those [`infer_publication_years`] filled) again from
/// the stated publication dates of its own story (`story_of[i]`), and
/// re-resolve its relative dates when it changes. A story with no stated
/// date keeps the corpus-wide guess.
pub fn infer_years_within_stories(records: &mut [ArticleRecord], story_of: &[usize], from_corpus: &[bool]) {
    let mut known: BTreeMap<usize, Vec<Date>> = BTreeMap::new();
    for (r, &story) in records.iter().zip(story_of) {
        if r.article.published_source.is_some_and(|s| s != DateSource::Inferred)
            && let Some(d) = r.article.published.as_deref().and_then(|d| d.parse::<Date>().ok())
        {
            known.entry(story).or_default().push(d);
        }
    }
    for dates in known.values_mut() {
        dates.sort_unstable();
        dates.dedup();
    }
    for ((r, &story), _) in records.iter_mut().zip(story_of).zip(from_corpus).filter(|(_, f)| **f) {
        let Some(md) = r.article.dateline.as_ref().and_then(|d| d.month_day.as_deref()) else {
            continue;
        };
        let Some(date) = known.get(&story).and_then(|k| nearest_year(md, k)) else {
            continue;
        };
        let date_text = date.to_string();
        if r.article.published.as_deref() != Some(date_text.as_str()) {
            r.article.published = Some(date_text);
            r.article.published_source = Some(DateSource::Inferred);
            reanchor(r, date);
        }
    }
}

/// Re-resolve every anchor-dependent date of a record against `anchor`.
pub fn reanchor(r: &mut ArticleRecord, anchor: Date) {
    for d in &mut r.dates {
        if matches!(d.anchor, Anchor::Absolute) {
            continue;
        }
        if let Some(expr) = &d.expr {
            d.value = dates::resolve_expr(expr, anchor);
            d.anchor = Anchor::Inferred;
        }
    }
}

/// `--MM-DD` placed in the year that puts it closest to a known date (the
/// later date on a tie). `known` must be sorted and deduplicated: each
/// candidate year is checked against its nearest known dates by binary search,
/// so a corpus of many dateline-only articles stays linear.
fn nearest_year(month_day: &str, known: &[Date]) -> Option<Date> {
    let m: i8 = month_day.get(2..4)?.parse().ok()?;
    let d: i8 = month_day.get(5..7)?.parse().ok()?;
    let mut years: Vec<i16> = known.iter().flat_map(|k| [k.year() - 1, k.year(), k.year() + 1]).collect();
    years.dedup();
    years.sort_unstable();
    years.dedup();
    let mut best: Option<(i64, Date)> = None;
    for y in years {
        let Ok(c) = Date::new(y, m, d) else { continue };
        let i = known.partition_point(|k| *k < c);
        for k in [i.checked_sub(1).and_then(|j| known.get(j)), known.get(i)].into_iter().flatten() {
            let Ok(span) = k.until(c) else { continue };
            let dist = i64::from(span.get_days()).abs();
            if best.is_none_or(|(bd, bdate)| dist < bd || (dist == bd && c > bdate)) {
                best = Some((dist, c));
            }
        }
    }
    best.map(|(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_year_crosses_new_year() {
        let known = [Date::new(2025, 1, 2).unwrap()];
        assert_eq!(nearest_year("--12-30", &known), Some(Date::new(2024, 12, 30).unwrap()));
        assert_eq!(nearest_year("--03-12", &[Date::new(2025, 3, 14).unwrap()]), Some(Date::new(2025, 3, 12).unwrap()));
        assert_eq!(nearest_year("--10-01", &[Date::new(2025, 3, 14).unwrap()]), Some(Date::new(2024, 10, 1).unwrap()));
    }

    /// The binary search gives what checking every known date gives.
    #[test]
    fn nearest_year_matches_the_exhaustive_search() {
        let brute = |md: &str, known: &[Date]| -> Option<Date> {
            let m: i8 = md[2..4].parse().ok()?;
            let d: i8 = md[5..7].parse().ok()?;
            let mut best: Option<(i64, Date)> = None;
            for k in known {
                for y in [k.year() - 1, k.year(), k.year() + 1] {
                    let Ok(c) = Date::new(y, m, d) else { continue };
                    let dist = i64::from(k.until(c).ok()?.get_days()).abs();
                    if best.is_none_or(|(bd, bdate)| dist < bd || (dist == bd && c > bdate)) {
                        best = Some((dist, c));
                    }
                }
            }
            best.map(|(_, d)| d)
        };
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut rnd = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..300 {
            let mut known: Vec<Date> = (0..1 + rnd(6))
                .filter_map(|_| Date::new(2019 + rnd(7) as i16, 1 + rnd(12) as i8, 1 + rnd(28) as i8).ok())
                .collect();
            known.sort_unstable();
            known.dedup();
            let md = format!("--{:02}-{:02}", 1 + rnd(12), 1 + rnd(31));
            assert_eq!(nearest_year(&md, &known), brute(&md, &known), "{md} {known:?}");
        }
    }
}
