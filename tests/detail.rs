//! `--format json` carries what a reader of the comparison needs (the
//! fields of the evaluation contract and the comparison, items referred to
//! by id); `--detail full` brings back every extracted detail. The standard
//! report is a projection of the full one: every field it keeps has the
//! same value there.

use assert_cmd::Command;
use serde_json::Value;

fn analyze() -> Command {
    let mut c = Command::cargo_bin("analyze").expect("binary built");
    c.env_remove("NO_COLOR").env("TERM", "dumb");
    c
}

fn json(args: &[&str]) -> (Value, usize) {
    let out = analyze().args(["-q", "--format", "json"]).args(args).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (serde_json::from_slice(&out.stdout).expect("JSON"), out.stdout.len())
}

/// What the evaluation scripts read (`REPORT-CONTRACT.md`), per list.
const CONTRACT: &[(&str, &[&str])] = &[
    ("articles", &["id", "path", "published", "outlet", "headline"]),
    ("entities", &["id", "name", "kind", "aliases", "mentions"]),
    ("quotes", &["id", "article", "start", "end", "text", "speaker", "speaker_mention", "cue", "kind"]),
    ("dates", &["article", "start", "end", "text", "kind", "value"]),
    ("claims", &["id", "article", "start", "end", "text", "quantities"]),
];

/// Fields only the full report has, per list.
const FULL_ONLY: &[(&str, &[&str])] = &[
    ("articles", &["blocks", "bytes", "words", "sentence_count", "boilerplate_blocks"]),
    ("entities", &["spellings", "mention_counts"]),
    ("quotes", &["sentence_start", "sentence_end", "cue_span", "speaker_name", "continued"]),
    ("dates", &["anchor", "rule"]),
    ("claims", &["asserted_by", "dates", "entities", "clauses", "facts"]),
];

fn items<'a>(r: &'a Value, list: &str) -> &'a [Value] {
    r[list].as_array().map(Vec::as_slice).unwrap_or_else(|| panic!("no {list} list"))
}

#[test]
fn the_default_report_carries_the_contract_and_not_the_extraction_detail() {
    let (r, _) = json(&["fixtures/"]);
    for (list, keys) in CONTRACT {
        assert!(!items(&r, list).is_empty(), "{list} is empty");
        for item in items(&r, list) {
            for k in *keys {
                assert!(item.get(k).is_some(), "{list}[] lacks {k}: {item}");
            }
        }
    }
    for (list, keys) in FULL_ONLY {
        for item in items(&r, list) {
            for k in *keys {
                assert!(item.get(k).is_none(), "{list}[] has the full-only {k}");
            }
        }
    }
    for m in items(&r, "entities").iter().flat_map(|e| e["mentions"].as_array().unwrap()) {
        assert!(["article", "start", "end", "text"].iter().all(|k| m.get(k).is_some()), "{m}");
    }
    let quantities: Vec<&Value> =
        items(&r, "claims").iter().flat_map(|c| c["quantities"].as_array().unwrap()).collect();
    assert!(!quantities.is_empty());
    for q in quantities {
        assert!(q.get("value").is_some() && q.get("unit").is_some() && q.get("text").is_some(), "{q}");
        assert!(q.get("approx").is_none() && q.get("start").is_none(), "{q}");
    }
    let c = &r["comparison"];
    for list in ["agreements", "conflicts", "quote_matches", "stories", "single_source", "coverage"] {
        assert!(!c[list].as_array().unwrap().is_empty(), "comparison.{list} is empty");
    }
    for t in c["conflicts"].as_array().unwrap() {
        for v in t["values"].as_array().unwrap() {
            assert!(v["articles"].is_array());
            for e in v["evidence"].as_array().unwrap() {
                assert!(["article", "start", "end", "text"].iter().all(|k| e.get(k).is_some()), "{e}");
            }
        }
    }
    // Coverage: counts and the missing article ids, not the present list.
    for cov in c["coverage"].as_array().unwrap() {
        assert!(cov["present_count"].as_u64().is_some_and(|n| n > 0), "{cov}");
        assert!(cov["missing"].as_array().is_some_and(|m| !m.is_empty()), "{cov}");
        assert!(cov.get("present").is_none(), "{cov}");
    }
}

/// Every value the standard report keeps equals the full report's.
fn assert_projection(small: &Value, full: &Value, at: &str) {
    match (small, full) {
        (Value::Object(s), Value::Object(f)) => {
            for (k, v) in s {
                let other = f.get(k).unwrap_or_else(|| panic!("{at}.{k} is not in the full report"));
                assert_projection(v, other, &format!("{at}.{k}"));
            }
        }
        (Value::Array(s), Value::Array(f)) => {
            assert_eq!(s.len(), f.len(), "{at}: lists differ in length");
            for (i, (a, b)) in s.iter().zip(f).enumerate() {
                assert_projection(a, b, &format!("{at}[{i}]"));
            }
        }
        _ => assert_eq!(small, full, "{at}"),
    }
}

#[test]
fn detail_full_brings_every_field_back() {
    let (standard, small) = json(&["fixtures/"]);
    let (full, big) = json(&["--detail", "full", "fixtures/"]);
    for (list, keys) in FULL_ONLY {
        for k in *keys {
            assert!(items(&full, list).iter().any(|i| i.get(k).is_some()), "--detail full: no {list}[].{k}");
        }
    }
    let cov = &full["comparison"]["coverage"][0];
    assert_eq!(cov["present"].as_array().map(Vec::len), cov["present_count"].as_u64().map(|n| n as usize));
    assert_projection(&standard, &full, "report");
    assert!(small * 10 < big * 7, "standard {small} bytes, full {big}");
    // `--detail standard` is the default.
    assert_eq!(json(&["--detail", "standard", "fixtures/"]).1, small);
}

#[test]
fn a_standard_report_is_a_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let last = dir.path().join("last.json");
    let o = analyze().args(["-q", "-f", "json", "-o"]).arg(&last).arg("fixtures/summit/").output().unwrap();
    assert!(o.status.success());
    let o = analyze()
        .args(["-q", "-f", "json", "--fail-on", "conflicts", "--baseline"])
        .arg(&last)
        .arg("fixtures/summit/")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "nothing is new against itself: {}", String::from_utf8_lossy(&o.stderr));
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    let changes = &r["changes"];
    assert_eq!(changes["new_conflicts"], Value::Array(vec![]));
    assert_eq!(changes["gone_single_source"], 0);
    assert!(r["articles"][0].get("blocks").is_none(), "the report with changes is standard too");
}

#[test]
fn detail_is_refused_where_it_would_be_ignored() {
    for format in ["text", "jsonl", "markdown"] {
        let o = analyze().args(["-q", "--detail", "full", "-f", format, "fixtures/summit/"]).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{format}");
        assert!(String::from_utf8_lossy(&o.stderr).contains("--detail"), "{format}");
    }
}
