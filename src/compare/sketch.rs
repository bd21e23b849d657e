//! Per-article sketch, computed in the map step so the text can be dropped:
//!
//! * `minhash`: a 64-slot MinHash of the article's word 5-shingles, by
//!   one-permutation hashing (each shingle hashed once, its slot chosen by the
//!   hash) with rotation densification for empty slots. Two articles' share of
//!   equal slots estimates the Jaccard similarity of their shingle sets; used
//!   for near-duplicate (syndication) detection. O(words).
//! * `terms`: distinctive terms, hashed: entity names (and person surnames,
//!   so "Sergei Volkov" and "Sergey Volkov" share one), capitalized words
//!   inside sentences (names the entity extractor may have missed), numbers
//!   that are not years, and the article's most frequent content words. Name terms have the
//!   lowest bit set, other terms have it clear. Used for story grouping.
//! * `story_key`: the article's most mentioned name, a coarse partition key.
//!
//! Only content blocks count (headline, paragraphs, subheadings, social posts):
//! a banner or newsletter box shared by two pages must not make them look alike.

use rustc_hash::FxHashMap as HashMap;

use super::text::{fnv1a, hash_lower, is_stopword_hash, mix64, parse_number, words};
use crate::extract::Doc;
use crate::model::{EntityKind, LocalEntity, Mention, Sketch};

/// Slots in the MinHash signature.
pub const MINHASH_SLOTS: usize = 64;
/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Articles shorter than this (in words) get no signature: too little text
/// to call two articles copies of one another.
pub const MIN_WORDS: usize = 25;
/// Content words kept as terms.
const MAX_WORD_TERMS: usize = 40;
/// Name terms kept.
const MAX_NAME_TERMS: usize = 40;

/// Hash of a name term (lowest bit set).
pub fn name_term(name: &str) -> u64 {
    hash_lower(name) | 1
}

/// Hash of a word or number term (lowest bit clear).
pub fn word_term(h: u64) -> u64 {
    mix64(h) & !1
}

pub fn is_name_term(t: u64) -> bool {
    t & 1 == 1
}

pub fn sketch(doc: &Doc, local_entities: &[LocalEntity], mentions: &[Mention]) -> Sketch {
    let w = content_words(doc);
    let minhash = w.minhash.finish();

    // Content words: most frequent first, earlier first among equals (a
    // word of the headline or lead says more about the story).
    let mut ranked: Vec<(u64, (u32, u32))> = w.tf.into_iter().collect();
    ranked.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.1.1.cmp(&b.1.1)).then(a.0.cmp(&b.0)));
    let mut terms: Vec<u64> = ranked.iter().take(MAX_WORD_TERMS).map(|(h, _)| word_term(*h)).collect();
    terms.extend(w.numbers);
    let order = name_terms(local_entities, mentions, &mut terms);
    // Most repeated capitalized words first.
    let mut capitalized = w.capitalized;
    capitalized.sort_unstable();
    let mut caps: Vec<(usize, u64)> = capitalized.chunk_by(|a, b| a == b).map(|run| (run.len(), run[0])).collect();
    caps.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    terms.extend(caps.iter().take(MAX_NAME_TERMS).map(|&(_, h)| h | 1));
    terms.sort_unstable();
    terms.dedup();

    let story_key = order
        .first()
        .map(|&i| local_entities[i].name.to_lowercase())
        .or_else(|| ranked.first().map(|(h, _)| format!("{h:016x}")))
        .unwrap_or_default();

    Sketch { minhash, terms, story_key }
}

/// The words of an article's content blocks, counted once for the sketch.
struct ContentWords {
    /// The MinHash of the words, fed in order.
    minhash: MinHash,
    /// Content word hash -> (count, first position).
    tf: HashMap<u64, (u32, u32)>,
    /// Number terms of figures of 10 and more (years aside).
    numbers: Vec<u64>,
    /// Hashes of capitalised words inside sentences (likely names).
    capitalized: Vec<u64>,
}

fn content_words(doc: &Doc) -> ContentWords {
    let mut w =
        ContentWords { minhash: MinHash::new(), tf: HashMap::default(), numbers: Vec::new(), capitalized: Vec::new() };
    for block in doc.blocks.iter().filter(|b| b.kind.is_content()) {
        let Some(text) = doc.text.get(block.start..block.end) else {
            continue;
        };
        let mut prev_end: Option<usize> = None;
        for word in words(text) {
            let h = hash_lower(word.text);
            w.minhash.push(h);
            // A capitalized word inside a sentence is most likely a name:
            // a name term even when the entity extractor missed it.
            let sentence_start = prev_end.is_none_or(|p| {
                text[p..word.start].chars().any(|c| matches!(c, '.' | '!' | '?' | ':' | '"' | '“' | '\n'))
            });
            prev_end = Some(word.end);
            if !sentence_start
                && word.text.chars().next().is_some_and(char::is_uppercase)
                && word.text.chars().count() >= 3
                && !is_stopword_hash(h)
            {
                w.capitalized.push(h);
            }
            if word.is_number() {
                if let Some(v) = parse_number(word.text)
                    && v >= 10.0
                    && !(1900.0..=2100.0).contains(&v)
                {
                    w.numbers.push(word_term(fnv1a(format!("#{v}").as_bytes())));
                }
                continue;
            }
            if word.text.chars().count() < 4 || is_stopword_hash(h) {
                continue;
            }
            let pos = w.minhash.words as u32;
            w.tf.entry(h).and_modify(|e| e.0 += 1).or_insert((1, pos));
        }
    }
    w
}

/// Name terms of the most mentioned entities (outlets and unclear kinds
/// aside): the name, its gazetteer key, a person's surname. Returns the
/// entities in that order.
fn name_terms(local_entities: &[LocalEntity], mentions: &[Mention], terms: &mut Vec<u64>) -> Vec<usize> {
    let mut counts = vec![0usize; local_entities.len()];
    for m in mentions {
        if let Some(c) = counts.get_mut(m.local) {
            *c += 1;
        }
    }
    let mut order: Vec<usize> = (0..local_entities.len())
        .filter(|&i| !local_entities[i].outlet && local_entities[i].kind != EntityKind::Other)
        .collect();
    order.sort_by(|&a, &b| counts[b].cmp(&counts[a]).then_with(|| local_entities[a].name.cmp(&local_entities[b].name)));
    for &i in order.iter().take(MAX_NAME_TERMS) {
        let e = &local_entities[i];
        terms.push(name_term(&e.name));
        if let Some(g) = &e.gazetteer {
            terms.push(name_term(g));
        }
        if e.kind == EntityKind::Person
            && let Some(last) = e.name.split_whitespace().last()
            && last.chars().count() >= 3
            && last != e.name
        {
            terms.push(name_term(last));
        }
    }
    order
}

/// One-permutation MinHash with rotation densification, fed one word hash
/// at a time: it keeps the last [`SHINGLE`] words, not the article's (a
/// vector of every word's hash was 18 MB of the peak on a 10 MB article).
struct MinHash {
    /// The last words, oldest at `words % SHINGLE`.
    window: [u64; SHINGLE],
    /// Words pushed.
    words: usize,
    slots: [u64; MINHASH_SLOTS],
}

impl MinHash {
    fn new() -> Self {
        MinHash { window: [0; SHINGLE], words: 0, slots: [u64::MAX; MINHASH_SLOTS] }
    }

    fn push(&mut self, word: u64) {
        self.window[self.words % SHINGLE] = word;
        self.words += 1;
        if self.words < SHINGLE {
            return;
        }
        // the shingle of the last SHINGLE words, oldest first
        let mut h = 0x9e37_79b9_7f4a_7c15u64;
        for k in 0..SHINGLE {
            h = mix64(h ^ self.window[(self.words + k) % SHINGLE]);
        }
        let slot = (h % MINHASH_SLOTS as u64) as usize;
        let v = h / MINHASH_SLOTS as u64;
        if v < self.slots[slot] {
            self.slots[slot] = v;
        }
    }

    /// The signature; empty under [`MIN_WORDS`] words.
    fn finish(self) -> Vec<u64> {
        if self.words < MIN_WORDS {
            return Vec::new();
        }
        densify(self.slots)
    }
}

/// Densify: an empty slot borrows the next filled slot's value, salted by
/// the distance, so that two documents densify the same way.
fn densify(mut slots: [u64; MINHASH_SLOTS]) -> Vec<u64> {
    if slots.iter().all(|&v| v == u64::MAX) {
        return Vec::new();
    }
    let filled = slots;
    for i in 0..MINHASH_SLOTS {
        if filled[i] != u64::MAX {
            continue;
        }
        let mut d = 1;
        while filled[(i + d) % MINHASH_SLOTS] == u64::MAX {
            d += 1;
        }
        slots[i] = mix64(filled[(i + d) % MINHASH_SLOTS] ^ (d as u64).wrapping_mul(0x9e37_79b9));
    }
    slots.to_vec()
}

/// Estimated Jaccard similarity of two signatures (0 when either is empty).
pub fn estimate_jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    let eq = a.iter().zip(b).filter(|(x, y)| x == y).count();
    eq as f64 / a.len() as f64
}

#[cfg(test)]
mod tests {
    use super::super::testutil::doc_sketch;
    use super::*;

    const BASE: &str = "Ministers from seven countries closed a summit in Vienna on Thursday with a pledge \
        of money for rebuilding towns along the river basins, while delegates warned that the money would reach \
        families slowly and that thousands remain in shelters. The final session lasted close to three hours \
        and the vote on the declaration went ahead in the afternoon without objection from anyone present.";

    /// The MinHash as it was computed over the whole list of word hashes.
    fn minhash_of_all(word_hashes: &[u64]) -> Vec<u64> {
        let mut slots = [u64::MAX; MINHASH_SLOTS];
        for win in word_hashes.windows(SHINGLE) {
            let mut h = 0x9e37_79b9_7f4a_7c15u64;
            for &w in win {
                h = mix64(h ^ w);
            }
            let slot = (h % MINHASH_SLOTS as u64) as usize;
            slots[slot] = slots[slot].min(h / MINHASH_SLOTS as u64);
        }
        if word_hashes.len() < MIN_WORDS { Vec::new() } else { densify(slots) }
    }

    #[test]
    fn streamed_minhash_equals_the_one_over_all_words() {
        for n in [0, 3, SHINGLE, MIN_WORDS - 1, MIN_WORDS, 26, 300, 5000] {
            let words: Vec<u64> = (0..n as u64).map(|i| mix64(i % 97)).collect();
            let mut m = MinHash::new();
            for &w in &words {
                m.push(w);
            }
            assert_eq!(m.finish(), minhash_of_all(&words), "{n} words");
        }
    }

    #[test]
    fn identical_text_has_identical_signature() {
        let a = doc_sketch("a", BASE, &[]);
        let b = doc_sketch("b", BASE, &[]);
        assert_eq!(a.minhash.len(), MINHASH_SLOTS);
        assert_eq!(estimate_jaccard(&a.minhash, &b.minhash), 1.0);
    }

    #[test]
    fn one_changed_word_stays_near_copy_and_other_text_does_not() {
        let edited = BASE.replace("closed", "ended");
        let other = "A viaduct span collapsed on Sunday night in the northern city, injuring three people \
            and closing the suburban rail line for two weeks while engineers inspect the remaining pillars \
            and the operator arranges replacement buses for thousands of daily passengers along the route.";
        let a = doc_sketch("a", BASE, &[]);
        let b = doc_sketch("b", &edited, &[]);
        let c = doc_sketch("c", other, &[]);
        assert!(estimate_jaccard(&a.minhash, &b.minhash) >= 0.6);
        assert!(estimate_jaccard(&a.minhash, &c.minhash) < 0.2);
    }

    #[test]
    fn short_text_gets_no_signature_and_names_are_terms() {
        let s = doc_sketch("a", "Sergei Volkov spoke.", &["Sergei Volkov"]);
        assert!(s.minhash.is_empty());
        assert!(s.terms.contains(&name_term("Sergei Volkov")));
        assert!(s.terms.contains(&name_term("Volkov")));
        assert_eq!(s.story_key, "sergei volkov");
    }

    #[test]
    fn capitalized_words_inside_sentences_are_name_terms() {
        let s = doc_sketch("a", "Floods hit the town. Ministers met in Vienna on Tuesday.", &[]);
        assert!(s.terms.contains(&name_term("Vienna")));
        // Sentence-initial words are not names by their capital alone.
        assert!(!s.terms.contains(&name_term("Ministers")));
        assert!(!s.terms.contains(&name_term("Floods")));
    }
}
