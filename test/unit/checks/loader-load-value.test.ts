import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';
import type { Finding } from '../../../server/src/checks/types';

const FILE = 'fw1/boot/loader.conf';

/** The finding on a 0-based line. */
function onLine(list: Finding[], line: number): Finding {
  const f = list.find((x) => x.range.start.line === line);
  assert.ok(f, `no finding on line ${line}`);
  return f;
}

/** The line of a file after a fix. */
function lineAfter(text: string, line: number): string {
  return text.split('\n')[line];
}

describe('loader/load-value', () => {
  const t = loadFixture('loader-load-value');
  const list = findingsOf(t, FILE, 'loader/load-value', 4);

  test('"1" and an unquoted true are flagged on the value; YES is the preferred fix', () => {
    const pf = onLine(list, 4);
    assert.deepEqual(rangeOf(pf), [4, 8, 4, 11]);
    assert.match(pf.message, /pf_load="1" is neither YES nor NO/);
    assert.match(pf.message, /write YES/);
    const [yes] = pf.fixes ?? [];
    assert.equal(yes.title, 'Set pf_load to "YES"');
    assert.equal(yes.isPreferred, true);
    assert.deepEqual(yes.changes[0].edits, [{ range: { start: { line: 4, character: 9 }, end: { line: 4, character: 10 } }, newText: 'YES' }]);
    assert.equal(lineAfter(textAfterFix(t, yes, FILE), 4), 'pf_load="YES"');
    assertFixResolves(t, pf, yes);

    const pfsync = onLine(list, 5);
    assert.deepEqual(rangeOf(pfsync), [5, 12, 5, 16]);
    const [quoted] = pfsync.fixes ?? [];
    assert.equal(lineAfter(textAfterFix(t, quoted, FILE), 5), 'pfsync_load="YES"');
    assertFixResolves(t, pfsync, quoted);
  });

  test('a value meant as no prefers removing the line when NO is the default anyway', () => {
    const lagg = onLine(list, 6);
    assert.deepEqual(rangeOf(lagg), [6, 13, 6, 18]);
    assert.match(lagg.message, /write NO/);
    const [remove, yes] = lagg.fixes ?? [];
    assert.equal(remove.title, 'Remove the line (if_lagg is not loaded by default)');
    assert.equal(remove.isPreferred, true);
    const after = textAfterFix(t, remove, FILE);
    assert.equal(after.includes('if_lagg_load'), false);
    assert.equal(after.split('\n').length, 8);
    assertFixResolves(t, lagg, remove);
    assert.equal(yes.title, 'Set if_lagg_load to "YES"');
    assertFixResolves(t, lagg, yes);
  });

  test('entropy_cache loads by default, so "0" becomes NO and YES means removing the line', () => {
    const entropy = onLine(list, 7);
    assert.deepEqual(rangeOf(entropy), [7, 19, 7, 22]);
    const [no, removeYes] = entropy.fixes ?? [];
    assert.equal(no.title, 'Set entropy_cache_load to "NO"');
    assert.equal(lineAfter(textAfterFix(t, no, FILE), 7), 'entropy_cache_load="NO"');
    assertFixResolves(t, entropy, no);
    assert.equal(removeYes.title, 'Remove the line (entropy_cache_load is YES by default)');
    assertFixResolves(t, entropy, removeYes);
  });

  test('when another file of the node sets the knob, NO is written rather than the line removed', () => {
    const [f] = findingsOf(t, 'fw2/boot/loader.conf', 'loader/load-value', 1);
    assert.deepEqual(rangeOf(f), [0, 10, 0, 20]);
    const [no] = f.fixes ?? [];
    assert.equal(no.title, 'Set ipfw_load to "NO"');
    assert.equal(textAfterFix(t, no, 'fw2/boot/loader.conf'), 'ipfw_load="NO"\n');
    assertFixResolves(t, f, no);
  });

  test('YES, yes, NO, no and non-_load knobs are fine', () => {
    assert.equal(list.some((f) => f.range.start.line === 3), false); // carp_load="yes"
    const w = workspaceFromFiles({ 'a/boot/loader.conf': 'zfs_load=YES\nvmm_load="no"\ngeom_eli_flags="1"\nhw.x_load="1"\n' });
    findingsOf(w, 'a/boot/loader.conf', 'loader/load-value', 0);
    const clean = loadFixture('loader-clean');
    findingsOf(clean, FILE, 'loader/load-value', 0);
    findingsOf(clean, 'fw2/boot/loader.conf.local', 'loader/load-value', 0);
  });
});
