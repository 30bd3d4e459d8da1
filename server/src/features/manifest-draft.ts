import type { ConfKind } from '../model/kinds';
import type { Manifest } from '../model/manifest';
import { isNodeName } from '../model/manifest-schema';
import { nodeConfig } from '../model/node-config';
import type { NodeFiles, WorkspaceView } from '../model/workspace-view';
import type { TopologyCluster } from '../protocol';
import { topology } from './topology';

/**
 * A freebsd-conf.json drafted from what the server found: every machine of
 * a folder by name → its folder, every CARP cluster with its nodes and, as
 * its intended primary, the node predicted MASTER of all its vhids. It is a
 * starting point the admin corrects, so where the files cannot tell what is
 * meant (the vhids have different MASTERs, a tie) the draft says so in a
 * comment instead of guessing. What an existing manifest says that the
 * files cannot (files listed by name, deviceCarp, reserved vhids, an
 * active/active cluster, cluster names) is carried over. Pure.
 */

/** The workspace as the draft reads it: `listedFiles` (the workspace's) tells which files a manifest lists by name. */
export type DraftWorkspace = WorkspaceView & { listedFiles?(): [string, ConfKind][] };

export interface ManifestDraftText {
  text: string;
  nodes: number;
  clusters: number;
}

/** One `"name": value` line of the draft, or a comment line. */
type Line = { comment: string } | { key: string; value: unknown };

/** Drafts the manifest for `folder` (a URI spelt as the workspace spells its files' URIs). */
export function manifestDraft(workspace: DraftWorkspace, folder: string): ManifestDraftText {
  const base = folder.replace(/\/+$/, '');
  const existing = workspace.manifest?.();
  const machines = [...workspace.nodes()].filter(isMachine).sort((a, b) => a.root.localeCompare(b.root));
  const names = chooseNames(machines);
  const listed = listedByRoot(workspace);

  const nodeLines: Line[] = [];
  for (const node of machines) {
    const name = names.get(node.root)!;
    const rel = relativeTo(base, node.root);
    if (rel === undefined) {
      nodeLines.push({ comment: `${name} is not below this folder: name it in the manifest of its own workspace folder` });
      continue;
    }
    nodeLines.push({ key: name, value: nodeValue(node, name, rel, base, listed.get(node.root) ?? new Map(), existing) });
  }

  const clusters = topology(workspace).clusters;
  const clusterLines: Line[] = [];
  const clusterNames = new Set<string>();
  // A derived cluster name never repeats a node's ("fw2" for the second fw pair would read as the node).
  const nodeNames = new Set<string>([...names.values()].map((n) => n.toLowerCase()));
  for (const cluster of clusters) {
    const members = cluster.nodes.map((n) => names.get(n.root) ?? n.name);
    if (members.length < 2) {
      clusterLines.push({ comment: `the vhids of ${members[0]} have no peer in the workspace: a cluster needs two nodes` });
      continue;
    }
    const declared = existingCluster(existing, cluster);
    const name = declared?.name !== undefined ? uniqueName(declared.name, clusterNames) : uniqueName(derivedName(members), clusterNames, nodeNames);
    const entry: Record<string, unknown> = { nodes: members };
    if (declared?.activeActive) entry.activeActive = true;
    else {
      const primary = predictedPrimary(cluster, (root) => names.get(root) ?? 'a node outside this folder');
      if (typeof primary === 'string') entry.primary = names.get(primary) ?? cluster.nodes.find((n) => n.root === primary)?.name;
      else clusterLines.push({ comment: primary.why });
    }
    clusterLines.push({ key: name, value: entry });
  }

  const reserved = (existing?.reservedVhids ?? []).map((r) => ({ segment: r.segment, vhids: [...r.vhids], ...(r.note === undefined ? {} : { note: r.note }) }));
  const nodeCount = nodeLines.filter((l) => 'key' in l).length;
  const clusterCount = clusterLines.filter((l) => 'key' in l).length;
  const sections: [string, Line[], 'object' | 'array'][] = [
    ['nodes', nodeLines, 'object'],
    ['clusters', clusterLines, 'object'],
  ];
  if (reserved.length > 0) sections.push(['reservedVhids', reserved.map((value) => ({ key: '', value })), 'array']);
  const header = `// Drafted from the ${plural(nodeCount, 'node')} and ${plural(clusterCount, 'CARP cluster')} found here. Check the names (every message uses them) and each cluster's primary, the node meant to be MASTER of its vhids.`;
  return { text: render(header, sections), nodes: nodeCount, clusters: clusterCount };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A node the draft names: a machine (it has an rc.conf), or one a manifest already names. */
function isMachine(node: NodeFiles): boolean {
  return node.name !== undefined || node.byKind.rc.length > 0;
}

/**
 * A distinct valid name per node: the name it goes by, else its folder's
 * name, else that name with its parent folder's or its folder's, else a
 * numbered one. Two nodes with one hostname would otherwise be one
 * ambiguous name.
 */
function chooseNames(nodes: readonly NodeFiles[]): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  nodes.forEach((node, i) => {
    const own = nodeConfig(node).name;
    const folder = folderName(node.root);
    const parent = folderName(node.root.slice(0, node.root.lastIndexOf('/')));
    const candidates = [own, folder, `${own}-${parent}`, `${own}-${folder}`].map(sanitize);
    const name = candidates.find((c) => isNodeName(c) && !taken.has(c.toLowerCase())) ?? uniqueName(`node${i + 1}`, taken);
    taken.add(name.toLowerCase());
    out.set(node.root, name);
  });
  return out;
}

/** The files manifests list by name, by node root and kind, in the order listed. */
function listedByRoot(workspace: DraftWorkspace): Map<string, Map<ConfKind, string[]>> {
  const out = new Map<string, Map<ConfKind, string[]>>();
  for (const [uri, kind] of workspace.listedFiles?.() ?? []) {
    if (!workspace.get(uri)) continue;
    const root = workspace.nodeOf(uri).root;
    const byKind = out.get(root) ?? new Map<ConfKind, string[]>();
    byKind.set(kind, [...(byKind.get(kind) ?? []), uri]);
    out.set(root, byKind);
  }
  return out;
}

/** `"fw1": "sites/fw1"`, or an object when the node has listed files or a kernel with `device carp`. */
function nodeValue(node: NodeFiles, name: string, rel: string, base: string, listed: Map<ConfKind, string[]>, existing: Manifest | undefined): unknown {
  const files: Record<string, string | string[]> = {};
  for (const [kind, uris] of listed) {
    const rels = uris.map((u) => relativeTo(base, u)).filter((r): r is string => r !== undefined);
    if (rels.length > 0) files[kind] = rels.length === 1 ? rels[0] : rels;
  }
  const listedUris = new Set([...listed.values()].flat());
  const ownFiles = Object.values(node.byKind).some((docs) => docs.some((d) => !listedUris.has(d.uri)));
  // A node with listed files only lives in `<name>/` beside the manifest unless a folder is given.
  const folderNeeded = ownFiles || rel !== name;
  const deviceCarp = existing?.builtinCarp.has(nodeConfig(node).name) === true;
  if (Object.keys(files).length === 0 && !deviceCarp) return rel;
  return { ...(folderNeeded ? { folder: rel } : {}), ...(Object.keys(files).length > 0 ? { files } : {}), ...(deviceCarp ? { deviceCarp: true } : {}) };
}

/** The primary the elections predict, or why there is none to give. */
function predictedPrimary(cluster: TopologyCluster, name: (root: string) => string): string | { why: string } {
  const tied = cluster.groups.filter((g) => g.tie).map((g) => g.vhid);
  if (tied.length > 0) {
    return { why: `which node is MASTER of vhid ${tied.join(', vhid ')} depends on timing (the members advertise equally often): give "primary" once the advskews say which node it is` };
  }
  const masters = new Set(cluster.groups.map((g) => g.master).filter((m): m is string => m !== null));
  if (masters.size === 1) return [...masters][0];
  if (masters.size === 0) return { why: 'no vhid of this cluster has a MASTER (every one is on a legacy carpN interface): no primary to give' };
  const each = cluster.groups.flatMap((g) => (g.master === null ? [] : [`vhid ${g.vhid}: ${name(g.master)}`]));
  return { why: `the vhids have different MASTERs (${each.join(', ')}): give "primary", or "activeActive": true if that is meant` };
}

/** The existing manifest's cluster of exactly these nodes, to keep its name and intention. */
function existingCluster(existing: Manifest | undefined, cluster: TopologyCluster): Manifest['clusters'][number] | undefined {
  if (!existing) return undefined;
  const roots = cluster.nodes.map((n) => n.root).sort().join('\n');
  const rootOf = (name: string): string => existing.nodes.get(name)?.root ?? cluster.nodes.find((n) => n.name === name)?.root ?? name;
  return existing.clusters.find((c) => c.nodes.map(rootOf).sort().join('\n') === roots);
}

/** The names' common stem (`fw` for fw1 and fw2), else `cluster`. */
function derivedName(members: readonly string[]): string {
  let prefix = members[0];
  for (const m of members) while (!m.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const stem = prefix.replace(/[-_.0-9]+$/, '');
  return stem === '' ? 'cluster' : stem;
}

/** `wanted`, or `wanted-2`, `wanted-3`…: the first not in `taken` (which it joins) nor in `avoid`. */
function uniqueName(wanted: string, taken: Set<string>, avoid: ReadonlySet<string> = new Set()): string {
  let name = wanted;
  for (let i = 2; taken.has(name.toLowerCase()) || avoid.has(name.toLowerCase()); i++) name = `${wanted}-${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** A string made into a node name where it can be: invalid characters become "-". */
function sanitize(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
}

/** A path below `base` as the manifest writes it ('.' for the folder itself), or undefined for one outside. */
function relativeTo(base: string, uri: string): string | undefined {
  if (uri === base) return '.';
  if (!uri.startsWith(`${base}/`)) return undefined;
  const rel = uri.slice(base.length + 1);
  try {
    return rel.split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
}

/** A JSON value on one line: `{ "nodes": ["fw1", "fw2"], "primary": "fw1" }`. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
  return JSON.stringify(value);
}

function folderName(root: string): string {
  return relativeTo(root.slice(0, root.lastIndexOf('/')), root) ?? root;
}

/** The manifest text: two-space indentation, one entry per line, comments where the draft could not decide. */
function render(header: string, sections: readonly [string, Line[], 'object' | 'array'][]): string {
  const out = ['{', `  ${header}`];
  sections.forEach(([key, lines, shape], i) => {
    const entries = lines.filter((l): l is { key: string; value: unknown } => 'key' in l);
    const open = shape === 'object' ? '{' : '[';
    const close = shape === 'object' ? '}' : ']';
    out.push(`  ${JSON.stringify(key)}: ${open}`);
    let done = 0;
    for (const line of lines) {
      if ('comment' in line) {
        out.push(`    // ${line.comment}`);
        continue;
      }
      done++;
      const comma = done < entries.length ? ',' : '';
      const value = inline(line.value);
      out.push(shape === 'object' ? `    ${JSON.stringify(line.key)}: ${value}${comma}` : `    ${value}${comma}`);
    }
    out.push(`  ${close}${i < sections.length - 1 ? ',' : ''}`);
  });
  out.push('}', '');
  return out.join('\n');
}
