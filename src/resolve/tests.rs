use super::*;
use crate::aliases;
use crate::extract::entities::extract_with;
use crate::extract::entities::tests::{TEST_GAZ, TestDoc};
use crate::model::{Article, ArticleRecord, Sketch, TextEncoding};

fn record(id: &str, text: &str) -> ArticleRecord {
    let t = TestDoc::new(text, false);
    let mut doc = t.doc();
    let id_arc: crate::model::ArticleId = id.into();
    doc.id = &id_arc;
    let (local_entities, mentions) = extract_with(&doc, &TEST_GAZ, None);
    for m in &mentions {
        assert_eq!(&text[m.start..m.end], m.text);
    }
    ArticleRecord {
        article: Article {
            id: id.into(),
            path: id.to_string(),
            encoding: TextEncoding::Utf8,
            bytes: text.len(),
            words: 0,
            published: None,
            published_source: None,
            published_evidence: None,
            outlet: None,
            outlet_evidence: None,
            headline: None,
            headline_span: None,
            dateline: None,
            blocks: t.blocks.clone(),
            sentence_count: t.sentences.len(),
            boilerplate_blocks: 0,
            content_hash: None,
        },
        local_entities,
        mentions,
        quotes: Vec::new(),
        dates: Vec::new(),
        claims: Vec::new(),
        citations: Vec::new(),
        warnings: Vec::new(),
        sketch: Sketch::default(),
    }
}

fn resolve(texts: &[&str], cfg: &AliasConfig) -> (Vec<Entity>, Vec<Vec<String>>, Vec<ArticleRecord>) {
    let recs: Vec<ArticleRecord> = texts.iter().enumerate().map(|(i, t)| record(&format!("a{}", i + 1), t)).collect();
    let (es, maps) = resolve_with(&recs, cfg, &TEST_GAZ);
    (es, maps, recs)
}

fn named<'a>(es: &'a [Entity], name: &str) -> &'a Entity {
    es.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("no entity {name}: {es:#?}"))
}

fn count_named(es: &[Entity], part: &str) -> usize {
    es.iter().filter(|e| e.name.contains(part) || e.aliases.iter().any(|a| a.contains(part))).count()
}

#[test]
fn transliteration_variants_merge() {
    let (es, _, _) = resolve(
        &[
            "Sergei Volkov said the talks went well.",
            "Sergey Volkov said the talks were slow.",
            "Aleksandr Hrytsenko said aid was coming. Volodymyr Zelensky said so too.",
            "Alexander Hrytsenko said aid was late. Volodymyr Zelenskyy said so too. Volodymyr Zelenskiy agreed.",
        ],
        &AliasConfig::default(),
    );
    let v = named(&es, "Sergei Volkov");
    assert_eq!(v.kind, EntityKind::Person);
    assert_eq!(v.aliases, vec!["Sergey Volkov".to_string()]);
    assert_eq!(v.spellings.len(), 2);
    assert_eq!(v.spellings[1].form, "Sergey Volkov");
    assert_eq!(v.spellings[1].articles, vec!["a2".to_string()]);
    assert_eq!(count_named(&es, "Volkov"), 1);
    assert_eq!(count_named(&es, "Hrytsenko"), 1);
    assert_eq!(count_named(&es, "Zelensk"), 1, "{es:#?}");
    assert_eq!(named(&es, "Aleksandr Hrytsenko").mention_counts.len(), 2);
}

#[test]
fn exonyms_and_country_abbreviations_merge() {
    let (es, _, _) = resolve(
        &[
            "Floods reached Kharkiv and observers from the U.S. arrived.",
            "Floods reached Kharkov and observers from the United States arrived.",
            "Observers from the US stayed in Kiev.",
        ],
        &AliasConfig::default(),
    );
    let k = named(&es, "Kharkiv");
    assert_eq!(k.kind, EntityKind::Place);
    assert_eq!(k.aliases, vec!["Kharkov".to_string()]);
    let us = named(&es, "United States");
    assert_eq!(us.mentions.len(), 3);
    assert_eq!(us.aliases, vec!["U.S.".to_string(), "US".to_string()]);
    assert_eq!(named(&es, "Kyiv").aliases, vec!["Kiev".to_string()]);
}

#[test]
fn namesakes_stay_apart() {
    let (es, _, _) = resolve(
        &[
            "Bill Clinton said the plan was sound. Daniel Okafor agreed.",
            "Hillary Clinton said the plan was weak. Grace Okafor disagreed.",
            "Clinton said nothing more.",
        ],
        &AliasConfig::default(),
    );
    assert_ne!(named(&es, "Bill Clinton").id, named(&es, "Hillary Clinton").id);
    assert_ne!(named(&es, "Daniel Okafor").id, named(&es, "Grace Okafor").id);
    // The bare surname is ambiguous corpus-wide: it joins neither.
    assert!(!named(&es, "Bill Clinton").aliases.contains(&"Clinton".to_string()));
    assert!(!named(&es, "Hillary Clinton").aliases.contains(&"Clinton".to_string()));
}

#[test]
fn gendered_given_names_stay_apart() {
    let (es, _, _) = resolve(&["Daniel Okafor said yes.", "Daniela Okafor said no."], &AliasConfig::default());
    assert_ne!(named(&es, "Daniel Okafor").id, named(&es, "Daniela Okafor").id);
}

#[test]
fn bare_surname_joins_the_only_full_name() {
    let (es, maps, recs) = resolve(
        &["Sergei Lavrov said the meeting was useful.", "Lavrov said the meeting was useful."],
        &AliasConfig::default(),
    );
    let l = named(&es, "Sergei Lavrov");
    assert_eq!(l.kind, EntityKind::Person);
    assert_eq!(l.mention_counts.get("a2"), Some(&1));
    assert_eq!(maps[1][recs[1].mentions[0].local], l.id);
}

#[test]
fn canonical_is_fullest_then_most_used() {
    let (es, _, _) = resolve(
        &["Sergey Volkov said yes.", "Sergey Volkov said no.", "Sergei Volkov said maybe."],
        &AliasConfig::default(),
    );
    assert_eq!(count_named(&es, "Volkov"), 1);
    assert!(es.iter().any(|e| e.name == "Sergey Volkov"), "most articles win: {es:#?}");
}

#[test]
fn ids_follow_mention_counts_and_maps_cover_every_local() {
    let (es, maps, recs) = resolve(
        &["Ukraine and Ukraine again, with Sergei Volkov.", "Ukraine, said Sergei Volkov."],
        &AliasConfig::default(),
    );
    assert_eq!(es[0].name, "Ukraine");
    assert_eq!(es[0].id, "e1");
    for (r, m) in recs.iter().zip(&maps) {
        assert_eq!(r.local_entities.len(), m.len());
        assert!(m.iter().all(|id| es.iter().any(|e| &e.id == id)));
    }
    // Same input, same output.
    let (es2, maps2, _) = resolve(
        &["Ukraine and Ukraine again, with Sergei Volkov.", "Ukraine, said Sergei Volkov."],
        &AliasConfig::default(),
    );
    assert_eq!(es, es2);
    assert_eq!(maps, maps2);
}

#[test]
fn nominal_mentions_are_not_entity_mentions() {
    let (es, _, recs) = resolve(
        &["Aleksandr Hrytsenko, the emergency minister, spoke. The minister said more aid was coming."],
        &AliasConfig::default(),
    );
    assert!(recs[0].mentions.iter().any(|m| m.rule == "nominal/role"));
    let h = named(&es, "Aleksandr Hrytsenko");
    assert_eq!(h.mentions.len(), 1);
    assert_eq!(h.roles, vec!["emergency minister".to_string()]);
}

#[test]
fn alias_file_merges_and_splits() {
    let cfg = aliases::parse(
        "[[merge]]\nnames = [\"Tarik Zendejas\", \"Tariq Zendeyas\"]\ncanonical = \"Tariq Zendejas\"\n\
         [[split]]\nnames = [\"Sergei Volkov\", \"Sergey Volkov\"]\n",
    )
    .unwrap();
    let (es, _, _) = resolve(
        &["Tarik Zendejas said it.", "Tariq Zendeyas said it.", "Sergei Volkov said it.", "Sergey Volkov said it."],
        &cfg,
    );
    let z = named(&es, "Tariq Zendejas");
    assert_eq!(z.mention_counts.len(), 2);
    assert_ne!(named(&es, "Sergei Volkov").id, named(&es, "Sergey Volkov").id);
}

#[test]
fn outlets_stay_marked() {
    let (es, _, _) =
        resolve(&["Reuters reported the vote.", "The vote was reported by Reuters."], &AliasConfig::default());
    let r = named(&es, "Reuters");
    assert!(r.outlet);
    assert_eq!(r.mention_counts.len(), 2);
}

#[test]
fn spelling_key_rules() {
    assert_eq!(spelling_key("Zelenskyy"), spelling_key("Zelensky"));
    assert_eq!(spelling_key("Zelenskiy"), spelling_key("Zelensky"));
    assert_eq!(spelling_key("Odessa"), spelling_key("Odesa"));
    assert_eq!(spelling_key("Navalnyy"), spelling_key("Navalny"));
    assert_ne!(spelling_key("Clinton"), spelling_key("Clifton"));
}

#[test]
fn unclear_kind_joins_a_known_entity_of_the_same_spelling() {
    let (es, _, _) =
        resolve(&["Eastwire reported the vote.", "The vote, Eastwire wrote, was close."], &AliasConfig::default());
    let e: Vec<&Entity> = es.iter().filter(|e| e.name == "Eastwire").collect();
    assert_eq!(e.len(), 1, "{es:#?}");
    assert!(e[0].outlet);
    assert_eq!(e[0].kind, EntityKind::Organization);
}

#[test]
fn generations_of_one_name_stay_apart() {
    let (es, _, _) = resolve(
        &[
            "Tomas Greer Jr. said the farm was sold.",
            "Tomas Greer Sr. said the farm was his.",
            "Tomas Greer said nothing.",
        ],
        &AliasConfig::default(),
    );
    assert_eq!(es.iter().filter(|e| e.name.starts_with("Tomas Greer")).count(), 3, "{es:#?}");
    // One suffix only: the plain form is the same man.
    let (es, _, _) = resolve(
        &["Tomas Greer III said the farm was sold.", "Tomas Greer said the farm was sold."],
        &AliasConfig::default(),
    );
    assert_eq!(es.iter().filter(|e| e.name.starts_with("Tomas Greer")).count(), 1, "{es:#?}");
}

#[test]
fn short_forms_of_given_names_join_when_one_formal_name_fits() {
    let (es, _, _) = resolve(
        &["Chuck Berglund said the vote failed.", "Charles Berglund said the vote was close."],
        &AliasConfig::default(),
    );
    assert_eq!(count_named(&es, "Berglund"), 1, "{es:#?}");
    // "Chris" could be either of two people: it joins neither.
    let (es, _, _) = resolve(
        &[
            "Chris Lanny said the vote failed.",
            "Christopher Lanny said the vote was close.",
            "Christine Lanny said the vote was a disgrace.",
        ],
        &AliasConfig::default(),
    );
    assert_eq!(es.iter().filter(|e| e.name.contains("Lanny")).count(), 3, "{es:#?}");
}

#[test]
fn greek_and_russian_transliterations_of_given_names_merge() {
    let recs: Vec<ArticleRecord> = [
        "Dimitris Pappas said the port would open.",
        "Dimitrios Pappas said the port was ready.",
        "Konstantinos Vlachos said no.",
        "Constantinos Vlachos said yes.",
        "Michail Orlov said the talks ended.",
        "Mikhail Orlov said the talks went on.",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| record(&format!("a{}", i + 1), t))
    .collect();
    let (es, _) = resolve_with(&recs, &AliasConfig::default(), &crate::gazetteer::GAZ);
    for surname in ["Pappas", "Vlachos", "Orlov"] {
        assert_eq!(count_named(&es, surname), 1, "{surname}: {es:#?}");
    }
}

#[test]
fn a_country_typed_as_a_team_is_still_the_country() {
    let mut recs: Vec<ArticleRecord> = ["France sent aid to the region.", "France 2 Ukraine 1"]
        .iter()
        .enumerate()
        .map(|(i, t)| record(&format!("a{i}"), t))
        .collect();
    // Fire: the results line typed the name as a team (an organization, no gazetteer key).
    for le in recs[1].local_entities.iter_mut().filter(|l| l.name == "France") {
        le.kind = EntityKind::Organization;
        le.gazetteer = None;
    }
    let (es, _) = resolve_with(&recs, &AliasConfig::default(), &TEST_GAZ);
    let france: Vec<&Entity> = es.iter().filter(|e| e.name == "France").collect();
    assert_eq!(france.len(), 1, "{es:#?}");
    assert_eq!(france[0].kind, EntityKind::Place);
    assert_eq!(france[0].mentions.len(), 2);
    // No fire: an organization whose name is no country keeps its kind.
    let recs = vec![record("b1", "Shares in Norvex Holdings fell on Monday.")];
    let (es, _) = resolve_with(&recs, &AliasConfig::default(), &TEST_GAZ);
    assert!(es.iter().all(|e| e.kind != EntityKind::Place), "{es:#?}");
}
