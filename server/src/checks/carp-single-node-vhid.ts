import type { ClusterCheck, Finding } from './types';
import type { Cluster, VhidGroup, VhidMember } from '../model/cluster';
import type { WorkspaceView } from '../model/workspace-view';
import { findingAtPlace, memberLabel, relatedAt, vhidPlace } from './cluster-common';
import { addressList, groupSegments, isReadMember, membersOnSegment } from './vhid-group-common';
import { listNames } from '../fixes/carp-vhid-edits';

/**
 * `carp/single-node-vhid`: a vhid that no other node of the workspace
 * carries (by vhid number and address, counting only the aliases
 * network.subr applies), so nothing takes its addresses over when the node
 * fails. A workspace often holds only one node of a pair (a CLI run on
 * fw1/, a repository of one site), so the check fires only when a node that
 * could be the peer is there: one that shares other vhids with this node
 * (its cluster), or one with CARP on the same segment. Silent when such a
 * node has values the model cannot read (one may carry the vhid). A vhid
 * still written on a carpN interface counts as what its node means
 * (carp/legacy-carp-interface reports that the line does nothing): a peer's
 * carpN line is a peer, and a lone carpN line is a lone vhid, so moving it
 * to its parent interface neither raises nor hides this finding.
 */
export const carpSingleNodeVhid: ClusterCheck = {
  code: 'carp/single-node-vhid',
  run({ cluster, workspace }) {
    const findings: Finding[] = [];
    for (const group of cluster.groups) {
      const mine = group.members;
      const roots = new Set(mine.map((m) => m.root));
      if (roots.size !== 1 || !mine.every(isReadMember)) continue;
      const root = mine[0].root;
      const sharing = sharedVhids(cluster, root);
      const onSegment = groupSegments(group).flatMap((s) => membersOnSegment(workspace, s).filter((m) => m.root !== root));
      const candidates = new Map<string, VhidMember>();
      for (const m of [...[...sharing.values()].map((s) => s.member), ...onSegment]) if (!candidates.has(m.root)) candidates.set(m.root, m);
      if (candidates.size === 0 || [...candidates.values()].some((c) => mayCarry(c, group))) continue;
      const why = [
        ...[...sharing.values()].map((s) => `${s.member.node} shares vhid${s.vhids.length > 1 ? 's' : ''} ${listNames(s.vhids.map(String))} with ${mine[0].node}`),
        ...[...new Set(onSegment.map((m) => m.node))].filter((n) => ![...sharing.values()].some((s) => s.member.node === n)).map((n) => `${n} runs CARP on ${onSegment.find((m) => m.node === n)?.vhid.segment}`),
      ];
      for (const m of mine) {
        const place = vhidPlace(workspace, m);
        if (!place) continue;
        const addresses = addressList(m.addresses);
        const message =
          `${memberLabel(m)} has no peer: no other node of the workspace carries vhid ${m.vhid.vhid} with ${addresses}, ` +
          `though ${listNames(why)}. When ${m.node} fails, nothing takes over ${addresses}. Add the vhid on the peer (same vhid, addresses and pass, a different advskew), ` +
          `or check the vhid number and the addresses against the peer's lines.`;
        findings.push(findingAtPlace('carp/single-node-vhid', place, message, { related: related(workspace, onSegment) }));
      }
    }
    return findings;
  },
};

/** The other nodes of the cluster in name order, each with the vhid numbers it shares with `root`. */
function sharedVhids(cluster: Cluster, root: string): Map<string, { member: VhidMember; vhids: number[] }> {
  const out = new Map<string, { member: VhidMember; vhids: number[] }>();
  for (const g of cluster.groups) {
    if (!g.members.some((m) => m.root === root)) continue;
    for (const m of g.members) {
      if (m.root === root) continue;
      const entry = out.get(m.root) ?? { member: m, vhids: [] };
      if (!entry.vhids.includes(g.vhid)) entry.vhids.push(g.vhid);
      out.set(m.root, entry);
    }
  }
  return new Map([...out].sort(([, a], [, b]) => a.member.node.localeCompare(b.member.node)));
}

/** True when a candidate peer may carry the vhid where the model cannot see it: a value the shell computes, or an address range on that vhid. */
function mayCarry(candidate: VhidMember, group: VhidGroup): boolean {
  const { interfaces, vhids } = candidate.config;
  return [...interfaces.interfaces.values()].some((i) => i.dynamic) || vhids.some((v) => v.vhid === group.vhid && v.addresses.some((a) => !a.ip));
}

/** The other nodes' vhid lines on the segment: where a mistyped vhid number or address of the peer would be. */
function related(workspace: WorkspaceView, onSegment: readonly VhidMember[]): Finding['related'] {
  return relatedAt(
    onSegment.flatMap((o) => {
      const p = vhidPlace(workspace, o);
      return p ? [{ ...p, message: `${o.node}'s vhid ${o.vhid.vhid} on ${o.ifName}: ${addressList(o.addresses)}` }] : [];
    }),
  );
}
