import type { ClusterCheck, Finding } from './types';
import type { VhidGroup, VhidMember } from '../model/cluster';
import type { WorkspaceView } from '../model/workspace-view';
import { canonicalAddress, parseAddressWord, type IpFamily } from '../model/if-address';
import { findingAtPlace, memberLabel, placeOf, relatedAt } from './cluster-common';
import { byNode, isKnownMember, nodeList, settingPlace } from './vhid-group-common';
import { dropPeersFix, keepUnicastFix, nodeAddresses, ownAddressOn, peerKey, setPeersFix, type PeerChange } from '../fixes/carp-peer-mismatch';

const GROUP_ADDRESS: Record<IpFamily, string> = { inet: '224.0.0.18', inet6: 'ff02::12' };
const MODES = 'A unicast node does not join the multicast group, so it does not hear its multicast peer, and both may become MASTER.';
const WRONG_PEER = 'A unicast node hears only advertisements sent to its own address, so the node meant to hear these never does and may become MASTER beside the sender.';

/**
 * `carp/peer-mismatch` (FreeBSD 14 unicast CARP): `peer`/`peer6` send a
 * vhid's advertisements to one address instead of the multicast group. The
 * nodes of a vhid must agree: a unicast node does not join the group
 * (sys/netinet/ip_carp.c carp_multicast_setup() runs for the group only),
 * so it does not hear a multicast peer and may become MASTER beside it;
 * and a node's peer must be the other node's own address, or its
 * advertisements go nowhere useful. A line without `peer` returns the vhid
 * to multicast (ifconfig starts every command with the group as
 * destination, sbin/ifconfig/carp.c carp_ctor()), which the last case
 * reports on the node alone. Warnings: the mode mismatch is a reading of
 * the code, not a documented failure.
 */
export const carpPeerMismatch: ClusterCheck = {
  code: 'carp/peer-mismatch',
  run({ cluster, workspace }) {
    const findings: Finding[] = [];
    for (const group of cluster.groups) {
      const members = group.members.filter(isKnownMember).sort(byNode);
      for (const m of members) {
        const finding = multicastAgain(workspace, m, members);
        if (finding) findings.push(finding);
      }
      for (const family of ['inet', 'inet6'] as const) for (const f of familyFindings(workspace, group, members, family)) findings.push(f);
    }
    return findings;
  },
};

function multicastAgain(workspace: WorkspaceView, m: VhidMember, members: readonly VhidMember[]): Finding | undefined {
  const item = m.vhid.multicastAgain;
  const place = item && placeOf(workspace, item, item.entry.carp.vhid?.keyword);
  if (!item || !place) return undefined;
  // Repeating the peer helps only when no other node is plainly multicast; else staying multicast is what agrees.
  const same = members.filter((o) => o.vhid.multicastAgain);
  const plainMulticast = members.some((o) => o.root !== m.root && !o.vhid.multicastAgain && !o.vhid.peer && !o.vhid.peer6);
  const repeat = plainMulticast ? undefined : keepUnicastFix(workspace, m, same);
  const drop = dropPeersFix(workspace, m);
  const fixes = [...(repeat ? [{ ...repeat, isPreferred: true }] : []), ...(drop ? [{ ...drop, isPreferred: !repeat }] : [])];
  const message =
    `${item.source.assignment.name} states no peer, so it returns ${memberLabel(m)} to multicast for every address of the vhid: ` +
    `ifconfig starts every command with the multicast group as destination, and an earlier line of the vhid set a unicast peer. ` +
    `Repeat the peer on every line of the vhid, or drop it everywhere to stay multicast.`;
  return findingAtPlace('carp/peer-mismatch', place, message, fixes.length > 0 ? { fixes } : {});
}

/** What is wrong with the members' destinations for one family, on every member's line, with the fix when the group is a pair. */
function familyFindings(workspace: WorkspaceView, group: VhidGroup, all: readonly VhidMember[], family: IpFamily): Finding[] {
  const members = all.filter((m) => m.addresses.some((a) => a.includes(':') === (family === 'inet6')));
  const roots = new Set(members.map((m) => m.root));
  if (roots.size < 2) return [];
  const key = peerKey(family);
  const unicast = members.filter((m) => m.vhid[key]);
  const modesDiffer = unicast.length > 0 && unicast.length < members.length;
  const problems: string[] = [];
  if (modesDiffer) {
    const [first, ...rest] = members;
    problems.push(`${memberLabel(first)} sends its ${family === 'inet' ? 'IPv4' : 'IPv6'} advertisements to ${destination(first, family)}, but ${rest.map((o) => `${memberLabel(o)} to ${destination(o, family)}`).join(' and ')}.`);
  }
  const isWrong = (m: VhidMember): string | undefined => wrongPeer(m, members.filter((o) => o.root !== m.root), group, family);
  for (const m of unicast) {
    const wrong = isWrong(m);
    if (wrong) problems.push(wrong);
  }
  if (problems.length === 0) return [];
  const changes = roots.size === 2 ? pairChanges(members, family, (m) => (modesDiffer && !m.vhid[key]) || isWrong(m) !== undefined) : undefined;
  const findings: Finding[] = [];
  for (const m of members) {
    const place = settingPlace(workspace, m, key);
    if (!place) continue;
    const others = members.filter((o) => o.root !== m.root);
    const message =
      `${problems.join(' ')} ${modesDiffer ? MODES : WRONG_PEER} ` +
      `Point each node's ${key} at the other node's own address on the segment, on every line of the vhid, or use multicast on every node.`;
    const related = relatedAt(
      others.flatMap((o) => {
        const p = settingPlace(workspace, o, key);
        return p ? [{ ...p, message: `${o.node}'s vhid ${o.vhid.vhid} on ${o.ifName}: ${destination(o, family)}` }] : [];
      }),
    );
    const fix = changes && changes.length > 0 ? setPeersFix(workspace, m, changes) : undefined;
    findings.push(findingAtPlace('carp/peer-mismatch', place, message, { related, ...(fix ? { fixes: [fix] } : {}) }));
  }
  return findings;
}

function destination(m: VhidMember, family: IpFamily): string {
  const peer = m.vhid[peerKey(family)]?.param.value?.text;
  return peer ? `${peerKey(family)} ${peer}` : `the multicast group ${GROUP_ADDRESS[family]}`;
}

/** Why a unicast member's peer is not the other node, or undefined when it is (or cannot be known). */
function wrongPeer(m: VhidMember, others: readonly VhidMember[], group: VhidGroup, family: IpFamily): string | undefined {
  const text = m.vhid[peerKey(family)]?.param.value?.text;
  const parsed = text === undefined ? undefined : parseAddressWord(text);
  if (!parsed?.ip || parsed.prefix !== undefined || parsed.family !== family) return undefined;
  const peer = canonicalAddress(parsed.ip);
  const theirs = others.map((o) => nodeAddresses(o.config));
  if (theirs.some((s) => s === undefined || s.has(peer))) return undefined;
  const why = group.members.some((o) => o.addresses.includes(peer))
    ? `a CARP address of the vhid, which only the MASTER holds`
    : nodeAddresses(m.config)?.has(peer)
      ? `this node's own address`
      : `no address of ${nodeList(others)}`;
  return `${memberLabel(m)} sends its advertisements to ${peerKey(family)} ${peer}, ${why}.`;
}

/** For a pair: the members whose peer must change, each to the other node's address on the segment. */
function pairChanges(members: readonly VhidMember[], family: IpFamily, needs: (m: VhidMember) => boolean): PeerChange[] | undefined {
  const changes: PeerChange[] = [];
  for (const m of members) {
    if (!needs(m)) continue;
    const other = members.find((o) => o.root !== m.root);
    const to = other && ownAddressOn(other, family);
    if (!to) return undefined;
    changes.push({ member: m, family, to });
  }
  return changes;
}
