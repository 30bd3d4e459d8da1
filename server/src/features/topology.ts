import type { Location } from 'vscode-languageserver-types';
import type { TopologyCluster, TopologyGroup, TopologyMember, TopologyNode, TopologyResult } from '../protocol';
import type { WorkspaceView } from '../model/workspace-view';
import { connectedCluster, elect, memberKeys, vhidMembers, type Cluster, type VhidGroup, type VhidMember } from '../model/cluster';
import { nodeConfig } from '../model/node-config';
import { isLegacyCarpName } from '../model/rc-interfaces';

/**
 * The CARP topology of a workspace as the editor's topology request and the
 * CLI's `topology` command show it: clusters, their vhid groups and, per
 * member, the role the kernel's election gives it (sys/netinet/ip_carp.c
 * carp_input_c(), through model/cluster.ts elect()), optionally with some
 * nodes failed. It carries no password: the payload travels to clients
 * and into files, and the CLI adds a (masked) pass itself when asked.
 */

/** Called with each member as built, for an edge that wants more of the model than the payload holds (the CLI's pass column). */
export type MemberHook = (out: TopologyMember, member: VhidMember) => void;

/** Builds the topology; `failed` names nodes by root URI, name, full hostname or folder name. */
export function topology(workspace: WorkspaceView, failed: readonly string[] = [], onMember?: MemberHook): TopologyResult {
  const { roots, unknown } = resolveNodes(workspace, failed);
  const down = new Set(roots);
  const clusters = workspaceClusters(workspace).map((c) => (onMember ? clusterPayload(workspace, c, down, onMember) : remembered(workspace, c, down).payload));
  return { clusters, failed: roots, unknown };
}

/**
 * The topology without failed nodes as one comparable text, for telling
 * whether it changed. Each cluster's part is remembered while its members
 * are the same objects (the workspace's cluster index re-derives only the
 * nodes whose files changed), so after a keystroke in one rc.conf of a
 * 1,000-node workspace only that node's cluster is built and serialised again.
 */
export function topologySnapshot(workspace: WorkspaceView): { text: string; clusters: number } {
  const parts = workspaceClusters(workspace).map((c) => remembered(workspace, c, new Set()).json);
  return { text: `[${parts.join(',')}]`, clusters: parts.length };
}

/**
 * The topology payload of one cluster without failed nodes (its groups in
 * the cluster's order), for features that show one node's part of it (a
 * vhid's hover, its CodeLens): the same payload the topology request and
 * the CARP view show, from the same cache, so they never disagree.
 */
export function clusterTopology(workspace: WorkspaceView, cluster: Cluster): TopologyCluster {
  return remembered(workspace, cluster, new Set()).payload;
}

interface Remembered {
  members: readonly VhidMember[];
  failedKey: string;
  payload: TopologyCluster;
  json: string;
}

/** Keyed by a cluster's first member; valid while the cluster holds the very same members and the same of them failed. */
const byFirstMember = new WeakMap<VhidMember, Remembered>();

function remembered(workspace: WorkspaceView, cluster: Cluster, down: ReadonlySet<string>): Remembered {
  const members = cluster.groups.flatMap((g) => g.members);
  const failedKey = cluster.roots.filter((r) => down.has(r)).join('\n');
  const hit = members[0] && byFirstMember.get(members[0]);
  if (hit && hit.failedKey === failedKey && hit.members.length === members.length && hit.members.every((m, i) => m === members[i])) return hit;
  const payload = clusterPayload(workspace, cluster, down, undefined);
  const entry = { members, failedKey, payload, json: JSON.stringify(payload) };
  if (members[0]) byFirstMember.set(members[0], entry);
  return entry;
}

/**
 * The nodes a list of names stands for. An entry may be a node's root URI,
 * its name (case does not matter: hostnames are case-insensitive), its full
 * hostname or its folder's name; one entry may match several nodes (two
 * folders with one hostname). Entries that match none are returned apart,
 * so the caller can say so rather than answer for a failure that is not there.
 */
export function resolveNodes(workspace: WorkspaceView, entries: readonly string[]): { roots: string[]; unknown: string[] } {
  if (entries.length === 0) return { roots: [], unknown: [] };
  const byName = new Map<string, Set<string>>();
  const add = (key: string | undefined, root: string): void => {
    if (!key) return;
    const k = key.toLowerCase();
    byName.set(k, (byName.get(k) ?? new Set()).add(root));
  };
  const roots = new Set<string>();
  for (const node of workspace.nodes()) {
    roots.add(node.root);
    const config = nodeConfig(node);
    add(config.name, node.root);
    add(config.rc.get('hostname')?.setting.value, node.root);
    add(folderName(node.root), node.root);
  }
  const found = new Set<string>();
  const unknown: string[] = [];
  for (const entry of entries) {
    const matches = roots.has(entry) ? [entry] : [...(byName.get(entry.toLowerCase()) ?? [])];
    if (matches.length === 0) unknown.push(entry);
    for (const r of matches) found.add(r);
  }
  return { roots: [...found].sort(), unknown };
}

/** Every CARP cluster of the workspace: from its incremental index, else (a test's fake view) by linking every node's vhids. */
export function workspaceClusters(workspace: WorkspaceView): Cluster[] {
  if (workspace.clusters) return workspace.clusters();
  const members = new Map<string, VhidMember[]>();
  const byKey = new Map<string, string[]>();
  for (const node of workspace.nodes()) {
    const list = vhidMembers(node.root, nodeConfig(node));
    if (list.length === 0) continue;
    members.set(node.root, list);
    for (const m of list) for (const key of memberKeys(m)) byKey.set(key, [...(byKey.get(key) ?? []), node.root]);
  }
  const out: Cluster[] = [];
  const done = new Set<string>();
  for (const root of [...members.keys()].sort()) {
    if (done.has(root)) continue;
    const cluster = connectedCluster(root, (r) => members.get(r) ?? [], (key) => byKey.get(key) ?? []);
    for (const r of cluster.roots) done.add(r);
    out.push(cluster);
  }
  return out;
}

/**
 * Whether the topology may differ from what it was at workspace version
 * `since`. It reads rc files (interfaces, vhids, hostnames, alias lines) and
 * sysctl files (the demotion counter) only, so edits to loader.conf or
 * pf.conf leave it as it was: the language server need not rebuild it on
 * every keystroke in a ruleset. True whenever the view cannot tell.
 */
export function topologyMayHaveChanged(workspace: WorkspaceView, since: number | undefined): boolean {
  if (since === undefined || !workspace.version || !workspace.filesChangedSince || !workspace.editedSince) return true;
  if (workspace.version() === since) return false;
  if (workspace.filesChangedSince(since)) return true;
  const edited = workspace.editedSince(since);
  if (!edited) return true;
  return edited.some((uri) => {
    const kind = workspace.get(uri)?.kind;
    return kind === undefined || kind === 'rc' || kind === 'sysctl';
  });
}

function clusterPayload(workspace: WorkspaceView, cluster: Cluster, down: ReadonlySet<string>, onMember: MemberHook | undefined): TopologyCluster {
  const names = new Map<string, string>();
  for (const g of cluster.groups) for (const m of g.members) names.set(m.root, m.node);
  const nodes: TopologyNode[] = cluster.roots.map((root) => ({ name: names.get(root) ?? folderName(root), root, failed: down.has(root) }));
  nodes.sort((a, b) => a.name.localeCompare(b.name) || a.root.localeCompare(b.root));
  return { nodes, groups: cluster.groups.map((g) => groupPayload(workspace, g, down, onMember)) };
}

function groupPayload(workspace: WorkspaceView, group: VhidGroup, down: ReadonlySet<string>, onMember: MemberHook | undefined): TopologyGroup {
  // A vhid on carpN never runs: since 10.0 sys/netinet/ip_carp.c registers no carp cloner, and network.subr (list_net_interfaces) configures only interfaces that exist.
  const inactive = group.members.filter((m) => isLegacyCarpName(m.vhid.ifKey));
  const election = elect({ ...group, members: group.members.filter((m) => !inactive.includes(m)) }, down);
  const tied = new Set(election.tiedWith);
  if (election.master && tied.size > 0) tied.add(election.master);
  const byName = (a: VhidMember, b: VhidMember): number => a.node.localeCompare(b.node) || a.root.localeCompare(b.root);
  const failed = group.members.filter((m) => down.has(m.root) && !inactive.includes(m)).sort(byName);
  const members = [...election.order, ...failed, ...inactive.sort(byName)].map((m) => {
    const role = inactive.includes(m) ? 'INACTIVE' : down.has(m.root) ? 'FAILED' : m === election.master ? 'MASTER' : 'BACKUP';
    const out: TopologyMember = {
      node: m.node,
      root: m.root,
      interface: m.ifName,
      vhid: m.vhid.vhid,
      advbase: m.advbase,
      advskew: m.advskew,
      skew: m.skew,
      interval: m.interval,
      role,
      tie: tied.has(m),
      addresses: [...m.addresses],
      uncertain: m.vhid.uncertain,
      location: aliasLine(workspace, m),
    };
    onMember?.(out, m);
    return out;
  });
  const addresses = [...new Set(group.members.flatMap((m) => m.addresses))].sort();
  return { vhid: group.vhid, segment: group.segment ?? null, addresses, master: election.master?.root ?? null, tie: tied.size > 0, members };
}

/** The assignment that introduces the vhid on the member's node: its first ifconfig command network.subr runs. */
function aliasLine(workspace: WorkspaceView, m: VhidMember): Location {
  const item = m.vhid.items[0];
  const doc = item ? workspace.get(item.source.uri) : undefined;
  if (!item || !doc) return { uri: item?.source.uri ?? m.root, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  const a = item.source.assignment;
  return { uri: doc.uri, range: doc.lines.range(a.start, a.end) };
}

/** The last segment of a root URI, decoded as the node's name falls back to it. */
function folderName(root: string): string {
  const folder = root.slice(root.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(folder);
  } catch {
    return folder;
  }
}
