import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, loadFixture, rangeOf } from '../../helpers/workspace';

describe('rc/syntax', () => {
  test('fw1: an unterminated quote at the quote, and spaces around =', () => {
    const t = loadFixture('rc-syntax');
    const fs = findingsOf(t, 'fw1/etc/rc.conf', 'rc/syntax', 2);
    assert.deepEqual(fs.map(rangeOf), [
      [1, 9, 1, 25],
      [4, 0, 4, 19],
    ]);
    assert.match(fs[0].message, /^Unterminated double quote/);
    assert.equal(fs[1].message, '`sshd_enable = "YES"` runs a command named sshd_enable instead of setting it; write sshd_enable="YES" without spaces around =.');
    assert.equal(fs[0].fixes, undefined);
  });

  test('fw2: a stray fi', () => {
    const t = loadFixture('rc-syntax');
    const [f] = findingsOf(t, 'fw2/etc/rc.conf', 'rc/syntax', 1);
    assert.deepEqual(rangeOf(f), [9, 0, 9, 2]);
    assert.match(f.message, /`fi` without a matching `if`/);
  });

  test('the parser recovers: checks still see the settings after the error', () => {
    const t = loadFixture('rc-syntax');
    const doc = t.ws.get(t.uri('fw1/etc/rc.conf'));
    assert.ok(doc?.kind === 'rc');
    assert.deepEqual(doc.rc.assignments.map((a) => a.name), ['ifconfig_em0', 'ifconfig_em0_alias0', 'pf_enable']);
  });
});
