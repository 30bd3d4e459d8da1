import type { PfEndpoint, PfFilterRule, PfInterface, PfList } from '../parsers/pf';
import { sameProtocol } from './pf-protocols';
import { flagsOf, narrows, onAnyInterface } from './pf-rule-criteria';

/**
 * Rule against rule: does one pf filter rule match every packet another
 * does? Deliberately conservative (a "yes" must be certain): the covering
 * rule must be at least as broad in every criterion (same or no interface,
 * direction, family, protocol, addresses and ports) and carry nothing that
 * narrows what it matches. Used by pf/shadowed-rule; the packet matcher
 * (pf-rule-match.ts) shares the criteria in pf-rule-criteria.ts.
 */

/** A `quick` pass/block rule with nothing that narrows it: the only kind that can hide the rules after it. */
export function canShadow(a: PfFilterRule): boolean {
  return a.quick !== undefined && a.action !== 'match' && !a.os && !a.options.some(narrows);
}

const TCP = new Set(['tcp', '6', 'TCP']);

/** True when every packet `b` matches is matched by `a`. */
export function covers(a: PfFilterRule, b: PfFilterRule): boolean {
  if (b.options.some((o) => o.name === 'fragment')) return false;
  if (a.direction && a.direction.text !== b.direction?.text) return false;
  if (a.af && a.af.text !== b.af?.text) return false;
  if (a.protocols && !(b.protocols && b.protocols.items.every((p) => a.protocols!.items.some((q) => sameProtocol(q.text, p.text))))) return false;
  const fa = flagsOf(a);
  if (fa !== 'any' && fa !== flagsOf(b) && !(b.protocols && b.protocols.items.every((p) => !TCP.has(p.text)))) return false;
  if (!interfacesCover(a.interfaces, b.interfaces)) return false;
  if (a.all) return true;
  return endpointCovers(a.from, b.all ? undefined : b.from, b.all !== undefined) && endpointCovers(a.to, b.all ? undefined : b.to, b.all !== undefined);
}

function interfacesCover(a: PfList<PfInterface> | undefined, b: PfList<PfInterface> | undefined): boolean {
  const ai = a?.items ?? [];
  if (onAnyInterface(ai)) return true;
  const bi = b?.items ?? [];
  if (bi.length === 0) return false;
  if (ai.some((i) => i.negated) || bi.some((i) => i.negated)) return sameItems(ai.map(ifKey), bi.map(ifKey));
  return bi.every((x) => ai.some((y) => y.name.text === x.name.text));
}

function ifKey(i: PfInterface): string {
  return `${i.negated ? '!' : ''}${i.name.text}`;
}

/** `a` leaves the side open (no hosts or `any`, no ports), or restricts it exactly as `b` does. */
function endpointCovers(a: PfEndpoint | undefined, b: PfEndpoint | undefined, bAll: boolean): boolean {
  const ah = a?.hosts?.items ?? [];
  const openHosts = ah.length === 0 || (ah.length === 1 && ah[0].kind === 'any' && !ah[0].negated);
  if (!openHosts) {
    if (bAll) return false;
    const bh = b?.hosts?.items ?? [];
    if (!sameItems(ah.map((h) => `${h.negated ? '!' : ''}${h.text}`), bh.map((h) => `${h.negated ? '!' : ''}${h.text}`))) return false;
  }
  const ap = a?.ports?.items ?? [];
  if (ap.length === 0) return true;
  return !bAll && sameItems(ap.map((p) => p.text), (b?.ports?.items ?? []).map((p) => p.text));
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
