/**
 * Token kinds, character classes and the keyword table of pfctl's lexer
 * (sbin/pfctl/parse.y `lex()`, `allowed_in_string`, `allowed_to_end_number`,
 * `keywords[]`). Kept in one place so the lexer, the parser and features such
 * as completion agree on what a keyword is.
 */

import { IntList } from './int-list';
import { quoteSource } from '../quote';

/** What the lexer recognised. Mirrors the token classes yacc sees in parse.y. */
export const Tok = {
  /** A bare word that is not in the keyword table (yacc STRING). */
  Word: 0,
  /** A bare word found in the keyword table. */
  Keyword: 1,
  /** A quoted string: always STRING, never a keyword. */
  Quoted: 2,
  /** Decimal digits followed by a character allowed to end a number (yacc NUMBER). */
  Number: 3,
  /** A one- or two-character operator: { } ( ) < > ! = , / - != <= >= <> >< -> or any other stray character. */
  Punct: 4,
  /** End of a logical line (statements end here). */
  Newline: 5,
  /** End of input. */
  Eof: 6,
  /** The completion cursor (only when a cursor offset was requested). */
  Cursor: 7,
} as const;
/** A token kind (one of the `Tok` values). */
export type Tok = (typeof Tok)[keyof typeof Tok];

/** Where a token produced by expanding `$name` came from. Shared by every token of one use. */
export interface MacroOrigin {
  /** The macro's name, without `$`. */
  name: string;
  /** Offsets of the `$name` use in the document. */
  useStart: number;
  useEnd: number;
  /** Offsets of the definition's value in the document (the text after `=`). */
  valueStart: number;
  valueEnd: number;
  /** Offsets of the definition's name in the document. */
  nameStart: number;
  nameEnd: number;
}

/** Where a macro was defined (what a use needs to point back at it). */
export interface MacroSource {
  name: string;
  valueStart: number;
  valueEnd: number;
  nameStart: number;
  nameEnd: number;
}

/**
 * One token. `start`/`end` are document offsets; a token produced by a macro
 * expansion spans the `$name` use and carries `origin`.
 */
export interface Token {
  kind: Tok;
  /** The text yacc would see: quotes removed, escapes applied. */
  text: string;
  start: number;
  end: number;
  origin: MacroOrigin | undefined;
  /** kind === Quoted / kind === Number, kept as fields so a token doubles as a tree word without copying. */
  quoted: boolean;
  number: boolean;
}

/**
 * The ref of a token whose text is the document's characters between its
 * first and last (a quoted string with no escapes: most of them).
 */
export const INNER_TEXT = -1;

/** "No token": what a lexer step returns when it consumed text without producing a token. */
export const NO_TOKEN = -1;

/**
 * Every token of one parse, in order, in one typed array indexed by token
 * number: the lexer allocates no object per token, and the parser makes a
 * `Token` object only for a token it keeps in a built tree.
 *
 * A token's text is the document's characters at [start, end) unless `ref`
 * says otherwise: ref > 0 is an entry of `TOKEN_STRINGS` (keywords and
 * operators, so comparing them is comparing interned strings), `INNER_TEXT`
 * the characters inside the token's first and last (quotes), other refs < 0
 * an entry of `texts` (escaped or macro-expanded text; few). Per-token
 * JS arrays are avoided on purpose: a megabyte ruleset has 200,000 tokens,
 * and JS arrays that size cost more in growth and GC than the lexing itself.
 */
export class TokenStore {
  /**
   * Four ints per token: `ref << 3 | kind`, start, end, org (0: not from a
   * macro; else its use number). One array, so appending a token is one
   * bounds check and four stores. Holds tokens from number `base` on (see
   * `discardBefore`).
   */
  private data: Int32Array;
  /** Number of the first token still in `data`. */
  private base = 0;
  /** Tokens copied out before being discarded (`keep`), four ints each as in `data`. */
  private readonly kept = new IntList();
  /** Texts by ref (-ref - 1); entry 0 is never used, as ref -1 is `INNER_TEXT`. */
  private readonly texts: string[] = [''];
  private readonly textRefs = new Map<string, number>();
  // Every `$name` use, defined or not, in order: its range and its definition
  // (1 + index into `defs`; 0: undefined, name in `undefinedNames`). Index = use number - 1.
  // Three ints per use (start, end, definition), in an IntList: no pointers
  // for the collector, and little to allocate for the many small files.
  private readonly useData = new IntList();
  private readonly defs: MacroSource[] = [];
  private readonly defIndex = new Map<MacroSource, number>();
  private readonly undefinedNames = new Map<number, string>();
  /** MacroOrigin objects made so far, by use number (made on request: most are never asked for). */
  private readonly originCache: (MacroOrigin | undefined)[] = [];
  count = 0;

  /**
   * `capacity`: tokens to make room for at first. A store that keeps every
   * token starts at a quarter of the characters (tokens rarely outnumber
   * that); one that discards them as it goes needs room for one statement.
   */
  constructor(private readonly doc: string, capacity = (doc.length >> 2) + 64) {
    this.data = new Int32Array(capacity * 4);
  }

  kindAt(i: number): Tok {
    return (this.data[(i - this.base) << 2] & 7) as Tok;
  }

  /** See the class comment: 0 document text, > 0 `TOKEN_STRINGS` entry, < 0 `texts` entry. */
  refAt(i: number): number {
    return this.data[(i - this.base) << 2] >> 3;
  }

  startAt(i: number): number {
    return this.data[((i - this.base) << 2) + 1];
  }

  endAt(i: number): number {
    return this.data[((i - this.base) << 2) + 2];
  }

  /** The `$name` use token `i` came from (0: none). */
  orgAt(i: number): number {
    return this.data[((i - this.base) << 2) + 3];
  }

  /** The text of token `i`. */
  textOf(i: number): string {
    return this.text(this.refAt(i), this.startAt(i), this.endAt(i));
  }

  private text(ref: number, start: number, end: number): string {
    if (ref === 0) return this.doc.slice(start, end);
    if (ref === INNER_TEXT) return this.doc.slice(start + 1, end - 1);
    return ref > 0 ? TOKEN_STRINGS[ref] : this.texts[-ref - 1];
  }

  /**
   * Forgets the tokens before number `n` (numbers stay as they are): a parse
   * that is done with a statement's tokens drops them, so the store holds
   * one statement at a time and stays in the cache. Reading a dropped token
   * is a bug.
   */
  discardBefore(n: number): void {
    if (n <= this.base) return;
    // Usually one or two tokens of lookahead move; a loop beats copyWithin's call.
    const d = this.data;
    for (let from = (n - this.base) << 2, end = (this.count - this.base) << 2, to = 0; from < end; ) d[to++] = d[from++];
    this.base = n;
  }

  /** Copies token `i` where `discardBefore` does not reach; returns its number among kept tokens (`keptToken`). */
  keep(i: number): number {
    const o = (i - this.base) << 2;
    const d = this.data;
    const kept = this.kept;
    const k = kept.length >> 2;
    kept.push(d[o]);
    kept.push(d[o + 1]);
    kept.push(d[o + 2]);
    kept.push(d[o + 3]);
    return k;
  }

  /** Kept token `k` as an object. */
  keptToken(k: number): Token {
    const o = k << 2;
    const kd = this.kept;
    const kind = (kd.at(o) & 7) as Tok;
    const start = kd.at(o + 1);
    const end = kd.at(o + 2);
    return {
      kind, text: this.text(kd.at(o) >> 3, start, end), start, end, origin: this.originAt(kd.at(o + 3)),
      quoted: kind === Tok.Quoted, number: kind === Tok.Number,
    };
  }

  /** The interned table string of a keyword or operator token, else undefined (no slicing). */
  tableText(i: number): string | undefined {
    const r = this.refAt(i);
    return r > 0 ? TOKEN_STRINGS[r] : undefined;
  }

  originOf(i: number): MacroOrigin | undefined {
    return this.originAt(this.orgAt(i));
  }

  /** The origin of use number `use` (undefined for 0 or a use of an undefined macro); one object per use. */
  originAt(use: number): MacroOrigin | undefined {
    if (use === 0) return undefined;
    const cached = this.originCache[use];
    if (cached !== undefined) return cached;
    const k = (use - 1) * 3;
    const d = this.useData.at(k + 2);
    if (d === 0) return undefined;
    const m = this.defs[d - 1];
    const o: MacroOrigin = {
      name: m.name, useStart: this.useData.at(k), useEnd: this.useData.at(k + 1),
      valueStart: m.valueStart, valueEnd: m.valueEnd, nameStart: m.nameStart, nameEnd: m.nameEnd,
    };
    this.originCache[use] = o;
    return o;
  }

  /** Records a `$name` use; returns its use number (what tokens of its expansion carry in `org`). */
  addUse(name: string, start: number, end: number, def: MacroSource | undefined): number {
    const i = this.useData.length / 3;
    let d = 0;
    if (def === undefined) this.undefinedNames.set(i, name);
    else {
      const known = this.defIndex.get(def);
      if (known === undefined) this.defIndex.set(def, (d = this.defs.push(def)));
      else d = known;
    }
    this.useData.push(start);
    this.useData.push(end);
    this.useData.push(d);
    return i + 1;
  }

  /** Number of `$name` uses recorded. */
  get useCount(): number {
    return this.useData.length / 3;
  }

  /** Use `i` (0-based) as its name, range and the definition in effect. */
  use<D extends MacroSource>(i: number): { name: string; start: number; end: number; definition: D | undefined } {
    const d = this.useData.at(i * 3 + 2);
    const definition = d === 0 ? undefined : (this.defs[d - 1] as D);
    return { name: definition?.name ?? this.undefinedNames.get(i) ?? '', start: this.useData.at(i * 3), end: this.useData.at(i * 3 + 1), definition };
  }

  /** Appends a token whose text is given by `ref` (see the class comment); returns its number. */
  push(kind: Tok, ref: number, start: number, end: number, org: number): number {
    const i = this.count++;
    const o = (i - this.base) << 2;
    let d = this.data;
    if (o === d.length) d = this.grow();
    d[o] = (ref << 3) | kind;
    d[o + 1] = start;
    d[o + 2] = end;
    d[o + 3] = org;
    return i;
  }

  /** The ref for `text`: its table id when it is a keyword or operator of that kind, else a new `texts` entry. */
  refFor(kind: Tok, text: string): number {
    if (kind === Tok.Keyword || kind === Tok.Punct || kind === Tok.Newline) {
      const id = TOKEN_STRING_IDS.get(text);
      if (id !== undefined) return id;
    }
    // One entry per distinct text: a macro re-read thousands of times adds no new strings.
    let ref = this.textRefs.get(text);
    if (ref === undefined) this.textRefs.set(text, (ref = -this.texts.push(text)));
    return ref;
  }

  /** Empties the store, uses included, for reading more tokens of the same document (see `PfLexer.restart`). */
  clear(): void {
    this.count = 0;
    this.base = 0;
    this.useData.length = 0;
    this.defs.length = 0;
    this.defIndex.clear();
    this.undefinedNames.clear();
    this.originCache.length = 0;
  }

  private grow(): Int32Array {
    this.data = grown(this.data, this.data.length * 2);
    return this.data;
  }

}

function grown(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

// Character-class bits for the ASCII range.
export const C_WORD_START = 1;
export const C_WORD = 2;
export const C_SPACE = 4;
export const C_NUM_END = 8;
export const C_DIGIT = 16;
export const C_MACRO_NAME = 32;

/** Class bits per ASCII code; characters >= 128 have no class (C's isalnum/ispunct in the C locale). */
export const CHAR_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (let c = 33; c < 127; c++) {
    const ch = String.fromCharCode(c);
    const alnum = /[A-Za-z0-9]/.test(ch);
    if (alnum) t[c] |= C_WORD | C_MACRO_NAME;
    else if (!'(){}<>!=/#,'.includes(ch)) t[c] |= C_WORD;
    if (alnum || ch === ':' || ch === '_') t[c] |= C_WORD_START;
    if (ch >= '0' && ch <= '9') t[c] |= C_DIGIT;
  }
  t[95] |= C_MACRO_NAME; // '_'
  for (const c of [32, 9, 12]) t[c] |= C_SPACE;
  // allowed_to_end_number: isspace(c) || c == ')' || c == ',' || c == '/' || c == '}' || c == '='
  for (const c of [32, 9, 10, 11, 12, 13, 41, 44, 47, 125, 61]) t[c] |= C_NUM_END;
  return t;
})();

/**
 * The 156 entries of pfctl's keyword table (case-sensitive), as in FreeBSD main.
 * Written as literals, not split from one string: literals are internalized, so
 * a keyword token's text compares with the parser's `'pass'`, `'from'`… by pointer.
 */
export const PF_KEYWORDS: readonly string[] = [
  'above', 'af-to', 'all', 'allow-opts', 'allow-related', 'altq', 'anchor', 'antispoof', 'any', 'bandwidth', 'below',
  'binat', 'binat-anchor', 'binat-to', 'bitmask', 'block', 'block-policy', 'bridge-to', 'buckets', 'cbq', 'code',
  'codelq', 'debug', 'divert-reply', 'divert-to', 'dnpipe', 'dnqueue', 'drop', 'dup-to', 'endpoint-independent',
  'entries', 'ether', 'fail-policy', 'fairq', 'fastroute', 'file', 'fingerprints', 'flags', 'floating', 'flush',
  'for', 'fragment', 'from', 'global', 'group', 'hfsc', 'hogs', 'hostid', 'icmp-type', 'icmp6-type', 'id', 'if-bound',
  'in', 'include', 'inet', 'inet6', 'interval', 'keep', 'keepcounters', 'l3', 'label', 'limit', 'limiter',
  'linkshare', 'load', 'log', 'loginterface', 'map-e-portset', 'mask', 'match', 'matches', 'max', 'max-mss',
  'max-pkt-rate', 'max-pkt-size', 'max-src-conn', 'max-src-conn-rate', 'max-src-nodes', 'max-src-states', 'min-ttl',
  'modulate', 'nat', 'nat-anchor', 'nat-to', 'no', 'no-df', 'no-match', 'no-route', 'no-sync', 'on', 'once',
  'optimization', 'os', 'out', 'overload', 'pass', 'pflow', 'port', 'prefer-ipv6-nexthop', 'prio', 'priority', 'priq',
  'probability', 'proto', 'qlimit', 'queue', 'quick', 'random', 'random-id', 'rate', 'rdr', 'rdr-anchor', 'rdr-to',
  'realtime', 'reassemble', 'received-on', 'reply-to', 'require-order', 'return', 'return-icmp', 'return-icmp6',
  'return-rst', 'ridentifier', 'round-robin', 'route', 'route-to', 'rtable', 'rule', 'ruleset-optimization', 'scrub',
  'set', 'set-tos', 'skip', 'sloppy', 'source', 'source-hash', 'source-track', 'state', 'state-defaults',
  'state-policy', 'static-port', 'sticky-address', 'syncookies', 'synproxy', 'table', 'tag', 'tagged', 'target',
  'tbrsize', 'timeout', 'to', 'tos', 'ttl', 'upperlimit', 'urpf-failed', 'user',
];

/** Keyword lookup; a word not in here is a STRING to yacc. */
export const KEYWORD_SET: ReadonlySet<string> = new Set(PF_KEYWORDS);

/** Longest token pfctl's lexer accepts before "string too long" (its buffer is 8 KB). */
export const MAX_TOKEN_LENGTH = 8190;

/** Words that begin a top-level statement; used to resynchronise after a missing `}`. */
export const STATEMENT_KEYWORDS: ReadonlySet<string> = new Set([
  'include', 'set', 'table', 'ether', 'scrub', 'nat', 'rdr', 'binat', 'pass', 'block', 'match',
  'anchor', 'nat-anchor', 'rdr-anchor', 'binat-anchor', 'load', 'altq', 'antispoof',
]);

/** A readable rendering of a token for "syntax error" messages. */
export function describeToken(t: Token): string {
  if (t.kind === Tok.Newline) return 'end of line';
  if (t.kind === Tok.Eof) return 'end of file';
  return quoteSource(t.text, t.kind === Tok.Quoted ? '"' : "'");
}

/** Operators and stray characters the lexer hands over as Punct, plus the newline text. */
const PUNCT_STRINGS = ['{', '}', '(', ')', '<', '>', '!', '=', ',', '/', '-', ':', '!=', '<=', '>=', '<>', '><', '->', '\n', '+', '*', '|', '&', ';', '@', '.', '[', ']', '^', '~', '%', '?', "'", '`'];
/** Interned token texts by id (id 0 unused: "the document's characters"). */
const TOKEN_STRINGS: readonly string[] = ['', ...PF_KEYWORDS, ...PUNCT_STRINGS];
const TOKEN_STRING_IDS: ReadonlyMap<string, number> = new Map(TOKEN_STRINGS.map((t, i) => [t, i]));
/** Token-string id of an operator or stray character (`'->'`, `'{'`…); 0 when it has none. */
export function punctId(p: string): number {
  return TOKEN_STRING_IDS.get(p) ?? 0;
}
/** Token-string id of keyword `kw` (what `TokenStore.refAt` gives for its tokens); throws for a non-keyword, a programming error. */
export function keywordId(kw: string): number {
  if (!KEYWORD_SET.has(kw)) throw new Error(`not a pf keyword: ${kw}`);
  return TOKEN_STRING_IDS.get(kw)!;
}
/** Ids of the one-character operators by character code (0: none). */
export const PUNCT_ID_BY_CHAR: Uint16Array = (() => {
  const t = new Uint16Array(128);
  for (const p of PUNCT_STRINGS) if (p.length === 1) t[p.charCodeAt(0)] = TOKEN_STRING_IDS.get(p)!;
  return t;
})();
