import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadFixture, manifestOf, rangeOf, reportedOf, reportedWithManifest } from '../../helpers/workspace';

const CODE = 'carp/split-master';

describe('carp/split-master', () => {
  const t = loadFixture('cluster-master');

  test('m1 wins vhids 1 and 2, m2 wins vhid 3: vhid 3 is reported on both members, at their advskew', () => {
    const [m1] = reportedOf(t, 'm1/etc/rc.conf', CODE, 1);
    const [m2] = reportedOf(t, 'm2/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(m1), [7, 33, 7, 44]);
    assert.deepEqual(rangeOf(m2), [7, 33, 7, 44]);
    assert.equal(m1.message, m2.message);
    assert.match(
      m1.message,
      /^m2 is the predicted MASTER of vhid 3 \(em2: advskew 100, against advskew 200 on m1\), but m1 is MASTER of vhid 1 \(em0\), and m1 is MASTER of vhid 2 \(em1\)\. /,
    );
    assert.match(m1.message, /activeActive in freebsd-conf\.json/);
    assert.deepEqual(
      m1.related?.map((r) => [t.rel(r.uri), r.range.start.line, r.message]),
      [
        ['m1/etc/rc.conf', 3, 'm1 is the predicted MASTER of vhid 1 here (advskew 0)'],
        ['m1/etc/rc.conf', 5, 'm1 is the predicted MASTER of vhid 2 here (advskew 0)'],
      ],
    );
    assert.equal(m1.fixes, undefined, 'which node should win is the admin\'s call');
  });

  test('one vhid each: no node is the intended MASTER, so both vhids are reported on both nodes (at the vhid when no advskew is written)', () => {
    const s1 = reportedOf(t, 's1/etc/rc.conf', CODE, 2);
    const s2 = reportedOf(t, 's2/etc/rc.conf', CODE, 2);
    assert.deepEqual(s1.map(rangeOf), [
      [3, 26, 3, 30],
      [5, 33, 5, 44],
    ]);
    assert.deepEqual(s2.map(rangeOf), [
      [3, 33, 3, 44],
      [5, 26, 5, 30],
    ]);
    assert.match(s1[0].message, /^s1 is the predicted MASTER of vhid 1 .* but s2 is MASTER of vhid 2 \(em1\)\./);
  });

  test('demotion from sysctl.conf counts: 150 + 2 x 40 loses to 100', () => {
    const [, vhid2] = reportedOf(t, 'd1/etc/rc.conf', CODE, 2);
    assert.match(vhid2.message, /^d2 is the predicted MASTER of vhid 2 \(em1: advskew 100, against advskew 150 \+ demotion 80 on d1\)/);
  });

  test('one MASTER for every vhid (an IPv4 and an IPv6 address on one vhid), or a tie left to timing: nothing to report', () => {
    for (const node of ['h1', 'h2', 't1', 't2']) reportedOf(t, `${node}/etc/rc.conf`, CODE, 0);
  });

  test('freebsd-conf.json: activeActive silences the cluster; primary names the intended MASTER', () => {
    const aa = loadFixture('cluster-master');
    const activeActive = manifestOf({ clusters: [{ name: 'edge', nodes: ['m1', 'm2'], activeActive: true }] });
    assert.equal(reportedWithManifest(aa, activeActive, 'm1/etc/rc.conf', CODE).length, 0);
    assert.equal(reportedWithManifest(aa, activeActive, 's1/etc/rc.conf', CODE).length, 2, 'other clusters are still checked');
    const pr = loadFixture('cluster-master');
    const primary = manifestOf({ clusters: [{ name: 'edge', nodes: ['m1', 'm2'], primary: 'm2', activeActive: false }] });
    const list = reportedWithManifest(pr, primary, 'm1/etc/rc.conf', CODE);
    assert.deepEqual(list.map((f) => f.range.start.line), [3, 5], 'with m2 as primary, the vhids m1 wins are the odd ones');
    assert.match(list[0].message, /^m1 is the predicted MASTER of vhid 1 .* but m2 is MASTER of vhid 3 \(em2\)\./);
  });
});
