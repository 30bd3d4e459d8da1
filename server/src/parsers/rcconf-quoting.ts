import { BLANK, charClass, NAME_CHAR, NAME_START } from './rcconf-scan-state';
import { ExpansionScanner } from './rcconf-expansions';

export const DQUOTE = 34;
export const SQUOTE = 39;
export const DOLLAR = 36;
export const BACKQUOTE = 96;
export const BACKSLASH = 92;
/** Special parameters: `$1`, `$@`, `$?` and the like. */
const SPECIAL_PARAMS = '0123456789@*#?-$!';

/**
 * Builds a word's value after quote removal, with the source offset of each
 * character, and reads the quoted parts of words (single, double and `$'`
 * quotes, `$` expansions, backquotes). The value is assembled from runs of
 * source text, sliced once per run rather than appended per character,
 * because rc.conf is re-parsed on every keystroke and large files are real.
 */
export class QuotingScanner extends ExpansionScanner {
  /** Value text flushed so far, plus the pending source run [runFrom, runTo) not yet sliced. */
  protected acc = '';
  protected runFrom = -1;
  protected runTo = -1;
  /** Length of the value being built (after `=` once an assignment's name is split off). */
  protected vlen = 0;
  /**
   * Offsets of the value after `=`, gathered in one reused list and copied
   * out at the word's end, so each assignment keeps an exactly sized array.
   */
  protected readonly scratch: number[] = [];
  protected nOffsets = 0;
  protected collect = false;
  protected lastEnd = 0;

  /** Appends source text [from, to) to the value; expansions are kept as written, so they come here too. */
  protected pushSource(from: number, to: number): void {
    if (to <= from) return;
    if (from !== this.runTo) {
      this.flush();
      this.runFrom = from;
    }
    this.runTo = to;
    this.vlen += to - from;
    if (this.collect) {
      const s = this.scratch;
      let n = this.nOffsets;
      for (let i = from; i < to; i++) s[n++] = i;
      this.nOffsets = n;
    }
    this.lastEnd = to;
  }

  /** Appends the character a backslash at `at` escapes; it maps to the backslash. */
  protected pushEscaped(at: number): void {
    if (at + 1 !== this.runTo) {
      this.flush();
      this.runFrom = at + 1;
    }
    this.runTo = at + 2;
    this.vlen++;
    if (this.collect) this.scratch[this.nOffsets++] = at;
    this.lastEnd = at + 2;
  }

  protected flush(): void {
    if (this.runTo > this.runFrom) {
      const piece = this.text.slice(this.runFrom, this.runTo);
      this.acc = this.acc === '' ? piece : this.acc + piece;
    }
    this.runFrom = this.runTo = -1;
  }

  /** The value built so far; starts a new, empty one. */
  protected takeValue(): string {
    this.flush();
    const v = this.acc;
    this.acc = '';
    this.vlen = 0;
    return v;
  }

  /** Opening a quote before any value character: an edit of the empty value belongs inside the quotes. */
  protected anchorQuote(quoteEnd: number): void {
    if (this.vlen === 0) this.lastEnd = quoteEnd;
  }

  /** True when the line starting at `i` begins with `name=` directly followed by the quote `q`. */
  protected startsNewAssignment(i: number, q: number): boolean {
    const t = this.text;
    let j = i;
    while (j < t.length && charClass(t.charCodeAt(j)) & BLANK) j++;
    if (!(charClass(t.charCodeAt(j)) & NAME_START)) return false;
    while (j < t.length && charClass(t.charCodeAt(j)) & NAME_CHAR) j++;
    return t.charCodeAt(j) === 61 && t.charCodeAt(j + 1) === q;
  }

  protected singleQuoted(dollar: boolean): void {
    const t = this.text;
    const len = t.length;
    const open = this.pos;
    this.pos += dollar ? 2 : 1;
    if (dollar) this.pushSource(open, this.pos);
    else this.anchorQuote(this.pos);
    for (;;) {
      const i = this.pos;
      if (i >= len) this.unterminated('squote', open);
      const c = t.charCodeAt(i);
      if (c === SQUOTE) {
        this.pos++;
        if (dollar) this.pushSource(i, i + 1);
        return;
      }
      if (dollar && c === BACKSLASH && i + 1 < len) {
        this.pushSource(i, i + 2);
        this.pos += 2;
        continue;
      }
      const lb = this.lineBreakAt(i);
      if (lb > 0 && this.startsNewAssignment(i + lb, SQUOTE)) this.unterminated('squote', open, i + lb);
      if (lb > 0 || dollar) {
        this.pushSource(i, i + 1);
        this.pos++;
      } else {
        let j = i + 1;
        for (; j < len; j++) {
          const d = t.charCodeAt(j);
          if (d === SQUOTE || d === 10 || d === 13) break;
        }
        this.pushSource(i, j);
        this.pos = j;
      }
    }
  }

  protected doubleQuoted(): void {
    const t = this.text;
    const len = t.length;
    const open = this.pos;
    this.pos++;
    this.anchorQuote(this.pos);
    for (;;) {
      const i = this.pos;
      if (i >= len) this.unterminated('dquote', open);
      const c = t.charCodeAt(i);
      if (c === DQUOTE) {
        this.pos++;
        return;
      }
      if (c === BACKSLASH) {
        const cont = this.lineBreakAt(i + 1);
        const n = t.charCodeAt(i + 1);
        if (cont > 0) this.pos += 1 + cont;
        else if (n === DOLLAR || n === BACKQUOTE || n === DQUOTE || n === BACKSLASH) {
          this.pushEscaped(i);
          this.pos += 2;
        } else {
          this.pushSource(i, i + 1);
          this.pos++;
        }
        continue;
      }
      if (c === DOLLAR) {
        this.dollar(true);
        continue;
      }
      if (c === BACKQUOTE) {
        this.backtick(true);
        continue;
      }
      const lb = this.lineBreakAt(i);
      if (lb > 0 && this.startsNewAssignment(i + lb, DQUOTE)) this.unterminated('dquote', open, i + lb);
      if (lb > 0) {
        this.pushSource(i, i + 1);
        this.pos++;
      } else {
        let j = i + 1;
        for (; j < len; j++) {
          const d = t.charCodeAt(j);
          if (d === DQUOTE || d === BACKSLASH || d === DOLLAR || d === BACKQUOTE || d === 10 || d === 13) break;
        }
        this.pushSource(i, j);
        this.pos = j;
      }
    }
  }

  /**
   * A `$` expansion at the current position. Its source text goes into the
   * value verbatim (rc.conf values are checked as written, not evaluated);
   * names are recorded as references.
   */
  protected dollar(inDq: boolean): void {
    const t = this.text;
    const start = this.pos;
    const n = t.charCodeAt(start + 1);
    if (n === 123 /* { */) this.skipBraced(start);
    else if (n === 40 /* ( */) this.skipParens(start);
    else if (n === SQUOTE && !inDq) {
      this.singleQuoted(true);
      return;
    } else if (charClass(n) & NAME_START) {
      let j = start + 1;
      while (j < t.length && charClass(t.charCodeAt(j)) & NAME_CHAR) j++;
      this.addRef(t.slice(start + 1, j), start, j);
      this.pos = j;
    } else if (start + 1 < t.length && SPECIAL_PARAMS.includes(t[start + 1])) this.pos = start + 2;
    else this.pos = start + 1;
    this.pushSource(start, this.pos);
  }

  /** A backquoted command substitution; kept verbatim in the value when `keep`. */
  protected backtick(keep: boolean): void {
    const t = this.text;
    const open = this.pos;
    let i = open + 1;
    while (i < t.length && t.charCodeAt(i) !== BACKQUOTE) i += t.charCodeAt(i) === BACKSLASH ? 2 : 1;
    if (i >= t.length) this.unterminated('backquote', open);
    this.pos = i + 1;
    if (keep) this.pushSource(open, this.pos);
  }
}
