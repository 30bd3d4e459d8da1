import type { ClusterCheck, Finding, RelatedLocation } from './types';
import { findingAtPlace, placeOf } from './cluster-common';
import { clusterNodes, nodePlace, preemptIntent, preemptLine, type ClusterNode } from './cluster-nodes';
import { listText } from './net-common';
import { vipAddresses, type NodeAddress } from '../model/node-addresses';
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
 * A node's vhids count when another node of the cluster has the same vhid
 * and address (a vhid nobody else has never fails over), read as written
 * (model/node-addresses.ts: lines behind an empty alias and legacy carpN
 * lines included, so fixing those never makes this finding appear), and
 * preempt as each node means it (cluster-nodes.ts preemptIntent()).
 *
 * Reported on every node, on its first vhid line; the fix turns preempt on
 * in every node at once, so the cluster never disagrees halfway.
 */
export const carpPreemptOffMultiVhid: ClusterCheck = {
  code: 'carp/preempt-off-multi-vhid',
  run({ cluster, workspace }) {
    const nodes = clusterNodes(cluster);
    if (nodes.length < 2 || nodes.some((n) => preemptIntent(n.config).on)) return [];
    const shared = sharedVips(nodes);
    const spread = nodes.find((n) => byInterface(shared.get(n) ?? []).size >= 2);
    if (!spread) return [];
    const interfaces = [...byInterface(shared.get(spread) ?? [])];
    const example = interfaces.map(([ifName, vhids]) => `${ifName}: ${vhidsText(vhids)}`);
    const [firstIf, firstVhids] = interfaces[0];
    const fix = enablePreemptEverywhereFix(nodes.map((n) => n.config));
    const findings: Finding[] = [];
    for (const n of nodes) {
      const place = nodePlace(workspace, n);
      if (!place) continue;
      const related: RelatedLocation[] = [];
      const own = preemptLine(workspace, n.config);
      if (own) related.push({ ...own, message: `${n.name} sets preempt here` });
      for (const a of shared.get(n) ?? []) {
        const p = placeOf(workspace, a.item, a.item.entry.carp.vhid?.keyword);
        if (p && !(p.uri === place.uri && p.range.start.line === place.range.start.line)) related.push({ ...p, message: `${n.name}'s vhid ${a.vhid} on ${a.ifName} fails over on its own` });
      }
      const message =
        `Preemption is off on every node of this cluster (${listText(nodes.map((o) => o.name))}), and its vhids sit on several interfaces (${spread.name}: ${example.join('; ')}). ` +
        `When the MASTER's ${firstIf} fails, only ${vhidsText(firstVhids)} ${firstVhids.length === 1 ? 'moves' : 'move'} to the BACKUP: a BACKUP without preempt never takes over from a MASTER that still advertises, ` +
        'even demoted, so the other vhids stay and traffic enters through one node and leaves through the other. Set net.inet.carp.preempt=1 on every node (carp(4)).';
      findings.push(findingAtPlace('carp/preempt-off-multi-vhid', place, message, { related, fixes: [fix] }));
    }
    return findings;
  },
};

/** Each node's VIPs that another node of the cluster also has (same vhid, same address). */
function sharedVips(nodes: readonly ClusterNode[]): Map<ClusterNode, NodeAddress[]> {
  const vips = new Map(nodes.map((n) => [n, vipAddresses(n.config)] as const));
  const holders = new Map<string, Set<ClusterNode>>();
  for (const [n, list] of vips) for (const a of list) holders.set(`${a.vhid}|${a.address}`, (holders.get(`${a.vhid}|${a.address}`) ?? new Set()).add(n));
  const out = new Map<ClusterNode, NodeAddress[]>();
  for (const [n, list] of vips) out.set(n, list.filter((a) => (holders.get(`${a.vhid}|${a.address}`)?.size ?? 0) >= 2));
  return out;
}

/** `vhid 1`, `vhids 10 and 12`. */
function vhidsText(vhids: readonly number[]): string {
  return vhids.length === 1 ? `vhid ${vhids[0]}` : `vhids ${listText(vhids.map(String))}`;
}

/** Parent interfaces with the vhids on each, in the order written. */
function byInterface(vips: readonly NodeAddress[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const a of vips) {
    const list = out.get(a.ifName) ?? [];
    if (a.vhid !== undefined && !list.includes(a.vhid)) list.push(a.vhid);
    out.set(a.ifName, list);
  }
  return out;
}
