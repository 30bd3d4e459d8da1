import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { allFindingsFor, loadFixture } from '../../helpers/workspace';
import type { Code } from '../../../server/src/checks/codes';

/** The node and network checks across a cluster (issue 12). */
const CODES: readonly Code[] = [
  'carp/module-not-loaded',
  'carp/preempt-mismatch',
  'carp/preempt-off-multi-vhid',
  'carp/split-master',
  'carp/vip-conflicts-host-address',
  'net/duplicate-address',
  'net/same-subnet-interfaces',
  'carp/vip-outside-subnet',
  'carp/unknown-parent-interface',
];

describe('a healthy cluster gives no node or network finding', () => {
  test('four nodes, three vhids (an IPv4 + IPv6 pair on one, one on a VLAN), preempt on, carp loaded: nothing at all', () => {
    const t = loadFixture('cluster-four');
    assert.deepEqual(allFindingsFor(t).map((f) => `${t.rel(f.uri)} ${f.code}`), []);
    // Not vacuous: the four nodes form one cluster of three elections, each with four members.
    const cluster = t.ws.clusterOf(t.uri('fw1/etc/rc.conf'));
    assert.ok(cluster);
    assert.deepEqual(cluster.groups.map((g) => `${g.vhid}:${g.members.length}`), ['1:4', '2:4', '3:4']);
  });

  test('the healthy halves of the other fixtures stay silent for these codes', () => {
    const silent: Record<string, string[]> = {
      'cluster-module': ['fw1', 'fw4'],
      'cluster-preempt': ['d1', 'd2', 'e1', 'e2'],
      'cluster-master': ['h1', 'h2', 't1', 't2'],
      'net-subnets': ['s2'],
      'cluster-parents': ['p2', 'p3', 'p4'],
    };
    for (const [fixture, nodes] of Object.entries(silent)) {
      const t = loadFixture(fixture);
      const found = allFindingsFor(t).filter((f) => CODES.includes(f.code) && nodes.some((n) => t.rel(f.uri).startsWith(`${n}/`)));
      assert.deepEqual(found.map((f) => `${fixture}/${t.rel(f.uri)} ${f.code}`), []);
    }
  });
});
