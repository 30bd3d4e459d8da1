import type { ParsedDocument } from '../model/document';
import type { FixProposal } from './types';

/**
 * Replaces each CRLF (or lone CR) line break with LF: one small edit per line,
 * no line's text is rewritten. LSP positions cannot point between the CR and
 * the LF, so the edit spans the whole line break.
 */
export function crlfFix(doc: ParsedDocument): FixProposal {
  const edits = [];
  for (let i = doc.text.indexOf('\r'); i >= 0; i = doc.text.indexOf('\r', i + 1)) {
    const end = doc.text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    edits.push({ range: doc.lines.range(i, end), newText: '\n' });
  }
  return { title: 'Convert line ends to LF', isPreferred: true, changes: [{ uri: doc.uri, edits }] };
}
