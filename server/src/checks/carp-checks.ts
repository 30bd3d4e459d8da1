import type { Check } from './types';
import { carpLegacyCarpInterface } from './carp-legacy-carp-interface';
import { carpValueOutOfRange } from './carp-value-out-of-range';
import { carpAdvskewAbove240 } from './carp-advskew-above-240';
import { carpPassTruncated } from './carp-pass-truncated';
import { carpMissingPass } from './carp-missing-pass';
import { carpVhidRedefined } from './carp-vhid-redefined';
import { carpModuleNotLoaded } from './carp-module-not-loaded';
import { carpVipConflictsHostAddress } from './carp-vip-conflicts-host-address';
import { carpVipOutsideSubnet } from './carp-vip-outside-subnet';
import { carpUnknownParentInterface } from './carp-unknown-parent-interface';

/** The per-node CARP checks on rc.conf interface lines, one file per code. */
export const carpChecks: readonly Check[] = [
  carpLegacyCarpInterface,
  carpValueOutOfRange,
  carpAdvskewAbove240,
  carpPassTruncated,
  carpMissingPass,
  carpVhidRedefined,
  // Node and network checks across a cluster: what loads carp, VIP addresses and parents.
  carpModuleNotLoaded,
  carpVipConflictsHostAddress,
  carpVipOutsideSubnet,
  carpUnknownParentInterface,
];
