import type { Connection } from 'vscode-languageserver/node';
import type { AnalysisService } from './analysis-service';
import type { Lifecycle } from './lifecycle';
import { TopologyChangedNotification, TopologyRequest, type TopologyParams } from '../protocol';
import { topology, topologyMayHaveChanged, topologySnapshot } from '../features/topology';
import { TopologyNotifier } from './topology-notifier';

/** At most one topologyChanged notification in this many milliseconds. */
export const TOPOLOGY_NOTIFY_INTERVAL_MS = 200;

/**
 * Binds the topology request and returns what tells the client the
 * topology changed (the analysis service calls it after every change).
 * `alsoOnChange` runs each time the client is told (the vhid CodeLenses,
 * whose titles come from the same topology, are refreshed then).
 */
export function registerTopology(connection: Connection, service: AnalysisService, lifecycle: Lifecycle, alsoOnChange: () => void = () => {}): TopologyNotifier {
  connection.onRequest(TopologyRequest, lifecycle.request((params) => topology(service.workspace, failedOf(params))));
  const workspace = service.workspace;
  return new TopologyNotifier(
    {
      version: () => workspace.version(),
      mayHaveChanged: (since) => topologyMayHaveChanged(workspace, since),
      snapshot: () => topologySnapshot(workspace),
    },
    (change) => {
      alsoOnChange();
      void connection.sendNotification(TopologyChangedNotification, change);
    },
    {
      intervalMs: TOPOLOGY_NOTIFY_INTERVAL_MS,
      isShutDown: () => lifecycle.isShutDown,
      onError: (error) => connection.console.error(`topology update failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    },
  );
}

/** The failed nodes a client asked for, whatever it sent: only strings count. */
function failedOf(params: TopologyParams | null | undefined): string[] {
  const failed: unknown = params?.failed;
  return Array.isArray(failed) ? failed.filter((f): f is string => typeof f === 'string') : [];
}
