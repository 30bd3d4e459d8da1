import type { NodeConfig } from './node-config';
import { ifVarKey } from './rc-interfaces';

/** Which interfaces a node's rc files set up, as variable keys (`em0_100` for em0.100). */
export interface InterfaceOrigins {
  /** Interfaces with a base configuration (`ifconfig_<if>`, `_ipv6`, `ipv6_prefix_<if>`) or created by rc. */
  keys: ReadonlySet<string>;
  /** `ifconfig_DEFAULT` is set: network.subr uses it for every interface without `ifconfig_<if>`. */
  defaultApplies: boolean;
  /** A variable that creates interfaces has a value only the shell knows (`$list`): the set above may be incomplete. */
  uncertain: boolean;
}

/**
 * Variables whose words name interfaces that rc creates: cloned_interfaces
 * (network.subr clone_up()), vlans_<if> and wlans_<if> (childif_create()),
 * gif_interfaces (the old tunnel list), and `ifconfig_<if>_name`, which
 * renames an interface (ifnet_rename()).
 */
const CREATORS = /^(?:cloned_interfaces|gif_interfaces|(vlans|wlans)_(\w+)|ifconfig_\w+_name)$/;

/**
 * The interfaces a node configures or creates in rc.conf, so a vhid alias
 * can be checked against them. network.subr runs ifn_start() for every
 * interface that exists (`ifconfig -l`), and an `_aliasN` applies whether
 * or not `ifconfig_<if>` is set, so an alias on an interface the node never
 * mentions otherwise is usually a typo in its name.
 */
export function interfaceOrigins(config: NodeConfig): InterfaceOrigins {
  const keys = new Set<string>();
  let uncertain = false;
  for (const iface of config.interfaces.interfaces.values()) {
    if (iface.sources.some((s) => s.effective && (s.var.role === 'primary' || s.var.role === 'ipv6'))) keys.add(iface.key);
  }
  for (const [name, inForce] of config.rc) {
    const prefix = /^ipv6_prefix_(\w+)$/.exec(name);
    if (prefix) keys.add(prefix[1]);
    const m = CREATORS.exec(name);
    if (!m) continue;
    const value = inForce.setting.value;
    if (/[$`]/.test(value)) {
      uncertain = true;
      continue;
    }
    for (const word of value.split(/\s+/).filter(Boolean)) {
      const ifName = word.replace(/:(no)?sticky$/, '');
      // vlans_em0="100" creates em0.100; a name (vlan100) is created as written.
      keys.add(m[1] === 'vlans' && /^\d+$/.test(ifName) ? `${m[2]}_${ifName}` : ifVarKey(ifName));
      // An epair is created as a pair of interfaces, epairNa and epairNb.
      if (/^epair\d+$/.test(ifName)) for (const end of ['a', 'b']) keys.add(`${ifName}${end}`);
    }
  }
  const dflt = config.rc.get('ifconfig_DEFAULT');
  return { keys, defaultApplies: dflt !== undefined && dflt.setting.value !== '', uncertain };
}
