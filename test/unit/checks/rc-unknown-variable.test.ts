import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { assertFixResolves, findingsOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

describe('rc/unknown-variable', () => {
  test('a misspelt knob on fw1 is reported on its name, with the rename as fix', () => {
    const t = loadFixture('rc-cluster');
    const [f] = findingsOf(t, 'fw1/etc/rc.conf', 'rc/unknown-variable', 1);
    assert.deepEqual(rangeOf(f), [21, 0, 21, 11]);
    assert.match(f.message, /ntpd_enabel is not a variable rc reads; did you mean ntpd_enable\?/);
    const fix = f.fixes?.[0];
    assert.ok(fix);
    assert.equal(fix.title, 'Change ntpd_enabel to ntpd_enable');
    assert.deepEqual(fix.changes[0].edits, [{ range: { start: { line: 21, character: 0 }, end: { line: 21, character: 11 } }, newText: 'ntpd_enable' }]);
    const before = t.ws.get(t.uri('fw1/etc/rc.conf'))?.text ?? '';
    assert.equal(textAfterFix(t, fix, 'fw1/etc/rc.conf'), before.replace('ntpd_enabel="YES"', 'ntpd_enable="YES"'));
    assertFixResolves(t, f, fix);
    findingsOf(t, 'fw2/etc/rc.conf', 'rc/unknown-variable', 0);
  });

  test('a misspelt _enable of any service (a port) is caught too', () => {
    const t = workspaceFromFiles({ 'fw1/etc/rc.conf': '# ports\nnginx_enabled="YES"\n' });
    const [f] = findingsOf(t, 'fw1/etc/rc.conf', 'rc/unknown-variable', 1);
    assert.deepEqual(rangeOf(f), [1, 0, 1, 13]);
    assert.equal(f.fixes?.[0].title, 'Change nginx_enabled to nginx_enable');
    assertFixResolves(t, f, f.fixes?.[0] ?? assert.fail());
  });

  test('names rc may legitimately read are never reported', () => {
    const text = [
      'nginx_enable="YES"',
      'myapp_flags="-v"',
      'ifconfig_em0="DHCP"',
      'ifconfig_em0_alias0="inet 192.0.2.5/32"',
      'ifconfig_em0_aliases="inet 192.0.2.6/32"',
      'ifconfig_em0_ipv6="inet6 accept_rtadv"',
      'ifconfig_em0_descr="uplink"',
      'ifconfig_em0_name="wan0"',
      'create_args_vlan10="vlan 10 vlandev em0"',
      'vlans_em0="10"',
      'ipv4_addrs_em1="192.0.2.1/28"',
      'ipv6_ifconfig_em0="2001:db8::1/64"',
      'wlans_iwn0="wlan0"',
      'route_office="-net 10.0.0.0/8 192.0.2.1"',
      'ipv6_route_office="-net 2001:db8:1::/48 2001:db8::1"',
      'sshd_env="LANG=C"',
      'ntpd_user="ntpd"',
      'ntpd_group="ntpd"',
      'sshd_chdir="/"',
      'cron_nice="5"',
      'sshd_limits="-n 4096"',
      'sshd_fib="1"',
      'syslogd_oomprotect="YES"',
      'nginx_setup="nginx_precmd"',
      'nginx_prepend="cpuset -l 0"',
      'nginx_login_class="daemon"',
      'nginx_svcj="YES"',
      'nginx_svcj_options="net_basic"',
      '_localbase="/usr/local"',
      'SSHD_ENABL="YES"',
      'ntpd_enabl="YES"',
      'echo "$ntpd_enabl"',
      '',
    ].join('\n');
    const t = workspaceFromFiles({ 'h/etc/rc.conf': text });
    findingsOf(t, 'h/etc/rc.conf', 'rc/unknown-variable', 0);
  });

  test('short names need a closer match: one edit for six characters or fewer', () => {
    const t = workspaceFromFiles({ 'h/etc/rc.conf': 'keymop="us.kbd"\nkeyzzp="us.kbd"\nhostnme="h"\nhozzname="h"\n' });
    const names = findingsOf(t, 'h/etc/rc.conf', 'rc/unknown-variable').map((f) => f.message.split(' ')[0]);
    assert.deepEqual(names, ['keymop', 'hostnme', 'hozzname']);
  });
});
