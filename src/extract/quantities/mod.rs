//! Quantity extraction: the numbers a sentence asserts, each tied to what it
//! counts, so that the comparison stage can line up "2,000 residents" in one
//! report against "about 1,800 residents" in another.
//!
//! Rules, in the order a candidate meets them:
//! * A number is digits (`14,000`, `1.2`, `2.5bn`, `5km`), English number
//!   words (`seven`, `thirty-two`, `two hundred and fifty`, `a dozen`), digits
//!   or words followed by a scale word (`1.2 million`), or an ordinal
//!   (`third`, `13th`). Vague plurals (`hundreds of`, `dozens`) are not numbers.
//! * Ranges: `1,500 to 2,000`, `1,500-2,000`, `between 10 and 12`; a scale or
//!   unit stated once applies to both ends (`1.5 to 2 million`). `from X to Y`
//!   is a change, not a range: two quantities. A "range" whose ends go down
//!   (`3-1`, `52 to 48`) is a score or a tally and is dropped.
//! * Approximation words before (`about`, `nearly`, `at least`, `more than`,
//!   `up to`, …) or after (`or so`, `or more`, `-odd`) set [`Approx`].
//! * Units: currency symbols, codes and words (→ `EUR`, `USD`, …, scaled to
//!   the full amount), `%`/`percent`/`per cent`, `percentage points`, measures
//!   (`hour`, `day`, `km`, `km2`, `tonne`, …) and a rate period after them
//!   (`per month`, `a year` → `EUR/month`).
//! * Hyphenated compounds put the unit inside the token: `three-day summit` is
//!   3 `day` counting `summit`; `a 1,500-strong force` is 1500 counting `force`.
//! * `counts` is the head of the noun phrase after the number (adjectives and
//!   qualifiers skipped, a plural noun ends the phrase), or the noun after
//!   `of` once a unit is stated (`12 percent of voters`), lemmatised simply.
//! * `qualifiers` are words that change what the number means (`initial`,
//!   `revised`, `further` → `additional`, …) next to the number or in the short
//!   noun phrase before it (`the initial estimate of 2,000`), and the time of the
//!   clause (`last year`, a year `2024`).
//! * Not quantities, for precision: anything inside a date, time or set
//!   mention from the date tagger (a duration *is* a quantity); bare years;
//!   month-adjacent days; clock times; ages (`Volkov, 54,`, `54-year-old`,
//!   `aged 54`); phone-like digit runs and numbers with a leading zero; numbers
//!   that belong to a name (`Boeing 737`, `Article 5`, `Covid-19`, `G7`); list
//!   markers; scores; ratios (`one in five`); fractions; word-form "one" and
//!   "first" without a unit (they are almost never the checkable fact).

mod compounds;
mod counts;
mod nouns;
mod number;
mod qualifiers;
mod scanner;
mod tokens;
mod words;

use crate::extract::Doc;
use crate::model::{Approx, DateKind, DateMention, Quantity, SentenceSpan};

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use nouns::*;
use number::*;
use qualifiers::*;
pub(crate) use tokens::{Tok, tokenize};
use words::*;

/// Quantities in one sentence (offsets in doc.text). `dates` = the article's date mentions, so that
/// numbers inside dates (years, days, clock times) are not read as counts.
/// The letters glued before a dollar sign that name its currency ("C" of
/// "C$", "US" of "US$"; `currencies.tsv`), which the entity tokens skip.
pub(crate) fn is_dollar_prefix(letters: &str) -> bool {
    words::dollar_prefix(letters).is_some()
}

pub fn extract(doc: &Doc, sentence: &SentenceSpan, dates: &[DateMention]) -> Vec<Quantity> {
    let (s, e) = (sentence.start, sentence.end);
    if s >= e || e > doc.text.len() || !doc.text.is_char_boundary(s) || !doc.text.is_char_boundary(e) {
        return Vec::new();
    }
    let toks = tokenize(&doc.text[s..e], s);
    let local_dates: Vec<&DateMention> = dates.iter().filter(|d| d.start < e && d.end > s).collect();
    extract_tokens(doc, sentence, &local_dates, &toks)
}

/// [`extract`] on a sentence already tokenized with [`tokenize`] (the claims stage shares its tokens).
/// `dates` are the date mentions that overlap the sentence.
pub(crate) fn extract_tokens(
    doc: &Doc,
    sentence: &SentenceSpan,
    dates: &[&DateMention],
    toks: &[Tok],
) -> Vec<Quantity> {
    let (s, e) = (sentence.start, sentence.end);
    if s >= e || e > doc.text.len() || !doc.text.is_char_boundary(s) || !doc.text.is_char_boundary(e) {
        return Vec::new();
    }
    let mut out = Scanner { doc, toks, dates }.run();
    add_time_qualifiers(toks, dates, &mut out);
    out
}

// ------------------------------------------------------------------ numbers

/// A number read from one or more tokens.
#[derive(Debug, Clone, Copy)]
struct Num {
    value: f64,
    /// First token after the number.
    next: usize,
    ordinal: bool,
    /// Written in words ("seven").
    words: bool,
    /// A scale word or suffix was applied ("million", "bn").
    scaled: bool,
    /// The factor a scale word or suffix applied (1 when none).
    factor: f64,
    /// Plain digits with no grouping, decimal or suffix (a year or an id could look like this).
    plain_int: bool,
}

/// A lowercased token kept on the stack: the scanner compares many tokens
/// against its lexicons and should not allocate for each. Tokens longer than
/// the buffer read as empty (no lexicon word is that long).
#[derive(Clone, Copy)]
struct Low {
    buf: [u8; 24],
    len: usize,
}

impl Low {
    const EMPTY: Low = Low { buf: [0; 24], len: 0 };

    fn new(t: &str) -> Low {
        let mut out = Low::EMPTY;
        if t.is_ascii() {
            if t.len() <= out.buf.len() {
                for (d, s) in out.buf.iter_mut().zip(t.bytes()) {
                    *d = s.to_ascii_lowercase();
                }
                out.len = t.len();
            }
        } else {
            let l = t.to_lowercase();
            if l.len() <= out.buf.len() {
                out.buf[..l.len()].copy_from_slice(l.as_bytes());
                out.len = l.len();
            }
        }
        out
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl std::ops::Deref for Low {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Low {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

fn lower(t: &str) -> String {
    t.to_lowercase()
}

// ------------------------------------------------------------------ scanner

struct Scanner<'d, 't> {
    doc: &'d Doc<'d>,
    toks: &'t [Tok<'t>],
    dates: &'t [&'t DateMention],
}

/// What was found around one number before it becomes a [`Quantity`].
struct Cand {
    value: f64,
    high: Option<f64>,
    approx: Approx,
    unit: Option<String>,
    counts: Option<String>,
    qualifiers: Vec<String>,
    ordinal: bool,
    start: usize,
    end: usize,
    /// Token range of the quantity (for clause and qualifier lookups).
    tok_start: usize,
    tok_end: usize,
}

#[cfg(test)]
pub(crate) mod tests;
