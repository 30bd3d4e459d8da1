import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Location } from 'vscode-languageserver-types';
import { Workspace } from '../../../../server/src/workspace/workspace';
import type { PfDocument } from '../../../../server/src/model/document';
import { pfDefinition, pfReferences } from '../../../../server/src/features/pf';

function uris(locations: Location[]): string[] {
  return locations.map((l) => `${l.uri.slice('file:///ws/'.length)}:${l.range.start.line}:${l.range.start.character}`);
}

describe('rulesets spanning several files', () => {
  test('nested relative includes resolve from each including file\'s folder', () => {
    const ws = new Workspace();
    ws.set('file:///ws/fw1/etc/pf.conf', 'pf', 'ext_if = "em0"\ninclude "pf.d/filter.conf"\n');
    ws.set('file:///ws/fw1/etc/pf.d/filter.conf', 'pf', 'include "common/macros.conf"\npass in on $ext_if to $web\n');
    ws.set('file:///ws/fw1/etc/pf.d/common/macros.conf', 'pf', 'web = "192.0.2.80"\n');
    const filter = ws.get('file:///ws/fw1/etc/pf.d/filter.conf') as PfDocument;
    assert.deepEqual(uris(pfDefinition(filter, { line: 1, character: 12 }, ws)), ['fw1/etc/pf.conf:0:0']);
    assert.deepEqual(uris(pfDefinition(filter, { line: 1, character: 23 }, ws)), ['fw1/etc/pf.d/common/macros.conf:0:0']);
  });

  test('a file shared by two nodes belongs to both rulesets', () => {
    const ws = new Workspace();
    ws.set('file:///ws/fw1/etc/pf.conf', 'pf', 'ext_if = "em0"\ninclude "../../shared/pf.conf"\n');
    ws.set('file:///ws/fw2/etc/pf.conf', 'pf', 'ext_if = "igb0"\ninclude "../../shared/pf.conf"\n');
    ws.set('file:///ws/shared/pf.conf', 'pf', 'block in quick on $ext_if from <abusers>\n');
    const shared = ws.get('file:///ws/shared/pf.conf') as PfDocument;
    assert.deepEqual(uris(pfDefinition(shared, { line: 0, character: 20 }, ws)).sort(), ['fw1/etc/pf.conf:0:0', 'fw2/etc/pf.conf:0:0']);
    assert.deepEqual(uris(pfReferences(shared, { line: 0, character: 20 }, ws, true)).sort(), [
      'fw1/etc/pf.conf:0:0',
      'fw2/etc/pf.conf:0:0',
      'shared/pf.conf:0:19',
    ]);
  });

  test('an include cycle is followed once and does not hang', () => {
    const ws = new Workspace();
    ws.set('file:///ws/a/pf.conf', 'pf', 'x = "1"\ninclude "../b/pf.conf"\n');
    ws.set('file:///ws/b/pf.conf', 'pf', 'include "../a/pf.conf"\npass to $x\n');
    const b = ws.get('file:///ws/b/pf.conf') as PfDocument;
    assert.deepEqual(uris(pfReferences(b, { line: 1, character: 9 }, ws, true)).sort(), ['a/pf.conf:0:0', 'b/pf.conf:1:9']);
  });

  test('an include missing from the workspace is not followed', () => {
    const ws = new Workspace();
    ws.set('file:///ws/fw1/etc/pf.conf', 'pf', 'include "/etc/pf.missing.conf"\npass in on $ext_if\n');
    const doc = ws.get('file:///ws/fw1/etc/pf.conf') as PfDocument;
    assert.deepEqual(pfDefinition(doc, { line: 1, character: 12 }, ws), []);
  });

  test('after the included file changes, the next request sees the new text', () => {
    const ws = new Workspace();
    ws.set('file:///ws/fw1/etc/pf.conf', 'pf', 'include "/etc/pf.macros.conf"\npass in on $ext_if\n');
    ws.set('file:///ws/fw1/etc/pf.macros.conf', 'pf', 'ext_if = "em0"\n');
    const doc = ws.get('file:///ws/fw1/etc/pf.conf') as PfDocument;
    assert.deepEqual(uris(pfDefinition(doc, { line: 1, character: 12 }, ws)), ['fw1/etc/pf.macros.conf:0:0']);
    ws.set('file:///ws/fw1/etc/pf.macros.conf', 'pf', '# interfaces\n\next_if = "em1"\n');
    assert.deepEqual(uris(pfDefinition(doc, { line: 1, character: 12 }, ws)), ['fw1/etc/pf.macros.conf:2:0']);
  });
});
