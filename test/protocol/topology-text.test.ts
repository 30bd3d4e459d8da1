import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';
import { FIXTURES } from '../helpers/workspace';
import { makeTempDir } from '../helpers/temp';
import { parseMermaid, renderDot } from '../helpers/diagrams';
import { TopologyTextRequest, type TopologyTextFormat } from '../../server/src/protocol';

describe('freebsdConf/topologyText: the diagram export the editor asks for', () => {
  let client: TestClient;

  before(async () => {
    const dir = makeTempDir('fc-topology-text-');
    fs.cpSync(path.join(FIXTURES, 'topology-pair'), dir, { recursive: true });
    client = TestClient.start('ipc');
    await client.initialize(dir);
    await client.waitFor('the workspace scan', () => client.status?.scanned);
  });
  after(() => client.stop());

  test('mermaid: a valid flowchart with fw1 MASTER, then, with fw1 failed, fw2 MASTER and fw1 crossed out', async () => {
    const healthy = await client.connection.sendRequest(TopologyTextRequest, { format: 'mermaid' });
    assert.equal(await parseMermaid(healthy), 'flowchart-v2');
    assert.match(healthy, /==>\|"MASTER<br>em0[^|]*\| c0n0/);
    const failed = await client.connection.sendRequest(TopologyTextRequest, { format: 'mermaid', failed: ['fw1'] });
    assert.match(failed, /==>\|"MASTER<br>em0[^|]*\| c0n1/);
    assert.match(failed, /-\.-x\|"FAILED<br>em0[^|]*\| c0n0/);
    assert.match(failed, /class c0n0 failed/);
  });

  test('dot: a graph Graphviz renders', async () => {
    const dot = await client.connection.sendRequest(TopologyTextRequest, { format: 'dot', failed: ['fw2'] });
    assert.match(await renderDot(dot), /<svg/);
  });

  test('no password is in either format', async () => {
    for (const format of ['mermaid', 'dot'] as TopologyTextFormat[]) {
      const text = await client.connection.sendRequest(TopologyTextRequest, { format });
      assert.doesNotMatch(text, /outsidekey1|insidekey2|pass/);
    }
  });

  test('an unknown format or no params is InvalidParams, and the server goes on answering', async () => {
    for (const params of [{ format: 'svg' }, null]) {
      await assert.rejects(
        client.connection.sendRequest(TopologyTextRequest, params as never),
        (e: unknown) => e instanceof ResponseError && e.code === ErrorCodes.InvalidParams,
      );
    }
    assert.match(await client.connection.sendRequest(TopologyTextRequest, { format: 'dot' }), /^digraph/);
  });
});
