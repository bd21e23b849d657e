//! Properties of the per-article pipeline on random and mutated news-like
//! input: no panic, and every span of the record is on character boundaries
//! of the file and carries the text of the file's bytes there.
//!
//! `PROPTEST_CASES=20000 cargo test --release --test robust` for a long run.

mod common;

use analyze::{pipeline, read};
use proptest::prelude::*;
use std::collections::HashMap;

/// Pieces of news text, with the shapes that trouble the rules: quotes of
/// every kind, datelines, numbers, titles, stray bytes, controls, long runs.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"KELSO, March 9 \xE2\x80\x94 ".to_vec()),
        Just(b"The council said on Tuesday that 1,200 homes were flooded. ".to_vec()),
        Just("\u{201c}We will rebuild,\u{201d} said Mara Quint, the mayor. ".as_bytes().to_vec()),
        Just(b"\"It was late,\" she added. ".to_vec()),
        Just(b"'scare' ".to_vec()),
        Just("\u{20ac}45 million ".as_bytes().to_vec()),
        Just(b"Mr. Reyl of the U.S. agency, 54, ".to_vec()),
        Just(b"about 3,100 to 3,400 ".to_vec()),
        Just(b"last year ".to_vec()),
        Just(b"\n\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b" date 2025-03-14 ".to_vec()),
        Just(b"Published: 2025-03-13\n".to_vec()),
        Just(b"\x93curly\x94 ".to_vec()),
        Just(b"\x1b[1m".to_vec()),
        Just(vec![0]),
        Just(vec![0xC2, 0x85]),
        Just(vec![0xE2, 0x80]),
        Just("\u{202e}".as_bytes().to_vec()),
        Just(b", ".repeat(50)),
        Just(b"9 ".repeat(40)),
        any::<u8>().prop_map(|b| vec![b]),
    ]
}

fn article() -> impl Strategy<Value = Vec<u8>> {
    let plain = proptest::collection::vec(piece(), 1..60).prop_map(|v| v.concat());
    // Some as UTF-16 with a byte order mark.
    (plain, any::<u8>()).prop_map(|(raw, pick)| {
        if pick % 8 != 0 {
            return raw;
        }
        let text = String::from_utf8_lossy(&raw);
        let mut out = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            out.extend_from_slice(&u.to_le_bytes());
        }
        out
    })
}

fn check(raw: Vec<u8>) -> Result<(), TestCaseError> {
    let Ok((decoded, warning)) = read::decode("a.txt", raw.clone()) else { return Ok(()) };
    let record = pipeline::extract_decoded("a.txt", decoded, warning);
    let v = serde_json::to_value(&record).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let encoding = v["article"]["encoding"].as_str().unwrap_or("utf-8").to_string();
    let files = HashMap::from([("a.txt".to_string(), (raw, encoding))]);
    let mut checked = 0;
    // check_spans panics with the span that is wrong; proptest shrinks on panics too.
    common::check_spans(&v, Some("a.txt"), &files, &mut checked);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300),
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_span_of_a_record_is_the_file_text(raw in article()) {
        check(raw)?;
    }
}

/// The property above would pass vacuously if records had no spans.
#[test]
fn the_check_sees_the_spans_of_a_plain_article() {
    let raw = "KELSO, March 9 \u{2014} The council said on Tuesday that 1,200 homes were flooded. \
               \u{201c}We will rebuild,\u{201d} said Mara Quint, the mayor.\n"
        .as_bytes()
        .to_vec();
    let (decoded, warning) = read::decode("a.txt", raw.clone()).expect("an article");
    let v = serde_json::to_value(pipeline::extract_decoded("a.txt", decoded, warning)).expect("JSON");
    let files = HashMap::from([("a.txt".to_string(), (raw, "utf-8".to_string()))]);
    let mut checked = 0;
    common::check_spans(&v, Some("a.txt"), &files, &mut checked);
    assert!(checked >= 5, "only {checked} spans");
}
