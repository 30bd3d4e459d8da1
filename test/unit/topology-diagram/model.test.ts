import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadFixture } from '../../helpers/workspace';
import { draw, modelOf } from '../../helpers/topology-draw';
import { revealArgs, type DiagramGroup, type DiagramModel, type PlainDiagnostic } from '../../../client/src/diagram-model';
import { diagramModel } from '../../../client/src/diagram-model';
import { topology } from '../../../server/src/features/topology';
import { announcement, summary } from '../../../client/webview/summary';

// test/fixtures/topology-four: vhid 10, 20, 30 with MASTERs fw1, fw2, fw3; each node's vhid lines are its lines 3-5 (0-based).
const t = loadFixture('topology-four');
const group = (m: DiagramModel, vhid: number): DiagramGroup => {
  const found = m.clusters[0].groups.find((g) => g.vhid === vhid);
  assert.ok(found, `no vhid ${vhid}`);
  return found;
};

describe('the diagram model', () => {
  test('without failures: MASTERs by name, no takeover', () => {
    const m = modelOf(t.ws);
    assert.deepEqual([10, 20, 30].map((v) => group(m, v).masterName), ['fw1', 'fw2', 'fw3']);
    assert.ok(m.clusters[0].groups.every((g) => g.takeover === null));
    assert.equal(m.clusters[0].key, t.uri('fw1'));
  });

  test('fw1 and fw2 failed: fw3 takes over vhid 10 and 20, and vhid 30 stays as it was', () => {
    const m = modelOf(t.ws, ['fw1', 'fw2']);
    assert.deepEqual(m.failed, [t.uri('fw1'), t.uri('fw2')]);
    assert.deepEqual(group(m, 10).takeover, { from: 'fw1', to: 'fw3', addresses: ['203.0.113.100'] });
    assert.deepEqual(group(m, 20).takeover, { from: 'fw2', to: 'fw3', addresses: ['203.0.113.101'] });
    assert.equal(group(m, 30).takeover, null);
  });

  test('every node failed: nobody takes over, and the drawing says the VIPs are down', async () => {
    const m = modelOf(t.ws, ['fw1', 'fw2', 'fw3', 'fw4']);
    assert.deepEqual(group(m, 10).takeover, { from: 'fw1', to: null, addresses: ['203.0.113.100'] });
    assert.equal(group(m, 10).masterName, null);
    const svg = await draw(m);
    assert.match(svg, /fw1 failed: nobody takes over/);
    assert.match(svg, /no MASTER: the VIPs are down/);
    assert.equal((svg.match(/class="node failed/g) ?? []).length, 4);
  });

  test("a member's problems are the diagnostics that meet its alias line, each once, the worst first", () => {
    const d = (line: number, severity: PlainDiagnostic['severity'], code: string): PlainDiagnostic => ({ startLine: line, endLine: line, severity, code, message: `${code} here` });
    const shared = d(3, 'warning', 'carp/advskew-tie');
    const m = modelOf(t.ws, [], {
      [t.uri('fw1/etc/rc.conf')]: [shared, d(3, 'error', 'carp/pass-mismatch'), d(5, 'hint', 'rc/x'), d(9, 'error', 'rc/elsewhere')],
      [t.uri('fw2/etc/rc.conf')]: [shared],
    });
    assert.deepEqual(group(m, 10).problems.map((p) => p.code), ['carp/pass-mismatch', 'carp/advskew-tie']);
    assert.deepEqual(group(m, 10).members.find((x) => x.node === 'fw2')?.problems.map((p) => p.code), ['carp/advskew-tie']);
    assert.deepEqual(group(m, 30).problems.map((p) => p.code), ['rc/x']);
    assert.deepEqual(group(m, 20).problems, []);
  });

  test('the group the command names is highlighted; a tree item holding it as `group` names it too', () => {
    for (const arg of [{ vhid: 20, segment: '203.0.113.0/24' }, { label: 'vhid 20', group: { vhid: 20, segment: '203.0.113.0/24' } }]) {
      const highlight = revealArgs(arg);
      const m = diagramModel({ version: 2, current: topology(t.ws), baseline: undefined, diagnosticsOf: () => [], highlight });
      assert.deepEqual(m.clusters[0].groups.map((g) => g.highlighted), [false, true, false]);
    }
    for (const arg of [undefined, 'fw1', { vhid: '20', segment: null }, { vhid: 20 }]) assert.equal(revealArgs(arg), null);
  });

  test('no server: no clusters, and the model says so', () => {
    assert.deepEqual(diagramModel({ version: 3, current: undefined, baseline: undefined, diagnosticsOf: () => [], highlight: null }), { version: 3, serverRunning: false, clusters: [], failed: [] });
  });
});

describe('the text summary and the live announcements', () => {
  test('the summary lists each cluster, its nodes, and each group with MASTER, backups in order, failed nodes and the takeover', () => {
    const [cluster] = summary(modelOf(t.ws, ['fw1', 'fw2']));
    assert.equal(cluster.text, 'cluster fw1, fw2, fw3, fw4: 4 nodes, 3 vhid groups; failed: fw1, fw2');
    assert.deepEqual(cluster.children.slice(0, 4).map((c) => c.text), ['fw1: FAILED (simulated)', 'fw2: FAILED (simulated)', 'fw3: MASTER of 3 of 3 vhids', 'fw4: BACKUP in 3 vhids']);
    assert.equal(cluster.children[4].text, 'vhid 10 on 203.0.113.0/24, VIPs 203.0.113.100; MASTER fw3; backups in order fw4; failed fw1, fw2; fw3 takes over 203.0.113.100');
  });

  test('failing and restoring a node is announced with the MASTERs that moved; a redraw with no such change is not', () => {
    const healthy = modelOf(t.ws);
    const failed = modelOf(t.ws, ['fw1']);
    assert.equal(announcement(healthy, failed), 'fw1 failed. fw2 is now MASTER of vhid 10 (203.0.113.100).');
    assert.equal(announcement(failed, healthy), 'fw1 restored. fw1 is now MASTER of vhid 10 (203.0.113.100).');
    assert.equal(announcement(healthy, modelOf(t.ws)), '');
    assert.equal(announcement(undefined, healthy), '');
  });
});
