import type { PfLimiterDef, PfTableDef } from './ast';
import type { PfHost, PfRuleOption, PfWord } from './ast-parts';
import { hostItem } from './common';
import { ParseState } from './state';
import { exact, word } from './parse-support';
import { Tok } from './tokens';
import { quoteSource } from '../quote';

/** Table definitions (parse.y `tabledef`) and state/source limiter definitions. */

const TABLE_FLAGS = new Set(['persist', 'const', 'counters']);

/** `table <name> [persist|const|counters] [{ … }] [file "…"]…`. */
export function tableDef(st: ParseState): PfTableDef {
  const keyword = word(st.take());
  const lt = st.expectPunct('<');
  const name = st.expectString(['<table name>']);
  const gt = st.expectPunct('>');
  const t: PfTableDef = {
    type: 'table', order: 'none', keyword, name, nameSpan: { start: lt.start, end: gt.end }, flags: [], addresses: [], files: [],
    start: keyword.start, end: gt.end,
  };
  while (!st.atEnd()) {
    const n = st.peek();
    if (n.kind === Tok.Word && TABLE_FLAGS.has(n.text)) t.flags.push(word(st.take()));
    else if (n.kind === Tok.Word || n.kind === Tok.Quoted) {
      st.skip();
      st.addError({ message: `invalid table option ${quoteSource(n.text)}`, start: n.start, end: n.end, kind: 'syntax', expected: ['persist', 'const', 'counters', 'file', '{'] });
    } else if (n.kind === Tok.Keyword && n.text === 'file') {
      st.skip();
      t.files.push(st.expectString());
    } else if (n.kind === Tok.Punct && n.text === '{') addresses(st, t.addresses);
    else st.fail(['persist', 'const', 'counters', 'file', '{']);
  }
  t.end = st.lastEnd;
  t.flags = exact(t.flags);
  t.addresses = exact(t.addresses);
  t.files = exact(t.files);
  st.file.tables.push(t);
  return t;
}

/** `{ host [,] … }` of a table; `{ }` is an empty table. Nested braces from macros flatten. */
function addresses(st: ParseState, out: PfHost[]): void {
  st.skip();
  st.enter();
  st.optNl();
  while (!st.isPunct('}')) {
    if (st.isPunct('{')) addresses(st, out);
    else {
      const h = hostItem(st);
      if (h.kind === 'range') st.semantic('address ranges are not permitted inside tables', h, 'address');
      else if (h.kind === 'dynamic') st.semantic('dynamic addresses are not permitted inside tables', h, 'address');
      else if (h.kind === 'table') st.semantic('tables cannot contain tables', h, 'address');
      else if (h.kind === 'no-route') st.semantic('"no-route" is not permitted inside tables', h, 'address');
      else if (h.kind === 'urpf-failed') st.semantic('"urpf-failed" is not permitted inside tables', h, 'address');
      out.push(h);
    }
    st.optNl();
    st.acceptPunct(',');
    st.optNl();
  }
  st.skip();
  st.leave();
}

const STATE_LIMITER_OPTS = ['id', 'limit', 'rate'];
const SOURCE_LIMITER_OPTS = ['id', 'entries', 'limit', 'rate', 'table', 'inet', 'inet6'];

/** `state limiter NAME (id N | limit N | rate N/S)+` and the source-limiter variant. */
export function limiterDef(st: ParseState): PfLimiterDef {
  const first = word(st.take());
  st.expectKw('limiter');
  const name = st.expectString(['<limiter name>']);
  const kind = first.text === 'state' ? 'state' : 'source';
  const allowed = kind === 'state' ? STATE_LIMITER_OPTS : SOURCE_LIMITER_OPTS;
  const l: PfLimiterDef = { type: 'limiter', order: 'none', limiter: kind, name, options: [], start: first.start, end: name.end };
  do {
    const t = st.peek();
    if (t.kind !== Tok.Keyword || !allowed.includes(t.text)) st.fail(allowed);
    const keyword = word(st.take());
    const o: PfRuleOption = { name: keyword.text, keyword, negated: false, values: [], start: keyword.start, end: keyword.end };
    const v = (w: PfWord): void => {
      o.values.push(w);
      o.end = w.end;
    };
    if (keyword.text === 'rate') {
      v(st.expectNumber());
      st.expectPunct('/');
      v(st.expectNumber());
    } else if (keyword.text === 'table') {
      const lt = st.expectPunct('<');
      const tn = st.expectString(['<table name>']);
      const gt = st.expectPunct('>');
      st.noteTableRef({ name: tn.text, nameWord: tn, start: lt.start, end: gt.end });
      v(tn);
      v(st.expectKw('above'));
      v(st.expectNumber());
      if (st.isKw('below')) {
        v(word(st.take()));
        v(st.expectNumber());
      }
    } else if (keyword.text === 'inet' || keyword.text === 'inet6') {
      v(st.expectKw('mask'));
      v(st.expectNumber());
    } else v(st.expectNumber());
    o.values = exact(o.values);
    l.options.push(o);
  } while (!st.atEnd());
  l.end = st.lastEnd;
  l.options = exact(l.options);
  return l;
}
