import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as ipaddr from 'ipaddr.js';
import { workspaceFromFiles } from '../../helpers/workspace';
import { evaluate, type Verdict } from '../../../server/src/model/pf-eval';
import { nodeRuleset } from '../../../server/src/model/pf-node-ruleset';
import { hostEnv, sourceAddress } from '../../../server/src/model/pf-host-env';
import { nodeConfig } from '../../../server/src/model/node-config';
import type { PacketAddress, PfPacket } from '../../../server/src/model/pf-packet';

/** fw1 of a pair: em0 outside (vhid 1, IPv4 and IPv6), em1 inside (vhid 2), em2 the pfsync link. */
const RC = [
  'pf_enable="YES"',
  'ifconfig_em0="inet 10.0.0.2/24"',
  'ifconfig_em0_ipv6="inet6 2001:db8::2/64"',
  'ifconfig_em0_alias0="inet vhid 1 pass s3cret alias 10.0.0.1/32"',
  'ifconfig_em0_alias1="inet6 vhid 1 pass s3cret alias 2001:db8::1/128"',
  'ifconfig_em1="inet 192.168.1.2/24 group lan"',
  'ifconfig_em1_alias0="inet vhid 2 pass inside alias 192.168.1.1/32"',
  'ifconfig_em2="inet 172.16.0.1/30"',
  '',
].join('\n');

const ip = (text: string): PacketAddress => ({ ip: ipaddr.parse(text), mine: false });
const mine = (text: string): PacketAddress => ({ ip: ipaddr.parse(text), mine: true });

/** CARP advertisements on em0: the peer's (10.0.0.3) coming in, ours going out. */
const IN: PfPacket = { direction: 'in', ifName: 'em0', af: 'inet', proto: 112, src: ip('10.0.0.3'), dst: ip('224.0.0.18') };
const OUT: PfPacket = { direction: 'out', ifName: 'em0', af: 'inet', proto: 112, src: mine('10.0.0.2'), dst: ip('224.0.0.18') };
const IN6: PfPacket = { direction: 'in', ifName: 'em0', af: 'inet6', proto: 112, src: { mine: false }, dst: ip('ff02::12') };

function run(pf: string, packet: PfPacket = IN, rc = RC, extra: Record<string, string> = {}): Verdict {
  const t = workspaceFromFiles({ 'fw1/etc/rc.conf': rc, 'fw1/etc/pf.conf': pf, ...extra });
  const node = t.ws.nodeOf(t.uri('fw1/etc/rc.conf'));
  const rs = nodeRuleset(t.ws, node);
  assert.ok(rs, 'pf is enabled and the ruleset is found');
  return evaluate(rs.unit, packet, hostEnv(nodeConfig(node)));
}

/** `pass`, `block@N` (the 1-based line of the deciding rule) or `unknown`. */
function outcome(pf: string, packet: PfPacket = IN, rc = RC, extra: Record<string, string> = {}): string {
  const v = run(pf, packet, rc, extra);
  if (v.outcome !== 'block') return v.outcome;
  const text = v.rule.uri.endsWith('fw1/etc/pf.conf') ? pf : extra[v.rule.uri.slice(v.rule.uri.indexOf('fw1/'))];
  return `block@${text.slice(0, v.rule.node.start).split('\n').length}`;
}

describe('pf ruleset evaluation: what pf does with a CARP or pfsync packet', () => {
  test('no rule matches: pf passes the packet; pf disabled: no ruleset at all', () => {
    assert.equal(outcome(''), 'pass');
    assert.equal(outcome('pass out all\n'), 'pass');
    const t = workspaceFromFiles({ 'fw1/etc/rc.conf': RC.replace('pf_enable="YES"', 'pf_enable="NO"'), 'fw1/etc/pf.conf': 'block all\n' });
    assert.equal(nodeRuleset(t.ws, t.ws.nodeOf(t.uri('fw1/etc/rc.conf'))), undefined);
  });

  test('the last matching rule decides; quick decides at once', () => {
    assert.equal(outcome('block all\n'), 'block@1');
    assert.equal(outcome('block all\npass on em0 proto carp\n'), 'pass');
    assert.equal(outcome('pass on em0 proto carp\nblock all\n'), 'block@2');
    assert.equal(outcome('pass quick on em0 proto carp keep state (no-sync)\nblock all\n'), 'pass');
    assert.equal(outcome('block quick all\npass on em0 proto carp\n'), 'block@1');
    assert.equal(outcome('block log all\nblock return in all\n'), 'block@2');
  });

  test('in, out, or both directions', () => {
    assert.equal(outcome('block in on em0 proto carp\n', IN), 'block@1');
    assert.equal(outcome('block in on em0 proto carp\n', OUT), 'pass');
    assert.equal(outcome('block out on em0 proto carp\n', OUT), 'block@1');
    assert.equal(outcome('block out on em0 proto carp\n', IN), 'pass');
    assert.equal(outcome('block on em0 proto carp\n', IN), 'block@1');
    assert.equal(outcome('block on em0 proto carp\n', OUT), 'block@1');
  });

  test('on an interface, a list, a negation, a group', () => {
    assert.equal(outcome('block on em1 all\n'), 'pass');
    assert.equal(outcome('block on { em1 em0 } all\n'), 'block@1');
    assert.equal(outcome('block on ! em0 all\n'), 'pass');
    assert.equal(outcome('block on ! em1 all\n'), 'block@1');
    assert.equal(outcome('block on lan all\n', { ...IN, ifName: 'em1' }), 'block@1', 'rc.conf puts em1 in group lan');
    assert.equal(outcome('block on lan all\n'), 'unknown', 'em0 might join lan at run time');
    assert.equal(outcome('block on egress all\n'), 'unknown', 'egress is whatever holds the default route');
    assert.equal(outcome('block on lo all\nblock on lagg all\n'), 'pass', 'cloner groups hold only their own interfaces');
    assert.equal(outcome('block on vlan all\n', { ...IN, ifName: 'em0.100' }), 'block@1');
  });

  test('protocol names from /etc/protocols and numbers', () => {
    for (const p of ['carp', 'vrrp', 'CARP', '112', '{ tcp carp }']) assert.equal(outcome(`block proto ${p}\n`), 'block@1', p);
    for (const p of ['tcp', 'udp', 'pfsync', '240', '{ tcp udp icmp }']) assert.equal(outcome(`block proto ${p}\n`), 'pass', p);
    assert.equal(outcome('block proto pfsync\n', { ...IN, ifName: 'em2', proto: 240, src: ip('172.16.0.2'), dst: ip('224.0.0.240') }), 'block@1');
    assert.equal(outcome('block all\npass proto carpp\n'), 'unknown', 'a name not in the table is never read as a mismatch');
  });

  test('inet and inet6', () => {
    assert.equal(outcome('block inet6 all\n', IN), 'pass');
    assert.equal(outcome('block inet6 all\n', IN6), 'block@1');
    assert.equal(outcome('block inet all\n', IN6), 'pass');
    assert.equal(outcome('block to 224.0.0.18\n', IN6), 'pass', 'an IPv4 address never matches an IPv6 packet');
    assert.equal(outcome('block in inet6 from fe80::/10\n', IN6), 'unknown', "the peer's link-local source is not in the files");
    assert.equal(outcome('block in inet6 to ff02::12\n', IN6), 'block@1');
  });

  test('from self blocks only the node\'s own advertisements (the peer\'s come from its own address)', () => {
    assert.equal(outcome('block in quick proto carp from self\n', IN), 'pass');
    assert.equal(outcome('block quick proto carp from self\n', OUT), 'block@1');
    assert.equal(outcome('block proto carp from ! self\n', IN), 'block@1');
    assert.equal(outcome('block proto carp from ! self\n', OUT), 'pass');
    assert.equal(outcome('block proto carp to self\n', IN), 'pass', '224.0.0.18 is no address of the node');
  });

  test('from/to: addresses, networks, ranges, negation, interface addresses', () => {
    const cases: [string, string][] = [
      ['block from 10.0.0.3', 'block@1'],
      ['block from 10.0.0.4', 'pass'],
      ['block from 10.0.0.0/24', 'block@1'],
      ['block from 10/8', 'block@1'],
      ['block from ! 10.0.0.3', 'pass'],
      ['block from ! 10.0.0.4', 'block@1'],
      ['block from { 10.0.0.4 10.0.0.3 }', 'block@1'],
      ['block from 10.0.0.3 - 10.0.0.9', 'block@1'],
      ['block from 10.0.0.4 - 10.0.0.9', 'pass'],
      ['block from em0:network', 'block@1'],
      ['block from em1:network', 'pass'],
      ['block from (em0)', 'pass'],
      ['block from em0', 'pass'],
      ['block to 224.0.0.0/4', 'block@1'],
      ['block from any to any', 'block@1'],
      ['block from fw2.example.net', 'unknown'],
    ];
    for (const [rule, expected] of cases) assert.equal(outcome(`${rule}\n`), expected, rule);
    assert.equal(outcome('block from (em0)\n', OUT), 'block@1');
    assert.equal(outcome('block from em0:0\n', OUT), 'block@1');
    assert.equal(outcome('block from em1\n', OUT), 'pass');
  });

  test('macros and lists are expanded as pfctl does', () => {
    assert.equal(outcome('peer = "10.0.0.3"\nblock from $peer\n'), 'block@2');
    assert.equal(outcome('carp_ifs = "{ em1 em0 }"\nblock all\npass on $carp_ifs proto carp\n'), 'pass');
    assert.equal(outcome('ext_if = "em1"\nblock on $ext_if all\n'), 'pass');
  });

  test('tables: contents as defined; a miss is certain only for a const table', () => {
    assert.equal(outcome('table <peers> { 10.0.0.3 }\nblock from <peers>\n'), 'block@2');
    assert.equal(outcome('table <peers> const { 10.0.0.4 }\nblock all\npass from <peers>\n'), 'block@2');
    assert.equal(outcome('table <peers> persist { 10.0.0.4 }\nblock all\npass from <peers>\n'), 'unknown', 'pfctl -t peers -T add may fill it');
    assert.equal(outcome('table <nets> const { 10.0.0.0/24 !10.0.0.3 }\nblock from <nets>\n'), 'pass', 'the longer ! entry excludes the peer');
    assert.equal(outcome('table <me> const { self }\nblock proto carp from <me>\n'), 'pass');
    assert.equal(outcome('block all\npass from <undefined>\n'), 'unknown');
    assert.equal(outcome('table <f> const file "/etc/peers"\nblock all\npass from <f>\n'), 'unknown');
  });

  test('set skip on the interface: never filtered', () => {
    assert.equal(outcome('set skip on em0\nblock all\n'), 'pass');
    assert.equal(outcome('set skip on { lo0 em0 }\nblock all\n'), 'pass');
    assert.equal(outcome('set skip on lo0\nblock all\n'), 'block@2');
    assert.equal(outcome('set skip on lo\nblock all\n'), 'block@2');
    assert.equal(outcome('set skip on egress\nblock all\n'), 'unknown');
  });

  test('anchors and missing includes: unknown once reached, never a guess', () => {
    assert.equal(outcome('anchor "ftp-proxy/*"\nblock all\n'), 'unknown');
    assert.equal(outcome('block all\nanchor "relayd/*"\n'), 'unknown');
    assert.equal(outcome('anchor "inline" {\n  pass quick proto carp\n}\nblock all\n'), 'unknown');
    assert.equal(outcome('block quick all\nanchor "ftp-proxy/*"\n'), 'block@1', 'a quick rule decides before the anchor');
    assert.equal(outcome('anchor "web" on em1\nblock all\n'), 'block@2', 'an anchor for another interface is never entered');
    assert.equal(outcome('include "/etc/pf.missing"\nblock all\n'), 'unknown');
    assert.equal(outcome('include "/etc/rules/pf.conf"\n', IN, RC, { 'fw1/etc/rules/pf.conf': 'pass all\nblock in on em0 proto carp\n' }), 'block@2');
  });

  test('translation that may rewrite the packet, a ruleset pfctl rejects, layer-2 rules: unknown', () => {
    assert.equal(outcome('nat on em0 from any to any -> (em0)\nblock all\n', OUT), 'unknown');
    assert.equal(outcome('nat on em0 from 192.168.1.0/24 to any -> (em0)\nblock all\n', OUT), 'block@2');
    assert.equal(outcome('nat on em0 from any to any -> (em0)\nblock all\n', IN), 'block@2', 'nat rewrites outgoing packets only');
    assert.equal(outcome('rdr on em0 proto tcp to port 80 -> 192.168.1.10\nblock all\n', IN), 'block@2');
    assert.equal(outcome('block all\npass on em0 proto carp keep stat\n'), 'unknown');
    assert.equal(outcome('ether block in on em0\nblock all\n'), 'unknown');
  });

  test('antispoof as pfctl expands it', () => {
    assert.equal(outcome('antispoof quick for em1\n'), 'pass');
    assert.equal(outcome('antispoof quick for em0\n'), 'pass', "the peer's address is in em0's network and arrives on em0");
    assert.equal(outcome('antispoof quick for em1\n', { ...IN, src: ip('192.168.1.7') }), 'block@1');
    assert.equal(outcome('antispoof quick for em0\n', { ...IN, src: ip('10.0.0.2') }), 'block@1');
    assert.equal(outcome('antispoof quick for em0\n', OUT), 'pass');
  });

  test('options: what narrows makes it unknown, what only acts does not', () => {
    assert.equal(outcome('block proto carp label "no carp" tag X\n'), 'block@1');
    assert.equal(outcome('block proto carp probability 50%\n'), 'unknown');
    assert.equal(outcome('block proto carp fragment\n'), 'pass');
    assert.equal(outcome('block all\npass proto carp tagged CARP\n'), 'unknown');
  });

  test('a pass rule keeps state unless "no state"; what answers it then passes', () => {
    const v = run('pass out on em0 proto carp\n', OUT);
    assert.ok(v.outcome === 'pass' && v.keepsState);
    const w = run('pass out on em0 proto carp no state\n', OUT);
    assert.ok(w.outcome === 'pass' && !w.keepsState);
    const x = run('', OUT);
    assert.ok(x.outcome === 'pass' && x.by === 'no-rule' && !x.keepsState);
  });

  test('the source address the node advertises from: the parent\'s first address that is not a CARP one', () => {
    const t = workspaceFromFiles({ 'fw1/etc/rc.conf': RC });
    const env = hostEnv(nodeConfig(t.ws.nodeOf(t.uri('fw1/etc/rc.conf'))));
    assert.equal(sourceAddress(env, 'em0', 'inet')?.toString(), '10.0.0.2');
    assert.equal(sourceAddress(env, 'em0', 'inet6'), undefined);
  });
});
