import { ALL_CODES, CODES, isCode, type Code, type SeverityName } from './checks/codes';

/** A per-code severity override; `off` silences the code entirely. */
export type SeveritySetting = SeverityName | 'off';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * Everything the user can configure under `freebsdConf.*`. The manifest's
 * `contributes.configuration` is checked against SETTINGS_SCHEMA by a test,
 * so the two can never drift apart.
 */
export interface Settings {
  /** Per-code severity overrides, e.g. `{ "carp/missing-pass": "error" }`. */
  severity: Partial<Record<Code, SeveritySetting>>;
  /** At most this many files are analysed in a workspace (the rest are skipped with a message). */
  maxFiles: number;
  /** Show CARP passwords in hover, the outline and diagnostic messages (LSP and CLI) instead of masking them. */
  showPasswords: boolean;
  /** LSP message tracing between VS Code and the server. */
  trace: { server: 'off' | 'messages' | 'verbose' };
  /** The CodeLens above each vhid alias line (its predicted role and the group's other members). */
  codeLens: { enable: boolean };
}

export const DEFAULT_SETTINGS: Settings = {
  severity: {},
  maxFiles: 5000,
  showPasswords: false,
  trace: { server: 'off' },
  codeLens: { enable: true },
};

/** JSON schema of each `freebsdConf.*` key, the source of the manifest's configuration section. */
export const SETTINGS_SCHEMA: Record<string, Record<string, unknown>> = {
  'freebsdConf.severity': {
    type: 'object',
    default: {},
    markdownDescription:
      'Severity per diagnostic code, overriding the default. `off` turns a check off. Example: `{ "carp/missing-pass": "error" }`.',
    properties: Object.fromEntries(
      ALL_CODES.map((code) => [
        code,
        { type: 'string', enum: [...SEVERITY_SETTINGS], markdownDescription: `${CODES[code].summary} Default: \`${CODES[code].severity}\`.` },
      ]),
    ),
    additionalProperties: false,
  },
  'freebsdConf.maxFiles': {
    type: 'number',
    default: DEFAULT_SETTINGS.maxFiles,
    minimum: 1,
    markdownDescription: 'Analyse at most this many configuration files in the workspace; the rest are skipped with a message.',
  },
  'freebsdConf.showPasswords': {
    type: 'boolean',
    default: DEFAULT_SETTINGS.showPasswords,
    markdownDescription:
      'Show CARP `pass` values as written in hover, the outline and diagnostic messages. Off by default: passwords (and their length) are masked. The CLI has `--show-passwords` for the same.',
  },
  'freebsdConf.trace.server': {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    default: DEFAULT_SETTINGS.trace.server,
    markdownDescription: 'Trace the communication between VS Code and the FreeBSD conf language server.',
  },
  'freebsdConf.codeLens.enable': {
    type: 'boolean',
    default: DEFAULT_SETTINGS.codeLens.enable,
    markdownDescription:
      'Show a CodeLens above each CARP vhid alias line in rc.conf: the role the election predicts for the node (`MASTER · backups: fw2 (advskew 100)`, `BACKUP of fw1`); clicking it shows the group in the CARP Clusters view.',
  },
};

/**
 * Reads settings from whatever the client sent (the `freebsdConf` section,
 * or a CLI config). Never throws: unknown keys and wrong types fall back to
 * the defaults, so a typo in settings.json cannot take the server down.
 */
export function parseSettings(raw: unknown): Settings {
  const obj = isRecord(raw) ? raw : {};
  const severity: Settings['severity'] = {};
  if (isRecord(obj.severity)) {
    for (const [code, value] of Object.entries(obj.severity)) {
      if (isCode(code) && typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value)) {
        severity[code] = value as SeveritySetting;
      }
    }
  }
  const maxFiles = typeof obj.maxFiles === 'number' && Number.isFinite(obj.maxFiles) && obj.maxFiles >= 1 ? Math.floor(obj.maxFiles) : DEFAULT_SETTINGS.maxFiles;
  const showPasswords = typeof obj.showPasswords === 'boolean' ? obj.showPasswords : DEFAULT_SETTINGS.showPasswords;
  const traceRaw = isRecord(obj.trace) ? obj.trace.server : undefined;
  const trace = { server: traceRaw === 'messages' || traceRaw === 'verbose' ? traceRaw : 'off' } as const;
  const lensRaw = isRecord(obj.codeLens) ? obj.codeLens.enable : undefined;
  const codeLens = { enable: typeof lensRaw === 'boolean' ? lensRaw : DEFAULT_SETTINGS.codeLens.enable };
  return { severity, maxFiles, showPasswords, trace, codeLens };
}

/**
 * The settings for a file that a freebsd-conf.json covers: the manifest's
 * severities apply to the codes the settings leave unset. The settings win,
 * as eslint's command-line flags win over its configuration files: the
 * manifest is the repository's shared choice, and a user's own setting (or
 * a CI job's --settings file) is the more specific, deliberate one.
 */
export function withManifestSeverity(settings: Settings, manifest: Settings['severity'] | undefined): Settings {
  if (!manifest || Object.keys(manifest).length === 0) return settings;
  return { ...settings, severity: { ...manifest, ...settings.severity } };
}

/** The severity a code is reported with, or undefined when the user turned it off. */
export function effectiveSeverity(code: Code, settings: Settings): SeverityName | undefined {
  const override = settings.severity[code];
  if (override === 'off') return undefined;
  return override ?? CODES[code].severity;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
