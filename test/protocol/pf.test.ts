import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Location,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';
import { FIXTURES } from '../helpers/workspace';
import { makeTempDir } from '../helpers/temp';
import { WorkspaceStatusRequest } from '../../server/src/protocol';
import { PF_SEMANTIC_LEGEND } from '../../server/src/features/pf';

/**
 * Every pf.conf feature through the built server, on a node whose pf.conf
 * includes a macros file with a free-form name (found only by following the include).
 */
describe('pf.conf over LSP', () => {
  let client: TestClient;
  let dir: string;
  let pfUri: string;
  let macrosUri: string;
  let pfText: string;

  before(async () => {
    dir = makeTempDir('fc-pf-'); // removed when this file's tests end
    fs.cpSync(path.join(FIXTURES, 'protocol-pf'), dir, { recursive: true });
    pfUri = pathToFileURL(path.join(dir, 'fw1/etc/pf.conf')).href;
    macrosUri = pathToFileURL(path.join(dir, 'fw1/etc/pf.macros')).href;
    pfText = fs.readFileSync(path.join(dir, 'fw1/etc/pf.conf'), 'utf8');
    client = TestClient.start('ipc');
    await client.initialize(dir);
    await client.waitFor('the workspace scan', () => client.status?.scanned);
    await client.open(pfUri, 'pf-conf', pfText);
  });
  after(() => client.stop());

  /** Position of the n-th occurrence of `needle` in pf.conf (0-based line/character). */
  const at = (needle: string, nth = 0, delta = 0): { line: number; character: number } => {
    let offset = -1;
    for (let i = 0; i <= nth; i++) offset = pfText.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, needle);
    return TextDocument.create('x', 'pf-conf', 1, pfText).positionAt(offset + delta);
  };
  const doc = (): { textDocument: { uri: string } } => ({ textDocument: { uri: pfUri } });

  test('the included macros file is indexed, so its macros are defined and only real mistakes are reported', async () => {
    const status = await client.connection.sendRequest(WorkspaceStatusRequest);
    assert.equal(status.files, 3);
    const d = await client.waitForDiagnostics(pfUri, (x) => x.length >= 2);
    assert.deepEqual(d.map((x) => [x.code, x.range.start.line, x.range.start.character]), [
      ['pf/unknown-keyword', 16, 8],
      ['pf/undefined-table', 18, 40],
    ]);
  });

  test('the did-you-mean quick-fix replaces the word and the diagnostic goes away', async () => {
    const d = (await client.waitForDiagnostics(pfUri, (x) => x.length >= 2)).find((x) => x.code === 'pf/unknown-keyword')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { ...doc(), range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const fix = actions.find((a) => /quick/.test(a.title) && !/Ignore/.test(a.title))!;
    const edits = (fix.edit!.documentChanges![0] as TextDocumentEdit).edits;
    assert.deepEqual(edits, [{ range: d.range, newText: 'quick' }]);
    const fixed = TextDocument.applyEdits(TextDocument.create(pfUri, 'pf-conf', 1, pfText), edits);
    client.clear(pfUri);
    await client.replaceText(pfUri, fixed);
    const after = await client.waitForDiagnostics(pfUri, () => true);
    assert.deepEqual(after.map((x) => x.code), ['pf/undefined-table']);
    await client.replaceText(pfUri, pfText);
  });

  test('go to definition of $ext_if lands in the included file', async () => {
    const locs = (await client.connection.sendRequest(DefinitionRequest.type, { ...doc(), position: at('$ext_if', 0, 2) })) as Location[];
    assert.deepEqual(locs.map((l) => [l.uri, l.range.start.line]), [[macrosUri, 1]]);
  });

  test('find references of a macro spans both files', async () => {
    const locs = (await client.connection.sendRequest(ReferencesRequest.type, { ...doc(), position: at('$ext_if', 0, 2), context: { includeDeclaration: true } })) as Location[];
    assert.equal(locs.filter((l) => l.uri === macrosUri).length, 1);
    assert.equal(locs.filter((l) => l.uri === pfUri).length, 4);
  });

  test('prepareRename refuses keywords; rename edits every file and refuses collisions', async () => {
    assert.equal(await client.connection.sendRequest(PrepareRenameRequest.type, { ...doc(), position: at('pass', 0, 1) }), null);
    const prep = await client.connection.sendRequest(PrepareRenameRequest.type, { ...doc(), position: at('$ext_if', 0, 2) });
    assert.deepEqual((prep as { placeholder: string }).placeholder, 'ext_if');
    const edit = (await client.connection.sendRequest(RenameRequest.type, { ...doc(), position: at('$ext_if', 0, 2), newName: 'wan_if' })) as WorkspaceEdit;
    const all = [...Object.entries(edit.changes ?? {})].flatMap(([uri, e]) => e.map((x) => [uri, x.newText]));
    const fromDocChanges = (edit.documentChanges ?? []).flatMap((c) => ('edits' in c ? c.edits.map((x) => [c.textDocument.uri, x.newText]) : []));
    const edits = [...all, ...fromDocChanges];
    assert.equal(edits.filter(([u]) => u === macrosUri).length, 1);
    assert.equal(edits.filter(([u]) => u === pfUri).length, 4);
    assert.ok(edits.every(([, t]) => t === 'wan_if'));
    await assert.rejects(client.connection.sendRequest(RenameRequest.type, { ...doc(), position: at('$ext_if', 0, 2), newName: 'int_if' }), /int_if/);
  });

  test('hover on a macro shows its value; on a rule, the rules it expands to', async () => {
    const macro = await client.connection.sendRequest(HoverRequest.type, { ...doc(), position: at('$lan_net', 0, 2) });
    assert.match(JSON.stringify(macro?.contents), /192\.168\.10\.0\/24/);
    const rule = await client.connection.sendRequest(HoverRequest.type, { ...doc(), position: at('proto carp', 0, 8) });
    const text = JSON.stringify(rule?.contents);
    assert.match(text, /pass on em0 proto carp/);
    assert.match(text, /pass on em1 proto carp/);
  });

  const complete = async (position: { line: number; character: number }): Promise<string[]> => {
    const result = (await client.connection.sendRequest(CompletionRequest.type, { ...doc(), position })) as CompletionItem[] | CompletionList;
    return (Array.isArray(result) ? result : result.items).map((i) => i.label);
  };

  test('completion offers macros after $, tables after <, keywords and the node\'s interfaces', async () => {
    const macros = await complete(at('pass out on $ext_if', 0, 13));
    assert.ok(macros.some((l) => /ext_if/.test(l)), macros.join());
    const tables = await complete(at('<bruteforce> flush', 0, 1));
    assert.ok(tables.some((l) => /bruteforce/.test(l)), tables.join());
    const keywords = await complete(at('block log all', 0, 6));
    assert.ok(keywords.includes('all') && keywords.includes('on'), keywords.join());
    const interfaces = await complete(at('pass out on $ext_if', 0, 12));
    for (const i of ['em0', 'em1', 'em2']) assert.ok(interfaces.some((l) => l === i), `${i} from rc.conf: ${interfaces.join()}`);
  });

  test('hover on a keyword explains it and names its pf.conf(5) section', async () => {
    const h = await client.connection.sendRequest(HoverRequest.type, { ...doc(), position: at('quick on $sync_if', 0, 2) });
    const text = JSON.stringify(h?.contents);
    assert.match(text, /quick/);
    assert.match(text, /pf\.conf/);
  });

  test('symbols list macros and tables; folding covers the ###> sections', async () => {
    const symbols = JSON.stringify(await client.connection.sendRequest(DocumentSymbolRequest.type, doc()));
    assert.match(symbols, /bruteforce/);
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, doc());
    const sections = (folds ?? []).filter((f) => f.kind === 'region').map((f) => f.startLine);
    assert.deepEqual(sections, [3, 7, 10]);
  });

  test('document links resolve the include to the workspace file', async () => {
    const links = await client.connection.sendRequest(DocumentLinkRequest.type, doc());
    assert.deepEqual(links?.map((l) => [l.range.start.line, l.target]), [[1, macrosUri]]);
  });

  test('semantic tokens mark macros, tables and keywords', async () => {
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, doc());
    const data = tokens?.data ?? [];
    assert.ok(data.length > 0 && data.length % 5 === 0);
    const types = new Set<string>();
    for (let i = 0; i < data.length; i += 5) types.add(PF_SEMANTIC_LEGEND.tokenTypes[data[i + 3]]);
    for (const t of ['variable', 'type', 'keyword']) assert.ok(types.has(t), t);
  });
});
