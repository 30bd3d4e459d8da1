import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, loadFixture, rangeOf, workspaceFromFiles } from '../../helpers/workspace';
import { carpSysctl, carpValueProblem, parseSysctlInt } from '../../../server/src/model/carp-sysctls';

describe('sysctl/value-out-of-range', () => {
  const t = loadFixture('sysctl-value-out-of-range');
  const list = findingsOf(t, 'fw1/etc/sysctl.conf', 'sysctl/value-out-of-range', 5);

  test('values outside the range carp(4) gives are errors on the value', () => {
    assert.deepEqual(list.map(rangeOf), [
      [10, 22, 10, 23], // preempt=2
      [11, 19, 11, 21], // dscp=64
      [12, 18, 12, 20], // log=-1
      [13, 20, 13, 23], // allow=yes
      [14, 0, 14, 37], // ifdown_demotion_factor= (empty: the whole setting)
    ]);
    const [preempt, dscp, log, allow, empty] = list.map((f) => f.message);
    assert.match(preempt, /net\.inet\.carp\.preempt accepts 0 to 1, not 2\. It is a 0\/1 switch/);
    assert.match(dscp, /accepts 0 to 63, not 64\. The kernel refuses it \(EINVAL\), so advertisements keep DSCP 56/);
    assert.match(log, /accepts 0 or more, not -1/);
    assert.match(allow, /needs an integer, but 'yes' is not one/);
    assert.match(empty, /needs a number; sysctl refuses an empty value/);
    assert.equal(list.some((f) => (f.fixes ?? []).length > 0), false);
  });

  test('hex and quoted values that sysctl reads as integers are fine', () => {
    assert.equal(list.some((f) => f.range.start.line >= 15), false); // "0x10", 0x3f
    const w = workspaceFromFiles({
      'a/etc/sysctl.conf': 'net.inet.carp.preempt=0\nnet.inet.carp.log=2\nnet.inet.carp.dscp=0\nnet.inet.carp.allow="1"\nnet.inet.carp.senderr_demotion_factor=-5\n',
      'a/etc/sysctl.kld.d/carp.conf': 'net.inet.carp.log=2\n',
    });
    findingsOf(w, 'a/etc/sysctl.conf', 'sysctl/value-out-of-range', 0);
    findingsOf(w, 'a/etc/sysctl.kld.d/carp.conf', 'sysctl/value-out-of-range', 0);
    const clean = loadFixture('loader-clean');
    findingsOf(clean, 'fw1/etc/sysctl.conf', 'sysctl/value-out-of-range', 0);
  });

  test('sysctl.kld.d/carp.conf and the pfsync factor are checked too', () => {
    const w = workspaceFromFiles({ 'a/etc/sysctl.kld.d/carp.conf': 'net.inet.carp.dscp=99\nnet.pfsync.carp_demotion_factor=high\n' });
    assert.deepEqual(findingsOf(w, 'a/etc/sysctl.kld.d/carp.conf', 'sysctl/value-out-of-range', 2).map(rangeOf), [
      [0, 19, 0, 21],
      [1, 32, 1, 36],
    ]);
  });

  test('parseSysctlInt reads integers like strtoimax with base 0', () => {
    assert.deepEqual(['1', '-1', '+2', '0x3f', '010', '08', '1.5', '', 'yes', ' 7'].map(parseSysctlInt), [1, -1, 2, 63, 8, undefined, undefined, undefined, undefined, 7]);
    const dscp = carpSysctl('net.inet.carp.dscp');
    assert.ok(dscp);
    assert.equal(carpValueProblem(dscp, '63'), undefined);
    assert.match(carpValueProblem(dscp, '64') ?? '', /not 64/);
  });
});
