import type { ParsedDocument, PfDocument } from './document';
import type { Cluster, VhidMember } from './cluster';
import type { Manifest } from './manifest';
import type { ConfKind } from './kinds';
import type { AddressHolder } from './node-addresses';

/** The files of one machine, each kind in FreeBSD's load order. */
export interface NodeFiles {
  /** URI of the node's folder. */
  root: string;
  /** True for an etc/ + boot/ layout, false for flat files in the folder. */
  rootLayout: boolean;
  byKind: Record<ConfKind, ParsedDocument[]>;
  /** The name freebsd-conf.json gives the node (it overrides the hostname); absent when it names none. */
  name?: string;
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
   * The workspace version: a number that grows with every change to its
   * files (an edit, a file added or removed). Models cache what they derive
   * under it; a view without it (a test's fake) gets everything recomputed.
   */
  version?(): number;
  /** True when files were added or removed (or changed kind) after `version`. */
  filesChangedSince?(version: number): boolean;
  /** The files whose text changed after `version`; undefined when the view no longer knows that far back. */
  editedSince?(version: number): readonly string[] | undefined;
  /** The pf documents that include `uri` directly, in workspace order, from the workspace's include index. */
  includersOf?(uri: string): PfDocument[];
  /** The CARP cluster of the node holding `uri` (undefined for a node without vhids), from the workspace's index. */
  clusterOf?(uri: string): Cluster | undefined;
  /** Every CARP cluster of the workspace, each once. */
  clusters?(): Cluster[];
  /**
   * Every vhid member whose vhid lives on `segment` (`192.0.2.0/24`, see
   * CarpVhid.segment), across clusters, from the workspace's index: vhid
   * numbers must be unique per segment, not only per cluster.
   */
  vhidsOnSegment?(segment: string): readonly VhidMember[];
  /**
   * Every node and interface holding an IP address (canonical text), real
   * addresses and CARP VIPs alike, across the whole workspace, from the
   * workspace's address index. A view without it gets them by walking every
   * node (checks/net-common.ts holdersOf).
   */
  addressHolders?(address: string): readonly AddressHolder[];
  /** What the workspace's freebsd-conf.json says (its usable parts), matched against the nodes; undefined when there is none. */
  manifest?(): Manifest | undefined;
  /**
   * True when `uri` lies in a folder whose config files were all read (a
   * workspace folder, a directory on the command line), so a file missing
   * from the index is missing on disk too; false for files checked one by one.
   */
  inWholeFolder?(uri: string): boolean;
}
