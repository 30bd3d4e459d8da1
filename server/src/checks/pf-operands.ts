import type { PfEndpoint, PfHost, PfPort, PfRedirect, PfStatement, PfWord } from '../parsers/pf';
import { isRule, walkStatements } from './pf-common';

/**
 * Every IP address and port written in a ruleset, with the slot it sits in,
 * for the address and port checks. Ethernet rules' MAC addresses are left
 * out (they are not IP addresses); their `l3` part is included.
 */

/** Where an address is written: `to` matters for `urpf-failed`, which pf only has for sources. */
export type HostSlot = 'from' | 'to' | 'table' | 'target';

export interface HostUse {
  host: PfHost;
  slot: HostSlot;
}

/** A port item of a from/to or a translation target. */
export interface PortUse {
  port: PfPort;
}

/** A lone port word (divert-to), which has no operator or range. */
export interface PortWordUse {
  word: PfWord;
}

export interface Operands {
  hosts: HostUse[];
  ports: PortUse[];
  portWords: PortWordUse[];
}

/** Collects the addresses and ports of every statement, inline anchor bodies included. */
export function operandsOf(statements: readonly PfStatement[]): Operands {
  const out: Operands = { hosts: [], ports: [], portWords: [] };
  walkStatements(statements, (s) => {
    if (s.type === 'table') {
      for (const host of s.addresses) out.hosts.push({ host, slot: 'table' });
      return;
    }
    if (!isRule(s)) return;
    if (s.type === 'ether') {
      if (s.l3) endpoints(out, s.l3.from, s.l3.to);
      return;
    }
    endpoints(out, s.from, s.to);
    if (s.route?.target) target(out, s.route.target);
    if (s.type === 'translation' && s.redirect) target(out, s.redirect);
    for (const o of s.options) {
      if (o.redirect) target(out, o.redirect);
      if (o.name === 'divert-to') {
        // FreeBSD keeps only the port of `divert-to [host] port P` / `divert-to P`.
        const port = o.values.length >= 3 ? o.values[2] : o.values.length === 1 ? o.values[0] : undefined;
        if (port) out.portWords.push({ word: port });
      }
    }
  });
  return out;
}

function endpoints(out: Operands, from: PfEndpoint | undefined, to: PfEndpoint | undefined): void {
  for (const [ep, slot] of [[from, 'from'], [to, 'to']] as const) {
    if (!ep) continue;
    for (const host of ep.hosts?.items ?? []) out.hosts.push({ host, slot });
    for (const port of ep.ports?.items ?? []) out.ports.push({ port });
  }
}

function target(out: Operands, r: PfRedirect): void {
  for (const host of r.hosts.items) out.hosts.push({ host, slot: 'target' });
  if (r.port) out.ports.push({ port: r.port });
  if (r.to) target(out, r.to);
}
