//! Mojibake repair: finds UTF-8 text that was decoded with the wrong code page
//! (Windows-1252 and its variants, Latin-1, Mac OS Roman, layered twice or three
//! times) and restores it, leaving correct text byte for byte.
//!
//! # Model
//!
//! 1. **Clusters.** Every UTF-8 character of two or more bytes turns into two or
//!    more non-ASCII characters when read in a single-byte code page, so damage
//!    lives in maximal runs of non-ASCII characters (plus one following space,
//!    which may be a no-break space flattened after the damage). Each run is a
//!    *cluster*; ASCII between clusters is never touched.
//! 2. **Decoding.** A cluster is mapped back to bytes through each candidate code
//!    page (Windows-1252 with C1 controls and U+FFFD for its five undefined bytes,
//!    which also covers Latin-1; Mac OS Roman) and read as UTF-8. Lossless
//!    readings are chained for layered damage (up to three levels, same code page
//!    each time; the intermediate layers are mojibake themselves, so only the
//!    innermost must be plausible, and it must not be less plausible than the
//!    layer it replaces). Otherwise a Viterbi search allows bytes lost to the
//!    undefined slots 0x81 0x8D 0x8F 0x90 0x9D and spaces standing for 0xA0. The
//!    cost of those hypotheses is set per document: a document that still holds
//!    C1 controls or U+FFFD did not drop bytes, and one that holds no-break
//!    spaces did not flatten them.
//! 3. **Plausibility.** Each decoded character gets a cost from a hand-written
//!    prior of what occurs in agent files (ranked common punctuation, arrows, box
//!    drawing and status emoji; Cyrillic letter frequencies; ranked frequent Han
//!    characters with technical vocabulary first; a jamo-based prior for Hangul;
//!    per-block defaults). C1 controls, private use, IPA, CJK extension A,
//!    control pictures and similar are near-impossible, so a reading that lands
//!    there is rejected. A lost byte costs extra, and its value is chosen among
//!    the candidates (E2 ?? 8C: ⁌ ⍌ ⏌ ␌ ❌ …) with the neighbours as context:
//!    FE0F, keycaps and skin tones after a pictograph, ZWJ between pictographs,
//!    box-drawing weight and row position (┌ starts a row, ┐ ends it), and the
//!    word position of Cyrillic с / я / э.
//! 4. **Evidence per region.** A cluster is *strong* evidence of damage when it
//!    decodes losslessly into plausible text, *medium* when it needs a lost byte
//!    but is otherwise clear (`âŒ` for ❌), *weak* when it is a lone lead
//!    character (`Ã`, which is also Portuguese), and *negative* when it cannot be
//!    mojibake at all (`é` alone, CJK, real emoji), or when its decoded form
//!    already appears on the same line (a table of `Ã©` → é). Scores are summed
//!    per line; a line without evidence follows the nearest line with evidence
//!    (clean on a tie). Only clusters on damaged lines are repaired, so a file
//!    stitched from damaged and clean pieces is repaired piece by piece.
//! 5. **Quoted text.** Short clusters inside inline code, inside string literals
//!    of a code block that handles text (`replace`, `decode`, …) or on lines that
//!    talk about encodings count only when the rest of the document already
//!    shows damage, so documentation that quotes mojibake is left alone.
//!
//! Confidence is 0.97 for strong evidence, 0.85 for medium and 0.65 for weak,
//! minus 0.03 per guessed byte.
//!
//! # Example
//!
//! ```
//! use agentfmt::repair::{repair, Damage};
//!
//! let fixed = repair("Done â€” all tests pass âœ…");
//! assert_eq!(fixed.text, "Done — all tests pass ✅");
//! assert_eq!(fixed.fixes.len(), 2);
//! assert_eq!(fixed.fixes[0].original, "â€”");
//! assert_eq!(fixed.fixes[0].damage, Damage::Windows1252);
//!
//! // Correct text comes back unchanged.
//! assert!(repair("Café, naïve, 日本語 ✅").fixes.is_empty());
//! ```

mod analyze;
mod decode;
mod passes;
mod prior;
mod region;
mod tables;
#[cfg(test)]
mod tests;

use crate::span::Span;
use std::fmt;

pub use analyze::is_clean_fast;

/// The kind of encoding damage a [`Fix`] undoes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Damage {
    /// UTF-8 read as Windows-1252, no byte lost.
    Windows1252,
    /// UTF-8 read as Windows-1252 with its undefined bytes dropped (values guessed).
    Windows1252Dropped,
    /// UTF-8 read as Windows-1252 with undefined bytes kept as C1 controls.
    Windows1252C1,
    /// UTF-8 read as Windows-1252 with undefined bytes replaced by U+FFFD (values guessed).
    Windows1252Replacement,
    /// UTF-8 read as Mac OS Roman.
    MacRoman,
    /// UTF-8 read as ISO-8859-1 (C1 controls in the damaged text).
    Latin1,
    /// UTF-8 mis-decoded `depth` times in a row (2 = double, 3 = triple).
    Layered {
        /// How many times the text was mis-decoded.
        depth: u8,
    },
    /// A UTF-8 byte-order mark that went through the damage (`ï»¿`).
    Bom,
}

impl Damage {
    /// A stable machine name, e.g. `"windows-1252-dropped"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Windows1252 => "windows-1252",
            Self::Windows1252Dropped => "windows-1252-dropped",
            Self::Windows1252C1 => "windows-1252-c1",
            Self::Windows1252Replacement => "windows-1252-replacement",
            Self::MacRoman => "mac-roman",
            Self::Latin1 => "latin-1",
            Self::Layered { depth: 3.. } => "layered-triple",
            Self::Layered { .. } => "layered-double",
            Self::Bom => "bom",
        }
    }

    /// A short human description, e.g. `"UTF-8 read as Windows-1252"`.
    #[must_use]
    pub fn description(self) -> &'static str {
        match self {
            Self::Windows1252 => "UTF-8 read as Windows-1252",
            Self::Windows1252Dropped => "UTF-8 read as Windows-1252, undefined bytes lost",
            Self::Windows1252C1 => "UTF-8 read as Windows-1252, undefined bytes as C1 controls",
            Self::Windows1252Replacement => "UTF-8 read as Windows-1252, undefined bytes as U+FFFD",
            Self::MacRoman => "UTF-8 read as Mac OS Roman",
            Self::Latin1 => "UTF-8 read as Latin-1",
            Self::Layered { depth: 3.. } => "UTF-8 mis-decoded three times",
            Self::Layered { .. } => "UTF-8 mis-decoded twice",
            Self::Bom => "UTF-8 byte-order mark read in the wrong code page",
        }
    }

    /// Whether a byte was lost and its value had to be guessed.
    #[must_use]
    pub fn lossy(self) -> bool {
        matches!(
            self,
            Self::Windows1252Dropped | Self::Windows1252Replacement
        )
    }
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One repaired region.
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    /// Byte range in the *input* text (0-based, half-open).
    pub span: Span,
    /// The damaged text, equal to `input[span]`.
    pub original: String,
    /// What it becomes.
    pub replacement: String,
    /// The kind of damage undone.
    pub damage: Damage,
    /// Confidence in the replacement, 0.0..=1.0 (lower when bytes were guessed).
    pub confidence: f32,
}

impl Fix {
    /// A one-line message for a diagnostic, e.g.
    /// `"UTF-8 read as Windows-1252: `â€”` should be `—`"`.
    #[must_use]
    pub fn message(&self) -> String {
        format!(
            "{}: `{}` should be `{}`",
            self.damage.description(),
            self.original.escape_debug(),
            self.replacement.escape_debug()
        )
    }
}

/// The result of [`repair`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Repaired {
    /// The input with every fix applied.
    pub text: String,
    /// The fixes, sorted by span and non-overlapping.
    pub fixes: Vec<Fix>,
}

impl Repaired {
    /// Whether anything was repaired.
    #[must_use]
    pub fn changed(&self) -> bool {
        !self.fixes.is_empty()
    }
}

/// Repairs mojibake in `text` and reports every repaired span.
///
/// Returns the repaired text and the fixes (byte spans into `text`, 0-based,
/// sorted, non-overlapping). Text without evidence of damage is returned
/// unchanged with no fixes. Repairing the result again changes nothing: passes
/// run until one finds no more damage.
///
/// ```
/// let r = agentfmt::repair::repair("ï»¿# Title\nNaÃ¯ve cafÃ©");
/// assert_eq!(r.text, "\u{feff}# Title\nNaïve café");
/// assert_eq!(r.fixes[0].span, agentfmt::span::Span::new(0, 6));
/// ```
#[must_use]
pub fn repair(text: &str) -> Repaired {
    if is_clean_fast(text) {
        return Repaired {
            text: text.to_owned(),
            fixes: Vec::new(),
        };
    }
    let mut fixes = analyze::find_fixes(text);
    let mut out = passes::apply(text, &fixes);
    for _ in 0..passes::MAX_EXTRA_PASSES {
        if fixes.is_empty() || is_clean_fast(&out) {
            break;
        }
        let more = analyze::find_fixes(&out);
        if more.is_empty() {
            break;
        }
        out = passes::apply(&out, &more);
        fixes = passes::compose(text, &fixes, &more);
    }
    Repaired { text: out, fixes }
}
