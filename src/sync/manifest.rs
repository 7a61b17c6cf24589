//! The generated-file manifest, `.agentfmt-generated.json` in the project root: which files
//! agentfmt wrote, with a hash of what it wrote, so a later run may replace or delete its own
//! files but never a file written or edited by hand.
//!
//! Format (version 1), one small JSON file meant to be committed and reviewed:
//!
//! ```json
//! {
//!   "version": 1,
//!   "files": {
//!     ".cursor/rules/style.mdc": {
//!       "hash": "9c1e0d5f3a2b7c44",
//!       "sources": [".claude/rules/style.md"],
//!       "target": "cursor",
//!       "by": "sync"
//!     }
//!   }
//! }
//! ```
//!
//! `files` maps each generated path (relative to the project root, `/`-separated) to the
//! FNV-1a 64 hash of the bytes written (16 hex digits), the source files it was generated
//! from, the target it was generated for, and the command that wrote it (`sync` or
//! `convert`; only `sync` deletes files whose sources are gone). Keys are sorted, so the file
//! changes only where the generated set does. Manifests written before version 1 (a flat
//! `path → hash` object) are read as `convert` entries.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One generated file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// [`hash`] of the bytes written.
    pub hash: String,
    /// Source paths (project-relative) the file was generated from; empty when unknown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// The target it was generated for (`cursor`, or a kind id); empty when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target: String,
    /// The command that wrote it: `sync` or `convert`.
    #[serde(default = "by_convert")]
    pub by: String,
}

fn by_convert() -> String {
    "convert".into()
}

/// The manifest: generated path → [`Entry`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Manifest {
    /// Generated files by project-relative path.
    pub files: BTreeMap<String, Entry>,
}

#[derive(Serialize, Deserialize)]
struct V1 {
    version: u32,
    files: BTreeMap<String, Entry>,
}

/// The manifest's file name, in the project root (or `convert --out` directory).
pub const FILE_NAME: &str = ".agentfmt-generated.json";

/// The manifest's content hash of `bytes`: FNV-1a 64 as 16 lowercase hex digits.
#[must_use]
pub fn hash(bytes: &[u8]) -> String {
    format!("{:016x}", crate::hash::fnv1a64(bytes))
}

impl Manifest {
    /// Reads a manifest's text (version 1, or the older flat `path → hash` object).
    ///
    /// # Errors
    /// A message when the text is neither; callers treat an unreadable manifest as a
    /// problem to report, never as "nothing was generated" (that would orphan files).
    pub fn parse(text: &str) -> Result<Self, String> {
        if let Ok(v) = serde_json::from_str::<V1>(text) {
            if v.version != 1 {
                return Err(format!(
                    "manifest version {} is newer than this agentfmt reads (1)",
                    v.version
                ));
            }
            return Ok(Manifest { files: v.files });
        }
        let flat: BTreeMap<String, String> =
            serde_json::from_str(text).map_err(|e| format!("not an agentfmt manifest: {e}"))?;
        Ok(Manifest {
            files: flat
                .into_iter()
                .map(|(path, hash)| {
                    (
                        path,
                        Entry {
                            hash,
                            sources: Vec::new(),
                            target: String::new(),
                            by: by_convert(),
                        },
                    )
                })
                .collect(),
        })
    }

    /// The manifest's text: pretty JSON, sorted keys, a final newline.
    #[must_use]
    pub fn to_text(&self) -> String {
        let v = V1 {
            version: 1,
            files: self.files.clone(),
        };
        serde_json::to_string_pretty(&v).expect("a manifest serialises") + "\n"
    }

    /// Whether `path` holds what agentfmt wrote there: its recorded hash is `bytes`'s.
    #[must_use]
    pub fn wrote(&self, path: &str, bytes: &[u8]) -> bool {
        self.files.get(path).is_some_and(|e| e.hash == hash(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_reads_the_flat_format() {
        let mut m = Manifest::default();
        m.files.insert(
            "AGENTS.md".into(),
            Entry {
                hash: hash(b"x"),
                sources: vec!["CLAUDE.md".into()],
                target: "agents-md".into(),
                by: "sync".into(),
            },
        );
        assert_eq!(Manifest::parse(&m.to_text()).unwrap(), m);
        assert!(m.wrote("AGENTS.md", b"x") && !m.wrote("AGENTS.md", b"y"));
        let old = Manifest::parse("{\"a.md\": \"0011223344556677\"}").unwrap();
        assert_eq!(old.files["a.md"].by, "convert");
        assert!(Manifest::parse("{\"version\": 2, \"files\": {}}").is_err());
        assert!(Manifest::parse("[1]").is_err());
    }
}
