//! Fact frames: what each quantity of a claim states, typed for the
//! comparison, and the clauses of the claim with their content terms.
//!
//! Runs in extraction, once per claim, on the shared tokenizer
//! ([`crate::lang`]); the comparison reads the frames and never re-reads the
//! text. Word classes come from `data/lexicon/en/`.
//!
//! Rules (each has a unit test below):
//! - **Clauses** end at `;`, a dash, or a comma before a new clause ("but",
//!   "while", "who", "which", "and he"…); a piece shorter than four words stays
//!   with its neighbour.
//! - **Dimension** from the unit (`units.tsv`: km and miles are both `length`,
//!   each currency its own dimension); a number under 10 next to "magnitude",
//!   "measuring" or "Richter" is a `magnitude`; anything else is a `count`.
//! - **Head**: the first head-class noun after the number ("four bombs"),
//!   else one before it ("a toll of 12", "a depth of 1.2 miles"), else the
//!   extractor's counted noun. A length followed by a compass word is a
//!   `distance` with its bearing and the place after "of"/"from"; one with
//!   "deep", "depth" or "below" is a `depth`.
//! - **Predicate**: the nearest predicate word after the number, else before it.
//! - **Scope** ("another", "of them", "seriously") and **background** (a year
//!   other than the article's, "record", "previous") make the fact a part of
//!   another figure or a figure of another event.
//! - **Interval**: exact counts are points (round thousands ±2%); "about" ±7%; "nearly" [0.85v, v];
//!   "more than / at least" open above; "up to / fewer than" [0, v]; a small
//!   whole number of a continuous unit ("one mile") allows ±0.4 of the unit.

use crate::lang::{Token, lexicon, tokenize};
use crate::model::{Approx, Clause, Fact, Quantity};

mod clock;
mod people;
mod weapons;

#[cfg(test)]
use clock::clock;
use clock::clock_fact;
pub use people::{person_facts, point_fact};
use weapons::weapon_facts;

/// Words that open a new clause after a comma.
const CLAUSE_OPENERS: &[&str] =
    &["although", "but", "he", "it", "she", "they", "though", "we", "whereas", "which", "while", "who", "yet"];

/// Negation words of a clause.
const NEGATIONS: &[&str] = &["denied", "never", "no", "none", "not", "nobody", "n't", "without"];

/// Frames and clauses for one claim sentence `text` starting at `start` in the file.
///
/// `dates` are the sentence's date mentions as (start, is of another time
/// than the article's): a date weeks or months away from the publication
/// date places the clause's figures on another event. `times` are the spans
/// of its times of day.
pub fn frame(
    text: &str,
    start: usize,
    quantities: &[Quantity],
    dates: &[(usize, bool)],
    times: &[(usize, usize)],
    published_year: Option<i32>,
) -> (Vec<Clause>, Vec<Fact>) {
    let toks = tokenize(text, start);
    let bounds = clause_bounds(text, start, &toks);
    let clauses: Vec<Clause> = bounds.iter().map(|&(s, e)| clause(text, start, &toks, s, e)).collect();
    let mut facts: Vec<Fact> = Vec::new();
    // "If an application needs two servers, …": a supposed case, not a fact
    if toks.first().is_some_and(|t| lexicon().is_conditional(&t.lower)) {
        return (clauses, facts);
    }
    for (i, q) in quantities.iter().enumerate() {
        if i > 0 && conversion(text, start, &quantities[i - 1], q) {
            continue; // "10 miles (16 km)": the same figure in another unit
        }
        facts.extend(fact(text, start, &toks, &bounds, i, q, dates, published_year));
    }
    facts.extend(zero_facts(text, start, &toks, &bounds, quantities.len()));
    facts.extend(weapon_facts(text, start, &toks, &bounds, dates, quantities.len()));
    for &(s, e) in times {
        if let Some(mut f) = clock_fact(text, start, &toks, &bounds, quantities.len(), s, e) {
            // the time of another day's event ("in May, at 3 p.m.")
            let (cs, ce) = bounds.get(f.clause).copied().unwrap_or((start, start + text.len()));
            f.background = dates.iter().any(|&(d, other)| other && d >= cs && d < ce);
            facts.push(f);
        }
    }
    (clauses, facts)
}

/// The predicate of a time of day next to a word for the incident itself.
pub const INCIDENT: &str = "incident";

/// The scope marker of an addition ("also raised $5m"): it may agree with
/// the same figure told without it, never conflict with another.
pub const ALSO: &str = "also";

/// Reporting verbs: a background word or a day right after one dates the
/// telling ("said earlier", "said Thursday").
pub const REPORTING: &[&str] = &["announced", "reported", "said", "stated", "told"];

/// Words that say none of something happened: "no one was killed", "there
/// were no casualties", "no dead or wounded".
const NONE_WORDS: &[&str] = &["no", "nobody", "none"];

/// Predicates a "none" clause gives a zero figure for, and the classes a
/// casualty noun stands for.
const ZERO_PREDICATES: &[&str] = &["killed", "injured", "missing", "arrested", "evacuated", "hospitalized"];

/// Zero counts: a clause that says no one was killed is the figure 0 for
/// "people killed", so it can meet "12 people were killed".
fn zero_facts(text: &str, base: usize, toks: &[Token], bounds: &[(usize, usize)], index: usize) -> Vec<Fact> {
    let lx = lexicon();
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if !NONE_WORDS.contains(&t.lower.as_str()) {
            continue;
        }
        let clause = bounds.iter().position(|&(cs, ce)| t.start >= cs && t.start < ce).unwrap_or(0);
        let ce = bounds.get(clause).map_or(base + text.len(), |b| b.1);
        // the next five words of the clause name what did not happen
        let window: Vec<&Token> = toks[k + 1..].iter().take_while(|x| x.end <= ce).take(5).collect();
        let mut predicates: Vec<&str> = Vec::new();
        for w in &window {
            match (lx.predicate_class(&w.lower), lx.head_class(&w.lemma)) {
                (Some(p), _) if ZERO_PREDICATES.contains(&p) => predicates.push(p),
                (_, Some("casualty")) => predicates.extend(["killed", "injured"]),
                (_, Some("fatality")) => predicates.push("killed"),
                (_, Some("injury")) => predicates.push("injured"),
                _ => {}
            }
        }
        predicates.sort_unstable();
        predicates.dedup();
        let Some(last) = window.iter().rev().find(|w| {
            lx.predicate_class(&w.lower).is_some_and(|p| ZERO_PREDICATES.contains(&p))
                || lx.head_class(&w.lemma).is_some()
        }) else {
            continue;
        };
        let written = text.get(t.start - base..last.end - base).unwrap_or_default().to_string();
        let context: Vec<String> = window.iter().map(|w| term(&w.lower, &w.lemma)).collect();
        for p in predicates {
            out.push(Fact {
                quantity: index,
                written: Some(written.clone()),
                clause,
                dimension: "count".to_string(),
                value: 0.0,
                lo: 0.0,
                hi: Some(0.0),
                open: false,
                head: Some("people".to_string()),
                predicate: Some(p.to_string()),
                bearing: None,
                reference: None,
                scope: Vec::new(),
                background: false,
                revised: false,
                context: context.clone(),
            });
        }
    }
    out
}

/// `b` restates `a` in another unit, in parentheses right after it.
fn conversion(text: &str, base: usize, a: &Quantity, b: &Quantity) -> bool {
    let gap = text.get(a.end.saturating_sub(base)..b.start.saturating_sub(base)).unwrap_or("");
    gap.trim() == "(" && a.unit.is_some() && b.unit.is_some() && a.unit != b.unit
}

/// Byte ranges (file offsets) of the clauses of a sentence.
fn clause_bounds(text: &str, base: usize, toks: &[Token]) -> Vec<(usize, usize)> {
    let end = base + text.len();
    let mut cuts: Vec<usize> = Vec::new();
    for (i, c) in text.char_indices() {
        if matches!(c, ';' | '—' | '–') {
            cuts.push(base + i);
        }
    }
    for w in toks.windows(2) {
        let gap = &text[w[0].end - base..w[1].start - base];
        if gap.contains(',') && CLAUSE_OPENERS.contains(&w[1].lower.as_str()) {
            cuts.push(w[1].start);
        }
    }
    cuts.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut from = base;
    for cut in cuts.into_iter().chain(std::iter::once(end)) {
        if cut <= from {
            continue;
        }
        let words = toks.iter().filter(|t| t.start >= from && t.end <= cut).count();
        match out.last_mut() {
            Some(last) if words < 4 => last.1 = cut,
            _ if words < 4 && cut < end => continue,
            _ => out.push((from, cut)),
        }
        from = cut;
    }
    if out.is_empty() {
        out.push((base, end));
    }
    out
}

fn clause(text: &str, base: usize, toks: &[Token], start: usize, end: usize) -> Clause {
    // the clause's text without the separators and spaces around it
    let raw = text.get(start - base..end - base).unwrap_or_default();
    let trimmed = raw.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ';' | '—' | '–' | ','));
    let text_start = start - base + (raw.len() - trimmed.len());
    let text_end = text_start + trimmed.trim_end().len();
    let lx = lexicon();
    let inside = toks.iter().filter(|t| t.start >= start && t.end <= end);
    let mut terms: Vec<String> = Vec::new();
    let mut negated = false;
    let mut bearings = Vec::new();
    for t in inside {
        if NEGATIONS.contains(&t.lower.as_str()) || t.lower.ends_with("n't") {
            negated = true;
        }
        if let Some(b) = lx.bearing(&t.lower) {
            bearings.push(b);
        }
        if t.is_number() {
            terms.push(format!("#{}", t.lower.replace(',', "")));
        } else if !lx.is_stopword(&t.lower) && t.lower.chars().count() > 1 {
            terms.push(term(&t.lower, &t.lemma));
        }
    }
    terms.sort();
    terms.dedup();
    let lead = text_start - (start - base);
    let tail = (end - base) - text_end;
    Clause {
        start: start + lead,
        end: end - tail,
        text_start,
        text_end,
        terms,
        negated,
        bearings,
        located_at: Vec::new(),
    }
}

/// The comparable form of a content word: its predicate or head class when
/// the lexicon has one ("died" and "killed" meet), else its Snowball stem
/// ("arrested" and "arrest" meet).
fn term(lower: &str, lemma: &str) -> String {
    let lx = lexicon();
    if let Some(c) = lx.predicate_class(lower) {
        return c.to_string();
    }
    if let Some(c) = lx.head_class(lemma) {
        return c.to_string();
    }
    STEMMER.with(|st| st.stem(lower).into_owned())
}

thread_local! {
    static STEMMER: rust_stemmers::Stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
}

/// Token indices `[first, last]` covering `[s, e)`.
fn token_range(toks: &[Token], s: usize, e: usize) -> Option<(usize, usize)> {
    let first = toks.iter().position(|t| t.end > s)?;
    let last = toks.iter().rposition(|t| t.start < e)?;
    (first <= last).then_some((first, last))
}

/// Punctuation between two tokens ends a phrase; a hyphen, an apostrophe or
/// a currency sign ("a pledge of €450 million") does not.
fn phrase_break(text: &str, base: usize, a: &Token, b: &Token) -> bool {
    text.get(a.end - base..b.start - base).is_some_and(|g| {
        g.chars().any(|c| {
            matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '[' | ']' | '"' | '“' | '”' | '—' | '–')
        })
    })
}

#[allow(clippy::too_many_arguments)] // the sentence, its tokens and clauses, and the quantity's own facts
fn fact(
    text: &str,
    base: usize,
    toks: &[Token],
    bounds: &[(usize, usize)],
    index: usize,
    q: &Quantity,
    dates: &[(usize, bool)],
    published_year: Option<i32>,
) -> Option<Fact> {
    if q.ordinal || !q.value.is_finite() || q.value < 0.0 {
        return None;
    }
    let lx = lexicon();
    let clause = bounds.iter().position(|&(s, e)| q.start >= s && q.start < e).unwrap_or(0);
    let (cs, ce) = bounds.get(clause).copied().unwrap_or((base, base + text.len()));
    let (first, last) = token_range(toks, q.start, q.end)?;
    let lo_tok = toks.iter().position(|t| t.start >= cs).unwrap_or(0);
    let hi_tok = toks.iter().rposition(|t| t.end <= ce).unwrap_or(toks.len().saturating_sub(1));
    // tokens after and before the number, inside the clause, until punctuation
    let mut after: Vec<&Token> = Vec::new();
    for j in last + 1..=hi_tok.min(last + 7) {
        let Some(t) = toks.get(j) else { break };
        if phrase_break(text, base, &toks[j - 1], t) {
            break;
        }
        after.push(t);
    }
    let mut before: Vec<&Token> = Vec::new();
    for j in (lo_tok..first).rev().take(5) {
        let Some(t) = toks.get(j) else { break };
        if phrase_break(text, base, t, &toks[j + 1]) {
            break;
        }
        before.push(t);
    }
    let own: Vec<&Token> = toks[first..=last].iter().collect();
    let near = |ws: &[&str]| {
        own.iter().chain(before.iter().take(3)).chain(after.iter().take(2)).any(|t| ws.contains(&t.lemma.as_str()))
    };

    let unit = q.unit.as_deref().and_then(|u| lx.unit(u));
    let (mut dimension, factor) = match unit {
        Some(u) => (u.dimension.to_string(), u.factor),
        None => ("count".to_string(), 1.0),
    };
    let mut head: Option<String> = None;
    let mut bearing = None;
    let mut reference = None;
    let decimal_before_quake =
        q.text.contains('.') && after.first().is_some_and(|t| lx.head_class(&t.lemma) == Some("quake"));
    if dimension == "count" && q.value < 10.0 && (near(&["magnitude", "measuring", "richter"]) || decimal_before_quake)
    {
        dimension = "magnitude".to_string();
        // "a 2.9 aftershock", "two aftershocks, magnitude 2.9 and 2.2"
        let aftershock = after.iter().take(2).any(|t| t.lemma == "aftershock")
            || toks[lo_tok.min(first)..first].iter().rev().take(6).any(|t| t.lemma == "aftershock");
        head = Some(if aftershock { "aftershock" } else { "quake" }.to_string());
    }
    if dimension == "length" {
        let skip_unit = after.iter().position(|t| lx.unit(&t.lemma).is_some() || lx.unit(&t.lower).is_some());
        let from = skip_unit.map_or(0, |p| p + 1);
        // "14 miles north-northeast of Healdsburg": the last compass word of a hyphen chain
        let mut j = from;
        let mut compound = String::new();
        while let Some(t) = after.get(j) {
            if lx.bearing(&t.lower).is_none() {
                break;
            }
            if !compound.is_empty() {
                compound.push('-');
            }
            compound.push_str(&t.lower);
            bearing = lx.bearing(&compound).or(bearing).or(lx.bearing(&t.lower));
            j += 1;
            if !after.get(j).is_some_and(|n| n.hyphen_before) {
                break;
            }
        }
        if bearing.is_some() {
            head = Some("distance".to_string());
            if after.get(j).is_some_and(|t| t.lower == "of" || t.lower == "from") {
                let place: Vec<&str> = after[j + 1..]
                    .iter()
                    .take_while(|t| t.is_capitalized() || t.lower == "the")
                    .map(|t| t.text)
                    .collect();
                let place: Vec<&str> = place.into_iter().filter(|w| !w.eq_ignore_ascii_case("the")).take(3).collect();
                if !place.is_empty() {
                    reference = Some(place.join(" ").to_lowercase());
                }
            }
        } else if near(&["deep", "depth", "below", "underground"]) {
            head = Some("depth".to_string());
        } else if after.iter().take(3).any(|t| t.lower == "away" || t.lower == "from") {
            head = Some("distance".to_string());
        }
    }
    if dimension == "duration" && head.is_none() {
        // "four months ago", "less than six months after independence": time elapsed since an event
        let ago = after.first().is_some_and(|t| t.lower == "ago");
        let after_event = after.first().is_some_and(|t| t.lower == "after" || t.lower == "since");
        if ago || after_event {
            head = Some("elapsed".to_string());
        }
    }
    if dimension == "duration" && head.is_none() && before.iter().take(3).any(|t| lx.is_lasting(&t.lower)) {
        // "the final session, held at the ministry, lasted close to three
        // hours": what lasted is the nearest noun before the verb, past commas
        head = toks[lo_tok.min(first)..first]
            .iter()
            .rev()
            .take(14)
            .find_map(|t| lx.event_noun(&t.lemma).map(|e| lx.head_class(&t.lemma).unwrap_or(e)))
            .map(str::to_string);
    }
    if head.is_none() {
        head = after.iter().take(3).find_map(|t| lx.head_class(&t.lemma)).map(str::to_string);
        // money is never counted: "$35m in two rounds of funding" is funding
        if dimension.starts_with("money:")
            && let Some(k) = after.iter().take(3).position(|t| lx.head_class(&t.lemma).is_some())
            && after.get(k + 1).is_some_and(|t| t.lower == "of")
            && let Some(h) = after.get(k + 2).and_then(|t| lx.head_class(&t.lemma))
        {
            head = Some(h.to_string());
        }
    }
    if head.is_none() {
        head = before.iter().take(2).find_map(|t| lx.head_class(&t.lemma)).map(str::to_string);
    }
    if head.is_none()
        && let Some(c) = q.counts.as_deref()
    {
        let c = crate::lang::lemma(&c.to_lowercase());
        if lx.bearing(&c).is_none() && !lx.is_stopword(&c) && lx.unit(&c).is_none() {
            head = Some(lx.head_class(&c).map_or(c, str::to_string));
        }
    }
    // "flood-hit towns": the second half of a compound adjective is no predicate
    let predicate = after
        .iter()
        .take(6)
        .chain(before.iter().take(4))
        .filter(|t| !t.hyphen_before)
        .find_map(|t| lx.predicate_class(&t.lower))
        .or(match head.as_deref() {
            Some("fatality") => Some("killed"),
            Some("injury") | Some("casualty") => Some("injured"),
            _ => None,
        })
        .map(str::to_string);

    let mut scope: Vec<String> = Vec::new();
    let window: Vec<&Token> = before.iter().take(3).rev().copied().chain(after.iter().take(4).copied()).collect();
    for t in &window {
        if lx.is_scope_word(&t.lower) {
            scope.push(t.lower.clone());
        }
    }
    // "and also got $9.3m": an amount added to one told before it
    if before.get(1).is_some_and(|t| t.lower == ALSO)
        && before.first().is_some_and(|v| {
            v.text.chars().all(char::is_lowercase)
                && !lx.is_stopword(&v.lower)
                && !REPORTING.contains(&v.lower.as_str())
        })
    {
        scope.push(ALSO.to_string());
    }
    // a partitive right after the number: "two of the bombs", "nine of them"
    if let (Some(a), Some(b)) = (after.first(), after.get(1))
        && lx.is_scope_pair(&a.lower, &b.lower)
    {
        scope.push(format!("{} {}", a.lower, b.lower));
    }
    // the area a figure is limited to, anywhere in its clause: "in the hamlet
    // of Osk", "in the Kharkiv region alone", "across the province"
    let rest = &toks[lo_tok.min(toks.len())..(hi_tok + 1).min(toks.len()).max(lo_tok.min(toks.len()))];
    for (k, t) in rest.iter().enumerate() {
        if matches!(t.lower.as_str(), "in" | "across" | "throughout" | "statewide" | "nationwide") {
            let area = rest[k + 1..].iter().take(3).find(|a| lx.is_area(&a.lemma));
            if let Some(a) = area {
                let whole = t.lower != "in";
                scope.push(format!("{} {}", if whole { "across" } else { "in" }, a.lemma));
                break;
            }
        }
    }
    scope.sort();
    scope.dedup();

    let clause_toks = &toks[lo_tok.min(toks.len())..=hi_tok.min(toks.len().saturating_sub(1))];
    // a year dates the figure only when it stands with the figure's verb
    let anchors = |w: &str| {
        let (from, to) = (first.saturating_sub(ANCHOR_REACH).max(lo_tok), (last + ANCHOR_REACH).min(hi_tok));
        let at = (from..=to.min(toks.len().saturating_sub(1))).find(|&k| toks[k].text == w);
        at.is_none_or(|y| year_anchors(toks, y, first, last))
    };
    let other_year = q
        .qualifiers
        .iter()
        .filter_map(|w| w.parse::<i32>().ok().map(|y| (w, y)))
        .any(|(w, y)| (1800..=2200).contains(&y) && published_year.is_some_and(|p| p != y) && anchors(w));
    let year_in_clause = clause_toks.iter().enumerate().any(|(k, t)| {
        t.text.len() == 4
            && t.text.parse::<i32>().is_ok_and(|y| (1800..=2200).contains(&y) && published_year != Some(y))
            && !(t.start >= q.start && t.end <= q.end)
            && year_anchors(toks, lo_tok + k, first, last)
    });
    // a date of another time next to the number ("In May, thieves stole £910,000"),
    // not one about something else further along the clause ("… fighting since June")
    let near_from = toks.get(first.saturating_sub(8)).map_or(cs, |t| t.start.max(cs));
    let near_to = toks.get((last + 8).min(toks.len().saturating_sub(1))).map_or(ce, |t| t.end.min(ce));
    let other_date = dates.iter().any(|d| {
        d.1 && d.0 >= near_from
            && d.0 < near_to
            && Some(toks.partition_point(|t| t.start < d.0))
                .filter(|&y| y < toks.len())
                .is_none_or(|y| year_anchors(toks, y, first, last))
    });
    // a background word next to the number ("the previous record of 7.1"),
    // not one about a person further along ("a former aid worker … said four
    // bombs fell") nor the time of the telling ("said earlier that 12 died")
    let near = |t: &&Token| t.start >= near_from && t.end <= near_to;
    let told = |k: usize| k > 0 && clause_toks.get(k - 1).is_some_and(|p| REPORTING.contains(&p.lower.as_str()));
    let background_word =
        clause_toks.iter().enumerate().any(|(k, t)| near(&t) && lx.is_background(&t.lower) && !told(k));
    let background = other_year || year_in_clause || other_date || background_word;
    let revised = clause_toks.iter().any(|t| lx.is_revision(&t.lower));

    let mut context: Vec<String> = before
        .iter()
        .take(5)
        .chain(after.iter().take(6))
        .filter(|t| !t.is_number() && !lx.is_stopword(&t.lower) && t.lower.chars().count() > 1)
        .filter(|t| lx.bearing(&t.lower).is_none() && lx.unit(&t.lemma).is_none() && lx.unit(&t.lower).is_none())
        .filter(|t| reference.as_deref().is_none_or(|r| !r.split(' ').any(|w| w == t.lower)))
        .map(|t| term(&t.lower, &t.lemma))
        .collect();
    if dimension == "length" {
        // what is located or measured: the words before the number, across a
        // comma ("the building, about 15 miles north"), and the things the
        // clause names ("the quake", "the camp")
        let subject = toks[lo_tok.min(first)..first].iter().rev().take(6);
        let named = clause_toks.iter().filter_map(|t| lx.head_class(&t.lemma).map(str::to_string));
        context.extend(
            subject
                .filter(|t| !t.is_number() && !lx.is_stopword(&t.lower) && lx.bearing(&t.lower).is_none())
                .map(|t| lx.head_class(&t.lemma).map_or_else(|| t.lemma.clone(), str::to_string))
                .chain(named)
                .filter(|w| !matches!(w.as_str(), "distance" | "depth")),
        );
    }
    context.sort();
    context.dedup();

    let (lo, hi, open) = interval(q, &dimension);
    Some(Fact {
        quantity: index,
        written: None,
        clause,
        value: q.value * factor,
        lo: lo * factor,
        hi: hi.map(|h| h * factor),
        open,
        dimension,
        head,
        predicate,
        bearing,
        reference,
        scope,
        background,
        revised,
        context,
    })
}

/// Tokens between a year and a figure it may date, at most.
const ANCHOR_REACH: usize = 40;

/// Whether the year at token `y` dates the figure at tokens `[first, last]`.
/// Not when a new predicate stands between them ("founded in 2007 and is
/// backed with $60 million": the year dates the founding), nor when the year
/// ends a name ("the Recovery Act of 2009", "its Class of 2010", but not
/// "March of 2009").
fn year_anchors(toks: &[Token], y: usize, first: usize, last: usize) -> bool {
    let lx = lexicon();
    if y.abs_diff(first).min(y.abs_diff(last)) > ANCHOR_REACH {
        return false; // far along a long clause: about something else
    }
    let named = y >= 2
        && toks[y - 1].lower == "of"
        && toks[y.saturating_sub(4)..y - 1]
            .iter()
            .rev()
            .find(|t| t.text.chars().any(char::is_alphanumeric))
            .is_some_and(|t| t.is_capitalized() && crate::lang::month(&t.lower).is_none());
    if named {
        return false;
    }
    let (from, to) = if y < first { (y + 1, first) } else { (last + 1, y) };
    let between = toks.get(from..to).unwrap_or_default();
    !between.windows(2).any(|w| matches!(w[0].lower.as_str(), "and" | "but") && lx.is_clause_opener(&w[1].lower))
}

/// Dimensions whose whole numbers are often rounded ("one mile" for 1.2).
fn continuous(dimension: &str) -> bool {
    matches!(dimension, "length" | "duration" | "area" | "mass" | "volume" | "speed")
}

/// `(lo, hi, open)` in the quantity's own unit.
fn interval(q: &Quantity, dimension: &str) -> (f64, Option<f64>, bool) {
    let v = q.value;
    if let Some(h) = q.high {
        return (v.min(h), Some(v.max(h)), false);
    }
    match q.approx {
        Approx::Exact if continuous(dimension) && v.fract() == 0.0 && v < 10.0 => {
            ((v - 0.4).max(0.0), Some(v + 0.4), false)
        }
        // whole figures of a measure are often a rounding or a conversion ("15 miles" for 24 km)
        Approx::Exact if continuous(dimension) && v.fract() == 0.0 => (v * 0.95, Some(v * 1.05), false),
        // a round figure ("2,000") is itself a rounding, by a little
        Approx::Exact if v >= 1000.0 && (v % 100.0) == 0.0 => (v * 0.98, Some(v * 1.02), false),
        Approx::Exact => (v, Some(v), false),
        // narrow on purpose: a reporter who means 1,800 writes "about 1,800"
        Approx::About => (v * 0.93, Some(v * 1.07), false),
        Approx::Nearly => (v * 0.85, Some(v), false),
        Approx::AtLeast | Approx::MoreThan => (v, None, true),
        Approx::LessThan | Approx::AtMost => (0.0, Some(v), true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str, word: &str, value: f64, unit: Option<&str>, approx: Approx) -> Quantity {
        let start = text.find(word).expect("word in text");
        Quantity {
            value,
            high: None,
            approx,
            unit: unit.map(str::to_string),
            counts: None,
            qualifiers: Vec::new(),
            ordinal: false,
            start,
            end: start + word.len(),
            text: word.to_string(),
        }
    }

    fn one(text: &str, word: &str, value: f64, unit: Option<&str>, approx: Approx) -> Fact {
        let (_, facts) = frame(text, 0, &[q(text, word, value, unit, approx)], &[], &[], Some(2025));
        facts.into_iter().next().expect("a fact")
    }

    #[test]
    fn magnitude_in_every_wording() {
        for (text, word) in [
            ("A magnitude-6.3 quake struck the island.", "6.3"),
            ("The quake had a magnitude of 5.8, the agency said.", "5.8"),
            ("An earthquake measuring 4.9 rattled the coast.", "4.9"),
        ] {
            let f = one(text, word, word.parse().unwrap_or(0.0), None, Approx::Exact);
            assert_eq!((f.dimension.as_str(), f.head.as_deref()), ("magnitude", Some("quake")), "{text}");
        }
        let f = one("A magnitude 2.9 aftershock followed.", "2.9", 2.9, None, Approx::Exact);
        assert_eq!(f.head.as_deref(), Some("aftershock"));
    }

    #[test]
    fn miles_and_kilometres_share_a_dimension_in_base_units() {
        let km = one(
            "The epicentre lay 900 kilometres south of the capital.",
            "900 kilometres",
            900.0,
            Some("km"),
            Approx::Exact,
        );
        let mi = one(
            "It was about 450 miles southeast of the capital.",
            "about 450 miles",
            450.0,
            Some("mile"),
            Approx::About,
        );
        assert_eq!(km.dimension, mi.dimension);
        assert!((mi.value - 724.2).abs() < 0.1);
        assert_eq!((km.head.as_deref(), km.bearing, km.reference.as_deref()), (Some("distance"), Some(180.0), None));
        assert_eq!(mi.bearing, Some(135.0));
    }

    #[test]
    fn a_distance_keeps_its_bearing_and_reference_place() {
        let f = one(
            "The quake hit about 14 miles north-northeast of Healdsburg.",
            "about 14 miles",
            14.0,
            Some("mile"),
            Approx::About,
        );
        assert_eq!(f.bearing, Some(22.5));
        assert_eq!(f.reference.as_deref(), Some("healdsburg"));
        let d = one("It had a depth of 1.2 miles.", "1.2 miles", 1.2, Some("mile"), Approx::Exact);
        assert_eq!(d.head.as_deref(), Some("depth"));
    }

    #[test]
    fn head_and_predicate_from_either_side() {
        let f = one("Police said four bombs were dropped on the camp.", "four", 4.0, None, Approx::Exact);
        assert_eq!((f.head.as_deref(), f.predicate.as_deref()), (Some("bomb"), Some("dropped")));
        let f = one("The attack left more than 300 people injured.", "more than 300", 300.0, None, Approx::MoreThan);
        assert_eq!(
            (f.head.as_deref(), f.predicate.as_deref(), f.open, f.hi),
            (Some("people"), Some("injured"), true, None)
        );
        let f = one("The death toll reached 12 and was revised on Friday.", "12", 12.0, None, Approx::Exact);
        assert_eq!((f.head.as_deref(), f.predicate.as_deref(), f.revised), (Some("fatality"), Some("killed"), true));
    }

    #[test]
    fn scope_and_background_markers() {
        let f = one("Another two people were killed in the north.", "two", 2.0, None, Approx::Exact);
        assert_eq!(f.scope, ["another"]);
        let f = one("Nine others were trapped under the rubble.", "Nine", 9.0, None, Approx::Exact);
        assert_eq!(f.scope, ["others"]);
        let f = one("The largest quake there measured 4.5.", "4.5", 4.5, None, Approx::Exact);
        assert!(f.background);
        let f = one("Four people died.", "Four", 4.0, None, Approx::Exact);
        assert!(f.scope.is_empty() && !f.background);
        let text = "Omar Reyes, a former teacher who now runs a relief group in the valley, said that aid workers had told him four bombs were dropped.";
        let f = one(text, "four", 4.0, None, Approx::Exact);
        assert!(!f.background, "'former' is about the man, far from the figure");
        let f = one("The mayor said earlier that 12 people were killed.", "12", 12.0, None, Approx::Exact);
        assert!(!f.background, "'said earlier' dates the telling, not the deaths");
        let f = one("The previous record of 7.1 stood for a century.", "7.1", 7.1, None, Approx::Exact);
        assert!(f.background);
    }

    #[test]
    fn a_decimal_before_a_quake_noun_is_a_magnitude() {
        let f = one("A 4.4 quake is large for the area.", "4.4", 4.4, None, Approx::Exact);
        assert_eq!(f.dimension, "magnitude");
        let f = one("Four quakes followed.", "Four", 4.0, None, Approx::Exact);
        assert_eq!(f.dimension, "count");
    }

    #[test]
    fn a_figure_limited_to_an_area_is_scoped() {
        let f = one("Twenty-five houses were damaged in the hamlet of Osk.", "Twenty-five", 25.0, None, Approx::Exact);
        assert_eq!(f.scope, ["in hamlet"]);
        let f = one(
            "More than 300 houses across the province were damaged.",
            "More than 300",
            300.0,
            None,
            Approx::MoreThan,
        );
        assert_eq!(f.scope, ["across province"]);
        let f = one("Four people died in the attack.", "Four", 4.0, None, Approx::Exact);
        assert!(f.scope.is_empty());
    }

    #[test]
    fn partitives_years_and_other_dates_mark_the_fact() {
        let f = one("Two of the bombs fell within the camp.", "Two", 2.0, None, Approx::Exact);
        assert_eq!(f.scope, ["of the"]);
        let f =
            one("Some 2 million people died in the war waged since 1955.", "Some 2 million", 2e6, None, Approx::About);
        assert!(f.background, "a year other than the article's");
        let text = "In February, a gunman killed five people.";
        let five = q(text, "five", 5.0, None, Approx::Exact);
        let (_, facts) = frame(text, 0, &[five], &[(3, true)], &[], Some(2025));
        assert!(facts[0].background, "a date months before the article");
    }

    #[test]
    fn a_year_dates_only_the_figure_of_its_own_verb() {
        let text = "The start-up was set up in 2014 and is backed with $40 million in funding.";
        let f = one(text, "$40 million", 4e7, Some("USD"), Approx::Exact);
        assert!(!f.background, "2014 dates the founding, not the funding");
        assert_eq!(f.head.as_deref(), Some("fund"));
        let text = "It won $2m in grants under the Clean Water Act of 2015.";
        let f = one(text, "$2m", 2e6, Some("USD"), Approx::Exact);
        assert!(!f.background, "a year that ends a law's name dates nothing");
        let text = "The firm raised $40 million in 2014.";
        assert!(one(text, "$40 million", 4e7, Some("USD"), Approx::Exact).background);
        let text = "Exports fell by $3 million in March of 2014.";
        assert!(one(text, "$3 million", 3e6, Some("USD"), Approx::Exact).background, "a month is no name");
    }

    #[test]
    fn also_before_the_verb_marks_an_addition_but_not_after_a_reporting_verb() {
        let f = one("The firm also received $3m from the city.", "$3m", 3e6, Some("USD"), Approx::Exact);
        assert_eq!(f.scope, [ALSO]);
        let f = one("Police also said 12 people died.", "12", 12.0, None, Approx::Exact);
        assert!(f.scope.is_empty(), "{:?}", f.scope);
    }

    #[test]
    fn a_sentence_told_as_a_condition_has_no_facts() {
        let text = "If a depot needs two pumps, the system sends two pumps.";
        let (_, facts) = frame(text, 0, &[q(text, "two", 2.0, None, Approx::Exact)], &[], &[], Some(2025));
        assert!(facts.is_empty(), "{facts:?}");
        let text = "Two pumps failed if the logs are right.";
        let (_, facts) = frame(text, 0, &[q(text, "Two", 2.0, None, Approx::Exact)], &[], &[], Some(2025));
        assert_eq!(facts.len(), 1, "only a sentence opening on the condition");
    }

    #[test]
    fn money_in_rounds_of_something_is_that_something() {
        let text = "The company raised $12m in three rounds of funding.";
        let f = one(text, "$12m", 1.2e7, Some("USD"), Approx::Exact);
        assert_eq!(f.head.as_deref(), Some("fund"));
    }

    #[test]
    fn a_unit_conversion_in_parentheses_is_one_figure() {
        let text = "The camp lies 10 miles (16 kilometres) south of the border.";
        let a = q(text, "10 miles", 10.0, Some("mile"), Approx::Exact);
        let b = q(text, "16 kilometres", 16.0, Some("km"), Approx::Exact);
        let (_, facts) = frame(text, 0, &[a, b], &[], &[], None);
        assert_eq!(facts.len(), 1);
        assert!(facts[0].lo < 16.0 && facts[0].hi.unwrap_or(0.0) > 16.0, "10 miles and 16 km agree");
    }

    #[test]
    fn times_of_day_with_their_zone_and_approximation() {
        assert_eq!(clock("2:53 p.m. local time"), Some((893.0, "local")));
        assert_eq!(clock("1200 GMT"), Some((720.0, "utc")));
        assert_eq!(clock("10am"), Some((600.0, "")));
        assert_eq!(clock("12:15 a.m."), Some((15.0, "")));
        assert_eq!(clock("10"), None);
        let text = "The gunman opened fire around 10:30 a.m. on Monday.";
        let s = text.find("10:30").unwrap_or(0);
        let (_, facts) = frame(text, 0, &[], &[], &[(s, s + 10)], None);
        let f = &facts[0];
        assert_eq!(
            (f.dimension.as_str(), f.lo, f.hi, f.written.as_deref()),
            ("time", 618.0, Some(642.0), Some("10:30 a.m."))
        );
        assert_eq!(f.predicate.as_deref(), Some(INCIDENT));
    }

    fn time_fact(text: &str, written: &str) -> Fact {
        let s = text.find(written).unwrap_or(0);
        let (_, facts) = frame(text, 0, &[], &[], &[(s, s + written.len())], None);
        facts.into_iter().next().unwrap_or_else(|| panic!("no time fact in {text:?}"))
    }

    #[test]
    fn the_incident_time_is_one_fact_however_it_is_worded() {
        let a = time_fact("Witnesses heard three explosions at 3 p.m. near the market.", "3 p.m.");
        let b = time_fact("Planes dropped four bombs at 3:20 p.m., the charity said.", "3:20 p.m.");
        let c = time_fact("The village was attacked at 2:53 p.m. local time.", "2:53 p.m. local time");
        for f in [&a, &b, &c] {
            assert_eq!((f.dimension.as_str(), f.predicate.as_deref()), ("time", Some(INCIDENT)), "{f:?}");
        }
        // a whole hour is often rounded: 3 p.m. takes in 2:53 but not 3:20
        assert!(a.lo <= c.value && c.value <= a.hi.unwrap_or(0.0));
        assert!(a.hi.unwrap_or(0.0) < b.lo);
        // a time of something else keeps what happened then
        let d = time_fact("About 400 residents were evacuated at 9:40 a.m. on Sunday.", "9:40 a.m.");
        assert_eq!(d.predicate.as_deref(), Some("evacuated"));
    }

    #[test]
    fn a_duration_after_lasted_belongs_to_what_lasted() {
        let text = "The closing session, held at the old town hall, lasted close to three hours.";
        let f = one(text, "close to three hours", 3.0, Some("hour"), Approx::About);
        assert_eq!((f.dimension.as_str(), f.head.as_deref()), ("duration", Some("meeting")));
        let f = one(
            "A closed-door meeting that ran for some three hours ended the day.",
            "some three hours",
            3.0,
            Some("hour"),
            Approx::About,
        );
        assert_eq!(f.head.as_deref(), Some("meeting"));
        let f = one("The session was held up for three hours.", "three hours", 3.0, Some("hour"), Approx::Exact);
        assert_ne!(f.head.as_deref(), Some("meeting"), "no verb of lasting: a delay, not the length");
    }

    #[test]
    fn an_age_beside_a_name_is_that_persons_age() {
        let text =
            "Tomas Greer Jr., 56, of Linden, and Ana Ruiz, aged 47, were charged; Greer, 3 percent richer, left.";
        let (clauses, _) = frame(text, 0, &[], &[], &[], None);
        let at = |n: &'static str, from: usize| {
            let s = text[from..].find(n).map_or(0, |i| i + from);
            (s, s + n.len(), n)
        };
        let persons = [at("Tomas Greer Jr.", 0), at("Ana Ruiz", 0), at("Greer", 40)];
        let ages: Vec<(String, f64)> = person_facts(text, 0, &clauses, &persons, 0)
            .into_iter()
            .map(|f| (f.reference.unwrap_or_default(), f.value))
            .collect();
        assert_eq!(ages, [("greer".to_string(), 56.0), ("ruiz".to_string(), 47.0)], "no age from '3 percent'");
    }

    #[test]
    fn party_and_state_after_a_name() {
        let text = "Sen. Tomas Greer, R-Ky., met Rep. Ana Ruiz (D-N.Y.) and Lena Holt, Democrat of New Mexico; Ola Berg, R-Texas, and Jan Vik, the R-and-D chief, left.";
        let names = ["Tomas Greer", "Ana Ruiz", "Lena Holt", "Ola Berg", "Jan Vik"];
        let persons: Vec<(usize, usize, &str)> =
            names.iter().map(|n| (text.find(n).unwrap_or(0), text.find(n).unwrap_or(0) + n.len(), *n)).collect();
        let (clauses, _) = frame(text, 0, &[], &[], &[], None);
        let got: Vec<(String, String)> = person_facts(text, 0, &clauses, &persons, 0)
            .into_iter()
            .filter(|f| f.dimension == "affiliation")
            .map(|f| (f.reference.unwrap_or_default(), f.written.unwrap_or_default()))
            .collect();
        let want = [("greer", "R-Ky."), ("ruiz", "D-N.Y."), ("holt", "Democrat of New Mexico"), ("berg", "R-Texas")];
        let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(got, want, "'the R-and-D chief' is no party");
        let greer = person_facts(text, 0, &clauses, &persons[..1], 0);
        let ky = lexicon().us_state("Ky.").map(|s| s.1).unwrap_or(0);
        assert_eq!(greer[0].value, 100.0 + ky as f64);
    }

    #[test]
    fn none_killed_is_a_zero_count() {
        let (_, facts) = frame("Officials said no one was killed or injured in the attack.", 0, &[], &[], &[], None);
        let preds: Vec<(&str, f64)> = facts.iter().map(|f| (f.predicate.as_deref().unwrap_or(""), f.value)).collect();
        assert_eq!(preds, [("injured", 0.0), ("killed", 0.0)]);
        assert_eq!(facts[0].written.as_deref(), Some("no one was killed or injured"));
        let (_, facts) = frame("There were no casualties in the camp.", 0, &[], &[], &[], None);
        assert_eq!(facts.len(), 2);
        let (_, facts) = frame("There was no reason to stay.", 0, &[], &[], &[], None);
        assert!(facts.is_empty());
    }

    #[test]
    fn elapsed_time_since_an_event() {
        let f = one(
            "The country became independent only four months ago.",
            "four months",
            4.0,
            Some("month"),
            Approx::Exact,
        );
        assert_eq!(f.head.as_deref(), Some("elapsed"));
    }

    #[test]
    fn intervals_by_approximation_and_rounding() {
        let f = one("Only one mile below the surface.", "one mile", 1.0, Some("mile"), Approx::Exact);
        assert!(f.lo < 1.2 * 1.609344 && f.hi.unwrap_or(0.0) > 1.2 * 1.609344, "one mile may be 1.2 rounded");
        let f = one("Four bombs fell.", "Four", 4.0, None, Approx::Exact);
        assert_eq!((f.lo, f.hi), (4.0, Some(4.0)), "counts are not rounded");
        let f = one("Nearly 23,000 refugees live there.", "Nearly 23,000", 23000.0, None, Approx::Nearly);
        assert_eq!((f.lo, f.hi), (19550.0, Some(23000.0)));
    }

    #[test]
    fn clauses_split_at_semicolons_dashes_and_new_subjects() {
        let text = "The mayor said the bridge would reopen in May; the engineers on the site disagreed, but they offered no date.";
        let (clauses, _) = frame(text, 0, &[], &[], &[], None);
        let pieces: Vec<&str> = clauses.iter().map(|c| &text[c.start..c.end]).collect();
        assert_eq!(pieces.len(), 3, "{pieces:?}");
        assert!(clauses[2].negated && !clauses[0].negated);
        assert!(clauses[0].terms.iter().any(|t| t.starts_with("bridg")), "stemmed content word");
        // short pieces stay with their neighbour
        let (clauses, _) = frame("Yes; the plan passed without a single objection.", 0, &[], &[], &[], None);
        assert_eq!(clauses.len(), 1);
    }
}
