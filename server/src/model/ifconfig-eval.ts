import type { IfWord } from './ifconfig-value';

/**
 * One word of an ifconfig value as the `eval` in network.subr reads it
 * (libexec/rc/network.subr ifconfig_up(), ifalias_af_common(); rc.subr
 * load_rc_config() sources rc.conf first): rc.conf's own quoting is already gone (the value is an
 * RcAssignment's), so this is the second reading, where `'…'`, `"…"`, `\x`
 * and `$…` in the value are interpreted once more.
 *
 * `text` is the word after the eval when that is certain (`known`), else the
 * word as written. `start`/`end` span every source character of the word,
 * quotes and escapes included, so replacing that span hides the whole word.
 */
export interface EvalWord extends IfWord {
  /** The word as written in the value (after rc.conf's quote removal, before the eval). */
  written: string;
  /** False when an expansion, substitution, operator or unterminated quote makes the word unknowable here. */
  known: boolean;
  /** Variables the word expands (`$NAME`, `${NAME…}`, names inside substitutions), in order. */
  vars: string[];
}

/** The blanks the eval splits words at ($IFS: space, tab, newline). */
const IFS = new Set([' ', '\t', '\n']);
/** Characters that are operators to the eval: a word holding one does not reach ifconfig as written. */
const OPERATORS = new Set([';', '&', '|', '<', '>', '(', ')']);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
/** Every `$NAME` / `${NAME` inside a piece of text: the names a substitution or nested expansion reads. */
const REFERENCED = /\$\{?#?([A-Za-z_][A-Za-z0-9_]*)/g;

/** The names a piece of text expands with `$NAME` or `${NAME…}`, wherever they sit in it. */
export function referencedNames(text: string): string[] {
  return [...text.matchAll(REFERENCED)].map((m) => m[1]);
}

/**
 * Splits an rc.conf value into the words the eval of network.subr makes of
 * it. network.subr first splits the value at blanks and joins the pieces
 * with one space (`ifconfig_getargs`, `ifalias_af_common`), blind to quotes,
 * so every run of blanks, even inside quotes, reaches the eval as one space
 * and a backslash before a line break escapes that space. Never throws,
 * never loops: each step moves forward. `offsets` maps each value character
 * to the document (an RcAssignment's valueOffsets) and `source` is the
 * document text, used only to extend a word over an escaped last character
 * (`\R` maps to its backslash but spans two characters).
 */
export function evalIfconfigWords(raw: string, offsets: readonly number[], source: string): EvalWord[] {
  const rawAt = (i: number): number => offsets[i] ?? (offsets[offsets.length - 1] ?? 0) + i;
  // The value as the eval gets it: each run of blanks is one space; pos[i] is where value[i] was in `raw`.
  let value = '';
  const pos: number[] = [];
  for (let r = 0; r < raw.length; r++) {
    const blank = IFS.has(raw[r]);
    if (blank && (pos.length === 0 || IFS.has(raw[pos[pos.length - 1]]))) continue;
    value += blank ? ' ' : raw[r];
    pos.push(r);
  }
  // Leading and trailing blanks separate nothing: they are gone, as in the split.
  if (pos.length > 0 && IFS.has(raw[pos[pos.length - 1]])) {
    value = value.slice(0, -1);
    pos.pop();
  }
  const n = value.length;
  const at = (i: number): number => rawAt(pos[i] ?? raw.length);
  const words: EvalWord[] = [];
  let first = -1;
  let last = -1;
  let text = '';
  let known = true;
  let vars: string[] = [];
  const finish = (): void => {
    if (first >= 0) {
      const o = at(last);
      const lastChar = raw[pos[last]];
      // An rc.conf escape (`\R`) maps to its backslash: the word then ends after the escaped character.
      const end = source[o] === '\\' && source[o + 1] === lastChar && lastChar !== '\\' ? o + 2 : o + 1;
      const written = raw.slice(pos[first], pos[last] + 1);
      words.push({ text: known ? text : written, written, known, vars: [...new Set(vars)], start: at(first), end });
    }
    first = -1;
    text = '';
    known = true;
    vars = [];
  };
  /** Reads an expansion or substitution at `i` (inside double quotes when `inDq`); returns the index after it. */
  const dollar = (i: number, inDq: boolean): number => {
    const next = value[i + 1] ?? '';
    let j: number;
    if (next === '{') j = closing(value, i + 2, '{', '}');
    else if (next === '(') j = closing(value, i + 2, '(', ')');
    else if (next === "'" && !inDq) j = quoteEnd(value, i + 2, "'", true);
    else if (NAME_START.test(next)) {
      j = i + 2;
      while (j < n && NAME_CHAR.test(value[j])) j++;
    } else if (next !== '' && '0123456789@*#?-$!'.includes(next)) j = i + 2;
    else {
      text += '$'; // a lone `$` is an ordinary character
      return i + 1;
    }
    for (const v of referencedNames(value.slice(i, j))) vars.push(v);
    known = false;
    return j;
  };
  let i = 0;
  while (i < n) {
    const c = value[i];
    if (c === ' ') {
      finish();
      i++;
      continue;
    }
    if (first < 0) first = i;
    if (c === "'") {
      const j = value.indexOf("'", i + 1);
      if (j < 0) {
        known = false; // sh rejects the eval: nothing reaches ifconfig, but the rest is masked as this word
        i = n;
      } else {
        text += value.slice(i + 1, j);
        i = j + 1;
      }
      last = i - 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < n && value[j] !== '"') {
        const d = value[j];
        if (d === '\\' && j + 1 < n && '$`"\\'.includes(value[j + 1])) {
          text += value[j + 1];
          j += 2;
        } else if (d === '$') j = dollar(j, true);
        else if (d === '`') j = backquote(j);
        else {
          text += d;
          j++;
        }
      }
      if (j >= n) known = false;
      i = Math.min(j + 1, n);
      last = i - 1;
      continue;
    }
    if (c === '\\') {
      text += i + 1 < n ? value[i + 1] : '\\';
      i = Math.min(i + 2, n);
    } else if (c === '$') i = dollar(i, false);
    else if (c === '`') i = backquote(i);
    else {
      if (OPERATORS.has(c) || (c === '#' && first === i)) known = false;
      text += c;
      i++;
    }
    last = i - 1;
  }
  finish();
  return words;

  function backquote(i: number): number {
    const j = quoteEnd(value, i + 1, '`', true);
    for (const v of referencedNames(value.slice(i, j))) vars.push(v);
    known = false;
    return j;
  }
}

/** The index after the closing `quote` that ends a quoted part starting at `from` (or the end of the text). */
function quoteEnd(value: string, from: number, quote: string, escapes: boolean): number {
  let j = from;
  while (j < value.length && value[j] !== quote) j += escapes && value[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, value.length);
}

/** The index after the bracket that closes an `${` or `$(` opened before `from`, counting nesting (or the end of the text). */
function closing(value: string, from: number, open: string, close: string): number {
  let depth = 1;
  let j = from;
  while (j < value.length) {
    const c = value[j];
    if (c === '\\') j += 2;
    else if (c === "'" || c === '"') j = quoteEnd(value, j + 1, c, c === '"');
    else {
      if (c === open) depth++;
      else if (c === close && --depth === 0) return j + 1;
      j++;
    }
  }
  return value.length;
}
