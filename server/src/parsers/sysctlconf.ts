import type { Comment, ParseError, Setting } from './syntax';
import { LineIndex } from './text';

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
  const result: SysctlFile = { settings: [], comments: [], errors: [] };
  const lines = new LineIndex(text);
  for (let line = 0; line < lines.lineCount; line++) {
    parseLine(text, lines.lineStarts[line], lines.lineEnd(line), result);
  }
  return result;
}

/** Where parsefile cuts the line: its comment logic, including its quirks with quotes. */
function commentCut(text: string, start: number, end: number): { cut: number; comment: number } {
  const line = text.slice(start, end);
  const pq = line.indexOf("'");
  const pdq = line.indexOf('"');
  let p = 0;
  for (;;) {
    p = line.indexOf('#', p);
    if (p < 0) return { cut: end, comment: -1 };
    if (pq >= 0 && p > pq) return afterQuote(line, pq, "'", start, end);
    if (pdq >= 0 && p > pdq) return afterQuote(line, pdq, '"', start, end);
    if (p === 0 || line[p - 1] !== '\\') return { cut: start + p, comment: start + p };
    p++;
  }
}

/** A `#` after an opening quote: the line ends right after the closing quote, or nothing is cut. */
function afterQuote(line: string, open: number, quote: string, start: number, end: number): { cut: number; comment: number } {
  const close = line.indexOf(quote, open + 1);
  if (close < 0) return { cut: end, comment: -1 };
  const hash = line.indexOf('#', close + 1);
  return { cut: start + close + 1, comment: hash < 0 ? -1 : start + hash };
}

function parseLine(text: string, start: number, end: number, out: SysctlFile): void {
  const { cut, comment } = commentCut(text, start, end);
  if (comment >= 0) {
    let first = start;
    while (first < comment && isSpace(text, first)) first++;
    out.comments.push({ start: comment, end, text: text.slice(comment + 1, end), ownLine: first === comment });
  }
  let s = start;
  let e = cut;
  while (s < e && isSpace(text, s)) s++;
  while (e > s && isSpace(text, e - 1)) e--;
  if (s >= e) return;

  let delim = s;
  while (delim < e && text[delim] !== '=' && text[delim] !== ':') delim++;
  if (delim >= e) {
    out.errors.push({
      start: s,
      end: e,
      message: `Malformed line: no '=' between the OID and its value, so sysctl only prints '${text.slice(s, e)}' at boot and sets nothing.`,
    });
    return;
  }
  let nameEnd = delim;
  while (nameEnd > s && isSpace(text, nameEnd - 1)) nameEnd--;
  const name = text.slice(s, nameEnd);
  const nameError = checkOid(name);
  if (nameError) {
    out.errors.push({ start: name ? s : delim, end: name ? nameEnd : delim + 1, message: `Malformed line: ${nameError} sysctl reports "unknown oid" and sets nothing.` });
    return;
  }

  let v = delim + 1;
  while (v < e && isSpace(text, v)) v++;
  let inner = { start: v, end: e };
  const q = text[v];
  if (q === '"' || q === "'") {
    if (e - v < 2 || text[e - 1] !== q) {
      out.errors.push({
        start: v,
        end: e,
        message: `Malformed line: the ${q === '"' ? 'double' : 'single'} quote is not closed, so sysctl keeps everything after it, comments included, in the value.`,
      });
      return;
    }
    inner = { start: v + 1, end: e - 1 };
  }
  const valueOffsets: number[] = [];
  for (let i = inner.start; i <= inner.end; i++) valueOffsets.push(i);
  out.settings.push({
    name,
    nameStart: s,
    nameEnd,
    value: text.slice(inner.start, inner.end),
    valueStart: v,
    valueEnd: e,
    valueOffsets,
    start: s,
    end: e,
  });
}

/** Why a name can never be an OID, or undefined when it might be one. */
function checkOid(name: string): string | undefined {
  if (name.length === 0) return 'the OID before the delimiter is missing;';
  if (/\s/.test(name)) return `the OID '${name}' contains a space;`;
  const bad = BAD_OID_CHAR.exec(name);
  if (bad) return `the OID '${name}' contains '${bad[0]}', which no sysctl name has;`;
  // A trailing dot is left alone: whether name2oid tolerates it is not certain.
  if (name.startsWith('.') || name.includes('..')) return `the OID '${name}' has an empty component;`;
  return undefined;
}
