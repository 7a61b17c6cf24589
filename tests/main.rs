//! The single integration-test binary (style.md rule 9).

mod cli;
mod fmt;
mod hostile;
mod precommit;
