//! The single integration-test binary.
mod convert;
