import * as assert from 'node:assert/strict';
import type { Location, Position } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../../server/src/model/document';
import type { TestWorkspace } from './workspace';

/** A document of a test workspace, which must be there. */
export function docOf(t: TestWorkspace, rel: string): ParsedDocument {
  const doc = t.ws.get(t.uri(rel));
  assert.ok(doc, `${rel} is not in the workspace`);
  return doc;
}

/** The position of the n-th occurrence of `needle` in a file, moved right by `delta` characters. */
export function posOf(t: TestWorkspace, rel: string, needle: string, delta = 0, nth = 0): Position {
  const doc = docOf(t, rel);
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = doc.text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${needle} (occurrence ${i}) not in ${rel}`);
  }
  return doc.lines.positionAt(at + delta);
}

/** A one-line location as `[file, line, start character, end character]`, files relative to the workspace. */
export type LineSpan = [string, number, number, number];

export function lineSpans(t: TestWorkspace, locations: readonly Location[]): LineSpan[] {
  return locations.map((l) => {
    assert.equal(l.range.start.line, l.range.end.line, 'a one-line range');
    return [t.rel(l.uri), l.range.start.line, l.range.start.character, l.range.end.character];
  });
}
