import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

describe('rc/alias-missing-family', () => {
  test('fw1 ifconfig_em2_alias0 without inet: reported on the address, the fix inserts inet', () => {
    const t = loadFixture('rc-cluster');
    const [f] = findingsOf(t, 'fw1/etc/rc.conf', 'rc/alias-missing-family', 1);
    assert.deepEqual(rangeOf(f), [14, 21, 14, 37]);
    assert.match(f.message, /needs leading inet keyword/);
    const fix = f.fixes?.[0] ?? assert.fail('no fix');
    assert.deepEqual(fix.changes[0].edits, [{ range: { start: { line: 14, character: 21 }, end: { line: 14, character: 21 } }, newText: 'inet ' }]);
    const before = t.ws.get(t.uri('fw1/etc/rc.conf'))?.text ?? '';
    assert.equal(textAfterFix(t, fix, 'fw1/etc/rc.conf'), before.replace('"192.168.255.5/30"', '"inet 192.168.255.5/30"'));
    assertFixResolves(t, f, fix);
    findingsOf(t, 'fw2/etc/rc.conf', 'rc/alias-missing-family', 0);
  });

  test('a CARP alias starting with vhid, an IPv6 address, an unquoted value and an _aliases list', () => {
    const text = [
      'ifconfig_em0_alias0="vhid 1 pass s3cret alias 192.0.2.1/32"',
      "ifconfig_em0_alias1='2001:db8::5/64'",
      'ifconfig_em0_alias2=192.0.2.7/32',
      'ifconfig_em1_aliases="192.0.2.9/32 inet 192.0.2.10/32"',
      '',
    ].join('\n');
    const t = workspaceFromFiles({ 'h/etc/rc.conf': text });
    const fs = findingsOf(t, 'h/etc/rc.conf', 'rc/alias-missing-family', 4);
    assert.deepEqual(fs.map(rangeOf), [
      [0, 21, 0, 25],
      [1, 21, 1, 35],
      [2, 20, 2, 32],
      [3, 22, 3, 34],
    ]);
    assert.match(fs[3].message, /silently drops everything before the first keyword/);
    const after = fs.map((f) => textAfterFix(t, f.fixes?.[0] ?? assert.fail(), 'h/etc/rc.conf').split('\n'));
    assert.equal(after[0][0], 'ifconfig_em0_alias0="inet vhid 1 pass s3cret alias 192.0.2.1/32"');
    assert.equal(after[1][1], "ifconfig_em0_alias1='inet6 2001:db8::5/64'");
    assert.equal(after[2][2], 'ifconfig_em0_alias2="inet 192.0.2.7/32"');
    assert.equal(after[3][3], 'ifconfig_em1_aliases="inet 192.0.2.9/32 inet 192.0.2.10/32"');
    for (const f of fs) assertFixResolves(t, f, f.fixes?.[0] ?? assert.fail());
  });

  test('family keywords in any case, empty values and expansions are not reported', () => {
    const text = [
      'ifconfig_em0_alias0="inet 192.0.2.5/32"',
      'ifconfig_em0_alias1="INET6 2001:db8::5/64"',
      'ifconfig_em0_alias2="link 00:11:22:33:44:55"',
      'ifconfig_em0_alias3="ether 00:11:22:33:44:56"',
      'ifconfig_em0_alias4=""',
      'ifconfig_em0_alias5="${vip}/32"',
      'ifconfig_em0_aliases="',
      '  inet 192.0.2.8/32',
      '  inet6 2001:db8::8/64"',
      '',
    ].join('\n');
    const t = workspaceFromFiles({ 'h/etc/rc.conf': text });
    findingsOf(t, 'h/etc/rc.conf', 'rc/alias-missing-family', 0);
  });
});
