import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../helpers/lsp-client';
import { REPO_ROOT } from '../helpers/workspace';

const CLI = path.join(REPO_ROOT, 'server', 'out', 'cli.js');
/** Stands for the contents of a file outside the checked folder (an SSH key, /etc/passwd). */
const SECRET = 'MARKERSECRET';

/**
 * A checked folder `root/` whose configs try every way out of it, beside a
 * folder `outside/` holding a secret. Nothing of `outside/` may be read: its
 * text must appear on no surface, and no file of it may get diagnostics.
 *
 *   root/fw1/etc/pf.conf  include "../../../outside/secret"      .. traversal
 *                         include "/../../etc/pf.inner"          absolute path with .. (stays in the node: read)
 *                         include "secret.link"                  symlinked file → outside
 *                         include "outlink/secret"               through a symlinked folder → outside
 *   root/fw2 -> ../outside                                       symlinked folder holding a node
 *   root/fw3/etc/rc.conf -> ../../../outside/etc/rc.conf         symlinked config file → outside
 *   root/loop -> .  and  root/fw1/back -> ../../root             symlink loops
 */
function hostileTree(): { base: string; root: string } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-confine-'));
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(base, rel)), { recursive: true });
    fs.writeFileSync(path.join(base, rel), text);
  };
  const link = (rel: string, target: string): void => fs.symlinkSync(target, path.join(base, rel));
  write('outside/secret', `${SECRET}:x:0:0:root:/root:/bin/sh\n${SECRET}2 key data\n`);
  write('outside/etc/rc.conf', `${SECRET}_enable="maybe"\nsshd_enabel="${SECRET}"\n`);
  write('root/fw1/etc/rc.conf', 'hostname="fw1"\npf_enable="YES"\n');
  write('root/fw1/etc/pf.inner', 'inner_if = "em0"\n');
  write(
    'root/fw1/etc/pf.conf',
    ['include "../../../outside/secret"', 'include "/../../etc/pf.inner"', 'include "secret.link"', 'include "outlink/secret"', 'pass in on $inner_if all', ''].join('\n'),
  );
  link('root/fw1/etc/secret.link', '../../../outside/secret');
  link('root/fw1/etc/outlink', '../../../outside');
  link('root/fw2', '../outside');
  fs.mkdirSync(path.join(base, 'root/fw3/etc'), { recursive: true });
  link('root/fw3/etc/rc.conf', '../../../outside/etc/rc.conf');
  link('root/loop', '.');
  link('root/fw1/back', '../../root');
  return { base, root: path.join(base, 'root') };
}

interface JsonItem {
  file: string;
  line: number;
  code: string;
  message: string;
}

describe('nothing outside the checked folder is read', () => {
  let tree: { base: string; root: string };
  before(() => {
    tree = hostileTree();
  });
  after(() => fs.rmSync(tree.base, { recursive: true, force: true }));

  test('the CLI: includes and links that leave the folder are refused and named, the scan ends', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', 'root'], { cwd: tree.base, encoding: 'utf8', timeout: 30000 });
    assert.equal(r.error, undefined, 'the scan terminates');
    assert.ok(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET), `${r.stdout}\n${r.stderr}`);
    const items = (JSON.parse(r.stdout) as { diagnostics: JsonItem[] }).diagnostics;
    const at = items.map((i) => `${i.file}:${i.line} ${i.code}`).sort();
    assert.deepEqual(at, [
      'root/fw1/etc/pf.conf:1 file/outside-root',
      'root/fw1/etc/pf.conf:3 file/outside-root',
      'root/fw1/etc/pf.conf:4 file/outside-root',
      'root/fw3/etc/rc.conf:1 file/skipped',
    ]);
    assert.match(items.find((i) => i.file === 'root/fw3/etc/rc.conf')!.message, /outside the checked folders/);
    assert.equal(r.status, 0, r.stderr);
  });

  test('the CLI refuses a path that passes through a symbolic link inside the repository', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', 'root/fw2'], { cwd: tree.base, encoding: 'utf8', timeout: 30000 });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /root\/fw2: leads through the symbolic link root\/fw2/);
    assert.ok(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET));
  });

  test('the language server: the same refusals, and no diagnostics for any file outside the folder', async () => {
    const client = TestClient.start('ipc');
    try {
      await client.initialize(tree.root);
      await client.waitFor('the workspace scan', () => client.status?.scanned);
      const pf = pathToFileURL(path.join(tree.root, 'fw1/etc/pf.conf')).href;
      const d = await client.waitForDiagnostics(pf, (x) => x.length > 0);
      assert.deepEqual(
        d.map((x) => `${x.range.start.line + 1} ${String(x.code)}`),
        ['1 file/outside-root', '3 file/outside-root', '4 file/outside-root'],
      );
      const inside = pathToFileURL(tree.root).href + '/';
      for (const [uri, list] of client.diagnostics) {
        assert.ok(uri.startsWith(inside), `diagnostics published for ${uri}`);
        assert.ok(!uri.includes('/fw2/') && !uri.includes('/loop/') && !uri.includes('/back/'), `followed a linked folder: ${uri}`);
        assert.ok(!JSON.stringify(list).includes(SECRET), `${uri}: ${JSON.stringify(list)}`);
      }
      const skipped = client.diagnostics.get(pathToFileURL(path.join(tree.root, 'fw3/etc/rc.conf')).href) ?? [];
      assert.deepEqual(skipped.map((x) => x.code), ['file/skipped']);
      assert.deepEqual(client.status?.skipped.map((s) => path.relative(tree.root, new URL(s.uri).pathname)), ['fw3/etc/rc.conf']);
    } finally {
      await client.stop();
    }
  });
});
