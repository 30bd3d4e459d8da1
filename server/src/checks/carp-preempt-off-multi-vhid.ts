import type { ClusterCheck, Finding, RelatedLocation } from './types';
import { findingAtPlace, memberLabel, vhidPlace } from './cluster-common';
import { clusterNodes, nodePlace, preemptIntent, preemptLine, type ClusterNode } from './cluster-nodes';
import { listText } from './net-common';
import { enablePreemptEverywhereFix } from '../fixes/carp-preempt';

/**
 * Preemption off on every node of a cluster whose vhids sit on several
 * parent interfaces. When the MASTER's NIC fails, that NIC's vhids go to
 * INIT and the node's demotion rises by ifdown_demotion_factor
 * (ip_carp.c carp_sc_state()); the BACKUP takes over those vhids, but not
 * the ones on the MASTER's healthy NICs: they keep advertising, only slower,
 * and a BACKUP takes over from a slower MASTER only with preempt on
 * (carp_input_c()). The vhids fail over one by one, and traffic enters
 * through one node and leaves through the other. carp(4)'s example turns
 * preempt on for exactly this. (Some nodes on and some off is
 * carp/preempt-mismatch.)
 *
 * Every vhid of the cluster's nodes counts, shared or not: which interfaces
 * a node puts vhids on says how the cluster is meant to fail over. Compared
 * as each node means it (cluster-nodes.ts preemptIntent()).
 *
 * Reported on every node, on its first vhid line; the fix turns preempt on
 * in every node at once, so the cluster never disagrees halfway.
 */
export const carpPreemptOffMultiVhid: ClusterCheck = {
  code: 'carp/preempt-off-multi-vhid',
  run({ cluster, workspace }) {
    const nodes = clusterNodes(cluster);
    if (nodes.length < 2 || nodes.some((n) => preemptIntent(n.config).on)) return [];
    const spread = nodes.find((n) => interfacesOf(n).size >= 2);
    if (!spread) return [];
    const fix = enablePreemptEverywhereFix(nodes.map((n) => n.config));
    const example = [...interfacesOf(spread)].map(([ifName, vhids]) => `${ifName}: vhid ${vhids.join(', ')}`);
    const [firstIf, firstVhids] = [...interfacesOf(spread)][0];
    const findings: Finding[] = [];
    for (const n of nodes) {
      const place = nodePlace(workspace, n);
      if (!place) continue;
      const related: RelatedLocation[] = [];
      const own = preemptLine(workspace, n.config);
      if (own) related.push({ ...own, message: `${n.name} sets preempt here` });
      for (const m of n.members) {
        const p = vhidPlace(workspace, m);
        if (p && !(p.uri === place.uri && p.range.start.line === place.range.start.line)) related.push({ ...p, message: `${memberLabel(m)} fails over on its own` });
      }
      const message =
        `Preemption is off on every node of this cluster (${listText(nodes.map((o) => o.name))}), and its vhids sit on several interfaces (${spread.name}: ${example.join('; ')}). ` +
        `When the MASTER's ${firstIf} fails, only vhid ${firstVhids.join(', ')} moves to the BACKUP: a BACKUP without preempt never takes over from a MASTER that still advertises, ` +
        'even demoted, so the other vhids stay and traffic enters through one node and leaves through the other. Set net.inet.carp.preempt=1 on every node (carp(4)).';
      findings.push(findingAtPlace('carp/preempt-off-multi-vhid', place, message, { related, fixes: [fix] }));
    }
    return findings;
  },
};

/** A node's parent interfaces with the vhids on each, in group order. */
function interfacesOf(n: ClusterNode): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const m of n.members) {
    const list = out.get(m.ifName) ?? [];
    if (!list.includes(m.vhid.vhid)) list.push(m.vhid.vhid);
    out.set(m.ifName, list);
  }
  return out;
}
