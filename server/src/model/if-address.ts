import * as ipaddr from 'ipaddr.js';

/** An IPv4 or IPv6 address as ipaddr.js parses it. */
export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/** The address families an IP address can belong to (link/ether entries carry MACs, not IPs). */
export type IpFamily = 'inet' | 'inet6';

/**
 * One address word of an ifconfig command, parsed. `ip` is undefined when the
 * word is a last-octet range (`192.168.1.1-5/28`, expanded by network.subr)
 * or otherwise not one numeric address, so callers never guess.
 */
export interface ParsedAddressWord {
  family: IpFamily;
  ip: IpAddress | undefined;
  /** The `/len` suffix, when written. */
  prefix: number | undefined;
  /** True for the `a.b.c.d-e` form, which stands for several addresses. */
  isRange: boolean;
}

const IPV4_RANGE = /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})-(\d{1,3})(?:\/(\d{1,3}))?$/;

/**
 * Reads an address word the way ifconfig(8) would accept it on a CARP line:
 * dotted-quad IPv4 or numeric IPv6, each with an optional `/len`. Only the
 * strict four-part IPv4 form is taken: ipaddr.js also accepts `10` or hex
 * parts, which in an rc.conf value are far more likely to be something else.
 */
export function parseAddressWord(word: string): ParsedAddressWord | undefined {
  const slash = word.indexOf('/');
  const addr = slash < 0 ? word : word.slice(0, slash);
  const lenText = slash < 0 ? undefined : word.slice(slash + 1);
  if (lenText !== undefined && !/^\d{1,3}$/.test(lenText)) return undefined;
  const len = lenText === undefined ? undefined : Number(lenText);
  if (ipaddr.IPv4.isValidFourPartDecimal(addr)) {
    if (len !== undefined && len > 32) return undefined;
    return { family: 'inet', ip: ipaddr.IPv4.parse(addr), prefix: len, isRange: false };
  }
  if (addr.includes(':') && ipaddr.IPv6.isValid(addr)) {
    if (len !== undefined && len > 128) return undefined;
    return { family: 'inet6', ip: ipaddr.IPv6.parse(addr), prefix: len, isRange: false };
  }
  const range = IPV4_RANGE.exec(word);
  if (range && ipaddr.IPv4.isValidFourPartDecimal(range[1])) {
    const rangeLen = range[3] === undefined ? undefined : Number(range[3]);
    return { family: 'inet', ip: undefined, prefix: rangeLen !== undefined && rangeLen <= 32 ? rangeLen : undefined, isRange: true };
  }
  return undefined;
}

/**
 * Prefix length of an IPv4 `netmask` argument: dotted (`255.255.255.0`) or
 * the hex form rc.conf files often carry (`0xffffff00`), both of which
 * ifconfig accepts. Undefined for a non-contiguous or unreadable mask.
 */
export function netmaskToPrefix(mask: string): number | undefined {
  let bits: number | undefined;
  if (/^0x[0-9a-f]{1,8}$/i.test(mask)) {
    bits = parseInt(mask.slice(2), 16);
  } else if (ipaddr.IPv4.isValidFourPartDecimal(mask)) {
    const prefix = ipaddr.IPv4.parse(mask).prefixLengthFromSubnetMask();
    return prefix === null ? undefined : prefix;
  }
  if (bits === undefined) return undefined;
  const octets = [bits >>> 24, (bits >>> 16) & 255, (bits >>> 8) & 255, bits & 255];
  const prefix = new ipaddr.IPv4(octets).prefixLengthFromSubnetMask();
  return prefix === null ? undefined : prefix;
}

/**
 * The prefix the kernel gives an address configured without a mask: the old
 * classful mask for IPv4 (ifconfig warns that this is deprecated but still
 * applies it) and /64 for IPv6, ifconfig's default prefixlen.
 */
export function defaultPrefix(ip: IpAddress): number {
  if (ip.kind() === 'ipv6') return 64;
  const first = (ip as ipaddr.IPv4).octets[0];
  if (first < 128) return 8;
  if (first < 192) return 16;
  return 24;
}

/** Host-route prefix length of a family: /32 for IPv4, /128 for IPv6 (what a CARP VIP alias uses). */
export function hostPrefix(family: IpFamily): number {
  return family === 'inet' ? 32 : 128;
}

/** True when `ip` lies inside `network/prefix`; false across families (never throws). */
export function subnetContains(network: IpAddress, prefix: number, ip: IpAddress): boolean {
  if (network.kind() !== ip.kind()) return false;
  return ip.match(network, prefix);
}

/** The canonical text of an address, so `2001:DB8::0:1` and `2001:db8::1` compare equal across nodes. */
export function canonicalAddress(ip: IpAddress): string {
  return ip.kind() === 'ipv6' ? (ip as ipaddr.IPv6).toRFC5952String() : ip.toString();
}

/**
 * The network an address belongs to, as `network/prefix` text, e.g.
 * `192.168.1.0/24`: a stable key for "the same L2 segment" across nodes.
 */
export function networkOf(ip: IpAddress, prefix: number): string {
  const cidr = `${ip.toString()}/${prefix}`;
  const known = networks.get(cidr);
  if (known !== undefined) return known;
  const network = computeNetwork(ip, cidr, prefix);
  // Every check asks again for the same few subnets; bounded so a hostile workspace cannot grow it without end.
  if (networks.size >= 100_000) networks.clear();
  networks.set(cidr, network);
  return network;
}

const networks = new Map<string, string>();

function computeNetwork(ip: IpAddress, cidr: string, prefix: number): string {
  const network = ip.kind() === 'ipv6' ? ipaddr.IPv6.networkAddressFromCIDR(cidr) : ipaddr.IPv4.networkAddressFromCIDR(cidr);
  return `${canonicalAddress(network)}/${prefix}`;
}
