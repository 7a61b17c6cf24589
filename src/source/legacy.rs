//! Legacy code pages: a file that is not UTF-8 but reads as text in one single-byte or CJK
//! code page (Windows-1251 Russian, Shift-JIS Japanese, GBK Chinese, EUC-KR Korean,
//! Windows-1252 Western, ...).
//!
//! The code page is guessed by Mozilla's `chardetng` (the detector Firefox uses for
//! unlabelled pages), then the guess is checked: the bytes must decode without error and
//! the decoded text must read as text: its non-ASCII characters letters of one script, in
//! words, or common punctuation, not control characters, scattered symbols or a mix of
//! scripts. The share of non-ASCII characters that read as text is the confidence.

/// The least confidence (share of non-ASCII characters that read as text, 0.0–1.0) at which
/// a file is taken to be in a legacy code page rather than damaged UTF-8.
pub const MIN_CONFIDENCE: f32 = 0.8;

/// The number of non-ASCII characters of doubtful reading added to every text's count
/// before taking the share that reads as text: a few characters that happen to read as
/// text (six random bytes often do) are too little evidence to rewrite a file.
const EVIDENCE_PRIOR: f32 = 1.0;

/// A file's bytes read in a legacy code page.
#[derive(Debug, Clone)]
pub struct Guess {
    /// The code page's WHATWG label as `encoding_rs` spells it, e.g. `windows-1251`,
    /// `Shift_JIS`, `GBK`, `EUC-KR`.
    pub code_page: &'static str,
    /// The text, decoded exactly (no replacement characters).
    pub text: String,
    /// The share of the text's non-ASCII characters that read as text, 0.0–1.0.
    pub confidence: f32,
}

/// Guesses the legacy code page of `bytes` (which are not valid UTF-8 and hold no NUL).
///
/// Returns `None` when the bytes do not decode cleanly in the detected code page, when
/// most of their non-ASCII characters are valid multi-byte UTF-8 (a UTF-8 file with a few
/// damaged bytes, reported byte by byte instead), or when the decoded text reads as text
/// with less than [`MIN_CONFIDENCE`].
#[must_use]
pub fn detect(bytes: &[u8]) -> Option<Guess> {
    let (utf8_chars, invalid) = utf8_census(bytes);
    if invalid == 0 || utf8_chars > invalid {
        return None;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        return None;
    }
    let confidence = reads_as_text(&text);
    (confidence >= MIN_CONFIDENCE).then(|| Guess {
        code_page: enc.name(),
        text: text.into_owned(),
        confidence,
    })
}

/// Counts the valid non-ASCII UTF-8 characters and the invalid sequences in `bytes`.
fn utf8_census(bytes: &[u8]) -> (usize, usize) {
    let (mut chars, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        chars += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    (chars, invalid)
}

/// The writing system of a letter, coarse enough that one language uses one.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
    Hebrew,
    Arabic,
    Thai,
    /// Han ideographs, kana and hangul: Chinese, Japanese and Korean text mixes them.
    Cjk,
    Other,
}

fn script(c: char) -> Script {
    match c as u32 {
        0x00C0..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F => Script::Cyrillic,
        0x0590..=0x05FF => Script::Hebrew,
        0x0600..=0x06FF => Script::Arabic,
        0x0E00..=0x0E7F => Script::Thai,
        0x1100..=0x11FF
        | 0x3040..=0x30FF
        | 0x3130..=0x318F
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F => Script::Cjk,
        _ => Script::Other,
    }
}

/// Punctuation and symbols common in text of any language.
fn is_common_punctuation(c: char) -> bool {
    matches!(
        c,
        '\u{a0}'
            | '–'
            | '—'
            | '‘'
            | '’'
            | '‚'
            | '“'
            | '”'
            | '„'
            | '…'
            | '•'
            | '·'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '°'
            | '€'
            | '£'
            | '¥'
            | '§'
            | '©'
            | '®'
            | '™'
            | '±'
            | '×'
            | '÷'
            | '¿'
            | '¡'
            | '№'
            | '→'
            | '←'
    ) || matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF65 | 0xFFE0..=0xFFEF)
}

/// Letters a text in a Latin-script language rarely holds, which single-byte code
/// pages put where random or misread bytes land (`ÿ`, `Ð`, `þ`, `ª`, ...).
/// Likewise the Cyrillic letters outside Russian's alphabet (Serbian `Ђ Ћ Џ`, Ukrainian
/// `Є Ї Ґ`, Belarusian `Ў`, ...), which Windows-1251 puts in its upper half.
fn is_rare_letter(c: char) -> bool {
    matches!(c, 'ÿ' | 'Ð' | 'ð' | 'Þ' | 'þ' | 'ª' | 'º' | 'µ' | 'Ý' | 'ƒ')
        || (script(c) == Script::Cyrillic && !matches!(c, 'А'..='я' | 'Ё' | 'ё'))
}

/// Whether a punctuation mark stands where punctuation stands: not glued between two
/// non-ASCII letters (`Ј„З`). Marks used inside words (`’`, `·`, no-break space) always
/// stand right.
fn placed_like_punctuation(c: char, before: Option<char>, after: Option<char>) -> bool {
    let letter = |n: Option<char>| n.is_some_and(|n| !n.is_ascii() && n.is_alphabetic());
    matches!(c, '’' | '·' | '\u{a0}') || !(letter(before) && letter(after))
}

/// The share (0.0–1.0) of the non-ASCII characters of `text` that read as text: letters of
/// the text's main script that stand in a word (next to another letter, and no capital after
/// a small letter) or belong to a script written without spaces, and common punctuation.
/// One-letter words and rare letters count half. 1.0 when there are none.
fn reads_as_text(text: &str) -> f32 {
    let chars: Vec<char> = text.chars().collect();
    let mut counts = [0usize; 8];
    for &c in chars.iter().filter(|c| !c.is_ascii() && c.is_alphabetic()) {
        counts[script(c) as usize] += 1;
    }
    let main = (0..counts.len()).max_by_key(|&i| counts[i]).unwrap_or(0);
    let (mut good, mut total) = (0.0f32, 0usize);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii() {
            continue;
        }
        total += 1;
        let letter_near = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|n| n.is_alphabetic())
        };
        let before = i.checked_sub(1).map(|j| chars[j]);
        good += if is_common_punctuation(c) {
            if placed_like_punctuation(c, before, chars.get(i + 1).copied()) {
                1.0
            } else {
                0.0
            }
        } else if !c.is_alphabetic() || script(c) as usize != main || script(c) == Script::Other {
            0.0
        } else if script(c) == Script::Cjk || script(c) == Script::Thai {
            1.0
        } else if c.is_uppercase() && i > 0 && chars[i - 1].is_lowercase() {
            // `aДb`: a capital inside a lowercase word is what random bytes give.
            0.0
        } else if !(letter_near(i.checked_sub(1)) || letter_near(Some(i + 1))) {
            // A one-letter word (French `à`, Portuguese `é`) or a stray byte.
            0.5
        } else if is_rare_letter(c) {
            0.5
        } else {
            1.0
        };
    }
    if total == 0 {
        return 1.0;
    }
    #[allow(clippy::cast_precision_loss)] // character counts of one file
    let share = good / (total as f32 + EVIDENCE_PRIOR);
    share
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(enc: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = enc.encode(text);
        assert!(!unmappable, "{text} is not in {}", enc.name());
        bytes.into_owned()
    }

    const RUSSIAN: &str = "---\ndescription: Правила для кода на TypeScript\nglobs: \"*.ts\"\n---\n\n# Стиль кода\n\nВсегда используйте строгую типизацию. Не используйте `any`.\nПишите тесты для каждой новой функции.\n";
    const JAPANESE: &str = "---\ndescription: TypeScriptのコーディング規約\n---\n\n# コードスタイル\n\n常に厳密な型を使用してください。`any`は使用しないでください。\n新しい関数ごとにテストを書いてください。\n";
    const CHINESE: &str = "---\ndescription: 代码审查规则\n---\n\n# 代码风格\n\n始终使用严格的类型。不要使用`any`。\n为每个新函数编写测试，并保持提交信息简洁明了。\n";
    const KOREAN: &str = "---\ndescription: 코드 리뷰 규칙\n---\n\n# 코드 스타일\n\n항상 엄격한 타입을 사용하세요. `any`를 사용하지 마세요.\n새 함수마다 테스트를 작성하세요.\n";
    const FRENCH: &str = "---\ndescription: Règles de révision du code\n---\n\nÉcrivez des tests pour chaque fonction. Préférez les noms explicites à l'abréviation — même dans les scripts.\n";

    #[test]
    fn detects_the_common_legacy_code_pages() {
        for (enc, text) in [
            (encoding_rs::WINDOWS_1251, RUSSIAN),
            (encoding_rs::SHIFT_JIS, JAPANESE),
            (encoding_rs::GBK, CHINESE),
            (encoding_rs::EUC_KR, KOREAN),
            (encoding_rs::WINDOWS_1252, FRENCH),
        ] {
            let g = detect(&encode(enc, text)).unwrap_or_else(|| panic!("{}", enc.name()));
            assert_eq!(g.code_page, enc.name());
            assert_eq!(g.text, text);
            assert!(
                g.confidence >= MIN_CONFIDENCE,
                "{} {}",
                enc.name(),
                g.confidence
            );
        }
    }

    #[test]
    fn utf8_with_a_few_bad_bytes_is_not_legacy() {
        let mut bytes = RUSSIAN.as_bytes().to_vec();
        bytes.extend_from_slice(b"caf\xE9\n");
        assert!(detect(&bytes).is_none());
    }

    #[test]
    fn random_high_bytes_are_not_text() {
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        for n in [40, 200] {
            for _ in 0..500 {
                let mut bytes = b"---\nname: x\n---\n".to_vec();
                for _ in 0..n {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    bytes.push(0x80 | (x as u8 & 0x7F));
                    if x.is_multiple_of(3) {
                        bytes.push(b' ');
                    }
                }
                if let Some(g) = detect(&bytes) {
                    panic!("{} at {}: {:?}", g.code_page, g.confidence, g.text);
                }
            }
        }
    }

    #[test]
    fn other_languages_and_code_pages() {
        for (enc, text) in [
            (
                encoding_rs::WINDOWS_1251,
                "Завжди пишіть тести для кожної нової функції. Їх треба запускати щодня, і ґрунтовно перевіряти єдиний стиль.\n",
            ),
            (
                encoding_rs::WINDOWS_1250,
                "Zawsze pisz testy dla każdej nowej funkcji. Używaj ścisłego typowania i źródłowych nazw.\n",
            ),
            (
                encoding_rs::ISO_8859_2,
                "Zawsze pisz testy dla każdej nowej funkcji. Używaj ścisłego typowania i źródłowych nazw.\n",
            ),
            (
                encoding_rs::WINDOWS_1253,
                "Γράφετε πάντα δοκιμές για κάθε νέα συνάρτηση.\n",
            ),
            (
                encoding_rs::WINDOWS_1255,
                "כתבו תמיד בדיקות לכל פונקציה חדשה.\n",
            ),
            (
                encoding_rs::WINDOWS_1254,
                "Her yeni işlev için her zaman test yazın. Güçlü türleri kullanın, şüphesiz.\n",
            ),
            (
                encoding_rs::BIG5,
                "始終使用嚴格的型別。為每個新函式撰寫測試。\n",
            ),
            (
                encoding_rs::WINDOWS_1252,
                "¿Por qué? Añade pruebas para cada función nueva, señor.\n",
            ),
            (
                encoding_rs::WINDOWS_1252,
                "Use “smart quotes” and it’s fine — really.\n",
            ),
        ] {
            let g = detect(&encode(enc, text)).unwrap_or_else(|| panic!("{}", enc.name()));
            assert_eq!((g.code_page, g.text.as_str()), (enc.name(), text));
        }
    }

    #[test]
    fn one_byte_is_too_little_evidence() {
        assert!(detect(b"name: caf\xE9\n").is_none());
        let g = detect(b"name: caf\xE9, d\xE9j\xE0 vu, na\xEFve\n").expect("windows-1252");
        assert_eq!(g.text, "name: café, déjà vu, naïve\n");
    }

    #[test]
    fn scattered_symbols_are_not_text() {
        assert!(detect(b"a \xA4 b \xA6 c \xAC d \xAF\n").is_none());
    }
}
