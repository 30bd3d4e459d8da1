import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES } from '../helpers/workspace';
import { runCli as run, tempDir } from '../helpers/cli';

/** A private copy of a fixture, for runs from inside it (the current directory decides which manifest is read). */
function copy(t: Parameters<typeof tempDir>[0], name: string): string {
  const dir = tempDir(t);
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

describe('freebsd-conf.json in the CLI (the built CLI)', () => {
  test('read at the root of a directory PATH: names and files placed, its severity applied, nothing wrong with it', () => {
    const r = run(['check', path.join(FIXTURES, 'manifest-cluster')]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^test\/fixtures\/manifest-cluster\/sites\/ams\/beta\/etc\/rc\.conf:10:1 error rc\/duplicate-assignment /m, 'a warning the manifest makes an error');
    assert.doesNotMatch(r.stdout, /loader\/redundant-default/, 'a hint the manifest turns off');
    assert.doesNotMatch(r.stdout, /freebsd-conf\.json/);
    // Besides: lb1 and lb2 load no carp (2 errors), and the edge pair has preempt off on two interfaces (2 warnings).
    assert.match(r.stderr, /^9 files checked: 3 errors, 2 warnings, 0 information, 0 hints$/m, 'the three files listed under other names are checked too');
  });

  test('its mistakes are printed at their line and column, and fail the run; the other files are still checked', () => {
    const r = run(['check', '--format', 'json', path.join(FIXTURES, 'manifest-mistakes')]);
    assert.equal(r.code, 1, r.stderr);
    const items = (JSON.parse(r.stdout) as { diagnostics: { file: string; line: number; column: number; severity: string; code: string; message: string }[] }).diagnostics;
    const manifest = items.filter((i) => i.file.endsWith('freebsd-conf.json')).map((i) => `${i.line}:${i.column} ${i.severity} ${i.code}`);
    assert.deepEqual(manifest, [
      '3:14 warning manifest/unknown-node',
      '4:14 warning manifest/unknown-node',
      '6:14 error manifest/invalid',
      '7:31 warning manifest/unknown-node',
      '7:75 warning manifest/unknown-key',
      '8:36 error manifest/invalid',
      '9:5 warning manifest/unknown-node',
      '12:33 warning manifest/unknown-node',
      '13:23 warning manifest/unknown-node',
    ]);
    assert.match(r.stderr, /^5 files checked: /m);
  });

  test('--settings wins over the manifest, code by code', (t) => {
    const dir = copy(t, 'manifest-cluster');
    fs.writeFileSync(path.join(dir, 's.json'), '{"severity": {"rc/duplicate-assignment": "warning"}}');
    const r = run(['check', '--settings', 's.json', '.'], dir);
    assert.equal(r.code, 1, r.stderr); // lb1 and lb2 load no carp: carp/module-not-loaded
    assert.match(r.stdout, /^sites\/ams\/beta\/etc\/rc\.conf:10:1 warning rc\/duplicate-assignment /m);
    assert.doesNotMatch(r.stdout, /loader\/redundant-default/, 'what the settings leave, the manifest still sets');
  });

  test('files checked one by one (pre-commit) take names, kinds and severities from the current directory\'s manifest, which is not reported on', (t) => {
    const dir = copy(t, 'manifest-mistakes');
    fs.writeFileSync(path.join(dir, 'fw2', 'etc', 'rc.conf'), 'hostname="fw2"\nsshd_enable="YES"\nsshd_enable="YES"\n');
    const json = fs.readFileSync(path.join(dir, 'freebsd-conf.json'), 'utf8').replace('"clusters"', '"severity": {"rc/duplicate-assignment": "error"},\n  "clusters"');
    fs.writeFileSync(path.join(dir, 'freebsd-conf.json'), json);
    const r = run(['check', 'fw2/etc/rc.conf', 'lab/lab.loader'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^fw2\/etc\/rc\.conf:2:1 error rc\/duplicate-assignment /m);
    assert.doesNotMatch(r.stdout, /freebsd-conf\.json|not-in-a-node/);
    assert.match(r.stderr, /^2 files checked: /m, 'lab/lab.loader is read as the loader.conf the manifest lists it as, without --kind');
  });

  test('a folder that is not a node is reported when scanned, not when its file is checked alone', (t) => {
    const dir = copy(t, 'manifest-unplaced');
    const scanned = run(['check', '.'], dir);
    assert.equal(scanned.code, 1, scanned.stderr);
    assert.match(scanned.stdout, /^fw2-boot\/boot\/loader\.conf:2:1 information file\/not-in-a-node The folder fw2-boot holds config files but no etc\/rc\.conf or rc\.conf/m);
    // Until the manifest places fw2-boot's loader.conf, fw2 has none: nothing loads carp there.
    assert.match(scanned.stdout, /^fw2\/etc\/rc\.conf:3:27 error carp\/module-not-loaded /m);
    const alone = run(['check', 'fw2-boot/boot/loader.conf'], dir);
    assert.equal(alone.stdout, '');
    fs.writeFileSync(path.join(dir, 'freebsd-conf.json'), '{"nodes": {"fw2": {"folder": "fw2", "files": {"loader": "fw2-boot/boot/loader.conf"}}}}');
    assert.equal(run(['check', '.'], dir).stdout, '', 'placed by the manifest');
  });

  test('a manifest that is a symbolic link out of the PATH is not read', (t) => {
    const outside = tempDir(t, { 'secret.json': '{"nodes": {"leaked-secret-name": "x"}}' });
    const dir = copy(t, 'manifest-unplaced');
    fs.symlinkSync(path.join(outside, 'secret.json'), path.join(dir, 'freebsd-conf.json'));
    const r = run(['check', '.'], dir);
    assert.doesNotMatch(r.stdout + r.stderr, /leaked-secret-name/);
    assert.match(r.stderr, /skipped freebsd-conf\.json: it resolves outside the checked folders/);
  });
});
