import { CompletionItemKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import type { ParsedDocument, RcDocument } from '../model/document';
import type { WorkspaceView } from '../model/workspace-view';
import { CARP_SYSCTLS, type CarpSysctl } from '../model/carp-sysctls';
import { splitIfconfigWords } from '../model/ifconfig-value';
import { classifyIfVar, isLegacyCarpName, listInterfaces, nextAliasNumber } from '../model/rc-interfaces';
import { extraYesNoValues, isYesNoKnob } from '../model/rc-knobs';
import { loaderCatalogue, manLink, rcCatalogue, type KnobDoc } from './knob-docs';
import { ALIAS_KEYWORDS, CARP_STATES, carpKeywordDoc } from './carp-keyword-docs';
import { pfCompletion } from './pf';

/** A name=value statement as completion sees it: parsed, or read from the line while it is still being typed. */
interface Statement {
  name: string;
  nameStart: number;
  nameEnd: number;
  value: string;
  /** Source offset of each value character, plus one past the end (as in parsers/syntax.ts). */
  valueOffsets: readonly number[];
}

/** Where the cursor is: in a name, in a value (with the statement), or nowhere useful. */
type Context =
  | { at: 'name'; partialStart: number; partialEnd: number; typed: string }
  | { at: 'value'; statement: Statement; wordStart: number; wordEnd: number };

/**
 * Completion items at a position: knob names, YES/NO and interface names as
 * values, CARP keywords inside alias values, CARP sysctls. Every item carries
 * a textEdit replacing the partial word, so accepting an item never leaves
 * half a word behind, and no snippet syntax, so every client inserts it as is.
 */
export function complete(doc: ParsedDocument, position: Position, workspace: WorkspaceView): CompletionItem[] {
  if (doc.kind === 'pf') return pfCompletion(doc, position, workspace);
  const offset = doc.lines.offsetAt(position);
  const settings = doc.kind === 'rc' ? doc.rc.assignments : doc.kind === 'loader' ? doc.loader.settings : doc.sysctl.settings;
  const ctx = contextAt(doc, offset, settings);
  if (!ctx) return [];
  const range = (s: number, e: number): Range => doc.lines.range(s, e);
  if (ctx.at === 'name') {
    const r = range(ctx.partialStart, ctx.partialEnd);
    if (doc.kind === 'rc') return rcNames(doc, workspace, r);
    if (doc.kind === 'loader') return loaderNames(r, ctx.typed);
    return sysctlNames(r);
  }
  const { statement: st } = ctx;
  const r = range(st.valueOffsets[ctx.wordStart], st.valueOffsets[ctx.wordEnd]);
  if (doc.kind === 'rc') return rcValues(doc, workspace, ctx, r);
  if (doc.kind === 'loader') return loaderValues(st, r);
  return sysctlValues(st, r);
}

const NAME_CHAR = /[\w.%-]/;

function contextAt(doc: ParsedDocument, offset: number, settings: readonly Statement[]): Context | undefined {
  const parsed = settings.find((s) => s.nameStart <= offset && offset <= s.valueOffsets[s.valueOffsets.length - 1]);
  const st = parsed ?? statementFromLine(doc, offset);
  if (st && st.nameStart <= offset && offset <= st.nameEnd) {
    return { at: 'name', partialStart: st.nameStart, partialEnd: st.nameEnd, typed: st.name.slice(0, offset - st.nameStart) };
  }
  if (st && st.valueOffsets[0] <= offset && offset <= st.valueOffsets[st.valueOffsets.length - 1]) {
    let index = 0;
    while (index + 1 < st.valueOffsets.length && st.valueOffsets[index + 1] <= offset) index++;
    let wordStart = index;
    while (wordStart > 0 && !/\s/.test(st.value[wordStart - 1])) wordStart--;
    let wordEnd = index;
    while (wordEnd < st.value.length && !/\s/.test(st.value[wordEnd])) wordEnd++;
    return { at: 'value', statement: st, wordStart, wordEnd };
  }
  if (st) return undefined;
  // A bare word at the start of a line is a name being typed (sh sees a command for now).
  const line = doc.lines.positionAt(offset).line;
  const lineStart = doc.lines.lineStarts[line];
  const before = doc.text.slice(lineStart, offset).replace(/^\uFEFF/, '');
  const m = /^\s*([\w.%-]*)$/.exec(before);
  if (!m) return undefined;
  let end = offset;
  while (end < doc.lines.lineEnd(line) && NAME_CHAR.test(doc.text[end])) end++;
  return { at: 'name', partialStart: offset - m[1].length, partialEnd: end, typed: m[1] };
}

/**
 * Reads `name=value` from the cursor's line when the parser has no statement
 * there, which is the normal state while typing (an unterminated quote makes
 * sh swallow the following lines, so the parser rightly records nothing).
 */
function statementFromLine(doc: ParsedDocument, offset: number): Statement | undefined {
  const line = doc.lines.positionAt(offset).line;
  const start = doc.lines.lineStarts[line];
  const text = doc.lines.lineText(line);
  const m = /^(\uFEFF?\s*(?:export\s+)?)([\w.%-]+)(\s*=\s*)(["']?)/.exec(text);
  if (!m) return undefined;
  const nameStart = start + m[1].length;
  const nameEnd = nameStart + m[2].length;
  const valueStart = nameEnd + m[3].length + m[4].length;
  let valueEnd = start + text.length;
  const hash = m[4] === '' ? text.indexOf(' #', valueStart - start) : -1;
  if (hash >= 0) valueEnd = start + hash;
  if (m[4] !== '') {
    const close = text.indexOf(m[4], valueStart - start);
    if (close >= 0) valueEnd = start + close;
  }
  const value = doc.text.slice(valueStart, valueEnd);
  const valueOffsets = Array.from({ length: value.length + 1 }, (_, i) => valueStart + i);
  return { name: m[2], nameStart, nameEnd, value, valueOffsets };
}

function knobItem(doc: KnobDoc, r: Range, kind: CompletionItemKind, manLine: string): CompletionItem {
  const lines: string[] = [];
  if (doc.description) lines.push(doc.description);
  if (doc.default !== undefined) lines.push(`Default: \`"${doc.default}"\``);
  lines.push(manLine);
  return {
    label: doc.name,
    kind,
    detail: doc.default !== undefined ? `default "${doc.default}"` : doc.pattern ?? 'no default',
    documentation: { kind: 'markdown', value: lines.join('\n\n') },
    textEdit: { range: r, newText: doc.name },
  };
}

/** The rc files of the document's machine (the document included even when not indexed), where its interfaces are defined. */
function nodeRcFiles(doc: RcDocument, workspace: WorkspaceView): RcDocument[] {
  const files = workspace.nodeOf(doc.uri).byKind.rc.map((d) => (d.uri === doc.uri ? doc : d));
  if (!files.includes(doc)) files.push(doc);
  return files.filter((d): d is RcDocument => d.kind === 'rc');
}

function rcNames(doc: RcDocument, workspace: WorkspaceView, r: Range): CompletionItem[] {
  const items = rcCatalogue().map((k) => knobItem(k, r, CompletionItemKind.Variable, manLink('rc.conf')));
  // The next free alias of each interface the node configures: the line a writer adds most often.
  const { interfaces } = listInterfaces(nodeRcFiles(doc, workspace).map((d) => ({ uri: d.uri, assignments: d.rc.assignments })));
  for (const iface of interfaces.values()) {
    if (isLegacyCarpName(iface.key)) continue;
    const { n } = nextAliasNumber(iface);
    const name = `ifconfig_${iface.key}_alias${n}`;
    items.push({
      label: name,
      kind: CompletionItemKind.Variable,
      detail: `next free alias of ${iface.name}`,
      documentation: {
        kind: 'markdown',
        value: `Adds an address to \`${iface.name}\`; for a CARP address: \`inet vhid N pass P alias VIP/32\`.\n\n${manLink('rc.conf')}`,
      },
      textEdit: { range: r, newText: name },
      sortText: `0${name}`,
    });
  }
  return items;
}

function loaderNames(r: Range, typed: string): CompletionItem[] {
  const items = loaderCatalogue().map((k) => knobItem(k, r, CompletionItemKind.Variable, manLink('loader.conf')));
  // Only net.inet.carp.allow is read by the loader; offering the others would invite loader/not-a-tunable.
  if (typed.startsWith('net') || typed === '') {
    for (const s of CARP_SYSCTLS.filter((x) => x.tunable)) items.push(sysctlItem(s, r, 'loader.conf'));
  }
  return items;
}

function sysctlNames(r: Range): CompletionItem[] {
  // demotion adds on every write and stats is read-only: neither belongs in sysctl.conf.
  return CARP_SYSCTLS.filter((s) => s.writable && s.write === 'set').map((s) => sysctlItem(s, r, 'sysctl.conf'));
}

function sysctlItem(s: CarpSysctl, r: Range, page: 'sysctl.conf' | 'loader.conf'): CompletionItem {
  const range = s.max !== undefined ? ` (${s.min ?? 0}–${s.max})` : s.min !== undefined ? ` (≥ ${s.min})` : '';
  return {
    label: s.oid,
    kind: CompletionItemKind.Property,
    detail: `default ${s.default ?? '–'}${range}${s.tunable ? ', loader tunable' : ''}`,
    documentation: { kind: 'markdown', value: `${s.description}\n\n${manLink('carp')} · ${manLink(page)}` },
    textEdit: { range: r, newText: s.oid },
  };
}

function valueItem(label: string, r: Range, detail: string, documentation?: string): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.Value,
    detail,
    ...(documentation ? { documentation: { kind: 'markdown' as const, value: documentation } } : {}),
    textEdit: { range: r, newText: label },
  };
}

function yesNo(r: Range, what: string): CompletionItem[] {
  return [valueItem('YES', r, `turn ${what} on`), valueItem('NO', r, `turn ${what} off`)];
}

/** rc.conf knobs whose value is a list of interfaces, or one interface. */
function takesInterfaces(name: string): boolean {
  if (name === 'cloned_interfaces' || name === 'cloned_interfaces_sticky') return false;
  return /_interfaces?$/.test(name) || name === 'pfsync_syncdev' || name === 'firewall_logif' || name === 'ipv6_cpe_wanif';
}

function rcValues(doc: RcDocument, workspace: WorkspaceView, ctx: Extract<Context, { at: 'value' }>, r: Range): CompletionItem[] {
  const st = ctx.statement;
  const v = classifyIfVar(st.name);
  if (v && (v.role === 'alias' || v.role === 'aliases')) return aliasKeywords(st, ctx.wordStart, r);
  if (isYesNoKnob(st.name)) {
    const extra = extraYesNoValues(st.name).map((x) => valueItem(x, r, 'documented value besides YES/NO', manLink('rc.conf')));
    return [...yesNo(r, st.name.replace(/_enable$/, '')), ...extra];
  }
  if (takesInterfaces(st.name)) {
    const files = nodeRcFiles(doc, workspace);
    const found = listInterfaces(files.map((d) => ({ uri: d.uri, assignments: d.rc.assignments })));
    const names = new Set<string>();
    for (const iface of found.interfaces.values()) if (!isLegacyCarpName(iface.key)) names.add(iface.name);
    for (const c of found.cloned) if (c.effective && !isLegacyCarpName(c.name)) names.add(c.name);
    // vlans_<if> creates <if>.<tag> (or a named vlan) that no ifconfig_ variable may mention.
    for (const d of files) {
      for (const a of d.rc.assignments) {
        const m = /^vlans_(\w+)$/.exec(a.name);
        if (!m || /[$`]/.test(a.value)) continue;
        const parent = found.interfaces.get(m[1])?.name ?? m[1];
        for (const w of a.value.split(/\s+/).filter(Boolean)) names.add(/^\d+$/.test(w) ? `${parent}.${w}` : w);
      }
    }
    const used = new Set(st.value.split(/\s+/));
    return [...names]
      .filter((n) => !used.has(n) || st.value.slice(ctx.wordStart, ctx.wordEnd) === n)
      .sort()
      .map((n) => valueItem(n, r, 'interface configured in this node'));
  }
  return [];
}

/** Keywords that take an argument: right after one, the writer types a value, not a keyword. */
const TAKES_ARGUMENT = new Set(['vhid', 'advskew', 'advbase', 'pass', 'peer', 'peer6', 'netmask', 'prefixlen', 'broadcast']);

function aliasKeywords(st: Statement, wordStart: number, r: Range): CompletionItem[] {
  const before = splitIfconfigWords(st.value.slice(0, wordStart), st.valueOffsets);
  const previous = before[before.length - 1]?.text;
  if (previous === 'state') {
    return CARP_STATES.map((s) => valueItem(s, r, 'CARP state', carpKeywordDoc('state')?.meaning));
  }
  if (previous !== undefined && TAKES_ARGUMENT.has(previous)) return [];
  // Only the entry being typed counts: in `_aliases` a new inet/inet6 starts a new command.
  let entryStart = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    if (before[i].text === 'inet' || before[i].text === 'inet6') {
      entryStart = i;
      break;
    }
  }
  const present = new Set(before.slice(entryStart).map((w) => w.text));
  const atStart = before.length === 0;
  const items: CompletionItem[] = [];
  for (const keyword of ALIAS_KEYWORDS) {
    const d = carpKeywordDoc(keyword);
    if (!d) continue;
    const family = keyword === 'inet' || keyword === 'inet6';
    if (family && !atStart && !/_aliases$/.test(st.name)) continue;
    if (!family && present.has(keyword)) continue;
    items.push({
      label: keyword,
      kind: CompletionItemKind.Keyword,
      detail: d.argument ? `${d.summary} ${d.argument}` : d.summary,
      documentation: { kind: 'markdown', value: `${d.meaning}${d.range ? `\n\nRange: ${d.range}.` : ''}\n\n${d.carp ? manLink('carp') : manLink('ifconfig')}` },
      textEdit: { range: r, newText: keyword },
      sortText: `${String(ALIAS_KEYWORDS.indexOf(keyword)).padStart(2, '0')}${keyword}`,
    });
  }
  return items;
}

function loaderValues(st: Statement, r: Range): CompletionItem[] {
  const s = CARP_SYSCTLS.find((x) => x.oid === st.name);
  if (s) return sysctlValueItems(s, r);
  const knob = loaderCatalogue().find((k) => k.name === st.name);
  if (/_load$/.test(st.name) || /^(yes|no)$/i.test(knob?.default ?? '')) return yesNo(r, st.name.replace(/_load$/, ' loading'));
  return [];
}

function sysctlValues(st: Statement, r: Range): CompletionItem[] {
  const s = CARP_SYSCTLS.find((x) => x.oid === st.name);
  return s ? sysctlValueItems(s, r) : [];
}

function sysctlValueItems(s: CarpSysctl, r: Range): CompletionItem[] {
  if (s.values) return s.values.map((v) => valueItem(String(v.value), r, v.meaning));
  return s.default !== undefined ? [valueItem(String(s.default), r, 'default')] : [];
}
