//! Command-line flags (clap derive). Doc comments are the help text.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  analyze fixtures/summit/                       compare the articles in a folder
  analyze --format json fixtures/summit/ | jq '.comparison.conflicts'
  analyze --format markdown fixtures/summit/ >> \"$GITHUB_STEP_SUMMARY\"
  analyze --fail-on conflicts --baseline last.json -f json -o last.json fixtures/summit/
                                                 exit 1 on new conflicts, rotate the baseline
  analyze map fixtures/ | sort -t$'\t' -k1,1 | analyze reduce -f json
                                                 map, sort by story, reduce (= analyze -f json fixtures/)
  analyze - < article.txt                        one article from standard input
  analyze completions bash > analyze.bash        shell completions (also man, schema)

Options can also come from analyze.toml in the current folder (or --config FILE):
the long flag names are the keys, e.g. `format = \"markdown\"`, `fail-on = \"conflicts\"`.

Exit codes: 0 success, 1 findings (with --fail-on), 2 usage error or nothing readable.";

/// Compare news articles across sources: who is named, who said what, which
/// numbers and dates they give, and where the reports agree or conflict.
#[derive(Debug, Parser)]
#[command(
    name = "analyze",
    version,
    about,
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    // Options from analyze.toml come first on the command line, so a flag
    // typed by the user must win over them instead of being a duplicate.
    args_override_self = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Article files or folders (read recursively, hidden entries skipped); `.json`/`.jsonl` files are scraper records (news-please, trafilatura); `-` reads standard input (one article, or scraper records).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Extra names, forced merges and splits of entities (TOML; see README).
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,

    /// Also read files with these extensions in folders as articles (`.txt`
    /// and the scraper files `.json`, `.jsonl`, `.ndjson` always count; `*`
    /// takes every file). Files named on the command line are always read.
    #[arg(long, value_name = "EXT,...", value_delimiter = ',')]
    pub ext: Vec<String>,

    /// Worker threads for extraction (default: all cores; at most 4 per core). Output is identical for any value.
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Group and compare article records written by `--format jsonl`, all in one process.
    #[command(args_override_self = true)]
    Compare(CompareArgs),
    /// Extract every article and group the corpus into stories; write `STORY_KEY<TAB>JSON` lines for `sort | analyze reduce`.
    #[command(args_override_self = true)]
    Map(MapArgs),
    /// Compare the stories of `analyze map` lines sorted by key (all lines of a key together), one story at a time.
    #[command(args_override_self = true)]
    Reduce(ReduceArgs),
    /// Put the lines of `analyze reduce --partial` (in any order) together into the report.
    #[command(args_override_self = true)]
    Merge(MergeArgs),
    /// Print the JSON Schema of the `--format json` report.
    Schema,
    /// Print a shell completion script (e.g. `analyze completions bash > /etc/bash_completion.d/analyze`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (e.g. `analyze man > analyze.1; man ./analyze.1`).
    Man,
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

/// The parts of `analyze map`, for an engine that spreads them (see README, "Distributed runs").
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MapStep {
    /// Everything in one process: list, extract, group, write the keyed lines.
    All,
    /// List the files of PATH... (one `file` line each, and the walk's warnings).
    List,
    /// Extract the files of `list` lines (PATH... are files of them, `-` standard input): one `record` line each.
    Records,
    /// Group the corpus from `records` lines: story and global lines, and the `keys` of each article.
    Group,
}

#[derive(Debug, Args)]
pub struct MapArgs {
    /// Article files or folders, as for `analyze PATH...` (with `--step records` or `group`: files of the previous step's lines, `-` standard input).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Run one part of the map step only.
    #[arg(long, value_enum, default_value_t = MapStep::All)]
    pub step: MapStep,

    /// Extra names, forced merges and splits of entities (TOML; see README). Applied here: the reduce step needs nothing more.
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,

    /// Also read files with these extensions in folders as articles.
    #[arg(long, value_name = "EXT,...", value_delimiter = ',')]
    pub ext: Vec<String>,

    /// Worker threads for extraction (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,

    /// Print no warnings on standard error.
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Write the lines to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Keep only articles published on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    pub since: Option<String>,

    /// Keep only articles published on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    pub until: Option<String>,
}

#[derive(Debug, Args)]
pub struct ReduceArgs {
    /// Files of `analyze map` lines sorted by key; none or `-` reads standard input.
    #[arg(value_name = "LINES")]
    pub lines: Vec<PathBuf>,

    /// Write one line per story compared (and the global line) for `analyze merge`, instead of the report: for engines that run many reducers.
    #[arg(long)]
    pub partial: bool,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Files of `analyze reduce --partial` lines, in any order; none or `-` reads standard input.
    #[arg(value_name = "LINES")]
    pub lines: Vec<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,
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

    /// A previous `--format json` report: add what changed since then (the report stays complete, so it can be the next baseline).
    #[arg(long, value_name = "OLD.json")]
    pub baseline: Option<PathBuf>,

    /// How much `--format json` carries: `standard` (the default) is what a reader of the comparison needs, items referred to by id; `full` adds every extracted detail (blocks, clauses, fact frames, attributions, cue spans, rules).
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub detail: Option<DetailArg>,

    /// Write the report to FILE instead of standard output; FILE is replaced only once the report is complete.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Size limit of `--format markdown`: `comment` (65,536 characters, a pull-request comment), `summary` (1 MiB, a job summary) or a number of bytes.
    #[arg(long, value_name = "SIZE", default_value = "comment", value_parser = parse_budget)]
    pub markdown_budget: usize,

    /// Compare only articles published on or after this day (YYYY-MM-DD); undated articles are left out.
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    pub since: Option<String>,

    /// Compare only articles published on or before this day (YYYY-MM-DD); undated articles are left out.
    #[arg(long, value_name = "DAY", value_parser = parse_day)]
    pub until: Option<String>,

    /// Read options from this TOML file instead of ./analyze.toml (keys are the long flag names).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// GitHub's limit on a pull-request comment body, in characters.
pub const BUDGET_COMMENT: usize = 65_536;
/// GitHub's limit on `$GITHUB_STEP_SUMMARY` per step, in bytes.
pub const BUDGET_SUMMARY: usize = 1 << 20;

fn parse_day(s: &str) -> Result<String, String> {
    s.parse::<jiff::civil::Date>().map(|d| d.to_string()).map_err(|_| "expected a day as YYYY-MM-DD".into())
}

fn parse_budget(s: &str) -> Result<usize, String> {
    match s {
        "comment" => Ok(BUDGET_COMMENT),
        "summary" => Ok(BUDGET_SUMMARY),
        n => match n.replace('_', "").parse::<usize>() {
            // A budget below a few kilobytes cannot even hold the summary and the notice.
            Ok(n) if n >= 4096 => Ok(n),
            Ok(_) => Err("the smallest budget is 4096 bytes".into()),
            Err(_) => Err("expected comment, summary or a number of bytes".into()),
        },
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// A readable summary for the terminal.
    Text,
    /// JSON (see --detail): compact line when piped, indented on a terminal.
    Json,
    /// One extracted record per article per line (the map step).
    Jsonl,
    /// The text report as Markdown (CI summaries, pull-request comments).
    Markdown,
    /// GitHub Actions annotations: one per conflict (the most important first), then a summary.
    Github,
    /// One self-contained HTML page: conflicts side by side, agreements, shared quotes, coverage, timeline.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DetailArg {
    /// Articles, entities and mentions, quotes, dates, claims with quantities, the comparison (coverage as counts and missing ids).
    Standard,
    /// Everything extracted, as the records of `--format jsonl` hold it.
    Full,
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

    #[test]
    fn a_later_flag_overrides_an_earlier_one() {
        let c = Cli::try_parse_from(["analyze", "-f", "json", "-f", "text", "dir"]).unwrap();
        assert_eq!(c.output.format, FormatArg::Text);
        let c = Cli::try_parse_from(["analyze", "compare", "-f", "json", "-f", "markdown"]).unwrap();
        let Some(Command::Compare(a)) = c.command else { panic!("compare") };
        assert_eq!(a.output.format, FormatArg::Markdown);
    }

    #[test]
    fn days_are_checked() {
        assert_eq!(parse_day("2025-03-09"), Ok("2025-03-09".into()));
        assert!(parse_day("2025-02-30").is_err());
        assert!(parse_day("yesterday").is_err());
    }

    #[test]
    fn markdown_budget_names_and_numbers() {
        assert_eq!(parse_budget("comment"), Ok(BUDGET_COMMENT));
        assert_eq!(parse_budget("summary"), Ok(BUDGET_SUMMARY));
        assert_eq!(parse_budget("100_000"), Ok(100_000));
        assert!(parse_budget("12").is_err());
        assert!(parse_budget("big").is_err());
    }
}
