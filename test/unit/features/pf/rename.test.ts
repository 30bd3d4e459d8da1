import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { loadFixture } from '../../../helpers/workspace';
import type { PfDocument } from '../../../../server/src/model/document';
import { pfPrepareRename, pfRename, type PfRenameError } from '../../../../server/src/features/pf';

function fixture() {
  const t = loadFixture('pf-nav-include');
  const rel = 'fw1/etc/pf.macros.conf';
  t.ws.set(t.uri(rel), 'pf', fs.readFileSync(path.join(t.dir, rel), 'utf8'));
  const doc = t.ws.get(t.uri('fw1/etc/pf.conf')) as PfDocument;
  const inc = t.ws.get(t.uri(rel)) as PfDocument;
  return { t, doc, inc };
}

function at(doc: PfDocument, needle: string, k = 0) {
  const i = doc.text.indexOf(needle);
  assert.ok(i >= 0, `fixture lacks ${needle}`);
  return doc.lines.positionAt(i + k);
}

function edit(result: WorkspaceEdit | PfRenameError): WorkspaceEdit {
  assert.ok(!('error' in result), `rename refused: ${'error' in result ? result.error : ''}`);
  return result;
}

function applied(doc: PfDocument, e: WorkspaceEdit): string {
  return TextDocument.applyEdits(TextDocument.create(doc.uri, 'pf-conf', 0, doc.text), e.changes?.[doc.uri] ?? []);
}

/** The lines of `text` that differ from `before`, as [line number, new text]. */
function changedLines(before: string, after: string): [number, string][] {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(a.length, b.length, 'a rename never adds or removes lines');
  return b.flatMap((line, i) => (line === a[i] ? [] : [[i, line] as [number, string]]));
}

describe('pfPrepareRename', () => {
  test('on a $macro use: the bare name, without the $', () => {
    const { t, doc } = fixture();
    assert.deepEqual(pfPrepareRename(doc, at(doc, 'for $int_if', 6), t.ws), {
      range: { start: { line: 23, character: 21 }, end: { line: 23, character: 27 } },
      placeholder: 'int_if',
    });
  });

  test('on a table reference: the name inside the brackets', () => {
    const { t, doc } = fixture();
    assert.deepEqual(pfPrepareRename(doc, at(doc, 'from <rfc1918>', 5), t.ws), {
      range: { start: { line: 25, character: 32 }, end: { line: 25, character: 39 } },
      placeholder: 'rfc1918',
    });
  });

  test('keywords, anchors and plain words cannot be renamed', () => {
    const { t, doc } = fixture();
    assert.equal(pfPrepareRename(doc, at(doc, 'pass out', 2), t.ws), null);
    assert.equal(pfPrepareRename(doc, at(doc, 'keep state (no-sync)', 6), t.ws), null);
    assert.equal(pfPrepareRename(doc, at(doc, 'anchor "admin"', 9), t.ws), null);
    assert.equal(pfPrepareRename(doc, at(doc, 'lo0', 1), t.ws), null);
  });
});

describe('pfRename', () => {
  test('a macro: definition, use in another macro value, rule uses and the included file', () => {
    const { t, doc, inc } = fixture();
    const e = edit(pfRename(doc, at(doc, 'antispoof quick for $int_if', 24), 'lan_if', t.ws));
    assert.deepEqual(Object.keys(e.changes ?? {}).sort(), [doc.uri, inc.uri].sort());
    assert.deepEqual(changedLines(doc.text, applied(doc, e)), [
      [3, 'lan_if = "em1"'],
      [5, 'all_ifs = "{" $ext_if $lan_if "}"'],
      [23, 'antispoof quick for $lan_if'],
      [35, 'anchor "admin" in on $lan_if {'],
    ]);
    assert.deepEqual(changedLines(inc.text, applied(inc, e)), [[1, 'lan_net = $lan_if:network']]);
  });

  test('started from the included file, the rename reaches the including pf.conf', () => {
    const { t, doc, inc } = fixture();
    const e = edit(pfRename(inc, at(inc, 'web_ports'), '$www_ports', t.ws));
    assert.deepEqual(changedLines(inc.text, applied(inc, e)), [[3, 'www_ports = "{ http, https }"']]);
    assert.deepEqual(changedLines(doc.text, applied(doc, e)), [
      [21, 'rdr pass on $ext_if proto tcp to ($ext_if) port $www_ports -> $web_srv'],
      [27, 'pass in on $ext_if proto tcp to $web_srv port $www_ports keep state \\'],
    ]);
  });

  test('a table: its definition and every reference, overload <t> included', () => {
    const { t, doc } = fixture();
    const e = edit(pfRename(doc, at(doc, 'table <bruteforce>', 8), 'abusers', t.ws));
    assert.deepEqual(changedLines(doc.text, applied(doc, e)), [
      [11, 'table <abusers> persist'],
      [24, 'block in log quick from <abusers>'],
      [28, '\t(max-src-conn 100, max-src-conn-rate 15/5, overload <abusers> flush global)'],
    ]);
  });

  test('a table written inside a macro value is renamed there too', () => {
    const { ws, uri } = (() => {
      const t = loadFixture('pf-nav-include');
      t.ws.set(t.uri('fw3/pf.conf'), 'pf', 'blocked = "{ <spammers> <scanners> }"\ntable <spammers> persist\nblock in quick from $blocked\n');
      return { ws: t.ws, uri: t.uri('fw3/pf.conf') };
    })();
    const doc = ws.get(uri) as PfDocument;
    const e = edit(pfRename(doc, at(doc, 'table <spammers>', 8), 'spam', ws));
    assert.equal(applied(doc, e), 'blocked = "{ <spam> <scanners> }"\ntable <spam> persist\nblock in quick from $blocked\n');
  });

  test('renaming to the current name changes nothing', () => {
    const { t, doc } = fixture();
    assert.deepEqual(pfRename(doc, at(doc, 'int_if ='), 'int_if', t.ws), { changes: {} });
  });

  test('a name already taken is refused: pfctl would merge the two', () => {
    const { t, doc } = fixture();
    assert.deepEqual(pfRename(doc, at(doc, 'int_if ='), 'ext_if', t.ws), { error: "A macro named 'ext_if' is already defined or used in this ruleset." });
    // lan_net is defined in the included file.
    assert.deepEqual(pfRename(doc, at(doc, 'int_if ='), 'lan_net', t.ws), { error: "A macro named 'lan_net' is already defined or used in this ruleset." });
    assert.deepEqual(pfRename(doc, at(doc, 'table <bruteforce>', 8), '<rfc1918>', t.ws), { error: 'A table <rfc1918> is already defined or used in this ruleset.' });
  });

  test('invalid names are refused with the rule they break', () => {
    const { t, doc } = fixture();
    const macro = at(doc, 'int_if =');
    assert.match((pfRename(doc, macro, 'pass', t.ws) as PfRenameError).error, /'pass' is a pf.conf keyword/);
    assert.match((pfRename(doc, macro, '1st_if', t.ws) as PfRenameError).error, /start with a letter/);
    assert.match((pfRename(doc, macro, 'lan-if', t.ws) as PfRenameError).error, /letters, digits and underscores/);
    const table = at(doc, 'table <bruteforce>', 8);
    assert.match((pfRename(doc, table, 'bad name', t.ws) as PfRenameError).error, /not a usable table name/);
    assert.match((pfRename(doc, table, 'x'.repeat(32), t.ws) as PfRenameError).error, /at most 31 characters/);
    assert.match((pfRename(doc, at(doc, 'pass out', 1), 'x', t.ws) as PfRenameError).error, /Only a macro/);
  });
});
