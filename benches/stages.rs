//! One benchmark per pipeline stage, on a fixed generated corpus.
//!
//! `cargo bench --bench stages` (all) or `cargo bench --bench stages -- dates`
//! (one stage). The corpus comes from the same generator as
//! `examples/gen-corpus.rs` (seed 7, 600 articles in 60 stories, about 3 MB),
//! built in memory once; each stage is timed on the outputs of the stages
//! before it, so a figure is that stage alone. Per-article stages report
//! throughput in bytes of input text (criterion prints MiB/s); corpus-wide
//! stages (resolve, compare) are also run at 4x the corpus to show how they
//! scale: time per article should stay flat. See BENCHMARKS.md.

#[path = "../examples/gen_corpus/generator.rs"]
mod generator;

use analyze::compare;
use analyze::extract::{self, Doc};
use analyze::model::{
    Anchor, Article, ArticleRecord, DateMention, DateSource, Entity, LocalEntity, Mention, Quote, SentenceSpan,
};
use analyze::pipeline::{self, Options};
use analyze::read::{self, Decoded};
use analyze::{anchors, article, render, resolve, segment};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

/// One article after each per-article stage, kept so later stages start from real inputs.
struct Prepared {
    id: String,
    raw: Vec<u8>,
    decoded: Decoded,
    article: Article,
    sentences: Vec<SentenceSpan>,
    published: Option<jiff::civil::Date>,
    anchor: Anchor,
    entities: (Vec<LocalEntity>, Vec<Mention>),
    dates: Vec<DateMention>,
    quotes: Vec<Quote>,
}

impl Prepared {
    fn doc(&self) -> Doc<'_> {
        Doc {
            id: &self.article.id,
            text: &self.decoded.text,
            blocks: &self.article.blocks,
            sentences: &self.sentences,
            published: self.published,
            anchor: self.anchor,
        }
    }
}

fn corpus(articles: usize, stories: usize) -> Vec<generator::GenArticle> {
    generator::generate(&generator::Config { seed: 7, articles, stories, size_bytes: None, flat: false })
}

fn prepare(corpus: &[generator::GenArticle]) -> Vec<Prepared> {
    corpus
        .iter()
        .filter_map(|g| {
            let (decoded, _) = read::decode(&g.path, g.bytes.clone()).ok()?;
            let article = article::parse(&g.path, &g.path, &decoded.text, decoded.encoding, decoded.bytes);
            let sentences = segment::sentences(&decoded.text, &article.blocks);
            let published = article.published.as_deref().and_then(|d| d.parse::<jiff::civil::Date>().ok());
            let anchor = match (published, article.published_source) {
                (None, _) => Anchor::None,
                (Some(_), Some(DateSource::Inferred)) => Anchor::Inferred,
                (Some(_), _) => Anchor::Published,
            };
            let mut p = Prepared {
                id: g.path.clone(),
                raw: g.bytes.clone(),
                decoded,
                article,
                sentences,
                published,
                anchor,
                entities: (Vec::new(), Vec::new()),
                dates: Vec::new(),
                quotes: Vec::new(),
            };
            let doc = p.doc();
            let entities = extract::entities::extract(&doc);
            let dates = extract::dates::extract(&doc);
            let (quotes, _) = extract::quotes::extract(&doc, &entities.0, &entities.1);
            p.entities = entities;
            p.dates = dates;
            p.quotes = quotes;
            Some(p)
        })
        .collect()
}

fn records(corpus: &[generator::GenArticle]) -> Vec<ArticleRecord> {
    corpus
        .iter()
        .filter_map(|g| {
            let (decoded, w) = read::decode(&g.path, g.bytes.clone()).ok()?;
            Some(pipeline::extract_decoded(&g.path, decoded, w))
        })
        .collect()
}

fn per_article(c: &mut Criterion) {
    let generated = corpus(600, 60);
    let bytes: u64 = generated.iter().map(|g| g.bytes.len() as u64).sum();
    let prepared = prepare(&generated);
    let mut g = c.benchmark_group("article");
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    g.throughput(Throughput::Bytes(bytes));

    g.bench_function("read+decode", |b| {
        b.iter(|| {
            for p in &prepared {
                black_box(read::decode(&p.id, p.raw.clone()).ok());
            }
        })
    });
    g.bench_function("parse", |b| {
        b.iter(|| {
            for p in &prepared {
                let d = &p.decoded;
                black_box(article::parse(&p.id, &p.id, &d.text, d.encoding, d.bytes));
            }
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            for p in &prepared {
                black_box(segment::sentences(&p.decoded.text, &p.article.blocks));
            }
        })
    });
    g.bench_function("entities", |b| {
        b.iter(|| {
            for p in &prepared {
                black_box(extract::entities::extract(&p.doc()));
            }
        })
    });
    g.bench_function("dates", |b| {
        b.iter(|| {
            for p in &prepared {
                black_box(extract::dates::extract(&p.doc()));
            }
        })
    });
    g.bench_function("quotes", |b| {
        b.iter(|| {
            for p in &prepared {
                black_box(extract::quotes::extract(&p.doc(), &p.entities.0, &p.entities.1));
            }
        })
    });
    g.bench_function("claims", |b| {
        b.iter(|| {
            for p in &prepared {
                let (le, m) = &p.entities;
                black_box(extract::claims::extract(&p.doc(), le, m, &p.dates, &p.quotes));
            }
        })
    });
    g.bench_function("sketch", |b| {
        b.iter(|| {
            for p in &prepared {
                black_box(compare::sketch::sketch(&p.doc(), &p.entities.0, &p.entities.1));
            }
        })
    });
    // All of the above in one call, as the pipeline runs it per article (one thread).
    g.bench_function("extract_decoded", |b| {
        b.iter(|| {
            for p in &prepared {
                black_box(pipeline::extract_decoded(&p.id, p.decoded.clone(), None));
            }
        })
    });
    g.finish();
}

/// Resolution and comparison as `pipeline::analyze` runs them.
fn resolved(records: &[ArticleRecord]) -> (Vec<ArticleRecord>, Vec<Entity>, Vec<Vec<String>>) {
    let mut recs = records.to_vec();
    recs.sort_by(|a, b| a.article.id.cmp(&b.article.id));
    anchors::infer_publication_years(&mut recs);
    let (entities, ids) = resolve::resolve_entities(&recs, &Default::default());
    (recs, entities, ids)
}

fn corpus_wide(c: &mut Criterion) {
    let small = records(&corpus(600, 60));
    let large = records(&corpus(2400, 240));
    let mut g = c.benchmark_group("corpus");
    g.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
    for recs in [&small, &large] {
        let n = recs.len();
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("resolve", n), recs, |b, recs| {
            b.iter_batched(
                || recs.to_vec(),
                |mut r| {
                    anchors::infer_publication_years(&mut r);
                    black_box(resolve::resolve_entities(&r, &Default::default()))
                },
                criterion::BatchSize::LargeInput,
            )
        });
        let (r, entities, ids) = resolved(recs);
        g.bench_with_input(BenchmarkId::new("compare", n), &(r, entities, ids), |b, (r, e, ids)| {
            b.iter(|| black_box(compare::compare(r, e, ids)))
        });
        let report = pipeline::analyze(recs.to_vec(), Vec::new(), &Options::default());
        let mut out = Vec::new();
        render::json::write_report(&report, &mut out).ok();
        g.throughput(Throughput::Bytes(out.len() as u64));
        g.bench_with_input(BenchmarkId::new("render_json", n), &report, |b, report| {
            b.iter(|| {
                let mut out = Vec::with_capacity(out.len());
                render::json::write_report(report, &mut out).ok();
                black_box(out)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, per_article, corpus_wide);
criterion_main!(benches);
