import type { ParsedDocument, RcDocument } from '../model/document';
import type { WorkspaceView } from '../model/workspace-view';
import type { RcAssignment } from '../parsers/rcconf';
import type { Cluster, VhidGroup, VhidMember } from '../model/cluster';
import type { IfItem } from '../model/rc-interfaces';
import { classifyIfVar } from '../model/rc-interfaces';
import { nodeConfig } from '../model/node-config';
import { canonicalAddress } from '../model/if-address';
import { parseIfconfigValue, type IfconfigEntry, type IfParam, type IfWord } from '../model/ifconfig-value';
import type { TopologyGroup, TopologyMember } from '../protocol';
import { clusterTopology, workspaceClusters } from './topology';

/**
 * "Which part of which vhid is at this position", shared by the vhid
 * navigation, hover and CodeLens. The words come from the model's own
 * reading of the node's interfaces (model/rc-interfaces.ts, which keeps the
 * source offsets of every word), and the group from the cluster model
 * (model/cluster.ts through the workspace's cluster index): nothing here
 * groups vhids again.
 */

/** The parts of a CARP alias a feature answers on: the vhid, an address, and the per-vhid settings. */
export type VhidPart = 'vhid' | 'address' | 'advbase' | 'advskew' | 'pass' | 'peer' | 'peer6';

/** The settings among the parts: a keyword with one argument, the last one stated wins (model/carp-node.ts). */
type VhidSettingPart = Exclude<VhidPart, 'vhid' | 'address'>;

const SETTING_PARTS: readonly VhidSettingPart[] = ['advbase', 'advskew', 'pass', 'peer', 'peer6'];

/** Why a line that names a vhid is none of its member's lines. */
export type NotInForce =
  /** A later assignment of the same variable (in load order) replaces this one. */
  | { why: 'overridden'; by: { uri: string; assignment: RcAssignment } | undefined }
  /** network.subr stops at an empty `_alias<N>` before it reaches this one. */
  | { why: 'after-empty-alias'; stop: number }
  /** The obsolete `ipv6_ifconfig_<if>[_alias<N>]`: FreeBSD still applies it, the model does not read it. */
  | { why: 'not-modelled' };

/** A vhid part under the cursor, with the group it belongs to. */
export interface VhidSpot {
  doc: RcDocument;
  assignment: RcAssignment;
  /** The ifconfig command holding the part. */
  entry: IfconfigEntry;
  part: VhidPart;
  /** The word under the cursor: the keyword, its argument, or the address. */
  word: IfWord;
  /** True on the keyword itself (`vhid`, `advskew`), false on its argument or on the address. */
  onKeyword: boolean;
  /** The node's root. */
  root: string;
  /** The interface as rc spells it in variable names (`em0_5`). */
  ifKey: string;
  /** The interface as ifconfig names it (`em0.5`). */
  ifName: string;
  vhid: number;
  /** Set when the line is none of the member's lines (see NotInForce). */
  notInForce?: NotInForce;
  /** The node's member for this interface and vhid, when it has one. */
  member?: VhidMember;
  /**
   * The group the vhid takes part in: the member's, or for a line that is
   * not in force and has no member, the group of the same vhid number that
   * holds its address.
   */
  group?: VhidGroup;
  cluster?: Cluster;
}

/**
 * How a position matches a word: `strict` when it must be on a character of
 * the word (a hover, where the mouse is over a character), `cursor` when the
 * caret just after the word counts too (definition, references: the caret
 * typically rests at the end of what was just typed or clicked).
 */
export type SpotMatch = 'strict' | 'cursor';

/** The vhid part at `offset` of an rc.conf document, or undefined when there is none. */
export function vhidSpotAt(doc: ParsedDocument, offset: number, workspace: WorkspaceView, match: SpotMatch): VhidSpot | undefined {
  if (doc.kind !== 'rc') return undefined;
  const a = doc.rc.assignments.find((s) => s.valueStart <= offset && offset <= s.valueEnd);
  if (!a) return undefined;
  const node = workspace.nodeOf(doc.uri);
  const config = nodeConfig(node);
  const read = readAssignment(doc, a, workspace);
  if (!read) return undefined;
  const hit = partAt(read.entries, offset, match);
  if (!hit) return undefined;
  const vhid = hit.entry.carp.vhid?.number;
  if (vhid === undefined || vhid < 1 || vhid > 255 || hit.entry.removes) return undefined;
  const iface = config.interfaces.interfaces.get(read.ifKey);
  const item = read.notInForce ? undefined : iface?.items.find((i) => i.entry === hit.entry);
  const notInForce = read.notInForce ?? (item && !item.applied ? { why: 'after-empty-alias' as const, stop: iface?.aliasStop ?? 0 } : undefined);
  const spot: VhidSpot = {
    doc,
    assignment: a,
    ...hit,
    root: node.root,
    ifKey: read.ifKey,
    ifName: iface?.name ?? read.ifKey,
    vhid,
    ...(notInForce ? { notInForce } : {}),
  };
  return withGroup(spot, workspace);
}

interface ReadAssignment {
  ifKey: string;
  entries: readonly IfconfigEntry[];
  notInForce?: NotInForce;
}

/** The ifconfig commands of an assignment as the model reads them, and whether the model counts them. */
function readAssignment(doc: RcDocument, a: RcAssignment, workspace: WorkspaceView): ReadAssignment | undefined {
  const v = classifyIfVar(a.name);
  if (!v) {
    const obsolete = /^ipv6_ifconfig_(\w+?)(?:_alias\d+)?$/.exec(a.name);
    if (!obsolete) return undefined;
    return { ifKey: obsolete[1], entries: parseIfconfigValue(a.value, a.valueOffsets, 'single').entries, notInForce: { why: 'not-modelled' } };
  }
  const config = nodeConfig(workspace.nodeOf(doc.uri));
  const source = config.interfaces.interfaces.get(v.ifKey)?.sources.find((s) => s.uri === doc.uri && s.assignment.start === a.start && s.assignment.name === a.name);
  // A document the workspace holds in another version (never the case for the server): nothing is known of it.
  if (!source) return undefined;
  if (source.effective) return { ifKey: v.ifKey, entries: source.entries };
  const later = config.rc.get(a.name);
  return { ifKey: v.ifKey, entries: source.entries, notInForce: { why: 'overridden', by: later && { uri: later.doc.uri, assignment: later.setting } } };
}

interface PartHit {
  entry: IfconfigEntry;
  part: VhidPart;
  word: IfWord;
  onKeyword: boolean;
}

/** The part under the position: a word holding it, else (for `cursor`) a word ending just before it. */
function partAt(entries: readonly IfconfigEntry[], offset: number, match: SpotMatch): PartHit | undefined {
  let touching: PartHit | undefined;
  for (const entry of entries) {
    for (const hit of partsOf(entry)) {
      if (hit.word.start <= offset && offset < hit.word.end) return hit;
      if (match === 'cursor' && offset === hit.word.end) touching ??= hit;
    }
  }
  return touching;
}

/** Every vhid part of a command with its words. */
function partsOf(entry: IfconfigEntry): PartHit[] {
  const out: PartHit[] = [];
  const param = (part: VhidPart, p: IfParam | undefined): void => {
    if (!p) return;
    out.push({ entry, part, word: p.keyword, onKeyword: true });
    if (p.value) out.push({ entry, part, word: p.value, onKeyword: false });
  };
  param('vhid', entry.carp.vhid);
  for (const part of SETTING_PARTS) param(part, entry.carp[part]);
  if (entry.address) out.push({ entry, part: 'address', word: entry.address.word, onKeyword: false });
  return out;
}

/** The cluster of the node holding `uri`: from the workspace's index, else (a test's fake view) from every node's vhids. */
export function clusterOfNode(workspace: WorkspaceView, uri: string): Cluster | undefined {
  if (workspace.clusterOf) return workspace.clusterOf(uri);
  const root = workspace.nodeOf(uri).root;
  return workspaceClusters(workspace).find((c) => c.roots.includes(root));
}

/** The group and member of a vhid of one node, found in the cluster model. */
export function groupOf(cluster: Cluster | undefined, root: string, ifKey: string, vhid: number): { group: VhidGroup; member: VhidMember } | undefined {
  for (const group of cluster?.groups ?? []) {
    const member = group.members.find((m) => m.root === root && m.vhid.ifKey === ifKey && m.vhid.vhid === vhid);
    if (member) return { group, member };
  }
  return undefined;
}

function withGroup(spot: VhidSpot, workspace: WorkspaceView): VhidSpot {
  const cluster = clusterOfNode(workspace, spot.doc.uri);
  const found = groupOf(cluster, spot.root, spot.ifKey, spot.vhid);
  if (found) return { ...spot, cluster, ...found };
  // A line the model does not count (obsolete variable, dead, after an empty alias) whose vhid the node has nowhere
  // else: the group it would join is the one with the same number that holds its address.
  const ip = spot.entry.address?.ip;
  if (!spot.notInForce || !ip) return spot;
  const address = canonicalAddress(ip);
  for (const c of workspaceClusters(workspace)) {
    const group = c.groups.find((g) => g.vhid === spot.vhid && g.members.some((m) => m.addresses.includes(address)));
    if (group) return { ...spot, cluster: c, group };
  }
  return spot;
}

/** The word of a part in one command (for a setting, its keyword), or undefined when the command does not state it. */
function partWord(entry: IfconfigEntry, part: VhidPart): IfWord | undefined {
  if (part === 'address') return entry.address?.word;
  const p = entry.carp[part];
  return p ? (part === 'vhid' ? (p.value ?? p.keyword) : p.keyword) : undefined;
}

/** The source span of a part in one command: the vhid number, the address, or a setting's keyword and argument. */
export function partSpan(entry: IfconfigEntry, part: VhidPart): { start: number; end: number } | undefined {
  const word = partWord(entry, part);
  if (!word) return undefined;
  const value = part === 'vhid' || part === 'address' ? undefined : entry.carp[part]?.value;
  return { start: word.start, end: (value ?? word).end };
}

/**
 * The command of a member that defines a part: for the vhid, the line that
 * introduces it; for an address, the line that adds it; for a setting, the
 * line whose value is in force (the last one stating it, model/carp-node.ts).
 * Falls back to the introducing line when the member does not state it.
 */
export function definingItem(m: VhidMember, part: VhidPart, address: string | undefined): IfItem | undefined {
  const items = m.vhid.items;
  if (part === 'vhid') return items[0];
  if (part === 'address') return items.find((i) => i.entry.address?.ip && canonicalAddress(i.entry.address.ip) === address) ?? items[0];
  return m.vhid[part]?.item ?? items[0];
}

/**
 * A group as the topology payload shows it (roles, ties, INACTIVE legacy
 * members, alias-line locations), so hover and CodeLens say what the CARP
 * view says. The payload lists a cluster's groups in the cluster's order.
 */
export function groupView(workspace: WorkspaceView, cluster: Cluster, group: VhidGroup): TopologyGroup | undefined {
  const i = cluster.groups.indexOf(group);
  return i < 0 ? undefined : clusterTopology(workspace, cluster).groups[i];
}

/** A member of a group view, by node and interface. */
export function viewMember(view: TopologyGroup, root: string, ifName: string): TopologyMember | undefined {
  return view.members.find((m) => m.root === root && m.interface === ifName);
}
