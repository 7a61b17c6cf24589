//! Glob lists: brace-aware splitting of comma strings and each target's value shape
//! .

use crate::document::{Node, Value};

/// Splits a comma-separated glob string on top-level commas only, so `src/**/*.{ts,tsx}` stays
/// one pattern. Strips whitespace, surrounding quotes and a surrounding `[...]` (Cursor keeps
/// those literally, so they are never intended as part of a pattern [CUR-GLOB]).
#[must_use]
pub fn split(s: &str) -> Vec<String> {
    let s = s.trim();
    let s = s
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .unwrap_or(s);
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '{' | '[' => depth += 1,
            '}' | ']' => depth = (depth - 1).max(0),
            ',' if depth == 0 => {
                push(&mut out, &cur);
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    push(&mut out, &cur);
    out
}

fn push(out: &mut Vec<String>, raw: &str) {
    let p = raw.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    if !p.is_empty() {
        out.push(p.to_owned());
    }
}

/// Reads globs from a front-matter value: a comma string or a list of strings (each item may
/// itself be a comma string).
#[must_use]
pub fn from_node(n: &Node) -> Vec<String> {
    match &n.value {
        Value::Seq(items) => items.iter().flat_map(from_node).collect(),
        _ => n.scalar_text().map(|s| split(&s)).unwrap_or_default(),
    }
}

/// Joins patterns with `,` and no spaces: Cursor `globs` and Copilot `applyTo` [CUR-GLOB],
/// [GH-REPO-INSTR].
#[must_use]
pub fn join(patterns: &[String]) -> String {
    patterns.join(",")
}

/// Whether a pattern can be written as a bare Cursor `globs` scalar: Cursor reads the raw
/// line, so anything goes except a line break [CUR-RULES].
#[must_use]
pub fn cursor_safe(patterns: &[String]) -> bool {
    patterns.iter().all(|p| !p.contains(['\n', '\r']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_top_level_commas_only() {
        assert_eq!(split("src/**/*.{ts,tsx}"), ["src/**/*.{ts,tsx}"]);
        assert_eq!(split("**/*.ts, docs/**/*.md"), ["**/*.ts", "docs/**/*.md"]);
        assert_eq!(split("\"*.ts\",'*.js'"), ["*.ts", "*.js"]);
        assert_eq!(split("[\"a/**\", \"b/[ab].c\"]"), ["a/**", "b/[ab].c"]);
        assert_eq!(split(" , "), Vec::<String>::new());
        assert_eq!(split("a/{b,{c,d}}/*.x,e"), ["a/{b,{c,d}}/*.x", "e"]);
    }
}
