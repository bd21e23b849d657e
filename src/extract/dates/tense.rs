//! Tense of the clause around a date: future markers, reported plans, past-tense verbs before
//! and after it, and the clause after a date that opens the sentence. These choose whether a
//! weekday, month or month-day without a year lies ahead of the anchor or behind it.

use super::*;

/// Tokens after a date that opens the sentence within which its main clause must show its tense.
const FRONTED_REACH: usize = 32;

impl Sent<'_> {
    /// A future-tense marker within the window around tokens `[i, j)`.
    pub(super) fn future_near(&self, i: usize, j: usize) -> bool {
        self.future.iter().any(|&f| f + 10 >= i && f < j + 6)
    }

    /// "will be named commander of the shuttle for a mission in December": a
    /// future marker earlier in the same clause, further back than
    /// [`Sent::future_near`] looks, with no past-tense verb of its own between
    /// it and the date (a participle after "be" is not one), and no clause
    /// break (`,` `;` `:`, a bracket or a quote mark) between them. Reported
    /// modals ("would") do not count here, as in `future_near`.
    pub(super) fn future_clause_before(&self, i: usize) -> bool {
        let lo = i.saturating_sub(FUTURE_CLAUSE_REACH);
        for k in (lo..i).rev() {
            let w = self.w(k);
            if matches!(w, "," | ";" | ":" | "\"" | "`" | "(" | ")") {
                return false;
            }
            if self.future.binary_search(&k).is_ok() {
                return true;
            }
            let participle = matches!(self.w(k.wrapping_sub(1)), "be" | "been" | "being");
            if is_past_form(w) && !participle && !crate::lang::is(crate::lang::Class::FutureParticiple, w) {
                return false;
            }
        }
        false
    }

    /// A reported-future modal within the window around tokens `[i, j)`
    /// ("said he would travel Thursday").
    pub(super) fn reported_near(&self, i: usize, j: usize) -> bool {
        self.reported.iter().any(|&f| f + 10 >= i && f < j + 6)
    }

    /// A date that opens the sentence and is followed by its past-tense
    /// clause: "On Friday, the ministry planned to pay", "In September, it
    /// announced plans". The verb after it tells the time, whatever markers
    /// come later.
    pub(super) fn fronted_past(&self, i: usize, end: usize) -> bool {
        self.fronted_tense(i, end) == Some(true)
    }

    /// A date opening the sentence ("On Tuesday, ..."): `Some(true)` when the
    /// main clause after it is told in the past, `Some(false)` when a future
    /// marker comes first ("On Tuesday, the league plans to vote"), else `None`.
    /// The main clause may come after asides set off by commas: an apposition
    /// without a verb ("In April, a week after the vote, the mayor resigned")
    /// or a clause opened by a word of `date-aside-openers.txt` ("On Monday,
    /// after the talks ended, the union will strike"), whose verbs do not count.
    pub(super) fn fronted_tense(&self, i: usize, end: usize) -> Option<bool> {
        if !(0..i).all(|k| self.class(k, crate::lang::Class::PastVerbGap) || self.is(k, "also")) {
            return None;
        }
        if !self.is(end, ",") {
            return None;
        }
        // Tokens since the last comma, and whether that stretch is an aside.
        let (mut seg, mut aside) = (0, false);
        for k in end + 1..(end + FRONTED_REACH).min(self.len()) {
            let w = self.w(k);
            if w == "," {
                (seg, aside) = (0, false);
                continue;
            }
            if matches!(w, ";" | "\"" | "`") {
                return None;
            }
            seg += 1;
            if seg <= 3 && self.class(k, crate::lang::Class::DateAsideOpener) {
                aside = true;
            }
            if aside {
                continue;
            }
            // "planned to pay" is past here: check the form first; "a retired judge" is no verb.
            let adjective = self.class(k - 1, crate::lang::Class::NounDeterminer) || self.any(k - 1, &["a", "an"]);
            if is_past_form(w) && !adjective {
                return Some(true);
            }
            if self.future.contains(&k) || self.reported.contains(&k) {
                return Some(false);
            }
        }
        None
    }

    /// A past-tense verb right after the expression ending at `end`
    /// ("Bush on Tuesday said"): the date is when it happened.
    pub(super) fn past_verb_after(&self, end: usize) -> bool {
        let w = self.w(end);
        is_past_form(w) && !crate::lang::is(crate::lang::Class::FutureParticiple, w)
    }

    /// A past-tense verb right before the expression at `i` ("announced
    /// Wednesday", "issued on July 1"): it wins over a future marker nearby.
    pub(super) fn past_verb_before(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 && self.class(k - 1, crate::lang::Class::PastVerbGap) {
            k -= 1;
        }
        if k == 0 {
            return false;
        }
        let w = self.w(k - 1);
        // "to be published in November", "will be paid Dec. 14": a passive
        // after "be" is not told in the past; "expected in December" points ahead.
        if (matches!(self.w(k.wrapping_sub(2)), "be" | "being")
            || crate::lang::is(crate::lang::Class::FutureParticiple, w))
        {
            return false;
        }
        is_past_form(w)
    }
}

impl Sent<'_> {
    /// "The council votes Tuesday on the budget", "He and the envoy meet
    /// separately Monday": a verb of `scheduled-verbs.txt` in the simple present
    /// right before the weekday at `i` (or before "on" and it, perhaps with one
    /// adverb in "-ly" between), after a subject and with no past-tense verb
    /// earlier in its clause, tells what is set to happen. A determiner, a
    /// number, a possessive or "to" before the verb makes it a noun or an
    /// infinitive ("the votes Tuesday", "the team's meet Saturday").
    pub(super) fn scheduled_present(&self, i: usize) -> bool {
        let mut k = i;
        if k > 0 && self.is(k - 1, "on") {
            k -= 1;
        }
        if k > 0 && self.w(k - 1).len() > 4 && self.w(k - 1).ends_with("ly") {
            k -= 1;
        }
        if k < 2 || !self.class(k - 1, crate::lang::Class::ScheduledVerb) || self.cap(k - 1) {
            return false;
        }
        let v = k - 1;
        let noun = self.class(v - 1, crate::lang::Class::NounDeterminer)
            || self.any(v - 1, &["a", "an", "to"])
            || self.digits(v - 1).is_some()
            || (self.is(v - 1, "s") && self.apos(v.wrapping_sub(2)));
        !noun && !self.past_in_clause_before(v)
    }

    /// "a program to pay down the loan by February": "by" right before the
    /// date at `i` and an infinitive ("to" and a verb) earlier in its clause,
    /// with no past-tense verb in the clause: the deadline of a purpose lies
    /// ahead. "had repaid it by February" and "sold it to a rival by
    /// February" are told in the past.
    pub(super) fn purpose_deadline(&self, i: usize) -> bool {
        if i == 0 || !self.is(i - 1, "by") || self.past_in_clause_before(i - 1) {
            return false;
        }
        (clause_start(self, i - 1)..i - 1).any(|k| self.is(k, "to") && self.infinitive_verb(k + 1))
    }

    /// A past-tense verb between the start of the clause and token `k` (a
    /// participle after "be" or one that points ahead does not count, nor a
    /// capitalised word: "United").
    pub(super) fn past_in_clause_before(&self, k: usize) -> bool {
        (clause_start(self, k)..k).any(|j| {
            let w = self.w(j);
            let participle = j > 0 && self.any(j - 1, &["be", "been", "being"]);
            is_past_form(w) && !self.cap(j) && !participle && !crate::lang::is(crate::lang::Class::FutureParticiple, w)
        })
    }

    /// Token `k` can be the bare verb of an infinitive after "to": a lowercase
    /// word, not a determiner, pronoun, number, plural, participle or past form.
    fn infinitive_verb(&self, k: usize) -> bool {
        let w = self.w(k);
        !w.is_empty()
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && !self.cap(k)
            && !self.class(k, crate::lang::Class::NounDeterminer)
            && !self.class(k, crate::lang::Class::ObjectWord)
            && !w.ends_with("ing")
            && (!w.ends_with('s') || w.ends_with("ss"))
            && !is_past_form(w)
    }
}

/// The first token of the clause that holds token `k`: after the last
/// comma, semicolon, colon, bracket or quote mark before it.
fn clause_start(s: &Sent, k: usize) -> usize {
    (0..k).rev().find(|&j| matches!(s.w(j), "," | ";" | ":" | "\"" | "`" | "(" | ")")).map_or(0, |j| j + 1)
}

/// A past-tense form: a known irregular one or a word in "-ed" that is not a base form ("need").
pub(super) fn is_past_form(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed") && !crate::lang::is(crate::lang::Class::NotPastEd, w))
        || crate::lang::is(crate::lang::Class::PastVerb, w)
}
