//! The scanner's walk over a sentence: candidates, currencies and approximations
//! before a number, the base candidate.

use super::*;

impl Scanner<'_, '_> {
    pub(super) fn low(&self, i: usize) -> Low {
        self.toks.get(i).map_or(Low::EMPTY, |t| Low::new(t.text))
    }

    pub(super) fn text(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text)
    }

    pub(super) fn adjacent(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => x.end == y.start,
            _ => false,
        }
    }

    pub(super) fn run(&self) -> Vec<Quantity> {
        let mut out: Vec<Cand> = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            match self.candidate(i) {
                Some((c, next)) => {
                    i = next.max(i + 1);
                    if let Some(c) = c {
                        out.push(c);
                    }
                }
                None => i += 1,
            }
        }
        out.into_iter()
            .filter(|c| c.start < c.end)
            .map(|c| Quantity {
                value: c.value,
                high: c.high,
                approx: c.approx,
                unit: c.unit,
                counts: c.counts,
                qualifiers: c.qualifiers,
                ordinal: c.ordinal,
                start: c.start,
                end: c.end,
                text: self.doc.text[c.start..c.end].to_string(),
            })
            .collect()
    }

    /// Where a currency marker sits right before token `i`: (first token, code).
    pub(super) fn currency_before(&self, i: usize) -> Option<(usize, &'static str)> {
        if i == 0 {
            return None;
        }
        let p = i - 1;
        if let Some(code) = currency_symbol(self.text(p)).filter(|_| self.adjacent(p, i)) {
            if code == "USD"
                && p > 0
                && self.adjacent(p - 1, p)
                && let Some(c) = dollar_prefix(self.text(p - 1))
            {
                return Some((p - 1, c));
            }
            return Some((p, code));
        }
        currency_code(self.text(p)).map(|c| (p, c))
    }

    /// Approximation phrase ending right before token `i`: (first token, kind).
    pub(super) fn approx_before(&self, i: usize) -> Option<(usize, Approx)> {
        let mut best: Option<(usize, Approx)> = None;
        for (words, kind) in APPROX_BEFORE.iter() {
            let n = words.len();
            if i < n {
                continue;
            }
            if words.iter().enumerate().all(|(k, w)| self.text(i - n + k).eq_ignore_ascii_case(w))
                && best.is_none_or(|(b, _)| i - n < b)
            {
                best = Some((i - n, *kind));
            }
        }
        best
    }

    /// Tries a quantity starting at token `i`. `None`: no number here.
    /// `Some((None, next))`: a number that is not a quantity, skip to `next`.
    pub(super) fn candidate(&self, i: usize) -> Option<(Option<Cand>, usize)> {
        let t = self.toks.get(i)?;
        if !t.is_word() || !may_start_number(t.text) {
            return None;
        }
        let lw = lower(t.text);
        if t.text.contains(['-', '–']) && word_value(&lw).is_none() && ordinal_value(&lw).is_none() {
            return self.compound(i);
        }
        if t.text.contains('/') && t.text.starts_with(|c: char| c.is_ascii_digit()) {
            return self.slash_rate(i);
        }
        let cur = self.currency_before(i);
        let mut num = parse_number(self.toks, i, cur.is_some())?;
        let mut next = num.next;
        // Capitalised number words inside a sentence belong to names ("Big Three").
        if num.words && t.is_cap() && i > 0 && !self.is_sentence_start(i) {
            return Some((None, next));
        }
        if num.ordinal {
            return Some((self.ordinal(i, num), next));
        }
        // "nineteen seventy-nine", "one five thousand": spoken years and digit-by-digit readings
        if num.words && self.toks.get(next).is_some_and(|t| word_value(&lower(t.text)).is_some()) {
            let number_word = |t: &Tok| word_value(&lower(t.text)).is_some() || scale_word(&lower(t.text)).is_some();
            let j = next + self.toks[next..].iter().take_while(|t| number_word(t)).count();
            return Some((None, j));
        }
        if self.low(next) == "and" && self.low(next + 1) == "a" && self.low(next + 2) == "half" && !num.scaled {
            num.value += 0.5;
            num.plain_int = false;
            next += 3;
            num.next = next;
        }
        let mut c = self.base_cand(i, num, cur);
        c.value = num.value;
        let end_tok = match self.range(&mut c, num, next, cur) {
            Ok(end) => end,
            Err(skip) => return Some((None, skip)),
        };
        // "one" without a unit is nearly always a pronoun or an idiom.
        if c.high.is_none() && num.words && num.value == 1.0 && !num.scaled && !self.unit_follows(next) {
            return Some((None, next));
        }
        if self.not_a_count(i, num, &c, end_tok) {
            return Some((None, end_tok));
        }
        let end_tok = self.finish(&mut c, end_tok, num);
        if c.unit.is_none()
            && num.plain_int
            && c.high.is_none()
            && (1900.0..=2099.0).contains(&num.value)
            && c.approx == Approx::Exact
        {
            return Some((None, end_tok)); // a year
        }
        Some((Some(c), end_tok))
    }

    /// A range after the number: "X to Y", "X - Y", "between X and Y" (a
    /// year never opens one). Sets the candidate's bounds and returns the
    /// token after it (`next` when there is none), or `Err(next)` for a
    /// score or a tally ("3-1", "52 to 48").
    fn range(&self, c: &mut Cand, num: Num, next: usize, cur: Option<(usize, &'static str)>) -> Result<usize, usize> {
        let before = c.tok_start;
        let between = before > 0 && self.low(before - 1) == "between";
        let from = before > 0 && self.low(before - 1) == "from";
        let conj = self.low(next);
        let year_like = num.plain_int && (1900.0..=2099.0).contains(&num.value);
        // "in 2023 to 7,000": a year never opens a range
        if year_like || !((conj == "to" && !from) || conj == "-" || conj == "–" || (conj == "and" && between)) {
            return Ok(next);
        }
        let mut k = next + 1;
        if self.toks.get(k).is_some_and(|t| currency_symbol(t.text).is_some()) {
            k += 1;
        }
        let Some(h) = parse_number(self.toks, k, cur.is_some()).filter(|h| !h.ordinal && h.words == num.words) else {
            return Ok(next);
        };
        let mut lo = num.value;
        if !num.scaled && h.scaled && lo * h.factor <= h.value {
            lo *= h.factor;
        }
        if lo >= h.value {
            return Err(h.next); // a score or a tally: 3-1, 52 to 48
        }
        c.value = lo;
        c.high = Some(h.value);
        if between {
            c.start = self.toks[before - 1].start;
            c.tok_start = before - 1;
        }
        Ok(h.next)
    }

    pub(super) fn is_sentence_start(&self, i: usize) -> bool {
        // Only quote marks or brackets may come before the first word.
        self.toks[..i].iter().all(|t| !t.is_word())
    }

    pub(super) fn unit_follows(&self, k: usize) -> bool {
        let l = self.low(k);
        UNITS.contains_key(l.as_str()) || currency_word(&l).is_some() || l == "%" || l == "per"
    }

    pub(super) fn base_cand(&self, i: usize, num: Num, cur: Option<(usize, &'static str)>) -> Cand {
        let mut start_tok = i;
        let mut unit = None;
        let mut value = num.value;
        if let Some((k, code)) = cur {
            start_tok = k;
            unit = Some(code.to_string());
        }
        let mut approx = Approx::Exact;
        let mut qualifiers = Vec::new();
        if let Some((k, a)) = self.approx_before(start_tok) {
            approx = a;
            if self.low(start_tok.saturating_sub(1)) == "estimated" {
                qualifiers.push("estimated".to_string());
            }
            start_tok = k;
        }
        // Attached measure suffix: "5km", "40mph".
        if let Some(t) = self.toks.get(i)
            && let Some((_, _, _, suf)) = parse_digits(t.text)
            && !suf.is_empty()
            && unit.is_none()
            && let Some(u) = UNITS.get(lower(suf).as_str())
        {
            unit = Some((*u).to_string());
        }
        if unit.is_none() && num.scaled && value == 0.0 {
            value = 0.0;
        }
        Cand {
            value,
            high: None,
            approx,
            unit,
            counts: None,
            qualifiers,
            ordinal: false,
            start: self.toks[start_tok].start,
            end: self.toks[i].end,
            tok_start: start_tok,
            tok_end: i + 1,
        }
    }
}
