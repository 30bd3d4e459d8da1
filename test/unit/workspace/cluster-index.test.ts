import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Workspace } from '../../../server/src/workspace/workspace';
import type { Cluster } from '../../../server/src/model/cluster';

const ROOT = 'file:///ws';
const rc = (node: string): string => `${ROOT}/${node}/etc/rc.conf`;

/** `fwN` with em0 on 192.0.2.0/24 and the given vhid lines. */
function node(n: number, ...aliases: string[]): string {
  return [`hostname="fw${n}"`, `ifconfig_em0="inet 192.0.2.${n + 1}/24"`, ...aliases.map((a, i) => `ifconfig_em0_alias${i}="${a}"`), ''].join('\n');
}

function workspace(files: Record<string, string>): Workspace {
  const ws = new Workspace();
  for (const [name, text] of Object.entries(files)) ws.set(rc(name), 'rc', text);
  return ws;
}

/** A cluster as text: its nodes and groups (members in name order: the walk's order depends on history), so an incremental index can be compared with a fresh one. */
function describeCluster(c: Cluster | undefined): string {
  if (!c) return '-';
  const groups = c.groups.map((g) => `${g.vhid}@${g.segment}:${g.members.map((m) => `${m.node}[${m.addresses.join(',')}]`).sort().join('+')}`);
  return `${c.roots.map((r) => r.slice(ROOT.length + 1)).join(',')} | ${groups.join(' ')}`;
}

function everything(ws: Workspace): string[] {
  return ws.clusters().map(describeCluster);
}

const VIP1 = 'inet vhid 1 pass k alias 192.0.2.10/32';
const VIP1_BACKUP = 'inet vhid 1 advskew 100 pass k alias 192.0.2.10/32';

describe('workspace/cluster-index: incremental', () => {
  test('an edit moves a node into a cluster, and another moves it out again', () => {
    const ws = workspace({ fw1: node(1, VIP1), fw2: node(2, VIP1_BACKUP), fw3: node(3, 'inet vhid 5 pass x alias 192.0.2.50/32') });
    assert.deepEqual(ws.clusterOf(rc('fw1'))?.roots, [`${ROOT}/fw1`, `${ROOT}/fw2`]);
    ws.set(rc('fw3'), 'rc', node(3, 'inet vhid 1 advskew 200 pass k alias 192.0.2.10/32'));
    assert.deepEqual(ws.clusterOf(rc('fw1'))?.roots, [`${ROOT}/fw1`, `${ROOT}/fw2`, `${ROOT}/fw3`]);
    assert.equal(ws.clusterOf(rc('fw1')), ws.clusterOf(rc('fw3')), 'one cluster object for all its nodes');
    ws.set(rc('fw2'), 'rc', node(2));
    assert.deepEqual(ws.clusterOf(rc('fw1'))?.roots, [`${ROOT}/fw1`, `${ROOT}/fw3`]);
    assert.equal(ws.clusterOf(rc('fw2')), undefined, 'a node without vhids has no cluster');
  });

  test('a file removed and added again is followed too', () => {
    const ws = workspace({ fw1: node(1, VIP1), fw2: node(2, VIP1_BACKUP) });
    ws.remove(rc('fw2'));
    assert.deepEqual(ws.clusterOf(rc('fw1'))?.roots, [`${ROOT}/fw1`]);
    ws.set(rc('fw2'), 'rc', node(2, VIP1_BACKUP));
    assert.deepEqual(ws.clusterOf(rc('fw1'))?.roots, [`${ROOT}/fw1`, `${ROOT}/fw2`]);
  });

  test('vhids by segment follow edits: a node that moves its vhid to another subnet leaves the old one', () => {
    const ws = workspace({ fw1: node(1, VIP1), fw2: node(2, VIP1_BACKUP) });
    assert.deepEqual(ws.vhidsOnSegment('192.0.2.0/24').map((m) => m.node), ['fw1', 'fw2']);
    ws.set(rc('fw2'), 'rc', 'hostname="fw2"\nifconfig_em0="inet 10.9.0.3/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 10.9.0.10/32"\n');
    assert.deepEqual(ws.vhidsOnSegment('192.0.2.0/24').map((m) => m.node), ['fw1']);
    assert.deepEqual(ws.vhidsOnSegment('10.9.0.0/24').map((m) => m.node), ['fw2']);
    assert.deepEqual(ws.vhidsOnSegment('172.16.0.0/24'), []);
  });

  test('more edits than the edit log holds between two queries: the index rebuilds and is right', () => {
    const ws = workspace({ fw1: node(1, VIP1), fw2: node(2, VIP1_BACKUP), fw3: node(3, 'inet vhid 5 pass x alias 192.0.2.50/32') });
    const before = ws.clusterOf(rc('fw1'));
    for (let i = 0; i < 300; i++) ws.set(rc('fw2'), 'rc', `${node(2, VIP1_BACKUP)}# edit ${i}\n`);
    ws.set(rc('fw3'), 'rc', node(3, 'inet vhid 1 advskew 200 pass k alias 192.0.2.10/32'));
    const after = ws.clusterOf(rc('fw1'));
    assert.notEqual(after, before);
    assert.deepEqual(after?.roots.map((r) => r.slice(ROOT.length + 1)), ['fw1', 'fw2', 'fw3']);
    assert.equal(ws.editedSince(0), undefined, 'the log no longer reaches back');
  });

  test('random edits, queried after each: always what a fresh workspace of the same files gives', () => {
    const variants = [
      node(1),
      node(1, VIP1),
      node(1, VIP1_BACKUP, 'inet vhid 2 pass j alias 192.0.2.20/32'),
      node(1, 'inet vhid 2 advskew 50 pass j alias 192.0.2.20/32'),
      node(1, 'inet vhid 1 pass k alias 192.0.2.11/32'),
      'hostname="moved"\nifconfig_em0="inet 10.9.0.3/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 10.9.0.10/32"\n',
    ];
    const names = ['fw1', 'fw2', 'fw3', 'fw4', 'fw5'];
    const texts = new Map(names.map((n) => [n, variants[0]]));
    const ws = workspace(Object.fromEntries(texts));
    let seed = 12345;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let step = 0; step < 400; step++) {
      const name = names[random(names.length)];
      const text = variants[random(variants.length)].replace('fw1', name);
      texts.set(name, text);
      ws.set(rc(name), 'rc', text);
      if (random(3) === 0) continue; // several edits between some queries
      const fresh = workspace(Object.fromEntries(texts));
      assert.deepEqual(everything(ws), everything(fresh), `after step ${step}`);
      for (const segment of ['192.0.2.0/24', '10.9.0.0/24']) assert.deepEqual(ws.vhidsOnSegment(segment).map((m) => m.node), fresh.vhidsOnSegment(segment).map((m) => m.node));
    }
  });
});
