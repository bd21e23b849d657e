//! Claims, part 2: the words that make a sentence's attribution: polarity,
//! outlet-shaped names, source nouns and the reporting cues of a sentence.

use super::*;
use regex::Regex;
use std::sync::LazyLock;

// ------------------------------------------------------------------ polarity

/// Negation and outcome words of a sentence, lowercased, in text order, once each.
pub(super) fn polarity(toks: &[Tok]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut buf = [0u8; 24];
    let mut push = |w: &str| {
        if !out.iter().any(|x| x == w) {
            out.push(w.to_string());
        }
    };
    for (k, t) in toks.iter().enumerate() {
        if t.text.ends_with("n't") || t.text.ends_with("n’t") {
            push("not");
            continue;
        }
        let Some(w) = crate::lang::lower_ascii(t.text, &mut buf) else { continue };
        let next_is = |want: &str| toks.get(k + 1).is_some_and(|n| n.text.eq_ignore_ascii_case(want));
        match w {
            w if is(Class::ClaimOutcome, w) => push(w),
            "cannot" => push("not"),
            "went" | "go" if next_is("ahead") => push(if w == "went" { "went ahead" } else { "go ahead" }),
            "called" if next_is("off") => push("called off"),
            _ => {}
        }
    }
    out
}

// ------------------------------------------------------------------ outlets

pub(super) static OUTLET_SHAPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&crate::lang::pattern::expand(
        r"^(?:[Tt]he\s+)?(?:(?:[A-Z]\S*\s+){1,3}{outlet-name-ends}|{outlet-names})$",
    ))
    .expect("static regex")
});

pub(super) static AGENCY_SHAPE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[Tt]he\s+)?(?:[A-Z]\S*\s+)+(?:News\s+|Press\s+)?Agency$").expect("static regex"));

/// Words that make "X Agency" a government body, not a news agency.
pub(super) fn agency_domain(w: &str) -> bool {
    is(Class::AgencyDomain, w)
}

/// Does the name look like a news outlet or agency?
pub(crate) fn outlet_shaped(name: &str) -> bool {
    let name = name.trim();
    if OUTLET_SHAPE.is_match(name) {
        return true;
    }
    if AGENCY_SHAPE.is_match(name) {
        let news = name.contains("News Agency") || name.contains("Press Agency");
        let words: Vec<&str> = name.split_whitespace().filter(|w| !w.eq_ignore_ascii_case("the")).collect();
        return news || (words.len() == 2 && !words.iter().any(|w| agency_domain(w)));
    }
    false
}

/// Words in a name that make it an institution rather than an outlet.
pub(super) fn institution_word(w: &str) -> bool {
    is(Class::InstitutionWord, w)
}

// ------------------------------------------------------------------ sources

/// Nouns that name a source of information when they are the subject of a
/// speech verb or the object of "according to".
pub(super) fn source_noun(w: &str) -> bool {
    is(Class::SourceNoun, w)
}

/// Documents named after "according to" that have an author after them
/// ("according to a report by X").
pub(super) fn document_noun(w: &str) -> bool {
    is(Class::DocumentNoun, w)
}

/// Words that may sit between a subject and its speech verb ("Eastwire first reported").
pub(super) fn verb_adverb(w: &str) -> bool {
    is(Class::SourceVerbAdverb, w)
}

pub(super) fn determiner(w: &str) -> bool {
    is(Class::SourceDeterminer, w)
}

/// Capitalised words that open sentences but never names.
pub(super) fn sentence_opener(w: &str) -> bool {
    is(Class::SentenceOpener, w)
}

pub(super) fn connector(w: &str) -> bool {
    is(Class::SourceConnector, w)
}

/// A speech verb (lowercase: "States" in "United States" is not one).
pub(super) fn is_speech_verb(w: &str) -> bool {
    is(Class::ClaimSpeechVerb, w)
}

/// A cue whose source follows it ("according to", "reported by", "in an interview with").
pub(super) struct AfterCue {
    /// First token of the cue.
    pub(super) first: usize,
    /// First token after the cue.
    pub(super) next: usize,
    pub(super) according: bool,
    /// The source received the words (an interviewer), it did not say them.
    pub(super) recipient: bool,
}

/// One pass over a sentence's tokens: the cues whose source follows them, and
/// the speech verbs (token indices) whose source is their subject.
pub(super) fn find_cues(toks: &[Tok]) -> (Vec<AfterCue>, Vec<usize>) {
    let mut after = Vec::new();
    let mut speech = Vec::new();
    let mut buf = [0u8; 24];
    let mut k = 0;
    while k < toks.len() {
        let t = &toks[k];
        let next = toks.get(k + 1).map_or("", |n| n.text);
        let next = ["to", "by", "comments"].into_iter().find(|w| next.eq_ignore_ascii_case(w)).unwrap_or("");
        if is_speech_verb(t.text) && next != "by" {
            speech.push(k);
            k += 1;
            continue;
        }
        // only a few initials open a cue that takes its source after it
        let first = t.text.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
        if !matches!(first, b'a' | b'b' | b'c' | b'i' | b'p' | b'q' | b'r' | b's') {
            k += 1;
            continue;
        }
        let Some(w) = crate::lang::lower_ascii(t.text, &mut buf) else {
            k += 1;
            continue;
        };
        let word =
            |i: usize, want: &[&str]| toks.get(i).is_some_and(|t| want.iter().any(|w| t.text.eq_ignore_ascii_case(w)));
        match w {
            "according" if next == "to" => {
                after.push(AfterCue { first: k, next: k + 2, according: true, recipient: false });
                k += 2;
                continue;
            }
            "citing" => after.push(AfterCue { first: k, next: k + 1, according: false, recipient: false }),
            _ if next == "by" && crate::lang::is(crate::lang::Class::PassiveReportCue, w) => {
                // "as first reported by": the cue takes its leading words
                let mut first = k;
                while first > 0 && word(first - 1, &["first", "originally", "previously", "earlier"]) {
                    first -= 1;
                }
                if first > 0 && word(first - 1, &["as"]) {
                    first -= 1;
                }
                after.push(AfterCue { first, next: k + 2, according: false, recipient: false });
                k += 2;
                continue;
            }
            "in" if word(k + 1, &["an", "a"])
                && word(k + 2, &["interview", "conversation", "statement"])
                && word(k + 3, &["with", "to"]) =>
            {
                after.push(AfterCue { first: k, next: k + 4, according: false, recipient: true });
                k += 4;
                continue;
            }
            "in" if next == "comments" && word(k + 2, &["to"]) => {
                after.push(AfterCue { first: k, next: k + 3, according: false, recipient: true });
                k += 3;
                continue;
            }
            "speaking" if next == "to" => {
                after.push(AfterCue { first: k, next: k + 2, according: false, recipient: true });
                k += 2;
                continue;
            }
            _ => {
                // speech verbs are lowercase: "States" in "United States" is a name
                if is_speech_verb(t.text) {
                    speech.push(k);
                }
            }
        }
        k += 1;
    }
    (after, speech)
}

/// Cues whose subject is an outlet when it is a bare name ("Eastwire reported").
/// Only "reported" is used this way: people write, say and publish too.
pub(super) fn reporting_cue(cue: &str) -> bool {
    let c = cue.to_lowercase();
    matches!(c.as_str(), "reported" | "reports")
        || ["reported by", "revealed by", "broadcast by", "quoted by"].iter().any(|e| c.ends_with(e))
}

/// Speech verbs that may follow their subject (`…, said the mayor`).
pub(super) fn invertible(cue: &str) -> bool {
    is(Class::InvertibleCue, cue)
}

/// Words after an -s form that show it is a noun ("company reports show", "claims of").
pub(super) fn noun_use_follows(w: &str) -> bool {
    is(Class::NounUseFollows, w)
}
