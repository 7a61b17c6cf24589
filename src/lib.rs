//! agentfmt: check, format, repair and convert AI agent files.
pub mod span;
