import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { LoaderDocument, ParsedDocument, RcDocument, SysctlDocument } from '../model/document';
import type { Setting } from '../parsers/syntax';
import type { RcAssignment } from '../parsers/rcconf';
import { isCarpEntry, parseIfconfigValue, type IfconfigEntry } from '../model/carp-alias';
import { canonicalAddress } from '../model/if-address';
import { classifyIfVar, ifNameOfKey, listInterfaces } from '../model/rc-interfaces';
import { maskPassWords } from '../model/mask';
import { rcKnobDoc } from './knob-docs';
import { ifconfigForm } from './carp-keyword-docs';
import { pfSymbols } from './pf';

/**
 * The outline of a document. rc.conf is grouped by interface and by service,
 * the way an admin thinks about a firewall's config, and CARP aliases are
 * named `vhid N → VIP` so the cluster's addresses can be read at a glance.
 * Values shown as details have CARP passwords masked unless the user turned
 * `showPasswords` on: the outline is always on screen.
 */
export function documentSymbols(doc: ParsedDocument, options: SymbolOptions = { showPasswords: false }): DocumentSymbol[] {
  switch (doc.kind) {
    case 'rc':
      return rcSymbols(doc, options.showPasswords);
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
}

const DETAIL_MAX = 80;

/** A value as the outline shows it: the word after every `pass` masked (unless asked), long values shortened. */
export function displayValue(value: string, showPasswords = false): string {
  const out = maskPassWords(value, showPasswords);
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

function carpName(entry: IfconfigEntry): string {
  const vhid = entry.carp.vhid?.number ?? entry.carp.vhid?.value?.text ?? '?';
  const a = entry.address;
  const vip = a ? (a.ip ? canonicalAddress(a.ip) : a.word.text) : 'no address';
  return `vhid ${vhid} → ${vip}`;
}

/** An rc.conf variable with its value as detail, passwords shown only when asked. */
function rcVariable(doc: RcDocument, a: RcAssignment, show: boolean): DocumentSymbol {
  return variable(doc, a, a.name, displayValue(a.value, show));
}

function interfaceChild(doc: RcDocument, a: RcAssignment, show: boolean): DocumentSymbol {
  const form = ifconfigForm(a.name);
  if (!form) return rcVariable(doc, a, show);
  const carp = parseIfconfigValue(a.value, a.valueOffsets, form).entries.filter(isCarpEntry);
  if (carp.length === 0) return rcVariable(doc, a, show);
  if (carp.length === 1 && form !== 'multi') return { ...variable(doc, a, carpName(carp[0]), a.name), kind: SymbolKind.Constant };
  const children = carp.map((e) => ({
    name: carpName(e),
    detail: a.name,
    kind: SymbolKind.Constant,
    range: doc.lines.range(e.words[0].start, e.words[e.words.length - 1].end),
    selectionRange: doc.lines.range(e.words[0].start, e.words[e.words.length - 1].end),
  }));
  return { ...rcVariable(doc, a, show), children };
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

function rcSymbols(doc: RcDocument, show: boolean): DocumentSymbol[] {
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
      add(`if ${ifKey}`, ifName, SymbolKind.Interface, 'interface', interfaceChild(doc, a, show));
      continue;
    }
    const svc = serviceOf(a.name, enabled);
    if (svc !== undefined) add(`svc ${svc}`, svc, SymbolKind.Module, 'service', rcVariable(doc, a, show));
    else top.push(rcVariable(doc, a, show));
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
