import type { PfAnchorRule, PfEtherRule, PfFilterRule, PfRuleBase } from './ast';
import type { PfEndpoint, PfHost, PfWord } from './ast-parts';
import { anchorRule, type BodyParser } from './anchors';
import { fromTo, list, valueItem } from './common';
import { blockPolicy, dirLogQuick, finish, newRule, onSpec, ruleBase } from './filter';
import { ETHER_OPTS, filterOpts } from './filter-opts';
import { ParseState } from './state';
import { union } from './parse-support';
import { NO_TOKEN, Tok } from './tokens';

/**
 * Layer-2 rules (parse.y `etherrule`, `etheranchorrule`):
 * `ether pass|block|match [in|out] [log] [quick] [on IF] [bridge-to IF]
 *  [proto N|{…}] (all | [from MAC] [to MAC]) [l3 fromto] options`.
 * MAC items are recorded as hosts of kind `address` (`prefix` for `/len`;
 * a `&mask` stays part of the address word).
 *
 * Ether rules run in compact mode too (see `ParseState.build`): decisions read
 * the next token's kind and keyword text before consuming it, never the words
 * returned (placeholders there). `ether anchor` is always built (parser.ts).
 */

const MAC_START = ['any', '!', '{'];
const INTERFACE = ['<interface>'];
const ETHER_OPT_SET: ReadonlySet<string> = new Set(ETHER_OPTS);

/** One MAC item: `[!] xx:xx:xx:xx:xx:xx[/len]`, `any`. */
function macItem(st: ParseState): PfHost {
  const bang = st.isPunct('!') ? st.skip() : NO_TOKEN;
  const negated = bang !== NO_TOKEN;
  const start = st.startOf(negated ? bang : st.next());
  if (st.nextKind() === Tok.Keyword && st.nextKw() === 'any') {
    const w = st.takeWord();
    return { kind: 'any', negated, text: 'any', address: w, start, end: st.lastEnd };
  }
  const address = st.expectString(MAC_START);
  const h: PfHost = { kind: 'address', negated, text: address.text, address, start, end: st.lastEnd };
  if (st.isPunct('/')) {
    st.skip();
    h.prefix = st.expectNumber();
    h.text += `/${h.prefix.text}`;
    h.end = st.lastEnd;
  }
  return h;
}

function macEndpoint(st: ParseState): PfEndpoint {
  const start = st.startOf(st.next());
  const keyword = st.takeWord();
  const hosts = list(st, macItem);
  return { keyword, hosts, start, end: st.lastEnd };
}

/** The layer-2 header after the interface: bridge-to, proto, MAC from/to, l3. */
function etherHeader(st: ParseState, r: PfRuleBase & { bridgeTo?: PfWord; l3?: PfEtherRule['l3'] }, anchor: boolean): void {
  if (!anchor && st.isKw('bridge-to')) {
    st.skip();
    const t = st.next();
    r.bridgeTo = st.expectString(INTERFACE);
    st.noteInterface(t);
  }
  if (st.isKw('proto')) {
    r.protoKeyword = st.takeWord();
    r.protocols = list(st, valueItem);
  }
  if (st.isKw('all')) r.all = st.takeWord();
  else {
    if (st.isKw('from')) r.from = macEndpoint(st);
    if (st.isKw('to')) r.to = macEndpoint(st);
  }
  if (st.isKw('l3')) {
    const start = st.startOf(st.next());
    const keyword = st.takeWord();
    const tmp = ruleBase(keyword);
    fromTo(st, tmp, false);
    r.l3 = { keyword, all: tmp.all, from: tmp.from, to: tmp.to, start, end: st.lastEnd };
  }
}

const HEADER = ['in', 'out', 'log', 'quick', 'on', 'bridge-to', 'proto', 'all', 'from', 'to', 'l3'];
const BEFORE_OPTS = union(HEADER, ETHER_OPTS);

/** `ether …` (the `ether` keyword not yet consumed). */
export function etherStatement(st: ParseState, body: BodyParser): PfEtherRule | PfAnchorRule {
  const start = st.startOf(st.next());
  const ether = st.takeWord();
  const k = st.nextKind();
  const action = k === Tok.Keyword ? st.nextKw() : '';
  if (action === 'anchor') {
    // Only ever in build mode: parser.ts keeps `ether anchor` out of compact
    // mode (anchorRule records the anchor and reads its body as it goes).
    const a = anchorRule(st, body, (s, r) => etherHeader(s, r, true));
    a.keyword = ether;
    a.start = start;
    return a;
  }
  if (!(action === 'pass' || action === 'block' || action === 'match')) st.fail(['pass', 'block', 'match', 'anchor']);
  st.skip();
  const r = newRule<PfEtherRule>('ether', 'ether', action, ether);
  if (action === 'block') blockPolicy(st, r as unknown as PfFilterRule);
  dirLogQuick(st, r);
  onSpec(st, r);
  etherHeader(st, r, false);
  if (!st.atEnd()) {
    const n = st.nextKind();
    if (!((n === Tok.Keyword || n === Tok.Punct) && ETHER_OPT_SET.has(st.nextKw()))) st.fail(BEFORE_OPTS);
  }
  r.options = filterOpts(st, ETHER_OPTS);
  if (st.isPunct('{')) st.fail(ETHER_OPTS);
  finish(st, r);
  return r;
}
