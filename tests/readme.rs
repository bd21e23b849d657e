//! Every shell command in README.md's ```sh blocks runs, so the examples a
//! new user copies stay true. The commands run in order in one scratch
//! folder (later commands may read what earlier ones wrote), with
//! `fixtures/` linked in and the built binary first on `PATH`.

use std::path::Path;
use std::process::Command;

/// The command lines of the README's `sh` blocks, comments dropped and
/// `cargo run [--release] --` turned into `analyze`. Other cargo commands
/// (build, test, install) are left out: they would rebuild the crate from
/// inside its own test run, or need the network.
fn readme_commands(readme: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        let t = line.trim();
        if let Some(lang) = t.strip_prefix("```") {
            in_sh = !in_sh && matches!(lang, "sh" | "bash" | "shell" | "console");
            continue;
        }
        if !in_sh || t.is_empty() || t.starts_with('#') {
            continue;
        }
        let cmd = t.strip_prefix("$ ").unwrap_or(t);
        let cmd = strip_comment(cmd);
        let cmd = match cmd.strip_prefix("cargo run") {
            Some(rest) => match rest.split_once("-- ") {
                Some((_, args)) => format!("analyze {args}"),
                None => "analyze".to_string(),
            },
            None if cmd.starts_with("cargo ") => continue,
            None => cmd.to_string(),
        };
        out.push(cmd);
    }
    out
}

/// Drop a trailing `# comment` (a `#` after whitespace, outside quotes).
fn strip_comment(cmd: &str) -> &str {
    let (mut single, mut double) = (false, false);
    let mut prev = ' ';
    for (i, c) in cmd.char_indices() {
        match c {
            '\'' if !double => single = !single,
            '"' if !single => double = !double,
            '#' if !single && !double && prev.is_whitespace() => return cmd[..i].trim_end(),
            _ => {}
        }
        prev = c;
    }
    cmd.trim_end()
}

#[test]
fn comment_stripping_respects_quotes() {
    assert_eq!(strip_comment("analyze x   # note"), "analyze x");
    assert_eq!(strip_comment("jq '.a # b' f"), "jq '.a # b' f");
    assert_eq!(strip_comment("echo a#b"), "echo a#b");
}

#[test]
fn every_readme_command_runs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let commands = readme_commands(&readme);
    assert!(commands.len() >= 15, "only {} commands found: {commands:#?}", commands.len());
    let has_jq = Command::new("jq").arg("--version").output().is_ok_and(|o| o.status.success());
    let scratch = tempfile::tempdir().expect("temp dir");
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("fixtures"), scratch.path().join("fixtures")).expect("link fixtures");
    let bin = Path::new(env!("CARGO_BIN_EXE_analyze")).parent().expect("bin dir").to_path_buf();
    let path = std::env::join_paths(
        std::iter::once(bin).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .expect("PATH");
    let mut ran = 0;
    for cmd in &commands {
        if !has_jq && cmd.contains("jq ") {
            eprintln!("skipped (no jq installed): {cmd}");
            continue;
        }
        let out = Command::new("bash")
            .args(["-o", "pipefail", "-c", cmd])
            .current_dir(scratch.path())
            .env("PATH", &path)
            .env("GITHUB_STEP_SUMMARY", scratch.path().join("summary.md"))
            .output()
            .expect("bash runs");
        let code = out.status.code();
        // `--fail-on` examples fail on purpose on the summit fixtures.
        let ok = code == Some(0) || (code == Some(1) && cmd.contains("--fail-on"));
        assert!(
            ok,
            "README command failed ({code:?}): {cmd}\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout).chars().take(500).collect::<String>(),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"), "{cmd}");
        ran += 1;
    }
    assert!(ran >= 10, "only {ran} README commands ran");
}

/// The README's TOML examples are files the tool accepts: the alias file
/// and the config file (which names the alias file as `names.toml`).
#[test]
fn readme_toml_examples_are_accepted() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let mut blocks: Vec<String> = Vec::new();
    let mut cur: Option<String> = None;
    for line in readme.lines() {
        match (&mut cur, line.trim()) {
            (None, "```toml") => cur = Some(String::new()),
            (Some(b), "```") => {
                blocks.push(std::mem::take(b));
                cur = None;
            }
            (Some(b), _) => {
                b.push_str(line);
                b.push('\n');
            }
            _ => {}
        }
    }
    let config = blocks.iter().find(|b| b.contains("fail-on")).expect("a config example");
    let aliases = blocks.iter().find(|b| b.contains("[[merge]]")).expect("an alias example");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("analyze.toml"), config).expect("write");
    std::fs::write(dir.path().join("names.toml"), aliases).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_analyze"))
        .current_dir(dir.path())
        .arg(root.join("fixtures/summit"))
        .output()
        .expect("runs");
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# analyze:"), "the config chose Markdown");
}

/// Every flag in the README's option table is one `--help` knows.
#[test]
fn readme_options_are_real_flags() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let help = Command::new(env!("CARGO_BIN_EXE_analyze")).arg("--help").output().expect("runs");
    let help = String::from_utf8_lossy(&help.stdout).into_owned();
    // The first cell of each option row: `-f, --format text\|json…`.
    let flags: Vec<&str> = readme
        .lines()
        .filter(|l| l.starts_with("| `-"))
        .filter_map(|l| l.split(" | ").next())
        .flat_map(|cell| cell.split(['`', ' ', ',']).filter(|w| w.starts_with('-') && w.len() > 1))
        .collect();
    assert!(flags.len() >= 10, "{flags:?}");
    for f in flags {
        assert!(help.contains(f), "README documents {f}, --help does not");
    }
    assert!(help.contains("compact line when piped, indented on a terminal"), "JSON wording as in the README");
}
