import type { TextEdit } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../model/document';
import { splitIfconfigWords } from '../model/ifconfig-value';
import { hostPrefix } from '../model/if-address';
import { maskPassword, type SecretText } from '../model/mask';
import { findParentInterface } from '../model/carp-node';
import { nextAliasNumber, type ClonedItem, type IfVarSource, type NodeInterfaces } from '../model/rc-interfaces';
import type { FileEdit, FixProposal } from './types';

/** Looks a document up by URI (the workspace's `get`), so fixes can compute ranges in other files of the node. */
export type DocLookup = (uri: string) => ParsedDocument | undefined;

/** The rewrite of a legacy `ifconfig_carpN` line, or the reason none can be offered (shown in the message). */
export type LegacyRewrite =
  | { ok: true; fix: FixProposal; parent: string; vip: string; /** The new line for messages: masked, and with the pass as written. */ shown: SecretText }
  | { ok: false; reason: string; vip?: string };

/**
 * Builds the modern equivalent of an `ifconfig_carpN` value: an
 * `ifconfig_<parent>_alias<N>` line with the same vhid, advskew, advbase and
 * pass and the VIP as a host address (/32 or /128; the legacy form carried
 * the subnet mask, which now belongs to the parent's own address). The parent
 * is the interface whose subnet holds the VIP, N the next free alias number.
 * The same fix drops carpN from cloned_interfaces, since FreeBSD 10 has no
 * carp cloner. Edits are minimal: the carpN statement is replaced in place
 * and only the carpN word (or its now-empty line) leaves cloned_interfaces.
 */
export function legacyCarpRewrite(source: IfVarSource, list: NodeInterfaces, lookup: DocLookup): LegacyRewrite {
  if (source.dynamic) return { ok: false, reason: 'its value uses shell expansion or quoting' };
  if (source.entries.length !== 1) return { ok: false, reason: 'it does not hold exactly one address to move' };
  const entry = source.entries[0];
  const vhid = entry.carp.vhid?.number;
  if (vhid === undefined || vhid < 1 || vhid > 255) return { ok: false, reason: 'it has no valid vhid (1-255) to carry over' };
  const address = entry.address;
  if (!address?.ip) return { ok: false, reason: 'it has no single IP address to move' };
  const vip = address.word.text.replace(/\/.*$/, '');
  const parent = findParentInterface(list, address.ip);
  if (parent.kind === 'none') return { ok: false, vip, reason: `no interface on this node has a subnet that holds ${vip}, so its parent interface is unknown` };
  if (parent.kind === 'ambiguous') {
    const names = parent.candidates.map((c) => c.name).join(' and ');
    return { ok: false, vip, reason: `${names} are both in the subnet of ${vip}, so the parent interface is ambiguous` };
  }
  const next = nextAliasNumber(parent.iface);
  if (next.blocked) {
    return { ok: false, vip, reason: `ifconfig_${parent.iface.key}_alias${parent.iface.aliasStop} is empty, which stops alias processing on ${parent.iface.name}; remove it first` };
  }
  const words = [address.family, 'vhid', String(vhid)];
  const masked = [...words];
  for (const key of ['advskew', 'advbase', 'pass'] as const) {
    const value = entry.carp[key]?.value;
    if (value) words.push(key, value.text);
    if (value) masked.push(key, key === 'pass' ? maskPassword(value.text) : value.text);
  }
  const tail = ['alias', `${vip}/${hostPrefix(address.family)}`];
  const aliasVar = `ifconfig_${parent.iface.key}_alias${next.n}`;
  const line = (w: string[]): string => `${aliasVar}="${[...w, ...tail].join(' ')}"`;
  const edits = new Map<string, TextEdit[]>();
  const doc = lookup(source.uri);
  if (!doc) return { ok: false, reason: 'its file is not loaded' };
  const a = source.assignment;
  // The edit carries the real pass: a fix that wrote the mask would break the vhid.
  addEdit(edits, source.uri, { range: doc.lines.range(a.start, a.end), newText: line(words) });
  for (const item of list.cloned) {
    if (item.name !== source.var.ifKey) continue;
    const edit = clonedWordRemoval(item, lookup);
    if (edit) addEdit(edits, item.uri, edit);
  }
  return {
    ok: true,
    parent: parent.iface.name,
    vip,
    shown: { masked: line(masked), revealed: line(words) },
    fix: {
      title: `Move vhid ${vhid} (${vip}) to ${parent.iface.name} as ${aliasVar}${list.cloned.some((c) => c.name === source.var.ifKey) ? ` and drop ${source.var.ifKey} from cloned_interfaces` : ''}`,
      isPreferred: true,
      changes: toChanges(edits),
    },
  };
}

/** The fix for a carpN word in cloned_interfaces when there is no line to rewrite: remove just that word. */
export function clonedRemovalFix(item: ClonedItem, lookup: DocLookup): FixProposal | undefined {
  const edit = clonedWordRemoval(item, lookup);
  if (!edit) return undefined;
  return { title: `Remove ${item.name} from cloned_interfaces`, isPreferred: true, changes: [{ uri: item.uri, edits: [edit] }] };
}

/**
 * The edit that takes one word out of cloned_interfaces together with one
 * neighbouring blank, so the list stays tidy. When it is the only word the
 * whole statement goes: its lines when nothing else shares them, otherwise
 * just the value becomes "".
 */
export function clonedWordRemoval(item: ClonedItem, lookup: DocLookup): TextEdit | undefined {
  const doc = lookup(item.uri);
  if (!doc) return undefined;
  const a = item.assignment;
  const words = splitIfconfigWords(a.value, a.valueOffsets);
  const i = words.findIndex((w) => w.start === item.word.start);
  if (i < 0) return undefined;
  if (words.length > 1) {
    const [start, end] = i > 0 ? [words[i - 1].end, item.word.end] : [item.word.start, words[1].start];
    return { range: doc.lines.range(start, end), newText: '' };
  }
  const first = doc.lines.positionAt(a.start).line;
  const last = doc.lines.positionAt(a.end).line;
  const before = doc.text.slice(doc.lines.lineStarts[first], a.start);
  const after = doc.text.slice(a.end, doc.lines.lineEnd(last));
  if (before.trim() === '' && (after.trim() === '' || after.trim().startsWith('#'))) {
    const end = doc.lines.fullLineRange(last).end;
    return { range: { start: { line: first, character: 0 }, end }, newText: '' };
  }
  return { range: doc.lines.range(a.valueStart, a.valueEnd), newText: '""' };
}

function addEdit(map: Map<string, TextEdit[]>, uri: string, edit: TextEdit): void {
  const list = map.get(uri) ?? [];
  list.push(edit);
  map.set(uri, list);
}

function toChanges(map: Map<string, TextEdit[]>): FileEdit[] {
  return [...map].map(([uri, edits]) => ({ uri, edits }));
}
