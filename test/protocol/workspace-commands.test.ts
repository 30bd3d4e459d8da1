import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../helpers/lsp-client';
import { FIXTURES } from '../helpers/workspace';
import { makeTempDir } from '../helpers/temp';
import { CheckWorkspaceRequest, ManifestDraftRequest, TopologyRequest } from '../../server/src/protocol';

describe('freebsdConf/checkWorkspace and freebsdConf/manifestDraft, on the e2e pair', () => {
  let client: TestClient;
  let dir: string;
  const uri = (rel: string): string => pathToFileURL(path.join(dir, rel)).href;

  before(async () => {
    dir = makeTempDir('fc-wscmd-');
    fs.cpSync(path.join(FIXTURES, 'e2e-cluster'), dir, { recursive: true });
    client = TestClient.start('ipc');
    await client.initialize(dir);
    await client.waitFor('the workspace scan', () => client.status?.scanned);
  });
  after(() => client.stop());

  test('checkWorkspace answers after a new scan, with the counts of what is published', async () => {
    const scansBefore = client.topologyChanges.length;
    const result = await client.connection.sendRequest(CheckWorkspaceRequest);
    assert.equal(result.status.scanned, true);
    assert.equal(result.status.nodes, 4, 'the edge pair fw1, fw2 and the DMZ pair fw3, fw4');
    const all = [...client.diagnostics.values()].flat();
    assert.equal(result.errors, all.filter((d) => d.severity === 1).length);
    assert.equal(result.warnings, all.filter((d) => d.severity === 2).length);
    assert.ok(result.errors >= 4, `the fixture's known errors; got ${JSON.stringify(result)}`);
    assert.equal(result.filesWithProblems, [...client.diagnostics.values()].filter((ds) => ds.some((d) => d.severity! <= 2)).length);
    // A scan notifies the topology as well, so the views refresh.
    await client.waitFor('topologyChanged after the check', () => client.topologyChanges.length > scansBefore);
  });

  test('two checks asked at once both answer (one scan after the other), with the same result', async () => {
    const [a, b] = await Promise.all([client.connection.sendRequest(CheckWorkspaceRequest), client.connection.sendRequest(CheckWorkspaceRequest)]);
    assert.deepEqual(a.status, b.status);
    assert.equal(a.errors, b.errors);
  });

  test('manifestDraft names both nodes and makes the predicted MASTER the primary', async () => {
    const draft = await client.connection.sendRequest(ManifestDraftRequest, { folder: pathToFileURL(dir).href });
    assert.ok(draft);
    const topology = await client.connection.sendRequest(TopologyRequest, {});
    assert.deepEqual(topology.clusters[0].groups.map((g) => g.master), [uri('fw1'), uri('fw1')]);
    assert.match(draft.text, /"fw1": "fw1",\n {4}"fw2": "fw2",\n {4}"fw3": "fw3",\n {4}"fw4": "fw4"\n/);
    assert.match(draft.text, /"fw": \{ "nodes": \["fw1", "fw2"\], "primary": "fw1" \}/);
    assert.match(draft.text, /"fw-2": \{ "nodes": \["fw3", "fw4"\], "primary": "fw3" \}/, 'the DMZ pair, named apart from the edge pair and from the node fw2');
    assert.deepEqual([draft.nodes, draft.clusters, draft.folder], [4, 2, pathToFileURL(dir).href]);
  });

  test('the draft written as freebsd-conf.json is read by the server without a diagnostic', async () => {
    const draft = await client.connection.sendRequest(ManifestDraftRequest, null);
    assert.ok(draft);
    const manifest = uri('freebsd-conf.json');
    await client.open(manifest, 'jsonc', draft.text);
    const diagnostics = await client.waitForDiagnostics(manifest, () => true);
    assert.deepEqual(diagnostics, []);
  });
});
