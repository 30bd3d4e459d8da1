import type { NodeConfig } from './node-config';
import type { CarpVhid } from './carp-node';
import { canonicalAddress } from './if-address';

/**
 * CARP across nodes. A vhid is one object per parent interface of one node
 * (sys/netinet/ip_carp.c keeps the softc per ifnet); the nodes that share a
 * vhid number and at least one of its addresses on one segment hold one
 * election, and the nodes linked by such groups form a cluster.
 */

/** CARP_MAXSKEW: advskew plus demotion is clamped to this before it is sent or compared (DEMOTE_ADVSKEW). */
export const MAX_SKEW = 240;

/** One node's side of a vhid: what it advertises and how often. */
export interface VhidMember {
  /** URI of the node's folder. */
  root: string;
  /** The node's name (hostname up to the first dot, else its folder). */
  node: string;
  config: NodeConfig;
  vhid: CarpVhid;
  /** The parent interface as ifconfig names it (`em0`, `em0.100`). */
  ifName: string;
  /** The vhid's addresses in canonical text, sorted: what the HMAC covers (prefix lengths are not hashed). */
  addresses: readonly string[];
  advbase: number;
  /** The configured advskew (0 when no line states it). */
  advskew: number;
  /** advskew plus the node's boot-time demotion, clamped to 0–240: what the kernel compares. */
  skew: number;
  /** Seconds between advertisements: advbase + skew/256. The lowest wins the election. */
  interval: number;
}

/** The members of one election: one vhid number, addresses in common. */
export interface VhidGroup {
  vhid: number;
  /** The subnet the group lives in, when a member's interface tells it. */
  segment: string | undefined;
  members: VhidMember[];
}

/** The nodes linked by vhid groups, with their groups. */
export interface Cluster {
  /** Node roots, sorted: a stable identity. */
  roots: readonly string[];
  groups: readonly VhidGroup[];
}

/** Who is predicted MASTER of a group, and whether the prediction holds. */
export interface Election {
  /** Members still up, lowest interval first (ties in node order). */
  order: VhidMember[];
  /** The predicted MASTER; undefined when every member failed. */
  master: VhidMember | undefined;
  /** Members that share the lowest interval with the master (empty when it is alone): the MASTER then depends on timing. */
  tiedWith: VhidMember[];
}

/** The vhid members of one node: every vhid with at least one address the model can read. */
export function vhidMembers(root: string, config: NodeConfig): VhidMember[] {
  const demotion = config.demotion;
  const out: VhidMember[] = [];
  for (const vhid of config.vhids) {
    const addresses = [...new Set(vhid.addresses.flatMap((a) => (a.ip ? [canonicalAddress(a.ip)] : [])))].sort();
    if (addresses.length === 0) continue;
    const advbase = positive(vhid.advbase?.param.number) ?? 1;
    const advskew = vhid.advskew?.param.number ?? 0;
    const skew = Math.min(Math.max(advskew + demotion, 0), MAX_SKEW);
    const ifName = config.interfaces.interfaces.get(vhid.ifKey)?.name ?? vhid.ifKey;
    out.push({ root, node: config.name, config, vhid, ifName, addresses, advbase, advskew, skew, interval: advbase + skew / 256 });
  }
  return out;
}

/** advbase 0 means "leave unchanged" to the kernel, so the default 1 stays. */
function positive(n: number | undefined): number | undefined {
  return n !== undefined && n > 0 ? n : undefined;
}

/**
 * Groups members into elections: the same vhid number and at least one
 * address in common (so one node's vhid joins the peer's even when the two
 * disagree on some addresses, which is then a finding, not two groups).
 */
export function groupMembers(members: readonly VhidMember[]): VhidGroup[] {
  const parent = members.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const byKey = new Map<string, number>();
  members.forEach((m, i) => {
    for (const a of m.addresses) {
      const key = `${m.vhid.vhid}|${a}`;
      const j = byKey.get(key);
      if (j === undefined) byKey.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, VhidGroup>();
  members.forEach((m, i) => {
    const r = find(i);
    const g = groups.get(r) ?? { vhid: m.vhid.vhid, segment: undefined, members: [] };
    g.members.push(m);
    g.segment ??= m.vhid.segment;
    groups.set(r, g);
  });
  return [...groups.values()].sort((a, b) => a.vhid - b.vhid || (a.segment ?? '').localeCompare(b.segment ?? ''));
}

/**
 * The election of a group as the kernel runs it (ip_carp.c carp_input_c()):
 * the member advertising most often (lowest advbase + skew/256) is MASTER.
 * Members in `failed` are left out ("what if these nodes fail"). An exact
 * tie makes a MASTER step down when it hears its equal, so the winner then
 * depends on timing: the first in node order is named, and the tie is said.
 */
export function elect(group: VhidGroup, failed: ReadonlySet<string> = new Set()): Election {
  const order = group.members.filter((m) => !failed.has(m.root)).sort((a, b) => a.interval - b.interval || a.node.localeCompare(b.node));
  const master = order[0];
  const tiedWith = master ? order.slice(1).filter((m) => m.interval === master.interval) : [];
  return { order, master, tiedWith };
}

/** The nodes in a set of members, by root, in name order. */
export function membersByNode(group: VhidGroup): Map<string, VhidMember[]> {
  const out = new Map<string, VhidMember[]>();
  for (const m of [...group.members].sort((a, b) => a.node.localeCompare(b.node))) out.set(m.root, [...(out.get(m.root) ?? []), m]);
  return out;
}

/**
 * The cluster of the node at `root`, found by walking every node of the
 * view: for views without an index (a test's fake, a one-off computation).
 * The workspace keeps an incremental index (workspace/cluster-index.ts).
 */
export function clusterAround(root: string, allMembers: ReadonlyMap<string, readonly VhidMember[]>): Cluster | undefined {
  const mine = allMembers.get(root);
  if (!mine || mine.length === 0) return undefined;
  const byKey = new Map<string, string[]>();
  for (const [r, members] of allMembers) for (const m of members) for (const key of memberKeys(m)) byKey.set(key, [...(byKey.get(key) ?? []), r]);
  return connectedCluster(root, (r) => allMembers.get(r) ?? [], (key) => byKey.get(key) ?? []);
}

/** The keys that link members into one group: the vhid number with each address. */
export function memberKeys(m: VhidMember): string[] {
  return m.addresses.map((a) => `${m.vhid.vhid}|${a}`);
}

/** The nodes reachable from `root` through shared (vhid, address) keys, with their groups. */
export function connectedCluster(root: string, membersOf: (root: string) => readonly VhidMember[], rootsWith: (key: string) => Iterable<string>): Cluster {
  const seen = new Set<string>([root]);
  const queue = [root];
  const members: VhidMember[] = [];
  for (let r = queue.pop(); r !== undefined; r = queue.pop()) {
    for (const m of membersOf(r)) {
      members.push(m);
      for (const key of memberKeys(m)) {
        for (const other of rootsWith(key)) {
          if (seen.has(other)) continue;
          seen.add(other);
          queue.push(other);
        }
      }
    }
  }
  return { roots: [...seen].sort(), groups: groupMembers(members) };
}
