import type { ClusterCheck } from './types';
import { carpPreemptMismatch } from './carp-preempt-mismatch';
import { carpPreemptOffMultiVhid } from './carp-preempt-off-multi-vhid';
import { carpSplitMaster } from './carp-split-master';

/** The cross-node CARP checks, one file per code, run once per cluster. */
export const clusterChecks: readonly ClusterCheck[] = [
  // Node and network checks across a cluster: preempt and the predicted MASTER.
  carpPreemptMismatch,
  carpPreemptOffMultiVhid,
  carpSplitMaster,
];
