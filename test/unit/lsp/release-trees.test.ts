import { after, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as os from 'node:os';
import { AnalysisService } from '../../../server/src/lsp/analysis-service';
import { EAGER_PF_BYTES } from '../../../server/src/model/document';
import { compactStatementCount } from '../../../server/src/parsers/pf';
import { FIXTURES } from '../../helpers/workspace';

/**
 * A copy of the pf-nav-include fixture whose fw1 pf.conf is made larger than
 * EAGER_PF_BYTES by a trailing comment, so it is read in compact mode.
 */
function largeRulesetCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-release-'));
  fs.cpSync(path.join(FIXTURES, 'pf-nav-include'), dir, { recursive: true });
  const pf = path.join(dir, 'fw1', 'etc', 'pf.conf');
  fs.appendFileSync(pf, `# ${'padding '.repeat(EAGER_PF_BYTES / 8)}\n`);
  return dir;
}

/**
 * The language server keeps every pf.conf of the workspace parsed. A large
 * one is read in compact mode; after its checks ran, if it is not open, it
 * goes back to its compact parse (its statement trees are dropped and built
 * again when next needed); an open file keeps its trees for hover,
 * completion and the outline. A small one has its trees built as it is
 * parsed (document.ts EAGER_PF_BYTES) and keeps them.
 */
describe('analysis service: statement trees of closed pf files are released after checking', () => {
  const dir = largeRulesetCopy();
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const pfUri = pathToFileURL(path.join(dir, 'fw1', 'etc', 'pf.conf')).href;
  const service = (): { s: AnalysisService; published: Map<string, number> } => {
    const published = new Map<string, number>();
    const s = new AnalysisService({ publish: (uri, d) => published.set(uri, d.length), log: () => undefined, docsUrl: 'https://example.invalid/', relatedSupport: () => true });
    return { s, published };
  };
  const statementsOf = (s: AnalysisService): unknown => {
    const doc = s.workspace.get(pfUri);
    assert.ok(doc?.kind === 'pf');
    return doc.pf.statements;
  };

  test('a closed file: the trees the checks built are gone after the scan, its diagnostics are published', async () => {
    const { s, published } = service();
    await s.scan([pathToFileURL(dir).href]);
    assert.ok(published.has(pfUri));
    const first = statementsOf(s);
    assert.equal(statementsOf(s), first, 'built once per read until released');
    s.publishAll();
    assert.notEqual(statementsOf(s), first, 'released after the re-check');
  });

  test('an open file keeps its trees across re-checks', async () => {
    const { s } = service();
    await s.scan([pathToFileURL(dir).href]);
    s.openOrChange(pfUri, 'pf-conf', fs.readFileSync(new URL(pfUri), 'utf8'));
    const first = statementsOf(s);
    s.publishAll();
    assert.equal(statementsOf(s), first);
  });

  test('typing in another file of the node keeps the closed file\'s trees (no rebuild per keystroke)', async () => {
    const { s } = service();
    await s.scan([pathToFileURL(dir).href]);
    const rcUri = pathToFileURL(path.join(dir, 'fw1', 'etc', 'rc.conf')).href;
    const rc = fs.readFileSync(new URL(rcUri), 'utf8');
    s.openOrChange(rcUri, undefined, rc);
    const first = statementsOf(s);
    s.openOrChange(rcUri, undefined, `${rc}# edited\n`);
    assert.equal(statementsOf(s), first);
  });

  test('the large file is read in compact mode, and a small one with its trees built', async () => {
    const { s } = service();
    await s.scan([pathToFileURL(dir).href]);
    const large = s.workspace.get(pfUri);
    assert.ok(large?.kind === 'pf' && large.text.length > EAGER_PF_BYTES);
    assert.ok(compactStatementCount(large.pf) > 0, 'the large file has statements read compactly');
    const small = s.workspace.get(pathToFileURL(path.join(dir, 'fw1', 'etc', 'pf.macros.conf')).href);
    assert.ok(small?.kind === 'pf' && small.text.length <= EAGER_PF_BYTES, 'the fixture has a small pf file');
    assert.equal(compactStatementCount(small.pf), 0, 'every statement of the small file is built');
  });
});
