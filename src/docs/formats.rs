//! `docs/formats.md`: the format reference, generated from the tool modules (paths, kinds,
//! conversion targets), the schemas (fields) and the mapping tables, every entry with its
//! source tag resolved in `schemas/sources.json`.

use std::fmt::Write as _;

use crate::convert::tables::TOOLS;
use crate::convert::{Target, target_kind};
use crate::tools::{Dialect, Kind, PathRule, Placeholders, Role, Tool};

/// The parsed `schemas/sources.json`: tag → `{url, title, checked, where}`.
///
/// # Panics
/// Never for the committed file: a test parses it.
#[must_use]
pub fn sources() -> serde_json::Map<String, serde_json::Value> {
    serde_json::from_str(include_str!("../../schemas/sources.json"))
        .expect("schemas/sources.json is valid JSON")
}

fn role(r: Role) -> &'static str {
    match r {
        Role::Agent => "agent",
        Role::Command => "command",
        Role::Skill => "skill",
        Role::Rule => "rule",
        Role::Memory => "always-loaded instructions",
    }
}

fn format_of(k: Kind) -> String {
    let s = k.spec();
    if let Some(key) = s.toml_prompt_key {
        return format!("TOML, prompt in `{key}`");
    }
    if s.no_front_matter {
        return "plain markdown".into();
    }
    match s.dialect {
        Dialect::ClaudeLenient => "markdown, YAML front matter (read leniently)".into(),
        Dialect::CursorRaw => "markdown, `key: value` front matter (`globs` raw)".into(),
        Dialect::YamlRawGlobs => "markdown, YAML front matter (`globs` raw)".into(),
        Dialect::Yaml | Dialect::None => "markdown, YAML front matter".into(),
    }
}

fn placeholders(p: Placeholders) -> &'static str {
    match p {
        Placeholders::Claude => "`$ARGUMENTS`, `$N`, `$name`, `` !`cmd` ``, `@path`",
        Placeholders::Copilot => "`${input:name}`, links to files",
        Placeholders::Gemini => "`{{args}}`, `!{cmd}`, `@{path}`",
        Placeholders::Opencode => "`$ARGUMENTS`, `$N`, `` !`cmd` ``, `@path`",
        Placeholders::Prose => "none",
    }
}

fn path_rule(r: PathRule) -> String {
    match r {
        PathRule::Name(n) => format!("`{n}` in any directory"),
        PathRule::Path(p) => format!("`{p}`"),
        PathRule::Suffix(s) => format!("`*{s}`"),
        PathRule::Dir(a, b) => format!("`{a}/{b}/**/*.md`"),
        PathRule::TomlDir(a, b) => format!("`{a}/{b}/**/*.toml`"),
        PathRule::TomlAnyDir(d) => format!("`**/{d}/**/*.toml`"),
        PathRule::AnyDir(d) => format!("`**/{d}/**/*.md` (weak)"),
        PathRule::Parent(d) => format!("`**/{d}/*.md` (weakest)"),
    }
}

/// A table cell: `|` escaped, newlines as spaces.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn type_of(p: &serde_json::Value) -> String {
    if let Some(e) = p["enum"].as_array() {
        return e
            .iter()
            .map(|v| format!("`{v}`"))
            .collect::<Vec<_>>()
            .join(" \\| ");
    }
    match &p["type"] {
        serde_json::Value::String(t) => t.clone(),
        serde_json::Value::Array(ts) => ts
            .iter()
            .filter_map(serde_json::Value::as_str)
            .collect::<Vec<_>>()
            .join(" \\| "),
        _ if p.get("oneOf").is_some() || p.get("anyOf").is_some() => "one of several".into(),
        _ => "any".into(),
    }
}

fn kind_section(out: &mut String, k: Kind) {
    let s = k.spec();
    let schema: serde_json::Value = serde_json::from_str(s.schema).expect("schema parses");
    let _ = writeln!(out, "\n### `{}`: {}\n", s.id, s.describe);
    let paths = s
        .paths
        .iter()
        .map(|r| path_rule(*r))
        .collect::<Vec<_>>()
        .join(", ");
    let _ = writeln!(out, "- role: {}", role(s.role));
    let _ = writeln!(out, "- file: {}", format_of(k));
    let _ = writeln!(
        out,
        "- detected at: {}",
        if paths.is_empty() {
            "by front matter only"
        } else {
            &paths
        }
    );
    let _ = writeln!(out, "- written to: `{}`", s.write_path);
    let readers: Vec<&str> = k.readers().iter().map(|t| t.name()).collect();
    let _ = writeln!(out, "- read by: {}", readers.join(", "));
    if let Some(next) = s.replaced_by {
        let _ = writeln!(
            out,
            "- legacy: replaced by `{}` ({})",
            next.as_str(),
            next.describe()
        );
    }
    if s.nests {
        let _ = writeln!(
            out,
            "- nests: a file in a directory applies to the files below it"
        );
    }
    if s.placeholders != Placeholders::Prose {
        let _ = writeln!(out, "- placeholders: {}", placeholders(s.placeholders));
    }
    if let Some(d) = schema["description"].as_str() {
        let _ = writeln!(out, "- {}", cell(d));
    }
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|r| r.iter().filter_map(serde_json::Value::as_str).collect())
        .unwrap_or_default();
    if let Some(props) = schema["properties"].as_object().filter(|p| !p.is_empty()) {
        out.push_str("\n| field | type | required | meaning |\n|---|---|---|---|\n");
        for (key, p) in props {
            let _ = writeln!(
                out,
                "| `{key}` | {} | {} | {} |",
                type_of(p),
                if required.contains(&key.as_str()) {
                    "yes"
                } else {
                    ""
                },
                cell(p["description"].as_str().unwrap_or(""))
            );
        }
    }
    out.push_str("\n`convert --to`: ");
    let targets: Vec<String> = Tool::ALL
        .iter()
        .filter(|t| **t != k.tool())
        .map(|&t| match target_kind(k, Target::Tool(t)) {
            Some(to) => format!("{} → `{}`", t.key(), to.as_str()),
            None => format!("{} → cannot hold", t.key()),
        })
        .collect();
    let _ = writeln!(out, "{}.", targets.join("; "));
}

fn tool_names_table(out: &mut String) {
    out.push_str(
        "\n## Tool names\n\nThe capabilities a tool list names, and each tool's spelling; the first name is the one written [CC-TOOLS], [GH-AGENTS-CFG], [VSC-TOOLS], [VSC-LEGACY-TOOLS], [GEM-TOOLS], [OC-AGENTS], [CUR-SUB].\n\n| capability | Claude Code | Copilot alias | VS Code | VS Code (legacy) | Gemini CLI | OpenCode | kept by a Cursor `readonly` subagent |\n|---|---|---|---|---|---|---|---|\n",
    );
    let list = |v: &[&str]| {
        v.iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for r in TOOLS {
        let _ = writeln!(
            out,
            "| {:?} | {} | {} | {} | {} | {} | {} | {} |",
            r.cap,
            list(r.claude),
            r.copilot.map(|c| format!("`{c}`")).unwrap_or_default(),
            list(r.vscode),
            list(r.legacy),
            list(r.gemini),
            r.opencode.map(|c| format!("`{c}`")).unwrap_or_default(),
            if r.cursor_readonly_ok { "yes" } else { "no" }
        );
    }
}

/// The full text of `docs/formats.md`.
#[must_use]
pub fn formats_markdown() -> String {
    let sources = sources();
    let mut out = String::from(
        "<!-- Generated by `cargo xtask codegen` from src/tools/, schemas/ and schemas/sources.json. Do not edit. -->\n\n# Agent-file formats\n\nWhat agentfmt knows about each tool's files: where they live, what their front matter holds, and what `convert` writes for them. Every fact cites a source tag, resolved at the end.\n\n| tool | key | kinds |\n|---|---|---|\n",
    );
    for &t in Tool::ALL {
        let kinds: Vec<String> = t.kinds().map(|k| format!("`{}`", k.as_str())).collect();
        let _ = writeln!(
            out,
            "| {} | `{}` | {} |",
            t.name(),
            t.key(),
            kinds.join(", ")
        );
    }
    for &t in Tool::ALL {
        let spec = t.spec();
        let _ = writeln!(out, "\n## {} (`{}`)\n", spec.name, spec.key);
        let tags: Vec<String> = spec.sources.iter().map(|s| format!("[{s}]")).collect();
        let _ = writeln!(out, "Sources: {}.", tags.join(", "));
        if let Some(next) = spec.successor {
            let _ = writeln!(
                out,
                "\nSucceeded by {} (`{}`): these files are its legacy kinds.",
                next.name(),
                next.key()
            );
        }
        if let Some(dir) = spec.skill_dir {
            let _ = writeln!(out, "\nAgent Skills: `{dir}/<name>/SKILL.md`.");
        }
        if !spec.shares.is_empty() {
            let shared: Vec<&str> = spec.shares.iter().map(|t| t.name()).collect();
            let _ = writeln!(
                out,
                "\nReads the files of {} as they are; converting for it writes those kinds.",
                shared.join(", ")
            );
        }
        let writes: Vec<String> = spec
            .targets
            .iter()
            .map(|(r, k)| format!("{} → `{}`", role(*r), k.as_str()))
            .collect();
        let _ = writeln!(
            out,
            "\n`convert --to {}` writes: {}.",
            spec.key,
            writes.join("; ")
        );
        for k in t.kinds() {
            kind_section(&mut out, k);
        }
    }
    tool_names_table(&mut out);
    out.push_str("\n## Sources\n\n| tag | source | checked |\n|---|---|---|\n");
    for (tag, s) in &sources {
        let _ = writeln!(
            out,
            "| [{tag}] | [{}]({}) | {} |",
            cell(s["title"].as_str().unwrap_or("")),
            s["url"].as_str().unwrap_or(""),
            s["checked"].as_str().unwrap_or("")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tool_and_kind_has_a_section_and_every_tag_a_source() {
        let md = formats_markdown();
        for &t in Tool::ALL {
            assert!(md.contains(&format!("\n## {} (`{}`)\n", t.name(), t.key())));
        }
        for &k in Kind::ALL {
            assert!(md.contains(&format!("\n### `{}`:", k.as_str())), "{k}");
        }
        let sources = sources();
        let body = &md[..md.find("\n## Sources").unwrap()];
        for part in body.split('[').skip(1) {
            let Some(tag) = part.split(']').next() else {
                continue;
            };
            let is_tag = tag.len() > 1
                && tag.starts_with(|c: char| c.is_ascii_uppercase())
                && tag
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
            if is_tag {
                assert!(sources.contains_key(tag), "[{tag}] is not in sources.json");
            }
        }
    }
}
