import type { Check } from './types';

/** The pf.conf checks, one file per code. */
export const pfChecks: readonly Check[] = [];
