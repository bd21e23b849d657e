//! Syndication: articles that are copies or near-copies of one another.
//!
//! Candidates come from LSH banding of the MinHash signatures (16 bands of 4
//! slots: a pair with Jaccard 0.6 becomes a candidate with probability ~0.89,
//! one with 0.8 with ~1.0, one with 0.2 with ~0.03). Each candidate is checked
//! on the whole signature and kept at an estimated Jaccard >= 0.6. Cost:
//! O(articles × bands) to bucket, plus the pairs inside buckets; a bucket
//! larger than [`BUCKET_ALL_PAIRS`] is checked against its first member only,
//! so a thousand identical press releases cost linear, not quadratic, time.
//!
//! Groups are the connected components of kept pairs. The original is the
//! earliest published article (undated ones last), ties broken by id.

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

use super::sketch::{MINHASH_SLOTS, estimate_jaccard};
use super::text::{UnionFind, fnv1a_continue, mix64};
use crate::model::{ArticleRecord, SyndicationGroup};

const BANDS: usize = 16;
const ROWS: usize = MINHASH_SLOTS / BANDS;
/// Estimated Jaccard of word 5-shingles at which two articles count as copies.
pub const NEAR_COPY: f64 = 0.6;
const BUCKET_ALL_PAIRS: usize = 16;

/// Near-copy pairs `(i, j, similarity)` with `i < j`, sorted.
pub fn near_copy_pairs(records: &[ArticleRecord]) -> Vec<(usize, usize, f64)> {
    let mut buckets: HashMap<u64, Vec<usize>> = HashMap::default();
    for (i, r) in records.iter().enumerate() {
        let sig = &r.sketch.minhash;
        if sig.len() != MINHASH_SLOTS {
            continue;
        }
        for b in 0..BANDS {
            let mut h = mix64(b as u64 + 1);
            for v in &sig[b * ROWS..(b + 1) * ROWS] {
                h = fnv1a_continue(h, &v.to_le_bytes());
            }
            buckets.entry(h).or_default().push(i);
        }
    }
    let mut candidates: BTreeSet<(usize, usize)> = BTreeSet::new();
    for members in buckets.values() {
        if members.len() < 2 {
            continue;
        }
        if members.len() <= BUCKET_ALL_PAIRS {
            for (x, &a) in members.iter().enumerate() {
                for &b in &members[x + 1..] {
                    candidates.insert((a.min(b), a.max(b)));
                }
            }
        } else {
            let first = members[0];
            for &b in &members[1..] {
                candidates.insert((first.min(b), first.max(b)));
            }
        }
    }
    candidates
        .into_iter()
        .filter_map(|(a, b)| {
            let s = estimate_jaccard(&records[a].sketch.minhash, &records[b].sketch.minhash);
            (s >= NEAR_COPY).then_some((a, b, s))
        })
        .collect()
}

/// Group near-copy pairs. Returns the groups (sorted by original id) and,
/// per article, the index of its group's original (itself when not a copy).
pub fn groups(records: &[ArticleRecord], pairs: &[(usize, usize, f64)]) -> (Vec<SyndicationGroup>, Vec<usize>) {
    let n = records.len();
    let mut uf = UnionFind::new(n);
    for &(a, b, _) in pairs {
        uf.union(a, b);
    }
    let mut original_of: Vec<usize> = (0..n).collect();
    let mut out = Vec::new();
    for comp in uf.groups() {
        let original = *comp
            .iter()
            .min_by(|&&a, &&b| {
                let pa = records[a].article.published.as_deref();
                let pb = records[b].article.published.as_deref();
                // Dated before undated, then earlier date, then id.
                (pa.is_none(), pa, &records[a].article.id).cmp(&(pb.is_none(), pb, &records[b].article.id))
            })
            .unwrap_or(&comp[0]);
        let mut copies: Vec<usize> = comp.iter().copied().filter(|&i| i != original).collect();
        copies.sort_by(|&a, &b| records[a].article.id.cmp(&records[b].article.id));
        let sims: Vec<f64> = copies
            .iter()
            .map(|&c| estimate_jaccard(&records[original].sketch.minhash, &records[c].sketch.minhash))
            .collect();
        let similarity = sims.iter().sum::<f64>() / sims.len().max(1) as f64;
        for &i in &comp {
            original_of[i] = original;
        }
        out.push(SyndicationGroup {
            original: records[original].article.id.to_string(),
            copies: copies.iter().map(|&c| records[c].article.id.to_string()).collect(),
            similarity: (similarity * 100.0).round() / 100.0,
        });
    }
    out.sort_by(|a, b| a.original.cmp(&b.original));
    (out, original_of)
}
