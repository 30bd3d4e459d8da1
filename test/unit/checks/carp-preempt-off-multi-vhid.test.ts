import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, loadFixture, rangeOf, reportedOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

const CODE = 'carp/preempt-off-multi-vhid';

describe('carp/preempt-off-multi-vhid', () => {
  const t = loadFixture('cluster-preempt');

  test('off everywhere with vhids on em0 and em1: every node is told, with its other interface related', () => {
    const [c1] = reportedOf(t, 'c1/etc/rc.conf', CODE, 1);
    const [c2] = reportedOf(t, 'c2/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(c1), [3, 26, 3, 30]);
    assert.deepEqual(rangeOf(c2), [3, 26, 3, 30]);
    assert.match(c1.message, /^Preemption is off on every node of this cluster \(c1 and c2\), and its vhids sit on several interfaces \(c1: em0: vhid 1; em1: vhid 2\)\./);
    assert.match(c1.message, /When the MASTER's em0 fails, only vhid 1 moves to the BACKUP/);
    assert.deepEqual(
      c1.related?.map((r) => [t.rel(r.uri), r.range.start.line, r.message]),
      [['c1/etc/rc.conf', 5, "c1's vhid 2 on em1 fails over on its own"]],
    );
  });

  test('the fix turns preempt on in every node at once: appended to c1 (after the missing line break), created on c2', () => {
    const [f] = reportedOf(t, 'c2/etc/rc.conf', CODE, 1);
    const fix = f.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Set net.inet.carp.preempt=1 on every node (c1, c2)');
    assert.deepEqual(fix.changes.map((c) => [t.rel(c.uri), c.create ?? false]), [
      ['c1/etc/sysctl.conf', false],
      ['c2/etc/sysctl.conf', true],
    ]);
    assert.equal(textAfterFix(t, fix, 'c1/etc/sysctl.conf'), 'net.inet.ip.forwarding=1\nnet.inet.carp.preempt=1\n');
    assert.equal(textAfterFix(t, fix, 'c2/etc/sysctl.conf'), 'net.inet.carp.preempt=1\n');
    const after = assertFixResolves(t, f, fix);
    reportedOf(after, 'c1/etc/rc.conf', CODE, 0);
    reportedOf(after, 'c1/etc/rc.conf', 'carp/preempt-mismatch', 0);
  });

  test('silent with one interface, with preempt on everywhere, and when meant on in loader.conf', () => {
    for (const node of ['d1', 'd2', 'e1', 'e2', 'f1', 'f2', 'a1', 'a2']) reportedOf(t, `${node}/etc/rc.conf`, CODE, 0);
  });

  test('a vhid only one node has does not spread the cluster; one both have does, even behind an empty alias', () => {
    const pair = (extra1: string, extra2: string): ReturnType<typeof workspaceFromFiles> =>
      workspaceFromFiles({
        'fw1/etc/rc.conf': `ifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 192.0.2.1/32"\nifconfig_em1="inet 198.51.100.2/24"\n${extra1}`,
        'fw2/etc/rc.conf': `ifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0="inet vhid 1 advskew 100 pass k alias 192.0.2.1/32"\nifconfig_em1="inet 198.51.100.3/24"\n${extra2}`,
      });
    const lone = pair('ifconfig_em1_alias0="inet vhid 2 pass j alias 198.51.100.1/32"\n', '');
    reportedOf(lone, 'fw1/etc/rc.conf', CODE, 0);
    const hidden = pair('ifconfig_em1_alias0=""\nifconfig_em1_alias1="inet vhid 2 pass j alias 198.51.100.1/32"\n', 'ifconfig_em1_alias0="inet vhid 2 advskew 100 pass j alias 198.51.100.1/32"\n');
    reportedOf(hidden, 'fw1/etc/rc.conf', CODE, 1);
    reportedOf(hidden, 'fw2/etc/rc.conf', CODE, 1);
  });
});
