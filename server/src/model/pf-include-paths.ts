import type { PfDocument } from './document';
import type { WorkspaceView } from './workspace-view';

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
 * depends only on which files exist, so it is kept while the set of files is
 * unchanged (`fileSetVersion`) and holds URIs, not the documents, which an
 * edit replaces. A view without `fileSetVersion` (a test's fake) gets a fresh
 * one per lookup.
 */
const decodedUris = new WeakMap<WorkspaceView, { fileSet: number; uris: Map<string, string> }>();

function decodedUriMap(workspace: WorkspaceView): Map<string, string> {
  const fileSet = workspace.fileSetVersion?.();
  const hit = decodedUris.get(workspace);
  if (hit && fileSet !== undefined && hit.fileSet === fileSet) return hit.uris;
  const uris = new Map<string, string>();
  for (const d of workspace.documents()) {
    if (d.kind !== 'pf') continue;
    const key = d.uri.includes('%') ? safeDecode(d.uri) : d.uri;
    if (!uris.has(key)) uris.set(key, d.uri);
  }
  if (fileSet !== undefined) decodedUris.set(workspace, { fileSet, uris });
  return uris;
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
  const node = workspace.nodeOf(fromUri);
  const candidates = [joinUri(node.root, path, true)];
  if (!node.rootLayout && path.startsWith('/etc/')) candidates.push(joinUri(node.root, path.slice('/etc/'.length), true));
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

/**
 * Who includes whom, built once per set of files and patched when a pf
 * file's text changes: an edit re-resolves only the edited file's include
 * lines, so a keystroke in one pf.conf of a 1,000-node workspace does not
 * walk every file's includes again. (Which file a path leads to depends only
 * on which files exist; an edit changes only the edited file's include lines.)
 */
interface IncludersIndex {
  fileSet: number;
  /** The `pfVersion` the index was last brought up to date with. */
  pfVersion: number;
  /** Per pf document: the document whose include lines were counted, and the URIs they lead to. */
  counted: Map<string, { doc: PfDocument; targets: string[] }>;
  /** URI → URIs of the pf documents that include it directly, in workspace order. */
  includers: Map<string, string[]>;
}

const includerIndexes = new WeakMap<WorkspaceView, IncludersIndex>();

/** The URIs `d`'s include lines lead to, itself left out (a file including itself is no includer). */
function includeTargets(workspace: WorkspaceView, d: PfDocument): string[] {
  return d.pf.includes.length === 0 ? [] : includedUris(workspace, d).filter((x) => x !== d.uri);
}

function buildIncluders(workspace: WorkspaceView, fileSet: number, pfVersion: number): IncludersIndex {
  const index: IncludersIndex = { fileSet, pfVersion, counted: new Map(), includers: new Map() };
  for (const d of workspace.documents()) {
    if (d.kind !== 'pf') continue;
    const targets = includeTargets(workspace, d);
    index.counted.set(d.uri, { doc: d, targets });
    for (const x of targets) {
      const list = index.includers.get(x) ?? [];
      if (list[list.length - 1] !== d.uri) list.push(d.uri);
      index.includers.set(x, list);
    }
  }
  return index;
}

/**
 * Brings `index` up to date with edited pf files whose include targets are
 * unchanged (the usual keystroke); false when one changed, or a file the
 * index does not know appeared, so the caller rebuilds it.
 */
function patchIncluders(workspace: WorkspaceView, index: IncludersIndex): boolean {
  // The files edited since the index was last patched, when the workspace can tell; else every file.
  const changed = workspace.pfChangesSince?.(index.pfVersion);
  const docs = changed === undefined ? workspace.documents() : changed.map((uri) => workspace.get(uri));
  for (const d of docs) {
    if (d === undefined) return false;
    if (d.kind !== 'pf') continue;
    const counted = index.counted.get(d.uri);
    if (counted === undefined) return false;
    if (counted.doc === d) continue;
    const targets = includeTargets(workspace, d);
    if (targets.length !== counted.targets.length || targets.some((x, i) => x !== counted.targets[i])) return false;
    counted.doc = d;
  }
  return true;
}

/** The pf documents of the workspace that include `uri` directly. */
export function includersOf(workspace: WorkspaceView, uri: string): PfDocument[] {
  const fileSet = workspace.fileSetVersion?.() ?? -1;
  const pfVersion = workspace.pfVersion?.() ?? -1;
  let index = includerIndexes.get(workspace);
  if (index === undefined || fileSet < 0 || pfVersion < 0 || index.fileSet !== fileSet || (index.pfVersion !== pfVersion && !patchIncluders(workspace, index))) {
    index = buildIncluders(workspace, fileSet, pfVersion);
    // A view without versions (a test's fake) gets a fresh index per lookup.
    if (fileSet >= 0 && pfVersion >= 0) includerIndexes.set(workspace, index);
  }
  index.pfVersion = pfVersion;
  const out: PfDocument[] = [];
  for (const u of index.includers.get(uri) ?? []) {
    const d = workspace.get(u);
    if (d?.kind === 'pf') out.push(d);
  }
  return out;
}
