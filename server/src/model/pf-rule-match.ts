import type { PfEndpoint, PfRuleBase } from '../parsers/pf';
import type { PfPacket } from './pf-packet';
import type { HostContext } from './pf-host-match';
import { matchHostList } from './pf-host-match';
import { matchInterfaceList } from './pf-if-match';
import { protocolNumber } from './pf-protocols';
import { narrows } from './pf-rule-criteria';
import { triAll, triAny, triOf, type Tri } from './pf-tri';

/**
 * Rule against packet: the criteria of sys/netpfil/pf/pf.c pf_test_rule()
 * in its order (interface, direction, family, protocol, source,
 * destination, then the options that narrow a rule), each `yes`, `no` or
 * `maybe` (see pf-tri.ts). Lists are alternatives, as pfctl expands them
 * into one rule per item.
 */
export function matchRule(r: PfRuleBase, p: PfPacket, ctx: HostContext): Tri {
  return triAll(criteria(r, p, ctx));
}

function* criteria(r: PfRuleBase, p: PfPacket, ctx: HostContext): Generator<Tri> {
  yield matchInterfaceList(r.interfaces, p.ifName, ctx.env);
  if (r.direction) yield triOf(r.direction.text === p.direction);
  if (r.af) yield triOf(r.af.text === p.af);
  if (r.protocols) yield triAny(r.protocols.items.map((w) => protocolMatch(w.text, p.proto)));
  if (!r.all) {
    yield endpoint(r.from, p.src, ctx);
    yield endpoint(r.to, p.dst, ctx);
  }
  // TCP only: an `os` fingerprint never matches CARP or pfsync.
  if (r.os) yield 'no';
  for (const o of r.options) {
    if (!narrows(o)) continue;
    // Fragments, ICMP types: none of the packets evaluated here (CARP and pfsync are unfragmented, not ICMP).
    if (o.name === 'fragment' || o.name === 'icmp-type' || o.name === 'icmp6-type') yield o.negated ? 'yes' : 'no';
    else yield 'maybe';
  }
}

function protocolMatch(word: string, proto: number): Tri {
  const n = protocolNumber(word);
  if (n === undefined || n === 0) return 'maybe';
  return triOf(n === proto);
}

function endpoint(ep: PfEndpoint | undefined, addr: PfPacket['src'], ctx: HostContext): Tri {
  if (!ep) return 'yes';
  // Ports exist only for TCP, UDP and SCTP (pfctl refuses them with other protocols).
  if (ep.ports && ep.ports.items.length > 0) return 'no';
  return matchHostList(ep.hosts, addr, ctx);
}
