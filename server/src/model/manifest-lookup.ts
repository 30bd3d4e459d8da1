import type { Manifest, ManifestCluster } from './manifest';
import type { Cluster } from './cluster';

/**
 * Reading freebsd-conf.json from the nodes' side. The manifest names nodes;
 * the model knows them by folder (root) and by name (hostname, else the
 * folder), so a node matches a manifest name either way: through the
 * manifest's own `nodes` map (name → folder) or by its name.
 */

/** True when the manifest names the node at `root` (called `name`) as `wanted`. */
export function manifestNames(manifest: Manifest, wanted: string, root: string, name: string): boolean {
  if (wanted === name) return true;
  return manifest.nodes.get(wanted)?.root === root;
}

/** True when the manifest says the node's kernel has CARP built in (`device carp`), so no module has to be loaded. */
export function hasBuiltinCarp(manifest: Manifest | undefined, root: string, name: string): boolean {
  if (!manifest) return false;
  for (const wanted of manifest.builtinCarp) if (manifestNames(manifest, wanted, root, name)) return true;
  return false;
}

/** The manifest's cluster that names at least one node of `cluster` (`nameOf` gives a root's node name). */
export function manifestClusterOf(manifest: Manifest | undefined, cluster: Cluster, nameOf: (root: string) => string): ManifestCluster | undefined {
  if (!manifest) return undefined;
  return manifest.clusters.find((c) => c.nodes.some((wanted) => cluster.roots.some((root) => manifestNames(manifest, wanted, root, nameOf(root)))));
}
