//! Time qualifiers: the time of the clause a quantity is told in ("last year", "2024").

use super::*;

// ------------------------------------------------------------------ time qualifiers

/// A relative period ("last year", "a year earlier"), however spaced.
fn is_relative_period(lower: &str) -> bool {
    let phrase: Vec<&str> = lower.split_whitespace().collect();
    lower.trim() == lower && crate::lang::is(crate::lang::Class::RelativePeriod, &phrase.join(" "))
}

/// Clause breaks: quantities only take the time words of their own clause.
pub(super) fn clause_break(t: &Tok) -> bool {
    matches!(t.text, ";" | ":" | "—" | "(" | ")")
        || crate::lang::is(crate::lang::Class::ClauseContrast, lower(t.text).as_str())
}

/// Adds the time of the clause ("last year", "2024") to the quantities in it.
/// With several time words in a clause, each goes to the nearest quantity.
pub(super) fn add_time_qualifiers(toks: &[Tok], dates: &[&DateMention], out: &mut [Quantity]) {
    if out.is_empty() {
        return;
    }
    let times = time_words(toks, dates, out);
    if times.is_empty() {
        return;
    }
    // Clause breaks before each token, counted once: the clause of an offset
    // is then a binary search instead of a pass over the sentence.
    let mut breaks_before = Vec::with_capacity(toks.len() + 1);
    breaks_before.push(0usize);
    for t in toks {
        let last = breaks_before.last().copied().unwrap_or(0);
        breaks_before.push(last + usize::from(clause_break(t)));
    }
    let clause_of = |off: usize| breaks_before.get(toks.partition_point(|t| t.start < off)).copied().unwrap_or(0);
    let mut by_clause: HashMap<usize, Vec<usize>> = HashMap::default();
    for (k, q) in out.iter().enumerate() {
        by_clause.entry(clause_of(q.start)).or_default().push(k);
    }
    for (off, q_text) in times {
        let in_clause: Vec<usize> = by_clause.get(&clause_of(off)).cloned().unwrap_or_default();
        let targets: Vec<usize> = if in_clause.len() <= 1 {
            in_clause
        } else {
            let dist = |k: usize| {
                let qn = &out[k];
                if off >= qn.end { off - qn.end } else { qn.start.saturating_sub(off) }
            };
            in_clause.iter().copied().min_by_key(|&k| dist(k)).into_iter().collect()
        };
        for k in targets {
            if let Some(q) = out.get_mut(k)
                && !(q.start <= off && off < q.end)
            {
                push_unique(&mut q.qualifiers, &q_text);
            }
        }
    }
}

/// The time words of a sentence as (start offset, qualifier): the date
/// tagger's years and "last year"-type phrases, and (without the tagger)
/// bare years outside the quantities and those phrases in the tokens.
fn time_words(toks: &[Tok], dates: &[&DateMention], out: &[Quantity]) -> Vec<(usize, String)> {
    let year = |v: &str| v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit());
    let mut times: Vec<(usize, String)> = Vec::new();
    for d in dates {
        if d.kind != DateKind::Date {
            continue;
        }
        let tl = lower(d.text.trim());
        let tl = tl.strip_prefix("in ").unwrap_or(&tl).to_string();
        let value = d.value.as_deref().filter(|v| year(v));
        if is_relative_period(&tl) {
            times.push((d.start, tl));
        }
        if let Some(v) = value {
            times.push((d.start, v.to_string()));
        }
    }
    // Whether a token lies inside a quantity, by binary search: a sentence
    // can hold thousands of numbers. `reach[i]` is the furthest end among the
    // quantities that start at or before the i-th start.
    let mut spans: Vec<(usize, usize)> = out.iter().map(|q| (q.start, q.end)).collect();
    spans.sort_unstable();
    let reach: Vec<usize> = spans
        .iter()
        .scan(0, |m, &(_, e)| {
            *m = (*m).max(e);
            Some(*m)
        })
        .collect();
    let inside_quantity = |t: &Tok| {
        let n = spans.partition_point(|&(s, _)| s <= t.start);
        n.checked_sub(1).and_then(|i| reach.get(i)).is_some_and(|&e| t.end <= e)
    };
    let mut buf = [0u8; 24];
    for (k, t) in toks.iter().enumerate() {
        if year(t.text) && t.text.parse::<u32>().is_ok_and(|y| (1900..=2099).contains(&y)) && !inside_quantity(t) {
            times.push((t.start, t.text.to_string()));
        }
        if let Some(n) = toks.get(k + 1)
            && crate::lang::lower_ascii(t.text, &mut buf)
                .is_some_and(|w| crate::lang::is(crate::lang::Class::RelativeTimeLead, w))
        {
            let phrase = format!("{} {}", lower(t.text), lower(n.text));
            if is_relative_period(&phrase) {
                times.push((t.start, phrase));
            }
        }
    }
    times.sort();
    times.dedup_by(|a, b| a.1 == b.1 && a.0.abs_diff(b.0) < 16);
    times
}
