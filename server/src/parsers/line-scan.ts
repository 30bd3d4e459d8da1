/**
 * The offsets `from, from + 1, ..., to` (both included): the `valueOffsets`
 * of a value copied verbatim from the source plus its end entry. Sized
 * exactly up front because large files keep one such array per setting, and
 * growing arrays by `push` both copies and over-allocates them.
 */
export function offsetRange(from: number, to: number): number[] {
  const n = to - from + 1;
  const offsets = new Array<number>(n);
  for (let i = 0; i < n; i++) offsets[i] = from + i;
  return offsets;
}

/**
 * Calls `line(start, end)` for every line of `text`, `end` before its line
 * break. Lines end at "\n", "\r\n" or "\r" as in LineIndex, including the
 * empty last line after a final break. Uses indexOf, not a per-character
 * loop, so even unoptimised code walks large files quickly.
 */
export function forEachLine(text: string, line: (start: number, end: number) => void): void {
  const len = text.length;
  let nl = text.indexOf('\n');
  let cr = text.indexOf('\r');
  let start = 0;
  for (;;) {
    if (nl >= 0 && nl < start) nl = text.indexOf('\n', start);
    if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    let end = nl < 0 ? len : nl;
    if (cr >= 0 && cr < end) end = cr;
    line(start, end);
    if (end >= len) return;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

/**
 * Finds the next occurrence of one character with indexOf, remembering the
 * last answer: lines are scanned in order, so each search resumes where the
 * last one stopped and a file with no such character is scanned once, not
 * once per line.
 */
export class CharFinder {
  private from = 0;
  private at = -2;

  constructor(
    private readonly text: string,
    private readonly ch: string,
  ) {}

  /** Index of the first occurrence in [from, end), or -1. */
  within(from: number, end: number): number {
    if (this.at === -2 || from < this.from || (this.at >= 0 && from > this.at)) {
      this.at = this.text.indexOf(this.ch, from);
      this.from = from;
    }
    return this.at >= 0 && this.at < end ? this.at : -1;
  }
}
