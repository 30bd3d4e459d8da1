import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, reportedOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

const CODE = 'carp/peer-mismatch';

describe('carp/peer-mismatch (cluster-peers fixture)', () => {
  const t = loadFixture('cluster-peers');

  test('unicast on one node, multicast on the other: both lines, naming both destinations', () => {
    const [uplink1] = reportedOf(t, 'fw1/etc/rc.conf', CODE);
    const [uplink2] = reportedOf(t, 'fw2/etc/rc.conf', CODE);
    assert.deepEqual(rangeOf(uplink1), [5, 38, 5, 50]);
    assert.deepEqual(rangeOf(uplink2), [5, 26, 5, 30]);
    assert.match(uplink2.message, /^fw1 \(em0, vhid 1\) sends its IPv4 advertisements to peer 198\.51\.100\.3, but fw2 \(em0, vhid 1\) to the multicast group 224\.0\.0\.18\. A unicast node does not join the multicast group/);
    assert.deepEqual(uplink2.related?.map((r) => [t.rel(r.uri), r.range.start.line, r.message]), [['fw1/etc/rc.conf', 5, "fw1's vhid 1 on em0: peer 198.51.100.3"]]);
  });

  test("fix: the other node's own address as peer, offered on both nodes, editing the node that needs it", () => {
    const [uplink2] = reportedOf(t, 'fw2/etc/rc.conf', CODE);
    assert.deepEqual(uplink2.fixes?.map((x) => x.title), ["Set this node's peer to 198.51.100.2 on vhid 1"]);
    assert.match(textAfterFix(t, uplink2.fixes![0], 'fw2/etc/rc.conf'), /^ifconfig_em0_alias0="inet vhid 1 peer 198\.51\.100\.2 advskew 100 pass uplink-key alias 198\.51\.100\.10\/32"$/m);
    assertFixResolves(t, uplink2, uplink2.fixes![0]);
    const [uplink1] = reportedOf(t, 'fw1/etc/rc.conf', CODE);
    assert.deepEqual(uplink1.fixes?.map((x) => x.title), ["Set fw2's peer to 198.51.100.2 on vhid 1"]);
    assertFixResolves(t, uplink1, uplink1.fixes![0]);
  });

  test("a peer that is the vhid's own address: reported on both nodes, fixed to the other node's address", () => {
    const [, lan1] = reportedOf(t, 'fw1/etc/rc.conf', CODE);
    const [, lan2] = reportedOf(t, 'fw2/etc/rc.conf', CODE);
    assert.deepEqual(rangeOf(lan2), [9, 50, 9, 58]);
    assert.match(lan1.message, /^fw2 \(em1, vhid 2\) sends its advertisements to peer 10\.0\.0\.1, a CARP address of the vhid, which only the MASTER holds\./);
    assert.deepEqual(lan2.fixes?.map((x) => x.title), ["Set this node's peer to 10.0.0.2 on vhid 2"]);
    assertFixResolves(t, lan2, lan2.fixes![0]);
  });

  test('a later line without peer returns the whole vhid to multicast: reported on that line of each node', () => {
    const [, , dmz1] = reportedOf(t, 'fw1/etc/rc.conf', CODE, 3);
    assert.deepEqual(rangeOf(dmz1), [13, 27, 13, 31]);
    assert.match(dmz1.message, /^ifconfig_em2_alias1 states no peer, so it returns fw1 \(em2, vhid 3\) to multicast for every address of the vhid/);
    reportedOf(t, 'fw2/etc/rc.conf', CODE, 3);
  });

  test('fixes: repeat the peers on every node with the same mistake (preferred), or drop the peer on this node', () => {
    const [, , dmz1] = reportedOf(t, 'fw1/etc/rc.conf', CODE);
    assert.deepEqual(dmz1.fixes?.map((x) => [x.title, x.isPreferred]), [
      ["Repeat each node's peer on every line of vhid 3 (this node and fw2)", true],
      ['Drop the peer from every line of vhid 3 on this node (multicast)', false],
    ]);
    const [repeat, drop] = dmz1.fixes!;
    assert.match(textAfterFix(t, repeat, 'fw1/etc/rc.conf'), /^ifconfig_em2_alias1="inet6 vhid 3 peer 172\.16\.0\.3 pass dmz-key alias 2001:db8:2::1\/128"$/m);
    assert.match(textAfterFix(t, repeat, 'fw2/etc/rc.conf'), /^ifconfig_em2_alias1="inet6 vhid 3 peer 172\.16\.0\.2 advskew 100 pass dmz-key alias 2001:db8:2::1\/128"$/m);
    assertFixResolves(t, dmz1, repeat);
    assert.match(textAfterFix(t, drop, 'fw1/etc/rc.conf'), /^ifconfig_em2_alias0="inet vhid 3 pass dmz-key alias 172\.16\.0\.1\/32"$/m);
    assertFixResolves(t, dmz1, drop);
  });

  test('an IPv6 vhid whose peer6 values point at each other is healthy', () => {
    for (const rel of ['fw1/etc/rc.conf', 'fw2/etc/rc.conf']) assert.ok(!reportedOf(t, rel, CODE).some((f) => /vhid 4/.test(f.message)));
  });
});

describe('carp/peer-mismatch: what cannot be known', () => {
  test("a peer's address from DHCP: its peer cannot be judged", () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': 'hostname="fw1"\nifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 peer 192.0.2.77 pass k alias 192.0.2.1/32"\n',
      'fw2/etc/rc.conf': 'hostname="fw2"\nifconfig_em0="inet 192.0.2.3/24"\nifconfig_em1="DHCP"\nifconfig_em0_alias0="inet vhid 1 advskew 100 peer 192.0.2.2 pass k alias 192.0.2.1/32"\n',
    });
    reportedOf(w, 'fw1/etc/rc.conf', CODE, 0);
  });

  test('the same peer pointing at an address no node has is reported', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': 'hostname="fw1"\nifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 peer 192.0.2.77 pass k alias 192.0.2.1/32"\n',
      'fw2/etc/rc.conf': 'hostname="fw2"\nifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0="inet vhid 1 advskew 100 peer 192.0.2.2 pass k alias 192.0.2.1/32"\n',
    });
    const [f] = reportedOf(w, 'fw2/etc/rc.conf', CODE, 1);
    assert.match(f.message, /^fw1 \(em0, vhid 1\) sends its advertisements to peer 192\.0\.2\.77, no address of fw2\./);
    assert.deepEqual(f.fixes?.map((x) => x.title), ["Set fw1's peer to 192.0.2.3 on vhid 1"]);
    assertFixResolves(w, f, f.fixes![0]);
  });

  test('a peer written as a host name is resolved at boot: not judged', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': 'hostname="fw1"\nifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 peer fw2-sync.example.net pass k alias 192.0.2.1/32"\n',
      'fw2/etc/rc.conf': 'hostname="fw2"\nifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0="inet vhid 1 advskew 100 peer 192.0.2.2 pass k alias 192.0.2.1/32"\n',
    });
    for (const rel of ['fw1/etc/rc.conf', 'fw2/etc/rc.conf']) reportedOf(w, rel, CODE, 0);
  });

  test("a peer that is the node's own address is named as such; the peer6 of an IPv6 vhid is read in its family", () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': 'hostname="fw1"\nifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 peer 192.0.2.2 pass k alias 192.0.2.1/32"\n',
      'fw2/etc/rc.conf': 'hostname="fw2"\nifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0="inet vhid 1 advskew 100 peer 192.0.2.2 pass k alias 192.0.2.1/32"\n',
    });
    const [f] = reportedOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.match(f.message, /^fw1 \(em0, vhid 1\) sends its advertisements to peer 192\.0\.2\.2, this node's own address\./);
    const six = workspaceFromFiles({
      'fw1/etc/rc.conf': 'hostname="fw1"\nifconfig_em0_ipv6="inet6 2001:db8::2/64"\nifconfig_em0_alias0="inet6 vhid 1 peer6 2001:db8::99 pass k alias 2001:db8::1/128"\n',
      'fw2/etc/rc.conf': 'hostname="fw2"\nifconfig_em0_ipv6="inet6 2001:db8::3/64"\nifconfig_em0_alias0="inet6 vhid 1 advskew 100 peer6 2001:db8::2 pass k alias 2001:db8::1/128"\n',
    });
    const [g] = reportedOf(six, 'fw2/etc/rc.conf', CODE, 1);
    assert.match(g.message, /^fw1 \(em0, vhid 1\) sends its advertisements to peer6 2001:db8::99, no address of fw2\./);
  });

  test('a peer left on an early line while the other node is plain multicast: only "drop the peer" is offered', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': 'hostname="fw1"\nifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 peer 192.0.2.3 pass k alias 192.0.2.1/32"\nifconfig_em0_alias1="inet vhid 1 pass k alias 192.0.2.5/32"\n',
      'fw2/etc/rc.conf': 'hostname="fw2"\nifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0="inet vhid 1 advskew 100 pass k alias 192.0.2.1/32"\nifconfig_em0_alias1="inet vhid 1 advskew 100 pass k alias 192.0.2.5/32"\n',
    });
    const [f] = reportedOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [3, 26, 3, 30]);
    assert.deepEqual(f.fixes?.map((x) => [x.title, x.isPreferred]), [['Drop the peer from every line of vhid 1 on this node (multicast)', true]]);
    assertFixResolves(w, f, f.fixes![0]);
  });
});
