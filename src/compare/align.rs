//! Event dates inside a story, and the per-story driver every fact aligner
//! runs under. (Numbers, statements, names and places are compared on fact
//! frames in `compare::facts`.)
//!
//! ## Event dates
//! A full date (`YYYY-MM-DD`) in a claim, next to an event verb ("ended",
//! "closed", "began") with an event noun in the sentence ("summit", "talks",
//! "vote"), is keyed by (noun class, verb class). Sentences about plans or
//! expectations ("expected to end by Thursday") are skipped. One date from
//! two sources is an agreement; different dates less than two weeks apart
//! are a conflict with confidence 0.5 (date resolution can be wrong).
//!
//! Cost: O(dates) per story with BTreeMap grouping.

use std::collections::{BTreeMap, BTreeSet};

use super::Ctx;
use super::lexicon::*;
use super::text::{lemma, norm, words};
use crate::model::{DateKind, Evidence, SingleSourceFact, Topic, TopicKind, TopicValue};

#[derive(Debug, Default)]
pub struct Aligned {
    pub agreements: Vec<Topic>,
    pub conflicts: Vec<Topic>,
    pub single_source: Vec<SingleSourceFact>,
}

// ------------------------------------------------------------------ event dates

struct DateItem {
    art: usize,
    value: String,
    noun: String,
    evidence: Evidence,
}

fn is_full_date(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

pub fn event_dates(ctx: &Ctx) -> Aligned {
    per_story(ctx, |story, claims| {
        let mut out = Aligned::default();
        let mut by_key: BTreeMap<(String, String), Vec<DateItem>> = BTreeMap::new();
        for &(art, ci) in claims {
            let rec = &ctx.records[art];
            let claim = &rec.claims[ci];
            let ws = words(&claim.text);
            let lower: Vec<String> = ws.iter().map(|w| norm(w.text)).collect();
            let mut seen_key = BTreeSet::new();
            for &di in &claim.dates {
                let Some(d) = rec.dates.get(di) else { continue };
                let Some(value) = d.value.as_deref() else {
                    continue;
                };
                if d.kind != DateKind::Date || !is_full_date(value) {
                    continue;
                }
                let pos = match claim.text.find(d.text.as_str()) {
                    Some(p) if !d.text.is_empty() => p,
                    _ => continue,
                };
                let Some(di_word) = ws.iter().position(|w| w.start >= pos) else {
                    continue;
                };
                // The nearest event verb within ten words.
                let verb = (di_word.saturating_sub(10)..(di_word + 10).min(ws.len()))
                    .filter_map(|k| event_verb_class(&lower[k]).map(|c| (k.abs_diff(di_word), k, c)))
                    .min();
                let Some((_, vk, verb)) = verb else { continue };
                // An event noun within eight words of the verb.
                let noun = (vk.saturating_sub(8)..(vk + 8).min(ws.len()))
                    .filter_map(|k| {
                        let l = lemma(ws[k].text);
                        event_noun_class(&l).map(|c| (k.abs_diff(vk), l, c))
                    })
                    .min();
                let Some((_, noun_word, class)) = noun else {
                    continue;
                };
                // Plans and deadlines are not dates of events: "expected to
                // end", "due to close by Friday".
                let lo = di_word.min(vk).saturating_sub(6);
                let hi = (di_word.max(vk) + 2).min(ws.len());
                if lower[lo..hi].iter().any(|w| is_modal_word(w))
                    || (di_word > 0 && matches!(lower[di_word - 1].as_str(), "by" | "until" | "before"))
                {
                    continue;
                }
                let key = (class.to_string(), verb.to_string());
                if !seen_key.insert(key.clone()) {
                    continue;
                }
                by_key.entry(key).or_default().push(DateItem {
                    art,
                    value: value.to_string(),
                    noun: noun_word,
                    evidence: Evidence {
                        article: rec.article.id.clone(),
                        start: d.start,
                        end: d.end,
                        text: d.text.clone(),
                    },
                });
            }
        }
        for ((_, verb), items) in by_key {
            let mut by_value: BTreeMap<String, Vec<&DateItem>> = BTreeMap::new();
            for it in &items {
                by_value.entry(it.value.clone()).or_default().push(it);
            }
            let mut nouns: BTreeMap<&str, usize> = BTreeMap::new();
            for it in &items {
                *nouns.entry(it.noun.as_str()).or_default() += 1;
            }
            let noun = nouns.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(n, _)| *n).unwrap_or("");
            let topic_label = format!("date {noun} {verb}");
            let values: Vec<TopicValue> = by_value
                .iter()
                .map(|(v, its)| {
                    let mut articles: Vec<crate::model::ArticleId> =
                        its.iter().map(|i| i.evidence.article.clone()).collect();
                    articles.sort();
                    articles.dedup();
                    let mut evidence: Vec<Evidence> = its.iter().map(|i| i.evidence.clone()).collect();
                    evidence.sort();
                    TopicValue { value: v.clone(), articles, evidence, sources: Vec::new() }
                })
                .collect();
            let sources = ctx.sources(items.iter().map(|i| i.art));
            let story_id = ctx.story_ids[story].clone();
            if by_value.len() == 1 {
                if sources >= 2 {
                    out.agreements.push(Topic {
                        topic: topic_label,
                        kind: TopicKind::EventDate,
                        story: story_id,
                        values,
                        confidence: 0.7,
                        independent_sources: sources,
                        self_contradiction: false,
                        note: None,
                        nature: None,
                    });
                }
                continue;
            }
            let days: Vec<i64> = by_value.keys().filter_map(|v| day_number(v)).collect();
            let spread = days.iter().max().zip(days.iter().min()).map(|(a, b)| a - b).unwrap_or(i64::MAX);
            if spread > 14 || sources < 2 {
                continue;
            }
            out.conflicts.push(Topic {
                topic: topic_label,
                kind: TopicKind::EventDate,
                story: story_id,
                values,
                confidence: 0.5,
                independent_sources: sources,
                self_contradiction: false,
                note: Some("dates resolved from relative expressions may be off".into()),
                nature: None,
            });
        }
        out
    })
}

fn day_number(v: &str) -> Option<i64> {
    let d: jiff::civil::Date = v.parse().ok()?;
    Some(d.since(jiff::civil::date(2000, 1, 1)).ok()?.get_days().into())
}

/// Run `f` on every story's claims in parallel (stories are independent:
/// nothing is compared across them) and concatenate the results in story
/// order, so the output does not depend on the thread count.
pub fn per_story<F>(ctx: &Ctx, f: F) -> Aligned
where
    F: Fn(usize, &[(usize, usize)]) -> Aligned + Sync,
{
    use rayon::prelude::*;
    let parts: Vec<Aligned> = ctx.story_claims.par_iter().enumerate().map(|(story, claims)| f(story, claims)).collect();
    let mut out = Aligned::default();
    for mut p in parts {
        out.agreements.append(&mut p.agreements);
        out.conflicts.append(&mut p.conflicts);
        out.single_source.append(&mut p.single_source);
    }
    out
}
