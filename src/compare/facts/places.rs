//! Places two or more sources locate something at.

use super::*;

/// Clauses shown per article for one place at most.
const PLACE_EVIDENCE: usize = 3;

/// Places two or more sources locate something at ("centred near Cobb",
/// "the camp in Yida"): one agreement per place, with each article's clause.
pub(super) fn places(ctx: &Ctx, story: usize, claims: &[(usize, usize)]) -> Vec<Topic> {
    let mut by_place: BTreeMap<&str, Vec<(usize, &Claim, usize)>> = BTreeMap::new();
    for &(art, c) in claims {
        let (Some(claim), Some(map)) = (ctx.records.get(art).and_then(|r| r.claims.get(c)), ctx.entity_ids.get(art))
        else {
            continue;
        };
        for (k, cl) in claim.clauses.iter().enumerate() {
            for &local in &cl.located_at {
                if let Some(id) = map.get(local) {
                    by_place.entry(id.as_str()).or_default().push((art, claim, k));
                }
            }
        }
    }
    let mut out = Vec::new();
    for (id, uses) in by_place {
        let sources = ctx.sources(uses.iter().map(|u| u.0));
        if sources < 2 {
            continue;
        }
        let Some(entity) = ctx.entity_by_id.get(id) else { continue };
        let mut articles: Vec<crate::model::ArticleId> = Vec::new();
        let mut ev: Vec<Evidence> = Vec::new();
        // every clause that places something there, a few per article: the
        // reader sees what each source says is at the place
        let mut per_article: BTreeMap<usize, usize> = BTreeMap::new();
        for &(art, claim, k) in &uses {
            let idd = &ctx.records[art].article.id;
            if !articles.contains(idd) {
                articles.push(idd.clone());
            }
            let n = per_article.entry(art).or_default();
            if *n < PLACE_EVIDENCE {
                *n += 1;
                ev.push(evidence(ctx, art, claim, k));
            }
        }
        articles.sort();
        ev.sort_by(|a, b| a.article.cmp(&b.article).then(a.start.cmp(&b.start)));
        out.push(Topic {
            topic: format!("where: {}", entity.name),
            kind: TopicKind::Place,
            story: ctx.story_ids[story].clone(),
            values: vec![TopicValue { value: entity.name.clone(), articles, evidence: ev, sources: Vec::new() }],
            confidence: 0.55,
            independent_sources: sources,
            self_contradiction: false,
            note: None,
            nature: None,
        });
    }
    out
}
