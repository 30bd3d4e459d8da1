import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { nodeConfig } from '../model/node-config';
import { findParentInterface } from '../model/carp-node';
import { canonicalAddress } from '../model/if-address';
import { interfaceOrigins } from '../model/interface-origins';
import { carpItems } from '../model/node-addresses';
import { isLegacyCarpName } from '../model/rc-interfaces';

/**
 * A vhid alias on an interface the node never configures or creates: no
 * `ifconfig_<if>` (or `_ipv6`), not in cloned_interfaces, vlans_<if> or
 * wlans_<if>, not the new name of a renamed interface. network.subr runs
 * ifn_start() for every interface that exists (`ifconfig -l`) and applies
 * its aliases whether or not `ifconfig_<if>` is set, so the line works only
 * if the interface happens to exist; much more often its name is a typo
 * (em3 for em2) and the VIP silently never comes up. A warning: a bare NIC
 * carrying only a VIP is legal. Silent when `ifconfig_DEFAULT` applies or a
 * creating variable holds a value only the shell knows. Legacy carpN lines
 * are carp/legacy-carp-interface's. Reported once per interface and file, on
 * its first vhid line, with the interface's other vhid lines there as related
 * information: the mistake is the interface, and a fix that adds a VIP to
 * the vhid must not add a finding.
 */
export const carpUnknownParentInterface: Check = {
  code: 'carp/unknown-parent-interface',
  kinds: ['rc'],
  run({ doc, workspace }) {
    if (doc.kind !== 'rc') return [];
    const config = nodeConfig(workspace.nodeOf(doc.uri));
    const items = carpItems(config).filter((c) => !isLegacyCarpName(c.iface.key));
    if (items.length === 0) return [];
    const origins = interfaceOrigins(config);
    if (origins.defaultApplies || origins.uncertain) return [];
    const findings: Finding[] = [];
    const reported = new Set<string>();
    for (const { iface, item, vhid } of items) {
      const source = item.source;
      if (origins.keys.has(iface.key) || source.uri !== doc.uri || reported.has(iface.key)) continue;
      reported.add(iface.key);
      const others = [...new Set(items.filter((c) => c.iface === iface && c.item.source !== source && c.item.source.uri === doc.uri).map((c) => c.item.source))];
      const related = others.map((o) => ({ uri: doc.uri, range: doc.lines.range(o.assignment.nameStart, o.assignment.nameEnd), message: `${o.assignment.name} is on ${iface.name} too` }));
      const vip = items.find((c) => c.iface === iface && c.item.entry.address?.ip)?.item.entry.address?.ip;
      const parent = vip ? findParentInterface(config.interfaces, vip) : undefined;
      const hint =
        vip && parent?.kind === 'found'
          ? ` ${parent.iface.name}'s subnet holds ${canonicalAddress(vip)}: if that is the interface meant, rename the line to ifconfig_${parent.iface.key}_aliasN.`
          : '';
      const a = source.assignment;
      const message =
        `${a.name} puts vhid ${vhid} on ${iface.name}, which ${config.name} neither configures (no ifconfig_${iface.key}) nor creates (cloned_interfaces, vlans_<if>). ` +
        `netif applies aliases only to interfaces that exist, so if ${iface.name} is a typo the VIP never comes up; if it is a real NIC, give it its own ifconfig_${iface.key} line.${hint}`;
      findings.push(findingAt(doc, 'carp/unknown-parent-interface', a.nameStart, a.nameEnd, message, related.length > 0 ? { related } : {}));
    }
    return findings;
  },
};
