import { findNodeAtLocation, getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { duplicateKeys, syntaxProblem } from '../settings-text';
import { validateSettings } from '../settings-validation';
import { parseSettings, type Settings } from '../settings';
import { kindOfPath, type ConfKind } from './kinds';
import { isNodeName, MANIFEST_KEYS, NODE_NAME_RULE } from './manifest-schema';
import { describeNode, lastProperties, ProblemList, readBoolean, readPath, spanned, type ManifestProblem, type Spanned } from './manifest-json';
import { readClusters, readReserved, type ClusterEntry, type ReservedEntry } from './manifest-parse-clusters';

/**
 * freebsd-conf.json as written: every entry with where it is, and every
 * mistake at the key or value it is about. Pure and total: any text gives a
 * result (a broken part is left out and reported; the rest is still used,
 * as VS Code does with a settings.json it cannot fully read, so the manifest
 * keeps working while it is being typed). Names and folders are matched
 * against the workspace's nodes later (manifest-resolve.ts).
 */

export interface NodeEntry {
  name: Spanned<string>;
  /** The node's folder relative to the manifest's folder, normalised ('' is that folder itself). */
  folder?: Spanned<string>;
  /** Files listed for the node, in the order given. */
  files: { path: Spanned<string>; kind: ConfKind }[];
  deviceCarp: boolean;
}

export interface ManifestSpec {
  nodes: NodeEntry[];
  clusters: ClusterEntry[];
  reserved: ReservedEntry[];
  severity: Settings['severity'];
}

export interface ParsedManifest {
  spec: ManifestSpec;
  /** Sorted by offset. */
  problems: ManifestProblem[];
}

export type { ClusterEntry, ReservedEntry } from './manifest-parse-clusters';

const KINDS = MANIFEST_KEYS.files as readonly ConfKind[];

export function parseManifest(input: string): ParsedManifest {
  // A byte-order mark is not part of the JSON; a space keeps every offset.
  const text = input.startsWith('\uFEFF') ? ` ${input.slice(1)}` : input;
  const spec: ManifestSpec = { nodes: [], clusters: [], reserved: [], severity: {} };
  const problems = new ProblemList();
  const done = (): ParsedManifest => ({ spec, problems: problems.list.sort((a, b) => a.offset - b.offset) });
  if (text.trim() === '') {
    problems.invalid({ offset: 0, length: 0 }, 'the file is empty; write {} for a manifest that says nothing');
    return done();
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  // Only the first syntax error: what the parser finds after it mostly follows from it.
  if (errors.length > 0) problems.list.push({ code: 'manifest/invalid', ...syntaxProblem(errors[0], text) });
  if (!root) return done();
  if (root.type !== 'object') {
    problems.invalid(root, `freebsd-conf.json must hold one JSON object ({"nodes": {…}, "clusters": {…}}), not ${describeNode(root)}`);
    return done();
  }
  for (const p of duplicateKeys(root)) problems.list.push({ code: 'manifest/invalid', ...p });
  for (const [key, value] of lastProperties(root)) {
    if (!value) continue;
    switch (key.value) {
      case 'nodes':
        spec.nodes = readNodes(value, problems);
        break;
      case 'clusters':
        spec.clusters = readClusters(value, problems);
        break;
      case 'reservedVhids':
        spec.reserved = readReserved(value, problems);
        break;
      case 'severity':
        spec.severity = readSeverity(root, value, problems);
        break;
      case '$schema':
        if (value.type !== 'string') problems.invalid(value, `"$schema" must be a string, not ${describeNode(value)}`);
        break;
      default:
        problems.unknownKey(key, MANIFEST_KEYS.root, 'at the top level');
    }
  }
  return done();
}

function readNodes(value: Node, problems: ProblemList): NodeEntry[] {
  if (value.type !== 'object') return problems.invalid(value, `"nodes" must be an object of name → folder ({"fw1": "sites/fw1"}), not ${describeNode(value)}`) ?? [];
  const out: NodeEntry[] = [];
  for (const [key, entry] of lastProperties(value)) {
    const name = key.value as string;
    if (!isNodeName(name)) {
      problems.invalid(key, `"${name}" is not a node name: ${NODE_NAME_RULE}`);
      continue;
    }
    if (!entry) continue;
    const node: NodeEntry = { name: spanned(name, key), files: [], deviceCarp: false };
    if (entry.type === 'string') {
      node.folder = readPath(entry, problems, 'folder');
      if (!node.folder) continue;
    } else if (entry.type === 'object') {
      if (!readNodeObject(entry, node, problems)) continue;
    } else {
      problems.invalid(entry, `node "${name}" must be its folder ("sites/${name}") or an object ({"folder": …, "files": …, "deviceCarp": true}), not ${describeNode(entry)}`);
      continue;
    }
    out.push(node);
  }
  return out;
}

/** False when the folder or every file given is unusable (reported): the entry would otherwise turn into a bare name. */
function readNodeObject(entry: Node, node: NodeEntry, problems: ProblemList): boolean {
  let usable = true;
  for (const [key, v] of lastProperties(entry)) {
    if (!v) continue;
    if (key.value === 'folder') {
      node.folder = readPath(v, problems, 'folder');
      usable &&= node.folder !== undefined;
    } else if (key.value === 'files') {
      node.files = readFiles(v, problems);
      usable &&= node.files.length > 0 || (v.type === 'object' && (v.children ?? []).length === 0);
    } else if (key.value === 'deviceCarp') {
      node.deviceCarp = readBoolean(v, problems, 'deviceCarp') ?? false;
    } else {
      problems.unknownKey(key, MANIFEST_KEYS.node, `in node "${node.name.value}"`);
    }
  }
  return usable;
}

/** `{"rc": "a.rc.conf", "loader": ["x", "y"]}`: a file's kind is the key it is listed under, unless its name says another. */
function readFiles(value: Node, problems: ProblemList): NodeEntry['files'] {
  if (value.type !== 'object') return problems.invalid(value, `"files" must be an object of kind → path ({"rc": "fw3.rc.conf"}), not ${describeNode(value)}`) ?? [];
  const out: NodeEntry['files'] = [];
  for (const [key, v] of lastProperties(value)) {
    if (!v) continue;
    if (!(KINDS as readonly string[]).includes(key.value as string)) {
      problems.unknownKey(key, KINDS, 'in "files" (the kinds are rc, loader, sysctl and pf)');
      continue;
    }
    const kind = key.value as ConfKind;
    const items = v.type === 'array' ? (v.children ?? []) : [v];
    for (const item of items) {
      const path = readPath(item, problems, 'file');
      if (!path) continue;
      const named = kindOfPath(path.value);
      if (named && named !== kind) {
        problems.invalid(item, `"${path.value.slice(path.value.lastIndexOf('/') + 1)}" is read as ${ARTICLE[named]} by its name: list it under "${named}"`);
        continue;
      }
      out.push({ path, kind });
    }
  }
  return out;
}

const ARTICLE: Record<ConfKind, string> = { rc: 'an rc.conf', loader: 'a loader.conf', sysctl: 'a sysctl.conf', pf: 'a pf.conf' };

/**
 * The same checks as the `freebsdConf.severity` setting (settings-validation.ts):
 * an unknown code is a key nothing reads (a warning), a bad severity a value
 * that cannot be used.
 */
function readSeverity(root: Node, value: Node, problems: ProblemList): Settings['severity'] {
  const raw: unknown = getNodeValue(value);
  for (const p of validateSettings({ severity: raw }, { prefix: '' })) {
    const node = findNodeAtLocation(root, p.path);
    const target = (p.at === 'key' ? node?.parent?.children?.[0] : node) ?? value;
    problems.list.push({ code: p.at === 'key' ? 'manifest/unknown-key' : 'manifest/invalid', offset: target.offset, length: target.length, message: p.message });
  }
  return parseSettings({ severity: raw }).severity;
}
