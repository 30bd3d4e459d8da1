import type { PfFile, PfMacroDef, PfParseOptions } from './ast';
import { materialise, parseStatements } from './parser';
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
export { MAX_DEPTH, MAX_ERRORS, MAX_MACRO_LENGTH } from './state';

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

function run(text: string, options: PfParseOptions, macros: Map<string, PfMacroDef>, budget: { chars: number }, depth: number): PfFile {
  const file = emptyFile();
  const st = new ParseState(text, file, macros, options, budget);
  st.includeDepth = depth;
  st.lazy = options.cursor === undefined;
  st.parseInclude = (t) => run(t, { ...options, cursor: undefined }, macros, budget, depth + 1);
  try {
    const read = parseStatements(st, 'top');
    lazy(file, 'statements', () => read.map((s) => (typeof s === 'number' ? materialise(st, s) : s)));
  } catch (e) {
    // A bug must not take the language server down: report it and keep what was parsed.
    const at = Math.min(st.lastStart, text.length);
    file.errors.push({ message: `internal pf parser error: ${(e as Error)?.message ?? String(e)}`, start: at, end: Math.min(st.lastEnd, text.length), kind: 'limit' });
  }
  const tokens = st.tokens;
  lazy(file, 'macroUses', () => Array.from({ length: tokens.useCount }, (_, i) => tokens.use<PfMacroDef>(i)));
  lazy(file, 'interfaces', () => st.interfaceWords());
  lazy(file, 'tableRefs', () => st.tableRefObjects());
  return file;
}

/**
 * Makes `file[key]` computed on first read and kept (an own enumerable
 * property, so the file still serialises whole; assignable like a field).
 * The parse keeps compact data; the object form is built only when asked for.
 */
function lazy<K extends 'statements' | 'macroUses' | 'interfaces' | 'tableRefs'>(file: PfFile, key: K, compute: () => PfFile[K]): void {
  let value: PfFile[K] | undefined;
  Object.defineProperty(file, key, {
    enumerable: true,
    configurable: true,
    get: () => (value ??= compute()),
    set: (v: PfFile[K]) => {
      value = v;
    },
  });
}

/**
 * Parses pf.conf text the way FreeBSD's pfctl reads it (sbin/pfctl/parse.y):
 * lexer quirks, macros expanded at their use after their definition, every
 * statement family, pfctl's own error texts, resynchronisation after errors.
 * Pure and total: never throws, no I/O (includes come through
 * `options.resolveInclude`), linear in the input with capped expansions.
 */
export function parsePfConf(text: string, options: PfParseOptions = {}): PfFile {
  return run(text, options, new Map(), { chars: expansionBudget(text) }, 0);
}

/**
 * The keywords pfctl would accept at `offset` (for keyword completion): the
 * statement around the offset is parsed up to it. Empty when nothing is
 * expected there (e.g. inside a comment or a quoted string).
 */
export function pfKeywordsAt(text: string, offset: number): readonly string[] {
  return parsePfConf(text, { cursor: offset }).cursorExpected ?? [];
}
