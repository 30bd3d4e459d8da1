import { MAX_RULE_EXPANSION } from './semantics';
import type { ParseState } from './state';
import { keywordId, punctId, type TokenStore } from './tokens';
import { advance, atEnd, FastRead, GIVE_UP, idOf, times } from './fast-read';
import { readTranslation } from './fast-translation';
import { afProtoFromTo, Item, list, onList } from './fast-lists';
import { filterOption, logSpec, policyArguments } from './fast-options';

/**
 * The fast path of compact mode for the rules most rulesets are made of:
 * pass/block/match (`readFilterRule`, below) and old-style nat/rdr
 * (fast-translation.ts); docs/design/pf-compact-parse.md, "fast path".
 *
 * It reads a rule of the common shapes over token ids, with no probing, no
 * expected-keyword bookkeeping and no allocation, and accepts it only when
 * the general productions (filter.ts, translation.ts, common.ts,
 * filter-opts.ts, state-opts.ts, redirect.ts) would accept it with no error,
 * no semantic message and no need for the built tree, recording the same
 * index entries (`on` interfaces, `<table>` uses). Anything else — an
 * unusual shape, a doubtful value, a token it does not know — makes it give
 * up: the statement is read again from its first token by the general
 * productions, which report what is wrong. So it may decline a valid rule
 * but must never accept a rule the general path would treat differently;
 * compact.test.ts compares the two on the corpus, on generated rules and on
 * random mutations.
 */
export function fastRule(st: ParseState): FastRead {
  const tk = st.tokens;
  const id = idOf(st, tk);
  const translation = id === NAT || id === RDR || id === NO;
  // Other statements (set, queue, …) are the general path's: nothing read, nothing to undo.
  if (!translation && id !== PASS && id !== BLOCK && id !== MATCH) return READ_GAVE_UP;
  const first = st.next();
  const last = st.lastTokNumber;
  const errors = st.lexer.errorCount;
  const interfaces = st.interfaceItems.length;
  const tableRefs = st.tableRefItems.length;
  const read = translation ? readTranslation(st, tk) : readFilterRule(st, tk);
  // A lexer error makes the statement fail where the general path stops, which decides how it recovers.
  if (read === READ_DONE && st.lexer.errorCount === errors) return READ_DONE;
  st.dropIndexEntries(interfaces, tableRefs);
  st.rewind(first, last);
  return read === READ_DONE ? READ_GAVE_UP : read;
}

// `FastRead`'s values as module constants: the compiled module would read them through the imported module object.
const READ_DONE = FastRead.Done;
const READ_GAVE_UP = FastRead.GaveUp;
const READ_NEEDS_TREE = FastRead.NeedsTree;

/** `pass|block|match …` (filter.ts `filterRule`). */
function readFilterRule(st: ParseState, tk: TokenStore): FastRead {
  // `id` is always the next token's id: each part reads it once.
  const action = idOf(st, tk); // pass, block or match (see `fastRule`)
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
    if (!logSpec(st, tk)) return READ_GAVE_UP;
    if (idOf(st, tk) === QUICK) st.skip();
  } else if (id === QUICK && advance(st, tk) === LOG && !logSpec(st, tk)) return READ_GAVE_UP;
  let expansion = onList(st, tk, 1);
  if (expansion === GIVE_UP) return READ_GAVE_UP;
  id = idOf(st, tk);
  if (id === ROUTE_TO || id === REPLY_TO || id === DUP_TO || id === FASTROUTE) return READ_GAVE_UP;
  expansion = afProtoFromTo(st, tk, expansion);
  if (expansion === GIVE_UP) return READ_GAVE_UP;
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
      if (n < 0) return READ_GAVE_UP;
      expansion = times(expansion, n);
    }
  }
  expansion = times(expansion, icmp);
  // Past the cap the general path builds the rule for its checks.
  return expansion <= MAX_RULE_EXPANSION ? READ_DONE : READ_NEEDS_TREE;
}

const [PASS, BLOCK, MATCH, DROP, RETURN, RETURN_RST, RETURN_ICMP, RETURN_ICMP6, IN, OUT] = ['pass', 'block', 'match', 'drop', 'return', 'return-rst', 'return-icmp', 'return-icmp6', 'in', 'out'].map(keywordId);
const [LOG, QUICK, ROUTE_TO, REPLY_TO, DUP_TO, FASTROUTE] = ['log', 'quick', 'route-to', 'reply-to', 'dup-to', 'fastroute'].map(keywordId);
const [ICMP_TYPE, ICMP6_TYPE, NAT, RDR, NO] = ['icmp-type', 'icmp6-type', 'nat', 'rdr', 'no'].map(keywordId);
const [OPEN_PAREN] = ['('].map(punctId);
