import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { allFindingsFor, loadFixture } from '../../helpers/workspace';

/** The vhid-group checks (and every other check) stay silent on healthy clusters. */
describe('vhid-group checks: no false alarms (cluster-healthy fixture)', () => {
  const t = loadFixture('cluster-healthy');

  test('an IPv4 + IPv6 pair on one vhid and a four-node cluster with three vhids give no finding at all', () => {
    const all = allFindingsFor(t);
    assert.deepEqual(all.map((f) => `${t.rel(f.uri)}:${f.range.start.line + 1} ${f.code} ${f.message}`), []);
  });

  test('not vacuous: the checks see both clusters, every member and both address families', () => {
    const clusters = t.ws.clusters();
    const shape = clusters.map((c) => c.groups.map((g) => `vhid ${g.vhid}: ${g.members.length} members, ${[...new Set(g.members.flatMap((m) => m.addresses))].sort().join(' ')}`));
    assert.deepEqual(shape, [
      ['vhid 1: 2 members, 2001:db8:10::10 203.0.113.10'],
      ['vhid 10: 4 members, 10.20.0.1', 'vhid 11: 4 members, 10.20.0.2', 'vhid 12: 4 members, 198.51.100.20 198.51.100.21'],
    ]);
  });
});
