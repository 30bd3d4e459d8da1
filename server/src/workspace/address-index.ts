import { NodeIndex } from './node-index';
import { nodeConfig } from '../model/node-config';
import { addressHolders, type AddressHolder } from '../model/node-addresses';

/**
 * Which nodes carry which IP address (real addresses and CARP VIPs), across
 * the whole workspace: a node without vhids belongs to no cluster, yet its
 * address can still collide with another node's. Kept up to date like the
 * cluster index: an edit re-reads the addresses of the edited node only.
 */
export class AddressIndex extends NodeIndex {
  /** Node root → its addresses, as last derived. */
  private byRoot = new Map<string, AddressHolder[]>();
  /** Canonical address → every holder of it. */
  private byAddress = new Map<string, AddressHolder[]>();

  /** Every node (and interface) holding `address`, real and CARP alike. */
  holders(address: string): readonly AddressHolder[] {
    this.update();
    return this.byAddress.get(address) ?? [];
  }

  /**
   * The other nodes whose findings depend on the node holding `uri` through
   * an address: those sharing one of its addresses where at least one side is
   * a real address (net/duplicate-address, carp/vip-conflicts-host-address).
   * VIPs shared by both sides make a cluster, which the cluster index covers.
   */
  peersOf(uri: string): string[] {
    this.update();
    const root = this.workspace.nodeOf(uri).root;
    const peers = new Set<string>();
    for (const mine of this.byRoot.get(root) ?? []) {
      for (const other of this.byAddress.get(mine.address) ?? []) {
        if (other.root !== root && (mine.vhid === undefined || other.vhid === undefined)) peers.add(other.root);
      }
    }
    return [...peers];
  }

  protected clear(): void {
    this.byRoot.clear();
    this.byAddress.clear();
  }

  /** Re-reads one node's addresses and moves its entries. */
  protected refresh(root: string): void {
    for (const old of this.byRoot.get(root) ?? []) {
      const list = this.byAddress.get(old.address)?.filter((h) => h.root !== root);
      if (list && list.length > 0) this.byAddress.set(old.address, list);
      else this.byAddress.delete(old.address);
    }
    const holders = addressHolders(nodeConfig(this.workspace.nodeAt(root)));
    if (holders.length === 0) this.byRoot.delete(root);
    else this.byRoot.set(root, holders);
    for (const h of holders) {
      // A new array, never a push: a caller may still hold the previous list.
      this.byAddress.set(h.address, [...(this.byAddress.get(h.address) ?? []), h]);
    }
  }
}
