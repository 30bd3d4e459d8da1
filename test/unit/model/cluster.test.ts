import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { workspaceFromFiles, type TestWorkspace } from '../../helpers/workspace';
import { clusterAround, elect, groupMembers, membersByNode, vhidMembers, type VhidGroup, type VhidMember } from '../../../server/src/model/cluster';
import { nodeConfig } from '../../../server/src/model/node-config';

/** `fwN` with one primary address on em0 (192.0.2.N+1/24) and the given alias lines. */
function node(n: number, ...aliases: string[]): string {
  return [`hostname="fw${n}.example.org"`, `ifconfig_em0="inet 192.0.2.${n + 1}/24"`, `ifconfig_em0_ipv6="inet6 2001:db8::${n + 1}/64"`, ...aliases.map((a, i) => `ifconfig_em0_alias${i}="${a}"`), ''].join('\n');
}

function members(t: TestWorkspace, rel: string): VhidMember[] {
  const n = t.ws.nodeOf(t.uri(rel));
  return vhidMembers(n.root, nodeConfig(n));
}

function allMembers(t: TestWorkspace): VhidMember[] {
  return [...t.ws.nodes()].flatMap((n) => vhidMembers(n.root, nodeConfig(n)));
}

const shape = (g: VhidGroup): string => `vhid ${g.vhid} ${g.segment ?? '?'}: ${g.members.map((m) => `${m.node}[${m.addresses.join(' ')}]`).join(' ')}`;

describe('model/cluster: members and groups', () => {
  test('IPv4 and IPv6 on one vhid: one member, canonical addresses sorted, prefix lengths ignored; one group with the peer', () => {
    const t = workspaceFromFiles({
      'fw1/etc/rc.conf': node(1, 'inet vhid 1 pass k alias 192.0.2.10/24', 'inet6 vhid 1 pass k alias 2001:DB8::0:10/64'),
      'fw2/etc/rc.conf': node(2, 'inet vhid 1 advskew 100 pass k alias 192.0.2.10/32', 'inet6 vhid 1 advskew 100 pass k alias 2001:db8::10/128'),
    });
    const [m] = members(t, 'fw1/etc/rc.conf');
    assert.deepEqual(m.addresses, ['192.0.2.10', '2001:db8::10']);
    assert.equal(m.ifName, 'em0');
    assert.deepEqual(groupMembers(allMembers(t)).map(shape), ['vhid 1 192.0.2.0/24: fw1[192.0.2.10 2001:db8::10] fw2[192.0.2.10 2001:db8::10]']);
  });

  test('members that disagree on one address still form one group (linked by the address they share)', () => {
    const t = workspaceFromFiles({
      'fw1/etc/rc.conf': node(1, 'inet vhid 1 pass k alias 192.0.2.10/32', 'inet vhid 1 pass k alias 192.0.2.11/32'),
      'fw2/etc/rc.conf': node(2, 'inet vhid 1 advskew 100 pass k alias 192.0.2.10/32'),
    });
    assert.deepEqual(groupMembers(allMembers(t)).map(shape), ['vhid 1 192.0.2.0/24: fw1[192.0.2.10 192.0.2.11] fw2[192.0.2.10]']);
  });

  test('one vhid number with no address in common is two groups; a vhid without an address is no member', () => {
    const t = workspaceFromFiles({
      'fw1/etc/rc.conf': node(1, 'inet vhid 1 pass k alias 192.0.2.10/32', 'inet vhid 2 pass k'),
      'fw2/etc/rc.conf': node(2, 'inet vhid 1 advskew 100 pass k alias 192.0.2.20/32'),
    });
    assert.deepEqual(groupMembers(allMembers(t)).map(shape), ['vhid 1 192.0.2.0/24: fw1[192.0.2.10]', 'vhid 1 192.0.2.0/24: fw2[192.0.2.20]']);
  });

  test('advbase 0 keeps the default 1; demotion from sysctl.conf is added (twice: rc applies the file twice) and clamped to 240', () => {
    const t = workspaceFromFiles({
      'fw1/etc/rc.conf': node(1, 'inet vhid 1 advbase 0 advskew 100 pass k alias 192.0.2.10/32'),
      'fw1/etc/sysctl.conf': 'net.inet.carp.demotion=30\n',
      'fw2/etc/rc.conf': node(2, 'inet vhid 1 advbase 2 advskew 200 pass k alias 192.0.2.10/32'),
      'fw2/etc/sysctl.conf': 'net.inet.carp.demotion=50\n',
    });
    const [a] = members(t, 'fw1/etc/rc.conf');
    assert.deepEqual([a.advbase, a.advskew, a.skew, a.interval], [1, 100, 160, 1 + 160 / 256]);
    const [b] = members(t, 'fw2/etc/rc.conf');
    assert.deepEqual([b.advbase, b.advskew, b.skew, b.interval], [2, 200, 240, 2 + 240 / 256]);
  });
});

describe('model/cluster: election', () => {
  const group = (...lines: string[]): VhidGroup => {
    const files: Record<string, string> = {};
    lines.forEach((l, i) => (files[`fw${i + 1}/etc/rc.conf`] = node(i + 1, l)));
    const [g] = groupMembers(allMembers(workspaceFromFiles(files)));
    return g;
  };

  test('the lowest interval wins; the others follow in order', () => {
    const e = elect(group('inet vhid 1 advskew 100 pass k alias 192.0.2.10/32', 'inet vhid 1 pass k alias 192.0.2.10/32', 'inet vhid 1 advskew 200 pass k alias 192.0.2.10/32'));
    assert.deepEqual(e.order.map((m) => m.node), ['fw2', 'fw1', 'fw3']);
    assert.equal(e.master?.node, 'fw2');
    assert.deepEqual(e.tiedWith, []);
  });

  test('245 and 250 both count as 240: a tie, the MASTER named in node order', () => {
    const e = elect(group('inet vhid 1 advskew 250 pass k alias 192.0.2.10/32', 'inet vhid 1 advskew 245 pass k alias 192.0.2.10/32'));
    assert.equal(e.master?.node, 'fw1');
    assert.deepEqual(e.tiedWith.map((m) => m.node), ['fw2']);
    assert.deepEqual(e.order.map((m) => m.skew), [240, 240]);
  });

  test('240 and 239 do not tie', () => {
    const e = elect(group('inet vhid 1 advskew 240 pass k alias 192.0.2.10/32', 'inet vhid 1 advskew 239 pass k alias 192.0.2.10/32'));
    assert.equal(e.master?.node, 'fw2');
    assert.deepEqual(e.tiedWith, []);
  });

  test('failed nodes are left out; when every node failed there is no MASTER', () => {
    const g = group('inet vhid 1 pass k alias 192.0.2.10/32', 'inet vhid 1 advskew 100 pass k alias 192.0.2.10/32', 'inet vhid 1 advskew 200 pass k alias 192.0.2.10/32');
    const root = (name: string): string => g.members.find((m) => m.node === name)!.root;
    assert.equal(elect(g, new Set([root('fw1')])).master?.node, 'fw2');
    assert.equal(elect(g, new Set([root('fw1'), root('fw2')])).master?.node, 'fw3');
    assert.equal(elect(g, new Set(g.members.map((m) => m.root))).master, undefined);
  });

  test('demotion moves a node behind its peer', () => {
    const t = workspaceFromFiles({
      'fw1/etc/rc.conf': node(1, 'inet vhid 1 pass k alias 192.0.2.10/32'),
      'fw1/etc/sysctl.conf': 'net.inet.carp.demotion=60\n',
      'fw2/etc/rc.conf': node(2, 'inet vhid 1 advskew 100 pass k alias 192.0.2.10/32'),
    });
    const [g] = groupMembers(allMembers(t));
    assert.equal(elect(g).master?.node, 'fw2');
  });

  test('membersByNode lists nodes in name order', () => {
    const g = group('inet vhid 1 pass k alias 192.0.2.10/32', 'inet vhid 1 advskew 100 pass k alias 192.0.2.10/32');
    assert.deepEqual([...membersByNode(g).values()].map((list) => list.map((m) => m.node)), [['fw1'], ['fw2']]);
  });
});

describe('model/cluster: clusters', () => {
  test('nodes linked through any group form one cluster; a node sharing nothing is its own', () => {
    const t = workspaceFromFiles({
      'fw1/etc/rc.conf': node(1, 'inet vhid 1 pass k alias 192.0.2.10/32'),
      'fw2/etc/rc.conf': node(2, 'inet vhid 1 advskew 100 pass k alias 192.0.2.10/32', 'inet vhid 2 pass j alias 192.0.2.20/32'),
      'fw3/etc/rc.conf': node(3, 'inet vhid 2 advskew 100 pass j alias 192.0.2.20/32'),
      'fw4/etc/rc.conf': node(4, 'inet vhid 9 pass x alias 192.0.2.90/32'),
    });
    const byRoot = new Map([...t.ws.nodes()].map((n) => [n.root, vhidMembers(n.root, nodeConfig(n))]));
    const c = clusterAround(t.ws.nodeOf(t.uri('fw1/etc/rc.conf')).root, byRoot)!;
    assert.deepEqual(c.roots.map((r) => t.rel(r)), ['fw1', 'fw2', 'fw3']);
    assert.deepEqual(c.groups.map((g) => g.vhid), [1, 2]);
    assert.deepEqual(clusterAround(t.ws.nodeOf(t.uri('fw4/etc/rc.conf')).root, byRoot)?.roots.map((r) => t.rel(r)), ['fw4']);
    // The workspace's index gives the same clusters.
    assert.deepEqual(t.ws.clusterOf(t.uri('fw3/etc/rc.conf'))?.roots, c.roots);
  });
});
