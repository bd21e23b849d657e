//! Clock times ("9:30 a.m.", "noon", "4 in the morning") with their time zone words.

use super::*;

/// Clock times: "9:30 a.m.", "9 a.m.", "10pm", "noon", "midnight",
/// "4 in the morning"; valued on the anchor's day unless a day follows.
pub(super) fn clock(s: &Sent, i: usize) -> Option<M> {
    let w = s.w(i);
    if w == "midafternoon"
        || w == "midmorning"
        || (w == "mid" && s.any(i + 1 + usize::from(s.is(i + 1, "-")), &["afternoon", "morning"]))
    {
        let k = if w == "mid" { i + 2 + usize::from(s.is(i + 1, "-")) } else { i + 1 };
        let p = if s.w(k - 1).ends_with("morning") { "TMO" } else { "TAF" };
        return mk(i, k, DateKind::Time, rel(format!("day:0@{p}")), R::Clock);
    }
    if w == "noon" || w == "midnight" || w == "midday" {
        let t = if w == "midnight" { "T24:00" } else { "T12:00" };
        if s.cap(i) && i > 0 {
            return None;
        }
        return mk(i, i + 1, DateKind::Time, rel(format!("day:0@{t}")), R::Clock);
    }
    // "10pm", "9am"
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    let (h, mut mm, mut j) = if !digits.is_empty() && digits.len() <= 2 && matches!(suffix, "am" | "pm") {
        (digits.parse::<u32>().ok()?, 0u32, i + 1)
    } else {
        let h = s.digits(i)?;
        if s.w(i).len() > 2 {
            return None;
        }
        let mut j = i + 1;
        let mut mm = 0;
        let mut has_min = false;
        if s.any(j, &[":", "."])
            && s.glued(j)
            && s.glued(j + 1)
            && (s.is(j, ":") || ampm(s, j + 2).0.is_some() || s.w(j + 1).ends_with('m'))
        {
            let m2 = s.w(j + 1);
            let digits2 = m2.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            if digits2.len() == 2 && digits2.bytes().all(|b| b.is_ascii_digit()) {
                mm = digits2.parse().ok()?;
                has_min = true;
                j += 2;
                if matches!(&m2[2..], "am" | "pm") {
                    let pm = &m2[2..] == "pm";
                    return finish_clock(s, i, j, h, mm, Some(pm));
                }
            }
        }
        let _ = has_min;
        (h, mm, j)
    };
    if !suffix.is_empty() {
        let pm = suffix == "pm";
        return finish_clock(s, i, j, h, mm, Some(pm));
    }
    // "a.m." / "p.m." / "am" / "pm" / "A.M."
    let (ampm, after) = ampm(s, j);
    if let Some(pm) = ampm {
        return finish_clock(s, i, after, h, mm, Some(pm));
    }
    // "o'clock"
    if s.is(j, "o") && s.apos(j + 1) && s.is(j + 2, "clock") {
        j += 3;
        return finish_clock(s, i, j, h, mm, None);
    }
    // "4 in the morning"
    if s.is(j, "in") && s.is(j + 1, "the") && s.any(j + 2, &["morning", "afternoon", "evening"]) {
        let pm = !s.is(j + 2, "morning");
        return finish_clock(s, i, j + 3, h, mm, Some(pm));
    }
    // "9:30" with a minute part after "at"/"by": a time; scores have no "at".
    if j == i + 3 && i > 0 && s.class(i - 1, crate::lang::Class::ClockLead) {
        mm = mm.min(59);
        return finish_clock(s, i, j, h, mm, None);
    }
    None
}

pub(super) fn ampm(s: &Sent, j: usize) -> (Option<bool>, usize) {
    let w = s.w(j);
    let pm = match w {
        "am" | "a" => false,
        "pm" | "p" => true,
        _ => return (None, j),
    };
    if w.len() == 2 {
        // "am" alone is a verb: only in lowercase with the number glued or
        // spaced, and never "I am".
        return (Some(pm), j + 1);
    }
    // "a.m.", "a.m"
    if s.dot(j + 1) && s.is(j + 2, "m") && s.glued(j + 2) {
        let mut e = j + 3;
        if s.dot(e) {
            e += 1;
        }
        return (Some(pm), e);
    }
    (None, j)
}

pub(super) fn finish_clock(s: &Sent, i: usize, mut end: usize, h: u32, mm: u32, pm: Option<bool>) -> Option<M> {
    if mm > 59 || h > 24 || (pm.is_some() && (h == 0 || h > 12)) {
        return None;
    }
    let h24 = match pm {
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    };
    // time zones: "EST", "GMT", "local time"
    if s.class(end, crate::lang::Class::TimeZone) && s.orig(end).chars().all(|c| c.is_ascii_uppercase()) {
        end += 1;
    } else if s.is(end, "local") && s.is(end + 1, "time") {
        end += 2;
    }
    mk(i, end, DateKind::Time, rel(format!("day:0@T{h24:02}:{mm:02}")), R::Clock)
}
