#!/usr/bin/env node
// Runs the extension's mocha suite (out/test/e2e/index.js) inside a real VS Code
// and exits with its result: 0 when every test passed, 1 otherwise.
//
// Default route (machines that cannot download VS Code, CI included): the VS Code
// 1.100 server + web workbench from the npm package code-server, shown in headless
// Debian Chromium driven by playwright-core. The extension host is VS Code's own
// Node extension host; the workbench's `payload` query parameter carries
// extensionDevelopmentPath / extensionTestsPath exactly like `code
// --extensionDevelopmentPath ... --extensionTestsPath ...` does on the desktop.
// FREEBSD_CONF_E2E=electron uses @vscode/test-electron's runTests instead.
//
// usage: node test/e2e/run.mjs [--keep] [--verbose] [--timeout SEC] [--screenshots DIR]
// --screenshots DIR: the UI run (npm run screenshots). Instead of the mocha suite,
// the extension host runs out/test/e2e/screenshots.js on a copy of examples/;
// each time it logs `@@snap NAME`, the harness saves the workbench as DIR/NAME.png
// and answers by writing NAME.done into the folder named in $FREEBSD_CONF_SNAP_DIR.
// It assumes `npm run build && npm run compile-tests` ran before (npm test does).
// env: FREEBSD_CONF_E2E_HOST     host folder (default $HOME/.cache/vscode-e2e; installed by setup.sh when missing)
//      FREEBSD_CONF_E2E_CHROMIUM browser binary (default /usr/lib/chromium/chromium)
//      FREEBSD_CONF_E2E_VSCODE   VS Code version for the electron route (default 1.100.3)
//      MOCHA_GREP                run only the matching tests (reaches the extension host)
// exit: test result (0/1); 1 setup error; 2 bad usage; 3 code-server died; 124 timeout; 130/143 interrupted.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: {
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '300' },
    screenshots: { type: 'string' },
  },
});

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shotsDir = opt.screenshots === undefined ? undefined : path.resolve(opt.screenshots);
const testsEntry = path.join(root, shotsDir ? 'out/test/e2e/screenshots.js' : 'out/test/e2e/index.js');
// The UI run shows the bundled examples, as a user who opens them sees them.
const fixture = path.join(root, shotsDir ? 'examples' : 'test/fixtures/e2e-cluster');
const resultsDir = path.join(root, 'test-results');
const hostDir = process.env.FREEBSD_CONF_E2E_HOST || path.join(os.homedir(), '.cache/vscode-e2e');
const timeoutMs = Number(opt.timeout) * 1000;
if (!(timeoutMs > 0)) { console.error(`e2e: --timeout must be a positive number of seconds, got ${opt.timeout}`); process.exit(2); }

const t0 = Date.now();
const log = (...a) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
/** A setup problem the user can fix: clear message, exit 1, no stack trace. */
class SetupError extends Error {}

function checkBuilt() {
  const missing = [
    ['client/out/extension.js', 'npm run build'],
    ['server/out/server.js', 'npm run build'],
    [path.relative(root, testsEntry), 'npm run compile-tests'],
  ].filter(([f]) => !fs.existsSync(path.join(root, f)));
  if (missing.length) {
    throw new SetupError(`missing ${missing.map(([f]) => f).join(', ')}; run ` +
      `${[...new Set(missing.map(([, c]) => c))].join(' && ')} first (npm test does both)`);
  }
  if (!fs.existsSync(fixture)) throw new SetupError(`fixture workspace ${fixture} is missing`);
}

/** A fresh temp dir with a copy of the fixture; tests edit files, the repository must stay clean. */
function makeRunDir() {
  // Short on purpose: it becomes TMPDIR, and unix socket paths are limited to 107 bytes.
  const base = os.tmpdir().length <= 40 ? os.tmpdir() : '/tmp';
  const tmp = fs.mkdtempSync(path.join(base, 'fce2e-'));
  const workspace = path.join(tmp, 'ws');
  fs.cpSync(fixture, workspace, { recursive: true });
  return { tmp, workspace };
}

async function runElectron() {
  armTimeout();
  const { runTests } = createRequire(path.join(root, 'package.json'))('@vscode/test-electron');
  const { tmp, workspace } = makeRunDir();
  try {
    return await runTests({
      version: process.env.FREEBSD_CONF_E2E_VSCODE || '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: testsEntry,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust',
        `--user-data-dir=${tmp}/user-data`, `--extensions-dir=${tmp}/extensions`],
    });
  } catch (error) {
    console.error(`e2e: @vscode/test-electron failed: ${error && error.message || error}`);
    return 1;
  } finally {
    if (!opt.keep) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function ensureHost() {
  const entry = path.join(hostDir, 'node_modules/code-server/out/node/entry.js');
  if (!fs.existsSync(path.join(hostDir, 'node_modules/code-server'))) {
    log(`no VS Code host in ${hostDir}; installing it (test/e2e/setup.sh, about a minute)`);
    const r = spawnSync('bash', [path.join(root, 'test/e2e/setup.sh'), hostDir], { stdio: 'inherit' });
    if (r.status !== 0) throw new SetupError(`test/e2e/setup.sh ${hostDir} failed (exit ${r.status ?? r.signal})`);
  }
  if (!fs.existsSync(entry)) {
    throw new SetupError(`${entry} is missing: the host install is broken; remove ${hostDir} and run again`);
  }
  let playwright;
  try { playwright = createRequire(path.join(hostDir, 'package.json'))('playwright-core'); } catch {
    throw new SetupError(`playwright-core is missing from ${hostDir}; run bash test/e2e/setup.sh ${hostDir}`);
  }
  const chromium = [process.env.FREEBSD_CONF_E2E_CHROMIUM, '/usr/lib/chromium/chromium', '/usr/bin/chromium']
    .find((p) => p && fs.existsSync(p));
  if (!chromium) throw new SetupError('Chromium not found: apt-get install chromium, or set FREEBSD_CONF_E2E_CHROMIUM');
  return { entry, playwright, chromium };
}

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

const state = { server: undefined, browser: undefined, page: undefined, tmp: undefined, timer: undefined, exiting: false };

/** Ends code-server's whole process group (extension host and language server included). */
async function killServer(server) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ }
}

async function shutdown(code) {
  if (state.exiting) return;
  state.exiting = true;
  clearTimeout(state.timer);
  if (state.browser) await Promise.race([state.browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  await killServer(state.server);
  if (state.tmp) {
    if (opt.keep) log(`kept ${state.tmp} (code-server.log, user-data/logs)`);
    else fs.rmSync(state.tmp, { recursive: true, force: true });
  }
  process.exit(code);
}

function startCodeServer(entry, tmp, env, port) {
  const csLog = fs.openSync(path.join(tmp, 'code-server.log'), 'a');
  return spawn(process.execPath, [entry,
    '--config', '/dev/null', // never read or write ~/.config/code-server/config.yaml
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', path.join(tmp, 'user-data'),
    '--extensions-dir', path.join(tmp, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
  ], {
    detached: true, // its own process group, so shutdown() reaches every child
    stdio: ['ignore', opt.verbose ? 'inherit' : csLog, opt.verbose ? 'inherit' : csLog],
    env,
  });
}

/** Starts code-server on a free port, retrying with a new port: a port can be taken between probe and bind. */
async function startWithRetries(entry, tmp, env, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const server = startCodeServer(entry, tmp, env, port);
    let died;
    server.once('exit', (code, sig) => { died = code ?? sig; });
    const deadline = Date.now() + 30_000;
    while (died === undefined && Date.now() < deadline) {
      try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return { server, host: `127.0.0.1:${port}` }; } catch { /* not up yet */ }
      await new Promise((r) => setTimeout(r, 150));
    }
    await killServer(server);
    const why = died === undefined ? 'did not answer /healthz within 30 s' : `exited (${died})`;
    const tail = fs.readFileSync(path.join(tmp, 'code-server.log'), 'utf8').split('\n').slice(-15).join('\n');
    if (attempt >= attempts) throw new SetupError(`code-server ${why} on port ${port}, ${attempts} attempts; last log lines:\n${tail}`);
    log(`code-server ${why} on port ${port}; retrying (${attempt}/${attempts})`);
  }
}

/** User settings: a quiet workbench (no welcome page, telemetry, updates, git or marketplace traffic). */
const userSettings = {
  'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true, 'security.workspace.trust.enabled': false,
  'git.enabled': false, 'npm.autoDetect': 'off', 'typescript.disableAutomaticTypeAcquisition': true,
  'chat.disableAIFeatures': true,
};

/** Prints the logs that explain a failure: the extension host's and our language server's output channel. */
function printServerSideLogs(tmp) {
  const logsRoot = path.join(tmp, 'user-data/logs');
  const found = (fs.existsSync(logsRoot) ? fs.readdirSync(logsRoot, { recursive: true }).map(String) : [])
    .filter((f) => f.endsWith('remoteexthost.log') || f.endsWith('FreeBSD conf.log')).map((f) => path.join(logsRoot, f));
  for (const f of found) {
    const lines = fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.trim() !== '');
    const shown = f.endsWith('remoteexthost.log') ? lines.filter((l) => /\[(error|warning)\]/.test(l)).slice(-30) : lines.slice(-40);
    if (shown.length === 0) continue;
    console.error(`---- ${path.relative(tmp, f)} (last ${shown.length} relevant lines)`);
    console.error(shown.join('\n'));
  }
}

/** On failure: a screenshot of the workbench into test-results/ (gitignored) and the server-side logs. */
async function saveFailureArtifacts() {
  if (state.page) {
    fs.mkdirSync(resultsDir, { recursive: true });
    const shot = path.join(resultsDir, `e2e-failure-${new Date().toISOString().replace(/[:.]/g, '-')}.png`);
    await state.page.screenshot({ path: shot, timeout: 10_000 })
      .then(() => log(`screenshot: ${path.relative(root, shot)}`), (e) => log(`no screenshot: ${e.message}`));
  }
  if (state.tmp) printServerSideLogs(state.tmp);
}

/** The overall limit, armed once the host is installed (a first install alone can take minutes). */
function armTimeout() {
  state.timer = setTimeout(async () => {
    console.error(`e2e: timed out after ${opt.timeout} s (raise with --timeout); the extension tests did not finish`);
    await saveFailureArtifacts();
    shutdown(124);
  }, timeoutMs);
}

async function runCodeServer() {
  const { entry, playwright, chromium } = ensureHost();
  armTimeout();
  const { tmp, workspace } = makeRunDir();
  state.tmp = tmp;
  const xdg = path.join(tmp, 'xdg');
  fs.mkdirSync(path.join(tmp, 'user-data/User'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'user-data/User/settings.json'), JSON.stringify(userSettings, null, 2));
  const isolation = {
    // code-server and Chromium otherwise write under ~/.config and ~/.local/share
    XDG_CONFIG_HOME: `${xdg}/config`, XDG_DATA_HOME: `${xdg}/data`, XDG_CACHE_HOME: `${xdg}/cache`,
    // vscode-ipc-*.sock and tsserver files land here instead of /tmp
    TMPDIR: tmp,
  };
  // An empty gallery turns off the marketplace (open-vsx.org, unreachable here).
  const env = { ...process.env, ...isolation, EXTENSIONS_GALLERY: '{}' };
  const snapDir = path.join(tmp, 'snaps');
  if (shotsDir) {
    fs.mkdirSync(snapDir, { recursive: true });
    fs.mkdirSync(shotsDir, { recursive: true });
    env.FREEBSD_CONF_SNAP_DIR = snapDir;
  }

  const { server, host } = await startWithRetries(entry, tmp, env);
  state.server = server;
  server.once('exit', (code, sig) => {
    if (state.exiting) return;
    console.error(`e2e: code-server exited unexpectedly (${code ?? sig}); see ${tmp}/code-server.log (use --keep)`);
    shutdown(3);
  });
  log(`code-server (VS Code ${createRequire(entry)('../../lib/vscode/package.json').version}) on http://${host}`);

  state.browser = await playwright.chromium.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-breakpad', '--disable-crash-reporter'],
    env: { ...process.env, ...isolation },
  });
  let finish;
  const exitCode = new Promise((resolve) => { finish = resolve; });
  const page = await state.browser.newPage({ viewport: { width: 1400, height: 900 } });
  state.page = page;
  page.on('pageerror', (e) => console.error('[workbench error]', e.message));
  page.on('crash', () => { console.error('e2e: the workbench page crashed'); finish(1); });
  if (opt.verbose) page.on('console', (m) => console.log(`[browser ${m.type()}]`, m.text()));

  // The workbench calls these when extensionTestsPath is set: the extension host's
  // console (mocha's reporter included), then its exit code when it ends.
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  const noise = /^(Creating a socket|Resolving connection token|Resolved connection token|Updating additional builtin extensions cache|Ignoring fetching additional builtin extensions|\[Service Worker\]|ChatSessionStore:|Creation of workbench contribution )/;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const snap = shotsDir && typeof args[0] === 'string' ? /^@@snap ([\w-]+)$/.exec(args[0]) : null;
    if (snap) return void takeSnap(page, snap[1], snapDir);
    if (!opt.verbose && typeof args[0] === 'string' && noise.test(args[0])) return;
    (console[type] || console.log)(...args);
  });

  const remote = (p) => `vscode-remote://${host}${p}`;
  const url = new URL(`http://${host}/`);
  url.searchParams.set('folder', workspace);
  url.searchParams.set('payload', JSON.stringify([
    ['extensionDevelopmentPath', remote(root)],
    ['extensionTestsPath', remote(testsEntry)],
  ]));
  log(`workbench: folder ${workspace}, extension ${root}`);
  await page.goto(url.href);
  const code = await exitCode;
  log(`extension tests exited with code ${code}`);
  if (code !== 0) await saveFailureArtifacts();
  return code;
}

/**
 * Saves the workbench as NAME.png in the --screenshots folder, then tells the
 * extension host (which waits for NAME.done) that it may go on. A failed
 * shot is reported and also answered, so the run ends with an error rather
 * than waiting for the timeout.
 */
async function takeSnap(page, name, snapDir) {
  const file = path.join(shotsDir, `${name}.png`);
  try {
    // Lets the last paint (CodeLens, webview layout) land.
    await new Promise((r) => setTimeout(r, 400));
    await page.screenshot({ path: file, timeout: 20_000 });
    log(`screenshot ${path.relative(root, file)}`);
    fs.writeFileSync(path.join(snapDir, `${name}.done`), 'ok');
  } catch (error) {
    console.error(`e2e: screenshot ${name} failed: ${error.message}`);
    fs.writeFileSync(path.join(snapDir, `${name}.done`), `failed: ${error.message}`);
  }
}

process.on('SIGINT', () => shutdown(130));
process.on('SIGTERM', () => shutdown(143));

try {
  checkBuilt();
  if (shotsDir && process.env.FREEBSD_CONF_E2E === 'electron') throw new SetupError('--screenshots drives the web workbench: run it without FREEBSD_CONF_E2E=electron');
  const code = process.env.FREEBSD_CONF_E2E === 'electron' ? await runElectron() : await runCodeServer();
  await shutdown(code === 0 ? 0 : 1);
} catch (error) {
  console.error(`e2e: ${error instanceof SetupError ? error.message : (error && error.stack) || error}`);
  await shutdown(1);
}
