//! `--format jsonl` and `analyze compare`, its reading side: the two ends of
//! the simple two-step split of a run, kept together because they share the
//! line format.

use super::options;
use super::output::{Sink, finish};
use super::warnings::print_warning;
use crate::cli::{CompareArgs, OutputArgs};
use analyze::model::{ArticleRecord, Warning};
use analyze::pipeline::{self, Extracted, Options};
use analyze::read::InputFile;
use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};

/// One line of `--format jsonl`: an article's record, a file that was
/// skipped, or the alias file the map step used (its merges and splits are
/// applied in the reduce step, so `compare` must get them too).
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum JsonlLine {
    Article(Box<ArticleRecord>),
    Skipped { skipped: Warning },
    Aliases { aliases_toml: String },
}

/// The map step: one record per line, in input order, written as extraction
/// goes (chunks of files run in parallel, then are written in order).
///
/// Lines for skipped files (and the alias line) are held back until the
/// first article: a batch with nothing readable writes nothing and still
/// succeeds, since failing would fail a whole Hadoop or Spark task over a
/// folder of empty files.
pub(super) fn write_jsonl(
    inputs: &[InputFile],
    walk_warnings: Vec<Warning>,
    from_stdin: Vec<Extracted>,
    alias_text: Option<String>,
    opts: &Options,
    out: &OutputArgs,
) -> Result<u8> {
    use rayon::prelude::*;
    let mut sink = Sink::open(out.output.as_deref())?;
    let w = sink.writer();
    let quiet = out.quiet;
    let skipped = |warning: Warning| {
        if !quiet {
            print_warning(&warning);
        }
        JsonlLine::Skipped { skipped: warning }
    };
    let mut pending: Vec<JsonlLine> = Vec::new();
    if let Some(aliases_toml) = alias_text {
        pending.push(JsonlLine::Aliases { aliases_toml });
    }
    pending.extend(walk_warnings.into_iter().map(skipped));
    let mut any = false;
    let mut write = |r: Extracted, w: &mut dyn Write| -> Result<()> {
        let line = match r {
            Extracted::Article(a) => JsonlLine::Article(a),
            Extracted::Skipped(warning) => skipped(warning),
        };
        if !any && matches!(line, JsonlLine::Skipped { .. }) {
            pending.push(line);
            return Ok(());
        }
        any = true;
        for l in pending.drain(..).chain(std::iter::once(line)) {
            serde_json::to_writer(&mut *w, &l)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    };
    for r in from_stdin {
        write(r, w)?;
    }
    for chunk in inputs.chunks(256) {
        let results: Vec<Extracted> =
            chunk.par_iter().map(|i| pipeline::extract_file_with(i, Some(&opts.aliases))).collect();
        for r in results {
            write(r, w)?;
        }
    }
    if !any && !quiet {
        let _ = writeln!(std::io::stderr(), "analyze: warning: no readable article among the inputs; nothing written");
    }
    sink.commit()?;
    Ok(0)
}

/// The reduce step: read records (files or stdin), then analyze as one run.
pub(super) fn run_compare(args: CompareArgs) -> Result<u8> {
    let mut records = Vec::new();
    let mut skipped = Vec::new();
    let mut carried: std::collections::BTreeSet<String> = Default::default();
    let mut read_lines = |r: &mut dyn BufRead, name: &str| -> Result<()> {
        for (n, line) in r.lines().enumerate() {
            let line = line.with_context(|| format!("reading {name}"))?;
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<JsonlLine>(&line)
                .with_context(|| format!("{name}:{}: not a record from analyze --format jsonl", n + 1))?
            {
                JsonlLine::Article(a) => records.push(*a),
                JsonlLine::Skipped { skipped: w } => skipped.push(w),
                JsonlLine::Aliases { aliases_toml } => {
                    carried.insert(aliases_toml);
                }
            }
        }
        Ok(())
    };
    let stdin_only = args.records.is_empty() || args.records.iter().all(|p| p.as_os_str() == "-");
    if stdin_only {
        read_lines(&mut std::io::stdin().lock(), "standard input")?;
    } else {
        for p in &args.records {
            if p.as_os_str() == "-" {
                read_lines(&mut std::io::stdin().lock(), "standard input")?;
                continue;
            }
            let f = std::fs::File::open(p).with_context(|| format!("{}: cannot open", p.display()))?;
            read_lines(&mut std::io::BufReader::new(f), &p.display().to_string())?;
        }
    }
    // An alias file given here wins; otherwise the one the map step used,
    // as long as every mapper used the same.
    let opts = match (&args.aliases, carried.len()) {
        (Some(p), _) => options(Some(p), &args.output)?,
        (None, 0) => options(None, &args.output)?,
        (None, 1) => {
            let text = carried.into_iter().next().unwrap_or_default();
            let aliases = analyze::aliases::parse(&text).map_err(|e| match e {
                analyze::aliases::ParseError::Toml(t) => anyhow::anyhow!("the alias file in the records: {t}"),
                analyze::aliases::ParseError::Invalid(m) => anyhow::anyhow!("the alias file in the records: {m}"),
            })?;
            Options { aliases, ..options(None, &args.output)? }
        }
        (None, n) => bail!("the records were made with {n} different alias files; give the one to use with --aliases"),
    };
    finish(records, skipped, &opts, &args.output)
}
