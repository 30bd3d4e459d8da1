import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, VSCODE_LIKE_CAPABILITIES } from '../helpers/lsp-client';
import { WorkspaceStatusRequest } from '../../server/src/protocol';
import { makeTempDir } from '../helpers/temp';

/** A cluster of two nodes, fw2's boot/ copied into a folder of its own, and a manifest with one mistake. */
const FILES: Record<string, string> = {
  'fw1/etc/rc.conf': 'hostname="fw1.example.net"\nifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 pass sharedKey alias 192.0.2.1/32"\n',
  'fw2/etc/rc.conf': 'hostname="fw2.example.net"\nifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0="inet vhid 1 advskew 100 pass sharedKey alias 192.0.2.1/32"\nsshd_enable="YES"\nsshd_enable="YES"\n',
  'fw2-boot/boot/loader.conf': '# fw2\'s /boot\ncarp_load="YES"\n',
  'freebsd-conf.json': '{\n  "severity": { "rc/duplicate-assignment": "error" },\n  "clusterz": {}\n}\n',
};

const PLACED = '{\n  "nodes": { "fw2": { "folder": "fw2", "files": { "loader": "fw2-boot/boot/loader.conf" } } },\n  "severity": { "rc/duplicate-assignment": "hint" }\n}\n';

const codes = (d: Diagnostic[]): string[] => d.map((x) => String(x.code)).sort();
const severityOf = (d: Diagnostic[], code: string): number | undefined => d.find((x) => x.code === code)?.severity;

describe('freebsd-conf.json in the language server', () => {
  let client: TestClient;
  let dir: string;
  let uri: (rel: string) => string;

  before(async () => {
    dir = makeTempDir('fc-manifest-', FILES);
    uri = (rel) => pathToFileURL(path.join(dir, rel)).href;
    client = TestClient.start('ipc');
    await client.initialize(dir);
    await client.waitFor('the workspace scan', () => client.status?.scanned);
  });
  after(() => client.stop());

  test('the manifest gets its diagnostics published, at the key concerned, linked to the README', async () => {
    const d = await client.waitForDiagnostics(uri('freebsd-conf.json'), (x) => x.length > 0);
    assert.deepEqual(codes(d), ['manifest/unknown-key']);
    assert.deepEqual(d[0].range, { start: { line: 2, character: 2 }, end: { line: 2, character: 12 } });
    assert.equal(d[0].severity, 2);
    assert.match(d[0].message, /^unknown key "clusterz" at the top level, ignored; did you mean "clusters"\?$/);
    assert.match(d[0].codeDescription!.href, /README\.md#manifestunknown-key$/);
  });

  test('its severity applies to the files below it, and the folder it does not name is reported', async () => {
    const fw2 = await client.waitForDiagnostics(uri('fw2/etc/rc.conf'), (x) => x.length > 0);
    assert.equal(severityOf(fw2, 'rc/duplicate-assignment'), 1, 'error, from the manifest');
    const boot = await client.waitForDiagnostics(uri('fw2-boot/boot/loader.conf'), (x) => x.length > 0);
    assert.deepEqual(codes(boot), ['file/not-in-a-node']);
    assert.equal(boot[0].severity, 3);
    assert.deepEqual(boot[0].range.start, { line: 1, character: 0 });
  });

  test('editing the buffer (unsaved) places the folder in its node and changes the severity; closing it restores the disk version', async () => {
    const manifest = uri('freebsd-conf.json');
    assert.equal((await client.connection.sendRequest(WorkspaceStatusRequest)).nodes, 3, 'fw1, fw2 and the folder fw2-boot');
    await client.open(manifest, 'json', FILES['freebsd-conf.json']);
    await client.replaceText(manifest, PLACED);
    await client.waitForDiagnostics(manifest, (x) => x.length === 0);
    await client.waitForDiagnostics(uri('fw2-boot/boot/loader.conf'), (x) => !codes(x).includes('file/not-in-a-node'));
    await client.waitForDiagnostics(uri('fw2/etc/rc.conf'), (x) => severityOf(x, 'rc/duplicate-assignment') === 4);
    assert.equal((await client.connection.sendRequest(WorkspaceStatusRequest)).nodes, 2, 'fw2-boot/boot/loader.conf is now one of fw2\'s files');

    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: manifest } });
    await client.waitForDiagnostics(manifest, (x) => codes(x).includes('manifest/unknown-key'));
    await client.waitForDiagnostics(uri('fw2-boot/boot/loader.conf'), (x) => codes(x).includes('file/not-in-a-node'));
    await client.waitForDiagnostics(uri('fw2/etc/rc.conf'), (x) => severityOf(x, 'rc/duplicate-assignment') === 1);
  });

  test('a change on disk is read when the watcher reports it; a mistake in it is published, the rest applies', async () => {
    const manifest = uri('freebsd-conf.json');
    fs.writeFileSync(path.join(dir, 'freebsd-conf.json'), PLACED.replace('"fw2": {', '"fw2": { "deviceCarp": "yes",'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: manifest, type: FileChangeType.Changed }] });
    const d = await client.waitForDiagnostics(manifest, (x) => codes(x).includes('manifest/invalid'));
    assert.match(d[0].message, /^"deviceCarp" must be true or false, not the string "yes"$/);
    await client.waitForDiagnostics(uri('fw2-boot/boot/loader.conf'), (x) => !codes(x).includes('file/not-in-a-node'));
    await client.waitForDiagnostics(uri('fw2/etc/rc.conf'), (x) => severityOf(x, 'rc/duplicate-assignment') === 4);

    fs.rmSync(path.join(dir, 'freebsd-conf.json'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: manifest, type: FileChangeType.Deleted }] });
    await client.waitForDiagnostics(manifest, (x) => x.length === 0);
    await client.waitForDiagnostics(uri('fw2/etc/rc.conf'), (x) => severityOf(x, 'rc/duplicate-assignment') === 2, 5000);
  });
});

describe('freebsd-conf.json and the editor settings', () => {
  test('a code set in the settings wins over the manifest', async (t) => {
    const dir = makeTempDir('fc-manifest-', FILES);
    const client = TestClient.start('stdio');
    t.after(() => client.stop());
    await client.initialize(dir, VSCODE_LIKE_CAPABILITIES, { settings: { severity: { 'rc/duplicate-assignment': 'information' } } });
    await client.waitFor('the workspace scan', () => client.status?.scanned);
    const fw2 = await client.waitForDiagnostics(pathToFileURL(path.join(dir, 'fw2/etc/rc.conf')).href, (x) => x.length > 0);
    assert.equal(severityOf(fw2, 'rc/duplicate-assignment'), 3);
  });
});
