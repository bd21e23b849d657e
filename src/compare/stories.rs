//! Stories: group articles that report the same event, so that facts are
//! only compared inside a story.
//!
//! Each article's term set is its sketch terms plus its resolved entity ids.
//! Terms are weighted `ln(1 + N/df)` (names count double). Candidate pairs
//! come from an inverted index: pairs sharing at least two terms whose document frequency
//! is at most [`MAX_DF`] (so "government" in a corpus of 100,000 articles
//! never makes pairs). Each candidate is then scored on every term the two
//! share, common ones included, by merging their sorted term lists. A pair is
//! linked when its shared weight is at least [`LINK`] of the lighter
//! article's total; with fewer than two shared names, or for articles
//! published more than a week apart, it takes twice the overlap (each
//! condition doubles it). A link also needs each article to be among the
//! other's [`NEIGHBOURS`] best partners (mutual nearest neighbours), and the
//! two must share most of those partners ([`SNN`], shared-nearest-neighbour
//! clustering), which stops one bridging article, or a few articles written
//! with the same stock phrases, from chaining two events together. Only
//! names with a document frequency of at most `MAX_DF` count as shared names.
//! Linked
//! pairs and syndicated copies are merged by union-find; every component is a story (an unlinked article is a story of
//! its own). A big story needs no term shared by all its articles: chains of
//! rare shared terms connect it.
//!
//! Publication dates count only when the article states them: a year guessed
//! for a dateline from the rest of the corpus ([`crate::anchors`]) is no
//! evidence. A component whose stated dates leave a gap of more than
//! [`EVENT_GAP_DAYS`] holds two events of one kind (two quakes in one city,
//! months apart, told with the same names and stock phrases): it is cut at
//! each gap, and each undated article goes with the side its strongest links
//! lead to ([`split_at_date_gaps`]).
//!
//! Cost: O(Σ df²) over terms with df ≤ MAX_DF, at most O(P · MAX_DF) for P
//! postings, to find candidates; O(T) per candidate to score (T terms per
//! article, ~100); O(N α(N)) for union-find. Never all pairs of articles.

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use super::sketch::{is_name_term, name_term};
use super::text::UnionFind;
use crate::model::{ArticleRecord, DateSource, Entity, EntityKind, Story};

/// Terms held by more articles than this make no candidate pairs.
const MAX_DF: usize = 48;
/// Share of the lighter article's term weight two articles must share.
const LINK: f64 = 0.12;
/// How many best-scoring partners of an article may link to it.
const NEIGHBOURS: usize = 12;
/// Share of the smaller closed neighbourhood two linked articles must have in
/// common. Measured on a generated corpus of 400 stories (10 MB) whose
/// same-kind stories share stock sentences: without it one story swallowed
/// 221 others (B-cubed precision 0.58); with 0.6, precision 0.95 and recall
/// 0.99.
const SNN: f64 = 0.6;
/// Reports of one event come out within weeks of each other: a follow-up
/// weeks later (an acquisition closing, a charge after an arrest) still
/// belongs to it, but stated dates more than this many days apart with no
/// report between them are a new event of the same kind, whose figures
/// must not be compared with the first one's.
const EVENT_GAP_DAYS: i64 = 45;

pub struct Grouping {
    pub stories: Vec<Story>,
    /// Story index (into `stories`) per article.
    pub story_of: Vec<usize>,
}

fn days(r: &ArticleRecord) -> Option<i64> {
    let d: jiff::civil::Date = r.article.published.as_deref()?.parse().ok()?;
    Some(d.since(jiff::civil::date(2000, 1, 1)).ok()?.get_days().into())
}

/// Days since 2000-01-01 of each article's publication date, inferred
/// years included: a dateline's guessed year still tells the link score
/// that two reports are probably far apart.
fn all_days(records: &[ArticleRecord]) -> Vec<Option<i64>> {
    records.iter().map(days).collect()
}

/// Days of each article's stated publication date only: an inferred year is
/// too weak to cut a story at.
fn stated_days(records: &[ArticleRecord]) -> Vec<Option<i64>> {
    records.iter().map(|r| days(r).filter(|_| r.article.published_source != Some(DateSource::Inferred))).collect()
}

/// The month and day of each dateline without a stated year (`--MM-DD`).
fn dateline_month_days(records: &[ArticleRecord]) -> Vec<Option<(i8, i8)>> {
    records
        .iter()
        .map(|r| {
            if r.article.published_source.is_some_and(|s| s != DateSource::Inferred) {
                return None;
            }
            let md = r.article.dateline.as_ref()?.month_day.as_deref()?;
            Some((md.get(2..4)?.parse().ok()?, md.get(5..7)?.parse().ok()?))
        })
        .collect()
}

/// What the story cut reads of each article's date.
struct Dates {
    /// Days since 2000-01-01 of the stated publication date.
    stated: Vec<Option<i64>>,
    /// A dateline's month and day when the year is not stated.
    month_day: Vec<Option<(i8, i8)>>,
}

impl Dates {
    /// The period (index into the periods' stated days) a dateline's month
    /// and day fall in: the one with a stated date within [`EVENT_GAP_DAYS`]
    /// of that month and day in a neighbouring year, the nearest if several.
    fn period_of_month_day(&self, i: usize, periods: &[Vec<i64>]) -> Option<usize> {
        let (m, d) = self.month_day[i]?;
        let epoch = jiff::civil::date(2000, 1, 1);
        let mut best: Option<(i64, usize)> = None;
        for (p, days) in periods.iter().enumerate() {
            for &day in days {
                let Ok(stated) = epoch.checked_add(jiff::Span::new().days(day)) else { continue };
                for y in [stated.year() - 1, stated.year(), stated.year() + 1] {
                    let Ok(c) = jiff::civil::Date::new(y, m, d) else { continue };
                    let Ok(span) = stated.until(c) else { continue };
                    let dist = i64::from(span.get_days()).abs();
                    if dist <= EVENT_GAP_DAYS && best.is_none_or(|(bd, _)| dist < bd) {
                        best = Some((dist, p));
                    }
                }
            }
        }
        best.map(|(_, p)| p)
    }
}

pub fn group(
    records: &[ArticleRecord],
    entities: &BTreeMap<&str, &Entity>,
    article_entities: &[Vec<String>],
    copies: &[(usize, usize, f64)],
) -> Grouping {
    let n = records.len();
    let index = Index::new(term_sets(records, entities, article_entities));
    let passing = index.passing(&all_days(records), index.scored_candidates());
    let (mut uf, mut links) = mutual_links(n, &passing);
    for &(a, b, _) in copies {
        uf.union(a, b);
        // A near-copy outweighs any link of shared terms.
        links.push((a, b, 2.0));
    }
    let dates = Dates { stated: stated_days(records), month_day: dateline_month_days(records) };
    let mut comps = split_at_date_gaps(uf.components(), &dates, &links);
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
        let mut arts: Vec<String> = comp.iter().map(|&i| records[i].article.id.to_string()).collect();
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

/// Each article's sorted term set: its sketch terms and its resolved
/// entities (outlets and unclear kinds aside).
fn term_sets(
    records: &[ArticleRecord],
    entities: &BTreeMap<&str, &Entity>,
    article_entities: &[Vec<String>],
) -> Vec<Vec<u64>> {
    records
        .par_iter()
        .enumerate()
        .map(|(i, r)| {
            let mut t = r.sketch.terms.clone();
            for id in article_entities.get(i).into_iter().flatten() {
                if entities.get(id.as_str()).is_some_and(|e| !e.outlet && e.kind != EntityKind::Other) {
                    t.push(name_term(&format!("entity:{id}")));
                }
            }
            t.sort_unstable();
            t.dedup();
            t
        })
        .collect()
}

/// The inverted index over the articles' term sets.
struct Index {
    /// Articles.
    n: usize,
    terms: Vec<Vec<u64>>,
    postings: HashMap<u64, Vec<usize>>,
    /// Terms held by more articles than this make no candidate pairs.
    max_df: usize,
    /// Each article's total term weight.
    totals: Vec<f64>,
}

impl Index {
    fn new(terms: Vec<Vec<u64>>) -> Self {
        let n = terms.len();
        let mut postings: HashMap<u64, Vec<usize>> = HashMap::default();
        for (i, ts) in terms.iter().enumerate() {
            for &t in ts {
                postings.entry(t).or_default().push(i);
            }
        }
        let mut index = Index { n, terms, postings, max_df: MAX_DF.min(n.max(2)), totals: Vec::new() };
        index.totals = index.terms.iter().map(|ts| ts.iter().map(|&t| index.weight(t, index.df(t))).sum()).collect();
        index
    }

    fn df(&self, t: u64) -> usize {
        self.postings.get(&t).map_or(1, Vec::len)
    }

    fn weight(&self, t: u64, df: usize) -> f64 {
        let w = (1.0 + self.n as f64 / df.max(1) as f64).ln();
        if is_name_term(t) { 2.0 * w } else { w }
    }

    /// Candidate pairs (articles sharing at least two rare terms), each
    /// scored on all the terms it shares: (shared weight, shared rare names).
    fn scored_candidates(&self) -> Vec<((usize, usize), (f64, u32))> {
        let mut rare_shared: HashMap<(u32, u32), u16> = HashMap::default();
        for list in self.postings.values() {
            if list.len() < 2 || list.len() > self.max_df {
                continue;
            }
            for (x, &a) in list.iter().enumerate() {
                for &b in &list[x + 1..] {
                    let c = rare_shared.entry((a as u32, b as u32)).or_insert(0);
                    *c = c.saturating_add(1);
                }
            }
        }
        // One shared rare word is chance; it takes two to be worth scoring.
        let mut candidates: Vec<(u32, u32)> =
            rare_shared.into_iter().filter(|&(_, c)| c >= 2).map(|(p, _)| p).collect();
        candidates.sort_unstable();
        // Each candidate is scored on all the terms it shares, common ones
        // included, by merging the two sorted term lists.
        candidates
            .into_par_iter()
            .map(|(a, b)| ((a as usize, b as usize), self.shared(a as usize, b as usize)))
            .collect()
    }

    fn shared(&self, a: usize, b: usize) -> (f64, u32) {
        let (ta, tb) = (&self.terms[a], &self.terms[b]);
        let (mut i, mut j, mut w, mut names) = (0, 0, 0.0, 0u32);
        while i < ta.len() && j < tb.len() {
            match ta[i].cmp(&tb[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let t = ta[i];
                    let df = self.df(t);
                    w += self.weight(t, df);
                    // A name shared by half the corpus (a weekday, "European
                    // Union") says nothing about the event.
                    if is_name_term(t) && df <= self.max_df {
                        names += 1;
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        (w, names)
    }

    /// Pairs that pass the overlap threshold, with their score.
    fn passing(&self, dates: &[Option<i64>], shared: Vec<((usize, usize), (f64, u32))>) -> Vec<(usize, usize, f64)> {
        let mut passing: Vec<(usize, usize, f64)> = Vec::new();
        for ((a, b), (w, names)) in shared {
            let lighter = self.totals[a].min(self.totals[b]);
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
            if w / lighter >= need {
                passing.push((a, b, w / lighter));
            }
        }
        passing
    }
}

/// Single-link grouping chains unrelated stories through one article that
/// shares a generic name ("Supreme Court") with both. A link must therefore
/// be among the best NEIGHBOURS of both its articles: an article's best
/// partners are the reports of its own event, so bridges drop out while a
/// large story stays connected through its many mutual links.
/// Returns the union of the links and the links themselves.
fn mutual_links(n: usize, passing: &[(usize, usize, f64)]) -> (UnionFind, Vec<(usize, usize, f64)>) {
    let mut best: Vec<Vec<(f64, usize)>> = vec![Vec::new(); n];
    for &(a, b, s) in passing {
        best[a].push((s, b));
        best[b].push((s, a));
    }
    for list in &mut best {
        list.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        list.truncate(NEIGHBOURS);
    }
    let is_near = |a: usize, b: usize| best[a].iter().any(|&(_, x)| x == b);
    // Shared nearest neighbours (Jarvis-Patrick): two reports of one event
    // have mostly the same best partners; a bridge between two events of the
    // same kind (two wildfires told with the same stock phrases) has its
    // partners on either side, so it shares few of them.
    let shares_neighbours = |a: usize, b: usize| {
        let closed = |x: usize| best[x].iter().map(|&(_, y)| y).chain([x]);
        let shared = closed(b).filter(|y| closed(a).any(|z| z == *y)).count();
        let smaller = best[a].len().min(best[b].len()) + 1;
        shared as f64 >= SNN * smaller as f64
    };
    let mut uf = UnionFind::new(n);
    let mut links = Vec::new();
    for &(a, b, s) in passing {
        if is_near(a, b) && is_near(b, a) && shares_neighbours(a, b) {
            uf.union(a, b);
            links.push((a, b, s));
        }
    }
    (uf, links)
}

/// Cut each component at the gaps of more than [`EVENT_GAP_DAYS`] between
/// its stated publication dates. Components without such a gap (most, and
/// every undated one) are kept whole.
fn split_at_date_gaps(comps: Vec<Vec<usize>>, dates: &Dates, links: &[(usize, usize, f64)]) -> Vec<Vec<usize>> {
    let mut adjacency: Option<Vec<Vec<(usize, f64)>>> = None;
    let mut out = Vec::with_capacity(comps.len());
    for comp in comps {
        let mut days: Vec<i64> = comp.iter().filter_map(|&i| dates.stated[i]).collect();
        days.sort_unstable();
        days.dedup();
        let cuts: Vec<i64> = days.windows(2).filter(|w| w[1] - w[0] > EVENT_GAP_DAYS).map(|w| w[1]).collect();
        if cuts.is_empty() {
            out.push(comp);
            continue;
        }
        let adj = adjacency.get_or_insert_with(|| {
            let mut adj = vec![Vec::new(); dates.stated.len()];
            for &(a, b, w) in links {
                adj[a].push((b, w));
                adj[b].push((a, w));
            }
            adj
        });
        out.extend(split_component(&comp, &cuts, dates, adj));
    }
    out
}

/// One component cut at `cuts` (the first day of each later period): each
/// dated article takes the period of its date, a dateline without a year the
/// period its month and day fall in, then the undated ones are
/// claimed, strongest link first, by the period of the article at the other
/// end (a maximum spanning forest grown from the dated articles, so an
/// undated page goes with the report it shares most with). Deterministic:
/// ties go to the lower article index, then the earlier period.
fn split_component(comp: &[usize], cuts: &[i64], dates: &Dates, adj: &[Vec<(usize, f64)>]) -> Vec<Vec<usize>> {
    let period_of_day = |d: i64| cuts.partition_point(|&c| c <= d);
    let mut periods: Vec<Vec<i64>> = vec![Vec::new(); cuts.len() + 1];
    for &i in comp {
        if let Some(d) = dates.stated[i] {
            periods[period_of_day(d)].push(d);
        }
    }
    let mut period: HashMap<usize, usize> = HashMap::default();
    // Link weights are positive, so their bit patterns order like the weights.
    let mut heap: BinaryHeap<(u64, Reverse<usize>, Reverse<usize>)> = BinaryHeap::new();
    let push_links = |heap: &mut BinaryHeap<_>, from: usize, p: usize| {
        for &(to, w) in &adj[from] {
            heap.push((w.to_bits(), Reverse(to), Reverse(p)));
        }
    };
    for &i in comp {
        let p = match dates.stated[i] {
            Some(d) => Some(period_of_day(d)),
            None => dates.period_of_month_day(i, &periods),
        };
        if let Some(p) = p {
            period.insert(i, p);
            push_links(&mut heap, i, p);
        }
    }
    while let Some((_, Reverse(i), Reverse(p))) = heap.pop() {
        if period.contains_key(&i) {
            continue;
        }
        period.insert(i, p);
        push_links(&mut heap, i, p);
    }
    let mut parts: Vec<Vec<usize>> = vec![Vec::new(); cuts.len() + 1];
    for &i in comp {
        // Every member is reached: the component is connected by these links.
        parts[period.get(&i).copied().unwrap_or(0)].push(i);
    }
    parts.retain(|p| !p.is_empty());
    parts
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
                c.1 += e.mention_counts.get(records[i].article.id.as_ref()).copied().unwrap_or(0);
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
        .unwrap_or_else(|| records.get(comp[0]).map(|r| r.article.id.to_string()).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(stated: &[Option<i64>]) -> Dates {
        Dates { stated: stated.to_vec(), month_day: vec![None; stated.len()] }
    }

    #[test]
    fn a_gap_of_months_cuts_a_story_and_undated_pages_follow_their_links() {
        // 0 and 1 report one event, 2 and 3 another four months later; 4 is
        // undated and shares most with 3, 5 is undated and shares most with 4.
        let d = dates(&[Some(100), Some(101), Some(220), Some(221), None, None]);
        let links = [(0, 1, 0.5), (1, 2, 0.3), (2, 3, 0.5), (3, 4, 0.6), (0, 4, 0.2), (4, 5, 0.4)];
        let parts = split_at_date_gaps(vec![(0..6).collect()], &d, &links);
        assert_eq!(parts, [vec![0, 1], vec![2, 3, 4, 5]]);
    }

    #[test]
    fn reports_weeks_apart_stay_one_story() {
        let d = dates(&[Some(100), Some(101), Some(100 + EVENT_GAP_DAYS), None]);
        let links = [(0, 1, 0.5), (1, 2, 0.3), (2, 3, 0.5)];
        let parts = split_at_date_gaps(vec![(0..4).collect()], &d, &links);
        assert_eq!(parts, [vec![0, 1, 2, 3]]);
    }

    #[test]
    fn a_dateline_without_a_year_goes_with_the_period_of_its_month_and_day() {
        // 2 is "--03-05": near article 0's 2024-03-04, not 1's 2024-10-09,
        // although its strongest link is to 1.
        let day =
            |y, m, d| i64::from(jiff::civil::date(2000, 1, 1).until(jiff::civil::date(y, m, d)).unwrap().get_days());
        let mut d = dates(&[Some(day(2024, 3, 4)), Some(day(2024, 10, 9)), None]);
        d.month_day[2] = Some((3, 5));
        let links = [(0, 1, 0.2), (1, 2, 0.9), (0, 2, 0.1)];
        let parts = split_at_date_gaps(vec![vec![0, 1, 2]], &d, &links);
        assert_eq!(parts, [vec![0, 2], vec![1]]);
    }
}
