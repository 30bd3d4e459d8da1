import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { CONF_GLOBS, kindOfPath, type ConfKind } from '../model/kinds';
import type { Finding } from '../checks/types';

/** Files above this size are not analysed: no real config is that big, and parsing one would stall the editor. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ReadResult =
  | { ok: true; text: string }
  | { ok: false; reason: string };

/**
 * Reads a config file for analysis, refusing what would hang or mislead:
 * files over 5 MB, binary files (a NUL byte in the first 8 KB), and
 * unreadable paths. Invalid UTF-8 is decoded with U+FFFD so the rest of the
 * file is still checked (file/encoding reports it).
 */
export async function readConfFile(file: string): Promise<ReadResult> {
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, reason: `larger than 5 MB (${stat.size} bytes)` };
    const bytes = await fs.promises.readFile(file);
    if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
    return { ok: true, text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes) };
  } catch (error) {
    return { ok: false, reason: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
}

export interface ScannedFile {
  path: string;
  kind: ConfKind;
}

/**
 * Finds every config file under a folder, sorted, at most `maxFiles`.
 * Dot-folders and node_modules are skipped: they hold tooling, not machines.
 */
export async function scanFolder(dir: string, maxFiles: number): Promise<{ files: ScannedFile[]; truncated: number }> {
  const found = await glob(CONF_GLOBS, {
    cwd: dir,
    absolute: true,
    onlyFiles: true,
    dot: false,
    followSymbolicLinks: false,
    ignore: ['**/node_modules/**', '**/.git/**'],
  });
  const files: ScannedFile[] = [];
  for (const p of found.sort()) {
    const kind = kindOfPath(p);
    if (kind) files.push({ path: path.normalize(p), kind });
  }
  const truncated = Math.max(0, files.length - maxFiles);
  return { files: files.slice(0, maxFiles), truncated };
}

/** The finding that stands for a file readConfFile refused, so the server and the CLI report it alike. */
export function skippedFinding(uri: string, reason: string): Finding {
  const start = { line: 0, character: 0 };
  return { code: 'file/skipped', uri, range: { start, end: start }, message: `Not analysed: ${reason}.` };
}
