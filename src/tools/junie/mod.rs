//! JetBrains Junie (IDE plugin and CLI): guidelines in `.junie/AGENTS.md`, else the root
//! `AGENTS.md`, else the legacy `.junie/guidelines.md`; Agent Skills under `.junie/skills/`;
//! custom subagents under `.junie/agents/` [JUNIE-GUIDE-DOC], [JUNIE-CLI-DOCS].

use super::{Kind, KindSpec, PathRule, Role, Tool, ToolSpec};
use crate::convert::model::ToolRef;
use crate::convert::write::W;
use crate::convert::write::shapes::{self, AgentShape, ToolKeys, Tools};

/// JetBrains Junie.
pub const TOOL: ToolSpec = ToolSpec {
    key: "junie",
    name: "JetBrains Junie",
    targets: &[
        (Role::Agent, Kind::JunieAgent),
        (Role::Skill, Kind::ClaudeSkill),
        (Role::Rule, Kind::JunieGuidelines),
        (Role::Memory, Kind::JunieGuidelines),
    ],
    skill_dir: Some(".junie/skills"),
    sources: &[
        "JUNIE-GUIDE-DOC",
        "JUNIE-CLI-DOCS",
        "JUNIE-CONFIG-DOC",
        "JUNIE-HELP-GUIDE",
    ],
    skill_keys: &["name", "description"],
    // After `.junie/AGENTS.md`, the root `AGENTS.md` [JUNIE-GUIDE-DOC].
    reads: &[Kind::AgentsMd],
    ..ToolSpec::BASE
};

/// `.junie/AGENTS.md`: plain markdown added to every task; read before the root `AGENTS.md`
/// [JUNIE-GUIDE-DOC].
pub const GUIDELINES: KindSpec = KindSpec {
    id: "junie-guidelines",
    tool: Tool::Junie,
    describe: "Junie guidelines (`.junie/AGENTS.md`)",
    role: Role::Memory,
    no_front_matter: true,
    merges: true,
    paths: &[PathRule::Path(".junie/AGENTS.md")],
    write_path: ".junie/AGENTS.md",
    schema: include_str!("../../../schemas/junie-guidelines.schema.json"),
    ..KindSpec::BASE
};

/// `.junie/guidelines.md` or the files of a `.junie/guidelines/` folder: "Junie's legacy
/// format", still read after the other two [JUNIE-GUIDE-DOC].
pub const LEGACY_GUIDELINES: KindSpec = KindSpec {
    id: "junie-legacy-guidelines",
    tool: Tool::Junie,
    describe: "Junie legacy guidelines (`.junie/guidelines.md`)",
    role: Role::Memory,
    no_front_matter: true,
    paths: &[
        PathRule::Path(".junie/guidelines.md"),
        PathRule::Dir(".junie", "guidelines"),
    ],
    write_path: ".junie/guidelines.md",
    schema: include_str!("../../../schemas/junie-legacy-guidelines.schema.json"),
    replaced_by: Some(Kind::JunieGuidelines),
    ..KindSpec::BASE
};

/// A custom subagent: `.junie/agents/*.md`, delegated to automatically, never by a slash
/// command; `name` (`[a-z][a-z0-9-]*`, default the file name), `description` (required),
/// `tools`, `disallowedTools`, `model`, `skills` [JUNIE-CLI-DOCS].
pub const AGENT: KindSpec = KindSpec {
    id: "junie-agent",
    tool: Tool::Junie,
    describe: "Junie custom subagent (`.junie/agents/*.md`)",
    role: Role::Agent,
    paths: &[PathRule::Dir(".junie", "agents")],
    write_path: ".junie/agents/{name}.md",
    schema: include_str!("../../../schemas/junie-agent.schema.json"),
    ..KindSpec::BASE
};

/// Junie's tool groups, which are Claude Code's names for the same tools [JUNIE-CLI-DOCS].
const GROUPS: &[&str] = &[
    "Read",
    "Bash",
    "Glob",
    "Grep",
    "Write",
    "Edit",
    "WebSearch",
    "AskUserQuestion",
];

/// A neutral tool entry as a Junie tool group; none outside [`GROUPS`] (MCP tools are
/// allowed, but their spelling is not documented).
fn names(t: &ToolRef) -> Vec<String> {
    super::claude::names::write_bare(t)
        .into_iter()
        .filter(|n| GROUPS.contains(&n.as_str()))
        .collect()
}

/// Reads a Junie tool group: the Claude Code tool of that name, else unknown.
pub(crate) fn read_name(name: &str) -> crate::convert::model::ToolWhat {
    if GROUPS.contains(&name) {
        super::claude::names::read(name)
    } else {
        crate::convert::model::ToolWhat::Unknown
    }
}

/// Writes a custom subagent [JUNIE-CLI-DOCS].
pub(crate) fn write_agent(w: &mut W<'_>) -> String {
    shapes::agent(
        w,
        &AgentShape {
            name: Some(("name", true, false)),
            description_required: true,
            tools: Tools::Keys(ToolKeys {
                key: "tools",
                deny_key: Some("disallowedTools"),
                names,
                sep: None,
            }),
            model: Some("model"),
            model_inherit: false,
            max_turns: None,
            effort: None,
        },
    )
}
