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
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("analyze: {e:#}");
            ExitCode::from(app::EXIT_ERROR)
        }
    }
}
