import type { ParsedDocument } from './document';

/**
 * The line a statement that covers `line` starts on. rc.conf statements can
 * span lines (quotes, backslash-newline); a comment inserted in the middle of
 * one would become part of the value, so suppression comments go above the
 * statement's first line and silence all of its lines.
 */
export function statementStartLine(doc: ParsedDocument, line: number): number {
  for (const span of statementSpans(doc)) {
    if (span.first < line && line <= span.last) return span.first;
  }
  return line;
}

/** Multi-line statements as [first, last] line pairs (single-line ones are omitted). */
export function statementSpans(doc: ParsedDocument): { first: number; last: number }[] {
  if (doc.kind !== 'rc') return [];
  const spans: { first: number; last: number }[] = [];
  for (const s of [...doc.rc.assignments, ...doc.rc.commands]) {
    const first = doc.lines.positionAt(s.start).line;
    const last = doc.lines.positionAt(s.end).line;
    if (last > first) spans.push({ first, last });
  }
  return spans;
}
