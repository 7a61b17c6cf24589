//! Unit tests for the repair engine.
use super::simulate::{
    cp1252, cp1252_dropped as dropped, cp1252_fffd as fffd, latin1, mac_roman as mac,
};
use super::*;

const CLEAN: &str = "---\nname: reviewer\ndescription: Reviews code — carefully\n---\n\n# Rules ✅\n\n- ❌ Never push to `main`.\n- ⚠️ Ask first → then act.\n- Café, naïve, à la carte, São Paulo, Straße, señal, İstanbul.\n- Тесты: запусти их для проверки.\n- 代码审查：请用中文回答。日本語のテスト。한국어 지침.\n\n┌──────┐\n│ box  │\n└──────┘\n\n🚀 Ship it 🧑‍💻 “quoted” ‘single’ … 20 °C ± 1.\n";

/// Checks the structural invariants of a result against its input.
fn check_invariants(input: &str, r: &Repaired) {
    let mut at = 0;
    let mut rebuilt = String::new();
    for f in &r.fixes {
        let range = f.span.range();
        assert!(range.start >= at, "fixes overlap or are unsorted");
        assert_eq!(&input[range.clone()], f.original);
        assert!((0.0..=1.0).contains(&f.confidence));
        rebuilt.push_str(&input[at..range.start]);
        rebuilt.push_str(&f.replacement);
        at = range.end;
    }
    rebuilt.push_str(&input[at..]);
    assert_eq!(rebuilt, r.text);
}

fn assert_repairs(damaged: &str, expected: &str) {
    let r = repair(damaged);
    check_invariants(damaged, &r);
    assert_eq!(r.text, expected, "damaged: {damaged:?}");
}

/// `text` comes back from both lossy Windows-1252 damages (its lost bytes dropped, or
/// replaced by U+FFFD), which must change it.
fn assert_lossy_repairs(text: &str) {
    for damaged in [dropped(text), fffd(text)] {
        assert_ne!(damaged, text);
        assert_repairs(&damaged, text);
    }
}

#[test]
fn windows_1252() {
    assert_repairs(&cp1252(CLEAN), CLEAN);
    let r = repair("Done â€” ok");
    assert_eq!(r.fixes.len(), 1);
    assert_eq!(r.fixes[0].span, Span::new(5, 13));
    assert_eq!(r.fixes[0].replacement, "—");
    assert_eq!(r.fixes[0].damage, Damage::Windows1252);
    assert_eq!(
        r.fixes[0].damage.description(),
        "UTF-8 read as Windows-1252"
    );
}

#[test]
fn windows_1252_c1_and_latin1() {
    let r = repair(&cp1252("Status: ❌ failed, ✅ passed"));
    assert_eq!(r.text, "Status: ❌ failed, ✅ passed");
    assert!(r.fixes.iter().any(|f| f.damage == Damage::Windows1252C1));
    assert_repairs(&latin1(CLEAN), CLEAN);
    assert!(
        repair(&latin1("a — b"))
            .fixes
            .iter()
            .all(|f| f.damage == Damage::Latin1)
    );
}

#[test]
fn windows_1252_dropped() {
    assert_repairs(&dropped(CLEAN), CLEAN);
    // ❌ = E2 9D 8C arrives as `âŒ`; ┐ = E2 94 90 as a lone `â”`.
    assert_repairs("- âŒ no\n- âœ… yes\n", "- ❌ no\n- ✅ yes\n");
    assert_repairs(
        &dropped("┌────┐\n│ ab │\n└────┘\n"),
        "┌────┐\n│ ab │\n└────┘\n",
    );
    assert_repairs(&dropped("Note ⚠️ careful — ok"), "Note ⚠️ careful — ok");
    assert_repairs(&dropped("He said “yes” — fine"), "He said “yes” — fine");
    let r = repair("- âŒ no\n- âœ… yes\n");
    assert_eq!(r.fixes[0].damage, Damage::Windows1252Dropped);
    assert!(r.fixes[0].confidence < r.fixes[1].confidence);
}

#[test]
fn windows_1252_replacement() {
    assert_repairs(&fffd(CLEAN), CLEAN);
    let r = repair("Fail: â\u{fffd}Œ and done âœ…");
    assert_eq!(r.text, "Fail: ❌ and done ✅");
    assert_eq!(r.fixes[0].damage, Damage::Windows1252Replacement);
}

#[test]
fn mac_roman() {
    assert_repairs(&mac(CLEAN), CLEAN);
    let r = repair("Stop \u{f8ff}üõë now ‚Äî ok ‚úÖ");
    assert_eq!(r.text, "Stop 🛑 now — ok ✅");
    assert!(r.fixes.iter().all(|f| f.damage == Damage::MacRoman));
}

#[test]
fn nbsp_flattened() {
    let damaged = cp1252("Voilà, à bientôt. Наш Рим.").replace('\u{a0}', " ");
    assert_repairs(&damaged, "Voilà, à bientôt. Наш Рим.");
}

#[test]
fn layered() {
    assert_repairs(&cp1252(&cp1252(CLEAN)), CLEAN);
    assert_repairs(&cp1252(&cp1252(&cp1252(CLEAN))), CLEAN);
    let r = repair(&cp1252(&cp1252("café — ok")));
    assert!(
        r.fixes
            .iter()
            .all(|f| f.damage == Damage::Layered { depth: 2 })
    );
    assert_eq!(Damage::Layered { depth: 3 }.as_str(), "layered-triple");
}

#[test]
fn bom() {
    let r = repair("ï»¿# Title\r\nplain\r\n");
    assert_eq!(r.text, "\u{feff}# Title\r\nplain\r\n");
    assert_eq!(r.fixes[0].damage, Damage::Bom);
    let real = "\u{feff}# Title\r\nCRLF — kept\r\n";
    assert_eq!(repair(real).text, real);
}

#[test]
fn partial_damage() {
    let clean_part =
        "# Notes\n\nCafé crème — déjà vu. Ça va ? Oui, à demain.\nNÃO altere. SÃO imutáveis.\n";
    let damaged_part = "## Status\n\n- ✅ done — shipped\n- ❌ blocked\n";
    let stitched = format!("{clean_part}{}", cp1252(damaged_part));
    assert_repairs(&stitched, &format!("{clean_part}{damaged_part}"));
    // Every other line damaged.
    let lines = [
        "Résumé: naïve café",
        "Статус: готово ✅",
        "Straße — Größe",
        "中文：测试",
    ];
    let mixed: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i % 2 == 0 {
                format!("{}\n", cp1252(l))
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let want: String = lines.iter().map(|l| format!("{l}\n")).collect();
    assert_repairs(&mixed, &want);
}

/// Legitimate text that resembles mojibake: must come back byte for byte.
const NEVER_DAMAGE: &[&str] = &[
    CLEAN,
    // Three Latin letters that read as one rare Han character (`åœ”` = 圔), found by the
    // property test.
    "Nordic åœ” and more",
    // Four accented letters that read as Mac OS Roman `˖ψ` (a modifier letter), found by
    // the property test.
    "Àñœàa",
    "œàa œàœñ",
    "Français : « élève », où, déjà, Ça. Português: NÃO, SÃO, IRMÃ , MAÇÃ, ação. Deutsch: Äpfel, Größe.",
    "Español: ¿Qué? ¡Sí! año, niño. Türkçe: ğüşıöç İĞÜŞ. Tiếng Việt: Hướng dẫn cho trợ lý.",
    "中文：代码审查助手。日本語：エージェントの指示。한국어: 에이전트 지침입니다.",
    "Emoji: 👨‍👩‍👧 🧑🏽‍💻 🏳️‍🌈 🇫🇷 1️⃣ ❤️‍🔥 ✌🏿",
    "┌─┬─┐\n│a│b│\n└─┴─┘\n┏━┓ ╔═╗ ░▒▓█",
    "Symbols: © 2024, 20 °C ± 0.5, 5 µs, a·b, ½ cup, ¼, ¾, ®, ™, §, ¶, ×, ÷.",
    "| Seen | Meant |\n|---|---|\n| `Ã©` | é |\n| `â€™` | ’ |\n| Ã¼ | ü |\n",
    "```python\nFIXES = {\"â€™\": \"'\", \"Ã©\": \"e\"}\ntext = text.replace(k, v)\n```\n",
    "If you see `Ã©` the file was decoded as Windows-1252 instead of UTF-8.",
    "CAFÉ “CAFÉ” «ÉTÉ» Register Ä–Ö. √2 ≈ 1.414, ∑ ∏ ∫ ∂ ∞ ≤ ≥ ≠ ◊ ∆ Ω π „low“ ‚single‘ ‹a› ﬁ ﬂ ı.",
    "Привет, мир! Съешь же ещё этих мягких французских булок. Αλφα βήτα γάμμα — ΔΕΛΤΑ.",
    "Non-breaking\u{a0}space: « bonjour\u{a0}», 10\u{a0}000\u{a0}€.",
    "\u{feff}# Real BOM\r\nCRLF\r\n",
];

#[test]
fn one_unlisted_han_character_with_a_symbol_inside_is_repaired() {
    // `丁` (E4 B8 81) keeps its undefined byte as U+0081, and `丂` (E4 B8 82) reads as
    // `ä¸‚`: no clean word holds a C1 control or `¸` after a letter.
    assert_repairs(&cp1252("丁"), "丁");
    assert_repairs(&cp1252("丂"), "丂");
}

#[test]
fn never_damage() {
    for t in NEVER_DAMAGE {
        let r = repair(t);
        assert_eq!(&r.text, t, "altered: {:?}", r.fixes);
        assert!(r.fixes.is_empty());
    }
}

#[test]
fn idempotent() {
    let inputs = [
        cp1252(CLEAN),
        dropped(CLEAN),
        mac(CLEAN),
        cp1252(&cp1252(CLEAN)),
        CLEAN.to_owned(),
    ];
    for x in inputs
        .iter()
        .map(String::as_str)
        .chain(NEVER_DAMAGE.iter().copied())
    {
        let once = repair(x);
        check_invariants(x, &once);
        assert_eq!(repair(&once.text).text, once.text);
    }
}

#[test]
fn fast_path() {
    assert!(is_clean_fast("plain ascii"));
    assert!(is_clean_fast("Café — naïve ✅ 中文"));
    assert!(!is_clean_fast("cafÃ©"));
    assert!(!is_clean_fast("â\u{fffd}Œ"));
    let r = repair("plain ascii");
    assert!(!r.changed());
}

#[test]
fn fix_message() {
    let r = repair("Done â€” ok");
    assert_eq!(
        r.fixes[0].message(),
        "UTF-8 read as Windows-1252: `â€”` should be `—`"
    );
    assert_eq!(
        Damage::Windows1252Dropped.to_string(),
        "windows-1252-dropped"
    );
    assert!(Damage::Windows1252Dropped.lossy());
}

#[test]
#[allow(clippy::print_stderr)]
fn debug_file() {
    let Some(p) = std::env::var_os("REPAIR_DEBUG") else {
        return;
    };
    let t = std::fs::read_to_string(p).unwrap();
    let r = repair(&t);
    eprintln!("fixes {}", r.fixes.len());
}

#[test]
fn large_inputs_stay_linear() {
    // One huge line with many clusters, and one huge cluster of lead characters.
    let line = "cafÃ© `x` \"â€™\" ".repeat(20_000);
    let r = repair(&line);
    check_invariants(&line, &r);
    let blob = format!("Ã©{}", "â".repeat(100_000));
    let r = repair(&blob);
    check_invariants(&blob, &r);
}

#[test]
fn lost_bytes_follow_the_character_statistics() {
    // Each sentence loses bytes in letters where several candidates are real
    // characters (я / с / э share D1 ??; 、 」 』 【 share E3 80 ??); the
    // n-gram statistics pick the right ones, which the context-free prior did not.
    for text in [
        "Проверяет, что файл существует, и явно сообщает об ошибке.\n",
        "请检查代码、测试和文档，然后提交。\n",
        "코드를 확인하고 테스트를 실행한 다음 변경 사항을 커밋하세요.\n",
    ] {
        assert_lossy_repairs(text);
    }
}

#[test]
fn lost_letters_follow_the_word_lexicon() {
    // Here the trigram statistics alone chose `экрипта`, `яколько`, `слементов` and
    // `стапы`: `␣с`/`␣э`/`␣я` and the letters after them are all common. The word
    // lexicon knows the real words, and the stem `этап` of a form it does not know.
    let text = "Параметры скрипта: сколько элементов, атомарные этапы, на данном этапе.\n";
    assert_lossy_repairs(text);
}

#[test]
fn lexicon_words_are_lower_cased_letter_runs_with_a_losable_letter() {
    let mut got = Vec::new();
    super::lm::words(
        "Это тест: мир, Анализ; hello café 文档 naïve",
        |w| {
            got.push(w.to_owned());
        },
    );
    // `мир` is kept for `МИР` (Р = D0 A0), `Анализ` for `А` (D0 90), `naïve` for `Ï`
    // (C3 8F); `é` (C3 A9) and `É` (C3 89) are not losable; `文档` is Han.
    assert_eq!(got, ["это", "тест", "мир", "анализ", "naïve"]);
    assert!(super::lm::losable('я') && super::lm::losable('점') && !super::lm::losable('목'));
    let mut stems = Vec::new();
    super::lm::stems("этапе", |s| stems.push(s.to_owned()));
    assert_eq!(stems, ["\u{1}этап", "\u{1}эта"]);
    stems.clear();
    super::lm::stems("это", |s| stems.push(s.to_owned()));
    assert!(stems.is_empty(), "three letters must stay");
}

#[test]
fn prose_in_inline_code_is_repaired_but_quoted_tokens_are_not() {
    // A status line in a code span is text that was damaged with the rest.
    let text = "Progress\n\n- `✅ CE Gate passed` — next step\n- Done ✅ — see “notes”\n";
    assert_repairs(&cp1252(text), text);
    // A quoted token in a string literal inside a code span stays as written.
    let quoted = "Search with `grep \"Ã©\" src` to find damaged files.\n";
    assert_eq!(repair(quoted).text, quoted);
}

#[test]
fn punctuation_before_an_accented_letter_is_not_mac_roman() {
    // French dialogue and quotes: `—Ç` and `—é` are also Mac OS Roman for т and ю.
    for text in [
        "—Ça va ?\n",
        "Il a dit —était-ce vrai ?\n",
        "«École» et «Été»\n",
    ] {
        assert_eq!(repair(text).text, text);
    }
    // Real Mac OS Roman damage is still repaired.
    assert_repairs(
        &mac("Готово — всё работает ✅\n"),
        "Готово — всё работает ✅\n",
    );
}

#[test]
fn a_guessed_closing_bracket_needs_its_opening_one() {
    // `、` (E3 80 81) and `」` (E3 80 8D) differ only in a lost byte; between two code
    // spans the statistics favour `」`, but no `「` opened it.
    for text in [
        "接口 `/user/add`、`/connector/add` 的实现。\n",
        "请打开 `PieceTree.sln`、`src/TextBuffer` 和 `tests/`。\n",
    ] {
        assert_lossy_repairs(text);
    }
}

#[test]
fn a_box_row_starts_and_ends_with_its_corners() {
    // `┏` (E2 94 8F) and `━` (E2 94 81) both read `â”` once the last byte is lost, as do
    // `╝` (E2 95 9D) and `═` (E2 95 90) as `â•`; inside a row the statistics favour the
    // line, but a row ending in `┓` starts with `┏`, and one starting with `╚` ends in `╝`.
    for text in [
        "Layout:\n\n┏━━━━━━━━━┓\n┃ agentfmt ┃\n┗━━━━━━━━━┛\n",
        "Status:\n\n╔═══════╗\n║ done  ║\n╚═══════╝\n\nProgress: ✅\n",
    ] {
        assert_lossy_repairs(text);
    }
    // A row that ends without a corner keeps its line.
    let text = "Rule:\n\n━━━━━━━━━━\n\nDone ✅\n";
    assert_repairs(&dropped(text), text);
}

#[test]
fn mojibake_that_continues_a_path_in_a_code_span_is_damage() {
    // The only damage in the file sits in a code span, but after a path separator: a
    // quote of mojibake stands alone, it does not name a file.
    let text = "Refs: templates impacted (e.g., `init`, `templates/actor/…`).\n";
    assert_repairs(&cp1252(text), text);
    assert_repairs(&dropped(text), text);
    // A token quoted on its own stays as written.
    let quoted = "Mojibake such as `â€¦` or `Ã©` means UTF-8 read as Windows-1252.\n";
    assert_eq!(repair(quoted).text, quoted);
}

#[test]
fn a_replaced_byte_is_chosen_with_the_cluster_neighbours() {
    // U+FFFD keeps the place of a lost byte, so the cluster reads without dropped bytes,
    // but the byte's value is still a guess: `lá»�i` is `lời` (E1 BB 9D) only with the
    // `l` and `i` around the cluster; alone, the statistics chose `Ố` (E1 BB 90).
    let text = "Hãy trả lời bằng tiếng Việt.\n";
    let damaged = fffd(text);
    assert!(damaged.contains('\u{fffd}'));
    assert_repairs(&damaged, text);
}

/// Not a test: `REPAIR_PROBE=FILE REPAIR_DEBUG=1 cargo test --lib probe -- --ignored
/// --nocapture` prints the cluster decisions and the repair of each paragraph of `FILE`.
#[test]
#[ignore = "a debugging aid, run by hand"]
#[allow(clippy::print_stderr)]
fn probe() {
    let Some(path) = std::env::var_os("REPAIR_PROBE") else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("REPAIR_PROBE names a UTF-8 file");
    for para in text.split("\n\n") {
        let r = repair(para);
        eprintln!("IN  {para:?}\nOUT {:?}\n", r.text);
    }
}

/// A word that holds an intact non-ASCII letter was not mis-decoded: `Ã“` beside `É` in one
/// word is Portuguese `Ã` and a quotation mark, while the same sequence in a word of its own,
/// in a damaged document, is still `Ó`.
#[test]
fn an_intact_letter_in_the_word_keeps_it() {
    for text in ["- regra IRMÃ“MÉXICO\n", "SÃO “PAULO” e IRMÃ“MÉXICO São\n"] {
        let r = repair(text);
        assert!(r.fixes.is_empty(), "{text:?}: {:?}", r.fixes);
        assert_eq!(r.text, text);
    }
    assert_repairs(
        "LEÃ“N dice cafÃ© en MÃ‰XICO\n",
        "LEÓN dice café en MÉXICO\n",
    );
}
