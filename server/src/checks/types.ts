import type { Range } from 'vscode-languageserver-types';
import type { Code } from './codes';
import type { ParsedDocument } from '../model/document';
import type { WorkspaceView } from '../model/workspace-view';
import type { Cluster } from '../model/cluster';
import type { FixProposal } from '../fixes/types';

/** Another place that explains a finding (the peer's line, the macro's definition). */
export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

/**
 * What a check reports. Severity is not here on purpose: it is applied from
 * the code's default and the user's settings at the edge (LSP or CLI).
 */
export interface Finding {
  code: Code;
  uri: string;
  range: Range;
  /** The message with CARP passwords masked: what every user sees by default. */
  message: string;
  /**
   * The same message with the passwords (or their length) as written, set
   * only when it differs from `message`. The edge shows it instead only when
   * the user asked (`showPasswords`), so checks never read that setting.
   */
  revealedMessage?: string;
  related?: RelatedLocation[];
  /** Quick-fixes, computed by the builders in fixes/; carried in diagnostic.data. */
  fixes?: FixProposal[];
}

export interface CheckContext {
  /** The document being checked. */
  doc: ParsedDocument;
  /** Read access to every other analysed file, grouped into nodes. */
  workspace: WorkspaceView;
}

/**
 * One check = one code = one file in checks/, named after the code. A file
 * check reads one document (and what the workspace says about its node) and
 * reports on that document only.
 */
export interface Check {
  code: Code;
  /** The file kinds the check reads; it is only run on those. */
  kinds: readonly ParsedDocument['kind'][];
  run(ctx: CheckContext): Finding[];
}

export interface ClusterCheckContext {
  /** The nodes linked by CARP vhid groups, with their groups. */
  cluster: Cluster;
  workspace: WorkspaceView;
}

/**
 * A cross-node check: it compares the nodes of one CARP cluster and reports
 * on any member's files, usually on every member's line with the others as
 * related information, so each node's file shows what is wrong with the pair.
 */
export interface ClusterCheck {
  code: Code;
  run(ctx: ClusterCheckContext): Finding[];
}
