//! Quotes: every quotation of an article, its kind and its speaker.
//!
//! Stage rules:
//! * Only content blocks are read. Marks are paired per paragraph ([`marks`]); a quotation still
//!   open at a paragraph's end continues into the next content paragraph only when that paragraph
//!   opens with a quote mark (the news convention); otherwise it stops at the paragraph's end and a
//!   `unbalanced_quote` warning says so. A stray closing mark is warned about too.
//! * Offsets cover the quoted words without the marks (punctuation inside the marks stays).
//! * Kind: `social` for an embedded post (a block ending with `— Name (@handle) date`), `title` for a
//!   work's title or a nickname, `scare` for a short quote nobody is said to speak, `partial` for a
//!   phrase inside the writer's sentence, `full` otherwise.
//! * Speaker ([`attrib`]): a cue verb with a name, pronoun or nominal next to the quote, a colon
//!   after the subject of the sentence before the quote, a quote continued from the previous
//!   paragraph, or a quote that starts a sentence in a paragraph whose earlier quote is attributed
//!   (one speaker per paragraph is the news convention), a quote paragraph signed by a dash line
//!   (`— Name`), or a sentence before it that ends on its cue or on a short complement of the cue
//!   (`X told the local paper.`), or reports what someone said when the quote is a paragraph of
//!   its own. A pronoun resolves to the subject of the governing clause or the last speaker. A
//!   quote inside the writer's sentence that no cue attributes is the words of the sentence's
//!   subject, when that can speak and is found as a person or organization
//!   ([`attrib::subject_speaker`]); the nearest name is never guessed.

mod antecedents;
mod attrib;
mod marks;
mod sentences;

use crate::extract::Doc;
use crate::lang::{Class, is};
use crate::model::{BlockKind, EntityKind, LocalEntity, Mention, Quote, QuoteKind, Warning, WarningKind};
use antecedents::Resolver;
use attrib::{Found, SpKind};
use regex::Regex;
use sentences::*;
use std::sync::LazyLock;

/// `— Name (@handle) March 11, 2025` closing an embedded post.
static SOCIAL_SIG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:—|–|-|--)[ \t]*(?P<name>[^\n(@—]{1,80}?)[ \t]*\((?P<handle>@\w{1,40})\)[^\n]*$").unwrap()
});

/// A dash and a name closing a quotation (`“...” — Ana Ruiz.`, or on a line of its own after a quote
/// paragraph): the epigraph and fact-check convention for who said it.
static DASH_SIG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        &crate::lang::pattern::expand(r"^\s*(?:-{1,2}|—|–|―)\s*(?P<name>(?:{surname-titles}\.\s+)?\p{Lu}[\p{L}'’-]*\.?(?:\s+\p{Lu}[\p{L}'’-]*\.?){0,3})\s*[.,]?\s*$"),
    )
    .expect("static regex")
});

/// The speaker named by a dash line at `text[from..to]`, as a found name.
fn dash_speaker(text: &str, from: usize, to: usize) -> Option<Found> {
    let m = DASH_SIG.captures(text.get(from..to)?)?.name("name")?;
    let (s, mut e) = (from + m.start(), from + m.end());
    // A sentence period after the last name is not part of it ("— Ana Ruiz.").
    if text[s..e].ends_with('.') && !text[s..e - 1].ends_with(|c: char| c.is_uppercase()) {
        e -= 1;
    }
    Some(Found { s, e, kind: SpKind::Name, cue: None, ante: None })
}

struct Raw {
    block: usize,
    p: marks::Pair,
    continued: bool,
    /// Continues into the next paragraph.
    runs_on: bool,
    social: Option<(usize, usize)>,
    found: Option<Found>,
    /// How the speaker was found, for inheritance decisions.
    own: bool,
    /// The speaker is the subject of the writer's sentence, found with no cue
    /// ([`subject_fallback`]): it names who is quoted but does not make a short phrase speech.
    fallback: bool,
}

/// Quotes of one article with their speakers. `local_entities`/`mentions` come from the entity
/// extractor (may be empty: then `speaker_mention` is still filled from the name/pronoun/role
/// detection here and `speaker_local` stays `None`).
pub fn extract(doc: &Doc, local_entities: &[LocalEntity], mentions: &[Mention]) -> (Vec<Quote>, Vec<Warning>) {
    let content = content_blocks(doc);
    let (mut raws, warnings) = pair_quotes(doc, &content);
    own_sentence(doc, &mut raws);
    sentence_openers(doc, &content, &mut raws);
    dash_signatures(doc, &content, &mut raws);
    share_continuations(&mut raws);
    split_excerpts(doc.text, &mut raws);
    subject_fallback(doc.text, doc, mentions, &mut raws);
    let mut out = speakers(doc, &content, local_entities, mentions, &raws);
    out.sort_by_key(|q| (q.start, q.end));
    for (n, q) in out.iter_mut().enumerate() {
        q.id = format!("{}#q{}", doc.id, n + 1);
    }
    (out, warnings)
}

/// The paragraphs quotes are mined from: content blocks with valid bounds.
fn content_blocks(doc: &Doc) -> Vec<usize> {
    let text = doc.text;
    // Headlines and subheadings compress a quote of the body and rarely say who spoke: not mined.
    (0..doc.blocks.len())
        .filter(|&i| {
            doc.blocks[i].kind.is_content()
                && !matches!(doc.blocks[i].kind, BlockKind::Headline | BlockKind::Subheading)
                && doc.blocks[i].start < doc.blocks[i].end
                && doc.blocks[i].end <= text.len()
        })
        .filter(|&i| text.is_char_boundary(doc.blocks[i].start) && text.is_char_boundary(doc.blocks[i].end))
        .collect()
}

/// Pass 1: quote marks paired per paragraph, a quote carried over into the next paragraph when
/// that one opens with a mark, and a warning for each unbalanced mark.
fn pair_quotes(doc: &Doc, content: &[usize]) -> (Vec<Raw>, Vec<Warning>) {
    let text = doc.text;
    let mut warnings = Vec::new();
    let mut raws: Vec<Raw> = Vec::new();
    let warn = |warnings: &mut Vec<Warning>, msg: String| {
        warnings.push(Warning { path: doc.id.to_string(), kind: WarningKind::UnbalancedQuote, message: msg });
    };
    for (ci, &bi) in content.iter().enumerate() {
        let b = &doc.blocks[bi];
        if let Some(q) = social_post(text, b.start, b.end, b.kind == BlockKind::SocialPost) {
            raws.push(q(bi));
            continue;
        }
        let (mut pairs, strays) = marks::pair(text, b.start, b.end);
        let prev_runs_on = raws.last().is_some_and(|r| r.runs_on && content.get(ci.wrapping_sub(1)) == Some(&r.block));
        // A quote carried over from the previous paragraph that closes here without opening
        // again: the words up to the closing mark are its last piece.
        if prev_runs_on && let Some(pair) = closing_piece(text, b.start, b.end, &pairs, &strays) {
            pairs.insert(0, pair);
        }
        for s in strays {
            // A closing mark at the start of a continued paragraph is not stray.
            if !prev_runs_on {
                warn(
                    &mut warnings,
                    format!("closing quote mark at byte {} has no opening mark in its paragraph", s.at),
                );
            }
        }
        let first_open = first_non_space(text, b.start, b.end);
        for mut p in pairs {
            let continued = prev_runs_on && p.open == first_open && !p.single;
            let mut runs_on = false;
            if p.open_ended {
                // Continues only when the next content paragraph opens with a quote mark.
                // Or when that paragraph closes the quote before opening any (a quote split
                // over two paragraphs by the layout: "... as “subdued. / Very subdued,” he said.").
                let next_opens = content.get(ci + 1).is_some_and(|&nb| {
                    let nb = &doc.blocks[nb];
                    let f = first_non_space(text, nb.start, nb.end);
                    let (np, ns) = marks::pair(text, nb.start, nb.end);
                    text[f..nb.end].starts_with(['"', '“', '„', '«'])
                        || text[f..nb.end].starts_with("''")
                        || text[f..nb.end].starts_with("``")
                        || text[f..nb.end].starts_with("‘‘")
                        || closing_piece(text, nb.start, nb.end, &np, &ns).is_some()
                });
                // a phrase of the writer's sentence is not a speaker's paragraph
                let phrase = cut_at_sentence_end(doc, &mut p);
                if next_opens && !phrase {
                    runs_on = true;
                } else {
                    warn(
                        &mut warnings,
                        format!("quote opened at byte {} is not closed before the end of its paragraph", p.open),
                    );
                }
            }
            raws.push(Raw { block: bi, p, continued, runs_on, social: None, found: None, own: false, fallback: false });
        }
    }
    (raws, warnings)
}

/// Pass 2: each quote's attribution from its own sentence (the tag after it, the cue before it),
/// and a second quote of a sentence with no cue of its own shares the first one's.
fn own_sentence(doc: &Doc, raws: &mut [Raw]) {
    let text = doc.text;
    for i in 0..raws.len() {
        if raws[i].social.is_some() {
            continue;
        }
        let b = &doc.blocks[raws[i].block];
        let p = raws[i].p;
        // Suffix: from the closing mark to the end of the sentence or the next quote.
        let next_open = raws.get(i + 1).filter(|r| r.block == raws[i].block).map(|r| r.p.open).unwrap_or(b.end);
        let found_after = if p.open_ended {
            None
        } else {
            let s_end = sentence_end(text, p.close_end, next_open);
            let toks = attrib::tokenize(text, p.close_end, s_end);
            let content_end = text[p.start..p.end].trim_end_matches(['’', '\'', '"', '”', ')']);
            let after_period = content_end.ends_with('.') && !ends_with_abbrev(content_end);
            // `“Why?” X asked, “...”`: after a question or exclamation, a tag that leads into the
            // next quote belongs to that one.
            let leads_next = s_end == next_open
                && next_open < b.end
                && content_end.ends_with(['?', '!'])
                && text[p.close_end..next_open].trim_end().ends_with([',', ':']);
            if leads_next { None } else { attrib::after(text, &toks, after_period) }
        };
        // Quotes are in text order, so the paragraph's previous quote, if any, is the one before.
        let prev = i.checked_sub(1).filter(|&j| raws[j].block == raws[i].block);
        let s_start = sentence_start(text, b.start, p.open);
        let mut found = found_after.or_else(|| {
            let prev_close = prev.map(|j| raws[j].p.close_end);
            let toks = attrib::tokenize(text, s_start, p.open);
            // Cues must lie after an earlier quote of the same sentence.
            let from = match prev_close {
                Some(pc) if pc > s_start => toks.iter().position(|t| t.s >= pc).unwrap_or(toks.len()),
                _ => 0,
            };
            attrib::before(text, &toks, from)
        });
        raws[i].own = found.is_some();
        // A second quote in the same sentence with no cue of its own ("called it “x” and “y”")
        // shares the first one's speaker.
        if found.is_none()
            && let Some(j) = prev
            && raws[j].p.close_end > s_start
            && !text[raws[j].p.close_end..p.open].contains(['.', ';', ':'])
        {
            found = raws[j].found.clone();
        }
        raws[i].found = found;
    }
}

/// Pass 3: a quote that opens a sentence with no attribution of its own: the paragraph's earlier
/// or later tagged quote, the previous paragraph's speaker, or the sentence before that introduces it.
fn sentence_openers(doc: &Doc, content: &[usize], raws: &mut [Raw]) {
    let text = doc.text;
    // A quote that starts a sentence with no attribution of its own takes the speaker of the
    // paragraph's earlier quote.
    for i in 0..raws.len() {
        if raws[i].found.is_some() || raws[i].social.is_some() || raws[i].p.single {
            continue;
        }
        let b = &doc.blocks[raws[i].block];
        let s_start = sentence_start(text, b.start, raws[i].p.open);
        if !text[s_start..raws[i].p.open].trim().is_empty() {
            continue;
        }
        if let Some(j) = (0..i).rev().take_while(|&j| raws[j].block == raws[i].block).next() {
            // A later sentence names the speaker by the antecedent, not by "who".
            raws[i].found = raws[j].found.clone().map(|f| match f.ante {
                Some((s, e, kind)) => Found { s, e, kind, cue: f.cue, ante: None },
                None => f,
            });
            continue;
        }
        if raws[i].continued {
            continue;
        }
        // Speech stands as a sentence of its own; a quote that the writer's sentence runs on
        // from ("“Broad City” star X said") is a title or a phrase, not more of anyone's words.
        let ends_itself = text[raws[i].p.start..raws[i].p.end].trim_end().ends_with(['.', '!', '?', '…']);
        let rest_of_sentence = if ends_itself {
            ""
        } else {
            let close = raws[i].p.close_end;
            let next = raws.get(i + 1).filter(|r| r.block == raws[i].block).map_or(b.end, |r| r.p.open);
            text[close..sentence_end(text, close, next)].trim_start_matches(['.', ',', '!', '?', ' ', '\u{a0}'])
        };
        // The quote is its paragraph's first sentence, all of it.
        let whole = s_start == first_non_space(text, b.start, b.end) && rest_of_sentence.trim().is_empty();
        if whole {
            // One speaker per paragraph: a later tagged quote of this paragraph names this one's.
            if let Some(j) = (i + 1..raws.len()).take_while(|&j| raws[j].block == raws[i].block).find(|&j| raws[j].own)
            {
                raws[i].found = raws[j].found.clone().map(|f| match f.ante {
                    Some((s, e, kind)) => Found { s, e, kind, cue: f.cue, ante: None },
                    None => f,
                });
                continue;
            }
            // A paragraph that is only more of the quote: the news convention continues the
            // speaker of the quote that closed the previous paragraph.
            if let Some(f) = previous_paragraph_speaker(text, doc, content, raws, i) {
                raws[i].found = Some(f);
                continue;
            }
        }
        raws[i].found = introduced_by_sentence_before(doc, content, raws, i, s_start, whole);
    }
}

/// The sentence before a quote that opens its own sentence introduces it: "X put it this way:"
/// or "X agreed." (the previous paragraph's last sentence when the quote opens its paragraph).
fn introduced_by_sentence_before(
    doc: &Doc,
    content: &[usize],
    raws: &[Raw],
    i: usize,
    s_start: usize,
    whole: bool,
) -> Option<Found> {
    let text = doc.text;
    let b = &doc.blocks[raws[i].block];
    // The sentence before introduces the quote: "X put it this way:" or "X agreed."
    let (ps, pe) = if s_start > b.start {
        (sentence_start(text, b.start, s_start.saturating_sub(1).max(b.start)), s_start)
    } else {
        let pb = content
            .iter()
            .position(|&c| c == raws[i].block)
            .and_then(|k| k.checked_sub(1))
            .map(|k| &doc.blocks[content[k]])?;
        let end = pb.start + text[pb.start..pb.end].trim_end().len();
        (sentence_start(text, pb.start, end.saturating_sub(1).max(pb.start)), end)
    };
    let prev_text = text[ps..pe].trim_end();
    if prev_text.contains(['"', '“', '”']) || prev_text.contains("''") {
        return None;
    }
    let pe = ps + prev_text.len();
    if prev_text.ends_with(':') {
        let toks = attrib::tokenize(text, ps, pe);
        return attrib::before(text, &toks, 0);
    }
    if prev_text.ends_with('.') {
        let toks = attrib::tokenize(text, ps, pe - 1);
        let f = attrib::before(text, &toks, 0);
        // Only a sentence that ends on its cue ("Bystrom agreed.") or on a short complement of
        // it ("X told the local paper.", "X continued his remarks.") hands over its speaker; a
        // clause after the cue ("X said the plan failed.") reports something else, unless the
        // quote is a paragraph of its own: an untagged quote paragraph after a paragraph
        // that reports what someone said goes on with that person's words.
        if let Some(f) = f
            && (f.cue.is_some_and(|(_, ce)| short_complement(text, &toks, ce))
                || (whole && f.cue.is_some() && f.kind != SpKind::Nominal))
        {
            return Some(f);
        }
    }
    None
}

/// Pass 4: a quote paragraph signed with a dash, on its last line or on the next line.
fn dash_signatures(doc: &Doc, content: &[usize], raws: &mut [Raw]) {
    let text = doc.text;
    for i in 0..raws.len() {
        if raws[i].found.is_some() || raws[i].social.is_some() || raws[i].p.single || raws[i].p.open_ended {
            continue;
        }
        let b = &doc.blocks[raws[i].block];
        if raws.get(i + 1).is_some_and(|r| r.block == raws[i].block) {
            continue;
        }
        // The quote must open its paragraph (or continue one), not sit inside the writer's sentence.
        if !raws[i].continued && !text[b.start..raws[i].p.open].trim().is_empty() {
            continue;
        }
        let rest = &text[raws[i].p.close_end..b.end];
        raws[i].found = if rest.trim().is_empty() {
            content
                .iter()
                .position(|&c| c == raws[i].block)
                .and_then(|k| content.get(k + 1))
                .and_then(|&nb| dash_speaker(text, doc.blocks[nb].start, doc.blocks[nb].end))
        } else {
            dash_speaker(text, raws[i].p.close_end, b.end)
        };
    }
}

/// Pass 5: the pieces of a quote continued over paragraphs share one speaker, whichever piece names it.
fn share_continuations(raws: &mut [Raw]) {
    let mut i = 0;
    while i < raws.len() {
        let mut j = i;
        while j + 1 < raws.len() && raws[j].runs_on && raws[j + 1].continued {
            j += 1;
        }
        if j > i {
            let f = (i..=j).find_map(|k| raws[k].found.clone());
            for r in &mut raws[i..=j] {
                if r.found.is_none() {
                    r.found = f.clone();
                }
            }
        }
        i = j + 1;
    }
}

/// Pass 6: each quote with its speaker resolved to an entity of the article (names, roles held by
/// a person, pronouns to their antecedent) and its kind.
fn speakers(
    doc: &Doc,
    content: &[usize],
    local_entities: &[LocalEntity],
    mentions: &[Mention],
    raws: &[Raw],
) -> Vec<Quote> {
    let text = doc.text;
    // Quote ranges, to keep pronoun antecedents outside quotes.
    let ranges: Vec<(usize, usize)> = raws.iter().map(|r| (r.p.start, r.p.end)).collect();
    // `ranges` is sorted by start and quotes do not overlap: the last range starting at or before
    // `pos` is the only one that can hold it.
    let inside_quote = |pos: usize| {
        let k = ranges.partition_point(|&(s, _)| s <= pos);
        k > 0 && pos < ranges[k - 1].1
    };
    let mut person_mentions: Vec<&Mention> =
        mentions.iter().filter(|m| m.kind == EntityKind::Person && !inside_quote(m.start)).collect();
    person_mentions.sort_by_key(|m| (m.start, m.end));
    let mut by_start: Vec<&Mention> = mentions.iter().collect();
    by_start.sort_by_key(|m| (m.start, m.end));
    let mut resolve = Resolver { doc, content, local_entities, person_mentions, by_start, named: Vec::new() };

    let mut out = Vec::new();
    for r in raws {
        let p = r.p;
        let (kind_hint, found) = match r.social {
            Some(_) => (Some(QuoteKind::Social), r.found.clone()),
            None => (None, r.found.clone()),
        };
        let mut speaker_mention = None;
        let mut speaker_local = None;
        let mut speaker_name = None;
        let mut cue = None;
        let mut cue_span = None;
        if let Some(f) = &found {
            let span = doc.span(f.s, f.e);
            // A relative pronoun is resolved through the phrase it stands for.
            (speaker_local, speaker_name) = resolve.speaker(r.block, f, &span.text);
            if let Some((a, b)) = f.cue {
                cue = Some(text[a..b].to_string());
                cue_span = Some(doc.span(a, b));
            }
            speaker_mention = Some(span);
        }
        let kind = kind_hint.unwrap_or_else(|| quote_kind(doc, r, found.is_some()));
        if matches!(kind, QuoteKind::Title | QuoteKind::Scare) {
            speaker_mention = None;
            speaker_local = None;
            speaker_name = None;
            cue = None;
            cue_span = None;
        }
        let (ss, se) = sentence_bounds(doc, p.start, p.end, r.block);
        out.push(Quote {
            id: String::new(),
            article: doc.id.clone(),
            start: p.start,
            end: p.end,
            text: text[p.start..p.end].to_string(),
            kind,
            speaker: None,
            speaker_local,
            speaker_mention,
            speaker_name,
            cue,
            cue_span,
            continued: r.continued,
            sentence_start: ss,
            sentence_end: se,
        });
    }
    out
}

/// The kind of quote `r` that is not a social post, `attributed` when a cue names its speaker.
fn quote_kind(doc: &Doc, r: &Raw, attributed: bool) -> QuoteKind {
    let block_start = doc.blocks[r.block].start;
    let kind = classify(doc.text, block_start, &r.p, attributed && !r.fallback);
    // A short phrase in the words of the sentence's subject ("Clinton blamed the “fog of
    // war”") is a partial quote; a title stays a title.
    if r.fallback && kind == QuoteKind::Scare {
        let k = classify(doc.text, block_start, &r.p, true);
        if k != QuoteKind::Title {
            return k;
        }
    }
    kind
}

/// Quotes inside the writer's sentence that no cue attributes: the subject of the sentence speaks
/// ([`attrib::subject_speaker`]), when it can ("Paul Ryan worried that the net was becoming “a
/// hammock”"). Runs after every cue rule, so that no other quote inherits a speaker found this way.
fn subject_fallback(text: &str, doc: &Doc, mentions: &[Mention], raws: &mut [Raw]) {
    let mut speakers: Vec<&Mention> =
        mentions.iter().filter(|m| matches!(m.kind, EntityKind::Person | EntityKind::Organization)).collect();
    speakers.sort_by_key(|m| (m.start, m.end));
    for i in 0..raws.len() {
        let r = &raws[i];
        if r.found.is_some() || r.social.is_some() || r.continued || r.p.single {
            continue;
        }
        let b = &doc.blocks[r.block];
        let s_start = sentence_start(text, b.start, r.p.open);
        if text[s_start..r.p.open].trim().is_empty() {
            continue;
        }
        let toks = attrib::tokenize(text, s_start, r.p.open);
        let prev_close = i
            .checked_sub(1)
            .filter(|&j| raws[j].block == r.block)
            .map(|j| raws[j].p.close_end)
            .filter(|&pc| pc > s_start);
        let from = prev_close.map_or(0, |pc| toks.iter().position(|t| t.s >= pc).unwrap_or(toks.len()));
        if from >= toks.len() {
            continue;
        }
        let Some(f) = attrib::subject_speaker(text, &toks, from) else { continue };
        // A name must be found as a person or an organization: a capitalised word opening the
        // sentence ("Audiences can expect ..."), a dateline or a nationality is no speaker.
        let (ns, ne, nk) = f.ante.unwrap_or((f.s, f.e, f.kind));
        // Mentions are short: one overlapping the name starts less than 200 bytes before it.
        let first = speakers.partition_point(|m| m.start + 200 < ns);
        let known = speakers[first..].iter().take_while(|m| m.start < ne).any(|m| ns < m.end);
        if nk != SpKind::Name || known {
            raws[i].found = Some(f);
            raws[i].fallback = true;
        }
    }
}

/// A long quotation that nobody is said to speak but that holds quotes tagged the way a reporter
/// tags them ("'...,' X said") is an excerpt: a passage of another article quoted whole. The
/// speech in it is the inner quotes, each with its own speaker. The excerpt is replaced by them,
/// so that two people quoted in one excerpt are not one quote of nobody.
fn split_excerpts(text: &str, raws: &mut Vec<Raw>) {
    let mut i = 0;
    while i < raws.len() {
        let r = &raws[i];
        let (cs, ce) = (r.p.start, r.p.end);
        let long = ce - cs >= 200 && text[cs..ce].matches(". ").count() >= 2;
        if r.found.is_some() || r.social.is_some() || r.p.single || r.continued || r.runs_on || !long {
            i += 1;
            continue;
        }
        let (inner, _) = marks::pair(text, cs, ce);
        let mut pieces: Vec<Raw> = Vec::new();
        // A reporter's "'...,' X said" inside is what marks a passage of an article; a phrase the
        // passage's writer quotes ("X called them 'a cancer'") does not.
        let mut excerpt = false;
        for (k, ip) in inner.iter().enumerate() {
            let next_open = inner.get(k + 1).map_or(ce, |n| n.open);
            let content_end = text[ip.start..ip.end].trim_end_matches(['’', '\'', '"', '”', ')']);
            let after_period = content_end.ends_with('.') && !ends_with_abbrev(content_end);
            let s_end = sentence_end(text, ip.close_end, next_open);
            let toks = attrib::tokenize(text, ip.close_end, s_end);
            let tagged_after = attrib::after(text, &toks, after_period);
            excerpt |= tagged_after.is_some();
            let found = tagged_after.or_else(|| {
                let s_start = sentence_start(text, cs, ip.open);
                let toks = attrib::tokenize(text, s_start, ip.open);
                let prev_close = k.checked_sub(1).map(|j| inner[j].close_end).filter(|&pc| pc > s_start);
                let from = prev_close.map_or(0, |pc| toks.iter().position(|t| t.s >= pc).unwrap_or(toks.len()));
                attrib::before(text, &toks, from)
            });
            let p = marks::Pair { single: false, open_ended: false, ..*ip };
            let own = found.is_some();
            pieces.push(Raw {
                block: r.block,
                p,
                continued: false,
                runs_on: false,
                social: None,
                found,
                own,
                fallback: false,
            });
        }
        if excerpt {
            let n = pieces.len();
            raws.splice(i..=i, pieces);
            i += n;
        } else {
            i += 1;
        }
    }
}

/// The speaker of the quote in the last sentence of the content paragraph before quote `i`'s,
/// when that paragraph ends with an attributed quote and quote `i`'s paragraph has no tag of its
/// own ("“We will rebuild,” said the mayor." then a paragraph “Every house.”).
fn previous_paragraph_speaker(text: &str, doc: &Doc, content: &[usize], raws: &[Raw], i: usize) -> Option<Found> {
    let block = raws[i].block;
    let prev_block = content.iter().position(|&c| c == block)?.checked_sub(1).map(|k| content[k])?;
    let j = (0..i).rev().find(|&j| raws[j].block == prev_block)?;
    if raws[j].social.is_some() {
        return None;
    }
    let f = raws[j].found.clone()?;
    // A word or two in quote marks is a phrase of the writer's sentence, not speech that a
    // quoted paragraph could go on with.
    if text[raws[j].p.start..raws[j].p.end].split_whitespace().count() < 3 {
        return None;
    }
    let pb = &doc.blocks[prev_block];
    let end = pb.start + text[pb.start..pb.end].trim_end().len();
    let last_sentence = sentence_start(text, pb.start, end.saturating_sub(1).max(pb.start));
    // The attributed quote must close the paragraph's last sentence; a writer's sentence after it
    // ("The plan was dropped in May.") breaks the thread.
    if raws[j].p.close_end < last_sentence {
        return None;
    }
    Some(match f.ante {
        Some((s, e, kind)) => Found { s, e, kind, cue: f.cue, ante: None },
        None => f,
    })
}

/// The piece of a carried-over quote in paragraph `from..to`: from the paragraph's start to its
/// first closing mark, when that mark closes nothing in the paragraph and no quote opens before it.
fn closing_piece(
    text: &str,
    from: usize,
    to: usize,
    pairs: &[marks::Pair],
    strays: &[marks::Stray],
) -> Option<marks::Pair> {
    let f = first_non_space(text, from, to);
    let s = strays.first()?;
    if s.at <= f || pairs.iter().any(|p| p.open < s.at) || text[f..s.at].contains(['"', '“', '”']) {
        return None;
    }
    let mark = if text[s.at..].starts_with("''") || text[s.at..].starts_with("’’") {
        text[s.at..].chars().take(2).map(char::len_utf8).sum()
    } else {
        text[s.at..].chars().next().map_or(1, char::len_utf8)
    };
    let content = text[f..s.at].trim_end();
    if content.is_empty() {
        return None;
    }
    Some(marks::Pair {
        open: f,
        start: f,
        end: f + content.len(),
        close_end: s.at + mark,
        single: false,
        open_ended: false,
    })
}

fn first_non_space(text: &str, from: usize, to: usize) -> usize {
    let seg = &text[from..to];
    from + (seg.len() - seg.trim_start().len())
}

/// An embedded social post: the post's text is a quote of the author named on its signature line.
fn social_post(text: &str, start: usize, end: usize, marked: bool) -> Option<impl FnOnce(usize) -> Raw> {
    let seg = &text[start..end];
    let cap = SOCIAL_SIG.captures(seg)?;
    let sig = cap.get(0)?;
    // The signature must follow the post text, not open the block.
    let body = seg[..sig.start()].trim_end();
    if body.trim().is_empty() || (!marked && seg[sig.end()..].lines().filter(|l| !l.trim().is_empty()).count() > 1) {
        return None;
    }
    let name = cap.name("name")?;
    let lead = body.len() - body.trim_start().len();
    let (qs, qe) = (start + lead, start + body.len());
    let (ns, ne) = (start + name.start(), start + name.end());
    Some(move |bi: usize| Raw {
        block: bi,
        p: marks::Pair { open: qs, start: qs, end: qe, close_end: qe, single: false, open_ended: false },
        continued: false,
        runs_on: false,
        social: Some((ns, ne)),
        found: Some(Found { s: ns, e: ne, kind: SpKind::Name, cue: None, ante: None }),
        own: true,
        fallback: false,
    })
}

/// Do the tokens after byte `cue_end` form at most a short object or setting of the cue, with no
/// verb, subject pronoun or complementizer that would open a clause of its own?
fn short_complement(text: &str, toks: &[attrib::Tok], cue_end: usize) -> bool {
    let rest: Vec<&str> = toks.iter().filter(|t| t.s >= cue_end).map(|t| &text[t.s..t.e]).collect();
    rest.len() <= 5
        && rest.iter().all(|w| {
            let l = w.to_lowercase();
            w.chars().all(char::is_alphanumeric) && !is(Class::ComplementStop, l.as_str()) && !l.ends_with("ed")
        })
}

/// Decide the kind of a quote that is not a social post.
fn classify(text: &str, block_start: usize, p: &marks::Pair, has_speaker: bool) -> QuoteKind {
    let content = &text[p.start..p.end];
    let core = content.trim_end_matches(['\'', '’', '"', '”']);
    let trail = core.trim_end_matches([',', '.', ';', ':', '!', '?', '…']);
    let words: Vec<&str> = trail.split_whitespace().collect();
    let nwords = words.len();
    let before = text[block_start..p.open].trim_end();
    let prev_raw = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let prev_word = prev_raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase();
    let after = text[p.close_end..].chars().take(40).collect::<String>();
    let ends_sentence = core.ends_with(['.', '!', '?', '…']);
    // Several sentences are speech, never a title.
    let inner_sentence = trail.contains(". ") || trail.contains("? ") || trail.contains("! ");
    let title_case = !words.is_empty()
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || is(Class::TitleSmallWord, w)
        });
    if prev_word == "so-called" || (prev_word == "called" && before.to_lowercase().ends_with("so called")) {
        return QuoteKind::Scare;
    }
    // Nickname between a given name and a surname: Dwayne "The Rock" Johnson.
    let prev_cap = prev_raw.chars().next().is_some_and(char::is_uppercase) && prev_raw.chars().all(char::is_alphabetic);
    let next_cap = after.starts_with(' ') && after.trim_start().chars().next().is_some_and(char::is_uppercase);
    if prev_cap && next_cap && nwords <= 3 && !ends_sentence && title_case {
        return QuoteKind::Title;
    }
    // A title: a capitalised phrase after a word that introduces a work, a possessive ("NBC's"),
    // or a preposition ("on", "in", "of"); or any capitalised phrase that nobody is said to speak.
    let possessive = prev_raw.ends_with("’s") || prev_raw.ends_with("'s") || prev_raw.ends_with("s’");
    let intro = is(Class::TitleIntro, prev_word.as_str()) || possessive;
    if title_case && !inner_sentence && nwords <= 10 && (intro || !has_speaker) {
        return QuoteKind::Title;
    }
    if !has_speaker && nwords <= 3 {
        return QuoteKind::Scare;
    }
    let starts_lower = content.chars().next().is_some_and(char::is_lowercase);
    let embedded = before.chars().last().is_some_and(|c| c.is_alphanumeric());
    if starts_lower || (embedded && !ends_sentence) { QuoteKind::Partial } else { QuoteKind::Full }
}

#[cfg(test)]
mod tests;
