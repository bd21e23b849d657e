//! Scraper input (news-please / trafilatura JSON and JSON Lines): any bytes
//! parse to records or warnings, and each record extracts with spans into
//! its text field.
#![no_main]
use analyze::model::{TextEncoding, WarningKind};
use analyze::{pipeline, scraper};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lines = data.first().is_some_and(|b| b & 1 == 1);
    let (records, _) = scraper::parse("f.jsonl", data, lines);
    let _ = scraper::sniff(data);
    for r in records.into_iter().take(8) {
        let raw = r.text.clone().into_bytes();
        match pipeline::extract_given(&r.id, r.text, &r.meta, None) {
            pipeline::Extracted::Article(rec) => {
                let v = serde_json::to_value(&rec).expect("a record serializes");
                let text = String::from_utf8_lossy(&raw);
                let bounds = text.char_indices().map(|(i, _)| i).chain([raw.len()]).collect();
                analyze_fuzz::check_spans(&v, &raw, TextEncoding::Utf8, &bounds);
            }
            pipeline::Extracted::Skipped(w) => assert!(w.kind != WarningKind::Other, "{}", w.message),
        }
    }
});
