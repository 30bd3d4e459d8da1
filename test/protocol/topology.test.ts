import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../helpers/lsp-client';
import { FIXTURES } from '../helpers/workspace';
import { makeTempDir } from '../helpers/temp';
import { TopologyRequest, type TopologyGroup, type TopologyResult } from '../../server/src/protocol';

const roles = (g: TopologyGroup): string[] => g.members.map((m) => `${m.node} ${m.role}`);
const groups = (r: TopologyResult): TopologyGroup[] => r.clusters.flatMap((c) => c.groups);

describe('freebsdConf/topology and freebsdConf/topologyChanged, on a two-node cluster', () => {
  let client: TestClient;
  let dir: string;
  let uri: (rel: string) => string;

  before(async () => {
    dir = makeTempDir('fc-topology-');
    fs.cpSync(path.join(FIXTURES, 'topology-pair'), dir, { recursive: true });
    uri = (rel) => pathToFileURL(path.join(dir, rel)).href;
    client = TestClient.start('ipc');
    await client.initialize(dir);
    await client.waitFor('the workspace scan', () => client.status?.scanned);
  });
  after(() => client.stop());

  test('the scan is followed by a topologyChanged notification', async () => {
    const first = await client.waitFor('topologyChanged after the scan', () => client.topologyChanges[0]);
    assert.deepEqual(first, { clusters: 1 });
  });

  test('the request answers clusters, groups and members with roles and alias-line locations, and no password', async () => {
    const r = await client.connection.sendRequest(TopologyRequest, {});
    assert.deepEqual(r.clusters[0].nodes.map((n) => [n.name, n.root, n.failed]), [
      ['fw1', uri('fw1'), false],
      ['fw2', uri('fw2'), false],
    ]);
    const [vhid1, vhid2] = groups(r);
    assert.deepEqual([vhid1.vhid, vhid1.segment, vhid1.addresses, vhid1.master, vhid1.tie], [1, '192.0.2.0/24', ['192.0.2.1', '2001:db8:1::1'], uri('fw1'), false]);
    assert.deepEqual(roles(vhid2), ['fw1 MASTER', 'fw2 BACKUP']);
    const fw2 = vhid1.members[1];
    assert.deepEqual(
      [fw2.interface, fw2.vhid, fw2.advbase, fw2.advskew, fw2.interval, fw2.tie],
      ['em0', 1, 1, 100, 1 + 100 / 256, false],
    );
    assert.deepEqual(fw2.location, { uri: uri('fw2/etc/rc.conf'), range: { start: { line: 5, character: 0 }, end: { line: 5, character: 81 } } });
    assert.ok(!/outsidekey1|insidekey2/.test(JSON.stringify(r)));
  });

  test('with a failed node, by name or by root: it is FAILED and the other is MASTER', async () => {
    for (const failed of [['fw1'], [uri('fw1')]]) {
      const r = await client.connection.sendRequest(TopologyRequest, { failed });
      assert.deepEqual(r.failed, [uri('fw1')]);
      for (const g of groups(r)) assert.deepEqual(roles(g), ['fw2 MASTER', 'fw1 FAILED']);
      assert.deepEqual(r.clusters[0].nodes.map((n) => n.failed), [true, false]);
    }
  });

  test('unknown names are returned apart; malformed params are read as no failure', async () => {
    const r = await client.connection.sendRequest(TopologyRequest, { failed: ['fw9', 42 as unknown as string] });
    assert.deepEqual([r.failed, r.unknown], [[], ['fw9']]);
    for (const params of [null, { failed: 'fw1' as unknown as string[] }]) {
      const plain = await client.connection.sendRequest(TopologyRequest, params);
      assert.deepEqual(plain.failed, []);
      assert.equal(plain.clusters.length, 1);
    }
  });

  test('an edit that changes the MASTER is notified, and the request then answers the new MASTER', async () => {
    const file = uri('fw1/etc/rc.conf');
    const text = fs.readFileSync(path.join(dir, 'fw1/etc/rc.conf'), 'utf8');
    await client.open(file, 'rc-conf', text);
    const before = client.topologyChanges.length;
    await client.replaceText(file, text.replace('vhid 2 advskew 0', 'vhid 2 advskew 200'));
    await client.waitFor('topologyChanged after the edit', () => client.topologyChanges.length > before);
    const r = await client.connection.sendRequest(TopologyRequest, {});
    assert.deepEqual(roles(groups(r)[1]), ['fw2 MASTER', 'fw1 BACKUP']);
    assert.deepEqual(roles(groups(r)[0]), ['fw1 MASTER', 'fw2 BACKUP']);
  });
});
