import { CODES, codeAnchor, type Code } from '../checks/codes';
import type { ReportItem } from './report';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

function region(i: Pick<ReportItem, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'>) {
  return {
    artifactLocation: { uri: i.file, uriBaseId: '%SRCROOT%' },
    region: { startLine: i.line, startColumn: i.column, endLine: i.endLine, endColumn: i.endColumn },
  };
}

/** SARIF 2.1.0, as GitHub code scanning and other CI tools read it. */
export function formatSarif(items: readonly ReportItem[], version: string, docsUrl: string): string {
  const codes = Object.keys(CODES) as Code[];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'freebsd-conf',
            version,
            informationUri: docsUrl,
            rules: codes.map((code) => ({
              id: code,
              shortDescription: { text: CODES[code].summary },
              helpUri: `${docsUrl}#${codeAnchor(code)}`,
              defaultConfiguration: { level: LEVEL[CODES[code].severity] },
            })),
          },
        },
        results: items.map((i) => ({
          ruleId: i.code,
          ruleIndex: codes.indexOf(i.code as Code),
          level: LEVEL[i.severity],
          message: { text: i.message },
          locations: [{ physicalLocation: region(i) }],
          relatedLocations: i.related.map((r, id) => ({ id, physicalLocation: region(r), message: { text: r.message } })),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
