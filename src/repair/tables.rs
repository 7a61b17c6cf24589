//! Static code-page tables (bytes 0x80–0xFF) and their reverse lookups.
//!
//! Windows-1252 leaves 0x81 0x8D 0x8F 0x90 0x9D undefined; the table maps them
//! to the C1 control characters U+0081… the way browsers and Latin-1 decoders do.

use std::sync::OnceLock;

/// Windows-1252 bytes 0x80–0x9F (undefined bytes as their C1 control character).
pub(crate) const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The five bytes Windows-1252 leaves undefined.
pub(crate) const UNDEFINED: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

/// Mac OS Roman bytes 0x80–0xFF.
pub(crate) const MAC_ROMAN: [char; 128] = [
    'Ä', 'Å', 'Ç', 'É', 'Ñ', 'Ö', 'Ü', 'á', 'à', 'â', 'ä', 'ã', 'å', 'ç', 'é', 'è', 'ê', 'ë', 'í',
    'ì', 'î', 'ï', 'ñ', 'ó', 'ò', 'ô', 'ö', 'õ', 'ú', 'ù', 'û', 'ü', '†', '°', '¢', '£', '§', '•',
    '¶', 'ß', '®', '©', '™', '´', '¨', '≠', 'Æ', 'Ø', '∞', '±', '≤', '≥', '¥', 'µ', '∂', '∑', '∏',
    'π', '∫', 'ª', 'º', 'Ω', 'æ', 'ø', '¿', '¡', '¬', '√', 'ƒ', '≈', '∆', '«', '»', '…', '\u{a0}',
    'À', 'Ã', 'Õ', 'Œ', 'œ', '–', '—', '“', '”', '‘', '’', '÷', '◊', 'ÿ', 'Ÿ', '⁄', '€', '‹', '›',
    'ﬁ', 'ﬂ', '‡', '·', '‚', '„', '‰', 'Â', 'Ê', 'Á', 'Ë', 'È', 'Í', 'Î', 'Ï', 'Ì', 'Ó', 'Ô',
    '\u{f8ff}', 'Ò', 'Ú', 'Û', 'Ù', 'ı', 'ˆ', '˜', '¯', '˘', '˙', '˚', '¸', '˝', '˛', 'ˇ',
];

/// The Windows-1252 / Latin-1 byte for `c` (C1 controls map to themselves), if any.
#[inline]
pub(crate) fn western_byte(c: char) -> Option<u8> {
    let cp = c as u32;
    if (0x80..=0xFF).contains(&cp) {
        return Some(cp as u8);
    }
    if !(0x152..=0x2122).contains(&cp) {
        return None;
    }
    CP1252_HIGH
        .iter()
        .position(|&h| h == c)
        .map(|i| 0x80 + i as u8)
}

fn mac_index() -> &'static [(char, u8)] {
    static INDEX: OnceLock<Vec<(char, u8)>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut v: Vec<(char, u8)> = MAC_ROMAN
            .iter()
            .enumerate()
            .map(|(i, &c)| (c, 0x80 + i as u8))
            .collect();
        // Older and newer Apple mappings of the same bytes.
        v.extend([('\u{2126}', 0xBD), ('\u{a4}', 0xDB), ('\u{394}', 0xC6)]);
        v.sort_unstable();
        v
    })
}

/// The Mac OS Roman byte for a non-ASCII `c`, if any.
#[inline]
pub(crate) fn mac_byte(c: char) -> Option<u8> {
    let idx = mac_index();
    idx.binary_search_by(|p| p.0.cmp(&c)).ok().map(|i| idx[i].1)
}

/// Whether `c` is what some code page shows for a UTF-8 lead byte (0xC2–0xF4).
#[inline]
pub(crate) fn is_lead_char(c: char) -> bool {
    let cp = c as u32;
    if (0xC2..=0xF4).contains(&cp) {
        return true;
    }
    if cp < 0x80 {
        return false;
    }
    matches!(mac_byte(c), Some(0xC2..=0xF4))
}

/// Whether `c` is what some code page shows for a UTF-8 continuation byte
/// (0x80–0xBF), or a stand-in for a lost one (U+FFFD).
#[inline]
pub(crate) fn is_cont_char(c: char) -> bool {
    let cp = c as u32;
    if (0x80..=0xBF).contains(&cp) || c == '\u{FFFD}' {
        return true;
    }
    if cp < 0x80 {
        return false;
    }
    matches!(western_byte(c), Some(0x80..=0xBF)) || matches!(mac_byte(c), Some(0x80..=0xBF))
}
