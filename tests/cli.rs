//! End-to-end tests: run the binary on the fixtures as a user would.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

fn analyze() -> Command {
    let mut c = Command::cargo_bin("analyze").expect("binary built");
    c.env_remove("NO_COLOR").env("TERM", "dumb");
    c
}

fn json_report(args: &[&str]) -> Value {
    let out = analyze().args(["--format", "json"]).args(args).output().expect("runs");
    assert!(
        out.status.code().is_some_and(|c| c == 0 || c == 1),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn help_shows_examples_and_exit_codes() {
    analyze()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("analyze fixtures/summit/"))
        .stdout(predicate::str::contains("Exit codes"));
    analyze().arg("--version").assert().success().stdout(predicate::str::starts_with("analyze "));
}

#[test]
fn missing_path_is_a_one_line_usage_error() {
    let out = analyze().arg("no/such/folder").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err}");
    assert!(err.contains("no/such/folder"));
    assert!(!err.contains("panicked"));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_folder_with_nothing_readable_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), b"\x89PNG\x00\x00\x01").unwrap();
    std::fs::write(dir.path().join("b.txt"), b"").unwrap();
    let out = analyze().arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no readable article"));
}

#[test]
fn text_report_on_fixtures_with_warnings_on_stderr_only() {
    let out = analyze().arg("fixtures/summit/").output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stdout.starts_with("analyze: 8 articles"), "{stdout}");
    assert!(stdout.contains("Articles (8)"));
    assert!(stdout.contains("2025-03-14 (header)"));
    assert!(stdout.contains("2025-03-13 (date_line)"));
    assert!(stdout.contains("2025-03-12 (inferred)"), "KYIV dateline takes its year from the corpus");
    assert!(stdout.contains("The Continental Ledger"));
    for w in [
        "photo.bin.txt: binary",
        "empty.txt: empty",
        "blank.txt: file holds only whitespace",
        "cp1252.txt: not valid UTF-8",
    ] {
        assert!(stderr.contains(w), "stderr lacks {w}: {stderr}");
        assert!(!stdout.contains(w), "warning leaked into stdout: {w}");
    }
    assert!(!stdout.contains(".draft"), "hidden files are skipped");
    assert!(!stdout.contains('\x1b'), "no colour when stdout is not a terminal");
}

#[test]
fn quiet_silences_warnings_and_color_always_paints() {
    let out = analyze().args(["-q", "--color", "always", "fixtures/summit/"]).output().unwrap();
    assert!(out.stderr.is_empty());
    assert!(String::from_utf8_lossy(&out.stdout).contains('\x1b'));
    let out = analyze().args(["--color", "auto", "fixtures/summit/"]).env("NO_COLOR", "1").output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\x1b'));
}

#[test]
fn json_articles_carry_structure() {
    let r = json_report(&["fixtures/summit/"]);
    assert_eq!(r["schema_version"], 1);
    let arts = r["articles"].as_array().unwrap();
    assert_eq!(arts.len(), 8);
    let by = |name: &str| arts.iter().find(|a| a["path"].as_str().unwrap().ends_with(name)).unwrap().clone();
    let a = by("01-meridian-post.txt");
    assert_eq!(a["published"], "2025-03-14");
    assert_eq!(a["published_source"], "header");
    let a = by("02-eastwire-kyiv.txt");
    assert_eq!(a["published_source"], "inferred");
    assert_eq!(a["dateline"]["place"], "KYIV");
    let a = by("04-continental-ledger.txt");
    assert_eq!(a["published"], Value::Null, "an undated page stays undated");
    assert_eq!(a["outlet"], "The Continental Ledger");
    let kinds: Vec<&str> = a["blocks"].as_array().unwrap().iter().map(|b| b["kind"].as_str().unwrap()).collect();
    for k in ["boilerplate", "caption", "social_post", "headline", "paragraph"] {
        assert!(kinds.contains(&k), "no {k} block in {kinds:?}");
    }
    let a = by("06-alpine-courier-cp1252.txt");
    assert_eq!(a["encoding"], "windows-1252");
    let a = by("08-riverside-chronicle-bom-crlf.txt");
    assert_eq!(a["encoding"], "utf-8-bom");
    assert_eq!(a["published"], "2025-03-13");
    let a = by("07-eastwire-vienna.txt");
    assert_eq!(a["outlet"], "Eastwire");
    let warnings = r["warnings"].as_array().unwrap();
    assert!(warnings.iter().any(|w| w["kind"] == "binary"));
    assert!(warnings.iter().any(|w| w["kind"] == "empty"));
}

/// Decode the file bytes of a span the way the reader decoded the file.
fn file_text(bytes: &[u8], start: usize, end: usize) -> String {
    let slice = &bytes[start..end];
    match std::str::from_utf8(bytes) {
        Ok(_) => String::from_utf8(slice.to_vec()).expect("span on char boundaries"),
        Err(_) => encoding_rs::WINDOWS_1252.decode(slice).0.into_owned(),
    }
}

/// Every object with start/end/text in the report must match the file.
fn check_spans(
    v: &Value,
    article: Option<&str>,
    files: &std::collections::HashMap<String, Vec<u8>>,
    checked: &mut usize,
) {
    match v {
        Value::Object(m) => {
            let art = m.get("article").and_then(Value::as_str).or(article);
            if let (Some(s), Some(e), Some(Value::String(t)), Some(a)) =
                (m.get("start").and_then(Value::as_u64), m.get("end").and_then(Value::as_u64), m.get("text"), art)
            {
                let bytes = &files[a];
                let (s, e) = (s as usize, e as usize);
                assert!(s <= e && e <= bytes.len(), "{a}: span {s}..{e} out of range");
                assert_eq!(&file_text(bytes, s, e), t, "{a}: text at {s}..{e} differs from the file");
                *checked += 1;
            }
            for (k, x) in m {
                if k != "text" {
                    check_spans(x, art, files, checked);
                }
            }
        }
        Value::Array(xs) => xs.iter().for_each(|x| check_spans(x, article, files, checked)),
        _ => {}
    }
}

#[test]
fn every_offset_matches_the_file_byte_for_byte() {
    for dir in ["fixtures/summit/", "fixtures/mixed/", "fixtures/syndicated/"] {
        let r = json_report(&[dir]);
        let mut files = std::collections::HashMap::new();
        for a in r["articles"].as_array().unwrap() {
            let id = a["id"].as_str().unwrap().to_string();
            files.insert(id, std::fs::read(Path::new(a["path"].as_str().unwrap())).unwrap());
        }
        let mut checked = 0;
        for a in r["articles"].as_array().unwrap() {
            check_spans(a, a["id"].as_str(), &files, &mut checked);
        }
        for key in ["entities", "quotes", "dates", "claims", "comparison"] {
            check_spans(&r[key], None, &files, &mut checked);
        }
        assert!(checked > 10, "{dir}: only {checked} spans checked");
    }
}

#[test]
fn report_validates_against_the_published_schema() {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string("docs/report.schema.json").unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    for dir in ["fixtures/summit/", "fixtures/mixed/"] {
        let r = json_report(&[dir]);
        let errors: Vec<String> =
            validator.iter_errors(&r).map(|e| format!("{} at {}", e, e.instance_path())).take(5).collect();
        assert!(errors.is_empty(), "{dir}: {errors:?}");
    }
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let one = analyze().args(["--format", "json", "-j", "1", "fixtures/"]).output().unwrap();
    let two = analyze().args(["--format", "json", "-j", "2", "fixtures/"]).output().unwrap();
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn split_map_reduce_gives_the_same_report() {
    let oneshot = analyze().args(["--format", "json", "fixtures/summit/"]).output().unwrap();
    let map = analyze().args(["--format", "jsonl", "-q", "fixtures/summit/"]).output().unwrap();
    assert!(map.status.success());
    let lines = String::from_utf8(map.stdout).unwrap();
    assert_eq!(lines.lines().count(), 11, "8 articles and 3 skipped files, one line each");
    // Shuffle the lines as a distributed sort would, then reduce.
    let mut shuffled: Vec<&str> = lines.lines().collect();
    shuffled.reverse();
    let reduce = analyze().args(["compare", "--format", "json"]).write_stdin(shuffled.join("\n")).output().unwrap();
    assert!(reduce.status.success(), "{}", String::from_utf8_lossy(&reduce.stderr));
    assert_eq!(String::from_utf8(reduce.stdout).unwrap(), String::from_utf8(oneshot.stdout).unwrap());
}

/// Piped JSON is one compact line (what `jq` and CI want); it is only
/// indented on a terminal.
#[test]
fn piped_json_is_one_line() {
    let out = analyze().args(["-q", "--format", "json", "fixtures/summit"]).output().expect("runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(text.lines().count(), 1, "{}", &text[..text.len().min(300)]);
    assert!(text.ends_with('\n'));
    let v: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(v["schema_version"], 1);
}

/// Many warnings of one kind are summed up after the first five; `--all`
/// prints every one.
#[test]
fn repeated_warnings_are_summed_up() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..8 {
        // 0x93 and 0x94 are curly quotes in Windows-1252 and invalid as UTF-8.
        let mut raw = format!("The council met on Tuesday in Dunmore, file {i}. ").into_bytes();
        raw.extend_from_slice(b"\x93We agreed,\x94 the mayor said.\n");
        std::fs::write(dir.path().join(format!("a{i}.txt")), raw).unwrap();
    }
    let out = analyze().args(["--format", "json"]).arg(dir.path()).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("not valid UTF-8").count(), 5, "{err}");
    assert!(err.contains("and 3 more files decoded as Windows-1252"), "{err}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["warnings"].as_array().map(Vec::len), Some(8));
    let out = analyze().args(["--format", "json", "--all"]).arg(dir.path()).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("not valid UTF-8").count(), 8, "{err}");
    assert!(!err.contains("more files"), "{err}");
    // One over the cap is "1 more file", not "1 more files".
    std::fs::remove_file(dir.path().join("a0.txt")).unwrap();
    std::fs::remove_file(dir.path().join("a1.txt")).unwrap();
    let out = analyze().args(["--format", "json"]).arg(dir.path()).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("and 1 more file decoded as Windows-1252 ("), "{err}");
}

#[test]
fn markdown_and_github_formats() {
    analyze()
        .args(["--format", "markdown", "-q", "fixtures/summit/"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# analyze: 8 articles"))
        .stdout(predicate::str::contains("| article |"));
    analyze()
        .args(["--format", "github", "-q", "fixtures/summit/"])
        .assert()
        .success()
        .stdout(predicate::str::contains("::notice title=analyze::8 articles"));
}

#[test]
fn closed_pipe_ends_quietly() {
    let out = std::process::Command::new("bash")
        .args([
            "-o",
            "pipefail",
            "-c",
            &format!("{} -q --all --format json fixtures/ | head -1", env!("CARGO_BIN_EXE_analyze")),
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "exit status with pipefail: {:?}", out.status);
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

#[test]
fn alias_file_merges_splits_and_adds_names() {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("aliases.toml");
    std::fs::write(
        &toml,
        "[[entity]]\nname = \"Harbor Daily\"\nkind = \"organization\"\noutlet = true\n\n[[merge]]\nnames = [\"Olena Marchuk\", \"Marchuk\"]\ncanonical = \"Olena Marchuk\"\n",
    )
    .unwrap();
    let out =
        analyze().args(["--format", "json", "-q", "--aliases"]).arg(&toml).arg("fixtures/summit/").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ents = r["entities"].as_array().unwrap();
    let harbor = ents.iter().find(|e| e["name"] == "Harbor Daily").expect("alias entity found in the text");
    assert_eq!(harbor["kind"], "organization");
    assert_eq!(harbor["outlet"], true);
    std::fs::write(&toml, "[[merge]\nnames = 3").unwrap();
    let out = analyze().args(["-q", "--aliases"]).arg(&toml).arg("fixtures/summit/").output().unwrap();
    assert_eq!(out.status.code(), Some(2), "a malformed alias file is a usage error");
}
