import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { loadFixture } from '../../../helpers/workspace';
import type { PfDocument } from '../../../../server/src/model/document';
import { pfSymbols } from '../../../../server/src/features/pf';
import { documentSymbols } from '../../../../server/src/features/symbols';

function r(range: Range): [number, number, number, number] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

const KIND_NAME = new Map<number, string>(Object.entries(SymbolKind).map(([name, value]) => [value as number, name]));

/** name (kind) for a symbol, children indented below it. */
function outline(symbols: DocumentSymbol[], indent = ''): string[] {
  return symbols.flatMap((s) => [`${indent}${s.name} (${KIND_NAME.get(s.kind) ?? s.kind})`, ...outline(s.children ?? [], `${indent}  `)]);
}

function contains(outer: Range, inner: Range): boolean {
  const le = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function assertWellFormed(symbols: DocumentSymbol[]): void {
  for (const s of symbols) {
    assert.ok(contains(s.range, s.selectionRange), `${s.name}: selectionRange outside range`);
    for (const c of s.children ?? []) assert.ok(contains(s.range, c.range), `${c.name} sticks out of ${s.name}`);
    assertWellFormed(s.children ?? []);
  }
}

describe('pfSymbols', () => {
  test('macros, tables and includes, then the rules in pfctl\'s sections, anchors with their bodies', () => {
    const t = loadFixture('pf-nav-include');
    t.ws.set(t.uri('fw1/etc/pf.macros.conf'), 'pf', fs.readFileSync(path.join(t.dir, 'fw1/etc/pf.macros.conf'), 'utf8'));
    const doc = t.ws.get(t.uri('fw1/etc/pf.conf')) as PfDocument;
    const symbols = pfSymbols(doc, t.ws);
    assert.deepEqual(outline(symbols), [
      'ext_if (Variable)',
      'int_if (Variable)',
      'sync_if (Variable)',
      'all_ifs (Variable)',
      'icmp_types (Variable)',
      'include "/etc/pf.macros.conf" (File)',
      '<bruteforce> (Array)',
      '<rfc1918> (Array)',
      'Options (Namespace)',
      '  set skip (Property)',
      '  set block-policy (Property)',
      '  set limit (Property)',
      'Normalization (Namespace)',
      '  scrub in on $ext_if all fragment reassemble (Function)',
      'Translation (Namespace)',
      '  nat on $ext_if from $lan_net to any -> ($ext_if) (Function)',
      '  rdr pass on $ext_if proto tcp to ($ext_if) port $web_ports … (Function)',
      'Filtering (Namespace)',
      '  antispoof quick for $int_if (Function)',
      '  block in log quick from <bruteforce> (Function)',
      '  block in quick on $ext_if from <rfc1918> to any (Function)',
      '  pass out on $all_ifs keep state (Function)',
      '  pass in on $ext_if proto tcp to $web_srv port $web_ports ke… (Function)',
      '  pass on $sync_if proto carp keep state (no-sync) (Function)',
      '  pass on $sync_if proto pfsync (Function)',
      '  pass inet proto icmp icmp-type $icmp_types (Function)',
      '  pass on { em0 em1 } proto { tcp udp } from any to any port … (Function)',
      '  ftp-proxy/* (Namespace)',
      '  admin (Namespace)',
      '    pass in proto tcp from $lan_net to port ssh (Function)',
      '  spamd (Namespace)',
      '  load anchor spamd (Module)',
    ]);
    assertWellFormed(symbols);
    const allIfs = symbols[3];
    assert.deepEqual([allIfs.detail, r(allIfs.range), r(allIfs.selectionRange)], ['{ em0 em1 }', [5, 0, 5, 33], [5, 0, 5, 7]]);
    const rfc = symbols[7];
    assert.deepEqual([rfc.detail, r(rfc.selectionRange)], ['const 3 entries', [12, 6, 12, 15]]);
    const filtering = symbols[11];
    assert.deepEqual([r(filtering.range), r(filtering.selectionRange)], [[23, 0, 39, 48], [23, 0, 23, 9]]);
    const web = filtering.children![4];
    assert.deepEqual([web.detail, r(web.range)], ['expands to 2 rules', [27, 0, 28, 79]]);
    const admin = filtering.children![10];
    assert.deepEqual([admin.detail, r(admin.range), r(admin.selectionRange)], ['anchor', [35, 0, 37, 1], [35, 7, 35, 14]]);
  });

  test('without the workspace, rules using macros of the included file are still outlined in their section', () => {
    const t = loadFixture('pf-nav-include');
    const doc = t.ws.get(t.uri('fw1/etc/pf.conf')) as PfDocument;
    const translation = pfSymbols(doc).find((s) => s.name === 'Translation');
    assert.deepEqual(translation?.children?.map((c) => [c.name, c.detail]), [
      ['nat on $ext_if from $lan_net to any -> ($ext_if)', 'does not parse'],
      ['rdr pass on $ext_if proto tcp to ($ext_if) port $web_ports …', 'does not parse'],
    ]);
    assert.deepEqual(documentSymbols(doc), pfSymbols(doc));
  });

  test('###> markers make the sections, named after the marker text', () => {
    const t = loadFixture('pf-nav-sections');
    const doc = t.ws.get(t.uri('fw2/etc/pf.conf')) as PfDocument;
    const symbols = pfSymbols(doc, t.ws);
    assert.deepEqual(outline(symbols), [
      'Macros (Namespace)',
      '  ext_if (Variable)',
      '  dmz_if (Variable)',
      '  dmz_srv (Variable)',
      'Tables (Namespace)',
      '  <admins> (Array)',
      'Options (Namespace)',
      '  set skip (Property)',
      '  set state-policy (Property)',
      'Filtering (Namespace)',
      '  block log all (Function)',
      '  pass out on $ext_if (Function)',
      '  pass in on $ext_if proto tcp to $dmz_srv port { smtp, submi… (Function)',
      '  relayd/* (Namespace)',
      '  mgmt (Namespace)',
      '    pass in proto tcp from <admins> to port ssh (Function)',
      '    block in quick proto tcp to port telnet (Function)',
    ]);
    assertWellFormed(symbols);
    assert.deepEqual(symbols.map((s) => [r(s.range), r(s.selectionRange)]), [
      [[0, 0, 3, 44], [0, 0, 0, 11]],
      [[5, 0, 8, 14], [5, 0, 5, 11]],
      [[10, 0, 12, 25], [10, 0, 10, 12]],
      [[14, 0, 24, 1], [14, 0, 14, 14]],
    ]);
    assert.equal(symbols[1].children![0].detail, 'persist 3 entries');
  });
});
