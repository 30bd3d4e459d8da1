import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { kindOfPath, type ConfKind } from '../model/kinds';
import type { Finding } from '../checks/types';
import type { ReadRoots } from './read-roots';

/** Files above this size are not analysed: no real config is that big, and parsing one would stall the editor. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ReadResult =
  | { ok: true; text: string }
  /**
   * `missing`: the path does not exist or cannot be read (nothing to report on);
   * `outside`: it resolves outside the read roots and was not opened;
   * `unsuitable`: it exists but is not analysed (binary, too large, not a regular file).
   */
  | { ok: false; problem: 'missing' | 'outside' | 'unsuitable'; reason: string };

/**
 * Reads a config file for analysis, refusing what would leak, hang or
 * mislead: files that resolve outside the read roots, anything that is not
 * a regular file (a FIFO would block the read forever), files over 5 MB,
 * binary files (a NUL byte in the first 8 KB), and unreadable paths.
 * Invalid UTF-8 is decoded with U+FFFD so the rest of the file is still
 * checked (file/encoding reports it).
 */
export async function readConfFile(file: string, roots: ReadRoots, walked = false): Promise<ReadResult> {
  return readConfFileNow(file, roots, walked);
}

/**
 * readConfFile, synchronously. Reading a config file takes microseconds;
 * through the thread pool, one promise per open, stat, read and close, a
 * 1,000-node scan spent most of its time waiting (a CPU profile of the CLI:
 * 2.8 of 8.5 s idle). Callers that read many files yield to the event loop
 * between batches instead (see Breather).
 */
export function readConfFileNow(file: string, roots: ReadRoots, walked = false): ReadResult {
  let target = file;
  if (!walked) {
    const where = roots.containNow(file);
    if (!where.inside) return { ok: false, problem: where.missing ? 'missing' : 'outside', reason: where.reason };
    // The resolved path is what was vetted, so that is what is opened.
    target = where.real;
  }
  let fd: number | undefined;
  try {
    // Non-blocking, so a FIFO swapped in meanwhile cannot hang the open; a
    // walked file is opened without following a link swapped in for it.
    fd = fs.openSync(target, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (walked ? fs.constants.O_NOFOLLOW : 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, problem: 'unsuitable', reason: `not a regular file (${fileType(stat)})` };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, problem: 'unsuitable', reason: `larger than 5 MB (${stat.size} bytes)` };
    const bytes = readAll(fd, stat.size);
    if (bytes.subarray(0, 8192).includes(0)) return { ok: false, problem: 'unsuitable', reason: 'binary file (contains NUL bytes)' };
    return { ok: true, text: UTF8.decode(bytes) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // O_NOFOLLOW on a link (one appeared after the walk): refused, as any link leading out would be.
    if (walked && code === 'ELOOP') return { ok: false, problem: 'outside', reason: 'a symbolic link appeared while the folder was read' };
    return { ok: false, problem: 'missing', reason: code ?? String(error) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Keeps a BOM in the text (offsets match the file) and replaces bad bytes; stateless between calls. */
const UTF8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * The `size` bytes fstat gave, read from `fd` (fewer if the file shrank
 * meanwhile). readFileSync(fd) would ask fstat again for the size: one more
 * system call per file, a thousand nodes' worth of them on every scan.
 */
function readAll(fd: number, size: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let done = 0;
  while (done < size) {
    const n = fs.readSync(fd, buffer, done, size - done, null);
    if (n === 0) break;
    done += n;
  }
  return done === size ? buffer : buffer.subarray(0, done);
}

/**
 * Lets the event loop run every `every` calls: work done in synchronous
 * steps (reading files, walking folders) stays out of the way of edits that
 * arrive meanwhile, at the cost of one setImmediate per batch.
 */
export function breather(every = 64): () => Promise<void> {
  let count = 0;
  return () => (++count % every === 0 ? new Promise<void>((resolve) => setImmediate(resolve)) : Promise.resolve());
}

/** What kind of file system object a path is, for "not a regular file" messages. */
function fileType(stat: fs.Stats | fs.Dirent): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a file';
}

export interface ScannedFile {
  path: string;
  kind: ConfKind;
  /**
   * False for a regular file the walk reached through real folders only (it
   * follows no link to a folder), so it lies inside the walked folder by
   * construction and needs no realpath; true for a symbolic link, which
   * readConfFile resolves and vets.
   */
  linked: boolean;
}

export interface ScanResult {
  /** Config files to read, sorted, at most `maxFiles`. */
  files: ScannedFile[];
  /** Entries named like a config file that are not files (a folder called rc.conf, a FIFO), with the reason. */
  skipped: { path: string; reason: string }[];
  /** Config files left out because there were more than `maxFiles`. */
  truncated: number;
}

/** Whether a path, relative to the scanned folder with `/` separators, is left out (VS Code's `files.exclude`). */
export type Excluded = (relative: string) => boolean;

/**
 * An Excluded from glob patterns as VS Code's `files.exclude` holds them
 * (`{"**\/.git": true, "**\/build": false}`), matched with picomatch, the
 * matcher most glob tools use. Entries set to anything but `true` (false, or
 * a `when` clause that needs sibling files) are left alone.
 */
export function excludedBy(patterns: unknown): Excluded {
  if (typeof patterns !== 'object' || patterns === null) return () => false;
  const globs = Object.entries(patterns as Record<string, unknown>).filter(([, on]) => on === true).map(([glob]) => glob);
  if (globs.length === 0) return () => false;
  const match = picomatch(globs, { dot: true });
  return (relative) => match(relative);
}

/** Folders that hold tooling, not machines. */
const SKIPPED_FOLDERS = new Set(['node_modules']);

/**
 * Finds every config file under a folder. Dot-folders and node_modules are
 * skipped. Symbolic links to folders are not followed: what they lead to
 * inside the roots is reached by its own path (so nothing is indexed twice
 * and a link loop cannot trap the walk), and what lies outside may not be
 * read at all. A symbolic link named like a config file is listed, and
 * readConfFile decides where it leads. Anything else named like a config
 * file (a folder, a FIFO, a socket) is reported, never passed over in
 * silence. (A glob library would do the matching, but tinyglobby/fdir drop
 * FIFOs and sockets without a word.)
 */
export async function scanFolder(dir: string, maxFiles: number, excluded: Excluded = () => false): Promise<ScanResult> {
  const files: ScannedFile[] = [];
  const skipped: ScanResult['skipped'] = [];
  const top = path.normalize(dir);
  const breathe = breather();
  // `relative` is the folder's path below `top` with `/` separators (what `excluded` matches), built along the walk.
  const walk = async (folder: string, relative: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      await breathe();
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // unreadable or vanished meanwhile: nothing under it can be checked
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      const entryRelative = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (excluded(entryRelative)) continue;
      const kind = kindOfPath(full);
      if (entry.isDirectory()) {
        if (kind && !isServiceFolder(full)) skipped.push({ path: full, reason: 'not a regular file (a directory)' });
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) await walk(full, entryRelative);
      } else if (kind && (entry.isFile() || entry.isSymbolicLink())) {
        files.push({ path: full, kind, linked: entry.isSymbolicLink() });
      } else if (kind) {
        skipped.push({ path: full, reason: `not a regular file (${fileType(entry)})` });
      }
    }
  };
  await walk(top, '');
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const truncated = Math.max(0, files.length - maxFiles);
  return { files: files.slice(0, maxFiles), skipped, truncated };
}

/** `etc/rc.conf.d/<service>/`: a folder rc.subr reads file by file, not a misplaced file. */
function isServiceFolder(full: string): boolean {
  return path.basename(path.dirname(full)) === 'rc.conf.d';
}

/** The finding that stands for a file readConfFile refused, so the server and the CLI report it alike. */
export function skippedFinding(uri: string, reason: string): Finding {
  const start = { line: 0, character: 0 };
  return { code: 'file/skipped', uri, range: { start, end: start }, message: `Not analysed: ${reason}.` };
}
