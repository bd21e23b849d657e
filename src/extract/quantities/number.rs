//! Numbers in digits and words: grouping, decimals, scale words and suffixes,
//! spoken compounds ("two hundred and fifty").

use super::*;

/// A digits token: value, whether it has a thousands comma, whether it has a
/// decimal part, and the letters glued after it.
pub(super) fn parse_digits(t: &str) -> Option<(f64, bool, bool, &str)> {
    // Hand-written: this runs on every digit token, and a capturing regex is slow here.
    let b = t.as_bytes();
    let mut i = 0;
    let mut group = 0; // digits in the current group
    let mut groups = 0;
    let mut comma = false;
    while i < b.len() {
        match b[i] {
            b'0'..=b'9' => group += 1,
            b',' => {
                // groups after a comma have exactly three digits; the first has one to three
                if group == 0 || (groups == 0 && group > 3) || (groups > 0 && group != 3) {
                    return None;
                }
                comma = true;
                groups += 1;
                group = 0;
            }
            _ => break,
        }
        i += 1;
    }
    if group == 0 || (comma && group != 3) {
        return None;
    }
    let int_end = i;
    let mut frac_end = i;
    if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        frac_end = i + 1;
        while frac_end < b.len() && b[frac_end].is_ascii_digit() {
            frac_end += 1;
        }
    }
    let suffix = t.get(frac_end..)?;
    if !suffix.chars().all(|c| c.is_ascii_alphabetic() || c == '²' || c == '³' || c == '/') {
        return None;
    }
    let int = &t[..int_end];
    if int.len() > 1 && int.starts_with('0') {
        return None; // 020, 007: ids and phone numbers
    }
    let digits: String = t[..frac_end].chars().filter(|c| *c != ',').collect();
    let v: f64 = digits.parse().ok()?;
    Some((v, comma, frac_end > int_end, suffix))
}

/// A cheap test, without allocating, that a token may open a number: digits,
/// a compound or rate token, or a word that starts a number in words.
pub(super) fn may_start_number(t: &str) -> bool {
    let b = t.as_bytes();
    let Some(&f) = b.first() else { return false };
    if f.is_ascii_digit() {
        return true;
    }
    // initials of the number words: most tokens stop here
    if !matches!(
        f.to_ascii_lowercase(),
        b'a' | b'b' | b'd' | b'e' | b'f' | b'h' | b'm' | b'n' | b'o' | b's' | b't' | b'z'
    ) {
        return false;
    }
    // the part before a hyphen: "thirty-two", "three-day"
    let head = b.iter().position(|c| !c.is_ascii_alphabetic()).map_or(b, |p| &b[..p]);
    if head.len() > 12 || head.is_empty() {
        return false;
    }
    let mut buf = [0u8; 12];
    for (d, s) in buf.iter_mut().zip(head) {
        *d = s.to_ascii_lowercase();
    }
    let w = std::str::from_utf8(&buf[..head.len()]).unwrap_or("");
    matches!(w, "a" | "an" | "half" | "dozen")
        || small_number(w).is_some()
        || tens_number(w).is_some()
        || ordinal_word(w).is_some()
        || scale_word(w).is_some()
}

/// One word of a number in words ("thirty-two" counts as one word).
pub(super) fn word_value(w: &str) -> Option<f64> {
    if let Some(v) = small_number(w).or_else(|| tens_number(w)) {
        return Some(v);
    }
    let (a, b) = w.split_once('-')?;
    Some(tens_number(a)? + small_number(b).filter(|v| *v >= 1.0 && *v <= 9.0)?)
}

pub(super) fn ordinal_value(w: &str) -> Option<f64> {
    if let Some(v) = ordinal_word(w) {
        return Some(v);
    }
    let (a, b) = w.split_once('-')?;
    Some(tens_number(a)? + ordinal_word(b).filter(|v| *v <= 9.0)?)
}

/// Reads the number starting at token `i` (not hyphen compounds with a unit,
/// which the scanner handles). Money context allows a bare `m` suffix to mean million.
pub(super) fn parse_number(toks: &[Tok], i: usize, money: bool) -> Option<Num> {
    let t = toks.get(i)?;
    let lw = lower(t.text);
    let words = |value: f64, next: usize, ordinal: bool, factor: f64| Num {
        value,
        next,
        ordinal,
        words: true,
        scaled: factor != 1.0,
        factor,
        plain_int: false,
    };
    // "a dozen", "a million"
    if lw == "a" || lw == "an" {
        let nl = lower(toks.get(i + 1)?.text);
        if nl == "dozen" {
            return Some(words(12.0, i + 2, false, 1.0));
        }
        scale_word(&nl).filter(|_| nl != "mn" && nl != "bn" && nl != "tn" && nl != "trn")?;
        // "a hundred thirty million": read on as words, with "a" as one
        return parse_words(toks, i + 1, 1.0);
    }
    if lw == "half" {
        let (a, s) = (toks.get(i + 1)?, toks.get(i + 2)?);
        let s = scale_word(&lower(s.text)).filter(|v| *v >= 1e6)?;
        if lower(a.text) != "a" {
            return None;
        }
        return Some(words(0.5 * s, i + 3, false, s));
    }
    if t.text.starts_with(|c: char| c.is_ascii_digit()) {
        return parse_digit_number(toks, i, money);
    }
    // words: "two hundred and fifty thousand"
    if let Some(v) = ordinal_value(&lw) {
        return Some(words(v, i + 1, true, 1.0));
    }
    parse_words(toks, i + 1, word_value(&lw)?)
}

/// A number in digits at token `i`: its suffix ("5th", "3k", "5bn", "$3m"
/// in money), a scale word after it ("5 million"), a fraction after it
/// ("5 1/2").
fn parse_digit_number(toks: &[Tok], i: usize, money: bool) -> Option<Num> {
    let (mut v, comma, dec, suffix) = parse_digits(toks.get(i)?.text)?;
    let mut factor = 1.0;
    let mut ordinal = false;
    match suffix {
        "" => {}
        "st" | "nd" | "rd" | "th" if !comma && !dec => ordinal = true,
        "k" | "K" => factor = 1e3,
        "m" | "M" if money => factor = 1e6,
        s => {
            if let Some(m) = scale_word(&lower(s)) {
                factor = m;
            } else if !UNITS.contains_key(lower(s).as_str()) && lower(s) != "bn" {
                return None; // 1990s, 3D, 5G, 10am
            }
        }
    }
    let mut scaled = factor != 1.0;
    v *= factor;
    let mut next = i + 1;
    if !scaled
        && !ordinal
        && let Some(n) = toks.get(i + 1)
    {
        let nl = lower(n.text);
        if let Some(m) = scale_word(&nl).filter(|_| nl != "hundred" || v < 100.0) {
            v *= m;
            factor = m;
            scaled = true;
            next = i + 2;
        }
    }
    // "5 1/2 hours", "12 3/4%"
    let mut frac = false;
    if !scaled
        && !ordinal
        && !dec
        && suffix.is_empty()
        && let Some(f) = toks.get(next)
        && let Some((a, b)) = f.text.split_once('/')
        && let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>())
        && a < b
        && b <= 64
    {
        v += f64::from(a) / f64::from(b);
        next += 1;
        frac = true;
    }
    let plain_int = suffix.is_empty() && !comma && !dec && !scaled && !frac;
    Some(Num { value: v, next, ordinal, words: false, scaled, factor, plain_int })
}

/// Number words after a first value (`first` already read, `i` the next token).
pub(super) fn parse_words(toks: &[Tok], i: usize, first: f64) -> Option<Num> {
    let (mut total, mut current) = (0.0f64, first);
    let mut last_small = first < 20.0; // a small number may not follow another
    let mut last_tens = (20.0..100.0).contains(&first) && first % 10.0 == 0.0;
    let mut scaled = false;
    let mut factor = 1.0f64;
    let mut j = i;
    while let Some(n) = toks.get(j) {
        let nl = lower(n.text);
        if let Some(s) = scale_word(&nl).filter(|_| !matches!(nl.as_str(), "mn" | "bn" | "tn" | "trn")) {
            if s == 100.0 {
                if current >= 100.0 || current == 0.0 {
                    break;
                }
                current *= 100.0;
            } else {
                total += current.max(1.0) * s;
                current = 0.0;
            }
            factor = factor.max(s);
            scaled = true;
            last_small = false;
            last_tens = false;
            j += 1;
            continue;
        }
        // "and" inside "two hundred and fifty"
        let (k, nl2) = if nl == "and" && scaled {
            match toks.get(j + 1) {
                Some(m) => (j + 1, lower(m.text)),
                None => break,
            }
        } else {
            (j, nl)
        };
        if let Some(v) = word_value(&nl2) {
            let ok = if v < 10.0 { last_tens || !last_small } else { !last_small && !last_tens };
            if !ok || (!scaled && !last_tens) {
                break;
            }
            current += v;
            last_small = v < 20.0 || v % 10.0 != 0.0;
            last_tens = !last_small && v < 100.0;
            j = k + 1;
            continue;
        }
        break;
    }
    Some(Num { value: total + current, next: j, ordinal: false, words: true, scaled, factor, plain_int: false })
}
