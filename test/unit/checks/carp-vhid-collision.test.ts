import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, reportedOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles, type TestWorkspace } from '../../helpers/workspace';
import { findingsFor } from '../../../server/src/checks/registry';
import type { Manifest } from '../../../server/src/model/manifest';
import type { WorkspaceView } from '../../../server/src/model/workspace-view';
import type { Finding } from '../../../server/src/checks/types';

const CODE = 'carp/vhid-collision';

/** The workspace seen through a view that adds or hides members (a manifest; no index, as a test's fake view has). */
function view(t: TestWorkspace, change: { manifest?: Manifest; hide?: string[] }): WorkspaceView {
  return new Proxy(t.ws, {
    get(target, prop) {
      if (prop === 'manifest' && change.manifest) return () => change.manifest;
      if (typeof prop === 'string' && change.hide?.includes(prop)) return undefined;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as WorkspaceView;
}

function findingsThrough(t: TestWorkspace, v: WorkspaceView, rel: string): Finding[] {
  return findingsFor(t.ws.get(t.uri(rel))!, v, (_check, e) => {
    throw e;
  }).filter((f) => f.code === CODE);
}

describe('carp/vhid-collision (cluster-collision fixture)', () => {
  const t = loadFixture('cluster-collision');

  test('two pairs, one vhid, one subnet, no address in common: every member of both groups is reported', () => {
    for (const rel of ['fwa1/etc/rc.conf', 'fwa2/etc/rc.conf', 'fwb2/etc/rc.conf']) assert.deepEqual(reportedOf(t, rel, CODE, 1).map(rangeOf), [[3, 26, 3, 30]]);
    const [b1] = reportedOf(t, 'fwb1/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(b1), [4, 26, 4, 30]);
    assert.match(b1.message, /^vhid 1 on 192\.0\.2\.0\/24 is used by this group, fwb1 and fwb2 \(192\.0\.2\.100\), and by fwa1 and fwa2 \(192\.0\.2\.1\), which shares no address with it: .*00:00:5e:00:01:01/);
    assert.deepEqual(b1.related?.map((r) => [t.rel(r.uri), r.range.start.line, r.message]), [
      ['fwa1/etc/rc.conf', 3, "fwa1's vhid 1 on em0: 192.0.2.1"],
      ['fwa2/etc/rc.conf', 3, "fwa2's vhid 1 on em0: 192.0.2.1"],
    ]);
  });

  test('the same vhid on another subnet is another vhid: vhid 5 is not reported', () => {
    for (const rel of ['fwa1/etc/rc.conf', 'fwb1/etc/rc.conf']) assert.ok(!reportedOf(t, rel, CODE).some((f) => /vhid 5/.test(f.message)));
  });

  test('fix: the next vhid free on the subnet, on every member of the group, in one edit', () => {
    const [b1] = reportedOf(t, 'fwb1/etc/rc.conf', CODE);
    assert.deepEqual(b1.fixes?.map((x) => x.title), ['Change vhid 1 to 3 on this node and on fwb2']);
    assert.deepEqual(b1.fixes![0].changes.map((c) => t.rel(c.uri)), ['fwb1/etc/rc.conf', 'fwb2/etc/rc.conf']);
    assert.match(textAfterFix(t, b1.fixes![0], 'fwb2/etc/rc.conf'), /^ifconfig_em0_alias0="inet vhid 3 advskew 100 pass lab-key alias 192\.0\.2\.100\/32"$/m);
    assertFixResolves(t, b1, b1.fixes![0]);
    const [a2] = reportedOf(t, 'fwa2/etc/rc.conf', CODE);
    assertFixResolves(t, a2, a2.fixes![0]);
  });

  test('without the index (a view that walks every node) the same findings come out', () => {
    const plain = view(t, { hide: ['vhidsOnSegment', 'clusterOf', 'clusters'] });
    assert.deepEqual(
      findingsThrough(t, plain, 'fwb1/etc/rc.conf').map((f) => f.message),
      reportedOf(t, 'fwb1/etc/rc.conf', CODE).map((f) => f.message),
    );
  });
});

describe('carp/vhid-collision: a vhid reserved by freebsd-conf.json', () => {
  // A new workspace per view: cross-node findings are cached per cluster of a workspace version.
  const pair = (): TestWorkspace =>
    workspaceFromFiles({
      'fw1/etc/rc.conf': 'hostname="fw1"\nifconfig_em0="inet 203.0.113.2/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 203.0.113.10/32"\nifconfig_em0_alias1="inet vhid 2 pass k alias 203.0.113.11/32"\n',
      'fw2/etc/rc.conf': 'hostname="fw2"\nifconfig_em0="inet 203.0.113.3/24"\nifconfig_em0_alias0="inet vhid 1 advskew 100 pass k alias 203.0.113.10/32"\nifconfig_em0_alias1="inet vhid 2 advskew 100 pass k alias 203.0.113.11/32"\n',
    });
  const manifest = (segment: string): Manifest => ({
    uri: 'file:///ws/freebsd-conf.json',
    nodes: new Map(),
    clusters: [],
    builtinCarp: new Set(),
    reservedVhids: [{ segment, vhids: [1, 3], note: "the ISP's VRRP router" }],
  });

  test('reported on every member, with the note; the fix skips the reserved numbers', () => {
    const p = pair();
    const v = view(p, { manifest: manifest('203.0.113.0/24') });
    const [f] = findingsThrough(p, v, 'fw2/etc/rc.conf');
    assert.deepEqual(rangeOf(f), [2, 26, 2, 30]);
    assert.match(f.message, /^vhid 1 is reserved on 203\.0\.113\.0\/24 in freebsd-conf\.json \(the ISP's VRRP router\)/);
    assert.deepEqual(f.fixes?.map((x) => x.title), ['Change vhid 1 to 4 on this node and on fw1']);
    assert.equal(findingsThrough(p, v, 'fw1/etc/rc.conf').length, 1);
  });

  test('a reservation written as any address of the subnet, or in IPv6 capitals, still names the subnet', () => {
    for (const written of ['203.0.113.77/24', ' 203.0.113.0/24 ']) {
      const p = pair();
      assert.equal(findingsThrough(p, view(p, { manifest: manifest(written) }), 'fw1/etc/rc.conf').length, 1, written);
    }
    const six = (): TestWorkspace =>
      workspaceFromFiles({
        'fw1/etc/rc.conf': 'hostname="fw1"\nifconfig_em0_ipv6="inet6 2001:db8:5::2/64"\nifconfig_em0_alias0="inet6 vhid 1 pass k alias 2001:db8:5::10/128"\n',
        'fw2/etc/rc.conf': 'hostname="fw2"\nifconfig_em0_ipv6="inet6 2001:db8:5::3/64"\nifconfig_em0_alias0="inet6 vhid 1 advskew 100 pass k alias 2001:db8:5::10/128"\n',
      });
    const p = six();
    assert.equal(findingsThrough(p, view(p, { manifest: manifest('2001:DB8:5:0::/64') }), 'fw1/etc/rc.conf').length, 1);
    // Not an address with a prefix: names no subnet.
    const q = six();
    assert.equal(findingsThrough(q, view(q, { manifest: manifest('2001:db8:5::') }), 'fw1/etc/rc.conf').length, 0);
  });

  test("the fix skips a vhid a member's interface already carries on another subnet (one vhid per interface in the kernel)", () => {
    const p = workspaceFromFiles({
      'fw1/etc/rc.conf':
        'hostname="fw1"\nifconfig_em0="inet 203.0.113.2/24"\nifconfig_em0_alias0="inet 198.51.100.2/24"\n' +
        'ifconfig_em0_alias1="inet vhid 1 pass k alias 203.0.113.10/32"\nifconfig_em0_alias2="inet vhid 2 pass k alias 198.51.100.10/32"\n' +
        'ifconfig_em1="inet 192.0.2.2/24"\nifconfig_em1_alias0="inet vhid 4 pass k alias 192.0.2.10/32"\n',
      'fw2/etc/rc.conf': 'hostname="fw2"\nifconfig_em0="inet 203.0.113.3/24"\nifconfig_em0_alias0="inet vhid 1 advskew 100 pass k alias 203.0.113.10/32"\n',
    });
    const [f] = findingsThrough(p, view(p, { manifest: manifest('203.0.113.0/24') }), 'fw2/etc/rc.conf');
    // 1 and 3 are reserved, 2 is on fw1's em0 (198.51.100.0/24); 4 is on em1 only, so it is free for em0.
    assert.deepEqual(f.fixes?.map((x) => x.title), ['Change vhid 1 to 4 on this node and on fw1']);
  });

  test('a reservation on another subnet, or no manifest at all: nothing', () => {
    const p = pair();
    assert.equal(findingsThrough(p, view(p, { manifest: manifest('198.51.100.0/24') }), 'fw1/etc/rc.conf').length, 0);
    reportedOf(pair(), 'fw1/etc/rc.conf', CODE, 0);
  });
});
