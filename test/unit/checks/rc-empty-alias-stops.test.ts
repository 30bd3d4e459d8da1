import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

describe('rc/empty-alias-stops', () => {
  test('an empty alias0 on fw1 hides alias1 (rc.conf) and alias3 (rc.conf.local)', () => {
    const t = loadFixture('rc-cluster');
    const [f] = findingsOf(t, 'fw1/etc/rc.conf', 'rc/empty-alias-stops', 1);
    assert.deepEqual(rangeOf(f), [11, 0, 11, 22]);
    assert.match(f.message, /network\.subr stops reading em1's aliases at the first empty one, so ifconfig_em1_alias1 and ifconfig_em1_alias3 are never configured/);
    assert.deepEqual(f.related?.map((r) => [t.rel(r.uri), r.range.start.line]), [
      ['fw1/etc/rc.conf', 12],
      ['fw1/etc/rc.conf.local', 1],
    ]);
    const fix = f.fixes?.[0] ?? assert.fail('no fix');
    assert.deepEqual(fix.changes[0].edits, [{ range: { start: { line: 11, character: 0 }, end: { line: 12, character: 0 } }, newText: '' }]);
    const before = t.ws.get(t.uri('fw1/etc/rc.conf'))?.text ?? '';
    assert.equal(textAfterFix(t, fix, 'fw1/etc/rc.conf'), before.replace('ifconfig_em1_alias0=""\n', ''));
    assertFixResolves(t, f, fix);
    findingsOf(t, 'fw2/etc/rc.conf', 'rc/empty-alias-stops', 0);
  });

  test('gaps in the numbering, the highest alias empty, or another interface: no finding', () => {
    const text = [
      'ifconfig_em0_alias0="inet 192.0.2.5/32"',
      'ifconfig_em0_alias2="inet 192.0.2.6/32"',
      'ifconfig_em0_alias3=""',
      'ifconfig_em1_alias0=""',
      'ifconfig_em2_alias1="inet 198.51.100.5/32"',
      '',
    ].join('\n');
    const t = workspaceFromFiles({ 'h/etc/rc.conf': text });
    findingsOf(t, 'h/etc/rc.conf', 'rc/empty-alias-stops', 0);
  });

  test('an empty alias later given a value in rc.conf.local is not empty at boot', () => {
    const t = workspaceFromFiles({
      'h/etc/rc.conf': 'ifconfig_em0_alias0=""\nifconfig_em0_alias1="inet 192.0.2.6/32"\n',
      'h/etc/rc.conf.local': 'ifconfig_em0_alias0="inet 192.0.2.5/32"\n',
    });
    findingsOf(t, 'h/etc/rc.conf', 'rc/empty-alias-stops', 0);
  });

  test('an empty alias in rc.conf.d/netif stops the aliases set in rc.conf', () => {
    const t = workspaceFromFiles({
      'h/etc/rc.conf': 'ifconfig_em0_alias1="inet 192.0.2.6/32"\n',
      'h/etc/rc.conf.d/netif': '# netif\nifconfig_em0_alias0=\'\'\n',
    });
    const [f] = findingsOf(t, 'h/etc/rc.conf.d/netif', 'rc/empty-alias-stops', 1);
    assert.deepEqual(rangeOf(f), [1, 0, 1, 22]);
    assert.equal(textAfterFix(t, f.fixes?.[0] ?? assert.fail(), 'h/etc/rc.conf.d/netif'), '# netif\n');
  });
});
