import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, loadFixture, rangeOf, reportedOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

describe('pfsync/syncpeer-mismatch', () => {
  test('a syncpeer that is no peer\'s syncdev address', () => {
    const t = loadFixture('pf-cluster-syncpeer-wrong');
    const [f] = reportedOf(t, 'fw1/etc/rc.conf', 'pfsync/syncpeer-mismatch', 1);
    assert.deepEqual(rangeOf(f), [6, 16, 6, 28]);
    assert.equal(
      f.message,
      "pfsync_syncpeer is 172.16.0.9, which is no peer's syncdev address (fw2's em2 is 172.16.0.2): fw1 sends its pfsync updates where no member receives them on the sync link. Set it to fw2's syncdev address, 172.16.0.2.",
    );
    const fix = f.fixes![0];
    assert.equal(fix.title, "Set pfsync_syncpeer=\"172.16.0.2\" on fw1 (fw2's syncdev address)");
    assert.equal(textAfterFix(t, fix, 'fw1/etc/rc.conf').split('\n')[6], 'pfsync_syncpeer="172.16.0.2"');
    assertFixResolves(t, f, fix);
    reportedOf(t, 'fw2/etc/rc.conf', 'pfsync/syncpeer-mismatch', 0);
  });

  test('a syncpeer pointing at the node itself', () => {
    const t = loadFixture('pf-cluster-syncpeer-self');
    const [f] = reportedOf(t, 'fw1/etc/rc.conf', 'pfsync/syncpeer-mismatch', 1);
    assert.deepEqual(rangeOf(f), [6, 16, 6, 28]);
    assert.equal(
      f.message,
      "pfsync_syncpeer is 172.16.0.1, an address of fw1 itself: its pfsync updates never leave the node, so its peers get none of its connection states. Set it to fw2's syncdev address, 172.16.0.2.",
    );
    assert.equal(textAfterFix(t, f.fixes![0], 'fw1/etc/rc.conf').split('\n')[6], 'pfsync_syncpeer="172.16.0.2"');
    assertFixResolves(t, f, f.fixes![0]);
    reportedOf(t, 'fw2/etc/rc.conf', 'pfsync/syncpeer-mismatch', 0);
  });

  test('a syncpeer on one member only: both are told, and the fix gives the other one the peer\'s address', () => {
    const t = loadFixture('pf-cluster-syncpeer-one-side');
    const [uni] = reportedOf(t, 'fw1/etc/rc.conf', 'pfsync/syncpeer-mismatch', 1);
    assert.deepEqual(rangeOf(uni), [6, 16, 6, 28]);
    assert.equal(
      uni.message,
      "fw1 sends its pfsync updates by unicast to 172.16.0.2 and so does not listen to the multicast group 224.0.0.240, where fw2 sends theirs (no unicast pfsync_syncpeer): fw1 never gets fw2's connection states. Set a syncpeer on every member or on none.",
    );
    assert.deepEqual(uni.related?.map((r) => [r.uri, r.range.start.line, r.message]), [[t.uri('fw2/etc/rc.conf'), 5, 'fw2 has no syncpeer and sends by multicast on em2']]);
    const [multi] = reportedOf(t, 'fw2/etc/rc.conf', 'pfsync/syncpeer-mismatch', 1);
    assert.deepEqual(rangeOf(multi), [5, 0, 5, 20]);
    assert.match(multi.message, /^fw2 has no unicast pfsync_syncpeer and sends its pfsync updates by multicast to 224\.0\.0\.240, but fw1 sends by unicast/);
    for (const f of [uni, multi]) {
      const fix = f.fixes![0];
      assert.equal(fix.title, "Set pfsync_syncpeer=\"172.16.0.1\" on fw2 (fw1's syncdev address)");
      assert.equal(textAfterFix(t, fix, 'fw2/etc/rc.conf').split('\n')[6], 'pfsync_syncpeer="172.16.0.1"');
      assertFixResolves(t, f, fix);
    }
  });

  test('valid: no syncpeer on any member (multicast), each pointing at the other, a host name, the multicast groups named', () => {
    for (const name of ['pf-cluster-healthy', 'pf-cluster-pfsync4', 'pf-cluster-pfsync-blocked']) {
      const t = loadFixture(name);
      for (const d of t.ws.documents()) reportedOf(t, t.rel(d.uri), 'pfsync/syncpeer-mismatch', 0);
    }
    const rc = (host: number, peer: string) =>
      `ifconfig_em0="inet 10.0.0.${host}/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 10.0.0.1/32"\nifconfig_em2="inet 172.16.0.${host - 1}/30"\npfsync_enable="YES"\npfsync_syncdev="em2"\npfsync_syncpeer="${peer}"\n`;
    for (const [a, b] of [
      ['fw2-sync.example.net', '172.16.0.1'],
      ['224.0.0.240', ''],
      ['ff12::f0', 'ff12::f0'],
    ]) {
      const t = workspaceFromFiles({ 'a/etc/rc.conf': rc(2, a), 'b/etc/rc.conf': rc(3, b) });
      for (const n of ['a', 'b']) reportedOf(t, `${n}/etc/rc.conf`, 'pfsync/syncpeer-mismatch', 0);
    }
  });

  test('a peer whose syncdev address the files do not show (DHCP): nothing to compare with', () => {
    const t = workspaceFromFiles({
      'a/etc/rc.conf': 'ifconfig_em0="inet 10.0.0.2/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 10.0.0.1/32"\nifconfig_em2="inet 172.16.0.1/30"\npfsync_enable="YES"\npfsync_syncdev="em2"\npfsync_syncpeer="172.16.0.9"\n',
      'b/etc/rc.conf': 'ifconfig_em0="inet 10.0.0.3/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 10.0.0.1/32"\nifconfig_em2="DHCP"\npfsync_enable="YES"\npfsync_syncdev="em2"\npfsync_syncpeer="172.16.0.1"\n',
    });
    reportedOf(t, 'a/etc/rc.conf', 'pfsync/syncpeer-mismatch', 0);
  });

  describe('who takes part', () => {
    const CODE = 'pfsync/syncpeer-mismatch';
    /** A member with vhid 1 on em0 and pfsync on em2 (172.16.0.0/29); `extra` sets pfsync_enable and pfsync_syncpeer. */
    const member = (host: number, extra: string): string =>
      `ifconfig_em0="inet 10.0.0.${host}/24"\nifconfig_em0_alias0="inet vhid 1 advskew ${host} pass k alias 10.0.0.1/32"\nifconfig_em2="inet 172.16.0.${host}/29"\npfsync_syncdev="em2"\n${extra}`;

    test('a member with pfsync off is not compared: a syncpeer on the other is no one-sided mismatch (pfsync/not-on-all-nodes says it)', () => {
      const t = workspaceFromFiles({
        'a/etc/rc.conf': member(1, 'pfsync_enable="YES"\npfsync_syncpeer="172.16.0.2"\n'),
        'b/etc/rc.conf': member(2, 'pfsync_enable="NO"\n'),
      });
      for (const n of ['a', 'b']) reportedOf(t, `${n}/etc/rc.conf`, CODE, 0);
    });

    test('three members, two by unicast and one by multicast: all are told, and no fix guesses which peer the third should name', () => {
      const t = workspaceFromFiles({
        'a/etc/rc.conf': member(1, 'pfsync_enable="YES"\npfsync_syncpeer="172.16.0.2"\n'),
        'b/etc/rc.conf': member(2, 'pfsync_enable="YES"\npfsync_syncpeer="172.16.0.1"\n'),
        'c/etc/rc.conf': member(3, 'pfsync_enable="YES"\n'),
      });
      const [multi] = reportedOf(t, 'c/etc/rc.conf', CODE, 1);
      assert.match(multi.message, /^c has no unicast pfsync_syncpeer and sends its pfsync updates by multicast to 224\.0\.0\.240, but a and b send by unicast/);
      assert.deepEqual(multi.fixes ?? [], []);
      for (const n of ['a', 'b']) assert.deepEqual(reportedOf(t, `${n}/etc/rc.conf`, CODE, 1)[0].fixes ?? [], [], n);
    });

    test('multicast members of two families beside a unicast one are left alone (too rare to word well)', () => {
      const t = workspaceFromFiles({
        'a/etc/rc.conf': member(1, 'pfsync_enable="YES"\npfsync_syncpeer="172.16.0.2"\n'),
        'b/etc/rc.conf': member(2, 'pfsync_enable="YES"\npfsync_syncpeer="ff12::f0"\n'),
        'c/etc/rc.conf': member(3, 'pfsync_enable="YES"\n'),
      });
      for (const n of ['a', 'b', 'c']) assert.ok(!reportedOf(t, `${n}/etc/rc.conf`, CODE).some((f) => /multicast/.test(f.message)), n);
    });
  });
});
