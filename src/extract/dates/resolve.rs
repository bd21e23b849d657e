//! Calendar side of the temporal tagger: turns a compact relative expression
//! (`expr`) and an anchor date into a TIMEX3 value.
//!
//! An expression is `BASE[@SUFFIX]`. The suffix is glued to a day-level value
//! (`TMO`, `TNI`, `T09:30`). Bases, all counted from the anchor:
//!
//! | base | value |
//! | --- | --- |
//! | `day:N` | the anchor plus N days, `YYYY-MM-DD` |
//! | `wd:MODE:D` | weekday D (1 = Monday) by MODE, `YYYY-MM-DD` |
//! | `week:N`, `weekend:N` | ISO week N weeks away, `YYYY-Www` / `YYYY-Www-WE` |
//! | `wkend:MODE` | the weekend just gone (`past`) or coming (`future`) |
//! | `month:N`, `year:N`, `decade:N`, `century:N`, `quarter:N` | the period N units away |
//! | `qy:Y` | the quarter before the anchor's, in year Y, `YYYY-Qn` |
//! | `half:H:N` | half-year H of the year N years away, `YYYY-H1` |
//! | `mon:MODE:M[:Y]` | month M, its year by MODE or at year offset Y, `YYYY-MM` |
//! | `md:MODE:M:D` | month-day, `YYYY-MM-DD` |
//! | `q:MODE:Q[:Y]` | quarter Q, `YYYY-Qn` |
//! | `season:MODE:SS[:Y]` | season SP, SU, FA, WI, `YYYY-SU` |
//! | `hol:MODE:NAME[:Y]` | a holiday, `YYYY-MM-DD` |
//! | `EXPR>Y-1` | the value of EXPR, N years away |
//! | `EXPR>D-1` | the day EXPR names, N days away, `YYYY-MM-DD` |
//! | `EXPR>W` | the ISO week of the day EXPR names, `YYYY-Www` |
//!
//! MODE for a weekday: `past` (latest on or before the anchor: news mostly
//! reports the past), `future` (earliest on or after), `last` (strictly
//! before), `next` (strictly after), `this` (in the anchor's ISO week).
//! MODE for a cyclic period (month, month-day, quarter, season, holiday):
//! `past` (the latest one that has begun by the anchor), `future` (the
//! earliest one not yet over), `near` (past, unless the coming one is much
//! closer), `last`/`next` (the one a full cycle before/after `this`), `this`
//! (the anchor's year), `prior` (the latest one over before the month
//! preceding the anchor's began: "last February" said in March or in
//! February itself is the year before's, said in October this year's).

use jiff::civil::{Date, Weekday};

/// Resolve `expr` against `anchor`; `None` when the expression is malformed
/// or falls outside the calendar.
pub fn resolve_expr(expr: &str, anchor: Date) -> Option<String> {
    // An anaphoric expression re-resolved without its story counts from the anchor.
    if expr.starts_with("anaph:") {
        return resolve_expr(&anaphor_fallback(expr)?, anchor);
    }
    // `>W`: the ISO week of the day EXPR names ("the week of March 6").
    if let Some(e) = expr.strip_suffix(">W") {
        return week_of(&resolve_expr(e, anchor)?);
    }
    // `>D-1`: N days from the day EXPR names ("the day before Tuesday").
    if let Some((e, shift)) = expr.rsplit_once(">D") {
        let n: i64 = shift.parse().ok()?;
        return shift_day(&resolve_expr(e, anchor)?, n);
    }
    // `>Y-1`: the same period N years away ("a year earlier" after "the
    // third quarter" is that quarter a year before).
    if let Some((e, shift)) = expr.rsplit_once(">Y") {
        let n: i64 = shift.parse().ok()?;
        let v = resolve_expr(e, anchor)?;
        let y: i64 = v.get(..4)?.parse().ok()?;
        return Some(format!("{}{}", fmt_year(y + n)?, v.get(4..)?));
    }
    let (base, suffix) = match expr.split_once('@') {
        Some((b, s)) => (b, Some(s)),
        None => (expr, None),
    };
    let parts: Vec<&str> = base.split(':').collect();
    let value = counted_value(&parts, anchor).or_else(|| named_value(&parts, anchor))?;
    match suffix {
        Some(s) if value.len() == 10 => Some(format!("{value}{s}")),
        Some(_) => None,
        None => Some(value),
    }
}

/// A period counted from the anchor: `day:N`, `wd:DAY:N`, `week:N`,
/// `weekend:N`, `wkend:past|future`, `month:N`, `year:N`, `decade:N`,
/// `century:N`, `quarter:N`, `qy:YEAR`, `half:H:N`.
fn counted_value(parts: &[&str], anchor: Date) -> Option<String> {
    let int = |i: usize| -> Option<i64> { parts.get(i)?.parse::<i64>().ok() };
    let y = i64::from(anchor.year());
    Some(match *parts.first()? {
        "day" => fmt_date(add_days(anchor, int(1)?)?),
        "wd" => fmt_date(weekday(anchor, parts.get(1)?, int(2)?)?),
        "week" | "weekend" => {
            let d = add_days(anchor, int(1)?.checked_mul(7)?)?;
            let w = d.iso_week_date();
            let s = format!("{:04}-W{:02}", w.year(), w.week());
            if parts[0] == "weekend" { format!("{s}-WE") } else { s }
        }
        "wkend" => {
            // The weekend that has begun by the anchor (past) or has not
            // yet ended (future).
            let wd = i64::from(anchor.weekday().to_monday_one_offset());
            let off = match *parts.get(1)? {
                "past" => {
                    if wd >= 6 {
                        0
                    } else {
                        -7
                    }
                }
                "future" => 0,
                _ => return None,
            };
            let w = add_days(anchor, off)?.iso_week_date();
            format!("{:04}-W{:02}-WE", w.year(), w.week())
        }
        "month" => {
            let (yy, mm) = shift_month(y, i64::from(anchor.month()), int(1)?);
            format!("{yy:04}-{mm:02}")
        }
        "year" => fmt_year(y + int(1)?)?,
        "decade" => {
            let d = y.div_euclid(10) + int(1)?;
            if !(0..1000).contains(&d) {
                return None;
            }
            format!("{d:03}")
        }
        "century" => {
            let c = y.div_euclid(100) + int(1)?;
            if !(0..100).contains(&c) {
                return None;
            }
            format!("{c:02}")
        }
        "quarter" => {
            let cur = y * 4 + (i64::from(anchor.month()) - 1) / 3 + int(1)?;
            format!("{}-Q{}", fmt_year(cur.div_euclid(4))?, cur.rem_euclid(4) + 1)
        }
        // The latest quarter before the anchor's, in year N ("the 1988 quarter").
        "qy" => {
            let cur = y * 4 + (i64::from(anchor.month()) - 1) / 3 - 1;
            format!("{}-Q{}", fmt_year(int(1)?)?, cur.rem_euclid(4) + 1)
        }
        "half" => {
            let h = int(1)?;
            if !(1..=2).contains(&h) {
                return None;
            }
            format!("{}-H{h}", fmt_year(y + int(2)?)?)
        }
        _ => return None,
    })
}

/// A named month, day, quarter, season or holiday whose year is picked
/// by the direction: `mon:DIR:M[:Y]`, `md:DIR:M:D`, `q:DIR:Q[:Y]`,
/// `season:DIR:SS[:Y]`, `hol:DIR:NAME[:Y]`.
fn named_value(parts: &[&str], anchor: Date) -> Option<String> {
    let int = |i: usize| -> Option<i64> { parts.get(i)?.parse::<i64>().ok() };
    Some(match *parts.first()? {
        "mon" => {
            let m = int(2)?;
            if !(1..=12).contains(&m) {
                return None;
            }
            let yy = pick_year(anchor, parts.get(1)?, int(3), |yy| {
                let first = Date::new(yy as i16, m as i8, 1).ok()?;
                Some((first, first.last_of_month()))
            })?;
            format!("{yy:04}-{m:02}")
        }
        "md" => {
            let (m, d) = (int(2)?, int(3)?);
            let yy = pick_year(anchor, parts.get(1)?, None, |yy| {
                // 29 February only exists in leap years: skip the others.
                let day = Date::new(yy as i16, m as i8, d as i8).ok()?;
                Some((day, day))
            })?;
            fmt_date(Date::new(yy as i16, m as i8, d as i8).ok()?)
        }
        "q" => {
            let q = int(2)?;
            if !(1..=4).contains(&q) {
                return None;
            }
            let yy = pick_year(anchor, parts.get(1)?, int(3), |yy| {
                let first = Date::new(yy as i16, (q * 3 - 2) as i8, 1).ok()?;
                let last = Date::new(yy as i16, (q * 3) as i8, 1).ok()?.last_of_month();
                Some((first, last))
            })?;
            format!("{yy:04}-Q{q}")
        }
        "season" => {
            let ss = *parts.get(2)?;
            let (m0, m1) = match ss {
                "SP" => (3, 5),
                "SU" => (6, 8),
                "FA" => (9, 11),
                // Winter is named by the year in which it starts (December).
                "WI" => (12, 14),
                _ => return None,
            };
            let yy = pick_year(anchor, parts.get(1)?, int(3), |yy| {
                let first = Date::new(yy as i16, m0 as i8, 1).ok()?;
                let (ly, lm) = shift_month(yy, m1, 0);
                let last = Date::new(ly as i16, lm as i8, 1).ok()?.last_of_month();
                Some((first, last))
            })?;
            format!("{yy:04}-{ss}")
        }
        "hol" => {
            let name = *parts.get(2)?;
            let yy = pick_year(anchor, parts.get(1)?, int(3), |yy| {
                let d = holiday(name, yy)?;
                Some((d, d))
            })?;
            fmt_date(holiday(name, yy)?)
        }
        _ => return None,
    })
}

/// The dates a story has named so far, in reading order: anaphoric
/// expressions ("the following year", "the previous Friday", "the quarter")
/// count from them rather than from the anchor.
#[derive(Debug, Default, Clone)]
pub struct Told {
    /// The last calendar date named (a year or finer: `1998`, `1998-Q3`, `1998-03-09`).
    pub date: Option<String>,
    /// The last quarter named (`1998-Q3`).
    pub quarter: Option<String>,
    /// The last day named (`1998-03-09`, from a date or a time of that day).
    pub day: Option<String>,
    /// The year each month (January first) was last placed in by a month or
    /// month-day told relative to the anchor ("in April", "next April").
    pub months: [Option<i64>; 12],
}

impl Told {
    /// Remember the value of a date (`time` false) or time mention just read;
    /// `quarter` when it names a quarter of its own ("its fiscal first quarter",
    /// not the comparison point "the year-ago quarter").
    pub fn note(&mut self, v: &str, time: bool, quarter: bool) {
        let b = v.as_bytes();
        if !(v.len() >= 4 && b.iter().take(4).all(u8::is_ascii_digit)) {
            return;
        }
        if !time {
            self.date = Some(v.to_string());
        }
        if quarter && v.len() == 7 && b.get(4..6) == Some(b"-Q") {
            self.quarter = Some(v.to_string());
        }
        if let Some(d) = v.get(..10).filter(|d| parse_day(d).is_some()) {
            self.day = Some(d.to_string());
        }
    }
}

impl Told {
    /// Remember the year of a month or month-day value (`1999-04`, `1999-04-05`).
    pub fn note_month(&mut self, v: &str) {
        let (Some(y), Some(m)) = (v.get(..4).and_then(|y| y.parse::<i64>().ok()), v.get(5..7)) else { return };
        if let Some(slot) = m.parse::<usize>().ok().and_then(|m| m.checked_sub(1)).and_then(|k| self.months.get_mut(k))
        {
            *slot = Some(y);
        }
    }

    /// The year month `m` (1 = January) was last placed in.
    pub fn month_year(&self, m: usize) -> Option<i64> {
        self.months.get(m.checked_sub(1)?).copied().flatten()
    }
}

/// Resolve an anaphoric expression against what the story named before it
/// (`None` when it named nothing that fits; then [`anaphor_fallback`] counts
/// from the anchor):
///
/// | expression | value |
/// | --- | --- |
/// | `anaph:year:N`, `anaph:month:N` | the last date's year or month plus N ("the following year") |
/// | `anaph:quarter:N` | the last quarter named plus N ("the quarter") |
/// | `anaph:wd:MODE:D` | weekday D before (`last`) or after (`next`) the last day named ("the previous Friday") |
///
/// A trailing `>Y-1` moves the value by years, as in [`resolve_expr`].
pub fn resolve_anaphor(expr: &str, told: &Told) -> Option<String> {
    let e = expr.strip_prefix("anaph:")?;
    if let Some((base, shift)) = e.rsplit_once(">Y") {
        let n: i64 = shift.parse().ok()?;
        let v = resolve_anaphor(&format!("anaph:{base}"), told)?;
        let y: i64 = v.get(..4)?.parse().ok()?;
        return Some(format!("{}{}", fmt_year(y + n)?, v.get(4..)?));
    }
    let mut parts = e.split(':');
    let unit = parts.next()?;
    if unit == "wd" {
        let (mode, rest) = (parts.next()?, parts.next()?);
        let (d, suffix) = rest.split_once('@').unwrap_or((rest, ""));
        let day = weekday(parse_day(told.day.as_deref()?)?, mode, d.parse().ok()?)?;
        return Some(format!("{}{suffix}", fmt_date(day)));
    }
    let n = parts.next()?.parse::<i64>().ok()?;
    match unit {
        "year" => {
            let last = told.date.as_deref()?;
            fmt_year(last.get(..4)?.parse::<i64>().ok()? + n)
        }
        "month" => {
            let last = told.date.as_deref()?;
            let y: i64 = last.get(..4)?.parse().ok()?;
            let m: i64 = last.get(5..7)?.parse().ok()?;
            if last.as_bytes().get(4) != Some(&b'-') || !(1..=12).contains(&m) {
                return None;
            }
            let (yy, mm) = shift_month(y, m, n);
            Some(format!("{}-{mm:02}", fmt_year(yy)?))
        }
        "quarter" => {
            let last = told.quarter.as_deref()?;
            let cur = last.get(..4)?.parse::<i64>().ok()? * 4 + last.get(6..7)?.parse::<i64>().ok()? - 1 + n;
            Some(format!("{}-Q{}", fmt_year(cur.div_euclid(4))?, cur.rem_euclid(4) + 1))
        }
        _ => None,
    }
}

/// The fallback for an anaphoric expression with no fitting date before it,
/// counted from the anchor: "the following year" as next year
/// (`anaph:year:1` as `year:1`), "the previous Friday" as the last Friday,
/// "the quarter" as the latest one reported (`anaph:quarter:0` as
/// `quarter:-1`).
pub fn anaphor_fallback(expr: &str) -> Option<String> {
    let e = expr.strip_prefix("anaph:")?;
    let (base, shift) = match e.rsplit_once(">Y") {
        Some((b, sh)) => (b, format!(">Y{sh}")),
        None => (e, String::new()),
    };
    let base = if let Some(n) = base.strip_prefix("quarter:") {
        format!("quarter:{}", n.parse::<i64>().ok()? - 1)
    } else {
        base.to_string()
    };
    Some(format!("{base}{shift}"))
}

/// `YYYY-MM-DD` as a date.
fn parse_day(v: &str) -> Option<Date> {
    if v.len() != 10 {
        return None;
    }
    let n = |a: usize, b: usize| v.get(a..b)?.parse::<i16>().ok();
    Date::new(n(0, 4)?, i8::try_from(n(5, 7)?).ok()?, i8::try_from(n(8, 10)?).ok()?).ok()
}

/// The ISO week (`YYYY-Www`) of day value `v`.
pub fn week_of(v: &str) -> Option<String> {
    let w = parse_day(v)?.iso_week_date();
    Some(format!("{:04}-W{:02}", w.year(), w.week()))
}

/// Day value `v` moved by `n` days.
pub fn shift_day(v: &str, n: i64) -> Option<String> {
    Some(fmt_date(add_days(parse_day(v)?, n)?))
}

fn fmt_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn fmt_year(y: i64) -> Option<String> {
    (0..=9999).contains(&y).then(|| format!("{y:04}"))
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

/// Year and month `n` months after `y`-`m` (month 1-based; `m` may exceed 12).
fn shift_month(y: i64, m: i64, n: i64) -> (i64, i64) {
    let t = y * 12 + (m - 1) + n;
    (t.div_euclid(12), t.rem_euclid(12) + 1)
}

fn weekday(anchor: Date, mode: &str, d: i64) -> Option<Date> {
    if !(1..=7).contains(&d) {
        return None;
    }
    let target = Weekday::from_monday_one_offset(d as i8).ok()?;
    let cur = anchor.weekday();
    // Days from `target` forward to `cur`, and from `cur` forward to `target`.
    let back = i64::from(cur.since(target));
    let fwd = i64::from(target.since(cur));
    let off = match mode {
        "past" => -back,
        "future" => fwd,
        "last" => -(if back == 0 { 7 } else { back }),
        "next" => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        "this" => i64::from(target.to_monday_one_offset()) - i64::from(cur.to_monday_one_offset()),
        _ => return None,
    };
    add_days(anchor, off)
}

/// The year for a yearly recurring period whose span in year `yy` is given
/// by `span`. `yoff` fixes the year relative to the anchor.
fn pick_year(anchor: Date, mode: &str, yoff: Option<i64>, span: impl Fn(i64) -> Option<(Date, Date)>) -> Option<i64> {
    let y = i64::from(anchor.year());
    if let Some(o) = yoff {
        return Some(y + o);
    }
    let cands: Vec<(i64, Date, Date)> = (y - 2..=y + 2).filter_map(|yy| span(yy).map(|(a, b)| (yy, a, b))).collect();
    let past = cands.iter().rev().find(|c| c.1 <= anchor).map(|c| c.0);
    let future = cands.iter().find(|c| c.2 >= anchor).map(|c| c.0);
    match mode {
        "past" => past,
        "future" => future,
        "this" => Some(y),
        "last" => Some(y - 1),
        "next" => Some(y + 1),
        "prior" => {
            let (py, pm) = shift_month(y, i64::from(anchor.month()), -1);
            let start = Date::new(i16::try_from(py).ok()?, i8::try_from(pm).ok()?, 1).ok()?;
            cands.iter().rev().find(|c| c.2 < start).map(|c| c.0)
        }
        "near" => {
            let (Some(p), Some(f)) = (past, future) else { return past.or(future) };
            if p == f {
                return Some(p);
            }
            let dist = |yy: i64| -> Option<i64> {
                let c = cands.iter().find(|c| c.0 == yy)?;
                let a = if c.1 > anchor { anchor.until(c.1) } else { c.2.until(anchor) };
                a.ok().map(|s| i64::from(s.get_days()).abs())
            };
            // News mostly reports the past: the coming one wins only when it
            // is much closer than the last one.
            if dist(f)? * 3 < dist(p)? { Some(f) } else { Some(p) }
        }
        _ => None,
    }
}

/// Date of a named holiday in year `y`.
pub(super) fn holiday(name: &str, y: i64) -> Option<Date> {
    let yy = i16::try_from(y).ok()?;
    let fixed = |m: i8, d: i8| Date::new(yy, m, d).ok();
    let nth = |m: i8, n: i8, wd: Weekday| Date::new(yy, m, 1).ok()?.nth_weekday_of_month(n, wd).ok();
    match name {
        "newyear" => fixed(1, 1),
        "newyeareve" => fixed(12, 31),
        "christmas" => fixed(12, 25),
        "christmaseve" => fixed(12, 24),
        "boxing" => fixed(12, 26),
        "independence" => fixed(7, 4),
        "halloween" => fixed(10, 31),
        "valentine" => fixed(2, 14),
        "veterans" => fixed(11, 11),
        "stpatrick" => fixed(3, 17),
        "mlk" => nth(1, 3, Weekday::Monday),
        "presidents" => nth(2, 3, Weekday::Monday),
        "memorial" => nth(5, -1, Weekday::Monday),
        "labor" => nth(9, 1, Weekday::Monday),
        "columbus" => nth(10, 2, Weekday::Monday),
        "thanksgiving" => nth(11, 4, Weekday::Thursday),
        "mother" => nth(5, 2, Weekday::Sunday),
        "father" => nth(6, 3, Weekday::Sunday),
        // US federal election day: the Tuesday after the first Monday of November.
        "election" => add_days(nth(11, 1, Weekday::Monday)?, 1),
        "easter" => easter(yy),
        "goodfriday" => add_days(easter(yy)?, -2),
        "eastermonday" => add_days(easter(yy)?, 1),
        _ => None,
    }
}

/// Gregorian Easter Sunday (anonymous Gregorian algorithm).
fn easter(y: i16) -> Option<Date> {
    let y = i32::from(y);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(y as i16, month as i8, day as i8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a() -> Date {
        // A Friday.
        Date::constant(2025, 3, 14)
    }

    fn r(e: &str) -> String {
        resolve_expr(e, a()).unwrap_or_else(|| "NONE".into())
    }

    #[test]
    fn days_weeks_months_years() {
        assert_eq!(r("day:-1"), "2025-03-13");
        assert_eq!(r("day:1@TNI"), "2025-03-15TNI");
        assert_eq!(r("week:0"), "2025-W11");
        assert_eq!(r("week:1"), "2025-W12");
        assert_eq!(r("weekend:-1"), "2025-W10-WE");
        assert_eq!(r("wkend:past"), "2025-W10-WE");
        assert_eq!(r("wkend:future"), "2025-W11-WE");
        assert_eq!(resolve_expr("wkend:past", Date::constant(2025, 3, 16)).as_deref(), Some("2025-W11-WE"));
        assert_eq!(r("month:-3"), "2024-12");
        assert_eq!(r("year:-1"), "2024");
        assert_eq!(r("decade:0"), "202");
        assert_eq!(r("century:0"), "20");
        assert_eq!(r("quarter:-1"), "2024-Q4");
        assert_eq!(r("half:2:-1"), "2024-H2");
        assert_eq!(r("q:past:3>Y-1"), "2023-Q3");
        assert_eq!(r("mon:past:10>Y-1"), "2023-10");
    }

    #[test]
    fn weekday_modes() {
        assert_eq!(r("wd:past:2"), "2025-03-11");
        assert_eq!(r("wd:past:5"), "2025-03-14");
        assert_eq!(r("wd:last:5"), "2025-03-07");
        assert_eq!(r("wd:future:2"), "2025-03-18");
        assert_eq!(r("wd:next:5"), "2025-03-21");
        assert_eq!(r("wd:this:1"), "2025-03-10");
        assert_eq!(r("wd:past:5@TMO"), "2025-03-14TMO");
    }

    #[test]
    fn cyclic_periods() {
        assert_eq!(r("mon:past:10"), "2024-10");
        assert_eq!(r("mon:future:10"), "2025-10");
        assert_eq!(r("mon:past:3"), "2025-03");
        assert_eq!(r("mon:near:4"), "2025-04");
        assert_eq!(r("mon:prior:3"), "2024-03");
        assert_eq!(r("mon:prior:2"), "2024-02");
        assert_eq!(r("mon:prior:1"), "2025-01");
        assert_eq!(r("mon:prior:10"), "2024-10");
        assert_eq!(r("mon:near:9"), "2024-09");
        assert_eq!(r("mon:x:1:0"), "2025-01");
        assert_eq!(r("md:near:3:10"), "2025-03-10");
        assert_eq!(r("md:near:3:20"), "2025-03-20");
        assert_eq!(r("md:past:3:20"), "2024-03-20");
        assert_eq!(r("q:past:3"), "2024-Q3");
        assert_eq!(r("q:past:1"), "2025-Q1");
        assert_eq!(r("season:past:FA"), "2024-FA");
        assert_eq!(r("season:past:WI"), "2024-WI");
        assert_eq!(r("season:next:SU"), "2026-SU");
        assert_eq!(r("hol:past:christmas"), "2024-12-25");
        assert_eq!(r("hol:future:easter"), "2025-04-20");
    }

    #[test]
    fn holidays_by_rule() {
        assert_eq!(holiday("thanksgiving", 2024), Some(Date::constant(2024, 11, 28)));
        assert_eq!(holiday("labor", 2025), Some(Date::constant(2025, 9, 1)));
        assert_eq!(holiday("memorial", 2025), Some(Date::constant(2025, 5, 26)));
        assert_eq!(holiday("easter", 2024), Some(Date::constant(2024, 3, 31)));
        assert_eq!(holiday("election", 2024), Some(Date::constant(2024, 11, 5)));
    }

    #[test]
    fn anaphors_count_from_what_the_story_named() {
        let mut told = Told::default();
        told.note("2024-Q3", false, true);
        told.note("2025-03-04", false, false);
        told.note("2023-Q1", false, false);
        assert_eq!(resolve_anaphor("anaph:quarter:0", &told).as_deref(), Some("2024-Q3"));
        assert_eq!(resolve_anaphor("anaph:quarter:0>Y-1", &told).as_deref(), Some("2023-Q3"));
        assert_eq!(resolve_anaphor("anaph:wd:last:2", &told).as_deref(), Some("2025-02-25"));
        assert_eq!(resolve_anaphor("anaph:wd:next:1@TMO", &told).as_deref(), Some("2025-03-10TMO"));
        assert_eq!(resolve_anaphor("anaph:year:1", &told).as_deref(), Some("2024"));
        assert_eq!(resolve_anaphor("anaph:quarter:0", &Told::default()), None);
        assert_eq!(anaphor_fallback("anaph:quarter:0>Y-1").as_deref(), Some("quarter:-1>Y-1"));
        assert_eq!(r("anaph:wd:last:5"), "2025-03-07");
        assert_eq!(r("anaph:quarter:0"), "2024-Q4");
    }

    #[test]
    fn malformed_is_none() {
        assert_eq!(resolve_expr("", a()), None);
        assert_eq!(resolve_expr("wd:past:9", a()), None);
        assert_eq!(resolve_expr("mon:past:13", a()), None);
        assert_eq!(resolve_expr("bogus:1", a()), None);
        assert_eq!(resolve_expr("month:-3@TMO", a()), None);
    }
}
