import type { PfError, PfFile, PfMacroDef, PfParseOptions, PfRelated } from './ast';
import type { PfWord } from './ast-parts';
import { PfLexer, type LexMacro } from './lexer';
import { describeToken, STATEMENT_KEYWORDS, Tok, type MacroOrigin, type Token } from './tokens';

/** Thrown (as this one object, never an Error) to abandon a statement; caught by the statement loop. */
export const FAIL = { fail: true } as const;

/** Most errors recorded per file: past this a broken or binary file cannot flood the editor. */
export const MAX_ERRORS = 1000;
/** Deepest `{` nesting of lists and inline anchors the parser follows. */
export const MAX_DEPTH = 64;
/** Largest macro value kept (characters); longer values are truncated and reported. */
export const MAX_MACRO_LENGTH = 65536;

/**
 * The parser's working state: the token stream with lookahead, the macro
 * table in effect, the file being built, and error reporting that turns a
 * failed statement into an error record plus the keywords valid there.
 */
export class ParseState {
  readonly lexer: PfLexer;
  // Two-token lookahead in fields rather than an array: peek() runs several times per token.
  private la0: Token | undefined;
  private la1: Token | undefined;
  /** The last token consumed (for statement ends and error positions). */
  last: Token;
  /** `{` minus `}` consumed since the statement began (for recovery). */
  depth = 0;
  /** Lexer errors counted when the current statement began. */
  stmtLexErrors = 0;
  /** Current recursion depth of nested lists / anchors. */
  nesting = 0;
  /** Include recursion depth of this parse. */
  includeDepth = 0;
  /** Parses an included file's text with this parse's macros (set by the entry point). */
  parseInclude: ((text: string) => PfFile) | undefined;
  /**
   * Scratch stack for lists being read: items go here and leave as one
   * exact-size array (`collect`). Arrays grown by push keep 17+ slots for one
   * item, and a megabyte ruleset keeps tens of thousands of them alive.
   */
  private readonly stack: unknown[] = [];
  /** Top of `stack`; entries above it are stale. */
  top = 0;

  constructor(
    readonly text: string,
    readonly file: PfFile,
    readonly macros: Map<string, PfMacroDef>,
    readonly options: PfParseOptions,
    budget: { chars: number },
  ) {
    const env = {
      lookup: (name: string): LexMacro | undefined => macros.get(name),
      onUse: (name: string, start: number, end: number, m: LexMacro | undefined): void => {
        file.macroUses.push({ name, start, end, definition: m as PfMacroDef | undefined });
      },
      onComment: (c: PfFile['comments'][number]): void => {
        file.comments.push(c);
      },
      onError: (message: string, start: number, end: number, kind: PfError['kind'], origin?: MacroOrigin): void => {
        this.addError({ message, start, end, kind, origin, related: origin ? relatedFor(origin) : undefined });
      },
      cursor: options.cursor,
      get expansionBudget(): number {
        return budget.chars;
      },
      set expansionBudget(v: number) {
        budget.chars = v;
      },
    };
    this.lexer = new PfLexer(text, env);
    this.last = { kind: Tok.Newline, text: '', start: 0, end: 0, origin: undefined, quoted: false, number: false };
  }

  addError(e: PfError): void {
    if (this.file.errors.length < MAX_ERRORS) this.file.errors.push(e);
  }

  peek(): Token {
    return this.la0 ?? (this.la0 = this.lexer.next());
  }

  /** The token k positions ahead (0 = peek(), 1 = the one after; further is never needed). */
  peekAt(k: 0 | 1): Token {
    const t = this.peek();
    if (k === 0) return t;
    return this.la1 ?? (this.la1 = this.lexer.next());
  }

  take(): Token {
    const t = this.peek();
    this.la0 = this.la1;
    this.la1 = undefined;
    if (t.kind === Tok.Punct) {
      if (t.text === '{') this.depth++;
      else if (t.text === '}') this.depth--;
    }
    this.last = t;
    return t;
  }

  /** True when the next token is the keyword `kw`. */
  isKw(kw: string): boolean {
    const t = this.peek();
    // A misspelt word or the cursor may stand where an optional keyword was tried:
    // remember which, so a failure there lists them too ("did you mean", completion).
    if (t.kind === Tok.Word || t.kind === Tok.Cursor) this.probe(t, kw);
    return t.kind === Tok.Keyword && t.text === kw;
  }

  /** Optional keywords tried at `probedAt` (one reused array; reset when the token changes). */
  private probedAt: Token | undefined;
  private readonly probed: string[] = [];

  private probe(t: Token, kw: string): void {
    if (t !== this.probedAt) {
      this.probedAt = t;
      this.probed.length = 0;
    }
    this.probed.push(kw);
  }

  /** `expected` plus the optional keywords tried at the same token. */
  private withProbes(t: Token, expected: readonly string[]): readonly string[] {
    if (t !== this.probedAt || this.probed.length === 0) return expected;
    return [...new Set([...this.probed, ...expected])];
  }

  isPunct(p: string): boolean {
    const t = this.peek();
    return t.kind === Tok.Punct && t.text === p;
  }

  /** True at the end of the statement (newline or end of file). */
  atEnd(): boolean {
    const k = this.peek().kind;
    return k === Tok.Newline || k === Tok.Eof;
  }

  /** Consumes keyword `kw` if next. */
  acceptKw(kw: string): PfWord | undefined {
    return this.isKw(kw) ? word(this.take()) : undefined;
  }

  acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.take();
    return true;
  }

  expectKw(kw: string): PfWord {
    if (!this.isKw(kw)) this.fail([kw]);
    return word(this.take());
  }

  // `expected` sets are built only on the error path: the happy path allocates nothing.
  expectPunct(p: string, expected?: readonly string[]): Token {
    if (!this.isPunct(p)) this.fail(expected ?? [p]);
    return this.take();
  }

  /** A STRING (bare non-keyword word or quoted string). */
  isString(): boolean {
    const k = this.peek().kind;
    return k === Tok.Word || k === Tok.Quoted;
  }

  expectString(expected?: readonly string[]): PfWord {
    if (!this.isString()) this.fail(expected ?? []);
    return word(this.take());
  }

  /** A STRING or NUMBER (pfctl's `string`/`numberstring` slots). */
  expectValue(expected?: readonly string[]): PfWord {
    const k = this.peek().kind;
    if (k !== Tok.Word && k !== Tok.Quoted && k !== Tok.Number) this.fail(expected ?? []);
    return word(this.take());
  }

  expectNumber(expected?: readonly string[]): PfWord {
    if (this.peek().kind !== Tok.Number) this.fail(expected ?? []);
    return word(this.take());
  }

  /** Skips newlines inside a `{ … }` list (pfctl's `optnl`), refusing to run into the next statement. */
  optNl(): void {
    while (this.peek().kind === Tok.Newline) {
      const after = this.peekAt(1);
      if (after.kind === Tok.Eof || (after.kind === Tok.Keyword && STATEMENT_KEYWORDS.has(after.text))) return;
      this.take();
    }
  }

  /** Pushes a list item onto the scratch stack (see `collect`). */
  push(x: unknown): void {
    this.stack[this.top++] = x;
  }

  /** The items pushed since `base` (a `top` taken before them), as an exact-size array; pops them. */
  collect<T>(base: number): T[] {
    const a = this.stack.slice(base, this.top) as T[];
    this.top = base;
    return a;
  }

  /** Enters one more level of nesting, failing past the cap. */
  enter(): void {
    if (++this.nesting > MAX_DEPTH) {
      const t = this.peek();
      this.addError({ message: `nesting deeper than ${MAX_DEPTH} levels; the rest of the statement is not analysed`, start: t.start, end: t.end, kind: 'limit' });
      this.nesting--;
      this.stmtLexErrors = -1; // suppress the follow-up syntax error
      throw FAIL;
    }
  }

  leave(): void {
    this.nesting--;
  }

  /**
   * Records "syntax error" at the next token (unless the lexer already reported
   * this statement), remembers the keywords valid there, and abandons the statement.
   */
  fail(expectedHere: readonly string[], message?: string): never {
    const t = this.peek();
    const expected = this.withProbes(t, expectedHere);
    if (t.kind === Tok.Cursor) {
      if (this.file.cursorExpected === undefined) this.file.cursorExpected = expected;
      throw FAIL;
    }
    if (this.stmtLexErrors !== this.lexer.errorCount) throw FAIL;
    const atEol = t.kind === Tok.Newline || t.kind === Tok.Eof;
    const at = atEol && this.last.kind !== Tok.Newline ? this.last : t;
    const msg = message ?? (atEol ? `syntax error: unexpected ${describeToken(t)} after ${describeToken(at)}` : `syntax error: unexpected ${describeToken(t)}`);
    this.addError({ message: msg, start: at.start, end: at.end, kind: 'syntax', expected, origin: t.origin, related: t.origin ? relatedFor(t.origin) : undefined });
    if ((t.kind === Tok.Word || t.kind === Tok.Keyword) && this.file.unexpected.length < MAX_ERRORS) {
      this.file.unexpected.push({ text: t.text, start: t.start, end: t.end, expected });
    }
    this.stmtLexErrors = -1;
    throw FAIL;
  }

  /** Reports a semantic error (pfctl parses but rejects) without abandoning the statement. */
  semantic(message: string, at: { start: number; end: number; origin?: MacroOrigin }, topic?: PfError['topic']): void {
    this.addError({ message, start: at.start, end: at.end, kind: 'semantic', topic, origin: at.origin, related: at.origin ? relatedFor(at.origin) : undefined });
  }
}

/** The related-information entry pointing at a macro definition. */
export function relatedFor(o: MacroOrigin): PfRelated[] {
  return [{ message: `macro '${o.name}' is defined here`, start: o.valueStart, end: o.valueEnd }];
}

/**
 * A token as a tree word. Tokens already have the word's fields, so the token
 * itself is the word (no copy per token); it also carries `kind`.
 */
export function word(t: Token): PfWord {
  return t as PfWord;
}

/**
 * `a` trimmed to its length. Arrays filled by push keep 17+ slots even for one
 * item; a tree keeps tens of thousands of them, and the copy is young garbage.
 */
export function exact<T>(a: T[]): T[] {
  return a.length === 0 ? a : a.slice();
}

/** The smallest span covering a node's first and last parts. */
export function spanOf(a: { start: number }, b: { end: number }): { start: number; end: number } {
  return { start: a.start, end: Math.max(a.start, b.end) };
}

/** Union of keyword lists for "expected" sets, without duplicates. */
export function union(...lists: (readonly string[])[]): readonly string[] {
  return [...new Set(lists.flat())];
}
