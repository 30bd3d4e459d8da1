import { parseArgs } from 'node:util';
import type { ConfKind } from '../model/kinds';
import { DEFAULT_SETTINGS } from '../settings';
import { readSettingsFile } from './settings-file';
import { productVersion } from '../docs-url';
import { KINDS } from './load-paths';
import { runCheck } from './check';
import { runTopology, TOPOLOGY_FORMATS, type TopologyFormat } from './topology';
import { CHECK_USAGE, TOPOLOGY_USAGE, USAGE } from './usage';

class UsageError extends Error {
  constructor(message: string, readonly usage = USAGE) {
    super(message);
  }
}

/** The options each command takes (parseArgs reads them all, so they may come before the command). */
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  check: ['format', 'max-warnings', 'kind', 'settings', 'show-passwords'],
  topology: ['format', 'fail', 'kind', 'show-passwords'],
};

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: joinNegativeMaxWarnings(argv),
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      'max-warnings': { type: 'string' },
      kind: { type: 'string' },
      settings: { type: 'string' },
      fail: { type: 'string', multiple: true },
      'show-passwords': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  const [command, ...paths] = positionals;
  if (values.help) {
    process.stdout.write(`${command === 'check' ? CHECK_USAGE : command === 'topology' ? TOPOLOGY_USAGE : USAGE}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${productVersion()}\n`);
    return 0;
  }
  const allowed = command === undefined ? undefined : COMMAND_OPTIONS[command];
  if (!allowed) throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const usage = command === 'check' ? CHECK_USAGE : TOPOLOGY_USAGE;
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && !allowed.includes(name)) throw new UsageError(`${command} has no option --${name}`, usage);
  }
  if (values.kind !== undefined && !KINDS.includes(values.kind as ConfKind)) throw new UsageError(`unknown kind "${values.kind}"`, usage);
  const kind = values.kind as ConfKind | undefined;
  const given = paths.length > 0 ? paths : ['.'];
  const cwd = process.cwd();

  if (command === 'topology') {
    const format = values.format ?? 'text';
    if (!TOPOLOGY_FORMATS.includes(format as TopologyFormat)) throw new UsageError(`unknown format "${format}"`, usage);
    return runTopology({ format: format as TopologyFormat, fail: values.fail ?? [], kind, showPasswords: values['show-passwords'] === true, paths: given, cwd });
  }

  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format "${format}"`, usage);
  const maxWarnings = parseMaxWarnings(values['max-warnings'], usage);
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
  return runCheck({ format, maxWarnings, kind, settings, paths: given, cwd });
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
function parseMaxWarnings(raw: string | undefined, usage: string): number {
  if (raw === undefined) return Infinity;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < -1) throw new UsageError(`--max-warnings needs a whole number of warnings (0 or more), or -1 for no limit; got "${raw}"`, usage);
  return n === -1 ? Infinity : n;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage = error instanceof UsageError ? error.usage : (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? USAGE : undefined;
    process.stderr.write(`freebsd-conf: ${error instanceof Error ? error.message : String(error)}\n${usage ? `${usage}\n` : ''}`);
    process.exitCode = 2;
  },
);
