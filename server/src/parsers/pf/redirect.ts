import type { PfHost, PfPoolOption, PfRedirect, PfRouteHost } from './ast-parts';
import { checkPort, hostItem, hostSpec, ifItem, list } from './common';
import { ParseState } from './state';
import { exact, word } from './parse-support';
import { Tok } from './tokens';

/**
 * Translation and routing targets (parse.y `redirpool`, `pool_opts`,
 * `routespec`): `-> …`, `nat-to …`, `rdr-to …`, `af-to … from …`, `route-to …`.
 */

/** Pool options FreeBSD accepts after a target. */
export const POOL_OPTS = ['bitmask', 'random', 'round-robin', 'source-hash', 'sticky-address', 'static-port', 'endpoint-independent', 'prefer-ipv6-nexthop', 'map-e-portset'];
const POOL_OPT_SET: ReadonlySet<string> = new Set(POOL_OPTS);
const PORT = ['<port>'];

/** Pool options after a redirection or route target. */
export function poolOpts(st: ParseState): PfPoolOption[] {
  const base = st.top;
  for (;;) {
    const t = st.peek();
    if (t.kind !== Tok.Keyword || !POOL_OPT_SET.has(t.text)) return st.collect(base);
    const keyword = word(st.take());
    const o: PfPoolOption = { name: t.text, keyword, values: [], start: keyword.start, end: keyword.end };
    if (t.text === 'source-hash' && st.isString()) o.values.push(st.expectString());
    else if (t.text === 'map-e-portset') {
      o.values.push(st.expectValue());
      st.expectPunct('/');
      o.values.push(st.expectValue());
      st.expectPunct('/');
      o.values.push(st.expectValue());
    }
    if (o.values.length) o.end = o.values[o.values.length - 1].end;
    o.values = exact(o.values);
    st.push(o);
  }
}

/** `redirpool`: hosts, optional `port P[:Q|:*]`, pool options. Built in every mode: its checks read the words. */
export function redirect(st: ParseState): PfRedirect {
  return st.built(() => redirectBuilt(st));
}

function redirectBuilt(st: ParseState): PfRedirect {
  const hosts = hostSpec(st);
  const r: PfRedirect = { hosts, pool: [], start: hosts.start, end: hosts.end };
  if (st.isKw('port')) {
    r.portKeyword = word(st.take());
    const value = st.expectValue(PORT);
    r.port = { op: '', text: value.text, value, start: value.start, end: value.end };
    checkPort(st, r.port, true);
    r.end = value.end;
  }
  r.pool = poolOpts(st);
  if (r.pool.length) r.end = r.pool[r.pool.length - 1].end;
  return r;
}

/** One route-to item: `if` or `(if [host])`. */
function routeHost(st: ParseState): PfRouteHost {
  if (!st.isPunct('(')) {
    const i = ifItem(st);
    return { interface: i, start: i.start, end: i.end };
  }
  const open = st.take();
  const i = ifItem(st);
  const rh: PfRouteHost = { interface: i, start: open.start, end: i.end };
  if (st.isPunct('?')) {
    // pfctl prints a next hop of unknown family as "?", and its own regression
    // test (pf1005, selfpf) reads that output back, so accept it here.
    const q = word(st.take());
    rh.host = { kind: 'address', negated: false, text: '?', address: q, start: q.start, end: q.end };
  } else if (!st.isPunct(')')) rh.host = hostItem(st);
  rh.end = st.expectPunct(')').end;
  return rh;
}

/** `routespec` after route-to/reply-to/dup-to, with pool options. Built in every mode (rare; checked as a tree). */
export function routeSpec(st: ParseState): PfRedirect {
  return st.built(() => routeSpecBuilt(st));
}

function routeSpecBuilt(st: ParseState): PfRedirect {
  const items = list(st, routeHost);
  const hostItems: PfHost[] = [];
  for (const rh of items.items) if (rh.host) hostItems.push(rh.host);
  const r: PfRedirect = {
    hosts: { items: exact(hostItems), braced: items.braced, start: items.start, end: items.end },
    routeHosts: items.items, pool: poolOpts(st), start: items.start, end: items.end,
  };
  if (r.pool.length) r.end = r.pool[r.pool.length - 1].end;
  return r;
}
