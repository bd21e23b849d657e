//! End-to-end tests: run the binary on the fixtures as a user would.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
mod common;

use common::check_spans;
use std::collections::HashMap;
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
    // Blocks and datelines are extraction detail: in the full report only.
    let r = json_report(&["--detail", "full", "fixtures/summit/"]);
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

/// Checks every span of a JSON report against the files; returns how many.
fn check_report_spans(r: &Value) -> usize {
    let mut files = HashMap::new();
    for a in r["articles"].as_array().unwrap() {
        let id = a["id"].as_str().unwrap().to_string();
        let bytes = std::fs::read(Path::new(a["path"].as_str().unwrap())).unwrap();
        files.insert(id, (bytes, a["encoding"].as_str().unwrap().to_string()));
    }
    let mut checked = 0;
    for a in r["articles"].as_array().unwrap() {
        check_spans(a, a["id"].as_str(), &files, &mut checked);
    }
    for key in ["entities", "quotes", "dates", "claims", "comparison"] {
        check_spans(&r[key], None, &files, &mut checked);
    }
    checked
}

#[test]
fn every_offset_matches_the_file_byte_for_byte() {
    for dir in ["fixtures/summit/", "fixtures/mixed/", "fixtures/syndicated/"] {
        let checked = check_report_spans(&json_report(&[dir]));
        assert!(checked > 10, "{dir}: only {checked} spans checked");
        // The full report has more spans (blocks, clauses, cue spans).
        let full = check_report_spans(&json_report(&["--detail", "full", dir]));
        assert!(full > checked, "{dir}: {full} spans in the full report, {checked} in the standard one");
    }
}

/// A short report, in the project's own words, with a quote, numbers and a date.
fn story(place: &str, n: usize) -> String {
    format!(
        "{place}, April 2 — The harbour authority said on Wednesday that {n},200 containers were held up by the \
         storm, and that €{n}5 million would go to repairs.\n\n\"We expect the backlog to clear by Friday,\" said \
         Mara Quint, the port's director. Crews worked through the night on the north quay.\n"
    )
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut raw = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for u in text.encode_utf16() {
        raw.extend_from_slice(&if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
    }
    raw
}

/// Articles in every decoding the reader repairs or converts.
fn decoding_corpus(dir: &Path) {
    let mut stray = story("BRIGHTWATER", 1).into_bytes();
    stray.extend_from_slice(b"A clerk called it \x93a long week\x94 for the docks.\n");
    std::fs::write(dir.join("stray-byte.txt"), stray).unwrap();
    std::fs::write(dir.join("utf16le.txt"), utf16(&story("SALTMERE", 2), false)).unwrap();
    std::fs::write(dir.join("utf16be.txt"), utf16(&story("OXLEY", 3), true)).unwrap();
    let escapes = story("CARRICK", 4).replace("north quay", "\x1b[1mnorth\x1b[0m quay\u{0}");
    std::fs::write(dir.join("escapes.txt"), escapes).unwrap();
    let cp1252 = encoding_rs::WINDOWS_1252.encode(&story("DUNMORE", 5)).0.into_owned();
    std::fs::write(dir.join("cp1252.txt"), cp1252).unwrap();
}

#[test]
fn every_decoding_keeps_spans_on_the_file() {
    let dir = tempfile::tempdir().unwrap();
    decoding_corpus(dir.path());
    let r = json_report(&[dir.path().to_str().unwrap()]);
    let arts = r["articles"].as_array().unwrap();
    assert_eq!(arts.len(), 5, "no article dropped: {}", r["warnings"]);
    let enc = |name: &str| {
        arts.iter().find(|a| a["id"].as_str().unwrap().ends_with(name)).map(|a| a["encoding"].clone()).unwrap()
    };
    assert_eq!(enc("stray-byte.txt"), "utf-8");
    assert_eq!(enc("utf16le.txt"), "utf-16le");
    assert_eq!(enc("utf16be.txt"), "utf-16be");
    assert_eq!(enc("escapes.txt"), "utf-8");
    assert_eq!(enc("cp1252.txt"), "windows-1252");
    let claims = r["claims"].to_string();
    assert!(claims.contains("€15 million"), "the euro sign survives a stray byte");
    let checked = check_report_spans(&r);
    assert!(checked > 40, "only {checked} spans checked");
    let kinds: Vec<&str> = r["warnings"].as_array().unwrap().iter().filter_map(|w| w["kind"].as_str()).collect();
    for k in ["invalid_bytes", "control_characters", "encoding"] {
        assert!(kinds.contains(&k), "no {k} warning in {kinds:?}");
    }
}

#[test]
fn report_validates_against_the_published_schema() {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string("docs/report.schema.json").unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    for dir in ["fixtures/summit/", "fixtures/mixed/"] {
        for detail in ["standard", "full"] {
            let r = json_report(&["--detail", detail, dir]);
            let errors: Vec<String> =
                validator.iter_errors(&r).map(|e| format!("{} at {}", e, e.instance_path())).take(5).collect();
            assert!(errors.is_empty(), "{dir} --detail {detail}: {errors:?}");
        }
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

/// Loops, a FIFO, an unreadable folder, odd encodings, control bytes in a
/// name and files that are not articles, next to real articles: every real
/// article is read once, each bad item is one warning, and the run is quick.
#[cfg(unix)]
#[test]
fn hostile_folder_reads_every_real_article_once() {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    std::fs::create_dir_all(root.join("wire/loop")).unwrap();
    std::fs::write(root.join("a.txt"), story("ARDMORE", 6)).unwrap();
    std::fs::write(root.join("wire/b.txt"), story("KELSO", 7)).unwrap();
    decoding_corpus(&root.join("wire"));
    symlink("../..", root.join("wire/loop/up")).unwrap();
    symlink("..", root.join("wire/loop/again")).unwrap();
    symlink("wire", root.join("mirror")).unwrap();
    std::fs::write(root.join("README.md"), "# notes\n").unwrap();
    std::fs::write(root.join("notes.csv"), "a,b\n").unwrap();
    std::fs::write(root.join(std::ffi::OsStr::from_bytes(b"evil\x1b]0;owned\x07.txt")), story("TARN", 8)).unwrap();
    std::fs::write(root.join(std::ffi::OsStr::from_bytes(b"name\xFF.txt")), story("BALLOCH", 9)).unwrap();
    std::fs::write(root.join(std::ffi::OsStr::from_bytes(b"name\xFE.txt")), story("BALLOCH", 9)).unwrap();
    let fifo = std::ffi::CString::new(root.join("pipe.txt").as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    let locked = root.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("hidden-away.txt"), story("LOCH", 1)).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let as_root = std::fs::read_dir(&locked).is_ok();

    let start = std::time::Instant::now();
    let out = analyze().args(["--format", "json"]).arg(&root).arg(root.join("wire")).output().unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = r["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    let expected = if as_root { 11 } else { 10 };
    assert_eq!(ids.len(), expected, "{ids:#?}");
    let unique: std::collections::BTreeSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len());
    assert!(ids.iter().any(|i| i.ends_with("name\\xFF.txt")) && ids.iter().any(|i| i.ends_with("name\\xFE.txt")));
    let kinds: Vec<&str> = r["warnings"].as_array().unwrap().iter().filter_map(|w| w["kind"].as_str()).collect();
    let count = |k: &str| kinds.iter().filter(|x| **x == k).count();
    assert_eq!(count("symlink_loop"), 2, "{kinds:?}");
    assert_eq!(count("special_file"), 1, "{kinds:?}");
    assert_eq!(count("not_article"), 1, "{kinds:?}");
    assert_eq!(count("duplicate"), 2, "the mirror link and the folder given again: {kinds:?}");
    if !as_root {
        assert_eq!(count("unreadable"), 1, "{kinds:?}");
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("2 files not read as articles (1 .csv, 1 .md)"), "{stderr}");
    // Left out by design (other extensions, second paths) is not "skipped".
    let broken = if as_root { 3 } else { 4 };
    assert_eq!(r["summary"]["skipped_files"], broken, "loops, the FIFO and the locked folder");
    assert!(ids.iter().all(|i| !i.contains("mirror")), "the real path wins over a link: {ids:?}");
}

#[test]
fn ext_adds_article_extensions() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), story("ARDMORE", 6)).unwrap();
    std::fs::write(dir.path().join("b.md"), story("KELSO", 7)).unwrap();
    let count = |extra: &[&str]| {
        let r = json_report(&[extra, &[dir.path().to_str().unwrap(), "-q"]].concat());
        r["articles"].as_array().map(Vec::len)
    };
    assert_eq!(count(&[]), Some(1));
    assert_eq!(count(&["--ext", "md"]), Some(2));
    assert_eq!(count(&["--ext=MD,html"]), Some(2));
}

#[test]
fn absurd_thread_counts_are_capped_with_a_warning() {
    let out = analyze().args(["-j", "100000", "--format", "json", "fixtures/mixed/"]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("-j 100000 is more than this machine can use"), "{err}");
    let out = analyze().args(["-j", "2", "--format", "json", "fixtures/mixed/"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("more than this machine"));
}

/// `head` closing the pipe early is a normal end for every subcommand and format.
#[test]
fn closed_pipe_ends_quietly_for_every_subcommand() {
    let bin = env!("CARGO_BIN_EXE_analyze");
    let records = tempfile::NamedTempFile::new().unwrap();
    let map = analyze().args(["-q", "--format", "jsonl", "fixtures/"]).output().unwrap();
    std::fs::write(records.path(), map.stdout).unwrap();
    let rec = records.path().display();
    let commands = [
        format!("{bin} schema"),
        format!("{bin} --help"),
        format!("{bin} -q --all fixtures/"),
        format!("{bin} -q --all --format markdown fixtures/"),
        format!("{bin} -q --all --format github fixtures/"),
        format!("{bin} -q --format jsonl fixtures/"),
        format!("{bin} -q --format json fixtures/"),
        format!("{bin} compare -q --all {rec}"),
        format!("{bin} compare -q --format json {rec}"),
    ];
    for c in commands {
        // Reading a byte and closing at once, while the writer still has
        // most of its output to go.
        let out = std::process::Command::new("bash")
            .args(["-o", "pipefail", "-c", &format!("{c} | head -c 10")])
            .output()
            .unwrap();
        assert!(out.status.success(), "{c}: {:?} {}", out.status, String::from_utf8_lossy(&out.stderr));
        assert!(out.stderr.is_empty(), "{c}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

/// A mapper whose files are all empty or unreadable must not fail its task.
#[test]
fn a_jsonl_batch_with_nothing_readable_writes_nothing_and_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), b"").unwrap();
    std::fs::write(dir.path().join("b.txt"), b"\x89PNG\r\n\x1a\n\x00\x00").unwrap();
    let out = analyze().args(["--format", "jsonl"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty(), "{}", String::from_utf8_lossy(&out.stdout));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nothing written"), "{err}");
    // With one readable article, the skipped files are still reported in the records.
    std::fs::write(dir.path().join("c.txt"), story("ARDMORE", 6)).unwrap();
    let out = analyze().args(["--format", "jsonl", "-q"]).arg(dir.path()).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
}

/// A file name or article text with escape sequences, bidi overrides, table
/// pipes or an HTML comment opener reaches no output as such.
#[cfg(unix)]
#[test]
fn hostile_names_and_text_are_escaped_in_every_human_format() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let evil = b"pier\x1b[2J|<!--\xe2\x80\xae\nx.txt";
    let body = story("ARDMORE", 6).replace("north quay", "north \u{202e}quay\u{1b}]0;owned\u{7} \u{9b}2J");
    std::fs::write(dir.path().join(std::ffi::OsStr::from_bytes(evil)), body).unwrap();
    std::fs::write(dir.path().join("plain.txt"), story("KELSO", 7)).unwrap();
    std::fs::write(dir.path().join(std::ffi::OsStr::from_bytes(b"bad\x1b[31m.bin")), b"\x00\x01").unwrap();
    for format in ["text", "markdown", "github", "html"] {
        let out = analyze()
            .args(["--all", "--color", "never", "--format", format, "--ext", "bin"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        for (what, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let s = String::from_utf8_lossy(bytes);
            assert!(!s.contains(['\u{1b}', '\u{7}', '\u{9b}']), "{format} {what} has a control character: {s}");
            assert!(!s.contains('\u{202e}'), "{format} {what} has a bidi override");
        }
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("pier"), "{format}: the article is listed");
        if format == "html" {
            assert!(stdout.contains("[2J|&lt;!--"), "the name is escaped as text: {stdout}");
            assert!(!stdout.contains("|<!--"), "a file name opened an HTML comment");
        }
        if format == "markdown" {
            let raw_opener = stdout.replace("\\<", "").contains("<!--");
            assert!(!raw_opener, "an HTML comment would hide the rest of the report");
            let table_row =
                stdout.lines().find(|l| l.starts_with('|') && l.contains("pier")).expect("a row names the file");
            let header = stdout.lines().take_while(|l| *l != table_row).filter(|l| l.starts_with("| ")).last().unwrap();
            assert_eq!(table_row.replace("\\|", "").matches('|').count(), header.matches('|').count(), "{table_row}");
        }
    }
}

/// An item's text is the file's, control characters and all (the scorers
/// compare it with the file's bytes), while no control character reaches the
/// output raw: JSON escapes C0 and C1 alike, `\u001b`, `\u009b`.
#[test]
fn control_characters_stay_in_item_texts_and_are_escaped_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let body = story("ARDMORE", 6)
        .replace("Crews worked", "Crews\u{1b}[2J worked")
        .replace("the backlog", "the\u{85}backlog\u{9b}");
    std::fs::write(dir.path().join("a.txt"), &body).unwrap();
    for format in ["json", "jsonl"] {
        let out = analyze().args(["-q", "--format", format]).arg(dir.path()).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let s = String::from_utf8(out.stdout).expect("UTF-8");
        let raw: Vec<char> = s.chars().filter(|c| c.is_control() && *c != '\n').collect();
        assert!(raw.is_empty(), "{format}: raw control characters {raw:?}");
        assert!(s.contains("\\u0085backlog\\u009b") && s.contains("Crews\\u001b[2J"), "{format}: {s}");
    }
    let r = json_report(&[dir.path().to_str().unwrap()]);
    let quote = r["quotes"][0]["text"].as_str().unwrap();
    assert_eq!(quote, "We expect the\u{85}backlog\u{9b} to clear by Friday,");
    assert!(check_report_spans(&r) >= 5);
}

/// Shapes that used to take quadratic time (a run without a sentence end,
/// thousands of numbers or quote marks in one sentence) finish, warn about
/// the split runs, and keep every span on the file. Sized to run in seconds
/// in a debug build; `scripts/hostile-bench.sh` times the full sizes.
#[test]
fn hostile_shapes_are_split_with_a_warning_and_keep_spans() {
    let dir = tempfile::tempdir().unwrap();
    let words = ["harbour", "ferry", "budget", "quay", "crews", "pumps", "levee"];
    let mut line = String::from("The works listed at the meeting ran on: ");
    let mut numbers = String::from("The council counted ");
    for i in 0..3000 {
        line.push_str(words[i % words.len()]);
        line.push_str(if i % 4 == 0 { ", " } else { " " });
        numbers.push_str(&format!("{} {}, ", (i * 37) % 9000 + 1, words[i % words.len()]));
    }
    line.push('\n');
    numbers.push_str("and one ferry in 2024.\n");
    let quotes: String = (0..2000).map(|i| format!("\"{} {}\" ", words[i % 7], words[(i + 3) % 7])).collect();
    std::fs::write(dir.path().join("line.txt"), line.repeat(8)).unwrap();
    std::fs::write(dir.path().join("numbers.txt"), numbers).unwrap();
    std::fs::write(dir.path().join("quotes.txt"), format!("Residents said {quotes}to the mayor.\n")).unwrap();
    let r = json_report(&[dir.path().to_str().unwrap()]);
    assert_eq!(r["articles"].as_array().map(Vec::len), Some(3));
    let long = r["warnings"].as_array().unwrap().iter().filter(|w| w["kind"] == "long_sentence").count();
    assert_eq!(long, 3, "{}", r["warnings"]);
    let checked = check_report_spans(&r);
    assert!(checked > 1000, "only {checked} spans checked");
    let claims = r["claims"].as_array().unwrap();
    assert!(claims.iter().all(|c| c["end"].as_u64().unwrap() - c["start"].as_u64().unwrap() <= 1000));
}

/// Warnings and the report through one closed pipe (`2>&1 | head`): no panic.
#[test]
fn closed_pipe_on_stderr_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3000 {
        std::fs::write(dir.path().join(format!("e{i:04}.txt")), b"").unwrap();
    }
    std::fs::write(dir.path().join("real.txt"), story("KELSO", 7)).unwrap();
    let bin = env!("CARGO_BIN_EXE_analyze");
    let dir = dir.path().display();
    for format in ["jsonl", "json"] {
        let cmd = format!("{bin} --all --format {format} {dir} 2>&1 | head -c 10");
        let out = std::process::Command::new("bash").args(["-o", "pipefail", "-c", &cmd]).output().unwrap();
        assert!(out.status.success(), "{format}: {:?} {}", out.status, String::from_utf8_lossy(&out.stderr));
    }
}
