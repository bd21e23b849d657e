//! The weapon of the attack, per article: one source says a rifle, the
//! others a shotgun.
//!
//! Compared per article, not per mention: an article that names two kinds as
//! used ("a rifle and a handgun") is compatible with either and takes no side;
//! only articles naming one kind do. Kinds that differ between independent
//! sources are a conflict (an update when the articles of each kind follow
//! one another in publication time: a first-day report corrected later).

use super::*;

/// The weapon facts' dimension (`extract::frames::weapons`).
pub(super) const WEAPON: &str = "weapon";

pub(super) fn weapons(ctx: &Ctx, story: usize, claims: &[(usize, usize)]) -> Aligned {
    // article → kinds it names as used, each with its first evidence
    let mut by_article: BTreeMap<usize, BTreeMap<usize, Evidence>> = BTreeMap::new();
    for &(art, c) in claims {
        let Some(claim) = ctx.records.get(art).and_then(|r| r.claims.get(c)) else { continue };
        for f in claim.facts.iter().filter(|f| f.dimension == WEAPON && !f.background) {
            by_article
                .entry(art)
                .or_default()
                .entry(f.value as usize)
                .or_insert_with(|| evidence(ctx, art, claim, f.clause));
        }
    }
    // kind → the articles naming only that kind
    let mut by_kind: BTreeMap<usize, Vec<(usize, Evidence)>> = BTreeMap::new();
    for (art, kinds) in by_article {
        if kinds.len() == 1
            && let Some((kind, ev)) = kinds.into_iter().next()
        {
            by_kind.entry(kind).or_default().push((art, ev));
        }
    }
    let mut out = Aligned::default();
    let value = |kind: usize, uses: &[(usize, Evidence)]| {
        let mut articles: Vec<crate::model::ArticleId> =
            uses.iter().map(|(a, _)| ctx.records[*a].article.id.clone()).collect();
        articles.sort();
        articles.dedup();
        let name = crate::lang::lexicon().weapon_name(kind).unwrap_or("weapon");
        TopicValue {
            value: format!("a {name}"),
            articles,
            evidence: uses.iter().map(|(_, e)| e.clone()).collect(),
            sources: Vec::new(),
        }
    };
    let story_id = ctx.story_ids[story].clone();
    let independent = ctx.sources(by_kind.values().flatten().map(|(a, _)| *a));
    if by_kind.len() >= 2 && independent >= 2 {
        let mut values: Vec<TopicValue> = by_kind.iter().map(|(&k, uses)| value(k, uses)).collect();
        values.sort_by(|a, b| b.articles.len().cmp(&a.articles.len()).then(a.value.cmp(&b.value)));
        let nature =
            if publication_ordered(ctx, &by_kind) { ConflictNature::Update } else { ConflictNature::Disagreement };
        out.conflicts.push(Topic {
            topic: "weapon used".to_string(),
            kind: TopicKind::Statement,
            story: story_id,
            values,
            confidence: 0.7,
            independent_sources: independent,
            self_contradiction: false,
            note: None,
            nature: Some(nature),
        });
    } else if let Some((&kind, uses)) = by_kind.iter().next()
        && ctx.sources(uses.iter().map(|(a, _)| *a)) >= 2
    {
        out.agreements.push(Topic {
            topic: "weapon used".to_string(),
            kind: TopicKind::Statement,
            story: story_id,
            values: vec![value(kind, uses)],
            confidence: 0.7,
            independent_sources: independent,
            self_contradiction: false,
            note: None,
            nature: None,
        });
    }
    out
}

/// Every article of one kind was published before every article of the next.
fn publication_ordered(ctx: &Ctx, by_kind: &BTreeMap<usize, Vec<(usize, Evidence)>>) -> bool {
    let mut spans: Vec<(String, String)> = Vec::new();
    for uses in by_kind.values() {
        let dates: Option<Vec<String>> = uses.iter().map(|(a, _)| ctx.records[*a].article.published.clone()).collect();
        let Some(mut dates) = dates else { return false };
        dates.sort();
        match (dates.first(), dates.last()) {
            (Some(lo), Some(hi)) => spans.push((lo.clone(), hi.clone())),
            _ => return false,
        }
    }
    spans.sort();
    spans.windows(2).all(|w| w[0].1 < w[1].0)
}
