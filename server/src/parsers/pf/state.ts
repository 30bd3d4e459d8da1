import type { PfError, PfFile, PfParseOptions, PfTableRef } from './ast';
import type { PfWord } from './ast-parts';
import { PfLexer, type LexEnv, type LexMacro } from './lexer';
import { IntList } from './int-list';
import type { MacroTable } from './macro-table';
import { FAIL, MAX_DEPTH, MAX_ERRORS, NO_WORD, relatedFor, word } from './parse-support';
import { TokenCursor } from './token-cursor';
import { describeToken, NO_TOKEN, STATEMENT_KEYWORDS, Tok, type MacroOrigin, type Token, type TokenStore } from './tokens';

/**
 * The parser's working state: the token stream with lookahead, the macro
 * table in effect, the file being built, and error reporting that turns a
 * failed statement into an error record plus the keywords valid there.
 *
 * Productions run in two modes (`build`; docs/design/pf-compact-parse.md).
 * To keep them one grammar, a production must:
 * - read a token's text before consuming it (`nextKw`, `nextKind`), never
 *   branch on the text or range of a word it got back (`NO_WORD` in compact mode);
 * - take words with `takeWord`/`wordAt`/`expect*`, positions with `skip`,
 *   `startOf`/`endOf`, `expectPunctTok` (no token object per word);
 * - report checks that read words at token numbers (`semanticAt`) or run that
 *   part in `built(…)`; checks that read a whole statement run on its tree
 *   (`wantsObject`, parser.ts `treeChecks`);
 * - record index entries with `noteInterface`/`noteTableRef` (quiet on replay).
 *
 * Reading tokens (lookahead, going back) is `TokenCursor`'s.
 */
export class ParseState extends TokenCursor {
  /** Lexer errors counted when the current statement began. */
  stmtLexErrors = 0;

  /** Current recursion depth of nested lists / anchors. */
  nesting = 0;

  /**
   * Build mode: productions return tree objects. Off ("compact" mode), they
   * only validate and return placeholders (`NO_WORD`, `NO_NODE`), and the
   * statement is materialised later by lexing its text again and reading it
   * in build mode (`relex`). Pure validation allocates nothing per token,
   * which is what makes parsing a big ruleset cheap.
   */
  build = true;

  /**
   * Whether top-level statements may be read in compact mode (off when
   * collecting completion keywords). Then the token store also holds one
   * statement at a time (`discardConsumed`): a statement left unbuilt is
   * built later by lexing its text again (`relex`).
   */
  readonly lazy: boolean;

  /** While replaying, errors and index entries were already recorded by the first pass. */
  quiet = false;

  /** Set in compact mode when the statement needs checks that read the built tree. */
  wantsObject = false;

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
    text: string,
    readonly file: PfFile,
    readonly macros: MacroTable,
    readonly options: PfParseOptions,
    budget: { chars: number },
    compact: boolean,
  ) {
    super(text);
    this.lazy = compact && options.cursor === undefined;
    const env = {
      lookup: (name: string): LexMacro | undefined => macros.get(name),
      version: (): number => macros.version,
      onComment: (c: PfFile['comments'][number]): void => {
        file.comments.push(c);
      },
      onError: (message: string, start: number, end: number, kind: PfError['kind'], origin?: MacroOrigin): void => {
        this.addError({ message, start, end, kind, origin, related: origin ? relatedFor(origin) : undefined });
      },
      cursor: options.cursor,
      budget,
    };
    this.lexer = new PfLexer(text, env, this.lazy ? STATEMENT_TOKENS : undefined);
    this.tokens = this.keptIn = this.lexer.tokens;
  }

  /** The parse's own token store, which holds the kept tokens of the indexes. */
  private readonly keptIn: TokenStore;

  /**
   * Drops the tokens of the statements read so far (see `lazy`); called
   * between top-level statements. The lookahead and the last token stay.
   */
  discardConsumed(): void {
    if (!this.lazy || this.replayAt >= 0) return;
    const from = this.lastTok === NO_TOKEN ? 0 : this.lastTok;
    this.tokens.discardBefore(this.la0 === NO_TOKEN ? from : Math.min(from, this.la0));
  }

  /** Where each statement left unbuilt begins, and the macro table's version there: two numbers per statement. */
  private readonly pendingData = new IntList();

  /**
   * Records the statement that began with token `firstTok` as read in compact
   * mode, for `relex`; returns its number.
   */
  pend(firstTok: number): number {
    const id = this.pendingData.length >> 1;
    this.pendingData.push(this.tokens.startAt(firstTok));
    this.pendingData.push(this.macros.version);
    return id;
  }

  /** Offset at which pending statement `id` begins. */
  pendingStart(id: number): number {
    return this.pendingData.at(id << 1);
  }

  /** The lexer that `relex` reads with (one per parse, made on first use), and its environment. */
  private relexer: PfLexer | undefined;

  private readonly relexEnv: LexEnv & { at: number } = {
    /** The macro table's version the statement being lexed again was read at. */
    at: 0,
    lookup: (name) => this.macros.lookupAt(name, this.relexEnv.at),
    version: () => this.relexEnv.at,
    onComment: () => undefined,
    onError: () => undefined,
    // Its statement was lexed once within the budget; lexing it again expands the same text.
    budget: { chars: Number.POSITIVE_INFINITY },
  };

  /**
   * Runs `read` over pending statement `id` (`pend`) in build mode, quietly,
   * lexing its text again with the macros defined before it, and returns what
   * it built. Everything the parse was doing is restored afterwards.
   */
  relex<T>(id: number, read: () => T): T {
    const { lexer, tokens, objA, objAToken, objB, objBToken } = this;
    const own = this.relexer === undefined || this.lexer === this.relexer ? new PfLexer(this.text, this.relexEnv, STATEMENT_TOKENS) : this.relexer;
    this.relexer ??= own;
    own.restart(this.pendingData.at(id << 1));
    this.relexEnv.at = this.pendingData.at((id << 1) + 1);
    this.lexer = own;
    this.tokens = own.tokens;
    this.objA = this.objB = NO_TOKEN;
    try {
      return this.replay(0, read, true);
    } finally {
      this.lexer = lexer;
      this.tokens = tokens;
      this.objA = objA;
      this.objAToken = objAToken;
      this.objB = objB;
      this.objBToken = objBToken;
    }
  }

  addError(e: PfError): void {
    if (this.quiet) return;
    if (this.file.errors.length < MAX_ERRORS) this.file.errors.push(e);
  }

  /**
   * Runs `read` over the stored tokens from token `from` in build mode,
   * quietly (the first pass recorded errors and indexes), and returns what it
   * built. Everything the first pass was doing is restored afterwards, so this
   * may run in the middle of a parse or long after it.
   */
  replay<T>(from: number, read: () => T, fromLexer = false): T {
    const { replayAt, la0, la1, lastTok, build, quiet, depth, nesting, top, stmtLexErrors, wantsObject, probedAt } = this;
    this.replayAt = fromLexer ? -1 : from;
    this.la0 = NO_TOKEN;
    this.la1 = NO_TOKEN;
    this.lastTok = from - 1;
    this.build = true;
    this.quiet = true;
    this.depth = 0;
    this.nesting = 0;
    try {
      return read();
    } finally {
      this.replayAt = replayAt;
      this.la0 = la0;
      this.la1 = la1;
      this.lastTok = lastTok;
      this.build = build;
      this.quiet = quiet;
      this.depth = depth;
      this.nesting = nesting;
      this.top = top;
      this.stmtLexErrors = stmtLexErrors;
      this.wantsObject = wantsObject;
      this.probedAt = probedAt;
    }
  }

  /** Consumes the next token; its tree word in build mode, `NO_WORD` in compact mode. */
  takeWord(): PfWord {
    const t = this.skip();
    return this.build ? word(this.tokenAt(t)) : NO_WORD;
  }

  /** The tree word of token `t` in build mode, `NO_WORD` in compact mode. */
  wordAt(t: number): PfWord {
    return this.build ? word(this.tokenAt(t)) : NO_WORD;
  }

  /**
   * The `interfaces` and `tableRefs` indexes in source order: kept tokens
   * (`TokenStore.keep`; turned into objects when the file's index is first
   * read) or objects (from statements that are built anyway).
   */
  readonly interfaceItems: (number | PfWord)[] = [];
  readonly tableRefItems: (number | PfTableRef)[] = [];

  /** Records token `t` as an interface name written in the file (`interfaces` index). */
  noteInterface(t: number | PfWord): void {
    if (!this.quiet) this.interfaceItems.push(typeof t === 'number' ? this.tokens.keep(t) : t);
  }

  /**
   * Records a `<name>` table use by its `<` token (`tableRefs` index): the name
   * and `>` are the two tokens after it, as the productions read them.
   */
  noteTableRef(lt: number | PfTableRef): void {
    if (this.quiet) return;
    if (typeof lt !== 'number') {
      this.tableRefItems.push(lt);
      return;
    }
    const k = this.tokens.keep(lt);
    this.tokens.keep(lt + 1);
    this.tokens.keep(lt + 2);
    this.tableRefItems.push(k);
  }

  /**
   * Forgets the index entries recorded after the first `interfaces` and
   * `tableRefs` ones: a fast read that gave up recorded them, and the general
   * path records them again.
   */
  dropIndexEntries(interfaces: number, tableRefs: number): void {
    // Only when there is something to drop: setting an array's length calls into the runtime.
    if (this.interfaceItems.length > interfaces) this.interfaceItems.length = interfaces;
    if (this.tableRefItems.length > tableRefs) this.tableRefItems.length = tableRefs;
  }

  /** The `interfaces` index as words. */
  interfaceWords(): PfWord[] {
    const tk = this.keptIn;
    return this.interfaceItems.map((k) => (typeof k === 'number' ? word(tk.keptToken(k)) : k));
  }

  /** The `tableRefs` index as objects. */
  tableRefObjects(): PfTableRef[] {
    const tk = this.keptIn;
    return this.tableRefItems.map((k) => {
      if (typeof k !== 'number') return k;
      const nameWord = word(tk.keptToken(k + 1));
      return { name: nameWord.text, nameWord, start: tk.keptToken(k).start, end: tk.keptToken(k + 2).end };
    });
  }

  /**
   * Runs `read` in build mode even in compact mode: for parts whose checks read
   * the words they consist of (ports). What it builds is dropped in compact mode.
   */
  built<T>(read: () => T): T {
    if (this.build) return read();
    this.build = true;
    try {
      return read();
    } finally {
      this.build = false;
    }
  }

  /** True when the next token is the keyword `kw`. */
  isKw(kw: string): boolean {
    const t = this.next();
    const kind = this.tokens.kindAt(t);
    // A misspelt word or the cursor may stand where an optional keyword was tried:
    // remember which, so a failure there lists them too ("did you mean", completion).
    if (kind === Tok.Word || kind === Tok.Cursor) this.probe(t, kw);
    return kind === Tok.Keyword && this.tokens.tableText(t) === kw;
  }

  /** Optional keywords tried at token number `probedAt` (one reused array; reset when the token changes). */
  private probedAt = NO_TOKEN;

  private readonly probed: string[] = [];

  private probe(t: number, kw: string): void {
    if (t !== this.probedAt) {
      this.probedAt = t;
      this.probed.length = 0;
    }
    this.probed.push(kw);
  }

  /** `expected` plus the optional keywords tried at the same token. */
  private withProbes(t: number, expected: readonly string[]): readonly string[] {
    if (t !== this.probedAt || this.probed.length === 0) return expected;
    return [...new Set([...this.probed, ...expected])];
  }

  /** Consumes keyword `kw` if next. */
  acceptKw(kw: string): PfWord | undefined {
    return this.isKw(kw) ? this.takeWord() : undefined;
  }

  acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.skip();
    return true;
  }

  expectKw(kw: string): PfWord {
    if (!this.isKw(kw)) this.fail([kw]);
    return this.takeWord();
  }

  /** `expectPunct` returning the token's number (no object; for compact mode). */
  expectPunctTok(p: string, expected?: readonly string[]): number {
    if (!this.isPunct(p)) this.fail(expected ?? [p]);
    return this.skip();
  }

  /** Reports a semantic error at token `t` (see `semantic`). */
  semanticAt(message: string, t: number, topic?: PfError['topic']): void {
    this.semantic(message, { start: this.tokens.startAt(t), end: this.tokens.endAt(t), origin: this.tokens.originOf(t) }, topic);
  }

  // `expected` sets are built only on the error path: the happy path allocates nothing.
  expectPunct(p: string, expected?: readonly string[]): Token {
    if (!this.isPunct(p)) this.fail(expected ?? [p]);
    return this.take();
  }

  /** A STRING (bare non-keyword word or quoted string). */
  isString(): boolean {
    const k = this.nextKind();
    return k === Tok.Word || k === Tok.Quoted;
  }

  expectString(expected?: readonly string[]): PfWord {
    if (!this.isString()) this.fail(expected ?? []);
    return this.takeWord();
  }

  /** A STRING or NUMBER (pfctl's `string`/`numberstring` slots). */
  expectValue(expected?: readonly string[]): PfWord {
    const k = this.nextKind();
    if (k !== Tok.Word && k !== Tok.Quoted && k !== Tok.Number) this.fail(expected ?? []);
    return this.takeWord();
  }

  expectNumber(expected?: readonly string[]): PfWord {
    if (this.nextKind() !== Tok.Number) this.fail(expected ?? []);
    return this.takeWord();
  }

  /** Skips newlines inside a `{ … }` list (pfctl's `optnl`), refusing to run into the next statement. */
  optNl(): void {
    while (this.nextKind() === Tok.Newline) {
      const after = this.la1 !== NO_TOKEN ? this.la1 : (this.la1 = this.pull());
      const kind = this.tokens.kindAt(after);
      if (kind === Tok.Eof || (kind === Tok.Keyword && STATEMENT_KEYWORDS.has(this.tokens.textOf(after)))) return;
      this.skip();
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
    const expected = this.withProbes(this.next(), expectedHere);
    if (t.kind === Tok.Cursor) {
      if (this.file.cursorExpected === undefined) this.file.cursorExpected = expected;
      throw FAIL;
    }
    if (this.stmtLexErrors !== this.lexer.errorCount) throw FAIL;
    const atEol = t.kind === Tok.Newline || t.kind === Tok.Eof;
    const at = atEol && this.last.kind !== Tok.Newline ? this.last : t;
    const msg = message ?? (atEol ? `syntax error: unexpected ${describeToken(t)} after ${describeToken(at)}` : `syntax error: unexpected ${describeToken(t)}`);
    this.addError({ message: msg, start: at.start, end: at.end, kind: 'syntax', expected, origin: t.origin, related: t.origin ? relatedFor(t.origin) : undefined });
    if ((t.kind === Tok.Word || t.kind === Tok.Keyword) && !this.quiet && this.file.unexpected.length < MAX_ERRORS) {
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

/** Room for tokens in a store that holds one statement at a time (it grows for longer ones). */
const STATEMENT_TOKENS = 512;
