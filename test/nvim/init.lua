-- freebsd-conf in Neovim 0.7 and later, without plugins: the configuration the
-- README's Neovim section shows, run by test/nvim/run.mjs as init.lua (the
-- README writes the server's path out instead of reading FREEBSD_CONF_SERVER).
local server = vim.env.FREEBSD_CONF_SERVER

-- Filetypes named after the extension's language ids, which the server reads.
vim.g.do_filetype_lua = 1 -- Neovim 0.7 applies vim.filetype.add only with this (0.8+ always does)
vim.filetype.add({
  filename = {
    ['rc.conf'] = 'rc-conf', ['rc.conf.local'] = 'rc-conf', ['vendor.conf'] = 'rc-conf',
    ['loader.conf'] = 'loader-conf', ['loader.conf.local'] = 'loader-conf',
    ['sysctl.conf'] = 'sysctl-conf', ['sysctl.conf.local'] = 'sysctl-conf',
    ['pf.conf'] = 'pf-conf',
  },
  pattern = {
    ['.*/rc%.conf%.d/.*'] = 'rc-conf',
    ['.*/loader%.conf%.d/.*%.conf'] = 'loader-conf',
    ['.*/sysctl%.kld%.d/.*%.conf'] = 'sysctl-conf',
  },
})
-- Neovim's own syntax files still colour them.
local syntax = { ['rc-conf'] = 'sh', ['loader-conf'] = 'sh', ['sysctl-conf'] = 'sysctl', ['pf-conf'] = 'pf' }

-- The checks compare every node of the workspace, so the root is the folder holding them all:
-- the one with freebsd-conf.json, else the git repository's, else the current directory.
local function root_of(buf)
  local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ':p:h')
  for _, marker in ipairs({ 'freebsd-conf.json', '.git' }) do
    local found = vim.fn.findfile(marker, dir .. ';') -- .git is a file in a worktree or submodule
    if found == '' then found = vim.fn.finddir(marker, dir .. ';') end
    if found ~= '' then return vim.fn.fnamemodify((vim.fn.fnamemodify(found, ':p'):gsub('/$', '')), ':h') end
  end
  return vim.fn.getcwd()
end

local client_id -- Neovim 0.7: one client, attached to each buffer
vim.api.nvim_create_autocmd('FileType', {
  pattern = vim.tbl_keys(syntax),
  callback = function(args)
    local buf = args.buf
    -- After Neovim's own FileType handler, which would set syntax to the filetype.
    vim.schedule(function()
      if vim.api.nvim_buf_is_valid(buf) then vim.bo[buf].syntax = syntax[vim.bo[buf].filetype] end
    end)
    local config = { name = 'freebsd-conf', cmd = { 'node', server, '--stdio' }, root_dir = root_of(args.buf) }
    if vim.lsp.start then -- 0.8+: starts the server once per root and attaches the buffer
      vim.lsp.start(config)
    else
      client_id = client_id or vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(args.buf, client_id)
    end
  end,
})
