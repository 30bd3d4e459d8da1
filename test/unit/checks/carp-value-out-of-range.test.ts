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

  test('what each out-of-range number does, in the message', () => {
    const said: [string, RegExp][] = [
      ['vhid 0 pass x', /^vhid 0 is outside 1–255: ifconfig exits with "vhid must be greater than 0 and less than 255"/],
      ['vhid 7 advbase 0 pass x', /^advbase 0 is outside 1–255: the kernel takes 0 as "leave unchanged", so the vhid keeps an advertisement interval of 1 second\./],
      ['vhid 7 advbase 256 pass x', /^advbase 256 is outside 1–255: the kernel rejects it \(EINVAL\).* Write the advertisement interval in seconds, from 1 to 255\.$/],
      ['vhid 7 advskew 255 pass x', /^advskew 255 is outside 0–254: the kernel rejects it \(EINVAL\).* Use 0–240 \(values above 240 act like 240\)/],
    ];
    for (const [settings, message] of said) assert.match(findingsOf(alias(settings), 'fw1/etc/rc.conf', CODE, 1)[0].message, message, settings);
  });

  test('not a number: what atoi() makes of it, on both sides of each range, and what follows', () => {
    const said: [string, string][] = [
      // vhid: atoi inside 1–255 is used; outside, ifconfig exits.
      ['vhid 1x pass x', 'vhid "1x" is not a number: ifconfig reads it with atoi() as 1 and uses vhid 1, which is probably not what was meant.'],
      ['vhid 255x pass x', 'vhid "255x" is not a number: ifconfig reads it with atoi() as 255 and uses vhid 255, which is probably not what was meant.'],
      ['vhid 256x pass x', 'vhid "256x" is not a number: ifconfig reads it with atoi() as 256 and exits with "vhid must be greater than 0 and less than 255", so this address is never configured.'],
      ['vhid one pass x', 'vhid "one" is not a number: ifconfig reads it with atoi() as 0 and exits with "vhid must be greater than 0 and less than 255", so this address is never configured.'],
      // advbase: 0 leaves the old value; 1–255 is used; beyond, the kernel rejects it.
      ['vhid 7 advbase abc pass x', 'advbase "abc" is not a number: ifconfig reads it with atoi() as 0 and passes 0, which the kernel takes as "leave unchanged", so the vhid keeps an advbase of 1 second.'],
      ['vhid 7 advbase 1s pass x', 'advbase "1s" is not a number: ifconfig reads it with atoi() as 1 and silently uses advbase 1.'],
      ['vhid 7 advbase 255s pass x', 'advbase "255s" is not a number: ifconfig reads it with atoi() as 255 and silently uses advbase 255.'],
      ['vhid 7 advbase 256s pass x', 'advbase "256s" is not a number: ifconfig reads it with atoi() as 256 and passes 256, which the kernel rejects, so this vhid is not set up.'],
      // advskew: 0–254 is used (a sign is read); below or above, rejected.
      ['vhid 7 advskew 1O0 pass x', 'advskew "1O0" is not a number: ifconfig reads it with atoi() as 1 and silently uses advskew 1.'],
      ['vhid 7 advskew +20x pass x', 'advskew "+20x" is not a number: ifconfig reads it with atoi() as 20 and silently uses advskew 20.'],
      ['vhid 7 advskew 254x pass x', 'advskew "254x" is not a number: ifconfig reads it with atoi() as 254 and silently uses advskew 254.'],
      ['vhid 7 advskew 255x pass x', 'advskew "255x" is not a number: ifconfig reads it with atoi() as 255 and passes 255, which the kernel rejects, so this vhid is not set up.'],
      ['vhid 7 advskew -1x pass x', 'advskew "-1x" is not a number: ifconfig reads it with atoi() as -1 and passes -1, which the kernel rejects, so this vhid is not set up.'],
      ['vhid 7 advskew x9 pass x', 'advskew "x9" is not a number: ifconfig reads it with atoi() as 0 and silently uses advskew 0.'],
    ];
    for (const [settings, message] of said) {
      const [lo, hi] = settings.startsWith('vhid 7 advskew') ? ['0', '254'] : ['1', '255'];
      assert.equal(findingsOf(alias(settings), 'fw1/etc/rc.conf', CODE, 1)[0].message, `${message} Write a number from ${lo} to ${hi}.`, settings);
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
