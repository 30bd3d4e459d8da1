import { SymbolKind, type Location, type SymbolInformation } from 'vscode-languageserver-types';
import type { NodeFiles, WorkspaceView } from '../model/workspace-view';
import type { TopologyCluster } from '../protocol';
import { nodeConfig, isRcDefaultsUri } from '../model/node-config';
import { clusterTopology, workspaceClusters } from './topology';

/**
 * Workspace symbols (Ctrl+T): every node (to its hostname line, else its
 * rc.conf), every CARP cluster (`cluster fw1, fw2`) and every vhid group
 * (`vhid 2 (198.51.100.0/24)`, to its first member's alias line), so `fw2`
 * or `vhid 2` finds the machine or the group. Clusters and groups are the
 * topology payload's (features/topology.ts), which the workspace's cluster
 * index keeps current.
 */

/** At most this many symbols per answer: a query of one letter in a 1,000-node workspace would list them all. */
export const WORKSPACE_SYMBOL_LIMIT = 200;

/** A cluster's name lists at most this many nodes, then says how many more. */
const CLUSTER_NAMES_SHOWN = 6;

interface Candidate {
  symbol: SymbolInformation;
  rank: number;
}

/**
 * The symbols whose name holds the query, case-insensitively (an empty query
 * matches every one): nodes first, then clusters, then groups, each in
 * natural name order (`vhid 2` before `vhid 10`), names that start with the
 * query before the others, at most `limit` of them.
 */
export function workspaceSymbols(workspace: WorkspaceView, query: string, limit = WORKSPACE_SYMBOL_LIMIT): SymbolInformation[] {
  const q = query.trim().toLowerCase();
  const out: Candidate[] = [];
  const add = (name: string, kind: SymbolKind, location: Location | undefined, containerName?: string): void => {
    const at = name.toLowerCase().indexOf(q);
    if (at < 0 || !location) return;
    const rank = (at === 0 ? 0 : 3) + KIND_ORDER.indexOf(kind);
    out.push({ symbol: { name, kind, location, ...(containerName ? { containerName } : {}) }, rank });
  };
  const clusterOfRoot = new Map<string, string>();
  for (const cluster of workspaceClusters(workspace)) {
    const view = clusterTopology(workspace, cluster);
    const label = clusterLabel(view);
    for (const n of view.nodes) clusterOfRoot.set(n.root, label);
    add(label, SymbolKind.Package, view.groups[0]?.members[0]?.location);
    for (const g of view.groups) add(`vhid ${g.vhid} (${g.segment ?? g.addresses.join(', ')})`, SymbolKind.Constant, g.members[0]?.location, label);
  }
  for (const node of workspace.nodes()) add(nodeConfig(node).name, SymbolKind.Module, nodeLocation(workspace, node), clusterOfRoot.get(node.root));
  out.sort((a, b) => a.rank - b.rank || a.symbol.name.localeCompare(b.symbol.name, undefined, { numeric: true }) || a.symbol.location.uri.localeCompare(b.symbol.location.uri));
  return out.slice(0, Math.max(0, limit)).map((c) => c.symbol);
}

const KIND_ORDER: readonly SymbolKind[] = [SymbolKind.Module, SymbolKind.Package, SymbolKind.Constant];

/** `cluster fw1, fw2`, or `cluster n1, …, n6 and 4 more` for a large one. */
function clusterLabel(view: TopologyCluster): string {
  const names = view.nodes.map((n) => n.name);
  const shown = names.slice(0, CLUSTER_NAMES_SHOWN).join(', ');
  return `cluster ${shown}${names.length > CLUSTER_NAMES_SHOWN ? ` and ${names.length - CLUSTER_NAMES_SHOWN} more` : ''}`;
}

/**
 * Where a node is: the `hostname` assignment its name comes from, else the
 * start of its first rc file (rc.conf before rc.conf.local), else of its
 * first file of any kind. Copies of FreeBSD's defaults files are not the node's.
 */
function nodeLocation(workspace: WorkspaceView, node: NodeFiles): Location | undefined {
  // A name from freebsd-conf.json wins over the hostname (NodeConfig.name): the hostname line is then not where it comes from.
  const hostname = node.name === undefined ? nodeConfig(node).rc.get('hostname') : undefined;
  if (hostname && !hostname.fromDefaults) return { uri: hostname.doc.uri, range: hostname.doc.lines.range(hostname.setting.start, hostname.setting.end) };
  const own = node.byKind.rc.find((d) => !isRcDefaultsUri(d.uri)) ?? [...node.byKind.loader, ...node.byKind.sysctl, ...node.byKind.pf][0];
  if (!own || !workspace.get(own.uri)) return undefined;
  return { uri: own.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}
