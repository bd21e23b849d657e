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

mod attrib;
mod marks;

use crate::extract::Doc;
use crate::model::{BlockKind, EntityKind, LocalEntity, Mention, Quote, QuoteKind, Warning, WarningKind};
use attrib::{Found, SpKind};
use regex::Regex;
use std::sync::LazyLock;

/// `— Name (@handle) March 11, 2025` closing an embedded post.
static SOCIAL_SIG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*(?:—|–|-|--)[ \t]*(?P<name>[^\n(@—]{1,80}?)[ \t]*\((?P<handle>@\w{1,40})\)[^\n]*$").unwrap()
});

/// A dash and a name closing a quotation (`“...” — Ana Ruiz.`, or on a line of its own after a quote
/// paragraph): the epigraph and fact-check convention for who said it.
static DASH_SIG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:-{1,2}|—|–|―)\s*(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?\p{Lu}[\p{L}'’-]*\.?(?:\s+\p{Lu}[\p{L}'’-]*\.?){0,3})\s*[.,]?\s*$",
    )
    .unwrap()
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

/// Words before a quote that make it a title of a work or a name.
const TITLE_INTRO: &[&str] = &[
    "film",
    "movie",
    "book",
    "novel",
    "song",
    "album",
    "show",
    "series",
    "play",
    "musical",
    "documentary",
    "podcast",
    "program",
    "programme",
    "column",
    "essay",
    "op-ed",
    "headline",
    "poem",
    "opera",
    "painting",
    "exhibition",
    "exhibit",
    "titled",
    "entitled",
    "nicknamed",
    "hashtag",
    "slogan",
    "memoir",
    "sitcom",
    "episode",
    "video",
    "magazine",
    "newspaper",
    "report",
    "campaign",
    "initiative",
    "operation",
    "bill",
    "act",
    "track",
    "single",
];

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
    let text = doc.text;
    let mut warnings = Vec::new();
    // Headlines and subheadings compress a quote of the body and rarely say who spoke: not mined.
    let content: Vec<usize> = (0..doc.blocks.len())
        .filter(|&i| {
            doc.blocks[i].kind.is_content()
                && !matches!(doc.blocks[i].kind, BlockKind::Headline | BlockKind::Subheading)
                && doc.blocks[i].start < doc.blocks[i].end
                && doc.blocks[i].end <= text.len()
        })
        .filter(|&i| text.is_char_boundary(doc.blocks[i].start) && text.is_char_boundary(doc.blocks[i].end))
        .collect();
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

    // Attribution of each quote from its own sentence.
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
            if let Some(f) = previous_paragraph_speaker(text, doc, &content, &raws, i) {
                raws[i].found = Some(f);
                continue;
            }
        }
        // The sentence before introduces the quote: "X put it this way:" or "X agreed."
        let (ps, pe) = if s_start > b.start {
            (sentence_start(text, b.start, s_start.saturating_sub(1).max(b.start)), s_start)
        } else {
            let Some(pb) = content
                .iter()
                .position(|&c| c == raws[i].block)
                .and_then(|k| k.checked_sub(1))
                .map(|k| &doc.blocks[content[k]])
            else {
                continue;
            };
            let end = pb.start + text[pb.start..pb.end].trim_end().len();
            (sentence_start(text, pb.start, end.saturating_sub(1).max(pb.start)), end)
        };
        let prev_text = text[ps..pe].trim_end();
        if prev_text.contains(['"', '“', '”']) || prev_text.contains("''") {
            continue;
        }
        let pe = ps + prev_text.len();
        if prev_text.ends_with(':') {
            let toks = attrib::tokenize(text, ps, pe);
            raws[i].found = attrib::before(text, &toks, 0);
        } else if prev_text.ends_with('.') {
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
                raws[i].found = Some(f);
            }
        }
    }

    // A quote paragraph signed with a dash, on its last line or on the next line.
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

    // Continuations share one speaker, whichever piece names it.
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

    split_excerpts(text, &mut raws);
    subject_fallback(text, doc, mentions, &mut raws);

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
    // Names found as speakers, as a fallback antecedent when there are no entity mentions.
    let mut named: Vec<(usize, String, Option<usize>)> = Vec::new();

    let mut out = Vec::new();
    for r in &raws {
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
            let (rs, re, rkind) = f.ante.unwrap_or((f.s, f.e, f.kind));
            match rkind {
                SpKind::Name | SpKind::Nominal => {
                    let rtext = &text[rs..re];
                    // Mentions are short, so one overlapping the phrase starts less than 200 bytes before it.
                    let from = by_start.partition_point(|m| m.start + 200 < rs);
                    let inside: Vec<&Mention> =
                        by_start[from..].iter().take_while(|m| m.start < re).filter(|m| rs < m.end).copied().collect();
                    speaker_local = phrase_speaker(text, &inside);
                    if speaker_local.is_none() && rkind == SpKind::Nominal {
                        speaker_local = role_antecedent(text, rtext, rs, local_entities, &person_mentions);
                    }
                    if speaker_local.is_none() && !(rkind == SpKind::Nominal && person_head(rtext)) {
                        speaker_local = inside.first().map(|m| m.local);
                    }
                    speaker_name = speaker_local
                        .and_then(|l| local_entities.get(l))
                        .map(|e| e.name.clone())
                        .or_else(|| Some(strip_title(rtext)));
                    if rkind == SpKind::Name {
                        named.push((rs, speaker_name.clone().unwrap_or_default(), speaker_local));
                    }
                }
                SpKind::Pronoun => {
                    let w = span.text.to_lowercase();
                    if w == "he" || w == "she" {
                        let ante = pronoun_antecedent(text, doc, &content, r.block, &person_mentions, f.s);
                        if let Some(m) = ante {
                            speaker_local = Some(m.local);
                            speaker_name = local_entities.get(m.local).map(|e| e.name.clone());
                        } else if let Some((_, n, l)) = named.iter().rev().find(|(s, _, _)| *s < f.s) {
                            speaker_local = *l;
                            speaker_name = Some(n.clone());
                        }
                    }
                }
            }
            if let Some((a, b)) = f.cue {
                cue = Some(text[a..b].to_string());
                cue_span = Some(doc.span(a, b));
            }
            speaker_mention = Some(span);
        }
        let block_start = doc.blocks[r.block].start;
        let mut kind = kind_hint.unwrap_or_else(|| classify(text, block_start, &p, found.is_some() && !r.fallback));
        // A short phrase in the words of the sentence's subject ("Clinton blamed the “fog of
        // war”") is a partial quote; a title stays a title.
        if r.fallback && kind == QuoteKind::Scare {
            let k = classify(text, block_start, &p, true);
            if k != QuoteKind::Title {
                kind = k;
            }
        }
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
    out.sort_by_key(|q| (q.start, q.end));
    for (n, q) in out.iter_mut().enumerate() {
        q.id = format!("{}#q{}", doc.id, n + 1);
    }
    (out, warnings)
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

const ABBREVS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Jr", "Sr", "Lt", "Col", "Capt", "Prof", "Rev", "No",
    "vs", "Inc", "Co", "Corp", "Ltd", "Mt", "Ft", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga",
    "Ill", "Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore",
    "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec",
];

/// Do the tokens after byte `cue_end` form at most a short object or setting of the cue, with no
/// verb, subject pronoun or complementizer that would open a clause of its own?
fn short_complement(text: &str, toks: &[attrib::Tok], cue_end: usize) -> bool {
    let rest: Vec<&str> = toks.iter().filter(|t| t.s >= cue_end).map(|t| &text[t.s..t.e]).collect();
    const CLAUSE: &[&str] = &[
        "that", "he", "she", "they", "we", "i", "it", "would", "will", "was", "is", "are", "were", "has", "had",
        "have", "could", "should", "might", "may", "can", "not", "be", "if", "when", "because", "but", "and", "to",
    ];
    rest.len() <= 5
        && rest.iter().all(|w| {
            let l = w.to_lowercase();
            w.chars().all(char::is_alphanumeric) && !CLAUSE.contains(&l.as_str()) && !l.ends_with("ed")
        })
}

fn ends_with_abbrev(s: &str) -> bool {
    let w = s.trim_end_matches('.');
    let last = w.rsplit(|c: char| !c.is_alphanumeric() && c != '.').next().unwrap_or("");
    ABBREVS.contains(&last) || (last.chars().count() == 1 && last.chars().all(char::is_uppercase)) || last.contains('.')
}

/// Is `text[..pos]` ending in a sentence terminator followed by the whitespace at `pos`?
fn is_boundary(text: &str, term_at: usize) -> bool {
    // `term_at` is the byte index of `.`, `!` or `?`.
    if !text[term_at..].starts_with('.') {
        return true;
    }
    // Whitespace may be wider than one byte (no-break space).
    let start =
        text[..term_at].char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
    !ends_with_abbrev(&text[start..=term_at])
}

/// Start of the sentence holding `pos` within the paragraph starting at `from`.
fn sentence_start(text: &str, from: usize, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    if from >= pos || !text.is_char_boundary(from) {
        return pos;
    }
    // No sentence runs longer than this: bounds the scan in paragraphs without breaks.
    let mut from = from.max(pos.saturating_sub(3000));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let seg = &text[from..pos];
    // The last sentence end before `pos` wins, so the scan runs backwards and
    // stops there (a forward scan read the whole 3,000 bytes for every quote).
    for (i, c) in seg.char_indices().rev() {
        if matches!(c, '.' | '!' | '?') {
            // Skip closing marks after the terminator, then require whitespace.
            let rest = &seg[i + 1..];
            let after_marks = rest.trim_start_matches(['"', '”', '’', '\'', ')']);
            if after_marks.starts_with(char::is_whitespace) && is_boundary(text, from + i) {
                let ws = after_marks.len() - after_marks.trim_start().len();
                let next = from + i + 1 + (rest.len() - after_marks.len()) + ws;
                // Quote marks belong to the next sentence only when they open it.
                if next <= pos && after_marks.trim_start().chars().next().is_none_or(|c| !c.is_lowercase()) {
                    return next;
                }
            }
        }
    }
    from
}

/// End of the sentence that continues at `pos`, bounded by `limit`.
fn sentence_end(text: &str, pos: usize, limit: usize) -> usize {
    let limit = limit.max(pos);
    if !text.is_char_boundary(pos) || !text.is_char_boundary(limit) || limit > text.len() {
        return pos;
    }
    let seg = &text[pos..limit];
    for (i, c) in seg.char_indices() {
        if matches!(c, '.' | '!' | '?')
            && seg[i + 1..].chars().next().is_none_or(char::is_whitespace)
            && is_boundary(text, pos + i)
        {
            return pos + i + 1;
        }
        if c == '\n' {
            return pos + i;
        }
    }
    limit
}

/// An unclosed quote that opened inside the writer's sentence ("then saw “a
/// crater two metres wide. Observers believe…") is a phrase of that
/// sentence: the closing mark was lost, and the rest of the paragraph is the
/// writer's. It ends with its sentence. A quote that opens its sentence may
/// be a speaker's several sentences and keeps running to the paragraph end.
/// Whether it cut.
fn cut_at_sentence_end(doc: &Doc, p: &mut marks::Pair) -> bool {
    let k = doc.sentences.partition_point(|s| s.start <= p.open);
    let Some(s) = k.checked_sub(1).and_then(|k| doc.sentences.get(k)) else { return false };
    let lead = doc.text.get(s.start..p.open).unwrap_or("");
    if !lead.chars().any(char::is_alphanumeric) || s.end <= p.start || s.end >= p.end {
        return false;
    }
    let end = p.start + doc.text.get(p.start..s.end).map_or(0, |t| t.trim_end().len());
    p.end = end;
    p.close_end = end;
    true
}

fn sentence_bounds(doc: &Doc, start: usize, end: usize, block: usize) -> (usize, usize) {
    // Sentences are in text order.
    let k = doc.sentences.partition_point(|s| s.start <= start);
    let ss =
        k.checked_sub(1).and_then(|k| doc.sentences.get(k)).filter(|s| start < s.end.max(s.start + 1)).map(|s| s.start);
    let k = doc.sentences.partition_point(|s| s.start < end);
    let se = k.checked_sub(1).and_then(|k| doc.sentences.get(k)).filter(|s| end <= s.end).map(|s| s.end);
    let b = &doc.blocks[block];
    (ss.unwrap_or(b.start).min(start), se.unwrap_or(b.end).max(end))
}

fn strip_title(s: &str) -> String {
    const T: &[&str] = &["Mr. ", "Mrs. ", "Ms. ", "Dr. "];
    let mut s = s.trim();
    for t in T {
        if let Some(r) = s.strip_prefix(t) {
            s = r;
        }
    }
    s.to_string()
}

/// The person "he"/"she" at `at` stands for. News writes the pronoun for the subject of the
/// governing clause, not for the nearest name: "Berg met Sara Mullen on Monday. He called it
/// useful" is Berg. So: the subject (first person named, not after a preposition nor a
/// possessor) of the pronoun's own sentence before it, else of the nearest earlier sentence that
/// names a person (in this paragraph or the one before); else the nearest person before it.
fn pronoun_antecedent<'m>(
    text: &str,
    doc: &Doc,
    content: &[usize],
    block: usize,
    persons: &[&'m Mention],
    at: usize,
) -> Option<&'m Mention> {
    let k = persons.partition_point(|m| m.start < at);
    let nearest = persons[..k].iter().rev().find(|m| m.end <= at).copied();
    let b = &doc.blocks[block];
    let subject_in = |from: usize, to: usize| -> Option<&'m Mention> {
        let a = persons.partition_point(|m| m.start < from);
        persons[a..].iter().take_while(|m| m.end <= to).copied().find(|m| {
            let before = text[from..m.start].trim_end();
            let prev = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
            let rest = text.get(m.end..).unwrap_or("");
            let possessor = rest.starts_with("'s") || rest.starts_with("’s");
            const PREPS: &[&str] =
                &["to", "with", "by", "from", "for", "of", "about", "against", "at", "on", "after", "before", "like"];
            !possessor && !PREPS.contains(&prev.as_str())
        })
    };
    let s0 = sentence_start(text, b.start, at);
    if let Some(m) = subject_in(s0, at) {
        return Some(m);
    }
    // Earlier sentences of this paragraph, then the last sentences of the previous one.
    let mut end = s0;
    let mut blk = b;
    for _ in 0..4 {
        if end <= blk.start {
            let Some(prev) =
                content.iter().position(|&c| std::ptr::eq(&doc.blocks[c], blk)).and_then(|p| p.checked_sub(1))
            else {
                break;
            };
            blk = &doc.blocks[content[prev]];
            end = blk.start + text[blk.start..blk.end].trim_end().len();
        }
        let start = sentence_start(text, blk.start, end.saturating_sub(1).max(blk.start));
        if let Some(m) = subject_in(start, end) {
            return Some(m);
        }
        if start >= end {
            break;
        }
        end = start;
    }
    nearest
}

/// The person a speaker phrase names among the mentions inside it: the last person that is not
/// a possessor ("U.S. Secretary of State Lena Ostrova" is Ostrova, not the country; "Harbor
/// police Lt. Carla Menz" is Menz, not the town; "the minister's aide" is not the minister).
fn phrase_speaker(text: &str, inside: &[&Mention]) -> Option<usize> {
    let possessor = |m: &Mention| {
        let rest = text.get(m.end..).unwrap_or("");
        rest.starts_with("'s") || rest.starts_with("’s") || rest.starts_with('\'') || rest.starts_with('’')
    };
    // A nominal with a person's role as its head names nobody inside it but a person in
    // apposition ("the ministry official"); the caller then looks for the role's holder.
    inside.iter().rev().find(|m| m.kind == EntityKind::Person && !possessor(m)).map(|m| m.local)
}

/// Heads of nominal speaker phrases that stand for a person, not for the organization or place
/// that modifies them ("the union official", "a ministry spokesman").
fn person_head(phrase: &str) -> bool {
    const HEADS: &[&str] = &[
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "aide",
        "official",
        "adviser",
        "advisor",
        "lawyer",
        "attorney",
        "assistant",
        "deputy",
        "secretary",
        "director",
        "chief",
        "head",
        "leader",
        "minister",
        "officer",
        "executive",
        "manager",
        "chairman",
        "chairwoman",
        "president",
        "governor",
        "mayor",
        "sheriff",
        "nurse",
        "doctor",
        "agent",
        "analyst",
        "source",
        "representative",
        "commander",
        "envoy",
        "ambassador",
        "diplomat",
        "negotiator",
        "founder",
        "owner",
        "worker",
        "employee",
        "member",
        "staffer",
        "strategist",
        "economist",
        "professor",
        "researcher",
        "expert",
        "prosecutor",
        "judge",
        "investigator",
        "detective",
        "man",
        "woman",
        "resident",
        "witness",
        "victim",
    ];
    phrase.rsplit(' ').next().is_some_and(|h| {
        let h = h.to_lowercase();
        let h = h.trim_end_matches(['.', ',']);
        HEADS.contains(&h) || crate::lang::lexicon().is_kin(h)
    })
}

/// "the spokeswoman" → the person last named with that role.
fn role_antecedent(_text: &str, phrase: &str, at: usize, ents: &[LocalEntity], persons: &[&Mention]) -> Option<usize> {
    let head = phrase.rsplit(' ').next()?.to_lowercase();
    if head.len() < 4 {
        return None;
    }
    let exact = persons
        .iter()
        .rev()
        .filter(|m| m.end <= at)
        .find(|m| {
            ents.get(m.local)
                .is_some_and(|e| e.roles.iter().any(|r| r.to_lowercase().split_whitespace().any(|w| w == head)))
        })
        .map(|m| m.local);
    if exact.is_some() || !matches!(head.as_str(), "official" | "officer") {
        return exact;
    }
    // "the ministry official" after "Zora Lind, an aide to the minister": a generic head stands
    // for the one person named before with an office of that kind, when there is exactly one.
    const OFFICES: &[&str] = &[
        "aide",
        "adviser",
        "advisor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "officer",
        "secretary",
        "minister",
        "director",
        "deputy",
        "commissioner",
        "undersecretary",
        "envoy",
        "ambassador",
    ];
    let mut holders: Vec<usize> = persons
        .iter()
        .filter(|m| m.end <= at)
        .filter(|m| {
            ents.get(m.local).is_some_and(|e| {
                e.roles.iter().any(|r| r.to_lowercase().split_whitespace().any(|w| OFFICES.contains(&w)))
            })
        })
        .map(|m| m.local)
        .collect();
    holders.sort_unstable();
    holders.dedup();
    (holders.len() == 1).then(|| holders[0])
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
                || matches!(
                    w,
                    "of" | "the"
                        | "a"
                        | "an"
                        | "and"
                        | "in"
                        | "on"
                        | "to"
                        | "for"
                        | "at"
                        | "with"
                        | "or"
                        | "from"
                        | "by"
                        | "is"
                        | "as"
                )
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
    let intro = TITLE_INTRO.contains(&prev_word.as_str())
        || possessive
        || matches!(prev_word.as_str(), "on" | "in" | "of" | "from" | "star");
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
mod tests {
    use super::*;
    use crate::model::{Anchor, Block};

    fn blocks_of(text: &str) -> Vec<Block> {
        let mut out = Vec::new();
        let mut pos = 0;
        for part in text.split("\n\n") {
            let s = pos;
            let e = s + part.len();
            if !part.trim().is_empty() {
                let kind = if SOCIAL_SIG.is_match(part) { BlockKind::SocialPost } else { BlockKind::Paragraph };
                out.push(Block { kind, start: s, end: e, text: None, reason: None });
            }
            pos = e + 2;
        }
        out
    }

    fn run(text: &str) -> (Vec<Quote>, Vec<Warning>) {
        let blocks = blocks_of(text);
        let doc =
            Doc { id: &"a.txt".into(), text, blocks: &blocks, sentences: &[], published: None, anchor: Anchor::None };
        extract(&doc, &[], &[])
    }

    /// `run` with the real sentence boundaries.
    fn run_segmented(text: &str) -> Vec<Quote> {
        let blocks = blocks_of(text);
        let sentences = crate::segment::sentences(text, &blocks);
        let doc = Doc {
            id: &"a.txt".into(),
            text,
            blocks: &blocks,
            sentences: &sentences,
            published: None,
            anchor: Anchor::None,
        };
        extract(&doc, &[], &[]).0
    }

    fn q<'a>(qs: &'a [Quote], needle: &str) -> &'a Quote {
        qs.iter().find(|q| q.text.contains(needle)).unwrap_or_else(|| panic!("no quote with {needle:?} in {qs:#?}"))
    }

    fn spk(q: &Quote) -> Option<&str> {
        q.speaker_mention.as_ref().map(|s| s.text.as_str())
    }

    #[test]
    fn offsets_match_text_and_exclude_marks() {
        let t = "“We will rebuild the bridge,” Mayor Ana Ruiz said.";
        let (qs, w) = run(t);
        assert!(w.is_empty());
        assert_eq!(qs.len(), 1);
        assert_eq!(&t[qs[0].start..qs[0].end], qs[0].text);
        assert_eq!(qs[0].text, "We will rebuild the bridge,");
        assert_eq!(spk(&qs[0]), Some("Mayor Ana Ruiz"));
        assert_eq!(qs[0].cue.as_deref(), Some("said"));
        assert_eq!(qs[0].kind, QuoteKind::Full);
        assert_eq!(qs[0].id, "a.txt#q1");
    }

    #[test]
    fn mixed_marks_and_two_apostrophes() {
        let (qs, _) = run("The envoy wants \"a fair and lasting deal” for both sides, she said.");
        assert_eq!(qs[0].text, "a fair and lasting deal");
        let (qs, _) = run("''The pumps failed twice,'' said Tom Berg, the engineer.");
        assert_eq!(qs[0].text, "The pumps failed twice,");
        assert_eq!(spk(&qs[0]), Some("Tom Berg"));
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let (qs, w) = run("We’re told it’s the council’s fault, and the 1990s’ levees were rock ’n’ roll in the ’90s.");
        assert!(qs.is_empty(), "{qs:?}");
        assert!(w.is_empty());
    }

    #[test]
    fn unbalanced_mark_is_bounded_and_warned() {
        let t = "Ruiz said “the water keeps rising and nobody listens.\n\nThe council met on Monday. “We agreed,” Berg said.";
        let (qs, w) = run(t);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].kind, WarningKind::UnbalancedQuote);
        let first = q(&qs, "water keeps");
        assert!(first.end <= t.find("\n\n").unwrap(), "stays inside its paragraph");
        assert_eq!(spk(q(&qs, "We agreed")), Some("Berg"));
    }

    #[test]
    fn unclosed_quote_inside_the_writers_sentence_ends_with_it() {
        let t = "A reporter at the scene saw “a crater three metres wide and a burnt truck. Officials believe the blast was planned. Nobody was hurt.\n\n“We heard it from the school,” a teacher said.";
        let qs = run_segmented(t);
        assert_eq!(q(&qs, "crater").text, "a crater three metres wide and a burnt truck.");
        assert!(!q(&qs, "from the school").continued, "the next paragraph's quote is its own");
        // a quote that opens its sentence may be several sentences of one speaker
        let t = "Ruiz spoke briefly. “We will rebuild. Every house will stand again.\n\nThe council met on Monday.";
        let qs = run_segmented(t);
        assert_eq!(q(&qs, "rebuild").text, "We will rebuild. Every house will stand again.");
    }

    #[test]
    fn continued_paragraph_keeps_speaker() {
        let t = "“The first stage is done and the pumps are running,” said Tom Berg, the engineer. “The second stage will take longer.\n\n“We need another month before the pipes can be tested.”\n\nThe council did not comment.";
        let (qs, w) = run(t);
        assert!(w.is_empty(), "{w:?}");
        let c = q(&qs, "another month");
        assert!(c.continued);
        assert_eq!(spk(c), Some("Tom Berg"));
        assert_eq!(spk(q(&qs, "second stage")), Some("Tom Berg"));
    }

    #[test]
    fn scare_quote_and_title_have_no_speaker() {
        let (qs, _) = run("Thousands remain in so-called 'temporary' shelters, the report said.");
        assert_eq!(q(&qs, "temporary").kind, QuoteKind::Scare);
        assert_eq!(spk(q(&qs, "temporary")), None);
        let (qs, _) = run("She starred in the film “Long Night in Vienna” last year.");
        assert_eq!(q(&qs, "Long Night").kind, QuoteKind::Title);
        let (qs, _) = run("The boxer Rocky “The Hammer” Kowalski retired.");
        assert_eq!(q(&qs, "Hammer").kind, QuoteKind::Title);
        let (qs, _) = run("Protesters carried “peace” banners down the avenue.");
        assert_eq!(q(&qs, "peace").kind, QuoteKind::Scare);
        let (qs, _) = run("“We will win,” Ruiz said on Channel 4's “Morning Hour.”");
        assert_eq!(q(&qs, "Morning Hour").kind, QuoteKind::Title);
        assert_eq!(q(&qs, "We will win").kind, QuoteKind::Full);
        let (qs, _) = run("She once starred in “Harbor Lights,” a soap opera.");
        assert_eq!(q(&qs, "Harbor Lights").kind, QuoteKind::Title);
    }

    #[test]
    fn partial_quotes_inside_a_sentence() {
        let (qs, _) = run("Berg called the proposal “workable” and “overdue.”");
        assert_eq!(qs.len(), 2);
        for x in &qs {
            assert_eq!(x.kind, QuoteKind::Partial, "{x:?}");
            assert_eq!(spk(x), Some("Berg"));
        }
    }

    #[test]
    fn attribution_shapes() {
        let (qs, _) = run("“We are ready,” Petrov said.");
        assert_eq!(spk(&qs[0]), Some("Petrov"));
        let (qs, _) = run("“We are ready,” said Petrov, the foreign minister.");
        assert_eq!(spk(&qs[0]), Some("Petrov"));
        let (qs, _) = run("Petrov told reporters: “We are ready.”");
        assert_eq!(spk(&qs[0]), Some("Petrov"));
        assert_eq!(qs[0].cue.as_deref(), Some("told reporters"));
        let (qs, _) = run("“We are ready,” the spokeswoman stated.");
        assert_eq!(spk(&qs[0]), Some("the spokeswoman"));
        let (qs, _) = run("“The pumps are working,” the ministry said in a statement.");
        assert_eq!(spk(&qs[0]), Some("the ministry"));
        let (qs, _) = run("According to the water board, “the pumps are working again.”");
        assert_eq!(spk(&qs[0]), Some("the water board"));
        let (qs, _) = run("“The pumps are working again,” according to the water board.");
        assert_eq!(spk(&qs[0]), Some("the water board"));
        let (qs, _) = run("“It is done,” she said, “and it is paid for.”");
        assert_eq!(spk(q(&qs, "paid for")), Some("she"));
    }

    #[test]
    fn colon_after_subject_sentence() {
        let (qs, _) = run("Petrov arrived late. He repeated the point at a cabinet meeting: “No money, no deal.”");
        assert_eq!(spk(&qs[0]), Some("He"));
        assert_eq!(qs[0].speaker_name.as_deref(), None, "no entity mentions and no named speaker before");
    }

    #[test]
    fn pronoun_resolves_to_last_person_mention() {
        let t = "Ana Ruiz visited the dam. “It will hold,” she said.";
        let blocks = blocks_of(t);
        let doc = Doc {
            id: &"a.txt".into(),
            text: t,
            blocks: &blocks,
            sentences: &[],
            published: None,
            anchor: Anchor::None,
        };
        let ents = vec![LocalEntity {
            name: "Ana Ruiz".into(),
            kind: EntityKind::Person,
            outlet: false,
            roles: vec![],
            gazetteer: None,
        }];
        let ms = vec![Mention {
            start: 0,
            end: 8,
            text: "Ana Ruiz".into(),
            kind: EntityKind::Person,
            local: 0,
            rule: "t".into(),
        }];
        let (qs, _) = extract(&doc, &ents, &ms);
        assert_eq!(spk(&qs[0]), Some("she"));
        assert_eq!(qs[0].speaker_local, Some(0));
        assert_eq!(qs[0].speaker_name.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn pronoun_falls_back_to_named_speaker() {
        let (qs, _) = run("“The dam will hold,” Ana Ruiz said. Later she changed her mind. “It might not,” she said.");
        assert_eq!(q(&qs, "might not").speaker_name.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn dash_line_signs_a_quote_paragraph() {
        let t = "“Rents rose faster than wages for ten straight years.”\n\n— Ana Ruiz.\n\nThat claim is mostly true.";
        let (qs, _) = run(t);
        assert_eq!(spk(q(&qs, "Rents rose")), Some("Ana Ruiz"));
        let t = "“We never cut the school budget.” - Gov. Tom Berg\n\nThe record says otherwise.";
        let (qs, _) = run(t);
        assert_eq!(spk(q(&qs, "never cut")), Some("Gov. Tom Berg"));
    }

    #[test]
    fn dash_line_needs_a_bare_name() {
        // A dash line that is a sentence, or a quote inside the writer's sentence, gets nothing.
        let t = "“Rents rose faster than wages for ten straight years.”\n\n— And then the vote came.";
        let (qs, _) = run(t);
        assert_eq!(spk(q(&qs, "Rents rose")), None);
        let t = "The plan was called “a dead end for renters and owners alike.”\n\n— Ana Ruiz";
        let (qs, _) = run(t);
        assert_eq!(spk(q(&qs, "dead end")), None);
    }

    #[test]
    fn previous_paragraph_with_a_short_complement_hands_over() {
        let t = "Ana Ruiz, a clerk in the county office, told the local paper.\n\n“We counted every ballot twice.”";
        let (qs, _) = run(t);
        assert_eq!(spk(q(&qs, "counted every")), Some("Ana Ruiz"));
        let t = "Tom Berg continued his remarks.\n\n“Nobody here wants another delay.”";
        let (qs, _) = run(t);
        assert_eq!(spk(q(&qs, "Nobody here")), Some("Tom Berg"));
        // A cue followed by a clause of its own reports what the person said; an untagged quote
        // paragraph right after it goes on with the same person's words (the news convention).
        let t = "Tom Berg said that the count was over.\n\n“Nobody here wants another delay.”";
        let (qs, _) = run(t);
        assert_eq!(spk(q(&qs, "Nobody here")), Some("Tom Berg"));
        // No cue in the sentence before: nobody is named.
        let t = "The board had voted by then.\n\n“Nobody here wants another delay.”";
        let (qs, _) = run(t);
        assert_eq!(spk(q(&qs, "Nobody here")), None);
        // The quote does not open its paragraph: the writer's sentence holds it, no hand-over.
        let t = "Tom Berg said the board had voted.\n\nA sign read “Nobody here wants another delay.”";
        let (qs, _) = run(t);
        assert_eq!(spk(q(&qs, "Nobody here")), None);
    }

    #[test]
    fn no_cue_no_speaker() {
        let (qs, _) = run("Ana Ruiz walked past the sign. “Closed until further notice, by order of the council.”");
        assert_eq!(spk(&qs[0]), None);
    }

    #[test]
    fn sentence_start_quote_inherits_paragraph_speaker() {
        let (qs, _) = run("“We are ready,” Petrov said. “The rest is up to them.”");
        assert_eq!(spk(q(&qs, "rest is up")), Some("Petrov"));
    }

    #[test]
    fn previous_sentence_introduces_the_quote() {
        let (qs, _) = run("The council members disagreed. Ana Ruiz agreed. “The dam is safe for now.”");
        assert_eq!(spk(&qs[0]), Some("Ana Ruiz"));
        let (qs, _) = run("The water board answered the critics on Monday:\n\n“The dam is safe for now.”");
        assert_eq!(spk(&qs[0]), Some("The water board"));
        let (qs, _) = run("Ana Ruiz visited the dam.\n\n“The dam is safe for now.”");
        assert_eq!(spk(&qs[0]), None);
        let (qs, _) = run("Ruiz agreed—\n\n“Yes.” And “the dam is safe for now,” everyone said.");
        assert!(!qs.is_empty());
        let (qs, _) = run("Ruiz said “é”\n\n“The dam is safe for now.”");
        assert_eq!(spk(q(&qs, "dam is safe")), None);
    }

    #[test]
    fn question_tag_leading_into_next_quote() {
        let (qs, _) = run("Ruiz asked Berg, “Why now?” Berg then wrote back, “Because it is time.”");
        assert_eq!(spk(q(&qs, "Why now")), Some("Ruiz"));
        assert_eq!(spk(q(&qs, "Because it")), Some("Berg"));
    }

    #[test]
    fn headline_quotes_are_not_mined() {
        let t = "Ruiz: ‘The Dam Will Hold’\n\n“It will hold,” Ruiz said.";
        let mut blocks = blocks_of(t);
        blocks[0].kind = BlockKind::Headline;
        let doc = Doc {
            id: &"a.txt".into(),
            text: t,
            blocks: &blocks,
            sentences: &[],
            published: None,
            anchor: Anchor::None,
        };
        let (qs, _) = extract(&doc, &[], &[]);
        assert_eq!(qs.len(), 1);
    }

    #[test]
    fn social_post_is_a_quote_of_its_author() {
        let t = "Intro paragraph.\n\nLanded in Vienna. Our message is simple: roofs before summer. #Floods\n— Ana Ruiz (@AnaRuizMP) March 11, 2025\nhttps://t.co/x";
        let (qs, _) = run(t);
        let s = q(&qs, "Landed in Vienna");
        assert_eq!(s.kind, QuoteKind::Social);
        assert_eq!(spk(s), Some("Ana Ruiz"));
        assert!(s.text.ends_with("#Floods"));
    }
}

#[cfg(test)]
mod robustness {
    use super::*;
    use crate::model::{Anchor, Block};

    /// Every mix of marks, multi-byte spaces and letters must extract without panicking and with
    /// offsets that slice the text exactly.
    #[test]
    fn no_panic_on_mark_soup() {
        let atoms = [
            "“", "”", "\"", "'", "’", "‘", "''", "``", ".", " ", "\u{a0}", "é", "Mr.", "said", "he", ",", ":", "\n",
            "—", "Ana", "(@x)", "\u{2009}",
        ];
        let mut seed: u64 = 42;
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..24 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                t.push_str(atoms[(seed >> 33) as usize % atoms.len()]);
            }
            let mut blocks = Vec::new();
            let mut pos = 0;
            for part in t.split("\n") {
                if !part.is_empty() {
                    blocks.push(Block {
                        kind: BlockKind::Paragraph,
                        start: pos,
                        end: pos + part.len(),
                        text: None,
                        reason: None,
                    });
                }
                pos += part.len() + 1;
            }
            let doc = Doc {
                id: &"x".into(),
                text: &t,
                blocks: &blocks,
                sentences: &[],
                published: None,
                anchor: Anchor::None,
            };
            let (qs, _) = extract(&doc, &[], &[]);
            for q in qs {
                assert_eq!(&t[q.start..q.end], q.text);
                if let Some(m) = q.speaker_mention {
                    assert_eq!(&t[m.start..m.end], m.text);
                }
            }
        }
    }
}

#[cfg(test)]
mod speaker_tests {
    use super::*;
    use crate::extract::entities::tests::TestDoc;

    /// Quotes with the real entity extractor and gazetteers, as the pipeline runs them.
    fn with_entities(text: &str) -> Vec<Quote> {
        let t = TestDoc::new(text, false);
        let doc = t.doc();
        let (ents, ms) = crate::extract::entities::extract(&doc);
        extract(&doc, &ents, &ms).0
    }

    fn find<'a>(qs: &'a [Quote], needle: &str) -> &'a Quote {
        qs.iter().find(|q| q.text.contains(needle)).unwrap_or_else(|| panic!("no quote with {needle:?} in {qs:#?}"))
    }

    fn mention(q: &Quote) -> Option<&str> {
        q.speaker_mention.as_ref().map(|s| s.text.as_str())
    }

    #[test]
    fn role_then_appositive_name_is_the_speaker() {
        let qs = with_entities("“We will rebuild,” said the mayor, Ana Ruiz.");
        assert_eq!(mention(find(&qs, "rebuild")), Some("Ana Ruiz"));
        let qs = with_entities("The head of the drivers' union, Tomas Greer, said: “We strike on Monday.”");
        assert_eq!(mention(find(&qs, "strike")), Some("Tomas Greer"));
        let qs = with_entities("“Not yet,” the minister's aide, Ola Berg, said.");
        assert_eq!(mention(find(&qs, "Not yet")), Some("Ola Berg"));
        // A name followed by its role keeps the name.
        let qs = with_entities("Ola Berg, the minister's aide, said: “Not yet.”");
        assert_eq!(mention(find(&qs, "Not yet")), Some("Ola Berg"));
    }

    #[test]
    fn the_person_inside_the_subject_phrase_speaks() {
        let qs = with_entities("“There is no deal yet,” said Harbor police Lt. Carla Menz.");
        assert_eq!(find(&qs, "no deal").speaker_name.as_deref(), Some("Carla Menz"));
        let qs = with_entities("U.S. Secretary of State Lena Ostrova said the talks “will go on.”");
        assert_eq!(find(&qs, "go on").speaker_name.as_deref(), Some("Lena Ostrova"));
        let qs = with_entities("Premier Jan Holt in Corvella said the plan “is dead.”");
        assert_eq!(find(&qs, "is dead").speaker_name.as_deref(), Some("Jan Holt"));
    }

    #[test]
    fn a_role_nominal_is_its_holder_not_the_organization_in_it() {
        let qs = with_entities(
            "Ola Berg, an aide at the Interior Ministry, arrived first.\n\nLater the ministry aide said the plan “is over.”",
        );
        assert_eq!(find(&qs, "is over").speaker_name.as_deref(), Some("Ola Berg"));
        // Nobody holds the role: no speaker entity, never the ministry.
        let qs = with_entities("The Interior Ministry met on Monday. The ministry official said the plan “is over.”");
        assert_eq!(find(&qs, "is over").speaker_local, None);
    }

    #[test]
    fn a_quote_paragraph_continues_the_previous_speaker() {
        let qs = with_entities("“We will rebuild,” said Ana Ruiz.\n\n“Every house. Every road.”");
        assert_eq!(find(&qs, "Every house").speaker_name.as_deref(), Some("Ana Ruiz"));
        // A writer's sentence after the tag breaks the thread.
        let qs =
            with_entities("“We will rebuild,” said Ana Ruiz. The council met later.\n\n“Every house. Every road.”");
        assert_eq!(find(&qs, "Every house").speaker_mention, None);
        // A title that the writer's sentence runs on from is nobody's words.
        let qs = with_entities("“We will rebuild,” said Ana Ruiz.\n\n“Night Shift” actor Ema Lo arrived late.");
        assert_eq!(find(&qs, "Night Shift").speaker_mention, None);
    }

    #[test]
    fn a_later_tag_names_the_whole_paragraph() {
        let qs = with_entities("“Every house.” The crowd cheered. “We will rebuild,” Ana Ruiz said.");
        assert_eq!(mention(find(&qs, "Every house")), Some("Ana Ruiz"));
    }

    #[test]
    fn quoted_as_saying_and_other_cue_shapes() {
        let qs = with_entities("The agency quoted Ana Ruiz as saying “the dam will hold.”");
        assert_eq!(mention(find(&qs, "dam will")), Some("Ana Ruiz"));
        let qs = with_entities("Ana Ruiz was quoted by the agency as saying “the dam will hold.”");
        assert_eq!(mention(find(&qs, "dam will")), Some("Ana Ruiz"));
        let qs = with_entities("“It is over,” said 47-year-old Tomas Greer.");
        assert_eq!(mention(find(&qs, "It is over")), Some("Tomas Greer"));
        let qs = with_entities("Nothing was found, Dana Holm said, describing the site as “clean and quiet.”");
        assert_eq!(mention(find(&qs, "clean")), Some("Dana Holm"));
        let qs = with_entities(
            "The vote passed, with Ana Ruiz criticising the plan, accusing the council of “rushing it through.”",
        );
        assert_eq!(mention(find(&qs, "rushing")), Some("Ana Ruiz"));
    }

    #[test]
    fn a_sentence_adverb_is_never_the_speaker() {
        let qs = with_entities("Notably, the mayor had one reply: “No more delays.”");
        assert_eq!(mention(find(&qs, "No more")), Some("the mayor"));
    }

    #[test]
    fn a_generic_official_is_the_one_office_holder_named_before() {
        let qs = with_entities(
            "Zora Lind, an aide to the minister, arrived early. “We expect a deal,” the ministry official said.",
        );
        assert_eq!(find(&qs, "expect a deal").speaker_name.as_deref(), Some("Zora Lind"));
        // Two office holders: nobody can tell which one.
        let qs = with_entities(
            "Zora Lind, an aide to the minister, and Ian Roe, a spokesman for the ministry, arrived early. “We expect a deal,” the ministry official said.",
        );
        assert_eq!(find(&qs, "expect a deal").speaker_local, None);
        // A statement is a source of its own kind, not a person.
        let qs = with_entities("Zora Lind, an aide to the minister, arrived early. “Talks go on,” the statement said.");
        assert_eq!(find(&qs, "Talks go on").speaker_local, None);
    }

    #[test]
    fn a_pronoun_is_the_subject_not_the_nearest_name() {
        let qs = with_entities("Ola Berg met Sara Mullen on Monday. He called the meeting “useful and long overdue.”");
        assert_eq!(find(&qs, "useful").speaker_name.as_deref(), Some("Ola Berg"));
        let qs = with_entities("Ola Berg spoke to Sara Mullen.\n\n“We will meet again,” he said.");
        assert_eq!(find(&qs, "meet again").speaker_name.as_deref(), Some("Ola Berg"));
        // A possessor is not the subject: "Berg's aide Sara Mullen" is Mullen's sentence.
        let qs = with_entities("Ola Berg's aide Sara Mullen spoke first. She said it was “a fair result.”");
        assert_eq!(find(&qs, "fair result").speaker_name.as_deref(), Some("Sara Mullen"));
    }

    #[test]
    fn a_phrase_in_the_subjects_sentence_is_the_subjects_words() {
        // Fire: no cue, but the sentence's subject speaks the quoted phrase.
        let qs = with_entities("During the flood, Mara Lind worried that the dam was becoming “a ticking clock.”");
        let q = find(&qs, "ticking clock");
        assert_eq!(q.kind, QuoteKind::Partial);
        assert_eq!(q.speaker_name.as_deref(), Some("Mara Lind"));
        // A short phrase in the subject's words is a partial quote, not a scare quote.
        let qs = with_entities("Mara Lind blamed the delay on “red tape.”");
        assert_eq!(find(&qs, "red tape").kind, QuoteKind::Partial);
        // A quote inside a who-clause: the mention is "who", standing for the name before it.
        let qs = with_entities("Tomas Greer, who has styled himself the “voice of the docks,” left early.");
        assert_eq!(mention(find(&qs, "voice of the docks")), Some("who"));
        assert_eq!(find(&qs, "voice of the docks").speaker_name.as_deref(), Some("Tomas Greer"));
        // No fire: a capitalised common noun opening the sentence is not found as a person.
        let qs = with_entities("Tourists can expect the show to be “louder than ever.”");
        assert_eq!(find(&qs, "louder").speaker_name, None);
        // No fire: a thing as the subject does not speak, and a title stays a title.
        let qs = with_entities("The bridge was called “the Old Lady” by sailors.");
        assert_eq!(find(&qs, "Old Lady").speaker_name, None);
    }

    #[test]
    fn a_quote_paragraph_after_reported_speech_continues_the_reporter() {
        // Fire: the paragraph before reports what Ivo Marsh said; the untagged quote paragraph is his.
        let t = "Ivo Marsh argued in a letter that the plan cost too much.\n\n“We cannot pay for this twice.”";
        assert_eq!(find(&with_entities(t), "twice").speaker_name.as_deref(), Some("Ivo Marsh"));
        // No fire: a quote inside the writer's sentence is not a paragraph of its own.
        let t = "Ivo Marsh argued in a letter that the plan cost too much.\n\nThe “twice” rule applies.";
        assert_eq!(find(&with_entities(t), "twice").speaker_name, None);
    }

    #[test]
    fn an_excerpt_of_another_article_yields_its_inner_quotes() {
        let t = "\"A fire destroyed two warehouses at the port on Sunday, officials said. Crews fought the blaze for six hours, Fire Chief Dana Holm said. 'We were lucky the wind dropped, ' Captain Eli Marsh said. The cause was not known, Holm said, describing the damage as 'severe. Very severe. '\" (Harbor Post article)";
        let qs = with_entities(t);
        assert_eq!(find(&qs, "wind dropped").speaker_name.as_deref(), Some("Eli Marsh"), "{qs:#?}");
        assert_eq!(find(&qs, "Very severe").speaker_name.as_deref(), Some("Dana Holm"));
        assert!(!qs.iter().any(|q| q.text.contains("warehouses")), "the excerpt itself is no quote of anybody");
        // A passage that only quotes a phrase inside its own sentences stays one quote.
        let t = "NEW RULES FOR PORTS \u{201c}The port authority has faced so many complaints that its chair recently called them \u{2018}a flood of grievances.\u{2019} Now, inspectors have found fresh problems. Two cranes failed this month and were left unrepaired for weeks.\u{201d} [Harbor Post.]";
        let qs = with_entities(t);
        assert!(qs.iter().any(|q| q.text.contains("port authority has faced")), "{qs:#?}");
    }

    #[test]
    fn a_quote_closed_in_the_next_paragraph_is_continued() {
        let qs = with_entities("He was “calm.\n\nVery, very calm,” the sheriff said.");
        let first = find(&qs, "calm.");
        let second = find(&qs, "Very, very");
        assert!(second.continued, "{qs:#?}");
        assert_eq!(mention(second), Some("the sheriff"));
        assert_eq!(mention(first), Some("the sheriff"));
    }
}

#[cfg(test)]
mod bench {
    use super::*;
    use crate::model::{Anchor, Block};

    /// `cargo test --release --lib extract::quotes::bench -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn throughput() {
        let para = "“We have made real progress today, but the water does not wait for diplomats,” Ana Ruiz, the spokeswoman, said on Tuesday. She added that the so-called 'temporary' shelters were full. “Some of those families have been moved three times,” she said. Officials called the plan “workable” and “overdue.”\n\n";
        let text = para.repeat(40_000);
        let mut blocks = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                start: pos,
                end: pos + para.len() - 2,
                text: None,
                reason: None,
            });
            pos += para.len();
        }
        let doc = Doc {
            id: &"big.txt".into(),
            text: &text,
            blocks: &blocks,
            sentences: &[],
            published: None,
            anchor: Anchor::None,
        };
        let t = std::time::Instant::now();
        let (qs, _) = extract(&doc, &[], &[]);
        let s = t.elapsed().as_secs_f64();
        eprintln!(
            "{} quotes, {:.1} MB in {:.3} s: {:.1} MB/s",
            qs.len(),
            text.len() as f64 / 1e6,
            s,
            text.len() as f64 / 1e6 / s
        );
        assert!(qs.len() >= 160_000);
    }
}
