import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Location } from 'vscode-languageserver-types';
import { loadFixture } from '../../../helpers/workspace';
import type { PfDocument } from '../../../../server/src/model/document';
import { pfDefinition } from '../../../../server/src/features/pf';

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

describe('pfDefinition', () => {
  test('a $macro use jumps to its definition in the same file', () => {
    const { t, doc } = fixture();
    assert.deepEqual(brief(pfDefinition(doc, at(doc, 'antispoof quick for $int_if', 22), t.ws)), [['pf.conf', 3, 0, 3, 6]]);
  });

  test('a $macro defined in an included file jumps into that file', () => {
    const { t, doc } = fixture();
    assert.deepEqual(brief(pfDefinition(doc, at(doc, '$lan_net', 3), t.ws)), [['pf.macros.conf', 1, 0, 1, 7]]);
  });

  test('a $macro used in the included file jumps back to the including pf.conf', () => {
    const { t, inc } = fixture();
    assert.deepEqual(brief(pfDefinition(inc, at(inc, '$int_if', 1), t.ws)), [['pf.conf', 3, 0, 3, 6]]);
  });

  test('the cursor on the $ sign or just after the name still counts', () => {
    const { t, doc } = fixture();
    assert.deepEqual(brief(pfDefinition(doc, at(doc, '$web_srv\n', 0), t.ws)), [['pf.macros.conf', 2, 0, 2, 7]]);
    assert.deepEqual(brief(pfDefinition(doc, at(doc, '$web_srv\n', 8), t.ws)), [['pf.macros.conf', 2, 0, 2, 7]]);
  });

  test('a <table> reference jumps to its table definition', () => {
    const { t, doc } = fixture();
    assert.deepEqual(brief(pfDefinition(doc, at(doc, '<bruteforce> flush', 4), t.ws)), [['pf.conf', 11, 7, 11, 17]]);
  });

  test('an anchor name jumps to the inline anchor holding its rules', () => {
    const { t, doc } = fixture();
    assert.deepEqual(brief(pfDefinition(doc, at(doc, 'anchor "admin"', 9), t.ws)), [['pf.conf', 35, 8, 35, 13]]);
  });

  test('an anchor filled only by load anchor from a file outside the workspace has no definition', () => {
    const { t, doc } = fixture();
    assert.deepEqual(pfDefinition(doc, at(doc, 'anchor "spamd"\n', 9), t.ws), []);
  });

  test('keywords, comments and plain words have no definition', () => {
    const { t, doc } = fixture();
    assert.deepEqual(pfDefinition(doc, at(doc, 'pass out', 1), t.ws), []);
    assert.deepEqual(pfDefinition(doc, at(doc, '# Interfaces', 3), t.ws), []);
    assert.deepEqual(pfDefinition(doc, at(doc, 'lo0', 1), t.ws), []);
  });
});
