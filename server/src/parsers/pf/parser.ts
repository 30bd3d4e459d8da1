import type { PfInclude, PfMacroDef, PfStatement } from './ast';
import { checkRule, checkTranslation } from './semantics';
import { anchorRule, includeStmt, loadAnchor, type BodyParser } from './anchors';
import { etherStatement } from './ether';
import { fastRule } from './fast-filter';
import { FastRead } from './fast-read';
import { antispoof, filterRule, scrubRule } from './filter';
import { setOption } from './options';
import { queueDef } from './queues';
import { ParseState } from './state';
import { FAIL, MAX_MACRO_LENGTH, word } from './parse-support';
import { StatementList } from './statement-list';
import { limiterDef, tableDef } from './tables';
import { keywordId, NO_TOKEN, STATEMENT_KEYWORDS, Tok, type Token } from './tokens';
import { translationRule } from './translation';

/**
 * The statement loop (parse.y `ruleset`): one statement per logical line,
 * dispatched on its first word; on error the statement is abandoned and
 * parsing resumes after the next newline with braces balanced — pfctl's
 * `ruleset error '\n'` recovery, made brace-aware.
 */

/** Where statements are being read: the main ruleset, an inline anchor body, or an ether anchor body. */
export type Context = 'top' | 'anchor' | 'ether-anchor';

/** First words of a top-level statement (for "expected" at a line start and keyword completion). */
export const STATEMENT_START: readonly string[] = [
  'include', 'set', 'table', 'state', 'source', 'ether', 'scrub', 'no', 'nat', 'rdr', 'binat', 'pass', 'block', 'match',
  'anchor', 'nat-anchor', 'rdr-anchor', 'binat-anchor', 'load', 'altq', 'queue', 'antispoof', '<macro> =',
];
const ANCHOR_BODY = ['table', 'pass', 'block', 'match', 'anchor', 'include', '}'];
const ETHER_BODY = ['ether', '}'];

/** Reads statements until end of file, or until the `}` closing an inline anchor body. */
export function parseStatements(st: ParseState, ctx: Context, open?: Token): StatementList {
  const out = new StatementList();
  for (;;) {
    const k = st.nextKind();
    if (k === Tok.Eof) {
      if (ctx !== 'top' && open) {
        st.addError({ message: "syntax error: end of file inside the anchor body; its closing '}' is missing", start: open.start, end: open.end, kind: 'syntax' });
      }
      return out;
    }
    if (k === Tok.Newline) {
      st.skip();
      continue;
    }
    if (ctx !== 'top' && k === Tok.Punct && st.nextKw() === '}') {
      st.skip();
      return out;
    }
    if (ctx === 'top') st.discardConsumed();
    const s = statement(st, ctx);
    if (s !== undefined) out.add(s);
  }
}

function bodyParser(ctx: Context): BodyParser {
  // Only the top level reads statements in compact mode: anchor bodies are built.
  // (Nothing in a body is pending; building one would be right all the same.)
  return (st, open) => parseStatements(st, ctx, open).toArray((pending) => materialise(st, pending));
}

/**
 * Statements that compact mode reads without building them (see
 * `ParseState.build`), by first keyword.
 */
const COMPACT: readonly string[] = ['pass', 'block', 'match', 'no', 'nat', 'rdr', 'binat', 'scrub', 'antispoof', 'set', 'altq', 'queue', 'ether'];
/** `COMPACT` by keyword id (`TokenStore.refAt`): 1 for its keywords. */
const COMPACT_IDS: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (const kw of COMPACT) t[keywordId(kw)] = 1;
  return t;
})();
const ETHER = keywordId('ether');

/**
 * Whether the statement at the next token is read in compact mode: by its
 * first keyword (`COMPACT`), except `ether anchor`, which stays built — it
 * records itself in `file.anchors` and reads its inline body through this
 * loop as it goes, which a replay would do a second time.
 */
function compactStatement(st: ParseState): boolean {
  const t = st.next();
  const id = st.tokens.refAt(t);
  if (!(id > 0 && COMPACT_IDS[id] === 1 && st.tokens.kindAt(t) === Tok.Keyword)) return false;
  if (id !== ETHER) return true;
  const second = st.peekAt(1); // one token object, for ether lines only
  return !(second.kind === Tok.Keyword && second.text === 'anchor');
}

/**
 * A statement read in compact mode (valid, not built yet) stands in the
 * statement list as its number (`ParseState.pend`); `materialise` builds it.
 */
export type PendingStatement = number;

/** The tree of a statement read in compact mode, built by lexing and reading its text again. */
export function materialise(st: ParseState, pending: PendingStatement): PfStatement {
  return st.relex(pending, () => dispatch(st, 'top'));
}

/** One statement with its newline; never throws (a failure becomes an `invalid` statement). */
function statement(st: ParseState, ctx: Context): PfStatement | PendingStatement | undefined {
  const savedDepth = st.depth;
  const nesting = st.nesting;
  const top = st.top;
  st.depth = 0;
  st.stmtLexErrors = st.lexer.errorCount;
  const firstTok = st.next();
  const compact = st.lazy && ctx === 'top' && compactStatement(st);
  st.build = !compact;
  st.wantsObject = false;
  try {
    if (compact) return compactStatementRead(st, ctx, firstTok);
    const s = dispatch(st, ctx);
    endOfStatement(st);
    if (s.type === 'macro') {
      st.macros.set(s);
      st.file.macros.push(s);
    }
    if (s.type === 'include') includeFile(st, s);
    if (st.nextKind() === Tok.Newline) st.skip();
    return s;
  } catch (e) {
    if (e !== FAIL) throw e;
    st.nesting = nesting;
    st.top = top;
    recover(st, ctx);
    const start = st.startOf(firstTok);
    return { type: 'invalid', order: 'none', start, end: Math.max(start, st.lastEnd) };
  } finally {
    st.depth = savedDepth;
    st.build = true;
  }
}

/**
 * A statement read in compact mode, from its first token `firstTok`: by the
 * fast path when it can, else by the productions without building; it is
 * left pending (built on first use) and its number returned. Throws FAIL
 * like the productions.
 */
function compactStatementRead(st: ParseState, ctx: Context, firstTok: number): PendingStatement {
  const fast = fastRule(st);
  if (fast !== FastRead.Done) {
    // A rule whose checks need its tree is read built at once (not compact,
    // then built again for the checks); it still stays pending below.
    if (fast === FastRead.NeedsTree) st.build = true;
    dispatch(st, ctx);
    if (st.wantsObject) {
      // Checks that read the whole rule (pfctl's consistency checks) need a tree:
      // one is built for them and dropped, and the statement stays pending.
      // (Keeping it would make the parse hold, and the collector copy, every
      // such tree: on a VM where fresh memory is dear that doubled the parse.)
      treeChecks(st, st.replay(firstTok, () => dispatch(st, ctx)));
    }
  }
  endOfStatement(st);
  const id = st.pend(firstTok);
  if (st.nextKind() === Tok.Newline) st.skip();
  return id;
}

/** A statement must end at the end of its line, and fails when the lexer reported an error in it. */
function endOfStatement(st: ParseState): void {
  if (!st.atEnd()) st.fail([]);
  if (st.lexer.errorCount !== st.stmtLexErrors) throw FAIL;
}

/** The checks of a rule read in compact mode that need its tree (the ones the productions run in build mode). */
function treeChecks(st: ParseState, s: PfStatement): void {
  if (s.type === 'filter') checkRule(st, s);
  else if (s.type === 'translation') checkTranslation(st, s);
}

/**
 * Skips the rest of a failed statement: to the newline at which its braces
 * are balanced, or to a newline followed by a statement keyword (so a missing
 * `}` does not swallow the file), never past the `}` closing an anchor body.
 */
function recover(st: ParseState, ctx: Context): void {
  for (;;) {
    const t = st.peek();
    if (t.kind === Tok.Eof) return;
    if (t.kind === Tok.Newline) {
      st.skip();
      if (st.depth <= 0) return;
      const after = st.peek();
      if (after.kind === Tok.Keyword && STATEMENT_KEYWORDS.has(after.text)) return;
      continue;
    }
    if (ctx !== 'top' && t.kind === Tok.Punct && t.text === '}' && st.depth <= 0) return;
    st.skip();
  }
}

function dispatch(st: ParseState, ctx: Context): PfStatement {
  // The first token's kind and keyword text, no token object: this runs for every statement the fast path does not read.
  const kind = st.nextKind();
  const kw = kind === Tok.Keyword ? st.nextKw() : '';
  if (ctx === 'ether-anchor') {
    if (kw === 'ether') return etherStatement(st, bodyParser('ether-anchor'));
    return st.fail(ETHER_BODY, bodyMessage(kw, 'an ether anchor'));
  }
  if ((kind === Tok.Word || kind === Tok.Quoted) && st.secondKw() === '=' && st.peekAt(1).kind === Tok.Punct) {
    if (ctx !== 'top') return st.fail(ANCHOR_BODY, 'syntax error: macros cannot be defined inside an anchor body');
    return macroDef(st);
  }
  if (kind !== Tok.Keyword) return st.fail(ctx === 'top' ? STATEMENT_START : ANCHOR_BODY);
  if (ctx === 'anchor' && !ANCHOR_BODY.includes(kw)) return st.fail(ANCHOR_BODY, bodyMessage(kw, 'an inline anchor'));
  switch (kw) {
    case 'include':
      return includeStmt(st);
    case 'set':
      return setOption(st);
    case 'table':
      return tableDef(st);
    case 'state':
    case 'source':
      return limiterDef(st);
    case 'ether':
      return etherStatement(st, bodyParser('ether-anchor'));
    case 'scrub':
      return scrubRule(st, undefined);
    case 'no': {
      const no = st.takeWord();
      // The next keyword by its text (no token object; in compact mode words are placeholders).
      const n = st.nextKind() === Tok.Keyword ? st.nextKw() : '';
      if (n === 'scrub') return scrubRule(st, no);
      if (n === 'nat' || n === 'rdr' || n === 'binat') return translationRule(st, no);
      return st.fail(['nat', 'rdr', 'binat', 'scrub']);
    }
    case 'nat':
    case 'rdr':
    case 'binat':
      return translationRule(st, undefined);
    case 'pass':
    case 'block':
    case 'match':
      return filterRule(st);
    case 'anchor':
    case 'nat-anchor':
    case 'rdr-anchor':
    case 'binat-anchor':
      return anchorRule(st, bodyParser('anchor'));
    case 'load':
      return loadAnchor(st);
    case 'altq':
    case 'queue':
      return queueDef(st);
    case 'antispoof':
      return antispoof(st);
    default:
      return st.fail(ctx === 'top' ? STATEMENT_START : ANCHOR_BODY);
  }
}

/** The message for keyword `kw` ('' for anything else: no message of its own) where it may not stand. */
function bodyMessage(kw: string, where: string): string | undefined {
  if (kw === '') return undefined;
  return `syntax error: '${kw}' is not allowed inside ${where}`;
}

/** `NAME = value…`: value tokens joined with single spaces, as pfctl's `varstring`. */
function macroDef(st: ParseState): PfMacroDef {
  const name = word(st.take());
  st.skip();
  // Words past the length cap are still read (pfctl still rejects a bad one)
  // but not kept: a macro doubling itself would otherwise join megabytes per line.
  const parts: string[] = [];
  let valueLength = -1; // the words joined by single spaces
  let first = NO_TOKEN;
  let last = NO_TOKEN;
  // Token numbers and texts, no token objects: a value may be tens of thousands of words.
  while (!st.atEnd()) {
    const k = st.nextKind();
    if (k !== Tok.Word && k !== Tok.Quoted && k !== Tok.Number) st.fail([]);
    last = st.skip();
    if (first === NO_TOKEN) first = last;
    const text = st.tokens.textOf(last);
    valueLength += text.length + 1;
    if (valueLength - text.length <= MAX_MACRO_LENGTH) parts.push(text); // starts within the cap
  }
  if (first === NO_TOKEN) return st.fail([]);
  const valueStart = st.startOf(first);
  const valueEnd = st.endOf(last);
  let value = parts.join(' ');
  if (valueLength > MAX_MACRO_LENGTH) {
    st.addError({
      message: `macro '${name.text}' is ${valueLength} characters long after expansion; only the first ${MAX_MACRO_LENGTH} are used by this analyser`,
      start: valueStart, end: valueEnd, kind: 'limit',
    });
    value = value.slice(0, MAX_MACRO_LENGTH);
  }
  return {
    type: 'macro', order: 'none', name: name.text, nameStart: name.start, nameEnd: name.end, value,
    valueStart, valueEnd, start: name.start, end: valueEnd,
  };
}

/** Parses an included file with the includer's macros (pfctl shares one symbol table). */
function includeFile(st: ParseState, inc: PfInclude): void {
  const resolve = st.options.resolveInclude;
  if (!resolve) return;
  if (st.includeDepth >= 16) {
    st.addError({ message: 'includes nested more than 16 deep; this include is not followed', start: inc.start, end: inc.end, kind: 'limit' });
    return;
  }
  const text = resolve(inc.path.text);
  if (text === undefined) return;
  inc.included = st.parseInclude?.(text);
  for (const m of inc.included?.macros ?? []) m.source ??= inc.path.text;
}
