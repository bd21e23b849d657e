//! Article structure: headers, date lines, datelines, blocks and outlet of any
//! decoded text. Offsets here are into the decoded text.
#![no_main]
use analyze::model::TextEncoding;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let art = analyze::article::parse("f.txt", "f.txt", text, TextEncoding::Utf8, text.len());
    let v = serde_json::to_value(&art).expect("an article serializes");
    let bounds = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    analyze_fuzz::check_spans(&v, data, TextEncoding::Utf8, &bounds);
});
