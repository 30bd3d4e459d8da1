import * as path from 'node:path';
import { LineIndex } from '../parsers/text';
import { parseManifest } from '../model/manifest-parse';
import { NO_PLACEMENT, placeNodes, type ManifestSource, type Placement } from '../model/manifest-placement';
import { resolveManifest, type Resolved } from '../model/manifest-resolve';
import type { ManifestProblem } from '../model/manifest-json';
import type { Manifest } from '../model/manifest';
import type { WorkspaceView } from '../model/workspace-view';
import type { Finding } from '../checks/types';
import type { Settings } from '../settings';
import { fsPathToUri, uriToFsPath } from './uri-path';

/** What a new manifest text changed. */
export interface ManifestChange {
  /** Which node a file belongs to, or a node's name, changed: the workspace regroups its nodes. */
  placement: boolean;
  /** Anything the checks or the severities read changed (positions aside): everything must be checked again. */
  content: boolean;
}

/**
 * The workspace's freebsd-conf.json files (one per workspace folder or CLI
 * PATH): their parse, what they place, their resolution against the nodes
 * (cached per workspace version), their findings, and the folders that were
 * read whole (where a missing file is missing on disk too).
 */
export class ManifestIndex {
  private readonly sources = new Map<string, ManifestSource & { contentKey: string; folder: string }>();
  private placementNow: Placement = NO_PLACEMENT;
  private resolvedAt: { version: number; resolved: Resolved } | undefined;
  private readonly whole = new Set<string>();

  constructor(private readonly view: Pick<WorkspaceView, 'nodes' | 'get'> & { version(): number }) {}

  set(uri: string, text: string): ManifestChange {
    const parsed = parseManifest(text);
    const contentKey = JSON.stringify(parsed.spec, withoutPositions);
    const before = this.sources.get(uri);
    const resolvePath = resolverFor(uri);
    this.sources.set(uri, { uri, lines: new LineIndex(text), parsed, resolvePath, contentKey, folder: resolvePath('') });
    return this.replan(before?.contentKey !== contentKey);
  }

  remove(uri: string): ManifestChange {
    if (!this.sources.delete(uri)) return { placement: false, content: false };
    return this.replan(true);
  }

  has(uri: string): boolean {
    return this.sources.has(uri);
  }

  text(uri: string): string | undefined {
    return this.sources.get(uri)?.lines.text;
  }

  uris(): string[] {
    return [...this.sources.keys()];
  }

  get placement(): Placement {
    return this.placementNow;
  }

  /** What checks read; undefined without a manifest. */
  manifest(): Manifest | undefined {
    return this.resolved().manifest;
  }

  /** Every problem of one manifest file, as findings on it. */
  findings(uri: string): Finding[] {
    const source = this.sources.get(uri);
    if (!source) return [];
    const all: ManifestProblem[] = [...source.parsed.problems, ...(this.placementNow.problems.get(uri) ?? []), ...(this.resolved().problems.get(uri) ?? [])];
    return all
      .sort((a, b) => a.offset - b.offset)
      .map((p) => ({ code: p.code, uri, range: source.lines.range(p.offset, p.offset + p.length), message: p.message }));
  }

  /** The severities of the manifest whose folder holds `uri` (the deepest one), for that file's findings. */
  severityFor(uri: string): Settings['severity'] | undefined {
    let best: { folder: string; parsed: ManifestSource['parsed'] } | undefined;
    for (const source of this.sources.values()) {
      if (uri.startsWith(`${source.folder}/`) && (!best || source.folder.length > best.folder.length)) best = source;
    }
    return best?.parsed.spec.severity;
  }

  /** `folder` was read whole (every config file in it is in the index). */
  markWhole(folder: string): void {
    this.whole.add(folder);
  }

  forgetWhole(folder: string): void {
    this.whole.delete(folder);
  }

  wholeFolders(): string[] {
    return [...this.whole];
  }

  /** True when `uri` lies in a folder read whole. */
  inWholeFolder(uri: string): boolean {
    for (const folder of this.whole) if (uri === folder || uri.startsWith(`${folder}/`)) return true;
    return false;
  }

  private resolved(): Resolved {
    const version = this.view.version();
    if (this.resolvedAt?.version !== version) this.resolvedAt = { version, resolved: resolveManifest(this.ordered(), this.placementNow, this.view) };
    return this.resolvedAt.resolved;
  }

  private replan(contentChanged: boolean): ManifestChange {
    const next = placeNodes(this.ordered());
    const placement = next.key !== this.placementNow.key;
    this.placementNow = next;
    this.resolvedAt = undefined;
    return { placement, content: contentChanged || placement };
  }

  /** In URI order, so which of two manifests counts first does not depend on the order they were read in. */
  private ordered(): ManifestSource[] {
    return [...this.sources.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }
}

/** JSON.stringify replacer: where an entry is written does not change what it says. */
function withoutPositions(key: string, value: unknown): unknown {
  return key === 'offset' || key === 'length' ? undefined : value;
}

/**
 * Paths in a manifest become URIs the way the scan makes them (through the
 * local path and pathToFileURL), so a folder it names compares equal to the
 * roots of the nodes found there, whatever characters the names hold.
 */
function resolverFor(manifestUri: string): (rel: string) => string {
  const file = uriToFsPath(manifestUri);
  const folderUri = manifestUri.slice(0, manifestUri.lastIndexOf('/'));
  if (file === undefined) return (rel) => (rel === '' ? folderUri : `${folderUri}/${rel.split('/').map(encodeURIComponent).join('/')}`);
  const folder = path.dirname(file);
  return (rel) => (rel === '' ? fsPathToUri(folder) : fsPathToUri(path.join(folder, ...rel.split('/'))));
}

