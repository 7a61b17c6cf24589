use super::*;
use crate::config::Config;
use crate::rules::Context;
use crate::source::SourceText;

fn check(path: &str, text: &str) -> Vec<Diagnostic> {
    let parsed = crate::document::parse(SourceText::from_str(text), Some(path), None);
    crate::check::validate(
        &parsed.doc,
        parsed.diagnostics,
        &Context::default(),
        &Config::default(),
    )
}

fn codes(d: &[Diagnostic]) -> Vec<&str> {
    d.iter().map(|d| d.code).collect()
}

const AGENT: &str = ".claude/agents/a.md";

#[test]
fn unsuppressed_baseline_reports_the_unknown_key() {
    let d = check(
        AGENT,
        "---\nname: a\ndescription: d\ncolour: red\n---\nBody.\n",
    );
    assert_eq!(codes(&d), ["AF105"]);
}

#[test]
fn trailing_yaml_comment_covers_its_line() {
    let d = check(
        AGENT,
        "---\nname: a\ndescription: d\ncolour: red # agentfmt: ignore[AF105]\n---\nBody.\n",
    );
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn own_line_yaml_comment_covers_the_next_line_by_name() {
    let d = check(
        AGENT,
        "---\nname: a\ndescription: d\n# agentfmt: ignore[unknown-key]\n\ncolour: red\n---\nBody.\n",
    );
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn a_suppression_on_another_line_does_not_cover() {
    let d = check(
        AGENT,
        "---\nname: a # agentfmt: ignore[AF105]\ndescription: d\ncolour: red\n---\nBody.\n",
    );
    assert_eq!(codes(&d), ["AF017", "AF105"]);
    assert_eq!(
        d[0].message,
        "unused suppression: no `AF105` diagnostic to suppress here"
    );
    let fix = d[0].fix.as_ref().expect("a fix");
    assert_eq!(fix.applicability, Applicability::Safe);
    let text = "---\nname: a # agentfmt: ignore[AF105]\ndescription: d\ncolour: red\n---\nBody.\n";
    assert_eq!(
        crate::diagnostic::apply_edits(text, &fix.edits),
        "---\nname: a\ndescription: d\ncolour: red\n---\nBody.\n"
    );
}

#[test]
fn html_file_directive_covers_front_matter_and_body() {
    let d = check(
        AGENT,
        "---\nname: a\ndescription: d\ncolour: red\n---\n<!-- agentfmt-ignore-file AF105 -->\nBody.\n",
    );
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn html_directive_without_codes_covers_everything_on_the_next_line() {
    let cmd = ".claude/commands/a.md";
    let text = "---\ndescription: d\n---\n<!-- agentfmt-ignore -->\nRead @missing.md first.\n";
    let parsed = crate::document::parse(SourceText::from_str(text), Some(cmd), None);
    let exists = |_: &str| false;
    let ctx = Context {
        file_exists: Some(&exists),
        ..Context::default()
    };
    let d = crate::check::validate(&parsed.doc, parsed.diagnostics, &ctx, &Config::default());
    assert!(d.is_empty(), "{d:?}");
    let plain = "---\ndescription: d\n---\nRead @missing.md first.\n";
    let parsed = crate::document::parse(SourceText::from_str(plain), Some(cmd), None);
    let d = crate::check::validate(&parsed.doc, parsed.diagnostics, &ctx, &Config::default());
    assert_eq!(codes(&d), ["AF114"]);
}

#[test]
fn unknown_code_is_reported_with_a_suggestion() {
    let d = check(
        AGENT,
        "---\nname: a\ndescription: d\n---\n<!-- agentfmt-ignore-file unknwn-key -->\nBody.\n",
    );
    assert_eq!(codes(&d), ["AF017"]);
    assert_eq!(
        d[0].message,
        "unused suppression: `unknwn-key` is not a rule"
    );
    assert_eq!(d[0].help.as_deref(), Some("did you mean `unknown-key`?"));
    let text =
        "---\nname: a\ndescription: d\n---\n<!-- agentfmt-ignore-file unknwn-key -->\nBody.\n";
    assert_eq!(&text[d[0].span.range()], "unknwn-key");
}

#[test]
fn partly_used_directive_reports_only_the_unused_code_without_a_fix() {
    let d = check(
        AGENT,
        "---\nname: a\ndescription: d\ncolour: red # agentfmt: ignore[AF105, AF111]\n---\nBody.\n",
    );
    assert_eq!(codes(&d), ["AF017"]);
    assert!(d[0].message.contains("`AF111`"));
    assert!(d[0].fix.is_none());
}

#[test]
fn directives_inside_code_are_examples() {
    let d = check(
        AGENT,
        "---\nname: a\ndescription: d\ncolour: red\n---\n```md\n<!-- agentfmt-ignore-file AF105 -->\n```\nUse `<!-- agentfmt-ignore -->`.\n",
    );
    assert_eq!(codes(&d), ["AF105"]);
}

#[test]
fn toml_comment_covers_a_toml_key() {
    let path = ".gemini/commands/a.toml";
    let plain = "description = \"d\"\nprompt = \"Do it\"\ncolour = 1\n";
    assert_eq!(codes(&check(path, plain)), ["AF105"]);
    let d = check(
        path,
        "description = \"d\"\nprompt = \"Do it\"\ncolour = 1 # agentfmt: ignore[AF105]\n",
    );
    assert!(d.is_empty(), "{d:?}");
    let d = check(
        path,
        "# agentfmt: ignore-file[unknown-key]\ndescription = \"d\"\nprompt = \"Do it\"\ncolour = 1\n",
    );
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn tree_rules_are_never_reported_unused() {
    let d = check(
        AGENT,
        "---\nname: a # agentfmt: ignore[duplicate-name]\ndescription: d\n---\nBody.\n",
    );
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn a_hash_directive_in_the_body_is_a_heading_not_a_directive() {
    let d = check(
        AGENT,
        "---\nname: a\ndescription: d\ncolour: red\n---\n# agentfmt: ignore-file[AF105]\n",
    );
    assert_eq!(codes(&d), ["AF105"]);
}
