import type { PfDocument } from './document';
import type { NodeFiles, WorkspaceView } from './workspace-view';
import { nodeConfig } from './node-config';
import { pfDocumentOfNode } from './pf-include-paths';
import { unitOf, type PfUnit } from './pf-ruleset';

/**
 * The ruleset a node loads at boot: libexec/rc/rc.d/pf runs only with
 * `pf_enable` YES and loads `pf_rules` (default /etc/pf.conf, read from the
 * node's copy of its root). Undefined when pf does not run or the file is
 * not in the workspace (then rc.d/pf would refuse to start: its
 * required_files is $pf_rules).
 */
export interface NodeRuleset {
  root: PfDocument;
  unit: PfUnit;
}

/** The ruleset the node loads at boot, or undefined (see NodeRuleset). */
export function nodeRuleset(workspace: WorkspaceView, node: NodeFiles): NodeRuleset | undefined {
  const config = nodeConfig(node);
  if (!config.rcYes('pf_enable') || config.rc.get('pf_enable')?.uncertain) return undefined;
  const path = config.rcValue('pf_rules') ?? '/etc/pf.conf';
  if (path === '' || /[$`]/.test(path) || config.rc.get('pf_rules')?.uncertain) return undefined;
  // rc runs from /, so a relative path is taken from the root too.
  const root = pfDocumentOfNode(workspace, node, path.startsWith('/') ? path : `/${path}`);
  return root ? { root, unit: unitOf(workspace, root) } : undefined;
}

/** Folders above a ruleset's root file searched for the node that loads it (`<node>/etc/pf/pf.conf` is three up). */
const MAX_LEVELS = 6;

/**
 * The nodes that load the ruleset rooted at `root` (their `pf_rules`
 * leads there). A node is a folder by path, so a ruleset kept in a
 * subfolder (`etc/pf/pf.conf`) is found from the folders above it.
 */
export function nodesLoading(workspace: WorkspaceView, root: PfDocument): NodeFiles[] {
  const out: NodeFiles[] = [];
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(\/.*)$/i.exec(root.uri);
  const parts = (m ? m[2] : root.uri).split('/');
  parts.pop();
  for (let level = 0; level < MAX_LEVELS && parts.length > 1; level++, parts.pop()) {
    const node = workspace.nodeOf(`${m ? m[1] : ''}${parts.join('/')}/etc/rc.conf`);
    if (node.byKind.rc.length > 0 && !out.includes(node) && nodeRuleset(workspace, node)?.root.uri === root.uri) out.push(node);
  }
  return out;
}
