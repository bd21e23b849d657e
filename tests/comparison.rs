//! End-to-end tests of the cross-source comparison on the fixtures, and of the
//! CI features built on it (`--fail-on`, `--baseline`, `--format github`).
//! The expected answers are listed in fixtures/README.md.

use assert_cmd::Command;
use serde_json::Value;

fn analyze() -> Command {
    let mut c = Command::cargo_bin("analyze").expect("binary built");
    c.env_remove("NO_COLOR").env("TERM", "dumb");
    c
}

fn report(dir: &str) -> Value {
    let out = analyze().args(["--format", "json", "-q", dir]).output().unwrap();
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

fn file_of(article: &str) -> &str {
    article.rsplit('/').next().unwrap_or(article)
}

/// Topics whose values include `needle`, as (value, files) pairs.
fn topic_values(list: &Value, pred: impl Fn(&Value) -> bool) -> Vec<Vec<(String, Vec<String>)>> {
    list.as_array()
        .unwrap()
        .iter()
        .filter(|t| pred(t))
        .map(|t| {
            t["values"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| {
                    let mut files: Vec<String> = v["articles"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|a| file_of(a.as_str().unwrap()).to_string())
                        .collect();
                    files.sort();
                    (v["value"].as_str().unwrap().to_string(), files)
                })
                .collect()
        })
        .collect()
}

fn has_value(t: &Value, f: impl Fn(&str) -> bool) -> bool {
    t["values"].as_array().unwrap().iter().any(|v| f(v["value"].as_str().unwrap()))
}

#[test]
fn summit_conflicts_are_the_real_ones() {
    let r = report("fixtures/summit/");
    let conflicts = &r["comparison"]["conflicts"];
    // Evacuees: 2,000 in 01, 03, 07 against 1,800 in 02.
    let evac = topic_values(conflicts, |t| has_value(t, |v| v.contains("1,800")));
    assert_eq!(evac.len(), 1, "one evacuation conflict: {conflicts:#}");
    let files_1800: Vec<_> = evac[0].iter().filter(|(v, _)| v.contains("1,800")).flat_map(|(_, f)| f.clone()).collect();
    let files_2000: Vec<_> = evac[0].iter().filter(|(v, _)| v.contains("2,000")).flat_map(|(_, f)| f.clone()).collect();
    assert_eq!(files_1800, ["02-eastwire-kyiv.txt"]);
    assert_eq!(files_2000, ["01-meridian-post.txt", "03-harbor-daily.txt", "07-eastwire-vienna.txt"]);
    // The fund: €450 million against €400 million.
    let fund = topic_values(conflicts, |t| has_value(t, |v| v.contains("400 million")));
    assert_eq!(fund.len(), 1);
    assert!(fund[0].iter().any(|(v, f)| v.contains("450 million") && f.contains(&"01-meridian-post.txt".to_string())));
    // 05 contradicts itself on damaged homes.
    let selfc: Vec<_> = conflicts.as_array().unwrap().iter().filter(|t| t["self_contradiction"] == true).collect();
    assert!(selfc.iter().any(|t| has_value(t, |v| v.contains("3,400"))), "{conflicts:#}");
    // Every conflict carries evidence spans and a confidence.
    for t in conflicts.as_array().unwrap() {
        assert!(t["confidence"].as_f64().unwrap() > 0.0);
        for v in t["values"].as_array().unwrap() {
            assert!(!v["evidence"].as_array().unwrap().is_empty(), "{t:#}");
        }
    }
}

#[test]
fn summit_never_conflicts_on_unrelated_or_qualified_numbers() {
    let r = report("fixtures/summit/");
    for t in r["comparison"]["conflicts"].as_array().unwrap() {
        let values: Vec<&str> = t["values"].as_array().unwrap().iter().map(|v| v["value"].as_str().unwrap()).collect();
        let joined = values.join(" | ");
        // Original 12-point plan vs amended nine-point plan.
        assert!(!(joined.contains("12") && joined.contains('9')), "plan sizes compared: {t:#}");
        // A three-hour meeting vs a two-hour delay; three days vs three hours.
        assert!(!(joined.contains("3 hours") && joined.contains("2 hours")), "durations compared: {t:#}");
        // This year's budget vs last year's.
        assert!(!(joined.contains("30 million") && joined.contains("22 million")), "budgets compared: {t:#}");
        // 40,000 affected vs 1,200 km2 or 2,000 tonnes.
        assert!(!joined.contains("40,000"), "{t:#}");
        assert!(!joined.contains("tonnes"), "{t:#}");
        // Ages, years and clock times are not counts.
        for bad in ["54", "67", "9:30", "2024", "2019"] {
            assert!(!values.iter().any(|v| v.trim() == bad), "non-count {bad} compared: {t:#}");
        }
    }
}

#[test]
fn summit_agreements_include_the_summit_length() {
    let r = report("fixtures/summit/");
    let agreements = r["comparison"]["agreements"].as_array().unwrap();
    // values read as the articles write them ("three days", "about 3 hours")
    let three_days = agreements.iter().find(|t| has_value(t, |v| v.contains("3 days") || v.contains("three days")));
    assert!(three_days.is_some(), "three-day summit agreed");
}

#[test]
#[ignore = "the frames link 'lasted close to three hours' with 'ran for some three hours' but not yet with 'a nearly three-hour meeting' or 'three-hour talks', which have no verb (issue 12)"]
fn summit_final_session_length_agrees_across_four_wordings() {
    let r = report("fixtures/summit/");
    let agreements = r["comparison"]["agreements"].as_array().unwrap();
    let three_hours = agreements
        .iter()
        .find(|t| has_value(t, |v| v.contains("3 hours") || v.contains("three hours")))
        .expect("three hours agreed");
    let n: usize =
        three_hours["values"].as_array().unwrap().iter().map(|v| v["articles"].as_array().unwrap().len()).sum();
    assert!(n >= 3, "approximations agree: close to / some / nearly / three-hour: {three_hours:#}");
}

#[test]
fn names_are_merged_across_spellings_and_namesakes_kept_apart() {
    let r = report("fixtures/summit/");
    let ents = r["entities"].as_array().unwrap();
    let find = |form: &str| {
        ents.iter()
            .filter(|e| e["name"] == form || e["aliases"].as_array().unwrap().iter().any(|a| a == form))
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(find("Sergei Volkov"), find("Sergey Volkov"));
    assert_eq!(find("Sergei Volkov").len(), 1);
    assert_eq!(find("Aleksandr Hrytsenko"), find("Alexander Hrytsenko"));
    assert_eq!(find("Kharkiv"), find("Kharkov"));
    assert_eq!(find("Odesa"), find("Odessa"));
    assert_eq!(find("United States"), find("US"));
    assert_ne!(find("Daniel Okafor"), find("Grace Okafor"), "father and daughter stay apart");
    let variants = r["comparison"]["name_variants"].as_array().unwrap();
    assert!(variants.iter().any(|v| v["name"].as_str().unwrap().contains("Volkov")));
}

#[test]
fn two_stories_are_never_compared_with_each_other() {
    let r = report("fixtures/mixed/");
    let stories = r["comparison"]["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2, "{stories:?}");
    let story_of = |file: &str| {
        stories
            .iter()
            .find(|s| s["articles"].as_array().unwrap().iter().any(|a| a.as_str().unwrap().ends_with(file)))
            .map(|s| s["id"].clone())
    };
    assert_eq!(story_of("porto-atlantic-gazette.txt"), story_of("porto-iberia-today.txt"));
    assert_ne!(story_of("porto-atlantic-gazette.txt"), story_of("01-meridian-post.txt"));
    for key in ["agreements", "conflicts"] {
        for t in r["comparison"][key].as_array().unwrap() {
            let arts: Vec<&str> = t["values"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|v| v["articles"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()))
                .collect();
            let porto = arts.iter().filter(|a| a.contains("porto")).count();
            assert!(porto == 0 || porto == arts.len(), "{key} mixes stories: {t:#}");
        }
    }
}

#[test]
fn the_same_kind_of_event_months_apart_is_two_stories() {
    let r = report("fixtures/recurrence/");
    let mut stories: Vec<Vec<&str>> = r["comparison"]["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["articles"].as_array().unwrap().iter().map(|a| file_of(a.as_str().unwrap())).collect())
        .collect();
    for s in &mut stories {
        s.sort_unstable();
    }
    stories.sort();
    assert_eq!(
        stories,
        [
            vec!["01-lakeside-herald-march.txt", "02-coastal-courier-march.txt", "03-valley-post-march.txt"],
            vec!["04-lakeside-herald-october.txt", "05-coastal-courier-october.txt", "06-valley-post-october.txt"],
            vec!["07-harbour-times-strike.txt", "08-harbour-times-strike-2.txt"],
        ]
    );
    let conflicts = r["comparison"]["conflicts"].as_array().unwrap();
    assert!(conflicts.is_empty(), "the two quakes were compared: {conflicts:#?}");
    // The dateline "Oct. 9" takes the year of its own story, not of the
    // strike's 2025-10-09 that lies nearest in the corpus.
    let art = r["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"].as_str().unwrap().ends_with("05-coastal-courier-october.txt"))
        .unwrap();
    assert_eq!(art["published"], "2024-10-09");
    assert_eq!(art["published_source"], "inferred");
}

#[test]
fn syndicated_copies_are_flagged_and_count_once() {
    let r = report("fixtures/syndicated/");
    let groups = r["comparison"]["syndication"].as_array().unwrap();
    assert_eq!(groups.len(), 1, "{groups:?}");
    let g = &groups[0];
    let mut members: Vec<&str> = vec![file_of(g["original"].as_str().unwrap())];
    members.extend(g["copies"].as_array().unwrap().iter().map(|c| file_of(c.as_str().unwrap())));
    members.sort();
    assert_eq!(members, ["01-eastwire-original.txt", "02-northgate-times-reprint.txt"]);
    for t in r["comparison"]["agreements"].as_array().unwrap() {
        let arts: std::collections::BTreeSet<&str> = t["values"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|v| v["articles"].as_array().unwrap().iter().map(|a| file_of(a.as_str().unwrap())))
            .collect();
        if arts.contains("01-eastwire-original.txt") && arts.contains("02-northgate-times-reprint.txt") {
            assert!(t["independent_sources"].as_u64().unwrap() < arts.len() as u64, "copies counted twice: {t:#}");
        }
    }
}

#[test]
fn text_report_names_the_copies() {
    let out = analyze().args(["-q", "fixtures/syndicated/"]).output().unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("Copies counted as one source (1)"), "{s}");
    assert!(s.contains("01-eastwire-original.txt ← 02-northgate-times-reprint.txt"), "{s}");
}

#[test]
fn fail_on_conflicts_sets_exit_code_1() {
    analyze().args(["-q", "--fail-on", "conflicts", "fixtures/summit/"]).assert().code(1);
    analyze().args(["-q", "fixtures/summit/"]).assert().code(0);
}

#[test]
fn baseline_marks_what_changed_in_a_full_report() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.json");
    // Baseline: the summit without the article that reports 1,800 evacuees.
    let subset = dir.path().join("subset");
    std::fs::create_dir(&subset).unwrap();
    for f in ["01-meridian-post.txt", "03-harbor-daily.txt", "07-eastwire-vienna.txt"] {
        std::fs::copy(format!("fixtures/summit/{f}"), subset.join(f)).unwrap();
    }
    let out = analyze().args(["--format", "json", "-q"]).arg(&subset).output().unwrap();
    std::fs::write(&base, &out.stdout).unwrap();
    // Same corpus as the baseline: nothing new, --fail-on passes.
    analyze().args(["-q", "--fail-on", "conflicts", "--baseline"]).arg(&base).arg(&subset).assert().code(0);
    // Add the 1,800 article: a new conflict fails the run and is shown.
    std::fs::copy("fixtures/summit/02-eastwire-kyiv.txt", subset.join("02-eastwire-kyiv.txt")).unwrap();
    let out = analyze()
        .args(["-q", "--format", "json", "--fail-on", "conflicts", "--baseline"])
        .arg(&base)
        .arg(&subset)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let new = r["changes"]["new_conflicts"].to_string();
    assert!(new.contains("1,800"), "the new conflict is listed as new: {new}");
    assert_eq!(
        r["changes"]["new_articles"],
        serde_json::json!([subset.join("02-eastwire-kyiv.txt").to_string_lossy()])
    );
    let all = r["comparison"]["conflicts"].as_array().unwrap();
    assert!(all.iter().any(|c| c.to_string().contains("1,800")), "the full report lists it too");
    assert_eq!(r["summary"]["conflicts"].as_u64(), Some(all.len() as u64));
    let t = analyze().args(["-q", "--baseline"]).arg(&base).arg(&subset).output().unwrap();
    let t = String::from_utf8(t.stdout).unwrap();
    assert!(t.contains("1,800"), "{t}");
    assert!(t.contains("(new since the baseline)"), "{t}");
}

#[test]
fn github_annotations_point_at_file_and_line() {
    let out = analyze().args(["--format", "github", "-q", "fixtures/summit/"]).output().unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    let warning =
        s.lines().find(|l| l.starts_with("::warning file=") && l.contains("1,800")).expect("a conflict annotation");
    assert!(warning.contains("02-eastwire-kyiv.txt,line=1,"), "{warning}");
}

#[test]
fn text_report_leads_with_the_comparison() {
    let out = analyze().args(["-q", "fixtures/summit/"]).output().unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    let first = s.lines().next().unwrap();
    assert!(first.contains("8 articles") && first.contains("conflict"), "{first}");
    let conflicts = s.find("Conflicts (").expect("conflict section");
    let articles = s.find("Articles (").unwrap();
    assert!(conflicts < articles);
    assert!(s.contains("02-eastwire-kyiv.txt:1:"), "evidence carries file:line:col");
}

#[test]
fn shared_quotes_are_matched_with_variants_and_speaker_conflicts() {
    let r = report("fixtures/summit/");
    let matches = r["comparison"]["quote_matches"].as_array().unwrap();
    let progress = matches
        .iter()
        .find(|m| {
            m["variants"].as_array().unwrap().iter().any(|v| v["text"].as_str().unwrap().contains("real progress"))
        })
        .expect("the Marchuk quote is matched across sources");
    assert_eq!(progress["speaker_name"], "Olena Marchuk");
    assert_eq!(progress["speaker_conflict"], false);
    let variants = progress["variants"].as_array().unwrap();
    let verbatim = variants.iter().find(|v| v["text"].as_str().unwrap().starts_with("We have made real")).unwrap();
    let files: Vec<&str> =
        verbatim["articles"].as_array().unwrap().iter().map(|a| file_of(a.as_str().unwrap())).collect();
    assert_eq!(files, ["01-meridian-post.txt", "03-harbor-daily.txt", "07-eastwire-vienna.txt"]);
    let some = variants.iter().find(|v| v["text"].as_str().unwrap().contains("made some real")).expect("05's variant");
    assert_eq!(some["differs"], serde_json::json!(["some"]), "the inserted word is highlighted");
    assert!(
        variants
            .iter()
            .any(|v| v["text"].as_str().unwrap().trim_end_matches('.') == "the water does not wait for diplomats"),
        "04's partial quote is contained in the full one"
    );
    // Volkov in 02 and 03, Hrytsenko in 05: the same words, different speakers.
    let border = matches
        .iter()
        .find(|m| m["variants"][0]["text"].as_str().unwrap().starts_with("No country can rebuild"))
        .expect("the border quote is matched");
    assert_eq!(border["speaker_conflict"], true);
    assert_eq!(border["speakers"].as_array().unwrap().len(), 2);
}

#[test]
fn quake_frames_convert_units_and_keep_parts_and_open_figures_apart() {
    let r = report("fixtures/quake/");
    let conflicts = &r["comparison"]["conflicts"];
    let agreements = &r["comparison"]["agreements"];
    // "a 6.3-magnitude earthquake" / "a magnitude of 5.8" / "had a magnitude of 6.3"
    let mag = topic_values(conflicts, |t| t["topic"].as_str().is_some_and(|s| s.contains("magnitude")));
    assert_eq!(mag.len(), 1, "{conflicts:#}");
    assert!(mag[0].iter().any(|(v, f)| v.contains("5.8") && f == &["02-coastal-wire.txt".to_string()]));
    // 900 km and about 560 miles are one distance
    let dist = topic_values(agreements, |t| t["topic"].as_str().is_some_and(|s| s.starts_with("distance south")));
    assert!(
        dist.iter().any(|vals| vals.iter().any(|(_, f)| f.contains(&"02-coastal-wire.txt".to_string()))),
        "{agreements:#}"
    );
    for t in conflicts.as_array().unwrap() {
        let joined: Vec<&str> = t["values"].as_array().unwrap().iter().map(|v| v["value"].as_str().unwrap()).collect();
        let joined = joined.join(" | ");
        // 25 houses in one hamlet are a part of 300 across the province
        assert!(!(joined.contains("Twenty-five") || joined.contains("300")), "part against whole: {t:#}");
        // a quake of 2019 is background
        assert!(!joined.contains("7.0"), "background event compared: {t:#}");
    }
    // police and organisers give different crowd sizes: a conflict that keeps who said what
    let crowd: Vec<&Value> =
        conflicts.as_array().unwrap().iter().filter(|t| has_value(t, |v| v.contains("60,000"))).collect();
    assert_eq!(crowd.len(), 1, "{conflicts:#}");
    let sources: Vec<&str> = crowd[0]["values"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|v| v["sources"].as_array().unwrap())
        .filter_map(Value::as_str)
        .collect();
    assert!(sources.contains(&"Police") && sources.contains(&"Organisers"), "{:#}", crowd[0]);
    assert_eq!(crowd[0]["nature"], "disagreement");
    // "at least 40 injured" and "more than 250 injured" never agree
    for t in agreements.as_array().unwrap() {
        let vals: Vec<&str> = t["values"].as_array().unwrap().iter().map(|v| v["value"].as_str().unwrap()).collect();
        assert!(!vals.iter().any(|v| v.contains("40") && !v.contains("40,")), "open figure agreed: {t:#}");
    }
}
