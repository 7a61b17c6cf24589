//! The model table and the activation wording for files without
//! metadata.

use crate::tools::{ModelIds, Tool};

/// Claude full model ids and the Copilot display names of the same model. Copilot writes
/// `Name (vendor)` [VSC-AGENTS], [GH-AGENTS-CFG]; Claude ids follow `claude-opus-4-6`
/// [CC-MODEL]. Only models named on both sides in their sources are listed; aliases (`opus`,
/// `sonnet`) move between versions over time and are never mapped by default.
static CLAUDE_COPILOT: &[(&str, &str)] = &[
    ("claude-sonnet-4", "Claude Sonnet 4"),
    ("claude-opus-4-5", "Claude Opus 4.5"),
];

/// Maps model `id` (in `from`'s vocabulary) into `to`'s vocabulary, without overrides.
///
/// Returns `Some(value)` for a mapped model; `Some("inherit")`/`None` semantics are left to
/// the writer: `inherit` comes back as `"inherit"`. `None` means unmappable: the caller drops
/// it with a warning, never passing it through .
#[must_use]
pub fn map_model(from: Tool, to: Tool, id: &str) -> Option<String> {
    let id = id.trim();
    if from == to {
        return Some(id.to_owned());
    }
    if id == "inherit" {
        return Some("inherit".to_owned());
    }
    let claude_id = claude_full_id(from, id)?;
    match to.spec().models {
        // Cursor uses Claude's own ids for Claude models (`claude-opus-4-8`) [CUR-SUB].
        ModelIds::Claude => Some(claude_id),
        ModelIds::CopilotNames => CLAUDE_COPILOT
            .iter()
            .find(|(c, _)| *c == claude_id)
            .map(|(_, n)| format!("{n} (copilot)")),
        // `anthropic/<full-id>` [OC-AGENTS],.
        ModelIds::ProviderPrefixed => Some(format!("anthropic/{claude_id}")),
        ModelIds::Unmapped => None,
    }
}

/// The full Claude model id behind `id`, when `id` names one (not an alias).
fn claude_full_id(from: Tool, id: &str) -> Option<String> {
    let id = match from.spec().models {
        // Cursor: strip the `[k=v,…]` suffix [CUR-SUB].
        ModelIds::Claude => id.split('[').next().unwrap_or(id).trim(),
        ModelIds::ProviderPrefixed => id.strip_prefix("anthropic/")?,
        ModelIds::CopilotNames => {
            let name = id.strip_suffix(" (copilot)").unwrap_or(id).trim();
            return CLAUDE_COPILOT
                .iter()
                .find(|(_, n)| *n == name)
                .map(|(c, _)| (*c).to_owned());
        }
        ModelIds::Unmapped => id,
    };
    (id.starts_with("claude-") && id.len() > "claude-".len()).then(|| id.to_owned())
}

/// How an activation is stated in words in AGENTS.md / GEMINI.md sections, which have no
/// metadata ([AGENTSMD]).
#[must_use]
pub fn activation_words(
    a: &crate::convert::model::Activation,
    description: Option<&str>,
) -> Option<String> {
    use crate::convert::model::Activation;
    match a {
        Activation::Always => None,
        Activation::Globs(g) => Some(format!(
            "Apply these instructions when working on files matching {}.",
            g.iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        Activation::ModelDecides => Some(match description {
            Some(d) => format!("Apply these instructions when relevant: {d}"),
            None => "Apply these instructions when they are relevant to the task.".to_owned(),
        }),
        Activation::Manual => {
            Some("Apply these instructions only when the user asks for them.".to_owned())
        }
    }
}
