//! Structural validation: runs a kind's JSON Schema over the front matter and turns each
//! `jsonschema` error into a [`Diagnostic`] with a byte span.
//!
//! Besides standard keywords, the schemas carry a few `x-` annotations that the validator
//! ignores and this module reads (nearest enclosing subschema wins):
//! - `x-severity` (`"warning"`, `"info"`): lowers an error's severity .
//! - `x-expect`: the phrase naming what is expected ("a boolean", "`inherit` or …").
//! - `x-help`: help text for any error under that subschema.
//! - `x-message`: the message of a conditional (`allOf[i]` with `if`/`then`); `{key}` is
//!   replaced by the offending key.
//! - root `x-required-help` (key → why it is required) and `x-recommended` (key → severity).
//! - root `x-required-unless` (key → {other key → value}): a required key is not required
//!   when another key has that value.
//! - `x-coerced` on a property: a boolean written as a string is read by the owning tool but
//!   reported as a warning with this help (see `coerced`).

use std::sync::OnceLock;

use jsonschema::error::ValidationErrorKind;
use serde_json::Value as J;

use super::schema_json;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Severity, did_you_mean};
use crate::document::{Document, Node, Style, Value};
use crate::rules::{
    Rule as _, RuleMeta, conflicting_fields::ConflictingFields, invalid_type::InvalidType,
    invalid_value::InvalidValue, missing_recommended_field::MissingRecommendedField,
    missing_required_field::MissingRequiredField,
};
use crate::span::Span;
use crate::tools::Kind;

fn validator(kind: Kind) -> &'static jsonschema::Validator {
    static CACHE: OnceLock<Vec<jsonschema::Validator>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        Kind::ALL
            .iter()
            .map(|k| {
                jsonschema::draft202012::new(schema_json(*k))
                    .expect("committed schema compiles (tested)")
            })
            .collect()
    });
    let i = Kind::ALL
        .iter()
        .position(|k| *k == kind)
        .expect("kind is in ALL");
    &all[i]
}

/// Validates the metadata of `doc` (front matter, or the TOML table of a Gemini command)
/// against the schema of `doc.kind`.
///
/// Reports `missing-required-field`, `missing-recommended-field`, `invalid-type`,
/// `invalid-value` and `conflicting-fields`. Spans are byte ranges into `doc.text()`: the
/// value (or key) at the error's instance path, or [`Document::head_span`] for a missing key.
/// Documents without metadata are checked only for required keys (a TOML command that failed
/// to parse is skipped: `toml-syntax` already reports it). Never fails.
#[must_use]
pub fn validate(doc: &Document) -> Vec<Diagnostic> {
    let schema = schema_json(doc.kind);
    let mut out = Vec::new();
    let empty = Node {
        span: doc.head_span(),
        value: Value::Map(Vec::new()),
    };
    let root = match &doc.root {
        Some(r) => r,
        None if doc.kind.is_toml() => return out,
        None => &empty,
    };
    let required = super::required_keys(doc.kind);
    if doc.root.is_none() && !required.is_empty() {
        // No front matter at all: one diagnostic rather than one per key.
        let list = required
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(" and ");
        let mut d = MissingRequiredField.meta().diag(
            doc.head_span(),
            format!(
                "no front matter: {list} {} required",
                if required.len() == 1 { "is" } else { "are" }
            ),
        );
        if let Some(w) = schema
            .get("x-required-help")
            .and_then(|h| h.get(required[0]))
            .and_then(J::as_str)
        {
            d = d.with_help(w);
        }
        out.push(d);
        return out;
    }
    let instance = root.to_json();
    for err in validator(doc.kind).iter_errors(&instance) {
        if let Some(d) = diagnose(doc, root, schema, &err) {
            out.push(d);
        }
    }
    super::coerced::coerced_booleans(root, schema, &mut out);
    if let Some(rec) = schema.get("x-recommended").and_then(J::as_object) {
        for (key, sev) in rec {
            if root.get(key).is_none() {
                let meta = MissingRecommendedField.meta();
                let mut d = meta.diag(
                    doc.head_span(),
                    format!("`{key}` is missing (recommended for {})", doc.kind),
                );
                d.severity = sev
                    .as_str()
                    .and_then(Severity::parse)
                    .unwrap_or(meta.default);
                if let Some(desc) = prop(schema, key).and_then(|p| p.get("description")) {
                    d = d.with_help(desc.as_str().unwrap_or_default().to_owned());
                }
                out.push(d);
            }
        }
    }
    out.sort_by_key(|d| (d.span.start, d.code));
    out
}

fn prop<'a>(schema: &'a J, key: &str) -> Option<&'a J> {
    schema.get("properties")?.get(key)
}

/// The nearest annotation `name` on the subschemas along `schema_path` (deepest first).
fn annotation<'a>(schema: &'a J, schema_path: &str, name: &str) -> Option<&'a J> {
    let segs: Vec<&str> = schema_path.split('/').skip(1).collect();
    (0..=segs.len()).rev().find_map(|n| {
        let ptr: String = segs[..n].iter().map(|s| format!("/{s}")).collect();
        schema.pointer(&ptr)?.get(name)
    })
}

fn found(v: &J) -> String {
    match v {
        J::Null => "nothing".into(),
        J::Bool(b) => format!("`{b}`"),
        J::Number(n) => format!("`{n}`"),
        J::String(s) if s.chars().count() > 40 => {
            format!("`{}…`", s.chars().take(40).collect::<String>())
        }
        J::String(s) => format!("`{s}`"),
        J::Array(_) => "a list".into(),
        J::Object(_) => "a mapping".into(),
    }
}

fn type_phrase(t: &J) -> String {
    let one = |s: &str| match s {
        "boolean" => "a boolean (`true` or `false`)",
        "string" => "a string",
        "integer" => "an integer",
        "number" => "a number",
        "array" => "a list",
        "object" => "a mapping",
        "null" => "empty",
        _ => "a value of another type",
    };
    match t {
        J::String(s) => one(s).into(),
        J::Array(a) => a
            .iter()
            .filter_map(J::as_str)
            .filter(|s| *s != "null")
            .map(one)
            .collect::<Vec<_>>()
            .join(" or "),
        _ => "another type".into(),
    }
}

/// A display name for an instance path: `tools`, `handoffs[0].label`.
fn key_name(path: &str) -> String {
    let mut out = String::new();
    for seg in path.split('/').skip(1) {
        let seg = seg.replace("~1", "/").replace("~0", "~");
        if seg.parse::<usize>().is_ok() {
            out.push_str(&format!("[{seg}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&seg);
        }
    }
    out
}

fn diagnose(
    doc: &Document,
    root: &Node,
    schema: &J,
    err: &jsonschema::ValidationError<'_>,
) -> Option<Diagnostic> {
    let ipath = err.instance_path().as_str();
    let spath = err.schema_path().as_str();
    let (key_span, node) = root
        .lookup(ipath)
        .map_or((None, None), |(k, n)| (k, Some(n)));
    let value_span = node.map_or(doc.head_span(), |n| n.span);
    let key = key_name(ipath);
    let inst = err.instance();
    let conditional = spath.contains("/then");
    let severity = annotation(schema, spath, "x-severity")
        .and_then(J::as_str)
        .and_then(Severity::parse);
    let expect = annotation(schema, spath, "x-expect").and_then(J::as_str);
    let help = annotation(schema, spath, "x-help").and_then(J::as_str);

    let (meta, span, message): (&'static RuleMeta, Span, String) = if conditional {
        let template = annotation(schema, spath, "x-message")
            .and_then(J::as_str)
            .unwrap_or("`{key}` conflicts with another field");
        let (k, span) = match err.kind() {
            ValidationErrorKind::Required { property } => {
                // Point at the key that triggered the condition (the first `if.required`).
                let cond = spath.split("/then").next().unwrap_or("");
                let trigger = schema
                    .pointer(&format!("{cond}/if/required/0"))
                    .and_then(J::as_str);
                let span = trigger
                    .and_then(|t| root.entry(t))
                    .map_or(doc.head_span(), |e| e.key_span);
                (property.as_str().unwrap_or("").to_owned(), span)
            }
            _ => (key.clone(), key_span.unwrap_or(value_span)),
        };
        (
            ConflictingFields.meta(),
            span,
            template.replace("{key}", &k),
        )
    } else {
        match err.kind() {
            ValidationErrorKind::Required { property } => {
                let p = property.as_str().unwrap_or("");
                let unless = schema.get("x-required-unless").and_then(|u| u.get(p));
                if unless.and_then(J::as_object).is_some_and(|m| {
                    m.iter()
                        .any(|(k, v)| root.get(k).and_then(Node::as_str) == v.as_str())
                }) {
                    return None;
                }
                let why = schema
                    .get("x-required-help")
                    .and_then(|h| h.get(p))
                    .and_then(J::as_str);
                let mut d = MissingRequiredField
                    .meta()
                    .diag(doc.head_span(), format!("missing required field `{p}`"));
                if let Some(w) = why {
                    d = d.with_help(w);
                }
                return Some(d);
            }
            // A value the tool's lenient reader kept as text; the syntax error is already reported.
            ValidationErrorKind::Type { .. }
                if node.is_some_and(|n| matches!(n.value, Value::Str(_, Style::Raw))) =>
            {
                return None;
            }
            // `key:` with nothing after it: most readers treat it as absent.
            ValidationErrorKind::Type { .. } if inst.is_null() => {
                let required = schema
                    .get("required")
                    .and_then(J::as_array)
                    .is_some_and(|r| r.iter().any(|k| k.as_str() == Some(key.as_str())));
                let mut d = InvalidType
                    .meta()
                    .diag(value_span, format!("`{key}` is empty"))
                    .with_help("give it a value or remove the key");
                if !required {
                    d.severity = Severity::Warning;
                }
                return Some(d);
            }
            ValidationErrorKind::Type { .. } => {
                let t = schema.pointer(spath).cloned().unwrap_or(J::Null);
                let want = expect.map_or_else(|| type_phrase(&t), str::to_owned);
                (
                    InvalidType.meta(),
                    value_span,
                    format!("`{key}` must be {want}, found {}", found(inst)),
                )
            }
            ValidationErrorKind::Enum { options } => {
                let opts: Vec<&str> = options
                    .as_array()
                    .map(|a| a.iter().filter_map(J::as_str).collect())
                    .unwrap_or_default();
                let list = opts
                    .iter()
                    .map(|o| format!("`{o}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let mut d = InvalidValue.meta().diag(
                    value_span,
                    format!("`{key}` must be one of {list}, found {}", found(inst)),
                );
                if let Some(s) = inst.as_str()
                    && let Some(best) = did_you_mean(s, &opts)
                {
                    d = d.with_help(format!("did you mean `{best}`?")).with_fix(
                        Applicability::Unsafe,
                        vec![Edit {
                            span: value_span,
                            replacement: best.to_owned(),
                        }],
                    );
                }
                if let Some(s) = severity {
                    d.severity = s;
                }
                return Some(d);
            }
            ValidationErrorKind::MinLength { .. } | ValidationErrorKind::Pattern { .. }
                if inst.as_str().is_some_and(|s| s.trim().is_empty()) =>
            {
                (InvalidValue.meta(), value_span, format!("`{key}` is empty"))
            }
            ValidationErrorKind::MaxLength { limit } => (
                InvalidValue.meta(),
                value_span,
                format!(
                    "`{key}` is {} characters long; the limit is {limit}",
                    inst.as_str().map_or(0, |s| s.chars().count())
                ),
            ),
            ValidationErrorKind::Minimum { limit } => (
                InvalidValue.meta(),
                value_span,
                format!("`{key}` must be at least {limit}, found {}", found(inst)),
            ),
            ValidationErrorKind::PropertyNames { error } => {
                let bad = error.instance().as_str().unwrap_or("").to_owned();
                let ks = root
                    .lookup(&format!("{ipath}/{bad}"))
                    .and_then(|(k, _)| k)
                    .unwrap_or(value_span);
                let want = annotation(schema, &format!("{spath}/x"), "x-expect")
                    .and_then(J::as_str)
                    .unwrap_or("a known name");
                (
                    InvalidValue.meta(),
                    ks,
                    format!("`{key}` key `{bad}` is not {want}"),
                )
            }
            _ => {
                let want = expect.map_or_else(|| err.to_string(), |e| format!("must be {e}"));
                let msg = if expect.is_some() {
                    format!("`{key}` {want}, found {}", found(inst))
                } else {
                    format!("`{key}`: {want}")
                };
                (InvalidValue.meta(), value_span, msg)
            }
        }
    };
    let mut d = meta.diag(span, message);
    if let Some(s) = severity {
        d.severity = s;
    }
    if let Some(h) = help {
        d = d.with_help(h);
    }
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::parse;
    use crate::source::SourceText;

    fn check(text: &str, path: &str) -> Vec<Diagnostic> {
        validate(&parse(SourceText::from_str(text), Some(path), None).doc)
    }

    fn show(d: &[Diagnostic]) -> String {
        d.iter()
            .map(|d| {
                format!(
                    "{} {} {} {:?}\n",
                    d.rule,
                    d.severity.as_str(),
                    d.message,
                    d.help
                )
            })
            .collect()
    }

    #[test]
    fn copilot_fields_the_target_environment_ignores() {
        // `mcp-servers` is read by the cloud agent only; `handoffs`,
        // `argument-hint`, `hooks` and `agents` by VS Code only.
        let d = check(
            "---\ndescription: d\ntarget: vscode\nmcp-servers:\n  x: {type: local, command: c}\n---\nx\n",
            ".github/agents/a.agent.md",
        );
        assert_eq!(d.len(), 1, "{}", show(&d));
        assert_eq!(d[0].rule, "conflicting-fields");
        assert_eq!(d[0].severity, Severity::Warning);
        assert!(
            d[0].message.starts_with("`mcp-servers` is ignored"),
            "{}",
            show(&d)
        );
        let text = "---\ndescription: d\ntarget: github-copilot\nargument-hint: '[x]'\ntools: [agent]\nagents: [b]\nhandoffs: []\n---\nx\n";
        let d = check(text, ".github/agents/a.agent.md");
        let keys: Vec<&str> = d
            .iter()
            .map(|d| &text[d.span.start as usize..d.span.end as usize])
            .collect();
        assert_eq!(
            keys,
            ["argument-hint", "agents", "handoffs"],
            "{}",
            show(&d)
        );
        // Without `target` the agent loads in both places: nothing to report.
        let d = check(
            "---\ndescription: d\nmcp-servers:\n  x: {type: local, command: c}\nhandoffs: []\n---\nx\n",
            ".github/agents/a.agent.md",
        );
        assert!(d.is_empty(), "{}", show(&d));
    }

    #[test]
    fn cursor_rule_that_only_applies_when_mentioned() {
        // `alwaysApply: false` with neither `globs` nor `description`.
        let text = "---\nalwaysApply: false\n---\nx\n";
        let d = check(text, ".cursor/rules/a.mdc");
        assert_eq!(d.len(), 1, "{}", show(&d));
        assert_eq!(d[0].rule, "conflicting-fields");
        assert_eq!(d[0].severity, Severity::Warning);
        assert_eq!(
            &text[d[0].span.start as usize..d[0].span.end as usize],
            "alwaysApply"
        );
        for ok in [
            "---\nalwaysApply: false\nglobs: src/**\n---\nx\n",
            "---\nalwaysApply: false\ndescription: When writing SQL\n---\nx\n",
            "---\ndescription:\nglobs:\n---\nx\n",
        ] {
            let d = check(ok, ".cursor/rules/a.mdc");
            assert!(d.is_empty(), "{ok}: {}", show(&d));
        }
        // An empty value does not count.
        let d = check(
            "---\nalwaysApply: false\nglobs:\ndescription: ' '\n---\nx\n",
            ".cursor/rules/a.mdc",
        );
        assert_eq!(d.len(), 1, "{}", show(&d));
    }

    #[test]
    fn reports_required_enum_type_and_conditionals() {
        let d = check(
            "---\nname: a:b\npermissionMode: plann\nbackground: maybe\nmaxTurns: 0\n---\nx\n",
            ".claude/agents/a.md",
        );
        let s = show(&d);
        assert!(
            s.contains("missing-required-field error missing required field `description`"),
            "{s}"
        );
        assert!(
            s.contains("invalid-value error `name` must be a name that does not contain"),
            "{s}"
        );
        assert!(s.contains("did you mean `plan`?"), "{s}");
        assert!(
            s.contains("invalid-type error `background` must be a boolean"),
            "{s}"
        );
        assert!(s.contains("`maxTurns` must be at least 1"), "{s}");

        let d = check(
            "---\nalwaysApply: true\nglobs: src/**\n---\n",
            ".cursor/rules/a.mdc",
        );
        assert_eq!(d.len(), 1, "{}", show(&d));
        assert_eq!(d[0].rule, "conflicting-fields");
        assert_eq!(d[0].severity, Severity::Warning);

        let d = check("---\ninclusion: fileMatch\n---\n", ".kiro/steering/a.md");
        assert_eq!(d[0].rule, "conflicting-fields", "{}", show(&d));
        assert_eq!(
            &"---\ninclusion: fileMatch\n---\n"[d[0].span.range()],
            "inclusion"
        );
    }

    #[test]
    fn accepts_valid_files_and_claude_booleans() {
        let ok = "---\nname: deploy\ndescription: Deploys\ndisable-model-invocation: yes\n---\nx\n";
        assert!(check(ok, ".claude/skills/deploy/SKILL.md").is_empty());
        let d = check(
            "---\nargument-hint: [file]\n---\n$ARGUMENTS\n",
            ".claude/commands/a.md",
        );
        assert!(
            show(&d)
                .contains("invalid-type warning `argument-hint` must be a string, found a list"),
            "{}",
            show(&d)
        );
        let d = check("---\ndescription: x\n---\n", ".claude/commands/a.md");
        assert!(d.is_empty(), "{}", show(&d));
        let quoted = "---\nname: deploy\ndescription: Deploys\nuser-invocable: \"false\"\n---\nx\n";
        let d = check(quoted, ".claude/skills/deploy/SKILL.md");
        assert_eq!(d.len(), 1, "{}", show(&d));
        assert_eq!(
            (d[0].rule, d[0].severity),
            ("invalid-type", Severity::Warning)
        );
        assert_eq!(&quoted[d[0].span.range()], "\"false\"");
    }

    #[test]
    fn copilot_agent_description_is_optional_for_vs_code() {
        let vscode = "---\nname: x\ntarget: vscode\n---\nAgent.\n";
        let d = check(vscode, ".github/agents/x.agent.md");
        assert!(d.is_empty(), "{}", show(&d));
        let cloud = "---\nname: x\ntarget: github-copilot\n---\nAgent.\n";
        let d = check(cloud, ".github/agents/x.agent.md");
        assert_eq!(d[0].rule, "missing-required-field", "{}", show(&d));
    }
}
