import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeLensRefreshRequest,
  CodeLensRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  HoverRequest,
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type CodeLens,
  type Location,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { TestClient, VSCODE_LIKE_CAPABILITIES } from '../helpers/lsp-client';
import { FIXTURES } from '../helpers/workspace';
import { makeTempDir } from '../helpers/temp';
import { REVEAL_GROUP_COMMAND } from '../../server/src/protocol';

const FW1 = 'fw1/etc/rc.conf';
const FW2_LOCAL = 'fw2/etc/rc.conf.local';
/** fw1's vhid 1 number, on `ifconfig_em0_alias0="inet vhid 1 ...` (line 4). */
const VHID1_AT = { line: 4, character: 31 };

/** Counts workspace/codeLens/refresh requests from the server, and lets a test wait for the next one. */
class RefreshCounter {
  count = 0;
  private waiters: (() => void)[] = [];

  constructor(client: TestClient) {
    client.connection.onRequest(CodeLensRefreshRequest.type, () => {
      this.count++;
      for (const w of this.waiters.splice(0)) w();
      return null;
    });
  }

  async moreThan(n: number, timeoutMs = 10000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.count <= n) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for a codeLens refresh (seen ${this.count})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

async function startOn(dir: string, refreshSupport: boolean): Promise<{ client: TestClient; refreshes: RefreshCounter }> {
  const client = TestClient.start('ipc');
  // Registered before initialize: the server may ask as soon as its first scan ends.
  const refreshes = new RefreshCounter(client);
  const capabilities = { ...VSCODE_LIKE_CAPABILITIES, workspace: { ...VSCODE_LIKE_CAPABILITIES.workspace, codeLens: { refreshSupport } } };
  await client.initialize(dir, capabilities);
  await client.waitFor('the workspace scan', () => client.status?.scanned);
  await client.waitFor('topologyChanged after the scan', () => client.topologyChanges.length > 0);
  return { client, refreshes };
}

function copyFixture(): { dir: string; uri: (rel: string) => string; read: (rel: string) => string } {
  const dir = makeTempDir('fc-vhid-nav-');
  fs.cpSync(path.join(FIXTURES, 'nav-cluster'), dir, { recursive: true });
  return { dir, uri: (rel) => pathToFileURL(path.join(dir, rel)).href, read: (rel) => fs.readFileSync(path.join(dir, rel), 'utf8') };
}

const lensTitles = (lenses: CodeLens[] | null): string[] => (lenses ?? []).map((l) => l.command?.title ?? '');

describe('language server: vhid navigation, hover, CodeLens and workspace symbols over LSP', () => {
  let client: TestClient;
  let refreshes: RefreshCounter;
  const ws = copyFixture();
  const spans = (locations: Location[] | null): string[] =>
    (locations ?? []).map((l) => `${path.relative(ws.dir, new URL(l.uri).pathname)} ${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`);

  before(async () => {
    ({ client, refreshes } = await startOn(ws.dir, true));
    await client.open(ws.uri(FW1), 'rc-conf', ws.read(FW1));
  });
  after(() => client.stop());

  test('the client is asked to refresh its lenses once the scan has built the topology', () => {
    assert.ok(refreshes.count >= 1, `refreshes: ${refreshes.count}`);
  });

  test('definition and references on fw1\'s vhid 1 reach every member\'s lines, in fw2\'s rc.conf.local and fw3 too', async () => {
    const params = { textDocument: { uri: ws.uri(FW1) }, position: VHID1_AT };
    const defs = (await client.connection.sendRequest(DefinitionRequest.type, params)) as Location[];
    assert.deepEqual(spans(defs), ['fw1/etc/rc.conf 4:31-32', 'fw2/etc/rc.conf.local 1:31-32', 'fw3/etc/rc.conf 4:32-33']);
    const refs = await client.connection.sendRequest(ReferencesRequest.type, { ...params, context: { includeDeclaration: true } });
    assert.deepEqual(spans(refs), [
      'fw1/etc/rc.conf 4:31-32', 'fw1/etc/rc.conf 5:32-33', 'fw2/etc/rc.conf.local 1:31-32', 'fw2/etc/rc.conf 5:32-33', 'fw3/etc/rc.conf 4:32-33', 'fw3/etc/rc.conf 4:92-93',
    ]);
  });

  test('hover on the vhid number shows the group with each member\'s role, and no pass', async () => {
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: ws.uri(FW1) }, position: VHID1_AT });
    const md = (h?.contents as MarkupContent).value;
    assert.ok(md.startsWith('**vhid 1** on `192.0.2.0/24` — CARP group of 3 nodes\n'), md);
    assert.ok(md.includes('- BACKUP `fw3` on `em0`: advbase 1, advskew 200, every 1.781 s'), md);
    assert.ok(!md.includes('uplink-key'), md);
    assert.deepEqual(h?.range, { start: VHID1_AT, end: { line: 4, character: 32 } });
  });

  test('CodeLens: the role on each vhid line, running the reveal command with the group', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: ws.uri(FW1) } });
    assert.deepEqual(lenses, [
      { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 19 } }, command: { title: 'MASTER · backups: fw2 (advskew 100), fw3 (advskew 200)', command: REVEAL_GROUP_COMMAND, arguments: [{ vhid: 1, segment: '192.0.2.0/24' }] } },
      { range: { start: { line: 7, character: 0 }, end: { line: 7, character: 19 } }, command: { title: 'MASTER (tie with fw2)', command: REVEAL_GROUP_COMMAND, arguments: [{ vhid: 12, segment: '198.51.100.0/24' }] } },
    ]);
  });

  test('workspace symbols find a node and its cluster', async () => {
    const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'fw2' })) as { name: string; location: Location }[];
    assert.deepEqual(symbols.map((s) => s.name), ['fw2', 'cluster fw1, fw2, fw3']);
    assert.deepEqual(spans(symbols.map((s) => s.location)), ['fw2/etc/rc.conf 1:0-26', 'fw1/etc/rc.conf 4:0-78']);
  });

  test("editing fw2's advskew in its rc.conf.local makes the server ask for a refresh, and fw1's lens then says the new order", async () => {
    const before = refreshes.count;
    await client.open(ws.uri(FW2_LOCAL), 'rc-conf', ws.read(FW2_LOCAL));
    await client.replaceText(ws.uri(FW2_LOCAL), ws.read(FW2_LOCAL).replace('advskew 100', 'advskew 250'));
    await refreshes.moreThan(before);
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: ws.uri(FW1) } });
    assert.deepEqual(lensTitles(lenses), ['MASTER · backups: fw3 (advskew 200), fw2 (advskew 250, counts as 240)', 'MASTER (tie with fw2)']);
  });

  test('freebsdConf.codeLens.enable false: no lenses, and the client is asked to refresh so the shown ones go', async () => {
    const before = refreshes.count;
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { freebsdConf: { codeLens: { enable: false } } } });
    assert.deepEqual(await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: ws.uri(FW1) } }), []);
    await refreshes.moreThan(before);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { freebsdConf: {} } });
    assert.equal((await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: ws.uri(FW1) } }))?.length, 2);
  });
});

describe('language server: a client without codeLens refresh support is never asked', () => {
  let client: TestClient;
  let refreshes: RefreshCounter;
  const ws = copyFixture();

  before(async () => ({ client, refreshes } = await startOn(ws.dir, false)));
  after(() => client.stop());

  test('an edit changes the topology (notified) and the lens it asks for again, with no refresh request', async () => {
    await client.open(ws.uri(FW2_LOCAL), 'rc-conf', ws.read(FW2_LOCAL));
    const notified = client.topologyChanges.length;
    await client.replaceText(ws.uri(FW2_LOCAL), ws.read(FW2_LOCAL).replace('advskew 100', 'advskew 250'));
    // The server sends a refresh (when it may) just before this notification, so by now it would have arrived.
    await client.waitFor('topologyChanged after the edit', () => client.topologyChanges.length > notified);
    assert.equal(refreshes.count, 0);
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: ws.uri(FW1) } });
    assert.equal(lensTitles(lenses)[0], 'MASTER · backups: fw3 (advskew 200), fw2 (advskew 250, counts as 240)');
  });
});
