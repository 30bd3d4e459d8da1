import type { Comment } from '../syntax';
import { CHAR_CLASS, C_DIGIT, C_NUM_END, C_SPACE, C_WORD, C_WORD_START, INNER_TEXT, KEYWORD_SET, MAX_TOKEN_LENGTH, NO_TOKEN, Tok, TokenStore, type MacroOrigin } from './tokens';

/** A macro as the lexer needs it: its expansion text and where it was defined. */
export interface LexMacro {
  name: string;
  value: string;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

/** Callbacks through which the lexer reports to the parser; keeps the lexer free of AST knowledge. */
export interface LexEnv {
  /** The macro defined so far under `name`, if any (expansion happens only after the definition). */
  lookup(name: string): LexMacro | undefined;
  /**
   * A number that changes whenever `lookup` may answer differently (a macro
   * was defined); lets the lexer remember recent lookups. Without it every
   * use is looked up.
   */
  version?(): number;
  onComment(c: Comment): void;
  /** A lexical error; `limit` marks a cap we imposed rather than a pfctl error. */
  onError(message: string, start: number, end: number, kind: 'syntax' | 'undefined-macro' | 'limit', origin?: MacroOrigin): void;
  /** Offset at which to emit a Cursor token (keyword completion), if any. */
  cursor?: number;
  /**
   * Characters of macro text the lexer may still re-read before refusing to
   * expand further; an object so that included files' lexers share it.
   */
  budget: { chars: number };
  /**
   * false: lex every use of a macro from its value, never from the recorded
   * tokens of an earlier use (`PfLexer.expand`); for tests comparing the two.
   */
  recordExpansions?: boolean;
}

/** True for a line-break character (\n or \r). */
export function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/**
 * The character-level half of pfctl's lexer: quoted strings, comments, tokens
 * containing backslashes (lgetc()'s continuation and `\x` rules), findeol().
 * `PfLexer` adds token dispatch and macro expansion on top.
 */
export abstract class LexerCore {
  protected pos = 0;
  /** Text of the expansion being re-read, or undefined when reading the document. */
  protected exp: string | undefined;
  protected expPos = 0;
  /** The `$name` being expanded: its range, and its use number in the token store (0: none), stamped on its tokens. */
  protected useStart = 0;
  protected useEnd = 0;
  protected org = 0;
  protected lineHasToken = false;
  /** Number of errors reported; the parser compares it to tell lexer-failed statements. */
  errorCount = 0;

  /** The tokens produced so far; `tok()` appends and returns the new token's number. */
  readonly tokens: TokenStore;

  /** `capacity`: see `TokenStore`. */
  constructor(protected readonly text: string, protected readonly env: LexEnv, capacity?: number) {
    this.tokens = new TokenStore(text, capacity);
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  /**
   * Starts reading again at offset `pos`, which must begin a line's first
   * token (or the `$name` it comes from), with an empty token store.
   */
  restart(pos: number): void {
    this.tokens.clear();
    this.pos = pos;
    this.exp = undefined;
    this.org = 0;
    this.lineHasToken = false;
    this.errorCount = 0;
  }

  /** `$name` at `start`: look the macro up and start re-reading its value. */
  protected abstract expand(start: number): void;

  /** Appends a token with text `text` (undefined: the document's characters at [start, end)). */
  protected tok(kind: Tok, text: string | undefined, start: number, end: number): number {
    return this.tokRef(kind, text === undefined ? 0 : this.tokens.refFor(kind, text), start, end);
  }

  /** Appends a token whose text is already a store ref (the fast path: no lookup, no string). */
  protected tokRef(kind: Tok, ref: number, start: number, end: number): number {
    this.lineHasToken = kind !== Tok.Newline;
    if (this.recording !== undefined && this.org !== 0) this.recording.push(kind, ref);
    return this.tokens.push(kind, ref, start, end, this.org);
  }

  /** While set, the kind and ref of every token of the expansion being read are appended (see `PfLexer.expand`). */
  protected recording: number[] | undefined;

  protected finishWord(text: string, start: number, end: number): number {
    return this.tok(KEYWORD_SET.has(text) ? Tok.Keyword : Tok.Word, text, start, end);
  }

  protected tooLong(start: number, end: number, inExp: boolean): number {
    this.error('string too long', inExp ? this.useStart : start, inExp ? this.useEnd : end, 'syntax');
    this.findEol();
    return NO_TOKEN;
  }

  /**
   * A token that contains backslashes in the document: read logical characters
   * (continuations removed, `\x` → `x`) exactly as lgetc() hands them over.
   */
  protected slowToken(start: number): number {
    const s = this.text;
    let i = start;
    const read = (): number => {
      for (;;) {
        const c = s.charCodeAt(i);
        if (c !== 92) {
          i++;
          return c;
        }
        const n = s.charCodeAt(i + 1);
        if (isBreak(n)) {
          i += n === 13 && s.charCodeAt(i + 2) === 10 ? 3 : 2;
          continue;
        }
        i += Number.isNaN(n) ? 1 : 2;
        return n;
      }
    };
    const first = read();
    const firstEnd = i;
    if (Number.isNaN(first)) {
      this.pos = s.length;
      return NO_TOKEN;
    }
    if (first === 35 || first === 34 || first === 39 || isBreak(first) || (first < 128 && CHAR_CLASS[first] & C_SPACE)) {
      // An escaped '#', quote, blank or break acts as that character; re-dispatch on a synthetic read.
      if (first === 35) {
        this.comment(start);
        return NO_TOKEN;
      }
      if (isBreak(first) || CHAR_CLASS[first] & C_SPACE) {
        this.pos = firstEnd;
        return isBreak(first) ? this.tok(Tok.Newline, '\n', start, firstEnd) : NO_TOKEN;
      }
      return this.quoted(firstEnd - 1, first);
    }
    const chars: number[] = [first];
    if (first < 128 && CHAR_CLASS[first] & C_WORD_START || first === 45) {
      let save = i;
      for (;;) {
        save = i;
        const c = read();
        if (!Number.isNaN(c) && c < 128 && CHAR_CLASS[c] & C_WORD && !(first === 45 && chars.length === 1 && !(CHAR_CLASS[c] & C_DIGIT))) chars.push(c);
        else {
          i = save;
          break;
        }
      }
      const text = String.fromCharCode(...chars.slice(0, MAX_TOKEN_LENGTH + 1));
      if (chars.length > MAX_TOKEN_LENGTH) return this.tooLong(start, i, false);
      this.pos = i;
      const digits = /^-?[0-9]+/.exec(text);
      if (digits) {
        if (digits[0].length === text.length && (i >= s.length || CHAR_CLASS[s.charCodeAt(i)] & C_NUM_END)) return this.tok(Tok.Number, text, start, i);
        if (first === 45) {
          this.pos = firstEnd;
          return this.tok(Tok.Punct, '-', start, firstEnd);
        }
      }
      if (first === 45) {
        this.pos = firstEnd;
        return this.tok(Tok.Punct, '-', start, firstEnd);
      }
      return this.finishWord(text, start, i);
    }
    this.pos = firstEnd;
    if (first === 36) {
      this.expand(firstEnd - 1);
      return NO_TOKEN;
    }
    return this.tok(Tok.Punct, String.fromCharCode(first), start, firstEnd);
  }

  /** A `#` comment: to the real end of line, continuations included. */
  protected comment(start: number): void {
    const s = this.text;
    const len = s.length;
    let i = start;
    // Reads stay within the text: one read past the end stops V8 from inlining charCodeAt here.
    while (i < len) {
      const c = s.charCodeAt(i);
      if (c === 10 || c === 13) {
        if (s.charCodeAt(i - 1) !== 92) break;
        if (c === 13 && i + 1 < len && s.charCodeAt(i + 1) === 10) i++;
      }
      i++;
    }
    this.env.onComment({ start, end: i, text: s.slice(start + 1, i), ownLine: !this.lineHasToken });
    this.pos = i;
  }

  /** A quoted string in the document, with pfctl's escape rules. */
  protected quoted(start: number, q: number): number {
    const s = this.text;
    let i = start + 1;
    let seg = i;
    let out = '';
    for (;;) {
      if (i >= s.length) {
        this.error('reached end of file while parsing quoted string', start, s.length, 'syntax');
        this.pos = s.length;
        return NO_TOKEN;
      }
      const c = s.charCodeAt(i);
      if (c === q) break;
      if (isBreak(c)) {
        out += s.slice(seg, i);
        i += c === 13 && s.charCodeAt(i + 1) === 10 ? 2 : 1;
        seg = i;
      } else if (c === 92) {
        const n = s.charCodeAt(i + 1);
        if (n === q || n === 32 || n === 9) {
          out += s.slice(seg, i) + String.fromCharCode(n);
          i += 2;
          seg = i;
        } else if (isBreak(n)) {
          out += s.slice(seg, i);
          i += n === 13 && s.charCodeAt(i + 2) === 10 ? 3 : 2;
          seg = i;
        } else i++;
      } else if (c === 0) {
        this.error('syntax error', i, i + 1, 'syntax');
        this.pos = i;
        this.findEol();
        return NO_TOKEN;
      } else i++;
    }
    if (seg === start + 1) {
      // No escape or line break inside: the text is the document's, stored as a range.
      if (i - seg > MAX_TOKEN_LENGTH) return this.tooLong(start, i + 1, false);
      this.pos = i + 1;
      return this.tokRef(Tok.Quoted, INNER_TEXT, start, i + 1);
    }
    out += s.slice(seg, i);
    if (out.length > MAX_TOKEN_LENGTH) return this.tooLong(start, i + 1, false);
    this.pos = i + 1;
    return this.tok(Tok.Quoted, out, start, i + 1);
  }

  /** pfctl's findeol(): drop the rest of the logical line after a lexical error. */
  protected findEol(): void {
    this.exp = undefined;
    this.org = 0;
    const s = this.text;
    let i = this.pos;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 92 && isBreak(s.charCodeAt(i + 1))) i += 2;
      else if (isBreak(c)) break;
      else i++;
    }
    this.pos = i;
  }

  protected error(message: string, start: number, end: number, kind: 'syntax' | 'undefined-macro' | 'limit'): void {
    this.errorCount++;
    this.env.onError(message, start, end, kind, this.tokens.originAt(this.org));
  }
}
