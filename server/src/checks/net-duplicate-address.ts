import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { nodeConfig } from '../model/node-config';
import { isPointToPoint, realAddresses } from '../model/node-addresses';
import { holderLabel, holdersOf, listText, notAppliedNote, relatedHolders } from './net-common';

/**
 * One real (non-CARP) address on two nodes, or on two interfaces of one
 * node. Two hosts answering ARP (IPv6: neighbour discovery) for one address
 * take turns receiving its traffic, so connections to both break at random:
 * the classic result of making fw2's rc.conf from a copy of fw1's. On one
 * node the kernel accepts it (sys/netinet/in.c in_aifaddr_ioctl() keeps one
 * loopback route through in_localip_more()), but both segments then get ARP
 * answers for it and only one carries its prefix route.
 *
 * Compared across the whole workspace, not one cluster: a node without vhids
 * is in no cluster. Point-to-point interfaces are left out (the same local
 * address on several tunnels is the usual unnumbered design), and so are
 * loopback and link-local addresses (model/node-addresses.ts).
 */
export const netDuplicateAddress: Check = {
  code: 'net/duplicate-address',
  kinds: ['rc'],
  run({ doc, workspace }) {
    if (doc.kind !== 'rc') return [];
    const node = workspace.nodeOf(doc.uri);
    const findings: Finding[] = [];
    for (const a of realAddresses(nodeConfig(node))) {
      if (a.item.source.uri !== doc.uri || isPointToPoint(a.ifName)) continue;
      const others = holdersOf(workspace, a.address).filter(
        (h) => h.vhid === undefined && !isPointToPoint(h.ifName) && !(h.root === node.root && h.ifKey === a.ifKey),
      );
      if (others.length === 0) continue;
      const where = listText([...new Set(others.map((h) => (h.root === node.root ? `${h.ifName} of this node` : `${h.node} (${h.ifName})`)))]);
      const elsewhere = others.some((h) => h.root !== node.root);
      const why = elsewhere
        ? 'Two hosts answering ARP (IPv6: neighbour discovery) for one address take turns receiving its traffic, so connections to both break at random. Give each node an address of its own (a node made from a copy of another keeps its addresses).'
        : 'The kernel accepts it, but both interfaces then answer ARP for it and only one carries its prefix route, so traffic for it may arrive on the wrong segment. Keep the address on one interface.';
      findings.push(
        findingAt(doc, 'net/duplicate-address', a.word.start, a.word.end, `${a.address} on ${a.ifName} is also configured on ${where}. ${why}${notAppliedNote(a)}`, {
          related: relatedHolders(workspace, others, (h) => `${a.address} is also configured on ${holderLabel(h, node.root)} here`),
        }),
      );
    }
    return findings;
  },
};
