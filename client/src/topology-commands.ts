import * as vscode from 'vscode';
import { REVEAL_GROUP_COMMAND, type RevealGroupArgs, type TopologyNode } from '../../server/src/protocol';
import type { SimulatedFailures } from './simulated-failures';
import type { TopologyModel } from './topology-model';
import type { TopologyTreeProvider } from './topology-tree';

/** Set while at least one node failure is simulated: the view title's "Restore all nodes" shows then. */
export const HAS_FAILURES_KEY = 'freebsdConf.hasSimulatedFailures';

/**
 * The commands of the CARP views: simulate a node's failure and restore it
 * (from a tree element, any object with a node `root`, a root URI or a node
 * name; without an argument, a quick pick), restore every node, ask the
 * server again, and reveal a vhid group (the server's CodeLens runs that one).
 */
export function registerTopologyCommands(model: TopologyModel, failures: SimulatedFailures, tree: TopologyTreeProvider): vscode.Disposable[] {
  const setKey = (): Thenable<unknown> => vscode.commands.executeCommand('setContext', HAS_FAILURES_KEY, failures.list().length > 0);
  void setKey();
  return [
    failures.onDidChange(() => void setKey()),
    vscode.commands.registerCommand('freebsdConf.simulateFailure', async (arg?: unknown) => {
      const root = rootOf(model, arg) ?? (await pickNode(model, failures, 'up'));
      if (root !== undefined && !failures.has(root)) failures.toggle(root);
    }),
    vscode.commands.registerCommand('freebsdConf.restoreNode', async (arg?: unknown) => {
      const root = rootOf(model, arg) ?? (await pickNode(model, failures, 'down'));
      if (root !== undefined && failures.has(root)) failures.toggle(root);
    }),
    vscode.commands.registerCommand('freebsdConf.restoreAllNodes', () => failures.clear()),
    vscode.commands.registerCommand('freebsdConf.refreshTopology', () => model.reload()),
    vscode.commands.registerCommand(REVEAL_GROUP_COMMAND, (args?: unknown) => {
      const group = revealArgs(args);
      return group ? tree.revealGroup(group) : vscode.commands.executeCommand('freebsdConf.clusters.focus').then(() => false);
    }),
  ];
}

/** Every node of every cluster in the current answer. */
function nodes(model: TopologyModel): TopologyNode[] {
  const state = model.current;
  return state.kind === 'clusters' ? state.result.clusters.flatMap((c) => c.nodes) : [];
}

/**
 * The node root an argument stands for: a tree member (or anything with a
 * string `root`, as the diagram's messages carry), a root URI, or a node's
 * name. Undefined when it names none; the caller then asks.
 */
function rootOf(model: TopologyModel, arg: unknown): string | undefined {
  if (arg && typeof arg === 'object') {
    const member = (arg as { member?: { root?: unknown } }).member;
    const root = (arg as { root?: unknown }).root ?? member?.root;
    return typeof root === 'string' ? root : undefined;
  }
  if (typeof arg !== 'string') return undefined;
  const known = nodes(model);
  return known.find((n) => n.root === arg)?.root ?? known.find((n) => n.name.toLowerCase() === arg.toLowerCase())?.root ?? (arg.includes(':') ? arg : undefined);
}

async function pickNode(model: TopologyModel, failures: SimulatedFailures, want: 'up' | 'down'): Promise<string | undefined> {
  const seen = new Set<string>();
  const candidates = nodes(model).filter((n) => !seen.has(n.root) && seen.add(n.root) && failures.has(n.root) === (want === 'down'));
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(want === 'up' ? 'FreeBSD conf: no CARP node left to fail.' : 'FreeBSD conf: no node failure is simulated.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((n) => ({ label: n.name, description: vscode.Uri.parse(n.root).fsPath, root: n.root })),
    { placeHolder: want === 'up' ? 'The node whose failure to simulate' : 'The node to restore' },
  );
  return picked?.root;
}

/** A RevealGroupArgs, if that is what was passed: the lens's argument comes from the server. */
function revealArgs(args: unknown): RevealGroupArgs | undefined {
  if (!args || typeof args !== 'object') return undefined;
  const { vhid, segment } = args as Partial<RevealGroupArgs>;
  if (typeof vhid !== 'number') return undefined;
  return { vhid, segment: typeof segment === 'string' ? segment : null };
}
