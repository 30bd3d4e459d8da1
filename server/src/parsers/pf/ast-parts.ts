import type { MacroOrigin } from './tokens';

/**
 * Leaf nodes of the pf.conf syntax tree. Every node has `start`/`end`:
 * UTF-16 offsets into the document ([start, end)). A part that came out of a
 * macro expansion spans the `$name` use in the document and its words carry
 * `origin`, which also gives the definition's value range — so a diagnostic
 * can point at the use and, as related information, at the definition.
 */
export interface Span {
  start: number;
  end: number;
}

/** One token as the parser consumed it. */
export interface PfWord extends Span {
  /** The text pfctl works with: quotes removed, escapes applied, macros expanded. */
  text: string;
  /** Written in quotes (so never a keyword). */
  quoted: boolean;
  /** Lexed as a NUMBER (decimal digits followed by a delimiter). */
  number: boolean;
  /** Set when the word came from expanding `$name`. */
  origin?: MacroOrigin;
}

/** A `{ … }` list or a single item. Nested lists are flattened into `items`, as pfctl does. */
export interface PfList<T> extends Span {
  items: T[];
  /** True when written with braces (or expanded from a macro holding braces). */
  braced: boolean;
}

/** An interface item: `em0`, `! em0`, `egress`, `any`, `(em0)` (antispoof). */
export interface PfInterface extends Span {
  name: PfWord;
  negated: boolean;
  /** Written in parentheses: the dynamic form. */
  dynamic: boolean;
}

/**
 * The shapes an address takes in pf.conf (pf.conf(5) "host"):
 * - `any`, `no-route`, `urpf-failed`, `self`: the keyword forms (`self` is a word pfctl resolves);
 * - `address`: an IP, CIDR (`10.0.0.0/8`, `10/8`), hostname, interface or group name with
 *   optional `:network`/`:broadcast`/`:peer`/`:0` — pfctl decides by resolving the word;
 * - `range`: `a - b`;
 * - `table`: `<name>`;
 * - `dynamic`: `(em0)`, `(em0:network)`, optionally with `/N`.
 */
export type PfHostKind = 'any' | 'no-route' | 'urpf-failed' | 'self' | 'address' | 'range' | 'table' | 'dynamic';

/** One address (pf.conf(5) "host"), with its parts' exact ranges. */
export interface PfHost extends Span {
  kind: PfHostKind;
  negated: boolean;
  /** The raw text as written, tokens joined as in the source: `10.0.0.0/8`, `(em0)/24`, `<bad>`, `a - b`. */
  text: string;
  /** The address word: `10.0.0.0`, `2001:db8::1`, `em0:network`, `www.example.com`; the first end of a range. */
  address?: PfWord;
  /** The NUMBER after `/`. */
  prefix?: PfWord;
  /** The last address of `a - b`. */
  rangeEnd?: PfWord;
  /** The name inside `<…>`. */
  table?: PfWord;
  /** The text inside `(…)`: `em0`, `em0:network`, `self`. */
  interface?: PfWord;
}

/** Port and user/group comparison operators; `''` is a plain value, `':'` a `P:Q` range in one word. */
export type PfPortOp = '' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '><' | '<>' | ':';

/**
 * One port item (also used for `user`/`group` items): `80`, `ssh`, `= 80`,
 * `1024:2048`, `> 49151`, `1000 >< 2000`. For `P:Q` the value is one word and
 * `low`/`high` point at its two halves (exact when the word was written
 * literally, else the whole word's range).
 */
export interface PfPort extends Span {
  op: PfPortOp;
  text: string;
  /** The (first) value word. */
  value: PfWord;
  /** The second value of `P >< Q` / `P <> Q`. */
  value2?: PfWord;
  /** The halves of a `P:Q` word (`Q` may be `*` in redirections). */
  low?: PfWord;
  high?: PfWord;
}

/** `from …` or `to …`: addresses and/or ports. */
export interface PfEndpoint extends Span {
  keyword: PfWord;
  hosts?: PfList<PfHost>;
  portKeyword?: PfWord;
  ports?: PfList<PfPort>;
}

/** `log` with its options: `log`, `log (all, to pflog1)`. */
export interface PfLog extends Span {
  keyword: PfWord;
  options: PfWord[];
  /** The interface after `to` in the options, if any (`pflog1`). */
  to?: PfWord;
}

/** A pool option after a redirection target: `round-robin`, `source-hash KEY`, `map-e-portset a/b/c`… */
export interface PfPoolOption extends Span {
  name: string;
  keyword: PfWord;
  values: PfWord[];
}

/**
 * A translation / routing target: `-> 1.2.3.4 port 80 round-robin`,
 * `nat-to (em0)`, `rdr-to <srv> port 8080`, `af-to inet from 10.0.0.1 to …`,
 * `route-to (em1 10.0.0.1)`.
 */
export interface PfRedirect extends Span {
  /** Target addresses (for route-to: the addresses inside `(if addr)`). */
  hosts: PfList<PfHost>;
  /** `route-to`, `reply-to`, `dup-to`: each `if` or `(if addr)` item. */
  routeHosts?: PfRouteHost[];
  portKeyword?: PfWord;
  /** `port P`, `port P:Q` or `port P:*`. */
  port?: PfPort;
  pool: PfPoolOption[];
  /** `af-to`: the target family and the optional `to` pool. */
  af?: PfWord;
  to?: PfRedirect;
}

/** One `route-to` item: `em1`, `(em1 10.0.0.1)`. */
export interface PfRouteHost extends Span {
  interface: PfInterface;
  host?: PfHost;
}

/** A state option in `keep state (…)` or `set state-defaults …`: `max 100`, `source-track rule`, `overload <t> flush`, `tcp.established 60`. */
export interface PfStateOption extends Span {
  name: string;
  keyword: PfWord;
  values: PfWord[];
  /** `overload <table>`: the table name. */
  table?: PfWord;
}

/**
 * A filter/scrub/ether/anchor option after the from/to part, e.g. `label "x"`,
 * `keep state (…)`, `flags S/SA`, `queue (a, b)`, `user { root 1000 }`,
 * `nat-to …`, `set prio 3`, `! tagged foo`, `state limiter name (block)`.
 * `name` is the option keyword (`'keep'`, `'modulate'`, `'synproxy'`, `'no'` for
 * `no state`, `'set'`, `'state'`, `'source'`, `'scrub'`…).
 */
export interface PfRuleOption extends Span {
  name: string;
  keyword: PfWord;
  negated: boolean;
  /** Value words in order (label text, tag name, numbers, flag words, queue names, probability…). */
  values: PfWord[];
  /** `user`/`group` items; `icmp-type`/`icmp6-type` items (value = type, value2 = code); `os` items. */
  items?: PfList<PfPort>;
  /** `nat-to`, `rdr-to`, `binat-to`, `af-to`, `divert-to` host. */
  redirect?: PfRedirect;
  /** `keep|modulate|synproxy state (…)`. */
  stateOptions?: PfStateOption[];
  /** Sub-options of `scrub (…)` and `set (…)`. */
  sub?: PfRuleOption[];
}
