//! What the binary does with the flags: pick the mode, build the ready
//! objects once (colour, view, aliases), run the library, choose the exit code.

use crate::cli::{Cli, ColorArg, Command, CompareArgs, FailOn, FormatArg, OutputArgs};
use analyze::model::{ArticleRecord, Report, Warning, WarningKind};
use analyze::pipeline::{self, Extracted, Options};
use analyze::read::{self, InputFile};
use analyze::render::{self, Format, View};
use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;
/// Reports of large corpora run to gigabytes; 8 KB writes cost a system call
/// per few hundred items.
const OUT_BUFFER: usize = 1 << 20;

/// One line of `--format jsonl`: an article's record, or a file that was skipped.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum JsonlLine {
    Article(Box<ArticleRecord>),
    Skipped { skipped: Warning },
}

pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Some(Command::Schema) => {
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &render::json::report_schema())?;
            writeln!(out)?;
            Ok(0)
        }
        Some(Command::Compare(args)) => run_compare(args),
        None => run_analyze(cli),
    }
}

fn options(aliases: Option<&Path>) -> Result<Options> {
    let aliases = match aliases {
        Some(p) => analyze::aliases::load(p).with_context(|| format!("reading the alias file {}", p.display()))?,
        None => Default::default(),
    };
    Ok(Options { aliases })
}

fn run_analyze(cli: Cli) -> Result<u8> {
    let opts = options(cli.aliases.as_deref())?;
    if let Some(requested) = cli.threads {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let n = thread_count(requested, cores);
        if n < requested && !cli.output.quiet {
            eprintln!(
                "analyze: warning: -j {requested} is more than this machine can use; using {n} threads \
                 (at most {THREADS_PER_CORE} per core and {MAX_THREADS} in all)"
            );
        }
        // Only fails when a pool already exists, which cannot happen here.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n).build_global();
    }
    let walk = read::WalkOptions::with_extensions(&cli.ext);
    let read::Inputs { files: inputs, warnings: walk_warnings } = read::collect(&cli.paths, &walk)?;
    let out = &cli.output;
    if out.format == FormatArg::Jsonl {
        return write_jsonl(&inputs, walk_warnings, &opts, out.quiet);
    }
    let progress = Progress::new(inputs.len(), out.quiet);
    let results = pipeline::extract_all_with(&inputs, Some(&opts.aliases), &|| progress.tick());
    progress.finish();
    let (records, mut skipped) = pipeline::partition(results);
    skipped.extend(walk_warnings);
    finish(records, skipped, &opts, out)
}

/// Extraction is CPU-bound: threads beyond a few per core only add memory
/// and start-up time (`-j 100000` would start thousands).
const THREADS_PER_CORE: usize = 4;
const MAX_THREADS: usize = 256;

fn thread_count(requested: usize, cores: usize) -> usize {
    requested.clamp(1, (cores.max(1) * THREADS_PER_CORE).min(MAX_THREADS))
}

/// Print warnings, fail when nothing was readable, then analyze and render.
fn finish(records: Vec<ArticleRecord>, skipped: Vec<Warning>, opts: &Options, out: &OutputArgs) -> Result<u8> {
    // Files left out by design (other extensions, a second path to the same
    // file) are reported but not counted as skipped.
    let n_skipped =
        skipped.iter().filter(|w| !matches!(w.kind, WarningKind::NotArticle | WarningKind::Duplicate)).count();
    if records.is_empty() {
        for w in &skipped {
            print_warning(w);
        }
        bail!("no readable article among the inputs ({} skipped)", n_skipped);
    }
    let mut analysis = pipeline::analyze_records(records, skipped, opts);
    analysis.summary.skipped_files = n_skipped;
    if !out.quiet {
        print_warnings(&analysis.warnings, out.all);
    }
    let view = View {
        color: use_color(out.color),
        limit: if out.all { usize::MAX } else { 10 },
        pretty: std::io::stdout().is_terminal(),
    };
    let stdout = std::io::stdout();
    let mut w = BufWriter::with_capacity(OUT_BUFFER, stdout.lock());
    let json = matches!(out.format, FormatArg::Json | FormatArg::Jsonl);
    if json && out.baseline.is_none() {
        // The common CI and pipeline case: written straight from the records.
        let code = exit_code_of(analysis.comparison.conflicts.len(), out.fail_on);
        let t = analyze::timing::stage("render");
        render::json::write_analysis(&analysis, view.pretty, &mut w)?;
        w.flush()?;
        drop(t);
        // The process ends right after this: freeing millions of small
        // allocations one by one would only delay the exit (seconds on a
        // large corpus); the OS takes the memory back at once.
        std::mem::forget(analysis);
        return Ok(code);
    }
    let mut report = analysis.into_report();
    let baseline = match &out.baseline {
        Some(p) => Some(load_report(p)?),
        None => None,
    };
    let code = exit_code(&report, baseline.as_ref(), out.fail_on);
    if let Some(old) = &baseline {
        analyze::compare::baseline::apply(&mut report, old);
    }
    let format = match out.format {
        FormatArg::Text => Format::Text,
        FormatArg::Json | FormatArg::Jsonl => Format::Json,
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Github => Format::Github,
    };
    let t = analyze::timing::stage("render");
    render::render(&report, format, &view, &mut w)?;
    w.flush()?;
    drop(t);
    std::mem::forget(report);
    Ok(code)
}

/// File names and messages that quote them come from the input: escape
/// sequences in them must not reach the terminal.
///
/// Written without `eprintln!`, which panics when stderr is a closed pipe
/// (`analyze dir 2>&1 | head`): a lost warning must not end the run.
fn print_warning(w: &Warning) {
    let _ = writeln!(std::io::stderr(), "analyze: warning: {}: {}", render::clean(&w.path), render::clean(&w.message));
}

/// Warnings of one kind shown before the rest are summed up (unless `--all`):
/// a corpus of 400,000 scraped pages can have thousands of Windows-1252 files,
/// and a screenful of identical lines hides the one warning that matters.
const WARNINGS_PER_KIND: usize = 5;

fn print_warnings(warnings: &[Warning], all: bool) {
    let mut shown: std::collections::BTreeMap<WarningKind, usize> = Default::default();
    for w in warnings {
        let n = shown.entry(w.kind).or_default();
        *n += 1;
        if all || *n <= WARNINGS_PER_KIND {
            print_warning(w);
        }
    }
    for (kind, n) in shown {
        if !all && n > WARNINGS_PER_KIND {
            let more = n - WARNINGS_PER_KIND;
            let what = match kind {
                WarningKind::Unreadable => "unreadable files",
                WarningKind::Binary => "binary files",
                WarningKind::Empty => "empty files",
                WarningKind::Encoding => "files decoded as Windows-1252",
                WarningKind::UnbalancedQuote => "unbalanced quotation marks",
                WarningKind::Other => "other problems",
                WarningKind::InvalidBytes => "files with invalid bytes replaced",
                WarningKind::ControlCharacters => "files with control characters replaced",
                WarningKind::SpecialFile => "FIFOs, sockets or devices",
                WarningKind::SymlinkLoop => "symbolic link loops",
                WarningKind::Duplicate => "paths read once already",
                WarningKind::NotArticle => "folders with files that are not articles",
                WarningKind::LongSentence => "over-long sentences split",
            };
            let _ = writeln!(
                std::io::stderr(),
                "analyze: warning: … and {more} more {what} (--all lists them; so does the JSON report)"
            );
        }
    }
}

fn exit_code(report: &Report, baseline: Option<&Report>, fail_on: Option<FailOn>) -> u8 {
    let n = match baseline {
        Some(old) => analyze::compare::baseline::new_conflicts(old, report),
        None => report.comparison.conflicts.len(),
    };
    exit_code_of(n, fail_on)
}

/// `--fail-on conflicts` fails when there is at least one (new) conflict.
fn exit_code_of(conflicts: usize, fail_on: Option<FailOn>) -> u8 {
    match fail_on {
        Some(FailOn::Conflicts) if conflicts > 0 => EXIT_FINDINGS,
        _ => 0,
    }
}

fn load_report(p: &Path) -> Result<Report> {
    let f = std::fs::File::open(p).with_context(|| format!("opening the baseline {}", p.display()))?;
    serde_json::from_reader(std::io::BufReader::new(f))
        .with_context(|| format!("{} is not an analyze --format json report", p.display()))
}

fn use_color(c: ColorArg) -> bool {
    match c {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}

/// The map step: one record per line, in input order, written as extraction
/// goes (chunks of files run in parallel, then are written in order).
///
/// Lines for skipped files are held back until the first article: a batch
/// with nothing readable writes nothing and still succeeds, since failing
/// would fail a whole Hadoop or Spark task over a folder of empty files.
fn write_jsonl(inputs: &[InputFile], walk_warnings: Vec<Warning>, opts: &Options, quiet: bool) -> Result<u8> {
    use rayon::prelude::*;
    let stdout = std::io::stdout();
    let mut w = BufWriter::with_capacity(OUT_BUFFER, stdout.lock());
    let skipped = |warning: Warning| {
        if !quiet {
            print_warning(&warning);
        }
        JsonlLine::Skipped { skipped: warning }
    };
    let mut pending: Vec<JsonlLine> = walk_warnings.into_iter().map(skipped).collect();
    let mut any = false;
    for chunk in inputs.chunks(256) {
        let results: Vec<Extracted> =
            chunk.par_iter().map(|i| pipeline::extract_file_with(i, Some(&opts.aliases))).collect();
        for r in results {
            let line = match r {
                Extracted::Article(a) => JsonlLine::Article(a),
                Extracted::Skipped(warning) => skipped(warning),
            };
            if !any && matches!(line, JsonlLine::Skipped { .. }) {
                pending.push(line);
                continue;
            }
            any = true;
            for l in pending.drain(..).chain(std::iter::once(line)) {
                serde_json::to_writer(&mut w, &l)?;
                w.write_all(b"\n")?;
            }
        }
    }
    w.flush()?;
    if !any && !quiet {
        eprintln!("analyze: warning: no readable article among the inputs; nothing written");
    }
    Ok(0)
}

/// The reduce step: read records (files or stdin), then analyze as one run.
fn run_compare(args: CompareArgs) -> Result<u8> {
    let opts = options(args.aliases.as_deref())?;
    let mut records = Vec::new();
    let mut skipped = Vec::new();
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
    finish(records, skipped, &opts, &args.output)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threads_are_capped_per_core_and_in_all() {
        assert_eq!(thread_count(3, 2), 3);
        assert_eq!(thread_count(0, 2), 1);
        assert_eq!(thread_count(100_000, 2), 8);
        assert_eq!(thread_count(100_000, 512), MAX_THREADS);
        assert_eq!(thread_count(5, 0), 4);
    }
}
