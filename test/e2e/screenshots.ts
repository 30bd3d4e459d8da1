import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, codeOf, hasDiagnostic, openFixture, waitForDiagnostics } from './helpers';
import type { FreebsdConfApi } from '../../client/src/extension';
import type { RenderedView } from '../../client/src/diagram-model';
import { REVEAL_GROUP_COMMAND } from '../../server/src/protocol';

/**
 * The UI run behind `npm run screenshots` (test/e2e/run.mjs --screenshots):
 * the extension host sets each scene up on a copy of examples/ the way a
 * user would (open a file, run a command), then asks the harness for a
 * picture of the workbench. The README's screenshots are these pictures.
 */

/** Asks the harness to save the workbench as NAME.png, and waits until it has. */
async function snap(name: string): Promise<void> {
  const dir = process.env.FREEBSD_CONF_SNAP_DIR;
  if (!dir) throw new Error('FREEBSD_CONF_SNAP_DIR is not set: run this through test/e2e/run.mjs --screenshots DIR');
  const done = path.join(dir, `${name}.done`);
  console.log(`@@snap ${name}`);
  const deadline = Date.now() + 60_000;
  while (!fs.existsSync(done)) {
    if (Date.now() > deadline) throw new Error(`the harness did not take screenshot ${name} within 60 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const answer = fs.readFileSync(done, 'utf8');
  if (answer !== 'ok') throw new Error(`screenshot ${name}: ${answer}`);
}

/** Opens a file, puts `line` (0-based) at the top third of the editor and the cursor on it. */
async function showAt(relativePath: string, line: number): Promise<vscode.TextEditor> {
  const doc = await openFixture(relativePath);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const at = new vscode.Position(line, 0);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
  return editor;
}

/** Scene: the demonstration pair's split brain, in the editor and the Problems panel. */
async function diagnosticsScene(): Promise<void> {
  const editor = await showAt('fw1/etc/rc.conf', 10);
  await waitForDiagnostics(editor.document.uri, (ds) => hasDiagnostic(ds, 'carp/pass-mismatch', 10), 'carp/pass-mismatch on fw1');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  // On the vhid the diagnostic marks: the hover shows the finding and the peer's side.
  editor.selection = new vscode.Selection(10, 27, 10, 27);
  await vscode.commands.executeCommand('editor.action.showHover');
  await snap('vscode-diagnostics');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Scene: a pf rule on carp0, reported at the macro's use with its definition as related information. */
async function pfScene(): Promise<void> {
  const editor = await showAt('fw2/etc/pf.conf', 11);
  await waitForDiagnostics(editor.document.uri, (ds) => ds.some((d) => codeOf(d) === 'pf/legacy-carp-interface'), 'pf/legacy-carp-interface on fw2');
  editor.selection = new vscode.Selection(11, 0, 11, 0);
  await vscode.commands.executeCommand('editor.action.marker.next');
  await snap('vscode-pf');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Resolves once `ready` holds, checking now and on each `event`; rejects after 30 s. */
function when<T>(event: vscode.Event<unknown>, current: () => T, ready: (value: T) => boolean, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const value = current();
      if (!ready(value)) return false;
      subscription.dispose();
      clearTimeout(timer);
      resolve(value);
      return true;
    };
    const subscription = event(() => void check());
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, 30_000);
    check();
  });
}

async function api(): Promise<FreebsdConfApi> {
  const ext = vscode.extensions.getExtension<FreebsdConfApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext.isActive ? ext.exports : ext.activate();
}

/** Scene: the CARP Clusters view with gw1's groups revealed, as its CodeLenses do, beside gw1's vhid lines and their lenses. */
async function treeScene(): Promise<void> {
  const views = await api();
  const editor = await showAt('gw1/etc/rc.conf', 0);
  const state = await when(views.model.onDidChange, () => views.model.current, (s) => s.kind === 'clusters' && s.result.clusters.length >= 2, 'both clusters of examples/');
  if (state.kind !== 'clusters') return;
  // Reveals the groups of the second cluster (gw1's, the file shown): with two clusters the groups
  // start closed, and each revealed one opens.
  for (const group of state.result.clusters.at(-1)?.groups ?? []) {
    if (!(await vscode.commands.executeCommand<boolean>(REVEAL_GROUP_COMMAND, { vhid: group.vhid, segment: group.segment }))) {
      throw new Error(`revealGroup did not find vhid ${group.vhid} (${group.segment})`);
    }
  }
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
  if (!lenses?.length) throw new Error('no CodeLens on gw1/etc/rc.conf');
  const lensLine = lenses[0].range.start.line;
  // Back to the editor (the reveals moved the focus to the view): it draws its lenses when shown.
  await vscode.window.showTextDocument(editor.document, { preview: false });
  editor.revealRange(new vscode.Range(Math.max(0, lensLine - 6), 0, lensLine, 0), vscode.TextEditorRevealType.AtTop);
  // The editor asks for lenses a moment after it shows a file, and draws them after the answer;
  // nothing tells the extension host when they are on screen.
  await new Promise((r) => setTimeout(r, 4000));
  await snap('vscode-tree');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Scene: the diagram of the examples with fw1 failed: fw2 takes over its VIPs. */
async function diagramScene(): Promise<void> {
  const { topologyPanel: panel } = await api();
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.commands.executeCommand('freebsdConf.showTopology');
  const drawn = (v: RenderedView | undefined): boolean => !!v && v.masters.length > 0;
  await when(panel.onDidRender, () => panel.lastRendered(), drawn, 'the diagram');
  await vscode.commands.executeCommand('freebsdConf.simulateFailure', 'fw1');
  await when(panel.onDidRender, () => panel.lastRendered(), (v) => drawn(v) && !!v?.failedNodes.includes('fw1'), 'the diagram with fw1 failed');
  await snap('vscode-topology');
  await vscode.commands.executeCommand('freebsdConf.restoreAllNodes');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The entry the workbench calls (extensionTestsPath); rejecting fails the run. */
export async function run(): Promise<void> {
  await diagnosticsScene();
  await pfScene();
  await treeScene();
  await diagramScene();
}
