import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, loadFixture, manifestOf, rangeOf, reportedOf, reportedWithManifest, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

const CODE = 'carp/module-not-loaded';

describe('carp/module-not-loaded', () => {
  const t = loadFixture('cluster-module', { readWhole: true });

  test('if_carp_load loads nothing: the error is on the vhid line, the fix appends carp_load to loader.conf', () => {
    const [f] = reportedOf(t, 'fw2/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [3, 26, 3, 32]);
    assert.match(f.message, /^Nothing loads carp\.ko on fw2: no carp_load="YES" in loader\.conf and no carp in kld_list \(if_carp_load loads nothing since FreeBSD 10/);
    assert.match(f.message, /EPROTONOSUPPORT/);
    const fix = f.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Add carp_load="YES" to boot/loader.conf');
    assert.equal(textAfterFix(t, fix, 'fw2/boot/loader.conf'), '# fw2: copied from a FreeBSD 9 blog post\nautoboot_delay="3"\nif_carp_load="YES"\ncarp_load="YES"\n');
    assertFixResolves(t, f, fix);
  });

  test('a node without loader.conf gets one, created at boot/loader.conf', () => {
    const [f] = reportedOf(t, 'fw3/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [3, 26, 3, 32]);
    const fix = f.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Add carp_load="YES" to boot/loader.conf (new file)');
    assert.deepEqual(fix.changes.map((c) => [t.rel(c.uri), c.create]), [['fw3/boot/loader.conf', true]]);
    assert.equal(textAfterFix(t, fix, 'fw3/boot/loader.conf'), 'carp_load="YES"\n');
    assertFixResolves(t, f, fix);
  });

  test('carp_load="NO" is set to YES rather than contradicted by a second line', () => {
    const [f] = reportedOf(t, 'fw5/etc/rc.conf', CODE, 1);
    assert.match(f.message, /carp_load="NO" \(boot\/loader\.conf:1\) loads nothing, only "YES" does,/);
    const fix = f.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Set carp_load to "YES" in boot/loader.conf');
    assert.equal(textAfterFix(t, fix, 'fw5/boot/loader.conf'), 'carp_load="YES"\npf_load="YES"\n');
    assertFixResolves(t, f, fix);
  });

  test('one error per node, on its first vhid line; the vhid in rc.conf.local is related, and a loader.conf without a final newline gets one', () => {
    const [f] = reportedOf(t, 'fw6/etc/rc.conf', CODE, 1);
    reportedOf(t, 'fw6/etc/rc.conf.local', CODE, 0);
    assert.deepEqual(rangeOf(f), [3, 26, 3, 32]);
    assert.deepEqual(
      f.related?.map((r) => [t.rel(r.uri), r.range.start.line, r.message]),
      [['fw6/etc/rc.conf.local', 1, 'vhid 6 also fails here']],
    );
    const fix = f.fixes?.[0];
    assert.ok(fix);
    assert.equal(textAfterFix(t, fix, 'fw6/boot/loader.conf'), 'autoboot_delay="3"\ncarp_load="YES"\n');
    assertFixResolves(t, f, fix);
  });

  test("the first vhid in load order, not in interface order: rc.conf's em1 before rc.conf.local's em0; the rest related in load order", () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf':
        'hostname="fw1"\nifconfig_em0="inet 192.0.2.2/24"\nifconfig_em1="inet 198.51.100.2/24"\n' +
        'ifconfig_em1_alias0="inet vhid 2 pass k alias 198.51.100.1/32"\nifconfig_em1_alias1="inet vhid 3 pass k alias 198.51.100.3/32"\n',
      'fw1/etc/rc.conf.local': 'ifconfig_em0_alias0="inet vhid 1 pass k alias 192.0.2.1/32"\n',
      'fw1/boot/loader.conf': 'autoboot_delay="3"\n',
    });
    reportedOf(w, 'fw1/etc/rc.conf.local', CODE, 0);
    const [f] = reportedOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [3, 26, 3, 32]);
    assert.deepEqual(
      f.related?.map((r) => [w.rel(r.uri), r.range.start.line, r.range.start.character, r.message]),
      [
        ['fw1/etc/rc.conf', 4, 26, 'vhid 3 also fails here'],
        ['fw1/etc/rc.conf.local', 0, 26, 'vhid 1 also fails here'],
      ],
    );
  });

  test('carp_load="YES" in loader.conf or carp in kld_list: nothing to report', () => {
    reportedOf(t, 'fw1/etc/rc.conf', CODE, 0);
    reportedOf(t, 'fw4/etc/rc.conf', CODE, 0);
  });

  test('a node the manifest declares with CARP built into its kernel needs no module', () => {
    const own = loadFixture('cluster-module', { readWhole: true });
    assert.equal(reportedWithManifest(own, manifestOf({ builtinCarp: new Set(['fw3']) }), 'fw3/etc/rc.conf', CODE).length, 0);
    const byFolder = loadFixture('cluster-module', { readWhole: true });
    const m = manifestOf({ nodes: new Map([['edge-a', { root: byFolder.uri('fw3') }]]), builtinCarp: new Set(['edge-a']) });
    assert.equal(reportedWithManifest(byFolder, m, 'fw3/etc/rc.conf', CODE).length, 0);
    assert.equal(reportedWithManifest(byFolder, m, 'fw2/etc/rc.conf', CODE).length, 1);
  });

  test('flat layout: the new loader.conf goes next to rc.conf; a node without vhids needs nothing', () => {
    const w = workspaceFromFiles(
      {
        'fw9/rc.conf': 'ifconfig_em0="inet 192.0.2.9/24"\nifconfig_em0_alias0="inet vhid 9 pass k alias 192.0.2.1/32"\n',
        'srv/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.20/24"\n',
      },
      undefined,
      { readWhole: true },
    );
    const [f] = reportedOf(w, 'fw9/rc.conf', CODE, 1);
    const fix = f.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Add carp_load="YES" to loader.conf (new file)');
    assert.equal(textAfterFix(w, fix, 'fw9/loader.conf'), 'carp_load="YES"\n');
    assertFixResolves(w, f, fix);
    reportedOf(w, 'srv/etc/rc.conf', CODE, 0);
  });

  test('files checked one by one (a commit\'s staged files): a node with no loader file in sight is not judged, one whose loader.conf says if_carp_load is', () => {
    const staged = loadFixture('cluster-module');
    reportedOf(staged, 'fw3/etc/rc.conf', CODE, 0);
    reportedOf(staged, 'fw2/etc/rc.conf', CODE, 1);
  });

  test('a real freebsd-conf.json: "deviceCarp": true on the node silences it, the same node without it is reported', () => {
    const rc = 'hostname="edge3.example.net"\nifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0="inet vhid 3 pass k alias 192.0.2.1/32"\n';
    const built = workspaceFromFiles({ 'freebsd-conf.json': '{ "nodes": { "edge3": { "folder": "fw3", "deviceCarp": true } } }', 'fw3/etc/rc.conf': rc }, undefined, { readWhole: true });
    reportedOf(built, 'fw3/etc/rc.conf', CODE, 0);
    const plain = workspaceFromFiles({ 'freebsd-conf.json': '{ "nodes": { "edge3": "fw3" } }', 'fw3/etc/rc.conf': rc }, undefined, { readWhole: true });
    const [f] = reportedOf(plain, 'fw3/etc/rc.conf', CODE, 1);
    assert.match(f.message, /^Nothing loads carp\.ko on edge3:/, 'the manifest name replaces the hostname');
  });
});
