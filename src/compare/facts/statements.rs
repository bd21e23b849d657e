//! Statements: clauses (and whole sentences) that two or more sources state in
//! their own words.

use super::*;
use std::cell::OnceCell;

/// Clauses of one story compared at most (the first ones in article order).
const MAX_CLAUSES: usize = 6000;
/// Postings of one term used for candidate pairs at most.
const MAX_POSTINGS: usize = 200;
/// Statement similarity for two clauses to state the same fact.
const SAME_STATEMENT: f64 = 0.3;
/// Statement similarity enough when the two share `MIN_SHARED_WORDS` words
/// other than names ("a registered Republican" / "is a registered
/// Republican" in sentences that go on differently).
const LOOSE_STATEMENT: f64 = 0.2;
/// Shared words (not names) for the looser similarity.
const MIN_SHARED_WORDS: usize = 3;
/// Average statement similarity for two groups to merge.
const STATEMENT_LINK: f64 = 0.2;
/// Terms a clause needs to be compared at all: shorter pieces ("By becoming
/// a part of AMD,") say too little to agree on.
const MIN_TERMS: usize = 4;
/// Terms two clauses must share at least (entities and numbers count).
const MIN_SHARED: usize = 2;

/// One clause as a statement: its weighted terms.
struct Unit<'a> {
    art: usize,
    claim: &'a Claim,
    clause: usize,
    terms: Vec<(u32, f64)>,
    total: f64,
    /// Outcomes the clause states ("the vote went ahead"), found when a
    /// candidate pair first needs them (most units are never compared).
    outcomes: OnceCell<Vec<(String, &'static str, bool)>>,
}

impl Unit<'_> {
    fn outcomes(&self) -> &[(String, &'static str, bool)] {
        self.outcomes.get_or_init(|| crate::compare::statements::outcomes_of(&clause_text(self)))
    }
}

pub(super) fn statements(ctx: &Ctx, story: usize, claims: &[(usize, usize)]) -> Aligned {
    let mut out = Aligned::default();
    let arts = &ctx.story_articles[story];
    if ctx.sources(arts.iter().copied()) < 2 {
        return out;
    }
    let Vocabulary { names, df, raw } = vocabulary(ctx, claims);
    let units = weigh(raw, &names, &df, arts.len());
    let candidates = candidate_pairs(ctx, &units, &df, arts.len());
    let mut edges: Vec<(usize, usize, f64)> = candidates
        .into_iter()
        .filter_map(|(a, b)| {
            let (w, count, content) = overlap(&units[a].terms, &units[b].terms, &names);
            if count < MIN_SHARED {
                return None;
            }
            let sim = w / (units[a].total * units[b].total).sqrt();
            // a weaker overlap still states one fact when it rests on three
            // shared content words, not on the names alone
            let same = sim >= SAME_STATEMENT || (content >= MIN_SHARED_WORDS && sim >= LOOSE_STATEMENT);
            (same && compatible(&units[a], &units[b])).then_some((a, b, sim))
        })
        .collect();
    edges.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    for group in sparse_average_link(units.len(), &edges, STATEMENT_LINK) {
        let n_sources = ctx.sources(group.iter().map(|&u| units[u].art));
        if n_sources < 2 {
            continue;
        }
        out.agreements.push(statement_topic(ctx, &ctx.story_ids[story], &units, &group, &edges, n_sources));
    }
    out
}

/// The terms of a story's clauses as ids: each id's name (`@entity`,
/// `#value` or a word), the articles it occurs in, and each clause's ids.
struct Vocabulary<'a> {
    names: Vec<String>,
    df: Vec<BTreeSet<usize>>,
    raw: Vec<(usize, &'a Claim, usize, Vec<u32>)>,
}

/// Terms of every clause, with the entities it names: each clause, and the
/// whole sentence when it has several (a fact may sit in one clause or spread
/// over a differently cut sentence).
fn vocabulary<'a>(ctx: &'a Ctx, claims: &[(usize, usize)]) -> Vocabulary<'a> {
    // Keyed by borrowed text, so a term costs an allocation once per story
    // (its name), not once per clause it occurs in.
    let mut words: HashMap<&'a str, u32> = HashMap::default();
    let mut entities: HashMap<&'a str, u32> = HashMap::default();
    let mut names: Vec<String> = Vec::new();
    let mut raw: Vec<(usize, &Claim, usize, Vec<u32>)> = Vec::new();
    let mut by_start: HashMap<usize, Vec<usize>> = HashMap::default();
    let mut id_of = |map: &mut HashMap<&'a str, u32>, key: &'a str, name: &dyn Fn() -> String| -> u32 {
        *map.entry(key).or_insert_with(|| {
            names.push(name());
            (names.len() - 1) as u32
        })
    };
    for &(art, c) in claims {
        let Some(claim) = ctx.records.get(art).and_then(|r| r.claims.get(c)) else { continue };
        let whole = (claim.clauses.len() > 1).then_some(WHOLE);
        for k in (0..claim.clauses.len()).chain(whole) {
            if raw.len() >= MAX_CLAUSES {
                break;
            }
            let mut ids: Vec<u32> = Vec::new();
            let mut add_terms = |terms: &'a crate::model::StrList, ids: &mut Vec<u32>| {
                for t in terms.iter() {
                    ids.push(id_of(&mut words, t, &|| t.to_string()));
                }
            };
            match claim.clauses.get(k) {
                Some(cl) => add_terms(&cl.terms, &mut ids),
                None => claim.clauses.iter().for_each(|cl| add_terms(&cl.terms, &mut ids)),
            }
            let order = by_start.entry(art).or_insert_with(|| mentions_by_start(ctx, art));
            for e in clause_entities(ctx, art, order, claim, k) {
                ids.push(id_of(&mut entities, e, &|| format!("@{e}")));
            }
            ids.sort_unstable();
            ids.dedup();
            if ids.len() >= MIN_TERMS {
                raw.push((art, claim, k, ids));
            }
        }
    }
    let mut df: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); names.len()];
    for (art, _, _, ids) in &raw {
        for &t in ids {
            df[t as usize].insert(*art);
        }
    }
    Vocabulary { names, df, raw }
}

/// Units with their terms weighted by rarity in the story (names and
/// numbers weigh more).
fn weigh<'a>(
    raw: Vec<(usize, &'a Claim, usize, Vec<u32>)>,
    names: &[String],
    df: &[BTreeSet<usize>],
    n_articles: usize,
) -> Vec<Unit<'a>> {
    let n = n_articles as f64;
    let weight = |t: u32| {
        let d = df[t as usize].len().max(1) as f64;
        let base = ((n + 1.0) / d).ln().max(0.05);
        let name = names[t as usize].as_str();
        if name.starts_with('@') {
            base * 1.5
        } else if name.starts_with('#') {
            base * 1.2
        } else {
            base
        }
    };
    raw.into_iter()
        .map(|(art, claim, clause, ids)| {
            let terms: Vec<(u32, f64)> = ids.into_iter().map(|t| (t, weight(t))).collect();
            let total = terms.iter().map(|t| t.1).sum();
            Unit { art, claim, clause, terms, total, outcomes: OnceCell::new() }
        })
        .collect()
}

/// Pairs of units from different sources worth scoring: they share a rarer
/// term (from an inverted index), or the two clauses have the very same terms
/// (a fact every outlet tells in the same words has only common terms).
fn candidate_pairs(ctx: &Ctx, units: &[Unit], df: &[BTreeSet<usize>], n_articles: usize) -> Vec<(usize, usize)> {
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); df.len()];
    for (u, unit) in units.iter().enumerate() {
        for &(t, _) in &unit.terms {
            if df[t as usize].len() * 5 <= n_articles * 4 || n_articles <= 3 {
                postings[t as usize].push(u);
            }
        }
    }
    // A vector sorted and deduplicated at the end rather than a set (most
    // pairs come once per rare term they share), compacted whenever it
    // doubles so that repeats never hold more than twice the distinct pairs.
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    let mut compact_at = 1 << 16;
    let mut same_terms: HashMap<Vec<u32>, Vec<usize>> = HashMap::default();
    for (u, unit) in units.iter().enumerate() {
        same_terms.entry(unit.terms.iter().map(|t| t.0).collect()).or_default().push(u);
    }
    for list in postings.iter().chain(same_terms.values()) {
        let list = &list[..list.len().min(MAX_POSTINGS)];
        for (k, &a) in list.iter().enumerate() {
            for &b in &list[k + 1..] {
                if ctx.source_of[units[a].art] != ctx.source_of[units[b].art] {
                    candidates.push((a.min(b), a.max(b)));
                    if candidates.len() >= compact_at {
                        candidates.sort_unstable();
                        candidates.dedup();
                        compact_at = compact_at.max(candidates.len() * 2);
                    }
                }
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    candidates
}

/// Weight, count and count of non-name terms that two clauses share (both
/// term lists sorted by id).
fn overlap(a: &[(u32, f64)], b: &[(u32, f64)], names: &[String]) -> (f64, usize, usize) {
    let (mut i, mut j) = (0, 0);
    let (mut w, mut count, mut content) = (0.0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                w += a[i].1;
                count += 1;
                if !names[a[i].0 as usize].starts_with('@') {
                    content += 1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    (w, count, content)
}

/// A statement unit that is the whole sentence rather than one clause.
const WHOLE: usize = usize::MAX;

/// What a unit says beyond its terms: negation, compass bearings, figures.
fn unit_marks<'a>(u: &Unit<'a>) -> (bool, Vec<f64>, Vec<&'a Fact>) {
    let inside = |k: usize| u.clause == WHOLE || k == u.clause;
    let clauses = u.claim.clauses.iter().enumerate().filter(|(k, _)| inside(*k));
    let (mut negated, mut bearings) = (false, Vec::new());
    for (_, c) in clauses {
        negated |= c.negated;
        bearings.extend(c.bearings.iter().copied());
    }
    (negated, bearings, u.claim.facts.iter().filter(|f| inside(f.clause)).collect())
}

/// Two clauses may state the same fact: no negation on one side only, no
/// opposite compass directions, no two different figures for one thing.
fn compatible(a: &Unit, b: &Unit) -> bool {
    let (neg_a, bear_a, facts_a) = unit_marks(a);
    let (neg_b, bear_b, facts_b) = unit_marks(b);
    if neg_a != neg_b {
        return false;
    }
    // "went ahead" / "was postponed": the outcome conflict, never an agreement
    if a.outcomes().iter().any(|x| b.outcomes().iter().any(|y| x.0 == y.0 && x.1 == y.1 && x.2 != y.2)) {
        return false;
    }
    if !bear_a.is_empty()
        && !bear_b.is_empty()
        && !bear_a.iter().any(|&x| bear_b.iter().any(|&y| bearing_gap(x, y) <= 45.0))
    {
        return false;
    }
    for fa in &facts_a {
        for fb in &facts_b {
            if fa.dimension == fb.dimension && fa.head.is_some() && fa.head == fb.head && !overlaps(fa, fb) {
                return false;
            }
        }
    }
    true
}

/// Average-link clustering over sparse edges (absent pairs score 0), merging
/// along the strongest edges first.
pub(super) fn sparse_average_link(n: usize, edges: &[(usize, usize, f64)], threshold: f64) -> Vec<Vec<usize>> {
    let mut cluster_of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut adj: Vec<HashMap<usize, f64>> = vec![HashMap::default(); n];
    for &(a, b, s) in edges {
        adj[a].insert(b, s);
        adj[b].insert(a, s);
    }
    for &(a, b, _) in edges {
        let (ca, cb) = (cluster_of[a], cluster_of[b]);
        if ca == cb {
            continue;
        }
        let total: f64 = members[ca]
            .iter()
            .map(|&x| members[cb].iter().map(|y| adj[x].get(y).copied().unwrap_or(0.0)).sum::<f64>())
            .sum();
        let avg = total / (members[ca].len() * members[cb].len()) as f64;
        if avg < threshold {
            continue;
        }
        let (keep, gone) = if ca < cb { (ca, cb) } else { (cb, ca) };
        let moved = std::mem::take(&mut members[gone]);
        for &m in &moved {
            cluster_of[m] = keep;
        }
        members[keep].extend(moved);
    }
    members
        .into_iter()
        .filter(|m| m.len() >= 2)
        .map(|mut m| {
            m.sort_unstable();
            m
        })
        .collect()
}

fn statement_topic(
    ctx: &Ctx,
    story: &str,
    units: &[Unit],
    group: &[usize],
    edges: &[(usize, usize, f64)],
    n_sources: usize,
) -> Topic {
    let inside: BTreeSet<usize> = group.iter().copied().collect();
    let mut centrality: BTreeMap<usize, f64> = BTreeMap::new();
    let mut sum = 0.0;
    let mut count = 0usize;
    for &(a, b, s) in edges {
        if inside.contains(&a) && inside.contains(&b) {
            *centrality.entry(a).or_default() += s;
            *centrality.entry(b).or_default() += s;
            sum += s;
            count += 1;
        }
    }
    let center = group
        .iter()
        .copied()
        .max_by(|x, y| centrality.get(x).unwrap_or(&0.0).total_cmp(centrality.get(y).unwrap_or(&0.0)).then(y.cmp(x)))
        .unwrap_or(group[0]);
    let u = &units[center];
    let text = clause_text(u);
    let mut articles: Vec<crate::model::ArticleId> = Vec::new();
    let mut ev: Vec<Evidence> = Vec::new();
    let mut sources: BTreeSet<String> = BTreeSet::new();
    for &m in group {
        let x = &units[m];
        let id = &ctx.records[x.art].article.id;
        if !articles.contains(id) {
            articles.push(id.clone());
        }
        let (s, e, text) = clause_span(x);
        ev.push(Evidence { article: id.clone(), start: s, end: e, text });
        if let Assertion::Attributed { name, .. } = &x.claim.asserted_by {
            sources.insert(name.clone());
        }
    }
    articles.sort();
    ev.sort_by(|a, b| a.article.cmp(&b.article).then(a.start.cmp(&b.start)));
    ev.dedup_by(|a, b| a.article == b.article && a.start == b.start);
    let mean = if count == 0 { 0.0 } else { sum / count as f64 };
    Topic {
        topic: short(&text, 110),
        kind: TopicKind::Statement,
        story: story.to_string(),
        values: vec![TopicValue { value: text, articles, evidence: ev, sources: sources.into_iter().collect() }],
        confidence: ((0.4 + 0.5 * mean).min(0.9) * 100.0).round() / 100.0,
        independent_sources: n_sources,
        self_contradiction: false,
        note: None,
        nature: None,
    }
}

/// The clause's file span and its text.
fn clause_span(u: &Unit) -> (usize, usize, String) {
    match u.claim.clauses.get(u.clause) {
        Some(c) => (c.start, c.end, u.claim.text.get(c.text_start..c.text_end).unwrap_or_default().to_string()),
        None => (u.claim.start, u.claim.end, u.claim.text.clone()),
    }
}

fn clause_text(u: &Unit) -> String {
    clause_span(u).2
}

/// At most `max` bytes, cut at a word boundary, with an ellipsis.
pub(super) fn short(text: &str, max: usize) -> String {
    let t = text.trim().trim_end_matches(['.', ',', ';', ':']);
    if t.len() <= max {
        return t.to_string();
    }
    let mut cut = max;
    while !t.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &t[..cut];
    let head = head.rfind(' ').map_or(head, |i| &head[..i]);
    format!("{head}…")
}
