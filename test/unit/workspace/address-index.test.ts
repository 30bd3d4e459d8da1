import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { reportedOf, workspaceFromFiles } from '../../helpers/workspace';

const roots = (list: readonly { root: string }[]): string[] => list.map((h) => h.root.replace('file:///ws/', '')).sort();

describe('the workspace address index', () => {
  test('holders follow edits, additions and removals', () => {
    const t = workspaceFromFiles({
      'a/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.10/24"\n',
      'b/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.10/24"\n',
    });
    assert.deepEqual(roots(t.ws.addressHolders('192.0.2.10')), ['a', 'b']);
    t.ws.set(t.uri('b/etc/rc.conf'), 'rc', 'ifconfig_em0="inet 192.0.2.11/24"\n');
    assert.deepEqual(roots(t.ws.addressHolders('192.0.2.10')), ['a']);
    assert.deepEqual(roots(t.ws.addressHolders('192.0.2.11')), ['b']);
    reportedOf(t, 'a/etc/rc.conf', 'net/duplicate-address', 0);
    t.ws.set(t.uri('c/etc/rc.conf.local'), 'rc', 'ifconfig_em1="inet 192.0.2.10/24"\n');
    assert.deepEqual(roots(t.ws.addressHolders('192.0.2.10')), ['a', 'c']);
    reportedOf(t, 'a/etc/rc.conf', 'net/duplicate-address', 1);
    t.ws.remove(t.uri('c/etc/rc.conf.local'));
    assert.deepEqual(roots(t.ws.addressHolders('192.0.2.10')), ['a']);
    reportedOf(t, 'a/etc/rc.conf', 'net/duplicate-address', 0);
  });

  test('an edit to one node re-reads that node only: the others keep their entries', () => {
    const t = workspaceFromFiles({
      'a/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.10/24"\n',
      'b/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.20/24"\n',
    });
    const before = t.ws.addressHolders('192.0.2.20')[0];
    t.ws.set(t.uri('a/etc/rc.conf'), 'rc', 'ifconfig_em0="inet 192.0.2.12/24"\n');
    assert.equal(t.ws.addressHolders('192.0.2.20')[0], before);
  });

  test("peers: the nodes whose findings depend on this node's addresses (a real address on one side at least)", () => {
    const t = workspaceFromFiles({
      'fw1/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.2/24"\nifconfig_em0_alias0="inet vhid 1 pass k alias 192.0.2.1/32"\n',
      'fw2/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.3/24"\nifconfig_em0_alias0="inet vhid 1 advskew 100 pass k alias 192.0.2.1/32"\n',
      'srv/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.1/24"\n',
      'copy/etc/rc.conf': 'ifconfig_em0="inet 192.0.2.3/24"\n',
      'other/etc/rc.conf': 'ifconfig_em0="inet 198.51.100.9/24"\n',
    });
    const peers = (rel: string): string[] => t.ws.addressPeersOf(t.uri(rel)).map((r) => r.replace('file:///ws/', '')).sort();
    assert.deepEqual(peers('srv/etc/rc.conf'), ['fw1', 'fw2']);
    assert.deepEqual(peers('fw1/etc/rc.conf'), ['srv'], 'fw2 shares only the VIP with fw1: the cluster index covers that');
    assert.deepEqual(peers('fw2/etc/rc.conf'), ['copy', 'srv']);
    assert.deepEqual(peers('other/etc/rc.conf'), []);
  });
});
