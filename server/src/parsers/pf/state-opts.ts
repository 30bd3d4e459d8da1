import type { PfRuleOption, PfStateOption, PfWord } from './ast-parts';
import { exact, ParseState, word } from './state';
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
    const t = st.peek();
    let keyword: PfWord;
    if (t.kind === Tok.Word && t.text.includes('.')) keyword = word(st.take());
    else if (t.kind === Tok.Keyword && STATE_OPT_SET.has(t.text)) keyword = word(st.take());
    else return st.fail(STATE_OPTS);
    const so: PfStateOption = { name: keyword.text, keyword, values: [], start: keyword.start, end: keyword.end };
    switch (keyword.text) {
      case 'max': case 'max-src-states': case 'max-src-conn': case 'max-src-nodes':
        stateVal(so, st.expectNumber());
        break;
      case 'max-src-conn-rate':
        rate(st, so);
        break;
      case 'overload': {
        const lt = st.expectPunct('<');
        so.table = st.expectString();
        const gt = st.expectPunct('>');
        so.end = gt.end;
        st.file.tableRefs.push({ name: so.table.text, nameWord: so.table, start: lt.start, end: gt.end });
        if (st.isKw('flush')) {
          stateVal(so, word(st.take()));
          if (st.isKw('global')) stateVal(so, word(st.take()));
        }
        break;
      }
      case 'source-track':
        if (st.isKw('rule') || st.isKw('global')) stateVal(so, word(st.take()));
        break;
      default:
        if (keyword.text.includes('.')) stateVal(so, st.expectNumber());
    }
    so.values = exact(so.values);
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
    if (st.isPunct('!')) bang = word(st.take());
    const t = st.peek();
    if (t.kind !== Tok.Keyword || !SCRUB_OPT_SET.has(t.text) || (bang && t.text !== 'tagged')) st.fail(bang ? ['tagged'] : SCRUB_OPTS);
    const keyword = word(st.take());
    const o: PfRuleOption = { name: keyword.text, keyword, negated: bang !== undefined, values: [], start: keyword.start, end: keyword.end };
    if (bang) o.start = bang.start;
    switch (keyword.text) {
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
        if (st.isKw('no')) val(o, word(st.take()));
        val(o, st.expectKw('reassemble'));
        break;
    }
    o.values = exact(o.values);
    st.push(o);
    st.acceptPunct(',');
  }
  return st.collect(base);
}

