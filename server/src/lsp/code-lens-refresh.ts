import { CodeLensRefreshRequest, type Connection } from 'vscode-languageserver/node';
import type { Lifecycle } from './lifecycle';

/**
 * Returns what asks the client to ask again for the CodeLenses of every open
 * file: a vhid's lens depends on other nodes' files, which the client does
 * not know. Only a client that declared it can (workspace.codeLens.refreshSupport,
 * read at each call since it is known only after initialize); a failed
 * request costs nothing but stale titles, so it is only logged.
 */
export function codeLensRefresher(connection: Connection, lifecycle: Lifecycle, supported: () => boolean): () => void {
  return () => {
    if (!supported() || lifecycle.isShutDown) return;
    connection.sendRequest(CodeLensRefreshRequest.type).catch((error: unknown) => connection.console.log(`codeLens refresh refused: ${error instanceof Error ? error.message : String(error)}`));
  };
}
