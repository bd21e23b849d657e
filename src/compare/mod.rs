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
            claim.entities.iter().filter(|e| self.entity_by_id.contains_key(*e)).map(str::to_string).collect();
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
///
/// The same three steps a distributed run takes ([`crate::mapreduce`]):
/// [`group`] over the whole corpus, [`compare_stories`] (here on all stories
/// at once, there one story at a time) and [`assemble`].
///
/// The pipeline groups first and lets the stories correct the years of
/// datelines ([`crate::anchors::infer_years_within_stories`]) before it calls
/// [`compare_grouped`]; this function takes the records' dates as they are.
pub fn compare(records: &[ArticleRecord], entities: &[Entity], entity_ids: &[Vec<String>]) -> Comparison {
    let t = crate::timing::stage("compare/stories");
    let groups = group(records, entities, entity_ids);
    drop(t);
    compare_grouped(records, entities, entity_ids, groups)
}

/// [`compare`] once [`group`] has run.
pub fn compare_grouped(
    records: &[ArticleRecord],
    entities: &[Entity],
    entity_ids: &[Vec<String>],
    groups: Groups,
) -> Comparison {
    let story_ids: Vec<String> = groups.stories.iter().map(|s| s.id.clone()).collect();
    let ctx = context(records, entities, entity_ids, groups.source_of.clone(), groups.story_of.clone(), story_ids);
    let parts = compare_stories(&ctx, entities);
    assemble(&ctx, entities, groups.stories, groups.syndication, parts)
}

/// What is decided over the whole corpus before any story is compared:
/// near-copies, stories and independent sources.
#[derive(Debug, Clone)]
pub struct Groups {
    pub syndication: Vec<crate::model::SyndicationGroup>,
    pub stories: Vec<crate::model::Story>,
    /// Story index (into `stories`) per article.
    pub story_of: Vec<usize>,
    /// Independent-source group per article: the index of one article of the
    /// group. Only equality of these values matters.
    pub source_of: Vec<usize>,
}

/// Global entity ids each article mentions (sorted).
pub fn article_entities(records: &[ArticleRecord], entity_ids: &[Vec<String>]) -> Vec<Vec<String>> {
    records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let map = entity_ids.get(i);
            let set: BTreeSet<String> =
                r.mentions.iter().filter_map(|m| map.and_then(|m2| m2.get(m.local)).cloned()).collect();
            set.into_iter().collect()
        })
        .collect()
}

/// Syndication, story grouping and independent sources over the whole corpus.
pub fn group(records: &[ArticleRecord], entities: &[Entity], entity_ids: &[Vec<String>]) -> Groups {
    let entity_by_id: BTreeMap<&str, &Entity> = entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let article_entities = article_entities(records, entity_ids);
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
    Groups { syndication, stories: grouping.stories, story_of: grouping.story_of, source_of }
}

/// The comparison context of `records` (sorted by article id) once stories
/// and sources are known. `entities` must hold every entity `entity_ids`
/// names; `story_ids[k]` is the id of story `k` of `story_of`.
pub fn context<'a>(
    records: &'a [ArticleRecord],
    entities: &'a [Entity],
    entity_ids: &'a [Vec<String>],
    source_of: Vec<usize>,
    story_of: Vec<usize>,
    story_ids: Vec<String>,
) -> Ctx<'a> {
    let entity_by_id: BTreeMap<&str, &Entity> = entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut story_articles: Vec<Vec<usize>> = vec![Vec::new(); story_ids.len()];
    for (i, &s) in story_of.iter().enumerate() {
        if let Some(list) = story_articles.get_mut(s) {
            list.push(i);
        }
    }
    for arts in &mut story_articles {
        arts.sort_by(|&a, &b| records[a].article.id.cmp(&records[b].article.id));
    }
    let story_claims: Vec<Vec<(usize, usize)>> = story_articles
        .iter()
        .map(|arts| arts.iter().flat_map(|&a| (0..records[a].claims.len()).map(move |c| (a, c))).collect())
        .collect();
    Ctx {
        records,
        entity_by_id,
        entity_ids,
        article_entities: article_entities(records, entity_ids),
        source_of,
        story_of,
        story_ids,
        story_articles,
        story_claims,
    }
}

/// What the comparison finds inside stories: nothing in it looks across
/// stories, so the parts of separate runs over separate stories concatenate
/// (in story order) into the parts of one run over all of them.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StoryParts {
    pub agreements: Vec<Topic>,
    pub conflicts: Vec<Topic>,
    pub single_source: Vec<crate::model::SingleSourceFact>,
    pub quote_matches: Vec<crate::model::QuoteMatch>,
    pub coverage: Vec<crate::model::Coverage>,
}

impl StoryParts {
    pub fn append(&mut self, mut other: StoryParts) {
        self.agreements.append(&mut other.agreements);
        self.conflicts.append(&mut other.conflicts);
        self.single_source.append(&mut other.single_source);
        self.quote_matches.append(&mut other.quote_matches);
        self.coverage.append(&mut other.coverage);
    }
}

fn story_index(id: &str) -> usize {
    id.trim_start_matches('s').parse::<usize>().unwrap_or(usize::MAX)
}

fn topic_order(a: &Topic, b: &Topic) -> std::cmp::Ordering {
    let kind_order = |k: TopicKind| k as u8;
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
}

fn single_order(a: &crate::model::SingleSourceFact, b: &crate::model::SingleSourceFact) -> std::cmp::Ordering {
    story_index(&a.story)
        .cmp(&story_index(&b.story))
        .then((a.kind as u8).cmp(&(b.kind as u8)))
        .then(a.article.cmp(&b.article))
        .then(a.evidence.start.cmp(&b.evidence.start))
        .then(a.topic.cmp(&b.topic))
}

/// Quotes, facts, event dates, statements and coverage of every story of
/// `ctx`, each list in its final order.
pub fn compare_stories(ctx: &Ctx, entities: &[Entity]) -> StoryParts {
    let records = ctx.records;
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
    let q = facts::facts(ctx);
    drop(t);
    let t = crate::timing::stage("compare/event-dates");
    let d = align::event_dates(ctx);
    drop(t);
    let t = crate::timing::stage("compare/statements");
    // Opposite outcomes of one event ("went ahead" / "was postponed") and
    // single-source sentences; agreements on statements come from `facts`.
    let s = statements::statements(ctx, &matched);
    drop(t);
    let mut agreements: Vec<Topic> = Vec::new();
    let mut conflicts: Vec<Topic> = Vec::new();
    let mut single_source = Vec::new();
    for part in [q, d, s] {
        agreements.extend(part.agreements);
        conflicts.extend(part.conflicts);
        single_source.extend(part.single_source);
    }
    agreements.sort_by(topic_order);
    conflicts.sort_by(topic_order);
    single_source.sort_by(single_order);
    let _t = crate::timing::stage("compare/coverage");
    StoryParts { agreements, conflicts, single_source, quote_matches, coverage: coverage::coverage(ctx) }
}

/// The comparison from the parts of all stories (in story order) and what
/// looks across stories: name variants and spelling conflicts of corpus
/// entities, citations. `ctx` is the corpus-wide context.
pub fn assemble(
    ctx: &Ctx,
    entities: &[Entity],
    stories: Vec<crate::model::Story>,
    syndication: Vec<crate::model::SyndicationGroup>,
    parts: StoryParts,
) -> Comparison {
    let _t = crate::timing::stage("compare/coverage");
    let StoryParts { mut agreements, mut conflicts, mut single_source, mut quote_matches, mut coverage } = parts;
    // Each part is sorted already; stable sorts of their concatenation keep
    // the order one run over all stories gives.
    agreements.sort_by(topic_order);
    conflicts.sort_by(topic_order);
    single_source.sort_by(single_order);
    quote_matches.sort_by(|a, b| (&a.story, &a.quotes).cmp(&(&b.story, &b.quotes)));
    coverage.sort_by(|a, b| {
        a.story
            .cmp(&b.story)
            .then(b.present.len().cmp(&a.present.len()))
            .then(a.name.cmp(&b.name))
            .then(a.entity.cmp(&b.entity))
    });
    let name_variants = coverage::name_variants(entities);
    conflicts.extend(facts::name_conflicts(ctx, entities, &name_variants));
    conflicts.sort_by(topic_order);
    Comparison {
        coverage,
        name_variants,
        citations: coverage::citations(ctx),
        stories,
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
