import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadFixture, rangeOf, reportedOf, workspaceFromFiles } from '../../helpers/workspace';

const CODE = 'carp/vip-conflicts-host-address';

describe('carp/vip-conflicts-host-address', () => {
  const t = loadFixture('net-addresses');

  test('a node in no cluster took the VIP as its own address: its line and both VIP lines are reported', () => {
    const [srv] = reportedOf(t, 'srv1/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(srv), [2, 19, 2, 34]);
    assert.match(srv.message, /^192\.168\.50\.1, the real address of em0, is also the CARP VIP of vhid 1 on v1 \(em0\) and vhid 1 on v2 \(em0\)\./);
    assert.deepEqual(
      srv.related?.map((r) => [t.rel(r.uri), r.range.start.line, r.message]),
      [
        ['v1/etc/rc.conf', 3, "192.168.50.1 is the VIP of vhid 1 on v1's em0 here"],
        ['v2/etc/rc.conf', 3, "192.168.50.1 is the VIP of vhid 1 on v2's em0 here"],
      ],
    );
    const [v1] = reportedOf(t, 'v1/etc/rc.conf', CODE, 2);
    assert.deepEqual(rangeOf(v1), [3, 51, 3, 66]);
    assert.match(v1.message, /^192\.168\.50\.1 is the VIP of vhid 1 on em0, and also the real address of srv1 \(em0\)\. The MASTER answers ARP for a VIP with the virtual MAC/);
  });

  test("a VIP equal to the peer's own address, and to the node's own: each side is told", () => {
    const [, v1] = reportedOf(t, 'v1/etc/rc.conf', CODE, 2);
    assert.deepEqual(rangeOf(v1), [6, 52, 6, 67]);
    assert.match(v1.message, /^192\.168\.51\.3 is the VIP of vhid 2 on em1, and also the real address of v2 \(em1\)\./);
    const v2 = reportedOf(t, 'v2/etc/rc.conf', CODE, 3);
    assert.deepEqual(v2.map((f) => f.range.start.line).sort(), [3, 5, 6]);
    const own = v2.find((f) => f.range.start.line === 5)!;
    assert.match(own.message, /^192\.168\.51\.3, the real address of em1, is also the CARP VIP of vhid 2 on v1 \(em1\) and vhid 2 on this node \(em1\)\./);
    const vip = v2.find((f) => f.range.start.line === 6)!;
    assert.match(vip.message, /and also the real address of em1 of this node\./);
  });

  test('the nodes without a conflict, and VIPs shared by the members of a vhid, are silent', () => {
    for (const node of ['n1', 'n2', 'n3']) reportedOf(t, `${node}/etc/rc.conf`, CODE, 0);
    const pair = workspaceFromFiles({
      'fw1/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 192.0.2.1/32"\n',
      'fw2/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0="inet vhid 1 advskew 100 pass k alias 192.0.2.1/32"\n',
    });
    reportedOf(pair, 'fw1/etc/rc.conf', CODE, 0);
    reportedOf(pair, 'fw2/etc/rc.conf', CODE, 0);
  });

  test('a legacy carpN VIP counts (its fix moves it unchanged); one behind an empty alias says it is not configured yet', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.2/24"\nifconfig_carp0="vhid 1 pass k 192.0.2.3/24"\nifconfig_em1="inet 198.51.100.2/24"\nifconfig_em1_alias0=""\nifconfig_em1_alias1="inet vhid 2 pass j alias 198.51.100.3/32"\n',
      'fw2/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.3/24"\nifconfig_em1="inet 198.51.100.3/24"\n',
    });
    const [legacy, hidden] = reportedOf(w, 'fw1/etc/rc.conf', CODE, 2);
    assert.match(legacy.message, /^192\.0\.2\.3 is the VIP of vhid 1 on carp0/);
    assert.match(hidden.message, /The line is not configured at boot yet/);
  });
});
