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
 * Diagnostics published per file at most. An editor slows to a crawl on
 * tens of thousands (a binary-looking text file can yield one per line), and
 * nobody reads past the first screens; the last one says how many were left
 * out, and the CLI reports them all.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;

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
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return capped(out);
}

/** The first MAX_DIAGNOSTICS_PER_FILE - 1 diagnostics and one saying how many more there are. */
function capped(all: Diagnostic[]): Diagnostic[] {
  if (all.length <= MAX_DIAGNOSTICS_PER_FILE) return all;
  const kept = all.slice(0, MAX_DIAGNOSTICS_PER_FILE - 1);
  const left = all.length - kept.length;
  const at = all[kept.length].range.start;
  kept.push({
    range: { start: at, end: at },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message: `${left} more problems in this file are not shown (at most ${MAX_DIAGNOSTICS_PER_FILE} per file). Run freebsd-conf check on it to list them all.`,
  });
  return kept;
}
