import { MAX_RULE_EXPANSION } from './semantics';
import type { ParseState } from './state';
import { keywordId, punctId, type TokenStore } from './tokens';
import { advance, atEnd, FastRead, GIVE_UP, idOf, times } from './fast-read';
import { endpoint, Item, list, translationTarget } from './fast-lists';
import { filterOption, logOptions } from './fast-options';

/**
 * The fast path for old-style translation rules (translation.ts
 * `translationRule`), on the terms of fast-filter.ts `fastRule`:
 * `[no] nat|rdr [pass] [log [(…)]] [on IF] [af] [proto …] [all | from … to …]
 * [tag S] [tagged S] [rtable N] [-> target]`. `binat` (its own rules for
 * ports and `from`), `os` and `! tagged` are left to the general path.
 * A rule whose checks read its tree (semantics.ts `translationNeedsChecks`:
 * `no` with `->` or neither, `no pass`, past the expansion cap) is
 * NeedsTree.
 */
export function readTranslation(st: ParseState, tk: TokenStore): FastRead {
  let id = idOf(st, tk);
  const no = id === NO;
  if (no) id = advance(st, tk);
  if (id !== NAT && id !== RDR) return READ_GAVE_UP;
  id = advance(st, tk);
  const pass = id === PASS;
  if (pass) id = advance(st, tk);
  if (id === LOG) {
    id = advance(st, tk);
    if (id === OPEN_PAREN && !logOptions(st, tk)) return READ_GAVE_UP;
    id = idOf(st, tk);
  }
  let expansion = 1;
  if (id === ON) {
    st.skip();
    const n = list(st, tk, Item.Interface);
    if (n === GIVE_UP) return READ_GAVE_UP;
    expansion = times(expansion, n);
    id = idOf(st, tk);
  }
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
  let arrow = false;
  while (!atEnd(st, tk)) {
    id = idOf(st, tk);
    if (id === TAG || id === TAGGED || id === RTABLE) {
      // The same readings as the filter options of those names (a value; a number).
      if (filterOption(st, tk, id) === GIVE_UP) return READ_GAVE_UP;
    } else if (id === ARROW) {
      st.skip();
      if (!translationTarget(st, tk) || !atEnd(st, tk)) return READ_GAVE_UP;
      arrow = true;
    } else return READ_GAVE_UP;
  }
  if (no === arrow || (no && pass) || expansion > MAX_RULE_EXPANSION) return READ_NEEDS_TREE;
  return READ_DONE;
}

// `FastRead`'s values as module constants (see fast-filter.ts).
const READ_DONE = FastRead.Done;
const READ_GAVE_UP = FastRead.GaveUp;
const READ_NEEDS_TREE = FastRead.NeedsTree;

const [NO, NAT, RDR, PASS, LOG, ON, INET, INET6, PROTO, ALL] = ['no', 'nat', 'rdr', 'pass', 'log', 'on', 'inet', 'inet6', 'proto', 'all'].map(keywordId);
const [FROM, OS, TO, TAG, TAGGED, RTABLE] = ['from', 'os', 'to', 'tag', 'tagged', 'rtable'].map(keywordId);
const [OPEN_PAREN, ARROW] = ['(', '->'].map(punctId);
