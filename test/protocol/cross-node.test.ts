import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';
import { FIXTURES } from '../helpers/workspace';
import { makeTempDir } from '../helpers/temp';

const has = (code: string) => (d: Diagnostic[]) => d.some((x) => x.code === code);
const lacks = (code: string) => (d: Diagnostic[]) => !d.some((x) => x.code === code);

/**
 * Cross-node findings in the editor: an edit on one node re-publishes the
 * files of the nodes it is compared with, open or not, including nodes of
 * another cluster that use the same subnet (vhid numbers are per subnet).
 */
describe('language server: cross-node findings follow edits', () => {
  let client: TestClient;
  let dir: string;
  const uri = (rel: string): string => pathToFileURL(path.join(dir, rel)).href;

  before(async () => {
    // The office pair (fwa1, fwa2) and one lab node (fwb1) using the office's vhid 1 on the same subnet.
    dir = makeTempDir('fc-cross-');
    for (const node of ['fwa1', 'fwa2', 'fwb1']) fs.cpSync(path.join(FIXTURES, 'cluster-collision', node), path.join(dir, node), { recursive: true });
    client = TestClient.start('ipc');
    await client.initialize(dir);
    await client.waitFor('the workspace scan', () => client.status?.scanned);
  });
  after(() => client.stop());

  test("renumbering the lab node's vhid clears the collision on the office pair's files, which are not open", async () => {
    const office = uri('fwa1/etc/rc.conf');
    const d = await client.waitForDiagnostics(office, has('carp/vhid-collision'));
    assert.deepEqual(d.find((x) => x.code === 'carp/vhid-collision')?.range, { start: { line: 3, character: 26 }, end: { line: 3, character: 30 } });
    const lab = uri('fwb1/etc/rc.conf');
    const text = fs.readFileSync(path.join(dir, 'fwb1/etc/rc.conf'), 'utf8');
    await client.open(lab, 'rc-conf', text);
    client.clear(office);
    await client.replaceText(lab, text.replace('inet vhid 1 pass lab-key', 'inet vhid 3 pass lab-key'));
    await client.waitForDiagnostics(office, lacks('carp/vhid-collision'));
    await client.waitForDiagnostics(uri('fwa2/etc/rc.conf'), lacks('carp/vhid-collision'));
  });

  test('and renumbering it back brings the collision back', async () => {
    const office = uri('fwa2/etc/rc.conf');
    const lab = uri('fwb1/etc/rc.conf');
    client.clear(office);
    await client.replaceText(lab, fs.readFileSync(path.join(dir, 'fwb1/etc/rc.conf'), 'utf8'));
    await client.waitForDiagnostics(office, has('carp/vhid-collision'));
    await client.waitForDiagnostics(lab, has('carp/vhid-collision'));
  });
});
