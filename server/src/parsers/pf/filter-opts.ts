import type { PfPort, PfRuleOption, PfWord } from './ast-parts';
import { list, portItem } from './common';
import { redirect } from './redirect';
import { rate, scrubOpts, stateOpts } from './state-opts';
import { ParseState } from './state';
import { exact } from './parse-support';
import { Tok } from './tokens';

/**
 * Filter options (parse.y `filter_opt`). Options after from/to come in any order.
 */

export const FILTER_OPTS: readonly string[] = [
  'user', 'group', 'flags', 'icmp-type', 'icmp6-type', 'tos', 'prio', 'keep', 'modulate', 'synproxy', 'no',
  'fragment', 'allow-opts', 'once', 'label', 'queue', 'tag', 'tagged', '!', 'received-on', 'probability', 'rtable',
  'divert-to', 'divert-reply', 'scrub', 'set', 'max-pkt-rate', 'max-pkt-size', 'dnpipe', 'dnqueue', 'ridentifier',
  'nat-to', 'rdr-to', 'binat-to', 'af-to', 'state', 'source',
];
export const ETHER_OPTS: readonly string[] = ['queue', 'ridentifier', 'label', 'tag', 'tagged', '!', 'dnpipe', 'dnqueue'];

function opt(name: string, keyword: PfWord, negated = false): PfRuleOption {
  return { name, keyword, negated, values: [], start: keyword.start, end: keyword.end };
}

function push(o: PfRuleOption, w: PfWord): void {
  o.values.push(w);
  if (w.end > o.end) o.end = w.end;
}

/** `( v [, v] )` or a single value, for dnpipe/dnqueue/queue. */
function oneOrPair(st: ParseState, o: PfRuleOption): void {
  if (!st.isPunct('(')) {
    push(o, st.expectValue());
    return;
  }
  st.skip();
  push(o, st.expectValue());
  st.acceptPunct(',');
  if (!st.isPunct(')')) push(o, st.expectValue());
  o.end = st.endOf(st.expectPunctTok(')'));
}

/** The filter options of a rule; `allowed` restricts them (ether rules, anchors share the loop). */
export function filterOpts(st: ParseState, allowed: readonly string[] = FILTER_OPTS): PfRuleOption[] {
  const base = st.top;
  const set = allowed === FILTER_OPTS ? FILTER_OPT_SET : allowed === ETHER_OPTS ? ETHER_OPT_SET : undefined;
  while (!st.atEnd() && !st.isPunct('{')) {
    const k = st.nextKind();
    const kw = st.nextKw();
    const key = k === Tok.Keyword || (k === Tok.Punct && kw === '!') ? kw : '';
    if (!(set ? set.has(key) : allowed.includes(key))) st.fail(allowed);
    st.push(filterOpt(st));
  }
  return st.collect(base);
}
const FILTER_OPT_SET: ReadonlySet<string> = new Set(FILTER_OPTS);
const ETHER_OPT_SET: ReadonlySet<string> = new Set(ETHER_OPTS);

function filterOpt(st: ParseState): PfRuleOption {
  let bang: PfWord | undefined;
  if (st.isPunct('!')) {
    bang = st.takeWord();
    if (!st.isKw('tagged') && !st.isKw('received-on')) st.fail(['tagged', 'received-on']);
  }
  const name = st.nextKw();
  const kwTok = st.next();
  const keyword = st.takeWord();
  const o = opt(name, keyword, bang !== undefined);
  if (bang) o.start = bang.start;
  switch (name) {
    case 'user':
    case 'group':
      o.items = list(st, userItem);
      o.end = o.items.end;
      break;
    case 'flags':
      if (st.isKw('any')) push(o, st.takeWord());
      else {
        if (!st.isPunct('/')) push(o, st.expectString(['any', '/']));
        st.expectPunct('/');
        push(o, st.expectString());
      }
      break;
    case 'icmp-type':
    case 'icmp6-type':
      o.items = list(st, icmpItem);
      o.end = o.items.end;
      break;
    case 'tos':
    case 'label':
    case 'tag':
    case 'tagged':
    case 'probability':
    case 'ridentifier':
      push(o, st.expectValue());
      break;
    case 'prio':
    case 'rtable':
    case 'max-pkt-size':
      push(o, st.expectNumber());
      break;
    case 'received-on': {
      const t = st.next();
      push(o, st.isKw('any') ? st.takeWord() : st.expectString());
      st.noteInterface(t);
      break;
    }
    case 'keep':
    case 'modulate':
    case 'synproxy':
      push(o, st.expectKw('state'));
      if (st.isPunct('(')) {
        st.skip();
        o.stateOptions = stateOpts(st, true);
        o.end = st.endOf(st.expectPunctTok(')'));
      }
      break;
    case 'no':
      push(o, st.expectKw('state'));
      break;
    case 'queue':
    case 'dnpipe':
    case 'dnqueue':
      oneOrPair(st, o);
      break;
    case 'divert-to': {
      const first = st.expectValue();
      push(o, first);
      if (st.isKw('port')) {
        push(o, st.takeWord());
        push(o, st.expectValue());
      }
      break;
    }
    case 'divert-reply':
      st.semanticAt('divert-reply has no meaning in FreeBSD pf(4)', kwTok);
      break;
    case 'scrub':
      st.expectPunct('(');
      o.sub = scrubOpts(st, true);
      o.end = st.endOf(st.expectPunctTok(')'));
      break;
    case 'set':
      setOpt(st, o);
      break;
    case 'max-pkt-rate':
      rate(st, o);
      break;
    case 'nat-to':
    case 'rdr-to':
    case 'binat-to':
      o.redirect = redirect(st);
      o.end = o.redirect.end;
      break;
    case 'af-to': {
      if (!st.isKw('inet') && !st.isKw('inet6')) st.fail(['inet', 'inet6']);
      const af = st.takeWord();
      push(o, af);
      st.expectKw('from');
      o.redirect = redirect(st);
      o.redirect.af = af;
      if (st.isKw('to')) {
        st.skip();
        o.redirect.to = redirect(st);
      }
      o.end = (o.redirect.to ?? o.redirect).end;
      break;
    }
    case 'state':
    case 'source':
      push(o, st.expectKw('limiter'));
      if (st.isKw('id')) {
        push(o, st.takeWord());
        push(o, st.expectNumber());
      } else push(o, st.expectString(['id']));
      if (st.isPunct('(')) {
        st.skip();
        if (!(st.isKw('block') || st.isKw('no-match'))) st.fail(['block', 'no-match']);
        push(o, st.takeWord());
        o.end = st.endOf(st.expectPunctTok(')'));
      }
      break;
    default:
      // fragment, allow-opts, once: flags without a value.
      break;
  }
  // Compact mode drops the option: no trimmed copy needed.
  if (st.build) o.values = exact(o.values);
  return o;
}

function userItem(st: ParseState): PfPort {
  return portItem(st, false);
}

/** `icmp-type T [code C]`: as a port-like item (value = type, value2 = code). */
function icmpItem(st: ParseState): PfPort {
  const value = st.expectValue();
  const p: PfPort = { op: '', text: value.text, value, start: value.start, end: value.end };
  if (st.isKw('code')) {
    st.skip();
    p.value2 = st.expectValue();
    p.text += ` code ${p.value2.text}`;
    p.end = p.value2.end;
  }
  return p;
}

/** `set prio N | set prio (N, N) | set tos T | set ( … )` inside a rule. */
function setOpt(st: ParseState, o: PfRuleOption): void {
  const one = (): PfRuleOption => {
    if (!st.isKw('prio') && !st.isKw('tos')) st.fail(['prio', 'tos', '(']);
    const name = st.nextKw();
    const kw = st.takeWord();
    const s = opt(name, kw);
    if (name === 'tos') push(s, st.expectValue());
    else if (st.isPunct('(')) {
      st.skip();
      push(s, st.expectNumber());
      st.acceptPunct(',');
      push(s, st.expectNumber());
      s.end = st.expectPunct(')').end;
    } else push(s, st.expectNumber());
    return s;
  };
  if (st.isPunct('(')) {
    st.skip();
    o.sub = [];
    do {
      o.sub.push(one());
      st.acceptPunct(',');
    } while (!st.isPunct(')'));
    o.end = st.take().end;
    return;
  }
  o.sub = [one()];
  o.end = o.sub[0].end;
}
