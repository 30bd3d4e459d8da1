import * as vscode from 'vscode';
import { type LanguageClient, State } from 'vscode-languageclient/node';
import { clientFactory } from './client';
import { ServerConnection } from './server-connection';
import { SimulatedFailures } from './simulated-failures';
import { registerCarpViews, type CarpViews } from './carp-views';
import { registerWorkspaceCommands } from './workspace-commands';
import { registerDocsCommand } from './docs-command';
import { registerTopologyPanel, type TopologyPanel } from './topology-panel';

/** What activate() returns, for the end-to-end tests: the CARP views and the diagram panel. */
export interface FreebsdConfApi extends CarpViews {
  topologyPanel: TopologyPanel;
}

let client: LanguageClient | undefined;
let newClient: (() => LanguageClient) | undefined;

/**
 * Starts the language server. The restart command is registered before the
 * start so that a server that failed to come up can be restarted without
 * reloading the window. Returns the CARP views and the diagram panel, which
 * the end-to-end tests read through the extension's `exports`.
 */
export async function activate(context: vscode.ExtensionContext): Promise<FreebsdConfApi> {
  const connection = new ServerConnection();
  const failures = new SimulatedFailures();
  const views = registerCarpViews(context, connection, failures);
  const build = clientFactory(context);
  // Every client, the first and any a restart makes, is attached before it
  // starts, so the views' events survive restarts.
  newClient = () => {
    const fresh = build();
    connection.attach(fresh);
    views.follow(fresh);
    return fresh;
  };
  context.subscriptions.push(
    connection,
    failures,
    vscode.commands.registerCommand('freebsdConf.restartServer', restartServer),
    ...registerWorkspaceCommands(connection),
    registerDocsCommand(context),
  );
  const topologyPanel = registerTopologyPanel(context, connection, failures);
  client = newClient();
  try {
    await client.start();
  } catch {
    // The client has already written the cause to the output channel and
    // shown an error notification; activation itself must still succeed.
  }
  return { ...views, topologyPanel };
}

/** Stops the server cleanly so no orphaned server process outlives the window. */
export function deactivate(): Thenable<void> | undefined {
  // stop() throws on a client that never got running (failed start).
  return client?.isRunning() ? client.stop() : undefined;
}

/**
 * Restarts the server process (after a crash, or to pick up a rebuilt
 * server). A client whose start failed cannot be started again, so it is
 * replaced by a fresh one. Rejects on failure so callers (and tests) see it.
 */
async function restartServer(): Promise<void> {
  try {
    // A restart during start-up waits for that start to settle first, so
    // two server processes never run side by side.
    if (client?.state === State.Starting) await client.start().catch(() => undefined);
    if (client?.isRunning()) {
      await client.restart();
      return;
    }
    await client?.dispose().catch(() => undefined);
    client = newClient?.();
    await client?.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`FreeBSD conf: restarting the language server failed: ${reason}`);
    throw error;
  }
}
