import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

const CODE = 'carp/vhid-redefined';

describe('carp/vhid-redefined (cluster-redefined fixture)', () => {
  const t = loadFixture('cluster-redefined');

  test('an advskew overridden by a later IPv6 line of the vhid, in the same file', () => {
    const [f] = findingsOf(t, 'fw2/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [5, 41, 5, 44]);
    assert.equal(
      f.message,
      'advskew 100 here is overridden: ifconfig_em0_alias1 (line 8), applied later, sets advskew 10 for vhid 1 on em0, and a vhid has one advskew for all its addresses, so 203.0.113.10 on this line gets advskew 10 too. Make the lines agree.',
    );
    assert.deepEqual(f.related?.map((r) => [t.rel(r.uri), rangeOf({ ...f, range: r.range })]), [['fw2/etc/rc.conf', [7, 42, 7, 44]]]);
  });

  test('a pass overridden from rc.conf.local: masked, named by its line, related to the other file', () => {
    const [f] = findingsOf(t, 'fw1/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [9, 38, 9, 49]);
    assert.match(f.message, /^pass •+ here is overridden: ifconfig_em1_alias5 \(rc\.conf\.local line 2\), applied later, sets pass •+ for vhid 2 on em1/);
    assert.ok(!f.message.includes('lan-key'));
    assert.match(f.revealedMessage ?? '', /^pass old-lan-key here is overridden: .* sets pass new-lan-key /);
    assert.deepEqual(f.related?.map((r) => t.rel(r.uri)), ['fw1/etc/rc.conf.local']);
    findingsOf(t, 'fw1/etc/rc.conf.local', CODE, 0);
  });

  test('advbase 0 (changes nothing) and passes equal in their first 19 bytes are not redefinitions', () => {
    const lines = findingsOf(t, 'fw1/etc/rc.conf', CODE).map((f) => f.range.start.line);
    assert.deepEqual(lines, [9]);
  });

  test('fix: the value in force on the overridden line; the title never shows a pass', () => {
    const [skew] = findingsOf(t, 'fw2/etc/rc.conf', CODE);
    assert.deepEqual(skew.fixes?.map((x) => x.title), ['Use advskew 10, the value in force, on this line']);
    assert.match(textAfterFix(t, skew.fixes![0], 'fw2/etc/rc.conf'), /^ifconfig_em0_alias0="inet vhid 1 advskew 10 pass uplink-key alias 203\.0\.113\.10\/32"$/m);
    assertFixResolves(t, skew, skew.fixes![0]);
    const [pass] = findingsOf(t, 'fw1/etc/rc.conf', CODE);
    assert.deepEqual(pass.fixes?.map((x) => x.title), ['Use the pass in force (from ifconfig_em1_alias5) on this line']);
    assert.match(textAfterFix(t, pass.fixes![0], 'fw1/etc/rc.conf'), /^ifconfig_em1_alias0="inet vhid 2 pass new-lan-key alias 10\.0\.0\.1\/32"$/m);
    assertFixResolves(t, pass, pass.fixes![0]);
  });
});

describe('carp/vhid-redefined: on one node alone, and what is not a redefinition', () => {
  test('reported without any peer in the workspace (it reads one node)', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 advbase 1 pass k alias 192.0.2.1/32"\nifconfig_em0_alias1="inet vhid 1 advbase 3 pass k alias 192.0.2.5/32"\n',
    });
    const [f] = findingsOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [1, 41, 1, 42]);
    assert.match(f.message, /^advbase 1 here is overridden: ifconfig_em0_alias1 \(line 3\), applied later, sets advbase 3/);
  });

  test('the same vhid number on two interfaces is two vhids', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 advskew 0 pass k alias 192.0.2.1/32"\nifconfig_em1="inet 10.0.0.2/24"\nifconfig_em1_alias0="inet vhid 1 advskew 100 pass j alias 10.0.0.1/32"\n',
    });
    findingsOf(w, 'fw1/etc/rc.conf', CODE, 0);
  });

  test('a later line the shell may not run leaves the value in force unknown: no finding', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 advskew 0 pass k alias 192.0.2.1/32"\n[ -f /etc/backup ] && ifconfig_em0_alias1="inet vhid 1 advskew 100 pass k alias 192.0.2.5/32"\n',
    });
    findingsOf(w, 'fw1/etc/rc.conf', CODE, 0);
  });
});
