import type { ParsedDocument } from '../model/document';
import type { FixProposal } from './types';

/** Deletes every carriage return: one small edit per line, no line's text is rewritten. */
export function crlfFix(doc: ParsedDocument): FixProposal {
  const edits = [];
  for (let i = doc.text.indexOf('\r'); i >= 0; i = doc.text.indexOf('\r', i + 1)) {
    const range = doc.lines.range(i, i + 1);
    // A lone CR is itself the line break: replace it with LF rather than join two lines.
    edits.push({ range, newText: doc.text.charCodeAt(i + 1) === 10 ? '' : '\n' });
  }
  return { title: 'Convert line ends to LF', isPreferred: true, changes: [{ uri: doc.uri, edits }] };
}
