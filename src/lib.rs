//! agentfmt: check, format, repair and convert AI agent files.
//!
//! The library is a pipeline of pure functions over text; it does no I/O and never prints:
//!
//! decode ([`source::decode`]) → parse ([`document::parse`]) → detect the kind ([`tools`]) →
//! validate ([`rules`]) → fmt / convert → render.
//!
//! ```
//! use agentfmt::{document, source::SourceText};
//! let src = SourceText::from_str("---\nname: reviewer\ndescription: Reviews code\n---\nBe strict.\n");
//! let parsed = document::parse(src, Some(".claude/agents/reviewer.md"), None);
//! assert_eq!(parsed.doc.kind, agentfmt::tools::Kind::ClaudeAgent);
//! assert_eq!(parsed.doc.get("name").and_then(|n| n.as_str()), Some("reviewer"));
//! ```
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod check;
pub mod config;
pub mod context;
pub mod convert;
pub mod diagnostic;
pub mod docs;
pub mod document;
pub mod fmt;
#[doc(hidden)]
pub mod fuzz;
pub mod hash;
pub mod render;
pub mod repair;
pub mod rules;
pub mod schema;
pub mod source;
pub mod span;
pub mod sync;
pub mod tokens;
pub mod tools;
