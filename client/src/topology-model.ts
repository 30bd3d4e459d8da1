import * as vscode from 'vscode';
import { WorkspaceStatusRequest, type TopologyResult } from '../../server/src/protocol';
import type { ServerConnection } from './server-connection';
import type { SimulatedFailures } from './simulated-failures';

/**
 * Why the CARP views show what they show: the welcome view of the tree and
 * the status bar item read it. `clusters` carries the answer.
 */
export type TopologyState =
  | { kind: 'starting' }
  | { kind: 'stopped' }
  | { kind: 'scanning' }
  | { kind: 'empty' }
  | { kind: 'clusters'; result: TopologyResult };

/** Where a running or stopped server stands, as the extension tells the model. */
export type ServerState = 'starting' | 'running' | 'stopped';

/** The context key the welcome view reads: the `kind` of the current TopologyState. */
export const TOPOLOGY_STATE_KEY = 'freebsdConf.topologyState';

/**
 * The topology with the simulated failures applied, fetched again when the
 * server says its model changed, when a scan finished and when a failure is
 * simulated or restored; never on a timer. The tree view and the status bar
 * share it, so one change costs one request and both always agree.
 */
export class TopologyModel implements vscode.Disposable {
  private state: TopologyState = { kind: 'starting' };
  private server: ServerState = 'starting';
  private asked = 0;
  private readonly changed = new vscode.EventEmitter<TopologyState>();
  private readonly subscriptions: vscode.Disposable[];

  /** Fires after every reload whose answer differs from the one before. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly connection: ServerConnection, private readonly failures: SimulatedFailures) {
    const reload = (): void => void this.reload();
    this.subscriptions = [connection.onTopologyChanged(reload), connection.onScanFinished(reload), failures.onDidChange(reload), this.changed];
    void vscode.commands.executeCommand('setContext', TOPOLOGY_STATE_KEY, this.state.kind);
  }

  get current(): TopologyState {
    return this.state;
  }

  /** The extension reports each state change of the language client (the restart command may replace it). */
  serverStateChanged(server: ServerState): void {
    this.server = server;
    void this.reload();
  }

  /**
   * Asks the server again. Answers arriving out of order are dropped: only
   * the latest request's answer is applied, so a failure toggled twice
   * quickly never ends in the first toggle's topology.
   */
  async reload(): Promise<TopologyState> {
    const ticket = ++this.asked;
    let next: TopologyState;
    try {
      next = await this.fetch();
    } catch {
      // The server stopped between the check and the answer; its restart reloads.
      next = { kind: this.server === 'starting' ? 'starting' : 'stopped' };
    }
    if (ticket !== this.asked) return this.state;
    // A scan is followed by a topologyChanged too: the same answer twice re-renders nothing.
    if (JSON.stringify(next) === JSON.stringify(this.state)) return this.state;
    this.state = next;
    void vscode.commands.executeCommand('setContext', TOPOLOGY_STATE_KEY, next.kind);
    this.changed.fire(next);
    return next;
  }

  private async fetch(): Promise<TopologyState> {
    const client = this.connection.running();
    if (!client) return { kind: this.server === 'starting' ? 'starting' : 'stopped' };
    const result = await this.connection.topology(this.failures.list());
    if (!result) return { kind: 'stopped' };
    if (result.clusters.length > 0) return { kind: 'clusters', result };
    // No cluster yet may mean the first scan has not finished.
    const status = await client.sendRequest(WorkspaceStatusRequest);
    return { kind: status.scanned ? 'empty' : 'scanning' };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
