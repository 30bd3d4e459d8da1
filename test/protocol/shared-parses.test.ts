import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';
import { makeTempDir } from '../helpers/temp';

/**
 * Two nodes whose pf.conf files hold one text share one parse in the
 * server (workspace/shared-parses.ts). Editing one of them must change that
 * file's diagnostics only, and each file's diagnostics stay its own.
 */
const PF = 'int_if = "em1"\nblock all\npass quick on $int_if proto carp keep state (no-sync)\npass in on $lan_if all\n';
const macroFinding = (d: Diagnostic[]): Diagnostic | undefined => d.find((x) => x.code === 'pf/undefined-macro');

describe('language server: nodes with the same pf.conf text', () => {
  let client: TestClient;
  let uri: (rel: string) => string;

  before(async () => {
    const dir = makeTempDir('fc-proto-');
    for (const [n, host] of [['fw1', 2], ['fw2', 3]] as const) {
      fs.mkdirSync(path.join(dir, n, 'etc'), { recursive: true });
      fs.writeFileSync(path.join(dir, n, 'etc', 'rc.conf'), `hostname="${n}"\nifconfig_em1="inet 192.0.2.${host}/24"\npf_enable="YES"\n`);
      fs.writeFileSync(path.join(dir, n, 'etc', 'pf.conf'), PF);
    }
    uri = (rel) => pathToFileURL(path.join(dir, rel)).href;
    client = TestClient.start('ipc');
    await client.initialize(dir);
    await client.waitFor('the workspace scan', () => client.status?.scanned);
  });
  after(() => client.stop());

  test('both files, neither open, get the finding on their own URI', async () => {
    for (const n of ['fw1', 'fw2']) {
      const d = await client.waitForDiagnostics(uri(`${n}/etc/pf.conf`), (x) => macroFinding(x) !== undefined);
      assert.deepEqual(macroFinding(d)!.range, { start: { line: 3, character: 11 }, end: { line: 3, character: 18 } });
    }
  });

  test("fixing fw1's copy clears fw1 only; undoing it brings the finding back", async () => {
    const fw1 = uri('fw1/etc/pf.conf');
    const fw2 = uri('fw2/etc/pf.conf');
    await client.open(fw1, 'pf-conf', PF);
    await client.replaceText(fw1, `lan_if = "em2"\n${PF}`);
    await client.waitForDiagnostics(fw1, (d) => macroFinding(d) === undefined);
    // fw2's text still lacks the macro: whatever was last published for it says so.
    assert.ok(macroFinding(client.diagnostics.get(fw2) ?? []), 'fw2 keeps its finding');
    await client.replaceText(fw1, PF);
    const again = await client.waitForDiagnostics(fw1, (d) => macroFinding(d) !== undefined);
    assert.deepEqual(macroFinding(again)!.range.start, { line: 3, character: 11 });
    assert.ok(macroFinding(client.diagnostics.get(fw2) ?? []), 'fw2 keeps its finding');
  });
});
