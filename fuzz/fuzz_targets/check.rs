//! check_bytes at every logical path: diagnostic spans in bounds and on char boundaries.
//! The invariants live in `agentfmt::fuzz`, shared with `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = agentfmt::fuzz::check(data) {
        panic!("{e}");
    }
});
