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
    assert.match(f.message, /29 characters long, but only the first 19 count/);
    assert.match(f.message, /must agree on the first 19 characters/);
    assert.ok(!f.message.includes('the-lan-carp-password-of-2024'), 'the pass must not be shown');
    assert.ok(!f.message.includes('the-lan-carp-passwo'), 'not even its kept part');
  });

  test('19 characters fit, 20 do not', () => {
    findingsOf(pass('a'.repeat(19)), 'fw1/etc/rc.conf', CODE, 0);
    const [f] = findingsOf(pass('a'.repeat(20)), 'fw1/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [1, 38, 1, 58]);
  });

  test('the key is bytes: ten accented letters are 20 bytes', () => {
    const [f] = findingsOf(pass('é'.repeat(10)), 'fw1/etc/rc.conf', CODE, 1);
    assert.match(f.message, /20 bytes long/);
  });

  test('the handbook passes are fine', () => {
    const h = loadFixture('carp-handbook');
    findingsOf(h, 'fw1/etc/rc.conf', CODE, 0);
    findingsOf(h, 'fw2/etc/rc.conf', CODE, 0);
  });
});
