//! `agentfmt lsp` in a real client: Neovim headless with the configuration shipped in
//! `editors/nvim/agentfmt.lua`. Skipped, with a message, when `nvim` is not installed.

use std::path::Path;
use std::process::Command;

const SCRIPT: &str = r#"
local out = vim.env.AGENTFMT_OUT
local function finish(result)
  local f = io.open(out, "w")
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qa!")
end
vim.cmd("filetype on")
dofile(vim.env.AGENTFMT_LUA).setup({ cmd = { vim.env.AGENTFMT_BIN, "lsp" } })
vim.cmd("edit " .. vim.env.AGENTFMT_FILE)
local ok = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local diags = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(diags, { code = code, lnum = d.lnum, col = d.col, source = d.source })
end
local clients = vim.lsp.get_active_clients and vim.lsp.get_active_clients() or vim.lsp.get_clients()
local client = clients[1]
local edits = client and client.request_sync("textDocument/formatting", {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  options = { tabSize = 2, insertSpaces = true },
}, 10000, 0)
if edits and edits.result then
  vim.lsp.util.apply_text_edits(edits.result, 0, "utf-16")
  vim.cmd("write")
end
finish({ ok = ok, diagnostics = diags, formatted = edits and edits.result ~= nil })
"#;

#[test]
#[allow(clippy::print_stderr)] // the skip must be visible in the test output
fn neovim_headless_gets_diagnostics_and_formats() {
    if Command::new("nvim").arg("--version").output().is_err() {
        eprintln!("skipped: nvim is not installed (apt-get install neovim)");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().canonicalize().unwrap();
    std::fs::create_dir(root.join(".git")).unwrap();
    let agents = root.join(".claude/agents");
    std::fs::create_dir_all(&agents).unwrap();
    let file = agents.join("reviewer.md");
    std::fs::write(
        &file,
        "---\nname: reviewer\ndescription: Use when: asked to review\ncolour: green\n---\nReview the diff.\n",
    )
    .unwrap();
    let script = root.join("test.lua");
    std::fs::write(&script, SCRIPT).unwrap();
    let out = root.join("out.json");
    let lua = Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/nvim/agentfmt.lua");
    let status = Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n"])
        .arg("-c")
        .arg(format!("luafile {}", script.display()))
        .current_dir(&root)
        .stdout(std::process::Stdio::null())
        .env("AGENTFMT_OUT", &out)
        .env("AGENTFMT_LUA", &lua)
        .env("AGENTFMT_BIN", env!("CARGO_BIN_EXE_agentfmt"))
        .env("AGENTFMT_FILE", &file)
        .env("XDG_STATE_HOME", root.join("state"))
        .env("XDG_DATA_HOME", root.join("data"))
        .status()
        .expect("nvim runs");
    assert!(status.success());
    let result: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("the script wrote results"))
            .unwrap();
    assert_eq!(result["ok"], true, "diagnostics arrived: {result}");
    let diags = result["diagnostics"].as_array().unwrap();
    let unknown = diags
        .iter()
        .find(|d| d["code"] == "AF105")
        .unwrap_or_else(|| panic!("unknown-key reported: {result}"));
    assert_eq!(unknown["lnum"], 3);
    assert_eq!(unknown["col"], 0);
    assert_eq!(unknown["source"], "agentfmt");
    assert_eq!(result["formatted"], true);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("description: 'Use when: asked to review'"),
        "formatting was applied and written"
    );
}
