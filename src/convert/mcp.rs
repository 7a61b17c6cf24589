//! MCP servers a subagent declares: read from each tool's shape into one neutral list
//! ([`McpServer`]) and written back in another tool's shape [CC-SUB], [GH-AGENTS-CFG], [GEM-SUB], [CODEX-SUB].
//!
//! The shapes:
//! * Claude Code `mcpServers`: a list whose items are a server name (reuse a server configured
//!   for the project) or a one-key map `{name: <.mcp.json server config>}` with `type` `stdio`,
//!   `http`, `sse` or `ws`, and `command`, `args`, `env` or `url`, `headers` (
//!   [CC-SUB]).
//! * Copilot `mcp-servers`: a map from server name to `{type, command, args, env, url,
//!   headers, tools}`, `type` `local`/`stdio`/`http`/`sse`, secrets as `${{ secrets.X }}`; read
//!   by the cloud agent only (–#10 [GH-AGENTS-CFG]).
//! * Gemini CLI `mcpServers`: a map from server name to its configuration (
//!   [GEM-SUB]); the configuration's fields are those of `settings.json`: `command`, `args`,
//!   `env`, `cwd` (stdio), `url` (SSE), `httpUrl` (streamable HTTP), `headers`,
//!   `includeTools`, `excludeTools`, `timeout`, `trust` (Gemini CLI `docs/tools/mcp-server.md`,
//!   [CC-SUB]).
//! * Codex `mcp_servers`: a table from server name to its configuration (
//!   [CODEX-SUB]); the fields are those of `config.toml`: `command`, `args`, `env`, `cwd`
//!   (stdio) or `url`, `bearer_token_env_var`, `http_headers` (streamable HTTP; Codex has no
//!   SSE or WebSocket transport), `enabled_tools`, `disabled_tools`, timeouts
//!   [CODEX-MCP].
//!
//! OpenCode and Cursor configure MCP servers for the whole project, not per agent [OC-AGENTS], [CUR-SUB].

use crate::convert::emit::{Y, last_of_each_key};
use crate::document::{Node, Value};
use crate::tools::Tool;

/// How the client talks to a server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transport {
    /// A local process on stdin/stdout (Claude `stdio`, Copilot `local`/`stdio`).
    Stdio,
    /// Streamable HTTP (Claude/Copilot `http`, Gemini `httpUrl`, Codex `url`).
    Http,
    /// Server-sent events (Claude/Copilot `sse`, Gemini `url`).
    Sse,
    /// WebSocket (Claude `ws`).
    Ws,
}

impl Transport {
    fn claude(self) -> &'static str {
        match self {
            Transport::Stdio => "stdio",
            Transport::Http => "http",
            Transport::Sse => "sse",
            Transport::Ws => "ws",
        }
    }
}

/// An inline server configuration, in neutral terms. Values are kept as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServerConfig {
    /// The transport; `None` when the `type` value is not one agentfmt knows (see
    /// [`ServerConfig::unknown_type`]).
    pub transport: Option<Transport>,
    /// A `type` value no tool documents (`streamable-http`).
    pub unknown_type: Option<String>,
    /// The command of a stdio server.
    pub command: Option<String>,
    /// Its arguments.
    pub args: Vec<String>,
    /// Environment variables, in source order.
    pub env: Vec<(String, String)>,
    /// The working directory (Gemini CLI and Codex only).
    pub cwd: Option<String>,
    /// The URL of a remote server.
    pub url: Option<String>,
    /// HTTP headers, in source order.
    pub headers: Vec<(String, String)>,
    /// The server's tools the agent may use (Copilot `tools`, Gemini `includeTools`, Codex
    /// `enabled_tools`); `None` for all of them.
    pub tools: Option<Vec<String>>,
    /// Keys with no neutral meaning (Gemini `trust`, Codex `startup_timeout_sec`), reported
    /// when written for another tool.
    pub other: Vec<String>,
}

/// One server of a subagent's MCP list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct McpServer {
    /// The server name.
    pub name: String,
    /// The inline configuration; `None` for a reference to a server configured elsewhere (a
    /// Claude `mcpServers` string item).
    pub config: Option<ServerConfig>,
}

/// Reads a subagent's MCP field (`mcpServers`, `mcp-servers`, `mcp_servers`) as written for
/// `tool`. Returns the servers in source order and a note for each item that is not
/// understood (a configuration that is not a map) or repeats a server name already read (the
/// first entry of a name is kept); those items are left out. Of a key given twice in one map,
/// the last entry is read, as YAML readers that accept duplicates keep it.
///
/// A list is read as Claude's list and a map as the other tools' map, whichever the tool:
/// a Claude file with a `.mcp.json`-style map still converts (`check` reports its shape).
#[must_use]
pub fn read(tool: Tool, v: &Node) -> (Vec<McpServer>, Vec<String>) {
    let mut servers = Vec::new();
    let mut notes = Vec::new();
    let mut add =
        |name: &str, config: &Node, servers: &mut Vec<McpServer>| match read_config(tool, config) {
            Some(c) => servers.push(McpServer {
                name: name.to_owned(),
                config: Some(c),
            }),
            None => notes.push(format!("server `{name}`: its configuration is not a map")),
        };
    match &v.value {
        Value::Seq(items) => {
            for item in items {
                match &item.value {
                    Value::Map(entries) => {
                        for e in last_of_each_key(entries) {
                            add(&e.key, &e.value, &mut servers);
                        }
                    }
                    _ => {
                        if let Some(n) = item.scalar_text().filter(|n| !n.trim().is_empty()) {
                            servers.push(McpServer {
                                name: n.trim().to_owned(),
                                config: None,
                            });
                        }
                    }
                }
            }
        }
        Value::Map(entries) => {
            for e in last_of_each_key(entries) {
                add(&e.key, &e.value, &mut servers);
            }
        }
        _ => {
            if let Some(n) = v.scalar_text().filter(|n| !n.trim().is_empty()) {
                notes.push(format!("`{n}` is not a list or map of servers"));
            }
        }
    }
    // One server per name: a target's map (and Codex's `[mcp_servers.<name>]` tables) can
    // hold a name once, and two definitions of one server are a mistake in the source.
    let mut seen = std::collections::HashSet::new();
    servers.retain(|s| {
        let first = seen.insert(s.name.clone());
        if !first {
            notes.push(format!(
                "server `{}` is listed more than once; only its first entry is kept",
                s.name
            ));
        }
        first
    });
    (servers, notes)
}

fn texts(v: &Node) -> Vec<String> {
    match &v.value {
        Value::Seq(items) => items.iter().filter_map(Node::scalar_text).collect(),
        _ => v.scalar_text().into_iter().collect(),
    }
}

/// The string entries of a map (`env`, `headers`); of a key given twice, the last.
fn pairs(v: &Node) -> Vec<(String, String)> {
    last_of_each_key(v.entries())
        .into_iter()
        .filter_map(|e| Some((e.key.clone(), e.value.scalar_text()?)))
        .collect()
}

fn read_config(tool: Tool, v: &Node) -> Option<ServerConfig> {
    let Value::Map(entries) = &v.value else {
        return None;
    };
    let mut c = ServerConfig::default();
    let mut seen: Vec<&str> = Vec::new();
    for e in entries.iter().rev() {
        // The last of duplicated keys wins, as YAML readers keep it.
        if seen.contains(&e.key.as_str()) {
            continue;
        }
        seen.push(&e.key);
        let val = &e.value;
        match (tool, e.key.as_str()) {
            (_, "type") => match val.scalar_text().as_deref().map(str::trim) {
                Some("stdio" | "local") => c.transport = Some(Transport::Stdio),
                Some("http") => c.transport = Some(Transport::Http),
                Some("sse") => c.transport = Some(Transport::Sse),
                Some("ws") => c.transport = Some(Transport::Ws),
                Some(other) => c.unknown_type = Some(other.to_owned()),
                None => {}
            },
            (_, "command") => c.command = val.scalar_text(),
            (_, "args") => c.args = texts(val),
            (_, "env") => c.env = pairs(val),
            (Tool::Gemini | Tool::Codex, "cwd") => c.cwd = val.scalar_text(),
            (Tool::Gemini, "httpUrl") => {
                c.url = val.scalar_text();
                c.transport.get_or_insert(Transport::Http);
            }
            (_, "url") => c.url = c.url.take().or_else(|| val.scalar_text()),
            (Tool::Codex, "http_headers")
            | (Tool::Claude | Tool::Copilot | Tool::Gemini, "headers") => {
                c.headers = pairs(val);
            }
            (Tool::Copilot, "tools")
            | (Tool::Gemini, "includeTools")
            | (Tool::Codex, "enabled_tools") => {
                let t = texts(val);
                c.tools = (t != ["*"]).then_some(t);
            }
            (_, k) => c.other.insert(0, k.to_owned()),
        }
    }
    if c.transport.is_none() && c.unknown_type.is_none() {
        // No `type`: a command means a local process; a URL is SSE to Gemini CLI (`url`;
        // `httpUrl` is set above) and streamable HTTP to the others.
        c.transport = if c.command.is_some() {
            Some(Transport::Stdio)
        } else if c.url.is_some() {
            Some(if tool == Tool::Gemini {
                Transport::Sse
            } else {
                Transport::Http
            })
        } else {
            None
        };
    }
    Some(c)
}

/// What [`write`] made of the servers for a target tool.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Written {
    /// The value of the target's field, if any server could be written.
    pub value: Option<Y>,
    /// What did not carry over, one note per server or key.
    pub notes: Vec<String>,
}

/// `${{ secrets.X }}` and `${{ vars.X }}` (a GitHub Actions expression, which only Copilot's
/// cloud agent expands [GH-AGENTS-CFG]) as the environment variable `${X}`; `None` when `s`
/// holds no such expression.
fn github_expr_to_env(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = s;
    let mut changed = false;
    while let Some(i) = rest.find("${{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 3..];
        let Some(j) = after.find("}}") else {
            out.push_str(&rest[i..]);
            rest = "";
            break;
        };
        let inner = after[..j].trim();
        let var = inner
            .strip_prefix("secrets.")
            .or_else(|| inner.strip_prefix("vars."))
            .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
        match var {
            Some(v) => {
                out.push_str("${");
                out.push_str(v);
                out.push('}');
                changed = true;
            }
            None => out.push_str(&rest[i..i + 3 + j + 2]),
        }
        rest = &after[j + 2..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// Rewrites every GitHub expression in the strings of `y` with [`github_expr_to_env`];
/// whether any was rewritten.
fn github_exprs_to_env(y: &mut Y) -> bool {
    match y {
        Y::Str(s) => github_expr_to_env(s).map(|x| *s = x).is_some(),
        Y::List(items) => items
            .iter_mut()
            .fold(false, |a, i| github_exprs_to_env(i) | a),
        Y::Map(entries) => entries
            .iter_mut()
            .fold(false, |a, (_, v)| github_exprs_to_env(v) | a),
        _ => false,
    }
}

/// The target's name for a server field, or `None` when it has none.
fn target_key(tool: Tool, what: &str, transport: Transport) -> Option<&'static str> {
    Some(match (tool, what) {
        (_, "command") => "command",
        (_, "args") => "args",
        (_, "env") => "env",
        (Tool::Gemini | Tool::Codex, "cwd") => "cwd",
        (Tool::Gemini, "url") if transport == Transport::Http => "httpUrl",
        (_, "url") => "url",
        (Tool::Codex, "headers") => "http_headers",
        (_, "headers") => "headers",
        (Tool::Copilot, "tools") => "tools",
        (Tool::Gemini, "tools") => "includeTools",
        (Tool::Codex, "tools") => "enabled_tools",
        _ => return None,
    })
}

/// Writes `servers` for a subagent of `tool` (Claude, Copilot, Gemini CLI or Codex; for other
/// tools nothing is written and every server is noted). Every server field the target cannot
/// hold, transport it does not support, and reference to a server configured elsewhere is
/// noted. A Copilot secret `${{ secrets.X }}` becomes `${X}` for the other tools.
#[must_use]
pub fn write(servers: &[McpServer], tool: Tool) -> Written {
    let mut w = Written::default();
    let why_none = match tool {
        Tool::Claude | Tool::Copilot | Tool::Gemini | Tool::Codex => None,
        Tool::Cursor => Some("Cursor subagents use the MCP servers of the parent agent"),
        Tool::Opencode => Some("OpenCode configures MCP servers for the project, not per agent"),
        _ => Some("the target has no subagents"),
    };
    if let Some(why) = why_none {
        w.notes.push(why.to_owned());
        return w;
    }
    let mut list: Vec<Y> = Vec::new();
    let mut map: Vec<(String, Y)> = Vec::new();
    let mut inline = false;
    let mut references: Vec<String> = Vec::new();
    for s in servers {
        let name = &s.name;
        let Some(c) = &s.config else {
            if tool == Tool::Claude {
                list.push(Y::s(name));
            } else {
                references.push(format!("`{name}`"));
            }
            continue;
        };
        let Some(t) = c.transport else {
            let why = c.unknown_type.as_deref().map_or_else(
                || "it has neither a `command` nor a `url`".to_owned(),
                |x| format!("`type: {x}` is not a transport agentfmt knows"),
            );
            w.notes.push(format!("server `{name}` dropped: {why}"));
            continue;
        };
        let supported = match tool {
            Tool::Copilot => t != Transport::Ws,
            Tool::Gemini => t != Transport::Ws,
            Tool::Codex => matches!(t, Transport::Stdio | Transport::Http),
            _ => true,
        };
        if !supported {
            w.notes.push(format!(
                "server `{name}` dropped: the target has no `{}` transport",
                t.claude()
            ));
            continue;
        }
        let mut fields: Vec<(String, Y)> = Vec::new();
        match tool {
            Tool::Claude => fields.push(("type".into(), Y::s(t.claude()))),
            Tool::Copilot => fields.push((
                "type".into(),
                Y::s(if t == Transport::Stdio {
                    "local"
                } else {
                    t.claude()
                }),
            )),
            _ => {}
        }
        let remote = t != Transport::Stdio;
        let pairs = |p: &[(String, String)]| {
            (!p.is_empty()).then(|| Y::Map(p.iter().map(|(k, v)| (k.clone(), Y::s(v))).collect()))
        };
        // Each field, its value if set, and whether it applies to the transport.
        let entries = [
            ("command", c.command.clone().map(Y::Str), !remote),
            (
                "args",
                (!c.args.is_empty()).then(|| Y::strs(c.args.clone())),
                !remote,
            ),
            ("env", pairs(&c.env), true),
            ("cwd", c.cwd.clone().map(Y::Str), !remote),
            ("url", c.url.clone().map(Y::Str), remote),
            ("headers", pairs(&c.headers), remote),
        ];
        let mut secrets = false;
        for (what, v, applies) in entries {
            let Some(mut v) = v else {
                continue;
            };
            if !applies {
                w.notes.push(format!(
                    "server `{name}`: `{what}` is not kept (it does not apply to a {} server)",
                    t.claude()
                ));
                continue;
            }
            let Some(k) = target_key(tool, what, t) else {
                w.notes
                    .push(format!("server `{name}`: `{what}` is not kept"));
                continue;
            };
            if tool != Tool::Copilot {
                secrets |= github_exprs_to_env(&mut v);
            }
            fields.push((k.to_owned(), v));
        }
        match (&c.tools, tool) {
            (Some(list), _) => {
                match target_key(tool, "tools", t) {
                    Some(k) => fields.push((k.to_owned(), Y::strs(list.clone()))),
                    None => w.notes.push(format!(
                        "server `{name}`: its tool list is not kept (list `mcp__{name}__<tool>` in `tools` instead)"
                    )),
                }
            }
            // The cloud agent's examples always list the server's tools .
            (None, Tool::Copilot) => fields.push(("tools".into(), Y::strs(["*"]))),
            (None, _) => {}
        }
        for k in &c.other {
            w.notes.push(format!("server `{name}`: `{k}` is not kept"));
        }
        if secrets {
            w.notes.push(format!(
                "server `{name}`: GitHub secrets `${{{{ secrets.X }}}}` become environment variables `${{X}}`"
            ));
        }
        inline = true;
        if tool == Tool::Claude {
            list.push(Y::Map(vec![(name.clone(), Y::Map(fields))]));
        } else {
            map.push((name.clone(), Y::Map(fields)));
        }
    }
    if !references.is_empty() {
        let whence = match tool {
            Tool::Copilot => "the MCP configuration of VS Code or the repository",
            Tool::Gemini => "`settings.json`",
            _ => "`config.toml`",
        };
        let (verb, what) = if references.len() == 1 {
            ("names", "a server")
        } else {
            ("name", "servers")
        };
        w.notes.insert(
            0,
            format!(
                "{} {verb} {what} configured elsewhere; the agent uses the servers of {whence}",
                references.join(", ")
            ),
        );
    }
    if inline && tool == Tool::Copilot {
        w.notes
            .push("`mcp-servers` is read by the Copilot cloud agent; VS Code ignores it".into());
    }
    w.value = match tool {
        Tool::Claude => (!list.is_empty()).then_some(Y::List(list)),
        _ => (!map.is_empty()).then_some(Y::Map(map)),
    };
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::yaml;

    fn node(src: &str) -> Node {
        let (n, d) = yaml::load(src, 0).expect("valid YAML");
        assert!(d.is_empty(), "{d:?}");
        n.expect("a value")
    }

    #[test]
    fn secrets_become_environment_variables() {
        assert_eq!(
            github_expr_to_env("Bearer ${{ secrets.API_KEY }}").as_deref(),
            Some("Bearer ${API_KEY}")
        );
        assert_eq!(
            github_expr_to_env("${{vars.X}}-${{ secrets.Y }}").as_deref(),
            Some("${X}-${Y}")
        );
        assert_eq!(github_expr_to_env("${{ github.token }}"), None);
        assert_eq!(github_expr_to_env("${{ secrets.X"), None);
        assert_eq!(github_expr_to_env("$HOME"), None);
    }

    #[test]
    fn claude_list_reads_references_and_inline_servers() {
        let v = node(
            "- github\n- local:\n    type: stdio\n    command: npx\n    args: [-y, srv]\n    env: {K: v}\n",
        );
        let (s, notes) = read(Tool::Claude, &v);
        assert!(notes.is_empty());
        assert_eq!(
            s[0],
            McpServer {
                name: "github".into(),
                config: None
            }
        );
        let c = s[1].config.as_ref().unwrap();
        assert_eq!(c.transport, Some(Transport::Stdio));
        assert_eq!(c.command.as_deref(), Some("npx"));
        assert_eq!(c.args, ["-y", "srv"]);
        assert_eq!(c.env, [("K".to_owned(), "v".to_owned())]);
    }

    #[test]
    fn a_server_listed_twice_is_kept_once() {
        // Found by the convert fuzzer (round 17): Codex got two `[mcp_servers.postgres]` tables.
        let v = node(
            "- postgres\n- postgres:\n    command: a\n- postgres:\n    command: b\n- db:\n    command: c\n",
        );
        let (s, notes) = read(Tool::Claude, &v);
        let names: Vec<&str> = s.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["postgres", "db"]);
        assert_eq!(s[0].config, None);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(
            notes[0].contains("`postgres` is listed more than once"),
            "{notes:?}"
        );
        let w = write(&s, Tool::Codex);
        let Some(Y::Map(m)) = &w.value else {
            panic!("{:?}", w.value)
        };
        assert_eq!(m.len(), 1, "{m:?}");
        // A key given twice in a map is the last one, as YAML readers keep it: not a repeat.
        let (v, d) = yaml::load("db:\n  command: a\ndb:\n  command: b\n", 0).unwrap();
        assert_eq!(d.len(), 1, "the duplicate key: {d:?}");
        let (s, notes) = read(Tool::Copilot, &v.unwrap());
        assert_eq!(notes, Vec::<String>::new());
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].config.as_ref().unwrap().command.as_deref(), Some("b"));
    }

    #[test]
    fn an_env_key_given_twice_is_written_once() {
        // Found by the convert fuzzer (round 18): Codex got `env = { K = "a", K = "b" }`.
        let src = "- db:\n    command: c\n    env:\n      K: a\n      L: l\n      K: b\n    headers: {H: g, H: h}\n";
        let (v, d) = yaml::load(src, 0).expect("valid YAML");
        assert_eq!(d.len(), 2, "the duplicate keys: {d:?}");
        let (s, _) = read(Tool::Claude, &v.unwrap());
        let c = s[0].config.as_ref().unwrap();
        let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());
        assert_eq!(c.env, [pair("L", "l"), pair("K", "b")]);
        assert_eq!(c.headers, [pair("H", "h")]);
        let w = write(&s, Tool::Codex);
        let text = crate::convert::emit::toml_value(&w.value.unwrap()).unwrap();
        assert_eq!(text.matches("K = ").count(), 1, "{text}");
    }

    #[test]
    fn gemini_url_is_sse_and_http_url_is_streamable_http() {
        let v = node(
            "a: {url: 'http://x/sse'}\nb: {httpUrl: 'http://x/mcp', includeTools: [t1]}\nc: {command: s, trust: true}\n",
        );
        let (s, _) = read(Tool::Gemini, &v);
        let t: Vec<_> = s
            .iter()
            .map(|s| s.config.as_ref().unwrap().transport)
            .collect();
        assert_eq!(
            t,
            [
                Some(Transport::Sse),
                Some(Transport::Http),
                Some(Transport::Stdio)
            ]
        );
        assert_eq!(
            s[1].config.as_ref().unwrap().tools.as_deref(),
            Some(&["t1".to_owned()][..])
        );
        assert_eq!(s[2].config.as_ref().unwrap().other, ["trust"]);
    }

    #[test]
    fn copilot_to_claude_translates_type_and_secrets() {
        let v = node(
            "ctx:\n  type: http\n  url: https://x/mcp\n  headers: {KEY: '${{ secrets.CTX }}'}\n  tools: ['*']\nloc:\n  type: local\n  command: node\n  args: [s.js]\n",
        );
        let (s, _) = read(Tool::Copilot, &v);
        let w = write(&s, Tool::Claude);
        assert_eq!(
            w.value,
            Some(Y::List(vec![
                Y::Map(vec![(
                    "ctx".into(),
                    Y::Map(vec![
                        ("type".into(), Y::s("http")),
                        ("url".into(), Y::s("https://x/mcp")),
                        (
                            "headers".into(),
                            Y::Map(vec![("KEY".into(), Y::s("${CTX}"))])
                        ),
                    ])
                )]),
                Y::Map(vec![(
                    "loc".into(),
                    Y::Map(vec![
                        ("type".into(), Y::s("stdio")),
                        ("command".into(), Y::s("node")),
                        ("args".into(), Y::strs(["s.js"])),
                    ])
                )]),
            ]))
        );
        assert_eq!(w.notes.len(), 1, "{:?}", w.notes);
        assert!(w.notes[0].contains("secrets"));
    }

    #[test]
    fn claude_to_each_target() {
        let v = node(
            "- github\n- ws: {type: ws, url: 'ws://x'}\n- ev: {type: sse, url: 'http://x/sse'}\n- loc: {command: npx, args: [a]}\n",
        );
        let (s, _) = read(Tool::Claude, &v);
        let gem = write(&s, Tool::Gemini);
        let Some(Y::Map(m)) = &gem.value else {
            panic!("{gem:?}")
        };
        let names: Vec<&str> = m.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["ev", "loc"]);
        assert_eq!(m[0].1, Y::Map(vec![("url".into(), Y::s("http://x/sse"))]));
        assert!(
            gem.notes
                .iter()
                .any(|n| n.contains("`github` names a server"))
        );
        assert!(gem.notes.iter().any(|n| n.contains("`ws` dropped")));
        let codex = write(&s, Tool::Codex);
        let Some(Y::Map(m)) = &codex.value else {
            panic!("{codex:?}")
        };
        assert_eq!(m.len(), 1, "Codex has no SSE or WebSocket transport");
        let cop = write(&s, Tool::Copilot);
        let Some(Y::Map(m)) = &cop.value else {
            panic!("{cop:?}")
        };
        assert_eq!(
            m[1].1,
            Y::Map(vec![
                ("type".into(), Y::s("local")),
                ("command".into(), Y::s("npx")),
                ("args".into(), Y::strs(["a"])),
                ("tools".into(), Y::strs(["*"])),
            ])
        );
        let cur = write(&s, Tool::Cursor);
        assert_eq!(cur.value, None);
        assert_eq!(cur.notes.len(), 1);
    }

    #[test]
    fn a_config_that_is_not_a_map_is_noted() {
        let (s, notes) = read(Tool::Copilot, &node("a: x\nb: {command: c}\n"));
        assert_eq!(s.len(), 1);
        assert_eq!(notes, ["server `a`: its configuration is not a map"]);
    }
}
