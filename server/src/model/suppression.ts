import type { Comment } from '../parsers/syntax';
import type { LineIndex } from '../parsers/text';

/** `*` stands for "every code" (a directive written without codes). */
export interface Suppressions {
  file: Set<string>;
  /** 0-based line → codes silenced on that line. */
  lines: Map<number, Set<string>>;
}

const DIRECTIVE = /^\s*freebsd-conf-(disable-next-line|disable)\b(.*)$/;

/**
 * Reads the inline suppression comments:
 * `# freebsd-conf-disable-next-line CODE[,CODE]` silences the next line that
 * holds something other than comments; `# freebsd-conf-disable CODE` the file.
 */
export function parseSuppressions(comments: readonly Comment[], lines: LineIndex): Suppressions {
  const result: Suppressions = { file: new Set(), lines: new Map() };
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    const codes = m[2].split(/[\s,]+/).filter((c) => c.length > 0);
    const set = codes.length > 0 ? codes : ['*'];
    if (m[1] === 'disable') {
      for (const c of set) result.file.add(c);
      continue;
    }
    const line = lines.positionAt(comment.start).line + 1;
    const existing = result.lines.get(line) ?? new Set<string>();
    for (const c of set) existing.add(c);
    result.lines.set(line, existing);
  }
  return result;
}

export function isSuppressed(s: Suppressions, code: string, line: number): boolean {
  if (s.file.has('*') || s.file.has(code)) return true;
  const onLine = s.lines.get(line);
  return onLine !== undefined && (onLine.has('*') || onLine.has(code));
}
