//! The pipeline: read → article → segment → extract (per article, in
//! parallel) → resolve → compare (corpus-wide) → [`Report`].
//!
//! Extraction of one article depends on nothing but its file, so it can run on
//! any thread, or on another machine (`--format jsonl` is that map step). Only
//! the [`ArticleRecord`] is kept once an article is extracted; the text is
//! dropped. Records are always put back in input order before resolution, so
//! the output does not depend on the thread count.

use crate::aliases::AliasConfig;
use crate::extract::{self, Doc};
use crate::model::{
    Anchor, ArticleRecord, Comparison, DateSource, Entity, Report, SCHEMA_VERSION, Span, Summary, Warning,
};
use crate::read::{self, Decoded, InputFile, OffsetMap};
use crate::{anchors, article, compare, resolve, segment};
use rayon::prelude::*;
use std::collections::BTreeSet;

/// Settings for the corpus-wide stages.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub aliases: AliasConfig,
}

/// The outcome of reading one input file.
#[derive(Debug)]
pub enum Extracted {
    Article(Box<ArticleRecord>),
    /// The file was skipped; the warning says why.
    Skipped(Warning),
}

/// Read, decode and extract one file.
///
/// A bug in a rule must not take a whole corpus run down with it: a panic
/// while extracting one article skips that article with a warning (the panic
/// message still reaches stderr through the panic hook).
pub fn extract_file(input: &InputFile) -> Extracted {
    extract_file_with(input, None)
}

/// [`extract_file`] with the user's alias file, whose extra names are then
/// found in the text too.
pub fn extract_file_with(input: &InputFile, aliases: Option<&AliasConfig>) -> Extracted {
    match read::read_file(input) {
        Ok((decoded, warning)) => match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            extract_decoded_with(&input.id, decoded, warning, aliases)
        })) {
            Ok(record) => Extracted::Article(Box::new(record)),
            Err(_) => Extracted::Skipped(Warning {
                path: input.id.clone(),
                kind: crate::model::WarningKind::Other,
                message: "internal error while extracting this article; skipped (please report it)".into(),
            }),
        },
        Err(w) => Extracted::Skipped(w),
    }
}

/// Extract one article from its decoded text.
pub fn extract_decoded(id: &str, decoded: Decoded, warning: Option<Warning>) -> ArticleRecord {
    extract_decoded_with(id, decoded, warning, None)
}

/// [`extract_decoded`] with the user's alias file.
pub fn extract_decoded_with(
    id: &str,
    decoded: Decoded,
    warning: Option<Warning>,
    aliases: Option<&AliasConfig>,
) -> ArticleRecord {
    let Decoded { text, encoding, map, bytes } = decoded;
    let mut art = article::parse(id, id, &text, encoding, bytes);
    let id = &art.id.clone();
    let (sentences, splits) = segment::sentences_counting_splits(&text, &art.blocks);
    art.sentence_count = sentences.len();
    let published = art.published.as_deref().and_then(|d| d.parse::<jiff::civil::Date>().ok());
    let anchor = match (published, art.published_source) {
        (None, _) => Anchor::None,
        (Some(_), Some(DateSource::Inferred)) => Anchor::Inferred,
        (Some(_), _) => Anchor::Published,
    };
    let doc = Doc { id, text: &text, blocks: &art.blocks, sentences: &sentences, published, anchor };
    let (local_entities, mentions) = extract::entities::extract_with(&doc, &crate::gazetteer::GAZ, aliases);
    let dates = extract::dates::extract(&doc);
    let (quotes, mut warnings) = extract::quotes::extract(&doc, &local_entities, &mentions);
    let (claims, citations) = extract::claims::extract(&doc, &local_entities, &mentions, &dates, &quotes);
    let sketch = compare::sketch::sketch(&doc, &local_entities, &mentions);
    if let Some(w) = warning {
        warnings.insert(0, w);
    }
    if splits > 0 {
        warnings.push(crate::model::Warning {
            path: id.to_string(),
            kind: crate::model::WarningKind::LongSentence,
            message: format!(
                "{splits} {} longer than {} bytes without a sentence end; split at commas, semicolons or spaces",
                if splits == 1 { "run of text" } else { "runs of text" },
                segment::MAX_SENTENCE_BYTES
            ),
        });
    }
    let mut record =
        ArticleRecord { article: art, local_entities, mentions, quotes, dates, claims, citations, warnings, sketch };
    if !map.is_identity() {
        remap_offsets(&mut record, &map);
    }
    shrink(&mut record);
    record
}

/// Records outlive extraction (the corpus stages need all of them at once),
/// so the spare capacity Vec growth leaves behind is returned: about a tenth
/// of the resident memory of a whole-corpus run.
fn shrink(r: &mut ArticleRecord) {
    r.article.blocks.shrink_to_fit();
    r.local_entities.shrink_to_fit();
    r.mentions.shrink_to_fit();
    r.quotes.shrink_to_fit();
    r.dates.shrink_to_fit();
    r.claims.shrink_to_fit();
    for c in &mut r.claims {
        c.quantities.shrink_to_fit();
        c.local_entities.shrink_to_fit();
        c.text.shrink_to_fit();
    }
    r.citations.shrink_to_fit();
    r.sketch.terms.shrink_to_fit();
}

/// Extract many files in parallel; results come back in input order.
pub fn extract_all(inputs: &[InputFile], on_done: &(dyn Fn() + Sync)) -> Vec<Extracted> {
    extract_all_with(inputs, None, on_done)
}

/// [`extract_all`] with the user's alias file.
pub fn extract_all_with(
    inputs: &[InputFile],
    aliases: Option<&AliasConfig>,
    on_done: &(dyn Fn() + Sync),
) -> Vec<Extracted> {
    let _t = crate::timing::stage("extract");
    inputs
        .par_iter()
        .map(|i| {
            let r = extract_file_with(i, aliases);
            on_done();
            r
        })
        .collect()
}

/// The corpus after the corpus-wide stages, with the items still held per
/// article. [`Analysis::into_report`] flattens it into a [`Report`];
/// [`crate::render::json::write_analysis`] writes the same JSON without
/// flattening, which on a large corpus saves a second copy of every claim,
/// quote and date.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub summary: Summary,
    /// Sorted by article id; entity references filled with global ids.
    pub records: Vec<ArticleRecord>,
    pub entities: Vec<Entity>,
    pub comparison: Comparison,
    pub warnings: Vec<Warning>,
}

impl Analysis {
    pub fn tool() -> String {
        format!("analyze {}", env!("CARGO_PKG_VERSION"))
    }

    pub fn into_report(self) -> Report {
        let Analysis { summary, records, entities, comparison, warnings } = self;
        let mut report = Report {
            schema_version: SCHEMA_VERSION,
            tool: Analysis::tool(),
            summary,
            articles: Vec::with_capacity(records.len()),
            entities,
            quotes: Vec::new(),
            dates: Vec::new(),
            claims: Vec::new(),
            comparison,
            warnings,
        };
        for r in records {
            report.articles.push(r.article);
            report.quotes.extend(r.quotes);
            report.dates.extend(r.dates);
            report.claims.extend(r.claims);
        }
        report
    }
}

/// The corpus-wide stages: resolve entities and anchors, compare, assemble the report.
pub fn analyze(records: Vec<ArticleRecord>, warnings: Vec<Warning>, opts: &Options) -> Report {
    analyze_records(records, warnings, opts).into_report()
}

/// [`analyze`] without the final flattening into a [`Report`].
pub fn analyze_records(mut records: Vec<ArticleRecord>, mut warnings: Vec<Warning>, opts: &Options) -> Analysis {
    let t = crate::timing::stage("resolve");
    records.par_sort_by(|a, b| a.article.id.cmp(&b.article.id));
    records.dedup_by(|a, b| a.article.id == b.article.id);
    anchors::infer_publication_years(&mut records);
    let t2 = crate::timing::stage("resolve/entities");
    let (entities, entity_ids) = resolve::resolve_entities(&records, &opts.aliases);
    drop(t2);
    records.par_iter_mut().zip(&entity_ids).for_each(|(r, ids)| {
        let gid = |local: usize| ids.get(local).filter(|s| !s.is_empty()).cloned();
        for q in &mut r.quotes {
            q.speaker = q.speaker_local.and_then(gid);
        }
        for c in &mut r.claims {
            let mut g: Vec<String> = c.local_entities.iter().filter_map(|&l| gid(l)).collect();
            g.sort();
            g.dedup();
            c.entities = g;
            if let crate::model::Assertion::Attributed { entity, local: Some(l), .. } = &mut c.asserted_by {
                *entity = gid(*l);
            }
        }
    });
    drop(t);
    let comparison = compare::compare(&records, &entities, &entity_ids);
    for r in &mut records {
        warnings.append(&mut r.warnings);
    }
    warnings.sort();
    let outlets: BTreeSet<&str> = records.iter().filter_map(|r| r.article.outlet.as_deref()).collect();
    let summary = Summary {
        articles: records.len(),
        outlets: outlets.len(),
        stories: comparison.stories.len(),
        agreements: comparison.agreements.len(),
        conflicts: comparison.conflicts.len(),
        single_source: comparison.single_source.len(),
        quote_matches: comparison.quote_matches.len(),
        skipped_files: 0,
    };
    Analysis { summary, records, entities, comparison, warnings }
}

/// Split extraction outcomes into records and warnings for skipped files.
pub fn partition(results: Vec<Extracted>) -> (Vec<ArticleRecord>, Vec<Warning>) {
    let mut records = Vec::with_capacity(results.len());
    let mut skipped = Vec::new();
    for r in results {
        match r {
            Extracted::Article(a) => records.push(*a),
            Extracted::Skipped(w) => skipped.push(w),
        }
    }
    (records, skipped)
}

/// Map every offset of a record from decoded text to file bytes (Windows-1252 input).
fn remap_offsets(r: &mut ArticleRecord, map: &OffsetMap) {
    let m = |x: &mut usize| *x = map.to_file(*x);
    let sp = |s: &mut Span| {
        s.start = map.to_file(s.start);
        s.end = map.to_file(s.end);
    };
    let a = &mut r.article;
    a.published_evidence.as_mut().map(sp);
    a.headline_span.as_mut().map(sp);
    if let Some(o) = a.outlet_evidence.as_mut() {
        sp(&mut o.span);
    }
    if let Some(d) = a.dateline.as_mut() {
        sp(&mut d.span);
    }
    for b in &mut a.blocks {
        m(&mut b.start);
        m(&mut b.end);
    }
    for x in &mut r.mentions {
        m(&mut x.start);
        m(&mut x.end);
    }
    for q in &mut r.quotes {
        m(&mut q.start);
        m(&mut q.end);
        m(&mut q.sentence_start);
        m(&mut q.sentence_end);
        q.speaker_mention.as_mut().map(sp);
        q.cue_span.as_mut().map(sp);
    }
    for d in &mut r.dates {
        m(&mut d.start);
        m(&mut d.end);
    }
    for c in &mut r.claims {
        m(&mut c.start);
        m(&mut c.end);
        for q in &mut c.quantities {
            m(&mut q.start);
            m(&mut q.end);
        }
        for cl in &mut c.clauses {
            m(&mut cl.start);
            m(&mut cl.end);
        }
        if let crate::model::Assertion::Attributed { span, .. } = &mut c.asserted_by {
            sp(span);
        }
    }
    for c in &mut r.citations {
        m(&mut c.evidence.start);
        m(&mut c.evidence.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON written from the records is byte for byte the JSON of the
    /// flattened report, compact and indented.
    #[test]
    fn analysis_json_equals_report_json() {
        let inputs = read::collect_inputs(&["fixtures/summit".into(), "fixtures/mixed".into()]).expect("fixtures");
        let (records, skipped) = partition(extract_all(&inputs, &|| ()));
        let analysis = analyze_records(records, skipped, &Options::default());
        assert!(!analysis.records.is_empty() && !analysis.comparison.stories.is_empty());
        let report = analysis.clone().into_report();
        assert!(!report.claims.is_empty() && !report.quotes.is_empty() && !report.dates.is_empty());
        for pretty in [false, true] {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            crate::render::json::write_analysis(&analysis, pretty, &mut a).expect("write");
            if pretty {
                crate::render::json::write_report_pretty(&report, &mut b).expect("write");
            } else {
                crate::render::json::write_report(&report, &mut b).expect("write");
            }
            assert!(a == b, "pretty={pretty}: the two JSON writers differ");
        }
    }

    #[test]
    fn windows_1252_offsets_point_into_the_file() {
        let raw: Vec<u8> = b"Talks \x93ended\x94 on Thursday in Vienna.\nMore.".to_vec();
        let (decoded, w) = read::decode("x.txt", raw.clone()).unwrap();
        let rec = extract_decoded("x.txt", decoded, w);
        for b in &rec.article.blocks {
            assert!(b.end <= raw.len());
        }
        let first = &rec.article.blocks[0];
        assert_eq!(&raw[first.start..first.end], b"Talks \x93ended\x94 on Thursday in Vienna.");
    }
}
