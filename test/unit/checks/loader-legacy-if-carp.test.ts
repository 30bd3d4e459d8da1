import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

describe('loader/legacy-if-carp', () => {
  const t = loadFixture('loader-legacy-if-carp');

  test('if_carp_load="YES" is an error on the module name; the fix renames it to carp_load', () => {
    const [f] = findingsOf(t, 'fw1/boot/loader.conf', 'loader/legacy-if-carp', 1);
    assert.deepEqual(rangeOf(f), [4, 0, 4, 12]);
    assert.match(f.message, /if_carp\.ko, which does not exist since FreeBSD 10/);
    assert.match(f.message, /use carp_load="YES"/);
    const fix = f.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Replace with carp_load="YES"');
    assert.deepEqual(fix.changes[0].edits, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 12 } }, newText: 'carp_load' }]);
    assert.equal(
      textAfterFix(t, fix, 'fw1/boot/loader.conf'),
      '# /boot/loader.conf - copied from the FreeBSD 9 firewall\nautoboot_delay="3"\nzfs_load="YES"\n# CARP for the shared gateway address\ncarp_load="YES"\npf_load="YES"\npfsync_load="YES"\n',
    );
    assertFixResolves(t, f, fix);
  });

  test('when the node already sets carp_load, the fix deletes the legacy line', () => {
    const [f] = findingsOf(t, 'fw2/boot/loader.conf.local', 'loader/legacy-if-carp', 1);
    assert.deepEqual(rangeOf(f), [1, 0, 1, 12]);
    const fix = f.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Remove the if_carp_load line (carp_load is already set at boot/loader.conf:4)');
    assert.equal(textAfterFix(t, fix, 'fw2/boot/loader.conf.local'), '# old line kept "just in case"\n');
    assertFixResolves(t, f, fix);
  });

  test('a value meant as yes ("1") is rewritten to carp_load="YES", quoted', () => {
    const [f] = findingsOf(t, 'fw3/boot/loader.conf', 'loader/legacy-if-carp', 1);
    assert.deepEqual(rangeOf(f), [1, 0, 1, 12]);
    const fix = f.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Replace with carp_load="YES"');
    assert.equal(textAfterFix(t, fix, 'fw3/boot/loader.conf'), 'autoboot_delay="3"\ncarp_load="YES"\nif_bridge_load="NO"\n');
    // load-value stays quiet on if_carp_load=1: one diagnostic per mistake.
    findingsOf(t, 'fw3/boot/loader.conf', 'loader/load-value', 0);
    assertFixResolves(t, f, fix);
  });

  test('no finding for carp_load, for if_carp_load="NO" (left to redundant-default), or in a clean cluster', () => {
    const w = workspaceFromFiles({ 'fw1/boot/loader.conf': 'carp_load="YES"\nif_carp_load="NO"\nif_carp_name="/boot/modules/if_carp.ko"\n' });
    findingsOf(w, 'fw1/boot/loader.conf', 'loader/legacy-if-carp', 0);
    const clean = loadFixture('loader-clean');
    findingsOf(clean, 'fw1/boot/loader.conf', 'loader/legacy-if-carp', 0);
    findingsOf(clean, 'fw2/boot/loader.conf', 'loader/legacy-if-carp', 0);
  });

  test('the suppression comment silences it', () => {
    const w = workspaceFromFiles({ 'fw1/boot/loader.conf': '# freebsd-conf-disable-next-line loader/legacy-if-carp\nif_carp_load="YES"\n' });
    findingsOf(w, 'fw1/boot/loader.conf', 'loader/legacy-if-carp', 0);
  });
});
