//! fmt at one logical path chosen by the input length (`agentfmt::fuzz::run_one`): idempotent, same rendered body HTML, same front-matter values.
//! The invariants live in `agentfmt::fuzz`, shared with `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(Err(e)) = agentfmt::fuzz::run_one("fmt", data) {
        panic!("{e}");
    }
});
