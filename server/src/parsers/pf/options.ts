import type { PfOrderClass, PfSetOption } from './ast';
import type { PfWord } from './ast-parts';
import { ifSpec } from './common';
import { stateOpts } from './state-opts';
import { ParseState } from './state';
import { exact } from './parse-support';
import { Tok } from './tokens';

/** Every `set` option FreeBSD's pfctl knows (parse.y `option`). */
export const SET_OPTIONS: readonly string[] = [
  'reassemble', 'optimization', 'ruleset-optimization', 'timeout', 'limit', 'loginterface', 'hostid', 'block-policy',
  'fail-policy', 'require-order', 'fingerprints', 'state-policy', 'state-defaults', 'debug', 'skip', 'keepcounters', 'syncookies',
];

/** Options that move pfctl's order state to OPTION; the others do not move it (parse.y `check_rulestate`). */
const ORDERED = new Set(['reassemble', 'optimization', 'timeout', 'limit', 'loginterface', 'block-policy', 'fail-policy', 'fingerprints', 'debug']);

const SET_OPTION_SET: ReadonlySet<string> = new Set(SET_OPTIONS);

/**
 * `set NAME …`. Runs in compact mode too (see `ParseState.build`): control
 * flow reads token kinds and keyword texts before consuming them, never the
 * words it got back (placeholders in compact mode).
 */
export function setOption(st: ParseState): PfSetOption {
  const keyword = st.takeWord();
  const optName = st.nextKw();
  if (st.nextKind() !== Tok.Keyword || !SET_OPTION_SET.has(optName)) st.fail(SET_OPTIONS);
  const name = st.takeWord();
  const order: PfOrderClass = ORDERED.has(optName) ? 'option' : 'none';
  const o: PfSetOption = { type: 'option', order, keyword, name, values: [], start: keyword.start, end: name.end };
  const val = (w: PfWord): void => {
    o.values.push(w);
  };
  switch (optName) {
    case 'reassemble':
      val(yesNo(st));
      if (st.isKw('no-df')) val(st.takeWord());
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
      pairs(st, o, optName === 'timeout');
      break;
    case 'loginterface': {
      // `none` is a plain word, so its text is read (one small string; `set` lines are few).
      const t = st.next();
      const none = st.nextText() === 'none';
      val(st.isKw('all') ? st.takeWord() : st.expectString(['none']));
      if (!none) st.noteInterface(t);
      break;
    }
    case 'hostid':
      val(st.expectValue());
      break;
    case 'block-policy':
    case 'fail-policy':
      if (!st.isKw('drop') && !st.isKw('return')) st.fail(['drop', 'return']);
      val(st.takeWord());
      break;
    case 'require-order':
      val(yesNo(st));
      break;
    case 'state-policy':
      if (!st.isKw('if-bound') && !st.isKw('floating')) st.fail(['if-bound', 'floating']);
      val(st.takeWord());
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
  const k = st.nextKind();
  if (!(k === Tok.Keyword && st.nextKw() === 'no') && !(k === Tok.Word || k === Tok.Quoted)) st.fail(['yes', 'no']);
  return st.takeWord();
}

/** `NAME N` or `{ NAME N [,] … }` for timeouts (`interval` is a keyword) and limits. */
function pairs(st: ParseState, o: PfSetOption, timeout: boolean): void {
  const one = (): void => {
    const k = st.nextKind();
    const ok = k === Tok.Word || k === Tok.Quoted || (timeout && k === Tok.Keyword && st.nextKw() === 'interval');
    if (!ok) st.fail(timeout ? ['interval', '<timeout name>', '{'] : ['<limit name>', '{']);
    const n = st.takeWord();
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
