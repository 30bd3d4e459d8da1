import type { Comment } from './syntax';
import type { RcReference } from './rcconf';
import { BACKSLASH, DOLLAR, DQUOTE, QuotingScanner, SQUOTE } from './rcconf-quoting';
import { ASCII_CLASS, BLANK, charClass, META, NAME_CHAR, NAME_START, UNQUOTED_STOP, Unterminated } from './rcconf-scan-state';

/**
 * One shell word after quote removal. For an assignment word (`eq >= 0`)
 * the scanner also splits it: `name`, `rest` (the value after `=`) and
 * `offsets`, the source offset of every character of `rest` (an escaped
 * character maps to its backslash) plus one extra entry: the offset just
 * after the last character, or just inside the first quote when the value is
 * empty, so an edit there lands inside the quotes. Other words never need
 * offsets, so they get none, which keeps command words cheap.
 */
export interface Word {
  start: number;
  end: number;
  value: string;
  /** Assignment words only (else empty): the name before `=`, where it ends, and the value after it. */
  name: string;
  nameEnd: number;
  rest: string;
  /** Source offset just after the `=`. */
  valueStart: number;
  offsets: number[];
  /** `$name` / `${name...}` references inside the word, outermost first. */
  refs: RcReference[];
  /** Index in `value` of the unquoted `=` that makes this an assignment word, or -1. */
  eq: number;
  /** No quoting, escapes or expansions: the only kind of word sh treats as a reserved word. */
  plain: boolean;
  /** All digits and directly followed by `<` or `>`: a redirection's file descriptor. */
  ioNumber: boolean;
  /** An unterminated quote or expansion made the scanner skip ahead; the word is unusable. */
  failed: boolean;
}

/** Token types `next()` returns; the token's details are in the scanner's `tok*` fields, so no object is made per token. */
export const EOF = 0;
export const WORD = 1;
export const OP = 2;
export const NEWLINE = 3;
export type TokenType = typeof EOF | typeof WORD | typeof OP | typeof NEWLINE;

/** Offsets are only collected after an assignment's `=`; other words share this never-exposed empty list. */
const NO_OFFSETS: number[] = [];

/**
 * The lexical half of the rc.conf parser: words with sh's quoting rules,
 * operators, comments and line continuations. Offsets are kept for every
 * value character so checks can point inside values. Each character is
 * looked at a bounded number of times, so huge lines and files stay linear.
 *
 * A word's text is built from runs of source text (sliced once per run, not
 * appended per character) because parsing is on every keystroke of large
 * rc.conf files.
 */
export class Scanner extends QuotingScanner {
  readonly comments: Comment[] = [];
  /** The last token: where it is, its operator, or its word. */
  tokStart = 0;
  tokEnd = 0;
  tokOp = '';
  tokWord: Word | undefined;

  /** Reads the next token, collecting comments and skipping blanks and backslash-newlines. */
  next(): TokenType {
    const t = this.text;
    const len = t.length;
    let c = 0;
    for (;;) {
      if (this.pos >= len) {
        this.tokStart = this.tokEnd = len;
        return EOF;
      }
      c = t.charCodeAt(this.pos);
      if (c === BACKSLASH) {
        const cont = this.lineBreakAt(this.pos + 1);
        if (cont > 0) {
          this.pos += 1 + cont;
          continue;
        }
        break;
      }
      if (charClass(c) & BLANK) this.pos++;
      else if (c === 35 /* # */) this.readComment();
      else break;
    }
    const start = this.pos;
    this.tokStart = start;
    if (c === 10 || c === 13) {
      this.pos += this.lineBreakAt(start);
      this.tokEnd = this.pos;
      return NEWLINE;
    }
    const op = operatorAt(t, start, c);
    if (op !== '') {
      this.pos += op.length;
      this.tokOp = op;
      this.tokEnd = this.pos;
      return OP;
    }
    const word = this.readWord();
    this.tokWord = word;
    this.tokEnd = word.end;
    return WORD;
  }

  private readComment(): void {
    const start = this.pos;
    const end = this.lineEndAt(start);
    let k = start - 1;
    while (k >= 0 && charClass(this.text.charCodeAt(k)) & BLANK) k--;
    const ownLine = k < 0 || this.lineBreakAt(k) > 0;
    this.comments.push({ start, end, text: this.text.slice(start + 1, end), ownLine });
    this.pos = end;
  }

  /** After `<<` and its delimiter: skips the here-document body that starts at the current position. */
  skipHereDoc(delimiter: string, stripTabs: boolean): void {
    const t = this.text;
    while (this.pos < t.length) {
      const lineEnd = this.lineEndAt(this.pos);
      let s = this.pos;
      if (stripTabs) while (s < lineEnd && t.charCodeAt(s) === 9) s++;
      const line = t.slice(s, lineEnd);
      this.pos = lineEnd + this.lineBreakAt(lineEnd);
      if (line === delimiter) return;
    }
  }


  private readWord(): Word {
    const t = this.text;
    const len = t.length;
    const start = this.pos;
    this.acc = '';
    this.runFrom = this.runTo = -1;
    this.vlen = 0;
    this.nOffsets = 0;
    this.collect = false;
    this.refs = [];
    this.lastEnd = start;
    let eq = -1;
    let name = '';
    let nameEnd = 0;
    let valueStart = 0;
    let nameOk = true;
    let plain = true;
    let failed = false;
    try {
      while (this.pos < len) {
        const i = this.pos;
        const c = t.charCodeAt(i);
        if (c === BACKSLASH) {
          const cont = this.lineBreakAt(i + 1);
          if (cont > 0) {
            this.pos += 1 + cont;
            continue;
          }
        }
        const k = c < 128 ? ASCII_CLASS[c] : charClass(c);
        if (k & META) break;
        if (eq < 0 && nameOk) {
          if (c === 61 /* = */ && this.vlen > 0) {
            // The name is complete: from here on the value is built separately, with its offsets.
            nameEnd = this.lastEnd;
            eq = this.vlen;
            name = this.takeValue();
            valueStart = i + 1;
            this.collect = true;
            this.lastEnd = i + 1;
            this.pos++;
            continue;
          }
          if (!(k & NAME_CHAR) || (this.vlen === 0 && !(k & NAME_START))) nameOk = false;
          else {
            // A run of name characters: each would keep the name valid and none is `=`.
            let j = i + 1;
            for (; j < len; j++) {
              const d = t.charCodeAt(j);
              if (d >= 128 || !(ASCII_CLASS[d] & NAME_CHAR)) break;
            }
            this.pushSource(i, j);
            this.pos = j;
            continue;
          }
        }
        if (!(k & UNQUOTED_STOP)) {
          let j = i + 1;
          for (; j < len; j++) {
            const d = t.charCodeAt(j);
            if (d < 128 ? ASCII_CLASS[d] & UNQUOTED_STOP : d === 0xfeff) break;
          }
          this.pushSource(i, j);
          this.pos = j;
          continue;
        }
        plain = false;
        nameOk = false;
        if (c === BACKSLASH) {
          if (i + 1 >= len) this.pushSource(i, i + 1);
          else this.pushEscaped(i);
          this.pos = Math.min(len, i + 2);
        } else if (c === SQUOTE) this.singleQuoted(false);
        else if (c === DQUOTE) this.doubleQuoted();
        else if (c === DOLLAR) this.dollar(false);
        else this.backtick(true);
      }
    } catch (e) {
      if (!(e instanceof Unterminated)) throw e;
      this.pos = this.stopped ? len : e.resume;
      this.depth = 0;
      failed = true;
    }
    const end = this.pos;
    let value: string;
    let rest = '';
    let offsets = NO_OFFSETS;
    if (eq >= 0) {
      rest = this.takeValue();
      value = `${name}=${rest}`;
      this.scratch[this.nOffsets++] = this.lastEnd;
      offsets = this.scratch.slice(0, this.nOffsets);
    } else value = this.takeValue();
    this.collect = false;
    const next = t.charCodeAt(end);
    const ioNumber = plain && eq < 0 && (next === 60 || next === 62) && /^[0-9]+$/.test(value);
    return { start, end, value, name, nameEnd, rest, valueStart, offsets, refs: this.refs, eq, plain, ioNumber, failed };
  }
}

/** The operator at `i` (whose first code unit is `c`), longest first as sh reads them, or ''. */
function operatorAt(t: string, i: number, c: number): string {
  const n = t.charCodeAt(i + 1);
  switch (c) {
    case 59 /* ; */:
      return n === 59 ? ';;' : n === 38 ? ';&' : ';';
    case 38 /* & */:
      return n === 38 ? '&&' : '&';
    case 124 /* | */:
      return n === 124 ? '||' : '|';
    case 60 /* < */:
      if (n === 60) return t.charCodeAt(i + 2) === 45 /* - */ ? '<<-' : '<<';
      return n === 38 ? '<&' : n === 62 ? '<>' : '<';
    case 62 /* > */:
      return n === 62 ? '>>' : n === 38 ? '>&' : n === 124 ? '>|' : '>';
    case 40 /* ( */:
      return '(';
    case 41 /* ) */:
      return ')';
    default:
      return '';
  }
}
