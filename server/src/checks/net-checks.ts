import type { Check } from './types';
import { netDuplicateAddress } from './net-duplicate-address';
import { netSameSubnetInterfaces } from './net-same-subnet-interfaces';

/** The network checks on rc.conf interface lines (addresses and subnets), one file per code. */
export const netChecks: readonly Check[] = [netDuplicateAddress, netSameSubnetInterfaces];
