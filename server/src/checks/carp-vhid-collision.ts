import type { ClusterCheck, Finding } from './types';
import type { VhidGroup, VhidMember } from '../model/cluster';
import type { Manifest } from '../model/manifest';
import { networkOf, parseAddressWord } from '../model/if-address';
import { findingAtPlace, relatedAt, vhidPlace } from './cluster-common';
import { addressList, byNode, byValue, groupAddresses, groupSegments, isKnownMember, isLiveMember, membersOnSegment, nodeList, sameMember } from './vhid-group-common';
import { renumberGroupFix } from '../fixes/carp-vhid-collision';

/**
 * `carp/vhid-collision`: one vhid used on one segment by two groups that
 * share no address (so they are two elections), or a vhid the
 * freebsd-conf.json manifest reserves on that segment for other equipment.
 * The vhid picks the virtual MAC, 00:00:5e:00:01:<vhid>
 * (sys/netinet/ip_carp.c carp_output()), the range VRRP uses too: two
 * MASTERs answering ARP with one MAC make switches move it between their
 * ports, so traffic for both groups' addresses goes to whichever node sent
 * last. The groups may sit in different clusters; they are found through
 * the workspace's index of vhids by segment.
 */
export const carpVhidCollision: ClusterCheck = {
  code: 'carp/vhid-collision',
  run({ cluster, workspace }) {
    const findings: Finding[] = [];
    const manifest = workspace.manifest?.();
    for (const group of cluster.groups) {
      const members = group.members.filter(isLiveMember).sort(byNode);
      if (members.length === 0 || !members.every(isKnownMember)) continue;
      const segments = groupSegments(group);
      const onSegments = segments.flatMap((s) => membersOnSegment(workspace, s)).filter(isLiveMember);
      const others = onSegments.filter((o) => o.vhid.vhid === group.vhid && !group.members.some((g) => sameMember(g, o))).sort(byNode);
      const reserved = reservations(manifest, segments, group.vhid);
      if ((others.length === 0 && reserved.length === 0) || !others.every(isKnownMember)) continue;
      const taken = takenVhids(onSegments, members, manifest, segments);
      for (const m of members) {
        const place = vhidPlace(workspace, m);
        if (!place) continue;
        const fix = renumberGroupFix(workspace, m, members, taken);
        findings.push(findingAtPlace('carp/vhid-collision', place, message(m, group, members, others, reserved), { related: related(workspace, others), ...(fix ? { fixes: [fix] } : {}) }));
      }
    }
    return findings;
  },
};

function message(m: VhidMember, group: VhidGroup, members: readonly VhidMember[], others: readonly VhidMember[], reserved: readonly string[]): string {
  const segment = m.vhid.segment ?? group.segment ?? 'its segment';
  const mac = `00:00:5e:00:01:${group.vhid.toString(16).padStart(2, '0')}`;
  const parts: string[] = [];
  if (others.length > 0) {
    const sets = byValue(others, (o) => o.addresses.join(' '));
    const them = [...sets.values()].map((list) => `${nodeList(list)} (${addressList(list[0].addresses)})`).join(' and by ');
    parts.push(
      `vhid ${group.vhid} on ${segment} is used by this group, ${nodeList(members)} (${addressList(groupAddresses(members))}), and by ${them}, which shares no address with it: ` +
        `two elections whose MASTERs answer ARP with the same virtual MAC, ${mac}, so switches move it between the nodes and traffic for both groups goes to whichever sent last.`,
    );
  }
  for (const r of reserved) {
    parts.push(`vhid ${group.vhid} is reserved on ${segment} in freebsd-conf.json${r ? ` (${r})` : ''}: other equipment there uses it, and VRRP shares CARP's virtual MAC ${mac}.`);
  }
  return `${parts.join(' ')} Give this group a vhid no one else uses on the segment, on every node of the group.`;
}

/** The manifest's reservations of `vhid` on the segments, each as its note (empty when it has none). */
function reservations(manifest: Manifest | undefined, segments: readonly string[], vhid: number): string[] {
  return (manifest?.reservedVhids ?? []).filter((r) => segments.includes(canonicalSegment(r.segment) ?? '') && r.vhids.includes(vhid)).map((r) => r.note ?? '');
}

/** Every vhid number the new one must avoid: used on the segments, reserved there, or used on a member's interface. */
function takenVhids(onSegments: readonly VhidMember[], members: readonly VhidMember[], manifest: Manifest | undefined, segments: readonly string[]): Set<number> {
  const taken = new Set(onSegments.map((o) => o.vhid.vhid));
  for (const r of manifest?.reservedVhids ?? []) if (segments.includes(canonicalSegment(r.segment) ?? '')) for (const v of r.vhids) taken.add(v);
  for (const m of members) for (const v of m.config.vhids) if (v.ifKey === m.vhid.ifKey) taken.add(v.vhid);
  return taken;
}

/** A manifest segment (`192.0.2.0/24`, `2001:DB8::/64`) in the form CarpVhid.segment uses, so the two compare. */
function canonicalSegment(text: string): string | undefined {
  const parsed = parseAddressWord(text.trim());
  return parsed?.ip && parsed.prefix !== undefined ? networkOf(parsed.ip, parsed.prefix) : undefined;
}

function related(workspace: Parameters<typeof vhidPlace>[0], others: readonly VhidMember[]): Finding['related'] {
  return relatedAt(
    others.flatMap((o) => {
      const p = vhidPlace(workspace, o);
      return p ? [{ ...p, message: `${o.node}'s vhid ${o.vhid.vhid} on ${o.ifName}: ${addressList(o.addresses)}` }] : [];
    }),
  );
}
