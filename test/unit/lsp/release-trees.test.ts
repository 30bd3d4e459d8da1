import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AnalysisService } from '../../../server/src/lsp/analysis-service';
import { FIXTURES } from '../../helpers/workspace';

/**
 * The language server keeps every pf.conf of the workspace parsed. After its
 * checks ran, a file that is not open goes back to its compact parse (its
 * statement trees are dropped and built again when next needed); an open
 * file keeps its trees for hover, completion and the outline.
 */
describe('analysis service: statement trees of closed pf files are released after checking', () => {
  const dir = path.join(FIXTURES, 'pf-nav-include');
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
});
