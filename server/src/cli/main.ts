import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Workspace } from '../workspace/workspace';
import { skippedFinding } from '../workspace/scan';
import { kindOfPath, type ConfKind } from '../model/kinds';
import { findingsFor } from '../checks/registry';
import type { Finding } from '../checks/types';
import { DEFAULT_SETTINGS, withManifestSeverity } from '../settings';
import { displayPath, toReport } from './report';
import { count, formatText, summary } from './format-text';
import { formatSarif } from './format-sarif';
import { embeddedRuleHelp } from './rule-help';
import { readSettingsFile } from './settings-file';
import { productHomepage, productVersion } from '../docs-url';
import { WorkspaceLoader } from '../workspace/loader';
import { ReadRoots } from '../workspace/read-roots';
import { releasePfTrees } from '../model/pf-ruleset';
import { readCwdManifest } from '../workspace/manifest-files';
import { fsPathToUri } from '../workspace/uri-path';

const USAGE = `usage: freebsd-conf check [--format text|json|sarif] [--max-warnings N] [--kind rc|loader|sysctl|pf] [--settings FILE] [--show-passwords] [PATH...]

Checks FreeBSD rc.conf, loader.conf, sysctl.conf and pf.conf files. Directories
are scanned for those files; files are checked as given. PATH defaults to ".".

  --format        text (default): file:line:col severity code message
                  json: {"diagnostics": [...]}; sarif: SARIF 2.1.0
  --max-warnings  exit 1 when there are more warnings than N (-1: no limit, the default)
  --kind          file type for files whose name does not tell it (a name
                  that tells, such as rc.conf, keeps its own kind)
  --settings      JSON file with freebsdConf settings (e.g. {"severity": {"rc/syntax": "off"}});
                  any mistake in it is reported with its line, and nothing is checked
  --show-passwords  show CARP passwords in messages as written; they are masked
                  by default ("showPasswords": true in the settings file does the
                  same). Quick-fixes, whose edits hold the real pass, are never printed

exit status: 0 no errors, 1 errors (or too many warnings), 2 bad usage, invalid
settings, or a PATH that could not be checked (missing, unreadable, or a
directory without any of the four files); the other PATHs are still checked`;

class UsageError extends Error {}

const KINDS: readonly ConfKind[] = ['rc', 'loader', 'sysctl', 'pf'];

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: joinNegativeMaxWarnings(argv),
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
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  if (values.kind !== undefined && !KINDS.includes(values.kind as ConfKind)) throw new UsageError(`unknown kind "${values.kind}"`);
  let fromFile = DEFAULT_SETTINGS;
  if (values.settings !== undefined) {
    const read = readSettingsFile(values.settings);
    if (!read.ok) {
      // As eslint does with a bad config: nothing is checked with settings that are not what the user meant.
      process.stderr.write(read.messages.map((m) => `freebsd-conf: ${m}\n`).join(''));
      return 2;
    }
    fromFile = read.settings;
  }
  // Either the flag or the settings file asking is enough.
  const settings = values['show-passwords'] ? { ...fromFile, showPasswords: true } : fromFile;

  const cwd = process.cwd();
  const ws = new Workspace();
  const skipped: Finding[] = [];
  // PATHs that could not be checked: said after the results, and the exit status is 2.
  const pathErrors: string[] = [];
  let fileCount = 0;
  // Only the paths given may be read: an include or a link that leads elsewhere is refused.
  const given = paths.length > 0 ? paths : ['.'];
  const { roots, refused } = await ReadRoots.forCommandLine(given, cwd);
  for (const r of refused) pathErrors.push(`${r.path}: ${r.reason}`);
  const loader = new WorkspaceLoader(
    ws,
    {
      skipped: (uri, reason) => {
        process.stderr.write(`freebsd-conf: skipped ${displayPath(uri, cwd)}: ${reason}\n`);
        skipped.push(skippedFinding(uri, reason));
      },
    },
    roots,
  );
  // A bug in the analysis of one file is reported for that file; the others are still checked, and the run cannot pass.
  let internalErrors = 0;
  const internalError = (what: string, error: unknown): void => {
    internalErrors++;
    process.stderr.write(`freebsd-conf: internal error ${what}: ${error instanceof Error ? error.message : String(error)}\n`);
  };
  // Files checked one by one (pre-commit) read the current directory's freebsd-conf.json for names, kinds and
  // severities; it is reported on only when a directory PATH holds it.
  if (given.some(isFile)) {
    const context = await readCwdManifest(cwd);
    if (context) ws.setManifest(context.uri, context.text);
  }
  const contextManifests = new Set(ws.manifestUris());
  for (const p of given) {
    if (refused.some((r) => r.path === p)) continue;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      pathErrors.push(`${p}: ${code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or directory' : `cannot read (${code ?? String(error)})`}`);
      continue;
    }
    try {
      if (stat.isDirectory()) {
        const load = await loader.loadFolder(p, settings.maxFiles - fileCount);
        fileCount += load.files;
        if (!load.found) pathErrors.push(`no rc.conf, loader.conf, sysctl.conf or pf.conf found under ${p}`);
        if (load.truncated > 0) process.stderr.write(`freebsd-conf: ${p}: ${load.truncated} more config files not checked (over the maxFiles setting, ${settings.maxFiles})\n`);
        continue;
      }
      // A name that tells the kind wins over --kind, so a list of mixed files (as pre-commit passes) keeps each its own kind.
      const kind = ws.listedKind(fsPathToUri(path.resolve(p))) ?? kindOfPath(p) ?? (values.kind as ConfKind | undefined) ?? guessKind(p);
      if (!kind) {
        pathErrors.push(`cannot tell what kind of file ${p} is; name it rc.conf, loader.conf, sysctl.conf or pf.conf, or pass --kind`);
        continue;
      }
      const read = await loader.loadFile(path.resolve(p), kind);
      if (read.ok) fileCount += 1 + read.included;
      else if (read.problem === 'missing') pathErrors.push(`${p}: cannot read (${read.reason})`);
    } catch (error) {
      internalError(`reading ${p}`, error);
    }
  }

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

/**
 * parseArgs refuses `--max-warnings -1` (a value that looks like an option);
 * eslint's users write it so, and it means the same as `--max-warnings=-1`.
 */
function joinNegativeMaxWarnings(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--max-warnings' && /^-\d/.test(argv[i + 1] ?? '')) out.push(`--max-warnings=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

/** As eslint: -1 (or no flag) means no limit; any other negative or fractional number is a mistake. */
function parseMaxWarnings(raw: string | undefined): number {
  if (raw === undefined) return Infinity;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < -1) throw new UsageError(`--max-warnings needs a whole number of warnings (0 or more), or -1 for no limit; got "${raw}"`);
  return n === -1 ? Infinity : n;
}

/** True for a PATH that is a file (a PATH that cannot be read is reported by the loop over the PATHs). */
function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
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
