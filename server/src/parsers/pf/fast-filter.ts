import { MAX_RULE_EXPANSION } from './semantics';
import type { ParseState } from './state';
import { CHAR_CLASS, C_DIGIT, keywordId, punctId, Tok, type TokenStore } from './tokens';

/**
 * The fast path of compact mode for the pass/block/match rules most rulesets
 * are made of (docs/design/pf-compact-parse.md, "fast path").
 *
 * It reads a rule of the common shapes over token ids, with no probing, no
 * expected-keyword bookkeeping and no allocation, and accepts it only when
 * the general productions (filter.ts, common.ts, filter-opts.ts,
 * state-opts.ts) would accept it with no error, no semantic message and no
 * need for the built tree, recording the same index entries (`on`
 * interfaces, `<table>` uses). Anything else — an unusual shape, a doubtful
 * value, a token it does not know — makes it give up: the statement is read
 * again from its first token by the general productions, which report what
 * is wrong. So it may decline a valid rule but must never accept a rule the
 * general path would treat differently; compact.test.ts compares the two on
 * the corpus, on generated rules and on random mutations.
 */
export function fastFilterRule(st: ParseState): FastRead {
  const first = st.next();
  const last = st.lastTokNumber;
  const errors = st.lexer.errorCount;
  const interfaces = st.interfaceItems.length;
  const tableRefs = st.tableRefItems.length;
  const read = readRule(st, st.tokens);
  // A lexer error makes the statement fail where the general path stops, which decides how it recovers.
  if (read === READ_DONE && st.lexer.errorCount === errors) return READ_DONE;
  // The general path records the index entries again.
  st.interfaceItems.length = interfaces;
  st.tableRefItems.length = tableRefs;
  st.rewind(first, last);
  return read === READ_DONE ? READ_GAVE_UP : read;
}

/**
 * What `fastFilterRule` did: read the rule; gave up; or gave up on a rule
 * whose checks read its tree (a route, a translation target, past the
 * expansion cap), which the caller may as well read in build mode at once.
 */
export const FastRead = { Done: 0, GaveUp: 1, NeedsTree: 2 } as const;
// The same values as module constants: the compiled module would read `FastRead` through `exports`.
const READ_DONE = FastRead.Done;
const READ_GAVE_UP = FastRead.GaveUp;
const READ_NEEDS_TREE = FastRead.NeedsTree;
export type FastRead = (typeof FastRead)[keyof typeof FastRead];

/** Gives up (see `fastFilterRule`). */
const GIVE_UP = -1;

/** The id of the next token when it is a keyword or an operator (`TokenStore.refAt`), else 0. */
function idOf(st: ParseState, tk: TokenStore): number {
  const t = st.next();
  const k = tk.kindAt(t);
  if (k !== Tok.Keyword && k !== Tok.Punct) return 0;
  const r = tk.refAt(t);
  return r > 0 ? r : 0;
}

/** Consumes the next token; returns the id of the one after it (see `idOf`). */
function advance(st: ParseState, tk: TokenStore): number {
  st.skip();
  return idOf(st, tk);
}

/** Whether the next token is a STRING (a bare non-keyword word or a quoted string). */
function isString(st: ParseState, tk: TokenStore): boolean {
  const k = tk.kindAt(st.next());
  return k === Tok.Word || k === Tok.Quoted;
}

function isValue(st: ParseState, tk: TokenStore): boolean {
  const k = tk.kindAt(st.next());
  return k === Tok.Word || k === Tok.Quoted || k === Tok.Number;
}

function atEnd(st: ParseState, tk: TokenStore): boolean {
  const k = tk.kindAt(st.next());
  return k === Tok.Newline || k === Tok.Eof;
}

function readRule(st: ParseState, tk: TokenStore): FastRead {
  // `id` is always the next token's id: each part reads it once.
  const action = idOf(st, tk);
  if (action !== PASS && action !== BLOCK && action !== MATCH) return READ_GAVE_UP;
  let id = advance(st, tk);
  if (action === BLOCK && (id === DROP || id === RETURN || id === RETURN_RST || id === RETURN_ICMP || id === RETURN_ICMP6)) {
    const policy = id;
    id = advance(st, tk);
    if (policy !== DROP && policy !== RETURN && id === OPEN_PAREN) {
      if (!policyArguments(st, tk, policy)) return READ_GAVE_UP;
      id = idOf(st, tk);
    }
  }
  if (id === IN || id === OUT) id = advance(st, tk);
  // `log` and `quick` in either order, each at most once (`dirLogQuick`).
  if (id === LOG) {
    id = advance(st, tk);
    if (id === OPEN_PAREN && !logOptions(st, tk)) return READ_GAVE_UP;
    id = idOf(st, tk);
    if (id === QUICK) id = advance(st, tk);
  } else if (id === QUICK) {
    id = advance(st, tk);
    if (id === LOG) {
      id = advance(st, tk);
      if (id === OPEN_PAREN && !logOptions(st, tk)) return READ_GAVE_UP;
      id = idOf(st, tk);
    }
  }
  let expansion = 1;
  if (id === ON) {
    st.skip();
    const n = list(st, tk, Item.Interface);
    if (n === GIVE_UP) return READ_GAVE_UP;
    expansion = times(expansion, n);
    id = idOf(st, tk);
  }
  // A route is checked on the built rule (`needsTreeChecks`).
  if (id === ROUTE_TO || id === REPLY_TO || id === DUP_TO || id === FASTROUTE) return READ_NEEDS_TREE;
  if (id === INET || id === INET6) id = advance(st, tk);
  if (id === PROTO) {
    st.skip();
    const n = list(st, tk, Item.Value);
    if (n === GIVE_UP) return READ_GAVE_UP;
    expansion = times(expansion, n);
    id = idOf(st, tk);
  }
  if (id === ALL) st.skip();
  else {
    if (id === FROM) {
      expansion = endpoint(st, tk, expansion);
      if (expansion === GIVE_UP) return READ_GAVE_UP;
      id = idOf(st, tk);
    }
    if (id === OS) return READ_GAVE_UP;
    if (id === TO) {
      expansion = endpoint(st, tk, expansion);
      if (expansion === GIVE_UP) return READ_GAVE_UP;
    }
  }
  // Options in any order; list options multiply the expansion like the
  // rule's lists, except that only the first icmp-type list counts (`finish`).
  let icmp = 0;
  while (!atEnd(st, tk)) {
    const option = idOf(st, tk);
    if (option === ICMP_TYPE || option === ICMP6_TYPE) {
      st.skip();
      const n = list(st, tk, Item.Icmp);
      if (n === GIVE_UP) return READ_GAVE_UP;
      if (icmp === 0) icmp = n;
    } else {
      const n = filterOption(st, tk, option);
      if (n < 0) return n === TREE_OPTION ? READ_NEEDS_TREE : READ_GAVE_UP;
      expansion = times(expansion, n);
    }
  }
  expansion = times(expansion, icmp);
  // Past the cap the general path builds the rule for its checks.
  return expansion <= MAX_RULE_EXPANSION ? READ_DONE : READ_NEEDS_TREE;
}

/** `n` times a list length (lists of 0 or 1 do not multiply), as `finish` counts. */
function times(n: number, k: number): number {
  return k > 1 ? Math.min(n * k, Number.MAX_SAFE_INTEGER) : n;
}

/**
 * `item` or `{ item [,] item … }` on one line: the number of items, or
 * GIVE_UP. Newlines inside the braces, nested lists, an empty list and a
 * comma before `}` are left to the general path.
 */
function list(st: ParseState, tk: TokenStore, kind: Item): number {
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
const enum Item {
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

/** A `user`/`group` item (`userItem`) without an operator or a range: a name or a number, never checked. */
function userItem(st: ParseState, tk: TokenStore): boolean {
  if (!isValue(st, tk)) return false;
  const after = advance(st, tk);
  return after !== RANGE_EXCLUSIVE && after !== RANGE_INCLUSIVE;
}

/** An `icmp-type` item (`icmpItem`): `T` or `T code C`. */
function icmpItem(st: ParseState, tk: TokenStore): boolean {
  if (!isValue(st, tk)) return false;
  if (advance(st, tk) !== CODE) return true;
  st.skip();
  return takeIf(st, isValue(st, tk));
}

/** `( … )` after a block policy other than drop and return (`blockPolicy`), from its `(` through its `)`. */
function policyArguments(st: ParseState, tk: TokenStore, policy: number): boolean {
  st.skip();
  if (policy === RETURN_RST) {
    if (idOf(st, tk) !== TTL) return false;
    st.skip();
    if (tk.kindAt(st.next()) !== Tok.Number) return false;
    st.skip();
  } else {
    if (!isValue(st, tk)) return false;
    let id = advance(st, tk);
    if (id === COMMA) id = advance(st, tk);
    if (id !== CLOSE_PAREN && policy === RETURN_ICMP) {
      if (!isValue(st, tk)) return false;
      st.skip();
    }
  }
  return takeIf(st, idOf(st, tk) === CLOSE_PAREN);
}

/** `( all, matches, user, group, to IF … )` after `log` (`logSpec`), from its `(` through its `)`. */
function logOptions(st: ParseState, tk: TokenStore): boolean {
  st.skip();
  for (;;) {
    const id = idOf(st, tk);
    if (id === ALL || id === MATCHES || id === USER || id === GROUP) st.skip();
    else if (id === TO) {
      st.skip();
      if (!isString(st, tk)) return false;
      st.noteInterface(st.skip());
    } else return false;
    const after = idOf(st, tk);
    if (after === CLOSE_PAREN) {
      st.skip();
      return true;
    }
    if (after === COMMA) st.skip();
  }
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

/** `from`/`to` with hosts and/or ports (`endpoint`): the expansion count times their lengths, or GIVE_UP. */
function endpoint(st: ParseState, tk: TokenStore, expansion: number): number {
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
    if (colon > 0) {
      const text = tk.textOf(t);
      const lo = portNumber(text, 0, colon);
      const hi = portNumber(text, colon + 1, text.length);
      if (lo < 0 || hi < 0 || lo > hi) return false;
    }
  }
  const after = advance(st, tk);
  if (after !== RANGE_EXCLUSIVE && after !== RANGE_INCLUSIVE) return true;
  // `P <> Q` / `P >< Q`: P is not split at a colon there, so one with a colon is left to the general path.
  if (colon >= 0) return false;
  st.skip();
  return portValue(st, tk);
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

/**
 * One filter option (`filterOpt`) of the common ones, `id` being its keyword:
 * the length of its list (1 for options without one), GIVE_UP, or
 * TREE_OPTION (a translation target, not read).
 */
function filterOption(st: ParseState, tk: TokenStore, id: number): number {
  switch (id) {
    case FLAGS:
      st.skip();
      if (idOf(st, tk) === ANY) {
        st.skip();
        return 1;
      }
      if (idOf(st, tk) !== SLASH) {
        if (!isString(st, tk)) return GIVE_UP;
        st.skip();
      }
      if (idOf(st, tk) !== SLASH) return GIVE_UP;
      st.skip();
      return takeIf(st, isString(st, tk)) ? 1 : GIVE_UP;
    case LABEL:
    case TAG:
    case TAGGED:
    case TOS:
    case PROBABILITY:
    case RIDENTIFIER:
      st.skip();
      return takeIf(st, isValue(st, tk)) ? 1 : GIVE_UP;
    case PRIO:
    case RTABLE:
    case MAX_PKT_SIZE:
      st.skip();
      return takeIf(st, tk.kindAt(st.next()) === Tok.Number) ? 1 : GIVE_UP;
    case QUEUE:
    case DNPIPE:
    case DNQUEUE:
      return oneOrPair(st, tk) ? 1 : GIVE_UP;
    case KEEP:
    case MODULATE:
    case SYNPROXY:
      st.skip();
      if (idOf(st, tk) !== STATE) return GIVE_UP;
      st.skip();
      if (idOf(st, tk) !== OPEN_PAREN) return 1;
      st.skip();
      return stateOptions(st, tk) ? 1 : GIVE_UP;
    case NO:
      st.skip();
      return takeIf(st, idOf(st, tk) === STATE) ? 1 : GIVE_UP;
    case FRAGMENT:
    case ALLOW_OPTS:
    case ONCE:
      st.skip();
      return 1;
    case USER:
    case GROUP:
      st.skip();
      return list(st, tk, Item.User);
    case RECEIVED_ON: {
      st.skip();
      if (!isString(st, tk) && idOf(st, tk) !== ANY) return GIVE_UP;
      st.noteInterface(st.skip());
      return 1;
    }
    case DIVERT_TO:
      st.skip();
      if (!isValue(st, tk)) return GIVE_UP;
      if (advance(st, tk) !== PORT) return 1;
      st.skip();
      return takeIf(st, isValue(st, tk)) ? 1 : GIVE_UP;
    case MAX_PKT_RATE:
      st.skip();
      if (tk.kindAt(st.next()) !== Tok.Number || advance(st, tk) !== SLASH) return GIVE_UP;
      st.skip();
      return takeIf(st, tk.kindAt(st.next()) === Tok.Number) ? 1 : GIVE_UP;
    case NAT_TO:
    case RDR_TO:
    case BINAT_TO:
    case AF_TO:
      // Translation targets are checked on the built rule (`needsTreeChecks`).
      return TREE_OPTION;
    default:
      return GIVE_UP;
  }
}

/** `filterOption`'s answer for an option whose checks read the built rule. */
const TREE_OPTION = -2;

/** `V` or `( V [,] [V] )` (`oneOrPair`), after the option's keyword. */
function oneOrPair(st: ParseState, tk: TokenStore): boolean {
  if (advance(st, tk) !== OPEN_PAREN) return takeIf(st, isValue(st, tk));
  st.skip();
  if (!isValue(st, tk)) return false;
  let id = advance(st, tk);
  if (id === COMMA) id = advance(st, tk);
  if (id !== CLOSE_PAREN) {
    if (!isValue(st, tk)) return false;
    st.skip();
  }
  return takeIf(st, idOf(st, tk) === CLOSE_PAREN);
}

/** Consumes the next token when `ok`; returns `ok`. */
function takeIf(st: ParseState, ok: boolean): boolean {
  if (ok) st.skip();
  return ok;
}

/** `( opt, … )` after its `(` (`stateOpts`), through the `)`. */
function stateOptions(st: ParseState, tk: TokenStore): boolean {
  for (;;) {
    const id = idOf(st, tk);
    switch (id) {
      case MAX:
      case MAX_SRC_STATES:
      case MAX_SRC_CONN:
      case MAX_SRC_NODES:
        st.skip();
        if (tk.kindAt(st.next()) !== Tok.Number) return false;
        st.skip();
        break;
      case MAX_SRC_CONN_RATE:
        st.skip();
        if (tk.kindAt(st.next()) !== Tok.Number) return false;
        st.skip();
        if (idOf(st, tk) !== SLASH) return false;
        st.skip();
        if (tk.kindAt(st.next()) !== Tok.Number) return false;
        st.skip();
        break;
      case OVERLOAD: {
        st.skip();
        if (idOf(st, tk) !== LESS) return false;
        const lt = st.skip();
        if (!isString(st, tk)) return false;
        st.skip();
        if (idOf(st, tk) !== GREATER) return false;
        st.skip();
        st.noteTableRef(lt);
        if (idOf(st, tk) === FLUSH) {
          st.skip();
          if (idOf(st, tk) === GLOBAL) st.skip();
        }
        break;
      }
      case SOURCE_TRACK: {
        st.skip();
        const scope = idOf(st, tk);
        if (scope === RULE || scope === GLOBAL) st.skip();
        break;
      }
      case NO_SYNC:
      case IF_BOUND:
      case FLOATING:
      case SLOPPY:
      case PFLOW:
      case ALLOW_RELATED:
        st.skip();
        break;
      default:
        return false;
    }
    const comma = idOf(st, tk) === COMMA;
    if (comma) st.skip();
    if (idOf(st, tk) === CLOSE_PAREN) {
      if (comma) return false;
      st.skip();
      return true;
    }
  }
}

const [PASS, BLOCK, MATCH, DROP, RETURN, RETURN_RST, RETURN_ICMP, RETURN_ICMP6, IN, OUT, LOG, QUICK, ON, ROUTE_TO, REPLY_TO, DUP_TO, FASTROUTE] = [
  'pass', 'block', 'match', 'drop', 'return', 'return-rst', 'return-icmp', 'return-icmp6', 'in', 'out', 'log', 'quick', 'on', 'route-to', 'reply-to',
  'dup-to', 'fastroute',
].map(keywordId);
const [INET, INET6, PROTO, ALL, FROM, OS, TO, PORT, ANY, NO_ROUTE, URPF_FAILED] = [
  'inet', 'inet6', 'proto', 'all', 'from', 'os', 'to', 'port', 'any', 'no-route', 'urpf-failed',
].map(keywordId);
const [FLAGS, LABEL, TAG, TAGGED, QUEUE, KEEP, MODULATE, SYNPROXY, STATE, NO, FRAGMENT, ALLOW_OPTS, ONCE] = [
  'flags', 'label', 'tag', 'tagged', 'queue', 'keep', 'modulate', 'synproxy', 'state', 'no', 'fragment', 'allow-opts', 'once',
].map(keywordId);
const [TOS, PROBABILITY, RIDENTIFIER, PRIO, RTABLE, MAX_PKT_SIZE, DNPIPE, DNQUEUE, USER, GROUP, RECEIVED_ON, DIVERT_TO, MAX_PKT_RATE] = [
  'tos', 'probability', 'ridentifier', 'prio', 'rtable', 'max-pkt-size', 'dnpipe', 'dnqueue', 'user', 'group', 'received-on', 'divert-to', 'max-pkt-rate',
].map(keywordId);
const [ICMP_TYPE, ICMP6_TYPE, CODE, TTL, MATCHES] = ['icmp-type', 'icmp6-type', 'code', 'ttl', 'matches'].map(keywordId);
const [NAT_TO, RDR_TO, BINAT_TO, AF_TO] = ['nat-to', 'rdr-to', 'binat-to', 'af-to'].map(keywordId);
const [MAX, MAX_SRC_STATES, MAX_SRC_CONN, MAX_SRC_NODES, MAX_SRC_CONN_RATE, OVERLOAD, FLUSH, GLOBAL, SOURCE_TRACK, RULE] = [
  'max', 'max-src-states', 'max-src-conn', 'max-src-nodes', 'max-src-conn-rate', 'overload', 'flush', 'global', 'source-track', 'rule',
].map(keywordId);
const [NO_SYNC, IF_BOUND, FLOATING, SLOPPY, PFLOW, ALLOW_RELATED] = ['no-sync', 'if-bound', 'floating', 'sloppy', 'pflow', 'allow-related'].map(keywordId);
const [OPEN_BRACE, CLOSE_BRACE, OPEN_PAREN, CLOSE_PAREN, COMMA, BANG, LESS, GREATER, SLASH, MINUS] = ['{', '}', '(', ')', ',', '!', '<', '>', '/', '-'].map(punctId);
const [EQUAL, NOT_EQUAL, LESS_EQUAL, GREATER_EQUAL, RANGE_EXCLUSIVE, RANGE_INCLUSIVE] = ['=', '!=', '<=', '>=', '<>', '><'].map(punctId);
