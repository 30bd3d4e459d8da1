import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { kindOfPath } from '../../server/src/model/kinds';
import { REPO_ROOT } from '../helpers/workspace';

type Hook = Record<string, string>;

/**
 * The hooks of .pre-commit-hooks.yaml, read line by line: the file is a flat
 * list of `- id:` entries with one-line `key: value` pairs (values plain or in
 * single quotes), which is all this test needs and keeps YAML out of the deps.
 */
function hooks(): Hook[] {
  const result: Hook[] = [];
  for (const line of fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8').split('\n')) {
    const m = /^(- |  )([a-z_]+): (.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === '- ') result.push({});
    const raw = m[3].trim();
    result[result.length - 1][m[2]] = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  }
  return result;
}

const SAMPLES = [
  'rc.conf', 'etc/rc.conf', 'fw1/etc/rc.conf.local', 'etc/rc.conf.d/sshd', 'etc/rc.conf.d/netif/em0', 'etc/defaults/rc.conf', 'etc/defaults/vendor.conf',
  'boot/loader.conf', 'boot/loader.conf.local', 'boot/loader.conf.d/carp.conf', 'boot/defaults/loader.conf', 'etc/sysctl.conf', 'etc/sysctl.conf.local',
  'etc/sysctl.kld.d/carp.conf', 'etc/pf.conf', 'pf.conf',
  // not recognised
  'vendor.conf', 'etc/rc.conf.bak', 'etc/rc.conf.d', 'etc/rc.conf.d/a/b/c', 'boot/loader.conf.d/carp', 'etc/sysctl.kld.d/x.txt', 'etc/pf.conf.orig',
  'etc/pf.rules', 'etc/myrc.conf', 'etc/rc.conf.local.old', 'README.md', 'etc/xpf.conf',
];

describe('.pre-commit-hooks.yaml', () => {
  const all = hooks();
  const byId = new Map(all.map((h) => [h.id, h]));
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

  test('two node hooks running the installed CLI: the staged files, and the whole repository', () => {
    assert.deepEqual([...byId.keys()], ['freebsd-conf', 'freebsd-conf-all']);
    for (const h of all) {
      assert.equal(h.language, 'node');
      assert.equal(h.entry, 'freebsd-conf check');
      assert.ok(pkg.bin[h.entry.split(' ')[0]], 'the entry is the bin package.json installs');
      assert.equal(h.require_serial, 'true');
    }
    assert.equal(byId.get('freebsd-conf')!.pass_filenames, 'true');
    assert.equal(byId.get('freebsd-conf-all')!.pass_filenames, 'false');
    assert.equal(byId.get('freebsd-conf')!.files, byId.get('freebsd-conf-all')!.files);
  });

  // pre-commit matches `files` with Python's re.search on the path from the repository root; this pattern is the same in JavaScript.
  const files = new RegExp(byId.get('freebsd-conf')!.files);

  test('files matches exactly the names the CLI recognises, so no file it passes needs --kind', () => {
    for (const p of SAMPLES) assert.equal(files.test(p), kindOfPath(p) !== undefined, p);
  });

  test('the same on random paths built from config-like names', () => {
    const segment = fc.constantFrom('etc', 'boot', 'defaults', 'rc.conf', 'rc.conf.local', 'rc.conf.d', 'loader.conf', 'loader.conf.local', 'loader.conf.d',
      'sysctl.conf', 'sysctl.conf.local', 'sysctl.kld.d', 'pf.conf', 'vendor.conf', 'x.conf', 'sshd', 'rc.conf.bak', 'a.pf.conf');
    fc.assert(fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (parts) => files.test(parts.join('/')) === (kindOfPath(parts.join('/')) !== undefined)), { numRuns: 2000 });
  });
});
