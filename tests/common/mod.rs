//! Helpers shared by the integration tests.

use serde_json::Value;
use std::collections::HashMap;

/// Decode the file bytes of a span the way the reader decoded the file: by its
/// encoding, with invalid sequences as U+FFFD. Control characters stay: the
/// extractors saw spaces in their place, but an item's text is the file's.
pub fn file_text(bytes: &[u8], start: usize, end: usize, encoding: &str) -> String {
    let slice = &bytes[start..end];
    let decoded = match encoding {
        "windows-1252" => encoding_rs::WINDOWS_1252.decode_without_bom_handling(slice).0,
        "utf-16le" => encoding_rs::UTF_16LE.decode_without_bom_handling(slice).0,
        "utf-16be" => encoding_rs::UTF_16BE.decode_without_bom_handling(slice).0,
        _ => String::from_utf8_lossy(slice),
    };
    decoded.into_owned()
}

/// Every object with start/end/text in the report must match the file.
pub fn check_spans(v: &Value, article: Option<&str>, files: &HashMap<String, (Vec<u8>, String)>, checked: &mut usize) {
    match v {
        Value::Object(m) => {
            let art = m.get("article").and_then(Value::as_str).or(article);
            if let (Some(s), Some(e), Some(Value::String(t)), Some(a)) =
                (m.get("start").and_then(Value::as_u64), m.get("end").and_then(Value::as_u64), m.get("text"), art)
            {
                let (bytes, encoding) = &files[a];
                let (s, e) = (s as usize, e as usize);
                assert!(s <= e && e <= bytes.len(), "{a}: span {s}..{e} out of range");
                assert_eq!(&file_text(bytes, s, e, encoding), t, "{a}: text at {s}..{e} differs from the file");
                // Where the file's bytes are UTF-8, the text is those very bytes.
                if encoding.starts_with("utf-8")
                    && let Ok(raw) = std::str::from_utf8(&bytes[s..e])
                {
                    assert_eq!(raw, t, "{a}: a clean UTF-8 span is the file's bytes");
                }
                *checked += 1;
            }
            for (k, x) in m {
                if k != "text" {
                    check_spans(x, art, files, checked);
                }
            }
        }
        Value::Array(xs) => xs.iter().for_each(|x| check_spans(x, article, files, checked)),
        _ => {}
    }
}
