import type { Comment, ParseError, Setting } from './syntax';
import { forEachLine, offsetRange } from './line-scan';
import { ENV_START, has, isSpace, LineScanner, MODULE_CHAR, moduleField, WORD_CHAR, type ValueMatch } from './loaderconf-line';
import { quoteSource } from './quote';

/** The `<module>_<field>` suffixes config.lua knows; each feeds one part of the module's load command. */
export type ModuleField = 'load' | 'name' | 'type' | 'flags' | 'before' | 'after' | 'error';

/** One line the loader accepts, with what it would do with it. */
export interface LoaderSetting extends Setting {
  /** module: `<mod>_<field>`; exec: `exec="..."`; variable: any other kernel environment name. */
  kind: 'module' | 'exec' | 'variable';
  /** For kind module: the module name (the part before `_load` etc.). */
  module?: string;
  moduleField?: ModuleField;
  /** True when the value was written in double quotes. */
  quoted: boolean;
}

/** A parsed loader.conf: accepted settings, comments (for suppressions) and rejected lines. */
export interface LoaderFile {
  settings: LoaderSetting[];
  comments: Comment[];
  errors: ParseError[];
}

/**
 * True when the loader loads a module with this `_load` value: config.lua's
 * loadModule compares `v.load:lower() == "yes"`, so "1" or "true" do not load.
 * Exported so checks and hover agree with the loader on one rule.
 */
export function moduleLoads(value: string): boolean {
  return value.toLowerCase() === 'yes';
}

const IGNORED = ' The loader prints "Malformed line" and ignores the line.';

/** Parses loader.conf with the Lua loader's line grammar. Never throws. */
export function parseLoaderConf(text: string): LoaderFile {
  const result: LoaderFile = { settings: [], comments: [], errors: [] };
  const s = new LineScanner();
  s.text = text;
  forEachLine(text, (start, end) => {
    s.start = start;
    s.end = end;
    parseLine(s, result);
  });
  return result;
}

function parseLine(s: LineScanner, out: LoaderFile): void {
  const { text } = s;
  const p = s.skipSpace(s.start);
  if (p >= s.end) return;
  if (text.charCodeAt(p) === 35 /* # */) {
    out.comments.push({ start: p, end: s.end, text: text.slice(p + 1, s.end), ownLine: true });
    return;
  }

  // module_<field>=VALUE: the name run must end in `_<field>` right before `%s*=`.
  let nameEnd = p;
  while (nameEnd < s.end && has(text, nameEnd, MODULE_CHAR)) nameEnd++;
  if (nameEnd > p) {
    const field = moduleField(text, p, nameEnd);
    const v = field ? s.equals(nameEnd) : -1;
    const value = v >= 0 ? s.value(v, true) : undefined;
    if (field && value) {
      const setting = finish(s, out, p, nameEnd, value, 'module', text.slice(p, nameEnd - field.length - 1), field);
      if (!setting) return;
      out.settings.push(setting);
      const stray = setting.value.indexOf('"');
      if (stray >= 0) {
        out.errors.push({
          start: setting.valueOffsets[stray],
          end: setting.valueOffsets[stray] + 1,
          message:
            `Malformed value: the loader reads a quoted value up to the last '"' on the line, so ${setting.name} ` +
            `is set to '${setting.value}'. Keep quotes out of trailing comments.`,
        });
      }
      return;
    }
  }

  // exec="command": quoted only; the command goes to the loader's interpreter as is.
  if (text.startsWith('exec', p) && p + 4 <= s.end) {
    const v = s.equals(p + 4);
    const value = v >= 0 ? s.value(v, false) : undefined;
    if (value) {
      const setting = finish(s, out, p, p + 4, value, 'exec');
      if (setting) out.settings.push(setting);
      return;
    }
  }

  if (has(text, p, ENV_START)) {
    let envEnd = p + 1;
    while (envEnd < s.end && has(text, envEnd, WORD_CHAR)) envEnd++;
    const v = s.equals(envEnd);
    const value = v >= 0 ? s.value(v, true) : undefined;
    if (value) {
      const setting = finish(s, out, p, envEnd, value, 'variable');
      if (setting) processEnvVar(setting, out);
      return;
    }
  }
  out.errors.push(diagnose(s, p));
}

/** Builds the setting once a pattern matched (the caller records it); reports junk after it as config.lua does. */
function finish(
  s: LineScanner,
  out: LoaderFile,
  nameStart: number,
  nameEnd: number,
  value: ValueMatch,
  kind: LoaderSetting['kind'],
  module?: string,
  moduleField?: ModuleField,
): LoaderSetting | undefined {
  const { text } = s;
  const bad = s.badTrailer(value.end);
  if (bad >= 0) {
    const glued = bad === value.end && !value.quoted;
    const innerQuote = value.quoted ? text.indexOf('"', value.start + 1) : -1;
    const greedy = innerQuote >= 0 && innerQuote < value.end - 1;
    const message = glued
      ? `an unquoted value may only hold letters, digits, '-', '_' and '.'; put the whole value in double quotes.`
      : greedy
        ? `a quoted value runs to the last '"' on the line, so the quotes after the value swallow part of the line and ${quoteSource(text.slice(bad, s.trimEnd(bad)))} is left over. Keep double quotes out of comments on setting lines.`
        : `unexpected ${quoteSource(text.slice(bad, s.trimEnd(bad)))} after the value; only a # comment may follow (quote a value that contains spaces).`;
    out.errors.push({ start: greedy ? innerQuote : bad, end: s.trimEnd(bad), message: `Malformed line: ${message}${IGNORED}` });
    return undefined;
  }
  const innerStart = value.quoted ? value.start + 1 : value.start;
  const innerEnd = value.quoted ? value.end - 1 : value.end;
  const name = text.slice(nameStart, nameEnd);
  const inner = text.slice(innerStart, innerEnd);
  const valueOffsets = offsetRange(innerStart, innerEnd);
  // A module setting gets its two extra keys in the literal (same key order as
  // adding them afterwards), so it is allocated once at its final size.
  const setting: LoaderSetting =
    module === undefined
      ? { kind, name, nameStart, nameEnd, value: inner, valueStart: value.start, valueEnd: value.end, valueOffsets, quoted: value.quoted, start: nameStart, end: value.end }
      : { kind, name, nameStart, nameEnd, value: inner, valueStart: value.start, valueEnd: value.end, valueOffsets, quoted: value.quoted, start: nameStart, end: value.end, module, moduleField };
  const c = s.skipSpace(value.end);
  if (c < s.end) out.comments.push({ start: c, end: s.end, text: text.slice(c + 1, s.end), ownLine: false });
  return setting;
}

/**
 * config.lua's processEnvVar: backslash escapes the next character, `$name`
 * and `${name}` expand, a `"` inside the value is refused. On failure the
 * loader prints "Failed to parse variable" and does not set it, so the
 * setting is not recorded.
 */
function processEnvVar(setting: LoaderSetting, out: LoaderFile): void {
  const raw = setting.value;
  // Without these three characters the loop below would rebuild the same value and offsets.
  if (raw.indexOf('\\') < 0 && raw.indexOf('"') < 0 && raw.indexOf('$') < 0) {
    out.settings.push(setting);
    return;
  }
  const offsets = setting.valueOffsets;
  let value = '';
  const map: number[] = [];
  const fail = (i: number, len: number, why: string): void => {
    out.errors.push({
      start: offsets[i],
      end: offsets[i] + len,
      message: `The loader refuses ${setting.name} ("Failed to parse variable"): ${why} The variable is not set.`,
    });
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      if (i === raw.length - 1) return fail(i, 1, 'a backslash at the end of the value escapes nothing.');
      map.push(offsets[i + 1]);
      value += raw[++i];
    } else if (c === '"') {
      return fail(
        i,
        1,
        `a stray '"' in the value. A quoted value runs to the last '"' on the line, so a second quoted part or a quote in a trailing comment ends up inside it.`,
      );
    } else if (c === '$') {
      const name = raw[i + 1] === '{' ? /^\$\{[^}]+\}/.exec(raw.slice(i)) : /^\$[A-Za-z0-9][-A-Za-z0-9_.]*/.exec(raw.slice(i));
      if (!name) {
        const why = i === raw.length - 1 ? "an unescaped '$' at the end of the value; write '\\$' for a literal dollar." : "'$' is not followed by a variable name; write '\\$' for a literal dollar.";
        return fail(i, 1, why);
      }
      // Expansions are kept as written: their value is only known at boot.
      for (let k = 0; k < name[0].length; k++) map.push(offsets[i + k]);
      value += name[0];
      i += name[0].length - 1;
    } else {
      map.push(offsets[i]);
      value += c;
    }
  }
  map.push(offsets[offsets.length - 1]);
  setting.value = value;
  setting.valueOffsets = map;
  out.settings.push(setting);
}

/** Why no pattern matched, in the words an admin needs to fix it. */
function diagnose(s: LineScanner, p: number): ParseError {
  const { text } = s;
  const end = s.trimEnd(p);
  // Searched within the line only, so a file of '='-less lines stays linear.
  const found = text.slice(p, s.end).indexOf('=');
  const eq = found < 0 ? -1 : p + found;
  const tail = IGNORED;
  if (eq < 0) {
    return { start: p, end, message: `Malformed line: expected name="value" or a # comment.${tail}` };
  }
  let nameEnd = eq;
  while (nameEnd > p && isSpace(text, nameEnd - 1)) nameEnd--;
  const name = text.slice(p, nameEnd);
  const isModule = /^[-A-Za-z0-9_]+_(load|name|type|flags|before|after|error)$/.test(name);
  if (name.length === 0) return { start: p, end, message: `Malformed line: missing name before '='.${tail}` };
  if (!isModule && !/^[A-Za-z0-9][-A-Za-z0-9_.]*$/.test(name)) {
    return {
      start: p,
      end: nameEnd,
      message: `Malformed line: '${name}' is not a valid name; the loader accepts letters, digits, '-', '_' and '.', starting with a letter or digit.${tail}`,
    };
  }
  const v = s.skipSpace(eq + 1);
  if (v >= s.end) return { start: p, end, message: `Malformed line: missing value after '='; write ${name}="" for an empty value.${tail}` };
  const c = text[v];
  const message =
    c === '"'
      ? `Malformed line: the closing '"' is missing.`
      : c === "'"
        ? `Malformed line: the loader does not understand single quotes; use double quotes.`
        : name === 'exec'
          ? `Malformed line: the exec command must be in double quotes.`
          : `Malformed line: an unquoted value may only hold letters, digits, '-', '_' and '.'; put it in double quotes.`;
  return { start: v, end, message: message + tail };
}
