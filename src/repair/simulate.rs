//! Damage simulators: UTF-8 text read with the wrong code page, in each variant
//! [`repair`](super::repair) undoes. Shared by the repair unit tests, the property tests and
//! `cargo xtask mojibake-bench` (its development set), so that all of them damage text the
//! same way. Input and output are whole strings; nothing is lost except where the name says.

use encoding_rs::{MACINTOSH, WINDOWS_1252};

/// The five bytes Windows-1252 leaves undefined, as the C1 controls [`cp1252`] keeps them as.
const UNDEFINED: [char; 5] = ['\u{81}', '\u{8d}', '\u{8f}', '\u{90}', '\u{9d}'];

/// UTF-8 read as Windows-1252, the undefined bytes kept as C1 controls (as the WHATWG
/// decoder and browsers do).
#[must_use]
pub fn cp1252(s: &str) -> String {
    WINDOWS_1252
        .decode_without_bom_handling(s.as_bytes())
        .0
        .into_owned()
}

/// [`cp1252`] with the undefined bytes dropped (`❌` = E2 9D 8C arrives as `âŒ`).
#[must_use]
pub fn cp1252_dropped(s: &str) -> String {
    cp1252(s)
        .chars()
        .filter(|c| !UNDEFINED.contains(c))
        .collect()
}

/// [`cp1252`] with each undefined byte replaced by U+FFFD.
#[must_use]
pub fn cp1252_fffd(s: &str) -> String {
    cp1252(s)
        .chars()
        .map(|c| {
            if UNDEFINED.contains(&c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// UTF-8 read as Latin-1 (ISO 8859-1): every byte is the code point of the same value.
#[must_use]
pub fn latin1(s: &str) -> String {
    s.bytes().map(char::from).collect()
}

/// UTF-8 read as Mac OS Roman.
#[must_use]
pub fn mac_roman(s: &str) -> String {
    MACINTOSH
        .decode_without_bom_handling(s.as_bytes())
        .0
        .into_owned()
}
