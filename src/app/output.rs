//! The end of every mode that writes a report: where the bytes go (atomic
//! `--output`), which renderer, and the exit code; kept apart so the modes
//! that arrive at a report differently (one run, compare, reduce, merge)
//! share one ending.

use super::warnings::{print_warning, print_warnings};
use super::{EXIT_FINDINGS, OUT_BUFFER};
use crate::cli::{ColorArg, DetailArg, FailOn, FormatArg, OutputArgs};
use analyze::model::{ArticleRecord, Report, Warning, WarningKind};
use analyze::pipeline::{self, Options};
use analyze::render::{self, EscapeC1, Format, View};
use anyhow::{Context, Result, bail};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Where the report goes. With `--output FILE` it is written to a temporary
/// file in FILE's folder and renamed over FILE once complete: a reader, or
/// the next CI run taking FILE as its baseline, never sees half a report,
/// and a failed run leaves the old FILE in place.
/// Both write through [`EscapeC1`]: items keep the file's control
/// characters, and no C1 character reaches a terminal or a pipe raw. It sits
/// under the buffer, so it scans whole buffers, not serde_json's fragments.
pub(super) enum Sink {
    Stdout(BufWriter<EscapeC1<std::io::StdoutLock<'static>>>),
    File { w: BufWriter<EscapeC1<tempfile::NamedTempFile>>, path: PathBuf },
}

impl Sink {
    pub(super) fn open(output: Option<&Path>) -> Result<Sink> {
        let Some(path) = output else {
            return Ok(Sink::Stdout(BufWriter::with_capacity(OUT_BUFFER, EscapeC1::new(std::io::stdout().lock()))));
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
        Ok(Sink::File { w: BufWriter::with_capacity(OUT_BUFFER, EscapeC1::new(tmp)), path: path.to_path_buf() })
    }

    pub(super) fn is_terminal(&self) -> bool {
        matches!(self, Sink::Stdout(_)) && std::io::stdout().is_terminal()
    }

    pub(super) fn writer(&mut self) -> &mut dyn Write {
        match self {
            Sink::Stdout(w) => w,
            Sink::File { w, .. } => w,
        }
    }

    pub(super) fn commit(self) -> Result<()> {
        match self {
            Sink::Stdout(w) => Ok(w.into_inner().map_err(|e| e.into_error())?.into_inner()?.flush()?),
            Sink::File { w, path } => {
                let tmp = w
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .with_context(|| format!("writing {}", path.display()))?
                    .into_inner()
                    .with_context(|| format!("writing {}", path.display()))?;
                tmp.as_file().sync_all().with_context(|| format!("writing {}", path.display()))?;
                tmp.persist(&path).map_err(|e| e.error).with_context(|| format!("replacing {}", path.display()))?;
                Ok(())
            }
        }
    }
}

/// Print warnings, fail when nothing was readable, then analyze and render.
pub(super) fn finish(
    records: Vec<ArticleRecord>,
    skipped: Vec<Warning>,
    opts: &Options,
    out: &OutputArgs,
) -> Result<u8> {
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
pub(super) fn note_left_out(left_out: usize, opts: &Options) {
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
pub(super) fn emit(analysis: pipeline::Analysis, baseline: Option<Report>, out: &OutputArgs) -> Result<u8> {
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

/// `--fail-on conflicts` fails when there is at least one conflict, or with
/// `--baseline` (`new` is then the count of new ones) one that the baseline
/// did not have. The reason goes to stderr, even with --quiet: an exit code
/// alone does not tell a CI log's reader what failed.
pub(super) fn exit_code(conflicts: usize, new: Option<usize>, fail_on: Option<FailOn>) -> u8 {
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

pub(super) fn load_report(p: &Path) -> Result<Report> {
    let f = std::fs::File::open(p).with_context(|| format!("opening the baseline {}", p.display()))?;
    serde_json::from_reader(std::io::BufReader::new(f))
        .with_context(|| format!("{} is not an analyze --format json report", p.display()))
}

pub(super) fn use_color(c: ColorArg, terminal: bool) -> bool {
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
