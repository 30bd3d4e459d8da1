import type { PfAnchorRule, PfEtherRule, PfFilterRule, PfRuleBase } from './ast';
import type { PfEndpoint, PfHost, PfWord } from './ast-parts';
import { anchorRule, type BodyParser } from './anchors';
import { fromTo, list } from './common';
import { blockPolicy, dirLogQuick, finish, newRule, onSpec, ruleBase } from './filter';
import { ETHER_OPTS, filterOpts } from './filter-opts';
import { ParseState, union, word } from './state';
import { Tok } from './tokens';

/**
 * Layer-2 rules (parse.y `etherrule`, `etheranchorrule`):
 * `ether pass|block|match [in|out] [log] [quick] [on IF] [bridge-to IF]
 *  [proto N|{…}] (all | [from MAC] [to MAC]) [l3 fromto] options`.
 * MAC items are recorded as hosts of kind `address` (`prefix` for `/len`;
 * a `&mask` stays part of the address word).
 */

/** One MAC item: `[!] xx:xx:xx:xx:xx:xx[/len]`, `any`. */
function macItem(st: ParseState): PfHost {
  const bang = st.isPunct('!') ? st.take() : undefined;
  const t = st.peek();
  if (t.kind === Tok.Keyword && t.text === 'any') {
    const w = word(st.take());
    return { kind: 'any', negated: !!bang, text: 'any', address: w, start: (bang ?? w).start, end: w.end };
  }
  const address = st.expectString(['any', '!', '{']);
  const h: PfHost = { kind: 'address', negated: !!bang, text: address.text, address, start: (bang ?? address).start, end: address.end };
  if (st.isPunct('/')) {
    st.skip();
    h.prefix = st.expectNumber();
    h.text += `/${h.prefix.text}`;
    h.end = h.prefix.end;
  }
  return h;
}

function macEndpoint(st: ParseState): PfEndpoint {
  const keyword = word(st.take());
  const hosts = list(st, macItem);
  return { keyword, hosts, start: keyword.start, end: hosts.end };
}

/** The layer-2 header after the interface: bridge-to, proto, MAC from/to, l3. */
function etherHeader(st: ParseState, r: PfRuleBase & { bridgeTo?: PfWord; l3?: PfEtherRule['l3'] }, anchor: boolean): void {
  if (!anchor && st.isKw('bridge-to')) {
    st.skip();
    r.bridgeTo = st.expectString(['<interface>']);
    st.noteInterface(r.bridgeTo);
  }
  if (st.isKw('proto')) {
    r.protoKeyword = word(st.take());
    r.protocols = list(st, (s) => s.expectValue(['{']));
  }
  if (st.isKw('all')) r.all = word(st.take());
  else {
    if (st.isKw('from')) r.from = macEndpoint(st);
    if (st.isKw('to')) r.to = macEndpoint(st);
  }
  if (st.isKw('l3')) {
    const keyword = word(st.take());
    const tmp = ruleBase(keyword);
    fromTo(st, tmp, false);
    r.l3 = { keyword, all: tmp.all, from: tmp.from, to: tmp.to, start: keyword.start, end: st.lastEnd };
  }
}

const HEADER = ['in', 'out', 'log', 'quick', 'on', 'bridge-to', 'proto', 'all', 'from', 'to', 'l3'];

/** `ether …` (the `ether` keyword not yet consumed). */
export function etherStatement(st: ParseState, body: BodyParser): PfEtherRule | PfAnchorRule {
  const ether = word(st.take());
  const t = st.peek();
  if (t.kind === Tok.Keyword && t.text === 'anchor') {
    const a = anchorRule(st, body, (s, r) => etherHeader(s, r, true));
    a.keyword = ether;
    a.start = ether.start;
    return a;
  }
  if (!(t.kind === Tok.Keyword && (t.text === 'pass' || t.text === 'block' || t.text === 'match'))) st.fail(['pass', 'block', 'match', 'anchor']);
  const action = word(st.take());
  const r = newRule<PfEtherRule>('ether', 'ether', action.text as PfEtherRule['action'], ether);
  if (r.action === 'block') blockPolicy(st, r as unknown as PfFilterRule);
  dirLogQuick(st, r);
  onSpec(st, r);
  etherHeader(st, r, false);
  if (!st.atEnd()) {
    const n = st.peek();
    if (!((n.kind === Tok.Keyword || n.kind === Tok.Punct) && ETHER_OPTS.includes(n.text))) st.fail(union(HEADER, ETHER_OPTS));
  }
  r.options = filterOpts(st, ETHER_OPTS);
  if (st.isPunct('{')) st.fail(ETHER_OPTS);
  finish(st, r);
  return r;
}
