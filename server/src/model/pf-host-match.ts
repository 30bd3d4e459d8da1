import * as ipaddr from 'ipaddr.js';
import type { PfHost, PfList } from '../parsers/pf';
import type { IpAddress, IpFamily } from './if-address';
import type { HostEnv } from './pf-host-env';
import type { PacketAddress } from './pf-packet';
import { triAny, triNot, type Tri } from './pf-tri';
import { addressesOfName, selfAddresses, type AddressSet } from './pf-address-sets';

/**
 * Does a `from`/`to` host of a pf rule match a packet's address? pfctl
 * resolves hosts when it loads the ruleset (sbin/pfctl/parse.y host(),
 * pfctl_parser.c ifa_lookup()): a literal or CIDR, an interface name with
 * `:network`/`:broadcast`/`:0`, `self`, `(if)` followed as the interface
 * changes, a table (longest prefix wins, `!` entries exclude). A host name
 * (resolved through DNS) or an interface group gives `maybe`.
 */

/** A table's entries as the ruleset defines them; `exact` when nothing can change them at run time (`const`, no `file`). */
export interface TableContents {
  hosts: readonly PfHost[];
  exact: boolean;
}

/** What host matching needs: the node's addresses, the packet's family, the ruleset's tables. */
export interface HostContext {
  env: HostEnv;
  af: IpFamily;
  tables: ReadonlyMap<string, TableContents>;
}

/** A host list: pfctl makes one rule per item, so one matching item is enough; no list matches everything. */
export function matchHostList(list: PfList<PfHost> | undefined, addr: PacketAddress, ctx: HostContext): Tri {
  if (!list || list.items.length === 0) return 'yes';
  return triAny(list.items.map((h) => matchHost(h, addr, ctx)));
}

/** One host, its `!` applied. */
export function matchHost(h: PfHost, addr: PacketAddress, ctx: HostContext, depth = 0): Tri {
  const m = positive(h, addr, ctx, depth);
  return h.negated ? triNot(m) : m;
}

function positive(h: PfHost, addr: PacketAddress, ctx: HostContext, depth: number): Tri {
  switch (h.kind) {
    case 'any':
      return 'yes';
    case 'no-route':
    case 'urpf-failed':
      return 'maybe';
    case 'self':
      return inSet(selfAddresses(ctx.env), addr, ctx.af);
    case 'table':
      return depth > 0 ? 'maybe' : inTable(ctx.tables.get(h.table?.text ?? ''), addr, ctx);
    case 'range':
      return inRange(h, addr);
    case 'dynamic':
    case 'address': {
      const set = resolve(h, ctx.env);
      return set ? inSet(set, addr, ctx.af) : 'maybe';
    }
  }
}

/** An interface name with modifiers (`em0:network`) as a host, for rules pfctl writes itself (antispoof). */
export function matchNamedSet(text: string, addr: PacketAddress, ctx: HostContext): Tri {
  const set = addressesOfName(text, ctx.env);
  return set ? inSet(set, addr, ctx.af) : 'maybe';
}

/** The addresses a literal, CIDR, interface name or `(if)` stands for; undefined for a name only DNS or the running system knows. */
function resolve(h: PfHost, env: HostEnv): AddressSet | undefined {
  const text = h.kind === 'dynamic' ? h.interface?.text : h.address?.text;
  if (text === undefined) return undefined;
  const prefix = h.prefix && /^\d+$/.test(h.prefix.text) ? Number(h.prefix.text) : undefined;
  const literal = literalNet(text, prefix, h.kind === 'address' && h.prefix !== undefined);
  if (literal) return { nets: [literal], complete: true, ownOnly: false };
  const named = addressesOfName(text, env);
  if (!named || prefix === undefined) return named;
  return { ...named, nets: named.nets.map((n) => ({ ip: n.ip, prefix: Math.min(prefix, n.prefix) })), ownOnly: false };
}

/** `192.0.2.1`, `10.0.0.0/8`, pfctl's short `10/8`, `2001:db8::/32`. */
function literalNet(text: string, prefix: number | undefined, short: boolean): { ip: IpAddress; prefix: number } | undefined {
  let t = text;
  if (short && /^\d{1,3}(\.\d{1,3}){0,2}$/.test(t)) while (t.split('.').length < 4) t += '.0';
  if (ipaddr.IPv4.isValidFourPartDecimal(t)) return { ip: ipaddr.IPv4.parse(t), prefix: Math.min(prefix ?? 32, 32) };
  if (t.includes(':') && !t.includes('%') && ipaddr.IPv6.isValid(t)) return { ip: ipaddr.IPv6.parse(t), prefix: Math.min(prefix ?? 128, 128) };
  return undefined;
}

/** Membership of an address in a resolved set, knowing what the set may lack. */
function inSet(set: AddressSet, addr: PacketAddress, af: IpFamily): Tri {
  const kind = af === 'inet' ? 'ipv4' : 'ipv6';
  const nets = set.nets.filter((n) => n.ip.kind() === kind);
  if (!addr.ip) {
    if (set.ownOnly) return addr.mine ? 'maybe' : 'no';
    return nets.length === 0 && set.complete ? 'no' : 'maybe';
  }
  if (nets.some((n) => addr.ip!.kind() === n.ip.kind() && addr.ip!.match(n.ip, n.prefix))) return 'yes';
  // An interface also holds an IPv6 link-local address the files never show (in6_ifattach()).
  const linkLocal = addr.ip.kind() === 'ipv6' && addr.ip.range() === 'linkLocal';
  return set.complete && !(set.ownOnly && linkLocal) ? 'no' : 'maybe';
}

function inRange(h: PfHost, addr: PacketAddress): Tri {
  const lo = h.address ? literalNet(h.address.text, undefined, false) : undefined;
  const hi = h.rangeEnd ? literalNet(h.rangeEnd.text, undefined, false) : undefined;
  if (!lo || !hi || lo.ip.kind() !== hi.ip.kind()) return 'maybe';
  if (!addr.ip) return 'maybe';
  if (addr.ip.kind() !== lo.ip.kind()) return 'no';
  const n = toBigInt(addr.ip);
  return n >= toBigInt(lo.ip) && n <= toBigInt(hi.ip) ? 'yes' : 'no';
}

function toBigInt(ip: IpAddress): bigint {
  return ip.toByteArray().reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
}

/**
 * Table lookup as pf's radix tables do it: the most specific matching entry
 * decides, and a `!` entry excludes. Entries pfctl cannot know at load time
 * (a file, run-time `pfctl -t … -T add`) make a miss uncertain.
 */
function inTable(table: TableContents | undefined, addr: PacketAddress, ctx: HostContext): Tri {
  if (!table) return 'maybe';
  let best: { prefix: number; negated: boolean } | undefined;
  let unsure = false;
  for (const h of table.hosts) {
    const m = positive(h, addr, ctx, 1);
    if (m === 'no') continue;
    if (m === 'maybe') {
      unsure = true;
      continue;
    }
    const prefix = h.prefix && /^\d+$/.test(h.prefix.text) ? Number(h.prefix.text) : 128;
    if (!best || prefix > best.prefix || (prefix === best.prefix && h.negated)) best = { prefix, negated: h.negated };
  }
  if (unsure) return 'maybe';
  if (best) return best.negated ? 'no' : 'yes';
  return table.exact ? 'no' : 'maybe';
}
