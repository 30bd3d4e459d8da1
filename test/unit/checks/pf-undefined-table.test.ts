import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

describe('pf/undefined-table', () => {
  test('an overload table never declared on fw1: each use is reported; the fix adds it after the last table', () => {
    const t = loadFixture('pf-tables');
    const found = findingsOf(t, 'fw1/etc/pf.conf', 'pf/undefined-table', 2);
    assert.deepEqual(found.map(rangeOf), [[12, 31, 12, 43], [14, 63, 14, 75]]);
    assert.match(found[0].message, /^table <bruteforce> is used but never defined: pfctl creates an empty table <bruteforce> when it loads the rules/);
    const fix = found[0].fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Add table <bruteforce> persist');
    assert.deepEqual(fix.changes[0].edits, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, newText: 'table <bruteforce> persist\n' }]);
    const before = t.ws.get(t.uri('fw1/etc/pf.conf'))!.text;
    assert.equal(
      textAfterFix(t, fix, 'fw1/etc/pf.conf'),
      before.replace('192.168.0.0/16 }\n', '192.168.0.0/16 }\ntable <bruteforce> persist\n'),
    );
    const after = assertFixResolves(t, found[0], fix);
    findingsOf(after, 'fw1/etc/pf.conf', 'pf/undefined-table', 0);
  });

  test('on fw2 (no table definitions) the table goes after the macros; a table defined in an anchor counts', () => {
    const t = loadFixture('pf-tables');
    const [f] = findingsOf(t, 'fw2/etc/pf.conf', 'pf/undefined-table', 1);
    assert.deepEqual(rangeOf(f), [9, 31, 9, 41]);
    assert.deepEqual(f.fixes?.[0].changes[0].edits, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: 'table <sshguard> persist\n' }]);
    assertFixResolves(t, f, f.fixes![0]);
  });

  test('a near-miss of a defined table name is pointed out', () => {
    const t = workspaceFromFiles({ 'h/etc/pf.conf': 'table <Trusted> { 192.0.2.1 }\npass in from <trusted>\n' });
    const [f] = findingsOf(t, 'h/etc/pf.conf', 'pf/undefined-table', 1);
    assert.match(f.message, /Did you mean <Trusted>\?$/);
    assert.equal(textAfterFix(t, f.fixes![0], 'h/etc/pf.conf'), 'table <Trusted> { 192.0.2.1 }\ntable <trusted> persist\npass in from <trusted>\n');
  });

  test('a file with no statements before the use gets the table above the first rule', () => {
    const t = workspaceFromFiles({ 'h/etc/pf.conf': '# spam\n\nblock in from <spamd>' });
    const [f] = findingsOf(t, 'h/etc/pf.conf', 'pf/undefined-table', 1);
    assert.equal(textAfterFix(t, f.fixes![0], 'h/etc/pf.conf'), '# spam\n\ntable <spamd> persist\nblock in from <spamd>');
  });

  test('no false alarm: defined tables and files with includes', () => {
    const t = workspaceFromFiles({
      'h/etc/pf.conf': 'table <bad> persist file "/etc/pf.bad"\nblock in quick from <bad>\npass in proto tcp to port ssh keep state (max-src-conn 5, overload <bad> flush)\n',
      'i/etc/pf.conf': 'include "/etc/pf.tables"\nblock in quick from <bad>\n',
    });
    findingsOf(t, 'h/etc/pf.conf', 'pf/undefined-table', 0);
    findingsOf(t, 'i/etc/pf.conf', 'pf/undefined-table', 0);
  });
});
