import type { PfEndpoint, PfHost, PfInterface, PfList, PfLog, PfPort, PfPortOp, PfWord } from './ast-parts';
import type { PfRuleBase } from './ast';
import { ParseState } from './state';
import { NO_NODE, spanOf } from './parse-support';
import { NO_TOKEN, Tok } from './tokens';

/**
 * Productions shared by several statement families (parse.y: `interface`,
 * `ipspec`/`host`, `portspec`, `fromto`, `logquick`), each recording exact spans.
 */

export const HOST_START = ['any', 'no-route', 'urpf-failed', 'self', '!', '<', '(', '{'];
const PORT_OP_LIST = ['=', '!=', '<', '<=', '>', '>='];
const PORT_OPS = new Set(PORT_OP_LIST);
// Expected sets as constants: a literal in the call would allocate on every (successful) call.
const TABLE_NAME = ['<table name>'];
const INTERFACE = ['<interface>'];
const PREFIX_LENGTH = ['<prefix length>'];
const ADDRESS = ['<address>'];

/**
 * `item` or `{ item [,] item … }` with newlines allowed inside the braces.
 * With `nested`, an item may itself be a braced list (host lists), flattened.
 */
export function list<T>(st: ParseState, item: (st: ParseState) => T & { end: number; start: number }, nested = false): PfList<T> {
  if (!st.isPunct('{')) {
    const one = item(st);
    if (!st.build) return countedList(1) as PfList<T>;
    return { items: [one], braced: false, start: one.start, end: one.end };
  }
  const open = st.skip();
  const base = st.top;
  braced(st, item, nested);
  const close = st.skip();
  if (!st.build) {
    const n = st.top - base;
    st.top = base;
    return countedList(n) as PfList<T>;
  }
  return { items: st.collect<T>(base), braced: true, start: st.startOf(open), end: st.endOf(close) };
}

/**
 * What `list` returns in compact mode: only the number of items matters
 * there (rule expansion counts), so small counts share one frozen list each.
 */
function countedList(n: number): PfList<unknown> {
  if (n < COUNTED.length) return COUNTED[n];
  return { items: new Array<unknown>(n), braced: true, start: 0, end: 0 };
}
const COUNTED: readonly PfList<unknown>[] = Array.from({ length: 64 }, (_, n) => Object.freeze({ items: Object.freeze(new Array<unknown>(n)) as unknown[], braced: true, start: 0, end: 0 }));

/** The items of a `{ … }` list after its `{`, pushed on the scratch stack, up to (not past) its `}`. */
function braced<T>(st: ParseState, item: (st: ParseState) => T, nested: boolean): void {
  st.enter();
  st.optNl();
  while (!st.isPunct('}')) {
    if (nested && st.isPunct('{')) {
      // An inner list is flattened into this one: its items stay on the stack.
      st.skip();
      braced(st, item, true);
      st.skip();
    } else st.push(item(st));
    st.optNl();
    if (st.acceptPunct(',')) {
      st.optNl();
      if (st.isPunct('}')) st.fail(['{']);
    }
  }
  st.leave();
}

/** An interface item (`if_item_not`): `[!] name`. */
export function ifItem(st: ParseState): PfInterface {
  const bang = st.isPunct('!') ? st.skip() : NO_TOKEN;
  const k = st.nextKind();
  if (!(k === Tok.Word || k === Tok.Quoted || (k === Tok.Keyword && st.nextKw() === 'any'))) st.fail(['!', '{']);
  const t = st.skip();
  st.noteInterface(t);
  return { name: st.wordAt(t), negated: bang !== NO_TOKEN, dynamic: false, start: st.startOf(bang !== NO_TOKEN ? bang : t), end: st.endOf(t) };
}

/** `on IF` / `on { IF … }` after the `on` keyword. */
export function ifSpec(st: ParseState): PfList<PfInterface> {
  return list(st, ifItem);
}

/** The part of a word between two character indexes, with an exact range when the word was written literally. */
export function subWord(st: ParseState, w: PfWord, from: number, to: number): PfWord {
  const text = w.text.slice(from, to);
  let start = w.start;
  let end = w.end;
  if (!w.origin) {
    const inner = w.quoted ? w.start + 1 : w.start;
    if (st.text.startsWith(w.text, inner)) {
      start = inner + from;
      end = inner + to;
    }
  }
  return { text, start, end, quoted: w.quoted, number: false };
}

/** One address (`xhost`/`host`): any, no-route, urpf-failed, `<table>`, `(if)[/N]`, `a - b`, `addr[/N]`. */
export function hostItem(st: ParseState): PfHost {
  const bang = st.isPunct('!') ? st.skip() : NO_TOKEN;
  const negated = bang !== NO_TOKEN;
  const k = st.nextKind();
  const kw = st.nextKw();
  const start = st.startOf(negated ? bang : st.next());
  if (k === Tok.Keyword && (kw === 'any' || kw === 'no-route' || kw === 'urpf-failed')) {
    const w = st.takeWord();
    return st.build ? { kind: kw as PfHost['kind'], negated, text: kw, address: w, start, end: w.end } : NO_NODE;
  }
  if (k === Tok.Punct && kw === '<') {
    const lt = st.skip();
    if (!st.isString()) st.fail(TABLE_NAME);
    const nameTok = st.skip();
    const gt = st.expectPunctTok('>');
    st.noteTableRef(lt);
    if (!st.build) return NO_NODE;
    const name = st.wordAt(nameTok);
    return { kind: 'table', negated, text: `<${name.text}>`, table: name, start, end: st.endOf(gt) };
  }
  if (k === Tok.Punct && kw === '(') {
    st.skip();
    const inner = st.expectString(INTERFACE);
    let end = st.endOf(st.expectPunctTok(')'));
    const host: PfHost = { kind: 'dynamic', negated, text: `(${inner.text})`, interface: inner, start, end };
    if (st.isPunct('/')) {
      st.skip();
      host.prefix = st.expectNumber(PREFIX_LENGTH);
      end = host.prefix.end;
      host.text += `/${host.prefix.text}`;
    }
    host.end = end;
    return host;
  }
  if (k === Tok.Word || k === Tok.Quoted) {
    const address = st.takeWord();
    if (st.isPunct('-')) {
      st.skip();
      const rangeEnd = st.expectString(ADDRESS);
      if (!st.build) return NO_NODE;
      return { kind: 'range', negated, text: `${address.text} - ${rangeEnd.text}`, address, rangeEnd, start, end: rangeEnd.end };
    }
    if (st.isPunct('/')) {
      st.skip();
      const prefix = st.expectNumber(PREFIX_LENGTH);
      if (!st.build) return NO_NODE;
      return { kind: 'address', negated, text: `${address.text}/${prefix.text}`, address, prefix, start, end: prefix.end };
    }
    if (!st.build) return NO_NODE;
    const kind = address.text === 'self' ? 'self' : address.text.includes(' - ') ? 'range' : 'address';
    return { kind, negated, text: address.text, address, start, end: address.end };
  }
  if (k === Tok.Number) {
    const address = st.takeWord();
    st.expectPunctTok('/');
    const prefix = st.expectNumber(PREFIX_LENGTH);
    if (!st.build) return NO_NODE;
    return { kind: 'address', negated, text: `${address.text}/${prefix.text}`, address, prefix, start, end: prefix.end };
  }
  return st.fail(HOST_START);
}

/** `ipspec`: `any`, one host, or a (nested) host list. */
export function hostSpec(st: ParseState): PfList<PfHost> {
  return list(st, hostItem, true);
}

/** A port/user/group item; `ports` splits `P:Q` words and validates numeric ports. */
export function portItem(st: ParseState, ports = true): PfPort {
  if (!ports) return portItemBuilt(st, false);
  if (!st.build && plainPort(st)) return NO_NODE;
  // Built even in compact mode: the port checks read its words.
  return st.built(() => portItemBuilt(st, true));
}

/**
 * Compact mode's path for the usual port item, a bare number or name (`80`,
 * `https`): the same check as `checkPort` on the token itself. Anything else
 * (operators, `P:Q`, `P >< Q`, quoted) returns false untouched for the general path.
 */
function plainPort(st: ParseState): boolean {
  const k = st.nextKind();
  if (k !== Tok.Number && k !== Tok.Word) return false;
  const second = st.secondKw();
  if (second === '<>' || second === '><' || st.colonIn(st.next()) > 0) return false;
  const t = st.skip();
  if (k === Tok.Number && (st.tokens.refAt(t) !== 0 || st.endOf(t) - st.startOf(t) > 4 || st.text.charCodeAt(st.startOf(t)) === 45)) {
    // A number written in the document with at most four digits and no sign is always
    // in range; others (longer, negative, or from a macro) are checked on their text.
    const text = st.tokens.textOf(t);
    const v = Number(text);
    if (v > 65535 || v < 0) st.semanticAt(`illegal port value ${text}`, t, 'port');
  }
  return true;
}

function portItemBuilt(st: ParseState, ports: boolean): PfPort {
  const t = st.peek();
  let op: PfPortOp = '';
  let start = t.start;
  if (t.kind === Tok.Punct && PORT_OPS.has(t.text)) {
    op = t.text as PfPortOp;
    st.skip();
  }
  const value = op ? st.expectValue() : st.expectValue(PORT_OP_LIST);
  if (!op) start = value.start;
  const p: PfPort = { op, text: op ? `${op} ${value.text}` : value.text, value, start, end: value.end };
  const n = st.peek();
  if (!op && n.kind === Tok.Punct && (n.text === '<>' || n.text === '><')) {
    st.skip();
    p.op = n.text as PfPortOp;
    p.value2 = st.expectValue();
    p.end = p.value2.end;
    p.text = `${value.text} ${n.text} ${p.value2.text}`;
  }
  if (ports) checkPort(st, p);
  return p;
}

/** pfctl's parseport() range checks on literal numbers (names need /etc/services); `star` allows `P:*`. */
export function checkPort(st: ParseState, p: PfPort, star = false): void {
  const colon = p.value.text.indexOf(':');
  if (colon > 0 && !p.value.quoted && p.op === '') {
    p.op = ':';
    p.low = subWord(st, p.value, 0, colon);
    p.high = subWord(st, p.value, colon + 1, p.value.text.length);
    const lo = numeric(p.low.text);
    const hi = numeric(p.high.text);
    if (lo !== undefined && hi !== undefined && lo > hi) st.semantic('invalid port range', p.value, 'port');
    else if (!(star && p.high.text === '*')) {
      for (const part of [p.low, p.high]) {
        const v = numeric(part.text);
        if (v !== undefined && v > 65535) st.semantic(`illegal port value ${v}`, part, 'port');
      }
    }
    return;
  }
  checkPortValue(st, p.value);
  if (p.value2) checkPortValue(st, p.value2);
}

function checkPortValue(st: ParseState, w: PfWord): void {
  if (!w.number) return;
  const v = Number(w.text);
  if (v > 65535 || v < 0) st.semantic(`illegal port value ${w.text}`, w, 'port');
}

function numeric(s: string): number | undefined {
  if (s.length === 0 || s.length > 10) return undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return Number(s);
}

/** `portspec` after the `port` keyword. */
export function portSpec(st: ParseState): PfList<PfPort> {
  return list(st, portOnly);
}

function portOnly(st: ParseState): PfPort {
  return portItem(st);
}

/** A STRING or NUMBER list item (`proto`, `os` items); module-level so no closure is made per list. */
export function valueItem(st: ParseState): PfWord {
  return st.expectValue(LIST_START);
}
const LIST_START = ['{'];

/**
 * `from`/`to` with addresses and/or `port`. Built once its parts are known, one
 * literal per combination (same keys in the same order as adding them one by
 * one), so no endpoint needs a separate property store.
 */
function endpoint(st: ParseState): PfEndpoint {
  const keyword = st.takeWord();
  let hosts: PfList<PfHost> | undefined;
  if (!st.isKw('port')) hosts = st.isKw('any') ? list(st, hostItem) : hostSpec(st);
  if (!st.isKw('port')) {
    if (hosts === undefined) return { keyword, start: keyword.start, end: keyword.end };
    return { keyword, start: keyword.start, end: hosts.end, hosts };
  }
  const portKeyword = st.takeWord();
  const ports = portSpec(st);
  if (hosts === undefined) return { keyword, start: keyword.start, end: ports.end, portKeyword, ports };
  return { keyword, start: keyword.start, end: ports.end, hosts, portKeyword, ports };
}

/** `fromto`: `all` | `[from …] [os …] [to …]`. */
export function fromTo(st: ParseState, rule: PfRuleBase, allowOs = true): void {
  if (st.isKw('all')) {
    rule.all = st.takeWord();
    return;
  }
  if (st.isKw('from')) rule.from = endpoint(st);
  if (allowOs && st.isKw('os')) {
    const keyword = st.takeWord();
    const items = list(st, valueItem);
    rule.os = { keyword, items, ...spanOf(keyword, items) };
  }
  if (st.isKw('to')) rule.to = endpoint(st);
}

/** `log` / `log (all, matches, user, to pflogN)`. */
export function logSpec(st: ParseState): PfLog {
  const keyword = st.takeWord();
  const log: PfLog = { keyword, options: [], start: keyword.start, end: keyword.end };
  if (!st.isPunct('(')) return log;
  st.skip();
  for (;;) {
    const k = st.nextKind();
    const kw = st.nextKw();
    if (k === Tok.Keyword && (kw === 'all' || kw === 'matches' || kw === 'user' || kw === 'group')) log.options.push(st.takeWord());
    else if (k === Tok.Keyword && kw === 'to') {
      log.options.push(st.takeWord());
      if (!st.isString()) st.fail(['pflog0']);
      const to = st.skip();
      log.to = st.wordAt(to);
      st.noteInterface(to);
    } else st.fail(['all', 'matches', 'user', 'to']);
    if (st.isPunct(')')) break;
    st.acceptPunct(',');
  }
  log.end = st.endOf(st.skip());
  return log;
}
