import type { PfQueueDef } from './ast';
import type { PfRuleOption, PfWord } from './ast-parts';
import { ifSpec, list } from './common';
import { ParseState } from './state';
import { exact } from './parse-support';
import { Tok } from './tokens';

/**
 * ALTQ statements (parse.y `altqif`, `queuespec`), FreeBSD's queueing syntax:
 * `altq on IF qopts… queue { names }`, `queue NAME [on IF] qopts… [{ children }]`.
 */

export const QUEUE_OPTS: readonly string[] = ['bandwidth', 'priority', 'qlimit', 'tbrsize', 'cbq', 'priq', 'hfsc', 'fairq', 'codelq'];
const QUEUE_OPT_SET: ReadonlySet<string> = new Set(QUEUE_OPTS);
const SCHEDULERS = new Set(['cbq', 'priq', 'hfsc', 'fairq', 'codelq']);
const SCHED_KEYS = new Set(['linkshare', 'realtime', 'upperlimit', 'hogs', 'buckets', 'interval', 'target']);
// Expected sets as constants: a literal in the call would allocate on every (successful) call.
const QUEUE_NAME = ['<queue name>'];
const SCHED_FLAGS = [...SCHED_KEYS, 'default', 'borrow', 'red', 'ecn', 'rio', 'codel'];

/**
 * `altq on …` or `queue NAME …`. Runs in compact mode too (see
 * `ParseState.build`): decisions read the next token's kind and keyword text
 * before it is consumed, never the words returned (placeholders there).
 */
export function queueDef(st: ParseState): PfQueueDef {
  const altq = st.nextKw() === 'altq';
  const keyword = st.takeWord();
  const q: PfQueueDef = { type: altq ? 'altq' : 'queue', order: 'queueing', keyword, options: [], start: keyword.start, end: keyword.end };
  if (altq) {
    st.expectKw('on');
    q.interfaces = ifSpec(st);
  } else {
    q.name = st.expectString(QUEUE_NAME);
    if (st.isKw('on')) {
      st.skip();
      q.interfaces = ifSpec(st);
    }
  }
  while (!st.atEnd()) {
    const k = st.nextKind();
    const kw = st.nextKw();
    if (k === Tok.Keyword && QUEUE_OPT_SET.has(kw)) {
      q.options.push(queueOpt(st));
      continue;
    }
    if (altq) {
      if (!(k === Tok.Keyword && kw === 'queue')) st.fail([...QUEUE_OPTS, 'queue']);
      st.skip();
    } else if (!(k === Tok.Word || k === Tok.Quoted || (k === Tok.Punct && kw === '{'))) {
      st.fail([...QUEUE_OPTS, '{']);
    }
    q.children = list(st, queueName);
    if (!st.atEnd()) st.fail([]);
  }
  q.end = st.lastEnd;
  q.options = exact(q.options);
  return q;
}

/** A child queue name; module-level so no closure is made per list. */
function queueName(st: ParseState): PfWord {
  return st.expectString(QUEUE_NAME);
}

function queueOpt(st: ParseState): PfRuleOption {
  const name = st.nextKw();
  const keyword = st.takeWord();
  const o: PfRuleOption = { name, keyword, negated: false, values: [], start: keyword.start, end: keyword.end };
  const v = (w: PfWord): void => {
    o.values.push(w);
    o.end = w.end;
  };
  if (name === 'bandwidth') v(st.expectValue());
  else if (!SCHEDULERS.has(name)) v(st.expectNumber());
  else if (st.isPunct('(')) {
    st.skip();
    o.sub = [];
    while (!st.isPunct(')')) {
      o.sub.push(schedItem(st));
      st.acceptPunct(',');
    }
    o.end = st.endOf(st.skip());
    o.sub = exact(o.sub);
  }
  o.values = exact(o.values);
  return o;
}

/** Inside `cbq(…)`, `hfsc(…)`…: flag words, or `linkshare BW`, `linkshare (m1, d, m2)`, `buckets N`… */
function schedItem(st: ParseState): PfRuleOption {
  const name = st.nextKw();
  if (st.nextKind() === Tok.Keyword && SCHED_KEYS.has(name)) {
    const keyword = st.takeWord();
    const o: PfRuleOption = { name, keyword, negated: false, values: [], start: keyword.start, end: keyword.end };
    if (st.isPunct('(')) {
      st.skip();
      while (!st.isPunct(')')) {
        o.values.push(st.expectValue());
        st.acceptPunct(',');
      }
      o.end = st.endOf(st.skip());
    } else {
      const w = st.expectValue();
      o.values.push(w);
      o.end = w.end;
    }
    return o;
  }
  // The flag's name is its word's text: a placeholder in compact mode, where nothing reads it.
  const flag = st.expectString(SCHED_FLAGS);
  return { name: flag.text, keyword: flag, negated: false, values: [], start: flag.start, end: flag.end };
}
