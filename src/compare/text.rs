//! Small text helpers shared by the comparison steps: a word tokenizer with
//! byte offsets, a crude English lemmatizer, stopwords, and fixed hashes.
//!
//! The hashes are FNV-1a and the SplitMix64 finalizer: fixed functions, so a
//! sketch computed on one machine (or in one map task) matches one computed on
//! another. `RandomState` is never used for anything that reaches output.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over bytes.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_continue(FNV_OFFSET, bytes)
}

pub fn fnv1a_continue(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// SplitMix64 finalizer: a cheap, well-mixing bijection on u64.
pub fn mix64(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// FNV-1a of the lowercase form of `word`, without allocating.
pub fn hash_lower(word: &str) -> u64 {
    let mut h = FNV_OFFSET;
    let mut buf = [0u8; 4];
    for c in word.chars() {
        if c.is_ascii() {
            h = fnv1a_continue(h, &[c.to_ascii_lowercase() as u8]);
        } else {
            for lc in c.to_lowercase() {
                h = fnv1a_continue(h, lc.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    h
}

pub use crate::lang::{Word, words};

/// Lowercase and strip a possessive.
pub fn norm(word: &str) -> String {
    let w = word.to_lowercase();
    for suf in ["'s", "’s", "s'", "s’"] {
        if let Some(stem) = w.strip_suffix(suf) {
            return if suf.starts_with('s') { format!("{stem}s") } else { stem.to_string() };
        }
    }
    w
}

/// The lemma of a word as written: [`norm`] (lower case, no possessive),
/// then the one lemmatizer, [`crate::lang::lemma`].
pub fn lemma(word: &str) -> String {
    crate::lang::lemma(&norm(word))
}

/// Function words and other words too common in news to tell stories apart.
pub fn is_stopword(lower: &str) -> bool {
    crate::lang::is(crate::lang::Class::StoryStopword, lower)
}

static STOPWORD_HASHES: LazyLock<HashSet<u64>> =
    LazyLock::new(|| crate::lang::members(crate::lang::Class::StoryStopword).map(hash_lower).collect());

/// Stopword test on a hash from [`hash_lower`] (the sketch avoids allocating).
pub fn is_stopword_hash(h: u64) -> bool {
    STOPWORD_HASHES.contains(&h)
}

/// Parse a number token as the tokenizer yields it ("2,000", "1.2").
pub fn parse_number(tok: &str) -> Option<f64> {
    let cleaned: String = tok.chars().filter(|c| *c != ',').collect();
    cleaned.parse::<f64>().ok()
}

/// Minimal union-find with path halving; merges keep the smaller index as
/// root so that roots are deterministic.
#[derive(Debug, Clone)]
pub struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    pub fn new(n: usize) -> Self {
        UnionFind { parent: (0..n).collect() }
    }

    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }

    /// Components as sorted index lists, ordered by their smallest member.
    pub fn components(&mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for i in 0..n {
            let r = self.find(i);
            by_root.entry(r).or_default().push(i);
        }
        by_root.into_values().collect()
    }

    /// The components of two or more members, as [`Self::components`] lists
    /// them. Callers that skip singletons use this: a story's claims are
    /// mostly singletons, and a list for each was 12 MB of the peak on a
    /// 96,000-claim story.
    pub fn groups(&mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let roots: Vec<usize> = (0..n).map(|i| self.find(i)).collect();
        let mut size = vec![0u32; n];
        for &r in &roots {
            size[r] += 1;
        }
        let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for (i, &r) in roots.iter().enumerate() {
            if size[r] >= 2 {
                by_root.entry(r).or_insert_with(|| Vec::with_capacity(size[r] as usize)).push(i);
            }
        }
        by_root.into_values().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemma_meets_plurals_and_possessives() {
        assert_eq!(lemma("Homes"), "home");
        assert_eq!(lemma("talks"), "talk");
        assert_eq!(lemma("countries"), "country");
        assert_eq!(lemma("Ukraine's"), "ukraine");
        assert_eq!(lemma("residents"), "resident");
        assert_eq!(lemma("status"), "status");
        assert_eq!(lemma("people"), "people");
    }

    #[test]
    fn hash_lower_ignores_case_and_handles_non_ascii() {
        assert_eq!(hash_lower("Zoë"), hash_lower("ZOË"));
        assert_eq!(hash_lower("Vienna"), fnv1a(b"vienna"));
        assert!(is_stopword_hash(hash_lower("The")));
        assert!(!is_stopword_hash(hash_lower("summit")));
    }

    #[test]
    fn union_find_roots_are_smallest() {
        let mut uf = UnionFind::new(5);
        uf.union(4, 2);
        uf.union(2, 3);
        assert_eq!(uf.components(), vec![vec![0], vec![1], vec![2, 3, 4]]);
        uf.union(1, 0);
        assert_eq!(uf.groups(), vec![vec![0, 1], vec![2, 3, 4]]);
        assert!(UnionFind::new(3).groups().is_empty());
    }
}
