import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { PfDocument } from '../../model/document';
import type { PfStatement, PfWord } from '../../parsers/pf';
import type { WorkspaceView } from '../../model/workspace-view';
import { sectionMarkers } from './markers';
import { contextFile, unitsFor } from '../../model/pf-ruleset';

const NAME_MAX = 60;

/** Section names of pfctl's statement order (pf.conf(5) STATEMENT ORDER). */
const SECTION_OF: Record<string, string> = {
  option: 'Options',
  ether: 'Ethernet filtering',
  normalization: 'Normalization',
  queueing: 'Queueing',
  translation: 'Translation',
  filter: 'Filtering',
};

function shorten(text: string): string {
  const flat = text.replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > NAME_MAX ? `${flat.slice(0, NAME_MAX - 1)}…` : flat;
}

function wordRange(doc: PfDocument, w: PfWord | undefined, fallback: Range): Range {
  return w ? doc.lines.range(w.start, w.end) : fallback;
}

/** The outline entry of one statement; undefined for statements that failed to parse. */
function statementSymbol(doc: PfDocument, s: PfStatement): DocumentSymbol | undefined {
  const range = doc.lines.range(s.start, s.end);
  const base = (name: string, kind: SymbolKind, selection: Range, detail?: string): DocumentSymbol => ({
    name: name || '(unnamed)',
    kind,
    range,
    selectionRange: selection,
    ...(detail ? { detail } : {}),
  });
  switch (s.type) {
    case 'invalid':
      // Still outlined (pf/syntax reports the error): a rule that does not parse is still part of the file's structure.
      return s.end > s.start ? base(shorten(doc.text.slice(s.start, s.end)), SymbolKind.Function, doc.lines.range(s.start, Math.min(s.end, s.start + firstWordLength(doc.text, s.start))), 'does not parse') : undefined;
    case 'macro':
      return base(s.name, SymbolKind.Variable, doc.lines.range(s.nameStart, s.nameEnd), shorten(s.value));
    case 'table': {
      const what = s.files.length > 0 ? `file ${s.files.map((f) => f.text).join(', ')}` : `${s.addresses.length} entr${s.addresses.length === 1 ? 'y' : 'ies'}`;
      return base(`<${s.name.text}>`, SymbolKind.Array, doc.lines.range(s.nameSpan.start, s.nameSpan.end), [...s.flags.map((f) => f.text), what].join(' '));
    }
    case 'include':
      return base(`include "${s.path.text}"`, SymbolKind.File, wordRange(doc, s.path, range));
    case 'load-anchor':
      return base(`load anchor ${s.name?.text ?? ''}`.trim(), SymbolKind.Module, wordRange(doc, s.name ?? s.keyword, range), s.path ? `from "${s.path.text}"` : undefined);
    case 'option':
      return base(`set ${s.name.text}`, SymbolKind.Property, wordRange(doc, s.name, range), shorten(s.values.map((v) => v.text).join(' ')));
    case 'limiter':
      return base(`${s.limiter} limiter ${s.name.text}`, SymbolKind.Constant, wordRange(doc, s.name, range));
    case 'altq':
    case 'queue':
      return base(s.type === 'queue' ? `queue ${s.name?.text ?? ''}` : shorten(doc.text.slice(s.start, s.end)), SymbolKind.Property, wordRange(doc, s.name ?? s.keyword, range));
    case 'anchor': {
      const header = s.body && s.bodyStart !== undefined ? doc.text.slice(s.start, s.bodyStart) : doc.text.slice(s.start, s.end);
      const sym = base(s.name ? s.name.text : shorten(header), SymbolKind.Namespace, wordRange(doc, s.name ?? s.keyword, range), s.action);
      if (s.body) sym.children = s.body.map((b) => statementSymbol(doc, b)).filter((x): x is DocumentSymbol => x !== undefined);
      return sym;
    }
    default: {
      const detail = s.expansionCount > 1 ? `expands to ${s.expansionCount} rules` : undefined;
      return base(shorten(doc.text.slice(s.start, s.end)), SymbolKind.Function, wordRange(doc, s.keyword, range), detail);
    }
  }
}

function section(name: string, children: DocumentSymbol[], range: Range, selectionRange: Range): DocumentSymbol {
  return { name, kind: SymbolKind.Namespace, detail: 'section', range, selectionRange, children };
}

/** Statement classes by first word, for statements that failed to parse (their order is unknown). */
const CLASS_OF_WORD: Record<string, string> = {
  set: 'option', ether: 'ether', scrub: 'normalization', altq: 'queueing', queue: 'queueing',
  nat: 'translation', rdr: 'translation', binat: 'translation', 'nat-anchor': 'translation', 'rdr-anchor': 'translation', 'binat-anchor': 'translation',
  pass: 'filter', block: 'filter', match: 'filter', anchor: 'filter', antispoof: 'filter',
};

function firstWordLength(text: string, start: number): number {
  return /^[^\s]*/.exec(text.slice(start, start + 64))?.[0].length || 1;
}

function classOf(doc: PfDocument, s: PfStatement): string | undefined {
  if (s.type === 'option') return SECTION_OF.option;
  if (s.type !== 'invalid') return SECTION_OF[s.order];
  const word = doc.text.slice(s.start, s.start + firstWordLength(doc.text, s.start));
  return SECTION_OF[CLASS_OF_WORD[word === 'no' ? 'scrub' : word] ?? ''];
}

/** Groups consecutive statements into the statement-order sections; definitions before the first rule stay at the top. */
function orderSections(doc: PfDocument, statements: readonly PfStatement[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  let open: { name: string; children: DocumentSymbol[] } | undefined;
  const close = (): void => {
    if (!open) return;
    const first = open.children[0];
    const last = open.children[open.children.length - 1];
    out.push(section(open.name, open.children, { start: first.range.start, end: last.range.end }, first.selectionRange));
    open = undefined;
  };
  for (const s of statements) {
    const sym = statementSymbol(doc, s);
    if (!sym) continue;
    const cls = classOf(doc, s);
    if (cls === undefined) {
      // Macros and tables between rules belong to the section they sit in.
      if (open) open.children.push(sym);
      else out.push(sym);
      continue;
    }
    if (open?.name !== cls) {
      close();
      open = { name: cls, children: [] };
    }
    open.children.push(sym);
  }
  close();
  return out;
}

/**
 * The outline of a pf.conf: macros, tables, includes and options, then the
 * rules grouped into pfctl's sections (options, normalization, queueing,
 * translation, filtering), inline anchors with their rules nested. A file
 * using pf.vim's `###>` markers is outlined by those sections instead, since
 * they are the author's own structure. Pass the workspace so rules using
 * macros of an included file parse (the file alone does not know them).
 */
export function pfSymbols(doc: PfDocument, workspace?: WorkspaceView): DocumentSymbol[] {
  // With the workspace, macros of included files are known, so rules using them parse.
  const statements = workspace ? contextFile(unitsFor(workspace, doc), doc).statements : doc.pf.statements;
  const markers = sectionMarkers(doc);
  if (markers.length === 0) return orderSections(doc, statements);
  const symbolsIn = (from: number, to: number): DocumentSymbol[] =>
    statements.filter((s) => s.start >= from && s.start < to).map((s) => statementSymbol(doc, s)).filter((x): x is DocumentSymbol => x !== undefined);
  const out = symbolsIn(0, markers[0].start);
  markers.forEach((m, i) => {
    const to = markers[i + 1]?.start ?? doc.text.length;
    const children = symbolsIn(m.start, to);
    const markerRange = doc.lines.range(m.start, m.end);
    const last = children[children.length - 1]?.range.end ?? markerRange.end;
    out.push(section(m.title || `section ${i + 1}`, children, { start: markerRange.start, end: last }, markerRange));
  });
  return out;
}
