//! Aider: a conventions file (`CONVENTIONS.md` by convention) loaded read-only when named
//! with `--read`, `/read` or `read:` in `.aider.conf.yml`; nothing is discovered
//! [AIDER-CONV], [AIDER-CONF].

pub(crate) mod write;

use super::{Kind, KindSpec, PathRule, Role, Tool, ToolSpec};

/// Aider.
pub const TOOL: ToolSpec = ToolSpec {
    key: "aider",
    name: "Aider",
    targets: &[
        (Role::Rule, Kind::AiderConventions),
        (Role::Memory, Kind::AiderConventions),
    ],
    sources: &["AIDER-CONV", "AIDER-CONF", "AIDER-AGENTSMD"],
    ..ToolSpec::BASE
};

/// `CONVENTIONS.md`: plain markdown, always in the chat once read [AIDER-CONV].
pub const CONVENTIONS: KindSpec = KindSpec {
    id: "aider-conventions",
    tool: Tool::Aider,
    describe: "Aider conventions file (`CONVENTIONS.md`, named by `read:`)",
    role: Role::Memory,
    no_front_matter: true,
    merges: true,
    paths: &[PathRule::Name("CONVENTIONS.md")],
    write_path: "CONVENTIONS.md",
    schema: include_str!("../../../schemas/aider-conventions.schema.json"),
    ..KindSpec::BASE
};
