//! goose: context files (`AGENTS.md` and `.goosehints` by default) in every directory from
//! the git root down, Agent Skills under `.agents/skills/`, custom agents under
//! `.agents/agents/` [GOOSE-HINTS-DOC], [GOOSE-HINTS-SRC], [GOOSE-SKILLS-DOC],
//! [GOOSE-AGENTS-DOC].

use super::{Kind, KindSpec, PathRule, Role, Tool, ToolSpec};
use crate::convert::write::W;
use crate::convert::write::shapes::{self, AgentShape, Tools};

/// goose.
pub const TOOL: ToolSpec = ToolSpec {
    key: "goose",
    name: "goose",
    targets: &[
        (Role::Agent, Kind::GooseAgent),
        (Role::Command, Kind::ClaudeSkill),
        (Role::Skill, Kind::ClaudeSkill),
        (Role::Rule, Kind::GooseHints),
        (Role::Memory, Kind::GooseHints),
    ],
    // `.agents/skills/` recommended; `.goose/skills/` and `.claude/skills/` for backward
    // compatibility [GOOSE-SKILLS-DOC]; skills run as `/<skill-name>` too [GOOSE-SLASH-DOC].
    skill_dir: Some(".agents/skills"),
    sources: &[
        "GOOSE-HINTS-DOC",
        "GOOSE-HINTS-SRC",
        "GOOSE-SKILLS-DOC",
        "GOOSE-SLASH-DOC",
        "GOOSE-AGENTS-DOC",
        "GOOSE-SUMMON-SRC",
    ],
    skill_keys: &["name", "description"],
    // `AGENTS.md` and `.goosehints` by default; `.claude/skills/` and `.claude/agents/` too
    // [GOOSE-HINTS-DOC], [GOOSE-SKILLS-DOC], [GOOSE-AGENTS-DOC].
    reads: &[Kind::AgentsMd, Kind::ClaudeAgent],
    ..ToolSpec::BASE
};

/// `.goosehints`: plain markdown in any directory from the git root down to the working
/// directory, always in the system prompt [GOOSE-HINTS-DOC], [GOOSE-HINTS-SRC].
pub const HINTS: KindSpec = KindSpec {
    id: "goose-hints",
    tool: Tool::Goose,
    describe: "goose hints file (`.goosehints`)",
    role: Role::Memory,
    no_front_matter: true,
    nests: true,
    merges: true,
    paths: &[PathRule::Name(".goosehints")],
    write_path: ".goosehints",
    schema: include_str!("../../../schemas/goose-hints.schema.json"),
    ..KindSpec::BASE
};

/// A custom agent: `.agents/agents/*.md` (`.goose/agents/` for compatibility), top level
/// only; `name` (required, may hold spaces), `description`, `model` [GOOSE-AGENTS-DOC],
/// [GOOSE-SUMMON-SRC].
pub const AGENT: KindSpec = KindSpec {
    id: "goose-agent",
    tool: Tool::Goose,
    describe: "goose custom agent (`.agents/agents/*.md`)",
    role: Role::Agent,
    paths: &[
        PathRule::Dir(".agents", "agents"),
        PathRule::Dir(".goose", "agents"),
    ],
    write_path: ".agents/agents/{name}.md",
    schema: include_str!("../../../schemas/goose-agent.schema.json"),
    ..KindSpec::BASE
};

/// Writes a custom agent: the source struct reads only `name`, `description` and `model`
/// [GOOSE-SUMMON-SRC].
pub(crate) fn write_agent(w: &mut W<'_>) -> String {
    shapes::agent(
        w,
        &AgentShape {
            name: Some(("name", false, true)),
            description_required: false,
            tools: Tools::None,
            model: Some("model"),
            model_inherit: false,
            max_turns: None,
            effort: None,
        },
    )
}
