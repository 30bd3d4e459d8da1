import type { Log, Notification, ReportingDescriptor } from 'sarif';
import { CODES, codeAnchor, type Code } from '../checks/codes';
import type { ReportItem } from './report';
import { markdownToText } from './rule-help';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** What the SARIF log says about the tool and the run besides the results. */
export interface SarifOptions {
  version: string;
  /** Public documentation address (package.json `homepage`); without one, no helpUri or informationUri. */
  homepage?: string;
  /** Each code's README section as markdown; a code without one gets no `help`. */
  help: Readonly<Record<string, string>>;
  /** Paths that could not be checked: the run is then reported as not successful. */
  errors: readonly string[];
}

function region(i: Pick<ReportItem, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'>) {
  return {
    artifactLocation: { uri: i.file, uriBaseId: '%SRCROOT%' },
    region: { startLine: i.line, startColumn: i.column, endLine: i.endLine, endColumn: i.endColumn },
  };
}

function rule(code: Code, options: SarifOptions): ReportingDescriptor {
  const markdown = options.help[code];
  return {
    id: code,
    shortDescription: { text: CODES[code].summary },
    ...(markdown ? { help: { text: markdownToText(markdown), markdown } } : {}),
    ...(options.homepage ? { helpUri: `${options.homepage}#${codeAnchor(code)}` } : {}),
    defaultConfiguration: { level: LEVEL[CODES[code].severity] },
  };
}

/**
 * SARIF 2.1.0, as GitHub code scanning and other CI tools read it. Every rule
 * carries its README section as help, so an alert explains itself without a
 * link; links are added only when there is a public homepage, never a path on
 * the machine that ran the check.
 */
export function formatSarif(items: readonly ReportItem[], options: SarifOptions): string {
  const codes = Object.keys(CODES) as Code[];
  const notifications: Notification[] = options.errors.map((text) => ({ level: 'error', message: { text } }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'freebsd-conf',
            version: options.version,
            ...(options.homepage ? { informationUri: options.homepage } : {}),
            rules: codes.map((code) => rule(code, options)),
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        results: items.map((i) => ({
          ruleId: i.code,
          ruleIndex: codes.indexOf(i.code as Code),
          level: LEVEL[i.severity],
          message: { text: i.message },
          locations: [{ physicalLocation: region(i) }],
          ...(i.related.length > 0 ? { relatedLocations: i.related.map((r, id) => ({ id, physicalLocation: region(r), message: { text: r.message } })) } : {}),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
