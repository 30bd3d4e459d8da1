import type { Workspace } from './workspace';

/**
 * An index derived per node and kept up to date incrementally: after a
 * change, only the nodes of the edited files are derived again (from the
 * workspace's edit log); files coming or going, or an edit log that no
 * longer reaches back, rebuild it. Subclasses say what one node contributes.
 */
export abstract class NodeIndex {
  private version = -1;

  constructor(protected readonly workspace: Workspace) {}

  /** Brings the index up to date with the workspace; call before every lookup. */
  protected update(): void {
    const now = this.workspace.version();
    if (now === this.version) return;
    const edited = this.version < 0 || this.workspace.filesChangedSince(this.version) ? undefined : this.workspace.editedSince(this.version);
    if (edited === undefined) {
      this.clear();
      for (const node of this.workspace.nodes()) this.refresh(node.root);
    } else {
      for (const root of new Set(edited.map((uri) => this.workspace.nodeOf(uri).root))) this.refresh(root);
    }
    this.version = now;
    this.updated();
  }

  /** Forgets everything (before a rebuild). */
  protected abstract clear(): void;
  /** Derives one node again, replacing what it contributed before. */
  protected abstract refresh(root: string): void;
  /** After an update: drop what was derived from the old state. */
  protected updated(): void {}
}
