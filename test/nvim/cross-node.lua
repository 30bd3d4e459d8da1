-- Drives freebsd-conf's language server from a real Neovim, configured by
-- test/nvim/init.lua (the README's configuration: filetypes named after the
-- extension's language ids; on 0.7 one client from start_client attached to
-- each buffer), and writes what it saw as JSON for test/nvim/run.mjs to judge.
-- It judges nothing itself: a failure here is a field of the JSON, so the
-- runner can say what went wrong.
--
-- Environment (set by run.mjs):
--   FREEBSD_CONF_SERVER   server/out/server.js
--   FREEBSD_CONF_ROOT     a copy of examples/ (the workspace folder)
--   FREEBSD_CONF_RESULT   where to write the JSON
--   FREEBSD_CONF_WAIT_MS  how long to wait for each answer

local server = assert(vim.env.FREEBSD_CONF_SERVER, 'FREEBSD_CONF_SERVER is not set')
local root = assert(vim.env.FREEBSD_CONF_ROOT, 'FREEBSD_CONF_ROOT is not set')
local result_path = assert(vim.env.FREEBSD_CONF_RESULT, 'FREEBSD_CONF_RESULT is not set')
local wait_ms = tonumber(vim.env.FREEBSD_CONF_WAIT_MS or '20000')

local result = { nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch, steps = {} }

local function step(name) table.insert(result.steps, name) end

local function write_result()
  local f = assert(io.open(result_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

-- The raw LSP diagnostics as published, per URI: the code action request needs
-- them as the server sent them. Clients without a handler of their own (init.lua
-- sets none) look the global one up on every message.
local published = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
  published[params.uri] = params.diagnostics
  return default_publish(err, params, ctx, config)
end

local function our_client(bufnr)
  for id, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == 'freebsd-conf' then return id, client end
  end
end

local function rel(uri) return (vim.uri_to_fname(uri):gsub('^' .. vim.pesc(root) .. '/', '')) end

-- What vim.diagnostic shows for a file (open or not), in a form the runner can compare.
local function shown(file)
  local bufnr = vim.uri_to_bufnr(vim.uri_from_fname(root .. '/' .. file))
  return vim.tbl_map(function(d)
    local related = {}
    for _, r in ipairs((d.user_data and d.user_data.lsp and d.user_data.lsp.relatedInformation) or {}) do
      table.insert(related, { file = rel(r.location.uri), line = r.location.range.start.line + 1 })
    end
    return { line = d.lnum + 1, col = d.col + 1, code = d.code, source = d.source, severity = d.severity, message = d.message, related = related }
  end, vim.diagnostic.get(bufnr))
end

local function has_code(file, code)
  for _, d in ipairs(shown(file)) do
    if d.code == code then return true end
  end
  return false
end

local ok, err = pcall(function()
  step('open fw1/etc/rc.conf')
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/fw1/etc/rc.conf'))
  local bufnr = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[bufnr].filetype

  step('wait for the client to start and attach')
  -- A client is listed for its buffers once the server has answered initialize.
  vim.wait(wait_ms, function() return our_client(bufnr) ~= nil end, 20)
  local client_id = our_client(bufnr)
  result.attached = client_id ~= nil
  result.syntax = vim.bo[bufnr].syntax

  step('wait for carp/pass-mismatch on both nodes')
  local started = vim.loop.hrtime()
  result.diagnosticsArrived = vim.wait(wait_ms, function()
    return has_code('fw1/etc/rc.conf', 'carp/pass-mismatch') and has_code('fw2/etc/rc.conf', 'carp/pass-mismatch')
  end, 50)
  result.waitedMs = math.floor((vim.loop.hrtime() - started) / 1e6)
  result.diagnostics = { fw1 = shown('fw1/etc/rc.conf'), fw2 = shown('fw2/etc/rc.conf') }

  step('ask for the code actions of the finding on fw1')
  local uri = vim.uri_from_bufnr(bufnr)
  local target
  for _, d in ipairs(published[uri] or {}) do
    if d.code == 'carp/pass-mismatch' then target = d end
  end
  result.codeActions = {}
  if target then
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
      textDocument = { uri = uri },
      range = target.range,
      context = { diagnostics = { target }, only = { 'quickfix' } },
    }, wait_ms)
    for _, response in pairs(responses or {}) do
      if response.error then result.codeActionError = response.error.message end
      for _, action in ipairs(response.result or {}) do
        local files = {}
        local edit = action.edit or {}
        for changed in pairs(edit.changes or {}) do table.insert(files, rel(changed)) end
        for _, change in ipairs(edit.documentChanges or {}) do
          if change.textDocument then table.insert(files, rel(change.textDocument.uri)) end
        end
        table.sort(files)
        table.insert(result.codeActions, {
          title = action.title,
          kind = action.kind,
          fixes = vim.tbl_map(function(d) return d.code end, action.diagnostics or {}),
          files = files,
        })
      end
    end
  end
  step('done')
end)
if not ok then result.error = tostring(err) end
write_result()
vim.lsp.stop_client(vim.lsp.get_active_clients(), true)
vim.cmd('qall!')
