//! Writes a deterministic synthetic news corpus for benchmarks and scale tests.
//!
//! ```text
//! cargo run --release --example gen-corpus -- --articles 20000 --stories 2000 --out DIR
//!     [--seed N] [--size-mb M] [--flat] [--dry-run]
//! ```
//!
//! `--size-mb` overrides `--articles`: stories are generated (about
//! articles/stories articles each) until the corpus reaches M megabytes
//! (10^6 bytes). The same seed always gives the same files. See
//! `gen_corpus/generator.rs` for what the text looks like.

#[path = "gen_corpus/generator.rs"]
mod generator;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: gen-corpus --out DIR [--articles N] [--stories N] [--seed N] [--size-mb M] [--flat] [--dry-run]";

fn main() -> ExitCode {
    let mut cfg = generator::Config::default();
    let mut out: Option<PathBuf> = None;
    let mut dry_run = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| -> Result<String, String> { args.next().ok_or(format!("{name} needs a value")) };
        let r: Result<(), String> = (|| {
            match a.as_str() {
                "--articles" => cfg.articles = parse(&value("--articles")?)?,
                "--stories" => cfg.stories = parse(&value("--stories")?)?,
                "--seed" => cfg.seed = parse(&value("--seed")?)?,
                "--size-mb" => cfg.size_bytes = Some(parse::<u64>(&value("--size-mb")?)? * 1_000_000),
                "--out" => out = Some(PathBuf::from(value("--out")?)),
                "--flat" => cfg.flat = true,
                "--dry-run" => dry_run = true,
                "-h" | "--help" => return Err(String::new()),
                other => return Err(format!("unknown argument {other}")),
            }
            Ok(())
        })();
        if let Err(e) = r {
            if !e.is_empty() {
                eprintln!("gen-corpus: {e}");
            }
            eprintln!("{USAGE}");
            return if e.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) };
        }
    }
    if dry_run {
        // Generation alone, to tell generator speed from filesystem speed.
        let t = Instant::now();
        let (mut files, mut bytes) = (0usize, 0u64);
        generator::generate_batches(&cfg, |b| {
            files += b.len();
            bytes += b.iter().map(|a| a.bytes.len() as u64).sum::<u64>();
        });
        let secs = t.elapsed().as_secs_f64();
        eprintln!("gen-corpus: dry run, {files} files, {:.1} MB generated in {secs:.2} s ({:.0} MB/s)", bytes as f64 / 1e6, bytes as f64 / 1e6 / secs.max(1e-9));
        return ExitCode::SUCCESS;
    }
    let Some(out) = out else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if cfg.articles == 0 || cfg.stories == 0 {
        eprintln!("gen-corpus: --articles and --stories must be positive");
        return ExitCode::from(2);
    }
    let t = Instant::now();
    match generator::write_corpus(&cfg, &out) {
        Ok(s) => {
            let secs = t.elapsed().as_secs_f64();
            eprintln!(
                "gen-corpus: {} files, {} stories, {:.1} MB in {:.2} s ({:.0} MB/s) -> {}",
                s.files,
                s.stories,
                s.bytes as f64 / 1e6,
                secs,
                s.bytes as f64 / 1e6 / secs.max(1e-9),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen-corpus: writing {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

fn parse<T: std::str::FromStr>(s: &str) -> Result<T, String> {
    s.parse().map_err(|_| format!("not a number: {s}"))
}
