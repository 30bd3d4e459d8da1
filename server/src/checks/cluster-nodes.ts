import type { WorkspaceView } from '../model/workspace-view';
import type { Cluster, VhidGroup, VhidMember } from '../model/cluster';
import type { NodeConfig } from '../model/node-config';
import type { ParsedDocument } from '../model/document';
import type { Setting } from '../parsers/syntax';
import { parseSysctlInt } from '../model/carp-sysctls';
import { pathInNode } from '../fixes/node-file-edits';
import { vhidPlace, type Place } from './cluster-common';

/**
 * Shared by the cross-node checks that judge whole nodes rather than one
 * vhid (preempt): the nodes of a cluster, what each means its preempt to
 * be, and where a finding about a node goes.
 */

/** One node of a cluster with its vhid members. */
export interface ClusterNode {
  root: string;
  name: string;
  config: NodeConfig;
  /** The node's members in the cluster's groups, in group order. */
  members: VhidMember[];
}

/** The nodes of a cluster, by name, each with its members. */
export function clusterNodes(cluster: Cluster): ClusterNode[] {
  const byRoot = new Map<string, ClusterNode>();
  for (const group of cluster.groups) {
    for (const m of group.members) {
      const node = byRoot.get(m.root) ?? { root: m.root, name: m.node, config: m.config, members: [] };
      node.members.push(m);
      byRoot.set(m.root, node);
    }
  }
  return [...byRoot.values()].sort((a, b) => a.name.localeCompare(b.name) || a.root.localeCompare(b.root));
}

/**
 * The groups of a cluster that hold an election: two nodes or more. A vhid
 * no other node shares elects nobody. Legacy carpN members stay: their lines
 * configure nothing since FreeBSD 10 (carp/legacy-carp-interface), but they
 * say how the cluster is meant to work, and their fix turns them into vhid
 * aliases with the same settings.
 */
export function electingGroups(cluster: Cluster): VhidGroup[] {
  return cluster.groups.filter((group) => new Set(group.members.map((m) => m.root)).size >= 2);
}

export const PREEMPT_OID = 'net.inet.carp.preempt';

/** What a node means its preempt to be, and where it says so. */
export interface PreemptIntent {
  on: boolean;
  /** The line that sets it, when one does. */
  at?: { doc: ParsedDocument; setting: Setting };
  /** True when that line is in loader.conf, where the kernel ignores it. */
  inLoader: boolean;
}

/**
 * A node's preempt as its files mean it: the value rc.d/sysctl applies
 * (sysctl.conf, .local, sysctl.kld.d; ip_carp.c tests it for non-zero),
 * else a `net.inet.carp.preempt` line in loader.conf. The loader ignores
 * that one (it is not a tunable; loader/not-a-tunable says so and moves it),
 * but it says what the admin wants, so the cluster checks compare it as
 * meant: moving it to sysctl.conf then never changes what they report.
 */
export function preemptIntent(config: NodeConfig): PreemptIntent {
  const sysctl = config.sysctl.get(PREEMPT_OID);
  if (sysctl) return { on: (parseSysctlInt(sysctl.setting.value) ?? 0) !== 0, at: { doc: sysctl.doc, setting: sysctl.setting }, inLoader: false };
  const loader = config.loaderSettings.filter((s) => s.setting.name === PREEMPT_OID).pop();
  if (loader) return { on: (parseSysctlInt(loader.setting.value) ?? 0) !== 0, at: loader, inLoader: true };
  return { on: false, inLoader: false };
}

/** How a message states a node's preempt: `net.inet.carp.preempt=1 (etc/sysctl.conf:3)` or `not set (0)`. */
export function preemptText(config: NodeConfig): string {
  const p = preemptIntent(config);
  if (!p.at) return `${PREEMPT_OID} not set (0, the default)`;
  const line = p.at.doc.lines.positionAt(p.at.setting.start).line + 1;
  const ignored = p.inLoader ? ', ignored there: move it to sysctl.conf' : '';
  return `${PREEMPT_OID}=${p.at.setting.value} (${pathInNode(config.files, p.at.doc.uri)}:${line}${ignored})`;
}

/** The node's own preempt line, when one sets it. */
export function preemptLine(workspace: WorkspaceView, config: NodeConfig): Place | undefined {
  const at = preemptIntent(config).at;
  return at && workspace.get(at.doc.uri) ? { uri: at.doc.uri, range: at.doc.lines.range(at.setting.start, at.setting.end) } : undefined;
}

/**
 * Where a finding about a node's preempt goes: its first vhid line (in load
 * order), never the preempt line itself, so the finding stays on the same
 * file whichever file sets preempt (a fix that moves the line from
 * loader.conf to sysctl.conf must not move findings around).
 */
export function nodePlace(workspace: WorkspaceView, node: ClusterNode): Place | undefined {
  const order = node.config.files.byKind.rc.map((d) => d.uri);
  const first = [...node.members].sort((a, b) => {
    const fa = a.vhid.items[0];
    const fb = b.vhid.items[0];
    return order.indexOf(fa.source.uri) - order.indexOf(fb.source.uri) || fa.source.assignment.start - fb.source.assignment.start;
  });
  for (const m of first) {
    const place = vhidPlace(workspace, m);
    if (place) return place;
  }
  return undefined;
}
