import type { PfDocument } from './document';
import type { WorkspaceView } from './workspace-view';

/** Where an `include` / `load anchor … from` path leads. */
export interface PfPathTarget {
  /** The file's URI: the workspace document when found, else the best guess on disk. */
  uri: string;
  /** The workspace holds a pf document at `uri` (so it can be followed). */
  inWorkspace: boolean;
}

/** Characters `encodeURIComponent` escapes but file URIs keep as they are. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%(3A|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function safeDecode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/** Joins a folder URI and a relative path, folding `.` and `..` the way the kernel resolves them. */
function joinUri(folder: string, rel: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(.*)$/i.exec(folder);
  const authority = m ? m[1] : '';
  const parts = (m ? m[2] : folder).split('/').filter((p) => p !== '');
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(encodeSegment(seg));
  }
  return `${authority}/${parts.join('/')}`;
}

function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

/**
 * What resolving include paths needs to look up across the workspace, built
 * once per `pfVersion`: without it every check of every pf file would walk
 * all documents (a full check of 1,000 nodes took minutes).
 */
interface PfIndex {
  version: number;
  /** pf documents by their percent-decoded URI, the first in workspace order (built on first use). */
  byDecodedUri?: Map<string, PfDocument>;
  /** URI → the pf documents that include it directly, in workspace order (built on first use). */
  includers?: Map<string, PfDocument[]>;
}

const indexes = new WeakMap<WorkspaceView, PfIndex>();

/** The workspace's index; a view without `pfVersion` (a test's fake) gets a fresh one per lookup. */
function pfIndex(workspace: WorkspaceView): PfIndex {
  const version = workspace.pfVersion?.();
  if (version === undefined) return { version: -1 };
  let index = indexes.get(workspace);
  if (index?.version !== version) {
    index = { version };
    indexes.set(workspace, index);
  }
  return index;
}

function decodedUriMap(workspace: WorkspaceView, index: PfIndex): Map<string, PfDocument> {
  if (index.byDecodedUri) return index.byDecodedUri;
  const map = new Map<string, PfDocument>();
  for (const d of workspace.documents()) {
    if (d.kind !== 'pf') continue;
    const key = d.uri.includes('%') ? safeDecode(d.uri) : d.uri;
    if (!map.has(key)) map.set(key, d);
  }
  index.byDecodedUri = map;
  return map;
}

/**
 * `includedDocs` of a document, kept while the set of files is unchanged:
 * an edit of one pf file then re-resolves only that file's include paths.
 * (Only URIs are kept, so a target edited meanwhile is looked up afresh.)
 */
const includedCache = new WeakMap<PfDocument, { fileSet: number; uris: string[] }>();

function includedUris(workspace: WorkspaceView, doc: PfDocument): string[] {
  const fileSet = workspace.fileSetVersion?.();
  const hit = includedCache.get(doc);
  if (hit && fileSet !== undefined && hit.fileSet === fileSet) return hit.uris;
  const uris = includedDocs(workspace, doc).map((d) => d.uri);
  if (fileSet !== undefined) includedCache.set(doc, { fileSet, uris });
  return uris;
}

/** The pf document at a URI, also when the two spell the same path with different percent-encoding. */
function pfDocAt(workspace: WorkspaceView, uri: string): PfDocument | undefined {
  const direct = workspace.get(uri);
  if (direct) return direct.kind === 'pf' ? direct : undefined;
  return decodedUriMap(workspace, pfIndex(workspace)).get(safeDecode(uri));
}

/**
 * Resolves a path written in `include "…"` or `load anchor … from "…"` in the
 * file `fromUri`. pfctl opens the path as given (relative to its working
 * directory), which an editor cannot know, so:
 * - a relative path is taken relative to the including file's folder;
 * - an absolute path (`/etc/pf.macros.conf`) is mapped into the node's copy of
 *   the machine's root (`<node root>/etc/pf.macros.conf`; for a node kept as
 *   flat files, also `<node root>/pf.macros.conf`), because the workspace
 *   holds each machine's files under its own folder;
 * - when no workspace document matches, the target is the plain file on disk
 *   (`file:///etc/…` for an absolute path) and the include is not followed.
 */
export function resolvePfPath(workspace: WorkspaceView, fromUri: string, path: string): PfPathTarget {
  for (const c of pfPathCandidates(workspace, fromUri, path)) {
    const doc = pfDocAt(workspace, c);
    if (doc) return { uri: doc.uri, inWorkspace: true };
  }
  return { uri: path.startsWith('/') ? joinUri('file://', path) : joinUri(folderOf(fromUri), path), inWorkspace: false };
}

/**
 * The URIs where an included file may be found in the workspace, best first
 * (see resolvePfPath). The language server and the CLI read these from disk
 * so that files named in `include` are analysed with their includer.
 */
export function pfPathCandidates(workspace: WorkspaceView, fromUri: string, path: string): string[] {
  if (!path.startsWith('/')) return [joinUri(folderOf(fromUri), path)];
  const node = workspace.nodeOf(fromUri);
  const candidates = [joinUri(node.root, path)];
  if (!node.rootLayout && path.startsWith('/etc/')) candidates.push(joinUri(node.root, path.slice('/etc/'.length)));
  return candidates;
}

/** The workspace documents a pf file includes, in the order of its `include` lines. */
export function includedDocs(workspace: WorkspaceView, doc: PfDocument): PfDocument[] {
  const out: PfDocument[] = [];
  for (const inc of doc.pf.includes) {
    const target = resolvePfPath(workspace, doc.uri, inc.path.text);
    const d = target.inWorkspace ? workspace.get(target.uri) : undefined;
    if (d?.kind === 'pf') out.push(d);
  }
  return out;
}

/** The pf documents of the workspace that include `uri` directly. */
export function includersOf(workspace: WorkspaceView, uri: string): PfDocument[] {
  const index = pfIndex(workspace);
  if (!index.includers) {
    const includers = new Map<string, PfDocument[]>();
    for (const d of workspace.documents()) {
      if (d.kind !== 'pf' || d.pf.includes.length === 0) continue;
      for (const x of includedUris(workspace, d)) {
        if (x === d.uri) continue;
        const list: PfDocument[] = includers.get(x) ?? [];
        if (list[list.length - 1] !== d) list.push(d);
        includers.set(x, list);
      }
    }
    index.includers = includers;
  }
  return index.includers.get(uri) ?? [];
}
