//! Word tables of the tagger: months, weekdays, number words, time units and the
//! TIMEX3 duration values they make.

use super::*;

pub(super) fn month_no(w: &str) -> Option<(u32, bool)> {
    // (month, ambiguous as an ordinary word or a name)
    Some(match w {
        "january" | "jan" => (1, w == "jan"),
        "february" | "feb" => (2, false),
        "march" | "mar" => (3, true),
        "april" | "apr" => (4, w == "april"),
        "may" => (5, true),
        "june" | "jun" => (6, w == "june"),
        "july" | "jul" => (7, false),
        "august" | "aug" => (8, w == "august"),
        "september" | "sep" | "sept" => (9, false),
        "october" | "oct" => (10, false),
        "november" | "nov" => (11, false),
        "december" | "dec" => (12, w == "dec"),
        _ => return None,
    })
}

pub(super) fn weekday_no(w: &str) -> Option<u32> {
    Some(match w {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    })
}

pub(super) fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

pub(super) fn tens(w: &str) -> Option<u32> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

pub(super) fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        "fifth" | "5th" => 5,
        "sixth" | "6th" => 6,
        "seventh" | "7th" => 7,
        "eighth" | "8th" => 8,
        "ninth" | "9th" => 9,
        "tenth" | "10th" => 10,
        "eleventh" | "11th" => 11,
        "twelfth" | "12th" => 12,
        "thirteenth" | "13th" => 13,
        "fourteenth" | "14th" => 14,
        "fifteenth" | "15th" => 15,
        "sixteenth" | "16th" => 16,
        "seventeenth" | "17th" => 17,
        "eighteenth" | "18th" => 18,
        "nineteenth" | "19th" => 19,
        "twentieth" | "20th" => 20,
        "twenty-first" | "21st" => 21,
        _ => return None,
    })
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
            "DE" => "PXDE".into(),
            "CE" => "PXCE".into(),
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

/// Words before a bare year or month that make it a date.
pub(super) const DATE_PREPS: &[&str] = &[
    "in",
    "since",
    "by",
    "of",
    "until",
    "till",
    "from",
    "during",
    "before",
    "after",
    "through",
    "throughout",
    "between",
    "to",
    "early",
    "mid",
    "late",
    "fiscal",
    "year",
    "around",
    "circa",
    "for",
    "last",
    "next",
    "this",
    "that",
    "on",
    "and",
    "or",
    "than",
    "as",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "into",
    "at",
    "towards",
    "toward",
    "beginning",
    "end",
    "start",
    "ending",
    "ended",
    "starting",
    "–",
    "-",
    "due",
    "both",
];
