//! Invariants the fuzz targets check beyond "no panic". Each function panics
//! with the offending span, which libFuzzer records as a crash.

use analyze::model::TextEncoding;
use analyze::read::{self, Decoded};
use serde_json::Value;
use std::collections::BTreeSet;

/// The file bytes of a span decoded the way the reader decodes the file,
/// control characters kept: an item's text.
pub fn file_text(raw: &[u8], start: usize, end: usize, encoding: TextEncoding) -> String {
    let slice = &raw[start..end];
    let s = match encoding {
        TextEncoding::Windows1252 => encoding_rs::WINDOWS_1252.decode_without_bom_handling(slice).0,
        TextEncoding::Utf16Le => encoding_rs::UTF_16LE.decode_without_bom_handling(slice).0,
        TextEncoding::Utf16Be => encoding_rs::UTF_16BE.decode_without_bom_handling(slice).0,
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => String::from_utf8_lossy(slice),
    };
    s.into_owned()
}

/// [`file_text`] as the extractors see it: control characters as the
/// same-length spaces the reader puts in their place.
pub fn analysed_text(raw: &[u8], start: usize, end: usize, encoding: TextEncoding) -> String {
    file_text(raw, start, end, encoding)
        .chars()
        .map(|c| if c.is_control() && !matches!(c, '\t' | '\n' | '\r') { read::control_replacement(c) } else { c })
        .collect()
}

/// The reader's promise: the offset map is monotone, inside the file, ends at
/// the file's end, and every character maps back to bytes that decode to it.
/// Returns the file offsets of the decoded text's character boundaries.
pub fn check_decoded(raw: &[u8], d: &Decoded) -> BTreeSet<usize> {
    let mut bounds = BTreeSet::new();
    let mut last = 0;
    for (i, c) in d.text.char_indices() {
        let (a, b) = (d.map.to_file(i), d.map.to_file(i + c.len_utf8()));
        assert!(a >= last && a <= b && b <= raw.len(), "char {i} maps to {a}..{b} (file {} bytes)", raw.len());
        last = a;
        bounds.insert(a);
        if c != '\u{FFFD}' {
            assert_eq!(analysed_text(raw, a, b, d.encoding), c.to_string(), "char {i} ({:?})", d.encoding);
        }
    }
    assert_eq!(d.map.to_file(d.text.len()), raw.len(), "the text's end is not the file's end");
    bounds.insert(raw.len());
    assert!(!d.text.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')), "a control char survived");
    bounds
}

/// Every object with `start`, `end` and `text` in `v`: inside the file, on
/// character boundaries of the decoded file, and its text is the file's text
/// there. Returns how many spans were checked.
pub fn check_spans(v: &Value, raw: &[u8], encoding: TextEncoding, bounds: &BTreeSet<usize>) -> usize {
    let mut n = 0;
    walk(v, &mut |m| {
        let (Some(s), Some(e), Some(Value::String(t))) =
            (m.get("start").and_then(Value::as_u64), m.get("end").and_then(Value::as_u64), m.get("text"))
        else {
            return;
        };
        let (s, e) = (s as usize, e as usize);
        assert!(s <= e && e <= raw.len(), "span {s}..{e} outside the {}-byte file", raw.len());
        assert!(bounds.contains(&s) && bounds.contains(&e), "span {s}..{e} ({t:?}) cuts a character");
        assert_eq!(&file_text(raw, s, e, encoding), t, "text at {s}..{e} differs from the file");
        n += 1;
    });
    // Offsets without text (paragraph blocks) are still inside the file and on boundaries.
    walk(v, &mut |m| {
        if let (Some(s), Some(e)) = (m.get("start").and_then(Value::as_u64), m.get("end").and_then(Value::as_u64)) {
            let (s, e) = (s as usize, e as usize);
            assert!(s <= e && e <= raw.len(), "offsets {s}..{e} outside the file");
            assert!(bounds.contains(&s) && bounds.contains(&e), "offsets {s}..{e} cut a character");
        }
    });
    n
}

fn walk(v: &Value, f: &mut dyn FnMut(&serde_json::Map<String, Value>)) {
    match v {
        Value::Object(m) => {
            f(m);
            for (k, x) in m {
                if k != "text" {
                    walk(x, f);
                }
            }
        }
        Value::Array(xs) => xs.iter().for_each(|x| walk(x, f)),
        _ => {}
    }
}

/// Rendered human output holds no control character but newlines and tabs,
/// and no bidirectional override (a file name or article text must not
/// steer the terminal or reorder the report).
pub fn check_rendered(out: &[u8]) {
    let s = String::from_utf8_lossy(out);
    for c in s.chars() {
        assert!(!(c.is_control() && !matches!(c, '\n' | '\t')), "control character {c:?} in the output");
        assert!(!matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'), "bidi control {c:?} in the output");
    }
}
