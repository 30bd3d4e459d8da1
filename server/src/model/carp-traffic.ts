import * as ipaddr from 'ipaddr.js';
import type { IpAddress, IpFamily } from './if-address';
import type { Cluster, VhidMember } from './cluster';
import type { PacketAddress, PfPacket } from './pf-packet';
import { hostEnv, sourceAddress } from './pf-host-env';
import { IPPROTO_CARP } from './pf-protocols';
import { isLegacyCarpName } from './rc-interfaces';
import { findParentInterface } from './carp-node';

/**
 * The CARP advertisements a node's pf must let through, per vhid it holds:
 * its own going out, and each peer's coming in, per address family
 * (ip_carp.c carp_send_ad_locked() sends one per family the vhid has
 * addresses in). An advertisement leaves from the parent's first non-CARP
 * address (carp_best_ifa()) to 224.0.0.18 / ff02::12, or to the unicast
 * `peer`/`peer6` (FreeBSD 14).
 */

export const CARP_GROUP: Record<IpFamily, IpAddress> = { inet: ipaddr.parse('224.0.0.18'), inet6: ipaddr.parse('ff02::12') };

/** One advertisement a node's pf sees, with the members it concerns. */
export interface Advertisement {
  packet: PfPacket;
  /** The member of the node whose pf is asked. */
  member: VhidMember;
  /** For one coming in: the member that sends it (undefined when no peer is in the workspace). */
  from?: VhidMember;
}

/** Every advertisement the node at `root` sends or receives, for the vhids it shares in the cluster. */
export function advertisementsOf(cluster: Cluster, root: string): Advertisement[] {
  const out: Advertisement[] = [];
  for (const group of cluster.groups) {
    for (const m of group.members) {
      const ifName = m.root === root ? advertisingInterface(m) : undefined;
      if (!ifName) continue;
      const peers = group.members.filter((p) => p.root !== root && advertisingInterface(p));
      for (const af of familiesOf(m)) {
        const mine = address(sourceAddress(hostEnv(m.config), ifName, af), true);
        out.push({ member: m, packet: { direction: 'out', ifName, af, proto: IPPROTO_CARP, src: mine, dst: destination(m, af, false) } });
        for (const p of peers.length > 0 ? peers : [undefined]) {
          const src = p ? address(sourceAddress(hostEnv(p.config), advertisingInterface(p)!, af), false) : { mine: false };
          // A peer in unicast mode sends to its `peer`; with none in the workspace, this node's own mode says what to expect.
          const dst = p ? destination(p, af, false) : unicastPeer(m, af) ? { ip: mine.ip, mine: true } : { ip: CARP_GROUP[af], mine: false };
          out.push({ member: m, from: p, packet: { direction: 'in', ifName, af, proto: IPPROTO_CARP, src, dst } });
        }
      }
    }
  }
  return out;
}

/**
 * The interface a member advertises on: its parent. A FreeBSD 9 `carpN`
 * (ignored since FreeBSD 10) is taken as meant for the interface whose
 * subnet holds its address, where carp/legacy-carp-interface moves it, so
 * the pf rules that will then matter are checked now; undefined when
 * there is no such interface.
 */
export function advertisingInterface(m: VhidMember): string | undefined {
  if (!isLegacyCarpName(m.vhid.ifKey)) return m.ifName;
  for (const a of m.vhid.addresses) {
    const parent = a.ip ? findParentInterface(m.config.interfaces, a.ip) : undefined;
    if (parent?.kind === 'found') return parent.iface.name;
  }
  return undefined;
}

function familiesOf(m: VhidMember): IpFamily[] {
  const fams = new Set(m.vhid.addresses.flatMap((a) => (a.ip ? [a.family] : [])));
  return (['inet', 'inet6'] as const).filter((f) => fams.has(f));
}

/** Where a member sends its advertisements: its unicast peer, else the CARP multicast group. */
function destination(m: VhidMember, af: IpFamily, mine: boolean): PacketAddress {
  const peer = unicastPeer(m, af);
  return peer ? { ip: peer, mine } : { ip: CARP_GROUP[af], mine: false };
}

function unicastPeer(m: VhidMember, af: IpFamily): IpAddress | undefined {
  const text = (af === 'inet' ? m.vhid.peer : m.vhid.peer6)?.param.value?.text;
  if (!text || !ipaddr.isValid(text)) return undefined;
  const ip = ipaddr.parse(text);
  return (ip.kind() === 'ipv4') === (af === 'inet') ? ip : undefined;
}

function address(ip: IpAddress | undefined, mine: boolean): PacketAddress {
  return ip ? { ip, mine } : { mine };
}
