//! Name spellings that differ between outlets, as conflicts of kind `name`.

use super::*;

/// Outlets that spell one person's or organization's name differently
/// ("Wolfe" / "Wolff"): a conflict of kind `name`, each spelling with the
/// articles and mentions that use it. Fuller forms ("Anna Ruiz" / "Ruiz") and
/// differences of case or punctuation are not spellings.
pub fn name_conflicts(
    ctx: &Ctx,
    entities: &[crate::model::Entity],
    variants: &[crate::model::NameVariant],
) -> Vec<Topic> {
    let index: HashMap<&str, usize> = ctx.records.iter().enumerate().map(|(i, r)| (&*r.article.id, i)).collect();
    let by_id: HashMap<&str, &crate::model::Entity> = entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let mut out = split_spellings(ctx, entities);
    for v in variants {
        let Some(entity) = by_id.get(v.entity.as_str()) else { continue };
        if !matches!(entity.kind, crate::model::EntityKind::Person | crate::model::EntityKind::Organization) {
            continue;
        }
        let mut forms: BTreeMap<String, (String, BTreeSet<usize>)> = BTreeMap::new();
        for sp in &v.spellings {
            let e = forms.entry(letters(&sp.form)).or_insert_with(|| (sp.form.clone(), BTreeSet::new()));
            e.1.extend(sp.articles.iter().filter_map(|a| index.get(a.as_str()).copied()));
        }
        if forms.len() < 2 || !spelling_variants(forms.values().map(|f| f.0.as_str())) {
            continue;
        }
        let sides: Vec<&(String, BTreeSet<usize>)> = forms.values().collect();
        let all: BTreeSet<usize> = sides.iter().flat_map(|s| s.1.iter().copied()).collect();
        let independent = ctx.sources(all.iter().copied());
        if independent < 2 || sides.iter().any(|s| s.1.is_empty()) {
            continue;
        }
        let Some(&first) = all.iter().next() else { continue };
        let mut values: Vec<TopicValue> = sides
            .iter()
            .map(|(form, arts)| {
                let mut articles: Vec<crate::model::ArticleId> =
                    arts.iter().map(|&a| ctx.records[a].article.id.clone()).collect();
                articles.sort();
                let mut evidence: Vec<Evidence> = entity
                    .mentions
                    .iter()
                    .filter(|m| letters(&m.text) == letters(form) && articles.contains(&m.article))
                    .cloned()
                    .collect();
                evidence.sort_by(|a, b| a.article.cmp(&b.article).then(a.start.cmp(&b.start)));
                evidence.dedup_by(|a, b| a.article == b.article);
                TopicValue { value: form.clone(), articles, evidence, sources: Vec::new() }
            })
            .collect();
        values.sort_by(|a, b| b.articles.len().cmp(&a.articles.len()).then(a.value.cmp(&b.value)));
        out.push(Topic {
            topic: format!("spelling of {}", entity.name),
            kind: TopicKind::Name,
            story: ctx.story_ids[ctx.story_of[first]].clone(),
            values,
            confidence: 0.6,
            independent_sources: independent,
            self_contradiction: false,
            note: Some("the same name spelled differently".to_string()),
            nature: Some(ConflictNature::Disagreement),
        });
    }
    out
}

/// Two people the resolution kept apart whose names differ only in a close
/// spelling of the surname ("Anthony LaCalamita" / "Anthony Calamita"), and
/// who never appear in the same article: one outlet most likely misspelled
/// the other's name. Same story, same given name; the surnames are within two
/// edits, or one ends with the other.
fn split_spellings(ctx: &Ctx, entities: &[crate::model::Entity]) -> Vec<Topic> {
    let index: HashMap<&str, usize> = ctx.records.iter().enumerate().map(|(i, r)| (&*r.article.id, i)).collect();
    let mut groups: BTreeMap<(usize, String), Vec<Person>> = BTreeMap::new();
    for e in entities.iter().filter(|e| e.kind == crate::model::EntityKind::Person) {
        let words: Vec<&str> = e.name.split_whitespace().collect();
        let (Some(given), Some(surname)) = (words.first(), words.iter().rev().find(|w| !is_suffix(w))) else {
            continue;
        };
        if words.len() < 2 {
            continue;
        }
        let arts: BTreeSet<usize> = e.mentions.iter().filter_map(|m| index.get(&*m.article).copied()).collect();
        let Some(&first) = arts.iter().next() else { continue };
        let key = (ctx.story_of[first], given.to_lowercase());
        groups.entry(key).or_default().push((e, arts, surname.to_lowercase()));
    }
    let mut out = Vec::new();
    for ((story, _), people) in groups {
        for (i, (a, arts_a, sa)) in people.iter().enumerate() {
            for (b, arts_b, sb) in &people[i + 1..] {
                if sa == sb || !arts_a.is_disjoint(arts_b) || sa.chars().count() < 5 || sb.chars().count() < 5 {
                    continue;
                }
                let close = strsim::levenshtein(sa, sb) <= 2 || sa.ends_with(sb.as_str()) || sb.ends_with(sa.as_str());
                if !close || ctx.sources(arts_a.iter().chain(arts_b.iter()).copied()) < 2 {
                    continue;
                }
                let value = |e: &crate::model::Entity, arts: &BTreeSet<usize>| {
                    let mut articles: Vec<crate::model::ArticleId> =
                        arts.iter().map(|&x| ctx.records[x].article.id.clone()).collect();
                    articles.sort();
                    let mut evidence: Vec<Evidence> = e.mentions.clone();
                    evidence.sort_by(|x, y| x.article.cmp(&y.article).then(x.start.cmp(&y.start)));
                    evidence.dedup_by(|x, y| x.article == y.article);
                    TopicValue { value: e.name.clone(), articles, evidence, sources: Vec::new() }
                };
                let mut values = vec![value(a, arts_a), value(b, arts_b)];
                values.sort_by(|x, y| y.articles.len().cmp(&x.articles.len()).then(x.value.cmp(&y.value)));
                let main = values[0].value.clone();
                out.push(Topic {
                    topic: format!("spelling of {main}"),
                    kind: TopicKind::Name,
                    story: ctx.story_ids[story].clone(),
                    values,
                    confidence: 0.5,
                    independent_sources: ctx.sources(arts_a.iter().chain(arts_b.iter()).copied()),
                    self_contradiction: false,
                    note: Some("two spellings never used in the same article; possibly one person".to_string()),
                    nature: Some(ConflictNature::Disagreement),
                });
            }
        }
    }
    out
}

/// A person entity, the articles naming it and its surname (lowercase).
type Person<'a> = (&'a crate::model::Entity, BTreeSet<usize>, String);

fn is_suffix(w: &str) -> bool {
    crate::lang::classes::is_name_suffix(w)
}

/// Every form has the same words but one, and that word is spelled within two
/// edits of the others ("Ilene Wolfe" / "Ilene Wolff"): a spelling, not a
/// different or fuller name ("Democrats" / "Democratic Party", "Donald J.
/// Trump" / "Donald Trump Jr.", "UN" / "United Nations").
pub(super) fn spelling_variants<'a>(forms: impl Iterator<Item = &'a str>) -> bool {
    let words: Vec<Vec<String>> = forms
        .map(|f| f.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect())
        .collect();
    let Some(first) = words.first() else { return false };
    words.iter().skip(1).all(|w| {
        if w.len() != first.len() {
            return false;
        }
        let diff: Vec<(&String, &String)> = first.iter().zip(w).filter(|(a, b)| a != b).collect();
        diff.len() == 1
            && diff
                .iter()
                .all(|(a, b)| a.chars().count() >= 4 && b.chars().count() >= 4 && strsim::levenshtein(a, b) <= 2)
    })
}
