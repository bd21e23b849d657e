//! The command-line conventions a newsroom's tools expect: completions, a man
//! page, a config file, atomic `--output`, `-` for standard input, a reason
//! for every exit 1, and options that are never silently ignored.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn analyze() -> Command {
    let mut c = Command::cargo_bin("analyze").expect("binary built");
    c.env_remove("NO_COLOR").env("TERM", "dumb");
    c
}

fn fixture(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(p)
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A short article in my own words that the tool reads as one story.
const FLOOD: &str = "Date: 2026-04-02\n\nRiver Tamsin floods the lower town\n\n\
About 2,000 people were evacuated from the lower town of Brackwell on Tuesday, the county council said.\n\n\
\"We moved everyone before midnight,\" said Ilse Varga, the council's emergency officer.\n";

#[test]
fn completions_for_common_shells() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = analyze().args(["completions", shell]).output().unwrap();
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let s = String::from_utf8(o.stdout).unwrap();
        assert!(s.contains("analyze") && s.contains("fail-on"), "{shell} script lacks the flags");
    }
    let o = analyze().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn man_page_is_roff_with_the_flags() {
    let o = analyze().arg("man").output().unwrap();
    assert!(o.status.success());
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(s.contains(".TH analyze 1"), "{}", &s[..s.len().min(200)]);
    for flag in ["fail\\-on", "baseline", "output", "config", "markdown\\-budget"] {
        assert!(s.contains(flag), "man page lacks {flag}");
    }
}

#[test]
fn config_file_in_the_current_folder_sets_defaults_and_flags_win() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("analyze.toml"), "format = \"json\"\nquiet = true\n").unwrap();
    let o = analyze().current_dir(dir.path()).arg(fixture("summit")).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let r: Value = serde_json::from_slice(&o.stdout).expect("the config chose JSON");
    assert_eq!(r["summary"]["articles"], 8);
    assert!(o.stderr.is_empty(), "quiet = true silences warnings: {}", stderr(&o));
    // A flag on the command line overrides the file.
    let o = analyze().current_dir(dir.path()).args(["-f", "text"]).arg(fixture("summit")).output().unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("analyze: 8 articles"));
    // `compare` reads the same file (and ignores keys only the map step has).
    std::fs::write(dir.path().join("analyze.toml"), "format = \"json\"\nthreads = 1\n").unwrap();
    let map = analyze().args(["-q", "-f", "jsonl"]).arg(fixture("summit")).output().unwrap();
    let o = analyze().current_dir(dir.path()).args(["compare", "-q"]).write_stdin(map.stdout).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(serde_json::from_slice::<Value>(&o.stdout).is_ok());
}

#[test]
fn config_errors_name_the_key_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("team.toml");
    std::fs::write(&cfg, "format = \"json\"\nfail-onn = \"conflicts\"\n").unwrap();
    let o = analyze().arg("--config").arg(&cfg).arg(fixture("summit")).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(e.contains("`fail-onn`") && e.contains("team.toml"), "{e}");
    for (bad, says) in [("format = \"xml\"\n", "xml"), ("quiet = 1\n", "quiet"), ("format = \"json\n", "TOML")] {
        std::fs::write(&cfg, bad).unwrap();
        let o = analyze().arg(format!("--config={}", cfg.display())).arg(fixture("summit")).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(stderr(&o).contains(says), "{bad}: {}", stderr(&o));
    }
    // A --config that does not exist is an error; a missing ./analyze.toml is not.
    let o = analyze().args(["--config", "no-such.toml"]).arg(fixture("summit")).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    analyze().current_dir(dir.path()).arg("-q").arg(fixture("summit")).assert().success();
    // Help works even next to a broken config file.
    std::fs::write(dir.path().join("analyze.toml"), "nonsense = 1\n").unwrap();
    analyze().current_dir(dir.path()).arg("--help").assert().success();
}

#[test]
fn config_paths_are_relative_to_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("settings");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(
        sub.join("names.toml"),
        "[[entity]]\nname = \"Harbor Daily\"\nkind = \"organization\"\noutlet = true\n",
    )
    .unwrap();
    std::fs::write(sub.join("analyze.toml"), "aliases = \"names.toml\"\nformat = \"json\"\n").unwrap();
    let o = analyze().arg("--config").arg(sub.join("analyze.toml")).arg("-q").arg(fixture("summit")).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(r["entities"].as_array().unwrap().iter().any(|e| e["name"] == "Harbor Daily" && e["outlet"] == true));
}

#[test]
fn output_file_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    let o = analyze().args(["-q", "-f", "json", "-o"]).arg(&out).arg(fixture("summit")).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "the report goes to the file only");
    let r: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(r["summary"]["articles"], 8);
    // Text to a file has no colour even with a terminal elsewhere.
    let txt = dir.path().join("report.txt");
    analyze().args(["-q", "--output"]).arg(&txt).arg(fixture("summit")).assert().success();
    assert!(!std::fs::read_to_string(&txt).unwrap().contains('\x1b'));
    // A run that fails leaves the old file as it was, and no temporary file.
    let before = std::fs::read(&out).unwrap();
    let o = analyze()
        .args(["-q", "-f", "json", "--baseline", "missing.json", "-o"])
        .arg(&out)
        .arg(fixture("summit"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read(&out).unwrap(), before);
    let names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names.len(), 2, "only the two reports: {names:?}");
    // A folder that does not exist is a usage error.
    let o = analyze().args(["-q", "-o", "no/such/dir/r.json"]).arg(fixture("summit")).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/dir/r.json"), "{}", stderr(&o));
    // The map step writes to a file too.
    let lines = dir.path().join("records.jsonl");
    analyze().args(["-q", "-f", "jsonl", "-o"]).arg(&lines).arg(fixture("summit")).assert().success();
    assert_eq!(std::fs::read_to_string(&lines).unwrap().lines().count(), 11);
}

#[test]
fn dash_reads_one_article_from_stdin() {
    let o = analyze().args(["-q", "-f", "json", "-"]).write_stdin(FLOOD).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["articles"][0]["id"], "-");
    assert_eq!(r["articles"][0]["published"], "2026-04-02");
    assert!(r["articles"][0]["content_hash"].as_str().unwrap().starts_with("fnv1a64:"));
    // With files: the piped article joins them.
    let o = analyze().args(["-q", "-f", "json", "-"]).arg(fixture("syndicated")).write_stdin(FLOOD).output().unwrap();
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["summary"]["articles"], 4);
    // The map step takes it too.
    let o = analyze().args(["-q", "-f", "jsonl", "-"]).write_stdin(FLOOD).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1);
    // Twice is a usage error; nothing readable on stdin exits 2.
    let o = analyze().args(["-", "-"]).write_stdin(FLOOD).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let o = analyze().arg("-").write_stdin("").output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no readable article"));
}

#[test]
fn exit_1_says_why_on_stderr_even_when_quiet() {
    let o = analyze().args(["-q", "--fail-on", "conflicts"]).arg(fixture("summit")).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(e.contains("conflicts between sources") && e.contains("--fail-on conflicts"), "{e}");
    let o = analyze().args(["-q", "--fail-on", "conflicts"]).arg(fixture("syndicated")).output().unwrap();
    if o.status.code() == Some(0) {
        assert!(o.stderr.is_empty(), "{}", stderr(&o));
    }
}

#[test]
fn comparison_flags_on_the_map_step_are_errors() {
    for flags in [&["--fail-on", "conflicts"][..], &["--baseline", "old.json"][..]] {
        let o = analyze().args(["-q", "-f", "jsonl"]).args(flags).arg(fixture("summit")).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{flags:?}");
        assert!(o.stdout.is_empty());
        assert!(stderr(&o).contains("analyze compare"), "{}", stderr(&o));
    }
    // In the reduce step --fail-on works.
    let map = analyze().args(["-q", "-f", "jsonl"]).arg(fixture("summit")).output().unwrap();
    analyze().args(["compare", "-q", "--fail-on", "conflicts"]).write_stdin(map.stdout).assert().code(1);
}

#[test]
fn aliases_of_the_map_step_reach_the_reduce_step() {
    let dir = tempfile::tempdir().unwrap();
    let names = dir.path().join("names.toml");
    std::fs::write(
        &names,
        "[[merge]]\nnames = [\"Olena Marchuk\", \"Aleksandr Hrytsenko\"]\ncanonical = \"Olena Marchuk\"\n",
    )
    .unwrap();
    let oneshot =
        analyze().args(["-q", "-f", "json", "--aliases"]).arg(&names).arg(fixture("summit")).output().unwrap();
    let map = analyze().args(["-q", "-f", "jsonl", "--aliases"]).arg(&names).arg(fixture("summit")).output().unwrap();
    let reduce = analyze().args(["compare", "-f", "json"]).write_stdin(map.stdout.clone()).output().unwrap();
    assert!(reduce.status.success(), "{}", stderr(&reduce));
    assert_eq!(
        String::from_utf8(reduce.stdout).unwrap(),
        String::from_utf8(oneshot.stdout).unwrap(),
        "the merge in the alias file is applied in compare as in a one-shot run"
    );
    // Records from mappers with different alias files need a decision.
    let other = dir.path().join("other.toml");
    std::fs::write(&other, "[[split]]\nnames = [\"Daniel Okafor\", \"Grace Okafor\"]\n").unwrap();
    let map2 =
        analyze().args(["-q", "-f", "jsonl", "--aliases"]).arg(&other).arg(fixture("syndicated")).output().unwrap();
    let mut both = map.stdout.clone();
    both.extend(map2.stdout);
    let o = analyze().args(["compare", "-q"]).write_stdin(both.clone()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("different alias files"), "{}", stderr(&o));
    analyze().args(["compare", "-q", "--aliases"]).arg(&names).write_stdin(both).assert().success();
}

#[test]
fn counts_agree_with_their_nouns() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("flood.txt"), FLOOD).unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let o = analyze().arg(dir.path()).output().unwrap();
    let s = String::from_utf8(o.stdout).unwrap();
    let first = s.lines().next().unwrap();
    assert!(first.contains("1 article ·") && first.contains("1 story") && first.contains("1 file skipped"), "{first}");
    let o = analyze().args(["-q", "-f", "github"]).arg(dir.path()).output().unwrap();
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(s.contains("1 article,") && s.contains("1 story,"), "{s}");
}

#[test]
fn markdown_keeps_to_its_budget_and_github_annotates_each_conflict_once() {
    let full = analyze().args(["-q", "-f", "markdown"]).arg(fixture("summit")).output().unwrap();
    assert!(full.stdout.len() > 8192, "the fixture report is larger than the budget below");
    let o =
        analyze().args(["-q", "-f", "markdown", "--markdown-budget", "8192"]).arg(fixture("summit")).output().unwrap();
    assert!(o.status.success());
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(s.len() <= 8192, "{} bytes", s.len());
    assert!(s.contains("to fit 8192 bytes"), "says it was shortened: {s}");
    let o =
        analyze().args(["-q", "-f", "markdown", "--markdown-budget", "tiny"]).arg(fixture("summit")).output().unwrap();
    assert_eq!(o.status.code(), Some(2));

    let o = analyze().args(["-q", "-f", "github"]).arg(fixture("summit")).output().unwrap();
    let s = String::from_utf8(o.stdout).unwrap();
    let warnings: Vec<&str> = s.lines().filter(|l| l.starts_with("::warning")).collect();
    let report: Value =
        serde_json::from_slice(&analyze().args(["-q", "-f", "json"]).arg(fixture("summit")).output().unwrap().stdout)
            .unwrap();
    let n = report["comparison"]["conflicts"].as_array().unwrap().len();
    assert_eq!(warnings.len(), n.min(10), "one annotation per conflict: {s}");
    let last = s.lines().last().unwrap();
    assert!(last.starts_with("::notice title=analyze::8 articles, 1 story,"), "{last}");
}

#[test]
fn since_and_until_keep_the_articles_of_a_period() {
    let o = analyze()
        .args(["-f", "json", "--since", "2025-03-13", "--until", "2025-03-13"])
        .arg(fixture("summit"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    let days: Vec<&str> = r["articles"].as_array().unwrap().iter().map(|a| a["published"].as_str().unwrap()).collect();
    assert_eq!(days, ["2025-03-13", "2025-03-13"]);
    assert_eq!(r["summary"]["articles"], 2);
    assert!(
        stderr(&o).contains("6 articles left out (published outside 2025-03-13 to 2025-03-13, or undated)"),
        "{}",
        stderr(&o)
    );
    // A dateline year inferred from the corpus counts: 02 is "March 12" with no year.
    let o = analyze().args(["-q", "-f", "json", "--until", "2025-03-12"]).arg(fixture("summit")).output().unwrap();
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    let ids: Vec<&str> = r["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert!(ids.iter().any(|i| i.ends_with("02-eastwire-kyiv.txt")), "{ids:?}");
    // The reduce step filters the same way; the map step refuses.
    let map = analyze().args(["-q", "-f", "jsonl"]).arg(fixture("summit")).output().unwrap();
    let o = analyze()
        .args(["compare", "-q", "-f", "json", "--since", "2025-03-14"])
        .write_stdin(map.stdout)
        .output()
        .unwrap();
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["summary"]["articles"], 1);
    let o = analyze().args(["-q", "-f", "jsonl", "--since", "2025-03-14"]).arg(fixture("summit")).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    for bad in [&["--since", "2025-13-01"][..], &["--since", "2025-03-14", "--until", "2025-03-13"][..]] {
        let o = analyze().args(bad).arg(fixture("summit")).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
    }
}
