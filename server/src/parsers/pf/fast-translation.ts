import { MAX_RULE_EXPANSION } from './semantics';
import type { ParseState } from './state';
import { keywordId, punctId, type TokenStore } from './tokens';
import { advance, atEnd, FastRead, GIVE_UP, idOf } from './fast-read';
import { afProtoFromTo, onList, translationTarget } from './fast-lists';
import { filterOption, logSpec } from './fast-options';

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
  if (id === LOG && !logSpec(st, tk)) return READ_GAVE_UP;
  let expansion = onList(st, tk, 1);
  if (expansion !== GIVE_UP) expansion = afProtoFromTo(st, tk, expansion);
  if (expansion === GIVE_UP) return READ_GAVE_UP;
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

const [NO, NAT, RDR, PASS, LOG, TAG, TAGGED, RTABLE] = ['no', 'nat', 'rdr', 'pass', 'log', 'tag', 'tagged', 'rtable'].map(keywordId);
const [ARROW] = ['->'].map(punctId);
