import type { IpAddress, IpFamily } from './if-address';

/**
 * A packet as a pf ruleset sees it, for the evaluation in pf-eval.ts.
 * Addresses the configuration does not show (a DHCP address, the IPv6
 * link-local source the kernel picks) are undefined, with whether they
 * belong to this node: enough to decide `self`, never enough for a literal.
 */
export interface PacketAddress {
  ip?: IpAddress;
  /** The address is one of the evaluating node's own. */
  mine: boolean;
}

/** One IP packet crossing an interface of the node, as the rules see it (no ports: CARP and pfsync have none). */
export interface PfPacket {
  direction: 'in' | 'out';
  /** The interface it crosses, as pf names it (`em0`, `em0.100`). */
  ifName: string;
  af: IpFamily;
  /** IP protocol number (112 carp, 240 pfsync). */
  proto: number;
  src: PacketAddress;
  dst: PacketAddress;
}

/** The packet that answers this one: what a state created by this one lets through (sys/netpfil/pf/pf.c pf_test_state()). */
export function reversePacket(p: PfPacket): PfPacket {
  return { ...p, direction: p.direction === 'in' ? 'out' : 'in', src: p.dst, dst: p.src };
}
