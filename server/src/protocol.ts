import { NotificationType, RequestType0 } from 'vscode-languageserver-protocol';

/**
 * The custom messages between the client and the server, in one typed module
 * (the one server file the client imports). Each is a constant next to its
 * payload type, so both sides agree at compile time.
 */

/** What the server has analysed so far. */
export interface WorkspaceStatus {
  /** Files parsed and checked. */
  files: number;
  /** Machines (folders holding etc/rc.conf or a flat rc.conf, loader.conf, ...). */
  nodes: number;
  /** Files found but not analysed (binary, too large), with the reason. */
  skipped: { uri: string; reason: string }[];
  /** Files left out because the workspace has more than freebsdConf.maxFiles. */
  overCap: number;
  /** True once the first scan of the workspace folders has finished. */
  scanned: boolean;
}

/** Sent by the server each time a workspace scan finishes. */
export const ScanFinishedNotification = new NotificationType<WorkspaceStatus>('freebsdConf/scanFinished');

/** Asks the server for its current WorkspaceStatus. */
export const WorkspaceStatusRequest = new RequestType0<WorkspaceStatus, void>('freebsdConf/workspaceStatus');

/** Language ids and the file globs of the four file types, shared with the client's selectors and watchers. */
export { LANGUAGE_IDS, CONF_GLOBS } from './model/kinds';
/** freebsd-conf.json: the client sends its buffer too, so the server sees it as it is edited. */
export { MANIFEST_GLOB } from './model/manifest';
