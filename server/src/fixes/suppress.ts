import type { ParsedDocument } from '../model/document';
import { statementStartLine } from '../model/statements';
import type { FixProposal } from './types';

/**
 * "Ignore CODE on this line": inserts `# freebsd-conf-disable-next-line CODE`
 * above the statement holding the diagnostic, indented like it. When the line
 * above is already such a directive, the code is appended to it instead, so
 * repeated use never stacks comments.
 */
export function suppressionFix(doc: ParsedDocument, code: string, line: number): FixProposal {
  const first = statementStartLine(doc, line);
  const above = first > 0 ? doc.lines.lineText(first - 1) : '';
  const existing = /^(\s*#\s*freebsd-conf-disable-next-line)\s+(\S.*?)\s*$/.exec(above);
  if (existing && !existing[2].split(/[\s,]+/).includes(code)) {
    const start = { line: first - 1, character: above.trimEnd().length };
    return {
      title: `Ignore ${code} on this line`,
      changes: [{ uri: doc.uri, edits: [{ range: { start, end: start }, newText: `,${code}` }] }],
    };
  }
  // On the first line of a file with a byte-order mark, after the mark: text
  // put before it would move the mark onto the statement's line, where every
  // reader takes it as part of the first name.
  const at = { line: first, character: first === 0 && doc.hadBom ? 1 : 0 };
  const indent = /^[ \t]*/.exec(doc.lines.lineText(first).slice(at.character))?.[0] ?? '';
  return {
    title: `Ignore ${code} on this line`,
    changes: [{ uri: doc.uri, edits: [{ range: { start: at, end: at }, newText: `${indent}# freebsd-conf-disable-next-line ${code}${doc.lines.eol}` }] }],
  };
}

/** "Ignore CODE in this file": a `# freebsd-conf-disable CODE` line at the top. */
export function fileSuppressionFix(doc: ParsedDocument, code: string): FixProposal {
  // After a byte-order mark, so the mark stays the first character.
  const at = { line: 0, character: doc.hadBom ? 1 : 0 };
  return {
    title: `Ignore ${code} in this file`,
    changes: [{ uri: doc.uri, edits: [{ range: { start: at, end: at }, newText: `# freebsd-conf-disable ${code}${doc.lines.eol}` }] }],
  };
}
