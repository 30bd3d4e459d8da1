import type { PfFilterRule, PfRuleBase, PfTranslationRule } from './ast';
import type { PfRedirect, Span } from './ast-parts';
import type { ParseState } from './state';

/**
 * Checks pfctl makes after a rule parses (parse.y `filter_consistent`,
 * `rdr_consistent`, `expand_rule`, the pool checks) that are certain from the
 * text alone — no name resolution, no /etc/services, no interfaces. Each
 * message is pfctl's own, so users can search for it.
 */

/** Largest expansion a rule may have before we flag it (pfctl would build that many rules). */
export const MAX_RULE_EXPANSION = 100000;

/** 'inet' / 'inet6' for a literal IP address, undefined for names, interfaces and anything else. */
export function literalFamily(text: string): 'inet' | 'inet6' | undefined {
  let dots = 0;
  let colons = 0;
  let digitsOnly = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) dots++;
    else if (c === 58) colons++;
    else if (c === 37 && colons >= 2) break; // %scope
    else if (c >= 48 && c <= 57) continue;
    else if ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)) digitsOnly = false;
    else return undefined;
  }
  if (colons === 0) return digitsOnly && dots === 3 ? 'inet' : undefined;
  return colons >= 2 ? 'inet6' : undefined;
}

/**
 * Pool checks shared by `nat`/`rdr` (`->`) and `nat-to`/`rdr-to`
 * (pfctl tests pf1033–pf1047).
 */
export function checkPool(st: ParseState, kind: 'nat' | 'rdr' | 'binat', r: PfRedirect): void {
  const has = (name: string): Span | undefined => r.pool.find((p) => p.name === name);
  const staticPort = has('static-port');
  const mapE = has('map-e-portset');
  if (kind === 'rdr' && staticPort) st.semantic("the 'static-port' option is only valid with nat rules", staticPort);
  else if (kind === 'rdr' && mapE) st.semantic("the 'map-e-portset' option is only valid with nat rules", mapE);
  else if (kind === 'nat' && staticPort && r.port) st.semantic("the 'static-port' option can't be used when specifying a port range", staticPort);
  else if (kind === 'nat' && mapE && staticPort) st.semantic("the 'map-e-portset' option can't be used 'static-port'", mapE);
  else if (kind === 'nat' && mapE && r.port) st.semantic("the 'map-e-portset' option can't be used when specifying a port range", mapE);
  const bitmask = has('bitmask');
  if (bitmask) {
    const table = r.hosts.items.find((h) => h.kind === 'table');
    const dyn = r.hosts.items.find((h) => h.kind === 'dynamic');
    if (table) st.semantic('tables are not supported by pool type', table);
    else if (dyn) st.semantic(`interface (${dyn.interface?.text ?? ''}) is not supported by pool type`, dyn);
  }
}

/** Whether `checkPool` can report anything for target `r`: it reads only these pool options. */
function poolChecked(r: PfRedirect): boolean {
  for (const p of r.pool) if (p.name === 'static-port' || p.name === 'map-e-portset' || p.name === 'bitmask') return true;
  return false;
}

/**
 * Whether `checkRule` can report anything for rule `r`. Compact mode builds a
 * rule only for these checks (parser.ts `treeChecks`), so this is judged on
 * what a rule read in compact mode holds: its action, which parts are
 * present (their words are placeholders), and its targets (built in every
 * mode). It may say yes for a rule the checks pass, never no for one they flag.
 */
export function ruleNeedsChecks(r: PfFilterRule): boolean {
  if (r.expansionCount > MAX_RULE_EXPANSION) return true;
  // A route on block or match is flagged; on pass, its family is checked when the rule has one.
  if (r.route !== undefined && (r.action !== 'pass' || r.af !== undefined)) return true;
  for (const o of r.options) if ((o.name === 'nat-to' || o.name === 'rdr-to') && o.redirect !== undefined && poolChecked(o.redirect)) return true;
  return false;
}

/** Checks for pass/block/match rules. */
export function checkRule(st: ParseState, r: PfFilterRule): void {
  if (r.route && r.route.keyword.text !== 'fastroute' && r.action === 'block') {
    st.semantic('route-to, reply-to and dup-to are not supported on block rules', r.route.keyword);
  } else if (r.route && r.action === 'match') {
    st.semantic('route-to, reply-to, dup-to and fastroute must not be used on match rules', r.route.keyword);
  }
  let afTo: string | undefined;
  for (const o of r.options) {
    if (o.redirect && (o.name === 'nat-to' || o.name === 'rdr-to')) checkPool(st, o.name === 'nat-to' ? 'nat' : 'rdr', o.redirect);
    if (o.name === 'af-to') afTo = o.values[0]?.text;
  }
  checkRouteFamily(st, r, afTo);
  checkExpansion(st, r);
}

/**
 * pf1074: with an explicit address family, a route-to whose every next hop is
 * a literal address of the other family can never be used
 * (`prefer-ipv6-nexthop` allows IPv6 next hops for inet rules).
 */
function checkRouteFamily(st: ParseState, r: PfFilterRule, afTo: string | undefined): void {
  const target = r.route?.target;
  if (!target || !r.af || r.route?.keyword.text === 'dup-to') return;
  // reply-to routes the reply, which keeps the rule's family; route-to routes the (translated) packet.
  const want = r.route?.keyword.text === 'route-to' && afTo ? afTo : r.af.text;
  const preferV6 = target.pool.some((p) => p.name === 'prefer-ipv6-nexthop');
  let any = false;
  for (const h of target.hosts.items) {
    const fam = h.address ? literalFamily(h.address.text) : undefined;
    if (!fam) return;
    if (fam === want || (preferV6 && want === 'inet' && fam === 'inet6')) return;
    any = true;
  }
  if (any && (target.routeHosts ?? []).every((rh) => rh.host)) st.semantic('no routing address with matching address family found.', target);
}

/** `ruleNeedsChecks` for `checkTranslation`. A plain `nat … -> addr` needs none. */
export function translationNeedsChecks(r: PfTranslationRule): boolean {
  if ((r.no !== undefined) === (r.arrow !== undefined)) return true;
  if (r.no !== undefined && r.pass !== undefined) return true;
  if (r.redirect !== undefined && poolChecked(r.redirect)) return true;
  return r.expansionCount > MAX_RULE_EXPANSION;
}

/** Checks for old-style nat/rdr/binat. */
export function checkTranslation(st: ParseState, r: PfTranslationRule): void {
  if (r.no && r.arrow) st.semantic("translation rule with 'no' does not need '->'", r.arrow);
  else if (!r.no && !r.arrow) st.semantic("translation rule requires '-> address'", r.keyword);
  if (r.no && r.pass) st.semantic('"pass" not valid with "no"', r.pass);
  if (r.redirect) checkPool(st, r.action, r.redirect);
  checkExpansion(st, r);
}

/** Flags a rule whose lists multiply into more rules than MAX_RULE_EXPANSION. */
export function checkExpansion(st: ParseState, r: PfRuleBase): void {
  if (r.expansionCount <= MAX_RULE_EXPANSION) return;
  st.addError({
    message: `this rule expands into ${r.expansionCount} rules (the product of its lists), more than ${MAX_RULE_EXPANSION}; loading it is slow and expansion previews are cut off. Use a table instead of long lists.`,
    start: r.start,
    end: r.end,
    kind: 'limit',
  });
}
