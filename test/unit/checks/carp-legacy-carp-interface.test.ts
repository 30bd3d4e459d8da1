import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nodeConfig } from '../../../server/src/model/node-config';
import { assertFixResolves, findings, findingsOf, loadFixture, rangeOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

const CODE = 'carp/legacy-carp-interface';

describe('carp/legacy-carp-interface', () => {
  const t = loadFixture('carp-legacy');
  const fw1 = fs.readFileSync(path.join(t.dir, 'fw1/etc/rc.conf'), 'utf8');
  const fw2 = fs.readFileSync(path.join(t.dir, 'fw2/etc/rc.conf'), 'utf8');

  test('ifconfig_carp0 is rewritten onto the parent whose subnet holds the VIP, and carp0 leaves cloned_interfaces', () => {
    const list = findingsOf(t, 'fw1/etc/rc.conf', CODE, 4);
    const [carp0] = list;
    assert.deepEqual(rangeOf(carp0), [13, 0, 13, 14]);
    assert.match(carp0.message, /carp0 does not exist since FreeBSD 10/);
    assert.match(carp0.message, /192\.168\.1\.50 to its parent interface em0/);
    assert.ok(!carp0.message.includes('testpass'), 'the pass must be masked');
    const fix = carp0.fixes![0];
    const expected = fw1
      .replace('cloned_interfaces="carp0 carp1"', 'cloned_interfaces="carp1"')
      // em0 already has alias0, so the next free number is 1; the /24 of the legacy form becomes /32.
      .replace('ifconfig_carp0="vhid 1 pass testpass 192.168.1.50/24"', 'ifconfig_em0_alias1="inet vhid 1 pass testpass alias 192.168.1.50/32"');
    assert.equal(textAfterFix(t, fix, 'fw1/etc/rc.conf'), expected);
    assertFixResolves(t, carp0, fix);
  });

  test('advskew carries over; the parent is chosen per VIP (em1 for 10.0.0.50)', () => {
    const carp1 = findingsOf(t, 'fw1/etc/rc.conf', CODE)[1];
    assert.deepEqual(rangeOf(carp1), [14, 0, 14, 14]);
    const fix = carp1.fixes![0];
    const expected = fw1
      .replace('cloned_interfaces="carp0 carp1"', 'cloned_interfaces="carp0"')
      .replace('ifconfig_carp1="vhid 2 advskew 0 pass internal-secret 10.0.0.50/24"', 'ifconfig_em1_alias0="inet vhid 2 advskew 0 pass internal-secret alias 10.0.0.50/32"');
    assert.equal(textAfterFix(t, fix, 'fw1/etc/rc.conf'), expected);
    assertFixResolves(t, carp1, fix);
  });

  test('the carpN word in cloned_interfaces is flagged and offers the same rewrite', () => {
    const [, , word0, word1] = findingsOf(t, 'fw1/etc/rc.conf', CODE);
    assert.deepEqual(rangeOf(word0), [12, 19, 12, 24]);
    assert.deepEqual(rangeOf(word1), [12, 25, 12, 30]);
    assert.match(word1.message, /carp1 in cloned_interfaces/);
    assert.match(textAfterFix(t, word1.fixes![0], 'fw1/etc/rc.conf'), /^ifconfig_em1_alias0="inet vhid 2 advskew 0 pass internal-secret alias 10\.0\.0\.50\/32"$/m);
    assertFixResolves(t, word1, word1.fixes![0]);
  });

  test('the fix spans files of one node: cloned_interfaces in rc.conf.local loses its only item, so its line goes', () => {
    const [word] = findingsOf(t, 'fw2/etc/rc.conf.local', CODE, 1);
    assert.deepEqual(rangeOf(word), [1, 19, 1, 24]);
    const fix = word.fixes![0];
    assert.equal(textAfterFix(t, fix, 'fw2/etc/rc.conf.local'), '# Local additions kept apart from the shared rc.conf.\n');
    assert.equal(
      textAfterFix(t, fix, 'fw2/etc/rc.conf'),
      fw2.replace('ifconfig_carp0="vhid 1 advskew 100 pass testpass 192.168.1.50/24"', 'ifconfig_em0_alias0="inet vhid 1 advskew 100 pass testpass alias 192.168.1.50/32"'),
    );
    assertFixResolves(t, word, fix);
  });

  test('no parent subnet (em1 is DHCP): no rewrite, and the message names the VIP', () => {
    const carp1 = findingsOf(t, 'fw2/etc/rc.conf', CODE, 2)[1];
    assert.deepEqual(rangeOf(carp1), [9, 0, 9, 14]);
    assert.equal(carp1.fixes, undefined);
    assert.match(carp1.message, /no interface on this node has a subnet that holds 10\.0\.0\.50/);
  });

  test('without an ifconfig_carpN line the cloned_interfaces fix just removes the word', () => {
    const w = workspaceFromFiles({ 'fw1/etc/rc.conf': 'ifconfig_em0="inet 10.1.1.2/24"\ncloned_interfaces="lagg0 carp0"\n' });
    const [f] = findingsOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [1, 25, 1, 30]);
    assert.equal(textAfterFix(w, f.fixes![0], 'fw1/etc/rc.conf'), 'ifconfig_em0="inet 10.1.1.2/24"\ncloned_interfaces="lagg0"\n');
    assertFixResolves(w, f, f.fixes![0]);
  });

  test('with an ifconfig_carpN line that cannot be rewritten, the cloned_interfaces word still gets its removal', () => {
    const w = workspaceFromFiles({ 'fw1/etc/rc.conf': 'ifconfig_em0="DHCP"\ncloned_interfaces="carp1" # CARP\nifconfig_carp1="vhid 2 pass x 10.9.9.9/24"\n' });
    const [line, word] = findingsOf(w, 'fw1/etc/rc.conf', CODE, 2);
    assert.equal(line.fixes, undefined);
    assert.deepEqual(rangeOf(word), [1, 19, 1, 24]);
    assert.equal(word.fixes![0].title, 'Remove carp1 from cloned_interfaces');
    assert.equal(textAfterFix(w, word.fixes![0], 'fw1/etc/rc.conf'), 'ifconfig_em0="DHCP"\nifconfig_carp1="vhid 2 pass x 10.9.9.9/24"\n');
    assertFixResolves(w, word, word.fixes![0]);
  });

  test('an IPv6 legacy address becomes a /128 alias on the interface holding its prefix', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': [
        'ifconfig_em0="inet 10.1.1.2/24"',
        'ifconfig_em0_ipv6="inet6 2001:db8:1::2 prefixlen 64"',
        'ifconfig_carp0_ipv6="inet6 2001:db8:1::50 prefixlen 64 vhid 4 pass v6pass"',
        '',
      ].join('\n'),
    });
    const [f] = findingsOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.deepEqual(rangeOf(f), [2, 0, 2, 19]);
    assert.match(textAfterFix(w, f.fixes![0], 'fw1/etc/rc.conf'), /^ifconfig_em0_alias0="inet6 vhid 4 pass v6pass alias 2001:db8:1::50\/128"$/m);
    assertFixResolves(w, f, f.fixes![0]);
  });

  test('two interfaces in the VIP subnet: no guess, the message says why', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': 'ifconfig_igb0="inet 192.168.1.10/24"\nifconfig_igb1="inet 192.168.1.11/24"\nifconfig_carp0="vhid 1 pass x 192.168.1.50/24"\n',
    });
    const [f] = findingsOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.equal(f.fixes, undefined);
    assert.match(f.message, /igb0 and igb1 are both in the subnet of 192\.168\.1\.50/);
  });

  test('an empty alias on the parent would hide the new line: no rewrite', () => {
    const w = workspaceFromFiles({
      'fw1/etc/rc.conf': 'ifconfig_em0="inet 10.1.1.2/24"\nifconfig_em0_alias0=""\nifconfig_carp0="vhid 1 pass x 10.1.1.50/24"\n',
    });
    const [f] = findingsOf(w, 'fw1/etc/rc.conf', CODE, 1);
    assert.equal(f.fixes, undefined);
    assert.match(f.message, /ifconfig_em0_alias0 is empty/);
  });

  test('the handbook modern configuration gives no CARP finding', () => {
    const h = loadFixture('carp-handbook');
    // The per-node checks: the fixture's two nodes are not a consistent pair (the cross-node checks have fixtures of their own).
    const perNode = [...h.ws.documents()].flatMap((d) => findings(h, h.rel(d.uri)));
    assert.deepEqual(perNode.filter((f) => f.code.startsWith('carp/')), []);
    // Not vacuous: the model does read the handbook's vhids (the shell-computed em1 alias makes em1 uncertain).
    const vhids = nodeConfig(h.ws.nodeOf(h.uri('fw1/etc/rc.conf'))).vhids;
    assert.deepEqual(vhids.map((v) => `${v.ifKey}#${v.vhid}${v.uncertain ? '?' : ''}`).sort(), ['em0#1', 'em0#3', 'em1#255?', 'sis0#1']);
  });
});
