import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, loadFixture, rangeOf, workspaceFromFiles } from '../../helpers/workspace';

const messages = (text: string): string[] => {
  const t = workspaceFromFiles({ 'h/etc/pf.conf': text });
  return findingsOf(t, 'h/etc/pf.conf', 'pf/invalid-address').map((f) => `${f.range.start.line}: ${f.message}`);
};

describe('pf/invalid-address', () => {
  test('bad addresses on fw1: a table entry, a prefix, an address in a macro, a dynamic modifier', () => {
    const t = loadFixture('pf-addresses');
    const found = findingsOf(t, 'fw1/etc/pf.conf', 'pf/invalid-address', 4);
    assert.deepEqual(found.map(rangeOf), [[6, 34, 6, 51], [13, 34, 13, 49], [15, 32, 15, 43], [16, 32, 16, 45]]);
    assert.equal(found[0].message, "invalid netmask '/129': a prefix length goes from 0 to 32 for IPv4 and 0 to 128 for IPv6 — pfctl refuses to load the file.");
    assert.equal(found[1].message, 'invalid netmask: /33 is longer than an IPv4 address (prefix lengths go from 0 to 32), so it cannot be what was meant');
    assert.equal(found[2].message, "'192.168.10.256' is not a valid IPv4 address (four numbers from 0 to 255); pfctl cannot parse this host specification — pfctl refuses to load the file.");
    assert.deepEqual(found[2].related?.map((r) => [r.range.start.line, r.range.start.character, r.message]), [[4, 13, "macro 'ntp_server' is defined here"]]);
    assert.equal(found[3].message, "interface em1:net has bad modifier ':net' (use :network, :broadcast, :peer or :0) — pfctl refuses to load the file.");
    assert.equal(found[0].fixes, undefined);
  });

  test('other forms pfctl refuses', () => {
    assert.deepEqual(
      messages(
        [
          'pass from 00:1b:21:3a:4f:10 to any',
          'pass from 192.0.2.1 - 2001:db8::1 to any',
          'pass from any to urpf-failed',
          'pass to (192.0.2.1)',
          'pass to (em0)/200',
          'pass to (em0:network:broadcast)',
          'pass to 2001:db8:::1',
          'nat on em0 from any to any -> 10.0.0.300',
          'table <t> { 10.0.0.1 - 10.0.0.9 }',
          '',
        ].join('\n'),
      ).map((m) => m.replace(/ — pfctl refuses to load the file\.$/, '')),
      [
        "8: address ranges are not permitted inside tables",
        "0: '00:1b:21:3a:4f:10' is a MAC address, not an IP address; only ether rules match MAC addresses, so pfctl cannot parse this host specification",
        '1: invalid address range: 192.0.2.1 and 2001:db8::1 are not of the same address family',
        "2: \"urpf-failed\" is not permitted in a destination address: it tests the source's route",
        "3: invalid interface name '192.0.2.1': the (…) form follows the addresses of an interface, written as a name such as (em0)",
        '4: bit number too big: a prefix length goes from 0 to 32 for IPv4 and 0 to 128 for IPv6',
        '5: illegal combination of interface modifiers: :network, :broadcast and :peer exclude each other',
        "6: '2001:db8:::1' is not a valid IPv6 address; pfctl cannot parse this host specification",
        "7: '10.0.0.300' is not a valid IPv4 address (four numbers from 0 to 255); pfctl cannot parse this host specification",
      ],
    );
  });

  test('no false alarm: names pfctl resolves, interface forms, CIDR shorthands, scoped and mapped IPv6, MACs in ether rules', () => {
    const text = [
      'pass in from www.example.com to host-1.lan',
      'pass in from em0:network to (em0:0)',
      'pass in from 10/8 to 2001:db8::/48',
      'pass in from fe80::1%em0 to ::1',
      'pass in from ::ffff:192.0.2.1 to self',
      'pass in from 010.0.0.1 to 192.0.2.0/24',
      'pass in from urpf-failed to no-route',
      'pass in from ! 192.0.2.1 - 192.0.2.9 to { 198.51.100.0/24 !198.51.100.7 }',
      'ether pass in on bridge0 from 00:1b:21:3a:4f:10',
      'pass out route-to (em1 192.0.2.254) from any to any',
      '',
    ].join('\n');
    assert.deepEqual(messages(text), []);
  });
});
