//! Kiro CLI, the successor of Amazon Q Developer CLI: Kiro's steering files
//! (`.kiro/steering/*.md`) and the root `AGENTS.md`, custom agents as markdown under
//! `.kiro/agents/`, prompt files under `.kiro/prompts/` (`@name`), Agent Skills under
//! `.kiro/skills/`. Amazon Q's `.amazonq/rules/` is its legacy kind [KIROCLI-UPGRADE],
//! [KIROCLI-STEER], [KIROCLI-V3-AGENT], [KIRO-AGENTS-2026], [KIROCLI-PROMPTS],
//! [KIROCLI-SKILLS], [AQ-DEFAULT].

use super::{Kind, KindSpec, ModelIds, PathRule, Role, Tool, ToolSpec};
use crate::convert::write::W;
use crate::convert::write::shapes::{self, AgentShape, Tools};

/// Kiro CLI.
pub const TOOL: ToolSpec = ToolSpec {
    key: "kiro-cli",
    name: "Kiro CLI",
    targets: &[
        (Role::Agent, Kind::KiroCliAgent),
        (Role::Command, Kind::KiroCliPrompt),
        (Role::Skill, Kind::ClaudeSkill),
        // The steering files are the IDE's and the CLI's alike [KIROCLI-STEER].
        (Role::Rule, Kind::KiroSteering),
        (Role::Memory, Kind::KiroSteering),
    ],
    skill_dir: Some(".kiro/skills"),
    sources: &[
        "KIROCLI-UPGRADE",
        "KIROCLI-STEER",
        "KIROCLI-V3-AGENT",
        "KIRO-AGENTS-2026",
        "KIROCLI-PROMPTS",
        "KIROCLI-SKILLS",
        "AQ-DEFAULT",
    ],
    skill_keys: &[
        "name",
        "description",
        "license",
        "compatibility",
        "metadata",
    ],
    // `model: claude-sonnet-4` [KIROCLI-V3-AGENT].
    models: ModelIds::Claude,
    shares: &[Tool::Kiro],
    // The root `AGENTS.md`, always included [KIROCLI-STEER].
    reads: &[Kind::AgentsMd],
    ..ToolSpec::BASE
};

/// A custom agent in markdown (CLI 3.x): `.kiro/agents/**/*.md`, the name is the path below
/// `agents/`; `description`, `model`, `tools` (category tags), `mcpServers`, `resources`,
/// `permissions`, `welcomeMessage` [KIROCLI-V3-AGENT], [KIRO-AGENTS-2026].
pub const AGENT: KindSpec = KindSpec {
    id: "kiro-cli-agent",
    tool: Tool::KiroCli,
    describe: "Kiro CLI custom agent (`.kiro/agents/*.md`)",
    role: Role::Agent,
    paths: &[PathRule::Dir(".kiro", "agents")],
    write_path: ".kiro/agents/{name}.md",
    schema: include_str!("../../../schemas/kiro-cli-agent.schema.json"),
    ..KindSpec::BASE
};

/// A prompt file: `.kiro/prompts/*.md`, used as `@name`; no front matter and no arguments
/// ("File-based prompts … do not support arguments") [KIROCLI-PROMPTS].
pub const PROMPT: KindSpec = KindSpec {
    id: "kiro-cli-prompt",
    tool: Tool::KiroCli,
    describe: "Kiro CLI prompt file (`.kiro/prompts/*.md`)",
    role: Role::Command,
    no_front_matter: true,
    paths: &[PathRule::Dir(".kiro", "prompts")],
    write_path: ".kiro/prompts/{name}.md",
    schema: include_str!("../../../schemas/kiro-cli-prompt.schema.json"),
    ..KindSpec::BASE
};

/// An Amazon Q Developer CLI rule: `.amazonq/rules/**/*.md`, plain markdown loaded by Q's
/// default agent; Kiro CLI replaced it with steering files [AQ-DEFAULT], [KIROCLI-UPGRADE].
pub const AMAZONQ_RULE: KindSpec = KindSpec {
    id: "amazonq-rule",
    tool: Tool::KiroCli,
    describe: "Amazon Q Developer rule (`.amazonq/rules/*.md`, legacy of Kiro CLI)",
    role: Role::Rule,
    no_front_matter: true,
    paths: &[PathRule::Dir(".amazonq", "rules")],
    write_path: ".amazonq/rules/{name}.md",
    schema: include_str!("../../../schemas/amazonq-rule.schema.json"),
    replaced_by: Some(Kind::KiroSteering),
    ..KindSpec::BASE
};

/// Writes a custom agent. Its `tools` are category tags (`read`, `write`, `shell`), not tool
/// names, so a source tool list is dropped with the reason [KIROCLI-V3-AGENT].
pub(crate) fn write_agent(w: &mut W<'_>) -> String {
    shapes::agent(
        w,
        &AgentShape {
            name: None,
            description_required: true,
            tools: Tools::Unmapped,
            model: Some("model"),
            model_inherit: false,
            max_turns: None,
            effort: None,
        },
    )
}
