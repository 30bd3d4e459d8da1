import * as fs from 'node:fs';
import { parseSettings, type Settings } from '../settings';
import { checkSettingsText, lineColumn } from '../settings-text';

export type SettingsFile = { ok: true; settings: Settings } | { ok: false; messages: string[] };

/**
 * Reads `--settings FILE`. Every mistake is reported as `FILE:line:column:
 * message` (the file alone when it cannot be read), and none is ignored: a
 * CI run with a misspelt code would otherwise pass with the wrong severities.
 */
export function readSettingsFile(file: string): SettingsFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? String(error));
    return { ok: false, messages: [`${file}: cannot read the settings file (${why})`] };
  }
  const checked = checkSettingsText(text);
  if (!checked.ok) {
    return {
      ok: false,
      messages: checked.problems.map((p) => {
        const { line, column } = lineColumn(text, p.offset);
        return `${file}:${line}:${column}: ${p.message}`;
      }),
    };
  }
  return { ok: true, settings: parseSettings(checked.value) };
}
