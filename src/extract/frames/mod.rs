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

use crate::lang::{Class, is};
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

/// Tokens a linking verb's subject may stretch back over ("the tax rate for
/// federal, state and local taxes was 45.8 percent").
const SUBJECT_REACH: usize = 12;

/// Zero counts: a clause that says no one was killed is the figure 0 for
/// "people killed", so it can meet "12 people were killed".
fn zero_facts(text: &str, base: usize, toks: &[Token], bounds: &[(usize, usize)], index: usize) -> Vec<Fact> {
    let lx = lexicon();
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if !is(Class::NoneWord, &t.lower) {
            continue;
        }
        let clause = bounds.iter().position(|&(cs, ce)| t.start >= cs && t.start < ce).unwrap_or(0);
        let ce = bounds.get(clause).map_or(base + text.len(), |b| b.1);
        // the next five words of the clause name what did not happen
        let window: Vec<&Token> = toks[k + 1..].iter().take_while(|x| x.end <= ce).take(5).collect();
        let mut predicates: Vec<&str> = Vec::new();
        for w in &window {
            match (lx.predicate_class(&w.lower), lx.head_class(&w.lemma)) {
                (Some(p), _) if is(Class::ZeroPredicate, p) => predicates.push(p),
                (_, Some("casualty")) => predicates.extend(["killed", "injured"]),
                (_, Some("fatality")) => predicates.push("killed"),
                (_, Some("injury")) => predicates.push("injured"),
                _ => {}
            }
        }
        predicates.sort_unstable();
        predicates.dedup();
        let Some(last) = window.iter().rev().find(|w| {
            lx.predicate_class(&w.lower).is_some_and(|p| is(Class::ZeroPredicate, p))
                || lx.head_class(&w.lemma).is_some()
        }) else {
            continue;
        };
        let written = text.get(t.start - base..last.end - base).unwrap_or_default().to_string();
        let context: Vec<String> = window.iter().map(|w| term(&w.lower, &w.lemma)).collect();
        // "no charges have been filed" counts charges, "no one was
        // charged" people
        let counts_charges = window.iter().any(|w| lx.head_class(&w.lemma) == Some("charge"));
        for p in predicates {
            let head = if p == "charged" && counts_charges { "charge" } else { "people" };
            out.push(Fact {
                quantity: index,
                written: Some(written.clone()),
                clause,
                dimension: "count".to_string(),
                value: 0.0,
                lo: 0.0,
                hi: Some(0.0),
                open: false,
                head: Some(head.to_string()),
                predicate: Some(p.to_string()),
                bearing: None,
                reference: None,
                scope: Vec::new(),
                background: false,
                revised: false,
                period: None,
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
        if gap.contains(',') && is(Class::CommaClauseOpener, &w[1].lower) {
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
        if is(Class::Negation, &t.lower) || t.lower.ends_with("n't") {
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
    let terms = terms.into_iter().collect();
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
    // Snowball was a twentieth of the run; a news day repeats a few thousand
    // word forms, so each thread keeps the stems it has made (bounded: the
    // cache starts over past STEM_CACHE forms, so memory stays flat).
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(stem) = cache.get(lower) {
            return stem.clone();
        }
        let stem = STEMMER.with(|st| st.stem(lower).into_owned());
        if cache.len() >= STEM_CACHE {
            cache.clear();
        }
        cache.insert(lower.to_string(), stem.clone());
        stem
    })
}

/// Word forms whose stems a thread keeps.
const STEM_CACHE: usize = 1 << 16;

thread_local! {
    static STEMMER: rust_stemmers::Stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    static STEMS: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> = std::cell::RefCell::default();
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

/// Tokens back from the bracket that the noun phrase of a bracketed amount
/// may take ("grants from the U.S. Department of Energy ($9.3 million)").
const BRACKET_REACH: usize = 10;

/// The figure at tokens `[first, last]` stands alone in brackets: "(" (and
/// maybe a currency sign) right before it, ")" right after it.
fn bracketed(text: &str, base: usize, toks: &[Token], first: usize, last: usize) -> bool {
    let gap = |a: &Token, b: &Token| text.get(a.end - base..b.start - base);
    let (Some(prev), Some(own), Some(end)) =
        (first.checked_sub(1).and_then(|p| toks.get(p)), toks.get(first), toks.get(last))
    else {
        return false;
    };
    let opens =
        gap(prev, own).is_some_and(|g| g.trim_end_matches(|c: char| !c.is_whitespace() && c != '(').trim() == "(");
    let closes = match toks.get(last + 1) {
        Some(next) => gap(end, next).is_some_and(|g| g.trim_start().starts_with(')')),
        None => text.get(end.end - base..).is_some_and(|g| g.trim_start().starts_with(')')),
    };
    opens && closes
}

/// The last token of a bracketed conversion right after the number's last
/// token `last` ("(15 miles)", "(about 40 km)"): a number and at most three
/// words, closed before the clause ends and followed by nothing but space.
fn conversion_end(text: &str, base: usize, toks: &[Token], last: usize, hi_tok: usize) -> Option<usize> {
    let gap = |a: &Token, b: &Token| text.get(a.end - base..b.start - base);
    let open = gap(toks.get(last)?, toks.get(last + 1)?)?;
    if open.trim() != "(" {
        return None;
    }
    let inner = last + 1..=hi_tok.min(last + 4);
    let close =
        inner.clone().find(|&k| toks.get(k + 1).and_then(|n| gap(&toks[k], n)).is_some_and(|g| g.trim() == ")"))?;
    let numbered = (last + 1..=close).any(|k| toks[k].is_number());
    let inside_plain =
        (last + 1..close).all(|k| gap(&toks[k], &toks[k + 1]).is_some_and(|g| g.trim().is_empty() || g.trim() == "."));
    (numbered && inside_plain).then_some(close)
}

/// Where a quantity stands in its sentence: its clause, its own tokens and
/// the words before and after it that describe it (up to punctuation).
struct Window<'s, 't> {
    toks: &'t [Token<'s>],
    clause: usize,
    /// The clause's byte range.
    cs: usize,
    ce: usize,
    /// The quantity's first and last token.
    first: usize,
    last: usize,
    /// The clause's first and last token.
    lo_tok: usize,
    hi_tok: usize,
    before: Vec<&'t Token<'s>>,
    after: Vec<&'t Token<'s>>,
    /// An amount in brackets after a noun phrase, whose words before the
    /// bracket are its window.
    in_brackets: bool,
}

impl<'s, 't> Window<'s, 't> {
    fn new(text: &'s str, base: usize, toks: &'t [Token<'s>], bounds: &[(usize, usize)], q: &Quantity) -> Option<Self> {
        let clause = bounds.iter().position(|&(s, e)| q.start >= s && q.start < e).unwrap_or(0);
        let (cs, ce) = bounds.get(clause).copied().unwrap_or((base, base + text.len()));
        let (first, last) = token_range(toks, q.start, q.end)?;
        let lo_tok = toks.iter().position(|t| t.start >= cs).unwrap_or(0);
        let hi_tok = toks.iter().rposition(|t| t.end <= ce).unwrap_or(toks.len().saturating_sub(1));
        // tokens after and before the number, inside the clause, until
        // punctuation; a conversion in brackets right after it ("25 km (15
        // miles) from the border") is the same figure, so the words after it
        // still describe this one
        let resume = conversion_end(text, base, toks, last, hi_tok).unwrap_or(last);
        let mut after: Vec<&Token> = Vec::new();
        for j in resume + 1..=hi_tok.min(resume + 7) {
            let Some(t) = toks.get(j) else { break };
            // the closing bracket of a skipped conversion is no break
            let closes_conversion = j == resume + 1 && resume != last;
            if !closes_conversion && phrase_break(text, base, &toks[j - 1], t) {
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
        // "won grants from the Energy Department ($9.3 million)": an amount in
        // brackets after a noun phrase is that phrase's, so the words before the
        // bracket are its window
        let in_brackets = before.is_empty() && bracketed(text, base, toks, first, last);
        if in_brackets {
            // (a full stop inside one sentence is an abbreviation: "U.S.")
            let stop = |a: &Token, b: &Token| {
                text.get(a.end - base..b.start - base)
                    .is_some_and(|g| g.contains(|c: char| c != '.' && c.is_ascii_punctuation()))
            };
            for j in (lo_tok..first).rev().take(BRACKET_REACH) {
                let Some(t) = toks.get(j) else { break };
                if j + 1 < first && stop(t, &toks[j + 1]) {
                    break;
                }
                before.push(t);
            }
        }
        Some(Window { toks, clause, cs, ce, first, last, lo_tok, hi_tok, before, after, in_brackets })
    }

    /// Whether one of the lemmas `ws` is the quantity's own or right beside it.
    fn near(&self, ws: &[&str]) -> bool {
        self.toks[self.first..=self.last]
            .iter()
            .chain(self.before.iter().take(3).copied())
            .chain(self.after.iter().take(2).copied())
            .any(|t| ws.contains(&&*t.lemma))
    }

    /// The tokens from the clause's start to the quantity.
    fn lead(&self) -> &'t [Token<'s>] {
        &self.toks[self.lo_tok.min(self.first)..self.first]
    }

    /// The clause's tokens.
    fn clause_toks(&self) -> &'t [Token<'s>] {
        let n = self.toks.len();
        &self.toks[self.lo_tok.min(n)..=self.hi_tok.min(n.saturating_sub(1))]
    }
}

/// What the measure of a quantity is about, before the noun fallbacks:
/// `(dimension, head, bearing, reference)`.
struct Measure {
    dimension: String,
    head: Option<String>,
    bearing: Option<f64>,
    reference: Option<String>,
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
    let w = Window::new(text, base, toks, bounds, q)?;
    let factor = q.unit.as_deref().and_then(|u| lexicon().unit(u)).map_or(1.0, |u| u.factor);
    let mut m = measure(&w, q);
    if m.head.is_none() {
        m.head = noun_head(&w, q, &m.dimension);
    }
    let predicate = predicate(&w, m.head.as_deref());
    let scope = scope(&w);
    let background = background(&w, q, dates, published_year);
    let revised = w.clause_toks().iter().any(|t| lexicon().is_revision(&t.lower));
    let context = context(&w, &m);
    let (lo, hi, open) = interval(q, &m.dimension);
    Some(Fact {
        quantity: index,
        written: None,
        clause: w.clause,
        value: q.value * factor,
        lo: lo * factor,
        hi: hi.map(|h| h * factor),
        open,
        dimension: m.dimension,
        head: m.head,
        predicate,
        bearing: m.bearing,
        reference: m.reference,
        scope,
        background,
        revised,
        period: period(&w),
        context,
    })
}

/// The dimension from the unit, and the heads that the measure itself
/// decides: a magnitude, a distance or depth, time elapsed or lasted.
fn measure(w: &Window, q: &Quantity) -> Measure {
    let lx = lexicon();
    let dimension = q.unit.as_deref().and_then(|u| lx.unit(u)).map_or("count", |u| u.dimension).to_string();
    let mut m = Measure { dimension, head: None, bearing: None, reference: None };
    let (before, after) = (&w.before, &w.after);
    let decimal_before_quake =
        q.text.contains('.') && after.first().is_some_and(|t| lx.head_class(&t.lemma) == Some("quake"));
    if m.dimension == "count"
        && q.value < 10.0
        && (w.near(&["magnitude", "measuring", "richter"]) || decimal_before_quake)
    {
        m.dimension = "magnitude".to_string();
        // "a 2.9 aftershock", "two aftershocks, magnitude 2.9 and 2.2"
        let aftershock = after.iter().take(2).any(|t| t.lemma == "aftershock")
            || w.lead().iter().rev().take(6).any(|t| t.lemma == "aftershock");
        m.head = Some(if aftershock { "aftershock" } else { "quake" }.to_string());
    }
    if m.dimension == "length" {
        length(w, &mut m);
    }
    if m.dimension == "duration" && m.head.is_none() {
        // "four months ago", "less than six months after independence": time elapsed since an event
        let ago = after.first().is_some_and(|t| t.lower == "ago");
        let after_event = after.first().is_some_and(|t| t.lower == "after" || t.lower == "since");
        if ago || after_event {
            m.head = Some("elapsed".to_string());
        }
    }
    if m.dimension == "duration" && m.head.is_none() && before.iter().take(3).any(|t| lx.is_lasting(&t.lower)) {
        // "the final session, held at the ministry, lasted close to three
        // hours": what lasted is the nearest noun before the verb, past commas
        m.head = w
            .lead()
            .iter()
            .rev()
            .take(14)
            .find_map(|t| lx.event_noun(&t.lemma).map(|e| lx.head_class(&t.lemma).unwrap_or(e)))
            .map(str::to_string);
    }
    m
}

/// A length is a distance with a bearing and the place it is measured from
/// ("14 miles north-northeast of Healdsburg"), a depth, or a distance away.
fn length(w: &Window, m: &mut Measure) {
    let lx = lexicon();
    let after = &w.after;
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
        m.bearing = lx.bearing(&compound).or(m.bearing).or(lx.bearing(&t.lower));
        j += 1;
        if !after.get(j).is_some_and(|n| n.hyphen_before) {
            break;
        }
    }
    if m.bearing.is_some() {
        m.head = Some("distance".to_string());
        if after.get(j).is_some_and(|t| t.lower == "of" || t.lower == "from") {
            let place: Vec<&str> =
                after[j + 1..].iter().take_while(|t| t.is_capitalized() || t.lower == "the").map(|t| t.text).collect();
            let place: Vec<&str> = place.into_iter().filter(|w| !w.eq_ignore_ascii_case("the")).take(3).collect();
            if !place.is_empty() {
                m.reference = Some(place.join(" ").to_lowercase());
            }
        }
    } else if w.near(&["deep", "depth", "below", "underground"]) {
        m.head = Some("depth".to_string());
    } else if after.iter().take(3).any(|t| t.lower == "away" || t.lower == "from") {
        m.head = Some("distance".to_string());
    }
}

/// The noun a figure counts when the measure named none: inside a
/// compound, after the number, before it, the subject past a linking verb,
/// or the extractor's counted noun.
fn noun_head(w: &Window, q: &Quantity, dimension: &str) -> Option<String> {
    let lx = lexicon();
    let (before, after, toks) = (&w.before, &w.after, w.toks);
    // "a seven-count indictment", "a 31-page report": what is counted is
    // the noun inside the compound, not the one it describes
    if dimension == "count"
        && q.text.contains('-')
        && let Some(h) = q.unit.as_deref().and_then(|u| lx.head_class(&crate::lang::lemma(&u.to_lowercase())))
    {
        return Some(h.to_string());
    }
    let mut head = after.iter().take(3).find_map(|t| lx.head_class(&t.lemma)).map(str::to_string);
    // money is never counted: "$35m in two rounds of funding" is funding
    if dimension.starts_with("money:")
        && let Some(k) = after.iter().take(3).position(|t| lx.head_class(&t.lemma).is_some())
        && after.get(k + 1).is_some_and(|t| t.lower == "of")
        && let Some(h) = after.get(k + 2).and_then(|t| lx.head_class(&t.lemma))
    {
        head = Some(h.to_string());
    }
    if head.is_some() {
        return head;
    }
    let reach = if w.in_brackets { BRACKET_REACH } else { 2 };
    if let Some(h) = before.iter().take(reach).find_map(|t| lx.head_class(&t.lemma)) {
        return Some(h.to_string());
    }
    // "the effective tax rate for federal, state and local taxes was 45.8
    // percent": past a linking verb, the subject's noun (across the commas
    // of its modifiers, never past another figure, predicate, auxiliary or
    // the start of another clause)
    if before.first().is_some_and(|t| crate::lang::is(Class::Copula, &t.lower)) {
        let first = w.first;
        let subject = toks[w.lo_tok.max(first.saturating_sub(SUBJECT_REACH))..first.saturating_sub(1)]
            .iter()
            .rev()
            .take_while(|t| {
                (!t.is_number() || is_year(t.text))
                    && lx.predicate_class(&t.lower).is_none()
                    && !lx.is_clause_opener(&t.lower)
                    && !crate::lang::is(Class::CommaClauseOpener, &t.lower)
            })
            .find_map(|t| lx.head_class(&t.lemma));
        if let Some(h) = subject {
            return Some(h.to_string());
        }
    }
    let c = crate::lang::lemma(&q.counts.as_deref()?.to_lowercase());
    (lx.bearing(&c).is_none() && !lx.is_stopword(&c) && lx.unit(&c).is_none())
        .then(|| lx.head_class(&c).map_or(c.clone(), str::to_string))
}

/// The nearest predicate word after the number, else before it, else the
/// one its head implies.
fn predicate(w: &Window, head: Option<&str>) -> Option<String> {
    let lx = lexicon();
    // "flood-hit towns": the second half of a compound adjective is no predicate
    w.after
        .iter()
        .take(6)
        .chain(w.before.iter().take(4))
        .filter(|t| !t.hyphen_before)
        .find_map(|t| lx.predicate_class(&t.lower))
        .or(match head {
            Some("fatality") => Some("killed"),
            Some("injury") | Some("casualty") => Some("injured"),
            _ => None,
        })
        .map(str::to_string)
}

/// The words that make a figure a part of another: scope words beside it,
/// "also" after a verb, a partitive, the area it is limited to.
fn scope(w: &Window) -> Vec<String> {
    let lx = lexicon();
    let (before, after) = (&w.before, &w.after);
    let mut scope: Vec<String> = Vec::new();
    let window = before.iter().take(3).rev().chain(after.iter().take(4));
    for t in window {
        if lx.is_scope_word(&t.lower) {
            scope.push(t.lower.to_string());
        }
    }
    // "and also got $9.3m": an amount added to one told before it; a
    // bracketed amount takes the verb of its noun phrase ("also won grants
    // from the Energy Department ($9.3 million)")
    let verbs = if w.in_brackets { before.len().saturating_sub(1) } else { 1 };
    if (0..verbs).any(|k| {
        before.get(k + 1).is_some_and(|t| t.lower == ALSO)
            && before.get(k).is_some_and(|v| {
                v.text.chars().all(char::is_lowercase)
                    && !lx.is_stopword(&v.lower)
                    && !is(Class::ReportingVerb, &v.lower)
            })
    }) {
        scope.push(ALSO.to_string());
    }
    // a partitive right after the number: "two of the bombs", "nine of them"
    if let (Some(a), Some(b)) = (after.first(), after.get(1))
        && lx.is_scope_pair(&a.lower, &b.lower)
    {
        scope.push(format!("{} {}", a.lower, b.lower));
    }
    scope.extend(area(w));
    scope.sort();
    scope.dedup();
    scope
}

/// The reporting period the clause gives a figure (`report-periods.tsv`):
/// the number's own ("for the nine months" is itself a period), else one
/// after it behind a preposition with no other number between ("38 cents a
/// share in the third quarter"), else the nearest before it ("For the nine
/// months, the grocer earned $2.10 a share, while third-quarter profit ...").
fn period(w: &Window) -> Option<String> {
    // a reporting period stands near its figure; the reach keeps a clause of
    // thousands of numbers linear
    const REACH: usize = 40;
    let clause = w.clause_toks();
    let clause_start = w.lo_tok.min(w.toks.len());
    let offset = clause_start.max(w.first.saturating_sub(REACH));
    let toks = &clause[(offset - clause_start).min(clause.len())..];
    let toks = &toks[..toks.len().min(w.last + REACH + 1 - offset)];
    let (mut own, mut after, mut before) = (None, None, None);
    let mut k = 0;
    while k < toks.len() {
        if !lexicon().starts_report_period(&toks[k].lower) {
            k += 1;
            continue;
        }
        let found = (1..=3).rev().find_map(|n| {
            let words = toks.get(k..k + n)?;
            let form = words.iter().map(|t| &*t.lower).collect::<Vec<_>>().join(" ");
            lexicon().report_period(&form).map(|p| (n, p))
        });
        let Some((n, p)) = found else {
            k += 1;
            continue;
        };
        let (at, end) = (offset + k, offset + k + n - 1);
        if end < w.first {
            before = Some(p); // the last one before is the nearest
        } else if at <= w.last {
            own = Some(p);
        } else if after.is_none() {
            let between = &w.toks[w.last + 1..at];
            let numbers = between.iter().any(|t| t.text.bytes().any(|b| b.is_ascii_digit()));
            let led = between.iter().rev().take(2).any(|t| matches!(&*t.lower, "in" | "for" | "during" | "over"));
            if !numbers && led {
                after = Some(p);
            }
        }
        k += n;
    }
    own.or(after).or(before).map(str::to_string)
}

/// The area a figure is limited to, anywhere in its clause: "in the hamlet
/// of Osk", "in the Kharkiv region alone", "across the province".
fn area(w: &Window) -> Option<String> {
    let lx = lexicon();
    let (toks, lo_tok) = (w.toks, w.lo_tok.min(w.toks.len()));
    let rest = &toks[lo_tok..(w.hi_tok + 1).min(toks.len()).max(lo_tok)];
    for (k, t) in rest.iter().enumerate() {
        if is(Class::AreaLead, &t.lower) {
            let area = rest[k + 1..].iter().take(3).position(|a| lx.is_area(&a.lemma));
            // "in state taxes", "in county jail": a bare area noun before
            // another noun modifies it and limits nothing
            let modifier = area == Some(0)
                && rest.get(k + 2).is_some_and(|n| n.text.chars().all(char::is_lowercase) && n.lower != "of");
            if let Some(a) = area.filter(|_| !modifier).and_then(|p| rest.get(k + 1 + p)) {
                let whole = t.lower != "in";
                return Some(format!("{} {}", if whole { "across" } else { "in" }, a.lemma));
            }
        }
    }
    None
}

/// Whether the figure is of another time or event: a year other than the
/// article's that dates it, a date of another time next to it, a background
/// word beside it.
fn background(w: &Window, q: &Quantity, dates: &[(usize, bool)], published_year: Option<i32>) -> bool {
    let lx = lexicon();
    let (toks, first, last) = (w.toks, w.first, w.last);
    let clause_toks = w.clause_toks();
    // a year dates the figure only when it stands with the figure's verb
    let anchors = |y: &str| {
        let (from, to) = (first.saturating_sub(ANCHOR_REACH).max(w.lo_tok), (last + ANCHOR_REACH).min(w.hi_tok));
        let at = (from..=to.min(toks.len().saturating_sub(1))).find(|&k| toks[k].text == y);
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
            && year_anchors(toks, w.lo_tok + k, first, last)
    });
    // a date of another time next to the number ("In May, thieves stole £910,000"),
    // not one about something else further along the clause ("… fighting since June")
    let near_from = toks.get(first.saturating_sub(8)).map_or(w.cs, |t| t.start.max(w.cs));
    let near_to = toks.get((last + 8).min(toks.len().saturating_sub(1))).map_or(w.ce, |t| t.end.min(w.ce));
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
    let near = |t: &Token| t.start >= near_from && t.end <= near_to;
    let told = |k: usize| k > 0 && clause_toks.get(k - 1).is_some_and(|p| is(Class::ReportingVerb, &p.lower));
    let background_word =
        clause_toks.iter().enumerate().any(|(k, t)| near(t) && lx.is_background(&t.lower) && !told(k));
    other_year || year_in_clause || other_date || background_word
}

/// The content words around the figure, and for a length what is located
/// or measured.
fn context(w: &Window, m: &Measure) -> Vec<String> {
    let lx = lexicon();
    let reference = m.reference.as_deref();
    let mut context: Vec<String> = w
        .before
        .iter()
        .take(5)
        .chain(w.after.iter().take(6))
        .filter(|t| !t.is_number() && !lx.is_stopword(&t.lower) && t.lower.chars().count() > 1)
        .filter(|t| lx.bearing(&t.lower).is_none() && lx.unit(&t.lemma).is_none() && lx.unit(&t.lower).is_none())
        .filter(|t| reference.is_none_or(|r| !r.split(' ').any(|w| w == t.lower)))
        .map(|t| term(&t.lower, &t.lemma))
        .collect();
    if m.dimension == "length" {
        // what is located or measured: the words before the number, across a
        // comma ("the building, about 15 miles north"), and the things the
        // clause names ("the quake", "the camp")
        let subject = w.lead().iter().rev().take(6);
        let named = w.clause_toks().iter().filter_map(|t| lx.head_class(&t.lemma).map(str::to_string));
        context.extend(
            subject
                .filter(|t| !t.is_number() && !lx.is_stopword(&t.lower) && lx.bearing(&t.lower).is_none())
                .map(|t| lx.head_class(&t.lemma).map_or_else(|| t.lemma.to_string(), str::to_string))
                .chain(named)
                .filter(|w| !matches!(w.as_str(), "distance" | "depth")),
        );
    }
    context.sort();
    context.dedup();
    context
}

/// Four digits that read as a year ("for 2014"), not a figure.
fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<i32>().is_ok_and(|y| (1800..=2200).contains(&y))
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
    !between.windows(2).any(|w| matches!(&*w[0].lower, "and" | "but") && lx.is_clause_opener(&w[1].lower))
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
mod tests;
