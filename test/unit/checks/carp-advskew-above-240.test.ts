import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, loadFixture, rangeOf, workspaceFromFiles } from '../../helpers/workspace';

const CODE = 'carp/advskew-above-240';

function advskew(n: string): ReturnType<typeof workspaceFromFiles> {
  return workspaceFromFiles({ 'fw2/etc/rc.conf': `ifconfig_em0="inet 10.1.1.3/24"\nifconfig_em0_alias0="inet vhid 1 advskew ${n} pass x alias 10.1.1.50/32"\n` });
}

describe('carp/advskew-above-240', () => {
  test('advskew 250 in an _aliases entry of the backup node', () => {
    const t = loadFixture('carp-values');
    const [f] = findingsOf(t, 'fw2/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [4, 43, 4, 46]);
    assert.match(f.message, /advskew 250 acts exactly like 240/);
    findingsOf(t, 'fw1/etc/rc.conf', CODE, 0);
  });

  test('240 is the top that counts; 241 and 254 are flagged; 255 is out of range instead', () => {
    findingsOf(advskew('240'), 'fw2/etc/rc.conf', CODE, 0);
    const [f] = findingsOf(advskew('241'), 'fw2/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [1, 41, 1, 44]);
    findingsOf(advskew('254'), 'fw2/etc/rc.conf', CODE, 1);
    findingsOf(advskew('255'), 'fw2/etc/rc.conf', CODE, 0);
    findingsOf(advskew('255'), 'fw2/etc/rc.conf', 'carp/value-out-of-range', 1);
  });
});
