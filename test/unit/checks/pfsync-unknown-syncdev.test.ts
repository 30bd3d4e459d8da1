import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, loadFixture, rangeOf, workspaceFromFiles } from '../../helpers/workspace';

describe('pfsync/unknown-syncdev', () => {
  test('fw1: pfsync_syncdev="em3", which fw1 never configures', () => {
    const t = loadFixture('pf-cluster-pfsync-unknown-syncdev');
    const [f] = findingsOf(t, 'fw1/etc/rc.conf', 'pfsync/unknown-syncdev', 1);
    assert.deepEqual(rangeOf(f), [5, 15, 5, 20]);
    assert.equal(
      f.message,
      "pfsync_syncdev is em3, an interface fw1's rc.conf does not configure (no ifconfig_em3, cloned_interfaces or vlans_ entry): pfsync then has no link to send its updates on, and the peers get none of fw1's states. It configures em0, em2.",
    );
    assert.equal(f.fixes, undefined);
  });

  test('fw2: a lagg from cloned_interfaces is configured', () => {
    const t = loadFixture('pf-cluster-pfsync-unknown-syncdev');
    findingsOf(t, 'fw2/etc/rc.conf', 'pfsync/unknown-syncdev', 0);
  });

  test('interfaces configured other ways: a vlan from vlans_<if>, ifconfig_DEFAULT, a renamed interface, another rc file of the node', () => {
    for (const files of <Record<string, string>[]>[
      { 'a/etc/rc.conf': 'ifconfig_em0="up"\nvlans_em0="100"\nifconfig_em0_100="inet 172.16.0.1/30"\npfsync_enable="YES"\npfsync_syncdev="em0.100"\n' },
      { 'a/etc/rc.conf': 'vlans_em0="sync"\ncreate_args_sync="vlan 100"\npfsync_enable="YES"\npfsync_syncdev="sync"\n' },
      { 'a/etc/rc.conf': 'ifconfig_DEFAULT="DHCP"\npfsync_enable="YES"\npfsync_syncdev="em3"\n' },
      { 'a/etc/rc.conf': 'ifconfig_em2="inet 172.16.0.1/30"\nifconfig_em2_name="sync"\npfsync_enable="YES"\npfsync_syncdev="sync"\n' },
      { 'a/etc/rc.conf': 'pfsync_enable="YES"\npfsync_syncdev="em2"\n', 'a/etc/rc.conf.d/netif': 'ifconfig_em2="inet 172.16.0.1/30"\n' },
    ]) {
      const t = workspaceFromFiles(files);
      findingsOf(t, 'a/etc/rc.conf', 'pfsync/unknown-syncdev', 0);
    }
  });

  test('pfsync not enabled: the syncdev is not used, so not reported', () => {
    const t = workspaceFromFiles({ 'a/etc/rc.conf': 'ifconfig_em0="inet 10.0.0.1/24"\npfsync_syncdev="em3"\n' });
    findingsOf(t, 'a/etc/rc.conf', 'pfsync/unknown-syncdev', 0);
  });
});
