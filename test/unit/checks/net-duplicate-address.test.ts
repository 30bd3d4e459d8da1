import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadFixture, rangeOf, reportedOf, workspaceFromFiles } from '../../helpers/workspace';
import { checkDocument } from '../../../server/src/checks/registry';
import type { WorkspaceView } from '../../../server/src/model/workspace-view';

const CODE = 'net/duplicate-address';

describe('net/duplicate-address', () => {
  const t = loadFixture('net-addresses');

  test('n2 made from a copy of n1: both nodes are told, each pointing at the other (neither has a vhid)', () => {
    const [n1] = reportedOf(t, 'n1/etc/rc.conf', CODE, 1);
    const [n2] = reportedOf(t, 'n2/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(n1), [2, 19, 2, 30]);
    assert.deepEqual(rangeOf(n2), [2, 19, 2, 30]);
    assert.match(n1.message, /^172\.16\.9\.10 on em0 is also configured on n2 \(em0\)\. Two hosts answering ARP/);
    assert.deepEqual(
      n1.related?.map((r) => [t.rel(r.uri), r.range.start.line, r.message]),
      [['n2/etc/rc.conf', 2, "172.16.9.10 is also configured on n2's em0 here"]],
    );
  });

  test('one address on two interfaces of one node; twice on the same interface is not this check', () => {
    const [em0, em1] = reportedOf(t, 'n3/etc/rc.conf', CODE, 2);
    assert.deepEqual(rangeOf(em0), [2, 19, 2, 30]);
    assert.deepEqual(rangeOf(em1), [4, 26, 4, 37]);
    assert.match(em0.message, /^10\.7\.0\.1 on em0 is also configured on em1 of this node\. The kernel accepts it, but both interfaces then answer ARP/);
    assert.deepEqual(em1.related?.map((r) => [r.range.start.line, r.message]), [[2, '10.7.0.1 is also configured on em0 here']]);
  });

  test('loopback, link-local and tunnel addresses repeat on every node by design; VIPs are not real addresses', () => {
    for (const node of ['v1', 'v2', 'srv1']) reportedOf(t, `${node}/etc/rc.conf`, CODE, 0);
  });

  test('an address behind an empty alias still counts, and the message says the line is not configured yet', () => {
    const w = workspaceFromFiles({
      'a/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.10/24"\n',
      'b/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.11/24"\nifconfig_em0_alias0=""\nifconfig_em0_alias1="inet 192.0.2.10/32"\n',
    });
    const [f] = reportedOf(w, 'b/etc/rc.conf', CODE, 1);
    assert.match(f.message, /The line is not configured at boot yet: an empty ifconfig_em0_aliasN before it stops alias processing/);
    reportedOf(w, 'a/etc/rc.conf', CODE, 1);
  });

  test('a conditional assignment may not run and is not compared; IPv6 addresses compare in canonical form', () => {
    const w = workspaceFromFiles({
      'a/etc/rc.conf': 'if [ -f /etc/lab ]; then ifconfig_em0="inet 192.0.2.10/24"; fi\nifconfig_em1_ipv6="inet6 2001:DB8:0::10 prefixlen 64"\n',
      'b/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.10/24"\nifconfig_em1_ipv6="inet6 2001:db8::10/64"\n',
    });
    const [f] = reportedOf(w, 'b/etc/rc.conf', CODE, 1);
    assert.match(f.message, /^2001:db8::10 on em1 is also configured on a \(em1\)/);
  });

  test('a view without the address index finds the other holders by reading every node', () => {
    const w = workspaceFromFiles({ 'a/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.10/24"\n', 'b/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.10/24"\n' });
    const bare: WorkspaceView = { get: (u) => w.ws.get(u), documents: () => w.ws.documents(), nodeOf: (u) => w.ws.nodeOf(u), nodes: () => w.ws.nodes() };
    const doc = w.ws.get(w.uri('a/etc/rc.conf'))!;
    assert.deepEqual(checkDocument(doc, bare).map((f) => f.code), [CODE]);
  });
});
