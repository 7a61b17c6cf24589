//! TOML strings for Gemini CLI commands (formats.md §6.4 [GEM-CMDS]).

/// A TOML basic string.
#[must_use]
pub fn toml_basic(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML multi-line string for a prompt: literal `'''…'''` unless the text contains `'''`
/// (or characters a literal string cannot hold), else basic `"""…"""` with escapes
/// (formats.md §6.4 [GEM-CMDS]).
#[must_use]
pub fn toml_multiline(s: &str) -> String {
    let literal_ok = !s.contains("'''")
        && !s.ends_with('\'')
        && !s
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
        && !s.contains('\r');
    if literal_ok {
        return format!("'''\n{s}'''");
    }
    let mut out = String::from("\"\"\"\n");
    let mut quotes = 0;
    for c in s.chars() {
        if c == '"' {
            quotes += 1;
            if quotes == 3 {
                out.push_str("\\\"");
                quotes = 0;
                continue;
            }
            out.push('"');
            continue;
        }
        quotes = 0;
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' | '\t' => out.push(c),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    if out.ends_with('"') {
        out.pop();
        out.push_str("\\\"");
    }
    out.push_str("\"\"\"");
    out
}
