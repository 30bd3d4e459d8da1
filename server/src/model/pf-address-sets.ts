import * as ipaddr from 'ipaddr.js';
import type { IpAddress } from './if-address';
import type { HostEnv, HostInterface } from './pf-host-env';

/**
 * The address sets pfctl makes of interface names when it loads a ruleset
 * (sbin/pfctl/pfctl_parser.c ifa_lookup()): `em0` (every address of em0),
 * `em0:network` (their networks), `em0:broadcast`, `em0:0` (no aliases),
 * `self` (every address of every interface). `(em0)` is the same set,
 * followed as it changes.
 */
export interface AddressSet {
  nets: { ip: IpAddress; prefix: number }[];
  /** No address can be missing: no interface involved takes one from DHCP or a value the model cannot read. */
  complete: boolean;
  /** Only this node's own addresses (not its networks): another host's address is never in it. */
  ownOnly: boolean;
}

const LOOPBACK = [
  { ip: ipaddr.parse('127.0.0.1'), prefix: 32 },
  { ip: ipaddr.parse('::1'), prefix: 128 },
];

/** `self`: every address of the node, loopback included. */
export function selfAddresses(env: HostEnv): AddressSet {
  const nets = [...LOOPBACK];
  for (const iface of env.interfaces.values()) for (const a of iface.addresses) nets.push({ ip: a.ip, prefix: hostLen(a.ip) });
  return { nets, complete: !env.dynamic, ownOnly: true };
}

/**
 * The set an interface name with modifiers stands for, or undefined when
 * the node configures no interface of that name (a host name, a group):
 * only the running system could tell.
 */
export function addressesOfName(text: string, env: HostEnv): AddressSet | undefined {
  const [name, ...mods] = text.split(':');
  if (name === 'self' && mods.length === 0) return selfAddresses(env);
  const iface = env.interfaces.get(name);
  if (!iface || mods.some((m) => !['network', 'broadcast', '0', 'peer'].includes(m))) return undefined;
  if (mods.includes('peer')) return undefined;
  const addresses = mods.includes('0') ? primaryOnly(iface) : iface.addresses;
  const complete = !iface.dynamic;
  if (mods.includes('broadcast')) {
    const nets = addresses.filter((a) => a.ip.kind() === 'ipv4' && a.prefix < 32).map((a) => ({ ip: ipaddr.IPv4.broadcastAddressFromCIDR(`${a.ip.toString()}/${a.prefix}`) as IpAddress, prefix: 32 }));
    return { nets, complete, ownOnly: false };
  }
  if (mods.includes('network')) return { nets: addresses.map((a) => ({ ip: a.ip, prefix: a.prefix })), complete, ownOnly: false };
  return { nets: addresses.map((a) => ({ ip: a.ip, prefix: hostLen(a.ip) })), complete, ownOnly: true };
}

/** `:0`: the addresses `ifconfig_<if>` / `_ipv6` set, without aliases. */
function primaryOnly(iface: HostInterface): HostInterface['addresses'] {
  const primary = iface.addresses.filter((a) => a.primary);
  return primary.length > 0 ? primary : iface.addresses.slice(0, 1);
}

function hostLen(ip: IpAddress): number {
  return ip.kind() === 'ipv4' ? 32 : 128;
}
