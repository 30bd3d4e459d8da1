import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { PfDocument } from '../../model/document';
import { sectionMarkers } from './markers';

/** `{ … }` pairs of the source (outside comments and quotes), as line numbers. */
function bracePairs(doc: PfDocument): { open: number; close: number; closeFirstOnLine: boolean }[] {
  const text = doc.text;
  const comments = [...doc.pf.comments].sort((a, b) => a.start - b.start);
  const out: { open: number; close: number; closeFirstOnLine: boolean }[] = [];
  const stack: number[] = [];
  let ci = 0;
  for (let i = 0; i < text.length; i++) {
    while (ci < comments.length && comments[ci].end <= i) ci++;
    if (ci < comments.length && comments[ci].start <= i) {
      i = comments[ci].end - 1;
      continue;
    }
    const c = text[i];
    if (c === '"' || c === "'") {
      // A quote runs to its closing quote or the end of the line, as pfctl reads it.
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j++;
      i = j;
    } else if (c === '{') {
      stack.push(i);
    } else if (c === '}' && stack.length > 0) {
      const open = stack.pop()!;
      const closePos = doc.lines.positionAt(i);
      const before = doc.lines.lineText(closePos.line).slice(0, closePos.character);
      out.push({ open: doc.lines.positionAt(open).line, close: closePos.line, closeFirstOnLine: before.trim() === '' });
    }
  }
  return out;
}

/** Consecutive own-line comments (not markers) of two lines or more. */
function commentBlocks(doc: PfDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  let first = -1;
  let last = -1;
  const flush = (): void => {
    if (first >= 0 && last > first) out.push({ startLine: first, endLine: last, kind: FoldingRangeKind.Comment });
    first = -1;
  };
  for (const c of doc.pf.comments) {
    const line = doc.lines.positionAt(c.start).line;
    if (!c.ownLine || doc.text.startsWith('###>', c.start)) {
      flush();
      continue;
    }
    if (first >= 0 && line === last + 1) last = line;
    else {
      flush();
      first = line;
      last = line;
    }
  }
  flush();
  return out;
}

/**
 * Folding for pf.conf: every `{ }` spanning lines (inline anchor bodies, long
 * lists continued with `\`), pf.vim's `###>` sections (a marker line to the
 * last non-blank line before the next marker or the end of the file), and
 * blocks of comment lines.
 */
export function pfFoldingRanges(doc: PfDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const p of bracePairs(doc)) {
    // Keep a `}` alone on its line visible, like other brace languages; a `}` after items folds with them.
    const endLine = p.closeFirstOnLine ? p.close - 1 : p.close;
    if (endLine > p.open) out.push({ startLine: p.open, endLine });
  }
  const markers = sectionMarkers(doc);
  markers.forEach((m, i) => {
    let end = (markers[i + 1]?.line ?? doc.lines.lineCount) - 1;
    while (end > m.line && doc.lines.lineText(end).trim() === '') end--;
    if (end > m.line) out.push({ startLine: m.line, endLine: end, kind: FoldingRangeKind.Region });
  });
  for (const block of commentBlocks(doc)) out.push(block);
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
