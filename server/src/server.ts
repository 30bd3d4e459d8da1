import {
  createConnection,
  DidChangeConfigurationNotification,
  MessageType,
  ProposedFeatures,
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
import { ScanFinishedNotification, WorkspaceStatusRequest } from './protocol';
import { parseSettings } from './settings';
import { SettingsWarnings } from './settings-validation';
import { docsUrl } from './docs-url';
import { registerFeatures } from './lsp/features';

// `--stdio`, `--node-ipc` and `--socket` are read by createConnection itself.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let editSupport: EditSupport = { documentChanges: false, createFiles: false };
let configurationSupport = false;
let folderEventsSupport = false;
let folders: string[] = [];
let relatedSupport = false;

const service = new AnalysisService({
  publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
  log: (message) => connection.console.log(message),
  docsUrl: docsUrl(),
  relatedSupport: () => relatedSupport,
});

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const ws = params.capabilities.workspace;
  editSupport = {
    documentChanges: ws?.workspaceEdit?.documentChanges === true,
    createFiles: ws?.workspaceEdit?.resourceOperations?.includes('create') === true,
  };
  configurationSupport = ws?.configuration === true;
  folderEventsSupport = ws?.workspaceFolders === true;
  relatedSupport = params.capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
  folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
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

async function loadSettings(): Promise<void> {
  if (!configurationSupport) return;
  applySettings(await connection.workspace.getConfiguration('freebsdConf'));
}

/** Resolves when the first scan has finished: tests await the scanFinished notification. */
async function scanWorkspace(): Promise<void> {
  const status = await service.scan(folders);
  void connection.sendNotification(ScanFinishedNotification, status);
}

connection.onInitialized(async () => {
  if (configurationSupport) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'freebsdConf' });
  // Only a client that announced workspace folder support may be asked for their change events.
  if (folderEventsSupport) connection.workspace.onDidChangeWorkspaceFolders((event) => void onFoldersChanged(event));
  await loadSettings();
  await scanWorkspace();
});

connection.onDidChangeConfiguration(async (change) => {
  if (configurationSupport) await loadSettings();
  else applySettings((change.settings as { freebsdConf?: unknown } | undefined)?.freebsdConf);
  service.publishAll();
});

async function onFoldersChanged(event: WorkspaceFoldersChangeEvent): Promise<void> {
  folders = [...folders.filter((f) => !event.removed.some((r) => r.uri === f)), ...event.added.map((a) => a.uri)];
  for (const removed of event.removed) service.removeFolder(removed.uri);
  await scanWorkspace();
}

// TextDocuments fires onDidChangeContent on open too, so this covers both.
documents.onDidChangeContent((e) => service.openOrChange(e.document.uri, e.document.languageId, e.document.getText()));
documents.onDidClose((e) => void service.close(e.document.uri));

connection.onDidChangeWatchedFiles(async (params) => {
  for (const change of params.changes) await service.diskChanged(change.uri, change.type === 3 /* Deleted */);
});

registerFeatures(connection, service, () => editSupport);

connection.onRequest(WorkspaceStatusRequest, () => service.status());

documents.listen(connection);
connection.listen();
