import type { ParseState } from './state';
import { CHAR_CLASS, C_DIGIT, keywordId, punctId, Tok, type TokenStore } from './tokens';
import { advance, GIVE_UP, idOf, isString, isValue, takeIf, times } from './fast-read';

/** The fast path's lists and their items (fast-filter.ts): interfaces, protocols, hosts, ports, users, icmp types. */

/**
 * `item` or `{ item [,] item … }` on one line: the number of items, or
 * GIVE_UP. Newlines inside the braces, nested lists, an empty list and a
 * comma before `}` are left to the general path.
 */
export function list(st: ParseState, tk: TokenStore, kind: Item): number {
  if (idOf(st, tk) !== OPEN_BRACE) return item(st, tk, kind) ? 1 : GIVE_UP;
  st.skip();
  let n = 0;
  for (;;) {
    const id = idOf(st, tk);
    if (id === CLOSE_BRACE) break;
    if (id === OPEN_BRACE || !item(st, tk, kind)) return GIVE_UP;
    n++;
    if (idOf(st, tk) === COMMA) {
      st.skip();
      if (idOf(st, tk) === CLOSE_BRACE) return GIVE_UP;
    }
  }
  if (n === 0) return GIVE_UP;
  st.skip();
  return n;
}

/** What a list holds; a switch rather than a callback keeps each call direct. */
export const enum Item {
  Interface,
  Value,
  Host,
  Port,
  User,
  Icmp,
}

function item(st: ParseState, tk: TokenStore, kind: Item): boolean {
  switch (kind) {
    case Item.Interface:
      return interfaceItem(st, tk);
    case Item.Value:
      return valueItem(st, tk);
    case Item.Host:
      return hostItem(st, tk);
    case Item.Port:
      return portItem(st, tk);
    case Item.User:
      return userItem(st, tk);
    default:
      return icmpItem(st, tk);
  }
}

/** A `user`/`group` item (`portItem` without port checks): `[op] V` or `V <> V` / `V >< V`, names or numbers, never checked. */
function userItem(st: ParseState, tk: TokenStore): boolean {
  const op = idOf(st, tk);
  if (op === EQUAL || op === NOT_EQUAL || op === LESS || op === LESS_EQUAL || op === GREATER || op === GREATER_EQUAL) {
    st.skip();
    return takeIf(st, isValue(st, tk));
  }
  if (!isValue(st, tk)) return false;
  const after = advance(st, tk);
  if (after !== RANGE_EXCLUSIVE && after !== RANGE_INCLUSIVE) return true;
  st.skip();
  return takeIf(st, isValue(st, tk));
}

/** An `icmp-type` item (`icmpItem`): `T` or `T code C`. */
function icmpItem(st: ParseState, tk: TokenStore): boolean {
  if (!isValue(st, tk)) return false;
  if (advance(st, tk) !== CODE) return true;
  st.skip();
  return takeIf(st, isValue(st, tk));
}

/** An interface name (`ifItem`), not negated. */
function interfaceItem(st: ParseState, tk: TokenStore): boolean {
  if (!isString(st, tk) && idOf(st, tk) !== ANY) return false;
  st.noteInterface(st.skip());
  return true;
}

/** A `proto` item (`valueItem`). */
function valueItem(st: ParseState, tk: TokenStore): boolean {
  if (!isValue(st, tk)) return false;
  st.skip();
  return true;
}

/** `on IF…` (`onSpec`) when it is next: `expansion` times the list's length, or GIVE_UP. */
export function onList(st: ParseState, tk: TokenStore, expansion: number): number {
  if (idOf(st, tk) !== ON) return expansion;
  st.skip();
  const n = list(st, tk, Item.Interface);
  return n === GIVE_UP ? GIVE_UP : times(expansion, n);
}

/**
 * `[inet|inet6] [proto …] [all | [from …] [to …]]` (`afSpec`, `protoSpec`,
 * `fromTo`), the header's end shared by filter and translation rules:
 * `expansion` times the lists' lengths, or GIVE_UP (`os` among others).
 */
export function afProtoFromTo(st: ParseState, tk: TokenStore, expansion: number): number {
  let id = idOf(st, tk);
  if (id === INET || id === INET6) id = advance(st, tk);
  if (id === PROTO) {
    st.skip();
    const n = list(st, tk, Item.Value);
    if (n === GIVE_UP) return GIVE_UP;
    expansion = times(expansion, n);
    id = idOf(st, tk);
  }
  if (id === ALL) {
    st.skip();
    return expansion;
  }
  if (id === FROM) {
    expansion = endpoint(st, tk, expansion);
    if (expansion === GIVE_UP) return GIVE_UP;
    id = idOf(st, tk);
  }
  if (id === OS) return GIVE_UP;
  return id === TO ? endpoint(st, tk, expansion) : expansion;
}

/** `from`/`to` with hosts and/or ports (`endpoint`): the expansion count times their lengths, or GIVE_UP. */
export function endpoint(st: ParseState, tk: TokenStore, expansion: number): number {
  st.skip();
  if (idOf(st, tk) !== PORT) {
    const n = list(st, tk, Item.Host);
    if (n === GIVE_UP) return GIVE_UP;
    expansion = times(expansion, n);
  }
  if (idOf(st, tk) !== PORT) return expansion;
  st.skip();
  const n = list(st, tk, Item.Port);
  return n === GIVE_UP ? GIVE_UP : times(expansion, n);
}

/** A host (`hostItem`): `[!]` any, no-route, urpf-failed, `<table>`, `(if)`, `(if)/N`, `addr`, `addr/N`, `N/N`. */
function hostItem(st: ParseState, tk: TokenStore): boolean {
  if (idOf(st, tk) === BANG) st.skip();
  const id = idOf(st, tk);
  if (id === ANY || id === NO_ROUTE || id === URPF_FAILED) {
    st.skip();
    return true;
  }
  if (id === LESS) {
    const lt = st.skip();
    if (!isString(st, tk)) return false;
    st.skip();
    if (idOf(st, tk) !== GREATER) return false;
    st.skip();
    st.noteTableRef(lt);
    return true;
  }
  if (id === OPEN_PAREN) {
    st.skip();
    if (!isString(st, tk)) return false;
    st.skip();
    if (idOf(st, tk) !== CLOSE_PAREN) return false;
    st.skip();
    if (idOf(st, tk) !== SLASH) return true;
    st.skip();
    return prefixLength(st, tk);
  }
  const k = tk.kindAt(st.next());
  if (k === Tok.Word || k === Tok.Quoted) {
    const after = advance(st, tk);
    if (after === MINUS) {
      // `a - b`, an address range.
      st.skip();
      return takeIf(st, isString(st, tk));
    }
    if (after !== SLASH) return true;
    st.skip();
    return prefixLength(st, tk);
  }
  if (k !== Tok.Number) return false;
  st.skip();
  if (idOf(st, tk) !== SLASH) return false;
  st.skip();
  return prefixLength(st, tk);
}

function prefixLength(st: ParseState, tk: TokenStore): boolean {
  if (tk.kindAt(st.next()) !== Tok.Number) return false;
  st.skip();
  return true;
}

/**
 * A port (`portItem`): a name or a number within 0–65535 (`plainPort`), a
 * `P:Q` range of two such numbers with P ≤ Q, `op P` or `P <> Q` / `P >< Q`
 * with numbers in range (`checkPort`). Quoted ports and anything `checkPort`
 * could complain about give up.
 */
function portItem(st: ParseState, tk: TokenStore): boolean {
  const op = idOf(st, tk);
  if (op === EQUAL || op === NOT_EQUAL || op === LESS || op === LESS_EQUAL || op === GREATER || op === GREATER_EQUAL) {
    st.skip();
    return portValue(st, tk);
  }
  const t = st.next();
  const k = tk.kindAt(t);
  if (k !== Tok.Number && k !== Tok.Word) return false;
  let colon = -1;
  if (k === Tok.Number) {
    if (numberPort(st, tk, t) < 0) return false;
  } else {
    colon = st.colonIn(t);
    if (colon > 0 && !portRange(st, tk, t, colon, false)) return false;
  }
  const after = advance(st, tk);
  if (after !== RANGE_EXCLUSIVE && after !== RANGE_INCLUSIVE) return true;
  // `P <> Q` / `P >< Q`: P is not split at a colon there, so one with a colon is left to the general path.
  if (colon >= 0) return false;
  st.skip();
  return portValue(st, tk);
}

/**
 * The target after `nat-to`/`rdr-to`/`binat-to` or `->` (`redirect`): hosts,
 * then optionally `port` with a name, a number within 0–65535 or a range
 * (`targetPortWord`), then pool options without values that `checkPool`
 * does not read (their checks need the tree: semantics.ts
 * `ruleNeedsChecks`). A pool does not multiply the rule's expansion. Nested
 * lists and other options give up.
 */
export function translationTarget(st: ParseState, tk: TokenStore): boolean {
  if (list(st, tk, Item.Host) === GIVE_UP) return false;
  if (idOf(st, tk) === PORT) {
    st.skip();
    const t = st.next();
    const k = tk.kindAt(t);
    if (k === Tok.Number) {
      if (numberPort(st, tk, t) < 0) return false;
    } else if (k !== Tok.Word || !targetPortWord(st, tk, t)) return false;
    st.skip();
  }
  for (;;) {
    const id = idOf(st, tk);
    if (id !== ROUND_ROBIN && id !== RANDOM && id !== STICKY_ADDRESS && id !== ENDPOINT_INDEPENDENT && id !== PREFER_IPV6_NEXTHOP) return true;
    st.skip();
  }
}

/**
 * A target's port word (`checkPort` with `P:*` allowed): a name, `P:Q` of
 * numbers within 0–65535 with P ≤ Q, or `P:*`. Other colons give up.
 */
function targetPortWord(st: ParseState, tk: TokenStore, t: number): boolean {
  const colon = st.colonIn(t);
  return colon < 0 || (colon > 0 && portRange(st, tk, t, colon, true));
}

/**
 * Word `t` as `P:Q` (its colon at `colon`), as `checkPort` takes it without
 * a message: numbers within 0–65535 with P ≤ Q, or with `star` also `P:*`.
 */
function portRange(st: ParseState, tk: TokenStore, t: number, colon: number, star: boolean): boolean {
  const lo = partPort(st, tk, t, 0, colon);
  if (lo < 0) return false;
  if (star) {
    const text = tk.textOf(t); // rare: no need to spare the substring
    if (text.length === colon + 2 && text.charCodeAt(colon + 1) === 42) return true;
  }
  return partPort(st, tk, t, colon + 1, WORD_END) >= lo;
}

/** `partPort`'s `to` for "the end of the word". */
const WORD_END = -1;

/**
 * The port number spelled by characters [from, to) of word `t` (see
 * `portNumber`; `to` WORD_END: to its end): read in the document when the
 * word is the document's text (no substring), else in its text. (A word
 * from a macro spans its `$name` in the document, not its own length.)
 */
function partPort(st: ParseState, tk: TokenStore, t: number, from: number, to: number): number {
  if (tk.refAt(t) !== 0) {
    const text = tk.textOf(t);
    return portNumber(text, from, to === WORD_END ? text.length : to);
  }
  const start = tk.startAt(t);
  return portNumber(st.text, start + from, to === WORD_END ? tk.endAt(t) : start + to);
}

/** The value of NUMBER token `t` as a port (see `portNumber`), read in place when it is the document's text. */
function numberPort(st: ParseState, tk: TokenStore, t: number): number {
  if (tk.refAt(t) === 0) return portNumber(st.text, tk.startAt(t), tk.endAt(t));
  const text = tk.textOf(t);
  return portNumber(text, 0, text.length);
}

/** A port after an operator (`checkPortValue`): a name, or a number within 0–65535. */
function portValue(st: ParseState, tk: TokenStore): boolean {
  const t = st.next();
  const k = tk.kindAt(t);
  if (k === Tok.Number) {
    if (numberPort(st, tk, t) < 0) return false;
  } else if (k !== Tok.Word) return false;
  st.skip();
  return true;
}

/** The port number spelled by `s[from, to)` when it is 1–5 digits within 65535, else -1. */
function portNumber(s: string, from: number, to: number): number {
  if (to <= from || to - from > 5) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || !(CHAR_CLASS[c] & C_DIGIT)) return -1;
    v = v * 10 + c - 48;
  }
  return v <= 65535 ? v : -1;
}

const [PORT, ANY, NO_ROUTE, URPF_FAILED, CODE] = ['port', 'any', 'no-route', 'urpf-failed', 'code'].map(keywordId);
const [ON, INET, INET6, PROTO, ALL, FROM, OS, TO] = ['on', 'inet', 'inet6', 'proto', 'all', 'from', 'os', 'to'].map(keywordId);
const [ROUND_ROBIN, RANDOM, STICKY_ADDRESS, ENDPOINT_INDEPENDENT, PREFER_IPV6_NEXTHOP] = ['round-robin', 'random', 'sticky-address', 'endpoint-independent', 'prefer-ipv6-nexthop'].map(keywordId);
const [OPEN_BRACE, CLOSE_BRACE, OPEN_PAREN, CLOSE_PAREN, COMMA, BANG, LESS, GREATER, SLASH, MINUS] = ['{', '}', '(', ')', ',', '!', '<', '>', '/', '-'].map(punctId);
const [EQUAL, NOT_EQUAL, LESS_EQUAL, GREATER_EQUAL, RANGE_EXCLUSIVE, RANGE_INCLUSIVE] = ['=', '!=', '<=', '>=', '<>', '><'].map(punctId);
