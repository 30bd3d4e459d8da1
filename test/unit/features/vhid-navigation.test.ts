import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadFixture, workspaceFromFiles, type TestWorkspace } from '../../helpers/workspace';
import { docOf, lineSpans, posOf, type LineSpan } from '../../helpers/positions';
import { vhidDefinition, vhidReferences } from '../../../server/src/features/vhid-navigation';
import { vhidSpotAt } from '../../../server/src/features/vhid-spot';

// test/fixtures/nav-cluster: vhid 1 on fw1 (advskew 0, IPv4 and IPv6 on two alias lines), fw2 (its first alias line
// replaced by rc.conf.local, advskew 100) and fw3 (an _aliases line, advskew 200); vhid 12 tied between fw1 and fw2;
// vhid 4 on fw3 alone.
const nav = loadFixture('nav-cluster');
const FW1 = 'fw1/etc/rc.conf';
const FW2 = 'fw2/etc/rc.conf';
const FW2_LOCAL = 'fw2/etc/rc.conf.local';
const FW3 = 'fw3/etc/rc.conf';

function definition(t: TestWorkspace, rel: string, needle: string, delta = 0, nth = 0): LineSpan[] {
  return lineSpans(t, vhidDefinition(docOf(t, rel), posOf(t, rel, needle, delta, nth), t.ws));
}

function references(t: TestWorkspace, rel: string, needle: string, delta = 0, nth = 0): LineSpan[] {
  return lineSpans(t, vhidReferences(docOf(t, rel), posOf(t, rel, needle, delta, nth), t.ws));
}

/** vhid 1's introducing line on each node, at the vhid number. */
const VHID1_NUMBERS: LineSpan[] = [[FW1, 4, 31, 32], [FW2_LOCAL, 1, 31, 32], [FW3, 4, 32, 33]];

describe('go to definition on a vhid', () => {
  test('the vhid number goes to the line that introduces the vhid on every node, the override in rc.conf.local for fw2', () => {
    assert.deepEqual(definition(nav, FW1, 'inet vhid 1 advskew 0', 10), VHID1_NUMBERS);
  });

  test('the vhid keyword, its first character and its end, answers the same', () => {
    assert.deepEqual(definition(nav, FW1, 'inet vhid 1 advskew 0', 5), VHID1_NUMBERS);
    assert.deepEqual(definition(nav, FW1, 'inet vhid 1 advskew 0', 9), VHID1_NUMBERS, 'just after `vhid`');
  });

  test('a two-digit vhid: its first and last digit and the position just after it', () => {
    const tie: LineSpan[] = [[FW1, 7, 31, 33], [FW2, 7, 31, 33]];
    for (const delta of [10, 11, 12]) assert.deepEqual(definition(nav, FW1, 'inet vhid 12', delta), tie, `delta ${delta}`);
    // One further is the advskew keyword: another part, another answer.
    assert.deepEqual(definition(nav, FW1, 'inet vhid 12', 13), [[FW1, 7, 34, 44], [FW2, 7, 34, 44]]);
  });

  test('from the second alias line of a vhid (IPv6) and from a member in an _aliases line', () => {
    assert.deepEqual(definition(nav, FW1, 'inet6 vhid 1', 11), VHID1_NUMBERS);
    assert.deepEqual(definition(nav, FW3, 'inet6 vhid 1', 11), VHID1_NUMBERS);
  });

  test('advskew, on the keyword or its value, goes to each member\'s advskew in force', () => {
    const advskews: LineSpan[] = [[FW1, 4, 33, 42], [FW2_LOCAL, 1, 33, 44], [FW3, 4, 34, 45]];
    assert.deepEqual(definition(nav, FW1, 'advskew 0'), advskews);
    assert.deepEqual(definition(nav, FW1, 'advskew 0', 8), advskews);
    assert.deepEqual(definition(nav, FW3, 'advskew 200', 10), advskews, 'the end of 200');
  });

  test('pass goes to each member\'s pass, keyword and password', () => {
    assert.deepEqual(definition(nav, FW2_LOCAL, 'pass uplink'), [[FW1, 4, 43, 58], [FW2_LOCAL, 1, 45, 60], [FW3, 4, 46, 61]]);
  });

  test('a VIP goes to the line that adds the same address on each node', () => {
    assert.deepEqual(definition(nav, FW1, '192.0.2.1/32', 3), [[FW1, 4, 65, 77], [FW2_LOCAL, 1, 67, 79], [FW3, 4, 68, 80]]);
    assert.deepEqual(definition(nav, FW2, '2001:db8:1::1/64', 0, 0), [[FW1, 5, 40, 56], [FW2, 5, 40, 56], [FW3, 4, 100, 116]]);
  });

  test('a vhid with no peer has one member: its own line', () => {
    assert.deepEqual(definition(nav, FW3, 'inet vhid 4', 10), [[FW3, 4, 127, 128]]);
  });

  test('a line rc.conf.local overrides still leads to the group as configured', () => {
    assert.deepEqual(definition(nav, FW2, 'inet vhid 1 advskew 20', 10), VHID1_NUMBERS);
  });

  test('nothing on words that are no vhid part, on other variables, or on a vhid ifconfig refuses', () => {
    for (const [needle, delta] of [['inet vhid 1 advskew 0', 1], ['alias 192.0.2.1', 2], ['ifconfig_em0_alias0', 3], ['192.0.2.2/24', 2], ['fw1.example', 1], ['preferred MASTER', 0]] as const) {
      assert.deepEqual(definition(nav, FW1, needle, delta), [], needle);
    }
    const bad = workspaceFromFiles({ 'n1/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 300 pass k alias 192.0.2.1/32"\n' });
    assert.deepEqual(definition(bad, 'n1/etc/rc.conf', 'vhid 300', 6), []);
  });

  test('peer and peer6 go to each member\'s unicast peer', () => {
    const t = workspaceFromFiles({
      'n1/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 3 pass k peer 192.0.2.3 alias 192.0.2.10/32"\n',
      'n2/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0="inet vhid 3 advskew 100 pass k peer 192.0.2.2 alias 192.0.2.10/32"\n',
    });
    const peers: LineSpan[] = [['n1/etc/rc.conf', 1, 40, 54], ['n2/etc/rc.conf', 1, 52, 66]];
    assert.deepEqual(definition(t, 'n1/etc/rc.conf', 'peer 192'), peers);
    assert.deepEqual(definition(t, 'n2/etc/rc.conf', '192.0.2.2 alias', 3), peers, 'on the peer address');
  });

  test('a legacy ifconfig_carp0 line is a member of its group too (INACTIVE in the election, still a line of the group)', () => {
    const legacy = loadFixture('topology-legacy');
    const both: LineSpan[] = [['fw1/etc/rc.conf', 3, 31, 32], ['fw2/etc/rc.conf', 4, 21, 22]];
    assert.deepEqual(definition(legacy, 'fw2/etc/rc.conf', 'vhid 1', 5), both);
    assert.deepEqual(definition(legacy, 'fw1/etc/rc.conf', 'vhid 1', 5), both);
  });

  test('the obsolete ipv6_ifconfig_<if>_alias<N>, which the model does not count, leads to the group its vhid and address join', () => {
    const t = workspaceFromFiles({
      'n1/etc/rc.conf': 'ifconfig_em0_ipv6="inet6 2001:db8::2/64"\nifconfig_em0_alias0="inet6 vhid 5 pass k alias 2001:db8::1/64"\n',
      'n2/etc/rc.conf': 'ifconfig_em0_ipv6="inet6 2001:db8::3/64"\nipv6_ifconfig_em0_alias0="2001:db8::1/64 vhid 5 advskew 100 pass k"\n',
    });
    assert.deepEqual(definition(t, 'n2/etc/rc.conf', 'vhid 5', 5), [['n1/etc/rc.conf', 1, 32, 33]]);
    assert.deepEqual(definition(t, 'n2/etc/rc.conf', '2001:db8::1/64'), [['n1/etc/rc.conf', 1, 47, 61]]);
    const n2 = docOf(t, 'n2/etc/rc.conf');
    assert.equal(vhidSpotAt(n2, n2.text.indexOf('vhid 5') + 5, t.ws, 'strict')?.notInForce?.why, 'not-modelled');
  });

  test('a line after an empty alias, which network.subr never runs, leads to the group of its vhid and address', () => {
    const t = workspaceFromFiles({
      'n1/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 192.0.2.1/32"\n',
      'n2/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0=""\nifconfig_em0_alias1="inet vhid 1 advskew 100 pass k alias 192.0.2.1/32"\n',
    });
    assert.deepEqual(definition(t, 'n2/etc/rc.conf', 'vhid 1', 5), [['n1/etc/rc.conf', 1, 31, 32]]);
    const n2 = docOf(t, 'n2/etc/rc.conf');
    const spot = vhidSpotAt(n2, n2.text.indexOf('vhid 1') + 5, t.ws, 'strict');
    assert.deepEqual(spot?.notInForce, { why: 'after-empty-alias', stop: 0 });
  });

  test('files other than rc.conf have no vhid to navigate', () => {
    const doc = docOf(nav, 'fw1/boot/loader.conf');
    assert.deepEqual(vhidDefinition(doc, { line: 1, character: 2 }, nav.ws), []);
    assert.deepEqual(vhidReferences(doc, { line: 1, character: 2 }, nav.ws), []);
  });
});

describe('find references on a vhid', () => {
  test('every line of every member: both alias lines of fw1 and fw2, both entries of fw3\'s _aliases line', () => {
    const all: LineSpan[] = [[FW1, 4, 31, 32], [FW1, 5, 32, 33], [FW2_LOCAL, 1, 31, 32], [FW2, 5, 32, 33], [FW3, 4, 32, 33], [FW3, 4, 92, 93]];
    assert.deepEqual(references(nav, FW1, 'inet vhid 1 advskew 0', 10), all);
    assert.deepEqual(references(nav, FW3, 'inet6 vhid 1', 6), all, 'from the keyword of the second entry');
  });

  test('at the part under the cursor where the line states it, else at its vhid number', () => {
    assert.deepEqual(references(nav, FW1, 'advskew 0'), [[FW1, 4, 33, 42], [FW1, 5, 32, 33], [FW2_LOCAL, 1, 33, 44], [FW2, 5, 32, 33], [FW3, 4, 34, 45], [FW3, 4, 92, 93]]);
    assert.deepEqual(references(nav, FW1, '2001:db8:1::1'), [[FW1, 4, 65, 77], [FW1, 5, 40, 56], [FW2_LOCAL, 1, 67, 79], [FW2, 5, 40, 56], [FW3, 4, 68, 80], [FW3, 4, 100, 116]]);
  });

  test('the line rc.conf.local replaces is no member line', () => {
    const refs = references(nav, FW2, 'inet vhid 1 advskew 20', 10);
    assert.ok(!refs.some(([file, line]) => file === FW2 && line === 4), JSON.stringify(refs));
    assert.equal(refs.length, 6);
  });
});
