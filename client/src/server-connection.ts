import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ScanFinishedNotification, TopologyChangedNotification, TopologyRequest,
  type TopologyChanged, type TopologyResult, type WorkspaceStatus,
} from '../../server/src/protocol';

/**
 * The one place the client's views reach the language server through.
 *
 * The restart command may replace the LanguageClient (a client whose first
 * start failed cannot start again), so views never hold a client: they ask
 * this object, and its events keep firing across restarts because every new
 * client is attached here before it starts.
 */
export class ServerConnection implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly topologyChanged = new vscode.EventEmitter<TopologyChanged>();
  private readonly scanFinished = new vscode.EventEmitter<WorkspaceStatus>();

  /** The server's model changed (after a scan, after an edit that changes a role or a member). */
  readonly onTopologyChanged = this.topologyChanged.event;
  /** A workspace scan finished. */
  readonly onScanFinished = this.scanFinished.event;

  /** Makes `client` the current one; call before it starts, so no notification is missed. */
  attach(client: LanguageClient): void {
    this.client = client;
    client.onNotification(TopologyChangedNotification, (change) => this.topologyChanged.fire(change));
    client.onNotification(ScanFinishedNotification, (status) => this.scanFinished.fire(status));
  }

  /** The current client when it is running, else undefined (starting, stopped or failed). */
  running(): LanguageClient | undefined {
    return this.client?.isRunning() ? this.client : undefined;
  }

  /**
   * The topology with `failed` nodes taken down (root URIs or names), or
   * undefined while no server runs: views then show that the server is not
   * running rather than an empty workspace.
   */
  async topology(failed: readonly string[] = []): Promise<TopologyResult | undefined> {
    const client = this.running();
    return client ? client.sendRequest(TopologyRequest, { failed: [...failed] }) : undefined;
  }

  dispose(): void {
    this.topologyChanged.dispose();
    this.scanFinished.dispose();
  }
}
