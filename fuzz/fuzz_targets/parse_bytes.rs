#![no_main]
// Raw bytes, as Python `bytes` arrive: invalid UTF-8 must be a typed error, never a panic.
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| drop(newswire::Parser::new().parse_bytes(bytes)));
