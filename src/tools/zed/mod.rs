//! Zed: exactly one project rules file per worktree, the first that exists of `.rules`,
//! `.cursorrules`, `.windsurfrules`, `.clinerules`, `.github/copilot-instructions.md`,
//! `AGENT.md`, `AGENTS.md`, `CLAUDE.md`, `GEMINI.md`; Agent Skills under `.agents/skills/`.
//! The Rules Library (a database, not files) was replaced by these [ZED-INSTR-DOC],
//! [ZED-SKILLS-DOC], [ZED-MIGRATION-SRC].

use super::{Kind, KindSpec, PathRule, Role, Tool, ToolSpec};

/// Zed.
pub const TOOL: ToolSpec = ToolSpec {
    key: "zed",
    name: "Zed",
    targets: &[
        (Role::Rule, Kind::ZedRules),
        (Role::Memory, Kind::ZedRules),
        (Role::Command, Kind::ClaudeSkill),
        (Role::Skill, Kind::ClaudeSkill),
    ],
    // "Each skill is a direct child of the skills root" [ZED-SKILLS-DOC].
    skill_dir: Some(".agents/skills"),
    sources: &["ZED-INSTR-DOC", "ZED-SKILLS-DOC", "ZED-MIGRATION-SRC"],
    // `name`, `description`, `disable-model-invocation`; other Agent Skills keys are
    // "planned" [ZED-SKILLS-DOC].
    skill_keys: &["name", "description", "disable-model-invocation"],
    // The first of its rules file names: `.cursorrules`, `.windsurfrules`,
    // `.github/copilot-instructions.md`, `AGENTS.md`, `CLAUDE.md`, `GEMINI.md` after `.rules`
    // [ZED-INSTR-DOC].
    reads: &[
        Kind::Cursorrules,
        Kind::CopilotInstructions,
        Kind::AgentsMd,
        Kind::ClaudeMd,
        Kind::GeminiMd,
    ],
    ..ToolSpec::BASE
};

/// `.rules` at a worktree root: plain text, the whole file, always in the system prompt; it
/// wins over every other rules file name Zed reads, so all rules merge into it
/// [ZED-INSTR-DOC].
pub const RULES: KindSpec = KindSpec {
    id: "zed-rules",
    tool: Tool::Zed,
    describe: "Zed project rules (`.rules`)",
    role: Role::Memory,
    no_front_matter: true,
    merges: true,
    paths: &[PathRule::Name(".rules")],
    write_path: ".rules",
    schema: include_str!("../../../schemas/zed-rules.schema.json"),
    ..KindSpec::BASE
};
