//! GitHub Copilot CLI: reads the files of GitHub Copilot (`.github/copilot-instructions.md`,
//! `.github/instructions/**/*.instructions.md`, `.github/agents/*.agent.md`) and `AGENTS.md`,
//! Agent Skills under `.github/skills/` [CCLI-INSTR], [CCLI-CMDREF], [CCLI-SKILLS]. It has no
//! file format of its own: converting for it writes Copilot's kinds, once for both tools.

use super::{Kind, Role, Tool, ToolSpec};

/// GitHub Copilot CLI.
pub const TOOL: ToolSpec = ToolSpec {
    key: "copilot-cli",
    name: "GitHub Copilot CLI",
    targets: &[
        (Role::Agent, Kind::CopilotAgent),
        // Skills are run as `/SKILL-NAME`, and `user-invocable` / `disable-model-invocation`
        // say who runs them [CCLI-CMDREF]; prompt files are not read [CCLI-INSTR].
        (Role::Command, Kind::ClaudeSkill),
        (Role::Skill, Kind::ClaudeSkill),
        (Role::Rule, Kind::CopilotScopedInstructions),
        (Role::Memory, Kind::CopilotInstructions),
    ],
    skill_dir: Some(".github/skills"),
    sources: &[
        "CCLI-INSTR",
        "CCLI-CMDREF",
        "CCLI-CONFDIR",
        "CCLI-AGENTS-HOWTO",
        "CCLI-SKILLS",
    ],
    skill_keys: &[
        "name",
        "description",
        "allowed-tools",
        "user-invocable",
        "disable-model-invocation",
    ],
    shares: &[Tool::Copilot],
    // `AGENTS.md`, `CLAUDE.md` and `GEMINI.md` in the standard locations; `.claude/agents/`
    // [CCLI-INSTR], [CCLI-CMDREF].
    reads: &[
        Kind::AgentsMd,
        Kind::ClaudeMd,
        Kind::GeminiMd,
        Kind::ClaudeAgent,
    ],
    ..ToolSpec::BASE
};
