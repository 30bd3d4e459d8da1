import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

describe('pf/unused-macro', () => {
  test('a leftover macro on fw1 is reported on its name; the fix deletes its whole line', () => {
    const t = loadFixture('pf-macros');
    const found = findingsOf(t, 'fw1/etc/pf.conf', 'pf/unused-macro', 2);
    const f = found.find((x) => x.message.includes("'old_dns'"));
    assert.ok(f);
    assert.deepEqual(rangeOf(f), [9, 0, 9, 7]);
    assert.equal(f.message, `macro 'old_dns' is defined but never used (pfctl -vv warns "macro 'old_dns' not used"); remove it, or check the rules for a misspelt $old_dns.`);
    const fix = f.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Remove the unused macro old_dns');
    assert.deepEqual(fix.changes[0].edits, [{ range: { start: { line: 9, character: 0 }, end: { line: 10, character: 0 } }, newText: '' }]);
    const before = t.ws.get(t.uri('fw1/etc/pf.conf'))!.text;
    assert.equal(textAfterFix(t, fix, 'fw1/etc/pf.conf'), before.replace('old_dns = "192.168.10.53"\t# retired in 2023\n', ''));
    assertFixResolves(t, f, fix);
  });

  test('a macro whose only use is misspelt is unused too (pfctl -vv agrees)', () => {
    const t = loadFixture('pf-macros');
    const f = findingsOf(t, 'fw1/etc/pf.conf', 'pf/unused-macro').find((x) => x.message.includes("'mgmt_hosts'"));
    assert.deepEqual(f && rangeOf(f), [7, 0, 7, 10]);
  });

  test('a macro defined after its uses is left to pf/undefined-macro', () => {
    const t = loadFixture('pf-macros');
    findingsOf(t, 'fw2/etc/pf.conf', 'pf/unused-macro', 0);
  });

  test('a definition continued with a backslash is removed with all its lines', () => {
    const text = 'ext_if = "em0"\nold_nets = "{ 10.1.0.0/16 \\\n  10.2.0.0/16 }"\npass out on $ext_if all\n';
    const t = workspaceFromFiles({ 'h/etc/pf.conf': text });
    const [f] = findingsOf(t, 'h/etc/pf.conf', 'pf/unused-macro', 1);
    assert.deepEqual(rangeOf(f), [1, 0, 1, 8]);
    assert.deepEqual(f.fixes?.[0].changes[0].edits, [{ range: { start: { line: 1, character: 0 }, end: { line: 3, character: 0 } }, newText: '' }]);
    assert.equal(textAfterFix(t, f.fixes![0], 'h/etc/pf.conf'), 'ext_if = "em0"\npass out on $ext_if all\n');
    assertFixResolves(t, f, f.fixes![0]);
  });

  test('the last line without a line break takes the break before it', () => {
    const t = workspaceFromFiles({ 'h/etc/pf.conf': 'pass all\nspare = "em3"' });
    const [f] = findingsOf(t, 'h/etc/pf.conf', 'pf/unused-macro', 1);
    assert.equal(textAfterFix(t, f.fixes![0], 'h/etc/pf.conf'), 'pass all');
  });

  test('a chain of dead macros is reported whole; a redefinition before any use is named as such', () => {
    const t = workspaceFromFiles({ 'h/etc/pf.conf': 'a = "10.0.0.1"\nb = $a\nif = "em0"\nif = "em1"\npass on $if all\n' });
    const messages = findingsOf(t, 'h/etc/pf.conf', 'pf/unused-macro', 3).map((f) => f.message);
    assert.match(messages[0], /'a' is defined but never used/);
    assert.match(messages[1], /'b' is defined but never used/);
    assert.equal(messages[2], "macro 'if' is redefined on line 4 before anything uses this value, so this definition has no effect.");
  });

  test('no false alarm: macros used in rules or in used macros; files with includes are not judged', () => {
    const used = workspaceFromFiles({ 'h/etc/pf.conf': 'ext_if = "em0"\nint_if = "em1"\nifs = "{" $ext_if $int_if "}"\npass on $ifs all\n' });
    findingsOf(used, 'h/etc/pf.conf', 'pf/unused-macro', 0);
    const inc = workspaceFromFiles({ 'h/etc/pf.conf': 'ext_if = "em0"\ninclude "/etc/pf.rules"\n' });
    findingsOf(inc, 'h/etc/pf.conf', 'pf/unused-macro', 0);
  });
});
