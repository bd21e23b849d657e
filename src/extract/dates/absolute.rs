//! Dates that carry their own year or are counted from it: numeric dates,
//! month-day(-year), bare months, years, spoken years, decades and centuries.

use super::*;

pub(super) fn valid_ymd(y: u32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d) && jiff::civil::Date::new(y as i16, m as i8, d as i8).is_ok()
}

/// `2025-03-11`, `3/11/2025` (US order unless the first number exceeds 12).
pub(super) fn numeric_date(s: &Sent, i: usize) -> Option<M> {
    let a = s.digits(i)?;
    let sep = s.w(i + 1);
    if !matches!(sep, "-" | "/")
        || !s.glued(i + 1)
        || !s.glued(i + 2)
        || !s.is(i + 3, sep)
        || !s.glued(i + 3)
        || !s.glued(i + 4)
    {
        return None;
    }
    let b = s.digits(i + 2)?;
    let c = s.digits(i + 4)?;
    let (l1, l3) = (s.w(i).len(), s.w(i + 4).len());
    // Don't run on into more digits ("1-2-3-4").
    if (s.any(i + 5, &["-", "/"]) && s.glued(i + 5)) || (i > 0 && s.any(i - 1, &["-", "/"]) && s.glued(i)) {
        return None;
    }
    let (y, m, d) = if l1 == 4 && sep == "-" {
        (a, b, c)
    } else if sep == "/" && l3 == 4 {
        if a > 12 { (c, b, a) } else { (c, a, b) }
    } else {
        return None;
    };
    if !(1000..=2999).contains(&y) || !valid_ymd(y, m, d) {
        return None;
    }
    mk(i, i + 5, DateKind::Date, abs(format!("{y:04}-{m:02}-{d:02}")), R::NumericDate)
}

/// A 4-digit year 1000-2099 at `i`.
pub(super) fn year_tok(s: &Sent, i: usize) -> Option<u32> {
    let w = s.w(i);
    if w.len() != 4 {
        return None;
    }
    let y = s.digits(i)?;
    (1000..=2099).contains(&y).then_some(y)
}

/// Day of month at `i` ("9", "9th"), 1-31.
pub(super) fn day_tok(s: &Sent, i: usize) -> Option<u32> {
    let w = s.w(i);
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suf = &w[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(suf, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    // "9 ,000" or "9.5": not a day
    if s.any(i + 1, &[",", "."]) && s.glued(i + 1) && s.digits(i + 2).is_some() && s.glued(i + 2) {
        return None;
    }
    (1..=31).contains(&d).then_some(d)
}

/// A month name at `i` and the token after it (eats a period after an abbreviation).
pub(super) fn month_tok(s: &Sent, i: usize) -> Option<(u32, bool, bool, usize)> {
    let w = s.w(i);
    let (m, ambiguous) = month_no(w)?;
    if !s.cap(i) {
        return None;
    }
    // a short word that is not the month's full name ("Sept", not "June")
    let abbrev = w.len() <= 4 && crate::lang::month_name(m) != Some(w);
    let mut j = i + 1;
    if abbrev && s.dot(j) {
        j += 1;
    }
    Some((m, ambiguous, abbrev, j))
}

/// Month-based dates: "March 9, 2025", "9 March 2025", "Mar. 10", "June
/// 2019", "the 5th of May", "last October", "January this year", "in October".
pub(super) fn month_date(s: &Sent, i: usize) -> Option<M> {
    // "last/this/next/past October"
    if s.any(i, &["last", "this", "next", "coming", "past"]) {
        return month_rel(s, i);
    }
    // "the 5th of May [2025]", "5 May 2025", "5th May"
    let (dstart, day_first) = if s.is(i, "the") { (i + 1, true) } else { (i, false) };
    if let Some(d) = day_tok(s, dstart) {
        return day_month(s, i, dstart, day_first, d);
    }
    let (m, ambiguous, abbrev, j) = month_tok(s, i)?;
    if let Some(d) = day_tok(s, j)
        && !(s.is(j + 1, ":") && s.glued(j + 1) && s.glued(j + 2) && s.digits(j + 2).is_some())
    {
        return month_day(s, i, j, m, d);
    }
    if let Some(found) = month_year(s, i, j, m) {
        return Some(found);
    }
    // A bare month: abbreviations never.
    if abbrev {
        return None;
    }
    bare_month(s, i, j, m, ambiguous)
}

/// "March 9", "March 9th, 2025", "Sept. 30 1999": the month at `i`, the day at `j`.
fn month_day(s: &Sent, i: usize, j: usize, m: u32, d: u32) -> Option<M> {
    // Not "May 5 people": a day is not followed by a count noun; and
    // "March 10-12" is a range: keep the first day.
    if !valid_ymd(2000, m, d) {
        return None;
    }
    let mut end = j + 1;
    let y = if s.is(end, ",") && year_tok(s, end + 1).is_some() {
        end += 2;
        year_tok(s, end - 1)
    } else if year_tok(s, end).is_some() {
        end += 1;
        year_tok(s, end - 1)
    } else {
        None
    };
    if let Some(y) = y {
        if !valid_ymd(y, m, d) {
            return None;
        }
        return mk(i, end, DateKind::Date, abs(format!("{y:04}-{m:02}-{d:02}")), R::MonthDayYear);
    }
    let mode = date_mode(s, i, end);
    mk(i, end, DateKind::Date, rel(format!("md:{mode}:{m}:{d}")), R::MonthDay)
}

/// "June 2019", "June of 2019", "June, 2019", "January this year", "June
/// last year": the month at `i`, the next token at `j`.
fn month_year(s: &Sent, i: usize, j: usize, m: u32) -> Option<M> {
    let mut k = j;
    if s.any(k, &["of", ","]) {
        k += 1;
    }
    if let Some((y, e)) = any_year(s, k) {
        return mk(i, e, DateKind::Date, abs(format!("{y:04}-{m:02}")), R::MonthYear);
    }
    if s.any(j, &["this", "last", "next"]) && s.is(j + 1, "year") {
        let off = match s.w(j) {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        return mk(i, j + 2, DateKind::Date, rel(format!("mon:x:{m}:{off}")), R::MonthRelYear);
    }
    None
}

/// A month alone ("in October"): words that are also verbs or names
/// ("May", "April") only after a date preposition, and never when a
/// capitalised word after it makes the pair a name.
fn bare_month(s: &Sent, i: usize, j: usize, m: u32, ambiguous: bool) -> Option<M> {
    let prev = if i > 0 { s.w(i - 1) } else { "" };
    let prep = crate::lang::is(crate::lang::Class::DatePreposition, prev) || prev == "the";
    if ambiguous {
        if !prep || prev == "the" || prev == "and" || prev == "or" || prev == "to" {
            return None;
        }
        // "in April Smith's view": a capitalised word after it makes it a name.
        if s.cap(j) && month_no(s.w(j)).is_none() && weekday_no(s.w(j)).is_none() {
            return None;
        }
        if m == 5 && !crate::lang::is(crate::lang::Class::MayPreposition, prev) {
            return None;
        }
    }
    // "The October Group", "the March Hare": a capitalised word after a bare
    // month (not a date word) makes it part of a name.
    if i > 0
        && s.cap(j)
        && !s.glued(j)
        && s.w(j).chars().all(char::is_alphabetic)
        && !s.w(j).is_empty()
        && month_no(s.w(j)).is_none()
        && weekday_no(s.w(j)).is_none()
    {
        return None;
    }
    let mode = date_mode(s, i, j);
    mk(i, j, DateKind::Date, rel(format!("mon:{mode}:{m}")), R::Month)
}

/// "last October", "this past January", "next April": a month named by its
/// place before or after the anchor.
fn month_rel(s: &Sent, i: usize) -> Option<M> {
    let mut k = i + 1;
    if s.is(i, "this") && s.any(k, &["past", "coming"]) {
        k += 1;
    }
    if let Some((m, _, abbrev, j)) = month_tok(s, k)
        && !abbrev
        && day_tok(s, j).is_none()
    {
        let mode = match (s.w(i), s.w(i + 1)) {
            ("this", "past") | ("past", _) => "past",
            ("this", "coming") | ("coming", _) => "future",
            // "last October" said in November is last year's October; "last
            // February" said in March too: the month just gone would be "last month".
            ("last", _) => "prior",
            ("next", _) => "future",
            // "this September": the anchor's year.
            _ => "this",
        };
        return mk(i, j, DateKind::Date, rel(format!("mon:{mode}:{m}")), R::MonthRel);
    }
    None
}

/// "the 5th of May [2025]", "5 May 2025", "5th May": a day before the month.
fn day_month(s: &Sent, i: usize, dstart: usize, day_first: bool, d: u32) -> Option<M> {
    let mut k = dstart + 1;
    if s.is(k, "of") {
        k += 1;
    } else if day_first {
        return None;
    }
    let (m, _, _, j) = month_tok(s, k)?;
    if !valid_ymd(2000, m, d) {
        return None;
    }
    let mut end = j;
    if let Some(y) = year_tok(s, end).or_else(|| if s.is(end, ",") { year_tok(s, end + 1) } else { None }) {
        end += if s.is(end, ",") { 2 } else { 1 };
        if !valid_ymd(y, m, d) {
            return None;
        }
        return mk(i, end, DateKind::Date, abs(format!("{y:04}-{m:02}-{d:02}")), R::DayMonthYear);
    }
    let mode = date_mode(s, i, end);
    mk(i, end, DateKind::Date, rel(format!("md:{mode}:{m}:{d}")), R::DayMonth)
}

/// Year choice for a month or month-day without a year: past after a
/// past-tense verb, coming under a future marker, else the nearest
/// (past-biased).
pub(super) fn date_mode(s: &Sent, i: usize, end: usize) -> &'static str {
    // "until Nov. 9" lies ahead unless the sentence looks back.
    let until = i > 0 && s.any(i - 1, &["until", "till"]) && !s.past_frame;
    if s.past_verb_before(i) || s.fronted_past(i, end) {
        "past"
    } else if until || s.future_near(i, end) || s.future_clause_before(i) || s.purpose_deadline(i) {
        "future"
    } else {
        "near"
    }
}

/// A bare year in a date context ("in 2019", "since 2019", "2019's", "the
/// 2019 budget", "fiscal 1999"), "the year 2000".
pub(super) fn year(s: &Sent, i: usize) -> Option<M> {
    // "fiscal 1999", "fiscal year 1999", "the year 2000", "FY2024"
    let mut j = i;
    let mut lead = false;
    if s.is(j, "fiscal") {
        j += 1;
        if s.is(j, "year") {
            j += 1;
        }
        lead = true;
    } else if s.is(j, "the") && s.is(j + 1, "year") {
        j += 2;
        lead = true;
    }
    let (y, jend) = match year_tok(s, j) {
        Some(y) => (y, j + 1),
        None => {
            let (y, e) = spoken_year(s, j)?;
            // "nineteen ninety-six" reads only as a year; "two thousand" is
            // a count unless a date word comes before it.
            let prev = if i > 0 { s.w(i - 1) } else { "" };
            if y >= 2000
                && !lead
                && !crate::lang::is(crate::lang::Class::DatePreposition, prev)
                && month_no(prev).is_none()
            {
                return None;
            }
            return mk(i, e, DateKind::Date, abs(format!("{y:04}")), R::Year);
        }
    };
    let _ = jend;
    // "1,999" or "2019.5" or "2019-20" ranges of numbers
    if s.any(j + 1, &[",", "."]) && s.glued(j + 1) && s.digits(j + 2).is_some() && s.glued(j + 2) {
        return None;
    }
    if j > 0 && s.any(j - 1, &["$", "£", "€", "#", "№"]) {
        return None;
    }
    if j > 0 && s.is(j - 1, ",") && s.glued(j) {
        return None;
    }
    // "1990s" is a decade; "2019-20" season
    let next = s.w(j + 1);
    let count_noun = !next.is_empty()
        && !s.cap(j + 1)
        && next.chars().all(|c| c.is_ascii_lowercase())
        && (next.ends_with('s')
            && !crate::lang::is(crate::lang::Class::NotPluralS, next)
            // plural nouns that a year classifies rather than counts
            && !crate::lang::is(crate::lang::Class::YearClassified, next))
        || crate::lang::is(crate::lang::Class::YearCounted, next);
    if count_noun {
        return None;
    }
    let prev = if i > 0 { s.w(i - 1) } else { "" };
    let ok = lead
        || s.poss(j + 1)
        || crate::lang::is(crate::lang::Class::DatePreposition, prev)
        || ((crate::lang::is(crate::lang::Class::YearDeterminer, prev)
            || (prev == "s" && i >= 2 && s.apos(i - 2))) && !next.is_empty() && next.chars().all(|c| c.is_ascii_lowercase()))
        // sentence-initial "1999 was a bad year" / after a comma in a list of years
        || (i == 0 && matches!(next, "was" | "is" | "will" | "saw" | "had"))
        || (prev == "," && i >= 2 && year_tok(s, i - 2).is_some())
        || prev == "(" && s.is(j + 1, ")");
    if !ok {
        return None;
    }
    // "between 2019 and 2,000 people" is caught by count nouns; "in 2019
    // people" would be lost, which is acceptable.
    mk(i, j + 1, DateKind::Date, abs(format!("{y:04}")), R::Year)
}

/// A year in digits or in words, and the token after it.
pub(super) fn any_year(s: &Sent, i: usize) -> Option<(u32, usize)> {
    year_tok(s, i).map(|y| (y, i + 1)).or_else(|| spoken_year(s, i))
}

/// A year said in words, as broadcast transcripts write it: "nineteen
/// ninety-six", "two thousand", "two thousand and one".
pub(super) fn spoken_year(s: &Sent, i: usize) -> Option<(u32, usize)> {
    let w = s.w(i);
    if matches!(w, "nineteen" | "eighteen") {
        let c = if w == "nineteen" { 1900 } else { 1800 };
        let mut j = i + 1;
        let t = tens(s.w(j))?;
        j += 1;
        if s.is(j, "-") && s.glued(j) {
            j += 1;
        }
        if let Some(u) = small_number(s.w(j)).filter(|u| *u < 10) {
            return Some((c + t + u, j + 1));
        }
        let j = if s.is(j - 1, "-") { j - 1 } else { j };
        return Some((c + t, j));
    }
    if w == "two" && s.is(i + 1, "thousand") {
        let mut j = i + 2;
        if s.is(j, "and") {
            j += 1;
        }
        if let Some(u) = small_number(s.w(j)) {
            return Some((2000 + u, j + 1));
        }
        return Some((2000, i + 2));
    }
    None
}

/// "the 1990s", "1990s", "the '90s", "the 20th century", "the nineteenth century".
pub(super) fn decade(s: &Sent, i: usize) -> Option<M> {
    let mut j = i;
    if s.is(j, "the") {
        j += 1;
    }
    let w = s.w(j);
    // "1990s"
    if w.len() == 5 && w.ends_with('s') && w[..4].bytes().all(|b| b.is_ascii_digit()) && w[..4].ends_with('0') {
        let y: u32 = w[..4].parse().ok()?;
        if !(1000..=2090).contains(&y) {
            return None;
        }
        return mk(i, j + 1, DateKind::Date, abs(format!("{}", y / 10)), R::Decade);
    }
    // "1990's"
    if let Some(y) = year_tok(s, j)
        && y % 10 == 0
        && s.apos(j + 1)
        && s.is(j + 2, "s")
        && s.glued(j + 1)
        && (j > i || s.class(i.wrapping_sub(1), crate::lang::Class::DecadeLead))
    {
        return mk(i, j + 3, DateKind::Date, abs(format!("{}", y / 10)), R::Decade);
    }
    // "the '90s", "the ’80s"
    if s.apos(j) {
        let w2 = s.w(j + 1);
        if w2.len() == 3 && w2.ends_with('s') && w2[..2].bytes().all(|b| b.is_ascii_digit()) && s.glued(j + 1) {
            let d: u32 = w2[..2].parse().ok()?;
            if !d.is_multiple_of(10) {
                return None;
            }
            let century = if d >= 30 { 19 } else { 20 };
            return mk(i, j + 2, DateKind::Date, abs(format!("{}{}", century, d / 10)), R::Decade);
        }
    }
    // "the nineties"
    if j > i {
        let d = crate::lang::number_of(w, crate::lang::NumberKind::Decade).map_or(0, |v| v as u32 / 10);
        if d > 0 {
            return mk(i, j + 1, DateKind::Date, abs(format!("19{d}")), R::Decade);
        }
    }
    // "the 20th century", "the nineteenth century"
    if let Some(n) = ordinal(w)
        && s.is(j + 1, "century")
    {
        let mut end = j + 2;
        let mut bc = false;
        if s.any(end, &["bc", "b"]) {
            bc = true;
            end += 1;
        }
        if bc || n == 0 {
            return None;
        }
        return mk(i, end, DateKind::Date, abs(format!("{:02}", n - 1)), R::Century);
    }
    None
}
