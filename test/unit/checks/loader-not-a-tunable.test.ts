import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

describe('loader/not-a-tunable', () => {
  const t = loadFixture('loader-not-a-tunable');

  test('preempt in loader.conf moves to the existing sysctl.conf, after a line break it lacked', () => {
    const [preempt, log] = findingsOf(t, 'fw1/boot/loader.conf', 'loader/not-a-tunable', 2);
    assert.deepEqual(rangeOf(preempt), [4, 0, 4, 21]);
    assert.deepEqual(rangeOf(log), [5, 0, 5, 17]);
    assert.match(preempt.message, /is not a loader tunable/);
    assert.match(preempt.message, /silently ignored/);
    const fix = preempt.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Move net.inet.carp.preempt=1 to etc/sysctl.conf');
    assert.equal(
      textAfterFix(t, fix, 'fw1/boot/loader.conf'),
      '# /boot/loader.conf\nautoboot_delay="3"\ncarp_load="YES"\n# CARP tuning (from a forum post)\nnet.inet.carp.log=2\n',
    );
    assert.equal(
      textAfterFix(t, fix, 'fw1/etc/sysctl.conf'),
      '# sysctl.conf - fw1\nnet.inet.ip.forwarding=1\nnet.inet.tcp.blackhole=2\nnet.inet.carp.preempt=1\n',
    );
    assertFixResolves(t, preempt, fix);
  });

  test('a node without sysctl.conf gets one, created at etc/sysctl.conf', () => {
    const [f] = findingsOf(t, 'fw2/boot/loader.conf', 'loader/not-a-tunable', 1);
    assert.deepEqual(rangeOf(f), [2, 0, 2, 21]);
    const fix = f.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Move net.inet.carp.preempt=1 to etc/sysctl.conf (new file)');
    const created = fix.changes.find((c) => c.uri === t.uri('fw2/etc/sysctl.conf'));
    assert.equal(created?.create, true);
    assert.equal(textAfterFix(t, fix, 'fw2/etc/sysctl.conf'), 'net.inet.carp.preempt=1\n');
    assert.equal(textAfterFix(t, fix, 'fw2/boot/loader.conf'), 'autoboot_delay="3"\ncarp_load="YES"\n');
    assertFixResolves(t, f, fix);
  });

  test('already set in sysctl.conf: the fix only deletes the loader line and says so', () => {
    const list = findingsOf(t, 'fw3/boot/loader.conf', 'loader/not-a-tunable', 4);
    const fix = list[0].fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Remove the line (net.inet.carp.preempt is already set in etc/sysctl.conf:10)');
    assert.equal(fix.changes.length, 1);
    assert.equal(textAfterFix(t, fix, 'fw3/boot/loader.conf').includes('preempt'), false);
    assertFixResolves(t, list[0], fix);
  });

  test('demotion, unknown OIDs and bad values are not moved, only removed', () => {
    const [, demotion, advskew, dscp] = findingsOf(t, 'fw3/boot/loader.conf', 'loader/not-a-tunable', 4);
    assert.deepEqual([demotion, advskew, dscp].map(rangeOf), [
      [2, 0, 2, 22],
      [3, 0, 3, 21],
      [4, 0, 4, 18],
    ]);
    assert.match(demotion.message, /adds to the demotion counter/);
    assert.match(advskew.message, /advskew is set per vhid on the ifconfig alias line/);
    assert.match(dscp.message, /net\.inet\.carp\.dscp accepts 0 to 63, not 64/);
    for (const f of [demotion, advskew, dscp]) {
      const fix = f.fixes?.[0];
      assert.ok(fix);
      assert.match(fix.title, /^Remove the ignored net\.inet\.carp\.\w+ line$/);
      assert.equal(fix.changes.length, 1);
      assertFixResolves(t, f, fix);
    }
  });

  test('allow is a real tunable; other OIDs and a clean cluster give nothing', () => {
    const w = workspaceFromFiles({ 'a/boot/loader.conf': 'net.inet.carp.allow="0"\nnet.inet.tcp.hostcache.cachelimit="0"\nnet.pfsync.pfsync_buckets="2048"\n' });
    findingsOf(w, 'a/boot/loader.conf', 'loader/not-a-tunable', 0);
    const clean = loadFixture('loader-clean');
    findingsOf(clean, 'fw1/boot/loader.conf', 'loader/not-a-tunable', 0);
  });

  test('flat layout: the new sysctl.conf goes next to loader.conf', () => {
    const w = workspaceFromFiles({ 'fw9/loader.conf': 'net.inet.carp.log="2"\n', 'fw9/rc.conf': 'hostname="fw9"\n' });
    const [f] = findingsOf(w, 'fw9/loader.conf', 'loader/not-a-tunable', 1);
    const fix = f.fixes?.[0];
    assert.ok(fix);
    assert.equal(textAfterFix(w, fix, 'fw9/sysctl.conf'), 'net.inet.carp.log=2\n');
  });
});
