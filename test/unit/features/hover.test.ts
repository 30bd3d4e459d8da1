import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent, Position } from 'vscode-languageserver-types';
import { loadFixture, workspaceFromFiles, type TestWorkspace } from '../../helpers/workspace';
import { hoverRange as rangeOf, hoverText as text } from '../../helpers/hover';
import { hover } from '../../../server/src/features/hover';
import { MASKED_PASSWORD } from '../../../server/src/model/mask';

const RC_MAN = '[rc.conf(5)](https://man.freebsd.org/cgi/man.cgi?query=rc.conf&sektion=5)';
const CARP_MAN = '[carp(4)](https://man.freebsd.org/cgi/man.cgi?query=carp&sektion=4)';
const LOADER_MAN = '[loader.conf(5)](https://man.freebsd.org/cgi/man.cgi?query=loader.conf&sektion=5)';

const pair = loadFixture('features-carp-pair');

/** The position of `needle` (its n-th occurrence) in a file, moved right by `delta` characters. */
function posOf(t: TestWorkspace, rel: string, needle: string, delta = 0, nth = 0): Position {
  const doc = t.ws.get(t.uri(rel));
  assert.ok(doc, rel);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = doc.text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not in ${rel}`);
  return doc.lines.positionAt(at + delta);
}

function hoverAt(t: TestWorkspace, rel: string, needle: string, delta = 0, showPasswords = false, nth = 0): Hover | null {
  const doc = t.ws.get(t.uri(rel));
  assert.ok(doc, rel);
  return hover(doc, posOf(t, rel, needle, delta, nth), t.ws, { showPasswords });
}


describe('hover on rc.conf knobs', () => {
  test('sshd_enable shows its default, our description and the rc.conf(5) link', () => {
    const h = hoverAt(pair, 'fw1/etc/rc.conf', 'sshd_enable', 3);
    const md = text(h);
    assert.match(md, /^\*\*sshd_enable\*\* — rc\.conf knob/);
    assert.ok(md.includes('Default: `"NO"` (from `/etc/defaults/rc.conf`).'), md);
    assert.ok(md.includes('YES starts the OpenSSH daemon sshd(8) at boot.'), md);
    assert.ok(md.includes(RC_MAN), md);
    assert.deepEqual(rangeOf(h), [14, 0, 14, 11]);
  });

  test('a value set again in rc.conf.local says the later file wins', () => {
    const md = text(hoverAt(pair, 'fw1/etc/rc.conf', 'sshd_flags'));
    assert.ok(md.includes('Also set in `rc.conf.local` (line 2), read after this file: that value wins.'), md);
    assert.ok(md.includes('Default: `""`'), md);
    // The last file read has nothing after it.
    assert.ok(!text(hoverAt(pair, 'fw1/etc/rc.conf.local', 'sshd_flags')).includes('Also set in'));
  });

  test('an alias variable explains the ifconfig_<if>_alias<N> pattern', () => {
    const md = text(hoverAt(pair, 'fw1/etc/rc.conf', 'ifconfig_em1_alias0', 5));
    assert.match(md, /^\*\*ifconfig_em1_alias0\*\* — rc\.conf variable \(`ifconfig_<if>_alias<N>`\)/);
    assert.ok(md.includes('Address alias 0 of interface `em1`'), md);
    assert.ok(md.includes('a `vhid` makes it a CARP virtual address'), md);
    assert.ok(md.includes(CARP_MAN), md);
    assert.ok(!md.includes('Default:'), 'a pattern has no default to show');
  });

  test('an unknown service _enable knob is explained as a port or package service', () => {
    const md = text(hoverAt(pair, 'fw1/etc/rc.conf', 'zabbix_agentd_enable'));
    assert.ok(md.includes('Service knob of a port or package: YES starts the service at boot (`zabbix_agentd`).'), md);
    assert.ok(md.includes('rc.d script `zabbix_agentd`, usually in /usr/local/etc/rc.d'), md);
    assert.ok(!md.includes('Default:'), 'a port knob has no default in /etc/defaults/rc.conf');
  });

  test('a generated description is marked generic', () => {
    const t = workspaceFromFiles({ 'h/etc/rc.conf': 'apmd_flags="-v"\n' });
    const md = text(hoverAt(t, 'h/etc/rc.conf', 'apmd_flags'));
    assert.ok(md.includes('extra command-line arguments rc passes to apmd.'), md);
    assert.ok(md.includes('_Generic description from the name pattern, not written for this knob._'), md);
  });

  test('no hover on comments, blank lines or plain values', () => {
    assert.equal(hoverAt(pair, 'fw1/etc/rc.conf', 'preferred master'), null);
    assert.equal(hoverAt(pair, 'fw1/etc/rc.conf', 'fw1.example.net"', 2), null);
  });
});

describe('hover on CARP keywords in alias values', () => {
  test('vhid shows its meaning and range', () => {
    const h = hoverAt(pair, 'fw1/etc/rc.conf', 'inet vhid 1', 6);
    const md = text(h);
    assert.match(md, /^\*\*vhid\*\* `<1-255>` — CARP parameter/);
    assert.ok(md.includes('Range: 1–255.'), md);
    assert.ok(md.includes(CARP_MAN), md);
    assert.deepEqual(rangeOf(h), [5, 26, 5, 30]);
  });

  test('the argument of advskew shows the keyword doc and the value', () => {
    const h = hoverAt(pair, 'fw2/etc/rc.conf', 'advskew 100', 9);
    const md = text(h);
    assert.match(md, /^\*\*advskew\*\*/);
    assert.ok(md.includes('Range: 0–254.'), md);
    assert.ok(md.includes('Value here: `100`.'), md);
    assert.deepEqual(rangeOf(h), [4, 41, 4, 44]);
  });

  test('pass and the password word show the password masked and that 19 bytes count', () => {
    for (const needle of ['pass s3cr3t', 's3cr3t-carp-key']) {
      const md = text(hoverAt(pair, 'fw1/etc/rc.conf', needle, 2));
      assert.ok(!md.includes('s3cr3t'), md);
      assert.ok(md.includes(`Password: \`${MASKED_PASSWORD}\`. Only the first 19 bytes count.`), md);
      assert.ok(!md.includes('bytes)'), 'a masked hover does not leak the length');
    }
  });

  test('a password longer than 19 bytes: the masked hover is the same as for any pass, the revealed one says the rest is ignored', () => {
    const long = text(hoverAt(pair, 'fw1/etc/rc.conf', 'this-inside-key'));
    const short = text(hoverAt(pair, 'fw1/etc/rc.conf', 's3cr3t-carp-key'));
    assert.equal(long, short, 'a masked hover tells nothing about the pass, not even that it is too long');
    assert.ok(!long.includes('this-inside'), long);
    const shown = text(hoverAt(pair, 'fw1/etc/rc.conf', 'this-inside-key', 0, true));
    assert.ok(shown.includes('everything after byte 19 is ignored'), shown);
  });

  test('showPasswords reveals the password and its length', () => {
    const md = text(hoverAt(pair, 'fw1/etc/rc.conf', 's3cr3t-carp-key', 0, true));
    assert.ok(md.includes('Password: `s3cr3t-carp-key` (15 bytes).'), md);
  });

  test('no hover anywhere in the file contains a password', () => {
    for (const rel of ['fw1/etc/rc.conf', 'fw2/etc/rc.conf']) {
      const doc = pair.ws.get(pair.uri(rel));
      assert.ok(doc);
      for (let o = 0; o < doc.text.length; o++) {
        const h = hover(doc, doc.lines.positionAt(o), pair.ws, { showPasswords: false });
        if (!h) continue;
        const md = (h.contents as MarkupContent).value;
        assert.ok(!md.includes('s3cr3t') && !md.includes('this-inside'), `${rel}@${o}: ${md}`);
      }
    }
  });

  test('the second pass of an _aliases list is masked too, and shown when asked (carp-passwords fixture)', () => {
    const t = loadFixture('carp-passwords');
    const masked = hoverAt(t, 'fw1/etc/rc.conf', 'dmz-vhid4');
    assert.deepEqual(rangeOf(masked), [15, 107, 15, 116]);
    assert.ok(text(masked).includes(`Password: \`${MASKED_PASSWORD}\`. Only the first 19 bytes count.`), text(masked));
    assert.ok(!text(masked).includes('dmz-vhid4'), text(masked));
    const shown = text(hoverAt(t, 'fw1/etc/rc.conf', 'dmz-vhid4', 0, true));
    assert.ok(shown.includes('Password: `dmz-vhid4` (9 bytes).'), shown);
  });

  test('the legacy carpN form is read as an ifconfig value too', () => {
    const t = workspaceFromFiles({ 'old/etc/rc.conf': 'cloned_interfaces="carp0"\nifconfig_carp0="vhid 1 pass testpass 192.168.1.50/24"\n' });
    const md = text(hoverAt(t, 'old/etc/rc.conf', 'testpass'));
    assert.ok(!md.includes('testpass'), md);
    assert.ok(md.includes(MASKED_PASSWORD));
  });
});

describe('hover on loader.conf and sysctl.conf', () => {
  test('net.inet.carp.allow in loader.conf is a loader tunable', () => {
    const md = text(hoverAt(pair, 'fw1/boot/loader.conf', 'net.inet.carp.allow'));
    assert.match(md, /^\*\*net\.inet\.carp\.allow\*\* — CARP sysctl/);
    assert.ok(md.includes('Default: `1`.'), md);
    assert.ok(md.includes('Range: 0–1.'), md);
    assert.ok(md.includes('Loader tunable: it works in loader.conf as well as sysctl.conf.'), md);
    assert.ok(md.includes(LOADER_MAN), md);
  });

  test('a CARP sysctl that is not a tunable says so in loader.conf', () => {
    const t = workspaceFromFiles({ 'n/boot/loader.conf': 'net.inet.carp.preempt=1\n' });
    const md = text(hoverAt(t, 'n/boot/loader.conf', 'preempt'));
    assert.ok(md.includes('**Not a loader tunable**: loader.conf ignores it. Put it in /etc/sysctl.conf.'), md);
  });

  test('carp_load is documented without a default; a module knob gets the loader template', () => {
    const md = text(hoverAt(pair, 'fw1/boot/loader.conf', 'carp_load'));
    assert.ok(md.includes('YES loads carp.ko, the CARP module'), md);
    assert.ok(md.includes('No default: `/boot/defaults/loader.conf` does not set it.'), md);
    const t = workspaceFromFiles({ 'n/boot/loader.conf': 'if_bridge_load="YES"\n' });
    const generic = text(hoverAt(t, 'n/boot/loader.conf', 'if_bridge_load'));
    assert.ok(generic.includes('Module `if_bridge`: YES loads the module at boot'), generic);
    assert.ok(generic.includes('(`<module>_load`)'), generic);
  });

  test('a loader catalogue knob shows its default', () => {
    const t = workspaceFromFiles({ 'n/boot/loader.conf': 'verbose_loading="YES"\n' });
    const md = text(hoverAt(t, 'n/boot/loader.conf', 'verbose'));
    assert.ok(md.includes('Default: `"NO"` (from `/boot/defaults/loader.conf`).'), md);
  });

  test('net.inet.carp.log in sysctl.conf lists its values', () => {
    const h = hoverAt(pair, 'fw1/etc/sysctl.conf', 'net.inet.carp.log');
    const md = text(h);
    assert.ok(md.includes('Default: `1`.'), md);
    assert.ok(md.includes('Default: `1`. Range: 0 or more.'), md);
    assert.ok(md.includes('- `2`: also log bad packets'), md);
    assert.ok(md.includes('Not a loader tunable: set it in sysctl.conf, not loader.conf.'), md);
    assert.deepEqual(rangeOf(h), [2, 0, 2, 17]);
  });

  test('a non-CARP OID points at sysctl -d; an unknown CARP OID explains where per-vhid settings go', () => {
    assert.ok(text(hoverAt(pair, 'fw1/etc/sysctl.conf', 'net.inet.ip.redirect')).includes('Run `sysctl -d net.inet.ip.redirect`'));
    const t = workspaceFromFiles({ 'n/etc/sysctl.conf': 'net.inet.carp.advskew=100\n' });
    assert.ok(text(hoverAt(t, 'n/etc/sysctl.conf', 'net')).includes('go on the ifconfig alias line'));
  });

  test('legacy, read-only and pfsync OIDs', () => {
    const t = workspaceFromFiles({
      'n/etc/sysctl.conf': 'net.inet.carp.arpbalance=1\nnet.inet.carp.stats=0\nnet.pfsync.carp_demotion_factor=240\n',
    });
    assert.ok(text(hoverAt(t, 'n/etc/sysctl.conf', 'net.inet.carp.arp')).includes('Existed only in the CARP of FreeBSD 9 and earlier'));
    const stats = text(hoverAt(t, 'n/etc/sysctl.conf', 'net.inet.carp.stats'));
    assert.ok(stats.includes('Read-only: it cannot be set in sysctl.conf or loader.conf.'), stats);
    const pfsync = text(hoverAt(t, 'n/etc/sysctl.conf', 'net.pfsync'));
    assert.ok(pfsync.includes('[pfsync(4)](https://man.freebsd.org/cgi/man.cgi?query=pfsync&sektion=4)'), pfsync);
    assert.ok(pfsync.includes('Default: `240`.'), pfsync);
  });

  test('an rc.conf name nobody documents says so without calling it wrong', () => {
    const t = workspaceFromFiles({ 'n/etc/rc.conf': 'my_site_variable="x"\n' });
    const md = text(hoverAt(t, 'n/etc/rc.conf', 'my_site'));
    assert.ok(md.startsWith('**my_site_variable** — not an rc.conf knob'), md);
    assert.ok(md.includes("may be read by a port's or package's own script, be a plain shell variable, or be misspelt"), md);
  });

  test('no hover on a sysctl value', () => {
    assert.equal(hoverAt(pair, 'fw1/etc/sysctl.conf', '=1', 1), null);
  });
});
