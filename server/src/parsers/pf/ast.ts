import type { Comment, NamedValue } from '../syntax';
import type {
  PfEndpoint, PfHost, PfInterface, PfList, PfLog, PfRedirect, PfRuleOption, PfStateOption, PfWord, Span,
} from './ast-parts';
import type { MacroOrigin } from './tokens';

export type * from './ast-parts';

/**
 * The statement classes of pfctl's order check (parse.y `check_rulestate`):
 * options → ether → normalization (scrub) → queueing → translation → filtering.
 * `'none'` statements (macros, tables, includes, `set skip`…) never move the state.
 */
export type PfOrderClass = 'option' | 'ether' | 'normalization' | 'queueing' | 'translation' | 'filter' | 'none';

interface StatementBase extends Span {
  /** Where the statement sits in pfctl's required order. */
  order: PfOrderClass;
}

/**
 * `name = value…` — value tokens joined with single spaces, as pfctl stores them.
 * `value` is that stored text (quotes removed, `$uses` on the line already
 * expanded); valueStart/valueEnd span the first to the last value token.
 */
export interface PfMacroDef extends StatementBase, NamedValue {
  type: 'macro';
  /**
   * Set when the macro was defined in an included file: that include's path as
   * written. Its offsets (and those of origins expanded from it) refer to that file.
   */
  source?: string;
}

/** `include "file"`. `included` is filled when the caller supplied a resolver. */
export interface PfInclude extends StatementBase {
  type: 'include';
  keyword: PfWord;
  path: PfWord;
  included?: PfFile;
}

/**
 * `set NAME …`. `values` are the words after the option name; `interfaces`
 * for `set skip on …`; `pairs` for `set timeout`/`set limit` (name, value)
 * and `set syncookies (start N%, end N%)`; `stateOptions` for `set state-defaults`.
 */
export interface PfSetOption extends StatementBase {
  type: 'option';
  keyword: PfWord;
  /** The option name as written: `timeout`, `skip`, `block-policy`… */
  name: PfWord;
  values: PfWord[];
  interfaces?: PfList<PfInterface>;
  pairs?: { name: PfWord; value: PfWord }[];
  stateOptions?: PfStateOption[];
}

/** `table <name> [persist|const|counters] [{ … }] [file "…"]`. */
export interface PfTableDef extends StatementBase {
  type: 'table';
  keyword: PfWord;
  name: PfWord;
  /** The `<…>` including brackets. */
  nameSpan: Span;
  flags: PfWord[];
  addresses: PfHost[];
  files: PfWord[];
}

/** `state limiter NAME …` / `source limiter NAME …`. */
export interface PfLimiterDef extends StatementBase {
  type: 'limiter';
  limiter: 'state' | 'source';
  name: PfWord;
  /** Options as keyword + values (`id 1`, `rate 4/5`, `inet mask 16`, `table <t> above 10 below 5`). */
  options: PfRuleOption[];
}

/** Fields shared by pass/block/match, nat/rdr/binat, scrub, anchors and ether rules. */
export interface PfRuleBase extends StatementBase {
  /** The first keyword (`pass`, `nat`, `scrub`, `anchor`, `ether`…), after `no` if present. */
  keyword: PfWord;
  no?: PfWord;
  direction?: PfWord;
  log?: PfLog;
  quick?: PfWord;
  /** `on …` (`received-on` is an option). */
  onKeyword?: PfWord;
  interfaces?: PfList<PfInterface>;
  /** `route-to`/`reply-to`/`dup-to` (filter rules) — `fastroute` has no target. */
  route?: { keyword: PfWord; target?: PfRedirect } & Span;
  af?: PfWord;
  protoKeyword?: PfWord;
  protocols?: PfList<PfWord>;
  /** `all` in place of from/to. */
  all?: PfWord;
  from?: PfEndpoint;
  /** `os` between from and to. */
  os?: { keyword: PfWord; items: PfList<PfWord> } & Span;
  to?: PfEndpoint;
  options: PfRuleOption[];
  /**
   * How many rules pfctl makes of this one after expanding its lists (the
   * product of the list lengths). An upper bound: pfctl silently drops
   * combinations of mismatched address families. Computed, never materialised.
   */
  expansionCount: number;
}

/** `pass`, `block`, `match`. `blockPolicy` is `drop`, `return`, `return-rst`, `return-icmp(…)`… */
export interface PfFilterRule extends PfRuleBase {
  type: 'filter';
  action: 'pass' | 'block' | 'match';
  blockPolicy?: PfWord;
  /** Values in parentheses after `return-rst`/`return-icmp`/`return-icmp6`. */
  blockPolicyArgs?: PfWord[];
}

/** Old-style `nat`/`rdr`/`binat` (with optional `no`, `pass`), target after `->`. */
export interface PfTranslationRule extends PfRuleBase {
  type: 'translation';
  action: 'nat' | 'rdr' | 'binat';
  pass?: PfWord;
  arrow?: PfWord;
  redirect?: PfRedirect;
}

/** `scrub …` / `no scrub …`; options are space- or comma-separated, without parentheses. */
export interface PfScrubRule extends PfRuleBase {
  type: 'scrub';
  action: 'scrub';
}

/**
 * `anchor`, `nat-anchor`, `rdr-anchor`, `binat-anchor`, `ether anchor`.
 * `body` is set for inline anchors `{ … }`, with `bodyStart`/`bodyEnd` at the braces.
 */
export interface PfAnchorRule extends PfRuleBase {
  type: 'anchor';
  action: 'anchor' | 'nat-anchor' | 'rdr-anchor' | 'binat-anchor' | 'ether-anchor';
  name?: PfWord;
  body?: PfStatement[];
  bodyStart?: number;
  bodyEnd?: number;
}

/** `ether pass|block|match …` (layer-2 rules). `macFrom`/`macTo` hold MAC items as hosts of kind `address`. */
export interface PfEtherRule extends PfRuleBase {
  type: 'ether';
  action: 'pass' | 'block' | 'match';
  bridgeTo?: PfWord;
  /** `l3 …` part: an IP from/to. */
  l3?: { keyword: PfWord; all?: PfWord; from?: PfEndpoint; to?: PfEndpoint } & Span;
}

/** `load anchor NAME from "file"`. */
export interface PfLoadAnchor extends StatementBase {
  type: 'load-anchor';
  keyword: PfWord;
  name?: PfWord;
  path?: PfWord;
}

/** `antispoof [log] [quick] for IF [af] [label …]`. */
export interface PfAntispoof extends PfRuleBase {
  type: 'antispoof';
  action: 'antispoof';
}

/** `altq on IF SCHED bandwidth … queue { … }` and `queue NAME [on IF] … [{ children }]`. */
export interface PfQueueDef extends StatementBase {
  type: 'altq' | 'queue';
  keyword: PfWord;
  /** The queue's name (`queue` only). */
  name?: PfWord;
  interfaces?: PfList<PfInterface>;
  /** `bandwidth 10Mb`, `priority 3`, `cbq(default borrow)`, `hfsc(linkshare 30%)`… */
  options: PfRuleOption[];
  /** Child queue names (`queue { a b }` on altq; `{ a b }` or one name on queue). */
  children?: PfList<PfWord>;
}

/** A statement that failed to parse; its errors are in `PfFile.errors`. */
export interface PfInvalidStatement extends StatementBase {
  type: 'invalid';
}

/** Every top-level (or anchor-body) statement. Discriminate on `type`. */
export type PfStatement =
  | PfMacroDef | PfInclude | PfSetOption | PfTableDef | PfLimiterDef | PfFilterRule | PfTranslationRule
  | PfScrubRule | PfAnchorRule | PfEtherRule | PfLoadAnchor | PfAntispoof | PfQueueDef | PfInvalidStatement;

/** Any statement with the common rule fields. */
export type PfRule = PfFilterRule | PfTranslationRule | PfScrubRule | PfAnchorRule | PfEtherRule | PfAntispoof;

/** A `$name` written outside quotes. `definition` is the one in effect at that point (undefined: not defined yet). */
export interface PfMacroUse extends Span {
  name: string;
  definition?: PfMacroDef;
}

/** A `<name>` used as an address or in `overload <t>` / limiter `table <t>` (not a `table` definition). */
export interface PfTableRef extends Span {
  name: string;
  /** The name word inside the brackets. */
  nameWord: PfWord;
}

/** Related location for an error (e.g. the macro definition a bad expansion came from). */
export interface PfRelated extends Span {
  message: string;
}

/**
 * A problem found while parsing. `kind`:
 * - `syntax`: pfctl would reject the statement (message close to pfctl's, e.g. `syntax error`);
 * - `undefined-macro`: `macro 'x' not defined` (pfctl rejects it too; a dedicated check reports it);
 * - `semantic`: pfctl parses the statement but rejects it (e.g. `invalid port range`);
 * - `limit`: a cap this analyser imposes (expansion size, nesting depth) — not a pfctl error.
 * `topic` tells which check family owns a semantic error (`port`, `address`), so a dedicated
 * check can report it instead of pf/syntax.
 */
export interface PfError extends Span {
  message: string;
  kind: 'syntax' | 'undefined-macro' | 'semantic' | 'limit';
  topic?: 'port' | 'address';
  related?: PfRelated[];
  /** For a syntax error at a word: the keywords pfctl would have accepted there. */
  expected?: readonly string[];
  origin?: MacroOrigin;
}

/** A word the parser could not place, with the keywords valid there (for "did you mean" / completion). */
export interface PfUnexpectedWord extends Span {
  text: string;
  expected: readonly string[];
}

/** Result of `parsePfConf`: the statements plus indexes that checks and features use directly. */
export interface PfFile {
  statements: PfStatement[];
  /** Every macro definition in order (redefinitions included); anchor bodies never hold macros. */
  macros: PfMacroDef[];
  macroUses: PfMacroUse[];
  tables: PfTableDef[];
  tableRefs: PfTableRef[];
  /** Every anchor rule, nested ones included, in source order. */
  anchors: PfAnchorRule[];
  loadAnchors: PfLoadAnchor[];
  includes: PfInclude[];
  /** Every interface name written in the file (`on`, `set skip on`, `antispoof for`, `altq on`, route-to, received-on). */
  interfaces: PfWord[];
  comments: Comment[];
  errors: PfError[];
  unexpected: PfUnexpectedWord[];
  /** Keywords valid at `PfParseOptions.cursor` (only when a cursor was given). */
  cursorExpected?: readonly string[];
}

/** Options for `parsePfConf`. */
export interface PfParseOptions {
  /**
   * Returns the text of an `include`d file (path as written), or undefined.
   * Included files are parsed with the includer's macros and order state, as pfctl does.
   */
  resolveInclude?: (path: string) => string | undefined;
  /** Offset at which to collect the keywords valid there (keyword completion). */
  cursor?: number;
}
