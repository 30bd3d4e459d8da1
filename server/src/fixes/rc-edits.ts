import type { TextEdit } from 'vscode-languageserver-types';
import type { RcDocument } from '../model/document';
import type { RcAssignment } from '../parsers/rcconf';

const BLANK = /[ \t\uFEFF]/;

/**
 * Edit that deletes one statement. When nothing else but blanks, `;`, an
 * `export`/`readonly` keyword or a comment shares its lines, the whole lines
 * go, line break included; otherwise only the statement and the separator
 * next to it, so `a=1 b=2` keeps `b=2`. Multi-line values are covered.
 */
export function removeStatementEdit(doc: RcDocument, start: number, end: number): TextEdit {
  const { lines, text } = doc;
  const first = lines.positionAt(start).line;
  const last = lines.positionAt(end).line;
  // A byte-order mark stays: it belongs to the file, not to the first line.
  const lineStart = first === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lines.lineStarts[first];
  const lineEnd = lines.lineEnd(last);
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  if (/^\s*((export|readonly)\s+)?$/.test(before) && /^[\s;]*(#.*)?$/.test(after)) {
    const next = last + 1 < lines.lineCount ? lines.lineStarts[last + 1] : text.length;
    return { range: lines.range(lineStart, next), newText: '' };
  }
  let s = start;
  let e = end;
  if (/^[\s;]*(#.*)?$/.test(after)) {
    // Last statement on its line: take the separator before it, keep a trailing comment.
    while (s > lineStart && (BLANK.test(text[s - 1]) || text[s - 1] === ';')) s--;
  } else {
    while (e < lineEnd && BLANK.test(text[e])) e++;
    if (text[e] === ';') e++;
    while (e < lineEnd && BLANK.test(text[e])) e++;
  }
  return { range: lines.range(s, e), newText: '' };
}

/**
 * Edit that makes an assignment's value `target`. A value written as one
 * quoted string (or one plain word) has just its text replaced, keeping the
 * quotes; a value pieced together from several quoted parts is rewritten as
 * one double-quoted string.
 */
export function replaceValueEdit(doc: RcDocument, a: RcAssignment, target: string): TextEdit {
  const raw = doc.text.slice(a.valueStart, a.valueEnd);
  const q = raw[0];
  const singleQuoted = (q === '"' || q === "'") && raw.length >= 2 && raw.endsWith(q) && a.value.length === raw.length - 2;
  if (singleQuoted) return { range: doc.lines.range(a.valueStart + 1, a.valueEnd - 1), newText: target };
  if (raw === a.value && !/[\s"'\\$`;&|<>()#]/.test(raw)) return { range: doc.lines.range(a.valueStart, a.valueEnd), newText: target };
  return { range: doc.lines.range(a.valueStart, a.valueEnd), newText: `"${target}"` };
}

/**
 * Edit inserting `words` in front of the value character at `index`, or
 * undefined when that cannot be done safely: inside a quoted value it is a
 * plain insertion; an unquoted simple value is wrapped in double quotes,
 * since an unquoted blank would end the assignment.
 */
export function insertInValueEdit(doc: RcDocument, a: RcAssignment, index: number, words: string): TextEdit | undefined {
  const raw = doc.text.slice(a.valueStart, a.valueEnd);
  const q = raw[0];
  const at = a.valueOffsets[index];
  if ((q === '"' || q === "'") && at > a.valueStart && !doc.text.slice(a.valueStart + 1, at).includes(q)) {
    return { range: doc.lines.range(at, at), newText: words };
  }
  if (raw === a.value && !/[\s"'\\$`;&|<>()#]/.test(raw)) {
    return { range: doc.lines.range(a.valueStart, a.valueEnd), newText: `"${raw.slice(0, index)}${words}${raw.slice(index)}"` };
  }
  return undefined;
}
