import type { Check } from './types';
import { loaderSyntax } from './loader-syntax';
import { loaderLegacyIfCarp } from './loader-legacy-if-carp';
import { loaderLoadValue } from './loader-load-value';
import { loaderNotATunable } from './loader-not-a-tunable';
import { loaderRedundantDefault } from './loader-redundant-default';

/** The loader checks, one file per code. */
export const loaderChecks: readonly Check[] = [loaderSyntax, loaderLegacyIfCarp, loaderLoadValue, loaderNotATunable, loaderRedundantDefault];
