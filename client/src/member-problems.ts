import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, type TopologyMember, type TopologyResult } from '../../server/src/protocol';

/**
 * Our errors and warnings on the lines that define vhid group members (the
 * alias line of each member): what a group's icon and the status bar count.
 * Read from VS Code's diagnostics, which the server keeps published for
 * every file of the workspace, open or not, so nothing is asked again.
 */
export interface MemberProblems {
  errors: number;
  warnings: number;
  /** Each counted diagnostic once, errors first. */
  diagnostics: vscode.Diagnostic[];
}

/** The problems on the members' alias lines, each diagnostic counted once however many members share its line. */
export function problemsOnMembers(members: readonly TopologyMember[]): MemberProblems {
  const found = new Set<vscode.Diagnostic>();
  const byUri = new Map<string, vscode.Diagnostic[]>();
  for (const m of members) {
    const uri = vscode.Uri.parse(m.location.uri);
    const key = uri.toString();
    let diagnostics = byUri.get(key);
    if (!diagnostics) {
      diagnostics = vscode.languages.getDiagnostics(uri).filter(isOurProblem);
      byUri.set(key, diagnostics);
    }
    const { start, end } = m.location.range;
    for (const d of diagnostics) if (d.range.start.line <= end.line && d.range.end.line >= start.line) found.add(d);
  }
  const diagnostics = [...found].sort((a, b) => a.severity - b.severity);
  const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  return { errors, warnings: diagnostics.length - errors, diagnostics };
}

/** Every member of every group of the topology. */
export function allMembers(result: TopologyResult): TopologyMember[] {
  return result.clusters.flatMap((c) => c.groups.flatMap((g) => g.members));
}

/** True when a diagnostics change touches one of the members' files. */
export function touchesMembers(event: vscode.DiagnosticChangeEvent, members: readonly TopologyMember[]): boolean {
  if (members.length === 0) return false;
  const files = new Set(members.map((m) => vscode.Uri.parse(m.location.uri).toString()));
  return event.uris.some((u) => files.has(u.toString()));
}

/** `1 error, 2 warnings`; `` when there is none. */
export function describeProblems(p: Pick<MemberProblems, 'errors' | 'warnings'>): string {
  const parts: string[] = [];
  if (p.errors > 0) parts.push(`${p.errors} error${p.errors === 1 ? '' : 's'}`);
  if (p.warnings > 0) parts.push(`${p.warnings} warning${p.warnings === 1 ? '' : 's'}`);
  return parts.join(', ');
}

function isOurProblem(d: vscode.Diagnostic): boolean {
  return d.source === DIAGNOSTIC_SOURCE && (d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning);
}
