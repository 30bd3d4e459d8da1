import * as vscode from 'vscode';
import type { RevealGroupArgs, TopologyMember } from '../../server/src/protocol';
import { allMembers, problemsOnMembers, touchesMembers } from './member-problems';
import type { TopologyModel, TopologyState } from './topology-model';
import { clusterItem, elementsOf, groupItem, memberItem, type ClusterElement, type GroupElement, type TopologyElement } from './topology-tree-items';

/** The id of the "CARP Clusters" view (package.json `views`); `<id>.focus` opens it. */
export const CLUSTERS_VIEW_ID = 'freebsdConf.clusters';

/**
 * Vhid groups are shown expanded (members, roles at a glance) while the
 * workspace has one cluster of at most this many; a large one opens
 * collapsed, so the view does not list thousands of members at once.
 */
const EXPAND_GROUPS_UP_TO = 12;

/**
 * The "CARP Clusters" view: clusters → vhid groups → members, from the
 * shared TopologyModel (the simulated failures applied). It re-renders when
 * the model answers again and when our diagnostics on a member's file
 * change (the groups' problem counts); it never polls.
 */
export class TopologyTreeProvider implements vscode.TreeDataProvider<TopologyElement>, vscode.Disposable {
  private elements: ClusterElement[] = [];
  /** What the groups' items last showed of the problems, to re-render only when that changes. */
  private shownProblems = '';
  private members: TopologyMember[] = [];
  private view: vscode.TreeView<TopologyElement> | undefined;
  private readonly changed = new vscode.EventEmitter<TopologyElement | undefined>();
  private readonly subscriptions: vscode.Disposable[];

  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly model: TopologyModel) {
    this.apply(model.current);
    this.subscriptions = [
      model.onDidChange((state) => {
        this.apply(state);
        this.changed.fire(undefined);
      }),
      // Same elements, new problem counts: the items are built again, when a count or message changed.
      vscode.languages.onDidChangeDiagnostics((event) => touchesMembers(event, this.members) && this.problemsChanged() && this.changed.fire(undefined)),
      this.changed,
    ];
  }

  /** The view showing this provider, which revealGroup moves. */
  attach(view: vscode.TreeView<TopologyElement>): void {
    this.view = view;
  }

  getTreeItem(element: TopologyElement): vscode.TreeItem {
    switch (element.kind) {
      case 'cluster':
        return clusterItem(element, problemsOnMembers(element.groups.flatMap((g) => g.group.members)));
      case 'group':
        return groupItem(element, problemsOnMembers(element.group.members), this.expandGroups());
      case 'member':
        return memberItem(element);
    }
  }

  getChildren(element?: TopologyElement): TopologyElement[] {
    if (!element) return this.elements;
    if (element.kind === 'cluster') return element.groups;
    if (element.kind === 'group') return element.members;
    return [];
  }

  getParent(element: TopologyElement): TopologyElement | undefined {
    return element.kind === 'cluster' ? undefined : element.parent;
  }

  /** The vhid group a CodeLens or a test names (its vhid and segment), in the current answer. */
  findGroup(args: RevealGroupArgs): GroupElement | undefined {
    return this.elements.flatMap((c) => c.groups).find((g) => g.group.vhid === args.vhid && g.group.segment === (args.segment ?? null));
  }

  /**
   * Opens the view and selects the group. A group the current answer does
   * not hold yet (the lens came from an edit the model has not caught up
   * with) is looked up once more after asking the server again.
   */
  async revealGroup(args: RevealGroupArgs): Promise<boolean> {
    let group = this.findGroup(args);
    if (!group) {
      await this.model.reload();
      group = this.findGroup(args);
    }
    await vscode.commands.executeCommand(`${CLUSTERS_VIEW_ID}.focus`);
    if (!group || !this.view) return false;
    await this.view.reveal(group, { select: true, focus: true, expand: true });
    return true;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  private apply(state: TopologyState): void {
    this.elements = state.kind === 'clusters' ? elementsOf(state.result) : [];
    this.members = state.kind === 'clusters' ? allMembers(state.result) : [];
    this.problemsChanged();
  }

  private problemsChanged(): boolean {
    const shown = JSON.stringify(this.elements.flatMap((c) => c.groups.map((g) => problemsOnMembers(g.group.members).diagnostics.map((d) => [d.severity, d.message]))));
    if (shown === this.shownProblems) return false;
    this.shownProblems = shown;
    return true;
  }

  /**
   * Only in a workspace of one cluster: VS Code (1.100) batches the children
   * requests of sibling elements, and a request made before the batch's later
   * timers fire hands those siblings the children of that other batch
   * (microsoft/vscode#243911). With two clusters and their groups open, the
   * first cluster's groups ask for their members in that gap: the second
   * cluster showed another group's members and reveal failed with "Data tree
   * node not found". Closed groups ask for nothing while the clusters load;
   * revealGroup opens the one it selects.
   */
  private expandGroups(): boolean {
    return this.elements.length === 1 && this.elements[0].groups.length <= EXPAND_GROUPS_UP_TO;
  }
}
