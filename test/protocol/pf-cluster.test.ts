import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';
import { FIXTURES } from '../helpers/workspace';
import { makeTempDir } from '../helpers/temp';

const has = (code: string) => (d: Diagnostic[]): boolean => d.some((x) => x.code === code);

describe('language server: pf findings of a cluster in a ruleset kept in another folder', () => {
  let client: TestClient;
  let dir: string;
  let uri: (rel: string) => string;

  before(async () => {
    dir = makeTempDir('fc-proto-');
    fs.cpSync(path.join(FIXTURES, 'pf-cluster-carp-include'), dir, { recursive: true });
    uri = (rel) => pathToFileURL(path.join(dir, rel)).href;
    client = TestClient.start('ipc');
    await client.initialize(dir);
    await client.waitFor('the workspace scan', () => client.status?.scanned);
  });
  after(() => client.stop());

  test('the included etc/pf/rules.conf, not open, gets the finding about fw1', async () => {
    const d = await client.waitForDiagnostics(uri('fw1/etc/pf/rules.conf'), has('pf/carp-blocked'));
    const f = d.find((x) => x.code === 'pf/carp-blocked')!;
    assert.deepEqual(f.range.start, { line: 1, character: 0 });
    assert.equal(f.severity, 1);
  });

  test("editing fw1's rc.conf re-publishes the included file: pf off, the finding goes; on again, it comes back", async () => {
    const rc = uri('fw1/etc/rc.conf');
    const text = fs.readFileSync(path.join(dir, 'fw1/etc/rc.conf'), 'utf8');
    await client.open(rc, 'rc-conf', text);
    await client.replaceText(rc, text.replace('pf_enable="YES"', 'pf_enable="NO"'));
    await client.waitForDiagnostics(uri('fw1/etc/pf/rules.conf'), (d) => !has('pf/carp-blocked')(d));
    await client.replaceText(rc, text);
    await client.waitForDiagnostics(uri('fw1/etc/pf/rules.conf'), has('pf/carp-blocked'));
  });

  test("editing the included file re-checks it within fw1's cluster", async () => {
    const rules = uri('fw1/etc/pf/rules.conf');
    const text = fs.readFileSync(path.join(dir, 'fw1/etc/pf/rules.conf'), 'utf8');
    await client.open(rules, 'pf-conf', text);
    await client.replaceText(rules, text.replace('block out quick on $ext_if proto carp\n', ''));
    await client.waitForDiagnostics(rules, (d) => !has('pf/carp-blocked')(d));
  });
});
