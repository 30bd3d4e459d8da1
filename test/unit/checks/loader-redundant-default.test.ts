import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

describe('loader/redundant-default', () => {
  const t = loadFixture('loader-redundant-default');
  const FILE = 'fw1/boot/loader.conf';
  const list = findingsOf(t, FILE, 'loader/redundant-default', 6);

  test('net.inet.carp.allow=1 is a hint over the whole setting; the fix removes the line', () => {
    const f = list[0];
    assert.deepEqual(rangeOf(f), [3, 0, 3, 21]);
    assert.match(f.message, /net\.inet\.carp\.allow=1 is already the default/);
    const fix = f.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Remove net.inet.carp.allow (it equals the default)');
    assert.deepEqual(fix.changes[0].edits, [{ range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, newText: '' }]);
    assert.equal(textAfterFix(t, fix, FILE).split('\n')[3], 'if_carp_load="NO"    # legacy, replaced by carp_load');
    assertFixResolves(t, f, fix);
  });

  test('*_load="NO", knobs equal to stand/defaults/loader.conf, and entropy_cache_load="YES"', () => {
    assert.deepEqual(list.map(rangeOf).slice(1), [
      [4, 0, 4, 17], // if_carp_load="NO"
      [5, 0, 5, 14], // vesa_load="NO"
      [6, 0, 6, 20], // verbose_loading="NO"
      [7, 0, 7, 24], // entropy_cache_load="YES"
      [8, 0, 8, 24], // bitmap_name="splash.bmp"
    ]);
    assert.match(list[1].message, /if_carp\.ko no longer exists/);
    assert.match(list[4].message, /already sets it to YES/);
    for (const f of list.slice(1)) {
      const fix = f.fixes?.[0];
      assert.ok(fix);
      assertFixResolves(t, f, fix);
    }
    const fix = list[5].fixes?.[0];
    assert.ok(fix);
    assert.equal(textAfterFix(t, fix, FILE).endsWith('entropy_cache_load="YES"\n'), true);
  });

  test('not redundant when another file of the node sets the same name', () => {
    findingsOf(t, 'fw2/boot/loader.conf', 'loader/redundant-default', 0);
    findingsOf(t, 'fw2/boot/loader.conf.local', 'loader/redundant-default', 0);
  });

  test('loader.conf.local copied from loader.conf: each line has its twin in the other file, so neither is redundant', () => {
    // Files of one text share their parse (workspace/shared-parses.ts): the two
    // files hold the same setting objects, and must still count as two assignments.
    const text = 'carp_load="YES"\nvesa_load="NO"\nverbose_loading="NO"\n';
    const w = workspaceFromFiles({ 'a/boot/loader.conf': text, 'a/boot/loader.conf.local': text });
    findingsOf(w, 'a/boot/loader.conf', 'loader/redundant-default', 0);
    findingsOf(w, 'a/boot/loader.conf.local', 'loader/redundant-default', 0);
    const single = workspaceFromFiles({ 'a/boot/loader.conf': text });
    findingsOf(single, 'a/boot/loader.conf', 'loader/redundant-default', 2);
  });

  test('not redundant: allow=0, YES for modules, exec, values that differ; defaults file skipped', () => {
    const w = workspaceFromFiles({
      'a/boot/loader.conf': 'net.inet.carp.allow=0\ncarp_load="YES"\nexec="echo Loading /boot/defaults/loader.conf"\nkernel="kernel.GENERIC"\nverbose_loading="YES"\n',
      'a/boot/defaults/loader.conf': 'vesa_load="NO"\nverbose_loading="NO"\n',
    });
    findingsOf(w, 'a/boot/loader.conf', 'loader/redundant-default', 0);
    findingsOf(w, 'a/boot/defaults/loader.conf', 'loader/redundant-default', 0);
    const clean = loadFixture('loader-clean');
    findingsOf(clean, 'fw1/boot/loader.conf', 'loader/redundant-default', 0);
    findingsOf(clean, 'fw2/boot/loader.conf', 'loader/redundant-default', 0);
  });
});
