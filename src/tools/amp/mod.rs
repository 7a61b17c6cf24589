//! Amp: `AGENTS.md` in the working directory and its parents (with `AGENT.md` or `CLAUDE.md`
//! as per-directory fallbacks), subtree files when the agent reads there; Agent Skills under
//! `.agents/skills/`. Custom commands were removed in favour of skills [AMP-MAN],
//! [AMP-BSKILL], [AMP-SLASH].

use super::{Kind, Role, ToolSpec};

/// Amp.
pub const TOOL: ToolSpec = ToolSpec {
    key: "amp",
    name: "Amp",
    targets: &[
        (Role::Rule, Kind::AgentsMd),
        (Role::Memory, Kind::AgentsMd),
        (Role::Command, Kind::ClaudeSkill),
        (Role::Skill, Kind::ClaudeSkill),
    ],
    skill_dir: Some(".agents/skills"),
    sources: &["AMP-MAN", "AMP-BSKILL", "AMP-SLASH"],
    // The keys of Amp's official skill-building skill [AMP-BSKILL].
    skill_keys: &[
        "name",
        "description",
        "license",
        "compatibility",
        "metadata",
        "allowed-tools",
        "argument-hint",
        "model",
    ],
    ..ToolSpec::BASE
};
