import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Workspace } from '../../server/src/workspace/workspace';
import { kindOfPath, type ConfKind } from '../../server/src/model/kinds';
import { ReadRoots } from '../../server/src/workspace/read-roots';
import { WorkspaceLoader } from '../../server/src/workspace/loader';
import { checkDocument, findingsFor } from '../../server/src/checks/registry';
import { MANIFEST_FILE } from '../../server/src/model/manifest';
import type { Finding } from '../../server/src/checks/types';
import type { Code } from '../../server/src/checks/codes';
import type { FixProposal } from '../../server/src/fixes/types';
import type { Manifest } from '../../server/src/model/manifest';
import type { WorkspaceView } from '../../server/src/model/workspace-view';

/** Repository root: the nearest folder above this file with our package.json, else the cwd (tests run from the root). */
export const REPO_ROOT = ((): string => {
  for (let d = __dirname; d !== path.dirname(d); d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'package.json')) && fs.existsSync(path.join(d, 'server', 'src'))) return d;
  }
  return process.cwd();
})();
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

/** A workspace built in memory from relative paths, under a fake root URI. */
export interface TestWorkspace {
  ws: Workspace;
  uri(rel: string): string;
  rel(uri: string): string;
}

const FAKE_ROOT = 'file:///ws';

/**
 * A workspace from relative paths. A `freebsd-conf.json` among them is set
 * as the workspace's manifest first, so the files it lists may have any
 * name (their kind is the one listed). `readWhole` marks the root as read
 * whole, as a scan does.
 */
export function workspaceFromFiles(files: Record<string, string>, root = FAKE_ROOT, options: { readWhole?: boolean } = {}): TestWorkspace {
  const ws = new Workspace();
  for (const [rel, text] of Object.entries(files)) if (rel.split('/').pop() === MANIFEST_FILE) ws.setManifest(`${root}/${rel}`, text);
  for (const [rel, text] of Object.entries(files)) {
    if (rel.split('/').pop() === MANIFEST_FILE) continue;
    const kind = ws.listedKind(`${root}/${rel}`) ?? kindOfPath(rel);
    if (!kind) throw new Error(`not a config file name: ${rel}`);
    ws.set(`${root}/${rel}`, kind, text);
  }
  if (options.readWhole) ws.markReadWhole(root, true);
  return { ws, uri: (rel) => `${root}/${rel}`, rel: (uri) => uri.slice(root.length + 1) };
}

/** Loads test/fixtures/<name> (every config file under it) into a workspace; `readWhole` marks it read whole, as a scan does. */
export function loadFixture(name: string, options: { readWhole?: boolean } = {}): TestWorkspace & { dir: string } {
  return loadFolder(path.join(FIXTURES, name), options);
}

/** Loads every config file under a folder (a fixture, examples/) into a workspace rooted at the folder's URI. */
export function loadFolder(dir: string, options: { readWhole?: boolean } = {}): TestWorkspace & { dir: string } {
  const files: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (kindOfPath(full)) files[path.relative(dir, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  const root = pathToFileURL(dir).href;
  return { ...workspaceFromFiles(files, root, options), dir };
}

/**
 * Loads a folder the way the server and the CLI do: the scan, then the files
 * each pf.conf includes (whatever their names), reading only inside `dir`.
 */
export async function loadFolderAsChecked(dir: string): Promise<TestWorkspace & { dir: string }> {
  const ws = new Workspace();
  const loader = new WorkspaceLoader(ws, { skipped: () => undefined }, await ReadRoots.of([dir]));
  await loader.loadFolder(dir, Infinity);
  const root = pathToFileURL(dir).href;
  return { ws, uri: (rel) => `${root}/${rel}`, rel: (uri) => uri.slice(root.length + 1), dir };
}

export function findings(t: TestWorkspace, rel: string): Finding[] {
  const doc = t.ws.get(t.uri(rel));
  if (!doc) throw new Error(`no such file in the test workspace: ${rel}`);
  return checkDocument(doc, t.ws, (check, error) => {
    throw new Error(`check ${check.code} threw: ${String(error)}`);
  });
}

/**
 * Everything reported on one file, as the editor publishes it and the CLI
 * prints it: its own checks and what the cross-node checks of its cluster
 * found on it (`findings` runs the file checks only).
 */
export function reportedFindings(t: TestWorkspace, rel: string): Finding[] {
  const doc = t.ws.get(t.uri(rel));
  if (!doc) throw new Error(`no such file in the test workspace: ${rel}`);
  return findingsFor(doc, t.ws, (check, error) => {
    throw new Error(`check ${check.code} threw: ${String(error)}`);
  });
}

/** The reported findings of one code in one file (cross-node ones included), asserting how many there are. */
export function reportedOf(t: TestWorkspace, rel: string, code: Code, count?: number): Finding[] {
  const list = reportedFindings(t, rel).filter((f) => f.code === code);
  if (count !== undefined) assert.equal(list.length, count, `${code} in ${rel}: ${JSON.stringify(list.map((f) => f.message))}`);
  return list;
}

/** Everything reported in the workspace, as the editor publishes it and the CLI prints it: file and cross-node checks on every file, and the manifests' problems. */
export function allFindingsFor(t: TestWorkspace): Finding[] {
  const out = [...t.ws.documents()].flatMap((d) => reportedFindings(t, t.rel(d.uri)));
  for (const uri of t.ws.manifestUris()) for (const f of t.ws.manifestFindings(uri)) out.push(f);
  return out;
}

/** Every finding of the workspace (allFindingsFor; the older name several tests use). */
export const allFindings = allFindingsFor;

/** A freebsd-conf.json as its loader would give it, from the parts a test needs. */
export function manifestOf(parts: Partial<Omit<Manifest, 'uri'>>): Manifest {
  return { uri: 'file:///ws/freebsd-conf.json', nodes: new Map(), clusters: [], builtinCarp: new Set(), reservedVhids: [], ...parts };
}

/** The workspace seen through a view that also has a manifest (the manifest loader is not part of these tests). */
export function withManifest(t: TestWorkspace, manifest: Manifest): WorkspaceView {
  return new Proxy(t.ws, {
    get(target, prop) {
      if (prop === 'manifest') return () => manifest;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Like reportedOf, through a view with a manifest. Give it a workspace of its
 * own: registry checkCluster caches findings per cluster object.
 */
export function reportedWithManifest(t: TestWorkspace, manifest: Manifest, rel: string, code: Code): Finding[] {
  const doc = t.ws.get(t.uri(rel));
  if (!doc) throw new Error(`no such file in the test workspace: ${rel}`);
  return findingsFor(doc, withManifest(t, manifest)).filter((f) => f.code === code);
}

/** The findings of one code in one file, asserting how many there are. */
export function findingsOf(t: TestWorkspace, rel: string, code: Code, count?: number): Finding[] {
  const list = findings(t, rel).filter((f) => f.code === code);
  if (count !== undefined) assert.equal(list.length, count, `${code} in ${rel}: ${JSON.stringify(list.map((f) => f.message))}`);
  return list;
}

/** [startLine, startChar, endLine, endChar] — compact range assertions. */
export function rangeOf(f: Finding): [number, number, number, number] {
  return [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character];
}

/** Applies a fix to a copy of the workspace (creating files it asks for) and returns the copy. */
export function applyFix(t: TestWorkspace, fix: FixProposal): TestWorkspace {
  const texts = new Map<string, string>();
  // Included pf files have free-form names: the kind they were indexed with counts.
  const kinds = new Map<string, ConfKind>();
  for (const d of t.ws.documents()) {
    texts.set(d.uri, d.text);
    kinds.set(d.uri, d.kind);
  }
  for (const change of fix.changes) {
    const before = texts.get(change.uri);
    if (before === undefined && !change.create) throw new Error(`fix edits a file that does not exist: ${change.uri}`);
    const doc = TextDocument.create(change.uri, 'plaintext', 0, before ?? '');
    texts.set(change.uri, TextDocument.applyEdits(doc, change.edits));
  }
  const ws = new Workspace();
  // The manifests and what was read whole come along: they decide node names, placement and file/not-in-a-node.
  for (const uri of t.ws.manifestUris()) ws.setManifest(uri, t.ws.manifestText(uri)!);
  for (const folder of t.ws.wholeFolders()) ws.markReadWhole(folder, true);
  for (const [uri, text] of texts) {
    const kind = kinds.get(uri) ?? kindOfPath(uri);
    if (kind) ws.set(uri, kind, text);
  }
  return { ws, uri: t.uri, rel: t.rel };
}

/** The text of a file after a fix, for asserting the exact edit. */
export function textAfterFix(t: TestWorkspace, fix: FixProposal, rel: string): string {
  const after = applyFix(t, fix);
  const doc = after.ws.get(t.uri(rel));
  if (!doc) throw new Error(`no ${rel} after the fix`);
  return doc.text;
}

/**
 * Proves a fix is safe: after applying it, the finding it fixes is gone and no
 * other finding appeared anywhere in the workspace, cross-node findings
 * included (counted per file and code, since line numbers move).
 */
export function assertFixResolves(t: TestWorkspace, finding: Finding, fix: FixProposal): TestWorkspace {
  const count = (list: Finding[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const f of list) m.set(`${f.uri} ${f.code}`, (m.get(`${f.uri} ${f.code}`) ?? 0) + 1);
    return m;
  };
  const before = count(allFindingsFor(t));
  const after = applyFix(t, fix);
  const afterCounts = count(allFindingsFor(after));
  const fixedKey = `${finding.uri} ${finding.code}`;
  assert.ok((afterCounts.get(fixedKey) ?? 0) < (before.get(fixedKey) ?? 0), `"${fix.title}" did not remove ${finding.code}`);
  for (const [key, n] of afterCounts) {
    assert.ok(n <= (before.get(key) ?? 0), `"${fix.title}" added a finding: ${key}`);
  }
  return after;
}
