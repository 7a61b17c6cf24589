//! The single integration-test binary.

mod corpus_stats;
mod rules;
