#![no_main]
// User-supplied agency registries: bad TOML is a DataError; a good one gives a working parser.
libfuzzer_sys::fuzz_target!(|t: &str| drop(
    newswire::Parser::builder().agencies_toml(t).map(|b| b.build().parse("PARIS (X) - A said.\n\nReuter"))
));
