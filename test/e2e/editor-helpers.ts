import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { DIAGNOSTICS_TIMEOUT_MS, whenTrue } from './helpers';

// Documents, tabs and saves, for tests that edit files no editor shows and
// must leave VS Code (and so the server) holding what is on disk.

/** Whether an editor tab shows `uri`: what "open" means to the user. */
export function shownInATab(uri: vscode.Uri): boolean {
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()));
}

/**
 * Resolves when VS Code has written `uri` to disk. A workspace edit to a file
 * no editor shows may be saved by VS Code itself (files.refactoring.autoSave)
 * while saveAll answers, so the save event, not saveAll, says it is on disk.
 */
export function saved(uri: vscode.Uri): Promise<void> {
  return new Promise((resolve, reject) => {
    const subscription = vscode.workspace.onDidSaveTextDocument((doc) => {
      if (doc.uri.toString() !== uri.toString()) return;
      finish();
      resolve();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${DIAGNOSTICS_TIMEOUT_MS} ms waiting for ${vscode.workspace.asRelativePath(uri)} to be saved`));
    }, DIAGNOSTICS_TIMEOUT_MS);
    function finish(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
  });
}

/** Gives `uri` the text `text` through its document and saves it, so the editor's copy and the disk agree. */
export async function writeThroughEditor(uri: vscode.Uri, text: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
    assert.ok(await vscode.workspace.applyEdit(edit), `rewriting ${vscode.workspace.asRelativePath(uri)}`);
  }
  if (doc.isDirty) assert.ok(await doc.save(), `saving ${vscode.workspace.asRelativePath(uri)}`);
  assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), text);
}

/** Resolves once VS Code no longer holds `uri` as a document (it then sent didClose to the server). */
export function documentClosed(uri: vscode.Uri): Promise<void> {
  const isOpen = (): boolean => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  return whenTrue([vscode.workspace.onDidCloseTextDocument], () => !isOpen(), `${vscode.workspace.asRelativePath(uri)} to be closed`, () => 'still open');
}
