import * as vscode from 'vscode';
import type { TopologyMember } from '../../server/src/protocol';
import { allMembers, describeProblems, problemsOnMembers, touchesMembers } from './member-problems';
import type { TopologyModel } from './topology-model';
import { CLUSTERS_VIEW_ID } from './topology-tree';

/**
 * `$(server-environment) CARP: 2 clusters · 1 problem · 1 node failed (simulated)`:
 * the workspace's clusters at a glance, the errors and warnings on their
 * vhid lines, and a reminder while a failure is simulated (every CARP view
 * then shows the simulation, not the configuration as it is). Clicking it
 * opens the "CARP Clusters" view. Hidden while the workspace has no cluster.
 */
export class CarpStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('freebsdConf.carpStatus', vscode.StatusBarAlignment.Left, 0);
  private members: TopologyMember[] = [];
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly model: TopologyModel) {
    this.item.name = 'FreeBSD conf: CARP clusters';
    this.item.command = { command: `${CLUSTERS_VIEW_ID}.focus`, title: 'Open the CARP Clusters view' };
    this.subscriptions = [
      model.onDidChange(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((event) => touchesMembers(event, this.members) && this.update()),
      this.item,
    ];
    this.update();
  }

  private update(): void {
    const state = this.model.current;
    if (state.kind !== 'clusters') {
      this.members = [];
      this.item.hide();
      return;
    }
    const { clusters, failed } = state.result;
    this.members = allMembers(state.result);
    const problems = problemsOnMembers(this.members);
    const count = problems.errors + problems.warnings;
    const parts = [`$(server-environment) CARP: ${clusters.length} cluster${clusters.length === 1 ? '' : 's'}`];
    if (count > 0) parts.push(`${count} problem${count === 1 ? '' : 's'}`);
    if (failed.length > 0) parts.push(`${failed.length} node${failed.length === 1 ? '' : 's'} failed (simulated)`);
    this.item.text = parts.join(' · ');
    this.item.backgroundColor = failed.length > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const groups = clusters.reduce((n, c) => n + c.groups.length, 0);
    this.item.tooltip = [
      `${clusters.length} CARP cluster${clusters.length === 1 ? '' : 's'}, ${groups} vhid group${groups === 1 ? '' : 's'}.`,
      count > 0 ? `On the vhid lines: ${describeProblems(problems)}.` : 'No error or warning on the vhid lines.',
      failed.length > 0 ? 'A failure is simulated: the views show the elections without the failed nodes.' : '',
      'Click to open the CARP Clusters view.',
    ].filter(Boolean).join('\n');
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
