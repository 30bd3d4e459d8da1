import type { ParsedDocument, PfDocument } from '../model/document';
import { SharedParses } from './shared-parses';
import { IncludeIndex } from './include-index';
import { ClusterIndex } from './cluster-index';
import { AddressIndex } from './address-index';
import type { AddressHolder } from '../model/node-addresses';
import { ManifestIndex, type ManifestChange } from './manifest-index';
import type { Manifest } from '../model/manifest';
import type { Finding } from '../checks/types';
import type { Settings } from '../settings';
import type { Cluster, VhidMember } from '../model/cluster';
import type { ConfKind } from '../model/kinds';
import { nodeRootOf, usesRootLayout } from '../model/node';
import type { NodeFiles, WorkspaceView } from '../model/workspace-view';

/** Rank of a file within its kind, following FreeBSD's load order (lower loads first). */
function loadRank(uri: string): number {
  if (/\/defaults\/rc\.conf$/.test(uri)) return 0;
  if (/\/defaults\/vendor\.conf$/.test(uri)) return 1;
  if (/\/(rc|loader|sysctl)\.conf$/.test(uri)) return 2;
  if (/\.conf\.local$/.test(uri)) return 3;
  if (/\/usr\/local\/etc\//.test(uri)) return 5;
  return 4; // rc.conf.d/, loader.conf.d/, sysctl.kld.d/
}

/** Edits `Workspace.editedSince` can report (a reader further behind looks at every file). */
const EDIT_LOG_LENGTH = 256;

/**
 * The workspace index: uri → parsed document, grouped into nodes. Parsing is
 * cached per file and redone only when that file's text changes, so a
 * keystroke re-parses one file however large the cluster is. One version
 * number grows with every change; what models cache is keyed by it.
 */
export class Workspace implements WorkspaceView {
  private readonly docs = new Map<string, ParsedDocument>();
  /** One parse per text, shared by the files that hold it. */
  private readonly parses = new SharedParses();
  /** node root → member URIs; changes only when files are added or removed. */
  private readonly members = new Map<string, Set<string>>();
  /** node root → built NodeFiles; dropped when one of its files changes. */
  private readonly nodeCache = new Map<string, NodeFiles>();
  /** Grows with every change (edit, file added or removed). */
  private generation = 0;
  /** The generation at which files last came, went or changed kind. */
  private filesGeneration = 0;
  /** The last edits, as (version after the edit, URI); at most EDIT_LOG_LENGTH. */
  private editLog: { version: number; uri: string }[] = [];
  /** Every edit after this version is in `editLog`. */
  private editLogFrom = 0;
  private readonly includes = new IncludeIndex(this);
  private readonly carpIndex = new ClusterIndex(this);
  private readonly addressIndex = new AddressIndex(this);
  /** The freebsd-conf.json files: node names, files placed in nodes, folders read whole. */
  private readonly manifests = new ManifestIndex(this);
  /** Files a config names that were not read because they resolve outside the read roots, with the reason. */
  private readonly refused = new Map<string, string>();

  /** Adds or updates a file; returns the cached parse when the text is unchanged. */
  set(uri: string, kind: ConfKind, text: string): ParsedDocument {
    const existing = this.docs.get(uri);
    if (existing && existing.kind === kind && existing.text === text) return existing;
    const doc = this.parses.parse(uri, kind, text);
    if (existing) this.parses.release(existing);
    this.generation++;
    if (!existing || existing.kind !== kind) this.filesGeneration = this.generation;
    else this.logEdit(uri);
    this.docs.set(uri, doc);
    this.refused.delete(uri);
    const root = this.rootOf(uri);
    const set = this.members.get(root) ?? new Set<string>();
    set.add(uri);
    this.members.set(root, set);
    this.nodeCache.delete(root);
    return doc;
  }

  remove(uri: string): boolean {
    const doc = this.docs.get(uri);
    if (!doc) return false;
    this.docs.delete(uri);
    this.parses.release(doc);
    this.generation++;
    this.filesGeneration = this.generation;
    const root = this.rootOf(uri);
    const set = this.members.get(root);
    set?.delete(uri);
    if (set && set.size === 0) this.members.delete(root);
    this.nodeCache.delete(root);
    return true;
  }

  get(uri: string): ParsedDocument | undefined {
    return this.docs.get(uri);
  }

  /**
   * Records that the file at `uri` was not read because it resolves outside
   * the read roots; true when that was not known yet.
   */
  refuseRead(uri: string, reason: string): boolean {
    if (this.refused.get(uri) === reason) return false;
    this.refused.set(uri, reason);
    return true;
  }

  refusedRead(uri: string): string | undefined {
    return this.refused.get(uri);
  }

  /** The read roots changed: what was refused may be readable now, and the other way round. */
  forgetRefusals(): void {
    this.refused.clear();
  }

  version(): number {
    return this.generation;
  }

  filesChangedSince(version: number): boolean {
    return this.filesGeneration > version;
  }

  editedSince(version: number): readonly string[] | undefined {
    if (version < this.editLogFrom || version > this.generation) return undefined;
    const out: string[] = [];
    for (const e of this.editLog) if (e.version > version) out.push(e.uri);
    return out;
  }

  includersOf(uri: string): PfDocument[] {
    return this.includes.includersOf(uri);
  }

  clusterOf(uri: string): Cluster | undefined {
    return this.carpIndex.clusterOf(uri);
  }

  clusters(): Cluster[] {
    return this.carpIndex.allClusters();
  }

  vhidsOnSegment(segment: string): VhidMember[] {
    return this.carpIndex.membersOnSegment(segment);
  }

  addressHolders(address: string): readonly AddressHolder[] {
    return this.addressIndex.holders(address);
  }

  /** Roots of the other nodes sharing an address with the node of `uri` (a real one on at least one side): their findings depend on it. */
  addressPeersOf(uri: string): string[] {
    return this.addressIndex.peersOf(uri);
  }

  private logEdit(uri: string): void {
    if (this.editLog.length === EDIT_LOG_LENGTH) this.editLogFrom = this.editLog.shift()!.version;
    this.editLog.push({ version: this.generation, uri });
  }

  documents(): Iterable<ParsedDocument> {
    return this.docs.values();
  }

  get size(): number {
    return this.docs.size;
  }

  nodeOf(uri: string): NodeFiles {
    return this.nodeAt(this.rootOf(uri), uri);
  }

  *nodes(): Iterable<NodeFiles> {
    for (const root of this.members.keys()) yield this.nodeAt(root);
  }

  /** The node whose folder is `root` (empty when no file lives there). */
  nodeAt(root: string, fallbackUri?: string): NodeFiles {
    const cached = this.nodeCache.get(root);
    if (cached) return cached;
    const node = this.buildNode(root, [...(this.members.get(root) ?? (fallbackUri ? [fallbackUri] : []))]);
    if (this.members.has(root)) this.nodeCache.set(root, node);
    return node;
  }

  private buildNode(root: string, uris: string[]): NodeFiles {
    const byKind: NodeFiles['byKind'] = { rc: [], loader: [], sysctl: [], pf: [] };
    for (const uri of uris) {
      const doc = this.docs.get(uri);
      if (doc) byKind[doc.kind].push(doc);
    }
    // Files a manifest lists are read in its order, after the node's own main file and before the .local ones.
    const listed = this.manifests.placement.files;
    const rank = (uri: string): number => (listed.has(uri) ? 2 : loadRank(uri));
    const order = (uri: string): number => listed.get(uri)?.order ?? 0;
    for (const list of Object.values(byKind)) {
      list.sort((a, b) => rank(a.uri) - rank(b.uri) || order(a.uri) - order(b.uri) || a.uri.localeCompare(b.uri));
    }
    const name = this.manifests.placement.names.get(root);
    return { root, rootLayout: usesRootLayout(uris), byKind, ...(name === undefined ? {} : { name }) };
  }

  /** The node a file belongs to: the one a manifest lists it for, else the one its path tells. */
  private rootOf(uri: string): string {
    return this.manifests.placement.files.get(uri)?.root ?? nodeRootOf(uri);
  }

  /** The kind a manifest lists a file as (for files whose name does not tell). */
  listedKind(uri: string): ConfKind | undefined {
    return this.manifests.placement.files.get(uri)?.kind;
  }

  /** Files the manifests list, with their kind: the loader reads those the scan did not find. */
  listedFiles(): [string, ConfKind][] {
    return [...this.manifests.placement.files].map(([uri, f]) => [uri, f.kind]);
  }

  /**
   * Sets the text of a freebsd-conf.json. When it moves files between nodes
   * or renames one, the nodes are regrouped; when it says anything else
   * new, every model derived from the workspace is rebuilt (the version
   * moves as if files came and went), since names and intentions show in
   * cross-node findings.
   */
  setManifest(uri: string, text: string): ManifestChange {
    return this.afterManifest(this.manifests.set(uri, text));
  }

  removeManifest(uri: string): ManifestChange {
    return this.afterManifest(this.manifests.remove(uri));
  }

  hasManifest(uri: string): boolean {
    return this.manifests.has(uri);
  }

  manifestUris(): string[] {
    return this.manifests.uris();
  }

  /** A manifest's text as last set (to copy the workspace, as tests applying a fix do). */
  manifestText(uri: string): string | undefined {
    return this.manifests.text(uri);
  }

  manifest(): Manifest | undefined {
    return this.manifests.manifest();
  }

  /** The problems of one manifest file (parse, conflicts, names matching no node). */
  manifestFindings(uri: string): Finding[] {
    return this.manifests.findings(uri);
  }

  /** The severities the manifest covering `uri` sets (the settings override them; see lsp and cli). */
  manifestSeverity(uri: string): Settings['severity'] | undefined {
    return this.manifests.severityFor(uri);
  }

  /** Records that every config file under `folder` was read (a scan that was not cut short by maxFiles). */
  markReadWhole(folder: string, whole: boolean): void {
    if (whole) this.manifests.markWhole(folder);
    else this.manifests.forgetWhole(folder);
  }

  inWholeFolder(uri: string): boolean {
    return this.manifests.inWholeFolder(uri);
  }

  wholeFolders(): string[] {
    return this.manifests.wholeFolders();
  }

  private afterManifest(change: ManifestChange): ManifestChange {
    if (change.placement) {
      this.members.clear();
      for (const uri of this.docs.keys()) {
        const root = this.rootOf(uri);
        const set = this.members.get(root) ?? new Set<string>();
        set.add(uri);
        this.members.set(root, set);
      }
    }
    if (change.content) {
      this.nodeCache.clear();
      this.generation++;
      this.filesGeneration = this.generation;
    }
    return change;
  }
}
