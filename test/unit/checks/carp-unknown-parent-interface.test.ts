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

  test('several lines on one unknown interface: one finding on the first, the others as related information; legacy carpN lines are left to their own code', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf':
        'ifconfig_em0="inet 192.0.2.2/24"\n' +
        'ifconfig_em0_alias0="inet vhid 9 pass k alias 192.0.2.9/32"\n' +
        'ifconfig_em9_alias0="inet vhid 1 pass k alias 192.0.2.1/32"\n' +
        'ifconfig_em9_alias1="inet vhid 2 pass k alias 192.0.2.5/32"\n' +
        'ifconfig_em8_alias0="inet vhid 3 pass k alias 198.51.100.1/32"\n' +
        'ifconfig_carp0="vhid 4 pass k 192.0.2.4/24"\n',
    });
    const [em9, em8] = reportedOf(w, 'fw1/etc/rc.conf', CODE, 2);
    assert.deepEqual(rangeOf(em9), [2, 0, 2, 19]);
    assert.match(em9.message, /^ifconfig_em9_alias0 puts vhid 1 on em9, /);
    assert.match(em9.message, / em0's subnet holds 192\.0\.2\.1: if that is the interface meant, rename the line to ifconfig_em0_aliasN\.$/);
    assert.deepEqual(em9.related?.map((r) => [r.range.start.line, r.range.start.character, r.range.end.character, r.message]), [[3, 0, 19, 'ifconfig_em9_alias1 is on em9 too']]);
    // No interface's subnet holds 198.51.100.1: no hint, and no related lines for a single line.
    assert.deepEqual(rangeOf(em8), [4, 0, 4, 19]);
    assert.doesNotMatch(em8.message, /subnet holds/);
    assert.equal(em8.related, undefined);
  });
});
