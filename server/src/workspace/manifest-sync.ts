import * as path from 'node:path';
import type { Workspace } from './workspace';
import type { WorkspaceLoader } from './loader';
import type { ManifestChange } from './manifest-index';
import type { Finding } from '../checks/types';
import { MANIFEST_FILE } from '../model/manifest';
import { kindOfPath } from '../model/kinds';
import { fsPathToUri, uriToFsPath } from './uri-path';

/** What the language server does with what the manifests change. */
export interface ManifestSyncHooks {
  publish(uri: string, findings: Finding[]): void;
  /** Everything must be checked and published again (names, placements or severities changed). */
  recheckAll(): void;
  /** A file leaves the index (a listed file the manifest no longer lists); its diagnostics are cleared. */
  forget(uri: string): void;
  isOpen(uri: string): boolean;
  log(message: string): void;
}

/** How long edits to a manifest settle before the whole workspace is checked again. */
const RECHECK_DELAY_MS = 150;

/**
 * Keeps the language server's freebsd-conf.json files in step with the
 * editor and the disk: the one at the root of each workspace folder is
 * read with the scan (WorkspaceLoader), then re-read when its buffer
 * changes, when it is closed and when the file watcher reports it. Its own
 * diagnostics are published at once; when what it says changed, the files
 * it now lists are read, those it no longer lists leave, and the whole
 * workspace is checked again once the edits settle.
 */
export class ManifestSync {
  private homes = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly workspace: Workspace,
    private readonly loader: WorkspaceLoader,
    private readonly hooks: ManifestSyncHooks,
  ) {}

  /** The workspace folders (local paths): a manifest is read at the root of each, nowhere else. */
  setFolders(folders: readonly string[]): void {
    this.homes = new Set(folders.map((f) => fsPathToUri(path.join(path.resolve(f), MANIFEST_FILE))));
  }

  isManifest(uri: string): boolean {
    return this.homes.has(uri);
  }

  removeFolder(folderUri: string): void {
    const folder = folderUri.replace(/\/+$/, '');
    const uri = `${folder}/${MANIFEST_FILE}`;
    this.homes.delete(uri);
    this.workspace.markReadWhole(folder, false);
    if (!this.workspace.hasManifest(uri)) return;
    this.workspace.removeManifest(uri);
    this.hooks.publish(uri, []);
  }

  /** The editor's buffer of a manifest changed. */
  edited(uri: string, text: string): void {
    this.settle(uri, this.workspace.setManifest(uri, text));
  }

  /** The disk holds the truth again (the buffer closed, the watcher saw a change). */
  async reload(uri: string): Promise<void> {
    const file = uriToFsPath(uri);
    if (file === undefined) return;
    this.settle(uri, await this.loader.loadManifest(path.dirname(file), (u) => this.hooks.isOpen(u)));
  }

  publishAll(): void {
    for (const uri of this.workspace.manifestUris()) this.hooks.publish(uri, this.workspace.manifestFindings(uri));
  }

  private settle(uri: string, change: ManifestChange | undefined): void {
    this.hooks.publish(uri, this.workspace.hasManifest(uri) ? this.workspace.manifestFindings(uri) : []);
    if (!change?.content) return;
    if (change.placement) this.dropUnlisted();
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.loader.loadListed((u) => this.hooks.isOpen(u)).then(
        () => this.hooks.recheckAll(),
        (error: unknown) => this.hooks.log(`reading the files freebsd-conf.json lists failed: ${String(error)}`),
      );
    }, RECHECK_DELAY_MS);
  }

  /** Files read only because a manifest listed them (their names tell no kind), which none lists now. */
  private dropUnlisted(): void {
    const listed = new Set(this.workspace.listedFiles().map(([uri]) => uri));
    for (const doc of [...this.workspace.documents()]) {
      const uri = doc.uri;
      if (listed.has(uri) || kindOfPath(uri) || this.hooks.isOpen(uri) || this.workspace.includersOf(uri).length > 0) continue;
      this.hooks.forget(uri);
    }
  }
}
