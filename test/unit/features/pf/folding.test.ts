import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { FoldingRange } from 'vscode-languageserver-types';
import { loadFixture, workspaceFromFiles } from '../../../helpers/workspace';
import type { PfDocument } from '../../../../server/src/model/document';
import { pfFoldingRanges } from '../../../../server/src/features/pf';

function brief(ranges: FoldingRange[]): [number, number, string][] {
  return ranges.map((f) => [f.startLine, f.endLine, f.kind ?? 'block']);
}

describe('pfFoldingRanges', () => {
  test('###> sections, a multi-line table list, an anchor body and a comment block', () => {
    const t = loadFixture('pf-nav-sections');
    const doc = t.ws.get(t.uri('fw2/etc/pf.conf')) as PfDocument;
    assert.deepEqual(brief(pfFoldingRanges(doc)), [
      // ###> Macros: the marker line to the last non-blank line before the next marker.
      [0, 3, 'region'],
      [5, 8, 'region'],
      // table <admins> { … \ … }: the `}` ends a line of items, so it folds with them.
      [6, 8, 'block'],
      [10, 12, 'region'],
      // ###> Filtering runs to the end of the file.
      [14, 24, 'region'],
      [15, 16, 'comment'],
      // anchor "mgmt" { … }: the closing brace alone on its line stays visible.
      [21, 23, 'block'],
    ]);
  });

  test('without markers: braces and comment blocks only, braces in comments and quotes ignored', () => {
    const t = workspaceFromFiles({
      'fw1/etc/pf.conf': [
        '# Anchors for the',
        '# relay daemons { not a block',
        'anchor "web" {',
        '\tpass in proto tcp to port { 80 443 } label "{ not a block"',
        '}',
        'pass in on { em0 \\',
        '\tem1 }',
        '',
      ].join('\n'),
    });
    const doc = t.ws.get(t.uri('fw1/etc/pf.conf')) as PfDocument;
    assert.deepEqual(brief(pfFoldingRanges(doc)), [[0, 1, 'comment'], [2, 3, 'block'], [5, 6, 'block']]);
  });

  test('an unbalanced brace folds nothing and does not throw', () => {
    const t = workspaceFromFiles({ 'fw1/etc/pf.conf': 'anchor "a" {\n\tpass\n' });
    const doc = t.ws.get(t.uri('fw1/etc/pf.conf')) as PfDocument;
    assert.deepEqual(pfFoldingRanges(doc), []);
  });

  test('200,000 comment blocks fold without overflowing the stack (they were spread into push())', () => {
    const t = workspaceFromFiles({ 'fw1/etc/pf.conf': `${'# a\n# b\n\n'.repeat(200_000)}pass all\n` });
    const ranges = pfFoldingRanges(t.ws.get(t.uri('fw1/etc/pf.conf')) as PfDocument);
    assert.equal(ranges.length, 200_000);
    assert.deepEqual(brief(ranges.slice(-1)), [[599_997, 599_998, 'comment']]);
  });
});
