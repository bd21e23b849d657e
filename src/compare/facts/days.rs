//! The day an action happened, as a fact that can only agree: "arrested
//! him on Friday" / "was taken into custody Friday". Built here, not in
//! extraction, because a date's value is final only once `anchors.rs` has
//! re-resolved it on the corpus. Two different days are never reported as a
//! conflict: relative dates ("Tuesday") resolve on anchors that can be off,
//! and one story tells several incidents on several days.

use crate::extract::frames::{INCIDENT, point_fact};
use crate::lang::{Class, is};
use crate::lang::{Token, lexicon, tokenize};
use crate::model::{ArticleRecord, Claim, DateKind, Fact};

/// Tokens either side of a date that may say what happened on it.
const WINDOW: usize = 6;

/// Day facts of one claim: a full date next to a word for the incident or
/// a predicate class ("arrested", "killed"), and no word of a plan nearby.
pub(super) fn day_facts(rec: &ArticleRecord, claim: &Claim) -> Vec<Fact> {
    let lx = lexicon();
    let published = rec.article.published.as_deref().and_then(day_number);
    if claim.dates.is_empty() {
        return Vec::new(); // most claims: nothing to tokenize for
    }
    let toks = tokenize(&claim.text, claim.start);
    let mut out = Vec::new();
    for &di in &claim.dates {
        let Some(d) = rec.dates.get(di) else { continue };
        if !matches!(d.kind, DateKind::Date | DateKind::Time) || d.start < claim.start || d.end > claim.end {
            continue;
        }
        // "Friday morning" is 2018-10-26TMO: its day is the first ten
        // characters; a clock time ("2:09 a.m.") is a time, not a day
        let value = d.value.as_deref().unwrap_or_default();
        let part_of_day = matches!(value.get(10..), Some("" | "TMO" | "TAF" | "TEV" | "TNI"));
        if !part_of_day {
            continue;
        }
        let Some(day) = value.get(..10).and_then(day_number) else { continue };
        let clause = claim.clauses.iter().position(|c| d.start >= c.start && d.start < c.end).unwrap_or(0);
        let (cs, ce) = claim.clauses.get(clause).map_or((claim.start, claim.end), |c| (c.start, c.end));
        let first = toks.iter().position(|t| t.start >= d.start).unwrap_or(toks.len());
        let last = toks.iter().rposition(|t| t.end <= d.end).unwrap_or(first);
        // nearest first: "was taken into custody on Friday" is an arrest
        let mut window: Vec<(usize, _)> = toks
            .iter()
            .enumerate()
            .filter(|(k, t)| t.start >= cs && t.end <= ce && (*k + WINDOW >= first && *k <= last + WINDOW))
            .filter(|(_, t)| t.end <= d.start || t.start >= d.end)
            .map(|(k, t)| (if k < first { first - k } else { k - last }, t))
            .collect();
        window.sort_by_key(|(dist, t)| (*dist, t.start));
        let window: Vec<_> = window.into_iter().map(|(_, t)| t).collect();
        // "said Thursday that seven were killed" dates the telling
        let told = toks.get(first.wrapping_sub(1)).is_some_and(|t| is(Class::ReportingVerb, &t.lower));
        if told || window.iter().any(|t| lx.is_modal(&t.lower)) {
            continue;
        }
        let predicate = if window.iter().any(|t| lx.is_incident(&t.lower)) {
            Some(INCIDENT)
        } else {
            window.iter().find_map(|t| lx.predicate_class(&t.lower))
        };
        let Some(predicate) = predicate else { continue };
        let value = day as f64;
        let mut f = point_fact("date", value, &d.text, clause, claim.quantities.len());
        f.predicate = Some(predicate.to_string());
        // a day weeks away from the article's is another event's
        f.background = published.is_some_and(|p| (p - day).abs() > 14);
        f.context = context_words(window.iter().copied());
        out.push(f);
    }
    out
}

/// The dimension of the month an ongoing event began.
pub(super) const START: &str = "start";

/// How far before its verb or "since" the name of the ongoing event may be:
/// "fighting between the army and the rebels' northern wing, or SPLA-N,
/// began in July" names it well before the verb.
const SUBJECT_REACH: usize = 24;

/// The month an ongoing event began, as a fact that may conflict: "rebels
/// have been fighting the army since June" / "fighting … began in July".
/// Unlike a day, a month name is read without an anchor ("July" is July in
/// an undated article), and a story seldom tells two starts of one war; the
/// year, when known, is the reference, so "since June 2010" never meets
/// "began in July 2011". A month with a modifier ("since late June") or a
/// day ("since June 5") is left out: it is a point the other side may
/// round.
pub(super) fn start_facts(rec: &ArticleRecord, claim: &Claim) -> Vec<Fact> {
    let lx = lexicon();
    if claim.dates.is_empty() {
        return Vec::new();
    }
    let toks = tokenize(&claim.text, claim.start);
    let mut out = Vec::new();
    for &di in &claim.dates {
        let Some(d) = rec.dates.get(di) else { continue };
        if d.kind != DateKind::Date || d.start < claim.start || d.end > claim.end {
            continue;
        }
        let Some(first) = toks.iter().position(|t| t.start >= d.start) else { continue };
        let last = toks.iter().rposition(|t| t.end <= d.end).unwrap_or(first);
        let Some(month) = toks.get(first).and_then(|t| crate::lang::month(&t.lower)) else { continue };
        let year = match toks.get(first + 1..=last) {
            Some([]) => None,
            Some([y]) if y.text.len() == 4 && y.text.bytes().all(|b| b.is_ascii_digit()) => Some(y.text.to_string()),
            _ => continue,
        };
        // the year the resolver gave a bare month, when it could
        let year = year.or_else(|| {
            d.value.as_deref().and_then(|v| v.get(..4)).filter(|y| !y.starts_with('X')).map(str::to_string)
        });
        let word = |k: usize| first.checked_sub(k).and_then(|i| toks.get(i)).map(|t| &*t.lower);
        // "… since June" or "… began in July": where the event's name may start
        let subject_end = match (word(1), word(2)) {
            (Some("since"), _) => first - 1,
            (Some("in"), Some(v)) if lx.event_verb(v) == Some("began") => first - 2,
            _ => continue,
        };
        let clause = claim.clauses.iter().position(|c| d.start >= c.start && d.start < c.end).unwrap_or(0);
        let cs = claim.clauses.get(clause).map_or(claim.start, |c| c.start);
        let Some((at, head)) = toks[subject_end.saturating_sub(SUBJECT_REACH)..subject_end]
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, t)| t.start >= cs)
            .find_map(|(k, t)| Some((k, lx.ongoing(&t.lower, &t.lemma)?)))
        else {
            continue;
        };
        let from = subject_end.saturating_sub(SUBJECT_REACH) + at;
        let mut f = point_fact(START, f64::from(month.month), &d.text, clause, claim.quantities.len());
        f.head = Some(head.to_string());
        f.predicate = Some("began".to_string());
        f.reference = year;
        f.context = context_words(toks[from..subject_end].iter());
        out.push(f);
    }
    out
}

/// The content words of a fact's window, as sorted unique lemmas.
fn context_words<'t, 'a: 't>(window: impl Iterator<Item = &'t Token<'a>>) -> Vec<String> {
    let lx = lexicon();
    let mut context: Vec<String> = window
        .filter(|t| !t.is_number() && !lx.is_stopword(&t.lower) && t.lower.chars().count() > 1)
        .map(|t| t.lemma.to_string())
        .collect();
    context.sort();
    context.dedup();
    context
}

/// Days since 2000-01-01 of a `YYYY-MM-DD` value; `None` for coarser ones.
fn day_number(v: &str) -> Option<i64> {
    if v.len() != 10 {
        return None;
    }
    let d: jiff::civil::Date = v.parse().ok()?;
    Some(d.since(jiff::civil::date(2000, 1, 1)).ok()?.get_days().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_full_dates_have_a_day_number() {
        assert_eq!(day_number("2000-01-02"), Some(1));
        assert_eq!(day_number("2000-01"), None);
        assert_eq!(day_number("2000-W05"), None);
    }
}
