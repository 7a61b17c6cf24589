//! The writer of Codex custom agents [CODEX-SUB].

use crate::convert::emit::{self, Y};
use crate::convert::model::Slot;
use crate::convert::placeholders::Syntax;
use crate::convert::write::W;
use crate::tools::Kind;

/// `.codex/agents/N.toml`: `name`, `description`, `developer_instructions` (all required),
/// `model`, `model_reasoning_effort`, `sandbox_mode` [CODEX-SUB];.
/// Other keys of a Codex source are passed through as inline TOML values.
pub(crate) fn codex_agent(w: &mut W<'_>) -> String {
    let same = w.same_tool();
    // Codex documents no charset for `name` (the `agent_type`): an identifier-like name is
    // kept as it is, anything else (spaces, punctuation) becomes a slug.
    let plain = w.m.name.as_deref().is_some_and(|n| {
        !n.is_empty()
            && n.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
    });
    w.name("name", !plain, true);
    w.description("description", true);
    w.model("model", false);
    if let Some(e) = w.m.effort.clone() {
        // `max` → `xhigh`.
        let v = if e == "max" {
            "xhigh".to_owned()
        } else {
            e.clone()
        };
        if v == e {
            w.exact(Slot::Effort, "model_reasoning_effort");
        } else {
            w.approx(Slot::Effort, format!("`model_reasoning_effort = \"{v}\"`"));
        }
        w.set("model_reasoning_effort", Y::Str(v));
    }
    let sandbox_original =
        w.m.originals
            .iter()
            .find(|o| o.key == "sandbox_mode")
            .and_then(|o| o.value.as_str().map(str::to_owned));
    match (same, sandbox_original) {
        (true, Some(v)) => {
            w.set("sandbox_mode", Y::Str(v));
            w.exact(Slot::Readonly, "sandbox_mode");
        }
        _ => {
            let plan = w.m.permission_mode.as_deref() == Some("plan");
            if w.m.readonly == Some(true) {
                w.approx(Slot::Readonly, "`sandbox_mode = \"read-only\"`");
            } else if w.m.readonly == Some(false) {
                w.approx(Slot::Readonly, "omitted: the session's sandbox applies");
            }
            if plan {
                w.approx(
                    Slot::PermissionMode,
                    "`sandbox_mode = \"read-only\"` (value set UNCONFIRMED)",
                );
            } else if let Some(p) = w.m.permission_mode.clone() {
                w.drop_(
                    Slot::PermissionMode,
                    format!("`{p}` has no Codex agent equivalent"),
                );
            }
            if w.m.readonly == Some(true) || plan {
                w.set("sandbox_mode", Y::s("read-only"));
            }
        }
    }
    if w.m.tools.is_some() {
        w.drop_(
            Slot::Tools,
            "Codex custom agents have no per-agent tool list",
        );
    }
    if !w.m.disallowed.is_empty() {
        w.drop_(
            Slot::Disallowed,
            "Codex custom agents have no per-agent tool list",
        );
    }
    w.mcp_servers("mcp_servers");
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    if w.m.source == Kind::CodexAgent
        || matches!(
            w.out_of(&Slot::Body),
            Some(crate::convert::write::Outcome::Exact(_))
        )
    {
        w.exact(Slot::Body, "developer_instructions");
    }
    let mut out = String::new();
    let mut tables = String::new();
    let fm = std::mem::take(&mut w.fm);
    for (k, v) in &fm {
        // A map of maps (`mcp_servers`) is written as one `[key.name]` table per entry after
        // the other keys, the way Codex documents `config.toml` [CODEX-SUB].
        if let Some(t) = sub_tables(k, v) {
            tables.push_str(&t);
            continue;
        }
        match emit::toml_value(v) {
            Some(t) => out.push_str(&format!("{} = {t}\n", emit::toml_key(k))),
            None => w.losses.push(crate::convert::Loss {
                field: k.clone(),
                what: crate::convert::LossKind::Dropped,
                message: format!("`{k}` dropped: TOML has no null value"),
            }),
        }
    }
    w.fm = fm;
    out.push_str(&format!(
        "developer_instructions = {}\n",
        emit::toml_multiline(&body)
    ));
    out.push_str(&tables);
    out
}

/// `v` as `[k.name]` tables, one per entry, when `v` is a non-empty map whose values are all
/// maps that TOML can hold (no null inside); else `None`.
fn sub_tables(k: &str, v: &Y) -> Option<String> {
    let Y::Map(entries) = v else {
        return None;
    };
    if entries.is_empty() {
        return None;
    }
    let mut out = String::new();
    for (name, inner) in entries {
        let Y::Map(fields) = inner else {
            return None;
        };
        out.push_str(&format!(
            "\n[{}.{}]\n",
            emit::toml_key(k),
            emit::toml_key(name)
        ));
        for (f, x) in fields {
            out.push_str(&format!(
                "{} = {}\n",
                emit::toml_key(f),
                emit::toml_value(x)?
            ));
        }
    }
    Some(out)
}
