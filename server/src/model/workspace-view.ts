import type { ParsedDocument } from './document';
import type { ConfKind } from './kinds';

/** The files of one machine, each kind in FreeBSD's load order. */
export interface NodeFiles {
  /** URI of the node's folder. */
  root: string;
  /** True for an etc/ + boot/ layout, false for flat files in the folder. */
  rootLayout: boolean;
  byKind: Record<ConfKind, ParsedDocument[]>;
}

/**
 * What checks and features may read of the workspace. Kept to an interface so
 * checks cannot mutate the index and tests can hand in a small fake.
 */
export interface WorkspaceView {
  get(uri: string): ParsedDocument | undefined;
  documents(): Iterable<ParsedDocument>;
  /** The node a file belongs to (a node of one file when it stands alone). */
  nodeOf(uri: string): NodeFiles;
  nodes(): Iterable<NodeFiles>;
  /**
   * Why the file at `uri`, named by a config (a pf `include`), was not read
   * (it resolves outside the folders being checked); undefined when it was
   * not refused. Optional so a test's fake view needs no file system story.
   */
  refusedRead?(uri: string): string | undefined;
  /**
   * A number that changes whenever what pf include paths resolve to may change:
   * a pf file's text, or the set of files (node layouts depend on it). Models
   * cache what they derive from the pf files under it; a view without it
   * (a test's fake) gets everything recomputed.
   */
  pfVersion?(): number;
  /** A number that changes only when files are added, removed or change kind (see `pfVersion`). */
  fileSetVersion?(): number;
  /**
   * The URIs of the pf files whose text changed since `pfVersion()` was
   * `version`, when the set of files did not change since; undefined when
   * the view cannot tell (then everything must be looked at again).
   */
  pfChangesSince?(version: number): readonly string[] | undefined;
}
