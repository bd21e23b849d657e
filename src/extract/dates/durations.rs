//! Durations ("three days", "for years"), the dates they make with "ago" or
//! "from now", and sets ("every week", "daily", "twice a month", "Mondays").

use super::*;

/// Durations: "three days", "the past three months", "nearly two years",
/// "a minute and a half", "24-hour", "18 months", "for years", and the dates
/// they make with "ago": "two weeks ago", "a year earlier".
pub(super) fn duration(s: &Sent, i: usize) -> Option<M> {
    let mut j = i;
    let mut has_the = false;
    if s.any(j, &["the", "these", "those"]) {
        has_the = true;
        j += 1;
    }
    let mut modw = false;
    if s.class(j, crate::lang::Class::DurationLead) {
        modw = true;
        j += 1;
    }
    let (n, mut k) = match number(s, j) {
        Some((n, k)) => (n, k),
        None => {
            // "for years", "hours later", "the past few years" handled by number()
            let (u, plural) = unit(s.w(j))?;
            if !plural || has_the || modw || !bare_plural_ok(s, i, j) {
                return None;
            }
            return mk(i, j + 1, DateKind::Duration, abs(dur_value(Num::X, u)), R::Duration);
        }
    };
    // "two and a half years": the half comes before the unit.
    let mut n = n;
    if s.is(k, "and")
        && s.any(k + 1, &["a", "one"])
        && s.is(k + 2, "half")
        && let (Num::N(v), Some((_, true))) = (n, unit(s.w(k + 3)))
    {
        n = Num::N(v + 0.5);
        k += 3;
    }
    // "a" alone only counts as one before a singular unit: "a year".
    let art = matches!(s.w(j), "a" | "an") && k == j + 1;
    if has_the && art {
        return None;
    }
    // "24-hour", "three-day", "10-year" (not "30-year-old")
    let mut hyph = false;
    if s.is(k, "-") && s.glued(k) && s.glued(k + 1) {
        // "the 24-hour strike": "the" belongs to the noun, not the duration.
        if has_the {
            return None;
        }
        hyph = true;
        k += 1;
    }
    if s.class(k, crate::lang::Class::DurationInner) && !hyph {
        k += 1;
    }
    let (u, plural, end) = unit_after_count(s, n, k, art, hyph)?;
    let shape = Shape { has_the, art, hyph };
    counted(s, i, shape, n, (u, plural), end)
}

/// How a counted duration was written before its unit.
#[derive(Clone, Copy)]
struct Shape {
    /// After "the", "these" or "those" ("the past three days").
    has_the: bool,
    /// Counted by "a" or "an" ("a year").
    art: bool,
    /// Glued to its unit by a hyphen ("24-hour").
    hyph: bool,
}

/// A count and its unit, `[i, end)`: a duration, or with "ago", "earlier" or
/// "from now" a date, or after a rate a set ("$1.76 a year").
fn counted(
    s: &Sent,
    i: usize,
    shape: Shape,
    mut n: Num,
    (u, plural): (&'static str, bool),
    mut end: usize,
) -> Option<M> {
    let Shape { has_the, art, hyph } = shape;
    // "will one day be", "could one day replace": an unnamed future time.
    if s.is(i, "one") && s.is(i + 1, "day") && end == i + 2 && i > 0 && future_modal(s, i - 1) {
        return mk(i, end, DateKind::Date, abs("FUTURE_REF"), R::Reference);
    }
    // "a year-earlier loss": the comparison point "year-earlier", not "a year".
    if art && s.is(end, "-") && s.glued(end) && s.any(end + 1, &["earlier", "ago"]) {
        return None;
    }
    // "a minute and a half", "two and a half years" (number came before)
    if s.is(end, "and") && s.any(end + 1, &["a", "one"]) && s.is(end + 2, "half") {
        if let Num::N(v) = n {
            n = Num::N(v + 0.5);
        }
        end += 3;
    }
    // "twenty four hours" is already handled by number(); "a day or two" isn't.
    // Dates: "two weeks ago", "a year earlier", "three days later"
    if s.is(end, "or") && s.is(end + 1, "so") && s.is(end + 2, "ago") {
        end += 2;
    }
    if (!has_the && !hyph && s.any(end, &["ago", "earlier"]) || (s.is(end, "from") && s.is(end + 1, "now")))
        && let Some(m) = ago_date(s, i, end, n, u)
    {
        return Some(m);
    }
    let value = dur_value(n, u);
    // "$1.76 a year", "10,000 units a year", "20% a year": a rate, so a set.
    if art && !has_the && i > 0 && is_rate(s, i) {
        return mk(i, end, DateKind::Set, abs(value), R::Set);
    }
    if u == "WE" && !plural {
        return None;
    }
    mk(i, end, kind_of_unit(u), abs(value), R::Duration)
}

/// The time unit at `k` after a count and the token after it, or `None`
/// when the shape is not a duration (an age, a year, "a second term").
fn unit_after_count(s: &Sent, n: Num, k: usize, art: bool, hyph: bool) -> Option<(&'static str, bool, usize)> {
    let (u, plural) = unit(s.w(k))?;
    // "one day" as in "one day he said" is a date-ish adverb; "one second" fine
    if art && plural {
        return None;
    }
    if hyph && plural {
        return None;
    }
    // "second" as an ordinal after a number ("one second") is fine; "a second
    // term" is not a duration.
    if u == "S" && art && !s.class(k + 1, crate::lang::Class::SecondAfter) {
        return None;
    }
    if u == "N" && art {
        return None;
    }
    let mut end = k + 1;
    // "52 years old": an age.
    if s.is(end, "old") || (s.is(end, "of") && s.is(end + 1, "age")) {
        return None;
    }
    // "the 1988 second quarter": a year is not a count of a singular unit.
    if !plural && !hyph && matches!(n, Num::N(v) if v != 1.0 && v >= 1000.0) {
        return None;
    }
    if hyph {
        // "30-year-old": an age.
        if (s.is(end, "-") && s.is(end + 1, "old")) || s.is(end, "old") {
            return None;
        }
        // "24-hour-a-day"
        if s.is(end, "-") && s.is(end + 1, "long") {
            end += 2;
        }
    }
    Some((u, plural, end))
}

/// "two weeks ago", "a year earlier", "three years from now": the date a
/// count of units makes from the anchor (`end` is at "ago"/"earlier"/"from").
fn ago_date(s: &Sent, i: usize, end: usize, n: Num, u: &str) -> Option<M> {
    let ago_word = s.w(end);
    let sign: i64 = match ago_word {
        "ago" | "earlier" => -1,
        "from" => 1,
        // "two days before the vote": the span is the duration only.
        _ => return None,
    };
    let stop = if ago_word == "from" { end + 2 } else { end + 1 };
    let v = match n {
        Num::N(v) if v.fract() == 0.0 => v as i64,
        _ => return mk(i, stop, DateKind::Date, abs(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }), R::Ago),
    };
    // "later"/"earlier" after a count refer to the story's own
    // events; only "a year earlier" style comparisons with the
    // anchor are common in news, so they resolve against it too.
    let off = sign * v;
    let expr = match u {
        "D" => format!("day:{off}"),
        "W" => format!("week:{off}"),
        "M" => format!("month:{off}"),
        "Y" => format!("year:{off}"),
        "DE" => format!("year:{}", off.saturating_mul(10)),
        "Q" => format!("quarter:{off}"),
        _ => "day:0".to_string(),
    };
    mk(i, stop, DateKind::Date, rel(expr), R::Ago)
}

/// A count or a plural before "a year" at `i` ("$1.76 a year", "10,000 units a year"): a rate.
fn is_rate(s: &Sent, i: usize) -> bool {
    let p = s.w(i - 1);
    s.digits(i - 1).is_some()
        || crate::lang::is(crate::lang::Class::RateBefore, p)
        || (p.ends_with('s')
            && p.chars().all(|c| c.is_ascii_lowercase())
            && !crate::lang::is(crate::lang::Class::RateNotPlural, p))
            && s.digits(i.wrapping_sub(2)).is_some()
}

/// A bare plural unit ("years", "hours") is a duration only after a word
/// that makes it one ("for years", "in hours", "hours later", "within days").
pub(super) fn bare_plural_ok(s: &Sent, i: usize, j: usize) -> bool {
    let prev = if i > 0 { s.w(i - 1) } else { "" };
    crate::lang::is(crate::lang::Class::BarePluralLead, prev) && !s.any(j + 1, &["of", "old", "'"]) && !s.poss(j + 1)
        || s.any(j + 1, &["later", "earlier", "ago", "afterwards", "afterward"])
}

/// Sets: "every week", "each year", "every other day", "daily", "weekly",
/// "twice a week", "three times a year", "Tuesday nights", "every Monday".
pub(super) fn set(s: &Sent, i: usize) -> Option<M> {
    let w = s.w(i);
    let adverb = match w {
        "daily" => Some("P1D"),
        "weekly" => Some("P1W"),
        "monthly" => Some("P1M"),
        "annually" | "yearly" => Some("P1Y"),
        "hourly" => Some("PT1H"),
        "nightly" => Some("P1D"),
        "quarterly" => Some("P1Q"),
        _ => None,
    };
    if let Some(v) = adverb {
        return set_adverb(s, i, v);
    }
    if matches!(w, "every" | "each") {
        return every(s, i);
    }
    // "twice a week", "once a month", "three times a year", "five times per day"
    let (_, k) = match w {
        "once" | "twice" | "thrice" => (1, i + 1),
        _ => {
            let (_, k) = number(s, i).filter(|(_, k)| s.is(*k, "times"))?;
            (1, k + 1)
        }
    };
    if !s.any(k, &["a", "an", "per", "each", "every"]) {
        return None;
    }
    let (u, plural) = unit(s.w(k + 1))?;
    if plural {
        return None;
    }
    mk(i, k + 2, DateKind::Set, abs(dur_value(Num::N(1.0), u)), R::Set)
}

/// "every week", "each year", "every other day", "every Monday", "every March".
fn every(s: &Sent, i: usize) -> Option<M> {
    let mut j = i + 1;
    let mut n = 1i64;
    // "every other day": every second day, the unit stays singular.
    let other = s.is(j, "other");
    if other {
        n = 2;
        j += 1;
    } else if let Some((Num::N(v), k)) = number(s, j).filter(|(_, k)| *k > j && !matches!(s.w(j), "a" | "an")) {
        n = v as i64;
        j = k;
    }
    let uw = s.w(j);
    if let Some(wd) = weekday_no(uw).filter(|_| s.cap(j)) {
        let mut end = j + 1;
        let mut v = format!("XXXX-WXX-{wd}");
        if let Some(p) = day_part(s.w(end)) {
            v.push_str(p);
            end += 1;
        }
        return mk(i, end, DateKind::Set, abs(v), R::Set);
    }
    if let Some((m, _, false, e)) = month_tok(s, j) {
        return mk(i, e, DateKind::Set, abs(format!("XXXX-{m:02}")), R::Set);
    }
    if let Some(p) = day_part(uw) {
        let _ = p;
        return mk(i, j + 1, DateKind::Set, abs("P1D"), R::Set);
    }
    let (u, plural) = unit(uw)?;
    if plural != (n > 1 && !other) || u == "N" {
        return None;
    }
    let v = match u {
        "WE" => "XXXX-WXX-WE".to_string(),
        _ => dur_value(Num::N(n as f64), u),
    };
    mk(i, j + 1, DateKind::Set, abs(v), R::Set)
}

/// "daily", "weekly": a set adverb, unless it classifies a noun or starts a name.
fn set_adverb(s: &Sent, i: usize, v: &str) -> Option<M> {
    // "quarterly dividend", "daily flights": an adjective classifying a
    // noun, not a time expression ("on a daily basis" still is).
    let nw = s.w(i + 1);
    if !nw.is_empty()
        && nw.chars().all(|c| c.is_ascii_lowercase())
        && !s.is(i.wrapping_sub(1), "a")
        && !crate::lang::is(crate::lang::Class::SetAdverbNext, nw)
    {
        return None;
    }
    // "the Daily Mail", "Weekly Standard": names.
    if s.cap(i) && i > 0 {
        return None;
    }
    if s.cap(i) && i == 0 && s.cap(i + 1) {
        return None;
    }
    mk(i, i + 1, DateKind::Set, abs(v), R::Set)
}

/// "Mondays", "Tuesday nights": a weekday that recurs.
pub(super) fn plural_weekday(s: &Sent, i: usize) -> Option<M> {
    let w = s.w(i);
    if !s.cap(i) {
        return None;
    }
    if let Some(d) = w.strip_suffix('s').and_then(weekday_no).filter(|_| w.len() >= 7) {
        return mk(i, i + 1, DateKind::Set, abs(format!("XXXX-WXX-{d}")), R::Set);
    }
    let d = weekday_no(w).filter(|_| w.len() >= 6)?;
    let part = match s.w(i + 1) {
        "mornings" => "TMO",
        "afternoons" => "TAF",
        "evenings" => "TEV",
        "nights" => "TNI",
        _ => return None,
    };
    mk(i, i + 2, DateKind::Set, abs(format!("XXXX-WXX-{d}{part}")), R::Set)
}

/// "will", "would", "could", "may": a modal that puts "one day" in the future.
fn future_modal(s: &Sent, k: usize) -> bool {
    (s.class(k, crate::lang::Class::FutureMarker) || s.class(k, crate::lang::Class::FutureReported)) && !s.cap(k)
}
