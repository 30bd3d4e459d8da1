import type { Diagnostic } from 'vscode-languageserver-types';
import { Workspace } from '../workspace/workspace';
import { skippedFinding, MAX_FILE_BYTES } from '../workspace/scan';
import { kindOfLanguageId, kindOfPath, type ConfKind } from '../model/kinds';
import { clustersAround, findingsFor } from '../checks/registry';
import { rootsAroundCluster } from '../checks/vhid-group-common';
import type { ParsedDocument } from '../model/document';
import { DEFAULT_SETTINGS, withManifestSeverity, type Settings } from '../settings';
import type { WorkspaceStatus } from '../protocol';
import { toDiagnostics } from './convert';
import { WorkspaceLoader } from '../workspace/loader';
import { releasePfTrees } from '../model/pf-ruleset';
import { nodeRuleset } from '../model/pf-node-ruleset';
import { ReadRoots } from '../workspace/read-roots';
import { uriToFsPath } from '../workspace/uri-path';
import type { Excluded } from '../workspace/scan';
import { ManifestSync } from '../workspace/manifest-sync';

export interface ServiceHooks {
  publish(uri: string, diagnostics: Diagnostic[]): void;
  log(message: string): void;
  docsUrl: string;
  /** Whether the client shows relatedInformation (read at publish time: known only after initialize). */
  relatedSupport: () => boolean;
  /** The index changed (`scan`: a workspace scan finished), after its diagnostics were published: the topology notifier looks. */
  changed?(after: 'scan' | 'edit'): void;
}

/** How far a workspace scan has come, for the editor's progress display. */
export interface ScanProgress {
  report(message: string, percentage?: number): void;
}

/** What a scan needs besides the folders. */
export interface ScanOptions {
  /** Paths to leave out, relative to each folder (VS Code's `files.exclude`). */
  excluded?: (folderUri: string) => Excluded | undefined;
  progress?: ScanProgress;
}

/**
 * Files checked between two yields to the event loop during a workspace-wide
 * check, so an edit that arrives meanwhile is handled within a few
 * milliseconds instead of waiting for the whole workspace (1,000 nodes:
 * about a second of checks).
 */
const SLICE = 25;

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The nodes and ruleset files a change may alter findings on (see AnalysisService.around). */
interface Around {
  roots: string[];
  rulesets: string[];
}

/**
 * Keeps the workspace index in step with the editor and the disk, and decides
 * which files to re-check. Open documents win over disk contents. Files that
 * are not open still get diagnostics, because a mistake in fw2's rc.conf
 * matters while you edit fw1's.
 */

export class AnalysisService {
  readonly workspace = new Workspace();
  settings: Settings = DEFAULT_SETTINGS;
  private readonly open = new Set<string>();
  private readonly skipped = new Map<string, string>();
  private overCap = 0;
  private scanned = false;
  private readonly loader = new WorkspaceLoader(this.workspace, { skipped: (uri, reason) => this.skip(uri, reason), read: (uri) => this.skipped.delete(uri) });

  /** freebsd-conf.json at the root of each workspace folder: read, watched, edited, published. */
  private readonly manifests = new ManifestSync(this.workspace, this.loader, {
    publish: (uri, findings) => this.hooks.publish(uri, toDiagnostics(findings, this.settingsFor(uri), this.hooks.docsUrl, this.hooks.relatedSupport())),
    recheckAll: () => this.publishAll(),
    forget: (uri) => {
      this.forget(uri);
      this.hooks.publish(uri, []);
    },
    isOpen: (uri) => this.open.has(uri),
    log: (message) => this.hooks.log(message),
  });

  constructor(private readonly hooks: ServiceHooks) {}

  /** Scans the workspace folders, indexes every config file and publishes all diagnostics. */
  async scan(folderUris: readonly string[], options: ScanOptions = {}): Promise<WorkspaceStatus> {
    let budget = this.settings.maxFiles;
    this.overCap = 0;
    const folders: { uri: string; path: string }[] = [];
    for (const uri of folderUris) {
      const folder = uriToFsPath(uri);
      if (folder === undefined) this.hooks.log(`workspace folder ${uri} is not a local folder: not scanned (its open files are still checked).`);
      else folders.push({ uri, path: folder });
    }
    // The workspace folders are the only places on disk the analysis reads.
    this.loader.roots = await ReadRoots.of(folders.map((f) => f.path));
    this.workspace.forgetRefusals();
    this.manifests.setFolders(folders.map((f) => f.path));
    for (const [i, folder] of folders.entries()) {
      options.progress?.report(`reading ${folders.length > 1 ? `folder ${i + 1} of ${folders.length}` : 'the workspace'}`);
      const { files, truncated } = await this.loader.loadFolder(folder.path, budget, (uri) => this.open.has(uri), options.excluded?.(folder.uri));
      this.overCap += truncated;
      budget -= files;
      if (budget <= 0) break;
    }
    if (this.overCap > 0) this.hooks.log(`${this.overCap} config files not analysed: over freebsdConf.maxFiles (${this.settings.maxFiles}).`);
    await this.publishAllInSlices(options.progress);
    this.scanned = true;
    this.hooks.changed?.('scan');
    return this.status();
  }

  /** A workspace folder was removed: its files leave the index and their diagnostics are cleared. */
  removeFolder(folderUri: string): void {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    for (const doc of [...this.workspace.documents()]) {
      if (!doc.uri.startsWith(prefix) || this.open.has(doc.uri)) continue;
      this.forget(doc.uri);
      this.hooks.publish(doc.uri, []);
    }
    this.manifests.removeFolder(folderUri);
    for (const uri of [...this.skipped.keys()]) {
      if (uri.startsWith(prefix)) {
        this.skipped.delete(uri);
        this.hooks.publish(uri, []);
      }
    }
    this.hooks.changed?.('edit');
  }

  status(): WorkspaceStatus {
    const skipped = [...this.skipped].map(([uri, reason]) => ({ uri, reason }));
    return { files: this.workspace.size, nodes: [...this.workspace.nodes()].length, skipped, overCap: this.overCap, scanned: this.scanned };
  }

  /** An editor buffer opened or changed. */
  openOrChange(uri: string, languageId: string | undefined, text: string): void {
    if (this.manifests.isManifest(uri)) {
      this.open.add(uri);
      this.manifests.edited(uri, text);
      return;
    }
    // A file freebsd-conf.json lists has the kind listed, whatever its name or language.
    const kind = this.workspace.listedKind(uri) ?? ((languageId && kindOfLanguageId(languageId)) || kindOfPath(uri));
    if (!kind) return;
    this.open.add(uri);
    if (text.length > MAX_FILE_BYTES) {
      this.skip(uri, 'larger than 5 MB');
      return;
    }
    this.skipped.delete(uri);
    const before = this.around(uri);
    this.workspace.set(uri, kind, text);
    if (kind === 'pf') {
      void this.loader.followIncludes(uri).then(
        (found) => (found.added.length > 0 || found.refused.length > 0) && this.publishAround(uri, before),
        (error: unknown) => this.hooks.log(`reading the files ${uri} includes failed: ${String(error)}`),
      );
    }
    this.publishAround(uri, before);
  }

  /** The buffer closed: the disk contents become the truth again. */
  async close(uri: string): Promise<void> {
    this.open.delete(uri);
    if (this.manifests.isManifest(uri)) return this.manifests.reload(uri);
    // Included pf files have free-form names: the kind they were indexed with counts.
    const kind = this.workspace.get(uri)?.kind ?? kindOfPath(uri);
    const before = this.around(uri);
    if (kind && this.onDisk(uri)) await this.loadFromDisk(uri, kind);
    else this.forget(uri);
    this.publishAround(uri, before);
    const doc = this.workspace.get(uri);
    if (doc) this.releaseClosedTrees([doc]);
  }

  /** A watched file changed on disk (not through an open buffer). */
  async diskChanged(uri: string, deleted: boolean): Promise<void> {
    if (this.open.has(uri)) return;
    if (this.manifests.isManifest(uri)) return this.manifests.reload(uri);
    const kind = this.workspace.get(uri)?.kind ?? kindOfPath(uri);
    if (!kind && deleted) return this.folderDeleted(uri);
    if (!kind || !this.onDisk(uri)) return;
    const before = this.around(uri);
    if (deleted) this.forget(uri);
    else await this.loadFromDisk(uri, kind);
    this.publishAround(uri, before);
  }

  get(uri: string): ParsedDocument | undefined {
    return this.workspace.get(uri);
  }

  publishAll(): void {
    for (const doc of this.workspace.documents()) this.publishOne(doc);
    for (const [uri, reason] of this.skipped) this.publishSkipped(uri, reason);
    this.manifests.publishAll();
    this.releaseClosedTrees(this.workspace.documents());
  }

  /**
   * Checks and publishes every file, the open ones first (what the user is
   * looking at), yielding to the event loop every SLICE files so edits are
   * not held up by the rest of the workspace.
   */
  private async publishAllInSlices(progress?: ScanProgress): Promise<void> {
    const docs = [...this.workspace.documents()].sort((a, b) => Number(this.open.has(b.uri)) - Number(this.open.has(a.uri)));
    for (let i = 0; i < docs.length; i++) {
      // A file edited or closed meanwhile was published by that event; only what is still indexed is checked.
      const doc = this.workspace.get(docs[i].uri);
      if (doc) {
        this.publishOne(doc);
        if (doc.kind === 'pf' && !this.open.has(doc.uri)) releasePfTrees(doc);
      }
      if ((i + 1) % SLICE === 0) {
        progress?.report(`checking ${i + 1} of ${docs.length} files`, Math.floor(((i + 1) * 100) / docs.length));
        await yieldToEvents();
      }
    }
    for (const [uri, reason] of this.skipped) this.publishSkipped(uri, reason);
    this.manifests.publishAll();
  }

  /**
   * What a change to a file can alter findings on: the nodes of the CARP
   * clusters around it (its own at least) and the nodes with a vhid on those
   * clusters' segments (a vhid collision or a lone vhid is reported on groups
   * of other clusters too), and the ruleset files those nodes load (pf_rules
   * and its includes, wherever they are kept).
   */
  private around(uri: string): Around {
    const doc = this.workspace.get(uri);
    const clusters = doc ? clustersAround(this.workspace, doc) : [];
    // The nodes sharing one of its addresses too (a real address on either side): net/duplicate-address and
    // carp/vip-conflicts-host-address compare across the whole workspace, clusters or not.
    const peers = doc ? this.workspace.addressPeersOf(uri) : [];
    const roots = [...new Set([this.workspace.nodeOf(uri).root, ...clusters.flatMap((c) => rootsAroundCluster(this.workspace, c)), ...peers])];
    const rulesets = roots.flatMap((root) => (nodeRuleset(this.workspace, this.workspace.nodeAt(root))?.unit.files ?? []).map((f) => f.uri));
    return { roots, rulesets };
  }

  /**
   * Re-checks every file of the changed file's node (node-level checks read
   * its siblings), of every node of its CARP cluster or with a vhid on the
   * cluster's segments, and of the rulesets they load, before and after the
   * change (cross-node findings land on the peers' files, and a node that
   * left the cluster or the segment, or stopped loading a ruleset, must lose
   * them), open or not.
   */
  private publishAround(uri: string, before: Around): void {
    const now = this.around(uri);
    const done = new Set<string>();
    const publish = (doc: ParsedDocument | undefined): void => {
      if (!doc || done.has(doc.uri)) return;
      done.add(doc.uri);
      this.publishOne(doc);
    };
    for (const root of new Set([...before.roots, ...now.roots])) {
      const node = this.workspace.nodeAt(root);
      for (const list of Object.values(node.byKind)) for (const doc of list) publish(doc);
    }
    for (const u of new Set([...before.rulesets, ...now.rulesets])) publish(this.workspace.get(u));
    if (!this.workspace.get(uri) && !this.skipped.has(uri)) this.hooks.publish(uri, []);
    this.hooks.changed?.('edit');
  }

  /**
   * After a workspace-wide check (and for a file just closed), pf files not
   * open in an editor go back to their compact parse: across a large
   * workspace their statement trees would otherwise stay in memory for
   * nothing. Not after a node's re-check: that runs on every keystroke, and
   * the node's closed files would be rebuilt each time.
   */
  private releaseClosedTrees(docs: Iterable<ParsedDocument>): void {
    for (const doc of docs) if (doc.kind === 'pf' && !this.open.has(doc.uri)) releasePfTrees(doc);
  }

  private publishOne(doc: ParsedDocument): void {
    const findings = findingsFor(doc, this.workspace, (check, error) => this.hooks.log(`check ${check.code} failed on ${doc.uri}: ${String(error)}`));
    this.hooks.publish(doc.uri, toDiagnostics(findings, this.settingsFor(doc.uri), this.hooks.docsUrl, this.hooks.relatedSupport()));
  }

  private publishSkipped(uri: string, reason: string): void {
    this.hooks.publish(uri, toDiagnostics([skippedFinding(uri, reason)], this.settingsFor(uri), this.hooks.docsUrl));
  }

  /** The user's settings, with the severities of the freebsd-conf.json covering `uri` for the codes they leave unset. */
  private settingsFor(uri: string): Settings {
    return withManifestSeverity(this.settings, this.workspace.manifestSeverity(uri));
  }

  /**
   * Whether the disk holds the truth for a file once it is not open: only
   * for a local path inside a workspace folder. Anything else (an untitled
   * buffer, a file opened from elsewhere, a URI with no local path) leaves
   * the index when it closes.
   */
  private onDisk(uri: string): boolean {
    const file = uriToFsPath(uri);
    return file !== undefined && this.loader.roots.covers(file);
  }

  private async loadFromDisk(uri: string, kind: ConfKind): Promise<void> {
    const read = await this.loader.reload(uri, kind);
    if (read === undefined || (!read.ok && read.problem === 'missing')) this.forget(uri); // gone or unreadable: nothing to report on
  }

  private skip(uri: string, reason: string): void {
    this.workspace.remove(uri);
    this.skipped.set(uri, reason);
    this.hooks.log(`skipped ${uri}: ${reason}`);
    this.publishSkipped(uri, reason);
  }

  /**
   * A deleted path that names no config file may be a folder (`rm -r fw3`):
   * the file watcher then reports the folder alone, not each file in it.
   * Every file indexed (or skipped) below it that no editor holds open is
   * read again: one that is gone is forgotten and its diagnostics cleared,
   * and the nodes it was compared with are re-checked. (Reading rather than
   * assuming keeps a folder that was put back meanwhile, as a git checkout does.)
   */
  private async folderDeleted(folderUri: string): Promise<void> {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    const below = [...this.workspace.documents()].map((d) => d.uri).concat([...this.skipped.keys()]);
    for (const uri of new Set(below)) {
      if (!uri.startsWith(prefix) || this.open.has(uri) || !this.onDisk(uri)) continue;
      const kind = this.workspace.get(uri)?.kind ?? kindOfPath(uri);
      if (!kind) continue;
      const before = this.around(uri);
      await this.loadFromDisk(uri, kind);
      this.publishAround(uri, before);
    }
  }

  private forget(uri: string): void {
    this.workspace.remove(uri);
    this.skipped.delete(uri);
  }
}
