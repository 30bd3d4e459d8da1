import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { nodeConfig } from '../model/node-config';
import { findParentInterface } from '../model/carp-node';
import { subnetContains } from '../model/if-address';
import { interfaceSubnets, realAddresses, vipAddresses } from '../model/node-addresses';
import { isLegacyCarpName, type InterfaceConfig } from '../model/rc-interfaces';
import { listText, notAppliedNote } from './net-common';

/**
 * A VIP outside every subnet of its parent interface's own (non-CARP)
 * addresses. FreeBSD 10 and later accept it (ip_carp.c carp_attach() puts
 * the address on the named interface without the old subnet test), and a
 * routed VIP uses exactly that, so this is a warning worded to allow it. It
 * is still usually a typo or the wrong interface: the advertisements leave
 * from the parent's own address (carp_best_ifa()), and hosts on the parent's
 * segment reach the VIP only through a route. A /32 VIP inside the parent's
 * subnet (the Handbook's form) is never reported. The parent's subnets must
 * be known: an interface configured by DHCP, router advertisements or a value
 * only the shell can read is left alone, as is a family it has no address in.
 */
export const carpVipOutsideSubnet: Check = {
  code: 'carp/vip-outside-subnet',
  kinds: ['rc'],
  run({ doc, workspace }) {
    if (doc.kind !== 'rc') return [];
    const config = nodeConfig(workspace.nodeOf(doc.uri));
    const real = realAddresses(config);
    const findings: Finding[] = [];
    for (const vip of vipAddresses(config)) {
      const parent = config.interfaces.interfaces.get(vip.ifKey);
      if (vip.item.source.uri !== doc.uri || !parent || parent.dynamic || isLegacyCarpName(parent.key)) continue;
      const family = vip.ip.kind();
      if (!familyKnown(parent, family === 'ipv6' ? 'inet6' : 'inet', config.rc.has(`ipv6_prefix_${parent.key}`))) continue;
      const own = interfaceSubnets(real, parent).filter((s) => s.ip.kind() === family);
      if (own.length === 0 || own.some((s) => subnetContains(s.ip, s.prefix, vip.ip))) continue;
      const other = findParentInterface(config.interfaces, vip.ip);
      const hint =
        other.kind === 'found' && other.iface.key !== parent.key
          ? ` ${other.iface.name}'s subnet holds it: if it belongs there, move it to an ifconfig_${other.iface.key}_aliasN line.`
          : '';
      const message =
        `${vip.address} (vhid ${vip.vhid}) is outside every subnet of its parent interface ${parent.name} on ${config.name} (${listText(own.map((s) => s.network))}). ` +
        'FreeBSD accepts that, and a routed VIP (one the upstream router sends to the cluster) is built this way; otherwise it is the wrong address or the wrong interface: ' +
        `the advertisements leave from ${parent.name}'s own address, and hosts on its segment reach the VIP only through a route.${hint}${notAppliedNote(vip)}`;
      findings.push(findingAt(doc, 'carp/vip-outside-subnet', vip.word.start, vip.word.end, message));
    }
    return findings;
  },
};

/**
 * True when the interface's subnets of a family are all written out: no
 * DHCP (inet), no router advertisements or ipv6_prefix_<if> (inet6), which
 * add addresses the files do not show.
 */
function familyKnown(iface: InterfaceConfig, family: 'inet' | 'inet6', hasIpv6Prefix: boolean): boolean {
  for (const item of iface.items) {
    if (family === 'inet' && item.entry.dhcp) return false;
    if (family === 'inet6' && item.entry.words.some((w) => w.text === 'accept_rtadv')) return false;
  }
  return family === 'inet' || !hasIpv6Prefix;
}
