//! The single integration-test binary.
mod fmt;
