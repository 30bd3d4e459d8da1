import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, loadFixture, rangeOf, workspaceFromFiles } from '../../helpers/workspace';

const shadowed = (text: string): number[] => {
  const t = workspaceFromFiles({ 'h/etc/pf.conf': text });
  return findingsOf(t, 'h/etc/pf.conf', 'pf/shadowed-rule').map((f) => f.range.start.line);
};

describe('pf/shadowed-rule', () => {
  test('fw1: rules below a broader quick rule are reported, related to that rule', () => {
    const t = loadFixture('pf-shadowed');
    const found = findingsOf(t, 'fw1/etc/pf.conf', 'pf/shadowed-rule', 2);
    assert.deepEqual(found.map(rangeOf), [[13, 0, 13, 95], [15, 0, 15, 64]]);
    assert.equal(
      found[0].message,
      'This rule never matches: the quick rule on line 13 ("pass in quick on $ext_if proto tcp to ($ext_if) port ssh") matches every packet this one would, and pf stops at the first matching quick rule. Move this rule above it, or narrow that rule.',
    );
    assert.deepEqual(found[0].related?.map((r) => [r.range.start.line, r.range.end.character, r.message]), [[12, 56, 'the quick rule that always matches first']]);
    assert.match(found[1].message, /the quick rule on line 15 \("block in quick on \$ext_if all"\)|the quick rule on line 15 \("block in quick on \$int_if all"\)/);
    assert.equal(found[0].fixes, undefined);
  });

  test('fw2: quick rules that do not cover what follows are not reported', () => {
    const t = loadFixture('pf-shadowed');
    findingsOf(t, 'fw2/etc/pf.conf', 'pf/shadowed-rule', 0);
  });

  test('the classic cases: pass quick all, block quick on an interface', () => {
    assert.deepEqual(shadowed('pass quick all\npass in on em0 proto tcp to port 22\n'), [1]);
    assert.deepEqual(shadowed('block quick on em0\npass in on em0 proto tcp to port 22\nmatch in on em0 tag x\n'), [1, 2]);
    assert.deepEqual(shadowed('block quick on { em0 em1 }\npass in on em1 inet proto udp\n'), [1]);
  });

  test('an earlier rule narrowed by any criterion does not shadow', () => {
    const later = 'pass in on em0 proto tcp to port 22\n';
    for (const first of [
      'pass in quick on em0 proto tcp to port 22 user root',
      'pass in quick on em0 proto tcp os OpenBSD to port 22',
      'pass in quick on em0 proto tcp to port 22 probability 50%',
      'pass in quick on em0 proto tcp to port 22 received-on em1',
      'pass in quick on em0 proto tcp to port 22 once',
      'pass in quick on em0 inet proto tcp to port 22',
      'pass in quick on ! em1 proto tcp to port 22',
      'pass in quick on em0 proto udp to port 22',
      'pass in quick on em0 proto tcp from 192.0.2.0/24 to port 22',
      'pass in quick on em0 proto tcp to port 22 flags S/SAFR',
      'pass out quick on em0 proto tcp to port 22',
      'match in quick on em0 proto tcp to port 22',
    ]) {
      assert.deepEqual(shadowed(`${first}\n${later}`), [], first);
    }
  });

  test('default flags S/SA on pass rules: stray TCP segments still reach a later block or no-state rule', () => {
    assert.deepEqual(shadowed('pass quick on em0 all\nblock in on em0 proto tcp to port 23\n'), []);
    assert.deepEqual(shadowed('pass quick on em0 all\npass in on em0 proto tcp to port 80 no state\n'), []);
    assert.deepEqual(shadowed('pass quick on em0 all\nblock in on em0 proto udp to port 23\n'), [1]);
    assert.deepEqual(shadowed('pass quick on em0 all no state\nblock in on em0 proto tcp to port 23\n'), [1]);
  });

  test('protocol names and numbers from /etc/protocols are one protocol: carp, vrrp and 112', () => {
    assert.deepEqual(shadowed('block quick on em0 proto carp\npass on em0 proto vrrp\npass on em0 proto 112 keep state (no-sync)\n'), [1, 2]);
    assert.deepEqual(shadowed('block quick on em0 proto pfsync\npass on em0 proto 240\npass on em0 proto carp\n'), [1]);
  });

  test('rules in different anchors are not compared', () => {
    assert.deepEqual(shadowed('anchor "a" {\n  pass quick all\n}\npass in on em0 all\nanchor "b" {\n  pass in on em0 all\n}\n'), []);
    assert.deepEqual(shadowed('anchor "a" {\n  block quick all\n  pass in on em0 all\n}\n'), [2]);
  });
});
