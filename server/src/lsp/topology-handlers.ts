import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import type { AnalysisService } from './analysis-service';
import type { Lifecycle } from './lifecycle';
import { TOPOLOGY_TEXT_FORMATS, TopologyChangedNotification, TopologyRequest, TopologyTextRequest, type TopologyParams, type TopologyTextParams } from '../protocol';
import { topology, topologyMayHaveChanged, topologySnapshot } from '../features/topology';
import { formatMermaid } from '../features/topology-mermaid';
import { formatDot } from '../features/topology-dot';
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
  connection.onRequest(TopologyTextRequest, lifecycle.request((params) => topologyText(service, params)));
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

/** The topology as Mermaid or DOT source; any other format (a client may send anything) is InvalidParams. */
function topologyText(service: AnalysisService, params: TopologyTextParams | null | undefined): string | ResponseError<void> {
  const format: unknown = params?.format;
  if (format !== 'mermaid' && format !== 'dot') {
    return new ResponseError(ErrorCodes.InvalidParams, `format must be one of ${TOPOLOGY_TEXT_FORMATS.join(', ')}`);
  }
  const result = topology(service.workspace, failedOf(params));
  return format === 'mermaid' ? formatMermaid(result) : formatDot(result);
}

/** The failed nodes a client asked for, whatever it sent: only strings count. */
function failedOf(params: TopologyParams | null | undefined): string[] {
  const failed: unknown = params?.failed;
  return Array.isArray(failed) ? failed.filter((f): f is string => typeof f === 'string') : [];
}
