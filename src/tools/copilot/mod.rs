//! GitHub Copilot (VS Code and GitHub.com): repository and path-specific instructions, prompt
//! files, custom agents and the legacy chat modes under `.github/` [GH-REPO-INSTR],
//! [VSC-INSTR], [VSC-PROMPTS], [VSC-AGENTS], [GH-AGENTS-CFG].

pub(crate) mod names;
pub(crate) mod read;
pub(crate) mod write;

use super::{Kind, KindSpec, ModelIds, PathRule, Placeholders, Role, Tool, ToolSpec};

/// GitHub Copilot.
pub const TOOL: ToolSpec = ToolSpec {
    key: "copilot",
    name: "GitHub Copilot",
    targets: &[
        (Role::Agent, Kind::CopilotAgent),
        (Role::Command, Kind::CopilotPrompt),
        (Role::Skill, Kind::ClaudeSkill),
        (Role::Rule, Kind::CopilotScopedInstructions),
        (Role::Memory, Kind::CopilotInstructions),
    ],
    successor: None,
    skill_dir: Some(".github/skills"),
    sources: &[
        "GH-REPO-INSTR",
        "VSC-INSTR",
        "VSC-PROMPTS",
        "VSC-AGENTS",
        "GH-AGENTS-CFG",
        "VSC-TOOLS",
        "VSC-SKILLS",
    ],
    skill_keys: &[
        "name",
        "description",
        "argument-hint",
        "user-invocable",
        "disable-model-invocation",
        "context",
    ],
    models: ModelIds::CopilotNames,
    shares: &[],
    // [AGENTSMD].
    reads: &[Kind::AgentsMd],
};

/// Repository-wide instructions: `.github/copilot-instructions.md`, plain markdown
/// [GH-REPO-INSTR].
pub const INSTRUCTIONS: KindSpec = KindSpec {
    id: "copilot-instructions",
    tool: Tool::Copilot,
    describe: "Copilot repository instructions (`.github/copilot-instructions.md`)",
    role: Role::Memory,
    no_front_matter: true,
    merges: true,
    paths: &[PathRule::Name("copilot-instructions.md")],
    write_path: ".github/copilot-instructions.md",
    schema: include_str!("../../../schemas/copilot-instructions.schema.json"),
    ..KindSpec::BASE
};

/// Path-specific instructions: `.github/instructions/**/*.instructions.md` with `applyTo`
/// [VSC-INSTR]. VS Code reads only `*.instructions.md` there: another `.md` is detected so
/// that `invalid-file-name` can say so, except a README.
pub const SCOPED_INSTRUCTIONS: KindSpec = KindSpec {
    id: "copilot-scoped-instructions",
    tool: Tool::Copilot,
    describe: "Copilot path-specific instructions (`*.instructions.md`)",
    role: Role::Rule,
    paths: &[
        PathRule::Suffix(".instructions.md"),
        PathRule::Dir(".github", "instructions"),
    ],
    readme_is_docs: true,
    write_path: ".github/instructions/{name}.instructions.md",
    schema: include_str!("../../../schemas/copilot-scoped-instructions.schema.json"),
    glob_key: Some("applyTo"),
    ..KindSpec::BASE
};

/// A prompt file: `.github/prompts/*.prompt.md`, run as `/name` [VSC-PROMPTS].
pub const PROMPT: KindSpec = KindSpec {
    id: "copilot-prompt",
    tool: Tool::Copilot,
    describe: "Copilot prompt file (`*.prompt.md`)",
    role: Role::Command,
    placeholders: Placeholders::Copilot,
    paths: &[
        PathRule::Suffix(".prompt.md"),
        PathRule::Dir(".github", "prompts"),
    ],
    readme_is_docs: true,
    write_path: ".github/prompts/{name}.prompt.md",
    schema: include_str!("../../../schemas/copilot-prompt.schema.json"),
    ..KindSpec::BASE
};

/// A legacy chat mode: `.github/chatmodes/*.chatmode.md`, succeeded by custom agents
/// [VSC-CHATMODES].
pub const CHATMODE: KindSpec = KindSpec {
    id: "copilot-chatmode",
    tool: Tool::Copilot,
    describe: "legacy Copilot chat mode (`*.chatmode.md`)",
    role: Role::Agent,
    paths: &[
        PathRule::Suffix(".chatmode.md"),
        PathRule::Dir(".github", "chatmodes"),
        PathRule::Parent("chatmodes"),
    ],
    write_path: ".github/chatmodes/{name}.chatmode.md",
    schema: include_str!("../../../schemas/copilot-chatmode.schema.json"),
    ..KindSpec::BASE
};

/// A custom agent: `.github/agents/*.agent.md` (or `*.md`) [VSC-AGENTS], [GH-AGENTS-CFG].
pub const AGENT: KindSpec = KindSpec {
    id: "copilot-agent",
    tool: Tool::Copilot,
    describe: "Copilot custom agent (`.github/agents/*.agent.md`)",
    role: Role::Agent,
    paths: &[
        PathRule::Suffix(".agent.md"),
        PathRule::Dir(".github", "agents"),
    ],
    write_path: ".github/agents/{name}.agent.md",
    schema: include_str!("../../../schemas/copilot-agent.schema.json"),
    ..KindSpec::BASE
};
