import type { ClusterCheck } from './types';
import { carpPassMismatch } from './carp-pass-mismatch';
import { carpAddressSetMismatch } from './carp-address-set-mismatch';
import { carpAdvbaseMismatch } from './carp-advbase-mismatch';
import { carpAdvskewTie } from './carp-advskew-tie';
import { carpSingleNodeVhid } from './carp-single-node-vhid';
import { carpVhidCollision } from './carp-vhid-collision';
import { carpPeerMismatch } from './carp-peer-mismatch';

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
];
