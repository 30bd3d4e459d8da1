import type { Cluster, VhidGroup, VhidMember } from '../model/cluster';
import { elect, vhidMembers } from '../model/cluster';
import { nodeConfig } from '../model/node-config';
import { isLegacyCarpName } from '../model/rc-interfaces';
import type { WorkspaceView } from '../model/workspace-view';
import { placeOf, vhidPlace, type Place } from './cluster-common';
import { listNames } from '../fixes/carp-vhid-edits';

/**
 * Shared by the vhid-group checks (carp/pass-mismatch, address-set-mismatch,
 * advbase-mismatch, advskew-tie, single-node-vhid, vhid-collision,
 * peer-mismatch): which members can be compared at all, and how to name
 * them. Not a check itself.
 */

/**
 * A member whose lines FreeBSD applies. An `ifconfig_carpN` line still
 * carries a vhid and an address for the model, but carpN does not exist
 * since FreeBSD 10 (carp/legacy-carp-interface reports it), so comparing
 * its settings with a peer's would report what never reaches the kernel.
 */
export function isLiveMember(m: VhidMember): boolean {
  return !isLegacyCarpName(m.vhid.ifKey);
}

/**
 * A member the model knows completely: a live one whose interface has no
 * value the shell computes (which might state more settings or addresses),
 * no line that may not run (inside if/case, after && or ||) and no address
 * range. Only such members are compared: an error must be certain.
 */
export function isKnownMember(m: VhidMember): boolean {
  return isLiveMember(m) && isReadMember(m);
}

/** A member whose lines the model reads completely, live or not (see isKnownMember). */
export function isReadMember(m: VhidMember): boolean {
  const v = m.vhid;
  return !v.uncertain && v.items.every((i) => !i.source.assignment.conditional) && v.addresses.every((a) => a.ip !== undefined);
}

/** The known members of a group when they come from at least two nodes (else none: nothing to compare). */
export function comparableMembers(group: VhidGroup): VhidMember[] {
  const known = group.members.filter(isKnownMember).sort(byNode);
  return new Set(known.map((m) => m.root)).size >= 2 ? known : [];
}

/** Node order (then interface), so messages and fixes list members the same way every time. */
export function byNode(a: VhidMember, b: VhidMember): number {
  return a.node.localeCompare(b.node) || a.root.localeCompare(b.root) || a.ifName.localeCompare(b.ifName);
}

/** Members grouped by a value, in the order the values first appear. */
export function byValue(members: readonly VhidMember[], valueOf: (m: VhidMember) => string): Map<string, VhidMember[]> {
  const out = new Map<string, VhidMember[]>();
  for (const m of members) out.set(valueOf(m), [...(out.get(valueOf(m)) ?? []), m]);
  return out;
}

/** `fw1`, `fw1 and fw2`, `fw1, fw2 and fw3`: node names for messages and fix titles, each once. */
export function nodeList(members: readonly VhidMember[]): string {
  return listNames([...new Set(members.map((m) => m.node))]);
}

/** `192.0.2.1`, `192.0.2.1 and 2001:db8::1`: a vhid's addresses for messages. */
export function addressList(addresses: readonly string[]): string {
  return listNames(addresses);
}

/** Every address of the members' vhids, sorted: what the group serves. */
export function groupAddresses(members: readonly VhidMember[]): string[] {
  return [...new Set(members.flatMap((m) => m.addresses))].sort();
}

/** The CARP setting keywords a line can state for its whole vhid. */
export type VhidParamKey = 'pass' | 'advskew' | 'advbase' | 'peer' | 'peer6';

/**
 * Where a member's setting is written: the value word of the line in force
 * (the last one that states it), else the vhid's first line (the setting is
 * then the default, so that is where one would add it).
 */
export function settingPlace(workspace: WorkspaceView, m: VhidMember, key: VhidParamKey): Place | undefined {
  const setting = m.vhid[key];
  const word = setting?.param.value;
  return (setting && word && placeOf(workspace, setting.item, word)) || vhidPlace(workspace, m);
}

/**
 * Every vhid member on a segment across the workspace: from the
 * workspace's index, else (a test's fake view) by deriving every node.
 */
export function membersOnSegment(workspace: WorkspaceView, segment: string): readonly VhidMember[] {
  if (workspace.vhidsOnSegment) return workspace.vhidsOnSegment(segment);
  const out: VhidMember[] = [];
  for (const node of workspace.nodes()) for (const m of vhidMembers(node.root, nodeConfig(node))) if (m.vhid.segment === segment) out.push(m);
  return out;
}

/** The segments a group's members live on (members may disagree when their subnets differ). */
export function groupSegments(group: VhidGroup): string[] {
  return [...new Set(group.members.flatMap((m) => (m.vhid.segment === undefined ? [] : [m.vhid.segment])))];
}

/** ifconfig copies the pass into a CARP_KEY_LEN (20) byte key with strlcpy, so 19 bytes count (sbin/ifconfig/carp.c setcarp_callback()). */
export const PASS_BYTES_KEPT = 19;

/**
 * The key a member's pass gives the kernel: its first 19 bytes in UTF-8
 * (hex, so a character cut in two compares right); empty for no pass,
 * which leaves the key empty (ip_carp.c carp_ioctl_set() ignores an empty one).
 */
export function passKey(m: VhidMember): string {
  return passKeyOf(m.vhid.pass?.param.value?.text);
}

/** The key a pass as written gives the kernel (see passKey). */
export function passKeyOf(text: string | undefined): string {
  return Buffer.from(text ?? '', 'utf8').subarray(0, PASS_BYTES_KEPT).toString('hex');
}

/**
 * True when the member's advskew and advbase are plain numbers (or unset).
 * ifconfig reads them with atoi(3), so `1ß0` is 1 to the kernel; the model
 * does not guess, and the timing checks leave such a member out
 * (carp/value-out-of-range reports the word).
 */
export function timingKnown(m: VhidMember): boolean {
  return [m.vhid.advskew, m.vhid.advbase].every((s) => s === undefined || s.param.number !== undefined);
}

/** The same vhid of the same node: members are re-derived per view, so they are compared by what they stand for. */
export function sameMember(a: VhidMember, b: VhidMember): boolean {
  return a.root === b.root && a.vhid.ifKey === b.vhid.ifKey && a.vhid.vhid === b.vhid.vhid;
}

/**
 * The nodes whose cross-node findings may change with the cluster's: its
 * own nodes and every node with a vhid on one of its groups' segments
 * (carp/vhid-collision and carp/single-node-vhid compare groups across
 * clusters on one segment). What the language server re-publishes.
 */
export function rootsAroundCluster(workspace: WorkspaceView, cluster: Cluster): string[] {
  const roots = new Set(cluster.roots);
  for (const group of cluster.groups) for (const s of groupSegments(group)) for (const m of membersOnSegment(workspace, s)) roots.add(m.root);
  return [...roots];
}

/**
 * The node that is the predicted MASTER of every other group of the cluster
 * whose MASTER is clear (two members or more, no tie), when one node is: the
 * node the admin evidently means as MASTER. A fix that raises that node's
 * advskew on `group` would split the cluster's addresses (carp/split-master),
 * so fixes leave it alone and move the other node instead.
 */
export function masterElsewhere(cluster: Cluster, group: VhidGroup): string | undefined {
  const masters = new Set<string>();
  for (const g of cluster.groups) {
    if (g === group || new Set(g.members.map((m) => m.root)).size < 2) continue;
    const e = elect(g);
    if (e.master && e.tiedWith.length === 0) masters.add(e.master.root);
  }
  return masters.size === 1 ? [...masters][0] : undefined;
}
