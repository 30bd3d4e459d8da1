import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

describe('pf/legacy-carp-interface', () => {
  test('fw1: the advertisement rule on carp0 is rewritten for the parents found in rc.conf', () => {
    const t = loadFixture('pf-carp');
    const found = findingsOf(t, 'fw1/etc/pf.conf', 'pf/legacy-carp-interface', 2);
    assert.deepEqual(found.map(rangeOf), [[11, 14, 11, 19], [12, 11, 12, 16]]);
    assert.match(found[0].message, /^carp0 does not exist since FreeBSD 10: a CARP address is now an alias with a vhid on its parent interface \(em0, em1 on this node\)/);
    const fix = found[0].fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Rewrite as "pass quick on { em0 em1 } proto carp keep state (no-sync)"');
    assert.deepEqual(fix.changes[0].edits, [
      { range: { start: { line: 11, character: 0 }, end: { line: 11, character: 41 } }, newText: 'pass quick on { em0 em1 } proto carp keep state (no-sync)' },
    ]);
    const before = t.ws.get(t.uri('fw1/etc/pf.conf'))!.text;
    assert.equal(textAfterFix(t, fix, 'fw1/etc/pf.conf'), before.replace('pass quick on carp0 proto carp keep state', 'pass quick on { em0 em1 } proto carp keep state (no-sync)'));
    assertFixResolves(t, found[0], fix);
  });

  test('fw1: a rule for traffic to a VIP on carp1 is reported without a rewrite that would drop it', () => {
    const t = loadFixture('pf-carp');
    const f = findingsOf(t, 'fw1/etc/pf.conf', 'pf/legacy-carp-interface')[1];
    assert.deepEqual(f.fixes, []);
    assert.match(f.message, /Write it for em0 or em1 \(traffic to a CARP address arrives there\), and let advertisements through with "pass on \{ em0 em1 \} proto carp keep state \(no-sync\)"\.$/);
  });

  test('fw2: carp0 through a macro, parent taken from the legacy ifconfig_carp0 address; the dead macro goes too', () => {
    const t = loadFixture('pf-carp');
    const [f] = findingsOf(t, 'fw2/etc/pf.conf', 'pf/legacy-carp-interface', 1);
    assert.deepEqual(rangeOf(f), [11, 14, 11, 22]);
    assert.deepEqual(f.related?.map((r) => [r.range.start.line, r.range.start.character, r.message]), [[4, 10, "macro 'carp_if' is defined here"]]);
    const fix = f.fixes![0];
    assert.deepEqual(fix.changes[0].edits, [
      { range: { start: { line: 11, character: 0 }, end: { line: 11, character: 22 } }, newText: 'pass quick on em0 proto carp keep state (no-sync)' },
      { range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }, newText: '' },
    ]);
    const before = t.ws.get(t.uri('fw2/etc/pf.conf'))!.text;
    assert.equal(
      textAfterFix(t, fix, 'fw2/etc/pf.conf'),
      before.replace('carp_if = "carp0"\n', '').replace('pass quick on $carp_if', 'pass quick on em0 proto carp keep state (no-sync)'),
    );
    assertFixResolves(t, f, fix);
  });

  test('fw3 has no rc.conf: the rewrite names no interface', () => {
    const t = loadFixture('pf-carp');
    const [f] = findingsOf(t, 'fw3/etc/pf.conf', 'pf/legacy-carp-interface', 1);
    assert.deepEqual(rangeOf(f), [1, 8, 1, 13]);
    assert.equal(f.fixes?.[0].title, 'Rewrite as "pass proto carp keep state (no-sync)"');
    assertFixResolves(t, f, f.fixes![0]);
  });

  test('set skip on carpN is dead too; no rewrite is offered there', () => {
    const t = workspaceFromFiles({ 'h/etc/pf.conf': 'set skip on { lo0 carp0 }\npass all\n' });
    const [f] = findingsOf(t, 'h/etc/pf.conf', 'pf/legacy-carp-interface', 1);
    assert.match(f.message, /"set skip on carp0" has no effect\. Remove carp0 from the list\.$/);
    assert.deepEqual(f.fixes, []);
  });

  test('no false alarm: parent interfaces, proto carp, names that merely start with carp', () => {
    const t = loadFixture('pf-macros');
    findingsOf(t, 'fw1/etc/pf.conf', 'pf/legacy-carp-interface', 0);
    const u = workspaceFromFiles({ 'h/etc/pf.conf': 'pass on carpet0 all\npass on em0 proto carp keep state (no-sync)\npass on carp all\n' });
    findingsOf(u, 'h/etc/pf.conf', 'pf/legacy-carp-interface', 0);
  });
});
