import type { PfDocument } from '../../model/document';
import type { WorkspaceView } from '../../model/workspace-view';
import { KEYWORD_SET, literalFamily, type PfFile } from '../../parsers/pf';
import { contextFile, unitsFor } from '../../model/pf-ruleset';

/**
 * The semantic token legend the server announces. Only standard LSP types, so
 * every theme colours them: macros are variables, tables types, pfctl's
 * keywords keywords and literal IP addresses numbers.
 */
export const PF_SEMANTIC_LEGEND = {
  tokenTypes: ['variable', 'type', 'keyword', 'number'],
  tokenModifiers: ['declaration'],
};

const T = { variable: 0, type: 1, keyword: 2, number: 3 } as const;
const DECLARATION = 1;

interface Tok {
  start: number;
  end: number;
  type: number;
  mods: number;
}

/** Characters that end a word for pfctl's lexer (besides white space). */
const STOP = new Set([...'(){}<>!=/#,"\'$']);
const TABLE_IN_VALUE = /<[A-Za-z0-9_][^\s<>{},"'()]*>/g;

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\uFEFF';
}

/** Keywords and literal addresses, lexed the way pfctl splits words; quoted text only inside macro values (it is re-read as rules). */
function scanWords(doc: PfDocument, file: PfFile, out: Tok[]): void {
  const text = doc.text;
  const comments = [...file.comments].sort((a, b) => a.start - b.start);
  const values = file.macros.map((m) => [m.valueStart, m.valueEnd] as const).sort((a, b) => a[0] - b[0]);
  // The scan only moves forward, so one pointer into the sorted value ranges is enough (10,000 macros stay linear).
  let vi = 0;
  const inValue = (i: number): boolean => {
    while (vi < values.length && values[vi][1] <= i) vi++;
    return vi < values.length && values[vi][0] <= i;
  };
  let ci = 0;
  let i = 0;
  while (i < text.length) {
    while (ci < comments.length && comments[ci].end <= i) ci++;
    if (ci < comments.length && comments[ci].start <= i) {
      i = comments[ci].end;
      continue;
    }
    const c = text[i];
    if (c === '"' || c === "'") {
      if (inValue(i)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j++;
      i = j + 1;
      continue;
    }
    if (c === '$') {
      // `$name` is a macro use, coloured from the parse.
      i++;
      while (i < text.length && /[A-Za-z0-9_]/.test(text[i])) i++;
      continue;
    }
    if (isSpace(c) || STOP.has(c) || c === '\\') {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && !isSpace(text[j]) && !STOP.has(text[j]) && text[j] !== '\\') j++;
    const word = text.slice(i, j);
    if (KEYWORD_SET.has(word)) out.push({ start: i, end: j, type: T.keyword, mods: 0 });
    else if (literalFamily(word)) {
      // A prefix length belongs to the address: `10.0.0.0/8`.
      const prefix = /^\/\d{1,3}/.exec(text.slice(j, j + 4));
      const end = prefix ? j + prefix[0].length : j;
      out.push({ start: i, end, type: T.number, mods: 0 });
      j = end;
    }
    i = j;
  }
}

/** The tokens of a file, sorted and without overlaps. */
function tokens(doc: PfDocument, file: PfFile): Tok[] {
  const out: Tok[] = [];
  for (const m of file.macros) {
    out.push({ start: m.nameStart, end: m.nameEnd, type: T.variable, mods: DECLARATION });
    for (const hit of doc.text.slice(m.valueStart, m.valueEnd).matchAll(TABLE_IN_VALUE)) {
      const at = m.valueStart + (hit.index ?? 0);
      out.push({ start: at, end: at + hit[0].length, type: T.type, mods: 0 });
    }
  }
  for (const u of file.macroUses) out.push({ start: u.start, end: u.end, type: T.variable, mods: 0 });
  for (const t of file.tables) {
    if (!t.name.origin) out.push({ start: t.nameSpan.start, end: t.nameSpan.end, type: T.type, mods: DECLARATION });
    // persist/const/counters are plain words to pfctl's lexer but read as keywords.
    for (const f of t.flags) if (!f.origin && !f.quoted) out.push({ start: f.start, end: f.end, type: T.keyword, mods: 0 });
  }
  for (const r of file.tableRefs) if (!r.nameWord.origin) out.push({ start: r.start, end: r.end, type: T.type, mods: 0 });
  scanWords(doc, file, out);
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Tok[] = [];
  let last = -1;
  for (const t of out) {
    if (t.start < last || t.end <= t.start) continue;
    kept.push(t);
    last = t.end;
  }
  return kept;
}

/**
 * Semantic tokens for pf.conf in the LSP's relative encoding (five numbers a
 * token: line delta, start delta, length, type, modifiers; types as in
 * PF_SEMANTIC_LEGEND). Drawn from the parse, so a `$macro` is coloured as a
 * macro wherever it is used and a keyword is exactly what pfctl's lexer
 * takes for one — which a TextMate grammar can only guess. With the
 * workspace, macros of included files are known (every `$use` of the line
 * is then seen).
 */
export function pfSemanticTokens(doc: PfDocument, workspace?: WorkspaceView): number[] {
  const file = workspace ? contextFile(unitsFor(workspace, doc), doc) : doc.pf;
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const t of tokens(doc, file)) {
    const s = doc.lines.positionAt(t.start);
    const e = doc.lines.positionAt(t.end);
    if (s.line !== e.line) continue;
    const deltaLine = s.line - prevLine;
    data.push(deltaLine, deltaLine === 0 ? s.character - prevChar : s.character, e.character - s.character, t.type, t.mods);
    prevLine = s.line;
    prevChar = s.character;
  }
  return data;
}
