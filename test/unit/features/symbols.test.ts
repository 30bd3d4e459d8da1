import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { loadFixture, workspaceFromFiles, type TestWorkspace } from '../../helpers/workspace';
import { documentSymbols, displayValue } from '../../../server/src/features/symbols';
import { MASKED_PASSWORD } from '../../../server/src/model/mask';

const pair = loadFixture('features-carp-pair');
const outline = loadFixture('features-outline');

function symbolsOf(t: TestWorkspace, rel: string): DocumentSymbol[] {
  const doc = t.ws.get(t.uri(rel));
  assert.ok(doc, rel);
  return documentSymbols(doc);
}

/** The tree as `name` / `name: [children]` lines, so the whole shape is asserted at once. */
function shape(symbols: DocumentSymbol[], indent = ''): string[] {
  return symbols.flatMap((s) => [`${indent}${s.name}${s.detail ? ` (${s.detail})` : ''}`, ...shape(s.children ?? [], `${indent}  `)]);
}

function find(symbols: DocumentSymbol[], name: string): DocumentSymbol {
  for (const s of symbols) {
    if (s.name === name) return s;
    const inner = s.children ? findOrUndefined(s.children, name) : undefined;
    if (inner) return inner;
  }
  assert.fail(`no symbol ${name}`);
}

function findOrUndefined(symbols: DocumentSymbol[], name: string): DocumentSymbol | undefined {
  try {
    return find(symbols, name);
  } catch {
    return undefined;
  }
}

function lines(s: DocumentSymbol): [number, number, number, number] {
  return [s.range.start.line, s.range.start.character, s.range.end.line, s.range.end.character];
}

describe('rc.conf outline', () => {
  test('groups variables by interface and by service, CARP aliases as vhid N → VIP', () => {
    assert.deepEqual(shape(symbolsOf(pair, 'fw1/etc/rc.conf')), [
      'hostname (fw1.example.net)',
      'em0 (interface)',
      '  ifconfig_em0 (inet 192.0.2.2 netmask 255.255.255.0)',
      '  vhid 1 → 192.0.2.10 (ifconfig_em0_alias0)',
      'em1 (interface)',
      '  ifconfig_em1 (inet 198.51.100.2/24)',
      '  vhid 2 → 198.51.100.10 (ifconfig_em1_alias0)',
      'em2 (interface)',
      '  ifconfig_em2 (inet 10.99.0.1/30)',
      'defaultrouter (192.0.2.1)',
      'gateway (service)',
      '  gateway_enable (YES)',
      'sshd (service)',
      '  sshd_enable (YES)',
      '  sshd_flags (-o UseDNS=no)',
      'pf (service)',
      '  pf_enable (YES)',
      '  pf_rules (/etc/pf.conf)',
      'pflog (service)',
      '  pflog_enable (YES)',
      'pfsync (service)',
      '  pfsync_enable (YES)',
      '  pfsync_syncdev (em2)',
      'ntpd (service)',
      '  ntpd_enable (YES)',
      '  ntpd_sync_on_start (YES)',
      'zabbix_agentd (service)',
      '  zabbix_agentd_enable (YES)',
      'dumpdev (AUTO)',
    ]);
  });

  test('kinds and ranges: groups span their children, the CARP symbol selects the variable name', () => {
    const symbols = symbolsOf(pair, 'fw1/etc/rc.conf');
    const em0 = find(symbols, 'em0');
    assert.equal(em0.kind, SymbolKind.Interface);
    assert.deepEqual(lines(em0), [4, 0, 5, 74]);
    const vip = find(symbols, 'vhid 1 → 192.0.2.10');
    assert.equal(vip.kind, SymbolKind.Constant);
    assert.deepEqual(lines(vip), [5, 0, 5, 74]);
    assert.deepEqual([vip.selectionRange.start.character, vip.selectionRange.end.character], [0, 19]);
    assert.equal(find(symbols, 'sshd').kind, SymbolKind.Module);
    assert.equal(find(symbols, 'hostname').kind, SymbolKind.Variable);
  });

  test('VLANs, _aliases with several CARP entries, a cloned lagg and a port service', () => {
    assert.deepEqual(shape(symbolsOf(outline, 'gw/etc/rc.conf')), [
      'hostname (gw.example.org)',
      'igb0 (interface)',
      '  ifconfig_igb0 (up)',
      '  vlans_igb0 (5 20)',
      'igb0.5 (interface)',
      '  ifconfig_igb0_5 (inet 203.0.113.2/28)',
      `  ifconfig_igb0_5_aliases (inet vhid 5 pass ${MASKED_PASSWORD} alias 203.0.113.14/32 inet6 vhid 6 pass ${MASKED_PASSWORD} alias 20…)`,
      '    vhid 5 → 203.0.113.14 (ifconfig_igb0_5_aliases)',
      '    vhid 6 → 2001:db8:5::1 (ifconfig_igb0_5_aliases)',
      'igb0.20 (interface)',
      '  ifconfig_igb0_20 (inet 10.20.0.1/24)',
      '  ifconfig_igb0_20_alias0 (inet 10.20.0.2/32)',
      '  vhid 20 → no address (ifconfig_igb0_20_alias1)',
      'cloned_interfaces (lagg0)',
      'lagg0 (interface)',
      '  ifconfig_lagg0 (laggproto lacp laggport igb1 laggport igb2 up)',
      'nginx (service)',
      '  nginx_enable (YES)',
      '  nginx_flags (-q)',
      'sshd (service)',
      '  sshd_enable (YES)',
    ]);
  });

  test('an _aliases entry is its own child with the range of its words', () => {
    const v6 = find(symbolsOf(outline, 'gw/etc/rc.conf'), 'vhid 6 → 2001:db8:5::1');
    assert.deepEqual(lines(v6), [5, 77, 5, 132]);
  });

  test('no name or detail anywhere shows a password', () => {
    const legacy = workspaceFromFiles({
      'old/etc/rc.conf': 'cloned_interfaces="carp0"\nifconfig_carp0="vhid 1 pass testpass 192.168.1.50/24"\nifconfig_em0_alias0="inet 10.0.0.5/32 pass notcarp"\n',
    });
    const all = [pair, outline, legacy].flatMap((t) => [...t.ws.documents()].flatMap((d) => shape(documentSymbols(d))));
    for (const line of all) {
      for (const secret of ['s3cr3t', 'this-inside', 'vlan5-secret', 'lan-secret', 'testpass', 'notcarp']) {
        assert.ok(!line.includes(secret), line);
      }
    }
    assert.ok(all.includes('  vhid 1 → 192.168.1.50 (ifconfig_carp0)'), all.join('\n'));
  });

  test('displayValue masks the characters that come from a secret span, and shortens long values', () => {
    const value = 'inet vhid 1 pass abc alias 192.0.2.1/32';
    const offsets = [...value].map((_, i) => 100 + i).concat(100 + value.length);
    assert.equal(displayValue(value, offsets, [{ start: 117, end: 120 }]), `inet vhid 1 pass ${MASKED_PASSWORD} alias 192.0.2.1/32`);
    assert.equal(displayValue(value, offsets, []), value);
    assert.equal(displayValue('passive mode'), 'passive mode');
    assert.equal(displayValue('x'.repeat(100)).length, 80);
  });
});

describe('loader.conf and sysctl.conf outline', () => {
  test('loader.conf: a modules group and a tunables group, other settings in place', () => {
    assert.deepEqual(shape(symbolsOf(outline, 'gw/boot/loader.conf')), [
      'exec (echo Booting gw)',
      'Modules (kernel modules)',
      '  if_lagg_load (YES)',
      '  carp_load (YES)',
      '  carp_name (/boot/modules/carp.ko)',
      'Tunables (kernel environment)',
      '  hw.igb.rx_process_limit (-1)',
      '  net.inet.carp.allow (1)',
    ]);
    const modules = find(symbolsOf(outline, 'gw/boot/loader.conf'), 'Modules');
    assert.equal(modules.kind, SymbolKind.Package);
    assert.deepEqual(lines(modules), [2, 0, 4, 33]);
  });

  test('sysctl.conf: OIDs grouped by their first two components', () => {
    assert.deepEqual(shape(symbolsOf(outline, 'gw/etc/sysctl.conf')), [
      'kern (sysctl)',
      '  kern.securelevel (1)',
      'net.inet (sysctl)',
      '  net.inet.carp.preempt (1)',
      '  net.inet.ip.forwarding (1)',
      'net.inet6 (sysctl)',
      '  net.inet6.ip6.forwarding (1)',
      'kern.ipc (sysctl)',
      '  kern.ipc.somaxconn (4096)',
    ]);
  });

  test('an empty file has an empty outline', () => {
    const t = workspaceFromFiles({ 'e/etc/rc.conf': '# nothing yet\n', 'e/etc/sysctl.conf': '', 'e/boot/loader.conf': '\n' });
    for (const d of t.ws.documents()) assert.deepEqual(documentSymbols(d), []);
  });
});

describe('rc.conf outline and the showPasswords setting', () => {
  const t = loadFixture('carp-passwords');
  const passes = ['uplink-vhid1', 'lan-vhid2', 'dmz-carp-key-far-too-long-2024', 'dmz-vhid4'];
  const detail = (rel: string, showPasswords: boolean): string | undefined => {
    const doc = t.ws.get(t.uri(rel));
    assert.ok(doc, rel);
    return find(documentSymbols(doc, { showPasswords }), 'ifconfig_em2_aliases').detail;
  };

  test('by default the _aliases list shows every pass masked, on both nodes', () => {
    assert.equal(detail('fw1/etc/rc.conf', false), `inet vhid 3 pass ${MASKED_PASSWORD} alias 192.0.2.10/32 inet vhid 4 pass ${MASKED_PASSWORD} alias 192.0…`);
    assert.equal(detail('fw2/etc/rc.conf', false), `inet vhid 3 advskew 100 pass ${MASKED_PASSWORD} alias 192.0.2.10/32 inet vhid 4 advskew 100…`);
    for (const d of t.ws.documents()) {
      for (const line of shape(documentSymbols(d))) for (const secret of passes) assert.ok(!line.includes(secret), line);
    }
  });

  test('with showPasswords the detail shows the pass as written', () => {
    assert.equal(detail('fw1/etc/rc.conf', true), 'inet vhid 3 pass dmz-carp-key-far-too-long-2024 alias 192.0.2.10/32 inet vhid 4…');
  });

  test('showPasswords also shows the value of a variable used as a pass', () => {
    const v = workspaceFromFiles({ 'fw/etc/rc.conf': 'CARP_PASS="s3cret-var"\nifconfig_em0_alias0="inet vhid 1 pass ${CARP_PASS} alias 192.0.2.1/32"\n' });
    const doc = v.ws.get(v.uri('fw/etc/rc.conf'))!;
    assert.equal(find(documentSymbols(doc, { showPasswords: true, workspace: v.ws }), 'CARP_PASS').detail, 's3cret-var');
    assert.equal(find(documentSymbols(doc, { showPasswords: false, workspace: v.ws }), 'CARP_PASS').detail, MASKED_PASSWORD);
  });
});
