//! Choices that look past a date's own clause to what the story or the
//! sentence named before it: a bare month that repeats a month the story
//! has already placed ("expected to join in April ... the summit in April"),
//! and a later date of a list whose earlier date lies ahead ("would leave
//! from March 30, with the third flight from August 6").

use super::*;
use jiff::civil::Date;

/// Tokens after a month or month-day that lies ahead within which a later one follows it.
const LIST_REACH: usize = 16;

/// Re-read the expression of `m` in the light of what came before: `told`
/// (the story so far) and `ahead` (the token after the last month or
/// month-day of this sentence that lies after `published`).
pub(super) fn adjust(s: &Sent, m: &mut M, told: &Told, ahead: Option<usize>, published: Date) {
    let Val::Rel(e) = &m.val else { return };
    let e = e.clone();
    // A bare month without a tense cue of its own (no past verb in its
    // clause either: "Since it bought the firm in February") that the story
    // named before is the same month: take the year it was placed in.
    if m.rule == R::Month
        && !s.past_in_clause_before(m.start)
        && let Some(mo) = e.strip_prefix("mon:near:")
        && let Some(y) = mo.parse::<usize>().ok().and_then(|k| told.month_year(k))
    {
        m.val = rel(format!("mon:x:{mo}:{}", y - i64::from(published.year())));
        return;
    }
    // A list of dates told of one plan runs forward: after one that lies
    // ahead, a later one with no past verb of its own lies ahead too.
    if names_month(m) && e.contains(":near:") && follows_ahead(s, ahead, m.start) {
        m.val = rel(e.replacen(":near:", ":future:", 1));
    }
}

/// A month or a month-day, with or without its year.
pub(super) fn names_month(m: &M) -> bool {
    matches!(
        m.rule,
        R::Month
            | R::MonthRel
            | R::MonthRelYear
            | R::MonthYear
            | R::MonthDay
            | R::MonthDayYear
            | R::DayMonth
            | R::DayMonthYear
    )
}

/// Value `v` (`YYYY-MM` or `YYYY-MM-DD`) lies after the anchor's month or day.
pub(super) fn lies_ahead(v: &str, anchor: Date) -> bool {
    let a = format!("{:04}-{:02}-{:02}", anchor.year(), anchor.month(), anchor.day());
    let n = v.len().min(10);
    n >= 7 && v.as_bytes().get(..4).is_some_and(|y| y.iter().all(u8::is_ascii_digit)) && v.get(..n) > a.get(..n)
}

/// The date at `start` comes shortly after one that lies ahead, with no
/// past-tense verb or semicolon between them nor right before it.
fn follows_ahead(s: &Sent, ahead: Option<usize>, start: usize) -> bool {
    let Some(a) = ahead else { return false };
    start <= a + LIST_REACH
        && !(a..start).any(|k| tense::is_past_form(s.w(k)) || s.is(k, ";"))
        && !s.past_verb_before(start)
}
