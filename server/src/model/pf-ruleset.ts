import type { PfDocument } from './document';
import type { WorkspaceView } from './workspace-view';
import { parsePfConf, releaseStatements, type PfFile } from '../parsers/pf';
import { includersOf, resolvePfPath } from './pf-include-paths';

/** pfctl's own include depth limit; deeper includes are not followed (the parser reports them). */
const MAX_INCLUDE_DEPTH = 16;

/** One file of a ruleset as pfctl reads it: the document and its parse in the context of the includer's macros. */
export interface PfUnitFile {
  uri: string;
  doc: PfDocument;
  file: PfFile;
}

/**
 * A ruleset as pfctl loads it: a root pf.conf and every file it `include`s
 * (found in the workspace), parsed as one, so a macro defined in the includer
 * is known in the included file and the other way round. `files[0]` is the root.
 */
export interface PfUnit {
  files: PfUnitFile[];
}

interface CacheEntry {
  deps: PfDocument[];
  unit: PfUnit;
}

// Keyed by the root document: a ParsedDocument is replaced on every edit, so stale entries die with it.
const cache = new WeakMap<PfDocument, CacheEntry>();

/** The include plan as the standalone parses describe it: (path as written → target document), depth first. */
function plan(workspace: WorkspaceView, root: PfDocument): { path: string; doc: PfDocument }[] {
  const out: { path: string; doc: PfDocument }[] = [];
  const walk = (doc: PfDocument, depth: number, stack: Set<string>): void => {
    if (depth >= MAX_INCLUDE_DEPTH) return;
    for (const inc of doc.pf.includes) {
      const target = resolvePfPath(workspace, doc.uri, inc.path.text);
      const d = target.inWorkspace ? workspace.get(target.uri) : undefined;
      if (d?.kind !== 'pf' || stack.has(d.uri)) continue;
      out.push({ path: inc.path.text, doc: d });
      walk(d, depth + 1, new Set([...stack, d.uri]));
    }
  };
  walk(root, 0, new Set([root.uri]));
  return out;
}

function build(workspace: WorkspaceView, root: PfDocument): CacheEntry {
  const steps = plan(workspace, root);
  if (steps.length === 0) return { deps: [], unit: { files: [{ uri: root.uri, doc: root, file: root.pf }] } };
  // The parser asks for included texts depth first, in the same order as the plan;
  // matching on the path keeps nested relative includes tied to the right folder.
  let next = 0;
  const served: PfDocument[] = [];
  const file = parsePfConf(root.text, {
    resolveInclude: (path) => {
      for (let i = next; i < steps.length; i++) {
        if (steps[i].path !== path) continue;
        next = i + 1;
        served.push(steps[i].doc);
        return steps[i].doc.text;
      }
      return undefined;
    },
  });
  const files: PfUnitFile[] = [{ uri: root.uri, doc: root, file }];
  // inc.included is filled in the order the resolver served texts (depth first).
  let k = 0;
  const collect = (f: PfFile): void => {
    for (const inc of f.includes) {
      if (!inc.included) continue;
      const doc = served[k++];
      if (!doc) return;
      files.push({ uri: doc.uri, doc, file: inc.included });
      collect(inc.included);
    }
  };
  collect(file);
  return { deps: steps.map((s) => s.doc), unit: { files } };
}

/**
 * Drops the statement trees built for `root`'s own parse and its cached
 * ruleset (see `releaseStatements`); both keep their compact parses and
 * build the trees again when next read.
 */
export function releasePfTrees(root: PfDocument): void {
  releaseStatements(root.pf);
  for (const f of cache.get(root)?.unit.files ?? []) releaseStatements(f.file);
}

/** The ruleset rooted at `root` (cached until the root or one of its included files changes). */
export function unitOf(workspace: WorkspaceView, root: PfDocument): PfUnit {
  const hit = cache.get(root);
  if (hit && hit.deps.every((d) => workspace.get(d.uri) === d) && plan(workspace, root).every((s, i) => hit.deps[i] === s.doc)) {
    return hit.unit;
  }
  const entry = build(workspace, root);
  cache.set(root, entry);
  return entry.unit;
}

/**
 * Every ruleset a document takes part in: its own when nothing includes it,
 * else those of the top-level files that (indirectly) include it — a file
 * shared by several pf.conf files belongs to each of their rulesets.
 */
export function unitsFor(workspace: WorkspaceView, doc: PfDocument): PfUnit[] {
  const roots: PfDocument[] = [];
  const seen = new Set<string>([doc.uri]);
  const queue: PfDocument[] = [doc];
  while (queue.length > 0) {
    const d = queue.shift()!;
    const up = includersOf(workspace, d.uri);
    if (up.length === 0 && d !== doc) roots.push(d);
    for (const u of up) {
      if (seen.has(u.uri)) continue;
      seen.add(u.uri);
      queue.push(u);
    }
  }
  // Not included anywhere (or only inside an include cycle): the file is its own ruleset.
  const units = roots.map((r) => unitOf(workspace, r)).filter((u) => u.files.some((f) => f.uri === doc.uri));
  if (units.length === 0) return [unitOf(workspace, doc)];
  return units;
}

/** The file's parse with the macros of its ruleset (an included file's standalone parse misses the includer's macros). */
export function contextFile(units: readonly PfUnit[], doc: PfDocument): PfFile {
  return units[0]?.files.find((f) => f.uri === doc.uri)?.file ?? doc.pf;
}

/**
 * The document as checks should see it: its parse within its ruleset, so a
 * macro defined in an included file (or in the includer) is known. A file
 * without includes is returned as it is.
 */
export function inRulesetContext(doc: PfDocument, workspace: WorkspaceView): PfDocument {
  const file = contextFile(unitsFor(workspace, doc), doc);
  return file === doc.pf ? doc : { ...doc, pf: file };
}

/** What a file's rulesets hold beyond the file itself, for checks that need the whole ruleset. */
export interface RulesetScope {
  /** Every `include` in the rulesets was found in the workspace; otherwise a check cannot see everything. */
  complete: boolean;
  /** The parses of the other files of the rulesets (includers and included files). */
  others: PfFile[];
}

/** The rest of the rulesets a pf file belongs to; see RulesetScope. */
export function rulesetScope(workspace: WorkspaceView, doc: PfDocument): RulesetScope {
  const original = workspace.get(doc.uri);
  const units = unitsFor(workspace, original?.kind === 'pf' ? original : doc);
  const files = units.flatMap((u) => u.files);
  const complete = files.every((f) => f.file.includes.every((inc) => inc.included !== undefined));
  return { complete, others: files.filter((f) => f.uri !== doc.uri).map((f) => f.file) };
}
