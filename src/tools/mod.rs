//! The tools that read agent files, one module per tool: each holds the tool's kinds (a
//! tool's file formats: paths, front-matter dialect, schema, where a converted file goes), its
//! reader into the neutral model and its writer from it. This module is the registry that
//! lists them; the machinery they share (detection, the neutral model, placeholders, globs,
//! emitting, the loss report) never names a tool.
//!
//! Adding a tool: write `src/tools/<tool>/mod.rs` with a [`ToolSpec`] and one [`KindSpec`]
//! per kind, its `read.rs` and `write.rs`, its schemas under `schemas/`, then add one line per
//! kind to `kinds!` and one line to `tools!` below.
//!
//! Every fact in a tool module carries a source tag (`[CC-SUB]`) resolved in
//! `schemas/sources.json`.

pub mod detect;
pub(crate) mod dispatch;
mod spec;

pub mod agents_md;
pub mod aider;
pub mod amp;
pub mod antigravity;
pub mod augment;
pub mod claude;
pub mod cline;
pub mod codex;
pub mod copilot;
pub mod copilot_cli;
pub mod cursor;
pub mod devin;
pub mod factory;
pub mod gemini;
pub mod goose;
pub mod jetbrains_ai;
pub mod junie;
pub mod kilo;
pub mod kiro;
pub mod kiro_cli;
pub mod opencode;
pub mod qwen;
pub mod trae;
pub mod warp;
pub mod windsurf;
pub mod zed;
pub mod zoo;

use serde::Serialize;

pub use detect::{detect, infer};
pub use spec::{Dialect, KindSpec, ModelIds, PathRule, Placeholders, Role, ToolSpec};

/// The Agent Skills keys every reader of the open format knows: the portable set
/// [AS-SPEC].
pub const PORTABLE_SKILL_KEYS: &[&str] = &[
    "name",
    "description",
    "license",
    "compatibility",
    "metadata",
    "allowed-tools",
];

macro_rules! kinds {
    ($( $(#[$doc:meta])* $variant:ident => $spec:path; )+) => {
        /// A kind of agent file: one file format of one tool (a Claude Code subagent, a Cursor
        /// rule). Its facts are in its [`KindSpec`], in the tool's module.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind { $( $(#[$doc])* $variant, )+ }

        impl Kind {
            /// Every kind, tool by tool in registry order.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),+];

            /// The facts of this kind.
            #[must_use]
            pub fn spec(self) -> &'static KindSpec {
                match self { $(Kind::$variant => &$spec,)+ }
            }
        }
    };
}

kinds! {
    /// A Claude Code subagent.
    ClaudeAgent => claude::AGENT;
    /// A Claude Code slash command.
    ClaudeCommand => claude::COMMAND;
    /// An Agent Skill (`SKILL.md`).
    ClaudeSkill => claude::SKILL;
    /// A Claude Code memory file (`CLAUDE.md`).
    ClaudeMd => claude::MEMORY;
    /// A Claude Code rule.
    ClaudeRule => claude::RULE;
    /// A Cursor project rule (`.mdc`).
    CursorMdc => cursor::RULE;
    /// The legacy `.cursorrules`.
    Cursorrules => cursor::LEGACY_RULES;
    /// A Cursor subagent.
    CursorAgent => cursor::AGENT;
    /// A Cursor command.
    CursorCommand => cursor::COMMAND;
    /// Copilot repository instructions.
    CopilotInstructions => copilot::INSTRUCTIONS;
    /// Copilot path-specific instructions.
    CopilotScopedInstructions => copilot::SCOPED_INSTRUCTIONS;
    /// A Copilot prompt file.
    CopilotPrompt => copilot::PROMPT;
    /// A legacy Copilot chat mode.
    CopilotChatmode => copilot::CHATMODE;
    /// A Copilot custom agent.
    CopilotAgent => copilot::AGENT;
    /// `AGENTS.md`.
    AgentsMd => agents_md::AGENTS_MD;
    /// A Gemini CLI context file (`GEMINI.md`).
    GeminiMd => gemini::MEMORY;
    /// A Gemini CLI custom command (TOML).
    GeminiCommand => gemini::COMMAND;
    /// A Gemini CLI subagent.
    GeminiAgent => gemini::AGENT;
    /// A Codex custom agent (TOML).
    CodexAgent => codex::AGENT;
    /// An OpenCode agent.
    OpencodeAgent => opencode::AGENT;
    /// An OpenCode command.
    OpencodeCommand => opencode::COMMAND;
    /// A Windsurf rule.
    WindsurfRule => windsurf::RULE;
    /// A Kiro steering file.
    KiroSteering => kiro::STEERING;
    /// A Devin Desktop rule.
    DevinRule => devin::RULE;
    /// An Antigravity rule.
    AntigravityRule => antigravity::RULE;
    /// An Antigravity workflow.
    AntigravityWorkflow => antigravity::WORKFLOW;
    /// Zed's project rules file (`.rules`).
    ZedRules => zed::RULES;
    /// Warp's legacy `WARP.md`.
    WarpMd => warp::WARP_MD;
    /// A goose hints file (`.goosehints`).
    GooseHints => goose::HINTS;
    /// A goose custom agent.
    GooseAgent => goose::AGENT;
    /// Aider's conventions file.
    AiderConventions => aider::CONVENTIONS;
    /// Junie guidelines (`.junie/AGENTS.md`).
    JunieGuidelines => junie::GUIDELINES;
    /// Junie's legacy `.junie/guidelines.md`.
    JunieLegacyGuidelines => junie::LEGACY_GUIDELINES;
    /// A Junie custom subagent.
    JunieAgent => junie::AGENT;
    /// A JetBrains AI Assistant project rule.
    JetbrainsAiRule => jetbrains_ai::RULE;
    /// A Cline rule.
    ClineRule => cline::RULE;
    /// A Cline workflow.
    ClineWorkflow => cline::WORKFLOW;
    /// A Zoo Code rule.
    ZooRule => zoo::RULE;
    /// A Roo Code rule (legacy of Zoo Code).
    RooRule => zoo::ROO_RULE;
    /// A Zoo Code slash command.
    ZooCommand => zoo::COMMAND;
    /// A Roo Code slash command (legacy of Zoo Code).
    RooCommand => zoo::ROO_COMMAND;
    /// A Kilo Code rule.
    KiloRule => kilo::RULE;
    /// A Kilo Code agent.
    KiloAgent => kilo::AGENT;
    /// A Kilo Code slash command.
    KiloCommand => kilo::COMMAND;
    /// A Qwen Code context file (`QWEN.md`).
    QwenMd => qwen::MEMORY;
    /// A Qwen Code rule.
    QwenRule => qwen::RULE;
    /// A Qwen Code slash command.
    QwenCommand => qwen::COMMAND;
    /// A Qwen Code subagent.
    QwenAgent => qwen::AGENT;
    /// A Kiro CLI custom agent.
    KiroCliAgent => kiro_cli::AGENT;
    /// A Kiro CLI prompt file.
    KiroCliPrompt => kiro_cli::PROMPT;
    /// An Amazon Q Developer rule (legacy of Kiro CLI).
    AmazonqRule => kiro_cli::AMAZONQ_RULE;
    /// An Augment rule.
    AugmentRule => augment::RULE;
    /// An Augment slash command.
    AugmentCommand => augment::COMMAND;
    /// An Augment subagent.
    AugmentAgent => augment::AGENT;
    /// A Factory custom droid.
    FactoryDroid => factory::DROID;
    /// A Factory slash command.
    FactoryCommand => factory::COMMAND;
    /// A Trae project rule.
    TraeRule => trae::RULE;
}

macro_rules! tools {
    ($( $(#[$doc:meta])* $variant:ident => $spec:path; )+) => {
        /// A tool that reads agent files. Its facts are in its [`ToolSpec`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Tool { $( $(#[$doc])* $variant, )+ }

        impl Tool {
            /// Every tool, in registry order.
            pub const ALL: &'static [Tool] = &[$(Tool::$variant),+];

            /// The facts of this tool.
            #[must_use]
            pub fn spec(self) -> &'static ToolSpec {
                match self { $(Tool::$variant => &$spec,)+ }
            }
        }
    };
}

tools! {
    /// Claude Code.
    Claude => claude::TOOL;
    /// Cursor.
    Cursor => cursor::TOOL;
    /// GitHub Copilot (VS Code and GitHub.com).
    Copilot => copilot::TOOL;
    /// The open AGENTS.md format (Codex, Copilot, Cursor, ... read it).
    AgentsMd => agents_md::TOOL;
    /// Gemini CLI.
    Gemini => gemini::TOOL;
    /// OpenCode.
    Opencode => opencode::TOOL;
    /// Windsurf.
    Windsurf => windsurf::TOOL;
    /// Kiro.
    Kiro => kiro::TOOL;
    /// OpenAI Codex.
    Codex => codex::TOOL;
    /// Devin Desktop (Windsurf's successor).
    Devin => devin::TOOL;
    /// Google Antigravity (Gemini CLI's successor for individual accounts).
    Antigravity => antigravity::TOOL;
    /// Cline.
    Cline => cline::TOOL;
    /// Zoo Code (the continuation of Roo Code).
    Zoo => zoo::TOOL;
    /// Kilo Code.
    Kilo => kilo::TOOL;
    /// Zed.
    Zed => zed::TOOL;
    /// JetBrains Junie.
    Junie => junie::TOOL;
    /// JetBrains AI Assistant.
    JetbrainsAi => jetbrains_ai::TOOL;
    /// Kiro CLI (the successor of Amazon Q Developer CLI).
    KiroCli => kiro_cli::TOOL;
    /// GitHub Copilot CLI.
    CopilotCli => copilot_cli::TOOL;
    /// Qwen Code.
    Qwen => qwen::TOOL;
    /// goose.
    Goose => goose::TOOL;
    /// Warp.
    Warp => warp::TOOL;
    /// Amp.
    Amp => amp::TOOL;
    /// Augment.
    Augment => augment::TOOL;
    /// Factory Droid.
    Factory => factory::TOOL;
    /// Trae.
    Trae => trae::TOOL;
    /// Aider.
    Aider => aider::TOOL;
}

impl Kind {
    /// The kebab-case id used on the command line, in schemas and in output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.spec().id
    }

    /// The tool that reads this kind.
    #[must_use]
    pub fn tool(self) -> Tool {
        self.spec().tool
    }

    /// A one-line description (`Claude Code subagent`).
    #[must_use]
    pub fn describe(self) -> &'static str {
        self.spec().describe
    }

    /// What the kind is for.
    #[must_use]
    pub fn role(self) -> Role {
        self.spec().role
    }

    /// The front-matter dialect of the owning tool.
    #[must_use]
    pub fn dialect(self) -> Dialect {
        self.spec().dialect
    }

    /// Whether the file is TOML (Gemini CLI commands, Codex custom agents) rather than
    /// markdown.
    #[must_use]
    pub fn is_toml(self) -> bool {
        self.spec().toml_prompt_key.is_some()
    }

    /// The key that holds the prompt of a TOML kind; `None` for markdown kinds, whose prompt
    /// is the body.
    #[must_use]
    pub fn prompt_key(self) -> Option<&'static str> {
        self.spec().toml_prompt_key
    }

    /// Whether the kind is plain markdown with no front matter by specification.
    #[must_use]
    pub fn expects_no_front_matter(self) -> bool {
        self.spec().no_front_matter
    }

    /// Whether a file of this kind may sit in any directory of the project and then applies
    /// to the files below it.
    #[must_use]
    pub fn nests(self) -> bool {
        self.spec().nests
    }

    /// The placeholder syntax of the body.
    #[must_use]
    pub fn placeholders(self) -> Placeholders {
        self.spec().placeholders
    }
}

impl Tool {
    /// The kebab-case id used on the command line and in output.
    #[must_use]
    pub fn key(self) -> &'static str {
        self.spec().key
    }

    /// The tool's product name.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The tool's kinds, in registry order.
    pub fn kinds(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.iter().copied().filter(move |k| k.tool() == self)
    }
}

impl Kind {
    /// Every tool that reads files of this kind: its own tool, the tools converted to it
    /// ([`ToolSpec::targets`]) and the tools that read it besides ([`ToolSpec::reads`]), in
    /// registry order. Many tools read `AGENTS.md`; a skill under `.claude/skills/` is read
    /// only where a tool writes its skills there.
    #[must_use]
    pub fn readers(self) -> Vec<Tool> {
        Tool::ALL
            .iter()
            .copied()
            .filter(|&t| {
                let spec = t.spec();
                self.tool() == t
                    || spec.reads.contains(&self)
                    || (spec.targets.iter().any(|&(_, k)| k == self)
                        && (self != Kind::ClaudeSkill || spec.skill_dir.is_none()))
            })
            .collect()
    }
}

impl std::str::FromStr for Tool {
    type Err = ();
    /// Parses a tool key (`claude`, `agents-md`).
    fn from_str(s: &str) -> Result<Self, ()> {
        Tool::ALL.iter().copied().find(|t| t.key() == s).ok_or(())
    }
}

impl std::str::FromStr for Kind {
    type Err = ();
    /// Parses a kind id (`claude-agent`).
    fn from_str(s: &str) -> Result<Self, ()> {
        Kind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
            .ok_or(())
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Display for Tool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Serialize for Tool {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_in_its_tool_and_has_a_schema_and_a_path() {
        for &k in Kind::ALL {
            let s = k.spec();
            assert_eq!(s.id.parse::<Kind>(), Ok(k));
            assert!(
                // A legacy kind keeps the id of the tool that defined it (`roo-rule`).
                s.id.starts_with(k.tool().key())
                    || k == Kind::Cursorrules
                    || s.replaced_by.is_some(),
                "{}",
                s.id
            );
            assert!(
                !s.describe.is_empty() && !s.write_path.is_empty(),
                "{}",
                s.id
            );
            let schema: serde_json::Value = serde_json::from_str(s.schema).expect(s.id);
            assert_eq!(schema["title"], s.id);
        }
        for &t in Tool::ALL {
            assert_eq!(t.key().parse::<Tool>(), Ok(t));
            // A tool without kinds of its own (Copilot CLI, Amp) writes only the kinds the
            // check below allows: shared ones, AGENTS.md and skills.
            for &(_, k) in t.spec().targets {
                let written_here = k.tool() == t
                    || t.spec().shares.contains(&k.tool())
                    || k == Kind::AgentsMd
                    || (k == Kind::ClaudeSkill && t.spec().skill_dir.is_some());
                assert!(written_here, "{} writes {}", t.key(), k.as_str());
            }
        }
    }

    /// The source tags (`[CC-SUB]`) in `text`.
    fn tags(text: &str) -> Vec<&str> {
        text.match_indices('[')
            .filter_map(|(i, _)| {
                let rest = &text[i + 1..];
                let end = rest.find(']')?;
                let tag = &rest[..end];
                let ok = tag.len() > 1
                    && tag.starts_with(|c: char| c.is_ascii_uppercase())
                    && tag
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
                ok.then_some(tag)
            })
            .collect()
    }

    #[test]
    fn every_schema_property_cites_a_known_source() {
        let sources: serde_json::Value =
            serde_json::from_str(include_str!("../../schemas/sources.json")).unwrap();
        for &k in Kind::ALL {
            let schema: serde_json::Value = serde_json::from_str(k.spec().schema).unwrap();
            let props = schema["properties"]
                .as_object()
                .map(|m| m.iter())
                .into_iter()
                .flatten();
            for (key, p) in props {
                let desc = p["description"].as_str().unwrap_or("");
                let t = tags(desc);
                assert!(!t.is_empty(), "{} `{key}` cites no source", k.as_str());
                for tag in t {
                    assert!(
                        sources.get(tag).is_some(),
                        "{} `{key}`: [{tag}] not in sources.json",
                        k.as_str()
                    );
                }
            }
        }
        for &t in Tool::ALL {
            for tag in t.spec().sources {
                assert!(
                    sources.get(*tag).is_some(),
                    "{}: [{tag}] not in sources.json",
                    t.key()
                );
            }
        }
        assert_eq!(tags("a [CC-SUB] b [x] c [N]"), vec!["CC-SUB"]);
    }

    #[test]
    fn ids_serialize_as_kebab_case() {
        assert_eq!(
            serde_json::to_string(&Kind::CopilotScopedInstructions).unwrap(),
            "\"copilot-scoped-instructions\""
        );
        assert_eq!(
            serde_json::to_string(&Tool::AgentsMd).unwrap(),
            "\"agents-md\""
        );
    }
}
