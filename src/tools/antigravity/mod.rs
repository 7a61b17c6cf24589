//! Google Antigravity, the successor of Gemini CLI for individual accounts (Gemini CLI
//! stopped serving them on 2026-06-18 [AG-GCLI-BLOG]): workspace rules and workflows under
//! `.agents/` (`.agent/` still read), skills under `.agents/skills/`, `GEMINI.md` and
//! `AGENTS.md` as context files [AG-MIGRATE], [AG-FORUM].

pub(crate) mod write;

use super::{Kind, KindSpec, PathRule, Role, Tool, ToolSpec};

/// Google Antigravity.
pub const TOOL: ToolSpec = ToolSpec {
    key: "antigravity",
    name: "Antigravity",
    targets: &[
        (Role::Rule, Kind::AntigravityRule),
        (Role::Command, Kind::AntigravityWorkflow),
        (Role::Skill, Kind::ClaudeSkill),
        // "It supports reading both `GEMINI.md` and `AGENTS.md` from your workspace"
        // [AG-MIGRATE].
        (Role::Memory, Kind::AgentsMd),
    ],
    // "Antigravity now defaults to .agents/skills" [AG-SKILLS-DOC-ZH], [AG-MIGRATE].
    successor: None,
    skill_dir: Some(".agents/skills"),
    sources: &[
        "AG-GCLI-BLOG",
        "AG-MIGRATE",
        "AG-FORUM",
        "AG-SKILLS-DOC-ZH",
        "AG-RULES-SKLY",
        "AG-RULES-3P2",
    ],
    ..ToolSpec::BASE
};

/// A workspace rule: `.agents/rules/*.md` (legacy `.agent/rules/`), Windsurf's `trigger`
/// format (keys UNCONFIRMED in a primary source) [AG-FORUM], [AG-RULES-3P2], [AG-RULES-SKLY].
pub const RULE: KindSpec = KindSpec {
    id: "antigravity-rule",
    tool: Tool::Antigravity,
    describe: "Antigravity rule (`.agents/rules/*.md`)",
    role: Role::Rule,
    paths: &[
        PathRule::Dir(".agents", "rules"),
        PathRule::Dir(".agent", "rules"),
    ],
    write_path: ".agents/rules/{name}.md",
    schema: include_str!("../../../schemas/antigravity-rule.schema.json"),
    glob_key: Some("globs"),
    ..KindSpec::BASE
};

/// A workflow: `.agents/workflows/<name>.md` (legacy `.agent/workflows/`), run as `/<name>`
/// [AG-FORUM], [AG-RULES-SKLY].
pub const WORKFLOW: KindSpec = KindSpec {
    id: "antigravity-workflow",
    tool: Tool::Antigravity,
    describe: "Antigravity workflow (`.agents/workflows/*.md`)",
    role: Role::Command,
    paths: &[
        PathRule::Dir(".agents", "workflows"),
        PathRule::Dir(".agent", "workflows"),
    ],
    write_path: ".agents/workflows/{name}.md",
    schema: include_str!("../../../schemas/antigravity-workflow.schema.json"),
    ..KindSpec::BASE
};
