//! Damage simulation for the mojibake development set: UTF-8 bytes decoded with
//! the wrong code page, in every variant the repair engine handles.

use agentfmt::repair::simulate::{cp1252, cp1252_dropped, cp1252_fffd, latin1, mac_roman};

/// Damage kinds of the development set, with whether a byte is lost or ambiguous.
pub const KINDS: &[(&str, bool)] = &[
    ("cp1252-c1", false),
    ("cp1252-dropped", true),
    ("cp1252-fffd", true),
    ("latin1", false),
    ("mac-roman", false),
    ("nbsp-space", true),
    ("nbsp-dropped", true),
    ("double", false),
    ("double-dropped", true),
    ("triple", false),
    ("bom", false),
    ("partial-section", false),
    ("partial-lines", false),
];

/// Applies damage `kind` to the whole of `s`; returns (damaged, expected repair).
pub fn damage(kind: &str, s: &str) -> Option<(String, String)> {
    let whole = |f: &dyn Fn(&str) -> String| Some((f(s), s.to_owned()));
    match kind {
        "cp1252-c1" => whole(&cp1252),
        "cp1252-dropped" => whole(&cp1252_dropped),
        "cp1252-fffd" => whole(&cp1252_fffd),
        "latin1" => whole(&latin1),
        "mac-roman" => whole(&mac_roman),
        "nbsp-space" => whole(&|t| cp1252(t).replace('\u{a0}', " ")),
        // A no-break space flattened after the damage and the undefined bytes dropped.
        "nbsp-dropped" => whole(&|t| cp1252_dropped(t).replace('\u{a0}', " ")),
        "double" => whole(&|t| cp1252(&cp1252(t))),
        // Mis-decoded twice, the second time dropping the undefined bytes (`│` arrives
        // as `Ã¢â€â€š`: the `”` of the first layer is E2 80 9D).
        "double-dropped" => whole(&|t| cp1252_dropped(&cp1252(t))),
        "triple" => whole(&|t| cp1252(&cp1252(&cp1252(t)))),
        "bom" => {
            let with = format!("\u{feff}{}", s.trim_start_matches('\u{feff}'));
            Some((cp1252(&with), with))
        }
        "partial-section" => {
            let lines: Vec<&str> = s.split_inclusive('\n').collect();
            let n = lines.len();
            let (a, b) = (n / 3, (2 * n).div_ceil(3));
            Some((
                lines
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        if (a..b).contains(&i) {
                            cp1252(l)
                        } else {
                            (*l).to_owned()
                        }
                    })
                    .collect(),
                s.to_owned(),
            ))
        }
        "partial-lines" => {
            // Damage every other non-ASCII line (a stitched file at its finest grain).
            let mut k = 0;
            let out = s
                .split_inclusive('\n')
                .map(|l| {
                    if l.is_ascii() {
                        return l.to_owned();
                    }
                    k += 1;
                    if k % 2 == 1 { cp1252(l) } else { l.to_owned() }
                })
                .collect();
            Some((out, s.to_owned()))
        }
        _ => None,
    }
}

/// Well-known mojibake signatures, used to keep corpus files that are really
/// damaged out of the must-not-change set and to check the seeds. Independent
/// of the repair engine.
pub const SIGNATURES: &[&str] = &[
    "â€", "Ã©", "Ã¨", "Ã¡", "Ã³", "Ã±", "Ã¼", "Ã¶", "Ã¤", "Ã§", "Ã£", "Ã\u{AD}", "Ãº", "Ã¢", "Ã®",
    "Ã¯", "ðŸ", "ï»¿", "âœ", "â”", "â†", "âš", "âŒ", "â–", "Â ", "Â©", "Â°", "Â§", "Â®", "Â·",
    "Â«", "Â»", "Â±", "Ã‚", "Ãƒ", "‚Äô", "‚Äî", "‚Äú", "‚Äì", "√©", "√®", "‚úÖ", "‚ùå", "‚Üí",
    "\u{f8ff}", "Ð¾", "Ð°", "Ñ‚", "Ñ€", "ä¸", "å®", "æ˜",
];

/// Whether `s` contains a well-known mojibake signature.
pub fn has_signature(s: &str) -> bool {
    SIGNATURES.iter().any(|sig| s.contains(sig))
}
