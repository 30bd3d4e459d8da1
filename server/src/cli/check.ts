import { findingsFor } from '../checks/registry';
import type { ConfKind } from '../model/kinds';
import { withManifestSeverity, type Settings } from '../settings';
import { releasePfTrees } from '../model/pf-ruleset';
import { productHomepage, productVersion } from '../docs-url';
import { displayPath, toReport } from './report';
import { count, formatText, summary } from './format-text';
import { formatSarif } from './format-sarif';
import { embeddedRuleHelp } from './rule-help';
import { loadPaths } from './load-paths';

export interface CheckOptions {
  format: 'text' | 'json' | 'sarif';
  /** Infinity for no limit. */
  maxWarnings: number;
  kind?: ConfKind;
  settings: Settings;
  paths: readonly string[];
  cwd: string;
}

/**
 * `freebsd-conf check`: every finding of every file under the PATHs, in the
 * format asked; the exit status (0 no errors, 1 errors or too many warnings,
 * 2 a PATH not checked or an internal error).
 */
export async function runCheck(options: CheckOptions): Promise<number> {
  const { format, maxWarnings, settings, cwd } = options;
  // A bug in the analysis of one file is reported for that file; the others are still checked, and the run cannot pass.
  let internalErrors = 0;
  const internalError = (what: string, error: unknown): void => {
    internalErrors++;
    process.stderr.write(`freebsd-conf: internal error ${what}: ${error instanceof Error ? error.message : String(error)}\n`);
  };
  const { ws, skipped, pathErrors, fileCount, contextManifests } = await loadPaths(options.paths, { cwd, maxFiles: settings.maxFiles, kind: options.kind, internalError });

  const findings = [...skipped];
  for (const doc of ws.documents()) {
    // One finding at a time: a file can have any number of them (spreading 130,000 into push() overflows the stack).
    for (const f of findingsFor(doc, ws, (check, error) => internalError(`in ${check.code} on ${displayPath(doc.uri, cwd)}`, error))) findings.push(f);
    // Checked: back to the compact parse, so checking a large tree of configs
    // never holds every pf.conf's syntax tree at once.
    if (doc.kind === 'pf') releasePfTrees(doc);
  }
  for (const uri of ws.manifestUris()) {
    if (contextManifests.has(uri) && !ws.inWholeFolder(uri)) continue;
    for (const f of ws.manifestFindings(uri)) findings.push(f);
  }
  // The manifest's severities apply to the files below it; the settings win code by code.
  const items = toReport(findings, (uri) => withManifestSeverity(settings, ws.manifestSeverity(uri)), cwd);
  if (format === 'json') process.stdout.write(`${JSON.stringify({ diagnostics: items }, null, 2)}\n`);
  else if (format === 'sarif') process.stdout.write(`${formatSarif(items, { version: productVersion(), homepage: productHomepage(), help: embeddedRuleHelp(), errors: pathErrors })}\n`);
  else if (items.length > 0) process.stdout.write(`${formatText(items)}\n`);
  // "0 files checked" beside "no … found" or "no such file" says nothing more.
  if (fileCount > 0 || items.length > 0 || pathErrors.length === 0) process.stderr.write(`${summary(items, fileCount)}\n`);

  const errors = items.filter((i) => i.severity === 'error').length;
  const warnings = items.filter((i) => i.severity === 'warning').length;
  if (warnings > maxWarnings) process.stderr.write(`freebsd-conf: ${count(warnings, 'warning')}, more than --max-warnings ${maxWarnings} allows\n`);
  process.stderr.write(pathErrors.map((e) => `freebsd-conf: ${e}\n`).join(''));
  if (internalErrors > 0) process.stderr.write(`freebsd-conf: ${count(internalErrors, 'internal error')}: the check is incomplete\n`);
  if (pathErrors.length > 0 || internalErrors > 0) return 2;
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}
