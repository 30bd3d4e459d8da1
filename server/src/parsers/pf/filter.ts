import type { PfAntispoof, PfFilterRule, PfOrderClass, PfRule, PfRuleBase, PfScrubRule } from './ast';
import type { PfInterface, PfRuleOption, PfWord } from './ast-parts';
import { fromTo, ifItem, ifSpec, list, logSpec, valueItem } from './common';
import { filterOpts, FILTER_OPTS } from './filter-opts';
import { routeSpec } from './redirect';
import { scrubOpts, SCRUB_OPTS } from './state-opts';
import { checkRule, ruleNeedsChecks } from './semantics';
import { ParseState } from './state';
import { exact, union } from './parse-support';
import { NO_TOKEN, Tok } from './tokens';

/**
 * pass / block / match rules (parse.y `pfrule`), scrub rules and antispoof.
 * The fields up to from/to come in a fixed order; each stage knows which
 * keywords could still follow, which is what a syntax error reports as expected.
 */

const STAGES: readonly (readonly string[])[] = [
  ['in', 'out'],
  ['log', 'quick'],
  ['on'],
  ['route-to', 'reply-to', 'dup-to', 'fastroute'],
  ['inet', 'inet6'],
  ['proto'],
  ['all', 'from', 'os', 'to'],
];

/** Keywords valid after header stage `i` (and everything later), for "expected" sets. */
export function expectedAfter(stage: number, tail: readonly string[] = FILTER_OPTS, stages = STAGES): readonly string[] {
  return union(...stages.slice(stage), tail);
}

export const BLOCK_POLICIES = ['drop', 'return', 'return-rst', 'return-icmp', 'return-icmp6'];

/**
 * A new rule with every field present (unset ones undefined), so all rule
 * objects share one shape — property access stays fast on megabyte rulesets.
 */
export function newRule<T extends PfRule>(type: T['type'], order: PfOrderClass, action: T['action'], keyword: PfWord): T {
  const r = {
    type, order, action, keyword, no: undefined, direction: undefined, log: undefined, quick: undefined, onKeyword: undefined,
    interfaces: undefined, route: undefined, af: undefined, protoKeyword: undefined, protocols: undefined, all: undefined,
    from: undefined, os: undefined, to: undefined, options: [], expansionCount: 1, blockPolicy: undefined,
    blockPolicyArgs: undefined, pass: undefined, arrow: undefined, redirect: undefined, name: undefined, body: undefined,
    bodyStart: undefined, bodyEnd: undefined, bridgeTo: undefined, l3: undefined, start: keyword.start, end: keyword.end,
  };
  return r as unknown as T;
}

/** A scratch rule for parsing a from/to part on its own (ether `l3`). */
export function ruleBase(keyword: PfWord): PfRuleBase {
  return newRule<PfFilterRule>('filter', 'none', 'match', keyword);
}

/** `in|out`, `log`/`quick` in either order. Returns the number of the `quick` token (NO_TOKEN: none), for checks in compact mode. */
export function dirLogQuick(st: ParseState, r: PfRuleBase, allowLog = true): number {
  if (st.isKw('in') || st.isKw('out')) r.direction = st.takeWord();
  let quick = NO_TOKEN;
  for (let i = 0; i < 2; i++) {
    if (allowLog && !r.log && st.isKw('log')) r.log = logSpec(st);
    else if (!r.quick && st.isKw('quick')) {
      quick = st.skip();
      r.quick = st.wordAt(quick);
    }
  }
  return quick;
}

/** `on IF`, `inet|inet6`, `proto …` helpers shared by every rule family. */
export function onSpec(st: ParseState, r: PfRuleBase): void {
  if (!st.isKw('on')) return;
  r.onKeyword = st.takeWord();
  r.interfaces = ifSpec(st);
}

export function afSpec(st: ParseState, r: PfRuleBase): void {
  if (st.isKw('inet') || st.isKw('inet6')) r.af = st.takeWord();
}

export function protoSpec(st: ParseState, r: PfRuleBase): void {
  if (!st.isKw('proto')) return;
  r.protoKeyword = st.takeWord();
  r.protocols = list(st, valueItem);
}

/** The action and its block policy (`block return-icmp(net-unr, 3)`). */
export function blockPolicy(st: ParseState, r: PfFilterRule): void {
  const policy = st.nextKw();
  if (st.nextKind() !== Tok.Keyword || !BLOCK_POLICIES.includes(policy)) return;
  r.blockPolicy = st.takeWord();
  if (policy !== 'return' && policy !== 'drop' && st.isPunct('(')) {
    st.skip();
    r.blockPolicyArgs = [];
    if (policy === 'return-rst') {
      st.expectKw('ttl');
      r.blockPolicyArgs.push(st.expectNumber());
    } else {
      r.blockPolicyArgs.push(st.expectValue());
      st.acceptPunct(',');
      if (!st.isPunct(')') && policy === 'return-icmp') r.blockPolicyArgs.push(st.expectValue());
    }
    r.end = st.endOf(st.expectPunctTok(')'));
  }
}

/** The header of a pass/block/match rule after the action, through from/to. */
export function filterHeader(st: ParseState, r: PfRuleBase): void {
  dirLogQuick(st, r);
  onSpec(st, r);
  if (st.isKw('route-to') || st.isKw('reply-to') || st.isKw('dup-to') || st.isKw('fastroute')) {
    const kw = st.nextKw();
    const keyword = st.takeWord();
    r.route = { keyword, start: keyword.start, end: keyword.end };
    if (kw !== 'fastroute') {
      r.route.target = routeSpec(st);
      r.route.end = r.route.target.end;
    }
  }
  afSpec(st, r);
  protoSpec(st, r);
  fromTo(st, r);
}

const EXPECTED_BY_STAGE = STAGES.map((_, i) => expectedAfter(i));
const FILTER_OPT_SET: ReadonlySet<string> = new Set(FILTER_OPTS);

/** The header stage a rule reached: the index after its last filled part. */
function stageOf(r: PfRuleBase): number {
  if (r.all || r.from || r.os || r.to) return STAGES.length;
  if (r.protocols) return 6;
  if (r.af) return 5;
  if (r.route) return 4;
  if (r.interfaces) return 3;
  if (r.log && r.quick) return 2;
  if (r.log || r.quick) return 1;
  return r.direction ? 1 : 0;
}

/**
 * Before the options: a word that is neither an option nor the end fails with
 * every keyword still possible at that point (header parts not yet given, options).
 */
export function beforeOpts(st: ParseState, r: PfRuleBase, opts: readonly string[]): void {
  if (st.atEnd() || st.isPunct('{')) return;
  const k = st.nextKind();
  const kw = st.nextKw();
  if ((k === Tok.Keyword || k === Tok.Punct) && (opts === FILTER_OPTS ? FILTER_OPT_SET.has(kw) : opts.includes(kw))) return;
  const stage = stageOf(r);
  st.fail(opts === FILTER_OPTS && stage < STAGES.length ? EXPECTED_BY_STAGE[stage] : stage < STAGES.length ? expectedAfter(stage, opts) : opts);
}

/** `pass|block|match …` (the action keyword not yet consumed). */
export function filterRule(st: ParseState): PfFilterRule {
  const action = st.nextKw() as PfFilterRule['action'];
  const keyword = st.takeWord();
  const r = newRule<PfFilterRule>('filter', 'filter', action, keyword);
  if (r.action === 'block') blockPolicy(st, r);
  filterHeader(st, r);
  beforeOpts(st, r, FILTER_OPTS);
  r.options = filterOpts(st);
  finish(st, r);
  if (!st.build) st.wantsObject = ruleNeedsChecks(r);
  else if (!st.quiet) checkRule(st, r);
  return r;
}

/** `[no] scrub [in|out] [log] [on …] [af] [proto …] fromto scrubopts`. */
export function scrubRule(st: ParseState, no: PfWord | undefined): PfScrubRule {
  const keyword = st.takeWord();
  const r = newRule<PfScrubRule>('scrub', 'normalization', 'scrub', keyword);
  if (no) {
    r.no = no;
    r.start = no.start;
  }
  const quick = dirLogQuick(st, r);
  if (quick !== NO_TOKEN) st.semanticAt("scrub rules do not support 'quick'", quick);
  onSpec(st, r);
  afSpec(st, r);
  protoSpec(st, r);
  fromTo(st, r);
  if (!st.atEnd()) {
    const k = st.nextKind();
    const kw = st.nextKw();
    if (!(k === Tok.Keyword && SCRUB_OPTS.includes(kw)) && !(k === Tok.Punct && kw === '!')) {
      st.fail(union(r.all || r.from || r.to ? [] : ['all', 'from', 'to'], SCRUB_OPTS));
    }
    r.options = scrubOpts(st, false);
  }
  finish(st, r);
  return r;
}

const ANTISPOOF_OPTS = ['label', 'ridentifier', 'rtable'];

/** `antispoof [log] [quick] for IF|(IF)|{…} [af] (label S | ridentifier N | rtable N)*`. */
export function antispoof(st: ParseState): PfAntispoof {
  const keyword = st.takeWord();
  const r = newRule<PfAntispoof>('antispoof', 'filter', 'antispoof', keyword);
  dirLogQuick(st, r);
  r.onKeyword = st.expectKw('for');
  r.interfaces = list(st, antispoofIf);
  afSpec(st, r);
  while (!st.atEnd()) {
    // Kind and text read before consuming: in compact mode the words taken are placeholders.
    const k = st.nextKind();
    const name = st.nextKw();
    if (k !== Tok.Keyword || !ANTISPOOF_OPTS.includes(name)) st.fail(union(r.af ? [] : ['inet', 'inet6'], ANTISPOOF_OPTS));
    const kw = st.takeWord();
    const v = name === 'rtable' ? st.expectNumber() : st.expectValue();
    r.options.push({ name, keyword: kw, negated: false, values: [v], start: kw.start, end: v.end });
  }
  r.options = exact(r.options);
  finish(st, r);
  return r;
}

/** An antispoof interface: `IF` or `(IF)` (module-level so no closure is made per rule). */
function antispoofIf(st: ParseState): PfInterface {
  if (!st.isPunct('(')) return ifItem(st);
  const open = st.skip();
  const i = ifItem(st);
  const close = st.expectPunctTok(')');
  return { ...i, dynamic: true, start: st.startOf(open), end: st.endOf(close) };
}

/** Sets the rule's end to the last consumed token and computes its expansion count. */
export function finish(st: ParseState, r: PfRuleBase): void {
  r.end = Math.max(r.end, st.lastEnd);
  let n = 1;
  n = mul(n, r.interfaces?.items.length);
  n = mul(n, r.protocols?.items.length);
  n = mul(n, r.from?.hosts?.items.length);
  n = mul(n, r.from?.ports?.items.length);
  n = mul(n, r.to?.hosts?.items.length);
  n = mul(n, r.to?.ports?.items.length);
  n = mul(n, r.os?.items.items.length);
  let icmp: PfRuleOption | undefined;
  for (const o of r.options) {
    if (o.name === 'icmp-type' || o.name === 'icmp6-type') icmp ??= o;
    else if (o.items) n = mul(n, o.items.items.length);
  }
  r.expansionCount = mul(n, icmp?.items?.items.length);
}

/** `n` times a list length (lists of 0 or 1 do not multiply), saturating. */
function mul(n: number, k: number | undefined): number {
  return k && k > 1 ? Math.min(n * k, Number.MAX_SAFE_INTEGER) : n;
}
