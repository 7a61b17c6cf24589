//! Property tests on generated front matter and text (issue #6), completing those in `fmt.rs`
//! (markdown and fixed front-matter lines) and `convert.rs` (round trips):
//! - every conversion of generated front matter, for every source kind and target, passes
//!   `check` with no error;
//! - `repair` leaves generated clean text (accented Latin, Cyrillic, CJK, emoji, box drawing)
//!   alone, and undoes lossless Windows-1252 mojibake of it;
//! - `fmt` is idempotent, keeps the HTML and keeps the values of front matter whose values are
//!   hostile to YAML quoting (colons, `#`, quotes, leading spaces, unicode, several lines),
//!   written in every YAML scalar style;
//! - on generated GFM tables (padding, escaped pipes, code spans, no-break spaces, short rows,
//!   rows without outer pipes, every alignment) fmt in each table style is idempotent and keeps
//!   the HTML, and the default compact style never makes the body longer.

use agentfmt::check;
use agentfmt::config::Config;
use agentfmt::convert::emit::{self as yemit, Y};
use agentfmt::convert::{self, ConvertOptions, Target};
use agentfmt::diagnostic::Severity;
use agentfmt::document;
use agentfmt::fmt::corpus_stats;
use agentfmt::repair::repair;
use agentfmt::rules::Context;
use agentfmt::source::SourceText;
use proptest::prelude::*;

/// A word of one script; words are joined with spaces or punctuation, as in real text.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-z0-9]{1,10}",
        // Accented Latin, capitals only at the start of a word, as in real text (not `Ã`/`Â`:
        // followed by a symbol they are what mojibake looks like; `œÉ` inside a word is the
        // Mac OS Roman mojibake of `σ`, and no real word holds it; `œ` comes only between a
        // consonant and `u`, as in French `cœur`, since `íœœ` and `Çœ` are the Windows-1252
        // mojibake of `휜` and `ǜ`).
        "[ÉÜÖÇÀ]?([a-zéèêëàâäôöûüùçñßíóúáãõæøå]|[bcmnsv]œu){1,10}",
        "[а-яё]{2,8}|[А-Я][а-я]{2,8}",
        "[\u{4e00}-\u{4fff}\u{3041}-\u{3093}\u{ac00}-\u{ac80}]{1,6}",
        "[😀-🙏🚀✅❌⚠🧑]{1,2}",
        "[─│┌┐└┘├┤┬┴┼═║]{1,8}",
    ]
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        " ", " ", " ", ", ", ". ", " — ", " – ", " “", "” ", " ‘", "’ ", "… ", " → ", " ± ", " € ",
        " ° ", " « ", " » ", "\n", "\n\n", ": ", " # ", " - ",
    ])
}

/// Clean text: words of any script, separated.
fn clean_text() -> impl Strategy<Value = String> {
    prop::collection::vec((word(), separator()), 1..24).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(w, s)| w + s)
            .collect::<String>()
            .trim_end()
            .to_owned()
    })
}

/// A string value that YAML quoting must handle: colons, `#`, quotes, leading and trailing
/// spaces, indicators at the start, unicode, several lines.
fn hostile_value() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "Use when: asked",
        "a: b",
        "key:value",
        " # not a comment",
        "#hash",
        "'single'",
        "\"double\"",
        "it's",
        "say \"hi\"",
        "  leading",
        "trailing  ",
        "- dash",
        "[bracket]",
        "{brace}",
        "*star",
        "&amp",
        "!bang",
        "%pct",
        "@at",
        "`tick`",
        "| pipe",
        "> gt",
        "yes",
        "null",
        "1.10",
        "0644",
        "~",
        "Café — naïve",
        "日本語",
        "🚀",
        "┌─┐",
        "tab\there",
        "\\back\\slash",
        "line one\nline two",
        "para\n\nafter blank",
        "plain words",
    ]);
    prop::collection::vec(piece, 1..4).prop_map(|p| p.concat())
}

/// `key: value` in one YAML style: 0 the emitter's choice, 1 double-quoted with escapes,
/// 2 single-quoted, 3 literal block, 4 folded block (literal and folded only for values they
/// hold exactly).
fn yaml_field(key: &str, value: &str, style: u8) -> String {
    let block_ok = !value.is_empty()
        && !value.starts_with([' ', '\t', '\n'])
        && !value.ends_with([' ', '\t', '\n'])
        && !value.contains("\n ")
        && !value.contains(" \n")
        && !value.contains('\t');
    match style {
        1 => format!("{key}: {}", serde_json::to_string(value).unwrap()),
        2 if !value.contains('\n') => format!("{key}: '{}'", value.replace('\'', "''")),
        3 if block_ok => {
            let body: Vec<String> = value.lines().map(|l| format!("  {l}")).collect();
            format!("{key}: |-\n{}", body.join("\n").replace("\n  \n", "\n\n"))
        }
        4 if block_ok && !value.contains('\n') => format!("{key}: >-\n  {value}"),
        _ => yemit::front_matter(&[(key.to_owned(), Y::s(value))])
            .trim_start_matches("---\n")
            .trim_end_matches("---\n")
            .trim_end_matches('\n')
            .to_owned(),
    }
}

/// Every Markdown source kind with front matter, with its path.
const SOURCES: &[(&str, &str)] = &[
    ("claude-agent", ".claude/agents/{name}.md"),
    ("claude-command", ".claude/commands/{name}.md"),
    ("claude-skill", ".claude/skills/{name}/SKILL.md"),
    ("claude-rule", ".claude/rules/{name}.md"),
    ("cursor-mdc", ".cursor/rules/{name}.mdc"),
    ("cursor-agent", ".cursor/agents/{name}.md"),
    ("cursor-command", ".cursor/commands/{name}.md"),
    ("copilot-agent", ".github/agents/{name}.agent.md"),
    ("copilot-prompt", ".github/prompts/{name}.prompt.md"),
    (
        "copilot-scoped-instructions",
        ".github/instructions/{name}.instructions.md",
    ),
    ("copilot-chatmode", ".github/chatmodes/{name}.chatmode.md"),
    ("opencode-agent", ".opencode/agent/{name}.md"),
    ("opencode-command", ".opencode/command/{name}.md"),
    ("windsurf-rule", ".windsurf/rules/{name}.md"),
    ("kiro-steering", ".kiro/steering/{name}.md"),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every output of every conversion passes `check` as its own kind with no error.
    #[test]
    fn convert_output_passes_check(
        source in prop::sample::select(SOURCES),
        name in "[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,2}",
        description in clean_text(),
        extras in prop::collection::vec(prop::sample::select(vec![
            ("tools", Y::s("Read, Grep, Bash(git diff *)")),
            ("tools", Y::List(vec![Y::s("read"), Y::s("edit")])),
            ("model", Y::s("sonnet")),
            ("model", Y::s("gpt-5")),
            ("argument-hint", Y::s("[issue] [branch]")),
            ("globs", Y::Raw("src/**/*.ts, *.md".into())),
            ("alwaysApply", Y::Bool(false)),
            ("alwaysApply", Y::Bool(true)),
            ("applyTo", Y::s("**/*.py")),
            ("paths", Y::List(vec![Y::s("src/**")])),
            ("trigger", Y::s("glob")),
            ("inclusion", Y::s("always")),
            ("mode", Y::s("agent")),
            ("color", Y::s("blue")),
            ("unknown-key", Y::Int(3)),
        ]), 0..4),
        body in clean_text(),
    ) {
        let (kind, path) = source;
        let path = path.replace("{name}", &name);
        let mut fm = vec![("name".to_owned(), Y::s(name.clone())), ("description".to_owned(), Y::s(description.replace('\n', " ")))];
        for (k, v) in extras {
            if !fm.iter().any(|(have, _)| have == k) {
                fm.push((k.to_owned(), v));
            }
        }
        let text = yemit::front_matter(&fm) + "\n" + &body + "\n";
        let doc = document::parse(SourceText::from_str(&text), Some(&path), Some(kind.parse().unwrap())).doc;
        for target in Target::tools() {
            let Ok(c) = convert::convert(&doc, target, &ConvertOptions::default()) else { continue };
            for out in &c.outputs {
                let (report, _) = check::check_bytes(out.text.as_bytes(), &out.path, Some(out.kind), &Context::default(), &Config::default());
                let errors: Vec<String> = report.diagnostics.iter().filter(|d| d.severity == Severity::Error).map(|d| format!("{}: {}", d.rule, d.message)).collect();
                prop_assert!(errors.is_empty(), "{kind} → {} ({}):\n{text}\n----\n{}\n{errors:#?}", target.as_str(), out.path, out.text);
            }
        }
    }

    /// Clean text is left alone, and lossless Windows-1252 mojibake of it is undone when the
    /// text has no pair that already reads as mojibake (`is_clean_fast`): `çœ…` is both clean
    /// French-ish text and the double mojibake of `眅`, and no repair can tell which.
    #[test]
    fn repair_keeps_clean_text_and_undoes_mojibake(text in clean_text()) {
        let kept = repair(&text);
        prop_assert_eq!(&kept.text, &text, "altered clean text: {:?}", kept.fixes);
        prop_assume!(agentfmt::repair::is_clean_fast(&text));
        let damaged = agentfmt::repair::simulate::cp1252(&text);
        let fixed = repair(&damaged);
        prop_assert_eq!(&fixed.text, &text, "damaged: {:?}", damaged);
    }

    /// fmt is idempotent and keeps the HTML and the values of hostile front matter.
    #[test]
    fn fmt_handles_hostile_front_matter(
        fields in prop::collection::vec((prop::sample::select(vec!["description", "argument-hint", "x-note", "title"]), hostile_value(), 0u8..5), 1..4),
        path in prop::sample::select(vec![".claude/agents/a.md", ".claude/commands/c.md", ".cursor/rules/r.mdc", ".github/prompts/p.prompt.md", ".github/agents/g.agent.md"]),
        body in clean_text(),
    ) {
        let mut lines = vec!["name: a".to_owned()];
        for (i, (key, value, style)) in fields.iter().enumerate() {
            lines.push(yaml_field(&format!("{key}{i}"), value, *style));
        }
        let text = format!("---\n{}\n---\n{body}\n", lines.join("\n"));
        // The input must be YAML holding exactly the generated values.
        let doc = document::parse(SourceText::from_str(&text), Some(path), None).doc;
        for (i, (key, value, _)) in fields.iter().enumerate() {
            let got = doc.get(&format!("{key}{i}")).and_then(|v| v.as_str().map(str::to_owned));
            prop_assert_eq!(got.as_deref(), Some(value.as_str()), "{}", text);
        }
        let st = corpus_stats([(path, text.as_bytes())]);
        prop_assert!(
            st.panics.is_empty() && st.not_idempotent.is_empty() && st.html_changed.is_empty() && st.values_changed.is_empty(),
            "{text:?}: {st:?}"
        );
    }
}

/// A table cell: words, an escaped pipe, a code span, a no-break space or nothing.
fn cell() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "a",
        "long cell text",
        "",
        "x \\| y",
        "`code`",
        "`a\\|b`",
        "é ü",
        "high\u{a0}",
        "**b**",
        "1",
    ])
    .prop_map(str::to_owned)
}

/// A GFM table with `cols` columns: header, delimiter with alignments, and rows of up to `cols`
/// cells, each padded with 0 to 3 spaces, with or without outer pipes.
fn table() -> impl Strategy<Value = String> {
    (1usize..4).prop_flat_map(|cols| {
        (
            prop::collection::vec(cell(), cols),
            prop::collection::vec(
                prop::sample::select(vec!["-", "---", ":--", "--:", ":-:", "-----"]),
                cols,
            ),
            prop::collection::vec(prop::collection::vec((cell(), 0usize..4), 1..=cols), 0..4),
            any::<bool>(),
        )
            .prop_map(|(head, delims, rows, outer)| {
                let line = |cells: Vec<String>| {
                    let inner = cells.join("|");
                    if outer { format!("|{inner}|") } else { inner }
                };
                let mut out = vec![line(head.iter().map(|c| format!(" {c} ")).collect())];
                out.push(line(delims.iter().map(|d| (*d).to_owned()).collect()));
                for r in rows {
                    out.push(line(
                        r.into_iter()
                            .map(|(c, pad)| format!("{}{c}{}", " ".repeat(pad), " ".repeat(pad)))
                            .collect(),
                    ));
                }
                out.join("\n") + "\n"
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// fmt keeps what a table renders to, in every table style, and compact never grows it.
    #[test]
    fn fmt_tables_keep_html_and_compact_never_grows(t in table(), style in 0u8..3) {
        use agentfmt::fmt::{FmtOptions, TableStyle, fmt, render_html};
        let text = format!("# T\n\n{t}");
        let tables = [TableStyle::Compact, TableStyle::Aligned, TableStyle::Keep][usize::from(style)];
        let opts = FmtOptions { tables, ..FmtOptions::default() };
        let doc = document::parse(SourceText::from_str(&text), Some("AGENTS.md"), None).doc;
        let out = fmt(&doc, &opts);
        prop_assert!(out.diagnostics.is_empty(), "{text:?}: {:?}", out.diagnostics);
        prop_assert_eq!(render_html(&text), render_html(&out.text), "{:?} -> {:?}", text, out.text);
        let again = fmt(&document::parse(SourceText::from_str(&out.text), Some("AGENTS.md"), None).doc, &opts);
        prop_assert_eq!(&again.text, &out.text);
        if tables != TableStyle::Aligned {
            prop_assert!(out.text.len() <= text.len(), "{:?} -> {:?}", text, out.text);
        }
    }
}

/// Shrunk from `repair_keeps_clean_text_and_undoes_mojibake`: `œõ` and `œæ` are also the Mac
/// OS Roman reading of the Greek symbols `ϛ` and `Ͼ`, which the repair took for the original.
#[test]
fn repair_keeps_oe_ligature_pairs() {
    for clean in ["xfœõu’ ║┌┘", "OmaNKu œæhÀ ёц"] {
        assert_eq!(repair(clean).text, clean);
    }
}

/// Shrunk from `convert_output_passes_check`: a Windsurf `trigger: glob` rule without `globs`
/// made the Kiro writer index an empty pattern list and panic.
#[test]
fn windsurf_glob_rule_without_globs_converts() {
    let text = "---\nname: a\ndescription: A\ntrigger: glob\n---\n0\n";
    let doc = document::parse(
        SourceText::from_str(text),
        Some(".windsurf/rules/a.md"),
        None,
    )
    .doc;
    for target in Target::tools() {
        let _ = convert::convert(&doc, target, &ConvertOptions::default());
    }
}
