//! The writer helpers shared by every target: name, description, model, tools, body and the
//! final assembly of front matter and body, each recording its [`Outcome`].

use super::{Outcome, W, slug};
use crate::convert::emit::{self, Y};
use crate::convert::model::Slot;
use crate::convert::placeholders::{self, Syntax};
use crate::convert::read::syntax_of;
use crate::convert::{Loss, LossKind};
use crate::tools::{Kind, Tool};

impl W<'_> {
    /// Writes `name` under `key`; `lower` for tools that require lowercase-hyphen names.
    pub fn name(&mut self, key: &str, lower: bool, required: bool) {
        match (&self.m.name, self.m.name_from_path) {
            (Some(n), false) => {
                let base = if lower { slug(n) } else { n.clone() };
                let v = self.avoid_reserved(base.clone());
                if v == *n {
                    self.exact(Slot::Name, key);
                } else if v != base {
                    self.approx(
                        Slot::Name,
                        format!(
                            "`{key}: {v}` (Claude Code reserves the skill folder name `synced`)"
                        ),
                    );
                } else {
                    self.approx(
                        Slot::Name,
                        format!("`{key}: {v}` (lowercase letters, digits and hyphens)"),
                    );
                }
                self.set(key, Y::Str(v));
            }
            (n, _) if required => {
                let v = self.avoid_reserved(slug(n.as_deref().unwrap_or("converted")));
                self.synth(
                    key,
                    &v,
                    "the target requires a name; taken from the file name",
                );
                self.set(key, Y::Str(v));
            }
            _ => {}
        }
    }

    /// Writes `description`; when `required` and missing, synthesises one from the body.
    pub fn description(&mut self, key: &str, required: bool) {
        if let Some(d) = &self.m.description {
            self.set(key, Y::s(d.clone()));
            self.exact(Slot::Description, key);
        } else if required {
            let d = first_line(&self.m.raw_body)
                .unwrap_or_else(|| format!("Converted from {}", self.m.source.describe()));
            self.synth(
                key,
                &d,
                "the target requires a description; taken from the body",
            );
            self.set(key, Y::s(d));
        }
    }

    /// The denied tools as the target writes them with `names` , each once,
    /// in source order, and the source entries `names` has no equivalent for, as written.
    pub fn denied(
        &self,
        names: fn(&crate::convert::model::ToolRef) -> Vec<String>,
    ) -> (Vec<String>, Vec<String>) {
        let mut mapped: Vec<String> = Vec::new();
        let mut unmapped = Vec::new();
        for t in &self.m.disallowed {
            let n = names(t);
            if n.is_empty() {
                unmapped.push(t.original.clone());
            }
            for x in n {
                if !mapped.contains(&x) {
                    mapped.push(x);
                }
            }
        }
        (mapped, unmapped)
    }

    /// Writes the subagent's MCP servers as `key` with [`crate::convert::mcp::write`] (for a
    /// target without per-agent servers, `key` is unused and the slot is dropped with the
    /// reason). Converting within one tool passes the source value through unchanged.
    pub fn mcp_servers(&mut self, key: &str) {
        let sources = self.m.fields_of(&Slot::McpServers);
        if sources.is_empty() {
            return;
        }
        if self.same_tool()
            && sources == [key]
            && let Some(o) = self.m.originals.iter().find(|o| o.key == key)
        {
            let v = Y::from_node(&o.value);
            self.set(key, v);
            self.exact(Slot::McpServers, key);
            return;
        }
        let w = crate::convert::mcp::write(&self.m.mcp_servers, self.tool);
        let notes = w.notes.join("; ");
        match w.value {
            None if notes.is_empty() => self.drop_(Slot::McpServers, "no server to write"),
            None => self.drop_(Slot::McpServers, notes),
            Some(v) => {
                let same = sources.len() == 1
                    && self
                        .m
                        .originals
                        .iter()
                        .any(|o| o.key == sources[0] && Y::from_node(&o.value) == v);
                self.set(key, v);
                if same && notes.is_empty() {
                    self.exact(Slot::McpServers, key);
                } else if notes.is_empty() {
                    self.approx(
                        Slot::McpServers,
                        format!("`{key}` in the target's server format"),
                    );
                } else {
                    self.approx(
                        Slot::McpServers,
                        format!("`{key}` in the target's server format; {notes}"),
                    );
                }
            }
        }
    }

    /// Passes fields with no neutral meaning through when converting within one tool.
    pub fn pass_extras(&mut self) {
        if !self.same_tool() {
            return;
        }
        for e in &self.m.extra {
            self.fm.push((e.key.clone(), Y::from_node(&e.value)));
            self.out
                .insert(Slot::Extra(e.key.clone()), Outcome::Exact(e.key.clone()));
        }
    }

    /// Renders the body in `syntax` (prose for kinds without substitution) and records the
    /// outcome of the `body` slot.
    pub fn body(&mut self, syntax: Syntax) -> String {
        if syntax == syntax_of(self.m.source)
            || !self
                .m
                .body
                .iter()
                .any(|p| !matches!(p, crate::convert::model::Piece::Text(_)))
        {
            self.exact(Slot::Body, "body");
            return self.m.raw_body.clone();
        }
        let (text, notes) = placeholders::render(
            &self.m.body,
            syntax,
            self.opts.claude_arg_base,
            &self.m.arguments,
        );
        let mut summary: Vec<String> = notes.iter().map(|(_, n)| n.clone()).collect();
        if summary.is_empty() {
            summary.push(format!(
                "placeholders rewritten in {} syntax",
                self.tool.key()
            ));
        }
        {
            self.approx(Slot::Body, summary.join("; "));
        }
        text
    }

    /// Maps the model into the target tool's vocabulary: per-target overrides from
    /// `agentfmt.toml` first, then the default table ([`crate::convert::tables::map_model`]).
    pub fn model_value(&self) -> Option<String> {
        let mr = self.m.model.as_ref()?;
        if let Some(v) = self
            .opts
            .models
            .get(self.tool.key())
            .and_then(|t| t.get(mr.id.trim()))
        {
            return Some(v.clone());
        }
        crate::convert::tables::map_model(mr.tool, self.tool, &mr.id)
    }

    /// Writes the model under `key`. `inherit_key` says whether the target spells the default
    /// as `inherit` (Claude, Cursor) or omits it (Copilot, OpenCode).
    pub fn model(&mut self, key: &str, inherit_key: bool) {
        let Some(mr) = self.m.model.clone() else {
            return;
        };
        match self.model_value() {
            Some(v) if v == "inherit" && !inherit_key => {
                self.approx(
                    Slot::Model,
                    "omitted: inheriting the session model is the default",
                );
            }
            Some(v) => {
                if v == mr.id && (mr.tool == self.tool || v == "inherit") {
                    self.exact(Slot::Model, key);
                } else {
                    self.approx(Slot::Model, format!("`{key}: {v}` (model table)"));
                }
                self.set(key, Y::Str(v));
            }
            None => {
                let tk = self.tool.key();
                self.drop_(
                    Slot::Model,
                    format!("model `{}` has no mapping for {tk}; add one under `[convert.models.{tk}]` in agentfmt.toml", mr.id),
                );
                if inherit_key && self.tool == Tool::Cursor {
                    self.set(key, Y::s("inherit"));
                }
            }
        }
    }

    /// Records the outcome of the activation written as `what` under the target's keys:
    /// exact when the source was the same kind, else approximated.
    pub fn activation(&mut self, what: &str) {
        if self.m.source == self.kind {
            self.kept(Slot::Activation);
        } else {
            self.approx(Slot::Activation, what.to_owned());
        }
    }

    /// Whether `key` of this output holds Claude Code permission rules (`allowed-tools` of a
    /// command or skill), which `unknown-tool` checks for syntax.
    fn permission_rules(&self, key: &str) -> bool {
        key == "allowed-tools" && matches!(self.kind, Kind::ClaudeCommand | Kind::ClaudeSkill)
    }

    /// Writes a tool list as `key`, mapping each entry with `names` : a string
    /// joined with `sep`, or a YAML list when `sep` is `None`. Unknown entries and lost
    /// specifiers are reported, and malformed permission rules are dropped.
    pub fn tools(
        &mut self,
        key: &str,
        names: fn(&crate::convert::model::ToolRef) -> Vec<String>,
        sep: Option<&str>,
        same_meaning: bool,
    ) {
        let Some(tools) = self.m.tools.clone() else {
            return;
        };
        let mut out: Vec<String> = Vec::new();
        let mut notes: Vec<String> = Vec::new();
        let mut exact = self.same_tool() && same_meaning;
        for t in &tools {
            let n = names(t);
            if n.is_empty() {
                notes.push(format!("`{}` has no equivalent", t.original));
                exact = false;
            } else if n.iter().any(|x| *x != t.original) {
                // A tool that stands for several capabilities (Copilot `search`: grep and
                // glob) maps back to its one name once per capability.
                exact = false;
            }
            // A Copilot custom agent keeps an `Agent(a, b)` specifier as `agents: [a, b]`
            // (`copilot::agent`).
            let kept_as_agents = self.kind == Kind::CopilotAgent && t.what.is_agent();
            if t.specifier.is_some()
                && !n.iter().any(|x| x.contains('('))
                && self.tool != Tool::Claude
                && !kept_as_agents
            {
                notes.push(format!(
                    "`{}` broadened (the specifier is lost)",
                    t.original
                ));
            }
            for x in n {
                // Claude Code reads a malformed permission rule as a tool name that
                // pre-approves nothing [CC-PERM]; a line break never belongs in an entry.
                if x.contains(['\n', '\r']) {
                    notes.push(format!("`{}` holds a line break", x.escape_debug()));
                    exact = false;
                    continue;
                }
                if self.permission_rules(key)
                    && crate::rules::unknown_tool::permission_rule_problem(&x).is_some()
                {
                    notes.push(format!(
                        "`{}` is not a valid permission rule",
                        x.escape_debug()
                    ));
                    exact = false;
                    continue;
                }
                if !out.contains(&x) {
                    out.push(x);
                }
            }
        }
        // `unknown-tool` splits a Claude tool list string back into entries.
        if let Some(sep) = sep
            && matches!(
                self.kind,
                Kind::ClaudeAgent | Kind::ClaudeCommand | Kind::ClaudeSkill
            )
        {
            for x in unreadable(&mut out, key, sep) {
                notes.push(format!(
                    "`{}` would not read back as one entry of the list",
                    x.escape_debug()
                ));
                exact = false;
            }
        }
        if out.is_empty() {
            self.drop_(
                Slot::Tools,
                format!(
                    "no entry maps to a {} tool ({})",
                    self.tool.key(),
                    notes.join(", ")
                ),
            );
            return;
        }
        if !same_meaning {
            notes.push(
                "the meaning changes between pre-approving tools and restricting to them".into(),
            );
        }
        if exact && notes.is_empty() {
            self.exact(Slot::Tools, key);
        } else {
            let mut what = format!("`{key}: {}`", out.join(", "));
            if !notes.is_empty() {
                what = format!("{what}; {}", notes.join("; "));
            }
            self.approx(Slot::Tools, what);
        }
        if let Some(sep) = sep {
            self.set(key, Y::Str(out.join(sep)));
        } else {
            self.set(key, Y::strs(out));
        }
    }

    /// Joins the front matter and `body` into the file text, ending in one line break.
    ///
    /// Checks each source field reported as kept: a value written differently is restored
    /// from the source when the kinds are the same, else reported as approximated; a kept
    /// field that was not written (an empty `globs:`) is reported as dropped. A body that
    /// starts with a `---` line in a file without front matter gets `***` instead (the same
    /// thematic break) so that it is not read as front matter.
    pub fn doc(&mut self, body: &str) -> String {
        let same_kind = self.m.source == self.kind;
        for (key, slot) in &self.m.fields {
            let kept = match self.out.get(slot) {
                Some(Outcome::Kept) => true,
                Some(Outcome::Exact(k)) => k == key,
                _ => false,
            };
            let Some(orig) = self.m.originals.iter().find(|o| o.key == *key) else {
                continue;
            };
            if !kept {
                continue;
            }
            match self.fm.iter_mut().find(|(k, _)| k == key) {
                // Converting a file to its own kind keeps an empty field as it was: dropping
                // it could make the file fail a rule the source passes (`inclusion: fileMatch`
                // with an empty `fileMatchPattern`).
                None if same_kind && orig.value.is_blank() => {
                    self.fm.push((key.clone(), Y::from_node(&orig.value)));
                }
                None => {
                    let why = if orig.value.is_blank() {
                        "empty value"
                    } else {
                        "implied by the other fields"
                    };
                    self.by_key.insert(
                        key.clone(),
                        Outcome::Dropped(format!("not written ({why})")),
                    );
                }
                Some((_, y)) => {
                    let o = Y::from_node(&orig.value);
                    let same = match (&*y, &o) {
                        (Y::Raw(a), Y::Str(b)) => a == b,
                        (a, b) => a == b,
                    };
                    if same {
                        continue;
                    }
                    if same_kind && !matches!(y, Y::Raw(_)) {
                        *y = o;
                    } else {
                        let shown = match &*y {
                            Y::Raw(r) => r.clone(),
                            Y::Str(s) => s.clone(),
                            other => format!("{other:?}"),
                        };
                        self.by_key.insert(
                            key.clone(),
                            Outcome::Approx(format!("normalised to `{shown}`")),
                        );
                    }
                }
            }
        }
        if !self.kind.is_toml() {
            // The order `agentfmt fmt` would give (a stable sort: extra keys keep theirs).
            let required = crate::schema::required_keys(self.kind);
            let known = crate::schema::known_keys(self.kind);
            let rank = |k: &str| crate::fmt::order::rank(k, &required, &known);
            if same_kind {
                // Keep the source's key order, so converting a file to its own kind is
                // stable; a key the source lacks goes before the first source key that
                // ranks after it, so a canonical source gives a canonical output.
                let originals = &self.m.originals;
                let pos = |k: &str| originals.iter().position(|o| o.key == k);
                let at = |k: &str| match pos(k) {
                    Some(i) => (2 * i + 1, rank(k)),
                    None => {
                        let anchor = originals
                            .iter()
                            .position(|o| rank(&o.key) > rank(k))
                            .unwrap_or(originals.len());
                        (2 * anchor, rank(k))
                    }
                };
                self.fm.sort_by_key(|(k, _)| at(k));
            } else {
                self.fm.sort_by_key(|(k, _)| rank(k));
            }
        }
        let mut body = body.to_owned();
        if self.fm.is_empty() && !self.kind.is_toml() {
            // The first line that is not blank (spaces and tabs count as blank: a `---` block
            // after such lines is `front-matter-not-first` to check).
            // A U+FEFF there is read as a byte-order mark, and dropped, before the `---`.
            let bom = |c: char| c == '\u{feff}';
            let blank = body
                .split_inclusive('\n')
                .take_while(|l| {
                    l.trim_matches(|c: char| c.is_whitespace() || bom(c))
                        .is_empty()
                })
                .map(str::len)
                .sum::<usize>();
            let trimmed = &body[blank..];
            let marks = trimmed.len() - trimmed.trim_start_matches(bom).len();
            if trimmed[marks..]
                .lines()
                .next()
                .is_some_and(|l| l.trim_end() == "---")
            {
                body = format!("{}***{}", &trimmed[..marks], &trimmed[marks + 3..]);
                self.losses.push(Loss {
                    field: "body".into(),
                    what: LossKind::Approximated("`***`".into()),
                    message: "the body's leading `---` line is written as `***` (the same thematic break) so it is not read as front matter".into(),
                });
            }
            // The body is the whole file: its leading blank lines go, as `agentfmt fmt` drops
            // them, except one before a U+FEFF (which would otherwise be read as a
            // byte-order mark).
            let lead = body
                .split_inclusive('\n')
                .take_while(|l| l.trim().is_empty())
                .map(str::len)
                .sum::<usize>();
            if body[lead..].starts_with('\u{feff}') {
                body.replace_range(..lead, if lead > 0 { "\n" } else { "" });
            } else {
                body.drain(..lead);
            }
        }
        let mut out = emit::front_matter(&self.fm);
        out.push_str(&body);
        if out.trim_matches(['\n', ' ', '\t']).is_empty() {
            // Nothing to write but blank lines: an empty file, as `agentfmt fmt` leaves it.
            return String::new();
        }
        if !out.ends_with('\n') {
            out.push('\n');
        }
        while out.ends_with("\n\n") {
            out.pop();
        }
        out
    }
}

/// The first non-empty line of `body` without markdown heading marks, cut to 200 chars.
fn first_line(body: &str) -> Option<String> {
    // U+FEFF counts as blank: JSON Schema's `\S` (ECMAScript's) does not match it.
    let blank = |c: char| c.is_whitespace() || c == '\u{feff}';
    let l = body
        .lines()
        .map(|l| {
            l.trim_matches(blank)
                .trim_start_matches('#')
                .trim_matches(blank)
        })
        .find(|l| !l.is_empty() && *l != "---")?;
    let mut s: String = l.chars().take(200).collect();
    if s.chars().count() < l.chars().count() {
        s.push('…');
    }
    Some(s)
}

/// Drops from `out` the entries that would not read back from `out.join(sep)` as
/// `unknown_tool::tool_list` reads a Claude tool list `key` (split on top-level commas, and on
/// spaces too for a kebab-case key whose value has no comma); returns them. An entry reads back
/// when it and a stand-in entry joined with `sep` split into exactly the two.
fn unreadable(out: &mut Vec<String>, key: &str, sep: &str) -> Vec<String> {
    use crate::rules::unknown_tool::split_tools;
    let mut dropped = Vec::new();
    loop {
        let joined = out.join(sep);
        let on_space = key.contains('-') && !joined.contains(',');
        let reads_as = |s: &str, on_space: bool| -> Vec<String> {
            split_tools(s, on_space)
                .into_iter()
                .map(|r| s[r].to_owned())
                .collect()
        };
        if reads_as(&joined, on_space) == *out {
            return dropped;
        }
        // A list joined with spaces is read on spaces only while no entry holds a comma.
        let spaced = !sep.contains(',');
        let before = out.len();
        out.retain(|x| {
            let ok = !(spaced && x.contains(','))
                && reads_as(
                    &format!("{x}{sep}X"),
                    if spaced { key.contains('-') } else { on_space },
                ) == [x.as_str(), "X"];
            if !ok {
                dropped.push(x.clone());
            }
            ok
        });
        if out.len() == before {
            // Every entry reads back alone, yet the list does not: give up on the list.
            dropped.append(out);
            return dropped;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::unreadable;

    fn keep(entries: &[&str], key: &str, sep: &str) -> (Vec<String>, Vec<String>) {
        let mut out: Vec<String> = entries.iter().map(|s| (*s).to_owned()).collect();
        let dropped = unreadable(&mut out, key, sep);
        (out, dropped)
    }

    #[test]
    fn entries_that_read_back_from_the_joined_list() {
        let (kept, dropped) = keep(
            &["Read", "Bash(git diff *)", "Agent(a, b)"],
            "allowed-tools",
            ", ",
        );
        assert_eq!((kept.len(), dropped.len()), (3, 0));
        // Space-separated: a comma would make the reader split on commas only.
        let (kept, dropped) = keep(
            &["Read", "Bash(git diff *)", "Agent(a, b)"],
            "allowed-tools",
            " ",
        );
        assert_eq!(
            (kept, dropped),
            (
                vec!["Read".to_owned(), "Bash(git diff *)".to_owned()],
                vec!["Agent(a, b)".to_owned()]
            )
        );
        // One entry with a space, written with `, `: no comma in the value, so the reader
        // splits on the space.
        let (kept, dropped) = keep(&["mcp__my server__x"], "allowed-tools", ", ");
        assert!(kept.is_empty());
        assert_eq!(dropped, ["mcp__my server__x"]);
        // With two entries the value has a comma, and the space is inside an entry.
        let (kept, _) = keep(&["mcp__my server__x", "Read"], "allowed-tools", ", ");
        assert_eq!(kept.len(), 2);
        // `tools` (camelCase) is never split on spaces; an unclosed `(` swallows the rest (a
        // stray `)` does not: the reader splits at depth 0 or below).
        let (kept, dropped) = keep(&["two words", "Bash(ls", "ls)", "Read"], "tools", ", ");
        assert_eq!(kept, ["two words", "ls)", "Read"]);
        assert_eq!(dropped, ["Bash(ls"]);
    }
}
