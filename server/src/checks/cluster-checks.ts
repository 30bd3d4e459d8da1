import type { ClusterCheck } from './types';

/** The cross-node CARP checks, one file per code, run once per cluster. */
export const clusterChecks: readonly ClusterCheck[] = [];
