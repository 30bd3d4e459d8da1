import type { ParsedDocument } from './document';
import type { LineIndex } from '../parsers/text';

/**
 * The line a statement that covers `line` starts on. rc.conf statements can
 * span lines (quotes, backslash-newline), and so can pf.conf lines joined by
 * a trailing backslash; a comment inserted in the middle of one would become
 * part of it, so suppression comments go above the statement's first line
 * and silence all of its lines.
 */
export function statementStartLine(doc: ParsedDocument, line: number): number {
  for (const span of statementSpans(doc)) {
    if (span.first < line && line <= span.last) return span.first;
  }
  return line;
}

/** Multi-line statements as [first, last] line pairs (single-line ones are omitted). */
export function statementSpans(doc: ParsedDocument): { first: number; last: number }[] {
  if (doc.kind === 'pf') return continuedLines(doc.lines);
  if (doc.kind !== 'rc') return [];
  const spans: { first: number; last: number }[] = [];
  for (const s of [...doc.rc.assignments, ...doc.rc.commands]) {
    const first = doc.lines.positionAt(s.start).line;
    const last = doc.lines.positionAt(s.end).line;
    if (last > first) spans.push({ first, last });
  }
  return spans;
}

/**
 * Groups of physical lines pfctl reads as one: a line ending in a backslash
 * continues on the next. pfctl joins them before it recognises comments, so
 * a commented-out line ending in `\` swallows the next line too; a directive
 * comment must therefore go above the group, never inside it. Multi-line
 * `{ … }` lists without backslashes are separate lines to pfctl and stay apart.
 */
export function continuedLines(lines: LineIndex): { first: number; last: number }[] {
  const spans: { first: number; last: number }[] = [];
  let first = -1;
  for (let line = 0; line < lines.lineCount; line++) {
    const continues = line + 1 < lines.lineCount && endsWithBackslash(lines, line);
    if (continues && first < 0) first = line;
    if (!continues && first >= 0) {
      spans.push({ first, last: line });
      first = -1;
    }
  }
  return spans;
}

/** The [first, last] lines of the continued-line group holding `line` (a single line when it is not continued). */
export function continuedGroup(lines: LineIndex, line: number): { first: number; last: number } {
  let first = line;
  while (first > 0 && endsWithBackslash(lines, first - 1)) first--;
  let last = line;
  while (last + 1 < lines.lineCount && endsWithBackslash(lines, last)) last++;
  return { first, last };
}

function endsWithBackslash(lines: LineIndex, line: number): boolean {
  const end = lines.lineEnd(line);
  return end > lines.lineStarts[line] && lines.text.charCodeAt(end - 1) === 92;
}
