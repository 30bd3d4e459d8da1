import type { Node } from 'jsonc-parser';
import { isNodeName, MANIFEST_KEYS, NODE_NAME_RULE } from './manifest-schema';
import { clip, describeNode, lastProperties, ProblemList, readBoolean, spanned, type Spanned } from './manifest-json';
import { networkOf, parseAddressWord } from './if-address';

/**
 * The "clusters" and "reservedVhids" sections of freebsd-conf.json (see
 * manifest-parse.ts). An entry that cannot be used whole (a cluster without
 * two nodes, a reservation without a readable segment) is left out and
 * reported; a part that cannot be used (a primary that is not a member) is
 * dropped from its entry.
 */

export interface ClusterEntry {
  name: Spanned<string>;
  nodes: Spanned<string>[];
  primary?: Spanned<string>;
  activeActive: boolean;
}

export interface ReservedEntry {
  /** Canonical `network/prefix`, as VhidGroup.segment spells it. */
  segment: Spanned<string>;
  vhids: number[];
  note?: string;
  /** The whole entry. */
  offset: number;
  length: number;
}

export function readClusters(value: Node, problems: ProblemList): ClusterEntry[] {
  if (value.type !== 'object') return problems.invalid(value, `"clusters" must be an object of name → cluster ({"edge": {"nodes": ["fw1", "fw2"]}}), not ${describeNode(value)}`) ?? [];
  const out: ClusterEntry[] = [];
  for (const [key, entry] of lastProperties(value)) {
    if (!entry) continue;
    const cluster = readCluster(key, entry, problems);
    if (cluster) out.push(cluster);
  }
  return out;
}

function readCluster(key: Node, entry: Node, problems: ProblemList): ClusterEntry | undefined {
  const name = clip(key.value as string);
  if (entry.type !== 'object') return problems.invalid(entry, `cluster "${name}" must be an object ({"nodes": ["fw1", "fw2"], "primary": "fw1"}), not ${describeNode(entry)}`);
  const cluster: ClusterEntry = { name: spanned(key.value as string, key), nodes: [], activeActive: false };
  let nodesNode: Node | undefined;
  let primaryNode: Node | undefined;
  for (const [k, v] of lastProperties(entry)) {
    if (!v) continue;
    if (k.value === 'nodes') {
      nodesNode = v;
      cluster.nodes = readNames(v, problems);
    } else if (k.value === 'primary') {
      primaryNode = v;
      if (v.type === 'string') cluster.primary = spanned(v.value as string, v);
      else problems.invalid(v, `"primary" must be a node name, not ${describeNode(v)}`);
    } else if (k.value === 'activeActive') {
      cluster.activeActive = readBoolean(v, problems, 'activeActive') ?? false;
    } else {
      problems.unknownKey(k, MANIFEST_KEYS.cluster, `in cluster "${name}"`);
    }
  }
  if (!nodesNode) return problems.invalid(key, `cluster "${name}" has no "nodes": list them, as in "nodes": ["fw1", "fw2"]`);
  if (nodesNode.type !== 'array') return undefined; // reported by readNames
  if (cluster.nodes.length < 2) return problems.invalid(nodesNode, `cluster "${name}" needs at least two nodes: CARP elects a MASTER among the nodes that share a vhid`);
  const primary = cluster.primary;
  if (primary && primaryNode && !cluster.nodes.some((n) => n.value === primary.value)) {
    problems.invalid(primaryNode, `primary "${clip(primary.value)}" is not one of the nodes of cluster "${name}" (${cluster.nodes.map((n) => n.value).join(', ')})`);
    cluster.primary = undefined;
  } else if (primary && primaryNode && cluster.activeActive) {
    problems.invalid(primaryNode, `cluster "${name}" is active/active, so no node is MASTER of every vhid: remove "primary", or "activeActive"`);
    cluster.primary = undefined;
  }
  return cluster;
}

/** A list of node names; each name that is not one, or is there twice, is reported and left out. */
function readNames(value: Node, problems: ProblemList): Spanned<string>[] {
  if (value.type !== 'array') return problems.invalid(value, `"nodes" must be a list of node names (["fw1", "fw2"]), not ${describeNode(value)}`) ?? [];
  const out: Spanned<string>[] = [];
  for (const item of value.children ?? []) {
    if (item.type !== 'string') problems.invalid(item, `a node name must be a string, not ${describeNode(item)}`);
    else if (!isNodeName(item.value as string)) problems.invalid(item, `"${clip(item.value as string)}" is not a node name: ${NODE_NAME_RULE}`);
    else if (out.some((n) => n.value === item.value)) problems.invalid(item, `"${item.value as string}" is listed twice`);
    else out.push(spanned(item.value as string, item));
  }
  return out;
}

export function readReserved(value: Node, problems: ProblemList): ReservedEntry[] {
  if (value.type !== 'array') return problems.invalid(value, `"reservedVhids" must be a list ([{"segment": "192.0.2.0/24", "vhids": [1, 2]}]), not ${describeNode(value)}`) ?? [];
  const out: ReservedEntry[] = [];
  for (const item of value.children ?? []) {
    const entry = readReservation(item, problems);
    if (entry) out.push(entry);
  }
  return out;
}

function readReservation(item: Node, problems: ProblemList): ReservedEntry | undefined {
  if (item.type !== 'object') return problems.invalid(item, `a reservation must be an object ({"segment": "192.0.2.0/24", "vhids": [1, 2], "note": "ISP VRRP"}), not ${describeNode(item)}`);
  let segment: Spanned<string> | undefined;
  let vhids: number[] | undefined;
  let note: string | undefined;
  let broken = false;
  for (const [k, v] of lastProperties(item)) {
    if (!v) continue;
    if (k.value === 'segment') {
      segment = readSegment(v, problems);
      broken ||= !segment;
    } else if (k.value === 'vhids') {
      vhids = readVhids(v, problems);
      broken ||= !vhids;
    } else if (k.value === 'note') {
      if (v.type === 'string') note = v.value as string;
      else problems.invalid(v, `"note" must be a string, not ${describeNode(v)}`);
    } else {
      problems.unknownKey(k, MANIFEST_KEYS.reserved, 'in a reservation');
    }
  }
  if (broken) return undefined;
  const missing = [segment ? '' : '"segment"', vhids ? '' : '"vhids"'].filter((m) => m !== '');
  if (!segment || !vhids) return problems.invalid(item, `this reservation has no ${missing.join(' and no ')}: write {"segment": "192.0.2.0/24", "vhids": [1, 2]}`);
  return { segment, vhids, ...(note === undefined ? {} : { note }), offset: item.offset, length: item.length };
}

function readSegment(v: Node, problems: ProblemList): Spanned<string> | undefined {
  const parsed = v.type === 'string' ? parseAddressWord(v.value as string) : undefined;
  if (!parsed?.ip || parsed.prefix === undefined) {
    return problems.invalid(v, `"segment" must be a network as address/prefix, such as "192.0.2.0/24" or "2001:db8::/64", not ${describeNode(v)}`);
  }
  return spanned(networkOf(parsed.ip, parsed.prefix), v);
}

/** vhids 1–255 (ip_carp.c rejects 0 and anything above CARP_MAXVHID, as VRRP ids are 1–255). */
function readVhids(v: Node, problems: ProblemList): number[] | undefined {
  if (v.type !== 'array') return problems.invalid(v, `"vhids" must be a list of vhids ([1, 2]), not ${describeNode(v)}`);
  const out = new Set<number>();
  let broken = false;
  for (const item of v.children ?? []) {
    const n = item.value;
    if (item.type === 'number' && Number.isInteger(n) && n >= 1 && n <= 255) out.add(n as number);
    else broken = problems.invalid(item, `a vhid is a whole number from 1 to 255, not ${describeNode(item)}`) ?? true;
  }
  if (broken) return undefined;
  if (out.size === 0) return problems.invalid(v, 'an empty list of vhids: list the vhids in use on the segment');
  return [...out].sort((a, b) => a - b);
}
