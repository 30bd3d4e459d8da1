import type { PfOrderClass, PfSetOption } from './ast';
import type { PfWord } from './ast-parts';
import { ifSpec } from './common';
import { stateOpts } from './state-opts';
import { exact, ParseState, word } from './state';
import { Tok } from './tokens';

/** Every `set` option FreeBSD's pfctl knows (parse.y `option`). */
export const SET_OPTIONS: readonly string[] = [
  'reassemble', 'optimization', 'ruleset-optimization', 'timeout', 'limit', 'loginterface', 'hostid', 'block-policy',
  'fail-policy', 'require-order', 'fingerprints', 'state-policy', 'state-defaults', 'debug', 'skip', 'keepcounters', 'syncookies',
];

/** Options that move pfctl's order state to OPTION; the others do not move it (parse.y `check_rulestate`). */
const ORDERED = new Set(['reassemble', 'optimization', 'timeout', 'limit', 'loginterface', 'block-policy', 'fail-policy', 'fingerprints', 'debug']);

/** `set NAME …`. */
export function setOption(st: ParseState): PfSetOption {
  const keyword = word(st.take());
  const t = st.peek();
  if (t.kind !== Tok.Keyword || !SET_OPTIONS.includes(t.text)) st.fail(SET_OPTIONS);
  const name = word(st.take());
  const order: PfOrderClass = ORDERED.has(name.text) ? 'option' : 'none';
  const o: PfSetOption = { type: 'option', order, keyword, name, values: [], start: keyword.start, end: name.end };
  const val = (w: PfWord): void => {
    o.values.push(w);
  };
  switch (name.text) {
    case 'reassemble':
      val(yesNo(st));
      if (st.isKw('no-df')) val(word(st.take()));
      break;
    case 'optimization':
    case 'ruleset-optimization':
    case 'fingerprints':
    case 'debug':
      val(st.expectString());
      break;
    case 'timeout':
    case 'limit':
      o.pairs = [];
      pairs(st, o, name.text === 'timeout');
      break;
    case 'loginterface':
      val(st.isKw('all') ? word(st.take()) : st.expectString(['none']));
      if (o.values[0].text !== 'none') st.noteInterface(o.values[0]);
      break;
    case 'hostid':
      val(st.expectValue());
      break;
    case 'block-policy':
    case 'fail-policy':
      if (!st.isKw('drop') && !st.isKw('return')) st.fail(['drop', 'return']);
      val(word(st.take()));
      break;
    case 'require-order':
      val(yesNo(st));
      break;
    case 'state-policy':
      if (!st.isKw('if-bound') && !st.isKw('floating')) st.fail(['if-bound', 'floating']);
      val(word(st.take()));
      break;
    case 'state-defaults':
      o.stateOptions = stateOpts(st, false);
      break;
    case 'skip':
      st.expectKw('on');
      o.interfaces = ifSpec(st);
      break;
    case 'syncookies':
      val(st.expectString(['never', 'adaptive', 'always']));
      if (st.isPunct('(')) {
        st.skip();
        o.pairs = [];
        do {
          o.pairs.push({ name: st.expectString(['start', 'end']), value: st.expectValue() });
          st.acceptPunct(',');
        } while (!st.isPunct(')'));
        st.skip();
      }
      break;
    default:
      // keepcounters takes nothing.
      break;
  }
  o.end = st.lastEnd;
  o.values = exact(o.values);
  if (o.pairs) o.pairs = exact(o.pairs);
  return o;
}

/** `yes` (a plain word) or `no` (a keyword). */
function yesNo(st: ParseState): PfWord {
  const t = st.peek();
  if (!(t.kind === Tok.Keyword && t.text === 'no') && !(t.kind === Tok.Word || t.kind === Tok.Quoted)) st.fail(['yes', 'no']);
  return word(st.take());
}

/** `NAME N` or `{ NAME N [,] … }` for timeouts (`interval` is a keyword) and limits. */
function pairs(st: ParseState, o: PfSetOption, timeout: boolean): void {
  const one = (): void => {
    const t = st.peek();
    const ok = t.kind === Tok.Word || t.kind === Tok.Quoted || (timeout && t.kind === Tok.Keyword && t.text === 'interval');
    if (!ok) st.fail(timeout ? ['interval', '<timeout name>', '{'] : ['<limit name>', '{']);
    const n = word(st.take());
    o.pairs!.push({ name: n, value: st.expectNumber() });
  };
  if (!st.isPunct('{')) {
    one();
    return;
  }
  st.skip();
  st.enter();
  st.optNl();
  while (!st.isPunct('}')) {
    one();
    st.optNl();
    st.acceptPunct(',');
    st.optNl();
  }
  st.skip();
  st.leave();
}
