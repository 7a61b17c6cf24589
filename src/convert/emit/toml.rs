//! TOML for Gemini CLI commands and Codex custom agents ([GEM-CMDS],
//! [CODEX-SUB]).

use super::Y;

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
/// ([GEM-CMDS]).
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

/// A key as TOML writes it: bare when it is only ASCII letters, digits, `-` and `_`, else a
/// basic string.
#[must_use]
pub fn toml_key(k: &str) -> String {
    if !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        k.to_owned()
    } else {
        toml_basic(k)
    }
}

/// A value as an inline TOML value: strings as basic strings, lists as arrays, maps as inline
/// tables. `None` for a null (TOML has none) and for a list or map holding one.
#[must_use]
pub fn toml_value(v: &Y) -> Option<String> {
    Some(match v {
        Y::Str(s) | Y::Raw(s) => toml_basic(s),
        Y::Bool(b) => b.to_string(),
        Y::Int(i) => i.to_string(),
        Y::Float(f) if f.is_nan() => "nan".to_owned(),
        Y::Float(f) if f.is_infinite() => if *f > 0.0 { "inf" } else { "-inf" }.to_owned(),
        Y::Float(f) => {
            let s = f.to_string();
            if s.contains(['.', 'e', 'E']) {
                s
            } else {
                format!("{s}.0")
            }
        }
        Y::Null => return None,
        Y::List(items) => format!(
            "[{}]",
            items
                .iter()
                .map(toml_value)
                .collect::<Option<Vec<_>>>()?
                .join(", ")
        ),
        Y::Map(entries) if entries.is_empty() => "{}".to_owned(),
        Y::Map(entries) => format!(
            "{{ {} }}",
            entries
                .iter()
                .map(|(k, v)| Some(format!("{} = {}", toml_key(k), toml_value(v)?)))
                .collect::<Option<Vec<_>>>()?
                .join(", ")
        ),
    })
}
