//! GitHub Actions annotations (`--format github`): one `::warning` per
//! conflict, at the line a reviewer should check, most important first, and
//! a closing `::notice` with the counts.
//!
//! GitHub shows only ten annotations of each level per step and drops the
//! rest without a word, so at most ten conflicts are annotated and the
//! summary says how many were not; file warnings become at most eight
//! notices plus a count, leaving room for the summary.

use super::lines::LineIndex;
use super::plural;
use crate::model::{Evidence, Report, Topic, TopicValue};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Escape a value for a workflow command (`%`, CR, LF; and `,` `:` in
/// properties). Other control and bidi characters become U+FFFD: the log
/// viewer would act on escape sequences in a file name.
fn escape_data(s: &str) -> String {
    let safe: String = s.chars().map(|c| if matches!(c, '\r' | '\n') { c } else { super::clean_char(c) }).collect();
    safe.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Annotations of one level GitHub shows per step.
const PER_STEP: usize = 10;

/// Conflicts from the most to the least important: new since the baseline
/// first, then between sources before within one article, then by
/// confidence and by the number of independent sources.
fn by_importance(report: &Report) -> Vec<&Topic> {
    let fresh = fresh_keys(report);
    let mut list: Vec<(bool, &Topic)> =
        report.comparison.conflicts.iter().map(|t| (fresh.contains(&key(t)), t)).collect();
    // Stable: equal conflicts keep the report's order.
    list.sort_by(|(new_a, a), (new_b, b)| {
        new_b
            .cmp(new_a)
            .then(a.self_contradiction.cmp(&b.self_contradiction))
            .then(b.confidence.total_cmp(&a.confidence))
            .then(b.independent_sources.cmp(&a.independent_sources))
    });
    list.into_iter().map(|(_, t)| t).collect()
}

/// A conflict as the baseline changes name it: story, topic and values.
fn key(t: &Topic) -> (&str, &str, Vec<&str>) {
    (&t.story, &t.topic, t.values.iter().map(|v| v.value.as_str()).collect())
}

/// Conflicts new or changed since the baseline.
fn fresh_keys(report: &Report) -> std::collections::BTreeSet<(&str, &str, Vec<&str>)> {
    let Some(c) = &report.changes else { return Default::default() };
    c.new_conflicts.iter().chain(c.changed_conflicts.iter().map(|x| &x.now)).map(key).collect()
}

/// The value the fewest articles give (the one that stands out, so the one
/// to check first), and its first evidence.
fn strongest(t: &Topic) -> Option<(&TopicValue, &Evidence)> {
    let v = t.values.iter().filter(|v| !v.evidence.is_empty()).min_by_key(|v| v.articles.len())?;
    Some((v, v.evidence.first()?))
}

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut idx = LineIndex::default();
    let paths: BTreeMap<&str, &str> = report.articles.iter().map(|a| (a.id.as_ref(), a.path.as_str())).collect();
    let path_of = |article: &str| paths.get(article).map_or_else(|| article.to_string(), |p| p.to_string());
    let conflicts = by_importance(report);
    let fresh = fresh_keys(report);
    let mut annotated = 0;
    for c in conflicts.iter().take(PER_STEP) {
        let Some((v, e)) = strongest(c) else { continue };
        let path = path_of(&e.article);
        let (line, col) = idx.locate(&path, e.start).unwrap_or((1, 1));
        let others: Vec<String> = c
            .values
            .iter()
            .filter(|o| !std::ptr::eq(*o, v))
            .map(|o| {
                let at = o.evidence.first().map(|e| {
                    let p = path_of(&e.article);
                    match idx.locate(&p, e.start) {
                        Some((l, _)) => format!(", first at {p}:{l}"),
                        None => format!(", first in {p}"),
                    }
                });
                format!("{} ({}{})", o.value, plural(o.articles.len(), "article", "articles"), at.unwrap_or_default())
            })
            .collect();
        let since = if fresh.contains(&key(c)) { " New or changed since the baseline." } else { "" };
        writeln!(
            out,
            "::warning file={},line={},col={},title={}::{}: this source says {}; {} say{} {} (confidence {:.2}).{}",
            escape_property(&path),
            line,
            col,
            escape_property(&format!("Conflict: {}", c.topic)),
            escape_data(&c.topic),
            escape_data(&v.value),
            if c.self_contradiction { "the same article also" } else { "other sources" },
            if c.self_contradiction { "s" } else { "" },
            escape_data(&others.join("; ")),
            c.confidence,
            since
        )?;
        annotated += 1;
    }
    const FILE_NOTICES: usize = PER_STEP - 2;
    for w in report.warnings.iter().take(FILE_NOTICES) {
        writeln!(out, "::notice file={}::{}", escape_property(&w.path), escape_data(&w.message))?;
    }
    if report.warnings.len() > FILE_NOTICES {
        writeln!(
            out,
            "::notice title=analyze::{} more file warnings (--format json lists all)",
            report.warnings.len() - FILE_NOTICES
        )?;
    }
    let s = &report.summary;
    let left = if conflicts.len() > annotated {
        format!(" ({annotated} annotated, the most important; --format markdown or json lists all)")
    } else {
        String::new()
    };
    let since = report
        .changes
        .as_ref()
        .map(|c| format!(", {} since the baseline", plural(c.new_conflicts.len(), "new conflict", "new conflicts")))
        .unwrap_or_default();
    writeln!(
        out,
        "::notice title=analyze::{}, {}, {}, {}{left}{since}, {}",
        plural(s.articles, "article", "articles"),
        plural(s.stories, "story", "stories"),
        plural(s.agreements, "agreement", "agreements"),
        plural(s.conflicts, "conflict", "conflicts"),
        plural(s.single_source, "single-source fact", "single-source facts"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_workflow_commands() {
        assert_eq!(escape_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(escape_data("a\u{1b}]0;x\u{7}b\tc"), "a\u{fffd}]0;x\u{fffd}b c");
    }
}
