import type { VhidMember } from '../model/cluster';
import type { WorkspaceView } from '../model/workspace-view';
import type { NodeConfig } from '../model/node-config';
import { canonicalAddress, networkOf, type IpFamily } from '../model/if-address';
import { listNames, mergeFileEdits, removeVhidParamEdits, setVhidParamEdits } from './carp-vhid-edits';
import type { FileEdit, FixProposal } from './types';

/** The ifconfig keyword that sets a family's unicast destination (sbin/ifconfig/carp.c setcarp_peer(), setcarp_peer6()). */
export function peerKey(family: IpFamily): 'peer' | 'peer6' {
  return family === 'inet' ? 'peer' : 'peer6';
}

/** Words that give an interface an address the files do not hold (libexec/rc/network.subr: DHCP; rtsol for accept_rtadv). */
const LEASED = /^(?:(?:no)?sync)?dhcp$|^accept_rtadv$/i;

/**
 * The node's own addresses (not CARP ones) of every interface, canonical,
 * or undefined when some are unknown: a value the shell computes, or an
 * address from DHCP or router advertisements.
 */
export function nodeAddresses(config: NodeConfig): Set<string> | undefined {
  const out = new Set<string>();
  for (const iface of config.interfaces.interfaces.values()) {
    if (iface.dynamic || iface.sources.some((s) => s.effective && s.assignment.value.split(/\s+/).some((w) => LEASED.test(w)))) return undefined;
    for (const item of iface.items) {
      const { entry } = item;
      if (item.applied && !entry.removes && !entry.carp.vhid && entry.address?.ip) out.add(canonicalAddress(entry.address.ip));
    }
  }
  return out;
}

/**
 * A member's own address of a family on its vhid's segment: the address of
 * its parent interface in the subnet the vhid lives in, where the peer
 * sends its unicast advertisements. Undefined when there is not exactly one.
 */
export function ownAddressOn(m: VhidMember, family: IpFamily): string | undefined {
  const found = new Set<string>();
  for (const item of m.config.interfaces.interfaces.get(m.vhid.ifKey)?.items ?? []) {
    const { entry } = item;
    const a = entry.address;
    if (!item.applied || entry.removes || entry.carp.vhid || !a?.ip || a.family !== family || a.prefix === undefined) continue;
    if (m.vhid.segment === undefined || networkOf(a.ip, a.prefix) === m.vhid.segment) found.add(canonicalAddress(a.ip));
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** A member that must point its peer at another address. */
export interface PeerChange {
  member: VhidMember;
  family: IpFamily;
  /** The other node's address on the segment. */
  to: string;
}

/**
 * Fix for carp/peer-mismatch: set the peer (or peer6) of every member in
 * `changes` to the other node's address, on every line of its vhid: a line
 * without it returns the vhid to multicast, since ifconfig starts every
 * command with the multicast group as destination (sbin/ifconfig/carp.c
 * carp_ctor()). The other member's file may be edited too.
 */
export function setPeersFix(workspace: WorkspaceView, self: VhidMember, changes: readonly PeerChange[]): FixProposal | undefined {
  const lists: FileEdit[][] = [];
  const parts: string[] = [];
  for (const c of changes) {
    const edits = setVhidParamEdits(workspace, c.member.vhid, peerKey(c.family), c.to, true);
    if (!edits) return undefined;
    lists.push(edits);
    parts.push(`${c.member.root === self.root ? "this node's" : `${c.member.node}'s`} ${peerKey(c.family)} to ${c.to}`);
  }
  if (lists.length === 0) return undefined;
  return { title: `Set ${listNames(parts)} on vhid ${self.vhid.vhid}`, changes: mergeFileEdits(lists) };
}

/**
 * Fix for lines that drop `peer` after earlier lines of the vhid stated it:
 * state the peers of those earlier lines on every line again, on each node
 * of `members` (the group's nodes with the same mistake), so the vhid
 * stays unicast as the earlier lines meant.
 */
export function keepUnicastFix(workspace: WorkspaceView, self: VhidMember, members: readonly VhidMember[]): FixProposal | undefined {
  const lists: FileEdit[][] = [];
  const parts: string[] = [];
  for (const m of members) {
    for (const key of ['peer', 'peer6'] as const) {
      const stated = m.vhid.items.filter((i) => i.entry.carp[key]?.value).pop()?.entry.carp[key]?.value?.text;
      if (stated === undefined) continue;
      const edits = setVhidParamEdits(workspace, m.vhid, key, stated, true);
      if (!edits) return undefined;
      lists.push(edits);
      parts.push(`${key} ${stated}`);
    }
  }
  if (lists.length === 0) return undefined;
  const others = [...new Set(members.filter((m) => m.root !== self.root).map((m) => m.node))];
  const what = others.length === 0 ? listNames(parts) : "each node's peer";
  return { title: `Repeat ${what} on every line of vhid ${self.vhid.vhid}${others.length > 0 ? ` (this node and ${listNames(others)})` : ''}`, changes: mergeFileEdits(lists) };
}

/** Fix for the same lines when the vhid is meant to stay multicast: drop `peer` and `peer6` from every line of this node's vhid. */
export function dropPeersFix(workspace: WorkspaceView, self: VhidMember): FixProposal | undefined {
  const lists: FileEdit[][] = [];
  for (const key of ['peer', 'peer6'] as const) {
    if (!self.vhid.items.some((i) => i.entry.carp[key])) continue;
    const edits = removeVhidParamEdits(workspace, self.vhid, key);
    if (!edits) return undefined;
    lists.push(edits);
  }
  return lists.length > 0 ? { title: `Drop the peer from every line of vhid ${self.vhid.vhid} on this node (multicast)`, changes: mergeFileEdits(lists) } : undefined;
}
