//! `--baseline OLD.json`: what changed since an earlier report.
//!
//! Conflicts are identified by (kind, topic label, set of value strings) and
//! single-source facts by (kind, topic, article, evidence text): story ids
//! are renumbered when articles come and go, so they are not part of the
//! identity. A conflict that gains a value counts as new (and its old form
//! as resolved): the reader should look at it again. O(n log n).

use std::collections::BTreeSet;

use crate::model::{BaselineDiff, Report, SingleSourceFact, Topic};

fn topic_key(t: &Topic) -> (String, String, Vec<String>) {
    let mut values: Vec<String> = t.values.iter().map(|v| v.value.clone()).collect();
    values.sort();
    (format!("{:?}", t.kind), t.topic.clone(), values)
}

fn single_key(f: &SingleSourceFact) -> (String, String, String, String) {
    (format!("{:?}", f.kind), f.topic.clone(), f.article.to_string(), f.evidence.text.clone())
}

/// Number of conflicts in `new` that `old` did not have (for `--fail-on conflicts --baseline`).
pub fn new_conflicts(old: &Report, new: &Report) -> usize {
    let old_conf: BTreeSet<_> = old.comparison.conflicts.iter().map(topic_key).collect();
    new.comparison.conflicts.iter().filter(|t| !old_conf.contains(&topic_key(t))).count()
}

/// Reduce `report` to what changed since `old`: its conflicts and
/// single-source facts become the new ones only, the summary counts follow,
/// and the full diff (with new articles and resolved conflicts) is stored in
/// `comparison.baseline` for the renderers.
pub fn apply(report: &mut Report, old: &Report) {
    let d = diff(old, report);
    report.comparison.conflicts = d.new_conflicts.clone();
    report.comparison.single_source = d.new_single_source.clone();
    report.summary.conflicts = report.comparison.conflicts.len();
    report.summary.single_source = report.comparison.single_source.len();
    report.comparison.baseline = Some(d);
}

pub fn diff(old: &Report, new: &Report) -> BaselineDiff {
    let old_ids: BTreeSet<&str> = old.articles.iter().map(|a| a.id.as_ref()).collect();
    let new_ids: BTreeSet<&str> = new.articles.iter().map(|a| a.id.as_ref()).collect();
    let old_conf: BTreeSet<_> = old.comparison.conflicts.iter().map(topic_key).collect();
    let new_conf: BTreeSet<_> = new.comparison.conflicts.iter().map(topic_key).collect();
    let old_single: BTreeSet<_> = old.comparison.single_source.iter().map(single_key).collect();
    BaselineDiff {
        new_articles: new_ids.difference(&old_ids).map(|s| s.to_string()).collect(),
        removed_articles: old_ids.difference(&new_ids).map(|s| s.to_string()).collect(),
        new_conflicts: new.comparison.conflicts.iter().filter(|t| !old_conf.contains(&topic_key(t))).cloned().collect(),
        resolved_conflicts: old
            .comparison
            .conflicts
            .iter()
            .filter(|t| !new_conf.contains(&topic_key(t)))
            .cloned()
            .collect(),
        new_single_source: new
            .comparison
            .single_source
            .iter()
            .filter(|f| !old_single.contains(&single_key(f)))
            .cloned()
            .collect(),
    }
}
