import type { Comment } from './syntax';
import type { RcReference } from './rcconf';
import { ExpansionScanner } from './rcconf-expansions';
import { isBlank, isMeta, isNameChar, isNameStart, Unterminated } from './rcconf-scan-state';

/**
 * One shell word after quote removal. `offsets` maps every character of
 * `value` to its source offset (an escaped character maps to its backslash)
 * and has one extra entry: the offset just after the last character, or just
 * inside the first quote when the (assignment) value is empty, so an edit
 * there lands inside the quotes.
 */
export interface Word {
  start: number;
  end: number;
  value: string;
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

export type Token =
  | { type: 'word'; start: number; end: number; word: Word }
  | { type: 'op'; op: string; start: number; end: number }
  | { type: 'newline'; start: number; end: number }
  | { type: 'eof'; start: number; end: number };

/** Runs of characters with no special meaning in each quoting context (sticky, so matching is linear). */
const UNQUOTED_RUN = /[^\s;&|<>()\\'"$`\uFEFF]*/y;
const DQUOTED_RUN = /[^"\\$`\r\n]*/y;
const SQUOTED_RUN = /[^'\r\n]*/y;

const OPS = [';;', ';&', '&&', '||', '<<-', '<<', '<&', '<>', '>>', '>&', '>|', ';', '&', '|', '<', '>', '(', ')'];

/**
 * The lexical half of the rc.conf parser: words with sh's quoting rules,
 * operators, comments and line continuations. Offsets are kept for every
 * character so checks can point inside values. Each character is looked at
 * a bounded number of times, so huge lines and files stay linear.
 */
export class Scanner extends ExpansionScanner {
  readonly comments: Comment[] = [];
  private value = '';
  private offsets: number[] = [];
  private lastEnd = 0;

  /** Reads the next token, collecting comments and skipping blanks and backslash-newlines. */
  next(): Token {
    const t = this.text;
    for (;;) {
      if (this.pos >= t.length) return { type: 'eof', start: t.length, end: t.length };
      const c = t[this.pos];
      const cont = this.continuationAt(this.pos);
      if (cont > 0) this.pos += 1 + cont;
      else if (isBlank(c)) this.pos++;
      else if (c === '#') this.readComment();
      else break;
    }
    const start = this.pos;
    const lb = this.lineBreakAt(start);
    if (lb > 0) {
      this.pos += lb;
      return { type: 'newline', start, end: this.pos };
    }
    for (const op of OPS) {
      if (t.startsWith(op, start)) {
        this.pos += op.length;
        return { type: 'op', op, start, end: this.pos };
      }
    }
    const word = this.readWord();
    return { type: 'word', start, end: word.end, word };
  }

  private readComment(): void {
    const start = this.pos;
    const end = this.lineEndAt(start);
    let k = start - 1;
    while (k >= 0 && isBlank(this.text[k])) k--;
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
      if (stripTabs) while (s < lineEnd && t[s] === '\t') s++;
      const line = t.slice(s, lineEnd);
      this.pos = lineEnd + this.lineBreakAt(lineEnd);
      if (line === delimiter) return;
    }
  }

  private push(ch: string, at: number, width: number): void {
    this.value += ch;
    this.offsets.push(at);
    this.lastEnd = at + width;
  }

  /** Copies source text verbatim into the value: expansions are kept as written. */
  private pushRaw(from: number, to: number): void {
    for (let i = from; i < to; i++) this.push(this.text[i], i, 1);
  }

  /** Copies the run of ordinary characters at `from` that `run` matches (at least one); returns where it ends. */
  private pushRun(from: number, run: RegExp): number {
    run.lastIndex = from;
    run.test(this.text);
    const to = Math.max(from + 1, run.lastIndex);
    this.value += this.text.slice(from, to);
    for (let i = from; i < to; i++) this.offsets.push(i);
    this.lastEnd = to;
    return to;
  }

  private readWord(): Word {
    const t = this.text;
    const start = this.pos;
    this.value = '';
    this.offsets = [];
    this.refs = [];
    this.lastEnd = start;
    let eq = -1;
    let nameOk = true;
    let plain = true;
    let failed = false;
    try {
      while (this.pos < t.length) {
        const i = this.pos;
        const c = t[i];
        const cont = this.continuationAt(i);
        if (cont > 0) {
          this.pos += 1 + cont;
          continue;
        }
        if (isMeta(c)) break;
        if (eq < 0 && nameOk) {
          if (c === '=' && this.value.length > 0) {
            eq = this.value.length;
            this.push(c, i, 1);
            this.pos++;
            continue;
          }
          if (!isNameChar(c) || (this.value.length === 0 && !isNameStart(c))) nameOk = false;
        }
        if (c === '\\' || c === "'" || c === '"' || c === '$' || c === '`') {
          plain = false;
          nameOk = false;
        }
        if (c === '\\') {
          if (i + 1 >= t.length) this.push('\\', i, 1);
          else this.push(t[i + 1], i, 2);
          this.pos = Math.min(t.length, i + 2);
        } else if (c === "'") this.singleQuoted(eq, false);
        else if (c === '"') this.doubleQuoted(eq);
        else if (c === '$') this.dollar(false, eq);
        else if (c === '`') this.backtick(true);
        else if (eq >= 0 || !nameOk) this.pos = this.pushRun(i, UNQUOTED_RUN);
        else {
          this.push(c, i, 1);
          this.pos++;
        }
      }
    } catch (e) {
      if (!(e instanceof Unterminated)) throw e;
      this.pos = this.stopped ? t.length : e.resume;
      this.depth = 0;
      failed = true;
    }
    const end = this.pos;
    this.offsets.push(this.lastEnd);
    const value = this.value;
    const ioNumber = /^[0-9]+$/.test(value) && plain && (t[this.pos] === '<' || t[this.pos] === '>');
    return { start, end, value, offsets: this.offsets, refs: this.refs, eq, plain, ioNumber, failed };
  }

  /** Opening a quote before any value character: an edit of the empty value belongs inside the quotes. */
  private anchorQuote(eq: number, quoteEnd: number): void {
    if (this.value.length === (eq >= 0 ? eq + 1 : 0)) this.lastEnd = quoteEnd;
  }

  /** True when the line starting at `i` begins with `name=` directly followed by the quote `q`. */
  private startsNewAssignment(i: number, q: string): boolean {
    const t = this.text;
    let j = i;
    while (j < t.length && isBlank(t[j])) j++;
    if (!isNameStart(t[j] ?? '')) return false;
    while (j < t.length && isNameChar(t[j])) j++;
    return t[j] === '=' && t[j + 1] === q;
  }

  private singleQuoted(eq: number, dollar: boolean): void {
    const t = this.text;
    const open = this.pos;
    this.pos += dollar ? 2 : 1;
    if (dollar) this.pushRaw(open, this.pos);
    else this.anchorQuote(eq, this.pos);
    for (;;) {
      const i = this.pos;
      if (i >= t.length) this.unterminated('squote', open);
      const c = t[i];
      if (c === "'") {
        this.pos++;
        if (dollar) this.pushRaw(i, i + 1);
        return;
      }
      if (dollar && c === '\\' && i + 1 < t.length) {
        this.pushRaw(i, i + 2);
        this.pos += 2;
        continue;
      }
      const lb = this.lineBreakAt(i);
      if (lb > 0 && this.startsNewAssignment(i + lb, "'")) this.unterminated('squote', open, i + lb);
      if (lb > 0 || dollar) {
        this.push(c, i, 1);
        this.pos++;
      } else this.pos = this.pushRun(i, SQUOTED_RUN);
    }
  }

  private doubleQuoted(eq: number): void {
    const t = this.text;
    const open = this.pos;
    this.pos++;
    this.anchorQuote(eq, this.pos);
    for (;;) {
      const i = this.pos;
      if (i >= t.length) this.unterminated('dquote', open);
      const c = t[i];
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === '\\') {
        const cont = this.continuationAt(i);
        const n = t[i + 1];
        if (cont > 0) this.pos += 1 + cont;
        else if (n === '$' || n === '`' || n === '"' || n === '\\') {
          this.push(n, i, 2);
          this.pos += 2;
        } else {
          this.push('\\', i, 1);
          this.pos++;
        }
        continue;
      }
      if (c === '$') {
        this.dollar(true, eq);
        continue;
      }
      if (c === '`') {
        this.backtick(true);
        continue;
      }
      const lb = this.lineBreakAt(i);
      if (lb > 0 && this.startsNewAssignment(i + lb, '"')) this.unterminated('dquote', open, i + lb);
      if (lb > 0) {
        this.push(c, i, 1);
        this.pos++;
      } else this.pos = this.pushRun(i, DQUOTED_RUN);
    }
  }

  /**
   * A `$` expansion at the current position. Its source text goes into the
   * value verbatim (rc.conf values are checked as written, not evaluated);
   * names are recorded as references.
   */
  private dollar(inDq: boolean, eq: number): void {
    const t = this.text;
    const start = this.pos;
    const n = t[start + 1] ?? '';
    if (n === '{') this.skipBraced(start);
    else if (n === '(') this.skipParens(start);
    else if (n === "'" && !inDq) {
      this.singleQuoted(eq, true);
      return;
    } else if (isNameStart(n)) {
      let j = start + 1;
      while (j < t.length && isNameChar(t[j])) j++;
      this.addRef(t.slice(start + 1, j), start, j);
      this.pos = j;
    } else if (n !== '' && '0123456789@*#?-$!'.includes(n)) this.pos = start + 2;
    else this.pos = start + 1;
    this.pushRaw(start, this.pos);
  }

  /** A backquoted command substitution; kept verbatim in the value when `keep`. */
  private backtick(keep: boolean): void {
    const t = this.text;
    const open = this.pos;
    let i = open + 1;
    while (i < t.length && t[i] !== '`') i += t[i] === '\\' ? 2 : 1;
    if (i >= t.length) this.unterminated('backquote', open);
    this.pos = i + 1;
    if (keep) this.pushRaw(open, this.pos);
  }
}
