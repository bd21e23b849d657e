//! Ordinals, hyphenated compounds ("three-day", "1,500-strong") and slash rates.

use super::*;

impl Scanner<'_, '_> {
    /// Ordinals: "third visit" (ordinal=true, counts visit). Only with a noun,
    /// never "first", never in names, dates or fractions.
    pub(super) fn ordinal(&self, i: usize, num: Num) -> Option<Cand> {
        let t = &self.toks[i];
        if num.value == 1.0 || num.value == 2.0 && lower(t.text) == "second" && self.unit_follows(i + 1) {
            return None;
        }
        if t.is_cap() && !self.is_sentence_start(i) {
            return None;
        }
        let prev_l = if i > 0 { self.low(i - 1) } else { Low::EMPTY };
        if i > 0 && (month_word(self.text(i - 1)) || parse_number(self.toks, i - 1, false).is_some_and(|n| n.next == i))
        {
            return None;
        }
        if self.dates.iter().any(|d| d.kind != DateKind::Duration && d.start < t.end && d.end > t.start) {
            return None;
        }
        let nl = self.low(i + 1);
        if nl == "of" || nl.ends_with("s") && ordinal_value(&nl).is_some() || month_word(self.text(i + 1)) {
            return None;
        }
        if prev_l == "a" && nl == "of" {
            return None;
        }
        if crate::lang::is(crate::lang::Class::OrdinalUnit, nl.as_str()) {
            return None; // "20th century", "second quarter"
        }
        let mut quals = Vec::new();
        let counts = self.noun_after(i + 1, false, &mut quals)?;
        if crate::lang::is(crate::lang::Class::NotCountedAfterCompound, counts.as_str())
            || ordinal_value(&counts).is_some()
        {
            return None;
        }
        let mut c = Cand {
            value: num.value,
            high: None,
            approx: Approx::Exact,
            unit: None,
            counts: Some(counts),
            qualifiers: quals,
            ordinal: true,
            start: t.start,
            end: t.end,
            tok_start: i,
            tok_end: i + 1,
        };
        self.qualifiers_before(&mut c);
        Some(c)
    }

    /// Hyphen compounds: "three-day", "12-point", "1,500-2,000", "$5-6bn",
    /// "1,500-strong", "54-year-old", "Covid-19".
    pub(super) fn compound(&self, i: usize) -> Option<(Option<Cand>, usize)> {
        let t = &self.toks[i];
        let parts: Vec<&str> = t.text.split(['-', '–']).collect();
        if parts.len() < 2 {
            return None;
        }
        let cur = self.currency_before(i);
        let p0 = lower(parts[0]);
        let (lead, used) = match compound_lead(&parts, &p0) {
            Ok(l) => l,
            Err(skip) => return skip.then_some((None, i + 1)),
        };
        let words = !p0.starts_with(|c: char| c.is_ascii_digit());
        if words && t.is_cap() && !self.is_sentence_start(i) {
            return Some((None, i + 1));
        }
        let rest: Vec<String> = parts[used..].iter().map(|p| lower(p)).collect();
        if rest.is_empty() {
            return None; // "thirty-two" alone is a word number, handled elsewhere
        }
        // a scale inside the compound: "$2.6-million", "a two-million-euro
        // grant", "a 10-billion-dollar plan" (the money word after the scale
        // is the currency when no sign stands before the number)
        if let Some(scale) = rest.first().and_then(|r| scale_word(r)).filter(|s| *s >= 1e3) {
            return Some(self.scaled_compound(i, lead, scale, words, &rest, cur));
        }
        // digit range "1,500-2,000", "5-6bn"
        if !words && rest.len() == 1 && rest[0].starts_with(|c: char| c.is_ascii_digit()) {
            return self.range_compound(i, lead, parts[used], cur);
        }
        if rest.iter().any(|r| r.starts_with(|c: char| c.is_ascii_digit())) {
            return Some((None, i + 1)); // phone numbers, dates: 555-123-4567, 2025-03-14
        }
        // ages: "54-year-old", "five-month-old"
        if rest.last().is_some_and(|r| r == "old") {
            return Some((None, i + 1));
        }
        let joined = rest.join("-");
        let num = Num { value: lead, next: i + 1, ordinal: false, words, scaled: false, factor: 1.0, plain_int: false };
        let mut c = self.base_cand(i, num, cur);
        c.value = lead;
        match joined.as_str() {
            "strong" => {}
            "odd" => c.approx = Approx::About,
            "plus" => c.approx = Approx::MoreThan,
            j if crate::lang::is(crate::lang::Class::NotQuantityCompound, j) => return Some((None, i + 1)),
            _ => {
                let unit = match UNITS.get(joined.as_str()) {
                    Some(u) => (*u).to_string(),
                    None if rest.len() == 1 && rest[0].chars().all(|c| c.is_alphabetic()) => lemma(&rest[0]),
                    None => return Some((None, i + 1)),
                };
                if c.unit.is_some() {
                    return Some((None, i + 1)); // "$5-a-day" and other rate shapes
                }
                // "one-off", "one-man", "zero-sum": only measure units make these quantities
                if (lead == 1.0 || lead == 0.0) && words && !UNITS.contains_key(joined.as_str()) {
                    return Some((None, i + 1));
                }
                c.unit = Some(unit);
            }
        }
        Some(self.finish_compound(i, num, c))
    }

    /// "$2.6-million", "a two-million-euro grant": the lead number times the
    /// scale, in the currency before it or the money word after the scale.
    fn scaled_compound(
        &self,
        i: usize,
        lead: f64,
        scale: f64,
        words: bool,
        rest: &[String],
        cur: Option<(usize, &'static str)>,
    ) -> (Option<Cand>, usize) {
        let (unit, factor) = match (&rest[1..], cur) {
            ([], _) => (cur.map(|(_, c)| c.to_string()), 1.0),
            ([w], _) if w == "strong" => (cur.map(|(_, c)| c.to_string()), 1.0),
            ([money], None) => match currency_word(money) {
                Some((code, f)) => (Some(code.to_string()), f),
                None => return (None, i + 1),
            },
            _ => return (None, i + 1),
        };
        let value = lead * scale * factor;
        let num = Num { value, next: i + 1, ordinal: false, words, scaled: true, factor: scale, plain_int: false };
        let mut c = self.base_cand(i, num, cur);
        c.value = value;
        c.unit = unit;
        self.finish_compound(i, num, c)
    }

    /// A digit range "1,500-2,000", "5-6bn", "10-12 million": `hi_part` is
    /// the text after the hyphen. Not a score, a tally or a span of years.
    fn range_compound(
        &self,
        i: usize,
        lead: f64,
        hi_part: &str,
        cur: Option<(usize, &'static str)>,
    ) -> Option<(Option<Cand>, usize)> {
        let money = cur.is_some();
        let (mut hi, _, _, suf) = parse_digits(hi_part)?;
        let mut lo = lead;
        let mut unit: Option<String> = cur.map(|(_, c)| c.to_string());
        if !suf.is_empty() {
            let sl = lower(suf);
            let m = match sl.as_str() {
                "k" => Some(1e3),
                "m" if money => Some(1e6),
                s => scale_word(s),
            };
            match m {
                Some(m) => {
                    hi *= m;
                    lo *= m;
                }
                None => match UNITS.get(sl.as_str()) {
                    Some(u) if unit.is_none() => unit = Some((*u).to_string()),
                    _ => return Some((None, i + 1)),
                },
            }
        } else if let Some(s) = scale_word(&self.low(i + 1)) {
            hi *= s;
            lo *= s;
        }
        if lo >= hi || (1900.0..=2099.0).contains(&lead) && parse_digits(hi_part).is_some_and(|x| !x.1) {
            return Some((None, i + 1)); // score, tally, or a span of years "2023-24"
        }
        if i > 0 && crate::lang::is(crate::lang::Class::ScoreVerb, self.low(i - 1).as_str()) {
            return Some((None, i + 1));
        }
        let num =
            Num { value: lo, next: i + 1, ordinal: false, words: false, scaled: false, factor: 1.0, plain_int: false };
        let mut c = self.base_cand(i, num, cur);
        c.value = lo;
        c.high = Some(hi);
        c.unit = unit;
        let mut k = i + 1;
        if scale_word(&self.low(k)).is_some() && suf.is_empty() {
            k += 1;
        }
        if self.not_a_count(i, num, &c, k) {
            return Some((None, k));
        }
        let k = self.finish(&mut c, k, num);
        Some((Some(c), k))
    }

    /// The end shared by the one-token compounds at `i`: not a count, or
    /// the quantity with what it counts and the qualifiers around it.
    fn finish_compound(&self, i: usize, num: Num, mut c: Cand) -> (Option<Cand>, usize) {
        if self.not_a_count(i, num, &c, i + 1) {
            return (None, i + 1);
        }
        c.tok_end = i + 1;
        let mut quals = std::mem::take(&mut c.qualifiers);
        c.counts = self.noun_after(i + 1, false, &mut quals);
        c.qualifiers = quals;
        self.qualifiers_before(&mut c);
        (Some(c), i + 1)
    }

    /// "€450/month": a number glued to a rate period.
    pub(super) fn slash_rate(&self, i: usize) -> Option<(Option<Cand>, usize)> {
        let t = &self.toks[i];
        let (a, b) = t.text.split_once('/')?;
        let period = period_word(&lower(b));
        let cur = self.currency_before(i);
        let (Some(p), Some((code_tok, code))) = (period, cur) else {
            return Some((None, i + 1)); // 24/7, 9/11, 3/4
        };
        let (v, _, _, suf) = parse_digits(a)?;
        let v = match suf {
            "" => v,
            "k" => v * 1e3,
            "m" => v * 1e6,
            s => v * scale_word(&lower(s))?,
        };
        let num =
            Num { value: v, next: i + 1, ordinal: false, words: false, scaled: false, factor: 1.0, plain_int: false };
        let mut c = self.base_cand(i, num, Some((code_tok, code)));
        c.value = v;
        c.unit = Some(format!("{code}/{p}"));
        c.tok_end = i + 1;
        self.qualifiers_before(&mut c);
        Some((Some(c), i + 1))
    }
}

/// The leading number of a hyphen compound: digits, a word, or "thirty-two"
/// (two parts), with the parts it used. `Err(true)` when the compound is
/// read past whole (digits with a suffix, "Covid-19", "mid-2024"),
/// `Err(false)` when it is no number at all ("a-day", "third-party").
fn compound_lead(parts: &[&str], p0: &str) -> Result<(f64, usize), bool> {
    if p0.starts_with(|c: char| c.is_ascii_digit()) {
        let (v, _, _, suf) = parse_digits(parts[0]).ok_or(false)?;
        return if suf.is_empty() { Ok((v, 1)) } else { Err(true) };
    }
    if let Some(v) = tens_number(p0).and_then(|t| {
        parts.get(1).and_then(|p| small_number(&lower(p))).filter(|v| *v >= 1.0 && *v <= 9.0).map(|v| t + v)
    }) {
        return Ok((v, 2));
    }
    if let Some(v) = small_number(p0).or_else(|| tens_number(p0)) {
        return Ok((v, 1));
    }
    if p0 == "a" || p0 == "an" || ordinal_value(p0).is_some() {
        return Err(false); // "a-day", "third-party", "second-largest"
    }
    // a word then digits: "Covid-19", "F-16", "mid-2024": part of a name or a date
    Err(parts.iter().skip(1).any(|p| p.starts_with(|c: char| c.is_ascii_digit())))
}
