import type { PfFile, PfMacroDef, PfParseOptions, PfStatement } from './ast';
import { MacroTable } from './macro-table';
import { materialise, parseStatements, type PendingStatement } from './parser';
import { ParseState } from './state';

export type * from './ast';
export type { MacroOrigin } from './tokens';
export { PF_KEYWORDS, KEYWORD_SET } from './tokens';
export { STATEMENT_START } from './parser';
export { FILTER_OPTS } from './filter-opts';
export { STATE_OPTS, SCRUB_OPTS } from './state-opts';
export { POOL_OPTS } from './redirect';
export { SET_OPTIONS } from './options';
export { MAX_RULE_EXPANSION, literalFamily } from './semantics';
export { MAX_DEPTH, MAX_ERRORS, MAX_MACRO_LENGTH } from './parse-support';

/** Characters of macro text the lexer may re-read per parse: generous for real files, bounded for hostile ones. */
function expansionBudget(text: string): number {
  return 4_000_000 + 16 * text.length;
}

function emptyFile(): PfFile {
  return {
    statements: [], macros: [], macroUses: [], tables: [], tableRefs: [], anchors: [], loadAnchors: [], includes: [],
    interfaces: [], comments: [], errors: [], unexpected: [],
  };
}

/** Index length up to which `macroUses`, `interfaces` and `tableRefs` are built during the parse. */
const EAGER_INDEX = 32;

// Kept on the file under symbols (invisible to JSON and to Object.entries); a
// WeakMap entry per parsed file would cost the garbage collector more.
/** How many top-level statements were read in compact mode (for tests and the benchmark). */
const COMPACT_COUNT = Symbol('pf compact statements');
/** The file's fields computed on first read (`lazy`). */
const LAZY = Symbol('pf lazy fields');
type LazyKey = 'statements' | 'macroUses' | 'interfaces' | 'tableRefs';
/** A field computed on first read: how, and its value once read or assigned. */
interface LazyField {
  compute: () => unknown;
  value: unknown;
  assigned: boolean;
}
interface Internals {
  [COMPACT_COUNT]?: number;
  [LAZY]?: Partial<Record<LazyKey, LazyField>>;
}

/**
 * How a parse reads the files it includes: with its macros, budget and mode,
 * one level deeper. Made here, not as an arrow function in `run` (whose
 * context holds the parse state and the file): with that closure stored on
 * the parse state, V8's minor collections kept most of every parse's objects
 * alive until a full collection. See `LAZY_ACCESSORS` for the numbers.
 */
function includeParser(options: PfParseOptions, macros: MacroTable, budget: { chars: number }, depth: number, eager: boolean): (text: string) => PfFile {
  return (t) => run(t, { ...options, cursor: undefined }, macros, budget, depth + 1, eager);
}

function run(text: string, options: PfParseOptions, macros: MacroTable, budget: { chars: number }, depth: number, eager: boolean): PfFile {
  const file = emptyFile();
  const st = new ParseState(text, file, macros, options, budget, !eager);
  st.includeDepth = depth;
  st.parseInclude = includeParser(options, macros, budget, depth, eager);
  try {
    const read = parseStatements(st, 'top');
    (file as Internals)[COMPACT_COUNT] = read.pending;
    const built = (pending: PendingStatement): PfStatement => build(st, file, pending);
    if (read.pending === 0) file.statements = read.toArray(built);
    else lazy(file, 'statements', () => read.toArray(built));
  } catch (e) {
    // A bug must not take the language server down: report it and keep what was parsed.
    const at = Math.min(st.lastStart, text.length);
    file.errors.push({ message: `internal pf parser error: ${(e as Error)?.message ?? String(e)}`, start: at, end: Math.min(st.lastEnd, text.length), kind: 'limit' });
  }
  const tokens = st.tokens;
  index(file, 'macroUses', tokens.useCount, () => Array.from({ length: tokens.useCount }, (_, i) => tokens.use<PfMacroDef>(i)));
  index(file, 'interfaces', st.interfaceItems.length, () => st.interfaceWords());
  index(file, 'tableRefs', st.tableRefItems.length, () => st.tableRefObjects());
  return file;
}

/** Sets a file index of `length` entries: built at once when short (deferring costs more than it saves), else on first read. */
function index<K extends 'macroUses' | 'interfaces' | 'tableRefs'>(file: PfFile, key: K, length: number, compute: () => PfFile[K]): void {
  if (length <= EAGER_INDEX) file[key] = compute();
  else lazy(file, key, compute);
}

/**
 * Builds a statement read in compact mode. Its tokens parsed once already,
 * so this cannot fail — but a bug must not take the language server down
 * when a check first reads the tree: it becomes an invalid statement and an
 * internal error.
 */
function build(st: ParseState, file: PfFile, pending: PendingStatement): PfStatement {
  try {
    return materialise(st, pending);
  } catch (e) {
    const start = st.pendingStart(pending);
    file.errors.push({ message: `internal pf parser error: ${(e as Error)?.message ?? String(e)}`, start, end: start, kind: 'limit' });
    return { type: 'invalid', order: 'none', start, end: start };
  }
}

/**
 * Makes `file[key]` computed on first read and kept (an own enumerable
 * property, so the file still serialises whole; assignable like a field).
 * The parse keeps compact data; the object form is built only when asked for.
 */
function lazy(file: PfFile, key: LazyKey, compute: () => unknown): void {
  const fields = ((file as Internals)[LAZY] ??= {});
  fields[key] = { compute, value: undefined, assigned: false };
  Object.defineProperty(file, key, LAZY_ACCESSORS[key]);
}

/**
 * The accessors of the lazy fields, one pair per field name shared by every
 * file; each file's state is in its `LAZY` record. With accessors made per
 * file (closures over its parse), and with `run`'s include closure (see
 * `includeParser`), V8's minor collections kept most of each parse's objects
 * alive until a full collection: parsing the pfctl corpus in a loop, a
 * quarter of all it allocated was copied and promoted, and scavenges took
 * 0.7–0.9 s of 1,500 parses; with neither, 0.15 s. (Either one alone kept
 * the effect; why V8 retains them was not pinned down.)
 */
const LAZY_ACCESSORS: Record<LazyKey, PropertyDescriptor> = {
  statements: lazyAccessor('statements'),
  macroUses: lazyAccessor('macroUses'),
  interfaces: lazyAccessor('interfaces'),
  tableRefs: lazyAccessor('tableRefs'),
};

function lazyAccessor(key: LazyKey): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: Internals): unknown {
      const field = this[LAZY]![key]!;
      if (field.value === undefined) field.value = field.compute();
      return field.value;
    },
    set(this: Internals, v: unknown): void {
      const field = this[LAZY]![key]!;
      field.value = v;
      field.assigned = true;
    },
  };
}

/**
 * Parses pf.conf text the way FreeBSD's pfctl reads it (sbin/pfctl/parse.y):
 * lexer quirks, macros expanded at their use after their definition, every
 * statement family, pfctl's own error texts, resynchronisation after errors.
 * Pure and total: never throws, no I/O (includes come through
 * `options.resolveInclude`), linear in the input with capped expansions.
 */
export function parsePfConf(text: string, options: PfParseOptions = {}): PfFile {
  return run(text, options, new MacroTable(), { chars: expansionBudget(text) }, 0, false);
}

/**
 * `parsePfConf` building every statement while parsing (no compact mode):
 * the reference that compact mode must reproduce exactly. Slower; for tests.
 */
export function parsePfConfEagerly(text: string, options: PfParseOptions = {}): PfFile {
  return run(text, options, new MacroTable(), { chars: expansionBudget(text) }, 0, true);
}

/**
 * Drops the trees built for `file`'s compact-mode statements (and those of its
 * included files), so the file holds only its compact parse again; the next
 * read of `statements` builds them anew. For files nobody is looking at: the
 * workspace keeps every file parsed, and a built tree costs about 30 bytes per
 * byte of pf.conf against about 5 for the compact parse.
 */
export function releaseStatements(file: PfFile): void {
  // Forgets the built statements (built again when next read); assigned ones stay.
  const field = (file as Internals)[LAZY]?.statements;
  if (field !== undefined && !field.assigned) field.value = undefined;
  for (const inc of file.includes) if (inc.included) releaseStatements(inc.included);
}

/** How many of `file`'s top-level statements were read in compact mode (built on first read of `statements`). */
export function compactStatementCount(file: PfFile): number {
  return (file as Internals)[COMPACT_COUNT] ?? 0;
}

/**
 * The keywords pfctl would accept at `offset` (for keyword completion): the
 * statement around the offset is parsed up to it. Empty when nothing is
 * expected there (e.g. inside a comment or a quoted string).
 */
export function pfKeywordsAt(text: string, offset: number): readonly string[] {
  return parsePfConf(text, { cursor: offset }).cursorExpected ?? [];
}
