//! bytes → decode → repair: decode keeps valid UTF-8, repair fixes are in bounds and rebuild its output, repair is idempotent.
//! The invariants live in `agentfmt::fuzz`, shared with `tests/fuzz_regressions.rs`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(Err(e)) = agentfmt::fuzz::run_one("decode_repair", data) {
        panic!("{e}");
    }
});
