//! VALIDATE (semantic): the rule registry. One rule per file; each has a stable code
//! (`AF###`, never reused), a kebab-case name that reads as "allow <name>", a default
//! severity and its documentation (the doc comment, captured by [`declare_rule!`]).
//!
//! Parse-stage rules (encoding, YAML syntax, ...) are reported by `source` and `document`;
//! their files here carry the metadata and docs, and their `check` does nothing.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::span::Span;

/// Declares a rule struct and its [`RuleMeta`] from doc comments and metadata.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        pub struct $name:ident {
            code: $code:literal,
            name: $rname:literal,
            severity: $sev:ident $(,)?
        }
    ) => {
        $(#[doc = $doc])+
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl $name {
            /// The rule's metadata.
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                code: $code,
                name: $rname,
                docs: concat!($($doc, "\n"),+),
                default: $crate::diagnostic::Severity::$sev,
            };
        }
    };
    (
        $(#[doc = $doc:literal])+
        pub struct $name:ident = $code:path;
    ) => {
        $(#[doc = $doc])+
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl $name {
            /// The rule's metadata (code, name and severity from [`crate::diagnostic::codes`]).
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                code: $code.code,
                name: $code.name,
                docs: concat!($($doc, "\n"),+),
                default: $code.default,
            };
        }
    };
}

/// Implements [`Rule`] for a parse-stage rule (reported by the parser, nothing to check).
macro_rules! parse_stage_rule {
    ($name:ident) => {
        impl $crate::rules::Rule for $name {
            fn meta(&self) -> &'static $crate::rules::RuleMeta {
                &Self::META
            }
        }
    };
}

pub mod allowed_and_denied_tool;
pub mod binary_file;
pub mod bom_before_front_matter;
pub mod broken_link;
pub mod bypass_permissions;
pub mod conflicting_fields;
pub mod context_budget;
pub mod deprecated_key;
pub mod duplicate_key;
pub mod duplicate_name;
pub mod empty_body;
pub mod fmt_refused;
pub mod front_matter_not_first;
pub mod glob_format;
pub mod ignored_in_plugin;
pub mod import_chain;
pub mod inert_shell_command;
pub mod invalid_file_name;
pub mod invalid_type;
pub mod invalid_utf8;
pub mod invalid_value;
pub mod kind_inferred;
pub mod legacy_file;
pub mod local_file_not_ignored;
pub mod misplaced_file;
pub mod missing_recommended_field;
pub mod missing_required_field;
pub mod mojibake;
pub mod name_style;
pub mod non_utf8_encoding;
pub mod positional_argument_base;
pub mod prose;
pub mod second_front_matter;
pub mod skill_name_mismatch;
pub mod strict_yaml;
pub mod toml_syntax;
pub mod too_long;
pub mod tree;
pub mod unbalanced_injection;
pub mod uncovered_shell_command;
pub mod unexpected_front_matter;
pub mod unknown_agent;
pub mod unknown_key;
pub mod unknown_skill;
pub mod unknown_tool;
pub mod unknown_variable;
pub mod unresolved_import;
pub mod unterminated_front_matter;
pub mod unused_suppression;
pub mod yaml_alias;
pub mod yaml_ambiguous_scalar;
pub mod yaml_syntax;
pub mod yaml_tab;

/// A rule's metadata.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable code, `AF###`.
    pub code: &'static str,
    /// Kebab-case name.
    pub name: &'static str,
    /// Markdown documentation (`## What it does`, `## Why is this bad?`, `## Example`).
    pub docs: &'static str,
    /// Default severity.
    pub default: Severity,
}

impl RuleMeta {
    /// A diagnostic of this rule at `span` with its default severity.
    #[must_use]
    pub fn diag(&'static self, span: Span, message: String) -> Diagnostic {
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

    /// The documentation as markdown (the doc comment with its one-space indent removed).
    #[must_use]
    pub fn markdown(&self) -> String {
        self.docs
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_owned()
    }

    /// The first line of the docs that is not a heading: a one-line summary.
    #[must_use]
    pub fn summary(&self) -> &'static str {
        self.docs
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#'))
            .unwrap_or("")
    }
}

/// A caller-supplied file reader: the text of a file at a path, or `None` (see
/// [`Context::read_file`]).
pub type ReadFile<'a> = dyn Fn(&str) -> Option<String> + Sync + 'a;

/// Information the library cannot get itself (it does no I/O), supplied by the caller.
#[derive(Default)]
pub struct Context<'a> {
    /// Whether a file exists, given a path relative to the current directory, built by joining
    /// the checked file's directory with a reference (`@docs/x.md`). `None` disables checks
    /// that need the file system (for stdin and the corpus run).
    pub file_exists: Option<&'a (dyn Fn(&str) -> bool + Sync)>,
    /// The text of a file, given a path built the same way as for `file_exists`; `None` when
    /// it is missing, unreadable, not UTF-8 or too large. `None` disables checks that read
    /// other files (`import-chain`).
    pub read_file: Option<&'a ReadFile<'a>>,
    /// Whether git ignores a file, given the checked file's path: `Some(true)` when the
    /// repository's ignore rules (`.gitignore` files, `.git/info/exclude`, the global excludes
    /// file) match it, `Some(false)` when they do not, `None` when the file is not in a git
    /// work tree. `None` (the field) disables checks that need it (`local-file-not-ignored`).
    pub git_ignored: Option<&'a GitIgnored<'a>>,
}

/// A caller-supplied answer to "does git ignore this file?" (see [`Context::git_ignored`]).
pub type GitIgnored<'a> = dyn Fn(&str) -> Option<bool> + Sync + 'a;

/// Collects the diagnostics of the semantic rules for one document.
pub struct Checker<'a> {
    /// The document being checked.
    pub doc: &'a Document,
    /// Caller-supplied context.
    pub ctx: &'a Context<'a>,
    diagnostics: Vec<Diagnostic>,
    /// The body's code spans and blocks, found once for the rules that skip code.
    body_code: std::cell::OnceCell<Vec<prose::Code>>,
}

impl<'a> Checker<'a> {
    /// A checker for `doc`.
    #[must_use]
    pub fn new(doc: &'a Document, ctx: &'a Context<'a>) -> Self {
        Self {
            doc,
            ctx,
            diagnostics: Vec::new(),
            body_code: std::cell::OnceCell::new(),
        }
    }

    /// The code spans and code blocks of the document's body ([`prose::code`]), found on first
    /// use and shared by every rule; byte ranges are into the body text.
    #[must_use]
    pub fn body_code(&self) -> &[prose::Code] {
        self.body_code
            .get_or_init(|| prose::code(self.doc.body_text()))
    }

    /// Records a diagnostic.
    pub fn report(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// The diagnostics recorded so far.
    #[must_use]
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

/// A rule.
pub trait Rule: Sync {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;
    /// Checks a parsed document, reporting through `cx`. Parse-stage rules do nothing here.
    fn check(&self, _cx: &mut Checker<'_>) {}
}

/// Every rule, in code order.
pub static RULES: &[&dyn Rule] = &[
    &invalid_utf8::InvalidUtf8,
    &non_utf8_encoding::NonUtf8Encoding,
    &binary_file::BinaryFile,
    &mojibake::Mojibake,
    &bom_before_front_matter::BomBeforeFrontMatter,
    &yaml_syntax::YamlSyntax,
    &duplicate_key::DuplicateKey,
    &yaml_tab::YamlTab,
    &unterminated_front_matter::UnterminatedFrontMatter,
    &second_front_matter::SecondFrontMatter,
    &strict_yaml::StrictYaml,
    &yaml_alias::YamlAlias,
    &yaml_ambiguous_scalar::YamlAmbiguousScalar,
    &toml_syntax::TomlSyntax,
    &kind_inferred::KindInferred,
    &front_matter_not_first::FrontMatterNotFirst,
    &unused_suppression::UnusedSuppression,
    &fmt_refused::FmtRefused,
    &missing_required_field::MissingRequiredField,
    &missing_recommended_field::MissingRecommendedField,
    &invalid_type::InvalidType,
    &invalid_value::InvalidValue,
    &conflicting_fields::ConflictingFields,
    &unknown_key::UnknownKey,
    &deprecated_key::DeprecatedKey,
    &unexpected_front_matter::UnexpectedFrontMatter,
    &name_style::NameStyle,
    &skill_name_mismatch::SkillNameMismatch,
    &invalid_file_name::InvalidFileName,
    &unknown_tool::UnknownTool,
    &glob_format::GlobFormat,
    &too_long::TooLong,
    &unresolved_import::UnresolvedImport,
    &empty_body::EmptyBody,
    &positional_argument_base::PositionalArgumentBase,
    &legacy_file::LegacyFile,
    &duplicate_name::DuplicateName,
    &context_budget::ContextBudget,
    &uncovered_shell_command::UncoveredShellCommand,
    &inert_shell_command::InertShellCommand,
    &bypass_permissions::BypassPermissions,
    &allowed_and_denied_tool::AllowedAndDeniedTool,
    &unbalanced_injection::UnbalancedInjection,
    &unknown_variable::UnknownVariable,
    &ignored_in_plugin::IgnoredInPlugin,
    &broken_link::BrokenLink,
    &import_chain::ImportChain,
    &unknown_skill::UnknownSkill,
    &local_file_not_ignored::LocalFileNotIgnored,
    &misplaced_file::MisplacedFile,
    &unknown_agent::UnknownAgent,
];

/// Finds a rule by code (`AF007`) or name (`duplicate-key`), case-insensitively.
#[must_use]
pub fn find(code_or_name: &str) -> Option<&'static RuleMeta> {
    RULES.iter().map(|r| r.meta()).find(|m| {
        m.code.eq_ignore_ascii_case(code_or_name) || m.name.eq_ignore_ascii_case(code_or_name)
    })
}

/// Runs every rule's `check` on `doc`.
#[must_use]
pub fn run(doc: &Document, ctx: &Context<'_>) -> Vec<Diagnostic> {
    let mut cx = Checker::new(doc, ctx);
    for rule in RULES {
        rule.check(&mut cx);
    }
    cx.into_diagnostics()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Parses `text` at `path`, runs the schema and every rule, keeps the diagnostics of `rule`.
    pub(crate) fn check(text: &str, path: &str, rule: &str) -> Vec<Diagnostic> {
        let doc =
            crate::document::parse(crate::source::SourceText::from_str(text), Some(path), None).doc;
        let mut all = crate::schema::validate(&doc);
        all.extend(run(&doc, &Context::default()));
        all.retain(|d| d.rule == rule);
        all
    }

    #[test]
    fn codes_and_names_are_unique_and_documented() {
        let mut codes = std::collections::HashSet::new();
        let mut names = std::collections::HashSet::new();
        for r in RULES {
            let m = r.meta();
            assert!(codes.insert(m.code), "duplicate code {}", m.code);
            assert!(names.insert(m.name), "duplicate name {}", m.name);
            assert!(m.code.starts_with("AF") && m.code.len() == 5, "{}", m.code);
            assert!(
                m.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "{}",
                m.name
            );
            assert!(m.docs.contains("## What it does"), "{} lacks docs", m.name);
            assert!(!m.summary().is_empty());
        }
    }

    #[test]
    fn every_parse_stage_code_is_a_registered_rule() {
        for c in crate::diagnostic::codes::ALL {
            let m = find(c.code).unwrap_or_else(|| panic!("{} is not in RULES", c.code));
            assert_eq!((m.name, m.default), (c.name, c.default), "{}", c.code);
        }
    }
}
