import { NodeIndex } from './node-index';
import { nodeConfig } from '../model/node-config';
import { connectedCluster, memberKeys, vhidMembers, type Cluster, type VhidMember } from '../model/cluster';

/**
 * Which nodes share CARP vhids, kept up to date incrementally: an edit
 * re-derives the vhids of the node it belongs to, never the whole
 * workspace, and a cluster is assembled on request by walking only the
 * nodes linked to the one asked about. At 1,000 nodes in pairs a keystroke
 * touches two nodes' worth of data.
 */
export class ClusterIndex extends NodeIndex {
  /** Node root → its vhid members, as last derived. */
  private members = new Map<string, VhidMember[]>();
  /** `vhid|address` → the roots of the nodes that carry it. */
  private byKey = new Map<string, Set<string>>();
  /** Segment (`192.0.2.0/24`) → the roots of the nodes with a vhid on it: vhid numbers are per segment, across clusters. */
  private bySegment = new Map<string, Set<string>>();
  /** Clusters assembled since the last change, by node root. */
  private clusters = new Map<string, Cluster | undefined>();

  /** The cluster the node holding `uri` belongs to; undefined for a node without vhids. */
  clusterOf(uri: string): Cluster | undefined {
    this.update();
    return this.clusterAt(this.workspace.nodeOf(uri).root);
  }

  private clusterAt(root: string): Cluster | undefined {
    if (this.clusters.has(root)) return this.clusters.get(root);
    const cluster = (this.members.get(root)?.length ?? 0) > 0 ? connectedCluster(root, (r) => this.members.get(r) ?? [], (key) => this.byKey.get(key) ?? []) : undefined;
    for (const r of cluster?.roots ?? [root]) this.clusters.set(r, cluster);
    return cluster;
  }

  /**
   * Every vhid member on a segment, whatever its cluster (two groups that
   * share no address are in different clusters yet may collide on the
   * segment's virtual MAC), in node order.
   */
  membersOnSegment(segment: string): VhidMember[] {
    this.update();
    const out: VhidMember[] = [];
    for (const root of [...(this.bySegment.get(segment) ?? [])].sort()) {
      for (const m of this.members.get(root) ?? []) if (m.vhid.segment === segment) out.push(m);
    }
    return out;
  }

  /** Every cluster of the workspace, each once. */
  allClusters(): Cluster[] {
    this.update();
    const out: Cluster[] = [];
    const done = new Set<string>();
    for (const root of [...this.members.keys()].sort()) {
      if (done.has(root)) continue;
      const c = this.clusterAt(root);
      for (const r of c?.roots ?? [root]) done.add(r);
      if (c) out.push(c);
    }
    return out;
  }

  protected clear(): void {
    this.members.clear();
    this.byKey.clear();
    this.bySegment.clear();
  }

  /** Clusters assembled from the old state are stale. */
  protected updated(): void {
    this.clusters.clear();
  }

  /** Re-derives one node's vhids and moves its keys and segments. */
  protected refresh(root: string): void {
    for (const m of this.members.get(root) ?? []) {
      for (const key of memberKeys(m)) removeFrom(this.byKey, key, root);
      if (m.vhid.segment !== undefined) removeFrom(this.bySegment, m.vhid.segment, root);
    }
    const node = this.workspace.nodeAt(root);
    const members = vhidMembers(root, nodeConfig(node));
    if (members.length === 0) this.members.delete(root);
    else this.members.set(root, members);
    for (const m of members) {
      for (const key of memberKeys(m)) addTo(this.byKey, key, root);
      if (m.vhid.segment !== undefined) addTo(this.bySegment, m.vhid.segment, root);
    }
  }
}

function addTo(map: Map<string, Set<string>>, key: string, root: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(root);
  map.set(key, set);
}

/** Drops a root from a key's set, and the key once no node carries it, so edits that rename addresses leave nothing behind. */
function removeFrom(map: Map<string, Set<string>>, key: string, root: string): void {
  const set = map.get(key);
  set?.delete(root);
  if (set?.size === 0) map.delete(key);
}
