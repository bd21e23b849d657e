//! The whole per-article pipeline: bytes → decode → structure → sentences →
//! entities, dates, quotes, claims; every span of the record checked against
//! the file, then the one-article report rendered as text and Markdown.
#![no_main]
use analyze::{pipeline, read, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok((decoded, warning)) = read::decode("f.txt", data.to_vec()) else { return };
    let bounds = analyze_fuzz::check_decoded(data, &decoded);
    let encoding = decoded.encoding;
    let record = pipeline::extract_decoded("f.txt", decoded, warning);
    let v = serde_json::to_value(&record).expect("a record serializes");
    analyze_fuzz::check_spans(&v, data, encoding, &bounds);
    let report = pipeline::analyze(vec![record], Vec::new(), &pipeline::Options::default());
    for format in [render::Format::Text, render::Format::Markdown, render::Format::Github] {
        let mut out = Vec::new();
        render::render(&report, format, &render::View { limit: usize::MAX, ..Default::default() }, &mut out)
            .expect("rendering to memory");
        analyze_fuzz::check_rendered(&out);
    }
});
