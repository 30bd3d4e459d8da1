import type { ConfKind } from './kinds';
import type { NodeFiles } from './workspace-view';

/**
 * A node is one machine of the cluster: a folder holding `etc/rc.conf` (a
 * copy of the machine's root) or a flat `rc.conf`. Its files are found by
 * path alone, so the model needs no file system.
 *
 * `<root>/etc/rc.conf`, `<root>/boot/loader.conf`, `<root>/etc/rc.conf.d/netif`
 * and a flat `<root>/rc.conf` all belong to the node `<root>`.
 */
export function nodeRootOf(uri: string): string {
  // Asked for on every lookup of every check; a workspace has a bounded set of files.
  const known = roots.get(uri);
  if (known !== undefined) return known;
  const root = computeNodeRoot(uri);
  if (roots.size >= MAX_REMEMBERED) roots.clear();
  roots.set(uri, root);
  return root;
}

const MAX_REMEMBERED = 100_000;
const roots = new Map<string, string>();

function computeNodeRoot(uri: string): string {
  const parts = uri.split('/');
  parts.pop(); // the file name
  const strip = (names: string[]): boolean => {
    const last = parts[parts.length - 1];
    if (last !== undefined && names.includes(last)) {
      parts.pop();
      return true;
    }
    return false;
  };
  // Service directories: etc/rc.conf.d/<service>/<file>.
  if (parts[parts.length - 2] === 'rc.conf.d') parts.pop();
  strip(['rc.conf.d', 'loader.conf.d', 'sysctl.kld.d', 'defaults']);
  // usr/local/etc/rc.conf.d belongs to the same machine as etc/.
  if (strip(['etc']) && parts[parts.length - 1] === 'local' && parts[parts.length - 2] === 'usr') {
    parts.pop();
    parts.pop();
  } else {
    strip(['boot']);
  }
  return parts.join('/');
}

/** True when the node keeps a machine-root layout (etc/, boot/) rather than flat files. */
export function usesRootLayout(fileUris: readonly string[]): boolean {
  return fileUris.some((u) => /\/(etc|boot)\/[^/]+$/.test(u) || /\/etc\/rc\.conf\.d\//.test(u));
}

/** Where a node's main file of a kind lives (or would be created), in the node's layout. */
export function mainFileUri(root: string, kind: ConfKind, rootLayout: boolean): string {
  const name = { rc: 'rc.conf', loader: 'loader.conf', sysctl: 'sysctl.conf', pf: 'pf.conf' }[kind];
  if (!rootLayout) return `${root}/${name}`;
  return kind === 'loader' ? `${root}/boot/${name}` : `${root}/etc/${name}`;
}

/**
 * Where a node's main file of a kind is, or would be created (the first
 * existing one wins). Lives in the model, not the workspace index, so checks
 * and fixes can say "append to this node's sysctl.conf, creating it if
 * needed" without depending on the index.
 */
export function nodeFileUri(node: NodeFiles, kind: ConfKind): { uri: string; exists: boolean } {
  const existing = node.byKind[kind].find((d) => /\/(rc|loader|sysctl|pf)\.conf$/.test(d.uri));
  if (existing) return { uri: existing.uri, exists: true };
  return { uri: mainFileUri(node.root, kind, node.rootLayout), exists: false };
}
