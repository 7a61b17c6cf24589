//! Text synchronisation (open, change, save, close) and files changed on disk: what the server
//! holds of each document and of the workspace, and when it publishes diagnostics again.

use lsp_server::{Message, Notification};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;

use super::{Open, Server, convert};

impl Server {
    fn is_config(uri: &lsp::Uri) -> bool {
        uri.as_str().ends_with("/agentfmt.toml")
    }

    pub(super) fn notification(&mut self, n: Notification) -> anyhow::Result<()> {
        use lsp::notification as N;
        match n.method.as_str() {
            N::DidOpenTextDocument::METHOD => {
                let p: lsp::DidOpenTextDocumentParams = serde_json::from_value(n.params)?;
                let uri = p.text_document.uri;
                let Some(path) = convert::uri_to_path(&uri) else {
                    return Ok(());
                };
                let open = Open {
                    logical: self.logical(&path),
                    text: p.text_document.text,
                    version: p.text_document.version,
                };
                self.open.insert(uri.clone(), open);
                if !Self::is_config(&uri) {
                    self.publish(&uri)?;
                }
            }
            N::DidChangeTextDocument::METHOD => {
                let p: lsp::DidChangeTextDocumentParams = serde_json::from_value(n.params)?;
                let uri = p.text_document.uri;
                if let (Some(open), Some(change)) = (
                    self.open.get_mut(&uri),
                    p.content_changes.into_iter().last(),
                ) {
                    // Full synchronisation: each change holds the whole text.
                    open.text = change.text;
                    open.version = p.text_document.version;
                }
                if !Self::is_config(&uri) {
                    self.publish(&uri)?;
                }
            }
            N::DidSaveTextDocument::METHOD => {
                let p: lsp::DidSaveTextDocumentParams = serde_json::from_value(n.params)?;
                if Self::is_config(&p.text_document.uri) {
                    self.reload_config();
                    self.read_tree();
                } else if let Some(path) = convert::uri_to_path(&p.text_document.uri) {
                    self.refresh_from_disk(&path);
                }
                self.publish_all()?;
            }
            N::DidCloseTextDocument::METHOD => {
                let p: lsp::DidCloseTextDocumentParams = serde_json::from_value(n.params)?;
                self.open.remove(&p.text_document.uri);
                self.conn
                    .sender
                    .send(Message::Notification(Notification::new(
                        N::PublishDiagnostics::METHOD.into(),
                        lsp::PublishDiagnosticsParams {
                            uri: p.text_document.uri,
                            diagnostics: Vec::new(),
                            version: None,
                        },
                    )))?;
            }
            N::DidChangeWatchedFiles::METHOD => {
                let p: lsp::DidChangeWatchedFilesParams = serde_json::from_value(n.params)?;
                if p.changes.iter().any(|c| Self::is_config(&c.uri)) {
                    self.reload_config();
                    self.read_tree();
                } else {
                    for c in &p.changes {
                        if let Some(path) = convert::uri_to_path(&c.uri) {
                            self.refresh_from_disk(&path);
                        }
                    }
                }
                self.publish_all()?;
            }
            _ => {}
        }
        Ok(())
    }
}
