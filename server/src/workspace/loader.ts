import * as path from 'node:path';
import type { Workspace } from './workspace';
import type { ManifestChange } from './manifest-index';
import { MANIFEST_FILE } from '../model/manifest';
import type { ConfKind } from '../model/kinds';
import { breather, readConfFile, readConfFileNow, scanFolder, type Excluded, type ReadResult } from './scan';
import { diskIncludeReader, loadPfIncludes } from './pf-includes';
import { ReadRoots } from './read-roots';
import { fsPathToUri, uriToFsPath } from './uri-path';

/** What the loader tells its owner: the CLI prints it, the language server publishes it. */
export interface LoaderHooks {
  /** A file named like a config file was not analysed (binary, too large, not a regular file, outside the roots). */
  skipped(uri: string, reason: string): void;
  /** A file was read into the index (it may have been skipped before). */
  read?(uri: string): void;
}

/** What one folder scan found. */
export interface FolderLoad {
  /** Config files read, the files pf.conf includes counted too. */
  files: number;
  /** Config files found but left unread: over the file cap. */
  truncated: number;
  /** Found anything named like a config file at all (read, skipped or over the cap). */
  found: boolean;
}

/**
 * The one loading loop of the language server and the CLI: scanning folders,
 * reading files (never outside the read roots), following pf includes and
 * putting the texts into the workspace index. The two differ only in what
 * they do with a skipped file and in which files the editor holds open.
 */
export class WorkspaceLoader {
  constructor(
    readonly workspace: Workspace,
    private readonly hooks: LoaderHooks,
    /** The only places on disk files are read from. */
    public roots: ReadRoots = ReadRoots.none,
  ) {}

  /**
   * Reads every config file under `dir` (at most `maxFiles`), the files
   * their pf.conf include, the freebsd-conf.json at its root and the files
   * that lists. `keep(uri)` names the files whose text is already in the
   * index and must not be replaced (open editor buffers).
   */
  async loadFolder(dir: string, maxFiles: number, keep: (uri: string) => boolean = () => false, excluded?: Excluded): Promise<FolderLoad> {
    const { files, skipped, truncated } = await scanFolder(dir, maxFiles, excluded);
    for (const entry of skipped) this.hooks.skipped(fsPathToUri(entry.path), entry.reason);
    // Read in batches, letting edits in between (see breather); the walk's sorted order is the workspace order.
    const breathe = breather();
    let read = 0;
    for (const file of files) {
      const uri = fsPathToUri(file.path);
      if (keep(uri)) continue;
      await breathe();
      const result = await this.index(file.path, file.kind, readConfFileNow(file.path, this.roots, !file.linked), uri);
      if (result.ok) read += 1 + result.included;
    }
    await this.loadManifest(dir, keep);
    const listed = await this.loadListed(keep);
    this.workspace.markReadWhole(fsPathToUri(path.resolve(dir)), truncated === 0);
    return { files: read + listed, truncated, found: files.length + skipped.length + truncated + listed > 0 };
  }

  /** Reads `<dir>/freebsd-conf.json` into the index, or drops it from there when it is gone. */
  async loadManifest(dir: string, keep: (uri: string) => boolean = () => false): Promise<ManifestChange | undefined> {
    const file = path.join(path.resolve(dir), MANIFEST_FILE);
    const uri = fsPathToUri(file);
    if (keep(uri)) return undefined;
    const result = await readConfFile(file, this.roots);
    if (result.ok) {
      this.hooks.read?.(uri);
      return this.workspace.setManifest(uri, result.text);
    }
    if (result.problem !== 'missing') this.hooks.skipped(uri, result.reason);
    return this.workspace.hasManifest(uri) ? this.workspace.removeManifest(uri) : undefined;
  }

  /** Reads the files the manifests list that the index does not hold yet, with the kind listed (their names need not tell it). */
  async loadListed(keep: (uri: string) => boolean = () => false): Promise<number> {
    let read = 0;
    for (const [uri, kind] of this.workspace.listedFiles()) {
      const file = uriToFsPath(uri);
      if (file === undefined || this.workspace.get(uri) || keep(uri)) continue;
      const result = await this.loadFile(file, kind);
      if (result.ok) read += 1 + result.included;
    }
    return read;
  }

  /**
   * Reads one file into the index (with what it includes, for a pf.conf).
   * A file that cannot be analysed goes to `skipped`; one that is missing
   * or unreadable is left to the caller (an explicit CLI path is an error,
   * a file gone from the disk simply leaves the index).
   */
  async loadFile(path: string, kind: ConfKind): Promise<ReadResult & { included: number }> {
    return this.index(path, kind, await readConfFile(path, this.roots));
  }

  /** Puts what was read into the index, or reports why it was not. */
  private async index(path: string, kind: ConfKind, result: ReadResult, uri = fsPathToUri(path)): Promise<ReadResult & { included: number }> {
    if (!result.ok) {
      if (result.problem !== 'missing') {
        this.workspace.remove(uri);
        this.hooks.skipped(uri, result.reason);
      }
      return { ...result, included: 0 };
    }
    this.workspace.set(uri, kind, result.text);
    this.hooks.read?.(uri);
    const included = kind === 'pf' ? (await this.followIncludes(uri)).added.length : 0;
    return { ...result, included };
  }

  /** Reloads the file at a URI from the disk (a buffer closed, a watched file changed). */
  async reload(uri: string, kind: ConfKind): Promise<ReadResult | undefined> {
    const path = uriToFsPath(uri);
    return path === undefined ? undefined : this.loadFile(path, kind);
  }

  /** Reads the files a pf document includes, refusing those outside the roots (file/outside-root says why). */
  followIncludes(uri: string): Promise<{ added: string[]; refused: string[] }> {
    return loadPfIncludes(this.workspace, uri, diskIncludeReader(this.roots));
  }
}
