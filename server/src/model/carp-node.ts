import type { IfAddress, IfParam, NumericParam } from './ifconfig-value';
import { hostPrefix, networkOf, subnetContains, type IpAddress } from './if-address';
import { isLegacyCarpName, type IfItem, type InterfaceConfig, type NodeInterfaces } from './rc-interfaces';

/** The interface whose subnet holds a VIP, or why there is none. */
export type ParentResult =
  | { kind: 'found'; iface: InterfaceConfig; via: IfAddress }
  | { kind: 'none' }
  | { kind: 'ambiguous'; candidates: InterfaceConfig[] };

/**
 * Finds the interface a CARP VIP belongs on: the one with a non-CARP address
 * whose subnet holds the VIP, the longest prefix winning as in routing.
 * Host routes (/32, /128) define no subnet and legacy carpN interfaces no
 * longer exist, so neither counts. Two interfaces with the same best subnet
 * make the parent ambiguous: the kernel gives the second address of a subnet
 * no prefix route of its own (sys/netinet/in.c in_addprefix()), so traffic
 * for the subnet leaves through one of them only.
 */
export function findParentInterface(list: NodeInterfaces, vip: IpAddress): ParentResult {
  let best: { iface: InterfaceConfig; via: IfAddress } | undefined;
  let tied: InterfaceConfig[] = [];
  for (const iface of list.interfaces.values()) {
    if (isLegacyCarpName(iface.key)) continue;
    for (const item of iface.items) {
      const a = item.entry.address;
      if (!item.applied || item.entry.removes || item.entry.carp.vhid || !a?.ip || a.prefix === undefined) continue;
      if (a.prefix >= hostPrefix(a.family) || !subnetContains(a.ip, a.prefix, vip)) continue;
      if (!best || a.prefix > (best.via.prefix ?? 0)) {
        best = { iface, via: a };
        tied = [iface];
      } else if (a.prefix === best.via.prefix && !tied.includes(iface)) {
        tied.push(iface);
      }
    }
  }
  if (!best) return { kind: 'none' };
  return tied.length > 1 ? { kind: 'ambiguous', candidates: tied } : { kind: 'found', ...best };
}

/** A setting of a vhid together with the command that set it last. */
export interface VhidSetting<P extends IfParam> {
  param: P;
  item: IfItem;
}

/**
 * One vhid on one parent interface of one node: the unit CARP elects a master
 * for. ifconfig keeps pass/advskew/advbase per vhid and a later command that
 * omits them leaves them as they were, so each setting is the last one given.
 */
export interface CarpVhid {
  ifKey: string;
  vhid: number;
  /** Every command that names this vhid on this interface, in processing order. */
  items: IfItem[];
  addresses: IfAddress[];
  pass?: VhidSetting<IfParam>;
  advskew?: VhidSetting<NumericParam>;
  advbase?: VhidSetting<NumericParam>;
  /**
   * The unicast peers in force (FreeBSD 14: `peer`/`peer6`). ifconfig starts
   * every command with the multicast group as destination, so a line without
   * `peer` returns the vhid to multicast: these are set only when the last
   * line of the vhid states them.
   */
  peer?: VhidSetting<IfParam>;
  peer6?: VhidSetting<IfParam>;
  /** A line without peer/peer6 that came after one with them, returning the vhid to multicast. */
  multicastAgain?: IfItem;
  /** True when the interface also has a value the model cannot read, which might set this vhid's settings. */
  uncertain: boolean;
  /**
   * The subnet the vhid lives in (`192.168.1.0/24`), from the interface's own
   * address holding its first VIP, or from a VIP written with a subnet mask
   * (the pfsync.4 form). Nodes whose vhid shares the number and the segment
   * form one CARP group; undefined when no subnet is known.
   */
  segment: string | undefined;
}

/**
 * Groups a node's CARP commands by (interface, vhid). Only commands
 * network.subr runs count (effective assignments, before an empty alias),
 * and only vhids ifconfig would accept (a valid 1–255 number).
 */
export function carpVhids(list: NodeInterfaces): CarpVhid[] {
  const groups = new Map<string, CarpVhid>();
  for (const iface of list.interfaces.values()) {
    for (const item of iface.items) {
      const { carp, removes, address } = item.entry;
      const vhid = carp.vhid?.number;
      if (!item.applied || removes || vhid === undefined || vhid < 1 || vhid > 255) continue;
      const id = `${iface.key}#${vhid}`;
      const group = groups.get(id) ?? { ifKey: iface.key, vhid, items: [], addresses: [], uncertain: iface.dynamic, segment: undefined };
      groups.set(id, group);
      group.items.push(item);
      if (address) group.addresses.push(address);
      // The kernel ignores an empty key and an advbase of 0 (ip_carp.c carp_ioctl_set()): they change nothing.
      if (carp.pass && carp.pass.value?.text !== '') group.pass = { param: carp.pass, item };
      if (carp.advskew) group.advskew = { param: carp.advskew, item };
      if (carp.advbase && carp.advbase.number !== 0) group.advbase = { param: carp.advbase, item };
      const hadPeer = group.peer !== undefined || group.peer6 !== undefined;
      group.peer = carp.peer ? { param: carp.peer, item } : undefined;
      group.peer6 = carp.peer6 ? { param: carp.peer6, item } : undefined;
      if (hadPeer && !carp.peer && !carp.peer6) group.multicastAgain = item;
      else if (carp.peer || carp.peer6) group.multicastAgain = undefined;
    }
  }
  for (const group of groups.values()) group.segment = segmentOf(list.interfaces.get(group.ifKey), group.addresses);
  return [...groups.values()];
}

function segmentOf(iface: InterfaceConfig | undefined, vips: readonly IfAddress[]): string | undefined {
  const vip = vips.find((a) => a.ip);
  if (!iface || !vip?.ip) return undefined;
  let best: IfAddress | undefined;
  for (const item of iface.items) {
    const a = item.entry.address;
    if (!item.applied || item.entry.removes || item.entry.carp.vhid || !a?.ip || a.prefix === undefined) continue;
    if (a.prefix < hostPrefix(a.family) && subnetContains(a.ip, a.prefix, vip.ip) && a.prefix > (best?.prefix ?? -1)) best = a;
  }
  if (best?.ip && best.prefix !== undefined) return networkOf(best.ip, best.prefix);
  const own = vips.find((a) => a.ip && a.prefix !== undefined && a.prefix < hostPrefix(a.family));
  return own?.ip && own.prefix !== undefined ? networkOf(own.ip, own.prefix) : undefined;
}

/**
 * The commands of one file that network.subr actually runs (effective
 * assignments, before any empty alias), for per-file checks: a dead line is
 * reported once, by the rc checks, not again for each CARP value on it.
 */
export function itemsInFile(list: NodeInterfaces, uri: string): IfItem[] {
  const items: IfItem[] = [];
  for (const iface of list.interfaces.values()) {
    for (const item of iface.items) if (item.applied && item.source.uri === uri) items.push(item);
  }
  return items;
}
