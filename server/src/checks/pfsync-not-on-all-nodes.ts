import type { ClusterCheck, Finding } from './types';
import { findingAtPlace, relatedAt, vhidPlace, type Place } from './cluster-common';
import { clusterNodes, joinNames, rcPlace } from './pf-blocked-common';
import type { Cluster } from '../model/cluster';
import type { NodeConfig } from '../model/node-config';
import { pfsyncSettings } from '../model/pfsync-node';
import type { WorkspaceView } from '../model/workspace-view';
import { enablePfsyncFix } from '../fixes/pfsync-settings';
import type { FixProposal } from '../fixes/types';

/**
 * pfsync runs on some members of a CARP cluster and not on others. A node
 * without it neither sends its states nor receives the others' (pfsync(4)),
 * so a failover to or from it drops every connection going through the
 * cluster, which is what pfsync on the others was meant to prevent. Reported
 * on every member, each with the others as related information; the fix
 * enables pfsync on the node lacking it (in that node's rc.conf).
 */
export const pfsyncNotOnAllNodes: ClusterCheck = {
  code: 'pfsync/not-on-all-nodes',
  run({ cluster, workspace }) {
    const nodes = clusterNodes(cluster).map((config) => ({ config, s: pfsyncSettings(config) }));
    if (nodes.some((n) => n.s.uncertain)) return [];
    const on = nodes.filter((n) => n.s.enabled);
    // A member whose own files say pfsync_enable="NO" decided so (a standby without a sync link); one that never mentions pfsync forgot it.
    const off = nodes.filter((n) => !n.s.enabled && (!n.s.enable || n.s.enable.fromDefaults));
    if (on.length === 0 || off.length === 0) return [];
    const places = new Map(nodes.map((n) => [n.config, placeOf(cluster, workspace, n.config, n.s.enable)]));
    // One fix for all: a member enabled alone would still be reported while another lacks pfsync.
    const fixes = present([enablePfsyncFix(off.map((n) => n.config), on.map((x) => x.config))]);
    const onNames = joinNames(on.map((n) => n.config.name));
    const offNames = joinNames(off.map((n) => n.config.name));
    const findings: Finding[] = [];
    const related = (others: readonly { config: NodeConfig }[], text: (c: NodeConfig) => string) =>
      relatedAt(others.flatMap((o) => {
        const p = places.get(o.config);
        return p ? [{ ...p, message: text(o.config) }] : [];
      }));
    for (const n of off) {
      const place = places.get(n.config);
      if (!place) continue;
      const message = `pfsync runs on ${onNames} but not on ${n.config.name}: ${n.config.name} neither receives the connection states of ${onNames} nor sends its own, so every failover to or from it drops the connections going through the cluster. Enable pfsync on ${n.config.name} too (pfsync_enable="YES" and pfsync_syncdev).`;
      findings.push(findingAtPlace('pfsync/not-on-all-nodes', place, message, { related: related(on, (c) => `pfsync is enabled on ${c.name}`), fixes }));
    }
    for (const n of on) {
      const place = places.get(n.config);
      if (!place) continue;
      const message = `pfsync runs on ${n.config.name} but not on ${offNames}: those members get none of ${n.config.name}'s connection states and send none, so a failover between them and ${n.config.name} drops the connections going through the cluster. Enable pfsync on every member.`;
      findings.push(findingAtPlace('pfsync/not-on-all-nodes', place, message, { related: related(off, (c) => `pfsync is not enabled on ${c.name}`), fixes }));
    }
    return findings;
  },
};

/** Where a node's pfsync setting is said: its own `pfsync_enable` line, else the first line of its first vhid. */
function placeOf(cluster: Cluster, workspace: WorkspaceView, config: NodeConfig, enable: ReturnType<typeof pfsyncSettings>['enable']): Place | undefined {
  if (enable && !enable.fromDefaults) return rcPlace(enable);
  const member = cluster.groups.flatMap((g) => g.members).find((m) => m.config === config);
  return member ? vhidPlace(workspace, member) : undefined;
}

function present(fixes: readonly (FixProposal | undefined)[]): FixProposal[] {
  return fixes.filter((f): f is FixProposal => f !== undefined);
}
