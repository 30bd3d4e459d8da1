import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding, RelatedLocation } from '../checks/types';
import type { SeverityName } from '../checks/codes';
import { effectiveSeverity, type Settings } from '../settings';
import { shownMessage } from '../checks/finding';

/** One reported problem in the CLI's terms: paths relative to the cwd, 1-based lines and columns. */
export interface ReportItem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: SeverityName;
  code: string;
  message: string;
  /** Other places that explain this one, in the same shape (severity `information`, the same code, no further nesting). */
  related: ReportItem[];
}

export function displayPath(uri: string, cwd: string): string {
  const file = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  const rel = path.relative(cwd, file);
  return (rel === '' ? file : rel).split(path.sep).join('/');
}

function location(uri: string, range: Finding['range'], cwd: string) {
  return {
    file: displayPath(uri, cwd),
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/**
 * Applies severity settings (dropping codes set to off), per file when a
 * function gives them (a freebsd-conf.json sets its folder's), picks each message
 * with CARP passwords masked unless `showPasswords` is set, and sorts by file
 * and position. Quick-fixes are left out on purpose: their edits must hold
 * the real pass to work, and CI logs are no place for it.
 */
export function toReport(findings: readonly Finding[], settingsFor: Settings | ((uri: string) => Settings), cwd: string): ReportItem[] {
  const items: ReportItem[] = [];
  for (const f of findings) {
    // Per file: the freebsd-conf.json covering it may set severities.
    const settings = typeof settingsFor === 'function' ? settingsFor(f.uri) : settingsFor;
    const severity = effectiveSeverity(f.code, settings);
    if (!severity) continue;
    items.push({
      ...location(f.uri, f.range, cwd),
      severity,
      code: f.code,
      message: shownMessage(f, settings.showPasswords),
      related: (f.related ?? []).map((r: RelatedLocation) => ({ ...location(r.uri, r.range, cwd), severity: 'information' as const, code: f.code, message: r.message, related: [] })),
    });
  }
  return items.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}
