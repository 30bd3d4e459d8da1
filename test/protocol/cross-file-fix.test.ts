import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type CodeAction,
  type Diagnostic,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';
import { FIXTURES } from '../helpers/workspace';
import { makeTempDir } from '../helpers/temp';

const passMismatchOn = (line: number) => (d: Diagnostic[]): boolean => d.some((x) => x.code === 'carp/pass-mismatch' && x.range.start.line === line);
const noPassMismatch = (d: Diagnostic[]): boolean => !d.some((x) => x.code === 'carp/pass-mismatch');

/**
 * A cross-node fix as an editor applies it, and a peer's file changed on
 * disk, with neither file open: the server re-publishes both nodes.
 */
describe('language server: a fix that edits the peer, and a peer changed on disk', () => {
  let client: TestClient;
  let dir: string;
  const file = (rel: string): string => path.join(dir, rel);
  const uri = (rel: string): string => pathToFileURL(file(rel)).href;

  before(async () => {
    dir = makeTempDir('fc-xfix-');
    fs.cpSync(path.join(FIXTURES, 'cluster-pass'), dir, { recursive: true });
    client = TestClient.start('ipc');
    await client.initialize(dir);
    await client.waitFor('the workspace scan', () => client.status?.scanned);
  });
  after(() => client.stop());

  /** Writes a file as another program would, and tells the server as VS Code's file watcher does. */
  async function changeOnDisk(rel: string, text: string): Promise<void> {
    fs.writeFileSync(file(rel), text);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(rel), type: FileChangeType.Changed }] });
  }

  test("fw2's fix for vhid 2 gives fw1, which has no pass there, fw2's pass: the edit is in the peer's file; saved, both nodes lose the finding", async () => {
    const fw1 = uri('fw1/etc/rc.conf');
    const fw2 = uri('fw2/etc/rc.conf');
    await client.waitForDiagnostics(fw1, passMismatchOn(9));
    const diags = await client.waitForDiagnostics(fw2, passMismatchOn(8));
    const vhid2 = diags.find((x) => x.code === 'carp/pass-mismatch' && x.range.start.line === 8)!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: fw2 },
      range: vhid2.range,
      context: { diagnostics: [vhid2] },
    })) as CodeAction[];
    const fix = actions.find((a) => (a.edit?.documentChanges ?? []).some((c) => 'textDocument' in c && c.textDocument.uri === fw1));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.ok(!/lan-gateway/.test(JSON.stringify(actions.map((a) => a.title))), 'a fix title never shows a pass');
    // Apply every file's edits as an editor would, and save them to disk.
    const edited: string[] = [];
    for (const change of fix.edit?.documentChanges ?? []) {
      const e = change as TextDocumentEdit;
      const rel = path.relative(dir, new URL(e.textDocument.uri).pathname);
      const before = fs.readFileSync(file(rel), 'utf8');
      await changeOnDisk(rel, TextDocument.applyEdits(TextDocument.create(e.textDocument.uri, 'rc-conf', 1, before), e.edits));
      edited.push(rel);
    }
    assert.deepEqual(edited, ['fw1/etc/rc.conf']);
    assert.match(fs.readFileSync(file('fw1/etc/rc.conf'), 'utf8'), /^ifconfig_em1_alias0="inet vhid 2 pass lan-gateway alias 10\.10\.0\.1\/32"$/m);
    await client.waitForDiagnostics(fw1, (d) => !passMismatchOn(9)(d));
    await client.waitForDiagnostics(fw2, (d) => !passMismatchOn(8)(d));
  });

  test("a peer's file changed on disk, not open: the other node's file gains and loses the finding", async () => {
    const fw1 = uri('fw1/etc/rc.conf');
    const original = fs.readFileSync(file('fw2/etc/rc.conf'), 'utf8');
    // fw2 gets a pass on a vhid where fw1 has the same one: first break vhid 4 further, then align it.
    await changeOnDisk('fw2/etc/rc.conf', original.replace('pass voip-gateway-key-25', 'pass voip-gateway-key-24'));
    await client.waitForDiagnostics(fw1, (d) => !passMismatchOn(11)(d));
    await changeOnDisk('fw2/etc/rc.conf', original);
    await client.waitForDiagnostics(fw1, passMismatchOn(11));
    // Deleted on disk: fw1's vhids have no peer's pass to differ from.
    fs.rmSync(file('fw2/etc/rc.conf'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('fw2/etc/rc.conf'), type: FileChangeType.Deleted }] });
    await client.waitForDiagnostics(fw1, noPassMismatch);
    await client.waitForDiagnostics(uri('fw2/etc/rc.conf'), (d) => d.length === 0);
  });

  test("a peer's whole folder deleted on disk (the watcher reports the folder alone): its files are forgotten and the other node re-checked", async () => {
    const fw1 = uri('fw1/etc/rc.conf');
    const fw2 = uri('fw2/etc/rc.conf');
    // Put fw2's rc.conf back (the test before deleted it) and let both nodes differ again.
    fs.cpSync(path.join(FIXTURES, 'cluster-pass', 'fw2'), file('fw2'), { recursive: true });
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fw2, type: FileChangeType.Created }] });
    await client.waitForDiagnostics(fw1, passMismatchOn(11));
    await client.waitForDiagnostics(fw2, (d) => d.some((x) => x.code === 'carp/pass-mismatch'));

    // A folder event that is not the deletion of a folder changes nothing.
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('fw2'), type: FileChangeType.Changed }] });
    fs.rmSync(file('fw2'), { recursive: true });
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('fw2'), type: FileChangeType.Deleted }] });
    await client.waitForDiagnostics(fw1, noPassMismatch);
    await client.waitForDiagnostics(fw2, (d) => d.length === 0);
  });
});
