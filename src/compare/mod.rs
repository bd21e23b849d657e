//! The cross-source comparison: where reports agree, where they conflict, and
//! what only one source says.
//!
//! The map step computes a [`Sketch`](crate::model::Sketch) per article
//! ([`sketch::sketch`]); [`compare`] is the reduce step over all records.
//! Steps and their cost (N articles, P sketch postings, C claims):
//!
//! 1. [`syndication`]: near-copies by MinHash + LSH banding. O(N · bands)
//!    plus candidate checks.
//! 2. [`stories`]: articles grouped into stories by shared rare terms
//!    (inverted index, document-frequency cap, union-find). O(P · cap).
//!    Independent sources: a syndication group counts once, and so do all
//!    articles of one outlet (an outlet repeating itself is not a second
//!    confirmation).
//! 3. [`align`]: quantities keyed by what they count and their qualifiers;
//!    event dates keyed by event noun and verb. O(C log C).
//! 4. [`statements`]: corroborated sentences and opposite outcomes, through
//!    an inverted index of rare tokens per story. O(C · cap).
//! 5. `quotes` (the quotes helper's matcher), [`coverage`] (coverage, name
//!    variants, citations).
//!
//! Nothing is compared across stories. Output is sorted; no hash-map
//! iteration order reaches it. Precision first: a key that does not say what
//! a number counts never makes a conflict.

pub mod align;
pub mod baseline;
pub mod coverage;
pub mod facts;
mod lexicon;
pub mod quotes;
pub mod sketch;
pub mod statements;
pub mod stories;
pub mod syndication;
mod text;

pub use sketch::sketch;

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{ArticleRecord, Claim, Comparison, Entity, EntityKind, Topic, TopicKind};
use text::UnionFind;

/// What the comparison steps share: records, resolved entities, and the
/// story and independent-source of each article.
pub struct Ctx<'a> {
    pub records: &'a [ArticleRecord],
    pub entity_by_id: BTreeMap<&'a str, &'a Entity>,
    pub entity_ids: &'a [Vec<String>],
    /// Global entity ids each article mentions (sorted).
    pub article_entities: Vec<Vec<String>>,
    /// Independent-source group per article (an article index).
    pub source_of: Vec<usize>,
    pub story_of: Vec<usize>,
    pub story_ids: Vec<String>,
    /// Article indices per story, by article id.
    pub story_articles: Vec<Vec<usize>>,
    /// (article, claim) pairs per story.
    pub story_claims: Vec<Vec<(usize, usize)>>,
}

impl Ctx<'_> {
    /// Number of independent sources among articles.
    pub fn sources(&self, arts: impl IntoIterator<Item = usize>) -> usize {
        arts.into_iter().map(|a| self.source_of[a]).collect::<BTreeSet<_>>().len()
    }

    /// Global entity ids of a claim (its own list, plus its local indices mapped).
    pub fn claim_entities(&self, art: usize, claim: &Claim) -> BTreeSet<String> {
        let mut out: BTreeSet<String> =
            claim.entities.iter().filter(|e| self.entity_by_id.contains_key(e.as_str())).cloned().collect();
        if let Some(map) = self.entity_ids.get(art) {
            for &l in &claim.local_entities {
                if let Some(g) = map.get(l) {
                    out.insert(g.clone());
                }
            }
        }
        out
    }

    /// Lowercase names of the places a claim mentions.
    pub fn claim_places(&self, art: usize, claim: &Claim) -> Vec<String> {
        let mut out: BTreeSet<String> = BTreeSet::new();
        for id in self.claim_entities(art, claim) {
            if let Some(e) = self.entity_by_id.get(id.as_str())
                && e.kind == EntityKind::Place
            {
                out.insert(e.name.to_lowercase());
            }
        }
        if let Some(rec) = self.records.get(art) {
            for &l in &claim.local_entities {
                if let Some(e) = rec.local_entities.get(l)
                    && e.kind == EntityKind::Place
                {
                    out.insert(e.name.to_lowercase());
                }
            }
        }
        out.into_iter().collect()
    }

    pub fn published_year(&self, art: usize) -> Option<i32> {
        self.records.get(art)?.article.published.as_deref()?.get(..4)?.parse().ok()
    }
}

/// Compare the articles of a corpus. `entity_ids[i]` maps `records[i]`'s
/// local entity index to its global entity id.
pub fn compare(records: &[ArticleRecord], entities: &[Entity], entity_ids: &[Vec<String>]) -> Comparison {
    let entity_by_id: BTreeMap<&str, &Entity> = entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let article_entities: Vec<Vec<String>> = records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let map = entity_ids.get(i);
            let set: BTreeSet<String> =
                r.mentions.iter().filter_map(|m| map.and_then(|m2| m2.get(m.local)).cloned()).collect();
            set.into_iter().collect()
        })
        .collect();

    let t = crate::timing::stage("compare/stories");
    let copies = syndication::near_copy_pairs(records);
    let (syndication, original_of) = syndication::groups(records, &copies);
    let grouping = stories::group(records, &entity_by_id, &article_entities, &copies);

    // Independent sources: syndication groups and outlets.
    let mut uf = UnionFind::new(records.len());
    let mut first_of_outlet: BTreeMap<String, usize> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        uf.union(i, original_of[i]);
        if let Some(o) = r.article.outlet.as_deref().map(|o| o.trim().to_lowercase()).filter(|o| !o.is_empty()) {
            let f = *first_of_outlet.entry(o).or_insert(i);
            uf.union(i, f);
        }
    }
    let source_of: Vec<usize> = (0..records.len()).map(|i| uf.find(i)).collect();

    let n_stories = grouping.stories.len();
    let mut story_articles: Vec<Vec<usize>> = vec![Vec::new(); n_stories];
    for (i, &s) in grouping.story_of.iter().enumerate() {
        story_articles[s].push(i);
    }
    for arts in &mut story_articles {
        arts.sort_by(|&a, &b| records[a].article.id.cmp(&records[b].article.id));
    }
    let story_claims: Vec<Vec<(usize, usize)>> = story_articles
        .iter()
        .map(|arts| arts.iter().flat_map(|&a| (0..records[a].claims.len()).map(move |c| (a, c))).collect())
        .collect();
    let ctx = Ctx {
        records,
        entity_by_id,
        entity_ids,
        article_entities,
        source_of,
        story_of: grouping.story_of.clone(),
        story_ids: grouping.stories.iter().map(|s| s.id.clone()).collect(),
        story_articles,
        story_claims,
    };

    drop(t);
    let t = crate::timing::stage("compare/quotes");
    // Quotes (the quotes helper's matcher).
    let story_of_id: BTreeMap<String, String> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.article.id.to_string(), ctx.story_ids[ctx.story_of[i]].clone()))
        .collect();
    let speaker_names: BTreeMap<String, String> = entities.iter().map(|e| (e.id.clone(), e.name.clone())).collect();
    let all_quotes: Vec<&crate::model::Quote> = records.iter().flat_map(|r| &r.quotes).collect();
    let quote_matches = quotes::match_quotes(&all_quotes, &story_of_id, &speaker_names);
    let matched: BTreeSet<String> = quote_matches.iter().flat_map(|m| m.quotes.iter().cloned()).collect();

    drop(t);
    let t = crate::timing::stage("compare/facts");
    let q = facts::facts(&ctx);
    drop(t);
    let t = crate::timing::stage("compare/event-dates");
    let d = align::event_dates(&ctx);
    drop(t);
    let t = crate::timing::stage("compare/statements");
    // Opposite outcomes of one event ("went ahead" / "was postponed") and
    // single-source sentences; agreements on statements come from `facts`.
    let s = statements::statements(&ctx, &matched);
    drop(t);
    let mut agreements: Vec<Topic> = Vec::new();
    let mut conflicts: Vec<Topic> = Vec::new();
    let mut single_source = Vec::new();
    for part in [q, d, s] {
        agreements.extend(part.agreements);
        conflicts.extend(part.conflicts);
        single_source.extend(part.single_source);
    }
    let story_index = |id: &str| id.trim_start_matches('s').parse::<usize>().unwrap_or(usize::MAX);
    let kind_order = |k: TopicKind| k as u8;
    let topic_order = |a: &Topic, b: &Topic| {
        story_index(&a.story)
            .cmp(&story_index(&b.story))
            .then(kind_order(a.kind).cmp(&kind_order(b.kind)))
            .then(b.confidence.total_cmp(&a.confidence))
            .then(b.independent_sources.cmp(&a.independent_sources))
            .then(a.topic.cmp(&b.topic))
            .then_with(|| {
                let va: Vec<&str> = a.values.iter().map(|v| v.value.as_str()).collect();
                let vb: Vec<&str> = b.values.iter().map(|v| v.value.as_str()).collect();
                va.cmp(&vb)
            })
    };
    agreements.sort_by(topic_order);
    conflicts.sort_by(topic_order);
    single_source.sort_by(|a, b| {
        story_index(&a.story)
            .cmp(&story_index(&b.story))
            .then(kind_order(a.kind).cmp(&kind_order(b.kind)))
            .then(a.article.cmp(&b.article))
            .then(a.evidence.start.cmp(&b.evidence.start))
            .then(a.topic.cmp(&b.topic))
    });

    let _t = crate::timing::stage("compare/coverage");
    let name_variants = coverage::name_variants(entities);
    conflicts.extend(facts::name_conflicts(&ctx, entities, &name_variants));
    conflicts.sort_by(topic_order);
    Comparison {
        coverage: coverage::coverage(&ctx),
        name_variants,
        citations: coverage::citations(&ctx),
        stories: grouping.stories,
        syndication,
        agreements,
        conflicts,
        single_source,
        quote_matches,
    }
}

#[cfg(test)]
pub(crate) mod testutil;

#[cfg(test)]
mod tests;
