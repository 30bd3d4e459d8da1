import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { ServerConnection } from './server-connection';
import type { SimulatedFailures } from './simulated-failures';
import { CarpStatusBar } from './status-bar';
import { registerTopologyCommands } from './topology-commands';
import { TopologyModel } from './topology-model';
import { CLUSTERS_VIEW_ID, TopologyTreeProvider } from './topology-tree';

/** What activate() returns: the views' objects, for the end-to-end tests to read what the user sees. */
export interface CarpViews {
  model: TopologyModel;
  topologyTree: TopologyTreeProvider;
  treeView: vscode.TreeView<unknown>;
  statusBar: CarpStatusBar;
  /** Tells the views about a language client (the first, and each one a restart makes): they follow its state. */
  follow(client: LanguageClient): void;
}

/** Creates the "CARP Clusters" view, the status bar item and their commands; everything is disposed with the extension. */
export function registerCarpViews(context: vscode.ExtensionContext, connection: ServerConnection, failures: SimulatedFailures): CarpViews {
  const model = new TopologyModel(connection, failures);
  const topologyTree = new TopologyTreeProvider(model);
  const treeView = vscode.window.createTreeView(CLUSTERS_VIEW_ID, { treeDataProvider: topologyTree, showCollapseAll: true });
  topologyTree.attach(treeView);
  const statusBar = new CarpStatusBar(model);
  context.subscriptions.push(model, topologyTree, treeView, statusBar, ...registerTopologyCommands(model, failures, topologyTree));
  const follow = (client: LanguageClient): void => {
    client.onDidChangeState(({ newState }) => model.serverStateChanged(newState === State.Running ? 'running' : newState === State.Starting ? 'starting' : 'stopped'));
  };
  return { model, topologyTree, treeView: treeView as vscode.TreeView<unknown>, statusBar, follow };
}
