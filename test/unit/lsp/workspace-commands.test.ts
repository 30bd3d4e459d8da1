import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { AnalysisService } from '../../../server/src/lsp/analysis-service';
import { Lifecycle } from '../../../server/src/lsp/lifecycle';
import { SOURCE } from '../../../server/src/lsp/convert';
import { DiagnosticTally, registerWorkspaceCommands } from '../../../server/src/lsp/workspace-commands';
import {
  CheckWorkspaceRequest, DIAGNOSTIC_SOURCE, ManifestDraftRequest, type CheckWorkspaceResult, type ManifestDraft,
} from '../../../server/src/protocol';
import { FIXTURES } from '../../helpers/workspace';
import { makeTempDir } from '../../helpers/temp';

const at = (severity: DiagnosticSeverity): Diagnostic => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity, message: 'm' });

/** The server's workspace requests bound to an analysis service over a temp copy of a fixture, as server.ts binds them. */
async function serverOn(fixture: string): Promise<{
  dir: string;
  service: AnalysisService;
  published: Map<string, Diagnostic[]>;
  request: <R>(method: string, params?: unknown) => Promise<R>;
}> {
  const dir = makeTempDir('fc-wscmd-');
  fs.cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  const folder = pathToFileURL(dir).href;
  const tally = new DiagnosticTally();
  const published = new Map<string, Diagnostic[]>();
  const service = new AnalysisService({
    publish: (uri, d) => {
      tally.record(uri, d);
      published.set(uri, d);
    },
    log: () => undefined,
    docsUrl: 'https://example.invalid/',
    relatedSupport: () => true,
  });
  const handlers = new Map<string, (params: unknown) => unknown>();
  const connection = { onRequest: (type: { method: string }, handler: (params: unknown) => unknown) => handlers.set(type.method, handler) } as unknown as Connection;
  registerWorkspaceCommands(connection, { service, lifecycle: new Lifecycle(() => undefined), tally, rescan: () => service.scan([folder]), folders: () => [folder] });
  await service.scan([folder]);
  return { dir, service, published, request: async (method, params) => (await handlers.get(method)!(params)) as never };
}

describe('workspace commands (server side)', () => {
  test('the diagnostic source the client filters on is the one the server publishes', () => {
    assert.equal(DIAGNOSTIC_SOURCE, SOURCE);
  });

  test('the tally counts the last publication per file by severity, and forgets a file published empty', () => {
    const tally = new DiagnosticTally();
    tally.record('file:///a', [at(DiagnosticSeverity.Error), at(DiagnosticSeverity.Warning), at(DiagnosticSeverity.Hint)]);
    tally.record('file:///b', [at(DiagnosticSeverity.Information)]);
    assert.deepEqual(tally.totals(), { errors: 1, warnings: 1, information: 1, hints: 1, filesWithProblems: 1 });
    tally.record('file:///a', [at(DiagnosticSeverity.Warning)]);
    tally.record('file:///b', []);
    assert.deepEqual(tally.totals(), { errors: 0, warnings: 1, information: 0, hints: 0, filesWithProblems: 1 });
  });

  test('checkWorkspace rescans the disk: a file added and a file deleted unseen are counted and dropped', async () => {
    const s = await serverOn('e2e-cluster');
    const first = await s.request<CheckWorkspaceResult>(CheckWorkspaceRequest.method);
    assert.equal(first.status.scanned, true);
    assert.equal(first.status.nodes, 4, 'the edge pair fw1, fw2 and the DMZ pair fw3, fw4');
    const errors = [...s.published.values()].flat().filter((d) => d.severity === DiagnosticSeverity.Error).length;
    assert.ok(errors > 0);
    assert.equal(first.errors, errors);

    // No watcher tells the service: the check must find both changes itself.
    fs.writeFileSync(path.join(s.dir, 'fw1', 'etc', 'rc.conf.local'), 'sshd_enable="sure"\n');
    const pf = path.join(s.dir, 'fw2', 'etc', 'pf.conf');
    const pfUri = pathToFileURL(pf).href;
    assert.ok((s.published.get(pfUri) ?? []).length > 0, 'fw2 pf.conf has a finding before it is deleted');
    fs.rmSync(pf);
    const second = await s.request<CheckWorkspaceResult>(CheckWorkspaceRequest.method);
    assert.equal(s.service.workspace.get(pfUri), undefined, 'the deleted file left the index');
    assert.deepEqual(s.published.get(pfUri), [], 'and its diagnostics were cleared');
    const local = s.published.get(pathToFileURL(path.join(s.dir, 'fw1', 'etc', 'rc.conf.local')).href) ?? [];
    assert.ok(local.some((d) => d.code === 'rc/invalid-yes-no'), 'the new file was read and checked');
    assert.equal(second.status.files, first.status.files, 'one file more, one file less');
    const now = [...s.published.values()].flat();
    assert.equal(second.errors, now.filter((d) => d.severity === DiagnosticSeverity.Error).length);
    assert.equal(second.warnings, now.filter((d) => d.severity === DiagnosticSeverity.Warning).length);
  });

  test('manifestDraft answers the draft for the first folder, or for the folder asked for', async () => {
    const s = await serverOn('topology-pair');
    const folder = pathToFileURL(s.dir).href;
    const draft = await s.request<ManifestDraft>(ManifestDraftRequest.method, null);
    assert.equal(draft.folder, folder);
    assert.deepEqual([draft.nodes, draft.clusters], [2, 1]);
    assert.match(draft.text, /"fw": \{ "nodes": \["fw1", "fw2"\], "primary": "fw1" \}/);
    // A folder as VS Code spells it (a trailing slash): the same nodes, relative to it.
    const asked = await s.request<ManifestDraft>(ManifestDraftRequest.method, { folder: `${folder}/` });
    assert.equal(asked.text, draft.text);
    assert.equal(asked.folder, `${folder}/`);
  });
});
