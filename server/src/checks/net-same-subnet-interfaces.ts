import type { Check, Finding, RelatedLocation } from './types';
import { findingAt } from './finding';
import { nodeConfig } from '../model/node-config';
import { interfaceSubnets, realAddresses, type InterfaceSubnet } from '../model/node-addresses';
import { isLegacyCarpName } from '../model/rc-interfaces';
import { placeOf } from './cluster-common';
import { listText } from './net-common';

/**
 * Two interfaces of one node in the same subnet (`igb0 192.168.1.10/24`,
 * `igb1 192.168.1.11/24`). The kernel accepts it, but only the first address
 * of a subnet gets its prefix route (sys/netinet/in.c in_addprefix() finds
 * the route already there and leaves it), so traffic for the whole subnet
 * leaves through one interface: asymmetric ARP and routing (IPv6 the same:
 * sys/netinet6/nd6_rtr.c nd6_prefix_onlink() skips a prefix another
 * interface already has on-link). A CARP vhid
 * belongs to one parent interface, so a VIP in that subnet has no
 * unambiguous parent (model/carp-node.ts findParentInterface()). Subnets
 * are compared exactly (network and length); host routes, link-local
 * addresses and point-to-point interfaces define none.
 */
export const netSameSubnetInterfaces: Check = {
  code: 'net/same-subnet-interfaces',
  kinds: ['rc'],
  run({ doc, workspace }) {
    if (doc.kind !== 'rc') return [];
    const config = nodeConfig(workspace.nodeOf(doc.uri));
    const real = realAddresses(config);
    const byNetwork = new Map<string, InterfaceSubnet[]>();
    for (const iface of config.interfaces.interfaces.values()) {
      if (isLegacyCarpName(iface.key)) continue;
      for (const s of interfaceSubnets(real, iface)) byNetwork.set(s.network, [...(byNetwork.get(s.network) ?? []), s]);
    }
    const findings: Finding[] = [];
    for (const [network, subnets] of byNetwork) {
      const names = [...new Set(subnets.map((s) => s.address.ifName))];
      if (names.length < 2) continue;
      for (const s of subnets) {
        if (s.address.item.source.uri !== doc.uri) continue;
        const others = subnets.filter((o) => o.address.ifKey !== s.address.ifKey);
        const related: RelatedLocation[] = [];
        for (const o of others) {
          const place = placeOf(workspace, o.address.item, o.address.word);
          if (place) related.push({ ...place, message: `${o.address.ifName} is in ${network} too` });
        }
        const message =
          `${listText(names)} are ${names.length === 2 ? 'both' : 'all'} in ${network} on ${config.name}. The kernel gives a subnet one prefix route, through the interface configured first ` +
          `(${s.ip.kind() === 'ipv6' ? 'nd6_prefix_onlink()' : 'in_addprefix()'}), so traffic for the subnet leaves through that one only (asymmetric ARP and routing), and a CARP VIP in it has no unambiguous parent interface. ` +
          'Use one interface (or a lagg) per subnet.';
        findings.push(findingAt(doc, 'net/same-subnet-interfaces', s.address.word.start, s.address.word.end, message, { related }));
      }
    }
    return findings;
  },
};
