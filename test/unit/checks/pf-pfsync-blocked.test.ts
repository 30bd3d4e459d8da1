import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, loadFixture, rangeOf, reportedOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

describe('pf/pfsync-blocked', () => {
  test('fw1: a default deny with no pfsync rule drops the updates both ways on the syncdev', () => {
    const t = loadFixture('pf-cluster-pfsync-blocked');
    const [f] = reportedOf(t, 'fw1/etc/pf.conf', 'pf/pfsync-blocked', 1);
    assert.deepEqual(rangeOf(f), [2, 0, 2, 9]);
    assert.equal(
      f.message,
      'pf on fw1 drops the pfsync state updates (IP protocol 240) on em2 (out to 172.16.0.2, in from fw2 172.16.0.2): this is the rule that decides for them. fw1 and fw2 then do not share their state tables: after a failover the new MASTER has no state for the connections it takes over and pf drops them. Let pfsync through before any other filter rule: "pass quick on em2 proto pfsync keep state (no-sync)".',
    );
    assert.deepEqual(f.related?.map((r) => [r.uri, r.range.start.line, r.message]), [[t.uri('fw1/etc/rc.conf'), 6, 'pfsync sends and receives its updates on em2']]);
    const fix = f.fixes![0];
    assert.equal(fix.title, 'Insert "pass quick on em2 proto pfsync keep state (no-sync)" before the first filter rule');
    assert.equal(
      textAfterFix(t, fix, 'fw1/etc/pf.conf'),
      '# fw1: default deny, CARP let through, pfsync forgotten\nset skip on lo0\npass quick on em2 proto pfsync keep state (no-sync)\nblock all\npass quick on em0 proto carp keep state (no-sync)\npass out on em0 all keep state\n',
    );
    assertFixResolves(t, f, fix);
  });

  test('fw2: its own updates go out by a stateful rule, whose state lets fw1\'s unicast answers in', () => {
    const t = loadFixture('pf-cluster-pfsync-blocked');
    reportedOf(t, 'fw2/etc/pf.conf', 'pf/pfsync-blocked', 0);
  });

  test('multicast updates have no answers: a blocked inbound is reported even when outbound passes with state', () => {
    const rc = (host: number) =>
      `ifconfig_em0="inet 10.0.0.${host}/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 10.0.0.1/32"\nifconfig_em2="inet 172.16.0.${host - 1}/30"\npf_enable="YES"\npfsync_enable="YES"\npfsync_syncdev="em2"\n`;
    const t = workspaceFromFiles({
      'a/etc/rc.conf': rc(2),
      'a/etc/pf.conf': 'pass quick proto carp\nblock in on em2 all\npass out on em2 proto pfsync keep state\n',
      'b/etc/rc.conf': rc(3),
      'b/etc/pf.conf': 'pass quick proto carp\npass quick on em2 proto pfsync keep state (no-sync)\nblock all\n',
    });
    const [f] = reportedOf(t, 'a/etc/pf.conf', 'pf/pfsync-blocked', 1);
    assert.match(f.message, /on em2 \(in from b 172\.16\.0\.2\)/);
    reportedOf(t, 'b/etc/pf.conf', 'pf/pfsync-blocked', 0);
    assertFixResolves(t, f, f.fixes![0]);
  });

  test('healthy: the pfsync(4) example and a four-node cluster with pfsync by multicast', () => {
    for (const [name, nodes] of [['pf-cluster-pfsync4', ['fwa', 'fwb']], ['pf-cluster-healthy', ['fw1', 'fw2', 'fw3', 'fw4']]] as const) {
      const t = loadFixture(name);
      for (const n of nodes) reportedOf(t, `${n}/etc/pf.conf`, 'pf/pfsync-blocked', 0);
    }
  });

  test('no finding when pfsync is off, has no syncdev, or its syncdev is set by a variable', () => {
    const base = 'ifconfig_em0="inet 10.0.0.2/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 10.0.0.1/32"\nifconfig_em2="inet 172.16.0.1/30"\npf_enable="YES"\n';
    for (const extra of ['pfsync_enable="NO"\npfsync_syncdev="em2"\n', 'pfsync_enable="YES"\n', 'SYNC=em2\npfsync_enable="YES"\npfsync_syncdev="$SYNC"\n']) {
      const t = workspaceFromFiles({ 'a/etc/rc.conf': base + extra, 'a/etc/pf.conf': 'pass quick proto carp\nblock all\n' });
      reportedOf(t, 'a/etc/pf.conf', 'pf/pfsync-blocked', 0);
    }
  });
});
