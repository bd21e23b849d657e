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
    Anchor, ArticleId, ArticleRecord, Comparison, DateSource, Entity, Report, SCHEMA_VERSION, Span, Summary, Warning,
};
use crate::read::{self, Decoded, InputFile, OffsetMap};
use crate::{anchors, article, compare, resolve, segment};
use rayon::prelude::*;
use std::collections::BTreeSet;

/// Settings for the corpus-wide stages.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub aliases: AliasConfig,
    /// Keep only articles published on or after this day (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Keep only articles published on or before this day (`YYYY-MM-DD`).
    pub until: Option<String>,
}

impl Options {
    /// Whether an article with this publication date passes `since`/`until`.
    /// Undated articles pass only when there is no filter: nothing says
    /// they belong to the period.
    pub fn keeps(&self, published: Option<&str>) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        // `YYYY-MM-DD` strings order as the days do.
        published.is_some_and(|d| {
            self.since.as_deref().is_none_or(|s| d >= s) && self.until.as_deref().is_none_or(|u| d <= u)
        })
    }
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
        Ok((decoded, warning)) => extract_guarded(&input.id, decoded, warning, aliases),
        Err(w) => Extracted::Skipped(w),
    }
}

/// [`extract_file_with`] for bytes that come from no file (`-`, standard input).
pub fn extract_bytes_with(id: &str, bytes: Vec<u8>, aliases: Option<&AliasConfig>) -> Extracted {
    match read::decode(id, bytes) {
        Ok((decoded, warning)) => extract_guarded(id, decoded, warning, aliases),
        Err(w) => Extracted::Skipped(w),
    }
}

fn extract_guarded(id: &str, decoded: Decoded, warning: Option<Warning>, aliases: Option<&AliasConfig>) -> Extracted {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract_decoded_with(id, decoded, warning, aliases)))
    {
        Ok(record) => Extracted::Article(Box::new(record)),
        Err(_) => Extracted::Skipped(Warning {
            path: id.to_string(),
            kind: crate::model::WarningKind::Other,
            message: "internal error while extracting this article; skipped (please report it)".into(),
        }),
    }
}

/// FNV-1a, 64 bits: stable across versions and platforms (unlike the std
/// hasher), which a hash stored in a baseline report must be.
pub fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{h:016x}")
}

/// Extract one article from its decoded text.
pub fn extract_decoded(id: &str, decoded: Decoded, warning: Option<Warning>) -> ArticleRecord {
    extract_decoded_with(id, decoded, warning, None)
}

/// What a scraper record says about its article besides the text. Given
/// values replace what the text shows (a record's date is the publisher's,
/// a first line that looks like a date may not be).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GivenMeta {
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub headline: Option<String>,
    pub outlet: Option<String>,
}

/// Extract an article whose text and metadata come from a scraper record.
/// Offsets are into `text` (its UTF-8 bytes).
pub fn extract_given(id: &str, text: String, meta: &GivenMeta, aliases: Option<&AliasConfig>) -> Extracted {
    let bytes = text.len();
    if text.trim().is_empty() {
        return Extracted::Skipped(Warning {
            path: id.to_string(),
            kind: crate::model::WarningKind::Empty,
            message: "record has no text, no article read".into(),
        });
    }
    let decoded = Decoded {
        text,
        encoding: crate::model::TextEncoding::Utf8,
        map: OffsetMap::Identity,
        bytes,
        controls: Vec::new(),
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        extract_core(id, decoded, None, aliases, Some(meta))
    })) {
        Ok(record) => Extracted::Article(Box::new(record)),
        Err(_) => Extracted::Skipped(Warning {
            path: id.to_string(),
            kind: crate::model::WarningKind::Other,
            message: "internal error while extracting this article; skipped (please report it)".into(),
        }),
    }
}

/// [`extract_decoded`] with the user's alias file.
pub fn extract_decoded_with(
    id: &str,
    decoded: Decoded,
    warning: Option<Warning>,
    aliases: Option<&AliasConfig>,
) -> ArticleRecord {
    extract_core(id, decoded, warning, aliases, None)
}

fn extract_core(
    id: &str,
    decoded: Decoded,
    warning: Option<Warning>,
    aliases: Option<&AliasConfig>,
    given: Option<&GivenMeta>,
) -> ArticleRecord {
    let Decoded { text, encoding, map, bytes, controls } = decoded;
    let mut art = article::parse(id, id, &text, encoding, bytes);
    art.content_hash = Some(content_hash(&text));
    if let Some(g) = given {
        if let Some(d) = &g.published {
            art.published = Some(d.clone());
            art.published_source = Some(DateSource::Record);
            art.published_evidence = None;
        }
        if let Some(h) = &g.headline {
            art.headline = Some(h.clone());
            art.headline_span = None;
        }
        if let Some(o) = &g.outlet {
            art.outlet = Some(o.clone());
            art.outlet_evidence = None;
        }
    }
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
    if !controls.is_empty() {
        restore_controls(&mut record, &controls);
    }
    if !map.is_identity() {
        remap_offsets(&mut record, &map);
    }
    shrink(&mut record);
    record
}

/// Records outlive extraction (the corpus stages need all of them at once),
/// so the spare capacity Vec growth leaves behind is returned: about a tenth
/// of the resident memory of a whole-corpus run. A claim's own vectors are
/// fitted when it is made (`extract::claims`): its facts are pushed one by
/// one, and a vector's first push makes room for four, so one fact (~240
/// bytes) held 960 (15 MB of the 10 MB single-article worst case).
fn shrink(r: &mut ArticleRecord) {
    r.article.blocks.shrink_to_fit();
    r.local_entities.shrink_to_fit();
    r.mentions.shrink_to_fit();
    r.quotes.shrink_to_fit();
    r.dates.shrink_to_fit();
    r.claims.shrink_to_fit();
    for c in &mut r.claims {
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
            changes: None,
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

/// The records once the corpus-wide resolution has run: sorted by article id
/// (one record per id), publication years inferred, `since`/`until`
/// applied, entities resolved. `entity_ids[i]` maps `records[i]`'s local
/// entity index to its global id; the records' own entity fields are filled
/// by [`apply_entities`].
#[derive(Debug, Clone)]
pub struct Resolved {
    pub records: Vec<ArticleRecord>,
    pub entities: Vec<Entity>,
    pub entity_ids: Vec<Vec<String>>,
}

/// Publication years and entities across the corpus.
pub fn resolve_corpus(mut records: Vec<ArticleRecord>, opts: &Options) -> Resolved {
    records.par_sort_by(|a, b| a.article.id.cmp(&b.article.id));
    records.dedup_by(|a, b| a.article.id == b.article.id);
    anchors::infer_publication_years(&mut records);
    // After the years are inferred: a dateline's "March 9" only has a year,
    // and so a place in the period, once the corpus is read.
    records.retain(|r| opts.keeps(r.article.published.as_deref()));
    let t2 = crate::timing::stage("resolve/entities");
    let (entities, entity_ids) = resolve::resolve_entities(&records, &opts.aliases);
    drop(t2);
    Resolved { records, entities, entity_ids }
}

/// Fill a record's speakers, claim entities and asserting entities from the
/// global ids of its local entities (`ids[local]`; empty = none).
pub fn apply_entities(r: &mut ArticleRecord, ids: &[String]) {
    let gid = |local: usize| ids.get(local).filter(|s| !s.is_empty()).cloned();
    for q in &mut r.quotes {
        q.speaker = q.speaker_local.and_then(gid);
    }
    for c in &mut r.claims {
        let mut g: Vec<String> = c.local_entities.iter().filter_map(|&l| gid(l)).collect();
        g.sort();
        g.dedup();
        c.entities = g.into();
        if let crate::model::Assertion::Attributed { entity, local: Some(l), .. } = &mut c.asserted_by {
            *entity = gid(*l);
        }
    }
}

/// The report's summary counts (`skipped_files` is the caller's).
pub fn summary(records: &[ArticleRecord], comparison: &Comparison) -> Summary {
    let outlets: BTreeSet<&str> = records.iter().filter_map(|r| r.article.outlet.as_deref()).collect();
    Summary {
        articles: records.len(),
        outlets: outlets.len(),
        stories: comparison.stories.len(),
        agreements: comparison.agreements.len(),
        conflicts: comparison.conflicts.len(),
        single_source: comparison.single_source.len(),
        quote_matches: comparison.quote_matches.len(),
        skipped_files: 0,
    }
}

/// [`analyze`] without the final flattening into a [`Report`].
pub fn analyze_records(records: Vec<ArticleRecord>, mut warnings: Vec<Warning>, opts: &Options) -> Analysis {
    let t = crate::timing::stage("resolve");
    let undated: BTreeSet<ArticleId> =
        records.iter().filter(|r| r.article.published.is_none()).map(|r| r.article.id.clone()).collect();
    let Resolved { mut records, entities, entity_ids } = resolve_corpus(records, opts);
    records.par_iter_mut().zip(&entity_ids).for_each(|(r, ids)| apply_entities(r, ids));
    drop(t);
    let t = crate::timing::stage("compare/stories");
    let groups = compare::group(&records, &entities, &entity_ids);
    let from_corpus: Vec<bool> = records.iter().map(|r| undated.contains(&r.article.id)).collect();
    anchors::infer_years_within_stories(&mut records, &groups.story_of, &from_corpus);
    drop(t);
    let comparison = compare::compare_grouped(&records, &entities, &entity_ids, groups);
    for r in &mut records {
        warnings.append(&mut r.warnings);
    }
    warnings.sort();
    let summary = summary(&records, &comparison);
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

/// Put the control characters decoding replaced back into the texts of the
/// record's items (offsets in decoded text), so that each text is the file's
/// own; the extractors saw spaces of the same length. Outputs escape them
/// (JSON) or clean them (text, Markdown, HTML).
fn restore_controls(r: &mut ArticleRecord, controls: &[(usize, char)]) {
    let put = |start: usize, end: usize, text: &mut String| {
        if text.len() != end.saturating_sub(start) {
            return;
        }
        let from = controls.partition_point(|&(at, _)| at < start);
        for &(at, c) in controls[from..].iter().take_while(|&&(at, _)| at < end) {
            let i = at - start;
            let len = c.len_utf8();
            if text.get(i..i + len).is_some_and(|s| s.starts_with(read::control_replacement(c))) {
                text.replace_range(i..i + len, c.encode_utf8(&mut [0; 4]));
            }
        }
    };
    let span = |s: &mut Span| put(s.start, s.end, &mut s.text);
    let a = &mut r.article;
    a.published_evidence.as_mut().map(span);
    a.headline_span.as_mut().map(span);
    if let Some(o) = a.outlet_evidence.as_mut() {
        span(&mut o.span);
    }
    if let Some(d) = a.dateline.as_mut() {
        span(&mut d.span);
    }
    for b in &mut a.blocks {
        if let Some(t) = b.text.as_mut() {
            put(b.start, b.end, t);
        }
    }
    for m in &mut r.mentions {
        put(m.start, m.end, &mut m.text);
    }
    for q in &mut r.quotes {
        put(q.start, q.end, &mut q.text);
        q.speaker_mention.as_mut().map(span);
        q.cue_span.as_mut().map(span);
    }
    for d in &mut r.dates {
        put(d.start, d.end, &mut d.text);
    }
    for c in &mut r.claims {
        put(c.start, c.end, &mut c.text);
        for q in &mut c.quantities {
            put(q.start, q.end, &mut q.text);
        }
        if let crate::model::Assertion::Attributed { span: s, .. } = &mut c.asserted_by {
            span(s);
        }
    }
    for c in &mut r.citations {
        put(c.evidence.start, c.evidence.end, &mut c.evidence.text);
    }
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
        use crate::render::Detail;
        for (pretty, detail) in
            [(false, Detail::Standard), (true, Detail::Standard), (false, Detail::Full), (true, Detail::Full)]
        {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            crate::render::json::write_analysis(&analysis, pretty, detail, &mut a).expect("write");
            crate::render::json::write_report_at(&report, pretty, detail, &mut b).expect("write");
            assert!(a == b, "pretty={pretty} {detail:?}: the two JSON writers differ");
        }
        // The full report is the model's own serde form.
        let (mut a, mut b) = (Vec::new(), Vec::new());
        crate::render::json::write_report(&report, &mut a).expect("write");
        serde_json::to_writer(&mut b, &report).expect("write");
        assert!(a[..a.len() - 1] == b[..], "the full report is the Report type's JSON");
    }

    #[test]
    fn date_filter_bounds_are_inclusive_and_drop_undated_articles() {
        let o = Options { since: Some("2025-03-12".into()), until: Some("2025-03-13".into()), ..Default::default() };
        assert!(o.keeps(Some("2025-03-12")) && o.keeps(Some("2025-03-13")));
        assert!(!o.keeps(Some("2025-03-11")) && !o.keeps(Some("2025-03-14")) && !o.keeps(None));
        assert!(Options::default().keeps(None));
    }

    #[test]
    fn content_hash_is_fixed_fnv1a() {
        // Reference values of FNV-1a 64; a change here would make every
        // stored baseline see all its articles as new.
        assert_eq!(content_hash(""), "fnv1a64:cbf29ce484222325");
        assert_eq!(content_hash("a"), "fnv1a64:af63dc4c8601ec8c");
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
