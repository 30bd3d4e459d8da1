import type { Hover, Position } from 'vscode-languageserver-types';
import type { PfDocument } from '../../model/document';
import type { WorkspaceView } from '../../model/workspace-view';
import type { PfFile, PfRule } from '../../parsers/pf';
import { pfKeywordDoc, pfKeywordMarkdown } from './keyword-docs';
import { occurrenceAt, occurrencesOf, uriOfMacro, type PfOccurrence } from './occurrences';
import { expandRule, ruleAt } from './rule-expansion';
import { contextFile, unitsFor, type PfUnit } from '../../model/pf-ruleset';

/** What the caller may tune: how many expanded rules a rule hover lists before "… and N more". */
export interface PfHoverOptions {
  maxExpandedRules?: number;
}

const DEFAULT_MAX_RULES = 50;

function inComment(file: PfFile, offset: number): boolean {
  return file.comments.some((c) => c.start <= offset && offset < c.end);
}

/** The file name of a URI for display; a malformed escape (`100%`) is shown as written rather than failing the hover. */
function fileLabel(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function where(o: { uri: string; doc: PfDocument }, start: number, here: string): string {
  const line = o.doc.lines.positionAt(start).line + 1;
  return o.uri === here ? `line ${line}` : `\`${fileLabel(o.uri)}\` line ${line}`;
}

function fence(text: string): string {
  return ['```pf', text, '```'].join('\n');
}

function macroMarkdown(units: PfUnit[], doc: PfDocument, at: PfOccurrence): string {
  const def = at.declaration ? at.macro : at.binding;
  const head = `**$${at.name}** — macro`;
  if (!def) {
    const later = occurrencesOf(units, 'macro', at.name).find((o) => o.declaration);
    if (later) {
      return `${head}\n\nNot defined yet at this point: it is defined at ${where(later, later.start, doc.uri)}, and pfctl expands a macro only after its definition (\`macro '${at.name}' not defined\`).`;
    }
    return `${head}\n\nNot defined anywhere in this ruleset: pfctl stops with \`macro '${at.name}' not defined\`.`;
  }
  const owner = uriOfMacro(units, def) ?? { uri: doc.uri, doc };
  const written = owner.doc.text.slice(def.valueStart, def.valueEnd);
  const lines = [`${head}, defined at ${where(owner, def.nameStart, doc.uri)}`, '', 'Value as written:', fence(written)];
  if (def.value !== written) lines.push('', 'Expands to:', fence(def.value));
  return lines.join('\n');
}

function tableMarkdown(units: PfUnit[], doc: PfDocument, at: PfOccurrence): string {
  const defs = occurrencesOf(units, 'table', at.name).filter((o) => o.declaration && o.table);
  const head = `**<${at.name}>** — table`;
  if (defs.length === 0) {
    return `${head}\n\nNo \`table <${at.name}>\` definition in this ruleset: pfctl creates an empty table when the rules load, filled only by \`pfctl -t ${at.name} -T add\` or an \`overload\` rule.`;
  }
  const d = defs[0];
  const stmt = d.doc.text.slice(d.table!.start, d.table!.end).replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ');
  const shown = stmt.length > 300 ? `${stmt.slice(0, 299)}…` : stmt;
  return [`${head}, defined at ${where(d, d.table!.start, doc.uri)}`, '', fence(shown)].join('\n');
}

const WORD = /[A-Za-z0-9_.:-]/;

function wordAt(text: string, offset: number): { start: number; end: number; text: string } | undefined {
  let s = offset;
  let e = offset;
  while (s > 0 && WORD.test(text[s - 1])) s--;
  while (e < text.length && WORD.test(text[e])) e++;
  if (s === e) return undefined;
  return { start: s, end: e, text: text.slice(s, e) };
}

/** The word before `start` on the same logical line (skipping spaces and an opening parenthesis). */
function wordBefore(text: string, start: number): string | undefined {
  let i = start;
  while (i > 0 && /[ \t(,]/.test(text[i - 1])) i--;
  return i > 0 && WORD.test(text[i - 1]) ? wordAt(text, i - 1)?.text : undefined;
}

function wordAfter(text: string, end: number): string | undefined {
  let i = end;
  while (i < text.length && /[ \t]/.test(text[i])) i++;
  return i < text.length && WORD.test(text[i]) ? wordAt(text, i)?.text : undefined;
}

/** True when `offset` is inside a quoted string of its line (labels, anchor names, file names). */
function inQuotes(text: string, lineStart: number, offset: number): boolean {
  let open: string | undefined;
  for (let i = lineStart; i < offset; i++) {
    const c = text[i];
    if (open) {
      if (c === open) open = undefined;
    } else if (c === '"' || c === "'") open = c;
  }
  return open !== undefined;
}

function keywordHover(doc: PfDocument, offset: number): Hover | null {
  const w = wordAt(doc.text, offset);
  if (!w || /[$<]/.test(doc.text[w.start - 1] ?? '')) return null;
  if (inQuotes(doc.text, doc.lines.offsetAt({ line: doc.lines.positionAt(offset).line, character: 0 }), w.start)) return null;
  const next = wordAfter(doc.text, w.end);
  // On the first word of a pair, explain the pair (`keep state`, `set skip`).
  const pair = next !== undefined ? pfKeywordDoc(next, w.text) : undefined;
  const found = pair && pair.key.includes(' ') ? pair : pfKeywordDoc(w.text, wordBefore(doc.text, w.start));
  if (!found) return null;
  return { contents: { kind: 'markdown', value: pfKeywordMarkdown(found.key, found.doc) }, range: doc.lines.range(w.start, w.end) };
}

function ruleHover(doc: PfDocument, file: PfFile, r: PfRule, max: number): Hover | null {
  const end = r.type === 'anchor' && r.bodyStart !== undefined ? r.bodyStart : r.end;
  const hasMacros = file.macroUses.some((u) => u.start >= r.start && u.end <= end);
  if (r.expansionCount <= 1 && !hasMacros) return null;
  const x = expandRule(doc.text, file, r, max);
  const lines = [x.total > 1 ? `**Expands to ${x.total} rules** (lists and macros unrolled, in pfctl's order)` : '**With its macros expanded**', ''];
  const body = [...x.lines];
  if (x.total > x.lines.length) body.push(`… and ${x.total - x.lines.length} more`);
  lines.push(fence(body.join('\n')));
  if (x.mixedFamilies) lines.push('', 'pfctl skips the combinations that mix IPv4 and IPv6 addresses, so it loads fewer.');
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: doc.lines.range(r.start, end) };
}

/**
 * Hover in pf.conf: on `$macro`, its value as written and as pfctl expands it
 * (also for macros of included or including files); on `<table>`, its
 * definition; on a keyword, one line of explanation and the pf.conf(5)
 * section to read; elsewhere on a rule (and on its first keyword, above the
 * keyword's line), the rules it expands into once lists and macros are
 * unrolled — what `pfctl -nv` would print — capped so a huge product costs
 * nothing.
 */
export function pfHover(doc: PfDocument, position: Position, workspace: WorkspaceView, options: PfHoverOptions = {}): Hover | null {
  const offset = doc.lines.offsetAt(position);
  if (inComment(doc.pf, offset)) return null;
  const units = unitsFor(workspace, doc);
  const at = occurrenceAt(units, doc.uri, offset);
  if (at && at.kind !== 'anchor') {
    const value = at.kind === 'macro' ? macroMarkdown(units, doc, at) : tableMarkdown(units, doc, at);
    return { contents: { kind: 'markdown', value }, range: doc.lines.range(at.hitStart, at.hitEnd) };
  }
  const file = contextFile(units, doc);
  const rule = ruleAt(file.statements, offset);
  const expansion = rule ? ruleHover(doc, file, rule, options.maxExpandedRules ?? DEFAULT_MAX_RULES) : null;
  const keyword = keywordHover(doc, offset);
  // The rule's first keyword is where one asks "what does this rule do": show both.
  if (keyword && expansion && rule && offset >= rule.keyword.start && offset <= rule.keyword.end) {
    const value = `${(expansion.contents as { value: string }).value}\n\n---\n\n${(keyword.contents as { value: string }).value}`;
    return { contents: { kind: 'markdown', value }, range: expansion.range };
  }
  return keyword ?? expansion;
}
