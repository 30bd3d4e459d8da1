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

export function summary(items: readonly ReportItem[], files: number): string {
  const n = (sev: string): number => items.filter((i) => i.severity === sev).length;
  return `${files} file${files === 1 ? '' : 's'} checked: ${n('error')} errors, ${n('warning')} warnings, ${n('information')} information, ${n('hint')} hints`;
}
