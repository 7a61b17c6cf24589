//! `agentfmt.toml`: rule severity overrides, per-path ignores, `exclude` globs, fmt and convert
//! options. Parsed from a string (the CLI finds and reads the file).
//!
//! ```toml
//! exclude = ["vendor/**", "**/fixtures/**"]
//!
//! [rules]                # severity per rule code or name: "error" | "warning" | "info" | "off"
//! unknown-key = "error"
//! AF013 = "off"
//!
//! [per-path-ignores]     # glob → rules not reported for matching paths
//! "legacy/**" = ["unknown-key", "AF111"]
//!
//! [fmt]
//! newline = "lf"         # "lf" | "crlf" | "keep"
//! tables = "compact"     # "compact" | "aligned" | "keep"
//!
//! [convert.models.cursor]  # model overrides per target: source model → target model
//! sonnet = "claude-sonnet-4-5"
//!
//! [context.budget]       # session-start tokens per tool (`agentfmt context`, `context-budget`)
//! claude = 20000
//! codex = 8000
//!
//! [sync]                 # see [`sync`]
//! source = "claude"
//! targets = ["cursor", "copilot", "agents-md"]
//! ```

mod context;
pub mod select;
pub mod sync;

use std::collections::BTreeMap;

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::diagnostic::{Severity, did_you_mean};

/// The parsed configuration. `Config::default()` is what applies without a file.
#[derive(Debug, Default, Clone)]
pub struct Config {
    /// Globs (relative to the config file's directory) of paths never walked.
    pub exclude: Vec<String>,
    exclude_set: Option<GlobSet>,
    /// Rule code or name → severity (`None` = off).
    pub rules: BTreeMap<String, Option<Severity>>,
    per_path: Vec<(GlobSet, Vec<String>)>,
    /// `fmt.newline`: `lf` (default), `crlf` or `keep`.
    pub newline: Option<String>,
    /// `fmt.tables`: `compact` (default), `aligned` or `keep`.
    pub tables: Option<String>,
    /// `convert.models.<target>.<source model>` = target model.
    pub models: BTreeMap<String, BTreeMap<String, String>>,
    /// `context.budget.<tool>`: the most tokens the tool may load at session start.
    pub context_budget: BTreeMap<String, usize>,
    /// The `[sync]` table, when there is one.
    pub sync: Option<sync::SyncConfig>,
    /// Which rules are reported (`--select`, `--extend-select`, `--ignore`).
    pub selection: select::Selection,
}

/// A problem in the configuration file: message, and the byte span of the offending key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// What is wrong, with "did you mean" when a near miss exists.
    pub message: String,
    /// Byte range in the config text, when known.
    pub span: Option<std::ops::Range<usize>>,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

const TOP: &[&str] = &[
    "exclude",
    "rules",
    "per-path-ignores",
    "fmt",
    "convert",
    "context",
    "sync",
];
const FMT: &[&str] = &["newline", "tables"];
const CONVERT: &[&str] = &["models"];

fn unknown(
    key: &str,
    section: &str,
    known: &[&str],
    span: Option<std::ops::Range<usize>>,
) -> ConfigError {
    let mut message = format!("unknown key `{key}` in {section}");
    if let Some(m) = did_you_mean(key, known) {
        message.push_str(&format!("; did you mean `{m}`?"));
    } else {
        message.push_str(&format!(" (expected one of: {})", known.join(", ")));
    }
    ConfigError { message, span }
}

/// The strings of a TOML array; `what` names the value in the error (`` `exclude` ``).
fn str_list(v: &toml::de::DeValue<'_>, what: &str) -> Result<Vec<String>, ConfigError> {
    use toml::de::DeValue;
    match v {
        DeValue::Array(a) => a
            .iter()
            .map(|x| match x.get_ref() {
                DeValue::String(s) => Ok(s.to_string()),
                _ => Err(ConfigError {
                    message: format!("{what} must be a list of strings"),
                    span: Some(x.span()),
                }),
            })
            .collect(),
        _ => Err(ConfigError {
            message: format!("{what} must be a list of strings"),
            span: None,
        }),
    }
}

fn glob_set(patterns: &[String]) -> Result<GlobSet, ConfigError> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let g = Glob::new(p).map_err(|e| ConfigError {
            message: format!("invalid glob `{p}`: {e}"),
            span: None,
        })?;
        b.add(g);
        if !p.ends_with("/**")
            && let Ok(g) = Glob::new(&format!("{p}/**"))
        {
            b.add(g);
        }
    }
    b.build().map_err(|e| ConfigError {
        message: e.to_string(),
        span: None,
    })
}

impl Config {
    /// Parses `agentfmt.toml` text.
    ///
    /// # Errors
    /// Invalid TOML, unknown keys (with "did you mean"), wrong value types, unknown rule names,
    /// invalid globs or severities.
    pub fn parse(text: &str) -> Result<Self, ConfigError> {
        use toml::de::{DeTable, DeValue};
        let table = DeTable::parse(text).map_err(|e| ConfigError {
            message: format!("invalid TOML: {}", e.message().trim()),
            span: e.span(),
        })?;
        let table = table.into_inner();
        let mut cfg = Config::default();
        for (k, v) in &table {
            let key = k.get_ref().as_ref();
            match (key, v.get_ref()) {
                ("exclude", val) => cfg.exclude = str_list(val, "`exclude`")?,
                ("rules", DeValue::Table(t)) => {
                    for (rk, rv) in t {
                        let name = rk.get_ref().to_string();
                        if crate::rules::find(&name).is_none() {
                            let names: Vec<&str> =
                                crate::rules::RULES.iter().map(|r| r.meta().name).collect();
                            return Err(unknown(
                                &name,
                                "[rules] (not a rule code or name)",
                                &names,
                                Some(rk.span()),
                            ));
                        }
                        let level = match rv.get_ref() {
                            DeValue::String(s) if s == "off" => None,
                            DeValue::String(s) => Some(Severity::parse(s).ok_or_else(|| ConfigError {
                                message: format!("invalid severity `{s}` for `{name}`: expected \"error\", \"warning\", \"info\" or \"off\""),
                                span: Some(rv.span()),
                            })?),
                            _ => return Err(ConfigError { message: format!("severity of `{name}` must be a string"), span: Some(rv.span()) }),
                        };
                        cfg.rules.insert(name, level);
                    }
                }
                ("per-path-ignores", DeValue::Table(t)) => {
                    for (glob, rules) in t {
                        let list = str_list(rules.get_ref(), "a per-path-ignores entry")?;
                        for r in &list {
                            if crate::rules::find(r).is_none() {
                                let names: Vec<&str> =
                                    crate::rules::RULES.iter().map(|r| r.meta().name).collect();
                                return Err(unknown(
                                    r,
                                    "[per-path-ignores] (not a rule code or name)",
                                    &names,
                                    Some(rules.span()),
                                ));
                            }
                        }
                        cfg.per_path
                            .push((glob_set(&[glob.get_ref().to_string()])?, list));
                    }
                }
                ("fmt", DeValue::Table(t)) => {
                    for (fk, fv) in t {
                        match (fk.get_ref().as_ref(), fv.get_ref()) {
                            ("newline", DeValue::String(s))
                                if ["lf", "crlf", "keep"].contains(&s.as_ref()) =>
                            {
                                cfg.newline = Some(s.to_string())
                            }
                            ("newline", _) => {
                                return Err(ConfigError {
                                    message: "`fmt.newline` must be \"lf\", \"crlf\" or \"keep\""
                                        .into(),
                                    span: Some(fv.span()),
                                });
                            }
                            ("tables", DeValue::String(s))
                                if ["compact", "aligned", "keep"].contains(&s.as_ref()) =>
                            {
                                cfg.tables = Some(s.to_string())
                            }
                            ("tables", _) => {
                                return Err(ConfigError {
                                    message:
                                        "`fmt.tables` must be \"compact\", \"aligned\" or \"keep\""
                                            .into(),
                                    span: Some(fv.span()),
                                });
                            }
                            (other, _) => {
                                return Err(unknown(other, "[fmt]", FMT, Some(fk.span())));
                            }
                        }
                    }
                }
                ("convert", DeValue::Table(t)) => {
                    for (ck, cv) in t {
                        match (ck.get_ref().as_ref(), cv.get_ref()) {
                            ("models", DeValue::Table(targets)) => {
                                for (target, map) in targets {
                                    let DeValue::Table(map) = map.get_ref() else {
                                        return Err(ConfigError {
                                            message: "`convert.models.<target>` must be a table"
                                                .into(),
                                            span: Some(map.span()),
                                        });
                                    };
                                    let entry =
                                        cfg.models.entry(target.get_ref().to_string()).or_default();
                                    for (from, to) in map {
                                        let DeValue::String(to) = to.get_ref() else {
                                            return Err(ConfigError {
                                                message: "model overrides map a model to a string"
                                                    .into(),
                                                span: Some(to.span()),
                                            });
                                        };
                                        entry.insert(from.get_ref().to_string(), to.to_string());
                                    }
                                }
                            }
                            (other, _) => {
                                return Err(unknown(other, "[convert]", CONVERT, Some(ck.span())));
                            }
                        }
                    }
                }
                ("sync", DeValue::Table(t)) => cfg.sync = Some(sync::parse(t, v.span())?),
                ("context", DeValue::Table(t)) => cfg.context_budget = context::budget(t)?,
                ("rules" | "per-path-ignores" | "fmt" | "convert" | "context" | "sync", _) => {
                    return Err(ConfigError {
                        message: format!("`{key}` must be a table"),
                        span: Some(v.span()),
                    });
                }
                (other, _) => return Err(unknown(other, "agentfmt.toml", TOP, Some(k.span()))),
            }
        }
        if !cfg.exclude.is_empty() {
            cfg.exclude_set = Some(glob_set(&cfg.exclude)?);
        }
        Ok(cfg)
    }

    /// Whether `path` (relative to the config directory, `/`-separated) is excluded.
    #[must_use]
    pub fn is_excluded(&self, path: &str) -> bool {
        self.exclude_set
            .as_ref()
            .is_some_and(|s| s.is_match(path.trim_start_matches("./")))
    }

    /// The configured severity for a rule: `None` = not configured, `Some(None)` = off.
    #[must_use]
    pub fn severity(&self, code: &str, name: &str) -> Option<Option<Severity>> {
        self.rules
            .get(code)
            .or_else(|| self.rules.get(name))
            .copied()
    }

    /// Whether a per-path ignore suppresses rule `code`/`name` for `path`.
    #[must_use]
    pub fn is_ignored(&self, path: &str, code: &str, name: &str) -> bool {
        let path = path.trim_start_matches("./");
        self.per_path.iter().any(|(set, rules)| {
            rules
                .iter()
                .any(|r| r.eq_ignore_ascii_case(code) || r == name)
                && set.is_match(path)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_full_config() {
        let c = Config::parse(
            "exclude = [\"vendor\"]\n[rules]\nduplicate-key = \"warning\"\nAF013 = \"off\"\n[per-path-ignores]\n\"legacy/**\" = [\"yaml-tab\"]\n[fmt]\nnewline = \"keep\"\n[convert.models.cursor]\nsonnet = \"claude-sonnet-4-5\"\n",
        )
        .unwrap();
        assert!(c.is_excluded("vendor/x/.claude/agents/a.md"));
        assert!(!c.is_excluded("src/a.md"));
        assert_eq!(
            c.severity("AF007", "duplicate-key"),
            Some(Some(Severity::Warning))
        );
        assert_eq!(c.severity("AF013", "yaml-ambiguous-scalar"), Some(None));
        assert!(c.is_ignored("legacy/a/b.md", "AF008", "yaml-tab"));
        assert_eq!(c.newline.as_deref(), Some("keep"));
        assert_eq!(c.models["cursor"]["sonnet"], "claude-sonnet-4-5");
    }

    #[test]
    fn unknown_keys_suggest() {
        let e = Config::parse("exclud = []\n").unwrap_err();
        assert!(
            e.message.contains("did you mean `exclude`"),
            "{}",
            e.message
        );
        assert_eq!(e.span, Some(0..6));
        let e = Config::parse("[rules]\nduplicate-keys = \"off\"\n").unwrap_err();
        assert!(
            e.message.contains("did you mean `duplicate-key`"),
            "{}",
            e.message
        );
        let c = Config::parse("[context.budget]\nclaude = 20_000\ncodex = 8000\n").unwrap();
        assert_eq!(c.context_budget.get("claude"), Some(&20_000));
        assert_eq!(c.context_budget.get("codex"), Some(&8000));
        let e = Config::parse("[context.budget]\nclaud = 1\n").unwrap_err();
        assert!(e.message.contains("`claude`"), "{}", e.message);
        let e = Config::parse("[context.budget]\nclaude = -5\n").unwrap_err();
        assert!(e.message.contains("positive"), "{}", e.message);
        let e = Config::parse("[context]\nbudgets = 1\n").unwrap_err();
        assert!(e.message.contains("`budget`"), "{}", e.message);
        let e = Config::parse("[fmt]\ntables = \"pretty\"\n").unwrap_err();
        assert!(e.message.contains("\"compact\""), "{}", e.message);
        let c = Config::parse("[fmt]\ntables = \"aligned\"\n").unwrap();
        assert_eq!(c.tables.as_deref(), Some("aligned"));
        let e = Config::parse("[fmt]\nnewlines = \"lf\"\n").unwrap_err();
        assert!(e.message.contains("`newline`"), "{}", e.message);
    }
}
