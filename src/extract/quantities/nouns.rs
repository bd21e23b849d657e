//! What a number counts: the head of the noun phrase after it, qualifiers before
//! it, and the simple lemmatizer.

use super::*;

impl Scanner<'_, '_> {
    /// "1 Tim Herron through 4", "70 Tim Herron, Duffy Waldorf": a person's
    /// name after a number (a rank, a score) is not what it counts; a name
    /// that a noun follows is a modifier ("504,200 Milton Roy shares").
    fn name_at(&self, k: usize) -> bool {
        let (Some(t), Some(next)) = (self.toks.get(k), self.toks.get(k + 1)) else { return false };
        if !(t.is_cap()
            && next.is_cap_word()
            && crate::gazetteer::GAZ.is_given(t.text)
            && !crate::gazetteer::GAZ.is_ambiguous_given(t.text))
        {
            return false;
        }
        let mut j = k + 2;
        while self.toks.get(j).is_some_and(|t| t.is_cap_word()) {
            j += 1;
        }
        !self.toks.get(j).is_some_and(|t| t.is_word() && !t.is_cap() && !stop_word(&lower(t.text)))
    }

    /// Head of the noun phrase starting at `k`: the plural noun that ends it, or
    /// its last word. Qualifier words met on the way are recorded.
    pub(super) fn noun_after(&self, mut k: usize, skip_det: bool, quals: &mut Vec<String>) -> Option<String> {
        if skip_det {
            while crate::lang::is(crate::lang::Class::PhraseDeterminer, self.low(k).as_str()) {
                k += 1;
            }
        }
        if self.name_at(k) {
            return None;
        }
        let mut head: Option<&str> = None;
        let mut n = 0;
        while let Some(t) = self.toks.get(k) {
            if !t.is_word() || n >= 4 || t.text.contains(['/']) {
                break;
            }
            let l = lower(t.text);
            if stop_word(&l) || month_word(t.text) || weekday_word(t.text) || l.ends_with("ly") {
                break;
            }
            if t.text.starts_with(|c: char| c.is_ascii_digit()) || word_value(&l).is_some() {
                break;
            }
            if let Some(q) = qualifier_word(&l) {
                push_unique(quals, q);
                head = None;
                k += 1;
                n += 1;
                continue;
            }
            // "$60 million flowed into…": a participle with no noun after it is the verb
            if head.is_none()
                && l.ends_with("ed")
                && self.toks.get(k + 1).is_none_or(|n| !n.is_word() || stop_word(&Low::new(n.text)))
            {
                break;
            }
            let head_plural = head.is_some_and(|h| looks_plural(&lower(h)));
            if n > 0
                && head.is_some()
                && (l.ends_with("ed") || (head_plural && l.ends_with("ing")) || irregular_past(&l))
            {
                break; // "three people killed", "two men carrying", "the summit broke up"
            }
            // "the nine-point plan drops several proposals": a plural after a noun,
            // itself followed by a determiner, is a verb
            if n > 0
                && head.is_some()
                && looks_plural(&l)
                && crate::lang::is(crate::lang::Class::PluralVerbNext, self.low(k + 1).as_str())
            {
                break;
            }
            head = Some(t.text);
            n += 1;
            k += 1;
            if looks_plural(&l) {
                break;
            }
        }
        let h = head?;
        let l = lower(h);
        if l.len() < 2 || l.contains(['\'', '’', '.']) {
            return None;
        }
        Some(lemma(&l))
    }

    /// "the initial estimate of 2,000", "an updated 3,000": qualifier words in
    /// the short phrase right before the number (at most one other noun).
    pub(super) fn qualifiers_before(&self, c: &mut Cand) {
        let mut k = c.tok_start;
        let mut others = 0;
        let mut steps = 0;
        while k > 0 && steps < 5 {
            k -= 1;
            steps += 1;
            let t = &self.toks[k];
            if !t.is_word() {
                break;
            }
            let l = lower(t.text);
            if let Some(q) = qualifier_word(&l) {
                if l != "more" {
                    push_unique(&mut c.qualifiers, q);
                }
                continue;
            }
            if crate::lang::is(crate::lang::Class::NounPhraseEnd, l.as_str()) {
                continue;
            }
            others += 1;
            if others > 1 || t.is_cap() {
                break;
            }
        }
    }
}

pub(super) fn push_unique(v: &mut Vec<String>, q: &str) {
    if !v.iter().any(|x| x == q) {
        v.push(q.to_string());
    }
}

/// Common irregular past tenses: they end a noun phrase ("the talks broke down").
pub(super) fn irregular_past(l: &str) -> bool {
    crate::lang::is(crate::lang::Class::IrregularPast, l)
}

pub(super) fn looks_plural(l: &str) -> bool {
    crate::lang::is(crate::lang::Class::PluralNoS, l)
        || (l.len() > 3 && l.ends_with('s') && !l.ends_with("ss") && !l.ends_with("us") && !l.ends_with("is"))
}

/// A simple lemma of an English noun ("residents" → "resident", "casualties" → "casualty").
pub(crate) fn lemma(l: &str) -> String {
    let irregular = match l {
        "people" | "person" | "persons" => Some("people"),
        "children" => Some("child"),
        "men" => Some("man"),
        "women" => Some("woman"),
        "lives" => Some("life"),
        "feet" => Some("foot"),
        "teeth" => Some("tooth"),
        "mice" => Some("mouse"),
        w if crate::lang::is(crate::lang::Class::InvariantNoun, w) => Some(l),
        _ => None,
    };
    if let Some(w) = irregular {
        return w.to_string();
    }
    if l.len() > 4 && l.ends_with("ies") {
        return format!("{}y", &l[..l.len() - 3]);
    }
    for suf in ["sses", "ches", "shes", "xes", "zes"] {
        if l.len() > suf.len() + 1 && l.ends_with(suf) {
            return l[..l.len() - 2].to_string();
        }
    }
    if l.len() > 3 && l.ends_with('s') && !l.ends_with("ss") && !l.ends_with("us") && !l.ends_with("is") {
        return l[..l.len() - 1].to_string();
    }
    l.to_string()
}
