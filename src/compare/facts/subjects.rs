//! Whose figure it is and what it covers: the subject, voice and period
//! tests that decide whether two figures can be one fact told two ways.

use super::*;

/// The organizations (outlets aside) a claim's sentence names outside the
/// span that attributes it ("..., the Justice Department said": the source
/// of a figure, not whose it is), unless the source tells of its own ("Harrow
/// Mills Inc. said its net income fell").
pub(super) fn subject_organizations<'a>(ctx: &'a Ctx, art: usize, order: &[usize], claim: &Claim) -> BTreeSet<&'a str> {
    let source = match &claim.asserted_by {
        crate::model::Assertion::Attributed { span, cue, .. } if !tells_of_its_own(claim, span.end, cue) => {
            Some((span.start, span.end))
        }
        _ => None,
    };
    mentions_within(ctx, art, order, claim.start, claim.end)
        .filter(|(m, _)| source.is_none_or(|(s, e)| m.end <= s || m.start >= e))
        .map(|(_, id)| id)
        .filter(|id| {
            ctx.entity_by_id.get(id).is_some_and(|e| e.kind == crate::model::EntityKind::Organization && !e.outlet)
        })
        .collect()
}

/// "<source> said its ...", "<source> reported their ...": the figure is
/// the source's own.
pub(super) fn tells_of_its_own(claim: &Claim, source_end: usize, cue: &str) -> bool {
    let Some(after) = source_end.checked_sub(claim.start).and_then(|k| claim.text.get(k..)) else { return false };
    let mut words = after.split_whitespace();
    words.next().is_some_and(|w| w.eq_ignore_ascii_case(cue))
        && words.next().is_some_and(|w| matches!(w.to_lowercase().as_str(), "its" | "their"))
}

/// Two sources' figures are about different organizations: each sentence
/// names organizations (outside its attribution) that the other's article
/// never mentions. "Milton Roy earned $1.18 a share" and "Esselte earned 46 cents
/// a share" are two companies' results, not one figure told two ways.
pub(super) fn other_companies(ctx: &Ctx, a: &Item, b: &Item) -> bool {
    let mentions = |art: usize, id: &str| {
        ctx.article_entities.get(art).is_some_and(|ids| ids.binary_search_by(|x| x.as_str().cmp(id)).is_ok())
    };
    !a.orgs.is_empty()
        && !b.orgs.is_empty()
        && !a.orgs.iter().any(|id| mentions(b.art, id))
        && !b.orgs.iter().any(|id| mentions(a.art, id))
}

/// Figures of two reporting periods are two figures ("12 cents a share in
/// the quarter", "40 cents for the nine months"); a figure without one may
/// be of either, and "the quarter" is whichever quarter is named.
pub(super) fn same_period(a: &Fact, b: &Fact) -> bool {
    match (a.period.as_deref(), b.period.as_deref()) {
        (Some(x), Some(y)) => {
            x == y || (x == "quarter" && y.ends_with(" quarter")) || (y == "quarter" && x.ends_with(" quarter"))
        }
        _ => true,
    }
}

/// Three or more values, a third of whose articles each give two values
/// that disagree in one voice, are figures of a recurring kind listed by
/// every source (each company's earnings a share and the year-ago figure,
/// each team's record over its last games, each city's toll), not one thing
/// told differently. Two values an article gives in two voices ("police said
/// 15,000, organisers more than 60,000") are the dispute itself.
pub(super) fn listing(items: &[Item], groups: &[&Vec<usize>]) -> bool {
    if groups.len() < 3 {
        return false;
    }
    let mut by_article: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for (gi, g) in groups.iter().enumerate() {
        for &i in g.iter() {
            by_article.entry(items[i].art).or_default().push((gi, i));
        }
    }
    let differ = |(gx, x): (usize, usize), (gy, y): (usize, usize)| {
        gx != gy
            && !overlaps(items[x].fact, items[y].fact)
            && !agree(items[x].fact, items[y].fact)
            && same_voice(&items[x].claim.asserted_by, &items[y].claim.asserted_by)
    };
    let several = by_article
        .values()
        .filter(|its| its.iter().enumerate().any(|(k, &a)| its[k + 1..].iter().any(|&b| differ(a, b))))
        .count();
    by_article.len() >= 2 && 3 * several >= by_article.len()
}

/// Told by the same voice: both the article's own, or attributed to one name.
pub(super) fn same_voice(a: &crate::model::Assertion, b: &crate::model::Assertion) -> bool {
    use crate::model::Assertion::{Article, Attributed};
    match (a, b) {
        (Article, Article) => true,
        (Attributed { name: x, .. }, Attributed { name: y, .. }) => x.eq_ignore_ascii_case(y),
        _ => false,
    }
}

/// Two figures of one article are told of one subject when their clauses
/// name an entity in common, or (when a clause names none) their sentences
/// do or neither names any: an article giving one pitcher's hits and then
/// another's ("Coppinger ... 10 hits", "Belcher ... nine hits") is reporting
/// two things, not contradicting itself.
/// Entities of kind `other` do not count: a fragment such as the "C" of
/// "C$ 11.55" names no subject.
pub(super) fn same_subject<'a>(ctx: &Ctx, a: &Item<'a>, b: &Item<'a>) -> bool {
    let named = |x: &BTreeSet<&'a str>| -> Vec<&'a str> {
        x.iter()
            .copied()
            .filter(|id| ctx.entity_by_id.get(id).is_none_or(|e| e.kind != crate::model::EntityKind::Other))
            .collect()
    };
    let shared = |x: &[&str], y: &[&str]| (x.is_empty() && y.is_empty()) || x.iter().any(|id| y.contains(id));
    let (ca, cb) = (named(&a.entities), named(&b.entities));
    if !ca.is_empty() && !cb.is_empty() {
        return shared(&ca, &cb);
    }
    shared(&named(&a.sentence_entities), &named(&b.sentence_entities))
}

/// Two figures of one article say what happened to the same thing: the
/// same predicate ("killed"), or a reference place ("west of Anderson
/// Springs"; two different places never pair, see [`pair_score`]). Shared
/// words alone ("Women's 100 metres hurdles", "Men's 400 metres hurdles")
/// are the headings of a list.
pub(super) fn same_frame(a: &Fact, b: &Fact) -> bool {
    (a.predicate.is_some() && a.predicate == b.predicate) || a.reference.is_some() || b.reference.is_some()
}

/// The mentions lying inside `start..end` of an article, with their global
/// entity ids, found from `order` (mention indices by start).
pub(super) fn mentions_within<'a: 'o, 'o>(
    ctx: &'a Ctx,
    art: usize,
    order: &'o [usize],
    start: usize,
    end: usize,
) -> impl Iterator<Item = (&'a crate::model::Mention, &'a str)> + 'o {
    let rec = ctx.records.get(art);
    let map = ctx.entity_ids.get(art);
    let first =
        rec.map_or(order.len(), |r| order.partition_point(|&i| r.mentions.get(i).is_some_and(|m| m.start < start)));
    order[first..]
        .iter()
        .map_while(move |&i| rec?.mentions.get(i))
        .take_while(move |m| m.start <= end)
        .filter(move |m| m.end <= end)
        .filter_map(move |m| Some((m, map?.get(m.local)?.as_str())))
}
