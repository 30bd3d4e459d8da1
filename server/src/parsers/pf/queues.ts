import type { PfQueueDef } from './ast';
import type { PfRuleOption, PfWord } from './ast-parts';
import { ifSpec, list } from './common';
import { exact, ParseState, word } from './state';
import { Tok } from './tokens';

/**
 * ALTQ statements (parse.y `altqif`, `queuespec`), FreeBSD's queueing syntax:
 * `altq on IF qopts… queue { names }`, `queue NAME [on IF] qopts… [{ children }]`.
 */

export const QUEUE_OPTS: readonly string[] = ['bandwidth', 'priority', 'qlimit', 'tbrsize', 'cbq', 'priq', 'hfsc', 'fairq', 'codelq'];
const SCHEDULERS = new Set(['cbq', 'priq', 'hfsc', 'fairq', 'codelq']);
const SCHED_KEYS = new Set(['linkshare', 'realtime', 'upperlimit', 'hogs', 'buckets', 'interval', 'target']);

/** `altq on …` or `queue NAME …`. */
export function queueDef(st: ParseState): PfQueueDef {
  const keyword = word(st.take());
  const altq = keyword.text === 'altq';
  const q: PfQueueDef = { type: altq ? 'altq' : 'queue', order: 'queueing', keyword, options: [], start: keyword.start, end: keyword.end };
  if (altq) {
    st.expectKw('on');
    q.interfaces = ifSpec(st);
  } else {
    q.name = st.expectString(['<queue name>']);
    if (st.isKw('on')) {
      st.skip();
      q.interfaces = ifSpec(st);
    }
  }
  while (!st.atEnd()) {
    const t = st.peek();
    if (t.kind === Tok.Keyword && QUEUE_OPTS.includes(t.text)) {
      q.options.push(queueOpt(st));
      continue;
    }
    if (altq) {
      if (!(t.kind === Tok.Keyword && t.text === 'queue')) st.fail([...QUEUE_OPTS, 'queue']);
      st.skip();
    } else if (!(t.kind === Tok.Word || t.kind === Tok.Quoted || (t.kind === Tok.Punct && t.text === '{'))) {
      st.fail([...QUEUE_OPTS, '{']);
    }
    q.children = list(st, (s) => s.expectString(['<queue name>']));
    if (!st.atEnd()) st.fail([]);
  }
  q.end = st.lastEnd;
  q.options = exact(q.options);
  return q;
}

function queueOpt(st: ParseState): PfRuleOption {
  const keyword = word(st.take());
  const o: PfRuleOption = { name: keyword.text, keyword, negated: false, values: [], start: keyword.start, end: keyword.end };
  const v = (w: PfWord): void => {
    o.values.push(w);
    o.end = w.end;
  };
  if (keyword.text === 'bandwidth') v(st.expectValue());
  else if (!SCHEDULERS.has(keyword.text)) v(st.expectNumber());
  else if (st.isPunct('(')) {
    st.skip();
    o.sub = [];
    while (!st.isPunct(')')) {
      o.sub.push(schedItem(st));
      st.acceptPunct(',');
    }
    o.end = st.take().end;
    o.sub = exact(o.sub);
  }
  o.values = exact(o.values);
  return o;
}

/** Inside `cbq(…)`, `hfsc(…)`…: flag words, or `linkshare BW`, `linkshare (m1, d, m2)`, `buckets N`… */
function schedItem(st: ParseState): PfRuleOption {
  const t = st.peek();
  if (t.kind === Tok.Keyword && SCHED_KEYS.has(t.text)) {
    const keyword = word(st.take());
    const o: PfRuleOption = { name: keyword.text, keyword, negated: false, values: [], start: keyword.start, end: keyword.end };
    if (st.isPunct('(')) {
      st.skip();
      while (!st.isPunct(')')) {
        o.values.push(st.expectValue());
        st.acceptPunct(',');
      }
      o.end = st.take().end;
    } else {
      const w = st.expectValue();
      o.values.push(w);
      o.end = w.end;
    }
    return o;
  }
  const flag = st.expectString([...SCHED_KEYS, 'default', 'borrow', 'red', 'ecn', 'rio', 'codel']);
  return { name: flag.text, keyword: flag, negated: false, values: [], start: flag.start, end: flag.end };
}
