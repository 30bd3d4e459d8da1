import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { nodeConfig } from '../model/node-config';
import { realAddresses, vipAddresses } from '../model/node-addresses';
import { holderLabel, holdersOf, listText, notAppliedNote, relatedHolders } from './net-common';

/**
 * A CARP VIP equal to a real (non-CARP) address of some node. The VIP
 * answers ARP with the vhid's virtual MAC (00:00:5e:00:01:<vhid>) on the
 * MASTER, and the node that owns the address answers with its own MAC, so
 * the address flips between them. Reported on both sides: the VIP's line and the
 * real address's line, each pointing at the other.
 *
 * Compared across the whole workspace (workspace/address-index.ts): the
 * node holding the real address may have no vhid and so be in no cluster.
 */
export const carpVipConflictsHostAddress: Check = {
  code: 'carp/vip-conflicts-host-address',
  kinds: ['rc'],
  run({ doc, workspace }) {
    if (doc.kind !== 'rc') return [];
    const node = workspace.nodeOf(doc.uri);
    const config = nodeConfig(node);
    const findings: Finding[] = [];
    for (const vip of vipAddresses(config)) {
      if (vip.item.source.uri !== doc.uri) continue;
      const owners = holdersOf(workspace, vip.address).filter((h) => h.vhid === undefined);
      if (owners.length === 0) continue;
      const where = listText([...new Set(owners.map((h) => (h.root === node.root ? `${h.ifName} of this node` : `${h.node} (${h.ifName})`)))]);
      const message =
        `${vip.address} is the VIP of vhid ${vip.vhid} on ${vip.ifName}, and also the real address of ${where}. ` +
        'The MASTER answers ARP for a VIP with the virtual MAC 00:00:5e:00:01:<vhid> while the owner answers with its own, so the address flips between hosts. ' +
        `Give the VIP an address no node uses as its own (the nodes keep their own addresses in the same subnet).${notAppliedNote(vip)}`;
      findings.push(
        findingAt(doc, 'carp/vip-conflicts-host-address', vip.word.start, vip.word.end, message, {
          related: relatedHolders(workspace, owners, (h) => `${vip.address} is the real address of ${holderLabel(h, node.root)} here`),
        }),
      );
    }
    for (const own of realAddresses(config)) {
      if (own.item.source.uri !== doc.uri) continue;
      const vips = holdersOf(workspace, own.address).filter((h) => h.vhid !== undefined);
      if (vips.length === 0) continue;
      const where = listText([...new Set(vips.map((h) => `vhid ${h.vhid} on ${h.root === node.root ? 'this node' : h.node} (${h.ifName})`))]);
      const message =
        `${own.address}, the real address of ${own.ifName}, is also the CARP VIP of ${where}. ` +
        'Whichever node is MASTER answers ARP for it with the virtual MAC while this interface answers with its own, so the address flips between hosts. ' +
        `Change the VIP, or this address, so that they differ.${notAppliedNote(own)}`;
      findings.push(
        findingAt(doc, 'carp/vip-conflicts-host-address', own.word.start, own.word.end, message, {
          related: relatedHolders(workspace, vips, (h) => `${own.address} is the VIP of vhid ${h.vhid} on ${holderLabel(h, node.root)} here`),
        }),
      );
    }
    return findings;
  },
};
