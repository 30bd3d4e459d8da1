import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CarpViews } from '../../client/src/carp-views';
import type { GroupElement, MemberElement, TopologyElement } from '../../client/src/topology-tree-items';
import { REVEAL_GROUP_COMMAND, type CheckWorkspaceResult } from '../../server/src/protocol';
import { EXTENSION_ID, codeOf, describeDiagnostics, fixtureUri, openFixture, ourDiagnostics, waitForDiagnostics, whenTrue } from './helpers';

// test/fixtures/e2e-cluster: fw1 (advskew 0) and fw2 (advskew 100) share vhid 1
// (198.51.100.10 on em0) and vhid 2 (10.0.0.1 on em1). fw1's loader.conf loads
// if_carp, not carp, so carp/module-not-loaded sits on fw1's vhid 1 line.
// Lines are found by their text: extension.test.ts edits these files first.
// The workspace also holds the DMZ pair fw3/fw4 (cluster-editor.test.ts), a
// cluster of its own: the tree is read through the fw1/fw2 cluster, by name.
const VHID1_FW1 = 'ifconfig_em0_alias0="inet vhid 1 advskew 0 pass edgeVIPsecret alias 198.51.100.10/32"';
const VHID1_FW2 = 'ifconfig_em0_alias0="inet vhid 1 advskew 100 pass edgeVIPsecret alias 198.51.100.10/32"';
const VHID2_FW1 = 'ifconfig_em1_alias0="inet vhid 2 advskew 0 pass lanVIPsecret alias 10.0.0.1/32"';

let views: CarpViews;

/**
 * The status bar counts every cluster of the workspace: fw1/fw2's and the
 * DMZ pair's, whose vhid lines hold 3 problems (carp/pass-mismatch on both
 * nodes, carp/missing-pass on fw4).
 */
const DMZ_PROBLEMS = 3;
const carpStatus = (edgeProblems: number, failed = ''): string =>
  `$(server-environment) CARP: 2 clusters · ${edgeProblems + DMZ_PROBLEMS} problems${failed}`;

/** Resolves once `check` holds, re-checking whenever the views may have changed; fails with `describe()` after the timeout. */
const until = (check: () => boolean, what: string, describe: () => string = treeText): Promise<void> =>
  whenTrue([views.model.onDidChange, views.topologyTree.onDidChangeTreeData, vscode.languages.onDidChangeDiagnostics], check, what, describe);

const tree = (): TopologyElement[] => views.topologyTree.getChildren();
const EDGE_CLUSTER = 'fw1, fw2';
const edgeCluster = (): TopologyElement | undefined => tree().find((c) => label(c) === EDGE_CLUSTER);
const groups = (): GroupElement[] => {
  const cluster = edgeCluster();
  return cluster ? views.topologyTree.getChildren(cluster) as GroupElement[] : [];
};
const group = (vhid: number): GroupElement => {
  const g = groups().find((x) => x.group.vhid === vhid);
  assert.ok(g, `no vhid ${vhid} in the tree:\n${treeText()}`);
  return g;
};
const members = (g: GroupElement): MemberElement[] => views.topologyTree.getChildren(g) as MemberElement[];
const item = (e: TopologyElement): vscode.TreeItem => views.topologyTree.getTreeItem(e);
const label = (e: TopologyElement): string => String(item(e).label);
const description = (e: TopologyElement): string => String(item(e).description);
const icon = (e: TopologyElement): string => (item(e).iconPath as vscode.ThemeIcon).id;
/** `fw1 em0 · advbase 1 · advskew 0 · MASTER` per member of a group. */
const roles = (vhid: number): string[] => members(group(vhid)).map((m) => `${label(m)} ${description(m)}`);

/** The whole tree as text, for failure messages. */
function treeText(): string {
  const lines: string[] = [`(model: ${views.model.current.kind}; status bar: ${views.statusBar.item.text})`];
  for (const c of tree()) {
    lines.push(`${label(c)} — ${description(c)}`);
    for (const g of views.topologyTree.getChildren(c)) {
      lines.push(`  ${label(g)} — ${description(g)} [${icon(g)}]`);
      for (const m of views.topologyTree.getChildren(g)) lines.push(`    ${label(m)} — ${description(m)} [${icon(m)}, ${item(m).contextValue}]`);
    }
  }
  return lines.join('\n');
}

/** The text of the line a tree item's command opens, and the file. */
async function openedLine(e: TopologyElement): Promise<{ file: string; text: string }> {
  const command = item(e).command;
  assert.equal(command?.command, 'vscode.open');
  const [uri, options] = command.arguments as [vscode.Uri, vscode.TextDocumentShowOptions];
  const doc = await vscode.workspace.openTextDocument(uri);
  return { file: vscode.workspace.asRelativePath(uri), text: doc.lineAt(options.selection!.start.line).text };
}

suite('the CARP Clusters view, the status bar and the commands', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<CarpViews>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
    await openFixture('fw1/etc/rc.conf');
    views = ext.isActive ? ext.exports : await ext.activate();
    assert.ok(views?.topologyTree, 'activate() returns the views');
    await until(() => views.model.current.kind === 'clusters' && groups().length === 2, 'the cluster of fw1 and fw2');
    // The group's problem count comes from the published diagnostics.
    await waitForDiagnostics(fixtureUri('fw1/etc/rc.conf'), (ds) => ds.some((d) => codeOf(d) === 'carp/module-not-loaded'), 'carp/module-not-loaded');
  });

  suiteTeardown(() => vscode.commands.executeCommand('freebsdConf.restoreAllNodes'));

  test('clusters, vhid groups and members show with their VIPs, roles, problems and context values', async () => {
    await until(() => description(group(1)).endsWith('1 error'), 'the error on vhid 1 to be counted');
    const cluster = edgeCluster();
    assert.ok(cluster, `no cluster labelled ${EDGE_CLUSTER}:\n${treeText()}`);
    assert.equal(description(cluster), '2 VIPs · 1 error');
    assert.equal(item(cluster).contextValue, 'cluster');

    assert.deepEqual(groups().map((g) => [label(g), description(g), icon(g), item(g).contextValue]), [
      ['vhid 1', '198.51.100.10 · 198.51.100.0/24 · 1 error', 'error', 'group'],
      ['vhid 2', '10.0.0.1 · 10.0.0.0/24', 'broadcast', 'group'],
    ]);
    assert.match(String(item(group(1)).tooltip), /error: Nothing loads carp\.ko on fw1/);
    assert.deepEqual(roles(1), ['fw1 em0 · advbase 1 · advskew 0 · MASTER', 'fw2 em0 · advbase 1 · advskew 100 · BACKUP']);
    assert.deepEqual(roles(2), ['fw1 em1 · advbase 1 · advskew 0 · MASTER', 'fw2 em1 · advbase 1 · advskew 100 · BACKUP']);
    const [fw1, fw2] = members(group(1));
    assert.deepEqual([icon(fw1), icon(fw2)], ['pass-filled', 'circle-large-outline']);
    assert.deepEqual([item(fw1).contextValue, item(fw2).contextValue], ['member-up', 'member-up']);
    assert.match(String(item(fw2).tooltip), /Advertises every 1\.391 s \(advbase 1 \+ skew 100\/256\)/);
    assert.doesNotMatch(treeText() + String(item(fw1).tooltip) + String(item(group(1)).tooltip), /VIPsecret/, 'no CARP pass anywhere');
    assert.equal(views.topologyTree.getParent(fw2), group(1));
    assert.equal(views.topologyTree.getParent(group(1)), cluster);
  });

  test('selecting an item opens the line that defines it: a member its alias line, a group its MASTER\'s, a cluster its first node\'s', async () => {
    const [fw1, fw2] = members(group(1));
    assert.deepEqual(await openedLine(fw2), { file: 'fw2/etc/rc.conf', text: VHID1_FW2 });
    assert.deepEqual(await openedLine(fw1), { file: 'fw1/etc/rc.conf', text: VHID1_FW1 });
    assert.deepEqual(await openedLine(group(2)), { file: 'fw1/etc/rc.conf', text: VHID2_FW1 });
    assert.deepEqual(await openedLine(edgeCluster()!), { file: 'fw1/etc/rc.conf', text: VHID1_FW1 });
  });

  test('the status bar counts the clusters and the problems on their vhid lines', async () => {
    await until(() => views.statusBar.item.text === carpStatus(1), 'the status bar text');
    assert.equal(views.statusBar.item.command && (views.statusBar.item.command as vscode.Command).command, 'freebsdConf.clusters.focus');
  });

  test('simulating the failure of fw1 makes fw2 MASTER in the tree and the status bar; restoring it gives the MASTER back', async () => {
    const [fw1] = members(group(1));
    await vscode.commands.executeCommand('freebsdConf.simulateFailure', fw1);
    await until(() => roles(1)[0] === 'fw2 em0 · advbase 1 · advskew 100 · MASTER', 'fw2 to become MASTER of vhid 1');
    assert.deepEqual(roles(1), ['fw2 em0 · advbase 1 · advskew 100 · MASTER', 'fw1 em0 · advbase 1 · advskew 0 · FAILED']);
    assert.deepEqual(roles(2), ['fw2 em1 · advbase 1 · advskew 100 · MASTER', 'fw1 em1 · advbase 1 · advskew 0 · FAILED']);
    const failed = members(group(1))[1];
    assert.deepEqual([icon(failed), item(failed).contextValue], ['debug-disconnect', 'member-failed']);
    assert.equal(description(edgeCluster()!), '2 VIPs · 1 failed · 1 error');
    assert.equal(views.statusBar.item.text, carpStatus(1, ' · 1 node failed (simulated)'));

    // Both down, by name this time: no MASTER, the VIPs are down.
    await vscode.commands.executeCommand('freebsdConf.simulateFailure', 'fw2');
    await until(() => description(group(1)).includes('no MASTER'), 'vhid 1 without a MASTER');
    assert.equal(views.statusBar.item.text, carpStatus(1, ' · 2 nodes failed (simulated)'));

    await vscode.commands.executeCommand('freebsdConf.restoreNode', members(group(1)).find((m) => label(m) === 'fw1'));
    await until(() => roles(1)[0] === 'fw1 em0 · advbase 1 · advskew 0 · MASTER', 'fw1 back as MASTER');
    await vscode.commands.executeCommand('freebsdConf.restoreAllNodes');
    await until(() => views.statusBar.item.text === carpStatus(1), 'every node restored');
    assert.deepEqual(roles(1), ['fw1 em0 · advbase 1 · advskew 0 · MASTER', 'fw2 em0 · advbase 1 · advskew 100 · BACKUP']);
  });

  test('the revealGroup command (the vhid CodeLens\'s) opens the view and selects the group', async () => {
    const revealed = await vscode.commands.executeCommand<boolean>(REVEAL_GROUP_COMMAND, { vhid: 2, segment: '10.0.0.0/24' });
    assert.equal(revealed, true);
    await until(() => views.treeView.visible && (views.treeView.selection[0] as GroupElement | undefined)?.group?.vhid === 2, 'vhid 2 selected in a visible view');
    assert.equal(await vscode.commands.executeCommand<boolean>(REVEAL_GROUP_COMMAND, { vhid: 99, segment: null }), false, 'a group that does not exist');
  });

  test('an edit that ties the election refreshes roles and problem counts without a poll', async () => {
    const doc = await openFixture('fw2/etc/rc.conf');
    const line = doc.getText().split('\n').indexOf(VHID1_FW2);
    assert.ok(line >= 0, 'fw2 vhid 1 line');
    const at = new vscode.Range(line, 0, line, VHID1_FW2.length);
    const edit = (text: string): Thenable<boolean> => {
      const e = new vscode.WorkspaceEdit();
      e.replace(doc.uri, at, text);
      return vscode.workspace.applyEdit(e);
    };
    assert.ok(await edit(VHID1_FW2.replace('advskew 100', 'advskew 0')));
    try {
      await until(() => roles(1).every((r) => r.endsWith('(tie)')) && /warning/.test(description(group(1))), 'a tie with its warnings on vhid 1');
      assert.match(description(group(1)), /MASTER by timing · 1 error, 2 warnings$/);
      assert.equal(views.statusBar.item.text, carpStatus(3));
    } finally {
      assert.ok(await edit(VHID1_FW2));
    }
    await until(() => description(group(1)).endsWith('· 1 error'), 'the tie gone again');
  });

  test('Check the whole workspace answers the counts of a fresh scan', async () => {
    const result = await vscode.commands.executeCommand<CheckWorkspaceResult>('freebsdConf.checkWorkspace');
    assert.ok(result, 'the command returns the check result');
    assert.equal(result.status.nodes, 4, 'fw1, fw2 and the DMZ pair fw3, fw4');
    assert.ok(result.errors >= 3, `errors: ${JSON.stringify(result)}`);
  });

  test('Open the documentation on a diagnostic opens the README at its section in the Markdown preview', async () => {
    const doc = await openFixture('fw2/etc/rc.conf');
    const line = doc.getText().split('\n').indexOf('pfsync_enable="YSE"');
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'rc/invalid-yes-no' && d.range.start.line === line), 'rc/invalid-yes-no');
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(line, 16, line, 16);
    const opened = await vscode.commands.executeCommand<vscode.Uri>('freebsdConf.openDocs');
    assert.equal(opened?.fragment, 'rcinvalid-yes-no');
    assert.ok(opened.path.endsWith('/README.md'), opened.toString());
    const previews = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('markdown.preview'));
    await until(() => previews().length > 0, 'a Markdown preview tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', '));
    await vscode.window.tabGroups.close(previews());
  });

  test('Create freebsd-conf.json writes the draft at the workspace root, and the server reads it without a diagnostic', async () => {
    const target = fixtureUri('freebsd-conf.json');
    const written = await vscode.commands.executeCommand<vscode.Uri>('freebsdConf.createManifest');
    try {
      assert.equal(written?.toString(), target.toString());
      const doc = await vscode.workspace.openTextDocument(target);
      assert.equal(doc.languageId, 'jsonc', 'opened as JSON with comments');
      assert.match(doc.getText(), /"fw": \{ "nodes": \["fw1", "fw2"\], "primary": "fw1" \}/);
      // The server reads this very file: a key it does not know is reported, and goes away with the key.
      const editor = await vscode.window.showTextDocument(doc);
      const clean = doc.getText();
      await editor.edit((b) => b.insert(doc.positionAt(clean.indexOf('"nodes"')), '"nodez": {},\n  '));
      await waitForDiagnostics(target, (ds) => ds.some((d) => codeOf(d) === 'manifest/unknown-key'), 'manifest/unknown-key on the added key');
      await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), clean));
      const after = await waitForDiagnostics(target, (ds) => ds.length === 0, 'no diagnostic on the draft');
      assert.deepEqual(after, [], describeDiagnostics(ourDiagnostics(target)));
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });
});
