//! The reader: any bytes → decoded text with an offset map back to the file.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((d, _)) = analyze::read::decode("f.txt", data.to_vec()) {
        analyze_fuzz::check_decoded(data, &d);
    }
});
