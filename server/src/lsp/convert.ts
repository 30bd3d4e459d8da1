import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import { CODES, codeAnchor, type SeverityName } from '../checks/codes';
import type { Finding } from '../checks/types';
import { shownMessage } from '../checks/finding';
import type { FixProposal } from '../fixes/types';
import { effectiveSeverity, type Settings } from '../settings';

/** What a published diagnostic carries in `data`: the fixes, so code actions need no server state. */
export interface DiagnosticData {
  fixes: FixProposal[];
}

const LSP_SEVERITY: Record<SeverityName, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const SOURCE = 'freebsd-conf';

/**
 * Turns findings into LSP diagnostics: applies the severity settings (a code
 * set to `off` disappears), links each code to its README section and packs
 * the fixes into `data`. Messages quote CARP passwords only when the user
 * turned `showPasswords` on. The fixes in `data` keep the real pass in their
 * edits (a fix that wrote the mask would break the vhid); the client only
 * shows their titles, which never hold a pass.
 */
export function toDiagnostics(findings: readonly Finding[], settings: Settings, docsUrl: string, relatedSupport = true): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const severity = effectiveSeverity(f.code, settings);
    if (!severity) continue;
    const d: Diagnostic = {
      range: f.range,
      severity: LSP_SEVERITY[severity],
      code: f.code,
      codeDescription: { href: `${docsUrl}#${codeAnchor(f.code)}` },
      source: SOURCE,
      message: shownMessage(f, settings.showPasswords),
      data: { fixes: f.fixes ?? [] } satisfies DiagnosticData,
    };
    if ('unnecessary' in CODES[f.code]) d.tags = [DiagnosticTag.Unnecessary];
    if (f.related && f.related.length > 0 && relatedSupport) {
      d.relatedInformation = f.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
    }
    out.push(d);
  }
  // In document order, whichever check found them: the Problems view and tests read them top down.
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
