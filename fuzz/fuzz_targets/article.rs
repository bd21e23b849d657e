//! Article structure: headers, date lines, datelines, blocks and outlet of any
//! decoded text. Offsets here are into the decoded text, which the reader has
//! cleared of control characters (a NUL reaching `article::parse` is not an
//! input the pipeline can produce: the first run of this target flagged one).
#![no_main]
use analyze::model::TextEncoding;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (text, _) = analyze::read::replace_controls(text.to_string());
    let (text, data) = (text.as_str(), text.as_bytes());
    let art = analyze::article::parse("f.txt", "f.txt", text, TextEncoding::Utf8, text.len());
    let v = serde_json::to_value(&art).expect("an article serializes");
    let bounds = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    analyze_fuzz::check_spans(&v, data, TextEncoding::Utf8, &bounds);
});
