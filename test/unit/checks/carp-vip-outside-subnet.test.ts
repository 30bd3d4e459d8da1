import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadFixture, rangeOf, reportedOf, workspaceFromFiles } from '../../helpers/workspace';

const CODE = 'carp/vip-outside-subnet';

describe('carp/vip-outside-subnet', () => {
  const t = loadFixture('cluster-parents');

  test('a VIP outside its parent subnet: a warning worded for the routed-VIP design', () => {
    const [routed, wrongIf] = reportedOf(t, 'p1/etc/rc.conf', CODE, 2);
    assert.deepEqual(rangeOf(routed), [3, 51, 3, 65]);
    assert.match(routed.message, /^203\.0\.113\.1 \(vhid 1\) is outside every subnet of its parent interface em0 on p1 \(198\.51\.100\.0\/24\)\. FreeBSD accepts that, and a routed VIP/);
    assert.doesNotMatch(routed.message, /move it to/, 'no other interface holds it');
    assert.deepEqual(rangeOf(wrongIf), [7, 51, 7, 66]);
    assert.match(wrongIf.message, /em3's subnet holds it: if it belongs there, move it to an ifconfig_em3_aliasN line\.$/);
  });

  test("healthy parents: /32 VIPs inside the parent's subnet (IPv4 and IPv6 on one vhid), a VIP with its own mask on a vlan or lagg without address, DHCP, a renamed NIC", () => {
    reportedOf(t, 'p2/etc/rc.conf', CODE, 0);
  });

  test('an IPv6 VIP on a parent with IPv4 addresses only is not judged (its IPv6 subnet is unknown)', () => {
    const vips = reportedOf(t, 'p1/etc/rc.conf', CODE).map((f) => f.message);
    assert.ok(!vips.some((m) => m.includes('2001:db8:99::1')), vips.join('\n'));
  });

  test('both sides of the limit: the last address of the /24 is inside, the next one outside; router advertisements leave IPv6 unknown', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf':
        'ifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 192.0.2.255/32"\nifconfig_em0_alias1="inet vhid 1 pass k alias 192.0.3.0/32"\n' +
        'ifconfig_em1_ipv6="inet6 2001:db8:1::2/64 accept_rtadv"\nifconfig_em1_alias0="inet6 vhid 2 pass j alias 2001:db8:2::1/128"\n',
    });
    const [f] = reportedOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.match(f.message, /^192\.0\.3\.0 \(vhid 1\)/);
  });

  test('a parent that takes addresses from DHCP (alone or with options) or an ipv6_prefix is not judged, static aliases or not', () => {
    const lines = [
      'ifconfig_em0="inet 10.0.0.5/24"',
      'ifconfig_em0_alias0="inet vhid 1 pass k alias 192.0.2.1/32"',
      'ifconfig_em1="inet 10.1.0.5/24 mtu 9000"',
      'ifconfig_em1_alias0="inet vhid 2 pass k alias 192.0.3.1/32"',
      'ifconfig_em2_ipv6="inet6 2001:db8:5::2/64"',
      'ifconfig_em2_alias0="inet6 vhid 3 pass k alias 2001:db8:6::1/128"',
    ];
    // Written out, each VIP is outside its parent's subnet...
    const written = workspaceFromFiles({ 'fw1/etc/rc.conf': `${lines.join('\n')}\n` });
    assert.deepEqual(reportedOf(written, 'fw1/etc/rc.conf', CODE, 3).map((f) => f.message.split(' ')[0]), ['192.0.2.1', '192.0.3.1', '2001:db8:6::1']);
    // ...but DHCP, SYNCDHCP and ipv6_prefix_em2 may each bring the subnet that holds it.
    const dynamic = [
      'ifconfig_em0="DHCP"',
      'ifconfig_em0_alias1="inet 10.0.0.5/24"',
      lines[1],
      'ifconfig_em1="SYNCDHCP mtu 9000"',
      'ifconfig_em1_alias1="inet 10.1.0.5/24"',
      lines[3],
      lines[4],
      'ipv6_prefix_em2="2001:db8:6::"',
      lines[5],
    ];
    reportedOf(workspaceFromFiles({ 'fw1/etc/rc.conf': `${dynamic.join('\n')}\n` }), 'fw1/etc/rc.conf', CODE, 0);
  });
});
