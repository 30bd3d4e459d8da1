import type { PfDocument } from './document';
import type { NodeFiles, WorkspaceView } from './workspace-view';

/** Where an `include` / `load anchor … from` path leads. */
export interface PfPathTarget {
  /** The file's URI: the workspace document when found, else the best guess on disk. */
  uri: string;
  /** The workspace holds a pf document at `uri` (so it can be followed). */
  inWorkspace: boolean;
}

/** A lone UTF-16 surrogate: no file name can hold one, and encodeURIComponent throws on it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Characters `encodeURIComponent` escapes but file URIs keep as they are. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment.replace(LONE_SURROGATE, '\uFFFD')).replace(/%(3A|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function safeDecode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/**
 * Joins a folder URI and a relative path, folding `.` and `..` the way the
 * kernel resolves them. With `atRoot`, the folder stands for a machine's `/`,
 * and `..` stops there as it does at `/` (`/../../etc/passwd` is the
 * machine's `/etc/passwd`, never a file beside the node's folder).
 */
function joinUri(folder: string, rel: string, atRoot = false): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(.*)$/i.exec(folder);
  const authority = m ? m[1] : '';
  const parts = (m ? m[2] : folder).split('/').filter((p) => p !== '');
  const floor = atRoot ? parts.length : 0;
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length > floor) parts.pop();
    } else parts.push(encodeSegment(seg));
  }
  return `${authority}/${parts.join('/')}`;
}

function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

/**
 * pf documents by their percent-decoded URI (the first in workspace order),
 * for paths that spell a file's URI with a different percent-encoding. It
 * depends only on which files exist, so it is kept while no file came or
 * went, and holds URIs, not the documents, which an edit replaces. A view
 * without versions (a test's fake) gets a fresh one per lookup.
 */
const decodedUris = new WeakMap<WorkspaceView, { version: number; uris: Map<string, string> }>();

/** True when a value cached at `version` depends only on which files exist and none came or went since. */
function sameFiles(workspace: WorkspaceView, version: number | undefined): boolean {
  return version !== undefined && workspace.filesChangedSince?.(version) === false;
}

function decodedUriMap(workspace: WorkspaceView): Map<string, string> {
  const hit = decodedUris.get(workspace);
  if (hit && sameFiles(workspace, hit.version)) return hit.uris;
  const version = workspace.version?.();
  const uris = new Map<string, string>();
  for (const d of workspace.documents()) {
    if (d.kind !== 'pf') continue;
    const key = d.uri.includes('%') ? safeDecode(d.uri) : d.uri;
    if (!uris.has(key)) uris.set(key, d.uri);
  }
  if (version !== undefined) decodedUris.set(workspace, { version, uris });
  return uris;
}

/**
 * `includedDocs` of a document, kept while the set of files is unchanged:
 * an edit of one pf file then re-resolves only that file's include paths.
 * (Only URIs are kept, so a target edited meanwhile is looked up afresh.)
 */
const includedCache = new WeakMap<PfDocument, { version: number; uris: string[] }>();

function includedUris(workspace: WorkspaceView, doc: PfDocument): string[] {
  const hit = includedCache.get(doc);
  if (hit && sameFiles(workspace, hit.version)) return hit.uris;
  const version = workspace.version?.();
  const uris = includedDocs(workspace, doc).map((d) => d.uri);
  if (version !== undefined) includedCache.set(doc, { version, uris });
  return uris;
}

/** The pf document at a URI, also when the two spell the same path with different percent-encoding. */
function pfDocAt(workspace: WorkspaceView, uri: string): PfDocument | undefined {
  const direct = workspace.get(uri);
  if (direct) return direct.kind === 'pf' ? direct : undefined;
  const found = decodedUriMap(workspace).get(safeDecode(uri));
  const doc = found === undefined ? undefined : workspace.get(found);
  return doc?.kind === 'pf' ? doc : undefined;
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
  return nodePathCandidates(workspace.nodeOf(fromUri), path);
}

/**
 * Where an absolute path of the machine (`/etc/pf.conf`) is in a node's
 * folder: `<root>/etc/pf.conf`, and for a node kept as flat files also
 * `<root>/pf.conf`.
 */
export function nodePathCandidates(node: Pick<NodeFiles, 'root' | 'rootLayout'>, path: string): string[] {
  const candidates = [joinUri(node.root, path, true)];
  if (!node.rootLayout && path.startsWith('/etc/')) candidates.push(joinUri(node.root, path.slice('/etc/'.length), true));
  return candidates;
}

/** The pf document a node's absolute path leads to, if the workspace holds it. */
export function pfDocumentOfNode(workspace: WorkspaceView, node: Pick<NodeFiles, 'root' | 'rootLayout'>, path: string): PfDocument | undefined {
  for (const c of nodePathCandidates(node, path)) {
    const doc = pfDocAt(workspace, c);
    if (doc) return doc;
  }
  return undefined;
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

/** The URIs `d`'s include lines lead to, itself left out (a file including itself is no includer). */
export function includeTargets(workspace: WorkspaceView, d: PfDocument): string[] {
  return d.pf.includes.length === 0 ? [] : includedUris(workspace, d).filter((x) => x !== d.uri);
}

/**
 * The pf documents of the workspace that include `uri` directly, in
 * workspace order. The workspace index keeps them (workspace/include-index.ts);
 * a view without one (a test's fake) gets them by walking every file.
 */
export function includersOf(workspace: WorkspaceView, uri: string): PfDocument[] {
  if (workspace.includersOf) return workspace.includersOf(uri);
  const out: PfDocument[] = [];
  for (const d of workspace.documents()) if (d.kind === 'pf' && includeTargets(workspace, d).includes(uri)) out.push(d);
  return out;
}
