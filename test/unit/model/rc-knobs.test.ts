import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkYesNo, extraYesNoValues, isKnownRcName, isYesNoKnob, RC_KNOB_NAMES, RC_SERVICE_SUFFIXES, rcKnobDefault, suggestKnob } from '../../../server/src/model/rc-knobs';

describe('rc knob catalogue', () => {
  test('holds the defaults-file knobs with their defaults', () => {
    assert.ok(RC_KNOB_NAMES.has('sshd_enable'));
    assert.ok(RC_KNOB_NAMES.has('_localbase'));
    assert.equal(rcKnobDefault('pf_rules'), '/etc/pf.conf');
    assert.equal(rcKnobDefault('nginx_enable'), undefined);
    assert.ok(RC_SERVICE_SUFFIXES.includes('_enable') && RC_SERVICE_SUFFIXES.includes('_flags'));
  });

  test('checkyesno: yes/true/on/1 and no/false/off/0 in any case, nothing else', () => {
    assert.deepEqual(['YES', 'yes', 'True', 'ON', '1'].map(checkYesNo), ['yes', 'yes', 'yes', 'yes', 'yes']);
    assert.deepEqual(['NO', 'no', 'FALSE', 'Off', '0'].map(checkYesNo), ['no', 'no', 'no', 'no', 'no']);
    assert.deepEqual(['', ' YES', 'YES ', 'y', 'enabled', '2', 'NONE'].map(checkYesNo), [undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  test('YES/NO knobs: every *_enable and catalogue YES/NO knobs, but not those taking other values', () => {
    for (const n of ['sshd_enable', 'nginx_enable', 'rc_info', 'kldxref_clobber', 'pf_enable', 'background_fsck']) assert.ok(isYesNoKnob(n), n);
    for (const n of ['defaultrouter', 'dumpdev', 'keymap', 'syslogd_oomprotect', 'hostname', 'pf_rules', '_enable']) assert.ok(!isYesNoKnob(n), n);
    assert.deepEqual(extraYesNoValues('sendmail_enable'), ['NONE']);
    assert.deepEqual(extraYesNoValues('sshd_enable'), []);
  });

  test('known names include unknown services and interface instances', () => {
    for (const n of ['nginx_enable', 'myapp_flags', 'ifconfig_em0_alias7', 'route_office', 'foo_svcj_options', 'vlans_lagg0']) assert.ok(isKnownRcName(n), n);
    assert.ok(!isKnownRcName('sshd_enabel'));
  });

  test('suggestions: a small edit away, shorter names need a closer match', () => {
    assert.equal(suggestKnob('sshd_enabel'), 'sshd_enable');
    assert.equal(suggestKnob('defaultroute'), 'defaultrouter');
    assert.equal(suggestKnob('keymop'), 'keymap');
    assert.equal(suggestKnob('keyzzp'), undefined);
    assert.equal(suggestKnob('nginx_enabled'), 'nginx_enable');
    assert.equal(suggestKnob('mgmt_net'), undefined);
    assert.equal(suggestKnob('sshd_enable'), undefined, 'a known name is not its own suggestion');
  });
});
