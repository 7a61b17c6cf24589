//! The registry of readers and writers: which tool module reads a key, a value and the
//! activation of a kind, and which writes it. One arm per tool.

use super::{
    Kind, Tool, antigravity, claude, codex, copilot, cursor, gemini, kiro, opencode, windsurf,
};
use crate::convert::Loss;
use crate::convert::model::{Activation, Model, Slot, ToolWhat};
use crate::convert::write::W;
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
        Tool::Antigravity => crate::convert::read::common_slot(key),
        Tool::Kiro => kiro::read::slot(key),
        Tool::Codex => codex::read::slot(key),
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
        Tool::Codex => codex::read::value(m, slot, v),
        Tool::AgentsMd
        | Tool::Gemini
        | Tool::Windsurf
        | Tool::Kiro
        | Tool::Devin
        | Tool::Antigravity => false,
    }
}

/// When a file of `doc`'s kind applies, where the kind decides; `None` for the default of
/// its role.
pub(crate) fn activation(doc: &Document, has_description: bool) -> Option<Activation> {
    match doc.kind.tool() {
        Tool::Claude => claude::read::activation(doc),
        Tool::Cursor => cursor::read::activation(doc, has_description),
        Tool::Copilot => copilot::read::activation(doc, has_description),
        Tool::Windsurf | Tool::Devin => Some(windsurf::read::activation(doc)),
        Tool::Antigravity if doc.kind == Kind::AntigravityRule => {
            Some(windsurf::read::activation(doc))
        }
        Tool::Kiro => Some(kiro::read::activation(doc)),
        Tool::AgentsMd | Tool::Gemini | Tool::Opencode | Tool::Codex | Tool::Antigravity => None,
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
        Tool::Copilot => copilot::names::read(name),
        Tool::Opencode => opencode::names::read(name),
        Tool::Gemini => gemini::names::read(name),
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
        K::ClaudeMd | K::AgentsMd | K::GeminiMd | K::Cursorrules | K::CopilotInstructions => {
            crate::convert::write::plain::plain(w)
        }
        K::GeminiCommand => gemini::write::gemini_command(w),
        K::GeminiAgent => gemini::write::gemini_agent(w),
        K::CodexAgent => codex::write::codex_agent(w),
        K::OpencodeAgent => opencode::write::opencode_agent(w),
        K::OpencodeCommand => opencode::write::opencode_command(w),
        K::WindsurfRule => windsurf::write::windsurf(w),
        K::KiroSteering => kiro::write::kiro(w),
        K::DevinRule => windsurf::write::trigger_rule(w, "[SKILLSAW-DEVIN]"),
        K::AntigravityRule => windsurf::write::trigger_rule(w, "[AG-RULES-SKLY]"),
        K::AntigravityWorkflow => antigravity::write::workflow(w),
    }
}
