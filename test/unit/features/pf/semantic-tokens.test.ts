import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadFixture, workspaceFromFiles } from '../../../helpers/workspace';
import type { PfDocument } from '../../../../server/src/model/document';
import { PF_SEMANTIC_LEGEND, pfSemanticTokens } from '../../../../server/src/features/pf';

type Tuple = [line: number, char: number, length: number, type: string, modifiers: string[]];

/** Decodes LSP relative token data back to absolute tuples with type and modifier names. */
function decode(data: number[]): Tuple[] {
  assert.equal(data.length % 5, 0);
  const out: Tuple[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const mods = PF_SEMANTIC_LEGEND.tokenModifiers.filter((_, bit) => (data[i + 4] & (1 << bit)) !== 0);
    out.push([line, char, data[i + 2], PF_SEMANTIC_LEGEND.tokenTypes[data[i + 3]], mods]);
  }
  return out;
}

function onLines(tuples: Tuple[], lines: number[]): Tuple[] {
  return tuples.filter((t) => lines.includes(t[0]));
}

describe('pfSemanticTokens', () => {
  test('the legend uses standard token types only', () => {
    assert.deepEqual(PF_SEMANTIC_LEGEND, { tokenTypes: ['variable', 'type', 'keyword', 'number'], tokenModifiers: ['declaration'] });
  });

  test('macros, tables, keywords and addresses decode to the expected tuples', () => {
    const t = loadFixture('pf-nav-sections');
    const doc = t.ws.get(t.uri('fw2/etc/pf.conf')) as PfDocument;
    const tokens = decode(pfSemanticTokens(doc, t.ws));
    assert.deepEqual(onLines(tokens, [3, 6, 7, 8, 19, 22]), [
      // dmz_srv = "{ 198.51.100.10, 198.51.100.11 }": a macro value is read as rules, so its addresses count.
      [3, 0, 7, 'variable', ['declaration']],
      [3, 13, 13, 'number', []],
      [3, 28, 13, 'number', []],
      // table <admins> persist { 192.0.2.5, \ … 2001:db8::5 }
      [6, 0, 5, 'keyword', []],
      [6, 6, 8, 'type', ['declaration']],
      [6, 15, 7, 'keyword', []],
      [6, 25, 9, 'number', []],
      [7, 1, 9, 'number', []],
      [8, 1, 11, 'number', []],
      // pass in on $ext_if proto tcp to $dmz_srv port { smtp, submission }
      [19, 0, 4, 'keyword', []],
      [19, 5, 2, 'keyword', []],
      [19, 8, 2, 'keyword', []],
      [19, 11, 7, 'variable', []],
      [19, 19, 5, 'keyword', []],
      [19, 29, 2, 'keyword', []],
      [19, 32, 8, 'variable', []],
      [19, 41, 4, 'keyword', []],
      // pass in proto tcp from <admins> to port ssh (inside the anchor body)
      [22, 1, 4, 'keyword', []],
      [22, 6, 2, 'keyword', []],
      [22, 9, 5, 'keyword', []],
      [22, 19, 4, 'keyword', []],
      [22, 24, 8, 'type', []],
      [22, 33, 2, 'keyword', []],
      [22, 36, 4, 'keyword', []],
    ]);
    // Comment lines and ###> markers carry no token.
    assert.deepEqual(onLines(tokens, [0, 15, 16]), []);
    assert.equal(tokens.length, 49);
  });

  test('prefix lengths belong to the address; labels and anchor names stay strings', () => {
    const t = workspaceFromFiles({ 'fw1/etc/pf.conf': 'pass in from 10.0.0.0/8 to 2001:db8::/32 label "pass to 10.1.1.1"\nanchor "block"\n' });
    const doc = t.ws.get(t.uri('fw1/etc/pf.conf')) as PfDocument;
    assert.deepEqual(decode(pfSemanticTokens(doc)), [
      [0, 0, 4, 'keyword', []],
      [0, 5, 2, 'keyword', []],
      [0, 8, 4, 'keyword', []],
      [0, 13, 10, 'number', []],
      [0, 24, 2, 'keyword', []],
      [0, 27, 13, 'number', []],
      [0, 41, 5, 'keyword', []],
      [1, 0, 6, 'keyword', []],
    ]);
  });

  test('with the workspace, an included file knows the includer\'s macros, so its definitions parse', () => {
    const t = loadFixture('pf-nav-include');
    const rel = 'fw1/etc/pf.macros.conf';
    t.ws.set(t.uri(rel), 'pf', fs.readFileSync(path.join(t.dir, rel), 'utf8'));
    const inc = t.ws.get(t.uri(rel)) as PfDocument;
    assert.deepEqual(decode(pfSemanticTokens(inc, t.ws)), [
      [1, 0, 7, 'variable', ['declaration']],
      [1, 10, 7, 'variable', []],
      [2, 0, 7, 'variable', ['declaration']],
      [2, 11, 13, 'number', []],
      [3, 0, 9, 'variable', ['declaration']],
    ]);
    // Alone, `lan_net = $int_if:network` fails ($int_if is pf.conf's), so lan_net is no definition.
    assert.deepEqual(decode(pfSemanticTokens(inc))[0], [1, 10, 7, 'variable', []]);
  });
});
