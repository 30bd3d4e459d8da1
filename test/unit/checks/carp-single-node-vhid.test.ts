import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { reportedOf, loadFixture, rangeOf, workspaceFromFiles } from '../../helpers/workspace';

const CODE = 'carp/single-node-vhid';

describe('carp/single-node-vhid (cluster-single fixture)', () => {
  const t = loadFixture('cluster-single');

  test('a mistyped vhid number: both lines reported, each pointing at the other', () => {
    const [lan1] = reportedOf(t, 'fw1/etc/rc.conf', CODE);
    const [lan2] = reportedOf(t, 'fw2/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(lan1), [5, 26, 5, 30]);
    assert.deepEqual(rangeOf(lan2), [6, 26, 6, 30]);
    assert.equal(
      lan1.message,
      "fw1 (em1, vhid 2) has no peer: no other node of the workspace carries vhid 2 with 10.0.0.1, though fw2 shares vhid 1 with fw1. When fw1 fails, nothing takes over 10.0.0.1. Add the vhid on the peer (same vhid, addresses and pass, a different advskew), or check the vhid number and the addresses against the peer's lines.",
    );
    assert.deepEqual(lan1.related?.map((r) => [t.rel(r.uri), r.range.start.line, r.message]), [['fw2/etc/rc.conf', 6, "fw2's vhid 12 on em1: 10.0.0.1"]]);
    assert.equal(lan1.fixes, undefined);
  });

  test("only aliases network.subr applies count: the peer's vhid 3 comes after an empty alias", () => {
    const [, voip] = reportedOf(t, 'fw1/etc/rc.conf', CODE, 2);
    assert.deepEqual(rangeOf(voip), [6, 26, 6, 30]);
    assert.match(voip.message, /^fw1 \(em1, vhid 3\) has no peer/);
  });

  test('two nodes in no cluster, with CARP on one subnet: a node that could be the peer is there', () => {
    const [f] = reportedOf(t, 'fw4/etc/rc.conf', CODE, 1);
    assert.match(f.message, /though fw5 runs CARP on 192\.0\.2\.0\/24\./);
    reportedOf(t, 'fw5/etc/rc.conf', CODE, 1);
  });

  test('a node whose peer is not in the workspace (no cluster, nobody on its subnet): silent', () => {
    reportedOf(t, 'fw3/etc/rc.conf', CODE, 0);
  });
});

describe('carp/single-node-vhid: when it stays silent', () => {
  const fw1 = 'hostname="fw1"\nifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 192.0.2.1/32"\nifconfig_em1="inet 10.0.0.2/24"\nifconfig_em1_alias0="inet vhid 2 pass k alias 10.0.0.1/32"\n';

  test('a workspace of one node never reports it', () => {
    const w = workspaceFromFiles({ 'fw1/etc/rc.conf': fw1 });
    reportedOf(w, 'fw1/etc/rc.conf', CODE, 0);
  });

  test('a pair that agrees on every vhid: no finding', () => {
    const fw2 = fw1.replace(/fw1/g, 'fw2').replace('192.0.2.2/24', '192.0.2.3/24').replace('10.0.0.2/24', '10.0.0.3/24').replace(/vhid (\d)/g, 'vhid $1 advskew 100');
    const w = workspaceFromFiles({ 'fw1/etc/rc.conf': fw1, 'fw2/etc/rc.conf': fw2 });
    reportedOf(w, 'fw1/etc/rc.conf', CODE, 0);
    reportedOf(w, 'fw2/etc/rc.conf', CODE, 0);
  });

  test('the peer has a value the shell computes (it may carry the vhid): silent', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': fw1,
      'fw2/etc/rc.conf': 'hostname="fw2"\nifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0="inet vhid 1 advskew 100 pass k alias 192.0.2.1/32"\nifconfig_em1_alias0="inet vhid 2 advskew 100 pass k alias ${LAN_VIP}"\n',
    });
    reportedOf(w, 'fw1/etc/rc.conf', CODE, 0);
  });

  test("a peer's carpN line counts as the peer (carp/legacy-carp-interface reports it), and a lone carpN line as a lone vhid", () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': fw1,
      'fw2/etc/rc.conf': 'hostname="fw2"\nifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0="inet vhid 1 advskew 100 pass k alias 192.0.2.1/32"\nifconfig_carp1="vhid 2 advskew 100 pass k 10.0.0.1/24"\nifconfig_carp2="vhid 5 pass k 10.0.0.5/24"\n',
    });
    reportedOf(w, 'fw1/etc/rc.conf', CODE, 0);
    const [f] = reportedOf(w, 'fw2/etc/rc.conf', CODE, 1);
    assert.match(f.message, /^fw2 \(carp2, vhid 5\) has no peer/);
  });
});
