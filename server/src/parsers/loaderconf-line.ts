import type { ModuleField } from './loaderconf';

// The patterns below mirror stand/lua/config.lua (FreeBSD 13/14): MODULEEXPR
// `[-%w_]+`, the env name `[%w][%w%d-_.]*`, QVALEXPR `"(.*)"` (greedy: up to
// the LAST quote on the line) and WORDEXPR `[-%w%d][-%w%d_.]*`. Lua's %s is
// C isspace; the BOM is not, but we treat a leading one as space and leave it
// to the encoding check. They are matched with a character-class table
// rather than regular expressions on sliced lines: loader.conf is re-parsed
// on every keystroke and lines are short, so allocation dominated.
const FIELDS: readonly ModuleField[] = ['load', 'name', 'type', 'flags', 'before', 'after', 'error'];

/** Class bits for ASCII: MODULEEXPR `[-A-Za-z0-9_]`, WORDEXPR's first `[-A-Za-z0-9]` and rest `[-A-Za-z0-9_.]`, the env name's first `[A-Za-z0-9]`. */
export const MODULE_CHAR = 1;
export const WORD_START = 2;
export const WORD_CHAR = 4;
export const ENV_START = 8;
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  const alnum = /[A-Za-z0-9]/.test(ch);
  CLASS[c] =
    (alnum || ch === '-' || ch === '_' ? MODULE_CHAR : 0) |
    (alnum || ch === '-' ? WORD_START : 0) |
    (alnum || ch === '-' || ch === '_' || ch === '.' ? WORD_CHAR : 0) |
    (alnum ? ENV_START : 0);
}

/** True when the code unit at `i` is ASCII and in the class `bit`. */
export function has(text: string, i: number, bit: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 && (CLASS[c] & bit) !== 0;
}

/** Lua's %s (C isspace), plus a BOM at the very start of the file. */
export function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (i === 0 && c === 0xfeff);
}

/** A value found after `=`: its source span, quotes included. */
export type ValueMatch = { quoted: boolean; start: number; end: number };

/** One line's bounds; the helpers share them without long parameter lists. */
export class LineScanner {
  text = '';
  start = 0;
  end = 0;

  skipSpace(i: number): number {
    while (i < this.end && isSpace(this.text, i)) i++;
    return i;
  }

  /** End of the content before trailing whitespace. */
  trimEnd(i: number): number {
    let e = this.end;
    while (e > i && isSpace(this.text, e - 1)) e--;
    return e;
  }

  /** `%s*=%s*` at i: the offset after it, or -1. */
  equals(i: number): number {
    const j = this.skipSpace(i);
    if (j >= this.end || this.text.charCodeAt(j) !== 61 /* = */) return -1;
    return this.skipSpace(j + 1);
  }

  /** `"(.*)"` (greedy) then WORDEXPR, in that order, as checkPattern tries them. */
  value(i: number, allowWord: boolean): ValueMatch | undefined {
    const t = this.text;
    if (i < this.end && t.charCodeAt(i) === 34 /* " */) {
      let close = this.end - 1;
      while (close > i && t.charCodeAt(close) !== 34) close--;
      if (close > i) return { quoted: true, start: i, end: close + 1 };
    }
    if (!allowWord || i >= this.end || !has(t, i, WORD_START)) return undefined;
    let j = i + 1;
    while (j < this.end && has(t, j, WORD_CHAR)) j++;
    return { quoted: false, start: i, end: j };
  }

  /** Offset of trailing text that is neither space nor a `#` comment, or -1. */
  badTrailer(i: number): number {
    const j = this.skipSpace(i);
    return j >= this.end || this.text.charCodeAt(j) === 35 /* # */ ? -1 : j;
  }
}

/** The `_<field>` a MODULEEXPR match [p, m) ends with (leaving a module name before it), if any. */
export function moduleField(text: string, p: number, m: number): ModuleField | undefined {
  for (const f of FIELDS) {
    const at = m - f.length;
    if (m - p > f.length + 1 && text.charCodeAt(at - 1) === 95 /* _ */ && text.startsWith(f, at)) return f;
  }
  return undefined;
}
