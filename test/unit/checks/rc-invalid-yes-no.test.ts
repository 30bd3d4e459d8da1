import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

describe('rc/invalid-yes-no', () => {
  test('pf_enable="yes please" on fw1: reported on the value, YES preferred, quotes kept', () => {
    const t = loadFixture('rc-cluster');
    const [f] = findingsOf(t, 'fw1/etc/rc.conf', 'rc/invalid-yes-no', 1);
    assert.deepEqual(rangeOf(f), [23, 10, 23, 22]);
    assert.match(f.message, /^pf_enable="yes please" is not a value rc's checkyesno accepts/);
    const [yes, no] = f.fixes ?? [];
    assert.deepEqual([yes.title, yes.isPreferred, no.title, no.isPreferred], ['Set pf_enable to YES', true, 'Set pf_enable to NO', false]);
    assert.deepEqual(yes.changes[0].edits, [{ range: { start: { line: 23, character: 11 }, end: { line: 23, character: 21 } }, newText: 'YES' }]);
    const before = t.ws.get(t.uri('fw1/etc/rc.conf'))?.text ?? '';
    assert.equal(textAfterFix(t, yes, 'fw1/etc/rc.conf'), before.replace('pf_enable="yes please"', 'pf_enable="YES"'));
    assert.equal(textAfterFix(t, no, 'fw1/etc/rc.conf'), before.replace('pf_enable="yes please"', 'pf_enable="NO"'));
    assertFixResolves(t, f, yes);
    assertFixResolves(t, f, no);
    findingsOf(t, 'fw2/etc/rc.conf', 'rc/invalid-yes-no', 0);
  });

  test('NO is preferred for "nope"; unquoted and empty values are fixed in place', () => {
    const t = workspaceFromFiles({ 'h/etc/rc.conf': 'sshd_enable="nope"\nrc_info=enabled\nkldxref_clobber=""\n' });
    const fs = findingsOf(t, 'h/etc/rc.conf', 'rc/invalid-yes-no', 3);
    assert.deepEqual(fs.map(rangeOf), [
      [0, 12, 0, 18],
      [1, 8, 1, 15],
      [2, 16, 2, 18],
    ]);
    assert.deepEqual(fs.map((f) => f.fixes?.find((x) => x.isPreferred)?.title), ['Set sshd_enable to NO', 'Set rc_info to YES', undefined]);
    assert.equal(textAfterFix(t, fs[1].fixes?.[0] ?? assert.fail(), 'h/etc/rc.conf'), 'sshd_enable="nope"\nrc_info=YES\nkldxref_clobber=""\n');
    assert.equal(textAfterFix(t, fs[2].fixes?.[1] ?? assert.fail(), 'h/etc/rc.conf'), 'sshd_enable="nope"\nrc_info=enabled\nkldxref_clobber="NO"\n');
    for (const f of fs) for (const fix of f.fixes ?? []) assertFixResolves(t, f, fix);
  });

  test('values checkyesno accepts, expansions and non-YES/NO knobs are not reported', () => {
    const text = [
      'sshd_enable="yes"',
      'ntpd_enable=TRUE',
      'pf_enable="On"',
      'pflog_enable=1',
      'gateway_enable="no"',
      'moused_enable="False"',
      'cron_enable=OFF',
      'zfs_enable=0',
      'sendmail_enable="NONE"',
      'nginx_enable="${nginx_default:-YES}"',
      'rc_startmsgs="$(echo YES)"',
      'defaultrouter="192.0.2.1"',
      'dumpdev="AUTO"',
      'keymap="us.kbd"',
      'syslogd_oomprotect="ALL"',
      'tmpmfs="AUTO"',
      '',
    ].join('\n');
    const t = workspaceFromFiles({ 'h/etc/rc.conf': text });
    findingsOf(t, 'h/etc/rc.conf', 'rc/invalid-yes-no', 0);
  });

  test('a trailing blank is not accepted by checkyesno', () => {
    const t = workspaceFromFiles({ 'h/etc/rc.conf': 'sshd_enable="YES "\n' });
    const [f] = findingsOf(t, 'h/etc/rc.conf', 'rc/invalid-yes-no', 1);
    assert.equal(textAfterFix(t, f.fixes?.[0] ?? assert.fail(), 'h/etc/rc.conf'), 'sshd_enable="YES"\n');
  });

  test('a knob whose value the node also uses as a CARP pass is quoted masked, and as written only when asked', () => {
    const t = workspaceFromFiles({
      'h/etc/rc.conf': 'sshd_enable="s3cret-key"\n',
      'h/etc/rc.conf.local': 'ifconfig_em0_alias0="inet vhid 1 pass ${sshd_enable} alias 192.0.2.1/32"\n',
    });
    const [f] = findingsOf(t, 'h/etc/rc.conf', 'rc/invalid-yes-no', 1);
    assert.match(f.message, /^sshd_enable="••••••" is not a value/);
    assert.match(f.revealedMessage ?? '', /^sshd_enable="s3cret-key" is not a value/);
    const [plain] = findingsOf(workspaceFromFiles({ 'h/etc/rc.conf': 'sshd_enable="s3cret-key"\n' }), 'h/etc/rc.conf', 'rc/invalid-yes-no', 1);
    assert.equal(plain.revealedMessage, undefined, 'a value no pass uses is quoted as it is');
  });
});
