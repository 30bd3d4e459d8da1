import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';

/** A hover's Markdown; fails when there is no hover. */
export function hoverText(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  return (h.contents as MarkupContent).value;
}

/** A hover's range as [startLine, startCharacter, endLine, endCharacter]; fails when it has none. */
export function hoverRange(h: Hover | null): [number, number, number, number] {
  assert.ok(h?.range);
  return [h.range.start.line, h.range.start.character, h.range.end.line, h.range.end.character];
}
