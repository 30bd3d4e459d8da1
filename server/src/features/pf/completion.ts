import { CompletionItemKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import type { PfDocument } from '../../model/document';
import type { WorkspaceView } from '../../model/workspace-view';
import { isLegacyCarpName, listInterfaces } from '../../model/rc-interfaces';
import { pfKeywordsAt } from '../../parsers/pf';
import { PF_CONF_MAN, pfKeywordSummary } from './keyword-docs';
import { unitOccurrences } from './occurrences';
import { unitsFor, type PfUnit } from '../../model/pf-ruleset';

const WORD = /[A-Za-z0-9_.:-]/;
/** Words after which pf.conf expects an interface name. */
const IF_WORDS = new Set(['on', 'for', 'received-on', 'loginterface', 'route-to', 'reply-to', 'dup-to']);

/** The start of the logical line holding `offset` (lines ending in `\` continue). */
function logicalLineStart(doc: PfDocument, offset: number): number {
  let line = doc.lines.positionAt(offset).line;
  while (line > 0 && doc.lines.lineText(line - 1).endsWith('\\')) line--;
  return doc.lines.offsetAt({ line, character: 0 });
}

/**
 * Keywords valid where the word being typed starts. A space is inserted there
 * so the parser sees the cursor after the previous line break (it would
 * otherwise continue the previous statement), and `$uses` this file cannot
 * resolve alone (macros of an including file) are read as plain words; both
 * keep every earlier offset.
 */
function keywordsAt(doc: PfDocument, start: number): readonly string[] {
  const firstDefinition = new Map<string, number>();
  for (const m of doc.pf.macros) if (!firstDefinition.has(m.name)) firstDefinition.set(m.name, m.end);
  const before = doc.text.slice(0, start).replace(/\$([A-Za-z0-9_]+)/g, (use: string, name: string, at: number) =>
    (firstDefinition.get(name) ?? Infinity) <= at ? use : `_${name}`);
  return pfKeywordsAt(`${before} ${doc.text.slice(start)}`, start + 1);
}

function expectsInterface(prefix: string): boolean {
  const tokens = prefix.match(/[{}(),!]|[^\s{}(),!]+/g) ?? [];
  const last = tokens[tokens.length - 1];
  if (last !== undefined && IF_WORDS.has(last)) return true;
  if (last === '(' && IF_WORDS.has(tokens[tokens.length - 2] ?? '')) return true;
  let depth = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (tokens[i] === '}') depth++;
    else if (tokens[i] === '{' && depth-- === 0) return IF_WORDS.has(tokens[i - 1] ?? '');
  }
  return false;
}

/** Interface names of the node: configured in its rc.conf files, or already written in its pf files. */
function interfaceNames(doc: PfDocument, workspace: WorkspaceView, units: readonly PfUnit[]): Map<string, string> {
  const names = new Map<string, string>();
  const rc = workspace.nodeOf(doc.uri).byKind.rc.flatMap((d) => (d.kind === 'rc' ? [{ uri: d.uri, assignments: d.rc.assignments }] : []));
  const found = listInterfaces(rc);
  for (const iface of found.interfaces.values()) if (!isLegacyCarpName(iface.key)) names.set(iface.name, 'interface configured in rc.conf');
  for (const c of found.cloned) if (c.effective && !isLegacyCarpName(c.name)) names.set(c.name, 'cloned interface (rc.conf)');
  for (const unit of units) {
    for (const f of unit.files) {
      for (const w of f.file.interfaces) {
        if (w.origin || w.quoted || ['any', 'none', 'self'].includes(w.text) || names.has(w.text)) continue;
        names.set(w.text, 'interface used in pf.conf');
      }
    }
  }
  return names;
}

function item(label: string, kind: CompletionItemKind, range: Range, sort: string, detail?: string, doc?: string): CompletionItem {
  return {
    label,
    kind,
    ...(detail ? { detail } : {}),
    ...(doc ? { documentation: { kind: 'markdown' as const, value: doc } } : {}),
    textEdit: { range, newText: label },
    sortText: `${sort}${label}`,
  };
}

function macroItems(units: readonly PfUnit[], range: Range): CompletionItem[] {
  const seen = new Map<string, string>();
  for (const unit of units) for (const o of unitOccurrences(unit)) if (o.kind === 'macro' && o.macro && !seen.has(o.name)) seen.set(o.name, o.macro.value);
  return [...seen].map(([name, value]) => item(`$${name}`, CompletionItemKind.Variable, range, '2', value.length > 60 ? `${value.slice(0, 59)}…` : value));
}

function tableItems(units: readonly PfUnit[], range: Range, typing: { uri: string; offset: number }): CompletionItem[] {
  const seen = new Map<string, boolean>();
  for (const unit of units) {
    for (const o of unitOccurrences(unit)) {
      // The reference being typed is no table of its own.
      if (o.kind !== 'table' || (o.uri === typing.uri && o.hitStart <= typing.offset && typing.offset <= o.hitEnd)) continue;
      seen.set(o.name, (seen.get(o.name) ?? false) || o.declaration);
    }
  }
  return [...seen].map(([name, defined]) => item(`<${name}>`, CompletionItemKind.Struct, range, '3', defined ? 'table' : 'table (used, not defined)'));
}

/**
 * Completion in pf.conf: the keywords pfctl accepts at the cursor (from the
 * parser's own grammar state), `$macros` after `$`, `<tables>` after `<` and
 * where an address goes, and interface names where one is expected — those
 * the node's rc.conf configures and those the ruleset already uses. Every
 * item replaces the partial word, `$`/`<` included.
 */
export function pfCompletion(doc: PfDocument, position: Position, workspace: WorkspaceView): CompletionItem[] {
  const offset = doc.lines.offsetAt(position);
  if (doc.pf.comments.some((c) => c.start < offset && offset <= c.end)) return [];
  const text = doc.text;
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && WORD.test(text[end])) end++;
  const units = unitsFor(workspace, doc);
  const sigil = text[start - 1];
  if (sigil === '$') return macroItems(units, doc.lines.range(start - 1, end));
  if (sigil === '<') return tableItems(units, doc.lines.range(start - 1, text[end] === '>' ? end + 1 : end), { uri: doc.uri, offset });
  const lineStart = logicalLineStart(doc, offset);
  const prefix = text.slice(lineStart, start).replace(/\\\r?\n|\\\r/g, ' ');
  if ((prefix.match(/"/g) ?? []).length % 2 === 1) return [];
  const range = doc.lines.range(start, end);
  const expected = keywordsAt(doc, start);
  const items: CompletionItem[] = [];
  const atStart = prefix.trim() === '';
  if (!atStart && expectsInterface(prefix)) {
    for (const [name, detail] of interfaceNames(doc, workspace, units)) items.push(item(name, CompletionItemKind.Value, range, '0', detail));
  }
  for (const kw of new Set(expected)) {
    if (!/^[a-z]/i.test(kw)) continue;
    const summary = pfKeywordSummary(kw);
    items.push(item(kw, CompletionItemKind.Keyword, range, '1', summary, summary ? `${summary}\n\n[pf.conf(5)](${PF_CONF_MAN})` : undefined));
  }
  if (!atStart) {
    for (const m of macroItems(units, range)) items.push(m);
    if (expected.includes('<')) for (const t of tableItems(units, range, { uri: doc.uri, offset })) items.push(t);
  }
  return items;
}
