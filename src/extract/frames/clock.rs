//! Times of day as facts: the clock value with its zone and tolerance, and
//! what happened then.

use super::*;

/// A time of day as minutes after midnight, with its time zone: `("2:53 p.m.
/// local time")` → (893, "local"). Hand-written: the forms are few and the
/// date extractor has already found the span.
pub(super) fn clock(text: &str) -> Option<(f64, &'static str)> {
    let lower = text.to_lowercase();
    let b = lower.as_bytes();
    let mut i = b.iter().position(u8::is_ascii_digit)?;
    let num = |i: &mut usize| {
        let from = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        lower[from..*i].parse::<u32>().ok()
    };
    let first = num(&mut i)?;
    let (mut h, mut m) = (first, 0);
    if first >= 100 {
        (h, m) = (first / 100, first % 100); // "1200 GMT"
    } else if b.get(i) == Some(&b':') || b.get(i) == Some(&b'.') {
        i += 1;
        m = num(&mut i)?;
    }
    let rest = lower[i..].trim_start();
    let squashed: String = rest.chars().filter(|c| c.is_ascii_alphabetic()).take(2).collect();
    match squashed.as_str() {
        "pm" if h < 12 => h += 12,
        "am" if h == 12 => h = 0,
        "am" | "pm" => {}
        _ if first < 100 && !lower.contains("gmt") && !lower.contains("utc") => return None, // "10" alone is no time
        _ => {}
    }
    if h > 23 || m > 59 {
        return None;
    }
    let zone = if lower.contains("gmt") || lower.contains("utc") {
        "utc"
    } else if lower.contains("local") {
        "local"
    } else {
        ""
    };
    Some((f64::from(h * 60 + m), zone))
}

/// The fact of a time of day in the sentence: `[s, e)` is the date
/// extractor's span. "about/around" allows ±12 minutes, "after" an hour
/// after it, "before" an hour before; a bare time ±2 minutes.
pub(super) fn clock_fact(
    text: &str,
    base: usize,
    toks: &[Token],
    bounds: &[(usize, usize)],
    index: usize,
    s: usize,
    e: usize,
) -> Option<Fact> {
    let written = text.get(s.checked_sub(base)?..e.checked_sub(base)?)?;
    let (minutes, zone) = clock(written)?;
    let lx = lexicon();
    let clause = bounds.iter().position(|&(cs, ce)| s >= cs && s < ce).unwrap_or(0);
    let (cs, ce) = bounds.get(clause).copied()?;
    let first = toks.iter().position(|t| t.start >= s)?;
    let prev = first.checked_sub(1).and_then(|p| toks.get(p)).filter(|t| t.start >= cs).map(|t| &*t.lower);
    let (lo, hi, open) = match prev {
        Some(w) if crate::lang::is(crate::lang::Class::ClockApproximation, w) => {
            (minutes - 12.0, minutes + 12.0, false)
        }
        Some("after") => (minutes, minutes + 60.0, true),
        Some("before") => (minutes - 60.0, minutes, true),
        // "3 p.m." is as often a rounded "2:53 p.m." as an exact time
        _ if minutes % 60.0 == 0.0 => (minutes - 10.0, minutes + 10.0, false),
        _ => (minutes - 2.0, minutes + 2.0, false),
    };
    let window: Vec<&Token> = toks
        .iter()
        .filter(|t| t.start >= cs && t.end <= ce && (t.end <= s || t.start >= e))
        .filter(|t| !t.is_number() && !lx.is_stopword(&t.lower) && t.lower.chars().count() > 1)
        .collect();
    // the time of the incident itself, however each outlet words it; other
    // times keep the class of what happened then ("arrived", "evacuated")
    let predicate = if window.iter().any(|t| lx.is_incident(&t.lower)) {
        Some(INCIDENT.to_string())
    } else {
        window.iter().find_map(|t| lx.predicate_class(&t.lower)).map(str::to_string)
    };
    let mut context: Vec<String> = window.iter().map(|t| term(&t.lower, &t.lemma)).collect();
    context.retain(|w| !crate::lang::is(crate::lang::Class::ClockContextDrop, w));
    context.sort();
    context.dedup();
    // a time said to be local is what a time without a zone means
    let dimension = if zone.is_empty() || zone == "local" { "time".to_string() } else { format!("time:{zone}") };
    Some(Fact {
        quantity: index,
        written: Some(written.to_string()),
        clause,
        dimension,
        value: minutes,
        lo,
        hi: Some(hi),
        open,
        head: Some("time".to_string()),
        predicate,
        bearing: None,
        reference: None,
        scope: Vec::new(),
        background: false,
        revised: false,
        period: None,
        context,
    })
}
