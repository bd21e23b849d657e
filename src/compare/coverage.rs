//! Coverage, name variants and citations.
//!
//! * Coverage: in each story of two or more independent sources, the people
//!   and organizations that at least two story articles mention (or one
//!   mentions three times or more), and the story articles that leave them
//!   out. O(mentioned entities × story articles) per story.
//! * Name variants: entities spelled more than one way across articles. A
//!   form that is only a part of another form ("Volkov" of "Sergei Volkov")
//!   is a short mention, not a different spelling, and is left out; so are
//!   forms that differ only in case. O(spellings²) per entity, tiny.
//! * Citations: every article's attributions to other outlets, sorted.

use std::collections::{BTreeMap, BTreeSet};

use super::Ctx;
use crate::model::{Citation, Coverage, Entity, EntityKind, NameVariant, Spelling};

pub fn coverage(ctx: &Ctx) -> Vec<Coverage> {
    let mut out = Vec::new();
    for (story, claims_story) in ctx.story_articles.iter().enumerate() {
        let arts: BTreeSet<&str> = claims_story.iter().map(|&a| ctx.records[a].article.id.as_ref()).collect();
        if ctx.sources(claims_story.iter().copied()) < 2 {
            continue;
        }
        // Only the entities the story's articles mention (not every entity of
        // the corpus for every story).
        let ids: BTreeSet<&str> =
            claims_story.iter().flat_map(|&a| ctx.article_entities[a].iter().map(String::as_str)).collect();
        for e in ids.iter().filter_map(|id| ctx.entity_by_id.get(id).copied()) {
            if e.outlet || !matches!(e.kind, EntityKind::Person | EntityKind::Organization) {
                continue;
            }
            // Looked up per story article: a widely reported entity has
            // mention counts in thousands of articles of other stories.
            let present: Vec<String> = arts
                .iter()
                .filter(|a| e.mention_counts.get(**a).is_some_and(|&c| c > 0))
                .map(|a| a.to_string())
                .collect();
            let total: usize = present.iter().filter_map(|a| e.mention_counts.get(a)).sum();
            if present.is_empty() || (present.len() < 2 && total < 3) {
                continue;
            }
            let missing: Vec<String> =
                arts.iter().filter(|a| !present.iter().any(|p| p == *a)).map(|a| a.to_string()).collect();
            if missing.is_empty() {
                continue;
            }
            out.push(Coverage {
                story: ctx.story_ids[story].clone(),
                entity: e.id.clone(),
                name: e.name.clone(),
                present_count: present.len(),
                present,
                missing,
            });
        }
    }
    // Most covered first: those are the ones whose absence says something.
    out.sort_by(|a, b| {
        a.story
            .cmp(&b.story)
            .then(b.present.len().cmp(&a.present.len()))
            .then(a.name.cmp(&b.name))
            .then(a.entity.cmp(&b.entity))
    });
    out
}

/// The lowercase runs of letters and digits of a name.
fn tokens(s: &str) -> BTreeSet<String> {
    crate::lang::pieces(s)
        .into_iter()
        .filter(|&p| crate::lang::is_run(s, p))
        .map(|p| s[p.start..p.end].to_lowercase())
        .collect()
}

pub fn name_variants(entities: &[Entity]) -> Vec<NameVariant> {
    let mut out = Vec::new();
    for e in entities {
        if e.spellings.len() < 2 {
            continue;
        }
        // Merge forms that differ only in case.
        let mut merged: BTreeMap<String, Spelling> = BTreeMap::new();
        for s in &e.spellings {
            let k = s.form.to_lowercase();
            let entry = merged.entry(k).or_insert_with(|| Spelling { form: s.form.clone(), articles: vec![] });
            entry.articles.extend(s.articles.iter().cloned());
        }
        let forms: Vec<Spelling> = merged.into_values().collect();
        let toks: Vec<BTreeSet<String>> = forms.iter().map(|s| tokens(&s.form)).collect();
        let mut kept: Vec<Spelling> = forms
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                !toks.iter().enumerate().any(|(j, t)| j != *i && toks[*i].len() < t.len() && toks[*i].is_subset(t))
            })
            .map(|(_, s)| {
                let mut s = s.clone();
                s.articles.sort();
                s.articles.dedup();
                s
            })
            .collect();
        if kept.len() < 2 {
            continue;
        }
        kept.sort_by(|a, b| b.articles.len().cmp(&a.articles.len()).then(a.form.cmp(&b.form)));
        out.push(NameVariant { entity: e.id.clone(), name: e.name.clone(), spellings: kept });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name).then(a.entity.cmp(&b.entity)));
    out
}

pub fn citations(ctx: &Ctx) -> Vec<Citation> {
    let mut out: Vec<Citation> = ctx.records.iter().flat_map(|r| r.citations.iter().cloned()).collect();
    out.sort_by(|a, b| {
        (a.article.as_ref(), a.evidence.start, a.outlet.as_str()).cmp(&(
            b.article.as_ref(),
            b.evidence.start,
            b.outlet.as_str(),
        ))
    });
    out
}
