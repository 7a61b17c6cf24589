//! fmt: idempotent, same rendered body HTML, same front-matter values.
//! The invariants live in `agentfmt::fuzz`, shared with `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = agentfmt::fuzz::fmt(data) {
        panic!("{e}");
    }
});
