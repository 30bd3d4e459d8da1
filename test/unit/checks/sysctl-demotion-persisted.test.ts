import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, loadFixture, rangeOf, textAfterFix } from '../../helpers/workspace';

describe('sysctl/demotion-persisted', () => {
  const t = loadFixture('sysctl-demotion-persisted');

  test('a demotion in sysctl.conf is a warning over the setting; the fix removes the line', () => {
    const [f] = findingsOf(t, 'fw1/etc/sysctl.conf', 'sysctl/demotion-persisted', 1);
    assert.deepEqual(rangeOf(f), [12, 0, 12, 25]);
    assert.match(f.message, /adds 50 to the demotion counter instead of setting it/);
    assert.match(f.message, /every boot/);
    assert.match(f.message, /higher advskew/);
    const fix = f.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Remove the net.inet.carp.demotion line');
    assert.deepEqual(fix.changes[0].edits, [{ range: { start: { line: 12, character: 0 }, end: { line: 13, character: 0 } }, newText: '' }]);
    assert.equal(textAfterFix(t, fix, 'fw1/etc/sysctl.conf').endsWith('net.inet.carp.preempt=1\n# fw1 should be the backup\n'), true);
    assertFixResolves(t, f, fix);
  });

  test('=0 is explained as a no-op, not a reset', () => {
    const [f] = findingsOf(t, 'fw2/etc/sysctl.conf', 'sysctl/demotion-persisted', 1);
    assert.deepEqual(rangeOf(f), [1, 0, 1, 24]);
    assert.match(f.message, /does not reset the demotion counter/);
    const fix = f.fixes?.[0];
    assert.ok(fix);
    assert.equal(textAfterFix(t, fix, 'fw2/etc/sysctl.conf'), 'net.inet.carp.preempt=1\n');
    assertFixResolves(t, f, fix);
  });

  test('the demotion factors are settings, not the counter', () => {
    const clean = loadFixture('loader-clean');
    findingsOf(clean, 'fw1/etc/sysctl.conf', 'sysctl/demotion-persisted', 0);
    findingsOf(clean, 'fw2/etc/sysctl.kld.d/carp.conf', 'sysctl/demotion-persisted', 0);
    // Only the counter's value is out of scope for value-out-of-range: one diagnostic per line.
    findingsOf(t, 'fw1/etc/sysctl.conf', 'sysctl/value-out-of-range', 0);
  });
});
