import type { NodeConfig } from './node-config';
import type { IpAddress } from './if-address';
import { hostPrefix } from './if-address';

/**
 * What pfctl sees of a node's interfaces when it loads the ruleset: the
 * addresses `self`, `(em0)`, `em0:network` stand for (sbin/pfctl/pfctl_parser.c
 * ifa_load()/ifa_lookup() read every address of every interface, CARP
 * addresses included: a BACKUP holds its VIPs too), and the interface
 * groups `on <group>` names. Built from the node's rc.conf as network.subr
 * applies it.
 */

export interface HostAddress {
  ip: IpAddress;
  prefix: number;
  /** Carries a vhid: a CARP address. */
  carp: boolean;
  /** Set by `ifconfig_<if>` or `_ipv6` (not an alias): what `:0` keeps. */
  primary: boolean;
}

/** One interface as pfctl finds it. */
export interface HostInterface {
  name: string;
  addresses: HostAddress[];
  /** Groups the rc.conf puts it in (`ifconfig_em0="… group lan"`). */
  groups: string[];
  /** A value the model cannot read (DHCP, a variable, SLAAC) may give it more addresses. */
  dynamic: boolean;
}

/** A node's interfaces, for resolving the hosts and interfaces of its ruleset. */
export interface HostEnv {
  /** By interface name as pf spells it (`em0`, `em0.100`). */
  interfaces: ReadonlyMap<string, HostInterface>;
  /** Some interface may hold an address the files do not show (DHCP, ifconfig_DEFAULT, a variable). */
  dynamic: boolean;
  /** Interfaces `ifconfig_<if>_name` renames at boot: pf knows them by another name, so nothing is said about them. */
  renamed: ReadonlySet<string>;
}

const cache = new WeakMap<NodeConfig, HostEnv>();

/** The node's interfaces and addresses as pfctl would find them at boot. */
export function hostEnv(config: NodeConfig): HostEnv {
  const hit = cache.get(config);
  if (hit) return hit;
  const interfaces = new Map<string, HostInterface>();
  let dynamic = config.rc.has('ifconfig_DEFAULT');
  for (const iface of config.interfaces.interfaces.values()) {
    const out: HostInterface = { name: iface.name, addresses: [], groups: [], dynamic: iface.dynamic };
    for (const item of iface.items) {
      const { entry } = item;
      if (!item.applied) continue;
      if (entry.dhcp || entry.words.some((w) => w.text === 'accept_rtadv')) out.dynamic = true;
      entry.words.forEach((w, i) => {
        const next = entry.words[i + 1];
        if (w.text === 'group' && next) out.groups.push(next.text);
      });
      const a = entry.address;
      if (entry.removes || !a?.ip) continue;
      out.addresses.push({ ip: a.ip, prefix: a.prefix ?? hostPrefix(a.family), carp: entry.carp.vhid !== undefined, primary: item.source.var.role === 'primary' || item.source.var.role === 'ipv6' });
    }
    if (out.dynamic) dynamic = true;
    interfaces.set(out.name, out);
  }
  const renamed = new Set<string>();
  for (const name of config.rc.keys()) {
    const m = /^ifconfig_(\w+)_name$/.exec(name);
    if (m) renamed.add(config.interfaces.interfaces.get(m[1])?.name ?? m[1]);
  }
  const env = { interfaces, dynamic, renamed };
  cache.set(config, env);
  return env;
}

/**
 * The address a node sends from on an interface, for a family: what
 * ip_carp.c carp_best_ifa() picks, the first address that is not a CARP
 * address (ifa_preferred() puts CARP addresses last), else a CARP one.
 * Undefined when the files do not show one (DHCP) or for IPv6, whose
 * first address is the link-local one the kernel makes (in6_ifattach()).
 */
export function sourceAddress(env: HostEnv, ifName: string, family: 'inet' | 'inet6'): IpAddress | undefined {
  if (family === 'inet6') return undefined;
  const iface = env.interfaces.get(ifName);
  if (!iface || iface.dynamic) return undefined;
  const own = iface.addresses.filter((a) => a.ip.kind() === 'ipv4');
  return (own.find((a) => !a.carp) ?? own[0])?.ip;
}
