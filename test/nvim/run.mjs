// The Neovim test: a real `nvim --headless` (Debian 12's 0.7.2 and later)
// runs test/nvim/cross-node.lua, which starts our language server on a copy of
// examples/ the way the README's Neovim configuration does, and writes what it
// saw; this checks it. The point is a client that is not VS Code: a cross-node
// diagnostic (carp/pass-mismatch between fw1 and fw2, issue 12's split brain)
// arrives on the file that is open and on its peer's, which is not, and its
// quick fix is offered.
//
// Neovim missing fails the run (CI must never skip it silently), unless
// FREEBSD_CONF_SKIP_NVIM=1 says so.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const TIMEOUT_MS = Number(process.env.FREEBSD_CONF_NVIM_TIMEOUT_MS ?? 60000);

function fail(message) {
  console.error(`test:nvim: FAIL: ${message}`);
  process.exit(1);
}

if (process.env.FREEBSD_CONF_SKIP_NVIM === '1') {
  console.log('test:nvim: skipped (FREEBSD_CONF_SKIP_NVIM=1)');
  process.exit(0);
}

const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
if (version.error || version.status !== 0) {
  fail('nvim not found on PATH. Install Neovim 0.7 or later (Debian: apt-get install -y neovim; .ci/run does it), or set FREEBSD_CONF_SKIP_NVIM=1 to skip this test on purpose.');
}
const server = path.join(root, 'server', 'out', 'server.js');
if (!fs.existsSync(server)) fail(`${path.relative(root, server)} is missing: run npm run build first.`);

// A copy, so the server's scan and any quick fix can never touch examples/; XDG dirs inside it keep nvim's log and state out of $HOME.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-nvim-'));
const workspace = path.join(scratch, 'examples');
fs.cpSync(path.join(root, 'examples'), workspace, { recursive: true });
const resultFile = path.join(scratch, 'result.json');

const env = {
  ...process.env,
  FREEBSD_CONF_SERVER: server,
  FREEBSD_CONF_ROOT: workspace,
  FREEBSD_CONF_RESULT: resultFile,
  FREEBSD_CONF_WAIT_MS: String(Math.floor(TIMEOUT_MS / 3)),
  XDG_CONFIG_HOME: path.join(scratch, 'config'),
  XDG_DATA_HOME: path.join(scratch, 'data'),
  XDG_STATE_HOME: path.join(scratch, 'state'),
  XDG_CACHE_HOME: path.join(scratch, 'cache'),
};
const init = path.join(root, 'test', 'nvim', 'init.lua');
const script = path.join(root, 'test', 'nvim', 'cross-node.lua');
const started = Date.now();
const { code, signal, output } = await new Promise((resolve) => {
  const child = spawn('nvim', ['--headless', '-u', init, '-i', 'NONE', '-n', '-c', `luafile ${script}`], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
  child.on('close', (code, signal) => {
    clearTimeout(timer);
    resolve({ code, signal, output });
  });
});
const elapsed = Date.now() - started;

let result;
try {
  result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
} catch {
  fs.rmSync(scratch, { recursive: true, force: true });
  fail(signal ? `nvim did not finish within ${TIMEOUT_MS} ms (killed); its output:\n${output}` : `nvim exited (${code}) without writing a result; its output:\n${output}`);
}
fs.rmSync(scratch, { recursive: true, force: true });

const problems = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
};
const list = (diagnostics) => (diagnostics ?? []).map((d) => `  ${d.line}:${d.col} ${d.code} (${d.source}) ${d.message.slice(0, 100)}`).join('\n') || '  (none)';

check(result.error === undefined, `the Lua script failed at "${result.steps?.at(-1)}": ${result.error}`);
check(result.filetype === 'rc-conf', `fw1/etc/rc.conf got filetype "${result.filetype}", not "rc-conf": the filetype detection did not apply`);
check(result.syntax === 'sh', `fw1/etc/rc.conf got syntax "${result.syntax}", not "sh"`);
check(result.attached === true, 'no client called freebsd-conf is attached to fw1/etc/rc.conf');
check(result.diagnosticsArrived === true, `carp/pass-mismatch did not arrive on both nodes within ${env.FREEBSD_CONF_WAIT_MS} ms`);
const on = (node, line) => (result.diagnostics?.[node] ?? []).find((d) => d.code === 'carp/pass-mismatch' && d.line === line);
const fw1 = on('fw1', 11);
const fw2 = on('fw2', 9);
check(fw1, `no carp/pass-mismatch on fw1/etc/rc.conf line 11 (vhid 2 without a pass); fw1 shows:\n${list(result.diagnostics?.fw1)}`);
check(fw2, `no carp/pass-mismatch on fw2/etc/rc.conf line 9 (the file is not open); fw2 shows:\n${list(result.diagnostics?.fw2)}`);
if (fw1) {
  check(fw1.source === 'freebsd-conf', `the diagnostic's source is "${fw1.source}"`);
  check(fw1.severity === 1, `the diagnostic's severity is ${fw1.severity}, not 1 (error)`);
  check(!fw1.message.includes('lanSecret'), 'the message shows fw2\'s CARP pass');
  check(fw1.related.some((r) => r.file === 'fw2/etc/rc.conf' && r.line === 9), `its related information does not point at fw2/etc/rc.conf:9: ${JSON.stringify(fw1.related)}`);
}
check(result.codeActionError === undefined, `textDocument/codeAction failed: ${result.codeActionError}`);
// Every diagnostic also offers "Ignore …" (a suppression comment); the point is a fix of the finding itself.
const fixes = (result.codeActions ?? []).filter((a) => a.kind === 'quickfix' && a.fixes.includes('carp/pass-mismatch') && a.files.length > 0 && !a.title.startsWith('Ignore '));
check(fixes.length > 0, `no quick fix with an edit for carp/pass-mismatch (besides "Ignore …"); actions offered: ${JSON.stringify(result.codeActions)}`);

if (problems.length > 0) {
  console.error(`test:nvim: Neovim ${result.nvim}, ${elapsed} ms`);
  fail(`\n- ${problems.join('\n- ')}`);
}
console.log(
  `test:nvim: ok: Neovim ${result.nvim}: carp/pass-mismatch on fw1:11 (open) and fw2:9 (not open) after ${result.waitedMs} ms, ` +
    `${fixes.length} quick fix(es): ${fixes.map((a) => `"${a.title}" (${a.files.join(', ')})`).join('; ')} [${elapsed} ms in all]`,
);
