import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Workspace } from './workspace/workspace';
import { readConfFile, scanFolder, skippedFinding } from './workspace/scan';
import { kindOfPath, type ConfKind } from './model/kinds';
import { checkDocument } from './checks/registry';
import type { Finding } from './checks/types';
import { DEFAULT_SETTINGS, parseSettings } from './settings';
import { displayPath, toReport } from './cli/report';
import { formatText, summary } from './cli/format-text';
import { formatSarif } from './cli/format-sarif';
import { docsUrl, productVersion } from './docs-url';
import { diskIncludeReader, loadPfIncludes } from './workspace/pf-includes';
import { ReadRoots } from './workspace/read-roots';
import { releasePfTrees } from './model/pf-ruleset';
import { pathToFileURL } from 'node:url';

const USAGE = `usage: freebsd-conf check [--format text|json|sarif] [--max-warnings N] [--kind rc|loader|sysctl|pf] [--settings FILE] [--show-passwords] [PATH...]

Checks FreeBSD rc.conf, loader.conf, sysctl.conf and pf.conf files. Directories
are scanned for those files; files are checked as given. PATH defaults to ".".

  --format        text (default): file:line:col severity code message
                  json: {"diagnostics": [...]}; sarif: SARIF 2.1.0
  --max-warnings  exit 1 when there are more warnings than N
  --kind          file type for files whose name does not tell it
  --settings      JSON file with freebsdConf settings (e.g. {"severity": {"rc/syntax": "off"}})
  --show-passwords  show CARP passwords in messages as written; they are masked
                  by default ("showPasswords": true in the settings file does the
                  same). Quick-fixes, whose edits hold the real pass, are never printed

exit status: 0 no errors, 1 errors (or too many warnings), 2 bad usage or unreadable path`;

class UsageError extends Error {}

const KINDS: readonly ConfKind[] = ['rc', 'loader', 'sysctl', 'pf'];

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      'max-warnings': { type: 'string' },
      kind: { type: 'string' },
      settings: { type: 'string' },
      'show-passwords': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${productVersion()}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command !== 'check') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format "${format}"`);
  const maxWarnings = values['max-warnings'] === undefined ? Infinity : Number(values['max-warnings']);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) throw new UsageError('--max-warnings needs a whole number');
  if (values.kind !== undefined && !KINDS.includes(values.kind as ConfKind)) throw new UsageError(`unknown kind "${values.kind}"`);
  const fromFile = values.settings ? parseSettings(JSON.parse(fs.readFileSync(values.settings, 'utf8'))) : DEFAULT_SETTINGS;
  // Either the flag or the settings file asking is enough.
  const settings = values['show-passwords'] ? { ...fromFile, showPasswords: true } : fromFile;

  const cwd = process.cwd();
  const ws = new Workspace();
  const skipped: Finding[] = [];
  let fileCount = 0;
  // Only the paths given may be read: an include or a link that leads elsewhere is refused.
  const given = paths.length > 0 ? paths : ['.'];
  const { roots, refused } = await ReadRoots.forCommandLine(given, cwd);
  for (const r of refused) process.stderr.write(`freebsd-conf: ${r.path}: ${r.reason}\n`);
  if (refused.length > 0) return 2;
  const readIncluded = diskIncludeReader(roots);
  // A bug in the analysis of one file is reported for that file; the others are still checked, and the run cannot pass.
  let internalErrors = 0;
  const internalError = (what: string, error: unknown): void => {
    internalErrors++;
    process.stderr.write(`freebsd-conf: internal error ${what}: ${error instanceof Error ? error.message : String(error)}\n`);
  };
  for (const p of given) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      process.stderr.write(`freebsd-conf: ${p}: no such file or directory\n`);
      return 2;
    }
    const targets = stat.isDirectory() ? await scanDirectory(p, settings.maxFiles, skipped) : [{ path: p, kind: (values.kind as ConfKind | undefined) ?? kindOfPath(p) ?? guessKind(p) }];
    for (const t of targets) {
      if (!t.kind) throw new UsageError(`cannot tell what kind of file ${p} is; name it rc.conf, loader.conf, sysctl.conf or pf.conf, or pass --kind`);
      const uri = pathToFileURL(path.resolve(t.path)).href;
      const read = await readConfFile(t.path, roots);
      if (!read.ok) {
        if (!stat.isDirectory() && read.problem === 'missing') {
          process.stderr.write(`freebsd-conf: ${p}: cannot read (${read.reason})\n`);
          return 2;
        }
        process.stderr.write(`freebsd-conf: skipped ${path.relative(cwd, t.path)}: ${read.reason}\n`);
        skipped.push(skippedFinding(uri, read.reason));
        continue;
      }
      try {
        ws.set(uri, t.kind, read.text);
        fileCount++;
        if (t.kind === 'pf') fileCount += (await loadPfIncludes(ws, uri, readIncluded)).added.length;
      } catch (error) {
        internalError(`reading ${path.relative(cwd, t.path)}`, error);
      }
    }
  }

  const findings = [...skipped];
  for (const doc of ws.documents()) {
    // One finding at a time: a file can have any number of them (spreading 130,000 into push() overflows the stack).
    for (const f of checkDocument(doc, ws, (check, error) => internalError(`in ${check.code} on ${displayPath(doc.uri, cwd)}`, error))) findings.push(f);
    // Checked: back to the compact parse, so checking a large tree of configs
    // never holds every pf.conf's syntax tree at once.
    if (doc.kind === 'pf') releasePfTrees(doc);
  }
  const items = toReport(findings, settings, cwd);
  if (format === 'json') process.stdout.write(`${JSON.stringify({ diagnostics: items }, null, 2)}\n`);
  else if (format === 'sarif') process.stdout.write(`${formatSarif(items, productVersion(), docsUrl())}\n`);
  else if (items.length > 0) process.stdout.write(`${formatText(items)}\n`);
  process.stderr.write(`${summary(items, fileCount)}\n`);

  const errors = items.filter((i) => i.severity === 'error').length;
  const warnings = items.filter((i) => i.severity === 'warning').length;
  if (warnings > maxWarnings) process.stderr.write(`freebsd-conf: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
  if (internalErrors > 0) {
    process.stderr.write(`freebsd-conf: ${internalErrors} internal error${internalErrors === 1 ? '' : 's'}: the check is incomplete\n`);
    return 2;
  }
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}

/**
 * The config files under a directory. What is named like a config file but
 * is not one (a folder called rc.conf, a FIFO) goes into `skipped` and onto
 * stderr; stderr also says how many the file cap left out.
 */
async function scanDirectory(dir: string, maxFiles: number, skipped: Finding[]): Promise<{ path: string; kind: ConfKind | undefined }[]> {
  const { files, skipped: unusable, truncated } = await scanFolder(dir, maxFiles);
  for (const entry of unusable) {
    process.stderr.write(`freebsd-conf: skipped ${path.relative(process.cwd(), entry.path)}: ${entry.reason}\n`);
    skipped.push(skippedFinding(pathToFileURL(path.resolve(entry.path)).href, entry.reason));
  }
  if (truncated > 0) process.stderr.write(`freebsd-conf: ${dir}: ${truncated} more config files not checked (over the maxFiles setting, ${maxFiles})\n`);
  return files;
}

/** A loose guess for explicitly named files such as `rc.conf.fw1` or `fw1-loader.conf`. */
function guessKind(p: string): ConfKind | undefined {
  const base = path.basename(p);
  return KINDS.find((k) => base.includes(`${k}.conf`) || base.startsWith(`${k}.`));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`freebsd-conf: ${error instanceof Error ? error.message : String(error)}\n${usage ? `${USAGE}\n` : ''}`);
    process.exitCode = 2;
  },
);
