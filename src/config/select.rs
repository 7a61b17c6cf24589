//! Rule selection as ruff spells it: `select`, `extend-select` and `ignore`, each a list of rule
//! codes (`AF105`), code prefixes (`AF1`, `AF`) or rule names (`unknown-key`), or `ALL`.

use crate::diagnostic::did_you_mean;

/// Which rules a run reports. The default reports every rule.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Selection {
    /// When set, only these rules (plus `extend_select`) are reported.
    pub select: Option<Vec<String>>,
    /// Rules reported in addition to `select`.
    pub extend_select: Vec<String>,
    /// Rules never reported; wins over `select`.
    pub ignore: Vec<String>,
}

/// Whether selector `pattern` names rule `code`/`name`: `ALL`, the code or name itself, or a
/// prefix of the code (`AF1` names `AF100`..`AF199`); case-insensitive.
#[must_use]
pub fn matches(pattern: &str, code: &str, name: &str) -> bool {
    pattern.eq_ignore_ascii_case("ALL")
        || pattern.eq_ignore_ascii_case(name)
        || (pattern.len() <= code.len()
            && pattern.len() >= 2
            && code[..pattern.len()].eq_ignore_ascii_case(pattern))
}

impl Selection {
    /// Whether rule `code`/`name` is reported.
    #[must_use]
    pub fn enabled(&self, code: &str, name: &str) -> bool {
        let selected = self
            .select
            .as_ref()
            .is_none_or(|s| s.iter().any(|p| matches(p, code, name)))
            || self.extend_select.iter().any(|p| matches(p, code, name));
        selected && !self.ignore.iter().any(|p| matches(p, code, name))
    }

    /// Whether this is the default (every rule).
    #[must_use]
    pub fn is_default(&self) -> bool {
        self == &Self::default()
    }

    /// Checks that every selector names at least one of `rules` (`(code, name)` pairs).
    ///
    /// # Errors
    /// The first selector that names no rule, with a "did you mean" when one is close.
    pub fn validate(&self, rules: &[(&str, &str)]) -> Result<(), String> {
        let all = self
            .select
            .iter()
            .flatten()
            .chain(&self.extend_select)
            .chain(&self.ignore);
        for p in all {
            if !rules.iter().any(|(c, n)| matches(p, c, n)) {
                let names: Vec<&str> = rules.iter().flat_map(|(c, n)| [*c, *n]).collect();
                let hint = did_you_mean(p, &names)
                    .map(|m| format!("; did you mean `{m}`?"))
                    .unwrap_or_default();
                return Err(format!(
                    "`{p}` names no rule{hint} (`agentfmt rule --all` lists them)"
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_names_and_all() {
        assert!(matches("AF1", "AF105", "unknown-key"));
        assert!(matches("af105", "AF105", "unknown-key"));
        assert!(matches("unknown-key", "AF105", "unknown-key"));
        assert!(matches("ALL", "AF105", "unknown-key"));
        assert!(!matches("AF2", "AF105", "unknown-key"));
        assert!(!matches("A", "AF105", "unknown-key"));
        assert!(!matches("AF1050", "AF105", "unknown-key"));
        assert!(!matches("unknown", "AF105", "unknown-key"));
    }

    #[test]
    fn select_extend_ignore() {
        let s = Selection {
            select: Some(vec!["AF1".into()]),
            extend_select: vec!["yaml-tab".into()],
            ignore: vec!["AF105".into()],
        };
        assert!(s.enabled("AF111", "unknown-tool"));
        assert!(s.enabled("AF008", "yaml-tab"));
        assert!(!s.enabled("AF105", "unknown-key"));
        assert!(!s.enabled("AF011", "strict-yaml"));
        assert!(Selection::default().enabled("AF011", "strict-yaml"));
    }

    #[test]
    fn unknown_selector_is_an_error() {
        let rules = [("AF105", "unknown-key"), ("AF008", "yaml-tab")];
        let s = Selection {
            ignore: vec!["unknwn-key".into()],
            ..Selection::default()
        };
        let e = s.validate(&rules).unwrap_err();
        assert!(e.contains("did you mean `unknown-key`"), "{e}");
        let ok = Selection {
            select: Some(vec!["AF".into()]),
            ..Selection::default()
        };
        assert!(ok.validate(&rules).is_ok());
    }
}
