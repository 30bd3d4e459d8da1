import * as fs from 'node:fs';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CarpViews } from '../../client/src/carp-views';
import type { ClusterElement, GroupElement } from '../../client/src/topology-tree-items';
import { REVEAL_GROUP_COMMAND } from '../../server/src/protocol';
import { EXTENSION_ID, fixtureUri, openFixture, whenTrue } from './helpers';

// A second CARP cluster, written into the workspace copy while the suite runs
// (the fixture itself stays as other suites expect it): fwx1 and fwx2 share
// vhid 7 on their own subnet, 192.0.2.0/24.
const VHID = 7;
const SEGMENT = '192.0.2.0/24';
const NODES = { fwx1: { address: '192.0.2.2', advskew: 0 }, fwx2: { address: '192.0.2.3', advskew: 100 } };

const rcConf = (name: string, { address, advskew }: { address: string; advskew: number }): string =>
  [
    `hostname="${name}.example.org"`,
    `ifconfig_em0="inet ${address}/24"`,
    `ifconfig_em0_alias0="inet vhid ${VHID} advskew ${advskew} pass x7VIPsecret alias 192.0.2.10/32"`,
    '',
  ].join('\n');

let views: CarpViews;

const clusters = (): ClusterElement[] => views.topologyTree.getChildren() as ClusterElement[];
const clusterCount = (): number => (views.model.current.kind === 'clusters' ? views.model.current.result.clusters.length : 0);
const labels = (): string => clusters().map((c) => String(views.topologyTree.getTreeItem(c).label)).join(' | ');

/** Resolves once `check` holds, re-checking whenever the model, the tree or the selection changes. */
const until = (check: () => boolean, what: string): Promise<void> =>
  whenTrue([views.model.onDidChange, views.topologyTree.onDidChangeTreeData, views.treeView.onDidChangeSelection], check, what, () => `clusters: ${labels()}`);

suite('revealing a vhid group of the second cluster of a workspace', () => {
  let before = 0;

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<CarpViews>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
    await openFixture('fw1/etc/rc.conf');
    views = ext.isActive ? ext.exports : await ext.activate();
    await until(() => clusterCount() > 0, 'the fixture\'s cluster');
    before = clusterCount();
    for (const [name, node] of Object.entries(NODES)) {
      await vscode.workspace.fs.writeFile(fixtureUri(`${name}/etc/rc.conf`), Buffer.from(rcConf(name, node)));
      await vscode.workspace.fs.writeFile(fixtureUri(`${name}/boot/loader.conf`), Buffer.from('carp_load="YES"\n'));
    }
    // The file watcher may report a new folder without the files written into it at once: a scan finds them.
    await vscode.commands.executeCommand('freebsdConf.checkWorkspace');
    await until(() => clusters().some((c) => c.cluster.nodes.length === 2 && c.cluster.nodes.every((n) => n.name in NODES)), 'the cluster of fwx1 and fwx2');
    assert.equal(clusterCount(), before + 1, labels());
  });

  suiteTeardown(async () => {
    for (const name of Object.keys(NODES)) await vscode.workspace.fs.delete(fixtureUri(name), { recursive: true }).then(undefined, () => undefined);
    // A deleted folder is one watcher event, which no file glob matches: a scan forgets the files that are gone.
    await vscode.commands.executeCommand('freebsdConf.checkWorkspace');
    // Other suites count the fixture's clusters: leave once fwx1 and fwx2 are gone from the model.
    if (before > 0) await until(() => clusterCount() === before, 'the added cluster to be gone');
  });

  // In the suite's order (files sorted) this reveal opens the view for the
  // first time: VS Code then loads the tree twice, and the second load handed
  // the second cluster the members of the first one's groups (topology-tree.ts).
  test('the revealGroup command opens the view and selects the group in the cluster that is not the first', async () => {
    const index = clusters().findIndex((c) => c.cluster.nodes.some((n) => n.name === 'fwx1'));
    assert.ok(index > 0, `fwx1's cluster comes after another: ${labels()}`);
    const revealed = await vscode.commands.executeCommand<boolean>(REVEAL_GROUP_COMMAND, { vhid: VHID, segment: SEGMENT });
    assert.equal(revealed, true);
    const selected = (): GroupElement | undefined => views.treeView.selection[0] as GroupElement | undefined;
    await until(() => views.treeView.visible && selected()?.kind === 'group' && selected()?.group.vhid === VHID, `vhid ${VHID} selected in a visible view`);
    assert.deepEqual(selected()?.parent.cluster.nodes.map((n) => n.name), ['fwx1', 'fwx2']);
    assert.equal(selected()?.id, views.topologyTree.findGroup({ vhid: VHID, segment: SEGMENT })?.id);
  });

  // Whichever suite opened the view first: closed groups ask for no members while the clusters load.
  test('with more than one cluster, every vhid group starts closed', () => {
    const states = clusters().flatMap((c) => c.groups.map((g) => `${g.id}: ${views.topologyTree.getTreeItem(g).collapsibleState}`));
    assert.deepEqual(states.filter((s) => !s.endsWith(`: ${vscode.TreeItemCollapsibleState.Collapsed}`)), [], states.join('\n'));
  });

  // Last: it takes fwx2 away. VS Code's watcher reports a deleted folder as
  // one event for the folder, which the client's delete-only watcher passes on.
  test('a node folder deleted outside the editor (rm -r) leaves the model without a re-check', async () => {
    const folder = fixtureUri('fwx2').fsPath;
    assert.ok(fs.existsSync(folder), folder);
    fs.rmSync(folder, { recursive: true });
    await until(() => !clusters().some((c) => c.cluster.nodes.some((n) => n.name === 'fwx2')), 'fwx2 to leave the model');
  });
});
