import { CHAR_CLASS, C_WORD, PF_KEYWORDS } from './tokens';

/**
 * pfctl's keywords as a trie the lexer walks while it scans a word, one
 * table step per character, so telling a keyword from a plain word costs no
 * second pass over the word's characters (comparing a word with the
 * keywords of its length after scanning it was about a third of the lexer's
 * quick path).
 *
 * Nodes are rows of `SYMBOLS` entries in one typed array: row 0 is the dead
 * state (every word that has left the keywords stays there), row 1 the root.
 */

/** Entries per trie row: the keyword characters, 0 (no word character) and `OTHER`. */
const SYMBOLS = 32;
const SHIFT = 5;
/** The symbol of a word character no keyword contains (leads to the dead row). */
const OTHER = SYMBOLS - 1;

/**
 * Per UTF-16 code: 0 when the character does not continue a plain word (the
 * lexer's quick path stops there; a backslash is read by the slow path),
 * else its trie symbol. A 64K table so the scan loop needs no range check.
 */
export const WORD_SYMBOL: Uint8Array = new Uint8Array(65536);

/** The root row's offset: the first step of a word is `KW_TRIE[KW_ROOT | WORD_SYMBOL[c]]`. */
export const KW_ROOT = 1 << SHIFT;

function buildTrie(): { trie: Uint16Array; ids: Uint16Array } {
  const codes = [...new Set(PF_KEYWORDS.join(''))].map((ch) => ch.charCodeAt(0)).sort((a, b) => a - b);
  if (codes.length >= OTHER) throw new Error('keyword-trie: too many distinct keyword characters for a row');
  for (let c = 0; c < 128; c++) if (CHAR_CLASS[c] & C_WORD && c !== 92) WORD_SYMBOL[c] = OTHER;
  codes.forEach((c, n) => {
    // Every keyword character is a word character; a keyword list that broke this would break the lexer.
    if (WORD_SYMBOL[c] !== OTHER) throw new Error(`keyword-trie: '${String.fromCharCode(c)}' is not a word character`);
    WORD_SYMBOL[c] = n + 1;
  });
  const rows: number[][] = [new Array<number>(SYMBOLS).fill(0), new Array<number>(SYMBOLS).fill(0)];
  const ids: number[] = [0, 0];
  PF_KEYWORDS.forEach((keyword, index) => {
    let node = 1;
    for (let k = 0; k < keyword.length; k++) {
      const symbol = WORD_SYMBOL[keyword.charCodeAt(k)];
      if (rows[node][symbol] === 0) {
        rows[node][symbol] = rows.length;
        rows.push(new Array<number>(SYMBOLS).fill(0));
        ids.push(0);
      }
      node = rows[node][symbol];
    }
    ids[node] = index + 1;
  });
  const trie = new Uint16Array(rows.length * SYMBOLS);
  rows.forEach((row, n) => trie.set(row, n * SYMBOLS));
  return { trie, ids: Uint16Array.from(ids) };
}

const built = buildTrie();

/** The trie's rows: `KW_TRIE[(node << 5) | symbol]` is the next node (0: dead). */
export const KW_TRIE: Uint16Array = built.trie;

/** The token-string id (see tokens.ts `TOKEN_STRINGS`) of the keyword ending at each node, else 0. */
export const KW_AT_NODE: Uint16Array = built.ids;

/**
 * The token-string id of the keyword spelled by `s[start, end)`, or 0: for
 * words read outside the quick path (macro values, words with backslashes),
 * so a keyword token costs no substring either.
 */
export function keywordIdAt(s: string, start: number, end: number): number {
  let node = 1;
  for (let i = start; i < end && node !== 0; i++) node = KW_TRIE[(node << SHIFT) | WORD_SYMBOL[s.charCodeAt(i)]];
  return KW_AT_NODE[node];
}
