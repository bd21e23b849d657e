//! A large synthetic report for the size limits of the renderers: building
//! one through the pipeline would take minutes, and the renderers only read
//! the model. Items are built through serde, so fields added to the model
//! later (with serde defaults) need no change here.

use crate::model::{
    Article, Claim, Comparison, Entity, EntityKind, Evidence, Report, SingleSourceFact, Story, Summary, Topic,
    TopicKind, Warning, WarningKind,
};
use serde_json::json;
use std::collections::BTreeMap;

fn article(i: usize) -> Article {
    let id = format!("corpus/outlet-{:03}/article-{i:06}.txt", i % 500);
    serde_json::from_value(json!({
        "id": id, "path": id, "encoding": "utf-8", "bytes": 2500, "words": 400,
        "published": "2026-04-02", "published_source": null, "outlet": format!("Outlet {}", i % 500),
        "headline": format!("River flood number {i} leaves the lower town under water again"),
        "blocks": [], "sentence_count": 20, "boilerplate_blocks": 0,
    }))
    .expect("an article")
}

fn evidence(a: &Article) -> Evidence {
    Evidence {
        article: a.id.clone(),
        start: 0,
        end: 40,
        text: "About 2,000 people were evacuated from the lower town on Tuesday.".into(),
    }
}

/// One story of 50 articles: a conflict whose two values are given by 25
/// articles each, and three single-source facts.
fn story(s: usize, chunk: &[Article]) -> (Story, Topic, Vec<SingleSourceFact>) {
    let id = format!("s{}", s + 1);
    let story = Story {
        id: id.clone(),
        label: format!("flood {s}"),
        articles: chunk.iter().map(|a| a.id.to_string()).collect(),
    };
    let half = chunk.len() / 2;
    let values: Vec<_> = [(&chunk[..half], "about 2,000"), (&chunk[half..], "1,800")]
        .into_iter()
        .map(|(arts, v)| {
            json!({"value": v, "articles": arts.iter().map(|a| a.id.to_string()).collect::<Vec<_>>(),
                   "evidence": arts.iter().map(evidence).collect::<Vec<_>>()})
        })
        .collect();
    let topic: Topic = serde_json::from_value(json!({
        "topic": format!("people evacuated in district {s}"), "kind": "quantity", "story": id,
        "values": values, "confidence": 0.5 + (s % 5) as f64 / 10.0, "independent_sources": chunk.len(),
    }))
    .expect("a topic");
    let single = chunk
        .iter()
        .take(3)
        .map(|a| SingleSourceFact {
            story: id.clone(),
            article: a.id.clone(),
            kind: TopicKind::Quantity,
            topic: "shelters opened".into(),
            evidence: evidence(a),
        })
        .collect();
    (story, topic, single)
}

fn entity(i: usize, articles: &[Article]) -> Entity {
    Entity {
        id: format!("E{i}"),
        name: format!("Person Number {i}"),
        kind: EntityKind::Person,
        outlet: false,
        aliases: vec![],
        roles: vec![],
        spellings: vec![],
        mention_counts: articles.iter().skip(i).step_by(97).map(|a| (a.id.to_string(), 1)).collect::<BTreeMap<_, _>>(),
        mentions: vec![],
    }
}

fn claim(a: &Article) -> Claim {
    serde_json::from_value::<Claim>(json!({
        "id": format!("{}#c1", a.id), "article": a.id.to_string(), "start": 0, "end": 40,
        "text": "About 2,000 people were evacuated.",
        "quantities": [{"value": 2000.0, "approx": "about", "unit": null, "counts": "people",
                        "start": 0, "end": 11, "text": "About 2,000"}],
        "dates": [], "entities": [], "asserted_by": {"kind": "article"},
    }))
    .expect("a claim")
}

/// `n` articles in `n / 50` stories, each story with a conflict whose two
/// values are given by 25 articles each, plus entities, claims and warnings.
pub fn big_report(n: usize) -> Report {
    let articles: Vec<Article> = (0..n).map(article).collect();
    let mut conflicts = Vec::new();
    let mut stories = Vec::new();
    let mut single_source = Vec::new();
    for (s, chunk) in articles.chunks(50).enumerate() {
        let (story, topic, single) = story(s, chunk);
        stories.push(story);
        conflicts.push(topic);
        single_source.extend(single);
    }
    let entities = (0..n / 10).map(|i| entity(i, &articles)).collect();
    let claims = articles.iter().map(claim).collect();
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
