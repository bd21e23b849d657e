//! Facts compared inside a story: numbers through their typed frames, and
//! statements through their clauses.
//!
//! ## Numbers
//! Every fact frame of every claim (`extract::frames`) is an item. Items are
//! blocked on (dimension, head): only a magnitude of a quake meets another
//! magnitude of a quake, a depth another depth, a count of bombs another count
//! of bombs. Inside a block, each pair of items from different sentences gets
//! a score ([`pair_score`]): the shared head, the same predicate, how much of
//! the words around the numbers they share (weighted by rarity in the story)
//! and the same entities in the clause. Incompatible frames (two predicates,
//! two reference places, bearings more than 45° apart, a background or scope
//! marker on one side only) get no score at all: the gate lowers only that
//! pair, never the block. Items are grouped by average-link clustering
//! ([`average_link`]), so no chain of weak links makes a mega-bucket.
//!
//! Inside a cluster, values are grouped by agreement ([`agree`]: the
//! intervals overlap and, for an open value, the written figures are close;
//! "at least 40" never agrees with "more than 250"). Two groups whose
//! intervals are disjoint, joined by a strong pair from different sources,
//! are a conflict; a group with two or more independent sources is an
//! agreement. A conflict whose values line up with publication time on a
//! changing count (a toll, arrests) or carries a revision word is an update.
//!
//! ## Statements
//! Clauses are compared by their content terms and the entities they name,
//! weighted by how rare each term is in the story (candidates from an inverted
//! index of terms, postings capped). Two clauses with different numbers for
//! the same thing, a negation on one side only, or different compass
//! directions are never an agreement. Clauses are grouped by average link;
//! a group told by two or more independent sources is an agreement, labelled
//! by its most central clause.
//!
//! Cost per story: O(items in a block ^ 2) with blocks capped at
//! [`MAX_BLOCK`] items, O(postings × cap) for clauses.

use crate::lang::{Class, is};
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

mod days;
mod names;
mod places;
mod statements;
mod subjects;
mod weapons;

pub use names::name_conflicts;

use super::Ctx;
use super::align::Aligned;
use crate::extract::frames::ALSO;
use crate::model::{Assertion, Claim, ConflictNature, Evidence, Fact, SingleSourceFact, Topic, TopicKind, TopicValue};
use subjects::{
    listing, mentions_within, other_companies, same_frame, same_period, same_subject, subject_organizations,
};

/// Items compared pairwise inside one (dimension, head) block at most.
const MAX_BLOCK: usize = 400;
/// Average pair score for two numeric items to be about the same thing.
const LINK: f64 = 1.4;
/// Pair score a conflicting pair needs.
const CONFLICT_LINK: f64 = 2.0;
/// Evidence longer than this shows the clause instead of the sentence.
const MAX_EVIDENCE: usize = 600;

/// A numeric item: one fact frame of one claim.
struct Item<'a> {
    art: usize,
    claim: &'a Claim,
    fact: &'a Fact,
    entities: BTreeSet<&'a str>,
    /// The entities the whole sentence names: who a figure of a clause
    /// without names is about.
    sentence_entities: BTreeSet<&'a str>,
    /// The places the clause locates something at: the event's anchor.
    places: BTreeSet<&'a str>,
    /// The organizations the sentence names outside its attribution ("Milton
    /// Roy earned $1.18 a share", not "..., the FBI said"): whose figure it is.
    orgs: BTreeSet<&'a str>,
    /// The fact's context words, sorted and deduplicated once: building two
    /// sets for every pair of a block was most of a full block's cost.
    context: Vec<&'a str>,
    /// Context similarity with each other item, kept for the conflict test.
    ctx_sim: Vec<f64>,
}

/// Agreements, conflicts and single-source facts of every story.
pub fn facts(ctx: &Ctx) -> Aligned {
    super::align::per_story(ctx, |story, claims| {
        let mut out = numbers(ctx, story, claims);
        let st = statements::statements(ctx, story, claims);
        out.agreements.extend(st.agreements);
        out.agreements.extend(places::places(ctx, story, claims));
        let w = weapons::weapons(ctx, story, claims);
        out.agreements.extend(w.agreements);
        out.conflicts.extend(w.conflicts);
        out
    })
}

// ------------------------------------------------------------------ numbers

fn numbers(ctx: &Ctx, story: usize, claims: &[(usize, usize)]) -> Aligned {
    let mut out = Aligned::default();
    // the days things happened on, from the corpus-resolved dates
    let days: Vec<Vec<Fact>> = claims
        .iter()
        .map(|&(art, c)| match ctx.records.get(art).and_then(|r| Some((r, r.claims.get(c)?))) {
            Some((rec, claim)) => {
                let mut facts = days::day_facts(rec, claim);
                facts.extend(days::start_facts(rec, claim));
                facts
            }
            None => Vec::new(),
        })
        .collect();
    let mut blocks: BTreeMap<(String, String), Vec<Item>> = BTreeMap::new();
    let mut by_start: HashMap<usize, Vec<usize>> = HashMap::default();
    for (&(art, c), day_facts) in claims.iter().zip(&days) {
        let Some(claim) = ctx.records.get(art).and_then(|r| r.claims.get(c)) else { continue };
        for fact in claim.facts.iter().chain(day_facts) {
            let Some(head) = fact.head.as_deref().filter(|_| fact.dimension != weapons::WEAPON) else { continue };
            let block = blocks.entry((block_dimension(fact), head.to_string())).or_default();
            if block.len() < MAX_BLOCK {
                let order = by_start.entry(art).or_insert_with(|| mentions_by_start(ctx, art));
                let entities = clause_entities(ctx, art, order, claim, fact.clause);
                let sentence_entities = clause_entities(ctx, art, order, claim, usize::MAX);
                let orgs = subject_organizations(ctx, art, order, claim);
                // the places the clause locates something at ("in Guffa"), not
                // every place it names ("Fox 2 Detroit reported")
                let places = claim
                    .clauses
                    .get(fact.clause)
                    .into_iter()
                    .flat_map(|cl| &cl.located_at)
                    .filter_map(|&l| ctx.entity_ids.get(art).and_then(|m| m.get(l)).map(String::as_str))
                    .collect();
                let mut context: Vec<&str> = fact.context.iter().map(String::as_str).collect();
                context.sort_unstable();
                context.dedup();
                block.push(Item {
                    art,
                    claim,
                    fact,
                    entities,
                    sentence_entities,
                    places,
                    orgs,
                    context,
                    ctx_sim: Vec::new(),
                });
            }
        }
    }
    let story_id = &ctx.story_ids[story];
    let n_articles = ctx.story_articles[story].len();
    // Blocks are taken, not borrowed: each block's items, with their rows
    // of context similarity (n² floats a block), are freed once the block is
    // judged instead of all of them held to the end of the story (37 MB of
    // the peak on a 96,000-claim story).
    for mut items in blocks.into_values() {
        let n = items.len();
        let score = score_block(ctx, &mut items, n_articles);
        let items: &[Item] = &items;
        for cluster in average_link(n, &score, LINK) {
            judge(ctx, story_id, items, &score, &cluster, &mut out);
        }
        single_source(ctx, story_id, items, &score, &mut out);
    }
    out
}

/// The figures of a block no other source links to, told with what
/// happened to them.
fn single_source(ctx: &Ctx, story_id: &str, items: &[Item], score: &[Vec<f64>], out: &mut Aligned) {
    for (i, it) in items.iter().enumerate() {
        let linked =
            (0..items.len()).any(|j| score[i][j] >= LINK && ctx.source_of[items[j].art] != ctx.source_of[it.art]);
        let day = it.fact.dimension == "date" || it.fact.dimension == days::START;
        if !linked && !day && it.fact.predicate.is_some() && !it.fact.background && it.fact.scope.is_empty() {
            out.single_source.push(SingleSourceFact {
                story: story_id.to_string(),
                article: ctx.records[it.art].article.id.clone(),
                kind: TopicKind::Quantity,
                topic: format!("{}: {}", label(it.fact), written(it)),
                evidence: evidence(ctx, it.art, it.claim, it.fact.clause),
            });
        }
    }
}

/// The pair scores of a block's items, each item given its row of context similarities.
fn score_block(ctx: &Ctx, items: &mut [Item], n_articles: usize) -> Vec<Vec<f64>> {
    let idf = context_idf(items, n_articles);
    // Context words as ids numbered in the words' sorted order, so the
    // all-pairs similarity merges integers instead of comparing strings and
    // hashing them for their weights (it adds in the same order as before).
    let mut vocab: Vec<&str> = items.iter().flat_map(|it| it.context.iter().copied()).collect();
    vocab.sort_unstable();
    vocab.dedup();
    let weights: Vec<f64> = vocab.iter().map(|w| idf.get(w).copied().unwrap_or(1.0)).collect();
    let contexts: Vec<Vec<u32>> = items
        .iter()
        .map(|it| it.context.iter().filter_map(|w| vocab.binary_search(w).ok()).map(|k| k as u32).collect())
        .collect();
    let words = Context { ids: &contexts, weights: &weights };
    let n = items.len();
    let mut score = vec![vec![0.0f64; n]; n];
    let mut sims = vec![vec![0.0f64; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            let (s, sim) = pair_score(ctx, &items[i], &items[j], || words.similarity(i, j));
            score[i][j] = s;
            score[j][i] = s;
            sims[i][j] = sim;
            sims[j][i] = sim;
        }
    }
    for (it, row) in items.iter_mut().zip(sims) {
        it.ctx_sim = row;
    }
    score
}

/// The dimension a fact is blocked by. Durations also by their scale: the
/// three-day summit and its three-hour final session share a head
/// ("meeting") but are never one fact, and mixing them in one block let the
/// days pull the hours into the wrong clusters.
fn block_dimension(f: &Fact) -> String {
    if f.dimension != "duration" {
        return f.dimension.clone();
    }
    const HOUR: f64 = 3600.0;
    const DAY: f64 = 24.0 * HOUR;
    let scale = match f.value {
        v if v < HOUR => "minutes",
        v if v < DAY => "hours",
        v if v < 30.0 * DAY => "days",
        v if v < 365.0 * DAY => "months",
        _ => "years",
    };
    format!("duration/{scale}")
}

/// Global entity ids of the mentions inside one clause of a claim. `order`
/// holds the article's mention indices by start, so a clause looks only at
/// the mentions starting inside it (a scan of all of them for every figure
/// was quadratic in one long article).
fn clause_entities<'a>(ctx: &'a Ctx, art: usize, order: &[usize], claim: &Claim, clause: usize) -> BTreeSet<&'a str> {
    let (start, end) = claim.clauses.get(clause).map_or((claim.start, claim.end), |c| (c.start, c.end));
    mentions_within(ctx, art, order, start, end).map(|(_, id)| id).collect()
}

/// Each article's mention indices sorted by start.
fn mentions_by_start(ctx: &Ctx, art: usize) -> Vec<usize> {
    let Some(rec) = ctx.records.get(art) else { return Vec::new() };
    let mut order: Vec<usize> = (0..rec.mentions.len()).collect();
    order.sort_by_key(|&i| rec.mentions[i].start);
    order
}

/// Rarity weight of each context word inside a block: words every item
/// shares ("quake" around every magnitude) say little.
fn context_idf<'a>(items: &[Item<'a>], n_articles: usize) -> HashMap<&'a str, f64> {
    let mut df: HashMap<&str, BTreeSet<usize>> = HashMap::default();
    for it in items {
        for w in &it.fact.context {
            df.entry(w.as_str()).or_default().insert(it.art);
        }
    }
    let n = n_articles.max(2) as f64;
    df.into_iter().map(|(w, arts)| (w, ((n + 1.0) / arts.len() as f64).ln().max(0.1))).collect()
}

/// How sure we are that two numeric items state the same fact, and the
/// similarity of the words around them; 0 when their frames are
/// incompatible, negative for two numbers of one sentence (a change or a
/// comparison, never one fact, so they never share a cluster).
/// The context words of a block's items as ids, and each id's weight.
struct Context<'b> {
    ids: &'b [Vec<u32>],
    weights: &'b [f64],
}

impl Context<'_> {
    /// Weighted Jaccard similarity of the contexts of items `i` and `j`.
    fn similarity(&self, i: usize, j: usize) -> f64 {
        let (Some(a), Some(b)) = (self.ids.get(i), self.ids.get(j)) else { return 0.0 };
        weighted_jaccard(a, b, |t| self.weights.get(t as usize).copied().unwrap_or(1.0))
    }
}

/// `sim` gives the two items' context similarity, computed only for pairs
/// that pass the frame tests.
fn pair_score<'a>(ctx: &Ctx, a: &Item<'a>, b: &Item<'a>, sim: impl FnOnce() -> f64) -> (f64, f64) {
    let (fa, fb) = (a.fact, b.fact);
    // a person's age or party: the same surname is not enough ("Paul Ryan,
    // Republican of Wisconsin" / "Tim Ryan, Democrat of Ohio"); both clauses
    // must name the one resolved person of that surname
    if matches!(fa.dimension.as_str(), "age" | "affiliation") && !same_person(ctx, a, b) {
        return (0.0, 0.0);
    }
    if a.art == b.art && a.claim.start == b.claim.start {
        return (-5.0, 0.0);
    }
    let clash = |x: &Option<String>, y: &Option<String>| matches!((x, y), (Some(x), Some(y)) if x != y);
    if clash(&fa.predicate, &fb.predicate) || clash(&fa.reference, &fb.reference) || !same_period(fa, fb) {
        return (0.0, 0.0);
    }
    if let (Some(x), Some(y)) = (fa.bearing, fb.bearing)
        && bearing_gap(x, y) > 45.0
    {
        return (0.0, 0.0);
    }
    // an addition ("also got $9.3m") may still be the figure another source
    // tells without the word, but less likely than one without it
    let plain = |f: &'a Fact| f.scope.iter().filter(|m| *m != ALSO);
    if !plain(fa).eq(plain(fb)) {
        return (0.0, 0.0);
    }
    // the same precise figure for the same thing ("45.8 percent", "4:30")
    // is itself evidence of one fact, even when one side is dated to the
    // year it covers and the other is not (they still never conflict)
    let coincide = coincident(fa, fb);
    if fa.background != fb.background && !coincide {
        return (0.0, 0.0);
    }
    let added = if fa.scope.iter().any(|m| m == ALSO) != fb.scope.iter().any(|m| m == ALSO) { 1.0 } else { 0.0 };
    // two clauses that name places, none of them shared: two events
    if !a.places.is_empty() && !b.places.is_empty() && a.places.is_disjoint(&b.places) {
        return (0.0, 0.0);
    }
    // a canonical slot of the event (the quake's magnitude) is linked by its head alone
    let mut s = if slot(fa) { 2.0 } else { 1.0 };
    if coincide {
        s += if fa.background == fb.background { COINCIDENT } else { COINCIDENT - BACKGROUND_GAP };
    }
    if fa.predicate.is_some() && fa.predicate == fb.predicate {
        s += 1.0;
    }
    if fa.reference.is_some() && fa.reference == fb.reference {
        s += 1.0;
    }
    if fa.bearing.is_some() && fb.bearing.is_some() {
        s += 0.5; // the same direction (bearings further apart scored 0 above)
    }
    let sim = sim();
    s += 2.0 * sim;
    if a.entities.intersection(&b.entities).next().is_some() {
        s += 0.5;
    }
    (s - added, sim)
}

/// Pair score added when two facts give the same precise figure.
const COINCIDENT: f64 = 0.6;
/// What a background mark on one side only takes off that.
const BACKGROUND_GAP: f64 = 0.2;

/// Two equal figures (not open: "more than 45.8" is no match), precise enough that a chance match is unlikely:
/// two significant digits or more ("45.8", "£1.7m", "36", "4:30"), not a
/// round "eight" or "300".
fn coincident(a: &Fact, b: &Fact) -> bool {
    if a.open || b.open || (a.value - b.value).abs() > 1e-9 * a.value.abs().max(b.value.abs()) {
        return false;
    }
    precise(a.value, &a.dimension)
}

/// At least two significant digits, or a time of day off the hour.
fn precise(v: f64, dimension: &str) -> bool {
    if v <= 0.0 || !v.is_finite() {
        return false;
    }
    if dimension.starts_with("time") {
        return v.rem_euclid(60.0) != 0.0;
    }
    let scale = 10f64.powi(v.log10().floor() as i32);
    let mantissa = v / scale; // 1 <= m < 10
    (mantissa - mantissa.round()).abs() > 1e-6
}

/// Both clauses name the same resolved person, whose surname is the facts'
/// reference.
fn same_person(ctx: &Ctx, a: &Item, b: &Item) -> bool {
    let Some(surname) = a.fact.reference.as_deref() else { return false };
    shared_people(ctx, a, b).any(|e| {
        e.name.split_whitespace().any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase() == surname)
    })
}

/// The resolved people both clauses name.
fn shared_people<'c>(ctx: &'c Ctx, a: &'c Item, b: &'c Item) -> impl Iterator<Item = &'c crate::model::Entity> {
    a.entities
        .intersection(&b.entities)
        .filter_map(|id| ctx.entity_by_id.get(id).copied())
        .filter(|e| e.kind == crate::model::EntityKind::Person)
}

/// Two linked items with disjoint values may be set against each other: both
/// are about this event and this set of things, and the frame says enough
/// about what is counted ("2,000 people" needs what happened to them).
fn conflict_pair(ctx: &Ctx, a: &Item, b: &Item, j: usize) -> bool {
    let (fa, fb) = (a.fact, b.fact);
    // the same area on both sides ("in the region") still compares; any other
    // scope marker makes a figure a part or an addition
    let area_only = |f: &Fact| f.scope.iter().all(|m| m.starts_with("in ") || m.starts_with("across "));
    // days only agree (see `days.rs`)
    if fa.background || fb.background || fa.scope != fb.scope || !area_only(fa) || fa.dimension == "date" {
        return false;
    }
    let same_predicate = fa.predicate.is_some() && fa.predicate == fb.predicate;
    // charges are someone's: "no charges were filed" against the driver says
    // nothing of the gunman's five counts
    if fa.predicate.as_deref() == Some("charged") && shared_people(ctx, a, b).next().is_none() {
        return false;
    }
    let same_reference = fa.reference.is_some() && fa.reference == fb.reference;
    let words = a.ctx_sim.get(j).copied().unwrap_or(0.0) >= 0.1;
    if fa.dimension == "count" {
        let specific = fa.head.as_deref().is_some_and(|h| !is(Class::GenericHead, h));
        return same_predicate || (specific && words && (fa.predicate.is_none() || fb.predicate.is_none()));
    }
    // "a three-day summit" / "a three-hour session": a whole and its part
    if fa.dimension == "duration" && (fa.value / fb.value.max(1e-9)).max(fb.value / fa.value.max(1e-9)) > 5.0 {
        return false;
    }
    if fa.dimension == "length"
        && !fa.context.is_empty()
        && !fb.context.is_empty()
        && !fa.context.iter().any(|w| fb.context.contains(w))
    {
        return false; // two things placed: "the building, 15 miles north" / "a motorist 50 miles north"
    }
    same_predicate || same_reference || words || slot(fa)
}

fn slot(f: &Fact) -> bool {
    f.head.as_deref().is_some_and(|h| crate::lang::lexicon().is_slot(&f.dimension, h))
}

fn bearing_gap(x: f64, y: f64) -> f64 {
    let d = (x - y).abs() % 360.0;
    d.min(360.0 - d)
}

/// Weighted Jaccard of two sorted, deduplicated word lists (the sums run in
/// word order, as over two `BTreeSet`s).
fn weighted_jaccard<T: Ord + Copy>(a: &[T], b: &[T], w: impl Fn(T) -> f64) -> f64 {
    let (mut inter, mut union) = (0.0, 0.0);
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i).copied(), b.get(j).copied()) {
            (Some(x), Some(y)) if x == y => {
                inter += w(x);
                union += w(x);
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                union += w(x);
                i += 1;
            }
            (Some(x), None) => {
                union += w(x);
                i += 1;
            }
            (_, Some(y)) => {
                union += w(y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    if union > 0.0 { inter / union } else { 0.0 }
}

/// Average-link agglomerative clustering over a dense score matrix: two
/// clusters merge while the mean score over all their cross pairs is at
/// least `threshold`. Deterministic: ties go to the lowest indices.
///
/// Each live cluster keeps its best partner among the higher indices, so a
/// merge rescans only the merged row and the rows that pointed at the two
/// merged clusters: about O(n²) in all instead of O(n³) (a full block of
/// [`MAX_BLOCK`] items took a second). The choice at each step is the one a
/// full scan makes (first highest mean in (i, j) order), from the same sums.
fn average_link(n: usize, score: &[Vec<f64>], threshold: f64) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    // sum of scores between clusters, kept up to date as clusters merge
    let mut sum: Vec<Vec<f64>> = score.to_vec();
    let mut alive: Vec<bool> = vec![true; n];
    let mean = |sum: &[Vec<f64>], clusters: &[Vec<usize>], i: usize, j: usize| -> Option<f64> {
        if sum[i][j] <= 0.0 {
            return None;
        }
        let avg = sum[i][j] / (clusters[i].len() * clusters[j].len()) as f64;
        (avg >= threshold).then_some(avg)
    };
    // the first highest mean of row i over live j > i
    let row_best = |sum: &[Vec<f64>], clusters: &[Vec<usize>], alive: &[bool], i: usize| {
        let mut best: Option<(f64, usize)> = None;
        for (j, _) in alive.iter().enumerate().skip(i + 1).filter(|(_, live)| **live) {
            if let Some(avg) = mean(sum, clusters, i, j)
                && best.is_none_or(|(b, _)| avg > b)
            {
                best = Some((avg, j));
            }
        }
        best
    };
    let mut best_of: Vec<Option<(f64, usize)>> = (0..n).map(|i| row_best(&sum, &clusters, &alive, i)).collect();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for (i, b) in best_of.iter().enumerate() {
            if let Some((avg, j)) = *b
                && alive[i]
                && best.is_none_or(|(b, _, _)| avg > b)
            {
                best = Some((avg, i, j));
            }
        }
        let Some((_, i, j)) = best else { break };
        let moved = std::mem::take(&mut clusters[j]);
        clusters[i].extend(moved);
        alive[j] = false;
        best_of[j] = None;
        for k in 0..n {
            if alive[k] && k != i {
                let v = sum[i][k] + sum[j][k];
                sum[i][k] = v;
                sum[k][i] = v;
            }
        }
        best_of[i] = row_best(&sum, &clusters, &alive, i);
        for k in 0..n {
            if !alive[k] || k == i {
                continue;
            }
            match best_of[k] {
                Some((_, m)) if m == i || m == j => best_of[k] = row_best(&sum, &clusters, &alive, k),
                current if k < i => {
                    // only the mean with the merged cluster changed in this row
                    if let Some(avg) = mean(&sum, &clusters, k, i)
                        && current.is_none_or(|(b, m)| avg > b || (avg == b && i < m))
                    {
                        best_of[k] = Some((avg, i));
                    }
                }
                _ => {}
            }
        }
    }
    clusters.into_iter().filter(|c| !c.is_empty()).map(|mut c| (c.sort_unstable(), c).1).collect()
}

fn overlaps(a: &Fact, b: &Fact) -> bool {
    let a_hi = a.hi.unwrap_or(f64::INFINITY);
    let b_hi = b.hi.unwrap_or(f64::INFINITY);
    a.lo <= b_hi && b.lo <= a_hi
}

/// Two values state the same figure: overlapping intervals, and an open value
/// ("more than 20,000") only with a figure close to its own.
fn agree(a: &Fact, b: &Fact) -> bool {
    if !overlaps(a, b) {
        return false;
    }
    if a.open || b.open {
        let (x, y) = (a.value, b.value);
        return (x - y).abs() <= 0.1 * x.max(y) && (!a.open || !b.open || (a.hi.is_none() == b.hi.is_none()));
    }
    true
}

/// Agreements and conflicts of one cluster of items.
fn judge(ctx: &Ctx, story: &str, items: &[Item], score: &[Vec<f64>], cluster: &[usize], out: &mut Aligned) {
    if articles_of(items, cluster) < 2 && !self_contradiction_possible(items, cluster) {
        return;
    }
    let groups = value_groups(items, cluster);
    let mut clash = conflicting(ctx, items, score, &groups);
    let fact0 = items[cluster[0]].fact;
    // one article giving two times of day tells a sequence ("the first blast at
    // 10:02, a second at 10:15"), so other outlets' times may be either moment
    if fact0.dimension.starts_with("time") && clash.self_contra {
        clash.groups.clear();
    }
    if !clash.groups.is_empty() {
        let groups_in: Vec<&Vec<usize>> = clash.groups.iter().map(|&g| &groups[g]).collect();
        let all: Vec<usize> = groups_in.iter().flat_map(|g| g.iter().copied()).collect();
        let independent = ctx.sources(all.iter().map(|&i| items[i].art));
        let self_only = independent < 2;
        // one source giving three or more values of one thing is listing
        // them (results race by race, a table of quarters), not
        // contradicting itself
        if self_only && (!clash.self_contra || clash.groups.len() > 2) {
            return;
        }
        if !self_only && listing(items, &groups_in) {
            return;
        }
        let mut values: Vec<TopicValue> = groups_in.iter().map(|g| topic_value(ctx, items, g)).collect();
        values.sort_by(|a, b| b.articles.len().cmp(&a.articles.len()).then(a.value.cmp(&b.value)));
        let confidence = if self_only { 0.55 } else { (0.45 + 0.12 * clash.strongest).min(0.95) };
        out.conflicts.push(Topic {
            topic: label(fact0),
            kind: TopicKind::Quantity,
            story: story.to_string(),
            values,
            confidence: (confidence * 100.0).round() / 100.0,
            independent_sources: independent,
            self_contradiction: self_only,
            note: self_only.then(|| "one article gives two values; it may be an update".to_string()),
            nature: Some(nature(ctx, items, &groups_in)),
        });
        return;
    }
    for g in &groups {
        let n = ctx.sources(g.iter().map(|&i| items[i].art));
        if articles_of(items, g) < 2 {
            continue;
        }
        // a figure only a report and its copies give is shown, for the
        // reader who wants to know the copy kept it, but as what it is: one
        // source, ranked below every independent agreement
        let copies_only = n < 2;
        let mean = mean_score(score, g);
        let confidence = if copies_only { COPIES_ONLY } else { (0.5 + 0.1 * mean).min(0.95) };
        out.agreements.push(Topic {
            topic: label(fact0),
            kind: TopicKind::Quantity,
            story: story.to_string(),
            values: vec![topic_value(ctx, items, g)],
            confidence: (confidence * 100.0).round() / 100.0,
            independent_sources: n,
            self_contradiction: false,
            note: copies_only.then(|| COPIES_NOTE.to_string()),
            nature: None,
        });
    }
}

fn articles_of(items: &[Item], g: &[usize]) -> usize {
    g.iter().map(|&i| items[i].art).collect::<BTreeSet<usize>>().len()
}

/// Value groups: each item joins the first group whose first member it
/// agrees with; closed figures first, so a group is anchored on a point
/// ("10 a.m."), never on an open figure ("after 10 a.m.") that would
/// swallow its neighbours.
fn value_groups(items: &[Item], cluster: &[usize]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = cluster.to_vec();
    order.sort_by(|&x, &y| {
        let (a, b) = (items[x].fact, items[y].fact);
        a.open.cmp(&b.open).then(a.value.total_cmp(&b.value)).then(items[x].art.cmp(&items[y].art))
    });
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &i in &order {
        match groups.iter_mut().find(|g| agree(items[g[0]].fact, items[i].fact)) {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    groups
}

/// The value groups in conflict, with the strongest link between two of
/// them and whether one article conflicts with itself.
struct Clash {
    groups: BTreeSet<usize>,
    strongest: f64,
    self_contra: bool,
}

/// Conflicting pairs of groups: items that do not overlap, linked strongly
/// enough, from different sources (or one article against itself).
fn conflicting(ctx: &Ctx, items: &[Item], score: &[Vec<f64>], groups: &[Vec<usize>]) -> Clash {
    let mut clash = Clash { groups: BTreeSet::new(), strongest: 0.0, self_contra: false };
    for (gi, g) in groups.iter().enumerate() {
        for (gj, h) in groups.iter().enumerate().skip(gi + 1) {
            for &x in g {
                for &y in h {
                    let (a, b) = (&items[x], &items[y]);
                    if overlaps(a.fact, b.fact) || score[x][y] < CONFLICT_LINK || !conflict_pair(ctx, a, b, y) {
                        continue;
                    }
                    let same_source = ctx.source_of[a.art] == ctx.source_of[b.art];
                    if same_source && (a.art != b.art || !same_subject(ctx, a, b) || !same_frame(a.fact, b.fact)) {
                        continue;
                    }
                    if !same_source && other_companies(ctx, a, b) {
                        continue;
                    }
                    clash.self_contra |= a.art == b.art;
                    clash.groups.insert(gi);
                    clash.groups.insert(gj);
                    clash.strongest = clash.strongest.max(score[x][y]);
                }
            }
        }
    }
    clash
}

/// Confidence of an agreement only copies of one report share.
const COPIES_ONLY: f64 = 0.3;
const COPIES_NOTE: &str = "one report and its copies: not independent confirmation";

fn self_contradiction_possible(items: &[Item], cluster: &[usize]) -> bool {
    cluster.iter().any(|&i| cluster.iter().any(|&j| i != j && items[i].art == items[j].art))
}

fn mean_score(score: &[Vec<f64>], g: &[usize]) -> f64 {
    let mut sum = 0.0;
    let mut n = 0usize;
    for (k, &i) in g.iter().enumerate() {
        for &j in &g[k + 1..] {
            sum += score[i][j];
            n += 1;
        }
    }
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// First and last publication date of the articles giving one value.
type DateSpan = (Option<String>, Option<String>);

/// Update when the values follow publication order on a figure that changes
/// as a story unfolds, or when a later value says it was revised.
fn nature(ctx: &Ctx, items: &[Item], groups: &[&Vec<usize>]) -> ConflictNature {
    let date = |i: usize| ctx.records[items[i].art].article.published.clone();
    let revised = groups.iter().any(|g| g.iter().any(|&i| items[i].fact.revised));
    let changing =
        items.first().and_then(|it| it.fact.predicate.as_deref()).is_some_and(|p| is(Class::ChangingPredicate, p));
    let spans: Vec<DateSpan> = groups
        .iter()
        .map(|g| (g.iter().filter_map(|&i| date(i)).min(), g.iter().filter_map(|&i| date(i)).max()))
        .collect();
    let ordered = spans.iter().all(|(lo, hi)| lo.is_some() && hi.is_some()) && {
        let mut by_value: Vec<(f64, &DateSpan)> =
            groups.iter().map(|g| items[g[0]].fact.value).zip(spans.iter()).collect();
        by_value.sort_by(|a, b| a.0.total_cmp(&b.0));
        by_value.windows(2).all(|w| w[0].1.1 < w[1].1.0)
    };
    if revised || (changing && ordered) { ConflictNature::Update } else { ConflictNature::Disagreement }
}

fn topic_value(ctx: &Ctx, items: &[Item], g: &[usize]) -> TopicValue {
    let mut articles: Vec<crate::model::ArticleId> = Vec::new();
    let mut ev: Vec<Evidence> = Vec::new();
    let mut sources: BTreeSet<String> = BTreeSet::new();
    let mut seen: BTreeSet<(usize, usize)> = BTreeSet::new();
    for &i in g {
        let it = &items[i];
        let id = &ctx.records[it.art].article.id;
        if !articles.contains(id) {
            articles.push(id.clone());
        }
        if seen.insert((it.art, it.claim.start)) {
            ev.push(evidence(ctx, it.art, it.claim, it.fact.clause));
        }
        if let Assertion::Attributed { name, .. } = &it.claim.asserted_by {
            sources.insert(name.clone());
        }
    }
    articles.sort();
    ev.sort_by(|a, b| a.article.cmp(&b.article).then(a.start.cmp(&b.start)));
    // the value as most articles write it
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for &i in g {
        *counts.entry(written(&items[i])).or_default() += 1;
    }
    let value =
        counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(v, _)| v.clone()).unwrap_or_default();
    TopicValue { value, articles, evidence: ev, sources: sources.into_iter().collect() }
}

/// The quantity as the article writes it.
fn written(it: &Item) -> String {
    match &it.fact.written {
        Some(w) => w.clone(),
        None => it.claim.quantities.get(it.fact.quantity).map(|q| q.text.clone()).unwrap_or_default(),
    }
}

/// The sentence of a claim as evidence; its clause when the sentence is long.
fn evidence(ctx: &Ctx, art: usize, claim: &Claim, clause: usize) -> Evidence {
    let article = ctx.records[art].article.id.clone();
    if claim.end - claim.start <= MAX_EVIDENCE {
        return Evidence { article, start: claim.start, end: claim.end, text: claim.text.clone() };
    }
    match claim.clauses.get(clause) {
        Some(c) => Evidence {
            article,
            start: c.start,
            end: c.end,
            text: claim.text.get(c.text_start..c.text_end).unwrap_or_default().to_string(),
        },
        None => Evidence { article, start: claim.start, end: claim.end, text: claim.text.clone() },
    }
}

const BEARINGS: &[(f64, &str)] = &[
    (0.0, "north"),
    (45.0, "northeast"),
    (90.0, "east"),
    (135.0, "southeast"),
    (180.0, "south"),
    (225.0, "southwest"),
    (270.0, "west"),
    (315.0, "northwest"),
];

/// A readable name for what a fact measures.
fn label(f: &Fact) -> String {
    let head = f.head.as_deref().unwrap_or("figure");
    let base = match (f.dimension.as_str(), head) {
        ("magnitude", h) => format!("magnitude of the {h}"),
        (d, _) if d.starts_with("time") => match f.predicate.as_deref() {
            Some(p) if p == crate::extract::frames::INCIDENT => "time of the incident".to_string(),
            Some(p) => format!("time ({p})"),
            None => "time of day".to_string(),
        },
        (_, "elapsed") => "time elapsed".to_string(),
        (days::START, h) => format!("start of the {h}"),
        ("date", _) => match f.predicate.as_deref() {
            Some(p) if p == crate::extract::frames::INCIDENT => "day of the incident".to_string(),
            Some(p) => format!("day ({p})"),
            None => "day".to_string(),
        },
        ("affiliation", _) => match f.reference.as_deref() {
            Some(r) => format!("party and state of {}", title_case(r)),
            None => "party and state".to_string(),
        },
        ("age", _) => match f.reference.as_deref() {
            Some(r) => format!("age of {}", title_case(r)),
            None => "age".to_string(),
        },
        (_, "distance") => {
            let dir = f.bearing.and_then(|b| {
                BEARINGS.iter().min_by(|x, y| bearing_gap(x.0, b).total_cmp(&bearing_gap(y.0, b))).map(|x| x.1)
            });
            match (dir, f.reference.as_deref()) {
                (Some(d), Some(r)) => format!("distance {d} of {}", title_case(r)),
                (Some(d), None) => format!("distance {d}"),
                (None, Some(r)) => format!("distance from {}", title_case(r)),
                (None, None) => "distance".to_string(),
            }
        }
        // "45.8 percent" is one rate, not "rates"
        ("percent", h) if f.predicate.is_none() => h.to_string(),
        (_, h) => match f.predicate.as_deref() {
            Some(p) => format!("{} {p}", plural(h)),
            None => plural(h),
        },
    };
    match f.dimension.strip_prefix("money:") {
        Some(cur) => format!("{base} ({cur})"),
        None => base,
    }
}

fn plural(h: &str) -> String {
    if let Some(p) = crate::lang::irregular_plural(h) {
        return p.to_string();
    }
    match h {
        "depth" | "magnitude" | "fund" | "jewel" => h.to_string(),
        h if h.ends_with('y') && !h.ends_with("ey") => format!("{}ies", &h[..h.len() - 1]),
        h if h.ends_with("sis") => format!("{}ses", &h[..h.len() - 3]),
        h if h.ends_with("ss") || h.ends_with("us") || h.ends_with("ch") || h.ends_with("sh") || h.ends_with('x') => {
            format!("{h}es")
        }
        // a head the lemmatizer left plural ("Iraqis", "series")
        h if h.ends_with('s') => h.to_string(),
        h => format!("{h}s"),
    }
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;
