// The agentfmt VS Code extension: starts `agentfmt lsp` for markdown and TOML files.
// Build: `npm install && npx @vscode/vsce package`, then "Install from VSIX".
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("agentfmt").get("path") || "agentfmt";
  client = new LanguageClient(
    "agentfmt",
    "agentfmt",
    { command, args: ["lsp"] },
    {
      documentSelector: [
        { scheme: "file", language: "markdown" },
        { scheme: "file", language: "toml" },
      ],
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher("**/agentfmt.toml"),
      },
    },
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
