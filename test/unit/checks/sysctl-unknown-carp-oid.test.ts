import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';
import { carpTypoSuggestion } from '../../../server/src/checks/sysctl-unknown-carp-oid';

describe('sysctl/unknown-carp-oid', () => {
  const t = loadFixture('sysctl-unknown-carp-oid');
  const FILE = 'fw1/etc/sysctl.conf';
  const list = findingsOf(t, FILE, 'sysctl/unknown-carp-oid', 6);

  test('every OID that does not exist is an error on the name, with advice on what was meant', () => {
    assert.deepEqual(list.map(rangeOf), [
      [12, 0, 12, 21], // advskew
      [13, 0, 13, 24], // ad_timeout
      [14, 0, 14, 24], // arpbalance
      [15, 0, 15, 20], // prempt
      [16, 0, 16, 19], // stats
      [17, 0, 17, 24], // frobnicate
    ]);
    const [advskew, adTimeout, arpbalance, prempt, stats, other] = list.map((f) => f.message);
    assert.match(advskew, /advskew is set per vhid on the ifconfig alias line in rc\.conf, e\.g\. ifconfig_em0_alias0="inet vhid 1 advskew 100 pass/);
    assert.match(adTimeout, /ifdown_demotion_factor or net\.inet\.carp\.senderr_demotion_factor/);
    assert.match(arpbalance, /legacy CARP of FreeBSD 9/);
    assert.match(prempt, /did you mean net\.inet\.carp\.preempt\?/);
    assert.match(stats, /cannot be set: it is a read-only set of counters/);
    assert.match(other, /the CARP sysctls are allow, dscp, preempt, log/);
  });

  test('the fix removes the line', () => {
    const advskew = list[0];
    const [remove] = advskew.fixes ?? [];
    assert.equal(remove.title, 'Remove the net.inet.carp.advskew line');
    assert.deepEqual(remove.changes[0].edits, [{ range: { start: { line: 12, character: 0 }, end: { line: 13, character: 0 } }, newText: '' }]);
    assert.equal(textAfterFix(t, remove, FILE).split('\n')[12], 'net.inet.carp.ad_timeout=240');
    assertFixResolves(t, advskew, remove);
    for (const f of list.slice(1)) {
      const fix = f.fixes?.at(-1);
      assert.ok(fix);
      assertFixResolves(t, f, fix);
    }
  });

  test('a typo gets a preferred rename of the last component', () => {
    const [rename, remove] = list[3].fixes ?? [];
    assert.equal(rename.title, 'Change to net.inet.carp.preempt');
    assert.equal(rename.isPreferred, true);
    assert.equal(remove.isPreferred, false);
    assert.deepEqual(rename.changes[0].edits, [{ range: { start: { line: 15, character: 14 }, end: { line: 15, character: 20 } }, newText: 'preempt' }]);
    assert.equal(textAfterFix(t, rename, FILE).split('\n')[15], 'net.inet.carp.preempt=1');
    assertFixResolves(t, list[3], rename);
  });

  test('sysctl.kld.d/carp.conf follows the same rules; names are case-sensitive', () => {
    const [f] = findingsOf(t, 'fw2/etc/sysctl.kld.d/carp.conf', 'sysctl/unknown-carp-oid', 1);
    assert.deepEqual(rangeOf(f), [1, 0, 1, 17]);
    const [rename] = f.fixes ?? [];
    assert.equal(textAfterFix(t, rename, 'fw2/etc/sysctl.kld.d/carp.conf'), '# applied when kld_list loads carp\nnet.inet.carp.log=2\n');
    assertFixResolves(t, f, rename);
  });

  test('real CARP OIDs and other subtrees give nothing', () => {
    assert.equal(list.some((f) => f.range.start.line === 11), false); // net.inet.carp.preempt=1
    const w = workspaceFromFiles({
      'a/etc/sysctl.conf': 'net.inet.carp.allow=1\nnet.inet.carp.dscp=46\nnet.inet.carp.demotion_factor_x=1x\nnet.inet.ip.carp=1\nnet.pfsync.carp_demotion_factor=240\n',
    });
    // Only the made-up name under net.inet.carp. is reported.
    assert.deepEqual(findingsOf(w, 'a/etc/sysctl.conf', 'sysctl/unknown-carp-oid', 1).map(rangeOf), [[2, 0, 2, 31]]);
    const clean = loadFixture('loader-clean');
    for (const rel of ['fw1/etc/sysctl.conf', 'fw2/etc/sysctl.conf', 'fw2/etc/sysctl.kld.d/carp.conf']) findingsOf(clean, rel, 'sysctl/unknown-carp-oid', 0);
  });

  test('typo suggestions stay close', () => {
    assert.deepEqual(['prempt', 'preemt', 'alow', 'Log', 'ifdown_demotion_facter', 'advskew', 'x'].map(carpTypoSuggestion), [
      'preempt',
      'preempt',
      'allow',
      'log',
      'ifdown_demotion_factor',
      undefined,
      undefined,
    ]);
  });
});
