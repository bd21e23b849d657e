//! JSON report (`--format json`) and per-article records (`--format jsonl`).
//!
//! The report carries `schema_version`, compact by default and indented on a
//! terminal; its JSON Schema is
//! generated from the same Rust types (`analyze schema`, checked in as
//! `docs/report.schema.json`).

use crate::model::{
    Article, ArticleRecord, Claim, Comparison, DateMention, Entity, Quote, Report, SCHEMA_VERSION, Summary, Warning,
};
use crate::pipeline::Analysis;
use serde::{Serialize, Serializer};
use std::io::{self, Write};

pub fn write_report(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, report).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// The report indented for reading.
pub fn write_report_pretty(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// One record per line: the map step's output, read back by `analyze compare`.
pub fn write_record(record: &ArticleRecord, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, record).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// The JSON Schema of the report, generated from the model types.
pub fn report_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Report)).unwrap_or(serde_json::Value::Null)
}

/// The report of an [`Analysis`], byte for byte what [`write_report`] (or
/// [`write_report_pretty`]) writes for `analysis.into_report()`, serialized
/// straight from the per-article records: the claims, quotes and dates of a
/// large corpus are not copied into flat lists first.
pub fn write_analysis(analysis: &Analysis, pretty: bool, out: &mut dyn Write) -> io::Result<()> {
    let tool = Analysis::tool();
    let records = &analysis.records[..];
    let view = ReportView {
        schema_version: SCHEMA_VERSION,
        tool: &tool,
        summary: &analysis.summary,
        articles: Flat { records, items: |r| std::slice::from_ref(&r.article) },
        entities: &analysis.entities,
        quotes: Flat { records, items: |r| &r.quotes },
        dates: Flat { records, items: |r| &r.dates },
        claims: Flat { records, items: |r| &r.claims },
        comparison: &analysis.comparison,
        warnings: &analysis.warnings,
    };
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &view).map_err(io::Error::from)?;
        return out.write_all(b"\n");
    }
    // Compact JSON has no context (no indentation), so each item serializes
    // the same alone as inside its list: the long lists are serialized on all
    // cores, a wave of chunks at a time, and written in order.
    let ReportView { schema_version, tool, summary, articles, entities, quotes, dates, claims, comparison, warnings } =
        view;
    out.write_all(b"{\"schema_version\":")?;
    compact(out, &schema_version)?;
    out.write_all(b",\"tool\":")?;
    compact(out, &tool)?;
    out.write_all(b",\"summary\":")?;
    compact(out, summary)?;
    out.write_all(b",\"articles\":")?;
    parallel_seq(out, records, articles.items)?;
    out.write_all(b",\"entities\":")?;
    parallel_seq(out, entities, std::slice::from_ref)?;
    out.write_all(b",\"quotes\":")?;
    parallel_seq(out, records, quotes.items)?;
    out.write_all(b",\"dates\":")?;
    parallel_seq(out, records, dates.items)?;
    out.write_all(b",\"claims\":")?;
    parallel_seq(out, records, claims.items)?;
    out.write_all(b",\"comparison\":")?;
    compact(out, comparison)?;
    out.write_all(b",\"warnings\":")?;
    compact(out, &warnings)?;
    out.write_all(b"}\n")
}

/// Serialize as one compact JSON array the items `items(x)` of every `x` in
/// `sources`, in order, using all cores with bounded memory.
fn parallel_seq<'a, S: Sync, T: Serialize + 'a>(
    out: &mut dyn Write,
    sources: &'a [S],
    items: fn(&'a S) -> &'a [T],
) -> io::Result<()> {
    use rayon::prelude::*;
    const CHUNK: usize = 64;
    const WAVE: usize = 32;
    out.write_all(b"[")?;
    let mut first = true;
    for wave in sources.chunks(CHUNK * WAVE) {
        let parts: Vec<io::Result<Vec<u8>>> = wave
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut buf = Vec::new();
                for item in chunk.iter().flat_map(items) {
                    if !buf.is_empty() {
                        buf.push(b',');
                    }
                    serde_json::to_writer(&mut buf, item).map_err(io::Error::from)?;
                }
                Ok(buf)
            })
            .collect();
        for part in parts {
            let part = part?;
            if part.is_empty() {
                continue;
            }
            if !first {
                out.write_all(b",")?;
            }
            first = false;
            out.write_all(&part)?;
        }
    }
    out.write_all(b"]")
}

/// Compact JSON of one value.
fn compact<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(out, value).map_err(io::Error::from)
}

/// Field for field the shape of [`Report`] (same names, same order).
#[derive(Serialize)]
struct ReportView<'a> {
    schema_version: u32,
    tool: &'a str,
    summary: &'a Summary,
    articles: Flat<'a, Article>,
    entities: &'a [Entity],
    quotes: Flat<'a, Quote>,
    dates: Flat<'a, DateMention>,
    claims: Flat<'a, Claim>,
    comparison: &'a Comparison,
    warnings: &'a [Warning],
}

/// The items of every record, in record order, as one JSON array.
struct Flat<'a, T: 'a> {
    records: &'a [ArticleRecord],
    items: fn(&'a ArticleRecord) -> &'a [T],
}

impl<T: Serialize> Serialize for Flat<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.records.iter().flat_map(|r| (self.items)(r)))
    }
}
