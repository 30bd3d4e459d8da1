import type { PfFilterRule, PfInterface, PfRuleOption } from '../parsers/pf';

/**
 * What a pf rule's options say about which packets it matches, shared by
 * the two matchers: rule against rule (pf-rule-cover.ts, "does this rule
 * match every packet that one does") and rule against packet
 * (pf-rule-match.ts, "does it match this packet").
 */

/** Options that act on a matched packet without narrowing which packets match. */
export const ACTION_OPTIONS: ReadonlySet<string> = new Set([
  'keep', 'modulate', 'synproxy', 'no', 'label', 'tag', 'queue', 'rtable', 'ridentifier', 'allow-opts', 'set', 'dnpipe', 'dnqueue',
  'divert-to', 'scrub', 'nat-to', 'rdr-to', 'binat-to', 'af-to', 'flags',
]);

/** Options that translate addresses, so rules evaluated after a `match` carrying one see other addresses. */
export const TRANSLATING_OPTIONS: ReadonlySet<string> = new Set(['nat-to', 'rdr-to', 'binat-to', 'af-to']);

/** True for an option that narrows which packets a rule matches (tagged, probability, user, received-on, …). */
export function narrows(o: PfRuleOption): boolean {
  return o.negated || !ACTION_OPTIONS.has(o.name);
}

/**
 * The TCP flags a rule checks: `any`, or the spec (`S/SA` by default on
 * stateful pass rules). pf compares flags for TCP packets only
 * (sys/netpfil/pf/pf.c pf_test_rule()), so they never exclude another protocol.
 */
export function flagsOf(r: PfFilterRule): string {
  const f = r.options.find((o) => o.name === 'flags');
  if (f) return f.values.length === 1 && f.values[0].text === 'any' ? 'any' : f.values.map((v) => v.text).join('/');
  if (r.action !== 'pass' || r.options.some((o) => o.name === 'no')) return 'any';
  return 'S/SA';
}

/** True for a pass rule that creates state: the default since FreeBSD 7, unless `no state`. */
export function keepsState(r: PfFilterRule): boolean {
  return r.action === 'pass' && !r.options.some((o) => o.name === 'no' && o.values[0]?.text === 'state');
}

/** `any` alone, or no interface at all: the rule is not tied to an interface. */
export function onAnyInterface(items: readonly PfInterface[] | undefined): boolean {
  return !items || items.length === 0 || (items.length === 1 && !items[0].negated && items[0].name.text === 'any');
}
