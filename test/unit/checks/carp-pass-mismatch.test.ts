import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, reportedOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';
import { MASKED_PASSWORD } from '../../../server/src/model/mask';

const CODE = 'carp/pass-mismatch';
const PASSES = ['Uplink-2024', 'Uplink-2025', 'lan-gateway', 'voip-gateway-key-24', 'voip-gateway-key-25'];

describe('carp/pass-mismatch (cluster-pass fixture)', () => {
  const t = loadFixture('cluster-pass');

  test('reported on both nodes: the pass word on each, the other node as related information', () => {
    const fw1 = reportedOf(t, 'fw1/etc/rc.conf', CODE, 3);
    const fw2 = reportedOf(t, 'fw2/etc/rc.conf', CODE, 3);
    assert.deepEqual(fw1.map(rangeOf), [
      [5, 38, 5, 49],
      [9, 26, 9, 30],
      [11, 38, 11, 57],
    ]);
    assert.deepEqual(fw2.map(rangeOf), [
      [5, 50, 5, 61],
      [8, 50, 8, 61],
      [12, 50, 12, 69],
    ]);
    assert.deepEqual(
      fw1[0].related?.map((r) => [t.rel(r.uri), r.range.start.line, r.message]),
      [['fw2/etc/rc.conf', 5, "fw2's pass for vhid 1 on em0"]],
    );
    assert.match(fw1[0].message, /^fw1 \(em0, vhid 1\) has pass •+, but fw2 \(em0, vhid 1\) has pass •+\. CARP keys the HMAC .* each side becomes MASTER of 203\.0\.113\.10: a split brain/);
    assert.match(fw2[1].message, /^fw2 \(em1, vhid 2\) has pass •+, but fw1 \(em1, vhid 2\) has no pass\./);
  });

  test('passes are masked in messages, related information and fix titles; revealed only on request', () => {
    for (const rel of ['fw1/etc/rc.conf', 'fw2/etc/rc.conf']) {
      for (const f of reportedOf(t, rel, CODE)) {
        const shown = [f.message, ...(f.related ?? []).map((r) => r.message), ...(f.fixes ?? []).map((x) => x.title)];
        for (const text of shown) for (const p of PASSES) assert.ok(!text.includes(p), text);
        assert.ok(f.message.includes(MASKED_PASSWORD));
      }
    }
    const [uplink] = reportedOf(t, 'fw1/etc/rc.conf', CODE);
    assert.match(uplink.revealedMessage ?? '', /^fw1 \(em0, vhid 1\) has pass Uplink-2024, but fw2 \(em0, vhid 1\) has pass Uplink-2025\./);
  });

  test('passes that differ only after byte 19 give the same key: no finding (carp/pass-truncated covers them)', () => {
    const all = [...reportedOf(t, 'fw1/etc/rc.conf', CODE), ...reportedOf(t, 'fw2/etc/rc.conf', CODE)];
    assert.ok(!all.some((f) => f.range.start.line === 10), 'vhid 3 is reported');
    reportedOf(t, 'fw1/etc/rc.conf', 'carp/pass-truncated', 1);
  });

  test("fix: the peer's pass replaces this node's, the real pass in the edit", () => {
    const [uplink, lan, voip] = reportedOf(t, 'fw1/etc/rc.conf', CODE);
    assert.deepEqual(uplink.fixes?.map((x) => x.title), ["Use fw2's pass on this vhid"]);
    const after = textAfterFix(t, uplink.fixes![0], 'fw1/etc/rc.conf');
    assert.match(after, /^ifconfig_em0_alias0="inet vhid 1 pass Uplink-2025 alias 203\.0\.113\.10\/32"$/m);
    assertFixResolves(t, uplink, uplink.fixes![0]);
    assertFixResolves(t, voip, voip.fixes![0]);
    // A missing pass is added after the vhid number (which also settles carp/missing-pass).
    assert.match(textAfterFix(t, lan.fixes![0], 'fw1/etc/rc.conf'), /^ifconfig_em1_alias0="inet vhid 2 pass lan-gateway alias 10\.10\.0\.1\/32"$/m);
    assertFixResolves(t, lan, lan.fixes![0]);
  });

  test("fix on the node that has a pass when the peer has none: this node's pass goes into the peer's file", () => {
    const lan = reportedOf(t, 'fw2/etc/rc.conf', CODE)[1];
    assert.deepEqual(lan.fixes?.map((x) => x.title), ["Use this node's pass on fw1"]);
    assert.deepEqual(lan.fixes![0].changes.map((c) => t.rel(c.uri)), ['fw1/etc/rc.conf']);
    assertFixResolves(t, lan, lan.fixes![0]);
  });
});

describe('carp/pass-mismatch: three nodes, limits and uncertainty', () => {
  const node = (host: string, last: number, vhidLine: string): string => `hostname="${host}"\nifconfig_em0="inet 192.0.2.${last}/24"\n${vhidLine}\n`;

  test('three different passes: one fix per distinct peer pass, each giving it to every node that differs', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': node('fw1', 2, 'ifconfig_em0_alias0="inet vhid 1 pass alpha alias 192.0.2.1/32"'),
      'fw2/etc/rc.conf': node('fw2', 3, 'ifconfig_em0_alias0="inet vhid 1 advskew 100 pass bravo alias 192.0.2.1/32"'),
      'fw3/etc/rc.conf': node('fw3', 4, 'ifconfig_em0_alias0="inet vhid 1 advskew 200 pass charlie alias 192.0.2.1/32"'),
    });
    const [f] = reportedOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.match(f.message, /but fw2 \(em0, vhid 1\) has pass •+ and fw3 \(em0, vhid 1\) has pass •+\./);
    assert.deepEqual(f.fixes?.map((x) => x.title), ["Use fw2's pass on this vhid (and on fw3)", "Use fw3's pass on this vhid (and on fw2)"]);
    assert.deepEqual(f.fixes![0].changes.map((c) => w.rel(c.uri)), ['fw1/etc/rc.conf', 'fw3/etc/rc.conf']);
    for (const fix of f.fixes!) assertFixResolves(w, f, fix);
  });

  test('two nodes agree and one differs: the agreeing pair is not reported against each other', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': node('fw1', 2, 'ifconfig_em0_alias0="inet vhid 1 pass alpha alias 192.0.2.1/32"'),
      'fw2/etc/rc.conf': node('fw2', 3, 'ifconfig_em0_alias0="inet vhid 1 advskew 100 pass alpha alias 192.0.2.1/32"'),
      'fw3/etc/rc.conf': node('fw3', 4, 'ifconfig_em0_alias0="inet vhid 1 advskew 200 pass bravo alias 192.0.2.1/32"'),
    });
    const [f] = reportedOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.match(f.message, /^fw1 \(em0, vhid 1\) has pass •+, but fw3 \(em0, vhid 1\) has pass •+\./);
    assert.deepEqual(f.fixes?.map((x) => x.title), ["Use fw3's pass on this vhid (and on fw2)"]);
    const [g] = reportedOf(w, 'fw3/etc/rc.conf', CODE, 1);
    assert.deepEqual(g.fixes?.map((x) => x.title), ['Use the pass of fw1 and fw2 on this vhid']);
    assertFixResolves(w, g, g.fixes![0]);
  });

  test('a pass the shell computes, or a line that may not run, is never compared', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': node('fw1', 2, 'ifconfig_em0_alias0="inet vhid 1 pass ${CARP_PASS} alias 192.0.2.1/32"\nifconfig_em0_alias1="inet vhid 1 pass alpha alias 192.0.2.1/32"'),
      'fw2/etc/rc.conf': node('fw2', 3, 'if [ -f /etc/carp ]; then ifconfig_em0_alias0="inet vhid 1 advskew 100 pass bravo alias 192.0.2.1/32"; fi'),
    });
    reportedOf(w, 'fw1/etc/rc.conf', CODE, 0);
    reportedOf(w, 'fw2/etc/rc.conf', CODE, 0);
  });

  test('a carpN line of the peer is not compared: it does nothing since FreeBSD 10', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': node('fw1', 2, 'ifconfig_em0_alias0="inet vhid 1 pass alpha alias 192.0.2.1/32"'),
      'fw2/etc/rc.conf': node('fw2', 3, 'ifconfig_carp0="vhid 1 advskew 100 pass bravo 192.0.2.1/24"'),
    });
    reportedOf(w, 'fw1/etc/rc.conf', CODE, 0);
    reportedOf(w, 'fw2/etc/rc.conf', CODE, 0);
  });
});
