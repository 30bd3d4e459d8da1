import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadFixture, rangeOf, reportedOf, workspaceFromFiles } from '../../helpers/workspace';

const CODE = 'carp/unknown-parent-interface';

describe('carp/unknown-parent-interface', () => {
  const t = loadFixture('cluster-parents');

  test('a vhid alias on an interface configured nowhere: the variable name is reported, with the interface that holds the VIP', () => {
    const [f] = reportedOf(t, 'p1/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [6, 0, 6, 19]);
    assert.match(f.message, /^ifconfig_em2_alias0 puts vhid 2 on em2, which p1 neither configures \(no ifconfig_em2\) nor creates/);
    assert.match(f.message, /em1's subnet holds 192\.168\.10\.1: if that is the interface meant, rename the line to ifconfig_em1_aliasN\.$/);
  });

  test('vlans_<if>, cloned_interfaces, a renamed interface and DHCP count as configuring it', () => {
    reportedOf(t, 'p2/etc/rc.conf', CODE, 0);
  });

  test('ifconfig_DEFAULT applies to every interface; a creating variable only the shell can read leaves the check silent', () => {
    reportedOf(t, 'p3/etc/rc.conf', CODE, 0);
    reportedOf(t, 'p4/etc/rc.conf', CODE, 0);
  });

  test('an epair creates both ends; an ifconfig_<if>_ipv6 line is a base configuration too; one finding per line', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf':
        'cloned_interfaces="epair0"\nifconfig_epair0b_alias0="inet vhid 1 pass k alias 10.0.0.1/32"\n' +
        'ifconfig_em1_ipv6="inet6 2001:db8::2/64"\nifconfig_em1_alias0="inet6 vhid 2 pass k alias 2001:db8::1/128"\n' +
        'ifconfig_em7_aliases="inet vhid 3 pass k alias 10.1.0.1/32 inet vhid 3 pass k alias 10.1.0.2/32"\n',
    });
    const [f] = reportedOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.match(f.message, /^ifconfig_em7_aliases puts vhid 3 on em7/);
  });
});
