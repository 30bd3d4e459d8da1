import type { TextEdit } from 'vscode-languageserver-types';
import type { PfDocument } from '../model/document';
import { continuedGroup } from '../model/statements';
import type { PfMacroDef, PfStatement } from '../parsers/pf';

/**
 * Line-level edits for pf.conf fixes. pfctl joins backslash-continued lines
 * into one, so "a line" here is always a whole continued group: a statement
 * is removed with all its physical lines and new lines never land inside one.
 */

/** The [first, last] physical lines of the continued group holding an offset. */
export function groupAt(doc: PfDocument, offset: number): { first: number; last: number } {
  return continuedGroup(doc.lines, doc.lines.positionAt(offset).line);
}

/**
 * True when a statement is alone on its lines (only blanks before it and
 * blanks or a comment after it), so removing the lines removes nothing else.
 */
export function ownsItsLines(doc: PfDocument, s: { start: number; end: number }): boolean {
  const first = groupAt(doc, s.start);
  const last = groupAt(doc, s.end);
  const before = doc.text.slice(doc.lines.lineStarts[first.first], s.start);
  const after = doc.text.slice(s.end, doc.lines.lineEnd(last.last));
  return /^[\s\uFEFF]*$/.test(before) && /^\s*(#.*)?$/s.test(after.replace(/\\(\r\n|\r|\n)/g, ' '));
}

/** Deletes lines first..last with their line break (the one before them when they end the file). */
export function removeLines(doc: PfDocument, first: number, last: number): TextEdit {
  const lines = doc.lines;
  if (last + 1 < lines.lineCount) return { range: { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } }, newText: '' };
  const start = first > 0 ? lines.positionAt(lines.lineEnd(first - 1)) : { line: 0, character: 0 };
  return { range: { start, end: lines.positionAt(lines.text.length) }, newText: '' };
}

/** Inserts a whole line before `line` (after a byte-order mark on the first line). */
export function insertLineBefore(doc: PfDocument, line: number, text: string): TextEdit {
  const at = { line, character: line === 0 && doc.hadBom ? 1 : 0 };
  return { range: { start: at, end: at }, newText: `${text}${doc.lines.eol}` };
}

/** Inserts a whole line after `line`, adding the break a last line without one lacks. */
export function insertLineAfter(doc: PfDocument, line: number, text: string): TextEdit {
  if (line + 1 < doc.lines.lineCount) return insertLineBefore(doc, line + 1, text);
  const end = doc.lines.positionAt(doc.text.length);
  const needsBreak = doc.lines.lineText(line).length > 0;
  return { range: { start: end, end }, newText: needsBreak ? `${doc.lines.eol}${text}${doc.lines.eol}` : `${text}${doc.lines.eol}` };
}

/**
 * Where a new top-of-file line goes: above the first statement, so it comes
 * after the file's leading comments (its header) and before every use. A
 * line pfctl skipped after an error (an undefined macro) holds no statement,
 * so the first macro use and the first error count as content too.
 */
export function topInsertLine(doc: PfDocument): number {
  const pf = doc.pf;
  const starts = [pf.statements[0]?.start, pf.macroUses[0]?.start, pf.errors.reduce<number | undefined>((m, e) => (m === undefined || e.start < m ? e.start : m), undefined)];
  const first = Math.min(...starts.filter((x): x is number => x !== undefined));
  if (Number.isFinite(first)) return groupAt(doc, first).first;
  return doc.lines.lineCount - (doc.text.length === 0 || /[\r\n]$/.test(doc.text) ? 1 : 0);
}

/** The edit inserting a line at the top of the file (see topInsertLine). */
export function insertAtTop(doc: PfDocument, text: string): TextEdit {
  const line = topInsertLine(doc);
  if (line >= doc.lines.lineCount) return insertLineAfter(doc, doc.lines.lineCount - 1, text);
  return insertLineBefore(doc, line, text);
}

/** The removal of a statement's lines, or undefined when other text shares them. */
export function removeStatement(doc: PfDocument, s: PfStatement | { start: number; end: number }): TextEdit | undefined {
  if (!ownsItsLines(doc, s)) return undefined;
  return removeLines(doc, groupAt(doc, s.start).first, groupAt(doc, s.end).last);
}

/**
 * Macros every use of which lies inside the spans being removed (directly,
 * or inside a definition removed with them), so a fix that deletes rules
 * leaves no dead definition behind. None when the file includes others
 * (their uses are not in this document).
 */
export function macrosOnlyUsedIn(doc: PfDocument, spans: readonly { start: number; end: number }[]): PfMacroDef[] {
  if (doc.pf.includes.length > 0) return [];
  const gone: { start: number; end: number }[] = [...spans];
  const removed: PfMacroDef[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const def of doc.pf.macros) {
      if (def.source || removed.includes(def)) continue;
      const uses = doc.pf.macroUses.filter((u) => u.definition === def);
      if (uses.length === 0 || !uses.every((u) => gone.some((g) => g.start <= u.start && u.end <= g.end))) continue;
      removed.push(def);
      gone.push(def);
      changed = true;
    }
  }
  return removed;
}
