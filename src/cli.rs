//! Command-line flags (clap derive). Doc comments are the help text.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  analyze fixtures/summit/                       compare the articles in a folder
  analyze --format json seeds/ | jq '.comparison.conflicts'
  analyze --format markdown seeds/ >> \"$GITHUB_STEP_SUMMARY\"
  analyze --fail-on conflicts --baseline last.json seeds/   exit 1 on new conflicts
  analyze --format jsonl seeds/ | sort | analyze compare    map and reduce in two steps
  analyze schema > report.schema.json            the JSON Schema of --format json

Exit codes: 0 success, 1 findings (with --fail-on), 2 usage error or nothing readable.";

/// Compare news articles across sources: who is named, who said what, which
/// numbers and dates they give, and where the reports agree or conflict.
#[derive(Debug, Parser)]
#[command(name = "analyze", version, about, after_help = EXAMPLES, args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Article files or folders (read recursively, hidden entries skipped).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Extra names, forced merges and splits of entities (TOML; see README).
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,

    /// Also read files with these extensions in folders as articles (`.txt`
    /// always counts; `*` takes every file). Files named on the command line
    /// are always read.
    #[arg(long, value_name = "EXT,...", value_delimiter = ',')]
    pub ext: Vec<String>,

    /// Worker threads for extraction (default: all cores; at most 4 per core). Output is identical for any value.
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Group and compare article records written by `--format jsonl` (the reduce step).
    Compare(CompareArgs),
    /// Print the JSON Schema of the `--format json` report.
    Schema,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// JSON Lines files from `analyze --format jsonl`; none or `-` reads standard input.
    #[arg(value_name = "RECORDS")]
    pub records: Vec<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Extra names, forced merges and splits of entities (TOML; see README).
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
}

#[derive(Debug, Args, Clone)]
pub struct OutputArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,

    /// When to use colour in the text report (NO_COLOR is honoured in `auto`).
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    pub color: ColorArg,

    /// Print no warnings and no progress bar on standard error.
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Show every row of every section instead of the first ten, and every warning.
    #[arg(long)]
    pub all: bool,

    /// Exit with code 1 when the comparison finds conflicts (new ones, with --baseline).
    #[arg(long, value_enum, value_name = "WHAT")]
    pub fail_on: Option<FailOn>,

    /// A previous `--format json` report: show only what changed since then.
    #[arg(long, value_name = "OLD.json")]
    pub baseline: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A readable summary for the terminal.
    Text,
    /// The full report as pretty-printed JSON.
    Json,
    /// One extracted record per article per line (the map step).
    Jsonl,
    /// The text report as Markdown (CI summaries, pull-request comments).
    Markdown,
    /// GitHub Actions annotations for each conflict.
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Any conflict between sources.
    Conflicts,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn compare_subcommand_and_paths_parse() {
        let c = Cli::try_parse_from(["analyze", "compare", "a.jsonl"]).unwrap();
        assert!(matches!(c.command, Some(Command::Compare(_))));
        let c = Cli::try_parse_from(["analyze", "--format", "json", "dir"]).unwrap();
        assert_eq!(c.output.format, FormatArg::Json);
        assert!(Cli::try_parse_from(["analyze"]).is_err());
    }
}
