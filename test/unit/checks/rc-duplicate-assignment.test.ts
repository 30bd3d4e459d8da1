import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

describe('rc/duplicate-assignment', () => {
  test('the earlier of two syslogd_flags lines on fw1 is dead; the fix removes its line', () => {
    const t = loadFixture('rc-cluster');
    const [f] = findingsOf(t, 'fw1/etc/rc.conf', 'rc/duplicate-assignment', 1);
    assert.deepEqual(rangeOf(f), [28, 0, 28, 18]);
    assert.match(f.message, /^syslogd_flags is set again on line 30/);
    assert.deepEqual(f.related?.map((r) => [r.uri, r.range.start.line, r.range.start.character, r.range.end.character]), [
      [t.uri('fw1/etc/rc.conf'), 29, 0, 19],
    ]);
    const fix = f.fixes?.[0] ?? assert.fail('no fix');
    assert.deepEqual(fix.changes[0].edits, [{ range: { start: { line: 28, character: 0 }, end: { line: 29, character: 0 } }, newText: '' }]);
    const before = t.ws.get(t.uri('fw1/etc/rc.conf'))?.text ?? '';
    assert.equal(textAfterFix(t, fix, 'fw1/etc/rc.conf'), before.replace('syslogd_flags="-s"\n', ''));
    assertFixResolves(t, f, fix);
    findingsOf(t, 'fw2/etc/rc.conf', 'rc/duplicate-assignment', 0);
  });

  test('on a line with other statements only the dead statement goes', () => {
    const t = workspaceFromFiles({ 'h/etc/rc.conf': 'sshd_enable="NO" ntpd_enable="YES"\nsshd_enable="YES"\n' });
    const [f] = findingsOf(t, 'h/etc/rc.conf', 'rc/duplicate-assignment', 1);
    assert.deepEqual(rangeOf(f), [0, 0, 0, 16]);
    const fix = f.fixes?.[0] ?? assert.fail('no fix');
    assert.equal(textAfterFix(t, fix, 'h/etc/rc.conf'), 'ntpd_enable="YES"\nsshd_enable="YES"\n');
    assertFixResolves(t, f, fix);
  });

  test('a dead multi-line value is removed with all its lines and its comment', () => {
    const text = 'jail_list="\n  www\n  db"  # old\njail_list="www db mail"\n';
    const t = workspaceFromFiles({ 'h/etc/rc.conf': text });
    const [f] = findingsOf(t, 'h/etc/rc.conf', 'rc/duplicate-assignment', 1);
    assert.deepEqual(rangeOf(f), [0, 0, 2, 5]);
    assert.equal(textAfterFix(t, f.fixes?.[0] ?? assert.fail(), 'h/etc/rc.conf'), 'jail_list="www db mail"\n');
  });

  test('no finding when the earlier value is read, or an assignment is conditional', () => {
    const text = [
      'kld_list="carp"',
      'kld_list="${kld_list} pf"',
      'ifconfig_em0="DHCP"',
      'if [ -r /etc/wired ]; then',
      '  ifconfig_em0="inet 192.0.2.2/24"',
      'fi',
      '[ -n "$x" ] && sshd_enable="NO"',
      'sshd_enable="YES"',
      '',
    ].join('\n');
    const t = workspaceFromFiles({ 'h/etc/rc.conf': text });
    findingsOf(t, 'h/etc/rc.conf', 'rc/duplicate-assignment', 0);
  });

  test('the same knob in rc.conf and rc.conf.local is an intended override, not a duplicate', () => {
    const t = workspaceFromFiles({ 'h/etc/rc.conf': 'sshd_enable="NO"\n', 'h/etc/rc.conf.local': 'sshd_enable="YES"\n' });
    findingsOf(t, 'h/etc/rc.conf', 'rc/duplicate-assignment', 0);
  });
});
