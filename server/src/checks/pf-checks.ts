import type { Check } from './types';
import { pfSyntax } from './pf-syntax';
import { pfUndefinedMacro } from './pf-undefined-macro';
import { pfUnusedMacro } from './pf-unused-macro';
import { pfUndefinedTable } from './pf-undefined-table';
import { pfStatementOrder } from './pf-statement-order';
import { pfUnknownKeyword } from './pf-unknown-keyword';
import { pfInvalidAddress } from './pf-invalid-address';
import { pfInvalidPort } from './pf-invalid-port';
import { pfLegacyCarpInterface } from './pf-legacy-carp-interface';
import { pfShadowedRule } from './pf-shadowed-rule';
import { pfAnalysisLimit } from './pf-analysis-limit';

/** The pf.conf checks, one file per code. */
export const pfChecks: readonly Check[] = [
  pfSyntax, pfUndefinedMacro, pfUnusedMacro, pfUndefinedTable, pfStatementOrder, pfUnknownKeyword,
  pfInvalidAddress, pfInvalidPort, pfLegacyCarpInterface, pfShadowedRule, pfAnalysisLimit,
];
