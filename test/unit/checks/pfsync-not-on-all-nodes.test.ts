import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyFix, assertFixResolves, loadFixture, rangeOf, reportedOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

describe('pfsync/not-on-all-nodes', () => {
  test('pfsync on fw1 only: fw2 and fw3 never mention it, fw4 says NO on purpose', () => {
    const t = loadFixture('pf-cluster-pfsync-partial');
    const [on] = reportedOf(t, 'fw1/etc/rc.conf', 'pfsync/not-on-all-nodes', 1);
    assert.deepEqual(rangeOf(on), [4, 0, 4, 19]);
    assert.equal(
      on.message,
      "pfsync runs on fw1 but not on fw2 and fw3: those members get none of fw1's connection states and send none, so a failover between them and fw1 drops the connections going through the cluster. Enable pfsync on every member.",
    );
    assert.deepEqual(on.related?.map((r) => [r.uri, r.range.start.line, r.message]), [
      [t.uri('fw2/etc/rc.conf'), 2, 'pfsync is not enabled on fw2'],
      [t.uri('fw3/etc/rc.conf'), 2, 'pfsync is not enabled on fw3'],
    ]);
    // A member without a pfsync line is told on its first vhid line.
    const [fw2] = reportedOf(t, 'fw2/etc/rc.conf', 'pfsync/not-on-all-nodes', 1);
    assert.deepEqual(rangeOf(fw2), [2, 26, 2, 30]);
    assert.match(fw2.message, /^pfsync runs on fw1 but not on fw2: fw2 neither receives the connection states of fw1 nor sends its own/);
    const [fw3] = reportedOf(t, 'fw3/etc/rc.conf', 'pfsync/not-on-all-nodes', 1);
    assert.deepEqual(rangeOf(fw3), [2, 26, 2, 30]);
    reportedOf(t, 'fw4/etc/rc.conf', 'pfsync/not-on-all-nodes', 0);
  });

  test('the fix enables pfsync, with fw1\'s syncdev, on every member lacking it', () => {
    const t = loadFixture('pf-cluster-pfsync-partial');
    const [f] = reportedOf(t, 'fw2/etc/rc.conf', 'pfsync/not-on-all-nodes', 1);
    const fix = f.fixes![0];
    assert.equal(fix.title, 'Enable pfsync on fw2 and fw3 (pfsync_enable="YES", pfsync_syncdev="em2")');
    const fw2Before = t.ws.get(t.uri('fw2/etc/rc.conf'))!.text;
    assert.equal(textAfterFix(t, fix, 'fw2/etc/rc.conf'), `${fw2Before}pfsync_enable="YES"\npfsync_syncdev="em2"\n`);
    const fw3Before = t.ws.get(t.uri('fw3/etc/rc.conf'))!.text;
    assert.equal(textAfterFix(t, fix, 'fw3/etc/rc.conf'), `${fw3Before}pfsync_enable="YES"\npfsync_syncdev="em2"\n`);
    const after = assertFixResolves(t, f, fix);
    for (const n of ['fw1', 'fw2', 'fw3', 'fw4']) reportedOf(after, `${n}/etc/rc.conf`, 'pfsync/not-on-all-nodes', 0);
    // The same fix is offered on every member's finding.
    for (const n of ['fw1', 'fw3']) assert.equal(reportedOf(t, `${n}/etc/rc.conf`, 'pfsync/not-on-all-nodes')[0].fixes?.[0].title, fix.title);
  });

  test('no fix when a member lacking pfsync has no interface of the syncdev\'s name', () => {
    const rc = (host: number, extra: string) => `ifconfig_em0="inet 10.0.0.${host}/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 10.0.0.1/32"\n${extra}`;
    const t = workspaceFromFiles({
      'a/etc/rc.conf': rc(2, 'ifconfig_em2="inet 172.16.0.1/30"\npfsync_enable="YES"\npfsync_syncdev="em2"\n'),
      'b/etc/rc.conf': rc(3, 'ifconfig_igb2="inet 172.16.0.2/30"\n'),
    });
    const [f] = reportedOf(t, 'b/etc/rc.conf', 'pfsync/not-on-all-nodes', 1);
    assert.deepEqual(f.fixes, []);
  });

  test('a unicast pair: the member enabled gets the other\'s syncdev address as its syncpeer', () => {
    const rc = (host: number, extra: string) => `ifconfig_em0="inet 10.0.0.${host}/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 10.0.0.1/32"\nifconfig_em2="inet 172.16.0.${host - 1}/30"\n${extra}`;
    const t = workspaceFromFiles({
      'a/etc/rc.conf': rc(2, 'pfsync_enable="YES"\npfsync_syncdev="em2"\npfsync_syncpeer="172.16.0.2"\n'),
      'b/etc/rc.conf': rc(3, ''),
    });
    const [f] = reportedOf(t, 'a/etc/rc.conf', 'pfsync/not-on-all-nodes', 1);
    const fix = f.fixes![0];
    assert.equal(fix.title, 'Enable pfsync on b (pfsync_enable="YES", pfsync_syncdev="em2", pfsync_syncpeer="172.16.0.1")');
    assert.equal(applyFix(t, fix).ws.get(t.uri('b/etc/rc.conf'))!.text, `${rc(3, '')}pfsync_enable="YES"\npfsync_syncdev="em2"\npfsync_syncpeer="172.16.0.1"\n`);
    assertFixResolves(t, f, fix);
  });

  test('no finding: pfsync on every member, on none, a member that says NO, or one whose pfsync_enable rc rejects', () => {
    for (const name of ['pf-cluster-healthy', 'pf-cluster-pfsync4', 'pf-cluster-carp-blocked']) {
      const t = loadFixture(name);
      for (const d of t.ws.documents()) reportedOf(t, t.rel(d.uri), 'pfsync/not-on-all-nodes', 0);
    }
    const rc = (host: number, extra: string) => `ifconfig_em0="inet 10.0.0.${host}/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 10.0.0.1/32"\nifconfig_em2="inet 172.16.0.${host - 1}/30"\n${extra}`;
    for (const b of ['pfsync_enable="YSE"\npfsync_syncdev="em2"\n', 'pfsync_enable="NO"\n']) {
      const t = workspaceFromFiles({ 'a/etc/rc.conf': rc(2, 'pfsync_enable="YES"\npfsync_syncdev="em2"\n'), 'b/etc/rc.conf': rc(3, b) });
      for (const n of ['a', 'b']) reportedOf(t, `${n}/etc/rc.conf`, 'pfsync/not-on-all-nodes', 0);
    }
  });
});
