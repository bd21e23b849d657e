//! Dates, quantities and claims on the fixtures, checked through the JSON
//! report as a `jq` user would read them.

use assert_cmd::Command;
use serde_json::Value;

/// The full report: anchors, what a quantity counts and who asserts a claim
/// are extraction detail (`--detail full`).
fn report(dir: &str) -> Value {
    let out = Command::cargo_bin("analyze")
        .unwrap()
        .args(["--format", "json", "--detail", "full", "-q", dir])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

fn dates_in<'a>(r: &'a Value, file: &str) -> Vec<&'a Value> {
    r["dates"].as_array().unwrap().iter().filter(|d| d["article"].as_str().unwrap().ends_with(file)).collect()
}

#[test]
fn relative_dates_resolve_on_each_articles_anchor() {
    let r = report("fixtures/summit/");
    let find = |file: &str, text: &str| {
        dates_in(&r, file)
            .into_iter()
            .find(|d| d["text"] == text)
            .unwrap_or_else(|| panic!("{file}: no {text:?}"))
            .clone()
    };
    // 01 is dated 2025-03-14 by its header: "yesterday" is the 13th.
    let y = find("01-meridian-post.txt", "yesterday");
    assert_eq!((y["value"].as_str(), y["anchor"].as_str()), (Some("2025-03-13"), Some("published")));
    // "scheduled for 9:30 a.m. on Tuesday, was delayed": the Tuesday before, with its time.
    assert_eq!(find("01-meridian-post.txt", "9:30 a.m. on Tuesday")["value"], "2025-03-11T09:30");
    // 02's dateline has no year; the corpus gives 2025, so its dates rest on an inferred anchor.
    let w = find("02-eastwire-kyiv.txt", "Wednesday");
    assert_eq!((w["value"].as_str(), w["anchor"].as_str()), (Some("2025-03-12"), Some("inferred")));
    // 07 has no date at all: relative values stay null.
    let t = find("07-eastwire-vienna.txt", "Tuesday");
    assert_eq!((t["value"].clone(), t["anchor"].as_str()), (Value::Null, Some("none")));
    // Absolute expressions need no anchor.
    assert!(dates_in(&r, "07-eastwire-vienna.txt").iter().any(|d| d["anchor"] == "absolute" && d["value"].is_string()));
}

#[test]
fn quantities_say_what_they_count_and_skip_non_counts() {
    let r = report("fixtures/summit/");
    let qs: Vec<&Value> =
        r["claims"].as_array().unwrap().iter().flat_map(|c| c["quantities"].as_array().unwrap()).collect();
    let has = |text: &str, value: f64, unit: Option<&str>, counts: Option<&str>| {
        qs.iter().any(|q| {
            q["text"] == text
                && q["value"].as_f64() == Some(value)
                && q["unit"].as_str() == unit
                && (counts.is_none() || q["counts"].as_str() == counts)
        })
    };
    assert!(has("three-day", 3.0, Some("day"), Some("summit")), "hyphenated compound");
    assert!(has("€450 million", 450e6, Some("EUR"), None), "money");
    assert!(qs.iter().any(|q| q["text"].as_str().unwrap().contains("1,500 to 2,000") && q["high"] == 2000.0), "range");
    assert!(qs.iter().any(|q| q["text"] == "close to three hours" && q["approx"] != "exact"), "approximation");
    assert!(
        qs.iter().any(|q| q["counts"] == "plan" && q["qualifiers"].as_array().unwrap().iter().any(|x| x == "revised"))
    );
    for q in &qs {
        let t = q["text"].as_str().unwrap();
        assert!(!["54", "67", "9:30", "2019", "2024"].contains(&t), "not a count: {q}");
    }
}

#[test]
fn claims_carry_who_asserts_them_and_citations_link_outlets() {
    let r = report("fixtures/summit/");
    let claims = r["claims"].as_array().unwrap();
    assert!(claims.iter().any(|c| c["asserted_by"]["kind"] == "article"));
    assert!(
        claims.iter().any(|c| c["asserted_by"]["kind"] == "attributed" && c["asserted_by"]["name"] == "Olena Marchuk")
    );
    let cites = r["comparison"]["citations"].as_array().unwrap();
    assert!(
        cites
            .iter()
            .any(|c| c["outlet"] == "Eastwire" && c["article"].as_str().unwrap().ends_with("01-meridian-post.txt"))
    );
    assert!(cites.iter().any(|c| c["outlet"] == "The Meridian Post"));
}
