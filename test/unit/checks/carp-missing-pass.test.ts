import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, loadFixture, rangeOf, workspaceFromFiles } from '../../helpers/workspace';

const CODE = 'carp/missing-pass';

describe('carp/missing-pass', () => {
  test('an IPv6 vhid without pass', () => {
    const t = loadFixture('carp-values');
    const [f] = findingsOf(t, 'fw1/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [9, 28, 9, 35]);
    assert.match(f.message, /vhid 11 on igb1 has no pass/);
    assert.match(f.message, /2001:db8:10::1/);
    findingsOf(t, 'fw2/etc/rc.conf', CODE, 0);
  });

  test('a pass set by a later command for the same vhid and interface counts (ifconfig keeps it per vhid)', () => {
    const h = loadFixture('carp-handbook');
    findingsOf(h, 'fw2/etc/rc.conf', CODE, 0);
  });

  test('the same vhid on another interface does not lend its pass', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': [
        'ifconfig_em0="inet 10.1.1.2/24"',
        'ifconfig_em0_alias0="inet vhid 1 pass x alias 10.1.1.50/32"',
        'ifconfig_em1="inet 10.2.2.2/24 vhid 1"',
        '',
      ].join('\n'),
    });
    const [f] = findingsOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [2, 31, 2, 37]);
    assert.match(f.message, /vhid 1 on em1/);
  });

  test('reported once per vhid, on its first command', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': 'ifconfig_em0="inet 10.1.1.2/24"\nifconfig_em0_alias0="inet vhid 5 alias 10.1.1.50/32"\nifconfig_em0_alias1="inet vhid 5 alias 10.1.1.51/32"\n',
    });
    const [f] = findingsOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [1, 26, 1, 32]);
    assert.match(f.message, /10\.1\.1\.50, 10\.1\.1\.51/);
  });

  test('an interface with a value the shell computes may set the pass there: no finding', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': 'ifconfig_em0="inet 10.1.1.2/24"\nifconfig_em0_alias0="inet vhid 5 alias 10.1.1.50/32"\nifconfig_em0_alias1="inet vhid 5 pass $P alias 10.1.1.51/32"\n',
    });
    findingsOf(w, 'fw1/etc/rc.conf', CODE, 0);
  });

  test('a vhid whose lines span rc.conf and rc.conf.local is reported in the file of its first line, with the interface as ifconfig names it', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': 'vlans_em0="100"\nifconfig_em0_100="inet 10.0.0.2/24"\nifconfig_em0_100_alias0="inet vhid 3 alias 10.0.0.1-3/28"\n',
      'fw1/etc/rc.conf.local': 'ifconfig_em0_100_alias1="inet vhid 3 alias 10.0.0.9/32"\n',
    });
    findingsOf(w, 'fw1/etc/rc.conf.local', CODE, 0);
    const [f] = findingsOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [2, 30, 2, 36]);
    assert.match(f.message, /^vhid 3 on em0\.100 has no pass: .* take over 10\.0\.0\.9\. Add "pass <secret>"/);
  });

  test('a vhid whose only address is a range names "its addresses"', () => {
    const w = workspaceFromFiles({ 'fw1/etc/rc.conf': 'ifconfig_em0="inet 10.0.0.2/24"\nifconfig_em0_alias0="inet vhid 3 alias 10.0.0.1-3/28"\n' });
    const [f] = findingsOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.match(f.message, /take over its addresses\. /);
  });
});
