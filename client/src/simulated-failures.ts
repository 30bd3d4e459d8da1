import * as vscode from 'vscode';

/**
 * The nodes the user has taken down to see what happens ("what if fw1
 * fails"). One set for the whole window, so the tree view, the diagram and
 * the status bar always show the same simulation. Nodes are named by their
 * root URI, as the topology request returns them.
 */
export class SimulatedFailures implements vscode.Disposable {
  private readonly roots = new Set<string>();
  private readonly changed = new vscode.EventEmitter<readonly string[]>();

  /** Fires with the failed roots after every change. */
  readonly onDidChange = this.changed.event;

  /** The failed roots, in the order they were failed. */
  list(): readonly string[] {
    return [...this.roots];
  }

  has(root: string): boolean {
    return this.roots.has(root);
  }

  /** Fails the node if it is up, restores it if it is down. */
  toggle(root: string): void {
    if (!this.roots.delete(root)) this.roots.add(root);
    this.changed.fire(this.list());
  }

  /** Restores every node. */
  clear(): void {
    if (this.roots.size === 0) return;
    this.roots.clear();
    this.changed.fire(this.list());
  }

  dispose(): void {
    this.changed.dispose();
  }
}
