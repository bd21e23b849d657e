//! `--format html` in a real browser: headless Chromium (Debian's
//! `chromium`) loads the page of the fixtures' report, its DOM must hold
//! every section, and a screenshot is kept in `target/html-report.png`.
//!
//! Without Chromium the browser part is skipped with a note, unless
//! `ANALYZE_REQUIRE_CHROMIUM=1` (set by `.ci/run`, which installs it).

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn chromium() -> Option<PathBuf> {
    let names = ["chromium", "chromium-browser", "google-chrome"];
    let from_env = std::env::var_os("CHROMIUM").map(PathBuf::from);
    let path = std::env::var_os("PATH").unwrap_or_default();
    from_env
        .into_iter()
        .chain(std::env::split_paths(&path).flat_map(|d| names.map(|n| d.join(n))))
        .find(|p| p.is_file())
}

#[test]
fn html_report_renders_in_headless_chromium() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("report.html");
    let out = Command::cargo_bin("analyze")
        .expect("binary")
        .args(["-q", "--format", "html", "--output"])
        .arg(&page)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/summit"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = std::fs::read_to_string(&page).expect("page written");
    assert!(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"), "self-contained");
    assert!(html.contains("<mark>1,800</mark>"), "the differing value is marked");

    let Some(browser) = chromium() else {
        assert!(std::env::var_os("ANALYZE_REQUIRE_CHROMIUM").is_none(), "Chromium is required but not installed");
        eprintln!("note: no chromium on PATH; the browser check is skipped");
        return;
    };
    let profile = dir.path().join("profile");
    let run = |extra: &[&str]| {
        std::process::Command::new(&browser)
            .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--window-size=1280,2400"])
            .arg(format!("--user-data-dir={}", profile.display()))
            .args(extra)
            .arg(format!("file://{}", page.display()))
            .output()
            .expect("chromium runs")
    };
    let dom = run(&["--dump-dom"]);
    assert!(dom.status.success(), "{}", String::from_utf8_lossy(&dom.stderr));
    let dom = String::from_utf8_lossy(&dom.stdout);
    for id in ["conflicts", "agreements", "quotes", "coverage", "timeline"] {
        assert!(dom.contains(&format!("<section id=\"{id}\">")), "the browser's DOM lacks the {id} section");
    }
    assert!(dom.contains("Conflicts (") && dom.contains("Olena Marchuk"), "content is in the page");
    let shot = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/html-report.png");
    let taken = run(&[&format!("--screenshot={}", shot.display())]);
    assert!(taken.status.success(), "{}", String::from_utf8_lossy(&taken.stderr));
    let png = std::fs::read(&shot).expect("screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 20_000, "a screenshot with content ({} bytes)", png.len());
}
