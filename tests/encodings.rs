//! Files not in UTF-8: legacy code pages are detected, reported once and written as UTF-8;
//! damaged UTF-8 is reported with a bounded number of diagnostics and never rewritten.

use std::path::Path;
use std::process::{Command, Output};

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_agentfmt"))
        .current_dir(dir)
        .args(args)
        .arg("--no-config")
        .env_remove("NO_COLOR")
        .output()
        .expect("agentfmt runs")
}

fn json(dir: &Path, file: &str) -> Vec<serde_json::Value> {
    let o = run(dir, &["check", file, "--output-format", "json"]);
    serde_json::from_slice::<serde_json::Value>(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)))
        .as_array()
        .unwrap()
        .clone()
}

fn encode(enc: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = enc.encode(text);
    assert!(!unmappable, "{text:?} is not in {}", enc.name());
    bytes.into_owned()
}

/// AGENTS.md files in each language that `fmt` leaves as they are once in UTF-8.
const FILES: &[(&str, &str)] = &[
    (
        "windows-1251",
        "# Правила проекта\n\nВсегда используйте строгую типизацию. Пишите тесты для каждой новой функции.\n",
    ),
    (
        "Shift_JIS",
        "# プロジェクトの規約\n\n常に厳密な型を使用してください。新しい関数ごとにテストを書いてください。\n",
    ),
    (
        "GBK",
        "# 项目规则\n\n始终使用严格的类型。为每个新函数编写测试，并保持提交信息简洁明了。\n",
    ),
    (
        "EUC-KR",
        "# 프로젝트 규칙\n\n항상 엄격한 타입을 사용하세요. 새 함수마다 테스트를 작성하세요.\n",
    ),
    (
        "windows-1252",
        "# Règles du projet\n\nÉcrivez des tests pour chaque fonction — même les plus petites. Préférez les noms explicites.\n",
    ),
];

#[test]
fn each_legacy_code_page_gives_one_diagnostic_and_fmt_writes_utf8() {
    for &(label, text) in FILES {
        let enc = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("AGENTS.md");
        std::fs::write(&file, encode(enc, text)).unwrap();

        let diags = json(dir.path(), "AGENTS.md");
        assert_eq!(diags.len(), 1, "{label}: {diags:?}");
        assert_eq!(diags[0]["rule"], "non-utf8-encoding", "{label}");
        let message = diags[0]["message"].as_str().unwrap();
        assert!(message.contains(label), "{label}: {message}");

        let o = run(dir.path(), &["fmt", "--check", "AGENTS.md"]);
        assert_eq!(
            o.status.code(),
            Some(1),
            "{label}: --check reports the change"
        );
        assert_eq!(
            std::fs::read(&file).unwrap(),
            encode(enc, text),
            "--check wrote"
        );

        let o = run(dir.path(), &["fmt", "AGENTS.md"]);
        assert_eq!(o.status.code(), Some(0), "{label}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), text, "{label}");
        assert!(
            json(dir.path(), "AGENTS.md").is_empty(),
            "{label}: clean after fmt"
        );
    }
}

#[test]
fn repair_rewrites_a_legacy_file_and_says_so_in_the_diff() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("AGENTS.md");
    let (_, text) = FILES[1];
    let bytes = encode(encoding_rs::SHIFT_JIS, text);
    std::fs::write(&file, &bytes).unwrap();
    let o = run(dir.path(), &["repair", "--diff", "AGENTS.md"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("AGENTS.md: written as UTF-8, was Shift_JIS"),
        "{out}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), bytes, "--diff wrote");
    run(dir.path(), &["repair", "AGENTS.md"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn mojibake_saved_in_a_legacy_code_page_is_repaired_too() {
    // Typed in Windows-1252 (the é, the dash), with a paragraph pasted from a UTF-8 page
    // read as Windows-1252 (`â€™` for ’), and saved in Windows-1252.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("AGENTS.md");
    let typed = "# Règles\n\nÉcrivez des tests — toujours.\n\nDon’t skip the review; it’s what keeps the déjà-vu bugs out.\n";
    let pasted = typed.replace('’', "â€™");
    std::fs::write(&file, encode(encoding_rs::WINDOWS_1252, &pasted)).unwrap();
    run(dir.path(), &["fmt", "AGENTS.md"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), typed);
}

#[test]
fn ascii_and_damaged_utf8_are_never_legacy() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("AGENTS.md"), "# Rules\n\nUse tabs.\n").unwrap();
    assert!(json(dir.path(), "AGENTS.md").is_empty());

    // UTF-8 with stray bytes: one diagnostic per sequence, at most ten and a count.
    let mut bytes = "# Правила\n\nВсегда используйте строгую типизацию.\n"
        .as_bytes()
        .to_vec();
    for _ in 0..15 {
        bytes.extend_from_slice(b"caf\xE9 ");
    }
    std::fs::write(dir.path().join("AGENTS.md"), &bytes).unwrap();
    let diags = json(dir.path(), "AGENTS.md");
    assert_eq!(diags.len(), 11, "{diags:?}");
    assert!(diags.iter().all(|d| d["rule"] == "invalid-utf8"));
    let counted: Vec<&str> = diags
        .iter()
        .filter_map(|d| d["message"].as_str())
        .filter(|m| m.contains("more invalid UTF-8"))
        .collect();
    assert_eq!(counted, ["5 more invalid UTF-8 sequences not listed"]);
    let o = run(dir.path(), &["fmt", "AGENTS.md"]);
    assert_ne!(o.status.code(), Some(0));
    assert_eq!(std::fs::read(dir.path().join("AGENTS.md")).unwrap(), bytes);
}

#[test]
fn the_diagnostic_renders_like_rustc() {
    let dir = tempfile::tempdir().unwrap();
    let (_, text) = FILES[0];
    std::fs::write(
        dir.path().join("AGENTS.md"),
        encode(encoding_rs::WINDOWS_1251, text),
    )
    .unwrap();
    let o = run(dir.path(), &["check", "AGENTS.md", "--color", "never"]);
    insta::assert_snapshot!(String::from_utf8_lossy(&o.stdout));
}
