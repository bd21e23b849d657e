//! Statements: sentences in different sources that assert the same thing,
//! and pairs where one says an event happened and another that it did not.
//!
//! Each claim becomes a set of tokens: content-word lemmas, its numbers and
//! its resolved entities. Claims that carry a quotation are left to the
//! quote matcher. Inside a story an inverted index over tokens gives
//! candidate pairs only through tokens held by few claims (at most
//! `max(8, claims/8)`); a pair is linked when its weighted Dice overlap
//! (weights `ln(1 + n/df)`) reaches [`LINK`] with at least [`MIN_SHARED`]
//! shared tokens, and the two claims come from different independent
//! sources. Linked claims are merged by union-find; a group from two or more
//! independent sources is a corroborated statement.
//!
//! Outcomes: a claim saying an event "went ahead"/"took place"/"passed" and
//! another saying it was "postponed"/"cancelled"/"called off" (or "did not go
//! ahead"), for the same kind of event (the nearest event noun before the
//! outcome words: "vote", "summit"…) and sharing at least one other content
//! word or entity, are a possible conflict with confidence 0.5: the two
//! sentences may speak of different votes.
//!
//! Attributed claims that no other source echoes (overlap below [`ECHO`]),
//! that hold no quantity (those are aligned as quantities), carry no
//! quotation, state no plan or prediction ("would", "will") and are not
//! attributed to a bare pronoun, are single-source facts.
//!
//! Cost: O(Σ df²) over capped tokens per story, i.e. O(claims · cap).

use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use super::Ctx;
use super::align::{Aligned, per_story};
use super::lexicon::event_noun_class;
use super::text::{UnionFind, fnv1a, fnv1a_continue, is_stopword, lemma, norm, words};
use crate::model::{Assertion, Evidence, Quote, QuoteKind, SingleSourceFact, Topic, TopicKind, TopicValue};

const LINK: f64 = 0.4;
/// Overlap at which a claim is echoed elsewhere (then it is not single-source).
const ECHO: f64 = 0.25;
const MIN_SHARED: usize = 4;

/// Boxed slices, not vectors: one is kept for every claim of the story
/// until the story is done, and a slice has no spare room.
struct ClaimInfo {
    art: usize,
    claim: usize,
    /// Hashed tokens (FNV-1a of the lemma, `#value` or `@entity`), sorted and
    /// deduplicated: string keys made the per-story index compare bytes.
    tokens: Box<[u64]>,
    /// How many content words the claim has.
    content_len: usize,
    /// The content-word lemmas, kept only for a claim with an outcome
    /// phrase (the only ones [`opposed_outcomes`] compares): for every
    /// claim of a story they were the largest part of the stage's memory.
    content: Box<[String]>,
}

/// Outcome phrases (`outcome-phrases.tsv`): words, class, positive.
static OUTCOMES: LazyLock<Vec<(&'static str, &'static str, bool)>> = LazyLock::new(|| {
    include_str!("../../data/lexicon/en/outcome-phrases.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?, f.next()?, f.next()? == "yes"))
        })
        .collect()
});

struct Outcome {
    noun: String,
    class: &'static str,
    positive: bool,
    phrase: &'static str,
}

/// Lemmas of all outcome words (not evidence that two claims share a topic).
static OUTCOME_LEMMAS: LazyLock<BTreeSet<String>> =
    LazyLock::new(|| OUTCOMES.iter().flat_map(|o| o.0.split(' ')).map(lemma).collect());

/// First word → (index in OUTCOMES, the phrase's words).
type PhraseIndex = HashMap<&'static str, Vec<(usize, Vec<&'static str>)>>;

/// OUTCOMES split into words once, indexed by their first word: the scan
/// over a clause tries only the phrases that start with the word it is at.
static OUTCOME_WORDS: LazyLock<PhraseIndex> = LazyLock::new(|| {
    let mut by_first = PhraseIndex::default();
    for (k, o) in OUTCOMES.iter().enumerate() {
        let parts: Vec<&'static str> = o.0.split(' ').collect();
        by_first.entry(parts[0]).or_default().push((k, parts));
    }
    by_first
});

/// Outcomes stated in a text, as (event noun, class, positive): "the vote
/// went ahead" → ("vote", "happen", true).
pub(crate) fn outcomes_of(text: &str) -> Vec<(String, &'static str, bool)> {
    let lower: Vec<String> = words(text).iter().map(|w| norm(w.text)).collect();
    outcomes(&lower).into_iter().map(|o| (o.noun, o.class, o.positive)).collect()
}

fn outcomes(ws: &[String]) -> Vec<Outcome> {
    let mut out = Vec::new();
    for i in 0..ws.len() {
        for (k, parts) in OUTCOME_WORDS.get(ws[i].as_str()).into_iter().flatten() {
            let (phrase, class, positive) = OUTCOMES[*k];
            if i + parts.len() > ws.len() || parts.iter().enumerate().any(|(k, p)| ws[i + k] != *p) {
                continue;
            }
            // The event it is about: the nearest event noun before it.
            let Some(noun) = (i.saturating_sub(8)..i)
                .rev()
                .map(|k| lemma(&ws[k]))
                .find_map(|l| event_noun_class(&l).map(|c| c.to_string()))
            else {
                continue;
            };
            let negated = (i.saturating_sub(3)..i)
                .any(|k| crate::lang::is(crate::lang::Class::OutcomeNegation, &ws[k]))
                || (i > 0 && ws[i - 1].ends_with("n't"));
            out.push(Outcome { noun, class, positive: positive != negated, phrase });
        }
    }
    out
}

pub fn statements(ctx: &Ctx, matched_quotes: &BTreeSet<String>) -> Aligned {
    per_story(ctx, |story, claims| {
        let mut out = Aligned::default();
        let story_id = &ctx.story_ids[story];
        let (infos, outcome_items) = claim_infos(ctx, claims, matched_quotes);
        let mut corroborated = linked(ctx, &infos);
        outcome_conflicts(ctx, story_id, &infos, &outcome_items, &mut corroborated, &mut out);
        single_source(ctx, story_id, &infos, &corroborated, &mut out);
        out
    })
}

/// Each claim of a story as tokens for the index, and its outcome phrases.
fn claim_infos(
    ctx: &Ctx,
    claims: &[(usize, usize)],
    matched_quotes: &BTreeSet<String>,
) -> (Vec<ClaimInfo>, Vec<(usize, Outcome)>) {
    let mut infos: Vec<ClaimInfo> = Vec::with_capacity(claims.len());
    let mut outcome_items: Vec<(usize, Outcome)> = Vec::new();
    // Each article's quotes by start, so a claim looks only at the quotes
    // that start inside it (a scan of every quote for every claim was
    // quadratic in one long article).
    let mut by_start: HashMap<usize, Vec<usize>> = HashMap::default();
    for &(art, _) in claims {
        by_start.entry(art).or_insert_with(|| {
            let quotes = &ctx.records[art].quotes;
            let mut order: Vec<usize> = (0..quotes.len()).collect();
            order.sort_by_key(|&i| quotes[i].start);
            order
        });
    }
    for &(art, ci) in claims {
        let rec = &ctx.records[art];
        let claim = &rec.claims[ci];
        let len = claim.end.saturating_sub(claim.start).max(1);
        let order = by_start.get(&art).map_or(&[][..], Vec::as_slice);
        let first = order.partition_point(|&i| rec.quotes[i].start < claim.start);
        let inside: Vec<&Quote> = order[first..]
            .iter()
            .map(|&i| &rec.quotes[i])
            .take_while(|q| q.start <= claim.end)
            .filter(|q| q.end <= claim.end)
            .collect();
        let spoken = |q: &Quote| matches!(q.kind, QuoteKind::Full | QuoteKind::Partial | QuoteKind::Social);
        let quoted: usize = inside.iter().filter(|q| spoken(q)).map(|q| q.end - q.start).sum();
        let quote_heavy = quoted * 2 > len;
        let has_matched_quote = inside.iter().any(|q| matched_quotes.contains(&q.id));
        // Quoted words are the quote matcher's business; a sentence that
        // carries a quotation is not compared as a statement.
        let has_quote = inside.iter().any(|q| spoken(q));
        // Quotation marks the quote extractor did not pair still mean speech.
        let has_marks = claim.text.contains(['"', '“', '”']);
        let speech = quote_heavy || has_matched_quote || has_quote || has_marks;
        // A claim without tokens is never read for its content: skip the
        // words of one that is speech and states no outcome.
        let nothing = ClaimInfo { art, claim: ci, tokens: Box::default(), content_len: 0, content: Box::default() };
        if quote_heavy {
            infos.push(nothing);
            continue;
        }
        let ws = words(&claim.text);
        let lower: Vec<String> = ws.iter().map(|w| norm(w.text)).collect();
        let outcomes_before = outcome_items.len();
        for o in outcomes(&lower) {
            outcome_items.push((infos.len(), o));
        }
        let has_outcome = outcome_items.len() > outcomes_before;
        if speech && !has_outcome {
            infos.push(nothing);
            continue;
        }
        let content: Vec<String> = lower
            .iter()
            .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic) && !is_stopword(w))
            .map(|w| lemma(w))
            .collect();
        let skip = speech || content.len() < 4;
        let tokens = if skip { Box::default() } else { claim_tokens(ctx, art, claim, &content) };
        let content_len = content.len();
        let content = if has_outcome { content.into() } else { Box::default() };
        infos.push(ClaimInfo { art, claim: ci, tokens, content_len, content });
    }
    (infos, outcome_items)
}

/// A claim's tokens for the index: its content lemmas, quantity values and
/// entities, hashed, sorted and unique.
fn claim_tokens(ctx: &Ctx, art: usize, claim: &crate::model::Claim, content: &[String]) -> Box<[u64]> {
    let entities = ctx.claim_entities(art, claim);
    // sized up front: the tokens of every claim of a story are kept
    // until the story is done
    let mut tokens: Vec<u64> = Vec::with_capacity(content.len() + claim.quantities.len() + entities.len());
    tokens.extend(content.iter().map(|w| fnv1a(w.as_bytes())));
    for q in &claim.quantities {
        tokens.push(fnv1a_continue(fnv1a(b"#"), &q.value.to_bits().to_le_bytes()));
    }
    for e in entities {
        tokens.push(fnv1a_continue(fnv1a(b"@"), e.as_bytes()));
    }
    tokens.sort_unstable();
    tokens.dedup();
    tokens.into_boxed_slice()
}

/// Which claims another source corroborates: pairs from the inverted index
/// over capped tokens, linked by weighted Dice, merged by union-find; a
/// claim echoed anywhere counts too.
fn linked(ctx: &Ctx, infos: &[ClaimInfo]) -> Vec<bool> {
    let n = infos.len();
    let mut df: HashMap<u64, Vec<usize>> = HashMap::default();
    for (i, info) in infos.iter().enumerate() {
        for &t in info.tokens.iter() {
            df.entry(t).or_default().push(i);
        }
    }
    // Posting lists in token order, so that the overlap sums below add up
    // in the same order on every run.
    let mut postings: Vec<(&u64, &Vec<usize>)> = df.iter().collect();
    postings.sort_unstable_by_key(|(t, _)| **t);
    // An absolute cap keeps pair generation linear in the story size:
    // a term shared by more claims than this says nothing about which pair
    // restates which.
    let cap = (n / 8).clamp(8, 48);
    let weight = |d: usize| (1.0 + n as f64 / d.max(1) as f64).ln();
    let mut shared: HashMap<(usize, usize), (f64, usize)> = HashMap::default();
    for (_, list) in postings {
        if list.len() < 2 || list.len() > cap {
            continue;
        }
        let w = weight(list.len());
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                if ctx.source_of[infos[a].art] == ctx.source_of[infos[b].art] {
                    continue;
                }
                let e = shared.entry((a, b)).or_insert((0.0, 0));
                e.0 += w;
                e.1 += 1;
            }
        }
    }
    let totals: Vec<f64> =
        infos.iter().map(|info| info.tokens.iter().map(|t| weight(df.get(t).map_or(1, Vec::len))).sum()).collect();
    let mut uf = UnionFind::new(n);
    let mut pairs: Vec<((usize, usize), (f64, usize))> = shared.into_iter().collect();
    pairs.sort_by_key(|a| a.0);
    let mut corroborated = vec![false; n];
    for ((a, b), (w, count)) in pairs {
        let dice = 2.0 * w / (totals[a] + totals[b]).max(1e-9);
        if count >= MIN_SHARED && dice >= LINK {
            uf.union(a, b);
        }
        if count >= 3 && dice >= ECHO {
            corroborated[a] = true;
            corroborated[b] = true;
        }
    }
    for comp in uf.groups() {
        if ctx.sources(comp.iter().map(|&i| infos[i].art)) < 2 {
            continue;
        }
        for &i in &comp {
            corroborated[i] = true;
        }
    }
    corroborated
}

/// Outcome conflicts, per event noun: one source says it happened, another
/// that it did not, and the two sentences share another content word.
fn outcome_conflicts(
    ctx: &Ctx,
    story_id: &str,
    infos: &[ClaimInfo],
    outcome_items: &[(usize, Outcome)],
    corroborated: &mut [bool],
    out: &mut Aligned,
) {
    let mut by_noun: BTreeMap<&str, Vec<&(usize, Outcome)>> = BTreeMap::new();
    for item in outcome_items {
        by_noun.entry(item.1.noun.as_str()).or_default().push(item);
    }
    for (noun, items) in by_noun {
        let (pos_hit, neg_hit) = opposed_outcomes(ctx, infos, noun, &items);
        if pos_hit.is_empty() {
            // No opposite outcome: the same outcome from two sources is
            // a corroborated statement ("the vote went ahead").
            for positive in [true, false] {
                let same: BTreeSet<usize> =
                    items.iter().filter(|(_, o)| o.positive == positive).map(|(i, _)| *i).collect();
                if ctx.sources(same.iter().map(|&i| infos[i].art)) < 2 {
                    continue;
                }
                for i in same {
                    corroborated[i] = true;
                }
            }
            continue;
        }
        let values = vec![
            claims_value(ctx, infos, &pos_hit, phrase_of_set(&items, &pos_hit, true)),
            claims_value(ctx, infos, &neg_hit, phrase_of_set(&items, &neg_hit, false)),
        ];
        let sources = ctx.sources(pos_hit.iter().chain(&neg_hit).map(|&i| infos[i].art));
        out.conflicts.push(Topic {
            topic: format!("{noun} outcome"),
            kind: TopicKind::Statement,
            story: story_id.to_string(),
            values,
            confidence: 0.5,
            independent_sources: sources,
            self_contradiction: false,
            note: Some("opposite outcomes; the sentences may refer to different events".into()),
            nature: None,
        });
        for i in pos_hit.iter().chain(&neg_hit) {
            corroborated[*i] = true;
        }
    }
}

/// The claims of opposite outcomes for one event noun from different
/// sources that share another content word: (positive, negative).
fn opposed_outcomes(
    ctx: &Ctx,
    infos: &[ClaimInfo],
    noun: &str,
    items: &[&(usize, Outcome)],
) -> (BTreeSet<usize>, BTreeSet<usize>) {
    let opposed = |p: &Outcome, q: &Outcome| q.class == "happen" || p.class == q.class;
    let mut pos_hit = BTreeSet::new();
    let mut neg_hit = BTreeSet::new();
    for (pi, p) in items.iter().filter(|(_, o)| o.positive).map(|x| (&x.0, &x.1)) {
        for (ni, q) in items.iter().filter(|(_, o)| !o.positive).map(|x| (&x.0, &x.1)) {
            let (a, b) = (&infos[*pi], &infos[*ni]);
            if ctx.source_of[a.art] == ctx.source_of[b.art] || !opposed(p, q) {
                continue;
            }
            let ca: BTreeSet<&String> = a.content.iter().filter(|w| w.as_str() != noun).collect();
            let cb: BTreeSet<&String> = b.content.iter().filter(|w| w.as_str() != noun).collect();
            let shares = ca.intersection(&cb).any(|w| !OUTCOME_LEMMAS.contains(*w) && event_noun_class(w).is_none());
            if shares {
                pos_hit.insert(*pi);
                neg_hit.insert(*ni);
            }
        }
    }
    (pos_hit, neg_hit)
}

/// Attributed statements no other source makes.
fn single_source(ctx: &Ctx, story_id: &str, infos: &[ClaimInfo], corroborated: &[bool], out: &mut Aligned) {
    for (i, info) in infos.iter().enumerate() {
        let claim = &ctx.records[info.art].claims[info.claim];
        if corroborated[i] || info.tokens.is_empty() || !claim.quantities.is_empty() || info.content_len < 5 {
            continue;
        }
        let Assertion::Attributed { name, .. } = &claim.asserted_by else {
            continue;
        };
        // Plans and predictions ("would", "will") are not checkable facts.
        let lower = claim.text.to_lowercase();
        if words(&lower).iter().any(|w| crate::lang::is(crate::lang::Class::PlanWord, w.text)) {
            continue;
        }
        // "he said", "she added": the reader cannot tell who without the article.
        let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
        if crate::lang::is(crate::lang::Class::UnnamedSource, first.as_str()) {
            continue;
        }
        out.single_source.push(SingleSourceFact {
            story: story_id.to_string(),
            article: claim.article.clone(),
            kind: TopicKind::Attribution,
            topic: format!("according to {name}"),
            evidence: claim_evidence(ctx, info.art, info.claim),
        });
    }
}

/// The most common outcome phrase of a set of claims ("went ahead",
/// "postponed", or "not held" for a negated positive).
fn phrase_of_set(items: &[&(usize, Outcome)], set: &BTreeSet<usize>, positive: bool) -> String {
    let mut counts: BTreeMap<(&str, bool), usize> = BTreeMap::new();
    for (i, o) in items.iter().map(|x| (&x.0, &x.1)) {
        if set.contains(i) && o.positive == positive {
            // Whether the phrase itself says so, or it is negated.
            let literal = OUTCOMES.iter().any(|w| w.0 == o.phrase && w.2 == positive);
            *counts.entry((o.phrase, literal)).or_default() += 1;
        }
    }
    match counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|x| *x.0) {
        Some((p, true)) => p.to_string(),
        Some((p, false)) => format!("not {p}"),
        None => String::new(),
    }
}

fn claim_evidence(ctx: &Ctx, art: usize, ci: usize) -> Evidence {
    let c = &ctx.records[art].claims[ci];
    Evidence { article: ctx.records[art].article.id.clone(), start: c.start, end: c.end, text: c.text.clone() }
}

fn claims_value(ctx: &Ctx, infos: &[ClaimInfo], set: &BTreeSet<usize>, value: String) -> TopicValue {
    let mut articles: Vec<crate::model::ArticleId> =
        set.iter().map(|&i| ctx.records[infos[i].art].article.id.clone()).collect();
    articles.sort();
    articles.dedup();
    let mut evidence: Vec<Evidence> = set.iter().map(|&i| claim_evidence(ctx, infos[i].art, infos[i].claim)).collect();
    evidence.sort();
    evidence.dedup();
    TopicValue { value, articles, evidence, sources: Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::outcomes_of;

    #[test]
    fn outcome_phrases_are_read_with_their_event_noun_and_polarity() {
        let got =
            outcomes_of("The strike went ahead, but the referendum was called off and the vote did not go ahead.");
        assert_eq!(
            got,
            vec![
                ("strike".to_string(), "happen", true),
                ("vote".to_string(), "happen", false),
                ("vote".to_string(), "happen", false),
            ]
        );
        assert!(outcomes_of("Officials went to the ahead of the meeting.").is_empty());
    }
}
