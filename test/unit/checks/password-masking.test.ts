import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MASKED_PASSWORD } from '../../../server/src/model/mask';
import { allFindings, assertFixResolves, findingsOf, loadFixture, rangeOf, textAfterFix } from '../../helpers/workspace';

/** Every pass written in the carp-passwords fixture: none may appear in a masked message. */
const FIXTURE_PASSES = ['uplink-vhid1', 'lan-vhid2', 'dmz-carp-key-far-too-long-2024', 'dmz-vhid4'];

describe('CARP passwords in diagnostic messages (carp-passwords fixture)', () => {
  const t = loadFixture('carp-passwords');

  test('no message of any file shows a pass or its length; only revealedMessage does', () => {
    const all = allFindings(t);
    assert.equal(all.length, 8, all.map((f) => f.message).join('\n'));
    for (const f of all) {
      for (const secret of FIXTURE_PASSES) assert.ok(!f.message.includes(secret), f.message);
      assert.ok(!/\d+ (characters|bytes) long/.test(f.message), f.message);
      for (const r of f.related ?? []) for (const secret of FIXTURE_PASSES) assert.ok(!r.message.includes(secret), r.message);
    }
    // The three findings that quote a pass or its length carry the revealed text; the others do not.
    assert.deepEqual(all.filter((f) => f.revealedMessage !== undefined).map((f) => f.code).sort(), [
      'carp/legacy-carp-interface',
      'carp/pass-truncated',
      'carp/pass-truncated',
      'rc/syntax',
    ]);
  });

  test('rc/syntax quotes the spaced assignment with the pass masked, as written when asked', () => {
    const [f] = findingsOf(t, 'fw1/etc/rc.conf', 'rc/syntax', 1);
    assert.deepEqual(rangeOf(f), [11, 0, 11, 53]);
    assert.equal(
      f.message,
      `\`ifconfig_carp1 = "vhid 2 pass ${MASKED_PASSWORD} 10.20.0.1/24"\` runs a command named ifconfig_carp1 instead of setting it; ` +
        `write ifconfig_carp1="vhid 2 pass ${MASKED_PASSWORD} 10.20.0.1/24" without spaces around =.`,
    );
    assert.equal(
      f.revealedMessage,
      '`ifconfig_carp1 = "vhid 2 pass lan-vhid2 10.20.0.1/24"` runs a command named ifconfig_carp1 instead of setting it; ' +
        'write ifconfig_carp1="vhid 2 pass lan-vhid2 10.20.0.1/24" without spaces around =.',
    );
  });

  test('carp/legacy-carp-interface suggests the new line with the pass masked; the fix writes the real one', () => {
    const [carp0, cloned] = findingsOf(t, 'fw1/etc/rc.conf', 'carp/legacy-carp-interface', 2);
    assert.equal(cloned.revealedMessage, undefined, 'the cloned_interfaces message quotes no pass');
    assert.deepEqual(rangeOf(carp0), [7, 0, 7, 14]);
    const line = (pass: string): string => `ifconfig_em0_alias0="inet vhid 1 advskew 0 pass ${pass} alias 203.0.113.10/32"`;
    assert.ok(carp0.message.endsWith(`Move 203.0.113.10 to its parent interface em0: ${line(MASKED_PASSWORD)}.`), carp0.message);
    assert.ok(carp0.revealedMessage?.endsWith(`Move 203.0.113.10 to its parent interface em0: ${line('uplink-vhid1')}.`), carp0.revealedMessage);
    const fix = carp0.fixes![0];
    assert.equal(fix.title, 'Move vhid 1 (203.0.113.10) to em0 as ifconfig_em0_alias0 and drop carp0 from cloned_interfaces');
    // A fix that wrote the mask would break the vhid: the edit holds the pass as written.
    const before = fs.readFileSync(path.join(t.dir, 'fw1/etc/rc.conf'), 'utf8');
    const expected = before
      .replace('cloned_interfaces="carp0"\n', '')
      .replace('ifconfig_carp0="vhid 1 advskew 0 pass uplink-vhid1 203.0.113.10/24"', line('uplink-vhid1'));
    assert.equal(textAfterFix(t, fix, 'fw1/etc/rc.conf'), expected);
    assertFixResolves(t, carp0, fix);
  });

  test('carp/pass-truncated tells the exact length only when asked', () => {
    const [f1] = findingsOf(t, 'fw1/etc/rc.conf', 'carp/pass-truncated', 1);
    const [f2] = findingsOf(t, 'fw2/etc/rc.conf', 'carp/pass-truncated', 1);
    assert.deepEqual(rangeOf(f1), [15, 39, 15, 69]);
    assert.deepEqual(rangeOf(f2), [8, 51, 8, 81]);
    for (const f of [f1, f2]) {
      assert.match(f.message, /^This CARP pass is longer than 19 bytes, but only the first 19 bytes count/);
      assert.match(f.revealedMessage ?? '', /^This CARP pass is 30 characters long, but only the first 19 bytes count/);
    }
  });
});
