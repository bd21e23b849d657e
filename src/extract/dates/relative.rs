//! Dates counted from the anchor: weekdays, today/yesterday, this/last/next
//! units, quarters and halves, seasons, holidays and reference words (now, recently).

use super::*;

/// Parts of a day: TIMEX3 suffixes.
pub(super) fn day_part(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        "night" => "TNI",
        "overnight" => "TNI",
        _ => return None,
    })
}

/// "Tuesday", "last Friday", "next Monday", "Friday morning", "Tuesday night".
pub(super) fn weekday(s: &Sent, i: usize) -> Option<M> {
    // "the previous Friday", "the following Monday": "the" joins the span.
    let mut j = if s.is(i, "the") && s.any(i + 1, &["previous", "preceding", "following"]) { i + 1 } else { i };
    let modw = if s.class(j, crate::lang::Class::WeekdayModifier) {
        j += 1;
        if s.is(i, "this") && s.any(j, &["coming", "past"]) {
            j += 1;
        }
        Some(s.w(j - 1))
    } else {
        None
    };
    let wd = weekday_no(s.w(j))?;
    let w = s.w(j);
    let full = w.len() >= 6;
    if !s.cap(j) || !(full || s.dot(j + 1) || month_tok(s, j + 1).is_some() || month_tok(s, j + 2).is_some()) {
        return None;
    }
    let mut end = j + 1;
    if !full && s.dot(end) {
        end += 1;
    }
    // "the Sunday Times", "Saturday Night Live": a following capitalised
    // word that is not a date word makes it a name.
    if modw.is_none() && s.cap(end) && !s.glued(end) {
        let nw = s.w(end);
        if month_no(nw).is_none()
            && day_part(nw).is_none()
            && !s.any(end, &["night", "morning"])
            && !nw.is_empty()
            && nw.chars().all(|c| c.is_alphabetic())
            && s.orig(end).chars().skip(1).any(|c| c.is_lowercase())
        {
            return None;
        }
    }
    // "Friday, March 14, 2025": the explicit date wins and carries the span.
    let mut k = end;
    if s.is(k, ",") {
        k += 1;
    }
    if let Some(md) = month_date(s, k)
        && matches!(md.rule, R::MonthDayYear | R::MonthDay | R::DayMonthYear | R::DayMonth)
    {
        return Some(M { start: i, ..md });
    }
    // "on Monday and Tuesday nights", "Monday or Wednesday evenings": the
    // plural after the conjunction makes both days recurring.
    if modw.is_none()
        && s.any(end, &["and", "or"])
        && let Some(Val::Abs(v)) = plural_weekday(s, end + 1).map(|p| p.val)
    {
        return mk(i, end, DateKind::Set, abs(format!("XXXX-WXX-{wd}{}", v.get(10..).unwrap_or(""))), R::Set);
    }
    let mode = weekday_mode(s, i, end, modw);
    let mut expr = match mode.strip_prefix("anaph-") {
        Some(m) => format!("anaph:wd:{m}:{wd}"),
        None => format!("wd:{mode}:{wd}"),
    };
    let mut kind = DateKind::Date;
    if let Some(p) = day_part(s.w(end)) {
        expr.push('@');
        expr.push_str(p);
        kind = DateKind::Time;
        end += 1;
    }
    // "Tuesday nights" / "Mondays": a set, handled by `set`.
    mk(i, end, kind, rel(expr), R::Weekday)
}

/// The direction of a weekday from its modifier ("last", "next", "this",
/// "the previous") or, without one, from the tense around it: past unless
/// a deadline, a future cue or a reported plan points ahead.
fn weekday_mode(s: &Sent, i: usize, end: usize, modw: Option<&str>) -> &'static str {
    match (modw, s.w(i + 1)) {
        // "the previous Friday", "the following Monday": counted from the day the story
        // named last (from the anchor when it named none; resolved in `extract`).
        (Some("previous" | "preceding"), _) => "anaph-last",
        (Some("following"), _) => "anaph-next",
        (Some("last" | "past"), _) | (Some("this"), "past") => "last",
        (Some("next" | "coming"), _) | (Some("this"), "coming") => "next",
        (Some("this"), _) => {
            if s.future_near(i, end) {
                "future"
            } else {
                "this"
            }
        }
        _ => {
            let prev = if i > 0 { s.w(i - 1) } else { "" };
            // "until Thursday" lies ahead, unless the sentence looks back
            // ("Until Thursday, they had not named him").
            let deadline = (matches!(prev, "until" | "till") && !s.past_frame)
                || (prev == "as" && s.any(i.wrapping_sub(2), &["early", "soon"]) && s.is(i.wrapping_sub(3), "as"));
            // "would travel Thursday" looks ahead, "around Wednesday's ruling" back.
            let reported = s.reported_near(i, end) && !s.poss(end);
            if s.fronted_past(i, end) || s.past_verb_after(end) {
                "past"
            } else if deadline
                || s.fronted_tense(i, end) == Some(false)
                || ((s.future_near(i, end) || reported) && !s.past_verb_before(i))
                || s.scheduled_present(i)
            {
                "future"
            } else {
                "past"
            }
        }
    }
}

/// today, tonight, tomorrow, yesterday (with a part of the day), last night,
/// this morning, the day before yesterday.
pub(super) fn relative_day(s: &Sent, i: usize) -> Option<M> {
    let w = s.w(i);
    let (off, mut end) = match w {
        "today" => {
            // "USA Today", "Psychology Today": a title, not a date.
            let all_caps = s.orig(i).chars().all(|c| c.is_uppercase());
            if i > 0 && s.cap(i) && !all_caps && s.cap(i - 1) && s.orig(i - 1).chars().all(char::is_alphabetic) {
                return None;
            }
            (0, i + 1)
        }
        "yesterday" => (-1, i + 1),
        "tomorrow" => (1, i + 1),
        "tonight" => return mk(i, i + 1, DateKind::Time, rel("day:0@TNI"), R::RelativeDay),
        "overnight" => return None,
        "last" if s.is(i + 1, "night") => return mk(i, i + 2, DateKind::Time, rel("day:-1@TNI"), R::RelativeDay),
        "this" => {
            let p = day_part(s.w(i + 1)).filter(|_| !s.is(i + 1, "overnight"))?;
            return mk(i, i + 2, DateKind::Time, rel(format!("day:0@{p}")), R::RelativeDay);
        }
        "the" if s.is(i + 1, "day") && s.any(i + 2, &["before", "after"]) => {
            let off = if s.is(i + 2, "before") { -2 } else { 2 };
            let want = if off < 0 { "yesterday" } else { "tomorrow" };
            if !s.is(i + 3, want) {
                return None;
            }
            return mk(i, i + 4, DateKind::Date, rel(format!("day:{off}")), R::RelativeDay);
        }
        _ => return None,
    };
    let mut expr = format!("day:{off}");
    let mut kind = DateKind::Date;
    if let Some(p) = day_part(s.w(end)).filter(|_| !s.is(end, "overnight")) {
        expr = format!("{expr}@{p}");
        kind = DateKind::Time;
        end += 1;
    }
    mk(i, end, kind, rel(expr), R::RelativeDay)
}

/// this/last/next/coming/past/current + week, month, year, quarter, decade,
/// century, weekend; "the latest quarter"; "year-earlier", "a year ago".
pub(super) fn relative_unit(s: &Sent, i: usize) -> Option<M> {
    let mut j = i;
    let mut has_the = false;
    if s.is(j, "the") {
        has_the = true;
        j += 1;
    }
    let m = s.w(j);
    // "the weekend", "over the weekend": the last one by default.
    if has_the && m == "weekend" {
        let mode = if s.future_near(i, j + 1) { "future" } else { "past" };
        return mk(i, j + 1, DateKind::Date, rel(format!("wkend:{mode}")), R::Weekend);
    }
    if m == "year"
        && !has_the
        && let Some(end) = year_end(s, i, j)
    {
        return mk(i, end, DateKind::Date, rel("year:0"), R::YearEnd);
    }
    let dir: i64 = match m {
        "this" | "current" | "present" => 0,
        "last" | "past" | "previous" | "latest" | "prior" => -1,
        "next" | "coming" | "following" => 1,
        "full" if has_the && s.is(j + 1, "year") => {
            return mk(i, j + 2, DateKind::Date, rel("year:0"), R::RelativeUnit);
        }
        "year" => {
            return year_earlier(s, i, j, has_the);
        }
        _ => return None,
    };
    // "this past week", "this coming year"
    let mut k = j + 1;
    let mut dir = dir;
    if m == "this" && s.any(k, &["past", "coming"]) {
        dir = if s.is(k, "past") { -1 } else { 1 };
        k += 1;
    }
    let fiscal = s.is(k, "fiscal");
    if fiscal {
        k += 1;
    }
    let u = s.w(k);
    if u == "year"
        && s.poss(k + 1)
        && let Some(q) = years_quarter(s, i, k, m, dir)
    {
        return Some(q);
    }
    relative_period(s, i, k, m, dir, has_the)
}

/// The period word at `k` after the direction word `m` ("last", "current"):
/// with "the", "the past week" is a duration, "the latest quarter" and "the
/// current year" dates; without it, "next month" is a date.
fn relative_period(s: &Sent, i: usize, k: usize, m: &str, dir: i64, has_the: bool) -> Option<M> {
    let u = s.w(k);
    let base = match u {
        "week" => "week",
        "month" => "month",
        "year" => "year",
        "quarter" => "quarter",
        "decade" => "decade",
        "century" => "century",
        "weekend" => "weekend",
        _ => return None,
    };
    // "the following year", "the following month": counted from the date the
    // story last named, not from publication (resolved in `extract`).
    if has_the && m == "following" && matches!(base, "year" | "month") {
        return mk(i, k + 1, DateKind::Date, rel(format!("anaph:{base}:1")), R::RelativeUnit);
    }
    // "the last quarter" is the quarter before the anchor's (see `quarter`), not a duration.
    if has_the && crate::lang::is(crate::lang::Class::PastUnitLead, m) && !(m == "last" && base == "quarter") {
        // "the past week": a duration of one unit.
        let (letter, _) = unit(u)?;
        let d = dur_value(Num::N(1.0), letter);
        return mk(i, k + 1, DateKind::Duration, abs(d), R::DurationThePast);
    }
    if has_the && !matches!(m, "current" | "latest" | "present") {
        return None;
    }
    if !has_the && matches!(m, "latest" | "prior" | "present" | "following") {
        return None;
    }
    // "the latest quarter" is the last one reported: the one before the anchor's.
    let n = if base == "quarter" && m == "latest" { -1 } else { dir };
    if base == "century" && dir == 0 {
        return mk(i, k + 1, DateKind::Date, rel("century:0"), R::RelativeUnit);
    }
    mk(i, k + 1, DateKind::Date, rel(format!("{base}:{n}")), R::RelativeUnit)
}

/// "by year-end", "by year's end", "by year end": the end of the anchor's
/// year; `j` is the token "year". Returns the token after the phrase.
fn year_end(s: &Sent, i: usize, j: usize) -> Option<usize> {
    if s.is(j + 1, "-") && s.is(j + 2, "end") {
        Some(j + 3)
    } else if s.poss(j + 1) && s.is(j + 3, "end") {
        Some(j + 4)
    } else if s.is(j + 1, "end") && i > 0 && s.class(i - 1, crate::lang::Class::YearEndLead) {
        Some(j + 2)
    } else {
        None
    }
}

/// "last year's quarter" (the latest quarter, a year before), "this year's
/// third quarter": `k` is the token "year" before the possessive.
fn years_quarter(s: &Sent, i: usize, k: usize, m: &str, dir: i64) -> Option<M> {
    if s.is(k + 3, "quarter") && matches!(m, "last" | "previous") {
        return mk(i, k + 4, DateKind::Date, rel("quarter:-1>Y-1"), R::Quarter);
    }
    let q = ordinal(s.w(k + 3)).filter(|q| *q <= 4)?;
    let mut e = k + 4;
    if s.is(e, "-") {
        e += 1;
    }
    if !s.is(e, "quarter") {
        return None;
    }
    let yoff = if m == "this" || m == "current" { 0 } else { dir };
    mk(i, e + 1, DateKind::Date, rel(format!("q:x:{q}:{yoff}")), R::Quarter)
}

/// "year-earlier", "year-ago" (+ an optional period noun): the year, or the quarter, before the anchor's.
fn year_earlier(s: &Sent, i: usize, j: usize, has_the: bool) -> Option<M> {
    // "year-earlier", "year-ago" (+ optional period noun)
    if s.is(j + 1, "-") && s.glued(j + 1) && s.any(j + 2, &["earlier", "ago"]) {
        let mut end = j + 3;
        if s.any(end, &["quarter", "period"]) {
            end += 1;
            return mk(i, end, DateKind::Date, rel("quarter:-5"), R::YearEarlier);
        }
        if has_the {
            return None;
        }
        return mk(i, end, DateKind::Date, rel("year:-1"), R::YearEarlier);
    }
    None
}

/// "the third quarter [of 1990]", "third-quarter", "fiscal second-quarter",
/// "Q3 2024", "the first half of 2024", "the quarter".
pub(super) fn quarter(s: &Sent, i: usize) -> Option<M> {
    let mut j = i;
    let has_the = s.is(j, "the");
    if has_the {
        j += 1;
    }
    if s.is(j, "fiscal") {
        j += 1;
        if s.is(j, "-") {
            j += 1;
        }
    }
    if has_the && let Some(m) = quarter_after_the(s, i, j) {
        return Some(m);
    }
    // "Q3", "Q3 2024"
    let w = s.w(j);
    if w.len() == 2 && w.starts_with('q') && s.orig(j).starts_with('Q') {
        return quarter_code(s, i, j, w);
    }
    // "the quarter": the quarter the story named last ("its fiscal first
    // quarter ... sales for the quarter"), else the one just reported.
    if has_the && s.is(j, "quarter") && j == i + 1 {
        if s.is(j + 1, "of") || s.is(j + 1, "-") || s.any(j + 1, &["mile", "century", "hour", "inch", "point"]) {
            return None;
        }
        return mk(i, j + 1, DateKind::Date, rel("anaph:quarter:0"), R::Quarter);
    }
    let (q, half) = match ordinal(w) {
        Some(q @ 1..=4) => (q, false),
        _ => match w {
            "last" | "final" => (4, false),
            _ => return None,
        },
    };
    let mut k = j + 1;
    if s.is(k, "-") && s.glued(k) {
        k += 1;
    }
    let half = half || s.is(k, "half");
    if !(s.is(k, "quarter") || half) {
        return None;
    }
    if half && q > 2 && w != "last" {
        return None;
    }
    let q = if half && w == "last" { 2 } else { q };
    if w == "last" && !half {
        // "the last quarter" is the previous one, not the fourth.
        if !has_the {
            return None;
        }
        return mk(i, k + 1, DateKind::Date, rel("quarter:-1"), R::Quarter);
    }
    quarter_period(s, i, k, q, half)
}

/// The quarters "the" opens with a year or a comparison point, `j` the
/// token after "the" (and "fiscal"): "the year-ago third quarter", "the
/// corresponding period last year", "the same quarter a year earlier",
/// "the 1988 quarter", "the 1988 second quarter".
fn quarter_after_the(s: &Sent, i: usize, j: usize) -> Option<M> {
    // "the year-ago third quarter", "the year-earlier second quarter": that
    // quarter a year before its latest one.
    if s.is(j, "year")
        && s.is(j + 1, "-")
        && s.any(j + 2, &["ago", "earlier"])
        && let Some(q) = ordinal(s.w(j + 3)).filter(|q| (1..=4).contains(q))
    {
        let mut k = j + 4;
        if s.is(k, "-") {
            k += 1;
        }
        if s.is(k, "quarter") {
            return mk(i, k + 1, DateKind::Date, rel(format!("q:past:{q}>Y-1")), R::Quarter);
        }
    }
    // "the corresponding period last year", "the same quarter a year
    // earlier", "the quarter a year ago": the latest quarter, a year before.
    let k = if s.class(j, crate::lang::Class::SamePeriod) { j + 1 } else { j };
    if s.any(k, &["quarter", "period"]) && (k > j || s.is(k, "quarter")) {
        let back = if s.is(k + 1, "last") && s.is(k + 2, "year") {
            Some(k + 3)
        } else if s.is(k + 1, "a") && s.is(k + 2, "year") && s.any(k + 3, &["ago", "earlier"]) {
            Some(k + 4)
        } else {
            None
        };
        if let Some(e) = back {
            return mk(i, e, DateKind::Date, rel("quarter:-1>Y-1"), R::Quarter);
        }
    }
    // "the 1988 quarter": the quarter just reported, in that year.
    if let Some(y) = year_tok(s, j)
        && s.is(j + 1, "quarter")
    {
        return mk(i, j + 2, DateKind::Date, rel(format!("qy:{y}")), R::Quarter);
    }
    // "the 1988 second quarter"
    if let Some(y) = year_tok(s, j)
        && let Some(q) = ordinal(s.w(j + 1)).filter(|q| (1..=4).contains(q))
    {
        let mut k = j + 2;
        if s.is(k, "-") {
            k += 1;
        }
        if s.is(k, "quarter") {
            return mk(i, k + 1, DateKind::Date, abs(format!("{y:04}-Q{q}")), R::Quarter);
        }
    }
    None
}

/// "Q3", "Q3 2024".
fn quarter_code(s: &Sent, i: usize, j: usize, w: &str) -> Option<M> {
    let q: u32 = w[1..].parse().ok()?;
    if !(1..=4).contains(&q) {
        return None;
    }
    if let Some(y) = year_tok(s, j + 1) {
        return mk(i, j + 2, DateKind::Date, abs(format!("{y:04}-Q{q}")), R::Quarter);
    }
    let mode = if s.future_near(i, j) { "future" } else { "past" };
    mk(i, j + 1, DateKind::Date, rel(format!("q:{mode}:{q}")), R::Quarter)
}

/// The year of an ordinal quarter or half at `k` ("of 1990", "of next year"), else the latest one.
fn quarter_period(s: &Sent, i: usize, k: usize, q: u32, half: bool) -> Option<M> {
    let letter = if half { "H" } else { "Q" };
    let mut end = k + 1;
    // "of 1990", "of fiscal 1990", "1990", "of this/last/next year"
    let mut e2 = end;
    if s.is(e2, "of") {
        e2 += 1;
    }
    if s.is(e2, "fiscal") {
        e2 += 1;
    }
    if let Some(y) = year_tok(s, e2) {
        return mk(i, e2 + 1, DateKind::Date, abs(format!("{y:04}-{letter}{q}")), R::Quarter);
    }
    if s.is(end, "of") && s.any(end + 1, &["this", "last", "next"]) && s.is(end + 2, "year") {
        let yoff = match s.w(end + 1) {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        end += 3;
        if half {
            return mk(i, end, DateKind::Date, rel(format!("half:{q}:{yoff}")), R::Quarter);
        }
        return mk(i, end, DateKind::Date, rel(format!("q:x:{q}:{yoff}")), R::Quarter);
    }
    // "the first half" alone: too vague (of a match, a meeting).
    if half {
        return None;
    }
    // "third-quarter" without "the" must be an adjective before a noun,
    // or a fiscal term.
    // Results are mostly reported for a finished quarter: even under a
    // future marker the last one wins unless the next one is much closer.
    let mode = if s.future_near(i, end) { "near" } else { "past" };
    mk(i, end, DateKind::Date, rel(format!("q:{mode}:{q}")), R::Quarter)
}

pub(super) fn season_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => None?,
    })
}

/// "the spring of 2019", "summer 2019", "last fall", "this summer", "the
/// summer", "in winter".
pub(super) fn season(s: &Sent, i: usize) -> Option<M> {
    let mut j = i;
    let has_the = s.is(j, "the");
    if has_the {
        j += 1;
    }
    let modw = if s.any(j, &["this", "last", "next", "past", "coming"]) {
        j += 1;
        if s.is(j - 1, "this") && s.any(j, &["past", "coming"]) {
            j += 1;
        }
        Some(s.w(j - 1))
    } else {
        None
    };
    let ss = season_code(s.w(j))?;
    let end = j + 1;
    // "the spring of 2019", "summer 2019", "spring 2019's"
    let mut k = end;
    if s.is(k, "of") {
        k += 1;
    }
    if let Some((y, e)) = any_year(s, k) {
        return mk(i, e, DateKind::Date, abs(format!("{y:04}-{ss}")), R::Season);
    }
    if s.is(end, "of") && modw.is_none() {
        // "the fall of the Berlin Wall"
        return None;
    }
    let prev = if i > 0 { s.w(i - 1) } else { "" };
    // "fall" and "spring" are verbs and nouns: only with a determiner or a
    // date preposition before them.
    if modw.is_none() && !has_the && !crate::lang::is(crate::lang::Class::SeasonLead, prev) {
        return None;
    }
    if modw.is_none()
        && has_the
        && s.w(end).chars().all(|c| c.is_ascii_lowercase())
        && !s.w(end).is_empty()
        && !s.class(end, crate::lang::Class::SeasonNext)
        && !matches!(s.w(end), "was" | "is" | "will" | "has" | "had")
    {
        // "the spring offensive", "the fall elections": a modifier, not a date.
        if !s.any(end, &["of"]) {
            return None;
        }
    }
    let mode = match modw {
        Some("last") => "past",
        Some("past") => "past",
        Some("next") | Some("coming") => "future",
        Some("this") if s.is(i + 1, "past") || s.is(j - 1, "past") => "past",
        Some("this") if s.is(j - 1, "coming") => "future",
        Some("this") => "this",
        _ if s.future_near(i, end) => "future",
        _ => "past",
    };
    // "last fall" spoken in winter is the fall just gone, which "past" gives;
    // spoken during the fall itself it is the year before.
    let expr = if modw == Some("last") { format!("season:past:{ss}") } else { format!("season:{mode}:{ss}") };
    mk(i, end, DateKind::Date, rel(expr), R::Season)
}

/// Holidays: Christmas (Eve/Day), New Year's Day/Eve, Easter, Good Friday,
/// Thanksgiving, Labor Day, Memorial Day, Independence Day, July Fourth, ...
pub(super) fn holiday(s: &Sent, i: usize) -> Option<M> {
    let mut j = i;
    let modw = if s.any(j, &["last", "next", "this"]) {
        j += 1;
        Some(s.w(i))
    } else {
        None
    };
    if !s.cap(j) {
        return None;
    }
    let (name, end) = holiday_name(s, j)?;
    let m = holiday_value(s, i, end, name, modw)?;
    // "Easter week", "Christmas week": the ISO week of the holiday.
    if !s.is(m.end, "week") {
        return Some(m);
    }
    let val = match &m.val {
        Val::Rel(e) => rel(format!("{e}>W")),
        Val::Abs(v) => abs(resolve::week_of(v)?),
    };
    mk(i, m.end + 1, DateKind::Date, val, R::Holiday)
}

/// The holiday named at `j` (capitalised) and the token after its name.
fn holiday_name(s: &Sent, j: usize) -> Option<(&'static str, usize)> {
    let day = |k: usize| s.is(k, "day");
    Some(match s.w(j) {
        "christmas" | "xmas" => {
            if s.is(j + 1, "eve") {
                ("christmaseve", j + 2)
            } else if day(j + 1) {
                ("christmas", j + 2)
            } else {
                // "Christmas tree", "Christmas shopping" are still dated,
                // but "Christmas Island" is a place.
                if s.cap(j + 1) && !s.any(j + 1, &["and"]) {
                    return None;
                }
                ("christmas", j + 1)
            }
        }
        "new" if s.is(j + 1, "year") && s.poss(j + 2) => {
            if s.is(j + 4, "eve") {
                ("newyeareve", j + 5)
            } else if day(j + 4) {
                ("newyear", j + 5)
            } else {
                return None;
            }
        }
        "easter" => match s.w(j + 1) {
            "sunday" => ("easter", j + 2),
            "monday" => ("eastermonday", j + 2),
            _ if s.cap(j + 1) && !s.w(j + 1).is_empty() && s.w(j + 1).chars().all(char::is_alphabetic) => return None,
            _ => ("easter", j + 1),
        },
        "good" if s.is(j + 1, "friday") && s.cap(j + 1) && !s.cap(j + 2) => ("goodfriday", j + 2),
        "thanksgiving" => {
            if day(j + 1) {
                ("thanksgiving", j + 2)
            } else {
                ("thanksgiving", j + 1)
            }
        }
        "labor" | "labour" if day(j + 1) && s.cap(j + 1) => ("labor", j + 2),
        "memorial" if day(j + 1) && s.cap(j + 1) => ("memorial", j + 2),
        "independence" if day(j + 1) && s.cap(j + 1) => ("independence", j + 2),
        "veterans" if s.cap(j + 1) && (day(j + 1) || (s.apos(j + 1) && day(j + 2))) => {
            ("veterans", if day(j + 1) { j + 2 } else { j + 3 })
        }
        "columbus" if day(j + 1) && s.cap(j + 1) => ("columbus", j + 2),
        "halloween" => ("halloween", j + 1),
        "valentine" if s.poss(j + 1) && day(j + 3) => ("valentine", j + 4),
        "mother" if s.poss(j + 1) && day(j + 3) => ("mother", j + 4),
        "father" if s.poss(j + 1) && day(j + 3) => ("father", j + 4),
        "election" if day(j + 1) && s.cap(j + 1) => ("election", j + 2),
        "presidents" if s.cap(j + 1) && (day(j + 1) || (s.apos(j + 1) && day(j + 2))) => {
            ("presidents", if day(j + 1) { j + 2 } else { j + 3 })
        }
        "martin" if s.is(j + 1, "luther") && s.is(j + 2, "king") && day(j + 3) => ("mlk", j + 4),
        "boxing" if day(j + 1) && s.cap(j + 1) => ("boxing", j + 2),
        "july" if s.is(j + 1, "fourth") || s.is(j + 1, "4th") => ("independence", j + 2),
        "fourth" if s.is(j + 1, "of") && s.is(j + 2, "july") => ("independence", j + 3),
        "st" if s.dot(j + 1) && s.is(j + 2, "patrick") && s.poss(j + 3) && day(j + 5) => ("stpatrick", j + 6),
        _ => return None,
    })
}

/// A holiday's value: its date in a year that follows ("Christmas 2024"), else by the modifier.
fn holiday_value(s: &Sent, i: usize, mut end: usize, name: &str, modw: Option<&str>) -> Option<M> {
    // "Christmas 2024"
    if let Some(y) = year_tok(s, end) {
        let d = resolve::holiday(name, i64::from(y))?;
        end += 1;
        return mk(i, end, DateKind::Date, abs(format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())), R::Holiday);
    }
    let mode = match modw {
        Some("last") => "past",
        Some("next") => "future",
        Some("this") => "this",
        _ if s.future_near(i, end) => "future",
        _ => "near",
    };
    mk(i, end, DateKind::Date, rel(format!("hol:{mode}:{name}")), R::Holiday)
}

/// now, currently, recently, the past, the future, recent years.
pub(super) fn reference(s: &Sent, i: usize) -> Option<M> {
    let w = s.w(i);
    let r = |end: usize, v: &str| mk(i, end, DateKind::Date, abs(v), R::Reference);
    match w {
        "now" => {
            // "now that ..." still speaks of the present; "right now" keeps "right".
            r(i + 1, "PRESENT_REF")
        }
        "right" if s.is(i + 1, "now") => r(i + 2, "PRESENT_REF"),
        "currently" | "nowadays" | "presently" => r(i + 1, "PRESENT_REF"),
        "these" if s.is(i + 1, "days") => r(i + 2, "PRESENT_REF"),
        // "previously" and "soon" are left out: mostly they order events
        // ("previously announced") rather than name a time.
        "recently" => r(i + 1, "PAST_REF"),
        // "in coming months", "the coming weeks", "the months ahead", "in recent
        // years": a stretch of unstated length that ends or starts at the
        // anchor, a vague duration as TIDES and TimeML write it ("PXM").
        "coming" | "upcoming" | "recent" if vague_plural(s, i + 1) => vague(s, i, i + 2),
        "the" if s.any(i + 1, &["coming", "upcoming"]) && vague_plural(s, i + 2) => vague(s, i, i + 3),
        "the" if vague_plural(s, i + 1) && s.is(i + 2, "ahead") => vague(s, i, i + 3),
        "the" if s.any(i + 1, &["near", "short"]) && s.is(i + 2, "term") => r(i + 3, "FUTURE_REF"),
        "the" if s.is(i + 1, "past") => {
            // "the past" alone, not "the past week" / "the past three months"
            let n = s.w(i + 2);
            if number(s, i + 2).is_some() || unit(n).is_some() || s.any(i + 2, &["few", "several", "couple"]) {
                return None;
            }
            if !n.is_empty()
                && n.chars().all(|c| c.is_ascii_lowercase())
                && !s.class(i + 2, crate::lang::Class::PastRefNext)
            {
                // "the past president"
                return None;
            }
            r(i + 2, "PAST_REF")
        }
        "the" if s.is(i + 1, "future") => r(i + 2, "FUTURE_REF"),
        "the" if s.any(i + 1, &["near", "foreseeable", "distant", "immediate"]) && s.is(i + 2, "future") => {
            r(i + 3, "FUTURE_REF")
        }
        _ => None,
    }
}

/// A plural unit of days to decades at `k` ("weeks", "years").
fn vague_plural(s: &Sent, k: usize) -> bool {
    s.any(k, &["days", "weeks", "months", "years", "decades"])
}

/// "recent months", "the weeks ahead": a duration of an unstated count of the plural unit in `[i, end)`.
fn vague(s: &Sent, i: usize, end: usize) -> Option<M> {
    let (u, _) = (i..end).find_map(|k| if vague_plural(s, k) { unit(s.w(k)) } else { None })?;
    mk(i, end, DateKind::Duration, abs(dur_value(Num::X, u)), R::Reference)
}
