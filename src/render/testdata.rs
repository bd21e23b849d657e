//! A large synthetic report for the size limits of the renderers: building
//! one through the pipeline would take minutes, and the renderers only read
//! the model.

use crate::model::{
    Approx, Article, Assertion, Claim, Comparison, Entity, EntityKind, Evidence, Quantity, Report, SingleSourceFact,
    Story, Summary, TextEncoding, Topic, TopicKind, TopicValue, Warning, WarningKind,
};
use std::collections::BTreeMap;

fn article(i: usize) -> Article {
    Article {
        id: format!("corpus/outlet-{:03}/article-{i:06}.txt", i % 500).into(),
        path: format!("corpus/outlet-{:03}/article-{i:06}.txt", i % 500),
        encoding: TextEncoding::Utf8,
        bytes: 2500,
        words: 400,
        published: Some("2026-04-02".into()),
        published_source: None,
        published_evidence: None,
        outlet: Some(format!("Outlet {}", i % 500)),
        outlet_evidence: None,
        headline: Some(format!("River flood number {i} leaves the lower town under water again")),
        headline_span: None,
        dateline: None,
        blocks: vec![],
        sentence_count: 20,
        boilerplate_blocks: 0,
        content_hash: None,
    }
}

/// `n` articles in `n / 50` stories, each story with a conflict whose two
/// values are given by 25 articles each, plus entities, claims and warnings.
pub fn big_report(n: usize) -> Report {
    let articles: Vec<Article> = (0..n).map(article).collect();
    let ev = |a: &Article| Evidence {
        article: a.id.clone(),
        start: 0,
        end: 40,
        text: "About 2,000 people were evacuated from the lower town on Tuesday.".into(),
    };
    let mut conflicts = Vec::new();
    let mut stories = Vec::new();
    let mut single_source = Vec::new();
    for (s, chunk) in articles.chunks(50).enumerate() {
        let story = format!("s{}", s + 1);
        stories.push(Story {
            id: story.clone(),
            label: format!("flood {s}"),
            articles: chunk.iter().map(|a| a.id.to_string()).collect(),
        });
        let half = chunk.len() / 2;
        let values = [(&chunk[..half], "about 2,000"), (&chunk[half..], "1,800")]
            .into_iter()
            .map(|(arts, v)| TopicValue {
                value: v.into(),
                articles: arts.iter().map(|a| a.id.clone()).collect(),
                evidence: arts.iter().map(ev).collect(),
            })
            .collect();
        conflicts.push(Topic {
            topic: format!("people evacuated in district {s}"),
            kind: TopicKind::Quantity,
            story: story.clone(),
            values,
            confidence: 0.5 + (s % 5) as f64 / 10.0,
            independent_sources: chunk.len(),
            self_contradiction: false,
            note: None,
        });
        for a in chunk.iter().take(3) {
            single_source.push(SingleSourceFact {
                story: story.clone(),
                article: a.id.clone(),
                kind: TopicKind::Quantity,
                topic: "shelters opened".into(),
                evidence: ev(a),
            });
        }
    }
    let entities = (0..n / 10)
        .map(|i| Entity {
            id: format!("E{i}"),
            name: format!("Person Number {i}"),
            kind: EntityKind::Person,
            outlet: false,
            aliases: vec![],
            roles: vec![],
            spellings: vec![],
            mention_counts: articles
                .iter()
                .skip(i)
                .step_by(97)
                .map(|a| (a.id.to_string(), 1))
                .collect::<BTreeMap<_, _>>(),
            mentions: vec![],
        })
        .collect();
    let claims = articles
        .iter()
        .map(|a| Claim {
            id: format!("{}#c1", a.id),
            article: a.id.clone(),
            start: 0,
            end: 40,
            text: "About 2,000 people were evacuated.".into(),
            quantities: vec![Quantity {
                value: 2000.0,
                high: None,
                approx: Approx::About,
                unit: None,
                counts: Some("people".into()),
                qualifiers: vec![],
                ordinal: false,
                start: 0,
                end: 11,
                text: "About 2,000".into(),
            }],
            dates: vec![],
            entities: vec![],
            local_entities: vec![],
            asserted_by: Assertion::Article,
            polarity: vec![],
        })
        .collect();
    let warnings = (0..n / 20)
        .map(|i| Warning {
            path: format!("corpus/bad-{i}.txt"),
            kind: WarningKind::Empty,
            message: "empty file".into(),
        })
        .collect();
    Report {
        schema_version: crate::model::SCHEMA_VERSION,
        tool: "analyze test".into(),
        summary: Summary {
            articles: n,
            outlets: 500,
            stories: stories.len(),
            agreements: 0,
            conflicts: conflicts.len(),
            single_source: single_source.len(),
            quote_matches: 0,
            skipped_files: n / 20,
        },
        articles,
        entities,
        quotes: vec![],
        dates: vec![],
        claims,
        comparison: Comparison { stories, conflicts, single_source, ..Default::default() },
        warnings,
        changes: None,
    }
}
