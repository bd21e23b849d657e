//! The `analyze` binary: parse flags, run the library, map errors to exit codes.

mod app;
mod cli;
mod config;

use clap::Parser;
use std::process::ExitCode;

// Extraction makes many small strings and vectors per sentence: glibc's
// allocator took about a sixth of a run's cycles (perf on the 10 MB generated
// corpus). jemalloc cut CPU by 12% and peak memory by 7% there; mimalloc cut
// CPU by 18% but raised peak memory by 18%, and memory is the tighter limit.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let args = match config::expand(std::env::args_os().collect()) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("analyze: {e:#}");
            return ExitCode::from(app::EXIT_ERROR);
        }
    };
    let cli = cli::Cli::parse_from(args);
    match app::run(cli) {
        Ok(code) => code.into(),
        Err(e) => {
            // A closed pipe (`analyze dir | head`) is a normal way to stop reading.
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            // Errors quote paths from the command line and the input.
            eprintln!("analyze: {}", analyze::render::clean(&format!("{e:#}")));
            ExitCode::from(app::EXIT_ERROR)
        }
    }
}

/// serde_json wraps the I/O error without exposing it as a source, so both
/// shapes are checked.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>().is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}
