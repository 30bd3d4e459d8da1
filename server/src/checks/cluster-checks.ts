import type { ClusterCheck } from './types';
import { pfCarpBlocked } from './pf-carp-blocked';
import { pfPfsyncBlocked } from './pf-pfsync-blocked';
import { pfsyncNotOnAllNodes } from './pfsync-not-on-all-nodes';
import { pfsyncSyncpeerMismatch } from './pfsync-syncpeer-mismatch';

/** The cross-node CARP checks, one file per code, run once per cluster. */
export const clusterChecks: readonly ClusterCheck[] = [pfCarpBlocked, pfPfsyncBlocked, pfsyncNotOnAllNodes, pfsyncSyncpeerMismatch];
