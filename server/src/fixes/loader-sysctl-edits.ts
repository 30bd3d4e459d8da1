import type { TextEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../model/document';
import type { FixProposal } from './types';

/**
 * Edit that deletes the whole line holding `offset`, line break included.
 * loader.conf and sysctl.conf hold one setting per line with no
 * continuations, so this is the minimal "remove the setting" edit.
 */
export function removeLineEdit(doc: ParsedDocument, offset: number): TextEdit {
  return { range: doc.lines.fullLineRange(doc.lines.positionAt(offset).line), newText: '' };
}

/** A fix that deletes the line of one setting, shared by the loader and sysctl checks. */
export function removeLineFix(doc: ParsedDocument, offset: number, title: string, isPreferred = true): FixProposal {
  return { title, isPreferred, changes: [{ uri: doc.uri, edits: [removeLineEdit(doc, offset)] }] };
}

/** Edit replacing [start, end) of a document with `newText`. */
export function replaceEdit(doc: ParsedDocument, start: number, end: number, newText: string): TextEdit {
  return { range: doc.lines.range(start, end), newText };
}

/** Where the setting at `offset` sits, as "path:line" relative to `root`, for fix titles and messages. */
export function placeOf(doc: ParsedDocument, offset: number, root: string): string {
  const rel = doc.uri.startsWith(`${root}/`) ? doc.uri.slice(root.length + 1) : doc.uri;
  return `${rel}:${doc.lines.positionAt(offset).line + 1}`;
}
