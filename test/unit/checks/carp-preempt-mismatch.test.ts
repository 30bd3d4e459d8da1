import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, loadFixture, rangeOf, reportedOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

const CODE = 'carp/preempt-mismatch';

describe('carp/preempt-mismatch', () => {
  const t = loadFixture('cluster-preempt');

  test('on in a1, unset in a2: both nodes are told, on their first vhid line, with the other side related', () => {
    const [on] = reportedOf(t, 'a1/etc/rc.conf', CODE, 1);
    const [off] = reportedOf(t, 'a2/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(on), [3, 26, 3, 30]);
    assert.deepEqual(rangeOf(off), [3, 26, 3, 30]);
    assert.match(on.message, /^Preemption is on for a1 \(net\.inet\.carp\.preempt=1 \(etc\/sysctl\.conf:3\)\) but off for a2 \(net\.inet\.carp\.preempt not set \(0, the default\)\)\./);
    assert.match(off.message, /^Preemption is off for a2 .* but on for a1 /);
    assert.deepEqual(
      on.related?.map((r) => [t.rel(r.uri), r.range.start.line, r.message]),
      [
        ['a1/etc/sysctl.conf', 2, 'a1 sets preempt here'],
        ['a2/etc/rc.conf', 3, 'a2: net.inet.carp.preempt not set (0, the default)'],
      ],
    );
    assert.deepEqual(on.fixes, [], 'the node that has it on has nothing to change');
  });

  test('the fix creates etc/sysctl.conf on a node that has none', () => {
    const [off] = reportedOf(t, 'a2/etc/rc.conf', CODE, 1);
    const fix = off.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Set net.inet.carp.preempt=1 in etc/sysctl.conf (new file)');
    assert.deepEqual(fix.changes.map((c) => [t.rel(c.uri), c.create]), [['a2/etc/sysctl.conf', true]]);
    assert.equal(textAfterFix(t, fix, 'a2/etc/sysctl.conf'), 'net.inet.carp.preempt=1\n');
    const after = assertFixResolves(t, off, fix);
    reportedOf(after, 'a1/etc/rc.conf', CODE, 0);
  });

  test('the line in force wins: 0 in sysctl.conf.local over 1 in sysctl.conf, and the fix edits the .local line', () => {
    const [off] = reportedOf(t, 'b2/etc/rc.conf', CODE, 1);
    assert.match(off.message, /net\.inet\.carp\.preempt=0 \(etc\/sysctl\.conf\.local:2\)/);
    const fix = off.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Set net.inet.carp.preempt=1 in etc/sysctl.conf.local');
    assert.deepEqual(fix.changes.map((c) => t.rel(c.uri)), ['b2/etc/sysctl.conf.local']);
    assert.equal(textAfterFix(t, fix, 'b2/etc/sysctl.conf.local'), '# b2 only, while testing\nnet.inet.carp.preempt=1\n');
    assertFixResolves(t, off, fix);
  });

  test('agreement is silent: off everywhere, on everywhere (2 counts as on), or meant in loader.conf on one node', () => {
    for (const node of ['c1', 'c2', 'd1', 'd2', 'e1', 'e2', 'f1', 'f2']) reportedOf(t, `${node}/etc/rc.conf`, CODE, 0);
    // f1's line in loader.conf is ignored by the kernel: that is loader/not-a-tunable's to say, and its move changes nothing here.
    findingsOf(t, 'f1/boot/loader.conf', 'loader/not-a-tunable', 1);
  });

  test('a node in no cluster is not compared', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 192.0.2.1/32"\n',
      'fw1/etc/sysctl.conf': 'net.inet.carp.preempt=1\n',
      'fw1/boot/loader.conf': 'carp_load="YES"\n',
      'srv/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.20/24"\n',
    });
    reportedOf(w, 'fw1/etc/rc.conf', CODE, 0);
    reportedOf(w, 'srv/etc/rc.conf', CODE, 0);
  });
});
