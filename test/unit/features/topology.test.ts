import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadFixture, type TestWorkspace } from '../../helpers/workspace';
import { resolveNodes, topology, topologyMayHaveChanged, topologySnapshot, workspaceClusters } from '../../../server/src/features/topology';
import type { TopologyGroup, TopologyMember, TopologyResult } from '../../../server/src/protocol';
import type { WorkspaceView } from '../../../server/src/model/workspace-view';

/** `fw1 MASTER` per member, in the order the payload lists them. */
const roles = (g: TopologyGroup): string[] => g.members.map((m) => `${m.node} ${m.role}${m.tie ? ' tie' : ''}`);
const group = (r: TopologyResult, vhid: number): TopologyGroup => {
  const found = r.clusters.flatMap((c) => c.groups).find((g) => g.vhid === vhid);
  assert.ok(found, `no vhid ${vhid}`);
  return found;
};
const member = (g: TopologyGroup, node: string): TopologyMember => {
  const found = g.members.find((m) => m.node === node);
  assert.ok(found, `no ${node} in vhid ${g.vhid}`);
  return found;
};
/** [line, startChar, endLine, endChar] of a member's alias line. */
const where = (t: TestWorkspace, m: TopologyMember): [string, number, number, number, number] => {
  const r = m.location.range;
  return [t.rel(m.location.uri), r.start.line, r.start.character, r.end.line, r.end.character];
};

describe('topology of a healthy pair (IPv4 and IPv6 on one vhid)', () => {
  const t = loadFixture('topology-pair');
  const r = topology(t.ws);

  test('one cluster of two nodes, with its two vhid groups', () => {
    assert.equal(r.clusters.length, 1);
    assert.deepEqual(r.clusters[0].nodes, [
      { name: 'fw1', root: t.uri('fw1'), failed: false },
      { name: 'fw2', root: t.uri('fw2'), failed: false },
    ]);
    assert.deepEqual(r.clusters[0].groups.map((g) => g.vhid), [1, 2]);
    assert.deepEqual(r.failed, []);
    assert.deepEqual(r.unknown, []);
  });

  test('the IPv4 and the IPv6 VIP are one group, on the IPv4 segment, with fw1 (advskew 0) MASTER', () => {
    const g = group(r, 1);
    assert.deepEqual(g.addresses, ['192.0.2.1', '2001:db8:1::1']);
    assert.equal(g.segment, '192.0.2.0/24');
    assert.equal(g.master, t.uri('fw1'));
    assert.equal(g.tie, false);
    assert.deepEqual(roles(g), ['fw1 MASTER', 'fw2 BACKUP']);
    const fw2 = member(g, 'fw2');
    assert.deepEqual(
      { interface: fw2.interface, vhid: fw2.vhid, advbase: fw2.advbase, advskew: fw2.advskew, skew: fw2.skew, interval: fw2.interval, uncertain: fw2.uncertain },
      { interface: 'em0', vhid: 1, advbase: 1, advskew: 100, skew: 100, interval: 1 + 100 / 256, uncertain: false },
    );
    assert.deepEqual(fw2.addresses, ['192.0.2.1', '2001:db8:1::1']);
  });

  test("each member's location is the whole alias line that introduces its vhid", () => {
    const g = group(r, 1);
    assert.deepEqual(where(t, member(g, 'fw1')), ['fw1/etc/rc.conf', 6, 0, 6, 69]);
    assert.deepEqual(where(t, member(g, 'fw2')), ['fw2/etc/rc.conf', 5, 0, 5, 81]);
    const line = t.ws.get(t.uri('fw2/etc/rc.conf'))!.lines.lineText(5);
    assert.equal(line, 'ifconfig_em0_alias0="inet vhid 1 advskew 100 pass outsidekey1 alias 192.0.2.1/32"');
  });

  test('no password anywhere in the payload', () => {
    const json = JSON.stringify(r);
    for (const pass of ['outsidekey1', 'insidekey2']) assert.ok(!json.includes(pass), `${pass} leaked`);
  });
});

describe('failed nodes', () => {
  const t = loadFixture('topology-pair');

  test('by name: fw1 is FAILED in every group and fw2 takes over', () => {
    const r = topology(t.ws, ['fw1']);
    assert.deepEqual(r.failed, [t.uri('fw1')]);
    for (const vhid of [1, 2]) {
      assert.deepEqual(roles(group(r, vhid)), ['fw2 MASTER', 'fw1 FAILED']);
      assert.equal(group(r, vhid).master, t.uri('fw2'));
    }
    assert.deepEqual(r.clusters[0].nodes.map((n) => `${n.name} ${n.failed}`), ['fw1 true', 'fw2 false']);
  });

  test('by root URI, full hostname (any case) or folder name: the same node', () => {
    for (const entry of [t.uri('fw1'), 'FW1.example.NET', 'fw1']) assert.deepEqual(resolveNodes(t.ws, [entry]), { roots: [t.uri('fw1')], unknown: [] });
  });

  test('every member failed: the group has no MASTER; unknown names are returned apart', () => {
    const r = topology(t.ws, ['fw1', 'fw2', 'fw9']);
    assert.equal(group(r, 2).master, null);
    assert.deepEqual(roles(group(r, 2)), ['fw1 FAILED', 'fw2 FAILED']);
    assert.deepEqual(r.unknown, ['fw9']);
  });
});

describe('a four-node cluster with several vhids', () => {
  const t = loadFixture('topology-four');

  test('each vhid elects its own MASTER; BACKUPs are listed in the order they would take over', () => {
    const r = topology(t.ws);
    assert.equal(r.clusters.length, 1);
    assert.deepEqual(r.clusters[0].nodes.map((n) => n.name), ['fw1', 'fw2', 'fw3', 'fw4']);
    assert.deepEqual(roles(group(r, 10)), ['fw1 MASTER', 'fw2 BACKUP', 'fw3 BACKUP', 'fw4 BACKUP']);
    assert.deepEqual(roles(group(r, 20)), ['fw2 MASTER', 'fw3 BACKUP', 'fw4 BACKUP', 'fw1 BACKUP']);
    assert.deepEqual(roles(group(r, 30)), ['fw3 MASTER', 'fw4 BACKUP', 'fw1 BACKUP', 'fw2 BACKUP']);
  });

  test('with fw1 and fw2 failed, the next in line takes each vhid', () => {
    const r = topology(t.ws, ['fw1', 'fw2']);
    assert.deepEqual(roles(group(r, 10)), ['fw3 MASTER', 'fw4 BACKUP', 'fw1 FAILED', 'fw2 FAILED']);
    assert.deepEqual(roles(group(r, 20)), ['fw3 MASTER', 'fw4 BACKUP', 'fw1 FAILED', 'fw2 FAILED']);
    assert.deepEqual(roles(group(r, 30)), ['fw3 MASTER', 'fw4 BACKUP', 'fw1 FAILED', 'fw2 FAILED']);
  });
});

describe('what the election depends on', () => {
  test('equal advskew: a tie, said on the MASTER and the BACKUP alike (the first in node order is named)', () => {
    const r = topology(loadFixture('topology-tie').ws);
    assert.equal(group(r, 1).tie, true);
    assert.deepEqual(roles(group(r, 1)), ['fw1 MASTER tie', 'fw2 BACKUP tie']);
    // advskew 10 against 20: one step apart is no tie.
    assert.equal(group(r, 2).tie, false);
    assert.deepEqual(roles(group(r, 2)), ['fw1 MASTER', 'fw2 BACKUP']);
  });

  test('a value only the shell can read marks the members of that interface uncertain', () => {
    const g = group(topology(loadFixture('topology-tie').ws), 2);
    assert.equal(member(g, 'fw2').uncertain, true);
    assert.equal(member(g, 'fw1').uncertain, false);
  });

  test('demotion from sysctl.conf counts: advskew 0 plus 120 loses to advskew 100', () => {
    const g = group(topology(loadFixture('topology-demoted').ws), 1);
    assert.deepEqual(roles(g), ['fw2 MASTER', 'fw1 BACKUP']);
    assert.deepEqual([member(g, 'fw1').advskew, member(g, 'fw1').skew], [0, 120]);
  });

  test('a vhid on a legacy carpN interface is INACTIVE and takes no part; alone it leaves no MASTER', () => {
    const t = loadFixture('topology-legacy');
    const g = group(topology(t.ws), 1);
    assert.deepEqual(roles(g), ['fw1 MASTER', 'fw2 INACTIVE']);
    assert.equal(member(g, 'fw2').interface, 'carp0');
    const down = group(topology(t.ws, ['fw1']), 1);
    assert.deepEqual(roles(down), ['fw1 FAILED', 'fw2 INACTIVE']);
    assert.equal(down.master, null);
  });
});

describe('views and versions', () => {
  test("a view without the workspace's cluster index gives the same topology", () => {
    const t = loadFixture('topology-four');
    const bare: WorkspaceView = { get: (u) => t.ws.get(u), documents: () => t.ws.documents(), nodeOf: (u) => t.ws.nodeOf(u), nodes: () => t.ws.nodes() };
    assert.equal(workspaceClusters(bare).length, 1);
    assert.deepEqual(topology(bare, ['fw4']), topology(t.ws, ['fw4']));
  });

  test('only rc and sysctl edits (or files coming and going) can change it', () => {
    const t = loadFixture('topology-pair');
    const at = t.ws.version();
    assert.equal(topologyMayHaveChanged(t.ws, undefined), true);
    assert.equal(topologyMayHaveChanged(t.ws, at), false);
    t.ws.set(t.uri('fw1/boot/loader.conf'), 'loader', '# edited\ncarp_load="YES"\n');
    assert.equal(topologyMayHaveChanged(t.ws, at), false);
    const sysctl = t.uri('fw2/etc/sysctl.conf');
    t.ws.set(sysctl, 'sysctl', `${t.ws.get(sysctl)!.text}net.inet.carp.log=2\n`);
    assert.equal(topologyMayHaveChanged(t.ws, at), true);
    const later = t.ws.version();
    t.ws.set(t.uri('fw3/etc/rc.conf'), 'rc', 'hostname="fw3"\n');
    assert.equal(topologyMayHaveChanged(t.ws, later), true);
  });
});

describe('the snapshot the language server compares', () => {
  test('is the clusters of the topology without failures, and follows an edit of one node', () => {
    const t = loadFixture('topology-four');
    assert.equal(topologySnapshot(t.ws).text, JSON.stringify(topology(t.ws).clusters));
    const file = t.uri('fw3/etc/rc.conf');
    t.ws.set(file, 'rc', t.ws.get(file)!.text.replace('vhid 10 advskew 100', 'vhid 10 advskew 10'));
    const after = topologySnapshot(t.ws);
    assert.equal(after.text, JSON.stringify(topology(t.ws).clusters));
    assert.deepEqual(roles(group(topology(t.ws), 10)), ['fw1 MASTER', 'fw3 BACKUP', 'fw2 BACKUP', 'fw4 BACKUP']);
    assert.equal(after.clusters, 1);
  });
});
