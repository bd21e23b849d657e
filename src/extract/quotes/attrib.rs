//! Speaker attribution: find the speech cue and the phrase that names the speaker around a quote.
//!
//! Shapes recognised (the quote is `Q`):
//! * after the quote: `Q, Lavrov said` / `Q, Lavrov, the foreign minister, said` / `Q, said Lavrov` /
//!   `Q, he added` / `Q, a senior official who asked not to be named said` / `Q, according to X`;
//! * before the quote, in the same sentence: `Lavrov told reporters: Q`, `She said that Q`,
//!   `X, spokeswoman for Y, warned that Q`, `X praised the talks but cautioned that Q`,
//!   `X released a statement saying Q`, `According to X, Q`;
//! * a sentence that ends with a colon right before the quote: its subject speaks
//!   (`He repeated the point at a cabinet meeting: Q`);
//! * after the quote, a clause that closes with the tag: `Q would be fine, retired judge X said on
//!   the radio` / `Q unless rates fall, said X, a pollster` (not `according to`, which vouches for
//!   the writer's sentence); lowercase titles before a name: `Q former agent X explained`;
//! * before the quote, read past what stands between the speaker and the cue: an appositive with
//!   commas of its own (back comma by comma to a phrase that can speak), a `who` clause, a short
//!   parenthesis (`X (D-Ohio) said`), a time phrase (`X on Tuesday night warned`); `X began by
//!   saying` / `X went on to say` take the subject of the verb before `by`/`to`; a naming verb
//!   (`called`, `dubbed`) speaks only after a name or a personal pronoun (`what X called Q`).
//!
//! Phrasal cues need their particle (`shot back`, `fired back`, `referred to`).
//!
//! A speaker phrase is a name (a run of capitalised words, with titles such as `Mr.`), a subject
//! pronoun, or a nominal with a determiner (`the spokeswoman`, `a Twitter spokesman`, `the ministry`)
//! or a bare plural role (`officials`). Nothing is attributed without a cue verb or a colon.

use crate::lang::{Class, is};
use std::borrow::Cow;

mod before_quote;
pub use before_quote::before;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub s: usize,
    pub e: usize,
    pub word: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpKind {
    Name,
    Pronoun,
    Nominal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The speaker phrase (mention) offsets.
    pub s: usize,
    pub e: usize,
    pub kind: SpKind,
    /// The cue (verb, with "reporters" or an adjacent adverb when present).
    pub cue: Option<(usize, usize)>,
    /// For a relative pronoun ("Mr. X, who said ..."), the phrase it stands for.
    pub ante: Option<(usize, usize, SpKind)>,
}

/// Split `text[from..to]` into words and single punctuation characters: the
/// language layer's pieces, with the glued runs that a joiner (`'`, `’`,
/// `-`, `‑`, `.`, `&`) links made one word, and the full stop of an initial
/// or abbreviation kept with its word ("Mr.", "J.", "U.S.").
pub fn tokenize(text: &str, from: usize, to: usize) -> Vec<Tok> {
    use crate::lang::{is_run, mark};
    let seg = &text[from..to];
    let ps = crate::lang::pieces(seg);
    let glued = |k: usize, at: usize| ps.get(k).filter(|p| p.start == at).copied();
    let mut out = Vec::with_capacity(ps.len());
    let mut k = 0;
    while let Some(&p) = ps.get(k) {
        k += 1;
        if !is_run(seg, p) {
            out.push(Tok { s: from + p.start, e: from + p.end, word: false });
            continue;
        }
        let mut end = p.end;
        while let Some(q) = glued(k, end)
            && matches!(mark(seg, q), Some('\'' | '’' | '-' | '.' | '&' | '‑'))
            && let Some(r) = glued(k + 1, q.end).filter(|&r| is_run(seg, r))
        {
            end = r.end;
            k += 2;
        }
        if glued(k, end).is_some_and(|q| mark(seg, q) == Some('.')) {
            let w = &seg[p.start..end];
            let lw = w.to_lowercase();
            let initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
            if initial || w.contains('.') || is(Class::AttribAbbrev, lw.as_ref()) {
                end += 1;
                k += 1;
            }
        }
        out.push(Tok { s: from + p.start, e: from + end, word: true });
    }
    out
}

/// Non-finite cues take the subject of the sentence ("X released a statement saying ...").
fn is_gerund(w: &str) -> bool {
    w.ends_with("ing") && w != "according"
}

/// The token lowercased; borrowed when it already is (most words), to spare an allocation.
fn lw<'a>(text: &'a str, t: &Tok) -> Cow<'a, str> {
    let w = &text[t.s..t.e];
    if w.chars().any(char::is_uppercase) { Cow::Owned(w.to_lowercase()) } else { Cow::Borrowed(w) }
}

/// A possessive form, lowercase ("ruiz’s", "the agency's").
fn ends_possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s")
}

fn is_cap(text: &str, t: &Tok) -> bool {
    t.word && text[t.s..t.e].chars().next().is_some_and(char::is_uppercase)
}

fn is_p(text: &str, t: &Tok, set: &str) -> bool {
    !t.word && set.contains(&text[t.s..t.e])
}

fn is_cue_at(text: &str, toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if !t.word {
        return false;
    }
    let w = lw(text, t);
    if !is(Class::SpeechCue, w.as_ref()) {
        return false;
    }
    // A capitalised cue is a headline word or a name ("States"), except a sentence-initial "According".
    if is_cap(text, t) && w != "according" {
        return false;
    }
    let next = toks.get(i + 1).map(|n| lw(text, n));
    match w.as_ref() {
        "according" => next.as_deref() == Some("to"),
        "put" => next.as_deref() == Some("it"),
        "pointed" => next.as_deref() == Some("out"),
        // "shot back", "fired back": without "back" these are about guns and jobs.
        "shot" | "fired" => next.as_deref() == Some("back"),
        // "referred to X as ...": the bare verb is about files and patients.
        "referred" => next.as_deref() == Some("to"),
        // "wanted to know": a question put to someone.
        "know" => {
            i >= 2
                && lw(text, &toks[i - 1]) == "to"
                && matches!(lw(text, &toks[i - 2]).as_ref(), "wanted" | "wants" | "want")
        }
        "quoted" => false,
        // "says" as a noun ("has a say") and capitalised "Say" in a headline are too rare to matter.
        _ => true,
    }
}

fn is_name_word(text: &str, t: &Tok) -> bool {
    is_cap(text, t) && !is(Class::NotName, lw(text, t).as_ref())
}

/// A name run ending at token index `end` (exclusive): capitalised words, particles between them.
fn name_back(text: &str, toks: &[Tok], end: usize, min: usize) -> Option<usize> {
    let mut i = end;
    let mut first = None;
    while i > min {
        let t = &toks[i - 1];
        if is_name_word(text, t) {
            first = Some(i - 1);
            i -= 1;
        } else if t.word
            && first.is_some()
            && is(Class::NameParticle, lw(text, t).as_ref())
            && i - 1 > min
            && is_cap(text, &toks[i - 2])
        {
            i -= 1;
        } else {
            break;
        }
    }
    let f = first?;
    // Include "the" before an organisation name ("the White House").
    if f > min && lw(text, &toks[f - 1]) == "the" {
        return Some(f - 1);
    }
    Some(f)
}

/// A name run starting at `start`.
fn name_fwd(text: &str, toks: &[Tok], start: usize) -> Option<usize> {
    let mut i = start;
    if toks.get(i).is_some_and(|t| lw(text, t) == "the") && toks.get(i + 1).is_some_and(|t| is_name_word(text, t)) {
        i += 1;
    }
    if !toks.get(i).is_some_and(|t| is_name_word(text, t)) {
        return None;
    }
    let mut end = i + 1;
    loop {
        match toks.get(end) {
            Some(t) if is_cap(text, t) => end += 1,
            Some(t)
                if t.word
                    && is(Class::NameParticle, lw(text, t).as_ref())
                    && toks.get(end + 1).is_some_and(|n| is_cap(text, n)) =>
            {
                end += 2
            }
            _ => break,
        }
    }
    Some(end)
}

/// The speaker phrase that ends right before token `end` (exclusive), not reaching before `min`.
fn np_back(text: &str, toks: &[Tok], end: usize, min: usize) -> Option<(usize, usize, SpKind)> {
    if end <= min {
        return None;
    }
    let t = &toks[end - 1];
    if !t.word {
        return None;
    }
    let w = lw(text, t);
    if is(Class::SpeakerPronoun, w.as_ref()) {
        return Some((end - 1, end, SpKind::Pronoun));
    }
    if is_name_word(text, t) {
        let f = name_back(text, toks, end, min)?;
        // "Premier Jan Holt in Corvella said", "the mayor of Springfield said": a place after a
        // preposition modifies the head before it, which is the speaker.
        if f >= min + 2
            && toks[f - 1].word
            && matches!(lw(text, &toks[f - 1]).as_ref(), "in" | "from" | "at" | "of")
            && let Some(h) = np_back(text, toks, f - 1, min)
            && (h.2 == SpKind::Name || is(Class::SpeakerRole, lw(text, &toks[h.1 - 1]).as_ref()))
        {
            return Some(h);
        }
        return Some((f, end, SpKind::Name));
    }
    if is_cap(text, t) {
        return None;
    }
    // A nominal: words back to a determiner or a possessive, at most 7.
    let mut i = end;
    while i > min && end - i < 7 {
        let u = &toks[i - 1];
        if !u.word {
            break;
        }
        let uw = lw(text, u);
        if is(Class::SpeakerDeterminer, uw.as_ref()) || ends_possessive(&uw) {
            // A determiner alone ("the") is not a speaker.
            return (i < end).then_some((i - 1, end, SpKind::Nominal));
        }
        if is(Class::SpeakerPhraseStop, uw.as_ref())
            || is(Class::SpeechCue, uw.as_ref())
            || is(Class::SpeakerPronoun, uw.as_ref())
        {
            break;
        }
        i -= 1;
    }
    if is(Class::BareRole, w.as_ref()) {
        // Keep capitalised or short modifiers ("Republican officials", "U.S. officials").
        let mut f = end - 1;
        while f > min
            && end - f < 3
            && toks[f - 1].word
            && is_cap(text, &toks[f - 1])
            && !is(Class::NotName, lw(text, &toks[f - 1]).as_ref())
        {
            f -= 1;
        }
        return Some((f, end, SpKind::Nominal));
    }
    None
}

/// The speaker phrase that starts at token `start`, reading forward (after an inverted cue).
fn np_fwd(text: &str, toks: &[Tok], start: usize) -> Option<(usize, usize, SpKind)> {
    let t = toks.get(start)?;
    if !t.word {
        return None;
    }
    let w = lw(text, t);
    if is(Class::SpeakerPronoun, w.as_ref()) {
        return Some((start, start + 1, SpKind::Pronoun));
    }
    if !is(Class::SpeakerDeterminer, w.as_ref())
        && let Some(e) = name_fwd(text, toks, start)
    {
        if let Some(e2) = role_then_name(text, toks, e) {
            return Some((start, e2, SpKind::Name));
        }
        // "Venn supporters", "Labour officials": a name that modifies a plural role is not the speaker.
        if let Some(r) = toks.get(e)
            && r.word
            && !is_cap(text, r)
            && is(Class::BareRole, lw(text, r).as_ref())
        {
            return Some((start, e + 1, SpKind::Nominal));
        }
        return Some((start, e, SpKind::Name));
    }
    if is(Class::SpeakerDeterminer, w.as_ref()) || ends_possessive(&w) {
        let mut e = start + 1;
        while e < toks.len() && e - start < 8 {
            let u = &toks[e];
            let uw = lw(text, u);
            if !u.word || is(Class::SpeakerPhraseStop, uw.as_ref()) {
                break;
            }
            // Without a tagger, a past-tense or common verb after the head ends the phrase.
            if e > start + 1
                && (uw.ends_with("ed")
                    || is(Class::SpeechCue, uw.as_ref())
                    || is(Class::NominalVerb, uw.as_ref())
                    || is(Class::CueSkip, uw.as_ref()))
            {
                break;
            }
            if e == start + 1 && (is(Class::NominalVerb, uw.as_ref()) || is(Class::CueSkip, uw.as_ref())) {
                return None;
            }
            e += 1;
        }
        if e > start + 1 {
            return Some((start, e, SpKind::Nominal));
        }
        return None;
    }
    if is(Class::BareRole, w.as_ref()) {
        return Some((start, start + 1, SpKind::Nominal));
    }
    None
}

/// "Harbor police Lt. Carla Menz", "Acme spokesman Jo Lee": after a name that modifies a role
/// (a town, an agency), at most three lower-case role words and then the name of the person who
/// holds it. Returns the end of that second name.
fn role_then_name(text: &str, toks: &[Tok], end: usize) -> Option<usize> {
    let mut k = end;
    while k < toks.len() && k - end < 3 {
        let t = &toks[k];
        let w = lw(text, t);
        if !t.word || is_cap(text, t) || ends_noun_phrase(&w) {
            break;
        }
        k += 1;
    }
    if k == end || !toks[end..k].iter().any(|t| is(Class::SpeakerRole, lw(text, t).as_ref())) {
        return None;
    }
    name_fwd(text, toks, k).filter(|&e| toks[k..e].iter().any(|t| !is(Class::NotName, lw(text, t).as_ref())))
}

/// An age before an inverted speaker: "said 47-year-old Tomas Greer".
fn is_age(text: &str, t: &Tok) -> bool {
    let w = &text[t.s..t.e];
    t.word && w.starts_with(|c: char| c.is_ascii_digit()) && (w.ends_with("-year-old") || w.ends_with("-years-old"))
}

fn skip_back(text: &str, toks: &[Tok], mut k: usize, min: usize) -> usize {
    while k > min {
        let t = &toks[k - 1];
        let w = lw(text, t);
        if t.word && (is(Class::CueSkip, w.as_ref()) || (w.ends_with("ly") && w.len() > 4 && !is_cap(text, t))) {
            k -= 1;
        } else {
            break;
        }
    }
    k
}

/// "Greer, for one, called": the index of the comma that opens an aside closing at `k` (`toks[k -
/// 1]` is its closing comma), so the speaker before it meets the cue; `k` when there is none.
fn skip_aside(text: &str, toks: &[Tok], k: usize) -> usize {
    if k < 3 || !is_p(text, &toks[k - 1], ",") {
        return k;
    }
    for m in 1..=3 {
        let Some(open) = (k - 1).checked_sub(m + 1) else { break };
        let words = &toks[open + 1..k - 1];
        if is_p(text, &toks[open], ",") && words.iter().all(|t| t.word) {
            let phrase = words.iter().map(|t| lw(text, t)).collect::<Vec<_>>().join(" ");
            if is(Class::CommaAside, &phrase) {
                return open;
            }
        }
    }
    k
}

fn cue_span(text: &str, toks: &[Tok], c: usize) -> (usize, usize) {
    let t = toks[c];
    let mut e = t.e;
    let w = lw(text, &t);
    if let Some(n) = toks.get(c + 1) {
        let nw = lw(text, n);
        let adverb = n.word && nw.ends_with("ly") && nw.len() > 4 && !is_cap(text, n);
        if w == "according"
            || w == "put"
            || w == "pointed"
            || w == "shot"
            || w == "fired"
            || (w == "told" || w == "telling") && is(Class::PressAudience, nw.as_ref())
            || adverb
        {
            e = n.e;
        }
    }
    (t.s, e)
}

/// Sentence subject: the first speaker phrase of `toks[from..]`, after an introductory phrase.
pub fn sentence_subject(text: &str, toks: &[Tok], from: usize, to: usize) -> Option<(usize, usize, SpKind)> {
    let mut i = from;
    while i < to && !toks[i].word {
        i += 1;
    }
    let first = toks.get(i)?;
    let fw = lw(text, first);
    let mut skipped = false;
    // "Notably, ...", "Separately, ...": a sentence adverb before a comma is never the subject.
    let adverb = fw.ends_with("ly") && fw.len() > 4 && toks.get(i + 1).is_some_and(|t| is_p(text, t, ","));
    if is(Class::SpeakerIntro, fw.as_ref()) || (fw.ends_with("ing") && fw.len() > 5) || adverb {
        // Skip to after the first comma of the sentence, if any.
        if let Some(c) = (i..to.min(i + 16)).find(|&k| is_p(text, &toks[k], ",")) {
            i = c + 1;
            skipped = true;
        } else if matches!(fw.as_ref(), "but" | "and" | "yet" | "still") {
            i += 1;
        } else {
            return None;
        }
    }
    // A phrase that opens the sentence without a lead word ("Eight years ago, he said"): the
    // subject follows its comma.
    let opener = |r: (usize, usize, SpKind)| {
        let f = Found { s: toks[r.0].s, e: toks[r.1 - 1].e, kind: r.2, cue: None, ante: None };
        r.2 == SpKind::Nominal && toks.get(r.1).is_some_and(|t| is_p(text, t, ",")) && !speakerlike(text, &f)
    };
    if !skipped
        && np_fwd(text, toks, i).is_none_or(opener)
        && let Some(c) = (i..to.min(i + 8)).find(|&k| is_p(text, &toks[k], ","))
        && !(i..c).any(|k| is_cue_at(text, toks, k))
    {
        i = c + 1;
    }
    // An introductory phrase may hold commas of its own ("In Concord, New Hampshire, X said").
    let mut first = None;
    for _ in 0..3 {
        let r = match (i < to).then(|| np_fwd(text, toks, i)).flatten() {
            Some(r) if r.1 <= to => r,
            _ => return first,
        };
        if skipped && toks.get(r.1).is_some_and(|t| is_p(text, t, ",")) && r.2 != SpKind::Pronoun {
            first = first.or(Some(r));
            i = r.1 + 1;
            continue;
        }
        return Some(r);
    }
    first
}

/// Attribution after the quote. `toks` is the window from the closing mark to the end of the
/// sentence; `after_period` says the quote ended its own sentence, so a following clause is not a
/// speech tag.
pub fn after(text: &str, toks: &[Tok], after_period: bool) -> Option<Found> {
    if after_period {
        return None;
    }
    let mut f = 0;
    while f < toks.len() && is_p(text, &toks[f], ",—–-?!…") {
        f += 1;
    }
    if f >= toks.len() || !toks[f].word {
        return None;
    }
    // No cue near the quote: a long clause may still close with the speech tag.
    let Some(c) = first_cue_after(text, toks, f) else { return tail(text, toks, f) };
    let k = skip_back(text, toks, c, f);
    if k == f {
        return inverted_after(text, toks, c);
    }
    speaker_before_cue(text, toks, f, k, c)
}

/// The first cue within reach of the window's first word `f`, with nothing
/// that ends a clause before it.
fn first_cue_after(text: &str, toks: &[Tok], f: usize) -> Option<usize> {
    let mut paren_close = 0;
    for (i, t) in toks.iter().enumerate().skip(f).take(18) {
        if i < paren_close {
            continue;
        }
        // A short parenthesis after a name ("Reid (D-Nev.) said") is read past.
        if is_p(text, t, "(")
            && let Some(j) = (i + 1..toks.len().min(i + 8)).find(|&j| is_p(text, &toks[j], ")"))
        {
            paren_close = j + 1;
            continue;
        }
        if !t.word && is_p(text, t, ".!?;:\"“”()") {
            return None;
        }
        // A cue right after "who" belongs to a relative clause inside the speaker phrase.
        if is_cue_at(text, toks, i) && !(i > f && matches!(lw(text, &toks[i - 1]).as_ref(), "who" | "which")) {
            return Some(i);
        }
    }
    None
}

/// Inverted: ", said Lavrov" / ", added the spokeswoman" / ", according to X".
fn inverted_after(text: &str, toks: &[Tok], c: usize) -> Option<Found> {
    let cw = lw(text, &toks[c]);
    let s = skip_fwd(text, toks, if cw == "according" { c + 2 } else { c + 1 });
    if is_gerund(&cw) {
        return None;
    }
    let (a, b, kind) = np_fwd(text, toks, s).or_else(|| titled_name_fwd(text, toks, s))?;
    let (a, b, kind) = appositive_name(text, toks, a, b, kind).unwrap_or((a, b, kind));
    Some(Found { s: toks[a].s, e: toks[b - 1].e, kind, cue: Some(cue_span(text, toks, c)), ante: None })
}

/// Speaker first: ", Lavrov said" / ", Michael Lee, the city manager, said":
/// the speaker runs from the window's first word `f` to the cue `c` (`k` is
/// where the words skipped before the cue begin).
fn speaker_before_cue(text: &str, toks: &[Tok], f: usize, k: usize, c: usize) -> Option<Found> {
    let fw = lw(text, &toks[f]);
    if !(is(Class::SpeakerPronoun, fw.as_ref())
        || is_cap(text, &toks[f])
        || is(Class::SpeakerDeterminer, fw.as_ref())
        || is(Class::BareRole, fw.as_ref())
        || fw.ends_with("’s")
        || fw.ends_with("'s"))
    {
        return titled_name(text, toks, f, k, c).or_else(|| tail(text, toks, f));
    }
    if is_gerund(&lw(text, &toks[c])) {
        return None;
    }
    let cue = || Some(cue_span(text, toks, c));
    let mut end = k;
    if is_p(text, &toks[k - 1], ",") {
        // An appositive: the speaker is what comes before its first comma. No comma before it:
        // the words after the quote are a clause of the writer's sentence ("“...” that X can win,
        // said Y"), which may still close with the tag.
        match (f..k - 1).find(|&i| is_p(text, &toks[i], ",")) {
            Some(e) => end = e,
            None => return tail(text, toks, f),
        }
    }
    if is(Class::SpeakerPronoun, fw.as_ref()) {
        return (end == f + 1).then(|| Found {
            s: toks[f].s,
            e: toks[f].e,
            kind: SpKind::Pronoun,
            cue: cue(),
            ante: None,
        });
    }
    // ", From said": one capitalised word between the quote and the cue is a surname, even one
    // spelt like a function word (after the quote's comma only a name is capitalised; after a
    // question mark a new sentence may start: "“Who will pay?” Hundreds asked.").
    if k == f + 1
        && (quote_ends_with_comma(text, toks[0].s) || (0..f).any(|i| is_p(text, &toks[i], ",")))
        && is_cap(text, &toks[f])
        && is(Class::NotName, fw.as_ref())
        && !is(Class::SpeakerDeterminer, fw.as_ref())
        && text[toks[f].s..toks[f].e].chars().all(char::is_alphabetic)
    {
        return Some(Found { s: toks[f].s, e: toks[f].e, kind: SpKind::Name, cue: cue(), ante: None });
    }
    // The phrase must run from the window's start to the cue; the mention is its head part.
    let Some((a, b, kind)) = np_fwd(text, toks, f) else { return tail(text, toks, f) };
    if b == end
        && let Some((na, nb, nk)) = appositive_name(text, toks, a, b, kind)
        && nb + 1 == k
    {
        return Some(Found { s: toks[na].s, e: toks[nb - 1].e, kind: nk, cue: cue(), ante: None });
    }
    let b = b.min(end);
    if b <= a {
        return None;
    }
    // Between the head and the cue only a relative clause or modifiers may stand, no other verb-like cue.
    if (b..end).any(|i| {
        toks[i].word && is_cue_at(text, toks, i) && !matches!(lw(text, &toks[i - 1]).as_ref(), "who" | "which" | "that")
    }) {
        return None;
    }
    if end - f > 14 {
        return None;
    }
    Some(Found { s: toks[a].s, e: toks[b - 1].e, kind, cue: cue(), ante: None })
}

/// Does the quote that closes right before byte `at` end on a comma ("..., we did,” From said")?
fn quote_ends_with_comma(text: &str, at: usize) -> bool {
    text.get(..at).is_some_and(|b| b.trim_end().trim_end_matches(['"', '”', '’', '\'']).ends_with(','))
}

/// "said former Rep. Ana Ruiz", "said state party chair Tom Berg": lower-case title words (an
/// agency's initials among them) before the name of an inverted speaker. The mention is the name.
fn titled_name_fwd(text: &str, toks: &[Tok], s: usize) -> Option<(usize, usize, SpKind)> {
    let mut k = s;
    while k < toks.len() && k - s < 4 {
        let t = &toks[k];
        let w = lw(text, t);
        let initials = t.e - t.s >= 2 && text[t.s..t.e].chars().all(|c| c.is_uppercase() || c == '.');
        if !t.word || (is_cap(text, t) && !initials) || ends_noun_phrase(&w) || w.ends_with("ly") {
            break;
        }
        k += 1;
    }
    if k == s || is_cap(text, &toks[k - 1]) {
        return None;
    }
    let e = name_fwd(text, toks, k)?;
    Some((k, e, SpKind::Name))
}

/// "said the mayor, Ana Ruiz", "the head of the union, Tomas Greer, said": a role phrase
/// `toks[a..b]` followed by a comma and a name that closes the clause or another comma. The name
/// says who holds the role, so it is the speaker.
fn appositive_name(text: &str, toks: &[Tok], a: usize, b: usize, kind: SpKind) -> Option<(usize, usize, SpKind)> {
    if kind != SpKind::Nominal || !toks.get(b).is_some_and(|t| is_p(text, t, ",")) {
        return None;
    }
    let head = lw(text, &toks[b - 1]);
    if !is(Class::SpeakerRole, head.as_ref()) && !(a..b).any(|i| is(Class::SpeakerRole, lw(text, &toks[i]).as_ref())) {
        return None;
    }
    let e = name_fwd(text, toks, b + 1)?;
    let closes = toks.get(e).is_none_or(|t| is_p(text, t, ",.;:!?"));
    (closes && toks[b + 1..e].iter().all(|t| t.word)).then_some((b + 1, e, SpKind::Name))
}

/// "“...” former FBI agent Ana Ruiz explained": lowercase titles, then a name, then the cue at `c`
/// (`k` is the cue after skipping auxiliaries and adverbs). The mention is the name.
fn titled_name(text: &str, toks: &[Tok], f: usize, k: usize, c: usize) -> Option<Found> {
    if is_gerund(&lw(text, &toks[c])) {
        return None;
    }
    let (a, b, kind) = np_back(text, toks, k, f)?;
    if kind != SpKind::Name || b != k || a <= f || a - f > 4 {
        return None;
    }
    // An organization's name may stand inside the title ("former FBI agent"), as long as the
    // word before the name is a lower-case role.
    if is_cap(text, &toks[a - 1]) {
        return None;
    }
    let titles = toks[f..a].iter().all(|t| {
        let w = lw(text, t);
        t.word
            && (!is_cap(text, t) || (t.e - t.s >= 2 && text[t.s..t.e].chars().all(|c| c.is_uppercase() || c == '.')))
            && !is(Class::SpeakerPhraseStop, w.as_ref())
            && !is(Class::SpeechCue, w.as_ref())
            && !is(Class::NominalVerb, w.as_ref())
            && !is(Class::CueSkip, w.as_ref())
            && !is(Class::SpeakerPronoun, w.as_ref())
            && !is(Class::SpeakerDeterminer, w.as_ref())
            && !w.ends_with("ly")
            && !w.ends_with("ed")
    });
    titles.then(|| Found { s: toks[a].s, e: toks[b - 1].e, kind, cue: Some(cue_span(text, toks, c)), ante: None })
}

/// "X on Tuesday night warned", "X last week told": a short time phrase between the subject and
/// its verb, read back from `k`. Returns `k` unchanged when none ends there.
fn time_back(text: &str, toks: &[Tok], k: usize) -> usize {
    let Some(t) = k.checked_sub(1).and_then(|i| toks.get(i)) else { return k };
    let w = lw(text, t);
    if !t.word || !(is(Class::TimePhraseDay, w.as_ref()) || is(Class::TimePhrasePart, w.as_ref())) {
        return k;
    }
    let mut i = k - 1;
    while i > 0 && k - i < 4 {
        let p = lw(text, &toks[i - 1]);
        if is(Class::TimePhraseDay, p.as_ref())
            || is(Class::TimePhrasePart, p.as_ref())
            || is(Class::TimePhraseLead, p.as_ref())
        {
            i -= 1;
        } else {
            break;
        }
    }
    // The phrase must open with a lead word or a day ("on Friday", "last week"), not be a bare
    // noun ("the night").
    let first = lw(text, &toks[i]);
    if i < k && (is(Class::TimePhraseLead, first.as_ref()) || is(Class::TimePhraseDay, first.as_ref())) && i > 0 {
        i
    } else {
        k
    }
}

/// Adverbs and a day between an inverted verb and its speaker ("said Tuesday", "said bluntly").
fn skip_fwd(text: &str, toks: &[Tok], mut s: usize) -> usize {
    while let Some(t) = toks.get(s) {
        let w = lw(text, t);
        if t.word
            && ((w.ends_with("ly") && w.len() > 4 && !is_cap(text, t))
                || is_age(text, t)
                || crate::lang::weekday(w.as_ref()).is_some_and(|(_, full)| full)
                || is(Class::DeicticDay, w.as_ref()))
        {
            s += 1;
        } else {
            break;
        }
    }
    s
}

/// "“...” for the victory, Sanders said.": a clause closing the sentence with `, SPEAKER CUE`,
/// or with `, CUE SPEAKER` ("“...” unless prices fall, said Ana Ruiz, a pollster.").
fn tail(text: &str, toks: &[Tok], f: usize) -> Option<Found> {
    let mut end = toks.len();
    while end > f && !toks[end - 1].word {
        if !is_p(text, &toks[end - 1], ".!?") {
            return None;
        }
        end -= 1;
    }
    if end < f + 3 {
        return None;
    }
    // The cue closes the clause, or only a short setting follows it ("said on the radio").
    let c = (f + 2..end)
        .rev()
        .take(8)
        .take_while(|&i| toks[i].word && !is(Class::TagStop, lw(text, &toks[i]).as_ref()))
        .find(|&i| is_cue_at(text, toks, i) && !is_gerund(&lw(text, &toks[i])));
    let Some(c) = c else { return tail_inverted(text, toks, f, end) };
    let k = skip_back(text, toks, c, f);
    // ", said the spokeswoman.": the cue found is inverted.
    let Some((a, b, kind)) = np_back(text, toks, k, f) else { return tail_inverted(text, toks, f, end) };
    // The phrase may carry a lowercase title before the name ("Republican candidate Ben Carson").
    let mut lead = a;
    while lead > f && a - lead < 4 && toks[lead - 1].word {
        lead -= 1;
    }
    if lead == f || !is_p(text, &toks[lead - 1], ",") {
        return None;
    }
    Some(Found { s: toks[a].s, e: toks[b - 1].e, kind, cue: Some(cue_span(text, toks, c)), ante: None })
}

/// The inverted tail: the last `, CUE` of the clause, then the speaker, which closes the sentence
/// or opens an appositive. A cue inside the clause ("“...” as critics said it would") is no tail.
fn tail_inverted(text: &str, toks: &[Tok], f: usize, end: usize) -> Option<Found> {
    let p = (f + 1..end.saturating_sub(1))
        .rev()
        .take(40)
        .find(|&i| is_p(text, &toks[i], ",") && is_cue_at(text, toks, i + 1))?;
    if (f..p).any(|i| is_p(text, &toks[i], ";:")) {
        return None;
    }
    let c = p + 1;
    let cw = lw(text, &toks[c]);
    // "according to" vouches for the writer's sentence, not for the words in quote marks.
    if is_gerund(&cw)
        || cw == "according"
        || (is(Class::NamingVerb, cw.as_ref()) && !matches!(cw.as_ref(), "read" | "reads"))
    {
        return None;
    }
    let s = skip_fwd(text, toks, if cw == "according" { c + 2 } else { c + 1 });
    let (a, b, kind) = np_fwd(text, toks, s)?;
    if b != end && !toks.get(b).is_some_and(|t| is_p(text, t, ",")) {
        return None;
    }
    Some(Found { s: toks[a].s, e: toks[b - 1].e, kind, cue: Some(cue_span(text, toks, c)), ante: None })
}

/// Names and pronouns always qualify; a nominal only when its head is a role.
fn speakerlike(text: &str, f: &Found) -> bool {
    match f.kind {
        SpKind::Name | SpKind::Pronoun => true,
        SpKind::Nominal => {
            let phrase = &text[f.s..f.e];
            phrase.rsplit(' ').next().is_some_and(|h| is(Class::SpeakerRole, h.to_lowercase().as_ref()))
                || proper_after_the(phrase)
        }
    }
}

/// "The Democratic National Committee": "the" and then only capitalised words is the name of an
/// organization, which can speak, whatever its last word.
fn proper_after_the(phrase: &str) -> bool {
    let mut words = phrase.split_whitespace();
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("the"))
        && words.clone().next().is_some()
        && words.all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// "Paul Ryan worried that the safety net was becoming “...”", "She often speaks of breaking
/// “...”": a quote inside the writer's sentence that no cue attributes repeats the words of the
/// sentence's subject, when the subject can speak and a verb stands between it and the quote.
/// `toks` runs from the sentence start to the opening mark; `from` is the first token after an
/// earlier quote of the sentence.
pub fn subject_speaker(text: &str, toks: &[Tok], from: usize) -> Option<Found> {
    let n = toks.len();
    if let Some(f) = relative_speaker(text, toks, from) {
        return Some(f);
    }
    let (a, b, kind) = sentence_subject(text, toks, from, n)?;
    // Something the subject does must stand between it and the quote: a lowercase word that is
    // no determiner, with no clause break (`;`, `:`) after the subject.
    let verb =
        toks[b..].iter().any(|t| t.word && !is_cap(text, t) && !is(Class::SpeakerDeterminer, lw(text, t).as_ref()));
    if !verb || n - b < 2 || toks[b..].iter().any(|t| is_p(text, t, ";:")) {
        return None;
    }
    let f = Found { s: toks[a].s, e: toks[b - 1].e, kind, cue: None, ante: None };
    let ok = match kind {
        SpKind::Pronoun => lw(text, &toks[a]) != "it",
        _ => speakerlike(text, &f),
    };
    ok.then_some(f)
}

/// "Trump, who has cast himself as the “law and order candidate”": a quote inside a `who` clause
/// is in the words of the one the clause is about. The mention is "who", standing for the
/// phrase before it.
fn relative_speaker(text: &str, toks: &[Tok], from: usize) -> Option<Found> {
    let w = (from..toks.len()).rev().take(14).find(|&i| lw(text, &toks[i]) == "who")?;
    if w == 0 || toks[w + 1..].iter().any(|t| is_p(text, t, ",;:()")) || toks.len() - w < 3 {
        return None;
    }
    let end = if is_p(text, &toks[w - 1], ",-—–") { w - 1 } else { w };
    let (s, e, kind) = np_back(text, toks, end, from)?;
    let ante = Found { s: toks[s].s, e: toks[e - 1].e, kind, cue: None, ante: None };
    (kind != SpKind::Pronoun && speakerlike(text, &ante)).then(|| Found {
        s: toks[w].s,
        e: toks[w].e,
        kind: SpKind::Pronoun,
        cue: None,
        ante: Some((ante.s, ante.e, kind)),
    })
}

/// A word that cannot continue a lowercase noun phrase after a name: a stop
/// word, a cue or other verb, a skipped word, a determiner or a pronoun.
fn ends_noun_phrase(w: &str) -> bool {
    is(Class::SpeakerPhraseStop, w)
        || is(Class::SpeechCue, w)
        || is(Class::NominalVerb, w)
        || is(Class::CueSkip, w)
        || is(Class::SpeakerDeterminer, w)
        || is(Class::SpeakerPronoun, w)
}

#[cfg(test)]
mod tests;
