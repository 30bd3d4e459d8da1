import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, reportedOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

const CODE = 'carp/advskew-tie';

describe('carp/advskew-tie (cluster-timing fixture)', () => {
  const t = loadFixture('cluster-timing');

  test('equal advskew, and 245 against 250 (both count as 240), tie; 239 against 240 does not', () => {
    const fw1 = reportedOf(t, 'fw1/etc/rc.conf', CODE, 2);
    reportedOf(t, 'fw2/etc/rc.conf', CODE, 2);
    assert.deepEqual(fw1.map(rangeOf), [
      [8, 42, 8, 45],
      [9, 27, 9, 31],
    ]);
    assert.equal(
      fw1[0].message.split('. ')[0],
      'fw1 (igb1, vhid 2) advertises at the same interval as fw2 (igb1, vhid 2): 1 + 240/256 s (fw1: advbase 1, advskew 245, counted as 240; fw2: advbase 1, advskew 250, counted as 240)',
    );
    assert.deepEqual(fw1[0].related?.map((r) => [t.rel(r.uri), r.range.start.line]), [['fw2/etc/rc.conf', 8]]);
    assert.ok(!fw1.some((f) => /vhid 4/.test(f.message)));
  });

  test('a demotion persisted in sysctl.conf brings the primary level with the backup', () => {
    const [f] = reportedOf(t, 'fw3/etc/rc.conf', CODE, 1);
    assert.match(f.message, /\(fw3: advbase 1, advskew 0 \+ demotion 100; fw4: advbase 1, advskew 100\)/);
    reportedOf(t, 'fw4/etc/rc.conf', CODE, 1);
  });

  test('fix: raise this node to the next free advskew', () => {
    const [, print] = reportedOf(t, 'fw2/etc/rc.conf', CODE);
    assert.deepEqual(print.fixes?.map((x) => x.title), ["Raise this node's advskew to 1 on vhid 3"]);
    assert.match(textAfterFix(t, print.fixes![0], 'fw2/etc/rc.conf'), /^ifconfig_igb1_alias1="inet vhid 3 advskew 1 pass print-key alias 10\.1\.0\.11\/32"$/m);
    assertFixResolves(t, print, print.fixes![0]);
    const [lab] = reportedOf(t, 'fw4/etc/rc.conf', CODE);
    assert.deepEqual(lab.fixes?.map((x) => x.title), ["Raise this node's advskew to 101 on vhid 7"]);
    assertFixResolves(t, lab, lab.fixes![0]);
  });

  test('held at 240 by the clamp: the node with the lower written advskew is lowered to 239, the other gets no fix', () => {
    const [voice1] = reportedOf(t, 'fw1/etc/rc.conf', CODE);
    assert.deepEqual(voice1.fixes?.map((x) => x.title), ["Lower this node's advskew to 239 on vhid 2"]);
    assertFixResolves(t, voice1, voice1.fixes![0]);
    const [voice2] = reportedOf(t, 'fw2/etc/rc.conf', CODE);
    assert.equal(voice2.fixes, undefined);
  });
});

describe('carp/advskew-tie: three nodes', () => {
  const node = (name: string, last: number, advskew: number): string =>
    `hostname="${name}"\nifconfig_em0="inet 192.0.2.${last}/24"\nifconfig_em0_alias0="inet vhid 1 advskew ${advskew} pass k alias 192.0.2.1/32"\n`;

  test('two BACKUPs tie: reported on them only; the raise skips a value another node has', () => {
    const w = workspaceFromFiles({ 'fw1/etc/rc.conf': node('fw1', 2, 0), 'fw2/etc/rc.conf': node('fw2', 3, 100), 'fw3/etc/rc.conf': node('fw3', 4, 100), 'fw4/etc/rc.conf': node('fw4', 5, 101) });
    reportedOf(w, 'fw1/etc/rc.conf', CODE, 0);
    reportedOf(w, 'fw4/etc/rc.conf', CODE, 0);
    const [f] = reportedOf(w, 'fw2/etc/rc.conf', CODE, 1);
    assert.deepEqual(f.fixes?.map((x) => x.title), ["Raise this node's advskew to 102 on vhid 1"]);
    assertFixResolves(w, f, f.fixes![0]);
  });

  test('an advskew ifconfig would read with atoi (not a plain number) is not compared: no tie with the node at 0', () => {
    // The model cannot read `5x` (ifconfig's atoi makes it 5), so it must not count as 0 and tie with fw1.
    const w = workspaceFromFiles({ 'fw1/etc/rc.conf': node('fw1', 2, 0).replace(' advskew 0', ''), 'fw2/etc/rc.conf': node('fw2', 3, 0).replace('advskew 0', 'advskew 5x') });
    reportedOf(w, 'fw1/etc/rc.conf', CODE, 0);
    reportedOf(w, 'fw2/etc/rc.conf', CODE, 0);
  });

  test('three nodes, two tied: the message and related information name only the tied node', () => {
    const w = workspaceFromFiles({ 'fw1/etc/rc.conf': node('fw1', 2, 50), 'fw2/etc/rc.conf': node('fw2', 3, 50), 'fw3/etc/rc.conf': node('fw3', 4, 0) });
    const [f] = reportedOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.match(f.message, /^fw1 \(em0, vhid 1\) advertises at the same interval as fw2 \(em0, vhid 1\): 1 \+ 50\/256 s /);
    assert.deepEqual(f.related?.map((r) => [w.rel(r.uri), r.message]), [['fw2/etc/rc.conf', "fw2's vhid 1 on em0: advbase 1, advskew 50"]]);
    reportedOf(w, 'fw3/etc/rc.conf', CODE, 0);
  });
});
