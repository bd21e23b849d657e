//! Fact alignment inside a story: quantities and event dates.
//!
//! ## Quantities
//! Each quantity of each claim gets a key: what it counts (the extractor's
//! `counts`, grouped into noun classes, or a head noun found earlier in the
//! sentence for "the amended plan, cut to about 9 points"), its unit, what
//! happened to it (a verb class next to it: "evacuated", "affected",
//! "damaged", "delayed"…), whether it is a revised figure ("revised",
//! "amended", "cut to"), a prior figure ("up from €22 million"), its year
//! ("in 2024", "last year", resolved on the article's date) and its rate
//! ("a day"). Quantities with equal keys speak of the same thing.
//!
//! Each value becomes an interval from its approximation: exact round
//! numbers ±2%, "about/some/close to" ±7%, "nearly/almost" [0.9v, v],
//! "more than/at least" [v, ∞), "fewer than/up to" [0.67v, v], ranges
//! [low, high]. The "about" tolerance is narrow on purpose: a reporter who
//! means 1,800 writes "about 1,800", not "about 2,000", so "about 2,000" and
//! "1,800" conflict. Intervals that overlap are one value; a key with two values
//! is a conflict, a key with one value from two or more independent sources
//! an agreement, and a key one source reports is a single-source fact.
//!
//! Precision rules: a conflict needs a strong key (a specific counted noun,
//! or a generic one like "people" with its verb) or a medium one (a unit with
//! a verb), and a unit or a verb: a bare count ("two delegations" asked for
//! time, "thirty-two delegations" attended) may count a part of the whole and
//! only ever agrees. A weak key (a unit alone, "people" alone) never makes a
//! conflict; a weak item only joins the one strong key whose values it
//! matches, as an extra agreeing source. A verb after the count followed by
//! an object ("seven countries closed the summit") is what the counted did,
//! not what happened to it, and is ignored. Two values in one sentence with one key are a change or
//! a comparison ("rose from 1,800 to 2,000"), never compared. Values whose
//! sentences name different places (no shared or similarly spelled place)
//! are not compared. One article with two values for one key is a
//! self-contradiction.
//!
//! ## Event dates
//! A full date (`YYYY-MM-DD`) in a claim, next to an event verb ("ended",
//! "closed", "began") with an event noun in the sentence ("summit", "talks",
//! "vote"), is keyed by (noun class, verb class). Sentences about plans or
//! expectations ("expected to end by Thursday") are skipped. One date from
//! two sources is an agreement; different dates less than two weeks apart
//! are a conflict with confidence 0.5 (date resolution can be wrong).
//!
//! Cost: O(quantities + dates) per story with BTreeMap grouping, plus the
//! sort inside each key.

use std::collections::{BTreeMap, BTreeSet};

use super::Ctx;
use super::lexicon::*;
use super::text::{Word, lemma, norm, words};
use crate::model::{Approx, Claim, DateKind, Evidence, Quantity, SingleSourceFact, Topic, TopicKind, TopicValue};

#[derive(Debug, Default)]
pub struct Aligned {
    pub agreements: Vec<Topic>,
    pub conflicts: Vec<Topic>,
    pub single_source: Vec<SingleSourceFact>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct QKey {
    pub counts: String,
    pub unit: String,
    pub predicate: String,
    pub revised: bool,
    pub prior: bool,
    pub time: String,
    pub rate: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    Weak,
    Medium,
    Strong,
}

#[derive(Debug, Clone)]
struct Item {
    art: usize,
    claim: usize,
    lo: f64,
    hi: f64,
    value: f64,
    high: Option<f64>,
    approx: Approx,
    strength: Strength,
    noun: String,
    places: Vec<String>,
    evidence: Evidence,
}

/// The key of one quantity in its claim, the key's strength and the noun as
/// written (for the label). `None` for quantities that count nothing.
pub fn quantity_key(claim: &Claim, q: &Quantity, published_year: Option<i32>) -> Option<(QKey, Strength, String)> {
    if q.ordinal || !q.value.is_finite() {
        return None;
    }
    let text = claim.text.as_str();
    let ws = words(text);
    let (qs, qe) = locate(claim, q);
    // Word indices before and after the quantity span.
    let first_in = ws.iter().position(|w| w.end > qs).unwrap_or(ws.len());
    let after = ws.iter().position(|w| w.start >= qe).unwrap_or(ws.len());
    let inside: Vec<String> = ws[first_in..after].iter().map(|w| norm(w.text)).collect();

    let mut unit = q.unit.as_deref().map(normalize_unit).unwrap_or_default();
    let mut counts_lemma = q.counts.as_deref().map(lemma).unwrap_or_default();
    if unit.is_empty()
        && let Some(u) = unit_of_word(&counts_lemma)
    {
        unit = u.to_string();
        counts_lemma.clear();
    }
    if unit_of_word(&counts_lemma).is_some() {
        counts_lemma.clear();
    }
    // "evacuees" count people who were evacuated.
    let mut predicate = String::new();
    if counts_lemma == "evacuee" {
        predicate = "evacuated".into();
    }
    if counts_lemma == "delay" && is_time_unit(&unit) {
        predicate = "delayed".into();
        counts_lemma.clear();
    }
    // Unit words inside the span ("three-hour talks" when the extractor left the unit empty).
    if unit.is_empty() {
        for w in &inside {
            if let Some(u) = unit_of_word(&lemma(w)) {
                unit = u.to_string();
            }
        }
    }
    let mut noun = counts_lemma.clone();
    let mut class = noun_class(&counts_lemma).map(str::to_string).unwrap_or_else(|| counts_lemma.clone());
    if class.is_empty() {
        // "three days of talks"
        if let Some(n) = of_noun(&ws, after, &unit) {
            noun = n.clone();
            class = noun_class(&n).map(str::to_string).unwrap_or(n);
        } else if let Some(n) = backfill_noun(&ws, first_in, text) {
            noun = n.0;
            class = n.1.to_string();
        }
    }
    if class.is_empty() && unit.is_empty() {
        return None;
    }

    if predicate.is_empty() {
        predicate = find_predicate(&ws, first_in, after, text).unwrap_or_default();
    }
    // How long something lasted is one fact whatever verb goes with it
    // ("closed a three-day summit", "a summit lasting three days"); only a
    // delay is a different one.
    if predicate == "lasted" || (is_time_unit(&unit) && predicate != "delayed") {
        predicate.clear();
    }

    let lower_quals: Vec<String> = q.qualifiers.iter().map(|s| s.to_lowercase()).collect();
    let revised = lower_quals.iter().any(|s| s.split_whitespace().any(is_revision_word))
        || ws[..first_in].iter().rev().take(12).any(|w| is_revision_word(&norm(w.text)));
    let time = time_qualifier(&ws, first_in, after, text, &lower_quals, published_year);
    // "up from €22 million in 2024": the year already says which figure it is.
    let prior = time.is_empty() && is_prior(&ws, first_in, text);
    let rate = rate_qualifier(&ws, after, text);

    let strength = if !class.is_empty() {
        if is_generic_noun(&class) && predicate.is_empty() { Strength::Weak } else { Strength::Strong }
    } else if !predicate.is_empty() && !unit.is_empty() {
        Strength::Medium
    } else {
        Strength::Weak
    };
    let key = QKey { counts: class, unit, predicate, revised, prior, time, rate };
    Some((key, strength, noun))
}

/// The quantity's offsets inside `claim.text` (offsets of a Windows-1252
/// file are file offsets, so fall back to searching the text).
fn locate(claim: &Claim, q: &Quantity) -> (usize, usize) {
    if let Some(rel) = q.start.checked_sub(claim.start)
        && claim.text.get(rel..rel + q.text.len()) == Some(q.text.as_str())
    {
        return (rel, rel + q.text.len());
    }
    match claim.text.find(q.text.as_str()) {
        Some(p) if !q.text.is_empty() => (p, p + q.text.len()),
        _ => (claim.text.len(), claim.text.len()),
    }
}

fn normalize_unit(u: &str) -> String {
    let l = u.trim().to_lowercase();
    if let Some(x) = unit_of_word(&l) {
        return x.to_string();
    }
    let lem = lemma(&l);
    if let Some(x) = unit_of_word(&lem) {
        return x.to_string();
    }
    // Multi-word units: "square kilometres".
    let joined: Vec<String> = l.split_whitespace().map(lemma).collect();
    if let Some(x) = unit_of_word(&joined.join(" ")) {
        return x.to_string();
    }
    if u.len() == 3 && u.chars().all(|c| c.is_ascii_alphabetic()) {
        return u.to_uppercase();
    }
    lem
}

/// Punctuation between two words that ends a clause.
fn boundary_between(text: &str, a: &Word, b: &Word) -> bool {
    text.get(a.end..b.start).is_some_and(|gap| gap.chars().any(|c| ",;:()—–\"“”".contains(c)))
}

const CONJUNCTIONS: &[&str] = &["and", "but", "while", "which", "who", "whereas", "or", "as", "where", "when", "whose"];

/// A conjunction that ends the clause: not "and" inside a list of names
/// ("the Kharkiv and Odesa regions").
fn ends_clause(ws: &[Word], k: usize) -> bool {
    let w = norm(ws[k].text);
    if !CONJUNCTIONS.contains(&w.as_str()) {
        return false;
    }
    let next_is_name = ws.get(k + 1).is_some_and(|n| n.text.chars().next().is_some_and(char::is_uppercase));
    !((w == "and" || w == "or") && next_is_name)
}

fn find_predicate(ws: &[Word], first_in: usize, after: usize, text: &str) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    // Forward: up to 10 words, stopping at a clause boundary or conjunction.
    let mut k = after;
    while k < ws.len() && k < after + 10 {
        if k > 0 && k > after && boundary_between(text, &ws[k - 1], &ws[k]) {
            break;
        }
        if k == after && k > 0 && first_in < after && boundary_between(text, &ws[k - 1], &ws[k]) {
            break;
        }
        // "two reception centres for displaced families": the verb belongs
        // to the prepositional object, not to the count.
        if ends_clause(ws, k) || (k > after && matches!(norm(ws[k].text).as_str(), "for" | "with" | "into" | "against"))
        {
            break;
        }
        if let Some(p) = predicate_at(ws, k, text) {
            // "seven countries closed the summit": an active verb with an
            // object says what the counted did, not what happened to it.
            let object_follows = ws
                .get(k + 1)
                .is_some_and(|n| matches!(norm(n.text).as_str(), "a" | "an" | "the" | "their" | "its" | "his" | "her"));
            if !object_follows || p == "evacuated" {
                best = Some((k - after + 1, p));
            }
            break;
        }
        k += 1;
    }
    // Backward: up to 4 words.
    let mut k = first_in;
    let mut d = 0;
    while k > 0 && d < 4 {
        if k < ws.len() && boundary_between(text, &ws[k - 1], &ws[k]) {
            break;
        }
        k -= 1;
        d += 1;
        if let Some(p) = predicate_at(ws, k, text)
            && best.as_ref().is_none_or(|(bd, _)| d < *bd)
        {
            best = Some((d, p));
            break;
        }
        if ends_clause(ws, k) {
            break;
        }
    }
    best.map(|(_, p)| p)
}

/// A predicate class at word `k`, with the phrasal forms of leaving home.
fn predicate_at(ws: &[Word], k: usize, _text: &str) -> Option<String> {
    let w = norm(ws[k].text);
    // "forced about 2,000 people from their homes"
    let next: Vec<String> = ws[k + 1..].iter().take(5).map(|x| norm(x.text)).collect();
    let has = |s: &str| next.iter().any(|n| n == s);
    // "pushed back by two hours", "held up for two hours": a delay.
    if matches!(w.as_str(), "pushed" | "put" | "held" | "set") && next.first().is_some_and(|n| n == "back" || n == "up")
    {
        return Some("delayed".into());
    }
    if let Some(p) = predicate_class(&w) {
        return Some(p.to_string());
    }
    match w.as_str() {
        "forced" | "driven" if has("from") || has("out") || has("flee") || has("leave") => Some("evacuated".into()),
        "leave" | "left" | "abandon" | "abandoned" if has("home") || has("homes") => Some("evacuated".into()),
        _ => None,
    }
}

/// "three days of talks": the noun after "of".
fn of_noun(ws: &[Word], after: usize, unit: &str) -> Option<String> {
    let prep = norm(ws.get(after)?.text);
    // "three days of talks"; "$35 million in emergency aid".
    if !(prep == "of" || (prep == "in" && is_money_unit(unit))) {
        return None;
    }
    let end = (after + 3).min(ws.len());
    ws.get(after + 1..end)?.iter().map(|w| lemma(w.text)).find(|l| noun_class(l).is_some())
}

/// A head noun earlier in the sentence (crossing commas, up to 12 words).
fn backfill_noun(ws: &[Word], first_in: usize, _text: &str) -> Option<(String, &'static str)> {
    ws[..first_in].iter().rev().take(12).find_map(|w| {
        let l = lemma(w.text);
        let c = noun_class(&l)?;
        is_backfill_noun(c).then_some((l, c))
    })
}

fn is_prior(ws: &[Word], first_in: usize, text: &str) -> bool {
    if first_in == 0 {
        return false;
    }
    let prev = norm(ws[first_in - 1].text);
    let prev2 = first_in.checked_sub(2).map(|k| norm(ws[k].text)).unwrap_or_default();
    if boundary_between(text, &ws[first_in - 1], ws.get(first_in).unwrap_or(&ws[first_in - 1])) {
        return false;
    }
    // "up from 1,800", "rose from 1,800 to 2,000" (not "ministers from seven countries").
    let change_verb = matches!(
        prev2.as_str(),
        "up" | "down"
            | "rose"
            | "risen"
            | "rising"
            | "fell"
            | "fallen"
            | "falling"
            | "increased"
            | "decreased"
            | "grew"
            | "dropped"
            | "climbed"
            | "jumped"
            | "cut"
            | "reduced"
            | "raised"
            | "revised"
            | "lowered"
    );
    match prev.as_str() {
        "from" => change_verb,
        "versus" | "vs" => true,
        "than" => !matches!(prev2.as_str(), "more" | "less" | "fewer" | "greater" | "rather"),
        "with" | "to" => prev2 == "compared",
        _ => false,
    }
}

fn year_of(w: &str) -> Option<i32> {
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = w.parse().ok()?;
        (1900..=2100).contains(&y).then_some(y)
    } else {
        None
    }
}

/// The year a figure belongs to: an explicit year or "last/this/next year"
/// in its clause, or in the extractor's qualifiers.
fn time_qualifier(
    ws: &[Word],
    first_in: usize,
    after: usize,
    text: &str,
    quals: &[String],
    published_year: Option<i32>,
) -> String {
    let relative = |word: &str| -> Option<String> {
        let off = match word {
            "last" | "previous" | "past" => -1,
            "this" | "current" => 0,
            "next" | "coming" => 1,
            _ => return None,
        };
        Some(match published_year {
            Some(y) => (y + off).to_string(),
            None => format!("{word} year"),
        })
    };
    for q in quals {
        let parts: Vec<&str> = q.split_whitespace().collect();
        if let Some(y) = parts.iter().find_map(|p| year_of(p)) {
            return y.to_string();
        }
        if parts.len() == 2
            && parts[1] == "year"
            && let Some(r) = relative(parts[0])
        {
            return r;
        }
    }
    let scan = |range: Vec<usize>| -> Option<String> {
        let mut prev_idx: Option<usize> = None;
        for k in range {
            if let Some(p) = prev_idx
                && boundary_between(text, &ws[p.min(k)], &ws[p.max(k)])
            {
                return None;
            }
            prev_idx = Some(k);
            let w = norm(ws[k].text);
            if let Some(y) = year_of(&w) {
                return Some(y.to_string());
            }
            if (w == "year" || w == "year's")
                && k > 0
                && let Some(r) = relative(&norm(ws[k - 1].text))
            {
                return Some(r);
            }
        }
        None
    };
    let back: Vec<usize> = (first_in.saturating_sub(6)..first_in).rev().collect();
    let fwd: Vec<usize> = (after..(after + 6).min(ws.len())).collect();
    let mut back_with_edge = back.clone();
    if first_in < ws.len() {
        back_with_edge.insert(0, first_in);
    }
    let mut fwd_with_edge = fwd.clone();
    if after > 0 && after <= ws.len() && first_in < after {
        fwd_with_edge.insert(0, after - 1);
    }
    scan(fwd_with_edge).or_else(|| scan(back_with_edge)).unwrap_or_default()
}

fn rate_qualifier(ws: &[Word], after: usize, text: &str) -> String {
    let next: Vec<String> = ws.iter().skip(after).take(5).map(|w| norm(w.text)).collect();
    let _ = text;
    for (i, w) in next.iter().enumerate() {
        let period = match w.as_str() {
            "daily" => Some("day"),
            "weekly" => Some("week"),
            "monthly" => Some("month"),
            "annually" | "annual" | "yearly" => Some("year"),
            "day" | "week" | "month" | "year" | "hour"
                if i > 0 && matches!(next[i - 1].as_str(), "a" | "per" | "each" | "every" | "an") =>
            {
                Some(w.as_str())
            }
            _ => None,
        };
        if let Some(p) = period {
            return format!("per {p}");
        }
    }
    String::new()
}

/// The interval of values a quantity allows.
fn interval(q_value: f64, high: Option<f64>, approx: Approx) -> (f64, f64) {
    let v = q_value;
    let (lo, hi) = match high {
        Some(h) if h >= v => (v, h),
        _ => (v, v),
    };
    match approx {
        Approx::Exact => {
            if high.is_none() && is_round(v) {
                (v * 0.98, v * 1.02)
            } else {
                (lo, hi)
            }
        }
        Approx::About => (lo * 0.93, hi * 1.07),
        Approx::Nearly => (lo * 0.9, hi),
        Approx::AtLeast | Approx::MoreThan => (lo, f64::INFINITY),
        Approx::LessThan | Approx::AtMost => (lo * 0.67, hi),
    }
}

/// A number written to two significant digits or fewer, at least 100
/// ("2,000", "450 million"): news rounds these.
fn is_round(v: f64) -> bool {
    if v < 100.0 || v.fract() != 0.0 {
        return false;
    }
    let mut x = v;
    while x >= 100.0 && (x / 10.0).fract() == 0.0 {
        x /= 10.0;
    }
    x < 100.0
}

/// A number for display: "2,000", "1.2 million", "3.5".
pub fn fmt_number(v: f64) -> String {
    for (scale, word) in [(1e9, "billion"), (1e6, "million")] {
        if v.abs() >= scale {
            let x = v / scale;
            if (x * 100.0).round() == x * 100.0 {
                return format!("{} {word}", trim_decimal(x));
            }
        }
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let s = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        trim_decimal(v)
    }
}

fn trim_decimal(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A value with its unit: "€450 million", "60%", "3 hours", "2,000".
pub fn fmt_value(value: f64, high: Option<f64>, unit: &str) -> String {
    let n = match high {
        Some(h) if h > value => format!("{} to {}", fmt_number(value), fmt_number(h)),
        _ => fmt_number(value),
    };
    let plural = high.unwrap_or(value) != 1.0;
    match unit {
        "" => n,
        "EUR" => format!("€{n}"),
        "USD" => format!("${n}"),
        "GBP" => format!("£{n}"),
        "percent" => format!("{n}%"),
        "km2" => format!("{n} sq km"),
        u if is_money_unit(u) => format!("{u} {n}"),
        u => format!("{n} {}", if plural { plural_unit(u) } else { u.to_string() }),
    }
}

fn plural_unit(u: &str) -> String {
    match u {
        "km" | "kg" | "mile" if u.ends_with('s') => u.to_string(),
        "km" | "kg" => u.to_string(),
        "inch" => "inches".into(),
        _ if u.ends_with('s') => u.to_string(),
        _ => format!("{u}s"),
    }
}

fn approx_prefix(a: Approx) -> &'static str {
    match a {
        Approx::Exact => "",
        Approx::About => "about ",
        Approx::Nearly => "nearly ",
        Approx::AtLeast => "at least ",
        Approx::MoreThan => "more than ",
        Approx::LessThan => "fewer than ",
        Approx::AtMost => "at most ",
    }
}

/// A short label for a key: "people evacuated", "summit duration (hours)",
/// "revised plan (points)", "budget (EUR), 2024".
fn label(key: &QKey, noun: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    if key.prior {
        parts.push("earlier".into());
    }
    if key.revised {
        parts.push("revised".into());
    }
    let noun = if noun.is_empty() { key.counts.clone() } else { noun.to_string() };
    if !noun.is_empty() {
        parts.push(noun);
    }
    let unit_label = match key.unit.as_str() {
        "" => String::new(),
        "EUR" | "USD" | "GBP" => key.unit.clone(),
        "percent" => "%".into(),
        "km2" => "sq km".into(),
        u => plural_unit(u),
    };
    if is_time_unit(&key.unit) {
        parts.push(if key.predicate == "delayed" { "delay".into() } else { "duration".into() });
    } else if !key.predicate.is_empty() {
        parts.push(key.predicate.clone());
    } else if parts.is_empty() && is_money_unit(&key.unit) {
        parts.push("amount".into());
    } else if parts.is_empty() && key.unit == "percent" {
        parts.push("share".into());
    }
    let mut s = parts.join(" ");
    if !unit_label.is_empty() {
        if s.is_empty() {
            s = unit_label;
        } else {
            s = format!("{s} ({unit_label})");
        }
    }
    if !key.rate.is_empty() {
        s = format!("{s} {}", key.rate);
    }
    if !key.time.is_empty() {
        s = format!("{s}, {}", key.time);
    }
    s
}

/// Two claims' place names are disjoint: both name places, and no place of
/// one is the same as, or spelled like, a place of the other.
fn places_disjoint(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    !a.iter().any(|x| b.iter().any(|y| x == y || strsim::jaro_winkler(x, y) >= 0.85))
}

pub fn quantities(ctx: &Ctx) -> Aligned {
    per_story(ctx, |story, claims| {
        let mut out = Aligned::default();
        let mut by_key: BTreeMap<QKey, Vec<Item>> = BTreeMap::new();
        for &(art, ci) in claims {
            let claim = &ctx.records[art].claims[ci];
            let places = ctx.claim_places(art, claim);
            let mut in_claim: Vec<(QKey, Item)> = Vec::new();
            for q in &claim.quantities {
                let Some((key, strength, noun)) = quantity_key(claim, q, ctx.published_year(art)) else {
                    continue;
                };
                let (lo, hi) = interval(q.value, q.high, q.approx);
                in_claim.push((
                    key,
                    Item {
                        art,
                        claim: ci,
                        lo,
                        hi,
                        value: q.value,
                        high: q.high,
                        approx: q.approx,
                        strength,
                        noun,
                        places: places.clone(),
                        evidence: Evidence {
                            article: ctx.records[art].article.id.clone(),
                            start: q.start,
                            end: q.end,
                            text: q.text.clone(),
                        },
                    },
                ));
            }
            // Two values with one key in one sentence: a change or a comparison.
            let keys: Vec<QKey> = in_claim.iter().map(|(k, _)| k.clone()).collect();
            for (i, (k, item)) in in_claim.into_iter().enumerate() {
                let clash = keys.iter().enumerate().any(|(j, kj)| j != i && *kj == k);
                if !clash {
                    by_key.entry(k).or_default().push(item);
                }
            }
        }
        unify_unknown_predicates(&mut by_key);
        unify_weak_items(&mut by_key);
        let index = seen_index(ctx, story);
        for (key, items) in by_key {
            emit_quantity_topic(ctx, story, &index, &key, items, &mut out);
        }
        out
    })
}

/// A specific counted noun with no verb next to it ("seven countries") joins
/// the one verb the story's other mentions of that noun use ("seven
/// countries took part") when its value agrees with all of them: it adds an
/// agreeing source, never a conflict. With two or more verbs in play, or a
/// different value, it stays apart. Durations are
/// never unified: "three hours" is not "delayed by three hours". Generic
/// nouns ("people") without a verb stay weak and apart.
fn unify_unknown_predicates(by_key: &mut BTreeMap<QKey, Vec<Item>>) {
    let mut preds: BTreeMap<QKey, BTreeSet<String>> = BTreeMap::new();
    for key in by_key.keys() {
        if key.counts.is_empty() || is_generic_noun(&key.counts) || is_time_unit(&key.unit) {
            continue;
        }
        let base = QKey { predicate: String::new(), ..key.clone() };
        preds.entry(base).or_default().insert(key.predicate.clone());
    }
    for (base, set) in preds {
        let known: Vec<&String> = set.iter().filter(|p| !p.is_empty()).collect();
        if known.len() != 1 || !set.contains("") {
            continue;
        }
        let target = QKey { predicate: known[0].clone(), ..base.clone() };
        let Some(items) = by_key.remove(&base) else {
            continue;
        };
        let (join, keep): (Vec<Item>, Vec<Item>) = items
            .into_iter()
            .partition(|it| by_key.get(&target).is_some_and(|t| t.iter().all(|x| it.lo <= x.hi && it.hi >= x.lo)));
        by_key.entry(target).or_default().extend(join);
        if !keep.is_empty() {
            by_key.insert(base, keep);
        }
    }
}

/// A weak item (a sum with no noun, "people" with no verb) joins the one
/// strong key of its unit and counted noun whose values it agrees with:
/// "pool €450 million" adds a source to "a €450 million fund". It only ever
/// adds agreement; with two candidate keys it stays out.
fn unify_weak_items(by_key: &mut BTreeMap<QKey, Vec<Item>>) {
    let weak_keys: Vec<QKey> =
        by_key.iter().filter(|(_, v)| v.iter().all(|i| i.strength == Strength::Weak)).map(|(k, _)| k.clone()).collect();
    for wk in weak_keys {
        let Some(items) = by_key.remove(&wk) else {
            continue;
        };
        let mut keep = Vec::new();
        for it in items {
            let targets: Vec<QKey> = by_key
                .iter()
                .filter(|(k, v)| {
                    k.unit == wk.unit
                        && (wk.counts.is_empty() || k.counts == wk.counts)
                        && k.revised == wk.revised
                        && k.prior == wk.prior
                        && k.time == wk.time
                        && k.rate == wk.rate
                        && v.iter().all(|x| x.strength > Strength::Weak)
                        && v.iter().all(|x| it.lo <= x.hi && it.hi >= x.lo)
                })
                .map(|(k, _)| k.clone())
                .collect();
            match targets.as_slice() {
                [t] if !wk.unit.is_empty() || !wk.counts.is_empty() => {
                    let mut it = it;
                    it.strength = Strength::Medium;
                    if let Some(v) = by_key.get_mut(t) {
                        v.push(it);
                    }
                }
                _ => keep.push(it),
            }
        }
        if !keep.is_empty() {
            by_key.insert(wk, keep);
        }
    }
}

fn emit_quantity_topic(
    ctx: &Ctx,
    story: usize,
    index: &SeenIndex,
    key: &QKey,
    mut items: Vec<Item>,
    out: &mut Aligned,
) {
    let story_id = ctx.story_ids[story].clone();
    let strength = items.iter().map(|i| i.strength).min().unwrap_or(Strength::Weak);
    // Clusters of overlapping intervals.
    items.sort_by(|a, b| a.lo.total_cmp(&b.lo).then(a.hi.total_cmp(&b.hi)).then(a.art.cmp(&b.art)));
    let mut clusters: Vec<(f64, f64, Vec<Item>)> = Vec::new();
    for it in items {
        match clusters.last_mut() {
            Some((lo, hi, members)) if it.lo <= *hi && it.hi >= *lo => {
                *lo = lo.max(it.lo);
                *hi = hi.min(it.hi);
                members.push(it);
            }
            _ => clusters.push((it.lo, it.hi, vec![it])),
        }
    }
    let mut noun_count: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, _, m) in &clusters {
        for it in m {
            *noun_count.entry(it.noun.as_str()).or_default() += 1;
        }
    }
    let noun = noun_count
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(n, _)| n.to_string())
        .unwrap_or_default();
    let topic_label = label(key, &noun);
    let values: Vec<TopicValue> = clusters.iter().map(|(_, _, m)| topic_value(m, &key.unit)).collect();
    let arts: BTreeSet<usize> = clusters.iter().flat_map(|(_, _, m)| m.iter().map(|i| i.art)).collect();
    let sources = ctx.sources(arts.iter().copied());

    if clusters.len() == 1 {
        if sources >= 2 && strength >= Strength::Medium {
            out.agreements.push(Topic {
                topic: topic_label,
                kind: TopicKind::Quantity,
                story: story_id,
                values,
                confidence: if strength == Strength::Strong { 0.85 } else { 0.6 },
                independent_sources: sources,
                self_contradiction: false,
                note: None,
                nature: None,
            });
        } else if sources == 1 && single_worthy(key, strength, clusters[0].2[0].value) {
            single(ctx, story, index, &clusters[0].2, &topic_label, key, out);
        }
        return;
    }
    // A bare count with no verb ("two delegations" asked for time, "thirty-two
    // delegations" attended) may count a part of the whole: never a conflict.
    if strength < Strength::Medium || (key.unit.is_empty() && key.predicate.is_empty()) {
        agree_per_value(ctx, story, &topic_label, &key.unit, &clusters, strength, out);
        return;
    }
    // Places: every pair of differing values must be about a shared place.
    for (x, (_, _, a)) in clusters.iter().enumerate() {
        for (_, _, b) in &clusters[x + 1..] {
            let pa: Vec<String> = a.iter().flat_map(|i| i.places.clone()).collect();
            let pb: Vec<String> = b.iter().flat_map(|i| i.places.clone()).collect();
            if places_disjoint(&pa, &pb) {
                agree_per_value(ctx, story, &topic_label, &key.unit, &clusters, strength, out);
                return;
            }
        }
    }
    let mut clusters_of_art: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (c, (_, _, m)) in clusters.iter().enumerate() {
        for it in m {
            clusters_of_art.entry(it.art).or_default().insert(c);
        }
    }
    let self_contra: Vec<usize> = clusters_of_art.iter().filter(|(_, cs)| cs.len() > 1).map(|(a, _)| *a).collect();
    let mut confidence = if strength == Strength::Strong { 0.8 } else { 0.55 };
    let mut note = None;
    if sources == 1 {
        // Only one source: it contradicts itself (or updates a figure).
        confidence *= 0.75;
        note = Some("one article gives two values; it may be an update".to_string());
    } else if !self_contra.is_empty() {
        let ids: Vec<&str> = self_contra.iter().map(|&a| ctx.records[a].article.id.as_ref()).collect();
        note = Some(format!("{} also gives two values", ids.join(", ")));
    }
    if sources == 1 && single_worthy(key, strength, f64::INFINITY) {
        for (_, _, m) in &clusters {
            single(ctx, story, index, m, &topic_label, key, out);
        }
    }
    out.conflicts.push(Topic {
        topic: topic_label,
        kind: TopicKind::Quantity,
        story: story_id,
        values,
        confidence,
        independent_sources: sources,
        self_contradiction: !self_contra.is_empty(),
        note,
        nature: None,
    });
}

/// When differing values are not a conflict (a bare count that may count a
/// part, values about different places), each value two or more sources give
/// is still an agreement.
fn agree_per_value(
    ctx: &Ctx,
    story: usize,
    topic_label: &str,
    unit: &str,
    clusters: &[(f64, f64, Vec<Item>)],
    strength: Strength,
    out: &mut Aligned,
) {
    if strength < Strength::Medium {
        return;
    }
    for (_, _, m) in clusters {
        let sources = ctx.sources(m.iter().map(|i| i.art));
        if sources >= 2 {
            out.agreements.push(Topic {
                topic: topic_label.to_string(),
                kind: TopicKind::Quantity,
                story: ctx.story_ids[story].clone(),
                values: vec![topic_value(m, unit)],
                confidence: if strength == Strength::Strong { 0.75 } else { 0.55 },
                independent_sources: sources,
                self_contradiction: false,
                note: Some("other sources give a different figure that may count something else".into()),
                nature: None,
            });
        }
    }
}

/// Single-source facts worth listing: keys that say what is counted, and
/// sums of money and percentages (facts even without a noun). A lone
/// "three times" or "four days" says too little to check.
fn single_worthy(key: &QKey, strength: Strength, value: f64) -> bool {
    if key.unit.is_empty() && key.predicate.is_empty() {
        // "the two regions", "at least four places": description, not a fact.
        return strength == Strength::Strong && value > 3.0 && !is_vague_noun(&key.counts);
    }
    strength >= Strength::Medium || is_money_unit(&key.unit) || key.unit == "percent"
}

fn topic_value(members: &[Item], unit: &str) -> TopicValue {
    // The most common stated value, then the smallest.
    let mut counts: BTreeMap<(u64, u64), usize> = BTreeMap::new();
    for it in members {
        *counts.entry((it.value.to_bits(), it.high.unwrap_or(-1.0).to_bits())).or_default() += 1;
    }
    let rep = members
        .iter()
        .max_by(|a, b| {
            let ca = counts[&(a.value.to_bits(), a.high.unwrap_or(-1.0).to_bits())];
            let cb = counts[&(b.value.to_bits(), b.high.unwrap_or(-1.0).to_bits())];
            ca.cmp(&cb).then(b.value.total_cmp(&a.value))
        })
        .cloned();
    let approxes: BTreeSet<u8> = members.iter().map(|i| i.approx as u8).collect();
    let value = match rep {
        Some(r) => {
            let prefix = if approxes.len() == 1 {
                approx_prefix(r.approx)
            } else if members.iter().all(|i| i.approx != Approx::MoreThan && i.approx != Approx::AtLeast) {
                "about "
            } else {
                ""
            };
            format!("{prefix}{}", fmt_value(r.value, r.high, unit))
        }
        None => String::new(),
    };
    let mut articles: Vec<crate::model::ArticleId> = members.iter().map(|i| i.evidence.article.clone()).collect();
    articles.sort();
    articles.dedup();
    let mut evidence: Vec<Evidence> = members.iter().map(|i| i.evidence.clone()).collect();
    evidence.sort();
    evidence.dedup();
    TopicValue { value, articles, evidence, sources: Vec::new() }
}

/// A value only one source gives, unless another source in the story has a
/// compatible number in the same unit (then it may well be the same fact,
/// keyed differently, and "only one source says so" would be wrong).
/// Every quantity of a story by unit, to ask "does another source give a
/// compatible number?" without scanning the story per fact.
struct Seen {
    source: usize,
    class: String,
    value: f64,
    lo: f64,
    hi: f64,
}
type SeenIndex = BTreeMap<String, Vec<Seen>>;

fn seen_index(ctx: &Ctx, story: usize) -> SeenIndex {
    let mut index: SeenIndex = BTreeMap::new();
    for &(art, ci) in &ctx.story_claims[story] {
        for q in &ctx.records[art].claims[ci].quantities {
            let unit = q.unit.as_deref().map(normalize_unit).unwrap_or_default();
            let counts = q.counts.as_deref().map(lemma).unwrap_or_default();
            let class = noun_class(&counts).map(str::to_string).unwrap_or(counts);
            let (lo, hi) = interval(q.value, q.high, q.approx);
            index.entry(unit).or_default().push(Seen { source: ctx.source_of[art], class, value: q.value, lo, hi });
        }
    }
    index
}

fn single(
    ctx: &Ctx,
    story: usize,
    index: &SeenIndex,
    members: &[Item],
    topic_label: &str,
    key: &QKey,
    out: &mut Aligned,
) {
    let unit = key.unit.as_str();
    let Some(first) = members.first() else { return };
    let source = ctx.source_of[first.art];
    let (lo, hi) = members.iter().fold((f64::NEG_INFINITY, f64::INFINITY), |(l, h), i| (l.max(i.lo), h.min(i.hi)));
    let echoed = index.get(unit).is_some_and(|list| {
        list.iter().any(|e| {
            // A bare count only matches a count of the same kind of thing,
            // or a number that counts nothing named, if it is not a small one.
            let nameless = e.class.is_empty() && e.value >= 100.0;
            e.source != source && (!unit.is_empty() || e.class == key.counts || nameless) && e.lo <= hi && e.hi >= lo
        })
    });
    if echoed {
        return;
    }
    let tv = topic_value(members, unit);
    let mut ev = members.iter().map(|i| &i.evidence).min().cloned().unwrap_or_else(|| first.evidence.clone());
    if let Some(claim) = ctx.records[first.art].claims.get(first.claim)
        && ev.text.is_empty()
    {
        ev.text = claim.text.clone();
    }
    out.single_source.push(SingleSourceFact {
        story: ctx.story_ids[story].clone(),
        article: ev.article.clone(),
        kind: TopicKind::Quantity,
        topic: format!("{topic_label}: {}", tv.value),
        evidence: ev,
    });
}

// ------------------------------------------------------------------ event dates

struct DateItem {
    art: usize,
    value: String,
    noun: String,
    evidence: Evidence,
}

fn is_full_date(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

pub fn event_dates(ctx: &Ctx) -> Aligned {
    per_story(ctx, |story, claims| {
        let mut out = Aligned::default();
        let mut by_key: BTreeMap<(String, String), Vec<DateItem>> = BTreeMap::new();
        for &(art, ci) in claims {
            let rec = &ctx.records[art];
            let claim = &rec.claims[ci];
            let ws = words(&claim.text);
            let lower: Vec<String> = ws.iter().map(|w| norm(w.text)).collect();
            let mut seen_key = BTreeSet::new();
            for &di in &claim.dates {
                let Some(d) = rec.dates.get(di) else { continue };
                let Some(value) = d.value.as_deref() else {
                    continue;
                };
                if d.kind != DateKind::Date || !is_full_date(value) {
                    continue;
                }
                let pos = match claim.text.find(d.text.as_str()) {
                    Some(p) if !d.text.is_empty() => p,
                    _ => continue,
                };
                let Some(di_word) = ws.iter().position(|w| w.start >= pos) else {
                    continue;
                };
                // The nearest event verb within ten words.
                let verb = (di_word.saturating_sub(10)..(di_word + 10).min(ws.len()))
                    .filter_map(|k| event_verb_class(&lower[k]).map(|c| (k.abs_diff(di_word), k, c)))
                    .min();
                let Some((_, vk, verb)) = verb else { continue };
                // An event noun within eight words of the verb.
                let noun = (vk.saturating_sub(8)..(vk + 8).min(ws.len()))
                    .filter_map(|k| {
                        let l = lemma(ws[k].text);
                        event_noun_class(&l).map(|c| (k.abs_diff(vk), l, c))
                    })
                    .min();
                let Some((_, noun_word, class)) = noun else {
                    continue;
                };
                // Plans and deadlines are not dates of events: "expected to
                // end", "due to close by Friday".
                let lo = di_word.min(vk).saturating_sub(6);
                let hi = (di_word.max(vk) + 2).min(ws.len());
                if lower[lo..hi].iter().any(|w| is_modal_word(w))
                    || (di_word > 0 && matches!(lower[di_word - 1].as_str(), "by" | "until" | "before"))
                {
                    continue;
                }
                let key = (class.to_string(), verb.to_string());
                if !seen_key.insert(key.clone()) {
                    continue;
                }
                by_key.entry(key).or_default().push(DateItem {
                    art,
                    value: value.to_string(),
                    noun: noun_word,
                    evidence: Evidence {
                        article: rec.article.id.clone(),
                        start: d.start,
                        end: d.end,
                        text: d.text.clone(),
                    },
                });
            }
        }
        for ((_, verb), items) in by_key {
            let mut by_value: BTreeMap<String, Vec<&DateItem>> = BTreeMap::new();
            for it in &items {
                by_value.entry(it.value.clone()).or_default().push(it);
            }
            let mut nouns: BTreeMap<&str, usize> = BTreeMap::new();
            for it in &items {
                *nouns.entry(it.noun.as_str()).or_default() += 1;
            }
            let noun = nouns.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(n, _)| *n).unwrap_or("");
            let topic_label = format!("date {noun} {verb}");
            let values: Vec<TopicValue> = by_value
                .iter()
                .map(|(v, its)| {
                    let mut articles: Vec<crate::model::ArticleId> =
                        its.iter().map(|i| i.evidence.article.clone()).collect();
                    articles.sort();
                    articles.dedup();
                    let mut evidence: Vec<Evidence> = its.iter().map(|i| i.evidence.clone()).collect();
                    evidence.sort();
                    TopicValue { value: v.clone(), articles, evidence, sources: Vec::new() }
                })
                .collect();
            let sources = ctx.sources(items.iter().map(|i| i.art));
            let story_id = ctx.story_ids[story].clone();
            if by_value.len() == 1 {
                if sources >= 2 {
                    out.agreements.push(Topic {
                        topic: topic_label,
                        kind: TopicKind::EventDate,
                        story: story_id,
                        values,
                        confidence: 0.7,
                        independent_sources: sources,
                        self_contradiction: false,
                        note: None,
                        nature: None,
                    });
                }
                continue;
            }
            let days: Vec<i64> = by_value.keys().filter_map(|v| day_number(v)).collect();
            let spread = days.iter().max().zip(days.iter().min()).map(|(a, b)| a - b).unwrap_or(i64::MAX);
            if spread > 14 || sources < 2 {
                continue;
            }
            out.conflicts.push(Topic {
                topic: topic_label,
                kind: TopicKind::EventDate,
                story: story_id,
                values,
                confidence: 0.5,
                independent_sources: sources,
                self_contradiction: false,
                note: Some("dates resolved from relative expressions may be off".into()),
                nature: None,
            });
        }
        out
    })
}

fn day_number(v: &str) -> Option<i64> {
    let d: jiff::civil::Date = v.parse().ok()?;
    Some(d.since(jiff::civil::date(2000, 1, 1)).ok()?.get_days().into())
}

/// Run `f` on every story's claims in parallel (stories are independent:
/// nothing is compared across them) and concatenate the results in story
/// order, so the output does not depend on the thread count.
pub fn per_story<F>(ctx: &Ctx, f: F) -> Aligned
where
    F: Fn(usize, &[(usize, usize)]) -> Aligned + Sync,
{
    use rayon::prelude::*;
    let parts: Vec<Aligned> = ctx.story_claims.par_iter().enumerate().map(|(story, claims)| f(story, claims)).collect();
    let mut out = Aligned::default();
    for mut p in parts {
        out.agreements.append(&mut p.agreements);
        out.conflicts.append(&mut p.conflicts);
        out.single_source.append(&mut p.single_source);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerance_intervals() {
        assert_eq!(interval(3.0, None, Approx::Exact), (3.0, 3.0));
        let (lo, hi) = interval(3.0, None, Approx::About);
        assert!(lo < 2.85 && hi > 3.15);
        let (lo, hi) = interval(3.0, None, Approx::Nearly);
        assert!(lo < 2.75 && hi == 3.0);
        // "about 2,000" does not cover 1,800.
        let (lo, _) = interval(2000.0, None, Approx::About);
        assert!(lo > interval(1800.0, None, Approx::Exact).1);
        let (lo, hi) = interval(2000.0, None, Approx::Exact);
        assert!(lo > 1900.0 && hi < 2100.0, "a round number allows a little rounding, not 5%");
        assert_eq!(interval(1500.0, Some(2000.0), Approx::Exact), (1500.0, 2000.0));
        assert_eq!(interval(40.0, None, Approx::MoreThan).1, f64::INFINITY);
        assert!(is_round(2000.0) && is_round(450_000_000.0) && !is_round(1234.0) && !is_round(12.0));
    }

    fn key_of(sentence: &str, qtext: &str, counts: Option<&str>, unit: Option<&str>) -> (QKey, Strength) {
        let start = sentence.find(qtext).expect("quantity in sentence");
        let q = Quantity {
            value: 1.0,
            high: None,
            approx: Approx::Exact,
            unit: unit.map(str::to_string),
            counts: counts.map(str::to_string),
            qualifiers: vec![],
            ordinal: false,
            start,
            end: start + qtext.len(),
            text: qtext.to_string(),
        };
        let claim = Claim {
            id: "c".into(),
            article: "a".into(),
            start: 0,
            end: sentence.len(),
            text: sentence.to_string(),
            quantities: vec![q.clone()],
            dates: vec![],
            entities: vec![],
            local_entities: vec![],
            asserted_by: crate::model::Assertion::Article,
            polarity: vec![],
            clauses: vec![],
            facts: vec![],
        };
        let (k, s, _) = quantity_key(&claim, &q, Some(2025)).expect("a key");
        (k, s)
    }

    #[test]
    fn verbs_that_say_what_happened_to_a_count() {
        let pred = |s: &str, q: &str, c: &str| key_of(s, q, Some(c), None).0.predicate;
        assert_eq!(pred("About 2,000 people were evacuated from the town.", "About 2,000", "people"), "evacuated");
        assert_eq!(pred("Floods forced about 2,000 people from their homes.", "about 2,000", "people"), "evacuated");
        assert_eq!(
            pred(
                "Roughly 2,000 residents of the Kharkiv and Odesa regions had to leave their homes.",
                "Roughly 2,000",
                "residents"
            ),
            "evacuated"
        );
        assert_eq!(pred("The storm affected some 40,000 people.", "some 40,000", "people"), "affected");
        assert_eq!(pred("Officials say 14 bridges in the region are damaged.", "14", "bridges"), "damaged");
        // An active verb with an object: the count is the agent.
        assert_eq!(pred("Ministers from seven countries closed the summit.", "seven", "countries"), "");
        // A verb inside a prepositional phrase belongs to its object.
        assert_eq!(pred("She will open two reception centres for displaced families.", "two", "centres"), "");
        // "evacuated" after "and" starts another clause.
        assert_eq!(pred("Police closed 27 roads and evacuated a school.", "27", "roads"), "closed");
    }

    #[test]
    fn generic_nouns_need_a_verb_to_be_strong() {
        assert_eq!(key_of("The town has 2,000 people.", "2,000", Some("people"), None).1, Strength::Weak);
        assert_eq!(key_of("2,000 people were evacuated.", "2,000", Some("people"), None).1, Strength::Strong);
        assert_eq!(key_of("It cost €3 million.", "€3 million", None, Some("EUR")).1, Strength::Weak);
        assert_eq!(key_of("The fund holds €3 million.", "€3 million", Some("fund"), Some("EUR")).1, Strength::Strong);
    }

    #[test]
    fn durations_and_delays_are_different_facts() {
        let (a, _) =
            key_of("The final session lasted close to three hours.", "close to three hours", None, Some("hour"));
        let (b, _) = key_of("The opening session was pushed back by two hours.", "two hours", None, Some("hour"));
        let (c, _) = key_of("Ministers closed a three-day summit.", "three-day", Some("summit"), Some("day"));
        assert_eq!((a.counts.as_str(), a.predicate.as_str()), ("meeting", ""));
        assert_eq!((b.counts.as_str(), b.predicate.as_str()), ("meeting", "delayed"));
        assert_eq!((c.counts.as_str(), c.predicate.as_str(), c.unit.as_str()), ("meeting", "", "day"));
    }

    #[test]
    fn revision_prior_and_year_qualifiers() {
        let (k, _) = key_of(
            "Delegates worked from the amended plan, cut to about 9 points.",
            "about 9 points",
            Some("points"),
            None,
        );
        assert!(k.revised);
        assert_eq!((k.counts.as_str(), k.unit.as_str()), ("plan", "point"));
        let (k, _) = key_of("Ministers from seven countries met.", "seven", Some("countries"), None);
        assert!(!k.prior, "'from' without a change verb is not a prior figure");
        let (k, _) = key_of("Sales rose to 900 cars, up from 800 cars.", "800", Some("cars"), None);
        assert!(k.prior);
        let (k, _) = key_of("Last year the budget was €22 million.", "€22 million", Some("budget"), Some("EUR"));
        assert_eq!(k.time, "2024", "last year resolved on the article's year");
        let (k, _) = key_of("The budget for 2025 is €30 million.", "€30 million", Some("budget"), Some("EUR"));
        assert_eq!(k.time, "2025");
        let (k, _) = key_of("Crews haul 1,500 tonnes of debris a day.", "1,500 tonnes", Some("debris"), Some("tonnes"));
        assert_eq!(k.rate, "per day");
    }

    #[test]
    fn offsets_that_do_not_match_the_claim_text_never_panic() {
        // A Windows-1252 file: offsets are file offsets, the text is decoded
        // ("€" is one byte on disk, three in the text).
        let sentence = "The fund – €450 million – was agreed by “all” délégués.";
        for start in 0..sentence.len() + 5 {
            let q = Quantity {
                value: 450e6,
                high: None,
                approx: Approx::Exact,
                unit: Some("EUR".into()),
                counts: Some("fund".into()),
                qualifiers: vec!["last year".into(), "2024".into()],
                ordinal: false,
                start,
                end: start + 3,
                text: "€450 million".into(),
            };
            let claim = Claim {
                id: "c".into(),
                article: "a".into(),
                start: 2,
                end: 2 + sentence.len(),
                text: sentence.to_string(),
                quantities: vec![q.clone()],
                dates: vec![],
                entities: vec![],
                local_entities: vec![],
                asserted_by: crate::model::Assertion::Article,
                polarity: vec![],
                clauses: vec![],
                facts: vec![],
            };
            let k = quantity_key(&claim, &q, None).expect("a key");
            assert_eq!(k.0.time, "last year", "no article date: the relative year stays relative");
        }
    }

    #[test]
    fn values_display() {
        assert_eq!(fmt_value(2000.0, None, ""), "2,000");
        assert_eq!(fmt_value(450e6, None, "EUR"), "€450 million");
        assert_eq!(fmt_value(1.2e6, None, ""), "1.2 million");
        assert_eq!(fmt_value(3.0, None, "hour"), "3 hours");
        assert_eq!(fmt_value(1.0, None, "day"), "1 day");
        assert_eq!(fmt_value(60.0, None, "percent"), "60%");
        assert_eq!(fmt_value(1500.0, Some(2000.0), "tonne"), "1,500 to 2,000 tonnes");
    }
}
