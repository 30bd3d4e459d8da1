import type { Manifest, ManifestCluster, ManifestPlace } from './manifest';
import type { ManifestProblem, Spanned } from './manifest-json';
import type { ManifestSource, Placement } from './manifest-placement';
import type { WorkspaceView } from './workspace-view';
import { nodeConfig } from './node-config';
import { didYouMean } from '../settings-validation';

/**
 * The manifests matched against the workspace's nodes: what checks read
 * (`WorkspaceView.manifest()`), and a warning for every name, folder or file
 * that matches nothing. A name without a folder is looked up among the names
 * the nodes give themselves (hostname, else folder); one that two nodes
 * share is ambiguous and left out.
 */

export interface Resolved {
  manifest: Manifest | undefined;
  /** `manifest/unknown-node` warnings, by manifest URI. */
  problems: ReadonlyMap<string, ManifestProblem[]>;
}

export function resolveManifest(sources: readonly ManifestSource[], placement: Placement, view: Pick<WorkspaceView, 'nodes' | 'get'>): Resolved {
  if (sources.length === 0) return { manifest: undefined, problems: new Map() };
  const problems = new Map<string, ManifestProblem[]>();
  const warn = (source: ManifestSource, span: { offset: number; length: number }, message: string): void => {
    const list = problems.get(source.uri) ?? [];
    list.push({ code: 'manifest/unknown-node', offset: span.offset, length: span.length, message });
    problems.set(source.uri, list);
  };
  const place = (source: ManifestSource, span: { offset: number; length: number }): ManifestPlace => ({ uri: source.uri, range: source.lines.range(span.offset, span.offset + span.length) });

  const roots = new Set<string>();
  let ownNames: Map<string, string[]> | undefined;
  for (const node of view.nodes()) roots.add(node.root);
  /** Node roots by the name each node goes by, built on first need (it reads every node's hostname). */
  const byOwnName = (): Map<string, string[]> => {
    if (ownNames) return ownNames;
    ownNames = new Map();
    for (const node of view.nodes()) {
      const name = nodeConfig(node).name;
      ownNames.set(name, [...(ownNames.get(name) ?? []), node.root]);
    }
    return ownNames;
  };

  const nodes = new Map<string, { root: string; at?: ManifestPlace }>();
  for (const node of placement.placed.values()) {
    const { source, entry } = node;
    const present = node.files.filter((uri) => view.get(uri));
    entry.files.forEach((f) => {
      if (!view.get(source.resolvePath(f.path.value)) && placement.files.get(source.resolvePath(f.path.value))?.root === node.root) {
        warn(source, f.path, `"${f.path.value}" was not found (or could not be read), so node "${node.name}" is checked without it`);
      }
    });
    if (roots.has(node.root)) nodes.set(node.name, { root: node.root, at: place(source, entry.name) });
    else if (entry.folder && present.length === 0) warn(source, entry.folder, noNodeIn(entry.folder.value));
  }

  /** The root a name refers to, or a warning at `span`. */
  const lookup = (source: ManifestSource, name: Spanned<string>): string | undefined => {
    const known = nodes.get(name.value);
    if (known) return known.root;
    if (placement.placed.has(name.value)) return undefined; // its folder or files are missing: said at the entry
    const found = byOwnName().get(name.value) ?? [];
    if (found.length === 1) {
      nodes.set(name.value, { root: found[0], at: place(source, name) });
      return found[0];
    }
    if (found.length === 0) {
      const hint = didYouMean(name.value, [...byOwnName().keys()]);
      warn(source, name, `no node is named "${name.value}" (by freebsd-conf.json, its hostname or its folder)${hint}`);
    } else {
      const where = found.map((r) => relativeTo(source.resolvePath(''), r)).join(', ');
      warn(source, name, `"${name.value}" is the name of ${found.length} nodes (${where}): name each in "nodes" with its folder`);
    }
    return undefined;
  };

  const clusters: ManifestCluster[] = [];
  const builtinCarp = new Set<string>();
  const reservedVhids: Manifest['reservedVhids'][number][] = [];
  for (const source of sources) {
    const { spec } = source.parsed;
    for (const entry of spec.nodes) {
      if (!entry.folder && entry.files.length === 0 && placementOwner(placement, entry.name.value, source)) lookup(source, entry.name);
      if (entry.deviceCarp) builtinCarp.add(entry.name.value);
    }
    for (const c of spec.clusters) {
      for (const member of c.nodes) lookup(source, member);
      clusters.push({
        name: c.name.value,
        nodes: c.nodes.map((n) => n.value),
        ...(c.primary ? { primary: c.primary.value, primaryAt: place(source, c.primary) } : {}),
        activeActive: c.activeActive,
        at: place(source, c.name),
      });
    }
    for (const r of spec.reserved) {
      reservedVhids.push({ segment: r.segment.value, vhids: r.vhids, ...(r.note === undefined ? {} : { note: r.note }), at: place(source, r) });
    }
  }
  for (const name of builtinCarp) if (!nodes.has(name)) builtinCarp.delete(name);
  return { manifest: { uri: sources[0].uri, nodes, clusters, builtinCarp, reservedVhids }, problems };
}

/** True when this source's entry is the one that counts for `name` (an entry repeated in a later manifest is reported there). */
function placementOwner(placement: Placement, name: string, source: ManifestSource): boolean {
  const placed = placement.placed.get(name);
  return placed === undefined || placed.source === source;
}

function noNodeIn(folder: string): string {
  const shown = folder === '' ? 'the folder of freebsd-conf.json' : `"${folder}"`;
  const up = /^(?:(.*)\/)?(etc|boot)$/.exec(folder);
  const hint = up ? `; a node's folder is the one that holds etc/ and boot/ ("${up[1] ?? '.'}")` : '';
  return `no node in ${shown}: no rc.conf, loader.conf, sysctl.conf or pf.conf was found there${hint}`;
}

/** A node's folder as a message shows it: relative to the manifest's folder when below it. */
export function relativeTo(folder: string, uri: string): string {
  const rel = uri.startsWith(`${folder}/`) ? uri.slice(folder.length + 1) : uri;
  try {
    return decodeURIComponent(rel);
  } catch {
    return rel;
  }
}
