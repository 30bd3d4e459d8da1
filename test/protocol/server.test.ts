import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  DidChangeWorkspaceFoldersNotification,
  CompletionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';
import { FIXTURES } from '../helpers/workspace';
import { makeTempDir } from '../helpers/temp';
import { capabilities } from '../../server/src/lsp/capabilities';
import { WorkspaceStatusRequest } from '../../server/src/protocol';

/** A private copy of a fixture, so nothing a test does leaks into the next; removed when this file's tests end. */
function copyFixture(name: string): string {
  const dir = makeTempDir('fc-proto-');
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

const codes = (d: Diagnostic[]): string[] => d.map((x) => String(x.code)).sort();

/** Applies the edits a code action makes to one document. */
function applyActionTo(action: CodeAction, uri: string, text: string): string {
  const edits = (action.edit?.documentChanges ?? [])
    .filter((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === uri)
    .flatMap((c) => c.edits)
    .concat(action.edit?.changes?.[uri] ?? []);
  return TextDocument.applyEdits(TextDocument.create(uri, 'rc-conf', 1, text), edits as never);
}

describe('language server over IPC, on a two-node cluster', () => {
  let client: TestClient;
  let dir: string;
  let uri: (rel: string) => string;

  before(async () => {
    dir = copyFixture('protocol-cluster');
    uri = (rel) => pathToFileURL(path.join(dir, rel)).href;
    client = TestClient.start('ipc');
    const init = await client.initialize(dir);
    assert.deepEqual(init.capabilities, JSON.parse(JSON.stringify(capabilities())));
    await client.waitFor('the workspace scan', () => client.status?.scanned);
  });
  after(() => client.stop());

  test('the scan indexes every node and reports it through the typed status request', async () => {
    const status = await client.connection.sendRequest(WorkspaceStatusRequest);
    assert.equal(status.files, 4);
    assert.equal(status.nodes, 2);
    assert.deepEqual(status.skipped, []);
  });

  test('files that are not open get diagnostics too', async () => {
    const d = await client.waitForDiagnostics(uri('fw2/boot/loader.conf'), (x) => x.length > 0);
    assert.ok(codes(d).includes('loader/legacy-if-carp'), codes(d).join());
    const legacy = d.find((x) => x.code === 'loader/legacy-if-carp')!;
    assert.equal(legacy.source, 'freebsd-conf');
    assert.equal(legacy.severity, 1);
    assert.deepEqual(legacy.range.start, { line: 1, character: 0 });
    assert.match(legacy.codeDescription!.href, /README\.md#loaderlegacy-if-carp$/);
  });

  test('didOpen publishes the diagnostics of the open buffer with code, source, href and fix data', async () => {
    const u = uri('fw1/etc/rc.conf');
    const text = fs.readFileSync(path.join(dir, 'fw1/etc/rc.conf'), 'utf8');
    client.clear(u);
    await client.open(u, 'rc-conf', text);
    const d = await client.waitForDiagnostics(u, (x) => x.length > 0);
    // fw2 means preempt on (in loader.conf, where it is ignored) and fw1 does not set it: a cross-node finding lands here too.
    assert.deepEqual(codes(d), ['carp/preempt-mismatch', 'rc/duplicate-assignment', 'rc/invalid-yes-no']);
    const yesNo = d.find((x) => x.code === 'rc/invalid-yes-no')!;
    assert.deepEqual(yesNo.range, { start: { line: 6, character: 10 }, end: { line: 6, character: 17 } });
    assert.ok(Array.isArray((yesNo.data as { fixes: unknown[] }).fixes));
    const dup = d.find((x) => x.code === 'rc/duplicate-assignment')!;
    assert.equal(dup.range.start.line, 4);
    assert.deepEqual(dup.tags, [1]);
    assert.equal(dup.relatedInformation?.[0].location.range.start.line, 7);
  });

  test('a quick-fix applied to the buffer removes its diagnostic and adds none', async () => {
    const u = uri('fw1/etc/rc.conf');
    const text = fs.readFileSync(path.join(dir, 'fw1/etc/rc.conf'), 'utf8');
    const before = await client.waitForDiagnostics(u, (x) => x.some((d) => d.code === 'rc/invalid-yes-no'));
    const target = before.find((d) => d.code === 'rc/invalid-yes-no')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: u },
      range: target.range,
      context: { diagnostics: [target], only: ['quickfix'] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Ignore rc/invalid-yes-no on this line'), titles.join(' | '));
    const fix = actions.find((a) => a.isPreferred) ?? actions[0];
    const fixed = applyActionTo(fix, u, text);
    assert.notEqual(fixed, text);
    client.clear(u);
    await client.replaceText(u, fixed);
    const after = await client.waitForDiagnostics(u, () => true);
    assert.deepEqual(codes(after), codes(before).filter((c) => c !== 'rc/invalid-yes-no'));
  });

  test('the suppression quick-fix silences exactly that diagnostic', async () => {
    const u = uri('fw1/etc/rc.conf');
    const current = client.diagnostics.get(u)!;
    const dup = current.find((d) => d.code === 'rc/duplicate-assignment')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: u },
      range: dup.range,
      context: { diagnostics: [dup] },
    })) as CodeAction[];
    const ignore = actions.find((a) => a.title === 'Ignore rc/duplicate-assignment on this line')!;
    const text = fs.readFileSync(path.join(dir, 'fw1/etc/rc.conf'), 'utf8');
    const withFix = applyActionTo(ignore, u, text);
    assert.match(withFix, /# freebsd-conf-disable-next-line rc\/duplicate-assignment\nsshd_enable="YES"/);
    client.clear(u);
    await client.replaceText(u, withFix);
    const after = await client.waitForDiagnostics(u, () => true);
    assert.deepEqual(codes(after), ['carp/preempt-mismatch', 'rc/invalid-yes-no']);
  });

  test('a fix that creates a peer file is sent as a create + edit', async () => {
    const u = uri('fw2/boot/loader.conf');
    const d = await client.waitForDiagnostics(u, (x) => x.some((y) => y.code === 'loader/not-a-tunable'));
    const target = d.find((x) => x.code === 'loader/not-a-tunable')!;
    const text = fs.readFileSync(path.join(dir, 'fw2/boot/loader.conf'), 'utf8');
    await client.open(u, 'loader-conf', text);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: u },
      range: target.range,
      context: { diagnostics: [target] },
    })) as CodeAction[];
    const move = actions.find((a) => /sysctl\.conf/.test(a.title))!;
    assert.ok(move, actions.map((a) => a.title).join(' | '));
    const changes = move.edit!.documentChanges!;
    const createAt = changes.findIndex((c) => 'kind' in c && c.kind === 'create');
    assert.deepEqual(changes[createAt], { kind: 'create', uri: uri('fw2/etc/sysctl.conf'), options: { ignoreIfExists: true } });
    const editAt = changes.findIndex((c) => 'textDocument' in c && c.textDocument.uri === uri('fw2/etc/sysctl.conf'));
    assert.ok(createAt < editAt, 'the file is created before it is edited');
    const sysctlEdit = changes[editAt] as TextDocumentEdit;
    const loaderEdit = changes.find((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === u)!;
    assert.deepEqual(loaderEdit.edits, [{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, newText: '' }]);
    assert.match(sysctlEdit.edits.map((e) => e.newText).join(''), /^net\.inet\.carp\.preempt=1\n?$/m);
  });

  test('completion offers rc.conf knobs', async () => {
    const u = uri('fw2/etc/rc.conf');
    const text = fs.readFileSync(path.join(dir, 'fw2/etc/rc.conf'), 'utf8') + 'sshd_fl';
    await client.open(u, 'rc-conf', text);
    const result = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: u },
      position: { line: 6, character: 7 },
    })) as CompletionItem[] | CompletionList;
    const items = Array.isArray(result) ? result : result.items;
    assert.ok(items.some((i) => i.label === 'sshd_flags'), items.slice(0, 20).map((i) => i.label).join());
  });

  test('hover explains a knob and never shows a CARP password', async () => {
    const u = uri('fw2/etc/rc.conf');
    const knob = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: { line: 4, character: 3 } });
    assert.match(JSON.stringify(knob?.contents), /sshd/);
    const pass = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: { line: 3, character: 50 } });
    assert.ok(pass, 'hover on the pass word');
    assert.doesNotMatch(JSON.stringify(pass?.contents), /s3cret/);
  });

  test('document symbols group the file by interface and show CARP aliases as vhid → VIP', async () => {
    const u = uri('fw2/etc/rc.conf');
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: u } });
    assert.match(JSON.stringify(symbols), /vhid 1 → 192\.0\.2\.1/);
  });
});

describe('language server over stdio (other editors)', () => {
  test('initializes and answers the status request', async () => {
    const client = TestClient.start('stdio');
    try {
      const init = await client.initialize(undefined);
      assert.equal(init.serverInfo?.name, 'freebsd-conf');
      const status = await client.connection.sendRequest(WorkspaceStatusRequest);
      assert.equal(status.files, 0);
    } finally {
      await client.stop();
    }
  });
});

describe('bad input opened in the editor', () => {
  let client: TestClient;
  before(async () => {
    client = TestClient.start('ipc');
    await client.initialize(undefined);
  });
  after(() => client.stop());

  test('a buffer over 5 MB is skipped with a clear diagnostic instead of being parsed', async () => {
    const uri = 'untitled:/huge/rc.conf';
    await client.open(uri, 'rc-conf', `hostname="${'x'.repeat(5 * 1024 * 1024)}"\n`);
    const d = await client.waitForDiagnostics(uri, (x) => x.length > 0);
    assert.deepEqual(codes(d), ['file/skipped']);
    assert.match(d[0].message, /larger than 5 MB/);
  });

  test('CRLF, a 100,000-character line and unbalanced shell are reported without crashing the server', async () => {
    const crlf = 'file:///bad/crlf/etc/rc.conf';
    await client.open(crlf, 'rc-conf', 'hostname="x"\r\npf_enable="maybe"\r\n');
    assert.deepEqual(codes(await client.waitForDiagnostics(crlf, (x) => x.length > 0)), ['file/crlf', 'rc/invalid-yes-no']);
    const long = 'file:///bad/long/etc/rc.conf';
    await client.open(long, 'rc-conf', `if [ -f /x ]; then\nhostname="${'y'.repeat(100000)}\n`);
    const d = await client.waitForDiagnostics(long, (x) => x.length > 0);
    assert.ok(codes(d).every((c) => c === 'rc/syntax'), codes(d).join());
    const status = await client.connection.sendRequest(WorkspaceStatusRequest);
    assert.equal(status.files, 2, 'the server is alive and indexed the two parsable buffers');
  });
});

describe('workspace folders', () => {
  test('removing a folder clears the diagnostics of its files; adding one scans it', async () => {
    const dir = copyFixture('protocol-cluster');
    const loader = pathToFileURL(path.join(dir, 'fw2/boot/loader.conf')).href;
    const client = TestClient.start('ipc');
    try {
      await client.initialize(undefined);
      const folder = { uri: pathToFileURL(dir).href, name: 'cluster' };
      client.status = undefined;
      await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [folder], removed: [] } });
      await client.waitForDiagnostics(loader, (d) => d.length > 0);
      await client.waitFor('the scan of the added folder', () => client.status?.scanned);
      assert.equal((await client.connection.sendRequest(WorkspaceStatusRequest)).files, 4);
      await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [], removed: [folder] } });
      await client.waitForDiagnostics(loader, (d) => d.length === 0);
      assert.equal((await client.connection.sendRequest(WorkspaceStatusRequest)).files, 0);
    } finally {
      await client.stop();
    }
  });
});
