import type { ParseState } from './state';
import { Tok, type TokenStore } from './tokens';

/**
 * Token reading for the fast path (fast-filter.ts): the next token's id,
 * kind tests, and its answers.
 */

/** A part gave up (see `fastRule`). */
export const GIVE_UP = -1;

/**
 * What the fast path did with a statement (`fastRule`): read it; gave up; or
 * gave up on a rule whose checks read its tree (semantics.ts), which the
 * caller may as well read in build mode at once.
 */
export const FastRead = { Done: 0, GaveUp: 1, NeedsTree: 2 } as const;
export type FastRead = (typeof FastRead)[keyof typeof FastRead];

/** The id of the next token when it is a keyword or an operator (`TokenStore.refAt`), else 0. */
export function idOf(st: ParseState, tk: TokenStore): number {
  const t = st.next();
  const k = tk.kindAt(t);
  if (k !== Tok.Keyword && k !== Tok.Punct) return 0;
  const r = tk.refAt(t);
  return r > 0 ? r : 0;
}

/** Consumes the next token; returns the id of the one after it (see `idOf`). */
export function advance(st: ParseState, tk: TokenStore): number {
  st.skip();
  return idOf(st, tk);
}

/** Whether the next token is a STRING (a bare non-keyword word or a quoted string). */
export function isString(st: ParseState, tk: TokenStore): boolean {
  const k = tk.kindAt(st.next());
  return k === Tok.Word || k === Tok.Quoted;
}

export function isValue(st: ParseState, tk: TokenStore): boolean {
  const k = tk.kindAt(st.next());
  return k === Tok.Word || k === Tok.Quoted || k === Tok.Number;
}

export function atEnd(st: ParseState, tk: TokenStore): boolean {
  const k = tk.kindAt(st.next());
  return k === Tok.Newline || k === Tok.Eof;
}

/** Consumes the next token when `ok`; returns `ok`. */
export function takeIf(st: ParseState, ok: boolean): boolean {
  if (ok) st.skip();
  return ok;
}

/** `n` times a list length (lists of 0 or 1 do not multiply), as `finish` counts. */
export function times(n: number, k: number): number {
  return k > 1 ? Math.min(n * k, Number.MAX_SAFE_INTEGER) : n;
}
