/** Longest piece of source a message quotes before cutting it short. */
export const MAX_QUOTED_LENGTH = 40;

/**
 * A piece of source text quoted in a message: `'…'`, cut to
 * MAX_QUOTED_LENGTH characters. A message names the token in question and
 * nothing more: a whole line of some file (a password line, a key) must
 * never travel into a job log or a SARIF report because it happened to be
 * one long word.
 */
export function quoteSource(text: string, quote: "'" | '"' = "'"): string {
  return `${quote}${clipSource(text)}${quote}`;
}

/** The text cut to MAX_QUOTED_LENGTH characters (code points, so no surrogate pair is split), with `…` when cut. */
export function clipSource(text: string): string {
  if (text.length <= MAX_QUOTED_LENGTH) return text;
  const chars = Array.from(text);
  return chars.length > MAX_QUOTED_LENGTH ? `${chars.slice(0, MAX_QUOTED_LENGTH - 1).join('')}…` : text;
}
