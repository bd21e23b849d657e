//! JSON report (`--format json`) and per-article records (`--format jsonl`).
//!
//! The report carries `schema_version`, compact by default and indented on a
//! terminal; its JSON Schema is
//! generated from the same Rust types (`analyze schema`, checked in as
//! `docs/report.schema.json`).

use crate::model::{ArticleRecord, Report};
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
