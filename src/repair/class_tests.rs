//! Unit tests for the failure classes seen on text the engine was not built from: correct
//! text that looks like mojibake must come back byte for byte, and damage of every code
//! point (rare symbols, layered damage with lost bytes) must be undone.
use super::simulate::{cp1252, cp1252_dropped, mac_roman};
use super::*;

fn unchanged(text: &str) {
    let r = repair(text);
    assert_eq!(r.text, text, "fixes: {:?}", r.fixes);
    assert!(r.fixes.is_empty());
}

#[test]
fn portuguese_capitals_before_a_no_break_space_are_text() {
    unchanged("A IRMÃ\u{a0}DO BRASIL e AÇÃO em SÃO PAULO\n");
    unchanged("# ATENÇÃO\u{a0}: INFORMAÇÃO\u{a0}OBRIGATÓRIA\n");
    unchanged("- regra PERÚ’config e ÉTÉ» et CAFÉ™\n");
}

#[test]
fn letters_read_with_a_guessed_byte_are_letters() {
    unchanged("  -m, --max-count=MÄÄRÄ     pysäytä MÄÄRÄn jälkeen\n");
    unchanged("_Zpět\n_Níž\n_Vpřed\n");
}

#[test]
fn a_correct_line_of_a_file_damaged_elsewhere_keeps_its_punctuation() {
    // `’é` is also Mac OS Roman for `Վ`; the file's damage is Windows-1252.
    let text = "Il a dit « déjà » — en cas d’échec :\nrelancer\n";
    let damaged = format!("{}{}", cp1252("Première ligne — échec ✅\n"), text);
    let r = repair(&damaged);
    assert!(r.text.ends_with(text), "{:?}", r.text);
}

#[test]
fn rare_symbols_are_repaired_like_common_ones() {
    for text in [
        "⏺ Bash(cargo test)\n  ⎿  running 12 tests\n",
        "The dot product A·B and the norm ‖v‖ are defined.\n",
        "Deviation σ and Ѓ in Macedonian, ∑ of all.\n",
        "𝗡𝗼𝘁𝗲: 𝗔𝗹𝘄𝗮𝘆𝘀 run the linter.\n",
        "Keys: ⌘ ⌥ ⇧ ⌃ ⏎ ⌫\n",
    ] {
        for damaged in [cp1252(text), mac_roman(text), cp1252(&cp1252(text))] {
            assert_eq!(repair(&damaged).text, text, "damaged: {damaged:?}");
        }
    }
}

#[test]
fn double_damage_with_dropped_bytes_is_undone() {
    for text in [
        "├── src\n│   └── main.rs\n",
        "Ça suffit — pas de rapports.\n",
    ] {
        let damaged = cp1252_dropped(&cp1252(text));
        assert_eq!(repair(&damaged).text, text, "damaged: {damaged:?}");
    }
}

#[test]
fn a_guessed_byte_lists_the_other_candidates() {
    // 📁 = F0 9F 93 81: the 81 is lost, and several pictographs share the other bytes.
    let damaged = cp1252_dropped("- 📁 Project Structure\n- ✅ done\n");
    let r = repair(&damaged);
    let guessed: Vec<&Fix> = r.fixes.iter().filter(|f| f.damage.lossy()).collect();
    assert!(!guessed.is_empty(), "{:?}", r.fixes);
    let f = guessed[0];
    assert!(!f.alternatives.is_empty(), "{f:?}");
    assert!(f.alternatives.iter().all(|a| *a != f.replacement));
    assert!(f.message().contains("also possible"), "{}", f.message());
}
