//! The registry of readers and writers: which tool module reads a key, a value and the
//! activation of a kind, and which writes it. One arm per tool.

use super::{
    Kind, Tool, aider, antigravity, augment, claude, codex, copilot, cursor, factory, gemini,
    goose, jetbrains_ai, junie, kilo, kiro, kiro_cli, opencode, qwen, trae, windsurf, zoo,
};
use crate::convert::Loss;
use crate::convert::model::{Activation, Model, Slot, ToolWhat};
use crate::convert::read::{common_slot, paths_activation};
use crate::convert::write::W;
use crate::convert::write::{plain, shapes};
use crate::document::{Document, Node};

/// The slot a top-level key of `kind` fills, other than `description` (every kind's).
pub(crate) fn slot(kind: Kind, key: &str) -> Slot {
    match kind.tool() {
        Tool::Claude => claude::read::slot(kind, key),
        Tool::Cursor => cursor::read::slot(kind, key),
        Tool::Copilot => copilot::read::slot(kind, key),
        Tool::AgentsMd => Slot::Extra(key.to_owned()),
        Tool::Gemini => gemini::read::slot(kind, key),
        Tool::Opencode => opencode::read::slot(kind, key),
        Tool::Windsurf | Tool::Devin => windsurf::read::slot(key),
        Tool::Antigravity if kind == Kind::AntigravityRule => windsurf::read::slot(key),
        Tool::Kiro => kiro::read::slot(key),
        Tool::Codex => codex::read::slot(key),
        Tool::Kilo if kind == Kind::KiloRule => paths_slot(key),
        Tool::Kilo => opencode::read::slot(kilo::opencode_kind(kind), key),
        Tool::Cline | Tool::Qwen if matches!(kind, Kind::ClineRule | Kind::QwenRule) => {
            paths_slot(key)
        }
        Tool::JetbrainsAi => jetbrains_ai::slot(key),
        Tool::Augment => augment::slot(kind, key),
        Tool::Trae => trae::slot(key),
        Tool::Qwen | Tool::Junie | Tool::Factory if key == "tools" => Slot::Tools,
        Tool::Qwen | Tool::Junie if key == "disallowedTools" => Slot::Disallowed,
        Tool::Qwen if key == "maxTurns" => Slot::MaxTurns,
        Tool::Factory if key == "reasoningEffort" => Slot::Effort,
        Tool::Antigravity
        | Tool::Cline
        | Tool::Zoo
        | Tool::Zed
        | Tool::Junie
        | Tool::KiroCli
        | Tool::CopilotCli
        | Tool::Qwen
        | Tool::Goose
        | Tool::Warp
        | Tool::Amp
        | Tool::Factory
        | Tool::Aider => common_slot(key),
    }
}

/// The slot of a key of a rule scoped by a `paths` list.
fn paths_slot(key: &str) -> Slot {
    if key == "paths" {
        Slot::Activation
    } else {
        common_slot(key)
    }
}

/// Reads the value `v` of `key` (in `slot`) into `m` where the tool reads it its own way;
/// returns `false` to leave it to the shared reader.
pub(crate) fn value(m: &mut Model, kind: Kind, key: &str, slot: &Slot, v: &Node) -> bool {
    match kind.tool() {
        Tool::Claude => claude::read::value(m, kind, slot),
        Tool::Cursor => cursor::read::value(m, slot, v),
        Tool::Copilot => copilot::read::value(m, kind, key, v),
        Tool::Opencode => opencode::read::value(m, kind, key, slot, v),
        Tool::Kilo => opencode::read::value(m, kilo::opencode_kind(kind), key, slot, v),
        Tool::Codex => codex::read::value(m, slot, v),
        _ => false,
    }
}

/// When a file of `doc`'s kind applies, where the kind decides; `None` for the default of
/// its role.
pub(crate) fn activation(doc: &Document, has_description: bool) -> Option<Activation> {
    match doc.kind {
        Kind::AntigravityRule => return Some(windsurf::read::activation(doc)),
        Kind::ClineRule | Kind::KiloRule | Kind::QwenRule => {
            return Some(paths_activation(doc, "paths"));
        }
        Kind::JetbrainsAiRule => return Some(jetbrains_ai::activation(doc)),
        Kind::TraeRule => return Some(trae::activation(doc, has_description)),
        _ => {}
    }
    match doc.kind.tool() {
        Tool::Claude => claude::read::activation(doc),
        Tool::Cursor => cursor::read::activation(doc, has_description),
        Tool::Copilot => copilot::read::activation(doc, has_description),
        Tool::Windsurf | Tool::Devin => Some(windsurf::read::activation(doc)),
        Tool::Kiro => Some(kiro::read::activation(doc)),
        Tool::Augment => augment::activation(doc),
        _ => None,
    }
}

/// What a tool reads from the whole file once every key is read.
pub(crate) fn finish(doc: &Document, m: &mut Model, losses: &mut Vec<Loss>) {
    match doc.kind.tool() {
        Tool::Claude => claude::read::finish(doc, m),
        Tool::Copilot => copilot::read::finish(doc, m),
        Tool::Gemini => gemini::read::finish(doc, losses),
        _ => {}
    }
}

/// What tool name `name` (without its `(specifier)`) means in `tool`'s vocabulary.
pub(crate) fn tool_name(tool: Tool, name: &str) -> ToolWhat {
    match tool {
        Tool::Claude => claude::names::read(name),
        Tool::Copilot | Tool::CopilotCli => copilot::names::read(name),
        Tool::Opencode | Tool::Kilo => opencode::names::read(name),
        Tool::Gemini => gemini::names::read(name),
        Tool::Junie => junie::read_name(name),
        Tool::Factory => factory::read_name(name),
        _ => ToolWhat::Unknown,
    }
}

/// Writes the model in `w` as a `w.kind` file; returns the file's text.
pub(crate) fn write(w: &mut W<'_>) -> String {
    use Kind as K;
    match w.kind {
        K::ClaudeAgent => claude::write::agent(w),
        K::ClaudeCommand | K::ClaudeSkill => claude::write::command_or_skill(w),
        K::ClaudeRule => claude::write::rule(w),
        K::CursorMdc => cursor::write::mdc(w),
        K::CursorAgent => cursor::write::agent(w),
        K::CursorCommand => cursor::write::command(w),
        K::CopilotAgent | K::CopilotChatmode => copilot::write::agent(w),
        K::CopilotPrompt => copilot::write::prompt(w),
        K::CopilotScopedInstructions => copilot::write::scoped(w),
        K::ClaudeMd
        | K::AgentsMd
        | K::GeminiMd
        | K::Cursorrules
        | K::CopilotInstructions
        | K::ZedRules
        | K::WarpMd
        | K::GooseHints
        | K::JunieGuidelines
        | K::JunieLegacyGuidelines
        | K::ZooRule
        | K::RooRule
        | K::QwenMd
        | K::AmazonqRule => plain::plain(w),
        K::AiderConventions => aider::write::conventions(w),
        K::GeminiCommand => gemini::write::gemini_command(w),
        K::GeminiAgent => gemini::write::gemini_agent(w),
        K::CodexAgent => codex::write::codex_agent(w),
        K::OpencodeAgent | K::KiloAgent => opencode::write::opencode_agent(w),
        K::OpencodeCommand | K::KiloCommand => opencode::write::opencode_command(w),
        K::WindsurfRule => windsurf::write::windsurf(w),
        K::KiroSteering => kiro::write::kiro(w),
        K::DevinRule => windsurf::write::trigger_rule(w, "[SKILLSAW-DEVIN]"),
        K::AntigravityRule => windsurf::write::trigger_rule(w, "[AG-RULES-SKLY]"),
        K::AntigravityWorkflow => antigravity::write::workflow(w),
        K::ClineRule | K::KiloRule | K::QwenRule => shapes::paths_rule(w, "paths"),
        K::ClineWorkflow | K::KiroCliPrompt => shapes::plain_command(w),
        K::ZooCommand | K::RooCommand => zoo::write_command(w),
        K::QwenCommand => qwen::write_command(w),
        K::QwenAgent => qwen::write_agent(w),
        K::GooseAgent => goose::write_agent(w),
        K::JunieAgent => junie::write_agent(w),
        K::JetbrainsAiRule => jetbrains_ai::write_rule(w),
        K::KiroCliAgent => kiro_cli::write_agent(w),
        K::AugmentRule => augment::write_rule(w),
        K::AugmentCommand => augment::write_command(w),
        K::AugmentAgent => augment::write_agent(w),
        K::FactoryDroid => factory::write_droid(w),
        K::FactoryCommand => factory::write_command(w),
        K::TraeRule => trae::write_rule(w),
    }
}
