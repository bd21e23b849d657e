//! Scraper output (news-please and trafilatura records) as input, from files
//! and from standard input. The records are invented for this test.

use assert_cmd::Command;
use serde_json::{Value, json};

fn analyze() -> Command {
    let mut c = Command::cargo_bin("analyze").expect("binary built");
    c.env_remove("NO_COLOR").env("TERM", "dumb");
    c
}

/// Three reports of one flood, as news-please writes them (one per line).
fn news_please() -> Vec<Value> {
    vec![
        json!({"title": "River Tamsin bursts its banks in Brackwell", "date_publish": "2026-04-02 08:15:00",
               "source_domain": "brackwell-echo.example", "url": "https://brackwell-echo.example/flood",
               "maintext": "About 2,000 people were evacuated from the lower town of Brackwell on Tuesday after the River Tamsin rose overnight, the county council said.\n\nIlse Varga, the council's emergency officer, said crews had closed three bridges across the Tamsin. \"We moved everyone before midnight,\" Varga said."}),
        json!({"title": "Brackwell evacuates lower town", "date_publish": "2026-04-02T11:00:00+01:00",
               "source_domain": "tamsin-valley.example",
               "maintext": "Some 2,000 residents were evacuated from the lower town of Brackwell on Tuesday, according to the county council, as the River Tamsin flooded streets near the quay.\n\nIlse Varga, who leads the council's emergency team, said three bridges were shut yesterday."}),
        json!({"title": "Tamsin flood: fewer evacuated than first thought", "date_publish": "2026-04-03 07:00:00",
               "source_domain": "county-wire.example",
               "maintext": "Only 1,700 people were evacuated from the lower town of Brackwell on Tuesday, the county council said on Wednesday, after the River Tamsin flooded the quay.\n\nIlse Varga, the council's emergency officer, said the figure came from the shelters' registers."}),
    ]
}

fn jsonl(records: &[Value]) -> String {
    records.iter().map(|r| format!("{r}\n")).collect()
}

#[test]
fn scraper_jsonl_on_stdin_gives_dated_articles() {
    let input = jsonl(&news_please());
    let out = analyze().args(["-q", "-f", "json", "-"]).write_stdin(input).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let arts = r["articles"].as_array().expect("articles");
    assert_eq!(arts.len(), 3);
    let days: Vec<&str> = arts.iter().map(|a| a["published"].as_str().expect("dated")).collect();
    assert_eq!(days, ["2026-04-02", "2026-04-02", "2026-04-03"]);
    assert!(arts.iter().all(|a| a["published_source"] == "record"));
    assert_eq!(arts[0]["id"], "-#1");
    assert_eq!(arts[0]["outlet"], "brackwell-echo.example");
    assert_eq!(arts[2]["headline"], "Tamsin flood: fewer evacuated than first thought");
    // "yesterday" in the second record resolves against the record's date.
    let dates = r["dates"].as_array().expect("dates");
    let yesterday = dates.iter().find(|d| d["text"] == "yesterday").expect("a relative date");
    assert_eq!(yesterday["value"], "2026-04-01");
    // The conflict between the records is found.
    let conflicts = r["comparison"]["conflicts"].to_string();
    assert!(conflicts.contains("1,700"), "{conflicts}");
}

/// Offsets are into the record's text field.
#[test]
fn offsets_point_into_the_text_field() {
    let records = news_please();
    let out = analyze().args(["-q", "-f", "json", "-"]).write_stdin(jsonl(&records)).output().expect("runs");
    let r: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut checked = 0;
    for key in ["claims", "quotes", "dates"] {
        for item in r[key].as_array().expect("list") {
            let n: usize = item["article"]
                .as_str()
                .and_then(|a| a.strip_prefix("-#"))
                .and_then(|n| n.parse().ok())
                .expect("record id");
            let text = records[n - 1]["maintext"].as_str().expect("text");
            let (s, e) = (item["start"].as_u64().expect("start") as usize, item["end"].as_u64().expect("end") as usize);
            if key == "quotes" {
                assert!(text[s..e].contains(item["text"].as_str().expect("text")));
            } else {
                assert_eq!(&text[s..e], item["text"].as_str().expect("text"), "{key} at {s}..{e}");
            }
            checked += 1;
        }
    }
    assert!(checked > 5, "only {checked} spans");
}

#[test]
fn scraper_files_in_a_folder_and_the_map_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let recs = news_please();
    std::fs::write(dir.path().join("day1.jsonl"), jsonl(&recs[..2])).expect("write");
    // trafilatura's JSON: `text`, `date`, `sitename`; one record per file.
    let traf = json!({"title": "Tamsin count revised", "text": recs[2]["maintext"], "date": "2026-04-03",
                      "sitename": "County Wire", "source": "https://county-wire.example/count"});
    std::fs::write(dir.path().join("count.json"), traf.to_string()).expect("write");
    std::fs::write(dir.path().join("broken.json"), "{not json").expect("write");
    let out = analyze().args(["-f", "json"]).arg(dir.path()).output().expect("runs");
    assert!(out.status.success());
    let r: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(r["summary"]["articles"], 3);
    assert_eq!(r["summary"]["skipped_files"], 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.json: not JSON"), "{err}");
    let outlets: Vec<&str> =
        r["articles"].as_array().expect("list").iter().filter_map(|a| a["outlet"].as_str()).collect();
    assert!(outlets.contains(&"County Wire"), "{outlets:?}");
    // The map step reads records too; reduce equals one-shot.
    let map = analyze().args(["-q", "-f", "jsonl"]).arg(dir.path()).output().expect("runs");
    let reduce = analyze().args(["compare", "-q", "-f", "json"]).write_stdin(map.stdout).output().expect("runs");
    let oneshot = analyze().args(["-q", "-f", "json"]).arg(dir.path()).output().expect("runs");
    assert_eq!(reduce.stdout, oneshot.stdout);
}
