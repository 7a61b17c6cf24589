//! `agentfmt lsp` driven over stdio by a minimal client: initialize, didOpen, diagnostics with
//! exact ranges, formatting, code actions, hover, completion, didChange, shutdown.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{Value, json};

struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: mpsc::Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(root: &std::path::Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_agentfmt"))
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("agentfmt lsp starts");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            loop {
                let mut len = 0usize;
                loop {
                    let mut line = String::new();
                    if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        len = n.parse().unwrap();
                    }
                }
                let mut body = vec![0; len];
                stdout.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        Self {
            child,
            stdin,
            rx,
            next_id: 1,
        }
    }

    fn send(&mut self, msg: &Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn recv(&self) -> Value {
        self.rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the server answers within 30 s")
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.recv();
            if m["id"] == id {
                assert!(m.get("error").is_none(), "{method}: {m}");
                return m["result"].clone();
            }
        }
    }

    /// The next `publishDiagnostics` for `uri`.
    fn diagnostics(&self, uri: &str) -> Vec<Value> {
        loop {
            let m = self.recv();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }
}

fn uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

const AGENT: &str = "---\nname: reviewer\ndescription: Use when: asked to review\nmodl: sonnet\n---\nReview the diff.\n";

#[test]
fn stdio_session() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().canonicalize().unwrap();
    let agents = root.join(".claude/agents");
    std::fs::create_dir_all(&agents).unwrap();
    let file = agents.join("reviewer.md");
    std::fs::write(&file, AGENT).unwrap();
    // On disk only: a second subagent with the same name, and a skill for completion.
    std::fs::write(
        agents.join("other.md"),
        "---\nname: reviewer\ndescription: Also reviews\n---\nReview.\n",
    )
    .unwrap();
    let skill = root.join(".claude/skills/release-notes");
    std::fs::create_dir_all(&skill).unwrap();
    std::fs::write(
        skill.join("SKILL.md"),
        "---\nname: release-notes\ndescription: Writes release notes\n---\nWrite them.\n",
    )
    .unwrap();
    let file_uri = uri(&file);

    let mut c = Client::start(&root);
    let init = c.request(
        "initialize",
        json!({"processId": null, "rootUri": uri(&root), "capabilities": {}}),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "agentfmt");
    c.notify("initialized", json!({}));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": file_uri, "languageId": "markdown", "version": 1, "text": AGENT}}),
    );
    let diags = c.diagnostics(&file_uri);
    let summary: Vec<(String, Value)> = diags
        .iter()
        .map(|d| (d["code"].as_str().unwrap().to_owned(), d["range"].clone()))
        .collect();
    let range = |l1: u32, c1: u32, l2: u32, c2: u32| json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}});
    assert!(
        summary.contains(&("AF105".into(), range(3, 0, 3, 4))),
        "unknown key `modl` at line 4: {summary:?}"
    );
    assert!(
        summary.iter().any(|(c, _)| c == "AF011"),
        "strict-yaml: {summary:?}"
    );
    let dup = diags
        .iter()
        .find(|d| d["code"] == "AF118")
        .expect("duplicate-name from disk");
    assert_eq!(dup["range"], range(1, 6, 1, 14));
    assert_eq!(
        dup["codeDescription"]["href"],
        "https://agentfmt.dev/rules#duplicate-name"
    );

    // Formatting: one edit of the whole text, quoting the description.
    let edits = c.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": file_uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let edits = edits.as_array().unwrap();
    assert_eq!(edits.len(), 1);
    assert!(
        edits[0]["newText"]
            .as_str()
            .unwrap()
            .contains("description: 'Use when: asked to review'"),
        "{edits:?}"
    );

    // Code actions on the unknown key: the unsafe rename, an inline suppression, fix all.
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": file_uri}, "range": range(3, 1, 3, 1), "context": {"diagnostics": []}}),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Fix AF105 (unsafe: review)")),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Ignore AF105 (unknown-key) here"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Fix all safe problems (agentfmt)"),
        "{titles:?}"
    );
    let rename = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Fix AF105"))
        .unwrap();
    let edit = &rename["edit"]["changes"][&file_uri][0];
    assert_eq!(edit["range"], range(3, 0, 3, 4));
    assert_eq!(edit["newText"], "model");
    let ignore = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Ignore AF105 (unknown-key) here")
        .unwrap();
    let edit = &ignore["edit"]["changes"][&file_uri][0];
    assert_eq!(edit["range"], range(3, 12, 3, 12));
    assert_eq!(edit["newText"], " # agentfmt: ignore[AF105]");

    // Hover on a key: the schema's documentation with its source.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": file_uri}, "position": {"line": 1, "character": 2}}),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.starts_with("**`name`** (claude-agent)"), "{value}");
    assert!(
        value.contains("https://code.claude.com/docs/en/sub-agents"),
        "{value}"
    );

    // didChange: a new key line; completion offers the keys not yet used, and the values of
    // `model` and `skills`.
    let changed = "---\nname: reviewer\ndescription: 'Use when: asked to review'\nmo\nskills: \n---\nReview the diff.\n";
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": file_uri, "version": 2}, "contentChanges": [{"text": changed}]}),
    );
    let diags = c.diagnostics(&file_uri);
    assert!(
        diags.iter().all(|d| d["code"] != "AF105"),
        "`modl` is gone: {diags:?}"
    );
    let labels = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_owned())
            .collect()
    };
    let keys = labels(&c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": file_uri}, "position": {"line": 3, "character": 2}}),
    ));
    assert!(keys.contains(&"model".to_owned()), "{keys:?}");
    assert!(
        !keys.contains(&"name".to_owned()),
        "`name` is present: {keys:?}"
    );
    let skills = labels(&c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": file_uri}, "position": {"line": 4, "character": 8}}),
    ));
    assert_eq!(skills, ["release-notes"]);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": file_uri, "version": 3}, "contentChanges": [{"text": "---\nname: reviewer\ndescription: d\nmodel: \n---\nBody.\n"}]}),
    );
    c.diagnostics(&file_uri);
    let models = labels(&c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": file_uri}, "position": {"line": 3, "character": 7}}),
    ));
    assert!(models.contains(&"sonnet".to_owned()), "{models:?}");
    assert!(models.contains(&"inherit".to_owned()), "{models:?}");

    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    let status = c.child.wait().unwrap();
    assert!(status.success());
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().canonicalize().unwrap();
    let agents = root.join(".claude/agents");
    std::fs::create_dir_all(&agents).unwrap();
    let file = agents.join("é.md");
    let text = "---\nname: é\ndescription: ünïcode 😀\ncolör: x\n---\nBody.\n";
    let mut c = Client::start(&root);
    let init = c.request(
        "initialize",
        json!({"processId": null, "rootUri": uri(&root),
               "capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}}}),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    c.notify("initialized", json!({}));
    let file_uri = format!("file://{}", root.join(".claude/agents/%C3%A9.md").display());
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": file_uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let diags = c.diagnostics(&file_uri);
    let unknown = diags
        .iter()
        .find(|d| d["code"] == "AF105")
        .expect("colör is unknown");
    assert_eq!(
        unknown["range"],
        json!({"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 6}})
    );
    drop(file);
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert!(c.child.wait().unwrap().success());
}

#[test]
fn config_reload_on_a_watched_change_and_range_formatting() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().canonicalize().unwrap();
    let agents = root.join(".claude/agents");
    std::fs::create_dir_all(&agents).unwrap();
    let file = agents.join("reviewer.md");
    let text =
        "---\nname: reviewer\ndescription: Use when: asked\ncolour: green\n---\n\n\n\nReview.\n";
    std::fs::write(&file, text).unwrap();
    let file_uri = uri(&file);
    let mut c = Client::start(&root);
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": uri(&root),
               "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}}),
    );
    c.notify("initialized", json!({}));
    // The server registers its file watchers; answer it.
    let reg = loop {
        let m = c.recv();
        if m["method"] == "client/registerCapability" {
            break m;
        }
    };
    let globs: Vec<&str> = reg["params"]["registrations"][0]["registerOptions"]["watchers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["globPattern"].as_str().unwrap())
        .collect();
    assert!(globs.contains(&"**/agentfmt.toml"), "{globs:?}");
    c.send(&json!({"jsonrpc": "2.0", "id": reg["id"], "result": null}));

    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": file_uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let codes = |d: &[Value]| -> Vec<String> {
        d.iter()
            .map(|d| d["code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(codes(&c.diagnostics(&file_uri)).contains(&"AF105".to_owned()));
    let config = root.join("agentfmt.toml");
    std::fs::write(&config, "[rules]\nunknown-key = \"off\"\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&config), "type": 1}]}),
    );
    let after = codes(&c.diagnostics(&file_uri));
    assert!(!after.contains(&"AF105".to_owned()), "{after:?}");
    assert!(after.contains(&"AF011".to_owned()), "{after:?}");

    // Range formatting of the description line: only that line's change, not the blank
    // lines further down that whole-file formatting also collapses.
    let range = json!({"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 5}});
    let edits = c.request(
        "textDocument/rangeFormatting",
        json!({"textDocument": {"uri": file_uri}, "range": range, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let whole = c.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": file_uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(
        edits,
        json!([{"range": {"start": {"line": 2, "character": 0}, "end": {"line": 3, "character": 0}},
                "newText": "description: 'Use when: asked'\n"}])
    );
    assert_ne!(
        whole[0]["newText"].as_str().unwrap(),
        text.replace("Use when: asked", "'Use when: asked'"),
        "whole-file formatting also changes the blank lines"
    );
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert!(c.child.wait().unwrap().success());
}

#[test]
fn toml_keys_hover_and_complete() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().canonicalize().unwrap();
    let dir = root.join(".gemini/commands");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("notes.toml");
    let text = "prompt = \"Write the release notes\"\n\n";
    let file_uri = uri(&file);
    let mut c = Client::start(&root);
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": uri(&root), "capabilities": {}}),
    );
    c.notify("initialized", json!({}));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": file_uri, "languageId": "toml", "version": 1, "text": text}}),
    );
    let diags = c.diagnostics(&file_uri);
    assert!(
        diags.iter().any(|d| d["code"] == "AF101"),
        "description is recommended: {diags:?}"
    );
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": file_uri}, "position": {"line": 0, "character": 3}}),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(
        value.starts_with("**`prompt`** (gemini-command)"),
        "{value}"
    );
    let items = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": file_uri}, "position": {"line": 1, "character": 0}}),
    );
    let item = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "description")
        .unwrap_or_else(|| panic!("description is offered: {items}"));
    assert_eq!(item["insertText"], "description = ");
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert!(c.child.wait().unwrap().success());
}
