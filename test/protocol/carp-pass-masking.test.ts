import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeLensRequest,
  CodeLensResolveRequest,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  HoverRequest,
  InlayHintRequest,
  InlayHintResolveRequest,
  WorkspaceSymbolRequest,
  type ServerCapabilities,
} from 'vscode-languageserver-protocol';
import { TestClient, VSCODE_LIKE_CAPABILITIES } from '../helpers/lsp-client';
import { FIXTURES, REPO_ROOT } from '../helpers/workspace';

/**
 * The carp-pass-spellings fixture writes CARP passes in every spelling the
 * shell accepts (plain, single- and double-quoted with a blank, an escaped
 * blank, `${VAR}` and `$VAR` with the variable in another file, across a
 * continuation line, non-ASCII, in `name = value` lines, in a legacy carpN
 * line). Every pass holds MARKER; none may reach any surface of the built
 * server or CLI, and with showPasswords on each one must (so this can fail).
 */
const FIXTURE = 'carp-pass-spellings';
const CLI = path.join(REPO_ROOT, 'server', 'out', 'cli.js');
const LEAK = /MARKER/;
/** Every pass (or pass variable value) in the fixture. */
const ALL_MARKERS = [
  'MARKERPASS42', 'MARKERSQ1 MARKERSQ2', 'MARKERDQ1 MARKERDQ2', 'MARKERBS1\\ MARKERBS2', 'MARKERVAR42', 'MARKERVAR43', 'MARKERVAR44',
  'MARKERCONT42', 'MARKERÜÖÄ€ßÜÖÄ€ß', 'MARKERSP1 MARKERSP2', 'MARKERSPCONT42', 'MARKERSH1 MARKERSH2', 'MARKERLEGACY42',
];
/** The passes that diagnostic messages quote (rc/syntax on `name = value` lines, the legacy rewrite): all the CLI can show. */
const QUOTED_IN_MESSAGES = ['MARKERSP1 MARKERSP2', 'MARKERSPCONT42', 'MARKERSH1 MARKERSH2', 'MARKERLEGACY42'];

/** One thing a surface showed, and where, so a leak names its surface. */
interface Shown {
  where: string;
  text: string;
}

function configFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const languageId = (rel: string): string => (rel.includes('loader.conf') ? 'loader-conf' : rel.includes('sysctl.conf') ? 'sysctl-conf' : 'rc-conf');

/** Everything the server shows for the fixture's files: diagnostics, code action titles, outline, hover at every position, and the providers it may add. */
async function serverSurfaces(dir: string, showPasswords: boolean): Promise<Shown[]> {
  const shown: Shown[] = [];
  const client = TestClient.start('ipc');
  try {
    const init = await client.initialize(dir, VSCODE_LIKE_CAPABILITIES, { settings: { showPasswords } });
    await client.waitFor('the workspace scan', () => client.status?.scanned);
    const files = configFiles(dir);
    const uri = (rel: string): string => pathToFileURL(path.join(dir, rel)).href;
    for (const rel of files) await client.open(uri(rel), languageId(rel), fs.readFileSync(path.join(dir, rel), 'utf8'));
    for (const rel of files) {
      const u = uri(rel);
      const text = fs.readFileSync(path.join(dir, rel), 'utf8');
      const lines = text.split('\n');
      const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
      const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: u } });
      shown.push({ where: `${rel} outline`, text: JSON.stringify(symbols) });
      const positions = lines.flatMap((l, line) => Array.from({ length: l.length + 1 }, (_, character) => ({ line, character })));
      const hovers = await Promise.all(positions.map((position) => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position })));
      hovers.forEach((h, i) => h && shown.push({ where: `${rel} hover at ${positions[i].line + 1}:${positions[i].character + 1}`, text: JSON.stringify(h.contents) }));
      shown.push(...(await optionalProviders(client, init.capabilities, u, whole, rel)));
      const diagnostics = await client.waitForDiagnostics(u, () => true);
      for (const d of diagnostics) {
        // `data` carries the quick-fixes, whose edits must hold the real pass; the client shows only their titles.
        shown.push({ where: `${rel} diagnostic ${String(d.code)}`, text: JSON.stringify({ ...d, data: undefined }) });
      }
      const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: whole, context: { diagnostics } });
      for (const a of actions ?? []) shown.push({ where: `${rel} code action`, text: a.title });
    }
    if (init.capabilities.workspaceSymbolProvider) {
      const all = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' });
      shown.push({ where: 'workspace symbols', text: JSON.stringify(all) });
    }
  } finally {
    await client.stop();
  }
  return shown;
}

/** Code lenses, inlay hints and pulled diagnostics: the server offers none today; the day it advertises one, it is checked too. */
async function optionalProviders(client: TestClient, caps: ServerCapabilities, uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, rel: string): Promise<Shown[]> {
  const shown: Shown[] = [];
  const textDocument = { uri };
  if (caps.codeLensProvider) {
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument })) ?? [];
    const resolved = caps.codeLensProvider.resolveProvider ? await Promise.all(lenses.map((l) => client.connection.sendRequest(CodeLensResolveRequest.type, l))) : lenses;
    shown.push({ where: `${rel} code lenses`, text: JSON.stringify(resolved) });
  }
  if (caps.inlayHintProvider) {
    const hints = (await client.connection.sendRequest(InlayHintRequest.type, { textDocument, range })) ?? [];
    const resolvable = typeof caps.inlayHintProvider === 'object' && 'resolveProvider' in caps.inlayHintProvider && caps.inlayHintProvider.resolveProvider;
    const resolved = resolvable ? await Promise.all(hints.map((h) => client.connection.sendRequest(InlayHintResolveRequest.type, h))) : hints;
    shown.push({ where: `${rel} inlay hints`, text: JSON.stringify(resolved) });
  }
  if (caps.diagnosticProvider) {
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument });
    const items = 'items' in report ? report.items.map((d) => ({ ...d, data: undefined })) : [];
    shown.push({ where: `${rel} pulled diagnostics`, text: JSON.stringify(items) });
  }
  return shown;
}

/** The built CLI's output in each format, run from the fixture's folder as CI would. */
function cliSurfaces(dir: string, showPasswords: boolean): Shown[] {
  return (['text', 'json', 'sarif'] as const).map((format) => {
    const args = [CLI, 'check', '--format', format, ...(showPasswords ? ['--show-passwords'] : []), '.'];
    const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 60000 });
    assert.equal(r.status, 1, `errors make the check exit 1: ${r.stderr}`);
    if (format !== 'text') JSON.parse(r.stdout);
    return { where: `cli --format ${format}`, text: `${r.stdout}\n${r.stderr}` };
  });
}

function assertNothingShown(shown: Shown[]): void {
  assert.ok(shown.length > 0);
  const leaks = shown.filter((s) => LEAK.test(s.text));
  assert.deepEqual(leaks, [], 'a pass is shown where passwords are masked');
}

function assertShown(shown: Shown[], markers: string[]): void {
  const all = shown.map((s) => s.text).join('\n');
  // JSON doubles a backslash: look for the marker as written and as JSON writes it.
  const missing = markers.filter((m) => !all.includes(m) && !all.includes(JSON.stringify(m).slice(1, -1)));
  assert.deepEqual(missing, [], 'with showPasswords on, these passes were never shown: the masked run proves nothing about them');
}

describe('CARP passes never show where they are masked (built server and CLI, carp-pass-spellings fixture)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-mask-'));
    fs.cpSync(path.join(FIXTURES, FIXTURE), dir, { recursive: true });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('server: no diagnostic, related message, code action title, outline entry or hover shows a pass', async () => {
    const shown = await serverSurfaces(dir, false);
    assert.ok(shown.some((s) => s.where.includes('hover') && s.text.includes('••••••')), 'the pass hovers were reached');
    assertNothingShown(shown);
  });

  test('server with showPasswords: every pass is shown somewhere, as written', async () => {
    assertShown(await serverSurfaces(dir, true), ALL_MARKERS);
  });

  test('CLI text, JSON and SARIF: no pass', () => {
    assertNothingShown(cliSurfaces(dir, false));
  });

  test('CLI with --show-passwords: the passes its messages quote are shown', () => {
    assertShown(cliSurfaces(dir, true), QUOTED_IN_MESSAGES);
  });
});
