//! `agentfmt lsp`: a language server over stdio (`lsp-server`, the transport rust-analyzer
//! uses, with `lsp-types`): diagnostics on open and change, code actions, formatting, hover
//! and completion, for every kind `check` knows.
//!
//! Rules that compare files (`duplicate-name`) run over every agent file of the workspace,
//! read once at `initialize` and refreshed from the open documents as they change and from
//! disk when a file is saved. `agentfmt.toml` is read from the workspace root and read again
//! when it is saved or changes on disk.

// `lsp_types::Uri` caches its parse in a `Cell`, which clippy takes for a mutable key; its
// `Hash` and `Eq` read the string only.
#![allow(clippy::mutable_key_type)]

mod completion;
mod convert;
mod documents;
mod features;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;

use agentfmt::check;
use agentfmt::config::Config;
use agentfmt::diagnostic::Diagnostic;
use agentfmt::document::Document;
use agentfmt::rules::{Context, tree};

use super::ExitStatus;
use convert::{Encoding, Lines};

/// An open document.
struct Open {
    /// The path relative to the workspace root (or absolute outside it), `/`-separated: what
    /// decides its kind.
    logical: String,
    text: String,
    version: i32,
}

struct Server {
    conn: Connection,
    encoding: Encoding,
    root: PathBuf,
    config: Config,
    open: HashMap<lsp::Uri, Open>,
    /// The workspace's agent files by logical path, for the rules that compare files.
    tree: BTreeMap<String, tree::TreeEntry>,
}

fn exists(p: &str) -> bool {
    Path::new(p).exists()
}

fn context() -> Context<'static> {
    static EXISTS: fn(&str) -> bool = exists;
    static READ: fn(&str) -> Option<String> = super::check::read_text;
    Context {
        file_exists: Some(&EXISTS),
        read_file: Some(&READ),
        git_ignored: None,
    }
}

/// Runs the server on stdin and stdout until the client shuts it down.
///
/// # Errors
/// The transport failed (stdin closed before `initialize`, a malformed message).
pub fn run() -> anyhow::Result<ExitStatus> {
    let (conn, io) = Connection::stdio();
    let (id, params) = conn.initialize_start()?;
    let init: lsp::InitializeParams = serde_json::from_value(params).context("initialize")?;
    let encoding = if init
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|e| e.contains(&lsp::PositionEncodingKind::UTF8))
    {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    #[allow(deprecated)] // `root_uri` for clients without workspace folders
    let root = init
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| f.uri.clone())
        .or(init.root_uri.clone())
        .and_then(|u| convert::uri_to_path(&u))
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("."));
    // Rules resolve references relative to the current directory, as in `check`.
    let _ = std::env::set_current_dir(&root);
    let watch_files = init
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    let caps = lsp::ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
            Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::FULL),
                save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
                ..lsp::TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![
                    lsp::CodeActionKind::QUICKFIX,
                    lsp::CodeActionKind::new("source.fixAll.agentfmt"),
                ]),
                ..lsp::CodeActionOptions::default()
            },
        )),
        document_formatting_provider: Some(lsp::OneOf::Left(true)),
        document_range_formatting_provider: Some(lsp::OneOf::Left(true)),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec![":".into(), " ".into(), ",".into()]),
            ..lsp::CompletionOptions::default()
        }),
        ..lsp::ServerCapabilities::default()
    };
    conn.initialize_finish(
        id,
        serde_json::json!({
            "capabilities": caps,
            "serverInfo": {"name": "agentfmt", "version": env!("CARGO_PKG_VERSION")},
        }),
    )?;
    let mut server = Server {
        conn,
        encoding,
        root,
        config: Config::default(),
        open: HashMap::new(),
        tree: BTreeMap::new(),
    };
    server.reload_config();
    server.read_tree();
    if watch_files {
        server.watch_files()?;
    }
    server.main_loop()?;
    drop(server);
    io.join()?;
    Ok(ExitStatus::Success)
}

impl Server {
    /// Asks the client to report changes on disk to `agentfmt.toml` and to agent files (a
    /// `git checkout`, another editor), which change the configuration and the names the
    /// rules compare.
    fn watch_files(&self) -> anyhow::Result<()> {
        let watchers: Vec<lsp::FileSystemWatcher> = ["**/agentfmt.toml", "**/*.{md,mdc,toml}"]
            .into_iter()
            .map(|g| lsp::FileSystemWatcher {
                glob_pattern: lsp::GlobPattern::String(g.into()),
                kind: None,
            })
            .collect();
        let params = lsp::RegistrationParams {
            registrations: vec![lsp::Registration {
                id: "agentfmt-watched-files".into(),
                method: lsp::notification::DidChangeWatchedFiles::METHOD.into(),
                register_options: Some(serde_json::to_value(
                    lsp::DidChangeWatchedFilesRegistrationOptions { watchers },
                )?),
            }],
        };
        self.conn.sender.send(Message::Request(Request::new(
            RequestId::from("agentfmt-register".to_owned()),
            lsp::request::RegisterCapability::METHOD.into(),
            params,
        )))?;
        Ok(())
    }

    fn main_loop(&mut self) -> anyhow::Result<()> {
        while let Ok(msg) = self.conn.receiver.recv() {
            match msg {
                Message::Request(req) => {
                    if self.conn.handle_shutdown(&req)? {
                        return Ok(());
                    }
                    self.request(req)?;
                }
                Message::Notification(n) => self.notification(n)?,
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    /// Reads `agentfmt.toml` from the workspace root; a broken one is shown to the user and
    /// the defaults apply.
    fn reload_config(&mut self) {
        let path = self.root.join("agentfmt.toml");
        self.config = match super::load_config(path.is_file().then_some(&path), false) {
            Ok((c, _)) => c,
            Err(e) => {
                self.show(lsp::MessageType::ERROR, format!("agentfmt.toml: {e}"));
                Config::default()
            }
        };
    }

    /// Reads every agent file of the workspace for the rules that compare files.
    fn read_tree(&mut self) {
        let inputs =
            super::walk::collect(std::slice::from_ref(&self.root), &self.config, &self.root);
        self.tree.clear();
        for input in inputs {
            if let super::walk::Input::File { path, .. } = input {
                self.refresh_from_disk(&path);
            }
        }
    }

    fn logical(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/")
    }

    fn refresh_from_disk(&mut self, path: &Path) {
        let logical = self.logical(path);
        let entry = super::files::read(path)
            .ok()
            .and_then(|bytes| check::load(&bytes, &logical, None).ok())
            .and_then(|(doc, _)| tree::entry(&doc));
        match entry {
            Some(e) => self.tree.insert(logical, e),
            None => self.tree.remove(&logical),
        };
    }

    fn show(&self, typ: lsp::MessageType, message: String) {
        let _ = self
            .conn
            .sender
            .send(Message::Notification(Notification::new(
                lsp::notification::ShowMessage::METHOD.into(),
                lsp::ShowMessageParams { typ, message },
            )));
    }

    /// The parsed document and its diagnostics (the file's own and those of the rules that
    /// compare files), for an open document.
    fn analyse(&self, open: &Open) -> Option<(Document, Vec<Diagnostic>)> {
        let (doc, parse_diags) = check::load(open.text.as_bytes(), &open.logical, None).ok()?;
        let mut diags = check::validate(&doc, parse_diags, &context(), &self.config);
        // The workspace's entries with this document's current text in place of the disk's.
        let mut entries: Vec<Option<tree::TreeEntry>> = Vec::with_capacity(self.tree.len() + 1);
        let mut me = None;
        for (path, e) in &self.tree {
            if *path != open.logical {
                entries.push(Some(e.clone()));
            }
        }
        if let Some(e) = tree::entry(&doc) {
            me = Some(entries.len());
            entries.push(Some(e));
        }
        let mut found: Vec<Diagnostic> = tree::check(&entries)
            .into_iter()
            .filter(|(i, _)| Some(*i) == me)
            .map(|(_, d)| d)
            .collect();
        if !found.is_empty() {
            check::suppress::Suppressions::parse(&doc).apply(&mut found);
            diags.extend(found);
            diags = check::finish(&open.logical, diags, &self.config);
        }
        Some((doc, diags))
    }

    fn publish(&self, uri: &lsp::Uri) -> anyhow::Result<()> {
        let Some(open) = self.open.get(uri) else {
            return Ok(());
        };
        let lines = Lines::new(&open.text, self.encoding);
        let diagnostics = self
            .analyse(open)
            .map(|(_, diags)| {
                diags
                    .iter()
                    .map(|d| convert::diagnostic(d, &lines, uri))
                    .collect()
            })
            .unwrap_or_default();
        self.conn
            .sender
            .send(Message::Notification(Notification::new(
                lsp::notification::PublishDiagnostics::METHOD.into(),
                lsp::PublishDiagnosticsParams {
                    uri: uri.clone(),
                    diagnostics,
                    version: Some(open.version),
                },
            )))?;
        Ok(())
    }

    fn publish_all(&self) -> anyhow::Result<()> {
        for uri in self.open.keys() {
            self.publish(uri)?;
        }
        Ok(())
    }

    fn request(&mut self, req: Request) -> anyhow::Result<()> {
        use lsp::request as R;
        let result = match req.method.as_str() {
            R::Formatting::METHOD => {
                let p: lsp::DocumentFormattingParams = serde_json::from_value(req.params)?;
                self.with_doc(&p.text_document.uri, |s, open, doc, _| {
                    let lines = Lines::new(&open.text, s.encoding);
                    serde_json::to_value(features::formatting(doc, &s.config, &lines))
                })
            }
            R::RangeFormatting::METHOD => {
                let p: lsp::DocumentRangeFormattingParams = serde_json::from_value(req.params)?;
                self.with_doc(&p.text_document.uri, |s, open, doc, _| {
                    let lines = Lines::new(&open.text, s.encoding);
                    serde_json::to_value(features::range_formatting(
                        doc, &s.config, &lines, p.range,
                    ))
                })
            }
            R::CodeActionRequest::METHOD => {
                let p: lsp::CodeActionParams = serde_json::from_value(req.params)?;
                let uri = p.text_document.uri.clone();
                self.with_doc(&uri, |s, open, doc, diags| {
                    let lines = Lines::new(&open.text, s.encoding);
                    // Fixing re-runs every rule: only when there is a safe fix to apply.
                    let all = diags
                        .iter()
                        .any(|d| check::fix::fixable(d, false))
                        .then(|| features::fix_all(doc, &context(), &s.config))
                        .flatten();
                    serde_json::to_value(features::code_actions(
                        doc, diags, &uri, p.range, &lines, all,
                    ))
                })
            }
            R::HoverRequest::METHOD => {
                let p: lsp::HoverParams = serde_json::from_value(req.params)?;
                let pos = p.text_document_position_params;
                self.with_doc(&pos.text_document.uri, |s, open, doc, diags| {
                    let lines = Lines::new(&open.text, s.encoding);
                    let offset = lines.offset(pos.position);
                    serde_json::to_value(features::hover(doc, diags, offset, &lines))
                })
            }
            R::Completion::METHOD => {
                let p: lsp::CompletionParams = serde_json::from_value(req.params)?;
                let pos = p.text_document_position;
                let names = self.names();
                self.with_doc(&pos.text_document.uri, |s, open, doc, _| {
                    let lines = Lines::new(&open.text, s.encoding);
                    let offset = lines.offset(pos.position);
                    serde_json::to_value(completion::completion(doc, offset, &names))
                })
            }
            _ => {
                return self.respond(
                    req.id,
                    Err((
                        lsp_server::ErrorCode::MethodNotFound,
                        "not supported".into(),
                    )),
                );
            }
        };
        let result = result.map_err(|e| (lsp_server::ErrorCode::InternalError, e.to_string()));
        self.respond(req.id, result)
    }

    /// Runs `f` on the open document at `uri` (`null` when it is not open or not text).
    fn with_doc(
        &self,
        uri: &lsp::Uri,
        f: impl FnOnce(&Self, &Open, &Document, &[Diagnostic]) -> serde_json::Result<serde_json::Value>,
    ) -> serde_json::Result<serde_json::Value> {
        let Some(open) = self.open.get(uri) else {
            return Ok(serde_json::Value::Null);
        };
        match self.analyse(open) {
            Some((doc, diags)) => f(self, open, &doc, &diags),
            None => Ok(serde_json::Value::Null),
        }
    }

    fn names(&self) -> completion::Names {
        let mut names = completion::Names::default();
        for e in self.tree.values() {
            if let Some(name) = e.name() {
                match e.kind().role() {
                    agentfmt::tools::Role::Agent => names.agents.push(name.to_owned()),
                    agentfmt::tools::Role::Skill => names.skills.push(name.to_owned()),
                    _ => {}
                }
            }
        }
        names.agents.sort();
        names.agents.dedup();
        names.skills.sort();
        names.skills.dedup();
        names
    }

    fn respond(
        &self,
        id: RequestId,
        result: Result<serde_json::Value, (lsp_server::ErrorCode, String)>,
    ) -> anyhow::Result<()> {
        let response = match result {
            Ok(v) => Response::new_ok(id, v),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.conn.sender.send(Message::Response(response))?;
        Ok(())
    }
}
