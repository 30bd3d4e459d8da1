import type { ClusterCheck, Finding, RelatedLocation } from './types';
import type { WorkspaceView } from '../model/workspace-view';
import { findingAtPlace } from './cluster-common';
import { clusterNodes, nodePlace, preemptIntent, preemptLine, preemptText, type ClusterNode } from './cluster-nodes';
import { listText } from './net-common';
import { enablePreemptFix } from '../fixes/carp-preempt';

/**
 * `net.inet.carp.preempt` on in some nodes of a cluster and off in others
 * (unset is the kernel's 0). A BACKUP takes over from a slower MASTER only
 * when its own preempt is on (ip_carp.c carp_input_c(), BACKUP case), so who
 * ends up MASTER after a failure and recovery depends on which node failed:
 * when a MASTER's NIC fails, a BACKUP without preempt takes over that NIC's
 * vhids only (the MASTER's other vhids keep advertising, demoted), and the
 * cluster's addresses split between nodes. carp(4) and pfsync(4) set it on
 * every node. Compared as each node means it (cluster-nodes.ts
 * preemptIntent(): a line in loader.conf counts, loader/not-a-tunable says
 * it is ignored there).
 *
 * Reported on every node, on its first vhid line, with its own preempt line
 * and the other side's as related information. Nodes with it off get the fix.
 */
export const carpPreemptMismatch: ClusterCheck = {
  code: 'carp/preempt-mismatch',
  run({ cluster, workspace }) {
    const nodes = clusterNodes(cluster);
    const on = nodes.filter((n) => preemptIntent(n.config).on);
    const off = nodes.filter((n) => !preemptIntent(n.config).on);
    if (on.length === 0 || off.length === 0) return [];
    const findings: Finding[] = [];
    for (const n of nodes) {
      const place = nodePlace(workspace, n);
      if (!place) continue;
      const isOn = on.includes(n);
      const others = isOn ? off : on;
      const message =
        `Preemption is ${isOn ? 'on' : 'off'} for ${n.name} (${preemptText(n.config)}) but ${isOn ? 'off' : 'on'} for ${listText(others.map((o) => `${o.name} (${preemptText(o.config)})`))}. ` +
        'A BACKUP takes over from a slower (demoted) MASTER only with its own preempt on, so which node ends up MASTER after a failure depends on which node failed: ' +
        "when a MASTER's NIC fails, a BACKUP without preempt takes over that NIC's vhids only and leaves the others on the demoted node. " +
        'Set net.inet.carp.preempt=1 in sysctl.conf on every node of the cluster (carp(4)).';
      findings.push(findingAtPlace('carp/preempt-mismatch', place, message, { related: preemptRelated(workspace, n, others), fixes: isOn ? [] : [enablePreemptFix(n.config)] }));
    }
    return findings;
  },
};

/** The node's own preempt line, then each other node's (or its first vhid line when it sets none). */
export function preemptRelated(workspace: WorkspaceView, node: ClusterNode, others: readonly ClusterNode[]): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  const own = preemptLine(workspace, node.config);
  if (own) out.push({ ...own, message: `${node.name} sets preempt here` });
  for (const o of others) {
    const place = preemptLine(workspace, o.config) ?? nodePlace(workspace, o);
    if (place) out.push({ ...place, message: `${o.name}: ${preemptText(o.config)}` });
  }
  return out;
}
