import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { loadFixture, workspaceFromFiles, type TestWorkspace } from '../../helpers/workspace';
import { hoverRange as rangeOf, hoverText as text } from '../../helpers/hover';
import { docOf, posOf } from '../../helpers/positions';
import { hover } from '../../../server/src/features/hover';

const nav = loadFixture('nav-cluster');
const FW1 = 'fw1/etc/rc.conf';
const CARP_MAN = '[carp(4)](https://man.freebsd.org/cgi/man.cgi?query=carp&sektion=4)';
const FOOTER = [
  '',
  "Predicted from the files: the member that advertises most often (advbase + advskew/256 s, with the node's demotion) is MASTER.",
  '',
  CARP_MAN,
];

function hoverAt(t: TestWorkspace, rel: string, needle: string, delta = 0, showPasswords = false): Hover | null {
  return hover(docOf(t, rel), posOf(t, rel, needle, delta), t.ws, { showPasswords });
}


const VHID1 = [
  '**vhid 1** on `192.0.2.0/24` — CARP group of 3 nodes',
  '',
  'VIPs: `192.0.2.1`, `2001:db8:1::1`',
  '',
  '- **MASTER** `fw1` on `em0`: advbase 1, advskew 0, every 1.000 s — this line',
  '- BACKUP `fw2` on `em0`: advbase 1, advskew 100, every 1.391 s',
  '- BACKUP `fw3` on `em0`: advbase 1, advskew 200, every 1.781 s',
  ...FOOTER,
].join('\n');

describe('hover on a vhid number or a VIP: the group', () => {
  test('the vhid number shows the group, each member with its role, in election order; the range is the number', () => {
    const h = hoverAt(nav, FW1, 'inet vhid 1 advskew 0', 10);
    assert.equal(text(h), VHID1);
    assert.deepEqual(rangeOf(h), [4, 31, 4, 32]);
  });

  test('the VIP shows the same group, ranged on the address', () => {
    const h = hoverAt(nav, FW1, '192.0.2.1/32', 11);
    assert.equal(text(h), VHID1);
    assert.deepEqual(rangeOf(h), [4, 65, 4, 77]);
  });

  test('a two-digit vhid: its first and last digit show the group, the blank after it nothing', () => {
    for (const delta of [10, 11]) assert.match(text(hoverAt(nav, FW1, 'inet vhid 12', delta)), /^\*\*vhid 12\*\* on `198\.51\.100\.0\/24`/);
    assert.equal(hoverAt(nav, FW1, 'inet vhid 12', 12), null);
  });

  test('a tie is flagged on both members and explained', () => {
    assert.equal(text(hoverAt(nav, 'fw2/etc/rc.conf', 'inet vhid 12', 10)), [
      '**vhid 12** on `198.51.100.0/24` — CARP group of 2 nodes',
      '',
      'VIPs: `198.51.100.1`',
      '',
      '- **MASTER** (tie) `fw1` on `em1`: advbase 1, advskew 50, every 1.195 s',
      '- BACKUP (tie) `fw2` on `em1`: advbase 1, advskew 50, every 1.195 s — this line',
      '',
      '**Tie**: `fw1` and `fw2` advertise every 1.195 s, so which one ends up MASTER depends on timing. Give each node a different advskew.',
      ...FOOTER,
    ].join('\n'));
  });

  test('a vhid no other node has says there is no peer', () => {
    assert.equal(text(hoverAt(nav, 'fw3/etc/rc.conf', '192.0.2.40')), [
      '**vhid 4** on `192.0.2.0/24` — CARP group of 1 node',
      '',
      'VIPs: `192.0.2.40`',
      '',
      '- **MASTER** `fw3` on `em0`: advbase 1, advskew 0, every 1.000 s — this line',
      '',
      'No other node in the workspace has this vhid with one of these addresses: no peer.',
      ...FOOTER,
    ].join('\n'));
  });

  test('a line rc.conf.local replaces says so first, then shows the group as configured', () => {
    const md = text(hoverAt(nav, 'fw2/etc/rc.conf', 'inet vhid 1 advskew 20', 10));
    const lines = md.split('\n');
    assert.equal(lines[0], '_This line is not in force: `ifconfig_em0_alias0` is set again in `rc.conf.local` (line 2), read after this file. The group below is as the lines in force configure it._');
    assert.ok(lines.includes('- BACKUP `fw2` on `em0`: advbase 1, advskew 100, every 1.391 s — this node'), md);
  });

  test('keywords keep their documentation hover, and advskew\'s value says its value', () => {
    assert.match(text(hoverAt(nav, FW1, 'inet vhid 1 advskew 0', 5)), /^\*\*vhid\*\* `<1-255>` — CARP parameter/);
    const skew = text(hoverAt(nav, FW1, 'advskew 0', 8));
    assert.match(skew, /^\*\*advskew\*\*/);
    assert.ok(skew.includes('Value here: `0`.'), skew);
  });

  test('no hover anywhere in the cluster\'s files shows a pass', () => {
    for (const rel of [FW1, 'fw2/etc/rc.conf', 'fw2/etc/rc.conf.local', 'fw3/etc/rc.conf']) {
      const doc = docOf(nav, rel);
      for (let o = 0; o < doc.text.length; o++) {
        const h = hover(doc, doc.lines.positionAt(o), nav.ws, { showPasswords: false });
        const md = h ? (h.contents as MarkupContent).value : '';
        assert.ok(!/uplink-key|lan-key|lab-key/.test(md), `${rel}@${o}: ${md}`);
      }
    }
  });

  test('a legacy carpN member is INACTIVE, with the reason', () => {
    const legacy = loadFixture('topology-legacy');
    const md = text(hoverAt(legacy, 'fw2/etc/rc.conf', 'vhid 1', 5));
    assert.ok(md.includes('- **MASTER** `fw1` on `em0`: advbase 1, advskew 0, every 1.000 s\n'), md);
    assert.ok(md.includes('- INACTIVE `fw2` on `carp0`: advbase 1, advskew 100, every 1.391 s — this line; a carpN interface of FreeBSD 9 and earlier: never created since 10.0'), md);
    assert.ok(md.includes('No other member takes part in the election: no backup.'), md);
  });

  test('demotion and an interface the shell computes are said on the member', () => {
    const t = workspaceFromFiles({
      'n1/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 192.0.2.1/32"\nifconfig_em0_alias1="inet $EXTRA alias"\n',
      'n2/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0="inet vhid 1 advskew 100 pass k alias 192.0.2.1/32"\n',
      // sysctl.conf is applied twice at boot (rc.d/sysctl), so 50 adds up to 100.
      'n2/etc/sysctl.conf': 'net.inet.carp.demotion=50\n',
      'n3/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.4/24"\nifconfig_em0_alias0="inet vhid 1 advskew 250 pass k alias 192.0.2.1/32"\n',
    });
    const md = text(hoverAt(t, 'n1/etc/rc.conf', 'vhid 1', 5));
    assert.ok(md.includes('- **MASTER** `n1` on `em0`: advbase 1, advskew 0, every 1.000 s — this line; may differ: the interface has a value the shell computes at boot'), md);
    assert.ok(md.includes("- BACKUP `n2` on `em0`: advbase 1, advskew 100 (counts as 200 with the node's demotion), every 1.781 s"), md);
    assert.ok(md.includes('- BACKUP `n3` on `em0`: advbase 1, advskew 250 (counts as 240, the most CARP compares), every 1.938 s'), md);
  });

  test('the obsolete ipv6_ifconfig_<if>_alias<N> says the checks do not count it', () => {
    const t = workspaceFromFiles({
      'n1/etc/rc.conf': 'ifconfig_em0_ipv6="inet6 2001:db8::2/64"\nifconfig_em0_alias0="inet6 vhid 5 pass k alias 2001:db8::1/64"\n',
      'n2/etc/rc.conf': 'ifconfig_em0_ipv6="inet6 2001:db8::3/64"\nipv6_ifconfig_em0_alias0="2001:db8::1/64 vhid 5 advskew 100 pass k"\n',
    });
    const md = text(hoverAt(t, 'n2/etc/rc.conf', 'vhid 5', 5));
    assert.ok(md.startsWith('_FreeBSD still applies the obsolete `ipv6_ifconfig_em0_alias0` (with a warning), but the checks do not read it: this line is not counted as a member. The group below is the one its vhid joins._'), md);
    assert.ok(md.includes('- **MASTER** `n1` on `em0`: advbase 1, advskew 0, every 1.000 s\n'), md);
  });

  test('names from the files are inline code: a folder name cannot become a link', () => {
    const t = workspaceFromFiles({
      '[x](https:%2F%2Fevil)/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 192.0.2.1/32"\n',
    });
    const md = text(hoverAt(t, '[x](https:%2F%2Fevil)/etc/rc.conf', 'vhid 1', 5));
    assert.ok(md.includes('- **MASTER** `[x](https://evil)` on `em0`'), md);
  });
});
