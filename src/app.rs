//! What the binary does with the flags: pick the mode, build the ready
//! objects once (colour, view, aliases), run the library, choose the exit code.

use crate::cli::{
    Cli, ColorArg, Command, CompareArgs, DetailArg, FailOn, FormatArg, MapArgs, MapStep, MergeArgs, OutputArgs,
    ReduceArgs,
};
use analyze::model::{ArticleRecord, Report, Warning, WarningKind};
use analyze::pipeline::{self, Extracted, Options};
use analyze::read::{self, InputFile};
use analyze::render::{self, Format, View};
use anyhow::{Context, Result, bail};
use clap::CommandFactory;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;
/// Reports of large corpora run to gigabytes; 8 KB writes cost a system call
/// per few hundred items.
const OUT_BUFFER: usize = 1 << 20;

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

/// Where the report goes. With `--output FILE` it is written to a temporary
/// file in FILE's folder and renamed over FILE once complete: a reader, or
/// the next CI run taking FILE as its baseline, never sees half a report,
/// and a failed run leaves the old FILE in place.
enum Sink {
    Stdout(BufWriter<std::io::StdoutLock<'static>>),
    File { w: BufWriter<tempfile::NamedTempFile>, path: PathBuf },
}

impl Sink {
    fn open(output: Option<&Path>) -> Result<Sink> {
        let Some(path) = output else {
            return Ok(Sink::Stdout(BufWriter::with_capacity(OUT_BUFFER, std::io::stdout().lock())));
        };
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut b = tempfile::Builder::new();
        b.prefix(".analyze-").suffix(".tmp");
        // A temporary file is private by default; a report is not.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            b.permissions(std::fs::Permissions::from_mode(0o644));
        }
        let tmp = b.tempfile_in(&dir).with_context(|| format!("cannot write {}", path.display()))?;
        Ok(Sink::File { w: BufWriter::with_capacity(OUT_BUFFER, tmp), path: path.to_path_buf() })
    }

    fn is_terminal(&self) -> bool {
        matches!(self, Sink::Stdout(_)) && std::io::stdout().is_terminal()
    }

    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Sink::Stdout(w) => w,
            Sink::File { w, .. } => w,
        }
    }

    fn commit(self) -> Result<()> {
        match self {
            Sink::Stdout(mut w) => Ok(w.flush()?),
            Sink::File { w, path } => {
                let tmp = w
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .with_context(|| format!("writing {}", path.display()))?;
                tmp.as_file().sync_all().with_context(|| format!("writing {}", path.display()))?;
                tmp.persist(&path).map_err(|e| e.error).with_context(|| format!("replacing {}", path.display()))?;
                Ok(())
            }
        }
    }
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
    // Read before the analysis so a wrong path fails in a second, not after
    // the whole corpus.
    let baseline = match &out.baseline {
        Some(p) => Some(load_report(p)?),
        None => None,
    };
    let n_read = records.len();
    let mut analysis = pipeline::analyze_records(records, skipped, opts);
    analysis.summary.skipped_files = n_skipped;
    if !out.quiet {
        print_warnings(&analysis.warnings, out.all);
        note_left_out(n_read - analysis.records.len().min(n_read), opts);
    }
    emit(analysis, baseline, out)
}

/// Articles the date filter left out, when it left any.
fn note_left_out(left_out: usize, opts: &Options) {
    if left_out > 0 && (opts.since.is_some() || opts.until.is_some()) {
        let range = match (&opts.since, &opts.until) {
            (Some(s), Some(u)) => format!("outside {s} to {u}"),
            (Some(s), None) => format!("before {s}"),
            (None, Some(u)) => format!("after {u}"),
            (None, None) => String::new(),
        };
        let what = render::plural(left_out, "article", "articles");
        let _ = writeln!(std::io::stderr(), "analyze: note: {what} left out (published {range}, or undated)");
    }
}

/// Render the analysis in the chosen format (with the baseline's changes)
/// and choose the exit code.
fn emit(analysis: pipeline::Analysis, baseline: Option<Report>, out: &OutputArgs) -> Result<u8> {
    let detail = match (out.format, out.detail) {
        (FormatArg::Json, Some(DetailArg::Full)) | (FormatArg::Jsonl, None) => render::Detail::Full,
        (FormatArg::Json, _) => render::Detail::Standard,
        (_, Some(_)) => bail!("--detail chooses what --format json carries; the other formats have no such choice"),
        (_, None) => render::Detail::Standard,
    };
    let mut sink = Sink::open(out.output.as_deref())?;
    let view = View {
        color: use_color(out.color, sink.is_terminal()),
        limit: if out.all { usize::MAX } else { 10 },
        pretty: sink.is_terminal(),
        markdown_budget: out.markdown_budget,
        detail,
    };
    let json = matches!(out.format, FormatArg::Json | FormatArg::Jsonl);
    if json && baseline.is_none() {
        // The common CI and pipeline case: written straight from the records.
        let n = analysis.comparison.conflicts.len();
        let t = analyze::timing::stage("render");
        render::json::write_analysis(&analysis, view.pretty, view.detail, sink.writer())?;
        sink.commit()?;
        drop(t);
        // The process ends right after this: freeing millions of small
        // allocations one by one would only delay the exit (seconds on a
        // large corpus); the OS takes the memory back at once.
        std::mem::forget(analysis);
        return Ok(exit_code(n, None, out.fail_on));
    }
    let mut report = analysis.into_report();
    if let (Some(old), Some(p)) = (&baseline, &out.baseline) {
        analyze::compare::baseline::apply(&mut report, old, &p.display().to_string());
    }
    let new = report.changes.as_ref().map(|c| c.new_conflicts.len());
    let code = exit_code(report.comparison.conflicts.len(), new, out.fail_on);
    let format = match out.format {
        FormatArg::Text => Format::Text,
        FormatArg::Json | FormatArg::Jsonl => Format::Json,
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Github => Format::Github,
        FormatArg::Html => Format::Html,
    };
    let t = analyze::timing::stage("render");
    render::render(&report, format, &view, sink.writer())?;
    sink.commit()?;
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
            let (one, many) = match kind {
                WarningKind::Unreadable => ("unreadable file", "unreadable files"),
                WarningKind::Binary => ("binary file", "binary files"),
                WarningKind::Empty => ("empty file", "empty files"),
                WarningKind::Encoding => ("file decoded as Windows-1252", "files decoded as Windows-1252"),
                WarningKind::UnbalancedQuote => ("unbalanced quotation mark", "unbalanced quotation marks"),
                WarningKind::Other => ("other problem", "other problems"),
                WarningKind::InvalidBytes => ("file with invalid bytes replaced", "files with invalid bytes replaced"),
                WarningKind::ControlCharacters => {
                    ("file with control characters replaced", "files with control characters replaced")
                }
                WarningKind::SpecialFile => ("FIFO, socket or device", "FIFOs, sockets or devices"),
                WarningKind::SymlinkLoop => ("symbolic link loop", "symbolic link loops"),
                WarningKind::Duplicate => ("path read once already", "paths read once already"),
                WarningKind::NotArticle => {
                    ("folder with files that are not articles", "folders with files that are not articles")
                }
                WarningKind::LongSentence => ("over-long sentence split", "over-long sentences split"),
            };
            let what = if more == 1 { one } else { many };
            let _ = writeln!(
                std::io::stderr(),
                "analyze: warning: … and {more} more {what} (--all lists them; so does the JSON report)"
            );
        }
    }
}

/// `--fail-on conflicts` fails when there is at least one conflict, or with
/// `--baseline` (`new` is then the count of new ones) one that the baseline
/// did not have. The reason goes to stderr, even with --quiet: an exit code
/// alone does not tell a CI log's reader what failed.
fn exit_code(conflicts: usize, new: Option<usize>, fail_on: Option<FailOn>) -> u8 {
    let Some(FailOn::Conflicts) = fail_on else { return 0 };
    let plural = |n: usize| if n == 1 { "conflict" } else { "conflicts" };
    match new {
        Some(n) if n > 0 => {
            eprintln!("analyze: exit 1: {n} new {} since the baseline (--fail-on conflicts)", plural(n));
            EXIT_FINDINGS
        }
        None if conflicts > 0 => {
            eprintln!("analyze: exit 1: {conflicts} {} between sources (--fail-on conflicts)", plural(conflicts));
            EXIT_FINDINGS
        }
        _ => 0,
    }
}

fn load_report(p: &Path) -> Result<Report> {
    let f = std::fs::File::open(p).with_context(|| format!("opening the baseline {}", p.display()))?;
    serde_json::from_reader(std::io::BufReader::new(f))
        .with_context(|| format!("{} is not an analyze --format json report", p.display()))
}

fn use_color(c: ColorArg, terminal: bool) -> bool {
    match c {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && terminal
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}

/// The map step: one record per line, in input order, written as extraction
/// goes (chunks of files run in parallel, then are written in order).
///
/// Lines for skipped files (and the alias line) are held back until the
/// first article: a batch with nothing readable writes nothing and still
/// succeeds, since failing would fail a whole Hadoop or Spark task over a
/// folder of empty files.
fn write_jsonl(
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
fn run_compare(args: CompareArgs) -> Result<u8> {
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

/// `analyze map`: extract, group the corpus into stories, and write the
/// keyed lines of [`analyze::mapreduce`] (the global line, then each story's
/// line and its articles).
fn run_map(args: MapArgs) -> Result<u8> {
    use analyze::mapreduce::{self, GLOBAL_KEY, Line, story_key};
    use rayon::prelude::*;
    let out = OutputArgs {
        format: FormatArg::Json,
        color: ColorArg::Never,
        quiet: args.quiet,
        all: false,
        fail_on: None,
        baseline: None,
        detail: None,
        output: args.output.clone(),
        markdown_budget: crate::cli::BUDGET_COMMENT,
        since: args.since.clone(),
        until: args.until.clone(),
        config: None,
    };
    let opts = options(args.aliases.as_deref(), &out)?;
    let (records, skipped) = match args.step {
        MapStep::All => {
            let Gathered { inputs, walk_warnings, from_stdin } =
                gather(&args.paths, &args.ext, args.threads, args.quiet, &opts)?;
            extract(inputs, walk_warnings, from_stdin, &opts, args.quiet)
        }
        MapStep::List => return map_list(&args),
        MapStep::Records => return map_records(&args, &opts),
        MapStep::Group => return map_group(&args, &opts),
    };
    if records.is_empty() {
        for w in &skipped {
            print_warning(w);
        }
        bail!("no readable article among the inputs ({} skipped)", mapreduce::skipped_count(&skipped));
    }
    let n_read = records.len();
    let plan = mapreduce::plan(records, skipped, &opts);
    if !args.quiet {
        let mut all: Vec<Warning> = plan.global.warnings.clone();
        all.extend(plan.records.iter().flat_map(|r| r.warnings.iter().cloned()));
        all.sort();
        print_warnings(&all, false);
        note_left_out(n_read - plan.records.len().min(n_read), &opts);
    }
    let t = analyze::timing::stage("render");
    let mut sink = Sink::open(args.output.as_deref())?;
    let w = sink.writer();
    let mapreduce::Plan { records, keys, headers, global } = plan;
    mapreduce::write_line(w, GLOBAL_KEY, &Line::Global(Box::new(global)))?;
    for h in headers {
        let key = story_key(h.story);
        mapreduce::write_line(w, &key, &Line::Story(h))?;
    }
    // Records are serialized on all cores, a chunk at a time, written in order.
    let pairs: Vec<(mapreduce::Keys, ArticleRecord)> = keys.into_iter().zip(records).collect();
    for chunk in pairs.chunks(512) {
        let parts: Vec<std::io::Result<Vec<u8>>> = chunk
            .par_iter()
            .map(|(k, r)| {
                let mut buf = Vec::new();
                mapreduce::write_article(&mut buf, &story_key(k.story), k, r)?;
                Ok(buf)
            })
            .collect();
        for p in parts {
            w.write_all(&p?)?;
        }
    }
    sink.commit()?;
    drop(t);
    std::mem::forget(pairs);
    Ok(0)
}

/// `map --step list`: the files of a corpus, one line each, and the walk's
/// warnings; nothing is read.
fn map_list(args: &MapArgs) -> Result<u8> {
    use analyze::mapreduce::{self, GLOBAL_KEY, Line};
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        bail!("--step list walks files and folders; standard input has no files to list");
    }
    let walk = read::WalkOptions::with_extensions(
        analyze::scraper::EXTENSIONS.iter().copied().chain(args.ext.iter().map(String::as_str)),
    );
    let listed = read::collect(&args.paths, &walk)?;
    let mut sink = Sink::open(args.output.as_deref())?;
    let w = sink.writer();
    for f in listed.files {
        let Some(path) = f.path.to_str() else {
            bail!(
                "{}: a file name that is not UTF-8 cannot be passed between steps; run `analyze map` in one process",
                f.id
            );
        };
        mapreduce::write_line(w, &mapreduce::id_key(&f.id), &Line::File { id: f.id.clone(), path: path.to_string() })?;
    }
    for warning in listed.warnings {
        mapreduce::write_line(w, GLOBAL_KEY, &Line::Skipped(warning))?;
    }
    sink.commit()?;
    Ok(0)
}

/// `map --step records`: extract the files of `list` lines (a partition of
/// them), one `record` line per article; `skipped` lines pass through.
fn map_records(args: &MapArgs, opts: &Options) -> Result<u8> {
    use analyze::mapreduce::{self, GLOBAL_KEY, Line};
    use rayon::prelude::*;
    let mut files: Vec<InputFile> = Vec::new();
    let mut passed: Vec<Warning> = Vec::new();
    each_line(&args.paths, &mut |text, n| {
        let (key, line) = mapreduce::parse_line(text, n)?;
        match line {
            Line::File { id, path } => files.push(InputFile { id, path: PathBuf::from(path) }),
            Line::Skipped(w) => passed.push(w),
            other => {
                return Err(mapreduce::MapReduceError::Misplaced { key: key.to_string(), what: other.kind() }.into());
            }
        }
        Ok(())
    })?;
    let (scraped, files): (Vec<InputFile>, Vec<InputFile>) =
        files.into_iter().partition(|i| analyze::scraper::is_scraper_path(&i.id));
    let mut sink = Sink::open(args.output.as_deref())?;
    let w = sink.writer();
    let quiet = args.quiet;
    let write = |r: Extracted, w: &mut dyn Write| -> Result<()> {
        match r {
            Extracted::Article(a) => mapreduce::write_line(w, &mapreduce::id_key(&a.article.id), &Line::Record(a))?,
            Extracted::Skipped(warning) => {
                if !quiet {
                    print_warning(&warning);
                }
                mapreduce::write_line(w, GLOBAL_KEY, &Line::Skipped(warning))?
            }
        }
        Ok(())
    };
    for warning in passed {
        mapreduce::write_line(w, GLOBAL_KEY, &Line::Skipped(warning))?;
    }
    for r in records_of(&scraped, None, opts) {
        write(r, w)?;
    }
    for chunk in files.chunks(256) {
        let results: Vec<Extracted> =
            chunk.par_iter().map(|i| pipeline::extract_file_with(i, Some(&opts.aliases))).collect();
        for r in results {
            write(r, w)?;
        }
    }
    sink.commit()?;
    Ok(0)
}

/// `map --step group`: the grouping pass over `records` lines (all of the
/// corpus), keeping only what grouping reads of each record.
fn map_group(args: &MapArgs, opts: &Options) -> Result<u8> {
    use analyze::mapreduce::{self, GLOBAL_KEY, Line, story_key};
    let mut records: Vec<ArticleRecord> = Vec::new();
    let mut skipped: Vec<Warning> = Vec::new();
    each_line(&args.paths, &mut |text, n| {
        let (key, line) = mapreduce::parse_line(text, n)?;
        match line {
            Line::Record(r) => records.push(mapreduce::sketch_only(*r)),
            Line::Skipped(w) => skipped.push(w),
            other => {
                return Err(mapreduce::MapReduceError::Misplaced { key: key.to_string(), what: other.kind() }.into());
            }
        }
        Ok(())
    })?;
    if records.is_empty() {
        bail!("no readable article among the inputs ({} skipped)", mapreduce::skipped_count(&skipped));
    }
    let plan = mapreduce::plan(records, skipped, opts);
    let mut sink = Sink::open(args.output.as_deref())?;
    let w = sink.writer();
    let mapreduce::Plan { records, keys, headers, global } = plan;
    mapreduce::write_line(w, GLOBAL_KEY, &Line::Global(Box::new(global)))?;
    for h in headers {
        let key = story_key(h.story);
        mapreduce::write_line(w, &key, &Line::Story(h))?;
    }
    for (k, r) in keys.into_iter().zip(&records) {
        mapreduce::write_line(w, &mapreduce::id_key(&r.article.id), &Line::Keys(k))?;
    }
    sink.commit()?;
    Ok(0)
}

/// Calls `f` with each line of the files (`-` or none: standard input) and
/// its number.
fn each_line(paths: &[PathBuf], f: &mut dyn FnMut(&str, usize) -> Result<()>) -> Result<()> {
    let mut run = |r: &mut dyn BufRead, name: &str| -> Result<()> {
        let mut buf = String::new();
        let mut n = 0;
        loop {
            buf.clear();
            if r.read_line(&mut buf).with_context(|| format!("reading {name}"))? == 0 {
                return Ok(());
            }
            n += 1;
            let line = buf.trim_end_matches(['\n', '\r']);
            if line.trim().is_empty() {
                continue;
            }
            f(line, n).with_context(|| name.to_string())?;
        }
    };
    if paths.is_empty() || paths.iter().all(|p| p.as_os_str() == "-") {
        return run(&mut std::io::stdin().lock(), "standard input");
    }
    for p in paths {
        if p.as_os_str() == "-" {
            run(&mut std::io::stdin().lock(), "standard input")?;
            continue;
        }
        let file = std::fs::File::open(p).with_context(|| format!("{}: cannot open", p.display()))?;
        run(&mut std::io::BufReader::with_capacity(OUT_BUFFER, file), &p.display().to_string())?;
    }
    Ok(())
}

fn no_filters_here(out: &OutputArgs, step: &str) -> Result<()> {
    if out.since.is_some() || out.until.is_some() {
        bail!(
            "--since/--until choose the articles, which `analyze map` does; give them to the map step, not to {step}"
        );
    }
    Ok(())
}

/// Stories are compared a batch at a time on all cores; a batch holds about
/// this many articles (or one story, when it is larger).
const REDUCE_BATCH: usize = 2048;

/// `analyze reduce`: lines sorted by key in, one story at a time.
fn run_reduce(args: ReduceArgs) -> Result<u8> {
    use analyze::mapreduce::{self, GLOBAL_KEY, Group, Line, StoryResult, story_key};
    use rayon::prelude::*;
    let out = &args.output;
    no_filters_here(out, "`analyze reduce`")?;
    let baseline = match (&out.baseline, args.partial) {
        (Some(_), true) => bail!("--baseline needs the whole report, which `analyze merge` writes; give it there"),
        (None, true) if out.detail.is_some() => {
            bail!("--detail chooses what the report carries; give it to `analyze merge`")
        }
        (Some(p), false) => Some(load_report(p)?),
        (None, _) => None,
    };
    let mut sink = if args.partial { Some(Sink::open(out.output.as_deref())?) } else { None };
    let mut results: Vec<StoryResult> = Vec::new();
    let mut batch: Vec<Group> = Vec::new();
    let mut batch_articles = 0;
    let flush = |batch: &mut Vec<Group>, sink: &mut Option<Sink>, results: &mut Vec<StoryResult>| -> Result<()> {
        let done: Vec<StoryResult> =
            std::mem::take(batch).into_par_iter().map(|(h, items)| mapreduce::reduce_story(h, items)).collect();
        match sink {
            Some(s) => {
                for r in done {
                    let key = story_key(r.story);
                    mapreduce::write_line(s.writer(), &key, &Line::Part(Box::new(r)))?;
                }
            }
            None => results.extend(done),
        }
        Ok(())
    };
    let mut reducer = mapreduce::Reducer::new();
    each_line(&args.lines, &mut |text, n| {
        let (key, line) = mapreduce::parse_line(text, n)?;
        if let Some(group) = reducer.push(key, line)? {
            batch_articles += group.1.len();
            batch.push(group);
            if batch_articles >= REDUCE_BATCH {
                flush(&mut batch, &mut sink, &mut results)?;
                batch_articles = 0;
            }
        }
        Ok(())
    })?;
    let (last, global, passed) = reducer.finish()?;
    batch.extend(last);
    flush(&mut batch, &mut sink, &mut results)?;
    results.extend(passed);
    if let Some(mut s) = sink {
        // Parts met in the input go on; the global line goes to the merge.
        for r in std::mem::take(&mut results) {
            let key = story_key(r.story);
            mapreduce::write_line(s.writer(), &key, &Line::Part(Box::new(r)))?;
        }
        if let Some(g) = global {
            mapreduce::write_line(s.writer(), GLOBAL_KEY, &Line::Global(Box::new(g)))?;
        }
        s.commit()?;
        return Ok(0);
    }
    let global = global.ok_or(mapreduce::MapReduceError::NoGlobal)?;
    let analysis = mapreduce::merge(global, results)?;
    emit(analysis, baseline, out)
}

/// `analyze merge`: the report from `analyze reduce --partial` lines.
fn run_merge(args: MergeArgs) -> Result<u8> {
    use analyze::mapreduce::{self, Line, MapReduceError};
    let out = &args.output;
    no_filters_here(out, "`analyze merge`")?;
    let baseline = match &out.baseline {
        Some(p) => Some(load_report(p)?),
        None => None,
    };
    let mut global = None;
    let mut results = Vec::new();
    each_line(&args.lines, &mut |text, n| {
        let (key, line) = mapreduce::parse_line(text, n)?;
        match line {
            Line::Part(p) => results.push(*p),
            Line::Global(g) if global.is_none() => global = Some(*g),
            Line::Global(_) => {
                return Err(MapReduceError::Misplaced { key: key.to_string(), what: "second global" }.into());
            }
            other => {
                bail!("line {n}: a {} line; merge takes the lines of `analyze reduce --partial`", other.kind())
            }
        }
        Ok(())
    })?;
    let global = global.ok_or(MapReduceError::NoGlobal)?;
    let analysis = mapreduce::merge(global, results)?;
    emit(analysis, baseline, out)
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
