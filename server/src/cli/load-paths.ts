import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workspace } from '../workspace/workspace';
import { skippedFinding } from '../workspace/scan';
import { WorkspaceLoader } from '../workspace/loader';
import { ReadRoots } from '../workspace/read-roots';
import { kindOfPath, type ConfKind } from '../model/kinds';
import type { Finding } from '../checks/types';
import { displayPath } from './report';
import { readCwdManifest } from '../workspace/manifest-files';
import { fsPathToUri } from '../workspace/uri-path';

/** The file kinds `--kind` accepts. */
export const KINDS: readonly ConfKind[] = ['rc', 'loader', 'sysctl', 'pf'];

export interface LoadOptions {
  cwd: string;
  /** At most this many files (the maxFiles setting). */
  maxFiles: number;
  /** `--kind`: the kind of files whose name does not tell it. */
  kind?: ConfKind;
  /** A bug while reading one PATH: reported, the others still read, and the run cannot pass. */
  internalError(what: string, error: unknown): void;
}

export interface LoadedPaths {
  ws: Workspace;
  /** A `file/skipped` finding for each file named like a config file that was not analysed (already said on stderr). */
  skipped: Finding[];
  /** PATHs that could not be read, with why: said after the results, and the exit status is 2. */
  pathErrors: string[];
  /** Config files read, included pf files counted. */
  fileCount: number;
  /**
   * Manifests read only for context: the current directory's freebsd-conf.json
   * when the PATHs are files (names, kinds, severities), not itself reported on.
   */
  contextManifests: ReadonlySet<string>;
}

/**
 * Reads the PATHs of a command line into a workspace, as every command does:
 * directories scanned, files read as given (a name that tells the kind wins
 * over `--kind`), and only inside the PATHs (ReadRoots.forCommandLine: an
 * include or a link that leads elsewhere is refused). A PATH that cannot be
 * read does not stop the others.
 */
export async function loadPaths(given: readonly string[], options: LoadOptions): Promise<LoadedPaths> {
  const { cwd, maxFiles } = options;
  const ws = new Workspace();
  const skipped: Finding[] = [];
  const pathErrors: string[] = [];
  let fileCount = 0;
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
        const load = await loader.loadFolder(p, maxFiles - fileCount);
        fileCount += load.files;
        if (!load.found) pathErrors.push(`no rc.conf, loader.conf, sysctl.conf or pf.conf found under ${p}`);
        if (load.truncated > 0) process.stderr.write(`freebsd-conf: ${p}: ${load.truncated} more config files not checked (over the maxFiles setting, ${maxFiles})\n`);
        continue;
      }
      // A name that tells the kind wins over --kind, so a list of mixed files (as pre-commit passes) keeps each its own kind.
      const kind = ws.listedKind(fsPathToUri(path.resolve(p))) ?? kindOfPath(p) ?? options.kind ?? guessKind(p);
      if (!kind) {
        pathErrors.push(`cannot tell what kind of file ${p} is; name it rc.conf, loader.conf, sysctl.conf or pf.conf, or pass --kind`);
        continue;
      }
      const read = await loader.loadFile(path.resolve(p), kind);
      if (read.ok) fileCount += 1 + read.included;
      else if (read.problem === 'missing') pathErrors.push(`${p}: cannot read (${read.reason})`);
    } catch (error) {
      options.internalError(`reading ${p}`, error);
    }
  }
  return { ws, skipped, pathErrors, fileCount, contextManifests };
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
