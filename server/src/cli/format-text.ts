import type { ReportItem } from './report';

/** `file:line:col severity code message`, one per line, then a summary line (the summary goes to stderr). */
export function formatText(items: readonly ReportItem[]): string {
  return items
    .map((i) => {
      const related = i.related.map((r) => `\n    ${r.file}:${r.line}:${r.column} ${r.message}`).join('');
      return `${i.file}:${i.line}:${i.column} ${i.severity} ${i.code} ${i.message}${related}`;
    })
    .join('\n');
}

/** "1 error", "2 warnings"; "information" is a mass noun and stays as it is. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

export function summary(items: readonly ReportItem[], files: number): string {
  const n = (sev: string): number => items.filter((i) => i.severity === sev).length;
  return `${count(files, 'file')} checked: ${count(n('error'), 'error')}, ${count(n('warning'), 'warning')}, ${n('information')} information, ${count(n('hint'), 'hint')}`;
}
