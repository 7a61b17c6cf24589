//! convert from one logical path chosen by the input length (`agentfmt::fuzz::run_one`) to every target: safe output paths, outputs detected as their kind and passing check.
//! The invariants live in `agentfmt::fuzz`, shared with `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(Err(e)) = agentfmt::fuzz::run_one("convert", data) {
        panic!("{e}");
    }
});
