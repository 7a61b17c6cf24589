//! `agentfmt fmt`: snapshot tests for every rewrite (input, output, unified diff), property
//! tests (idempotence, same HTML, same values), the seeds and the corpus run.

// The corpus run and the debug helper report to the terminal on purpose.
#![allow(clippy::print_stdout)]

use agentfmt::document;
use agentfmt::fmt::{FmtOptions, Formatted, NewlineStyle, TableStyle, corpus_stats, fmt, order};
use agentfmt::source::{Decoded, SourceText, decode};
use agentfmt::tools::Kind;
use proptest::prelude::*;

fn format_with(text: &str, path: &str, kind: Option<Kind>, opts: &FmtOptions) -> Formatted {
    let doc = document::parse(SourceText::from_str(text), Some(path), kind).doc;
    fmt(&doc, opts)
}

fn format(text: &str, path: &str) -> Formatted {
    format_with(text, path, None, &FmtOptions::default())
}

/// Formats twice (asserting idempotence) and renders input, output, diff, rewrites and
/// warnings for a snapshot.
fn report(input: &str, path: &str, opts: &FmtOptions) -> String {
    let out = format_with(input, path, None, opts);
    let again = format_with(&out.text, path, None, opts);
    assert_eq!(again.text, out.text, "not idempotent on {path}");
    let diff = similar::TextDiff::from_lines(input, out.text.as_str())
        .unified_diff()
        .header("input", "output")
        .to_string();
    let rewrites: Vec<&str> = out.rewrites.iter().map(|r| r.as_str()).collect();
    let warnings: Vec<String> = out
        .diagnostics
        .iter()
        .map(|d| format!("{} {}: {}", d.code, d.rule, d.message))
        .collect();
    format!(
        "path: {path}\nrewrites: {rewrites:?}\nwarnings: {warnings:#?}\n\n----- input -----\n{}\n----- output -----\n{}\n----- diff -----\n{diff}",
        input.escape_debug(),
        out.text.escape_debug()
    )
}

macro_rules! snap {
    ($name:ident, $path:expr, $input:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(report($input, $path, &FmtOptions::default()));
        }
    };
}

snap!(
    bom_is_removed,
    ".claude/agents/a.md",
    "\u{feff}---\nname: a\ndescription: Reviews code\n---\nBody.\n"
);
snap!(
    crlf_becomes_lf,
    ".claude/agents/a.md",
    "---\r\nname: a\r\ndescription: b\r\n---\r\n# T\r\n\r\nText.\r\n"
);
snap!(final_newline, "AGENTS.md", "# Title\n\nText.\n\n\n\n");
snap!(final_newline_added, "AGENTS.md", "# Title\n\nText.");
snap!(
    trailing_whitespace,
    "AGENTS.md",
    "# Title   \n\nLine with a hard break  \nnext line.\t\nLast line.   \n\n```sh\necho keep   \n```\n\n<div>  \nhtml keeps  \n</div>\n"
);
snap!(
    quoted_ambiguous_values,
    ".github/agents/a.agent.md",
    "---\nname: a\ndescription: b\ncolor: yes\nversion: 1.10\nmode: 0644\nlist: [on, off, plain]\n---\nBody.\n"
);
snap!(
    argument_hint,
    ".claude/commands/fix.md",
    "---\ndescription: Fix an issue\nargument-hint: [issue-number] \n---\nFix $ARGUMENTS.\n"
);
snap!(
    lenient_to_strict,
    ".claude/agents/helper.md",
    "---\nname: helper\ndescription: Use this agent when: the user asks. Examples: <example>\nuser: 'hi'\nassistant: \"ok\"\n</example>\ntools: Read, Grep\nmodel: sonnet\n---\nYou help.\n"
);
snap!(
    lenient_one_line_copilot,
    ".github/prompts/review.prompt.md",
    "---\ndescription: Review code\nargument-hint: Optional: file path to review\n---\nReview.\n"
);
snap!(
    cursor_globs_stay_bare,
    ".cursor/rules/ts.mdc",
    "---\ndescription: TypeScript: rules\nglobs: **/*.ts, src/**/*.tsx\nalwaysApply: false\n---\nUse strict mode.\n"
);
snap!(
    heading_style,
    "AGENTS.md",
    "Title\n=====\n\nSection\n-------\n\nTwo line\nheading\n---\n\nText.\n"
);
snap!(
    list_marker,
    "AGENTS.md",
    "* one\n* two\n  + nested\n  + nested\n\nText.\n\n1. ordered\n"
);
snap!(list_marker_refused, "AGENTS.md", "* a\n* b\n\n+ c\n");
snap!(
    code_fence,
    "AGENTS.md",
    "~~~python\nprint('x')\n~~~\n\n~~~\nhas ``` inside\n~~~\n"
);
snap!(
    blank_lines,
    "AGENTS.md",
    "\n\n# Title\n\n\n\nText.\n\n\n```\na\n\n\n\nb\n```\n"
);
snap!(
    table_compact,
    "AGENTS.md",
    "| Name        |    Meaning |\n| :---------- | ---------: |\n| a           | long value |\n| longer name |          x |\n|             |            |\n\n| esc     | x   |\n| ------- | --- |\n| a \\| b | c   |\n\n|a|b|\n|-|-|\n|c|d|\n"
);

const TABLES: &str = "| Name | Meaning |\n|:--|--:|\n| a | long value |\n| longer name | x |\n\n| esc | x |\n|---|---|\n| a \\| b | c |\n";

#[test]
fn table_aligned() {
    let opts = FmtOptions {
        tables: TableStyle::Aligned,
        ..FmtOptions::default()
    };
    insta::assert_snapshot!(report(TABLES, "AGENTS.md", &opts));
}

#[test]
fn tables_keep_leaves_every_table() {
    let opts = FmtOptions {
        tables: TableStyle::Keep,
        ..FmtOptions::default()
    };
    let padded = "| a   | b   |\n| --- | --- |\n| x   | y   |\n";
    let out = format_with(padded, "AGENTS.md", None, &opts);
    assert_eq!(out.text, padded);
    assert!(!out.changed);
    let out = format_with(padded, "AGENTS.md", None, &FmtOptions::default());
    assert_eq!(out.text, "| a | b |\n| --- | --- |\n| x | y |\n");
}

#[test]
fn default_fmt_never_grows_a_body() {
    // Rewrites whose canonical form is longer than the author's are skipped: a level-2
    // setext heading with a one-dash underline (`## T` is longer), a `~~~` fence around
    // backticks (it would need four), a table written without spaces.
    let input = "Title\n-\n\n~~~\n```\n~~~\n\n|a|b|\n|-|-|\n|c|d|\n";
    let out = format(input, "AGENTS.md");
    assert_eq!(out.text, input);
    // With room to spare the same rewrites run.
    let input = "Title\n-----\n\n| a  | b  |\n| -- | -- |\n| c  | d  |\n";
    let out = format(input, "AGENTS.md");
    assert_eq!(
        out.text,
        "## Title\n\n| a | b |\n| --- | --- |\n| c | d |\n"
    );
}
snap!(
    example_tags_pass_through,
    ".claude/agents/x.md",
    "---\nname: x\ndescription: d\n---\n<example>\n  user:   hi   \n\n\n* kept as written\n\n  assistant: ok\n</example>\n\n\n* outside\n"
);
snap!(
    toml_command,
    ".gemini/commands/review.toml",
    "description = \"Review\"   \nprompt = \"\"\"\nCheck   \n\"\"\"\n\n\n"
);

#[test]
fn crlf_is_kept_or_written_on_request() {
    let keep = FmtOptions {
        newline: NewlineStyle::Keep,
        ..FmtOptions::default()
    };
    let crlf = FmtOptions {
        newline: NewlineStyle::CrLf,
        ..FmtOptions::default()
    };
    let input = "# T\r\n\r\n\r\nText.  \r\n";
    insta::assert_snapshot!(report(input, "AGENTS.md", &keep));
    let out = format_with("# T\n\nText.\n", "AGENTS.md", None, &crlf);
    assert_eq!(out.text, "# T\r\n\r\nText.\r\n");
    assert!(out.rewrites.iter().any(|r| r.as_str() == "line-endings"));
}

#[test]
fn a_lone_cr_is_a_line_ending() {
    // CommonMark reads `\r\r\n` as two line endings: a blank line between two paragraphs.
    let keep = FmtOptions {
        newline: NewlineStyle::Keep,
        ..FmtOptions::default()
    };
    let input = "---\r\nname: a\r\ndescription: b\r\n---\r\nOne.\r\r\nTwo.\rThree.\r\r";
    let out = format_with(input, ".claude/agents/a.md", None, &keep);
    assert_eq!(
        out.text,
        "---\r\nname: a\r\ndescription: b\r\n---\r\nOne.\r\n\r\nTwo.\r\nThree.\r\n"
    );
    assert!(out.rewrites.iter().any(|r| r.as_str() == "line-endings"));
    let body = |t: &str| {
        t.split_once("---\r\n")
            .unwrap()
            .1
            .split_once("---")
            .unwrap()
            .1
            .to_owned()
    };
    assert_eq!(
        agentfmt::fmt::render_html(&body(input)),
        agentfmt::fmt::render_html(&body(&out.text)),
    );
    assert!(agentfmt::fmt::render_html(&body(input)).contains("<p>Two.\nThree.</p>"));
    // Idempotent: the second run sees only CRLF.
    let again = format_with(&out.text, ".claude/agents/a.md", None, &keep);
    assert_eq!(again.text, out.text);
    // Written as LF, the lone CRs become LF too, and a trailing run of them is trailing
    // blank lines.
    let out = format_with(
        "One.\r\r\nTwo.\n\r\r",
        "AGENTS.md",
        None,
        &FmtOptions::default(),
    );
    assert_eq!(out.text, "One.\n\nTwo.\n");
}

#[test]
fn a_lone_cr_that_would_move_the_front_matter_end_leaves_the_file_alone() {
    // `---\r` closes the front matter only for a reader that takes a lone CR as a line
    // break; the file keeps its text and gets a `fmt-refused` warning.
    let input = "---\nname: a\ndescription: b\n---\rBody.\n";
    let out = format_with(input, ".claude/agents/a.md", None, &FmtOptions::default());
    assert_eq!(out.text, input);
    assert!(!out.changed);
    assert_eq!(out.diagnostics.len(), 1);
    assert_eq!(out.diagnostics[0].rule, "fmt-refused");
}

#[test]
fn a_toml_file_with_a_lone_cr_keeps_its_line_endings() {
    // TOML has no lone-CR line ending: the file is invalid, and reading the CR as a
    // line break would give it values it never had.
    let input = "description = \"x\"\r# note\rprompt = \"y\"\r\n\n\n";
    let out = format_with(
        input,
        ".gemini/commands/g.toml",
        None,
        &FmtOptions::default(),
    );
    assert_eq!(out.text, input);
    assert!(!out.changed);
    // With CRLF and LF only, fmt normalises as usual.
    let out = format_with(
        "description = \"x\"\r\nprompt = \"y\"\r\n\n\n",
        ".gemini/commands/g.toml",
        None,
        &FmtOptions::default(),
    );
    assert_eq!(out.text, "description = \"x\"\nprompt = \"y\"\n");
}

#[test]
fn a_table_cell_ending_in_a_no_break_space_is_aligned_with_it() {
    // Found by the fmt fuzzer (round 17): trimming cells with `str::trim` removed the
    // U+00A0, the guard refused the table, and the file got a `fmt-refused` warning.
    let input =
        "# Levels\n\n| Severity | Meaning |\n|---|---|\n| high\u{a0} | merge\u{a0}\u{a0} |\n";
    let aligned = FmtOptions {
        tables: TableStyle::Aligned,
        ..FmtOptions::default()
    };
    let out = format_with(input, "AGENTS.md", None, &aligned);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert_eq!(
        out.text,
        "# Levels\n\n| Severity | Meaning |\n| -------- | ------- |\n| high\u{a0}    | merge\u{a0}\u{a0} |\n"
    );
    // Compact trims the spaces around a cell and keeps the no-break spaces.
    let compact = format(&out.text, "AGENTS.md");
    assert!(compact.diagnostics.is_empty(), "{:?}", compact.diagnostics);
    assert_eq!(
        compact.text,
        "# Levels\n\n| Severity | Meaning |\n| --- | --- |\n| high\u{a0} | merge\u{a0}\u{a0} |\n"
    );
}

#[test]
fn key_order_moves_blocks_within_groups() {
    // A local key order (the real one comes from `schemas/<kind>.schema.json`).
    let required = ["name", "description"];
    let known = ["name", "description", "tools", "model"];
    let fm = "model: opus\n# who\nname: reviewer\ntools:\n  - Read\n  - Grep\ndescription: Reviews\n\n# extras\nzeta: 1\nalpha: 2\n";
    let (root, _) = document::yaml::load(fm, 0).unwrap();
    let out = order::reorder(fm, 0, root.unwrap().entries(), &required, &known).unwrap();
    let diff = similar::TextDiff::from_lines(fm, out.as_str())
        .unified_diff()
        .to_string();
    insta::assert_snapshot!(format!(
        "----- input -----\n{fm}\n----- output -----\n{out}\n----- diff -----\n{diff}"
    ));
}

#[test]
fn key_spacing_is_one_space_except_cursor_globs() {
    let f = format(
        "---\nname:    auditor\ndescription:   \"Audits: code\"\nhooks:\n  Stop:\n    - hooks: [{type:   command, command: x}]\n---\nx\n",
        ".claude/agents/a.md",
    );
    assert_eq!(
        f.text,
        "---\nname: auditor\ndescription: \"Audits: code\"\nhooks:\n  Stop:\n    - hooks: [{type: command, command: x}]\n---\nx\n"
    );
    assert!(f.rewrites.contains(&agentfmt::fmt::Rewrite::KeySpacing));
    // Cursor reads `globs` raw: its spaces stay.
    let f = format(
        "---\nglobs:   src/**\nalwaysApply:   false\n---\nx\n",
        ".cursor/rules/a.mdc",
    );
    assert_eq!(f.text, "---\nglobs:   src/**\nalwaysApply: false\n---\nx\n");
    // A comment or an anchor between the key and the value is left alone.
    let t = "---\nname:   &n auditor\ndescription: d\n---\nx\n";
    assert_eq!(format(t, ".claude/agents/a.md").text, t);
}

const SIGNATURES: &[&str] = &[
    "â€", "Ã©", "ðŸ", "âœ", "â”", "âŒ", "‚Äî", "‚úÖ", "üõë", "\u{f8ff}", "ï»¿",
];

#[test]
fn seeds_are_repaired_and_the_correct_one_left_alone() {
    let dir = std::path::Path::new("/work/shared/seeds");
    if !dir.exists() {
        return;
    }
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for p in paths {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let t = std::fs::read_to_string(&p).unwrap();
        let r = agentfmt::repair::repair(&t);
        if name.starts_with("003") {
            assert_eq!(r.text, t, "{name} must be left alone");
        } else {
            assert!(r.changed(), "{name} not repaired");
            for s in SIGNATURES {
                assert!(!r.text.contains(s), "{name} still contains {s:?}");
            }
            assert_eq!(agentfmt::repair::repair(&r.text).text, r.text);
        }
    }
}

#[test]
fn seeds_format_cleanly_and_stay_formatted() {
    let dir = std::path::Path::new("/work/shared/seeds");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut names: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    names.sort();
    for p in names {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let kind = if name.starts_with("000") || name.starts_with("003") {
            Kind::ClaudeCommand
        } else {
            Kind::ClaudeAgent
        };
        let Decoded::Text(src, _) = decode(&std::fs::read(&p).unwrap()) else {
            panic!("{name} is binary");
        };
        let doc = document::parse(src, Some(&name), Some(kind)).doc;
        let out = fmt(&doc, &FmtOptions::default());
        assert!(out.diagnostics.is_empty(), "{name}: {:?}", out.diagnostics);
        let again = format_with(&out.text, &name, Some(kind), &FmtOptions::default());
        assert_eq!(again.text, out.text, "{name} is not idempotent");
        assert!(!again.changed, "{name}");
        let new = document::parse(SourceText::from_str(&out.text), Some(&name), Some(kind)).doc;
        assert!(
            agentfmt::repair::repair(&out.text).fixes.is_empty(),
            "{name} still has mojibake"
        );
        // fmt repairs mojibake on purpose: the body renders like the repaired input.
        let repaired = agentfmt::repair::repair(doc.text()).text;
        if name.starts_with("003") {
            assert_eq!(repaired, doc.text(), "003 is clean");
        } else {
            assert_ne!(repaired, doc.text(), "{name} is damaged");
        }
        let doc = document::parse(SourceText::from_str(&repaired), Some(&name), Some(kind)).doc;
        assert_eq!(
            agentfmt::fmt::render_html(&agentfmt::fmt::to_lf(doc.body_text())),
            agentfmt::fmt::render_html(new.body_text()),
            "{name}"
        );
        assert_eq!(
            doc.root.as_ref().map(|r| r.to_json()),
            new.root.as_ref().map(|r| r.to_json()),
            "{name}"
        );
    }
}

fn md_line() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "",
        "",
        "  ",
        "# Title",
        "Title",
        "=====",
        "-----",
        "---",
        "* item",
        "+ item",
        "- item",
        "  * nested",
        "1. one",
        "~~~",
        "~~~py",
        "```",
        "code  ",
        "| a | b |",
        "|-|:-:|",
        "|x|y|",
        "text",
        "text  ",
        "more text\t",
        "> quote",
        "<div>",
        "</div>",
        "<example>",
        "user: hi",
        "</example>",
        "    indented",
        "\\",
        "`a  b`",
        "[x]: http://x",
    ])
}

fn fm_line() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "name: a",
        "description: Use when: asked",
        "description: plain",
        "tools: Read, Grep",
        "argument-hint: [n]",
        "color: yes",
        "version: 1.10",
        "mode: 0644",
        "x: 'q'",
        "<example>",
        "user: hi",
        "</example>",
        "# comment",
        "",
        "tools:",
        "  - Read",
        "model: sonnet  ",
        "globs: **/*.ts",
        "alwaysApply: false",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn markdown_is_idempotent_and_renders_the_same(lines in prop::collection::vec(md_line(), 0..14), nl in any::<bool>()) {
        let mut text = lines.join("\n");
        if nl { text.push('\n'); }
        let st = corpus_stats([("AGENTS.md", text.as_bytes())]);
        prop_assert!(st.panics.is_empty() && st.not_idempotent.is_empty() && st.html_changed.is_empty(), "{text:?}: {st:?}");
    }

    #[test]
    fn front_matter_keeps_its_values(lines in prop::collection::vec(fm_line(), 0..8), body in prop::collection::vec(md_line(), 0..4), path in prop::sample::select(vec![".claude/agents/a.md", ".cursor/rules/a.mdc", ".github/prompts/a.prompt.md", ".claude/commands/c.md"])) {
        let text = format!("---\n{}\n---\n{}\n", lines.join("\n"), body.join("\n"));
        let st = corpus_stats([(path, text.as_bytes())]);
        prop_assert!(st.panics.is_empty() && st.not_idempotent.is_empty() && st.html_changed.is_empty() && st.values_changed.is_empty(), "{text:?}: {st:?}");
    }
}

/// `corpus/fmt/<case>/<path>`: one hand-written file per kind of rewrite (tables, setext
/// headings, list markers, fences, BOM and CRLF, lenient YAML, key order, mojibake, a TOML
/// command), read at `<path>`. They are the fuzz targets' seeds for fmt's rewrites (`cargo
/// xtask fuzz` seeds from `corpus/`), so each must still be one fmt rewrites, and cleanly:
/// idempotent, same HTML, same values, nothing refused.
#[test]
fn fmt_fixtures_are_rewritten_cleanly() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/fmt");
    let mut files = Vec::new();
    for case in std::fs::read_dir(&root).unwrap() {
        let case = case.unwrap().path();
        for f in ignore::WalkBuilder::new(&case).hidden(false).build() {
            let f = f.unwrap();
            if f.file_type().is_some_and(|t| t.is_file()) {
                let rel = f.path().strip_prefix(&case).unwrap();
                let rel = rel.to_string_lossy().replace('\\', "/");
                files.push((rel, std::fs::read(f.path()).unwrap()));
            }
        }
    }
    assert!(files.len() >= 10, "{} fixtures", files.len());
    let mut rewrites = std::collections::BTreeSet::new();
    for (path, bytes) in &files {
        let st = corpus_stats([(path.as_str(), bytes.as_slice())]);
        assert_eq!(st.changed, 1, "{path}: fmt leaves it as it is");
        assert!(
            st.panics.is_empty()
                && st.not_idempotent.is_empty()
                && st.html_changed.is_empty()
                && st.values_changed.is_empty()
                && st.refused.is_empty(),
            "{path}: {st:?}"
        );
        rewrites.extend(st.by_rewrite.into_keys());
    }
    for want in [
        "table",
        "heading-style",
        "list-marker",
        "code-fence",
        "bom",
        "line-endings",
        "mojibake",
        "lenient-to-strict",
        "key-order",
        "quoted",
    ] {
        assert!(
            rewrites.contains(want),
            "no fixture exercises `{want}`: {rewrites:?}"
        );
    }
}

#[test]
fn unchanged_files_report_no_change() {
    let out = format(
        "---\nname: a\ndescription: b\n---\n# T\n\n- x\n",
        ".claude/agents/a.md",
    );
    assert!(!out.changed && out.rewrites.is_empty(), "{out:?}");
}

/// The corpus run (`cargo test --test main fmt::corpus -- --ignored --nocapture`).
#[test]
#[ignore = "reads /work/shared/corpus"]
fn corpus() {
    let root = std::path::Path::new("/work/shared/corpus");
    let manifest = std::fs::read_to_string(root.join("MANIFEST.jsonl")).expect("manifest");
    let mut files = Vec::new();
    for line in manifest.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let bytes = std::fs::read(root.join(v["path"].as_str().unwrap())).expect("file");
        files.push((v["source_path"].as_str().unwrap().to_owned(), bytes));
    }
    let stats = agentfmt::fmt::corpus_stats(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())));
    println!("{}", stats.summary());
    for (name, list) in [
        ("panics", &stats.panics),
        ("not idempotent", &stats.not_idempotent),
        ("html changed", &stats.html_changed),
        ("values changed", &stats.values_changed),
        ("intended", &stats.intended_value_changes),
        ("refused", &stats.refused),
        ("strict yaml after", &stats.strict_yaml_after),
    ] {
        println!(
            "{name} ({}): {:?}",
            list.len(),
            list.iter().take(400).collect::<Vec<_>>()
        );
    }
    assert!(stats.panics.is_empty());
    assert!(stats.not_idempotent.is_empty());
    assert!(stats.html_changed.is_empty());
    assert!(stats.values_changed.is_empty());
}

/// Debug helper: `FMT_FILE=<corpus path> FMT_PATH=<logical path> cargo test --test main
/// fmt::one -- --ignored --nocapture` prints the diff and diagnostics for one file.
#[test]
#[ignore = "debug helper"]
fn one() {
    let Ok(file) = std::env::var("FMT_FILE") else {
        return;
    };
    let logical = std::env::var("FMT_PATH").unwrap_or_else(|_| file.clone());
    let Decoded::Text(src, _) = decode(&std::fs::read(&file).unwrap()) else {
        return;
    };
    let doc = document::parse(src, Some(&logical), None).doc;
    let out = fmt(&doc, &FmtOptions::default());
    println!(
        "{}",
        similar::TextDiff::from_lines(doc.text(), &out.text).unified_diff()
    );
    println!("{:?}\n{:#?}", out.rewrites, out.diagnostics);
}
