//! `[context]` of `agentfmt.toml`: `budget`, session-start tokens per tool.

use std::collections::BTreeMap;

use super::{ConfigError, unknown};

/// The tools `[context.budget]` accepts (those `agentfmt context` knows).
const BUDGET_TOOLS: &[&str] = &["claude", "codex", "cursor", "copilot"];

/// `[context]`: only `budget`, a table of tool name → positive integer tokens.
pub(super) fn budget(t: &toml::de::DeTable<'_>) -> Result<BTreeMap<String, usize>, ConfigError> {
    let mut out = BTreeMap::new();
    for (k, v) in t {
        let toml::de::DeValue::Table(b) = v.get_ref() else {
            let span = Some(if k.get_ref() == "budget" {
                v.span()
            } else {
                k.span()
            });
            return Err(if k.get_ref() == "budget" {
                ConfigError {
                    message: "`context.budget` must be a table".into(),
                    span,
                }
            } else {
                unknown(k.get_ref(), "[context]", &["budget"], span)
            });
        };
        if k.get_ref() != "budget" {
            return Err(unknown(
                k.get_ref(),
                "[context]",
                &["budget"],
                Some(k.span()),
            ));
        }
        for (tool, n) in b {
            if !BUDGET_TOOLS.contains(&tool.get_ref().as_ref()) {
                return Err(unknown(
                    tool.get_ref(),
                    "[context.budget]",
                    BUDGET_TOOLS,
                    Some(tool.span()),
                ));
            }
            let toml::de::DeValue::Integer(i) = n.get_ref() else {
                return Err(ConfigError {
                    message: format!(
                        "`context.budget.{}` must be a number of tokens",
                        tool.get_ref()
                    ),
                    span: Some(n.span()),
                });
            };
            let tokens = i
                .as_str()
                .replace('_', "")
                .parse::<usize>()
                .ok()
                .filter(|&n| n > 0);
            let Some(tokens) = tokens else {
                return Err(ConfigError {
                    message: format!(
                        "`context.budget.{}` must be a positive number of tokens",
                        tool.get_ref()
                    ),
                    span: Some(n.span()),
                });
            };
            out.insert(tool.get_ref().to_string(), tokens);
        }
    }
    Ok(out)
}
