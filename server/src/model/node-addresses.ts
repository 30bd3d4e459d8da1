import type { NodeConfig } from './node-config';
import type { IfWord } from './ifconfig-value';
import { canonicalAddress, hostPrefix, networkOf, type IpAddress } from './if-address';
import { isLegacyCarpName, type InterfaceConfig, type IfItem } from './rc-interfaces';

/**
 * The IP addresses a node configures in rc.conf, as the cross-node address
 * checks compare them: real (non-CARP) addresses, and CARP VIPs. Addresses
 * that are the same on every machine by design never count: loopback
 * (lo0 and 127/8, ::1), link-local (fe80::/10: scoped to its link, the same
 * one on two interfaces is legal), unspecified and multicast.
 */
export interface NodeAddress {
  /** Canonical text (`2001:db8::1`), the key addresses are compared by. */
  address: string;
  ip: IpAddress;
  /** The prefix length in force (written, from a netmask, or the kernel's default). */
  prefix: number | undefined;
  ifKey: string;
  /** The interface as ifconfig names it (`em0.100`). */
  ifName: string;
  item: IfItem;
  /** The address word, where findings about it go. */
  word: IfWord;
  /** The vhid for a CARP VIP; undefined for a real address. */
  vhid: number | undefined;
  /** URI of the folder of the node holding it. */
  root: string;
  /** The name of the node holding it (hostname up to the first dot, else its folder). */
  node: string;
}

/** A node's address together with the node holding it, as the workspace's address index lists it. */
export type AddressHolder = NodeAddress;

const SHARED_BY_DESIGN: ReadonlySet<string> = new Set(['unspecified', 'broadcast', 'multicast', 'linkLocal', 'loopback']);

/** True for an address that identifies one host on one network (not loopback, link-local, multicast or unspecified). */
export function isHostUnique(ip: IpAddress): boolean {
  return !SHARED_BY_DESIGN.has(ip.range());
}

/*
 * Several checks read a node's addresses for every file they check; a
 * NodeConfig lives until one of the node's files changes (nodeConfig()), so
 * what is derived from it is kept with it.
 */
const realCache = new WeakMap<NodeConfig, NodeAddress[]>();
const vipCache = new WeakMap<NodeConfig, NodeAddress[]>();
const carpCache = new WeakMap<NodeConfig, CarpItem[]>();

function cached<T>(cache: WeakMap<NodeConfig, T>, config: NodeConfig, read: (c: NodeConfig) => T): T {
  let value = cache.get(config);
  if (value === undefined) {
    value = read(config);
    cache.set(config, value);
  }
  return value;
}

/** Loopback interfaces: an anycast address on lo1 of several nodes is a design, not a conflict. */
function isLoopbackInterface(name: string): boolean {
  return /^lo\d+$/.test(name);
}

/**
 * Why addresses behind an empty `_aliasN` still count. network.subr stops
 * at the empty alias (rc/empty-alias-stops reports it), but the lines after
 * it are what the admin means to configure, and removing the empty alias
 * (that check's fix) brings them up unchanged: judging them now means that
 * fix never uncovers a conflict these checks kept quiet about. The item's
 * `applied` says which they are, so messages can tell.
 */
function written(item: IfItem): boolean {
  return !item.entry.removes && !item.source.assignment.conditional;
}

/**
 * The real (non-CARP) addresses of a node: every address an ifconfig command
 * of the node's rc files puts on an interface without a vhid. Commands of a
 * conditional assignment (inside if/case) may not run and are left out, as
 * are legacy carpN interfaces (they never exist since FreeBSD 10).
 */
export function realAddresses(config: NodeConfig): readonly NodeAddress[] {
  return cached(realCache, config, readRealAddresses);
}

function readRealAddresses(config: NodeConfig): NodeAddress[] {
  const out: NodeAddress[] = [];
  for (const iface of config.interfaces.interfaces.values()) {
    if (isLegacyCarpName(iface.key) || isLoopbackInterface(iface.name)) continue;
    for (const item of iface.items) {
      const a = item.entry.address;
      if (!written(item) || item.entry.carp.vhid || !a?.ip || !isHostUnique(a.ip)) continue;
      out.push({ address: canonicalAddress(a.ip), ip: a.ip, prefix: a.prefix, ifKey: iface.key, ifName: iface.name, item, word: a.word, vhid: undefined, root: config.files.root, node: config.name });
    }
  }
  return out;
}

/** One ifconfig command that puts an address (or settings) on a vhid ifconfig accepts (1-255). */
export interface CarpItem {
  iface: InterfaceConfig;
  item: IfItem;
  vhid: number;
}

/**
 * Every CARP command of a node, those behind an empty alias included (see
 * written()). Legacy carpN lines count too: they are dead since FreeBSD 10,
 * but their fix (carp/legacy-carp-interface) moves them, unchanged, to the
 * parent interface.
 */
export function carpItems(config: NodeConfig): readonly CarpItem[] {
  return cached(carpCache, config, readCarpItems);
}

function readCarpItems(config: NodeConfig): CarpItem[] {
  const out: CarpItem[] = [];
  for (const iface of config.interfaces.interfaces.values()) {
    for (const item of iface.items) {
      const vhid = item.entry.carp.vhid?.number;
      if (written(item) && vhid !== undefined && vhid >= 1 && vhid <= 255) out.push({ iface, item, vhid });
    }
  }
  return out;
}

/** The CARP VIPs of a node: the address of each of its CARP commands (carpItems). */
export function vipAddresses(config: NodeConfig): readonly NodeAddress[] {
  return cached(vipCache, config, readVipAddresses);
}

function readVipAddresses(config: NodeConfig): NodeAddress[] {
  const out: NodeAddress[] = [];
  for (const { iface, item, vhid } of carpItems(config)) {
    const a = item.entry.address;
    if (!a?.ip || !isHostUnique(a.ip)) continue;
    out.push({ address: canonicalAddress(a.ip), ip: a.ip, prefix: a.prefix, ifKey: iface.key, ifName: iface.name, item, word: a.word, vhid, root: config.files.root, node: config.name });
  }
  return out;
}

/** Every address of a node, real ones first. */
export function addressHolders(config: NodeConfig): AddressHolder[] {
  return [...realAddresses(config), ...vipAddresses(config)];
}

/** A subnet an interface's own (non-CARP) address puts it in. */
export interface InterfaceSubnet {
  /** `192.168.1.0/24`. */
  network: string;
  ip: IpAddress;
  prefix: number;
  /** The address that defines it. */
  address: NodeAddress;
}

/**
 * Interfaces whose address is one end of a point-to-point link (tunnels,
 * PPP) or that carry no segment of their own: `ifconfig_gif0="inet 10.0.0.1
 * 10.0.0.2"` has no mask, and the classful default it would get says nothing
 * about a subnet; the same address on several such interfaces is the usual
 * "unnumbered" design.
 */
export function isPointToPoint(ifName: string): boolean {
  return /^(lo|gif|gre|tun|wg|ipsec|stf|me|ovpn|ppp|ng|enc|pflog|pfsync)\d/.test(ifName);
}

/**
 * The subnets an interface's real addresses put it in: host routes (/32,
 * /128) define none, and point-to-point interfaces are left out.
 */
export function interfaceSubnets(real: readonly NodeAddress[], iface: InterfaceConfig): InterfaceSubnet[] {
  if (isPointToPoint(iface.name)) return [];
  const out: InterfaceSubnet[] = [];
  for (const a of real) {
    if (a.ifKey !== iface.key || a.prefix === undefined || a.prefix >= hostPrefix(a.ip.kind() === 'ipv6' ? 'inet6' : 'inet')) continue;
    out.push({ network: networkOf(a.ip, a.prefix), ip: a.ip, prefix: a.prefix, address: a });
  }
  return out;
}
