import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as ipaddr from 'ipaddr.js';
import * as fc from 'fast-check';
import type { RcAssignment } from '../../../server/src/parsers/rcconf';
import { entryFamily, isCarpEntry, parseIfconfigValue, splitIfconfigWords, type IfconfigEntry } from '../../../server/src/model/ifconfig-value';
import { canonicalAddress, netmaskToPrefix, parseAddressWord } from '../../../server/src/model/if-address';
import { classifyIfVar, ifNameOfKey, ifVarKey, listInterfaces, nextAliasNumber } from '../../../server/src/model/rc-interfaces';
import { carpVhids, findParentInterface } from '../../../server/src/model/carp-node';
import { maskPassword, MASKED_PASSWORD } from '../../../server/src/model/mask';

/**
 * Builds assignments from `name="value"` lines without the rc parser, so the
 * model is tested on its own. Offsets are those of the text joined by "\n".
 */
function assignments(text: string): RcAssignment[] {
  const out: RcAssignment[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const m = /^(\w+)="([^"]*)"/.exec(line);
    if (m) {
      const valueStart = lineStart + m[1].length + 1;
      const offsets = [...m[2]].map((_, i) => valueStart + 1 + i);
      offsets.push(valueStart + 1 + m[2].length);
      out.push({
        name: m[1], nameStart: lineStart, nameEnd: lineStart + m[1].length, value: m[2], valueStart,
        valueEnd: valueStart + m[2].length + 2, valueOffsets: offsets, start: lineStart,
        end: valueStart + m[2].length + 2, references: [], conditional: false,
      });
    }
    lineStart += line.length + 1;
  }
  return out;
}

function entryOf(line: string, form: 'primary' | 'single' | 'multi' = 'single'): { entry: IfconfigEntry; text: string } {
  const [a] = assignments(line);
  const value = parseIfconfigValue(a.value, a.valueOffsets, form);
  assert.equal(value.entries.length, 1);
  return { entry: value.entries[0], text: line };
}

const slice = (text: string, w: { start: number; end: number } | undefined): string | undefined => (w ? text.slice(w.start, w.end) : undefined);

describe('ifconfig words', () => {
  test('words carry their source offsets inside the quotes', () => {
    const [a] = assignments('ifconfig_em0_alias0="inet  vhid 1\tpass x"');
    const words = splitIfconfigWords(a.value, a.valueOffsets);
    assert.deepEqual(words.map((w) => w.text), ['inet', 'vhid', '1', 'pass', 'x']);
    assert.deepEqual(words.map((w) => [w.start, w.end]), [[21, 25], [27, 31], [32, 33], [34, 38], [39, 40]]);
  });

  test('property: every word points at its own source text, and no value makes the parser throw', () => {
    const word = fc.stringMatching(/^[a-z0-9.:\/-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), fc.array(fc.constantFrom(' ', '  ', '\t'), { minLength: 12, maxLength: 12 }), (words, gaps) => {
        const value = words.map((w, i) => w + gaps[i]).join('');
        const [a] = assignments(`ifconfig_em0_alias0="${value}"`);
        const text = `ifconfig_em0_alias0="${value}"`;
        for (const w of splitIfconfigWords(a.value, a.valueOffsets)) assert.equal(text.slice(w.start, w.end), w.text);
        for (const form of ['primary', 'single', 'multi', 'aliases', 'addrs'] as const) parseIfconfigValue(a.value, a.valueOffsets, form);
      }),
    );
    fc.assert(fc.property(fc.string(), (v) => void parseIfconfigValue(v, [], 'multi')));
  });

  test('handbook alias: VIP after alias, settings before', () => {
    const { entry, text } = entryOf('ifconfig_em0_alias0="inet vhid 1 advskew 100 pass testpass alias 192.168.1.50/32"');
    assert.equal(entry.family, 'inet');
    assert.equal(slice(text, entry.familyWord), 'inet');
    assert.equal(entry.address?.ip?.toString(), '192.168.1.50');
    assert.equal(entry.address?.prefix, 32);
    assert.equal(entry.address?.prefixSource, 'cidr');
    assert.equal(slice(text, entry.address?.word), '192.168.1.50/32');
    assert.equal(entry.carp.vhid?.number, 1);
    assert.equal(slice(text, entry.carp.vhid?.keyword), 'vhid');
    assert.equal(slice(text, entry.carp.advskew?.value), '100');
    assert.equal(entry.carp.pass?.value?.text, 'testpass');
    assert.ok(entry.hasAlias);
    assert.ok(isCarpEntry(entry));
  });

  test('address-first form with every setting', () => {
    const { entry } = entryOf('ifconfig_em0_alias1="inet 192.0.2.1/24 vhid 1 advskew 100 advbase 2 pass secret alias"');
    assert.equal(entry.address?.ip?.toString(), '192.0.2.1');
    assert.equal(entry.address?.prefix, 24);
    assert.deepEqual([entry.carp.vhid?.number, entry.carp.advskew?.number, entry.carp.advbase?.number], [1, 100, 2]);
    assert.equal(entry.carp.pass?.value?.text, 'secret');
  });

  test('IPv6 vhid', () => {
    const { entry } = entryOf('ifconfig_em0_alias2="inet6 2001:DB8::1/64 vhid 3 pass x"');
    assert.equal(entry.family, 'inet6');
    assert.equal(entry.address?.family, 'inet6');
    assert.equal(canonicalAddress(entry.address!.ip!), '2001:db8::1');
    assert.equal(entry.address?.prefix, 64);
    assert.equal(entry.carp.vhid?.number, 3);
  });

  test('netmask (dotted and hex) and prefixlen give the prefix', () => {
    assert.equal(entryOf('ifconfig_em0="inet 192.168.1.3 netmask 255.255.255.0"', 'primary').entry.address?.prefix, 24);
    assert.equal(entryOf('ifconfig_em0="inet 10.1.0.3 netmask 0xfffff000"', 'primary').entry.address?.prefix, 20);
    const v6 = entryOf('ifconfig_em0_ipv6="inet6 2001:db8::3 prefixlen 48"').entry.address;
    assert.deepEqual([v6?.prefix, v6?.prefixSource], [48, 'prefixlen']);
    assert.equal(netmaskToPrefix('255.0.255.0'), undefined);
  });

  test('no mask: the classful default, marked as such', () => {
    const a = entryOf('ifconfig_em0="inet 172.16.5.1"', 'primary').entry.address;
    assert.deepEqual([a?.prefix, a?.prefixSource], [16, 'default']);
  });

  test('legacy carpN form without family keyword', () => {
    const { entry } = entryOf('ifconfig_carp0="vhid 1 pass testpass 192.168.1.50/24"', 'primary');
    assert.equal(entry.family, undefined);
    assert.equal(entryFamily(entry), 'inet');
    assert.equal(entry.address?.prefix, 24);
  });

  test('peer, broadcast and state arguments are not taken for the address', () => {
    const { entry } = entryOf('ifconfig_em0_alias0="inet vhid 4 peer 10.0.0.2 state backup broadcast 10.0.0.255 pass x alias 10.0.0.5/32"');
    assert.equal(entry.address?.ip?.toString(), '10.0.0.5');
    assert.equal(entry.carp.peer?.value?.text, '10.0.0.2');
    assert.equal(entry.carp.state?.value?.text, 'backup');
  });

  test('non-numeric and missing values', () => {
    const bad = entryOf('ifconfig_em0_alias0="inet vhid one pass x alias 10.0.0.5/32"').entry;
    assert.equal(bad.carp.vhid?.value?.text, 'one');
    assert.equal(bad.carp.vhid?.number, undefined);
    const missing = entryOf('ifconfig_em0_alias0="inet 10.0.0.5/32 vhid"').entry;
    assert.equal(missing.carp.vhid?.value, undefined);
  });

  test('primary line: DHCP and vnet pseudo-words are dropped; CARP on the primary is kept', () => {
    const dhcp = entryOf('ifconfig_em0="DHCP vnet jail1 up"', 'primary').entry;
    assert.ok(dhcp.dhcp);
    assert.equal(dhcp.address, undefined);
    const carp = entryOf('ifconfig_em0="inet 10.0.0.1/24 vhid 1 pass x"', 'primary').entry;
    assert.equal(carp.carp.vhid?.number, 1);
  });

  test('_aliases splits at each family keyword', () => {
    const [a] = assignments('ifconfig_em0_aliases="inet 10.0.0.5/32 vhid 1 pass a inet6 2001:db8::5/128 vhid 2 pass b link 00:11:22:33:44:55"');
    const v = parseIfconfigValue(a.value, a.valueOffsets, 'multi');
    assert.deepEqual(v.entries.map((e) => [e.family, e.carp.vhid?.number, e.address?.ip?.toString()]), [
      ['inet', 1, '10.0.0.5'],
      ['inet6', 2, '2001:db8::5'],
      ['link', undefined, undefined],
    ]);
  });

  test('_aliases ignores words before the first family keyword; _aliasN reads them as inet', () => {
    const [a] = assignments('ifconfig_em0_aliases="vhid 1 10.0.0.4/32 inet 10.0.0.5/32 vhid 2 pass b"');
    const aliases = parseIfconfigValue(a.value, a.valueOffsets, 'aliases');
    assert.deepEqual(aliases.entries.map((e) => e.carp.vhid?.number), [2]);
    const multi = parseIfconfigValue(a.value, a.valueOffsets, 'multi');
    assert.deepEqual(multi.entries.map((e) => [e.family, e.familyWord?.text, e.carp.vhid?.number]), [['inet', undefined, 1], ['inet', 'inet', 2]]);
  });

  test('values the shell would expand are unknown', () => {
    const [a] = assignments('ifconfig_em0_alias0="inet vhid 1 pass $CARP_PASS alias 10.0.0.5/32"');
    assert.deepEqual(parseIfconfigValue(a.value, a.valueOffsets, 'single'), { entries: [], dynamic: true });
    for (const v of ["inet vhid 1 pass 'a b' alias 10.0.0.5/32", 'inet vhid 1 pass a;b', 'inet vhid 1 pass #x', 'inet vhid 1 pass `cat /k`']) {
      assert.equal(parseIfconfigValue(v, [...v].map((_, i) => i).concat(v.length), 'single').dynamic, true, v);
    }
    assert.equal(parseIfconfigValue('inet vhid 1 pass a#b', [], 'single').dynamic, false);
  });

  test('address words: ranges and junk', () => {
    assert.deepEqual({ ...parseAddressWord('192.168.1.1-5/28'), ip: undefined }, { family: 'inet', ip: undefined, prefix: 28, isRange: true });
    assert.equal(parseAddressWord('10'), undefined);
    assert.equal(parseAddressWord('10.0.0.1/33'), undefined);
    assert.equal(parseAddressWord('fe80::1%em0')?.family, 'inet6');
  });
});

describe('rc interface variables', () => {
  test('classifies names per network.subr', () => {
    assert.deepEqual(classifyIfVar('ifconfig_em0'), { role: 'primary', ifKey: 'em0' });
    assert.deepEqual(classifyIfVar('ifconfig_em0_5_alias12'), { role: 'alias', ifKey: 'em0_5', aliasNumber: 12 });
    assert.deepEqual(classifyIfVar('ifconfig_lagg0_aliases'), { role: 'aliases', ifKey: 'lagg0' });
    assert.deepEqual(classifyIfVar('ifconfig_em0_ipv6'), { role: 'ipv6', ifKey: 'em0' });
    assert.deepEqual(classifyIfVar('ipv4_addrs_em1'), { role: 'ipv4_addrs', ifKey: 'em1' });
    assert.equal(classifyIfVar('ifconfig_em0_descr'), undefined);
    assert.equal(classifyIfVar('ifconfig_DEFAULT'), undefined);
    assert.equal(classifyIfVar('sshd_enable'), undefined);
  });

  test('interface names map to variable keys and back', () => {
    assert.equal(ifVarKey('em0.5'), 'em0_5');
    assert.equal(ifVarKey('gif-0/1+x'), 'gif_0_1_x');
    assert.equal(ifNameOfKey('em0_5'), 'em0.5');
    assert.equal(ifNameOfKey('my_if', ['my-if']), 'my-if');
    assert.equal(ifNameOfKey('lagg0'), 'lagg0');
  });

  test('later files override, empty alias stops, order follows network.subr', () => {
    const list = listInterfaces([
      { uri: 'a', assignments: assignments('ifconfig_em0_alias1="inet 10.0.0.7/32"\nifconfig_em0="inet 10.0.0.1/24"\nifconfig_em0_alias0="inet 10.0.0.6/32"\nifconfig_em0_alias2=""\nifconfig_em0_alias3="inet 10.0.0.9/32"\ncloned_interfaces="lagg0 carp0:sticky"') },
      { uri: 'b', assignments: assignments('ifconfig_em0="inet 10.0.0.2/24"\nvlans_em0="5"\nifconfig_em0_5="inet 10.5.0.1/24"') },
    ]);
    const em0 = list.interfaces.get('em0')!;
    assert.equal(em0.sources.length, 6);
    assert.deepEqual(em0.items.map((i) => [i.entry.address?.ip?.toString(), i.applied]), [
      ['10.0.0.2', true],
      ['10.0.0.6', true],
      ['10.0.0.7', true],
      ['10.0.0.9', false],
    ]);
    assert.equal(em0.aliasStop, 2);
    assert.deepEqual(nextAliasNumber(em0), { n: 4, blocked: true });
    assert.equal(list.interfaces.get('em0_5')?.name, 'em0.5');
    assert.deepEqual(list.cloned.map((c) => c.name), ['lagg0', 'carp0']);
    assert.deepEqual(nextAliasNumber(undefined), { n: 0, blocked: false });
  });
});

describe('CARP parent and vhids', () => {
  const node = listInterfaces([
    {
      uri: 'rc',
      assignments: assignments(
        [
          'ifconfig_em0="inet 192.168.1.3 netmask 255.255.255.0"',
          'ifconfig_em1="inet 10.20.0.3/16"',
          'ifconfig_em1_ipv6="inet6 2001:db8:20::3 prefixlen 64"',
          'ifconfig_em2="inet 10.20.30.3/24"',
          'ifconfig_em0_alias0="inet vhid 1 pass testpass alias 192.168.1.50/32"',
          'ifconfig_em0_alias1="inet vhid 1 alias 192.168.1.51/32"',
          'ifconfig_carp0="vhid 2 pass old 10.20.0.50/16"',
        ].join('\n'),
      ),
    },
  ]);
  const parent = (ip: string): string => {
    const r = findParentInterface(node, ipaddr.parse(ip));
    return r.kind === 'found' ? r.iface.key : r.kind;
  };

  test('picks the interface whose subnet holds the VIP', () => {
    assert.equal(parent('192.168.1.50'), 'em0');
    assert.equal(parent('10.20.0.50'), 'em1');
    assert.equal(parent('2001:db8:20::50'), 'em1');
  });

  test('the longest prefix wins; CARP aliases and carpN define no subnet', () => {
    assert.equal(parent('10.20.30.50'), 'em2');
    assert.equal(parent('172.16.0.1'), 'none');
  });

  test('two interfaces in one subnet make the parent ambiguous', () => {
    const twin = listInterfaces([{ uri: 'rc', assignments: assignments('ifconfig_igb0="inet 192.168.1.10/24"\nifconfig_igb1="inet 192.168.1.11/24"') }]);
    const r = findParentInterface(twin, ipaddr.parse('192.168.1.50'));
    assert.equal(r.kind, 'ambiguous');
    assert.deepEqual(r.kind === 'ambiguous' ? r.candidates.map((c) => c.key) : [], ['igb0', 'igb1']);
  });

  test('vhid settings carry over to later commands that omit them', () => {
    const vhids = carpVhids(node);
    const em0 = vhids.find((v) => v.ifKey === 'em0' && v.vhid === 1)!;
    assert.equal(em0.addresses.length, 2);
    assert.equal(em0.pass?.param.value?.text, 'testpass');
    assert.equal(em0.items.length, 2);
    assert.ok(vhids.some((v) => v.ifKey === 'carp0' && v.vhid === 2));
  });

  test('each vhid knows its segment, the key for grouping nodes', () => {
    const vhids = carpVhids(node);
    assert.equal(vhids.find((v) => v.ifKey === 'em0')?.segment, '192.168.1.0/24');
    // carpN has no address of its own: the legacy /16 on the VIP is the only subnet known.
    assert.equal(vhids.find((v) => v.ifKey === 'carp0')?.segment, '10.20.0.0/16');
    const v6 = listInterfaces([
      { uri: 'rc', assignments: assignments('ifconfig_em0_ipv6="inet6 2001:db8:1::3/64"\nifconfig_em0_alias0="inet6 vhid 3 pass x alias 2001:db8:1::50/128"') },
    ]);
    assert.equal(carpVhids(v6)[0].segment, '2001:db8:1::/64');
  });
});

describe('password masking', () => {
  test('fixed length unless asked', () => {
    assert.equal(maskPassword('a'), MASKED_PASSWORD);
    assert.equal(maskPassword('a-much-longer-password-than-that'), MASKED_PASSWORD);
    assert.equal(maskPassword('secret', true), 'secret');
  });
});
