import type { PfRelated } from './ast';
import type { PfWord } from './ast-parts';
import type { MacroOrigin, Token } from './tokens';

/** Constants and small helpers shared by the pf.conf productions. */

/** Thrown (as this one object, never an Error) to abandon a statement; caught by the statement loop. */
export const FAIL = { fail: true } as const;

/** Most errors recorded per file: past this a broken or binary file cannot flood the editor. */
export const MAX_ERRORS = 1000;
/** Deepest `{` nesting of lists and inline anchors the parser follows. */
export const MAX_DEPTH = 64;
/** Largest macro value kept (characters); longer values are truncated and reported. */
export const MAX_MACRO_LENGTH = 65536;

/**
 * What productions return for a word in compact mode: never put in a tree,
 * never read. Truthy, so `if (r.quick)`-style presence tests behave the same
 * in both modes.
 */
export const NO_WORD: PfWord = Object.freeze({ text: '', start: 0, end: 0, quoted: false, number: false });

/** What productions return for a node in compact mode (see `NO_WORD`). */
export const NO_NODE = Object.freeze({ start: 0, end: 0 }) as never;

/** The related-information entry pointing at a macro definition. */
export function relatedFor(o: MacroOrigin): PfRelated[] {
  return [{ message: `macro '${o.name}' is defined here`, start: o.valueStart, end: o.valueEnd }];
}

/**
 * A token as a tree word. Tokens already have the word's fields, so the token
 * itself is the word (no copy per token); it also carries `kind`.
 */
export function word(t: Token): PfWord {
  return t as PfWord;
}

/**
 * `a` trimmed to its length. Arrays filled by push keep 17+ slots even for one
 * item; a tree keeps tens of thousands of them, and the copy is young garbage.
 */
export function exact<T>(a: T[]): T[] {
  return a.length === 0 ? a : a.slice();
}

/** The smallest span covering a node's first and last parts. */
export function spanOf(a: { start: number }, b: { end: number }): { start: number; end: number } {
  return { start: a.start, end: Math.max(a.start, b.end) };
}

/** Union of keyword lists for "expected" sets, without duplicates. */
export function union(...lists: (readonly string[])[]): readonly string[] {
  return [...new Set(lists.flat())];
}
