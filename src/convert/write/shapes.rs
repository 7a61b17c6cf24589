//! Writers parameterised by the shape of a tool's front matter: many tools' agents, commands
//! and rules differ from one another only in the names of a few keys. A tool module declares
//! its [`AgentShape`] or [`CommandShape`] and calls [`agent`] or [`command`]; a rule scoped by
//! a `paths`-like list calls [`paths_rule`]; a command file without front matter calls
//! [`plain_command`]. Nothing here names a tool.

use super::W;
use crate::convert::emit::Y;
use crate::convert::model::{Activation, Slot, ToolRef};
use crate::convert::placeholders::Syntax;

/// How a tool writes tool names: the name mapper of its vocabulary
/// ([`crate::tools::claude::names::write`]), the separator of a string list (`None`: a YAML
/// list) and the front-matter key.
#[derive(Clone, Copy)]
pub(crate) struct ToolKeys {
    /// The key of the allowlist (`tools`).
    pub key: &'static str,
    /// The key of the denylist (`disallowedTools`), when the tool has one.
    pub deny_key: Option<&'static str>,
    /// Writes one neutral tool entry in the tool's vocabulary.
    pub names: fn(&ToolRef) -> Vec<String>,
    /// `Some(", ")` for a comma-separated string, `None` for a YAML list.
    pub sep: Option<&'static str>,
}

/// How an agent file of a tool lists its tools.
#[derive(Clone, Copy)]
pub(crate) enum Tools {
    /// With these keys, in a vocabulary agentfmt maps.
    Keys(ToolKeys),
    /// In a vocabulary agentfmt does not map: the lists are dropped with the reason.
    Unmapped,
    /// Not at all: the agent has every tool of its session.
    None,
}

/// The front-matter keys of an agent (a subagent or custom agent) file.
pub(crate) struct AgentShape {
    /// `(key, lowercase-hyphen, required)` of the name; `None` when the file name is the
    /// name.
    pub name: Option<(&'static str, bool, bool)>,
    /// Whether the tool requires a description (then one is synthesised from the body).
    pub description_required: bool,
    /// Whether and how the agent lists tools.
    pub tools: Tools,
    /// The key of the model, when the tool has one.
    pub model: Option<&'static str>,
    /// Whether the tool spells the default model `inherit` (else it is omitted).
    pub model_inherit: bool,
    /// The key of the turn limit, when the tool has one.
    pub max_turns: Option<&'static str>,
    /// The key of the reasoning effort, when the tool has one.
    pub effort: Option<&'static str>,
}

/// Writes an agent of `shape`; returns the file text.
pub(crate) fn agent(w: &mut W<'_>, shape: &AgentShape) -> String {
    let tool = w.tool.name();
    match shape.name {
        Some((key, lower, required)) => w.name(key, lower, required),
        None => file_is_name(w, "agent"),
    }
    w.description("description", shape.description_required);
    tool_lists(w, shape.tools);
    if let Some(key) = shape.model {
        w.model(key, shape.model_inherit);
    }
    match (shape.max_turns, w.m.max_turns) {
        (Some(key), Some(n)) => {
            w.set(key, Y::Int(n));
            w.exact(Slot::MaxTurns, key);
        }
        (None, Some(_)) => w.drop_(Slot::MaxTurns, format!("{tool} agents have no turn limit")),
        _ => {}
    }
    match (shape.effort, w.m.effort.clone()) {
        (Some(key), Some(e)) => {
            w.set(key, Y::s(e));
            w.exact(Slot::Effort, key);
        }
        (None, Some(_)) => w.drop_(
            Slot::Effort,
            format!("{tool} agents have no reasoning effort"),
        ),
        _ => {}
    }
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}

/// The front-matter keys of a command (slash command) file.
pub(crate) struct CommandShape {
    /// The key of the argument hint, when the tool has one.
    pub argument_hint: Option<&'static str>,
    /// The key of the model, when the tool has one.
    pub model: Option<&'static str>,
    /// The key that turns model invocation off (`disable-model-invocation`), when the tool
    /// has one.
    pub disable_model_invocation: Option<&'static str>,
    /// The placeholder syntax the tool substitutes in the body.
    pub syntax: Syntax,
}

/// Writes a command of `shape` (the file name is the command name); returns the file text.
pub(crate) fn command(w: &mut W<'_>, shape: &CommandShape) -> String {
    file_is_name(w, "command");
    w.description("description", false);
    if let (Some(key), Some(h)) = (shape.argument_hint, w.m.argument_hint.clone()) {
        w.set(key, Y::Str(h));
        w.exact(Slot::ArgumentHint, key);
    }
    if let Some(key) = shape.model {
        w.model(key, false);
    }
    if let (Some(key), Some(mi)) = (shape.disable_model_invocation, w.m.model_invocable) {
        w.set(key, Y::Bool(!mi));
        w.exact(Slot::ModelInvocation, key);
    }
    if w.m.activation == Activation::Manual {
        w.activation("a command runs when the user invokes it");
    }
    w.pass_extras();
    let body = w.body(shape.syntax);
    w.doc(&body)
}

/// Writes a command file without front matter (the file name is the command name, the whole
/// file is the prompt): any description is dropped with the reason.
pub(crate) fn plain_command(w: &mut W<'_>) -> String {
    let tool = w.tool.name();
    file_is_name(w, "command");
    if w.m.description.is_some() {
        w.drop_(
            Slot::Description,
            format!("{tool} reads the whole file as the prompt, with no front matter"),
        );
    }
    if w.m.activation == Activation::Manual {
        w.activation("a command runs when the user invokes it");
    }
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}

/// Writes a rule scoped by a list of globs under `key` (`paths`), always loaded without it;
/// a rule the model chooses or the user invokes cannot be written and is reported.
pub(crate) fn paths_rule(w: &mut W<'_>, key: &str) -> String {
    let tool = w.tool.name();
    match w.m.activation.clone() {
        Activation::Globs(g) => {
            w.set(key, Y::strs(g.clone()));
            w.activation(&format!("`{key}: [{}]`", g.join(", ")));
        }
        Activation::Always => w.activation(&format!("no `{key}`: always loaded")),
        Activation::ModelDecides => w.approx(
            Slot::Activation,
            format!("always loaded: {tool} rules cannot be chosen by the model (a skill can)"),
        ),
        Activation::Manual => w.approx(
            Slot::Activation,
            format!("always loaded: {tool} rules cannot be invoked by the user (a command can)"),
        ),
    }
    if w.m.description.is_some() && !w.same_tool() {
        w.drop_(
            Slot::Description,
            format!("{tool} rules have no description"),
        );
    } else {
        w.description("description", false);
    }
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}

/// Reports a source name that the target takes from the file name instead.
fn file_is_name(w: &mut W<'_>, what: &str) {
    if w.m.name.is_some() && !w.m.name_from_path {
        let f = w.file_slug();
        w.approx(
            Slot::Name,
            format!("the {what} name is the file name `{f}.md`"),
        );
    }
}

/// Writes the allowlist and denylist as `tools` says, or drops them with the reason.
fn tool_lists(w: &mut W<'_>, tools: Tools) {
    let tool = w.tool.name();
    let why = match tools {
        Tools::Keys(k) => return keyed_lists(w, k),
        Tools::Unmapped => {
            format!("{tool}'s tool names are not in agentfmt's tool table; add them by hand")
        }
        Tools::None => format!("{tool} agents do not list tools: they have every tool"),
    };
    if w.m.tools.is_some() {
        w.drop_(Slot::Tools, why.clone());
    }
    if !w.m.disallowed.is_empty() {
        w.drop_(Slot::Disallowed, why);
    }
}

/// Writes the allowlist and denylist under the keys of `k`.
fn keyed_lists(w: &mut W<'_>, k: ToolKeys) {
    let tool = w.tool.name();
    let restrict = w.m.tools_meaning == crate::convert::model::ToolsMeaning::Restrict;
    w.tools(k.key, k.names, k.sep, restrict);
    if w.m.disallowed.is_empty() {
        return;
    }
    let Some(deny) = k.deny_key else {
        w.drop_(Slot::Disallowed, format!("{tool} agents have no denylist"));
        return;
    };
    let (names, unknown) = w.denied(k.names);
    if names.is_empty() {
        w.drop_(Slot::Disallowed, format!("no entry maps to a {tool} tool"));
        return;
    }
    if unknown.is_empty() && w.same_tool() {
        w.exact(Slot::Disallowed, deny);
    } else {
        let mut what = format!("`{deny}: {}`", names.join(", "));
        if !unknown.is_empty() {
            what = format!("{what}; no {tool} tool for `{}`", unknown.join(", "));
        }
        w.approx(Slot::Disallowed, what);
    }
    match k.sep {
        Some(sep) => w.set(deny, Y::Str(names.join(sep))),
        None => w.set(deny, Y::strs(names)),
    }
}
