import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, reportedOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

const CODE = 'carp/address-set-mismatch';

describe('carp/address-set-mismatch (cluster-addresses fixture)', () => {
  const t = loadFixture('cluster-addresses');

  test("reported on both nodes' vhid lines, naming each node's addresses", () => {
    const [uplink1, dmz1] = reportedOf(t, 'fw1/etc/rc.conf', CODE, 2);
    const [uplink2] = reportedOf(t, 'fw2/etc/rc.conf', CODE, 1);
    const [dmz2] = reportedOf(t, 'fw2/etc/rc.conf.local', CODE, 1);
    assert.deepEqual([uplink1, dmz1, uplink2, dmz2].map(rangeOf), [
      [5, 26, 5, 30],
      [16, 26, 16, 30],
      [5, 26, 5, 30],
      [1, 26, 1, 30],
    ]);
    assert.match(uplink2.message, /^fw2 \(em0, vhid 1\) carries 198\.51\.100\.10, but fw1 \(em0, vhid 1\) carries 198\.51\.100\.10 and 198\.51\.100\.11 \(this node lacks 198\.51\.100\.11\)\. The HMAC/);
    assert.match(uplink1.message, /^fw1 \(em0, vhid 1\) carries 198\.51\.100\.10 and 198\.51\.100\.11, but fw2 \(em0, vhid 1\) carries 198\.51\.100\.10\. The HMAC/);
    assert.deepEqual(dmz1.related?.map((r) => [t.rel(r.uri), r.range.start.line, r.message]), [['fw2/etc/rc.conf.local', 1, "fw2's vhid 3 on em2: 192.0.2.20 and 192.0.2.22"]]);
  });

  test('three nodes, two with the same addresses: each is told only of the node whose set differs', () => {
    const node = (name: string, last: number, vips: string[]): string =>
      [`hostname="${name}"`, `ifconfig_em0="inet 192.0.2.${last}/24"`, ...vips.map((v, i) => `ifconfig_em0_alias${i}="inet vhid 1 advskew ${last} pass k alias ${v}/32"`), ''].join('\n');
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': node('fw1', 11, ['192.0.2.1', '192.0.2.2']),
      'fw2/etc/rc.conf': node('fw2', 12, ['192.0.2.1', '192.0.2.2']),
      'fw3/etc/rc.conf': node('fw3', 13, ['192.0.2.1']),
    });
    for (const n of ['fw1', 'fw2']) {
      const [f] = reportedOf(w, `${n}/etc/rc.conf`, CODE, 1);
      assert.match(f.message, new RegExp(`^${n} \\(em0, vhid 1\\) carries 192\\.0\\.2\\.1 and 192\\.0\\.2\\.2, but fw3 \\(em0, vhid 1\\) carries 192\\.0\\.2\\.1\\. The HMAC`));
      assert.deepEqual(f.related?.map((r) => [w.rel(r.uri), r.message]), [['fw3/etc/rc.conf', "fw3's vhid 1 on em0: 192.0.2.1"]]);
    }
    const [g] = reportedOf(w, 'fw3/etc/rc.conf', CODE, 1);
    assert.match(
      g.message,
      /^fw3 \(em0, vhid 1\) carries 192\.0\.2\.1, but fw1 \(em0, vhid 1\) carries 192\.0\.2\.1 and 192\.0\.2\.2 and fw2 \(em0, vhid 1\) carries 192\.0\.2\.1 and 192\.0\.2\.2 \(this node lacks 192\.0\.2\.2\)\. /,
    );
    assert.deepEqual(g.related?.map((r) => w.rel(r.uri)), ['fw1/etc/rc.conf', 'fw2/etc/rc.conf']);
  });

  test('IPv4 and IPv6 on one vhid, written /24 and /64 on one node and /32 and /128 on the other: the same addresses, no finding', () => {
    const all = [...reportedOf(t, 'fw1/etc/rc.conf', CODE), ...reportedOf(t, 'fw2/etc/rc.conf', CODE)];
    assert.ok(!all.some((f) => /vhid 2\)/.test(f.message)), all.map((f) => f.message).join('\n'));
  });

  test("fix on the node that lacks an address: a new alias at the next free N, in that node's style", () => {
    const [f] = reportedOf(t, 'fw2/etc/rc.conf', CODE);
    assert.deepEqual(f.fixes?.map((x) => x.title), ['Add 198.51.100.11 to vhid 1 on this node (ifconfig_em0_alias1)']);
    const after = textAfterFix(t, f.fixes![0], 'fw2/etc/rc.conf');
    assert.match(
      after,
      /^ifconfig_em0_alias0="inet vhid 1 advskew 100 pass uplink-key alias 198\.51\.100\.10\/32"\nifconfig_em0_alias1="inet vhid 1 advskew 100 pass uplink-key alias 198\.51\.100\.11\/32"\n/m,
    );
    assertFixResolves(t, f, f.fixes![0]);
  });

  test("fix on the node that has more: the same line is added in the peer's file", () => {
    const [f] = reportedOf(t, 'fw1/etc/rc.conf', CODE);
    assert.deepEqual(f.fixes?.map((x) => x.title), ['Add 198.51.100.11 to vhid 1 on fw2 (ifconfig_em0_alias1)']);
    assert.deepEqual(f.fixes![0].changes.map((c) => t.rel(c.uri)), ['fw2/etc/rc.conf']);
    assertFixResolves(t, f, f.fixes![0]);
  });

  test('each node lacks one: one fix adds both, in rc.conf on fw1 and in rc.conf.local on fw2, at alias2', () => {
    const [, f] = reportedOf(t, 'fw1/etc/rc.conf', CODE);
    assert.deepEqual(f.fixes?.map((x) => x.title), ['Add the missing addresses of vhid 3 on this node and fw2']);
    assert.match(textAfterFix(t, f.fixes![0], 'fw1/etc/rc.conf'), /^ifconfig_em2_alias2="inet vhid 3 pass dmz-key alias 192\.0\.2\.22\/32"$/m);
    assert.match(textAfterFix(t, f.fixes![0], 'fw2/etc/rc.conf.local'), /^ifconfig_em2_alias2="inet vhid 3 advskew 100 pass dmz-key alias 192\.0\.2\.21\/32"$/m);
    assertFixResolves(t, f, f.fixes![0]);
  });
});

describe('carp/address-set-mismatch: what counts', () => {
  const fw1 = 'hostname="fw1"\nifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 192.0.2.10/32"\nifconfig_em0_alias1="inet vhid 1 pass k alias 192.0.2.11/32"\n';

  test('an alias after an empty one is never configured, so it does not count; no fix can go after the empty one', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': fw1,
      'fw2/etc/rc.conf': 'hostname="fw2"\nifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0="inet vhid 1 advskew 100 pass k alias 192.0.2.10/32"\nifconfig_em0_alias1=""\nifconfig_em0_alias2="inet vhid 1 advskew 100 pass k alias 192.0.2.11/32"\n',
    });
    const [f] = reportedOf(w, 'fw2/etc/rc.conf', CODE, 1);
    assert.match(f.message, /this node lacks 192\.0\.2\.11/);
    assert.equal(f.fixes, undefined);
  });

  test('a unicast vhid keeps its peer on the new line (a line without it would return the vhid to multicast)', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': 'hostname="fw1"\nifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 peer 192.0.2.3 pass k alias 192.0.2.10/32"\nifconfig_em0_alias1="inet vhid 1 peer 192.0.2.3 pass k alias 192.0.2.11/32"\n',
      'fw2/etc/rc.conf': 'hostname="fw2"\nifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0="inet vhid 1 advskew 100 peer 192.0.2.2 pass k alias 192.0.2.10/32"\n',
    });
    const [f] = reportedOf(w, 'fw2/etc/rc.conf', CODE, 1);
    assert.match(textAfterFix(w, f.fixes![0], 'fw2/etc/rc.conf'), /^ifconfig_em0_alias1="inet vhid 1 advskew 100 pass k peer 192\.0\.2\.2 alias 192\.0\.2\.11\/32"$/m);
    assertFixResolves(w, f, f.fixes![0]);
  });

  test('a node whose interface holds a value the shell computes is not compared', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': fw1,
      'fw2/etc/rc.conf': 'hostname="fw2"\nifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0="inet vhid 1 advskew 100 pass k alias 192.0.2.10/32"\nifconfig_em0_alias1="inet vhid 1 advskew 100 pass k alias ${EXTRA_VIP}"\n',
    });
    reportedOf(w, 'fw1/etc/rc.conf', CODE, 0);
    reportedOf(w, 'fw2/etc/rc.conf', CODE, 0);
  });
});
