import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient, VSCODE_LIKE_CAPABILITIES } from '../helpers/lsp-client';
import { makeTempDir } from '../helpers/temp';

/**
 * The initial scan as VS Code drives it: the client answers configuration
 * requests (so the server reads `files.exclude`) and shows work-done progress.
 */
describe('the workspace scan', () => {
  test("leaves out what files.exclude hides, skips .git and node_modules, and reports progress from begin to end", async () => {
    const files: Record<string, string> = {
      'fw1/etc/rc.conf': 'hostname="fw1"\npf_enable="maybe"\n',
      'attic/fw9/etc/rc.conf': 'pf_enable="maybe"\n',
      'build/out/etc/rc.conf': 'pf_enable="maybe"\n',
      '.git/etc/rc.conf': 'pf_enable="maybe"\n',
      'node_modules/x/etc/rc.conf': 'pf_enable="maybe"\n',
    };
    // Enough nodes that the check runs in several slices.
    for (let i = 0; i < 60; i++) files[`n${i}/etc/rc.conf`] = `hostname="n${i}"\n`;
    const dir = makeTempDir('fc-scan-', files);
    const client = TestClient.start('ipc');
    const progress: string[] = [];
    const asked: string[] = [];
    client.connection.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) =>
      params.items.map((item) => {
        asked.push(`${item.section}${item.scopeUri ? ` @${path.basename(new URL(item.scopeUri).pathname)}` : ''}`);
        return item.section === 'files.exclude' ? { '**/attic': true, 'build/**': true, '**/ignored': false } : {};
      }),
    );
    client.connection.onRequest('window/workDoneProgress/create', () => null);
    client.connection.onRequest('client/registerCapability', () => null);
    client.connection.onNotification('$/progress', (p: { value: { kind: string; percentage?: number } }) => progress.push(p.value.kind + (p.value.percentage === undefined ? '' : ` ${p.value.percentage}`)));
    try {
      await client.initialize(dir, {
        ...VSCODE_LIKE_CAPABILITIES,
        workspace: { ...VSCODE_LIKE_CAPABILITIES.workspace, configuration: true },
        window: { workDoneProgress: true },
      });
      await client.waitFor('the workspace scan', () => client.status?.scanned, 20000);
      assert.ok(asked.includes(`files.exclude @${path.basename(dir)}`), asked.join());
      assert.equal(client.status?.files, 61, 'fw1 and the 60 nodes; attic/, build/, .git/ and node_modules/ are left out');
      const uri = (rel: string): string => pathToFileURL(path.join(dir, rel)).href;
      assert.ok(client.diagnostics.get(uri('fw1/etc/rc.conf'))?.some((d) => d.code === 'rc/invalid-yes-no'));
      for (const hidden of ['attic/fw9/etc/rc.conf', 'build/out/etc/rc.conf', '.git/etc/rc.conf', 'node_modules/x/etc/rc.conf']) {
        assert.equal(client.diagnostics.get(uri(hidden)), undefined, hidden);
      }
      assert.match(progress[0], /^begin/);
      assert.equal(progress[progress.length - 1], 'end');
      const percents = progress.filter((p) => p.startsWith('report ')).map((p) => Number(p.slice('report '.length)));
      assert.ok(percents.length >= 2, `the check reports as it goes: ${progress.join(', ')}`);
      assert.deepEqual([...percents].sort((a, b) => a - b), percents, 'never backwards');
    } finally {
      await client.stop();
    }
  });
});
