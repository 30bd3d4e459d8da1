import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Location } from 'vscode-languageserver-types';
import { loadFixture } from '../../../helpers/workspace';
import type { PfDocument } from '../../../../server/src/model/document';
import { pfReferences } from '../../../../server/src/features/pf';

/**
 * fw1's pf.conf includes /etc/pf.macros.conf. Only files named pf.conf are
 * indexed by name, so the included file is added as a pf document, as the
 * server does when it is open in the editor with the pf-conf language.
 */
function fixture() {
  const t = loadFixture('pf-nav-include');
  const rel = 'fw1/etc/pf.macros.conf';
  t.ws.set(t.uri(rel), 'pf', fs.readFileSync(path.join(t.dir, rel), 'utf8'));
  const doc = t.ws.get(t.uri('fw1/etc/pf.conf')) as PfDocument;
  const inc = t.ws.get(t.uri(rel)) as PfDocument;
  return { t, doc, inc };
}

/** The position `k` characters into the first occurrence of `needle`. */
function at(doc: PfDocument, needle: string, k = 0) {
  const i = doc.text.indexOf(needle);
  assert.ok(i >= 0, `fixture lacks ${needle}`);
  return doc.lines.positionAt(i + k);
}

/** [file name, line, char, endLine, endChar] per location. */
function brief(locations: Location[]): [string, number, number, number, number][] {
  return locations.map((l) => [l.uri.slice(l.uri.lastIndexOf('/') + 1), l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character]);
}

describe('pfReferences', () => {
  test('a macro: definition, use in another macro value, rule uses and the use in the included file', () => {
    const { t, doc } = fixture();
    const expected: [string, number, number, number, number][] = [
      ['pf.conf', 3, 0, 3, 6],
      ['pf.conf', 5, 23, 5, 29],
      ['pf.conf', 23, 21, 23, 27],
      ['pf.conf', 35, 22, 35, 28],
      ['pf.macros.conf', 1, 11, 1, 17],
    ];
    assert.deepEqual(brief(pfReferences(doc, at(doc, 'int_if ='), t.ws, true)), expected);
    assert.deepEqual(brief(pfReferences(doc, at(doc, 'int_if ='), t.ws, false)), expected.slice(1));
  });

  test('asked from the included file, references reach into the including pf.conf', () => {
    const { t, inc } = fixture();
    assert.deepEqual(brief(pfReferences(inc, at(inc, 'lan_net'), t.ws, false)), [
      ['pf.conf', 20, 21, 20, 28],
      ['pf.conf', 36, 25, 36, 32],
    ]);
  });

  test('a table: its definition and every <ref>, overload <t> included', () => {
    const { t, doc } = fixture();
    assert.deepEqual(brief(pfReferences(doc, at(doc, 'block in log quick from <bruteforce>', 27), t.ws, true)), [
      ['pf.conf', 11, 7, 11, 17],
      ['pf.conf', 24, 25, 24, 35],
      ['pf.conf', 28, 54, 28, 64],
    ]);
  });

  test('an anchor: the anchor rule and its load anchor line', () => {
    const { t, doc } = fixture();
    assert.deepEqual(brief(pfReferences(doc, at(doc, 'load anchor "spamd"', 14), t.ws, true)), [
      ['pf.conf', 38, 8, 38, 13],
      ['pf.conf', 39, 13, 39, 18],
    ]);
  });
});
