import type { PfDocument } from '../../model/document';
import type { PfAnchorRule, PfFile, PfMacroDef, PfTableDef, PfWord } from '../../parsers/pf';
import type { PfUnit } from '../../model/pf-ruleset';

/** The kinds of names pf.conf lets you define and refer to. */
export type PfNameKind = 'macro' | 'table' | 'anchor';

/**
 * One place a macro, table or anchor name is written in a file. `start`/`end`
 * cover the bare name (what a rename replaces); `hitStart`/`hitEnd` what the
 * cursor may be on (`$name`, `<name>`, `"name"`).
 */
export interface PfOccurrence {
  kind: PfNameKind;
  name: string;
  uri: string;
  doc: PfDocument;
  start: number;
  end: number;
  hitStart: number;
  hitEnd: number;
  /** A definition: `name = …`, `table <name>`, `anchor "name" { … }`. */
  declaration: boolean;
  /** For a macro use: the definition pfctl expands there (undefined when none is in effect yet). */
  binding?: PfMacroDef;
  macro?: PfMacroDef;
  table?: PfTableDef;
  anchor?: PfAnchorRule;
}

const TABLE_IN_VALUE = /<([A-Za-z0-9_][^\s<>{},"'()]*)>/g;

function nameRange(w: PfWord): { start: number; end: number } {
  // A quoted name's text sits between the quotes; anything else (escapes) keeps the whole word.
  return w.quoted && w.end - w.start === w.text.length + 2 ? { start: w.start + 1, end: w.end - 1 } : { start: w.start, end: w.end };
}

function fileOccurrences(uri: string, doc: PfDocument, file: PfFile): PfOccurrence[] {
  const out: PfOccurrence[] = [];
  for (const m of file.macros) {
    out.push({ uri, doc, kind: 'macro', name: m.name, start: m.nameStart, end: m.nameEnd, hitStart: m.nameStart, hitEnd: m.nameEnd, declaration: true, macro: m });
    // `<t>` written in a macro's value is a table reference once the macro is expanded.
    const value = doc.text.slice(m.valueStart, m.valueEnd);
    for (const hit of value.matchAll(TABLE_IN_VALUE)) {
      const at = m.valueStart + (hit.index ?? 0);
      out.push({ uri, doc, kind: 'table', name: hit[1], start: at + 1, end: at + 1 + hit[1].length, hitStart: at, hitEnd: at + hit[0].length, declaration: false });
    }
  }
  for (const u of file.macroUses) {
    out.push({ uri, doc, kind: 'macro', name: u.name, start: u.start + 1, end: u.end, hitStart: u.start, hitEnd: u.end, declaration: false, binding: u.definition });
  }
  for (const t of file.tables) {
    if (t.name.origin) continue;
    out.push({ uri, doc, kind: 'table', name: t.name.text, start: t.name.start, end: t.name.end, hitStart: t.nameSpan.start, hitEnd: t.nameSpan.end, declaration: true, table: t });
  }
  for (const r of file.tableRefs) {
    if (r.nameWord.origin) continue;
    out.push({ uri, doc, kind: 'table', name: r.name, start: r.nameWord.start, end: r.nameWord.end, hitStart: r.start, hitEnd: r.end, declaration: false });
  }
  for (const a of file.anchors) {
    if (!a.name || a.name.origin) continue;
    const r = nameRange(a.name);
    out.push({ uri, doc, kind: 'anchor', name: a.name.text, start: r.start, end: r.end, hitStart: a.name.start, hitEnd: a.name.end, declaration: a.body !== undefined, anchor: a });
  }
  for (const l of file.loadAnchors) {
    if (!l.name || l.name.origin) continue;
    const r = nameRange(l.name);
    out.push({ uri, doc, kind: 'anchor', name: l.name.text, start: r.start, end: r.end, hitStart: l.name.start, hitEnd: l.name.end, declaration: false });
  }
  return out;
}

// Units are cached until a file changes, so their occurrences can be too (hover, highlight and references ask repeatedly).
const cache = new WeakMap<PfUnit, PfOccurrence[]>();

/** Every name occurrence of a ruleset, each file's in source order. */
export function unitOccurrences(unit: PfUnit): PfOccurrence[] {
  let list = cache.get(unit);
  if (!list) {
    list = unit.files.flatMap((f) => fileOccurrences(f.uri, f.doc, f.file));
    cache.set(unit, list);
  }
  return list;
}

/** The occurrence under the cursor (the cursor may also sit just after the name). */
export function occurrenceAt(units: readonly PfUnit[], uri: string, offset: number): PfOccurrence | undefined {
  let touching: PfOccurrence | undefined;
  for (const unit of units) {
    for (const o of unitOccurrences(unit)) {
      if (o.uri !== uri || offset < o.hitStart || offset > o.hitEnd) continue;
      if (offset < o.hitEnd) return o;
      touching ??= o;
    }
  }
  return touching;
}

/** Every occurrence of the same name and kind across the rulesets, without duplicates (a shared file appears in several). */
export function occurrencesOf(units: readonly PfUnit[], kind: PfNameKind, name: string): PfOccurrence[] {
  const seen = new Set<string>();
  const out: PfOccurrence[] = [];
  for (const unit of units) {
    for (const o of unitOccurrences(unit)) {
      if (o.kind !== kind || o.name !== name) continue;
      const key = `${o.uri} ${o.start} ${o.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(o);
    }
  }
  return out;
}

/** The URI of the unit file holding a macro definition (definitions from included files carry that file's offsets). */
export function uriOfMacro(units: readonly PfUnit[], def: PfMacroDef): { uri: string; doc: PfDocument } | undefined {
  for (const unit of units) {
    for (const f of unit.files) if (f.file.macros.includes(def)) return { uri: f.uri, doc: f.doc };
  }
  return undefined;
}
