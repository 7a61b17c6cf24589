//! Cline (extension and CLI): rules under `.clinerules/` (recursive, any file, `paths` to
//! scope one), workflows under `.clinerules/workflows/` run as `/name.md`, Agent Skills
//! under `.cline/skills/`, and the root `AGENTS.md` [CLINE-RULES-DOC], [CLINE-RULES-SRC],
//! [CLINE-WF-DOC], [CLINE-SKILLS-DOC], [CLINE-SDK-PATHS].

use super::{Kind, KindSpec, PathRule, Role, Tool, ToolSpec};

/// Cline.
pub const TOOL: ToolSpec = ToolSpec {
    key: "cline",
    name: "Cline",
    targets: &[
        (Role::Command, Kind::ClineWorkflow),
        (Role::Skill, Kind::ClaudeSkill),
        (Role::Rule, Kind::ClineRule),
        // The root `AGENTS.md` is read by the extension and the SDK [CLINE-EXT-SRC],
        // [CLINE-SDK-PATHS].
        (Role::Memory, Kind::AgentsMd),
    ],
    skill_dir: Some(".cline/skills"),
    sources: &[
        "CLINE-RULES-DOC",
        "CLINE-RULES-SRC",
        "CLINE-COND-SRC",
        "CLINE-WF-DOC",
        "CLINE-WF-SRC",
        "CLINE-SKILLS-DOC",
        "CLINE-SKILLS-SRC",
        "CLINE-SDK-PATHS",
    ],
    // "only `name` and `description` are read" [CLINE-SKILLS-SRC].
    skill_keys: &["name", "description"],
    // `.cursorrules`, `.cursor/rules/**/*.mdc`, `.windsurfrules` [CLINE-EXT-SRC].
    reads: &[Kind::Cursorrules, Kind::CursorMdc],
    ..ToolSpec::BASE
};

/// A rule: any file under `.clinerules/` except `workflows/` and `hooks/` (the SDK also
/// reads `.cline/rules/`); optional front matter whose only key is `paths`, a list of globs
/// [CLINE-RULES-SRC], [CLINE-COND-SRC], [CLINE-SDK-PATHS].
pub const RULE: KindSpec = KindSpec {
    id: "cline-rule",
    tool: Tool::Cline,
    describe: "Cline rule (`.clinerules/*.md`)",
    role: Role::Rule,
    paths: &[
        PathRule::Dir(".cline", "rules"),
        PathRule::AnyDir(".clinerules"),
    ],
    write_path: ".clinerules/{name}.md",
    schema: include_str!("../../../schemas/cline-rule.schema.json"),
    glob_key: Some("paths"),
    ..KindSpec::BASE
};

/// A workflow: `.clinerules/workflows/*.md`, run as `/<file name>` (`/release.md`); the
/// extension injects the whole file, front matter included, with no placeholders
/// [CLINE-WF-DOC], [CLINE-WF-SRC].
pub const WORKFLOW: KindSpec = KindSpec {
    id: "cline-workflow",
    tool: Tool::Cline,
    describe: "Cline workflow (`.clinerules/workflows/*.md`)",
    role: Role::Command,
    no_front_matter: true,
    paths: &[PathRule::Dir(".clinerules", "workflows")],
    write_path: ".clinerules/workflows/{name}.md",
    schema: include_str!("../../../schemas/cline-workflow.schema.json"),
    ..KindSpec::BASE
};
