//! Unified diffs for `--diff` and `--dry-run` (the `similar` crate), coloured on a terminal.

/// A unified diff of `old` → `new` for `path`, with `a/` and `b/` headers.
pub fn unified(path: &str, old: &str, new: &str, color: bool) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(
            &format!("a{}{path}", if path.starts_with('/') { "" } else { "/" }),
            &format!("b{}{path}", if path.starts_with('/') { "" } else { "/" }),
        )
        .to_string();
    if !color {
        return text;
    }
    text.lines()
        .map(|l| {
            let style = if l.starts_with("+++") || l.starts_with("---") {
                anstyle::Style::new().bold()
            } else if l.starts_with('+') {
                anstyle::AnsiColor::Green.on_default()
            } else if l.starts_with('-') {
                anstyle::AnsiColor::Red.on_default()
            } else if l.starts_with("@@") {
                anstyle::AnsiColor::Cyan.on_default()
            } else {
                anstyle::Style::new()
            };
            format!("{style}{l}{style:#}\n")
        })
        .collect()
}
