import {
  createConnection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisService } from './lsp/analysis-service';
import { capabilities } from './lsp/capabilities';
import type { EditSupport } from './lsp/code-actions';
import { Lifecycle } from './lsp/lifecycle';
import { WorkspaceStatusRequest, type WorkspaceStatus } from './protocol';
import { parseSettings } from './settings';
import { SettingsWarnings } from './settings-validation';
import { docsUrl } from './docs-url';
import { registerFeatures } from './lsp/feature-handlers';
import { WorkspaceScanner } from './lsp/workspace-scanner';
import { codeLensRefresher } from './lsp/code-lens-refresh';
import { registerTopology } from './lsp/topology-handlers';
import { DiagnosticTally, registerWorkspaceCommands } from './lsp/workspace-commands';

// `--stdio`, `--node-ipc` and `--socket` are read by createConnection itself.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const lifecycle = new Lifecycle((message) => connection.console.warn(message));
let editSupport: EditSupport = { documentChanges: false, createFiles: false };
let configurationSupport = false;
let folderEventsSupport = false;
let folders: string[] = [];
let relatedSupport = false;
let progressSupport = false;
let codeLensRefreshSupport = false;

// The last line of defence: a bug anywhere must cost one answer, never the
// editor's diagnostics until a restart. Logged so it still gets fixed.
process.on('uncaughtException', (error) => connection.console.error(`internal error: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`internal error: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));

const tally = new DiagnosticTally();
const service = new AnalysisService({
  publish: (uri, diagnostics) => {
    tally.record(uri, diagnostics);
    void connection.sendDiagnostics({ uri, diagnostics });
  },
  log: (message) => connection.console.log(message),
  docsUrl: docsUrl(),
  relatedSupport: () => relatedSupport,
  changed: (after) => topologyUpdates.changed(after === 'scan'),
});

/** The `uri` strings of a list of folder objects, whatever the client sent. */
function folderUris(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((f: unknown) => (f as { uri?: unknown } | null)?.uri).filter((u): u is string => typeof u === 'string');
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const ws = params.capabilities?.workspace;
  editSupport = {
    documentChanges: ws?.workspaceEdit?.documentChanges === true,
    createFiles: Array.isArray(ws?.workspaceEdit?.resourceOperations) && ws.workspaceEdit.resourceOperations.includes('create'),
  };
  configurationSupport = ws?.configuration === true;
  folderEventsSupport = ws?.workspaceFolders === true;
  relatedSupport = params.capabilities?.textDocument?.publishDiagnostics?.relatedInformation === true;
  progressSupport = params.capabilities?.window?.workDoneProgress === true;
  codeLensRefreshSupport = ws?.codeLens?.refreshSupport === true;
  folders = params.workspaceFolders ? folderUris(params.workspaceFolders) : typeof params.rootUri === 'string' ? [params.rootUri] : [];
  if (params.initializationOptions && typeof params.initializationOptions === 'object') {
    applySettings((params.initializationOptions as { settings?: unknown }).settings);
  }
  return { capabilities: capabilities(), serverInfo: { name: 'freebsd-conf' } };
});

// parseSettings ignores mistakes so the server keeps working; the user is told of them once (not on every configuration event).
// A notification, not showWarningMessage: that is a request, and a client without it would reject it.
const settingsWarnings = new SettingsWarnings((message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }));
function applySettings(raw: unknown): void {
  service.settings = parseSettings(raw);
  settingsWarnings.report(raw);
}

// A second shutdown is a request after shutdown like any other.
connection.onShutdown(() => (lifecycle.shutdown() ? undefined : new ResponseError(ErrorCodes.InvalidRequest, 'shutdown was already received')));

async function loadSettings(): Promise<void> {
  if (!configurationSupport) return;
  applySettings(await connection.workspace.getConfiguration('freebsdConf'));
}

const scanner = new WorkspaceScanner(connection, service, {
  folders: () => folders,
  configurationSupport: () => configurationSupport,
  progressSupport: () => progressSupport,
});
const scanWorkspace = (): Promise<WorkspaceStatus> => scanner.scan();

connection.onInitialized(
  lifecycle.notification('initialized', async () => {
    if (configurationSupport) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'freebsdConf' });
    // Only a client that announced workspace folder support may be asked for their change events.
    if (folderEventsSupport) connection.workspace.onDidChangeWorkspaceFolders(lifecycle.notification('workspace/didChangeWorkspaceFolders', onFoldersChanged));
    await loadSettings();
    await scanWorkspace();
  }),
);

connection.onDidChangeConfiguration(
  lifecycle.notification('workspace/didChangeConfiguration', async (change) => {
    if (configurationSupport) await loadSettings();
    else applySettings((change?.settings as { freebsdConf?: unknown } | undefined)?.freebsdConf);
    service.publishAll();
    // freebsdConf.codeLens.enable may have changed: lenses appear or go.
    refreshCodeLenses();
  }),
);

const refreshCodeLenses = codeLensRefresher(connection, lifecycle, () => codeLensRefreshSupport);

async function onFoldersChanged(event: WorkspaceFoldersChangeEvent | null | undefined): Promise<void> {
  const removed = folderUris(event?.removed);
  folders = [...folders.filter((f) => !removed.includes(f)), ...folderUris(event?.added)];
  for (const uri of removed) service.removeFolder(uri);
  await scanWorkspace();
}

// TextDocuments fires onDidChangeContent on open too, so this covers both.
documents.onDidChangeContent((e) => lifecycle.run('textDocument/didChange', () => service.openOrChange(e.document.uri, e.document.languageId, e.document.getText())));
documents.onDidClose((e) => lifecycle.run('textDocument/didClose', () => service.close(e.document.uri)));

connection.onDidChangeWatchedFiles(
  lifecycle.notification('workspace/didChangeWatchedFiles', async (params) => {
    for (const change of params?.changes ?? []) await service.diskChanged(change.uri, change.type === 3 /* Deleted */);
  }),
);

registerFeatures(connection, service, () => editSupport, lifecycle);

connection.onRequest(WorkspaceStatusRequest, lifecycle.request(() => service.status()));
const topologyUpdates = registerTopology(connection, service, lifecycle, refreshCodeLenses);
registerWorkspaceCommands(connection, { service, lifecycle, tally, rescan: scanWorkspace, folders: () => folders });

documents.listen(connection);
connection.listen();
