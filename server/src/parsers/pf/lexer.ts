import {
  CHAR_CLASS, C_DIGIT, C_MACRO_NAME, C_NUM_END, C_SPACE, C_WORD, C_WORD_START, MAX_TOKEN_LENGTH, NO_TOKEN, punctId, PUNCT_ID_BY_CHAR, Tok,
} from './tokens';
import { keywordIdAt, KW_AT_NODE, KW_ROOT, KW_TRIE, WORD_SYMBOL } from './keyword-trie';
import { isBreak, LexerCore, type LexEnv, type LexMacro } from './lexer-core';

export type { LexEnv, LexMacro } from './lexer-core';

/**
 * pfctl's lexer (parse.y `lex()`/`lgetc()`) over one document: newlines are
 * tokens, `\`+newline joins lines (even in comments), `\x` outside quotes is
 * `x`, `$name` is replaced by the macro's text and re-lexed (without further
 * expansion), and a number is a NUMBER only if the character after it allows.
 * Tokens from an expansion carry the `$name` range and a `MacroOrigin`.
 * Single pass, no regular expressions, no backtracking beyond one token.
 */
export class PfLexer extends LexerCore {
  private stash = NO_TOKEN;
  /**
   * Per macro, the words already cut out of its value, by offset: every use
   * of `$ext_if` then shares one "em0" instead of keeping a copy per use.
   */
  private readonly expWords = new Map<LexMacro, ExpansionCache>();
  private expCache: number[] = [];
  private expEnds: number[] = [];
  private cursorDone: boolean;
  /** Tokens already in the store that `next` hands out before reading on (a whole expansion, see `expand`). */
  private batchNext = 0;
  private batchEnd = 0;
  /** The cache entry whose `tokens` the expansion being read is recorded for. */
  private recordingFor: ExpansionCache | undefined;

  constructor(text: string, env: LexEnv, capacity?: number) {
    super(text, env, capacity);
    this.cursorDone = env.cursor === undefined;
  }

  override restart(pos: number): void {
    super.restart(pos);
    this.stash = NO_TOKEN;
    this.batchNext = this.batchEnd = 0;
    this.recording = this.recordingFor = undefined;
  }

  /** The number of the next token (in `tokens`). After Eof, keeps returning a new Eof. */
  next(): number {
    if (this.batchNext !== this.batchEnd) return this.batchNext++;
    if (this.stash === NO_TOKEN && this.exp === undefined && this.cursorDone) {
      const t = this.quick();
      if (t !== NO_TOKEN) return t;
    }
    if (this.stash !== NO_TOKEN) {
      const t = this.stash;
      this.stash = NO_TOKEN;
      return t;
    }
    const t = this.scan();
    if (!this.cursorDone && this.env.cursor !== undefined) return this.cursorAt(t, this.env.cursor);
    return t;
  }

  /**
   * The tokens of a document line, read in one function: blanks, plain
   * words and keywords, numbers, simple operators, line feeds; comments,
   * quotes, `$macros` and operators that may have two characters are handed
   * on from here. Returns NO_TOKEN (having skipped only blanks) for anything
   * else, which `scanDocument` reads: CR line ends, backslashes, other
   * blanks, the end of the text (or after a `$name`: its expansion).
   */
  private quick(): number {
    // Every read below stays within the text (0 stands for "past the end",
    // which no branch takes for a token character): V8 compiles charCodeAt
    // inline only at call sites that have never read past the end; one
    // out-of-range read at the end of the file made every read a call.
    const s = this.text;
    const len = s.length;
    let start = this.pos;
    let c = start < len ? s.charCodeAt(start) : 0;
    while (c === 32 || c === 9) c = ++start < len ? s.charCodeAt(start) : 0;
    this.pos = start;
    if (c < 128 && (CHAR_CLASS[c] & (C_WORD_START | C_DIGIT)) === C_WORD_START) {
      // The most common token, a plain word, read here in one loop (the general
      // path below goes through common() and word(), which also serve expansions).
      // The keyword trie is walked along (see keyword-trie.ts): no second pass to tell a keyword.
      let node = KW_TRIE[KW_ROOT | WORD_SYMBOL[c]];
      let i = start + 1;
      let d = i < len ? s.charCodeAt(i) : 0;
      let symbol = WORD_SYMBOL[d];
      while (symbol !== 0) {
        node = KW_TRIE[(node << 5) | symbol];
        d = ++i < len ? s.charCodeAt(i) : 0;
        symbol = WORD_SYMBOL[d];
      }
      if (d !== 92 && i - start <= MAX_TOKEN_LENGTH) {
        this.pos = i;
        const kw = KW_AT_NODE[node];
        this.lineHasToken = true;
        return this.tokens.push(kw === 0 ? Tok.Word : Tok.Keyword, kw, start, i, 0);
      }
    }
    if (c >= 48 && c <= 57) {
      // Digits: a NUMBER when the next character may end one, else a word (an
      // address, `1024:2048`); read once here instead of twice via common().
      let i = start + 1;
      let d = i < len ? s.charCodeAt(i) : 0;
      while (d >= 48 && d <= 57) d = ++i < len ? s.charCodeAt(i) : 0;
      if (d !== 92) {
        if (i >= len || (d < 128 && CHAR_CLASS[d] & C_NUM_END)) {
          this.pos = i;
          this.lineHasToken = true;
          return this.tokens.push(Tok.Number, 0, start, i, 0);
        }
        while (WORD_SYMBOL[d] !== 0) d = ++i < len ? s.charCodeAt(i) : 0;
        if (d !== 92 && i - start <= MAX_TOKEN_LENGTH) {
          // No keyword starts with a digit.
          this.pos = i;
          this.lineHasToken = true;
          return this.tokens.push(Tok.Word, 0, start, i, 0);
        }
      }
    }
    if (c < 128 && SIMPLE_PUNCT[c] !== 0) {
      this.pos = start + 1;
      this.lineHasToken = true;
      return this.tokens.push(Tok.Punct, SIMPLE_PUNCT[c], start, start + 1, 0);
    }
    if (c === 10) {
      this.pos = start + 1;
      this.lineHasToken = false;
      return this.tokens.push(Tok.Newline, NEWLINE_ID, start, start + 1, 0);
    }
    // The rest of what a line holds, handed straight to what `scanDocument`
    // would call for it (it would skip the same blanks first).
    if (c === 35) {
      this.comment(start);
      return this.quick(); // the line's end, usually
    }
    if (c === 34 || c === 39) return this.quoted(start, c);
    if (c === 36) {
      this.expand(start);
      return NO_TOKEN; // `next` goes on with the expansion
    }
    if (c === 60 || c === 62 || c === 33 || c === 45) return this.common(s, start, c, false);
    return NO_TOKEN;
  }

  /** Emits the Cursor token in place of (or before) the token at the cursor. */
  private cursorAt(t: number, cursor: number): number {
    const tk = this.tokens;
    const kind = tk.kindAt(t);
    const start = tk.startAt(t);
    const isWord = kind === Tok.Word || kind === Tok.Keyword || kind === Tok.Number;
    if (tk.orgAt(t) === 0 && isWord && start < cursor && cursor <= tk.endAt(t)) {
      this.cursorDone = true;
      return tk.push(Tok.Cursor, tk.refFor(Tok.Cursor, this.text.slice(start, cursor)), start, cursor, 0);
    }
    if (start >= cursor || kind === Tok.Eof || (kind === Tok.Newline && tk.endAt(t) > cursor)) {
      this.cursorDone = true;
      this.stash = t;
      return tk.push(Tok.Cursor, tk.refFor(Tok.Cursor, ''), cursor, cursor, 0);
    }
    return t;
  }

  private scan(): number {
    for (;;) {
      if (this.batchNext !== this.batchEnd) return this.batchNext++;
      if (this.exp !== undefined) {
        const t = this.scanExpansion();
        if (t !== NO_TOKEN) return t;
        continue;
      }
      const t = this.scanDocument();
      if (t !== NO_TOKEN) return t;
    }
  }

  /** Skips blanks and continuations; returns the offset of the next significant character. */
  private skipBlank(): number {
    const s = this.text;
    let i = this.pos;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c < 128 && CHAR_CLASS[c] & C_SPACE) {
        i++;
      } else if (c === 92 && isBreak(s.charCodeAt(i + 1))) {
        i += s.charCodeAt(i + 1) === 13 && s.charCodeAt(i + 2) === 10 ? 3 : 2;
      } else if (c === 92 && s.charCodeAt(i + 1) < 128 && CHAR_CLASS[s.charCodeAt(i + 1)] & C_SPACE) {
        i += 2; // "\ " outside quotes is a plain blank
      } else {
        this.pos = i;
        return i;
      }
    }
  }

  private scanDocument(): number {
    const s = this.text;
    const start = this.skipBlank();
    if (start >= s.length) {
      this.pos = s.length;
      // pfctl returns one fake newline at EOF so the last statement ends.
      if (this.lineHasToken) return this.tok(Tok.Newline, '', s.length, s.length);
      return this.tok(Tok.Eof, '', s.length, s.length);
    }
    const c = s.charCodeAt(start);
    if (c === 10 || c === 13) {
      const end = c === 13 && s.charCodeAt(start + 1) === 10 ? start + 2 : start + 1;
      this.pos = end;
      return this.tokRef(Tok.Newline, NEWLINE_ID, start, end);
    }
    if (c === 35 /* # */) {
      this.comment(start);
      return NO_TOKEN;
    }
    if (c === 36 /* $ */) {
      this.expand(start);
      return NO_TOKEN;
    }
    if (c === 34 || c === 39) return this.quoted(start, c);
    if (c === 92) return this.slowToken(start);
    return this.common(s, start, c, false);
  }

  /** Tokens shared by the document and expansion paths: operators, numbers, words, stray characters. */
  private common(s: string, start: number, c: number, inExp: boolean): number {
    const c2 = s.charCodeAt(start + 1);
    let op = 0;
    if (c === 33 && c2 === 61) op = OP_NE;
    else if (c === 60 && (c2 === 62 || c2 === 61)) op = c2 === 62 ? OP_LTGT : OP_LE;
    else if (c === 62 && (c2 === 60 || c2 === 61)) op = c2 === 60 ? OP_GTLT : OP_GE;
    else if (c === 45 && c2 === 62) op = OP_ARROW;
    if (op !== 0) return this.advance(Tok.Punct, op, start, start + 2, inExp);
    if (c < 128 && (CHAR_CLASS[c] & C_DIGIT || (c === 45 && s.charCodeAt(start + 1) < 128 && CHAR_CLASS[s.charCodeAt(start + 1)] & C_DIGIT))) {
      let i = start + 1;
      while (s.charCodeAt(i) < 128 && CHAR_CLASS[s.charCodeAt(i)] & C_DIGIT) i++;
      const after = s.charCodeAt(i);
      const ends = i >= s.length ? !inExp || this.expEndsNumber() : after < 128 && (CHAR_CLASS[after] & C_NUM_END) !== 0;
      if (!inExp && after === 92) return this.slowToken(start);
      if (ends) return this.advance(Tok.Number, inExp ? this.expRef(Tok.Number, s, start, i) : 0, start, i, inExp);
      if (c === 45) return this.advance(Tok.Punct, OP_MINUS, start, start + 1, inExp);
    }
    if (c < 128 && CHAR_CLASS[c] & C_WORD_START) return this.word(s, start, inExp);
    const id = c < 128 ? PUNCT_ID_BY_CHAR[c] : 0;
    return this.advance(Tok.Punct, id !== 0 ? id : this.tokens.refFor(Tok.Punct, String.fromCharCode(c)), start, start + 1, inExp);
  }

  /** Whether the document character at `pos` ends a token there: after an expansion (a number's kind, a word going on) and after a `$name` (see `expand`). */
  private expEndsNumber(): boolean {
    return endsTokens(this.text.charCodeAt(this.pos));
  }

  private advance(kind: Tok, ref: number, start: number, end: number, inExp: boolean): number {
    if (inExp) {
      this.expPos = end;
      return this.tokRef(kind, ref, this.useStart, this.useEnd);
    }
    this.pos = end;
    return this.tokRef(kind, ref, start, end);
  }

  /**
   * The store ref of the word or number at [start, end) of the macro value `s`,
   * made once per macro and offset: every use of `$ext_if` shares one entry.
   */
  private expRef(kind: Tok, s: string, start: number, end: number): number {
    const cache = this.expCache;
    if (cache !== NO_CACHE) {
      const cached = cache[start];
      if (cached !== undefined && this.expEnds[start] === end) return cached;
    }
    const ref = kind === Tok.Number ? this.tokens.refFor(kind, s.slice(start, end)) : keywordIdAt(s, start, end) || this.tokens.refFor(Tok.Word, s.slice(start, end));
    if (cache !== NO_CACHE) {
      cache[start] = ref;
      this.expEnds[start] = end;
    }
    return ref;
  }

  private word(s: string, start: number, inExp: boolean): number {
    let i = start + 1;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c < 128 && CHAR_CLASS[c] & C_WORD && c !== 92) i++;
      else break;
    }
    if (!inExp && s.charCodeAt(i) === 92) return this.slowToken(start);
    if (!inExp && i - start <= MAX_TOKEN_LENGTH) {
      // The common case, a word written in the document: no substring for a keyword.
      this.pos = i;
      const kw = keywordIdAt(s, start, i);
      return kw === 0 ? this.tokRef(Tok.Word, 0, start, i) : this.tokRef(Tok.Keyword, kw, start, i);
    }
    let text = s.slice(start, i);
    if (inExp && i >= s.length) {
      // The expansion ends inside the word: pfctl keeps reading it from the file.
      this.exp = undefined;
      let j = this.pos;
      while (this.text.charCodeAt(j) < 128 && CHAR_CLASS[this.text.charCodeAt(j)] & C_WORD && this.text.charCodeAt(j) !== 92) j++;
      text += this.text.slice(this.pos, j);
      this.pos = j;
      return this.finishWord(text, this.useStart, j);
    }
    if (i - start > MAX_TOKEN_LENGTH) return this.tooLong(start, i, inExp);
    if (inExp) {
      this.expPos = i;
      const ref = this.expRef(Tok.Word, s, start, i);
      return this.tokRef(ref > 0 ? Tok.Keyword : Tok.Word, ref, this.useStart, this.useEnd);
    }
    this.pos = i;
    return this.finishWord(text, start, i);
  }

  /** `$name`: look the macro up and start re-reading its value. */
  protected expand(start: number): void {
    // A recording cut short (an error ended the expansion) is dropped.
    this.recording = this.recordingFor = undefined;
    const s = this.text;
    const len = s.length;
    let i = start + 1;
    let hash = 0;
    for (; i < len; i++) {
      const c = s.charCodeAt(i);
      if (MACRO_NAME_CHAR[c] === 0) break;
      hash = (hash * 31 + c) | 0;
    }
    this.pos = i;
    const known = this.recentName(hash, start + 1, i);
    const name = known.name;
    const m = known.macro;
    const use = this.tokens.addUse(name, start, i, m);
    if (!m) {
      this.error(`macro '${name}' not defined`, start, i, 'undefined-macro');
      this.findEol();
      return;
    }
    const budget = this.env.budget;
    budget.chars -= m.value.length;
    if (budget.chars < 0) {
      this.error(`macro expansion limit reached: '$${name}' was not expanded (the file re-reads more macro text than the analyser allows)`, start, i, 'limit');
      this.findEol();
      return;
    }
    this.useStart = start;
    this.useEnd = i;
    this.org = use;
    this.exp = m.value;
    this.expPos = 0;
    // Short values (an interface, a port list) are re-read on many lines: their
    // words' refs are kept by offset. Long ones are re-read rarely and would
    // only fill the cache.
    if (m.value.length > EXP_CACHE_MAX_VALUE) {
      this.expCache = NO_CACHE;
      return;
    }
    let cache = known.cache;
    if (cache === undefined) {
      cache = this.expWords.get(m);
      if (cache === undefined) this.expWords.set(m, (cache = { refs: [], ends: [], tokens: undefined, selfContained: selfContained(m.value) }));
      known.cache = cache;
    }
    this.expCache = cache.refs;
    this.expEnds = cache.ends;
    // A value whose tokens do not depend on what follows it in the file is
    // lexed once, recorded, and its tokens are copied in at later uses.
    if (!cache.selfContained || !this.cursorDone || this.env.recordExpansions === false || !this.expEndsNumber()) return;
    if (cache.tokens === undefined) {
      this.recording = [];
      this.recordingFor = cache;
      this.recordingErrors = this.errorCount;
      return;
    }
    const seq = cache.tokens;
    if (seq.length === 0) return;
    const tokens = this.tokens;
    this.batchNext = tokens.count;
    for (let k = 0; k < seq.length; k += 2) tokens.push(seq[k] as Tok, seq[k + 1], start, i, use);
    this.batchEnd = tokens.count;
    this.lineHasToken = true;
    this.exp = undefined;
    this.org = 0;
  }

  private recordingErrors = 0;

  /** Recent `$name` lookups, by a hash of the name (see `recentName`). */
  private readonly names: (RecentName | undefined)[] = new Array<RecentName | undefined>(64).fill(undefined);

  /**
   * The name at [from, to) of the text (`hash`: of its characters) and the
   * macro it names now: from the recent lookups when the macro table has not
   * changed since, which spares cutting the name out, hashing it and looking
   * it up at every use of `$ext_if`.
   */
  private recentName(hash: number, from: number, to: number): RecentName {
    const version = this.env.version?.() ?? -1;
    const slot = hash & 63;
    const recent = this.names[slot];
    if (recent !== undefined && recent.version === version && version >= 0 && recent.codes.length === to - from) {
      const s = this.text;
      const codes = recent.codes;
      let k = 0;
      while (k < codes.length && codes[k] === s.charCodeAt(from + k)) k++;
      if (k === codes.length) return recent;
    }
    let name = this.text.slice(from, to);
    const macro = this.env.lookup(name);
    // The definition's own name string, so uses keep no copy of it.
    if (macro !== undefined && macro.name === name) name = macro.name;
    const codes = new Uint16Array(to - from);
    for (let k = 0; k < codes.length; k++) codes[k] = name.charCodeAt(k);
    const entry: RecentName = { name, codes, macro, version, cache: undefined };
    this.names[slot] = entry;
    return entry;
  }

  /** The expansion being read ended: keep what was recorded, unless it went wrong. */
  private expansionEnded(): void {
    if (this.recordingFor !== undefined && this.errorCount === this.recordingErrors) this.recordingFor.tokens = this.recording;
    this.recording = this.recordingFor = undefined;
  }

  private scanExpansion(): number {
    const s = this.exp!;
    let i = this.expPos;
    while (i < s.length && s.charCodeAt(i) < 128 && CHAR_CLASS[s.charCodeAt(i)] & C_SPACE) i++;
    if (i >= s.length) {
      this.exp = undefined;
      this.org = 0;
      this.expansionEnded();
      return NO_TOKEN;
    }
    const c = s.charCodeAt(i);
    if (c === 35) {
      // A '#' in the value comments out the rest of the value and of the line.
      this.exp = undefined;
      this.org = 0;
      while (this.pos < this.text.length && !isBreak(this.text.charCodeAt(this.pos))) this.pos++;
      return NO_TOKEN;
    }
    if (c === 34 || c === 39) {
      let j = i + 1;
      while (j < s.length && s.charCodeAt(j) !== c) j++;
      this.expPos = j + 1;
      return this.tok(Tok.Quoted, s.slice(i + 1, j), this.useStart, this.useEnd);
    }
    const t = this.common(s, i, c, true);
    if (this.exp === undefined || this.expPos >= s.length) {
      this.exp = undefined;
      this.org = 0;
      this.expansionEnded();
    }
    return t;
  }

}

const NEWLINE_ID = punctId('\n');
const OP_NE = punctId('!=');
const OP_LE = punctId('<=');
const OP_GE = punctId('>=');
const OP_LTGT = punctId('<>');
const OP_GTLT = punctId('><');
const OP_ARROW = punctId('->');
const OP_MINUS = punctId('-');
/** Ids of the operators that never start a two-character one (`{ } ( ) , / =`), by character code; 0 for others. */
const SIMPLE_PUNCT: Uint16Array = (() => {
  const t = new Uint16Array(128);
  for (const p of '{}(),/=') t[p.charCodeAt(0)] = PUNCT_ID_BY_CHAR[p.charCodeAt(0)];
  return t;
})();
/** A `$name` looked up (see `PfLexer.recentName`): the macro table's version then, and the value's cache. */
interface RecentName {
  name: string;
  /**
   * The name's characters, compared with the text at each use (a typed
   * array, as the keyword tables: comparing with `name` itself, a slice of
   * some document, measured about 2% slower on the 1 MB ruleset).
   */
  codes: Uint16Array;
  macro: LexMacro | undefined;
  version: number;
  cache: ExpansionCache | undefined;
}

/** What a lexer keeps per macro value it has expanded. */
interface ExpansionCache {
  /** Store refs of the value's words and numbers by offset, and where each ends. */
  refs: number[];
  ends: number[];
  /** The value's tokens as kind and ref pairs, once recorded (see `expand`). */
  tokens: number[] | undefined;
  /** Whether the value's tokens can be recorded: see `selfContained`. */
  selfContained: boolean;
}

/**
 * Whether the tokens of macro value `v` are always the same: no comment
 * sign, quote, backslash or `$` in it, whose reading differs in an
 * expansion. (What follows the use in the file matters too: `endsTokens`.)
 */
function selfContained(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 35 || c === 34 || c === 39 || c === 92 || c === 36) return false;
  }
  return true;
}

/**
 * Whether character `c` after a `$name` use ends the value's last token
 * where the value ends: a blank, a line end, `) , / } =` or the end of the
 * file (a word would otherwise go on in the file, and a number's kind
 * depends on the character after it).
 */
function endsTokens(c: number): boolean {
  return Number.isNaN(c) || (c < 128 && (CHAR_CLASS[c] & C_NUM_END) !== 0);
}

/** 1 for the characters of a `$name`, by character code over the 16-bit range (no range check in `expand`'s loop). */
const MACRO_NAME_CHAR: Uint8Array = (() => {
  const t = new Uint8Array(65536);
  for (let c = 0; c < 128; c++) if (CHAR_CLASS[c] & C_MACRO_NAME) t[c] = 1;
  return t;
})();

/** Longest macro value whose words' refs are cached by offset. */
const EXP_CACHE_MAX_VALUE = 4096;
/** Marks "no cache" for the expansion being read (a value longer than EXP_CACHE_MAX_VALUE). */
const NO_CACHE: number[] = [];
