import type { ClusterCheck } from './types';
import { carpPassMismatch } from './carp-pass-mismatch';
import { carpAddressSetMismatch } from './carp-address-set-mismatch';
import { carpAdvbaseMismatch } from './carp-advbase-mismatch';
import { carpAdvskewTie } from './carp-advskew-tie';
import { carpSingleNodeVhid } from './carp-single-node-vhid';
import { carpVhidCollision } from './carp-vhid-collision';
import { carpPeerMismatch } from './carp-peer-mismatch';
import { pfCarpBlocked } from './pf-carp-blocked';
import { pfPfsyncBlocked } from './pf-pfsync-blocked';
import { pfsyncNotOnAllNodes } from './pfsync-not-on-all-nodes';
import { pfsyncSyncpeerMismatch } from './pfsync-syncpeer-mismatch';
import { carpPreemptMismatch } from './carp-preempt-mismatch';
import { carpPreemptOffMultiVhid } from './carp-preempt-off-multi-vhid';
import { carpSplitMaster } from './carp-split-master';

/** The cross-node CARP checks, one file per code, run once per cluster. */
export const clusterChecks: readonly ClusterCheck[] = [
  // vhid groups: the members of one election must agree (issue 12).
  carpPassMismatch,
  carpAddressSetMismatch,
  carpAdvbaseMismatch,
  carpAdvskewTie,
  carpSingleNodeVhid,
  carpVhidCollision,
  carpPeerMismatch,
  // pf and pfsync across the cluster, from an evaluation of each node's ruleset (issue 12).
  pfCarpBlocked,
  pfPfsyncBlocked,
  pfsyncNotOnAllNodes,
  pfsyncSyncpeerMismatch,
  // Node and network checks across a cluster: preempt and the predicted MASTER.
  carpPreemptMismatch,
  carpPreemptOffMultiVhid,
  carpSplitMaster,
];
