import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { CONF_GLOBS, LANGUAGE_IDS, MANIFEST_GLOB } from '../../server/src/protocol';

/** Client id: also the prefix of the `freebsdConf.trace.server` setting the library reads. */
const CLIENT_ID = 'freebsdConf';

/** Shown in the Output view; tests and bug reports refer to it by this name. */
export const OUTPUT_CHANNEL_NAME = 'FreeBSD conf';

/**
 * Returns a function that builds a language client without starting it.
 *
 * A factory rather than one client because vscode-languageclient cannot start
 * a client again after its first start failed (for example while the server
 * bundle was missing); the restart command then needs a fresh client. The
 * output channel and file watchers are created once and shared, so restarts
 * neither duplicate the "FreeBSD conf" channel nor leak watchers.
 */
export function clientFactory(context: vscode.ExtensionContext): () => LanguageClient {
  const module = context.asAbsolutePath('server/out/server.js');
  // The server runs as its own Node process over IPC: analysing a whole
  // cluster must never block the extension host.
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  // One watcher per glob: the server re-reads files changed outside the editor
  // (git pull, the peer node's config) because cluster checks span files.
  const watchers = CONF_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  // A folder deleted as a whole (`rm -r fw3`) comes as one event for the folder,
  // which no file glob matches: deletions of anything reach the server, which
  // forgets the config files that were below a deleted folder.
  const deletions = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
  const outputChannel = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME);
  context.subscriptions.push(...watchers, deletions, outputChannel);

  // Untitled documents are included so a pasted config is checked before it is saved.
  const documentSelector = [
    ...Object.values(LANGUAGE_IDS).flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    // The workspace manifest is JSON (VS Code's JSON support validates it against
    // the schema); its buffer is sent too, so names and severities follow edits.
    { scheme: 'file', pattern: MANIFEST_GLOB },
  ];

  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: { fileEvents: [...watchers, deletions] },
    outputChannel,
  };

  return () => new LanguageClient(CLIENT_ID, OUTPUT_CHANNEL_NAME, serverOptions, clientOptions);
}
