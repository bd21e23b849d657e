//! The corpus run as `map | sort | reduce` (the Hadoop Streaming contract),
//! so that an engine (Spark, Hadoop Streaming, a shell pipe) can spread the
//! comparison over machines one story at a time.
//!
//! ```text
//! analyze map DIR | sort -t$'\t' -k1,1 | analyze reduce     ≡   analyze -f json DIR
//! ```
//!
//! Every line between the steps is `KEY<TAB>JSON` ([`Line`]). Keys:
//!
//! * `s00000001`, `s00000002`, …: one story ([`story_key`]). Its lines are a
//!   [`Line::Story`] (the story's id and the corpus entities its articles
//!   name, trimmed to what the comparison reads) and one [`Line::Article`]
//!   per article (the record as extracted plus its [`Keys`]: story, source
//!   group, global entity ids, an inferred publication date).
//! * [`GLOBAL_KEY`] (`g`): one [`Line::Global`] with what the report needs
//!   from the whole corpus (entities, stories, syndication, skipped files).
//!
//! Grouping needs the whole corpus (publication years from other articles,
//! entity resolution, rare-term story links), but only the small part of
//! each record that [`plan`] reads: sketches, names and mentions, dates,
//! outlets. A distributed run therefore maps in two passes: records per
//! partition, then one grouping pass over their sketches that yields the keys
//! (the `scripts/spark` job does this). `analyze map DIR` does both in one
//! process.
//!
//! The reduce step takes the lines of one key at a time (sorted input: all
//! lines of a key are contiguous; their order inside the key does not
//! matter), compares that story alone ([`reduce_story`]) and either writes its
//! [`Line::Part`] (`analyze reduce --partial`, for engines with many reducers)
//! or keeps it for [`merge`], which puts the parts together with the global
//! line into the report, byte for byte what the one-shot run writes: nothing
//! in a story's comparison looks outside the story, and what does (name
//! variants and spelling conflicts of corpus entities, citations, the order
//! of the lists) is done in the merge.

use crate::compare::{self, StoryParts};
use crate::model::{ArticleId, ArticleRecord, DateSource, Entity, Story, SyndicationGroup, Warning, WarningKind};
use crate::pipeline::{self, Analysis, Options, Resolved};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Key of the line that carries the corpus-wide parts of the report.
pub const GLOBAL_KEY: &str = "g";

/// Key of the story with index `index` (story id `s{index + 1}`). Fixed
/// width and letters and digits only, so that any `sort` in any locale
/// keeps one story's lines together.
pub fn story_key(index: usize) -> String {
    format!("s{:08}", index + 1)
}

/// Key of a line about one article (`file`, `record`, `keys`): its id with
/// `\`, tab, newline and carriage return escaped, so that no id breaks the
/// `KEY<TAB>JSON` line (a file name may hold any of them).
pub fn id_key(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// What the grouping pass decided about one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Keys {
    /// Story index (the story's id is `s{story + 1}`).
    pub story: usize,
    /// Independent-source group: articles with the same value are one source.
    pub source: usize,
    /// Global entity id of each local entity (empty: none).
    pub entities: Vec<String>,
    /// The publication date the corpus gave an article whose text has only
    /// a month and day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

/// One story's header: its id and the corpus entities its articles name,
/// with mention counts of the story's articles only and without the
/// corpus-wide lists (mentions, spellings, aliases) the comparison of one
/// story does not read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryHeader {
    pub story: usize,
    pub id: String,
    pub entities: Vec<Entity>,
}

/// What the report needs from the whole corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Global {
    /// Number of article lines the map wrote: the merge checks none was lost.
    pub articles: usize,
    pub skipped_files: usize,
    /// Warnings about files that gave no record.
    pub warnings: Vec<Warning>,
    pub entities: Vec<Entity>,
    pub stories: Vec<Story>,
    pub syndication: Vec<SyndicationGroup>,
}

/// One story compared: its findings and its records with entities filled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryResult {
    pub story: usize,
    pub parts: StoryParts,
    pub keys: Vec<Keys>,
    pub records: Vec<ArticleRecord>,
}

/// One line between the steps (after the key and a tab).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Line {
    Article {
        keys: Keys,
        record: Box<ArticleRecord>,
    },
    Story(StoryHeader),
    Global(Box<Global>),
    Part(Box<StoryResult>),
    /// `map --step list`: a file to extract (key: its id).
    File {
        id: String,
        path: String,
    },
    /// `map --step records`: an article as extracted (key: its id).
    Record(Box<ArticleRecord>),
    /// A file that gave no article (key: [`GLOBAL_KEY`]).
    Skipped(Warning),
    /// `map --step group`: the keys of one article (key: its id), for an
    /// engine to join with the article's `record` line.
    Keys(Keys),
}

impl Line {
    /// The kind of line, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Line::Article { .. } => "article",
            Line::Story(_) => "story",
            Line::Global(_) => "global",
            Line::Part(_) => "part",
            Line::File { .. } => "file",
            Line::Record(_) => "record",
            Line::Skipped(_) => "skipped",
            Line::Keys(_) => "keys",
        }
    }
}

/// Why lines could not be reduced or merged.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum MapReduceError {
    #[error("line {line}: no key and tab before the record (expected KEY<TAB>JSON from `analyze map`)")]
    NoKey { line: usize },
    #[error("line {line}: not a line of `analyze map` or `analyze reduce --partial`: {source}")]
    Json { line: usize, source: serde_json::Error },
    #[error("key {key} appears in two separate runs of lines: the input must be sorted by key (sort -t$'\\t' -k1,1)")]
    Unsorted { key: String },
    #[error("key {key}: article lines without their story line (was the map output cut short?)")]
    NoHeader { key: String },
    #[error("a {what} line under key {key}, where it does not belong (each step reads the lines of the one before)")]
    Misplaced { key: String, what: &'static str },
    #[error("no global line (key {GLOBAL_KEY}): the map output is incomplete")]
    NoGlobal,
    #[error("{got} article records reached the merge, the map wrote {expected}: a partition was lost or read twice")]
    Missing { expected: usize, got: usize },
    #[error("story {0} was reduced twice")]
    DuplicateStory(String),
}

/// The grouping pass over a whole corpus: the records (sorted by article id
/// and filtered as the one-shot run does) with their keys, the story headers
/// and the global line.
pub struct Plan {
    pub records: Vec<ArticleRecord>,
    pub keys: Vec<Keys>,
    pub headers: Vec<StoryHeader>,
    pub global: Global,
}

/// Files left out by design (other extensions, a second path to a file) are
/// reported but not counted as skipped.
pub fn skipped_count(warnings: &[Warning]) -> usize {
    warnings.iter().filter(|w| !matches!(w.kind, WarningKind::NotArticle | WarningKind::Duplicate)).count()
}

/// A record as the grouping pass needs it: quotes, dates, claims, blocks,
/// citations and warnings go (they reach the reduce step with the record
/// itself).
pub fn sketch_only(mut r: ArticleRecord) -> ArticleRecord {
    r.quotes = Vec::new();
    r.dates = Vec::new();
    r.claims = Vec::new();
    r.citations = Vec::new();
    r.warnings = Vec::new();
    r.article.blocks = Vec::new();
    r
}

/// Resolve and group the corpus; compare nothing.
///
/// Reads of each record only the article's metadata, entities, mentions and
/// sketch, so a grouping pass may be given records with their quotes,
/// dates and claims emptied (a few hundred bytes per article).
pub fn plan(records: Vec<ArticleRecord>, skipped: Vec<Warning>, opts: &Options) -> Plan {
    let _t = crate::timing::stage("plan");
    let undated: BTreeSet<ArticleId> =
        records.iter().filter(|r| r.article.published.is_none()).map(|r| r.article.id.clone()).collect();
    let Resolved { mut records, entities, entity_ids } = pipeline::resolve_corpus(records, opts);
    let groups = compare::group(&records, &entities, &entity_ids);
    let from_corpus: Vec<bool> = records.iter().map(|r| undated.contains(&r.article.id)).collect();
    crate::anchors::infer_years_within_stories(&mut records, &groups.story_of, &from_corpus);
    let keys: Vec<Keys> = records
        .iter()
        .enumerate()
        .map(|(i, r)| Keys {
            story: groups.story_of[i],
            source: groups.source_of[i],
            entities: entity_ids[i].clone(),
            published: r.article.published.clone().filter(|_| {
                undated.contains(&r.article.id) && r.article.published_source == Some(DateSource::Inferred)
            }),
        })
        .collect();
    let index: BTreeMap<&str, usize> = entities.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let mut members_of: Vec<Vec<usize>> = vec![Vec::new(); groups.stories.len()];
    for (i, &k) in groups.story_of.iter().enumerate() {
        if let Some(m) = members_of.get_mut(k) {
            m.push(i);
        }
    }
    let headers: Vec<StoryHeader> = groups
        .stories
        .iter()
        .zip(&members_of)
        .enumerate()
        .map(|(k, (story, members))| {
            let ids: BTreeSet<&str> = members
                .iter()
                .flat_map(|&i| entity_ids[i].iter())
                .map(String::as_str)
                .filter(|s| !s.is_empty())
                .collect();
            let story_entities = ids
                .into_iter()
                .filter_map(|id| index.get(id).and_then(|&e| entities.get(e)))
                .map(|e| {
                    let mention_counts = members
                        .iter()
                        .filter_map(|&i| {
                            let a: &str = &records[i].article.id;
                            e.mention_counts.get(a).map(|&c| (a.to_string(), c))
                        })
                        .collect();
                    Entity {
                        id: e.id.clone(),
                        name: e.name.clone(),
                        kind: e.kind,
                        outlet: e.outlet,
                        aliases: Vec::new(),
                        roles: e.roles.clone(),
                        spellings: Vec::new(),
                        mention_counts,
                        mentions: Vec::new(),
                    }
                })
                .collect();
            StoryHeader { story: k, id: story.id.clone(), entities: story_entities }
        })
        .collect();
    let global = Global {
        articles: records.len(),
        skipped_files: skipped_count(&skipped),
        warnings: skipped,
        entities,
        stories: groups.stories,
        syndication: groups.syndication,
    };
    Plan { records, keys, headers, global }
}

/// The corpus-wide decisions of the grouping pass applied to a record as
/// extracted (applying them twice changes nothing).
pub fn apply_keys(record: &mut ArticleRecord, keys: &Keys) {
    if let Some(date) = &keys.published {
        record.article.published = Some(date.clone());
        record.article.published_source = Some(DateSource::Inferred);
        if let Ok(d) = date.parse::<jiff::civil::Date>() {
            crate::anchors::reanchor(record, d);
        }
    }
    pipeline::apply_entities(record, &keys.entities);
}

/// Compare one story from its header and its articles (in any order).
pub fn reduce_story(header: StoryHeader, mut items: Vec<(Keys, ArticleRecord)>) -> StoryResult {
    items.sort_by(|a, b| a.1.article.id.cmp(&b.1.article.id));
    items.dedup_by(|a, b| a.1.article.id == b.1.article.id);
    let mut keys = Vec::with_capacity(items.len());
    let mut records = Vec::with_capacity(items.len());
    for (k, mut r) in items {
        apply_keys(&mut r, &k);
        keys.push(k);
        records.push(r);
    }
    let entity_ids: Vec<Vec<String>> = keys.iter().map(|k| k.entities.clone()).collect();
    let source_of = keys.iter().map(|k| k.source).collect();
    let ctx =
        compare::context(&records, &header.entities, &entity_ids, source_of, vec![0; records.len()], vec![header.id]);
    let parts = compare::compare_stories(&ctx, &header.entities);
    drop(ctx);
    StoryResult { story: header.story, parts, keys, records }
}

/// The report from the global line and every story's result (in any order).
pub fn merge(global: Global, mut results: Vec<StoryResult>) -> Result<Analysis, MapReduceError> {
    let _t = crate::timing::stage("merge");
    results.sort_by_key(|r| r.story);
    if let Some(w) = results.windows(2).find(|w| w[0].story == w[1].story) {
        return Err(MapReduceError::DuplicateStory(format!("s{}", w[0].story + 1)));
    }
    let got: usize = results.iter().map(|r| r.records.len()).sum();
    if got != global.articles {
        return Err(MapReduceError::Missing { expected: global.articles, got });
    }
    let mut parts = StoryParts::default();
    let mut pairs: Vec<(Keys, ArticleRecord)> = Vec::with_capacity(got);
    for r in results {
        parts.append(r.parts);
        pairs.extend(r.keys.into_iter().zip(r.records));
    }
    pairs.sort_by(|a, b| a.1.article.id.cmp(&b.1.article.id));
    let (keys, mut records): (Vec<Keys>, Vec<ArticleRecord>) = pairs.into_iter().unzip();
    let Global { skipped_files, mut warnings, entities, stories, syndication, .. } = global;
    let entity_ids: Vec<Vec<String>> = keys.iter().map(|k| k.entities.clone()).collect();
    let story_ids: Vec<String> = stories.iter().map(|s| s.id.clone()).collect();
    let ctx = compare::context(
        &records,
        &entities,
        &entity_ids,
        keys.iter().map(|k| k.source).collect(),
        keys.iter().map(|k| k.story).collect(),
        story_ids,
    );
    let comparison = compare::assemble(&ctx, &entities, stories, syndication, parts);
    drop(ctx);
    for r in &mut records {
        warnings.append(&mut r.warnings);
    }
    warnings.sort();
    let mut summary = pipeline::summary(&records, &comparison);
    summary.skipped_files = skipped_files;
    Ok(Analysis { summary, records, entities, comparison, warnings })
}

/// Split `KEY<TAB>JSON` and parse the JSON. `n` is the line number for errors.
pub fn parse_line(text: &str, n: usize) -> Result<(&str, Line), MapReduceError> {
    let (key, json) = text.split_once('\t').ok_or(MapReduceError::NoKey { line: n })?;
    let line = serde_json::from_str(json).map_err(|source| MapReduceError::Json { line: n, source })?;
    Ok((key, line))
}

/// Write one `KEY<TAB>JSON` line.
pub fn write_line(out: &mut dyn std::io::Write, key: &str, line: &Line) -> std::io::Result<()> {
    out.write_all(key.as_bytes())?;
    out.write_all(b"\t")?;
    serde_json::to_writer(&mut *out, line).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

/// One story's lines: its header and its articles.
pub type Group = (StoryHeader, Vec<(Keys, ArticleRecord)>);

/// Write the [`Line::Article`] of a record without building the line (the
/// same bytes as [`write_line`]): `KEY<TAB>{"article":{"keys":…,"record":…}}`.
/// An engine that joins records with the keys of a grouping pass can build
/// the line the same way from the two JSON texts.
pub fn write_article(
    out: &mut dyn std::io::Write,
    key: &str,
    keys: &Keys,
    record: &ArticleRecord,
) -> std::io::Result<()> {
    out.write_all(key.as_bytes())?;
    out.write_all(b"\t{\"article\":{\"keys\":")?;
    serde_json::to_writer(&mut *out, keys).map_err(std::io::Error::from)?;
    out.write_all(b",\"record\":")?;
    serde_json::to_writer(&mut *out, record).map_err(std::io::Error::from)?;
    out.write_all(b"}}\n")
}

/// What is left at the end of the input: the last story, the global line,
/// and the parts that came already reduced.
pub type Finished = (Option<Group>, Option<Global>, Vec<StoryResult>);

/// The reduce step over lines sorted by key: collects each key's lines and
/// gives back each story's [`Group`] when its key ends (to [`reduce_story`],
/// several at a time on all cores), and keeps the global line.
pub struct Reducer {
    current: Option<String>,
    header: Option<StoryHeader>,
    items: Vec<(Keys, ArticleRecord)>,
    done: BTreeSet<String>,
    global: Option<Global>,
    /// Parts already reduced, met in the input (an engine may reduce in two rounds).
    passed: Vec<StoryResult>,
}

impl Default for Reducer {
    fn default() -> Self {
        Self::new()
    }
}

impl Reducer {
    pub fn new() -> Self {
        Reducer {
            current: None,
            header: None,
            items: Vec::new(),
            done: BTreeSet::new(),
            global: None,
            passed: Vec::new(),
        }
    }

    /// Take one line; returns the story finished by a change of key, if any.
    pub fn push(&mut self, key: &str, line: Line) -> Result<Option<Group>, MapReduceError> {
        let mut finished = None;
        if self.current.as_deref() != Some(key) {
            finished = self.finish_key()?;
            if !self.done.insert(key.to_string()) {
                return Err(MapReduceError::Unsorted { key: key.to_string() });
            }
            self.current = Some(key.to_string());
        }
        match line {
            Line::Article { keys, record } => self.items.push((keys, *record)),
            Line::Story(h) => {
                if self.header.is_some() {
                    return Err(MapReduceError::Misplaced { key: key.to_string(), what: "second story" });
                }
                self.header = Some(h);
            }
            Line::Global(g) => {
                if self.global.is_some() {
                    return Err(MapReduceError::Misplaced { key: key.to_string(), what: "second global" });
                }
                self.global = Some(*g);
            }
            Line::Part(p) => self.passed.push(*p),
            other => return Err(MapReduceError::Misplaced { key: key.to_string(), what: other.kind() }),
        }
        Ok(finished)
    }

    /// The story of the key that just ended.
    fn finish_key(&mut self) -> Result<Option<Group>, MapReduceError> {
        let key = self.current.take().unwrap_or_default();
        let items = std::mem::take(&mut self.items);
        match self.header.take() {
            Some(h) => Ok(Some((h, items))),
            None if items.is_empty() => Ok(None),
            None => Err(MapReduceError::NoHeader { key }),
        }
    }

    /// End of input: the last story, then the global line and the parts
    /// that came already reduced.
    pub fn finish(mut self) -> Result<Finished, MapReduceError> {
        let last = self.finish_key()?;
        Ok((last, self.global, self.passed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Detail;

    fn records() -> Vec<ArticleRecord> {
        let inputs =
            crate::read::collect_inputs(&["fixtures/summit".into(), "fixtures/quake".into()]).expect("fixtures");
        pipeline::partition(pipeline::extract_all(&inputs, &|| ())).0
    }

    #[test]
    fn an_article_line_written_by_hand_is_the_serde_line() {
        let r = records().remove(0);
        let keys = Keys { story: 3, source: 1, entities: vec!["e1".into(), String::new()], published: None };
        let (mut a, mut b) = (Vec::new(), Vec::new());
        write_article(&mut a, "s00000004", &keys, &r).expect("write");
        write_line(&mut b, "s00000004", &Line::Article { keys, record: Box::new(r) }).expect("write");
        assert_eq!(String::from_utf8(a).expect("utf-8"), String::from_utf8(b).expect("utf-8"));
    }

    #[test]
    fn id_keys_never_hold_a_tab_or_newline_and_stay_distinct() {
        assert_eq!(id_key("a/b.txt"), "a/b.txt");
        assert_eq!(id_key("a\tb\nc\rd"), "a\\tb\\nc\\rd");
        assert_ne!(id_key("a\\tb"), id_key("a\tb"));
    }

    #[test]
    fn story_keys_have_one_width_and_sort_like_their_index() {
        assert_eq!(story_key(0), "s00000001");
        assert!(story_key(8) < story_key(9) && story_key(9) < story_key(10));
    }

    /// Each story reduced alone, then merged, gives the analysis of the
    /// one-shot run, also when the stories come in reverse order.
    #[test]
    fn stories_reduced_apart_merge_into_the_one_shot_analysis() {
        let opts = Options::default();
        let oneshot = pipeline::analyze_records(records(), Vec::new(), &opts);
        let plan = plan(records(), Vec::new(), &opts);
        assert!(plan.headers.len() >= 2, "the fixture has several stories");
        let mut groups: BTreeMap<usize, Vec<(Keys, ArticleRecord)>> = BTreeMap::new();
        for (k, r) in plan.keys.into_iter().zip(plan.records) {
            groups.entry(k.story).or_default().push((k, r));
        }
        let mut results: Vec<StoryResult> = plan
            .headers
            .into_iter()
            .map(|h| {
                let mut items = groups.remove(&h.story).unwrap_or_default();
                items.reverse();
                reduce_story(h, items)
            })
            .collect();
        results.reverse();
        let merged = merge(plan.global.clone(), results).expect("merge");
        for detail in [Detail::Standard, Detail::Full] {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            crate::render::json::write_analysis(&oneshot, false, detail, &mut a).expect("write");
            crate::render::json::write_analysis(&merged, false, detail, &mut b).expect("write");
            assert!(a == b, "{detail:?}: merged report differs from the one-shot report");
        }
    }

    #[test]
    fn a_lost_story_or_unsorted_input_is_an_error() {
        let plan = plan(records(), Vec::new(), &Options::default());
        assert!(matches!(merge(plan.global.clone(), Vec::new()), Err(MapReduceError::Missing { .. })));
        let mut r = Reducer::new();
        let h = plan.headers[0].clone();
        let k = story_key(h.story);
        r.push(&k, Line::Story(h)).expect("first");
        r.push(GLOBAL_KEY, Line::Global(Box::new(plan.global.clone()))).expect("second key");
        let h = plan.headers[0].clone();
        assert!(matches!(r.push(&k, Line::Story(h)), Err(MapReduceError::Unsorted { .. })));
        let mut r = Reducer::new();
        let record = Box::new(plan.records[0].clone());
        r.push("s00000001", Line::Article { keys: plan.keys[0].clone(), record }).expect("push");
        assert!(matches!(r.finish(), Err(MapReduceError::NoHeader { .. })));
    }
}
