import type { PfLexer } from './lexer';
import { NO_TOKEN, punctId, Tok, type Token, type TokenStore } from './tokens';

/**
 * Reading a pf.conf statement's tokens: two-token lookahead over the lexer
 * (or over stored tokens when going back: `rewind`, `ParseState.replay`),
 * token texts and kinds without objects, and token objects made on request.
 * `ParseState` adds the grammar's helpers, the parse modes and error
 * reporting on top.
 */
export class TokenCursor {
  /** The lexer and its tokens (set by `ParseState`); a replay (`ParseState.relex`) swaps in its own for a while. */
  lexer!: PfLexer;
  tokens!: TokenStore;

  // Two-token lookahead (token numbers) in fields rather than an array: peeks run several times per token.
  protected la0 = NO_TOKEN;
  protected la1 = NO_TOKEN;

  /** Number of the last token consumed (NO_TOKEN before the first). */
  protected lastTok = NO_TOKEN;

  /**
   * The last two token objects made, by token number: a token peeked and then
   * taken is one object. (A cache of every token would be a large old-space
   * array pointing at young objects, which every scavenge must scan.)
   */
  protected objA = NO_TOKEN;
  protected objAToken: Token | undefined;
  protected objB = NO_TOKEN;
  protected objBToken: Token | undefined;

  /** `{` minus `}` consumed since the statement began (for recovery). */
  depth = 0;

  /** Replaying stored tokens from this token number (-1: reading from the lexer). */
  protected replayAt = -1;

  constructor(readonly text: string) {}

  /** Token number `i` as an object (made once, on first request). */
  tokenAt(i: number): Token {
    if (i === this.objA) return this.objAToken!;
    if (i === this.objB) return this.objBToken!;
    const tk = this.tokens;
    const kind = tk.kindAt(i) as Tok;
    // Two literals with one shape: V8 decides per allocation site whether to
    // allocate straight into the old generation. Words nearly all end up in
    // the tree; operators and newlines die young. Mixed in one site, neither
    // gets the right decision and the scavenger copies every word twice.
    const t = kind < Tok.Punct
      ? { kind, text: tk.textOf(i), start: tk.startAt(i), end: tk.endAt(i), origin: tk.originOf(i), quoted: kind === Tok.Quoted, number: kind === Tok.Number }
      : { kind, text: tk.textOf(i), start: tk.startAt(i), end: tk.endAt(i), origin: tk.originOf(i), quoted: false, number: false };
    this.objB = this.objA;
    this.objBToken = this.objAToken;
    this.objA = i;
    this.objAToken = t;
    return t;
  }

  /** The last token consumed (for statement ends and error positions); an empty newline before the first. */
  get last(): Token {
    return this.lastTok === NO_TOKEN ? BEFORE_FIRST : this.tokenAt(this.lastTok);
  }

  /** Start and end offsets of the last token consumed (0 before the first). */
  get lastStart(): number {
    return this.lastTok === NO_TOKEN ? 0 : this.tokens.startAt(this.lastTok);
  }

  get lastEnd(): number {
    return this.lastTok === NO_TOKEN ? 0 : this.tokens.endAt(this.lastTok);
  }

  /** Number of the next token. */
  next(): number {
    return this.la0 !== NO_TOKEN ? this.la0 : (this.la0 = this.pull());
  }

  /** The next token from the lexer, or from the store when replaying (back to the lexer past the stored ones). */
  protected pull(): number {
    if (this.replayAt >= 0) {
      if (this.replayAt < this.tokens.count) return this.replayAt++;
      this.replayAt = -1;
    }
    return this.lexer.next();
  }

  /** Number of the last token consumed (NO_TOKEN before the first); for `rewind`. */
  get lastTokNumber(): number {
    return this.lastTok;
  }

  /**
   * Goes back to token `first` of the statement being read, as it was before
   * (`last`: `lastTokNumber` then): its tokens are read again from the store,
   * then reading continues from the lexer. For a fast path that gave up.
   */
  rewind(first: number, last: number): void {
    this.replayAt = first;
    this.la0 = NO_TOKEN;
    this.la1 = NO_TOKEN;
    this.lastTok = last;
    this.depth = 0;
  }

  /** The keyword or operator text of the next token, '' for anything else (no allocation). */
  nextKw(): string {
    const t = this.next();
    return this.tokens.tableText(t) ?? '';
  }

  /** Keyword or operator text of the token after the next one, '' for anything else (no allocation). */
  secondKw(): string {
    this.next();
    const t = this.la1 !== NO_TOKEN ? this.la1 : (this.la1 = this.pull());
    return this.tokens.tableText(t) ?? '';
  }

  /** Position of the first `:` in token `t`'s text, -1 when there is none (no allocation for document words). */
  colonIn(t: number): number {
    const tk = this.tokens;
    if (tk.refAt(t) !== 0) return tk.textOf(t).indexOf(':');
    for (let i = tk.startAt(t), end = tk.endAt(t); i < end; i++) if (this.text.charCodeAt(i) === 58) return i - tk.startAt(t);
    return -1;
  }

  startOf(t: number): number {
    return this.tokens.startAt(t);
  }

  endOf(t: number): number {
    return this.tokens.endAt(t);
  }

  /** Kind of the next token. */
  nextKind(): Tok {
    // next() first: lexing may grow (replace) the store's arrays.
    const t = this.next();
    return this.tokens.kindAt(t) as Tok;
  }

  /** Text of the next token. */
  nextText(): string {
    const t = this.next();
    return this.tokens.textOf(t);
  }

  /** The next token as an object. */
  peek(): Token {
    return this.tokenAt(this.next());
  }

  /** The token k positions ahead (0 = peek(), 1 = the one after; further is never needed). */
  peekAt(k: 0 | 1): Token {
    const t = this.next();
    if (k === 0) return this.tokenAt(t);
    return this.tokenAt(this.la1 !== NO_TOKEN ? this.la1 : (this.la1 = this.pull()));
  }

  /** Consumes the next token and returns it as an object. */
  take(): Token {
    return this.tokenAt(this.skip());
  }

  /** Consumes the next token without making an object of it; returns its number. */
  skip(): number {
    const t = this.next();
    this.la0 = this.la1;
    this.la1 = NO_TOKEN;
    // Only the operators' refs are these ids (see TokenStore).
    const ref = this.tokens.refAt(t);
    if (ref === OPEN_BRACE) this.depth++;
    else if (ref === CLOSE_BRACE) this.depth--;
    this.lastTok = t;
    return t;
  }

  isPunct(p: string): boolean {
    const t = this.next();
    return this.tokens.kindAt(t) === Tok.Punct && this.tokens.tableText(t) === p;
  }

  /** True at the end of the statement (newline or end of file). */
  atEnd(): boolean {
    const k = this.nextKind();
    return k === Tok.Newline || k === Tok.Eof;
  }

}

const OPEN_BRACE = punctId('{');
const CLOSE_BRACE = punctId('}');

/** Stands for "the last token" before any was consumed. */
const BEFORE_FIRST: Token = { kind: Tok.Newline, text: '', start: 0, end: 0, origin: undefined, quoted: false, number: false };
