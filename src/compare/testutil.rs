//! Hand-built article records for the comparison tests: text in, the
//! entities, quantities and dates named by the test, every sentence a claim.

use std::collections::BTreeMap;

use crate::extract::Doc;
use crate::model::*;

#[allow(dead_code)]
pub struct RecordBuilder {
    id: String,
    text: String,
    published: Option<String>,
    outlet: Option<String>,
    /// (surface name, kind, global id)
    entities: Vec<(String, EntityKind, String)>,
    quantities: Vec<Quantity>,
    dates: Vec<DateMention>,
    said: Vec<(usize, String)>,
}

pub fn article(id: &str, text: &str) -> RecordBuilder {
    RecordBuilder {
        id: id.to_string(),
        text: text.to_string(),
        published: None,
        outlet: None,
        entities: vec![],
        quantities: vec![],
        dates: vec![],
        said: vec![],
    }
}

fn blocks_and_sentences(text: &str) -> (Vec<Block>, Vec<SentenceSpan>) {
    let mut blocks = Vec::new();
    let mut sentences = Vec::new();
    let mut start = 0;
    for para in text.split("\n\n") {
        let end = start + para.len();
        let b = blocks.len();
        blocks.push(Block { kind: BlockKind::Paragraph, start, end, text: None, reason: None });
        let mut s = start;
        let bytes = text.as_bytes();
        let mut i = start;
        while i < end {
            if matches!(bytes[i], b'.' | b'!' | b'?') && (i + 1 == end || bytes[i + 1] == b' ') {
                sentences.push(SentenceSpan { start: s, end: i + 1, block: b });
                s = i + 2;
                i += 1;
            }
            i += 1;
        }
        if s < end {
            sentences.push(SentenceSpan { start: s, end, block: b });
        }
        start = end + 2;
    }
    (blocks, sentences)
}

pub fn doc_sketch(id: &str, text: &str, names: &[&str]) -> Sketch {
    let (blocks, sentences) = blocks_and_sentences(text);
    let doc =
        Doc { id: &id.into(), text, blocks: &blocks, sentences: &sentences, published: None, anchor: Anchor::None };
    let locals: Vec<LocalEntity> = names
        .iter()
        .map(|n| LocalEntity {
            name: n.to_string(),
            kind: EntityKind::Person,
            outlet: false,
            roles: vec![],
            gazetteer: None,
        })
        .collect();
    let mentions: Vec<Mention> = names
        .iter()
        .enumerate()
        .flat_map(|(l, n)| {
            text.match_indices(n).map(move |(p, m)| Mention {
                start: p,
                end: p + m.len(),
                text: m.to_string(),
                kind: EntityKind::Person,
                local: l,
                rule: "test".into(),
            })
        })
        .collect();
    crate::compare::sketch(&doc, &locals, &mentions)
}

#[allow(dead_code)]
impl RecordBuilder {
    pub fn published(mut self, d: &str) -> Self {
        self.published = Some(d.to_string());
        self
    }

    pub fn outlet(mut self, o: &str) -> Self {
        self.outlet = Some(o.to_string());
        self
    }

    /// An entity whose global id is its lowercase name.
    pub fn entity(self, name: &str, kind: EntityKind) -> Self {
        let id = format!("E:{}", name.to_lowercase());
        self.entity_as(name, kind, &id)
    }

    /// An entity resolved to a given global id (spelling variants).
    pub fn entity_as(mut self, name: &str, kind: EntityKind, id: &str) -> Self {
        assert!(self.text.contains(name), "{name} not in text of {}", self.id);
        self.entities.push((name.to_string(), kind, id.to_string()));
        self
    }

    /// A quantity whose exact text is `text` (first occurrence).
    pub fn q(mut self, text: &str, value: f64, unit: Option<&str>, counts: Option<&str>, approx: Approx) -> Self {
        let start = self.text.find(text).unwrap_or_else(|| panic!("{text} not in {}", self.id));
        self.quantities.push(Quantity {
            value,
            high: None,
            approx,
            unit: unit.map(str::to_string),
            counts: counts.map(str::to_string),
            qualifiers: vec![],
            ordinal: false,
            start,
            end: start + text.len(),
            text: text.to_string(),
        });
        self
    }

    /// The nth occurrence (0-based) of `text` as a quantity.
    pub fn q_nth(mut self, text: &str, nth: usize, value: f64, unit: Option<&str>, counts: Option<&str>) -> Self {
        let (start, _) = self.text.match_indices(text).nth(nth).unwrap_or_else(|| panic!("{text} #{nth}"));
        self.quantities.push(Quantity {
            value,
            high: None,
            approx: Approx::Exact,
            unit: unit.map(str::to_string),
            counts: counts.map(str::to_string),
            qualifiers: vec![],
            ordinal: false,
            start,
            end: start + text.len(),
            text: text.to_string(),
        });
        self
    }

    pub fn quals(mut self, quals: &[&str]) -> Self {
        if let Some(q) = self.quantities.last_mut() {
            q.qualifiers = quals.iter().map(|s| s.to_string()).collect();
        }
        self
    }

    pub fn high(mut self, h: f64) -> Self {
        if let Some(q) = self.quantities.last_mut() {
            q.high = Some(h);
        }
        self
    }

    pub fn date(mut self, text: &str, value: &str) -> Self {
        let start = self.text.find(text).unwrap_or_else(|| panic!("{text} not in {}", self.id));
        self.dates.push(DateMention {
            article: self.id.as_str().into(),
            start,
            end: start + text.len(),
            text: text.to_string(),
            kind: DateKind::Date,
            value: Some(value.to_string()),
            anchor: Anchor::Published,
            expr: None,
            rule: "test".into(),
        });
        self
    }

    /// The sentence holding `needle` is attributed to `name`.
    pub fn said(mut self, needle: &str, name: &str) -> Self {
        let p = self.text.find(needle).unwrap_or_else(|| panic!("{needle} not in {}", self.id));
        self.said.push((p, name.to_string()));
        self
    }

    /// The record and its local → global entity map.
    #[allow(clippy::too_many_lines)] // a test fixture builder: one record, field by field
    pub fn build(self) -> (ArticleRecord, Vec<String>) {
        let (blocks, sentences) = blocks_and_sentences(&self.text);
        let text = &self.text;
        let mut local_entities = Vec::new();
        let mut global = Vec::new();
        let mut mentions = Vec::new();
        for (l, (name, kind, id)) in self.entities.iter().enumerate() {
            local_entities.push(LocalEntity {
                name: name.clone(),
                kind: *kind,
                outlet: false,
                roles: vec![],
                gazetteer: None,
            });
            global.push(id.clone());
            for (p, m) in text.match_indices(name.as_str()) {
                mentions.push(Mention {
                    start: p,
                    end: p + m.len(),
                    text: m.to_string(),
                    kind: *kind,
                    local: l,
                    rule: "test".into(),
                });
            }
        }
        mentions.sort_by_key(|m| m.start);
        let mut claims = Vec::new();
        for (k, s) in sentences.iter().enumerate() {
            let inside = |a: usize| a >= s.start && a < s.end;
            let locals: Vec<usize> = {
                let mut v: Vec<usize> = mentions.iter().filter(|m| inside(m.start)).map(|m| m.local).collect();
                v.sort();
                v.dedup();
                v
            };
            let asserted_by = match self.said.iter().find(|(p, _)| inside(*p)) {
                Some((p, name)) => Assertion::Attributed {
                    name: name.clone(),
                    entity: None,
                    local: None,
                    outlet: false,
                    cue: "said".into(),
                    span: Span { start: *p, end: *p, text: String::new() },
                },
                None => Assertion::Article,
            };
            let quantities: Vec<crate::model::Quantity> =
                self.quantities.iter().filter(|q| inside(q.start)).cloned().collect();
            let (mut clauses, facts) =
                crate::extract::frames::frame(&text[s.start..s.end], s.start, &quantities, &[], &[], None);
            // places located by a preposition, as extraction records them
            for m in mentions.iter().filter(|m| inside(m.start) && m.kind == EntityKind::Place) {
                if crate::extract::claims::locative_before(text, s.start, m.start)
                    && let Some(c) = clauses.iter_mut().find(|c| m.start >= c.start && m.start < c.end)
                {
                    c.located_at.push(m.local);
                }
            }
            claims.push(Claim {
                id: format!("{}#c{k}", self.id),
                article: self.id.as_str().into(),
                start: s.start,
                end: s.end,
                text: text[s.start..s.end].to_string(),
                quantities,
                dates: self.dates.iter().enumerate().filter(|(_, d)| inside(d.start)).map(|(i, _)| i).collect(),
                entities: locals.iter().map(|&l| global[l].clone()).collect(),
                local_entities: locals,
                asserted_by,
                polarity: Default::default(),
                clauses,
                facts,
            });
        }
        let id: crate::model::ArticleId = self.id.as_str().into();
        let doc = Doc { id: &id, text, blocks: &blocks, sentences: &sentences, published: None, anchor: Anchor::None };
        let sketch = crate::compare::sketch(&doc, &local_entities, &mentions);
        let record = ArticleRecord {
            article: Article {
                id: self.id.as_str().into(),
                path: self.id.clone(),
                encoding: TextEncoding::Utf8,
                bytes: text.len(),
                words: text.split_whitespace().count(),
                published: self.published.clone(),
                published_source: None,
                published_evidence: None,
                outlet: self.outlet.clone(),
                outlet_evidence: None,
                headline: None,
                headline_span: None,
                dateline: None,
                blocks: blocks.clone(),
                sentence_count: sentences.len(),
                boilerplate_blocks: 0,
                content_hash: None,
            },
            local_entities,
            mentions,
            quotes: vec![],
            dates: self.dates.clone(),
            claims,
            citations: vec![],
            warnings: vec![],
            sketch,
        };
        (record, global)
    }
}

/// Records, resolved entities and the local → global maps for a corpus.
pub fn corpus(builders: Vec<RecordBuilder>) -> (Vec<ArticleRecord>, Vec<Entity>, Vec<Vec<String>>) {
    let mut records = Vec::new();
    let mut maps = Vec::new();
    for b in builders {
        let (r, m) = b.build();
        records.push(r);
        maps.push(m);
    }
    let mut by_id: BTreeMap<String, Entity> = BTreeMap::new();
    for (r, map) in records.iter().zip(&maps) {
        for m in &r.mentions {
            let id = &map[m.local];
            let e = by_id.entry(id.clone()).or_insert_with(|| Entity {
                id: id.clone(),
                name: r.local_entities[m.local].name.clone(),
                kind: m.kind,
                outlet: false,
                aliases: vec![],
                roles: vec![],
                spellings: vec![],
                mention_counts: BTreeMap::new(),
                mentions: vec![],
            });
            *e.mention_counts.entry(r.article.id.to_string()).or_default() += 1;
            match e.spellings.iter_mut().find(|s| s.form == m.text) {
                Some(s) => {
                    if !s.articles.iter().any(|a| **a == *r.article.id) {
                        s.articles.push(r.article.id.to_string());
                    }
                }
                None => e.spellings.push(Spelling { form: m.text.clone(), articles: vec![r.article.id.to_string()] }),
            }
            e.mentions.push(Evidence {
                article: r.article.id.clone(),
                start: m.start,
                end: m.end,
                text: m.text.clone(),
            });
        }
    }
    (records, by_id.into_values().collect(), maps)
}
