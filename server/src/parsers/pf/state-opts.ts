import type { PfRuleOption, PfStateOption, PfWord } from './ast-parts';
import { ParseState } from './state';
import { exact } from './parse-support';
import { Tok } from './tokens';

/** State options (parse.y `state_opt_item`) and scrub options (`scrub_opt`). */

export const STATE_OPTS: readonly string[] = [
  'max', 'no-sync', 'max-src-states', 'max-src-conn', 'max-src-conn-rate', 'overload', 'max-src-nodes', 'source-track',
  'if-bound', 'floating', 'sloppy', 'pflow', 'allow-related', '<timeout name>',
];
export const SCRUB_OPTS: readonly string[] = ['no-df', 'min-ttl', 'max-mss', 'set-tos', 'fragment', 'reassemble', 'random-id', 'rtable', 'tagged', '!'];
const STATE_OPT_SET: ReadonlySet<string> = new Set(STATE_OPTS);
const SCRUB_OPT_SET: ReadonlySet<string> = new Set(SCRUB_OPTS);
const TCP = ['tcp'];

function val(o: PfRuleOption, w: PfWord): void {
  o.values.push(w);
  if (w.end > o.end) o.end = w.end;
}

/** Appends a state option value; the option ends at it. */
function stateVal(so: PfStateOption, w: PfWord): void {
  so.values.push(w);
  so.end = w.end;
}

/** `N/S` (NUMBER '/' NUMBER) as two values. */
export function rate(st: ParseState, o: PfRuleOption | PfStateOption): void {
  const a = st.expectNumber();
  st.expectPunct('/');
  const b = st.expectNumber();
  o.values.push(a, b);
  o.end = b.end;
}

/** State options: inside `keep state ( … )` (comma-separated) or after `set state-defaults`. */
export function stateOpts(st: ParseState, inParens: boolean): PfStateOption[] {
  const base = st.top;
  for (;;) {
    const k = st.nextKind();
    const name = k === Tok.Keyword ? st.nextKw() : k === Tok.Word ? st.nextText() : '';
    let keyword: PfWord;
    if (k === Tok.Word && name.includes('.')) keyword = st.takeWord();
    else if (k === Tok.Keyword && STATE_OPT_SET.has(name)) keyword = st.takeWord();
    else return st.fail(STATE_OPTS);
    const so: PfStateOption = { name, keyword, values: [], start: keyword.start, end: keyword.end };
    switch (name) {
      case 'max': case 'max-src-states': case 'max-src-conn': case 'max-src-nodes':
        stateVal(so, st.expectNumber());
        break;
      case 'max-src-conn-rate':
        rate(st, so);
        break;
      case 'overload': {
        const lt = st.expectPunctTok('<');
        if (!st.isString()) st.fail([]);
        const tableTok = st.skip();
        so.table = st.wordAt(tableTok);
        const gt = st.expectPunctTok('>');
        so.end = st.endOf(gt);
        st.noteTableRef(lt);
        if (st.isKw('flush')) {
          stateVal(so, st.takeWord());
          if (st.isKw('global')) stateVal(so, st.takeWord());
        }
        break;
      }
      case 'source-track':
        if (st.isKw('rule') || st.isKw('global')) stateVal(so, st.takeWord());
        break;
      default:
        if (name.includes('.')) stateVal(so, st.expectNumber());
    }
    if (st.build) so.values = exact(so.values);
    st.push(so);
    const comma = st.acceptPunct(',');
    if (inParens ? st.isPunct(')') : st.atEnd()) {
      if (comma) st.fail(STATE_OPTS);
      return st.collect(base);
    }
  }
}

/** Scrub options: `scrub ( … )` in filter rules, or the tail of a `scrub` rule (no parentheses). */
export function scrubOpts(st: ParseState, inParens: boolean): PfRuleOption[] {
  const base = st.top;
  while (!(inParens ? st.isPunct(')') : st.atEnd())) {
    let bang: PfWord | undefined;
    if (st.isPunct('!')) bang = st.takeWord();
    const name = st.nextKw();
    if (st.nextKind() !== Tok.Keyword || !SCRUB_OPT_SET.has(name) || (bang && name !== 'tagged')) st.fail(bang ? ['tagged'] : SCRUB_OPTS);
    const keyword = st.takeWord();
    const o: PfRuleOption = { name, keyword, negated: bang !== undefined, values: [], start: keyword.start, end: keyword.end };
    if (bang) o.start = bang.start;
    switch (name) {
      case 'min-ttl': case 'max-mss': case 'rtable':
        val(o, st.expectNumber());
        break;
      case 'set-tos': case 'tagged':
        val(o, st.expectValue());
        break;
      case 'reassemble':
        val(o, st.expectString(TCP));
        break;
      case 'fragment':
        if (st.isKw('no')) val(o, st.takeWord());
        val(o, st.expectKw('reassemble'));
        break;
    }
    if (st.build) o.values = exact(o.values);
    st.push(o);
    st.acceptPunct(',');
  }
  return st.collect(base);
}

