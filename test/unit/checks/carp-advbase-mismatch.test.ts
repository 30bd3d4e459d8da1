import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, reportedOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

const CODE = 'carp/advbase-mismatch';

describe('carp/advbase-mismatch (cluster-timing fixture)', () => {
  const t = loadFixture('cluster-timing');

  test("reported on both nodes: the advbase word, or the vhid when the default applies", () => {
    const fw1 = reportedOf(t, 'fw1/etc/rc.conf', CODE, 2);
    const fw2 = reportedOf(t, 'fw2/etc/rc.conf', CODE, 2);
    assert.deepEqual(fw1.map(rangeOf), [
      [4, 27, 4, 31],
      [11, 27, 11, 31],
    ]);
    assert.deepEqual(fw2.map(rangeOf), [
      [5, 42, 5, 43],
      [11, 42, 11, 43],
    ]);
    assert.match(fw2[0].message, /^fw2 \(igb0, vhid 1\) advertises with advbase 2, but fw1 \(igb0, vhid 1\) with advbase 1 \(the default\)\. The election compares advbase \+ advskew\/256/);
    assert.deepEqual(fw2[0].related?.map((r) => [t.rel(r.uri), r.range.start.line, r.message]), [['fw1/etc/rc.conf', 4, "fw1's vhid 1 on igb0: advbase 1 (the default)"]]);
  });

  test('advbase 0 leaves the default 1: no finding against a node that states none', () => {
    for (const rel of ['fw1/etc/rc.conf', 'fw2/etc/rc.conf']) assert.ok(!reportedOf(t, rel, CODE).some((f) => /vhid 6/.test(f.message)));
  });

  test("fix: the peer's advbase on this node; when only the advbase kept the nodes apart, this node's advskew is raised too", () => {
    const [uplink, guest] = reportedOf(t, 'fw2/etc/rc.conf', CODE);
    assert.deepEqual(guest.fixes?.map((x) => x.title), ["Use fw1's advbase 1 on this vhid"]);
    assert.match(textAfterFix(t, guest.fixes![0], 'fw2/etc/rc.conf'), /^ifconfig_igb1_alias3="inet vhid 5 advbase 1 advskew 100 pass guest-key alias 10\.1\.0\.13\/32"$/m);
    assertFixResolves(t, guest, guest.fixes![0]);
    assert.deepEqual(uplink.fixes?.map((x) => x.title), ["Use fw1's advbase 1 on this vhid, raising this node's advskew to 1 to avoid a tie"]);
    assert.match(textAfterFix(t, uplink.fixes![0], 'fw2/etc/rc.conf'), /^ifconfig_igb0_alias0="inet vhid 1 advskew 1 advbase 1 pass uplink-key alias 198\.51\.100\.10\/32"$/m);
    assertFixResolves(t, uplink, uplink.fixes![0]);
    // On fw1, MASTER of the cluster's other vhids, fw2's advbase would tie and a raised advskew would hand vhid 1 to fw2 (carp/split-master): no fix.
    const [fromFw1] = reportedOf(t, 'fw1/etc/rc.conf', CODE);
    assert.equal(fromFw1.fixes, undefined);
  });
});

describe('carp/advbase-mismatch: three nodes and unreadable values', () => {
  const node = (name: string, last: number, settings: string): string =>
    `hostname="${name}"\nifconfig_em0="inet 192.0.2.${last}/24"\nifconfig_em0_alias0="inet vhid 1 ${settings} pass k alias 192.0.2.1/32"\n`;

  test('one fix per advbase the other nodes use, aligning every node that differs', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': node('fw1', 2, 'advbase 1 advskew 0'),
      'fw2/etc/rc.conf': node('fw2', 3, 'advbase 2 advskew 100'),
      'fw3/etc/rc.conf': node('fw3', 4, 'advbase 3 advskew 200'),
    });
    const [f] = reportedOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.deepEqual(f.fixes?.map((x) => x.title), ["Use fw2's advbase 2 on this vhid (and on fw3)", "Use fw3's advbase 3 on this vhid (and on fw2)"]);
    for (const fix of f.fixes!) assertFixResolves(w, f, fix);
  });

  test('an advbase ifconfig would read with atoi (not a plain number) is left to carp/value-out-of-range', () => {
    const w = workspaceFromFiles({ 'fw1/etc/rc.conf': node('fw1', 2, 'advbase 1'), 'fw2/etc/rc.conf': node('fw2', 3, 'advbase 2x advskew 100') });
    reportedOf(w, 'fw1/etc/rc.conf', CODE, 0);
    // Not compared as the default either: against advbase 2, `2x` would otherwise read as 1 and differ.
    const v = workspaceFromFiles({ 'fw1/etc/rc.conf': node('fw1', 2, 'advbase 2'), 'fw2/etc/rc.conf': node('fw2', 3, 'advbase 2x advskew 100') });
    reportedOf(v, 'fw1/etc/rc.conf', CODE, 0);
    reportedOf(v, 'fw2/etc/rc.conf', CODE, 0);
  });

  test('two nodes agree and one differs: each message names only the nodes on the other side', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': node('fw1', 2, 'advbase 1 advskew 0'),
      'fw2/etc/rc.conf': node('fw2', 3, 'advbase 1 advskew 100'),
      'fw3/etc/rc.conf': node('fw3', 4, 'advbase 2 advskew 200'),
    });
    for (const [rel, other] of [['fw1/etc/rc.conf', 'fw3'], ['fw2/etc/rc.conf', 'fw3']] as const) {
      const [f] = reportedOf(w, rel, CODE, 1);
      assert.match(f.message, new RegExp(`, but ${other} \\(em0, vhid 1\\) with advbase 2\\. `));
      assert.deepEqual(f.related?.map((r) => w.rel(r.uri)), ['fw3/etc/rc.conf']);
    }
    const [g] = reportedOf(w, 'fw3/etc/rc.conf', CODE, 1);
    assert.match(g.message, /^fw3 \(em0, vhid 1\) advertises with advbase 2, but fw1 \(em0, vhid 1\) with advbase 1 and fw2 \(em0, vhid 1\) with advbase 1\. /);
    assert.deepEqual(g.related?.map((r) => [w.rel(r.uri), r.range.start.line]), [['fw1/etc/rc.conf', 2], ['fw2/etc/rc.conf', 2]]);
  });
});
