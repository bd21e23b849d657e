//! People, organizations and places named in one article.
//!
//! Only content sentences are read (`Doc::content_sentences`): boilerplate,
//! captions and credits never yield entities. Each sentence is tokenised
//! once; names are then found in three steps.
//!
//! 1. **Candidate spans.** Maximal runs of capitalised words, joined by plain
//!    spaces (any punctuation ends a run, and so does a possessive: in
//!    "Ukraine's Ministry" the run "Ukraine" ends at the `'s`). Lower-case
//!    name particles ("de", "van der", "al") join capitalised words, and
//!    "of", "for", "on" (+ "the") join after an organization word, a place
//!    word or a title ("Bank of England", "Ministry of Emergency Situations").
//! 2. **Typing a span**, first rule wins:
//!    * leading words that are capitalised only by position are dropped:
//!      words in `non_names.txt` ("However", "Officials", "Monday"), and a
//!      sentence-initial word the article also writes in lower case;
//!    * a title inside the span splits it: "Foreign Secretary David Lammy" is
//!      the person "David Lammy" with the role "Foreign Secretary"; a
//!      lower-case role before the span ("spokeswoman Olena Marchuk") or in an
//!      apposition after it ("Sergei Volkov, Moldova's deputy foreign
//!      minister") is kept as the person's role too;
//!    * a user alias entity, then a gazetteer form (country, region, city,
//!      organization; nationality adjectives like "Ukrainian" are no place
//!      and yield nothing);
//!    * an organization word anywhere in the span ("Council", "Ministry",
//!      "Times") makes it an organization; a newspaper word or a gazetteer
//!      outlet marks it as an outlet;
//!    * a known given name first, two words or more: a person;
//!    * a reporting verb right after ("said", "told") or before ("said
//!      Maria Costa") a two-to-four-word span: a person;
//!    * anything else is `other`; a lone word at the start of a sentence
//!      that the article never writes mid-sentence is dropped;
//!    * then the words around a span may retype it (`context_kinds`, and
//!      `orgs.rs` for organizations): teams in results lines, fixtures and
//!      match reports, companies by their descriptors ("the carmaker X",
//!      ", a chemicals company"), shares and executives, mid-sentence
//!      acronyms in prose. Countries and people never change, and a town
//!      becomes a team only on sports evidence.
//!
//!    Sentences in capitals or title case (headlines) get only gazetteer
//!    matches and names the article's running text already established.
//! 3. **In-article canonicalisation.** A bare surname, or a title plus
//!    surname, links to the person whose full name ends with it (the one
//!    named last before it; order-free when only one fits). An acronym links
//!    to an organization whose initials it spells, a lone organization word
//!    ("the Commission") to the last organization ending with it. The
//!    entity's name is its fullest form. Finally a role noun phrase ("the
//!    minister", "the spokeswoman") becomes a mention of the one person the
//!    article gave that role; these mentions have rule `nominal/role` and
//!    exist for quote attribution.

mod candidates;
mod cluster;
mod headline;
mod rules;
mod typing;
pub use rules::Rule;

use super::Doc;
use crate::aliases::AliasConfig;
use crate::gazetteer::{GAZ, Gazetteer};
use crate::lang::{Class, is};
use crate::model::{BlockKind, EntityKind, LocalEntity, Mention};
use candidates::find_in_sentence;
use cluster::{cluster, nominal_mentions};
use headline::{dateline_places, find_in_headline, known_names};
use rustc_hash::FxHashSet as HashSet;
use typing::{context_kinds, described_people, is_month, kin_given_names, list_people, score_number, scorecard_people};

/// Find the article's entities and their mentions (embedded gazetteers, no user aliases).
pub fn extract(doc: &Doc) -> (Vec<LocalEntity>, Vec<Mention>) {
    extract_with(doc, &GAZ, None)
}

/// [`extract`] with a given gazetteer and the user's alias entities.
pub fn extract_with(doc: &Doc, gaz: &Gazetteer, user: Option<&AliasConfig>) -> (Vec<LocalEntity>, Vec<Mention>) {
    let mut sents: Vec<Sent> = Vec::new();
    let mut lower_words: HashSet<&str> = HashSet::default();
    let mut defined: HashSet<&str> = HashSet::default();
    for (_, s) in doc.content_sentences() {
        let Some(text) = doc.text.get(s.start..s.end) else { continue };
        let toks = tokenize(text, s.start, gaz);
        for t in &toks {
            if t.lower && t.alpha {
                lower_words.insert(t.text);
            }
        }
        orgs::defined_terms(doc.text, &toks, &mut defined);
        let kind = doc.blocks.get(s.block).map(|b| b.kind).unwrap_or(BlockKind::Paragraph);
        let mode = sentence_mode(doc.text, &toks, kind, gaz);
        sents.push(Sent { toks, mode, dateline: kind == BlockKind::Dateline });
    }
    let cx = Cx { doc, gaz, user, lower_words, defined };
    let mut raw: Vec<Raw> = Vec::new();
    for s in sents.iter().filter(|s| s.mode == Mode::Normal && !s.dateline) {
        let from = raw.len();
        find_in_sentence(&cx, &s.toks, &mut raw);
        kin_given_names(&cx, &s.toks, &mut raw[from..]);
        described_people(&cx, &s.toks, &mut raw[from..]);
        context_kinds(&cx, &s.toks, &mut raw[from..]);
        list_people(&cx, &mut raw[from..]);
        scorecard_people(&cx, &s.toks, &mut raw[from..]);
        orgs::context_orgs(&cx, &s.toks, &mut raw[from..]);
    }
    // Headlines after the body: they may only repeat what the body established.
    let known = known_names(&raw, gaz);
    for s in sents.iter().filter(|s| s.mode != Mode::Normal && !s.dateline) {
        let from = raw.len();
        find_in_headline(&cx, &s.toks, s.mode, &known, &mut raw);
        context_kinds(&cx, &s.toks, &mut raw[from..]);
    }
    // Datelines last: a place there says nothing of what the name is in the lines above.
    for s in sents.iter().filter(|s| s.dateline) {
        dateline_places(&cx, &s.toks, &mut raw);
    }
    orgs::team_towns(&cx, &mut raw);
    raw.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    // Spans may overlap only if two rules fired on one word; keep the first, longest.
    let mut last_end = 0;
    raw.retain(|r| {
        let keep = r.start >= last_end;
        if keep {
            last_end = r.end;
        }
        keep
    });
    let (mut entities, mut mentions) = cluster(doc, gaz, raw);
    nominal_mentions(doc, gaz, &sents, &mut entities, &mut mentions);
    mentions.sort_by_key(|m| (m.start, m.end));
    (entities, mentions)
}

// ------------------------------------------------------------------ tokens

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// Followed by a possessive `'s` (not part of the token).
    poss: bool,
    /// First letter upper-case.
    cap: bool,
    /// No upper-case letter.
    lower: bool,
    /// All letters upper-case, two letters or more.
    upper: bool,
    alpha: bool,
    /// Only spaces separate it from the previous token.
    joined: bool,
    /// Capitalised by position: first word, or after an opening quote or colon.
    initial: bool,
    /// `@handle`.
    handle: bool,
}

const JOINERS: [char; 5] = ['\'', '\u{2019}', '-', '.', '&'];

/// The name-shaped tokens of a sentence, from the language layer's pieces: a
/// run, with the glued runs that a joiner (`'`, `’`, `-`, `.`, `&`) links to
/// it ("O'Neill", "Jean-Luc", "U.S", "AT&T"); a possessive `'s` cut off and
/// remembered; the full stop of an initial or abbreviation kept ("W.",
/// "Gen."); `@handles` with their underscores.
fn tokenize<'a>(text: &'a str, base: usize, gaz: &Gazetteer) -> Vec<Tok<'a>> {
    use crate::lang::{is_run, mark};
    let ps = crate::lang::pieces(text);
    let glued = |k: usize, at: usize| ps.get(k).filter(|p| p.start == at).copied();
    let mut toks: Vec<Tok<'a>> = Vec::new();
    let mut k = 0;
    let mut prev_end = 0;
    while let Some(&p) = ps.get(k) {
        k += 1;
        let underscore_or_run = |q: crate::lang::Piece| is_run(text, q) || mark(text, q) == Some('_');
        let handle = mark(text, p) == Some('@') && glued(k, p.end).is_some_and(underscore_or_run);
        if !is_run(text, p) && !handle {
            continue;
        }
        let mut end = p.end;
        let mut poss = None;
        while let Some(q) = glued(k, end) {
            if is_run(text, q) || (handle && mark(text, q) == Some('_')) {
                end = q.end;
                k += 1;
                continue;
            }
            let Some(d) = mark(text, q).filter(|d| JOINERS.contains(d)) else { break };
            let Some(r) = glued(k + 1, q.end).filter(|&r| is_run(text, r)) else { break };
            if (d == '\'' || d == '\u{2019}') && matches!(&text[r.start..r.end], "s" | "S") {
                poss = Some(r.end);
                k += 2;
                break;
            }
            end = r.end;
            k += 2;
        }
        // "C$11.55", "US$ 2 million": the letters name the dollar's currency
        if glued(k, end).is_some_and(|q| mark(text, q) == Some('$'))
            && crate::extract::quantities::is_dollar_prefix(&text[p.start..end])
        {
            continue;
        }
        let mut e = end;
        // Keep the period of abbreviations and initials: "U.S.", "Gen.", "W.".
        if poss.is_none() && glued(k, end).is_some_and(|q| mark(text, q) == Some('.')) {
            let word = &text[p.start..end];
            let initialism = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
            let single_upper = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            let abbrev = is(Class::NameAbbrev, word) || gaz.title(&format!("{word}.")).is_some();
            if initialism || single_upper || abbrev {
                e = end + 1;
                k += 1;
            }
        }
        let (bs, be) = (p.start, e);
        let word = &text[bs..be];
        let gap = &text[prev_end..bs];
        let first_alpha = word.chars().find(|c| c.is_alphabetic());
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        toks.push(Tok {
            start: base + bs,
            end: base + be,
            text: word,
            poss: poss.is_some(),
            cap: first_alpha.is_some_and(char::is_uppercase) && word.chars().next().is_some_and(|c| !c.is_numeric()),
            lower: !word.chars().any(char::is_uppercase),
            upper: letters >= 2 && !word.chars().any(char::is_lowercase),
            alpha: letters > 0,
            // "Procter & Gamble": an ampersand joins like a space.
            joined: !toks.is_empty()
                && !gap.is_empty()
                && (gap.chars().all(|c| c == ' ' || c == '\u{a0}') || (gap.trim() == "&" && gap.starts_with(' '))),
            initial: toks.is_empty() || gap.chars().any(|c| matches!(c, '"' | '\u{201c}' | '\u{2018}' | ':' | '\'')),
            handle,
        });
        prev_end = poss.unwrap_or(be);
    }
    toks
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Normal,
    /// All capitals: case says nothing.
    Capitals,
    /// A title-case headline: every word capitalised.
    TitleCase,
}

struct Sent<'a> {
    toks: Vec<Tok<'a>>,
    mode: Mode,
    /// A dateline on a line of its own: its words before the date are places.
    dateline: bool,
}

fn is_small_word(w: &str) -> bool {
    // Lowercased only when it has to be: most words are checked as written.
    if w.bytes().any(|b| b.is_ascii_uppercase()) {
        is(Class::TitleSmallWord, &w.to_ascii_lowercase())
    } else {
        is(Class::TitleSmallWord, w)
    }
}

fn sentence_mode(text: &str, toks: &[Tok], kind: BlockKind, _gaz: &Gazetteer) -> Mode {
    // A results line, "Dundee 2 Greenock Morton 1", is no headline: each
    // name is typed like running text (and then as a team by its score).
    let scored_names = (1..toks.len())
        .filter(|&k| {
            let w = toks[k - 1];
            w.cap && w.alpha && !is_month(w.text) && toks[k].joined && score_number(text, toks, k)
        })
        .count();
    if scored_names >= 2 {
        return Mode::Normal;
    }
    let words: Vec<&Tok> = toks.iter().filter(|t| t.alpha && t.text.chars().count() >= 2).collect();
    if words.len() >= 2 {
        let upper = words.iter().filter(|t| t.upper).count();
        if upper * 10 >= words.len() * 7 && words.iter().any(|t| t.text.chars().count() > 3 && t.upper) {
            return Mode::Capitals;
        }
    }
    // A short line between paragraphs that holds numbers, brackets, "v"/"vs", commas or " - "
    // separators is a row of a list or table ("Ana Ruiz (Spain) vs Lea Moss (Chile)"), not a
    // subheading: its names are typed like running text.
    if kind == BlockKind::Subheading && is_row(text, toks) {
        return Mode::Normal;
    }
    if matches!(kind, BlockKind::Headline | BlockKind::Subheading) {
        let content: Vec<&&Tok> = words.iter().filter(|t| !is_small_word(t.text)).collect();
        if content.len() >= 3 && content.iter().all(|t| t.cap) {
            return Mode::TitleCase;
        }
    }
    Mode::Normal
}

/// Whether a line reads as a row of a list or a table: a number, a bracket, a "v"/"vs"
/// between names, a comma or a spaced dash.
fn is_row(text: &str, toks: &[Tok]) -> bool {
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else { return false };
    let line = text.get(first.start..last.end).unwrap_or("");
    toks.iter().any(|t| t.text.starts_with(|c: char| c.is_ascii_digit()) || is(Class::Versus, t.text))
        || line.contains(['(', ',', '['])
        || line.contains(" - ")
        || line.contains(" \u{2013} ")
}

// ------------------------------------------------------------------ candidate spans

/// A mention before clustering.
#[derive(Debug, Clone)]
struct Raw {
    start: usize,
    end: usize,
    /// The name as written, whitespace collapsed.
    name: String,
    kind: EntityKind,
    /// How sure the kind is: 3 gazetteer/title/user, 2 given name or org word, 1 context, 0 none.
    strength: u8,
    rule: Rule,
    role: Option<String>,
    gaz: Option<usize>,
    user: Option<usize>,
    outlet: bool,
    words: usize,
    /// A lone sentence-initial word with no other evidence.
    initial_only: bool,
    /// Capitalised organization word alone ("the Commission").
    org_head: bool,
}

struct Cx<'a> {
    doc: &'a Doc<'a>,
    gaz: &'a Gazetteer,
    user: Option<&'a AliasConfig>,
    /// Words the article writes in lower case somewhere (borrowed from the text).
    lower_words: HashSet<&'a str>,
    /// Abbreviations the article spells out in lower case: "cash reserve ratio (CRR)".
    defined: HashSet<&'a str>,
}

fn is_particle(t: &Tok) -> bool {
    t.lower && is(Class::EntityParticle, t.text)
}

/// A capitalised word that can be part of a name: not a handle, and no code with digits in it
/// ("Q2", "W200", "H1" are quarters, grades and halves; "CAC-40", "F-16" an index and a model),
/// but a club's word and its founding number ("Rovna-08") are a name.
fn is_name_word(t: &Tok) -> bool {
    t.cap && t.alpha && !t.handle && (!t.text.bytes().any(|b| b.is_ascii_digit()) || numbered_name(t.text))
}

/// "Rovna-08": a word in lower case after its capital, a hyphen, then only digits.
fn numbered_name(w: &str) -> bool {
    let Some((word, number)) = w.split_once('-') else { return false };
    word.chars().any(char::is_lowercase)
        && word.chars().all(char::is_alphabetic)
        && !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
}

mod orgs;
#[cfg(test)]
pub(crate) mod tests;
