//! `--baseline OLD.json`: what changed since an earlier report.
//!
//! A CI job keeps the last report and compares each new drop with it, then
//! stores the new report as the next baseline. For that to work:
//!
//! * the report keeps everything and only adds a [`Changes`] section, so the
//!   stored report is a whole one (a diff-only report would make every
//!   standing conflict look new on the next run). What is read of the
//!   baseline (`tool`, article ids and content hashes, stories, conflicts,
//!   single-source facts) is in the standard report (`--format json`) as in
//!   the full one, so either can be the baseline;
//! * articles are matched by content hash first, so renaming, moving or
//!   giving another path to the same file changes nothing;
//! * a conflict is identified by what it is about (its story, kind and
//!   topic), not by its values: a new value on a standing conflict makes it
//!   "changed", not "resolved" plus "new". Story ids are renumbered when
//!   articles come and go, so a story is identified by the baseline story
//!   that holds most of its articles;
//! * a single-source fact is identified by its article (matched as above),
//!   kind and sentence.
//!
//! All matching is through sorted maps: O(n log n) in articles and facts.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{ChangedConflict, Changes, RenamedArticle, Report, SingleSourceFact, Topic, TopicKind};

/// How this run's articles relate to the baseline's.
struct ArticleMatch {
    /// This report's article id → the baseline's id for the same article.
    to_old: BTreeMap<String, String>,
    new: Vec<String>,
    removed: Vec<String>,
    renamed: Vec<RenamedArticle>,
    edited: Vec<String>,
}

fn match_articles(old: &Report, new: &Report) -> ArticleMatch {
    let old_by_id: BTreeMap<&str, Option<&str>> =
        old.articles.iter().map(|a| (a.id.as_ref(), a.content_hash.as_deref())).collect();
    let mut to_old = BTreeMap::new();
    let mut left_new: Vec<(&str, Option<&str>)> = Vec::new();
    let mut taken: BTreeSet<&str> = BTreeSet::new();
    // Same id and same content (or a baseline too old to have hashes).
    for a in &new.articles {
        let (id, h) = (a.id.as_ref(), a.content_hash.as_deref());
        match old_by_id.get(id) {
            Some(oh) if oh.is_none() || h.is_none() || *oh == h => {
                to_old.insert(id.to_string(), id.to_string());
                taken.insert(id);
            }
            _ => left_new.push((id, h)),
        }
    }
    // Same content under another id. Identical files are paired in id order.
    let mut old_by_hash: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for a in &old.articles {
        if let Some(h) = a.content_hash.as_deref()
            && !taken.contains(a.id.as_ref())
        {
            old_by_hash.entry(h).or_default().push(a.id.as_ref());
        }
    }
    for ids in old_by_hash.values_mut() {
        ids.reverse();
    }
    let mut renamed = Vec::new();
    let mut left_after_hash = Vec::new();
    for (id, h) in left_new {
        match h.and_then(|h| old_by_hash.get_mut(h)).and_then(Vec::pop) {
            Some(from) => {
                taken.insert(from);
                to_old.insert(id.to_string(), from.to_string());
                renamed.push(RenamedArticle { from: from.to_string(), to: id.to_string() });
            }
            None => left_after_hash.push(id),
        }
    }
    // Same id, other content: an edited article, still the same article.
    let mut edited = Vec::new();
    let mut added = Vec::new();
    for id in left_after_hash {
        if old_by_id.contains_key(id) && !taken.contains(id) {
            taken.insert(id);
            to_old.insert(id.to_string(), id.to_string());
            edited.push(id.to_string());
        } else {
            added.push(id.to_string());
        }
    }
    let removed =
        old.articles.iter().map(|a| a.id.as_ref()).filter(|id| !taken.contains(id)).map(String::from).collect();
    ArticleMatch { to_old, new: added, removed, renamed, edited }
}

/// This report's story id → the baseline story holding most of its
/// articles (ties: the lowest baseline story id). Stories with no article
/// in the baseline keep their own id, marked so it cannot equal an old one.
fn match_stories(old: &Report, new: &Report, m: &ArticleMatch) -> BTreeMap<String, String> {
    let old_story_of: BTreeMap<&str, &str> = old
        .comparison
        .stories
        .iter()
        .flat_map(|s| s.articles.iter().map(move |a| (a.as_str(), s.id.as_str())))
        .collect();
    new.comparison
        .stories
        .iter()
        .map(|s| {
            let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
            for a in &s.articles {
                if let Some(o) = m.to_old.get(a).and_then(|o| old_story_of.get(o.as_str())) {
                    *votes.entry(o).or_default() += 1;
                }
            }
            let best = votes.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(o, _)| o.to_string());
            (s.id.clone(), best.unwrap_or_else(|| format!("new:{}", s.id)))
        })
        .collect()
}

/// (story, kind, topic label, index among topics with the same three).
type TopicKey = (String, u8, String, usize);

fn kind_rank(k: TopicKind) -> u8 {
    k as u8
}

/// Keys for a list of topics, in the list's order; `story` maps the
/// report's story ids to the baseline's. Two topics with the same story,
/// kind and label (rare) are told apart by their order in the list.
fn topic_keys<'a>(list: &'a [Topic], story: &dyn Fn(&str) -> String) -> Vec<(TopicKey, &'a Topic)> {
    let mut seen: BTreeMap<(String, u8, String), usize> = BTreeMap::new();
    let mut out = Vec::with_capacity(list.len());
    for t in list {
        let s = story(&t.story);
        let n = seen.entry((s.clone(), kind_rank(t.kind), t.topic.clone())).or_default();
        out.push(((s, kind_rank(t.kind), t.topic.clone(), *n), t));
        *n += 1;
    }
    out
}

fn sorted_values(t: &Topic) -> Vec<String> {
    let mut v: Vec<String> = t.values.iter().map(|v| v.value.clone()).collect();
    v.sort();
    v
}

fn single_key(f: &SingleSourceFact, article: &str) -> (String, u8, String) {
    (article.to_string(), kind_rank(f.kind), f.evidence.text.clone())
}

/// What changed from `old` to `new`. `baseline` names the old report.
pub fn changes(old: &Report, new: &Report, baseline: &str) -> Changes {
    let m = match_articles(old, new);
    let stories = match_stories(old, new, &m);
    let same = |s: &str| s.to_string();
    let mapped = |s: &str| stories.get(s).cloned().unwrap_or_else(|| format!("new:{s}"));
    // Lists keep the reports' own order (most important first).
    let old_conf = topic_keys(&old.comparison.conflicts, &same);
    let new_conf = topic_keys(&new.comparison.conflicts, &mapped);
    let old_by_key: BTreeMap<&TopicKey, &Topic> = old_conf.iter().map(|(k, t)| (k, *t)).collect();
    let new_by_key: BTreeSet<&TopicKey> = new_conf.iter().map(|(k, _)| k).collect();
    let mut new_conflicts = Vec::new();
    let mut changed_conflicts = Vec::new();
    for (k, t) in &new_conf {
        match old_by_key.get(k) {
            None => new_conflicts.push((*t).clone()),
            Some(o) if sorted_values(o) != sorted_values(t) => {
                changed_conflicts.push(ChangedConflict { before: sorted_values(o), now: (*t).clone() })
            }
            Some(_) => {}
        }
    }
    let resolved_conflicts =
        old_conf.iter().filter(|(k, _)| !new_by_key.contains(k)).map(|(_, t)| (*t).clone()).collect();

    let old_single: BTreeSet<_> = old.comparison.single_source.iter().map(|f| single_key(f, &f.article)).collect();
    let new_single: Vec<(_, &SingleSourceFact)> = new
        .comparison
        .single_source
        .iter()
        .map(|f| {
            let a = m.to_old.get(f.article.as_ref()).cloned().unwrap_or_else(|| format!("new:{}", f.article));
            (single_key(f, &a), f)
        })
        .collect();
    let new_keys: BTreeSet<_> = new_single.iter().map(|(k, _)| k.clone()).collect();
    let new_single_source =
        new_single.iter().filter(|(k, _)| !old_single.contains(k)).map(|(_, f)| (*f).clone()).collect();
    let gone_single_source = old_single.iter().filter(|k| !new_keys.contains(*k)).count();
    Changes {
        baseline: baseline.to_string(),
        baseline_tool: old.tool.clone(),
        new_articles: m.new,
        removed_articles: m.removed,
        renamed_articles: m.renamed,
        edited_articles: m.edited,
        new_conflicts,
        changed_conflicts,
        resolved_conflicts,
        new_single_source,
        gone_single_source,
    }
}

/// Add to `report` what changed since `old`. The report itself stays whole.
pub fn apply(report: &mut Report, old: &Report, baseline: &str) {
    report.changes = Some(changes(old, report, baseline));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Comparison, Story, Summary};
    use serde_json::json;

    // Built through serde so that fields added to the model later (with
    // serde defaults) need no change here.
    fn article(id: &str, hash: &str) -> Article {
        serde_json::from_value(json!({
            "id": id, "path": id, "encoding": "utf-8", "bytes": 1, "words": 1,
            "published": null, "published_source": null, "outlet": null, "headline": null,
            "blocks": [], "sentence_count": 1, "boilerplate_blocks": 0, "content_hash": hash,
        }))
        .expect("an article")
    }

    /// A quantity conflict in `story` with `(value, article)` pairs.
    fn conflict(story: &str, topic: &str, values: &[(&str, &str)]) -> Topic {
        let values: Vec<_> = values
            .iter()
            .map(|(v, a)| {
                json!({"value": v, "articles": [a], "evidence": [{"article": a, "start": 0, "end": v.len(), "text": v}]})
            })
            .collect();
        serde_json::from_value(json!({
            "topic": topic, "kind": "quantity", "story": story, "values": values,
            "confidence": 0.8, "independent_sources": values.len(),
        }))
        .expect("a topic")
    }

    fn report(arts: &[(&str, &str)], stories: &[(&str, &[&str])], conflicts: Vec<Topic>) -> Report {
        Report {
            schema_version: crate::model::SCHEMA_VERSION,
            tool: "analyze test".into(),
            summary: Summary::default(),
            articles: arts.iter().map(|(id, h)| article(id, h)).collect(),
            entities: vec![],
            quotes: vec![],
            dates: vec![],
            claims: vec![],
            comparison: Comparison {
                stories: stories
                    .iter()
                    .map(|(id, a)| Story {
                        id: id.to_string(),
                        label: "flood".into(),
                        articles: a.iter().map(|s| s.to_string()).collect(),
                    })
                    .collect(),
                conflicts,
                ..Default::default()
            },
            warnings: vec![],
            changes: None,
        }
    }

    #[test]
    fn renamed_files_are_the_same_articles() {
        let old = report(&[("a.txt", "h1"), ("b.txt", "h2"), ("c.txt", "h3")], &[("s1", &["a.txt", "b.txt"])], vec![]);
        let new = report(
            &[("in/a.txt", "h1"), ("in/b.txt", "h2"), ("c.txt", "h9"), ("d.txt", "h4")],
            &[("s1", &["d.txt"]), ("s2", &["in/a.txt", "in/b.txt"])],
            vec![],
        );
        let c = changes(&old, &new, "old.json");
        assert_eq!(c.new_articles, ["d.txt"]);
        assert!(c.removed_articles.is_empty());
        assert_eq!(c.edited_articles, ["c.txt"]);
        assert_eq!(
            c.renamed_articles,
            [
                RenamedArticle { from: "a.txt".into(), to: "in/a.txt".into() },
                RenamedArticle { from: "b.txt".into(), to: "in/b.txt".into() }
            ]
        );
        // The renumbered story s2 is the baseline's s1.
        let s = match_stories(&old, &new, &match_articles(&old, &new));
        assert_eq!(s["s2"], "s1");
        assert_eq!(s["s1"], "new:s1");
    }

    #[test]
    fn a_baseline_without_hashes_matches_by_id() {
        let mut old = report(&[("a.txt", "h1"), ("b.txt", "h2")], &[("s1", &["a.txt", "b.txt"])], vec![]);
        for a in &mut old.articles {
            a.content_hash = None;
        }
        let new = report(&[("a.txt", "h1"), ("c.txt", "h3")], &[("s1", &["a.txt", "c.txt"])], vec![]);
        let c = changes(&old, &new, "old.json");
        assert_eq!(c.new_articles, ["c.txt"]);
        assert_eq!(c.removed_articles, ["b.txt"]);
        assert!(c.renamed_articles.is_empty() && c.edited_articles.is_empty());
    }

    #[test]
    fn a_new_value_changes_a_standing_conflict() {
        let arts = [("a.txt", "h1"), ("b.txt", "h2"), ("c.txt", "h3")];
        let old = report(
            &arts[..2],
            &[("s1", &["a.txt", "b.txt"])],
            vec![conflict("s1", "people evacuated", &[("2,000", "a.txt"), ("1,800", "b.txt")])],
        );
        let new = report(
            &arts,
            &[("s1", &["a.txt", "b.txt", "c.txt"])],
            vec![conflict("s1", "people evacuated", &[("2,000", "a.txt"), ("1,800", "b.txt"), ("1,500", "c.txt")])],
        );
        let c = changes(&old, &new, "old.json");
        assert!(c.new_conflicts.is_empty(), "{:?}", c.new_conflicts);
        assert!(c.resolved_conflicts.is_empty());
        assert_eq!(c.changed_conflicts.len(), 1);
        assert_eq!(c.changed_conflicts[0].before, ["1,800", "2,000"]);
        // Unchanged against itself; and a conflict that is gone is resolved.
        let same = changes(&new, &new, "new.json");
        assert!(
            same.new_conflicts.is_empty() && same.changed_conflicts.is_empty() && same.resolved_conflicts.is_empty()
        );
        let none = report(&arts, &[("s1", &["a.txt", "b.txt", "c.txt"])], vec![]);
        assert_eq!(changes(&new, &none, "new.json").resolved_conflicts.len(), 1);
        assert_eq!(changes(&none, &new, "none.json").new_conflicts.len(), 1);
    }

    #[test]
    fn the_report_stays_whole() {
        let old = report(&[("a.txt", "h1")], &[("s1", &["a.txt"])], vec![]);
        let mut new = report(
            &[("a.txt", "h1"), ("b.txt", "h2")],
            &[("s1", &["a.txt", "b.txt"])],
            vec![conflict("s1", "fund (EUR)", &[("€400 million", "a.txt"), ("€450 million", "b.txt")])],
        );
        apply(&mut new, &old, "old.json");
        assert_eq!(new.comparison.conflicts.len(), 1);
        let c = new.changes.as_ref().expect("changes");
        assert_eq!(c.new_conflicts.len(), 1);
        assert_eq!(c.baseline, "old.json");
        // Used as the next baseline, nothing is new.
        let again = changes(&new, &new, "new.json");
        assert!(again.new_conflicts.is_empty() && again.new_articles.is_empty());
    }
}
