//! `analyze.toml`: default options for a project folder, so a newsroom's CI
//! and its reporters run the tool the same way.
//!
//! The keys are the long flag names (`format`, `fail-on`, `aliases`, …;
//! `fail_on` is accepted too). The options are turned into flags placed before
//! the user's own, and the command line lets a later flag override an earlier
//! one, so whatever is typed wins. Relative paths in the file are taken from
//! the file's folder, so `--config other/analyze.toml` means the same as
//! running inside `other/`.

use crate::cli::Cli;
use anyhow::{Context, Result, anyhow, bail};
use clap::{ArgAction, CommandFactory};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "analyze.toml";

/// Options whose values are paths, resolved against the config file's folder.
const PATH_KEYS: &[&str] = &["aliases", "baseline", "output"];

/// Flags that make no sense in a config file: they pick the file itself or
/// stop the run before it starts.
const NOT_KEYS: &[&str] = &["config", "help", "version"];

/// The command line with the config file's options inserted before the
/// user's flags. Subcommands that only print (schema, completions, man) and
/// `--help`/`--version` ignore the file, so a broken file never hides help.
pub fn expand(args: Vec<OsString>) -> Result<Vec<OsString>> {
    let first = args.get(1).and_then(|a| a.to_str()).unwrap_or("");
    let compare = first == "compare";
    // Every subcommand but `compare` ignores the file: schema, completions and
    // man only print, and the distributed steps (map, reduce, merge) take
    // their options on the command line only, since a worker starts in
    // whatever folder the engine gives it and every worker of one job must run
    // with the same options. Asking clap keeps a new subcommand from being
    // forgotten here.
    let subcommand = first == "help" || Cli::command().find_subcommand(first).is_some();
    let prints_only = (subcommand && !compare)
        || args.iter().skip(1).any(|a| matches!(a.to_str(), Some("-h" | "--help" | "-V" | "--version")));
    if prints_only {
        return Ok(args);
    }
    let (path, explicit) = match given_config(&args) {
        Some(p) => (p, true),
        None => (PathBuf::from(FILE_NAME), false),
    };
    if !explicit && !path.is_file() {
        return Ok(args);
    }
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading the config file {}", path.display()))?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let flags = flags_from(&text, &base, compare).with_context(|| format!("config file {}", path.display()))?;
    let at = if compare { 2 } else { 1 };
    let mut out = args;
    let tail = out.split_off(at.min(out.len()));
    out.extend(flags);
    out.extend(tail);
    Ok(out)
}

/// `--config FILE` or `--config=FILE`, read before clap so the file's options
/// can be merged in; scanning stops at `--`, after which all are paths.
fn given_config(args: &[OsString]) -> Option<PathBuf> {
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let s = a.to_string_lossy();
        if s == "--" {
            break;
        }
        if s == "--config" {
            return it.next().map(PathBuf::from);
        }
        if let Some(v) = s.strip_prefix("--config=") {
            return Some(PathBuf::from(v));
        }
    }
    None
}

/// Turn the file's keys into flags for the main command or for `compare`.
fn flags_from(text: &str, base: &Path, compare: bool) -> Result<Vec<OsString>> {
    let table: toml::Table = toml::from_str(text).map_err(|e| anyhow!("not valid TOML: {}", e.message()))?;
    let root = Cli::command();
    let compare_cmd = root.find_subcommand("compare").cloned();
    let target = if compare { compare_cmd.clone().unwrap_or_else(|| root.clone()) } else { root.clone() };
    let mut flags = Vec::new();
    for (key, value) in &table {
        let name = key.replace('_', "-");
        // A key is valid when either the main command or `compare` has the
        // flag: one file serves both steps of a map-reduce run.
        let known = |c: &clap::Command| {
            c.get_arguments().any(|a| a.get_long() == Some(name.as_str()) && !NOT_KEYS.contains(&name.as_str()))
        };
        if !known(&root) && !compare_cmd.as_ref().is_some_and(known) {
            bail!("unknown key `{key}` (the keys are long flag names such as format, fail-on, aliases)");
        }
        let Some(arg) = target.get_arguments().find(|a| a.get_long() == Some(name.as_str())) else {
            continue;
        };
        let is_switch = matches!(arg.get_action(), ArgAction::SetTrue);
        match value {
            toml::Value::Boolean(b) if is_switch => {
                if *b {
                    flags.push(OsString::from(format!("--{name}")));
                }
            }
            _ if is_switch => bail!("key `{key}` is a switch: write `{key} = true` or `{key} = false`"),
            toml::Value::String(s) => {
                let v = if PATH_KEYS.contains(&name.as_str()) && Path::new(s).is_relative() {
                    base.join(s).into_os_string()
                } else {
                    OsString::from(s)
                };
                let mut f = OsString::from(format!("--{name}="));
                f.push(v);
                flags.push(f);
            }
            toml::Value::Integer(n) => flags.push(OsString::from(format!("--{name}={n}"))),
            toml::Value::Boolean(_) => bail!("key `{key}` takes a value, not true or false"),
            _ => bail!("key `{key}` takes a single string or number"),
        }
    }
    check_values(&flags, compare)?;
    Ok(flags)
}

/// Let clap judge the values alone, so a wrong one is blamed on the file
/// rather than on the user's command line.
fn check_values(flags: &[OsString], compare: bool) -> Result<()> {
    use clap::Parser;
    let mut argv: Vec<OsString> = vec!["analyze".into()];
    if compare {
        argv.push("compare".into());
    }
    argv.extend(flags.iter().cloned());
    if !compare {
        argv.push("--".into());
        argv.push("PATH".into());
    }
    match Cli::try_parse_from(argv) {
        Ok(_) => Ok(()),
        Err(e) => {
            let msg = e.to_string();
            let first = msg.lines().next().unwrap_or("invalid value").trim_start_matches("error: ");
            bail!("{first}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: Vec<OsString>) -> Vec<String> {
        v.into_iter().map(|s| s.to_string_lossy().into_owned()).collect()
    }

    #[test]
    fn keys_become_flags_and_paths_follow_the_file() {
        let text = "format = \"json\"\nquiet = true\nall = false\nfail_on = \"conflicts\"\nthreads = 2\naliases = \"names.toml\"\n";
        let f = strings(flags_from(text, Path::new("cfg"), false).unwrap());
        assert_eq!(f, ["--aliases=cfg/names.toml", "--fail-on=conflicts", "--format=json", "--quiet", "--threads=2"]);
        // `threads` belongs to the map step only; compare skips it quietly.
        let f = strings(flags_from(text, Path::new(""), true).unwrap());
        assert!(!f.iter().any(|x| x.contains("threads")), "{f:?}");
    }

    #[test]
    fn unknown_keys_and_bad_values_are_named() {
        let e = flags_from("formt = \"json\"\n", Path::new(""), false).unwrap_err();
        assert!(e.to_string().contains("`formt`"), "{e}");
        let e = flags_from("config = \"x.toml\"\n", Path::new(""), false).unwrap_err();
        assert!(e.to_string().contains("`config`"), "{e}");
        let e = flags_from("format = \"xml\"\n", Path::new(""), false).unwrap_err();
        assert!(e.to_string().contains("xml"), "{e}");
        let e = flags_from("quiet = \"yes\"\n", Path::new(""), false).unwrap_err();
        assert!(e.to_string().contains("switch"), "{e}");
        assert!(flags_from("format = [1]\n", Path::new(""), false).is_err());
        assert!(flags_from("format = \n", Path::new(""), false).is_err());
    }

    #[test]
    fn given_config_forms() {
        let a = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(given_config(&a(&["analyze", "--config", "x.toml", "d"])), Some("x.toml".into()));
        assert_eq!(given_config(&a(&["analyze", "--config=y.toml"])), Some("y.toml".into()));
        assert_eq!(given_config(&a(&["analyze", "--", "--config"])), None);
    }
}
