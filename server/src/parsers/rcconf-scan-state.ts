import type { RcParseError, RcReference, SourceQuote } from './rcconf';

/** Nesting of `$(`, `${` and quotes beyond this is not real configuration; stop instead of overflowing the stack. */
export const MAX_DEPTH = 100;
/** Unterminated constructs that swallow the rest of the file; after this many, parsing stops to stay linear. */
const MAX_EOF_ERRORS = 3;
/** A file with this many syntax errors is not an rc.conf; more diagnostics would only bury the first ones. */
const MAX_ERRORS = 200;

/** Character classes of sh's lexer (POSIX name characters, blanks, metacharacters). */
export const isNameStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
export const isNameChar = (c: string): boolean => isNameStart(c) || (c >= '0' && c <= '9');
export const isBlank = (c: string): boolean => c === ' ' || c === '\t' || c === '\uFEFF' || c === '\f' || c === '\v';
export const isMeta = (c: string): boolean =>
  isBlank(c) || c === '\n' || c === '\r' || c === ';' || c === '&' || c === '|' || c === '<' || c === '>' || c === '(' || c === ')';

/** Bits of `charClass`: one table lookup replaces a chain of comparisons on the scanner's hot path. */
export const NAME_START = 1;
export const NAME_CHAR = 2;
export const BLANK = 4;
export const META = 8;
/** Ends a run of ordinary unquoted characters: metacharacters, quotes, `\\`, `$` and backquote. */
export const UNQUOTED_STOP = 16;

/** `charClass` for ASCII, exported so the hottest loops can index it without a call. */
export const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  let k = 0;
  if (isNameStart(ch)) k |= NAME_START;
  if (isNameChar(ch)) k |= NAME_CHAR;
  if (isBlank(ch)) k |= BLANK;
  if (isMeta(ch)) k |= META | UNQUOTED_STOP;
  if ('\\\'"$`'.includes(ch)) k |= UNQUOTED_STOP;
  ASCII_CLASS[c] = k;
}
const BOM_CLASS = BLANK | META | UNQUOTED_STOP;

/** The class bits of a UTF-16 code unit (the BOM is a blank, as in `isBlank`). */
export function charClass(c: number): number {
  return c < 128 ? ASCII_CLASS[c] : c === 0xfeff ? BOM_CLASS : 0;
}

/** What each unterminated construct does to the file, for the rc/syntax message. */
export const UNTERMINATED = {
  dquote: 'Unterminated double quote: sh reads on to the next " and swallows every line in between, so those settings are lost. Close the quote on this line.',
  squote: "Unterminated single quote: sh reads on to the next ' and swallows every line in between, so those settings are lost. Close the quote on this line.",
  brace: 'Unterminated ${ expansion: it has no closing }, so sh stops reading rc.conf with a syntax error. Add the }.',
  badsub: 'Bad substitution: after ${name only }, :-, -, :=, =, :?, ?, :+, +, % or # may follow. sh stops reading rc.conf here.',
  paren: 'Unterminated $( command substitution: it has no closing ), so sh stops reading rc.conf with a syntax error. Add the ).',
  backquote: 'Unterminated ` command substitution: it has no closing `, so sh stops reading rc.conf with a syntax error. Add the closing `.',
};

/** Thrown inside the scanner when an unterminated construct forces a jump; caught at word level. */
export class Unterminated {
  constructor(readonly resume: number) {}
}

/**
 * What every layer of the rc.conf scanner shares: the text and position,
 * line-break helpers, the error and reference sinks, and the limits that
 * keep hostile input linear.
 */
export class ScanState {
  pos = 0;
  readonly errors: RcParseError[] = [];
  /** Every reference in the file, including commands and substitutions. */
  readonly references: RcReference[] = [];
  /** Set when the scanner gave up on the rest of the file (runaway nesting or too many errors). */
  stopped = false;
  /** References of the word being read. */
  protected refs: RcReference[] = [];
  protected depth = 0;
  private eofErrors = 0;

  constructor(readonly text: string) {}

  /** Length of the line break at `i` (2 for CRLF), 0 when there is none. */
  lineBreakAt(i: number): number {
    const c = this.text.charCodeAt(i);
    if (c === 10) return 1;
    if (c === 13) return this.text.charCodeAt(i + 1) === 10 ? 2 : 1;
    return 0;
  }

  /** Offset where the line after the one holding `i` starts (text length at the last line). */
  nextLineStart(i: number): number {
    const j = this.lineEndAt(i);
    return j + this.lineBreakAt(j);
  }

  /** Offset of the end of the line holding `i`, before its line break. */
  lineEndAt(i: number): number {
    const t = this.text;
    let j = i;
    for (; j < t.length; j++) {
      const c = t.charCodeAt(j);
      if (c === 10 || c === 13) break;
    }
    return j;
  }

  /**
   * Records a syntax error; past MAX_ERRORS the file is clearly not rc.conf,
   * so scanning stops. `quotes` marks the runs of the message copied from the
   * text, so a CARP pass in them can be masked where it sits.
   */
  error(message: string, start: number, end: number, quotes?: SourceQuote[]): void {
    if (this.stopped) return;
    this.errors.push({ message, start, end: Math.max(end, start + 1), ...(quotes && quotes.length > 0 ? { quotes } : {}) });
    if (this.errors.length >= MAX_ERRORS) {
      this.errors.push({ message: `More than ${MAX_ERRORS} syntax errors: the rest of the file is not checked.`, start, end: Math.max(end, start + 1) });
      this.stopped = true;
      this.pos = this.text.length;
    }
  }

  protected continuationAt(i: number): number {
    return this.text.charCodeAt(i) === 92 /* \\ */ ? this.lineBreakAt(i + 1) : 0;
  }

  /**
   * Raises Unterminated for a quote opened at `open`. A quote that would be
   * closed only by the quote after `name=` on a later line is reported too:
   * sh would pair them and silently eat the assignments between.
   */
  protected unterminated(what: keyof typeof UNTERMINATED, open: number, resumeAt?: number): never {
    const lineEnd = this.lineEndAt(open);
    this.error(UNTERMINATED[what], open, Math.min(lineEnd, open + 200));
    if (resumeAt === undefined) {
      this.eofErrors++;
      if (this.eofErrors >= MAX_EOF_ERRORS) this.stop();
    }
    throw new Unterminated(resumeAt ?? this.nextLineStart(open));
  }

  protected stop(): never {
    this.stopped = true;
    throw new Unterminated(this.text.length);
  }

  protected addRef(name: string, start: number, end: number): void {
    const ref = { name, start, end };
    this.refs.push(ref);
    this.references.push(ref);
  }
}
