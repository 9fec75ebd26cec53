#![no_main]
// A parser with a tiny size limit: the first byte sets the limit, the rest is the input.
libfuzzer_sys::fuzz_target!(|data: (u8, &str)| drop(
    newswire::Parser::builder().max_input_bytes(data.0.into()).build().parse(data.1)
));
