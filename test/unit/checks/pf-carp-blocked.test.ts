import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { assertFixResolves, FIXTURES, loadFixture, loadFolderAsChecked, rangeOf, reportedOf, textAfterFix, workspaceFromFiles } from '../../helpers/workspace';

const rel = (f: { range: { start: { line: number; character: number } }; uri: string }, root: string) => `${f.uri.slice(root.length + 1)}:${f.range.start.line}`;

describe('pf/carp-blocked', () => {
  test('fw1: "block in all" after a non-quick CARP rule is the last match, and drops fw2\'s advertisements on em0 and em1', () => {
    const t = loadFixture('pf-cluster-carp-blocked');
    const [f] = reportedOf(t, 'fw1/etc/pf.conf', 'pf/carp-blocked', 1);
    assert.deepEqual(rangeOf(f), [5, 0, 5, 12]);
    assert.equal(
      f.message,
      'pf on fw1 drops the CARP advertisements (IP protocol 112) of em0 (vhid 1: in from fw2 10.0.0.3) and em1 (vhid 2: in from fw2 192.168.1.3): this is the rule that decides for them. fw1 never hears fw2 and claims MASTER whatever fw2 does, so both can be MASTER at once (split brain). Let CARP through before any other filter rule: "pass quick on { em0 em1 } proto carp keep state (no-sync)".',
    );
    const root = t.uri('');
    assert.deepEqual(f.related?.map((r) => `${rel(r, root.slice(0, -1))} ${r.message}`), [
      'fw1/etc/rc.conf:2 vhid 1 on em0 of fw1, whose advertisements the rule drops',
      'fw2/etc/rc.conf:2 vhid 1 on em0 of fw2, whose advertisements the rule drops',
      'fw1/etc/rc.conf:4 vhid 2 on em1 of fw1, whose advertisements the rule drops',
      'fw2/etc/rc.conf:4 vhid 2 on em1 of fw2, whose advertisements the rule drops',
    ]);
    const fix = f.fixes![0];
    assert.equal(fix.title, 'Insert "pass quick on { em0 em1 } proto carp keep state (no-sync)" before the first filter rule, and remove the rule it makes dead');
    // The old CARP rule is dead below the new one, and so is the macro only it used.
    assert.equal(
      textAfterFix(t, fix, 'fw1/etc/pf.conf'),
      [
        '# fw1: the CARP rule comes first, so "block in all" below is the last match',
        'int_if = "em1"',
        'set skip on lo0',
        'pass quick on { em0 em1 } proto carp keep state (no-sync)',
        'block in all',
        'pass in on $int_if proto { tcp udp icmp } from $int_if:network to any keep state',
        'pass out all keep state',
        '',
      ].join('\n'),
    );
    assertFixResolves(t, f, fix);
  });

  test('fw2: "block in quick proto carp from self" drops only its own advertisements reflected back, never fw1\'s', () => {
    const t = loadFixture('pf-cluster-carp-blocked');
    reportedOf(t, 'fw2/etc/pf.conf', 'pf/carp-blocked', 0);
    for (const r of ['fw1/etc/rc.conf', 'fw2/etc/rc.conf']) reportedOf(t, r, 'pf/carp-blocked', 0);
  });

  test('IPv4 and IPv6 on one vhid are checked apart: fw2 passes CARP for inet only', () => {
    const t = loadFixture('pf-cluster-carp-ipv6');
    reportedOf(t, 'fw1/etc/pf.conf', 'pf/carp-blocked', 0);
    const [f] = reportedOf(t, 'fw2/etc/pf.conf', 'pf/carp-blocked', 1);
    assert.deepEqual(rangeOf(f), [1, 0, 1, 9]);
    assert.match(f.message, /^pf on fw2 drops the CARP advertisements \(IP protocol 112\) of em0 \(vhid 1: in from fw1 \(IPv6\)\): /);
    const fix = f.fixes![0];
    assert.equal(textAfterFix(t, fix, 'fw2/etc/pf.conf'), 'set skip on lo0\npass quick on em0 proto carp keep state (no-sync)\nblock all\npass out on em0 all keep state\n');
    assertFixResolves(t, f, fix);
  });

  test('a drop in an included file is reported there; a ruleset depending on anchors is never an error', async () => {
    const t = await loadFolderAsChecked(path.join(FIXTURES, 'pf-cluster-carp-include'));
    const [f] = reportedOf(t, 'fw1/etc/pf/rules.conf', 'pf/carp-blocked', 1);
    assert.deepEqual(rangeOf(f), [1, 0, 1, 37]);
    assert.match(f.message, /of igb0 \(vhid 7: out to 224\.0\.0\.18\): .* fw2 never hears fw1 and claims MASTER whatever fw1 does/);
    reportedOf(t, 'fw1/etc/pf.conf', 'pf/carp-blocked', 0);
    const fix = f.fixes![0];
    assert.deepEqual(fix.changes.map((c) => c.uri), [t.uri('fw1/etc/pf/rules.conf')]);
    assert.equal(
      textAfterFix(t, fix, 'fw1/etc/pf/rules.conf'),
      '# filter rules, included by /etc/pf.conf\npass quick on igb0 proto carp keep state (no-sync)\npass in on $ext_if proto tcp to ($ext_if) port ssh\npass all\n',
    );
    assertFixResolves(t, f, fix);
    // fw2 loads /etc/firewall/pf.conf (pf_rules), whose ftp-proxy anchors may hold anything; its stale /etc/pf.conf is not loaded.
    for (const r of ['fw2/etc/firewall/pf.conf', 'fw2/etc/pf.conf']) reportedOf(t, r, 'pf/carp-blocked', 0);
  });

  test('healthy: the pfsync(4) example pair and a four-node cluster with several vhids stay clean', () => {
    for (const [name, nodes] of [['pf-cluster-pfsync4', ['fwa', 'fwb']], ['pf-cluster-healthy', ['fw1', 'fw2', 'fw3', 'fw4']]] as const) {
      const t = loadFixture(name);
      for (const n of nodes) for (const file of ['etc/pf.conf', 'etc/rc.conf']) reportedOf(t, `${n}/${file}`, 'pf/carp-blocked', 0);
    }
  });

  test('pf disabled, or pf_rules not in the workspace: nothing is evaluated', () => {
    const rc = (host: number, extra: string) => `ifconfig_em0="inet 10.0.0.${host}/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 10.0.0.1/32"\n${extra}`;
    const off = workspaceFromFiles({ 'a/etc/rc.conf': rc(2, 'pf_enable="NO"\n'), 'a/etc/pf.conf': 'block all\n', 'b/etc/rc.conf': rc(3, '') });
    reportedOf(off, 'a/etc/pf.conf', 'pf/carp-blocked', 0);
    const elsewhere = workspaceFromFiles({ 'a/etc/rc.conf': rc(2, 'pf_enable="YES"\npf_rules="/etc/pf.rules"\n'), 'a/etc/pf.conf': 'block all\n', 'b/etc/rc.conf': rc(3, '') });
    reportedOf(elsewhere, 'a/etc/pf.conf', 'pf/carp-blocked', 0);
    const on = workspaceFromFiles({ 'a/etc/rc.conf': rc(2, 'pf_enable="YES"\n'), 'a/etc/pf.conf': 'block all\n', 'b/etc/rc.conf': rc(3, '') });
    const [f] = reportedOf(on, 'a/etc/pf.conf', 'pf/carp-blocked', 1);
    assert.match(f.message, /of em0 \(vhid 1: in from b 10\.0\.0\.3, out to 224\.0\.0\.18\): .* a and b never hear each other/);
  });

  test('a node alone in the workspace: its own advertisements and those of unknown peers', () => {
    const t = workspaceFromFiles({
      'a/etc/rc.conf': 'ifconfig_em0="inet 10.0.0.2/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 10.0.0.1/32"\npf_enable="YES"\n',
      'a/etc/pf.conf': 'block in on em0 proto carp\n',
    });
    const [f] = reportedOf(t, 'a/etc/pf.conf', 'pf/carp-blocked', 1);
    assert.match(f.message, /of em0 \(vhid 1: in from the peers\): .* a never hears the peers/);
    assertFixResolves(t, f, f.fixes![0]);
  });

  test('unicast peers (FreeBSD 14): a state created by the answers may let the advertisements in', () => {
    const rc = (me: number, peer: number) =>
      `ifconfig_em0="inet 10.0.0.${me}/24"\nifconfig_em0_alias0="inet vhid 1 pass k peer 10.0.0.${peer} alias 10.0.0.1/32"\npf_enable="YES"\n`;
    const stateful = workspaceFromFiles({ 'a/etc/rc.conf': rc(2, 3), 'a/etc/pf.conf': 'block in all\npass out all keep state\n', 'b/etc/rc.conf': rc(3, 2) });
    reportedOf(stateful, 'a/etc/pf.conf', 'pf/carp-blocked', 0);
    const stateless = workspaceFromFiles({ 'a/etc/rc.conf': rc(2, 3), 'a/etc/pf.conf': 'block in all\npass out all no state\n', 'b/etc/rc.conf': rc(3, 2) });
    const [f] = reportedOf(stateless, 'a/etc/pf.conf', 'pf/carp-blocked', 1);
    assert.match(f.message, /in from b 10\.0\.0\.3\)/);
  });

  test('a ruleset in another folder (pf_rules) reports on that file', () => {
    const rc = (host: number, extra: string) => `ifconfig_em0="inet 10.0.0.${host}/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 10.0.0.1/32"\n${extra}`;
    const t = workspaceFromFiles({ 'a/etc/rc.conf': rc(2, 'pf_enable="YES"\npf_rules="/etc/pf/pf.conf"\n'), 'a/etc/pf/pf.conf': 'block out all\n', 'b/etc/rc.conf': rc(3, '') });
    const [f] = reportedOf(t, 'a/etc/pf/pf.conf', 'pf/carp-blocked', 1);
    assert.match(f.message, /of em0 \(vhid 1: out to 224\.0\.0\.18\)/);
    assertFixResolves(t, f, f.fixes![0]);
  });
  test('a FreeBSD 9 carpN vhid is checked on the parent carp/legacy-carp-interface moves it to', () => {
    const t = loadFixture('pf-carp');
    const [f] = reportedOf(t, 'fw2/etc/pf.conf', 'pf/carp-blocked', 1);
    assert.deepEqual(rangeOf(f), [9, 0, 9, 13]);
    assert.match(f.message, /^pf on fw2 drops the CARP advertisements \(IP protocol 112\) of em0 \(vhid 1: in from fw1 198\.51\.100\.2\)/);
    assert.ok(f.related?.some((r) => r.message === 'vhid 1 on carp0 (ignored since FreeBSD 10; its parent is em0) of fw2, whose advertisements the rule drops'));
    // fw1 hears fw2 from its real address on em0, not from the VIP written on carp0.
    const [g] = reportedOf(t, 'fw1/etc/pf.conf', 'pf/carp-blocked', 1);
    assert.match(g.message, /em0 \(vhid 1: in from fw2 198\.51\.100\.3\)/);
  });
  test('a node kept as flat files: /etc/pf.conf is <node>/pf.conf', () => {
    const rc = (host: number) => `ifconfig_em0="inet 10.0.0.${host}/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 10.0.0.1/32"\npf_enable="YES"\n`;
    const t = workspaceFromFiles({ 'a/rc.conf': rc(2), 'a/pf.conf': 'block in all\n', 'b/rc.conf': rc(3), 'b/pf.conf': 'pass all\n' });
    const [f] = reportedOf(t, 'a/pf.conf', 'pf/carp-blocked', 1);
    assert.match(f.message, /of em0 \(vhid 1: in from b 10\.0\.0\.3\)/);
    reportedOf(t, 'b/pf.conf', 'pf/carp-blocked', 0);
    assertFixResolves(t, f, f.fixes![0]);
  });
});
