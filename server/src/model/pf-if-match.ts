import type { PfInterface, PfList } from '../parsers/pf';
import type { HostEnv } from './pf-host-env';
import { triAny, triNot, type Tri } from './pf-tri';

/**
 * Does `on <item>` (or `set skip on <item>`) name the interface a packet
 * crosses? pf matches the interface itself or a group holding it
 * (sys/netpfil/pf/pf_if.c pfi_kif_match()). Every interface is in group
 * `all`; a cloned interface is in its cloner's group (`lo`, `vlan`,
 * `lagg`; sys/net/if_clone.c); other groups come from `ifconfig … group`,
 * which the files show only when rc.conf sets them: any other group name
 * (`egress`, a name set by a script) is `maybe`.
 */

/** Cloners whose interfaces join a group of the cloner's name when created. */
const CLONERS = new Set([
  'lo', 'vlan', 'lagg', 'bridge', 'epair', 'gif', 'gre', 'tun', 'tap', 'pflog', 'pfsync', 'enc', 'stf', 'vxlan', 'wg', 'ovpn',
  'ipsec', 'me', 'disc', 'edsc', 'wlan', 'carp', 'faith', 'ng', 'geneve',
]);

/** The cloner group an interface name belongs to: `vlan` for `em0.100`, `lagg` for `lagg0`; undefined for a physical NIC. */
function clonerGroup(ifName: string): string | undefined {
  if (ifName.includes('.')) return 'vlan';
  const m = /^([a-z]+)\d+$/.exec(ifName);
  return m && CLONERS.has(m[1]) ? m[1] : undefined;
}

/** One item, its `!` applied. */
export function matchInterface(item: PfInterface, ifName: string, env: HostEnv): Tri {
  const m = namesInterface(item.name.text, ifName, env);
  return item.negated ? triNot(m) : m;
}

/** An `on` list: pfctl makes one rule per item; no list means every interface. */
export function matchInterfaceList(list: PfList<PfInterface> | undefined, ifName: string, env: HostEnv): Tri {
  if (!list || list.items.length === 0) return 'yes';
  return triAny(list.items.map((i) => matchInterface(i, ifName, env)));
}

function namesInterface(name: string, ifName: string, env: HostEnv): Tri {
  if (name === 'any' || name === 'all' || name === ifName) return 'yes';
  // sbin/ifconfig/ifgroup.c setifgroup(): "group names may not end in a digit", so this names another interface.
  if (/\d$/.test(name)) return 'no';
  if (env.interfaces.get(ifName)?.groups.includes(name)) return 'yes';
  const cloner = clonerGroup(ifName);
  if (cloner === name) return 'yes';
  if (CLONERS.has(name)) return 'no';
  return 'maybe';
}
