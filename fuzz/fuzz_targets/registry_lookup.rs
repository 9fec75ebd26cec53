#![no_main]
// The registry's public lookups (agency markers, cities, regions, countries) on any key.
libfuzzer_sys::fuzz_target!(|k: &str| {
    let r = newswire::registry::Registry::embedded();
    drop((
        r.agencies.lookup(k),
        r.places.city(k),
        r.places.region(k),
        r.places.country(k),
        newswire::registry::agencies::normalize(k),
        newswire::registry::places::normalize(k),
    ));
});
