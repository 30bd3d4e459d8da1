import type { ParseState } from './state';
import { keywordId, punctId, Tok, type TokenStore } from './tokens';
import { advance, GIVE_UP, idOf, isString, isValue, takeIf } from './fast-read';
import { Item, list, translationTarget } from './fast-lists';

/** The fast path's filter options, state options, log options and block-policy arguments (fast-filter.ts). */

/**
 * One filter option (`filterOpt`) of the common ones, `id` being its keyword:
 * the length of its list (1 for options without one), or GIVE_UP.
 */
export function filterOption(st: ParseState, tk: TokenStore, id: number): number {
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
    case SET:
      st.skip();
      return setOptions(st, tk) ? 1 : GIVE_UP;
    case NAT_TO:
    case RDR_TO:
    case BINAT_TO:
      st.skip();
      return translationTarget(st, tk) ? 1 : GIVE_UP;
    default:
      // Anything else (af-to among them) is the general path's.
      return GIVE_UP;
  }
}

/** After `set` (`setOpt`): one `prio`/`tos` setting, or `(` settings with optional commas `)`. */
function setOptions(st: ParseState, tk: TokenStore): boolean {
  if (idOf(st, tk) !== OPEN_PAREN) return setting(st, tk);
  st.skip();
  for (;;) {
    if (!setting(st, tk)) return false;
    if (idOf(st, tk) === COMMA) st.skip();
    if (idOf(st, tk) === CLOSE_PAREN) {
      st.skip();
      return true;
    }
  }
}

/** `tos V`, `prio N` or `prio ( N [,] N )`. */
function setting(st: ParseState, tk: TokenStore): boolean {
  const id = idOf(st, tk);
  if (id === TOS) {
    st.skip();
    return takeIf(st, isValue(st, tk));
  }
  if (id !== PRIO) return false;
  if (advance(st, tk) !== OPEN_PAREN) return takeIf(st, tk.kindAt(st.next()) === Tok.Number);
  st.skip();
  if (!takeIf(st, tk.kindAt(st.next()) === Tok.Number)) return false;
  if (idOf(st, tk) === COMMA) st.skip();
  return takeIf(st, tk.kindAt(st.next()) === Tok.Number) && takeIf(st, idOf(st, tk) === CLOSE_PAREN);
}

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

/** `( … )` after a block policy other than drop and return (`blockPolicy`), from its `(` through its `)`. */
export function policyArguments(st: ParseState, tk: TokenStore, policy: number): boolean {
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

/** `log` with its options if any (`logSpec`), from the `log` keyword. */
export function logSpec(st: ParseState, tk: TokenStore): boolean {
  return advance(st, tk) !== OPEN_PAREN || logOptions(st, tk);
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

const [RETURN_RST, RETURN_ICMP, ALL, TO, PORT, ANY, FLAGS, LABEL, TAG, TAGGED] = ['return-rst', 'return-icmp', 'all', 'to', 'port', 'any', 'flags', 'label', 'tag', 'tagged'].map(keywordId);
const [QUEUE, KEEP, MODULATE, SYNPROXY, STATE, NO, FRAGMENT, ALLOW_OPTS, ONCE, TOS] = ['queue', 'keep', 'modulate', 'synproxy', 'state', 'no', 'fragment', 'allow-opts', 'once', 'tos'].map(keywordId);
const [PROBABILITY, RIDENTIFIER, PRIO, RTABLE, MAX_PKT_SIZE, DNPIPE, DNQUEUE, USER, GROUP, RECEIVED_ON] = ['probability', 'ridentifier', 'prio', 'rtable', 'max-pkt-size', 'dnpipe', 'dnqueue', 'user', 'group', 'received-on'].map(keywordId);
const [DIVERT_TO, MAX_PKT_RATE, TTL, MATCHES, MAX, MAX_SRC_STATES] = ['divert-to', 'max-pkt-rate', 'ttl', 'matches', 'max', 'max-src-states'].map(keywordId);
const [NAT_TO, RDR_TO, BINAT_TO, SET] = ['nat-to', 'rdr-to', 'binat-to', 'set'].map(keywordId);
const [MAX_SRC_CONN, MAX_SRC_NODES, MAX_SRC_CONN_RATE, OVERLOAD, FLUSH, GLOBAL, SOURCE_TRACK, RULE, NO_SYNC, IF_BOUND] = ['max-src-conn', 'max-src-nodes', 'max-src-conn-rate', 'overload', 'flush', 'global', 'source-track', 'rule', 'no-sync', 'if-bound'].map(keywordId);
const [FLOATING, SLOPPY, PFLOW, ALLOW_RELATED] = ['floating', 'sloppy', 'pflow', 'allow-related'].map(keywordId);
const [OPEN_PAREN, CLOSE_PAREN, COMMA, LESS, GREATER, SLASH] = ['(', ')', ',', '<', '>', '/'].map(punctId);
