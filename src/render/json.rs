//! JSON report (`--format json`) and per-article records (`--format jsonl`).
//!
//! The report carries `schema_version`, compact by default and indented on a
//! terminal, at a [`Detail`] level (standard unless `--detail full`); its
//! JSON Schema is generated from the same Rust types (`analyze schema`,
//! checked in as `docs/report.schema.json`) and describes both levels.

use crate::model::{ArticleRecord, Changes, Report, SCHEMA_VERSION, Summary, Warning};
use crate::pipeline::Analysis;
use crate::render::slim::{At, Detail};
use serde::{Serialize, Serializer};
use std::io::{self, Write};

/// The full report, compact (`--detail full`).
pub fn write_report(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    write_report_at(report, false, Detail::Full, out)
}

/// The full report indented for reading.
pub fn write_report_pretty(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    write_report_at(report, true, Detail::Full, out)
}

/// The report at a detail level, compact or indented.
pub fn write_report_at(report: &Report, pretty: bool, detail: Detail, out: &mut dyn Write) -> io::Result<()> {
    let sources = std::slice::from_ref(report);
    let view = ReportView {
        schema_version: report.schema_version,
        tool: &report.tool,
        summary: &report.summary,
        articles: Flat { sources, items: |r| &r.articles, detail },
        entities: Flat { sources, items: |r| &r.entities, detail },
        quotes: Flat { sources, items: |r| &r.quotes, detail },
        dates: Flat { sources, items: |r| &r.dates, detail },
        claims: Flat { sources, items: |r| &r.claims, detail },
        comparison: At { item: &report.comparison, detail },
        warnings: &report.warnings,
        changes: report.changes.as_ref(),
    };
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &view).map_err(io::Error::from)?;
    } else {
        serde_json::to_writer(&mut *out, &view).map_err(io::Error::from)?;
    }
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

/// The report of an [`Analysis`], byte for byte what [`write_report_at`]
/// writes for `analysis.into_report()`, serialized straight from the
/// per-article records: the claims, quotes and dates of a large corpus are
/// not copied into flat lists first.
pub fn write_analysis(analysis: &Analysis, pretty: bool, detail: Detail, out: &mut dyn Write) -> io::Result<()> {
    let tool = Analysis::tool();
    let records = &analysis.records[..];
    let view = ReportView {
        schema_version: SCHEMA_VERSION,
        tool: &tool,
        summary: &analysis.summary,
        articles: Flat { sources: records, items: |r| std::slice::from_ref(&r.article), detail },
        entities: Flat { sources: &analysis.entities[..], items: std::slice::from_ref, detail },
        quotes: Flat { sources: records, items: |r| &r.quotes, detail },
        dates: Flat { sources: records, items: |r| &r.dates, detail },
        claims: Flat { sources: records, items: |r| &r.claims, detail },
        comparison: At { item: &analysis.comparison, detail },
        warnings: &analysis.warnings,
        changes: None,
    };
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &view).map_err(io::Error::from)?;
        return out.write_all(b"\n");
    }
    // Compact JSON has no context (no indentation), so each item serializes
    // the same alone as inside its list: the long lists are serialized on all
    // cores, a wave of chunks at a time, and written in order.
    out.write_all(b"{\"schema_version\":")?;
    compact(out, &view.schema_version)?;
    out.write_all(b",\"tool\":")?;
    compact(out, &view.tool)?;
    out.write_all(b",\"summary\":")?;
    compact(out, view.summary)?;
    out.write_all(b",\"articles\":")?;
    parallel_seq(out, &view.articles)?;
    out.write_all(b",\"entities\":")?;
    parallel_seq(out, &view.entities)?;
    out.write_all(b",\"quotes\":")?;
    parallel_seq(out, &view.quotes)?;
    out.write_all(b",\"dates\":")?;
    parallel_seq(out, &view.dates)?;
    out.write_all(b",\"claims\":")?;
    parallel_seq(out, &view.claims)?;
    out.write_all(b",\"comparison\":")?;
    compact(out, &view.comparison)?;
    out.write_all(b",\"warnings\":")?;
    compact(out, &view.warnings)?;
    out.write_all(b"}\n")
}

/// Serialize as one compact JSON array the items of `flat`, in order,
/// using all cores with bounded memory.
fn parallel_seq<'a, S: Sync, T: Sync + 'a>(out: &mut dyn Write, flat: &Flat<'a, S, T>) -> io::Result<()>
where
    At<'a, T>: Serialize,
{
    use rayon::prelude::*;
    // Chunks and waves count items, not sources: one article may hold most
    // of a list (96,000 claims of one file were a single 22 MB buffer, the
    // peak of the run), and 2,048 articles a wave held half of a corpus of
    // short ones.
    const CHUNK: usize = 256;
    const WAVE: usize = 32;
    let Flat { sources, items, detail } = *flat;
    out.write_all(b"[")?;
    let mut first = true;
    let mut all = sources.iter().flat_map(items);
    loop {
        let wave: Vec<&T> = all.by_ref().take(CHUNK * WAVE).collect();
        if wave.is_empty() {
            break;
        }
        let parts: Vec<io::Result<Vec<u8>>> = wave
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut buf = Vec::new();
                for &item in chunk {
                    if !buf.is_empty() {
                        buf.push(b',');
                    }
                    serde_json::to_writer(&mut buf, &At { item, detail }).map_err(io::Error::from)?;
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

/// Field for field the shape of [`Report`] (same names, same order), each
/// item at the report's detail level.
#[derive(Serialize)]
struct ReportView<'a, A, E> {
    schema_version: u32,
    tool: &'a str,
    summary: &'a Summary,
    articles: Flat<'a, A, crate::model::Article>,
    entities: Flat<'a, E, crate::model::Entity>,
    quotes: Flat<'a, A, crate::model::Quote>,
    dates: Flat<'a, A, crate::model::DateMention>,
    claims: Flat<'a, A, crate::model::Claim>,
    comparison: At<'a, crate::model::Comparison>,
    warnings: &'a [Warning],
    #[serde(skip_serializing_if = "Option::is_none")]
    changes: Option<&'a Changes>,
}

/// The items of every source (an article record, or the whole report), in
/// order, as one JSON array.
struct Flat<'a, S, T: 'a> {
    sources: &'a [S],
    items: fn(&'a S) -> &'a [T],
    detail: Detail,
}

impl<S, T> Clone for Flat<'_, S, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S, T> Copy for Flat<'_, S, T> {}

impl<'a, S, T> Serialize for Flat<'a, S, T>
where
    At<'a, T>: Serialize,
{
    fn serialize<Z: Serializer>(&self, s: Z) -> Result<Z::Ok, Z::Error> {
        let detail = self.detail;
        s.collect_seq(self.sources.iter().flat_map(self.items).map(|item| At { item, detail }))
    }
}
