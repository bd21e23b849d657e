//! The `map`, `reduce` and `merge` subcommands: the keyed-line steps of
//! [`analyze::mapreduce`] for corpora split across processes or machines,
//! kept apart from the one-process run they must reproduce.

use super::output::{Sink, emit, load_report, note_left_out};
use super::warnings::{print_warning, print_warnings};
use super::{Gathered, OUT_BUFFER, extract, gather, options, records_of};
use crate::cli::{ColorArg, FormatArg, MapArgs, MapStep, MergeArgs, OutputArgs, ReduceArgs};
use analyze::model::{ArticleRecord, Warning};
use analyze::pipeline::{self, Extracted, Options};
use analyze::read::{self, InputFile};
use anyhow::{Context, Result, bail};
use std::io::{BufRead, Write};
use std::path::PathBuf;

/// `analyze map`: extract, group the corpus into stories, and write the
/// keyed lines of [`analyze::mapreduce`] (the global line, then each story's
/// line and its articles).
pub(super) fn run_map(args: MapArgs) -> Result<u8> {
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
pub(super) fn run_reduce(args: ReduceArgs) -> Result<u8> {
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
pub(super) fn run_merge(args: MergeArgs) -> Result<u8> {
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
