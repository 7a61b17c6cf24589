-- agentfmt language server for Neovim 0.7 and later, without plugins.
--
--   -- init.lua
--   dofile("/path/to/agentfmt/editors/nvim/agentfmt.lua").setup()
--
-- Options: `cmd` (default { "agentfmt", "lsp" }), `filetypes` (default markdown, toml and the
-- Cursor rule filetype). The root is the nearest directory holding agentfmt.toml or .git.
-- With nvim-lspconfig instead: see the README.
local M = {}

local function root_of(path)
  for _, marker in ipairs({ "agentfmt.toml", ".git" }) do
    local found = vim.fn.finddir(marker, vim.fn.fnamemodify(path, ":p:h") .. ";")
    if found == "" then
      found = vim.fn.findfile(marker, vim.fn.fnamemodify(path, ":p:h") .. ";")
    end
    if found ~= "" then
      return vim.fn.fnamemodify(found, ":p:h:h")
    end
  end
  return vim.fn.getcwd()
end

function M.setup(opts)
  opts = opts or {}
  local cmd = opts.cmd or { "agentfmt", "lsp" }
  local filetypes = opts.filetypes or { "markdown", "toml", "mdc" }
  -- Cursor rules: `.mdc` is markdown with front matter.
  vim.cmd([[autocmd BufNewFile,BufRead *.mdc setfiletype markdown]])
  local clients = {}
  local function attach(bufnr)
    local name = vim.api.nvim_buf_get_name(bufnr)
    if name == "" then
      return
    end
    local root = root_of(name)
    local id = clients[root]
    if not id or not vim.lsp.get_client_by_id(id) then
      id = vim.lsp.start_client({
        name = "agentfmt",
        cmd = cmd,
        root_dir = root,
        workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      })
      clients[root] = id
    end
    if id then
      vim.lsp.buf_attach_client(bufnr, id)
    end
  end
  vim.api.nvim_create_autocmd("FileType", {
    pattern = filetypes,
    callback = function(args)
      attach(args.buf)
    end,
  })
end

return M
