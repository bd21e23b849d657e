//! Numbers that are not counts (dates, clock times, ages, ids, names, scores)
//! and the end of a quantity: ranges, units, rates.

use super::*;

/// The tokens around a candidate number, lower-cased once for its rules.
struct Around<'t, 'a> {
    prev: Option<&'t Tok<'a>>,
    prev_l: String,
    next: Option<&'t Tok<'a>>,
    next_l: String,
}

impl Scanner<'_, '_> {
    /// Rules for numbers that are not counts (dates, clock times, ages, ids…).
    pub(super) fn not_a_count(&self, i: usize, num: Num, c: &Cand, end_tok: usize) -> bool {
        let first = &self.toks[i];
        let last_end = self.toks.get(end_tok.saturating_sub(1)).map_or(first.end, |t| t.end);
        // inside a date/time/set mention (durations are quantities)
        if self.dates.iter().any(|d| d.kind != DateKind::Duration && d.start < last_end && d.end > first.start) {
            return true;
        }
        let prev = if c.tok_start > 0 { self.toks.get(c.tok_start - 1) } else { None };
        let next = self.toks.get(end_tok);
        let a = Around {
            prev,
            prev_l: prev.map(|t| lower(t.text)).unwrap_or_default(),
            next,
            next_l: next.map(|t| lower(t.text)).unwrap_or_default(),
        };
        self.is_date_or_clock(first, num, c, end_tok, &a)
            || self.is_age(num, c, end_tok, &a)
            || self.is_id_or_name(num, c, &a)
            || self.is_ratio_or_fraction(num, c, end_tok, &a)
    }

    /// Dates written out ("March 13", "13th of March", "Monday 13", "Sept.
    /// 11"), clock times, long digit strings (ids).
    fn is_date_or_clock(&self, first: &Tok, num: Num, c: &Cand, end_tok: usize, a: &Around) -> bool {
        let (prev_l, next_l) = (a.prev_l.as_str(), a.next_l.as_str());
        if a.prev.is_some_and(|p| month_word(p.text) || weekday_word(p.text)) {
            return true;
        }
        if prev_l == "." && c.tok_start >= 2 && month_word(self.text(c.tok_start - 2)) {
            return true;
        }
        // long digit strings are ids (tweet ids, account numbers), not amounts
        if num.plain_int && first.text.len() > 9 {
            return true;
        }
        if a.next.is_some_and(|n| month_word(n.text))
            || (next_l == "of" && self.toks.get(end_tok + 1).is_some_and(|n| month_word(n.text)))
        {
            return true;
        }
        // clock times
        if first.text.contains(':')
            || crate::lang::is(crate::lang::Class::ClockSuffix, next_l)
            || (matches!(next_l, "hours" | "hour") && self.low(end_tok + 1) == "gmt")
        {
            return true;
        }
        if c.unit.is_none()
            && crate::lang::is(crate::lang::Class::ClockPreposition, prev_l)
            && let Some((v, false, true, "")) = parse_digits(first.text)
        {
            return v < 24.0 && first.text.split_once('.').is_some_and(|(_, f)| f.len() == 2 && f < "60");
        }
        false
    }

    /// Ages: "Volkov, 54,", "(54)", "aged 54", "age of 54", "54 years old",
    /// "54-year-old".
    fn is_age(&self, num: Num, c: &Cand, end_tok: usize, a: &Around) -> bool {
        let (prev_l, next_l) = (a.prev_l.as_str(), a.next_l.as_str());
        if matches!(prev_l, "aged" | "age") || (prev_l == "of" && self.low(c.tok_start.saturating_sub(2)) == "age") {
            return true;
        }
        if prev_l == ","
            && c.unit.is_none()
            && num.value < 130.0
            && !num.words
            && c.tok_start >= 2
            && self.toks[c.tok_start - 2].is_cap()
            && matches!(next_l, "," | ")" | "." | "")
        {
            return true;
        }
        if prev_l == "(" && next_l == ")" && c.unit.is_none() {
            return true; // "(54)" after a name, "(3)" as a list marker
        }
        if matches!(next_l, "years" | "year") && self.low(end_tok + 1) == "old" {
            return true;
        }
        next_l == "-" && self.low(end_tok + 1).starts_with("year")
    }

    /// Phone numbers and ids (digit groups in a row, a leading "+"), numbers
    /// that belong to a name ("Boeing 737", "Article 5", "No. 10", "#3"),
    /// list markers ("1." opening the sentence).
    fn is_id_or_name(&self, num: Num, c: &Cand, a: &Around) -> bool {
        let prev_l = a.prev_l.as_str();
        if !num.words {
            if a.prev.is_some_and(|p| p.text == "+") {
                return true;
            }
            let digitish = |t: Option<&Tok>| t.is_some_and(|t| t.text.bytes().all(|b| b.is_ascii_digit()));
            if digitish(a.prev) || digitish(a.next) {
                return true;
            }
        }
        if c.unit.is_none()
            && c.approx == Approx::Exact
            && let Some(p) = a.prev
        {
            let possessive = p.text.ends_with("'s") || p.text.ends_with("’s");
            if p.is_cap() && !possessive && !cap_function_word(p.text) && !month_word(p.text) {
                return true;
            }
            if identifier_word(prev_l) || p.text == "#" {
                return true;
            }
            if p.text == "." && c.tok_start >= 2 && matches!(self.low(c.tok_start - 2).as_str(), "no" | "nos") {
                return true;
            }
        }
        self.is_sentence_start(c.tok_start) && matches!(a.next_l.as_str(), "." | ")") && !num.words
    }

    /// Ratios ("one in five", "three out of four"), "at two in the morning",
    /// fractions ("two thirds").
    fn is_ratio_or_fraction(&self, num: Num, c: &Cand, end_tok: usize, a: &Around) -> bool {
        let (prev_l, next_l) = (a.prev_l.as_str(), a.next_l.as_str());
        let ratio_part = |n: Num| !n.ordinal && n.value <= 1000.0 && !n.scaled && (!n.plain_int || n.value < 1900.0);
        if c.unit.is_none()
            && ratio_part(num)
            && next_l == "in"
            && parse_number(self.toks, end_tok + 1, false).is_some_and(ratio_part)
        {
            return true;
        }
        if prev_l == "in"
            && c.unit.is_none()
            && c.tok_start >= 2
            && parse_number(self.toks, c.tok_start - 2, false)
                .is_some_and(|n| n.next == c.tok_start - 1 && ratio_part(n))
        {
            return true;
        }
        if next_l == "in"
            && self.low(end_tok + 1) == "the"
            && crate::lang::is(crate::lang::Class::DayPart, &self.low(end_tok + 2))
        {
            return true;
        }
        if (next_l == "out" && self.low(end_tok + 1) == "of")
            || (prev_l == "of" && self.low(c.tok_start.saturating_sub(2)) == "out")
        {
            return true;
        }
        crate::lang::is(crate::lang::Class::FractionPlural, next_l)
    }

    /// Units, rate period, approximation after, counts and qualifiers; returns the next token.
    pub(super) fn finish(&self, c: &mut Cand, k: usize, _num: Num) -> usize {
        // a unit was read, so "of NOUN" says what it measures
        let (k, unit_of) = if c.unit.is_none() { self.unit_after(c, k) } else { (k, true) };
        let k = self.rate_after(c, k);
        let k = self.approx_after(c, k);
        c.end = self.toks.get(k.saturating_sub(1)).map_or(c.end, |t| t.end).max(c.end);
        c.tok_end = k;
        // what is counted
        let time = c.unit.as_deref().is_some_and(|u| is_time_unit(u.split('/').next().unwrap_or(u)));
        // a percentage counts only what follows "of": "45 percent chose X" counts nothing
        let share = c.unit.as_deref().is_some_and(|u| u.starts_with("percent") || u == "times" || u == "point");
        if unit_of && self.low(k) == "of" {
            c.counts = self.noun_after(k + 1, true, &mut c.qualifiers);
        } else if !time && !share {
            c.counts = self.noun_after(k, false, &mut c.qualifiers);
            if c.counts.is_none() && c.unit.is_none() && self.low(k) == "of" {
                c.counts = self.noun_after(k + 1, true, &mut c.qualifiers);
            }
        }
        self.qualifiers_before(c);
        k
    }

    /// The unit right after the number at `k` (percent, a currency, square
    /// and cubic measures, the unit table); returns the next token and
    /// whether a unit was read.
    fn unit_after(&self, c: &mut Cand, mut k: usize) -> (usize, bool) {
        let l = self.low(k);
        if l == "%" && self.adjacent(k - 1, k) || l == "percent" || l == "pct" {
            c.unit = Some("percent".into());
            k += 1;
        } else if l == "per" && self.low(k + 1) == "cent" {
            c.unit = Some("percent".into());
            k += 2;
        } else if l == "percentage" && self.low(k + 1).starts_with("point") {
            c.unit = Some("percentage point".into());
            k += 2;
        } else if let Some((code, mult)) = currency_word(&l) {
            c.value *= mult;
            c.high = c.high.map(|h| h * mult);
            c.unit = Some(code.into());
            k += 1;
        } else if let Some(code) = currency_code(self.text(k)) {
            c.unit = Some(code.into());
            k += 1;
        } else if matches!(l.as_str(), "square" | "sq") {
            let u = area_unit(&self.low(k + 1));
            if let Some(u) = u {
                c.unit = Some(u.into());
                k += 2;
            }
        } else if l == "cubic" && self.low(k + 1).starts_with("met") {
            c.unit = Some("m3".into());
            k += 2;
        } else if let Some(u) = UNITS.get(l.as_str()) {
            // "second" after a number is a unit only in the plural or with "1".
            if !(l == "second" && c.value != 1.0) {
                c.unit = Some((*u).to_string());
                k += 1;
            }
        }
        (k, c.unit.is_some())
    }

    /// A rate after a unit: "per month", "a year", "annually".
    fn rate_after(&self, c: &mut Cand, k: usize) -> usize {
        if c.unit.is_none() {
            return k;
        }
        let l = self.low(k);
        let period = if crate::lang::is(crate::lang::Class::RateLead, &l) {
            period_word(&self.low(k + 1)).map(|p| (p, 2))
        } else {
            period_adverb(&l).map(|p| (p, 1))
        };
        match period {
            Some((p, n)) if c.unit.as_deref() != Some(p) => {
                if let Some(u) = c.unit.as_mut() {
                    u.push('/');
                    u.push_str(p);
                }
                k + n
            }
            _ => k,
        }
    }

    /// An approximation after the number: "or so", "or more", "or fewer".
    fn approx_after(&self, c: &mut Cand, k: usize) -> usize {
        if self.low(k) != "or" {
            return k;
        }
        match self.low(k + 1).as_str() {
            "so" => {
                if c.approx == Approx::Exact {
                    c.approx = Approx::About;
                }
                k + 2
            }
            "more" => {
                c.approx = Approx::AtLeast;
                k + 2
            }
            "fewer" | "less" => {
                c.approx = Approx::AtMost;
                k + 2
            }
            _ => k,
        }
    }
}
