import type { Check } from './types';
import { rcSyntax } from './rc-syntax';
import { rcUnknownVariable } from './rc-unknown-variable';
import { rcDuplicateAssignment } from './rc-duplicate-assignment';
import { rcInvalidYesNo } from './rc-invalid-yes-no';
import { rcEmptyAliasStops } from './rc-empty-alias-stops';
import { rcAliasMissingFamily } from './rc-alias-missing-family';
import { pfsyncNoSyncdev } from './pfsync-no-syncdev';
import { pfsyncUnknownSyncdev } from './pfsync-unknown-syncdev';

/** The rc checks, one file per code. */
export const rcChecks: readonly Check[] = [rcSyntax, rcUnknownVariable, rcDuplicateAssignment, rcInvalidYesNo, rcEmptyAliasStops, rcAliasMissingFamily, pfsyncNoSyncdev, pfsyncUnknownSyncdev];
