import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Maps UTF-16 offsets to LSP positions and back for one text. Every parser
 * records offsets; ranges are made here so CRLF, CR and a BOM are handled once.
 * A line ends at "\n", "\r\n" or "\r", as in vscode-languageserver-textdocument,
 * so our positions match what the editor shows.
 */
export class LineIndex {
  /** Offset at which each line starts; lineStarts[0] is 0. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return '';
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  /** Range of a whole line including its line break: what a "remove the line" fix deletes. */
  fullLineRange(line: number): Range {
    const next = line + 1 < this.lineStarts.length ? { line: line + 1, character: 0 } : this.positionAt(this.text.length);
    return { start: { line, character: 0 }, end: next };
  }

  /** The line break this text mostly uses, so inserted lines match the file. */
  get eol(): string {
    const crlf = this.text.indexOf('\r\n');
    const lf = this.text.indexOf('\n');
    return crlf >= 0 && crlf < lf ? '\r\n' : '\n';
  }
}
