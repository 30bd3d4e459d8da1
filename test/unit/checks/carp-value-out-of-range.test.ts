import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, loadFixture, rangeOf, workspaceFromFiles } from '../../helpers/workspace';

const CODE = 'carp/value-out-of-range';

/** One alias line on a node with a matching primary address. */
function alias(settings: string): ReturnType<typeof workspaceFromFiles> {
  return workspaceFromFiles({ 'fw1/etc/rc.conf': `ifconfig_em0="inet 10.1.1.2/24"\nifconfig_em0_alias0="inet ${settings} alias 10.1.1.50/32"\n` });
}

/** Own fixes only: the generic suppression fix may be added elsewhere. */
const ownFixes = (f: { fixes?: { title: string }[] }): unknown[] => (f.fixes ?? []).filter((x) => !x.title.startsWith('Ignore'));

describe('carp/value-out-of-range', () => {
  const t = loadFixture('carp-values');

  test('vhid 300 is flagged on the number', () => {
    const [vhid, advskew] = findingsOf(t, 'fw1/etc/rc.conf', CODE, 2);
    assert.deepEqual(rangeOf(vhid), [5, 32, 5, 35]);
    assert.match(vhid.message, /vhid 300 is outside 1–255/);
    assert.deepEqual(ownFixes(vhid), []);
    assert.deepEqual(rangeOf(advskew), [7, 43, 7, 47]);
    assert.match(advskew.message, /advskew "high" is not a number: ifconfig reads it with atoi\(\) as 0/);
  });

  test('advbase 0 inside an _aliases entry', () => {
    const [f] = findingsOf(t, 'fw2/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [4, 112, 4, 113]);
    assert.match(f.message, /advbase 0 is outside 1–255/);
  });

  test('boundaries that the kernel accepts are quiet', () => {
    for (const ok of ['vhid 1 pass x', 'vhid 255 pass x', 'vhid 7 advbase 1 pass x', 'vhid 7 advbase 255 pass x', 'vhid 7 advskew 0 pass x', 'vhid 7 advskew 254 pass x']) {
      findingsOf(alias(ok), 'fw1/etc/rc.conf', CODE, 0);
    }
  });

  test('one past each boundary is an error on the value word', () => {
    const cases: [string, number, number][] = [
      ['vhid 0 pass x', 31, 32],
      ['vhid 256 pass x', 31, 34],
      ['vhid 7 advbase 0 pass x', 41, 42],
      ['vhid 7 advbase 256 pass x', 41, 44],
      ['vhid 7 advskew 255 pass x', 41, 44],
      ['vhid 7 advskew -1 pass x', 41, 43],
      ['vhid 1x pass x', 31, 33],
    ];
    for (const [settings, start, end] of cases) {
      const [f] = findingsOf(alias(settings), 'fw1/etc/rc.conf', CODE, 1);
      assert.deepEqual(rangeOf(f), [1, start, 1, end], settings);
    }
  });

  test('a keyword without value is flagged on the keyword', () => {
    const w = workspaceFromFiles({ 'fw1/etc/rc.conf': 'ifconfig_em0="inet 10.1.1.2/24 vhid"\n' });
    const [f] = findingsOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [0, 31, 0, 35]);
    assert.match(f.message, /vhid has no value/);
  });

  test('values the shell computes are not judged', () => {
    const w = workspaceFromFiles({ 'fw1/etc/rc.conf': 'v=300\nifconfig_em0_alias0="inet vhid $v pass x alias 10.1.1.50/32"\n' });
    findingsOf(w, 'fw1/etc/rc.conf', CODE, 0);
  });

  test('an overridden line is dead and not judged again', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': 'ifconfig_em0_alias0="inet vhid 999 pass x alias 10.1.1.50/32"\nifconfig_em0_alias0="inet vhid 9 pass x alias 10.1.1.50/32"\n',
    });
    findingsOf(w, 'fw1/etc/rc.conf', CODE, 0);
  });
});
