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
use crate::model::{DateKind, DateMention, Evidence, SingleSourceFact, Topic, TopicKind, TopicValue};

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
            for d in claim.dates.iter().filter_map(|&di| rec.dates.get(di)) {
                let Some((key, value, noun)) = dated_event(&claim.text, &ws, &lower, d) else { continue };
                if !seen_key.insert(key.clone()) {
                    continue;
                }
                let evidence =
                    Evidence { article: rec.article.id.clone(), start: d.start, end: d.end, text: d.text.clone() };
                by_key.entry(key).or_default().push(DateItem { art, value, noun, evidence });
            }
        }
        for ((_, verb), items) in by_key {
            date_topic(ctx, &ctx.story_ids[story], &verb, &items, &mut out);
        }
        out
    })
}

/// A full calendar date of a claim that dates an event: the nearest event
/// verb within ten words and an event noun within eight of the verb, not a
/// plan or a deadline. Returns the (noun class, verb class) key, the date's
/// value and the noun.
fn dated_event(
    text: &str,
    ws: &[super::text::Word],
    lower: &[String],
    d: &DateMention,
) -> Option<((String, String), String, String)> {
    let value = d.value.as_deref()?;
    if d.kind != DateKind::Date || !is_full_date(value) || d.text.is_empty() {
        return None;
    }
    let pos = text.find(d.text.as_str())?;
    let di_word = ws.iter().position(|w| w.start >= pos)?;
    // The nearest event verb within ten words.
    let (_, vk, verb) = (di_word.saturating_sub(10)..(di_word + 10).min(ws.len()))
        .filter_map(|k| event_verb_class(&lower[k]).map(|c| (k.abs_diff(di_word), k, c)))
        .min()?;
    // An event noun within eight words of the verb.
    let (_, noun_word, class) = (vk.saturating_sub(8)..(vk + 8).min(ws.len()))
        .filter_map(|k| {
            let l = lemma(ws[k].text);
            event_noun_class(&l).map(|c| (k.abs_diff(vk), l, c))
        })
        .min()?;
    // Plans and deadlines are not dates of events: "expected to
    // end", "due to close by Friday".
    let lo = di_word.min(vk).saturating_sub(6);
    let hi = (di_word.max(vk) + 2).min(ws.len());
    if lower[lo..hi].iter().any(|w| is_modal_word(w))
        || (di_word > 0 && matches!(lower[di_word - 1].as_str(), "by" | "until" | "before"))
    {
        return None;
    }
    Some(((class.to_string(), verb.to_string()), value.to_string(), noun_word))
}

/// The dates a story gives one kind of event: an agreement when two
/// sources give one value, a conflict when values within two weeks differ.
fn date_topic(ctx: &Ctx, story_id: &str, verb: &str, items: &[DateItem], out: &mut Aligned) {
    let mut by_value: BTreeMap<String, Vec<&DateItem>> = BTreeMap::new();
    for it in items {
        by_value.entry(it.value.clone()).or_default().push(it);
    }
    let mut nouns: BTreeMap<&str, usize> = BTreeMap::new();
    for it in items {
        *nouns.entry(it.noun.as_str()).or_default() += 1;
    }
    let noun = nouns.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(n, _)| *n).unwrap_or("");
    let topic_label = format!("date {noun} {verb}");
    let values: Vec<TopicValue> = by_value
        .iter()
        .map(|(v, its)| {
            let mut articles: Vec<crate::model::ArticleId> = its.iter().map(|i| i.evidence.article.clone()).collect();
            articles.sort();
            articles.dedup();
            let mut evidence: Vec<Evidence> = its.iter().map(|i| i.evidence.clone()).collect();
            evidence.sort();
            TopicValue { value: v.clone(), articles, evidence, sources: Vec::new() }
        })
        .collect();
    let sources = ctx.sources(items.iter().map(|i| i.art));
    let agreement = by_value.len() == 1;
    if agreement && sources < 2 {
        return;
    }
    if !agreement {
        let days: Vec<i64> = by_value.keys().filter_map(|v| day_number(v)).collect();
        let spread = days.iter().max().zip(days.iter().min()).map(|(a, b)| a - b).unwrap_or(i64::MAX);
        if spread > 14 || sources < 2 {
            return;
        }
    }
    let topic = Topic {
        topic: topic_label,
        kind: TopicKind::EventDate,
        story: story_id.to_string(),
        values,
        confidence: if agreement { 0.7 } else { 0.5 },
        independent_sources: sources,
        self_contradiction: false,
        note: (!agreement).then(|| "dates resolved from relative expressions may be off".into()),
        nature: None,
    };
    if agreement { out.agreements.push(topic) } else { out.conflicts.push(topic) }
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
