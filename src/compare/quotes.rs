//! Quote matching across sources: the same words, quoted by several articles of a story.
//!
//! Rules:
//! * Quotes are compared as normalised word sequences: quote marks, case and punctuation dropped,
//!   hyphens inside words removed ("co-operation" = "cooperation"), common contractions expanded
//!   ("we've" = "we have").
//! * Two quotes of the same story, from different articles, match when their words are equal
//!   (`exact`), when one's words form a contiguous run inside the other's (`contained`: a partial
//!   quote of a longer one, five words at least), or when few words differ (`variant`: a word-level
//!   edit distance of at most one word in five of the longer quote, which has six words at least).
//!   Quotes under four words are never matched: too many short phrases are shared by chance.
//! * Candidates come from an inverted index of word trigrams per story, so the work grows with the
//!   number of shared trigrams, not with the square of the number of quotes. Trigrams that occur in
//!   very many quotes of one story are skipped as uninformative.
//! * Matches are joined transitively into groups. A group's main form is the form most articles use
//!   (then the longest); every other form is a variant, with the words it has that the main form
//!   lacks. Scare quotes and titles are not speech and are left out.
//! * A group whose quotes name different known speakers is a speaker conflict.

use crate::model::{Quote, QuoteKind, QuoteMatch, QuoteVariant};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Shortest quote, in words, that can be matched.
const MIN_WORDS: usize = 4;
/// Shortest partial quote matched inside a longer one.
const MIN_CONTAINED: usize = 5;
/// Shortest quote that may differ from another by edits.
const MIN_VARIANT: usize = 6;
/// Trigrams shared by more quotes than this within one story carry no signal.
const MAX_POSTING: usize = 400;

/// Normalised words of a quote.
pub fn normalize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        if !cur.is_empty() {
            let w = std::mem::take(cur);
            let w = w.trim_matches('\'').to_string();
            if !w.is_empty() {
                expand(&w, out);
            }
        }
    };
    for (i, &c) in chars.iter().enumerate() {
        let prev_alnum = i > 0 && chars[i - 1].is_alphanumeric();
        let next_alnum = chars.get(i + 1).is_some_and(|c| c.is_alphanumeric());
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if matches!(c, '-' | '‐' | '‑') && prev_alnum && next_alnum {
            // co-operation → cooperation
        } else if matches!(c, '\'' | '’' | '‘') && prev_alnum && next_alnum {
            cur.push('\'');
        } else if matches!(c, '.' | ',')
            && prev_alnum
            && next_alnum
            && chars[i - 1].is_ascii_digit()
            && chars[i + 1].is_ascii_digit()
        {
            // 1,200 and 1.5 stay one number
            cur.push(c);
        } else {
            flush(&mut cur, &mut out);
        }
    }
    flush(&mut cur, &mut out);
    out
}

fn expand(w: &str, out: &mut Vec<String>) {
    let pair = |a: &str, b: &str, out: &mut Vec<String>| {
        out.push(a.to_string());
        out.push(b.to_string());
    };
    match w {
        "won't" => pair("will", "not", out),
        "can't" => pair("can", "not", out),
        "cannot" => pair("can", "not", out),
        "shan't" => pair("shall", "not", out),
        "let's" => pair("let", "us", out),
        _ => {
            if let Some(stem) = w.strip_suffix("n't") {
                return pair(stem, "not", out);
            }
            for (suf, full) in [("'ve", "have"), ("'re", "are"), ("'ll", "will"), ("'m", "am"), ("'d", "would")] {
                if let Some(stem) = w.strip_suffix(suf)
                    && !stem.is_empty()
                {
                    return pair(stem, full, out);
                }
            }
            if let Some(stem) = w.strip_suffix("'s")
                && crate::lang::is(crate::lang::Class::IsContraction, stem)
            {
                return pair(stem, "is", out);
            }
            out.push(w.to_string());
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Relation {
    Exact,
    Contained,
    Variant,
}

/// Word-level edit distance, giving up once it exceeds `max`.
fn edit_distance(a: &[String], b: &[String], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

fn contains_run(long: &[String], short: &[String]) -> bool {
    !short.is_empty() && short.len() <= long.len() && long.windows(short.len()).any(|w| w == short)
}

fn relation(a: &[String], b: &[String]) -> Option<Relation> {
    if a.len().min(b.len()) < MIN_WORDS {
        return None;
    }
    if a == b {
        return Some(Relation::Exact);
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // A short run of common words ("we are going to") turns up inside many quotes by chance.
    if short.len() >= MIN_CONTAINED && contains_run(long, short) {
        return Some(Relation::Contained);
    }
    // In a short quote one changed word can reverse it ("we will win" / "we will lose").
    if long.len() < MIN_VARIANT {
        return None;
    }
    let max = (long.len() / 5).max(1);
    edit_distance(a, b, max).map(|_| Relation::Variant)
}

fn trigram_hash(w: &[String]) -> u64 {
    // FNV-1a: stable across runs, so candidate order never depends on a random seed.
    let mut h: u64 = 0xcbf29ce484222325;
    for s in w {
        for b in s.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    h
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// Group quotes that are the same words from the same speaker across the articles of each story.
/// Pairs of `items[start..end]` (one story) whose normalised words match,
/// found through an inverted index of word trigrams.
fn story_pairs(quotes: &[&Quote], items: &[Item], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut index: HashMap<u64, Vec<usize>> = HashMap::default();
    let grams: Vec<Vec<u64>> = (start..end)
        .map(|k| {
            let mut g: Vec<u64> = items[k].2.windows(3).map(trigram_hash).collect();
            g.sort_unstable();
            g.dedup();
            g
        })
        .collect();
    for (off, g) in grams.iter().enumerate() {
        for h in g {
            index.entry(*h).or_default().push(start + off);
        }
    }
    let mut seen: Vec<u32> = vec![0; end - start];
    for (off, g) in grams.iter().enumerate() {
        let k = start + off;
        let mut cands: Vec<usize> = Vec::new();
        for h in g {
            let Some(post) = index.get(h) else { continue };
            if post.len() > MAX_POSTING {
                continue;
            }
            for &j in post {
                if j > k && quotes[items[j].0].article != quotes[items[k].0].article {
                    if seen[j - start] == 0 {
                        cands.push(j);
                    }
                    seen[j - start] += 1;
                }
            }
        }
        cands.sort_unstable();
        for &j in &cands {
            seen[j - start] = 0;
            if relation(&items[k].2, &items[j].2).is_some() {
                out.push((k, j));
            }
        }
    }
    out
}

/// A quote eligible for matching: its index, its story and its normalised words.
type Item<'a> = (usize, &'a str, Vec<String>);

/// `story_of` maps article id -> story id; `speaker_names` maps global entity id -> display name.
pub fn match_quotes<Q: std::borrow::Borrow<Quote>>(
    quotes: &[Q],
    story_of: &BTreeMap<String, String>,
    speaker_names: &BTreeMap<String, String>,
) -> Vec<QuoteMatch> {
    let quotes: Vec<&Quote> = quotes.iter().map(Q::borrow).collect();
    let items = eligible(&quotes, story_of);
    // Stories are matched independently (on all cores); each gives its
    // matching pairs, joined afterwards in story order.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    while start < items.len() {
        let story = items[start].1;
        let mut end = start;
        while end < items.len() && items[end].1 == story {
            end += 1;
        }
        ranges.push((start, end));
        start = end;
    }
    let pairs: Vec<Vec<(usize, usize)>> =
        ranges.par_iter().map(|&(start, end)| story_pairs(&quotes, &items, start, end)).collect();
    let mut uf = UnionFind((0..items.len()).collect());
    for (k, j) in pairs.into_iter().flatten() {
        uf.union(k, j);
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for k in 0..items.len() {
        let r = uf.find(k);
        groups.entry(r).or_default().push(k);
    }
    let mut out: Vec<QuoteMatch> =
        groups.values().filter_map(|members| quote_match(&quotes, &items, members, speaker_names)).collect();
    out.sort_by(|a, b| (&a.story, &a.quotes).cmp(&(&b.story, &b.quotes)));
    out
}

/// Eligible quotes, in a fixed order (story, article, start) so that output
/// never depends on input order.
fn eligible<'a>(quotes: &[&Quote], story_of: &'a BTreeMap<String, String>) -> Vec<Item<'a>> {
    let mut items: Vec<Item> = quotes
        .par_iter()
        .enumerate()
        .filter(|(_, q)| !matches!(q.kind, QuoteKind::Scare | QuoteKind::Title))
        .filter_map(|(i, q)| story_of.get(q.article.as_ref()).map(|s| (i, s.as_str(), normalize(&q.text))))
        .filter(|(_, _, w)| w.len() >= MIN_WORDS)
        .collect();
    items.sort_by(|a, b| {
        (a.1, &quotes[a.0].article, quotes[a.0].start, &quotes[a.0].id).cmp(&(
            b.1,
            &quotes[b.0].article,
            quotes[b.0].start,
            &quotes[b.0].id,
        ))
    });
    items
}

/// One group of matching quotes as a match, when it spans two articles:
/// its forms (most used first), how they relate, and who says it.
fn quote_match(
    quotes: &[&Quote],
    items: &[Item],
    members: &[usize],
    speaker_names: &BTreeMap<String, String>,
) -> Option<QuoteMatch> {
    if members.len() < 2 {
        return None;
    }
    let articles: BTreeSet<&str> = members.iter().map(|&k| quotes[items[k].0].article.as_ref()).collect();
    if articles.len() < 2 {
        return None;
    }
    // Forms and the articles that use them.
    let mut forms: BTreeMap<&Vec<String>, (BTreeSet<&str>, usize)> = BTreeMap::new();
    for &k in members {
        let q = &quotes[items[k].0];
        let e = forms.entry(&items[k].2).or_insert((BTreeSet::new(), k));
        e.0.insert(q.article.as_ref());
    }
    let mut ordered: Vec<_> = forms.into_iter().collect();
    ordered.sort_by(|a, b| b.1.0.len().cmp(&a.1.0.len()).then(b.0.len().cmp(&a.0.len())).then(a.0.cmp(b.0)));
    let main = ordered[0].0;
    let main_set: BTreeSet<&String> = main.iter().collect();
    let variants: Vec<QuoteVariant> = ordered
        .iter()
        .map(|(form, (arts, first))| QuoteVariant {
            text: quotes[items[*first].0].text.clone(),
            articles: arts.iter().map(|s| s.to_string()).collect(),
            differs: if *form == main {
                Vec::new()
            } else {
                let mut d: Vec<String> = Vec::new();
                for w in form.iter() {
                    if !main_set.contains(w) && !d.contains(w) {
                        d.push(w.clone());
                    }
                }
                d
            },
        })
        .collect();
    let relation = if ordered.len() == 1 {
        "exact"
    } else if ordered.iter().skip(1).all(|(f, _)| contains_run(main, f) || contains_run(f, main)) {
        "contained"
    } else {
        "variant"
    };
    // Speakers: count known ones; several distinct ones are a conflict.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for &k in members {
        if let Some(s) = &quotes[items[k].0].speaker {
            *counts.entry(s.as_str()).or_default() += 1;
        }
    }
    let speaker = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(s, _)| s.to_string());
    let speaker_name = speaker
        .as_ref()
        .and_then(|s| speaker_names.get(s).cloned())
        .or_else(|| members.iter().find_map(|&k| quotes[items[k].0].speaker_name.clone()));
    let mut ids: Vec<String> = members.iter().map(|&k| quotes[items[k].0].id.clone()).collect();
    ids.sort();
    Some(QuoteMatch {
        speaker,
        speaker_name,
        story: items[members[0]].1.to_string(),
        articles: articles.iter().map(|s| s.to_string()).collect(),
        quotes: ids,
        variants,
        relation: relation.to_string(),
        speaker_conflict: counts.len() > 1,
        speakers: counts.keys().map(|s| s.to_string()).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(article: &str, n: usize, text: &str, speaker: Option<&str>) -> Quote {
        Quote {
            id: format!("{article}#q{n}"),
            article: article.into(),
            start: n * 100,
            end: n * 100 + text.len(),
            text: text.into(),
            kind: QuoteKind::Full,
            speaker: speaker.map(String::from),
            speaker_local: None,
            speaker_mention: None,
            speaker_name: None,
            cue: None,
            cue_span: None,
            continued: false,
            sentence_start: 0,
            sentence_end: 0,
        }
    }

    fn stories(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs.iter().map(|(a, s)| (a.to_string(), s.to_string())).collect()
    }

    fn names() -> BTreeMap<String, String> {
        [("e1".to_string(), "Ana Ruiz".to_string()), ("e2".to_string(), "Tom Berg".to_string())].into_iter().collect()
    }

    #[test]
    fn normalisation() {
        assert_eq!(
            normalize("“We’ve seen real co-operation,” she said"),
            normalize("\"we have seen real cooperation\" SHE said.")
        );
        assert_eq!(normalize("It's 1,200 homes"), vec!["it", "is", "1,200", "homes"]);
    }

    #[test]
    fn verbatim_across_articles() {
        let qs = vec![
            quote("a", 1, "The levees were built for a different climate.", Some("e1")),
            quote("b", 1, "“The levees were built for a different climate,”", Some("e1")),
        ];
        let m = match_quotes(&qs, &stories(&[("a", "s1"), ("b", "s1")]), &names());
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].relation, "exact");
        assert_eq!(m[0].articles, vec!["a", "b"]);
        assert_eq!(m[0].speaker.as_deref(), Some("e1"));
        assert_eq!(m[0].speaker_name.as_deref(), Some("Ana Ruiz"));
        assert!(!m[0].speaker_conflict);
    }

    #[test]
    fn inserted_word_is_a_variant_with_the_word_highlighted() {
        let qs = vec![
            quote("a", 1, "We have made real progress today", Some("e1")),
            quote("b", 1, "We have made some real progress today", Some("e1")),
            quote("c", 1, "We have made real progress today", None),
        ];
        let m = match_quotes(&qs, &stories(&[("a", "s"), ("b", "s"), ("c", "s")]), &names());
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].relation, "variant");
        assert_eq!(m[0].variants.len(), 2);
        assert_eq!(m[0].variants[0].articles, vec!["a", "c"]);
        assert_eq!(m[0].variants[1].differs, vec!["some"]);
    }

    #[test]
    fn partial_quote_contained_in_full_quote() {
        let qs = vec![
            quote(
                "a",
                1,
                "Some of those families have been moved three times since February. They need roofs, not promises.",
                Some("e1"),
            ),
            quote("b", 1, "they need roofs, not promises", Some("e1")),
        ];
        let m = match_quotes(&qs, &stories(&[("a", "s"), ("b", "s")]), &names());
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].relation, "contained");
    }

    #[test]
    fn different_speakers_are_a_conflict() {
        let qs = vec![
            quote("a", 1, "A flood alert that stops at a border is not an alert at all", Some("e1")),
            quote("b", 1, "A flood alert that stops at a border is not an alert at all", Some("e2")),
        ];
        let m = match_quotes(&qs, &stories(&[("a", "s"), ("b", "s")]), &names());
        assert_eq!(m.len(), 1);
        assert!(m[0].speaker_conflict);
        assert_eq!(m[0].speakers, vec!["e1", "e2"]);
    }

    #[test]
    fn no_match_across_stories_within_one_article_or_for_short_or_different_quotes() {
        let same = "A flood alert that stops at a border is not an alert at all";
        let qs = vec![quote("a", 1, same, None), quote("b", 1, same, None)];
        assert!(match_quotes(&qs, &stories(&[("a", "s1"), ("b", "s2")]), &names()).is_empty());
        let qs = vec![quote("a", 1, same, None), quote("a", 2, same, None)];
        assert!(match_quotes(&qs, &stories(&[("a", "s1")]), &names()).is_empty());
        let qs = vec![quote("a", 1, "real progress today", None), quote("b", 1, "real progress today", None)];
        assert!(match_quotes(&qs, &stories(&[("a", "s"), ("b", "s")]), &names()).is_empty());
        let qs = vec![quote("a", 1, "we will win today", None), quote("b", 1, "we will lose today", None)];
        assert!(match_quotes(&qs, &stories(&[("a", "s"), ("b", "s")]), &names()).is_empty());
        let qs = vec![
            quote("a", 1, "We will rebuild every bridge before winter comes", None),
            quote("b", 1, "We will not rebuild a single bridge this year at all", None),
        ];
        assert!(match_quotes(&qs, &stories(&[("a", "s"), ("b", "s")]), &names()).is_empty());
    }

    #[test]
    fn scare_quotes_are_left_out_and_output_is_deterministic() {
        let mut qs = vec![
            quote("b", 1, "A flood alert that stops at a border is not an alert at all", None),
            quote("a", 1, "A flood alert that stops at a border is not an alert at all", None),
            quote("c", 1, "A flood alert that stops at a border is not an alert at all", None),
        ];
        qs[2].kind = QuoteKind::Scare;
        let st = stories(&[("a", "s"), ("b", "s"), ("c", "s")]);
        let m1 = match_quotes(&qs, &st, &names());
        qs.reverse();
        let m2 = match_quotes(&qs, &st, &names());
        assert_eq!(m1, m2);
        assert_eq!(m1[0].articles, vec!["a", "b"]);
    }
}
