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
//!   ("will", "scheduled", "plans to", "is to", "would") turn it forward,
//!   and a date opening the sentence takes the tense of the clause after it
//!   ("On Monday, the firm announced" / "On Monday, the union plans to").
//!   "the following year" counts from the date the story named before it,
//!   "the previous Friday" from the day it named last, and "the quarter"
//!   is the quarter it named last (see [`resolve::Told`]). A month or month-day without a
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
//! years" and "the coming months" are vague durations (`PXY`, `PXM`), as
//! TIDES writes them; unspecified decades and centuries are `PXE`, `PXC`;
//! "a year earlier" takes the granularity of the quarter or month named in
//! that sentence or the two before it (`2024-Q3`).
//! Not tagged: "current" as an adjective, "previously", "soon", a bare "the
//! year"/"the day", and set adverbs used as adjectives ("quarterly dividend").

mod absolute;
mod clock;
mod durations;
mod relative;
mod resolve;
mod story;
mod tense;
mod words;

pub use resolve::resolve_expr;
use resolve::{Told, anaphor_fallback, resolve_anaphor};

use super::Doc;
use crate::model::{Anchor, DateKind, DateMention};
use absolute::*;
use clock::*;
use durations::*;
use relative::*;
use words::*;

/// Find the time expressions of one article.
pub fn extract(doc: &Doc) -> Vec<DateMention> {
    let mut out = Vec::new();
    // The last quarter or month named, with the sentence it was named in.
    let mut period: Option<(usize, M)> = None;
    // The dates named so far, for "the following year", "the previous Friday", "the quarter".
    let mut told = Told::default();
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
        // The end of the last month or month-day of this sentence that lies ahead.
        let mut ahead: Option<usize> = None;
        for mut m in ms {
            let (Some(a), Some(b)) = (sent.toks.get(m.start), m.end.checked_sub(1).and_then(|e| sent.toks.get(e)))
            else {
                continue;
            };
            let (start, end) = (s.start + a.start, s.start + b.end);
            let Some(span_text) = doc.text.get(start..end) else { continue };
            if let Some(p) = doc.published {
                story::adjust(&sent, &mut m, &told, ahead, p);
            }
            let quarter = names_quarter(&m);
            let (value, anchor, expr) = resolved(doc, &m, &told);
            if let (DateKind::Date | DateKind::Time, Some(v)) = (m.kind, value.as_deref()) {
                told.note(v, m.kind == DateKind::Time, quarter);
                if story::names_month(&m) && matches!(m.val, Val::Rel(_)) {
                    told.note_month(v);
                }
            }
            if let (Some(v), Some(p)) = (value.as_deref(), doc.published)
                && story::names_month(&m)
                && story::lies_ahead(v, p)
            {
                ahead = Some(m.end);
            }
            out.push(DateMention {
                article: doc.id.clone(),
                start,
                end,
                text: span_text.to_string(),
                kind: m.kind,
                value,
                anchor,
                expr,
                rule: m.rule.as_str().to_string(),
            });
        }
    }
    out.sort_by_key(|m| (m.start, m.end));
    out
}

/// The value of mention `m`, what it is anchored on and its expression:
/// its own value, an anaphor counted from what the story `told` before, or
/// an expression resolved against the publication date.
fn resolved(doc: &Doc, m: &M, told: &Told) -> (Option<String>, Anchor, Option<String>) {
    match &m.val {
        Val::Abs(v) => (Some(v.clone()), Anchor::Absolute, None),
        Val::Rel(e) => match (resolve_anaphor(e, told), doc.published) {
            (Some(v), _) => (Some(v), Anchor::Absolute, Some(e.clone())),
            (None, Some(p)) => {
                let anchor = if doc.anchor == Anchor::Inferred { Anchor::Inferred } else { Anchor::Published };
                let base = anaphor_fallback(e).unwrap_or_else(|| e.clone());
                (resolve_expr(&base, p), anchor, Some(e.clone()))
            }
            (None, None) => (None, Anchor::None, Some(e.clone())),
        },
    }
}

// ------------------------------------------------------------------ tokens

/// A sentence as tokens, with a lowercase copy of its text.
struct Sent<'a> {
    text: &'a str,
    /// ASCII-lowercased copy: same byte offsets as `text`.
    low: String,
    /// The language layer's pieces, offsets into the sentence.
    toks: Vec<crate::lang::Piece>,
    /// Token indices of future-tense markers ("will", "'ll", "scheduled").
    future: Vec<usize>,
    /// Token indices of reported-future modals ("would"): they turn only a
    /// bare weekday forward.
    reported: Vec<usize>,
    /// The sentence is told in the past ("was", "were", "had"): "until
    /// Thursday, they had not" looks back, not ahead.
    past_frame: bool,
}

impl<'a> Sent<'a> {
    fn new(text: &'a str) -> Self {
        let low = text.to_ascii_lowercase();
        // The grammar reads the language layer's pieces as they are: "Sept."
        // is "sept" and ".", "9:30" is "9", ":" and "30".
        let toks = crate::lang::pieces(text);
        let mut sent = Sent { text, low, toks, future: Vec::new(), reported: Vec::new(), past_frame: false };
        // "scheduled for Tuesday" looks ahead only in a sentence that is not
        // itself told in the past ("the session, scheduled for Tuesday, was delayed").
        let past_frame = (0..sent.toks.len()).any(|i| matches!(sent.w(i), "was" | "were" | "had"));
        sent.past_frame = past_frame;
        for i in 0..sent.toks.len() {
            let w = sent.w(i);
            let fut = match w {
                _ if crate::lang::is(crate::lang::Class::FutureMarker, w) => true,
                // "has scheduled a briefing Thursday": told in the present perfect, it lies ahead.
                "scheduled" => !past_frame || sent.any(i.wrapping_sub(1), &["has", "have"]),
                // "is to resume trading Tuesday", not "is to blame"
                "is" | "are" => sent.is(i + 1, "to") && !sent.is(i + 2, "blame"),
                // "plans to vote Tuesday", "planned a rally on Saturday"; not
                // "had planned to", nor the noun ("announced plans to", "its plan to").
                _ if crate::lang::is(crate::lang::Class::FutureToLead, w) => {
                    let prev = sent.w(i.wrapping_sub(1));
                    (sent.is(i + 1, "to") || (w.starts_with("plan") && sent.any(i + 1, &["a", "an"])))
                        && prev != "had"
                        && !crate::lang::is(crate::lang::Class::YearDeterminer, prev)
                        && !(w.starts_with("plan") && prev.len() > 4 && prev.ends_with("ed"))
                }
                // "'ll", "won't"
                "ll" => sent.apos(i.wrapping_sub(1)),
                "wo" => sent.apos(i + 1),
                "going" => sent.is(i + 1, "to") && !sent.is(i.wrapping_sub(1), "was"),
                // "set to open", "set for June 14", not "was expected to" nor the plan of a past
                // told in the past perfect ("had been due to expire Friday")
                "due" | "expected" | "set" => {
                    (sent.is(i + 1, "to") || (w == "set" && sent.is(i + 1, "for") && !past_frame))
                        && !sent.is(i.wrapping_sub(1), "was")
                        && !sent.is(i.wrapping_sub(1), "were")
                        && !(sent.is(i.wrapping_sub(1), "been") && sent.is(i.wrapping_sub(2), "had"))
                }
                _ => false,
            };
            if fut {
                sent.future.push(i);
            } else if crate::lang::is(crate::lang::Class::FutureReported, w) && !(w == "may" && sent.cap(i)) {
                sent.reported.push(i);
            }
        }
        sent
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    /// Lowercase text of token `i` ("" past the end).
    fn w(&self, i: usize) -> &str {
        self.toks.get(i).and_then(|t| self.low.get(t.start..t.end)).unwrap_or("")
    }

    /// Original text of token `i`.
    fn orig(&self, i: usize) -> &str {
        self.toks.get(i).and_then(|t| self.text.get(t.start..t.end)).unwrap_or("")
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.w(i) == w
    }

    /// Token `i` belongs to a word class of the lexicon.
    fn class(&self, i: usize, c: crate::lang::Class) -> bool {
        crate::lang::is(c, self.w(i))
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
        i > 0 && matches!((self.toks.get(i - 1), self.toks.get(i)), (Some(a), Some(b)) if a.end == b.start)
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

    /// Token `i` ends the previous token's word with a period ("Sept." / "a.m.").
    fn dot(&self, i: usize) -> bool {
        self.is(i, ".") && self.glued(i)
    }
}

// ------------------------------------------------------------------ matches

/// The family of rules that found a date mention; its stable id is
/// [`DateRule::as_str`], the `rule` field of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateRule {
    NumericDate,
    MonthDayYear,
    MonthDay,
    DayMonthYear,
    DayMonth,
    MonthYear,
    MonthRelYear,
    MonthRel,
    Month,
    Year,
    Decade,
    Century,
    Weekday,
    Weekend,
    RelativeDay,
    RelativeUnit,
    YearEnd,
    YearEarlier,
    Quarter,
    Season,
    Holiday,
    Reference,
    Duration,
    DurationThePast,
    Ago,
    Set,
    Clock,
    ClockDay,
}

use DateRule as R;

impl DateRule {
    /// Every family, for the rule-example test.
    pub const ALL: &[DateRule] = &[
        DateRule::NumericDate,
        DateRule::MonthDayYear,
        DateRule::MonthDay,
        DateRule::DayMonthYear,
        DateRule::DayMonth,
        DateRule::MonthYear,
        DateRule::MonthRelYear,
        DateRule::MonthRel,
        DateRule::Month,
        DateRule::Year,
        DateRule::Decade,
        DateRule::Century,
        DateRule::Weekday,
        DateRule::Weekend,
        DateRule::RelativeDay,
        DateRule::RelativeUnit,
        DateRule::YearEnd,
        DateRule::YearEarlier,
        DateRule::Quarter,
        DateRule::Season,
        DateRule::Holiday,
        DateRule::Reference,
        DateRule::Duration,
        DateRule::DurationThePast,
        DateRule::Ago,
        DateRule::Set,
        DateRule::Clock,
        DateRule::ClockDay,
    ];

    /// The stable id written in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            DateRule::NumericDate => "numeric-date",
            DateRule::MonthDayYear => "month-day-year",
            DateRule::MonthDay => "month-day",
            DateRule::DayMonthYear => "day-month-year",
            DateRule::DayMonth => "day-month",
            DateRule::MonthYear => "month-year",
            DateRule::MonthRelYear => "month-rel-year",
            DateRule::MonthRel => "month-rel",
            DateRule::Month => "month",
            DateRule::Year => "year",
            DateRule::Decade => "decade",
            DateRule::Century => "century",
            DateRule::Weekday => "weekday",
            DateRule::Weekend => "weekend",
            DateRule::RelativeDay => "relative-day",
            DateRule::RelativeUnit => "relative-unit",
            DateRule::YearEnd => "year-end",
            DateRule::YearEarlier => "year-earlier",
            DateRule::Quarter => "quarter",
            DateRule::Season => "season",
            DateRule::Holiday => "holiday",
            DateRule::Reference => "reference",
            DateRule::Duration => "duration",
            DateRule::DurationThePast => "duration-the-past",
            DateRule::Ago => "ago",
            DateRule::Set => "set",
            DateRule::Clock => "clock",
            DateRule::ClockDay => "clock+day",
        }
    }
}

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
    rule: DateRule,
}

fn mk(start: usize, end: usize, kind: DateKind, val: Val, rule: DateRule) -> Option<M> {
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
                let compared = compared_last_year(s, &m);
                inherit_granularity(period.as_ref(), &mut m, compared);
                follow_ahead(s, out.last(), &mut m);
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

/// Tokens back from a month or a month-day that a future marker of its clause may stand.
const FUTURE_CLAUSE_REACH: usize = 24;

/// Tokens a weekday may stand after a planned one and still follow it.
const FOLLOW_REACH: usize = 8;

/// "expected to begin in the Senate on Wednesday, followed by the House on
/// Thursday": a bare weekday shortly after a weekday that lies ahead, with
/// no past verb of its own, is the next step of the same plan.
fn follow_ahead(s: &Sent, prev: Option<&M>, m: &mut M) {
    let Some(p) = prev else { return };
    let ahead = matches!(&p.val, Val::Rel(e) if e.starts_with("wd:future:"));
    let Val::Rel(e) = &m.val else { return };
    if !ahead || m.rule != R::Weekday || !e.starts_with("wd:past:") || m.start > p.end + FOLLOW_REACH {
        return;
    }
    if s.past_verb_before(m.start) || (p.end..m.start).any(|k| s.any(k, &[";", "."])) {
        return;
    }
    m.val = rel(e.replacen("wd:past:", "wd:future:", 1));
}

/// "Profit in the third quarter rose from $5 million a year earlier": the
/// comparison point has the granularity of the period named before it in the
/// sentence, so it is that quarter (or month) a year before.
fn inherit_granularity(period: Option<&M>, m: &mut M, compared: bool) {
    if !(matches!(m.rule, R::Ago | R::YearEarlier) || compared) || !matches!(&m.val, Val::Rel(e) if e == "year:-1") {
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

/// "compared with a loss of $3 million last year", "up from last year's $9
/// million": "last year" right after an amount, or "from last year's", is a
/// comparison point like "a year earlier", not the calendar year.
fn compared_last_year(s: &Sent, m: &M) -> bool {
    if m.rule != R::RelativeUnit || m.start == 0 || !s.is(m.start, "last") || !s.is(m.end.wrapping_sub(1), "year") {
        return false;
    }
    let prev = s.w(m.start - 1);
    let amount = s.digits(m.start - 1).is_some()
        || crate::lang::number_word(prev).is_some_and(|(_, k)| k == crate::lang::NumberKind::Scale);
    amount || (prev == "from" && s.poss(m.end))
}

/// A quarter told relative to the anchor ("the third quarter", "this quarter",
/// "the quarter"), not a comparison point a year back nor a quarter of a year
/// given in digits: the quarter a later "the quarter" refers to.
fn names_quarter(m: &M) -> bool {
    let Val::Rel(e) = &m.val else { return false };
    let quarter = ["q:", "quarter:", "anaph:quarter:"].iter().any(|p| e.starts_with(p));
    matches!(m.rule, R::Quarter | R::RelativeUnit) && quarter && !e.contains(">Y")
}

/// A quarter or a month: a period that later comparison points refer to
/// ("the latest quarter" and "this quarter" too: an earnings story's "a year
/// earlier" is that quarter a year before).
fn is_period(m: &M) -> bool {
    matches!(m.rule, R::Quarter | R::Month | R::MonthYear | R::MonthRel | R::MonthRelYear)
        || (m.rule == R::RelativeUnit && matches!(&m.val, Val::Rel(e) if e.starts_with("quarter:")))
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
    if !(digit || crate::lang::is(crate::lang::Class::DateStart, w) || (w.len() == 2 && w.starts_with('q'))) {
        return None;
    }
    longest([modified(s, i), approx(s, i), core(s, i)])
}

/// An expression without leading modifiers.
fn core(s: &Sent, i: usize) -> Option<M> {
    longest([
        around_day(s, i),
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

/// "the week of March 6" (that day's ISO week), "the day before Tuesday",
/// "the day after Jan. 5" (that day moved by one): the span takes in the lead.
fn around_day(s: &Sent, i: usize) -> Option<M> {
    if !s.is(i, "the") {
        return None;
    }
    let (shift, j) = match (s.w(i + 1), s.w(i + 2)) {
        ("week", "of") => (None, i + 3),
        ("day", "before") => (Some(-1), i + 3),
        ("day", "after") => (Some(1), i + 3),
        _ => return None,
    };
    let d = longest([weekday(s, j), month_date(s, j), numeric_date(s, j)])?;
    if d.kind != DateKind::Date {
        return None;
    }
    let val = match (&d.val, shift) {
        (Val::Rel(e), None) => rel(format!("{e}>W")),
        (Val::Rel(e), Some(n)) => rel(format!("{e}>D{n}")),
        (Val::Abs(v), None) => abs(resolve::week_of(v)?),
        (Val::Abs(v), Some(n)) => abs(resolve::shift_day(v, n)?),
    };
    mk(i, d.end, DateKind::Date, val, d.rule)
}

/// "early next year", "late Tuesday", "mid-1990s", "the end of 1990",
/// "earlier this month": the modifier joins the span, the value stays.
fn modified(s: &Sent, i: usize) -> Option<M> {
    let mut j = i;
    if !s.class(j, crate::lang::Class::DateModifier) {
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
            return mk(i, j + 2, DateKind::Date, rel(base), R::RelativeUnit);
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
    let ok = m.kind == DateKind::Duration || m.rule == R::Ago;
    ok.then_some(M { start: i, ..m })
}

/// "10 p.m. Wednesday", "noon Thursday", "Friday morning": a clock time
/// directly followed by a day takes that day.
fn attach_day(s: &Sent, m: M) -> M {
    if m.kind != DateKind::Time || m.rule != R::Clock {
        return m;
    }
    let Val::Rel(e) = &m.val else { return m };
    let Some(t) = e.strip_prefix("day:0@") else { return m };
    let mut j = m.end;
    // "10 p.m. Wednesday", "5 p.m., Nov. 6", "9:30 a.m. on Tuesday"
    if s.any(j, &[",", "on"]) {
        j += 1;
    }
    let day = longest([weekday(s, j), relative_day(s, j), month_date(s, j), numeric_date(s, j)]);
    // "10:35 a.m. (0735 GMT) Friday", "4 in the morning (4 a.m. local time
    // Thursday)": the day after or at the end of a bracket is the time's day;
    // the time keeps its own span, the day stays a mention of its own.
    let (day, keep_span) = match day {
        Some(d) => (Some(d), false),
        None => (bracket_day(s, j), true),
    };
    let Some(d) = day else { return m };
    // "until 9 a.m. Tuesday": a deadline lies ahead.
    let deadline = m.start > 0 && s.any(m.start - 1, &["until", "till", "by"]) && !s.past_frame;
    // "will leave at 4 a.m. Thursday": a marker before the time counts too.
    let ahead = deadline || (s.future_near(m.start, d.end) && !s.past_verb_before(m.start) && !s.past_frame);
    let val = match &d.val {
        Val::Rel(de) if !de.contains('@') => {
            let de =
                if ahead { de.replace("wd:past:", "wd:future:").replace("md:near:", "md:future:") } else { de.clone() };
            rel(format!("{de}@{t}"))
        }
        Val::Abs(v) if v.len() == 10 => abs(format!("{v}{t}")),
        _ => return m,
    };
    let end = if keep_span { m.end } else { d.end };
    M { start: m.start, end, kind: DateKind::Time, val, rule: R::ClockDay }
}

/// Tokens a bracket after a clock time may hold and still lend it its day.
const BRACKET_REACH: usize = 12;

/// The day named in a short bracket at `j` or right after it: "(0735 GMT)
/// Friday", "(4 a.m. EDT Thursday)". Only a weekday or a month-day counts.
fn bracket_day(s: &Sent, j: usize) -> Option<M> {
    if !s.is(j, "(") {
        return None;
    }
    let close = (j + 1..(j + 1 + BRACKET_REACH).min(s.len())).find(|&k| s.is(k, ")"))?;
    let found = |k: usize| longest([weekday(s, k), month_date(s, k)]);
    let day = |d: &M| matches!(d.rule, R::Weekday | R::MonthDay | R::MonthDayYear);
    found(close + 1)
        .filter(day)
        .or_else(|| (j + 1..close).find_map(|k| found(k).filter(|d| d.end == close)).filter(day))
}

#[cfg(test)]
mod tests;
