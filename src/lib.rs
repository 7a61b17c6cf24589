//! agentfmt: check, format, repair and convert AI agent files.
pub mod repair;
pub mod span;
