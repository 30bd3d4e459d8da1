import type { Comment, ParseError, Setting } from './syntax';
import { CharFinder, forEachLine, offsetRange } from './line-scan';
import { quoteSource } from './quote';

/** A parsed sysctl.conf: applied settings, comments (for suppressions) and malformed lines. */
export interface SysctlFile {
  settings: Setting[];
  comments: Comment[];
  errors: ParseError[];
}

// Characters that never occur in an OID name. Real names use letters, digits,
// '_', '-', '%' (dev.em.0.%desc) and whatever a device or pool name brings in,
// so only characters that are surely wrong are listed.
const BAD_OID_CHAR = /[\s"'$\\;`(){}[\]<>|&*?!,=#]/;
/** ASCII characters that BAD_OID_CHAR or \s match: a name without them (and without non-ASCII) needs no regex. */
const SUSPECT = new Uint8Array(128);
for (let c = 0; c < 128; c++) SUSPECT[c] = BAD_OID_CHAR.test(String.fromCharCode(c)) ? 1 : 0;

function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (i === 0 && c === 0xfeff);
}

/**
 * Parses sysctl.conf the way `sysctl -f` (sbin/sysctl/sysctl.c parsefile and
 * parse) reads it: the first unescaped `#` outside quotes starts a comment,
 * blanks are trimmed, the name and value are split at the first `=` or `:`
 * with spaces around it trimmed, and one pair of matching quotes around the
 * value is removed. Never throws.
 */
export function parseSysctlConf(text: string): SysctlFile {
  const parser = new SysctlParser(text);
  forEachLine(text, (start, end) => parser.parseLine(start, end));
  return parser.result;
}

/**
 * Line parser over offsets into the whole text: no line is sliced and the
 * characters that matter (`#` and quotes) are found with indexOf, because
 * sysctl.conf is re-parsed on every keystroke.
 */
class SysctlParser {
  readonly result: SysctlFile = { settings: [], comments: [], errors: [] };
  private readonly hash: CharFinder;
  private readonly squote: CharFinder;
  private readonly dquote: CharFinder;
  /** Set by commentCut: where the line's content ends and where its comment starts (-1: none). */
  private cut = 0;
  private comment = -1;

  constructor(readonly text: string) {
    this.hash = new CharFinder(text, '#');
    this.squote = new CharFinder(text, "'");
    this.dquote = new CharFinder(text, '"');
  }

  /** Where parsefile cuts the line: its comment logic, including its quirks with quotes. */
  private commentCut(start: number, end: number): void {
    const pq = this.squote.within(start, end);
    const pdq = this.dquote.within(start, end);
    let p = start;
    for (;;) {
      p = this.hash.within(p, end);
      if (p < 0) return this.setCut(end, -1);
      if (pq >= 0 && p > pq) return this.afterQuote(pq, this.squote, end);
      if (pdq >= 0 && p > pdq) return this.afterQuote(pdq, this.dquote, end);
      if (p === start || this.text.charCodeAt(p - 1) !== 92 /* \ */) return this.setCut(p, p);
      p++;
    }
  }

  /** A `#` after an opening quote: the line ends right after the closing quote, or nothing is cut. */
  private afterQuote(open: number, quote: CharFinder, end: number): void {
    const close = quote.within(open + 1, end);
    if (close < 0) return this.setCut(end, -1);
    this.setCut(close + 1, this.hash.within(close + 1, end));
  }

  private setCut(cut: number, comment: number): void {
    this.cut = cut;
    this.comment = comment;
  }

  parseLine(start: number, end: number): void {
    const { text, result: out } = this;
    this.commentCut(start, end);
    const comment = this.comment;
    if (comment >= 0) {
      let first = start;
      while (first < comment && isSpace(text, first)) first++;
      out.comments.push({ start: comment, end, text: text.slice(comment + 1, end), ownLine: first === comment });
    }
    let s = start;
    let e = this.cut;
    while (s < e && isSpace(text, s)) s++;
    while (e > s && isSpace(text, e - 1)) e--;
    if (s >= e) return;

    let delim = s;
    for (; delim < e; delim++) {
      const c = text.charCodeAt(delim);
      if (c === 61 /* = */ || c === 58 /* : */) break;
    }
    if (delim >= e) {
      out.errors.push({
        start: s,
        end: e,
        message: `Malformed line: no '=' between the OID and its value, so sysctl only prints ${quoteSource(text.slice(s, e))} at boot and sets nothing.`,
      });
      return;
    }
    let nameEnd = delim;
    while (nameEnd > s && isSpace(text, nameEnd - 1)) nameEnd--;
    const name = text.slice(s, nameEnd);
    const nameError = checkOid(text, s, nameEnd, name);
    if (nameError) {
      out.errors.push({ start: name ? s : delim, end: name ? nameEnd : delim + 1, message: `Malformed line: ${nameError} sysctl reports "unknown oid" and sets nothing.` });
      return;
    }

    let v = delim + 1;
    while (v < e && isSpace(text, v)) v++;
    let innerStart = v;
    let innerEnd = e;
    const q = text.charCodeAt(v);
    if (q === 34 /* " */ || q === 39 /* ' */) {
      if (e - v < 2 || text.charCodeAt(e - 1) !== q) {
        out.errors.push({
          start: v,
          end: e,
          message: `Malformed line: the ${q === 34 ? 'double' : 'single'} quote is not closed, so sysctl keeps everything after it, comments included, in the value.`,
        });
        return;
      }
      innerStart = v + 1;
      innerEnd = e - 1;
    }
    out.settings.push({
      name,
      nameStart: s,
      nameEnd,
      value: text.slice(innerStart, innerEnd),
      valueStart: v,
      valueEnd: e,
      valueOffsets: offsetRange(innerStart, innerEnd),
      start: s,
      end: e,
    });
  }
}

/** Why a name (text[start, end)) can never be an OID, or undefined when it might be one. */
function checkOid(text: string, start: number, end: number, name: string): string | undefined {
  if (name.length === 0) return 'the OID before the delimiter is missing;';
  let suspect = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || SUSPECT[c]) {
      suspect = true;
      break;
    }
  }
  if (suspect) {
    if (/\s/.test(name)) return `the OID '${name}' contains a space;`;
    const bad = BAD_OID_CHAR.exec(name);
    if (bad) return `the OID '${name}' contains '${bad[0]}', which no sysctl name has;`;
  }
  // A trailing dot is left alone: whether name2oid tolerates it is not certain.
  if (name.startsWith('.') || name.includes('..')) return `the OID '${name}' has an empty component;`;
  return undefined;
}
