//! Generated texts for the mojibake bench, from a seeded PRNG (one seed per part of the
//! split, so the report part's texts are not the ones looked at while developing):
//!
//! - [`lookalikes`]: correct texts that look like mojibake and must come back byte for
//!   byte, one class per failure seen on unseen files (Portuguese, Spanish and French
//!   capitals with no-break spaces and curly punctuation, prose and code that quote
//!   mojibake on purpose, tables of Windows-1252 characters, box-drawing diagrams,
//!   mathematical alphanumerics, CJK, emoji sequences with ZWJ and FE0F);
//! - [`symbol_texts`]: agent-file-like texts dense in the symbols whose damage is hard to
//!   see or to undo (box drawing, `⎿`, `·`, `‖`, `σ`, `𝗔`, arrows, emoji sequences, `à`
//!   before a no-break space), which the bench then damages in every kind.

use agentfmt::repair::simulate::cp1252;

/// SplitMix64: a small deterministic PRNG.
pub struct Rng(u64);

impl Rng {
    /// A generator started at `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform index below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A random element of `v`.
    pub fn pick<'a, T: ?Sized>(&mut self, v: &[&'a T]) -> &'a T {
        v[self.below(v.len())]
    }

    /// `true` with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

const CAPITALS: &[&str] = &[
    "IRMÃ",
    "AÇÃO",
    "SÃO PAULO",
    "INFORMAÇÃO",
    "ATENÇÃO",
    "CORAÇÃO",
    "JOÃO",
    "MÃE",
    "NÃO",
    "CONFIGURAÇÃO",
    "VERSÃO",
    "OBRIGATÓRIO",
    "ÚLTIMA",
    "PÚBLICO",
    "ÉCOLE",
    "ÉTÉ",
    "À",
    "CAFÉ",
    "ESPAÑA",
    "AÑO",
    "NIÑO",
    "FRANÇAIS",
    "GARÇON",
    "ÎLE",
    "CÔTE",
    "ÉLÈVE",
    "PÂTÉ",
    "ÂME",
    "MÜNCHEN",
    "ÜBER",
    "GRÖSSE",
    "STRAẞE",
    "JOSÉ",
    "ANDRÉ",
    "BOGOTÁ",
    "PERÚ",
    "MÉXICO",
    "CÓDIGO",
    "DIRECCIÓN",
    "TAMBIÉN",
    "ÁREA",
    "ÍNDICE",
    "ÓRGÃOS",
    "CAPÍTULO",
    "ÇA",
    "DÉJÀ",
    "NOËL",
    "HÔTEL",
    "ÊTRE",
    "MAÎTRE",
    "CRÈME",
    "BRÛLÉE",
    "Ø",
];

/// What follows a capital in the lookalikes: the characters Windows-1252 shows for UTF-8
/// continuation bytes (no-break space, curly quotes, dashes, ellipsis, guillemets, ™).
const AFTER: &[&str] = &[
    "\u{a0}", "\u{a0}", "\u{a0}", "’", "”", "“", "—", "–", "…", "»", "™", "®", "°", "²", "¹", "·",
    "¿", "¡", "¬", "±", "©", "ª", "º", " ",
];

const WORDS: &[&str] = &[
    "regra", "projeto", "arquivo", "teste", "regla", "archivo", "prueba", "règle", "fichier",
    "essai", "agent", "review", "deploy", "config", "docs", "build",
];

fn capitals(r: &mut Rng) -> String {
    let mut s = String::from("---\ndescription: ");
    s.push_str(r.pick(CAPITALS));
    s.push_str(r.pick(AFTER));
    s.push_str(r.pick(WORDS));
    s.push_str("\n---\n\n# ");
    for _ in 0..2 + r.below(3) {
        s.push_str(r.pick(CAPITALS));
        s.push_str(r.pick(AFTER));
        s.push_str(r.pick(CAPITALS));
        s.push(' ');
    }
    s.push_str("\n\n");
    for _ in 0..3 + r.below(5) {
        s.push_str("- ");
        match r.below(4) {
            0 => {
                // French typography: a no-break space inside guillemets and before : ; ! ?
                s.push_str("«\u{a0}");
                s.push_str(r.pick(CAPITALS));
                s.push_str("\u{a0}» ");
                s.push_str(r.pick(WORDS));
                s.push_str(r.pick(&["\u{a0}:", "\u{a0};", "\u{a0}!", "\u{a0}?"]));
            }
            1 => {
                s.push_str(r.pick(WORDS));
                s.push(' ');
                s.push_str(r.pick(CAPITALS));
                s.push_str(r.pick(AFTER));
                s.push_str(r.pick(CAPITALS));
            }
            2 => {
                s.push_str("**");
                s.push_str(r.pick(CAPITALS));
                s.push_str("**");
                s.push_str(r.pick(AFTER));
                s.push_str(r.pick(WORDS));
                s.push_str(" — ");
                s.push_str(r.pick(CAPITALS));
                s.push_str(r.pick(AFTER));
            }
            _ => {
                s.push_str(r.pick(CAPITALS));
                s.push_str("\u{a0}DO\u{a0}");
                s.push_str(r.pick(CAPITALS));
                s.push_str(r.pick(&[" ×\u{a0}2", " ½", " ±5 °C", "…", "’s", " 3×²"]));
            }
        }
        s.push('\n');
    }
    s
}

/// Characters whose Windows-1252 mojibake gets quoted in documentation.
const QUOTED: &[&str] = &[
    "é", "è", "à", "ü", "ö", "ä", "ç", "ñ", "’", "“", "”", "—", "–", "…", "•", "→", "✅", "❌",
    "\u{feff}", "€", "™", "©", "°", "ß", "🚀",
];

fn mojibake_quoted(r: &mut Rng) -> String {
    let mut s = String::from("# Encoding notes\n\n");
    for _ in 0..3 + r.below(5) {
        let c = r.pick(QUOTED);
        let m = cp1252(c);
        let c2 = r.pick(QUOTED);
        let m2 = cp1252(c2);
        let line = match r.below(8) {
            0 => {
                format!("Mojibake such as `{m}` (for {c}) means the file was read as Windows-1252.")
            }
            1 => format!("- Replace `{m}` with `{c}` and `{m2}` with `{c2}`."),
            2 => format!("If a file shows `{m}`, re-save it as UTF-8 without a BOM."),
            3 => format!(
                "```python\ntext = text.replace(\"{m}\", \"{c}\").replace(\"{m2}\", \"{c2}\")\n```"
            ),
            4 => "Strip the byte-order mark (`ï»¿`) before parsing the front matter.".to_owned(),
            5 => format!(
                "Garbled sequences like {m} and {m2} are a sign of an encoding mix-up: the UTF-8 bytes were decoded as cp1252."
            ),
            6 => format!(
                "| `{m}` | {c} | U+{:04X} |",
                c.chars().next().map_or(0, |x| x as u32)
            ),
            _ => format!("```js\nconst fixes = {{ \"{m}\": \"{c}\", \"{m2}\": \"{c2}\" }};\n```"),
        };
        s.push_str(&line);
        s.push_str("\n\n");
    }
    s
}

fn cp1252_table(r: &mut Rng) -> String {
    let mut s =
        String::from("## Windows-1252 reference\n\n| Byte | Char | Code point |\n|---|---|---|\n");
    let start = 0x80 + r.below(0x60) as u8;
    for b in start..=start.saturating_add(12 + r.below(20) as u8) {
        let c = encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(&[b])
            .0
            .into_owned();
        let cp = c.chars().next().map_or(0, |x| x as u32);
        s.push_str(&format!("| 0x{b:02X} | {c} | U+{cp:04X} |\n"));
    }
    if r.chance(0.5) {
        let from = 0xA1 + r.below(0x40) as u8;
        let row: Vec<String> = (from..=from.saturating_add(16))
            .map(|b| {
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(&[b])
                    .0
                    .into_owned()
            })
            .collect();
        s.push_str("\nLatin-1 letters in order: ");
        s.push_str(&row.join(r.pick(&[" ", ", ", ""])));
        s.push('\n');
    }
    s
}

const FILES: &[&str] = &[
    "README.md",
    "café.md",
    "src",
    "main.rs",
    "données.json",
    "tests",
    "índice.ts",
    "lib",
    "ファイル.txt",
    "文档",
    "mod.rs",
    "Cargo.toml",
];

fn box_drawing(r: &mut Rng) -> String {
    let mut s = String::from("## Project structure\n\n```\n");
    s.push_str(r.pick(FILES));
    s.push_str("/\n");
    let n = 3 + r.below(6);
    for i in 0..n {
        let depth = r.below(3);
        for _ in 0..depth {
            s.push_str(r.pick(&["│   ", "    ", "┃   "]));
        }
        s.push_str(if i + 1 == n {
            "└── "
        } else {
            r.pick(&["├── ", "┣━━ ", "╰── "])
        });
        s.push_str(r.pick(FILES));
        if r.chance(0.4) {
            s.push_str(r.pick(&[
                "  # entrée",
                "  ← here",
                "  → ✅",
                "  — principal",
                " ⇒ out",
            ]));
        }
        s.push('\n');
    }
    s.push_str("```\n\n");
    if r.chance(0.6) {
        let w = 3 + r.below(8);
        let bar = "─".repeat(w);
        s.push_str(&format!(
            "┌{bar}┬{bar}┐\n│ {:<w$}│ {:<w$}│\n├{bar}┼{bar}┤\n└{bar}┴{bar}┘\n",
            "Nom",
            "État",
            w = w - 1
        ));
    }
    s
}

fn math(r: &mut Rng) -> String {
    let bold = |t: &str| -> String {
        t.chars()
            .map(|c| match c {
                'A'..='Z' => char::from_u32(0x1D5D4 + (c as u32 - 'A' as u32)).unwrap_or(c),
                'a'..='z' => char::from_u32(0x1D5EE + (c as u32 - 'a' as u32)).unwrap_or(c),
                _ => c,
            })
            .collect()
    };
    let mut s = format!(
        "# {}\n\n",
        bold(r.pick(&["Important", "Rules", "Note", "Setup"]))
    );
    for _ in 0..2 + r.below(4) {
        s.push_str(&match r.below(5) {
            0 => format!(
                "- {} é {}\n",
                bold(r.pick(&["Never", "Always", "Check"])),
                r.pick(WORDS)
            ),
            1 => "The norm ‖𝑥‖ ≤ 𝜀 and 𝔼[𝑋] = μ; σ² is the variance.\n".to_owned(),
            2 => "𝐀·𝐁 = ∑ aᵢbᵢ, with 𝟎 ≠ 𝟏 and ∀𝑥 ∈ ℝ.\n".to_owned(),
            3 => format!("**{}:** café → 𝒞, naïve → 𝓃.\n", bold("Example")),
            _ => "𝕋𝕖𝕤𝕥 𝚖𝚘𝚗𝚘 𝖘𝖈𝖗𝖎𝖕𝖙 — à côté.\n".to_owned(),
        });
    }
    s
}

const CJK: &[&str] = &[
    "使用中文回复用户，代码注释也用中文。",
    "所有函数必须有测试·覆盖率不低于８０％。",
    "日本語で回答してください。「テスト」を必ず実行すること。",
    "コードレビューでは、命名・型・エラー処理を確認します。",
    "항상 한국어로 답변하세요. 테스트를 먼저 작성합니다.",
    "變更前請先閱讀文件，並確認‧格式一致。",
    "配置文件位于 `config/默认.toml`，不要修改生成的文件——它们会被覆盖。",
];

fn cjk(r: &mut Rng) -> String {
    let mut s = String::from("---\ndescription: 规则 · ルール · 규칙\n---\n\n");
    for _ in 0..2 + r.below(5) {
        s.push_str("- ");
        s.push_str(r.pick(CJK));
        if r.chance(0.3) {
            s.push_str(r.pick(&[" é", " — café", "…", " “ok”", "\u{a0}!"]));
        }
        s.push('\n');
    }
    s
}

const EMOJI: &[&str] = &[
    "👨‍👩‍👧‍👦",
    "🏳️‍🌈",
    "❤️",
    "✔️",
    "1️⃣",
    "👍🏽",
    "🇧🇷",
    "🧑‍💻",
    "⚠️",
    "🚀",
    "✅",
    "❌",
    "👩🏾‍🔬",
    "☑️",
    "⬆️",
    "🔥",
    "📁",
    "📝",
    "🐛",
    "✨",
    "‼️",
    "#️⃣",
];

fn emoji(r: &mut Rng) -> String {
    let mut s = format!("# {} Agent {}\n\n", r.pick(EMOJI), r.pick(EMOJI));
    for _ in 0..3 + r.below(5) {
        s.push_str(&format!(
            "- {} {} {}{}\n",
            r.pick(EMOJI),
            r.pick(WORDS),
            r.pick(EMOJI),
            r.pick(&["", "\u{a0}é", " — ok", " café", "’s"])
        ));
    }
    s
}

/// The classes of [`lookalikes`], with their generators.
type Gen = fn(&mut Rng) -> String;
const CLASSES: &[(&str, Gen)] = &[
    ("capitals-nbsp", capitals),
    ("quoted-mojibake", mojibake_quoted),
    ("cp1252-table", cp1252_table),
    ("box-drawing", box_drawing),
    ("math-alphanumerics", math),
    ("cjk", cjk),
    ("emoji-sequences", emoji),
];

/// `per_class` correct texts of each lookalike class from `seed`, named
/// `lookalike:<class>/<i>`.
pub fn lookalikes(seed: u64, per_class: usize) -> Vec<(String, String)> {
    let mut r = Rng::new(seed);
    let mut out = Vec::new();
    for (class, f) in CLASSES {
        for i in 0..per_class {
            out.push((format!("lookalike:{class}/{i}"), f(&mut r)));
        }
    }
    out
}

const SYMBOL_LINES: &[&str] = &[
    "⏺ Bash(cargo test)\n  ⎿  running 12 tests\n  ⎿  test result: ok",
    "The dot product A·B and the norm ‖v‖ are defined below.",
    "Standard deviation σ, mean μ, sum ∑, and Ѓ in Macedonian.",
    "𝗡𝗼𝘁𝗲: 𝗔𝗹𝘄𝗮𝘆𝘀 run the linter first.",
    "├── src/\n│   ├── main.rs\n│   └── lib.rs\n└── tests/",
    "┌──────┬──────┐\n│ Name │ Kind │\n├──────┼──────┤\n│ a    │ b    │\n└──────┴──────┘",
    "Status: ✅ done · ❌ failed · ⚠️ warning · 🔄 retry",
    "Team: 👨‍👩‍👧‍👦 · 🧑‍💻 developer · 👍🏽 approved · 🏳️‍🌈",
    "Flow: input → parse ⇒ validate ← retry ↑ ↓ ↔",
    "Voilà\u{a0}! Il est à\u{a0}la page, déjà\u{a0}prêt.",
    "📁 Project Structure\n📝 Notes\n📑 Index\n🔧 Tools",
    "• first • second … and “quoted” – dash — em ’ apostrophe",
    "Keys: ⌘ ⌥ ⇧ ⌃ ⏎ ⌫ ⎋ and ⎿ ⎾ ⏵",
    "Temperature 21 °C ± 0.5, 3 × 4 = 12, ½ cup, §2 ¶3, µs, ©, ®, ™",
    "Русский текст: это важно, не удаляйте файлы.",
    "中文说明：请勿修改生成的文件。日本語：注意してください。",
    "Ελληνικά: αβγ, Ω, π ≈ 3.14",
    "Checks ✓ ✗ ✔ ✘ ★ ☆ ♥ ◆ ● ○ ■ □ ▶ ◀ ▲ ▼",
    "Numbers ① ② ③ and fractions ⅓ ⅔ ¼ ¾",
];

/// `n` agent-file-like texts dense in hard-to-repair symbols, from `seed`, named
/// `symbols/<i>`: each joins a random choice of [`SYMBOL_LINES`] under a heading and a
/// front matter, with ASCII prose between.
pub fn symbol_texts(seed: u64, n: usize) -> Vec<(String, String)> {
    let mut r = Rng::new(seed ^ 0x5eed_5eed);
    (0..n)
        .map(|i| {
            let mut s = format!(
                "---\nname: sym-{i}\ndescription: {}\n---\n\n# Notes\n\n",
                r.pick(&["Review helper", "Test runner", "Docs writer — drafts"])
            );
            for _ in 0..2 + r.below(4) {
                s.push_str(r.pick(SYMBOL_LINES));
                s.push_str(r.pick(&["\n\n", "\nThen run the checks again.\n\n", "\n"]));
            }
            (format!("symbols/{i}"), s)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_give_different_texts_and_the_same_seed_the_same() {
        let a = lookalikes(1, 3);
        assert_eq!(a, lookalikes(1, 3));
        assert_ne!(a, lookalikes(2, 3));
        assert_eq!(a.len(), 3 * CLASSES.len());
    }
}
