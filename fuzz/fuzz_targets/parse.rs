//! document parse at every logical path and as every kind: all spans in bounds and on char boundaries.
//! The invariants live in `agentfmt::fuzz`, shared with `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = agentfmt::fuzz::parse(data) {
        panic!("{e}");
    }
});
