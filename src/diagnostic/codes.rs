//! The codes of the diagnostics reported while decoding and parsing (the parse stage), below
//! the rule registry so that `source` and `document` need not import `rules`.
//!
//! Each constant is the identity of one parse-stage rule; the rule's documentation lives in
//! `rules/<name>.rs`, which takes its code, name and default severity from here.

use super::{Diagnostic, Severity};
use crate::span::Span;

/// A diagnostic code: stable `AF###` code, kebab-case name and default severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    /// Stable code, `AF###`.
    pub code: &'static str,
    /// Kebab-case name.
    pub name: &'static str,
    /// Default severity.
    pub default: Severity,
}

impl Code {
    /// A diagnostic with this code at `span` (bytes of the decoded text) with the default
    /// severity and `message` (lowercase, no trailing period).
    #[must_use]
    pub fn diag(&self, span: Span, message: String) -> Diagnostic {
        Diagnostic {
            code: self.code,
            rule: self.name,
            severity: self.default,
            message,
            span,
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }
}

/// `invalid-utf8` (AF001), see `rules::invalid_utf8`.
pub const INVALID_UTF8: Code = Code {
    code: "AF001",
    name: "invalid-utf8",
    default: Severity::Error,
};

/// `non-utf8-encoding` (AF002), see `rules::non_utf8_encoding`.
pub const NON_UTF8_ENCODING: Code = Code {
    code: "AF002",
    name: "non-utf8-encoding",
    default: Severity::Warning,
};

/// `bom-before-front-matter` (AF005), see `rules::bom_before_front_matter`.
pub const BOM_BEFORE_FRONT_MATTER: Code = Code {
    code: "AF005",
    name: "bom-before-front-matter",
    default: Severity::Warning,
};

/// `yaml-syntax` (AF006), see `rules::yaml_syntax`.
pub const YAML_SYNTAX: Code = Code {
    code: "AF006",
    name: "yaml-syntax",
    default: Severity::Error,
};

/// `duplicate-key` (AF007), see `rules::duplicate_key`.
pub const DUPLICATE_KEY: Code = Code {
    code: "AF007",
    name: "duplicate-key",
    default: Severity::Error,
};

/// `yaml-tab` (AF008), see `rules::yaml_tab`.
pub const YAML_TAB: Code = Code {
    code: "AF008",
    name: "yaml-tab",
    default: Severity::Error,
};

/// `unterminated-front-matter` (AF009), see `rules::unterminated_front_matter`.
pub const UNTERMINATED_FRONT_MATTER: Code = Code {
    code: "AF009",
    name: "unterminated-front-matter",
    default: Severity::Error,
};

/// `second-front-matter` (AF010), see `rules::second_front_matter`.
pub const SECOND_FRONT_MATTER: Code = Code {
    code: "AF010",
    name: "second-front-matter",
    default: Severity::Warning,
};

/// `strict-yaml` (AF011), see `rules::strict_yaml`.
pub const STRICT_YAML: Code = Code {
    code: "AF011",
    name: "strict-yaml",
    default: Severity::Warning,
};

/// `yaml-alias` (AF012), see `rules::yaml_alias`.
pub const YAML_ALIAS: Code = Code {
    code: "AF012",
    name: "yaml-alias",
    default: Severity::Error,
};

/// `yaml-ambiguous-scalar` (AF013), see `rules::yaml_ambiguous_scalar`.
pub const YAML_AMBIGUOUS_SCALAR: Code = Code {
    code: "AF013",
    name: "yaml-ambiguous-scalar",
    default: Severity::Warning,
};

/// `toml-syntax` (AF014), see `rules::toml_syntax`.
pub const TOML_SYNTAX: Code = Code {
    code: "AF014",
    name: "toml-syntax",
    default: Severity::Error,
};

/// `kind-inferred` (AF015), see `rules::kind_inferred`.
pub const KIND_INFERRED: Code = Code {
    code: "AF015",
    name: "kind-inferred",
    default: Severity::Info,
};

/// `front-matter-not-first` (AF016), see `rules::front_matter_not_first`.
pub const FRONT_MATTER_NOT_FIRST: Code = Code {
    code: "AF016",
    name: "front-matter-not-first",
    default: Severity::Error,
};

/// `unused-suppression` (AF017), see `rules::unused_suppression`.
pub const UNUSED_SUPPRESSION: Code = Code {
    code: "AF017",
    name: "unused-suppression",
    default: Severity::Warning,
};

/// Every parse-stage code, in code order.
pub const ALL: &[Code] = &[
    INVALID_UTF8,
    NON_UTF8_ENCODING,
    BOM_BEFORE_FRONT_MATTER,
    YAML_SYNTAX,
    DUPLICATE_KEY,
    YAML_TAB,
    UNTERMINATED_FRONT_MATTER,
    SECOND_FRONT_MATTER,
    STRICT_YAML,
    YAML_ALIAS,
    YAML_AMBIGUOUS_SCALAR,
    TOML_SYNTAX,
    KIND_INFERRED,
    FRONT_MATTER_NOT_FIRST,
    UNUSED_SUPPRESSION,
];
