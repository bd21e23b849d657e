//! Stories: group articles that report the same event, so that facts are
//! only compared inside a story.
//!
//! Each article's term set is its sketch terms plus its resolved entity ids.
//! Terms are weighted `ln(1 + N/df)` (names count double). An inverted index
//! gives candidate pairs only through shared terms whose document frequency
//! is at most [`MAX_DF`] (so "government" in a corpus of 100,000 articles
//! never makes pairs); each candidate pair accumulates the weight of the
//! terms it shares. A pair is linked when its shared weight is a large enough
//! share of the lighter article's total; with fewer than two shared names, or for articles published more than a week apart, it
//! takes twice the overlap (each condition doubles it). Linked pairs and syndicated copies are merged by
//! union-find; every component is a story (an unlinked article is a story of
//! its own).
//!
//! Cost: O(Σ df²) over terms with df ≤ MAX_DF, i.e. at most O(P · MAX_DF)
//! for P postings, plus O(N α(N)) for union-find. Never all pairs of articles.

use std::collections::{BTreeMap, HashMap};

use super::sketch::{is_name_term, name_term};
use super::text::UnionFind;
use crate::model::{ArticleRecord, Entity, EntityKind, Story};

/// Terms held by more articles than this make no candidate pairs.
const MAX_DF: usize = 200;
/// Share of the lighter article's term weight two articles must share.
const LINK: f64 = 0.12;

pub struct Grouping {
    pub stories: Vec<Story>,
    /// Story index (into `stories`) per article.
    pub story_of: Vec<usize>,
}

fn days(date: Option<&str>) -> Option<i64> {
    let d: jiff::civil::Date = date?.parse().ok()?;
    Some(
        d.since(jiff::civil::date(2000, 1, 1))
            .ok()?
            .get_days()
            .into(),
    )
}

pub fn group(
    records: &[ArticleRecord],
    entities: &BTreeMap<&str, &Entity>,
    article_entities: &[Vec<String>],
    copies: &[(usize, usize, f64)],
) -> Grouping {
    let n = records.len();
    let terms: Vec<Vec<u64>> = records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut t = r.sketch.terms.clone();
            for id in article_entities.get(i).into_iter().flatten() {
                if entities
                    .get(id.as_str())
                    .is_some_and(|e| !e.outlet && e.kind != EntityKind::Other)
                {
                    t.push(name_term(&format!("entity:{id}")));
                }
            }
            t.sort_unstable();
            t.dedup();
            t
        })
        .collect();

    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, ts) in terms.iter().enumerate() {
        for &t in ts {
            postings.entry(t).or_default().push(i);
        }
    }
    let weight = |t: u64, df: usize| {
        let w = (1.0 + n as f64 / df.max(1) as f64).ln();
        if is_name_term(t) { 2.0 * w } else { w }
    };
    let totals: Vec<f64> = terms
        .iter()
        .map(|ts| {
            ts.iter()
                .map(|t| weight(*t, postings.get(t).map_or(1, Vec::len)))
                .sum()
        })
        .collect();

    // Shared weight per candidate pair, summed in term order (deterministic).
    let max_df = MAX_DF.min(n.max(2));
    let mut sorted_terms: Vec<(&u64, &Vec<usize>)> = postings
        .iter()
        .filter(|(_, p)| p.len() >= 2 && p.len() <= max_df)
        .collect();
    sorted_terms.sort_by_key(|(t, _)| **t);
    let mut shared: HashMap<(usize, usize), (f64, u32)> = HashMap::new();
    for (&t, list) in sorted_terms {
        let w = weight(t, list.len());
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                let e = shared.entry((a, b)).or_insert((0.0, 0));
                e.0 += w;
                if is_name_term(t) {
                    e.1 += 1;
                }
            }
        }
    }

    let dates: Vec<Option<i64>> = records
        .iter()
        .map(|r| days(r.article.published.as_deref()))
        .collect();
    let mut uf = UnionFind::new(n);
    let mut pairs: Vec<((usize, usize), (f64, u32))> = shared.into_iter().collect();
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    for ((a, b), (w, names)) in pairs {
        let lighter = totals[a].min(totals[b]);
        if lighter <= 0.0 {
            continue;
        }
        let mut need = LINK;
        // Shared names tie two reports to one event more than words do.
        if names < 2 {
            need *= 2.0;
        }
        if let (Some(da), Some(db)) = (dates[a], dates[b])
            && (da - db).abs() > 7
        {
            need *= 2.0;
        }
        if std::env::var_os("ANALYZE_DEBUG_STORIES").is_some() {
            eprintln!(
                "{} {} share {:.3} names {names} need {need:.2}",
                records[a].article.id,
                records[b].article.id,
                w / lighter
            );
        }
        if w / lighter >= need {
            uf.union(a, b);
        }
    }
    for &(a, b, _) in copies {
        uf.union(a, b);
    }

    let mut comps = uf.components();
    // Largest story first, then by first article id.
    comps.sort_by(|a, b| {
        b.len().cmp(&a.len()).then_with(|| {
            let fa = a.iter().map(|&i| &records[i].article.id).min();
            let fb = b.iter().map(|&i| &records[i].article.id).min();
            fa.cmp(&fb)
        })
    });
    let mut story_of = vec![0; n];
    let mut stories = Vec::with_capacity(comps.len());
    for (k, comp) in comps.iter().enumerate() {
        let mut arts: Vec<String> = comp
            .iter()
            .map(|&i| records[i].article.id.clone())
            .collect();
        arts.sort();
        for &i in comp {
            story_of[i] = k;
        }
        stories.push(Story {
            id: format!("s{}", k + 1),
            label: label(records, entities, article_entities, comp),
            articles: arts,
        });
    }
    Grouping { stories, story_of }
}

/// The names most story articles mention (people and organizations before
/// places), else the first article's headline.
fn label(
    records: &[ArticleRecord],
    entities: &BTreeMap<&str, &Entity>,
    article_entities: &[Vec<String>],
    comp: &[usize],
) -> String {
    let mut count: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for &i in comp {
        for id in article_entities.get(i).into_iter().flatten() {
            if let Some(e) = entities.get(id.as_str())
                && !e.outlet
                && e.kind != EntityKind::Other
            {
                let c = count.entry(e.name.as_str()).or_insert((0, 0));
                c.0 += 1;
                c.1 += e
                    .mention_counts
                    .get(&records[i].article.id)
                    .copied()
                    .unwrap_or(0);
            }
        }
    }
    let mut ranked: Vec<(&str, (usize, usize))> = count.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let names: Vec<&str> = ranked.iter().take(3).map(|(n, _)| *n).collect();
    if !names.is_empty() {
        return names.join(", ");
    }
    comp.iter()
        .filter_map(|&i| records[i].article.headline.clone())
        .next()
        .unwrap_or_else(|| {
            records
                .get(comp[0])
                .map(|r| r.article.id.clone())
                .unwrap_or_default()
        })
}
