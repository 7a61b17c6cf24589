//! The single integration-test binary (style.md rule 9).

mod cli;
mod context;
mod convert;
mod corpus_stats;
mod encodings;
mod fix;
mod fmt;
mod fuzz_regressions;
mod hostile;
mod lsp;
mod nvim;
mod precommit;
mod properties;
mod rules;
mod safe_write;
mod sources;
mod sync;
