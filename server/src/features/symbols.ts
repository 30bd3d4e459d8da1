import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { LoaderDocument, ParsedDocument, RcDocument, SysctlDocument } from '../model/document';
import type { WorkspaceView } from '../model/workspace-view';
import type { Setting } from '../parsers/syntax';
import type { RcAssignment } from '../parsers/rcconf';
import { isCarpEntry, parseIfconfigValue, type IfconfigEntry, type IfWord } from '../model/ifconfig-value';
import { canonicalAddress } from '../model/if-address';
import { classifyIfVar, ifNameOfKey, listInterfaces } from '../model/rc-interfaces';
import { MASKED_PASSWORD, maskValue, overlapsSpan, type Span } from '../model/mask';
import { secretsOf } from '../model/carp-pass';
import { rcKnobDoc } from './knob-docs';
import { ifconfigForm } from './carp-keyword-docs';
import { pfSymbols } from './pf';

/**
 * The outline of a document. rc.conf is grouped by interface and by service,
 * the way an admin thinks about a firewall's config, and CARP aliases are
 * named `vhid N → VIP` so the cluster's addresses can be read at a glance.
 * Values shown as details have CARP passwords masked unless the user turned
 * `showPasswords` on: the outline is always on screen. What is masked comes
 * from model/carp-pass, for the document's whole node when `workspace` is
 * given (a pass variable may be set in rc.conf and used in rc.conf.local).
 */
export function documentSymbols(doc: ParsedDocument, options: SymbolOptions = { showPasswords: false }): DocumentSymbol[] {
  switch (doc.kind) {
    case 'rc':
      return rcSymbols(doc, options.showPasswords ? [] : secretsOf(doc, options.workspace).spans(doc.uri));
    case 'loader':
      return loaderSymbols(doc);
    case 'sysctl':
      return sysctlSymbols(doc);
    case 'pf':
      return pfSymbols(doc);
  }
}

/** Options the user controls; passwords stay masked unless they asked to see them. */
export interface SymbolOptions {
  showPasswords: boolean;
  /** Where the document's node is found; without it the document is read alone. */
  workspace?: WorkspaceView;
}

const DETAIL_MAX = 80;

/**
 * A value as the outline shows it: the characters that come from a secret
 * span (`offsets` maps each to the document) masked, long values shortened.
 * With no spans (passwords shown, or none in the node) it is the value as written.
 */
export function displayValue(value: string, offsets: readonly number[] = [], spans: readonly Span[] = []): string {
  const out = maskValue(value, offsets, spans);
  return out.length > DETAIL_MAX ? `${out.slice(0, DETAIL_MAX - 1)}…` : out;
}

function variable(doc: ParsedDocument, s: Setting, name = s.name, detail = displayValue(s.value)): DocumentSymbol {
  return {
    name,
    detail,
    kind: SymbolKind.Variable,
    range: doc.lines.range(s.start, s.end),
    selectionRange: doc.lines.range(s.nameStart, s.nameEnd),
  };
}

/** A group node spanning its children, so breadcrumbs and "go to symbol" land on the first one. */
function group(name: string, kind: SymbolKind, detail: string, children: DocumentSymbol[]): DocumentSymbol {
  const starts = children.map((c) => c.range.start);
  const ends = children.map((c) => c.range.end);
  const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);
  const start = starts.reduce((a, b) => (before(b, a) ? b : a));
  const end = ends.reduce((a, b) => (before(a, b) ? b : a));
  return { name, detail, kind, range: { start, end }, selectionRange: children[0].selectionRange, children };
}

/** `vhid N → VIP`; a word that model/carp-pass counts as a pass (`vhid pass 10.0.0.9 …`) shows as the mask. */
function carpName(entry: IfconfigEntry, spans: readonly Span[]): string {
  const shown = (w: IfWord | undefined, text: string): string => (w && overlapsSpan(spans, w.start, w.end) ? MASKED_PASSWORD : text);
  const vhidParam = entry.carp.vhid;
  const vhid = shown(vhidParam?.value, String(vhidParam?.number ?? vhidParam?.value?.text ?? '?'));
  const a = entry.address;
  const vip = a ? shown(a.word, a.ip ? canonicalAddress(a.ip) : a.word.text) : 'no address';
  return `vhid ${vhid} → ${vip}`;
}

/** An rc.conf variable with its value as detail, secret spans masked. */
function rcVariable(doc: RcDocument, a: RcAssignment, spans: readonly Span[]): DocumentSymbol {
  return variable(doc, a, a.name, displayValue(a.value, a.valueOffsets, spans));
}

function interfaceChild(doc: RcDocument, a: RcAssignment, spans: readonly Span[]): DocumentSymbol {
  const form = ifconfigForm(a.name);
  if (!form) return rcVariable(doc, a, spans);
  const carp = parseIfconfigValue(a.value, a.valueOffsets, form).entries.filter(isCarpEntry);
  if (carp.length === 0) return rcVariable(doc, a, spans);
  if (carp.length === 1 && form !== 'multi') return { ...variable(doc, a, carpName(carp[0], spans), a.name), kind: SymbolKind.Constant };
  const children = carp.map((e) => ({
    name: carpName(e, spans),
    detail: a.name,
    kind: SymbolKind.Constant,
    range: doc.lines.range(e.words[0].start, e.words[e.words.length - 1].end),
    selectionRange: doc.lines.range(e.words[0].start, e.words[e.words.length - 1].end),
  }));
  return { ...rcVariable(doc, a, spans), children };
}

/** The interface key a variable configures, beyond addresses: vlans, wlans, create_args, descr and name count too. */
function interfaceKey(name: string): string | undefined {
  const v = classifyIfVar(name);
  if (v) return v.ifKey;
  const m = /^(?:ifconfig_(\w+?)_(?:descr|name)|vlans_(\w+)|wlans_(\w+)|create_args_(\w+))$/.exec(name);
  return m ? m[1] ?? m[2] ?? m[3] ?? m[4] : undefined;
}

/**
 * The service a variable belongs to: the longest `_`-separated prefix that
 * has an `_enable` knob, in the file or in the defaults. Ports' services are
 * found through their `_enable` line in the file.
 */
function serviceOf(name: string, enabled: ReadonlySet<string>): string | undefined {
  const parts = name.split('_');
  for (let n = parts.length - 1; n >= 1; n--) {
    const prefix = parts.slice(0, n).join('_');
    if (enabled.has(prefix) || rcKnobDoc(`${prefix}_enable`)?.default !== undefined) return prefix;
  }
  return undefined;
}

/** The rc.conf outline; `spans` are the document's secret spans (none when passwords are shown). */
function rcSymbols(doc: RcDocument, spans: readonly Span[]): DocumentSymbol[] {
  const assignments = doc.rc.assignments;
  const names = listInterfaces([{ uri: doc.uri, assignments }]).interfaces;
  const enabled = new Set(assignments.filter((a) => a.name.endsWith('_enable')).map((a) => a.name.slice(0, -'_enable'.length)));
  const groups = new Map<string, { name: string; kind: SymbolKind; detail: string; children: DocumentSymbol[] }>();
  const top: (DocumentSymbol | string)[] = [];
  const add = (key: string, name: string, kind: SymbolKind, detail: string, child: DocumentSymbol): void => {
    let g = groups.get(key);
    if (!g) {
      g = { name, kind, detail, children: [] };
      groups.set(key, g);
      top.push(key);
    }
    g.children.push(child);
  };
  for (const a of assignments) {
    const ifKey = interfaceKey(a.name);
    if (ifKey !== undefined && a.name !== 'ifconfig_DEFAULT') {
      const ifName = names.get(ifKey)?.name ?? ifNameOfKey(ifKey);
      add(`if ${ifKey}`, ifName, SymbolKind.Interface, 'interface', interfaceChild(doc, a, spans));
      continue;
    }
    const svc = serviceOf(a.name, enabled);
    if (svc !== undefined) add(`svc ${svc}`, svc, SymbolKind.Module, 'service', rcVariable(doc, a, spans));
    else top.push(rcVariable(doc, a, spans));
  }
  return top.map((t) => {
    if (typeof t !== 'string') return t;
    const g = groups.get(t)!;
    return group(g.name, g.kind, g.detail, g.children);
  });
}

function loaderSymbols(doc: LoaderDocument): DocumentSymbol[] {
  const modules = doc.loader.settings.filter((s) => s.kind === 'module');
  const tunables = doc.loader.settings.filter((s) => s.kind === 'variable' && s.name.includes('.'));
  const out: DocumentSymbol[] = [];
  if (modules.length > 0) {
    out.push(group('Modules', SymbolKind.Package, 'kernel modules', modules.map((s) => ({ ...variable(doc, s), kind: SymbolKind.Module }))));
  }
  if (tunables.length > 0) {
    out.push(group('Tunables', SymbolKind.Namespace, 'kernel environment', tunables.map((s) => ({ ...variable(doc, s), kind: SymbolKind.Property }))));
  }
  const rest = doc.loader.settings.filter((s) => !modules.includes(s) && !tunables.includes(s)).map((s) => variable(doc, s));
  return [...out, ...rest].sort((x, y) => x.range.start.line - y.range.start.line);
}

function sysctlSymbols(doc: SysctlDocument): DocumentSymbol[] {
  const groups = new Map<string, DocumentSymbol[]>();
  const order: string[] = [];
  for (const s of doc.sysctl.settings) {
    const parts = s.name.split('.');
    const key = parts.length > 2 ? parts.slice(0, 2).join('.') : parts[0];
    if (!groups.has(key)) {
      groups.set(key, []);
      order.push(key);
    }
    groups.get(key)!.push({ ...variable(doc, s), kind: SymbolKind.Property });
  }
  return order.map((k) => group(k, SymbolKind.Namespace, 'sysctl', groups.get(k)!));
}
