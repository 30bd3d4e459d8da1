import type { Check, CheckContext, Finding } from './types';
import { isSuppressed } from '../model/suppression';
import type { ParsedDocument } from '../model/document';
import type { WorkspaceView } from '../model/workspace-view';
import { inRulesetContext } from '../model/pf-ruleset';
import { fileChecks } from './file-checks';
import { rcChecks } from './rc-checks';
import { loaderChecks } from './loader-checks';
import { sysctlChecks } from './sysctl-checks';
import { carpChecks } from './carp-checks';
import { pfChecks } from './pf-checks';

/**
 * Every check, in the order their findings are listed. Adding a check means
 * writing checks/<code>.ts and listing it here; nothing else changes.
 */
export const CHECKS: readonly Check[] = [...fileChecks, ...rcChecks, ...loaderChecks, ...sysctlChecks, ...carpChecks, ...pfChecks];

/**
 * Runs the checks that apply to one document and drops suppressed findings.
 * A check that throws is a bug, but must not cost the user the other checks,
 * so it is caught and reported through `onError`.
 */
export function checkDocument(
  doc: ParsedDocument,
  workspace: WorkspaceView,
  onError: (check: Check, error: unknown) => void = () => undefined,
): Finding[] {
  // pf files are checked within their ruleset (the files they include and those including them).
  const ctx: CheckContext = { doc: doc.kind === 'pf' ? inRulesetContext(doc, workspace) : doc, workspace };
  const findings: Finding[] = [];
  for (const check of CHECKS) {
    if (!check.kinds.includes(doc.kind)) continue;
    try {
      for (const f of check.run(ctx)) {
        const target = f.uri === doc.uri ? doc : workspace.get(f.uri);
        if (target && isSuppressed(target.suppressions, f.code, f.range.start.line)) continue;
        findings.push(f);
      }
    } catch (error) {
      onError(check, error);
    }
  }
  return findings;
}
