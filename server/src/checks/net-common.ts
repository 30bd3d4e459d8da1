import type { WorkspaceView } from '../model/workspace-view';
import type { RelatedLocation } from './types';
import { nodeConfig } from '../model/node-config';
import { addressHolders, type AddressHolder, type NodeAddress } from '../model/node-addresses';
import { placeOf } from './cluster-common';

/**
 * Shared by the address checks (not a check itself): who else holds an
 * address, and related information pointing at them.
 */

/**
 * Every holder of `address` in the workspace: from the workspace's address
 * index, else (a test's fake view) by reading every node.
 */
export function holdersOf(workspace: WorkspaceView, address: string): readonly AddressHolder[] {
  if (workspace.addressHolders) return workspace.addressHolders(address);
  const out: AddressHolder[] = [];
  for (const node of workspace.nodes()) for (const h of addressHolders(nodeConfig(node))) if (h.address === address) out.push(h);
  return out;
}

/** True when two entries are the very same address word of the same node. */
export function sameWord(a: AddressHolder, root: string, b: NodeAddress): boolean {
  return a.root === root && a.item.source.uri === b.item.source.uri && a.word.start === b.word.start;
}

/** `fw2's em1` / `em1`: how a message names where another holder has the address. */
export function holderLabel(h: AddressHolder, fromRoot: string): string {
  return h.root === fromRoot ? h.ifName : `${h.node}'s ${h.ifName}`;
}

/** Related information at each holder's address word, each explained by `message`. */
export function relatedHolders(workspace: WorkspaceView, holders: readonly AddressHolder[], message: (h: AddressHolder) => string): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  for (const h of holders) {
    const place = placeOf(workspace, h.item, h.word);
    if (place) out.push({ ...place, message: message(h) });
  }
  return out;
}

/** A sentence to append when an address's line is written but not configured at boot (it follows an empty alias). */
export function notAppliedNote(a: NodeAddress): string {
  return a.item.applied ? '' : ` (The line is not configured at boot yet: an empty ifconfig_${a.ifKey}_aliasN before it stops alias processing, see rc/empty-alias-stops.)`;
}

/** Names in a list, "a", "a and b", "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
