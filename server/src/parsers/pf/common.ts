import type { PfEndpoint, PfHost, PfInterface, PfList, PfLog, PfPort, PfPortOp, PfWord } from './ast-parts';
import type { PfRuleBase } from './ast';
import { ParseState, spanOf, word } from './state';
import { Tok } from './tokens';

/**
 * Productions shared by several statement families (parse.y: `interface`,
 * `ipspec`/`host`, `portspec`, `fromto`, `logquick`), each recording exact spans.
 */

export const HOST_START = ['any', 'no-route', 'urpf-failed', 'self', '!', '<', '(', '{'];
const PORT_OPS = new Set(['=', '!=', '<', '<=', '>', '>=']);

/**
 * `item` or `{ item [,] item … }` with newlines allowed inside the braces.
 * With `nested`, an item may itself be a braced list (host lists), flattened.
 */
export function list<T>(st: ParseState, item: (st: ParseState) => T & { end: number; start: number }, nested = false): PfList<T> {
  if (!st.isPunct('{')) {
    const one = item(st);
    return { items: [one], braced: false, start: one.start, end: one.end };
  }
  const open = st.take();
  st.enter();
  const items: T[] = [];
  st.optNl();
  while (!st.isPunct('}')) {
    if (nested && st.isPunct('{')) {
      const inner = list(st, item, true);
      for (const x of inner.items) items.push(x);
    } else items.push(item(st));
    st.optNl();
    if (st.acceptPunct(',')) {
      st.optNl();
      if (st.isPunct('}')) st.fail(['{']);
    }
  }
  const close = st.take();
  st.leave();
  return { items, braced: true, start: open.start, end: close.end };
}

/** An interface item (`if_item_not`): `[!] name`. */
export function ifItem(st: ParseState): PfInterface {
  const bang = st.isPunct('!') ? st.take() : undefined;
  const t = st.peek();
  if (!(t.kind === Tok.Word || t.kind === Tok.Quoted || (t.kind === Tok.Keyword && t.text === 'any'))) st.fail(['!', '{']);
  const name = word(st.take());
  st.file.interfaces.push(name);
  return { name, negated: bang !== undefined, dynamic: false, start: bang ? bang.start : name.start, end: name.end };
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
    if (st.text.slice(inner, inner + w.text.length) === w.text) {
      start = inner + from;
      end = inner + to;
    }
  }
  return { text, start, end, quoted: w.quoted, number: false };
}

/** One address (`xhost`/`host`): any, no-route, urpf-failed, `<table>`, `(if)[/N]`, `a - b`, `addr[/N]`. */
export function hostItem(st: ParseState): PfHost {
  const bang = st.isPunct('!') ? st.take() : undefined;
  const negated = bang !== undefined;
  const t = st.peek();
  const start = bang ? bang.start : t.start;
  if (t.kind === Tok.Keyword && (t.text === 'any' || t.text === 'no-route' || t.text === 'urpf-failed')) {
    const w = word(st.take());
    return { kind: t.text as PfHost['kind'], negated, text: t.text, address: w, start, end: w.end };
  }
  if (t.kind === Tok.Punct && t.text === '<') {
    st.take();
    const name = st.expectString(['<table name>']);
    const close = st.expectPunct('>');
    st.file.tableRefs.push({ name: name.text, nameWord: name, start: t.start, end: close.end });
    return { kind: 'table', negated, text: `<${name.text}>`, table: name, start, end: close.end };
  }
  if (t.kind === Tok.Punct && t.text === '(') {
    st.take();
    const inner = st.expectString(['<interface>']);
    let end = st.expectPunct(')').end;
    const host: PfHost = { kind: 'dynamic', negated, text: `(${inner.text})`, interface: inner, start, end };
    if (st.isPunct('/')) {
      st.take();
      host.prefix = st.expectNumber(['<prefix length>']);
      end = host.prefix.end;
      host.text += `/${host.prefix.text}`;
    }
    host.end = end;
    return host;
  }
  if (t.kind === Tok.Word || t.kind === Tok.Quoted) {
    const address = word(st.take());
    if (st.isPunct('-')) {
      st.take();
      const rangeEnd = st.expectString(['<address>']);
      return { kind: 'range', negated, text: `${address.text} - ${rangeEnd.text}`, address, rangeEnd, start, end: rangeEnd.end };
    }
    if (st.isPunct('/')) {
      st.take();
      const prefix = st.expectNumber(['<prefix length>']);
      return { kind: 'address', negated, text: `${address.text}/${prefix.text}`, address, prefix, start, end: prefix.end };
    }
    const kind = address.text === 'self' ? 'self' : address.text.includes(' - ') ? 'range' : 'address';
    return { kind, negated, text: address.text, address, start, end: address.end };
  }
  if (t.kind === Tok.Number) {
    const address = word(st.take());
    st.expectPunct('/', ['/']);
    const prefix = st.expectNumber(['<prefix length>']);
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
  const t = st.peek();
  let op: PfPortOp = '';
  let start = t.start;
  if (t.kind === Tok.Punct && PORT_OPS.has(t.text)) {
    op = t.text as PfPortOp;
    st.take();
  }
  const value = st.expectValue(op ? [] : ['=', '!=', '<', '<=', '>', '>=']);
  if (!op) start = value.start;
  const p: PfPort = { op, text: op ? `${op} ${value.text}` : value.text, value, start, end: value.end };
  const n = st.peek();
  if (!op && n.kind === Tok.Punct && (n.text === '<>' || n.text === '><')) {
    st.take();
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
  for (const w of p.value2 ? [p.value, p.value2] : [p.value]) {
    const v = w.number ? Number(w.text) : undefined;
    if (v !== undefined && (v > 65535 || v < 0)) st.semantic(`illegal port value ${w.text}`, w, 'port');
  }
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
  return list(st, (s) => portItem(s));
}

/** `from`/`to` with addresses and/or `port`. */
function endpoint(st: ParseState): PfEndpoint {
  const keyword = word(st.take());
  const ep: PfEndpoint = { keyword, start: keyword.start, end: keyword.end };
  if (!st.isKw('port')) {
    ep.hosts = st.isKw('any') ? list(st, hostItem) : hostSpec(st);
    ep.end = ep.hosts.end;
  }
  if (st.isKw('port')) {
    ep.portKeyword = word(st.take());
    ep.ports = portSpec(st);
    ep.end = ep.ports.end;
  }
  return ep;
}

/** `fromto`: `all` | `[from …] [os …] [to …]`. */
export function fromTo(st: ParseState, rule: PfRuleBase, allowOs = true): void {
  if (st.isKw('all')) {
    rule.all = word(st.take());
    return;
  }
  if (st.isKw('from')) rule.from = endpoint(st);
  if (allowOs && st.isKw('os')) {
    const keyword = word(st.take());
    const items = list(st, (s) => s.expectValue(['{']));
    rule.os = { keyword, items, ...spanOf(keyword, items) };
  }
  if (st.isKw('to')) rule.to = endpoint(st);
}

/** `log` / `log (all, matches, user, to pflogN)`. */
export function logSpec(st: ParseState): PfLog {
  const keyword = word(st.take());
  const log: PfLog = { keyword, options: [], start: keyword.start, end: keyword.end };
  if (!st.isPunct('(')) return log;
  st.take();
  for (;;) {
    const t = st.peek();
    if (t.kind === Tok.Keyword && (t.text === 'all' || t.text === 'matches' || t.text === 'user' || t.text === 'group')) log.options.push(word(st.take()));
    else if (t.kind === Tok.Keyword && t.text === 'to') {
      log.options.push(word(st.take()));
      log.to = st.expectString(['pflog0']);
      st.file.interfaces.push(log.to);
    } else st.fail(['all', 'matches', 'user', 'to']);
    if (st.isPunct(')')) break;
    st.acceptPunct(',');
  }
  log.end = st.take().end;
  return log;
}
