//! A CI job over successive drops of articles, as the README's workflow runs
//! it: each run compares with the last report (`--baseline`) and writes the
//! next one (`--output`), which becomes the baseline of the following run.
//! The articles are invented for this test.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const A: &str = r#"Date: 2026-04-02

River Tamsin bursts its banks in Brackwell

About 2,000 people were evacuated from the lower town of Brackwell on Tuesday after the River Tamsin rose overnight, the county council said.

Ilse Varga, the council's emergency officer, said crews had closed three bridges across the Tamsin. "We moved everyone before midnight," Varga said.

The council opened two shelters in the market hall and the old grammar school.
"#;
const B: &str = r#"Date: 2026-04-02

Brackwell evacuates lower town as Tamsin floods

Some 2,000 residents were evacuated from the lower town of Brackwell on Tuesday, according to the county council, as the River Tamsin flooded streets near the quay.

Ilse Varga, who leads the council's emergency team, said three bridges were shut. Forecasters expect the river to peak on Thursday.
"#;
const C: &str = r#"Date: 2026-04-03

Brackwell counts the cost of the Tamsin flood

Around 2,000 people were evacuated from the lower town of Brackwell this week, the county council said on Wednesday, after the River Tamsin flooded the quay.

Ilse Varga, the council's emergency officer, said the water was falling. Volunteers from Harlow Cross filled sandbags through the night.
"#;
/// Gives another number of evacuees: a new conflict.
const D: &str = r#"Date: 2026-04-03

Tamsin flood: fewer evacuated than first thought

Only 1,700 people were evacuated from the lower town of Brackwell on Tuesday, the county council said on Wednesday in a corrected count, after the River Tamsin flooded the quay.

Ilse Varga, the council's emergency officer, said the revised figure came from the shelters' registers.
"#;
/// Yet another number: a new value on the standing conflict.
const E: &str = r#"Date: 2026-04-04

Brackwell flood: council revises evacuation count again

The county council said on Thursday that 1,500 people were evacuated from the lower town of Brackwell on Tuesday, after the River Tamsin flooded the quay.

Ilse Varga, the council's emergency officer, said the shelters had now closed.
"#;

fn analyze() -> Command {
    let mut c = Command::cargo_bin("analyze").expect("binary built");
    c.env_remove("NO_COLOR").env("TERM", "dumb");
    c
}

/// One CI run on `drop`: returns the exit code and the report it wrote, and
/// rotates the baseline the way the README's workflow does.
fn ci_run(work: &Path, drop: &Path) -> (i32, Value, String) {
    let last = work.join("last.json");
    let next = work.join("next.json");
    let mut cmd = analyze();
    cmd.args(["-q", "--format", "json", "--fail-on", "conflicts", "--output"]).arg(&next);
    if last.exists() {
        cmd.arg("--baseline").arg(&last);
    }
    let out = cmd.arg(drop).output().expect("runs");
    let code = out.status.code().expect("exit code");
    assert!(code == 0 || code == 1, "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&std::fs::read(&next).expect("report written")).expect("JSON");
    std::fs::rename(&next, &last).expect("rotate");
    (code, report, String::from_utf8_lossy(&out.stderr).into_owned())
}

fn ids(v: &Value) -> Vec<String> {
    let mut out: Vec<String> =
        v.as_array().expect("list").iter().map(|x| x.as_str().expect("id").to_string()).collect();
    out.sort();
    out
}

fn id(dir: &Path, name: &str) -> String {
    dir.join(name).to_string_lossy().replace('\\', "/")
}

#[test]
fn rotating_baseline_over_drops_reports_only_real_changes() {
    let work = tempfile::tempdir().expect("temp dir");
    let drop = work.path().join("drop");
    std::fs::create_dir(&drop).expect("mkdir");
    std::fs::write(drop.join("a.txt"), A).expect("write");
    std::fs::write(drop.join("b.txt"), B).expect("write");

    // Drop 1: two articles that agree. No baseline yet.
    let (code, r, _) = ci_run(work.path(), &drop);
    assert_eq!(code, 0);
    assert_eq!(r["summary"]["conflicts"], 0, "{:#}", r["comparison"]["conflicts"]);
    assert!(r.get("changes").is_none());

    // Drop 2: both files renamed or moved, one new article that agrees.
    std::fs::create_dir(drop.join("archive")).expect("mkdir");
    std::fs::rename(drop.join("a.txt"), drop.join("archive/a.txt")).expect("move");
    std::fs::rename(drop.join("b.txt"), drop.join("b-tamsin.txt")).expect("rename");
    std::fs::write(drop.join("c.txt"), C).expect("write");
    let (code, r, err) = ci_run(work.path(), &drop);
    assert_eq!(code, 0, "{err}");
    let ch = &r["changes"];
    assert_eq!(ids(&ch["new_articles"]), [id(&drop, "c.txt")]);
    assert_eq!(ids(&ch["removed_articles"]), Vec::<String>::new());
    assert_eq!(ch["renamed_articles"].as_array().map(Vec::len), Some(2), "{ch:#}");
    assert!(ch["renamed_articles"].to_string().contains("b-tamsin.txt"));
    assert_eq!(ch["new_conflicts"], serde_json::json!([]));
    assert_eq!(ch["resolved_conflicts"], serde_json::json!([]));
    for f in ch["new_single_source"].as_array().expect("list") {
        assert_eq!(
            f["article"].as_str(),
            Some(id(&drop, "c.txt").as_str()),
            "only the new article has new facts: {f:#}"
        );
    }
    assert_eq!(r["summary"]["articles"], 3, "the report is complete");

    // Drop 3: an article with another count of evacuees: one new conflict, exit 1.
    std::fs::write(drop.join("d.txt"), D).expect("write");
    let (code, r, err) = ci_run(work.path(), &drop);
    assert_eq!(code, 1);
    assert!(err.contains("1 new conflict since the baseline"), "{err}");
    let ch = &r["changes"];
    assert_eq!(ids(&ch["new_articles"]), [id(&drop, "d.txt")]);
    assert_eq!(ch["renamed_articles"], serde_json::json!([]));
    let new = ch["new_conflicts"].as_array().expect("list");
    assert_eq!(new.len(), 1, "{new:#?}");
    assert!(new[0].to_string().contains("1,700"));
    assert_eq!(ch["resolved_conflicts"], serde_json::json!([]));
    for f in ch["new_single_source"].as_array().expect("list") {
        assert_eq!(f["article"].as_str(), Some(id(&drop, "d.txt").as_str()), "{f:#}");
    }

    // Drop 4: the same files again: nothing changed, and the standing
    // conflict is not new again (the stored report was a full one).
    let (code, r, err) = ci_run(work.path(), &drop);
    assert_eq!(code, 0, "{err}");
    let ch = &r["changes"];
    for key in ["new_articles", "removed_articles", "renamed_articles", "edited_articles", "new_conflicts"] {
        assert_eq!(ch[key], serde_json::json!([]), "{key}");
    }
    assert_eq!(ch["changed_conflicts"], serde_json::json!([]));
    assert_eq!(ch["new_single_source"], serde_json::json!([]));
    assert_eq!(ch["gone_single_source"], 0);
    assert!(r["summary"]["conflicts"].as_u64() >= Some(1), "the conflict is still in the report");

    // Drop 5: a third value on the standing conflict is a change, not a
    // resolution plus a new conflict, so it does not fail the run.
    std::fs::write(drop.join("e.txt"), E).expect("write");
    let (code, r, err) = ci_run(work.path(), &drop);
    assert_eq!(code, 0, "{err}");
    let ch = &r["changes"];
    assert_eq!(ch["new_conflicts"], serde_json::json!([]));
    assert_eq!(ch["resolved_conflicts"], serde_json::json!([]));
    let changed = ch["changed_conflicts"].as_array().expect("list");
    assert_eq!(changed.len(), 1, "{changed:#?}");
    assert!(changed[0]["now"].to_string().contains("1,500"));
    assert!(!changed[0]["before"].to_string().contains("1,500"));
}

/// An absolute path for the same files is no change either.
#[test]
fn another_path_to_the_same_files_is_no_change() {
    let work = tempfile::tempdir().expect("temp dir");
    let drop = work.path().join("drop");
    std::fs::create_dir(&drop).expect("mkdir");
    for (n, t) in [("a.txt", A), ("b.txt", B), ("d.txt", D)] {
        std::fs::write(drop.join(n), t).expect("write");
    }
    let base = work.path().join("base.json");
    let out = analyze()
        .current_dir(work.path())
        .args(["-q", "-f", "json", "-o", "base.json", "drop"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let out = analyze()
        .args(["-q", "-f", "json", "--fail-on", "conflicts", "--baseline"])
        .arg(&base)
        .arg(&drop)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let r: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(r["changes"]["new_conflicts"], serde_json::json!([]));
    assert_eq!(r["changes"]["new_articles"], serde_json::json!([]));
    assert_eq!(r["changes"]["renamed_articles"].as_array().map(Vec::len), Some(3));
}

/// With a baseline, GitHub annotations put what is new first.
#[test]
fn github_annotations_lead_with_new_conflicts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/summit");
    let work = tempfile::tempdir().expect("temp dir");
    let drop = work.path().join("summit");
    std::fs::create_dir(&drop).expect("mkdir");
    for e in std::fs::read_dir(&root).expect("fixtures") {
        let p = e.expect("entry").path();
        let name = p.file_name().expect("name").to_string_lossy().into_owned();
        // Without the one article that gives €400 million and "postponed".
        if !name.starts_with('.') && !name.starts_with("04-") {
            std::fs::copy(&p, drop.join(&name)).expect("copy");
        }
    }
    let base = work.path().join("base.json");
    analyze().args(["-q", "-f", "json", "-o"]).arg(&base).arg(&drop).assert().success();
    std::fs::copy(root.join("04-continental-ledger.txt"), drop.join("04-continental-ledger.txt")).expect("copy");
    let json = analyze().args(["-q", "-f", "json", "--baseline"]).arg(&base).arg(&drop).output().expect("runs");
    let r: Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let fresh = r["changes"]["new_conflicts"].as_array().map_or(0, Vec::len)
        + r["changes"]["changed_conflicts"].as_array().map_or(0, Vec::len);
    assert!(fresh >= 1, "adding the article that says 'postponed' adds a conflict: {:#}", r["changes"]);
    let out = analyze().args(["-q", "-f", "github", "--baseline"]).arg(&base).arg(&drop).output().expect("runs");
    let s = String::from_utf8(out.stdout).expect("utf-8");
    let warnings: Vec<&str> = s.lines().filter(|l| l.starts_with("::warning")).collect();
    let flagged: Vec<bool> = warnings.iter().map(|w| w.contains("since the baseline")).collect();
    assert_eq!(flagged.iter().filter(|f| **f).count(), fresh.min(10), "{s}");
    assert!(flagged.windows(2).all(|w| w[0] || !w[1]), "every new conflict before every standing one: {s}");
    assert!(s.lines().last().expect("summary").contains("since the baseline"), "{s}");
}

/// The README's CI step reads and writes the same file: the baseline is
/// read before the new report replaces it.
#[test]
fn baseline_and_output_may_be_the_same_file() {
    let work = tempfile::tempdir().expect("temp dir");
    let drop = work.path().join("drop");
    std::fs::create_dir(&drop).expect("mkdir");
    for (n, t) in [("a.txt", A), ("d.txt", D)] {
        std::fs::write(drop.join(n), t).expect("write");
    }
    let last = work.path().join("last.json");
    analyze().args(["-q", "-f", "json", "-o"]).arg(&last).arg(&drop).assert().success();
    for _ in 0..2 {
        let out = analyze()
            .args(["-q", "-f", "json", "--fail-on", "conflicts", "--baseline"])
            .arg(&last)
            .arg("-o")
            .arg(&last)
            .arg(&drop)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        let r: Value = serde_json::from_slice(&std::fs::read(&last).expect("report")).expect("JSON");
        assert_eq!(r["changes"]["new_conflicts"], serde_json::json!([]));
        assert_eq!(r["summary"]["articles"], 2);
    }
}
