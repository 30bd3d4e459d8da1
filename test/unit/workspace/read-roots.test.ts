import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ReadRoots } from '../../../server/src/workspace/read-roots';
import { readConfFile, scanFolder } from '../../../server/src/workspace/scan';
import { uriToFsPath } from '../../../server/src/workspace/uri-path';

/**
 *   base/outside/secret, base/outside/etc/rc.conf
 *   base/root/fw1/etc/rc.conf          a plain config
 *   base/root/fw1/etc/rc.conf.local -> rc.conf          a link inside the root (read)
 *   base/root/fw1/etc/sysctl.conf -> ../../../outside/secret   a link out (refused)
 *   base/root/fw2 -> ../outside         a linked folder (not walked)
 *   base/root/fw3/etc/rc.conf/          a folder named like a config (reported)
 *   base/root/fw4/etc/rc.conf           a FIFO (reported, never opened)
 *   base/root/fw5/etc/rc.conf.d/netif/  a service folder (walked, not reported)
 *   base/root/loop -> .                 a loop
 */
describe('read roots and the scan', () => {
  let base: string;
  let root: string;
  before(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-roots-'));
    root = path.join(base, 'root');
    const write = (rel: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(base, rel)), { recursive: true });
      fs.writeFileSync(path.join(base, rel), text);
    };
    write('outside/secret', 'secret\n');
    write('outside/etc/rc.conf', 'x="1"\n');
    write('root/fw1/etc/rc.conf', 'hostname="fw1"\n');
    fs.symlinkSync('rc.conf', path.join(root, 'fw1/etc/rc.conf.local'));
    fs.symlinkSync('../../../outside/secret', path.join(root, 'fw1/etc/sysctl.conf'));
    fs.symlinkSync('../outside', path.join(root, 'fw2'));
    fs.mkdirSync(path.join(root, 'fw3/etc/rc.conf'), { recursive: true });
    fs.mkdirSync(path.join(root, 'fw4/etc'), { recursive: true });
    execFileSync('mkfifo', [path.join(root, 'fw4/etc/rc.conf')]);
    write('root/fw5/etc/rc.conf.d/netif/em0', 'ifconfig_em0="DHCP"\n');
    fs.symlinkSync('.', path.join(root, 'loop'));
  });
  after(() => fs.rmSync(base, { recursive: true, force: true }));

  test('the scan lists config files and links, reports what is not a file, follows no linked folder and ends', async () => {
    const { files, skipped, truncated } = await scanFolder(root, 100);
    assert.deepEqual(files.map((f) => `${path.relative(root, f.path)} ${f.kind}`), [
      'fw1/etc/rc.conf rc',
      'fw1/etc/rc.conf.local rc',
      'fw1/etc/sysctl.conf sysctl',
      'fw5/etc/rc.conf.d/netif/em0 rc',
    ]);
    assert.deepEqual(skipped.map((s) => `${path.relative(root, s.path)}: ${s.reason}`), [
      'fw3/etc/rc.conf: not a regular file (a directory)',
      'fw4/etc/rc.conf: not a regular file (a FIFO)',
    ]);
    assert.equal(truncated, 0);
  });

  test('the file cap: at most maxFiles, and how many were left out', async () => {
    const { files, truncated } = await scanFolder(root, 3);
    assert.equal(files.length, 3);
    assert.equal(truncated, 1);
  });

  test('readConfFile reads inside the roots, through links that stay inside, and refuses the rest', async () => {
    const roots = await ReadRoots.of([root]);
    assert.deepEqual(await readConfFile(path.join(root, 'fw1/etc/rc.conf'), roots), { ok: true, text: 'hostname="fw1"\n' });
    assert.deepEqual(await readConfFile(path.join(root, 'fw1/etc/rc.conf.local'), roots), { ok: true, text: 'hostname="fw1"\n' });
    const out = await readConfFile(path.join(root, 'fw1/etc/sysctl.conf'), roots);
    assert.deepEqual(out, { ok: false, problem: 'outside', reason: 'it resolves outside the checked folders' });
    assert.equal((await readConfFile(path.join(root, 'fw1/../../outside/secret'), roots)).ok, false);
    assert.equal((await readConfFile(path.join(root, 'fw2/etc/rc.conf'), roots)).ok, false);
    assert.deepEqual(await readConfFile(path.join(root, 'fw4/etc/rc.conf'), roots), { ok: false, problem: 'unsuitable', reason: 'not a regular file (a FIFO)' });
    assert.equal((await readConfFile(path.join(root, 'nope/rc.conf'), roots)).ok === false && 'missing', 'missing');
    assert.equal((await readConfFile(path.join(root, 'fw1/etc/rc.conf'), ReadRoots.none)).ok, false, 'no roots: nothing is read');
  });

  test('a walked file is opened without a realpath, but never through a link that appeared since the walk, and never blocks on a FIFO', async () => {
    const roots = await ReadRoots.of([root]);
    assert.deepEqual(await readConfFile(path.join(root, 'fw1/etc/rc.conf'), roots, true), { ok: true, text: 'hostname="fw1"\n' });
    // sysctl.conf is a link to outside/secret: taken for a walked regular file, O_NOFOLLOW refuses it.
    assert.deepEqual(await readConfFile(path.join(root, 'fw1/etc/sysctl.conf'), roots, true), { ok: false, problem: 'outside', reason: 'a symbolic link appeared while the folder was read' });
    assert.deepEqual(await readConfFile(path.join(root, 'fw4/etc/rc.conf'), roots, true), { ok: false, problem: 'unsuitable', reason: 'not a regular file (a FIFO)' });
  });

  test('a root given as a sibling with a common prefix is not a parent (root vs root2)', async () => {
    fs.mkdirSync(path.join(base, 'root2'), { recursive: true });
    fs.writeFileSync(path.join(base, 'root2/rc.conf'), 'x="1"\n');
    const roots = await ReadRoots.of([root]);
    assert.equal((await readConfFile(path.join(base, 'root2/rc.conf'), roots)).ok, false);
  });

  test('the command line: a path through a link below the current directory is refused, links above it are not', async () => {
    const refused = await ReadRoots.forCommandLine(['root/fw2', 'root/fw2/etc', 'root/fw1', 'root/loop/fw1'], base);
    assert.deepEqual(refused.refused.map((r) => r.path), ['root/fw2', 'root/fw2/etc', 'root/loop/fw1']);
    assert.ok(refused.roots.covers(path.join(root, 'fw1/etc/rc.conf')));
    assert.ok(!refused.roots.covers(path.join(base, 'outside/secret')));
    // From inside root/fw1, the link root/fw2 lies above the current directory: the machine's business.
    const above = await ReadRoots.forCommandLine([path.join(root, 'fw2')], path.join(root, 'fw1'));
    assert.deepEqual(above.refused, []);
  });
});

describe('uriToFsPath never throws', () => {
  test('URIs an editor may send', () => {
    assert.equal(uriToFsPath('file:///srv/fw1/etc/rc.conf'), '/srv/fw1/etc/rc.conf');
    assert.equal(uriToFsPath('file:///srv/a%20b/rc.conf'), '/srv/a b/rc.conf');
    for (const bad of ['file:///srv/cfg/100%/etc/rc.conf', 'file://host/share/etc/rc.conf', 'file:///srv/a%2Fb/etc/rc.conf', 'untitled:Untitled-1', 'file:///%E0%A4%A']) {
      assert.equal(uriToFsPath(bad), undefined, bad);
    }
  });
});
