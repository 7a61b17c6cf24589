//! The `[sync]` table of `agentfmt.toml`: which files are the truth and which tools' files
//! `agentfmt sync` keeps in step with them.
//!
//! ```toml
//! [sync]
//! source = "claude"                    # a tool or kind id, or a list of them
//! targets = ["cursor", "copilot", "agents-md", "gemini", "codex"]
//! exclude = ["docs/**"]                # source paths not synced (globs)
//! gitignore = false                    # list generated files in a block of .gitignore
//! instructions-once = true             # skip an instruction file a target reads elsewhere
//! ```

use toml::de::{DeTable, DeValue};

use super::{ConfigError, glob_set, str_list, unknown};
use crate::tools::{Kind, Tool};

/// The parsed `[sync]` table. Tool and kind names are checked when parsed; the sync stage
/// turns them into conversion targets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncConfig {
    /// Tool keys (`claude`) or kind ids (`claude-agent`) whose files are the source of truth.
    pub source: Vec<String>,
    /// Tool keys or kind ids to generate, in the order given.
    pub targets: Vec<String>,
    /// Globs (relative to the config file's directory) of source files not synced.
    pub exclude: Vec<String>,
    /// List the generated files in a marked block of `.gitignore`.
    pub gitignore: bool,
    /// Skip an always-loaded instruction file for a target that reads another file holding
    /// the same instructions (Claude Code reads `AGENTS.md`): written once, not twice.
    pub instructions_once: bool,
}

const SYNC: &[&str] = &[
    "source",
    "targets",
    "exclude",
    "gitignore",
    "instructions-once",
];

/// Whether `s` names a tool or a kind.
fn is_target(s: &str) -> bool {
    s.parse::<Tool>().is_ok() || s.parse::<Kind>().is_ok()
}

fn names(
    v: &DeValue<'_>,
    what: &str,
    span: std::ops::Range<usize>,
) -> Result<Vec<String>, ConfigError> {
    let list: Vec<(String, std::ops::Range<usize>)> = match v {
        DeValue::String(s) => vec![(s.to_string(), span.clone())],
        DeValue::Array(a) => a
            .iter()
            .map(|x| match x.get_ref() {
                DeValue::String(s) => Ok((s.to_string(), x.span())),
                _ => Err(ConfigError {
                    message: format!("`sync.{what}` must be a tool name or a list of them"),
                    span: Some(x.span()),
                }),
            })
            .collect::<Result<_, _>>()?,
        _ => {
            return Err(ConfigError {
                message: format!("`sync.{what}` must be a tool name or a list of them"),
                span: Some(span),
            });
        }
    };
    for (name, span) in &list {
        if !is_target(name) {
            let all: Vec<&str> = Tool::ALL
                .iter()
                .map(|t| t.key())
                .chain(Kind::ALL.iter().map(|k| k.as_str()))
                .collect();
            let mut message = format!("unknown tool or kind `{name}` in `sync.{what}`");
            if let Some(m) = crate::diagnostic::did_you_mean(name, &all) {
                message.push_str(&format!("; did you mean `{m}`?"));
            }
            return Err(ConfigError {
                message,
                span: Some(span.clone()),
            });
        }
    }
    Ok(list.into_iter().map(|(n, _)| n).collect())
}

/// Parses the `[sync]` table.
///
/// # Errors
/// Unknown keys, unknown tool or kind names, a missing `source` or `targets`, a target that is
/// also the source, invalid `exclude` globs, wrong value types.
pub(super) fn parse(
    t: &DeTable<'_>,
    span: std::ops::Range<usize>,
) -> Result<SyncConfig, ConfigError> {
    let mut source = None;
    let mut targets = None;
    let mut cfg = SyncConfig {
        source: Vec::new(),
        targets: Vec::new(),
        exclude: Vec::new(),
        gitignore: false,
        instructions_once: true,
    };
    for (k, v) in t {
        let key: &str = k.get_ref().as_ref();
        match (key, v.get_ref()) {
            ("source", val) => source = Some(names(val, "source", v.span())?),
            ("targets", val) => targets = Some((names(val, "targets", v.span())?, v.span())),
            ("exclude", DeValue::Array(_)) => {
                cfg.exclude = str_list(v.get_ref(), "`sync.exclude`")?;
                glob_set(&cfg.exclude)?;
            }
            ("gitignore", DeValue::Boolean(b)) => cfg.gitignore = *b,
            ("instructions-once", DeValue::Boolean(b)) => cfg.instructions_once = *b,
            ("exclude", _) => {
                return Err(ConfigError {
                    message: "`sync.exclude` must be a list of globs".into(),
                    span: Some(v.span()),
                });
            }
            ("gitignore" | "instructions-once", _) => {
                return Err(ConfigError {
                    message: format!("`sync.{key}` must be true or false"),
                    span: Some(v.span()),
                });
            }
            (other, _) => return Err(unknown(other, "[sync]", SYNC, Some(k.span()))),
        }
    }
    let missing = |what: &str| ConfigError {
        message: format!(
            "[sync] needs `{what}` (e.g. source = \"claude\", targets = [\"cursor\", \"copilot\"])"
        ),
        span: Some(span.clone()),
    };
    cfg.source = source.ok_or_else(|| missing("source"))?;
    let (targets, targets_span) = targets.ok_or_else(|| missing("targets"))?;
    if let Some(both) = targets.iter().find(|t| cfg.source.contains(t)) {
        return Err(ConfigError {
            message: format!("`{both}` is both the source and a target of [sync]"),
            span: Some(targets_span),
        });
    }
    cfg.targets = targets;
    Ok(cfg)
}

/// The `[sync]` table `agentfmt sync --init` writes.
#[must_use]
pub fn init_table(source: &str, targets: &[String]) -> String {
    let quoted: Vec<String> = targets.iter().map(|t| format!("\"{t}\"")).collect();
    format!(
        "[sync]\nsource = \"{source}\"\ntargets = [{}]\n",
        quoted.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use crate::config::Config;

    #[test]
    fn parses_sync() {
        let c = Config::parse(
            "[sync]\nsource = \"claude\"\ntargets = [\"cursor\", \"agents-md\"]\ngitignore = true\nexclude = [\"docs/**\"]\n",
        )
        .unwrap();
        let s = c.sync.unwrap();
        assert_eq!(s.source, ["claude"]);
        assert_eq!(s.targets, ["cursor", "agents-md"]);
        assert!(s.gitignore && s.instructions_once);
        assert_eq!(s.exclude, ["docs/**"]);
    }

    #[test]
    fn rejects_bad_sync() {
        let e = Config::parse("[sync]\nsource = \"claude\"\ntargets = [\"cursr\"]\n").unwrap_err();
        assert!(e.message.contains("did you mean `cursor`"), "{}", e.message);
        let e = Config::parse("[sync]\nsource = \"claude\"\n").unwrap_err();
        assert!(e.message.contains("needs `targets`"), "{}", e.message);
        let e = Config::parse("[sync]\nsource = \"claude\"\ntargets = [\"claude\"]\n").unwrap_err();
        assert!(
            e.message.contains("both the source and a target"),
            "{}",
            e.message
        );
        let e = Config::parse(
            "[sync]\nsource = \"claude\"\ntargets = [\"cursor\"]\ngit-ignore = true\n",
        )
        .unwrap_err();
        assert!(
            e.message.contains("did you mean `gitignore`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn init_table_parses_back() {
        let t = super::init_table("claude", &["cursor".into(), "copilot".into()]);
        let c = Config::parse(&t).unwrap().sync.unwrap();
        assert_eq!(c.targets, ["cursor", "copilot"]);
    }
}
