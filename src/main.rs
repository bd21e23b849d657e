//! The `analyze` binary: parse flags, run the library, map errors to exit codes.

mod app;
mod cli;
mod config;

use clap::Parser;
use std::process::ExitCode;

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
