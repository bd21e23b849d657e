//! Temporal tagger: finds date, time, duration and set expressions in the
//! content sentences of an English news article and gives each a TIMEX3-style
//! value.
//!
//! How it works: each content sentence is split into word, number and
//! punctuation tokens (one lowercase copy of the sentence, no allocation per
//! token). At every token a small hand-written grammar tries the expression
//! shapes below and keeps the longest match; scanning resumes after it.
//!
//! Rules, in short:
//! * Absolute dates (`March 9, 2025`, `9 March 2025`, `2025-03-11`, `June
//!   2019`, `in 2019`, `the 1990s`, `the spring of 2019`, `fiscal 1999`,
//!   centuries) carry their own value and anchor `Absolute`.
//! * Everything else is written as a compact expression (`expr`, see
//!   [`resolve`]) and resolved against the publication date. A bare weekday
//!   is the latest such day on or before the publication date, because news
//!   mostly reports the past; "next", "coming" or a future marker nearby
//!   ("will", "scheduled") turn it forward. A month or month-day without a
//!   year takes the nearest plausible year, past-biased, or the coming one
//!   under a future marker.
//! * Month names that are also words or names (May, March, April, June,
//!   August) count only with a day, a year or a date preposition; a bare year
//!   counts only in a date context ("in 2019", "2019's", "fiscal 2019"), never
//!   as a count ("2,000 people", "2019 people").
//! * Spans keep determiners and modifiers (`the past three months`, `early
//!   next year`, `nearly two years`) and leave out prepositions (`on`, `in`).
//! * Durations are `P3D`, `P2Y`, `PT5H`, `PXY` for an unspecified count;
//!   sets (`every week`, `daily`, `twice a month`) carry the period.
//!
//! TIMEX3 choices where TimeBank's own annotation is inconsistent: a part of
//! a day is always a suffix (`2025-03-14TNI`, kind `time`); weeks are exact
//! ISO weeks, never `WXX`; decades are `199`; "a decade" is `P10Y`; counts
//! stay as written ("the last twenty four hours" is `PT24H`); "recent
//! years" is `PAST_REF`; "a year earlier" takes the granularity of the
//! quarter or month named in that sentence or the two before it (`2024-Q3`).
//! Not tagged: "current" as an adjective, "previously", "soon", a bare "the
//! year"/"the day", and set adverbs used as adjectives ("quarterly dividend").

mod resolve;

pub use resolve::resolve_expr;

use super::Doc;
use crate::model::{Anchor, DateKind, DateMention};

/// Find the time expressions of one article.
pub fn extract(doc: &Doc) -> Vec<DateMention> {
    let mut out = Vec::new();
    // The last quarter or month named, with the sentence it was named in.
    let mut period: Option<(usize, M)> = None;
    for (n, s) in doc.content_sentences() {
        let (Some(text), true) = (doc.text.get(s.start..s.end), s.start <= s.end) else { continue };
        let sent = Sent::new(text);
        // A comparison point ("a year earlier") takes its granularity from a
        // period named in the same or one of the two sentences before.
        let carried = period.as_ref().filter(|(k, _)| n <= k + 2).map(|(_, m)| m.clone());
        let ms = scan(&sent, carried);
        if let Some(p) = ms.iter().rev().find(|m| is_period(m)) {
            period = Some((n, p.clone()));
        }
        for m in ms {
            let (Some(a), Some(b)) = (sent.toks.get(m.start), m.end.checked_sub(1).and_then(|e| sent.toks.get(e)))
            else {
                continue;
            };
            let (start, end) = (s.start + a.s, s.start + b.e);
            let Some(span_text) = doc.text.get(start..end) else { continue };
            let (value, anchor, expr) = match m.val {
                Val::Abs(v) => (Some(v), Anchor::Absolute, None),
                Val::Rel(e) => match doc.published {
                    Some(p) => {
                        let anchor = if doc.anchor == Anchor::Inferred { Anchor::Inferred } else { Anchor::Published };
                        (resolve_expr(&e, p), anchor, Some(e))
                    }
                    None => (None, Anchor::None, Some(e)),
                },
            };
            out.push(DateMention {
                article: doc.id.clone(),
                start,
                end,
                text: span_text.to_string(),
                kind: m.kind,
                value,
                anchor,
                expr,
                rule: m.rule.to_string(),
            });
        }
    }
    out.sort_by_key(|m| (m.start, m.end));
    out
}

// ------------------------------------------------------------------ tokens

#[derive(Debug, Clone, Copy)]
struct Tok {
    /// Byte offsets into the sentence.
    s: usize,
    e: usize,
}

/// A sentence as tokens, with a lowercase copy of its text.
struct Sent<'a> {
    text: &'a str,
    /// ASCII-lowercased copy: same byte offsets as `text`.
    low: String,
    toks: Vec<Tok>,
    /// Token indices of future-tense markers ("will", "'ll", "scheduled").
    future: Vec<usize>,
}

impl<'a> Sent<'a> {
    fn new(text: &'a str) -> Self {
        let low = text.to_ascii_lowercase();
        let mut toks = Vec::with_capacity(text.len() / 4);
        let mut run: Option<usize> = None;
        for (i, c) in text.char_indices() {
            let word_char = if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() };
            if word_char {
                if run.is_none() {
                    run = Some(i);
                }
                continue;
            }
            if let Some(st) = run.take() {
                toks.push(Tok { s: st, e: i });
            }
            if !c.is_whitespace() {
                toks.push(Tok { s: i, e: i + c.len_utf8() });
            }
        }
        if let Some(st) = run {
            toks.push(Tok { s: st, e: text.len() });
        }
        let mut sent = Sent { text, low, toks, future: Vec::new() };
        // "scheduled for Tuesday" looks ahead only in a sentence that is not
        // itself told in the past ("the session, scheduled for Tuesday, was delayed").
        let past_frame = (0..sent.toks.len()).any(|i| matches!(sent.w(i), "was" | "were" | "had"));
        for i in 0..sent.toks.len() {
            let w = sent.w(i);
            let fut = match w {
                "will" | "shall" | "upcoming" => true,
                "scheduled" => !past_frame,
                // "'ll", "won't"
                "ll" => sent.apos(i.wrapping_sub(1)),
                "wo" => sent.apos(i + 1),
                "going" => sent.is(i + 1, "to") && !sent.is(i.wrapping_sub(1), "was"),
                "due" | "expected" | "set" => {
                    sent.is(i + 1, "to") && !sent.is(i.wrapping_sub(1), "was") && !sent.is(i.wrapping_sub(1), "were")
                }
                _ => false,
            };
            if fut {
                sent.future.push(i);
            }
        }
        sent
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    /// Lowercase text of token `i` ("" past the end).
    fn w(&self, i: usize) -> &str {
        self.toks.get(i).and_then(|t| self.low.get(t.s..t.e)).unwrap_or("")
    }

    /// Original text of token `i`.
    fn orig(&self, i: usize) -> &str {
        self.toks.get(i).and_then(|t| self.text.get(t.s..t.e)).unwrap_or("")
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.w(i) == w
    }

    fn any(&self, i: usize, ws: &[&str]) -> bool {
        let t = self.w(i);
        !t.is_empty() && ws.contains(&t)
    }

    /// Token `i` starts with an uppercase letter.
    fn cap(&self, i: usize) -> bool {
        self.orig(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Token `i` follows token `i - 1` with no space between.
    fn glued(&self, i: usize) -> bool {
        i > 0 && matches!((self.toks.get(i - 1), self.toks.get(i)), (Some(a), Some(b)) if a.e == b.s)
    }

    fn apos(&self, i: usize) -> bool {
        matches!(self.w(i), "'" | "\u{2019}")
    }

    /// `'s` at `i` (possessive), as two tokens.
    fn poss(&self, i: usize) -> bool {
        self.apos(i) && self.is(i + 1, "s") && self.glued(i + 1)
    }

    fn digits(&self, i: usize) -> Option<u32> {
        let w = self.w(i);
        if w.is_empty() || w.len() > 9 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        w.parse().ok()
    }

    /// A future-tense marker within the window around tokens `[i, j)`.
    fn future_near(&self, i: usize, j: usize) -> bool {
        self.future.iter().any(|&f| f + 10 >= i && f < j + 6)
    }

    /// A past-tense verb right before the expression at `i` ("announced
    /// Wednesday", "issued on July 1"): it wins over a future marker nearby.
    fn past_verb_before(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 && self.any(k - 1, &["on", "in", "at", "last", "early", "late", "since"]) {
            k -= 1;
        }
        if k == 0 {
            return false;
        }
        let w = self.w(k - 1);
        (w.len() > 4
            && w.ends_with("ed")
            && !matches!(w, "need" | "speed" | "indeed" | "proceed" | "exceed" | "succeed" | "embed"))
            || matches!(
                w,
                "said"
                    | "met"
                    | "was"
                    | "were"
                    | "told"
                    | "began"
                    | "left"
                    | "came"
                    | "went"
                    | "took"
                    | "made"
                    | "held"
                    | "gave"
                    | "found"
                    | "saw"
                    | "rose"
                    | "fell"
                    | "won"
                    | "lost"
                    | "spoke"
                    | "wrote"
                    | "sent"
                    | "paid"
                    | "sold"
                    | "bought"
                    | "led"
                    | "struck"
                    | "hit"
                    | "shot"
                    | "killed"
                    | "died"
                    | "arrived"
                    | "had"
            )
    }

    /// Token `i` ends the previous token's word with a period ("Sept." / "a.m.").
    fn dot(&self, i: usize) -> bool {
        self.is(i, ".") && self.glued(i)
    }
}

// ------------------------------------------------------------------ matches

#[derive(Debug, Clone)]
enum Val {
    Abs(String),
    /// A relative expression, resolved against the anchor.
    Rel(String),
}

#[derive(Debug, Clone)]
struct M {
    start: usize,
    /// Token index after the match.
    end: usize,
    kind: DateKind,
    val: Val,
    rule: &'static str,
}

fn mk(start: usize, end: usize, kind: DateKind, val: Val, rule: &'static str) -> Option<M> {
    Some(M { start, end, kind, val, rule })
}

fn abs(s: impl Into<String>) -> Val {
    Val::Abs(s.into())
}

fn rel(s: impl Into<String>) -> Val {
    Val::Rel(s.into())
}

/// All expressions of a sentence, left to right, longest first at each token.
fn scan(s: &Sent, mut period: Option<M>) -> Vec<M> {
    let mut out: Vec<M> = Vec::new();
    let mut i = 0;
    while i < s.len() {
        // Cheap filter: expressions start with a letter or digit.
        let first = s.w(i).as_bytes().first().copied().unwrap_or(b' ');
        if !first.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        match at(s, i) {
            Some(mut m) if m.end > i => {
                i = m.end;
                inherit_granularity(period.as_ref(), &mut m);
                if is_period(&m) {
                    period = Some(m.clone());
                }
                out.push(m);
            }
            _ => i += 1,
        }
    }
    out
}

/// "Profit in the third quarter rose from $5 million a year earlier": the
/// comparison point has the granularity of the period named before it in the
/// sentence, so it is that quarter (or month) a year before.
fn inherit_granularity(period: Option<&M>, m: &mut M) {
    if !matches!(m.rule, "ago" | "year-earlier") || !matches!(&m.val, Val::Rel(e) if e == "year:-1") {
        return;
    }
    let Some(p) = period else { return };
    let val = match &p.val {
        Val::Abs(v) if v.len() == 7 => {
            v.get(..4).and_then(|y| y.parse::<i64>().ok()).map(|y| abs(format!("{:04}{}", y - 1, &v[4..])))
        }
        Val::Rel(e) if !e.contains('@') && !e.contains(">Y") => Some(rel(format!("{e}>Y-1"))),
        _ => None,
    };
    if let Some(v) = val {
        m.val = v;
    }
}

/// A quarter or a month: a period that later comparison points refer to.
fn is_period(m: &M) -> bool {
    matches!(m.rule, "quarter" | "month" | "month-year" | "month-rel" | "month-rel-year")
}

fn longest(cands: impl IntoIterator<Item = Option<M>>) -> Option<M> {
    let mut best: Option<M> = None;
    for m in cands.into_iter().flatten() {
        if best.as_ref().is_none_or(|b| m.end > b.end) {
            best = Some(m);
        }
    }
    best
}

/// The longest expression starting at token `i`, with its modifiers.
fn at(s: &Sent, i: usize) -> Option<M> {
    let w = s.w(i);
    let digit = w.as_bytes().first().is_some_and(u8::is_ascii_digit);
    if !(digit || START_WORDS.contains(w) || (w.len() == 2 && w.starts_with('q'))) {
        return None;
    }
    longest([modified(s, i), approx(s, i), core(s, i)])
}

/// Words that can begin an expression. Most tokens are not among them, and
/// skipping those spares the grammar's fan-out: this keeps the tagger fast.
static START_WORDS: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| {
    const WORDS: &[&str] = &[
        // determiners, modifiers, approximations
        "the",
        "a",
        "an",
        "these",
        "those",
        "last",
        "this",
        "next",
        "coming",
        "upcoming",
        "past",
        "previous",
        "following",
        "current",
        "present",
        "latest",
        "prior",
        "early",
        "late",
        "mid",
        "earlier",
        "later",
        "end",
        "beginning",
        "start",
        "middle",
        "about",
        "around",
        "nearly",
        "almost",
        "roughly",
        "approximately",
        "some",
        "over",
        "under",
        "more",
        "less",
        "fewer",
        "up",
        "at",
        "no",
        "just",
        "well",
        "little",
        "first",
        "final",
        "remaining",
        "initial",
        "same",
        "entire",
        "full",
        "whole",
        "other",
        "fiscal",
        "year",
        "right",
        // references
        "now",
        "currently",
        "nowadays",
        "presently",
        "recently",
        "recent",
        // days and parts of days
        "today",
        "tonight",
        "tomorrow",
        "yesterday",
        "noon",
        "midnight",
        "midday",
        "midafternoon",
        "midmorning",
        // sets
        "every",
        "each",
        "once",
        "twice",
        "thrice",
        "daily",
        "weekly",
        "monthly",
        "annually",
        "yearly",
        "hourly",
        "nightly",
        "quarterly",
        // seasons
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
        // holidays
        "christmas",
        "xmas",
        "new",
        "easter",
        "good",
        "thanksgiving",
        "labor",
        "labour",
        "memorial",
        "independence",
        "veterans",
        "columbus",
        "halloween",
        "valentine",
        "mother",
        "father",
        "election",
        "presidents",
        "martin",
        "boxing",
        "fourth",
        "st",
        // months
        "january",
        "jan",
        "february",
        "feb",
        "march",
        "mar",
        "april",
        "apr",
        "may",
        "june",
        "jun",
        "july",
        "jul",
        "august",
        "aug",
        "september",
        "sep",
        "sept",
        "october",
        "oct",
        "november",
        "nov",
        "december",
        "dec",
        // weekdays, plural too
        "monday",
        "mon",
        "tuesday",
        "tue",
        "tues",
        "wednesday",
        "wed",
        "thursday",
        "thu",
        "thur",
        "thurs",
        "friday",
        "fri",
        "saturday",
        "sat",
        "sunday",
        "sun",
        "mondays",
        "tuesdays",
        "wednesdays",
        "thursdays",
        "fridays",
        "saturdays",
        "sundays",
        // counts
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fourty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "dozen",
        "hundred",
        "several",
        "few",
        "many",
        "couple",
        "half",
        // ordinals (quarters, centuries)
        "second",
        "third",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
        // bare plural units ("for years", "hours later")
        "years",
        "yrs",
        "months",
        "weeks",
        "days",
        "nights",
        "hours",
        "minutes",
        "seconds",
        "decades",
        "centuries",
        "quarters",
        "weekends",
    ];
    WORDS.iter().copied().collect()
});

type WordSet = std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<Fnv>>;

/// FNV-1a: the start-word set is probed once per token, and these keys are
/// short, so a simple hash beats SipHash here (no untrusted-key concern: the
/// set is fixed).
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// An expression without leading modifiers.
fn core(s: &Sent, i: usize) -> Option<M> {
    longest([
        numeric_date(s, i),
        month_date(s, i),
        weekday(s, i),
        relative_day(s, i),
        relative_unit(s, i),
        quarter(s, i),
        year(s, i),
        decade(s, i),
        season(s, i),
        holiday(s, i),
        reference(s, i),
        duration(s, i),
        set(s, i),
        plural_weekday(s, i),
        clock(s, i),
    ])
    .map(|m| attach_day(s, m))
}

const DATE_MODS: &[&str] = &["early", "late", "mid", "earlier", "later", "the", "end", "beginning", "start", "middle"];

/// "early next year", "late Tuesday", "mid-1990s", "the end of 1990",
/// "earlier this month": the modifier joins the span, the value stays.
fn modified(s: &Sent, i: usize) -> Option<M> {
    let mut j = i;
    if !s.any(j, DATE_MODS) {
        return None;
    }
    if s.is(j, "the") {
        // "the end of", "the beginning of", "the start of", "the middle of",
        // "the early 1990s", "the late summer"
        if s.any(j + 1, &["end", "beginning", "start", "middle"]) && s.is(j + 2, "of") {
            j += 3;
        } else if s.any(j + 1, &["early", "late", "mid"]) {
            j += 2;
            if s.is(j, "-") {
                j += 1;
            }
        } else {
            return None;
        }
    } else if s.any(j, &["end", "beginning", "start", "middle"]) {
        if !s.is(j + 1, "of") {
            return None;
        }
        j += 2;
    } else {
        j += 1;
        if s.is(j, "-") && s.glued(j) {
            j += 1;
        }
        // "early in the year": leave out.
    }
    // "the end of the year", "the start of the month": the current one.
    if j > i + 1 && s.is(j - 1, "of") && s.is(j, "the") {
        let base = match s.w(j + 1) {
            "year" => "year:0",
            "month" => "month:0",
            "week" => "week:0",
            _ => "",
        };
        if !base.is_empty() {
            return mk(i, j + 2, DateKind::Date, rel(base), "relative-unit");
        }
    }
    let m = core(s, j)?;
    if !matches!(m.kind, DateKind::Date | DateKind::Time) {
        return None;
    }
    // "the end of" needs a period after it, not a weekday-only "late" reading.
    Some(M { start: i, ..m })
}

const APPROX: &[&[&str]] = &[
    &["about"],
    &["around"],
    &["nearly"],
    &["almost"],
    &["roughly"],
    &["approximately"],
    &["some"],
    &["over"],
    &["under"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["up", "to"],
    &["at", "least"],
    &["at", "most"],
    &["no", "more", "than"],
    &["no", "less", "than"],
    &["just", "over"],
    &["just", "under"],
    &["well", "over"],
    &["little", "more", "than"],
    &["a", "little", "over"],
    &["the", "better", "part", "of"],
];

/// "nearly two years", "more than four hours": an approximation joins a
/// duration (or an "ago" date) when a number follows it directly.
fn approx(s: &Sent, i: usize) -> Option<M> {
    let mut best: Option<usize> = None;
    for p in APPROX {
        if p.iter().enumerate().all(|(k, w)| s.is(i + k, w)) {
            best = Some(best.map_or(p.len(), |b| b.max(p.len())));
        }
    }
    let j = i + best?;
    // Only before a count: "over the weekend" keeps "over" out.
    if s.is(j, "the") {
        return None;
    }
    let m = core(s, j)?;
    let ok = m.kind == DateKind::Duration || m.rule == "ago";
    ok.then_some(M { start: i, ..m })
}

/// "10 p.m. Wednesday", "noon Thursday", "Friday morning": a clock time
/// directly followed by a day takes that day.
fn attach_day(s: &Sent, m: M) -> M {
    if m.kind != DateKind::Time || m.rule != "clock" {
        return m;
    }
    let Val::Rel(e) = &m.val else { return m };
    let Some(t) = e.strip_prefix("day:0@") else { return m };
    let mut j = m.end;
    if s.is(j, ",") {
        j += 1;
    }
    let day = longest([weekday(s, j), relative_day(s, j), month_date(s, j), numeric_date(s, j)]);
    let Some(d) = day else { return m };
    // "until 9 a.m. Tuesday": a deadline lies ahead.
    let deadline = m.start > 0 && s.any(m.start - 1, &["until", "till", "by"]);
    let val = match &d.val {
        Val::Rel(de) if !de.contains('@') => {
            let de = if deadline { de.replace("wd:past:", "wd:future:") } else { de.clone() };
            rel(format!("{de}@{t}"))
        }
        Val::Abs(v) if v.len() == 10 => abs(format!("{v}{t}")),
        _ => return m,
    };
    M { start: m.start, end: d.end, kind: DateKind::Time, val, rule: "clock+day" }
}

// ------------------------------------------------------------------ words

fn month_no(w: &str) -> Option<(u32, bool)> {
    // (month, ambiguous as an ordinary word or a name)
    Some(match w {
        "january" | "jan" => (1, w == "jan"),
        "february" | "feb" => (2, false),
        "march" | "mar" => (3, true),
        "april" | "apr" => (4, w == "april"),
        "may" => (5, true),
        "june" | "jun" => (6, w == "june"),
        "july" | "jul" => (7, false),
        "august" | "aug" => (8, w == "august"),
        "september" | "sep" | "sept" => (9, false),
        "october" | "oct" => (10, false),
        "november" | "nov" => (11, false),
        "december" | "dec" => (12, w == "dec"),
        _ => return None,
    })
}

/// "Mondays", "Tuesday nights": a weekday that recurs.
fn plural_weekday(s: &Sent, i: usize) -> Option<M> {
    let w = s.w(i);
    if !s.cap(i) {
        return None;
    }
    if let Some(d) = w.strip_suffix('s').and_then(weekday_no).filter(|_| w.len() >= 7) {
        return mk(i, i + 1, DateKind::Set, abs(format!("XXXX-WXX-{d}")), "set");
    }
    let d = weekday_no(w).filter(|_| w.len() >= 6)?;
    let part = match s.w(i + 1) {
        "mornings" => "TMO",
        "afternoons" => "TAF",
        "evenings" => "TEV",
        "nights" => "TNI",
        _ => return None,
    };
    mk(i, i + 2, DateKind::Set, abs(format!("XXXX-WXX-{d}{part}")), "set")
}

fn weekday_no(w: &str) -> Option<u32> {
    Some(match w {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    })
}

fn small_number(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

fn tens(w: &str) -> Option<u32> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

fn ordinal(w: &str) -> Option<u32> {
    Some(match w {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        "fifth" | "5th" => 5,
        "sixth" | "6th" => 6,
        "seventh" | "7th" => 7,
        "eighth" | "8th" => 8,
        "ninth" | "9th" => 9,
        "tenth" | "10th" => 10,
        "eleventh" | "11th" => 11,
        "twelfth" | "12th" => 12,
        "thirteenth" | "13th" => 13,
        "fourteenth" | "14th" => 14,
        "fifteenth" | "15th" => 15,
        "sixteenth" | "16th" => 16,
        "seventeenth" | "17th" => 17,
        "eighteenth" | "18th" => 18,
        "nineteenth" | "19th" => 19,
        "twentieth" | "20th" => 20,
        "twenty-first" | "21st" => 21,
        _ => return None,
    })
}

/// A count: `Some(n)` or `None` for an unspecified one ("several", "a few").
#[derive(Debug, Clone, Copy, PartialEq)]
enum Num {
    N(f64),
    X,
}

/// A number at `i`: digits ("18", "1,000", "1.5", "5 1/2"), words ("twenty
/// four", "thirty-two", "a hundred", "a dozen", "a couple of"), the article
/// "a"/"an" (one), or a vague count ("several", "a few"). Returns the count
/// and the token after it.
fn number(s: &Sent, i: usize) -> Option<(Num, usize)> {
    let w = s.w(i);
    if let Some(n) = s.digits(i) {
        let mut v = f64::from(n);
        let mut j = i + 1;
        // thousands separators and decimals, glued
        while s.any(j, &[",", "."]) && s.glued(j) && s.glued(j + 1) && s.digits(j + 1).is_some() {
            let part = s.w(j + 1);
            if s.is(j, ",") {
                if part.len() != 3 {
                    break;
                }
                v = v * 1000.0 + part.parse::<f64>().ok()?;
            } else {
                v += format!("0.{part}").parse::<f64>().ok()?;
            }
            j += 2;
        }
        // "5 1/2"
        if s.digits(j) == Some(1) && s.is(j + 1, "/") && s.digits(j + 2) == Some(2) && s.glued(j + 1) {
            v += 0.5;
            j += 3;
        }
        return Some((Num::N(v), j));
    }
    if let Some(n) = small_number(w) {
        if s.any(i + 1, &["hundred", "thousand"]) {
            let m = if s.is(i + 1, "hundred") { 100 } else { 1000 };
            return Some((Num::N(f64::from(n * m)), i + 2));
        }
        return Some((Num::N(f64::from(n)), i + 1));
    }
    if let Some(t) = tens(w) {
        let mut j = i + 1;
        if s.is(j, "-") && s.glued(j) {
            j += 1;
        }
        if let Some(u) = small_number(s.w(j)).filter(|u| *u < 10) {
            return Some((Num::N(f64::from(t + u)), j + 1));
        }
        return Some((Num::N(f64::from(t)), i + 1));
    }
    match w {
        "a" | "an" => {
            if s.is(i + 1, "hundred") {
                return Some((Num::N(100.0), i + 2));
            }
            if s.is(i + 1, "dozen") {
                return Some((Num::N(12.0), i + 2));
            }
            if s.is(i + 1, "couple") && s.is(i + 2, "of") {
                return Some((Num::N(2.0), i + 3));
            }
            if s.any(i + 1, &["few", "number"]) {
                let j = if s.is(i + 1, "number") && s.is(i + 2, "of") { i + 3 } else { i + 2 };
                return Some((Num::X, j));
            }
            Some((Num::N(1.0), i + 1))
        }
        "dozen" => Some((Num::N(12.0), i + 1)),
        "hundred" => Some((Num::N(100.0), i + 1)),
        "several" | "few" | "many" => Some((Num::X, i + 1)),
        "couple" if s.is(i + 1, "of") => Some((Num::N(2.0), i + 2)),
        "half" if s.any(i + 1, &["a", "an"]) => Some((Num::N(0.5), i + 2)),
        _ => None,
    }
}

/// A time unit word at `i`: (TIMEX3 unit letter, is-plural, is-time-part).
fn unit(w: &str) -> Option<(&'static str, bool)> {
    Some(match w {
        "year" | "yr" => ("Y", false),
        "years" | "yrs" => ("Y", true),
        "month" => ("M", false),
        "months" => ("M", true),
        "week" => ("W", false),
        "weeks" => ("W", true),
        "day" => ("D", false),
        "days" => ("D", true),
        "night" => ("N", false),
        "nights" => ("N", true),
        "hour" => ("H", false),
        "hours" => ("H", true),
        "minute" => ("MIN", false),
        "minutes" => ("MIN", true),
        "second" => ("S", false),
        "seconds" => ("S", true),
        "decade" => ("DE", false),
        "decades" => ("DE", true),
        "century" => ("CE", false),
        "centuries" => ("CE", true),
        "quarter" => ("Q", false),
        "quarters" => ("Q", true),
        "weekend" => ("WE", false),
        "weekends" => ("WE", true),
        _ => return None,
    })
}

/// TIMEX3 duration for `n` units.
fn dur_value(n: Num, u: &str) -> String {
    let Num::N(n) = n else {
        return match u {
            "H" => "PTXH".into(),
            "MIN" => "PTXM".into(),
            "S" => "PTXS".into(),
            "DE" => "PXDE".into(),
            "CE" => "PXCE".into(),
            "N" | "WE" => "PXD".into(),
            _ => format!("PX{u}"),
        };
    };
    let whole = n.fract() == 0.0;
    let int = n as i64;
    // Half units go down a unit ("a minute and a half" = PT1M30S).
    if !whole && (n * 2.0).fract() == 0.0 {
        return match u {
            "Y" if int > 0 => format!("P{int}Y6M"),
            "Y" => "P6M".to_string(),
            "D" if int > 0 => format!("P{int}DT12H"),
            "D" => "PT12H".to_string(),
            "H" if int > 0 => format!("PT{int}H30M"),
            "H" => "PT30M".to_string(),
            "MIN" if int > 0 => format!("PT{int}M30S"),
            "MIN" => "PT30S".to_string(),
            "DE" => format!("P{}Y", (n * 10.0) as i64),
            "CE" => format!("P{}Y", (n * 100.0) as i64),
            "W" => format!("P{}D", (n * 7.0) as i64),
            _ => format!("P{n}{u}"),
        };
    }
    let n = if whole { int.to_string() } else { n.to_string() };
    match u {
        "H" => format!("PT{n}H"),
        "MIN" => format!("PT{n}M"),
        "S" => format!("PT{n}S"),
        "DE" => format!("P{}Y", int.saturating_mul(10).max(10)),
        "CE" => format!("P{}Y", int.saturating_mul(100).max(100)),
        "N" => format!("P{n}D"),
        "WE" => format!("P{}D", int.saturating_mul(2)),
        _ => format!("P{n}{u}"),
    }
}

fn kind_of_unit(u: &str) -> DateKind {
    let _ = u;
    DateKind::Duration
}

// ------------------------------------------------------------------ dates

/// Words before a bare year or month that make it a date.
const DATE_PREPS: &[&str] = &[
    "in",
    "since",
    "by",
    "of",
    "until",
    "till",
    "from",
    "during",
    "before",
    "after",
    "through",
    "throughout",
    "between",
    "to",
    "early",
    "mid",
    "late",
    "fiscal",
    "year",
    "around",
    "circa",
    "for",
    "last",
    "next",
    "this",
    "that",
    "on",
    "and",
    "or",
    "than",
    "as",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "into",
    "at",
    "towards",
    "toward",
    "beginning",
    "end",
    "start",
    "ending",
    "ended",
    "starting",
    "–",
    "-",
    "due",
    "both",
];

fn valid_ymd(y: u32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d) && jiff::civil::Date::new(y as i16, m as i8, d as i8).is_ok()
}

/// `2025-03-11`, `3/11/2025` (US order unless the first number exceeds 12).
fn numeric_date(s: &Sent, i: usize) -> Option<M> {
    let a = s.digits(i)?;
    let sep = s.w(i + 1);
    if !matches!(sep, "-" | "/")
        || !s.glued(i + 1)
        || !s.glued(i + 2)
        || !s.is(i + 3, sep)
        || !s.glued(i + 3)
        || !s.glued(i + 4)
    {
        return None;
    }
    let b = s.digits(i + 2)?;
    let c = s.digits(i + 4)?;
    let (l1, l3) = (s.w(i).len(), s.w(i + 4).len());
    // Don't run on into more digits ("1-2-3-4").
    if (s.any(i + 5, &["-", "/"]) && s.glued(i + 5)) || (i > 0 && s.any(i - 1, &["-", "/"]) && s.glued(i)) {
        return None;
    }
    let (y, m, d) = if l1 == 4 && sep == "-" {
        (a, b, c)
    } else if sep == "/" && l3 == 4 {
        if a > 12 { (c, b, a) } else { (c, a, b) }
    } else {
        return None;
    };
    if !(1000..=2999).contains(&y) || !valid_ymd(y, m, d) {
        return None;
    }
    mk(i, i + 5, DateKind::Date, abs(format!("{y:04}-{m:02}-{d:02}")), "numeric-date")
}

/// A 4-digit year 1000-2099 at `i`.
fn year_tok(s: &Sent, i: usize) -> Option<u32> {
    let w = s.w(i);
    if w.len() != 4 {
        return None;
    }
    let y = s.digits(i)?;
    (1000..=2099).contains(&y).then_some(y)
}

/// Day of month at `i` ("9", "9th"), 1-31.
fn day_tok(s: &Sent, i: usize) -> Option<u32> {
    let w = s.w(i);
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suf = &w[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(suf, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    // "9 ,000" or "9.5": not a day
    if s.any(i + 1, &[",", "."]) && s.glued(i + 1) && s.digits(i + 2).is_some() && s.glued(i + 2) {
        return None;
    }
    (1..=31).contains(&d).then_some(d)
}

/// A month name at `i` and the token after it (eats a period after an abbreviation).
fn month_tok(s: &Sent, i: usize) -> Option<(u32, bool, bool, usize)> {
    let w = s.w(i);
    let (m, ambiguous) = month_no(w)?;
    if !s.cap(i) {
        return None;
    }
    let abbrev = w.len() <= 4 && !matches!(w, "may" | "june" | "july");
    let mut j = i + 1;
    if abbrev && s.dot(j) {
        j += 1;
    }
    Some((m, ambiguous, abbrev, j))
}

/// Month-based dates: "March 9, 2025", "9 March 2025", "Mar. 10", "June
/// 2019", "the 5th of May", "last October", "January this year", "in October".
fn month_date(s: &Sent, i: usize) -> Option<M> {
    // "last/this/next/past October"
    if s.any(i, &["last", "this", "next", "coming", "past"]) {
        let mut k = i + 1;
        if s.is(i, "this") && s.any(k, &["past", "coming"]) {
            k += 1;
        }
        if let Some((m, _, abbrev, j)) = month_tok(s, k)
            && !abbrev
            && day_tok(s, j).is_none()
        {
            let mode = match (s.w(i), s.w(i + 1)) {
                ("this", "past") | ("past", _) => "past",
                ("this", "coming") | ("coming", _) => "future",
                ("last", _) => "past",
                ("next", _) => "future",
                // "this September": the anchor's year.
                _ => "this",
            };
            // "last October" said in November is last year's October.
            let expr = if s.is(i, "last") { format!("mon:past:{m}") } else { format!("mon:{mode}:{m}") };
            return mk(i, j, DateKind::Date, rel(expr), "month-rel");
        }
        return None;
    }
    // "the 5th of May [2025]", "5 May 2025", "5th May"
    let (dstart, day_first) = if s.is(i, "the") { (i + 1, true) } else { (i, false) };
    if let Some(d) = day_tok(s, dstart) {
        let mut k = dstart + 1;
        if s.is(k, "of") {
            k += 1;
        } else if day_first {
            return None;
        }
        let (m, _, _, j) = month_tok(s, k)?;
        if !valid_ymd(2000, m, d) {
            return None;
        }
        let mut end = j;
        if let Some(y) = year_tok(s, end).or_else(|| if s.is(end, ",") { year_tok(s, end + 1) } else { None }) {
            end += if s.is(end, ",") { 2 } else { 1 };
            if !valid_ymd(y, m, d) {
                return None;
            }
            return mk(i, end, DateKind::Date, abs(format!("{y:04}-{m:02}-{d:02}")), "day-month-year");
        }
        let mode = date_mode(s, i, end);
        return mk(i, end, DateKind::Date, rel(format!("md:{mode}:{m}:{d}")), "day-month");
    }
    let (m, ambiguous, abbrev, j) = month_tok(s, i)?;
    // "March 9", "March 9th, 2025", "Sept. 30 1999"
    if let Some(d) = day_tok(s, j)
        && !(s.is(j + 1, ":") && s.glued(j + 1) && s.glued(j + 2) && s.digits(j + 2).is_some())
    {
        // Not "May 5 people": a day is not followed by a count noun; and
        // "March 10-12" is a range: keep the first day.
        if !valid_ymd(2000, m, d) {
            return None;
        }
        let mut end = j + 1;
        let y = if s.is(end, ",") && year_tok(s, end + 1).is_some() {
            end += 2;
            year_tok(s, end - 1)
        } else if year_tok(s, end).is_some() {
            end += 1;
            year_tok(s, end - 1)
        } else {
            None
        };
        if let Some(y) = y {
            if !valid_ymd(y, m, d) {
                return None;
            }
            return mk(i, end, DateKind::Date, abs(format!("{y:04}-{m:02}-{d:02}")), "month-day-year");
        }
        let mode = date_mode(s, i, end);
        return mk(i, end, DateKind::Date, rel(format!("md:{mode}:{m}:{d}")), "month-day");
    }
    // "June 2019", "June of 2019", "June, 2019"
    let mut k = j;
    if s.any(k, &["of", ","]) {
        k += 1;
    }
    if let Some((y, e)) = any_year(s, k) {
        return mk(i, e, DateKind::Date, abs(format!("{y:04}-{m:02}")), "month-year");
    }
    // "January this year", "June last year"
    if s.any(j, &["this", "last", "next"]) && s.is(j + 1, "year") {
        let off = match s.w(j) {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        return mk(i, j + 2, DateKind::Date, rel(format!("mon:x:{m}:{off}")), "month-rel-year");
    }
    // A bare month: abbreviations never; words that are also verbs or names
    // only after a date preposition.
    if abbrev {
        return None;
    }
    let prev = if i > 0 { s.w(i - 1) } else { "" };
    let prep = DATE_PREPS.contains(&prev) || prev == "the";
    if ambiguous {
        if !prep || prev == "the" || prev == "and" || prev == "or" || prev == "to" {
            return None;
        }
        // "in April Smith's view": a capitalised word after it makes it a name.
        if s.cap(j) && month_no(s.w(j)).is_none() && weekday_no(s.w(j)).is_none() {
            return None;
        }
        if m == 5
            && !matches!(
                prev,
                "in" | "since"
                    | "until"
                    | "till"
                    | "through"
                    | "during"
                    | "early"
                    | "mid"
                    | "late"
                    | "of"
                    | "last"
                    | "next"
                    | "this"
                    | "from"
                    | "by"
                    | "before"
                    | "after"
            )
        {
            return None;
        }
    }
    let mode = date_mode(s, i, j);
    mk(i, j, DateKind::Date, rel(format!("mon:{mode}:{m}")), "month")
}

/// Year choice for a month or month-day without a year: past after a
/// past-tense verb, coming under a future marker, else the nearest
/// (past-biased).
fn date_mode(s: &Sent, i: usize, end: usize) -> &'static str {
    if s.past_verb_before(i) {
        "past"
    } else if s.future_near(i, end) {
        "future"
    } else {
        "near"
    }
}

/// Parts of a day: TIMEX3 suffixes.
fn day_part(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        "night" => "TNI",
        "overnight" => "TNI",
        _ => return None,
    })
}

/// "Tuesday", "last Friday", "next Monday", "Friday morning", "Tuesday night".
fn weekday(s: &Sent, i: usize) -> Option<M> {
    let mut j = i;
    let modw = if s.any(j, &["last", "next", "this", "coming", "past", "previous", "following"]) {
        j += 1;
        if s.is(i, "this") && s.any(j, &["coming", "past"]) {
            j += 1;
        }
        Some(s.w(j - 1))
    } else {
        None
    };
    let wd = weekday_no(s.w(j))?;
    let w = s.w(j);
    let full = w.len() >= 6;
    if !s.cap(j) || !(full || s.dot(j + 1) || month_tok(s, j + 1).is_some() || month_tok(s, j + 2).is_some()) {
        return None;
    }
    let mut end = j + 1;
    if !full && s.dot(end) {
        end += 1;
    }
    // "the Sunday Times", "Saturday Night Live": a following capitalised
    // word that is not a date word makes it a name.
    if modw.is_none() && s.cap(end) && !s.glued(end) {
        let nw = s.w(end);
        if month_no(nw).is_none()
            && day_part(nw).is_none()
            && !s.any(end, &["night", "morning"])
            && !nw.is_empty()
            && nw.chars().all(|c| c.is_alphabetic())
            && s.orig(end).chars().skip(1).any(|c| c.is_lowercase())
        {
            return None;
        }
    }
    // "Friday, March 14, 2025": the explicit date wins and carries the span.
    let mut k = end;
    if s.is(k, ",") {
        k += 1;
    }
    if let Some(md) = month_date(s, k)
        && matches!(md.rule, "month-day-year" | "month-day" | "day-month-year" | "day-month")
    {
        return Some(M { start: i, ..md });
    }
    let mode = match (modw, s.w(i + 1)) {
        (Some("last" | "past" | "previous"), _) | (Some("this"), "past") => "last",
        (Some("next" | "coming" | "following"), _) | (Some("this"), "coming") => "next",
        (Some("this"), _) => {
            if s.future_near(i, end) {
                "future"
            } else {
                "this"
            }
        }
        _ => {
            let prev = if i > 0 { s.w(i - 1) } else { "" };
            let deadline = matches!(prev, "until" | "till")
                || (prev == "as" && s.any(i.wrapping_sub(2), &["early", "soon"]) && s.is(i.wrapping_sub(3), "as"));
            if deadline || (s.future_near(i, end) && !s.past_verb_before(i)) { "future" } else { "past" }
        }
    };
    let mut expr = format!("wd:{mode}:{wd}");
    let mut kind = DateKind::Date;
    if let Some(p) = day_part(s.w(end)) {
        expr.push('@');
        expr.push_str(p);
        kind = DateKind::Time;
        end += 1;
    }
    // "Tuesday nights" / "Mondays": a set, handled by `set`.
    mk(i, end, kind, rel(expr), "weekday")
}

/// today, tonight, tomorrow, yesterday (with a part of the day), last night,
/// this morning, the day before yesterday.
fn relative_day(s: &Sent, i: usize) -> Option<M> {
    let w = s.w(i);
    let (off, mut end) = match w {
        "today" => {
            // "USA Today", "Psychology Today": a title, not a date.
            let all_caps = s.orig(i).chars().all(|c| c.is_uppercase());
            if i > 0 && s.cap(i) && !all_caps && s.cap(i - 1) && s.orig(i - 1).chars().all(char::is_alphabetic) {
                return None;
            }
            (0, i + 1)
        }
        "yesterday" => (-1, i + 1),
        "tomorrow" => (1, i + 1),
        "tonight" => return mk(i, i + 1, DateKind::Time, rel("day:0@TNI"), "relative-day"),
        "overnight" => return None,
        "last" if s.is(i + 1, "night") => return mk(i, i + 2, DateKind::Time, rel("day:-1@TNI"), "relative-day"),
        "this" => {
            let p = day_part(s.w(i + 1)).filter(|_| !s.is(i + 1, "overnight"))?;
            return mk(i, i + 2, DateKind::Time, rel(format!("day:0@{p}")), "relative-day");
        }
        "the" if s.is(i + 1, "day") && s.any(i + 2, &["before", "after"]) => {
            let off = if s.is(i + 2, "before") { -2 } else { 2 };
            let want = if off < 0 { "yesterday" } else { "tomorrow" };
            if !s.is(i + 3, want) {
                return None;
            }
            return mk(i, i + 4, DateKind::Date, rel(format!("day:{off}")), "relative-day");
        }
        _ => return None,
    };
    let mut expr = format!("day:{off}");
    let mut kind = DateKind::Date;
    if let Some(p) = day_part(s.w(end)).filter(|_| !s.is(end, "overnight")) {
        expr = format!("{expr}@{p}");
        kind = DateKind::Time;
        end += 1;
    }
    mk(i, end, kind, rel(expr), "relative-day")
}

/// this/last/next/coming/past/current + week, month, year, quarter, decade,
/// century, weekend; "the latest quarter"; "year-earlier", "a year ago".
fn relative_unit(s: &Sent, i: usize) -> Option<M> {
    let mut j = i;
    let mut has_the = false;
    if s.is(j, "the") {
        has_the = true;
        j += 1;
    }
    let m = s.w(j);
    // "the weekend", "over the weekend": the last one by default.
    if has_the && m == "weekend" {
        let mode = if s.future_near(i, j + 1) { "future" } else { "past" };
        return mk(i, j + 1, DateKind::Date, rel(format!("wkend:{mode}")), "weekend");
    }
    let dir: i64 = match m {
        "this" | "current" | "present" => 0,
        "last" | "past" | "previous" | "latest" | "prior" => -1,
        "next" | "coming" | "following" => 1,
        "year"
            if !has_the
                && (s.is(j + 1, "-") && s.is(j + 2, "end")
                    || s.poss(j + 1) && s.is(j + 3, "end")
                    || s.is(j + 1, "end")
                        && i > 0
                        && s.any(i - 1, &["by", "at", "around", "before", "after", "until", "till"])) =>
        {
            // "by year-end", "by year's end": the end of the anchor's year.
            let end = if s.is(j + 1, "-") || s.is(j + 1, "end") {
                j + 1 + if s.is(j + 1, "-") { 2 } else { 1 }
            } else {
                j + 4
            };
            return mk(i, end, DateKind::Date, rel("year:0"), "year-end");
        }
        "full" if has_the && s.is(j + 1, "year") => {
            return mk(i, j + 2, DateKind::Date, rel("year:0"), "relative-unit");
        }
        "year" => {
            // "year-earlier", "year-ago" (+ optional period noun)
            if s.is(j + 1, "-") && s.glued(j + 1) && s.any(j + 2, &["earlier", "ago"]) {
                let mut end = j + 3;
                if s.any(end, &["quarter", "period"]) {
                    end += 1;
                    return mk(i, end, DateKind::Date, rel("quarter:-5"), "year-earlier");
                }
                if has_the {
                    return None;
                }
                return mk(i, end, DateKind::Date, rel("year:-1"), "year-earlier");
            }
            return None;
        }
        _ => return None,
    };
    // "this past week", "this coming year"
    let mut k = j + 1;
    let mut dir = dir;
    if m == "this" && s.any(k, &["past", "coming"]) {
        dir = if s.is(k, "past") { -1 } else { 1 };
        k += 1;
    }
    let fiscal = s.is(k, "fiscal");
    if fiscal {
        k += 1;
    }
    let u = s.w(k);
    // "this year's third quarter"
    if u == "year"
        && s.poss(k + 1)
        && let Some(q) = ordinal(s.w(k + 3)).filter(|q| *q <= 4)
    {
        let mut e = k + 4;
        if s.is(e, "-") {
            e += 1;
        }
        if s.is(e, "quarter") {
            let yoff = if m == "this" || m == "current" { 0 } else { dir };
            return mk(i, e + 1, DateKind::Date, rel(format!("q:x:{q}:{yoff}")), "quarter");
        }
    }
    // Relative periods with "the": "the past week" is a duration, "the
    // latest quarter" / "the current year" a date.
    let base = match u {
        "week" => "week",
        "month" => "month",
        "year" => "year",
        "quarter" => "quarter",
        "decade" => "decade",
        "century" => "century",
        "weekend" => "weekend",
        _ => return None,
    };
    if has_the && matches!(m, "past" | "last" | "next" | "coming" | "following" | "previous" | "prior") {
        // "the past week": a duration of one unit.
        let (letter, _) = unit(u)?;
        let d = dur_value(Num::N(1.0), letter);
        return mk(i, k + 1, DateKind::Duration, abs(d), "duration-the-past");
    }
    if has_the && !matches!(m, "current" | "latest" | "present") {
        return None;
    }
    if !has_the && matches!(m, "latest" | "prior" | "present" | "following") {
        return None;
    }
    // "the latest quarter" is the last one reported: the one before the anchor's.
    let n = if base == "quarter" && m == "latest" { -1 } else { dir };
    if base == "century" && dir == 0 {
        return mk(i, k + 1, DateKind::Date, rel("century:0"), "relative-unit");
    }
    mk(i, k + 1, DateKind::Date, rel(format!("{base}:{n}")), "relative-unit")
}

/// "the third quarter [of 1990]", "third-quarter", "fiscal second-quarter",
/// "Q3 2024", "the first half of 2024", "the quarter".
fn quarter(s: &Sent, i: usize) -> Option<M> {
    let mut j = i;
    let has_the = s.is(j, "the");
    if has_the {
        j += 1;
    }
    if s.is(j, "fiscal") {
        j += 1;
        if s.is(j, "-") {
            j += 1;
        }
    }
    // "the 1988 second quarter"
    if has_the
        && let Some(y) = year_tok(s, j)
        && let Some(q) = ordinal(s.w(j + 1)).filter(|q| (1..=4).contains(q))
    {
        let mut k = j + 2;
        if s.is(k, "-") {
            k += 1;
        }
        if s.is(k, "quarter") {
            return mk(i, k + 1, DateKind::Date, abs(format!("{y:04}-Q{q}")), "quarter");
        }
    }
    // "Q3", "Q3 2024"
    let w = s.w(j);
    if w.len() == 2 && w.starts_with('q') && s.orig(j).starts_with('Q') {
        let q: u32 = w[1..].parse().ok()?;
        if !(1..=4).contains(&q) {
            return None;
        }
        if let Some(y) = year_tok(s, j + 1) {
            return mk(i, j + 2, DateKind::Date, abs(format!("{y:04}-Q{q}")), "quarter");
        }
        let mode = if s.future_near(i, j) { "future" } else { "past" };
        return mk(i, j + 1, DateKind::Date, rel(format!("q:{mode}:{q}")), "quarter");
    }
    // "the quarter": the one just reported
    if has_the && s.is(j, "quarter") && j == i + 1 {
        if s.is(j + 1, "of") || s.is(j + 1, "-") || s.any(j + 1, &["mile", "century", "hour", "inch", "point"]) {
            return None;
        }
        return mk(i, j + 1, DateKind::Date, rel("quarter:-1"), "quarter");
    }
    let (q, half) = match ordinal(w) {
        Some(q @ 1..=4) => (q, false),
        _ => match w {
            "last" | "final" => (4, false),
            _ => return None,
        },
    };
    let mut k = j + 1;
    if s.is(k, "-") && s.glued(k) {
        k += 1;
    }
    let half = half || s.is(k, "half");
    if !(s.is(k, "quarter") || half) {
        return None;
    }
    if half && q > 2 && w != "last" {
        return None;
    }
    let q = if half && w == "last" { 2 } else { q };
    if w == "last" && !half {
        // "the last quarter" is the previous one, not the fourth.
        if !has_the {
            return None;
        }
        return mk(i, k + 1, DateKind::Date, rel("quarter:-1"), "quarter");
    }
    let letter = if half { "H" } else { "Q" };
    let mut end = k + 1;
    // "of 1990", "of fiscal 1990", "1990", "of this/last/next year"
    let mut e2 = end;
    if s.is(e2, "of") {
        e2 += 1;
    }
    if s.is(e2, "fiscal") {
        e2 += 1;
    }
    if let Some(y) = year_tok(s, e2) {
        return mk(i, e2 + 1, DateKind::Date, abs(format!("{y:04}-{letter}{q}")), "quarter");
    }
    if s.is(end, "of") && s.any(end + 1, &["this", "last", "next"]) && s.is(end + 2, "year") {
        let yoff = match s.w(end + 1) {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        end += 3;
        if half {
            return mk(i, end, DateKind::Date, rel(format!("half:{q}:{yoff}")), "quarter");
        }
        return mk(i, end, DateKind::Date, rel(format!("q:x:{q}:{yoff}")), "quarter");
    }
    // "the first half" alone: too vague (of a match, a meeting).
    if half {
        return None;
    }
    // "third-quarter" without "the" must be an adjective before a noun,
    // or a fiscal term.
    // Results are mostly reported for a finished quarter: even under a
    // future marker the last one wins unless the next one is much closer.
    let mode = if s.future_near(i, end) { "near" } else { "past" };
    mk(i, end, DateKind::Date, rel(format!("q:{mode}:{q}")), "quarter")
}

/// A bare year in a date context ("in 2019", "since 2019", "2019's", "the
/// 2019 budget", "fiscal 1999"), "the year 2000".
fn year(s: &Sent, i: usize) -> Option<M> {
    // "fiscal 1999", "fiscal year 1999", "the year 2000", "FY2024"
    let mut j = i;
    let mut lead = false;
    if s.is(j, "fiscal") {
        j += 1;
        if s.is(j, "year") {
            j += 1;
        }
        lead = true;
    } else if s.is(j, "the") && s.is(j + 1, "year") {
        j += 2;
        lead = true;
    }
    let (y, jend) = match year_tok(s, j) {
        Some(y) => (y, j + 1),
        None => {
            let (y, e) = spoken_year(s, j)?;
            // "nineteen ninety-six" reads only as a year; "two thousand" is
            // a count unless a date word comes before it.
            let prev = if i > 0 { s.w(i - 1) } else { "" };
            if y >= 2000 && !lead && !DATE_PREPS.contains(&prev) && month_no(prev).is_none() {
                return None;
            }
            return mk(i, e, DateKind::Date, abs(format!("{y:04}")), "year");
        }
    };
    let _ = jend;
    // "1,999" or "2019.5" or "2019-20" ranges of numbers
    if s.any(j + 1, &[",", "."]) && s.glued(j + 1) && s.digits(j + 2).is_some() && s.glued(j + 2) {
        return None;
    }
    if j > 0 && s.any(j - 1, &["$", "£", "€", "#", "№"]) {
        return None;
    }
    if j > 0 && s.is(j - 1, ",") && s.glued(j) {
        return None;
    }
    // "1990s" is a decade; "2019-20" season
    let next = s.w(j + 1);
    let count_noun = !next.is_empty()
        && !s.cap(j + 1)
        && next.chars().all(|c| c.is_ascii_lowercase())
        && (next.ends_with('s')
            && !matches!(next, "was" | "is" | "has" | "as" | "its" | "his" | "this" | "thus" | "plus" | "versus")
            // plural nouns that a year classifies rather than counts
            && !matches!(next, "results" | "elections" | "earnings" | "sales" | "profits" | "accounts" | "figures" | "games" | "olympics" | "finals" | "championships" | "accords" | "riots" | "protests" | "attacks" | "floods" | "polls" | "talks" | "levels" | "rules" | "budgets" | "estimates" | "forecasts" | "prices" | "revenues"))
        || matches!(
            next,
            "people"
                | "men"
                | "women"
                | "children"
                | "feet"
                | "metres"
                | "meters"
                | "miles"
                | "km"
                | "kilometres"
                | "kilometers"
                | "percent"
                | "per"
                | "%"
                | "yards"
                | "tonnes"
                | "tons"
                | "pounds"
                | "dollars"
                | "euros"
                | "troops"
                | "police"
                | "staff"
                | "personnel"
                | "acres"
                | "units"
                | "rounds"
                | "cases"
        );
    if count_noun {
        return None;
    }
    let prev = if i > 0 { s.w(i - 1) } else { "" };
    let ok = lead
        || s.poss(j + 1)
        || DATE_PREPS.contains(&prev)
        || ((matches!(prev, "the" | "its" | "his" | "her" | "their" | "our" | "a" | "this" | "that")
            || (prev == "s" && i >= 2 && s.apos(i - 2))) && !next.is_empty() && next.chars().all(|c| c.is_ascii_lowercase()))
        // sentence-initial "1999 was a bad year" / after a comma in a list of years
        || (i == 0 && matches!(next, "was" | "is" | "will" | "saw" | "had"))
        || (prev == "," && i >= 2 && year_tok(s, i - 2).is_some())
        || prev == "(" && s.is(j + 1, ")");
    if !ok {
        return None;
    }
    // "between 2019 and 2,000 people" is caught by count nouns; "in 2019
    // people" would be lost, which is acceptable.
    mk(i, j + 1, DateKind::Date, abs(format!("{y:04}")), "year")
}

/// A year in digits or in words, and the token after it.
fn any_year(s: &Sent, i: usize) -> Option<(u32, usize)> {
    year_tok(s, i).map(|y| (y, i + 1)).or_else(|| spoken_year(s, i))
}

/// A year said in words, as broadcast transcripts write it: "nineteen
/// ninety-six", "two thousand", "two thousand and one".
fn spoken_year(s: &Sent, i: usize) -> Option<(u32, usize)> {
    let w = s.w(i);
    if matches!(w, "nineteen" | "eighteen") {
        let c = if w == "nineteen" { 1900 } else { 1800 };
        let mut j = i + 1;
        let t = tens(s.w(j))?;
        j += 1;
        if s.is(j, "-") && s.glued(j) {
            j += 1;
        }
        if let Some(u) = small_number(s.w(j)).filter(|u| *u < 10) {
            return Some((c + t + u, j + 1));
        }
        let j = if s.is(j - 1, "-") { j - 1 } else { j };
        return Some((c + t, j));
    }
    if w == "two" && s.is(i + 1, "thousand") {
        let mut j = i + 2;
        if s.is(j, "and") {
            j += 1;
        }
        if let Some(u) = small_number(s.w(j)) {
            return Some((2000 + u, j + 1));
        }
        return Some((2000, i + 2));
    }
    None
}

/// "the 1990s", "1990s", "the '90s", "the 20th century", "the nineteenth century".
fn decade(s: &Sent, i: usize) -> Option<M> {
    let mut j = i;
    if s.is(j, "the") {
        j += 1;
    }
    let w = s.w(j);
    // "1990s"
    if w.len() == 5 && w.ends_with('s') && w[..4].bytes().all(|b| b.is_ascii_digit()) && w[..4].ends_with('0') {
        let y: u32 = w[..4].parse().ok()?;
        if !(1000..=2090).contains(&y) {
            return None;
        }
        return mk(i, j + 1, DateKind::Date, abs(format!("{}", y / 10)), "decade");
    }
    // "1990's"
    if let Some(y) = year_tok(s, j)
        && y % 10 == 0
        && s.apos(j + 1)
        && s.is(j + 2, "s")
        && s.glued(j + 1)
        && (j > i
            || s.any(i.wrapping_sub(1), &["in", "the", "early", "late", "mid", "since", "of", "during", "through"]))
    {
        return mk(i, j + 3, DateKind::Date, abs(format!("{}", y / 10)), "decade");
    }
    // "the '90s", "the ’80s"
    if s.apos(j) {
        let w2 = s.w(j + 1);
        if w2.len() == 3 && w2.ends_with('s') && w2[..2].bytes().all(|b| b.is_ascii_digit()) && s.glued(j + 1) {
            let d: u32 = w2[..2].parse().ok()?;
            if !d.is_multiple_of(10) {
                return None;
            }
            let century = if d >= 30 { 19 } else { 20 };
            return mk(i, j + 2, DateKind::Date, abs(format!("{}{}", century, d / 10)), "decade");
        }
    }
    // "the nineties"
    if j > i {
        let d = match w {
            "twenties" => 2,
            "thirties" => 3,
            "forties" => 4,
            "fifties" => 5,
            "sixties" => 6,
            "seventies" => 7,
            "eighties" => 8,
            "nineties" => 9,
            _ => 0,
        };
        if d > 0 {
            return mk(i, j + 1, DateKind::Date, abs(format!("19{d}")), "decade");
        }
    }
    // "the 20th century", "the nineteenth century"
    if let Some(n) = ordinal(w)
        && s.is(j + 1, "century")
    {
        let mut end = j + 2;
        let mut bc = false;
        if s.any(end, &["bc", "b"]) {
            bc = true;
            end += 1;
        }
        if bc || n == 0 {
            return None;
        }
        return mk(i, end, DateKind::Date, abs(format!("{:02}", n - 1)), "century");
    }
    None
}

fn season_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => None?,
    })
}

/// "the spring of 2019", "summer 2019", "last fall", "this summer", "the
/// summer", "in winter".
fn season(s: &Sent, i: usize) -> Option<M> {
    let mut j = i;
    let has_the = s.is(j, "the");
    if has_the {
        j += 1;
    }
    let modw = if s.any(j, &["this", "last", "next", "past", "coming"]) {
        j += 1;
        if s.is(j - 1, "this") && s.any(j, &["past", "coming"]) {
            j += 1;
        }
        Some(s.w(j - 1))
    } else {
        None
    };
    let ss = season_code(s.w(j))?;
    let end = j + 1;
    // "the spring of 2019", "summer 2019", "spring 2019's"
    let mut k = end;
    if s.is(k, "of") {
        k += 1;
    }
    if let Some((y, e)) = any_year(s, k) {
        return mk(i, e, DateKind::Date, abs(format!("{y:04}-{ss}")), "season");
    }
    if s.is(end, "of") && modw.is_none() {
        // "the fall of the Berlin Wall"
        return None;
    }
    let prev = if i > 0 { s.w(i - 1) } else { "" };
    // "fall" and "spring" are verbs and nouns: only with a determiner or a
    // date preposition before them.
    if modw.is_none()
        && !has_the
        && !matches!(
            prev,
            "in" | "during" | "by" | "until" | "since" | "through" | "early" | "late" | "this" | "last" | "next"
        )
    {
        return None;
    }
    if modw.is_none()
        && has_the
        && s.w(end).chars().all(|c| c.is_ascii_lowercase())
        && !s.w(end).is_empty()
        && !s.any(end, &["and", "or", "when", "to", "before", "after", "as", "with", "that", "season", "months"])
        && !matches!(s.w(end), "was" | "is" | "will" | "has" | "had")
    {
        // "the spring offensive", "the fall elections": a modifier, not a date.
        if !s.any(end, &["of"]) {
            return None;
        }
    }
    let mode = match modw {
        Some("last") => "past",
        Some("past") => "past",
        Some("next") | Some("coming") => "future",
        Some("this") if s.is(i + 1, "past") || s.is(j - 1, "past") => "past",
        Some("this") if s.is(j - 1, "coming") => "future",
        Some("this") => "this",
        _ if s.future_near(i, end) => "future",
        _ => "past",
    };
    // "last fall" spoken in winter is the fall just gone, which "past" gives;
    // spoken during the fall itself it is the year before.
    let expr = if modw == Some("last") { format!("season:past:{ss}") } else { format!("season:{mode}:{ss}") };
    mk(i, end, DateKind::Date, rel(expr), "season")
}

/// Holidays: Christmas (Eve/Day), New Year's Day/Eve, Easter, Good Friday,
/// Thanksgiving, Labor Day, Memorial Day, Independence Day, July Fourth, ...
fn holiday(s: &Sent, i: usize) -> Option<M> {
    let mut j = i;
    let modw = if s.any(j, &["last", "next", "this"]) {
        j += 1;
        Some(s.w(i))
    } else {
        None
    };
    if !s.cap(j) {
        return None;
    }
    let w = s.w(j);
    let day = |k: usize| s.is(k, "day");
    let (name, mut end) = match w {
        "christmas" | "xmas" => {
            if s.is(j + 1, "eve") {
                ("christmaseve", j + 2)
            } else if day(j + 1) {
                ("christmas", j + 2)
            } else {
                // "Christmas tree", "Christmas shopping" are still dated,
                // but "Christmas Island" is a place.
                if s.cap(j + 1) && !s.any(j + 1, &["and"]) {
                    return None;
                }
                ("christmas", j + 1)
            }
        }
        "new" if s.is(j + 1, "year") && s.poss(j + 2) => {
            if s.is(j + 4, "eve") {
                ("newyeareve", j + 5)
            } else if day(j + 4) {
                ("newyear", j + 5)
            } else {
                return None;
            }
        }
        "easter" => match s.w(j + 1) {
            "sunday" => ("easter", j + 2),
            "monday" => ("eastermonday", j + 2),
            _ if s.cap(j + 1) && !s.w(j + 1).is_empty() && s.w(j + 1).chars().all(char::is_alphabetic) => return None,
            _ => ("easter", j + 1),
        },
        "good" if s.is(j + 1, "friday") && s.cap(j + 1) && !s.cap(j + 2) => ("goodfriday", j + 2),
        "thanksgiving" => {
            if day(j + 1) {
                ("thanksgiving", j + 2)
            } else {
                ("thanksgiving", j + 1)
            }
        }
        "labor" | "labour" if day(j + 1) && s.cap(j + 1) => ("labor", j + 2),
        "memorial" if day(j + 1) && s.cap(j + 1) => ("memorial", j + 2),
        "independence" if day(j + 1) && s.cap(j + 1) => ("independence", j + 2),
        "veterans" if s.cap(j + 1) && (day(j + 1) || (s.apos(j + 1) && day(j + 2))) => {
            ("veterans", if day(j + 1) { j + 2 } else { j + 3 })
        }
        "columbus" if day(j + 1) && s.cap(j + 1) => ("columbus", j + 2),
        "halloween" => ("halloween", j + 1),
        "valentine" if s.poss(j + 1) && day(j + 3) => ("valentine", j + 4),
        "mother" if s.poss(j + 1) && day(j + 3) => ("mother", j + 4),
        "father" if s.poss(j + 1) && day(j + 3) => ("father", j + 4),
        "election" if day(j + 1) && s.cap(j + 1) => ("election", j + 2),
        "presidents" if s.cap(j + 1) && (day(j + 1) || (s.apos(j + 1) && day(j + 2))) => {
            ("presidents", if day(j + 1) { j + 2 } else { j + 3 })
        }
        "martin" if s.is(j + 1, "luther") && s.is(j + 2, "king") && day(j + 3) => ("mlk", j + 4),
        "boxing" if day(j + 1) && s.cap(j + 1) => ("boxing", j + 2),
        "july" if s.is(j + 1, "fourth") || s.is(j + 1, "4th") => ("independence", j + 2),
        "fourth" if s.is(j + 1, "of") && s.is(j + 2, "july") => ("independence", j + 3),
        "st" if s.dot(j + 1) && s.is(j + 2, "patrick") && s.poss(j + 3) && day(j + 5) => ("stpatrick", j + 6),
        _ => return None,
    };
    // "Christmas 2024"
    if let Some(y) = year_tok(s, end) {
        let d = resolve::holiday(name, i64::from(y))?;
        end += 1;
        return mk(i, end, DateKind::Date, abs(format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())), "holiday");
    }
    let mode = match modw {
        Some("last") => "past",
        Some("next") => "future",
        Some("this") => "this",
        _ if s.future_near(i, end) => "future",
        _ => "near",
    };
    mk(i, end, DateKind::Date, rel(format!("hol:{mode}:{name}")), "holiday")
}

/// now, currently, recently, the past, the future, recent years.
fn reference(s: &Sent, i: usize) -> Option<M> {
    let w = s.w(i);
    let r = |end: usize, v: &str| mk(i, end, DateKind::Date, abs(v), "reference");
    match w {
        "now" => {
            // "now that ..." still speaks of the present; "right now" keeps "right".
            r(i + 1, "PRESENT_REF")
        }
        "right" if s.is(i + 1, "now") => r(i + 2, "PRESENT_REF"),
        "currently" | "nowadays" | "presently" => r(i + 1, "PRESENT_REF"),
        "these" if s.is(i + 1, "days") => r(i + 2, "PRESENT_REF"),
        // "previously" and "soon" are left out: mostly they order events
        // ("previously announced") rather than name a time.
        "recently" => r(i + 1, "PAST_REF"),
        // "in coming months", "the coming weeks", "the months ahead"
        "coming" | "upcoming" if s.any(i + 1, &["days", "weeks", "months", "years", "decades"]) => {
            r(i + 2, "FUTURE_REF")
        }
        "the"
            if s.any(i + 1, &["coming", "upcoming"])
                && s.any(i + 2, &["days", "weeks", "months", "years", "decades"]) =>
        {
            r(i + 3, "FUTURE_REF")
        }
        "the" if s.any(i + 1, &["days", "weeks", "months", "years"]) && s.is(i + 2, "ahead") => r(i + 3, "FUTURE_REF"),
        "the" if s.any(i + 1, &["near", "short"]) && s.is(i + 2, "term") => r(i + 3, "FUTURE_REF"),
        "the" if s.is(i + 1, "past") => {
            // "the past" alone, not "the past week" / "the past three months"
            let n = s.w(i + 2);
            if number(s, i + 2).is_some() || unit(n).is_some() || s.any(i + 2, &["few", "several", "couple"]) {
                return None;
            }
            if !n.is_empty()
                && n.chars().all(|c| c.is_ascii_lowercase())
                && !s.any(
                    i + 2,
                    &[
                        "and", "or", "but", "to", "when", "as", "that", "is", "was", "has", "had", "will", "would",
                        "the", "a", "in", "for", "with", "at", "on", "by", "of", "because", "than", "it", "we", "they",
                        "he", "she",
                    ],
                )
            {
                // "the past president"
                return None;
            }
            r(i + 2, "PAST_REF")
        }
        "the" if s.is(i + 1, "future") => r(i + 2, "FUTURE_REF"),
        "the" if s.any(i + 1, &["near", "foreseeable", "distant", "immediate"]) && s.is(i + 2, "future") => {
            r(i + 3, "FUTURE_REF")
        }
        "recent" if s.any(i + 1, &["years", "months", "weeks", "days", "decades"]) => r(i + 2, "PAST_REF"),
        _ => None,
    }
}

/// Durations: "three days", "the past three months", "nearly two years",
/// "a minute and a half", "24-hour", "18 months", "for years", and the dates
/// they make with "ago": "two weeks ago", "a year earlier".
fn duration(s: &Sent, i: usize) -> Option<M> {
    let mut j = i;
    let mut has_the = false;
    if s.any(j, &["the", "these", "those"]) {
        has_the = true;
        j += 1;
    }
    let mut modw = false;
    if s.any(
        j,
        &[
            "past",
            "last",
            "next",
            "first",
            "previous",
            "coming",
            "following",
            "final",
            "remaining",
            "initial",
            "latest",
            "same",
            "entire",
            "full",
            "whole",
            "other",
        ],
    ) {
        modw = true;
        j += 1;
    }
    if has_the && !modw {
        // "the nine months", "the two days": a count must follow
    }
    let (n, mut k) = match number(s, j) {
        Some((n, k)) => (n, k),
        None => {
            // "for years", "hours later", "the past few years" handled by number()
            let (u, plural) = unit(s.w(j))?;
            if !plural || has_the || modw || !bare_plural_ok(s, i, j) {
                return None;
            }
            return mk(i, j + 1, DateKind::Duration, abs(dur_value(Num::X, u)), "duration");
        }
    };
    // "a" alone only counts as one before a singular unit: "a year".
    let art = matches!(s.w(j), "a" | "an") && k == j + 1;
    if has_the && art {
        return None;
    }
    // "24-hour", "three-day", "10-year" (not "30-year-old")
    let mut hyph = false;
    if s.is(k, "-") && s.glued(k) && s.glued(k + 1) {
        // "the 24-hour strike": "the" belongs to the noun, not the duration.
        if has_the {
            return None;
        }
        hyph = true;
        k += 1;
    }
    if s.any(
        k,
        &[
            "more",
            "additional",
            "further",
            "straight",
            "consecutive",
            "full",
            "long",
            "trading",
            "business",
            "working",
            "calendar",
            "solid",
        ],
    ) && !hyph
    {
        k += 1;
    }
    let (u, plural) = unit(s.w(k))?;
    // "one day" as in "one day he said" is a date-ish adverb; "one second" fine
    if art && plural {
        return None;
    }
    if hyph && plural {
        return None;
    }
    if u == "Q" && !plural && !art && n != Num::N(1.0) && !hyph {
        // "two quarter" rare
    }
    // "second" as an ordinal after a number ("one second") is fine; "a second
    // term" is not a duration.
    if u == "S"
        && art
        && !s.any(k + 1, &["ago", "later", "earlier", ",", ".", "or", "and", "to", "for", "before", "after"])
    {
        return None;
    }
    if u == "N" && art {
        return None;
    }
    let mut end = k + 1;
    // "52 years old": an age.
    if s.is(end, "old") || (s.is(end, "of") && s.is(end + 1, "age")) {
        return None;
    }
    // "the 1988 second quarter": a year is not a count of a singular unit.
    if !plural && !hyph && matches!(n, Num::N(v) if v != 1.0 && v >= 1000.0) {
        return None;
    }
    if hyph {
        // "30-year-old": an age.
        if (s.is(end, "-") && s.is(end + 1, "old")) || s.is(end, "old") {
            return None;
        }
        // "24-hour-a-day"
        if s.is(end, "-") && s.is(end + 1, "long") {
            end += 2;
        }
    }
    let mut n = n;
    // "a minute and a half", "two and a half years" (number came before)
    if s.is(end, "and") && s.any(end + 1, &["a", "one"]) && s.is(end + 2, "half") {
        if let Num::N(v) = n {
            n = Num::N(v + 0.5);
        }
        end += 3;
    }
    // "twenty four hours" is already handled by number(); "a day or two" isn't.
    // Dates: "two weeks ago", "a year earlier", "three days later"
    if s.is(end, "or") && s.is(end + 1, "so") && s.is(end + 2, "ago") {
        end += 2;
    }
    if !has_the && !hyph && s.any(end, &["ago", "earlier"]) || (s.is(end, "from") && s.is(end + 1, "now")) {
        let ago_word = s.w(end);
        let sign: i64 = match ago_word {
            "ago" | "earlier" => -1,
            "from" => 1,
            // "two days before the vote": the span is the duration only.
            _ => 0,
        };
        if sign != 0 {
            let stop = if ago_word == "from" { end + 2 } else { end + 1 };
            let v = match n {
                Num::N(v) if v.fract() == 0.0 => v as i64,
                _ => {
                    return mk(i, stop, DateKind::Date, abs(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }), "ago");
                }
            };
            // "later"/"earlier" after a count refer to the story's own
            // events; only "a year earlier" style comparisons with the
            // anchor are common in news, so they resolve against it too.
            let off = sign * v;
            let expr = match u {
                "D" => format!("day:{off}"),
                "W" => format!("week:{off}"),
                "M" => format!("month:{off}"),
                "Y" => format!("year:{off}"),
                "DE" => format!("year:{}", off.saturating_mul(10)),
                "Q" => format!("quarter:{off}"),
                _ => "day:0".to_string(),
            };
            return mk(i, stop, DateKind::Date, rel(expr), "ago");
        }
    }
    let value = dur_value(n, u);
    // "$1.76 a year", "10,000 units a year", "20% a year": a rate, so a set.
    if art && !has_the && i > 0 {
        let p = s.w(i - 1);
        let rate = s.digits(i - 1).is_some()
            || matches!(
                p,
                "million" | "billion" | "thousand" | "hundred" | "percent" | "%" | "times" | "once" | "twice"
            )
            || (p.ends_with('s')
                && p.chars().all(|c| c.is_ascii_lowercase())
                && !matches!(
                    p,
                    "is" | "was"
                        | "has"
                        | "as"
                        | "this"
                        | "its"
                        | "his"
                        | "less"
                        | "across"
                        | "us"
                        | "yes"
                        | "unless"
                        | "thus"
                        | "plus"
                        | "does"
                        | "towards"
                        | "besides"
                        | "perhaps"
                        | "always"
                        | "sometimes"
                        | "seems"
                        | "takes"
                        | "lasts"
                        | "spends"
                        | "remains"
                ))
                && s.digits(i.wrapping_sub(2)).is_some();
        if rate {
            return mk(i, end, DateKind::Set, abs(value), "set");
        }
    }
    if u == "WE" && !plural {
        return None;
    }
    mk(i, end, kind_of_unit(u), abs(value), "duration")
}

/// A bare plural unit ("years", "hours") is a duration only after a word
/// that makes it one ("for years", "in hours", "hours later", "within days").
fn bare_plural_ok(s: &Sent, i: usize, j: usize) -> bool {
    let prev = if i > 0 { s.w(i - 1) } else { "" };
    matches!(
        prev,
        "for" | "within" | "in" | "over" | "after" | "took" | "take" | "takes" | "lasted" | "last" | "spent" | "spend"
    ) && !s.any(j + 1, &["of", "old", "'"])
        && !s.poss(j + 1)
        || s.any(j + 1, &["later", "earlier", "ago", "afterwards", "afterward"])
}

/// Sets: "every week", "each year", "every other day", "daily", "weekly",
/// "twice a week", "three times a year", "Tuesday nights", "every Monday".
fn set(s: &Sent, i: usize) -> Option<M> {
    let w = s.w(i);
    let adverb = match w {
        "daily" => Some("P1D"),
        "weekly" => Some("P1W"),
        "monthly" => Some("P1M"),
        "annually" | "yearly" => Some("P1Y"),
        "hourly" => Some("PT1H"),
        "nightly" => Some("P1D"),
        "quarterly" => Some("P1Q"),
        _ => None,
    };
    if let Some(v) = adverb {
        // "quarterly dividend", "daily flights": an adjective classifying a
        // noun, not a time expression ("on a daily basis" still is).
        let nw = s.w(i + 1);
        if !nw.is_empty()
            && nw.chars().all(|c| c.is_ascii_lowercase())
            && !s.is(i.wrapping_sub(1), "a")
            && !matches!(
                nw,
                "and"
                    | "or"
                    | "to"
                    | "for"
                    | "in"
                    | "on"
                    | "at"
                    | "from"
                    | "since"
                    | "until"
                    | "by"
                    | "through"
                    | "with"
                    | "but"
                    | "as"
                    | "than"
                    | "during"
                    | "over"
                    | "the"
                    | "a"
                    | "an"
                    | "basis"
                    | "outside"
                    | "inside"
                    | "near"
                    | "across"
                    | "around"
                    | "before"
                    | "after"
            )
        {
            return None;
        }
        // "the Daily Mail", "Weekly Standard": names.
        if s.cap(i) && i > 0 {
            return None;
        }
        if s.cap(i) && i == 0 && s.cap(i + 1) {
            return None;
        }
        return mk(i, i + 1, DateKind::Set, abs(v), "set");
    }
    if matches!(w, "every" | "each") {
        let mut j = i + 1;
        let mut n = 1i64;
        if s.is(j, "other") {
            n = 2;
            j += 1;
        } else if let Some((Num::N(v), k)) = number(s, j).filter(|(_, k)| *k > j && !matches!(s.w(j), "a" | "an")) {
            n = v as i64;
            j = k;
        }
        let uw = s.w(j);
        if let Some(wd) = weekday_no(uw).filter(|_| s.cap(j)) {
            let mut end = j + 1;
            let mut v = format!("XXXX-WXX-{wd}");
            if let Some(p) = day_part(s.w(end)) {
                v.push_str(p);
                end += 1;
            }
            return mk(i, end, DateKind::Set, abs(v), "set");
        }
        if let Some((m, _, false, e)) = month_tok(s, j) {
            return mk(i, e, DateKind::Set, abs(format!("XXXX-{m:02}")), "set");
        }
        if let Some(p) = day_part(uw) {
            let _ = p;
            return mk(i, j + 1, DateKind::Set, abs("P1D"), "set");
        }
        let (u, plural) = unit(uw)?;
        if plural != (n > 1) || u == "N" {
            return None;
        }
        let v = match u {
            "WE" => "XXXX-WXX-WE".to_string(),
            _ => dur_value(Num::N(n as f64), u),
        };
        if w == "each"
            && !s.any(j + 1, &[",", ".", "since", "for", "until", "from", "and", "or", ";"])
            && !s.w(j + 1).is_empty()
            && s.w(j + 1) != "in"
        {
            // "each year's budget", "each day's events" still dates, but
            // "each week of" is fine too; keep it simple.
        }
        return mk(i, j + 1, DateKind::Set, abs(v), "set");
    }
    // "twice a week", "once a month", "three times a year", "five times per day"
    let (_, k) = match w {
        "once" | "twice" | "thrice" => (1, i + 1),
        _ => {
            let (_, k) = number(s, i).filter(|(_, k)| s.is(*k, "times"))?;
            (1, k + 1)
        }
    };
    if !s.any(k, &["a", "an", "per", "each", "every"]) {
        return None;
    }
    let (u, plural) = unit(s.w(k + 1))?;
    if plural {
        return None;
    }
    mk(i, k + 2, DateKind::Set, abs(dur_value(Num::N(1.0), u)), "set")
}

/// Clock times: "9:30 a.m.", "9 a.m.", "10pm", "noon", "midnight",
/// "4 in the morning"; valued on the anchor's day unless a day follows.
fn clock(s: &Sent, i: usize) -> Option<M> {
    let w = s.w(i);
    if w == "midafternoon"
        || w == "midmorning"
        || (w == "mid" && s.any(i + 1 + usize::from(s.is(i + 1, "-")), &["afternoon", "morning"]))
    {
        let k = if w == "mid" { i + 2 + usize::from(s.is(i + 1, "-")) } else { i + 1 };
        let p = if s.w(k - 1).ends_with("morning") { "TMO" } else { "TAF" };
        return mk(i, k, DateKind::Time, rel(format!("day:0@{p}")), "clock");
    }
    if w == "noon" || w == "midnight" || w == "midday" {
        let t = if w == "midnight" { "T24:00" } else { "T12:00" };
        if s.cap(i) && i > 0 {
            return None;
        }
        return mk(i, i + 1, DateKind::Time, rel(format!("day:0@{t}")), "clock");
    }
    // "10pm", "9am"
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    let (h, mut mm, mut j) = if !digits.is_empty() && digits.len() <= 2 && matches!(suffix, "am" | "pm") {
        (digits.parse::<u32>().ok()?, 0u32, i + 1)
    } else {
        let h = s.digits(i)?;
        if s.w(i).len() > 2 {
            return None;
        }
        let mut j = i + 1;
        let mut mm = 0;
        let mut has_min = false;
        if s.any(j, &[":", "."])
            && s.glued(j)
            && s.glued(j + 1)
            && (s.is(j, ":") || ampm(s, j + 2).0.is_some() || s.w(j + 1).ends_with('m'))
        {
            let m2 = s.w(j + 1);
            let digits2 = m2.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            if digits2.len() == 2 && digits2.bytes().all(|b| b.is_ascii_digit()) {
                mm = digits2.parse().ok()?;
                has_min = true;
                j += 2;
                if matches!(&m2[2..], "am" | "pm") {
                    let pm = &m2[2..] == "pm";
                    return finish_clock(s, i, j, h, mm, Some(pm));
                }
            }
        }
        let _ = has_min;
        (h, mm, j)
    };
    if !suffix.is_empty() {
        let pm = suffix == "pm";
        return finish_clock(s, i, j, h, mm, Some(pm));
    }
    // "a.m." / "p.m." / "am" / "pm" / "A.M."
    let (ampm, after) = ampm(s, j);
    if let Some(pm) = ampm {
        return finish_clock(s, i, after, h, mm, Some(pm));
    }
    // "o'clock"
    if s.is(j, "o") && s.apos(j + 1) && s.is(j + 2, "clock") {
        j += 3;
        return finish_clock(s, i, j, h, mm, None);
    }
    // "4 in the morning"
    if s.is(j, "in") && s.is(j + 1, "the") && s.any(j + 2, &["morning", "afternoon", "evening"]) {
        let pm = !s.is(j + 2, "morning");
        return finish_clock(s, i, j + 3, h, mm, Some(pm));
    }
    // "9:30" with a minute part after "at"/"by": a time; scores have no "at".
    if j == i + 3 && i > 0 && s.any(i - 1, &["at", "by", "until", "till", "before", "after", "around", "about", "from"])
    {
        mm = mm.min(59);
        return finish_clock(s, i, j, h, mm, None);
    }
    None
}

fn ampm(s: &Sent, j: usize) -> (Option<bool>, usize) {
    let w = s.w(j);
    let pm = match w {
        "am" | "a" => false,
        "pm" | "p" => true,
        _ => return (None, j),
    };
    if w.len() == 2 {
        // "am" alone is a verb: only in lowercase with the number glued or
        // spaced, and never "I am".
        return (Some(pm), j + 1);
    }
    // "a.m.", "a.m"
    if s.dot(j + 1) && s.is(j + 2, "m") && s.glued(j + 2) {
        let mut e = j + 3;
        if s.dot(e) {
            e += 1;
        }
        return (Some(pm), e);
    }
    (None, j)
}

fn finish_clock(s: &Sent, i: usize, mut end: usize, h: u32, mm: u32, pm: Option<bool>) -> Option<M> {
    if mm > 59 || h > 24 || (pm.is_some() && (h == 0 || h > 12)) {
        return None;
    }
    let h24 = match pm {
        Some(true) if h < 12 => h + 12,
        Some(false) if h == 12 => 0,
        _ => h,
    };
    // time zones: "EST", "GMT", "local time"
    if s.any(
        end,
        &["est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "et", "pt", "ct"],
    ) && s.orig(end).chars().all(|c| c.is_ascii_uppercase())
    {
        end += 1;
    } else if s.is(end, "local") && s.is(end + 1, "time") {
        end += 2;
    }
    mk(i, end, DateKind::Time, rel(format!("day:0@T{h24:02}:{mm:02}")), "clock")
}

#[cfg(test)]
mod tests;
