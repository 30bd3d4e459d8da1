import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckWorkspaceRequest, ManifestDraftRequest, type CheckWorkspaceResult } from '../../server/src/protocol';
import type { ServerConnection } from './server-connection';

/** The manifest's file name at a workspace folder's root. */
const MANIFEST_FILE = 'freebsd-conf.json';

/**
 * "Check the whole workspace" and "Create freebsd-conf.json from the
 * detected nodes": both ask the running server. Each returns what it did
 * (the check's result, the manifest's URI), for tests and other callers.
 */
export function registerWorkspaceCommands(connection: ServerConnection): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('freebsdConf.checkWorkspace', () => checkWorkspace(connection)),
    vscode.commands.registerCommand('freebsdConf.createManifest', () => createManifest(connection)),
  ];
}

async function checkWorkspace(connection: ServerConnection): Promise<CheckWorkspaceResult | undefined> {
  const client = serverOrSay(connection);
  if (!client) return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'FreeBSD conf: checking the whole workspace' },
    () => client.sendRequest(CheckWorkspaceRequest),
  );
  // Not awaited: the message waits for the user, the command does not.
  void vscode.window.showInformationMessage(checkSummary(result), 'Open Problems').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return result;
}

/** `Checked 16 files of 4 nodes: 11 errors, 10 warnings in 7 files.` plus what was left out. */
export function checkSummary(r: CheckWorkspaceResult): string {
  const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const found = r.errors + r.warnings === 0 ? 'no error or warning' : `${count(r.errors, 'error')}, ${count(r.warnings, 'warning')} in ${count(r.filesWithProblems, 'file')}`;
  const left = [
    r.status.skipped.length > 0 ? `${count(r.status.skipped.length, 'file')} skipped` : '',
    r.status.overCap > 0 ? `${r.status.overCap} over freebsdConf.maxFiles` : '',
  ].filter(Boolean);
  return `FreeBSD conf: checked ${count(r.status.files, 'file')} of ${count(r.status.nodes, 'node')}: ${found}.${left.length > 0 ? ` Not analysed: ${left.join(', ')}.` : ''}`;
}

/**
 * Writes the server's draft as freebsd-conf.json at the first workspace
 * folder's root and opens it. A manifest already there is only replaced
 * when the user says so; the draft can instead open unsaved beside it.
 */
async function createManifest(connection: ServerConnection): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage('FreeBSD conf: open a folder first; freebsd-conf.json goes at its root.');
    return undefined;
  }
  const client = serverOrSay(connection);
  if (!client) return undefined;
  const draft = await client.sendRequest(ManifestDraftRequest, { folder: folder.uri.toString() });
  if (!draft) return undefined;
  const target = vscode.Uri.joinPath(folder.uri, MANIFEST_FILE);
  if (await exists(target)) {
    const choice = await vscode.window.showWarningMessage(
      `${MANIFEST_FILE} already exists in ${folder.name}. Replace it with a draft from the ${draft.nodes} nodes and ${draft.clusters} clusters found? What it says that the files cannot tell is kept, except "severity" and comments.`,
      { modal: true },
      'Replace',
      'Open the Draft Beside It',
    );
    if (choice === 'Open the Draft Beside It') {
      const doc = await vscode.workspace.openTextDocument({ language: 'jsonc', content: draft.text });
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside });
      return doc.uri;
    }
    if (choice !== 'Replace') return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(draft.text));
  await vscode.window.showTextDocument(target);
  return target;
}

/** The running server, or undefined after telling the user it is not running (with a way to restart it). */
function serverOrSay(connection: ServerConnection): LanguageClient | undefined {
  const client = connection.running();
  if (!client) {
    void vscode.window.showWarningMessage('FreeBSD conf: the language server is not running.', 'Restart the Server').then((choice) => {
      if (choice) void vscode.commands.executeCommand('freebsdConf.restartServer');
    });
  }
  return client;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
