import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, loadFixture, rangeOf, workspaceFromFiles } from '../../helpers/workspace';

const CODE = 'carp/pass-truncated';

function pass(p: string): ReturnType<typeof workspaceFromFiles> {
  return workspaceFromFiles({ 'fw1/etc/rc.conf': `ifconfig_em0="inet 10.1.1.2/24"\nifconfig_em0_alias0="inet vhid 1 pass ${p} alias 10.1.1.50/32"\n` });
}

describe('carp/pass-truncated', () => {
  test('a 29-character pass on a primary line carrying a vhid', () => {
    const t = loadFixture('carp-values');
    const [f] = findingsOf(t, 'fw2/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [5, 60, 5, 89]);
    assert.match(f.message, /^This CARP pass is longer than 19 bytes, but only the first 19 bytes count/);
    assert.match(f.message, /must agree on those 19 bytes/);
    assert.ok(!f.message.includes('29'), 'the masked message does not tell the length');
    // The exact length is for users who asked to see passwords, as in the hover.
    assert.match(f.revealedMessage ?? '', /^This CARP pass is 29 characters long, but only the first 19 bytes count/);
    for (const m of [f.message, f.revealedMessage ?? '']) {
      assert.ok(!m.includes('the-lan-carp-password-of-2024'), 'the pass is never shown');
      assert.ok(!m.includes('the-lan-carp-passwo'), 'not even its kept part');
    }
  });

  test('19 characters fit, 20 do not', () => {
    findingsOf(pass('a'.repeat(19)), 'fw1/etc/rc.conf', CODE, 0);
    const [f] = findingsOf(pass('a'.repeat(20)), 'fw1/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [1, 38, 1, 58]);
  });

  test('the key is bytes: ten accented letters are 20 bytes', () => {
    const [f] = findingsOf(pass('é'.repeat(10)), 'fw1/etc/rc.conf', CODE, 1);
    assert.match(f.message, /longer than 19 bytes/);
    assert.match(f.revealedMessage ?? '', /10 characters \(20 bytes in UTF-8\) long/);
  });

  test('the masked message is the same sentence for every pass: length and non-ASCII do not show', () => {
    const masked = ['a'.repeat(20), 'b'.repeat(64), 'é'.repeat(10), 'Ü-ß-€'.repeat(9)].map((p) => findingsOf(pass(p), 'fw1/etc/rc.conf', CODE, 1)[0]);
    for (const f of masked) assert.equal(f.message, masked[0].message);
    // The revealed forms differ, so the test would notice a check that put the same text in both.
    assert.equal(new Set(masked.map((f) => f.revealedMessage)).size, masked.length);
  });

  test('the handbook passes are fine', () => {
    const h = loadFixture('carp-handbook');
    findingsOf(h, 'fw1/etc/rc.conf', CODE, 0);
    findingsOf(h, 'fw2/etc/rc.conf', CODE, 0);
  });
});
