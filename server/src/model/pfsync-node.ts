import * as ipaddr from 'ipaddr.js';
import type { IpAddress, IpFamily } from './if-address';
import type { NodeConfig, RcInForce } from './node-config';
import type { PacketAddress, PfPacket } from './pf-packet';
import { ifVarKey } from './rc-interfaces';
import { checkYesNo } from './rc-knobs';
import { hostEnv, sourceAddress } from './pf-host-env';
import { IPPROTO_PFSYNC } from './pf-protocols';

/**
 * pfsync as a node starts it: libexec/rc/rc.d/pfsync runs with
 * `pfsync_enable` YES, refuses to start while `pfsync_syncdev` is empty
 * ("pfsync_syncdev is not set."), and runs
 * `ifconfig pfsync0 [syncpeer <peer>] syncdev <dev> up`. Without a
 * syncpeer, updates go by multicast to 224.0.0.240 on the syncdev
 * (pfsync(4)); with one, by unicast to it.
 */
export interface PfsyncSettings {
  /** `pfsync_enable` reads YES, and no conditional line may change that. */
  enabled: boolean;
  enable?: RcInForce;
  /** The syncdev as written; undefined when empty or unset. */
  syncdev?: string;
  syncdevAt?: RcInForce;
  syncpeer?: string;
  syncpeerAt?: RcInForce;
  /** A value the model cannot read (a variable, a conditional line): checks stay silent. */
  uncertain: boolean;
}

/** Where pfsync sends without a syncpeer (pfsync(4); ff12::f0 for IPv6 on FreeBSD 14). */
export const PFSYNC_GROUP: Record<IpFamily, IpAddress> = { inet: ipaddr.parse('224.0.0.240'), inet6: ipaddr.parse('ff12::f0') };

/** The node's pfsync settings as rc reads them (the assignments in force). */
export function pfsyncSettings(config: NodeConfig): PfsyncSettings {
  const enable = config.rc.get('pfsync_enable');
  const syncdevAt = config.rc.get('pfsync_syncdev');
  const syncpeerAt = config.rc.get('pfsync_syncpeer');
  const value = (a: RcInForce | undefined): string | undefined => (a && a.setting.value.trim() !== '' ? a.setting.value.trim() : undefined);
  // A pfsync_enable rc's checkyesno rejects is rc/invalid-yes-no's to report; what was meant is unknown.
  const invalid = enable !== undefined && checkYesNo(enable.setting.value.trim()) === undefined;
  const uncertain = invalid || [enable, syncdevAt, syncpeerAt].some((a) => a && (a.uncertain || /[$`]/.test(a.setting.value)));
  return { enabled: config.rcYes('pfsync_enable'), enable, syncdev: value(syncdevAt), syncdevAt, syncpeer: value(syncpeerAt), syncpeerAt, uncertain };
}

/**
 * True when the node sends by unicast: a syncpeer that is not a multicast
 * group (none, 224.0.0.240, or ff12::f0, the IPv6 group pfsync(4) tells to
 * name since FreeBSD 14, all mean multicast).
 */
export function sendsUnicast(s: PfsyncSettings): boolean {
  if (!s.syncpeer) return false;
  const ip = syncpeerAddress(s);
  return !ip || ip.range() !== 'multicast';
}

/** The syncpeer as an address, or undefined (none, or a name only a resolver knows). */
export function syncpeerAddress(s: PfsyncSettings): IpAddress | undefined {
  return s.syncpeer && ipaddr.isValid(s.syncpeer) ? ipaddr.parse(s.syncpeer) : undefined;
}

/** The node's address on its syncdev: the source of its pfsync packets (ip_output() fills in the interface's first address). */
export function syncdevAddress(config: NodeConfig, s: PfsyncSettings, af: IpFamily = 'inet'): IpAddress | undefined {
  return s.syncdev ? sourceAddress(hostEnv(config), s.syncdev, af) : undefined;
}

/** True when the node's rc files configure the interface (an ifconfig_ line, cloned_interfaces, vlans_/wlans_, a rename). */
export function configuresInterface(config: NodeConfig, name: string): boolean {
  const list = config.interfaces;
  if (list.interfaces.has(ifVarKey(name)) || list.cloned.some((c) => c.effective && c.name === name)) return true;
  const vlan = /^(.+)\.(\d+)$/.exec(name);
  for (const [var_, a] of config.rc) {
    // An interface renamed at boot (ifconfig_em2_name="sync") is known by its new name.
    if (/^ifconfig_\w+_name$/.test(var_) && a.setting.value.trim() === name) return true;
    const m = /^(vlans|wlans)_(\w+)$/.exec(var_);
    if (!m) continue;
    const words = a.setting.value.split(/\s+/);
    if (words.includes(name) || (vlan && m[1] === 'vlans' && ifVarKey(vlan[1]) === m[2] && words.includes(vlan[2]))) return true;
  }
  return false;
}

/** A peer's side of pfsync, for the packets it sends this node. */
export interface PfsyncPeer {
  config: NodeConfig;
  settings: PfsyncSettings;
}

/** The pfsync packets a node's pf must let through on its syncdev: its own going out, each peer's coming in. */
export function pfsyncPackets(config: NodeConfig, s: PfsyncSettings, peers: readonly PfsyncPeer[]): { packet: PfPacket; from?: PfsyncPeer }[] {
  if (!s.syncdev) return [];
  const mine = syncpeerAddress(s);
  const af: IpFamily = mine?.kind() === 'ipv6' ? 'inet6' : 'inet';
  const src = syncdevAddress(config, s, af);
  const out: { packet: PfPacket; from?: PfsyncPeer }[] = [
    { packet: { direction: 'out', ifName: s.syncdev, af, proto: IPPROTO_PFSYNC, src: src ? { ip: src, mine: true } : { mine: true }, dst: destination(s, af) } },
  ];
  for (const p of peers.length > 0 ? peers : [undefined]) {
    const from: PacketAddress = p ? addressOr(syncdevAddress(p.config, p.settings, af), false) : { mine: false };
    const dst: PacketAddress = p ? destination(p.settings, af) : mine ? addressOr(src, true) : { ip: PFSYNC_GROUP[af], mine: false };
    out.push({ from: p, packet: { direction: 'in', ifName: s.syncdev, af, proto: IPPROTO_PFSYNC, src: from, dst } });
  }
  return out;
}

function destination(s: PfsyncSettings, af: IpFamily): PacketAddress {
  if (!s.syncpeer) return { ip: PFSYNC_GROUP[af], mine: false };
  const ip = syncpeerAddress(s);
  return ip ? { ip, mine: false } : { mine: false };
}

function addressOr(ip: IpAddress | undefined, mine: boolean): PacketAddress {
  return ip ? { ip, mine } : { mine };
}
