import { distance } from 'fastest-levenshtein';
import { SETTINGS_SCHEMA } from './settings';

/**
 * Finds the mistakes in a settings object that parseSettings silently
 * ignores (it must never throw, so a typo would otherwise just do nothing):
 * unknown keys and codes, wrong types, values outside an enum or a minimum.
 * It is driven by SETTINGS_SCHEMA, the schema the manifest is made from, so
 * the editor, the CLI and this check agree on what a setting is. Pure: the
 * CLI adds file positions (settings-text.ts), the server a notification.
 */

/** A key or value inside the settings object, as a list of property names. */
export type JsonPath = string[];

export interface SettingsProblem {
  /** The object property concerned; `[]` for the whole object. */
  path: JsonPath;
  /** Whether the key itself is wrong (unknown, misspelt) or its value. */
  at: 'key' | 'value';
  message: string;
}

export interface ValidateOptions {
  /**
   * How the user names the settings: `freebsdConf.` in the editor (messages
   * say `freebsdConf.severity`), empty in a CLI settings file, where a
   * `freebsdConf.`-prefixed key is a known mistake with its own message.
   */
  prefix: string;
}

interface Schema {
  type?: string;
  enum?: readonly string[];
  minimum?: number;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
}

const SECTION = 'freebsdConf.';

/** SETTINGS_SCHEMA's dotted keys (`freebsdConf.trace.server`) as one nested object schema, as the section reaches the server. */
function sectionSchema(): Schema {
  const root: Schema = { type: 'object', properties: {}, additionalProperties: false };
  for (const [key, schema] of Object.entries(SETTINGS_SCHEMA)) {
    const parts = key.slice(SECTION.length).split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      node.properties![part] ??= { type: 'object', properties: {}, additionalProperties: false };
      node = node.properties![part];
    }
    node.properties![parts[parts.length - 1]] = schema as Schema;
  }
  return root;
}

const ROOT = sectionSchema();
/** What the keys of an object are called in messages, where "setting" would be wrong. */
const KEY_NOUN: Record<string, string> = { severity: 'diagnostic code' };

/** Every problem in `raw`; none for undefined or null, which mean "nothing set" (a client without this section). */
export function validateSettings(raw: unknown, options: ValidateOptions): SettingsProblem[] {
  if (raw === undefined || raw === null) return [];
  const problems: SettingsProblem[] = [];
  const explained = options.prefix === '' && isRecord(raw) ? vsCodeStyleKeys(raw, problems) : new Set<string>();
  walk(raw, ROOT, [], options, problems, explained);
  return problems;
}

/**
 * Keys pasted from VS Code's settings.json into a CLI file, which holds the
 * section's keys at the top. Returns the keys it explained, so they are not
 * reported a second time as unknown.
 */
function vsCodeStyleKeys(raw: Record<string, unknown>, problems: SettingsProblem[]): Set<string> {
  const explained = new Set<string>();
  for (const key of Object.keys(raw)) {
    const parts = key.startsWith(SECTION) ? key.slice(SECTION.length).split('.') : [];
    if (parts.length > 0 && Object.hasOwn(ROOT.properties!, parts[0])) {
      const nested = parts.reduceRight((inner, part) => `{"${part}": ${inner}}`, '…');
      const write = parts.length === 1 ? `"${parts[0]}"` : nested;
      problems.push({ path: [key], at: 'key', message: `"${key}" is the VS Code name of this setting; in this file write ${write} without the "${SECTION}" prefix` });
      explained.add(key);
    } else if (key === 'freebsdConf' && isRecord(raw[key])) {
      problems.push({ path: [key], at: 'key', message: 'write the settings at the top level of this file ({"severity": …}), without the enclosing "freebsdConf"' });
      explained.add(key);
    }
  }
  return explained;
}

function walk(value: unknown, schema: Schema, path: JsonPath, options: ValidateOptions, problems: SettingsProblem[], explained: ReadonlySet<string>): void {
  const name = display(path, options.prefix);
  // For a choice, the choices say more than "a string".
  const typeError = schema.enum && typeof value !== 'string' ? oneOf(schema.enum) : wrongType(value, schema);
  if (typeError) {
    problems.push({ path, at: 'value', message: `${name} must be ${typeError}, not ${describe(value)}` });
    return;
  }
  if (schema.enum && !schema.enum.includes(value as string)) {
    problems.push({ path, at: 'value', message: `${name} must be ${oneOf(schema.enum)}, not ${describe(value)}${didYouMean(String(value), schema.enum)}` });
  }
  if (schema.minimum !== undefined && typeof value === 'number' && value < schema.minimum) {
    problems.push({ path, at: 'value', message: `${name} must be at least ${schema.minimum}, not ${value}` });
  }
  if (!isRecord(value) || !schema.properties) return;
  const known = Object.keys(schema.properties);
  for (const [key, child] of Object.entries(value)) {
    // Own keys only: "constructor" or "toString" must not find Object.prototype's.
    const childSchema = Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
    if (childSchema) {
      walk(child, childSchema, [...path, key], options, problems, new Set());
    } else if (schema.additionalProperties === false && !(path.length === 0 && explained.has(key))) {
      const noun = KEY_NOUN[path.join('.')] ?? 'setting';
      const where = path.length > 0 ? ` in ${name}` : '';
      const hint = didYouMean(key, known) || (known.length <= 6 ? ` (known: ${known.join(', ')})` : '');
      problems.push({ path: [...path, key], at: 'key', message: `unknown ${noun} "${key}"${where}${hint}` });
    }
  }
}

/** The type the schema wants, when `value` is not of it. JSON numbers are all "number"; NaN and infinities are not. */
function wrongType(value: unknown, schema: Schema): string | undefined {
  switch (schema.type) {
    case 'object':
      return isRecord(value) ? undefined : 'an object';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'string':
      return typeof value === 'string' ? undefined : 'a string';
    default:
      return undefined;
  }
}

/** `severity["rc/syntax"]`, `freebsdConf.trace.server`: a path the way the user would look for it. */
function display(path: JsonPath, prefix: string): string {
  if (path.length === 0) return 'the settings';
  const [head, ...rest] = path;
  return prefix + head + rest.map((p) => (/^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `["${p}"]`)).join('');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function oneOf(values: readonly string[]): string {
  return values.length === 1 ? values[0] : `one of ${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/**
 * `; did you mean "x"?` for the closest candidates, or ''. Case is ignored; a
 * word that starts a candidate counts (`warn`, `info`), and so does a code
 * written without its prefix (`syntax` → `rc/syntax`, `pf/syntax`, …).
 */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const lower = input.toLowerCase();
  const score = (c: string): number => {
    const lc = c.toLowerCase();
    if (lc === lower || lc.endsWith(`/${lower}`)) return 0;
    if (lower.length >= 3 && lc.startsWith(lower)) return 1;
    return Math.min(distance(lower, lc), lc.includes('/') && !lower.includes('/') ? distance(lower, lc.slice(lc.indexOf('/') + 1)) : Infinity);
  };
  const scored = candidates.map((c) => ({ c, d: score(c) }));
  const best = Math.min(...scored.map((s) => s.d));
  if (!(best <= Math.max(2, Math.floor(input.length / 3)))) return '';
  const names = scored.filter((s) => s.d === best).map((s) => `"${s.c}"`).slice(0, 4);
  return `; did you mean ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`}?`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Shows the editor's settings problems once: again only when they change, not
 * on every configuration event that brings the same mistakes. After the
 * settings become valid, the same mistake made again is shown again.
 */
export class SettingsWarnings {
  private last = '';

  constructor(private readonly show: (message: string) => void) {}

  report(raw: unknown): void {
    const problems = validateSettings(raw, { prefix: SECTION }).map((p) => p.message);
    const key = problems.join('\n');
    if (problems.length > 0 && key !== this.last) {
      const listed = problems.length > 5 ? [...problems.slice(0, 5), `and ${problems.length - 5} more`] : problems;
      this.show(`FreeBSD conf: invalid settings, ignored: ${listed.join('; ')}.`);
    }
    this.last = key;
  }
}
