import { isMeta, isNameChar, isNameStart, MAX_DEPTH, ScanState } from './rcconf-scan-state';

/**
 * Skipping of `${...}`, `$(...)`, `$((...))` and backquotes: each is read to
 * its balancing end (honouring nested quotes and expansions) so a `)` or `"`
 * inside does not end the word early, and the names in it are recorded as
 * references. Their text is never evaluated.
 */
export class ExpansionScanner extends ScanState {
  /** Guards recursion depth: hostile nesting ends the scan with one error instead of a stack overflow. */
  protected enter(open: number): void {
    if (++this.depth > MAX_DEPTH) {
      this.error('Expansions nested too deeply to analyse; the rest of the file is not checked.', open, open + 2);
      this.stop();
    }
  }

  /** `${...}`: up to the matching `}`, honouring quotes and nested expansions. */
  protected skipBraced(open: number): void {
    const t = this.text;
    this.enter(open);
    let i = open + 2;
    if (t[i] === '#' && isNameStart(t[i + 1] ?? '')) i++;
    let j = i;
    while (j < t.length && isNameChar(t[j])) j++;
    if (j > i) {
      if (isNameStart(t[i])) this.addRef(t.slice(i, j), open, j);
    } else if (j < t.length && '@*#?-$!'.includes(t[j])) j++;
    if (j >= t.length) this.unterminated('brace', open);
    if (j === i || !'}:-=?+%#'.includes(t[j])) this.unterminated('badsub', open, this.nextLineStart(open));
    i = j;
    for (;;) {
      if (i >= t.length) this.unterminated('brace', open);
      const c = t[i];
      if (c === '}') break;
      i = this.skipNested(c, i);
    }
    this.depth--;
    this.pos = i + 1;
  }

  /**
   * Skips one unit inside `${}` / `$()`: a quoted string, an escape or a
   * nested expansion (recording its references), else one character.
   */
  protected skipNested(c: string, i: number): number {
    const t = this.text;
    if (c === '\\') return Math.min(t.length, i + 2);
    if (c === "'") {
      const close = t.indexOf("'", i + 1);
      if (close < 0) this.unterminated('squote', i);
      return close + 1;
    }
    if (c === '"' || c === '`') {
      this.enter(i);
      let k = i + 1;
      while (k < t.length && t[k] !== c) {
        if (t[k] === '\\') k += 2;
        else if (c === '"' && t[k] === '$') k = this.skipDollarAt(k);
        else k++;
      }
      if (k >= t.length) this.unterminated(c === '"' ? 'dquote' : 'backquote', i);
      this.depth--;
      return k + 1;
    }
    if (c === '$') return this.skipDollarAt(i);
    return i + 1;
  }

  /** Skips an expansion at `i` without adding to the current value; returns the offset after it. */
  protected skipDollarAt(i: number): number {
    const saved = this.pos;
    const t = this.text;
    const n = t[i + 1] ?? '';
    let end = i + 1;
    if (n === '{') {
      this.skipBraced(i);
      end = this.pos;
    } else if (n === '(') {
      this.skipParens(i);
      end = this.pos;
    } else if (isNameStart(n)) {
      end = i + 1;
      while (end < t.length && isNameChar(t[end])) end++;
      this.addRef(t.slice(i + 1, end), i, end);
    }
    this.pos = saved;
    return end;
  }

  /** `$(...)` and `$((...))`: to the balancing `)`, honouring quotes, comments and nesting. */
  protected skipParens(open: number): void {
    const t = this.text;
    this.enter(open);
    let depth = 0;
    let i = open + 1;
    for (;;) {
      if (i >= t.length) this.unterminated('paren', open);
      const c = t[i];
      if (c === '(') {
        depth++;
        i++;
      } else if (c === ')') {
        depth--;
        i++;
        if (depth === 0) break;
      } else if (c === '#' && (isMeta(t[i - 1]) || t[i - 1] === '(')) {
        i = this.lineEndAt(i);
      } else i = this.skipNested(c, i);
    }
    this.depth--;
    this.pos = i;
  }
}
