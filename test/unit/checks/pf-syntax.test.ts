import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, loadFixture, rangeOf, workspaceFromFiles } from '../../helpers/workspace';

describe('pf/syntax', () => {
  test('an error inside a macro expansion points at the use, with the definition as related information', () => {
    const t = loadFixture('pf-keywords');
    const found = findingsOf(t, 'fw2/etc/pf.conf', 'pf/syntax', 2);
    assert.deepEqual(rangeOf(found[0]), [9, 19, 9, 28]);
    assert.equal(found[0].message, "syntax error: unexpected 'port' — pfctl refuses to load the file, so none of its rules take effect.");
    assert.deepEqual(found[0].related?.map((r) => [r.range.start.line, r.range.start.character, r.range.end.line, r.range.end.character, r.message]), [
      [3, 11, 3, 31, "macro 'ssh_opts' is defined here"],
    ]);
    assert.deepEqual(rangeOf(found[1]), [10, 19, 10, 23]);
    assert.equal(found[1].related, undefined);
    assert.equal(found[1].fixes, undefined);
  });

  test("pfctl's semantic errors are reported with its message", () => {
    const t = workspaceFromFiles({ 'h/etc/pf.conf': 'rdr on em0 proto tcp to port 80 -> 10.0.0.1 port 8080 static-port\nblock in on em0 route-to (em1 10.0.0.1) all\n' });
    const messages = findingsOf(t, 'h/etc/pf.conf', 'pf/syntax', 2).map((f) => f.message.split(' — ')[0]);
    assert.deepEqual(messages, ["the 'static-port' option is only valid with nat rules", 'route-to, reply-to and dup-to are not supported on block rules']);
  });

  test('no false alarm on a complete, realistic ruleset (the fw1 example)', () => {
    const t = loadFixture('pf-shadowed');
    findingsOf(t, 'fw2/etc/pf.conf', 'pf/syntax', 0);
  });
});
