import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DIAGNOSTICS_TIMEOUT_MS, EXTENSION_ID, codeOf, fixtureUri, openFixture, waitForDiagnostics } from './helpers';
import type { FreebsdConfApi } from '../../client/src/extension';
import type { TopologyPanel } from '../../client/src/topology-panel';
import type { RenderedView } from '../../client/src/diagram-model';

const SHOW = 'freebsdConf.showTopology';
const FW1_RC = 'fw1/etc/rc.conf';
/** vhid 1 of test/fixtures/e2e-cluster: fw1 (advskew 0) and fw2 (advskew 100) share 198.51.100.10 on the uplink. */
const VHID1 = { vhid: 1, segment: '198.51.100.0/24' };

/**
 * Waits until the webview reports a drawing that satisfies `predicate`,
 * listening to the panel's onDidRender rather than sleeping. The drawing is
 * what the webview read back from its own DOM after ELK laid it out, so this
 * proves the bundle ran in the real webview, not only that the host sent a model.
 */
function waitForRender(panel: TopologyPanel, predicate: (view: RenderedView) => boolean, what: string): Promise<RenderedView> {
  return new Promise((resolve, reject) => {
    const done = (view: RenderedView | undefined): boolean => {
      if (!view || !predicate(view)) return false;
      clearTimeout(timer);
      subscription.dispose();
      resolve(view);
      return true;
    };
    const subscription = panel.onDidRender((view) => done(view));
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for the diagram to show ${what}; last drawing: ${JSON.stringify(panel.lastRendered())}`));
    }, DIAGNOSTICS_TIMEOUT_MS);
    done(panel.lastRendered());
  });
}

const vhid1Line = (view: RenderedView): string => view.masters.find((m) => m.startsWith('vhid 1:')) ?? '';

suite('the Cluster Topology diagram', () => {
  let panel: TopologyPanel;

  suiteSetup(async () => {
    await openFixture(FW1_RC);
    const ext = vscode.extensions.getExtension<FreebsdConfApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
    panel = (await ext.activate()).topologyPanel;
    assert.ok(panel, 'activate() returns the topology panel for the tests');
  });

  suiteTeardown(() => panel?.failures.clear());

  test('the command is contributed and opens the webview panel, which draws fw1 as MASTER of vhid 1 with its problems', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const contributed = (ext?.packageJSON?.contributes?.commands ?? []) as { command: string; title: string }[];
    assert.ok(contributed.some((c) => c.command === SHOW && /topology diagram/i.test(c.title)), `package.json contributes ${SHOW}`);
    const fw1 = fixtureUri(FW1_RC);
    await waitForDiagnostics(fw1, (ds) => ds.some((d) => codeOf(d) === 'carp/module-not-loaded'), 'carp/module-not-loaded');

    await vscode.commands.executeCommand(SHOW, VHID1);
    assert.ok(panel.isOpen());
    const view = await waitForRender(panel, (v) => /MASTER +fw1 /.test(vhid1Line(v)) && v.failedNodes.length === 0, 'fw1 MASTER of vhid 1');
    // The tab list reaches the extension host after the panel is made; the webview has drawn by now.
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    assert.ok(tabs.some((t) => t.label === 'Cluster Topology' && t.input instanceof vscode.TabInputWebview), 'a "Cluster Topology" webview tab is open');
    assert.equal(view.collapsed, 0, 'a one-cluster workspace is drawn expanded');
    const group = panel.lastModel()?.clusters[0]?.groups.find((g) => g.vhid === 1);
    assert.equal(group?.masterName, 'fw1');
    assert.equal(group?.highlighted, true, 'the group the command named is highlighted');
    assert.ok(group?.problems.some((p) => p.code === 'carp/module-not-loaded'), `the member line's diagnostics are on the group; got ${JSON.stringify(group?.problems)}`);
  });

  test('failing fw1 moves vhid 1 to fw2, which the diagram shows as taking over; restoring brings fw1 back', async () => {
    await vscode.commands.executeCommand(SHOW);
    await waitForRender(panel, (v) => /MASTER +fw1 /.test(vhid1Line(v)), 'fw1 MASTER of vhid 1');
    const fw1 = panel.lastModel()?.clusters[0]?.nodes.find((n) => n.name === 'fw1');
    assert.ok(fw1, 'fw1 is a node of the drawn cluster');

    panel.failures.toggle(fw1.root);
    const failed = await waitForRender(panel, (v) => /MASTER +fw2 /.test(vhid1Line(v)), 'fw2 MASTER of vhid 1 with fw1 failed');
    assert.deepEqual(failed.failedNodes, ['fw1']);
    const group = panel.lastModel()?.clusters[0]?.groups.find((g) => g.vhid === 1);
    assert.deepEqual(group?.takeover, { from: 'fw1', to: 'fw2', addresses: ['198.51.100.10'] });
    assert.equal(group?.members.find((m) => m.node === 'fw1')?.role, 'FAILED');

    panel.failures.clear();
    const restored = await waitForRender(panel, (v) => /MASTER +fw1 /.test(vhid1Line(v)), 'fw1 MASTER again');
    assert.deepEqual(restored.failedNodes, []);
    assert.equal(panel.lastModel()?.clusters[0]?.groups.find((g) => g.vhid === 1)?.takeover, null);
  });
});
