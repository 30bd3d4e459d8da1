import type { Check } from './types';
import { sysctlSyntax } from './sysctl-syntax';
import { sysctlUnknownCarpOid } from './sysctl-unknown-carp-oid';
import { sysctlDemotionPersisted } from './sysctl-demotion-persisted';
import { sysctlValueOutOfRange } from './sysctl-value-out-of-range';

/** The sysctl checks, one file per code. */
export const sysctlChecks: readonly Check[] = [sysctlSyntax, sysctlUnknownCarpOid, sysctlDemotionPersisted, sysctlValueOutOfRange];
