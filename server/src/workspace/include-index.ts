import type { PfDocument } from '../model/document';
import type { WorkspaceView } from '../model/workspace-view';
import { includeTargets } from '../model/pf-include-paths';

/**
 * Who includes whom among the workspace's pf files, built once per set of
 * files and patched when a pf file's text changes: an edit re-resolves only
 * the edited file's include lines, so a keystroke in one pf.conf of a
 * 1,000-node workspace does not walk every file's includes again. (Which
 * file a path leads to depends only on which files exist; an edit changes
 * only the edited file's include lines.)
 */
export class IncludeIndex {
  /** The workspace version the index was last brought up to date with; -1 before the first build. */
  private version = -1;
  /** Per pf document: the document whose include lines were counted, and the URIs they lead to. */
  private counted = new Map<string, { doc: PfDocument; targets: string[] }>();
  /** URI → URIs of the pf documents that include it directly, in workspace order. */
  private includers = new Map<string, string[]>();

  constructor(private readonly workspace: WorkspaceView & Required<Pick<WorkspaceView, 'version' | 'filesChangedSince' | 'editedSince'>>) {}

  /** The pf documents that include `uri` directly. */
  includersOf(uri: string): PfDocument[] {
    const now = this.workspace.version();
    if (this.version !== now && !(this.version >= 0 && !this.workspace.filesChangedSince(this.version) && this.patch())) this.build();
    this.version = now;
    const out: PfDocument[] = [];
    for (const u of this.includers.get(uri) ?? []) {
      const d = this.workspace.get(u);
      if (d?.kind === 'pf') out.push(d);
    }
    return out;
  }

  private build(): void {
    this.counted = new Map();
    this.includers = new Map();
    for (const d of this.workspace.documents()) {
      if (d.kind !== 'pf') continue;
      const targets = includeTargets(this.workspace, d);
      this.counted.set(d.uri, { doc: d, targets });
      for (const x of targets) {
        const list = this.includers.get(x) ?? [];
        if (list[list.length - 1] !== d.uri) list.push(d.uri);
        this.includers.set(x, list);
      }
    }
  }

  /**
   * Brings the index up to date with edited files whose include targets are
   * unchanged (the usual keystroke); false when one changed, or the edit log
   * no longer reaches back, so the caller rebuilds.
   */
  private patch(): boolean {
    const edited = this.workspace.editedSince(this.version);
    if (edited === undefined) return false;
    for (const uri of edited) {
      const d = this.workspace.get(uri);
      if (d === undefined) return false;
      if (d.kind !== 'pf') continue;
      const counted = this.counted.get(d.uri);
      if (counted === undefined) return false;
      if (counted.doc === d) continue;
      const targets = includeTargets(this.workspace, d);
      if (targets.length !== counted.targets.length || targets.some((x, i) => x !== counted.targets[i])) return false;
      counted.doc = d;
    }
    return true;
  }
}
