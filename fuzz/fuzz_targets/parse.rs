#![no_main]
// The whole pipeline on any UTF-8 text: never panics (an `Err` is fine).
libfuzzer_sys::fuzz_target!(|text: &str| drop(newswire::parse(text)));
