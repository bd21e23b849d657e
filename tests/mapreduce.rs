//! `analyze map DIR | sort -t$'\t' -k1,1 | analyze reduce` gives the one-shot
//! report byte for byte, on the fixtures and on a generated corpus; so does
//! `reduce --partial` on parts of the sorted lines followed by `merge`.

use assert_cmd::Command;
use std::path::Path;

#[path = "../examples/gen_corpus/generator.rs"]
mod generator;

fn analyze() -> Command {
    let mut c = Command::cargo_bin("analyze").expect("binary built");
    c.env_remove("NO_COLOR").env("TERM", "dumb");
    c
}

fn run(c: &mut Command) -> Vec<u8> {
    let out = c.output().expect("runs");
    assert!(
        out.status.code().is_some_and(|c| c == 0 || c == 1),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn oneshot(dir: &Path) -> Vec<u8> {
    run(analyze().args(["-q", "--format", "json"]).arg(dir))
}

fn map(dir: &Path) -> Vec<u8> {
    run(analyze().args(["map", "-q"]).arg(dir))
}

fn key(line: &str) -> &str {
    line.split('\t').next().unwrap_or("")
}

/// The lines in a scrambled order, then sorted by key only, as a shuffling
/// engine would hand them over: the order inside a key is arbitrary.
fn shuffle_and_sort(lines: &[u8]) -> Vec<String> {
    let text = String::from_utf8(lines.to_vec()).expect("utf-8");
    let mut v: Vec<String> = text.lines().map(str::to_string).collect();
    // A fixed permutation: reverse, then interleave the halves.
    v.reverse();
    let half = v.len() / 2;
    let (a, b) = v.split_at(half);
    let mut mixed: Vec<String> = Vec::with_capacity(v.len());
    for i in 0..a.len().max(b.len()) {
        mixed.extend(b.get(i).cloned());
        mixed.extend(a.get(i).cloned());
    }
    mixed.sort_by(|x, y| key(x).cmp(key(y)));
    mixed
}

fn joined(lines: &[String]) -> String {
    let mut s = lines.join("\n");
    s.push('\n');
    s
}

fn assert_same(a: &[u8], b: &[u8], what: &str) {
    assert!(!a.is_empty(), "{what}: empty report");
    if a != b {
        let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
        let at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
        let from = at.saturating_sub(200);
        panic!(
            "{what}: differs at byte {at}\none-shot: …{}\nmapreduce: …{}",
            &a[from..(at + 200).min(a.len())],
            &b[from..(at + 200).min(b.len())]
        );
    }
}

fn check_corpus(dir: &Path) {
    let expected = oneshot(dir);
    let lines = map(dir);
    let sorted = shuffle_and_sort(&lines);
    let stories =
        sorted.iter().filter(|l| key(l).starts_with('s')).map(|l| key(l)).collect::<std::collections::BTreeSet<_>>();
    assert!(stories.len() >= 2, "the corpus has several stories: {stories:?}");
    // One reducer over everything.
    let reduced = run(analyze().args(["reduce", "-q", "--format", "json"]).write_stdin(joined(&sorted)));
    assert_same(&expected, &reduced, "map | sort | reduce");
    // Three reducers, each with whole keys, then the merge.
    let mut parts = String::new();
    let n = sorted.len();
    let mut start = 0;
    for cut in [n / 3, 2 * n / 3, n] {
        let mut end = cut.max(start);
        while end < n && end > 0 && key(&sorted[end]) == key(&sorted[end - 1]) {
            end += 1;
        }
        if end > start {
            let out = run(analyze().args(["reduce", "--partial", "-q"]).write_stdin(joined(&sorted[start..end])));
            parts.push_str(&String::from_utf8(out).expect("utf-8"));
        }
        start = end;
    }
    let merged = run(analyze().args(["merge", "-q", "--format", "json"]).write_stdin(parts));
    assert_same(&expected, &merged, "map | sort | reduce --partial | merge");
}

#[test]
fn map_sort_reduce_equals_one_shot_on_the_fixtures() {
    check_corpus(Path::new("fixtures"));
}

#[test]
fn map_sort_reduce_equals_one_shot_on_a_generated_corpus() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = generator::Config { articles: 240, stories: 24, seed: 5, ..Default::default() };
    generator::write_corpus(&cfg, dir.path()).expect("corpus written");
    check_corpus(dir.path());
}

/// The real `sort` of the contract, with the shell's quoting, in the C locale
/// and the user's.
#[test]
fn the_pipe_of_the_readme_gives_the_one_shot_report() {
    let expected = oneshot(Path::new("fixtures/summit"));
    let bin = assert_cmd::cargo::cargo_bin("analyze");
    for locale in ["C", "C.utf8"] {
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!(
                "set -o pipefail; '{b}' map -q fixtures/summit | LC_ALL={locale} sort -t$'\\t' -k1,1 | '{b}' reduce -q -f json",
                b = bin.display()
            ))
            .output()
            .expect("bash runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_same(&expected, &out.stdout, &format!("pipe with LC_ALL={locale}"));
    }
}

#[test]
fn unsorted_or_cut_input_is_refused() {
    let lines = String::from_utf8(map(Path::new("fixtures"))).expect("utf-8");
    let mut v: Vec<&str> = lines.lines().collect();
    // A story's lines split into two runs: not the sorted contract.
    let story: Vec<&str> = v.iter().copied().filter(|l| key(l) == "s00000001").collect();
    assert!(story.len() >= 3);
    v.retain(|l| key(l) != "s00000001");
    let mut scrambled = vec![story[0]];
    scrambled.extend(&v);
    scrambled.extend(&story[1..]);
    let out = analyze().args(["reduce", "-q"]).write_stdin(scrambled.join("\n")).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("sorted by key"), "{}", String::from_utf8_lossy(&out.stderr));
    // A story without its articles' count: the merge sees the loss.
    let sorted = shuffle_and_sort(lines.as_bytes());
    let partial: Vec<&str> = sorted.iter().map(String::as_str).filter(|l| key(l) != "s00000002").collect();
    let out = analyze().args(["reduce", "-q"]).write_stdin(partial.join("\n")).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("article records reached the merge"));
    // Not keyed lines at all.
    let out = analyze().args(["reduce", "-q"]).write_stdin("{\"a\":1}\n").output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
}
