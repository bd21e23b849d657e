//! Word tables of the tagger: months, weekdays, number words, time units and the
//! TIMEX3 duration values they make.

use super::*;
use crate::lang::{self, NumberKind};

pub(super) fn month_no(w: &str) -> Option<(u32, bool)> {
    // (month, ambiguous as an ordinary word or a name)
    lang::month(w).map(|m| (m.month, m.common))
}

pub(super) fn weekday_no(w: &str) -> Option<u32> {
    lang::weekday(w).map(|(d, _)| d)
}

/// One to nineteen in words.
pub(super) fn small_number(w: &str) -> Option<u32> {
    lang::number_of(w, NumberKind::Cardinal).filter(|v| *v >= 1.0).map(|v| v as u32)
}

pub(super) fn tens(w: &str) -> Option<u32> {
    lang::number_of(w, NumberKind::Tens).map(|v| v as u32)
}

/// An ordinal up to 21, in words ("third") or digits ("3rd").
pub(super) fn ordinal(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if !digits.is_empty() {
        let n: u32 = digits.parse().ok().filter(|n| (1..=21).contains(n))?;
        let suffix = match n {
            1 | 21 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return (w.len() == digits.len() + 2 && w.ends_with(suffix)).then_some(n);
    }
    lang::number_of(w, NumberKind::Ordinal).filter(|v| *v <= 21.0).map(|v| v as u32)
}

/// A count: `Some(n)` or `None` for an unspecified one ("several", "a few").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Num {
    N(f64),
    X,
}

/// A number at `i`: digits ("18", "1,000", "1.5", "5 1/2"), words ("twenty
/// four", "thirty-two", "a hundred", "a dozen", "a couple of"), the article
/// "a"/"an" (one), or a vague count ("several", "a few"). Returns the count
/// and the token after it.
pub(super) fn number(s: &Sent, i: usize) -> Option<(Num, usize)> {
    let w = s.w(i);
    if let Some(n) = s.digits(i) {
        let mut v = f64::from(n);
        let mut j = i + 1;
        // thousands separators and decimals, glued
        while s.any(j, &[",", "."]) && s.glued(j) && s.glued(j + 1) && s.digits(j + 1).is_some() {
            let part = s.w(j + 1);
            if s.is(j, ",") {
                if part.len() != 3 {
                    break;
                }
                v = v * 1000.0 + part.parse::<f64>().ok()?;
            } else {
                v += format!("0.{part}").parse::<f64>().ok()?;
            }
            j += 2;
        }
        // "5 1/2"
        if s.digits(j) == Some(1) && s.is(j + 1, "/") && s.digits(j + 2) == Some(2) && s.glued(j + 1) {
            v += 0.5;
            j += 3;
        }
        return Some((Num::N(v), j));
    }
    if let Some(n) = small_number(w) {
        if s.any(i + 1, &["hundred", "thousand"]) {
            let m = if s.is(i + 1, "hundred") { 100 } else { 1000 };
            return Some((Num::N(f64::from(n * m)), i + 2));
        }
        return Some((Num::N(f64::from(n)), i + 1));
    }
    if let Some(t) = tens(w) {
        let mut j = i + 1;
        if s.is(j, "-") && s.glued(j) {
            j += 1;
        }
        if let Some(u) = small_number(s.w(j)).filter(|u| *u < 10) {
            return Some((Num::N(f64::from(t + u)), j + 1));
        }
        return Some((Num::N(f64::from(t)), i + 1));
    }
    match w {
        "a" | "an" => {
            if s.is(i + 1, "hundred") {
                return Some((Num::N(100.0), i + 2));
            }
            if s.is(i + 1, "dozen") {
                return Some((Num::N(12.0), i + 2));
            }
            if s.is(i + 1, "couple") && s.is(i + 2, "of") {
                return Some((Num::N(2.0), i + 3));
            }
            if s.any(i + 1, &["few", "number"]) {
                let j = if s.is(i + 1, "number") && s.is(i + 2, "of") { i + 3 } else { i + 2 };
                return Some((Num::X, j));
            }
            Some((Num::N(1.0), i + 1))
        }
        "dozen" => Some((Num::N(12.0), i + 1)),
        "hundred" => Some((Num::N(100.0), i + 1)),
        "several" | "few" | "many" => Some((Num::X, i + 1)),
        "couple" if s.is(i + 1, "of") => Some((Num::N(2.0), i + 2)),
        "half" if s.any(i + 1, &["a", "an"]) => Some((Num::N(0.5), i + 2)),
        _ => None,
    }
}

/// A time unit word at `i`: (TIMEX3 unit letter, is-plural, is-time-part).
pub(super) fn unit(w: &str) -> Option<(&'static str, bool)> {
    Some(match w {
        "year" | "yr" => ("Y", false),
        "years" | "yrs" => ("Y", true),
        "month" => ("M", false),
        "months" => ("M", true),
        "week" => ("W", false),
        "weeks" => ("W", true),
        "day" => ("D", false),
        "days" => ("D", true),
        "night" => ("N", false),
        "nights" => ("N", true),
        "hour" => ("H", false),
        "hours" => ("H", true),
        "minute" => ("MIN", false),
        "minutes" => ("MIN", true),
        "second" => ("S", false),
        "seconds" => ("S", true),
        "decade" => ("DE", false),
        "decades" => ("DE", true),
        "century" => ("CE", false),
        "centuries" => ("CE", true),
        "quarter" => ("Q", false),
        "quarters" => ("Q", true),
        "weekend" => ("WE", false),
        "weekends" => ("WE", true),
        _ => return None,
    })
}

/// TIMEX3 duration for `n` units.
pub(super) fn dur_value(n: Num, u: &str) -> String {
    let Num::N(n) = n else {
        return match u {
            "H" => "PTXH".into(),
            "MIN" => "PTXM".into(),
            "S" => "PTXS".into(),
            // TimeBank's unit letters for an unspecified count: E decades, C centuries.
            "DE" => "PXE".into(),
            "CE" => "PXC".into(),
            "N" | "WE" => "PXD".into(),
            _ => format!("PX{u}"),
        };
    };
    let whole = n.fract() == 0.0;
    let int = n as i64;
    // Half units go down a unit ("a minute and a half" = PT1M30S).
    if !whole && (n * 2.0).fract() == 0.0 {
        return match u {
            "Y" if int > 0 => format!("P{int}Y6M"),
            "Y" => "P6M".to_string(),
            "D" if int > 0 => format!("P{int}DT12H"),
            "D" => "PT12H".to_string(),
            "H" if int > 0 => format!("PT{int}H30M"),
            "H" => "PT30M".to_string(),
            "MIN" if int > 0 => format!("PT{int}M30S"),
            "MIN" => "PT30S".to_string(),
            "DE" => format!("P{}Y", (n * 10.0) as i64),
            "CE" => format!("P{}Y", (n * 100.0) as i64),
            "W" => format!("P{}D", (n * 7.0) as i64),
            _ => format!("P{n}{u}"),
        };
    }
    let n = if whole { int.to_string() } else { n.to_string() };
    match u {
        "H" => format!("PT{n}H"),
        "MIN" => format!("PT{n}M"),
        "S" => format!("PT{n}S"),
        "DE" => format!("P{}Y", int.saturating_mul(10).max(10)),
        "CE" => format!("P{}Y", int.saturating_mul(100).max(100)),
        "N" => format!("P{n}D"),
        "WE" => format!("P{}D", int.saturating_mul(2)),
        _ => format!("P{n}{u}"),
    }
}

pub(super) fn kind_of_unit(u: &str) -> DateKind {
    let _ = u;
    DateKind::Duration
}

// ------------------------------------------------------------------ dates
