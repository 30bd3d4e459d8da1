import { distance } from 'fastest-levenshtein';
import type { PfDocument } from '../model/document';
import type { PfMacroDef, PfMacroUse } from '../parsers/pf';
import { groupAt, insertAtTop, removeStatement } from './pf-edits';
import type { FixProposal } from './types';

/**
 * Fixes for `$name` used with no definition before it: move a later
 * definition up, define the macro at the top of the file with a placeholder
 * that fits where it is used, or switch to a defined macro of a similar name.
 */

/** Placeholder values that parse in their slot, so the fixed rule is valid until the user fills in the real value. */
const PLACEHOLDER = { interface: '"em0"', port: '"80"', proto: '"tcp"', inet: '"192.0.2.1"', inet6: '"2001:db8::1"', text: '"placeholder"' } as const;
type Slot = keyof typeof PLACEHOLDER;

const SLOT_OF_KEYWORD: Record<string, Slot> = {
  on: 'interface', for: 'interface', 'received-on': 'interface', 'route-to': 'interface', 'reply-to': 'interface', 'dup-to': 'interface',
  loginterface: 'interface', port: 'port', proto: 'proto', from: 'inet', to: 'inet', '->': 'inet', 'nat-to': 'inet', 'rdr-to': 'inet',
  'binat-to': 'inet', table: 'inet', label: 'text', tag: 'text', tagged: 'text', queue: 'text',
};

/**
 * What a macro at this use must hold: decided by the nearest slot keyword
 * before it in the same continued line (`on` → interface, `port` → port, …),
 * `(` → interface, else by the macro's name (`ext_if`, `ssh_ports`).
 */
export function slotOfUse(doc: PfDocument, use: PfMacroUse): Slot {
  const group = groupAt(doc, use.start);
  const lineStart = doc.lines.lineStarts[group.first];
  const before = doc.text.slice(lineStart, use.start).replace(/\\(\r\n|\r|\n)/g, ' ');
  const inet6 = /(^|\s)inet6(\s|$)/.test(doc.text.slice(lineStart, doc.lines.lineEnd(group.last)));
  if (/\(\s*$/.test(before) && !/(route-to|reply-to|dup-to)\s*\(\s*$/.test(before)) return 'interface';
  const words = before.split(/[\s{},!]+/).filter((w) => w.length > 0);
  for (let i = words.length - 1; i >= 0; i--) {
    const slot = SLOT_OF_KEYWORD[words[i].replace(/^\(/, '')];
    if (slot) return slot === 'inet' && inet6 ? 'inet6' : slot;
  }
  if (/(^|_)(if|ifs|iface|nic|dev)(_|$)/i.test(use.name)) return 'interface';
  if (/port/i.test(use.name)) return 'port';
  if (/proto/i.test(use.name)) return 'proto';
  return inet6 ? 'inet6' : 'inet';
}

/** "Define macro NAME": a `NAME = "…"` line at the top of the file with a placeholder for the slot. */
export function defineMacroFix(doc: PfDocument, use: PfMacroUse): FixProposal {
  return {
    title: `Define macro ${use.name}`,
    changes: [{ uri: doc.uri, edits: [insertAtTop(doc, `${use.name} = ${PLACEHOLDER[slotOfUse(doc, use)]}`)] }],
  };
}

/**
 * "Move the definition of NAME to the top": for a macro defined only after
 * its use. Offered when the definition stands alone on its lines and uses no
 * other macro (which might not be defined yet at the top).
 */
export function moveDefinitionFix(doc: PfDocument, def: PfMacroDef): FixProposal | undefined {
  const source = doc.text.slice(def.start, def.end);
  const removal = removeStatement(doc, def);
  if (!removal || source.includes('$') || /[\r\n]/.test(source)) return undefined;
  return {
    title: `Move the definition of ${def.name} to the top of the file`,
    isPreferred: true,
    changes: [{ uri: doc.uri, edits: [insertAtTop(doc, source), removal] }],
  };
}

/** Names of macros defined before `use` within a typo's distance, closest first (at most three). */
export function similarMacros(doc: PfDocument, use: PfMacroUse): string[] {
  const limit = use.name.length <= 4 ? 1 : 2;
  const scored = new Map<string, number>();
  for (const m of doc.pf.macros) {
    if (m.source || m.end > use.start || m.name === use.name || scored.has(m.name)) continue;
    const d = distance(use.name, m.name);
    if (d <= limit) scored.set(m.name, d);
  }
  return [...scored].sort((a, b) => a[1] - b[1]).slice(0, 3).map(([name]) => name);
}

/** "Did you mean $OTHER": replaces only the name after `$`. */
export function renameUseFix(doc: PfDocument, use: PfMacroUse, other: string, preferred: boolean): FixProposal {
  return {
    title: `Did you mean $${other}`,
    isPreferred: preferred,
    changes: [{ uri: doc.uri, edits: [{ range: doc.lines.range(use.start + 1, use.end), newText: other }] }],
  };
}
