//! What the binary does with the flags: pick the mode, build the ready
//! objects once (colour, view, aliases), run the library, choose the exit code.

mod jsonl;
mod mapreduce;
mod output;
#[cfg(test)]
mod tests;
mod warnings;

use crate::cli::{Cli, Command, FormatArg, OutputArgs};
use analyze::model::{ArticleRecord, Warning, WarningKind};
use analyze::pipeline::{self, Extracted, Options};
use analyze::read::{self, InputFile};
use analyze::render;
use anyhow::{Context, Result, bail};
use clap::CommandFactory;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use jsonl::{run_compare, write_jsonl};
use mapreduce::{run_map, run_merge, run_reduce};
use output::finish;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;
/// Reports of large corpora run to gigabytes; 8 KB writes cost a system call
/// per few hundred items.
const OUT_BUFFER: usize = 1 << 20;

pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Some(Command::Schema) => {
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &render::json::report_schema())?;
            writeln!(out)?;
            Ok(0)
        }
        Some(Command::Completions { shell }) => {
            let mut out = std::io::stdout().lock();
            clap_complete::generate(shell, &mut Cli::command(), "analyze", &mut out);
            out.flush()?;
            Ok(0)
        }
        Some(Command::Man) => {
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            out.flush()?;
            Ok(0)
        }
        Some(Command::Compare(args)) => run_compare(args),
        Some(Command::Map(args)) => run_map(args),
        Some(Command::Reduce(args)) => run_reduce(args),
        Some(Command::Merge(args)) => run_merge(args),
        None => run_analyze(cli),
    }
}

fn options(aliases: Option<&Path>, out: &OutputArgs) -> Result<Options> {
    let aliases = match aliases {
        Some(p) => analyze::aliases::load(p).with_context(|| format!("reading the alias file {}", p.display()))?,
        None => Default::default(),
    };
    if let (Some(s), Some(u)) = (&out.since, &out.until)
        && s > u
    {
        bail!("--since {s} is after --until {u}: no day is in between");
    }
    Ok(Options { aliases, since: out.since.clone(), until: out.until.clone() })
}

fn run_analyze(cli: Cli) -> Result<u8> {
    let out = &cli.output;
    if out.format == FormatArg::Jsonl {
        // The map step compares nothing, so these would be ignored; better to
        // say so than to let a CI job pass that was meant to fail.
        if out.fail_on.is_some() {
            bail!(
                "--fail-on needs the comparison, which --format jsonl (the map step) does not run; give it to `analyze compare`"
            );
        }
        if out.baseline.is_some() {
            bail!(
                "--baseline needs the comparison, which --format jsonl (the map step) does not run; give it to `analyze compare`"
            );
        }
        if out.detail.is_some() {
            bail!("--detail chooses what --format json carries; --format jsonl records are always complete");
        }
        if out.since.is_some() || out.until.is_some() {
            // Datelines without a year get theirs from the whole corpus,
            // which only the reduce step sees.
            bail!("--since/--until filter on dates known only once the corpus is read; give them to `analyze compare`");
        }
    }
    let opts = options(cli.aliases.as_deref(), out)?;
    let Gathered { inputs, walk_warnings, from_stdin } = gather(&cli.paths, &cli.ext, cli.threads, out.quiet, &opts)?;
    if out.format == FormatArg::Jsonl {
        let alias_text = match &cli.aliases {
            Some(p) => {
                Some(std::fs::read_to_string(p).with_context(|| format!("reading the alias file {}", p.display()))?)
            }
            None => None,
        };
        return write_jsonl(&inputs, walk_warnings, from_stdin, alias_text, &opts, out);
    }
    let (records, skipped) = extract(inputs, walk_warnings, from_stdin, &opts, out.quiet);
    finish(records, skipped, &opts, out)
}

/// The inputs of a run: files to extract, warnings from the walk, and the
/// articles that came as scraper records or on standard input (extracted).
struct Gathered {
    inputs: Vec<InputFile>,
    walk_warnings: Vec<Warning>,
    from_stdin: Vec<Extracted>,
}

fn gather(paths: &[PathBuf], ext: &[String], threads: Option<usize>, quiet: bool, opts: &Options) -> Result<Gathered> {
    if let Some(requested) = threads {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let n = thread_count(requested, cores);
        if n < requested && !quiet {
            let _ = writeln!(
                std::io::stderr(),
                "analyze: warning: -j {requested} is more than this machine can use; using {n} threads \
                 (at most {THREADS_PER_CORE} per core and {MAX_THREADS} in all)"
            );
        }
        // Only fails when a pool already exists, which cannot happen here.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n).build_global();
    }
    let stdin_count = paths.iter().filter(|p| p.as_os_str() == "-").count();
    if stdin_count > 1 {
        bail!("`-` (standard input) can be given only once");
    }
    // `-` is no path to walk: it is read below, after the files are listed
    // (so a wrong path fails before standard input is waited on).
    let walked: Vec<PathBuf> = paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    // Scraper record files are articles in a walked folder too.
    let walk = read::WalkOptions::with_extensions(
        analyze::scraper::EXTENSIONS.iter().copied().chain(ext.iter().map(String::as_str)),
    );
    let read::Inputs { files: inputs, warnings: walk_warnings } =
        if walked.is_empty() { read::Inputs::default() } else { read::collect(&walked, &walk)? };
    let (scraped, inputs): (Vec<InputFile>, Vec<InputFile>) =
        inputs.into_iter().partition(|i| analyze::scraper::is_scraper_path(&i.id));
    let stdin = if stdin_count == 1 {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes).context("reading standard input")?;
        Some(bytes)
    } else {
        None
    };
    let from_stdin = records_of(&scraped, stdin, opts);
    Ok(Gathered { inputs, walk_warnings, from_stdin })
}

/// Extract every gathered input (in parallel, with a progress bar).
fn extract(
    inputs: Vec<InputFile>,
    walk_warnings: Vec<Warning>,
    from_stdin: Vec<Extracted>,
    opts: &Options,
    quiet: bool,
) -> (Vec<ArticleRecord>, Vec<Warning>) {
    let progress = Progress::new(inputs.len(), quiet);
    let mut results = pipeline::extract_all_with(&inputs, Some(&opts.aliases), &|| progress.tick());
    progress.finish();
    results.extend(from_stdin);
    let (records, mut skipped) = pipeline::partition(results);
    skipped.extend(walk_warnings);
    (records, skipped)
}

/// Extraction is CPU-bound: threads beyond a few per core only add memory
/// and start-up time (`-j 100000` would start thousands).
const THREADS_PER_CORE: usize = 4;
const MAX_THREADS: usize = 256;

fn thread_count(requested: usize, cores: usize) -> usize {
    requested.clamp(1, (cores.max(1) * THREADS_PER_CORE).min(MAX_THREADS))
}

/// Articles that do not come one per file: scraper record files and
/// standard input (records when it parses as them, else one article).
fn records_of(scraped: &[InputFile], stdin: Option<Vec<u8>>, opts: &Options) -> Vec<Extracted> {
    use analyze::scraper;
    use rayon::prelude::*;
    let mut records = Vec::new();
    let mut out = Vec::new();
    for f in scraped {
        let lower = f.id.to_ascii_lowercase();
        let lines = lower.ends_with(".jsonl") || lower.ends_with(".ndjson");
        match std::fs::read(&f.path) {
            Ok(bytes) => {
                let (rs, ws) = scraper::parse(&f.id, &bytes, lines);
                records.extend(rs);
                out.extend(ws.into_iter().map(Extracted::Skipped));
            }
            Err(e) => out.push(Extracted::Skipped(Warning {
                path: f.id.clone(),
                kind: WarningKind::Unreadable,
                message: e.to_string(),
            })),
        }
    }
    if let Some(bytes) = stdin {
        match scraper::sniff(&bytes) {
            Some((rs, ws)) => {
                records.extend(rs);
                out.extend(ws.into_iter().map(Extracted::Skipped));
            }
            None => out.push(pipeline::extract_bytes_with("-", bytes, Some(&opts.aliases))),
        }
    }
    let extracted: Vec<Extracted> =
        records.into_par_iter().map(|r| pipeline::extract_given(&r.id, r.text, &r.meta, Some(&opts.aliases))).collect();
    out.extend(extracted);
    out
}

/// A progress bar on stderr that appears only after a second of work, only on
/// a terminal, and never with --quiet.
struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    shown: AtomicBool,
}

impl Progress {
    fn new(total: usize, quiet: bool) -> Self {
        let enabled = !quiet && std::io::stderr().is_terminal() && total > 1;
        let bar = enabled.then(|| {
            let b = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
            if let Ok(style) = ProgressStyle::with_template("{spinner} reading {pos}/{len} articles {wide_bar} {eta}") {
                b.set_style(style);
            }
            b
        });
        Progress { bar, start: Instant::now(), shown: AtomicBool::new(false) }
    }
    fn tick(&self) {
        let Some(b) = &self.bar else { return };
        b.inc(1);
        if !self.shown.load(Ordering::Relaxed) && self.start.elapsed().as_millis() > 1000 {
            self.shown.store(true, Ordering::Relaxed);
            b.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
